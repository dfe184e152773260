//! The site's content: Markdown files under `content/`, read into a [`Library`].
//!
//! Steps: walk `content/` (sorted, hidden files skipped), parse every Markdown
//! file in parallel, leave drafts out, pair translations by file name, give
//! every page and section its URL in each language, and check that no two
//! share one. Other files are assets, copied beside the page or section that
//! holds them. After [`Library::load`] the library is read-only: what later
//! stages make of a doc (its rendered Markdown, its cover) is kept in tables
//! of their own, indexed like [`Library::docs`].

pub mod archetype;
pub mod front_matter;
mod link;
pub mod lint;
pub mod schedule;
pub mod slug;
pub mod taxonomy;
pub mod translation;
pub mod unfinished;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{self, Diagnostic, Failure};
use crate::messages::Keyed;
use front_matter::FrontMatter;

pub const CONTENT_DIR: &str = "content";

/// The largest Markdown file read, in bytes (20 MB): a bigger one is refused with its
/// size, so a pasted or generated monster cannot take minutes or gigabytes.
pub const MAX_MARKDOWN_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// An `_index.md`: a section, or the home page at the top.
    Section,
    /// Any other Markdown file; `index.md` makes a page bundle.
    Page,
}

/// One Markdown file in one language.
#[derive(Debug, Clone)]
pub struct Doc {
    pub kind: DocKind,
    /// The file, as shown in messages (relative to the current folder).
    pub source: PathBuf,
    /// The file's path inside `content/`, with `/` separators.
    pub rel: String,
    /// What the translations of one page share: `cases/a`, `talent/x` (a bundle), `cases` (a section), `` (home).
    pub key: String,
    /// The content folder whose assets and relative links this file sees: `cases`, `talent/x`.
    pub dir: String,
    pub lang: usize,
    pub bundle: bool,
    pub fm: FrontMatter,
    pub body: String,
    /// The line of the file where `body` starts.
    pub body_line: usize,
    /// The page's path on the site, without the base path: `/en/cases/a/`.
    pub path: String,
    /// The section that lists this page (same language); `None` for the home page.
    pub parent: Option<usize>,
    /// The hash of the file's normalised text (see [`translation::source_hash`]).
    pub hash: String,
    /// The front matter as written, and the line of the file it starts on.
    pub yaml: String,
    pub yaml_line: usize,
    /// The file's [`crate::cache::file_stamp`] when it was read: whether it has changed since.
    pub stamp: u64,
    /// Indexed like `Config::languages`: where this page of the default language is also
    /// published, with a notice, in a language that has no translation of it
    /// (`fallback = "notice"`): `/en/cases/beta/`.
    pub fallbacks: Vec<Option<String>>,
    /// Why this page would not be published today, when the run includes it
    /// anyway (`build --future`, `serve`): its templates mark it.
    pub withheld: Option<schedule::Withheld>,
    /// What is unfinished in it ([`unfinished::problems`]), found when the file
    /// was read: a doc kept from an earlier reading keeps them.
    pub unfinished: Vec<Diagnostic>,
}

impl Doc {
    pub fn is_home(&self) -> bool {
        self.kind == DocKind::Section && self.key.is_empty()
    }

    /// A case is a page with a `kind` term; cases must have a date.
    pub fn is_case(&self) -> bool {
        self.kind == DocKind::Page && self.fm.terms.contains_key("kind")
    }
}

/// A file that is not Markdown, copied to the site.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    /// Its path on the site: `/talent/x/photo.jpg`.
    pub path: String,
}

/// All the content of a site.
#[derive(Debug)]
pub struct Library {
    pub docs: Vec<Doc>,
    /// Translation key → the doc in each language (indexed like `Config::languages`).
    pub translations: HashMap<String, Vec<Option<usize>>>,
    /// Section doc → its pages, sorted for listing (weight, newest first, title).
    pub pages_of: HashMap<usize, Vec<usize>>,
    /// Section doc → its subsections, sorted by weight and title.
    pub sections_of: HashMap<usize, Vec<usize>>,
    /// Content path (`talent/x/photo.jpg`) → the asset.
    pub assets: BTreeMap<String, Asset>,
    /// Language-neutral content paths (`cases/a.md`) of drafts left out, for clearer link errors.
    pub drafts: Vec<String>,
    /// (taxonomy, term) of the drafts left out: terms being written about.
    pub draft_terms: std::collections::BTreeSet<(String, String)>,
    /// When the files began to be read.
    pub read_at: std::time::SystemTime,
    /// Language-neutral content paths of the pages left out because they are
    /// scheduled or expired (see [`schedule`]), for clearer link errors.
    pub withheld: Vec<schedule::Held>,
    /// The day the library was read for, if it was read for one.
    pub today: Option<jiff::civil::Date>,
    /// Files whose front matter could not be read (see [`Unparsed`]).
    pub unparsed: Vec<Unparsed>,
}

/// A Markdown file whose front matter failed: it still exists, so links to it
/// are not broken, and where its body could be cut from the front matter, the
/// links in the body are still checked.
#[derive(Debug, Clone)]
pub struct Unparsed {
    /// Its content path as written: `cases/a.en.md`.
    pub rel: String,
    /// Its language-neutral content path: `cases/a.md`.
    pub neutral: String,
    /// The first of its problems, to show beside its name (the editing desk's list).
    pub problem: Option<Box<Diagnostic>>,
    /// Its translation key: `cases/a`.
    pub key: String,
    /// The file with an empty front matter, when its body could be separated.
    pub doc: Option<Box<Doc>>,
}

/// A file read: the doc, or its problems and what is known of it.
type Parsed = Result<Doc, (Vec<Diagnostic>, Unparsed)>;

impl Default for Library {
    fn default() -> Library {
        Library {
            docs: Vec::new(),
            translations: HashMap::new(),
            pages_of: HashMap::new(),
            sections_of: HashMap::new(),
            assets: BTreeMap::new(),
            drafts: Vec::new(),
            draft_terms: std::collections::BTreeSet::new(),
            read_at: std::time::UNIX_EPOCH,
            withheld: Vec::new(),
            today: None,
            unparsed: Vec::new(),
        }
    }
}

/// The original among a page's versions (indexed like `Config::languages`): the
/// default language's, else the first it has.
pub fn original_of(versions: &[Option<usize>]) -> Option<usize> {
    versions
        .first()
        .copied()
        .flatten()
        .or_else(|| versions.iter().flatten().next().copied())
}

/// Options that change what is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub drafts: bool,
    /// The day that decides which pages are published (see [`schedule`]); `None`: every page is.
    pub today: Option<jiff::civil::Date>,
    /// Read pages scheduled after `today` too.
    pub future: bool,
    /// Read pages expired before `today` too.
    pub expired: bool,
}

/// A Markdown file found by the walk, before parsing.
struct Found {
    rel: String,
    /// The name without `.md` and without the language: `a`, `_index`, `index`.
    stem: String,
    lang: usize,
}

impl Library {
    /// Reads `content/` of the site.
    pub fn load(config: &Config, options: LoadOptions) -> Result<Library, Failure> {
        Library::load_over(config, options, None)
    }

    /// Reads `content/` of the site, taking from `previous` (a library read
    /// before, under the same config) each doc whose file has not changed since:
    /// the same [`Doc::stamp`], and settled before `previous` was read, so that
    /// two writes within one tick of the file system's clock cannot pass for one.
    pub fn load_over(config: &Config, options: LoadOptions, previous: Option<&Library>) -> Result<Library, Failure> {
        let (library, mut problems) = Library::load_partial(config, options, previous)?;
        if problems.is_empty() {
            Ok(library)
        } else {
            diagnostics::sort(&mut problems);
            Err(Failure::Content(problems))
        }
    }

    /// Like [`Library::load_over`], but a file whose front matter fails does not
    /// stop the reading: its problems come back beside the library of the
    /// others, and it is kept in [`Library::unparsed`], so that the stages after
    /// can go on and find more. Other problems (a folder that cannot be read,
    /// two pages at one address) still stop here, with the files' problems.
    pub fn load_partial(
        config: &Config,
        options: LoadOptions,
        previous: Option<&Library>,
    ) -> Result<(Library, Vec<Diagnostic>), Failure> {
        let started = std::time::SystemTime::now();
        let content_dir = config.root.join(CONTENT_DIR);
        if !content_dir.is_dir() {
            return Err(Diagnostic::error_keyed(
                display_path(config, CONTENT_DIR),
                0,
                0,
                crate::keyed!("content-no-folder"),
            )
            .into());
        }
        let mut errors = Vec::new();
        let mut found = Vec::new();
        let mut other_files = Vec::new();
        let walker = walkdir::WalkDir::new(&content_dir)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(|e| Failure::walk(e, &content_dir))?;
            if entry.file_type().is_dir() {
                continue;
            }
            let Ok(rel_path) = entry.path().strip_prefix(&content_dir) else {
                continue;
            };
            let Some(rel) = rel_path.to_str().map(|s| s.replace('\\', "/")) else {
                errors.push(Diagnostic::error_keyed(
                    display_path(config, &format!("{CONTENT_DIR}/{}", rel_path.to_string_lossy())),
                    0,
                    0,
                    crate::keyed!("content-name-not-utf8"),
                ));
                continue;
            };
            if entry.path_is_symlink() {
                errors.push(Diagnostic::error_keyed(
                    display_path(config, &format!("{CONTENT_DIR}/{rel}")),
                    0,
                    0,
                    crate::keyed!("content-symlink"),
                ));
                continue;
            }
            match rel.strip_suffix(".md") {
                Some(without_ext) => match split_language(without_ext, config) {
                    Ok((stem, lang)) => found.push(Found {
                        stem: stem.rsplit('/').next().unwrap_or(stem).to_string(),
                        rel: rel.clone(),
                        lang,
                    }),
                    Err(message) => errors.push(Diagnostic::error_keyed(
                        display_path(config, &format!("{CONTENT_DIR}/{rel}")),
                        0,
                        0,
                        message,
                    )),
                },
                None => other_files.push(rel),
            }
        }

        // Parse in parallel; the order of `found` (sorted) is kept.
        let kept: HashMap<&str, &Doc> = previous
            .map(|p| p.docs.iter().map(|d| (d.rel.as_str(), d)).collect())
            .unwrap_or_default();
        let settled_before = previous.and_then(|p| p.read_at.checked_sub(crate::cache::SETTLED));
        let parsed: Vec<Parsed> = found
            .par_iter()
            .map(|f| {
                let meta = std::fs::metadata(content_dir.join(&f.rel)).ok();
                let stamp = meta.as_ref().map_or(0, crate::cache::file_stamp);
                let settled = meta
                    .as_ref()
                    .and_then(crate::cache::changed_at)
                    .zip(settled_before)
                    .is_some_and(|(changed, before)| changed < before);
                match kept.get(f.rel.as_str()) {
                    Some(doc) if settled && stamp != 0 && doc.stamp == stamp && doc.lang == f.lang => {
                        Ok((*doc).clone())
                    }
                    _ => parse_file(config, &content_dir, f).map(|doc| Doc {
                        stamp,
                        unfinished: unfinished::problems(&doc),
                        ..doc
                    }),
                }
            })
            .collect();
        let mut docs = Vec::with_capacity(parsed.len());
        let mut drafts = Vec::new();
        let mut draft_terms = std::collections::BTreeSet::new();
        let mut withheld = Vec::new();
        let mut unparsed = Vec::new();
        let mut file_problems = Vec::new();
        for result in parsed {
            match result {
                Ok(doc) if doc.fm.draft && !options.drafts => {
                    for (taxonomy, keys) in &doc.fm.terms {
                        draft_terms.extend(keys.iter().map(|k| (taxonomy.clone(), k.clone())));
                    }
                    drafts.push(neutral_path(&doc.rel, config));
                }
                Ok(mut doc) => {
                    file_problems.extend(doc.unfinished.iter().cloned());
                    // Only pages are scheduled: a section stays up for the pages it lists.
                    doc.withheld = options
                        .today
                        .filter(|_| doc.kind == DocKind::Page)
                        .and_then(|today| schedule::withheld(&doc.fm, today));
                    match doc.withheld {
                        Some(w)
                            if !(if w.is_scheduled() {
                                options.future
                            } else {
                                options.expired
                            }) =>
                        {
                            // Their terms count as being written about, as drafts' do.
                            for (taxonomy, keys) in &doc.fm.terms {
                                draft_terms.extend(keys.iter().map(|k| (taxonomy.clone(), k.clone())));
                            }
                            withheld.push(schedule::Held {
                                path: neutral_path(&doc.rel, config),
                                line: if w.is_scheduled() {
                                    doc.fm.date_line
                                } else {
                                    doc.fm.expires_line
                                },
                                source: doc.source,
                                why: w,
                            });
                        }
                        _ => docs.push(doc),
                    }
                }
                Err((mut e, mut file)) => {
                    file.problem = e.first().cloned().map(Box::new);
                    file_problems.append(&mut e);
                    unparsed.push(file);
                }
            }
        }
        let mut library = Library {
            docs,
            drafts,
            draft_terms,
            read_at: started,
            withheld,
            today: options.today,
            unparsed,
            ..Default::default()
        };
        library.link(config, &other_files, &mut errors);
        if errors.is_empty() {
            diagnostics::sort(&mut file_problems);
            Ok((library, file_problems))
        } else {
            errors.append(&mut file_problems);
            diagnostics::sort(&mut errors);
            Err(Failure::Content(errors))
        }
    }

    /// The doc that stands for a page (its translation key) in a language: its
    /// version in that language, else the original in the default language, else
    /// any version it has. The one fallback rule of the site.
    pub fn version(&self, key: &str, lang: usize) -> Option<usize> {
        let versions = self.translations.get(key)?;
        versions.get(lang).copied().flatten().or_else(|| original_of(versions))
    }

    /// The home page's doc in a language.
    pub fn home(&self, lang: usize) -> Option<usize> {
        self.translations.get("").and_then(|v| v[lang])
    }
}

impl Doc {
    /// The file's name without language and extension: `a` for `cases/a.en.md`.
    fn stem_name(&self) -> &str {
        self.key.rsplit('/').next().unwrap_or(&self.key)
    }
}

/// Weight first (pages without one after), then newest first, then title and path.
pub fn listing_order(a: &Doc, b: &Doc) -> std::cmp::Ordering {
    let weight = |d: &Doc| d.fm.weight.unwrap_or(i64::MAX);
    weight(a)
        .cmp(&weight(b))
        .then_with(|| b.fm.date.cmp(&a.fm.date))
        .then_with(|| a.fm.title.cmp(&b.fm.title))
        .then_with(|| a.rel.cmp(&b.rel))
}

/// The folder part of a content path: `cases/a` → `cases`, `a` → ``.
pub fn parent_folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// Splits `cases/a.en` into (`cases/a`, index of en). `cases/a` is the default language.
fn split_language<'a>(without_ext: &'a str, config: &Config) -> Result<(&'a str, usize), Keyed> {
    let name = without_ext.rsplit('/').next().unwrap_or(without_ext);
    if let Some(dot) = name.rfind('.') {
        let code = &name[dot + 1..];
        let stem_len = without_ext.len() - code.len() - 1;
        if let Some(lang) = config.language_index(code) {
            return Ok((&without_ext[..stem_len], lang));
        }
        let looks_like_code = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if looks_like_code {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(crate::keyed!(
                "content-bad-language",
                code = code,
                codes = codes.join(", "),
                hint = crate::diagnostics::hint(code, codes.iter().copied())
            ));
        }
    }
    Ok((without_ext, 0))
}

/// The language of a content file (`cases/a.en.md` → the index of en), or the reason
/// its name is not valid.
pub fn language_of(rel: &str, config: &Config) -> Result<usize, Keyed> {
    split_language(rel.strip_suffix(".md").unwrap_or(rel), config).map(|(_, lang)| lang)
}

/// `cases/a.en.md` → `cases/a.md`; the name translations share.
pub fn neutral_path(rel: &str, config: &Config) -> String {
    let without_ext = rel.strip_suffix(".md").unwrap_or(rel);
    match split_language(without_ext, config) {
        Ok((stem, _)) => format!("{stem}.md"),
        Err(_) => rel.to_string(),
    }
}

/// A path inside the site's root as shown in messages: relative to the current folder when it can be.
pub fn display_path(config: &Config, rel: &str) -> PathBuf {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    if config.root.as_os_str().is_empty() || config.root == Path::new(".") {
        return PathBuf::from(rel);
    }
    let full = config.root.join(rel);
    let cwd = CWD.get_or_init(|| std::env::current_dir().ok());
    match cwd.as_deref().and_then(|cwd| full.strip_prefix(cwd).ok()) {
        Some(inside) if full.is_absolute() => inside.to_path_buf(),
        _ => full,
    }
}

/// Where a file sits: its kind, translation key, folder and whether it is a bundle.
fn place(found: &Found) -> (DocKind, String, String, bool) {
    let rel_stem = match found.rel.rfind('/') {
        Some(i) => format!("{}/{}", &found.rel[..i], found.stem),
        None => found.stem.clone(),
    };
    let (kind, key, bundle) = match found.stem.as_str() {
        "_index" => (DocKind::Section, parent_folder(&rel_stem).to_string(), false),
        "index" if !parent_folder(&rel_stem).is_empty() => (DocKind::Page, parent_folder(&rel_stem).to_string(), true),
        _ => (DocKind::Page, rel_stem.clone(), false),
    };
    let dir = if bundle || kind == DocKind::Section {
        key.clone()
    } else {
        parent_folder(&key).to_string()
    };
    (kind, key, dir, bundle)
}

/// Reads and parses one file; when it fails, its problems and what is known of it.
fn parse_file(config: &Config, content_dir: &Path, found: &Found) -> Result<Doc, (Vec<Diagnostic>, Unparsed)> {
    let source = display_path(config, &format!("{CONTENT_DIR}/{}", found.rel));
    let (kind, key, dir, bundle) = place(found);
    let doc = |fm: FrontMatter, split: &front_matter::Split<'_>, text: &str| Doc {
        kind,
        source: source.clone(),
        rel: found.rel.clone(),
        key: key.clone(),
        dir: dir.clone(),
        lang: found.lang,
        bundle,
        fm,
        body: split.body.to_string(),
        body_line: split.body_line,
        path: String::new(),
        parent: None,
        hash: translation::source_hash(text),
        yaml: split.yaml.to_string(),
        yaml_line: split.yaml_line,
        stamp: 0,
        fallbacks: Vec::new(),
        withheld: None,
        unfinished: Vec::new(),
    };
    let unparsed = |doc: Option<Box<Doc>>| Unparsed {
        rel: found.rel.clone(),
        neutral: neutral_path(&found.rel, config),
        problem: None,
        key: key.clone(),
        doc,
    };
    let text = read_text(&source, &content_dir.join(&found.rel)).map_err(|e| (e, unparsed(None)))?;
    let split = front_matter::split(&text).map_err(|p| (vec![p.diagnostic(source.clone())], unparsed(None)))?;
    match front_matter::parse(split.yaml, split.yaml_line, config) {
        Ok(fm) => Ok(doc(fm, &split, &text)),
        Err(problems) => Err((
            problems.into_iter().map(|p| p.diagnostic(source.clone())).collect(),
            unparsed(Some(Box::new(doc(FrontMatter::default(), &split, &text)))),
        )),
    }
}

/// A Markdown file's text, refused when it is too big or not UTF-8.
fn read_text(source: &Path, full: &Path) -> Result<String, Vec<Diagnostic>> {
    let read_error = |e: std::io::Error| {
        vec![Diagnostic::error_keyed(
            source.to_path_buf(),
            0,
            0,
            crate::keyed!("content-unreadable", reason = e.to_string()),
        )]
    };
    let size = std::fs::metadata(full).map_err(read_error)?.len();
    if size > MAX_MARKDOWN_BYTES {
        return Err(vec![Diagnostic::error_keyed(
            source.to_path_buf(),
            0,
            0,
            crate::keyed!(
                "content-too-large",
                size = format!("{:.1}", size as f64 / (1024.0 * 1024.0)),
                limit = (MAX_MARKDOWN_BYTES / (1024 * 1024)) as usize
            ),
        )]);
    }
    let bytes = std::fs::read(full).map_err(read_error)?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, col) = diagnostics::line_col(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        vec![Diagnostic::error_keyed(
            source.to_path_buf(),
            line,
            col,
            crate::keyed!("content-not-utf8"),
        )]
    })
}
