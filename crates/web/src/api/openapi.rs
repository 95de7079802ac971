//! The OpenAPI 3.1 document for `/api/v1`, written by hand next to the
//! handlers it describes. A test compares it with `docs/openapi.json`, so
//! an API change shows up in review.

use axum::Json;
use serde_json::{json, Value};

pub async fn document() -> Json<Value> {
    Json(spec())
}

fn student_param() -> Value {
    json!({ "name": "id", "in": "path", "required": true, "description": "The student's id (UUID).", "schema": { "type": "string", "format": "uuid" } })
}

fn check_in_param() -> Value {
    json!({ "name": "check_in", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } })
}

fn goal_param() -> Value {
    json!({ "name": "goal", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } })
}

fn errors() -> Value {
    json!({
        "401": { "description": "Not signed in.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
        "404": { "description": "No such student, or outside the caller's access (the same answer, by design).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
    })
}

fn ok(schema: Value) -> Value {
    json!({ "description": "OK", "content": { "application/json": { "schema": schema } } })
}

fn with_errors(mut responses: Value) -> Value {
    if let (Some(r), Some(e)) = (responses.as_object_mut(), errors().as_object()) {
        for (k, v) in e {
            r.insert(k.clone(), v.clone());
        }
    }
    responses
}

/// A write's answers: the reads' errors, and what the request layers refuse
/// before the handler (CSRF, a body that is not the JSON expected, a NUL).
fn with_write_errors(responses: Value) -> Value {
    let mut responses = with_errors(responses);
    let error = json!({ "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } });
    if let Some(r) = responses.as_object_mut() {
        r.insert(
            "400".into(),
            json!({ "description": "malformed_json: the body is not JSON of the expected shape.", "content": error }),
        );
        r.insert(
            "415".into(),
            json!({ "description": "malformed_json: the body is not sent as application/json.", "content": error }),
        );
        let csrf =
            "csrf_failed: the x-csrf-token header is missing or wrong, or neither Origin nor Referer names this site.";
        match r.get_mut("403").and_then(|v| v.get_mut("description")) {
            Some(Value::String(d)) => *d = format!("{d} Or {csrf}"),
            _ => {
                r.insert("403".into(), json!({ "description": csrf, "content": error }));
            }
        }
        let nul = "text_has_nul (an Error): a text field holds a NUL character.";
        match r.get_mut("422").and_then(|v| v.get_mut("description")) {
            Some(Value::String(d)) => *d = format!("{d} Or {nul}"),
            _ => {
                r.insert("422".into(), json!({ "description": nul, "content": error }));
            }
        }
    }
    responses
}

/// The whole document.
pub fn spec() -> Value {
    let csrf = json!({ "name": "x-csrf-token", "in": "header", "required": true, "description": "The session's CSRF token (GET /api/v1/session).", "schema": { "type": "string" } });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "ssp API",
            "version": "1.0.0",
            "description": "Student Success Plans. Every student route applies the same access rules as the pages: a record outside the caller's scope answers 404, and every read by someone other than the student is audited. Writes need the session's CSRF token in the x-csrf-token header (GET /api/v1/session) and an Origin or Referer header naming this site; dates are ISO 8601 (2027-05-01), times RFC 3339."
        },
        "servers": [{ "url": "/" }],
        "security": [{ "session": [] }],
        "paths": {
            "/api/v1/session": {
                "get": {
                    "summary": "Who is signed in, and the CSRF token for writes",
                    "operationId": "getSession",
                    "responses": with_errors(json!({ "200": ok(json!({ "$ref": "#/components/schemas/Session" })) }))
                }
            },
            "/api/v1/students/{id}/plan": {
                "get": {
                    "summary": "The plan with its up-to-date status, goals, activities and review",
                    "operationId": "getPlan",
                    "parameters": [student_param()],
                    "responses": with_errors(json!({ "200": ok(json!({ "$ref": "#/components/schemas/Plan" })) }))
                }
            },
            "/api/v1/students/{id}/goals": {
                "get": {
                    "summary": "The student's goals",
                    "operationId": "listGoals",
                    "parameters": [student_param()],
                    "responses": with_errors(json!({ "200": ok(json!({ "type": "array", "items": { "$ref": "#/components/schemas/Goal" } })) }))
                },
                "post": {
                    "summary": "Create a goal (the student's own starts active; a staff member's is a suggestion)",
                    "operationId": "createGoal",
                    "parameters": [student_param(), csrf],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/GoalInput" } } } },
                    "responses": with_write_errors(json!({
                        "201": ok(json!({ "$ref": "#/components/schemas/Created" })),
                        "422": { "description": "Invalid goal; each field's problem.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/InvalidGoal" } } } }
                    }))
                }
            },
            "/api/v1/students/{id}/goals/{goal}/check-ins": {
                "get": {
                    "summary": "A goal's check-ins, oldest first",
                    "operationId": "listCheckIns",
                    "parameters": [student_param(), goal_param()],
                    "responses": with_errors(json!({ "200": ok(json!({ "type": "array", "items": { "$ref": "#/components/schemas/CheckIn" } })) }))
                },
                "post": {
                    "summary": "Add a check-in to an active goal",
                    "operationId": "createCheckIn",
                    "parameters": [student_param(), goal_param(), { "name": "x-csrf-token", "in": "header", "required": true, "schema": { "type": "string" } }],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckInInput" } } } },
                    "responses": with_write_errors(json!({
                        "201": ok(json!({ "$ref": "#/components/schemas/Created" })),
                        "422": { "description": "Refused: check_in_not_active, check_in_date, check_in_future, check_in_before_start, check_in_value or check_in_long.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
                    }))
                }
            },
            "/api/v1/students/{id}/goals/{goal}/check-ins/{check_in}": {
                "put": {
                    "summary": "The author corrects a check-in (for 7 days after writing it; the old value is kept and the change audited)",
                    "operationId": "correctCheckIn",
                    "parameters": [student_param(), goal_param(), check_in_param(), { "name": "x-csrf-token", "in": "header", "required": true, "schema": { "type": "string" } }],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckInInput" } } } },
                    "responses": with_write_errors(json!({
                        "204": { "description": "Corrected." },
                        "403": { "description": "correction_not_allowed: not the author, or more than 7 days after writing.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                        "422": { "description": "Refused: check_in_not_active, check_in_date, check_in_future, check_in_before_start, check_in_value or check_in_long.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
                    }))
                },
                "delete": {
                    "summary": "The author deletes a check-in (for 7 days after writing it; a copy is kept and the deletion audited)",
                    "operationId": "deleteCheckIn",
                    "parameters": [student_param(), goal_param(), check_in_param(), { "name": "x-csrf-token", "in": "header", "required": true, "schema": { "type": "string" } }],
                    "responses": with_write_errors(json!({
                        "204": { "description": "Deleted." },
                        "403": { "description": "correction_not_allowed: not the author, or more than 7 days after writing.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                    }))
                }
            },
            "/api/v1/students/{id}/reflections": {
                "get": {
                    "summary": "The student's reflections, newest first",
                    "operationId": "listReflections",
                    "parameters": [student_param()],
                    "responses": with_errors(json!({ "200": ok(json!({ "type": "array", "items": { "$ref": "#/components/schemas/Reflection" } })) }))
                }
            },
            "/api/v1/students/{id}/interactions": {
                "get": {
                    "summary": "Logged interactions in the sensitivity classes the caller may read",
                    "operationId": "listInteractions",
                    "parameters": [student_param()],
                    "responses": with_errors(json!({ "200": ok(json!({ "type": "array", "items": { "$ref": "#/components/schemas/Interaction" } })) }))
                }
            }
        },
        "components": {
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": "ssp_session", "description": "The session cookie set at sign-in." }
            },
            "schemas": {
                "Error": { "type": "object", "required": ["error", "message", "request_id"], "properties": {
                    "error": { "type": "string", "description": "Stable snake_case code." },
                    "message": { "type": "string", "description": "The message in the caller's language." },
                    "request_id": { "type": "string" } } },
                "Session": { "type": "object", "required": ["person_id", "name", "csrf_token", "language"], "properties": {
                    "person_id": { "type": "string", "format": "uuid" }, "name": { "type": "string" },
                    "csrf_token": { "type": "string" }, "language": { "type": "string", "enum": ["en", "es"] } } },
                "Created": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "format": "uuid" } } },
                "Problem": { "type": "object", "required": ["error", "detail"], "properties": { "error": { "type": "string" }, "detail": { "type": "string" } } },
                "InvalidGoal": { "type": "object", "required": ["error", "fields"], "properties": {
                    "error": { "const": "invalid_goal" },
                    "fields": { "type": "array", "items": { "type": "object", "required": ["field", "code"], "properties": {
                        "field": { "type": "string" },
                        "code": { "type": "string", "enum": ["required", "too_short", "too_long", "invalid_measure_value", "target_equals_baseline", "invalid_date", "date_in_past", "date_too_far", "invalid_choice"] } } } } } },
                "GoalInput": { "type": "object", "required": ["domain", "statement", "measure_kind", "baseline", "target", "due_date", "cadence"], "additionalProperties": false, "properties": {
                    "domain": { "type": "string", "enum": ["academic", "career", "sep"] },
                    "statement": { "type": "string", "minLength": 5, "maxLength": 300 },
                    "why_it_matters": { "type": "string", "maxLength": 1000 },
                    "measure_kind": { "type": "string", "enum": ["percent", "count", "scale", "yes_no"] },
                    "baseline": { "type": "string", "description": "Parsed by the measure kind: 0–100, a whole count, 1–5, or yes/no." },
                    "target": { "type": "string" },
                    "due_date": { "type": "string", "format": "date" },
                    "cadence": { "type": "string", "enum": ["weekly", "every_two_weeks", "monthly"] } } },
                "Goal": { "type": "object", "required": ["id", "domain", "statement", "status", "measure_kind", "baseline", "target", "due_date", "cadence", "progress", "check_ins", "suggested"], "properties": {
                    "id": { "type": "string", "format": "uuid" },
                    "domain": { "type": "string", "enum": ["academic", "career", "sep"] },
                    "statement": { "type": "string" }, "why_it_matters": { "type": "string" },
                    "measure_kind": { "type": "string", "enum": ["percent", "count", "scale", "yes_no"] },
                    "baseline": { "type": "number" }, "target": { "type": "number" },
                    "due_date": { "type": "string", "format": "date" },
                    "cadence": { "type": "string", "enum": ["weekly", "every_two_weeks", "monthly"] },
                    "status": { "type": "string", "enum": ["draft", "active", "met", "not_met", "revised", "discontinued"] },
                    "suggested": { "type": "boolean" },
                    "activated_on": { "type": ["string", "null"], "format": "date" },
                    "last_check_in": { "type": ["string", "null"], "format": "date" },
                    "last_value": { "type": ["number", "null"] },
                    "check_ins": { "type": "integer" },
                    "progress": { "type": "number", "minimum": 0, "maximum": 1 } } },
                "CheckInInput": { "type": "object", "required": ["value"], "additionalProperties": false, "properties": {
                    "on_date": { "type": "string", "format": "date", "description": "Today when omitted; never in the future." },
                    "value": { "type": "string" }, "note": { "type": "string", "maxLength": 2000 }, "reflection": { "type": "string", "maxLength": 2000 } } },
                "CheckIn": { "type": "object", "required": ["id", "on_date", "value", "note", "reflection", "author"], "properties": {
                    "id": { "type": "string", "format": "uuid" }, "on_date": { "type": "string", "format": "date" },
                    "value": { "type": "number" }, "note": { "type": "string" }, "reflection": { "type": "string" }, "author": { "type": "string" } } },
                "Reflection": { "type": "object", "required": ["id", "prompt", "body", "created_at"], "properties": {
                    "id": { "type": "string", "format": "uuid" }, "prompt": { "type": "string", "enum": ["strengths", "improve", "next"] },
                    "body": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" } } },
                "Interaction": { "type": "object", "required": ["id", "kind", "occurred_on", "notes", "sensitivity", "author"], "properties": {
                    "id": { "type": "string", "format": "uuid" },
                    "kind": { "type": "string", "enum": ["advisory_meeting", "mentor_meeting", "family_conference", "team_meeting", "phone_call", "home_visit", "message"] },
                    "occurred_on": { "type": "string", "format": "date" }, "participants": { "type": "string" },
                    "family_present": { "type": "boolean" }, "notes": { "type": "string" },
                    "sensitivity": { "type": "string", "enum": ["shared", "staff", "restricted_health", "restricted_social"] },
                    "author": { "type": "string" } } },
                "Plan": { "type": "object", "required": ["student_id", "name", "grade_level", "school", "graduation_year", "up_to_date", "failures", "goals", "activities"], "properties": {
                    "student_id": { "type": "string", "format": "uuid" }, "name": { "type": "string" },
                    "grade_level": { "type": "integer", "minimum": 6, "maximum": 12 }, "school": { "type": "string" },
                    "graduation_year": { "type": "integer" }, "up_to_date": { "type": "boolean" },
                    "failures": { "type": "array", "items": { "type": "object", "required": ["code", "condition"], "properties": {
                        "code": { "type": "string", "enum": ["not_reviewed_this_year", "missing_signature", "no_goal_in_domain", "check_in_overdue", "activity_overdue"] },
                        "condition": { "type": "string" } } } },
                    "goals": { "type": "array", "items": { "$ref": "#/components/schemas/Goal" } },
                    "activities": { "type": "array", "items": { "type": "object", "required": ["key", "required", "due", "status"], "properties": {
                        "key": { "type": "string" }, "required": { "type": "boolean" }, "due": { "type": "string", "format": "date" },
                        "status": { "type": "string", "enum": ["done", "exempt", "due", "overdue", "upcoming"] },
                        "exempt_reason": { "type": ["string", "null"] } } } },
                    "review": { "oneOf": [{ "type": "null" }, { "type": "object", "required": ["school_year", "guardian_attempts"], "properties": {
                        "school_year": { "type": "integer" },
                        "student_signed_at": { "type": ["string", "null"], "format": "date-time" },
                        "manager_signed_at": { "type": ["string", "null"], "format": "date-time" },
                        "guardian_signed_at": { "type": ["string", "null"], "format": "date-time" },
                        "guardian_attempts": { "type": "integer" } } }] } } }
            }
        }
    })
}
