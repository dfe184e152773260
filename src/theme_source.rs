//! Where the theme's files come from: the site's folder `themes/<name>/`, or,
//! for the default theme when the site has no such folder, the copy built
//! into the program.
//!
//! Steps: [`ThemeSource::of`] picks the source from site.toml's `theme`;
//! [`ThemeSource::files`] lists the files of one of its folders (`templates`,
//! `static`) in the order a walk of the folder sorted by name gives;
//! [`ThemeSource::read`] reads one file. Either source yields the same names
//! and bytes, so a site builds byte for byte the same from the built-in theme
//! as from an ejected copy of it ([`eject`]).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry};

use crate::config::Config;
use crate::content::display_path;
use crate::diagnostics::{Diagnostic, Failure};

/// The name of the theme built into the program.
pub const BUILT_IN_NAME: &str = "default";

/// The repository's `themes/default/` as it was when the program was compiled.
static BUILT_IN: Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// How messages name a file of the built-in theme, which is on no disk.
const BUILT_IN_SHOWN: &str = "(built-in theme default)";

/// The theme of a site.
#[derive(Debug, Clone)]
pub enum ThemeSource {
    /// `themes/<name>/` in the site's folder.
    Folder { dir: PathBuf, name: String },
    /// The default theme compiled into the program.
    BuiltIn,
}

/// One file of a theme folder.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// The path inside the folder, `/`-separated: `partials/card.html`.
    pub rel: String,
    /// How messages name the file.
    pub shown: PathBuf,
    /// The file on disk, for a theme in the site's folder.
    pub disk: Option<PathBuf>,
    /// The bytes, for the built-in theme.
    pub bytes: Option<&'static [u8]>,
}

impl ThemeFile {
    /// The file's bytes.
    pub fn read(&self) -> Result<Cow<'static, [u8]>, Failure> {
        match (&self.disk, self.bytes) {
            (Some(path), _) => std::fs::read(path)
                .map(Cow::Owned)
                .map_err(|e| Failure::io("read", path, e)),
            (None, Some(bytes)) => Ok(Cow::Borrowed(bytes)),
            (None, None) => Ok(Cow::Borrowed(&[])),
        }
    }
}

impl ThemeSource {
    /// The theme site.toml names: its folder in the site when there is one, else
    /// the built-in theme if it is the default one.
    pub fn of(config: &Config) -> Result<ThemeSource, Failure> {
        let dir = config.theme_dir();
        if dir.is_dir() {
            return Ok(ThemeSource::Folder {
                dir,
                name: config.theme.clone(),
            });
        }
        if config.theme == BUILT_IN_NAME {
            return Ok(ThemeSource::BuiltIn);
        }
        Err(Diagnostic::file_error(
            display_path(config, "site.toml"),
            format!(
                "theme \"{}\" not found: there is no folder themes/{}/; the theme built into showcase is \"{BUILT_IN_NAME}\" (theme = \"{BUILT_IN_NAME}\", or leave theme out)",
                config.theme, config.theme
            ),
        )
        .into())
    }

    /// How messages name a path inside the theme: `themes/default/templates/page.html`.
    pub fn shown(&self, config: &Config, rel: &str) -> PathBuf {
        match self {
            ThemeSource::Folder { name, .. } => display_path(config, &format!("themes/{name}/{rel}")),
            ThemeSource::BuiltIn => PathBuf::from(format!("{BUILT_IN_SHOWN}/{rel}")),
        }
    }

    /// Every file under the theme's folder `sub` (hidden ones skipped), in walk order
    /// with the entries of each folder sorted by name.
    pub fn files(&self, config: &Config, sub: &str) -> Result<Vec<ThemeFile>, Failure> {
        let mut out = Vec::new();
        match self {
            ThemeSource::Folder { dir, .. } => {
                let dir = dir.join(sub);
                if !dir.is_dir() {
                    return Ok(out);
                }
                let walker = walkdir::WalkDir::new(&dir)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
                for entry in walker {
                    let entry = entry.map_err(|e| Failure::walk(e, &dir))?;
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let rel = entry
                        .path()
                        .strip_prefix(&dir)
                        .unwrap_or(entry.path())
                        .to_string_lossy()
                        .replace('\\', "/");
                    out.push(ThemeFile {
                        shown: self.shown(config, &format!("{sub}/{rel}")),
                        rel,
                        disk: Some(entry.path().to_path_buf()),
                        bytes: None,
                    });
                }
            }
            ThemeSource::BuiltIn => {
                if let Some(dir) = BUILT_IN.get_dir(sub) {
                    for (rel, bytes) in embedded_files(dir, sub) {
                        out.push(ThemeFile {
                            shown: self.shown(config, &format!("{sub}/{rel}")),
                            rel,
                            disk: None,
                            bytes: Some(bytes),
                        });
                    }
                }
            }
        }
        Ok(out)
    }

    /// One file of the theme (`i18n/en.toml`); `None` if the theme has no such file.
    pub fn read(&self, rel: &str) -> Result<Option<Cow<'static, [u8]>>, Failure> {
        match self {
            ThemeSource::Folder { dir, .. } => {
                let path = dir.join(rel);
                match std::fs::read(&path) {
                    Ok(bytes) => Ok(Some(Cow::Owned(bytes))),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(Failure::io("read", &path, e)),
                }
            }
            ThemeSource::BuiltIn => Ok(BUILT_IN.get_file(rel).map(|f| Cow::Borrowed(f.contents()))),
        }
    }
}

/// The text of a file as messages name it: a file on disk, or one of the built-in theme.
pub fn read_shown(shown: &Path) -> Option<String> {
    if let Ok(rel) = shown.strip_prefix(BUILT_IN_SHOWN) {
        let rel = rel.to_string_lossy().replace('\\', "/");
        return BUILT_IN.get_file(&rel)?.contents_utf8().map(str::to_string);
    }
    std::fs::read_to_string(shown).ok()
}

/// The files of an embedded folder, `/`-separated and relative to `base`, hidden ones
/// skipped, each folder's entries sorted by name as [`walkdir`] sorts them.
fn embedded_files(dir: &'static Dir<'static>, base: &str) -> Vec<(String, &'static [u8])> {
    let mut entries: Vec<&'static DirEntry<'static>> = dir.entries().iter().collect();
    entries.sort_by(|a, b| a.path().file_name().cmp(&b.path().file_name()));
    let mut out = Vec::new();
    for entry in entries {
        let hidden = entry
            .path()
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match entry {
            DirEntry::Dir(sub) => out.extend(embedded_files(sub, base)),
            DirEntry::File(file) => {
                let path = file.path().to_string_lossy().replace('\\', "/");
                let rel = path
                    .strip_prefix(base)
                    .map_or(path.as_str(), |r| r.trim_start_matches('/'))
                    .to_string();
                out.push((rel, file.contents()));
            }
        }
    }
    out
}

/// Copies the built-in theme into `dest` (which must not exist yet); returns the
/// number of files written.
pub fn eject(dest: &Path) -> Result<usize, Failure> {
    if dest.exists() {
        return Err(Failure::from(crate::keyed!(
            "theme-exists",
            folder = dest.display().to_string()
        )));
    }
    let files = embedded_files(&BUILT_IN, "");
    for (rel, bytes) in &files {
        let path = dest.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Failure::io("create", parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Failure::io("write", &path, e))?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_has_every_required_template_and_its_strings() {
        for name in crate::templates::REQUIRED {
            assert!(BUILT_IN.get_file(format!("templates/{name}")).is_some(), "{name}");
        }
        for lang in ["zh", "en"] {
            assert!(BUILT_IN.get_file(format!("i18n/{lang}.toml")).is_some(), "{lang}");
        }
    }

    #[test]
    fn embedded_files_are_relative_and_sorted_like_a_walk() {
        let files = embedded_files(BUILT_IN.get_dir("templates").unwrap(), "templates");
        let names: Vec<&str> = files.iter().map(|(rel, _)| rel.as_str()).collect();
        assert!(names.contains(&"partials/card.html"), "{names:?}");
        assert!(names.iter().all(|n| !n.starts_with('/') && !n.starts_with("templates")));
        // walkdir's order: a folder's entries by name, each folder's files where its name sorts.
        let mut disk = Vec::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() && !entry.file_name().to_string_lossy().starts_with('.') {
                disk.push(
                    entry
                        .path()
                        .strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
        assert_eq!(names, disk);
    }
}
