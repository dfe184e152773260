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
//!
//! A build after some pages changed updates the last build's index
//! ([`update_into`]): only those pages are tokenized again, the others'
//! postings are read back from the index it replaces. The bytes are those of
//! an index made anew.

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
        self.fingerprint_of(&self.doc_keys())
    }

    /// The fingerprint from the documents' [`Inputs::doc_keys`].
    pub fn fingerprint_of(&self, doc_keys: &[u64]) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        let mut field = |s: &[u8]| {
            h.update(&(s.len() as u64).to_le_bytes());
            h.update(s);
        };
        field(FORMAT.as_bytes());
        // A new program may tokenize or shard otherwise: its records start afresh.
        field(crate::cache::program_stamp().as_bytes());
        field(self.base.as_bytes());
        field(&(doc_keys.len() as u64).to_le_bytes());
        for doc in doc_keys {
            field(&doc.to_le_bytes());
        }
        h.digest()
    }

    /// Per document, in id order, a hash of everything the index reads of it, and of
    /// the program and index format: two documents with the same key have the same
    /// terms and fragment.
    pub fn doc_keys(&self) -> Vec<u64> {
        let seed = xxhash_rust::xxh3::xxh3_64(format!("{FORMAT}\n{}", crate::cache::program_stamp()).as_bytes());
        // Each document is hashed on its own, in parallel.
        self.docs
            .par_iter()
            .map(|d| {
                let mut h = xxhash_rust::xxh3::Xxh3::with_seed(seed);
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
            .collect()
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
    match postings(&inputs.docs, stop) {
        Some(postings) => write_index(inputs, postings, emit, stop),
        None => false,
    }
}

/// Every term of the documents with its list of postings, in code-point order
/// (`None` if `stop` said so).
fn postings(docs: &[Input<'_>], stop: &(dyn Fn() -> bool + Sync)) -> Option<Vec<(String, String)>> {
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
                push_posting(
                    &mut lists[t],
                    id - last[t],
                    p.fields,
                    &p.positions[..usize::from(p.count)],
                );
                last[t] = id;
            }
        }
    };
    let mut pending: Option<(usize, Vec<DocPostings>)> = None;
    for (chunk_no, chunk) in docs.chunks(CHUNK).enumerate() {
        if stop() {
            return None;
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
    let mut postings: Vec<(String, String)> = terms.into_iter().zip(lists).collect();
    postings.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Some(postings)
}

/// Appends one posting to a term's list: the id as a difference from the
/// previous posting's, the fields, the positions.
fn push_posting(list: &mut String, delta: u32, fields: u8, positions: &[u32]) {
    push_delta(list, delta);
    push_fields(list, fields, positions);
}

/// Starts a posting: the separator, the id's difference and its comma.
fn push_delta(list: &mut String, delta: u32) {
    if !list.is_empty() {
        list.push(';');
    }
    push_base36(list, delta as usize);
    list.push(',');
}

/// The rest of a posting: `fields,positions`.
fn push_fields(list: &mut String, fields: u8, positions: &[u32]) {
    list.push(char::from(b'0' + fields));
    list.push(',');
    for (k, position) in positions.iter().enumerate() {
        if k > 0 {
            list.push('.');
        }
        push_base36(list, *position as usize);
    }
}

/// Writes the index's files from its terms' postings, in code-point order.
fn write_index(
    inputs: &Inputs<'_>,
    postings: Vec<(String, String)>,
    emit: &(dyn Fn(IndexFile) + Sync),
    stop: &(dyn Fn() -> bool + Sync),
) -> bool {
    let base = &inputs.base;
    let docs = &inputs.docs;
    if stop() {
        return false;
    }
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
    let firsts: Vec<String> = buckets
        .iter()
        .map(|b| b.keys().next().copied().unwrap_or("").to_string())
        .collect();
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

/// The bytes of a file of the index a [`Record`] describes, given its path,
/// length and xxh3, if it still has them.
pub type Previous<'a> = dyn Fn(&str, u64, u64) -> Option<Vec<u8>> + Sync + 'a;

/// Writes the index of `inputs` by updating the one `record` describes, as
/// [`index_into`] would write it anew: the documents whose keys the record has
/// are not tokenized again, their postings are read back from its shards, and
/// only the others are tokenized. `previous` gives the bytes of a file of the
/// record if it still has the length and hash the record says. Returns how many
/// documents were tokenized.
///
/// `None`, and nothing emitted, when the record cannot be used (a shard missing
/// or changed, documents with the same key) or most documents are new to it.
pub fn update_into(
    inputs: &Inputs<'_>,
    doc_keys: &[u64],
    record: &Record,
    previous: &Previous<'_>,
    emit: &(dyn Fn(IndexFile) + Sync),
) -> Option<usize> {
    let (postings, tokenized) = updated_postings(inputs, doc_keys, record, previous)?;
    write_index(inputs, postings, emit, &|| false);
    Some(tokenized)
}

/// The index files of one language, sorted by path, as [`update_into`] makes
/// them; `None` where it cannot, or when `stop` says so before they are made.
pub fn update_until(
    inputs: &Inputs<'_>,
    doc_keys: &[u64],
    record: &Record,
    previous: &Previous<'_>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<IndexFile>> {
    let (postings, _) = updated_postings(inputs, doc_keys, record, previous)?;
    let files = std::sync::Mutex::new(Vec::new());
    let done = write_index(
        inputs,
        postings,
        &|file| files.lock().unwrap_or_else(|p| p.into_inner()).push(file),
        stop,
    );
    let mut files = files.into_inner().unwrap_or_else(|p| p.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    done.then_some(files)
}

/// The postings [`postings`] would give for `inputs`, from the record's shards and
/// the documents new to it, and how many those are; `None` when the record
/// cannot be used.
fn updated_postings(
    inputs: &Inputs<'_>,
    doc_keys: &[u64],
    record: &Record,
    previous: &Previous<'_>,
) -> Option<(Vec<(String, String)>, usize)> {
    // Where each document of the record is now: `new_id[old id]`.
    let mut old_id: FxHashMap<u64, u32> = FxHashMap::default();
    for (id, key) in record.docs.iter().enumerate() {
        if old_id.insert(*key, id as u32).is_some() {
            return None;
        }
    }
    let mut new_id: Vec<Option<u32>> = vec![None; record.docs.len()];
    let mut fresh: Vec<usize> = Vec::new();
    for (id, key) in doc_keys.iter().enumerate() {
        match old_id.get(key) {
            Some(&old) if new_id[old as usize].is_none() => new_id[old as usize] = Some(id as u32),
            Some(_) => return None,
            None => fresh.push(id),
        }
    }
    // Past a quarter of new documents, making the index anew costs little more.
    if fresh.len() * 4 > doc_keys.len() {
        return None;
    }

    // The record's shards, each still as it was written, in order.
    let prefix = format!("{}s/", inputs.base);
    let mut shards: Vec<(usize, &(String, u64, u64))> = record
        .files
        .iter()
        .filter_map(|f| Some((f.0.strip_prefix(&prefix)?.strip_suffix(".json")?.parse().ok()?, f)))
        .collect();
    if shards.is_empty() {
        return None;
    }
    shards.sort_unstable_by_key(|s| s.0);
    let read: Vec<BTreeMap<String, String>> = shards
        .par_iter()
        .map(|(_, (path, len, hash))| serde_json::from_slice(&previous(path, *len, *hash)?).ok())
        .collect::<Option<_>>()?;
    // The postings of the documents new to the record, by term, in id order.
    let tokenized: Vec<DocPostings> = fresh.par_iter().map(|&id| doc_postings(&inputs.docs[id])).collect();
    let mut added: FxHashMap<String, Vec<(u32, Posting)>> = FxHashMap::default();
    for (&id, entries) in fresh.iter().zip(tokenized) {
        for (term, p) in entries {
            added.entry(term).or_default().push((id as u32, p));
        }
    }

    // Each old list with its postings renumbered, those of documents no longer
    // there left out, and the new documents' postings put in their places. When
    // the documents kept have kept their ids, a list none of whose documents
    // has gone is as it was.
    let kept_ids = new_id
        .iter()
        .enumerate()
        .all(|(old, new)| new.is_none_or(|new| new as usize == old));
    let old: Vec<(String, String)> = read.into_iter().flatten().collect();
    let mut postings: Vec<(String, String)> = old
        .into_par_iter()
        .map(|(term, list)| {
            let added = added.get(&term).map_or(&[][..], Vec::as_slice);
            if kept_ids && stays(&list, &new_id, added)? {
                return Some(Some((term, list)));
            }
            let list = renumbered(&list, &new_id, added)?;
            Some((!list.is_empty()).then_some((term, list)))
        })
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    if !postings.is_sorted_by(|a, b| a.0 < b.0) {
        return None;
    }
    // Terms no document of the record had.
    let mut new_terms: Vec<(String, String)> = added
        .into_iter()
        .filter(|(term, _)| postings.binary_search_by(|(t, _)| t.as_str().cmp(term)).is_err())
        .map(|(term, list)| (term, renumbered("", &[], &list).unwrap_or_default()))
        .collect();
    if !new_terms.is_empty() {
        postings.append(&mut new_terms);
        postings.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    }
    Some((postings, fresh.len()))
}

/// The postings of a list as written (`id,fields,positions;…`): each one's id
/// and its text from the fields on; `Some(None)` where the list cannot be read.
struct Postings<'a> {
    rest: &'a [u8],
    id: usize,
}

impl<'a> Postings<'a> {
    fn of(list: &'a str) -> Self {
        Postings {
            rest: list.as_bytes(),
            id: 0,
        }
    }
}

impl<'a> Iterator for Postings<'a> {
    type Item = Option<(usize, &'a str)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let end = self.rest.iter().position(|&b| b == b';').unwrap_or(self.rest.len());
        let (posting, rest) = self.rest.split_at(end);
        self.rest = rest.get(1..).unwrap_or_default();
        let Some(comma) = posting.iter().position(|&b| b == b',') else {
            self.rest = &[];
            return Some(None);
        };
        let mut delta = 0usize;
        for &b in &posting[..comma] {
            match char::from(b).to_digit(36) {
                Some(d) if comma <= 12 => delta = delta * 36 + d as usize,
                _ => {
                    self.rest = &[];
                    return Some(None);
                }
            }
        }
        self.id += delta;
        // The list is a `str` and the split is at ASCII bytes.
        let text = std::str::from_utf8(&posting[comma + 1..]).ok();
        Some(text.map(|text| (self.id, text)))
    }
}

/// Whether a list of postings as written stays as it is, its documents keeping
/// their ids: each document of it that has gone is back, in `added`, with the
/// same posting, and `added` has no other. `None` if the list cannot be read.
fn stays(list: &str, new_id: &[Option<u32>], added: &[(u32, Posting)]) -> Option<bool> {
    let mut added = added.iter();
    let mut again = String::new();
    for posting in Postings::of(list) {
        let (id, rest) = posting?;
        if new_id.get(id)?.is_none() {
            let Some(&(new, p)) = added.next() else {
                return Some(false);
            };
            again.clear();
            push_fields(&mut again, p.fields, &p.positions[..usize::from(p.count)]);
            if new as usize != id || rest != again {
                return Some(false);
            }
        }
    }
    Some(added.next().is_none())
}

/// A list of postings as written (`id,fields,positions;…`, the ids as differences),
/// its documents given their new ids (`None`: left out), merged with `added`
/// (already new ids, in order), written again. `None` if the list cannot be read.
fn renumbered(list: &str, new_id: &[Option<u32>], added: &[(u32, Posting)]) -> Option<String> {
    // (new id, the posting as written from its fields on)
    let mut kept: Vec<(u32, &str)> = Vec::new();
    for posting in Postings::of(list) {
        let (id, rest) = posting?;
        if let Some(new) = *new_id.get(id)? {
            kept.push((new, rest));
        }
    }
    if !kept.is_sorted_by_key(|k| k.0) {
        kept.sort_unstable_by_key(|k| k.0);
    }
    let mut out = String::with_capacity(list.len() + 16 * added.len());
    let mut last = 0u32;
    let mut added = added.iter().peekable();
    for (id, rest) in kept {
        while let Some(&&(new, p)) = added.peek().filter(|a| a.0 < id) {
            push_posting(&mut out, new - last, p.fields, &p.positions[..usize::from(p.count)]);
            last = new;
            added.next();
        }
        push_delta(&mut out, id - last);
        out.push_str(rest);
        last = id;
    }
    for &(new, p) in added {
        push_posting(&mut out, new - last, p.fields, &p.positions[..usize::from(p.count)]);
        last = new;
    }
    Some(out)
}

/// What a build wrote for one language's index: the fingerprint of its input,
/// each file's path, length and xxh3, and each document's key. The next build
/// with the same fingerprint takes the files from the site it replaces, after
/// checking each against its length and hash; one with another fingerprint
/// updates the index ([`update_into`]). Kept in the cache folder with a checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Record {
    pub fingerprint: u64,
    pub files: Vec<(String, u64, u64)>,
    /// The documents' [`Inputs::doc_keys`], in id order, for [`update_into`].
    #[serde(default)]
    pub docs: Vec<u64>,
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

    /// A document of the test index, its text made of `words`.
    fn doc(url: &str, title: &str, words: &[&str]) -> Input<'static> {
        Input {
            title: Cow::Owned(title.to_string()),
            meta: format!("摘要 {title}"),
            text: Cow::Owned(Packed::new(&words.join(" "))),
            url: url.to_string(),
            kind: Cow::Borrowed("企业"),
            date: String::new(),
            date_display: String::new(),
            summary: Cow::Borrowed("摘要"),
            lang_tag: None,
        }
    }

    /// Random edits, one after another, to a small index: each update writes the
    /// files a build from nothing writes, and it updates rather than starts
    /// afresh unless it must.
    #[test]
    fn updates_write_what_a_new_index_would() {
        const WORDS: [&str; 12] = [
            "校企合作",
            "产教融合",
            "实训基地",
            "apprentice",
            "training",
            "park",
            "创新",
            "平台",
            "人才培养",
            "robots",
            "校",
            "园区",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let pick = |next: &mut dyn FnMut(usize) -> usize| -> Vec<&str> {
            (0..1 + next(8)).map(|_| WORDS[next(WORDS.len())]).collect()
        };
        let files = |inputs: &Inputs<'_>| {
            let mut files = index(inputs);
            files.sort_by(|a, b| a.path.cmp(&b.path));
            files
        };
        let record = |inputs: &Inputs<'_>, files: &[IndexFile]| Record {
            fingerprint: inputs.fingerprint(),
            files: files.iter().map(IndexFile::entry).collect(),
            docs: inputs.doc_keys(),
        };
        let mut docs: Vec<Input<'static>> = (0..12)
            .map(|n| doc(&format!("/cases/{n}/"), &format!("案例{n}"), &pick(&mut next)))
            .collect();
        let mut made = 12;
        let inputs = Inputs {
            base: "/search/".into(),
            docs: std::mem::take(&mut docs),
        };
        let mut last_files = files(&inputs);
        let mut last_record = record(&inputs, &last_files);
        let mut docs = inputs.docs;
        let mut updated = 0;
        for step in 0..300 {
            match next(6) {
                0 => {
                    let at = next(docs.len());
                    docs[at].text = Cow::Owned(Packed::new(&pick(&mut next).join(" ")));
                }
                1 => {
                    let at = next(docs.len());
                    docs[at].title = Cow::Owned(pick(&mut next).join(""));
                }
                2 if docs.len() > 4 => {
                    docs.remove(next(docs.len()));
                }
                3 => {
                    made += 1;
                    let new = doc(&format!("/cases/{made}/"), &format!("案例{made}"), &pick(&mut next));
                    docs.insert(next(docs.len() + 1), new);
                }
                4 => {
                    let (a, b) = (next(docs.len()), next(docs.len()));
                    docs.swap(a, b);
                }
                _ => {
                    // Two documents alike: the update gives way to a new index.
                    let at = next(docs.len());
                    let copy = Input {
                        text: Cow::Owned(docs[at].text.clone().into_owned()),
                        ..doc(&docs[at].url, &docs[at].title, &[])
                    };
                    docs.insert(next(docs.len() + 1), copy);
                }
            }
            let inputs = Inputs {
                base: "/search/".into(),
                docs,
            };
            let expected = files(&inputs);
            let keys = inputs.doc_keys();
            let alike = keys.iter().collect::<std::collections::HashSet<_>>().len() < keys.len();
            let emitted = std::sync::Mutex::new(Vec::new());
            let by_path: FxHashMap<&str, &IndexFile> = last_files.iter().map(|f| (f.path.as_str(), f)).collect();
            let previous = |path: &str, len: u64, hash: u64| {
                let file = by_path.get(path)?;
                (file.bytes.len() as u64 == len && xxhash_rust::xxh3::xxh3_64(&file.bytes) == hash)
                    .then(|| file.bytes.clone())
            };
            let result = update_into(&inputs, &keys, &last_record, &previous, &|f| {
                emitted.lock().unwrap().push(f)
            });
            let mut emitted = emitted.into_inner().unwrap();
            emitted.sort_by(|a, b| a.path.cmp(&b.path));
            match result {
                Some(_) => {
                    updated += 1;
                    let got: Vec<(&str, &[u8])> = emitted.iter().map(|f| (f.path.as_str(), &f.bytes[..])).collect();
                    let want: Vec<(&str, &[u8])> = expected.iter().map(|f| (f.path.as_str(), &f.bytes[..])).collect();
                    assert!(got == want, "step {step}: the update differs from a new index");
                }
                None => assert!(emitted.is_empty(), "step {step}: a refused update wrote files"),
            }
            let last_alike =
                last_record.docs.iter().collect::<std::collections::HashSet<_>>().len() < last_record.docs.len();
            assert!(result.is_some() || alike || last_alike, "step {step}: refused");
            last_record = record(&inputs, &expected);
            last_files = expected;
            docs = inputs.docs;
            // Duplicates are removed again, so that the next steps can update.
            let mut seen = std::collections::HashSet::new();
            let keys = Inputs {
                base: String::new(),
                docs: std::mem::take(&mut docs),
            };
            let all = keys.doc_keys();
            docs = keys.docs;
            let mut n = 0;
            docs.retain(|_| {
                n += 1;
                seen.insert(all[n - 1])
            });
        }
        assert!(updated > 200, "{updated} of 300 steps updated");
    }

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
