//! The Typst source of a casebook, generated from the site's content.
//!
//! Everything that comes from the site (titles, text, URLs, file names) enters
//! the markup as a Typst string literal (`#"…";`), never as markup, so that
//! `#`, `$`, `*`, `[` or `]` in a title print as written. Steps: a preamble of
//! page, text and heading styles and a few helper functions; the cover; the
//! preface; the table of contents (Typst's outline, with page numbers); then
//! one `page` per case with the section as running header. Images and QR codes
//! become files of the book's virtual folder (see [`Files`]).

use std::fmt::Write as _;

use super::body::body;
use super::book::{BookInput, Document, FileData, Files, lit};
use super::labels::Labels;
use super::select::Entry;
use crate::content::Doc;
use crate::diagnostics::Diagnostic;
use crate::text::is_cjk_char;

/// Generates the Typst source of a book; problems with the content (a missing image)
/// are reported together.
pub fn document(book: &BookInput<'_>) -> Result<Document, Vec<Diagnostic>> {
    let config = book.config;
    let language = &config.languages[book.lang];
    let labels = Labels::of(&language.code);
    let settings = &config.casebook;
    let title = settings
        .title
        .get(book.lang)
        .cloned()
        .flatten()
        .unwrap_or_else(|| language.title.clone());
    let mut out = String::with_capacity(4096 + book.entries.len() * 6000);
    let mut files = Files::new();
    let mut errors = Vec::new();
    let mut spans = Vec::new();

    preamble(&mut out, book, &title);
    if !book.leaflet {
        cover(&mut out, book, &labels, &title);
        if let Some(preface) = book.preface {
            let start = out.len();
            let _ = write!(
                out,
                "#page(header: hdr({}))[\n#heading(level: 2, outlined: false)[{}]\n\n",
                lit(&preface.fm.title),
                text(&preface.fm.title)
            );
            body(&mut out, book, preface, &mut files, &mut errors);
            out.push_str("]\n");
            spans.push((start..out.len(), preface.source.clone()));
        }
        let _ = writeln!(
            out,
            "#page(header: hdr({}))[\n#text(font: headfont, size: 18pt, weight: \"bold\", {})\n#v(0.8em)\n#outline(title: none, depth: 2, indent: 1.5em)\n]",
            lit(labels.contents),
            lit(labels.contents)
        );
    }
    let mut section = None;
    for (n, entry) in book.entries.iter().enumerate() {
        let start = out.len();
        case(
            &mut out,
            book,
            &labels,
            entry,
            n,
            section != Some(&entry.section_key),
            &mut files,
            &mut errors,
        );
        section = Some(&entry.section_key);
        spans.push((start..out.len(), entry.doc.source.clone()));
    }
    if book.entries.is_empty() {
        let _ = writeln!(out, "#page[{}]", text(labels.no_cases));
    }
    if errors.is_empty() {
        Ok(Document {
            source: out,
            files,
            spans,
        })
    } else {
        Err(errors)
    }
}

/// Page, text and heading styles, and the helpers `hdr`, `meta`, `figures` and `qr`.
fn preamble(out: &mut String, book: &BookInput<'_>, title: &str) {
    let config = book.config;
    let language = &config.languages[book.lang];
    let fam = book.families;
    let cjk: Vec<&String> = fam.named.iter().chain(&fam.cjk).collect();
    let body_fonts: Vec<&String> = if language.is_cjk() {
        cjk.clone()
    } else {
        fam.named.iter().chain(&fam.latin).chain(&fam.cjk).collect()
    };
    let head_fonts: Vec<&String> = if language.is_cjk() {
        fam.named.iter().chain(&fam.cjk_sans).chain(&fam.cjk).collect()
    } else {
        body_fonts.clone()
    };
    let mono: Vec<&String> = fam.mono.iter().chain(&fam.cjk).collect();
    let (lang, region) = split_tag(&language.tag, &language.code);
    let publisher = config.publisher.get(book.lang).cloned().unwrap_or_default();
    let _ = write!(
        out,
        r##"#let bodyfont = {body}
#let cjkfont = {cjk}
#let headfont = {head}
#let accent = rgb("#9f2a22")
#set document(title: {title}, author: {publisher})
#set text(lang: {lang}, region: {region}, font: bodyfont, size: 10.5pt)
#set page(paper: "a4", margin: (top: 2.6cm, bottom: 2.4cm, x: 2.3cm), footer: context {{
  set text(size: 9pt, fill: luma(90))
  align(center, counter(page).display())
}})
#set par(justify: true, leading: 0.8em, spacing: 1.15em)
#set heading(numbering: none)
#show heading: set text(font: headfont)
#show heading.where(level: 1): it => block(below: 0.5em, text(size: 10pt, fill: accent, weight: "bold", it.body))
#show heading.where(level: 2): it => block(below: 0.9em, text(size: 18pt, weight: "bold", it.body))
#show heading.where(level: 3): it => block(above: 1.3em, below: 0.7em, text(size: 13pt, weight: "bold", it.body))
#show heading.where(level: 4): it => block(above: 1.1em, below: 0.6em, text(size: 11.5pt, weight: "bold", it.body))
#show heading.where(level: 5): it => block(above: 1em, below: 0.5em, text(size: 10.5pt, weight: "bold", it.body))
#show outline.entry.where(level: 1): it => block(above: 1.1em, text(weight: "bold", fill: accent, it))
#show raw: set text(font: {mono}, size: 8.5pt)
#show raw.where(block: true): it => block(fill: luma(244), inset: 7pt, radius: 2pt, width: 100%, it)
#set table(stroke: 0.5pt + luma(150), inset: 4pt)
#show table: set par(justify: false)
#set figure(numbering: none)
#show figure.caption: set text(size: 9pt, fill: luma(70))
#show link: set text(fill: rgb("#1d4f87"))
#let hdr(name) = {{
  set text(size: 8.5pt, fill: luma(80))
  grid(columns: (1fr, auto), column-gutter: 1em, {title_short}, name)
  v(-5pt)
  line(length: 100%, stroke: 0.4pt + luma(160))
}}
#let meta(..rows) = block(above: 0.6em, below: 1em, grid(columns: (auto, 1fr), column-gutter: 1.2em, row-gutter: 0.6em,
  ..rows.pos().map(r => (text(fill: luma(90), r.at(0)), r.at(1))).flatten()))
#let figures(..items) = block(below: 1.2em, grid(columns: (1fr,) * calc.min(items.pos().len(), 4), column-gutter: 8pt, row-gutter: 8pt,
  ..items.pos().map(it => block(width: 100%, fill: rgb("#f5efe6"), inset: 8pt, radius: 3pt,
    [#text(size: 16pt, weight: "bold", fill: accent, it.at(0)) \ #text(size: 8.5pt, it.at(1))]))))
#let notice(body) = block(width: 100%, fill: rgb("#fdf6e3"), stroke: (left: 3pt + rgb("#c9a227")), inset: 8pt, below: 1.2em, text(size: 9.5pt, body))
#let qr(path, url, label) = block(breakable: false, above: 1.8em, width: 100%, stroke: (top: 0.5pt + luma(160)), inset: (top: 10pt),
  grid(columns: (2.8cm, 1fr), column-gutter: 12pt, align: horizon, image(path, width: 2.8cm),
    [#text(weight: "bold", label) \ #text(size: 8.5pt, link(url, url))]))
"##,
        body = font_list(&body_fonts),
        cjk = font_list(&cjk),
        head = font_list(&head_fonts),
        mono = font_list(&mono),
        title = lit(title),
        publisher = lit(&publisher),
        lang = lit(lang),
        region = region.map_or("none".to_string(), |r| lit(&r)),
        title_short = lit(&shorten(title, 70)),
    );
}

/// The cover: site, title, the plan's name, publisher and date.
fn cover(out: &mut String, book: &BookInput<'_>, labels: &Labels, title: &str) {
    let config = book.config;
    let language = &config.languages[book.lang];
    let subtitle = config
        .casebook
        .subtitle
        .get(book.lang)
        .cloned()
        .flatten()
        .unwrap_or_default();
    let publisher = config.publisher.get(book.lang).cloned().unwrap_or_default();
    let _ = write!(
        out,
        r#"#page(header: none, footer: none, margin: (x: 2.6cm, y: 3cm))[
#set par(justify: false)
#align(center)[#text(size: 11pt, fill: luma(90), {site})]
#v(1fr)
#align(center)[#text(size: 12pt, fill: accent, tracking: 0.2em, {kind})]
#v(0.6em)
#align(center)[#text(font: headfont, size: 28pt, weight: "bold", {title})]
#v(0.9em)
#align(center)[#text(size: 14pt, {subtitle})]
#v(0.6em)
#align(center)[#line(length: 30%, stroke: 1.2pt + accent)]
#v(2fr)
#align(center)[#text(size: 11pt, {count}) \ #text(size: 11pt, {publisher}) \ #text(size: 11pt, {date})]
]
"#,
        site = lit(&language.title),
        kind = lit(labels.casebook),
        title = lit(title),
        subtitle = lit(&subtitle),
        count = lit(&labels.count(book.entries.len())),
        publisher = lit(&publisher),
        date = lit(&book.date),
    );
}

/// One case on pages of its own.
#[allow(clippy::too_many_arguments)]
fn case(
    out: &mut String,
    book: &BookInput<'_>,
    labels: &Labels,
    entry: &Entry<'_>,
    n: usize,
    first_of_section: bool,
    files: &mut Files,
    errors: &mut Vec<Diagnostic>,
) {
    let config = book.config;
    let doc = entry.doc;
    let section_title = if entry.section.is_empty() {
        config.languages[book.lang].title.clone()
    } else {
        entry.section.clone()
    };
    let _ = writeln!(out, "#page(header: hdr({}))[", lit(&shorten(&section_title, 70)));
    if entry.fallback {
        // The original's language, for its line breaking and punctuation.
        let original = &config.languages[doc.lang];
        let (lang, region) = split_tag(&original.tag, &original.code);
        let _ = writeln!(
            out,
            "#set text(lang: {}, region: {}, font: {})",
            lit(lang),
            region.map_or("none".to_string(), |r| lit(&r)),
            if original.is_cjk() { "cjkfont" } else { "bodyfont" }
        );
    }
    if first_of_section && !book.leaflet {
        let _ = write!(out, "#heading(level: 1)[{}]\n\n", text(&section_title));
    }
    let _ = write!(out, "#heading(level: 2)[{}", text(&doc.fm.title));
    if entry.fallback {
        let _ = write!(
            out,
            "#h(0.4em)#text(size: 0.55em, weight: \"regular\", fill: luma(90), {})",
            lit(labels.original_mark)
        );
    }
    out.push_str("]\n\n");
    if entry.fallback {
        let _ = write!(out, "#notice({})\n\n", lit(labels.fallback_notice));
    }
    meta(out, book, labels, doc);
    if !doc.fm.highlights.is_empty() {
        out.push_str("#figures(");
        for h in &doc.fm.highlights {
            let _ = write!(out, "({}, {}), ", lit(&h.value), lit(&h.label));
        }
        out.push_str(")\n\n");
    }
    if let Some(summary) = doc.fm.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        let _ = write!(out, "#block(below: 1.2em, text(fill: luma(60), {}))\n\n", lit(summary));
    }
    body(out, book, doc, files, errors);
    let qr_path = format!("/qr/{n}.svg");
    match qr_svg(&entry.url) {
        Some(svg) => {
            files.insert(qr_path.clone(), FileData::Memory(svg.into_bytes()));
            let _ = writeln!(out, "#qr({}, {}, {})", lit(&qr_path), lit(&entry.url), lit(labels.scan));
        }
        None => {
            let _ = writeln!(out, "#block(above: 1.8em, link({0}, {0}))", lit(&entry.url));
        }
    }
    out.push_str("]\n");
}

/// Organisation, kind, level, date and source, as label–value rows.
fn meta(out: &mut String, book: &BookInput<'_>, labels: &Labels, doc: &Doc) {
    let config = book.config;
    let lang = book.lang;
    let mut rows: Vec<(String, String)> = Vec::new();
    if let Some(org) = doc.fm.organisation.as_deref().filter(|o| !o.trim().is_empty()) {
        rows.push((labels.organisation.to_string(), org.to_string()));
    }
    for taxonomy in &config.taxonomies {
        let Some(keys) = doc.fm.terms.get(&taxonomy.name) else {
            continue;
        };
        let names: Vec<String> = keys
            .iter()
            .map(|k| {
                taxonomy
                    .term(k)
                    .and_then(|t| t.labels.get(lang).or(t.labels.first()))
                    .cloned()
                    .unwrap_or_else(|| k.clone())
            })
            .collect();
        if !names.is_empty() {
            let label = taxonomy
                .labels
                .get(lang)
                .cloned()
                .unwrap_or_else(|| taxonomy.name.clone());
            rows.push((label, names.join(labels.list_separator)));
        }
    }
    if let Some(level) = doc.fm.level {
        rows.push((labels.level.to_string(), labels.level_name(level.as_str()).to_string()));
    }
    if let Some(date) = doc.fm.date {
        let format = &config.languages[lang].date_format;
        rows.push((labels.date.to_string(), crate::render::format_date(date, format)));
    }
    if let Some(source) = doc.fm.source.as_deref().filter(|s| !s.trim().is_empty()) {
        rows.push((labels.source.to_string(), source.to_string()));
    }
    if rows.is_empty() {
        return;
    }
    out.push_str("#meta(");
    for (label, value) in rows {
        let _ = write!(out, "({}, {}), ", lit(&label), lit(&value));
    }
    out.push_str(")\n\n");
}

/// A QR code of `url` as SVG, black on white with its quiet zone.
pub fn qr_svg(url: &str) -> Option<String> {
    crate::qr::Codes::default().svg(url, url, 240).ok()
}

/// Text as markup: a string literal in an embedded expression, ended by `;`.
fn text(s: &str) -> String {
    format!("#{};", lit(s))
}

/// A Typst array of font families: `("Noto Serif CJK SC",)`.
fn font_list(families: &[&String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for f in families {
        if !seen.iter().any(|s| s.eq_ignore_ascii_case(f)) {
            seen.push(f);
        }
    }
    if seen.is_empty() {
        return "()".to_string();
    }
    let items: Vec<String> = seen.iter().map(|f| lit(f)).collect();
    format!("({},)", items.join(", "))
}

/// `zh-CN` → (`zh`, Some(`cn`)); Typst wants a two-letter region or none.
fn split_tag<'t>(tag: &'t str, code: &'t str) -> (&'t str, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().filter(|l| !l.is_empty()).unwrap_or(code);
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    (lang, region)
}

/// At most `max` columns (a Chinese character takes two), with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    let width = |c: char| if is_cjk_char(c) { 2 } else { 1 };
    if s.chars().map(width).sum::<usize>() <= max {
        return s.to_string();
    }
    let mut used = 0;
    let mut cut: String = s
        .chars()
        .take_while(|&c| {
            used += width(c);
            used < max
        })
        .collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_quotes_backslashes_and_newlines() {
        assert_eq!(lit("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(lit("#$*[]_@<>`"), "\"#$*[]_@<>`\"");
    }

    #[test]
    fn tags_give_language_and_region() {
        assert_eq!(split_tag("zh-CN", "zh"), ("zh", Some("cn".to_string())));
        assert_eq!(split_tag("en", "en"), ("en", None));
        assert_eq!(split_tag("zh-Hans-CN", "zh"), ("zh", Some("cn".to_string())));
    }

    #[test]
    fn long_text_is_shortened_with_an_ellipsis() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
        assert_eq!(shorten("普陀区产教融合", 8), "普陀区…");
    }
}
