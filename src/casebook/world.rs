//! Typst as a library: the world one book is compiled in, and the PDF export.
//!
//! The world holds the generated source as its only Typst file, the book's
//! images and QR codes as further files, and the fonts found. Nothing is read
//! from the network (no packages). A typesetting error is reported against the
//! case whose part of the source it arose in.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use super::book::{Document, FileData};
use super::fonts::Fonts;
use crate::diagnostics::{Diagnostic, Failure};

/// Typst's standard library, built once.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

struct BookWorld<'a> {
    main: Source,
    document: &'a Document,
    fonts: &'a Fonts,
    today: Datetime,
}

impl World for BookWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.vpath().get_with_slash();
        match self.document.files.get(path) {
            Some(FileData::Memory(bytes)) => Ok(Bytes::new(bytes.clone())),
            Some(FileData::Disk(disk)) => std::fs::read(disk)
                .map(Bytes::new)
                .map_err(|e| FileError::from_io(e, disk)),
            None => Err(FileError::NotFound(path.into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// A typeset book: the PDF and its number of pages.
pub struct Typeset {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// Typesets a book's source into a PDF.
pub fn typeset(document: &Document, fonts: &Fonts, today: jiff::civil::Date) -> Result<Typeset, Failure> {
    let main_path = RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new("/casebook.typ").expect("a valid virtual path"),
    );
    let main = Source::new(main_path.intern(), document.source.clone());
    let today = Datetime::from_ymd(today.year().into(), today.month() as u8, today.day() as u8)
        .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date"));
    let world = BookWorld {
        main,
        document,
        fonts,
        today,
    };
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let paged = compiled.map_err(|errors| failure(&world, &errors))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom("showcase-casebook".to_string()),
        creator: Smart::Custom(Some(format!("showcase {}", env!("CARGO_PKG_VERSION")))),
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&paged, &options).map_err(|errors| failure(&world, &errors));
    let pages = paged.pages().len();
    drop(paged);
    // Typst remembers what it computed, for a next compile of the same source;
    // the next book shares little with this one, so that memory goes now (it
    // is most of a run's peak: both books' caches were 4.3 GB at 1,000 cases).
    typst::comemo::evict(0);
    Ok(Typeset { pdf: pdf?, pages })
}

/// Typesetting errors, each named by the file of the case it arose in.
fn failure(world: &BookWorld<'_>, errors: &[SourceDiagnostic]) -> Failure {
    let diagnostics = errors
        .iter()
        .map(|e| {
            let offset = world.range(e.span).map(|r| r.start);
            let file = offset.and_then(|o| {
                world
                    .document
                    .spans
                    .iter()
                    .find(|(range, _)| range.contains(&o))
                    .map(|(_, file)| file.clone())
            });
            let mut message = format!("the casebook cannot be typeset: {}", e.message);
            for hint in &e.hints {
                message.push_str("; ");
                message.push_str(&hint.v);
            }
            match file {
                Some(file) => Diagnostic::file_error(file, message),
                None => Diagnostic::file_error("site.toml", message),
            }
        })
        .collect();
    Failure::Content(diagnostics)
}
