//! Writing one district as a OneRoster 1.2 **bulk** CSV package — a zip
//! file or a folder of CSV files — from the database, streaming every table
//! so memory stays flat whatever the district's size.
//!
//! The mapping is the one the importer reads back, so exporting and then
//! importing the package changes nothing. Rows without a `source_id`
//! (made in ssp rather than by a roster) are not exported.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use ssp_db::repo::roster_export::{self as repo, UserRow};
use ssp_db::{Db, DbError};
use ssp_domain::role::StaffRole;
use time::Date;
use uuid::Uuid;

/// `manifest.csv` of a 1.2 bulk package with the files ssp writes.
pub const MANIFEST: [(&str, &str); 25] = [
    ("manifest.version", "1.0"),
    ("oneroster.version", "1.2"),
    ("file.academicSessions", "bulk"),
    ("file.categories", "absent"),
    ("file.classes", "bulk"),
    ("file.classResources", "absent"),
    ("file.courses", "bulk"),
    ("file.courseResources", "absent"),
    ("file.demographics", "bulk"),
    ("file.enrollments", "bulk"),
    ("file.lineItemLearningObjectiveIds", "absent"),
    ("file.lineItems", "absent"),
    ("file.lineItemScoreScales", "absent"),
    ("file.orgs", "bulk"),
    ("file.resources", "absent"),
    ("file.resultLearningObjectiveIds", "absent"),
    ("file.results", "absent"),
    ("file.resultScoreScales", "absent"),
    ("file.roles", "bulk"),
    ("file.scoreScales", "absent"),
    ("file.userProfiles", "absent"),
    ("file.userResources", "absent"),
    ("file.users", "bulk"),
    ("source.systemName", "ssp"),
    ("source.systemCode", "ssp"),
];

/// The OneRoster 1.2 headers of the files ssp writes, in column order.
pub mod headers {
    pub const MANIFEST: [&str; 2] = ["propertyName", "value"];
    pub const ORGS: [&str; 7] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "name",
        "type",
        "identifier",
        "parentSourcedId",
    ];
    pub const ACADEMIC_SESSIONS: [&str; 9] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "title",
        "type",
        "startDate",
        "endDate",
        "parentSourcedId",
        "schoolYear",
    ];
    pub const COURSES: [&str; 10] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "schoolYearSourcedId",
        "title",
        "courseCode",
        "grades",
        "orgSourcedId",
        "subjects",
        "subjectCodes",
    ];
    pub const CLASSES: [&str; 14] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "title",
        "grades",
        "courseSourcedId",
        "classCode",
        "classType",
        "location",
        "schoolSourcedId",
        "termSourcedIds",
        "subjects",
        "subjectCodes",
        "periods",
    ];
    pub const USERS: [&str; 23] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "enabledUser",
        "username",
        "userIds",
        "givenName",
        "familyName",
        "middleName",
        "identifier",
        "email",
        "sms",
        "phone",
        "agentSourcedIds",
        "grades",
        "password",
        "userMasterIdentifier",
        "resourceSourcedIds",
        "preferredGivenName",
        "preferredMiddleName",
        "preferredFamilyName",
        "primaryOrgSourcedId",
        "pronouns",
    ];
    pub const ROLES: [&str; 10] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "userSourcedId",
        "roleType",
        "role",
        "beginDate",
        "endDate",
        "orgSourcedId",
        "userProfileSourcedId",
    ];
    pub const ENROLLMENTS: [&str; 10] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "classSourcedId",
        "schoolSourcedId",
        "userSourcedId",
        "role",
        "primary",
        "beginDate",
        "endDate",
    ];
    pub const DEMOGRAPHICS: [&str; 16] = [
        "sourcedId",
        "status",
        "dateLastModified",
        "birthDate",
        "sex",
        "americanIndianOrAlaskaNative",
        "asian",
        "blackOrAfricanAmerican",
        "nativeHawaiianOrOtherPacificIslander",
        "white",
        "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity",
        "countryOfBirthCode",
        "stateOfBirthAbbreviation",
        "cityOfBirth",
        "publicSchoolResidenceStatus",
    ];
}

/// What [`export_district`] reports while it works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportProgress {
    /// About how many rows the package will hold, counted before writing
    /// (for a progress bar's length; the real count may differ a little).
    Estimated { rows: u64 },
    /// Writing this file (e.g. `users.csv`) began.
    File(&'static str),
    /// Data rows written so far, over all files.
    Rows { written: u64 },
}

/// Data rows written per file (headers not counted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub orgs: u64,
    pub academic_sessions: u64,
    pub courses: u64,
    pub classes: u64,
    pub users: u64,
    pub roles: u64,
    pub enrollments: u64,
    pub demographics: u64,
}

impl ExportSummary {
    /// Each file's name and row count, in the order they were written.
    pub fn files(&self) -> [(&'static str, u64); 8] {
        [
            ("orgs.csv", self.orgs),
            ("academicSessions.csv", self.academic_sessions),
            ("courses.csv", self.courses),
            ("classes.csv", self.classes),
            ("users.csv", self.users),
            ("roles.csv", self.roles),
            ("enrollments.csv", self.enrollments),
            ("demographics.csv", self.demographics),
        ]
    }

    /// Data rows over all files.
    pub fn total(&self) -> u64 {
        self.files().iter().map(|(_, n)| n).sum()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("there is no active district with id {0} in this database")]
    UnknownDistrict(Uuid),
    #[error(
        "the district {name:?} has no roster source id (only districts from a roster import or the demo have one), \
         so it cannot be written as OneRoster"
    )]
    DistrictWithoutSourceId { name: String },
    #[error("could not read the roster from the database: {0}")]
    Db(DbError),
    #[error("could not write {}: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
}

impl From<DbError> for ExportError {
    fn from(e: DbError) -> Self {
        ExportError::Db(e)
    }
}

/// Writes the active roster of district `district_id` to `out` as a
/// OneRoster 1.2 bulk package: a zip file (deflate) if `out` ends in
/// `.zip`, else a folder of CSV files (created if missing; the package's
/// files in it are replaced). A zip is written beside `out` and renamed
/// into place when complete, so a failed export leaves no half package
/// under that name.
pub async fn export_district(
    db: &Db,
    district_id: Uuid,
    out: &Path,
    progress: &(dyn Fn(ExportProgress) + Sync),
) -> Result<ExportSummary, ExportError> {
    let district = repo::district(db, district_id)
        .await?
        .ok_or(ExportError::UnknownDistrict(district_id))?;
    let district_source = district
        .source_id
        .ok_or(ExportError::DistrictWithoutSourceId { name: district.name })?;
    let size = repo::estimate(db, district_id).await?;
    let estimate = [
        size.persons * 2,
        size.students,
        size.courses,
        size.classes,
        size.enrollments,
    ]
    .iter()
    .map(|&n| n.max(0) as u64)
    .sum();
    progress(ExportProgress::Estimated { rows: estimate });

    let mut package = Package::create(out)?;
    let result = write_package(db, district_id, &district_source, &mut package, progress).await;
    match result {
        Ok(summary) => {
            package.finish()?;
            tracing::info!(district = %district_source, out = %out.display(), rows = summary.total(), "OneRoster package written");
            Ok(summary)
        }
        Err(e) => {
            package.abandon();
            Err(e)
        }
    }
}

async fn write_package(
    db: &Db,
    district_id: Uuid,
    district: &str,
    package: &mut Package,
    progress: &(dyn Fn(ExportProgress) + Sync),
) -> Result<ExportSummary, ExportError> {
    let mut counter = Counter { written: 0, progress };
    let mut s = ExportSummary::default();
    let manifest = futures::stream::iter(MANIFEST.map(Ok::<_, DbError>)).boxed();
    table(
        package,
        "manifest.csv",
        &headers::MANIFEST,
        manifest,
        &mut Counter::quiet(),
        |out, (name, value)| out.row(&[name, value]),
    )
    .await?;

    s.orgs = table(
        package,
        "orgs.csv",
        &headers::ORGS,
        repo::orgs(db, district_id),
        &mut counter,
        |out, o| {
            out.row(&[
                o.source_id.as_str(),
                "",
                "",
                &o.name,
                &o.kind,
                opt(&o.identifier),
                opt(&o.parent_source_id),
            ])
        },
    )
    .await?;

    let sessions = repo::academic_sessions(db, district_id);
    s.academic_sessions = table(
        package,
        "academicSessions.csv",
        &headers::ACADEMIC_SESSIONS,
        sessions,
        &mut counter,
        |out, a| {
            out.row(&[
                a.source_id.as_str(),
                "",
                "",
                &a.title,
                &a.session_type,
                &ymd(a.start_date),
                &ymd(a.end_date),
                opt(&a.parent_source_id),
                &a.school_year.to_string(),
            ])
        },
    )
    .await?;

    s.courses = table(
        package,
        "courses.csv",
        &headers::COURSES,
        repo::courses(db, district_id),
        &mut counter,
        |out, c| {
            out.row(&[
                c.source_id.as_str(),
                "",
                "",
                "",
                &c.title,
                opt(&c.course_code),
                opt(&c.grades),
                &c.org_source_id,
                opt(&c.subjects),
                opt(&c.subject_codes),
            ])
        },
    )
    .await?;

    s.classes = table(
        package,
        "classes.csv",
        &headers::CLASSES,
        repo::classes(db, district_id),
        &mut counter,
        |out, c| {
            out.row(&[
                c.source_id.as_str(),
                "",
                "",
                &c.title,
                "",
                &c.course_source_id,
                opt(&c.class_code),
                &c.class_type,
                "",
                &c.school_source_id,
                &sorted_list(c.term_source_ids.as_deref()),
                "",
                opt(&c.subject_codes),
                opt(&c.periods),
            ])
        },
    )
    .await?;

    s.users = table(
        package,
        "users.csv",
        &headers::USERS,
        repo::users(db, district_id),
        &mut counter,
        |out, u| {
            let roles = roles_of(&u, district);
            let is_student = u.grade_level.is_some();
            let enabled = if u.disabled == Some(true) { "false" } else { "true" };
            let username = u
                .roster_username
                .as_deref()
                .or(u.username.as_deref())
                .unwrap_or(&u.source_id);
            let agents = if is_student {
                sorted_list(u.guardian_source_ids.as_deref())
            } else {
                sorted_list(u.student_source_ids.as_deref())
            };
            let grades = u.grade_level.map(|g| format!("{g:02}")).unwrap_or_default();
            let identifier = if is_student { opt(&u.local_id) } else { "" };
            let primary_org = roles.first().map_or("", |r| r.org.as_str());
            out.row(&[
                u.source_id.as_str(),
                "",
                "",
                enabled,
                username,
                opt(&u.user_ids),
                &u.given_name,
                &u.family_name,
                opt(&u.middle_name),
                identifier,
                opt(&u.email),
                "",
                opt(&u.phone),
                &agents,
                &grades,
                "",
                "",
                "",
                opt(&u.preferred_name),
                "",
                "",
                primary_org,
                opt(&u.pronouns),
            ])
        },
    )
    .await?;

    s.roles = table(
        package,
        "roles.csv",
        &headers::ROLES,
        repo::users(db, district_id),
        &mut counter,
        |out, u| {
            for (i, r) in roles_of(&u, district).iter().enumerate() {
                let id = format!("{}-{}-{}", u.source_id, r.org, r.role);
                let role_type = if i == 0 { "primary" } else { "secondary" };
                out.row(&[id.as_str(), "", "", &u.source_id, role_type, r.role, "", "", &r.org, ""])?;
            }
            Ok(())
        },
    )
    .await?;

    let enrollments = repo::enrollments(db, district_id);
    s.enrollments = table(
        package,
        "enrollments.csv",
        &headers::ENROLLMENTS,
        enrollments,
        &mut counter,
        |out, e| {
            out.row(&[
                e.source_id.as_str(),
                "",
                "",
                &e.class_source_id,
                &e.school_source_id,
                &e.user_source_id,
                &e.role,
                if e.is_primary { "true" } else { "false" },
                &e.begin_date.map(ymd).unwrap_or_default(),
                &e.end_date.map(ymd).unwrap_or_default(),
            ])
        },
    )
    .await?;

    let demographics = repo::demographics(db, district_id);
    s.demographics = table(
        package,
        "demographics.csv",
        &headers::DEMOGRAPHICS,
        demographics,
        &mut counter,
        |out, d| {
            let mut row = [""; 16];
            let birth = ymd(d.birth_date);
            row[0] = &d.source_id;
            row[3] = &birth;
            out.row(&row)
        },
    )
    .await?;

    progress(ExportProgress::Rows {
        written: counter.written,
    });
    Ok(s)
}

/// One role of a user as roles.csv states it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Role {
    org: String,
    role: &'static str,
}

/// A user's roles, the primary one first: a student's at their school; a
/// staff member's, one per assignment ordered by org then role (the
/// ssp-only roles, which OneRoster lacks, become one `aide` row per org;
/// kept aide and proctor roles from a roster join them);
/// a guardian's at the district, named by their first active link.
fn roles_of(u: &UserRow, district: &str) -> Vec<Role> {
    let mut roles = Vec::new();
    if let Some(school) = &u.student_school_source_id {
        roles.push(Role {
            org: school.clone(),
            role: "student",
        });
    }
    let other = list(u.other_roles.as_deref()).filter_map(|a| {
        let (org, role) = a.rsplit_once(':')?;
        let role = ["aide", "proctor"].into_iter().find(|r| *r == role)?;
        Some(Role {
            org: org.to_owned(),
            role,
        })
    });
    let mut staff: Vec<Role> = list(u.assignments.as_deref())
        .filter_map(|a| {
            let (org, role) = a.rsplit_once(':')?;
            let role = StaffRole::parse(role).ok()?;
            Some(Role {
                org: org.to_owned(),
                role: oneroster_staff_role(role),
            })
        })
        .chain(other)
        .collect();
    staff.sort_by(|a, b| (a.org.as_str(), a.role).cmp(&(b.org.as_str(), b.role)));
    staff.dedup();
    roles.extend(staff);
    if let Some(relationship) = &u.guardian_relationship {
        roles.push(Role {
            org: district.to_owned(),
            role: oneroster_guardian_role(relationship),
        });
    }
    roles
}

/// The OneRoster 1.2 role for an ssp staff role; roles OneRoster has no
/// word for are `aide` (the importer leaves those assignments alone).
fn oneroster_staff_role(role: StaffRole) -> &'static str {
    match role {
        StaffRole::Teacher => "teacher",
        StaffRole::Counselor => "counselor",
        StaffRole::SchoolAdmin => "principal",
        StaffRole::DistrictAdmin => "districtAdministrator",
        StaffRole::SocialWorker
        | StaffRole::Nurse
        | StaffRole::FamilyPartnershipSpecialist
        | StaffRole::CommunitySchoolCoordinator
        | StaffRole::MentorAdvisor => "aide",
    }
}

fn oneroster_guardian_role(relationship: &str) -> &'static str {
    match relationship {
        "parent" => "parent",
        "relative" => "relative",
        _ => "guardian",
    }
}

fn list(joined: Option<&str>) -> impl Iterator<Item = &str> {
    joined.unwrap_or("").split(',').filter(|s| !s.is_empty())
}

/// A comma-joined list from the database, sorted (byte order, the same on
/// both engines) and deduplicated.
fn sorted_list(joined: Option<&str>) -> String {
    let mut items: Vec<&str> = list(joined).collect();
    items.sort_unstable();
    items.dedup();
    items.join(",")
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Counts data rows over the whole package and reports every so often.
struct Counter<'p> {
    written: u64,
    progress: &'p (dyn Fn(ExportProgress) + Sync),
}

impl Counter<'_> {
    const EVERY: u64 = 10_000;

    fn quiet() -> Counter<'static> {
        fn ignore(_: ExportProgress) {}
        Counter {
            written: 0,
            progress: &ignore,
        }
    }

    fn add(&mut self) {
        self.written += 1;
        if self.written.is_multiple_of(Self::EVERY) {
            (self.progress)(ExportProgress::Rows { written: self.written });
        }
    }
}

/// The rows of one CSV file being written.
struct Records<'w, 'c, 'p> {
    csv: csv::Writer<Box<dyn Write + Send + 'w>>,
    rows: u64,
    counter: &'c mut Counter<'p>,
}

impl Records<'_, '_, '_> {
    fn row(&mut self, fields: &[&str]) -> csv::Result<()> {
        self.csv.write_record(fields)?;
        self.rows += 1;
        self.counter.add();
        Ok(())
    }
}

/// Writes one file of the package: the header, then `write` for each row
/// of the stream. Returns how many data rows were written.
async fn table<T>(
    package: &mut Package,
    name: &'static str,
    header: &[&str],
    mut rows: BoxStream<'_, Result<T, DbError>>,
    counter: &mut Counter<'_>,
    mut write: impl FnMut(&mut Records<'_, '_, '_>, T) -> csv::Result<()>,
) -> Result<u64, ExportError> {
    (counter.progress)(ExportProgress::File(name));
    let path = package.path_of(name);
    let io_err = |error: io::Error| ExportError::Io {
        path: path.clone(),
        error,
    };
    let sink = package.begin(name).map_err(io_err)?;
    let csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(64 * 1024)
        .from_writer(sink);
    let mut out = Records { csv, rows: 0, counter };
    out.csv.write_record(header).map_err(|e| io_err(e.into()))?;
    while let Some(row) = rows.try_next().await? {
        write(&mut out, row).map_err(|e| io_err(e.into()))?;
    }
    out.csv.flush().map_err(io_err)?;
    Ok(out.rows)
}

/// Where the files go: a folder, or entries of a zip being written.
enum Package {
    Folder(PathBuf),
    Zip {
        zip: Box<zip::ZipWriter<BufWriter<File>>>,
        partial: PathBuf,
        path: PathBuf,
    },
}

impl Package {
    fn create(out: &Path) -> Result<Package, ExportError> {
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |error| ExportError::Io { path, error }
        };
        let is_zip = out.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if !is_zip {
            std::fs::create_dir_all(out).map_err(io_err(out))?;
            return Ok(Package::Folder(out.to_path_buf()));
        }
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        let mut partial = out.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let file = File::create(&partial).map_err(io_err(&partial))?;
        Ok(Package::Zip {
            zip: Box::new(zip::ZipWriter::new(BufWriter::with_capacity(256 * 1024, file))),
            partial,
            path: out.to_path_buf(),
        })
    }

    /// The path to name in an error about file `name`.
    fn path_of(&self, name: &str) -> PathBuf {
        match self {
            Package::Folder(dir) => dir.join(name),
            Package::Zip { path, .. } => path.clone(),
        }
    }

    fn begin(&mut self, name: &str) -> io::Result<Box<dyn Write + Send + '_>> {
        match self {
            Package::Folder(dir) => Ok(Box::new(File::create(dir.join(name))?)),
            Package::Zip { zip, .. } => {
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated)
                    .unix_permissions(0o644);
                zip.start_file(name, options)?;
                Ok(Box::new(&mut **zip))
            }
        }
    }

    fn finish(self) -> Result<(), ExportError> {
        let Package::Zip { zip, partial, path } = self else {
            return Ok(());
        };
        let written = (*zip)
            .finish()
            .map_err(io::Error::from)
            .and_then(|buffered| buffered.into_inner().map_err(|e| e.into_error()))
            .and_then(|file| file.sync_all());
        if let Err(error) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(ExportError::Io { path, error });
        }
        std::fs::rename(&partial, &path).map_err(|error| ExportError::Io { path, error })
    }

    /// Removes a half-written zip (a folder keeps what was written).
    fn abandon(self) {
        if let Package::Zip { zip, partial, .. } = self {
            drop(zip);
            let _ = std::fs::remove_file(partial);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(source_id: &str) -> UserRow {
        UserRow {
            source_id: source_id.to_owned(),
            given_name: "Ana".to_owned(),
            family_name: "Diaz".to_owned(),
            preferred_name: None,
            pronouns: None,
            email: None,
            phone: None,
            roster_username: None,
            middle_name: None,
            user_ids: None,
            username: None,
            disabled: None,
            student_school_source_id: None,
            local_id: None,
            grade_level: None,
            guardian_relationship: None,
            guardian_source_ids: None,
            student_source_ids: None,
            assignments: None,
            other_roles: None,
        }
    }

    fn roles(u: &UserRow) -> Vec<(String, &'static str)> {
        roles_of(u, "dst-01").into_iter().map(|r| (r.org, r.role)).collect()
    }

    #[test]
    fn staff_roles_are_sorted_by_org_then_role_and_ssp_only_roles_become_one_aide_per_org() {
        let mut u = user("stf-00001");
        u.assignments = Some(
            "sch-002:teacher,sch-001:nurse,sch-001:social_worker,sch-001:counselor,dst-01:district_admin,sch-002:school_admin"
                .to_owned(),
        );
        assert_eq!(
            roles(&u),
            vec![
                ("dst-01".to_owned(), "districtAdministrator"),
                ("sch-001".to_owned(), "aide"),
                ("sch-001".to_owned(), "counselor"),
                ("sch-002".to_owned(), "principal"),
                ("sch-002".to_owned(), "teacher"),
            ]
        );
    }

    #[test]
    fn guardians_are_named_by_their_relationship_at_the_district() {
        for (relationship, role) in [
            ("parent", "parent"),
            ("guardian", "guardian"),
            ("relative", "relative"),
            ("other", "guardian"),
        ] {
            let mut u = user("gdn-000001");
            u.guardian_relationship = Some(relationship.to_owned());
            assert_eq!(roles(&u), vec![("dst-01".to_owned(), role)]);
        }
    }

    #[test]
    fn a_student_who_is_also_a_guardian_has_the_student_role_first() {
        let mut u = user("stu-000001");
        u.student_school_source_id = Some("sch-003".to_owned());
        u.guardian_relationship = Some("parent".to_owned());
        assert_eq!(
            roles(&u),
            vec![("sch-003".to_owned(), "student"), ("dst-01".to_owned(), "parent")]
        );
    }

    #[test]
    fn lists_are_sorted_and_without_duplicates() {
        assert_eq!(
            sorted_list(Some("gdn-000010,gdn-000002,gdn-000010")),
            "gdn-000002,gdn-000010"
        );
        assert_eq!(sorted_list(None), "");
        assert_eq!(sorted_list(Some("")), "");
    }

    #[test]
    fn dates_are_year_month_day() {
        assert_eq!(ymd(time::macros::date!(2027 - 01 - 05)), "2027-01-05");
    }
}
