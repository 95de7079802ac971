//! What an uploaded file is, judged from its content and never from its
//! name: the first bytes ([`sniff`]), the zip central directory for Office
//! and OpenDocument files ([`inspect_zip`]), and the whole text of an SVG
//! or HTML file for active content. Also the size limit, the student's
//! quota, and whether the name's extension agrees with the content
//! ([`check_name`]). A refusal is a [`ContentRefusal`] with a stable code.
//!
//! Serving: a type is either shown inline or always downloaded as an
//! attachment ([`Disposition`]). Inline serving assumes the response also
//! carries `X-Content-Type-Options: nosniff` and the detected MIME type
//! (never one derived from the name), so a text file holding markup is shown
//! as text.

use std::io::{self, Read, Seek, SeekFrom};

use crate::academics::keyed_enum;

mod active;
mod archive;

pub use active::check_active_content;
pub use archive::inspect_zip;

/// How many leading bytes [`sniff`] looks at.
pub const SNIFF_BYTES: usize = 8 * 1024;
/// The default largest file, in bytes (50 MiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The default storage quota per student, in bytes (1 GiB).
pub const DEFAULT_QUOTA_BYTES: u64 = 1024 * 1024 * 1024;

/// Why a file is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum ContentRefusal {
    /// The name's extension claims another type than the content is.
    #[error("type_mismatch")]
    TypeMismatch,
    /// Binary content of a type we do not accept (or an empty file).
    #[error("unknown_type")]
    UnknownType,
    /// An SVG or HTML file carrying script, event handlers, embedded
    /// documents or external references; or an Office file with macros.
    #[error("active_content")]
    ActiveContent,
    /// A zip that would expand far beyond its size (see [`ZipLimits`]).
    #[error("zip_bomb")]
    ZipBomb,
    /// Over the per-file limit.
    #[error("too_large")]
    TooLarge,
    /// The student's storage quota would be exceeded.
    #[error("over_quota")]
    OverQuota,
}

impl ContentRefusal {
    /// The stable code (`type_mismatch`, `unknown_type`, `active_content`,
    /// `zip_bomb`, `too_large`, `over_quota`).
    pub fn code(self) -> &'static str {
        match self {
            ContentRefusal::TypeMismatch => "type_mismatch",
            ContentRefusal::UnknownType => "unknown_type",
            ContentRefusal::ActiveContent => "active_content",
            ContentRefusal::ZipBomb => "zip_bomb",
            ContentRefusal::TooLarge => "too_large",
            ContentRefusal::OverQuota => "over_quota",
        }
    }
}

keyed_enum!(
    /// A file type we accept, as detected from content. The key is what is
    /// stored.
    FileType, "unknown_file_type", {
        Png => "png",
        Jpeg => "jpeg",
        Gif => "gif",
        Webp => "webp",
        Pdf => "pdf",
        Mp3 => "mp3",
        /// ISO base media (`ftyp`) other than QuickTime: MP4, M4V, M4A.
        Mp4 => "mp4",
        /// QuickTime (`ftyp` brand `qt  `).
        Mov => "mov",
        Wav => "wav",
        /// UTF-8 text: plain text, CSV, Markdown.
        Text => "text",
        Svg => "svg",
        Html => "html",
        Docx => "docx",
        Xlsx => "xlsx",
        Pptx => "pptx",
        Odt => "odt",
        Ods => "ods",
        Odp => "odp",
        /// Any other zip archive.
        Zip => "zip",
    }
);

/// How a download is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Shown in the browser (images, PDF, audio, video, plain text).
    Inline,
    /// Always saved (`Content-Disposition: attachment`): SVG and HTML even
    /// when clean, Office files and archives.
    Attachment,
}

impl FileType {
    /// The MIME type to serve.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Gif => "image/gif",
            FileType::Webp => "image/webp",
            FileType::Pdf => "application/pdf",
            FileType::Mp3 => "audio/mpeg",
            FileType::Mp4 => "video/mp4",
            FileType::Mov => "video/quicktime",
            FileType::Wav => "audio/wav",
            FileType::Text => "text/plain; charset=utf-8",
            FileType::Svg => "image/svg+xml",
            FileType::Html => "text/html; charset=utf-8",
            FileType::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileType::Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileType::Odp => "application/vnd.oasis.opendocument.presentation",
            FileType::Zip => "application/zip",
        }
    }

    /// The extension a download gets when the name had none.
    pub fn extension(self) -> &'static str {
        self.aliases()[0]
    }

    /// The extensions a name may carry for this type; the first is the
    /// canonical one. MP4 and QuickTime accept each other's (phones write
    /// either brand under either name).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            FileType::Png => &["png"],
            FileType::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            FileType::Gif => &["gif"],
            FileType::Webp => &["webp"],
            FileType::Pdf => &["pdf"],
            FileType::Mp3 => &["mp3"],
            FileType::Mp4 => &["mp4", "m4v", "m4a", "mov"],
            FileType::Mov => &["mov", "qt", "mp4"],
            FileType::Wav => &["wav"],
            FileType::Text => &["txt", "text", "md", "markdown", "csv", "tsv"],
            FileType::Svg => &["svg"],
            FileType::Html => &["html", "htm"],
            FileType::Docx => &["docx"],
            FileType::Xlsx => &["xlsx"],
            FileType::Pptx => &["pptx"],
            FileType::Odt => &["odt"],
            FileType::Ods => &["ods"],
            FileType::Odp => &["odp"],
            FileType::Zip => &["zip"],
        }
    }

    /// Whether we make a thumbnail: PNG, JPEG, GIF and WebP.
    pub fn is_thumbnailed(self) -> bool {
        matches!(self, FileType::Png | FileType::Jpeg | FileType::Gif | FileType::Webp)
    }

    /// Inline or attachment (see [`Disposition`]).
    pub fn disposition(self) -> Disposition {
        match self {
            FileType::Png
            | FileType::Jpeg
            | FileType::Gif
            | FileType::Webp
            | FileType::Pdf
            | FileType::Mp3
            | FileType::Mp4
            | FileType::Mov
            | FileType::Wav
            | FileType::Text => Disposition::Inline,
            FileType::Svg
            | FileType::Html
            | FileType::Docx
            | FileType::Xlsx
            | FileType::Pptx
            | FileType::Odt
            | FileType::Ods
            | FileType::Odp
            | FileType::Zip => Disposition::Attachment,
        }
    }
}

/// Limits on an upload; [`Default`] gives the district defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLimits {
    pub max_file_bytes: u64,
    pub zip: ZipLimits,
}

impl Default for UploadLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            zip: ZipLimits::default(),
        }
    }
}

/// What a zip may declare in its central directory before it is refused as
/// a `zip_bomb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipLimits {
    /// Total uncompressed size (default 1 GiB).
    pub max_total_uncompressed: u64,
    /// Uncompressed ÷ compressed, for any entry and overall (default 100).
    /// Only judged from [`ZipLimits::ratio_floor`] bytes up: a small entry
    /// cannot be a bomb, and tiny files of blanks compress very well.
    pub max_ratio: u64,
    /// Entries that are at least this large (uncompressed) have their ratio
    /// judged (default 1 MiB).
    pub ratio_floor: u64,
    /// Entries, directories included (default 10,000).
    pub max_entries: usize,
    /// How deep archives may nest, as far as names tell (`a.zip` inside the
    /// upload is depth 1, `a.zip/b.zip` depth 2; default 1).
    pub max_nesting: usize,
}

impl Default for ZipLimits {
    fn default() -> Self {
        Self {
            max_total_uncompressed: 1024 * 1024 * 1024,
            max_ratio: 100,
            ratio_floor: 1024 * 1024,
            max_entries: 10_000,
            max_nesting: 1,
        }
    }
}

/// A file of `len` bytes is within `max`. Refusal `too_large`.
pub fn check_size(len: u64, max: u64) -> Result<(), ContentRefusal> {
    if len > max {
        Err(ContentRefusal::TooLarge)
    } else {
        Ok(())
    }
}

/// A student who stores `used` bytes may add `incoming` more within
/// `quota`. Refusal `over_quota`.
pub fn check_quota(used: u64, incoming: u64, quota: u64) -> Result<(), ContentRefusal> {
    if used.saturating_add(incoming) > quota {
        Err(ContentRefusal::OverQuota)
    } else {
        Ok(())
    }
}

/// The type from the first bytes (up to [`SNIFF_BYTES`]); `complete` says
/// whether `head` is the whole file (then a multi-byte character may not be
/// cut at the end). Any zip-based file answers [`FileType::Zip`]: pass the
/// file to [`inspect_zip`] to tell Office documents apart. SVG and HTML are
/// recognised by their opening markup; their active content is judged by
/// [`check_active_content`] over the whole text. Refusal `unknown_type`
/// (including an empty file).
pub fn sniff(head: &[u8], complete: bool) -> Result<FileType, ContentRefusal> {
    let b = head;
    let at = |i: usize, sig: &[u8]| b.get(i..i + sig.len()) == Some(sig);
    let t = if b.is_empty() {
        return Err(ContentRefusal::UnknownType);
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        FileType::Png
    } else if at(0, b"\xFF\xD8\xFF") {
        FileType::Jpeg
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        FileType::Gif
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        FileType::Webp
    } else if at(0, b"RIFF") && at(8, b"WAVE") {
        FileType::Wav
    } else if at(0, b"%PDF-") {
        FileType::Pdf
    } else if at(0, b"ID3") || is_mp3_frame(b) {
        FileType::Mp3
    } else if at(4, b"ftyp") {
        match b.get(8..12) {
            Some(b"qt  ") => FileType::Mov,
            Some(brand) if MP4_BRANDS.contains(&brand) => FileType::Mp4,
            _ => return Err(ContentRefusal::UnknownType),
        }
    } else if at(0, b"PK\x03\x04") || at(0, b"PK\x05\x06") {
        FileType::Zip
    } else if let Some(text) = utf8_text(b, complete) {
        markup_type(text)
    } else {
        return Err(ContentRefusal::UnknownType);
    };
    Ok(t)
}

/// ISO base media brands we take for MP4 video or audio.
const MP4_BRANDS: &[&[u8]] = &[
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"M4A ", b"M4VP",
    b"dash", b"3gp4", b"3gp5", b"3gp6", b"mmp4", b"MSNV", b"f4v ",
];

/// An MPEG audio layer III frame header without an ID3 tag: 11 sync bits,
/// a version that is not "reserved", layer III, a bitrate index that is
/// neither free nor bad, a sampling rate that is not reserved.
fn is_mp3_frame(b: &[u8]) -> bool {
    let [a, c, d, ..] = b else {
        return false;
    };
    *a == 0xFF
        && c & 0xE0 == 0xE0
        && (c >> 3) & 0b11 != 0b01
        && (c >> 1) & 0b11 == 0b01
        && d >> 4 != 0
        && d >> 4 != 0xF
        && (d >> 2) & 0b11 != 0b11
}

/// The bytes as UTF-8 text (a BOM dropped), if they are text: valid UTF-8
/// (a character cut at the end of an incomplete head is allowed) with no
/// control characters but tab, line feed, form feed and carriage return.
fn utf8_text(b: &[u8], complete: bool) -> Option<&str> {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let text = match std::str::from_utf8(b) {
        Ok(t) => t,
        Err(e) if !complete && e.error_len().is_none() => std::str::from_utf8(&b[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0C'))
        .then_some(text)
}

/// SVG when the text opens with `<svg` (after an XML declaration, a
/// doctype and comments); HTML when it opens with `<!doctype html`,
/// `<html`, `<head` or `<body`; otherwise plain text (a Markdown file that
/// starts with `<p>` stays text).
fn markup_type(text: &str) -> FileType {
    let lower = text.get(..text.len().min(2048)).unwrap_or(text).to_ascii_lowercase();
    let mut rest = lower.trim_start();
    loop {
        let skip = if rest.starts_with("<?xml") {
            rest.find("?>").map(|i| i + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<!doctype svg") {
            rest.find('>').map(|i| i + 1)
        } else {
            None
        };
        match skip {
            Some(i) => rest = rest[i..].trim_start(),
            None => break,
        }
    }
    let opens = |tag: &str| {
        rest.strip_prefix(tag)
            .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/'))
    };
    if opens("<svg") {
        FileType::Svg
    } else if opens("<!doctype") && rest["<!doctype".len()..].trim_start().starts_with("html")
        || opens("<html")
        || opens("<head")
        || opens("<body")
    {
        FileType::Html
    } else {
        FileType::Text
    }
}

/// Everything about an uploaded file, in order: its size (`too_large`),
/// its type from the first bytes (`unknown_type`), a zip's central
/// directory (`zip_bomb`, `active_content`, see [`inspect_zip`]), and for
/// text, SVG and HTML the whole file (valid UTF-8, else `unknown_type`;
/// SVG and HTML without active content, see [`check_active_content`]).
/// The outer `Err` is a read failure of `reader`.
pub fn detect<R: Read + Seek>(mut reader: R, limits: &UploadLimits) -> io::Result<Result<FileType, ContentRefusal>> {
    let len = reader.seek(SeekFrom::End(0))?;
    if let Err(e) = check_size(len, limits.max_file_bytes) {
        return Ok(Err(e));
    }
    reader.seek(SeekFrom::Start(0))?;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut reader).take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    let kind = match sniff(&head, len as usize <= head.len()) {
        Ok(k) => k,
        Err(e) => return Ok(Err(e)),
    };
    Ok(match kind {
        FileType::Zip => {
            reader.seek(SeekFrom::Start(0))?;
            inspect_zip(reader, &limits.zip)
        }
        FileType::Text | FileType::Svg | FileType::Html => {
            reader.seek(SeekFrom::Start(0))?;
            let mut all = Vec::new();
            reader.take(limits.max_file_bytes).read_to_end(&mut all)?;
            if utf8_text(&all, true).is_none() {
                Err(ContentRefusal::UnknownType)
            } else if kind == FileType::Text {
                Ok(kind)
            } else {
                check_active_content(&all).map(|()| kind)
            }
        }
        other => Ok(other),
    })
}

/// Whether a file's name agrees with its detected type, and the extension
/// to download it with. The name's extension (after the last `.`, 1–5
/// letters or digits, any case) must be one of the type's
/// [`FileType::aliases`]; that extension is kept (`.jpeg` stays `.jpeg`).
/// A name with no extension takes the type's own. Refusal `type_mismatch`.
pub fn check_name(name: &str, detected: FileType) -> Result<&'static str, ContentRefusal> {
    let base = name.trim().rsplit(['/', '\\']).next().unwrap_or_default();
    let claim = base
        .rsplit_once('.')
        .filter(|(stem, ext)| {
            !stem.is_empty() && (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        })
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match claim {
        None => Ok(detected.extension()),
        Some(ext) => detected
            .aliases()
            .iter()
            .find(|a| **a == ext)
            .copied()
            .ok_or(ContentRefusal::TypeMismatch),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::archive::tests::ooxml;
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0";
    const WEBP: &[u8] = b"RIFF\x24\0\0\0WEBPVP8 ";
    const WAV: &[u8] = b"RIFF\x24\0\0\0WAVEfmt ";
    const MP4: &[u8] = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2";
    const MOV: &[u8] = b"\0\0\0\x14ftypqt  \0\0\0\0qt  ";

    #[test]
    fn types_are_told_from_their_first_bytes() {
        let cases: &[(&[u8], Result<FileType, ContentRefusal>)] = &[
            (PNG, Ok(FileType::Png)),
            (JPEG, Ok(FileType::Jpeg)),
            (b"GIF87a\x01\0\x01\0", Ok(FileType::Gif)),
            (b"GIF89a\x01\0\x01\0", Ok(FileType::Gif)),
            (WEBP, Ok(FileType::Webp)),
            (WAV, Ok(FileType::Wav)),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", Ok(FileType::Pdf)),
            (b"ID3\x04\0\0\0\0\0\x23", Ok(FileType::Mp3)),
            (b"\xFF\xFB\x90\x64\0\0", Ok(FileType::Mp3)),
            (b"\xFF\xF3\x44\xC4\0\0", Ok(FileType::Mp3)),
            (MP4, Ok(FileType::Mp4)),
            (b"\0\0\0\x20ftypmp42\0\0\0\0mp42isom", Ok(FileType::Mp4)),
            (b"\0\0\0\x20ftypM4A \0\0\0\0M4A mp42", Ok(FileType::Mp4)),
            (MOV, Ok(FileType::Mov)),
            (b"PK\x03\x04\x14\0\0\0\x08\0", Ok(FileType::Zip)),
            (b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", Ok(FileType::Zip)),
            (b"Dear diary,\nToday I built a bridge.\n", Ok(FileType::Text)),
            (b"name,hours\r\nAna,3.5\r\n", Ok(FileType::Text)),
            ("# Mi ensayo\n\n*Reflexión*: ¡aprendí!\n".as_bytes(), Ok(FileType::Text)),
            (b"\xEF\xBB\xBFBOM first\n", Ok(FileType::Text)),
            (
                b"<p align=\"center\"><img src=\"logo.png\"></p>\n# Readme",
                Ok(FileType::Text),
            ),
            (
                b"<?xml version=\"1.0\"?>\n<!-- Inkscape -->\n<svg xmlns=\"http://www.w3.org/2000/svg\">",
                Ok(FileType::Svg),
            ),
            (b"  <SVG width=\"10\">", Ok(FileType::Svg)),
            (b"<!DOCTYPE html>\n<html lang=\"en\">", Ok(FileType::Html)),
            (b"<html><body>hi</body></html>", Ok(FileType::Html)),
            (b"", Err(ContentRefusal::UnknownType)),
            (b"\x7fELF\x02\x01\x01\0", Err(ContentRefusal::UnknownType)),
            (b"MZ\x90\0\x03\0\0\0", Err(ContentRefusal::UnknownType)),
            (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", Err(ContentRefusal::UnknownType)),
            (b"text with a \0 NUL", Err(ContentRefusal::UnknownType)),
            (b"\xFF\xFE\x68\0\x69\0", Err(ContentRefusal::UnknownType)),
            (b"Rar!\x1a\x07\x01\0", Err(ContentRefusal::UnknownType)),
        ];
        for (bytes, want) in cases {
            assert_eq!(sniff(bytes, true), *want, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn a_character_cut_by_the_sniff_window_is_still_text() {
        let cut = &"añ".as_bytes()[..2];
        assert_eq!(sniff(cut, false), Ok(FileType::Text));
        assert_eq!(sniff(cut, true), Err(ContentRefusal::UnknownType));
    }

    #[test]
    fn images_are_thumbnailed_and_markup_is_never_inline() {
        for t in FileType::ALL {
            let thumb = matches!(t, FileType::Png | FileType::Jpeg | FileType::Gif | FileType::Webp);
            assert_eq!(t.is_thumbnailed(), thumb, "{t:?}");
            assert!(!t.mime().is_empty() && t.aliases().contains(&t.extension()));
        }
        assert_eq!(FileType::Jpeg.extension(), "jpg");
        assert_eq!(FileType::Png.disposition(), Disposition::Inline);
        assert_eq!(FileType::Pdf.disposition(), Disposition::Inline);
        assert_eq!(FileType::Text.disposition(), Disposition::Inline);
        for t in [FileType::Svg, FileType::Html, FileType::Docx, FileType::Zip] {
            assert_eq!(t.disposition(), Disposition::Attachment, "{t:?}");
        }
        assert_eq!(FileType::parse("docx"), Ok(FileType::Docx));
    }

    #[test]
    fn the_name_must_agree_with_the_content() {
        for (name, detected, want) in [
            ("photo.jpg", FileType::Jpeg, Ok("jpg")),
            ("PHOTO.JPEG", FileType::Jpeg, Ok("jpeg")),
            ("notes.md", FileType::Text, Ok("md")),
            ("hours.csv", FileType::Text, Ok("csv")),
            ("essay.txt", FileType::Text, Ok("txt")),
            ("clip.mov", FileType::Mp4, Ok("mov")),
            ("C:\\Users\\ana\\report.pdf", FileType::Pdf, Ok("pdf")),
            ("README", FileType::Text, Ok("txt")),
            ("scan", FileType::Png, Ok("png")),
            (".hidden", FileType::Text, Ok("txt")),
            ("Lab report v2.final draft", FileType::Docx, Ok("docx")),
            ("photo.png", FileType::Jpeg, Err(ContentRefusal::TypeMismatch)),
            ("essay.pdf", FileType::Text, Err(ContentRefusal::TypeMismatch)),
            ("page.html", FileType::Text, Err(ContentRefusal::TypeMismatch)),
            ("drawing.svg", FileType::Html, Err(ContentRefusal::TypeMismatch)),
            ("setup.exe", FileType::Zip, Err(ContentRefusal::TypeMismatch)),
            ("report.docx", FileType::Zip, Err(ContentRefusal::TypeMismatch)),
            ("essay.final", FileType::Pdf, Err(ContentRefusal::TypeMismatch)),
        ] {
            assert_eq!(check_name(name, detected), want, "{name}");
        }
        assert_eq!(ContentRefusal::TypeMismatch.code(), "type_mismatch");
    }

    #[test]
    fn size_and_quota_limits() {
        let max = DEFAULT_MAX_FILE_BYTES;
        assert_eq!(max, 52_428_800);
        assert_eq!(check_size(max, max), Ok(()));
        assert_eq!(check_size(max + 1, max), Err(ContentRefusal::TooLarge));
        let q = DEFAULT_QUOTA_BYTES;
        assert_eq!(check_quota(q - 10, 10, q), Ok(()));
        assert_eq!(check_quota(q - 10, 11, q), Err(ContentRefusal::OverQuota));
        assert_eq!(check_quota(u64::MAX, 1, q), Err(ContentRefusal::OverQuota));
        assert_eq!(ContentRefusal::OverQuota.code(), "over_quota");
        assert_eq!(ContentRefusal::TooLarge.code(), "too_large");
    }

    #[test]
    fn detect_runs_every_check_in_order() {
        let limits = UploadLimits::default();
        let run = |bytes: Vec<u8>, limits: &UploadLimits| detect(Cursor::new(bytes), limits).unwrap();
        assert_eq!(run(PNG.to_vec(), &limits), Ok(FileType::Png));
        assert_eq!(run(ooxml("word/document.xml"), &limits), Ok(FileType::Docx));
        assert_eq!(run(b"<svg><rect/></svg>".to_vec(), &limits), Ok(FileType::Svg));
        let mut late_script = b"<svg>".to_vec();
        late_script.extend(vec![b' '; 20_000]);
        late_script.extend(b"<script>alert(1)</script></svg>");
        assert_eq!(run(late_script, &limits), Err(ContentRefusal::ActiveContent));
        let mut late_binary = vec![b'a'; 10_000];
        late_binary.push(0);
        assert_eq!(run(late_binary, &limits), Err(ContentRefusal::UnknownType));
        let mut long_text = "ñ".repeat(5_000).into_bytes();
        long_text.extend(b"\nend\n");
        assert_eq!(run(long_text, &limits), Ok(FileType::Text));
        let tiny = UploadLimits {
            max_file_bytes: 10,
            ..limits
        };
        assert_eq!(run(PNG.to_vec(), &tiny), Err(ContentRefusal::TooLarge));
        assert_eq!(run(Vec::new(), &limits), Err(ContentRefusal::UnknownType));
    }
}
