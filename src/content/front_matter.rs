//! Front matter: the YAML between the `---` lines at the top of a content file.
//!
//! Steps: split the file into front matter and body (a BOM and CRLF line ends
//! are fine), parse the YAML, then check each field by hand so that every
//! problem names its line: unknown fields get a did-you-mean, taxonomy terms
//! are checked against site.toml, and `draft: yes` is explained.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;
use serde_yaml::Value;

use crate::config::{Config, RESERVED_FIELDS};
use crate::content::slug::check_slug;
use crate::messages::Keyed;

/// A problem in a file's text: line (1-based, in the whole file), column, message,
/// and the rule id it is reported under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    /// In English.
    pub message: String,
    pub rule: &'static str,
    /// The message by its id in the catalogs, when they hold it.
    pub keyed: Option<crate::messages::Keyed>,
}

impl Problem {
    fn new(line: usize, col: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            col,
            message: message.into(),
            rule: "front-matter",
            keyed: None,
        }
    }

    /// A problem whose message is in the catalogs ([`crate::keyed!`]).
    fn keyed(line: usize, col: usize, message: crate::messages::Keyed) -> Self {
        Problem {
            keyed: Some(message.clone()),
            ..Problem::new(line, col, message.english())
        }
    }

    /// The problem as a diagnostic of `file`.
    pub fn diagnostic(self, file: impl Into<std::path::PathBuf>) -> crate::diagnostics::Diagnostic {
        crate::diagnostics::Diagnostic {
            keyed: self.keyed.map(Box::new),
            ..crate::diagnostics::Diagnostic::error(file, self.line, self.col, self.message).rule(self.rule)
        }
    }

    fn rule(mut self, rule: &'static str) -> Self {
        self.rule = rule;
        self
    }
}

/// A content file cut in two.
#[derive(Debug)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// The 1-based line of the file on which the YAML starts.
    pub yaml_line: usize,
    pub body: &'a str,
    /// The 1-based line of the file on which the body starts.
    pub body_line: usize,
}

/// Cuts a file into its front matter and its body.
pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() != "---" {
        return Err(Problem::keyed(1, 1, crate::keyed!("fm-missing")));
    }
    let mut offset = first_end;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == "---" {
            return Ok(Split {
                yaml: &text[first_end..offset],
                yaml_line: 2,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        offset = end;
        line += 1;
    }
    Err(Problem::keyed(1, 1, crate::keyed!("fm-not-closed")))
}

/// Whether a highlight, cover or other field came with the page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Highlight {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Cover {
    pub src: String,
    pub alt: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Municipal,
    District,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Municipal => "municipal",
            Level::District => "district",
        }
    }
}

/// The checked front matter of one file.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub title: String,
    pub summary: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    /// The lines of `date:` and `updated:`, for messages about them.
    pub date_line: usize,
    pub updated_line: usize,
    /// The day after which the page is taken down (`expires:`), and its line.
    pub expires: Option<Date>,
    pub expires_line: usize,
    pub organisation: Option<String>,
    /// Where the information comes from, as readers should see it (信息来源):
    /// a document, an office. Shown as the page's source; never guessed.
    pub source: Option<String>,
    pub level: Option<Level>,
    pub cover: Option<Cover>,
    /// The line of `cover:`, to point at when its image is missing.
    pub cover_line: usize,
    pub highlights: Vec<Highlight>,
    pub draft: bool,
    /// Shown among the home page's featured cases.
    pub featured: bool,
    pub weight: Option<i64>,
    /// Old site paths that redirect here, checked: `/old/path/`.
    pub aliases: Vec<String>,
    pub slug: Option<String>,
    /// The line of `slug:`.
    pub slug_line: usize,
    pub extra: serde_json::Value,
    /// Taxonomy name → term keys, in the order written; only taxonomies of site.toml.
    pub terms: BTreeMap<String, Vec<String>>,
    /// In a translation: the short hash of the original it was made from (see `translation`).
    pub translated_from: Option<String>,
    /// The line of `translated_from:`.
    pub translated_from_line: usize,
    /// The line of `title:`.
    pub title_line: usize,
}

/// The titles `showcase new` writes, one per language it knows; any other language gets
/// the English one. A page still carrying one cannot be published.
pub const PLACEHOLDER_TITLES: &[(&str, &str)] = &[("zh", "（请填写标题）"), ("en", "(Title to be written)")];

/// The placeholder title for a language code.
pub fn placeholder_title(code: &str) -> &'static str {
    let primary = code.split('-').next().unwrap_or(code);
    PLACEHOLDER_TITLES
        .iter()
        .find(|(c, _)| *c == primary)
        .map_or(PLACEHOLDER_TITLES[1].1, |(_, t)| t)
}

/// Whether a title is still one of the placeholders of [`PLACEHOLDER_TITLES`].
pub fn is_placeholder_title(title: &str) -> bool {
    PLACEHOLDER_TITLES.iter().any(|(_, t)| *t == title.trim())
}

/// The largest front matter parsed, in bytes: real front matter is a few hundred bytes.
pub const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;

/// The most `[` and `{` front matter may hold. The YAML parser's work grows with the
/// number of tokens times the depth of flow nesting (200 KB of `[` took minutes), and
/// the depth cannot exceed this count.
pub const MAX_FLOW_BRACKETS: usize = 1000;

/// Refuses front matter too big or too bracketed to parse in little time.
fn check_size(yaml: &str, first_line: usize) -> Result<(), Problem> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(Problem::keyed(
            first_line,
            1,
            crate::keyed!(
                "fm-too-large",
                size = yaml.len() / 1024,
                limit = MAX_FRONT_MATTER_BYTES / 1024
            ),
        )
        .rule("yaml"));
    }
    if let Some((at, _)) = yaml.match_indices(['[', '{']).nth(MAX_FLOW_BRACKETS) {
        let (line, col) = crate::diagnostics::line_col(yaml, at);
        return Err(Problem::keyed(
            first_line + line - 1,
            col,
            crate::keyed!("fm-too-many-brackets", limit = MAX_FLOW_BRACKETS),
        )
        .rule("yaml"));
    }
    Ok(())
}

/// The front matter's YAML as its fields, or the problem that keeps it from
/// being read as fields at all (its size, its syntax, or a YAML that is not a
/// mapping). `first_line` is the line of the file the YAML starts on.
pub fn fields(yaml: &str, first_line: usize) -> Result<serde_yaml::Mapping, Problem> {
    check_size(yaml, first_line)?;
    let value: Value = if yaml.trim().is_empty() {
        Value::Mapping(Default::default())
    } else {
        serde_yaml::from_str(yaml).map_err(|e| {
            let (line, col) = e
                .location()
                .map_or((first_line, 1), |l| (first_line + l.line() - 1, l.column()));
            Problem::keyed(line, col, yaml_problem(&e)).rule("yaml")
        })?
    };
    match value {
        Value::Mapping(map) => Ok(map),
        _ => Err(Problem::keyed(first_line, 1, crate::keyed!("fm-not-fields")).rule("yaml")),
    }
}

/// Parses and checks front matter YAML. `first_line` is the line of the file the YAML starts on.
pub fn parse(yaml: &str, first_line: usize, config: &Config) -> Result<FrontMatter, Vec<Problem>> {
    let map = fields(yaml, first_line).map_err(|p| vec![p])?;
    let locate = Locator::new(yaml, first_line);

    let mut fm = FrontMatter::default();
    let mut problems = Vec::new();
    let mut has_title = false;
    for (key, value) in &map {
        let Some(key) = key.as_str() else {
            problems.push(Problem::keyed(first_line, 1, crate::keyed!("fm-field-name-not-text")));
            continue;
        };
        let (line, col) = locate.key(key);
        let mut bad = |message: crate::messages::Keyed| problems.push(Problem::keyed(line, col, message));
        match key {
            "title" => match scalar(value) {
                Some(t) if !t.trim().is_empty() => {
                    fm.title = t;
                    fm.title_line = line;
                    has_title = true;
                }
                _ => bad(crate::keyed!("fm-title-empty")),
            },
            "translated_from" => {
                fm.translated_from_line = line;
                // The raw text: YAML would read 1234567 as a number and 12e4567 as a float.
                let raw = locate.raw_value(line).unwrap_or_default();
                if is_stamp(&raw) {
                    fm.translated_from = Some(raw);
                } else {
                    bad(crate::keyed!("fm-bad-stamp", raw = raw));
                }
            }
            "summary" => text_field(value, key, &mut bad, &mut fm.summary),
            "organisation" => text_field(value, key, &mut bad, &mut fm.organisation),
            "source" => text_field(value, key, &mut bad, &mut fm.source),
            "date" | "updated" | "expires" => match scalar(value).map(|s| parse_date(&s).ok_or(s)) {
                Some(Ok(date)) if key == "date" => (fm.date, fm.date_line) = (Some(date), line),
                Some(Ok(date)) if key == "expires" => (fm.expires, fm.expires_line) = (Some(date), line),
                Some(Ok(date)) => (fm.updated, fm.updated_line) = (Some(date), line),
                Some(Err(written)) => bad(crate::keyed!(
                    "fm-bad-date",
                    field = field_label(key),
                    written = written
                )),
                None => bad(crate::keyed!("fm-not-a-date", field = field_label(key))),
            },
            "level" => match value.as_str() {
                Some("municipal") => fm.level = Some(Level::Municipal),
                Some("district") => fm.level = Some(Level::District),
                Some(other) => bad(crate::keyed!(
                    "fm-bad-level",
                    not = Some(crate::keyed!("fm-level-not", written = other)),
                    hint = crate::diagnostics::hint(other, ["municipal", "district"])
                )),
                None => bad(crate::keyed!("fm-bad-level", not = None, hint = None)),
            },
            "cover" => {
                fm.cover_line = line;
                match cover(value) {
                    Ok(c) => fm.cover = Some(c),
                    Err((rule, m)) => problems.push(Problem::keyed(line, col, m).rule(rule)),
                }
            }
            "highlights" => match highlights(value) {
                Ok(h) => fm.highlights = h,
                Err(m) => bad(m),
            },
            "draft" => match value {
                Value::Bool(b) => fm.draft = *b,
                Value::String(s) if matches!(s.as_str(), "yes" | "no" | "on" | "off" | "y" | "n" | "Yes" | "No") => {
                    bad(crate::keyed!(
                        "fm-yes-no",
                        field = field_label(key),
                        written = s.as_str(),
                        instead = matches!(s.as_str(), "yes" | "on" | "y" | "Yes").to_string()
                    ))
                }
                _ => bad(crate::keyed!("fm-not-boolean", field = field_label(key))),
            },
            "featured" => match value {
                Value::Bool(b) => fm.featured = *b,
                _ => bad(crate::keyed!("fm-not-boolean", field = field_label(key))),
            },
            "weight" => match value.as_i64() {
                Some(w) => fm.weight = Some(w),
                None => bad(crate::keyed!("fm-not-number", field = field_label(key))),
            },
            "aliases" => match string_list(value) {
                Some(list) => {
                    for alias in list {
                        match check_alias(&alias) {
                            Ok(path) => fm.aliases.push(path),
                            Err(m) => bad(m),
                        }
                    }
                }
                None => bad(crate::keyed!("fm-aliases-not-list")),
            },
            "slug" => {
                fm.slug_line = line;
                match scalar(value) {
                    Some(s) => match check_slug(&s) {
                        Ok(()) => fm.slug = Some(s),
                        Err(m) => bad(m),
                    },
                    None => bad(crate::keyed!("fm-not-text", field = field_label(key))),
                }
            }
            "extra" => match serde_json::to_value(value) {
                Ok(v) => fm.extra = v,
                Err(e) => bad(crate::keyed!("fm-extra-unusable", reason = e.to_string())),
            },
            "year" => bad(crate::keyed!("fm-year")),
            _ => match config.taxonomy(key) {
                Some(taxonomy) => {
                    let Some(keys) = string_list(value) else {
                        bad(crate::keyed!(
                            "fm-terms-not-list",
                            field = key,
                            example = taxonomy.terms.first().map_or("…", |t| t.key.as_str())
                        ));
                        continue;
                    };
                    let mut seen = Vec::new();
                    let mut taken = HashSet::new();
                    for term in keys {
                        if taxonomy.term(&term).is_none() {
                            let (line, col) = locate.value(key, &term);
                            let terms = || taxonomy.terms.iter().map(|t| t.key.as_str());
                            let message = match crate::diagnostics::did_you_mean(&term, terms()) {
                                Some(k) => crate::keyed!("fm-unknown-term-like", field = key, term = &term, like = k),
                                None => crate::keyed!(
                                    "fm-unknown-term",
                                    field = key,
                                    term = &term,
                                    terms = crate::diagnostics::listing(terms())
                                ),
                            };
                            problems.push(Problem::keyed(line, col, message).rule("unknown-term"));
                        } else if taken.insert(term.clone()) {
                            seen.push(term);
                        }
                    }
                    fm.terms.insert(key.to_string(), seen);
                }
                None => {
                    let known = RESERVED_FIELDS
                        .iter()
                        .copied()
                        .filter(|f| *f != "year")
                        .chain(config.taxonomies.iter().map(|t| t.name.as_str()));
                    let message = match crate::diagnostics::did_you_mean(key, known) {
                        Some(k) => crate::keyed!("fm-unknown-field-like", field = key, like = k),
                        None => crate::keyed!("fm-unknown-field", field = key),
                    };
                    problems.push(Problem::keyed(line, col, message).rule("unknown-field"));
                }
            },
        }
    }
    if let (Some(date), Some(expires)) = (fm.date, fm.expires)
        && expires < date
    {
        let (line, col) = locate.key("expires");
        problems.push(Problem::keyed(
            line,
            col,
            crate::keyed!(
                "fm-expires-before-date",
                expires = expires.to_string(),
                date = date.to_string()
            ),
        ));
    }
    if !has_title && !problems.iter().any(|p| p.message.starts_with("title")) {
        problems.push(
            Problem::keyed(first_line.saturating_sub(1).max(1), 1, crate::keyed!("fm-no-title")).rule("required-field"),
        );
    }
    if problems.is_empty() { Ok(fm) } else { Err(problems) }
}

/// Finds where a key or a value stands in the YAML text, for messages. Each
/// lookup costs little however long the front matter: the lines of the
/// top-level keys are found once, and the values of a list are searched
/// from where the previous one was found.
struct Locator<'a> {
    first_line: usize,
    lines: Vec<&'a str>,
    /// Each top-level key and the index of the first line it starts.
    keys: HashMap<&'a str, usize>,
    /// Where the search for a key's next value starts.
    resume: RefCell<Option<Resume>>,
}

impl<'a> Locator<'a> {
    /// Values of one list not found in the text before the rest are no longer searched.
    const MAX_MISSES: usize = 8;

    fn new(yaml: &'a str, first_line: usize) -> Self {
        let lines: Vec<&str> = yaml.lines().collect();
        let mut keys = HashMap::new();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start_matches(['"', '\'']);
            if let Some(colon) = trimmed.find(':') {
                let key = trimmed[..colon].trim_end().trim_end_matches(['"', '\'']);
                keys.entry(key).or_insert(i);
            }
        }
        Locator {
            first_line,
            lines,
            keys,
            resume: RefCell::new(None),
        }
    }

    fn key(&self, key: &str) -> (usize, usize) {
        let found = self.keys.get(key).copied().or_else(|| {
            // A key the table cannot hold (one with a colon in it): line by line.
            self.lines.iter().position(|line| {
                let trimmed = line.trim_start_matches(['"', '\'']);
                trimmed
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start_matches(['"', '\'']).trim_start().starts_with(':'))
            })
        });
        (self.first_line + found.unwrap_or(0), 1)
    }

    /// The text after the colon on a line of the file, without quotes or a comment.
    fn raw_value(&self, line: usize) -> Option<String> {
        let text = self.lines.get(line.checked_sub(self.first_line)?)?;
        let value = text.split_once(':')?.1;
        let value = value.split(" #").next().unwrap_or(value).trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        Some(unquoted.to_string())
    }

    /// Where a value of a key's list is written, searched after the value found
    /// before it (values are looked up in the order they are written).
    fn value(&self, key: &str, value: &str) -> (usize, usize) {
        let (key_line, _) = self.key(key);
        let first = key_line - self.first_line;
        let resume = self.resume.borrow_mut().take().filter(|r| r.key == key);
        let mut resume = resume.unwrap_or_else(|| {
            let line = self.lines.get(first).copied().unwrap_or("");
            let byte = line.find(':').map_or(0, |c| c + 1);
            Resume {
                key: key.to_string(),
                line: first,
                byte,
                chars: line[..byte].chars().count(),
                misses: 0,
            }
        });
        // Values written otherwise than YAML reads them (`01` for 1) are not found:
        // after a few, the rest of the list is not searched again for each.
        if resume.misses < Self::MAX_MISSES {
            let (mut i, mut from, mut chars) = (resume.line, resume.byte, resume.chars);
            while let Some(line) = self.lines.get(i) {
                if i > first && !line.starts_with([' ', '\t', '-']) {
                    break;
                }
                if let Some(pos) = find_word(&line[from..], value) {
                    let col = chars + line[from..from + pos].chars().count();
                    resume.line = i;
                    resume.byte = from + pos + value.len();
                    resume.chars = col + value.chars().count();
                    *self.resume.borrow_mut() = Some(resume);
                    return (self.first_line + i, col + 1);
                }
                i += 1;
                from = 0;
                chars = 0;
            }
            resume.misses += 1;
        }
        *self.resume.borrow_mut() = Some(resume);
        (key_line, 1)
    }
}

/// Where [`Locator::value`] goes on searching a key's list.
struct Resume {
    key: String,
    /// The line's index, the byte in it and the characters before that byte.
    line: usize,
    byte: usize,
    chars: usize,
    /// Values of the list not found.
    misses: usize,
}

/// Finds `word` in `line` where it is not part of a longer key.
fn find_word(line: &str, word: &str) -> Option<usize> {
    let is_key_char = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    line.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        !before.is_some_and(is_key_char) && !after.is_some_and(is_key_char)
    })
}

/// The mistakes authors make in YAML, by the words of serde_yaml's error (all
/// of them), and the kind `fm-yaml-plain` names them by.
const YAML_MISTAKES: &[(&[&str], &str)] = &[
    (&["mapping values are not allowed"], "colon"),
    (&["tab character"], "tab"),
    (&["expected ',' or ']'"], "bracket"),
    (&["expected ',' or '}'"], "brace"),
    (&["end of stream", "quoted scalar"], "quote"),
    (&["could not find expected ':'"], "no-colon"),
    (&["cannot start any"], "character"),
    (&["did not find expected key"], "indent"),
];

/// A YAML error in plain words for the mistakes authors make, else in YAML's own.
fn yaml_problem(e: &serde_yaml::Error) -> Keyed {
    let message = e.to_string();
    if let Some(rest) = message.strip_prefix("duplicate entry with key \"") {
        let key = rest.split('"').next().unwrap_or_default();
        return crate::keyed!("fm-yaml-plain", kind = "twice", key = key);
    }
    match YAML_MISTAKES
        .iter()
        .find(|(words, _)| words.iter().all(|w| message.contains(w)))
    {
        Some((_, kind)) => crate::keyed!("fm-yaml-plain", kind = *kind, key = ""),
        // serde_yaml appends " at line L column C"; the position is reported separately.
        None => crate::keyed!(
            "fm-yaml",
            detail = message.find(" at line ").map_or(message.as_str(), |i| &message[..i])
        ),
    }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A field's name as a message: `draft`, in Chinese with what it means, `draft（草稿）`.
fn field_label(key: &str) -> crate::messages::Keyed {
    crate::keyed!("field-label", field = key)
}

fn text_field(value: &Value, key: &str, bad: &mut impl FnMut(crate::messages::Keyed), slot: &mut Option<String>) {
    match value {
        Value::Null => {}
        _ => match scalar(value) {
            Some(s) => *slot = Some(s),
            None => bad(crate::keyed!("fm-not-text", field = field_label(key))),
        },
    }
}

fn string_list(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Null => Some(Vec::new()),
        Value::Sequence(items) => items.iter().map(scalar).collect(),
        other => scalar(other).map(|s| vec![s]),
    }
}

/// The cover, or the rule and message of what is wrong with it.
fn cover(value: &Value) -> Result<Cover, (&'static str, Keyed)> {
    let shape = || ("front-matter", crate::keyed!("fm-cover-shape"));
    let Value::Mapping(map) = value else {
        return Err(shape());
    };
    let mut src = None;
    let mut alt = None;
    for (k, v) in map {
        match k.as_str() {
            Some("src") => src = scalar(v),
            Some("alt") => alt = scalar(v),
            Some(other) => {
                let hint = crate::diagnostics::hint(other, ["src", "alt"]);
                return Err((
                    "front-matter",
                    crate::keyed!("fm-cover-unknown", field = other, hint = hint),
                ));
            }
            None => return Err(shape()),
        }
    }
    let src = src
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ("front-matter", crate::keyed!("fm-cover-no-src")))?;
    let alt = alt
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ("missing-alt", crate::keyed!("fm-cover-no-alt")))?;
    Ok(Cover { src, alt })
}

fn highlights(value: &Value) -> Result<Vec<Highlight>, Keyed> {
    let shape = || crate::keyed!("fm-highlights-shape");
    let Value::Sequence(items) = value else {
        return Err(shape());
    };
    items
        .iter()
        .map(|item| {
            let Value::Mapping(map) = item else {
                return Err(shape());
            };
            let mut value = None;
            let mut label = None;
            for (k, v) in map {
                match k.as_str() {
                    Some("value") => value = scalar(v),
                    Some("label") => label = scalar(v),
                    Some(other) => {
                        let hint = crate::diagnostics::hint(other, ["value", "label"]);
                        return Err(crate::keyed!("fm-highlight-unknown", field = other, hint = hint));
                    }
                    None => return Err(shape()),
                }
            }
            match (value, label) {
                (Some(value), Some(label)) => Ok(Highlight { value, label }),
                _ => Err(crate::keyed!("fm-highlight-incomplete")),
            }
        })
        .collect()
}

/// An alias must be a path on this site: `/old/path/` (a trailing slash is added) or `/old.html`.
pub fn check_alias(alias: &str) -> Result<String, Keyed> {
    // Web servers decode a path before they look for the file: `/%2e%2e/` is `/../`.
    let alias = &crate::text::percent_decode(alias);
    let bad = |why: &str| crate::keyed!("fm-bad-alias", alias = alias.as_str(), why = why);
    if !alias.starts_with('/') || alias.starts_with("//") {
        return Err(bad("slash"));
    }
    if alias.contains(['\\', '?', '#', ':', '"', '<', '>']) || alias.chars().any(char::is_control) {
        return Err(bad("character"));
    }
    if alias.split('/').any(|part| part == ".." || part == ".") {
        return Err(bad("dots"));
    }
    if alias.contains("//") {
        return Err(bad("empty"));
    }
    Ok(if alias.ends_with('/') || alias.ends_with(".html") {
        alias.to_string()
    } else {
        format!("{alias}/")
    })
}

/// Parses `2021-01-12`, also accepting a time after it (`2021-01-12T09:00:00+08:00`).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let date_part = text.get(..10).unwrap_or(text);
    date_part.parse::<Date>().ok()
}

/// How many hex digits `showcase translated` writes.
pub const STAMP_LEN: usize = 7;

/// Whether `text` has the shape of a stamp (`translated_from:`, see
/// [`super::translation`]): 7 to 16 lowercase hex digits.
pub fn is_stamp(text: &str) -> bool {
    (STAMP_LEN..=16).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests;
