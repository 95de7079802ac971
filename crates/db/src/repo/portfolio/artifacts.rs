//! Artifacts (a student's work), best work, and showcases with their
//! items and views.

use sqlx::FromRow;
use ssp_domain::{OrgId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ArtifactRow {
    pub id: Uuid,
    pub student_id: Uuid,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub reflection: String,
    pub domain: String,
    pub school_year: i32,
    pub competencies: String,
    pub url: Option<String>,
    pub body: Option<String>,
    pub file_key: Option<String>,
    pub file_name: Option<String>,
    pub file_type: Option<String>,
    pub file_bytes: Option<i64>,
    pub has_thumbnail: bool,
    pub private: bool,
    pub best_work: bool,
    pub goal_id: Option<Uuid>,
    pub created_at: OffsetDateTime,
}

const COLUMNS: &str =
    "id, student_id, kind, title, description, reflection, domain, school_year, competencies, url, body, \
     file_key, file_name, file_type, file_bytes, has_thumbnail, private, best_work, goal_id, created_at";

pub async fn insert(tx: &mut Tx, district: OrgId, a: &ArtifactRow) -> Result<(), DbError> {
    let sql = format!(
        "INSERT INTO artifacts (district_id, updated_at, {COLUMNS}) VALUES ($1, $21, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
         $13, $14, $15, $16, $17, $18, $19, $20, $21)"
    );
    with_tx!(tx, |c| sqlx::query(&sql)
        .bind(district.0)
        .bind(a.id)
        .bind(a.student_id)
        .bind(a.kind.as_str())
        .bind(a.title.as_str())
        .bind(a.description.as_str())
        .bind(a.reflection.as_str())
        .bind(a.domain.as_str())
        .bind(a.school_year)
        .bind(a.competencies.as_str())
        .bind(a.url.as_deref())
        .bind(a.body.as_deref())
        .bind(a.file_key.as_deref())
        .bind(a.file_name.as_deref())
        .bind(a.file_type.as_deref())
        .bind(a.file_bytes)
        .bind(a.has_thumbnail)
        .bind(a.private)
        .bind(a.best_work)
        .bind(a.goal_id)
        .bind(a.created_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The student's artifacts, newest first.
pub async fn for_student(db: &Db, student: StudentId) -> Result<Vec<ArtifactRow>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM artifacts WHERE student_id = $1 ORDER BY created_at DESC, id DESC");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// One of the student's artifacts.
pub async fn get(db: &Db, student: StudentId, id: Uuid) -> Result<Option<ArtifactRow>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM artifacts WHERE student_id = $1 AND id = $2");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Artifacts by id (a showcase's), in no particular order.
pub async fn by_ids(db: &Db, ids: &[Uuid]) -> Result<Vec<ArtifactRow>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(format!("SELECT {COLUMNS} FROM artifacts WHERE id IN ("));
        let mut sep = qb.separated(", ");
        for id in ids {
            sep.push_bind(*id);
        }
        qb.push(")");
        Ok(qb.build_query_as().fetch_all(p).await?)
    })
}

/// The bytes the student's files take.
pub async fn bytes_used(db: &Db, student: StudentId) -> Result<i64, DbError> {
    let sql = "SELECT CAST(COALESCE(SUM(file_bytes), 0) AS BIGINT) FROM artifacts WHERE student_id = $1";
    let n: i64 = with_reader!(db, |p| sqlx::query_scalar::<_, i64>(sql)
        .bind(student.0)
        .fetch_one(p)
        .await)?;
    Ok(n)
}

/// The student's best work of a school year.
pub async fn best_work_of_year(tx: &mut Tx, student: StudentId, year: i32) -> Result<Vec<Uuid>, DbError> {
    let sql = "SELECT id FROM artifacts WHERE student_id = $1 AND school_year = $2 AND best_work = TRUE ORDER BY id";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(student.0)
        .bind(year)
        .fetch_all(&mut *c)
        .await)?)
}

pub async fn set_flags(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    best_work: bool,
    private: bool,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE artifacts SET best_work = $1, private = $2, updated_at = $3 WHERE id = $4 AND student_id = $5";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(best_work)
        .bind(private)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Removes an artifact (and it from any showcase).
pub async fn delete(tx: &mut Tx, student: StudentId, id: Uuid) -> Result<bool, DbError> {
    with_tx!(tx, |c| sqlx::query("DELETE FROM showcase_items WHERE artifact_id = $1")
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let n = with_tx!(tx, |c| sqlx::query(
        "DELETE FROM artifacts WHERE id = $1 AND student_id = $2"
    )
    .bind(id)
    .bind(student.0)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The artifacts that are evidence for a goal: (id, title, reflection, private).
pub async fn evidence_for_goal(db: &Db, goal: Uuid) -> Result<Vec<(Uuid, String, String, bool)>, DbError> {
    let sql = "SELECT id, title, reflection, private FROM artifacts WHERE goal_id = $1 ORDER BY created_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).bind(goal).fetch_all(p).await)?)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ShowcaseRow {
    pub id: Uuid,
    pub student_id: Uuid,
    pub title: String,
    pub token_hash: String,
    pub expires_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

const SHOWCASE_COLUMNS: &str = "id, student_id, title, token_hash, expires_at, revoked_at, created_at";

pub async fn insert_showcase(tx: &mut Tx, s: &ShowcaseRow, items: &[Uuid]) -> Result<(), DbError> {
    let sql = format!("INSERT INTO showcases ({SHOWCASE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)");
    with_tx!(tx, |c| sqlx::query(&sql)
        .bind(s.id)
        .bind(s.student_id)
        .bind(s.title.as_str())
        .bind(s.token_hash.as_str())
        .bind(s.expires_at)
        .bind(s.revoked_at)
        .bind(s.created_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    for (i, item) in items.iter().enumerate() {
        with_tx!(tx, |c| sqlx::query(
            "INSERT INTO showcase_items (showcase_id, artifact_id, position) VALUES ($1, $2, $3)"
        )
        .bind(s.id)
        .bind(*item)
        .bind(i as i32)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// The student's showcases, newest first, with their view counts and last view.
pub async fn showcases_of(
    db: &Db,
    student: StudentId,
) -> Result<Vec<(ShowcaseRow, i64, Option<OffsetDateTime>)>, DbError> {
    // One query: each showcase with its view count and last view.
    let sql = "SELECT s.id, s.student_id, s.title, s.token_hash, s.expires_at, s.revoked_at, s.created_at, \
               (SELECT COUNT(*) FROM showcase_views v WHERE v.showcase_id = s.id) AS views, \
               (SELECT MAX(v.viewed_at) FROM showcase_views v WHERE v.showcase_id = s.id) AS last_view \
               FROM showcases s WHERE s.student_id = $1 ORDER BY s.created_at DESC";
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        showcase: ShowcaseRow,
        views: i64,
        last_view: Option<OffsetDateTime>,
    }
    let rows: Vec<Row> = with_reader!(db, |p| sqlx::query_as(sql).bind(student.0).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|r| (r.showcase, r.views, r.last_view)).collect())
}

pub async fn showcase_by_hash(db: &Db, hash: &str) -> Result<Option<ShowcaseRow>, DbError> {
    let sql = format!("SELECT {SHOWCASE_COLUMNS} FROM showcases WHERE token_hash = $1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(hash)
        .fetch_optional(p)
        .await)?)
}

/// A showcase's artifact ids in their order.
pub async fn showcase_items(db: &Db, showcase: Uuid) -> Result<Vec<Uuid>, DbError> {
    let sql = "SELECT artifact_id FROM showcase_items WHERE showcase_id = $1 ORDER BY position";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(showcase)
        .fetch_all(p)
        .await)?)
}

pub async fn revoke_showcase(tx: &mut Tx, student: StudentId, id: Uuid, now: OffsetDateTime) -> Result<bool, DbError> {
    let sql = "UPDATE showcases SET revoked_at = $1 WHERE id = $2 AND student_id = $3 AND revoked_at IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn record_view(tx: &mut Tx, showcase: Uuid, now: OffsetDateTime) -> Result<(), DbError> {
    with_tx!(tx, |c| sqlx::query(
        "INSERT INTO showcase_views (showcase_id, viewed_at) VALUES ($1, $2)"
    )
    .bind(showcase)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The district a student belongs to (for audit rows of visits without an
/// account).
pub async fn district_of(db: &Db, student: StudentId) -> Result<Option<Uuid>, DbError> {
    Ok(with_reader!(db, |p| sqlx::query_scalar(
        "SELECT district_id FROM students WHERE person_id = $1"
    )
    .bind(student.0)
    .fetch_optional(p)
    .await)?)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct CollectionRow {
    pub id: Uuid,
    pub name: String,
    /// Artifact ids in order, separated by commas.
    pub items: String,
}

/// The student's collections, oldest first.
pub async fn collections_of(db: &Db, student: StudentId) -> Result<Vec<CollectionRow>, DbError> {
    let sql = "SELECT id, name, items FROM portfolio_collections WHERE student_id = $1 ORDER BY created_at, id";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn collection(tx: &mut Tx, student: StudentId, id: Uuid) -> Result<Option<CollectionRow>, DbError> {
    let sql = "SELECT id, name, items FROM portfolio_collections WHERE student_id = $1 AND id = $2";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(student.0)
        .bind(id)
        .fetch_optional(&mut *c)
        .await)?)
}

pub async fn insert_collection(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    name: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO portfolio_collections (id, student_id, name, items, created_at, updated_at) \
               VALUES ($1, $2, $3, '', $4, $4)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(student.0)
        .bind(name)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn set_collection_items(tx: &mut Tx, id: Uuid, items: &str, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE portfolio_collections SET items = $1, updated_at = $2 WHERE id = $3";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(items)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete_collection(tx: &mut Tx, student: StudentId, id: Uuid) -> Result<bool, DbError> {
    let sql = "DELETE FROM portfolio_collections WHERE id = $1 AND student_id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
