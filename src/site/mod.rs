//! A site, built in stages and never changed after: what `build`, `check`
//! and `serve` share.
//!
//! Each stage is a function of the stages before it, with a table of its own:
//! the config (site.toml); the library of sources (front matter and text,
//! linked into translations, sections and addresses; nothing rendered); the
//! rendered Markdown, one entry per doc ([`markdown`]); the covers, one entry
//! per doc, with their smaller copies; the assets and the theme; the catalogue
//! (taxonomies, related cases, targets). Then [`produce`] plans every file the
//! site has as a job with a key and renders into a sink the jobs whose key
//! changed: `build` into a staging folder swapped in at the end, `check` into
//! a collector, `serve` into memory over the site it serves. A build lets go
//! of what it no longer needs as it goes ([`Site::forget_sources`],
//! [`Site::forget_pages`]); nothing else changes a site once it is loaded.

pub mod ledger;
pub mod markdown;
pub mod produce;
pub mod profile;
pub mod rebuild;
pub mod unchanged;

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::content::taxonomy::Catalogue;
use crate::content::{Library, LoadOptions};
use crate::diagnostics::{self, Diagnostic, Failure};
use crate::markdown::Rendered;
use crate::markdown::highlight::Highlighter;
use crate::output::assets::Assets;
use crate::output::images::{self, Cover, Resizes};
use crate::output::pictures::Pictures;
use crate::render::{Renderer, Sources};
use crate::templates::Theme;
pub use produce::{Keys, Pages, Produced, Record, Replaced, produce, produce_pages, produce_rest};
pub use profile::Stages;

/// The site's folders that hold sources (besides site.toml and the address
/// ledger): what `serve` watches and what a build compares with the last one's.
pub const SOURCE_FOLDERS: [&str; 6] = ["content", "themes", "templates", "static", "i18n", "archetypes"];

/// Where a site comes from and what of it to read.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The folder with site.toml.
    pub root: &'a Path,
    /// Replaces site.toml's base URL.
    pub base_url: Option<&'a str>,
    /// Read pages marked `draft: true` too.
    pub drafts: bool,
    /// Read pages dated after today too (`build --future`, `serve`).
    pub future: bool,
    /// Read pages whose `expires:` day has passed too (`serve`).
    pub expired: bool,
}

/// A site read and ready to render.
pub struct Site {
    pub config: Config,
    pub library: Library,
    /// Each doc's rendered Markdown, indexed like `library.docs`.
    pub rendered: Vec<Rendered>,
    /// Each doc's cover image, indexed like `library.docs`.
    pub covers: Vec<Option<Cover>>,
    /// Smaller copies of the covers: site path and bytes.
    pub images: Vec<(String, Vec<u8>)>,
    /// The covers resized, for the next build of the site in this process.
    pub resized: Resizes,
    pub assets: Assets,
    pub theme: Theme,
    pub catalogue: Arc<Catalogue>,
    /// A hash of what the catalogue was built from (see [`Catalogue::build_over`]).
    catalogue_inputs: u64,
    /// Kept to save its cache after a build.
    pub highlighter: Highlighter,
    /// What the Markdown stage keeps for the next build (see [`markdown::Record`]).
    pub markdown: markdown::Record,
    /// The images of the text, measured, and every image published, stripped.
    pub pictures: Pictures,
}

impl Site {
    /// The renderer of this site's jobs.
    pub fn renderer(&self) -> Renderer<'_> {
        Renderer::new(Sources {
            config: &self.config,
            library: &self.library,
            rendered: &self.rendered,
            covers: &self.covers,
            catalogue: &self.catalogue,
            theme: &self.theme,
        })
    }

    /// Lets go of the Markdown sources, which only `check`'s editorial rules
    /// read once the Markdown is rendered: a build's peak memory.
    pub fn forget_sources(&mut self) {
        for doc in &mut self.library.docs {
            doc.body = String::new();
            doc.yaml = String::new();
        }
    }

    /// Lets go of the rendered HTML once every page is written (the search
    /// index reads the plain text, which is kept).
    pub fn forget_pages(&mut self) {
        for rendered in &mut self.rendered {
            rendered.html = crate::packed::Packed::default();
        }
    }
}

/// What a stage may take from the site built before this one (`serve` keeps
/// it between rebuilds); `None` for a build from scratch, which reads the
/// caches in `.showcase-cache/` instead.
pub type Previous<'a> = Option<&'a Site>;

/// Reads the config, the content and the theme, and renders the Markdown.
///
/// Problems in the Markdown of single pages (a broken link) and in the front
/// matter of single files come back beside the site, because rendering can go
/// on without them (a file whose front matter fails is left out of the site,
/// its body's links still checked): `build` stops on them, `check` goes on to
/// find more. Any other problem stops here. When the theme
/// has problems too, both are reported together.
pub fn load(
    source: &Source<'_>,
    previous: Previous<'_>,
    stages: &mut Stages,
) -> Result<(Site, Vec<Diagnostic>), Failure> {
    let config = Config::load(source.root, source.base_url)?;
    // Today is read once, here, for every stage of the run.
    let options = LoadOptions {
        drafts: source.drafts,
        today: Some(crate::content::schedule::today(&config)?),
        future: source.future,
        expired: source.expired,
    };
    // The Markdown cache is read on a thread of its own while the content is.
    let (library, markdown_cache) = std::thread::scope(|scope| {
        let cache = scope.spawn(|| match previous {
            Some(site) => markdown::Cache::kept(site),
            None => markdown::Cache::load(Some(&config.root)),
        });
        // Docs are taken from the site built before only under the same config.
        let kept = previous
            .map(|site| &site.library)
            .filter(|_| previous.is_some_and(|p| p.config == config));
        let library = Library::load_partial(&config, options, kept);
        let cache = cache.join().unwrap_or_else(|_| markdown::Cache::load(None));
        (library, cache)
    });
    // Files whose front matter failed are reported with what the later stages find.
    let (library, unparsed_problems) = library?;
    stages.mark("content");
    let highlighter = Highlighter::new(&config.highlight_theme, Some(&config.root));
    // Images of the text measured before are taken from the site built before, or the cache.
    let pictures = Pictures::over(&config.root, previous.map(|site| &site.pictures));
    let markdown = markdown::render(&config, &library, &highlighter, markdown_cache, &pictures);
    stages.mark("markdown");
    let mut problems = markdown.problems;
    problems.extend(unparsed_problems);
    // Covers resized before are taken only under the same config (their links hold the base path).
    let resized = previous
        .filter(|p| p.config == config)
        .map(|site| (&site.resized, site.library.read_at));
    let (covers, images, resized) = match images::prepare(&config, &library, markdown.cover_links, resized, &pictures) {
        Ok(made) => made,
        Err(mut errors) => {
            problems.append(&mut errors);
            (vec![None; library.docs.len()], Vec::new(), Resizes::new())
        }
    };
    diagnostics::sort(&mut problems);
    stages.mark("covers");
    let assets = Assets::collect(&config, &highlighter)?;
    let theme = match Theme::load(&config, Arc::new(assets.links.clone())) {
        Ok(theme) => theme,
        Err(Failure::Content(mut errors)) => {
            errors.extend(problems);
            diagnostics::sort(&mut errors);
            return Err(Failure::Content(errors));
        }
        Err(other) => return Err(other),
    };
    stages.mark("assets, theme");
    // The catalogue built before is taken only under the same config.
    let built_before = previous
        .filter(|p| p.config == config)
        .map(|p| (&p.catalogue, p.catalogue_inputs));
    let (catalogue, catalogue_inputs) = Catalogue::build_over(&config, &library, built_before);
    stages.mark("catalogue");
    Ok((
        Site {
            config,
            library,
            rendered: markdown.rendered,
            covers,
            images,
            resized,
            assets,
            theme,
            catalogue,
            catalogue_inputs,
            highlighter,
            markdown: markdown.record,
            pictures,
        },
        problems,
    ))
}
