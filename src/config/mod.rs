//! `site.toml` → a validated [`Config`], read once and never changed after.
//!
//! Steps: parse the TOML into raw serde structs (syntax errors and unknown
//! keys carry line and column), then check what TOML cannot: the default
//! language exists, every label exists in every language, date formats and
//! the highlight theme are valid. All problems are reported together. The
//! raw structs and their checks are in [`parse`].

pub mod casebook;
pub mod menu;
mod parse;
#[cfg(test)]
mod tests;

use parse::display_root;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::Failure;

pub const CONFIG_FILE: &str = "site.toml";

/// Names that front matter uses for its own fields; a taxonomy may not take them.
pub const RESERVED_FIELDS: &[&str] = &[
    "title",
    "summary",
    "date",
    "updated",
    "expires",
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub key: String,
    /// Indexed like [`Config::languages`].
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
    /// The IANA time zone whose day decides which pages are published (`timezone`).
    pub timezone: String,
    /// Whether feed entries hold the whole text (`[feeds] full_text`), not only the summary.
    pub feed_full_text: bool,
    /// `[extra]`: free-form settings for the theme, `site.extra` in templates.
    pub extra: toml::Table,
    /// `[[menu]]`: the header's navigation, by weight; empty for the theme's own.
    pub menu: Vec<menu::MenuEntry>,
    /// `[casebook]`: the printed casebook's title, preface, fonts and publishing.
    pub casebook: casebook::Settings,
}

/// The identity a Chinese government website shows in its footer and meta tags.
#[derive(Debug, Clone, Default, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
                return Err(crate::keyed!("config-no-site", folder = display_root(root)).into());
            }
            Err(e) => return Err(Failure::io("read", &path, e)),
        };
        Config::parse(root, &text, base_url_override).map_err(Failure::Content)
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

/// The time zone of a site whose site.toml names none.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Shanghai";

/// A time zone by its IANA name (`Asia/Shanghai`), from the system's database;
/// where the system has none, the zones of China and UTC are still known, as
/// fixed offsets (none of them has changed its offset since 1991).
pub fn time_zone(name: &str) -> Option<jiff::tz::TimeZone> {
    if let Ok(tz) = jiff::tz::TimeZone::get(name) {
        return Some(tz);
    }
    let hours = match name {
        "Asia/Shanghai" | "Asia/Chongqing" | "Asia/Harbin" | "Asia/Urumqi" | "Asia/Hong_Kong" | "Asia/Macau"
        | "Asia/Taipei" | "PRC" => 8,
        "UTC" | "Etc/UTC" | "GMT" => 0,
        _ => return None,
    };
    Some(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(hours)))
}
