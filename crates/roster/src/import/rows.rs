//! One CSV row turned into what ssp keeps — pure, no database. References
//! to other records stay as sourcedIds here; `apply` resolves them.

use ssp_domain::support::demographics::{RaceFlags, Sex, StudentDemographics};
use time::{Date, OffsetDateTime};

use crate::package::{Mode, Version};
use crate::table::{Choice, Problems, Row};
use ssp_db::repo::roster::{PersonRec, SESSION_TYPES};

/// Columns OneRoster requires, per file and version (`status` and
/// `dateLastModified` are added in delta mode).
pub fn required_columns(file: &str, version: Version) -> &'static [&'static str] {
    match (file, version) {
        ("orgs", _) => &["sourcedId", "name", "type"],
        ("academicSessions", _) => &["sourcedId", "title", "type", "startDate", "endDate", "schoolYear"],
        ("courses", _) => &["sourcedId", "title", "orgSourcedId"],
        ("classes", _) => &[
            "sourcedId",
            "title",
            "courseSourcedId",
            "classType",
            "schoolSourcedId",
            "termSourcedIds",
        ],
        ("users", Version::V1_1) => &[
            "sourcedId",
            "enabledUser",
            "orgSourcedIds",
            "role",
            "username",
            "givenName",
            "familyName",
        ],
        ("users", Version::V1_2) => &["sourcedId", "enabledUser", "username", "givenName", "familyName"],
        ("roles", _) => &["sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"],
        ("enrollments", _) => &[
            "sourcedId",
            "classSourcedId",
            "schoolSourcedId",
            "userSourcedId",
            "role",
        ],
        ("demographics", _) => &["sourcedId"],
        _ => &[],
    }
}

/// What every row has.
#[derive(Debug, Clone)]
pub struct Head {
    pub sid: String,
    pub active: bool,
    pub modified: Option<OffsetDateTime>,
}

/// The row's sourcedId, status and time; a row whose width is not the
/// header's is refused at once (its fields are not where the header says).
fn head(row: &Row<'_>, mode: Mode, p: &mut Problems) -> Result<Head, Problems> {
    row.check_width()?;
    let sid = p.get(row.required("sourcedId")).to_owned();
    let (active, modified) = row.delta(mode, p);
    Ok(Head { sid, active, modified })
}

#[derive(Debug, Clone)]
pub struct OrgRow {
    pub head: Head,
    /// `district` or `school`; `None` for types ssp does not keep.
    pub kind: Option<&'static str>,
    pub type_name: String,
    pub name: String,
    pub identifier: Option<String>,
}

pub fn org(row: &Row<'_>, mode: Mode, _: Version) -> Result<OrgRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let name = p.get(row.required("name")).to_owned();
    let type_name = p.or(
        row.choice_ext(
            "type",
            &["department", "school", "district", "local", "state", "national"],
        ),
        Choice::Known(""),
    );
    let (kind, type_name) = match type_name {
        Choice::Known("district") => (Some("district"), "district".to_owned()),
        Choice::Known("school") => (Some("school"), "school".to_owned()),
        Choice::Known(other) => (None, other.to_owned()),
        Choice::Ext(ext) => (None, ext.to_owned()),
    };
    let identifier = p.get(row.optional("identifier"));
    p.done(OrgRow {
        head,
        kind,
        type_name,
        name,
        identifier,
    })
}

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub head: Head,
    pub title: String,
    /// `None` for an extension type (`ext:…`), which ssp does not keep.
    pub session_type: Option<&'static str>,
    pub type_name: String,
    pub start_date: Date,
    pub end_date: Date,
    pub parent: Option<String>,
    pub school_year: i32,
}

pub fn session(row: &Row<'_>, mode: Mode, _: Version) -> Result<SessionRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let title = p.get(row.required("title")).to_owned();
    let (session_type, type_name) = match p.or(row.choice_ext("type", &SESSION_TYPES), Choice::Known("")) {
        Choice::Known(t) => (Some(t), t.to_owned()),
        Choice::Ext(ext) => (None, ext.to_owned()),
    };
    let start = p.get(row.required_date("startDate").map(Some));
    let end = p.get(row.required_date("endDate").map(Some));
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            p.push((
                Some("endDate"),
                format!("the session ends ({e}) before it starts ({s})"),
            ));
        }
    }
    let year = p.get(row.required("schoolYear"));
    let school_year = year.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
    if school_year.is_none() && !year.is_empty() {
        p.push((Some("schoolYear"), format!("{year:?} is not a year (YYYY)")));
    }
    let parent = p.get(row.optional("parentSourcedId"));
    let (Some(start_date), Some(end_date), Some(school_year)) = (start, end, school_year) else {
        return Err(p);
    };
    p.done(SessionRow {
        head,
        title,
        session_type,
        type_name,
        start_date,
        end_date,
        parent,
        school_year,
    })
}

#[derive(Debug, Clone)]
pub struct CourseRow {
    pub head: Head,
    pub title: String,
    pub course_code: Option<String>,
    pub grades: Option<String>,
    pub org: String,
    pub subjects: Option<String>,
    pub subject_codes: Option<String>,
}

pub fn course(row: &Row<'_>, mode: Mode, _: Version) -> Result<CourseRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let title = p.get(row.required("title")).to_owned();
    let course_code = p.get(row.optional("courseCode"));
    let grades = joined(p.get(row.list("grades")));
    let org = p.get(row.required("orgSourcedId")).to_owned();
    let subjects = joined(p.get(row.list("subjects")));
    let subject_codes = joined(p.get(row.list("subjectCodes")));
    p.done(CourseRow {
        head,
        title,
        course_code,
        grades,
        org,
        subjects,
        subject_codes,
    })
}

fn joined(items: Vec<&str>) -> Option<String> {
    (!items.is_empty()).then(|| items.join(","))
}

#[derive(Debug, Clone)]
pub struct ClassRow {
    pub head: Head,
    pub title: String,
    pub course: String,
    pub class_code: Option<String>,
    pub class_type: &'static str,
    pub school: String,
    pub terms: Vec<String>,
    pub periods: Option<String>,
    pub subject_codes: Option<String>,
}

pub fn class(row: &Row<'_>, mode: Mode, _: Version) -> Result<ClassRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let title = p.get(row.required("title")).to_owned();
    let course = p.get(row.required("courseSourcedId")).to_owned();
    let class_type = p.get(row.choice("classType", &["homeroom", "scheduled"]));
    let school = p.get(row.required("schoolSourcedId")).to_owned();
    let terms: Vec<String> = p
        .get(row.list("termSourcedIds"))
        .into_iter()
        .map(str::to_owned)
        .collect();
    if terms.is_empty() && p.list.iter().all(|(c, _)| *c != Some("termSourcedIds")) {
        p.push((Some("termSourcedIds"), "at least one term is required".to_owned()));
    }
    let class_code = p.get(row.optional("classCode"));
    let periods = joined(p.get(row.list("periods")));
    let subject_codes = joined(p.get(row.list("subjectCodes")));
    p.done(ClassRow {
        head,
        title,
        course,
        class_code,
        class_type,
        school,
        terms,
        periods,
        subject_codes,
    })
}

#[derive(Debug, Clone)]
pub struct DemographicRow {
    pub sid: String,
    pub active: bool,
    pub birth_date: Option<Date>,
    /// Kept apart for the fairness audit only (never read by a rule).
    pub demographics: StudentDemographics,
}

pub fn demographic(row: &Row<'_>, mode: Mode, version: Version) -> Result<DemographicRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let birth_date = p.get(row.date("birthDate"));
    let sexes: &[&'static str] = match version {
        Version::V1_1 => &["male", "female"],
        Version::V1_2 => &["male", "female", "unspecified", "other"],
    };
    // A sex the standard does not list is a warning, not a refusal: the
    // row's birth date (which decides the eligible-student rule) still counts.
    let sex = match row.text("sex") {
        Ok("") | Err(_) => None,
        Ok(v) => match sexes.iter().find(|s| s.eq_ignore_ascii_case(v)) {
            Some(s) => Sex::parse(s),
            None => {
                row.warn("sex", v, format!("{v:?} is not one of {}; not kept", sexes.join(", ")));
                None
            }
        },
    };
    let mut flag = |column: &'static str| p.get(row.boolean(column)).unwrap_or(false);
    let flags = RaceFlags {
        american_indian_alaska_native: flag("americanIndianOrAlaskaNative"),
        asian: flag("asian"),
        black_african_american: flag("blackOrAfricanAmerican"),
        native_hawaiian_pacific_islander: flag("nativeHawaiianOrOtherPacificIslander"),
        white: flag("white"),
        two_or_more: flag("demographicRaceTwoOrMoreRaces"),
        hispanic_latino: flag("hispanicOrLatinoEthnicity"),
    };
    p.done(DemographicRow {
        sid: head.sid,
        active: head.active,
        birth_date,
        demographics: StudentDemographics {
            sex,
            race_ethnicity: flags.category(),
        },
    })
}

pub const ROLES_1_1: [&str; 8] = [
    "administrator",
    "aide",
    "guardian",
    "parent",
    "proctor",
    "relative",
    "student",
    "teacher",
];
pub const ROLES_1_2: [&str; 12] = [
    "aide",
    "counselor",
    "districtAdministrator",
    "guardian",
    "parent",
    "principal",
    "proctor",
    "relative",
    "siteAdministrator",
    "student",
    "systemAdministrator",
    "teacher",
];

/// One role of a user at an org.
#[derive(Debug, Clone)]
pub struct RoleRow {
    pub line: u64,
    pub sid: String,
    pub active: bool,
    pub user: String,
    /// `None` for an extension role (`ext:…`), which ssp does not keep.
    pub role: Option<&'static str>,
    pub primary: bool,
    pub org: String,
}

pub fn role(row: &Row<'_>, mode: Mode, _: Version) -> Result<RoleRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let user = p.get(row.required("userSourcedId")).to_owned();
    let primary = p.get(row.choice("roleType", &["primary", "secondary"])) == "primary";
    let role = match p.or(row.choice_ext("role", &ROLES_1_2), Choice::Known("")) {
        Choice::Known(r) => Some(r),
        Choice::Ext(_) => None,
    };
    let org = p.get(row.required("orgSourcedId")).to_owned();
    p.done(RoleRow {
        line: row.line,
        sid: head.sid,
        active: head.active,
        user,
        role,
        primary,
        org,
    })
}

#[derive(Debug, Clone)]
pub struct UserRow {
    pub head: Head,
    pub person: PersonRec,
    /// 1.1: the role and orgs on the row itself (`None` for an extension
    /// role, `ext:…`).
    pub roles_1_1: Option<(Option<&'static str>, Vec<String>)>,
    pub agents: Vec<String>,
    pub grade: Option<Grade>,
    pub identifier: Option<String>,
    pub primary_org: Option<String>,
}

/// A CEDS grade code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// Grades 6–12, the ones a plan covers.
    InScope(i32),
    /// Kindergarten, grade 3, post-secondary, …
    OutOfScope,
}

const CEDS_GRADES: [&str; 21] = [
    "IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "PS",
    "UG", "Other",
];

/// The first grade of a user's `grades`: a CEDS code, read leniently (a
/// code in other case, or a grade written without its leading zero, is
/// read with a warning).
fn grade(row: &Row<'_>, code: &str) -> Result<Grade, crate::table::Bad> {
    let exact = CEDS_GRADES.iter().copied().find(|g| *g == code);
    let code = match exact {
        Some(c) => c,
        None => {
            let padded = (code.len() == 1 && code.as_bytes()[0].is_ascii_digit()).then(|| format!("0{code}"));
            let found = CEDS_GRADES
                .iter()
                .copied()
                .find(|g| g.eq_ignore_ascii_case(code) || padded.as_deref() == Some(*g))
                .ok_or_else(|| {
                    (
                        Some("grades"),
                        format!("{code:?} is not a CEDS grade code (06, 07, … 12, KG, …)"),
                    )
                })?;
            row.warn(
                "grades",
                code,
                format!("{code:?} is not written as the CEDS grade code {found:?}; read as {found:?}"),
            );
            found
        }
    };
    Ok(match code.parse::<i32>() {
        Ok(n) if (6..=12).contains(&n) => Grade::InScope(n),
        _ => Grade::OutOfScope,
    })
}

pub fn user(row: &Row<'_>, mode: Mode, version: Version) -> Result<UserRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let given = p.get(row.text("givenName"));
    let family = p.get(row.text("familyName"));
    let username = p.get(row.optional("username"));
    if head.active {
        p.get(row.required("username"));
        p.get(row.required("givenName"));
        p.get(row.required("familyName"));
        p.get(row.choice("enabledUser", &["true", "false"]));
    }
    let roles_1_1 = match version {
        Version::V1_1 if head.active => {
            let role = match p.or(row.choice_ext("role", &ROLES_1_1), Choice::Known("")) {
                Choice::Known(r) => Some(r),
                Choice::Ext(_) => None,
            };
            let orgs = p
                .get(row.list("orgSourcedIds"))
                .into_iter()
                .map(str::to_owned)
                .collect();
            Some((role, orgs))
        }
        _ => None,
    };
    let grade = match p.get(row.list("grades")).first() {
        None => None,
        Some(code) => p.get(grade(row, code).map(Some)),
    };
    let phone = p.get(row.optional("phone")).or(p.get(row.optional("sms")));
    let preferred = p.get(row.optional("preferredGivenName"));
    let person = PersonRec {
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        preferred_name: preferred.filter(|x| x != given),
        pronouns: p.get(row.optional("pronouns")),
        email: p.get(row.optional("email")),
        phone,
        username,
        middle_name: p.get(row.optional("middleName")),
        user_ids: joined(p.get(row.list("userIds"))),
    };
    let agents = p
        .get(row.list("agentSourcedIds"))
        .into_iter()
        .map(str::to_owned)
        .collect();
    let identifier = p.get(row.optional("identifier"));
    let primary_org = p.get(row.optional("primaryOrgSourcedId"));
    p.done(UserRow {
        person,
        head,
        roles_1_1,
        agents,
        grade,
        identifier,
        primary_org,
    })
}

#[derive(Debug, Clone)]
pub struct EnrollmentRow {
    pub head: Head,
    pub class: String,
    pub school: String,
    pub user: String,
    /// `student`/`teacher`, or `None` for administrator/proctor or an
    /// extension role (not kept).
    pub role: Option<&'static str>,
    pub role_name: &'static str,
    pub primary: bool,
    pub begin_date: Option<Date>,
    pub end_date: Option<Date>,
}

pub fn enrollment(row: &Row<'_>, mode: Mode, _: Version) -> Result<EnrollmentRow, Problems> {
    let mut p = Problems::default();
    let head = head(row, mode, &mut p)?;
    let class = p.get(row.required("classSourcedId")).to_owned();
    let school = p.get(row.required("schoolSourcedId")).to_owned();
    let user = p.get(row.required("userSourcedId")).to_owned();
    let role_name = match p.or(
        row.choice_ext("role", &["administrator", "proctor", "student", "teacher"]),
        Choice::Known(""),
    ) {
        Choice::Known(r) => r,
        Choice::Ext(_) => "extension roles",
    };
    let role = match role_name {
        "student" => Some("student"),
        "teacher" => Some("teacher"),
        _ => None,
    };
    let begin_date = p.get(row.date("beginDate"));
    let end_date = p.get(row.date("endDate"));
    if let (Some(b), Some(e)) = (begin_date, end_date) {
        if e < b {
            p.push((
                Some("endDate"),
                format!("the enrollment ends ({e}) before it begins ({b})"),
            ));
        }
    }
    let primary = p.get(row.boolean("primary")).unwrap_or(false);
    p.done(EnrollmentRow {
        head,
        class,
        school,
        user,
        role,
        role_name,
        primary,
        begin_date,
        end_date,
    })
}
