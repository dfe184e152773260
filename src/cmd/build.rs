//! `showcase build`: the whole pipeline, from site.toml to a published folder.
//!
//! Steps ([`load`]): read the config and the content; render Markdown in
//! parallel; load the theme; stop here if anything was wrong (nothing is
//! written). Then ([`produce`]) render every job in parallel straight into a
//! sink — for `build` a staging folder — add the feeds, the sitemap,
//! robots.txt, the search index and the assets, and swap the staging folder
//! in. `showcase
//! check` runs the same two steps with a sink that writes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::BuildArgs;
use crate::config::Config;
use crate::content::taxonomy::Catalogue;
use crate::content::translation;
use crate::content::{Library, LoadOptions, Packed};
use crate::diagnostics::{self, Diagnostic, Failure};
use crate::markdown::highlight::{self, Highlighter};
use crate::markdown::{self, Links};
use crate::output::assets::Assets;
use crate::output::{Sink, Staging, feed, images, sitemap};
use crate::render::Renderer;
use crate::search;
use crate::templates::Theme;

/// What a build made, for the summary line.
#[derive(Debug)]
pub struct Summary {
    /// Language code → pages written.
    pub pages: Vec<(String, usize)>,
    pub files: usize,
    pub output: PathBuf,
    pub seconds: f64,
    /// Per language other than the default: code, pages with no translation, stale translations.
    pub translations: Vec<(String, usize, usize)>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pages: Vec<String> = self.pages.iter().map(|(code, n)| format!("{code} {n}")).collect();
        write!(
            f,
            "showcase: built {} pages ({}) and {} other files into {} in {:.2} s",
            self.pages.iter().map(|(_, n)| n).sum::<usize>(),
            pages.join(", "),
            self.files,
            self.output.display(),
            self.seconds
        )?;
        let behind: Vec<String> = self
            .translations
            .iter()
            .filter(|(_, missing, stale)| missing + stale > 0)
            .map(|(code, missing, stale)| format!("{code} {missing} missing, {stale} stale"))
            .collect();
        if !behind.is_empty() {
            write!(f, "; translations: {}", behind.join("; "))?;
        }
        Ok(())
    }
}

pub fn run(args: &BuildArgs) -> Result<Summary, Failure> {
    let started = Instant::now();
    let mut stages = Stages::new(started);
    let (mut site, problems) = load(&Source {
        root: &args.root,
        base_url: args.base_url.as_deref(),
        drafts: args.drafts,
    })?;
    if !problems.is_empty() {
        return Err(Failure::Content(problems));
    }
    // The Markdown is rendered: its source is only needed by check's editorial rules.
    for doc in &mut site.library.docs {
        doc.body = String::new();
        doc.yaml = String::new();
    }
    stages.mark("read content, markdown, theme, catalogue");
    let renderer = Renderer::new(&site.config, &site.library, &site.catalogue, &site.theme);
    let output = args.output.clone().unwrap_or_else(|| site.config.root.join("public"));
    let staging = Staging::new(&output, &site.config.root)?;
    let pages = produce_pages(&site, &renderer, &staging, &mut stages)?;
    drop(renderer);
    // The pages are written: their HTML is not needed for the rest.
    for doc in &mut site.library.docs {
        doc.html = crate::content::Packed::default();
    }
    let produced = produce_rest(&site, &staging, pages, &mut stages)?;
    staging.commit()?;
    stages.mark("swap");
    // The cache only saves time: a build that cannot write it still succeeded.
    let saved = site.highlighter.save().and_then(|()| {
        produced
            .search_records
            .iter()
            .try_for_each(|(path, record)| record.save(path))
    });
    if let Err(e) = saved {
        eprintln!("showcase: the cache in {} was not saved: {e}", highlight::CACHE_DIR);
    }
    stages.report();

    Ok(Summary {
        pages: site
            .config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .zip(produced.pages)
            .collect(),
        files: produced.files,
        output,
        seconds: started.elapsed().as_secs_f64(),
        translations: translation::status(&site.config, &site.library)
            .languages
            .into_iter()
            .map(|l| (l.lang, l.totals.missing, l.totals.stale))
            .collect(),
    })
}

/// Where a site comes from and what of it to read.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The folder with site.toml.
    pub root: &'a Path,
    /// Replaces site.toml's base URL.
    pub base_url: Option<&'a str>,
    /// Read pages marked `draft: true` too.
    pub drafts: bool,
}

/// A site read and ready to render.
pub struct Site {
    pub config: Config,
    pub library: Library,
    pub catalogue: Catalogue,
    pub assets: Assets,
    pub theme: Theme,
    /// Kept to save its cache after a build.
    pub highlighter: Highlighter,
    /// Smaller copies of the covers: site path and bytes.
    pub images: Vec<(String, Vec<u8>)>,
}

/// Reads the config, the content and the theme, and renders the Markdown.
///
/// Problems in the Markdown of single pages (a broken link) come back beside
/// the site, because rendering can go on without them: `build` stops on them,
/// `check` goes on to find more. Any other problem stops here. When the theme
/// has problems too, both are reported together.
pub fn load(source: &Source<'_>) -> Result<(Site, Vec<Diagnostic>), Failure> {
    let config = Config::load(source.root, source.base_url)?;
    let mut library = Library::load(&config, LoadOptions { drafts: source.drafts })?;
    let highlighter = Highlighter::new(&config.highlight_theme, Some(&config.root));
    let mut problems = match render_markdown(&config, &mut library, &highlighter) {
        Ok(()) => Vec::new(),
        Err(problems) => problems,
    };
    let images = match images::prepare(&config, &mut library) {
        Ok(images) => images,
        Err(mut errors) => {
            problems.append(&mut errors);
            diagnostics::sort(&mut problems);
            Vec::new()
        }
    };
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
    let catalogue = Catalogue::build(&config, &library);
    Ok((
        Site {
            config,
            library,
            catalogue,
            assets,
            theme,
            highlighter,
            images,
        },
        problems,
    ))
}

/// What [`produce`] made.
#[derive(Debug)]
pub struct Produced {
    /// HTML pages per language, indexed like `Config::languages`.
    pub pages: Vec<usize>,
    /// Other files: the 404 page, redirects, feeds, sitemap, assets.
    pub files: usize,
    /// The search indexes built anew, for the next build to reuse (see [`search::Record`]).
    pub search_records: Vec<(PathBuf, search::Record)>,
}

/// Renders every file of the site into a sink: the pages in parallel, then the
/// feeds, the sitemap, robots.txt and the assets. Template errors are
/// reported together, each distinct one once.
pub fn produce(
    site: &Site,
    renderer: &Renderer<'_>,
    sink: &dyn Sink,
    stages: &mut Stages,
) -> Result<Produced, Failure> {
    let pages = produce_pages(site, renderer, sink, stages)?;
    produce_rest(site, sink, pages, stages)
}

/// What [`produce_pages`] made, for [`produce_rest`].
pub struct Pages {
    pages: Vec<usize>,
    files: usize,
    entries: Vec<sitemap::Entry>,
}

/// The first half of [`produce`]: every page. After it, the pages' HTML is no
/// longer needed (`build` drops it before the search index is made).
pub fn produce_pages(
    site: &Site,
    renderer: &Renderer<'_>,
    sink: &dyn Sink,
    stages: &mut Stages,
) -> Result<Pages, Failure> {
    let config = &site.config;
    let clashes = renderer.check_paths();
    if !clashes.is_empty() {
        return Err(Failure::Content(clashes));
    }
    let jobs = renderer.plan();
    let results: Vec<Result<Option<usize>, Failure>> = jobs
        .par_iter()
        .map(|&job| {
            let out = renderer.render(job).map_err(Failure::from)?;
            sink.write(&out.path, out.text.as_bytes())?;
            Ok(out.lang)
        })
        .collect();
    let mut pages = vec![0usize; config.languages.len()];
    let mut files = 0; // 404 page, redirects
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(Some(lang)) => pages[lang] += 1,
            Ok(None) => files += 1,
            Err(Failure::Content(mut d)) => errors.append(&mut d),
            Err(other) => return Err(other),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Content(dedup(errors)));
    }
    let entries: Vec<sitemap::Entry> = jobs.iter().filter_map(|&job| renderer.sitemap_entry(job)).collect();
    stages.mark("pages");
    Ok(Pages { pages, files, entries })
}

/// The second half of [`produce`]: the search index, feeds, sitemap, robots.txt and assets.
pub fn produce_rest(site: &Site, sink: &dyn Sink, made: Pages, stages: &mut Stages) -> Result<Produced, Failure> {
    let config = &site.config;
    let Pages {
        pages,
        mut files,
        entries,
    } = made;

    // One language at a time: each index is built in parallel, and only one is in memory.
    // An index whose input has not changed since the last build is the replaced site's.
    let mut search_records = Vec::new();
    for lang in 0..config.languages.len() {
        let inputs = search::inputs(config, &site.library, lang);
        let fingerprint = inputs.fingerprint();
        let record_path = config
            .root
            .join(highlight::CACHE_DIR)
            .join(format!("search-{}.json", config.languages[lang].code));
        let reused = search::Record::load(&record_path)
            .filter(|r| r.fingerprint == fingerprint)
            .filter(|r| {
                r.files
                    .par_iter()
                    .all(|(path, len, hash)| sink.reuse(path, *len, *hash))
            });
        if let Some(record) = reused {
            files += record.files.len();
            continue;
        }
        // Each file is written as it is made, and only its length and hash kept.
        let written = std::sync::Mutex::new(Vec::new());
        let failed = std::sync::Mutex::new(None);
        search::index_into(&inputs, &|file| {
            let entry = file.entry();
            match sink.write(&file.path, &file.bytes) {
                Ok(()) => written.lock().unwrap_or_else(|p| p.into_inner()).push(entry),
                Err(e) => *failed.lock().unwrap_or_else(|p| p.into_inner()) = Some(e),
            }
        });
        if let Some(failure) = failed.into_inner().unwrap_or_else(|p| p.into_inner()) {
            return Err(failure);
        }
        let mut written = written.into_inner().unwrap_or_else(|p| p.into_inner());
        written.sort();
        files += written.len();
        search_records.push((
            record_path,
            search::Record {
                fingerprint,
                files: written,
            },
        ));
    }
    stages.mark("search index");

    let mut made: Vec<(String, Vec<u8>)> = (0..config.languages.len())
        .map(|lang| {
            (
                feed::feed_path(config, lang),
                feed::atom(config, &site.library, lang).into_bytes(),
            )
        })
        .collect();
    made.extend(
        sitemap::sitemaps(config, &entries)
            .into_iter()
            .map(|(path, xml)| (path, xml.into_bytes())),
    );
    // A robots.txt of the site's own (in static/) replaces the generated one.
    if !site.assets.copies.iter().any(|(_, path)| path == "/robots.txt") {
        made.push(("/robots.txt".into(), sitemap::robots(config).into_bytes()));
    }
    for (path, bytes) in made.iter().chain(&site.assets.generated).chain(&site.images) {
        sink.write(path, bytes)?;
        files += 1;
    }
    let copies: Vec<(PathBuf, String)> = site
        .assets
        .copies
        .iter()
        .cloned()
        .chain(site.library.assets.values().map(|a| (a.source.clone(), a.path.clone())))
        .collect();
    copies
        .par_iter()
        .map(|(source, path)| sink.copy(source, path))
        .collect::<Result<Vec<()>, Failure>>()?;
    files += copies.len();
    stages.mark("feeds, sitemap, assets");
    Ok(Produced {
        pages,
        files,
        search_records,
    })
}

/// How long each stage took, printed to stderr when SHOWCASE_PROFILE is set.
pub struct Stages {
    enabled: bool,
    last: Instant,
    marks: Vec<(&'static str, f64, Option<u64>)>,
}

impl Stages {
    pub fn new(started: Instant) -> Self {
        Stages {
            enabled: std::env::var_os("SHOWCASE_PROFILE").is_some(),
            last: started,
            marks: Vec::new(),
        }
    }

    pub fn mark(&mut self, stage: &'static str) {
        if self.enabled {
            let now = Instant::now();
            self.marks
                .push((stage, (now - self.last).as_secs_f64(), peak_memory_mib()));
            self.last = now;
        }
    }

    pub fn report(&self) {
        for (stage, seconds, peak) in &self.marks {
            let peak = peak
                .map(|mib| format!("  (peak memory so far {mib} MiB)"))
                .unwrap_or_default();
            eprintln!("showcase: {seconds:>8.3} s  {stage}{peak}");
        }
    }
}

/// The process's peak resident memory so far, where the system tells (Linux).
fn peak_memory_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// One doc's Markdown rendered (its HTML and text packed) and its cover's link.
type RenderedDoc = (markdown::Rendered, Packed, Packed, Result<Option<String>, Diagnostic>);

/// Renders every doc's Markdown in parallel and resolves cover images.
fn render_markdown(config: &Config, library: &mut Library, highlighter: &Highlighter) -> Result<(), Vec<Diagnostic>> {
    let links = Links::new(config, library, highlighter);
    let rendered: Vec<RenderedDoc> = library
        .docs
        .par_iter()
        .map(|doc| {
            let cover = match &doc.fm.cover {
                Some(cover) => markdown::resolve_url(&cover.src, doc, &links).map(Some).map_err(|m| {
                    Diagnostic::error(
                        doc.source.clone(),
                        doc.fm.cover_line,
                        1,
                        format!("cover: {}", m.replace("links to", "shows the image")),
                    )
                    .rule(markdown::url_rule(&cover.src, "missing-image"))
                }),
                None => Ok(None),
            };
            // Packed at once, so the whole site's HTML is never held unpacked.
            let mut out = markdown::render(doc, &links);
            let html = Packed::new(&std::mem::take(&mut out.html));
            let text = Packed::new(&std::mem::take(&mut out.text));
            (out, html, text, cover)
        })
        .collect();
    let mut errors = Vec::new();
    for (doc, (mut out, html, text, cover)) in library.docs.iter_mut().zip(rendered) {
        errors.append(&mut out.problems);
        match cover {
            Ok(url) => doc.cover_url = url,
            Err(e) => errors.push(e),
        }
        doc.html = html;
        doc.lead = out.lead;
        doc.text = text;
        doc.anchors = out.anchors;
        doc.links = out.links;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        diagnostics::sort(&mut errors);
        Err(errors)
    }
}

/// One template error can fail many pages: report each distinct one once, with a count.
fn dedup(errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<(PathBuf, usize, usize, String), (Diagnostic, usize)> = BTreeMap::new();
    for e in errors {
        let base = e
            .message
            .split(" (while rendering ")
            .next()
            .unwrap_or(&e.message)
            .to_string();
        let key = (e.file.clone(), e.line, e.col, base);
        seen.entry(key).and_modify(|(_, n)| *n += 1).or_insert((e, 1));
    }
    seen.into_values()
        .map(|(mut d, n)| {
            if n > 1 {
                d.message = format!("{} and {} other pages", d.message.trim_end_matches(')'), n - 1);
                if d.message.contains("(while rendering ") {
                    d.message.push(')');
                }
            }
            d
        })
        .collect()
}
