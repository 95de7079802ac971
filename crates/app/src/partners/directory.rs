//! The resource directory: partners and resources, maintained by the
//! community school coordinators and district administrators, read by
//! every staff member of the district; and its CSV import, all or nothing:
//! any problem (file, line, column, code) and nothing is applied.

use ssp_db::repo::audit;
use ssp_db::repo::partners::{self as repo, PartnerRow, ResourceRow, ResourceWrite};
use ssp_db::Tx;
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::partners::category;
use ssp_domain::partners::directory::{NewPartner, NewResource, ResourceKind, COLUMNS};
use uuid::Uuid;

use super::{event, is_staff, require_maintainer};
use crate::academics::csv_file::{self, RowProblem};
use crate::error::Error;
use crate::{Actor, App, Parsed};

/// The directory, for staff of the district (and partner users, who see
/// where their organisation stands among the district's resources).
pub async fn list(app: &App, actor: &Actor, q: &str, category: &str) -> Result<Vec<ResourceRow>, Error> {
    require_reader(app, actor).await?;
    Ok(repo::resources(app.db(), actor.district, q, category).await?)
}

pub async fn partners(app: &App, actor: &Actor) -> Result<Vec<PartnerRow>, Error> {
    require_reader(app, actor).await?;
    Ok(repo::partners(app.db(), actor.district).await?)
}

async fn require_reader(app: &App, actor: &Actor) -> Result<(), Error> {
    if is_staff(app, actor).await? || repo::partner_of(app.db(), actor.person).await?.is_some() {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Adds or updates (by name) a partner organisation.
pub async fn save_partner(app: &App, actor: &Actor, input: Parsed<NewPartner>) -> Result<Uuid, Error> {
    require_maintainer(app, actor).await?;
    let p = input?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let id = repo::upsert_partner(
        &mut tx,
        Uuid::now_v7(),
        actor.district,
        &p.name,
        &p.description,
        &p.contact,
        now,
    )
    .await?;
    let mut ev = event(app, actor, AuditAction::PartnerSaved);
    ev.record_kind = Some("partner");
    ev.record_id = Some(id.to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(id)
}

/// Which row a resource write goes to.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    /// The resource of that name, added if there is none (the API, the CSV).
    ByName,
    /// A new resource; a name taken is `resource_name_taken`.
    New,
    /// The resource with that id (not found when the district has none).
    Id(Uuid),
}

/// Writes one parsed resource; its partner must exist (`unknown_partner`).
pub(super) async fn write_resource(
    tx: &mut Tx,
    actor: &Actor,
    r: &NewResource,
    now: time::OffsetDateTime,
    target: Target,
) -> Result<Uuid, Error> {
    let partner = match r.kind {
        ResourceKind::SchoolOpportunity => None,
        ResourceKind::PartnerService => Some(
            repo::partner_by_name(tx, actor.district, &r.partner)
                .await?
                .ok_or_else(|| Rejected::one("invalid_resource", "partner", "unknown_partner"))?,
        ),
    };
    // A resource's partner cannot change once something was referred to
    // it, whichever way it is written (form, API, CSV): those referrals
    // were made, and consented to, for that organisation.
    let existing = match target {
        Target::Id(id) => Some(id),
        Target::ByName => repo::resource_by_name(tx, actor.district, &r.name).await?,
        Target::New => None,
    };
    if let Some(id) = existing {
        if repo::resource_partner(tx, id).await? != partner && repo::resource_referrals(tx, id).await? > 0 {
            return Err(Rejected::one("invalid_resource", "partner", "has_referrals").into());
        }
    }
    let join = |v: &[String]| v.join(",");
    let areas: String = r.interest_areas.iter().map(|a| a.letter()).collect();
    let (categories, languages, keywords) = (category::join(&r.categories), join(&r.languages), join(&r.keywords));
    let w = ResourceWrite {
        district: actor.district,
        partner,
        kind: r.kind.key(),
        name: &r.name,
        categories: &categories,
        description: &r.description,
        eligibility: &r.eligibility,
        grade_min: i32::from(r.grade_min),
        grade_max: i32::from(r.grade_max),
        languages: &languages,
        location: &r.location,
        hours: &r.hours,
        cost: &r.cost,
        capacity: r.capacity.map(|c| c as i32),
        contact: &r.contact,
        interest_areas: &areas,
        keywords: &keywords,
    };
    match target {
        Target::ByName => Ok(repo::upsert_resource(tx, Uuid::now_v7(), &w, now).await?),
        Target::New => {
            let id = Uuid::now_v7();
            repo::insert_resource(tx, id, &w, now).await?;
            Ok(id)
        }
        Target::Id(id) => {
            if repo::update_resource(tx, id, &w, now).await? {
                Ok(id)
            } else {
                Err(Error::NotFound)
            }
        }
    }
}

/// Adds or updates (by name) a resource.
pub async fn save_resource(app: &App, actor: &Actor, input: Parsed<NewResource>) -> Result<Uuid, Error> {
    require_maintainer(app, actor).await?;
    let r = input?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let id = write_resource(&mut tx, actor, &r, now, Target::ByName).await?;
    let mut ev = event(app, actor, AuditAction::ResourceSaved);
    ev.record_kind = Some("resource");
    ev.record_id = Some(id.to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(id)
}

/// What an import did: the rows saved, or every problem (then nothing was
/// applied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub saved: usize,
    pub problems: Vec<RowProblem>,
}

/// Imports a directory CSV (columns named as [`COLUMNS`]; `kind` and
/// `name` required). Every row is parsed and its partner looked up before
/// anything is written; one problem anywhere and nothing is applied.
pub async fn import_csv(app: &App, actor: &Actor, bytes: &[u8]) -> Result<Imported, Error> {
    require_maintainer(app, actor).await?;
    let rows = match csv_file::read(bytes, &["kind", "name", "categories"]) {
        Ok(rows) => rows,
        Err(csv_file::FileRefusal::MissingColumns(cols)) => {
            return Ok(Imported {
                saved: 0,
                problems: cols
                    .into_iter()
                    .map(|c| RowProblem {
                        line: 1,
                        column: Some(c),
                        code: "missing_column".into(),
                    })
                    .collect(),
            })
        }
        Err(csv_file::FileRefusal::Unreadable { line, .. }) => {
            return Ok(Imported {
                saved: 0,
                problems: vec![RowProblem {
                    line,
                    column: None,
                    code: "unreadable_csv".into(),
                }],
            })
        }
        Err(csv_file::FileRefusal::TooManyRows) => {
            return Ok(Imported {
                saved: 0,
                problems: vec![RowProblem {
                    line: 0,
                    column: None,
                    code: "too_many_rows".into(),
                }],
            })
        }
    };
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let mut names = std::collections::HashSet::new();
    for row in &rows {
        match NewResource::parse(|c| row.get(c).to_owned()) {
            Ok(r) => {
                if !names.insert(r.name.to_lowercase()) {
                    problems.push(RowProblem {
                        line: row.line,
                        column: Some("name".into()),
                        code: "duplicate_name".into(),
                    });
                }
                parsed.push((row.line, r));
            }
            Err(rej) => problems.extend(rej.fields.into_iter().map(|f| RowProblem {
                line: row.line,
                column: Some(f.field.into()),
                code: f.code.into(),
            })),
        }
    }
    if !problems.is_empty() {
        return Ok(Imported { saved: 0, problems });
    }
    let now = app.now();
    let mut tx = app.db().begin().await?;
    for (line, r) in &parsed {
        match write_resource(&mut tx, actor, r, now, Target::ByName).await {
            Ok(_) => {}
            Err(Error::Rejected(rej)) => problems.extend(rej.fields.into_iter().map(|f| RowProblem {
                line: *line,
                column: Some(f.field.into()),
                code: f.code.into(),
            })),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        // Dropped without commit: nothing applied.
        return Ok(Imported { saved: 0, problems });
    }
    let mut ev = event(app, actor, AuditAction::DirectoryImported);
    ev.record_kind = Some("resource");
    ev.detail = Some(format!("rows={}", parsed.len()));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Imported {
        saved: parsed.len(),
        problems,
    })
}

/// The columns of the import file, in order (for the page and the docs).
pub fn columns() -> &'static [&'static str] {
    &COLUMNS
}

/// The district's partners, for a student's consent form: anyone who may
/// grant or record a consent (the caller has checked).
pub async fn partners_in(app: &App, district: ssp_domain::OrgId) -> Result<Vec<PartnerRow>, Error> {
    Ok(repo::partners(app.db(), district).await?)
}
