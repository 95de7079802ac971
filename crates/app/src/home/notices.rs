//! A person's notices (a break-glass on a plan they manage, say).

use ssp_db::repo::notices;
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::Error;
use crate::App;

/// The person's own notice leaves their home page (it stays in the table,
/// marked read). Another person's notice, or an unknown id, is not found.
pub async fn dismiss(app: &App, actor: &Actor, notice: &str) -> Result<(), Error> {
    let id: Uuid = notice.trim().parse().map_err(|_| Error::NotFound)?;
    let mut tx = app.db().begin().await?;
    let dismissed = notices::dismiss(&mut tx, actor.person, id, app.now()).await?;
    tx.commit().await?;
    if dismissed {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
