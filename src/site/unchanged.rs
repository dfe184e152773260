//! A build with nothing to do: the sources, the program, the options and the
//! day are those of the last build, and its output folder is as that build
//! left it. Then the build stops after comparing, and says what the last one
//! made.
//!
//! The comparison reads every source (site.toml, the address ledger and each
//! file under the source folders `serve` watches) and hashes its bytes, with
//! the stamps of the font files of a casebook the site publishes; the
//! output is compared by the identity of every file and folder in it (device,
//! inode, size, modification and change times: any write, new entry or
//! removal changes one of them). Anything else — a link among the sources, a
//! file that cannot be read, an identity taken too soon after a write to tell
//! a later one from it — makes the build a full one, which is never wrong.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// The record's file in the cache folder.
const RECORD: &str = "unchanged.json";

/// What a build is made from, as one hash, and the stamps of its sources as
/// they were read.
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    hash: u64,
    /// The hash of every source's stamp ([`crate::output::identity`]); `None` if one
    /// changed too lately for a later change to be told from it.
    stamps: Option<u64>,
}

/// What a build is run with besides its sources.
#[derive(Debug, serde::Serialize)]
pub struct Options<'a> {
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    pub future: bool,
    pub output: &'a Path,
    /// The day the build publishes for (pages dated after it wait).
    pub today: String,
    /// The font files a published casebook may be set in, with their stamps.
    pub fonts: Vec<(PathBuf, u64)>,
}

impl Inputs {
    /// The hash of the program, `options` and every source of the site in `root`;
    /// `None` when a source cannot be read or is a link (whose target a build may
    /// read without its name changing).
    pub fn read(root: &Path, options: &Options<'_>) -> Option<Inputs> {
        let files = sources(root)?;
        let hashes: Vec<Option<u64>> = files
            .par_iter()
            .map(|(_, path, _)| match path {
                None => Some(0),
                Some(path) => std::fs::read(path).ok().map(|bytes| xxhash_rust::xxh3::xxh3_64(&bytes)),
            })
            .collect();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        crate::cache::hash_value(&mut h, &(crate::cache::program_stamp(), options)).then_some(())?;
        for ((rel, _, _), hash) in files.iter().zip(hashes) {
            h.update(rel.as_bytes());
            h.update(&[0]);
            h.update(&hash?.to_le_bytes());
        }
        Some(Inputs {
            hash: h.digest(),
            stamps: stamps(&files, true),
        })
    }

    /// Whether the sources in `root` still have the stamps they had when they
    /// were read (a build that read them changed while it ran makes no record).
    pub fn held(&self, root: &Path) -> bool {
        self.stamps.is_some() && sources(root).and_then(|files| stamps(&files, false)) == self.stamps
    }
}

/// A source: its path relative to the site, its file (`None` for a folder) and
/// what the system says of it.
type Source = (String, Option<PathBuf>, std::fs::Metadata);

/// The sources of the site in `root`, in order; `None` when one cannot be read
/// or is a link.
fn sources(root: &Path) -> Option<Vec<Source>> {
    let mut files = Vec::new();
    for name in [crate::config::CONFIG_FILE, crate::site::ledger::FILE] {
        let path = root.join(name);
        match path.symlink_metadata() {
            Ok(meta) if meta.is_file() => files.push((name.to_string(), Some(path), meta)),
            Ok(_) => return None,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(_) => return None,
        }
    }
    for folder in super::SOURCE_FOLDERS {
        let top = root.join(folder);
        if !top.exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&top).follow_links(false).sort_by_file_name() {
            let entry = entry.ok()?;
            let rel = entry.path().strip_prefix(root).ok()?.to_str()?.replace('\\', "/");
            let kind = entry.file_type();
            if kind.is_symlink() {
                return None;
            }
            let meta = entry.metadata().ok()?;
            // Folders count by their names (an empty one may be published).
            files.push((rel, (!kind.is_dir()).then(|| entry.into_path()), meta));
        }
    }
    Some(files)
}

/// The hash of the sources' stamps; with `settled`, `None` if one changed too
/// lately for a later change to be told from it.
fn stamps(files: &[Source], settled: bool) -> Option<u64> {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for (rel, _, meta) in files {
        if settled && !crate::output::settled(meta) {
            return None;
        }
        h.update(rel.as_bytes());
        h.update(&crate::output::identity(meta).to_le_bytes());
    }
    Some(h.digest())
}

/// What a build made, as its summary says it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Made {
    /// Language code → pages written.
    pub pages: Vec<(String, usize)>,
    /// The other files written.
    pub files: usize,
    /// Per language other than the default: code, pages with no translation, stale translations.
    pub translations: Vec<(String, usize, usize)>,
}

/// What the last build was made from, what it made, and its output as it left it.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Record {
    inputs: u64,
    made: Made,
    /// Every file and folder of the output, relative to it, sorted.
    entries: Vec<String>,
    /// The hash of the identities of the output folder and of each entry in turn.
    identities: u64,
}

impl Record {
    /// The record of a build made from `inputs` that made `made`, with the
    /// survey of its output.
    pub fn new(inputs: Inputs, made: Made, survey: Survey) -> Record {
        Record {
            inputs: inputs.hash,
            made,
            entries: survey.entries,
            identities: survey.identities,
        }
    }

    /// The last build's record in the site's cache, if there is one.
    pub fn load(root: &Path) -> Option<Record> {
        crate::cache::load(&root.join(crate::cache::DIR).join(RECORD))
    }

    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        crate::cache::save(&root.join(crate::cache::DIR).join(RECORD), self)
    }

    /// Forgets the record: the output is about to change.
    pub fn remove(root: &Path) {
        let _ = std::fs::remove_file(root.join(crate::cache::DIR).join(RECORD));
    }

    /// What the last build made, if it was made from `inputs` and its output in
    /// `output` is as it left it.
    pub fn still(self, inputs: Inputs, output: &Path) -> Option<Made> {
        if self.inputs != inputs.hash || identities(output, &self.entries)? != self.identities {
            return None;
        }
        Some(self.made)
    }
}

/// Every file and folder of an output, and the hash of their identities.
pub struct Survey {
    entries: Vec<String>,
    identities: u64,
}

impl Survey {
    /// The survey of `output` as it stands; `None` where identities cannot tell a
    /// later change (an entry changed within [`crate::output::SETTLED`] of now,
    /// and again after waiting that long; a system without change times).
    pub fn take(output: &Path) -> Option<Survey> {
        if cfg!(not(unix)) {
            return None;
        }
        let survey = || -> Option<Survey> {
            let mut found = Vec::new();
            list(output, "", &mut found).ok()?;
            found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            h.update(&of(output, true)?.to_le_bytes());
            let mut entries = Vec::with_capacity(found.len());
            for (rel, identity) in found {
                h.update(&identity?.to_le_bytes());
                entries.push(rel);
            }
            Some(Survey {
                entries,
                identities: h.digest(),
            })
        };
        survey().or_else(|| {
            std::thread::sleep(crate::output::SETTLED);
            survey()
        })
    }
}

/// Every file and folder under `dir` (`rel` inside the output), with its
/// identity if it has settled, into `out`; fails on anything else (a link: the
/// build writes none).
fn list(dir: &Path, rel: &str, out: &mut Vec<(String, Option<u64>)>) -> std::io::Result<()> {
    let entries = std::fs::read_dir(dir)?.collect::<std::io::Result<Vec<_>>>()?;
    let found: Vec<Vec<(String, Option<u64>)>> = entries
        .par_iter()
        .map(|entry| {
            let name = entry
                .file_name()
                .into_string()
                .map_err(|_| std::io::Error::other("a name that is not UTF-8"))?;
            let path = if rel.is_empty() { name } else { format!("{rel}/{name}") };
            let meta = entry.metadata()?;
            let identity = crate::output::settled(&meta).then(|| crate::output::identity(&meta));
            let mut found = vec![(path.clone(), identity)];
            if meta.is_dir() {
                list(&entry.path(), &path, &mut found)?;
            } else if !meta.is_file() {
                return Err(std::io::Error::other("neither a file nor a folder"));
            }
            Ok(found)
        })
        .collect::<std::io::Result<_>>()?;
    out.extend(found.into_iter().flatten());
    Ok(())
}

/// The identity of the file or folder at `path`; `None` if it is gone, or,
/// with `settled`, if it changed too lately to be told from a change to come.
fn of(path: &Path, settled: bool) -> Option<u64> {
    let meta = path.symlink_metadata().ok()?;
    if settled && !crate::output::settled(&meta) {
        return None;
    }
    Some(crate::output::identity(&meta))
}

/// The hash of the identities of `output` and each of its `entries`; `None` if
/// one is gone.
fn identities(output: &Path, entries: &[String]) -> Option<u64> {
    let each: Vec<Option<u64>> = entries.par_iter().map(|rel| of(&output.join(rel), false)).collect();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&of(output, false)?.to_le_bytes());
    for identity in each {
        h.update(&identity?.to_le_bytes());
    }
    Some(h.digest())
}
