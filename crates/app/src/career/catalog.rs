//! The loaded occupations held in memory, for search and matches: 1,016
//! occupations and their 56,560 alternate titles are reference data that
//! change only when `ssp career load` replaces them, and a `%word%` search
//! over the titles cannot use an index. Each request asks the database for
//! the latest load's id (one small indexed read) and rebuilds the catalog
//! only when it changed, so a load by another process or server is seen on
//! the next request.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use ssp_db::repo::career::occupations::{self, OccupationRow, Search};
use uuid::Uuid;

use crate::error::Error;
use crate::App;

/// The occupations of one load, ready to search.
#[derive(Debug)]
pub struct Catalog {
    load: Option<Uuid>,
    /// In code order.
    pub occupations: Vec<OccupationRow>,
    by_code: HashMap<String, usize>,
    /// Per occupation: its title, lower-cased.
    title_lower: Vec<String>,
    /// Per occupation: its alternate titles, lower-cased, one per line.
    alternate_lower: Vec<String>,
}

impl Catalog {
    fn build(load: Option<Uuid>, occupations: Vec<OccupationRow>, titles: Vec<(String, String)>) -> Catalog {
        let by_code: HashMap<String, usize> = occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.code.clone(), i))
            .collect();
        let title_lower = occupations.iter().map(|o| o.title.to_lowercase()).collect();
        let mut alternate_lower = vec![String::new(); occupations.len()];
        for (code, lower) in titles {
            if let Some(&i) = by_code.get(&code) {
                let text = &mut alternate_lower[i];
                text.push_str(&lower);
                text.push('\n');
            }
        }
        Catalog {
            load,
            occupations,
            by_code,
            title_lower,
            alternate_lower,
        }
    }

    pub fn get(&self, code: &str) -> Option<&OccupationRow> {
        self.by_code.get(code).map(|&i| &self.occupations[i])
    }

    /// One page of a search and the total found, as
    /// [`occupations::search`] orders it: titles that start with the words,
    /// then titles that hold them, then alternate-title (or code) matches;
    /// then by title. `s.query` is already trimmed and lower-cased.
    pub fn search(&self, s: &Search) -> (Vec<OccupationRow>, i64) {
        let q = s.query.as_str();
        let mut found: Vec<(u8, usize)> = Vec::new();
        for (i, o) in self.occupations.iter().enumerate() {
            if !s.zones.is_empty() && !o.job_zone.is_some_and(|z| s.zones.contains(&z)) {
                continue;
            }
            if s.area.is_some_and(|a| !o.high_points.contains(a)) {
                continue;
            }
            if s.legacy_cluster.as_ref().is_some_and(|c| *c != o.legacy_cluster)
                || s.cluster_2024.as_ref().is_some_and(|c| *c != o.cluster_2024)
            {
                continue;
            }
            let rank = if q.is_empty() {
                2
            } else {
                let title = &self.title_lower[i];
                if title.starts_with(q) {
                    0
                } else if title.contains(q) {
                    1
                } else if self.alternate_lower[i].contains(q) || o.code.to_lowercase().contains(q) {
                    2
                } else {
                    continue;
                }
            };
            found.push((rank, i));
        }
        let total = found.len() as i64;
        let by_rank_then_title = |a: &(u8, usize), b: &(u8, usize)| -> Ordering {
            a.0.cmp(&b.0)
                .then_with(|| self.occupations[a.1].title.cmp(&self.occupations[b.1].title))
        };
        let offset = usize::try_from(s.offset.max(0)).unwrap_or(usize::MAX);
        let limit = usize::try_from(s.limit.max(0)).unwrap_or(0);
        let end = offset.saturating_add(limit).min(found.len());
        if end < found.len() {
            // Only the page needs sorting in full.
            found.select_nth_unstable_by(end, by_rank_then_title);
            found.truncate(end);
        }
        found.sort_by(by_rank_then_title);
        let rows = found
            .iter()
            .skip(offset)
            .map(|&(_, i)| self.occupations[i].clone())
            .collect();
        (rows, total)
    }
}

/// The app's catalog, replaced when a newer load appears.
#[derive(Default)]
pub struct CatalogCache(RwLock<Option<Arc<Catalog>>>);

impl std::fmt::Debug for CatalogCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CatalogCache")
    }
}

/// The catalog of the latest load (built on first use and after each load).
pub async fn current(app: &App) -> Result<Arc<Catalog>, Error> {
    let db = app.db();
    let load = occupations::latest_load_id(db).await?;
    let cached = app
        .catalog()
        .0
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    if let Some(c) = cached.filter(|c| c.load == load) {
        return Ok(c);
    }
    let catalog = Arc::new(Catalog::build(
        load,
        occupations::all(db).await?,
        occupations::all_titles_lower(db).await?,
    ));
    *app.catalog()
        .0
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(catalog.clone());
    Ok(catalog)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occ(code: &str, title: &str, zone: Option<i32>, high: &str) -> OccupationRow {
        OccupationRow {
            code: code.into(),
            title: title.into(),
            description: String::new(),
            job_zone: zone,
            interest_r: None,
            interest_i: None,
            interest_a: None,
            interest_s: None,
            interest_e: None,
            interest_c: None,
            high_points: high.into(),
            legacy_cluster: "health_science".into(),
            cluster_2024: "healthcare_human_services".into(),
        }
    }

    fn catalog() -> Catalog {
        Catalog::build(
            None,
            vec![
                occ("29-1141.00", "Registered Nurses", Some(3), "SIC"),
                occ("29-1171.00", "Nurse Practitioners", Some(5), "SI"),
                occ("29-1131.00", "Veterinarians", Some(5), "IR"),
                occ("31-1131.00", "Nursing Assistants", None, "SR"),
            ],
            vec![
                ("29-1131.00".into(), "vet".into()),
                ("29-1141.00".into(), "charge nurse".into()),
            ],
        )
    }

    fn search(q: &str) -> Search {
        Search {
            query: q.into(),
            limit: 25,
            ..Search::default()
        }
    }

    fn titles(rows: &[OccupationRow]) -> Vec<&str> {
        rows.iter().map(|o| o.title.as_str()).collect()
    }

    #[test]
    fn titles_that_start_with_the_words_come_first_then_titles_then_alternates() {
        let c = catalog();
        let (rows, total) = c.search(&search("nurs"));
        assert_eq!(total, 3);
        assert_eq!(
            titles(&rows),
            ["Nurse Practitioners", "Nursing Assistants", "Registered Nurses"]
        );
        let (rows, _) = c.search(&search("vet"));
        assert_eq!(titles(&rows), ["Veterinarians"]);
        let (rows, _) = c.search(&search("charge"));
        assert_eq!(titles(&rows), ["Registered Nurses"], "found by its alternate title");
        let (rows, _) = c.search(&search("29-11"));
        assert_eq!(rows.len(), 3, "found by code");
    }

    #[test]
    fn filters_and_pages() {
        let c = catalog();
        let zoned = Search {
            zones: vec![5],
            ..search("")
        };
        assert_eq!(
            titles(&c.search(&zoned).0),
            ["Nurse Practitioners", "Veterinarians"],
            "no job zone: left out once a zone is chosen"
        );
        let area = Search {
            area: Some('R'),
            ..search("")
        };
        assert_eq!(titles(&c.search(&area).0), ["Nursing Assistants", "Veterinarians"]);
        let page = Search {
            limit: 2,
            offset: 1,
            ..search("")
        };
        let (rows, total) = c.search(&page);
        assert_eq!(total, 4);
        assert_eq!(titles(&rows), ["Nursing Assistants", "Registered Nurses"]);
        assert_eq!(c.get("29-1131.00").map(|o| o.title.as_str()), Some("Veterinarians"));
    }
}
