//! Translations. Every user-facing string is a Fluent message in
//! `locales/{en,es}/*.ftl` (`main.ftl` plus one file per product area where it has its own), compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, LanguageIdentifier, Loader};
use ssp_domain::Language;
use unic_langid::langid;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");

fn id(lang: Language) -> &'static LanguageIdentifier {
    match lang {
        Language::En => &EN,
        Language::Es => &ES,
    }
}

/// The message `key` in `lang`.
pub fn t(lang: Language, key: &str) -> String {
    LOCALES.lookup(id(lang), key)
}

/// The message `key` in `lang` with named arguments.
pub fn t_args(lang: Language, key: &str, args: &[(&'static str, String)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            // Numbers go in as numbers, so plural rules ("1 student") apply.
            let value = match v.parse::<i64>() {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(v.as_str()),
            };
            (Cow::Borrowed(*k), value)
        })
        .collect();
    LOCALES.lookup_with_args(id(lang), key, &map)
}

/// Whether a message exists (a stable error code without its own message
/// falls back to the generic one).
pub fn has(lang: Language, key: &str) -> bool {
    LOCALES.try_lookup(id(lang), key).is_some()
}

/// Who reads a page about a student's plan. The same form speaks to the
/// student ("your goal", Spanish *tú*) and about the student to everyone
/// else ("the student's goal", Spanish *usted*): staff and family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The student, on their own plan.
    Student,
    /// Staff or family reading about the student.
    Others,
}

impl Reader {
    /// The student when `is_self`, otherwise the others.
    pub fn of(is_self: bool) -> Self {
        if is_self {
            Reader::Student
        } else {
            Reader::Others
        }
    }

    /// The message id worded for this reader: for everyone but the student,
    /// the `<key>-staff` sibling where the catalogue has one (both languages
    /// have the same ids, a test checks), else `key` itself (a message that
    /// reads the same for all).
    pub fn key(self, key: &str) -> String {
        let staff = format!("{key}-staff");
        if self == Reader::Others && has(Language::En, &staff) {
            staff
        } else {
            key.to_owned()
        }
    }
}

/// Why a check-in or goal value was refused, in the reader's language: the
/// message `<prefix>-<measure>` with the allowed range of the goal's measure
/// (from the domain's bounds, not its English detail text).
pub fn value_range_error(lang: Language, prefix: &str, measure: ssp_domain::plan::MeasureKind) -> String {
    let key = format!("{prefix}-{}", measure.as_str().replace('_', "-"));
    match measure.bounds() {
        Some((min, max)) => t_args(lang, &key, &[("min", min.to_string()), ("max", max.to_string())]),
        None => t(lang, &key),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    fn ids(src: &str) -> BTreeSet<String> {
        src.lines()
            .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
            .map(|l| l.split(" =").next().unwrap_or("").trim().to_owned())
            .collect()
    }

    /// Every `.ftl` file of a language (each product area may keep its own
    /// file beside `main.ftl`; the loader reads them all).
    fn catalogue(lang: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("locale folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("ftl") + "\n")
            .collect()
    }

    #[test]
    fn english_and_spanish_have_the_same_messages() {
        let en = ids(&catalogue("en"));
        let es = ids(&catalogue("es"));
        let missing_es: Vec<_> = en.difference(&es).collect();
        let missing_en: Vec<_> = es.difference(&en).collect();
        assert!(missing_es.is_empty(), "missing in es: {missing_es:?}");
        assert!(missing_en.is_empty(), "missing in en: {missing_en:?}");
        assert!(en.len() > 40, "the catalogue is loaded");
    }

    #[test]
    fn spanish_is_spanish() {
        use ssp_domain::Language;
        assert_eq!(super::t(Language::En, "sign-in"), "Sign in");
        assert_eq!(super::t(Language::Es, "sign-in"), "Iniciar sesión");
        assert_eq!(
            super::t_args(Language::Es, "welcome", &[("name", "Ana".into())]),
            "Hola, Ana"
        );
    }
}
