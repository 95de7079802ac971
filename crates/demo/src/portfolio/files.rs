//! Two small real files for the showcase student's portfolio, made in
//! code so the demo needs no binary fixtures: a drawing of an animal cell
//! as a PNG (palette colours, stored uncompressed in zlib's "stored"
//! blocks) and a one-page lab report as a PDF (Helvetica, no fonts
//! embedded). Both are what the app's content checks detect them as.

/// A 320 × 240 drawing of an animal cell: membrane, cytoplasm, nucleus
/// with its nucleolus, mitochondria and a few vesicles.
pub(super) fn cell_drawing_png() -> Vec<u8> {
    const W: u32 = 320;
    const H: u32 = 240;
    const PALETTE: [[u8; 3]; 8] = [
        [255, 255, 255], // paper
        [252, 222, 214], // cytoplasm
        [120, 60, 70],   // outlines
        [170, 140, 210], // nucleus
        [90, 60, 150],   // nucleolus
        [245, 160, 80],  // mitochondria
        [150, 200, 235], // vesicles
        [200, 120, 130], // endoplasmic reticulum
    ];
    // (x, y, radius x, radius y) of the mitochondria and vesicles.
    const MITO: [(f64, f64, f64, f64); 4] = [
        (85.0, 80.0, 20.0, 8.0),
        (230.0, 165.0, 22.0, 9.0),
        (240.0, 75.0, 18.0, 8.0),
        (95.0, 170.0, 19.0, 8.0),
    ];
    const VESICLES: [(f64, f64, f64); 5] = [
        (200.0, 120.0, 7.0),
        (125.0, 60.0, 5.0),
        (265.0, 125.0, 6.0),
        (60.0, 125.0, 6.0),
        (180.0, 190.0, 5.0),
    ];
    let ellipse = |x: f64, y: f64, cx: f64, cy: f64, rx: f64, ry: f64| {
        let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
        dx * dx + dy * dy
    };
    let mut pixels = Vec::with_capacity((W * H) as usize);
    for py in 0..H {
        for px in 0..W {
            let (x, y) = (f64::from(px) + 0.5, f64::from(py) + 0.5);
            let cell = ellipse(x, y, 160.0, 120.0, 145.0, 105.0);
            let mut c = if cell <= 0.95 {
                1
            } else if cell <= 1.0 {
                2
            } else {
                0
            };
            if c == 1 {
                // Endoplasmic reticulum: wavy bands around the nucleus.
                let nucleus_d = ellipse(x, y, 150.0, 118.0, 40.0, 40.0).sqrt();
                if (1.35..1.45).contains(&nucleus_d) || (1.7..1.8).contains(&nucleus_d) {
                    c = 7;
                }
                for &(mx, my, rx, ry) in &MITO {
                    let d = ellipse(x, y, mx, my, rx, ry);
                    if d <= 0.75 {
                        c = 5;
                    } else if d <= 1.0 {
                        c = 2;
                    }
                }
                for &(vx, vy, r) in &VESICLES {
                    if ellipse(x, y, vx, vy, r, r) <= 1.0 {
                        c = 6;
                    }
                }
                let n = ellipse(x, y, 150.0, 118.0, 40.0, 40.0);
                if n <= 0.88 {
                    c = 3;
                } else if n <= 1.0 {
                    c = 2;
                }
                if ellipse(x, y, 158.0, 112.0, 12.0, 12.0) <= 1.0 {
                    c = 4;
                }
            }
            pixels.push(c);
        }
    }
    png(W, H, &PALETTE, &pixels)
}

/// A PNG of 8-bit palette indices.
fn png(width: u32, height: u32, palette: &[[u8; 3]], pixels: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(pixels.len() + height as usize);
    for row in pixels.chunks(width as usize) {
        raw.push(0); // filter: none
        raw.extend_from_slice(row);
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    // Bit depth 8, colour type 3 (palette), deflate, no filter, no interlace.
    ihdr.extend_from_slice(&[8, 3, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    let plte: Vec<u8> = palette.iter().flatten().copied().collect();
    chunk(&mut out, b"PLTE", &plte);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A one-page PDF: a bold title and lines of text (ASCII; each line short
/// enough for the page).
pub(super) fn text_pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    let escape = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii)
            .flat_map(|c| match c {
                '(' | ')' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect()
    };
    let mut content = format!(
        "BT\n/F2 16 Tf\n72 720 Td\n({}) Tj\n/F1 11 Tf\n0 -28 Td\n",
        escape(title)
    );
    for line in lines {
        content.push_str(&format!("({}) Tj\n0 -15 Td\n", escape(line)));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        table.push_str(&format!("{o:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssp_domain::portfolio::content::{detect, FileType, UploadLimits};

    #[test]
    fn the_drawing_is_a_png_that_decodes() {
        let bytes = cell_drawing_png();
        let t = detect(std::io::Cursor::new(&bytes), &UploadLimits::default()).unwrap();
        assert_eq!(t, Ok(FileType::Png));
        let img = image::load_from_memory(&bytes).expect("decodes").to_rgb8();
        assert_eq!(img.dimensions(), (320, 240));
        // Paper in the corner, nucleus purple in the middle.
        assert_eq!(img.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(img.get_pixel(140, 125).0, [170, 140, 210]);
    }

    #[test]
    fn the_report_is_a_pdf_with_a_correct_cross_reference() {
        let bytes = text_pdf("Lab (report)", &["Line one", "Line two \\ done"]);
        let t = detect(std::io::Cursor::new(&bytes), &UploadLimits::default()).unwrap();
        assert_eq!(t, Ok(FileType::Pdf));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("(Lab \\(report\\)) Tj"));
        // Every offset in the table points at its object.
        let xref_at: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(bytes[xref_at..].starts_with(b"xref"));
        let table = std::str::from_utf8(&bytes[xref_at..]).unwrap();
        for (i, line) in table.lines().skip(3).take(6).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            let want = format!("{} 0 obj", i + 1);
            assert!(bytes[offset..].starts_with(want.as_bytes()), "object {}", i + 1);
            assert_eq!(line.len() + 1, 20, "an entry is 20 bytes");
        }
    }
}
