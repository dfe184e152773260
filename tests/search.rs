//! The search index written with the site: per language, split into shards,
//! with fragments for the results.

mod common;

use common::{Site, fresh, snapshot};

fn json(site: &Site, path: &str) -> serde_json::Value {
    serde_json::from_str(&site.page(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The postings of a term: (id, fields) pairs, ids made absolute.
fn postings(site: &Site, base: &str, term: &str) -> Vec<(u64, u64)> {
    let manifest = json(site, &format!("{base}index.json"));
    let firsts: Vec<&str> = manifest["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let shard = firsts.iter().rposition(|f| *f <= term).unwrap();
    let data = json(site, &format!("{base}s/{shard}.json"));
    let Some(list) = data[term].as_str() else {
        return Vec::new();
    };
    let mut id = 0;
    list.split(';')
        .map(|entry| {
            let parts: Vec<&str> = entry.split(',').collect();
            id += u64::from_str_radix(parts[0], 36).unwrap();
            (id, parts[1].parse().unwrap())
        })
        .collect()
}

#[test]
fn each_language_has_its_index_and_fragments() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let zh = json(&site, "/search/index.json");
    // zh pages: alpha, beta, 中以, delta, bundle (newest first); the draft is left out.
    assert_eq!(zh["docs"], 5);
    assert_eq!(zh["version"], 2);
    let first = json(&site, "/search/f/0.json");
    assert_eq!(first["u"], "/cases/alpha/");
    assert_eq!(first["t"], "阿尔法案例");
    assert_eq!(first["k"], "企业");
    assert_eq!(first["dd"], "2024年5月1日");
    assert!(first["x"].as_str().unwrap().contains("第一行第二行"));
    assert!(
        !first["x"].as_str().unwrap().contains("fn main"),
        "code blocks are not indexed"
    );
    // English: alpha, bundle and the three untranslated originals, marked as Chinese.
    assert_eq!(json(&site, "/en/search/index.json")["docs"], 5);
    assert_eq!(json(&site, "/en/search/f/1.json")["l"], "zh-CN");
    assert!(site.page("/search/").contains("<h1>搜索</h1>"));
    assert!(
        site.page("/cases/alpha/")
            .contains(r#"<form class="site-search" role="search" action="/search/" method="get">"#)
    );
}

#[test]
fn chinese_terms_are_pairs_and_fields_are_marked() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    // 阿尔 is in alpha's title (1) and summary (2); 摘要 in its summary only.
    assert_eq!(postings(&site, "/search/", "阿尔"), vec![(0, 3)]);
    assert_eq!(postings(&site, "/search/", "摘要"), vec![(0, 2)]);
    // 案例 is in every title.
    assert_eq!(postings(&site, "/search/", "案例").len(), 4);
    // Organisation and term labels are searchable: 阿尔法公司, 智能软件.
    assert!(
        postings(&site, "/search/", "公司")
            .iter()
            .any(|&(id, f)| id == 0 && f & 2 != 0)
    );
    assert!(postings(&site, "/search/", "智能").iter().any(|&(id, _)| id == 0));
    // English words are stemmed: "quoted" → quot.
    assert_eq!(postings(&site, "/en/search/", "quot"), vec![(0, 4)]);
}

#[test]
fn the_index_is_deterministic() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let first = snapshot(&site.root.join("public/search"));
    site.build(&["-o", "again"]).assert_ok();
    assert!(first == snapshot(&site.root.join("again/search")));
}

/// A rebuild takes an unchanged index from the site it replaces, checking
/// every file; an index whose input changed, or whose files do not check, is
/// built anew. Either way the output is a fresh build's.
#[test]
fn an_unchanged_index_is_reused_only_when_it_checks() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let first = snapshot(&site.root.join("public"));
    assert!(site.root.join(".showcase-cache/search-zh.json").is_file());
    assert!(site.root.join(".showcase-cache/search-en.json").is_file());

    // A fragment changed by hand (same length) does not survive the rebuild.
    let manifest = site.root.join("public/search/index.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let damaged = text.replace("\"version\":2", "\"version\":9");
    assert_ne!(damaged, text);
    std::fs::remove_file(&manifest).unwrap();
    std::fs::write(&manifest, damaged).unwrap();
    site.build(&[]).assert_ok();
    assert!(
        snapshot(&site.root.join("public")) == first,
        "a damaged index file was kept"
    );

    // A damaged record is not read.
    let record = site.root.join(".showcase-cache/search-zh.json");
    std::fs::write(&record, "0000000000000000\n{\"fingerprint\":1,\"files\":[]}").unwrap();
    site.build(&[]).assert_ok();
    assert!(snapshot(&site.root.join("public")) == first);

    // New text is in the new index.
    let alpha = site.read("content/cases/alpha.md");
    site.write("content/cases/alpha.md", &format!("{alpha}\n鹦鹉螺实训。\n"));
    site.build(&[]).assert_ok();
    let fragments: String = (0..10)
        .filter_map(|id| std::fs::read_to_string(site.root.join(format!("public/search/f/{id}.json"))).ok())
        .collect();
    assert!(fragments.contains("鹦鹉螺实训"));
}

/// What the build says it did with one language's index (with SHOWCASE_PROFILE).
fn index_note(site: &Site, lang: &str) -> String {
    let run = site.run("build", &[], &[("SHOWCASE_PROFILE", "1")]);
    run.assert_ok();
    let head = format!("showcase: search index {lang}: ");
    run.stderr
        .lines()
        .find_map(|l| l.strip_prefix(&head))
        .unwrap_or_else(|| panic!("no {head} line in {}", run.stderr))
        .to_string()
}

/// A build after an edit updates the last build's index: it tokenizes only the
/// cases that changed and reads the others' postings back from the index it
/// replaces. The files are those a build from nothing writes, whether the
/// edit keeps every case's number or renumbers them (a new date, a case added
/// or removed); an index whose files were changed by hand is made anew.
#[test]
fn a_rebuild_updates_the_index_to_the_same_bytes() {
    let site = Site::fixture("basic");
    for n in 0..20 {
        site.write(
            &format!("content/cases/gen-{n:02}.md"),
            &format!(
                "---\ntitle: 生成案例{n} Generated case {n}\nsummary: 第{n}个摘要。\ndate: 2023-{:02}-{:02}\nkind: enterprise\n---\n\n校企合作第{n}段，training apprentices {n}.\n",
                n % 12 + 1,
                n % 28 + 1
            ),
        );
    }
    site.build(&[]).assert_ok();
    type Edit = fn(&Site);
    let edits: [(&str, &str, Edit); 6] = [
        // Words the case had already move: into the title, and further on in the text.
        ("a case's title and text", "updated, 1 of 25 documents tokenized", |s| {
            let text = s.read("content/cases/gen-03.md");
            let text = text
                .replace("Generated case 3", "Generated case 3 training")
                .replace("\n\n校企合作", "\n\n新增鹦鹉螺实训 nautilus.\n\n校企合作");
            s.write("content/cases/gen-03.md", &text);
        }),
        (
            "a case's date, which renumbers the others",
            "updated, 1 of 25 documents tokenized",
            |s| {
                let text = s.read("content/cases/gen-07.md");
                s.write(
                    "content/cases/gen-07.md",
                    &text.replace("date: 2023-08-08", "date: 2025-01-01"),
                );
            },
        ),
        ("a case added", "updated, 1 of 26 documents tokenized", |s| {
            s.write(
                "content/cases/gen-new.md",
                "---\ntitle: 新来的案例 Newcomer\ndate: 2023-06-15\nkind: enterprise\n---\n\n独一无二的穿山甲 pangolin.\n",
            );
        }),
        ("a case removed", "updated, 0 of 25 documents tokenized", |s| {
            s.remove("content/cases/gen-11.md");
        }),
        ("the case as it was", "updated, 1 of 25 documents tokenized", |s| {
            let text = s.read("content/cases/gen-03.md");
            let text = text
                .replace("Generated case 3 training", "Generated case 3")
                .replace("新增鹦鹉螺实训 nautilus.\n\n", "");
            s.write("content/cases/gen-03.md", &text);
        }),
        ("a shard changed by hand", "made anew, 25 documents", |s| {
            let shard = s.root.join("public/search/s/0.json");
            let text = std::fs::read_to_string(&shard).unwrap();
            std::fs::remove_file(&shard).unwrap();
            std::fs::write(&shard, text.replacen(",4,", ",2,", 1)).unwrap();
            let text = s.read("content/cases/gen-05.md");
            s.write("content/cases/gen-05.md", &format!("{text}\n再加一句。\n"));
        }),
    ];
    for (what, said, edit) in edits {
        edit(&site);
        assert_eq!(index_note(&site, "zh"), said, "{what}");
        assert!(snapshot(&site.root.join("public")) == fresh(&site), "{what}");
    }
    // The index holds the new text and not the old.
    assert!(postings(&site, "/search/", "穿山").len() == 1);
    assert!(postings(&site, "/search/", "鹦鹉").is_empty());
}
