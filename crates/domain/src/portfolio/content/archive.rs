//! Zip-based files, judged from the central directory: Office and
//! OpenDocument types, macros, and zip bombs.

use std::io::{Read, Seek};

use super::{ContentRefusal, FileType, ZipLimits};

/// Looks into a zip through its central directory, without decompressing
/// anything but an OpenDocument's tiny `mimetype` entry: DOCX, XLSX and PPTX
/// by their main part (`word/document.xml`, `xl/workbook.xml`,
/// `ppt/presentation.xml` beside `[Content_Types].xml`), ODT, ODS and ODP by
/// `mimetype`, any other zip as [`FileType::Zip`]. Refusals: `zip_bomb`
/// (see [`ZipLimits`]), `active_content` (an Office file with a VBA macro
/// project, `vbaProject.bin`), `unknown_type` (not a readable zip).
///
/// The sizes are those the archive declares; whoever later decompresses an
/// entry must stop at the declared size.
pub fn inspect_zip<R: Read + Seek>(reader: R, limits: &ZipLimits) -> Result<FileType, ContentRefusal> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| ContentRefusal::UnknownType)?;
    if archive.len() > limits.max_entries {
        return Err(ContentRefusal::ZipBomb);
    }
    let (mut total, mut total_compressed) = (0u128, 0u128);
    let (mut content_types, mut macros) = (false, false);
    let mut main_part = None;
    let mut has_mimetype = false;
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|_| ContentRefusal::UnknownType)?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let (size, compressed) = (u128::from(entry.size()), u128::from(entry.compressed_size()));
        total += size;
        total_compressed += compressed;
        if size >= u128::from(limits.ratio_floor) && size > compressed * u128::from(limits.max_ratio) {
            return Err(ContentRefusal::ZipBomb);
        }
        if archive_depth(&name) > limits.max_nesting {
            return Err(ContentRefusal::ZipBomb);
        }
        match name.as_str() {
            "[Content_Types].xml" => content_types = true,
            "word/document.xml" => main_part = Some(FileType::Docx),
            "xl/workbook.xml" => main_part = Some(FileType::Xlsx),
            "ppt/presentation.xml" => main_part = Some(FileType::Pptx),
            "mimetype" => has_mimetype = true,
            n if n
                .rsplit('/')
                .next()
                .is_some_and(|f| f.eq_ignore_ascii_case("vbaProject.bin")) =>
            {
                macros = true
            }
            _ => {}
        }
    }
    if total > u128::from(limits.max_total_uncompressed)
        || (total >= u128::from(limits.ratio_floor) && total > total_compressed * u128::from(limits.max_ratio))
    {
        return Err(ContentRefusal::ZipBomb);
    }
    let office = match (content_types, main_part) {
        (true, Some(t)) => Some(t),
        _ if has_mimetype => opendocument_type(&mut archive),
        _ => None,
    };
    match office {
        Some(_) if macros => Err(ContentRefusal::ActiveContent),
        Some(t) => Ok(t),
        None => Ok(FileType::Zip),
    }
}

/// An OpenDocument's type from its `mimetype` entry (at most 100 bytes
/// read).
fn opendocument_type<R: Read + Seek>(archive: &mut zip::ZipArchive<R>) -> Option<FileType> {
    let mut mime = Vec::new();
    archive
        .by_name("mimetype")
        .ok()?
        .take(100)
        .read_to_end(&mut mime)
        .ok()?;
    match mime.trim_ascii() {
        b"application/vnd.oasis.opendocument.text" => Some(FileType::Odt),
        b"application/vnd.oasis.opendocument.spreadsheet" => Some(FileType::Ods),
        b"application/vnd.oasis.opendocument.presentation" => Some(FileType::Odp),
        _ => None,
    }
}

/// How many archives deep an entry's path is: `a.zip` 1, `a.zip/b.zip` 2,
/// `docs/report.pdf` 0.
fn archive_depth(path: &str) -> usize {
    const ARCHIVES: &[&str] = &[
        ".zip", ".jar", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".zst", ".cab", ".iso",
    ];
    path.split(['/', '\\'])
        .filter(|part| {
            let part = part.to_ascii_lowercase();
            ARCHIVES.iter().any(|ext| part.ends_with(ext) && part.len() > ext.len())
        })
        .count()
}

#[cfg(test)]
pub(super) mod tests {
    use std::io::{Cursor, Write};

    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    use super::*;

    const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0";

    pub(in crate::portfolio::content) fn zip_of(entries: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data, method) in entries {
            w.start_file(*name, SimpleFileOptions::default().compression_method(*method))
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const STORED: CompressionMethod = CompressionMethod::Stored;
    const DEFLATED: CompressionMethod = CompressionMethod::Deflated;

    pub(in crate::portfolio::content) fn ooxml(main: &str) -> Vec<u8> {
        zip_of(&[
            ("[Content_Types].xml", b"<Types/>", DEFLATED),
            ("_rels/.rels", b"<Relationships/>", DEFLATED),
            (main, b"<document/>", DEFLATED),
        ])
    }

    fn odf(mime: &str) -> Vec<u8> {
        zip_of(&[
            ("mimetype", mime.as_bytes(), STORED),
            ("content.xml", b"<office:document-content/>", DEFLATED),
        ])
    }

    #[test]
    fn office_and_opendocument_files_are_told_apart_inside_the_zip() {
        let limits = ZipLimits::default();
        let cases = [
            (ooxml("word/document.xml"), Ok(FileType::Docx)),
            (ooxml("xl/workbook.xml"), Ok(FileType::Xlsx)),
            (ooxml("ppt/presentation.xml"), Ok(FileType::Pptx)),
            (odf("application/vnd.oasis.opendocument.text"), Ok(FileType::Odt)),
            (odf("application/vnd.oasis.opendocument.spreadsheet"), Ok(FileType::Ods)),
            (
                odf("application/vnd.oasis.opendocument.presentation"),
                Ok(FileType::Odp),
            ),
            (odf("application/epub+zip"), Ok(FileType::Zip)),
            (
                zip_of(&[("photos/a.jpg", JPEG, STORED), ("notes.txt", b"hi", DEFLATED)]),
                Ok(FileType::Zip),
            ),
            (zip_of(&[("word/document.xml", b"<d/>", DEFLATED)]), Ok(FileType::Zip)),
            (
                zip_of(&[
                    ("[Content_Types].xml", b"<Types/>", DEFLATED),
                    ("word/document.xml", b"<d/>", DEFLATED),
                    ("word/vbaProject.bin", b"\xD0\xCF\x11\xE0", DEFLATED),
                ]),
                Err(ContentRefusal::ActiveContent),
            ),
            (zip_of(&[]), Ok(FileType::Zip)),
            (
                b"PK\x03\x04 not really a zip".to_vec(),
                Err(ContentRefusal::UnknownType),
            ),
        ];
        for (i, (bytes, want)) in cases.into_iter().enumerate() {
            assert_eq!(inspect_zip(Cursor::new(bytes), &limits), want, "case {i}");
        }
    }

    #[test]
    fn a_high_ratio_entry_is_a_zip_bomb_without_being_expanded() {
        let limits = ZipLimits::default();
        let zeros = vec![0u8; 2 * 1024 * 1024];
        let bomb = zip_of(&[("zeros.bin", &zeros, DEFLATED)]);
        assert!(bomb.len() < 20 * 1024, "deflate packs 2 MiB of zeros small");
        assert_eq!(inspect_zip(Cursor::new(bomb), &limits), Err(ContentRefusal::ZipBomb));
        // The same bytes stored are ratio 1, and a small compressible entry
        // is under the floor.
        let stored = zip_of(&[("zeros.bin", &zeros, STORED)]);
        assert_eq!(inspect_zip(Cursor::new(stored), &limits), Ok(FileType::Zip));
        let small = zip_of(&[("blank.txt", &zeros[..64 * 1024], DEFLATED)]);
        assert_eq!(inspect_zip(Cursor::new(small), &limits), Ok(FileType::Zip));
    }

    /// A one-entry stored zip, written by hand, whose central directory
    /// declares `size` uncompressed bytes for a 4-byte entry.
    fn lying_zip(size: u32) -> Vec<u8> {
        let name = b"big.bin";
        let data = b"tiny";
        let mut z = Vec::new();
        let le16 = |v: u16| v.to_le_bytes();
        let le32 = |v: u32| v.to_le_bytes();
        // Local file header.
        z.extend(le32(0x0403_4b50));
        z.extend(le16(20));
        z.extend(le16(0));
        z.extend(le16(0)); // stored
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le32(0)); // crc
        z.extend(le32(data.len() as u32));
        z.extend(le32(size));
        z.extend(le16(name.len() as u16));
        z.extend(le16(0));
        z.extend(name);
        z.extend(data);
        let cd_start = z.len() as u32;
        // Central directory header.
        z.extend(le32(0x0201_4b50));
        z.extend(le16(20));
        z.extend(le16(20));
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le32(0));
        z.extend(le32(data.len() as u32));
        z.extend(le32(size));
        z.extend(le16(name.len() as u16));
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le32(0));
        z.extend(le32(0)); // local header offset
        z.extend(name);
        let cd_len = z.len() as u32 - cd_start;
        // End of central directory.
        z.extend(le32(0x0605_4b50));
        z.extend(le16(0));
        z.extend(le16(0));
        z.extend(le16(1));
        z.extend(le16(1));
        z.extend(le32(cd_len));
        z.extend(le32(cd_start));
        z.extend(le16(0));
        z
    }

    #[test]
    fn a_crafted_central_directory_declaring_gigabytes_is_refused() {
        let limits = ZipLimits::default();
        assert_eq!(inspect_zip(Cursor::new(lying_zip(4)), &limits), Ok(FileType::Zip));
        assert_eq!(
            inspect_zip(Cursor::new(lying_zip(3 * 1024 * 1024 * 1024)), &limits),
            Err(ContentRefusal::ZipBomb)
        );
        // 500 bytes declared for 4 stored: ratio 125 but under the floor…
        assert_eq!(inspect_zip(Cursor::new(lying_zip(500)), &limits), Ok(FileType::Zip));
        // …and over it once the floor is lowered.
        let strict = ZipLimits {
            ratio_floor: 0,
            ..limits
        };
        assert_eq!(
            inspect_zip(Cursor::new(lying_zip(500)), &strict),
            Err(ContentRefusal::ZipBomb)
        );
    }

    #[test]
    fn too_many_entries_too_much_in_total_or_nested_archives_are_bombs() {
        let limits = ZipLimits::default();
        let names: Vec<String> = (0..10_001).map(|i| format!("f{i}")).collect();
        let entries: Vec<(&str, &[u8], CompressionMethod)> =
            names.iter().map(|n| (n.as_str(), &b""[..], STORED)).collect();
        assert_eq!(
            inspect_zip(Cursor::new(zip_of(&entries)), &limits),
            Err(ContentRefusal::ZipBomb)
        );
        assert_eq!(
            inspect_zip(Cursor::new(zip_of(&entries[..10_000])), &limits),
            Ok(FileType::Zip)
        );

        let small_total = ZipLimits {
            max_total_uncompressed: 1000,
            ..limits
        };
        let data = vec![7u8; 600];
        let two = zip_of(&[("a", &data, STORED), ("b", &data, STORED)]);
        assert_eq!(
            inspect_zip(Cursor::new(two), &small_total),
            Err(ContentRefusal::ZipBomb)
        );

        let one_level = zip_of(&[("inner.zip", b"PK\x05\x06", STORED), ("docs/a.tar.gz", b"x", STORED)]);
        assert_eq!(inspect_zip(Cursor::new(one_level), &limits), Ok(FileType::Zip));
        let two_levels = zip_of(&[("inner.zip/deeper.zip", b"PK\x05\x06", STORED)]);
        assert_eq!(
            inspect_zip(Cursor::new(two_levels), &limits),
            Err(ContentRefusal::ZipBomb)
        );
        assert_eq!(ContentRefusal::ZipBomb.code(), "zip_bomb");
    }
}
