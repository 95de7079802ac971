//! The export round-trips (issue 12, part 6): a package imported, exported,
//! imported into a fresh database and exported again gives the same bytes,
//! and the export keeps what the import read — `username`, `middleName`,
//! `userIds`, `subjectCodes`, and the aide and proctor roles ssp has no use
//! for. On the engine under test (SQLite, or PostgreSQL when
//! SSP_TEST_DATABASE_URL is set).

use std::path::Path;

use ssp_db::{with_reader, Db};
use ssp_roster::export::export_district;
use ssp_roster::{import, ImportOptions};
use time::macros::datetime;
use uuid::Uuid;

const FILES: [&str; 9] = [
    "manifest",
    "orgs",
    "academicSessions",
    "courses",
    "classes",
    "users",
    "roles",
    "enrollments",
    "demographics",
];

/// A 1.2 package as an SIS writes it: usernames unlike the sourcedIds,
/// middle names, userIds, subject codes, an aide and a proctor.
fn write_package(dir: &Path) {
    let files = [
        (
            "manifest",
            "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.academicSessions,bulk\n\
             file.courses,bulk\nfile.classes,bulk\nfile.users,bulk\nfile.roles,bulk\nfile.enrollments,bulk\nfile.demographics,bulk\n",
        ),
        (
            "orgs",
            "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n\
             d1,,,Lakeside District,district,LK,\ns1,,,Lakeside Middle,school,LM,d1\ns2,,,Lakeside High,school,LH,d1\n",
        ),
        (
            "academicSessions",
            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n\
             y,,,2026-27,schoolYear,2026-08-24,2027-06-11,,2027\nf,,,Fall,semester,2026-08-24,2027-01-15,y,2027\n",
        ),
        (
            "courses",
            "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes\n\
             c1,,,,Science 7,SCI7,07,s1,science,\"00256,00257\"\nc2,,,,Algebra,ALG1,\"09,10\",s2,math,02052\n",
        ),
        (
            "classes",
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n\
             k1,,,Science 7 A,,c1,S7A,scheduled,,s1,y,,00256,1\nk2,,,Algebra B,,c2,ALGB,scheduled,,s2,\"f,y\",,02052,\"2,3\"\n",
        ),
        (
            "users",
            "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns\n\
             u1,,,true,ana.diaz,\"{LDAP:10441},{Fed:ana@lk.example}\",Ana,Díaz,María,1001,ana@lk.example,,,g1,07,,,,Annie,,,s1,she/her\n\
             u2,,,true,omar.h,,Omar,Haddad,,1002,,,,,10,,,,,,,s2,\n\
             g1,,,true,rosa.diaz,{LDAP:20001},Rosa,Díaz,Elena,,rosa@home.example,,555-0101,u1,,,,,,,,d1,\n\
             t1,,,true,ben.ng,{LDAP:30001},Ben,Ng,,,ben@lk.example,,,,,,,,,,,s1,\n\
             a1,,,true,cleo.aide,,Cleo,Park,Jo,,,,,,,,,,,,,s1,\n\
             p1,,,true,dev.proctor,,Dev,Rao,,,,,,,,,,,,,,s2,\n",
        ),
        (
            "roles",
            "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId\n\
             r1,,,u1,primary,student,,,s1,\nr2,,,u2,primary,student,,,s2,\nr3,,,g1,primary,parent,,,d1,\n\
             r4,,,t1,primary,teacher,,,s1,\nr5,,,t1,secondary,counselor,,,s2,\nr6,,,a1,primary,aide,,,s1,\n\
             r7,,,p1,primary,proctor,,,s2,\nr8,,,p1,secondary,aide,,,s1,\n",
        ),
        (
            "enrollments",
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n\
             e1,,,k1,s1,u1,student,false,2026-08-24,\ne2,,,k1,s1,t1,teacher,true,,\ne3,,,k2,s2,u2,student,false,,2027-01-15\n",
        ),
        (
            "demographics",
            "sourcedId,status,dateLastModified,birthDate,sex\nu1,,,2014-03-14,female\nu2,,,2011-01-02,male\n",
        ),
    ];
    for (file, body) in files {
        std::fs::write(dir.join(format!("{file}.csv")), body).unwrap();
    }
}

fn options() -> ImportOptions {
    ImportOptions {
        district: None,
        expected_district: None,
        dry_run: false,
        confirm_deactivations: false,
        now: datetime!(2026-11-02 08:00 UTC),
        import_id: None,
        started_by: None,
        source_name: "roundtrip".to_owned(),
    }
}

async fn fresh() -> (Db, Option<tempfile::TempDir>) {
    let (db, dir) = ssp_testkit::fresh_db().await;
    db.migrate().await.expect("migrations apply");
    (db, dir)
}

async fn district(db: &Db) -> Uuid {
    with_reader!(db, |pool| sqlx::query_scalar(
        "SELECT id FROM orgs WHERE kind = 'district' AND source_id = 'd1'"
    )
    .fetch_one(pool)
    .await
    .unwrap())
}

/// Imports `package` into a fresh database and exports it to `out`.
async fn import_then_export(package: &Path, out: &Path) {
    let (db, _dir) = fresh().await;
    let r = import(&db, package, &options(), &|_| {}).await.expect("imports");
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    export_district(&db, district(&db).await, out, &|_| {})
        .await
        .expect("exports");
    db.close().await;
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{file}.csv"))).unwrap()
}

fn row<'a>(text: &'a str, sid: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(&format!("{sid},")))
        .unwrap_or_else(|| panic!("no row {sid} in\n{text}"))
}

#[tokio::test]
async fn import_export_import_export_gives_the_same_bytes() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    write_package(a.path());
    import_then_export(a.path(), b.path()).await;
    import_then_export(b.path(), c.path()).await;
    for file in FILES {
        let (first, second) = (read(b.path(), file), read(c.path(), file));
        assert!(first.lines().count() > 1, "{file}.csv has rows");
        assert_eq!(first, second, "{file}.csv differs after a second round");
    }
}

#[tokio::test]
async fn the_export_keeps_usernames_middle_names_user_ids_subject_codes_and_aide_and_proctor_roles() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_package(a.path());
    import_then_export(a.path(), b.path()).await;
    let users = read(b.path(), "users");
    assert_eq!(
        users.lines().next().unwrap(),
        "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,\
         email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,\
         preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
        "the OneRoster 1.2 users.csv columns, in the binding's order"
    );
    assert_eq!(
        row(&users, "u1"),
        "u1,,,true,ana.diaz,\"{LDAP:10441},{Fed:ana@lk.example}\",Ana,Díaz,María,1001,ana@lk.example,,,g1,07,,,,Annie,,,s1,she/her"
    );
    assert_eq!(
        row(&users, "g1"),
        "g1,,,true,rosa.diaz,{LDAP:20001},Rosa,Díaz,Elena,,rosa@home.example,,555-0101,u1,,,,,,,,d1,"
    );
    assert!(
        row(&users, "a1").starts_with("a1,,,true,cleo.aide,,Cleo,Park,Jo,"),
        "the aide is exported"
    );
    assert!(
        row(&users, "p1").starts_with("p1,,,true,dev.proctor,"),
        "the proctor is exported"
    );

    let roles = read(b.path(), "roles");
    assert!(row(&roles, "a1-s1-aide").contains(",a1,primary,aide,"), "{roles}");
    assert!(row(&roles, "p1-s1-aide").contains(",p1,primary,aide,"), "{roles}");
    assert!(
        row(&roles, "p1-s2-proctor").contains(",p1,secondary,proctor,"),
        "{roles}"
    );

    let courses = read(b.path(), "courses");
    assert!(
        row(&courses, "c1").ends_with(",s1,science,\"00256,00257\""),
        "{courses}"
    );
    let classes = read(b.path(), "classes");
    assert!(row(&classes, "k2").ends_with(",02052,\"2,3\""), "{classes}");
}
