//! Community partners' pages (issue 18): the student's supports and
//! opportunities (`student.rs`: proposals, consents, referrals, the record
//! of disclosures), the directory with its CSV import and the loop metrics
//! (`directory.rs`), each entry's own forms for the maintainers
//! (`maintain.rs`), and the partner user's referrals (`partner.rs`).

pub mod directory;
pub mod maintain;
pub mod partner;
pub mod student;

use axum::Router;
use ssp_domain::input::Rejected;
use ssp_domain::Language;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(student::routes())
        .merge(directory::routes())
        .merge(maintain::routes())
        .merge(partner::routes())
}

/// "Categories: not a category this partner serves. …" — the input's
/// message, then each refused field with its reason.
pub(crate) fn rejected_message(lang: Language, r: &Rejected) -> String {
    let mut out = vec![crate::error::error_message(lang, r.error)];
    for f in &r.fields {
        let field = f.field.replace('_', "-");
        let code = f.code.replace('_', "-");
        let mine = format!("partners-problem-{code}");
        let problem = if crate::i18n::has(lang, &mine) {
            crate::i18n::t(lang, &mine)
        } else if crate::i18n::has(lang, &format!("sn-problem-{code}")) {
            crate::i18n::t(lang, &format!("sn-problem-{code}"))
        } else {
            code.clone()
        };
        out.push(format!(
            "{}: {problem}",
            crate::i18n::t(lang, &format!("partners-field-{field}"))
        ));
    }
    out.join(" ")
}

/// The label of a keyed value: `prefix-key-with-hyphens`.
pub(crate) fn label(lang: Language, prefix: &str, key: &str) -> String {
    crate::i18n::t(lang, &format!("{prefix}-{}", key.replace('_', "-")))
}
