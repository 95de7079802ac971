//! `ssp admin create-user`: make a district administrator from the console —
//! the first account of an empty database, or another one later.

use std::io::BufRead;

use clap::{Args, Subcommand};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::{accounts, orgs, people};
use ssp_db::{Db, DbError};
use ssp_domain::audit::AuditAction;
use ssp_domain::org::OrgKind;
use ssp_domain::person::{NewPassword, Username};
use ssp_domain::{AccountId, Email, OrgId, PersonId, StaffRole};
use time::OffsetDateTime;

use crate::Settings;

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a district administrator account.
    CreateUser(CreateUserArgs),
}

#[derive(Debug, Args)]
pub struct CreateUserArgs {
    #[arg(long)]
    pub username: String,
    #[arg(long)]
    pub given_name: String,
    #[arg(long)]
    pub family_name: String,
    #[arg(long)]
    pub email: Option<String>,
    /// District name. On an empty database it is created; otherwise it must exist
    /// (it may be left out when there is only one district).
    #[arg(long)]
    pub district: Option<String>,
    /// Read the password from the first line of standard input
    /// (otherwise SSP_NEW_PASSWORD, otherwise a strong one is generated and printed).
    #[arg(long)]
    pub password_stdin: bool,
}

pub async fn run(settings: &Settings, cmd: AdminCommand) -> anyhow::Result<()> {
    match cmd {
        AdminCommand::CreateUser(args) => {
            let (password, generated) = if args.password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                (line.trim_end_matches(['\r', '\n']).to_owned(), false)
            } else if let Ok(p) = std::env::var("SSP_NEW_PASSWORD") {
                (p, false)
            } else {
                (generate_password(), true)
            };
            let db = super::open_migrated(settings).await?;
            let input = NewUser {
                username: args.username,
                given_name: args.given_name,
                family_name: args.family_name,
                email: args.email,
                district: args.district,
                password,
            };
            let created = create_user(&db, &input, OffsetDateTime::now_utc()).await;
            db.close().await;
            let created = created?;
            println!(
                "Created {} ({}) in {}.",
                created.username,
                created.role.as_str().replace('_', " "),
                created.district_name
            );
            if generated {
                println!("Password (shown once; they can change it later): {}", input.password);
            }
            Ok(())
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub district: Option<String>,
    pub password: String,
}

#[derive(Debug)]
pub struct CreatedUser {
    pub person_id: PersonId,
    pub username: String,
    pub role: StaffRole,
    pub district_name: String,
}

/// Why a user could not be created, in words for the console.
#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("{field}: {detail}")]
    Invalid { field: &'static str, detail: String },
    #[error("the username {0:?} is already taken")]
    UsernameTaken(String),
    #[error("the email {0:?} is already in use")]
    EmailTaken(String),
    #[error("{0}")]
    District(String),
    #[error(transparent)]
    Db(DbError),
    #[error("could not hash the password: {0}")]
    Hash(String),
}

/// Creates person, staff assignment and account in one transaction, with
/// a `user_created` audit row. Nothing is written if any part fails.
pub async fn create_user(db: &Db, input: &NewUser, now: OffsetDateTime) -> Result<CreatedUser, CreateUserError> {
    let invalid = |field: &'static str| {
        move |e: ssp_domain::ParseError| CreateUserError::Invalid {
            field,
            detail: e.detail,
        }
    };
    let username = Username::parse(&input.username).map_err(invalid("username"))?;
    let email = input
        .email
        .as_deref()
        .map(Email::parse)
        .transpose()
        .map_err(invalid("email"))?;
    // School staff come from the roster import or are assigned in the app;
    // the console makes the district administrators who do that.
    let role = StaffRole::DistrictAdmin;
    // The strength rule also weighs the person's own names and addresses.
    let personal = [
        input.username.as_str(),
        input.email.as_deref().unwrap_or(""),
        input.given_name.as_str(),
        input.family_name.as_str(),
    ];
    let password = NewPassword::parse_for(&input.password, &personal).map_err(invalid("password"))?;
    let given = input.given_name.trim();
    let family = input.family_name.trim();
    for (field, v) in [("given name", given), ("family name", family)] {
        if v.is_empty() || v.chars().count() > 100 {
            return Err(CreateUserError::Invalid {
                field,
                detail: "must be 1–100 characters".into(),
            });
        }
    }

    let districts = orgs::districts(db).await.map_err(CreateUserError::Db)?;
    let existing = match &input.district {
        Some(name) => districts.iter().find(|d| d.name.eq_ignore_ascii_case(name.trim())),
        None if districts.len() == 1 => districts.first(),
        None if districts.is_empty() => {
            return Err(CreateUserError::District(
                "the database has no district yet: name the one to create with --district \"…\"".into(),
            ))
        }
        None => {
            let names: Vec<&str> = districts.iter().map(|d| d.name.as_str()).collect();
            return Err(CreateUserError::District(format!(
                "several districts exist; choose one with --district (one of: {})",
                names.join(", ")
            )));
        }
    };
    if existing.is_none() && !districts.is_empty() {
        let names: Vec<&str> = districts.iter().map(|d| d.name.as_str()).collect();
        return Err(CreateUserError::District(format!(
            "no district is named {:?}; existing districts: {}",
            input.district.as_deref().unwrap_or(""),
            names.join(", ")
        )));
    }
    let hash = ssp_web::auth::password::hash(&password)
        .await
        .map_err(|e| CreateUserError::Hash(e.to_string()))?;

    let map_db = |e: DbError| match e {
        DbError::Conflict { constraint } if constraint == "accounts_username_uq" => {
            CreateUserError::UsernameTaken(username.as_str().to_owned())
        }
        DbError::Conflict { constraint } if constraint == "accounts_email_uq" => {
            CreateUserError::EmailTaken(email.as_ref().map(|e| e.to_string()).unwrap_or_default())
        }
        other => CreateUserError::Db(other),
    };
    let mut tx = db.begin().await.map_err(CreateUserError::Db)?;
    let (district_id, district_name) = match existing {
        Some(d) => (OrgId(d.id), d.name.clone()),
        None => {
            let name = input.district.as_deref().unwrap_or("").trim().to_owned();
            if name.is_empty() || name.chars().count() > 200 {
                return Err(CreateUserError::District(
                    "the district name must be 1–200 characters".into(),
                ));
            }
            let id = OrgId::new();
            let state = orgs::state(db).await.map_err(CreateUserError::Db)?;
            let org = orgs::NewOrg {
                id,
                kind: OrgKind::District,
                parent_id: state.map(|s| OrgId(s.id)),
                district_id: Some(id),
                name: name.clone(),
                identifier: None,
                school_level: None,
                source_id: None,
            };
            orgs::insert(&mut tx, &org, now).await.map_err(map_db)?;
            (id, name)
        }
    };
    let person_id = PersonId::new();
    let person = people::NewPerson {
        id: person_id,
        district_id,
        source_id: None,
        given_name: given,
        family_name: family,
        preferred_name: None,
        email: email.as_ref().map(Email::as_str),
        preferred_language: "en",
    };
    people::insert_person(&mut tx, &person, now).await.map_err(map_db)?;
    people::insert_staff_assignment(&mut tx, district_id, person_id, district_id, role, now)
        .await
        .map_err(map_db)?;
    let account = accounts::NewAccount {
        id: AccountId::new(),
        person_id,
        username: username.as_str(),
        email: email.as_ref().map(Email::as_str),
        password_hash: &hash,
        ui_language: None,
        now,
    };
    accounts::insert(&mut tx, &account).await.map_err(map_db)?;
    let mut ev = AuditEvent::new(AuditAction::UserCreated, now);
    ev.district_id = Some(district_id);
    ev.record_kind = Some("account");
    ev.record_id = Some(person_id.to_string());
    ev.detail = Some(format!("role={} via=console", role.as_str()));
    audit::record(&mut tx, &ev).await.map_err(map_db)?;
    tx.commit().await.map_err(map_db)?;
    Ok(CreatedUser {
        person_id,
        username: username.as_str().to_owned(),
        role,
        district_name,
    })
}

/// 20 characters from an alphabet without look-alikes.
fn generate_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..20)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}
