//! A sink that keeps the site in memory, for `showcase serve`.
//!
//! Every file the pipeline writes or copies lands in a map from its file path
//! relative to the output folder (`en/cases/a/index.html`, `feed.xml`) to its
//! bytes. When the build is done, [`Memory::into_files`] hands the whole map
//! over, so the server can swap it in at once: nothing is ever written to disk.
//! A rebuild writes into an [`Overlay`] of the site served, which keeps only
//! what differs; laid over the site ([`Layers`]), so the site is not copied
//! for each edit.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::{Sink, file_of};
use crate::diagnostics::Failure;

/// A built site: file path (no leading slash) → bytes.
pub type Files = HashMap<String, Vec<u8>>;

/// Collects the files of one build.
#[derive(Default)]
pub struct Memory {
    files: Mutex<Files>,
}

impl Memory {
    /// The files written, keyed by their path in the output folder.
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn keep(&self, site_path: &str, bytes: Vec<u8>) {
        let mut files = self.files.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        files.insert(file_of(site_path), bytes);
    }
}

impl Sink for Memory {
    fn write(&self, site_path: &str, bytes: &[u8]) -> Result<(), Failure> {
        self.keep(site_path, bytes.to_vec());
        Ok(())
    }

    fn copy(&self, source: &Path, site_path: &str) -> Result<(), Failure> {
        let bytes = std::fs::read(source).map_err(|e| Failure::io("read", source, e))?;
        self.keep(site_path, bytes);
        Ok(())
    }
}

/// Files to lay over a site served: new contents, or `None` for removed.
pub type Changes = HashMap<String, Option<Vec<u8>>>;

/// A sink that writes a rebuild over the site served: a file with the bytes
/// served is only noted, any other is kept as a change; [`Overlay::finish`]
/// adds the files served that the rebuild no longer writes, as removed.
///
/// [`Sink::reuse`] takes a page as served when the site has the path with the
/// length recorded: the record it is asked from was made by the build that
/// made the site served, in this process, and nothing else writes to it.
pub struct Overlay<'a> {
    served: Option<&'a Layers>,
    /// The stamps of the files the site served was copied from, and when they were
    /// taken: a copy whose source has the same stamp, settled by then, is not read.
    copied: Option<(&'a Sources, std::time::SystemTime)>,
    changes: Mutex<Changes>,
    /// Every file written or kept, by its path in the output folder.
    present: Mutex<HashSet<String>>,
    /// The stamp of every file copied, by its path in the output folder.
    sources: Mutex<Sources>,
}

/// The stamps ([`crate::cache::file_stamp`]) of copied files' sources, by their path in the output folder.
pub type Sources = HashMap<String, u64>;

impl<'a> Overlay<'a> {
    /// A rebuild of `served`, whose copies were made from sources with the stamps
    /// `copied` (taken at the time given); of nothing, for a first build.
    pub fn new(served: Option<&'a Layers>, copied: Option<(&'a Sources, std::time::SystemTime)>) -> Overlay<'a> {
        Overlay {
            served,
            copied,
            changes: Mutex::default(),
            present: Mutex::default(),
            sources: Mutex::default(),
        }
    }

    /// What differs from the site served: the files written with other bytes, and the
    /// files served that were not written (except those `keep` names: the search
    /// index, when it is made later) as removed. And the stamps of the copies' sources.
    pub fn finish(self, keep: impl Fn(&str) -> bool) -> (Changes, Sources) {
        let mut changes = self.changes.into_inner().unwrap_or_else(|p| p.into_inner());
        let present = self.present.into_inner().unwrap_or_else(|p| p.into_inner());
        if let Some(served) = self.served {
            // Every file served is looked at: no copy of the list, no sorting.
            for file in served.keys() {
                if !present.contains(file) && !keep(file) {
                    changes.insert(file.to_string(), None);
                }
            }
        }
        (changes, self.sources.into_inner().unwrap_or_else(|p| p.into_inner()))
    }

    fn keep(&self, site_path: &str, bytes: Vec<u8>) {
        let file = file_of(site_path);
        if self.served.and_then(|s| s.get(&file)) != Some(bytes.as_slice()) {
            self.changes
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(file.clone(), Some(bytes));
        }
        self.present.lock().unwrap_or_else(|p| p.into_inner()).insert(file);
    }
}

impl Sink for Overlay<'_> {
    fn write(&self, site_path: &str, bytes: &[u8]) -> Result<(), Failure> {
        self.keep(site_path, bytes.to_vec());
        Ok(())
    }

    fn copy(&self, source: &Path, site_path: &str) -> Result<(), Failure> {
        let file = file_of(site_path);
        let meta = std::fs::metadata(source).map_err(|e| Failure::io("read", source, e))?;
        let stamp = crate::cache::file_stamp(&meta);
        self.sources
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(file.clone(), stamp);
        let unchanged = self.copied.is_some_and(|(stamps, taken)| {
            stamps.get(&file) == Some(&stamp)
                && crate::cache::changed_at(&meta)
                    .zip(taken.checked_sub(crate::cache::SETTLED))
                    .is_some_and(|(changed, before)| changed < before)
        });
        if unchanged && self.served.is_some_and(|s| s.contains_key(&file)) {
            self.present.lock().unwrap_or_else(|p| p.into_inner()).insert(file);
            return Ok(());
        }
        let bytes = std::fs::read(source).map_err(|e| Failure::io("read", source, e))?;
        self.keep(site_path, bytes);
        Ok(())
    }

    fn reuse(&self, site_path: &str, len: u64, _hash: u64, _identity: u64) -> Option<(u64, bool)> {
        let file = file_of(site_path);
        let served = self.served.and_then(|s| s.get(&file));
        if served.is_some_and(|bytes| bytes.len() as u64 == len) {
            self.present.lock().unwrap_or_else(|p| p.into_inner()).insert(file);
            Some(self.identity(site_path))
        } else {
            None
        }
    }
}

/// A site as served: a full build, and the files rebuilt since laid over it
/// (`None`: removed since).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Layers {
    base: Arc<Files>,
    top: HashMap<String, Option<Vec<u8>>>,
}

impl Layers {
    /// The site of a full build.
    pub fn new(files: Files) -> Layers {
        Layers {
            base: Arc::new(files),
            top: HashMap::new(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&[u8]> {
        match self.top.get(key) {
            Some(file) => file.as_deref(),
            None => self.base.get(key).map(Vec::as_slice),
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// How many files the site has.
    pub fn len(&self) -> usize {
        let added = self
            .top
            .iter()
            .filter(|(k, v)| v.is_some() && !self.base.contains_key(*k))
            .count();
        let removed = self
            .top
            .iter()
            .filter(|(k, v)| v.is_none() && self.base.contains_key(*k))
            .count();
        self.base.len() + added - removed
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The paths of the files served that start with `prefix`, in order.
    pub fn keys_under(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .keys()
            .filter(|k| k.starts_with(prefix))
            .map(str::to_string)
            .collect();
        keys.sort();
        keys
    }

    /// The paths of the files served, in no order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.base
            .keys()
            .filter(|k| !self.top.contains_key(*k))
            .chain(self.top.iter().filter(|(_, v)| v.is_some()).map(|(k, _)| k))
            .map(String::as_str)
    }

    /// This site with `changes` laid over it; it shares the full build's files.
    /// Returns `None` when every change is what is served already.
    pub fn with(&self, changes: Changes) -> Option<Layers> {
        let changes: Changes = changes
            .into_iter()
            .filter(|(key, file)| self.get(key) != file.as_deref())
            .collect();
        if changes.is_empty() {
            return None;
        }
        let mut top = self.top.clone();
        top.extend(changes);
        Some(Layers {
            base: Arc::clone(&self.base),
            top,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_files_by_their_output_path() {
        let memory = Memory::default();
        memory.write("/", b"home").unwrap();
        memory.write("/en/cases/a/", b"a").unwrap();
        memory.write("/feed.xml", b"feed").unwrap();
        let files = memory.into_files();
        assert_eq!(files["index.html"], b"home");
        assert_eq!(files["en/cases/a/index.html"], b"a");
        assert_eq!(files["feed.xml"], b"feed");
    }

    #[test]
    fn layers_lay_changes_over_the_full_build() {
        let mut files = Files::new();
        files.insert("index.html".into(), b"home".to_vec());
        files.insert("search/s/0.json".into(), b"[]".to_vec());
        files.insert("search/s/1.json".into(), b"[]".to_vec());
        let site = Layers::new(files);
        assert_eq!(site.len(), 3);
        assert!(
            site.with(HashMap::from([("index.html".to_string(), Some(b"home".to_vec()))]))
                .is_none()
        );
        let next = site
            .with(HashMap::from([
                ("index.html".to_string(), Some(b"new".to_vec())),
                ("search/s/1.json".to_string(), None),
                ("search/s/2.json".to_string(), Some(b"[1]".to_vec())),
            ]))
            .unwrap();
        assert_eq!(next.get("index.html"), Some(&b"new"[..]));
        assert_eq!(next.get("search/s/1.json"), None);
        assert_eq!(next.keys_under("search/"), ["search/s/0.json", "search/s/2.json"]);
        assert_eq!(next.len(), 3);
        // The earlier state is untouched.
        assert_eq!(site.get("index.html"), Some(&b"home"[..]));
        assert!(site.contains_key("search/s/1.json"));
    }

    #[test]
    fn a_missing_source_is_an_error_naming_it() {
        let memory = Memory::default();
        match memory.copy(Path::new("/nonexistent/x.png"), "/x.png") {
            Err(Failure::Io { path, .. }) => assert_eq!(path, Path::new("/nonexistent/x.png")),
            other => panic!("{other:?}"),
        }
    }
}
