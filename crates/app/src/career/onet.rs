//! Loading O*NET occupation data: the release shipped in the binary (loaded
//! when the database has none) or a newer official release from a folder
//! of its text files (`ssp career load DIR`). Files are read by header name,
//! so a release that adds or reorders columns still loads; a missing file
//! or column, or a bad value, refuses the whole load with every problem
//! listed (file, line, column) and changes nothing. The report says what
//! changed against the data it replaces.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::career::occupations::{self, AltTitleRow, JobZoneRow, LoadRow, OccupationRow, RelatedRow, Tables};
use ssp_domain::audit::AuditAction;
use ssp_domain::career::cluster::crosswalk;
use ssp_domain::career::Area;

use crate::error::Error;
use crate::App;

/// The release compiled into the binary.
pub const SHIPPED_RELEASE: &str = "O*NET 29.3";

/// The attribution shown wherever O*NET data is (CC BY 4.0).
pub const ATTRIBUTION: &str = "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. ssp shows selected tables as published and adds its own career-cluster crosswalk.";

/// The six files a load reads, by their O*NET names.
pub const FILES: [&str; 6] = [
    "Occupation Data.txt",
    "Interests.txt",
    "Job Zones.txt",
    "Job Zone Reference.txt",
    "Related Occupations.txt",
    "Alternate Titles.txt",
];

/// The text of the six files (in [`FILES`] order).
#[derive(Debug, Clone)]
pub struct OnetFiles {
    pub texts: [String; 6],
}

impl OnetFiles {
    /// The release shipped with ssp.
    pub fn shipped() -> Self {
        OnetFiles {
            texts: [
                include_str!("../../data/onet/Occupation Data.txt").to_owned(),
                include_str!("../../data/onet/Interests.txt").to_owned(),
                include_str!("../../data/onet/Job Zones.txt").to_owned(),
                include_str!("../../data/onet/Job Zone Reference.txt").to_owned(),
                include_str!("../../data/onet/Related Occupations.txt").to_owned(),
                include_str!("../../data/onet/Alternate Titles.txt").to_owned(),
            ],
        }
    }

    /// The six files from a release's folder; every missing or unreadable
    /// file is named.
    pub fn read_dir(dir: &Path) -> Result<Self, Vec<String>> {
        let mut problems = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for name in FILES {
            match std::fs::read(dir.join(name)) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(t) => texts.push(t),
                    Err(_) => {
                        problems.push(format!("{name}: not UTF-8 text"));
                        texts.push(String::new());
                    }
                },
                Err(e) => {
                    problems.push(format!("{name}: cannot be read ({e})"));
                    texts.push(String::new());
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(OnetFiles {
            texts: texts.try_into().expect("six files"),
        })
    }
}

/// One tab-separated file read by header name.
struct Tsv<'a> {
    name: &'static str,
    columns: HashMap<&'a str, usize>,
    lines: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Tsv<'a> {
    fn read(name: &'static str, text: &'a str, need: &[&str], problems: &mut Vec<String>) -> Option<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines().enumerate();
        let Some((_, header)) = lines.next() else {
            problems.push(format!("{name}: the file is empty"));
            return None;
        };
        let columns: HashMap<&str, usize> = header
            .split('\t')
            .map(str::trim)
            .enumerate()
            .map(|(i, c)| (c, i))
            .collect();
        let missing: Vec<&str> = need.iter().copied().filter(|c| !columns.contains_key(c)).collect();
        if !missing.is_empty() {
            problems.push(format!("{name}: line 1: missing column(s) {}", missing.join(", ")));
            return None;
        }
        let lines = lines
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.split('\t').collect()))
            .collect();
        Some(Tsv { name, columns, lines })
    }

    fn get<'r>(&self, row: &'r [&'a str], column: &str) -> &'a str {
        row.get(self.columns[column]).map_or("", |v| v.trim())
    }
}

fn valid_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && b[2] == b'-'
        && b[7] == b'.'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || i == 7 || c.is_ascii_digit())
}

/// Parses the six files into the tables a load writes. Every problem is
/// listed; any problem refuses the load.
pub fn parse(files: &OnetFiles) -> Result<Tables, Vec<String>> {
    let mut problems = Vec::new();
    let code = "O*NET-SOC Code";
    let occ = Tsv::read(
        FILES[0],
        &files.texts[0],
        &[code, "Title", "Description"],
        &mut problems,
    );
    let int = Tsv::read(
        FILES[1],
        &files.texts[1],
        &[code, "Element ID", "Scale ID", "Data Value"],
        &mut problems,
    );
    let jz = Tsv::read(FILES[2], &files.texts[2], &[code, "Job Zone"], &mut problems);
    let jzr = Tsv::read(
        FILES[3],
        &files.texts[3],
        &[
            "Job Zone",
            "Name",
            "Experience",
            "Education",
            "Job Training",
            "Examples",
        ],
        &mut problems,
    );
    let rel = Tsv::read(
        FILES[4],
        &files.texts[4],
        &[code, "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
        &mut problems,
    );
    let alt = Tsv::read(FILES[5], &files.texts[5], &[code, "Alternate Title"], &mut problems);
    let (Some(occ), Some(int), Some(jz), Some(jzr), Some(rel), Some(alt)) = (occ, int, jz, jzr, rel, alt) else {
        return Err(problems);
    };

    let mut rows: BTreeMap<String, OccupationRow> = BTreeMap::new();
    for (line, r) in &occ.lines {
        let c = occ.get(r, code);
        let title = occ.get(r, "Title");
        if !valid_code(c) {
            problems.push(format!(
                "{}: line {line}: column {code}: {c:?} is not an O*NET-SOC code",
                occ.name
            ));
            continue;
        }
        if title.is_empty() {
            problems.push(format!("{}: line {line}: column Title: empty", occ.name));
            continue;
        }
        let (legacy, modern) = crosswalk(c).map(|(l, m)| (l.key(), m.key())).unwrap_or(("", ""));
        if rows
            .insert(
                c.to_owned(),
                OccupationRow {
                    code: c.to_owned(),
                    title: title.to_owned(),
                    description: occ.get(r, "Description").to_owned(),
                    job_zone: None,
                    interest_r: None,
                    interest_i: None,
                    interest_a: None,
                    interest_s: None,
                    interest_e: None,
                    interest_c: None,
                    high_points: String::new(),
                    legacy_cluster: legacy.to_owned(),
                    cluster_2024: modern.to_owned(),
                },
            )
            .is_some()
        {
            problems.push(format!("{}: line {line}: occupation {c} appears twice", occ.name));
        }
    }

    // Interests: OI ratings 1.B.1.a–f and the high points g/h/i.
    let mut high: HashMap<String, [char; 3]> = HashMap::new();
    for (line, r) in &int.lines {
        let c = int.get(r, code);
        let element = int.get(r, "Element ID");
        let scale = int.get(r, "Scale ID");
        let Ok(value) = int.get(r, "Data Value").parse::<f64>() else {
            problems.push(format!("{}: line {line}: column Data Value: not a number", int.name));
            continue;
        };
        let Some(o) = rows.get_mut(c) else {
            continue; // a rating of an occupation the release does not describe
        };
        let letter = element.strip_prefix("1.B.1.").and_then(|s| s.chars().next());
        match (scale, letter) {
            ("OI", Some(l @ 'a'..='f')) => {
                if !(1.0..=7.0).contains(&value) {
                    problems.push(format!(
                        "{}: line {line}: column Data Value: {value} is outside 1–7",
                        int.name
                    ));
                    continue;
                }
                let slot = match l {
                    'a' => &mut o.interest_r,
                    'b' => &mut o.interest_i,
                    'c' => &mut o.interest_a,
                    'd' => &mut o.interest_s,
                    'e' => &mut o.interest_e,
                    _ => &mut o.interest_c,
                };
                *slot = Some(value);
            }
            ("IH", Some(l @ 'g'..='i')) => {
                let pos = (l as u8 - b'g') as usize;
                let area = (value.round() as usize)
                    .checked_sub(1)
                    .and_then(|i| Area::ALL.get(i).copied());
                high.entry(c.to_owned()).or_insert([' '; 3])[pos] = area.map_or(' ', Area::letter);
            }
            _ => {}
        }
    }
    for (c, h) in high {
        if let Some(o) = rows.get_mut(&c) {
            o.high_points = h.iter().filter(|c| **c != ' ').collect();
        }
    }

    for (line, r) in &jz.lines {
        let c = jz.get(r, code);
        match jz.get(r, "Job Zone").parse::<i32>() {
            Ok(z @ 1..=5) => {
                if let Some(o) = rows.get_mut(c) {
                    o.job_zone = Some(z);
                }
            }
            _ => problems.push(format!("{}: line {line}: column Job Zone: not 1–5", jz.name)),
        }
    }

    let mut job_zones = Vec::new();
    for (line, r) in &jzr.lines {
        match jzr.get(r, "Job Zone").parse::<i32>() {
            Ok(z @ 1..=5) => job_zones.push(JobZoneRow {
                zone: z,
                name: jzr.get(r, "Name").to_owned(),
                experience: jzr.get(r, "Experience").to_owned(),
                education: jzr.get(r, "Education").to_owned(),
                training: jzr.get(r, "Job Training").to_owned(),
                examples: jzr.get(r, "Examples").to_owned(),
            }),
            _ => problems.push(format!("{}: line {line}: column Job Zone: not 1–5", jzr.name)),
        }
    }

    let mut related = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (line, r) in &rel.lines {
        let (c, other) = (rel.get(r, code), rel.get(r, "Related O*NET-SOC Code"));
        let Ok(rank) = rel.get(r, "Index").parse::<i32>() else {
            problems.push(format!("{}: line {line}: column Index: not a number", rel.name));
            continue;
        };
        if rows.contains_key(c) && seen.insert((c, other)) {
            related.push(RelatedRow {
                code: c.to_owned(),
                related_code: other.to_owned(),
                tier: rel.get(r, "Relatedness Tier").to_owned(),
                rank,
            });
        }
    }

    let mut alternate_titles = Vec::new();
    for (_, r) in &alt.lines {
        let c = alt.get(r, code);
        let t = alt.get(r, "Alternate Title");
        if rows.contains_key(c) && !t.is_empty() {
            alternate_titles.push(AltTitleRow {
                code: c.to_owned(),
                title: t.to_owned(),
            });
        }
    }

    if rows.is_empty() {
        problems.push(format!("{}: no occupations", occ.name));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Tables {
        occupations: rows.into_values().collect(),
        alternate_titles,
        related,
        job_zones,
    })
}

/// What a load changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadReport {
    pub release: String,
    pub occupations: usize,
    pub alternate_titles: usize,
    pub related: usize,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

impl LoadReport {
    /// One paragraph for the CLI and the load history.
    pub fn summary(&self) -> String {
        let list = |v: &[String]| {
            let mut s = v.iter().take(10).cloned().collect::<Vec<_>>().join(", ");
            if v.len() > 10 {
                s.push_str(&format!(" and {} more", v.len() - 10));
            }
            s
        };
        let mut out = format!(
            "{}: {} occupations, {} alternate titles, {} related pairs. ",
            self.release, self.occupations, self.alternate_titles, self.related
        );
        if self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty() {
            out.push_str("No occupation changed.");
        } else {
            out.push_str(&format!(
                "{} added{}; {} removed{}; {} changed{}.",
                self.added.len(),
                if self.added.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", list(&self.added))
                },
                self.removed.len(),
                if self.removed.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", list(&self.removed))
                },
                self.changed.len(),
                if self.changed.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", list(&self.changed))
                },
            ));
        }
        out
    }
}

/// Loads parsed files as `release` in one transaction, comparing with what
/// was there. `who` names the caller in the audit row (`cli`, `migrate`).
pub async fn load(
    app: &App,
    files: &OnetFiles,
    release: &str,
    who: &str,
) -> Result<Result<LoadReport, Vec<String>>, Error> {
    let tables = match parse(files) {
        Ok(t) => t,
        Err(problems) => return Ok(Err(problems)),
    };
    let before: HashMap<String, OccupationRow> = occupations::all(app.db())
        .await?
        .into_iter()
        .map(|o| (o.code.clone(), o))
        .collect();
    let mut report = LoadReport {
        release: release.to_owned(),
        occupations: tables.occupations.len(),
        alternate_titles: tables.alternate_titles.len(),
        related: tables.related.len(),
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
    };
    for o in &tables.occupations {
        match before.get(&o.code) {
            None => report.added.push(o.code.clone()),
            Some(old) if old != o => report.changed.push(o.code.clone()),
            Some(_) => {}
        }
    }
    let now_codes: std::collections::HashSet<&str> = tables.occupations.iter().map(|o| o.code.as_str()).collect();
    report.removed = before
        .keys()
        .filter(|c| !now_codes.contains(c.as_str()))
        .cloned()
        .collect();
    report.removed.sort();
    let now = app.now();
    let row = LoadRow {
        release: release.to_owned(),
        loaded_at: now,
        occupations: report.occupations as i32,
        added: report.added.len() as i32,
        removed: report.removed.len() as i32,
        changed: report.changed.len() as i32,
        summary: report.summary(),
    };
    let mut tx = app.db().begin().await?;
    occupations::replace(&mut tx, &tables, &row).await?;
    let mut ev = AuditEvent::new(AuditAction::OccupationsLoaded, now);
    ev.record_kind = Some("occupations");
    ev.request_id = Some(who.to_owned());
    ev.detail = Some(format!(
        "{release}: {} occupations, {} added, {} removed, {} changed",
        report.occupations,
        report.added.len(),
        report.removed.len(),
        report.changed.len()
    ));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Ok(report))
}

/// Loads the shipped release when the database holds no occupations (a new
/// database, or one migrated before career exploration existed). True when
/// it loaded.
pub async fn load_shipped_if_empty(app: &App) -> Result<bool, Error> {
    if occupations::count(app.db()).await? > 0 {
        return Ok(false);
    }
    match load(app, &OnetFiles::shipped(), SHIPPED_RELEASE, "migrate").await? {
        Ok(_) => Ok(true),
        Err(problems) => Err(Error::Internal(anyhow::anyhow!(
            "the shipped O*NET data did not parse: {}",
            problems.join("; ")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_release_parses_with_every_occupation_and_its_ratings() {
        let t = parse(&OnetFiles::shipped()).expect("shipped data parses");
        assert_eq!(t.occupations.len(), 1016);
        let rated = t.occupations.iter().filter(|o| o.interests().is_some()).count();
        assert_eq!(rated, 923);
        assert_eq!(t.occupations.iter().filter(|o| o.job_zone.is_some()).count(), 923);
        assert_eq!(t.job_zones.len(), 5);
        let nurse = t.occupations.iter().find(|o| o.code == "29-1141.00").unwrap();
        assert_eq!(nurse.title, "Registered Nurses");
        assert!(nurse.high_points.starts_with('S'), "{}", nurse.high_points);
        assert!(!nurse.legacy_cluster.is_empty() && !nurse.cluster_2024.is_empty());
        assert!(
            t.occupations.iter().all(|o| !o.legacy_cluster.is_empty()),
            "every code is in the crosswalk"
        );
        assert!(t.alternate_titles.len() > 50_000);
    }

    #[test]
    fn a_missing_column_or_a_bad_value_refuses_the_load_naming_file_line_and_column() {
        let mut files = OnetFiles::shipped();
        files.texts[2] = "O*NET-SOC Code\tZone\n11-1011.00\t5\n".into();
        files.texts[0] = files.texts[0].replacen("11-1011.00", "11-1011", 1);
        let problems = parse(&files).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p == "Job Zones.txt: line 1: missing column(s) Job Zone"),
            "{problems:?}"
        );
        // The job-zone problem stops the load before the rows are read, so
        // fix it and see the row problem.
        files.texts[2] = "O*NET-SOC Code\tJob Zone\n11-1011.03\t9\n".into();
        let problems = parse(&files).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("Occupation Data.txt: line 2: column O*NET-SOC Code")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p == "Job Zones.txt: line 2: column Job Zone: not 1–5"),
            "{problems:?}"
        );
    }

    #[test]
    fn columns_are_read_by_name_not_position() {
        let mut files = OnetFiles::shipped();
        // Swap the Title and Description columns.
        files.texts[0] = files.texts[0]
            .lines()
            .map(|l| {
                let mut f: Vec<&str> = l.split('\t').collect();
                f.swap(1, 2);
                f.join("\t")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let t = parse(&files).unwrap();
        assert_eq!(
            t.occupations.iter().find(|o| o.code == "29-1141.00").unwrap().title,
            "Registered Nurses"
        );
    }
}
