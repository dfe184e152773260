//! The Markdown stage: every doc's body rendered, or taken from a cache, into
//! the site's table of rendered Markdown; and every doc's cover link resolved.
//!
//! A build takes what it can from `.showcase-cache/markdown/` (see
//! [`crate::markdown::cache`]) and saves the table there for the next build;
//! `serve` takes it from the site it built before ([`Cache::kept`]). Either
//! way an entry is used only under the same key (all that rendering reads of
//! the doc and the config) and when every link in it still goes where it went.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::Diagnostic;
pub use crate::markdown::cache::Cache;
use crate::markdown::highlight::Highlighter;
use crate::markdown::{self, Links, Rendered};

/// What the stage made.
pub struct Stage {
    /// Each doc's rendered Markdown, indexed like the library's docs.
    pub rendered: Vec<Rendered>,
    /// Each doc's cover link, where it has a cover that resolves.
    pub cover_links: Vec<Option<String>>,
    /// Broken links and images, and covers that do not resolve.
    pub problems: Vec<Diagnostic>,
    pub record: Record,
}

/// What the cache keeps of a build: each doc's key (`None` for a doc with
/// problems: the next build reports them again), whether anything changed,
/// and how many docs were rendered rather than taken from the cache.
pub struct Record {
    cache: Cache,
    keys: Vec<Option<u128>>,
    changed: bool,
    pub rendered: usize,
}

impl Cache {
    /// A cache of what `site` rendered, for the next build of the same site.
    pub fn kept(site: &crate::site::Site) -> Cache {
        let entries: HashMap<u128, Rendered> = site
            .markdown
            .keys
            .iter()
            .zip(&site.rendered)
            .filter_map(|(key, rendered)| Some(((*key)?, rendered.clone())))
            .collect();
        Cache::from_entries(entries)
    }
}

/// Renders every doc's Markdown in parallel (or takes it from the cache) and
/// resolves the cover links.
pub fn render(
    config: &Config,
    library: &Library,
    highlighter: &Highlighter,
    cache: Cache,
    pictures: &crate::output::pictures::Pictures,
) -> Stage {
    let (shortcodes, shortcode_problems) = crate::markdown::shortcodes::Shortcodes::load(config);
    let links = Links::new(config, library, highlighter)
        .with_shortcodes(&shortcodes)
        .with_pictures(pictures);
    // Each doc: its key, whether it was rendered afresh, its entry, its problems and cover.
    type Made = (
        u128,
        bool,
        Rendered,
        Vec<Diagnostic>,
        Result<Option<String>, Diagnostic>,
    );
    let made: Vec<Made> = library
        .docs
        .par_iter()
        .map(|doc| {
            let cover = match &doc.fm.cover {
                Some(cover) => markdown::resolve_url(&cover.src, doc, &links).map(Some).map_err(|m| {
                    Diagnostic::error_keyed(
                        doc.source.clone(),
                        doc.fm.cover_line,
                        1,
                        crate::keyed!("cover-problem", problem = m.keyed(markdown::Shown::Image)),
                    )
                    .rule(markdown::url_rule(&cover.src, "missing-image"))
                }),
                None => Ok(None),
            };
            let key = shortcodes.key(cache.key(config, doc), doc, library);
            if let Some(entry) = cache.take(key, doc, &links) {
                highlighter.reuse(&entry.blocks, &entry.classes);
                return (key, false, entry, Vec::new(), cover);
            }
            let (rendered, problems) = markdown::render(doc, &links);
            (key, true, rendered, problems, cover)
        })
        .collect();
    // The bodies of files whose front matter failed: only their problems.
    let unparsed: Vec<Diagnostic> = library
        .unparsed
        .par_iter()
        .filter_map(|file| file.doc.as_ref())
        .flat_map_iter(|doc| markdown::render(doc, &links).1)
        .collect();
    let changed = cache.left() > 0;
    cache.forget();
    let mut record = Record {
        cache,
        keys: Vec::with_capacity(made.len()),
        changed,
        rendered: 0,
    };
    let mut rendered_table = Vec::with_capacity(made.len());
    let mut cover_links = Vec::with_capacity(made.len());
    let mut problems_all = unparsed;
    problems_all.extend(shortcode_problems);
    for (key, fresh, rendered, mut problems, cover) in made {
        record.changed |= fresh;
        record.rendered += usize::from(fresh);
        record.keys.push(problems.is_empty().then_some(key));
        problems_all.append(&mut problems);
        match cover {
            Ok(link) => cover_links.push(link),
            Err(e) => {
                problems_all.push(e);
                cover_links.push(None);
            }
        }
        rendered_table.push(rendered);
    }
    Stage {
        rendered: rendered_table,
        cover_links,
        problems: problems_all,
        record,
    }
}

impl Record {
    /// Saves the docs' rendered Markdown for the next build, if it is not already there.
    pub fn save(&self, rendered: &[Rendered]) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        self.cache.save(
            self.keys
                .iter()
                .zip(rendered)
                .filter_map(|(key, rendered)| Some(((*key)?, rendered))),
        )
    }
}
