//! Writing the site: a staging folder beside the target, swapped in at the end.
//!
//! Every file of a site goes to a [`Sink`]: `build` gives a [`Staging`]
//! folder, `check` a collector that keeps what it needs to check links and
//! writes nothing. A build writes into `.<name>.building-<pid>` next to the
//! output folder and, only when every file is written, exchanges it with the
//! old folder in one rename (Linux's `RENAME_EXCHANGE`; elsewhere two
//! renames). A build that fails or is interrupted leaves the previous site as
//! it was. A lock file beside the output (`.<name>.lock`) keeps two builds from
//! writing to one folder at once. Beside the writer live the files made from the whole library:
//! feeds, the sitemap and robots.txt.

pub mod assets;
pub mod feed;
pub mod images;
pub mod memory;
pub mod pictures;
pub mod sitemap;
pub mod strip;

use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::Failure;

/// Where the files of a site go, one call per file, from many threads at once.
pub trait Sink: Sync {
    /// Writes one file; `site_path` is `/a/` (for `a/index.html`) or `/feed.xml`.
    fn write(&self, site_path: &str, bytes: &[u8]) -> Result<(), Failure>;
    /// Publishes a file as it is.
    fn copy(&self, source: &Path, site_path: &str) -> Result<(), Failure>;
    /// Publishes the file the site being replaced has at `site_path`, if it has
    /// `len` bytes whose xxh3 is `hash`; `None` (and nothing published) if not.
    /// When the file's [`identity`] is `identity` (not 0), its bytes are not read.
    /// Returns what [`Sink::identity`] would say of the file now published.
    fn reuse(&self, _site_path: &str, _len: u64, _hash: u64, _identity: u64) -> Option<(u64, bool)> {
        None
    }
    /// The [`identity`] of the file published at `site_path`, and whether it has
    /// [`settled`]; `(0, false)` where unknown.
    fn identity(&self, _site_path: &str) -> (u64, bool) {
        (0, false)
    }
    /// The bytes of the file the site being replaced has at `site_path`, if it
    /// has `len` bytes whose xxh3 is `hash`.
    fn previous(&self, _site_path: &str, _len: u64, _hash: u64) -> Option<Vec<u8>> {
        None
    }
}

/// How [`Staging::place`] put a file in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placed {
    /// The seed's file, kept as it is.
    Seed,
    /// Linked from the site being replaced.
    Linked,
}

/// A fingerprint of a file as it stands on disk: its device, inode, size, and
/// the times of its last modification and last change; 0 where the system
/// does not tell (not Unix). Any write to a file sets its change time to the
/// clock's, which no program can set back, so a file whose identity is the one
/// recorded when it was published still holds the bytes it held then — if the
/// identity was taken once the file had [`settled`].
pub fn identity(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parts = [
            meta.dev(),
            meta.ino(),
            meta.size(),
            meta.mtime() as u64,
            meta.mtime_nsec() as u64,
            meta.ctime() as u64,
            meta.ctime_nsec() as u64,
        ];
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for part in parts {
            h.update(&part.to_le_bytes());
        }
        h.digest().max(1)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        0
    }
}

/// Whether a file's change time can tell a later write from the last one: the
/// file system keeps times finer than a second (on one that keeps whole seconds
/// a write in the same second would keep the time), and the last change is at
/// least [`SETTLED`] old (more than a tick of the file system's clock).
pub fn settled(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        settled_at(meta.ctime(), meta.ctime_nsec(), std::time::SystemTime::now())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// [`settled`] for a change time (seconds and nanoseconds) at the time `now`.
#[cfg_attr(not(unix), allow(dead_code))]
fn settled_at(seconds: i64, nanoseconds: i64, now: std::time::SystemTime) -> bool {
    if nanoseconds <= 0 || seconds < 0 || nanoseconds > 999_999_999 {
        return false;
    }
    let changed = std::time::UNIX_EPOCH + std::time::Duration::new(seconds as u64, nanoseconds as u32);
    now.duration_since(changed).is_ok_and(|age| age >= SETTLED)
}

/// How long ago a file must have last changed for its change time to be trusted:
/// well above the coarsest clock tick of Linux file systems (10 ms).
pub const SETTLED: std::time::Duration = std::time::Duration::from_millis(50);

/// The file a site path is published as, relative to the output folder: `/a/` → `a/index.html`.
pub fn file_of(site_path: &str) -> String {
    let rel = site_path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// A folder being filled with a new site.
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    /// The site being replaced, whose unchanged files are linked instead of written.
    previous: Option<PathBuf>,
    /// The staging folder started as the site an earlier build replaced (set
    /// aside as `.public.old-*`): its folders and unchanged files are kept, and
    /// what this build does not write is swept away before the swap.
    seeded: bool,
    /// The files written, when seeded.
    written: std::sync::Mutex<std::collections::HashSet<String>>,
    /// The output folder's name: `public`.
    name: String,
    committed: bool,
    /// Deletes what earlier builds left beside the output, while this one renders.
    cleanup: Option<std::thread::JoinHandle<()>>,
    /// Held until the build ends: no other build writes to the same output meanwhile.
    _lock: BuildLock,
}

/// `.<name>.lock` beside the output folder, locked with `flock` while a build writes.
/// The system releases the lock when its process ends, however it ends, so the lock of
/// a killed build is taken over; the file keeps the holder's process id for messages.
struct BuildLock {
    _file: std::fs::File,
}

impl BuildLock {
    fn take(path: &Path, target: &Path) -> Result<BuildLock, Failure> {
        use std::io::{Read, Seek, Write};
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| Failure::io("create the lock file", path, e))?;
        if let Err(e) = try_lock(&file) {
            if e.kind() != io::ErrorKind::WouldBlock {
                return Err(Failure::io("lock", path, e));
            }
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            let (target, lock) = (target.display().to_string(), path.display().to_string());
            return Err(Failure::from(if holder.is_empty() {
                crate::keyed!("output-locked", target = target, lock = lock)
            } else {
                crate::keyed!("output-locked-by", process = holder, target = target, lock = lock)
            }));
        }
        let written = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{}", std::process::id()));
        written.map_err(|e| Failure::io("write", path, e))?;
        Ok(BuildLock { _file: file })
    }
}

#[cfg(unix)]
fn try_lock(file: &std::fs::File) -> io::Result<()> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: the descriptor is open for the duration of the call.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `LockFileEx` itself: `File::try_lock` needs Rust 1.89, and showcase builds with 1.85.
#[cfg(windows)]
fn try_lock(file: &std::fs::File) -> io::Result<()> {
    use std::os::windows::io::AsRawHandle;
    #[repr(C)]
    struct Overlapped {
        internal: usize,
        internal_high: usize,
        offset: u32,
        offset_high: u32,
        event: *mut std::ffi::c_void,
    }
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn LockFileEx(
            file: *mut std::ffi::c_void,
            flags: u32,
            reserved: u32,
            bytes_low: u32,
            bytes_high: u32,
            overlapped: *mut Overlapped,
        ) -> i32;
    }
    const LOCKFILE_FAIL_IMMEDIATELY: u32 = 1;
    const LOCKFILE_EXCLUSIVE_LOCK: u32 = 2;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    let mut overlapped = Overlapped {
        internal: 0,
        internal_high: 0,
        offset: 0,
        offset_high: 0,
        event: std::ptr::null_mut(),
    };
    // SAFETY: the handle is open for the duration of the call, and `overlapped`
    // outlives it; a synchronous handle completes the call before it returns.
    let ok = unsafe {
        LockFileEx(
            file.as_raw_handle().cast(),
            LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
            0,
            u32::MAX,
            u32::MAX,
            &mut overlapped,
        )
    };
    if ok != 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(ERROR_LOCK_VIOLATION) {
        Err(io::ErrorKind::WouldBlock.into())
    } else {
        Err(e)
    }
}

#[cfg(not(any(unix, windows)))]
#[allow(clippy::incompatible_msrv)]
fn try_lock(file: &std::fs::File) -> io::Result<()> {
    file.try_lock().map_err(|e| match e {
        std::fs::TryLockError::WouldBlock => io::ErrorKind::WouldBlock.into(),
        std::fs::TryLockError::Error(e) => e,
    })
}

impl Staging {
    /// Prepares a staging folder for `target`, refusing targets that are not a site's output.
    pub fn new(target: &Path, root: &Path) -> Result<Staging, Failure> {
        check_target(target, root)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| Failure::io("create", &parent, e))?;
        let lock = BuildLock::take(&parent.join(format!(".{name}.lock")), target)?;
        let temp = parent.join(format!(".{name}.building-{}", std::process::id()));
        if temp.exists() {
            std::fs::remove_dir_all(&temp).map_err(|e| Failure::io("remove", &temp, e))?;
        }
        // Start from a site an earlier build set aside, if there is one: making
        // tens of thousands of folders anew costs more than the pages in them.
        // Only where file names are exact: on a folder that ignores case, a seed's
        // `Logo.png` would stand for this build's `logo.png` and then be swept away.
        let seeded = names_are_exact(&parent)
            && set_aside(&parent, &name)
                .into_iter()
                .any(|old| std::fs::rename(&old, &temp).is_ok());
        if !seeded {
            std::fs::create_dir(&temp).map_err(|e| Failure::io("create", &temp, e))?;
        }
        let cleanup = {
            let (parent, name) = (parent.clone(), name.clone());
            std::thread::spawn(move || remove_abandoned(&parent, &name))
        };
        let previous = target
            .symlink_metadata()
            .is_ok_and(|m| m.is_dir())
            .then(|| target.to_path_buf());
        Ok(Staging {
            target: target.to_path_buf(),
            temp,
            previous,
            seeded,
            written: Default::default(),
            name,
            committed: false,
            cleanup: Some(cleanup),
            _lock: lock,
        })
    }

    /// The file a site path is written to: `/a/` → `a/index.html`; a path that could
    /// leave the staging folder (`..`, a backslash, NUL) is refused, whoever made it.
    fn file_for(&self, site_path: &str) -> Result<PathBuf, Failure> {
        let rel = file_of(site_path);
        let escapes = rel.starts_with('/')
            || rel.contains(['\\', '\0'])
            || rel
                .split('/')
                .any(|part| part == ".." || part == "." || part.is_empty());
        if escapes {
            return Err(Failure::from(crate::keyed!(
                "output-path-escapes",
                path = format!("{site_path:?}")
            )));
        }
        Ok(self.temp.join(rel))
    }

    /// Writes one file of the site. A file the site being replaced has with the
    /// same bytes is linked instead: no data written, no inode made or freed,
    /// which is most of what a rebuild of an unchanged page costs the disk.
    pub fn write(&self, site_path: &str, bytes: &[u8]) -> Result<(), Failure> {
        let path = self.file_for(site_path)?;
        let placed = self
            .place(site_path, &path, &|p: &Path| same_contents(p, bytes))
            .map_err(|e| Failure::io("write", &path, e))?;
        if placed.is_some() {
            return Ok(());
        }
        write_new(&path, bytes).map_err(|e| Failure::io("write", &path, e))
    }

    /// Puts in place a file that already exists as `holds` wants it: kept from a seed,
    /// or linked from the site being replaced, and says which. `Ok(None)` when it must
    /// be written; the way to `path` is clear then.
    fn place(&self, site_path: &str, path: &Path, holds: &dyn Fn(&Path) -> bool) -> io::Result<Option<Placed>> {
        if self.seeded {
            self.written
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(file_of(site_path));
            if holds(path) {
                return Ok(Some(Placed::Seed));
            }
            self.clear_way(path)?;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        if let Some(previous) = &self.previous {
            let old = previous.join(file_of(site_path));
            if holds(&old) {
                if self.seeded {
                    let _ = std::fs::remove_file(path);
                }
                if std::fs::hard_link(&old, path).is_ok() {
                    return Ok(Some(Placed::Linked));
                }
            }
        }
        Ok(None)
    }

    /// Copies a file into the site (linked, as [`Staging::write`] does, when unchanged).
    pub fn copy(&self, source: &Path, site_path: &str) -> Result<(), Failure> {
        if self.previous.is_some() || self.seeded {
            let bytes = std::fs::read(source).map_err(|e| Failure::io("read", source, e))?;
            return self.write(site_path, &bytes);
        }
        let path = self.file_for(site_path)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Failure::io("create", dir, e))?;
        }
        std::fs::copy(source, &path).map(|_| ()).map_err(|e| {
            // Name the side that failed: a source that cannot be read, or the disk written to.
            match std::fs::File::open(source) {
                Err(read_error) => Failure::io("read", source, read_error),
                Ok(_) => Failure::io("write", &path, e),
            }
        })
    }

    /// In a seeded staging folder, removes what the seed has in the way of writing
    /// `path`: a folder where the file goes, a file where one of its folders goes.
    /// What this build wrote itself is never removed: a clash between two files
    /// of one build is an error, as it is in an empty folder.
    fn clear_way(&self, path: &Path) -> io::Result<()> {
        let written = self.written.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let rel = |p: &Path| {
            p.strip_prefix(&self.temp)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        };
        let clash = |what: &str| io::Error::other(format!("{what} of this site is already there"));
        if path.symlink_metadata().is_ok_and(|m| m.is_dir()) {
            let inside = format!("{}/", rel(path));
            if written.iter().any(|w| w.starts_with(&inside)) {
                return Err(clash("a folder"));
            }
            std::fs::remove_dir_all(path)?;
        }
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == self.temp || !d.starts_with(&self.temp) {
                break;
            }
            if d.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
                if written.contains(&rel(d)) {
                    return Err(clash("a file"));
                }
                std::fs::remove_file(d)?;
            }
            dir = d.parent();
        }
        Ok(())
    }

    /// Puts the new site in place of the old one.
    pub fn commit(mut self) -> Result<(), Failure> {
        if let Some(cleanup) = self.cleanup.take() {
            let _ = cleanup.join();
        }
        if self.seeded {
            let written = std::mem::take(&mut *self.written.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
            sweep(&self.temp, &written).map_err(|e| Failure::io("clean", &self.temp, e))?;
        }
        if self.target.exists() {
            exchange(&self.temp, &self.target).map_err(|e| Failure::io("replace", &self.target, e))?;
            // The staging path now holds the old site. It is set aside for the next build to
            // start from (deleting and making tens of thousands of files and folders
            // takes seconds).
            let _ = std::fs::rename(
                &self.temp,
                self.temp
                    .with_file_name(format!(".{}.old-{}", self.name, std::process::id())),
            );
        } else {
            std::fs::rename(&self.temp, &self.target).map_err(|e| Failure::io("create", &self.target, e))?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Sink for Staging {
    fn write(&self, site_path: &str, bytes: &[u8]) -> Result<(), Failure> {
        Staging::write(self, site_path, bytes)
    }

    fn reuse(&self, site_path: &str, len: u64, hash: u64, known: u64) -> Option<(u64, bool)> {
        let path = self.file_for(site_path).ok()?;
        // What the seed's file was found to be, when it is kept as it is.
        let seen = std::sync::Mutex::new((0, false));
        let holds = |p: &Path| {
            p.symlink_metadata().is_ok_and(|m| {
                let holds = m.is_file()
                    && m.len() == len
                    && ((known != 0 && identity(&m) == known)
                        || std::fs::read(p).is_ok_and(|b| xxhash_rust::xxh3::xxh3_64(&b) == hash));
                if holds && p == path {
                    *seen.lock().unwrap_or_else(|e| e.into_inner()) = (identity(&m), settled(&m));
                }
                holds
            })
        };
        self.previous.as_ref()?;
        match self.place(site_path, &path, &holds).ok()? {
            Some(Placed::Seed) => Some(seen.into_inner().unwrap_or_else(|e| e.into_inner())),
            // A new link changes the file's change time.
            Some(Placed::Linked) => Some(Sink::identity(self, site_path)),
            None => None,
        }
    }

    fn previous(&self, site_path: &str, len: u64, hash: u64) -> Option<Vec<u8>> {
        // `file_for` refuses a path that could leave the folder.
        self.file_for(site_path).ok()?;
        let path = self.previous.as_ref()?.join(file_of(site_path));
        if path.symlink_metadata().ok()?.len() != len {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        (bytes.len() as u64 == len && xxhash_rust::xxh3::xxh3_64(&bytes) == hash).then_some(bytes)
    }

    fn identity(&self, site_path: &str) -> (u64, bool) {
        self.file_for(site_path)
            .ok()
            .and_then(|path| path.symlink_metadata().ok())
            .map_or((0, false), |meta| (identity(&meta), settled(&meta)))
    }

    fn copy(&self, source: &Path, site_path: &str) -> Result<(), Failure> {
        Staging::copy(self, source, site_path)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temp);
        }
        if let Some(cleanup) = self.cleanup.take() {
            let _ = cleanup.join();
        }
    }
}

/// Sites earlier builds set aside beside the output (`.public.old-*`), newest first.
fn set_aside(parent: &Path, name: &str) -> Vec<PathBuf> {
    let prefix = format!(".{name}.old-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.starts_with(&prefix)))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH);
            (modified, e.path())
        })
        .collect();
    found.sort_by(|a, b| b.cmp(a));
    found.into_iter().map(|(_, path)| path).collect()
}

/// Whether file names in `dir` are exact: `A` and `a` are two names.
fn names_are_exact(dir: &Path) -> bool {
    let upper = dir.join(format!(".SHOWCASE-CASE-{}", std::process::id()));
    let lower = dir.join(format!(".showcase-case-{}", std::process::id()));
    if std::fs::write(&upper, b"").is_err() {
        return false;
    }
    let exact = !lower.exists();
    let _ = std::fs::remove_file(&upper);
    exact
}

/// Removes from a seeded staging folder every file this build did not write,
/// and the folders left empty.
fn sweep(root: &Path, written: &std::collections::HashSet<String>) -> io::Result<()> {
    // The folders that hold a file of this build stay; only the others are tried.
    let mut kept: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for file in written {
        let mut path = file.as_str();
        while let Some(slash) = path.rfind('/') {
            path = &path[..slash];
            if !kept.insert(path) {
                break;
            }
        }
    }
    sweep_folder(root, "", written, &kept)
}

/// [`sweep`] for one folder (`rel` its path in the site), its subfolders in parallel.
fn sweep_folder(
    dir: &Path,
    rel: &str,
    written: &std::collections::HashSet<String>,
    kept: &std::collections::HashSet<&str>,
) -> io::Result<()> {
    use rayon::prelude::*;
    let entries = std::fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path = if rel.is_empty() {
            name.into_owned()
        } else {
            format!("{rel}/{name}")
        };
        // A link is never followed: it is removed like a file unless this build wrote it.
        if entry.file_type()?.is_dir() {
            sweep_folder(&entry.path(), &path, written, kept)?;
            if !kept.contains(path.as_str()) {
                // Fails while the folder holds something: then it is kept.
                let _ = std::fs::remove_dir(entry.path());
            }
        } else if !written.contains(&path) {
            std::fs::remove_file(entry.path())?;
        }
        Ok(())
    })
}

/// Whether the file at `path` holds exactly `bytes` (a regular file, not a link).
fn same_contents(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(meta) = file.metadata() else { return false };
    if !meta.is_file() || meta.len() != bytes.len() as u64 || path.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
        return false;
    }
    let mut contents = Vec::with_capacity(bytes.len() + 1);
    file.read_to_end(&mut contents).is_ok() && contents == bytes
}

/// Writes a file that must be new: a file already at the path (which could be
/// a link to a file of the live site) is removed first, never written through.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let create = || std::fs::OpenOptions::new().write(true).create_new(true).open(path);
    let mut file = match create() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            create()?
        }
        other => other?,
    };
    file.write_all(bytes)
}

/// Removes what earlier builds left beside the output: previous sites set aside by a
/// finished build, and staging folders of builds that were killed (their process is gone).
fn remove_abandoned(parent: &Path, name: &str) {
    let building = format!(".{name}.building-");
    let old = format!(".{name}.old-");
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(name) = file_name.to_str() else { continue };
        // A previous site set aside by a build that finished, and not taken by this
        // build to start from: deleted.
        if name.starts_with(&old) && entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
            continue;
        }
        let Some(pid) = name.strip_prefix(&building).and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        // Only where the system shows which processes run.
        let proc = Path::new("/proc");
        if pid != std::process::id() && proc.is_dir() && !proc.join(pid.to_string()).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Swaps two folders in one step where the system allows it.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // The system call itself rather than libc's wrapper, which musl added only in
    // 1.2.5: the static musl builds link against C libraries without it.
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::EINVAL) | Some(libc::ENOSYS) => exchange_by_renames(a, b),
        _ => Err(err),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    exchange_by_renames(a, b)
}

/// Two renames: the old site moves aside, the new one takes its name, the old one goes to `a`.
fn exchange_by_renames(a: &Path, b: &Path) -> io::Result<()> {
    let aside = a.with_extension("old");
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}

/// Refuses an output folder whose replacement would destroy something else.
fn check_target(target: &Path, root: &Path) -> Result<(), Failure> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let target_abs = absolute(target);
    let root_abs = absolute(root);
    let refuse = |why: &str, folder: &str| {
        Failure::from(crate::keyed!(
            "output-refused",
            target = target.display().to_string(),
            why = why,
            folder = folder
        ))
    };
    if root_abs.starts_with(&target_abs) {
        return Err(refuse("sources", ""));
    }
    for source in ["content", "themes", "templates", "static", "i18n"] {
        if target_abs.starts_with(root_abs.join(source)) {
            return Err(refuse("inside", source));
        }
    }
    if target.is_file() {
        return Err(refuse("file", ""));
    }
    if target.is_dir() {
        let mut entries = std::fs::read_dir(target).map_err(|e| Failure::io("read", target, e))?;
        let empty = entries.next().is_none();
        if !empty && !target.join("index.html").exists() && !target.join("404.html").exists() {
            return Err(refuse("other-files", ""));
        }
    }
    Ok(())
}

/// Writes a file whole or not at all: a temporary file of this process's own
/// beside it, renamed over it (a reader never sees half a file, and a failed
/// write leaves the old one).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            Failure::io("write", path, e)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_times_are_trusted_once_settled_and_finer_than_seconds() {
        let at = |s: u64, ms: u64| std::time::UNIX_EPOCH + std::time::Duration::from_millis(s * 1000 + ms);
        let now = at(1_000, 500);
        assert!(settled_at(1_000, 400_000_000, now), "100 ms old");
        assert!(!settled_at(1_000, 480_000_000, now), "20 ms old");
        assert!(!settled_at(1_000, 600_000_000, now), "in the future");
        // A file system that keeps whole seconds: never trusted, however old.
        assert!(!settled_at(900, 0, now));
        assert!(!settled_at(-1, 5, now));
    }

    #[test]
    fn site_paths_become_files() {
        assert_eq!(file_of("/"), "index.html");
        assert_eq!(file_of("/en/cases/a/"), "en/cases/a/index.html");
        assert_eq!(file_of("/feed.xml"), "feed.xml");
    }
}
