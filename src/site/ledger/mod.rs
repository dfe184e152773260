//! The address ledger: every address the site has published, in
//! `addresses.txt` beside site.toml, so that none of them stops answering.
//!
//! Steps: read the ledger (none yet: an empty one); take what the site
//! publishes now ([`Published`]); recognise renamed content files (a file the
//! ledger names is gone and a new one has the same title and date in a
//! language, or else the same file name); then settle each address of the
//! ledger: published now (a page), an alias of a page, a page whose file now
//! has another address, or whose translation is gone while the original
//! stays (a redirect, which the ledger remembers as `ADDRESS -> NEW LANG
//! FILE`), a page the site no longer makes (a term with no pages left: a
//! redirect to its taxonomy, or else home), a redirect the author wrote
//! (`ADDRESS -> TARGET`), or nothing (it will answer 404: `check` warns).
//! Addresses published for the first time join the ledger. `build` writes the
//! redirects and saves the ledger when its text changed; `check` reports its
//! problems; `serve` writes the redirects into memory and never the ledger.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

mod format;

use super::Site;
use crate::diagnostics::{Diagnostic, Failure};
use crate::output::Sink;
use crate::render::addresses::{Owner, Published, redirect_page};
use format::{Entry, HEADER, Holder, Line, generated, is_url, parse, write_line};

/// The ledger's file, in the site's folder.
pub const FILE: &str = "addresses.txt";

/// A redirect page to write: its site path and HTML.
#[derive(Debug)]
pub struct Redirect {
    pub path: String,
    pub html: String,
}

/// The ledger settled against the site: what to write, what to say.
#[derive(Debug, Default)]
pub struct Resolved {
    /// The ledger's text as it was read; `None` if the site had none.
    was: Option<String>,
    /// The ledger's text as `build` leaves it.
    text: String,
    /// The redirect pages the ledger asks for.
    pub redirects: Vec<Redirect>,
    /// The pages found to have moved in this build: `redirect: /a/ → /b/ (content/b.md)`.
    pub moves: Vec<crate::messages::Keyed>,
    /// Problems of the ledger (errors) and addresses that answer 404 (warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// How many addresses the ledger has.
    pub addresses: usize,
    /// How many of them no page, alias or redirect answers.
    pub gone: usize,
}

impl Resolved {
    /// Writes the redirect pages into a sink; returns how many.
    pub fn write_redirects(&self, sink: &dyn Sink) -> Result<usize, Failure> {
        for redirect in &self.redirects {
            sink.write(&redirect.path, redirect.html.as_bytes())?;
        }
        Ok(self.redirects.len())
    }

    /// Whether the ledger has errors (a build stops on them).
    pub fn errors(&self) -> Vec<Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error()).cloned().collect()
    }

    /// Saves the ledger in the site's folder if its text changed, atomically (a
    /// temporary file beside it, renamed over it). Returns the lines to print:
    /// the moves, one line for a ledger started, one for addresses that answer 404.
    pub fn save(&self, root: &Path) -> Result<Vec<crate::messages::Keyed>, Failure> {
        let mut said = self.moves.clone();
        // A checkout that turned the line ends into CRLF holds the same ledger.
        if self.was.as_ref().map(|was| was.replace("\r\n", "\n")).as_deref() != Some(self.text.as_str()) {
            let path = root.join(FILE);
            // A temporary name of this process's own: two builds may save at once.
            let temp = root.join(format!(".{FILE}.{}.tmp", std::process::id()));
            std::fs::write(&temp, &self.text).map_err(|e| Failure::io("write", &temp, e))?;
            std::fs::rename(&temp, &path).map_err(|e| {
                let _ = std::fs::remove_file(&temp);
                Failure::io("replace", &path, e)
            })?;
            if self.was.is_none() {
                said.push(crate::keyed!("ledger-started", file = FILE, count = self.addresses));
            }
        }
        if self.gone > 0 {
            said.push(crate::keyed!("ledger-gone-count", count = self.gone));
        }
        Ok(said)
    }
}

/// The ledger settled, with a hash of what it was settled from: a rebuild
/// whose inputs hash the same takes it as it is (see [`resolve`]).
#[derive(Debug, Clone, Default)]
pub struct Settled {
    /// `None` when the ledger could not be read: never taken again.
    inputs: Option<u64>,
    resolved: std::sync::Arc<Resolved>,
}

impl std::ops::Deref for Settled {
    type Target = Resolved;

    fn deref(&self) -> &Resolved {
        &self.resolved
    }
}

/// Settles the ledger of `site` against what it publishes now (see the module's
/// steps). `previous` is the ledger settled for the site built before under the
/// same config (`serve`): when the ledger's text, the addresses published and
/// what the ledger reads of each doc are the same, it is the answer.
pub fn resolve(site: &Site, published: &[Published], previous: Option<&Settled>) -> Settled {
    let read = std::fs::read(site.config.root.join(FILE));
    let inputs = inputs_hash(site, published, &read);
    if let Some(previous) = previous.filter(|p| p.inputs.is_some() && p.inputs == inputs) {
        return previous.clone();
    }
    Settled {
        inputs,
        resolved: std::sync::Arc::new(settle_all(site, published, read)),
    }
}

/// A hash of all [`settle_all`] reads but the config: the ledger's bytes, the
/// addresses published, and each doc's file, address, language, title, date
/// and aliases. `None` when the ledger could not be read.
fn inputs_hash(site: &Site, published: &[Published], read: &std::io::Result<Vec<u8>>) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    match read {
        Ok(bytes) => Some(bytes).hash(&mut h),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None::<&Vec<u8>>.hash(&mut h),
        Err(_) => return None,
    }
    published.len().hash(&mut h);
    for p in published {
        p.path.hash(&mut h);
        p.lang.hash(&mut h);
        match &p.owner {
            Owner::Doc(d) => (0u8, d).hash(&mut h),
            Owner::Generated(what) => (1u8, what).hash(&mut h),
        }
    }
    site.library.docs.len().hash(&mut h);
    for doc in &site.library.docs {
        (&doc.source, &doc.rel, &doc.path, doc.lang).hash(&mut h);
        (&doc.fm.title, doc.fm.date, &doc.fm.aliases).hash(&mut h);
    }
    Some(h.finish())
}

/// Settles the ledger read (`read`) against what the site publishes now.
fn settle_all(site: &Site, published: &[Published], read: std::io::Result<Vec<u8>>) -> Resolved {
    let config = &site.config;
    let shown = crate::content::display_path(config, FILE);
    let was = match read {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                return Resolved {
                    diagnostics: vec![Diagnostic::error_keyed(shown, 0, 0, crate::keyed!("ledger-not-utf8"))],
                    ..Resolved::default()
                };
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Resolved {
                diagnostics: vec![Diagnostic::error_keyed(
                    shown,
                    0,
                    0,
                    crate::keyed!("ledger-unreadable", reason = e.to_string()),
                )],
                ..Resolved::default()
            };
        }
    };
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let (old, mut diagnostics) = parse(was.as_deref().unwrap_or(""), &codes, &shown);
    let settle = Settle::new(site, published, &old);
    let mut lines: BTreeMap<String, Entry> = BTreeMap::new();
    let mut redirects = Vec::new();
    let mut moves = Vec::new();
    let mut gone = 0;
    for (address, line) in &old {
        let step = settle.step(address, &line.entry);
        let mut entry = line.entry.clone();
        let target = match step {
            Step::Page(now) => {
                lines.insert(address.clone(), now);
                continue;
            }
            Step::Alias(d) => {
                let doc = &settle.docs()[d];
                entry = Entry::Redirect {
                    target: doc.path.clone(),
                    from: Some((codes[doc.lang].to_string(), settle.neutral(d))),
                };
                None
            }
            Step::Moved { doc, lang, file } => {
                let to = settle.place[&(lang, file.clone())].0.clone();
                if !matches!(&entry, Entry::Redirect { target, .. } if *target == to) {
                    let source = &settle.docs()[doc].source;
                    moves.push(crate::keyed!(
                        "ledger-moved",
                        address = address.as_str(),
                        to = to.as_str(),
                        file = source.display().to_string()
                    ));
                }
                entry = Entry::Redirect {
                    target: to.clone(),
                    from: Some((codes[lang].to_string(), file)),
                };
                Some(Final::Address(to))
            }
            Step::Successor { to, lang, what } => {
                if !matches!(&entry, Entry::Redirect { target, .. } if *target == to) {
                    moves.push(crate::keyed!(
                        "ledger-successor",
                        address = address.as_str(),
                        to = to.as_str(),
                        what = what.to_string()
                    ));
                }
                entry = Entry::Redirect {
                    target: to.clone(),
                    from: Some((lang, format!("({what})"))),
                };
                Some(Final::Address(to))
            }
            Step::File(d) => {
                if let Entry::Redirect { target, from: None } = &mut entry {
                    target.clone_from(&settle.docs()[d].rel);
                }
                Some(Final::Address(settle.docs()[d].path.clone()))
            }
            Step::Url(url) => Some(Final::Url(url)),
            Step::Address(to) => match settle.follow(&to, 0) {
                Some(target) => Some(target),
                None if matches!(entry, Entry::Redirect { from: None, .. }) => {
                    diagnostics.push(
                        Diagnostic::error_keyed(
                            shown.clone(),
                            line.number,
                            1,
                            crate::keyed!("ledger-unanswered", address = address.as_str(), to = to.as_str()),
                        )
                        .rule("bad-redirect"),
                    );
                    None
                }
                None => {
                    gone += 1;
                    diagnostics.push(gone_warning(&shown, line.number, address, &entry));
                    None
                }
            },
            Step::BadFile(target) => {
                let known = settle.docs().iter().map(|d| d.rel.as_str());
                let like = crate::diagnostics::hint(&target, known);
                let message = crate::keyed!(
                    "ledger-bad-file",
                    address = address.as_str(),
                    target = target.as_str(),
                    hint = like
                );
                diagnostics.push(Diagnostic::error_keyed(shown.clone(), line.number, 1, message).rule("bad-redirect"));
                None
            }
            Step::Gone => {
                gone += 1;
                diagnostics.push(gone_warning(&shown, line.number, address, &entry));
                None
            }
        };
        if let Some(target) = target {
            redirects.push(settle.redirect(address, &target));
        }
        lines.insert(address.clone(), entry);
    }
    for (address, entry) in settle.now {
        lines.entry(address).or_insert(entry);
    }
    let mut text = String::from(HEADER);
    for (address, entry) in &lines {
        text.push_str(&write_line(address, entry));
        text.push('\n');
    }
    Resolved {
        was,
        text,
        redirects,
        moves,
        diagnostics,
        addresses: lines.len(),
        gone,
    }
}

fn gone_warning(shown: &Path, number: usize, address: &str, entry: &Entry) -> Diagnostic {
    let what = match entry {
        Entry::Page {
            lang,
            holder: Holder::File { file, .. },
        } => crate::keyed!(
            "ledger-was-page",
            lang = lang.as_str(),
            file = format!("content/{file}")
        ),
        Entry::Page {
            lang,
            holder: Holder::Generated(what),
        } => crate::keyed!("ledger-was-generated", lang = lang.as_str(), what = what.to_string()),
        Entry::Redirect { target, .. } => crate::keyed!("ledger-was-redirect", target = target.to_string()),
    };
    Diagnostic::warning_keyed(
        shown.to_path_buf(),
        number,
        1,
        "gone-address",
        crate::keyed!("ledger-gone", address = address, what = what),
    )
}

/// Where a redirect finally leads.
enum Final {
    Address(String),
    Url(String),
}

/// What becomes of one address of the ledger.
enum Step {
    /// Published now, as this entry.
    Page(Entry),
    /// An alias of this doc: the alias's page redirects.
    Alias(usize),
    /// The page of this file and language is now at another address.
    Moved { doc: usize, lang: usize, file: String },
    /// A page the site makes is no longer made (a term that lost its last
    /// page): a redirect to the page that stands for it (the taxonomy's
    /// overview, or else the home page of its language).
    Successor { to: String, lang: String, what: String },
    /// A redirect to this doc's page (the author named its file).
    File(usize),
    /// A redirect to a URL.
    Url(String),
    /// A redirect to this address, to follow.
    Address(String),
    /// The author named a content file that does not exist.
    BadFile(String),
    /// Nothing answers it.
    Gone,
}

/// What settling the ledger reads: the site's pages now, and the ledger's old lines.
struct Settle<'a> {
    site: &'a Site,
    old: &'a BTreeMap<String, Line>,
    /// What is published now, as ledger entries, by address.
    now: BTreeMap<String, Entry>,
    /// (language, language-neutral file) → its address now and its doc.
    place: HashMap<(usize, String), (String, usize)>,
    /// (language code, what) of a page the site makes → its address now.
    generated: HashMap<(String, String), String>,
    /// Alias → the doc it leads to.
    aliases: HashMap<&'a str, usize>,
    /// Files of the ledger that are gone → the file each was renamed to.
    renamed: HashMap<String, String>,
}

impl<'a> Settle<'a> {
    fn new(site: &'a Site, published: &[Published], old: &'a BTreeMap<String, Line>) -> Self {
        let mut settle = Settle {
            site,
            old,
            now: BTreeMap::new(),
            place: HashMap::new(),
            generated: HashMap::new(),
            aliases: HashMap::new(),
            renamed: HashMap::new(),
        };
        for p in published {
            let holder = match &p.owner {
                Owner::Doc(d) => {
                    let file = settle.neutral(*d);
                    settle.place.insert((p.lang, file.clone()), (p.path.clone(), *d));
                    settle.file_holder(*d, file)
                }
                Owner::Generated(what) => Holder::Generated(what.clone()),
            };
            let lang = site.config.languages[p.lang].code.clone();
            if let Owner::Generated(what) = &p.owner {
                settle.generated.insert((lang.clone(), what.clone()), p.path.clone());
            }
            settle.now.insert(p.path.clone(), Entry::Page { lang, holder });
        }
        for (d, doc) in site.library.docs.iter().enumerate() {
            for alias in &doc.fm.aliases {
                settle.aliases.insert(alias.as_str(), d);
            }
        }
        settle.renamed = settle.renames();
        settle
    }

    fn docs(&self) -> &'a [crate::content::Doc] {
        &self.site.library.docs
    }

    fn neutral(&self, d: usize) -> String {
        crate::content::neutral_path(&self.docs()[d].rel, &self.site.config)
    }

    fn file_holder(&self, d: usize, file: String) -> Holder {
        let fm = &self.docs()[d].fm;
        Holder::File {
            file,
            date: fm.date.map_or_else(|| "-".to_string(), |d| d.to_string()),
            title: fm.title.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }

    fn lang(&self, code: &str) -> Option<usize> {
        self.site.config.languages.iter().position(|l| l.code == code)
    }

    /// Files the ledger names that are gone, each matched to a file it does not
    /// name: the one whose page has the same title and date in a language of
    /// the gone file's (when only one has), or else the only one of the same
    /// file name (`a` of `cases/a.md` and of `talent/a/index.md`).
    fn renames(&self) -> HashMap<String, String> {
        let now: HashSet<String> = (0..self.docs().len()).map(|d| self.neutral(d)).collect();
        let mut named: BTreeMap<&str, Vec<(&str, &str, &str)>> = BTreeMap::new();
        for line in self.old.values() {
            match &line.entry {
                Entry::Page {
                    lang,
                    holder: Holder::File { file, date, title },
                } => named
                    .entry(file.as_str())
                    .or_default()
                    .push((lang.as_str(), date.as_str(), title.as_str())),
                Entry::Redirect {
                    from: Some((_, file)), ..
                } if generated(file).is_none() => {
                    named.entry(file.as_str()).or_default();
                }
                _ => {}
            }
        }
        // The files the ledger does not name, by their page's (language, date, title)
        // and by their file name: looked up, not searched, for each file gone.
        let mut by_title: HashMap<(&str, String, String), BTreeSet<String>> = HashMap::new();
        let mut by_stem: HashMap<String, BTreeSet<String>> = HashMap::new();
        for d in 0..self.docs().len() {
            let file = self.neutral(d);
            if named.contains_key(file.as_str()) {
                continue;
            }
            let lang = self.site.config.languages[self.docs()[d].lang].code.as_str();
            if let Holder::File { date, title, .. } = self.file_holder(d, String::new())
                && !title.is_empty()
            {
                by_title.entry((lang, date, title)).or_default().insert(file.clone());
            }
            by_stem.entry(stem(&file).to_string()).or_default().insert(file);
        }
        let mut claimed: HashSet<String> = HashSet::new();
        let mut renamed = HashMap::new();
        for (file, ids) in named.iter().filter(|(file, _)| !now.contains(**file)) {
            let unclaimed = |found: &mut dyn Iterator<Item = &String>| -> BTreeSet<String> {
                found.filter(|n| !claimed.contains(*n)).cloned().collect()
            };
            let titled = unclaimed(
                &mut ids
                    .iter()
                    .filter_map(|&(l, dt, t)| by_title.get(&(l, dt.to_string(), t.to_string())))
                    .flatten(),
            );
            let found = match titled.len() {
                1 => titled.into_iter().next(),
                0 => {
                    let named = unclaimed(&mut by_stem.get(stem(file)).into_iter().flatten());
                    (named.len() == 1).then(|| named.into_iter().next()).flatten()
                }
                _ => None,
            };
            if let Some(new) = found {
                claimed.insert(new.clone());
                renamed.insert((*file).to_string(), new);
            }
        }
        renamed
    }

    /// What becomes of `address`, which the ledger has as `entry`.
    fn step(&self, address: &str, entry: &Entry) -> Step {
        if let Some(now) = self.now.get(address) {
            return Step::Page(now.clone());
        }
        if let Some(&d) = self.aliases.get(address) {
            return Step::Alias(d);
        }
        let (lang, file, target) = match entry {
            Entry::Page {
                lang,
                holder: Holder::File { file, .. },
            } => (lang, file, None),
            Entry::Page {
                lang,
                holder: Holder::Generated(what),
            } => return self.successor(lang, what),
            Entry::Redirect {
                target,
                from: Some((lang, file)),
            } => match generated(file) {
                Some(what) => return self.successor(lang, what),
                None => (lang, file, Some(target)),
            },
            Entry::Redirect { target, from: None } => return self.target(target),
        };
        let file = self.renamed.get(file).unwrap_or(file);
        // The page in its language, or else (its translation gone) the original.
        for lang in self.lang(lang).into_iter().chain([0]) {
            if let Some((_, doc)) = self.place.get(&(lang, file.clone())) {
                return Step::Moved {
                    doc: *doc,
                    lang,
                    file: file.clone(),
                };
            }
        }
        match target {
            Some(target) => Step::Address(target.clone()),
            None => Step::Gone,
        }
    }

    /// What stands for a page the site no longer makes: the same page at
    /// another address, a term's taxonomy overview, or the home page.
    fn successor(&self, lang: &str, what: &str) -> Step {
        let at = |what: &str| self.generated.get(&(lang.to_string(), what.to_string())).cloned();
        let taxonomy = what
            .strip_prefix("term ")
            .and_then(|term| term.split('/').next())
            .and_then(|tax| at(&format!("taxonomy {tax}")));
        match at(what).or(taxonomy).or_else(|| at("home")) {
            Some(to) => Step::Successor {
                to,
                lang: lang.to_string(),
                what: what.to_string(),
            },
            None => Step::Gone,
        }
    }

    /// A target the author wrote: a URL, an address, or a content file.
    fn target(&self, target: &str) -> Step {
        if is_url(target) {
            return Step::Url(target.to_string());
        }
        if target.starts_with('/') {
            return Step::Address(target.to_string());
        }
        let docs = self.docs();
        if let Some(d) = docs.iter().position(|d| d.rel == target) {
            return Step::File(d);
        }
        // A file renamed since: the version in the same language of the file it became.
        let config = &self.site.config;
        let neutral = crate::content::neutral_path(target, config);
        let Some(renamed) = self.renamed.get(&neutral) else {
            return Step::BadFile(target.to_string());
        };
        let lang = config
            .languages
            .iter()
            .position(|l| target.ends_with(&format!(".{}.md", l.code)))
            .filter(|_| target != neutral)
            .unwrap_or(0);
        match (0..docs.len()).find(|&d| docs[d].lang == lang && self.neutral(d) == *renamed) {
            Some(d) => Step::File(d),
            None => Step::BadFile(target.to_string()),
        }
    }

    /// Where a redirect to `address` finally leads, through the ledger's
    /// redirects and the pages' aliases; `None` if nothing answers it.
    fn follow(&self, address: &str, depth: usize) -> Option<Final> {
        if depth > 32 {
            return None;
        }
        if self.now.contains_key(address) {
            return Some(Final::Address(address.to_string()));
        }
        if let Some(&d) = self.aliases.get(address) {
            return Some(Final::Address(self.docs()[d].path.clone()));
        }
        let line = self.old.get(address)?;
        match self.step(address, &line.entry) {
            Step::Page(_) => Some(Final::Address(address.to_string())),
            Step::Alias(d) | Step::File(d) => Some(Final::Address(self.docs()[d].path.clone())),
            Step::Moved { lang, file, .. } => Some(Final::Address(self.place[&(lang, file)].0.clone())),
            Step::Successor { to, .. } => Some(Final::Address(to)),
            Step::Url(url) => Some(Final::Url(url)),
            Step::Address(next) => self.follow(&next, depth + 1),
            Step::BadFile(_) | Step::Gone => None,
        }
    }

    /// The redirect page from `address` to where it leads.
    fn redirect(&self, address: &str, target: &Final) -> Redirect {
        let config = &self.site.config;
        let html = match target {
            Final::Url(url) => redirect_page(&config.languages[0].tag, url, url, url),
            Final::Address(to) => {
                let (title, lang) = match self.now.get(to) {
                    Some(Entry::Page {
                        lang,
                        holder: Holder::File { title, .. },
                    }) => (title.clone(), self.lang(lang).unwrap_or(0)),
                    Some(Entry::Page { lang, .. }) => (to.clone(), self.lang(lang).unwrap_or(0)),
                    _ => (to.clone(), 0),
                };
                redirect_page(
                    &config.languages[lang].tag,
                    &title,
                    &config.link(to),
                    &config.permalink(to),
                )
            }
        };
        Redirect {
            path: address.to_string(),
            html,
        }
    }
}

/// The last part of a content file's name, without `.md` (`index.md` and
/// `_index.md` stand for their folder): `a` of `cases/a.md` and of `cases/a/index.md`.
fn stem(file: &str) -> &str {
    let path = file.strip_suffix(".md").unwrap_or(file);
    let path = path
        .strip_suffix("/_index")
        .or_else(|| path.strip_suffix("/index"))
        .unwrap_or(path);
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_name_the_page() {
        assert_eq!(stem("cases/a.md"), "a");
        assert_eq!(stem("talent/a/index.md"), "a");
        assert_eq!(stem("cases/_index.md"), "cases");
        assert_eq!(stem("_index.md"), "_index");
    }
}
