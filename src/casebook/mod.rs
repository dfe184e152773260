//! The printed casebook (典型案例汇编): the site's cases as an A4 PDF per
//! language, typeset by Typst used as a library.
//!
//! Steps: find the fonts ([`fonts`]); per language, choose the cases in the
//! site's order ([`select`]); generate the Typst source with the cover, the
//! preface, the table of contents and one page per case ([`markup`]); typeset
//! it into a PDF with fonts embedded and subset ([`world`]). `showcase
//! casebook` writes the PDFs; `build` with `[casebook] publish = true` puts
//! them into the site ([`publish`]).

#[cfg(feature = "casebook")]
mod fonts;
#[cfg(feature = "casebook")]
mod labels;
#[cfg(feature = "casebook")]
mod markup;
#[cfg(feature = "casebook")]
mod select;
pub mod settings;
#[cfg(feature = "casebook")]
mod world;

use std::path::PathBuf;

pub use settings::Settings;

use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::Failure;
#[cfg(feature = "casebook")]
use {
    crate::content::{Doc, front_matter},
    crate::diagnostics::Diagnostic,
    crate::markdown::Links,
    crate::markdown::highlight::Highlighter,
    rayon::prelude::*,
    std::borrow::Cow,
};

/// What to print.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Languages, indexed like `Config::languages`.
    pub langs: Vec<usize>,
    /// Folders of content/ to limit the book to; all when empty.
    pub sections: Vec<String>,
    /// One case (a Markdown file): a leaflet instead of a book.
    pub case: Option<PathBuf>,
}

/// One typeset PDF.
#[derive(Debug)]
pub struct Book {
    pub lang: usize,
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub cases: usize,
}

/// Without the feature "casebook": the error that says how to get it.
#[cfg(not(feature = "casebook"))]
pub fn make(_config: &Config, _library: &Library, _request: &Request) -> Result<Vec<Book>, Failure> {
    Err(Failure::Usage(
        "this showcase was built without the casebook; build it with the feature \"casebook\" (on by default): cargo install --features casebook".to_string(),
    ))
}

/// Typesets the books asked for, one per language, in parallel.
#[cfg(feature = "casebook")]
pub fn make(config: &Config, library: &Library, request: &Request) -> Result<Vec<Book>, Failure> {
    let case = request
        .case
        .as_deref()
        .map(|file| select::find_case(library, file))
        .transpose()?;
    // Untranslated cases may be printed in the original, so Chinese may be needed in any book.
    let need_cjk = config.languages.iter().any(|l| l.is_cjk());
    let fonts = fonts::Fonts::find(&config.root, &config.casebook.fonts, need_cjk)?;
    let highlighter = Highlighter::new(&config.highlight_theme, None);
    let links = Links::new(config, library, &highlighter);
    let today = today()?;
    request
        .langs
        .par_iter()
        .map(|&lang| {
            let entries = match case {
                Some(case) => vec![select::entry(config, library, case, lang).ok_or_else(|| {
                    Failure::Usage(format!(
                        "--case {}: the case has no {} version, and site.toml's fallback for {} is \"skip\"",
                        library.docs[case].source.display(),
                        config.languages[lang].name,
                        config.languages[lang].code
                    ))
                })?],
                None => select::entries(config, library, lang, &request.sections)?,
            };
            let preface = match (&config.casebook.preface, case) {
                (Some(path), None) => Some(preface(library, path, lang)?),
                _ => None,
            };
            let language = &config.languages[lang];
            let input = markup::BookInput {
                config,
                library,
                links: &links,
                lang,
                entries: &entries,
                families: &fonts.families,
                date: crate::render::format_date(today, &language.date_format),
                preface,
                leaflet: case.is_some(),
            };
            let document = markup::document(&input).map_err(Failure::Content)?;
            let typeset = world::typeset(&document, &fonts, today)?;
            Ok(Book {
                lang,
                pdf: typeset.pdf,
                pages: typeset.pages,
                cases: entries.len(),
            })
        })
        .collect()
}

/// With `[casebook] publish = true`: the books of every language at their site paths
/// (`/casebook.pdf`, `/en/casebook.pdf`); nothing otherwise.
pub fn publish(config: &Config, library: &Library) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    if !config.casebook.publish {
        return Ok(Vec::new());
    }
    let request = Request {
        langs: (0..config.languages.len()).collect(),
        ..Request::default()
    };
    let books = make(config, library, &request)?;
    Ok(books.into_iter().map(|b| (site_path(config, b.lang), b.pdf)).collect())
}

/// Where `build` publishes the casebook of a language: `/casebook.pdf`, `/en/casebook.pdf`.
pub fn site_path(config: &Config, lang: usize) -> String {
    format!("{}/casebook.pdf", config.languages[lang].url_prefix)
}

/// The link to the casebook of a language, when the site publishes it.
pub fn home_link(config: &Config, lang: usize) -> Option<String> {
    config.casebook.publish.then(|| config.link(&site_path(config, lang)))
}

#[cfg(feature = "casebook")]
/// The preface page in a language (its translation, else the original).
fn preface<'a>(library: &'a Library, path: &str, lang: usize) -> Result<&'a Doc, Failure> {
    let original = library.docs.iter().find(|d| d.rel == path).ok_or_else(|| {
        Failure::Content(vec![Diagnostic::file_error(
            "site.toml",
            format!(
                "[casebook] preface = \"{path}\": there is no such page in content/ (or it is a draft); write the preface there, or remove the line"
            ),
        )])
    })?;
    let chosen = library
        .translations
        .get(&original.key)
        .and_then(|versions| versions[lang])
        .map_or(original, |d| &library.docs[d]);
    Ok(chosen)
}

#[cfg(feature = "casebook")]
/// Today: `SHOWCASE_TODAY` if set (for tests and reproducible books), else the clock.
fn today() -> Result<jiff::civil::Date, Failure> {
    match std::env::var(crate::cmd::check::TODAY_VAR) {
        Ok(text) => text.trim().parse().map_err(|_| {
            Failure::Usage(format!(
                "{}=\"{text}\" is not a date; write it as YYYY-MM-DD",
                crate::cmd::check::TODAY_VAR
            ))
        }),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
    }
}

#[cfg(feature = "casebook")]
/// The body of a doc: its Markdown, read again from its file when it was let go of.
pub(crate) fn body_of(doc: &Doc) -> Cow<'_, str> {
    if !doc.body.is_empty() {
        return Cow::Borrowed(&doc.body);
    }
    std::fs::read_to_string(&doc.source)
        .ok()
        .and_then(|text| front_matter::split(&text).ok().map(|s| s.body.to_string()))
        .map_or(Cow::Borrowed(""), Cow::Owned)
}
