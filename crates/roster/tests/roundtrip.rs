//! Property: any valid OneRoster 1.2 package imports with exactly its own
//! counts, and importing it again changes nothing.

use std::fmt::Write as _;
use std::path::Path;

use proptest::prelude::*;
use ssp_roster::{import, ImportOptions};
use time::macros::datetime;

#[derive(Debug, Clone)]
struct Student {
    grade: u8,
    school: usize,
    guardians: u8,
    /// Which classes (by index, modulo the class count) they take.
    classes: Vec<usize>,
    name: String,
}

#[derive(Debug, Clone)]
struct District {
    schools: usize,
    teachers: usize,
    classes: usize,
    students: Vec<Student>,
}

fn name() -> impl Strategy<Value = String> {
    // Letters, accents, apostrophes, commas and quotes: what CSV quoting must carry.
    prop::sample::select(vec![
        "Ana",
        "José",
        "O'Brien",
        "Nguyễn",
        "Smith, Jr.",
        "Zoë \"Z\"",
        "李",
        "Ñandú",
    ])
    .prop_map(str::to_owned)
}

fn district() -> impl Strategy<Value = District> {
    (1usize..=3, 1usize..=4, 1usize..=5).prop_flat_map(|(schools, teachers, classes)| {
        let student = (
            6u8..=12,
            0..schools,
            0u8..=2,
            prop::collection::vec(0usize..16, 0..4),
            name(),
        )
            .prop_map(|(grade, school, guardians, classes, name)| Student {
                grade,
                school,
                guardians,
                classes,
                name,
            });
        prop::collection::vec(student, 0..20).prop_map(move |students| District {
            schools,
            teachers,
            classes,
            students,
        })
    })
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

struct Expected {
    students: u64,
    guardians: u64,
    links: u64,
    enrollments: u64,
    classes: u64,
}

/// Writes the district as a 1.2 bulk package; every class sits at school 0.
fn write(d: &District, dir: &Path) -> Expected {
    let files = [
        "academicSessions",
        "classes",
        "courses",
        "demographics",
        "enrollments",
        "orgs",
        "roles",
        "users",
    ];
    let mut manifest = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n".to_owned();
    for f in files {
        let _ = writeln!(manifest, "file.{f},bulk");
    }
    let mut orgs =
        "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd1,,,Test District,district,,\n"
            .to_owned();
    for s in 0..d.schools {
        let _ = writeln!(orgs, "s{s},,,School {s},school,,d1");
    }
    let sessions = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n\
                    y,,,2026-27,schoolYear,2026-07-01,2027-06-30,,2027\nt1,,,Fall,semester,2026-08-24,2027-01-15,y,2027\n";
    let courses = "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes\n\
                   c,,,,Course,C1,\"06,07\",d1,,\n";
    let mut classes =
        "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
            .to_owned();
    for k in 0..d.classes {
        let _ = writeln!(classes, "k{k},,,Class {k},,c,,scheduled,,s0,t1,,,\"1,2\"");
    }
    let mut users = "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,identifier,agentSourcedIds,grades,preferredGivenName,pronouns\n".to_owned();
    let mut roles = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n".to_owned();
    let mut enrollments = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n".to_owned();
    let demographics = "sourcedId,status,dateLastModified,birthDate\n".to_owned();
    let mut e = Expected {
        students: d.students.len() as u64,
        guardians: 0,
        links: 0,
        enrollments: 0,
        classes: d.classes as u64,
    };
    for t in 0..d.teachers {
        let _ = writeln!(users, "t{t},,,true,t{t},Teacher,{},,,,,", csv_cell(&format!("T{t}")));
        let _ = writeln!(roles, "rt{t},,,t{t},primary,teacher,s0");
        let _ = writeln!(enrollments, "et{t},,,k{},s0,t{t},teacher,true,,", t % d.classes);
        e.enrollments += 1;
    }
    for (i, s) in d.students.iter().enumerate() {
        let agents: Vec<String> = (0..s.guardians).map(|g| format!("g{i}-{g}")).collect();
        let _ = writeln!(
            users,
            "u{i},,,true,u{i},{},Student,id{i},{},{:02},,",
            csv_cell(&s.name),
            csv_cell(&agents.join(",")),
            s.grade
        );
        let _ = writeln!(roles, "ru{i},,,u{i},primary,student,s{}", s.school);
        for g in &agents {
            let _ = writeln!(users, "{g},,,true,{g},Parent,{},,,,,", csv_cell(&s.name));
            let _ = writeln!(roles, "r{g},,,{g},primary,parent,d1");
            e.guardians += 1;
            e.links += 1;
        }
        let mut taken: Vec<usize> = s.classes.iter().map(|k| k % d.classes).collect();
        taken.sort();
        taken.dedup();
        for k in taken {
            let _ = writeln!(enrollments, "e{i}-{k},,,k{k},s0,u{i},student,false,2026-08-24,");
            e.enrollments += 1;
        }
    }
    for (file, body) in [
        ("manifest", manifest.as_str()),
        ("orgs", &orgs),
        ("academicSessions", sessions),
        ("courses", courses),
        ("classes", &classes),
        ("users", &users),
        ("roles", &roles),
        ("enrollments", &enrollments),
        ("demographics", &demographics),
    ] {
        std::fs::write(dir.join(format!("{file}.csv")), body).unwrap();
    }
    e
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_package_round_trips(d in district()) {
        let dir = tempfile::tempdir().unwrap();
        let expected = write(&d, dir.path());
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let (db, _db_dir) = ssp_testkit::fresh_db().await;
            db.migrate().await.unwrap();
            let opts = ImportOptions {
                district: None,
                expected_district: None,
                dry_run: false,
                confirm_deactivations: false,
                now: datetime!(2026-11-02 08:00 UTC),
                import_id: None,
                started_by: None,
                source_name: "generated".to_owned(),
            };
            let first = import(&db, dir.path(), &opts, &|_| {}).await.unwrap();
            assert_eq!(first.errors_total, 0, "{:?}", first.issues);
            assert_eq!(first.counts("students").created, expected.students);
            assert_eq!(first.counts("guardians").created, expected.guardians);
            assert_eq!(first.counts("guardian links").created, expected.links);
            assert_eq!(first.counts("enrollments").created, expected.enrollments);
            assert_eq!(first.counts("classes").created, expected.classes);
            assert_eq!(first.counts("orgs").created, d.schools as u64 + 1);

            let again = import(&db, dir.path(), &opts, &|_| {}).await.unwrap();
            assert!(!again.changed(), "re-import changed {:?}", again.kinds);
            assert_eq!(again.counts("students").unchanged, expected.students);
            assert_eq!(again.counts("enrollments").unchanged, expected.enrollments);
            db.close().await;
        });
    }
}
