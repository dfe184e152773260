//! Watching the site's sources for changes, with notify and a debouncer.
//!
//! What is watched: `content/`, `themes/`, `templates/`, `static/`, `i18n/`
//! and `archetypes/` recursively, and the site's folder itself without its
//! subfolders, for `site.toml` and for one of those folders appearing later.
//! Never the output. Steps of [`Watch::next_within`]: wait for a debounced batch of
//! events (bursts within [`DEBOUNCE`] become one), drop reads (`Access`:
//! notify reports them on Linux, and a build reads every file), editors'
//! temporary and swap files, and paths outside the sources; merge the batches
//! already queued; say whether only stylesheets changed. An editor's atomic
//! save (a temporary file renamed over the original) is a rename whose target
//! is the source, so it counts. A new folder needs no rescan of its own:
//! every rebuild walks the content from what is on disk, including files
//! written into the folder before its watch was in place.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::config::CONFIG_FILE;
use crate::diagnostics::Failure;
use crate::site::SOURCE_FOLDERS;

/// How long the sources must be quiet before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(60);

/// What changed since the last rebuild.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// The source files and folders, relative to the site's folder.
    pub paths: BTreeSet<PathBuf>,
    /// notify lost events (its queue overflowed): anything may have changed.
    pub rescan: bool,
}

impl Change {
    /// Only stylesheets changed, so open pages can swap them without a reload.
    pub fn css_only(&self) -> bool {
        !self.rescan
            && !self.paths.is_empty()
            && self
                .paths
                .iter()
                .all(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("css")))
    }

    fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.rescan
    }
}

/// What [`Watch::next_within`] saw.
pub enum Next {
    Change(Change),
    /// Nothing changed in the time given.
    Quiet,
    /// The watcher stopped.
    Closed,
}

/// The watches on a site's sources and the events they deliver.
pub struct Watch {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
    watched: BTreeSet<PathBuf>,
}

/// Why the folder cannot be watched, in the catalogs' words.
fn cannot_watch(root: &Path, e: &notify::Error) -> Failure {
    Failure::from(crate::keyed!(
        "serve-cannot-watch",
        folder = root.display().to_string(),
        reason = e.to_string()
    ))
}

impl Watch {
    /// Starts watching the site in `root` (an absolute path).
    pub fn start(root: &Path) -> Result<Watch, Failure> {
        let (sender, events) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, None, sender).map_err(|e| cannot_watch(root, &e))?;
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| cannot_watch(root, &e))?;
        let mut watch = Watch {
            root: root.to_path_buf(),
            debouncer,
            events,
            watched: BTreeSet::new(),
        };
        watch.refresh();
        Ok(watch)
    }

    /// Watches the source folders that exist now and forgets those that went away.
    pub fn refresh(&mut self) {
        for name in SOURCE_FOLDERS {
            let folder = self.root.join(name);
            let exists = folder.is_dir();
            let watched = self.watched.contains(&folder);
            if exists && !watched {
                match self.debouncer.watch(&folder, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(folder);
                    }
                    Err(e) => eprintln!("showcase: warning: cannot watch {} for changes: {e}", folder.display()),
                }
            } else if !exists && watched {
                let _ = self.debouncer.unwatch(&folder);
                self.watched.remove(&folder);
            }
        }
    }

    /// Waits for the next change of the sources, for at most `wait` when given.
    pub fn next_within(&mut self, wait: Option<Duration>) -> Next {
        let deadline = wait.map(|w| Instant::now() + w);
        loop {
            let first = match deadline {
                None => self.events.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(deadline) => self
                    .events
                    .recv_timeout(deadline.saturating_duration_since(Instant::now())),
            };
            let first = match first {
                Ok(first) => first,
                Err(RecvTimeoutError::Timeout) => return Next::Quiet,
                Err(RecvTimeoutError::Disconnected) => return Next::Closed,
            };
            let mut change = Change::default();
            self.take(first, &mut change);
            while let Ok(more) = self.events.try_recv() {
                self.take(more, &mut change);
            }
            if !change.is_empty() {
                return Next::Change(change);
            }
        }
    }

    fn take(&self, result: DebounceEventResult, change: &mut Change) {
        match result {
            Ok(events) => {
                for event in events {
                    if event.need_rescan() {
                        change.rescan = true;
                    }
                    if matches!(event.kind, EventKind::Access(_)) {
                        continue;
                    }
                    for path in &event.paths {
                        if let Some(rel) = source_path(&self.root, path) {
                            change.paths.insert(rel);
                        }
                    }
                }
            }
            Err(errors) => {
                for e in errors {
                    eprintln!("showcase: warning: watching for changes: {e}");
                }
                change.rescan = true;
            }
        }
    }
}

/// The path relative to the site's folder, if it is a source of the site.
fn source_path(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let mut components = rel.components();
    let first = match components.next()? {
        Component::Normal(name) => name.to_str()?,
        _ => return None,
    };
    if first == CONFIG_FILE && components.next().is_none() {
        return Some(rel.to_path_buf());
    }
    if !SOURCE_FOLDERS.contains(&first) {
        return None;
    }
    let name = rel.file_name()?.to_string_lossy();
    (!is_scratch(&name)).then(|| rel.to_path_buf())
}

/// Editors' temporary, backup and swap files, which are no part of the site.
fn is_scratch(name: &str) -> bool {
    name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count() {
        let root = Path::new("/site");
        let rel = |p: &str| source_path(root, Path::new(p));
        assert_eq!(rel("/site/site.toml"), Some(PathBuf::from("site.toml")));
        assert_eq!(
            rel("/site/content/cases/a.md"),
            Some(PathBuf::from("content/cases/a.md"))
        );
        assert!(rel("/site/themes/default/static/style.css").is_some());
        assert_eq!(rel("/site/content"), Some(PathBuf::from("content")));
        assert_eq!(rel("/site/public/index.html"), None);
        assert_eq!(rel("/site/.public.building-12/index.html"), None);
        assert_eq!(rel("/site/target/debug/showcase"), None);
        assert_eq!(rel("/site/content/cases/.a.md.swp"), None);
        assert_eq!(rel("/site/content/cases/a.md~"), None);
        assert_eq!(rel("/site/content/cases/4913"), None);
        assert_eq!(rel("/site/site.toml.tmp"), None);
        assert_eq!(rel("/elsewhere/content/a.md"), None);
    }

    #[test]
    fn stylesheets_alone_can_be_swapped() {
        let change = |paths: &[&str]| Change {
            paths: paths.iter().map(PathBuf::from).collect(),
            rescan: false,
        };
        assert!(change(&["themes/default/static/style.css"]).css_only());
        assert!(!change(&["themes/default/static/style.css", "content/a.md"]).css_only());
        assert!(!change(&[]).css_only());
        let mut lost = change(&["static/a.css"]);
        lost.rescan = true;
        assert!(!lost.css_only());
    }
}
