//! Publishing over time: a case dated after today is published on its date
//! (`build --future` and `serve` show it before, marked), a case past its
//! `expires:` day is taken down, `check` notes both without failing, the
//! workflows `showcase init` writes rebuild daily; and the Atom feeds of each
//! section and term, in both languages.

mod common;

use common::Site;
use showcase::output::memory::Layers;
use showcase::site::Source;
use showcase::site::rebuild::rebuild;

/// The day the tests run on (`SHOWCASE_TODAY`).
const TODAY: &str = "2026-12-06";

/// The basic fixture with a case scheduled for 2099-01-05 in both languages, a
/// case that expired on 2025-01-01, and one that expires in four days.
fn site() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/future.md",
        "---\ntitle: 未来案例\nsummary: 未来的摘要。\ndate: 2099-01-05\nkind: enterprise\nindustry: [smart-software]\n---\n\n未来的正文。\n",
    );
    site.write(
        "content/cases/future.en.md",
        "---\ntitle: Future case\nsummary: The summary of the future.\ndate: 2099-01-05\nkind: enterprise\nindustry: [smart-software]\n---\n\nThe text of the future.\n",
    );
    site.write(
        "content/cases/old.md",
        "---\ntitle: 过期案例\ndate: 2024-02-01\nexpires: 2025-01-01\nkind: enterprise\nindustry: [smart-software]\n---\n\n过期的正文。\n",
    );
    site.write(
        "content/cases/soon.md",
        "---\ntitle: 将到期案例\ndate: 2024-01-15\nexpires: 2026-12-10\nkind: park\n---\n\n即将到期。\n",
    );
    site
}

fn build(site: &Site, args: &[&str]) -> common::Run {
    site.run("build", args, &[("SHOWCASE_TODAY", TODAY)])
}

/// Every file of the built site whose text holds `needle`.
fn files_holding(site: &Site, needle: &str) -> Vec<String> {
    common::snapshot(&site.root.join("public"))
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn a_scheduled_or_expired_case_is_nowhere_in_the_published_site() {
    let site = site();
    build(&site, &[]).assert_ok();
    for path in ["/cases/future/", "/en/cases/future/", "/cases/old/"] {
        assert!(!site.exists(path), "{path} was published");
    }
    // Not in lists, terms, feeds, the sitemap, the search index, the filters' data.
    for title in ["未来案例", "Future case", "过期案例", "cases/future", "cases/old"] {
        assert_eq!(files_holding(&site, title), Vec::<String>::new(), "{title}");
    }
    // The case published beside them is there, and nothing is marked.
    assert!(site.page("/cases/").contains("阿尔法案例"));
    assert!(site.page("/industry/smart-software/").contains("阿尔法案例"));
    assert!(site.page("/cases/soon/").contains("即将到期"));
    assert_eq!(files_holding(&site, "notice-scheduled"), Vec::<String>::new());
    assert_eq!(files_holding(&site, "定时发布"), Vec::<String>::new());
}

#[test]
fn build_future_includes_a_scheduled_case_marked_and_on_its_date_it_is_published_unmarked() {
    let site = site();
    build(&site, &["--future"]).assert_ok();
    let zh = site.page("/cases/future/");
    assert!(zh.contains("notice-scheduled") && zh.contains("定时发布"), "{zh}");
    assert!(zh.contains("2099"), "the notice names the day");
    let en = site.page("/en/cases/future/");
    assert!(en.contains("notice-scheduled") && en.contains("Scheduled"), "{en}");
    assert!(site.page("/cases/").contains("未来案例"));
    assert!(site.page("/feed.xml").contains("未来案例"));
    assert!(
        !site.exists("/cases/old/"),
        "--future does not bring back expired pages"
    );

    // On its date the daily build publishes it, with no mark.
    site.run("build", &[], &[("SHOWCASE_TODAY", "2099-01-05")]).assert_ok();
    let zh = site.page("/cases/future/");
    assert!(!zh.contains("notice-scheduled"), "{zh}");
    assert!(site.page("/sitemap.xml").contains("/cases/future/"));
    assert!(site.page("/industry/smart-software/feed.xml").contains("未来案例"));
}

#[test]
fn serve_shows_scheduled_and_expired_cases_marked_in_both_languages() {
    let site = site();
    // What `serve` builds: drafts, scheduled and expired pages included.
    let source = Source {
        root: &site.root,
        base_url: Some("http://127.0.0.1:1111"),
        drafts: true,
        future: true,
        expired: true,
    };
    let built = rebuild(&source, None, true).expect("the site builds");
    let page = |files: &Layers, file: &str| {
        String::from_utf8(
            files
                .get(file)
                .unwrap_or_else(|| panic!("{file} is not served"))
                .to_vec(),
        )
        .unwrap()
    };
    let zh = page(&built.files, "cases/future/index.html");
    assert!(
        zh.contains("notice-scheduled") && zh.contains("定时发布</strong> · 将于2099年1月5日发布"),
        "{zh}"
    );
    let en = page(&built.files, "en/cases/future/index.html");
    assert!(
        en.contains("notice-scheduled") && en.contains("To be published on"),
        "{en}"
    );
    let old = page(&built.files, "cases/old/index.html");
    assert!(old.contains("notice-expired") && old.contains("已下线"), "{old}");
    let alpha = page(&built.files, "cases/alpha/index.html");
    assert!(!alpha.contains("notice-scheduled") && !alpha.contains("notice-expired"));
}

#[test]
fn check_notes_scheduled_expired_and_expiring_cases_without_failing() {
    let site = site();
    let run = site.run("check", &["--format", "json"], &[("SHOWCASE_TODAY", TODAY)]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found = |rule: &str, file: &str| {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == rule && d["file"] == file)
            .cloned()
    };
    let scheduled = found("scheduled", "content/cases/future.md").expect("the scheduled case is noted");
    assert_eq!(scheduled["severity"], "info");
    assert_eq!(scheduled["line"], 4, "the line of date:");
    assert!(scheduled["message"].as_str().unwrap().contains("2099-01-05"));
    assert!(found("scheduled", "content/cases/future.en.md").is_some());
    let expired = found("expired", "content/cases/old.md").expect("the expired case is noted");
    assert_eq!(expired["severity"], "info");
    assert_eq!(expired["line"], 4, "the line of expires:");
    let expiring = found("expiring", "content/cases/soon.md").expect("the case about to expire is noted");
    assert!(expiring["message"].as_str().unwrap().contains("2026-12-10"));
    assert!(
        found("future-date", "content/cases/future.md").is_none(),
        "a scheduled date is no mistake"
    );
    // Notes are not warnings: --strict passes where there are only notes.
    let text = site.run("check", &[], &[("SHOWCASE_TODAY", TODAY)]);
    assert!(text.stdout.contains("notes)"), "{}", text.stdout);
}

#[test]
fn a_link_to_a_scheduled_case_fails_the_build_until_its_date() {
    let site = site();
    site.write(
        "content/cases/delta.md",
        "---\ntitle: 德尔塔案例\ndate: 2023-01-01\nkind: park\n---\n\n见[未来](future.md)。\n",
    );
    let run = build(&site, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/cases/delta.md")
            && run.stderr.contains("scheduled for 2099-01-05")
            && run.stderr.contains("--future"),
        "{}",
        run.stderr
    );
    build(&site, &["--future"]).assert_ok();
}

#[test]
fn expires_before_date_is_an_error_at_its_line() {
    let site = site();
    site.write(
        "content/cases/old.md",
        "---\ntitle: 过期案例\ndate: 2024-02-01\nexpires: 2024-01-01\nkind: enterprise\n---\n\n正文。\n",
    );
    let run = build(&site, &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/cases/old.md:4:1") && run.stderr.contains("before date: 2024-02-01"),
        "{}",
        run.stderr
    );
    site.write(
        "content/cases/old.md",
        "---\ntitle: 过期案例\ndate: 2024-02-01\nexpires: soon\nkind: enterprise\n---\n\n正文。\n",
    );
    let run = build(&site, &[]);
    assert!(
        run.stderr.contains("content/cases/old.md:4:1") && run.stderr.contains("\"soon\" is not a date"),
        "{}",
        run.stderr
    );
}

#[test]
fn today_is_the_day_in_the_sites_time_zone_and_a_bad_zone_is_refused() {
    let site = site();
    let toml = site.read("site.toml");
    site.write("site.toml", &format!("timezone = \"Asia/Shanghai\"\n{toml}"));
    build(&site, &[]).assert_ok();
    site.write("site.toml", &format!("timezone = \"Asia/Shangai\"\n{toml}"));
    let run = build(&site, &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("site.toml:1") && run.stderr.contains("\"Asia/Shangai\" is not a time zone"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_workflows_init_writes_rebuild_every_day_after_midnight_in_shanghai() {
    let temp = tempfile::tempdir().unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_showcase"))
        .args(["init", "site"])
        .current_dir(temp.path())
        .output()
        .unwrap();
    assert!(run.status.success());
    let github = std::fs::read_to_string(temp.path().join("site/.github/workflows/pages.yml")).unwrap();
    let on = github.split("\npermissions:").next().unwrap();
    assert!(
        on.contains("  schedule:\n    - cron: \"5 16 * * *\""),
        "16:05 UTC is 00:05 in Shanghai:\n{on}"
    );
    let gitlab = std::fs::read_to_string(temp.path().join("site/.gitlab-ci.yml")).unwrap();
    assert!(gitlab.contains("Pipeline schedules") && gitlab.contains("Asia/Shanghai"));
}

// ---- feeds per section and per term ----

struct Entry {
    title: String,
    link: String,
    published: String,
    content: Option<String>,
}

/// The feed's entries, after checking what every Atom feed must have.
#[track_caller]
fn entries(xml: &str, self_url: &str) -> Vec<Entry> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
    let child = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    assert_eq!(child(feed, "id").as_deref(), Some(self_url));
    assert!(child(feed, "updated").is_some_and(|u| u.ends_with('Z')));
    assert!(feed.children().any(|c| c.tag_name().name() == "link"
        && c.attribute("rel") == Some("self")
        && c.attribute("href") == Some(self_url)));
    feed.children()
        .filter(|c| c.tag_name().name() == "entry")
        .map(|e| Entry {
            title: child(e, "title").unwrap(),
            link: e
                .children()
                .find(|c| c.tag_name().name() == "link")
                .and_then(|l| l.attribute("href"))
                .unwrap()
                .to_string(),
            published: child(e, "published").unwrap(),
            content: child(e, "content"),
        })
        .collect()
}

#[test]
fn each_section_and_term_has_a_feed_in_each_language_newest_first() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let base = "https://cases.example.org";

    let section = entries(&site.page("/cases/feed.xml"), &format!("{base}/cases/feed.xml"));
    let titles: Vec<&str> = section.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        ["阿尔法案例", "贝塔案例", "中以创新园", "德尔塔案例", "图片案例"]
    );
    assert!(!titles.contains(&"伽马草稿"), "drafts stay out");
    assert!(
        section.windows(2).all(|w| w[0].published >= w[1].published),
        "newest first"
    );
    assert_eq!(section[0].link, format!("{base}/cases/alpha/"));
    assert!(section.iter().all(|e| e.content.is_none()), "summaries only by default");

    let term = entries(
        &site.page("/industry/smart-software/feed.xml"),
        &format!("{base}/industry/smart-software/feed.xml"),
    );
    assert_eq!(
        term.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(),
        ["阿尔法案例"]
    );
    let en = entries(
        &site.page("/en/industry/smart-software/feed.xml"),
        &format!("{base}/en/industry/smart-software/feed.xml"),
    );
    assert_eq!(en.len(), 1);
    assert_eq!(
        (en[0].title.as_str(), en[0].link.as_str()),
        ("Alpha case", &*format!("{base}/en/cases/alpha/"))
    );
    let en_kind = entries(
        &site.page("/en/kind/enterprise/feed.xml"),
        &format!("{base}/en/kind/enterprise/feed.xml"),
    );
    assert!(
        en_kind.iter().all(|e| e.link.starts_with(&format!("{base}/en/"))),
        "only English entries"
    );

    // The lists link their feed from their head; the feeds are not in the sitemap.
    let head_link = |page: &str, href: &str| {
        let html = site.page(page);
        let head = html.split("</head>").next().unwrap().to_string();
        head.split("<link")
            .any(|tag| tag.contains("application/atom+xml") && tag.contains(&format!("href=\"{href}\"")))
    };
    assert!(head_link("/cases/", "/cases/feed.xml"));
    assert!(head_link(
        "/industry/smart-software/",
        "/industry/smart-software/feed.xml"
    ));
    assert!(head_link(
        "/en/industry/smart-software/",
        "/en/industry/smart-software/feed.xml"
    ));
    assert!(!site.page("/sitemap.xml").contains("feed.xml"));
}

#[test]
fn full_text_puts_each_entrys_text_in_the_feed() {
    let site = Site::fixture("basic");
    let toml = site.read("site.toml");
    site.write("site.toml", &format!("{toml}\n[feeds]\nfull_text = true\n"));
    site.build(&[]).assert_ok();
    let term = entries(
        &site.page("/industry/smart-software/feed.xml"),
        "https://cases.example.org/industry/smart-software/feed.xml",
    );
    let content = term[0].content.as_deref().expect("the entry has its text");
    assert!(content.contains("<h2") && content.contains("第一行"), "{content}");
    let site_feed = entries(&site.page("/feed.xml"), "https://cases.example.org/feed.xml");
    assert!(site_feed.iter().all(|e| e.content.is_some()));
}
