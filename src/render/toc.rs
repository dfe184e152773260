//! A page's table of contents: the headings of its text, for templates.
//!
//! Steps: read the second- and third-level headings of the rendered Markdown
//! (each starts a line as `<h2 id="…">` or `<h3 id="…">`, the form the
//! Markdown writer gives every heading; raw HTML written otherwise is not
//! taken for one), their words as plain text (footnote marks left out); nest
//! each h3 under the h2 before it. [`is_long`] says whether a text is long
//! enough for the default theme to show the table on phones. A page's views
//! share one [`Body`], which unpacks the text and reads its headings once.

use serde::Serialize;

use std::sync::{Arc, OnceLock};

use crate::packed::Packed;
use crate::text::is_cjk_char;

/// One heading: its level (2 or 3), anchor, words, and the h3s under an h2.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct TocItem {
    pub level: u8,
    pub id: String,
    pub text: String,
    pub children: Vec<TocItem>,
}

/// The headings of rendered Markdown, flat, in order: (level, id, text).
pub fn headings(html: &str) -> Vec<(u8, String, String)> {
    let mut items = Vec::new();
    let mut at = 0;
    while let Some(found) = html[at..].find("<h") {
        let start = at + found;
        at = start + 2;
        let level = match html.as_bytes().get(at) {
            Some(b'2') => 2,
            Some(b'3') => 3,
            _ => continue,
        };
        const ID: &str = " id=\"";
        if (start > 0 && !html[..start].ends_with('\n')) || !html[at + 1..].starts_with(ID) {
            continue;
        }
        at += 1 + ID.len();
        let close_tag = if level == 2 { "</h2>" } else { "</h3>" };
        let rest = &html[at..];
        let (Some(quote), Some(open_end), Some(close)) = (rest.find('"'), rest.find('>'), rest.find(close_tag)) else {
            break;
        };
        if quote > open_end || open_end > close {
            continue;
        }
        let id = unescape(&rest[..quote]);
        let text = unescape(plain(&rest[open_end + 1..close]).trim());
        at += close;
        if !text.is_empty() {
            items.push((level, id, text));
        }
    }
    items
}

/// The words of a heading's HTML: tags dropped, and footnote marks (`<sup>`) with their text.
fn plain(inner: &str) -> String {
    let mut text = String::with_capacity(inner.len());
    let (mut in_tag, mut in_mark) = (false, false);
    let mut tag = String::new();
    for c in inner.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' => {
                in_tag = false;
                if tag.starts_with("sup") {
                    in_mark = true;
                } else if tag.starts_with("/sup") {
                    in_mark = false;
                }
            }
            c if in_tag => tag.push(c),
            c if !in_mark => text.push(c),
            _ => {}
        }
    }
    text
}

fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The table of contents: h2s with their h3s (an h3 before any h2 stands on its own).
pub fn toc(html: &str) -> Vec<TocItem> {
    let mut items: Vec<TocItem> = Vec::new();
    for (level, id, text) in headings(html) {
        let item = TocItem {
            level,
            id,
            text,
            children: Vec::new(),
        };
        match items.last_mut() {
            Some(parent) if level == 3 && parent.level == 2 => parent.children.push(item),
            _ => items.push(item),
        }
    }
    items
}

/// The least reading length of a long text, where a Chinese character counts
/// [`CJK_WEIGHT`] and any other character one: about 1,300 Chinese characters
/// or 4,000 letters, five screens of a phone at the normal text size.
pub const LONG_TEXT: usize = 4000;
/// What a Chinese (or Japanese, Korean) character counts for: it says about as
/// much as three letters of an English translation.
pub const CJK_WEIGHT: usize = 3;
/// The fewest second-level headings worth a table of contents.
pub const LONG_HEADINGS: usize = 3;

/// Whether a text is long enough for a table of contents at its top: at least
/// [`LONG_HEADINGS`] sections and [`LONG_TEXT`] of reading.
pub fn is_long(toc: &[TocItem], text: &str) -> bool {
    if toc.iter().filter(|item| item.level == 2).count() < LONG_HEADINGS {
        return false;
    }
    let mut length = 0;
    for c in text.chars() {
        length += if is_cjk_char(c) { CJK_WEIGHT } else { 1 };
        if length >= LONG_TEXT {
            return true;
        }
    }
    false
}

/// A doc's rendered Markdown as its views read it: unpacked at most once, and
/// its headings read at most once, however many views of a page ask (the text,
/// the outline, the table of contents, whether it is long, a WeChat article).
pub struct Body<'a> {
    html: &'a Packed,
    text: &'a Packed,
    unpacked: OnceLock<String>,
    toc: OnceLock<Vec<TocItem>>,
}

impl<'a> Body<'a> {
    pub fn new(html: &'a Packed, text: &'a Packed) -> Body<'a> {
        Body {
            html,
            text,
            unpacked: OnceLock::new(),
            toc: OnceLock::new(),
        }
    }

    /// No text: a list without its section's text.
    pub fn empty() -> Body<'static> {
        Body::new(&EMPTY, &EMPTY)
    }

    /// The HTML.
    pub fn html(&self) -> &str {
        self.unpacked.get_or_init(|| self.html.unpack())
    }

    /// The packed HTML, for hashing.
    pub fn packed(&self) -> &'a Packed {
        self.html
    }

    /// The headings, nested (see [`toc`]).
    pub fn toc(&self) -> &[TocItem] {
        self.toc.get_or_init(|| toc(self.html()))
    }

    /// Whether the text is long (see [`is_long`]).
    pub fn is_long(&self) -> bool {
        is_long(self.toc(), &self.text.unpack())
    }
}

/// No text: a list without its section's text.
static EMPTY: Packed = Packed::EMPTY;

/// A page's table of contents in a template's context; in a page's key (a
/// serialiser that is not human-readable), nothing, as the HTML it is made of is there.
pub struct Toc<'a>(pub Arc<Body<'a>>);

impl Serialize for Toc<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.0.toc().serialize(serializer)
        } else {
            serializer.serialize_unit()
        }
    }
}

/// Whether a page's text is long (see [`is_long`]); in a page's key, nothing,
/// as the HTML is there and the text follows from it.
pub struct Long<'a>(pub Arc<Body<'a>>);

impl Serialize for Long<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_bool(self.0.is_long())
        } else {
            serializer.serialize_unit()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_third_level_headings_under_the_second() {
        let html = "<h3 id=\"pre\">Before</h3>\n<h2 id=\"a\">A &amp; B<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup></h2>\n\
                    <p>x <h3 id=\"inline\">no</h3></p>\n<h3 id=\"a1\">A <em>one</em></h3>\n<h4 id=\"deep\">deep</h4>\n\
                    <h2 id=\"b\">B</h2>\n<div><h2 id=\"raw\">raw</h2></div>\n<h2 class=\"x\">no id</h2>\n";
        let items = toc(html);
        let shape: Vec<(u8, &str, &str, usize)> = items
            .iter()
            .map(|i| (i.level, i.id.as_str(), i.text.as_str(), i.children.len()))
            .collect();
        assert_eq!(shape, [(3, "pre", "Before", 0), (2, "a", "A & B", 1), (2, "b", "B", 0)]);
        assert_eq!(items[1].children[0].text, "A one");
    }

    #[test]
    fn long_means_sections_and_reading_length() {
        let html = "<h2 id=\"a\">A</h2>\n<h2 id=\"b\">B</h2>\n<h2 id=\"c\">C</h2>\n";
        let three = toc(html);
        assert!(is_long(&three, &"字".repeat(1334)));
        assert!(!is_long(&three, &"字".repeat(1333)));
        assert!(is_long(&three, &"a".repeat(4000)));
        assert!(!is_long(&three[..2], &"字".repeat(5000)));
    }
}
