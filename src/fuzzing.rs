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
            let decoded = markdown::percent_decode(&path);
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
    let links = Links::new(config, &library);
    for lang in 0..config.languages.len() {
        let doc = doc(body, lang);
        let rendered = markdown::render(&doc, &links);
        let mut seen = std::collections::HashSet::new();
        for id in &rendered.anchors {
            assert!(seen.insert(id), "duplicate heading id {id:?}");
            assert!(!id.contains(['"', '<', '>', '&']), "unescaped id {id:?}");
        }
        check_tags(&rendered.html);
    }
}

/// Every tag of rendered HTML (text is escaped, so each `<` opens one) is harmless:
/// no script-like element, no `on…` handler, no URL that runs code.
fn check_tags(html: &str) {
    for piece in html.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or(piece).to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            ![
                "script", "iframe", "svg", "style", "object", "embed", "math", "base", "meta", "link"
            ]
            .contains(&name.as_str()),
            "<{name}> in {html:?}"
        );
        for attribute in tag.split_whitespace().skip(1) {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            assert!(!key.starts_with("on"), "handler {key} in {html:?}");
            if matches!(key, "href" | "src") {
                let value: String = value
                    .trim_matches(['"', '\''])
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect();
                assert!(
                    markdown::url_rule(&value, "ok") == "ok",
                    "unsafe {key}={value} in {html:?}"
                );
            }
        }
    }
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
        html: String::new(),
        lead: String::new(),
        text: String::new(),
        anchors: Vec::new(),
        links: Vec::new(),
        cover_url: None,
        hash: String::new(),
        yaml: String::new(),
        yaml_line: 2,
        fallbacks: vec![None; 2],
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
