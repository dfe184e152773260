//! The bodies of the fuzz targets in `fuzz/`, kept here so that the normal
//! test suite runs the same code over the corpus seeds.
//!
//! Each takes arbitrary bytes and must return without panicking, whatever
//! they are; each also checks a few properties of the result (escaped HTML,
//! ids that are unique and safe, an ASCII alias) and panics if one fails, so
//! the fuzzer reports it.

use std::path::Path;

use crate::config::Config;
use crate::content::front_matter;
use crate::content::{Doc, DocKind, Library};
use crate::markdown::{self, Links};

/// The site.toml the Markdown and front-matter targets run against.
const SITE: &str = r#"
base_url = "https://cases.example.org/sub/"
default_language = "zh"
[languages.zh]
title = "案例"
[languages.en]
title = "Cases"
[taxonomies.kind]
label = { zh = "类型", en = "Kind" }
terms.enterprise = { zh = "企业", en = "Enterprise" }
"#;

fn config() -> &'static Config {
    static CONFIG: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    CONFIG.get_or_init(|| match Config::parse(Path::new("."), SITE, None) {
        Ok(config) => config,
        Err(e) => panic!("the fuzzing site.toml is invalid: {e:?}"),
    })
}

/// Front matter: split a file, then parse and check its YAML.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(split) = front_matter::split(text) else { return };
    if let Ok(fm) = front_matter::parse(split.yaml, split.yaml_line, config()) {
        for alias in &fm.aliases {
            assert!(alias.starts_with('/') && !alias.contains(".."), "{alias}");
        }
        if let Some(slug) = &fm.slug {
            assert!(!slug.contains(['/', '\\', ':']) && !slug.starts_with('.'), "{slug}");
        }
    }
    for alias in text.lines() {
        if let Ok(path) = front_matter::check_alias(alias) {
            let decoded = crate::text::percent_decode(&path);
            assert!(!decoded.split('/').any(|p| p == ".." || p == "."), "{alias} → {path}");
            assert!(!decoded.contains('\\'), "{alias} → {path}");
        }
    }
}

/// The Markdown pipeline: parse, rewrite links, give headings ids, render HTML.
pub fn markdown(data: &[u8]) {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let config = config();
    let library = Library::default();
    let highlighter = highlighter();
    let links = Links::new(config, &library, highlighter);
    for lang in 0..config.languages.len() {
        let doc = doc(body, lang);
        let (rendered, _) = markdown::render(&doc, &links);
        let mut seen = std::collections::HashSet::new();
        for id in &rendered.anchors {
            assert!(seen.insert(id), "duplicate heading id {id:?}");
            // Any other character is valid in an HTML id; the writer escapes it (checked below).
            assert!(!id.is_empty() && !id.contains(char::is_whitespace), "bad id {id:?}");
        }
        check_tags(&rendered.html.unpack());
    }
}

/// Every tag of rendered HTML (text is escaped, so each `<` opens one) is harmless:
/// no script-like element, no `on…` handler, no URL that runs code.
fn check_tags(html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(
            ![
                "script", "iframe", "svg", "style", "object", "embed", "math", "base", "meta", "link"
            ]
            .contains(&name.as_str()),
            "<{name}> in {html:?}"
        );
        let mut at = tag
            .trim_start_matches('/')
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(0)
            + usize::from(tag.starts_with('/'));
        // Attributes: name, then `="value"` (the writer escapes `"` inside values).
        loop {
            let attrs = &tag[at..];
            let skipped = attrs.len() - attrs.trim_start_matches(|c: char| c.is_whitespace() || c == '/').len();
            at += skipped;
            let attrs = &tag[at..];
            if attrs.is_empty() || attrs.starts_with('>') {
                break;
            }
            let key_len = attrs
                .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
                .unwrap_or(attrs.len());
            let key = attrs[..key_len].to_ascii_lowercase();
            assert!(!key.starts_with("on"), "handler {key} in {html:?}");
            at += key_len;
            if let Some(value) = tag[at..].strip_prefix("=\"") {
                let value_len = value.find('"').unwrap_or(value.len());
                if matches!(key.as_str(), "href" | "src") {
                    let url = decode_entities(&value[..value_len]);
                    assert!(markdown::url_rule(&url, "ok") == "ok", "unsafe {key}={url} in {html:?}");
                }
                at += 2 + value_len + 1;
                at = at.min(tag.len());
            } else if key_len == 0 {
                at += tag[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
        rest = &tag[at.min(tag.len())..];
    }
}

/// An attribute value as the browser reads it: character references decoded.
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 32);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let number = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"));
            let code = match number {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
            };
            let c = code.and_then(char::from_u32).or(match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "colon" => Some(':'),
                _ => None,
            });
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One highlighter for every input, without a cache on disk.
fn highlighter() -> &'static crate::markdown::highlight::Highlighter {
    static HIGHLIGHTER: std::sync::OnceLock<crate::markdown::highlight::Highlighter> = std::sync::OnceLock::new();
    HIGHLIGHTER.get_or_init(|| crate::markdown::highlight::Highlighter::new("InspiredGitHub", None))
}

fn doc(body: &str, lang: usize) -> Doc {
    Doc {
        kind: DocKind::Page,
        source: "content/cases/fuzz.md".into(),
        rel: "cases/fuzz.md".into(),
        key: "cases/fuzz".into(),
        dir: "cases".into(),
        lang,
        bundle: false,
        fm: Default::default(),
        body: body.to_string(),
        body_line: 4,
        path: "/cases/fuzz/".into(),
        parent: None,
        hash: String::new(),
        yaml: String::new(),
        yaml_line: 2,
        stamp: 0,
        fallbacks: vec![None; 2],
        withheld: None,
        unfinished: Vec::new(),
    }
}

/// site.toml: parse and validate.
pub fn site_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(config) = Config::parse(Path::new("."), text, None) {
        for taxonomy in &config.taxonomies {
            for term in &taxonomy.terms {
                assert!(!term.key.contains(['/', '.', '\\']), "{}", term.key);
            }
        }
        for language in &config.languages {
            assert!(!language.url_prefix.contains(".."), "{}", language.url_prefix);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_check_finds_what_it_looks_for() {
        check_tags("<p title=\"a\non=x\">x</p><a href=\"https://x/?a=1&amp;b\">y</a>");
        for bad in [
            "<a href=\"javascript:x\">",
            "<img src=\"x\" onerror=\"y\">",
            "<p><script>x</script></p>",
            "<a href=\"JaVa&#x09;script:x\">",
        ] {
            assert!(std::panic::catch_unwind(|| check_tags(bad)).is_err(), "{bad}");
        }
    }
}
