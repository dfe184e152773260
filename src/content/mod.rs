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
pub mod lint;
pub mod slug;
pub mod taxonomy;
pub mod translation;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{self, Diagnostic, Failure};
use front_matter::FrontMatter;

pub const CONTENT_DIR: &str = "content";

/// The largest Markdown file read, in bytes (20 MB): a bigger one is refused with its
/// size, so a pasted or generated monster cannot take minutes or gigabytes.
pub const MAX_MARKDOWN_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The file's [`stamp_of`] when it was read: whether it has changed since.
    pub stamp: u64,
    /// Indexed like `Config::languages`: where this page of the default language is also
    /// published, with a notice, in a language that has no translation of it
    /// (`fallback = "notice"`): `/en/cases/beta/`.
    pub fallbacks: Vec<Option<String>>,
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
}

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

/// How long before a library was read a file must have last changed for its
/// stamp to be trusted: well above the coarsest clock tick of file systems.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(1);

/// A file's size, modification and change times and inode, hashed: it changes
/// with every write (but two writes within one tick of the clock); 0 if unknown.
fn stamp_of(meta: &std::fs::Metadata) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&meta.len().to_le_bytes());
    if let Some(modified) = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
    {
        h.update(&modified.as_nanos().to_le_bytes());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        for part in [meta.ino(), meta.ctime() as u64, meta.ctime_nsec() as u64] {
            h.update(&part.to_le_bytes());
        }
    }
    h.digest().max(1)
}

/// When a file last changed: its change time where the system has one (a write
/// cannot set it back), else its modification time.
fn changed_at(meta: &std::fs::Metadata) -> Option<std::time::SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let seconds = u64::try_from(meta.ctime()).ok()?;
        let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
        std::time::UNIX_EPOCH.checked_add(std::time::Duration::new(seconds, nanos))
    }
    #[cfg(not(unix))]
    meta.modified().ok()
}

/// Options that change what is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub drafts: bool,
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
        let started = std::time::SystemTime::now();
        let content_dir = config.root.join(CONTENT_DIR);
        if !content_dir.is_dir() {
            return Err(Diagnostic::file_error(
                display_path(config, CONTENT_DIR),
                "there is no content folder; create content/_index.md for the home page",
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
                errors.push(Diagnostic::file_error(
                    display_path(config, &format!("{CONTENT_DIR}/{}", rel_path.to_string_lossy())),
                    "the file name is not valid UTF-8; rename the file",
                ));
                continue;
            };
            if entry.path_is_symlink() {
                errors.push(Diagnostic::file_error(
                    display_path(config, &format!("{CONTENT_DIR}/{rel}")),
                    "symbolic links are not followed in content/; copy the file instead",
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
                    Err(message) => errors.push(Diagnostic::file_error(
                        display_path(config, &format!("{CONTENT_DIR}/{rel}")),
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
        let settled_before = previous.and_then(|p| p.read_at.checked_sub(SETTLED));
        let parsed: Vec<Result<Doc, Vec<Diagnostic>>> = found
            .par_iter()
            .map(|f| {
                let meta = std::fs::metadata(content_dir.join(&f.rel)).ok();
                let stamp = meta.as_ref().map_or(0, stamp_of);
                let settled = meta
                    .as_ref()
                    .and_then(changed_at)
                    .zip(settled_before)
                    .is_some_and(|(changed, before)| changed < before);
                match kept.get(f.rel.as_str()) {
                    Some(doc) if settled && stamp != 0 && doc.stamp == stamp && doc.lang == f.lang => {
                        Ok((*doc).clone())
                    }
                    _ => parse_file(config, &content_dir, f).map(|doc| Doc { stamp, ..doc }),
                }
            })
            .collect();
        let mut docs = Vec::with_capacity(parsed.len());
        let mut drafts = Vec::new();
        let mut draft_terms = std::collections::BTreeSet::new();
        for result in parsed {
            match result {
                Ok(doc) if doc.fm.draft && !options.drafts => {
                    for (taxonomy, keys) in &doc.fm.terms {
                        draft_terms.extend(keys.iter().map(|k| (taxonomy.clone(), k.clone())));
                    }
                    drafts.push(neutral_path(&doc.rel, config));
                }
                Ok(doc) => docs.push(doc),
                Err(mut e) => errors.append(&mut e),
            }
        }
        let mut library = Library {
            docs,
            drafts,
            draft_terms,
            read_at: started,
            ..Default::default()
        };
        library.link(config, &other_files, &mut errors);
        if errors.is_empty() {
            Ok(library)
        } else {
            diagnostics::sort(&mut errors);
            Err(Failure::Content(errors))
        }
    }

    /// Pairs translations, finds parents, gives URLs, sorts lists, places assets.
    fn link(&mut self, config: &Config, other_files: &[String], errors: &mut Vec<Diagnostic>) {
        let nlang = config.languages.len();
        // Pair translations; two files for one key and language is an error.
        let mut translations: HashMap<String, Vec<Option<usize>>> = HashMap::new();
        for (i, doc) in self.docs.iter().enumerate() {
            let slot = &mut translations.entry(doc.key.clone()).or_insert_with(|| vec![None; nlang])[doc.lang];
            if let Some(other) = *slot {
                let other: &Doc = &self.docs[other];
                errors.push(Diagnostic::file_error(
                    doc.source.clone(),
                    format!(
                        "{} is also the {} version of this page; keep one of the two files",
                        other.source.display(),
                        config.languages[doc.lang].name
                    ),
                ));
            } else {
                *slot = Some(i);
            }
        }
        // A section and a bundle in one folder.
        let section_keys: HashSet<&str> = self
            .docs
            .iter()
            .filter(|d| d.kind == DocKind::Section)
            .map(|d| d.key.as_str())
            .collect();
        for doc in &self.docs {
            if doc.kind == DocKind::Page && doc.bundle && section_keys.contains(doc.key.as_str()) {
                errors.push(Diagnostic::file_error(
                    doc.source.clone(),
                    "a folder cannot be both a page bundle (index.md) and a section (_index.md); rename one of the two files",
                ));
            }
        }
        let section_set: std::collections::HashSet<String> = self
            .docs
            .iter()
            .filter(|d| d.kind == DocKind::Section)
            .map(|d| d.key.clone())
            .collect();
        let is_section = |key: &str| section_set.contains(key);
        // Pages inside a bundle's folder.
        let bundle_keys: Vec<&str> = self.docs.iter().filter(|d| d.bundle).map(|d| d.key.as_str()).collect();
        for doc in &self.docs {
            if let Some(b) = bundle_keys
                .iter()
                .find(|b| doc.key != **b && doc.key.starts_with(&format!("{b}/")))
            {
                errors.push(Diagnostic::file_error(
                    doc.source.clone(),
                    format!("this file is inside the page bundle {CONTENT_DIR}/{b}/; a bundle holds one page and its files, so move it out"),
                ));
            }
        }

        // URL segment of each section folder: the section's slug, or the folder name as a slug.
        let mut segment_of: HashMap<String, String> = HashMap::new();
        let mut section_keys: Vec<&str> = self
            .docs
            .iter()
            .filter(|d| d.kind == DocKind::Section)
            .map(|d| d.key.as_str())
            .collect();
        section_keys.sort();
        section_keys.dedup();
        for key in &section_keys {
            let versions = &translations[*key];
            let slug = versions.iter().flatten().find_map(|&i| self.docs[i].fm.slug.clone());
            let name = key.rsplit('/').next().unwrap_or("");
            let segment = slug.unwrap_or_else(|| slug::slugify(name));
            if segment.is_empty() && !key.is_empty() {
                let doc = &self.docs[versions.iter().flatten().next().copied().unwrap_or(0)];
                errors.push(Diagnostic::file_error(
                    doc.source.clone(),
                    format!(
                        "the folder name \"{name}\" gives an empty URL; rename the folder or set slug: in this file"
                    ),
                ));
            }
            segment_of.insert(key.to_string(), segment);
        }
        let section_path = |key: &str, lang: usize| -> String {
            let mut path = config.languages[lang].url_prefix.clone();
            let mut prefix = String::new();
            for part in key.split('/').filter(|p| !p.is_empty()) {
                prefix = if prefix.is_empty() {
                    part.to_string()
                } else {
                    format!("{prefix}/{part}")
                };
                path.push('/');
                path.push_str(segment_of.get(&prefix).map_or(part, String::as_str));
            }
            path.push('/');
            path
        };

        // Paths and parents.
        let mut by_path: HashMap<String, usize> = HashMap::new();
        for i in 0..self.docs.len() {
            let doc = &self.docs[i];
            let parent_key = match doc.kind {
                DocKind::Section if doc.key.is_empty() => None,
                DocKind::Section => Some(parent_folder(&doc.key)),
                DocKind::Page => Some(parent_folder(&doc.key)),
            };
            let mut parent = None;
            if let Some(parent_key) = parent_key {
                // The nearest folder above that is a section; the page's own folder should be one.
                let mut folder = parent_key.to_string();
                while !folder.is_empty() && !is_section(&folder) {
                    folder = parent_folder(&folder).to_string();
                }
                let home_missing = folder.is_empty() && !is_section("");
                if folder != parent_key && !home_missing {
                    errors.push(Diagnostic::file_error(
                        doc.source.clone(),
                        format!(
                            "{CONTENT_DIR}/{parent_key}/ has pages but no _index.md; add {CONTENT_DIR}/{parent_key}/_index.md with a title: for the section"
                        ),
                    ));
                }
                parent = translations.get(&folder).and_then(|v| v[doc.lang]);
                if parent.is_none() && is_section(&folder) && !folder.is_empty() {
                    let lang = &config.languages[doc.lang];
                    let expected = if doc.lang == 0 {
                        "_index.md".to_string()
                    } else {
                        format!("_index.{}.md", lang.code)
                    };
                    errors.push(Diagnostic::file_error(
                        doc.source.clone(),
                        format!(
                            "this {} page's section has no {} version; add {CONTENT_DIR}/{folder}/{expected}",
                            lang.name, lang.name
                        ),
                    ));
                }
            }
            let path = match doc.kind {
                DocKind::Section => section_path(&doc.key, doc.lang),
                DocKind::Page => {
                    let own = doc.fm.slug.clone();
                    let default_slug = translations[&doc.key][0].and_then(|d| self.docs[d].fm.slug.clone());
                    let name = if doc.bundle {
                        doc.key.rsplit('/').next().unwrap_or("")
                    } else {
                        doc.stem_name()
                    };
                    let slug = own.or(default_slug).unwrap_or_else(|| slug::slugify(name));
                    if slug.is_empty() {
                        errors.push(Diagnostic::file_error(
                            doc.source.clone(),
                            format!("the file name \"{name}\" gives an empty URL; rename the file or set slug: in its front matter"),
                        ));
                    }
                    format!("{}{slug}/", section_path(parent_folder(&doc.key), doc.lang))
                }
            };
            if let Some(&other) = by_path.get(&path) {
                let other = &self.docs[other];
                let hint = if doc.fm.slug.is_some() || other.fm.slug.is_some() {
                    "give one of them another slug:"
                } else {
                    "set slug: in one of them (Chinese names become pinyin, so different characters can read alike)"
                };
                errors.push(
                    Diagnostic::error(
                        doc.source.clone(),
                        doc.fm.slug_line,
                        if doc.fm.slug_line > 0 { 1 } else { 0 },
                        format!(
                            "this page and {} would both be published at {path}; {hint}",
                            other.source.display()
                        ),
                    )
                    .rule("duplicate-url"),
                );
            } else {
                by_path.insert(path.clone(), i);
            }
            let doc = &mut self.docs[i];
            doc.path = path;
            doc.parent = parent;
        }

        // Untranslated pages stand in for their translation where the language asks for it.
        for i in 0..self.docs.len() {
            let doc = &self.docs[i];
            let mut fallbacks = vec![None; nlang];
            if doc.lang == 0 && doc.kind == DocKind::Page {
                for (lang, language) in config.languages.iter().enumerate().skip(1) {
                    if language.fallback != crate::config::Fallback::Notice || translations[&doc.key][lang].is_some() {
                        continue;
                    }
                    let path = format!("{}{}", language.url_prefix, doc.path);
                    if let Some(&other) = by_path.get(&path) {
                        errors.push(Diagnostic::file_error(
                            self.docs[other].source.clone(),
                            format!(
                                "{path} is where the {} notice for the untranslated {} is published; give this page another slug:",
                                language.name,
                                doc.source.display()
                            ),
                        ));
                        continue;
                    }
                    by_path.insert(path.clone(), i);
                    fallbacks[lang] = Some(path);
                }
            }
            self.docs[i].fallbacks = fallbacks;
        }

        // Aliases: redirects that must not take the place of a page or of each other.
        for (i, doc) in self.docs.iter().enumerate() {
            for alias in &doc.fm.aliases {
                let key = alias.trim_end_matches("index.html").to_string();
                if let Some(&other) = by_path.get(&key) {
                    let other = &self.docs[other];
                    let what = if other.path == key {
                        "is the address of"
                    } else {
                        "is already an alias of"
                    };
                    errors.push(
                        Diagnostic::file_error(
                            doc.source.clone(),
                            format!("alias {alias} {what} {}; remove one of the two", other.source.display()),
                        )
                        .rule("duplicate-url"),
                    );
                } else {
                    by_path.insert(key, i);
                }
            }
        }

        // Cases need a date.
        for doc in &self.docs {
            if doc.is_case() && doc.fm.date.is_none() {
                errors.push(
                    Diagnostic::error(
                        doc.source.clone(),
                        1,
                        1,
                        "this case has no date; add \"date: YYYY-MM-DD\" to its front matter".to_string(),
                    )
                    .rule("missing-date"),
                );
            }
            if doc.lang == 0 && doc.fm.translated_from.is_some() {
                errors.push(Diagnostic::error(
                    doc.source.clone(),
                    doc.fm.translated_from_line,
                    1,
                    format!(
                        "translated_from belongs in a translation, and this file is the {} original; remove the line",
                        config.languages[0].name
                    ),
                ));
            }
            if doc.kind == DocKind::Section && doc.fm.draft {
                errors.push(Diagnostic::file_error(
                    doc.source.clone(),
                    "a section cannot be a draft; mark its pages as drafts instead",
                ));
            }
        }

        // Lists.
        for (i, doc) in self.docs.iter().enumerate() {
            if let Some(parent) = doc.parent {
                let list = match doc.kind {
                    DocKind::Page => self.pages_of.entry(parent).or_default(),
                    DocKind::Section => self.sections_of.entry(parent).or_default(),
                };
                list.push(i);
            }
        }
        let docs = &self.docs;
        for list in self.pages_of.values_mut().chain(self.sections_of.values_mut()) {
            list.sort_by(|&a, &b| listing_order(&docs[a], &docs[b]));
        }

        // Assets: beside the bundle or section folder that holds them.
        // The folders that hold assets: sections and bundles, by key.
        let holders: HashMap<&str, &Vec<Option<usize>>> = translations
            .iter()
            .filter(|(_, versions)| {
                versions
                    .iter()
                    .flatten()
                    .any(|&d| docs[d].kind == DocKind::Section || docs[d].bundle)
            })
            .map(|(key, versions)| (key.as_str(), versions))
            .collect();
        for rel in other_files {
            // The nearest holder: the asset's folder, or the closest folder above it.
            let mut folder = parent_folder(rel);
            let holder = loop {
                if let Some(&versions) = holders.get(folder) {
                    break Some((folder, versions));
                }
                if folder.is_empty() {
                    break None;
                }
                folder = parent_folder(folder);
            };
            let path = match holder {
                Some((key, versions)) => {
                    let doc = &docs[versions.iter().flatten().next().copied().unwrap_or(0)];
                    let base = if doc.lang == 0 {
                        doc.path.clone()
                    } else {
                        // The asset lives at the default language's path.
                        doc.path
                            .strip_prefix(&config.languages[doc.lang].url_prefix)
                            .unwrap_or(&doc.path)
                            .to_string()
                    };
                    let inner = if key.is_empty() {
                        rel.as_str()
                    } else {
                        &rel[key.len() + 1..]
                    };
                    format!("{base}{inner}")
                }
                None => format!("/{rel}"),
            };
            let source = config.root.join(CONTENT_DIR).join(rel);
            if by_path.contains_key(&path)
                || path.ends_with("/index.html") && by_path.contains_key(path.trim_end_matches("index.html"))
            {
                errors.push(
                    Diagnostic::file_error(
                        display_path(config, &format!("{CONTENT_DIR}/{rel}")),
                        format!("this file would overwrite the page published at {path}; rename it"),
                    )
                    .rule("duplicate-url"),
                );
            }
            self.assets.insert(rel.clone(), Asset { source, path });
        }
        self.translations = translations;
    }

    /// Links the docs again after some were replaced by [`Library::reread`]:
    /// translations, parents, addresses, lists and assets, as [`Library::load`]
    /// does. The files are the same as when the library was loaded.
    pub fn relink(&mut self, config: &Config) -> Result<(), Vec<Diagnostic>> {
        let other_files: Vec<String> = std::mem::take(&mut self.assets).into_keys().collect();
        self.translations.clear();
        self.pages_of.clear();
        self.sections_of.clear();
        let mut errors = Vec::new();
        self.link(config, &other_files, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            diagnostics::sort(&mut errors);
            Err(errors)
        }
    }

    /// Reads one doc's file again, as [`Library::load`] read it. The new doc has
    /// the file's front matter and body; what linking gave the old one (its
    /// path, parent, fallbacks) and what rendering gives (HTML, text) are left
    /// for the caller, who knows whether they still hold.
    pub fn reread(&self, config: &Config, index: usize) -> Result<Doc, Vec<Diagnostic>> {
        let old = &self.docs[index];
        let stem = old.rel.strip_suffix(".md").unwrap_or(&old.rel);
        let found = Found {
            rel: old.rel.clone(),
            stem: split_language(stem, config)
                .map(|(stem, _)| stem)
                .unwrap_or(stem)
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string(),
            lang: old.lang,
        };
        parse_file(config, &config.root.join(CONTENT_DIR), &found)
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
fn split_language<'a>(without_ext: &'a str, config: &Config) -> Result<(&'a str, usize), String> {
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
            return Err(format!(
                "\"{code}\" in the file name is not a language of the site ({}); rename the file{}",
                codes.join(", "),
                diagnostics::suggestion(code, codes.iter().copied())
            ));
        }
    }
    Ok((without_ext, 0))
}

/// The language of a content file (`cases/a.en.md` → the index of en), or the reason
/// its name is not valid.
pub fn language_of(rel: &str, config: &Config) -> Result<usize, String> {
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

fn parse_file(config: &Config, content_dir: &Path, found: &Found) -> Result<Doc, Vec<Diagnostic>> {
    let source = display_path(config, &format!("{CONTENT_DIR}/{}", found.rel));
    let full = content_dir.join(&found.rel);
    let read_error = |e: std::io::Error| {
        vec![Diagnostic::file_error(
            source.clone(),
            format!("cannot read the file: {e}"),
        )]
    };
    let size = std::fs::metadata(&full).map_err(read_error)?.len();
    if size > MAX_MARKDOWN_BYTES {
        return Err(vec![Diagnostic::file_error(
            source.clone(),
            format!(
                "the file is {:.1} MB, over the limit of {} MB for a Markdown file; split it into several pages or move data out of it",
                size as f64 / (1024.0 * 1024.0),
                MAX_MARKDOWN_BYTES / (1024 * 1024)
            ),
        )]);
    }
    let bytes = std::fs::read(&full).map_err(read_error)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = diagnostics::line_col(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        vec![Diagnostic::error(
            source.clone(),
            line,
            col,
            "the file is not UTF-8 text; save it with UTF-8 encoding",
        )]
    })?;
    let split = front_matter::split(&text)
        .map_err(|p| vec![Diagnostic::error(source.clone(), p.line, p.col, p.message).rule(p.rule)])?;
    let fm = front_matter::parse(split.yaml, split.yaml_line, config).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| Diagnostic::error(source.clone(), p.line, p.col, p.message).rule(p.rule))
            .collect::<Vec<_>>()
    })?;
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
    Ok(Doc {
        kind,
        source,
        rel: found.rel.clone(),
        key,
        dir,
        lang: found.lang,
        bundle,
        fm,
        body: split.body.to_string(),
        body_line: split.body_line,
        path: String::new(),
        parent: None,
        hash: translation::source_hash(&text),
        yaml: split.yaml.to_string(),
        yaml_line: split.yaml_line,
        stamp: 0,
        fallbacks: Vec::new(),
    })
}
