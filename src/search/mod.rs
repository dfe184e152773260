//! The search index: built with the site, split into small files, queried in
//! the browser by the theme's `search.js` (no server).
//!
//! Per language, under `<lang prefix>/search/`:
//! - `index.json`: the number of documents, the first term of every shard, and
//!   a key that changes when the index does (the client adds it to its
//!   requests);
//! - `s/<n>.json`: shard n — the terms from its first term up to the next
//!   shard's, sorted by code point, with their postings; so a query fetches the
//!   shards of its terms, and a word typed in part (`appren`) finds the shard
//!   of every term it begins;
//! - `f/<id>.json`: document id's fragment — URL, title, kind, date, summary
//!   and text, fetched only for the results shown.
//!
//! Documents are numbered newest first, so a lower id is a newer case. A
//! posting is `id,fields,positions`: the id as a difference from the previous
//! posting's (base 36), a bit mask of the fields holding the term (1 title,
//! 2 summary/organisation/terms, 4 body), and up to two positions of the term
//! in the first of those fields (base 36, joined by `.`), for phrase matches.
//! Postings are joined by `;`. Same input, same bytes.
//!
//! Besides the tokens of [`tokenize`] (character pairs for Chinese), every
//! kana, Chinese character and hangul syllable is a term on its own, with the
//! fields that hold it and no positions (a lone character between other text
//! also has its positions): a query of one character fetches that one term's
//! shard.

pub mod tokenize;

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::content::taxonomy::shown_in;
use crate::content::{DocKind, Library};
use crate::markdown::Rendered;
use crate::packed::Packed;
use crate::render::format_date;

/// Changes whenever [`index`] would write other bytes for the same input.
const FORMAT: &str = "showcase search index 2; positions 2; fragment text 1000; shards 16384; single CJK letters";

/// Positions kept per posting: enough to see a phrase near the start of a field.
const POSITIONS: usize = 2;
/// The characters of body text a fragment carries for snippets.
const FRAGMENT_TEXT: usize = 1000;
/// What one shard should weigh, roughly.
const SHARD_BYTES: usize = 16 * 1024;

/// Documents tokenized at once; bounds the memory the terms' strings take.
const CHUNK: usize = 512;

/// One term in one document: which fields hold it, and where it first stands.
#[derive(Debug, Clone, Copy, Default)]
struct Posting {
    fields: u8,
    count: u8,
    positions: [u32; POSITIONS],
}

/// What the index needs of one document. It borrows from the site; owned
/// ([`Input::into_owned`]) it can be indexed on another thread.
pub struct Input<'a> {
    title: Cow<'a, str>,
    /// Summary, organisation and term labels, one a line.
    meta: String,
    /// The body as plain text, packed (unpacked a document at a time).
    text: Cow<'a, Packed>,
    url: String,
    kind: Cow<'a, str>,
    date: String,
    date_display: String,
    summary: Cow<'a, str>,
    /// The text's language tag when it is not the index's language.
    lang_tag: Option<Cow<'a, str>>,
}

impl Input<'_> {
    pub fn into_owned(self) -> Input<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        Input {
            title: own(self.title),
            meta: self.meta,
            text: Cow::Owned(self.text.into_owned()),
            url: self.url,
            kind: own(self.kind),
            date: self.date,
            date_display: self.date_display,
            summary: own(self.summary),
            lang_tag: self.lang_tag.map(own),
        }
    }
}

/// The documents of one language's index, newest first.
pub struct Inputs<'a> {
    /// The index's folder on the site: `/en/search/`.
    base: String,
    docs: Vec<Input<'a>>,
}

impl Inputs<'_> {
    /// A hash of everything [`index`] reads, and of the index format: the same
    /// fingerprint, the same files.
    pub fn fingerprint(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        let mut field = |s: &[u8]| {
            h.update(&(s.len() as u64).to_le_bytes());
            h.update(s);
        };
        field(FORMAT.as_bytes());
        // A new program may tokenize or shard otherwise: its records start afresh.
        field(crate::cache::program_stamp().as_bytes());
        field(self.base.as_bytes());
        // Each document is hashed on its own, in parallel; the index's hash is of theirs, in order.
        let docs: Vec<u64> = self
            .docs
            .par_iter()
            .map(|d| {
                let mut h = xxhash_rust::xxh3::Xxh3::new();
                let mut field = |s: &[u8]| {
                    h.update(&(s.len() as u64).to_le_bytes());
                    h.update(s);
                };
                for s in [
                    &*d.title,
                    &d.meta,
                    &d.url,
                    &*d.kind,
                    &d.date,
                    &d.date_display,
                    &*d.summary,
                ] {
                    field(s.as_bytes());
                }
                field(d.text.as_bytes());
                field(d.lang_tag.as_deref().unwrap_or("\u{0}").as_bytes());
                h.digest()
            })
            .collect();
        field(&(docs.len() as u64).to_le_bytes());
        for doc in docs {
            field(&doc.to_le_bytes());
        }
        h.digest()
    }

    /// The index's folder on the site: `/en/search/`.
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn into_owned(self) -> Inputs<'static> {
        Inputs {
            base: self.base,
            docs: self.docs.into_iter().map(Input::into_owned).collect(),
        }
    }
}

/// The folder of a language's index in the output folder: `search/`, `en/search/`.
pub fn folder(config: &Config, lang: usize) -> String {
    crate::output::file_of(&base(config, lang))
        .trim_end_matches("index.html")
        .to_string()
}

/// The site path of a language's index: `/search/`, `/en/search/`.
fn base(config: &Config, lang: usize) -> String {
    format!("{}/search/", config.languages[lang].url_prefix)
}

/// Reads what the index of one language needs from the site.
pub fn inputs<'a>(config: &'a Config, library: &'a Library, rendered: &'a [Rendered], lang: usize) -> Inputs<'a> {
    let language = &config.languages[lang];
    // Pages shown in this language, newest first (pages without a date last).
    let mut docs: Vec<usize> = (0..library.docs.len())
        .filter(|&i| library.docs[i].kind == DocKind::Page && shown_in(config, library, &library.docs[i], lang))
        .collect();
    docs.sort_by(|&a, &b| crate::content::taxonomy::newest_first(&library.docs[a], &library.docs[b]));
    let kind = config.taxonomy("kind");
    let docs = docs
        .par_iter()
        .map(|&d| {
            let doc = &library.docs[d];
            let rendered = &rendered[d];
            let mut meta = rendered.summary(doc).to_string();
            if let Some(org) = &doc.fm.organisation {
                meta.push('\n');
                meta.push_str(org);
            }
            for tax in &config.taxonomies {
                for key in doc.fm.terms.get(&tax.name).into_iter().flatten() {
                    if let Some(term) = tax.term(key) {
                        meta.push('\n');
                        meta.push_str(&term.labels[lang]);
                    }
                }
            }
            Input {
                title: Cow::Borrowed(&doc.fm.title),
                meta,
                text: Cow::Borrowed(&rendered.text),
                // An untranslated original opens as its fallback page in this language, where it has one.
                url: config.link(
                    doc.fallbacks
                        .get(lang)
                        .and_then(Option::as_deref)
                        .filter(|_| doc.lang != lang)
                        .unwrap_or(&doc.path),
                ),
                kind: Cow::Borrowed(
                    doc.fm
                        .terms
                        .get("kind")
                        .and_then(|k| k.first())
                        .and_then(|k| kind?.term(k))
                        .map_or("", |t| t.labels[lang].as_str()),
                ),
                date: doc.fm.date.map(|d| d.to_string()).unwrap_or_default(),
                date_display: doc
                    .fm
                    .date
                    .map(|d| format_date(d, &language.date_format))
                    .unwrap_or_default(),
                summary: Cow::Borrowed(rendered.summary(doc)),
                lang_tag: (doc.lang != lang).then_some(Cow::Borrowed(config.languages[doc.lang].tag.as_str())),
            }
        })
        .collect();
    Inputs {
        base: base(config, lang),
        docs,
    }
}

/// One document's terms, each with its posting.
type DocPostings = Vec<(String, Posting)>;

/// A document's terms and their postings.
fn doc_postings(input: &Input<'_>) -> DocPostings {
    // Fx rather than std's SipHash, which showed as 4 % of a cold build's CPU (the
    // keys are the site's own words: there is no hash flooding to fear).
    let mut terms: FxHashMap<String, Posting> = FxHashMap::default();
    let body = input.text.unpack();
    let mut letters: Vec<char> = Vec::new();
    for (bit, text) in [(1u8, &*input.title), (2, input.meta.as_str()), (4, body.as_str())] {
        for token in tokenize::tokenize(text) {
            let entry = terms.entry(token.term).or_default();
            // Positions are kept for the first field that holds the term.
            if (entry.fields == 0 || entry.fields == bit) && usize::from(entry.count) < POSITIONS {
                entry.positions[usize::from(entry.count)] = token.position;
                entry.count += 1;
            }
            entry.fields |= bit;
        }
        // Every CJK letter on its own too, without positions, so that a query of
        // one character (a surname, 校) finds the pages holding it anywhere.
        letters.clear();
        letters.extend(text.chars().filter(|&c| tokenize::is_cjk_letter(c)));
        letters.sort_unstable();
        letters.dedup();
        let mut one = [0u8; 4];
        for &c in &letters {
            let term: &str = c.encode_utf8(&mut one);
            match terms.get_mut(term) {
                Some(entry) => entry.fields |= bit,
                None => {
                    terms.insert(
                        term.to_string(),
                        Posting {
                            fields: bit,
                            ..Posting::default()
                        },
                    );
                }
            }
        }
    }
    terms.into_iter().collect()
}

/// One file of the index: its site path and contents.
pub struct IndexFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl IndexFile {
    /// What a [`Record`] keeps of the file: its path, length and xxh3.
    pub fn entry(&self) -> (String, u64, u64) {
        (
            self.path.clone(),
            self.bytes.len() as u64,
            xxhash_rust::xxh3::xxh3_64(&self.bytes),
        )
    }
}

#[derive(Serialize)]
struct Fragment<'a> {
    /// URL
    u: &'a str,
    /// title
    t: &'a str,
    /// kind's label
    k: &'a str,
    /// ISO date and the date as the language writes it
    d: &'a str,
    dd: &'a str,
    /// summary
    s: &'a str,
    /// the start of the body text
    x: String,
    /// the text's language tag when it is not the page's (an untranslated original)
    #[serde(skip_serializing_if = "Option::is_none")]
    l: Option<&'a str>,
}

/// Builds the index files of one language.
pub fn build(config: &Config, library: &Library, rendered: &[Rendered], lang: usize) -> Vec<IndexFile> {
    index(&inputs(config, library, rendered, lang))
}

/// Builds the index files of one language from what [`inputs`] read.
pub fn index(inputs: &Inputs<'_>) -> Vec<IndexFile> {
    index_until(inputs, &|| false).unwrap_or_default()
}

/// Builds the index files of one language, handing each to `emit` as soon as it
/// is made (from several threads), so the whole index is never held at once.
pub fn index_into(inputs: &Inputs<'_>, emit: &(dyn Fn(IndexFile) + Sync)) {
    index_unless(inputs, emit, &|| false);
}

/// The index files of one language, unless `stop` says so before they are all
/// made (`serve` stops an index its sources have changed under): `None` then.
pub fn index_until(inputs: &Inputs<'_>, stop: &(dyn Fn() -> bool + Sync)) -> Option<Vec<IndexFile>> {
    let files = std::sync::Mutex::new(Vec::new());
    let done = index_unless(
        inputs,
        &|file| files.lock().unwrap_or_else(|p| p.into_inner()).push(file),
        stop,
    );
    let mut files = files.into_inner().unwrap_or_else(|p| p.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    done.then_some(files)
}

/// [`index_into`], asking `stop` between steps; false if it stopped before the end.
fn index_unless(inputs: &Inputs<'_>, emit: &(dyn Fn(IndexFile) + Sync), stop: &(dyn Fn() -> bool + Sync)) -> bool {
    let base = &inputs.base;
    let docs = &inputs.docs;

    // Postings, with terms interned: documents are tokenized in parallel a chunk at a
    // time, so only one chunk's strings are alive at once. Documents come in id order,
    // so each term's list is written as it grows, already sorted and in its final,
    // compact form.
    // One chunk is merged on one thread while the next is tokenized on the others.
    let mut interned: FxHashMap<String, u32> = FxHashMap::default();
    let mut terms: Vec<String> = Vec::new();
    let mut lists: Vec<String> = Vec::new();
    let mut last: Vec<u32> = Vec::new();
    let mut merge = |first_id: usize, tokenized: Vec<DocPostings>| {
        for (offset, entries) in tokenized.into_iter().enumerate() {
            let id = (first_id + offset) as u32;
            for (term, p) in entries {
                let t = match interned.get(&term) {
                    Some(&t) => t as usize,
                    None => {
                        interned.insert(term.clone(), terms.len() as u32);
                        terms.push(term);
                        lists.push(String::new());
                        last.push(0);
                        terms.len() - 1
                    }
                };
                let list = &mut lists[t];
                if !list.is_empty() {
                    list.push(';');
                }
                push_base36(list, (id - last[t]) as usize);
                last[t] = id;
                list.push(',');
                list.push(char::from(b'0' + p.fields));
                list.push(',');
                for (k, position) in p.positions[..usize::from(p.count)].iter().enumerate() {
                    if k > 0 {
                        list.push('.');
                    }
                    push_base36(list, *position as usize);
                }
            }
        }
    };
    let mut pending: Option<(usize, Vec<DocPostings>)> = None;
    for (chunk_no, chunk) in docs.chunks(CHUNK).enumerate() {
        if stop() {
            return false;
        }
        let previous = pending.take();
        let (tokenized, ()) = rayon::join(
            || chunk.par_iter().map(doc_postings).collect(),
            || {
                if let Some((first_id, tokenized)) = previous {
                    merge(first_id, tokenized);
                }
            },
        );
        pending = Some((chunk_no * CHUNK, tokenized));
    }
    if let Some((first_id, tokenized)) = pending {
        merge(first_id, tokenized);
    }
    drop(interned);
    drop(last);
    if stop() {
        return false;
    }
    // Terms in code-point order.
    let mut order: Vec<u32> = (0..terms.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
    let mut lists: Vec<Option<String>> = lists.into_iter().map(Some).collect();
    let lists: Vec<String> = order
        .iter()
        .map(|&t| lists[t as usize].take().unwrap_or_default())
        .collect();
    let postings: Vec<(&str, String)> = order.iter().map(|&t| terms[t as usize].as_str()).zip(lists).collect();

    // Consecutive terms fill a shard until it weighs about SHARD_BYTES.
    let mut buckets: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new()];
    let mut weight = 0;
    for (term, list) in &postings {
        if weight >= SHARD_BYTES {
            buckets.push(BTreeMap::new());
            weight = 0;
        }
        weight += term.len() + list.len() + 6;
        if let Some(bucket) = buckets.last_mut() {
            bucket.insert(term, list.as_str());
        }
    }
    let firsts: Vec<&str> = buckets.iter().map(|b| b.keys().next().copied().unwrap_or("")).collect();
    let hashes: Vec<u64> = buckets
        .par_iter()
        .enumerate()
        .map(|(n, bucket)| {
            let bytes = serde_json::to_vec(bucket).unwrap_or_default();
            let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
            emit(IndexFile {
                path: format!("{base}s/{n}.json"),
                bytes,
            });
            hash
        })
        .collect();
    let key = hashes.iter().fold(0u64, |h, &x| h.rotate_left(5) ^ x);
    drop(buckets);
    drop(postings);
    if stop() {
        return false;
    }

    docs.par_iter().enumerate().for_each(|(id, input)| {
        let fragment = Fragment {
            u: &input.url,
            t: &input.title,
            k: &input.kind,
            d: &input.date,
            dd: &input.date_display,
            s: &input.summary,
            x: input.text.unpack().chars().take(FRAGMENT_TEXT).collect(),
            l: input.lang_tag.as_deref(),
        };
        emit(IndexFile {
            path: format!("{base}f/{id}.json"),
            bytes: serde_json::to_vec(&fragment).unwrap_or_default(),
        });
    });
    let manifest = serde_json::json!({
        "version": 2,
        "docs": docs.len(),
        "shards": firsts,
        "key": format!("{key:016x}"),
    });
    emit(IndexFile {
        path: format!("{base}index.json"),
        bytes: manifest.to_string().into_bytes(),
    });
    true
}

/// What a build wrote for one language's index: the fingerprint of its input
/// and each file's path, length and xxh3. The next build with the same
/// fingerprint takes the files from the site it replaces, after checking each
/// against its length and hash; kept in the cache folder with a checksum.
#[derive(Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Record {
    pub fingerprint: u64,
    pub files: Vec<(String, u64, u64)>,
}

impl Record {
    /// The record at `path`; `None` if it is missing or does not verify.
    pub fn load(path: &std::path::Path) -> Option<Record> {
        crate::cache::load(path)
    }

    pub fn save(&self, path: &std::path::Path) -> std::io::Result<()> {
        crate::cache::save(path, self)
    }
}

/// Appends `n` in base 36.
fn push_base36(out: &mut String, mut n: usize) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = [0u8; 16];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = DIGITS[n % 36];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_digits() {
        let base36 = |n| {
            let mut s = String::new();
            push_base36(&mut s, n);
            s
        };
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(base36(36 * 36 * 36 + 1), "1001");
    }
}
