//! A case's Markdown body as Typst markup: text as string literals, headings,
//! lists, tables, quotes and code as Typst's own, links with their address as a
//! footnote, images as files of the book's virtual folder.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::book::{BookInput, FileData, Files, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, escape_into, lit};
use crate::config::RawHtml;
use crate::content::Doc;
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::text::is_cjk_char;

/// The Markdown body of a doc as Typst markup.
pub(super) fn body(out: &mut String, book: &BookInput<'_>, doc: &Doc, files: &mut Files, errors: &mut Vec<Diagnostic>) {
    let language = &book.config.languages[doc.lang];
    let options = crate::markdown::options(language);
    let markdown = super::body_of(doc);
    let mut w = Writer {
        out,
        book,
        doc,
        files,
        errors,
        lines: LineIndex::new(&markdown),
        last: None,
        soft_break: false,
        links: Vec::new(),
        image: None,
        table_columns: 0,
        code: false,
    };
    for (event, range) in Parser::new_ext(&markdown, options).into_offset_iter() {
        w.event(event, range);
    }
    w.out.push_str("\n\n");
}

/// Turns Markdown events into Typst markup.
struct Writer<'a, 'b> {
    out: &'b mut String,
    book: &'b BookInput<'a>,
    doc: &'b Doc,
    files: &'b mut Files,
    errors: &'b mut Vec<Diagnostic>,
    lines: LineIndex<'b>,
    /// The last character of text written, to drop soft breaks between Chinese characters.
    last: Option<char>,
    soft_break: bool,
    /// Per open link: the URL to print as a footnote after its text.
    links: Vec<Option<String>>,
    /// The image being read: its file in the book and its alt text so far.
    image: Option<(Option<(String, String)>, String)>,
    table_columns: usize,
    /// Inside a code block: text goes into its string literal.
    code: bool,
}

impl Writer<'_, '_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if let Some((_, alt)) = &mut self.image {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => self.end_image(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.flush_break(t.chars().next());
                let _ = write!(self.out, "#raw({});", lit(&t));
                self.last = t.chars().last();
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                if self.book.config.raw_html == RawHtml::Escape {
                    self.text(&t);
                }
            }
            Event::SoftBreak => self.soft_break = true,
            Event::HardBreak => {
                self.out.push_str("#linebreak();");
                self.last = None;
            }
            Event::Rule => self
                .out
                .push_str("\n\n#line(length: 100%, stroke: 0.5pt + luma(160))\n\n"),
            Event::FootnoteReference(label) => {
                let _ = write!(self.out, "#super({});", lit(&label));
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.block_start(),
            Tag::Heading { level, .. } => {
                self.block_start();
                let level = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 3,
                    HeadingLevel::H3 => 4,
                    _ => 5,
                };
                let _ = write!(self.out, "#heading(level: {level}, outlined: false)[");
            }
            Tag::BlockQuote(_) => {
                self.block_start();
                self.out.push_str(
                    "#block(inset: (left: 10pt, y: 2pt), stroke: (left: 2pt + luma(170)))[#set text(fill: luma(60))\n",
                );
            }
            Tag::CodeBlock(kind) => {
                self.block_start();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                // The code arrives as text events; it is gathered in a string literal.
                let _ = write!(self.out, "#raw(block: true, lang: {}, \"", lit(&lang));
                self.code = true;
            }
            Tag::List(start) => {
                self.block_start();
                match start {
                    Some(n) => {
                        let _ = write!(self.out, "#enum(start: {n})");
                    }
                    None => self.out.push_str("#list"),
                }
            }
            Tag::Item => self.out.push('['),
            Tag::FootnoteDefinition(label) => {
                self.block_start();
                let _ = write!(self.out, "#block[#text(size: 9pt)[#super({});", lit(&label));
            }
            Tag::Table(alignments) => {
                self.block_start();
                self.table_columns = alignments.len().max(1);
                let n = self.table_columns;
                // Many columns share the width and the text shrinks, rather than running off the page.
                let columns = if n <= 5 {
                    format!("{n}")
                } else {
                    format!("(1fr,) * {n}")
                };
                let size = if n <= 5 {
                    9.0
                } else {
                    (9.0 - (n as f64 - 5.0) * 0.2).max(5.5)
                };
                let aligns: Vec<&str> = alignments
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => "center",
                        Alignment::Right => "right",
                        _ => "left",
                    })
                    .collect();
                let _ = write!(
                    self.out,
                    "#block(width: 100%)[#set text(size: {size}pt, hyphenate: true)\n#table(columns: {columns}, align: ({},), ",
                    aligns.join(", ")
                );
            }
            Tag::TableHead => self.out.push_str("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.out.push('['),
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
            Tag::Superscript => self.out.push_str("#super["),
            Tag::Subscript => self.out.push_str("#sub["),
            Tag::Link { dest_url, .. } => {
                self.flush_break(None);
                match self.resolve(&dest_url) {
                    Some(url) => {
                        let _ = write!(self.out, "#link({})[", lit(&url));
                        let footnote = url.starts_with("http://") || url.starts_with("https://");
                        self.links.push(footnote.then_some(url));
                    }
                    None => {
                        self.out.push('[');
                        self.links.push(None);
                    }
                }
            }
            Tag::Image { dest_url, .. } => {
                let file = self.image_file(&dest_url, range);
                self.image = Some((file, String::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.block_end(),
            TagEnd::Heading(_) => {
                self.out.push(']');
                self.block_end();
            }
            TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => {
                self.out.push(']');
                if tag == TagEnd::FootnoteDefinition {
                    self.out.push(']');
                }
                self.block_end();
            }
            TagEnd::CodeBlock => {
                self.out.push_str("\")");
                self.block_end();
            }
            TagEnd::List(_) => self.block_end(),
            TagEnd::Item => {
                self.out.push(']');
                self.last = None;
            }
            TagEnd::Table => {
                self.out.push_str(")]");
                self.block_end();
            }
            TagEnd::TableHead => self.out.push_str("), "),
            TagEnd::TableCell => self.out.push_str("], "),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {
                self.out.push(']')
            }
            TagEnd::Link => {
                self.out.push(']');
                if let Some(Some(url)) = self.links.pop() {
                    let _ = write!(self.out, "#footnote({});", lit(&url));
                }
            }
            _ => {}
        }
    }

    /// Text: inside a code block, part of its string; elsewhere a string literal.
    fn text(&mut self, t: &str) {
        if self.code {
            escape_into(self.out, t);
            return;
        }
        if t.is_empty() {
            return;
        }
        self.flush_break(t.chars().next());
        let _ = write!(self.out, "#{};", lit(t));
        self.last = t.chars().last();
    }

    /// A pending soft break becomes a space, except between two Chinese characters.
    fn flush_break(&mut self, next: Option<char>) {
        if std::mem::take(&mut self.soft_break) {
            let cjk = self.last.is_some_and(is_cjk_char) && next.is_some_and(is_cjk_char);
            if !cjk {
                self.out.push(' ');
            }
        }
    }

    fn block_start(&mut self) {
        self.soft_break = false;
        self.last = None;
    }

    fn block_end(&mut self) {
        self.code = false;
        self.soft_break = false;
        self.last = None;
        self.out.push_str("\n\n");
    }

    /// The address a link leads to, in full; `None` for a link within the page or one that cannot be resolved.
    fn resolve(&self, url: &str) -> Option<String> {
        let resolved = crate::markdown::resolve_url(url, self.doc, self.book.links).ok()?;
        if resolved.is_empty() || resolved.starts_with('#') {
            return None;
        }
        if resolved.starts_with('/') && !resolved.starts_with("//") {
            let origin = self
                .book
                .config
                .base_url
                .strip_suffix(&self.book.config.base_path)
                .unwrap_or(&self.book.config.base_url);
            return Some(format!("{origin}{resolved}"));
        }
        Some(resolved)
    }

    /// The image file of `dest` in the book (`/img/3.png`) and its printed width; `None`
    /// for an image on another site (its alt text is printed) or one that cannot be printed
    /// (an error is recorded).
    fn image_file(&mut self, dest: &str, range: Range<usize>) -> Option<(String, String)> {
        let dest = dest.trim();
        if crate::markdown::scheme(dest).is_some() || dest.starts_with("//") || dest.is_empty() {
            return None;
        }
        let (line, col) = self.lines.line_col(range.start);
        let (line, col) = (self.doc.body_line + line - 1, col);
        let config = self.book.config;
        let decoded = crate::text::percent_decode(dest.split(['#', '?']).next().unwrap_or(dest));
        let (path, shown) = if let Some(rooted) = decoded.strip_prefix('/') {
            (config.root.join("static").join(rooted), format!("static/{rooted}"))
        } else {
            match crate::markdown::join(&self.doc.dir, &decoded) {
                Some(joined) => match self.book.library.assets.get(&joined) {
                    Some(asset) => (asset.source.clone(), format!("content/{joined}")),
                    None => (config.root.join("content").join(&joined), format!("content/{joined}")),
                },
                None => (PathBuf::new(), decoded.clone()),
            }
        };
        let mut fail = |message: crate::messages::Keyed| {
            self.errors
                .push(Diagnostic::error_keyed(self.doc.source.clone(), line, col, message));
            None
        };
        if !path.is_file() {
            return fail(crate::keyed!("casebook-image-missing", image = dest, file = &shown));
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let ext = if ext == "jpeg" { "jpg".to_string() } else { ext };
        if !matches!(ext.as_str(), "png" | "jpg" | "gif" | "webp" | "svg") {
            return fail(crate::keyed!("casebook-image-format", image = dest, ext = &ext));
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        if bytes > MAX_IMAGE_BYTES {
            return fail(crate::keyed!(
                "casebook-image-bytes",
                image = dest,
                size = (bytes / (1024 * 1024)) as usize,
                limit = (MAX_IMAGE_BYTES / (1024 * 1024)) as usize
            ));
        }
        let width = if ext == "svg" {
            "80%".to_string()
        } else {
            match image::image_dimensions(&path) {
                Ok((w, h)) if u64::from(w) * u64::from(h) > MAX_IMAGE_PIXELS => {
                    return fail(crate::keyed!(
                        "casebook-image-pixels",
                        image = dest,
                        width = w as usize,
                        height = h as usize,
                        limit = (MAX_IMAGE_PIXELS / 1_000_000) as usize
                    ));
                }
                // At 150 pixels per inch, up to the width of the text.
                Ok((w, _)) if f64::from(w) / 150.0 * 2.54 < 16.0 => format!("{:.2}cm", f64::from(w) / 150.0 * 2.54),
                _ => "100%".to_string(),
            }
        };
        let name = format!("/img/{}.{ext}", self.files.len());
        self.files.insert(name.clone(), FileData::Disk(path));
        Some((name, width))
    }

    /// Writes the image read: a figure with its alt text as caption, or the alt text alone.
    fn end_image(&mut self) {
        let Some((file, alt)) = self.image.take() else {
            return;
        };
        match file {
            Some((name, width)) => {
                let _ = write!(self.out, "\n\n#figure(image({}, width: {width})", lit(&name));
                if !alt.trim().is_empty() {
                    let _ = write!(self.out, ", caption: {}", lit(alt.trim()));
                }
                self.out.push_str(")\n\n");
                self.last = None;
            }
            None => {
                if !alt.trim().is_empty() {
                    self.flush_break(alt.chars().next());
                    let _ = write!(self.out, "#emph({});", lit(alt.trim()));
                    self.last = alt.chars().last();
                }
            }
        }
    }
}
