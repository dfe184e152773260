//! The catalogue: which pages carry which terms, in each language.
//!
//! Built once after the library is linked: term lists per language (a page
//! without a translation is listed in the other language too when its
//! fallback is `notice`), the derived `year` taxonomy, the list of every case,
//! related cases (most shared terms, deterministic ties) and the cases each
//! target of the plan counts. Lists are sorted newest first, then by file
//! name (the same order in every language). A rebuild under the same config
//! whose docs hash the same in all the catalogue reads of them takes the
//! catalogue built before ([`Catalogue::build_over`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

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
    /// Each term's key → its index in `terms`.
    by_key: HashMap<String, usize>,
}

impl TaxonomyIndex {
    fn new(name: String, keys: impl Iterator<Item = String>, nlang: usize) -> Self {
        let terms: Vec<TermIndex> = keys
            .map(|key| TermIndex {
                key,
                pages: vec![Vec::new(); nlang],
            })
            .collect();
        let mut by_key = HashMap::with_capacity(terms.len());
        for (i, term) in terms.iter().enumerate() {
            by_key.entry(term.key.clone()).or_insert(i);
        }
        TaxonomyIndex { name, terms, by_key }
    }

    pub fn term(&self, key: &str) -> Option<&TermIndex> {
        self.by_key.get(key).map(|&i| &self.terms[i])
    }

    fn term_mut(&mut self, key: &str) -> Option<&mut TermIndex> {
        self.by_key.get(key).map(|&i| &mut self.terms[i])
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

/// Newest first, then by file name without its language (`cases/a` for
/// `cases/a.en.md`), so pages of the same date come in the same order in
/// every language, then title and file.
pub fn newest_first(a: &Doc, b: &Doc) -> std::cmp::Ordering {
    b.fm.date
        .cmp(&a.fm.date)
        .then_with(|| a.key.cmp(&b.key))
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
    /// The catalogue of `library`, with a hash of what it was built from. It is
    /// `previous` (built under the same config, from inputs that hashed as
    /// given) when the library hashes the same.
    pub fn build_over(
        config: &Config,
        library: &Library,
        previous: Option<(&Arc<Catalogue>, u64)>,
    ) -> (Arc<Catalogue>, u64) {
        let inputs = Catalogue::inputs(library);
        match previous.filter(|(_, was)| *was == inputs) {
            Some((catalogue, _)) => (Arc::clone(catalogue), inputs),
            None => (Arc::new(Catalogue::build(config, library)), inputs),
        }
    }

    /// A hash of all [`Catalogue::build`] reads of the library, the config
    /// aside: each doc's kind, language, translation key, file, title, date,
    /// level and terms, in the library's order (the catalogue holds docs by
    /// their place in it). The translations are made of the keys and languages.
    fn inputs(library: &Library) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        library.docs.len().hash(&mut h);
        for doc in &library.docs {
            (doc.kind, doc.lang, &doc.key, &doc.rel).hash(&mut h);
            (
                &doc.fm.title,
                doc.fm.date,
                doc.fm.level.map(|l| l.as_str()),
                &doc.fm.terms,
            )
                .hash(&mut h);
        }
        h.finish()
    }

    pub fn build(config: &Config, library: &Library) -> Catalogue {
        let nlang = config.languages.len();
        let docs = &library.docs;
        let sort = |list: &mut Vec<usize>| list.sort_by(|&a, &b| newest_first(&docs[a], &docs[b]));

        // Configured taxonomies in site.toml's order, then the year, newest first.
        let mut taxonomies: Vec<TaxonomyIndex> = config
            .taxonomies
            .iter()
            .map(|t| TaxonomyIndex::new(t.name.clone(), t.terms.iter().map(|term| term.key.clone()), nlang))
            .collect();
        let mut years: Vec<i16> = docs
            .iter()
            .filter(|d| d.is_case())
            .filter_map(|d| d.fm.date.map(|d| d.year()))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        taxonomies.push(TaxonomyIndex::new(
            YEAR.to_string(),
            years.iter().map(|y| y.to_string()),
            nlang,
        ));

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
                        && let Some(entry) = t.term_mut(&term)
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

        let related = related(config, library, &taxonomies);
        let targets = config
            .targets
            .iter()
            .map(|target| {
                let mut keys: Vec<String> = library
                    .translations
                    .iter()
                    .filter_map(|(key, versions)| {
                        let doc = &docs[super::original_of(versions)?];
                        (doc.is_case() && target.conditions.iter().all(|c| matches(doc, c))).then(|| key.clone())
                    })
                    .collect();
                keys.sort_by(|a, b| {
                    let first = |k: &String| {
                        let v = &library.translations[k];
                        &docs[super::original_of(v).unwrap_or(0)]
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
/// (the derived year does not count), ties broken newest first, then by file name.
///
/// Scoring every other case would cost time in proportion to the site's size for
/// each case, so the search goes the other way: for each number of shared terms,
/// from all of them down to one, it intersects the term lists (sorted newest first)
/// of every such subset of the case's terms, stopping at the first few hits. Cases
/// with the same terms in the same language have the same candidates (bar
/// themselves and their translations), so the search runs once for each such set:
/// a site has far fewer sets of terms than cases.
fn related(config: &Config, library: &Library, taxonomies: &[TaxonomyIndex]) -> BTreeMap<usize, Vec<usize>> {
    let docs = &library.docs;
    let nlang = config.languages.len();
    // Each doc's place in newest-first order, per language: the order of every term list.
    let ranks: Vec<Vec<u32>> = (0..nlang)
        .map(|lang| {
            let mut shown: Vec<usize> = (0..docs.len())
                .filter(|&i| shown_in(config, library, &docs[i], lang))
                .collect();
            shown.sort_by(|&a, &b| newest_first(&docs[a], &docs[b]));
            let mut rank = vec![u32::MAX; docs.len()];
            for (r, &d) in shown.iter().enumerate() {
                rank[d] = r as u32;
            }
            rank
        })
        .collect();
    // Cases by language and terms.
    let mut groups: BTreeMap<TermSet<'_>, Vec<usize>> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate().filter(|(_, d)| d.is_case()) {
        let mut terms: Vec<(&str, String)> = terms_of(doc).filter(|(t, _)| *t != YEAR).collect();
        terms.sort();
        terms.dedup();
        groups.entry((doc.lang, terms)).or_default().push(i);
    }
    let groups: Vec<(TermSet<'_>, Vec<usize>)> = groups.into_iter().collect();
    groups
        .par_iter()
        .flat_map_iter(|((lang, terms), cases)| {
            let rank = &ranks[*lang];
            let mut lists: Vec<&[usize]> = terms
                .iter()
                .filter_map(|(tax, term)| {
                    let entry = taxonomies.iter().find(|t| t.name == *tax)?.term(term)?;
                    Some(entry.pages[*lang].as_slice())
                })
                .collect();
            // A case with very many terms: the rarest twelve decide.
            lists.sort_by_key(|l| l.len());
            lists.truncate(12);
            // Enough for each case of the group to leave out itself and its translations.
            let candidates = most_shared(&lists, rank, RELATED + nlang, |d| !docs[d].is_case());
            cases.iter().map(move |&i| {
                let chosen: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&d| d != i && docs[d].key != docs[i].key)
                    .take(RELATED)
                    .collect();
                (i, chosen)
            })
        })
        .collect()
}

/// A language and a set of (taxonomy, term) pairs.
type TermSet<'a> = (usize, Vec<(&'a str, String)>);

/// The first `count` docs by the number of `lists` that hold them (most first), then
/// by rank, leaving out those `skip` says; lists are sorted by `rank`.
fn most_shared(lists: &[&[usize]], rank: &[u32], count: usize, skip: impl Fn(usize) -> bool) -> Vec<usize> {
    let n = lists.len();
    let mut chosen: Vec<usize> = Vec::new();
    for k in (1..=n).rev() {
        let want = count + chosen.len() + 1;
        let mut level: Vec<usize> = Vec::new();
        for mask in 1u32..(1 << n) {
            if mask.count_ones() as usize != k {
                continue;
            }
            let subset: Vec<&[usize]> = (0..n).filter(|j| mask & (1 << j) != 0).map(|j| lists[j]).collect();
            level.extend(first_common(&subset, rank, want, |d| skip(d) || chosen.contains(&d)));
        }
        level.sort_by_key(|&d| rank[d]);
        level.dedup();
        chosen.extend(level.into_iter().take(count - chosen.len()));
        if chosen.len() == count {
            break;
        }
    }
    chosen
}

/// The first `want` docs (in rank order) that every list holds, leaving out those `skip`
/// says; lists are sorted by `rank`.
fn first_common(lists: &[&[usize]], rank: &[u32], want: usize, skip: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut found = Vec::new();
    let mut at = vec![0usize; lists.len()];
    loop {
        let mut highest = 0;
        for (j, list) in lists.iter().enumerate() {
            let Some(&d) = list.get(at[j]) else { return found };
            highest = highest.max(rank[d]);
        }
        let mut same = true;
        for (j, list) in lists.iter().enumerate() {
            at[j] += list[at[j]..].partition_point(|&d| rank[d] < highest);
            let Some(&d) = list.get(at[j]) else { return found };
            same &= rank[d] == highest;
        }
        if same {
            let d = lists[0][at[0]];
            if !skip(d) {
                found.push(d);
                if found.len() == want {
                    return found;
                }
            }
            at.iter_mut().for_each(|a| *a += 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_common;

    #[test]
    fn first_common_stops_at_the_first_hits() {
        // Docs 0..10 ranked by their number.
        let rank: Vec<u32> = (0..10).collect();
        let a = [1, 2, 4, 6, 8, 9];
        let b = [0, 2, 3, 6, 9];
        assert_eq!(first_common(&[&a, &b], &rank, 2, |_| false), vec![2, 6]);
        assert_eq!(first_common(&[&a, &b], &rank, 5, |d| d == 6), vec![2, 9]);
        assert_eq!(first_common(&[&a], &rank, 3, |_| false), vec![1, 2, 4]);
        assert!(first_common(&[&a, &[0, 3, 5]], &rank, 3, |_| false).is_empty());
    }
}
