//! One CSV row turned into what ssp keeps — pure, no database. References
//! to other records stay as sourcedIds here; `apply` resolves them.

use time::{Date, OffsetDateTime};

use crate::package::{Mode, Version};
use crate::table::{Bad, Row};
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

fn head(row: &Row<'_>, mode: Mode) -> Result<Head, Bad> {
    row.check_width()?;
    let sid = row.required("sourcedId")?.to_owned();
    let (active, modified) = row.delta(mode)?;
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

pub fn org(row: &Row<'_>, mode: Mode, _: Version) -> Result<OrgRow, Bad> {
    let head = head(row, mode)?;
    let name = row.required("name")?.to_owned();
    let type_name = row.choice(
        "type",
        &["department", "school", "district", "local", "state", "national"],
    )?;
    let kind = match type_name {
        "district" => Some("district"),
        "school" => Some("school"),
        _ => None,
    };
    Ok(OrgRow {
        head,
        kind,
        type_name: type_name.to_owned(),
        name,
        identifier: row.optional("identifier")?,
    })
}

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub head: Head,
    pub title: String,
    pub session_type: &'static str,
    pub start_date: Date,
    pub end_date: Date,
    pub parent: Option<String>,
    pub school_year: i32,
}

pub fn session(row: &Row<'_>, mode: Mode, _: Version) -> Result<SessionRow, Bad> {
    let head = head(row, mode)?;
    let title = row.required("title")?.to_owned();
    let session_type = row.choice("type", &SESSION_TYPES)?;
    let start_date = row.required_date("startDate")?;
    let end_date = row.required_date("endDate")?;
    if end_date < start_date {
        return Err((
            Some("endDate"),
            format!("the session ends ({end_date}) before it starts ({start_date})"),
        ));
    }
    let year = row.required("schoolYear")?;
    let school_year = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| (Some("schoolYear"), format!("{year:?} is not a year (YYYY)")))?;
    Ok(SessionRow {
        head,
        title,
        session_type,
        start_date,
        end_date,
        parent: row.optional("parentSourcedId")?,
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
}

pub fn course(row: &Row<'_>, mode: Mode, _: Version) -> Result<CourseRow, Bad> {
    let head = head(row, mode)?;
    Ok(CourseRow {
        head,
        title: row.required("title")?.to_owned(),
        course_code: row.optional("courseCode")?,
        grades: joined(row.list("grades")?),
        org: row.required("orgSourcedId")?.to_owned(),
        subjects: joined(row.list("subjects")?),
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
}

pub fn class(row: &Row<'_>, mode: Mode, _: Version) -> Result<ClassRow, Bad> {
    let head = head(row, mode)?;
    let title = row.required("title")?.to_owned();
    let course = row.required("courseSourcedId")?.to_owned();
    let class_type = row.choice("classType", &["homeroom", "scheduled"])?;
    let school = row.required("schoolSourcedId")?.to_owned();
    let terms: Vec<String> = row.list("termSourcedIds")?.into_iter().map(str::to_owned).collect();
    if terms.is_empty() {
        return Err((Some("termSourcedIds"), "at least one term is required".to_owned()));
    }
    Ok(ClassRow {
        head,
        title,
        course,
        class_code: row.optional("classCode")?,
        class_type,
        school,
        terms,
        periods: joined(row.list("periods")?),
    })
}

#[derive(Debug, Clone)]
pub struct DemographicRow {
    pub sid: String,
    pub active: bool,
    pub birth_date: Option<Date>,
}

pub fn demographic(row: &Row<'_>, mode: Mode, _: Version) -> Result<DemographicRow, Bad> {
    let head = head(row, mode)?;
    let birth_date = row.date("birthDate")?;
    Ok(DemographicRow {
        sid: head.sid,
        active: head.active,
        birth_date,
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
    pub role: &'static str,
    pub primary: bool,
    pub org: String,
}

pub fn role(row: &Row<'_>, mode: Mode, _: Version) -> Result<RoleRow, Bad> {
    let head = head(row, mode)?;
    let user = row.required("userSourcedId")?.to_owned();
    let primary = row.choice("roleType", &["primary", "secondary"])? == "primary";
    let role = row.choice("role", &ROLES_1_2)?;
    let org = row.required("orgSourcedId")?.to_owned();
    Ok(RoleRow {
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
    /// 1.1: the role and orgs on the row itself.
    pub roles_1_1: Option<(&'static str, Vec<String>)>,
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

pub fn user(row: &Row<'_>, mode: Mode, version: Version) -> Result<UserRow, Bad> {
    let head = head(row, mode)?;
    let given = row.text("givenName")?;
    let family = row.text("familyName")?;
    if head.active {
        row.required("username")?;
        row.required("givenName")?;
        row.required("familyName")?;
        row.choice("enabledUser", &["true", "false"])?;
    }
    let roles_1_1 = match version {
        Version::V1_1 if head.active => Some((
            row.choice("role", &ROLES_1_1)?,
            row.list("orgSourcedIds")?.into_iter().map(str::to_owned).collect(),
        )),
        _ => None,
    };
    let grade = match row.list("grades")?.first() {
        None => None,
        Some(code) => {
            let code = CEDS_GRADES
                .iter()
                .find(|g| g.eq_ignore_ascii_case(code))
                .ok_or_else(|| {
                    (
                        Some("grades"),
                        format!("{code:?} is not a CEDS grade code (06, 07, … 12, KG, …)"),
                    )
                })?;
            Some(match code.parse::<i32>() {
                Ok(n) if (6..=12).contains(&n) => Grade::InScope(n),
                _ => Grade::OutOfScope,
            })
        }
    };
    let phone = row.optional("phone")?.or(row.optional("sms")?);
    let preferred = row.optional("preferredGivenName")?;
    Ok(UserRow {
        person: PersonRec {
            given_name: given.to_owned(),
            family_name: family.to_owned(),
            preferred_name: preferred.filter(|p| p != given),
            pronouns: row.optional("pronouns")?,
            email: row.optional("email")?,
            phone,
        },
        head,
        roles_1_1,
        agents: row.list("agentSourcedIds")?.into_iter().map(str::to_owned).collect(),
        grade,
        identifier: row.optional("identifier")?,
        primary_org: row.optional("primaryOrgSourcedId")?,
    })
}

#[derive(Debug, Clone)]
pub struct EnrollmentRow {
    pub head: Head,
    pub class: String,
    pub school: String,
    pub user: String,
    /// `student`/`teacher`, or `None` for administrator/proctor (not kept).
    pub role: Option<&'static str>,
    pub role_name: &'static str,
    pub primary: bool,
    pub begin_date: Option<Date>,
    pub end_date: Option<Date>,
}

pub fn enrollment(row: &Row<'_>, mode: Mode, _: Version) -> Result<EnrollmentRow, Bad> {
    let head = head(row, mode)?;
    let class = row.required("classSourcedId")?.to_owned();
    let school = row.required("schoolSourcedId")?.to_owned();
    let user = row.required("userSourcedId")?.to_owned();
    let role_name = row.choice("role", &["administrator", "proctor", "student", "teacher"])?;
    let role = match role_name {
        "student" => Some("student"),
        "teacher" => Some("teacher"),
        _ => None,
    };
    let begin_date = row.date("beginDate")?;
    let end_date = row.date("endDate")?;
    if let (Some(b), Some(e)) = (begin_date, end_date) {
        if e < b {
            return Err((
                Some("endDate"),
                format!("the enrollment ends ({e}) before it begins ({b})"),
            ));
        }
    }
    Ok(EnrollmentRow {
        head,
        class,
        school,
        user,
        role,
        role_name,
        primary: row.boolean("primary")?.unwrap_or(false),
        begin_date,
        end_date,
    })
}
