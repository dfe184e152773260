//! What `serve` serves after any sequence of edits is what a build of the
//! same files writes: a property test over random edit sequences.
//!
//! Each sequence starts from the `basic` fixture, built into memory as
//! `serve` builds it. Then, edit after edit — a body, a title, terms, a date,
//! a case added, removed or renamed, a translation added, a term added to
//! site.toml, a redirect written into the address ledger, an alias, a
//! section's title, a template changed — the site is rebuilt over the one served,
//! as `serve` does on every change, and compared file by file with a site
//! built from nothing. An edit that breaks the site (a link to a removed
//! case) must fail both ways; `serve` then keeps the last good site, and so
//! does the test.

mod common;

use std::collections::BTreeMap;

use common::Site;
use showcase::output::memory::Layers;
use showcase::site::Source;
use showcase::site::rebuild::{Built, rebuild};

/// A small, seeded generator (xorshift64*): the same seed, the same edits.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TITLES: [&str; 5] = [
    "新的标题",
    "产教融合基地",
    "Second title",
    "校企合作·实训",
    "園區（新）",
];
const KINDS: [&str; 2] = ["enterprise", "park"];
/// The cases the fixture's pages link to.
const LINKED: [&str; 2] = ["cases/beta.md", "cases/中以创新园.md"];
const DATES: [&str; 4] = ["2021-01-12", "2024-05-01", "2022-03-04", "2025-12-31"];

/// The Markdown cases of the site (not sections), relative to its folder.
fn cases(site: &Site) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walk(&site.root.join("content")) {
        let rel = entry
            .strip_prefix(&site.root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with(".md") && !rel.ends_with("_index.md") && !rel.contains("_index.") {
            found.push(rel);
        }
    }
    found.sort();
    found
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Replaces the value of a front-matter field, or adds the field.
fn set_field(text: &str, field: &str, value: &str) -> String {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text.to_string();
    };
    let Some(end) = rest.find("\n---\n") else {
        return text.to_string();
    };
    let (yaml, body) = rest.split_at(end);
    let mut lines: Vec<String> = yaml
        .lines()
        .filter(|l| !l.starts_with(&format!("{field}:")))
        .map(str::to_string)
        .collect();
    lines.push(format!("{field}: {value}"));
    format!("---\n{}{body}", lines.join("\n"))
}

/// Makes one random edit; returns what it was, for the failure message.
fn edit(site: &Site, random: &mut Random, step: usize) -> String {
    let cases = cases(site);
    let case = random.pick(&cases).clone();
    let text = site.read(&case);
    // Terms and dates are drawn twice as often: the lists, the related cases
    // and the catalogue's memo all turn on them.
    match random.below(15) {
        0 => {
            site.write(&case, &format!("{text}\n第{step}次修改的段落。\n"));
            format!("body of {case}")
        }
        1 => {
            let title = format!("{}{step}", random.pick(&TITLES));
            site.write(&case, &set_field(&text, "title", &title));
            format!("title of {case}")
        }
        2 | 13 => {
            let terms = match random.below(4) {
                0 => "[]",
                1 => "[fintech]",
                2 => "[smart-software]",
                _ => "[smart-software, fintech]",
            };
            let with_kind = set_field(&text, "kind", random.pick::<&str>(&KINDS));
            site.write(&case, &set_field(&with_kind, "industry", terms));
            format!("terms of {case}")
        }
        3 | 14 => {
            site.write(&case, &set_field(&text, "date", random.pick::<&str>(&DATES)));
            format!("date of {case}")
        }
        4 => {
            let name = format!("content/cases/new-{step}.md");
            let kind = random.pick(&KINDS);
            let date = random.pick(&DATES);
            site.write(
                &name,
                &format!(
                    "---\ntitle: 新案例{step}\ndate: {date}\nkind: {kind}\nindustry: [fintech]\n---\n\n新案例的正文。\n"
                ),
            );
            format!("{name} added")
        }
        // Cases other pages link to stay (removing one breaks the site, which
        // other tests cover): another case is removed or renamed.
        5 | 6 if LINKED.iter().any(|l| case.ends_with(l)) => {
            site.write(&case, &format!("{text}\n第{step}次修改的段落。\n"));
            format!("body of {case}")
        }
        5 => {
            site.remove(&case);
            format!("{case} removed")
        }
        6 => {
            let renamed = case.replace(".md", &format!("-{step}.md"));
            site.write(&renamed, &text);
            site.remove(&case);
            format!("{case} renamed to {renamed}")
        }
        7 => {
            let english = case.replace(".md", ".en.md");
            if case.contains(".en.") || site.root.join(&english).exists() {
                site.write(&case, &format!("{text}\nMore text {step}.\n"));
                return format!("body of {case}");
            }
            site.write(
                &english,
                &format!("---\ntitle: English {step}\ndate: 2024-01-01\nkind: enterprise\n---\n\nThe English text.\n"),
            );
            format!("{english} added")
        }
        8 => {
            let config = site.read("site.toml");
            site.write(
                "site.toml",
                &config.replace(
                    "terms.fintech = ",
                    &format!("terms.new-{step} = {{ zh = \"新产业{step}\", en = \"New {step}\" }}\nterms.fintech = "),
                ),
            );
            let with_term = set_field(&text, "industry", &format!("[new-{step}]"));
            site.write(&case, &with_term);
            format!("term new-{step} added to site.toml and {case}")
        }
        9 => {
            // A redirect the author writes into the address ledger, to home or to a
            // case no edit removes.
            let ledger = site.root.join("addresses.txt");
            let mut text = std::fs::read_to_string(&ledger).unwrap_or_default();
            let target = match random.below(2) {
                0 => "/",
                _ => *random.pick(&LINKED),
            };
            text.push_str(&format!("/old-{step}/ -> {target}\n"));
            site.write("addresses.txt", &text);
            format!("/old-{step}/ -> {target} added to addresses.txt")
        }
        10 => {
            site.write(&case, &set_field(&text, "aliases", &format!("[/was-{step}/]")));
            format!("alias /was-{step}/ of {case}")
        }
        11 => {
            // The section's title is in every page's navigation.
            let section = *random.pick(&["content/cases/_index.md", "content/cases/_index.en.md"]);
            let title = format!("{}{step}", random.pick(&TITLES));
            site.write(section, &set_field(&site.read(section), "title", &title));
            format!("title of {section}")
        }
        _ => {
            let template = "themes/default/templates/base.html";
            let base = site.read(template);
            site.write(
                template,
                &base.replacen("</main>", &format!("<p class=\"edit\">{step}</p></main>"), 1),
            );
            format!("{template} changed")
        }
    }
}

/// Every file of a site served, with its bytes.
fn files(layers: &Layers) -> BTreeMap<String, Vec<u8>> {
    layers
        .keys_under("")
        .into_iter()
        .map(|key| {
            let bytes = layers.get(&key).unwrap().to_vec();
            (key, bytes)
        })
        .collect()
}

fn source(site: &Site) -> Source<'_> {
    Source {
        root: &site.root,
        base_url: Some("http://127.0.0.1:1313"),
        drafts: true,
        future: true,
        expired: true,
    }
}

/// The first file where two sites differ, as a message.
fn difference(rebuilt: &BTreeMap<String, Vec<u8>>, fresh: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    for (file, bytes) in fresh {
        match rebuilt.get(file) {
            None => return Some(format!("{file} is missing")),
            Some(served) if served != bytes => {
                let (a, b) = (String::from_utf8_lossy(served), String::from_utf8_lossy(bytes));
                let line = a.lines().zip(b.lines()).find(|(x, y)| x != y);
                return Some(format!("{file} differs: {line:?}"));
            }
            Some(_) => {}
        }
    }
    rebuilt
        .keys()
        .find(|file| !fresh.contains_key(*file))
        .map(|file| format!("{file} should be gone"))
}

#[test]
fn a_site_rebuilt_after_random_edits_is_the_site_built_from_nothing() {
    let mut succeeded = 0;
    for seed in 1..=8u64 {
        let site = Site::fixture("basic");
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let first = rebuild(&source(&site), None, true).expect("the fixture builds");
        let mut built: Built = first.built;
        let mut served: Layers = first.files;
        let mut search = first.search;
        let mut history = Vec::new();
        for step in 0..8 {
            history.push(edit(&site, &mut random, step));
            let fresh = rebuild(&source(&site), None, true);
            let again = rebuild(&source(&site), Some((&built, &served, &search)), true);
            match (again, fresh) {
                (Ok(again), Ok(fresh)) => {
                    let (rebuilt, fresh_files) = (files(&again.files), files(&fresh.files));
                    if let Some(d) = difference(&rebuilt, &fresh_files) {
                        panic!("seed {seed}, after {}: {d}", history.join("; "));
                    }
                    succeeded += 1;
                    built = again.built;
                    served = again.files;
                    search = again.search;
                }
                // A broken edit: both fail, and the last good site is still served.
                (Err(_), Err(_)) => {}
                (again, fresh) => panic!(
                    "seed {seed}, after {}: the rebuild {} but a build from nothing {}",
                    history.join("; "),
                    if again.is_ok() { "succeeded" } else { "failed" },
                    if fresh.is_ok() { "succeeded" } else { "failed" },
                ),
            }
        }
    }
    // Most edits leave a site that builds: the comparison is what is tested.
    assert!(succeeded >= 48, "only {succeeded} of 64 edits left a site that builds");
}
