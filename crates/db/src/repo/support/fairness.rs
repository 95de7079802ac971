//! The fairness audit's one read: for each active student of a district
//! with kept demographics, their sex and race/ethnicity category and
//! whether they have an active flag (of one kind, or any). Only the
//! aggregate report calls this; no page shows a student's demographics.

use ssp_domain::OrgId;

use crate::{with_reader, Db, DbError};

/// (sex, race/ethnicity, flagged) per student.
pub async fn rows(
    db: &Db,
    district: OrgId,
    kind: Option<&str>,
) -> Result<Vec<(Option<String>, String, bool)>, DbError> {
    let sql = "SELECT d.sex, d.race_ethnicity, EXISTS (\
                   SELECT 1 FROM flags f WHERE f.student_id = d.student_id \
                   AND f.status IN ('open', 'acknowledged', 'in_progress') \
                   AND ($2 = '' OR f.kind = $2)) AS flagged \
               FROM student_demographics d JOIN students s ON s.person_id = d.student_id \
               WHERE d.district_id = $1 AND s.status = 'active'";
    let kind = kind.unwrap_or("");
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .bind(kind)
        .fetch_all(p)
        .await)?)
}
