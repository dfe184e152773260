//! The authoring workflow: scaffolding a case, recording and detecting stale
//! translations, the notices readers see, the fallback policies, missing
//! labels and strings, and the editorial checks — as an author would run them.

mod common;

use common::{Site, lines_with};

fn with_config(site: &Site, extra: &str) {
    let config = site.read("site.toml");
    site.write("site.toml", &format!("{config}\n{extra}\n"));
}

#[track_caller]
fn headings(html: &str) -> Vec<String> {
    html.lines()
        .filter(|l| l.starts_with("<h2 id="))
        .map(|l| l.split('>').nth(1).unwrap().split('<').next().unwrap().to_string())
        .collect()
}

// ---- showcase new case ----

#[test]
fn a_scaffolded_pair_builds_with_drafts_and_has_the_outline_in_both_languages() {
    let site = Site::fixture("basic");
    let run = site.cli(&["new", "case", "喜马拉雅", "--kind", "enterprise"]);
    run.assert_ok();
    assert!(
        run.stdout.starts_with(
            "showcase: created content/cases/xi-ma-la-ya.md and content/cases/xi-ma-la-ya.en.md (drafts, kind enterprise)\n"
        ),
        "{}",
        run.stdout
    );
    let zh = site.read("content/cases/xi-ma-la-ya.md");
    assert!(
        zh.starts_with("---\ntitle: （请填写标题）\nsummary:\ndate: 2025-03-01\nkind: enterprise\nindustry: []\norganisation:\ndraft: true\n---\n"),
        "{zh}"
    );
    let en = site.read("content/cases/xi-ma-la-ya.en.md");
    assert!(en.starts_with("---\ntitle: (Title to be written)\n"), "{en}");
    // The translation is recorded as made from the new original.
    assert!(en.contains("\ndraft: true\ntranslated_from: "), "{en}");

    // Drafts: left out of a plain build, there with --drafts.
    site.build(&[]).assert_ok();
    assert!(!site.exists("/cases/xi-ma-la-ya/"));
    site.build(&["--drafts"]).assert_ok();
    assert_eq!(
        headings(&site.page("/cases/xi-ma-la-ya/")),
        ["基本情况", "主要做法", "取得成效", "经验启示"]
    );
    let en_page = site.page("/en/cases/xi-ma-la-ya/");
    assert_eq!(headings(&en_page), ["Background", "Approach", "Results", "Lessons"]);
    assert!(en_page.contains("<h1>(Title to be written)</h1>"), "{en_page}");
    assert!(
        !en_page.contains("has been updated since this English version"),
        "a fresh pair is not stale: {en_page}"
    );
    // Drafts say so on the page.
    assert!(en_page.contains("notice-draft") && en_page.contains("This page is a draft"));
}

#[test]
fn a_placeholder_title_cannot_be_published() {
    let site = Site::fixture("basic");
    site.cli(&["new", "case", "喜马拉雅", "--kind", "enterprise"])
        .assert_ok();
    let zh = site.read("content/cases/xi-ma-la-ya.md");
    site.write(
        "content/cases/xi-ma-la-ya.md",
        &zh.replace("draft: true", "draft: false"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/cases/xi-ma-la-ya.md:2:1: error: the title is still the placeholder \"（请填写标题）\" written by showcase new; write the page's title (or keep draft: true until it is ready)"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn new_case_refuses_to_overwrite() {
    let site = Site::fixture("basic");
    site.cli(&["new", "case", "Lenovo class", "--kind", "enterprise"])
        .assert_ok();
    site.write("content/cases/lenovo-class.md", "---\ntitle: 已写好的案例\n---\n");
    let run = site.cli(&["new", "case", "Lenovo class", "--kind", "enterprise"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "showcase: content/cases/lenovo-class.md, content/cases/lenovo-class.en.md already exist; showcase new never overwrites a case"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.read("content/cases/lenovo-class.md"),
        "---\ntitle: 已写好的案例\n---\n"
    );
    // An existing page of that name in any form counts: here, the original alone.
    let run = site.cli(&["new", "case", "alpha", "--kind", "enterprise"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("content/cases/alpha.md, content/cases/alpha.en.md already exist"),
        "{}",
        run.stderr
    );
    let run = site.cli(&["new", "case", "beta", "--kind", "enterprise"]);
    assert!(
        run.stderr.contains("content/cases/beta.md already exists"),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("content/cases/beta.en.md").exists());
}

#[test]
fn new_case_checks_the_kind_and_the_section() {
    let site = Site::fixture("basic");
    let run = site.cli(&["new", "case", "x", "--kind", "entreprise"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "unknown kind \"entreprise\"; did you mean \"enterprise\"? (site.toml defines: enterprise, park)"
        ),
        "{}",
        run.stderr
    );
    let run = site.cli(&["new", "case", "x"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("say which kind of case it is with --kind K (one of: enterprise, park)")
    );
    let run = site.cli(&["new", "case", "x", "--kind", "park", "--section", "case"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "there is no section content/case/; did you mean \"cases\"? (to make one, create content/case/_index.md"
        ),
        "{}",
        run.stderr
    );
    // A section without an English index would not build the English page.
    site.write("content/parks/_index.md", "---\ntitle: 园区\n---\n");
    let run = site.cli(&["new", "case", "x", "--section", "parks", "--kind", "park"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the section content/parks/ has no content/parks/_index.en.md"),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("content/parks/x.md").exists());
    // --kind alone: the section with most cases of that kind; --section alone: its most common kind.
    site.write("content/parks/_index.en.md", "---\ntitle: Parks\n---\n");
    for name in ["p1", "p2", "p3", "p4"] {
        site.write(
            &format!("content/parks/{name}.md"),
            "---\ntitle: 园区\ndate: 2024-01-01\nkind: park\n---\n",
        );
    }
    site.cli(&["new", "case", "新园区", "--kind", "park"]).assert_ok();
    assert!(site.root.join("content/parks/xin-yuan-qu.md").exists());
    let run = site.cli(&["new", "case", "另一个", "--section", "content/parks/"]);
    run.assert_ok();
    assert!(run.stdout.contains("content/parks/ling-yi-ge.md"), "{}", run.stdout);
    assert!(site.read("content/parks/ling-yi-ge.md").contains("\nkind: park\n"));
    site.build(&["--drafts"]).assert_ok();
}

#[test]
fn a_site_archetype_replaces_the_builtin_outline() {
    let site = Site::fixture("basic");
    site.write(
        "archetypes/case.md",
        "---\ntitle: {{ title }}\ndate: {{date}}\nkind: {{kind}}\ndraft: true\n---\n\n# {{name}}\n\n## 企业简介\n",
    );
    site.write(
        "archetypes/case.en.md",
        "---\ntitle: {{title}}\ndate: {{date}}\nkind: {{kind}}\ndraft: true\n---\n\n## Profile\n",
    );
    site.cli(&["new", "case", "天地", "--kind", "park"]).assert_ok();
    assert_eq!(
        site.read("content/cases/tian-di.md"),
        "---\ntitle: （请填写标题）\ndate: 2025-03-01\nkind: park\ndraft: true\n---\n\n# 天地\n\n## 企业简介\n"
    );
    let en = site.read("content/cases/tian-di.en.md");
    assert!(en.contains("\ndraft: true\ntranslated_from: "), "{en}");
    assert!(en.ends_with("---\n\n## Profile\n"), "{en}");
    // A mistake in an archetype is named with its line and column.
    site.write("archetypes/case.en.md", "---\ntitle: {{titel}}\n---\n");
    let run = site.cli(&["new", "case", "另一个", "--kind", "park"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("archetypes/case.en.md:2:8: error: unknown placeholder {{titel}}; did you mean \"title\"?"),
        "{}",
        run.stderr
    );
    assert!(
        !site.root.join("content/cases/ling-yi-ge.md").exists(),
        "no file is created"
    );
}

// ---- translation status ----

/// The fixture with its English pages' stamps removed, as a site that never stamped them.
fn unstamped_fixture() -> Site {
    let site = Site::fixture("basic");
    for file in [
        "content/_index.en.md",
        "content/cases/_index.en.md",
        "content/cases/alpha.en.md",
        "content/cases/bundle/index.en.md",
    ] {
        let text = site.read(file);
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with("translated_from:"))
            .map(|l| format!("{l}\n"))
            .collect();
        site.write(file, &kept);
    }
    site
}

#[test]
fn a_stale_translation_is_detected_after_the_source_changes_and_cleared_by_stamping() {
    let site = unstamped_fixture();
    let before = site.read("content/cases/alpha.en.md");
    let status = site.cli(&["status"]);
    status.assert_ok();
    assert!(
        status
            .stdout
            .contains("案例 (cases/)      5           0      0          2        3\n"),
        "{}",
        status.stdout
    );

    let run = site.cli(&["translated", "content/cases/alpha.en.md"]);
    run.assert_ok();
    assert!(
        run.stdout.starts_with("showcase: content/cases/alpha.en.md is now recorded as up to date with content/cases/alpha.md (translated_from: "),
        "{}",
        run.stdout
    );
    // Only one line was added; everything else is as it was.
    let after = site.read("content/cases/alpha.en.md");
    let added: Vec<&str> = after.lines().filter(|l| !before.lines().any(|b| b == *l)).collect();
    assert_eq!(added.len(), 1, "{after}");
    assert!(added[0].starts_with("translated_from: ") && added[0].len() == "translated_from: ".len() + 7);
    assert_eq!(after.replace(&format!("{}\n", added[0]), ""), before);
    assert!(
        site.cli(&["status"])
            .stdout
            .contains("5           1      0          1        3\n")
    );
    site.build(&[]).assert_ok();
    assert!(!site.page("/en/cases/alpha/").contains("notice-page"));

    // The original is edited: the translation is stale, on the page and in the reports.
    let alpha = site.read("content/cases/alpha.md");
    site.write("content/cases/alpha.md", &alpha.replace("第二行", "第二行，有了新内容"));
    let status = site.cli(&["status"]);
    assert!(
        status.stdout.contains("5           0      1          1        3\n"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("stale (1): the original changed since; update the translation, then run showcase translated FILE\n  content/cases/alpha.en.md:7 (original: content/cases/alpha.md)\n"),
        "{}",
        status.stdout
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        run.stdout.trim_end().ends_with("; translations: en 3 missing, 1 stale"),
        "{}",
        run.stdout
    );
    let en = site.page("/en/cases/alpha/");
    assert!(
        en.contains(r#"<p class="notice notice-page" role="note">The Chinese original of this page has been updated since this English version was made, so it may be out of date. <a href="/cases/alpha/" hreflang="zh-CN">Read the Chinese original</a></p>"#),
        "{en}"
    );
    // The notice comes before the page's title.
    assert!(en.find("notice-page").unwrap() < en.find("<h1>").unwrap());

    // Line ends, a BOM or trailing spaces in the original do not make a translation stale.
    site.cli(&["translated", "content/cases/alpha.en.md"]).assert_ok();
    let alpha = site.read("content/cases/alpha.md");
    site.write(
        "content/cases/alpha.md",
        &format!("\u{feff}{}  \n\n", alpha.replace('\n', "\r\n")),
    );
    assert!(
        site.cli(&["status"])
            .stdout
            .contains("5           1      0          1        3\n")
    );
    site.build(&[]).assert_ok();
    assert!(!site.page("/en/cases/alpha/").contains("notice-page"));
}

#[test]
fn translated_needs_a_translation_inside_a_site() {
    let site = unstamped_fixture();
    let run = site.cli(&["translated", "content/cases/alpha.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("content/cases/alpha.md is in the default language (中文): it is the original; pass its translation, such as content/cases/alpha.en.md"),
        "{}",
        run.stderr
    );
    site.write("content/cases/orphan.en.md", "---\ntitle: Orphan\n---\n");
    let run = site.cli(&["translated", "content/cases/orphan.en.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("has no original: there is no content/cases/orphan.md"),
        "{}",
        run.stderr
    );
    site.write("notes/a.en.md", "---\ntitle: A\n---\n");
    let run = site.cli(&["translated", "notes/a.en.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("notes/a.en.md is not inside a site's content folder (no site.toml above it); pass --root DIR"),
        "{}",
        run.stderr
    );
    // A stamp in an original is a mistake, and so is a stamp that is not a hash.
    let alpha = site.read("content/cases/alpha.md");
    site.write(
        "content/cases/alpha.md",
        &alpha.replacen("kind:", "translated_from: 3f2a9c1\nkind:", 1),
    );
    let en = site.read("content/cases/alpha.en.md");
    site.write(
        "content/cases/alpha.en.md",
        &en.replacen("kind:", "translated_from: latest\nkind:", 1),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/cases/alpha.md:5:1: error: translated_from belongs in a translation, and this file is the 中文 original; remove the line"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/cases/alpha.en.md:5:1: error: translated_from must be the short hash that \"showcase translated\" writes, such as 3f2a9c1, not \"latest\""),
        "{}",
        run.stderr
    );
}

#[test]
fn status_prints_an_aligned_table_per_language() {
    let site = unstamped_fixture();
    let run = site.cli(&["status"]);
    run.assert_ok();
    assert!(
        run.stdout.starts_with(
            "English (en)\n\
             section        pages  translated  stale  unstamped  missing\n\
             案例 (cases/)      5           0      0          2        3\n\
             total              5           0      0          2        3\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("missing (3): write these files\n  content/cases/beta.en.md (original: content/cases/beta.md)\n")
    );
}

// ---- fallback policies ----

#[test]
fn fallback_notice_publishes_the_original_at_the_other_address() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let page = site.page("/en/cases/beta/");
    // English chrome, the text marked as Chinese.
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{page}");
    assert!(page.contains("<a class=\"site-brand\" href=\"/en/\"><span class=\"site-title\">Test Cases</span></a>"));
    assert!(page.contains("<h1 lang=\"zh-CN\">贝塔案例</h1>"), "{page}");
    assert!(
        page.contains("<div class=\"prose\" lang=\"zh-CN\">\n<h2 id=\"ji-ben-qing-kuang\">基本情况</h2>"),
        "{page}"
    );
    assert!(
        page.contains("<span aria-current=\"page\" lang=\"zh-CN\">贝塔案例</span>"),
        "{page}"
    );
    assert!(page.contains(r#"<p class="notice notice-page" role="note">This page has not been translated into English yet; below is the Chinese original. <a href="/cases/beta/" hreflang="zh-CN">Open the Chinese page</a></p>"#), "{page}");
    // Not a translation: canonical is the original, no hreflang alternate claims English.
    assert!(page.contains(r#"<link rel="canonical" href="https://cases.example.org/cases/beta/">"#));
    assert!(
        lines_with(&page, "<link rel=\"alternate\" hreflang=").is_empty(),
        "{page}"
    );
    assert!(page.contains(r#"<a href="/cases/beta/" hreflang="zh-CN" lang="zh-CN">中文</a>"#));
    // Lists in English link to it, marked as untranslated.
    let list = site.page("/en/kind/enterprise/");
    assert!(
        list.contains(r#"<a href="/en/cases/beta/" hreflang="zh-CN">贝塔案例</a>"#),
        "{list}"
    );

    // A section with no English version: its pages still get one, under the English home.
    site.write("content/parks/_index.md", "---\ntitle: 园区\n---\n");
    site.write(
        "content/parks/p1.md",
        "---\ntitle: 园区一\ndate: 2024-01-01\nkind: park\n---\n正文。\n",
    );
    site.build(&[]).assert_ok();
    let page = site.page("/en/parks/p1/");
    assert!(
        page.contains("<li><a href=\"/en/\">Test Cases</a></li>\n  \n    <li><span aria-current=\"page\" lang=\"zh-CN\">园区一</span></li>"),
        "{page}"
    );
    assert!(
        site.page("/en/kind/park/")
            .contains(r#"<a href="/en/parks/p1/" hreflang="zh-CN">园区一</a>"#)
    );
}

#[test]
fn fallback_skip_leaves_untranslated_pages_out() {
    let site = Site::fixture("basic");
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &config.replace("title = \"Test Cases\"", "title = \"Test Cases\"\nfallback = \"skip\""),
    );
    let run = site.build(&[]);
    run.assert_ok();
    // zh 23 and the WeChat articles of its 5 cases; en: home, search, site map, 1 list page,
    // alpha, bundle and their articles, and 9 taxonomy pages.
    assert!(
        run.stdout.starts_with("showcase: built 45 pages (zh 28, en 17) "),
        "{}",
        run.stdout
    );
    assert!(!site.exists("/en/cases/beta/"));
    assert!(!site.page("/en/cases/").contains("贝塔"));
    assert!(!site.page("/en/").contains("贝塔"));
    let beta = site.page("/cases/beta/");
    assert!(beta.contains(r#"<a href="/en/" hreflang="en" lang="en" title="This page has no version in this language; the link opens its home page">English</a>"#), "{beta}");
    // A link from English text goes to the original.
    assert!(
        site.page("/en/cases/alpha/")
            .contains(r#"<a href="/cases/beta/">Beta</a>"#)
    );
}

// ---- labels and UI strings ----

#[test]
fn a_term_label_missing_in_one_language_is_an_error() {
    let site = Site::fixture("basic");
    let config = site.read("site.toml");
    site.write("site.toml", &config.replace(", en = \"Tech finance\"", ""));
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("site.toml:21:17: error: term \"fintech\" of taxonomy \"industry\" has no label in language \"en\"; add en = \"…\""),
        "{}",
        run.stderr
    );
}

#[test]
fn a_ui_string_missing_in_one_language_is_an_error_naming_key_and_language() {
    let site = Site::fixture("basic");
    let zh = site.root.join("themes/default/i18n/zh.toml");
    let text = std::fs::read_to_string(&zh).unwrap();
    std::fs::write(
        &zh,
        text.lines()
            .filter(|l| !l.starts_with("stale_notice"))
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("themes/default/i18n/zh.toml: error: the UI string \"stale_notice\" has no 中文 text; add stale_notice = \"…\""),
        "{}",
        run.stderr
    );
    // A string a template uses that no language defines.
    let site = Site::fixture("basic");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}{{ t(key=\"gone\") }}{% endblock content %}\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("templates/404.html:2:23: error: 404.html uses the UI string \"gone\", which i18n/en.toml does not define; add gone = \"…\""),
        "{}",
        run.stderr
    );
}

// ---- editorial checks ----

#[test]
fn status_lint_lists_editorial_findings_with_their_place() {
    let site = Site::fixture("basic");
    with_config(
        &site,
        "[glossary]\n\"产教融合\" = { en = \"industry-education integration\", avoid = [\"integration of industry and education\"] }\n",
    );
    site.write(
        "content/cases/epsilon.md",
        "---\ntitle: 伊普西隆,案例\ndate: 2024-01-01\nkind: park\n---\n\n产教融合--重点...\n\n```\n代码,不算--\n```\n",
    );
    site.write(
        "content/cases/epsilon.en.md",
        "---\ntitle: Epsilon\ndate: 2024-01-01\nkind: park\n---\n\nThe integration of industry and education，in `代码，` form.\n",
    );
    let run = site.cli(&["status", "--lint"]);
    run.assert_ok();
    let findings: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("editorial findings"))
        .collect();
    assert_eq!(
        findings,
        [
            "editorial findings: 5",
            "content/cases/epsilon.en.md:7:5: warning: \"integration of industry and education\" is not how this site renders 产教融合; write \"industry-education integration\" [glossary]",
            "content/cases/epsilon.en.md:7:42: warning: Chinese punctuation \"，\" in text that is not Chinese; write \",\" [chinese-punctuation]",
            "content/cases/epsilon.md:2:12: warning: ASCII \",\" after a Chinese character; write \"，\" [zh-ascii-punctuation]",
            "content/cases/epsilon.md:7:5: warning: \"--\" in Chinese text; write the Chinese dash \"——\" [zh-ascii-dash]",
            "content/cases/epsilon.md:7:9: warning: \"...\" in Chinese text; write the Chinese ellipsis \"……\" [zh-ascii-ellipsis]",
        ]
    );
    // The findings are advice: the site still builds.
    site.build(&[]).assert_ok();
}

#[test]
fn check_reports_corner_brackets_straight_quotes_range_hyphens_and_calques() {
    let site = Site::fixture("basic");
    with_config(
        &site,
        "[glossary]\n\"科技金融\" = { en = \"sci-tech finance\", avoid = [\"fintech\", \"tech finance\"] }\n\"发挥……作用\" = { en = \"make full use of\", avoid = [\"give play to\"] }\n",
    );
    site.write(
        "content/cases/epsilon.md",
        "---\ntitle: 伊普西隆「案例」\ndate: 2024-01-01\nkind: park\n---\n\n方案提出：“组建5-6个基地”，推广『联想专班』。\n",
    );
    site.write(
        "content/cases/epsilon.en.md",
        "---\ntitle: 'The \"Epsilon\" park''s plan'\nsummary: Sci-tech finance for 5-6 bases\ndate: 2024-01-01\nkind: park\n---\n\nGive play to \"tech finance\", set up 5-6 bases (issued 2021-01-12).\n",
    );
    let run = site.check(&["--format", "json"]);
    assert_eq!(run.code, 0, "warnings only: {}{}", run.stdout, run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(String, u64, u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .is_some_and(|f| f.starts_with("content/cases/epsilon"))
        })
        .filter(|d| d["rule"] != "unstamped-translation")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("content/cases/epsilon.en.md", 2, 13, "straight-quotes"),
        ("content/cases/epsilon.en.md", 2, 21, "straight-quotes"),
        ("content/cases/epsilon.en.md", 2, 27, "straight-quotes"),
        ("content/cases/epsilon.en.md", 3, 32, "range-hyphen"),
        ("content/cases/epsilon.en.md", 8, 1, "glossary"),
        ("content/cases/epsilon.en.md", 8, 15, "glossary"),
        ("content/cases/epsilon.en.md", 8, 38, "range-hyphen"),
        ("content/cases/epsilon.md", 2, 12, "zh-corner-quotes"),
        ("content/cases/epsilon.md", 2, 15, "zh-corner-quotes"),
        ("content/cases/epsilon.md", 7, 19, "zh-corner-quotes"),
        ("content/cases/epsilon.md", 7, 24, "zh-corner-quotes"),
    ];
    let expected: Vec<(String, u64, u64, String)> = expected
        .iter()
        .map(|(f, l, c, r)| (f.to_string(), *l, *c, r.to_string()))
        .collect();
    assert_eq!(found, expected, "{}", run.stdout);
    let messages = run.stdout;
    assert!(messages.contains("write an en dash: \\\"5–6\\\""), "{messages}");
    assert!(messages.contains("write the quotation mark \\\"“\\\""), "{messages}");
    assert!(
        messages
            .contains("\\\"give play to\\\" is not how this site renders 发挥……作用; write \\\"make full use of\\\""),
        "{messages}"
    );
    // --strict makes them fail the check.
    assert_eq!(site.check(&["--strict"]).code, 1);
}
