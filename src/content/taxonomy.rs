//! The catalogue: which pages carry which terms, in each language.
//!
//! Built once after the library is linked: term lists per language (a page
//! without a translation is listed in the other language too when its
//! fallback is `notice`), the derived `year` taxonomy, the list of every case,
//! related cases (most shared terms, deterministic ties) and the cases each
//! target of the plan counts. Lists are sorted newest first, then by title.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::{Condition, Config, Fallback};
use crate::content::{Doc, Library};

/// The taxonomy derived from each case's date.
pub const YEAR: &str = "year";

/// How many related cases a page shows.
const RELATED: usize = 3;

#[derive(Debug)]
pub struct TermIndex {
    pub key: String,
    /// The pages listed under the term, per language.
    pub pages: Vec<Vec<usize>>,
}

#[derive(Debug)]
pub struct TaxonomyIndex {
    /// A taxonomy of site.toml, or `year`, whose labels come from the theme.
    pub name: String,
    pub terms: Vec<TermIndex>,
}

impl TaxonomyIndex {
    pub fn term(&self, key: &str) -> Option<&TermIndex> {
        self.terms.iter().find(|t| t.key == key)
    }
}

#[derive(Debug, Default)]
pub struct Catalogue {
    pub taxonomies: Vec<TaxonomyIndex>,
    /// Every case shown in each language.
    pub cases: Vec<Vec<usize>>,
    /// Case doc → related cases (shown in the case's language).
    pub related: BTreeMap<usize, Vec<usize>>,
    /// Per target: the translation keys of the cases it counts, sorted.
    pub targets: Vec<Vec<String>>,
}

/// Whether `doc` appears in the lists of language `lang`.
pub fn shown_in(config: &Config, library: &Library, doc: &Doc, lang: usize) -> bool {
    doc.lang == lang
        || (lang != 0
            && doc.lang == 0
            && config.languages[lang].fallback == Fallback::Notice
            && library.translations[&doc.key][lang].is_none())
}

/// Newest first, then title, then file.
pub fn newest_first(a: &Doc, b: &Doc) -> std::cmp::Ordering {
    b.fm.date
        .cmp(&a.fm.date)
        .then_with(|| a.fm.title.cmp(&b.fm.title))
        .then_with(|| a.rel.cmp(&b.rel))
}

/// The (taxonomy, term) pairs of a doc, the derived year included.
pub fn terms_of(doc: &Doc) -> impl Iterator<Item = (&str, String)> {
    let year = doc
        .is_case()
        .then(|| doc.fm.date.map(|d| d.year().to_string()))
        .flatten();
    doc.fm
        .terms
        .iter()
        .flat_map(|(tax, keys)| keys.iter().map(move |k| (tax.as_str(), k.clone())))
        .chain(year.map(|y| (YEAR, y)))
}

impl Catalogue {
    pub fn build(config: &Config, library: &Library) -> Catalogue {
        let nlang = config.languages.len();
        let docs = &library.docs;
        let sort = |list: &mut Vec<usize>| list.sort_by(|&a, &b| newest_first(&docs[a], &docs[b]));

        // Configured taxonomies in site.toml's order, then the year, newest first.
        let mut taxonomies: Vec<TaxonomyIndex> = config
            .taxonomies
            .iter()
            .map(|t| TaxonomyIndex {
                name: t.name.clone(),
                terms: t
                    .terms
                    .iter()
                    .map(|term| TermIndex {
                        key: term.key.clone(),
                        pages: vec![Vec::new(); nlang],
                    })
                    .collect(),
            })
            .collect();
        let mut years: Vec<i16> = docs
            .iter()
            .filter(|d| d.is_case())
            .filter_map(|d| d.fm.date.map(|d| d.year()))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        taxonomies.push(TaxonomyIndex {
            name: YEAR.to_string(),
            terms: years
                .iter()
                .map(|y| TermIndex {
                    key: y.to_string(),
                    pages: vec![Vec::new(); nlang],
                })
                .collect(),
        });

        let mut cases = vec![Vec::new(); nlang];
        for (i, doc) in docs.iter().enumerate() {
            for (lang, list) in cases.iter_mut().enumerate() {
                if !shown_in(config, library, doc, lang) {
                    continue;
                }
                if doc.is_case() {
                    list.push(i);
                }
                for (tax, term) in terms_of(doc) {
                    if let Some(t) = taxonomies.iter_mut().find(|t| t.name == tax)
                        && let Some(entry) = t.terms.iter_mut().find(|e| e.key == term)
                    {
                        entry.pages[lang].push(i);
                    }
                }
            }
        }
        cases.iter_mut().for_each(sort);
        taxonomies
            .par_iter_mut()
            .flat_map(|t| t.terms.par_iter_mut())
            .for_each(|term| {
                term.pages
                    .iter_mut()
                    .for_each(|list| list.sort_by(|&a, &b| newest_first(&docs[a], &docs[b])))
            });

        let related = related(library, &taxonomies);
        let targets = config
            .targets
            .iter()
            .map(|target| {
                let mut keys: Vec<String> = library
                    .translations
                    .iter()
                    .filter_map(|(key, versions)| {
                        let doc = &docs[versions[0].or_else(|| versions.iter().flatten().next().copied())?];
                        (doc.is_case() && target.conditions.iter().all(|c| matches(doc, c))).then(|| key.clone())
                    })
                    .collect();
                keys.sort_by(|a, b| {
                    let first = |k: &String| {
                        let v = &library.translations[k];
                        &docs[v[0].or_else(|| v.iter().flatten().next().copied()).unwrap_or(0)]
                    };
                    newest_first(first(a), first(b))
                });
                keys
            })
            .collect();
        Catalogue {
            taxonomies,
            cases,
            related,
            targets,
        }
    }
}

fn matches(doc: &Doc, condition: &Condition) -> bool {
    match condition {
        Condition::Term { taxonomy, term } => doc.fm.terms.get(taxonomy).is_some_and(|keys| keys.contains(term)),
        Condition::Level(level) => doc.fm.level.is_some_and(|l| l.as_str() == level),
        Condition::Year(year) => doc.fm.date.is_some_and(|d| i32::from(d.year()) == *year),
    }
}

/// For every case: the cases shown in its language that share the most terms with it
/// (the derived year does not count), ties broken newest first, then by title.
fn related(library: &Library, taxonomies: &[TaxonomyIndex]) -> BTreeMap<usize, Vec<usize>> {
    let docs = &library.docs;
    let case_ids: Vec<usize> = (0..docs.len()).filter(|&i| docs[i].is_case()).collect();
    case_ids
        .par_iter()
        .map_init(
            || (vec![0u32; docs.len()], Vec::<usize>::new()),
            |(counts, touched), &i| {
                let doc = &docs[i];
                for (tax, term) in terms_of(doc).filter(|(t, _)| *t != YEAR) {
                    let Some(entry) = taxonomies.iter().find(|t| t.name == tax).and_then(|t| t.term(&term)) else {
                        continue;
                    };
                    for &other in &entry.pages[doc.lang] {
                        if counts[other] == 0 {
                            touched.push(other);
                        }
                        counts[other] += 1;
                    }
                }
                let mut scored: Vec<(u32, usize)> = touched
                    .iter()
                    .filter(|&&o| docs[o].key != doc.key && docs[o].is_case())
                    .map(|&o| (counts[o], o))
                    .collect();
                for &o in touched.iter() {
                    counts[o] = 0;
                }
                touched.clear();
                scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| newest_first(&docs[a.1], &docs[b.1])));
                (i, scored.into_iter().take(RELATED).map(|(_, o)| o).collect())
            },
        )
        .collect()
}
