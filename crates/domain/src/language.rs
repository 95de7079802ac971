//! The languages ssp's pages and messages are written in.

use crate::ParseError;

/// A supported interface language. A family's contact language may be any
/// language (it is stored as a BCP 47 tag); pages are in one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    En,
    Es,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Español",
        }
    }

    /// Parses a tag such as `es`, `es-MX` or `EN-us`.
    pub fn parse(tag: &str) -> Result<Self, ParseError> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Ok(Language::En),
            "es" => Ok(Language::Es),
            _ => Err(ParseError::new("unsupported_language", format!("no pages in {tag:?}"))),
        }
    }

    /// The best supported language for an `Accept-Language` header, by the
    /// header's q-values; `None` when nothing in it is supported.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(f32, usize, Language)> = None;
        for (pos, part) in header.split(',').enumerate() {
            let mut bits = part.split(';');
            let tag = bits.next().unwrap_or("").trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Ok(lang) = Language::parse(tag) {
                let better = match best {
                    None => true,
                    Some((bq, bpos, _)) => q > bq || (q == bq && pos < bpos),
                };
                if better {
                    best = Some((q, pos, lang));
                }
            }
        }
        best.map(|(_, _, l)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_table() {
        let cases = [
            ("es-MX,es;q=0.9,en;q=0.8", Some(Language::Es)),
            ("en-US,en;q=0.9", Some(Language::En)),
            ("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4", Some(Language::Es)),
            ("en;q=0.2, es;q=0.7", Some(Language::Es)),
            ("es;q=0", None),
            ("de", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(Language::from_accept_language(header), want, "{header:?}");
        }
    }

    #[test]
    fn parse_accepts_regional_tags() {
        assert_eq!(Language::parse("es-419").unwrap(), Language::Es);
        assert!(Language::parse("klingon").is_err());
    }
}
