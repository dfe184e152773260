//! Rendered Markdown kept between builds, in `.showcase-cache/markdown.bin`.
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

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::config::Config;
use crate::content::Doc;
use crate::markdown::{DocLink, Links, Rendered, resolve_url};
use crate::packed::Packed;

/// Changes whenever what [`crate::markdown::render`] makes of the same input may change.
const FORMAT: &str = "showcase-markdown-1";
const FILE: &str = "markdown.bin";
const MAGIC: &[u8] = b"SHOWCASE-MD-CACHE-3\n";

/// The entries of the last build, read once.
pub struct Cache {
    file: Option<PathBuf>,
    entries: Mutex<HashMap<u128, Rendered>>,
    stamp: String,
}

impl Cache {
    /// The cache of the site in `root`; empty without a root or a readable file.
    pub fn load(root: Option<&Path>) -> Cache {
        let file = root.map(|r| r.join(crate::cache::DIR).join(FILE));
        let stamp = format!("{FORMAT} {}", crate::cache::program_stamp());
        let entries = file.as_deref().map(|f| read(f, &stamp)).unwrap_or_default();
        Cache {
            file,
            entries: Mutex::new(entries),
            stamp,
        }
    }

    /// A cache of entries in memory, saved nowhere.
    pub fn from_entries(entries: HashMap<u128, Rendered>) -> Cache {
        Cache {
            file: None,
            entries: Mutex::new(entries),
            stamp: format!("{FORMAT} {}", crate::cache::program_stamp()),
        }
    }

    /// How many entries are left (not taken).
    pub fn left(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    /// Lets go of the entries not taken.
    pub fn forget(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            *entries = HashMap::new();
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
        same.then_some(entry)
    }

    /// Writes the entries of this build's docs, replacing the file whole.
    pub fn save<'e>(&self, entries: impl Iterator<Item = (u128, &'e Rendered)>) -> std::io::Result<()> {
        let Some(file) = &self.file else { return Ok(()) };
        let mut out = crate::cache::EntryWriter::create(file, MAGIC, self.stamp.as_bytes())?;
        let mut payload = Vec::new();
        for (key, entry) in entries {
            payload.clear();
            encode(entry, &mut payload);
            out.put(key, &payload)?;
        }
        out.finish()
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

/// The file's entries that verify; any damage ends the reading there. A file
/// another program wrote is not read at all: no key of it can match.
fn read(file: &Path, stamp: &str) -> HashMap<u128, Rendered> {
    let mut entries = HashMap::new();
    crate::cache::read_entries(file, MAGIC, stamp.as_bytes(), |key, payload| {
        let Some(entry) = Reader(payload).entry() else {
            return false;
        };
        entries.insert(key, entry);
        true
    });
    entries
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
        let file = dir.path().join(crate::cache::DIR).join(FILE);
        // Written by another program: not read.
        assert!(read(&file, "another program").is_empty());
        let read_back = read(&file, &cache.stamp);
        assert_eq!(read_back.len(), 2);
        assert_eq!(read_back[&1], a);
        assert_eq!(read_back[&2], b);

        // A byte changed in the second entry: the first is still read, the second not.
        let mut bytes = std::fs::read(&file).unwrap();
        let at = bytes.windows(6).rposition(|w| w == b"second").unwrap();
        bytes[at] = b'S';
        std::fs::write(&file, &bytes).unwrap();
        let read_back = read(&file, &cache.stamp);
        assert_eq!(read_back.len(), 1);
        assert_eq!(read_back[&1], a);

        // Cut short, or not a cache at all: nothing, and no panic.
        std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
        assert!(read(&file, &cache.stamp).len() <= 1);
        std::fs::write(&file, b"garbage").unwrap();
        assert!(read(&file, &cache.stamp).is_empty());
    }
}
