//! Rendered Markdown kept between builds, in `.showcase-cache/markdown/`:
//! the entries are spread over 64 files by key, and a build writes again only
//! the files whose entries changed (a rebuild after one case changed writes
//! one file of the 64, not the whole cache).
//!
//! A doc's entry is found by a hash of all that rendering reads of the doc and
//! of the config: this format, the program, the raw-HTML setting, the
//! language, the base path, the highlight theme, the file's path, the line its
//! body starts on, and the body. What rendering reads of the rest of the site —
//! where the doc's links and images go — is checked before an entry is used:
//! each is resolved again and must give the URL the entry has, and the site's
//! images it shows must be as they were (their size and copies, hashed when it
//! was rendered: [`Links::pictures_key`]). An entry also
//! names its code blocks and their highlight classes, so the highlight cache
//! and the stylesheet come out as if the doc had been rendered. Only docs
//! rendered without problems are kept. Every entry carries a checksum, and
//! reading stops at the first that does not verify: a damaged file costs time,
//! never a wrong page.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Doc;
use crate::markdown::{DocLink, Links, Rendered, resolve_url};
use crate::packed::Packed;

/// Changes whenever what [`crate::markdown::render`] makes of the same input may change.
const FORMAT: &str = "showcase-markdown-1";
/// The cache's folder in the cache folder, and the file the cache was before it.
const FOLDER: &str = "markdown";
const OLD_FILE: &str = "markdown.bin";
const MAGIC: &[u8] = b"SHOWCASE-MD-CACHE-3\n";
/// The files the entries are spread over, by the first bits of their keys.
const SHARDS: usize = 64;

/// The file of the cache an entry's key goes in.
fn shard(key: u128) -> usize {
    (key >> (128 - SHARDS.trailing_zeros())) as usize
}

/// A file of the cache: `00.bin` to `3f.bin`.
fn shard_file(folder: &Path, shard: usize) -> PathBuf {
    folder.join(format!("{shard:02x}.bin"))
}

/// The keys of a file of the cache, sorted, if all of it was read.
type WholeKeys = Option<Vec<u128>>;

/// The entries of the last build, read once.
pub struct Cache {
    folder: Option<PathBuf>,
    entries: Mutex<HashMap<u128, Rendered>>,
    /// Per file, the keys of its entries, sorted, when all of it was read (else
    /// `None`: it is written again).
    read: Vec<WholeKeys>,
    /// The keys of the entries read but not taken: their docs changed, or were
    /// rendered again (what their links point to changed).
    left: Mutex<HashSet<u128>>,
    stamp: String,
}

impl Cache {
    /// The cache of the site in `root`; empty without a root or readable files.
    pub fn load(root: Option<&Path>) -> Cache {
        let folder = root.map(|r| r.join(crate::cache::DIR).join(FOLDER));
        let stamp = format!("{FORMAT} {}", crate::cache::program_stamp());
        let (read, parts): (Vec<WholeKeys>, Vec<HashMap<u128, Rendered>>) = match &folder {
            Some(folder) => (0..SHARDS)
                .into_par_iter()
                .map(|n| {
                    let (entries, whole) = read(&shard_file(folder, n), &stamp);
                    let keys = whole.then(|| {
                        let mut keys: Vec<u128> = entries.keys().copied().collect();
                        keys.sort_unstable();
                        keys
                    });
                    (keys, entries)
                })
                .unzip(),
            None => (vec![None; SHARDS], Vec::new()),
        };
        let mut entries = HashMap::with_capacity(parts.iter().map(HashMap::len).sum());
        for part in parts {
            entries.extend(part);
        }
        Cache {
            folder,
            entries: Mutex::new(entries),
            read,
            left: Mutex::default(),
            stamp,
        }
    }

    /// A cache of entries in memory, saved nowhere.
    pub fn from_entries(entries: HashMap<u128, Rendered>) -> Cache {
        Cache {
            folder: None,
            entries: Mutex::new(entries),
            read: vec![None; SHARDS],
            left: Mutex::default(),
            stamp: format!("{FORMAT} {}", crate::cache::program_stamp()),
        }
    }

    /// How many entries are left (not taken).
    pub fn left(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    /// Lets go of the entries not taken, and notes their keys.
    pub fn forget(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            let entries = std::mem::take(&mut *entries);
            if let Ok(mut left) = self.left.lock() {
                left.extend(entries.into_keys());
            }
        }
    }

    /// The key of a doc's entry.
    pub fn key(&self, config: &Config, doc: &Doc) -> u128 {
        let language = &config.languages[doc.lang];
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        let raw_html = format!("{:?}", config.raw_html);
        let body_line = doc.body_line.to_string();
        let fields: [&[u8]; 8] = [
            self.stamp.as_bytes(),
            raw_html.as_bytes(),
            language.code.as_bytes(),
            if language.is_cjk() { b"cjk" } else { b"-" },
            config.base_path.as_bytes(),
            config.highlight_theme.as_bytes(),
            doc.rel.as_bytes(),
            body_line.as_bytes(),
        ];
        for field in fields {
            h.update(&(field.len() as u64).to_le_bytes());
            h.update(field);
        }
        h.update(doc.body.as_bytes());
        h.digest128()
    }

    /// The entry for a doc, taken out of the cache, if there is one and every
    /// link and image in it still goes where it went.
    pub fn take(&self, key: u128, doc: &Doc, links: &Links<'_>) -> Option<Rendered> {
        let entry = self.entries.lock().ok()?.remove(&key)?;
        let same = entry
            .links
            .iter()
            .all(|link| resolve_url(&link.written, doc, links).is_ok_and(|url| url == link.url))
            && links.pictures_unchanged(&entry);
        if !same {
            // Rendered again: its file of the cache must be written again with the new entry.
            if let Ok(mut left) = self.left.lock() {
                left.insert(key);
            }
        }
        same.then_some(entry)
    }

    /// Writes the entries of this build's docs, each file of the cache replaced
    /// whole; a file that would hold the same entries it was read with, all of
    /// them taken from it, is left as it is.
    pub fn save<'e>(&self, entries: impl Iterator<Item = (u128, &'e Rendered)>) -> std::io::Result<()> {
        let Some(folder) = &self.folder else { return Ok(()) };
        let mut shards: Vec<Vec<(u128, &Rendered)>> = vec![Vec::new(); SHARDS];
        for (key, entry) in entries {
            shards[shard(key)].push((key, entry));
        }
        let left = self
            .left
            .lock()
            .map_err(|_| std::io::Error::other("the cache's lock was poisoned"))?;
        shards.par_iter_mut().enumerate().try_for_each(|(n, entries)| {
            entries.sort_unstable_by_key(|(key, _)| *key);
            entries.dedup_by_key(|(key, _)| *key);
            let same = self.read[n].as_ref().is_some_and(|read| {
                read.len() == entries.len()
                    && read.iter().zip(entries.iter()).all(|(a, (b, _))| a == b)
                    && !entries.iter().any(|(key, _)| left.contains(key))
            });
            if same {
                return Ok(());
            }
            let mut out = crate::cache::EntryWriter::create(&shard_file(folder, n), MAGIC, self.stamp.as_bytes())?;
            let mut payload = Vec::new();
            for (key, entry) in entries.iter() {
                payload.clear();
                encode(entry, &mut payload);
                out.put(*key, &payload)?;
            }
            out.finish()
        })?;
        // The one file the cache was before it was spread over several.
        if let Some(old) = folder.parent().map(|dir| dir.join(OLD_FILE)) {
            let _ = std::fs::remove_file(old);
        }
        Ok(())
    }
}

/// An entry's payload.
fn encode(entry: &Rendered, out: &mut Vec<u8>) {
    put(out, entry.html.as_bytes());
    put(out, entry.text.as_bytes());
    put(out, entry.lead.as_bytes());
    put_strings(out, &entry.anchors);
    out.extend_from_slice(&(entry.links.len() as u64).to_le_bytes());
    for link in &entry.links {
        out.extend_from_slice(&(link.line as u64).to_le_bytes());
        out.extend_from_slice(&(link.col as u64).to_le_bytes());
        put(out, link.url.as_bytes());
        put(out, link.written.as_bytes());
        out.push(u8::from(link.image));
        put(out, link.alt.as_bytes());
        out.push(u8::from(link.decorative));
    }
    out.extend_from_slice(&(entry.blocks.len() as u64).to_le_bytes());
    for block in &entry.blocks {
        out.extend_from_slice(&block.to_le_bytes());
    }
    put_strings(out, &entry.classes);
    match entry.pictures {
        Some(key) => {
            out.push(1);
            out.extend_from_slice(&key.to_le_bytes());
        }
        None => out.push(0),
    }
}

fn put(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn put_strings(out: &mut Vec<u8>, strings: &[String]) {
    out.extend_from_slice(&(strings.len() as u64).to_le_bytes());
    for s in strings {
        put(out, s.as_bytes());
    }
}

/// Reads an entry's payload; `None` if it does not parse.
struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    fn bytes(&mut self, n: usize) -> Option<&'b [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        // A count can never be larger than what is left to read.
        (n <= self.0.len()).then_some(n)
    }

    fn blob(&mut self) -> Option<&'b [u8]> {
        let n = self.len()?;
        self.bytes(n)
    }

    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.blob()?.to_vec()).ok()
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        (0..self.len()?).map(|_| self.string()).collect()
    }

    fn entry(mut self) -> Option<Rendered> {
        let html = Packed::from_packed(self.blob()?.to_vec())?;
        let text = Packed::from_packed(self.blob()?.to_vec())?;
        let lead = self.string()?;
        let anchors = self.strings()?;
        let links = (0..self.len()?)
            .map(|_| {
                Some(DocLink {
                    line: usize::try_from(self.u64()?).ok()?,
                    col: usize::try_from(self.u64()?).ok()?,
                    url: self.string()?,
                    written: self.string()?,
                    image: self.bytes(1)?[0] != 0,
                    alt: self.string()?,
                    decorative: self.bytes(1)?[0] != 0,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let blocks = (0..self.len()?)
            .map(|_| Some(u128::from_le_bytes(self.bytes(16)?.try_into().ok()?)))
            .collect::<Option<Vec<_>>>()?;
        let classes = self.strings()?;
        let pictures = match self.bytes(1)?[0] {
            0 => None,
            _ => Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?)),
        };
        self.0.is_empty().then_some(Rendered {
            html,
            text,
            lead,
            anchors,
            links,
            blocks,
            classes,
            pictures,
        })
    }
}

/// The file's entries that verify, and whether that is all of them; any damage
/// ends the reading there. A file another program wrote is not read at all: no
/// key of it can match.
fn read(file: &Path, stamp: &str) -> (HashMap<u128, Rendered>, bool) {
    let mut entries = HashMap::new();
    let whole = crate::cache::read_entries(file, MAGIC, stamp.as_bytes(), |key, payload| {
        let Some(entry) = Reader(payload).entry() else {
            return false;
        };
        entries.insert(key, entry);
        true
    });
    (entries, whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Rendered {
        Rendered {
            html: Packed::new("<p>你好 <a href=\"/en/a/\">a</a></p>\n"),
            text: Packed::new("你好 a\n"),
            lead: "你好 a".into(),
            anchors: vec!["ni-hao".into()],
            links: vec![DocLink {
                line: 7,
                col: 3,
                url: "/en/a/".into(),
                written: "a.md".into(),
                image: false,
                alt: String::new(),
                decorative: false,
            }],
            blocks: vec![42, u128::MAX],
            classes: vec!["hl-a71d5d".into()],
            pictures: Some(7),
        }
    }

    fn save(cache: &Cache, entries: &[(u128, &Rendered)]) {
        cache.save(entries.iter().map(|(key, e)| (*key, *e))).unwrap();
    }

    #[test]
    fn entries_are_read_back_until_one_does_not_verify() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::load(Some(dir.path()));
        assert_eq!(cache.left(), 0);
        let (a, mut b) = (entry(), entry());
        b.lead = "second".into();
        save(&cache, &[(1, &a), (2, &b)]);
        let file = shard_file(&dir.path().join(crate::cache::DIR).join(FOLDER), 0);
        // Written by another program: not read.
        assert!(read(&file, "another program").0.is_empty());
        let (read_back, whole) = read(&file, &cache.stamp);
        assert!(whole);
        assert_eq!(read_back.len(), 2);
        assert_eq!(read_back[&1], a);
        assert_eq!(read_back[&2], b);

        // A byte changed in the second entry: the first is still read, the second not.
        let mut bytes = std::fs::read(&file).unwrap();
        let at = bytes.windows(6).rposition(|w| w == b"second").unwrap();
        bytes[at] = b'S';
        std::fs::write(&file, &bytes).unwrap();
        let (read_back, whole) = read(&file, &cache.stamp);
        assert!(!whole);
        assert_eq!(read_back.len(), 1);
        assert_eq!(read_back[&1], a);

        // Cut short, or not a cache at all: nothing, and no panic.
        std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
        assert!(read(&file, &cache.stamp).0.len() <= 1);
        std::fs::write(&file, b"garbage").unwrap();
        assert!(read(&file, &cache.stamp).0.is_empty());
    }

    /// A save writes again only the files whose entries changed, and what it
    /// leaves is read back whole.
    #[test]
    fn a_save_writes_only_the_files_whose_entries_changed() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join(crate::cache::DIR).join(FOLDER);
        // Keys in three files: 0, 1 and 63.
        let (first, second, last) = (5u128, (1u128 << 122) + 7, u128::MAX - 3);
        assert_eq!((shard(first), shard(second), shard(last)), (0, 1, SHARDS - 1));
        let (a, mut b) = (entry(), entry());
        b.lead = "second".into();
        save(&Cache::load(Some(dir.path())), &[(first, &a), (second, &a), (last, &a)]);
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), SHARDS);
        let stamps = || -> Vec<std::time::SystemTime> {
            (0..SHARDS)
                .map(|n| std::fs::metadata(shard_file(&folder, n)).unwrap().modified().unwrap())
                .collect()
        };
        // The files' times must tell a write apart.
        std::thread::sleep(std::time::Duration::from_millis(20));
        let before = stamps();

        // Every entry taken: nothing written.
        let cache = Cache::load(Some(dir.path()));
        for key in [first, second, last] {
            assert!(cache.entries.lock().unwrap().remove(&key).is_some());
        }
        cache.forget();
        save(&cache, &[(first, &a), (second, &a), (last, &a)]);
        assert_eq!(stamps(), before);

        // One entry rendered again (not taken) and one gone: their two files only.
        let cache = Cache::load(Some(dir.path()));
        cache.entries.lock().unwrap().remove(&first);
        cache.forget();
        save(&cache, &[(first, &a), (second, &b)]);
        let after = stamps();
        let written: Vec<usize> = (0..SHARDS).filter(|&n| after[n] != before[n]).collect();
        assert_eq!(written, vec![1, SHARDS - 1]);
        let cache = Cache::load(Some(dir.path()));
        assert!(cache.read.iter().all(Option::is_some));
        let entries = cache.entries.lock().unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[&second], b);
        assert_eq!(entries[&first], a);
    }
}
