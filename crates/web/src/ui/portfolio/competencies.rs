//! Competency tags as the portfolio pages show them: built-in ones by their
//! translated names (ASCA standards by their codes), the district's own by
//! the name the district gave them, and the choices a form offers, grouped
//! by framework with the district's own last.

use ssp_app::portfolio::settings::{self, PortfolioSettings};
use ssp_domain::portfolio::competency::{built_ins, CompetencyKey};
use ssp_domain::{Language, OrgId};

use crate::error::AppError;
use crate::state::AppState;

/// The names and choices of competency tags for one district, in one language.
pub struct Competencies {
    lang: Language,
    settings: PortfolioSettings,
}

impl Competencies {
    pub async fn load(state: &AppState, district: OrgId, lang: Language) -> Result<Self, AppError> {
        Ok(Self {
            lang,
            settings: settings::of_district(state, district).await?,
        })
    }

    /// The district's portfolio settings these names came from.
    pub fn settings(&self) -> &PortfolioSettings {
        &self.settings
    }

    /// A tag's name for a reader: its translation, "ASCA B-SMS 5", the
    /// district's name for its own, or the key as stored.
    pub fn label(&self, key: &str) -> String {
        let Some(k) = CompetencyKey::parse(key) else {
            return key.to_owned();
        };
        let id = format!("competency-{}", k.fluent_tail());
        if crate::i18n::has(self.lang, &id) {
            crate::i18n::t(self.lang, &id)
        } else if let Some(code) = k.as_str().strip_prefix("asca:") {
            // ASCA standards are known by their codes: "ASCA B-SMS 5".
            let (group, n) = code.rsplit_once('-').unwrap_or((code, ""));
            format!("ASCA {group} {n}").trim_end().to_owned()
        } else if let Some(name) = self.settings.name_of(key) {
            name.to_owned()
        } else {
            key.to_owned()
        }
    }

    /// The tags a form offers: (framework legend, [(key, name)]), the
    /// district's own (not retired) last when it has any.
    pub fn choices(&self) -> Vec<(String, Vec<(String, String)>)> {
        let mut groups: Vec<(String, Vec<(String, String)>)> = built_ins()
            .iter()
            .map(|(f, keys)| {
                let keys = keys.iter().map(|k| ((*k).to_owned(), self.label(k))).collect();
                (
                    crate::i18n::t(self.lang, &format!("competency-framework-{}", f.key())),
                    keys,
                )
            })
            .collect();
        let own: Vec<(String, String)> = self
            .settings
            .offered()
            .iter()
            .map(|k| (k.to_string(), self.label(k.as_str())))
            .collect();
        if !own.is_empty() {
            groups.push((crate::i18n::t(self.lang, "competency-framework-district"), own));
        }
        groups
    }
}
