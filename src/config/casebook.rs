//! The `[casebook]` table of site.toml: the printed book's title, the plan it
//! serves, its preface, its fonts, and whether `build` publishes it.
//!
//! ```toml
//! [casebook]
//! title = { zh = "普陀区产教融合典型案例汇编", en = "Putuo Industry-Education Integration Casebook" }
//! subtitle = { zh = "《普陀区深化推进产教融合行动方案》", en = "Action plan for industry-education integration" }
//! preface = "about/casebook.md"
//! fonts = ["Noto Serif CJK SC", "fonts/SourceHanSerifSC-Regular.otf"]
//! publish = true
//! ```
//!
//! Parsed by serde with unknown keys refused (a typo is an error with its line),
//! then checked against the site's languages in [`validate`].

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::Language;
use crate::diagnostics::Diagnostic;

/// `[casebook]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCasebook {
    title: Option<Spanned<BTreeMap<String, String>>>,
    subtitle: Option<Spanned<BTreeMap<String, String>>>,
    preface: Option<Spanned<String>>,
    #[serde(default)]
    fonts: Vec<Spanned<String>>,
    #[serde(default)]
    publish: bool,
}

/// `[casebook]`, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The cover's title per language (indexed like `Config::languages`); `None`: the site's title.
    pub title: Vec<Option<String>>,
    /// The plan's name under the title, per language.
    pub subtitle: Vec<Option<String>>,
    /// A page of content/ printed before the table of contents: `about/casebook.md`.
    pub preface: Option<String>,
    /// Font families or font files (relative to the site's folder), tried before the system's.
    pub fonts: Vec<String>,
    /// `build` writes `/casebook.pdf` and `/<lang>/casebook.pdf` and links them from the home page.
    pub publish: bool,
}

/// Checks `[casebook]`: every language named in `title` and `subtitle` is one of the site's.
pub fn validate(
    raw: Option<RawCasebook>,
    languages: &[Language],
    at: &dyn Fn(Range<usize>, String) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
) -> Settings {
    let Some(raw) = raw else {
        return Settings::default();
    };
    let mut per_language = |field: &str, value: &Option<Spanned<BTreeMap<String, String>>>| {
        let Some(map) = value else {
            return vec![None; languages.len()];
        };
        for code in map.get_ref().keys() {
            if !languages.iter().any(|l| &l.code == code) {
                let known: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
                errors.push(at(
                    map.span(),
                    format!(
                        "[casebook] {field} names the language \"{code}\", which the site does not have{}",
                        crate::diagnostics::suggestion(code, known)
                    ),
                ));
            }
        }
        languages
            .iter()
            .map(|l| map.get_ref().get(&l.code).cloned().filter(|t| !t.trim().is_empty()))
            .collect()
    };
    let title = per_language("title", &raw.title);
    let subtitle = per_language("subtitle", &raw.subtitle);
    let preface = raw.preface.map(|p| {
        let path = p.get_ref().trim().trim_start_matches('/').to_string();
        if !path.ends_with(".md") {
            errors.push(at(
                p.span(),
                format!(
                    "[casebook] preface = \"{}\" is not a Markdown page; name a file of content/, such as \"about/casebook.md\"",
                    p.get_ref()
                ),
            ));
        }
        path
    });
    let mut fonts = Vec::new();
    for font in raw.fonts {
        if font.get_ref().trim().is_empty() {
            errors.push(at(
                font.span(),
                "[casebook] fonts has an empty entry; name a font family or a font file".to_string(),
            ));
        } else {
            fonts.push(font.into_inner().trim().to_string());
        }
    }
    Settings {
        title,
        subtitle,
        preface,
        fonts,
        publish: raw.publish,
    }
}

/// Where `build` publishes the casebook of a language: `/casebook.pdf`, `/en/casebook.pdf`.
pub fn site_path(config: &super::Config, lang: usize) -> String {
    format!("{}/casebook.pdf", config.languages[lang].url_prefix)
}

/// The link to the casebook of a language, when the site publishes it.
pub fn home_link(config: &super::Config, lang: usize) -> Option<String> {
    config.casebook.publish.then(|| config.link(&site_path(config, lang)))
}
