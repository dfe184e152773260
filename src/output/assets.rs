//! Static files: the theme's (CSS and JavaScript under content-hashed names),
//! the site's `static/` folder (copied as it is), and the generated stylesheet
//! for code highlighting.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::Failure;
use crate::markdown::highlight::Highlighter;

/// Files to publish that do not come from content.
#[derive(Debug, Default)]
pub struct Assets {
    /// Theme path (`style.css`) → its link on the site (`/style.3f2a9c1d0e.css`), for `asset()`.
    pub links: HashMap<String, String>,
    /// Files copied as they are: source → site path.
    pub copies: Vec<(PathBuf, String)>,
    /// Files made or renamed: site path → bytes.
    pub generated: Vec<(String, Vec<u8>)>,
}

impl Assets {
    /// The theme's and the site's files, and the highlight stylesheet for the classes
    /// `highlighter` used (so the Markdown is rendered first).
    pub fn collect(config: &Config, highlighter: &Highlighter) -> Result<Assets, Failure> {
        let mut assets = Assets::default();
        let theme = crate::theme_source::ThemeSource::of(config)?;
        for file in theme.files(config, "static")? {
            let rel = file.rel.clone();
            if rel.ends_with(".css") || rel.ends_with(".js") {
                let bytes = file.read()?.into_owned();
                let path = format!("/{}", hashed_name(&rel, &bytes));
                assets.links.insert(rel, config.link(&path));
                assets.generated.push((path, bytes));
            } else {
                assets.links.insert(rel.clone(), config.link(&format!("/{rel}")));
                match file.disk {
                    Some(source) => assets.copies.push((source, format!("/{rel}"))),
                    // A file of the built-in theme is on no disk to copy from.
                    None => assets.generated.push((format!("/{rel}"), file.read()?.into_owned())),
                }
            }
        }
        let css = highlighter.css().into_bytes();
        let path = format!("/{}", hashed_name("highlight.css", &css));
        assets.links.insert("highlight.css".into(), config.link(&path));
        assets.generated.push((path, css));
        // The site's own static files win over the theme's of the same name.
        for (source, rel) in files_under(&config.root.join("static"))? {
            let path = format!("/{rel}");
            assets.copies.retain(|(_, p)| *p != path);
            assets.generated.retain(|(p, _)| *p != path);
            assets.copies.push((source, path));
        }
        Ok(assets)
    }
}

/// `css/style.css` → `css/style.<hash>.css`.
pub fn hashed_name(rel: &str, bytes: &[u8]) -> String {
    let hash = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes));
    let short = &hash[..10];
    match rel.rfind('.') {
        Some(dot) if !rel[dot..].contains('/') => format!("{}.{short}{}", &rel[..dot], &rel[dot..]),
        _ => format!("{rel}.{short}"),
    }
}

/// Every file under a folder (hidden ones skipped), with its `/`-separated relative path, sorted.
fn files_under(dir: &Path) -> Result<Vec<(PathBuf, String)>, Failure> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| Failure::walk(e, dir))?;
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            out.push((entry.path().to_path_buf(), rel));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_keep_the_extension() {
        let name = hashed_name("css/style.css", b"body{}");
        assert!(
            name.starts_with("css/style.") && name.ends_with(".css") && name.len() == "css/style..css".len() + 10,
            "{name}"
        );
        assert_ne!(hashed_name("a.css", b"1"), hashed_name("a.css", b"2"));
    }
}
