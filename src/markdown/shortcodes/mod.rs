//! Shortcodes: what Markdown cannot say (a video, a figure with a credit, a
//! callout or a quote, a table from a CSV file), written in a page as
//! `{{< name key="value" >}}` and rendered by a template of the theme.
//!
//! Steps: [`Shortcodes::load`] reads the theme's `templates/shortcodes/*.html`
//! and then the site's own `templates/shortcodes/` (a site's template replaces
//! the theme's of the same name, or adds a shortcode); each template declares
//! its arguments in a header comment (see [`declare`]). While a page's Markdown
//! is rendered, [`expand`] finds its shortcodes ([`parse`]), checks their
//! arguments against the declarations, renders the templates with Tera
//! (autoescaped) and puts the HTML in place. [`Shortcodes::key`] adds to a
//! page's Markdown cache key what shortcodes read besides the page: the
//! templates, the UI strings, and the stamps of the files they name.

pub mod declare;
pub mod expand;
pub mod parse;
mod table;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use tera::Tera;

pub use declare::{Declaration, Kind, Param};
pub use expand::{expand, splice, strip_markers};

use crate::config::Config;
use crate::content::{Doc, Library, display_path};
use crate::diagnostics::Diagnostic;

/// The folder of shortcode templates, inside a theme's or a site's `templates/`.
pub const FOLDER: &str = "shortcodes";

/// The shortcodes of a site, ready to render.
pub struct Shortcodes {
    tera: Tera,
    /// Name → its declaration.
    pub declared: BTreeMap<String, Declaration>,
    /// A hash of the templates and the UI strings.
    stamp: u128,
}

impl Shortcodes {
    /// No shortcodes at all: `{{<` is then an unknown shortcode.
    pub fn none() -> Shortcodes {
        Shortcodes {
            tera: Tera::new(),
            declared: BTreeMap::new(),
            stamp: 0,
        }
    }

    /// The theme's shortcodes and the site's own, with the problems of their templates.
    /// A theme that cannot be read is reported by the theme's own loading.
    pub fn load(config: &Config) -> (Shortcodes, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let mut sources: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
        let source = crate::theme_source::ThemeSource::of(config).ok();
        let files = source.as_ref().and_then(|s| s.files(config, "templates").ok());
        for file in files.unwrap_or_default() {
            let Some(name) = shortcode_name(&file.rel) else {
                continue;
            };
            match file.read().map(|b| String::from_utf8(b.into_owned())) {
                Ok(Ok(text)) => {
                    sources.insert(name, (file.shown, text));
                }
                _ => errors.push(Diagnostic::file_error(
                    file.shown,
                    "cannot read the template as UTF-8 text",
                )),
            }
        }
        let strings = source
            .and_then(|s| crate::templates::load_strings(config, &s, &mut Vec::new()).ok())
            .unwrap_or_default();
        read_site_folder(config, &mut sources, &mut errors);
        Self::from_sources(config, sources, strings, errors)
    }

    fn from_sources(
        config: &Config,
        sources: BTreeMap<String, (PathBuf, String)>,
        strings: crate::templates::Strings,
        mut errors: Vec<Diagnostic>,
    ) -> (Shortcodes, Vec<Diagnostic>) {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        let mut declared = BTreeMap::new();
        for (name, (file, text)) in &sources {
            for part in [name.as_bytes(), text.as_bytes()] {
                h.update(&(part.len() as u64).to_le_bytes());
                h.update(part);
            }
            match declare::parse(name, text) {
                Ok(declaration) => {
                    declared.insert(name.clone(), declaration);
                }
                Err((line, message)) => errors.push(Diagnostic::error(file.clone(), line, 1, message)),
            }
        }
        for lang in &config.languages {
            h.update(format!("{lang:?}{:?}", strings.get(&lang.code)).as_bytes());
        }
        h.update(config.base_path.as_bytes());
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        crate::templates::register_functions(
            &mut tera,
            Arc::new(strings),
            Arc::new(Default::default()),
            config.base_path.clone(),
            Arc::new(crate::qr::Codes::default()),
        );
        let templates = sources
            .iter()
            .map(|(name, (_, text))| (format!("{FOLDER}/{name}.html"), text.as_str()));
        if let Err(e) = tera.add_raw_templates(templates) {
            // The theme's loading reports the template's error with its position.
            if errors.is_empty() {
                let first = sources.values().next().map(|(f, _)| f.clone()).unwrap_or_default();
                errors.push(Diagnostic::file_error(
                    first,
                    format!("a shortcode template does not parse: {e}"),
                ));
            }
            declared.clear();
        }
        (
            Shortcodes {
                tera,
                declared,
                stamp: h.digest128(),
            },
            errors,
        )
    }

    /// A doc's Markdown cache key with what its shortcodes read: the templates and
    /// UI strings, and the size and time of every file of the doc's folder an
    /// argument names (a CSV table edited, a caption file replaced).
    pub fn key(&self, key: u128, doc: &Doc, library: &Library) -> u128 {
        if !doc.body.contains(parse::OPEN) {
            return key;
        }
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&key.to_le_bytes());
        h.update(&self.stamp.to_le_bytes());
        let (tags, _) = parse::find(&doc.body, &[]);
        for arg in tags.iter().flat_map(|t| &t.args) {
            let Some(path) = expand::join(&doc.dir, &crate::text::percent_decode(&arg.value)) else {
                continue;
            };
            if let Some(asset) = library.assets.get(&path) {
                h.update(path.as_bytes());
                let stamp = std::fs::metadata(&asset.source).map_or(0, |m| crate::cache::file_stamp(&m));
                h.update(&stamp.to_le_bytes());
            }
        }
        h.digest128()
    }

    /// The names of the shortcodes, for messages.
    fn names(&self) -> String {
        if self.declared.is_empty() {
            return "none".into();
        }
        self.declared.keys().cloned().collect::<Vec<_>>().join(", ")
    }
}

/// `shortcodes/video.html` → `video`.
fn shortcode_name(rel: &str) -> Option<String> {
    let name = rel.strip_prefix(FOLDER)?.strip_prefix('/')?.strip_suffix(".html")?;
    (!name.is_empty() && !name.contains('/')).then(|| name.to_string())
}

/// The site's own `templates/shortcodes/*.html`.
fn read_site_folder(config: &Config, sources: &mut BTreeMap<String, (PathBuf, String)>, errors: &mut Vec<Diagnostic>) {
    let dir = config.root.join("templates").join(FOLDER);
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    for path in paths {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(name) = shortcode_name(&format!("{FOLDER}/{file_name}")) else {
            continue;
        };
        let shown = display_path(config, &format!("templates/{FOLDER}/{file_name}"));
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                sources.insert(name, (shown, text));
            }
            Err(e) => errors.push(Diagnostic::file_error(shown, format!("cannot read the template: {e}"))),
        }
    }
}
