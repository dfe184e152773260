//! Markdown → HTML for one page, with pulldown-cmark.
//!
//! Steps over the event stream: raw HTML is shown as text unless site.toml
//! allows it; links and images to other content files become site URLs in
//! the page's language (a missing target is an error with its line);
//! dangerous URL schemes are refused; every link and image is recorded with
//! its line for `showcase check`; an image titled "decorative" gets an empty
//! alt; headings get unique ids (pinyin for Chinese); code blocks are
//! highlighted; a line break between two Chinese characters is dropped
//! instead of becoming a space.

pub mod cache;
pub mod highlight;
mod pictures;
pub mod shortcodes;

use std::collections::HashMap;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::config::{Config, RawHtml};
use crate::content::{CONTENT_DIR, Doc, Library, neutral_path, slug::slugify};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::packed::Packed;
use crate::text::{is_cjk_char, percent_decode};

/// What rendering a doc's Markdown made: one entry of the site's table of
/// rendered Markdown, and what the Markdown cache keeps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub html: Packed,
    /// The body as plain text, code blocks left out: what search indexes.
    pub text: Packed,
    /// The first paragraph as plain text: the summary when front matter has none.
    pub lead: String,
    /// `id`s of the headings, for anchors.
    pub anchors: Vec<String>,
    /// Every link and image, in the order written.
    pub links: Vec<DocLink>,
    /// The highlight cache keys of its code blocks, and the classes they use.
    pub blocks: Vec<u128>,
    pub classes: Vec<String>,
    /// What the site's images it shows were when it was rendered (see
    /// [`Links::pictures_key`]): the Markdown cache keeps the entry only while
    /// they are the same.
    pub pictures: Option<u64>,
}

impl Rendered {
    /// The doc's summary: its front matter's, or else its first paragraph.
    pub fn summary<'a>(&'a self, doc: &'a Doc) -> &'a str {
        doc.fm.summary.as_deref().unwrap_or(&self.lead)
    }
}

/// What [`render`] gathers before the HTML and text are packed.
#[derive(Default)]
struct Draft {
    lead: String,
    anchors: Vec<String>,
    links: Vec<DocLink>,
    problems: Vec<Diagnostic>,
    blocks: Vec<u128>,
    classes: Vec<String>,
}

/// The title that marks an image as decoration: `![](line.png "decorative")`.
pub const DECORATIVE: &str = "decorative";

/// A link or an image written in a page's Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    /// Where it is written in the source file (1-based; column in characters).
    pub line: usize,
    pub col: usize,
    /// The URL as the reader's browser gets it (base path included).
    pub url: String,
    /// The URL as written in the Markdown.
    pub written: String,
    pub image: bool,
    /// An image's alt text, trimmed ("" when it has none).
    pub alt: String,
    /// An image marked as decoration, which needs no alt text.
    pub decorative: bool,
}

/// Read-only lookups for resolving links, built once per build.
pub struct Links<'a> {
    pub(crate) config: &'a Config,
    pub(crate) library: &'a Library,
    highlighter: &'a highlight::Highlighter,
    /// Language-neutral content path (`cases/a.md`) → translation key.
    keys: HashMap<String, &'a str>,
    /// The site's shortcodes; without them `{{< … >}}` stays text.
    shortcodes: Option<&'a crate::markdown::shortcodes::Shortcodes>,
    /// The images of the text, measured (see [`Links::with_pictures`]).
    pictures: Option<&'a crate::output::pictures::Pictures>,
    /// Site path of a bundle's file → the file.
    files: HashMap<&'a str, &'a std::path::Path>,
}

impl<'a> Links<'a> {
    pub fn new(config: &'a Config, library: &'a Library, highlighter: &'a highlight::Highlighter) -> Self {
        let keys = library
            .docs
            .iter()
            .map(|d| (neutral_path(&d.rel, config), d.key.as_str()))
            .collect();
        Links {
            config,
            library,
            highlighter,
            keys,
            shortcodes: None,
            pictures: None,
            files: HashMap::new(),
        }
    }

    /// The same lookups, with the site's shortcodes to expand.
    pub fn with_shortcodes(self, shortcodes: &'a crate::markdown::shortcodes::Shortcodes) -> Self {
        Links {
            shortcodes: Some(shortcodes),
            ..self
        }
    }

    /// Images of the site in the text get their size, smaller copies and WebP
    /// versions from `pictures` (see [`crate::output::pictures`]).
    pub fn with_pictures(mut self, pictures: &'a crate::output::pictures::Pictures) -> Self {
        self.files = self
            .library
            .assets
            .values()
            .map(|a| (a.path.as_str(), a.source.as_path()))
            .collect();
        self.pictures = Some(pictures);
        self
    }

    /// Resolves a relative link target (already joined to the content folder) in a language.
    fn resolve(&self, path: &str, fragment: Option<&str>, lang: usize) -> Result<String, LinkProblem> {
        let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        if path.ends_with(".md") {
            let explicit = explicit_language(path, self.config);
            let neutral = neutral_path(path, self.config);
            let Some(key) = self.keys.get(&neutral) else {
                // A file whose front matter failed exists: that error is reported, not this link.
                if self.library.unparsed.iter().any(|u| u.neutral == neutral) {
                    return Ok(String::new());
                }
                if self.library.drafts.contains(&neutral) {
                    return Err(LinkProblem::Draft(format!("{CONTENT_DIR}/{path}")));
                }
                if let Some(held) = self.library.withheld.iter().find(|h| h.path == neutral) {
                    return Err(LinkProblem::Withheld(format!("{CONTENT_DIR}/{path}"), held.why));
                }
                return Err(LinkProblem::NoFile(format!("{CONTENT_DIR}/{path}")));
            };
            let versions = &self.library.translations[*key];
            let wanted = explicit.unwrap_or(lang);
            // Untranslated: its fallback page in this language, where there is one.
            if versions[wanted].is_none()
                && let Some(stand_in) = versions[0].and_then(|d| self.library.docs[d].fallbacks[wanted].as_deref())
            {
                return Ok(format!("{}{fragment}", self.config.link(stand_in)));
            }
            let Some(doc) = self.library.version(key, wanted) else {
                return Err(LinkProblem::NoVersion(format!("{CONTENT_DIR}/{path}")));
            };
            return Ok(format!("{}{fragment}", self.config.link(&self.library.docs[doc].path)));
        }
        let trimmed = path.trim_end_matches('/');
        if let Some(asset) = self.library.assets.get(trimmed) {
            return Ok(format!(
                "{}{fragment}",
                self.config.link(&crate::url::encode_name(&asset.path))
            ));
        }
        // A folder: a section or a page bundle.
        if let Some(doc) = self.library.version(trimmed, lang) {
            return Ok(format!("{}{fragment}", self.config.link(&self.library.docs[doc].path)));
        }
        if self.library.unparsed.iter().any(|u| u.key == trimmed) {
            return Ok(String::new());
        }
        Err(LinkProblem::NoPath(format!("{CONTENT_DIR}/{path}")))
    }
}

/// `cases/a.en.md` → Some(en); `cases/a.md` → None.
fn explicit_language(path: &str, config: &Config) -> Option<usize> {
    let stem = path.strip_suffix(".md")?;
    let name = stem.rsplit('/').next()?;
    let code = &name[name.rfind('.')? + 1..];
    config.language_index(code)
}

/// The Markdown a page of `language` is written in: tables, footnotes and the
/// rest, and smart quotes only where the language is not Chinese, Japanese or
/// Korean (their quotes are typed as they should be). The web and the printed
/// casebook read a page alike.
pub fn options(language: &crate::config::Language) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if !language.is_cjk() {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// Renders the Markdown body of a doc; problems (a broken link) beside it.
pub fn render(doc: &Doc, links: &Links<'_>) -> (Rendered, Vec<Diagnostic>) {
    let config = links.config;
    let language = &config.languages[doc.lang];
    let options = options(language);
    // Shortcodes become markers, their HTML put in place after rendering.
    let expanded = links
        .shortcodes
        .and_then(|shortcodes| crate::markdown::shortcodes::expand(doc, links, shortcodes, options));
    let body = expanded.as_ref().map_or(doc.body.as_str(), |e| e.text.as_str());
    let events: Vec<(Event<'_>, std::ops::Range<usize>)> = Parser::new_ext(body, options).into_offset_iter().collect();
    let mut out = Draft::default();
    if let Some(expanded) = &expanded {
        out.problems.extend(expanded.problems.iter().cloned());
    }
    let lines = LineIndex::new(body);
    let position = |offset: usize| {
        let (line, col) = lines.line_col(offset);
        (doc.body_line + line - 1, col)
    };
    let problem = |out: &mut Draft, offset: usize, rule: &'static str, message: crate::messages::Keyed| {
        let (line, col) = position(offset);
        out.problems
            .push(Diagnostic::error_keyed(doc.source.clone(), line, col, message).rule(rule));
    };
    // A link's or image's target as the reader's browser gets it, recorded for check;
    // `image` is the alt text and whether it is decoration. A bad target is a problem
    // at its position, and the element keeps an empty address.
    let resolve = |out: &mut Draft, written: &str, offset: usize, image: Option<(&str, bool)>| -> String {
        match resolve_url(written, doc, links) {
            Ok(dest) => {
                let (line, col) = position(offset);
                out.links.push(DocLink {
                    line,
                    col,
                    url: dest.clone(),
                    written: written.to_string(),
                    image: image.is_some(),
                    alt: image.map(|(alt, _)| recorded_alt(alt)).unwrap_or_default(),
                    decorative: image.is_some_and(|(_, d)| d),
                });
                dest
            }
            Err(m) if image.is_some() => {
                problem(out, offset, url_rule(written, "missing-image"), m.keyed(Shown::Image));
                String::new()
            }
            Err(m) => {
                problem(out, offset, url_rule(written, "broken-link"), m.keyed(Shown::Link));
                String::new()
            }
        }
    };
    let ends = matching_ends(&events);
    let texts = TextRanges::new(&events);
    let escape_raw = config.raw_html == RawHtml::Escape;
    let mut result: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut in_first_paragraph = None::<bool>;
    // Images of the site, given their size and copies; the first above any heading loads at once.
    let mut placed = pictures::Placed::new(body);
    let mut seen_heading = false;
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Paragraph) if in_first_paragraph.is_none() => {
                in_first_paragraph = Some(true);
                result.push(event.clone());
            }
            Event::End(TagEnd::Paragraph) if in_first_paragraph == Some(true) => {
                in_first_paragraph = Some(false);
                result.push(event.clone());
            }
            Event::Html(html) | Event::InlineHtml(html) if escape_raw => result.push(Event::Text(html.clone())),
            Event::Start(Tag::HtmlBlock) if escape_raw => result.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) if escape_raw => result.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let end = ends[i];
                seen_heading = true;
                let text = texts.between(i, end).to_string();
                // A hand-written id loses what no id may hold: whitespace and control characters.
                let own: Option<String> = id
                    .as_ref()
                    .map(|id| id.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect())
                    .filter(|id: &String| !id.is_empty());
                let base = match own {
                    Some(id) => id,
                    None => {
                        let s = slugify(&text);
                        if s.is_empty() { "section".to_string() } else { s }
                    }
                };
                let id = unique_id(base, &mut used_ids);
                out.anchors.push(id.clone());
                result.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    // `{onclick=…}` would be raw HTML by another door: kept only where raw HTML is.
                    attrs: if escape_raw { Vec::new() } else { attrs.clone() },
                }));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let end = ends[i];
                let code: String = events[i + 1..end]
                    .iter()
                    .filter_map(|(e, _)| match e {
                        Event::Text(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let token = match kind {
                    CodeBlockKind::Fenced(info) => highlight::language_token(info),
                    CodeBlockKind::Indented => "",
                };
                let (html, key, classes) = links.highlighter.highlight_keyed(&code, token);
                out.blocks.push(key);
                out.classes.extend(classes);
                result.push(Event::Html(CowStr::from(html)));
                i = end + 1;
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = resolve(&mut out, dest_url, range.start, None);
                result.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: CowStr::from(dest),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let end = ends[i];
                let alt = texts.between(i, end);
                let decorative = title.trim() == DECORATIVE;
                let mut dest = resolve(&mut out, dest_url, range.start, Some((alt.trim(), decorative)));
                match links.picture(&dest) {
                    Some((site_path, Ok(Some(picture)))) => {
                        let eager = placed.is_empty() && !seen_heading;
                        let (open, close) = crate::output::pictures::tag(config, &site_path, &picture, eager);
                        dest = placed.place(open, close);
                    }
                    Some((site_path, Err(e))) => problem(
                        &mut out,
                        range.start,
                        "missing-image",
                        crate::keyed!("image-unreadable", path = site_path, reason = e.to_string()),
                    ),
                    _ => {}
                }
                let start = Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: CowStr::from(dest),
                    title: if decorative { CowStr::from("") } else { title.clone() },
                    id: id.clone(),
                });
                if decorative {
                    // Decoration: an empty alt, so screen readers pass over it.
                    result.push(start);
                    result.push(events[end].0.clone());
                    i = end + 1;
                    continue;
                }
                result.push(start);
            }
            Event::SoftBreak => {
                let before = events[..i].iter().rev().find_map(|(e, _)| last_char(e));
                let after = events[i + 1..].iter().find_map(|(e, _)| first_char(e));
                if !(before.is_some_and(is_cjk_char) && after.is_some_and(is_cjk_char)) {
                    result.push(Event::SoftBreak);
                }
            }
            Event::Text(text) if in_first_paragraph == Some(true) => {
                out.lead.push_str(text);
                result.push(event.clone());
            }
            Event::Code(text) if in_first_paragraph == Some(true) => {
                out.lead.push_str(text);
                result.push(event.clone());
            }
            _ => result.push(event.clone()),
        }
        i += 1;
    }
    if let Some(expanded) = &expanded {
        result = crate::markdown::shortcodes::splice(result, &expanded.pieces);
        out.lead = crate::markdown::shortcodes::strip_markers(&out.lead);
    }
    let text = plain_text_of(&result);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, result.into_iter());
    let html = placed.apply(html);
    let pictures = links.pictures_key(&out.links);
    let rendered = Rendered {
        html: Packed::new(&html),
        text: Packed::new(&text),
        lead: out.lead.trim().to_string(),
        anchors: out.anchors,
        links: out.links,
        blocks: out.blocks,
        classes: out.classes,
        pictures,
    };
    (rendered, out.problems)
}

/// The most bytes of an image's alt text a [`DocLink`] keeps: `check` only asks
/// whether there is one, and images nested in alt text would otherwise keep
/// copies of each other's.
const RECORDED_ALT_BYTES: usize = 256;

fn recorded_alt(alt: &str) -> String {
    let mut end = alt.len().min(RECORDED_ALT_BYTES);
    while !alt.is_char_boundary(end) {
        end -= 1;
    }
    alt[..end].to_string()
}

/// The text a reader sees, one line per block; raw HTML and code blocks left out.
fn plain_text_of(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_),
            ) => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// For each `Start` event, the index of the `End` that closes it (other events:
/// their own index); found in one pass, so that nesting costs nothing extra.
fn matching_ends(events: &[(Event<'_>, std::ops::Range<usize>)]) -> Vec<usize> {
    let mut ends: Vec<usize> = (0..events.len()).collect();
    let mut open = Vec::new();
    for (j, (e, _)) in events.iter().enumerate() {
        match e {
            Event::Start(_) => open.push(j),
            Event::End(_) => {
                if let Some(start) = open.pop() {
                    ends[start] = j;
                }
            }
            _ => {}
        }
    }
    for start in open {
        ends[start] = events.len().saturating_sub(1);
    }
    ends
}

/// The text and inline code of all events, end to end, and where each event's
/// starts in it: the text inside any element is then one slice, however deeply
/// the element is nested (an image's alt text inside another's).
struct TextRanges {
    text: String,
    /// Byte offset in `text` where the text of each event (and of all after it) starts.
    at: Vec<usize>,
}

impl TextRanges {
    fn new(events: &[(Event<'_>, std::ops::Range<usize>)]) -> Self {
        let mut text = String::new();
        let mut at = Vec::with_capacity(events.len() + 1);
        for (e, _) in events {
            at.push(text.len());
            if let Event::Text(t) | Event::Code(t) = e {
                text.push_str(t);
            }
        }
        at.push(text.len());
        TextRanges { text, at }
    }

    /// The text of the events strictly between `start` and `end`.
    fn between(&self, start: usize, end: usize) -> &str {
        &self.text[self.at[(start + 1).min(end)]..self.at[end]]
    }
}

/// `base`, or the first `base-N` not taken yet. `used` maps each id taken to
/// the next N to try after it, so a run of taken ids is passed over once, not
/// once per heading (`a-1` … `a-1000` then a thousand `a`).
fn unique_id(base: String, used: &mut HashMap<String, usize>) -> String {
    let Some(&next) = used.get(&base) else {
        used.insert(base.clone(), 1);
        return base;
    };
    let mut n = next;
    loop {
        let candidate = format!("{base}-{n}");
        if !used.contains_key(&candidate) {
            used.insert(base, n + 1);
            used.insert(candidate.clone(), 1);
            return candidate;
        }
        n += 1;
    }
}

fn last_char(e: &Event<'_>) -> Option<char> {
    match e {
        Event::Text(t) | Event::Code(t) => t.chars().next_back(),
        Event::SoftBreak | Event::HardBreak => Some('\n'),
        _ => None,
    }
}

fn first_char(e: &Event<'_>) -> Option<char> {
    match e {
        Event::Text(t) | Event::Code(t) => t.chars().next(),
        Event::SoftBreak | Event::HardBreak => Some('\n'),
        _ => None,
    }
}

/// A URL's scheme, lower-cased, if it has one (`https`, `mailto`, `javascript`).
pub fn scheme(url: &str) -> Option<String> {
    // Browsers ignore ASCII whitespace and control characters inside a scheme.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(64)
        .collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let valid = candidate.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| candidate.to_ascii_lowercase())
}

/// The rule of a link that cannot be resolved: `unsafe-link` for a refused scheme.
pub fn url_rule(url: &str, otherwise: &'static str) -> &'static str {
    match scheme(url.trim()).as_deref() {
        Some("javascript" | "vbscript" | "data" | "file") => "unsafe-link",
        _ => otherwise,
    }
}

/// Why a link's target gives no address; each says how to put it right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// A `javascript:`, `vbscript:`, `data:` or `file:` URL (its scheme).
    Unsafe(String),
    /// A relative path that climbs out of content/.
    Outside(String),
    /// A draft's file (`content/a.md`).
    Draft(String),
    /// A page not published today.
    Withheld(String, crate::content::schedule::Withheld),
    /// A Markdown file that does not exist.
    NoFile(String),
    /// A Markdown file without a version in the language.
    NoVersion(String),
    /// A folder or file of content/ that does not exist.
    NoPath(String),
}

/// What the target is written as: a link, an image, or a shortcode's argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Link,
    Image,
    Argument,
}

impl LinkProblem {
    /// The problem as a message of the catalogs.
    pub fn keyed(&self, shown: Shown) -> crate::messages::Keyed {
        use crate::content::schedule::Withheld;
        use crate::keyed;
        let shown = match shown {
            Shown::Link => "link",
            Shown::Image => "image",
            Shown::Argument => "argument",
        };
        match self {
            LinkProblem::Unsafe(scheme) => keyed!("link-unsafe", shown = shown, scheme = scheme),
            LinkProblem::Outside(path) => keyed!("link-outside", shown = shown, target = path),
            LinkProblem::Draft(path) => keyed!("link-draft", shown = shown, target = path),
            LinkProblem::Withheld(path, Withheld::Scheduled(date)) => {
                keyed!("link-scheduled", shown = shown, target = path, date = date.to_string())
            }
            LinkProblem::Withheld(path, Withheld::Expired(date)) => {
                keyed!("link-expired", shown = shown, target = path, date = date.to_string())
            }
            LinkProblem::NoFile(path) => keyed!("link-no-file", shown = shown, target = path),
            LinkProblem::NoVersion(path) => keyed!("link-no-version", shown = shown, target = path),
            LinkProblem::NoPath(path) => keyed!("link-no-path", shown = shown, target = path),
        }
    }
}

/// Turns a link target written in Markdown into the URL the reader's browser gets.
pub fn resolve_url(url: &str, doc: &Doc, links: &Links<'_>) -> Result<String, LinkProblem> {
    let trimmed = url.trim();
    if let Some(scheme) = scheme(trimmed) {
        return match scheme.as_str() {
            "javascript" | "vbscript" | "data" | "file" => Err(LinkProblem::Unsafe(scheme)),
            _ => Ok(trimmed.to_string()),
        };
    }
    if trimmed.starts_with("//") || trimmed.starts_with('#') || trimmed.is_empty() {
        return Ok(trimmed.to_string());
    }
    if let Some(rooted) = trimmed.strip_prefix('/') {
        // A site path: the base path goes in front.
        return Ok(links.config.link(&format!("/{rooted}")));
    }
    // Relative: a file in content/, relative to this file's folder.
    // The fragment is cut off before decoding: `x%23y.png` names the file `x#y.png`.
    let (path, fragment) = trimmed.split_once('#').map_or((trimmed, None), |(p, f)| (p, Some(f)));
    let decoded = percent_decode(path);
    let joined = join(&doc.dir, &decoded).ok_or_else(|| LinkProblem::Outside(decoded.clone()))?;
    links.resolve(&joined, fragment, doc.lang)
}

/// Joins a relative path to a folder of content/, resolving `.` and `..`;
/// `None` if it leaves content/.
pub(crate) fn join(folder: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_paths() {
        assert_eq!(join("enterprises", "../parks/a.md").as_deref(), Some("parks/a.md"));
        assert_eq!(join("enterprises", "b.md").as_deref(), Some("enterprises/b.md"));
        assert_eq!(join("", "../a.md"), None);
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme("https://x").as_deref(), Some("https"));
        assert_eq!(scheme("java\tscript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("JaVaScRiPt:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("a.md"), None);
        assert_eq!(scheme("中以.md"), None);
    }

    #[test]
    fn unique_ids() {
        let mut used = HashMap::new();
        assert_eq!(unique_id("a".into(), &mut used), "a");
        assert_eq!(unique_id("a".into(), &mut used), "a-1");
        assert_eq!(unique_id("a-1".into(), &mut used), "a-1-1");
        assert_eq!(unique_id("a".into(), &mut used), "a-2");
        assert_eq!(unique_id("a-3".into(), &mut used), "a-3");
        assert_eq!(unique_id("a".into(), &mut used), "a-4");
        assert_eq!(unique_id("a-1".into(), &mut used), "a-1-2");
    }

    #[test]
    fn decodes_percent() {
        assert_eq!(percent_decode("%E4%B8%AD.md"), "中.md");
        assert_eq!(percent_decode("a%2"), "a%2");
    }
}
