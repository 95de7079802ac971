//! Student lists filtered by an access scope, and one student's header.

use sqlx::FromRow;
use ssp_domain::access::{ListScope, ScopePart};
use ssp_domain::{OrgId, StudentId};
use time::Date;
use uuid::Uuid;

use super::access::scope_sql;
use crate::{bind_scope, with_reader, Db, DbError};

#[derive(Debug, Clone, FromRow)]
pub struct StudentListRow {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub grade_level: i32,
    pub school_name: String,
    pub local_id: Option<String>,
    pub up_to_date: Option<bool>,
    pub overdue_check_ins: Option<i32>,
}

/// Which plans a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    UpToDate,
    NotUpToDate,
    OverdueCheckIns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Grade,
    /// Plans needing attention first: not up to date, most overdue first.
    Status,
}

/// Filters a caseload or student list can apply on top of the scope.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub status: StatusFilter,
    /// 0 for any grade.
    pub grade: i32,
    pub school: Option<Uuid>,
    pub sort: SortBy,
    pub search: Option<Search>,
    /// A 2024 career cluster key: only students who saved a career in it.
    pub interest_cluster: Option<String>,
    pub academic: AcademicFilter,
    pub support: SupportFilter,
}

/// The caseload's support filters, on the stored flags and interventions
/// (active flags: open, acknowledged or in progress).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SupportFilter {
    #[default]
    All,
    /// An active flag, or an active tier 2 or 3 intervention: the school's
    /// "students who need support".
    NeedsSupport,
    /// An active flag of this kind (a `FlagKind` key).
    Flag(&'static str),
    /// An active flag whose next step is past its due date.
    OverdueNextStep,
    /// An active flag whose owner no longer holds an active role at the
    /// student's school (nor a district administrator's).
    Unowned,
    /// An active intervention at this tier (`tier_1`…`tier_3`).
    Tier(&'static str),
}

/// The caseload's academic filters, on the stored `academic_status`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AcademicFilter {
    #[default]
    All,
    /// Computed as not on track to graduate (students with no transcript
    /// yet are not listed: nothing says they are behind).
    NotOnTrack,
    /// Grades 8–12 whose course plan is not approved (none, draft,
    /// submitted or returned).
    PlanNotApproved,
}

/// A name or student-number search: every word must begin one of the
/// student's names (family, given or preferred); a single word may also be
/// the exact local or state student id.
#[derive(Debug, Clone)]
pub struct Search {
    words: Vec<String>,
    number: String,
}

impl Search {
    /// `None` for a blank search. At most four words are used.
    pub fn parse(text: &str, db: &Db) -> Option<Search> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        // SQLite's lower() folds ASCII letters only; PostgreSQL's folds all.
        let fold = |w: &str| match db {
            Db::Sqlite(_) => w.to_ascii_lowercase(),
            Db::Postgres(_) => w.to_lowercase(),
        };
        let mut words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(fold)
            .take(4)
            .collect();
        // The longest word picks the candidates from the index.
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        Some(Search {
            words,
            number: text.chars().take(64).collect(),
        })
    }
}

/// Where a page starts: an offset in the sorted list, or (sorting by name)
/// right after a given student, which walks the name index from there.
#[derive(Debug, Clone, Copy)]
pub enum PageStart {
    Offset(i64),
    After(Uuid),
}

/// The SQL shared by the count and the page, with its binds.
struct Where {
    sql: String,
    ids: Vec<crate::repo::access::ScopeBind>,
    texts: Vec<String>,
    /// Whether the district's name index drives the query.
    district_walk: bool,
}

/// Builds the WHERE clause. Binds `$1`..`$4` are limit, offset, grade and
/// school; the scope (or district) and search binds follow.
fn where_clause(
    db: &Db,
    scope: &ListScope,
    filter: &ListFilter,
    today: Date,
    district: OrgId,
    for_page: bool,
) -> Where {
    let status_sql = match filter.status {
        StatusFilter::All => "",
        StatusFilter::UpToDate => " AND COALESCE(ps.up_to_date, FALSE)",
        StatusFilter::NotUpToDate => " AND NOT COALESCE(ps.up_to_date, FALSE)",
        StatusFilter::OverdueCheckIns => " AND COALESCE(ps.overdue_check_ins, 0) > 0",
    };
    let mut sql = format!(
        "s.status = 'active' AND ($3 = 0 OR s.grade_level = $3) AND ($4 IS NULL OR s.school_id = $4){status_sql}"
    );
    let mut ids = Vec::new();
    let mut texts = Vec::new();
    let mut n = 5;
    // A district-wide scope is the whole district: the name index of its
    // people is walked in order instead of filtering and sorting every student.
    let district_walk = scope.parts.contains(&ScopePart::District(district));
    if district_walk && filter.search.is_some() {
        // The search's candidates are all of this district already; they
        // drive the query instead of the district's 45,000 students.
    } else if district_walk {
        ids.push(crate::repo::access::ScopeBind::Id(district.0));
        // The page's join order starts from the people's name index; the
        // count needs the students' index only.
        if for_page {
            sql.push_str(&format!(" AND s.district_id = ${n} AND p.district_id = ${n}"));
        } else {
            sql.push_str(&format!(" AND s.district_id = ${n}"));
        }
        n += 1;
    } else {
        let (scope_filter, binds) = scope_sql(scope, today, n);
        n += binds.len();
        ids.extend(binds);
        sql.push_str(" AND ");
        sql.push_str(&scope_filter);
    }
    if let Some(search) = &filter.search {
        let coll = match db {
            Db::Sqlite(_) => "",
            Db::Postgres(_) => " COLLATE \"C\"",
        };
        // Across a district, the longest word picks candidates from the
        // name indexes; a school or caseload is small enough to test row by row.
        let candidates_from = district_walk.then(|| {
            ids.push(crate::repo::access::ScopeBind::Id(district.0));
            let d = n;
            n += 1;
            d
        });
        let mut candidates = Vec::new();
        if let (Some(d), Some(first)) = (candidates_from, search.words.first()) {
            let (lo, hi) = (n, n + 1);
            n += 2;
            texts.push(first.clone());
            texts.push(format!("{first}\u{10FFFF}"));
            for col in ["family_name", "given_name", "preferred_name"] {
                // (The preferred-name index is partial: say so, or it is not used.)
                let present = if col == "preferred_name" {
                    " AND preferred_name IS NOT NULL"
                } else {
                    ""
                };
                candidates.push(format!(
                    "SELECT id FROM persons WHERE district_id = ${d}{present} AND lower({col}){coll} >= ${lo} AND lower({col}){coll} < ${hi}"
                ));
            }
        }
        let num = n;
        n += 1;
        texts.push(search.number.clone());
        if let Some(d) = candidates_from {
            candidates.push(format!(
                "SELECT person_id FROM students WHERE district_id = ${d} AND local_id = ${num}"
            ));
            candidates.push(format!(
                "SELECT person_id FROM students WHERE state_student_id IS NOT NULL AND state_student_id = ${num} AND district_id = ${d}"
            ));
            sql.push_str(&format!(" AND s.person_id IN ({})", candidates.join(" UNION ")));
        }
        // Every word begins a name (or the whole text is the number).
        let mut every = Vec::new();
        for w in &search.words {
            let k = n;
            n += 1;
            texts.push(w.clone());
            every.push(format!(
                "(substr(lower(p.family_name), 1, length(${k})) = ${k} OR substr(lower(p.given_name), 1, length(${k})) = ${k} \
                 OR substr(lower(COALESCE(p.preferred_name, '')), 1, length(${k})) = ${k})"
            ));
        }
        let all_words = if every.is_empty() {
            "1 = 0".to_owned()
        } else {
            every.join(" AND ")
        };
        sql.push_str(&format!(
            " AND (({all_words}) OR s.local_id = ${num} OR s.state_student_id = ${num})"
        ));
    }
    match filter.academic {
        AcademicFilter::All => {}
        // One primary-key lookup per student in scope: an `IN (SELECT …)`
        // here built the list of every such student of the state on each
        // request (22,000 not on track, 100,000 approved plans at 300,000
        // students), whatever the scope's size.
        AcademicFilter::NotOnTrack => sql.push_str(
            " AND EXISTS (SELECT 1 FROM academic_status a WHERE a.student_id = s.person_id AND a.on_track = FALSE)",
        ),
        AcademicFilter::PlanNotApproved => sql.push_str(
            " AND s.grade_level >= 8 AND NOT EXISTS (SELECT 1 FROM academic_status a WHERE a.student_id = s.person_id AND a.plan_status = 'approved')",
        ),
    }
    // As the academic filters: one indexed lookup per student in scope.
    const ACTIVE_FLAG: &str = "SELECT 1 FROM flags f WHERE f.student_id = s.person_id \
         AND f.status IN ('open', 'acknowledged', 'in_progress')";
    match filter.support {
        SupportFilter::All => {}
        SupportFilter::NeedsSupport => sql.push_str(&format!(
            " AND (EXISTS ({ACTIVE_FLAG}) OR EXISTS (SELECT 1 FROM interventions i WHERE i.student_id = s.person_id \
             AND i.status = 'active' AND i.tier IN ('tier_2', 'tier_3')))"
        )),
        // The kinds and tiers are the domain's keys, never typed text.
        SupportFilter::Flag(kind) => sql.push_str(&format!(" AND EXISTS ({ACTIVE_FLAG} AND f.kind = '{kind}')")),
        SupportFilter::OverdueNextStep => {
            texts.push(today.to_string());
            let due = match db {
                Db::Sqlite(_) => format!("${n}"),
                Db::Postgres(_) => format!("CAST(${n} AS DATE)"),
            };
            n += 1;
            sql.push_str(&format!(" AND EXISTS ({ACTIVE_FLAG} AND f.next_step_due < {due})"));
        }
        SupportFilter::Unowned => sql.push_str(&format!(
            " AND EXISTS ({ACTIVE_FLAG} AND NOT EXISTS (SELECT 1 FROM staff_assignments sa \
             WHERE sa.person_id = f.owner_id AND sa.status = 'active' \
             AND (sa.org_id = s.school_id OR sa.role = 'district_admin')))"
        )),
        SupportFilter::Tier(tier) => sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM interventions i WHERE i.student_id = s.person_id \
             AND i.status = 'active' AND i.tier = '{tier}')"
        )),
    }
    if let Some(cluster) = &filter.interest_cluster {
        texts.push(cluster.clone());
        sql.push_str(&format!(
            " AND s.person_id IN (SELECT sc.student_id FROM saved_careers sc JOIN occupations o ON o.code = sc.code WHERE o.cluster_2024 = ${n})"
        ));
    }
    Where {
        sql,
        ids,
        texts,
        district_walk,
    }
}

/// How many students in `scope` pass `filter`.
pub async fn count(
    db: &Db,
    scope: &ListScope,
    filter: &ListFilter,
    today: Date,
    district: OrgId,
) -> Result<i64, DbError> {
    let w = where_clause(db, scope, filter, today, district, false);
    let plan_join = if filter.status == StatusFilter::All {
        ""
    } else {
        " LEFT JOIN plan_status ps ON ps.student_id = s.person_id"
    };
    let person_join = if filter.search.is_some() {
        " JOIN persons p ON p.id = s.person_id"
    } else {
        ""
    };
    // $1 and $2 (limit, offset) are not used by the count: bind them as a
    // no-op so the numbering stays the same as the page's.
    let sql = format!(
        "SELECT COUNT(*) FROM students s{person_join}{plan_join} WHERE $1 >= 0 AND $2 >= 0 AND {}",
        w.sql
    );
    let total: i64 = with_reader!(db, |p| {
        let q = sqlx::query_scalar(&sql)
            .bind(0_i64)
            .bind(0_i64)
            .bind(filter.grade)
            .bind(filter.school);
        let mut q = bind_scope!(q, w.ids);
        for t in &w.texts {
            q = q.bind(t.as_str());
        }
        q.fetch_one(p).await
    })?;
    Ok(total)
}

/// One page of the students in `scope` that pass `filter`.
pub async fn page(
    db: &Db,
    scope: &ListScope,
    filter: &ListFilter,
    today: Date,
    district: OrgId,
    limit: i64,
    start: PageStart,
) -> Result<Vec<StudentListRow>, DbError> {
    let mut w = where_clause(db, scope, filter, today, district, true);
    let order = match filter.sort {
        SortBy::Name => "p.family_name, p.given_name, p.id",
        SortBy::Grade => "s.grade_level, p.family_name, p.given_name, p.id",
        SortBy::Status => {
            "COALESCE(ps.up_to_date, FALSE), COALESCE(ps.overdue_check_ins, 0) DESC, p.family_name, p.given_name, p.id"
        }
    };
    let (offset, after) = match start {
        PageStart::Offset(o) => (o, None),
        PageStart::After(id) if filter.sort == SortBy::Name => (0, Some(id)),
        PageStart::After(_) => (0, None),
    };
    // The cursor's sort key, read once; an unknown cursor starts at the top.
    let cursor: Option<(String, String, Uuid)> = match after {
        Some(id) => with_reader!(db, |p| sqlx::query_as::<_, (String, String)>(
            "SELECT family_name, given_name FROM persons WHERE id = $1"
        )
        .bind(id)
        .fetch_optional(p)
        .await)?
        .map(|(f, g)| (f, g, id)),
        None => None,
    };
    if cursor.is_some() {
        let k = 5 + w.ids.len() + w.texts.len();
        w.sql.push_str(&format!(
            " AND (p.family_name, p.given_name, p.id) > (${k}, ${}, ${})",
            k + 1,
            k + 2
        ));
    }
    // On a district-wide list the people's name index leads (SQLite keeps a
    // CROSS JOIN's order), so a page reads about one page of rows.
    let from = if w.district_walk && filter.search.is_none() && filter.sort == SortBy::Name {
        "persons p CROSS JOIN students s"
    } else {
        "students s CROSS JOIN persons p"
    };
    let sql = format!(
        "SELECT s.person_id, p.given_name, p.family_name, p.preferred_name, s.grade_level, o.name AS school_name, s.local_id, \
                ps.up_to_date, ps.overdue_check_ins \
         FROM {from} JOIN orgs o ON o.id = s.school_id \
         LEFT JOIN plan_status ps ON ps.student_id = s.person_id \
         WHERE p.id = s.person_id AND {} \
         ORDER BY {order} LIMIT $1 OFFSET $2",
        w.sql
    );
    Ok(with_reader!(db, |p| {
        let q = sqlx::query_as(&sql)
            .bind(limit)
            .bind(offset)
            .bind(filter.grade)
            .bind(filter.school);
        let mut q = bind_scope!(q, w.ids);
        for t in &w.texts {
            q = q.bind(t.as_str());
        }
        if let Some((f, g, id)) = &cursor {
            q = q.bind(f.as_str()).bind(g.as_str()).bind(*id);
        }
        q.fetch_all(p).await
    })?)
}

/// The grade levels that have active students at these schools (or, with
/// `district`, anywhere in the district): what a grade filter offers.
pub async fn grades_offered(db: &Db, district: Option<OrgId>, schools: &[Uuid]) -> Result<Vec<i32>, DbError> {
    if district.is_none() && schools.is_empty() {
        return Ok(vec![]);
    }
    let place = match district {
        Some(_) => "district_id = $1 AND status = 'active'".to_owned(),
        None => {
            let list: Vec<String> = (1..=schools.len()).map(|i| format!("${i}")).collect();
            format!("school_id IN ({}) AND status = 'active'", list.join(", "))
        }
    };
    // One indexed probe per grade, not a scan of every student.
    let sql = ssp_domain::GradeLevel::all()
        .map(|g| {
            let g = g.get();
            format!("SELECT {g} AS g WHERE EXISTS (SELECT 1 FROM students WHERE {place} AND grade_level = {g})")
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    Ok(with_reader!(db, |p| {
        let mut q = sqlx::query_scalar(&sql);
        match district {
            Some(d) => q = q.bind(d.0),
            None => {
                for s in schools {
                    q = q.bind(*s);
                }
            }
        }
        q.fetch_all(p).await
    })?)
}

#[derive(Debug, Clone, FromRow)]
pub struct StudentHeader {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub pronouns: Option<String>,
    pub grade_level: i32,
    pub graduation_year: i32,
    pub school_name: String,
    pub birth_date: Option<Date>,
    pub shares_with_guardians: bool,
    pub local_id: Option<String>,
}

pub async fn header(db: &Db, student: StudentId) -> Result<Option<StudentHeader>, DbError> {
    let sql = "SELECT s.person_id, p.given_name, p.family_name, p.preferred_name, p.pronouns, s.grade_level, s.graduation_year, \
                      o.name AS school_name, s.birth_date, s.shares_with_guardians, s.local_id \
               FROM students s JOIN persons p ON p.id = s.person_id JOIN orgs o ON o.id = s.school_id WHERE s.person_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn set_sharing(
    tx: &mut crate::Tx,
    student: StudentId,
    shares: bool,
    now: time::OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "UPDATE students SET shares_with_guardians = $2, updated_at = $3 WHERE person_id = $1";
    crate::with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(shares)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Finds a student of a district by local or state id (for the audit search).
pub async fn find_by_number(db: &Db, district: ssp_domain::OrgId, number: &str) -> Result<Option<Uuid>, DbError> {
    let sql =
        "SELECT person_id FROM students WHERE district_id = $1 AND (local_id = $2 OR state_student_id = $2) LIMIT 1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district.0)
        .bind(number.trim())
        .fetch_optional(p)
        .await)?)
}

/// The students of a district with any of these local or state student ids,
/// as (number, person), in batches (a transcript file names thousands).
pub async fn find_by_numbers(
    db: &Db,
    district: ssp_domain::OrgId,
    numbers: &[&str],
) -> Result<Vec<(String, Uuid)>, DbError> {
    let mut out = Vec::new();
    for part in numbers.chunks(500) {
        let rows: Vec<(Option<String>, Option<String>, Uuid)> = with_reader!(db, |p| {
            let mut qb = sqlx::QueryBuilder::new(
                "SELECT local_id, state_student_id, person_id FROM students WHERE district_id = ",
            );
            qb.push_bind(district.0).push(" AND (local_id IN (");
            let mut sep = qb.separated(", ");
            for n in part {
                sep.push_bind(*n);
            }
            qb.push(") OR state_student_id IN (");
            let mut sep = qb.separated(", ");
            for n in part {
                sep.push_bind(*n);
            }
            qb.push("))");
            qb.build_query_as().fetch_all(p).await
        })?;
        for (local, state, person) in rows {
            for n in [local, state].into_iter().flatten() {
                if part.contains(&n.as_str()) {
                    out.push((n, person));
                }
            }
        }
    }
    Ok(out)
}
