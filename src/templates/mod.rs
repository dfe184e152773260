//! The theme: Tera templates and UI strings, loaded once per build.
//!
//! Steps: read the theme's `templates/` and then the site's own `templates/`
//! (a site template replaces the theme's of the same name); read the UI
//! strings in `i18n/<lang>.toml` of the theme and the site, and check that
//! every key exists in every language — also every `t(key="…")` written in a
//! template; register the functions `t` (a UI string in the page's language;
//! with `n=…`, the string's form for that number, `{n}` filled in),
//! `asset` (the content-hashed URL of a theme file) and `link` (a site path
//! with the base path in front, so a site under a sub-path works).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::{Kwargs, State, Tera};

use crate::config::Config;
use crate::content::display_path;
use crate::diagnostics::{self, Diagnostic, Failure};

/// The templates every theme must have.
pub const REQUIRED: &[&str] = &[
    "index.html",
    "section.html",
    "page.html",
    "taxonomy.html",
    "term.html",
    "progress.html",
    "search.html",
    "sitemap.html",
    "404.html",
    "partials/card.html",
];

/// UI strings the program itself uses (beside those templates use).
pub const REQUIRED_STRINGS: &[&str] = &[
    "catalogue_title",
    "progress_title",
    "search_title",
    "sitemap_title",
    "taxonomy_year",
    "year_suffix",
];

/// UI strings: language code → key → text.
pub type Strings = HashMap<String, BTreeMap<String, Text>>;

/// A UI string: one text, or a text per plural form (`{ one = "{n} case", other =
/// "{n} cases" }`); `t(key="…", n=…)` picks `one` for 1 and `other` for any other
/// number, and puts the number in place of `{n}`.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum Text {
    One(String),
    Plural { one: String, other: String },
}

impl Text {
    /// The text for the number `n` (`None`: the general form), `{n}` filled in.
    pub fn form(&self, n: Option<i64>) -> String {
        let text = match (self, n) {
            (Text::One(text), _) => text,
            (Text::Plural { one, .. }, Some(1)) => one,
            (Text::Plural { other, .. }, _) => other,
        };
        match n {
            Some(n) => text.replace("{n}", &n.to_string()),
            None => text.clone(),
        }
    }
}

/// The loaded theme, ready to render.
pub struct Theme {
    pub tera: Tera,
    strings: Arc<Strings>,
    /// Template name → the file it came from, for messages.
    pub files: HashMap<String, PathBuf>,
    /// A hash of all that rendering reads besides the context: the templates, the
    /// UI strings, the asset links and the base path (see `render::Ctx`).
    pub fingerprint: u64,
    /// The QR codes the theme draws (`qr_svg`) and the articles' PNGs, made once each.
    pub qr_codes: Arc<crate::qr::Codes>,
}

impl Theme {
    /// Loads the theme named in site.toml, with the site's overrides. `assets` maps
    /// theme file paths (`style.css`) to their published, hashed paths.
    pub fn load(config: &Config, assets: Arc<HashMap<String, String>>) -> Result<Theme, Failure> {
        let source = crate::theme_source::ThemeSource::of(config)?;
        let mut errors = Vec::new();
        let mut sources: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
        for file in source.files(config, "templates")? {
            match String::from_utf8(file.read()?.into_owned()) {
                Ok(text) => {
                    sources.insert(file.rel, (file.shown, text));
                }
                Err(_) => errors.push(Diagnostic::file_error(
                    file.shown,
                    "cannot read the template: it is not UTF-8 text",
                )),
            }
        }
        read_folder(
            config,
            &config.root.join("templates"),
            "templates",
            &mut sources,
            &mut errors,
        )?;
        for name in REQUIRED {
            if !sources.contains_key(*name) {
                errors.push(Diagnostic::file_error(
                    display_path(config, &format!("themes/{}/templates/{name}", config.theme)),
                    format!("the theme has no {name}; every theme needs {}", REQUIRED.join(", ")),
                ));
            }
        }

        let strings = load_strings(config, &source, &mut errors)?;
        for key in REQUIRED_STRINGS {
            for lang in &config.languages {
                if !strings.get(&lang.code).is_some_and(|s| s.contains_key(*key)) {
                    errors.push(Diagnostic::file_error(
                        display_path(config, &format!("themes/{}/i18n/{}.toml", config.theme, lang.code)),
                        format!("the theme needs the UI string \"{key}\" in every language; add {key} = \"…\""),
                    ));
                }
            }
        }
        // Every literal t(key="…") in a template must have a string in every language.
        for (name, (file, text)) in &sources {
            let lines = diagnostics::LineIndex::new(text);
            for (offset, key) in literal_keys(text) {
                for lang in &config.languages {
                    if !strings.get(&lang.code).is_some_and(|s| s.contains_key(key)) {
                        let (line, col) = lines.line_col(offset);
                        errors.push(Diagnostic::error(
                            file.clone(),
                            line,
                            col,
                            format!(
                                "{name} uses the UI string \"{key}\", which i18n/{}.toml does not define; add {key} = \"…\"",
                                lang.code
                            ),
                        ));
                    }
                }
            }
        }

        let fingerprint = fingerprint(&sources, &strings, &assets, &config.base_path);
        let mut tera = Tera::new();
        // Every template writes markup: HTML pages, and SVG covers too.
        tera.autoescape_on([".html", ".htm", ".xml", ".svg"]);
        let strings = Arc::new(strings);
        let qr_codes = Arc::new(crate::qr::Codes::default());
        register_functions(
            &mut tera,
            strings.clone(),
            assets,
            config.base_path.clone(),
            qr_codes.clone(),
        );
        if errors.is_empty()
            && let Err(e) =
                tera.add_raw_templates(sources.iter().map(|(name, (_, text))| (name.as_str(), text.as_str())))
        {
            let files: HashMap<String, PathBuf> = sources.iter().map(|(n, (f, _))| (n.clone(), f.clone())).collect();
            errors.push(template_error(&e, &files, None));
        }
        if !errors.is_empty() {
            diagnostics::sort(&mut errors);
            return Err(Failure::Content(errors));
        }
        let files = sources.into_iter().map(|(name, (file, _))| (name, file)).collect();
        Ok(Theme {
            tera,
            strings,
            files,
            fingerprint,
            qr_codes,
        })
    }

    /// A UI string; every key used this way is in the theme's required strings.
    pub fn string(&self, lang: &str, key: &str) -> String {
        self.strings
            .get(lang)
            .and_then(|s| s.get(key))
            .map(|text| text.form(None))
            .unwrap_or_default()
    }

    /// Renders a template, turning a Tera error into a diagnostic.
    pub fn render(&self, template: &str, context: &tera::Context, page: &Path) -> Result<String, Diagnostic> {
        self.tera
            .render(template, context)
            .map_err(|e| template_error(&e, &self.files, Some(page)))
    }

    /// [`Theme::render`] as the bytes the template engine wrote (UTF-8), not
    /// checked again as a string: what a page's file is written from.
    pub fn render_bytes(&self, template: &str, context: &tera::Context, page: &Path) -> Result<Vec<u8>, Diagnostic> {
        let mut bytes = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(template, context, &mut bytes)
            .map_err(|e| template_error(&e, &self.files, Some(page)))?;
        Ok(bytes)
    }
}

fn read_folder(
    config: &Config,
    dir: &Path,
    rel_base: &str,
    sources: &mut BTreeMap<String, (PathBuf, String)>,
    errors: &mut Vec<Diagnostic>,
) -> Result<(), Failure> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Failure::walk(e, dir))?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let shown = display_path(config, &format!("{rel_base}/{rel}"));
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => {
                sources.insert(rel, (shown, text));
            }
            Err(e) => errors.push(Diagnostic::file_error(shown, format!("cannot read the template: {e}"))),
        }
    }
    Ok(())
}

/// Reads `i18n/<code>.toml` of the theme, then of the site (whose keys win).
pub(crate) fn load_strings(
    config: &Config,
    source: &crate::theme_source::ThemeSource,
    errors: &mut Vec<Diagnostic>,
) -> Result<Strings, Failure> {
    let mut strings: Strings = HashMap::new();
    let mut origin: HashMap<String, PathBuf> = HashMap::new();
    for lang in &config.languages {
        let mut merged = BTreeMap::new();
        let mut found = false;
        let theme_rel = format!("i18n/{}.toml", lang.code);
        for from_theme in [true, false] {
            let (shown, bytes) = if from_theme {
                (
                    source.shown(config, &theme_rel),
                    source.read(&theme_rel)?.map(|b| b.into_owned()),
                )
            } else {
                let path = config.root.join(&theme_rel);
                match std::fs::read(&path) {
                    Ok(bytes) => (display_path(config, &theme_rel), Some(bytes)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => (PathBuf::new(), None),
                    Err(e) => return Err(Failure::io("read", &path, e)),
                }
            };
            let Some(bytes) = bytes else { continue };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            found = true;
            match toml::from_str::<BTreeMap<String, Text>>(&text) {
                Ok(map) => merged.extend(map),
                Err(e) => {
                    let (line, col) = e.span().map_or((0, 0), |s| diagnostics::line_col(&text, s.start));
                    errors.push(Diagnostic::error(
                        shown.clone(),
                        line,
                        col,
                        format!(
                            "UI strings must be key = \"text\" lines, or key = {{ one = \"…\", other = \"…\" }} for a text with a number: {}",
                            e.message().trim()
                        ),
                    ));
                }
            }
            origin.insert(lang.code.clone(), shown);
        }
        if !found {
            errors.push(Diagnostic::file_error(
                display_path(config, &format!("themes/{}/i18n/{}.toml", config.theme, lang.code)),
                format!(
                    "the theme has no UI strings for the language \"{}\"; add this file, or i18n/{}.toml in the site",
                    lang.code, lang.code
                ),
            ));
        }
        strings.insert(lang.code.clone(), merged);
    }
    // Every key in every language.
    let all_keys: std::collections::BTreeSet<&String> = strings.values().flat_map(|s| s.keys()).collect();
    for lang in &config.languages {
        let Some(own) = strings.get(&lang.code) else { continue };
        if own.is_empty() && !origin.contains_key(&lang.code) {
            continue;
        }
        for key in &all_keys {
            if !own.contains_key(*key) {
                let file = origin.get(&lang.code).cloned().unwrap_or_default();
                errors.push(Diagnostic::file_error(
                    file,
                    format!("the UI string \"{key}\" has no {} text; add {key} = \"…\"", lang.name),
                ));
            }
        }
    }
    Ok(strings)
}

/// Byte offsets and keys of every `t(key="…")` with a literal key.
fn literal_keys(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("t(key=") {
        let start = from + pos;
        from = start + 6;
        let before_ok = start == 0 || !text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let rest = &text[from..];
        let quote = rest.chars().next();
        if before_ok && let Some(q @ ('"' | '\'')) = quote {
            // Only a whole literal: `t(key="a")`, not `t(key="level_" ~ x)`.
            if let Some(end) = rest[1..].find(q)
                && rest[2 + end..].trim_start().starts_with([')', ','])
            {
                out.push((start, &rest[1..1 + end]));
            }
        }
    }
    out
}

/// See [`Theme::fingerprint`].
fn fingerprint(
    sources: &BTreeMap<String, (PathBuf, String)>,
    strings: &Strings,
    assets: &HashMap<String, String>,
    base_path: &str,
) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let templates: Vec<(&String, &String)> = sources.iter().map(|(name, (_, text))| (name, text)).collect();
    let strings: BTreeMap<&String, &BTreeMap<String, Text>> = strings.iter().collect();
    let assets: BTreeMap<&String, &String> = assets.iter().collect();
    crate::cache::hash_value(&mut h, &(templates, strings, assets, base_path));
    h.digest()
}

pub(crate) fn register_functions(
    tera: &mut Tera,
    strings: Arc<Strings>,
    assets: Arc<HashMap<String, String>>,
    base_path: String,
    qr_codes: Arc<crate::qr::Codes>,
) {
    tera.register_function("t", move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let lang: String = match kwargs.get::<String>("lang")? {
            Some(lang) => lang,
            None => state
                .get::<String>("lang")?
                .ok_or_else(|| tera::Error::message("t(): no lang in the context"))?,
        };
        let n: Option<i64> = kwargs.get("n")?;
        strings
            .get(&lang)
            .and_then(|s| s.get(&key))
            .map(|text| text.form(n))
            .ok_or_else(|| {
                tera::Error::message(format!(
                    "the UI string \"{key}\" has no text in \"{lang}\"; add it to i18n/{lang}.toml"
                ))
            })
    });
    tera.register_function("link", move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        let path: String = kwargs.must_get("path")?;
        if !path.starts_with('/') || path.starts_with("//") {
            return Err(tera::Error::message(format!(
                "link(path=\"{path}\"): the path must be a path of the site, starting with one /"
            )));
        }
        Ok(format!("{base_path}{path}"))
    });
    // A QR code of a text (an address), as inline SVG: a pure function of its arguments.
    tera.register_function("qr_svg", move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        let text: String = kwargs.must_get("text")?;
        let label: String = kwargs.get("label")?.unwrap_or_default();
        let size: u32 = kwargs.get("size")?.unwrap_or(128);
        qr_codes.svg(&text, &label, size).map_err(tera::Error::message)
    });
    tera.register_function("asset", move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
        let path: String = kwargs.must_get("path")?;
        assets.get(path.trim_start_matches('/')).cloned().ok_or_else(|| {
            tera::Error::message(format!(
                "asset(path=\"{path}\"): the theme's static folder has no such file"
            ))
        })
    });
}

/// A Tera error as a diagnostic pointing into the template.
fn template_error(e: &tera::Error, files: &HashMap<String, PathBuf>, page: Option<&Path>) -> Diagnostic {
    let with_page = |d: Diagnostic| match page {
        Some(p) => d.context(crate::keyed!("context-rendering", page = p.display().to_string())),
        None => d,
    };
    let file_of = |name: &str| files.get(name).cloned().unwrap_or_else(|| PathBuf::from(name));
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut message = report.message().to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                message = format!("{message}: {s}");
                source = s.source();
            }
            with_page(Diagnostic::error(
                file_of(report.filename()),
                span.start_line,
                span.start_col + 1,
                message,
            ))
        }
        _ => {
            let mut message = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                message = format!("{message}: {s}");
                source = s.source();
            }
            // Checks made when templates are added come as text reports: "error: …\n --> name:line:col".
            if let Some((first, location)) = parse_report(&message) {
                let (name, line, col) = location;
                return with_page(Diagnostic::error(file_of(name), line, col, first));
            }
            with_page(Diagnostic::file_error(PathBuf::from("templates"), message))
        }
    }
}

/// The first report in a Tera text report: its message and `name:line:col`.
fn parse_report(text: &str) -> Option<(&str, (&str, usize, usize))> {
    let first = text.lines().next()?.strip_prefix("error: ")?;
    let arrow = text.lines().find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = arrow.rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    let name = parts.next()?;
    Some((first, (name, line, col)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_literal_keys() {
        let keys: Vec<&str> =
            literal_keys(r#"{{ t(key="home") }} {{ t(key='next') }} {{ at(key="x") }} {{ t(key="level_" ~ l) }}"#)
                .into_iter()
                .map(|(_, k)| k)
                .collect();
        assert_eq!(keys, vec!["home", "next"]);
    }

    #[test]
    fn plural_forms_pick_one_for_one() {
        let en = Text::Plural {
            one: "{n} case".into(),
            other: "{n} cases".into(),
        };
        assert_eq!(en.form(Some(1)), "1 case");
        assert_eq!(en.form(Some(0)), "0 cases");
        assert_eq!(en.form(Some(3)), "3 cases");
        assert_eq!(en.form(None), "{n} cases");
        let zh = Text::One("{n} 个案例".into());
        assert_eq!(zh.form(Some(1)), "1 个案例");
    }
}
