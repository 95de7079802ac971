//! A OneRoster package on disk — a zip file or a folder — opened with
//! limits, so a hostile upload cannot exhaust memory or disk: no entry is
//! ever extracted, names that climb out of the package are refused, and
//! sizes (declared and actual) and compression ratios are bounded.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::Refusal;

/// The largest package (zip file) accepted.
pub const MAX_PACKAGE_BYTES: u64 = 1 << 30;
/// The largest single CSV file (uncompressed) accepted.
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// The most a zip may hold once uncompressed, all files together.
pub const MAX_TOTAL_BYTES: u64 = 4 << 30;
/// Deflate reaches 10–20:1 on roster CSV; far beyond that is a bomb.
pub const MAX_RATIO: u64 = 200;

/// OneRoster version named by the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V1_1,
    V1_2,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1_1 => "1.1",
            Version::V1_2 => "1.2",
        }
    }
}

/// How the manifest says a file is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Bulk,
    Delta,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Bulk => "bulk",
            Mode::Delta => "delta",
        }
    }
}

/// The files ssp reads, in the order they are applied.
pub const FILES: [&str; 8] = [
    "orgs",
    "academicSessions",
    "courses",
    "classes",
    "demographics",
    "roles",
    "users",
    "enrollments",
];

/// Manifest properties of OneRoster besides `file.*` and `source.*`.
const KNOWN_PROPERTIES: [&str; 2] = ["manifest.version", "oneroster.version"];

#[derive(Debug)]
enum Source {
    Folder(PathBuf),
    Zip(PathBuf),
}

/// An opened package: where it is, its version and which files it holds.
#[derive(Debug)]
pub struct Package {
    source: Source,
    pub version: Version,
    /// `orgs` → bulk, … for the files ssp reads that the manifest lists.
    pub modes: BTreeMap<String, Mode>,
    /// Uncompressed size of each present file (for progress).
    pub sizes: BTreeMap<String, u64>,
    /// What the manifest has that ssp ignores (an unknown property): the
    /// import reports these as warnings.
    pub warnings: Vec<crate::report::Issue>,
    /// Files present in the package whose manifest line is wrong (a mode
    /// other than absent, bulk or delta): their headers are still checked,
    /// as bulk, so one refusal lists every problem.
    pub unlisted: Vec<String>,
}

impl Package {
    /// Opens `path` (a `.zip` file or a folder), reads its manifest and
    /// checks that every file the manifest lists is there.
    pub fn open(path: &Path) -> Result<Package, Refusal> {
        let (package, problems) = Self::open_with_problems(path)?;
        match problems {
            Some(refusal) => Err(refusal),
            None => Ok(package),
        }
    }

    /// Like [`Package::open`], but a manifest whose lines are wrong still
    /// gives the package (with the files its good lines list) beside the
    /// refusal, so the caller can check the files' headers too and refuse
    /// everything at once. A package that cannot be read at all (no
    /// manifest, a bad zip, a manifest without its header) is an error.
    pub fn open_with_problems(path: &Path) -> Result<(Package, Option<Refusal>), Refusal> {
        let meta = std::fs::metadata(path).map_err(|e| Refusal::Unreadable {
            what: path.display().to_string(),
            why: e.to_string(),
        })?;
        let (source, sizes) = if meta.is_dir() {
            (Source::Folder(path.to_owned()), folder_sizes(path)?)
        } else {
            if meta.len() > MAX_PACKAGE_BYTES {
                return Err(Refusal::TooLarge {
                    what: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    size: meta.len(),
                    limit: MAX_PACKAGE_BYTES,
                });
            }
            (Source::Zip(path.to_owned()), zip_sizes(path)?)
        };
        let mut package = Package {
            source,
            version: Version::V1_1,
            modes: BTreeMap::new(),
            sizes,
            warnings: Vec::new(),
            unlisted: Vec::new(),
        };
        let problems = package.read_manifest()?;
        Ok((package, problems))
    }

    /// Reads manifest.csv; `Err` when it cannot be read at all, else the
    /// refusal its lines earn (if any).
    fn read_manifest(&mut self) -> Result<Option<Refusal>, Refusal> {
        if !self.sizes.contains_key("manifest") {
            return Err(Refusal::NoManifest);
        }
        let mut text = String::new();
        self.read_file("manifest", |reader| reader.take(1 << 20).read_to_string(&mut text))?
            .map_err(|_| Refusal::BadManifest("manifest.csv is not UTF-8 text".to_owned()))?;
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = csv.headers().map_err(|e| Refusal::BadManifest(e.to_string()))?.clone();
        if headers.get(0) != Some("propertyName") || headers.get(1) != Some("value") {
            return Err(Refusal::BadManifest(
                "manifest.csv must start with the header propertyName,value".to_owned(),
            ));
        }
        let mut version = None;
        // Every bad line is listed, not only the first.
        let mut problems = Vec::new();
        for (n, record) in csv.records().enumerate() {
            let line = n as u64 + 2;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    problems.push(Refusal::BadManifest(format!("line {line}: {e}")));
                    continue;
                }
            };
            let (key, value) = (record.get(0).unwrap_or("").trim(), record.get(1).unwrap_or("").trim());
            if key == "oneroster.version" {
                version = Some(match value {
                    "1.1" | "1.0" => Version::V1_1,
                    "1.2" => Version::V1_2,
                    other => {
                        problems.push(Refusal::UnsupportedVersion(other.to_owned()));
                        continue;
                    }
                });
            } else if let Some(file) = key.strip_prefix("file.") {
                let mode = match value {
                    "bulk" => Mode::Bulk,
                    "delta" => Mode::Delta,
                    "absent" => continue,
                    other => {
                        problems.push(Refusal::BadManifest(format!(
                            "line {line}: {key} is {other:?}; expected absent, bulk or delta"
                        )));
                        if FILES.contains(&file) && self.sizes.contains_key(file) {
                            self.unlisted.push(file.to_owned());
                        }
                        continue;
                    }
                };
                if !FILES.contains(&file) {
                    continue;
                }
                if !self.sizes.contains_key(file) {
                    problems.push(Refusal::MissingFile {
                        file: format!("{file}.csv"),
                        line,
                        mode: mode.as_str(),
                    });
                    continue;
                }
                self.modes.insert(file.to_owned(), mode);
            } else if !KNOWN_PROPERTIES.contains(&key) && !key.starts_with("source.") {
                self.warnings.push(crate::report::Issue::warning(
                    "manifest",
                    line,
                    Some("propertyName"),
                    format!("{key:?} is not a OneRoster manifest property; ssp ignores it"),
                ));
            }
        }
        match version {
            Some(v) => self.version = v,
            None if problems.iter().any(|p| matches!(p, Refusal::UnsupportedVersion(_))) => {}
            None => problems.push(Refusal::BadManifest(
                "manifest.csv does not name oneroster.version".to_owned(),
            )),
        }
        if self.version == Version::V1_2
            && self.modes.get("users") == Some(&Mode::Bulk)
            && !self.modes.contains_key("roles")
            && !problems
                .iter()
                .any(|p| matches!(p, Refusal::MissingFile { file, .. } if file == "roles.csv"))
        {
            problems.push(Refusal::BadManifest(
                "a OneRoster 1.2 package with users.csv in bulk needs roles.csv, which says who is a student"
                    .to_owned(),
            ));
        }
        Ok(Refusal::all(problems))
    }

    /// Runs `f` over one file (`users` for users.csv), read through a
    /// limit so it can never yield more bytes than allowed.
    pub fn read_file<T>(&self, file: &str, f: impl FnOnce(&mut dyn Read) -> T) -> Result<T, Refusal> {
        let name = format!("{file}.csv");
        let unreadable = |e: &dyn std::fmt::Display| Refusal::Unreadable {
            what: name.clone(),
            why: e.to_string(),
        };
        match &self.source {
            Source::Folder(dir) => {
                let f_in = File::open(dir.join(&name)).map_err(|e| unreadable(&e))?;
                let mut reader = Limited::new(BufReader::with_capacity(1 << 16, f_in), MAX_FILE_BYTES, name.clone());
                Ok(f(&mut reader))
            }
            Source::Zip(path) => {
                let f_in = File::open(path).map_err(|e| unreadable(&e))?;
                let mut archive = zip::ZipArchive::new(BufReader::new(f_in)).map_err(|e| unreadable(&e))?;
                let index = entry_index(&archive, &name).ok_or_else(|| unreadable(&"not in the zip"))?;
                let entry = archive.by_index(index).map_err(|e| unreadable(&e))?;
                let limit = entry.size().min(MAX_FILE_BYTES);
                let mut reader = Limited::new(BufReader::with_capacity(1 << 16, entry), limit, name.clone());
                Ok(f(&mut reader))
            }
        }
    }
}

fn folder_sizes(dir: &Path) -> Result<BTreeMap<String, u64>, Refusal> {
    let mut sizes = BTreeMap::new();
    for file in std::iter::once("manifest").chain(FILES) {
        let path = dir.join(format!("{file}.csv"));
        if let Ok(meta) = std::fs::metadata(&path) {
            if meta.len() > MAX_FILE_BYTES {
                return Err(Refusal::TooLarge {
                    what: format!("{file}.csv"),
                    size: meta.len(),
                    limit: MAX_FILE_BYTES,
                });
            }
            sizes.insert(file.to_owned(), meta.len());
        }
    }
    Ok(sizes)
}

/// The file part of an entry name, or `None` for a name that is absolute
/// or climbs with `..` (never legitimate in a roster package).
fn safe_name(raw: &str) -> Option<&str> {
    let unsafe_name = raw.starts_with('/')
        || raw.starts_with('\\')
        || raw.contains('\0')
        || raw.get(1..2) == Some(":")
        || raw.split(['/', '\\']).any(|part| part == "..");
    if unsafe_name {
        None
    } else {
        Some(raw.rsplit(['/', '\\']).next().unwrap_or(raw))
    }
}

fn entry_index<R: Read + io::Seek>(archive: &zip::ZipArchive<R>, name: &str) -> Option<usize> {
    archive
        .file_names()
        .enumerate()
        .find(|(_, entry)| entry.as_deref().ok().and_then(safe_name) == Some(name))
        .map(|(i, _)| i)
}

fn zip_sizes(path: &Path) -> Result<BTreeMap<String, u64>, Refusal> {
    let bad = |why: String| Refusal::BadZip(why);
    let f = File::open(path).map_err(|e| Refusal::Unreadable {
        what: path.display().to_string(),
        why: e.to_string(),
    })?;
    let mut archive = zip::ZipArchive::new(BufReader::new(f)).map_err(|e| bad(e.to_string()))?;
    let mut sizes = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| bad(e.to_string()))?;
        let raw = entry.name().map_err(|e| bad(e.to_string()))?.into_owned();
        let Some(name) = safe_name(&raw) else {
            return Err(Refusal::UnsafeName(raw));
        };
        if entry.is_dir() {
            continue;
        }
        let Some(file) = name.strip_suffix(".csv") else {
            continue;
        };
        if !(file == "manifest" || FILES.contains(&file)) {
            continue;
        }
        if entry.encrypted() {
            return Err(bad(format!("{name} is encrypted")));
        }
        let (size, packed) = (entry.size(), entry.compressed_size());
        if size > MAX_FILE_BYTES {
            return Err(Refusal::TooLarge {
                what: name.to_owned(),
                size,
                limit: MAX_FILE_BYTES,
            });
        }
        if size > (1 << 20) && size / packed.max(1) > MAX_RATIO {
            return Err(Refusal::Bomb {
                what: name.to_owned(),
                ratio: size / packed.max(1),
            });
        }
        total += size;
        if total > MAX_TOTAL_BYTES {
            return Err(Refusal::TooLarge {
                what: "the unpacked package".to_owned(),
                size: total,
                limit: MAX_TOTAL_BYTES,
            });
        }
        if sizes.insert(file.to_owned(), size).is_some() {
            return Err(bad(format!("{name} appears twice")));
        }
    }
    Ok(sizes)
}

/// A reader that fails once more than `limit` bytes came through.
struct Limited<R> {
    inner: R,
    left: u64,
    name: String,
}

impl<R: Read> Limited<R> {
    fn new(inner: R, limit: u64, name: String) -> Self {
        Limited {
            inner,
            left: limit,
            name,
        }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.left = self.left.checked_sub(n as u64).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is larger than it said or than the limit", self.name),
            )
        })?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_climb_out_are_unsafe() {
        assert_eq!(safe_name("users.csv"), Some("users.csv"));
        assert_eq!(safe_name("export/users.csv"), Some("users.csv"));
        assert_eq!(safe_name("../users.csv"), None);
        assert_eq!(safe_name("a/../../users.csv"), None);
        assert_eq!(safe_name("/etc/passwd"), None);
        assert_eq!(safe_name("C:\\users.csv"), None);
        assert_eq!(safe_name("..\\users.csv"), None);
    }
}
