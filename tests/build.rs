//! Building a small bilingual fixture site and reading what a reader gets.

mod common;

use common::{Site, fresh, lines_with, snapshot};

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    site
}

#[test]
fn translations_link_both_ways_with_hreflang() {
    let site = built();
    let zh = site.page("/cases/alpha/");
    let en = site.page("/en/cases/alpha/");
    assert!(zh.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "{zh}");
    assert!(en.contains("<html lang=\"en\">"));
    for html in [&zh, &en] {
        let alternates = lines_with(html, "<link rel=\"alternate\" hreflang=");
        assert_eq!(
            alternates,
            vec![
                r#"<link rel="alternate" hreflang="zh-CN" href="https://cases.example.org/cases/alpha/">"#,
                r#"<link rel="alternate" hreflang="en" href="https://cases.example.org/en/cases/alpha/">"#,
                r#"<link rel="alternate" hreflang="x-default" href="https://cases.example.org/cases/alpha/">"#,
            ]
        );
    }
    // The language switcher goes to the exact translation.
    assert!(
        zh.contains(r#"<a href="/en/cases/alpha/" hreflang="en" lang="en">English</a>"#),
        "{zh}"
    );
    assert!(en.contains(r#"<a href="/cases/alpha/" hreflang="zh-CN" lang="zh-CN">中文</a>"#));
    assert!(zh.contains(r#"<link rel="canonical" href="https://cases.example.org/cases/alpha/">"#));
}

#[test]
fn a_page_without_translation_switches_to_its_fallback_page_and_has_no_alternates() {
    let site = built();
    let beta = site.page("/cases/beta/");
    // fallback = "notice": the English address shows the original with a notice.
    assert!(site.exists("/en/cases/beta/"));
    assert!(
        lines_with(&beta, "<link rel=\"alternate\" hreflang=").is_empty(),
        "{beta}"
    );
    assert!(beta.contains(r#"<a href="/en/cases/beta/" hreflang="en" lang="en" title="This page has not been translated into English; the link shows the Chinese original with English navigation">English</a>"#), "{beta}");
    let fallback = site.page("/en/cases/beta/");
    assert!(
        lines_with(&fallback, "<link rel=\"alternate\" hreflang=").is_empty(),
        "{fallback}"
    );
}

#[test]
fn english_list_shows_untranslated_cases_with_a_notice() {
    let site = built();
    // Newest first: alpha (2024-05), beta (2024-03) on page 1.
    let en = site.page("/en/cases/");
    assert!(en.contains(r#"<a href="/en/cases/alpha/">Alpha case</a>"#), "{en}");
    assert!(en.contains(r#"<article lang="zh-CN">"#), "{en}");
    // The card links to the page's English address, which shows the original with a notice.
    assert!(
        en.contains(r#"<a href="/en/cases/beta/" hreflang="zh-CN">贝塔案例</a>"#),
        "{en}"
    );
    assert!(en.contains("Not yet translated into English; shown in Chinese."));
    // The English home lists it too.
    assert!(
        site.page("/en/")
            .contains(r#"<a href="/en/cases/beta/" hreflang="zh-CN">贝塔案例</a>"#)
    );
}

#[test]
fn lists_are_paginated_newest_first() {
    let site = built();
    // zh cases: alpha 2024-05, beta 2024-03, 中以 2024-02, bundle 2022, delta 2023 → 5 items, 2 a page.
    let order = common::card_titles;
    assert_eq!(order(&site.page("/cases/")), vec!["阿尔法案例", "贝塔案例"]);
    assert_eq!(order(&site.page("/cases/page/2/")), vec!["中以创新园", "德尔塔案例"]);
    assert_eq!(order(&site.page("/cases/page/3/")), vec!["图片案例"]);
    assert!(!site.exists("/cases/page/4/"));
    let page2 = site.page("/cases/page/2/");
    assert!(page2.contains(r#"<a href="/cases/" rel="prev">上一页</a>"#), "{page2}");
    assert!(page2.contains(r#"<a href="/cases/page/3/" rel="next">下一页</a>"#));
    assert!(page2.contains(r#"<a href="/cases/page/2/" aria-current="page">"#));
    // English: alpha, beta (fallback), 中以 (fallback), delta (fallback), bundle → 3 pages too.
    assert!(site.exists("/en/cases/page/3/"));
    // The switcher on page 2 goes to page 2 of the other language.
    assert!(
        page2.contains(r#"<a href="/en/cases/page/2/" hreflang="en" lang="en">English</a>"#),
        "{page2}"
    );
}

#[test]
fn chinese_file_names_get_pinyin_slugs() {
    let site = built();
    assert!(
        site.page("/cases/zhong-yi-chuang-xin-yuan/")
            .contains("<h1>中以创新园</h1>")
    );
}

#[test]
fn code_is_highlighted_with_classes_and_unknown_languages_are_plain() {
    let site = built();
    let alpha = site.page("/cases/alpha/");
    assert!(
        alpha.contains(r#"<pre class="hl-code" data-lang="rust"><code><span class="hl-"#),
        "{alpha}"
    );
    assert!(alpha.contains(r#"<pre class="hl-code" data-lang="no-such-language"><code>&lt;b&gt;plain&lt;/b&gt;"#));
    assert!(!alpha.contains("style=\""), "highlighting must not use inline styles");
    let css_link = alpha.lines().find(|l| l.contains("/highlight.")).unwrap();
    let href = css_link.split("href=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(
        href.len() == "/highlight..css".len() + 10,
        "content-hashed name: {href}"
    );
    assert!(site.page(href).contains(".hl-"));
}

#[test]
fn raw_html_is_escaped() {
    let site = built();
    let alpha = site.page("/cases/alpha/");
    let body = alpha.split("<main").nth(1).unwrap().split("</main>").next().unwrap();
    assert!(
        body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
            || body.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"),
        "{body}"
    );
    assert!(!body.contains("<script"));
    assert!(!body.contains("<img src=x"));
    assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!body.contains("<a href=\"javascript:"));
    assert!(
        body.contains("&lt;a href=\"javascript:alert(1)\"&gt;链接&lt;/a&gt;"),
        "{body}"
    );
}

#[test]
fn raw_html_passes_when_allowed() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{config}\n[markdown]\nraw_html = \"allow\"\n"));
    site.build(&[]).assert_ok();
    assert!(site.page("/cases/alpha/").contains("<script>alert(\"x\")</script>"));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = built();
    assert!(!site.exists("/cases/gamma/"));
    assert!(!site.page("/cases/").contains("伽马"));
    site.build(&["--drafts"]).assert_ok();
    assert!(site.page("/cases/gamma/").contains("<h1>伽马草稿</h1>"));
}

#[test]
fn bundle_images_are_copied_and_resolved_in_both_languages() {
    let site = built();
    assert_eq!(
        std::fs::read(site.root.join("public/cases/bundle/photo.png")).unwrap(),
        std::fs::read(site.root.join("content/cases/bundle/photo.png")).unwrap()
    );
    let zh = site.page("/cases/bundle/");
    assert!(
        zh.contains(r#"<img decoding="async" src="/cases/bundle/photo.png" width="1200" height="600" srcset="#)
            && zh.contains(r#"(min-width: 864px) 828px, calc(100vw - 2rem)" alt="园区大门" /></picture>"#),
        "{zh}"
    );
    assert!(
        zh.contains(r#"<img src="/cases/bundle/photo.png" alt="园区大楼" width="1200" height="600" srcset="#),
        "cover: {zh}"
    );
    let en = site.page("/en/cases/bundle/");
    assert!(
        en.contains(r#"calc(100vw - 2rem)" alt="The park gate" /></picture>"#),
        "{en}"
    );
    assert!(site.page("/cases/page/3/").contains(
        r#"<img class="card-cover" src="/cases/bundle/photo.png" alt="园区大楼" width="1200" height="600" srcset="#
    ));
}

#[test]
fn links_to_markdown_files_resolve_in_the_same_language() {
    let site = built();
    let zh = site.page("/cases/alpha/");
    assert!(
        zh.contains(r#"<a href="/cases/beta/#ji-ben-qing-kuang">贝塔</a>"#),
        "{zh}"
    );
    assert!(zh.contains(r#"<a href="/cases/zhong-yi-chuang-xin-yuan/">园区</a>"#));
    // Beta has no English version: the English link goes to its English fallback page.
    let en = site.page("/en/cases/alpha/");
    assert!(en.contains(r#"<a href="/en/cases/beta/">Beta</a>"#), "{en}");
}

#[test]
fn chinese_text_gets_pinyin_heading_ids_joined_lines_and_no_smart_quotes() {
    let site = built();
    let zh = site.page("/cases/alpha/");
    assert!(zh.contains(r#"<h2 id="ji-ben-qing-kuang">基本情况</h2>"#), "{zh}");
    assert!(zh.contains(r#"<h2 id="ji-ben-qing-kuang-1">基本情况</h2>"#));
    assert!(
        zh.contains("第一行第二行，&quot;引号&quot;不变。") || zh.contains("第一行第二行，\"引号\"不变。"),
        "{zh}"
    );
    let en = site.page("/en/cases/alpha/");
    assert!(en.contains("It’s “quoted” – see"), "{en}");
}

#[test]
fn case_page_shows_its_facts_in_the_page_language() {
    let site = built();
    let zh = site.page("/cases/alpha/");
    assert!(
        zh.contains(r#"<time datetime="2024-05-01">2024年5月1日</time>"#),
        "{zh}"
    );
    assert!(zh.contains("<dd>阿尔法公司</dd>"));
    assert!(zh.contains(r#"<span class="tag tag-level">市级</span>"#));
    // A key figure reads as one phrase: the value, then its label.
    assert!(zh.contains(r#"<li><strong class="figure-value">10</strong><span class="figure-sep" aria-hidden="true"> · </span><span class="figure-label">家企业</span></li>"#), "{zh}");
    // Each term links to its page.
    assert!(zh.contains(r#"<li><a class="tag" href="/industry/smart-software/">智能软件</a></li><li><a class="tag" href="/industry/fintech/">科技金融</a></li>"#));
    let en = site.page("/en/cases/alpha/");
    assert!(en.contains(r#"<time datetime="2024-05-01">1 May 2024</time>"#));
    assert!(en.contains(r#"<li><a class="tag" href="/en/industry/smart-software/">Smart software</a></li><li><a class="tag" href="/en/industry/fintech/">Tech finance</a></li>"#));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built();
    let first = snapshot(&site.root.join("public"));
    site.build(&["-o", "public-again"]).assert_ok();
    let second = snapshot(&site.root.join("public-again"));
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    assert!(first == second, "the two builds differ");
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = built();
    let before = snapshot(&site.root.join("public"));
    site.write(
        "content/cases/delta.md",
        "---\ntitle: 德尔塔\ndate: 2023-01-01\nkind: parc\n---\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(snapshot(&site.root.join("public")), before);
    // No staging folder is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("building"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_sub_path_base_url_prefixes_every_link() {
    let site = Site::fixture("basic");
    site.build(&["--base-url", "https://host.example/cases-site/"])
        .assert_ok();
    let zh = site.page("/cases/alpha/");
    assert!(
        zh.contains(r#"<link rel="canonical" href="https://host.example/cases-site/cases/alpha/">"#),
        "{zh}"
    );
    assert!(zh.contains(r#"<a href="/cases-site/cases/beta/#ji-ben-qing-kuang">"#));
    assert!(zh.contains(r#"href="/cases-site/style."#));
    assert!(zh.contains(r#"<a class="site-brand" href="/cases-site/">"#));
    for line in zh.lines().filter(|l| l.contains("href=\"/")) {
        assert!(!line.contains("href=\"/cases/"), "unprefixed link: {line}");
    }
}

#[test]
fn summary_line_counts_pages_per_language() {
    let site = Site::fixture("basic");
    let run = site.build(&[]);
    run.assert_ok();
    // The untranslated cases are counted; the fixture's translations have no stamp, so none is stale.
    assert!(
        run.stdout
            .trim_end()
            .ends_with(" s; translations: en 3 missing, 0 stale"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 1);
    // "showcase: built N pages (zh A, en B) and …": A and B are the HTML pages written.
    let numbers = |text: &str| -> Vec<usize> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let said = numbers(run.stdout.split(" and ").next().unwrap());
    let pages: Vec<String> = snapshot(&site.root.join("public"))
        .into_keys()
        .filter(|path| path.ends_with("index.html"))
        .collect();
    let en = pages.iter().filter(|p| p.starts_with("en/")).count();
    assert_eq!(said, vec![pages.len(), pages.len() - en, en], "{}", run.stdout);
    assert!(run.stdout.starts_with(&format!(
        "showcase: built {} pages (zh {}, en {}) and ",
        pages.len(),
        pages.len() - en,
        en
    )));
}

#[test]
fn not_found_pages_in_each_language() {
    let site = built();
    let page = site.page("/404.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "{page}");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(page.contains("<h1>页面未找到</h1>"), "{page}");
    assert!(page.contains(r#"<li><a href="/">返回首页</a></li>"#), "{page}");
    // A host that serves only the root 404 page still offers English.
    assert!(page.contains(r#"<li lang="en"><a href="/en/" hreflang="en">Back to the home page</a>"#));
    // The English 404 page is English throughout.
    let en = site.page("/en/404.html");
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{en}");
    assert!(en.contains("<h1>Page not found</h1>"), "{en}");
    assert!(
        en.contains(r#"<li><a href="/en/">Back to the home page</a></li>"#),
        "{en}"
    );
    assert!(
        en.contains(r#"<form class="search-form" role="search" action="/en/search/" method="get">"#),
        "{en}"
    );
    assert!(!en.contains("<h1>页面未找到</h1>"));
}

#[test]
fn site_templates_override_the_theme() {
    let site = Site::fixture("basic");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>custom 404</p>{% endblock content %}",
    );
    site.build(&[]).assert_ok();
    assert!(site.page("/404.html").contains("<p>custom 404</p>"));
}

#[test]
fn aliases_redirect_to_the_page() {
    let site = Site::fixture("basic");
    let alpha = std::fs::read_to_string(site.root.join("content/cases/alpha.md")).unwrap();
    site.write(
        "content/cases/alpha.md",
        &alpha.replacen(
            "level: municipal",
            "level: municipal\naliases: [/old/alpha, /old-alpha.html]",
            1,
        ),
    );
    site.build(&[]).assert_ok();
    let redirect = site.page("/old/alpha/");
    assert!(
        redirect.contains(r#"<meta http-equiv="refresh" content="0; url=/cases/alpha/">"#),
        "{redirect}"
    );
    assert!(redirect.contains(r#"<link rel="canonical" href="https://cases.example.org/cases/alpha/">"#));
    assert!(site.page("/old-alpha.html").contains("url=/cases/alpha/"));
}

#[test]
fn a_staging_folder_left_by_a_killed_build_is_cleaned_up() {
    let site = built();
    // No process has this id (above the kernel's pid_max).
    let abandoned = site.root.join(".public.building-4294967");
    std::fs::create_dir_all(abandoned.join("cases")).unwrap();
    site.build(&[]).assert_ok();
    assert!(!abandoned.exists());
}

#[test]
fn every_highlight_class_has_its_rule() {
    let site = built();
    let alpha = site.page("/cases/alpha/");
    let href = alpha
        .lines()
        .find(|l| l.contains("/highlight."))
        .unwrap()
        .split("href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let css = site.page(&href);
    let code = alpha
        .split("<pre class=\"hl-code\" data-lang=\"rust\">")
        .nth(1)
        .unwrap()
        .split("</pre>")
        .next()
        .unwrap();
    let classes: Vec<&str> = code
        .split("class=\"")
        .skip(1)
        .map(|p| &p[..p.find('"').unwrap()])
        .collect();
    assert!(classes.len() >= 3, "{code}");
    for class in classes {
        assert!(
            css.contains(&format!(".{class} {{ color: #")),
            "{class} missing from {css}"
        );
    }
}

#[test]
fn warm_builds_from_the_highlight_cache_are_byte_identical() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let cold = snapshot(&site.root.join("public"));
    let cache = site.root.join(".showcase-cache/highlight.bin");
    assert!(cache.exists(), "the first build writes the cache");
    site.build(&[]).assert_ok();
    assert!(snapshot(&site.root.join("public")) == cold, "a warm build differs");
    // A damaged cache changes nothing either.
    let mut bytes = std::fs::read(&cache).unwrap();
    for b in bytes.iter_mut().skip(40).step_by(7) {
        *b ^= 0x5a;
    }
    std::fs::write(&cache, &bytes).unwrap();
    site.build(&[]).assert_ok();
    assert!(
        snapshot(&site.root.join("public")) == cold,
        "a build with a damaged cache differs"
    );
    // And neither does deleting it.
    std::fs::remove_dir_all(site.root.join(".showcase-cache")).unwrap();
    site.build(&[]).assert_ok();
    assert!(snapshot(&site.root.join("public")) == cold);
}

#[test]
fn the_previous_site_is_set_aside_and_deleted_by_the_next_build() {
    let site = built();
    site.build(&[]).assert_ok();
    site.build(&[]).assert_ok();
    let leftovers: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.") && n != ".public.lock")
        .collect();
    // Only the site the last build replaced, waiting for the next build to delete it.
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    assert!(leftovers[0].starts_with(".public.old-"), "{leftovers:?}");
}

/// A rebuild starts from the site set aside two builds ago and links the
/// files the live site has unchanged; whatever it reuses, the output is what
/// a build into an empty folder writes.
#[test]
fn rebuilds_reuse_unchanged_files_and_write_what_a_fresh_build_writes() {
    let site = built();
    let alpha = site.read("content/cases/alpha.md");
    let beta = site.read("content/cases/beta.md");
    let zeta = "---\ntitle: 泽塔\n---\n\n正文。\n";
    let page_template = site.read("themes/default/templates/page.html");
    let damage = |s: &Site, file: &str| {
        let path = s.root.join(".showcase-cache").join(file);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.len() * 2 / 3;
        bytes[at] ^= 0x55;
        std::fs::write(&path, bytes).unwrap();
    };
    // Each build starts from the site of two builds before: a file where a
    // folder was (cases/zeta) and a folder where a file was must both work out.
    // The caches of Markdown, highlighting, pages and the search index must
    // follow every change, and a damaged cache must not change a byte.
    let edits: [&dyn Fn(&Site); 15] = [
        &|s| s.write("content/cases/alpha.md", &format!("{alpha}\n第二版。\n")),
        // alpha links to beta: a new address for beta changes alpha's HTML, not its Markdown.
        &|s| {
            s.write(
                "content/cases/beta.md",
                &beta.replacen("---\n", "---\nslug: beta-2\n", 1),
            )
        },
        // A title shows in lists, neighbours' links, related cases and term pages.
        &|s| s.write("content/cases/beta.md", &beta.replacen("title:", "title: 新", 1)),
        &|s| s.write("content/cases/beta.md", &beta),
        &|s| {
            s.write(
                "templates/page.html",
                &page_template.replace("{{ page.title }} · ", "{{ page.title }} – "),
            )
        },
        &|s| s.remove("templates/page.html"),
        // The largest file of the Markdown cache.
        &|s| {
            let folder = s.root.join(".showcase-cache/markdown");
            let largest = std::fs::read_dir(&folder)
                .unwrap()
                .map(|e| e.unwrap())
                .max_by_key(|e| e.metadata().unwrap().len())
                .unwrap();
            damage(s, &format!("markdown/{}", largest.file_name().to_string_lossy()))
        },
        &|s| damage(s, "pages.json"),
        &|s| s.remove(".showcase-cache/highlight.bin"),
        &|s| {
            s.remove("content/cases/delta.md");
            s.write(
                "content/cases/epsilon.md",
                "---\ntitle: 艾普西隆\ndate: 2024-02-02\nkind: park\n---\n\n新案例。\n",
            );
        },
        &|s| s.write("content/cases/zeta.md", zeta),
        &|s| {
            s.remove("content/cases/zeta.md");
            s.write("content/cases/zeta", "a file named like the page was");
        },
        &|s| s.write("content/cases/alpha.md", &alpha),
        &|s| {
            s.remove("content/cases/zeta");
            s.write("content/cases/zeta.md", zeta);
        },
        &|_| {},
    ];
    for (round, edit) in edits.iter().enumerate() {
        edit(&site);
        site.build(&[]).assert_ok();
        assert!(site.root.join(".showcase-cache/pages.json").is_file());
        let built = snapshot(&site.root.join("public"));
        let expected = fresh(&site);
        let differ: Vec<&String> = expected
            .keys()
            .chain(built.keys())
            .filter(|k| expected.get(*k) != built.get(*k))
            .collect();
        assert!(
            differ.is_empty(),
            "round {round}: differs from a fresh build: {differ:?}"
        );
    }

    // A file of the live site changed by hand (same size) is written again, not kept.
    let page = site.root.join("public/cases/alpha/index.html");
    let mut bytes = std::fs::read(&page).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    std::fs::remove_file(&page).unwrap();
    std::fs::write(&page, &bytes).unwrap();
    site.build(&[]).assert_ok();
    assert!(
        snapshot(&site.root.join("public")) == fresh(&site),
        "the hand-edited file was kept"
    );

    // Changed in place (same file, same size, its modification time put back) a
    // while after the build: its change time gives it away, and it is written again.
    for _ in 0..2 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        site.build(&[]).assert_ok();
    }
    // The record trusts the file's identity (so its bytes are not read again).
    let record = site.read(".showcase-cache/pages.json");
    let record: serde_json::Value = serde_json::from_str(record.split_once('\n').unwrap().1).unwrap();
    let entry = record["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry[0] == "/cases/alpha/")
        .expect("the page is in the record");
    assert_ne!(entry[4], 0, "{entry}");
    // Every copy is changed: the live site's and the one set aside for the next build.
    let set_aside = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public.old-"))
        .map(|e| e.path().join("cases/alpha/index.html"));
    for copy in std::iter::once(page.clone()).chain(set_aside) {
        let modified = std::fs::metadata(&copy).unwrap().modified().unwrap();
        let mut bytes = std::fs::read(&copy).unwrap();
        bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new().write(true).open(&copy).unwrap();
        file.write_all(&bytes).unwrap();
        file.set_modified(modified).unwrap();
    }
    site.build(&[]).assert_ok();
    assert!(
        snapshot(&site.root.join("public")) == fresh(&site),
        "the file changed in place was kept"
    );

    // Unchanged files are the previous site's, linked: no data written twice.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        site.build(&[]).assert_ok();
        let old = std::fs::read_dir(&site.root)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(".public.old-"))
            .expect("the replaced site, set aside");
        let ino = |p: &std::path::Path| std::fs::metadata(p).unwrap().ino();
        assert_eq!(
            ino(&site.root.join("public/cases/beta/index.html")),
            ino(&old.path().join("cases/beta/index.html"))
        );
    }
}

/// The lines a build prints about what its caches saved (with SHOWCASE_PROFILE).
/// Without the record of the last build's sources and output, so that a build
/// with nothing to do runs its stages instead of stopping after comparing.
fn cache_report(site: &Site) -> (usize, usize, usize, usize) {
    let _ = std::fs::remove_file(site.root.join(".showcase-cache/unchanged.json"));
    let run = site.run("build", &[], &[("SHOWCASE_PROFILE", "1")]);
    run.assert_ok();
    let counts = |what: &str| -> (usize, usize) {
        let line = run
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("showcase: {what}: ")))
            .unwrap_or_else(|| panic!("no {what} line in {}", run.stderr));
        let numbers: Vec<usize> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        (numbers[0], numbers[1])
    };
    let (markdown_kept, markdown_rendered) = counts("markdown");
    let (pages_kept, pages_rendered) = counts("pages");
    (markdown_kept, markdown_rendered, pages_kept, pages_rendered)
}

/// A warm build renders only what changed: an unchanged site renders no Markdown
/// and no page; an edit to one case's body renders that case's Markdown and the
/// few pages that show its text.
#[test]
fn warm_builds_render_only_what_changed() {
    let site = built();
    let (md_kept, md_rendered, pages_kept, pages_rendered) = cache_report(&site);
    assert_eq!(md_rendered, 0);
    assert!(md_kept > 5, "{md_kept}");
    assert_eq!(pages_rendered, 0);
    assert!(pages_kept > 20, "{pages_kept}");

    let alpha = site.read("content/cases/alpha.md");
    site.write("content/cases/alpha.md", &alpha.replace("第一行", "第一行（改）"));
    let (_, md_rendered, _, pages_rendered) = cache_report(&site);
    assert_eq!(md_rendered, 1);
    // Its page, and its English translation's notice that the original changed.
    assert!((1..=4).contains(&pages_rendered), "{pages_rendered} pages rendered");
    assert!(site.page("/cases/alpha/").contains("第一行（改）"));

    // Alpha links to beta: beta's new address renders alpha's Markdown again,
    // once; the cache keeps the new entry, and the next build renders nothing.
    let beta = site.read("content/cases/beta.md");
    site.write(
        "content/cases/beta.md",
        &beta.replacen("---\n", "---\nslug: beta-2\n", 1),
    );
    let (_, md_rendered, _, _) = cache_report(&site);
    assert!(md_rendered >= 2, "beta and the pages linking to it: {md_rendered}");
    assert!(site.page("/cases/alpha/").contains("/cases/beta-2/"));
    let (_, md_rendered, _, pages_rendered) = cache_report(&site);
    assert_eq!((md_rendered, pages_rendered), (0, 0));

    // Without its cache a build renders everything, and makes the same site.
    let before = snapshot(&site.root.join("public"));
    std::fs::remove_dir_all(site.root.join(".showcase-cache")).unwrap();
    let (md_kept, _, pages_kept, _) = cache_report(&site);
    assert_eq!((md_kept, pages_kept), (0, 0));
    assert!(snapshot(&site.root.join("public")) == before);
}

/// A file of the site where a folder of the same build goes is an error,
/// whether the build starts from an empty folder or from an earlier site.
#[test]
fn a_file_clashing_with_a_folder_fails_even_when_starting_from_an_earlier_site() {
    let site = built();
    site.build(&[]).assert_ok();
    site.build(&[]).assert_ok();
    let before = snapshot(&site.root.join("public"));
    site.write("static/cases", "not a folder");
    let run = site.build(&[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("cases"), "{}", run.stderr);
    assert!(
        snapshot(&site.root.join("public")) == before,
        "the published site changed"
    );
    let fresh = site.root.join("fresh");
    let run = site.build(&["-o", fresh.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
}

#[test]
fn covers_have_their_size_and_smaller_copies() {
    let site = built();
    // The fixture's photo is 1200 × 600: copies 480 and 960 pixels wide.
    let zh = site.page("/cases/bundle/");
    let srcset = "/cases/bundle/photo.480w.png 480w, /cases/bundle/photo.960w.png 960w, /cases/bundle/photo.png 1200w";
    assert!(
        zh.contains(&format!(
            r#"<img src="/cases/bundle/photo.png" alt="园区大楼" width="1200" height="600" srcset="{srcset}""#
        )),
        "{zh}"
    );
    assert!(
        site.page("/en/kind/park/page/2/")
            .contains(&format!(r#"width="1200" height="600" srcset="{srcset}""#))
    );
    for copy in ["photo.480w.png", "photo.960w.png"] {
        let bytes = std::fs::read(site.root.join("public/cases/bundle").join(copy)).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "{copy}");
    }
}

#[test]
fn an_unreadable_cover_is_an_error() {
    let site = Site::fixture("basic");
    std::fs::write(
        site.root.join("content/cases/bundle/photo.png"),
        b"\x89PNG\r\n\x1a\nnot really",
    )
    .unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/cases/bundle/index.md:5:1: error: cover: shows the image /cases/bundle/photo.png, which cannot be read"
        ),
        "{}",
        run.stderr
    );
}

/// A build whose sources, options, day and output are those of the last build
/// stops after comparing them, and says what the last one made. Any change to
/// one of them — a source, the output by hand, a file added to the output, the
/// day — makes a full build, which gives the site a fresh build gives.
#[test]
fn a_build_with_nothing_to_do_stops_after_comparing() {
    let site = built();
    let profiled = |env: &[(&str, &str)]| -> (bool, String) {
        let mut env = env.to_vec();
        env.push(("SHOWCASE_PROFILE", "1"));
        let run = site.run("build", &[], &env);
        run.assert_ok();
        let skipped = run.stderr.contains("nothing changed");
        assert_eq!(
            skipped,
            !run.stderr.contains("showcase: markdown: "),
            "a build either stops after comparing or runs its stages: {}",
            run.stderr
        );
        // The summary without its time.
        let summary = run
            .stdout
            .rsplit_once(" in ")
            .map_or(run.stdout.clone(), |(s, _)| s.to_string());
        (skipped, summary)
    };
    let public = site.root.join("public");

    // The first build recorded what it read and wrote: the next one stops.
    let (skipped, full_summary) = profiled(&[]);
    let (again, summary) = profiled(&[]);
    assert!(skipped || again, "one of two builds with nothing to do stopped");
    assert_eq!(summary, full_summary, "it says what the last build made");
    assert!(summary.contains("pages"), "{summary}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ino = std::fs::metadata(&public).unwrap().ino();
        assert!(profiled(&[]).0);
        assert_eq!(
            std::fs::metadata(&public).unwrap().ino(),
            ino,
            "the output was not replaced"
        );
    }

    // A page of the output changed by hand: written again.
    let page = public.join("cases/alpha/index.html");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("<main", "<main data-hand-edit")).unwrap();
    assert!(!profiled(&[]).0);
    assert!(!site.page("/cases/alpha/").contains("data-hand-edit"));
    // A file added to the output, and one removed: the output is the build's again.
    std::fs::write(public.join("cases/stray.html"), "stray").unwrap();
    assert!(!profiled(&[]).0);
    assert!(!public.join("cases/stray.html").exists());
    std::fs::remove_file(&page).unwrap();
    assert!(!profiled(&[]).0);
    assert!(page.is_file());
    assert!(snapshot(&public) == fresh(&site));

    // A source changed: a full build that shows it.
    assert!(profiled(&[]).0);
    let alpha = site.read("content/cases/alpha.md");
    site.write("content/cases/alpha.md", &alpha.replace("第一行", "第一行（新）"));
    // A source that changed within a tick of the clock before the build began
    // could change again unseen: such a build makes no record, so wait a little.
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(!profiled(&[]).0);
    assert!(site.page("/cases/alpha/").contains("第一行（新）"));
    assert!(snapshot(&public) == fresh(&site));
    // Another day may publish other pages: a full build.
    assert!(profiled(&[]).0);
    assert!(!profiled(&[("SHOWCASE_TODAY", "2031-01-01")]).0);
    // And other options.
    assert!(profiled(&[("SHOWCASE_TODAY", "2031-01-01")]).0);
    let run = site.run(
        "build",
        &["--drafts"],
        &[("SHOWCASE_TODAY", "2031-01-01"), ("SHOWCASE_PROFILE", "1")],
    );
    run.assert_ok();
    assert!(!run.stderr.contains("nothing changed"), "{}", run.stderr);
}
