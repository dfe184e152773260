//! A small HTML scanner: the URLs a page refers to, the ids it has, and its
//! images without alt text.
//!
//! Steps over the text: skip comments, doctypes and end tags; read each start
//! tag's attributes (quoted or not, entities decoded); skip the contents of
//! `script`, `style`, `textarea` and `title`. URLs come from `href`, `src`,
//! `srcset`, `poster`, the `content` of Open Graph and Twitter image and URL
//! meta tags, and the URL of a meta refresh. It is made for the HTML that
//! showcase writes, plus raw HTML an author passed through; it never fails.

use std::collections::HashSet;

/// What a page holds that `check` looks at.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    /// `id` attributes and `<a name>`: what `#fragment` links can target.
    pub ids: HashSet<String>,
    /// Every URL the page refers to, in order.
    pub refs: Vec<Ref>,
    /// The `src` of each `<img>` that has no `alt` attribute at all.
    pub images_without_alt: Vec<String>,
}

/// A URL in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub url: String,
    /// Whether it is an image the page shows (`<img src>`, `srcset`, an Open Graph image).
    pub image: bool,
}

/// Scans a page.
pub fn scan(html: &str) -> Scan {
    let mut out = Scan::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        i += offset;
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = rest.find('>').map_or(html.len(), |e| i + e + 1);
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if name_len == 0 {
            i += 1;
            continue;
        }
        let name = rest[1..1 + name_len].to_ascii_lowercase();
        let (attributes, end) = attributes(&rest[1 + name_len..]);
        i += 1 + name_len + end;
        element(&name, &attributes, &mut out);
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            i = find_ignore_case(&html[i..], &close).map_or(html.len(), |e| i + e);
        }
    }
    out
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Reads attributes up to the end of the tag; returns them (names lower-cased,
/// values decoded) and the length read, `>` included.
fn attributes(text: &str) -> (Vec<(String, String)>, usize) {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (out, i);
        }
        if bytes[i] == b'>' {
            return (out, i + 1);
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = text[start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e);
                    let value = &text[i + 1..end];
                    i = (end + 1).min(bytes.len());
                    value
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    &text[start..i]
                }
            };
            out.push((name, decode_entities(value)));
        } else if !name.is_empty() {
            out.push((name, String::new()));
        }
    }
}

/// Records what one element holds.
fn element(name: &str, attributes: &[(String, String)], out: &mut Scan) {
    let get = |key: &str| attributes.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    if let Some(id) = get("id") {
        out.ids.insert(id.to_string());
    }
    if name == "a"
        && let Some(anchor) = get("name")
    {
        out.ids.insert(anchor.to_string());
    }
    let mut push = |url: &str, image: bool| {
        let url = url.trim();
        if !url.is_empty() {
            out.refs.push(Ref {
                url: url.to_string(),
                image,
            });
        }
    };
    match name {
        "a" | "area" | "link" => {
            if let Some(href) = get("href") {
                push(href, false);
            }
        }
        "meta" => {
            let property = get("property").or_else(|| get("name")).unwrap_or("");
            let content = get("content").unwrap_or("");
            match property {
                "og:url" => push(content, false),
                "og:image" | "og:image:url" | "og:image:secure_url" | "twitter:image" => push(content, true),
                _ => {}
            }
            if get("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
                && let Some(at) = content.to_ascii_lowercase().find("url=")
            {
                push(content[at + 4..].trim_matches(['\'', '"', ' ']), false);
            }
        }
        _ => {}
    }
    let is_image = matches!(name, "img" | "source" | "picture");
    if name != "a"
        && name != "area"
        && name != "link"
        && let Some(src) = get("src")
    {
        push(src, is_image || name == "input");
    }
    if let Some(srcset) = get("srcset") {
        for candidate in srcset.split(',') {
            if let Some(url) = candidate.split_whitespace().next() {
                push(url, true);
            }
        }
    }
    if let Some(poster) = get("poster") {
        push(poster, true);
    }
    if name == "img" && get("alt").is_none() {
        out.images_without_alt.push(get("src").unwrap_or("").to_string());
    }
}

/// Decodes the character references an attribute value may hold.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let decoded = end.filter(|&e| rest[e..].starts_with(';')).and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => entity.strip_prefix('#').and_then(|n| {
                    match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    }
                    .and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(scan: &Scan) -> Vec<&str> {
        scan.refs.iter().map(|r| r.url.as_str()).collect()
    }

    #[test]
    fn finds_links_ids_and_images() {
        let html = r##"<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/style.css"><meta property="og:image" content="https://x.example/a.png">
<meta http-equiv="refresh" content="0; url=/new/">
<script>var s = "<a href='/not-a-link/'>";</script><!-- <a href="/commented/"> -->
</head><body><h2 id="ji-ben">x</h2><a name=old href=/a/?x=1&amp;y=2#f>a</a>
<IMG SRC='p.png' ALT=''><img src="q.png" srcset="q2.png 2x, q3.png 3x"><video poster="v.jpg" src="v.mp4"></video>
</body></html>"##;
        let scan = scan(html);
        assert_eq!(
            urls(&scan),
            vec![
                "/style.css",
                "https://x.example/a.png",
                "/new/",
                "/a/?x=1&y=2#f",
                "p.png",
                "q.png",
                "q2.png",
                "q3.png",
                "v.mp4",
                "v.jpg"
            ]
        );
        assert!(scan.ids.contains("ji-ben") && scan.ids.contains("old"));
        assert_eq!(scan.images_without_alt, vec!["q.png"]);
        assert!(scan.refs.iter().find(|r| r.url == "p.png").unwrap().image);
        assert!(!scan.refs.iter().find(|r| r.url == "/a/?x=1&y=2#f").unwrap().image);
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(decode_entities("a&amp;b&#39;c&#x4e2d;&unknown;&"), "a&b'c中&unknown;&");
    }

    #[test]
    fn survives_broken_html() {
        for html in [
            "<",
            "<a href=\"",
            "<a href='x",
            "<!--",
            "<script>",
            "<a\u{4e2d}>",
            "<img src=x",
        ] {
            let _ = scan(html);
        }
    }
}
