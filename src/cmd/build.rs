//! `showcase build`: the whole pipeline, from site.toml to a published folder.
//!
//! Steps ([`load`]): read the config and the content; render Markdown in
//! parallel; load the theme; stop here if anything was wrong (nothing is
//! written). Then ([`produce`]) render every job in parallel straight into a
//! sink — for `build` a staging folder — add the feeds, the sitemap,
//! robots.txt, the search index and the assets, and swap the staging folder
//! in. `showcase
//! check` runs the same two steps with a sink that writes nothing.

use std::collections::{BTreeMap, HashMap};
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
use crate::markdown::cache;
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
    // The Markdown is rendered: its caches are saved now, and the highlighted blocks
    // let go of. The cache only saves time: a build that cannot write it still succeeds.
    let saved = match site.markdown.take() {
        Some((markdown_cache, markdown)) => {
            let docs = site.library.docs.len();
            stages.note(|| {
                format!(
                    "markdown: {} kept, {} rendered",
                    docs - markdown.rendered,
                    markdown.rendered
                )
            });
            markdown.save(&markdown_cache, &site.library)
        }
        None => Ok(()),
    }
    .and_then(|()| site.highlighter.save());
    if let Err(e) = saved {
        eprintln!("showcase: the cache in {} was not saved: {e}", crate::cache::DIR);
    }
    // The Markdown is rendered: its source is only needed by check's editorial rules.
    for doc in &mut site.library.docs {
        doc.body = String::new();
        doc.yaml = String::new();
    }
    give_back_memory();
    stages.mark("read content, markdown, theme, catalogue");
    let renderer = Renderer::new(&site.config, &site.library, &site.catalogue, &site.theme);
    let output = args.output.clone().unwrap_or_else(|| site.config.root.join("public"));
    let staging = Staging::new(&output, &site.config.root)?;
    let record_path = site.config.root.join(crate::cache::DIR).join(PAGES_RECORD);
    let fingerprint = pages_fingerprint(&site.theme);
    let kept = crate::cache::load::<PagesRecord>(&record_path)
        .filter(|r| r.fingerprint == fingerprint)
        .map(PagesRecord::into_map);
    let mut pages = produce_pages(&site, &renderer, &staging, Keys::Kept(kept.as_ref()), &mut stages)?;
    drop(kept);
    let pages_record = PagesRecord {
        fingerprint,
        pages: std::mem::take(&mut pages.made),
    };
    drop(renderer);
    // The pages are written: their HTML is not needed for the rest.
    for doc in &mut site.library.docs {
        doc.html = crate::content::Packed::default();
    }
    give_back_memory();
    let produced = produce_rest(&site, &staging, pages, &mut stages)?;
    staging.commit()?;
    stages.mark("swap");
    // The cache only saves time: a build that cannot write it still succeeded.
    let saved = crate::cache::save(&record_path, &pages_record).and_then(|()| {
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
    /// The Markdown cache and what a build saves in it (taken when saved).
    pub markdown: Option<(cache::Cache, MarkdownRecord)>,
}

/// Reads the config, the content and the theme, and renders the Markdown.
///
/// Problems in the Markdown of single pages (a broken link) come back beside
/// the site, because rendering can go on without them: `build` stops on them,
/// `check` goes on to find more. Any other problem stops here. When the theme
/// has problems too, both are reported together.
pub fn load(source: &Source<'_>) -> Result<(Site, Vec<Diagnostic>), Failure> {
    let config = Config::load(source.root, source.base_url)?;
    // The Markdown cache is read on a thread of its own while the content is.
    let (library, markdown_cache) = std::thread::scope(|scope| {
        let cache = scope.spawn(|| cache::Cache::load(Some(&config.root)));
        let library = Library::load(&config, LoadOptions { drafts: source.drafts });
        let cache = cache.join().unwrap_or_else(|_| cache::Cache::load(None));
        (library, cache)
    });
    let mut library = library?;
    let highlighter = Highlighter::new(&config.highlight_theme, Some(&config.root));
    let (rendered, markdown) = render_markdown(&config, &mut library, &highlighter, &markdown_cache);
    let mut problems = rendered.err().unwrap_or_default();
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
            markdown: Some((markdown_cache, markdown)),
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
    let pages = produce_pages(site, renderer, sink, Keys::Off, stages)?;
    produce_rest(site, sink, pages, stages)
}

/// What [`produce_pages`] made, for [`produce_rest`].
pub struct Pages {
    pages: Vec<usize>,
    files: usize,
    entries: Vec<sitemap::Entry>,
    /// Each page's path, key, length, hash and identity, for [`PagesRecord`].
    made: Vec<PageEntry>,
}

/// A page made: its site path, its key (see `render::Ctx`), its length and xxh3,
/// and the file's identity once published ([`crate::output::identity`]).
type PageEntry = (String, u64, u64, u64, u64);

/// A recorded page's key, length, hash and identity.
type Recorded = (u64, u64, u64, u64);

/// A page rendered or kept: the language it counts in, and its entry for the record.
type Placed = (Option<usize>, Option<PageEntry>);

/// The record's file in the cache folder.
const PAGES_RECORD: &str = "pages.json";

/// The pages a build made, so that the next build can keep those whose key has
/// not changed instead of rendering them. Kept only under the same program and
/// theme ([`pages_fingerprint`]), and a page is kept only if the site being
/// replaced still has it with the recorded length and hash (not read again when
/// the file's identity is the recorded one).
#[derive(serde::Serialize, serde::Deserialize)]
struct PagesRecord {
    fingerprint: u64,
    pages: Vec<PageEntry>,
}

impl PagesRecord {
    fn into_map(self) -> HashMap<String, Recorded> {
        self.pages
            .into_iter()
            .map(|(path, key, len, hash, identity)| (path, (key, len, hash, identity)))
            .collect()
    }
}

/// What a page's key does not cover: the program and the theme.
fn pages_fingerprint(theme: &Theme) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    crate::cache::hash_value(&mut h, &(crate::cache::program_stamp(), theme.fingerprint));
    h.digest()
}

/// What [`produce_pages`] does with the pages' keys.
pub enum Keys<'a> {
    /// Nothing: no record is kept (`check`, `serve`).
    Off,
    /// Every page is keyed for the record; with the record of the last build's pages,
    /// a page whose key is the recorded one is taken from the site being replaced
    /// ([`Sink::reuse`], which checks its bytes) instead of being rendered.
    Kept(Option<&'a HashMap<String, Recorded>>),
}

/// The first half of [`produce`]: every page. After it, the pages' HTML is no
/// longer needed (`build` drops it before the search index is made).
pub fn produce_pages(
    site: &Site,
    renderer: &Renderer<'_>,
    sink: &dyn Sink,
    keys: Keys<'_>,
    stages: &mut Stages,
) -> Result<Pages, Failure> {
    let config = &site.config;
    let clashes = renderer.check_paths();
    if !clashes.is_empty() {
        return Err(Failure::Content(clashes));
    }
    let jobs = renderer.plan();
    let kept_count = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<Placed, Failure>> = jobs
        .par_iter()
        .map(|&job| {
            if let Keys::Kept(Some(kept)) = keys {
                let keyed = renderer.key(job).map_err(Failure::from)?;
                if let (Some(key), Some(&(was, len, hash, identity))) = (keyed.key, kept.get(&keyed.path))
                    && key == was
                    && sink.reuse(&keyed.path, len, hash, identity)
                {
                    kept_count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let (placed, _) = sink.identity(&keyed.path);
                    return Ok((keyed.lang, Some((keyed.path, key, len, hash, placed))));
                }
            }
            let out = match keys {
                Keys::Off => renderer.render(job),
                Keys::Kept(_) => renderer.render_keyed(job),
            }
            .map_err(Failure::from)?;
            sink.write(&out.path, out.text.as_bytes())?;
            let entry = out.key.map(|key| {
                let len = out.text.len() as u64;
                let (placed, _) = sink.identity(&out.path);
                (
                    out.path,
                    key,
                    len,
                    xxhash_rust::xxh3::xxh3_64(out.text.as_bytes()),
                    placed,
                )
            });
            Ok((out.lang, entry))
        })
        .collect();
    let mut pages = vec![0usize; config.languages.len()];
    let mut files = 0; // 404 page, redirects
    let mut errors = Vec::new();
    let mut made = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((lang, entry)) => {
                match lang {
                    Some(lang) => pages[lang] += 1,
                    None => files += 1,
                }
                made.extend(entry);
            }
            Err(Failure::Content(mut d)) => errors.append(&mut d),
            Err(other) => return Err(other),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Content(dedup(errors)));
    }
    // A file's identity is recorded only if it is the one it had when its bytes were
    // written or checked (nothing changed it since), and now that every page is
    // placed, most files have settled: a later change will show.
    made.par_iter_mut().for_each(|entry| {
        let (now, settled) = sink.identity(&entry.0);
        entry.4 = if settled && now == entry.4 { now } else { 0 };
    });
    let entries: Vec<sitemap::Entry> = jobs.iter().filter_map(|&job| renderer.sitemap_entry(job)).collect();
    stages.mark("pages");
    let kept_count = kept_count.into_inner();
    stages.note(|| format!("pages: {kept_count} kept, {} rendered", jobs.len() - kept_count));
    Ok(Pages {
        pages,
        files,
        entries,
        made,
    })
}

/// The second half of [`produce`]: the search index, feeds, sitemap, robots.txt and assets.
pub fn produce_rest(site: &Site, sink: &dyn Sink, made: Pages, stages: &mut Stages) -> Result<Produced, Failure> {
    let config = &site.config;
    let Pages {
        pages,
        mut files,
        entries,
        made: _,
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
                    .all(|(path, len, hash)| sink.reuse(path, *len, *hash, 0))
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
    // With [casebook] publish = true, the printed casebook of every language.
    made.extend(crate::casebook::publish(config, &site.library)?);
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
    last_cpu: Option<f64>,
    /// Each stage: its name, wall seconds, CPU seconds (all threads) and the peak memory so far.
    marks: Vec<(&'static str, f64, Option<f64>, Option<u64>)>,
    notes: Vec<String>,
}

impl Stages {
    pub fn new(started: Instant) -> Self {
        let enabled = std::env::var_os("SHOWCASE_PROFILE").is_some();
        Stages {
            enabled,
            last: started,
            last_cpu: enabled.then(cpu_seconds).flatten(),
            marks: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn mark(&mut self, stage: &'static str) {
        if self.enabled {
            let now = Instant::now();
            let cpu = cpu_seconds();
            let spent = cpu.zip(self.last_cpu).map(|(now, then)| now - then);
            self.marks
                .push((stage, (now - self.last).as_secs_f64(), spent, peak_memory_mib()));
            self.last = now;
            self.last_cpu = cpu;
        }
    }

    /// A line for the report: how much of the work a cache saved.
    pub fn note(&mut self, note: impl FnOnce() -> String) {
        if self.enabled {
            self.notes.push(note());
        }
    }

    pub fn report(&self) {
        for note in &self.notes {
            eprintln!("showcase: {note}");
        }
        for (stage, seconds, cpu, peak) in &self.marks {
            let cpu = cpu
                .map(|cpu| format!("  cpu {cpu:>7.3} s = {:.2} cores", cpu / seconds.max(1e-6)))
                .unwrap_or_default();
            let peak = peak
                .map(|mib| format!("  (peak memory so far {mib} MiB)"))
                .unwrap_or_default();
            eprintln!("showcase: {seconds:>8.3} s{cpu}  {stage}{peak}");
        }
    }
}

/// Returns memory freed in bulk (the sources, the pages' HTML) to the system.
/// mimalloc, the program's allocator, does so by itself; glibc's malloc (the
/// highlighter's regex library's, and everything's where showcase is used as a
/// library) keeps freed memory in each thread's arena, where the next stage's
/// threads may not reuse it: without this, the peak would count it twice.
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The CPU time the process has used so far, all threads, user and system.
fn cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: getrusage fills the struct it is given; it is read only on success.
        let usage = unsafe {
            if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
                return None;
            }
            usage.assume_init()
        };
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        Some(seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
    #[cfg(not(unix))]
    None
}

/// The process's peak resident memory so far, where the system tells (Linux).
fn peak_memory_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// One doc's Markdown rendered or taken from the cache, and its cover's link.
/// `true` when rendered afresh.
type RenderedDoc = (bool, Vec<Diagnostic>, cache::Entry, Result<Option<String>, Diagnostic>);

/// Renders every doc's Markdown in parallel (or takes it from the cache) and
/// resolves cover images. Also returns what the cache needs to save the docs.
fn render_markdown(
    config: &Config,
    library: &mut Library,
    highlighter: &Highlighter,
    cache: &cache::Cache,
) -> (Result<(), Vec<Diagnostic>>, MarkdownRecord) {
    let links = Links::new(config, library, highlighter);
    let rendered: Vec<(u128, RenderedDoc)> = library
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
            let key = cache.key(config, doc);
            if let Some(entry) = cache.take(key, doc, &links) {
                highlighter.reuse(&entry.blocks, &entry.classes);
                return (key, (false, Vec::new(), entry, cover));
            }
            // Packed at once, so the whole site's HTML is never held unpacked.
            let out = markdown::render(doc, &links);
            let entry = cache::Entry {
                html: Packed::new(&out.html),
                text: Packed::new(&out.text),
                lead: out.lead,
                anchors: out.anchors,
                links: out.links,
                blocks: out.blocks,
                classes: out.classes,
            };
            (key, (true, out.problems, entry, cover))
        })
        .collect();
    let mut record = MarkdownRecord {
        docs: Vec::with_capacity(rendered.len()),
        changed: cache.left() > 0,
        rendered: 0,
    };
    cache.forget();
    let mut errors = Vec::new();
    for (doc, (key, (fresh, mut problems, entry, cover))) in library.docs.iter_mut().zip(rendered) {
        record.changed |= fresh;
        record.rendered += usize::from(fresh);
        // A doc with problems is not kept: the next build reports them again.
        record
            .docs
            .push(problems.is_empty().then_some((key, entry.blocks, entry.classes)));
        errors.append(&mut problems);
        match cover {
            Ok(url) => doc.cover_url = url,
            Err(e) => errors.push(e),
        }
        doc.html = entry.html;
        doc.lead = entry.lead;
        doc.text = entry.text;
        doc.anchors = entry.anchors;
        doc.links = entry.links;
    }
    let result = if errors.is_empty() {
        Ok(())
    } else {
        diagnostics::sort(&mut errors);
        Err(errors)
    };
    (result, record)
}

/// A doc's cache key, its code blocks' keys and their classes.
type KeptDoc = (u128, Vec<u128>, Vec<String>);

/// What the Markdown cache keeps of a build: each doc's key, code blocks and their
/// classes (`None` for a doc with problems), and whether anything changed.
pub struct MarkdownRecord {
    docs: Vec<Option<KeptDoc>>,
    changed: bool,
    /// How many docs were rendered rather than taken from the cache.
    pub rendered: usize,
}

impl MarkdownRecord {
    /// Saves the docs' rendered Markdown for the next build, if it is not already there.
    fn save(&self, cache: &cache::Cache, library: &Library) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        cache.save(library.docs.iter().zip(&self.docs).filter_map(|(doc, kept)| {
            let (key, blocks, classes) = kept.as_ref()?;
            Some((
                *key,
                cache::EntryRef {
                    html: &doc.html,
                    text: &doc.text,
                    lead: &doc.lead,
                    anchors: &doc.anchors,
                    links: &doc.links,
                    blocks,
                    classes,
                },
            ))
        }))
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
