//! The jobs of a site: every file it has, planned, keyed and rendered into a sink.
//!
//! [`produce_pages`] renders the pages the renderer plans (each with its key:
//! a hash of all its template reads), in parallel, straight into the sink;
//! with the keys of the pages made last time ([`Keys::Kept`]), a page whose
//! key is the same is taken from the site being replaced instead. Then
//! [`produce_rest`] adds the search index (kept when its inputs are the
//! same, updated when some pages changed), the redirects of the address ledger ([`super::ledger`], settled
//! against the pages planned), the feeds, the sitemap, robots.txt, the cover
//! copies and the assets. Template errors are reported together, each
//! distinct one once.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Site, Stages};
use crate::diagnostics::{Diagnostic, Failure};
use crate::output::{Sink, sitemap};
use crate::render::Renderer;
use crate::search;

/// What [`produce`] made.
#[derive(Debug)]
pub struct Produced {
    /// HTML pages per language, indexed like `Config::languages`.
    pub pages: Vec<usize>,
    /// Other files: the 404 page, redirects, feeds, sitemap, assets.
    pub files: usize,
    /// The search indexes made, for the next build to reuse or update (see
    /// [`search::Record`]): the language, the record's file and the record.
    pub search_records: Vec<(usize, PathBuf, search::Record)>,
    /// Per language: the fingerprint of the search index's inputs.
    pub search_fingerprints: Vec<u64>,
    /// The languages whose index is out of date, left to be made later.
    pub search_due: Vec<usize>,
    /// The record of the QR codes beside the articles.
    pub qr_codes: crate::render::wechat::QrRecord,
    /// Whether `qr_codes` differs from the record the run started from (`build`
    /// saves it then).
    pub qr_codes_changed: bool,
    /// The address ledger settled against the pages (see [`super::ledger`]).
    pub ledger: super::ledger::Settled,
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
    let pages = produce_pages(site, renderer, sink, Keys::Off, None, stages)?;
    produce_rest(site, sink, pages, Replaced::Cached, stages)
}

/// What [`produce_rest`] knows of the site it replaces, to keep the search
/// indexes and the articles' QR codes whose inputs have not changed.
#[derive(Debug, Clone, Copy)]
pub enum Replaced<'a> {
    /// The records the last build left in the cache folder: `build`, `check`.
    /// An index is made anew unless its record has the same inputs and the site
    /// being replaced has its files; a QR code likewise.
    Cached,
    /// The site served: `serve`. An index is made only where its inputs'
    /// fingerprint is not the one `search` has for the language (the site served
    /// has the others); `search_now` false leaves those to be indexed later
    /// ([`Produced::search_due`]). The QR codes are taken from the site served
    /// where their keys are the ones in `qr_codes` (see
    /// [`crate::render::wechat::qr_codes`]).
    Served {
        search: Option<&'a [u64]>,
        search_now: bool,
        qr_codes: Option<&'a crate::render::wechat::QrRecord>,
    },
}

/// What [`produce_pages`] made, for [`produce_rest`].
pub struct Pages {
    pages: Vec<usize>,
    files: usize,
    entries: Vec<sitemap::Entry>,
    /// Each page's path, key, length, hash and identity, for the [`Record`].
    pub made: Vec<PageEntry>,
    /// The address ledger settled against the pages planned.
    pub ledger: super::ledger::Settled,
}

/// A page made: its site path, its key (see `render::Ctx`), its length and xxh3,
/// and the file's identity once published ([`crate::output::identity`]).
pub type PageEntry = (String, u64, u64, u64, u64);

/// A recorded page's key, length, hash and identity.
pub type Recorded = (u64, u64, u64, u64);

/// A page rendered or kept: the language it counts in, and its entry for the record
/// with whether the file had settled when it was placed.
type Placed = (Option<usize>, Option<(PageEntry, bool)>);

/// The record's file in the cache folder.
const PAGES_RECORD: &str = "pages.json";

/// The pages a build made, so that the next build can keep those whose key has
/// not changed instead of rendering them. Kept only under the same program and
/// theme ([`Record::fingerprint`]), and a page is kept only if the site being
/// replaced still has it with the recorded length and hash (not read again when
/// the file's identity is the recorded one).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Record {
    fingerprint: u64,
    pages: Vec<PageEntry>,
}

impl Record {
    /// The record of the pages `made` under the site's program and theme.
    pub fn new(site: &Site, made: Vec<PageEntry>) -> Record {
        Record {
            fingerprint: Record::fingerprint(site),
            pages: made,
        }
    }

    /// The record the last build saved in the site's cache, if it was made
    /// under the same program and theme.
    pub fn load(site: &Site) -> Option<Record> {
        crate::cache::load::<Record>(&Record::path(&site.config.root))
            .filter(|r| r.fingerprint == Record::fingerprint(site))
    }

    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        crate::cache::save(&Record::path(root), self)
    }

    /// Whether the record was made under the program and theme of `site`.
    pub fn fits(&self, site: &Site) -> bool {
        self.fingerprint == Record::fingerprint(site)
    }

    /// Each recorded page's key, length, hash and identity, by its path.
    pub fn into_map(self) -> HashMap<String, Recorded> {
        self.pages
            .into_iter()
            .map(|(path, key, len, hash, identity)| (path, (key, len, hash, identity)))
            .collect()
    }

    fn path(root: &Path) -> PathBuf {
        root.join(crate::cache::DIR).join(PAGES_RECORD)
    }

    /// What a page's key does not cover: the program and the theme.
    fn fingerprint(site: &Site) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        crate::cache::hash_value(&mut h, &(crate::cache::program_stamp(), site.theme.fingerprint));
        h.digest()
    }
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
/// longer needed (`build` drops it before the search index is made). `ledger`
/// is the address ledger as the site replaced settled it, under the same config
/// (`serve`): taken as it is when nothing it was settled from has changed.
pub fn produce_pages(
    site: &Site,
    renderer: &Renderer<'_>,
    sink: &dyn Sink,
    keys: Keys<'_>,
    ledger: Option<&super::ledger::Settled>,
    stages: &mut Stages,
) -> Result<Pages, Failure> {
    let config = &site.config;
    let clashes = renderer.check_paths();
    if !clashes.is_empty() {
        return Err(Failure::Content(clashes));
    }
    let jobs = renderer.plan();
    let published: Vec<_> = jobs.iter().filter_map(|&job| renderer.published(job)).collect();
    let ledger = super::ledger::resolve(site, &published, ledger);
    drop(published);
    stages.mark("address ledger");
    let kept_count = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<Placed, Failure>> = jobs
        .par_iter()
        .map(|&job| {
            if let Keys::Kept(Some(kept)) = keys {
                let keyed = renderer.key(job).map_err(Failure::from)?;
                if let (Some(key), Some(&(was, len, hash, identity))) = (keyed.key, kept.get(&keyed.path))
                    && key == was
                    && let Some((placed, settled)) = sink.reuse(&keyed.path, len, hash, identity)
                {
                    kept_count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    return Ok((keyed.lang, Some(((keyed.path, key, len, hash, placed), settled))));
                }
            }
            let out = match keys {
                Keys::Off => renderer.render(job),
                Keys::Kept(_) => renderer.render_keyed(job),
            }
            .map_err(Failure::from)?;
            sink.write(&out.path, &out.text)?;
            let entry = out.key.map(|key| {
                let len = out.text.len() as u64;
                let (placed, settled) = sink.identity(&out.path);
                (
                    (out.path, key, len, xxhash_rust::xxh3::xxh3_64(&out.text), placed),
                    settled,
                )
            });
            Ok((out.lang, entry))
        })
        .collect();
    let mut pages = vec![0usize; config.languages.len()];
    let mut files = 0; // 404 page, redirects
    let mut errors = Vec::new();
    let mut made = Vec::with_capacity(results.len());
    // Whether each file of `made` had settled when it was placed.
    let mut settled = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((lang, entry)) => {
                match lang {
                    Some(lang) => pages[lang] += 1,
                    None => files += 1,
                }
                if let Some((entry, was_settled)) = entry {
                    made.push(entry);
                    settled.push(was_settled);
                }
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
    // placed, most files have settled: a later change will show. A file that had
    // settled when it was placed (kept from an earlier build) needs no second look.
    made.par_iter_mut().zip(settled).for_each(|(entry, was_settled)| {
        if !was_settled {
            let (now, settled) = sink.identity(&entry.0);
            entry.4 = if settled && now == entry.4 { now } else { 0 };
        }
    });
    let entries: Vec<sitemap::Entry> = jobs.par_iter().filter_map(|&job| renderer.sitemap_entry(job)).collect();
    stages.mark("pages");
    let kept_count = kept_count.into_inner();
    stages.note(|| format!("pages: {kept_count} kept, {} rendered", jobs.len() - kept_count));
    Ok(Pages {
        pages,
        files,
        entries,
        made,
        ledger,
    })
}

/// The second half of [`produce`]: the search index, feeds, sitemap, robots.txt and assets.
pub fn produce_rest(
    site: &Site,
    sink: &dyn Sink,
    made: Pages,
    replaced: Replaced<'_>,
    stages: &mut Stages,
) -> Result<Produced, Failure> {
    let config = &site.config;
    let Pages {
        pages,
        mut files,
        entries,
        made: _,
        ledger,
    } = made;
    // The redirects of the address ledger, from addresses no page has now.
    files += ledger.write_redirects(sink)?;

    // One language at a time: each index is built in parallel, and only one is in memory.
    let mut search_records = Vec::new();
    let mut search_fingerprints = Vec::new();
    let mut search_due = Vec::new();
    for lang in 0..config.languages.len() {
        let inputs = search::inputs(config, &site.library, &site.rendered, lang);
        let doc_keys = inputs.doc_keys();
        let fingerprint = inputs.fingerprint_of(&doc_keys);
        search_fingerprints.push(fingerprint);
        let record_path = config
            .root
            .join(crate::cache::DIR)
            .join(format!("search-{}.json", config.languages[lang].code));
        let mut last = None;
        match replaced {
            // An index whose input has not changed since the last build is the replaced site's.
            Replaced::Cached => {
                last = search::Record::load(&record_path);
                let reused = last.as_ref().filter(|r| {
                    r.fingerprint == fingerprint
                        && r.files
                            .par_iter()
                            .all(|(path, len, hash)| sink.reuse(path, *len, *hash, 0).is_some())
                });
                if let Some(record) = reused {
                    files += record.files.len();
                    continue;
                }
            }
            Replaced::Served { search, search_now, .. } => {
                if search.and_then(|p| p.get(lang)) == Some(&fingerprint) {
                    continue;
                }
                if !search_now {
                    search_due.push(lang);
                    continue;
                }
            }
        }
        // Each file is written as it is made, and only its length and hash kept.
        let written = std::sync::Mutex::new(Vec::new());
        let failed = std::sync::Mutex::new(None);
        let emit = |file: search::IndexFile| {
            let entry = file.entry();
            match sink.write(&file.path, &file.bytes) {
                Ok(()) => written.lock().unwrap_or_else(|p| p.into_inner()).push(entry),
                Err(e) => *failed.lock().unwrap_or_else(|p| p.into_inner()) = Some(e),
            }
        };
        // The last build's index, updated where it can be; else made anew.
        let code = &config.languages[lang].code;
        let updated = last.and_then(|last| {
            search::update_into(
                &inputs,
                &doc_keys,
                &last,
                &|path, len, hash| sink.previous(path, len, hash),
                &emit,
            )
        });
        match updated {
            Some(tokenized) => stages.note(|| {
                format!(
                    "search index {code}: updated, {tokenized} of {} documents tokenized",
                    doc_keys.len()
                )
            }),
            None => {
                search::index_into(&inputs, &emit);
                stages.note(|| format!("search index {code}: made anew, {} documents", doc_keys.len()));
            }
        }
        if let Some(failure) = failed.into_inner().unwrap_or_else(|p| p.into_inner()) {
            return Err(failure);
        }
        let mut written = written.into_inner().unwrap_or_else(|p| p.into_inner());
        written.sort();
        files += written.len();
        search_records.push((
            lang,
            record_path,
            search::Record {
                fingerprint,
                files: written,
                docs: doc_keys,
            },
        ));
    }
    stages.mark("search index");

    // The feeds are jobs among the pages (see `render::feeds`).
    let mut made: Vec<(String, Vec<u8>)> = Vec::new();
    made.extend(
        sitemap::sitemaps(config, &entries)
            .into_iter()
            .map(|(path, xml)| (path, xml.into_bytes())),
    );
    let was_qr = match replaced {
        Replaced::Cached => crate::render::wechat::load_qr_record(config),
        Replaced::Served { qr_codes, .. } => qr_codes.cloned().unwrap_or_default(),
    };
    let (written, qr_codes) = crate::render::wechat::qr_codes(config, &site.library, &site.theme, sink, &was_qr)?;
    files += written;
    let qr_codes_changed = qr_codes != was_qr;
    // With [casebook] publish = true, the printed casebook of every language.
    files += crate::casebook::publish(config, &site.library, sink)?;
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
    // Images are published without their metadata, with their copies if the text shows them.
    let covers: std::collections::HashSet<&str> = site.images.iter().map(|(path, _)| path.as_str()).collect();
    let published = copies
        .par_iter()
        .map(|(source, path)| match crate::output::strip::Kind::of(path) {
            Some(_) => site.pictures.publish(sink, source, path, &|p| covers.contains(p)),
            None => sink.copy(source, path).map(|()| 1),
        })
        .collect::<Result<Vec<usize>, Failure>>()?;
    site.pictures.save();
    files += published.iter().sum::<usize>();
    stages.mark("feeds, sitemap, assets");
    Ok(Produced {
        pages,
        files,
        search_records,
        search_fingerprints,
        search_due,
        qr_codes,
        qr_codes_changed,
        ledger,
    })
}

/// One template error can fail many pages: report each distinct one once, with a count.
fn dedup(errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<(PathBuf, usize, usize, String), (Diagnostic, usize)> = BTreeMap::new();
    for e in errors {
        let key = (e.file.clone(), e.line, e.col, e.message.clone());
        seen.entry(key).and_modify(|(_, n)| *n += 1).or_insert((e, 1));
    }
    seen.into_values()
        .map(|(mut d, n)| {
            if n > 1
                && let Some(context) = d.context.take()
            {
                d.context = Some(Box::new(crate::keyed!(
                    "context-and-others",
                    context = *context,
                    others = n - 1
                )));
            }
            d
        })
        .collect()
}
