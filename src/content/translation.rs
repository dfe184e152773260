//! Translation status: which translations are current, stale, unstamped or missing.
//!
//! A translation records, in its front matter, a short hash of the original it
//! was made from (`translated_from: 3f2a9c1`); `showcase translated FILE`
//! writes it when a translator has finished. The hash is taken over the
//! original's normalised text, so the status needs no version control:
//!
//! 1. [`source_hash`] hashes every file when it is read (xxh3 of the text with
//!    the BOM removed, LF line ends, trailing spaces and blank lines dropped, and
//!    any `translated_from:` line of the front matter left out);
//! 2. [`state`] compares a translation's stamp with its original's hash;
//! 3. [`status`] counts, per language and section, the pages translated,
//!    stale, unstamped and missing, for `showcase status`, `showcase check`
//!    and the build's summary line.

use std::path::PathBuf;

use serde::Serialize;

use crate::config::Config;
use crate::content::front_matter::Problem;
pub use crate::content::front_matter::{STAMP_LEN, is_stamp};
use crate::content::{CONTENT_DIR, DocKind, Library, display_path, parent_folder};

/// The front matter field that holds the stamp.
pub const FIELD: &str = "translated_from";

/// The text a hash is taken over: no BOM, LF line ends, no trailing spaces or
/// trailing blank lines, and no `translated_from:` or `draft:` line in the front
/// matter: publishing a page does not change what its translation renders.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut in_front_matter = false;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_end();
        if i == 0 && line == "---" {
            in_front_matter = true;
        } else if in_front_matter && line == "---" {
            in_front_matter = false;
        } else if in_front_matter && (line.starts_with("translated_from:") || line.starts_with("draft:")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// The full hash (16 hex digits) of a file's normalised text; stamps are its first digits.
pub fn source_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(normalise(text).as_bytes()))
}

/// Whether a stamp was made from the text whose full hash is `hash`.
pub fn stamp_matches(stamp: &str, hash: &str) -> bool {
    is_stamp(stamp) && hash.starts_with(stamp)
}

/// Writes `translated_from: <stamp>` into a file's front matter: replaces the
/// line if there is one, or adds it before the closing `---`. Every other byte
/// (BOM, line ends, comments) stays as it was.
pub fn stamp(text: &str, stamp: &str) -> Result<String, Problem> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    if lines.first().is_none_or(|l| l.trim_end() != "---") {
        return Err(Problem {
            line: 1,
            col: 1,
            rule: "yaml",
            keyed: None,
            message: "the file does not start with front matter (a line \"---\"), so it cannot record its original"
                .into(),
        });
    }
    let eol = if lines[0].ends_with("\r\n") { "\r\n" } else { "\n" };
    let Some(close) = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|i| i + 1) else {
        return Err(Problem {
            line: 1,
            col: 1,
            rule: "yaml",
            keyed: None,
            message: "the front matter opened on line 1 is never closed; add a line \"---\" after it".into(),
        });
    };
    // 1234567 or 12e4567 would be a number to YAML: quote stamps without a letter other than e.
    let value = if stamp.bytes().all(|b| b.is_ascii_digit() || b == b'e') {
        format!("\"{stamp}\"")
    } else {
        stamp.to_string()
    };
    let existing = (1..close).find(|&i| lines[i].starts_with("translated_from:"));
    let mut out = String::with_capacity(text.len() + 32);
    out.push_str(bom);
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == existing {
            let ending = if line.ends_with("\r\n") {
                "\r\n"
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            out.push_str(&format!("{FIELD}: {value}{ending}"));
            continue;
        }
        if i == close && existing.is_none() {
            out.push_str(&format!("{FIELD}: {value}{eol}"));
        }
        out.push_str(line);
    }
    Ok(out)
}

/// Where a doc stands as a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// A file of the default language.
    Original,
    /// Its stamp matches its original as it is now.
    Current,
    /// Its original has changed since the stamp was made.
    Stale,
    /// It has no stamp, so nobody recorded which text it was made from.
    Unstamped,
    /// There is no original in the library (a page only in this language, or its original is a draft).
    Orphan,
}

/// The state of the doc at index `doc`.
pub fn state(library: &Library, doc: usize) -> State {
    let d = &library.docs[doc];
    if d.lang == 0 {
        return State::Original;
    }
    let Some(original) = library.translations.get(&d.key).and_then(|v| v[0]) else {
        return State::Orphan;
    };
    match &d.fm.translated_from {
        None => State::Unstamped,
        Some(s) if stamp_matches(s, &library.docs[original].hash) => State::Current,
        Some(_) => State::Stale,
    }
}

/// The translation status of a whole site, per language other than the default one.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub languages: Vec<LanguageStatus>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    /// The language code: `en`.
    pub lang: String,
    /// Its name: `English`.
    pub name: String,
    /// Sections with at least one page of the default language, by folder.
    pub sections: Vec<SectionStatus>,
    pub totals: Counts,
}

/// One section's pages in one language.
#[derive(Debug, Clone, Serialize)]
pub struct SectionStatus {
    /// The section's folder in content/: `cases`; "" for the home page's folder.
    pub section: String,
    /// Its title in the default language.
    pub title: String,
    /// Its `_index.md`.
    pub file: PathBuf,
    pub counts: Counts,
    /// Translations made from an older version of their original.
    pub stale: Vec<Entry>,
    /// Translations without a stamp.
    pub unstamped: Vec<Entry>,
    /// Originals without a translation; `translation` is the file to write.
    pub missing: Vec<Entry>,
}

/// How many pages of the default language (`pages`) are translated (stamp current),
/// stale, unstamped or missing: the four add up to `pages`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub pages: usize,
    pub translated: usize,
    pub stale: usize,
    pub unstamped: usize,
    pub missing: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.pages += other.pages;
        self.translated += other.translated;
        self.stale += other.stale;
        self.unstamped += other.unstamped;
        self.missing += other.missing;
    }
}

/// One original and its translation.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub original: PathBuf,
    pub translation: PathBuf,
    /// The line of `translated_from:` in the translation (stale entries); 0 otherwise.
    pub line: usize,
}

/// Counts the translations of every page of the default language, per section.
/// Only what the library holds is counted: drafts only when it was loaded with them.
pub fn status(config: &Config, library: &Library) -> Status {
    let languages = config
        .languages
        .iter()
        .enumerate()
        .skip(1)
        .map(|(lang, language)| {
            let mut sections: Vec<SectionStatus> = Vec::new();
            let mut originals: Vec<usize> = (0..library.docs.len())
                .filter(|&i| library.docs[i].lang == 0 && library.docs[i].kind == DocKind::Page)
                .collect();
            originals.sort_by(|&a, &b| {
                section_key(library, a)
                    .cmp(section_key(library, b))
                    .then(library.docs[a].rel.cmp(&library.docs[b].rel))
            });
            for i in originals {
                let doc = &library.docs[i];
                let key = section_key(library, i);
                if sections.last().is_none_or(|s| s.section != key) {
                    let parent = doc.parent.map(|p| &library.docs[p]);
                    sections.push(SectionStatus {
                        section: key.to_string(),
                        title: parent.map_or_else(String::new, |p| p.fm.title.clone()),
                        file: parent.map_or_else(
                            || display_path(config, &format!("{CONTENT_DIR}/{key}/_index.md")),
                            |p| p.source.clone(),
                        ),
                        counts: Counts::default(),
                        stale: Vec::new(),
                        unstamped: Vec::new(),
                        missing: Vec::new(),
                    });
                }
                let Some(section) = sections.last_mut() else { continue };
                section.counts.pages += 1;
                match library.translations[&doc.key][lang] {
                    None => {
                        section.counts.missing += 1;
                        section.missing.push(Entry {
                            original: doc.source.clone(),
                            translation: display_path(
                                config,
                                &format!("{CONTENT_DIR}/{}", translation_rel(&doc.rel, config, &language.code)),
                            ),
                            line: 0,
                        });
                    }
                    Some(t) => {
                        let entry = Entry {
                            original: doc.source.clone(),
                            translation: library.docs[t].source.clone(),
                            line: library.docs[t].fm.translated_from_line,
                        };
                        match state(library, t) {
                            State::Stale => {
                                section.counts.stale += 1;
                                section.stale.push(entry);
                            }
                            State::Unstamped => {
                                section.counts.unstamped += 1;
                                section.unstamped.push(entry);
                            }
                            _ => section.counts.translated += 1,
                        }
                    }
                }
            }
            let mut totals = Counts::default();
            sections.iter().for_each(|s| totals.add(&s.counts));
            LanguageStatus {
                lang: language.code.clone(),
                name: language.name.clone(),
                sections,
                totals,
            }
        })
        .collect();
    Status { languages }
}

/// The folder of the section that lists a page (its own folder when it has no section doc).
fn section_key(library: &Library, doc: usize) -> &str {
    let d = &library.docs[doc];
    match d.parent {
        Some(p) => &library.docs[p].key,
        None => parent_folder(&d.key),
    }
}

/// The file a translation of `rel` (a default-language file) into `code` would have:
/// `cases/a.md` → `cases/a.en.md`, `cases/x/index.zh.md` → `cases/x/index.en.md`.
pub fn translation_rel(rel: &str, config: &Config, code: &str) -> String {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let default_suffix = format!(".{}", config.languages[0].code);
    let stem = stem.strip_suffix(&default_suffix).unwrap_or(stem);
    format!("{stem}.{code}.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "---\ntitle: 阿尔法\ndate: 2024-05-01\n---\n\n## 基本情况\n\n正文。\n";

    #[test]
    fn the_hash_ignores_line_ends_bom_trailing_space_and_the_stamp() {
        let hash = source_hash(ORIGINAL);
        assert_eq!(hash.len(), 16);
        let windows = format!("\u{feff}{}", ORIGINAL.replace('\n', "\r\n"));
        assert_eq!(source_hash(&windows), hash);
        assert_eq!(source_hash(&ORIGINAL.replace("正文。", "正文。  ")), hash);
        assert_eq!(source_hash(&format!("{ORIGINAL}\n\n")), hash);
        let stamped = ORIGINAL.replace("date:", "translated_from: 1234567\ndate:");
        assert_eq!(source_hash(&stamped), hash);
        // The body and the other fields count.
        assert_ne!(source_hash(&ORIGINAL.replace("正文", "新正文")), hash);
        assert_ne!(source_hash(&ORIGINAL.replace("05-01", "05-02")), hash);
        // A "translated_from:" line in the body is text like any other.
        assert_ne!(source_hash(&format!("{ORIGINAL}translated_from: x\n")), hash);
    }

    #[test]
    fn the_hash_ignores_the_draft_flag_and_nothing_else() {
        let hash = source_hash(ORIGINAL);
        // The hash of a file without a draft line is the one stamps were made with.
        assert_eq!(
            hash,
            format!("{:016x}", xxhash_rust::xxh3::xxh3_64(ORIGINAL.trim_end().as_bytes()))
        );
        for flag in ["draft: true\n", "draft: false\n"] {
            assert_eq!(source_hash(&ORIGINAL.replace("date:", &format!("{flag}date:"))), hash);
        }
        // Only the top-level field: the same words in the body or nested are text.
        assert_ne!(source_hash(&format!("{ORIGINAL}draft: true\n")), hash);
        assert_ne!(
            source_hash(&ORIGINAL.replace("date:", "extra:\n  draft: x\ndate:")),
            hash
        );
    }

    #[test]
    fn stamps_are_short_hex_prefixes() {
        let hash = source_hash(ORIGINAL);
        assert!(stamp_matches(&hash[..STAMP_LEN], &hash));
        assert!(stamp_matches(&hash, &hash));
        assert!(!stamp_matches(&hash[..6], &hash));
        assert!(!stamp_matches("0000000", &hash) || hash.starts_with("0000000"));
        assert!(is_stamp("3f2a9c1"));
        assert!(!is_stamp("3F2A9C1"));
        assert!(!is_stamp("3f2a9cg"));
    }

    #[test]
    fn stamping_inserts_or_replaces_one_line_only() {
        let text = "---\r\ntitle: Alpha # the name\r\ndate: 2024-05-01\r\n---\r\n\r\nBody  \r\n";
        let once = stamp(text, "3f2a9c1").unwrap();
        assert_eq!(
            once,
            "---\r\ntitle: Alpha # the name\r\ndate: 2024-05-01\r\ntranslated_from: 3f2a9c1\r\n---\r\n\r\nBody  \r\n"
        );
        let twice = stamp(&once, "abcdef0").unwrap();
        assert_eq!(twice, once.replace("3f2a9c1", "abcdef0"));
        let bom = stamp("\u{feff}---\ntitle: A\n---", "1234567").unwrap();
        assert_eq!(bom, "\u{feff}---\ntitle: A\ntranslated_from: \"1234567\"\n---");
        assert!(stamp("no front matter\n", "3f2a9c1").is_err());
        assert!(stamp("---\ntitle: A\n", "3f2a9c1").is_err());
    }

    #[test]
    fn translation_file_names() {
        let config = crate::config::Config::parse(
            std::path::Path::new("."),
            "base_url = \"https://x.org\"\ndefault_language = \"zh\"\n[languages.zh]\ntitle = \"a\"\n[languages.en]\ntitle = \"b\"\n",
            None,
        )
        .unwrap();
        assert_eq!(translation_rel("cases/a.md", &config, "en"), "cases/a.en.md");
        assert_eq!(
            translation_rel("cases/x/index.zh.md", &config, "en"),
            "cases/x/index.en.md"
        );
    }
}
