//! The JSON API (`/api/v1`): the plan's data with the same access rules as
//! the pages (every student route goes through `StudentAccess`), described
//! by an OpenAPI 3.1 document at `/api/openapi.json` that `utoipa` generates
//! from the handlers registered below.
//!
//! Authentication is the session cookie; writes also need the session's
//! CSRF token in the `x-csrf-token` header (GET `/api/v1/session` gives it).
//!
//! # How to add an operation
//!
//! 1. Write the handler in its area's module (`plan/`, `team.rs`,
//!    `records.rs`, `career/`, or a new area's). Its request and response types
//!    derive `ToSchema` next to `Serialize`/`Deserialize`; a `time::Date`
//!    field is documented as `format: date`, an
//!    `OffsetDateTime` (serialized with `time::serde::rfc3339`) as
//!    `date-time`; a string that holds one of a few codes gets
//!    `#[schema(schema_with = ...)]` naming a function built on
//!    [`openapi::one_of`].
//! 2. Put `#[utoipa::path(...)]` on the handler: the method, the full
//!    `path = "/api/v1/..."`, `operation_id` (camelCase), `summary`,
//!    `params(StudentPath)` (or `GoalPath`, `CheckInPath`, or a new
//!    `IntoParams` struct in `openapi.rs`), `request_body = T` for a write,
//!    and `responses(...)` with its success answer and only the errors that
//!    are its own (a 422 with its own body, a 403 of its own rule; one that
//!    several operations give is an `IntoResponses` type, like
//!    `plan::CheckInRefused`, whose wrapped schema is listed in
//!    `openapi::ApiDoc`'s components). Never
//!    list 401, 404, 403 `csrf_failed`, 400/415 `malformed_json`, the 422
//!    `text_has_nul` or the `x-csrf-token` header: [`openapi::SharedErrors`]
//!    adds them to every operation (the write ones to every non-GET).
//! 3. Register it in [`api_router`] with `.routes(routes!(module::handler))`:
//!    the handlers of one path in one `routes!(a, b)`, one path per
//!    `routes!`. Never axum's plain `route`, which routes without
//!    documenting (the test in `tests/it/api.rs` fails on it).
//!
//! Then `UPDATE_SNAPSHOTS=1 cargo test -p ssp-testkit --test it api::`
//! rewrites `docs/openapi.json`; review its diff with the change.

pub mod academic_rules;
pub mod academics;
pub mod career;
pub mod openapi;
pub mod partners;
pub mod plan;
pub mod portfolio;
pub mod records;
pub mod students;
pub mod support;
pub mod team;

use axum::body::Bytes;
use axum::http::header;
use axum::routing::get;
use axum::Router;
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Every `/api/v1` operation, each routed and documented by one entry.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(plan::session))
        .routes(routes!(students::list))
        .routes(routes!(plan::plan))
        .routes(routes!(plan::goals, plan::create_goal))
        .routes(routes!(plan::check_ins, plan::create_check_in))
        .routes(routes!(plan::correct_check_in, plan::delete_check_in))
        .routes(routes!(plan::reflections, plan::actions::add_reflection))
        .routes(routes!(plan::actions::comments, plan::actions::add_comment))
        .routes(routes!(plan::actions::activities))
        .routes(routes!(plan::actions::record_activity))
        .routes(routes!(plan::actions::review))
        .routes(routes!(plan::actions::sign_review))
        .routes(routes!(plan::actions::profile, plan::actions::update_profile))
        .routes(routes!(plan::actions::observations, plan::actions::add_observation))
        .routes(routes!(plan::actions::sharing, plan::actions::set_sharing))
        .routes(routes!(plan::goals::update_goal))
        .routes(routes!(plan::goals::set_status))
        .routes(routes!(plan::goals::steps, plan::goals::add_step))
        .routes(routes!(plan::goals::complete_step))
        .routes(routes!(plan::goals::supports, plan::goals::add_support))
        .routes(routes!(plan::interactions, records::create_interaction))
        .routes(routes!(team::members, team::add_member))
        .routes(routes!(team::remove_member))
        .routes(routes!(team::plan_manager, team::reassign_plan_manager))
        .routes(routes!(team::guardians))
        .routes(routes!(team::set_rights))
        .routes(routes!(records::list_notes, records::create_note))
        .routes(routes!(records::break_glass))
        .routes(routes!(records::follow_ups))
        .routes(routes!(records::follow_up_done))
        .routes(routes!(academics::record))
        .routes(routes!(academics::add_transfer))
        .routes(routes!(academics::plan))
        .routes(routes!(academics::change))
        .routes(routes!(academics::submit))
        .routes(routes!(academics::decide))
        .routes(routes!(academics::acknowledge))
        .routes(routes!(career::career))
        .routes(routes!(career::answer))
        .routes(routes!(career::save_values))
        .routes(routes!(career::save_strengths))
        .routes(routes!(career::matches))
        .routes(routes!(career::save_career))
        .routes(routes!(career::remove_saved))
        .routes(routes!(career::log_exploration))
        .routes(routes!(career::postsecondary::show))
        .routes(routes!(career::postsecondary::set_paths))
        .routes(routes!(career::postsecondary::add_program))
        .routes(routes!(career::postsecondary::set_program_status))
        .routes(routes!(career::postsecondary::add_step))
        .routes(routes!(career::postsecondary::set_step_done))
        .routes(routes!(career::postsecondary::comment))
        .routes(routes!(career::occupations::search))
        .routes(routes!(career::occupations::occupation))
        .routes(routes!(career::occupations::inventory_items))
        .routes(routes!(career::pathways::list, career::pathways::add))
        .routes(routes!(career::pathways::remove))
        .routes(routes!(academic_rules::list_catalog))
        .routes(routes!(academic_rules::save_course))
        .routes(routes!(academic_rules::load_catalog))
        .routes(routes!(academic_rules::load_transcripts))
        .routes(routes!(academic_rules::show_rules))
        .routes(routes!(academic_rules::add_set))
        .routes(routes!(academic_rules::change_set, academic_rules::remove_set))
        .routes(routes!(academic_rules::save_settings))
        .merge(portfolio::router())
        .merge(support::admin::router())
        .merge(support::flags::router())
        .merge(support::needs::router())
        .merge(support::interventions::router())
        .merge(partners::router())
}

/// The whole document, as served.
pub fn document() -> utoipa::openapi::OpenApi {
    finish(api_router().into_openapi())
}

fn finish(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    openapi::SharedErrors.modify(&mut doc);
    doc
}

pub fn routes() -> Router<AppState> {
    let (router, doc) = api_router().split_for_parts();
    let json = Bytes::from(finish(doc).to_json().expect("the OpenAPI document serializes"));
    router.route(
        "/api/openapi.json",
        get(move || {
            let json = json.clone();
            async move { ([(header::CONTENT_TYPE, "application/json")], json) }
        }),
    )
}
