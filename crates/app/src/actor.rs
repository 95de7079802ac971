//! Who is acting: the signed-in person, their district, and the request id
//! that ties the audit row to the request (a CLI command or a background
//! job names itself there).

use ssp_domain::{OrgId, PersonId};

#[derive(Debug, Clone)]
pub struct Actor {
    pub person: PersonId,
    pub district: OrgId,
    pub request_id: String,
}
