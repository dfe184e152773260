//! The printed casebook (典型案例汇编): the site's cases as an A4 PDF per
//! language, typeset by Typst used as a library.
//!
//! Steps: find the fonts ([`fonts`]); per language, choose the cases in the
//! site's order ([`select`]); generate the Typst source with the cover, the
//! preface, the table of contents and one page per case ([`markup`], each
//! case's body by [`body`], from the input [`book`] describes); typeset
//! it into a PDF with fonts embedded and subset ([`world`]). `showcase
//! casebook` writes the PDFs; `build` with `[casebook] publish = true` puts
//! them into the site ([`publish`]).

#[cfg(feature = "casebook")]
mod body;
#[cfg(feature = "casebook")]
mod book;
#[cfg(feature = "casebook")]
mod fonts;
#[cfg(feature = "casebook")]
mod labels;
#[cfg(feature = "casebook")]
mod markup;
#[cfg(feature = "casebook")]
mod select;
#[cfg(feature = "casebook")]
mod world;

use std::path::PathBuf;

pub use crate::config::casebook::{Settings, home_link, site_path};

use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::Failure;
use crate::output::Sink;
#[cfg(feature = "casebook")]
use {
    crate::content::{Doc, front_matter},
    crate::diagnostics::Diagnostic,
    crate::markdown::Links,
    crate::markdown::highlight::Highlighter,
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
    Err(crate::keyed!("casebook-not-built").into())
}

/// Typesets the books asked for, one per language.
#[cfg(feature = "casebook")]
pub fn make(config: &Config, library: &Library, request: &Request) -> Result<Vec<Book>, Failure> {
    books(config, library, request, |book| {
        let typeset = world::typeset(&book.document, book.fonts, book.today)?;
        Ok(Book {
            lang: book.lang,
            pdf: typeset.pdf,
            pages: typeset.pages,
            cases: book.cases,
        })
    })
}

/// One language's book, written out as Typst source, before it is typeset.
#[cfg(feature = "casebook")]
struct Prepared<'a> {
    lang: usize,
    document: book::Document,
    cases: usize,
    fonts: &'a fonts::Fonts,
    today: jiff::civil::Date,
}

/// Generates the source of each language's book and hands it to `finish`, one
/// language after another: a book being typeset is most of the memory a run
/// takes (some 2 GB for 1,000 cases), and Typst spreads one over the cores itself.
#[cfg(feature = "casebook")]
fn books<T>(
    config: &Config,
    library: &Library,
    request: &Request,
    finish: impl Fn(Prepared<'_>) -> Result<T, Failure>,
) -> Result<Vec<T>, Failure> {
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
    let today = crate::content::schedule::today(config)?;
    let mut made = Vec::with_capacity(request.langs.len());
    for &lang in &request.langs {
        let entries = match case {
            Some(case) => vec![select::entry(config, library, case, lang).ok_or_else(|| {
                Failure::from(crate::keyed!(
                    "casebook-case-no-version",
                    file = library.docs[case].source.display().to_string(),
                    lang = &config.languages[lang].name,
                    code = &config.languages[lang].code
                ))
            })?],
            None => select::entries(config, library, lang, &request.sections)?,
        };
        let preface = match (&config.casebook.preface, case) {
            (Some(path), None) => Some(preface(library, path, lang)?),
            _ => None,
        };
        let language = &config.languages[lang];
        let input = book::BookInput {
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
        made.push(finish(Prepared {
            lang,
            document,
            cases: entries.len(),
            fonts: &fonts,
            today,
        })?);
    }
    Ok(made)
}

/// The font files a published book may be set in, each with the stamp of its
/// size, times and inode (a build that has nothing else to do compares them);
/// none when the site publishes no book.
pub fn font_stamps(config: &Config) -> Vec<(PathBuf, u64)> {
    if !config.casebook.publish {
        return Vec::new();
    }
    #[cfg(feature = "casebook")]
    let files = fonts::files(&config.root, &config.casebook.fonts);
    #[cfg(not(feature = "casebook"))]
    let files: Vec<PathBuf> = Vec::new();
    files
        .into_iter()
        .map(|path| {
            let stamp = std::fs::metadata(&path).map_or(0, |meta| crate::cache::file_stamp(&meta));
            (path, stamp)
        })
        .collect()
}

/// Without the feature "casebook", `[casebook] publish` is an error that says how to get it.
#[cfg(not(feature = "casebook"))]
pub fn publish(config: &Config, _library: &Library, _sink: &dyn Sink) -> Result<usize, Failure> {
    if !config.casebook.publish {
        return Ok(0);
    }
    make(config, _library, &Request::default()).map(|_| 0)
}

/// With `[casebook] publish = true`: writes the book of every language at its
/// site path (`/casebook.pdf`, `/en/casebook.pdf`) and returns how many files
/// it published; nothing otherwise. A book is a job like a page: its key is a
/// hash of its Typst source, the files that source names and the fonts, and a
/// book whose key is the one it was last made with is the site's file as it
/// stands (typesetting is the slowest thing a build can do: a minute for 1,000
/// cases).
#[cfg(feature = "casebook")]
pub fn publish(config: &Config, library: &Library, sink: &dyn Sink) -> Result<usize, Failure> {
    if !config.casebook.publish {
        return Ok(0);
    }
    let request = Request {
        langs: (0..config.languages.len()).collect(),
        ..Request::default()
    };
    let written = books(config, library, &request, |book| {
        let path = site_path(config, book.lang);
        let key = key(&book);
        let record_file = config
            .root
            .join(crate::cache::DIR)
            .join(format!("casebook-{}.json", config.languages[book.lang].code));
        let remembered = MADE
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .and_then(|m| m.get(&record_file).copied());
        let recorded = remembered.or_else(|| crate::cache::load::<Made>(&record_file));
        if let Some(made) = recorded.filter(|m| m.key == key)
            && sink.reuse(&path, made.len, made.hash, 0).is_some()
        {
            return Ok(());
        }
        let typeset = world::typeset(&book.document, book.fonts, book.today)?;
        sink.write(&path, &typeset.pdf)?;
        let made = Made {
            key,
            len: typeset.pdf.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(&typeset.pdf),
        };
        // Only a speed-up: a record that cannot be saved makes the next build typeset again.
        let _ = crate::cache::save(&record_file, &made);
        MADE.lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert_default()
            .insert(record_file, made);
        Ok(())
    })?;
    Ok(written.len())
}

/// What a published book was made from (its key) and what it came to.
#[cfg(feature = "casebook")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Made {
    key: u64,
    len: u64,
    hash: u64,
}

/// The books published in this run, by their record file: `serve` rebuilds
/// without saving records, and should not typeset a book again that it has
/// just made.
#[cfg(feature = "casebook")]
static MADE: std::sync::Mutex<Option<std::collections::HashMap<PathBuf, Made>>> = std::sync::Mutex::new(None);

/// The key of a book: everything its typesetting reads.
#[cfg(feature = "casebook")]
fn key(book: &Prepared<'_>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    book.document.source.hash(&mut h);
    book.today.to_string().hash(&mut h);
    format!("{:?}", book.fonts.families).hash(&mut h);
    let mut files: Vec<_> = book.document.files.iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    for (name, data) in files {
        name.hash(&mut h);
        match data {
            book::FileData::Memory(bytes) => bytes.hash(&mut h),
            // An image's bytes: a photo replaced under the same name changes the book.
            book::FileData::Disk(path) => std::fs::read(path).unwrap_or_default().hash(&mut h),
        }
    }
    h.finish()
}

#[cfg(feature = "casebook")]
/// The preface page in a language (its translation, else the original).
fn preface<'a>(library: &'a Library, path: &str, lang: usize) -> Result<&'a Doc, Failure> {
    let original = library.docs.iter().find(|d| d.rel == path).ok_or_else(|| {
        Failure::Content(vec![Diagnostic::error_keyed(
            "site.toml",
            0,
            0,
            crate::keyed!("casebook-no-preface", path = path),
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
