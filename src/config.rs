//! `site.toml` → a validated [`Config`], read once and never changed after.
//!
//! Steps: parse the TOML into raw serde structs (syntax errors and unknown
//! keys carry line and column), then check what TOML cannot: the default
//! language exists, every label exists in every language, date formats and
//! the highlight theme are valid. All problems are reported together.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{self, Diagnostic, Failure, line_col};

pub const CONFIG_FILE: &str = "site.toml";

/// Names that front matter uses for its own fields; a taxonomy may not take them.
pub const RESERVED_FIELDS: &[&str] = &[
    "title",
    "summary",
    "date",
    "updated",
    "organisation",
    "source",
    "level",
    "cover",
    "highlights",
    "draft",
    "featured",
    "weight",
    "aliases",
    "slug",
    "extra",
    "year",
    "translated_from",
];

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
    /// The printed casebook: parsed and checked in `casebook::settings`.
    casebook: Option<crate::casebook::settings::RawCasebook>,
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
    Spanned::new(0..0, crate::markdown::highlight::DEFAULT_THEME.to_string())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    label: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    terms: IndexMap<String, Spanned<BTreeMap<String, String>>>,
}

/// What to do with raw HTML written in Markdown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Show it as text: nothing an author pastes can run on the public site.
    #[default]
    Escape,
    /// Pass it through unchanged.
    Allow,
}

/// What a language's lists do with a page that has no translation into it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fallback {
    /// List it with a notice and a link to the original.
    #[default]
    Notice,
    /// Leave it out.
    Skip,
}

/// One language of the site. The default language comes first in [`Config::languages`].
#[derive(Debug, Clone)]
pub struct Language {
    /// The code used in file names and URLs: `zh`, `en`.
    pub code: String,
    /// Its own name, for the language switcher: `中文`, `English`.
    pub name: String,
    /// The BCP 47 tag for `lang` and `hreflang`: `zh-CN`, `en`.
    pub tag: String,
    pub title: String,
    pub description: String,
    /// A strftime format for dates.
    pub date_format: String,
    pub fallback: Fallback,
    /// "" for the default language, "/en" for the others.
    pub url_prefix: String,
}

impl Language {
    /// Chinese, Japanese and Korean text: no spaces between words, no smart quotes.
    pub fn is_cjk(&self) -> bool {
        is_cjk_code(&self.code)
    }
}

pub fn is_cjk_code(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    matches!(primary.as_str(), "zh" | "ja" | "ko" | "yue" | "cmn" | "wuu")
}

/// A term of a taxonomy: a language-neutral key and a label per language.
#[derive(Debug, Clone)]
pub struct Term {
    pub key: String,
    /// Indexed like [`Config::languages`].
    pub labels: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub name: String,
    pub labels: Vec<String>,
    pub terms: Vec<Term>,
    /// Each term's key → its index in `terms`, so that a lookup does not grow
    /// with the number of terms.
    by_key: HashMap<String, usize>,
}

impl Taxonomy {
    pub fn new(name: String, labels: Vec<String>, terms: Vec<Term>) -> Self {
        let mut by_key = HashMap::with_capacity(terms.len());
        for (i, term) in terms.iter().enumerate() {
            by_key.entry(term.key.clone()).or_insert(i);
        }
        Taxonomy {
            name,
            labels,
            terms,
            by_key,
        }
    }

    pub fn term(&self, key: &str) -> Option<&Term> {
        self.by_key.get(key).map(|&i| &self.terms[i])
    }
}

/// The site's configuration, validated.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder that holds site.toml.
    pub root: PathBuf,
    /// Without a trailing slash: `https://example.org` or `https://host/sub`.
    pub base_url: String,
    /// The path part of the base URL without a trailing slash: "" or "/sub".
    pub base_path: String,
    pub theme: String,
    pub paginate_by: usize,
    /// How many cases each language's Atom feed holds.
    pub feed_limit: usize,
    /// The publisher named in structured data, per language (the site title unless site.toml says).
    pub publisher: Vec<String>,
    pub raw_html: RawHtml,
    pub highlight_theme: String,
    /// The default language first, the others in the order of site.toml.
    pub languages: Vec<Language>,
    pub taxonomies: Vec<Taxonomy>,
    pub catalogue: Catalogue,
    /// The plan's numeric goals, shown on the progress page.
    pub targets: Vec<Target>,
    /// What government-site rules ask every page to show.
    pub government: Government,
    /// Content paths of the pages every footer links to.
    pub footer_links: Vec<String>,
    /// The site's fixed renderings of key terms, for the editorial checks.
    pub glossary: Vec<GlossaryEntry>,
    /// The site path of the emblem or logo in the header (`/emblem.svg`), if any.
    pub logo: Option<String>,
    /// `[casebook]`: the printed casebook's title, preface, fonts and publishing.
    pub casebook: crate::casebook::Settings,
}

/// The identity a Chinese government website shows in its footer and meta tags.
#[derive(Debug, Clone, Default)]
pub struct Government {
    /// 主办单位, per language.
    pub host: Option<Vec<String>>,
    /// 联系方式, per language.
    pub contact: Option<Vec<String>>,
    /// 网站标识码 (ten characters).
    pub site_code: Option<String>,
    /// ICP备案号, such as 沪ICP备12345678号.
    pub icp: Option<String>,
    /// 公安备案号, such as 沪公网安备 31010702001234号.
    pub police: Option<String>,
    /// The digits of the police filing, for the link to its record.
    pub police_code: Option<String>,
}

/// A key term of the default language and how the other languages must render it.
#[derive(Debug, Clone)]
pub struct GlossaryEntry {
    /// The term in the default language: `产教融合`.
    pub term: String,
    /// The site's rendering in each language (indexed like [`Config::languages`]; `None` for
    /// the default language and for languages the entry does not cover).
    pub renderings: Vec<Option<String>>,
    /// Other renderings that pages in those languages must not use.
    pub avoid: Vec<String>,
}

/// The page that lists every case, with filters.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// Its folder in content/: when a section lives there, that section is the catalogue.
    pub key: String,
    /// Titles per language; `None` takes the theme's UI string `catalogue_title`.
    pub titles: Option<Vec<String>>,
}

/// One condition of a target's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Term { taxonomy: String, term: String },
    Level(String),
    Year(i32),
}

/// A numeric goal of the plan: how many cases matching `conditions` by `year`.
#[derive(Debug, Clone)]
pub struct Target {
    pub labels: Vec<String>,
    pub conditions: Vec<Condition>,
    pub goal: u32,
    pub year: Option<i32>,
}

impl Config {
    /// Reads and validates `<root>/site.toml`.
    pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<Config, Failure> {
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Failure::Usage(format!(
                    "there is no site.toml in {}; run showcase in a site's folder or pass --root DIR",
                    display_root(root)
                )));
            }
            Err(e) => return Err(Failure::io("read", &path, e)),
        };
        Config::parse(root, &text, base_url_override).map_err(Failure::Content)
    }

    /// Parses and validates the text of a site.toml.
    pub fn parse(root: &Path, text: &str, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            vec![Diagnostic::error(CONFIG_FILE, line, col, toml_message(e.message()))]
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

        // Languages, the default one first.
        let default_code = raw.default_language.get_ref().clone();
        let raw_languages = raw.languages.get_ref();
        if !raw_languages.contains_key(&default_code) {
            let known: Vec<&str> = raw_languages.keys().map(String::as_str).collect();
            errors.push(at(
                raw.default_language.span(),
                format!(
                    "default_language \"{default_code}\" has no [languages.{default_code}] table{}",
                    diagnostics::suggestion(&default_code, known)
                ),
            ));
        }
        let mut ordered: Vec<(&String, &Spanned<RawLanguage>)> = raw_languages.iter().collect();
        ordered.sort_by_key(|(code, _)| **code != default_code);
        let mut languages = Vec::new();
        for (code, spanned) in ordered {
            let lang = spanned.get_ref();
            if !is_language_code(code) {
                errors.push(at(
                    spanned.span(),
                    format!("\"{code}\" is not a language code; use a code such as \"zh\" or \"en\""),
                ));
                continue;
            }
            let date_format = match &lang.date_format {
                Some(f) => {
                    let probe = jiff::civil::date(2021, 1, 12);
                    if let Err(e) = jiff::fmt::strtime::format(f.get_ref().as_bytes(), probe) {
                        errors.push(at(
                            f.span(),
                            format!("date_format \"{}\" is not valid: {e}", f.get_ref()),
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
        let labels = |map: &Spanned<BTreeMap<String, String>>, what: &str, errors: &mut Vec<Diagnostic>| {
            let mut out = Vec::new();
            for code in &codes {
                match map.get_ref().get(code) {
                    Some(label) if !label.trim().is_empty() => out.push(label.clone()),
                    _ => {
                        errors.push(at(
                            map.span(),
                            format!("{what} has no label in language \"{code}\"; add {code} = \"…\""),
                        ));
                        out.push(String::new());
                    }
                }
            }
            for extra in map.get_ref().keys() {
                if !codes.contains(extra) {
                    errors.push(at(
                        map.span(),
                        format!(
                            "{what} has a label in \"{extra}\", which is not a language of the site{}",
                            diagnostics::suggestion(extra, codes.iter().map(String::as_str))
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
                errors.push(at(
                    spanned.span(),
                    format!("a taxonomy cannot be called \"{name}\": that name is a front-matter field"),
                ));
            }
            if !is_key(name) {
                errors.push(at(
                    spanned.span(),
                    format!("taxonomy name \"{name}\" must be lowercase letters, digits and hyphens"),
                ));
            }
            let labels_of_tax = labels(&tax.label, &format!("taxonomy \"{name}\""), &mut errors);
            let mut terms = Vec::new();
            for (key, term) in &tax.terms {
                if !is_key(key) {
                    errors.push(at(
                        term.span(),
                        format!("term key \"{key}\" must be lowercase letters, digits and hyphens (it becomes a URL)"),
                    ));
                }
                let term_labels = labels(term, &format!("term \"{key}\" of taxonomy \"{name}\""), &mut errors);
                terms.push(Term {
                    key: key.clone(),
                    labels: term_labels,
                });
            }
            taxonomies.push(Taxonomy::new(name.clone(), labels_of_tax, terms));
        }

        let paginate_by = *raw.paginate_by.get_ref();
        if !(1..=1000).contains(&paginate_by) {
            errors.push(at(
                raw.paginate_by.span(),
                "paginate_by must be a whole number from 1 to 1000".into(),
            ));
        }

        let feed_limit = *raw.feed_limit.get_ref();
        if !(1..=10_000).contains(&feed_limit) {
            errors.push(at(
                raw.feed_limit.span(),
                "feed_limit must be a whole number from 1 to 10000".into(),
            ));
        }
        let publisher = match &raw.publisher {
            Some(names) => labels(names, "publisher", &mut errors),
            None => languages.iter().map(|l| l.title.clone()).collect(),
        };

        let highlight_theme = raw.highlight.theme.get_ref().clone();
        let themes = crate::markdown::highlight::theme_names();
        if !themes.iter().any(|t| *t == highlight_theme) {
            errors.push(at(
                raw.highlight.theme.span(),
                format!(
                    "unknown highlight theme \"{highlight_theme}\"{}; the themes are: {}",
                    diagnostics::suggestion(&highlight_theme, themes.iter().copied()),
                    themes.join(", ")
                ),
            ));
        }

        let theme = raw.theme.get_ref().clone();
        if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
            errors.push(at(
                raw.theme.span(),
                format!("theme \"{theme}\" must be the name of a folder in themes/"),
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
                    errors.push(Diagnostic::error("--base-url", 0, 0, message));
                } else {
                    errors.push(at(raw.base_url.span(), message));
                }
                String::new()
            }
        };

        let catalogue = {
            let key = match &raw.catalogue.path {
                Some(path) => {
                    let key = path.get_ref().trim_matches('/').to_string();
                    if key.is_empty() || !key.split('/').all(is_key) {
                        errors.push(at(
                            path.span(),
                            format!("catalogue path \"{}\" must be folder names of lowercase letters, digits and hyphens, such as \"cases\"", path.get_ref()),
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
                .map(|t| labels(t, "the catalogue", &mut errors));
            Catalogue { key, titles }
        };

        let mut targets = Vec::new();
        for spanned in &raw.targets {
            let target = spanned.get_ref();
            let labels = labels(&target.label, "a target", &mut errors);
            let mut conditions = Vec::new();
            for (field, value) in target.count.get_ref() {
                let text = match value.get_ref() {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Integer(i) => i.to_string(),
                    _ => {
                        errors.push(at(
                            value.span(),
                            format!("count.{field} must be a term key such as \"enterprise\""),
                        ));
                        continue;
                    }
                };
                match field.as_str() {
                    "level" => {
                        if text == "municipal" || text == "district" {
                            conditions.push(Condition::Level(text));
                        } else {
                            errors.push(at(
                                value.span(),
                                format!(
                                    "count.level must be \"municipal\" or \"district\", not \"{text}\"{}",
                                    diagnostics::suggestion(&text, ["municipal", "district"])
                                ),
                            ));
                        }
                    }
                    "year" => match text.parse::<i32>() {
                        Ok(year) => conditions.push(Condition::Year(year)),
                        Err(_) => errors.push(at(
                            value.span(),
                            format!("count.year must be a year such as 2025, not \"{text}\""),
                        )),
                    },
                    name => {
                        match taxonomies.iter().find(|t: &&Taxonomy| t.name == name) {
                            Some(tax) if tax.term(&text).is_some() => conditions.push(Condition::Term {
                                taxonomy: name.to_string(),
                                term: text,
                            }),
                            Some(tax) => errors.push(at(
                                value.span(),
                                format!(
                                    "the target counts {name} \"{text}\", which site.toml does not define{}",
                                    match diagnostics::did_you_mean(&text, tax.terms.iter().map(|t| t.key.as_str())) {
                                        Some(k) => format!("; did you mean \"{k}\"?"),
                                        None => format!(
                                            "; the terms are: {}",
                                            diagnostics::listing(tax.terms.iter().map(|t| t.key.as_str()))
                                        ),
                                    }
                                ),
                            )),
                            None => {
                                let known = ["level", "year"]
                                    .into_iter()
                                    .chain(taxonomies.iter().map(|t| t.name.as_str()));
                                errors.push(at(target.count.span(), format!(
                                "the target counts by \"{name}\", which is neither a taxonomy nor level or year{}",
                                diagnostics::suggestion(name, known)
                            )));
                            }
                        }
                    }
                }
            }
            let goal = *target.goal.get_ref();
            if !(1..=1_000_000).contains(&goal) {
                errors.push(at(target.goal.span(), "goal must be a whole number from 1 up".into()));
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
            host: raw_gov.host.as_ref().map(|h| labels(h, "government.host", &mut errors)),
            contact: raw_gov
                .contact
                .as_ref()
                .map(|c| labels(c, "government.contact", &mut errors)),
            ..Government::default()
        };
        if let Some(code) = &raw_gov.site_code {
            let text = code.get_ref().trim();
            if text.len() != 10 || !text.bytes().all(|b| b.is_ascii_alphanumeric()) {
                errors.push(at(
                    code.span(),
                    format!("site_code \"{text}\" must be the ten-character website identification code (网站标识码)"),
                ));
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
                errors.push(at(
                    police.span(),
                    format!(
                        "police \"{text}\" must hold the filing number's digits, such as 沪公网安备 31010702001234号"
                    ),
                ));
            }
            government.police = Some(text.to_string());
            government.police_code = Some(digits);
        }
        let mut footer_links = Vec::new();
        for link in &raw.footer_links {
            let path = link.get_ref().trim_start_matches('/').to_string();
            if !path.ends_with(".md") || path.split('/').any(|p| p == ".." || p.is_empty()) {
                errors.push(at(
                    link.span(),
                    format!(
                        "footer link \"{}\" must be a Markdown file in content/, such as \"about/site.md\"",
                        link.get_ref()
                    ),
                ));
            }
            footer_links.push(path);
        }
        let glossary = glossary(&raw.glossary, &languages, &at, &mut errors);
        let casebook = crate::casebook::settings::validate(raw.casebook, &languages, &at, &mut errors);

        if !errors.is_empty() {
            return Err(errors);
        }
        let logo = raw.logo.as_ref().and_then(|logo| {
            let rel = logo.get_ref().trim_start_matches('/');
            let safe = !rel.is_empty() && rel.split(['/', '\\']).all(|part| !part.is_empty() && part != "..");
            if safe && root.join("static").join(rel).is_file() {
                Some(format!("/{rel}"))
            } else {
                errors.push(at(
                    logo.span(),
                    format!(
                        "logo = \"{}\": there is no such file in the site's static/ folder; put the emblem there (static/emblem.svg) and write logo = \"emblem.svg\"",
                        logo.get_ref()
                    ),
                ));
                None
            }
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            casebook,
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
        })
    }

    /// The index of a language code, if the site has it.
    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    pub fn taxonomy(&self, name: &str) -> Option<&Taxonomy> {
        self.taxonomies.iter().find(|t| t.name == name)
    }

    /// A site path (`/cases/a/`) as a link: with the base path in front, ASCII only
    /// (`/cases/café/` → `/cases/caf%C3%A9/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_path, crate::url::encode_link(path))
    }

    /// The host name of the base URL: `example.org`.
    pub fn domain(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        rest.split('/').next().unwrap_or(rest)
    }

    /// A site path as an absolute URL.
    pub fn permalink(&self, path: &str) -> String {
        let origin_len = self.base_url.len() - self.base_path.len();
        format!("{}{}", &self.base_url[..origin_len], self.link(path))
    }

    /// A link (a site path with the base path, as [`Config::link`] gives) as an absolute URL.
    pub fn absolute(&self, link: &str) -> String {
        let origin_len = self.base_url.len() - self.base_path.len();
        format!("{}{link}", &self.base_url[..origin_len])
    }

    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }
}

/// Checks `[glossary]`: each entry's keys are language codes (not the default one, whose
/// rendering is the term itself) with text, and `avoid`, a list of variants.
fn glossary(
    raw: &IndexMap<String, Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
    languages: &[Language],
    at: &impl Fn(std::ops::Range<usize>, String) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
) -> Vec<GlossaryEntry> {
    let shape = "write it as \"产教融合\" = { en = \"industry-education integration\", avoid = [\"integration of industry and education\"] }";
    let mut entries = Vec::new();
    for (term, spanned) in raw {
        let mut entry = GlossaryEntry {
            term: term.clone(),
            renderings: vec![None; languages.len()],
            avoid: Vec::new(),
        };
        for (key, value) in spanned.get_ref() {
            let mut bad = |message: String| errors.push(at(value.span(), message));
            if key == "avoid" {
                let list = value.get_ref().as_array().and_then(|items| {
                    items
                        .iter()
                        .map(|i| i.as_str().map(str::trim).filter(|s| !s.is_empty()).map(String::from))
                        .collect::<Option<Vec<String>>>()
                });
                match list {
                    Some(list) => entry.avoid = list,
                    None => bad(format!("glossary \"{term}\": avoid must be a list of texts; {shape}")),
                }
                continue;
            }
            match languages.iter().position(|l| l.code == *key) {
                Some(0) => bad(format!(
                    "glossary \"{term}\": the term itself is the {} text; remove {key} = …",
                    languages[0].name
                )),
                Some(lang) => match value.get_ref().as_str().map(str::trim) {
                    Some(text) if !text.is_empty() => entry.renderings[lang] = Some(text.to_string()),
                    _ => bad(format!("glossary \"{term}\": {key} must be non-empty text; {shape}")),
                },
                None => bad(format!(
                    "glossary \"{term}\" has \"{key}\", which is neither a language of the site nor avoid{}",
                    diagnostics::suggestion(key, languages.iter().skip(1).map(|l| l.code.as_str()).chain(["avoid"]))
                )),
            }
        }
        if !entry.avoid.is_empty() && entry.renderings.iter().all(Option::is_none) {
            errors.push(at(
                spanned.span(),
                format!("glossary \"{term}\" lists variants to avoid but no rendering to use instead; {shape}"),
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
                    format!("glossary \"{term}\": \"{variant}\" is both the rendering and a variant to avoid"),
                ));
            }
        }
        entries.push(entry);
    }
    entries
}

fn display_root(root: &Path) -> String {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        "this folder".to_string()
    } else {
        root.display().to_string()
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
fn parse_base_url(url: &str) -> Result<String, String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url \"{url}\" must start with https:// or http://"))?;
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    if host.is_empty() || host.contains(['?', '#', ' ', '\\']) {
        return Err(format!("base_url \"{url}\" has no valid host name"));
    }
    if path.contains(['?', '#', ' ', '\\', '"', '<', '>']) || path.split('/').any(|s| s == ".." || s == ".") {
        return Err(format!(
            "base_url \"{url}\" has a path that cannot be a folder of the site"
        ));
    }
    let path = path.trim_end_matches('/');
    Ok(if path.is_empty() {
        String::new()
    } else {
        format!("/{path}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
base_url = "https://example.org/"
default_language = "zh"
[languages.en]
title = "Cases"
[languages.zh]
title = "案例"
[taxonomies.industry]
label = { zh = "产业", en = "Industry" }
terms.fintech = { zh = "科技金融", en = "Tech finance" }
"#;

    #[test]
    fn default_language_comes_first() {
        let config = Config::parse(Path::new("."), MINIMAL, None).unwrap();
        assert_eq!(config.languages[0].code, "zh");
        assert_eq!(config.languages[0].tag, "zh-CN");
        assert_eq!(config.languages[1].url_prefix, "/en");
        assert_eq!(config.base_url, "https://example.org");
        assert_eq!(config.taxonomies[0].terms[0].labels, vec!["科技金融", "Tech finance"]);
    }

    #[test]
    fn sub_path_base_url() {
        let config = Config::parse(Path::new("."), MINIMAL, Some("https://host/cases-site/")).unwrap();
        assert_eq!(config.base_path, "/cases-site");
        assert_eq!(config.link("/a/"), "/cases-site/a/");
        assert_eq!(config.permalink("/a/"), "https://host/cases-site/a/");
    }

    #[test]
    fn feed_limit_and_publisher() {
        let config = Config::parse(Path::new("."), MINIMAL, None).unwrap();
        assert_eq!(config.feed_limit, 20);
        assert_eq!(config.publisher, vec!["案例", "Cases"]);
        let text = MINIMAL.replace(
            "default_language = \"zh\"",
            "default_language = \"zh\"\nfeed_limit = 5\npublisher = { zh = \"普陀区\", en = \"Putuo\" }",
        );
        let config = Config::parse(Path::new("."), &text, Some("https://host/sub/")).unwrap();
        assert_eq!(config.feed_limit, 5);
        assert_eq!(config.publisher, vec!["普陀区", "Putuo"]);
        assert_eq!(config.absolute("/sub/a.png"), "https://host/sub/a.png");
        let text = MINIMAL.replace(
            "default_language = \"zh\"",
            "default_language = \"zh\"\nfeed_limit = 0\npublisher = { zh = \"普陀区\" }",
        );
        let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
        assert!(errors.iter().any(|e| e.message.starts_with("feed_limit")), "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("publisher has no label in language \"en\"")),
            "{errors:?}"
        );
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let errors = Config::parse(Path::new("."), "base_url = \"x\"\ndefault_language = \n", None).unwrap_err();
        assert_eq!(errors[0].line, 2, "{errors:?}");
        assert!(errors[0].col > 0);
    }

    #[test]
    fn missing_label_and_unknown_default_reported_together() {
        let text = MINIMAL
            .replace("default_language = \"zh\"", "default_language = \"zn\"")
            .replace(", en = \"Tech finance\"", "");
        let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
        let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            all.iter()
                .any(|e| e.contains("default_language \"zn\"") && e.contains("did you mean \"zh\"")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|e| e.contains("term \"fintech\"") && e.contains("\"en\"")),
            "{all:?}"
        );
    }

    #[test]
    fn targets_are_checked_against_taxonomies() {
        let text = format!(
            "{MINIMAL}\n[[targets]]\nlabel = {{ zh = \"企业\", en = \"Enterprises\" }}\ncount = {{ industry = \"fintec\", level = \"municipal\" }}\ngoal = 10\nyear = 2025\n"
        );
        let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("counts industry \"fintec\"")
                && errors[0].message.contains("did you mean \"fintech\""),
            "{errors:?}"
        );
        assert_eq!(errors[0].line, 14);
        let good = text.replace("fintec\"", "fintech\"");
        let config = Config::parse(Path::new("."), &good, None).unwrap();
        assert_eq!(config.targets[0].goal, 10);
        assert_eq!(config.targets[0].conditions.len(), 2);
    }

    #[test]
    fn the_glossary_is_checked() {
        let good = format!(
            "{MINIMAL}\n[glossary]\n\"产教融合\" = {{ en = \"industry-education integration\", avoid = [\"integration of industry and education\"] }}\n"
        );
        let config = Config::parse(Path::new("."), &good, None).unwrap();
        let entry = &config.glossary[0];
        assert_eq!(entry.term, "产教融合");
        assert_eq!(
            entry.renderings,
            vec![None, Some("industry-education integration".to_string())]
        );
        assert_eq!(entry.avoid, vec!["integration of industry and education"]);
        let bad = good
            .replace("{ en = \"industry", "{ eng = \"industry")
            .replace("avoid = [", "zh = \"x\", avoid = [");
        let errors = Config::parse(Path::new("."), &bad, None).unwrap_err();
        let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            all.iter().any(|e| e.contains("glossary \"产教融合\" has \"eng\", which is neither a language of the site nor avoid; did you mean \"en\"?")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|e| e.contains("the term itself is the 中文 text; remove zh")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|e| e.contains("lists variants to avoid but no rendering")),
            "{all:?}"
        );
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors.iter().all(|e| e.line == 13), "{errors:?}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let text = format!("{MINIMAL}\npaginate = 3\n");
        let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
        assert!(errors[0].message.contains("paginate"), "{errors:?}");
        assert!(errors[0].line > 0);
    }
}
