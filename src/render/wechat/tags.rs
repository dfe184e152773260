//! The HTML of an article: the rendered body read as tokens, turned into the
//! few tags the 公众号 editor keeps ([`transform`]), and, after the stylesheet is
//! inlined, stripped of every tag and attribute it would drop ([`sanitize`]).

use std::collections::HashMap;

use crate::config::Config;

/// The tags an article keeps (WeChat's editor keeps these with their inline styles).
const ALLOWED_TAGS: &[&str] = &[
    "section",
    "p",
    "span",
    "strong",
    "em",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "img",
    "pre",
    "code",
    "br",
    "hr",
    "sup",
];
/// The attributes an article keeps.
const ALLOWED_ATTRIBUTES: &[&str] = &["style", "src", "alt", "colspan", "rowspan", "start"];
/// Tags dropped with everything inside them.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "form", "object", "embed", "svg", "math", "noscript", "template", "button", "select",
    "textarea", "video", "audio", "canvas", "head", "title", "map",
];
/// Tags without an end tag.
const VOID: &[&str] = &[
    "img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "param", "track",
];

/// One piece of HTML: text (as written), a start tag, an end tag, or something skipped.
enum Token<'h> {
    Text(&'h str),
    Start { name: String, attrs: Vec<(String, String)> },
    End(String),
    Skip,
}

/// Splits HTML into tokens. Tolerant: what it cannot read as a tag is text.
struct Tokens<'h> {
    html: &'h str,
    at: usize,
}

impl<'h> Tokens<'h> {
    fn new(html: &'h str) -> Self {
        Tokens { html, at: 0 }
    }

    /// Skips to after the end tag of `name` (for content that is dropped).
    fn skip_past_end(&mut self, name: &str) {
        let bytes = self.html.as_bytes();
        let mut from = self.at;
        while let Some(i) = self.html[from..].find("</") {
            let start = from + i + 2;
            let candidate = bytes.get(start..start + name.len());
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
                self.at = self.html[start..].find('>').map_or(self.html.len(), |j| start + j + 1);
                return;
            }
            from = start;
        }
        self.at = self.html.len();
    }
}

impl<'h> Iterator for Tokens<'h> {
    type Item = Token<'h>;

    fn next(&mut self) -> Option<Token<'h>> {
        let rest = &self.html[self.at..];
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            self.at += end;
            return Some(Token::Text(&rest[..end]));
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            self.at += comment.find("-->").map_or(rest.len(), |i| i + 7);
            return Some(Token::Skip);
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            self.at += rest.find('>').map_or(rest.len(), |i| i + 1);
            return Some(Token::Skip);
        }
        let closing = rest.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name_len = rest[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len() - name_start);
        if name_len == 0 || !rest.as_bytes()[name_start].is_ascii_alphabetic() {
            // A lone `<`: text.
            self.at += 1;
            return Some(Token::Text("&lt;"));
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        let mut i = name_start + name_len;
        let bytes = rest.as_bytes();
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            let key_start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let key = rest[key_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = rest[i + 1..].find(q as char).map_or(rest.len(), |j| i + 1 + j);
                        value = rest[i + 1..end].to_string();
                        i = (end + 1).min(rest.len());
                    }
                    _ => {
                        let start = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = rest[start..i].to_string();
                    }
                }
            }
            if !key.is_empty() {
                attrs.push((key, value));
            }
        }
        self.at += i;
        Some(if closing {
            Token::End(name)
        } else {
            Token::Start { name, attrs }
        })
    }
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// An attribute value as written, safe inside double quotes.
fn quoted(value: &str) -> String {
    value.replace('"', "&quot;").replace('<', "&lt;")
}

/// What a tag of the body becomes in an article: another tag, or `None` to keep
/// only its content.
fn mapped(name: &str) -> Option<&'static str> {
    Some(match name {
        "h1" | "h2" => "h2",
        "h3" => "h3",
        "h4" | "h5" | "h6" => "h4",
        "div" | "figure" | "article" | "aside" | "header" | "footer" | "nav" | "main" | "details" | "dl" => "section",
        "p" | "figcaption" | "dt" | "dd" | "summary" | "address" | "caption" => "p",
        "strong" | "b" => "strong",
        "em" | "i" | "cite" | "dfn" | "var" => "em",
        "span" | "del" | "s" | "strike" | "ins" | "u" | "mark" | "small" | "abbr" | "kbd" | "q" | "sub" | "time"
        | "samp" => "span",
        other => ALLOWED_TAGS.iter().find(|t| **t == other).copied()?,
    })
}

/// The class that styles a mapped tag whose look is not its tag's.
fn class_of(name: &str, attrs: &[(String, String)]) -> Option<String> {
    match name {
        "del" | "s" | "strike" => Some("del".into()),
        "figcaption" | "caption" => Some("caption".into()),
        "kbd" | "samp" => Some("kbd".into()),
        "dt" => Some("term".into()),
        "span" | "pre" => {
            let class = attr(attrs, "class")?;
            class
                .split_whitespace()
                .all(|c| c.starts_with("hl-"))
                .then(|| class.to_string())
        }
        _ => None,
    }
}

/// The references of an article in order, each address once, and each one's number
/// by its address (found at once: a page of 100,000 links costs no more than a short one).
struct References<'r> {
    list: &'r mut Vec<String>,
    numbers: HashMap<String, usize>,
}

impl References<'_> {
    /// The number of `url` among the references (1-based), added if new.
    fn number(&mut self, url: String) -> usize {
        if let Some(&n) = self.numbers.get(&url) {
            return n;
        }
        self.list.push(url.clone());
        self.numbers.insert(url, self.list.len());
        self.list.len()
    }
}

/// The most elements an article nests: deeper ones keep only their content, so
/// a hostile page (100,000 nested quotes) costs the inliner no more than a flat one.
const MAX_DEPTH: usize = 24;

/// The body as an article's: allowed tags, links as references (`refs`, in order
/// of first use; the same address keeps its number), images absolute, nesting
/// no deeper than [`MAX_DEPTH`].
pub(super) fn transform(config: &Config, body: &str, permalink: &str, refs: &mut Vec<String>) -> String {
    let numbers = refs.iter().enumerate().map(|(n, url)| (url.clone(), n + 1)).collect();
    let refs = &mut References { list: refs, numbers };
    let mut out = String::with_capacity(body.len());
    let mut tokens = Tokens::new(body);
    // The open elements: each one's tag name, what its end writes, and whether it wrote a tag.
    let mut open: Vec<(String, String, bool)> = Vec::new();
    // How many of the open elements wrote a tag.
    let mut depth = 0;
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(text) => out.push_str(text),
            Token::Skip => {}
            Token::Start { name, attrs } => {
                if name == "video" {
                    video(config, permalink, &attrs, refs, &mut out);
                    tokens.skip_past_end(&name);
                    continue;
                }
                if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
                    if !VOID.contains(&name.as_str()) {
                        tokens.skip_past_end(&name);
                    }
                    continue;
                }
                match name.as_str() {
                    "img" => image(config, permalink, &attrs, &mut out),
                    "br" | "hr" => out.push_str(&format!("<{name}>")),
                    _ if VOID.contains(&name.as_str()) => {}
                    _ => {
                        let (start, end) = if name == "a" {
                            (String::new(), reference(config, permalink, &attrs, refs))
                        } else if depth >= MAX_DEPTH {
                            (String::new(), String::new())
                        } else {
                            start_tag(&name, &attrs)
                        };
                        out.push_str(&start);
                        depth += usize::from(!start.is_empty());
                        open.push((name, end, !start.is_empty()));
                    }
                }
            }
            Token::End(name) => {
                // Close up to the element this ends; an end tag of nothing open is dropped.
                let Some(at) = open.iter().rposition(|(n, _, _)| *n == name) else {
                    continue;
                };
                for (_, end, tag) in open.drain(at..).rev() {
                    depth -= usize::from(tag);
                    out.push_str(&end);
                }
            }
        }
    }
    for (_, end, _) in open.drain(..).rev() {
        out.push_str(&end);
    }
    out
}

/// A link's reference mark (written after its text), numbering its address in
/// `refs`. A link within the page goes nowhere in an article, nor does one to
/// anything but a web page, mail or phone: those keep their text only.
fn reference(config: &Config, permalink: &str, attrs: &[(String, String)], refs: &mut References<'_>) -> String {
    let href = attr(attrs, "href").unwrap_or("").trim();
    let url = absolute(config, permalink, href);
    let listed = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)));
    if !listed || href.is_empty() || href.starts_with('#') {
        return String::new();
    }
    format!("<sup class=\"ref\">[{}]</sup>", refs.number(url))
}

/// A body element's start and end tags in an article (both empty when only its
/// content is kept).
fn start_tag(name: &str, attrs: &[(String, String)]) -> (String, String) {
    if name == "table" {
        return (
            "<section class=\"table-wrap\"><table>".into(),
            "</table></section>".into(),
        );
    }
    let Some(tag) = mapped(name) else {
        return (String::new(), String::new());
    };
    let mut out = format!("<{tag}");
    if let Some(class) = class_of(name, attrs) {
        out.push_str(&format!(" class=\"{}\"", quoted(&class)));
    }
    for key in ["colspan", "rowspan", "start"] {
        if let Some(v) = attr(attrs, key) {
            out.push_str(&format!(" {key}=\"{}\"", quoted(v)));
        }
    }
    // Column alignment (pulldown-cmark writes it as a style).
    if matches!(tag, "th" | "td")
        && let Some(align) = attr(attrs, "style")
            .and_then(|s| s.strip_prefix("text-align:"))
            .map(str::trim)
            .filter(|a| matches!(*a, "left" | "center" | "right"))
    {
        out.push_str(&format!(" style=\"text-align: {align}\""));
    }
    out.push('>');
    (out, format!("</{tag}>"))
}

/// An image: its absolute URL, full width, its alt text as a caption. An image
/// that is not on the web (a `data:` URL) keeps only its alt text.
fn image(config: &Config, permalink: &str, attrs: &[(String, String)], out: &mut String) {
    let alt = attr(attrs, "alt").unwrap_or("");
    let src = attr(attrs, "src").unwrap_or("").trim();
    let url = absolute(config, permalink, src);
    if src.is_empty() || !(url.starts_with("https://") || url.starts_with("http://")) {
        if !alt.is_empty() {
            out.push_str(&format!("<span class=\"caption\">{}</span>", quoted(alt)));
        }
        return;
    }
    out.push_str(&format!(
        "<img class=\"image\" src=\"{}\" alt=\"{}\">",
        quoted(&url),
        quoted(alt)
    ));
    if !alt.is_empty() {
        out.push_str(&format!("<span class=\"caption\">{}</span>", quoted(alt)));
    }
}

/// A video, which an article cannot play: its poster, and its title with a
/// reference to the page where it plays.
fn video(config: &Config, permalink: &str, attrs: &[(String, String)], refs: &mut References<'_>, out: &mut String) {
    if let Some(poster) = attr(attrs, "poster") {
        image(config, permalink, &[("src".into(), poster.into())], out);
    }
    let title = attr(attrs, "title").unwrap_or("");
    let page = [("href".to_string(), permalink.to_string())];
    out.push_str(&format!(
        "<p>▶ {}{}</p>",
        quoted(title),
        reference(config, permalink, &page, refs)
    ));
}

/// A link of the page (as written in its HTML) as an absolute URL.
fn absolute(config: &Config, permalink: &str, href: &str) -> String {
    let lower = href.to_ascii_lowercase();
    if lower.contains(':')
        && lower
            .split(':')
            .next()
            .is_some_and(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        && !lower.starts_with('/')
    {
        return href.to_string();
    }
    if let Some(rest) = href.strip_prefix("//") {
        return format!("https://{rest}");
    }
    if href.starts_with('/') {
        return config.absolute(href);
    }
    // Relative to the page: resolve `.` and `..` against its folder.
    let (origin_len, page_path) = match permalink
        .find("://")
        .and_then(|i| permalink[i + 3..].find('/').map(|j| i + 3 + j))
    {
        Some(at) => (at, &permalink[at..]),
        None => (permalink.len(), "/"),
    };
    let (href, suffix) = match href.find(['?', '#']) {
        Some(i) => href.split_at(i),
        None => (href, ""),
    };
    let mut segments: Vec<&str> = page_path.trim_end_matches('/').split('/').skip(1).collect();
    if !page_path.ends_with('/') {
        segments.pop();
    }
    let parts: Vec<&str> = href.split('/').collect();
    for (k, part) in parts.iter().enumerate() {
        match *part {
            "." => {}
            ".." => {
                segments.pop();
            }
            "" if k + 1 < parts.len() => {}
            p => segments.push(p),
        }
    }
    let trailing = if href.ends_with('/') || href.ends_with("/.") || href.ends_with("..") {
        "/"
    } else {
        ""
    };
    let mut path: String = segments
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| format!("/{s}"))
        .collect();
    path.push_str(trailing);
    if path.is_empty() {
        path.push('/');
    }
    format!("{}{path}{suffix}", &permalink[..origin_len])
}

/// Keeps only the allowed tags and attributes: what the 公众号 editor keeps.
pub(super) fn sanitize(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut tokens = Tokens::new(html);
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(text) => out.push_str(text),
            Token::Skip => {}
            Token::Start { name, attrs } => {
                if DROPPED_WITH_CONTENT.contains(&name.as_str()) && !VOID.contains(&name.as_str()) {
                    tokens.skip_past_end(&name);
                    continue;
                }
                if !ALLOWED_TAGS.contains(&name.as_str()) {
                    continue;
                }
                out.push('<');
                out.push_str(&name);
                for (key, value) in &attrs {
                    // An empty alt says an image is decoration: it stays.
                    if ALLOWED_ATTRIBUTES.contains(&key.as_str()) && (!value.is_empty() || key == "alt") {
                        out.push_str(&format!(" {key}=\"{}\"", quoted(value)));
                    }
                }
                out.push('>');
            }
            Token::End(name) => {
                if ALLOWED_TAGS.contains(&name.as_str()) && !VOID.contains(&name.as_str()) {
                    out.push_str(&format!("</{name}>"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn config() -> Config {
        Config::parse(
            Path::new("."),
            "base_url = \"https://example.org/sub\"\ndefault_language = \"zh\"\n[languages.zh]\ntitle = \"T\"\n",
            None,
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
    }

    const PAGE: &str = "https://example.org/sub/cases/a/";

    #[test]
    fn addresses_become_absolute() {
        let c = config();
        assert_eq!(absolute(&c, PAGE, "/sub/cases/b/"), "https://example.org/sub/cases/b/");
        assert_eq!(
            absolute(&c, PAGE, "photo.jpg"),
            "https://example.org/sub/cases/a/photo.jpg"
        );
        assert_eq!(
            absolute(&c, PAGE, "./photo.jpg?x=1"),
            "https://example.org/sub/cases/a/photo.jpg?x=1"
        );
        assert_eq!(absolute(&c, PAGE, "../b/"), "https://example.org/sub/cases/b/");
        assert_eq!(absolute(&c, PAGE, "https://gov.cn/x"), "https://gov.cn/x");
        assert_eq!(absolute(&c, PAGE, "//cdn.example/x.png"), "https://cdn.example/x.png");
        assert_eq!(absolute(&c, PAGE, "mailto:a@b.cn"), "mailto:a@b.cn");
    }

    #[test]
    fn links_become_numbered_references() {
        let c = config();
        let mut refs = Vec::new();
        let out = transform(
            &c,
            "<p>See <a href=\"/sub/cases/b/\">B</a>, <a href=\"https://gov.cn/\">gov</a>, <a href=\"/sub/cases/b/\">B again</a> and <a href=\"#top\">top</a><a href=\"javascript:x()\">!</a>.</p>",
            PAGE,
            &mut refs,
        );
        assert_eq!(refs, ["https://example.org/sub/cases/b/", "https://gov.cn/"]);
        assert_eq!(
            out,
            "<p>See B<sup class=\"ref\">[1]</sup>, gov<sup class=\"ref\">[2]</sup>, B again<sup class=\"ref\">[1]</sup> and top!.</p>"
        );
    }

    #[test]
    fn forbidden_tags_go_with_their_content() {
        let c = config();
        let out = transform(
            &c,
            "<div id=\"x\" class=\"y\" onclick=\"z()\"><script>alert(1)</script><STYLE>p{}</STYLE><iframe src=\"https://x\"></iframe><form><input name=q></form><h1>T</h1><h6>six</h6><img src=\"data:image/png;base64,AA\" alt=\"inline\"><table><tr><td style=\"text-align: center\">1</td></tr></table></div>",
            PAGE,
            &mut Vec::new(),
        );
        assert_eq!(
            out,
            "<section><h2>T</h2><h4>six</h4><span class=\"caption\">inline</span><section class=\"table-wrap\"><table><tr><td style=\"text-align: center\">1</td></tr></table></section></section>"
        );
    }

    #[test]
    fn deep_nesting_is_flattened_and_unclosed_elements_closed() {
        let c = config();
        let body = format!("{}deep{}", "<blockquote>".repeat(1000), "</blockquote>".repeat(1000));
        let out = transform(&c, &body, PAGE, &mut Vec::new());
        assert_eq!(out.matches("<blockquote>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</blockquote>").count(), MAX_DEPTH);
        assert!(out.contains(">deep<"));
        assert_eq!(
            transform(
                &c,
                "<p><em>a</p></span><a href=\"https://x.cn/\">b",
                PAGE,
                &mut Vec::new()
            ),
            "<p><em>a</em></p>b<sup class=\"ref\">[1]</sup>"
        );
    }

    #[test]
    fn sanitize_keeps_styles_and_drops_classes() {
        assert_eq!(
            sanitize(
                "<section class=\"a\" id=\"b\" style=\"color: red\"><a href=\"x\">t</a><img src=\"https://x/y.png\" alt=\"y\" class=\"i\"><link rel=\"x\"></section>"
            ),
            "<section style=\"color: red\">t<img src=\"https://x/y.png\" alt=\"y\"></section>"
        );
    }
}
