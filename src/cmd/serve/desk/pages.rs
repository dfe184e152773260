//! The desk's pages, drawn on the server: the list of cases, the form of a
//! case beside its preview and its translation, and the form of a new case.
//!
//! Every field has a label; a problem with a field is written under it and
//! tied to it (`aria-describedby`, `aria-invalid`). The problems shown are
//! those `check` finds in the file: its front matter read as a build reads
//! it, the errors of the last rebuild in this file, and the editorial
//! findings of the file; each goes beside the field its line belongs to.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::form::Case;
use super::{Fields, PREFIX, Snapshot, encode};
use crate::config::Config;
use crate::content::translation::{self, State};
use crate::content::{CONTENT_DIR, DocKind, Library, front_matter, lint};
use crate::messages::Messages;
use crate::msg;
use crate::text::{escape_attr as attr, escape_text as esc};

/// Field id → what is wrong with it, in the desk's language.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// What the form of one case shows.
pub struct Page<'a> {
    pub rel: &'a str,
    /// The hash of the file as the form was opened.
    pub hash: String,
    pub case: &'a Case,
    /// Problems with the values sent, which kept the file from being saved.
    pub errors: &'a FieldErrors,
    /// A note that all went well.
    pub notice: Option<&'a str>,
    /// Why the last save was refused.
    pub refusal: Option<&'a str>,
}

/// The index of the site's language the desk speaks, for labels; else the default language.
fn label_lang(config: &Config, messages: &Messages) -> usize {
    config
        .languages
        .iter()
        .position(|l| l.code.split('-').next() == Some(messages.lang().code()))
        .unwrap_or(0)
}

fn label(labels: &[String], lang: usize) -> &str {
    labels
        .get(lang)
        .filter(|l| !l.is_empty())
        .or_else(|| labels.first())
        .map_or("", String::as_str)
}

/// The frame of every desk page.
pub(super) fn shell(messages: &Messages, title: &str, main: &str) -> String {
    let lang = messages.lang().code();
    let (other, other_name) = if lang == "zh" {
        ("en", "English")
    } else {
        ("zh", "中文")
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title} · {desk}</title><link rel=\"stylesheet\" href=\"{PREFIX}desk.css\"></head>\
<body><header class=\"bar\"><a class=\"brand\" href=\"{PREFIX}\">{desk}</a><nav aria-label=\"{nav}\">\
<a href=\"{PREFIX}\">{all}</a><a href=\"{PREFIX}new\">{new}</a><a href=\"/\" target=\"_blank\" rel=\"noopener\">{site}</a>\
<a href=\"{PREFIX}lang?to={other}\" lang=\"{other}\">{other_name}</a></nav></header>\
<main id=\"main\">{main}</main><script src=\"{PREFIX}desk.js\"></script></body></html>\n",
        title = esc(title),
        desk = esc(&msg!(messages, "desk-title")),
        nav = attr(&msg!(messages, "desk-nav")),
        all = esc(&msg!(messages, "desk-all-cases")),
        new = esc(&msg!(messages, "desk-new-case")),
        site = esc(&msg!(messages, "desk-open-site")),
    )
}

/// A page that only says why something cannot be done.
pub fn refused(messages: &Messages, text: &str) -> String {
    shell(
        messages,
        &msg!(messages, "desk-title"),
        &format!("<p class=\"refusal\" role=\"alert\">{}</p>", esc(text)),
    )
}

/// The top of a file's page: what the last save did, then the heading and the file.
pub(super) fn head(notice: Option<&str>, refusal: Option<&str>, heading: &str, rel: &str) -> String {
    let mut main = String::new();
    if let Some(notice) = notice {
        let _ = write!(main, "<p class=\"notice\" role=\"status\">{}</p>", esc(notice));
    }
    if let Some(refusal) = refusal {
        let _ = write!(
            main,
            "<p class=\"refusal\" role=\"alert\" id=\"refusal\">{}</p>",
            esc(refusal)
        );
    }
    let _ = write!(
        main,
        "<div class=\"heading\"><h1>{}</h1><p class=\"file\">{CONTENT_DIR}/{}</p></div>",
        esc(heading),
        esc(rel)
    );
    main
}

/// A translation's state, as words and a class for its colour.
fn state_words(messages: &Messages, state: Option<State>) -> (String, &'static str) {
    match state {
        None => (msg!(messages, "desk-state-missing"), "missing"),
        Some(State::Original) => (msg!(messages, "desk-state-original"), "original"),
        Some(State::Current) => (msg!(messages, "desk-state-current"), "current"),
        Some(State::Stale) => (msg!(messages, "desk-state-stale"), "stale"),
        Some(State::Unstamped) => (msg!(messages, "desk-state-unstamped"), "stale"),
        Some(State::Orphan) => (msg!(messages, "desk-state-orphan"), "missing"),
    }
}

/// Every page of the site by section, each with its languages and their state,
/// after `broken`: the files whose front matter fails (see `fix::list`).
pub fn list(messages: &Messages, config: &Config, library: &Library, broken: &str) -> String {
    let mut main = format!(
        "<div class=\"heading\"><h1>{}</h1><a class=\"button primary\" href=\"{PREFIX}new\">{}</a></div>",
        esc(&msg!(messages, "desk-all-cases")),
        esc(&msg!(messages, "desk-new-case"))
    );
    // Files whose front matter fails are not pages of the site: first, so they are put right.
    main.push_str(broken);
    for (index, section) in library.docs.iter().enumerate() {
        if section.kind != DocKind::Section || section.lang != 0 {
            continue;
        }
        let pages = library.pages_of.get(&index).map(Vec::as_slice).unwrap_or(&[]);
        if pages.is_empty() {
            continue;
        }
        let folder = if section.key.is_empty() {
            format!("{CONTENT_DIR}/")
        } else {
            format!("{CONTENT_DIR}/{}/", section.key)
        };
        let _ = write!(
            main,
            "<section class=\"section\"><h2>{} <small>{}</small></h2><ul class=\"cases\">",
            esc(&section.fm.title),
            esc(&folder)
        );
        for &page in pages {
            let doc = &library.docs[page];
            let _ = write!(
                main,
                "<li><a class=\"case-title\" href=\"{PREFIX}case?file={}\">{}</a><span class=\"langs\">",
                attr(&encode(&doc.rel)),
                esc(&doc.fm.title)
            );
            let versions = library.translations.get(&doc.key);
            for (lang, language) in config.languages.iter().enumerate() {
                let found = versions.and_then(|v| v.get(lang).copied().flatten());
                let (words, class) = state_words(messages, found.map(|d| translation::state(library, d)));
                match found {
                    Some(d) => {
                        let _ = write!(
                            main,
                            "<a class=\"lang {class}\" href=\"{PREFIX}case?file={}\">{}: {}</a>",
                            attr(&encode(&library.docs[d].rel)),
                            esc(&language.name),
                            esc(&words)
                        );
                    }
                    None => {
                        let _ = write!(
                            main,
                            "<span class=\"lang {class}\">{}: {}</span>",
                            esc(&language.name),
                            esc(&words)
                        );
                    }
                }
            }
            main.push_str("</span></li>");
        }
        main.push_str("</ul></section>");
    }
    shell(messages, &msg!(messages, "desk-all-cases"), &main)
}

/// The form of a new case: its title, section and kind.
pub fn new_case(messages: &Messages, config: &Config, library: &Library, form: &Fields, error: Option<&str>) -> String {
    let lang = label_lang(config, messages);
    let mut main = format!("<h1>{}</h1>", esc(&msg!(messages, "desk-new-case")));
    if let Some(error) = error {
        let _ = write!(
            main,
            "<p class=\"refusal\" role=\"alert\" id=\"err-new\">{}</p>",
            esc(error)
        );
    }
    let described = if error.is_some() {
        " aria-describedby=\"err-new\""
    } else {
        ""
    };
    let _ = write!(
        main,
        "<form method=\"post\" action=\"{PREFIX}new\" class=\"case-form narrow\">\
<p class=\"hint\">{hint}</p>\
<div class=\"field\"><label for=\"title\">{title}</label><input id=\"title\" name=\"title\" required value=\"{value}\"{described}></div>\
<div class=\"field\"><label for=\"section\">{section}</label><select id=\"section\" name=\"section\">",
        hint = esc(&msg!(messages, "desk-new-hint")),
        title = esc(&msg!(messages, "desk-field-title")),
        value = attr(form.get("title")),
        section = esc(&msg!(messages, "desk-field-section")),
    );
    for doc in library
        .docs
        .iter()
        .filter(|d| d.kind == DocKind::Section && d.lang == 0 && !d.key.is_empty())
    {
        let selected = if form.get("section") == doc.key {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            main,
            "<option value=\"{}\"{selected}>{} ({CONTENT_DIR}/{}/)</option>",
            attr(&doc.key),
            esc(&doc.fm.title),
            esc(&doc.key)
        );
    }
    main.push_str("</select></div>");
    if let Some(kind) = config.taxonomy("kind") {
        let _ = write!(
            main,
            "<div class=\"field\"><label for=\"kind\">{}</label><select id=\"kind\" name=\"kind\">",
            esc(label(&kind.labels, lang))
        );
        for term in &kind.terms {
            let selected = if form.get("kind") == term.key { " selected" } else { "" };
            let _ = write!(
                main,
                "<option value=\"{}\"{selected}>{}</option>",
                attr(&term.key),
                esc(label(&term.labels, lang))
            );
        }
        main.push_str("</select></div>");
    }
    let _ = write!(
        main,
        "<button class=\"button primary\" type=\"submit\">{}</button></form>",
        esc(&msg!(messages, "desk-create"))
    );
    shell(messages, &msg!(messages, "desk-new-case"), &main)
}

/// The case as the form sent it, over the case as it was read (which keeps the other fields).
pub fn case_from_form(form: &Fields, config: &Config, base: Case) -> Case {
    let mut case = Case {
        title: form.get("title").trim().to_string(),
        summary: form.get("summary").trim().replace("\r\n", " ").replace('\n', " "),
        date: form.get("date").trim().to_string(),
        organisation: form.get("organisation").trim().to_string(),
        source: form.get("source").trim().to_string(),
        level: match form.get("level") {
            l @ ("municipal" | "district") => l.to_string(),
            _ => String::new(),
        },
        cover_src: form.get("cover_src").trim().to_string(),
        cover_alt: form.get("cover_alt").trim().to_string(),
        draft: form.get("draft") == "true",
        body: form.get("body").replace("\r\n", "\n"),
        ..base
    };
    case.terms = config
        .taxonomies
        .iter()
        .map(|t| {
            let picked = form.all(&format!("terms-{}", t.name));
            // In site.toml's order, each once, only terms it defines.
            let keys = t
                .terms
                .iter()
                .filter(|term| picked.contains(&term.key))
                .map(|term| term.key.clone())
                .collect();
            (t.name.clone(), keys)
        })
        .collect();
    let values = form.all("figure_value");
    let labels = form.all("figure_label");
    case.highlights = values
        .into_iter()
        .zip(labels)
        .map(|(v, l)| (v.trim().to_string(), l.trim().to_string()))
        .filter(|(v, l)| !v.is_empty() || !l.is_empty())
        .collect();
    case
}

/// What keeps the values sent from being saved: field id → messages.
pub fn validate(messages: &Messages, case: &Case) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let mut add = |field: &str, text: String| errors.entry(field.to_string()).or_default().push(text);
    if case.title.is_empty() {
        add("title", msg!(messages, "desk-need-title"));
    }
    if !case.date.is_empty() && front_matter::parse_date(&case.date).is_none() {
        add("date", msg!(messages, "desk-bad-date", date = case.date.as_str()));
    }
    if !case.cover_src.is_empty() && case.cover_alt.is_empty() {
        add("cover_alt", msg!(messages, "desk-need-alt"));
    }
    if case.cover_src.is_empty() && !case.cover_alt.is_empty() {
        add("cover_src", msg!(messages, "desk-need-cover"));
    }
    if case.highlights.iter().any(|(v, l)| v.is_empty() || l.is_empty()) {
        add("highlights", msg!(messages, "desk-need-figure"));
    }
    errors
}

/// The problems `check` finds in the file, each by the field its line belongs to.
fn problems(
    messages: &Messages,
    config: &Config,
    library: Option<&Library>,
    snapshot: &Snapshot,
    rel: &str,
    text: &str,
) -> FieldErrors {
    let mut found: Vec<(usize, String)> = Vec::new();
    let Ok(split) = front_matter::split(text) else {
        return FieldErrors::new();
    };
    if let Err(problems) = front_matter::parse(split.yaml, split.yaml_line, config) {
        for p in problems {
            let words = match (&p.keyed, p.rule) {
                // Said as the form asks for it.
                (_, "missing-alt") => msg!(messages, "desk-need-alt"),
                (Some(keyed), _) => keyed.text(messages),
                (None, _) => p.message.clone(),
            };
            found.push((p.line, words));
        }
    }
    let file = std::path::Path::new(CONTENT_DIR).join(rel);
    // The last rebuild read the same front matter: what it found there is said above.
    let read: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    for d in snapshot
        .errors
        .iter()
        .filter(|d| d.file.ends_with(&file) && !read.contains(&d.line))
    {
        found.push((d.line, d.text_in(messages).into_owned()));
    }
    if let Some(doc) = library.and_then(|l| l.docs.iter().find(|d| d.rel == rel)) {
        for f in lint::lint_doc(config, doc) {
            found.push((f.line, f.message.text(messages)));
        }
    }
    let mut out = FieldErrors::new();
    for (line, words) in found {
        let field = field_at(config, text, split.yaml_line, split.body_line, line);
        let list = out.entry(field).or_default();
        if !list.contains(&words) {
            list.push(words);
        }
    }
    out
}

/// The form field a line of the file belongs to.
fn field_at(config: &Config, text: &str, yaml_line: usize, body_line: usize, line: usize) -> String {
    if line >= body_line {
        return "body".into();
    }
    if line < yaml_line {
        return "general".into();
    }
    let mut key = String::new();
    for (i, l) in text.lines().enumerate().take(line).skip(yaml_line - 1) {
        let _ = i;
        if !l.starts_with([' ', '\t', '-', '#']) && l.contains(':') {
            key = l[..l.find(':').unwrap_or(0)]
                .trim()
                .trim_matches(['"', '\''])
                .to_string();
        }
    }
    match key.as_str() {
        "title" | "summary" | "date" | "organisation" | "source" | "level" | "highlights" | "draft" => key,
        "cover" => "cover_alt".into(),
        k if config.taxonomy(k).is_some() => format!("terms-{k}"),
        _ => "general".into(),
    }
}

/// The errors of a field: their element and the attributes tying them to its input.
fn field_errors(errors: &FieldErrors, field: &str) -> (String, String) {
    match errors.get(field) {
        Some(list) if !list.is_empty() => {
            let mut out = format!("<ul class=\"errors\" id=\"err-{field}\">");
            for e in list {
                let _ = write!(out, "<li>{}</li>", esc(e));
            }
            out.push_str("</ul>");
            (out, format!(" aria-invalid=\"true\" aria-describedby=\"err-{field}\""))
        }
        _ => (String::new(), String::new()),
    }
}

/// The form of one case, with its languages, its problems and its preview.
pub fn edit(
    messages: &Messages,
    config: &Config,
    library: Option<&Library>,
    snapshot: &Snapshot,
    text: &str,
    page: &Page<'_>,
) -> String {
    let lang = label_lang(config, messages);
    let case = page.case;
    // What the form sent and what check finds on disk, together.
    let mut errors = problems(messages, config, library, snapshot, page.rel, text);
    for (field, list) in page.errors {
        errors
            .entry(field.clone())
            .or_default()
            .splice(0..0, list.iter().cloned());
    }
    let doc = library.and_then(|l| l.docs.iter().position(|d| d.rel == page.rel).map(|i| (l, i)));
    let mut main = head(page.notice, page.refusal, &case.title, page.rel);

    // The languages of this case, and the original beside a translation.
    let mut original_doc = None;
    if let Some((library, index)) = doc {
        let d = &library.docs[index];
        let versions = library.translations.get(&d.key);
        main.push_str("<nav class=\"versions\" aria-label=\"");
        main.push_str(&attr(&msg!(messages, "desk-versions")));
        main.push_str("\"><ul>");
        for (l, language) in config.languages.iter().enumerate() {
            let found = versions.and_then(|v| v.get(l).copied().flatten());
            let (words, class) = state_words(messages, found.map(|x| translation::state(library, x)));
            let current = if found == Some(index) {
                " aria-current=\"page\""
            } else {
                ""
            };
            match found {
                Some(x) => {
                    let _ = write!(
                        main,
                        "<li><a class=\"lang {class}\" href=\"{PREFIX}case?file={}\"{current}>{}: {}</a></li>",
                        attr(&encode(&library.docs[x].rel)),
                        esc(&language.name),
                        esc(&words)
                    );
                }
                None => {
                    let _ = write!(
                        main,
                        "<li><span class=\"lang {class}\">{}: {}</span>",
                        esc(&language.name),
                        esc(&words)
                    );
                    // From the original: a translation to start, a copy of it as a draft.
                    if d.lang == 0 {
                        let _ = write!(
                            main,
                            " <form method=\"post\" action=\"{PREFIX}translation\" class=\"inline\"><input type=\"hidden\" name=\"file\" value=\"{}\"><input type=\"hidden\" name=\"lang\" value=\"{}\"><button class=\"button\" type=\"submit\">{}</button></form>",
                            attr(page.rel),
                            attr(&language.code),
                            esc(&msg!(messages, "desk-start-translation", lang = language.name.as_str()))
                        );
                    }
                    main.push_str("</li>");
                }
            }
        }
        main.push_str("</ul>");
        if d.lang > 0 {
            let state = translation::state(library, index);
            if matches!(state, State::Stale | State::Unstamped) {
                let _ = write!(
                    main,
                    "<form method=\"post\" action=\"{PREFIX}translated\" class=\"inline\"><input type=\"hidden\" name=\"file\" value=\"{}\"><button class=\"button\" type=\"submit\">{}</button></form>",
                    attr(page.rel),
                    esc(&msg!(messages, "desk-mark-current"))
                );
            }
            original_doc = versions
                .and_then(|v| v.first().copied().flatten())
                .map(|o| &library.docs[o]);
        }
        main.push_str("</nav>");
    }

    main.push_str("<div class=\"columns\">");
    if let Some(original) = original_doc {
        let _ = write!(
            main,
            "<aside class=\"original\" aria-labelledby=\"original-h\"><h2 id=\"original-h\">{}</h2><p class=\"file\">{CONTENT_DIR}/{}</p><h3>{}</h3><p>{}</p><pre class=\"source\">{}</pre></aside>",
            esc(&msg!(messages, "desk-original")),
            esc(&original.rel),
            esc(&original.fm.title),
            esc(original.fm.summary.as_deref().unwrap_or("")),
            esc(&original.body)
        );
    }

    let _ = write!(
        main,
        "<form method=\"post\" action=\"{PREFIX}save\" class=\"case-form\" id=\"case-form\" data-file=\"{file}\">\
<input type=\"hidden\" name=\"file\" value=\"{file}\"><input type=\"hidden\" name=\"hash\" value=\"{hash}\">",
        file = attr(page.rel),
        hash = attr(&page.hash)
    );
    if let Some(list) = errors.get("general") {
        main.push_str("<ul class=\"errors\" id=\"err-general\">");
        for e in list {
            let _ = write!(main, "<li>{}</li>", esc(e));
        }
        main.push_str("</ul>");
    }
    let text_field = |main: &mut String, id: &str, words: String, value: &str, long: bool, extra: &str| {
        let (list, tie) = field_errors(&errors, id);
        let input = if long {
            format!(
                "<textarea id=\"{id}\" name=\"{id}\" rows=\"3\"{tie}{extra}>{}</textarea>",
                esc(value)
            )
        } else {
            format!(
                "<input id=\"{id}\" name=\"{id}\" value=\"{}\"{tie}{extra}>",
                attr(value)
            )
        };
        let _ = write!(
            main,
            "<div class=\"field\"><label for=\"{id}\">{}</label>{input}{list}</div>",
            esc(&words)
        );
    };
    let _ = write!(
        main,
        "<fieldset><legend>{}</legend>",
        esc(&msg!(messages, "desk-about"))
    );
    text_field(
        &mut main,
        "title",
        msg!(messages, "desk-field-title"),
        &case.title,
        false,
        " required",
    );
    text_field(
        &mut main,
        "summary",
        msg!(messages, "desk-field-summary"),
        &case.summary,
        true,
        "",
    );
    text_field(
        &mut main,
        "organisation",
        msg!(messages, "desk-field-organisation"),
        &case.organisation,
        false,
        "",
    );
    text_field(
        &mut main,
        "date",
        msg!(messages, "desk-field-date"),
        &case.date,
        false,
        " type=\"date\"",
    );
    text_field(
        &mut main,
        "source",
        msg!(messages, "desk-field-source"),
        &case.source,
        false,
        "",
    );
    {
        let (list, tie) = field_errors(&errors, "level");
        let option = |value: &str, words: String| {
            let selected = if case.level == value { " selected" } else { "" };
            format!("<option value=\"{value}\"{selected}>{}</option>", esc(&words))
        };
        let _ = write!(
            main,
            "<div class=\"field\"><label for=\"level\">{}</label><select id=\"level\" name=\"level\"{tie}>{}{}{}</select>{list}</div>",
            esc(&msg!(messages, "desk-field-level")),
            option("", msg!(messages, "desk-level-none")),
            option("municipal", msg!(messages, "desk-level-municipal")),
            option("district", msg!(messages, "desk-level-district")),
        );
    }
    {
        let (list, tie) = field_errors(&errors, "draft");
        let checked = if case.draft { " checked" } else { "" };
        let _ = write!(
            main,
            "<div class=\"field check\"><input type=\"checkbox\" id=\"draft\" name=\"draft\" value=\"true\"{checked}{tie}><label for=\"draft\">{}</label>{list}</div>",
            esc(&msg!(messages, "desk-field-draft"))
        );
    }
    main.push_str("</fieldset>");

    for taxonomy in &config.taxonomies {
        let id = format!("terms-{}", taxonomy.name);
        let (list, tie) = field_errors(&errors, &id);
        let picked = case.terms.get(&taxonomy.name).cloned().unwrap_or_default();
        let _ = write!(
            main,
            "<fieldset class=\"terms\" id=\"{id}\"{tie}><legend>{}</legend><div class=\"choices\">",
            esc(label(&taxonomy.labels, lang))
        );
        for (n, term) in taxonomy.terms.iter().enumerate() {
            let checked = if picked.contains(&term.key) { " checked" } else { "" };
            let _ = write!(
                main,
                "<label class=\"choice\"><input type=\"checkbox\" name=\"{id}\" value=\"{}\" id=\"{id}-{n}\"{checked}> {}</label>",
                attr(&term.key),
                esc(label(&term.labels, lang))
            );
        }
        let _ = write!(main, "</div>{list}</fieldset>");
    }

    // The cover, and the images of the case's folder to choose from.
    let _ = write!(
        main,
        "<fieldset><legend>{}</legend>",
        esc(&msg!(messages, "desk-cover"))
    );
    let images = folder_images(library, page.rel);
    text_field(
        &mut main,
        "cover_src",
        msg!(messages, "desk-field-cover-src"),
        &case.cover_src,
        false,
        " list=\"images\"",
    );
    text_field(
        &mut main,
        "cover_alt",
        msg!(messages, "desk-field-cover-alt"),
        &case.cover_alt,
        false,
        "",
    );
    main.push_str("<datalist id=\"images\">");
    for image in &images {
        let _ = write!(main, "<option value=\"{}\">", attr(image));
    }
    main.push_str("</datalist></fieldset>");

    // Key figures: those written, and two empty rows.
    {
        let (list, tie) = field_errors(&errors, "highlights");
        let _ = write!(
            main,
            "<fieldset id=\"highlights\"{tie}><legend>{}</legend><p class=\"hint\">{}</p>",
            esc(&msg!(messages, "desk-figures")),
            esc(&msg!(messages, "desk-figures-hint"))
        );
        let rows = case
            .highlights
            .iter()
            .cloned()
            .chain(std::iter::repeat_n((String::new(), String::new()), 2));
        for (n, (value, words)) in rows.enumerate() {
            let _ = write!(
                main,
                "<div class=\"figure\"><div class=\"field\"><label for=\"figure-value-{n}\">{}</label><input id=\"figure-value-{n}\" name=\"figure_value\" value=\"{}\"></div>\
<div class=\"field\"><label for=\"figure-label-{n}\">{}</label><input id=\"figure-label-{n}\" name=\"figure_label\" value=\"{}\"></div></div>",
                esc(&msg!(messages, "desk-figure-value")),
                attr(&value),
                esc(&msg!(messages, "desk-figure-label")),
                attr(&words)
            );
        }
        let _ = write!(main, "{list}</fieldset>");
    }

    // The body, with the toolbar and the image upload (both need the script).
    {
        let (list, tie) = field_errors(&errors, "body");
        let _ = write!(
            main,
            "<fieldset class=\"body\"><legend>{legend}</legend><div class=\"toolbar\" role=\"toolbar\" aria-controls=\"body\" aria-label=\"{tools}\" hidden>",
            legend = esc(&msg!(messages, "desk-body")),
            tools = attr(&msg!(messages, "desk-toolbar")),
        );
        let code = crate::content::language_of(page.rel, config)
            .ok()
            .map_or("", |l| config.languages[l].code.as_str());
        let outline = if code.split('-').next() == Some("zh") {
            crate::content::archetype::OUTLINE_ZH
        } else {
            crate::content::archetype::OUTLINE_EN
        };
        for (action, words) in [
            ("heading", msg!(messages, "desk-tool-heading")),
            ("bold", msg!(messages, "desk-tool-bold")),
            ("list", msg!(messages, "desk-tool-list")),
            ("link", msg!(messages, "desk-tool-link")),
            ("table", msg!(messages, "desk-tool-table")),
        ] {
            let _ = write!(
                main,
                "<button type=\"button\" class=\"tool\" data-action=\"{action}\">{}</button>",
                esc(&words)
            );
        }
        for (heading, _) in outline {
            let _ = write!(
                main,
                "<button type=\"button\" class=\"tool\" data-action=\"outline\" data-text=\"{}\">{}</button>",
                attr(heading),
                esc(heading)
            );
        }
        // The HTML parser drops one newline after <textarea>: the first of the body is kept by a second.
        let _ = write!(
            main,
            "</div><label for=\"body\" class=\"visually-hidden\">{}</label><textarea id=\"body\" name=\"body\" rows=\"24\" spellcheck=\"false\"{tie}>\n{}</textarea>{list}",
            esc(&msg!(messages, "desk-body")),
            esc(&case.body)
        );
        let _ = write!(
            main,
            "<div class=\"upload\" hidden><h3>{}</h3><div class=\"field\"><label for=\"upload-file\">{}</label><input type=\"file\" id=\"upload-file\" accept=\"image/png,image/jpeg,image/webp,image/gif\"></div>\
<div class=\"field\"><label for=\"upload-alt\">{}</label><input id=\"upload-alt\" aria-describedby=\"upload-status\"></div>\
<button type=\"button\" class=\"button\" id=\"upload-button\" data-need-alt=\"{}\" data-need-file=\"{}\">{}</button><p id=\"upload-status\" role=\"status\"></p></div>",
            esc(&msg!(messages, "desk-upload")),
            esc(&msg!(messages, "desk-upload-file")),
            esc(&msg!(messages, "desk-upload-alt")),
            attr(&msg!(messages, "desk-need-alt")),
            attr(&msg!(messages, "desk-upload-file")),
            esc(&msg!(messages, "desk-upload-button")),
        );
        main.push_str("</fieldset>");
    }
    let _ = write!(
        main,
        "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">{}</button></div></form>",
        esc(&msg!(messages, "desk-save"))
    );

    // The page as serve serves it; its own live reload follows every rebuild.
    if let Some((library, index)) = doc {
        let path = &library.docs[index].path;
        let _ = write!(
            main,
            "<section class=\"preview\" aria-labelledby=\"preview-h\"><h2 id=\"preview-h\">{}</h2><p><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a></p><iframe id=\"preview\" src=\"{}\" title=\"{}\"></iframe></section>",
            esc(&msg!(messages, "desk-preview")),
            attr(path),
            esc(path),
            attr(path),
            attr(&msg!(messages, "desk-preview"))
        );
    }
    main.push_str("</div>");
    shell(messages, &case.title, &main)
}

/// The images beside a case (in its folder), by name.
fn folder_images(library: Option<&Library>, rel: &str) -> Vec<String> {
    let folder = rel.rsplit_once('/').map_or("", |(f, _)| f);
    let Some(library) = library else { return Vec::new() };
    library
        .assets
        .keys()
        .filter_map(|path| {
            let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
            let ext = name.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
            (dir == folder && matches!(ext.as_str(), "png" | "jpg" | "jpeg" | "webp" | "gif")).then(|| name.to_string())
        })
        .collect()
}
