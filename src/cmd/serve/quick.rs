//! Rebuilding after an edit to the text of pages alone, in milliseconds.
//!
//! When every changed file is a page the site has already and its front
//! matter is as it was, only its body changed. The body shows on the page
//! itself and on the pages that stand in for it in other languages
//! (fallbacks), and its hash decides whether its translations are stale, so
//! those pages are rendered again. Lists, cards, term pages, the catalogue,
//! feeds and the sitemap show front matter and the summary only, so they stay
//! as they are — unless the summary is the body's first paragraph and that
//! changed. The search index holds the text too: it is rebuilt on another
//! thread once the sources are quiet, and laid over the site with
//! [`search_changes`]. Anything else (a new, deleted or renamed file,
//! front matter, a section's text, templates, site.toml, static files) takes
//! a full rebuild.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path};

use super::watch::Change;
use crate::cmd::build::Site;
use crate::content::{CONTENT_DIR, DocKind};
use crate::diagnostics::{self, Diagnostic};
use crate::markdown::{self, Links};
use crate::output::Sink;
use crate::output::memory::{Layers, Memory};
use crate::render::{Job, Renderer};
use crate::search;

/// Files to lay over the site served: new contents, or `None` for removed.
pub type Changes = HashMap<String, Option<Vec<u8>>>;

/// What a quick rebuild gave.
#[derive(Debug)]
pub enum Quick {
    /// The change needs a full rebuild.
    Full,
    /// The changed files have errors; the site is as it was.
    Failed(Vec<Diagnostic>),
    /// The pages rendered again, and the languages whose search index is out of date.
    Done { files: Changes, search: BTreeSet<usize> },
}

/// Renders again what a change to page bodies shows on, updating `site`;
/// [`Quick::Full`] when the change is more than that.
pub fn rebuild(site: &mut Site, change: &Change) -> Quick {
    if change.rescan || change.paths.is_empty() {
        return Quick::Full;
    }
    let mut changed = Vec::new();
    for path in &change.paths {
        let Some(rel) = content_rel(path) else {
            return Quick::Full;
        };
        let Some(index) = site.library.docs.iter().position(|d| d.rel == rel) else {
            return Quick::Full;
        };
        if site.library.docs[index].kind != DocKind::Page || !site.config.root.join(path).is_file() {
            return Quick::Full;
        }
        changed.push(index);
    }

    // Read and render every changed page before the site is touched.
    let mut fresh = Vec::new();
    let mut errors = Vec::new();
    {
        let links = Links::new(&site.config, &site.library, &site.highlighter);
        for &index in &changed {
            let old = &site.library.docs[index];
            let mut doc = match site.library.reread(&site.config, index) {
                Ok(doc) => doc,
                Err(mut problems) => {
                    errors.append(&mut problems);
                    continue;
                }
            };
            if doc.yaml != old.yaml || doc.body_line != old.body_line {
                return Quick::Full;
            }
            doc.path = old.path.clone();
            doc.parent = old.parent;
            doc.fallbacks = old.fallbacks.clone();
            doc.cover_url = old.cover_url.clone();
            doc.cover_size = old.cover_size.clone();
            let mut out = markdown::render(&doc, &links);
            errors.append(&mut out.problems);
            doc.html = out.html;
            doc.lead = out.lead;
            doc.text = out.text;
            doc.anchors = out.anchors;
            doc.links = out.links;
            // The summary shows in lists, cards and feeds all over the site.
            if doc.summary() != old.summary() {
                return Quick::Full;
            }
            fresh.push((index, doc));
        }
    }
    if !errors.is_empty() {
        diagnostics::sort(&mut errors);
        return Quick::Failed(errors);
    }

    let mut jobs: Vec<Job> = Vec::new();
    let mut search = BTreeSet::new();
    for (index, doc) in fresh {
        search.insert(doc.lang);
        jobs.push(Job::Page(index));
        for (lang, fallback) in doc.fallbacks.iter().enumerate() {
            if fallback.is_some() {
                jobs.push(Job::Fallback { doc: index, lang });
                search.insert(lang);
            }
        }
        // A translation says whether its original changed since it was made.
        if let Some(versions) = site.library.translations.get(&doc.key) {
            jobs.extend(
                versions
                    .iter()
                    .flatten()
                    .filter(|&&t| t != index)
                    .map(|&t| Job::Page(t)),
            );
        }
        site.library.docs[index] = doc;
    }
    let renderer = Renderer::new(&site.config, &site.library, &site.catalogue, &site.theme);
    let memory = Memory::default();
    let mut done = BTreeSet::new();
    for job in jobs {
        let out = match renderer.render(job) {
            Ok(out) => out,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if done.insert(out.path.clone()) {
            // Memory keeps everything; it cannot fail.
            let _ = memory.write(&out.path, out.text.as_bytes());
        }
    }
    if !errors.is_empty() {
        diagnostics::sort(&mut errors);
        return Quick::Failed(errors);
    }
    Quick::Done {
        files: memory.into_files().into_iter().map(|(k, v)| (k, Some(v))).collect(),
        search,
    }
}

/// The search index of some languages, built again: the new files, and the old
/// shards and fragments (in `served`) that are gone.
pub fn search_changes(indexes: &[(String, Vec<search::IndexFile>)], served: &Layers) -> Changes {
    let mut changes = Changes::new();
    for (base, files) in indexes {
        let memory = Memory::default();
        for file in files {
            // Memory keeps everything; it cannot fail.
            let _ = memory.write(&file.path, &file.bytes);
        }
        let fresh = memory.into_files();
        let folder = base.trim_start_matches('/');
        for old in [format!("{folder}s/"), format!("{folder}f/")]
            .iter()
            .flat_map(|prefix| served.keys_under(prefix))
        {
            if !fresh.contains_key(&old) {
                changes.insert(old, None);
            }
        }
        changes.extend(fresh.into_iter().map(|(k, v)| (k, Some(v))));
    }
    changes
}

/// `content/cases/a.md` → `cases/a.md`; `None` for anything but a Markdown file in content/.
fn content_rel(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    let mut components = path.components();
    if components.next() != Some(Component::Normal(CONTENT_DIR.as_ref())) {
        return None;
    }
    for component in components {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            _ => return None,
        }
    }
    let rel = parts.join("/");
    rel.ends_with(".md").then_some(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_markdown_in_content_can_be_quick() {
        assert_eq!(
            content_rel(Path::new("content/cases/a.md")).as_deref(),
            Some("cases/a.md")
        );
        assert_eq!(content_rel(Path::new("content/a.en.md")).as_deref(), Some("a.en.md"));
        assert_eq!(content_rel(Path::new("content/cases/photo.png")), None);
        assert_eq!(content_rel(Path::new("content")), None);
        assert_eq!(content_rel(Path::new("templates/page.html")), None);
        assert_eq!(content_rel(Path::new("site.toml")), None);
        assert_eq!(content_rel(Path::new("content/../x.md")), None);
    }
}
