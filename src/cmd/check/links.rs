//! Internal links, anchors, images and alt text, over the site as it would be
//! published.
//!
//! Steps: first the links and images written in Markdown (and covers), each
//! with its file, line and column: every internal URL must be a file the
//! build writes, every `#fragment` an id in the target page, every image
//! needs alt text unless it is marked decorative. Then every `href`, `src`
//! and Open Graph URL in every rendered page that did not come from Markdown
//! — the templates' links, raw URLs, absolute URLs on the site's own origin:
//! a problem found on many pages is reported once, at the template line that
//! writes the URL where it can be found. Outbound http(s) links are collected
//! for `--external`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::html::Scan;
use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::keyed;
use crate::markdown::Rendered;
use crate::markdown::{DECORATIVE, scheme};
use crate::messages::Keyed;
use crate::output::file_of;
use crate::output::images::Cover;
use crate::site::Site;
use crate::text::percent_decode;

/// The published site as `check` sees it: every file, and what each HTML page holds.
pub type Files = BTreeMap<String, Option<Scan>>;

/// An outbound link and the first place it is written.
#[derive(Debug, Clone)]
pub struct External {
    pub url: String,
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
}

/// What checking the links found.
#[derive(Debug, Default)]
pub struct Found {
    pub diagnostics: Vec<Diagnostic>,
    /// Distinct outbound URLs, in the order first met.
    pub external: Vec<External>,
}

/// Where a URL leads.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Nothing to check: `mailto:`, `tel:`, an empty link.
    Skip,
    External,
    /// A file of the site (`cases/a/index.html`), and the fragment if there is one.
    File(String, Option<String>),
    /// A path on the site that is no file of it.
    Missing,
    /// A path on the site's host outside its base path.
    OutsideBase,
}

/// The lookups every check shares.
pub struct Checker<'a> {
    config: &'a Config,
    library: &'a Library,
    rendered: &'a [Rendered],
    covers: &'a [Option<Cover>],
    files: &'a Files,
    /// `https://host`, lower-cased, without the base path.
    origin: String,
    /// The templates' files and texts, to find where a URL is written.
    templates: Vec<(PathBuf, String)>,
    /// Each doc's site path → the doc (the first, where translations share one).
    by_path: HashMap<&'a str, usize>,
}

impl<'a> Checker<'a> {
    pub fn new(site: &'a Site, files: &'a Files, templates: Vec<(PathBuf, String)>) -> Self {
        let (config, library) = (&site.config, &site.library);
        let mut by_path = HashMap::new();
        for (i, doc) in library.docs.iter().enumerate() {
            by_path.entry(doc.path.as_str()).or_insert(i);
        }
        Checker {
            config,
            library,
            rendered: &site.rendered,
            covers: &site.covers,
            files,
            origin: config.absolute("").to_ascii_lowercase(),
            templates,
            by_path,
        }
    }

    /// Runs every link check.
    pub fn run(&self) -> Found {
        let mut found = Found::default();
        let mut seen_external = HashSet::new();
        self.content(&mut found, &mut seen_external);
        self.pages(&mut found, &mut seen_external);
        found
    }

    // ---- links written in Markdown ----

    fn content(&self, found: &mut Found, seen_external: &mut HashSet<String>) {
        for (d, doc) in self.library.docs.iter().enumerate() {
            let page = self.config.link(&doc.path);
            for link in &self.rendered[d].links {
                let at = |rule, message: Keyed| {
                    Diagnostic::error_keyed(doc.source.clone(), link.line, link.col, message).rule(rule)
                };
                if link.image && link.alt.is_empty() && !link.decorative {
                    found.diagnostics.push(at(
                        "missing-alt",
                        keyed!("check-missing-alt", src = &link.written, decorative = DECORATIVE),
                    ));
                }
                match self.target(&link.url, &page) {
                    Target::External => {
                        if link.image {
                            found.diagnostics.push(remote_image(doc, link));
                        }
                        if seen_external.insert(link.url.clone()) {
                            found.external.push(External {
                                url: link.url.clone(),
                                file: doc.source.clone(),
                                line: link.line,
                                col: link.col,
                            });
                        }
                    }
                    Target::File(file, Some(fragment)) => {
                        if let Some(message) = self.missing_anchor(&link.written, &file, &fragment) {
                            found.diagnostics.push(at("broken-anchor", message));
                        }
                    }
                    Target::Missing | Target::OutsideBase => {
                        let (rule, message) = missing_in_content(&link.written, link.image);
                        found.diagnostics.push(at(rule, message));
                    }
                    Target::Skip | Target::File(_, None) => {}
                }
            }
            if let Some(cover) = self.covers[d].as_ref().map(|c| &c.url)
                && matches!(self.target(cover, &page), Target::Missing | Target::OutsideBase)
            {
                let src = doc.fm.cover.as_ref().map_or(cover.as_str(), |c| c.src.as_str());
                let (rule, message) = missing_in_content(src, true);
                found.diagnostics.push(
                    Diagnostic::error_keyed(
                        doc.source.clone(),
                        doc.fm.cover_line,
                        1,
                        keyed!("cover-problem", problem = message),
                    )
                    .rule(rule),
                );
            }
        }
    }

    // ---- links in the rendered pages ----

    fn pages(&self, found: &mut Found, seen_external: &mut HashSet<String>) {
        // URLs that come from content were checked above, where they are written
        // (WeChat articles write them as absolute URLs).
        let from_content: HashSet<String> = self
            .rendered
            .iter()
            .zip(self.covers)
            .flat_map(|(rendered, cover)| {
                rendered
                    .links
                    .iter()
                    .flat_map(|l| [l.url.clone(), self.config.absolute(&l.url)])
                    .chain(cover.iter().flat_map(|c| [c.url.clone(), self.config.absolute(&c.url)]))
            })
            .map(|u| percent_decode(&u))
            .collect();
        // (rule, message) → the pages it happens on, and the URL as written.
        let mut problems: BTreeMap<(&'static str, Keyed), (String, BTreeSet<String>)> = BTreeMap::new();
        let mut external: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (file, scan) in self.files {
            let Some(scan) = scan else { continue };
            let page = self.config.link(&site_path(file));
            let mut problem = |rule, message: Keyed, url: &str| {
                problems
                    .entry((rule, message))
                    .or_insert_with(|| (url.to_string(), BTreeSet::new()))
                    .1
                    .insert(file.clone());
            };
            for r in &scan.refs {
                if from_content.contains(&percent_decode(&r.url)) {
                    continue;
                }
                match self.target(&r.url, &page) {
                    Target::External => {
                        external.entry(r.url.clone()).or_default().insert(file.clone());
                    }
                    Target::File(target, Some(fragment)) => {
                        if let Some(message) = self.missing_anchor(&r.url, &target, &fragment) {
                            problem("broken-anchor", message, &r.url);
                        }
                    }
                    Target::Missing if self.menu_entry(&r.url).is_some() => {
                        problem(
                            "broken-link",
                            keyed!("check-menu-missing", url = r.url.as_str()),
                            &r.url,
                        );
                    }
                    Target::Missing => {
                        let (rule, message) = missing(&r.url, r.image);
                        problem(rule, message, &r.url);
                    }
                    Target::OutsideBase => {
                        let (rule, _) = missing(&r.url, r.image);
                        let inside = format!("/{}", r.url.trim_start_matches('/'));
                        let message = keyed!(
                            "check-outside-base",
                            url = r.url.as_str(),
                            image = if r.image { "yes" } else { "no" },
                            base = self.config.base_path.as_str(),
                            inside = inside
                        );
                        problem(rule, message, &r.url);
                    }
                    Target::Skip | Target::File(_, None) => {}
                }
            }
            for src in &scan.images_without_alt {
                problem("missing-alt", keyed!("check-template-no-alt", src = src.as_str()), src);
            }
        }
        for ((rule, message), (url, pages)) in problems {
            let (file, line, col) = self.locate(&url, &pages);
            found.diagnostics.push(
                Diagnostic::error_keyed(file, line, col, message)
                    .rule(rule)
                    .context(on_pages(&pages)),
            );
        }
        for (url, pages) in external {
            if seen_external.insert(url.clone()) {
                let (file, line, col) = self.locate(&url, &pages);
                found.external.push(External { url, file, line, col });
            }
        }
    }

    /// Where a URL found in rendered pages is written: the template line that has it
    /// literally, or else the content file of the first page, or else the templates folder.
    fn locate(&self, url: &str, pages: &BTreeSet<String>) -> (PathBuf, usize, usize) {
        if let Some(entry) = self.menu_entry(url) {
            let site_toml = crate::content::display_path(self.config, crate::config::CONFIG_FILE);
            return (site_toml, entry.line, entry.col);
        }
        let without_base = url.strip_prefix(&self.config.base_path).filter(|u| u.starts_with('/'));
        for (file, text) in &self.templates {
            for needle in std::iter::once(url).chain(without_base) {
                if let Some(offset) = find_attribute_value(text, needle) {
                    let (line, col) = crate::diagnostics::line_col(text, offset);
                    return (file.clone(), line, col);
                }
            }
        }
        let owner = pages.iter().find_map(|p| self.owner(p));
        match owner {
            Some(doc) => (self.library.docs[doc].source.clone(), 0, 0),
            None => (
                crate::content::display_path(self.config, &format!("themes/{}/templates", self.config.theme)),
                0,
                0,
            ),
        }
    }

    /// The `[[menu]]` entry that writes a link (in some language), if one does.
    fn menu_entry(&self, url: &str) -> Option<&'a crate::config::menu::MenuEntry> {
        self.config.menu.iter().find(|entry| {
            self.config
                .languages
                .iter()
                .filter_map(|l| entry.path(&l.url_prefix))
                .any(|path| self.config.link(&path) == url)
        })
    }

    /// The doc whose page (or list page) a file is.
    fn owner(&self, file: &str) -> Option<usize> {
        let mut path = site_path(file);
        // A later page of a list belongs to its section: /cases/page/3/ → /cases/.
        if let Some((list, number)) = path.trim_end_matches('/').rsplit_once("/page/")
            && number.bytes().all(|b| b.is_ascii_digit())
        {
            path = format!("{list}/");
        }
        self.by_path.get(path.as_str()).copied()
    }

    // ---- resolving ----

    /// Where a URL written on the page at `page` (a link, with the base path) leads.
    fn target(&self, url: &str, page: &str) -> Target {
        let url = url.trim();
        if url.is_empty() {
            return Target::Skip;
        }
        let (before_fragment, fragment) = match url.split_once('#') {
            Some((u, f)) => (u, Some(f)),
            None => (url, None),
        };
        let path: String = if let Some(scheme) = scheme(url) {
            if scheme != "http" && scheme != "https" {
                return Target::Skip;
            }
            match self.on_site(before_fragment) {
                Some(path) => path,
                None => return Target::External,
            }
        } else if let Some(rest) = before_fragment.strip_prefix("//") {
            let scheme = self.origin.split("://").next().unwrap_or("https");
            match self.on_site(&format!("{scheme}://{rest}")) {
                Some(path) => path,
                None => return Target::External,
            }
        } else if before_fragment.is_empty() {
            page.to_string()
        } else if before_fragment.starts_with('/') {
            before_fragment.to_string()
        } else {
            format!("{}{before_fragment}", &page[..page.rfind('/').map_or(0, |i| i + 1)])
        };
        let path = path.split('?').next().unwrap_or("");
        let path = normalise(&percent_decode(path));
        let base = &self.config.base_path;
        let inside = if base.is_empty() {
            Some(path.as_str())
        } else if path == *base {
            Some("/")
        } else {
            path.strip_prefix(base.as_str()).filter(|p| p.starts_with('/'))
        };
        let Some(site_path) = inside else {
            return Target::OutsideBase;
        };
        let file = file_of(site_path);
        let fragment = fragment.map(percent_decode);
        if self.files.contains_key(&file) {
            return Target::File(file, fragment);
        }
        // Servers answer /a with /a/ when a/index.html exists.
        let folder = format!("{}/index.html", file.trim_end_matches('/'));
        if !site_path.ends_with('/') && self.files.contains_key(&folder) {
            return Target::File(folder, fragment);
        }
        Target::Missing
    }

    /// The path of an absolute URL on the site's own origin.
    fn on_site(&self, url: &str) -> Option<String> {
        let origin = &self.origin;
        let head = url.get(..origin.len())?;
        if !head.eq_ignore_ascii_case(origin) {
            return None;
        }
        let rest = &url[origin.len()..];
        match rest.chars().next() {
            None => Some("/".into()),
            Some('/') => Some(rest.to_string()),
            Some('?') => Some(format!("/{rest}")),
            _ => None,
        }
    }

    /// The message when the page `file` has no id `fragment`.
    fn missing_anchor(&self, url: &str, file: &str, fragment: &str) -> Option<Keyed> {
        if fragment.is_empty() || fragment == "top" || fragment.starts_with(":~:") {
            return None;
        }
        let scan = self.files.get(file)?.as_ref()?;
        if scan.ids.contains(fragment) {
            return None;
        }
        Some(match did_you_mean(fragment, scan.ids.iter().map(String::as_str)) {
            Some(id) => keyed!("check-anchor-like", url = url, fragment = fragment, like = id),
            None => match scan.ids.len() {
                0 => keyed!("check-anchor-no-ids", url = url, fragment = fragment),
                n if n <= 12 => {
                    let mut ids: Vec<&str> = scan.ids.iter().map(String::as_str).collect();
                    ids.sort_unstable();
                    keyed!("check-anchor-ids", url = url, fragment = fragment, ids = ids.join(", "))
                }
                _ => keyed!("check-anchor-many", url = url, fragment = fragment),
            },
        })
    }
}

/// The rule and message of a URL written in Markdown that leads to no file of the site.
fn missing_in_content(url: &str, image: bool) -> (&'static str, Keyed) {
    if image {
        ("missing-image", keyed!("check-missing-image", url = url))
    } else {
        ("broken-link", keyed!("check-missing-page", url = url))
    }
}

/// The rule and message of a URL in a rendered page that leads to no file of the site.
fn missing(url: &str, image: bool) -> (&'static str, Keyed) {
    if image {
        ("missing-image", keyed!("check-template-missing-image", url = url))
    } else {
        ("broken-link", keyed!("check-template-missing-page", url = url))
    }
}

/// The site path of a published file: `cases/a/index.html` → `/cases/a/`.
fn site_path(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => format!("/{folder}"),
        _ => format!("/{file}"),
    }
}

/// Resolves `.` and `..` segments of a URL path.
fn normalise(path: &str) -> String {
    if !path.split('/').any(|s| s == "." || s == "..") {
        return path.to_string();
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/').skip(1) {
        match part {
            "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if (path.ends_with("/.") || path.ends_with("/..")) && !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// "on /cases/a/" or "on /cases/a/ and 3 other pages".
fn on_pages(pages: &BTreeSet<String>) -> Keyed {
    let first = pages.iter().next().map(|f| site_path(f)).unwrap_or_default();
    keyed!("check-on-pages", first = first, others = pages.len().saturating_sub(1))
}

/// The offset of `needle` written as a whole attribute value in a template.
fn find_attribute_value(text: &str, needle: &str) -> Option<usize> {
    text.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        matches!(before, Some('"' | '\'' | '=')) && matches!(after, Some('"' | '\'' | ' ' | '>') | None)
    })
}

/// Template files and their texts, for [`Checker::locate`]; unreadable ones are left out.
pub fn template_texts(files: &HashMap<String, PathBuf>) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = files
        .values()
        .filter_map(|path| Some((path.clone(), crate::theme_source::read_shown(Path::new(path))?)))
        .collect();
    out.sort();
    out
}

/// An image of the text loaded from another site: not measured, copied or
/// stripped here, and the reader's browser asks that site for it.
fn remote_image(doc: &crate::content::Doc, link: &crate::markdown::DocLink) -> Diagnostic {
    Diagnostic::warning_keyed(
        doc.source.clone(),
        link.line,
        link.col,
        "remote-image",
        keyed!("check-remote-image", src = link.written.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_of_files() {
        assert_eq!(site_path("index.html"), "/");
        assert_eq!(site_path("en/cases/a/index.html"), "/en/cases/a/");
        assert_eq!(site_path("404.html"), "/404.html");
        assert_eq!(site_path("feed.xml"), "/feed.xml");
    }

    #[test]
    fn dots_are_resolved() {
        assert_eq!(normalise("/a/b/../c/"), "/a/c/");
        assert_eq!(normalise("/a/./b"), "/a/b");
        assert_eq!(normalise("/a/b/.."), "/a/");
        assert_eq!(normalise("/../x"), "/x");
    }

    #[test]
    fn attribute_values_are_found_whole() {
        let text = "<a href=\"/cases/ab/\">\n<a href=\"/cases/a/\">";
        assert_eq!(find_attribute_value(text, "/cases/a/"), Some(31));
        assert_eq!(find_attribute_value(text, "/cases/"), None);
    }

    #[test]
    fn pages_are_counted() {
        let pages: BTreeSet<String> = ["a/index.html", "b/index.html", "c/index.html"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(on_pages(&pages).english(), "on /a/ and 2 other pages");
        let zh = crate::messages::Messages::new(crate::messages::Lang::Zh);
        assert_eq!(on_pages(&pages).text(&zh), "在 /a/ 及另外 2 个页面");
        let two: BTreeSet<String> = pages.iter().take(2).cloned().collect();
        assert_eq!(on_pages(&two).english(), "on /a/ and 1 other page");
        let one: BTreeSet<String> = pages.iter().take(1).cloned().collect();
        assert_eq!(on_pages(&one).english(), "on /a/");
        assert_eq!(on_pages(&one).text(&zh), "在 /a/");
    }
}
