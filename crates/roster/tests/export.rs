//! The OneRoster export as a district's data team meets it: a demo district
//! written as a 1.2 bulk package (a folder or a zip) that another system can
//! read — the right files and headers, every active person, class and
//! enrollment, references that resolve, and nothing inactive.
//!
//! Runs on PostgreSQL too when `SSP_TEST_DATABASE_URL` is set.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;
use std::sync::Mutex;

use ssp_db::repo::roster_export;
use ssp_db::{with_reader, with_tx, Db};
use ssp_roster::export::{export_district, ExportError, ExportProgress, ExportSummary};
use uuid::Uuid;

/// The OneRoster 1.2 headers, copied from the specification's CSV binding.
const HEADERS_1_2: [(&str, &str); 9] = [
    ("manifest.csv", "propertyName,value"),
    ("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId"),
    (
        "academicSessions.csv",
        "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
    ),
    (
        "courses.csv",
        "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
    ),
    (
        "classes.csv",
        "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,\
         termSourcedIds,subjects,subjectCodes,periods",
    ),
    (
        "users.csv",
        "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,\
         email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,\
         preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
    ),
    (
        "roles.csv",
        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
    ),
    (
        "enrollments.csv",
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
    ),
    (
        "demographics.csv",
        "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,\
         nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,\
         countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus",
    ),
];

/// A fresh database holding a 300-student demo district, and its id.
async fn demo_district() -> (Db, Uuid, Option<tempfile::TempDir>) {
    let (db, dir) = ssp_testkit::fresh_db().await;
    db.migrate().await.unwrap();
    ssp_demo::generate(&db, &ssp_demo::DemoOptions::new(300), &|_| {})
        .await
        .unwrap();
    let districts = roster_export::districts(&db).await.unwrap();
    assert_eq!(districts.len(), 1);
    assert_eq!(districts[0].source_id.as_deref(), Some("dst-01"));
    (db, districts[0].id, dir)
}

async fn export(db: &Db, district: Uuid, out: &Path) -> ExportSummary {
    export_district(db, district, out, &|_| {}).await.unwrap()
}

/// Each file of a package (folder or zip) and its raw text.
fn read_package(out: &Path) -> BTreeMap<String, String> {
    if out.is_dir() {
        return std::fs::read_dir(out)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().into_string().unwrap();
                (name, std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated, "{name}");
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (name, text)
        })
        .collect()
}

/// A CSV file read by header name, as an importer would.
struct Table {
    rows: Vec<BTreeMap<String, String>>,
}

impl Table {
    fn parse(text: &str) -> Table {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let rows = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                assert_eq!(r.len(), header.len());
                header.iter().cloned().zip(r.iter().map(str::to_owned)).collect()
            })
            .collect();
        Table { rows }
    }

    fn column(&self, name: &str) -> BTreeSet<String> {
        self.rows.iter().map(|r| r[name].clone()).collect()
    }

    fn find(&self, column: &str, value: &str) -> &BTreeMap<String, String> {
        let mut found = self.rows.iter().filter(|r| r[column] == value);
        let row = found.next().unwrap_or_else(|| panic!("no row with {column} = {value}"));
        assert!(found.next().is_none(), "several rows with {column} = {value}");
        row
    }

    fn filter(&self, column: &str, value: &str) -> Vec<&BTreeMap<String, String>> {
        self.rows.iter().filter(|r| r[column] == value).collect()
    }
}

struct Package {
    files: BTreeMap<String, String>,
}

impl Package {
    fn read(out: &Path) -> Package {
        Package {
            files: read_package(out),
        }
    }

    fn table(&self, file: &str) -> Table {
        Table::parse(&self.files[file])
    }
}

async fn count(db: &Db, sql: &str) -> u64 {
    let n: i64 = with_reader!(db, |p| sqlx::query_scalar(sql).fetch_one(p).await).unwrap();
    n as u64
}

#[tokio::test]
async fn a_zip_and_a_folder_hold_the_same_1_2_bulk_package_with_exact_headers() {
    let (db, district, _dir) = demo_district().await;
    let out = tempfile::tempdir().unwrap();
    let (folder, zip) = (out.path().join("package"), out.path().join("package.zip"));
    let in_folder = export(&db, district, &folder).await;
    let in_zip = export(&db, district, &zip).await;
    assert_eq!(in_folder, in_zip);
    assert!(zip.is_file());
    assert!(!out.path().join("package.zip.partial").exists());

    let package = Package::read(&zip);
    assert_eq!(package.files, Package::read(&folder).files, "zip and folder differ");
    let names: BTreeSet<&str> = package.files.keys().map(String::as_str).collect();
    assert_eq!(names, HEADERS_1_2.iter().map(|(file, _)| *file).collect());

    for (file, header) in HEADERS_1_2 {
        let text = &package.files[file];
        let first_line = text.split('\n').next().unwrap();
        assert_eq!(first_line, header, "{file}");
        assert!(!text.starts_with('\u{feff}'), "{file} starts with a BOM");
        assert!(!text.contains('\r'), "{file} has CR line endings");
        assert!(text.ends_with('\n'), "{file}");
    }

    let manifest: BTreeMap<String, String> = package
        .table("manifest.csv")
        .rows
        .into_iter()
        .map(|r| (r["propertyName"].clone(), r["value"].clone()))
        .collect();
    assert_eq!(manifest["manifest.version"], "1.0");
    assert_eq!(manifest["oneroster.version"], "1.2");
    assert_eq!(manifest["source.systemName"], "ssp");
    for (property, mode) in &manifest {
        let Some(file) = property.strip_prefix("file.") else {
            continue;
        };
        let present = package.files.contains_key(&format!("{file}.csv"));
        assert_eq!(mode == "bulk", present, "{property} = {mode}");
        assert!(mode == "bulk" || mode == "absent", "{property} = {mode}");
    }
    assert_eq!(manifest.keys().filter(|k| k.starts_with("file.")).count(), 21);

    // Bulk mode: status and dateLastModified are left empty everywhere.
    for (file, _) in &HEADERS_1_2[1..] {
        for row in package.table(file).rows {
            assert_eq!(
                (row["status"].as_str(), row["dateLastModified"].as_str()),
                ("", ""),
                "{file}"
            );
        }
    }

    // The summary counts what the files hold.
    for (file, rows) in in_zip.files() {
        assert_eq!(package.table(file).rows.len() as u64, rows, "{file}");
    }
}

#[tokio::test]
async fn every_active_student_guardian_staff_member_and_enrollment_is_written() {
    let (db, district, _dir) = demo_district().await;
    let out = tempfile::tempdir().unwrap();
    let reports = Mutex::new(Vec::new());
    let summary = export_district(&db, district, out.path(), &|p| reports.lock().unwrap().push(p))
        .await
        .unwrap();
    let package = Package::read(out.path());
    let (users, roles) = (package.table("users.csv"), package.table("roles.csv"));

    let students = count(&db, "SELECT COUNT(*) FROM students").await;
    let guardians = count(&db, "SELECT COUNT(DISTINCT guardian_id) FROM guardian_links").await;
    let staff = count(&db, "SELECT COUNT(DISTINCT person_id) FROM staff_assignments").await;
    let enrollments = count(
        &db,
        "SELECT COUNT(*) FROM enrollments WHERE role IN ('student', 'teacher')",
    )
    .await;
    assert_eq!(students, 300);
    assert_eq!(users.rows.len() as u64, students + guardians + staff);
    assert_eq!(roles.filter("role", "student").len() as u64, students);
    let guardian_roles = ["parent", "guardian", "relative"]
        .iter()
        .map(|r| roles.filter("role", r).len() as u64)
        .sum::<u64>();
    assert_eq!(guardian_roles, guardians);
    assert_eq!(summary.enrollments, enrollments);
    assert_eq!(summary.demographics, students);
    assert_eq!(users.filter("grades", "").len() as u64, guardians + staff);

    // Each user has exactly one primary role, at their primary org.
    for user in &users.rows {
        let theirs = roles.filter("userSourcedId", &user["sourcedId"]);
        let primary: Vec<_> = theirs.iter().filter(|r| r["roleType"] == "primary").collect();
        assert_eq!(primary.len(), 1, "{}", user["sourcedId"]);
        assert_eq!(primary[0]["orgSourcedId"], user["primaryOrgSourcedId"]);
    }
    assert_eq!(roles.column("sourcedId").len(), roles.rows.len(), "role ids are unique");

    // The progress reports name each file and end on the total.
    let reports = reports.into_inner().unwrap();
    assert!(matches!(reports[0], ExportProgress::Estimated { rows } if rows > 0));
    let files: Vec<&str> = reports
        .iter()
        .filter_map(|p| match p {
            ExportProgress::File(name) => Some(*name),
            _ => None,
        })
        .collect();
    assert_eq!(files, summary.files().map(|(file, _)| file));
    assert_eq!(
        reports.last(),
        Some(&ExportProgress::Rows {
            written: summary.total()
        })
    );
}

#[tokio::test]
async fn the_showcase_family_and_staff_read_as_oneroster_says() {
    let (db, district, _dir) = demo_district().await;
    let out = tempfile::tempdir().unwrap();
    export(&db, district, out.path()).await;
    let package = Package::read(out.path());
    let (users, roles, orgs) = (
        package.table("users.csv"),
        package.table("roles.csv"),
        package.table("orgs.csv"),
    );

    let district_row = orgs.find("type", "district");
    assert_eq!(district_row["sourcedId"], "dst-01");
    assert_eq!(district_row["parentSourcedId"], "", "the state is not exported");
    let school = orgs.find("name", "Riverside High School");
    assert_eq!(
        (school["type"].as_str(), school["parentSourcedId"].as_str()),
        ("school", "dst-01")
    );
    let school = school["sourcedId"].clone();

    let camila = users.find("username", "demo.student");
    let guardians: Vec<String> = ["demo.guardian", "demo.guardian.es"]
        .iter()
        .map(|u| users.find("username", u)["sourcedId"].clone())
        .collect();
    let mut agents = guardians.clone();
    agents.sort();
    assert_eq!(camila["givenName"], "Camila");
    assert_eq!(camila["familyName"], "Reyes");
    assert_eq!(camila["preferredGivenName"], "Cami");
    assert_eq!(camila["pronouns"], "she/her");
    assert_eq!(camila["grades"], "10");
    assert_eq!(camila["enabledUser"], "true");
    assert_eq!(camila["agentSourcedIds"], agents.join(","));
    assert_eq!(camila["primaryOrgSourcedId"], school);
    assert!(
        camila["identifier"].starts_with('1'),
        "the local id: {}",
        camila["identifier"]
    );
    // The list of two is one quoted cell.
    assert!(
        package.files["users.csv"].contains(&format!("\"{}\"", agents.join(","))),
        "agentSourcedIds is quoted"
    );
    let birth = package.table("demographics.csv");
    assert_eq!(birth.find("sourcedId", &camila["sourcedId"])["birthDate"], "2010-03-14");

    let dad = users.find("username", "demo.guardian");
    assert_eq!(dad["preferredGivenName"], "Mike");
    assert!(
        dad["agentSourcedIds"].contains(&camila["sourcedId"]),
        "{}",
        dad["agentSourcedIds"]
    );
    assert_eq!(dad["primaryOrgSourcedId"], "dst-01");
    assert_eq!(dad["grades"], "");
    let dad_role = roles.find("userSourcedId", &dad["sourcedId"]);
    assert_eq!(
        (dad_role["role"].as_str(), dad_role["orgSourcedId"].as_str()),
        ("parent", "dst-01")
    );

    for (username, role, org) in [
        ("demo.student", "student", school.as_str()),
        ("demo.counselor", "counselor", school.as_str()),
        ("demo.teacher", "teacher", school.as_str()),
        ("demo.schooladmin", "principal", school.as_str()),
        ("demo.nurse", "aide", school.as_str()),
        ("demo.mentor", "aide", school.as_str()),
        ("demo.districtadmin", "districtAdministrator", "dst-01"),
    ] {
        let user = users.find("username", username);
        let row = roles.find("userSourcedId", &user["sourcedId"]);
        assert_eq!(
            (
                row["role"].as_str(),
                row["orgSourcedId"].as_str(),
                row["roleType"].as_str()
            ),
            (role, org, "primary"),
            "{username}"
        );
        assert_eq!(row["sourcedId"], format!("{}-{org}-{role}", user["sourcedId"]));
        assert_eq!(user["primaryOrgSourcedId"], org, "{username}");
    }
}

#[tokio::test]
async fn every_reference_in_the_package_resolves() {
    let (db, district, _dir) = demo_district().await;
    let out = tempfile::tempdir().unwrap();
    export(&db, district, &out.path().join("or.zip")).await;
    let package = Package::read(&out.path().join("or.zip"));
    let ids = |file: &str| package.table(file).column("sourcedId");
    let (orgs, sessions, courses, classes, users) = (
        ids("orgs.csv"),
        ids("academicSessions.csv"),
        ids("courses.csv"),
        ids("classes.csv"),
        ids("users.csv"),
    );

    let enrollments = package.table("enrollments.csv");
    assert!(!enrollments.rows.is_empty());
    for e in &enrollments.rows {
        assert!(classes.contains(&e["classSourcedId"]), "{e:?}");
        assert!(users.contains(&e["userSourcedId"]), "{e:?}");
        assert!(orgs.contains(&e["schoolSourcedId"]), "{e:?}");
        assert!(["student", "teacher"].contains(&e["role"].as_str()), "{e:?}");
        assert!(["true", "false"].contains(&e["primary"].as_str()), "{e:?}");
        assert_eq!(e["beginDate"].len(), 10, "{e:?}");
    }
    for c in &package.table("classes.csv").rows {
        assert!(courses.contains(&c["courseSourcedId"]), "{c:?}");
        assert!(orgs.contains(&c["schoolSourcedId"]), "{c:?}");
        assert!(!c["termSourcedIds"].is_empty(), "{c:?}");
        for term in c["termSourcedIds"].split(',') {
            assert!(sessions.contains(term), "{c:?}");
        }
    }
    for c in &package.table("courses.csv").rows {
        assert!(orgs.contains(&c["orgSourcedId"]), "{c:?}");
    }
    for s in &package.table("academicSessions.csv").rows {
        assert!(
            s["parentSourcedId"].is_empty() || sessions.contains(&s["parentSourcedId"]),
            "{s:?}"
        );
        assert_eq!(s["schoolYear"], "2027");
    }
    for r in &package.table("roles.csv").rows {
        assert!(users.contains(&r["userSourcedId"]), "{r:?}");
        assert!(orgs.contains(&r["orgSourcedId"]), "{r:?}");
    }
    for u in &package.table("users.csv").rows {
        for agent in u["agentSourcedIds"].split(',').filter(|a| !a.is_empty()) {
            assert!(users.contains(agent), "{u:?}");
        }
    }
    for d in &package.table("demographics.csv").rows {
        assert!(users.contains(&d["sourcedId"]), "{d:?}");
    }
}

#[tokio::test]
async fn an_inactive_student_is_left_out_everywhere() {
    let (db, district, _dir) = demo_district().await;
    let camila: Uuid = with_reader!(&db, |p| sqlx::query_scalar(
        "SELECT person_id FROM accounts WHERE username = 'demo.student'"
    )
    .fetch_one(p)
    .await)
    .unwrap();
    let mut tx = db.begin().await.unwrap();
    with_tx!(&mut tx, |c| {
        for table in ["students", "persons"] {
            let key = if table == "students" { "person_id" } else { "id" };
            sqlx::query(&format!("UPDATE {table} SET status = 'inactive' WHERE {key} = $1"))
                .bind(camila)
                .execute(&mut *c)
                .await
                .unwrap();
        }
        sqlx::query("UPDATE enrollments SET status = 'inactive' WHERE person_id = $1")
            .bind(camila)
            .execute(&mut *c)
            .await
            .unwrap();
    });
    tx.commit().await.unwrap();

    let out = tempfile::tempdir().unwrap();
    export(&db, district, out.path()).await;
    let package = Package::read(out.path());
    let users = package.table("users.csv");
    assert!(users.filter("username", "demo.student").is_empty());
    assert_eq!(users.filter("grades", "").len() + 299, users.rows.len());
    let her_id: String = with_reader!(&db, |p| sqlx::query_scalar(
        "SELECT source_id FROM persons WHERE id = $1"
    )
    .bind(camila)
    .fetch_one(p)
    .await)
    .unwrap();
    for file in ["users.csv", "roles.csv", "enrollments.csv", "demographics.csv"] {
        assert!(!package.files[file].contains(&her_id), "{file} still names {her_id}");
    }
    // Her parents stay, still naming her brother.
    let dad = users.find("username", "demo.guardian");
    assert!(!dad["agentSourcedIds"].is_empty());
}

#[tokio::test]
async fn an_unknown_district_is_a_clear_error_and_writes_nothing() {
    let (db, _district, _dir) = demo_district().await;
    let out = tempfile::tempdir().unwrap();
    let zip = out.path().join("nothing.zip");
    let missing = Uuid::now_v7();
    let err = export_district(&db, missing, &zip, &|_| {}).await.unwrap_err();
    assert!(
        matches!(err, ExportError::UnknownDistrict(id) if id == missing),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        format!("there is no active district with id {missing} in this database")
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn an_unwritable_destination_names_the_path() {
    let (db, district, _dir) = demo_district().await;
    let out = tempfile::tempdir().unwrap();
    let blocker = out.path().join("plain-file");
    std::fs::write(&blocker, "x").unwrap();
    let err = export_district(&db, district, &blocker.join("or.zip"), &|_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, ExportError::Io { .. }), "{err}");
    assert!(err.to_string().contains("plain-file"), "{err}");
}
