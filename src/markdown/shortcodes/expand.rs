//! A page's shortcodes rendered and put in place.
//!
//! [`expand`] replaces each shortcode of the Markdown by a marker (private-use
//! characters and a number) followed by as many line ends as the shortcode
//! spans, so every other line keeps its number for messages; each marker's
//! HTML is kept aside. A shortcode that encloses Markdown gets two markers:
//! its template is rendered with a stand-in for the text and cut there, and
//! the text between stays in the page's Markdown, rendered (links checked,
//! headings numbered) like the rest. After the Markdown is rendered, [`splice`]
//! puts the HTML where the markers are, closing the paragraph around a marker.

use pulldown_cmark::{CowStr, Event, Options, Tag, TagEnd};
use serde_json::Value;

use super::declare::{Declaration, Kind};
use super::parse::{self, Arg};
use super::{Shortcodes, table};
use crate::content::{CONTENT_DIR, Doc, display_path};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::keyed;
use crate::markdown::{self, Links};
use crate::messages::Keyed;

const MARK_START: char = '\u{E000}';
const MARK_END: char = '\u{E001}';
/// Where a shortcode's template writes its enclosed text.
const BODY: &str = "\u{E002}";

/// A page's Markdown with markers in place of its shortcodes.
pub struct Expanded {
    pub text: String,
    /// The HTML of each marker.
    pub pieces: Vec<String>,
    pub problems: Vec<Diagnostic>,
}

/// A shortcode that encloses a text, waiting for its end.
struct Open<'a> {
    name: &'a str,
    piece: usize,
    at: usize,
    context: Option<tera::Context>,
}

/// Where in the Markdown file a byte of the body is.
struct Place<'a> {
    doc: &'a Doc,
    lines: LineIndex<'a>,
}

impl Place<'_> {
    fn error(&self, offset: usize, message: Keyed) -> Diagnostic {
        let (line, col) = self.lines.line_col(offset);
        Diagnostic::error_keyed(self.doc.source.clone(), self.doc.body_line + line - 1, col, message).rule("shortcode")
    }

    /// A template's failure, in the words of the template engine (for whoever writes the theme).
    fn template_error(&self, offset: usize, message: String) -> Diagnostic {
        let (line, col) = self.lines.line_col(offset);
        Diagnostic::error(self.doc.source.clone(), self.doc.body_line + line - 1, col, message).rule("shortcode")
    }

    fn shown(&self, offset: usize) -> String {
        let (line, col) = self.lines.line_col(offset);
        format!("{}:{}:{col}", self.doc.source.display(), self.doc.body_line + line - 1)
    }
}

/// The doc's Markdown with its shortcodes expanded; `None` when it has none.
pub fn expand(doc: &Doc, links: &Links<'_>, shortcodes: &Shortcodes, options: Options) -> Option<Expanded> {
    let body = doc.body.as_str();
    if !body.contains(parse::OPEN) {
        return None;
    }
    let (tags, syntax) = parse::find(body, &parse::code_ranges(body, options));
    if tags.is_empty() && syntax.is_empty() {
        return None;
    }
    let place = Place {
        doc,
        lines: LineIndex::new(body),
    };
    let mut problems: Vec<Diagnostic> = syntax.into_iter().map(|e| place.error(e.at, e.message)).collect();
    let mut pieces: Vec<String> = Vec::new();
    let mut text = String::with_capacity(body.len());
    let mut last = 0;
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut unknown_names = std::collections::HashSet::new();
    for tag in &tags {
        text.push_str(&body[last..tag.span.start]);
        let piece = marker(&mut text, &mut pieces, &body[tag.span.clone()]);
        last = tag.span.end;
        let at = tag.span.start;
        let declared = shortcodes.declared.get(tag.name);
        if tag.closing {
            match open.pop() {
                Some(o) if o.name == tag.name => {
                    if let Some(context) = o.context {
                        match render(shortcodes, tag.name, &context) {
                            Ok(html) => {
                                let (before, after) = html.split_once(BODY).unwrap_or((html.as_str(), ""));
                                pieces[o.piece] = before.to_string();
                                pieces[piece] = after.to_string();
                            }
                            Err(e) => problems.push(place.template_error(o.at, e)),
                        }
                    }
                }
                other if declared.is_none() && unknown_names.contains(tag.name) => {
                    // The end of a shortcode already reported as unknown.
                    if let Some(o) = other {
                        open.push(o);
                    }
                }
                other => {
                    let message = match (declared, &other) {
                        (Some(d), _) if !d.body => keyed!("shortcode-no-end", name = tag.name),
                        (_, Some(o)) => keyed!(
                            "shortcode-end-too-early",
                            name = tag.name,
                            open = o.name,
                            at = place.shown(o.at)
                        ),
                        _ => keyed!("shortcode-end-of-nothing", name = tag.name),
                    };
                    problems.push(place.error(at, message));
                    if let Some(o) = other {
                        open.push(o);
                    }
                }
            }
            continue;
        }
        let Some(declaration) = declared else {
            problems.push(place.error(at, unknown(shortcodes, tag.name)));
            unknown_names.insert(tag.name);
            continue;
        };
        let context = match arguments(tag.name, &tag.args, declaration, doc, links, &place, at) {
            Ok(context) => Some(context),
            Err(mut errors) => {
                problems.append(&mut errors);
                None
            }
        };
        if declaration.body {
            open.push(Open {
                name: tag.name,
                piece,
                at,
                context,
            });
        } else if let Some(context) = context {
            match render(shortcodes, tag.name, &context) {
                Ok(html) => pieces[piece] = html,
                Err(e) => problems.push(place.template_error(at, e)),
            }
        }
    }
    text.push_str(&body[last..]);
    for o in open {
        problems.push(place.error(o.at, keyed!("shortcode-needs-end", name = o.name)));
    }
    Some(Expanded { text, pieces, problems })
}

/// Writes a marker for a new piece in place of `written`, keeping its line ends.
fn marker(text: &mut String, pieces: &mut Vec<String>, written: &str) -> usize {
    let piece = pieces.len();
    pieces.push(String::new());
    text.push(MARK_START);
    text.push_str(&piece.to_string());
    text.push(MARK_END);
    for _ in written.matches('\n') {
        text.push('\n');
    }
    piece
}

fn unknown(shortcodes: &Shortcodes, name: &str) -> Keyed {
    let nearest = nearest(name, shortcodes.declared.keys().map(String::as_str));
    keyed!(
        "shortcode-unknown",
        name = name,
        hint = nearest.map(|like| keyed!("shortcode-did-you-mean", like = like)),
        names = shortcodes.names()
    )
}

/// The word of `words` closest to `word`, if it is close.
fn nearest<'w>(word: &str, words: impl Iterator<Item = &'w str>) -> Option<&'w str> {
    words
        .map(|w| (strsim::damerau_levenshtein(word, w), w))
        .filter(|(d, w)| *d <= 2.max(w.len() / 3))
        .min()
        .map(|(_, w)| w)
}

fn render(shortcodes: &Shortcodes, name: &str, context: &tera::Context) -> Result<String, String> {
    shortcodes
        .tera
        .render(&format!("{}/{name}.html", super::FOLDER), context)
        .map_err(|e| {
            let mut message = format!("the shortcode template {name}.html failed: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            message
        })
}

/// The template's context from the shortcode's arguments, or every problem with them.
fn arguments(
    name: &str,
    args: &[Arg],
    declaration: &Declaration,
    doc: &Doc,
    links: &Links<'_>,
    place: &Place<'_>,
    at: usize,
) -> Result<tera::Context, Vec<Diagnostic>> {
    let config = links.config;
    let mut context = tera::Context::new();
    context.insert("lang", &config.languages[doc.lang].code);
    context.insert("body", BODY);
    for param in &declaration.params {
        context.insert(param.name.clone(), "");
    }
    let mut errors = Vec::new();
    for arg in args {
        let Some(param) = declaration.params.iter().find(|p| p.name == arg.key) else {
            let names: Vec<&str> = declaration.params.iter().map(|p| p.name.as_str()).collect();
            let hint =
                nearest(&arg.key, names.iter().copied()).map(|like| keyed!("shortcode-did-you-mean", like = like));
            errors.push(place.error(
                arg.at,
                keyed!(
                    "shortcode-unknown-argument",
                    name = name,
                    argument = &arg.key,
                    hint = hint,
                    names = if names.is_empty() {
                        keyed!("shortcode-no-arguments")
                    } else {
                        keyed!("list", items = names.join(", "))
                    }
                ),
            ));
            continue;
        };
        match value(&param.kind, &arg.value, doc, links) {
            Ok(v) => context.insert(param.name.clone(), &v),
            Err(Problem::Here(message)) => errors.push(place.error(
                arg.at,
                keyed!(
                    "shortcode-bad-argument",
                    name = name,
                    argument = &arg.key,
                    value = &arg.value,
                    problem = message
                ),
            )),
            Err(Problem::InFile(file, line, message)) => {
                let d = Diagnostic::error_keyed(file, line, usize::from(line > 0), message).rule("shortcode");
                errors.push(d.context(keyed!("shortcode-table-at", at = place.shown(arg.at))));
            }
        }
    }
    for param in declaration.params.iter().filter(|p| p.required) {
        let given = args.iter().any(|a| a.key == param.name && !a.value.trim().is_empty());
        if !given && !args.iter().any(|a| a.key == param.name) {
            errors.push(place.error(
                at,
                keyed!(
                    "shortcode-needs-argument",
                    name = name,
                    argument = &param.name,
                    kind = param.kind.describe()
                ),
            ));
        } else if !given {
            errors.push(place.error(
                at,
                keyed!(
                    "shortcode-empty-argument",
                    name = name,
                    argument = &param.name,
                    kind = param.kind.describe()
                ),
            ));
        }
    }
    if errors.is_empty() { Ok(context) } else { Err(errors) }
}

enum Problem {
    /// At the argument.
    Here(Keyed),
    /// In another file (a CSV file's line).
    InFile(std::path::PathBuf, usize, Keyed),
}

/// An argument's value for the template, checked against its kind.
fn value(kind: &Kind, written: &str, doc: &Doc, links: &Links<'_>) -> Result<Value, Problem> {
    let here = Problem::Here;
    match kind {
        Kind::Text => Ok(Value::String(written.to_string())),
        Kind::Number => written
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| here(keyed!("shortcode-not-number"))),
        Kind::Choice(words) => {
            let word = written.trim();
            if words.iter().any(|w| w == word) {
                Ok(Value::String(word.to_string()))
            } else {
                Err(here(keyed!("shortcode-not-choice", words = words.join(", "))))
            }
        }
        Kind::Link => {
            if written.trim().is_empty() {
                return Err(here(keyed!("shortcode-empty-link")));
            }
            markdown::resolve_url(written, doc, links)
                .map(Value::String)
                .map_err(|m| here(m.keyed(markdown::Shown::Argument)))
        }
        Kind::File | Kind::Webvtt | Kind::Csv => {
            let (path, asset) = bundle_file(written, doc, links).map_err(here)?;
            let url = links.config.link(&crate::url::encode_name(&asset.path));
            if *kind == Kind::File {
                return Ok(Value::String(url));
            }
            if *kind == Kind::Webvtt {
                return if is_webvtt(&asset.source) {
                    Ok(Value::String(url))
                } else {
                    Err(here(keyed!("shortcode-not-webvtt")))
                };
            }
            let shown = display_path(links.config, &format!("{CONTENT_DIR}/{path}"));
            let table = table::read(&asset.source, url).map_err(|(line, m)| Problem::InFile(shown, line, m))?;
            serde_json::to_value(&table).map_err(|e| here(keyed!("shortcode-table-unreadable", reason = e.to_string())))
        }
    }
}

/// Whether a file starts as WebVTT does (a byte order mark allowed).
fn is_webvtt(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 9];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let n = file.read(&mut head).unwrap_or(0);
    let head = &head[..n];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    head.starts_with(b"WEBVTT")
}

/// A file of the doc's folder named by an argument: its content path and asset.
fn bundle_file<'l>(
    written: &str,
    doc: &Doc,
    links: &'l Links<'_>,
) -> Result<(String, &'l crate::content::Asset), Keyed> {
    let trimmed = written.trim();
    if trimmed.is_empty() {
        return Err(keyed!("shortcode-empty-file"));
    }
    let folder = if doc.dir.is_empty() {
        CONTENT_DIR.to_string()
    } else {
        format!("{CONTENT_DIR}/{}", doc.dir)
    };
    if markdown::scheme(trimmed).is_some() || trimmed.starts_with('/') || trimmed.starts_with('\\') {
        return Err(keyed!("shortcode-file-elsewhere", folder = &folder));
    }
    let path = join(&doc.dir, &crate::text::percent_decode(trimmed))
        .ok_or_else(|| keyed!("shortcode-file-outside", folder = &folder))?;
    match links.library.assets.get(&path) {
        Some(asset) => Ok((path, asset)),
        None => Err(keyed!(
            "shortcode-file-missing",
            file = format!("{CONTENT_DIR}/{path}"),
            folder = &folder
        )),
    }
}

/// Joins a relative path to a folder of content/; `None` if it leaves content/.
pub(crate) use crate::markdown::join;

/// The rendered events with each marker's HTML in its place: a marker in a
/// paragraph ends the paragraph, and what follows it starts another.
pub fn splice<'e>(events: Vec<Event<'e>>, pieces: &[String]) -> Vec<Event<'e>> {
    let mut out: Vec<Event<'e>> = Vec::with_capacity(events.len());
    // The index in `out` of the open paragraph's start.
    let mut paragraph: Option<usize> = None;
    // A marker ended a paragraph whose rest is still to come.
    let mut reopen = false;
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) => {
                paragraph = Some(out.len());
                out.push(event);
            }
            Event::End(TagEnd::Paragraph) => {
                paragraph = None;
                if !std::mem::take(&mut reopen) {
                    out.push(event);
                }
            }
            Event::Text(text) if text.contains(MARK_START) => {
                for (piece, segment) in segments(&text) {
                    match piece {
                        None if reopen && segment.trim().is_empty() => {}
                        None => {
                            if std::mem::take(&mut reopen) {
                                paragraph = Some(out.len());
                                out.push(Event::Start(Tag::Paragraph));
                            }
                            out.push(Event::Text(CowStr::from(segment.to_string())));
                        }
                        Some(n) => {
                            if let Some(start) = paragraph.take() {
                                while matches!(out.last(), Some(Event::SoftBreak | Event::HardBreak)) {
                                    out.pop();
                                }
                                if out.len() == start + 1 {
                                    out.pop();
                                } else {
                                    out.push(Event::End(TagEnd::Paragraph));
                                }
                                reopen = true;
                            }
                            let html = pieces.get(n).cloned().unwrap_or_default();
                            out.push(Event::Html(CowStr::from(html)));
                        }
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak if reopen => {}
            other => {
                if std::mem::take(&mut reopen) {
                    paragraph = Some(out.len());
                    out.push(Event::Start(Tag::Paragraph));
                }
                out.push(other);
            }
        }
    }
    out
}

/// A text cut at its markers: plain runs (`None`) and marker numbers.
fn segments(text: &str) -> Vec<(Option<usize>, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(MARK_START) {
        if i > 0 {
            out.push((None, &rest[..i]));
        }
        let after = &rest[i + MARK_START.len_utf8()..];
        let Some(j) = after.find(MARK_END) else {
            out.push((None, &rest[i..]));
            return out;
        };
        match after[..j].parse::<usize>() {
            Ok(n) => out.push((Some(n), "")),
            Err(_) => out.push((None, &rest[i..i + MARK_START.len_utf8() + j + MARK_END.len_utf8()])),
        }
        rest = &after[j + MARK_END.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push((None, rest));
    }
    out
}

/// A text (a page's lead) without markers.
pub fn strip_markers(text: &str) -> String {
    segments(text)
        .into_iter()
        .filter_map(|(piece, s)| piece.is_none().then_some(s))
        .collect::<String>()
        .trim()
        .to_string()
}

/// The byte ranges of the markers of a text (for tests).
#[cfg(test)]
fn marker_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    text.match_indices(MARK_START).map(|(i, _)| i..i + 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str, pieces: &[&str]) -> String {
        let events: Vec<Event<'_>> = pulldown_cmark::Parser::new(markdown).collect();
        let pieces: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, splice(events, &pieces).into_iter());
        out
    }

    #[test]
    fn a_marker_splits_its_paragraph() {
        let text = "before\n\u{E000}0\u{E001}\nafter\n";
        assert_eq!(marker_ranges(text).len(), 1);
        assert_eq!(
            html(text, &["<figure></figure>"]),
            "<p>before</p>\n<figure></figure>\n<p>after</p>\n"
        );
        assert_eq!(html("\u{E000}0\u{E001}\n\ntext\n", &["<div>"]), "<div>\n<p>text</p>\n");
        assert_eq!(
            html(
                "\u{E000}0\u{E001}\ninside\n\u{E000}1\u{E001}\n",
                &["<aside>", "</aside>"]
            ),
            "<aside>\n<p>inside</p>\n</aside>"
        );
    }

    #[test]
    fn leads_lose_their_markers() {
        assert_eq!(strip_markers("\u{E000}12\u{E001} text"), "text");
    }
}
