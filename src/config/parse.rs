//! Parsing site.toml: the raw serde structs (syntax errors and unknown keys
//! carry line and column), then the checks TOML cannot make, every problem
//! reported together.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use super::*;
use crate::diagnostics::{self, Diagnostic, line_col};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Spanned<String>,
    default_language: Spanned<String>,
    #[serde(default = "default_theme")]
    theme: Spanned<String>,
    #[serde(default = "default_paginate_by")]
    paginate_by: Spanned<i64>,
    #[serde(default = "default_feed_limit")]
    feed_limit: Spanned<i64>,
    publisher: Option<Spanned<BTreeMap<String, String>>>,
    languages: Spanned<IndexMap<String, Spanned<RawLanguage>>>,
    #[serde(default)]
    markdown: RawMarkdown,
    #[serde(default)]
    highlight: RawHighlight,
    #[serde(default)]
    taxonomies: IndexMap<String, Spanned<RawTaxonomy>>,
    #[serde(default)]
    catalogue: RawCatalogue,
    #[serde(default)]
    targets: Vec<Spanned<RawTarget>>,
    #[serde(default)]
    government: RawGovernment,
    /// Content pages linked from every page's footer: `["about/site.md", …]`.
    #[serde(default)]
    footer_links: Vec<Spanned<String>>,
    #[serde(default)]
    glossary: IndexMap<String, Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
    /// An emblem or logo shown before the site's name: a file of the site's `static/`.
    logo: Option<Spanned<String>>,
    /// The IANA time zone whose day decides what is published: `Asia/Shanghai`.
    timezone: Option<Spanned<String>>,
    #[serde(default)]
    feeds: RawFeeds,
    /// Free-form settings for the theme.
    #[serde(default)]
    extra: toml::Table,
    /// The header's navigation, replacing the theme's own.
    #[serde(default)]
    menu: Vec<Spanned<super::menu::RawMenuEntry>>,
    /// The printed casebook: parsed and checked in `casebook::settings`.
    casebook: Option<super::casebook::RawCasebook>,
}

/// `[feeds]`: what the Atom feeds hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFeeds {
    /// Each entry's whole text, not only its summary.
    #[serde(default)]
    full_text: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGovernment {
    host: Option<Spanned<BTreeMap<String, String>>>,
    contact: Option<Spanned<BTreeMap<String, String>>>,
    site_code: Option<Spanned<String>>,
    icp: Option<Spanned<String>>,
    police: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    path: Option<Spanned<String>>,
    title: Option<Spanned<BTreeMap<String, String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    label: Spanned<BTreeMap<String, String>>,
    count: Spanned<IndexMap<String, Spanned<toml::Value>>>,
    goal: Spanned<i64>,
    year: Option<Spanned<i64>>,
}

fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".to_string())
}

fn default_paginate_by() -> Spanned<i64> {
    Spanned::new(0..0, 10)
}

fn default_feed_limit() -> Spanned<i64> {
    Spanned::new(0..0, 20)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    name: Option<String>,
    title: String,
    #[serde(default)]
    description: String,
    tag: Option<String>,
    date_format: Option<Spanned<String>>,
    #[serde(default)]
    fallback: Fallback,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    #[serde(default)]
    raw_html: RawHtml,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHighlight {
    #[serde(default = "default_highlight_theme")]
    theme: Spanned<String>,
}

impl Default for RawHighlight {
    fn default() -> Self {
        RawHighlight {
            theme: default_highlight_theme(),
        }
    }
}

fn default_highlight_theme() -> Spanned<String> {
    Spanned::new(0..0, crate::code_themes::DEFAULT_THEME.to_string())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    label: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    terms: IndexMap<String, Spanned<BTreeMap<String, String>>>,
}

impl Config {
    /// Parses and validates the text of a site.toml.
    pub fn parse(root: &Path, text: &str, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            vec![Diagnostic::error_keyed(
                CONFIG_FILE,
                line,
                col,
                crate::keyed!("config-toml", detail = toml_message(e.message())),
            )]
        })?;
        let mut errors = Vec::new();
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, col) = if span.is_empty() && span.start == 0 {
                (0, 0)
            } else {
                line_col(text, span.start)
            };
            Diagnostic::error(CONFIG_FILE, line, col, message)
        };
        // The same, for a message of the catalogs.
        let said = |span: std::ops::Range<usize>, message: crate::messages::Keyed| Diagnostic {
            keyed: Some(Box::new(message.clone())),
            ..at(span, message.english())
        };

        // Languages, the default one first.
        let default_code = raw.default_language.get_ref().clone();
        let raw_languages = raw.languages.get_ref();
        if !raw_languages.contains_key(&default_code) {
            let known: Vec<&str> = raw_languages.keys().map(String::as_str).collect();
            errors.push(said(
                raw.default_language.span(),
                crate::keyed!(
                    "config-no-default-language",
                    code = &default_code,
                    hint = crate::diagnostics::hint(&default_code, known)
                ),
            ));
        }
        let mut ordered: Vec<(&String, &Spanned<RawLanguage>)> = raw_languages.iter().collect();
        ordered.sort_by_key(|(code, _)| **code != default_code);
        let mut languages = Vec::new();
        for (code, spanned) in ordered {
            let lang = spanned.get_ref();
            if !is_language_code(code) {
                errors.push(said(
                    spanned.span(),
                    crate::keyed!("config-bad-language-code", code = code),
                ));
                continue;
            }
            let date_format = match &lang.date_format {
                Some(f) => {
                    let probe = jiff::civil::date(2021, 1, 12);
                    if let Err(e) = jiff::fmt::strtime::format(f.get_ref().as_bytes(), probe) {
                        errors.push(said(
                            f.span(),
                            crate::keyed!("config-date-format", format = f.get_ref(), reason = e.to_string()),
                        ));
                    }
                    f.get_ref().clone()
                }
                None => default_date_format(code).to_string(),
            };
            let is_default = *code == default_code;
            languages.push(Language {
                code: code.clone(),
                name: lang.name.clone().unwrap_or_else(|| default_language_name(code)),
                tag: lang.tag.clone().unwrap_or_else(|| default_language_tag(code)),
                title: lang.title.clone(),
                description: lang.description.clone(),
                date_format,
                fallback: lang.fallback,
                url_prefix: if is_default { String::new() } else { format!("/{code}") },
            });
        }
        let codes: Vec<String> = languages.iter().map(|l| l.code.clone()).collect();

        // Labels in every language.
        let labels =
            |map: &Spanned<BTreeMap<String, String>>, what: crate::messages::Keyed, errors: &mut Vec<Diagnostic>| {
                let mut out = Vec::new();
                for code in &codes {
                    match map.get_ref().get(code) {
                        Some(label) if !label.trim().is_empty() => out.push(label.clone()),
                        _ => {
                            errors.push(said(
                                map.span(),
                                crate::keyed!("config-no-label", what = what.clone(), code = code),
                            ));
                            out.push(String::new());
                        }
                    }
                }
                for extra in map.get_ref().keys() {
                    if !codes.contains(extra) {
                        errors.push(said(
                            map.span(),
                            crate::keyed!(
                                "config-label-other-language",
                                what = what.clone(),
                                code = extra,
                                hint = crate::diagnostics::hint(extra, codes.iter().map(String::as_str))
                            ),
                        ));
                    }
                }
                out
            };

        let mut taxonomies = Vec::new();
        for (name, spanned) in &raw.taxonomies {
            let tax = spanned.get_ref();
            if RESERVED_FIELDS.contains(&name.as_str()) {
                errors.push(said(
                    spanned.span(),
                    crate::keyed!("config-taxonomy-reserved", name = name),
                ));
            }
            if !is_key(name) {
                errors.push(said(spanned.span(), crate::keyed!("config-taxonomy-name", name = name)));
            }
            let labels_of_tax = labels(
                &tax.label,
                crate::keyed!("config-what-taxonomy", name = name),
                &mut errors,
            );
            let mut terms = Vec::new();
            for (key, term) in &tax.terms {
                if !is_key(key) {
                    errors.push(said(term.span(), crate::keyed!("config-term-key", key = key)));
                }
                let term_labels = labels(
                    term,
                    crate::keyed!("config-what-term", key = key, name = name),
                    &mut errors,
                );
                terms.push(Term {
                    key: key.clone(),
                    labels: term_labels,
                });
            }
            taxonomies.push(Taxonomy::new(name.clone(), labels_of_tax, terms));
        }

        let paginate_by = *raw.paginate_by.get_ref();
        if !(1..=1000).contains(&paginate_by) {
            errors.push(said(
                raw.paginate_by.span(),
                crate::keyed!(
                    "config-number-range",
                    key = "paginate_by",
                    least = 1usize,
                    most = 1000usize
                ),
            ));
        }

        let feed_limit = *raw.feed_limit.get_ref();
        if !(1..=10_000).contains(&feed_limit) {
            errors.push(said(
                raw.feed_limit.span(),
                crate::keyed!(
                    "config-number-range",
                    key = "feed_limit",
                    least = 1usize,
                    most = 10_000usize
                ),
            ));
        }
        let publisher = match &raw.publisher {
            Some(names) => labels(names, crate::keyed!("config-what-publisher"), &mut errors),
            None => languages.iter().map(|l| l.title.clone()).collect(),
        };

        let highlight_theme = raw.highlight.theme.get_ref().clone();
        let themes = crate::code_themes::theme_names();
        if !themes.iter().any(|t| *t == highlight_theme) {
            errors.push(said(
                raw.highlight.theme.span(),
                crate::keyed!(
                    "config-highlight-theme",
                    theme = &highlight_theme,
                    hint = crate::diagnostics::hint(&highlight_theme, themes.iter().copied()),
                    themes = themes.join(", ")
                ),
            ));
        }

        let theme = raw.theme.get_ref().clone();
        if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
            errors.push(said(
                raw.theme.span(),
                crate::keyed!("config-theme-name", theme = &theme),
            ));
        }

        let base_url_text = base_url_override
            .unwrap_or(raw.base_url.get_ref())
            .trim_end_matches('/')
            .to_string();
        let base_path = match parse_base_url(&base_url_text) {
            Ok(path) => path,
            Err(message) => {
                if base_url_override.is_some() {
                    errors.push(Diagnostic::error_keyed("--base-url", 0, 0, message));
                } else {
                    errors.push(said(raw.base_url.span(), message));
                }
                String::new()
            }
        };

        let catalogue = {
            let key = match &raw.catalogue.path {
                Some(path) => {
                    let key = path.get_ref().trim_matches('/').to_string();
                    if key.is_empty() || !key.split('/').all(is_key) {
                        errors.push(said(
                            path.span(),
                            crate::keyed!("config-catalogue-path", path = path.get_ref()),
                        ));
                    }
                    key
                }
                None => "cases".to_string(),
            };
            let titles = raw
                .catalogue
                .title
                .as_ref()
                .map(|t| labels(t, crate::keyed!("config-what-catalogue"), &mut errors));
            Catalogue { key, titles }
        };

        let mut targets = Vec::new();
        for spanned in &raw.targets {
            let target = spanned.get_ref();
            let labels = labels(&target.label, crate::keyed!("config-what-target"), &mut errors);
            let mut conditions = Vec::new();
            for (field, value) in target.count.get_ref() {
                let text = match value.get_ref() {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Integer(i) => i.to_string(),
                    _ => {
                        errors.push(said(value.span(), crate::keyed!("config-count-not-key", field = field)));
                        continue;
                    }
                };
                match field.as_str() {
                    "level" => {
                        if text == "municipal" || text == "district" {
                            conditions.push(Condition::Level(text));
                        } else {
                            errors.push(said(
                                value.span(),
                                crate::keyed!(
                                    "config-count-level",
                                    written = &text,
                                    hint = crate::diagnostics::hint(&text, ["municipal", "district"])
                                ),
                            ));
                        }
                    }
                    "year" => match text.parse::<i32>() {
                        Ok(year) => conditions.push(Condition::Year(year)),
                        Err(_) => errors.push(said(value.span(), crate::keyed!("config-count-year", written = &text))),
                    },
                    name => match taxonomies.iter().find(|t: &&Taxonomy| t.name == name) {
                        Some(tax) if tax.term(&text).is_some() => conditions.push(Condition::Term {
                            taxonomy: name.to_string(),
                            term: text,
                        }),
                        Some(tax) => errors.push(said(
                            value.span(),
                            crate::keyed!(
                                "config-count-term",
                                taxonomy = name,
                                term = &text,
                                hint = match diagnostics::did_you_mean(&text, tax.terms.iter().map(|t| t.key.as_str()))
                                {
                                    Some(like) => crate::keyed!("hint-did-you-mean", like = like),
                                    None => crate::keyed!(
                                        "config-the-terms",
                                        terms = diagnostics::listing(tax.terms.iter().map(|t| t.key.as_str()))
                                    ),
                                }
                            ),
                        )),
                        None => {
                            let known = ["level", "year"]
                                .into_iter()
                                .chain(taxonomies.iter().map(|t| t.name.as_str()));
                            errors.push(said(
                                target.count.span(),
                                crate::keyed!(
                                    "config-count-by",
                                    name = name,
                                    hint = crate::diagnostics::hint(name, known)
                                ),
                            ));
                        }
                    },
                }
            }
            let goal = *target.goal.get_ref();
            if !(1..=1_000_000).contains(&goal) {
                errors.push(said(target.goal.span(), crate::keyed!("config-goal")));
            }
            targets.push(Target {
                labels,
                conditions,
                goal: goal.clamp(0, 1_000_000) as u32,
                year: target.year.as_ref().map(|y| *y.get_ref() as i32),
            });
        }

        let raw_gov = &raw.government;
        let mut government = Government {
            host: raw_gov
                .host
                .as_ref()
                .map(|h| labels(h, crate::keyed!("as-written", text = "government.host"), &mut errors)),
            contact: raw_gov
                .contact
                .as_ref()
                .map(|c| labels(c, crate::keyed!("as-written", text = "government.contact"), &mut errors)),
            ..Government::default()
        };
        if let Some(code) = &raw_gov.site_code {
            let text = code.get_ref().trim();
            if text.len() != 10 || !text.bytes().all(|b| b.is_ascii_alphanumeric()) {
                errors.push(said(code.span(), crate::keyed!("config-site-code", code = text)));
            }
            government.site_code = Some(text.to_string());
        }
        if let Some(icp) = &raw_gov.icp {
            government.icp = Some(icp.get_ref().trim().to_string());
        }
        if let Some(police) = &raw_gov.police {
            let text = police.get_ref().trim();
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            if digits.len() < 10 {
                errors.push(said(police.span(), crate::keyed!("config-police", number = text)));
            }
            government.police = Some(text.to_string());
            government.police_code = Some(digits);
        }
        let mut footer_links = Vec::new();
        for link in &raw.footer_links {
            let path = link.get_ref().trim_start_matches('/').to_string();
            if !path.ends_with(".md") || path.split('/').any(|p| p == ".." || p.is_empty()) {
                errors.push(said(
                    link.span(),
                    crate::keyed!("config-footer-link", link = link.get_ref()),
                ));
            }
            footer_links.push(path);
        }
        let glossary = glossary(&raw.glossary, &languages, &said, &mut errors);
        let mut menu_labels = labels;
        let menu = super::menu::menu(&raw.menu, text, &mut menu_labels, &said, &mut errors);
        let casebook = super::casebook::validate(raw.casebook, &languages, &at, &mut errors);

        if !errors.is_empty() {
            return Err(errors);
        }
        let logo = raw.logo.as_ref().and_then(|logo| {
            let rel = logo.get_ref().trim_start_matches('/');
            let safe = !rel.is_empty() && rel.split(['/', '\\']).all(|part| !part.is_empty() && part != "..");
            if safe && root.join("static").join(rel).is_file() {
                Some(format!("/{rel}"))
            } else {
                errors.push(said(
                    logo.span(),
                    crate::keyed!("config-no-logo", logo = logo.get_ref()),
                ));
                None
            }
        });
        let timezone = match &raw.timezone {
            Some(name) if super::time_zone(name.get_ref()).is_none() => {
                errors.push(said(
                    name.span(),
                    crate::keyed!(
                        "config-time-zone",
                        zone = name.get_ref(),
                        example = super::DEFAULT_TIME_ZONE
                    ),
                ));
                String::new()
            }
            Some(name) => name.get_ref().clone(),
            None => super::DEFAULT_TIME_ZONE.to_string(),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            casebook,
            timezone,
            feed_full_text: raw.feeds.full_text,
            logo,
            root: root.to_path_buf(),
            base_url: base_url_text,
            base_path,
            theme,
            paginate_by: paginate_by as usize,
            feed_limit: feed_limit as usize,
            publisher,
            raw_html: raw.markdown.raw_html,
            highlight_theme,
            languages,
            taxonomies,
            catalogue,
            targets,
            government,
            footer_links,
            glossary,
            extra: raw.extra,
            menu,
        })
    }
}

/// Checks `[glossary]`: each entry's keys are language codes (not the default one, whose
/// rendering is the term itself) with text, and `avoid`, a list of variants.
fn glossary(
    raw: &IndexMap<String, Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
    languages: &[Language],
    at: &impl Fn(std::ops::Range<usize>, crate::messages::Keyed) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
) -> Vec<GlossaryEntry> {
    let shape = || crate::keyed!("config-glossary-shape");
    let mut entries = Vec::new();
    for (term, spanned) in raw {
        let mut entry = GlossaryEntry {
            term: term.clone(),
            renderings: vec![None; languages.len()],
            avoid: Vec::new(),
        };
        for (key, value) in spanned.get_ref() {
            let mut bad = |message: crate::messages::Keyed| errors.push(at(value.span(), message));
            if key == "avoid" {
                let list = value.get_ref().as_array().and_then(|items| {
                    items
                        .iter()
                        .map(|i| i.as_str().map(str::trim).filter(|s| !s.is_empty()).map(String::from))
                        .collect::<Option<Vec<String>>>()
                });
                match list {
                    Some(list) => entry.avoid = list,
                    None => bad(crate::keyed!("config-glossary-avoid", term = term, shape = shape())),
                }
                continue;
            }
            match languages.iter().position(|l| l.code == *key) {
                Some(0) => bad(crate::keyed!(
                    "config-glossary-original",
                    term = term,
                    lang = &languages[0].name,
                    key = key
                )),
                Some(lang) => match value.get_ref().as_str().map(str::trim) {
                    Some(text) if !text.is_empty() => entry.renderings[lang] = Some(text.to_string()),
                    _ => bad(crate::keyed!(
                        "config-glossary-empty",
                        term = term,
                        key = key,
                        shape = shape()
                    )),
                },
                None => bad(crate::keyed!(
                    "config-glossary-key",
                    term = term,
                    key = key,
                    hint = crate::diagnostics::hint(
                        key,
                        languages.iter().skip(1).map(|l| l.code.as_str()).chain(["avoid"])
                    )
                )),
            }
        }
        if !entry.avoid.is_empty() && entry.renderings.iter().all(Option::is_none) {
            errors.push(at(
                spanned.span(),
                crate::keyed!("config-glossary-no-rendering", term = term, shape = shape()),
            ));
        }
        for variant in &entry.avoid {
            if entry
                .renderings
                .iter()
                .flatten()
                .any(|r| r.eq_ignore_ascii_case(variant))
            {
                errors.push(at(
                    spanned.span(),
                    crate::keyed!("config-glossary-both", term = term, variant = variant),
                ));
            }
        }
        entries.push(entry);
    }
    entries
}

pub(super) fn display_root(root: &Path) -> crate::messages::Keyed {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        crate::keyed!("config-this-folder")
    } else {
        crate::keyed!("as-written", text = root.display().to_string())
    }
}

/// toml's messages end with a newline and sometimes name internal types.
fn toml_message(message: &str) -> String {
    message.trim().replace('\n', "; ")
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Term keys and taxonomy names: they become URL segments.
pub fn is_key(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with('-')
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn default_date_format(code: &str) -> &'static str {
    if is_cjk_code(code) {
        "%Y年%-m月%-d日"
    } else {
        "%-d %B %Y"
    }
}

fn default_language_name(code: &str) -> String {
    match code.split('-').next().unwrap_or(code) {
        "zh" => "中文".into(),
        "en" => "English".into(),
        "ja" => "日本語".into(),
        "ko" => "한국어".into(),
        "fr" => "Français".into(),
        "de" => "Deutsch".into(),
        "ru" => "Русский".into(),
        "es" => "Español".into(),
        _ => code.to_string(),
    }
}

fn default_language_tag(code: &str) -> String {
    if code == "zh" { "zh-CN".into() } else { code.to_string() }
}

/// Checks a base URL and returns its path without the trailing slash.
fn parse_base_url(url: &str) -> Result<String, crate::messages::Keyed> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| crate::keyed!("config-base-url-scheme", url = url))?;
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    if host.is_empty() || host.contains(['?', '#', ' ', '\\']) {
        return Err(crate::keyed!("config-base-url-host", url = url));
    }
    if path.contains(['?', '#', ' ', '\\', '"', '<', '>']) || path.split('/').any(|s| s == ".." || s == ".") {
        return Err(crate::keyed!("config-base-url-path", url = url));
    }
    let path = path.trim_end_matches('/');
    Ok(if path.is_empty() {
        String::new()
    } else {
        format!("/{path}")
    })
}
