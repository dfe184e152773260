//! What a book is made of and made into: the input (the site, the cases
//! chosen, the fonts), its Typst source with the files of its virtual folder,
//! the limits on the images printed, and Typst string literals, in which
//! everything from the site enters the source.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use super::fonts::Families;
use super::select::Entry;
use crate::config::Config;
use crate::content::{Doc, Library};
use crate::markdown::Links;

/// The largest image printed, in pixels (width × height): a 12-megapixel photo
/// is 4000 × 3000; larger ones only slow the book and swell the file.
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;
/// The largest image file printed, in bytes.
pub const MAX_IMAGE_BYTES: u64 = 30 * 1024 * 1024;

/// A file the Typst source refers to, by its path in the book's virtual folder.
#[derive(Debug, Clone)]
pub enum FileData {
    Disk(PathBuf),
    Memory(Vec<u8>),
}

/// The files of a book: `/img/3.png` → an image of the site, `/qr/3.svg` → a QR code.
pub type Files = HashMap<String, FileData>;

/// What the book is made of.
pub struct BookInput<'a> {
    pub config: &'a Config,
    pub library: &'a Library,
    pub links: &'a Links<'a>,
    pub lang: usize,
    pub entries: &'a [Entry<'a>],
    pub families: &'a Families,
    /// The date on the cover, formatted.
    pub date: String,
    pub preface: Option<&'a Doc>,
    /// A one-case leaflet: no cover, no table of contents.
    pub leaflet: bool,
}

/// A book's Typst source and its files.
pub struct Document {
    pub source: String,
    pub files: Files,
    /// The part of `source` each case's page is, for errors the typesetter reports.
    pub spans: Vec<(Range<usize>, PathBuf)>,
}

/// A Typst string literal of `s`: `"a \"b\""`.
pub fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    escape_into(&mut out, s);
    out.push('"');
    out
}

/// `s` escaped for the inside of a Typst string literal; control characters are dropped.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}
