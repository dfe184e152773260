//! A site built into memory, and built again over itself after every change:
//! what `serve` runs.
//!
//! A rebuild is the build's pipeline, not a second one: every stage runs
//! again (the Markdown of unchanged docs is taken from the site built before,
//! as a build takes it from its cache), every job is planned and keyed, and
//! the jobs whose key is the one recorded last time are taken from the site
//! served instead of being rendered. Everything goes into an [`Overlay`] of
//! the site served, so what comes back is only what differs: files changed,
//! added and removed. No dependency between pages is tracked by hand: a page
//! is rendered again exactly when something it shows has changed, because its
//! key is a hash of all it shows.
//!
//! The search index of a language whose text changed is either made at once
//! or left for later ([`Rebuilt::search_due`]): `serve` makes it on another
//! thread once the sources are quiet, so an edit shows without waiting for it.

use std::collections::HashMap;
use std::time::{Instant, SystemTime};

use super::produce::Recorded;
use super::{Keys, Replaced, Site, Source, Stages};
use crate::diagnostics::Failure;
use crate::output::memory::{Changes, Layers, Overlay, Sources};
use crate::search;

/// A site built into memory, with what its next rebuild needs.
pub struct Built {
    pub site: Site,
    /// Each page's key, length, hash and identity, by its site path.
    pages: HashMap<String, Recorded>,
    /// The stamps of the copied files' sources, and when the rebuild began.
    sources: Sources,
    /// The QR codes beside the articles, kept like pages.
    qr_codes: crate::render::wechat::QrRecord,
    /// The address ledger as this site settled it.
    ledger: super::ledger::Settled,
    began: SystemTime,
}

/// What a rebuild made.
pub struct Rebuilt {
    pub built: Built,
    /// The site to serve: the one served before with the changes laid over it.
    pub files: Layers,
    /// How many files differ from the site served before (0: nothing changed).
    pub changed: usize,
    /// Per language: the fingerprint of the search index's inputs.
    pub search: Vec<u64>,
    /// The languages whose search index is out of date and was left for later.
    pub search_due: Vec<usize>,
    /// The records of the search indexes made now, by language, for updating
    /// them later ([`search::update_until`]).
    pub search_records: Vec<(usize, search::Record)>,
}

/// Builds the site into memory: over the site served (`previous`, the build it was
/// made by, and its search indexes' fingerprints), or from nothing. With
/// `search_now` false, search indexes whose inputs changed are left for later.
pub fn rebuild(
    source: &Source<'_>,
    previous: Option<(&Built, &Layers, &[u64])>,
    search_now: bool,
) -> Result<Rebuilt, Failure> {
    let mut stages = Stages::new(Instant::now());
    let began = SystemTime::now();
    let (site, problems) = super::load(source, previous.map(|(built, _, _)| &built.site), &mut stages)?;
    if !problems.is_empty() {
        return Err(Failure::Content(problems));
    }
    stages.note(|| {
        let rendered = site.markdown.rendered;
        format!(
            "markdown: {} kept, {rendered} rendered",
            site.library.docs.len() - rendered
        )
    });
    let served = previous.map(|(_, files, _)| files);
    let overlay = Overlay::new(served, previous.map(|(built, _, _)| (&built.sources, built.began)));
    // Keys made under another theme (or program) say nothing of this one's pages.
    let kept = previous
        .map(|(built, _, _)| &built.pages)
        .filter(|_| previous.is_some_and(|(built, _, _)| built.site.theme.fingerprint == site.theme.fingerprint));
    // The ledger settled last time, if the config it was settled under is this one.
    let ledger = previous
        .map(|(built, _, _)| built)
        .filter(|built| built.site.config == site.config)
        .map(|built| &built.ledger);
    let renderer = site.renderer();
    let mut pages = super::produce_pages(&site, &renderer, &overlay, Keys::Kept(kept), ledger, &mut stages)?;
    drop(renderer);
    let made = std::mem::take(&mut pages.made);
    let replaced = Replaced::Served {
        search: previous.map(|(_, _, search)| search),
        search_now,
        qr_codes: previous.map(|(built, _, _)| &built.qr_codes),
    };
    let produced = super::produce_rest(&site, &overlay, pages, replaced, &mut stages)?;
    // The indexes not made now stay as they are served until they are.
    let left: Vec<String> = (0..site.config.languages.len())
        .filter(|&lang| {
            produced.search_due.contains(&lang)
                || previous.is_some_and(|(_, _, p)| p.get(lang) == Some(&produced.search_fingerprints[lang]))
        })
        .map(|lang| search::folder(&site.config, lang))
        .collect();
    let (changes, sources) = overlay.finish(|file| left.iter().any(|folder| in_index(folder, file)));
    stages.report();
    let changed = changes.len();
    let files = match served {
        Some(served) => served.with(changes).unwrap_or_else(|| served.clone()),
        None => Layers::new(
            changes
                .into_iter()
                .filter_map(|(file, bytes)| Some((file, bytes?)))
                .collect(),
        ),
    };
    let pages = made
        .into_iter()
        .map(|(path, key, len, hash, identity)| (path, (key, len, hash, identity)))
        .collect();
    Ok(Rebuilt {
        built: Built {
            site,
            pages,
            sources,
            began,
            qr_codes: produced.qr_codes,
            ledger: produced.ledger,
        },
        files,
        changed,
        search: produced.search_fingerprints,
        search_due: produced.search_due,
        search_records: produced
            .search_records
            .into_iter()
            .map(|(lang, _, record)| (lang, record))
            .collect(),
    })
}

/// The search index of `lang` made from `site`, as changes to the site served:
/// its files, and the files of the index served that it no longer has.
pub fn search_changes(site: &Site, lang: usize, served: &Layers) -> Changes {
    let inputs = search::inputs(&site.config, &site.library, &site.rendered, lang);
    index_changes(&search::index(&inputs), &search::folder(&site.config, lang), served)
}

/// Index files made (by [`search::index`]) as changes to the site served.
pub fn index_changes(files: &[search::IndexFile], folder: &str, served: &Layers) -> Changes {
    let mut changes: Changes = files
        .iter()
        .map(|file| (crate::output::file_of(&file.path), Some(file.bytes.clone())))
        .collect();
    for old in served.keys() {
        if in_index(folder, old) {
            changes.entry(old.to_string()).or_insert(None);
        }
    }
    changes
}

/// Whether a file of the output folder belongs to the search index in `folder`
/// (`en/search/`): its shards, its page files and its list, not the search page.
fn in_index(folder: &str, file: &str) -> bool {
    file.strip_prefix(folder)
        .is_some_and(|rest| rest.starts_with("s/") || rest.starts_with("f/") || rest == "index.json")
}
