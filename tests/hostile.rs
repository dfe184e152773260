//! Hostile content: what people paste from Word and the web, and what an
//! attacker could commit. Each input gets a clear error or a safe result, in
//! little time and memory, and nothing is ever written outside the output
//! folder.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Site, snapshot};

const CASE: &str = "---\ntitle: 案例\ndate: 2024-01-01\nkind: enterprise\n";

/// Builds and expects content errors (exit 1); returns stderr.
#[track_caller]
fn fails(site: &Site) -> String {
    let run = site.build(&[]);
    assert_eq!(
        run.code, 1,
        "expected exit 1, got {}:\n{}{}",
        run.code, run.stdout, run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert!(!site.root.join("public").exists(), "a failed build wrote public/");
    run.stderr
}

/// Every file of the built site, as text where it is text.
fn texts(site: &Site) -> Vec<(String, String)> {
    snapshot(&site.root.join("public"))
        .into_iter()
        .filter_map(|(path, bytes)| String::from_utf8(bytes).ok().map(|t| (path, t)))
        .collect()
}

#[test]
fn yaml_alias_bomb_is_refused_quickly() {
    let site = Site::fixture("basic");
    let mut yaml = String::from(
        "title: 炸弹\nextra:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for name in names {
        yaml.push_str(&format!(
            "  {name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = name;
    }
    site.write("content/cases/bomb.md", &format!("---\n{yaml}---\n正文\n"));
    let started = Instant::now();
    let err = fails(&site);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert!(err.contains("content/cases/bomb.md:"), "{err}");
    assert!(err.contains("not valid YAML"), "{err}");
}

#[test]
fn deeply_nested_front_matter_is_refused() {
    let site = Site::fixture("basic");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    site.write(
        "content/cases/deep.md",
        &format!("---\ntitle: 深\nextra: {deep}\n---\n正文\n"),
    );
    let started = Instant::now();
    let err = fails(&site);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        err.contains("content/cases/deep.md:3:") && err.contains("more than 1000 \"[\" and \"{\""),
        "{err}"
    );
    // Under the limit, nesting is still refused, by the YAML parser.
    let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
    site.write(
        "content/cases/deep.md",
        &format!("---\ntitle: 深\nextra: {deep}\n---\n正文\n"),
    );
    let err = fails(&site);
    assert!(
        err.contains("content/cases/deep.md:3:") && err.contains("recursion limit exceeded"),
        "{err}"
    );
    // Big front matter is refused by its size.
    let big = format!("title: 大\nextra:\n{}", "  - 一行数据\n".repeat(30_000));
    site.write("content/cases/deep.md", &format!("---\n{big}---\n正文\n"));
    let err = fails(&site);
    assert!(
        err.contains("content/cases/deep.md:2:1: error: the front matter is"),
        "{err}"
    );
    let nested_maps = format!(
        "title: 深\nextra:\n{}",
        (0..2000).map(|i| format!("{}k:\n", " ".repeat(i))).collect::<String>()
    );
    site.write("content/cases/deep.md", &format!("---\n{nested_maps}---\n正文\n"));
    let err = fails(&site);
    assert!(err.contains("content/cases/deep.md:"), "{err}");
}

#[test]
fn a_50_mb_markdown_file_is_refused_with_its_size() {
    let site = Site::fixture("basic");
    let line = "这是一行很长的正文，用来把文件撑大。Lorem ipsum dolor sit amet.\n";
    let mut text = format!("{CASE}---\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    site.write("content/cases/huge.md", &text);
    let started = Instant::now();
    let err = fails(&site);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert!(err.contains("content/cases/huge.md"), "{err}");
    assert!(err.contains("20 MB"), "{err}");
    // check refuses it the same way.
    let run = site.check(&[]);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(run.code, 1, "{out}");
    assert!(out.contains("content/cases/huge.md") && out.contains("20 MB"), "{out}");
}

#[test]
fn deep_nesting_builds_and_checks_without_overflowing_the_stack() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/quotes.md",
        &format!("{CASE}---\n{}引文\n", "> ".repeat(100_000)),
    );
    site.write(
        "content/cases/lists.md",
        &format!("{CASE}---\n{}列表\n", "- ".repeat(100_000)),
    );
    site.write(
        "content/cases/images.md",
        &format!(
            "{CASE}---\n{}图{}\n",
            "![".repeat(20_000),
            "](bundle/photo.png)".repeat(20_000)
        ),
    );
    let started = Instant::now();
    site.build(&[]).assert_ok();
    assert!(site.page("/cases/quotes/").matches("<blockquote>").count() >= 100_000);
    assert!(site.page("/cases/lists/").matches("<ul>").count() >= 100_000);
    let run = site.check(&[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn not_utf8_is_an_error_with_its_line() {
    let site = Site::fixture("basic");
    let mut bytes = format!("{CASE}---\n正文\n").into_bytes();
    bytes.extend_from_slice(b"\xd5\xfd\xce\xc4 GBK\n");
    std::fs::write(site.root.join("content/cases/gbk.md"), bytes).unwrap();
    let err = fails(&site);
    assert!(err.contains("content/cases/gbk.md:7:"), "{err}");
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn bom_and_crlf_simply_work() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/word.md",
        "\u{feff}---\r\ntitle: 从Word粘贴\r\ndate: 2024-01-02\r\nkind: enterprise\r\nsummary: 摘要\r\n---\r\n\r\n## 基本情况\r\n\r\n正文第一行\r\n正文第二行\r\n",
    );
    site.build(&[]).assert_ok();
    let page = site.page("/cases/word/");
    assert!(page.contains("从Word粘贴"), "{page}");
    assert!(page.contains("id=\"ji-ben-qing-kuang\""), "{page}");
    assert!(page.contains("正文第一行正文第二行"), "{page}");
    assert!(!page.contains('\r'), "a CR reached the page");
    assert!(!page.contains('\u{feff}'), "the BOM reached the page");
}

#[test]
fn empty_files_and_unclosed_front_matter_are_errors() {
    let site = Site::fixture("basic");
    site.write("content/cases/empty.md", "");
    site.write("content/cases/open.md", "---\ntitle: 没关\n正文\n");
    site.write("content/cases/bare.md", "---\n---\n");
    let err = fails(&site);
    assert!(
        err.contains("content/cases/empty.md:1:1: error: the file does not start with front matter"),
        "{err}"
    );
    assert!(
        err.contains("content/cases/open.md:1:1: error: the front matter opened on line 1 is never closed"),
        "{err}"
    );
    assert!(
        err.contains("content/cases/bare.md:1:1: error: title is missing"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_out_of_the_site_are_not_followed() {
    let site = Site::fixture("basic");
    let outside = site.root.parent().unwrap().join("secret.txt");
    std::fs::write(&outside, "top secret").unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("content/cases/secret.txt")).unwrap();
    std::os::unix::fs::symlink("/etc", site.root.join("content/cases/etc")).unwrap();
    std::os::unix::fs::symlink(".", site.root.join("content/cases/loop")).unwrap();
    std::os::unix::fs::symlink("loop2", site.root.join("content/loop1")).unwrap();
    std::os::unix::fs::symlink("loop1", site.root.join("content/loop2")).unwrap();
    let started = Instant::now();
    let err = fails(&site);
    assert!(started.elapsed() < Duration::from_secs(20));
    for name in ["cases/secret.txt", "cases/etc", "cases/loop", "loop1", "loop2"] {
        assert!(
            err.contains(&format!("content/{name}: error: symbolic links are not followed")),
            "{name}: {err}"
        );
    }
    assert!(!err.contains("top secret"));
}

#[test]
fn odd_file_names_build_to_working_encoded_urls() {
    let site = Site::fixture("basic");
    for name in ["a b", "c#d", "e?f", "g%h", "café", "Ünïcödé 名字"] {
        site.write(
            &format!("content/cases/{name}.md"),
            &format!("---\ntitle: {name}\n---\n正文\n"),
        );
    }
    // Real images: the text's images are measured, and one that is no image is an error.
    let png = std::fs::read(site.root.join("content/cases/bundle/photo.png")).unwrap();
    for name in ["photo 1.png", "x#y?.png", "100%.png", "照片.png"] {
        std::fs::write(site.root.join("content/cases/bundle").join(name), &png).unwrap();
    }
    site.write(
        "content/cases/bundle/index.md",
        "---\ntitle: 图集\n---\n![一](<photo 1.png>)\n![二](x%23y%3F.png)\n![三](100%25.png)\n![四](照片.png)\n",
    );
    site.build(&[]).assert_ok();
    for (path, title) in [
        ("/cases/a-b/", "a b"),
        ("/cases/c-d/", "c#d"),
        ("/cases/e-f/", "e?f"),
        ("/cases/g-h/", "g%h"),
        ("/cases/café/", "café"),
        ("/cases/ünïcödé-ming-zi/", "Ünïcödé 名字"),
    ] {
        assert!(site.page(path).contains(title), "{path}");
    }
    let page = site.page("/cases/bundle/");
    for src in [
        "/cases/bundle/photo%201.png",
        "/cases/bundle/x%23y%3F.png",
        "/cases/bundle/100%25.png",
        "/cases/bundle/%E7%85%A7%E7%89%87.png",
    ] {
        assert!(page.contains(&format!("src=\"{src}\"")), "{src}\n{page}");
    }
    for file in ["photo 1.png", "x#y?.png", "100%.png", "照片.png"] {
        assert!(site.exists(&format!("/cases/bundle/{file}")), "{file}");
    }
    // Their smaller copies too, under addresses that lead to them.
    assert!(page.contains("/cases/bundle/x%23y%3F.480w.png 480w"), "{page}");
    assert!(site.exists("/cases/bundle/x#y?.480w.png"));
    // The sitemap holds ASCII URLs only.
    let sitemap = site.page("/sitemap.xml");
    assert!(sitemap.is_ascii(), "{sitemap}");
    assert!(sitemap.contains("/cases/caf%C3%A9/"), "{sitemap}");
    // And check finds every link working.
    let run = site.check(&[]);
    assert!(
        !run.stdout.contains("broken-link") && !run.stdout.contains("missing-image"),
        "{}",
        run.stdout
    );
}

/// The folder around the site, for proving nothing was written outside it
/// (but for the output folder and the site's own cache folder).
fn surroundings(site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    let parent = site.root.parent().unwrap();
    snapshot(parent)
        .into_iter()
        .filter(|(p, _)| !Path::new(p).starts_with("site/public") && !Path::new(p).starts_with("site/.showcase-cache"))
        .collect()
}

#[test]
fn slugs_and_aliases_cannot_leave_the_output_folder() {
    let site = Site::fixture("basic");
    let before = surroundings(&site);
    let bad_slugs = [
        "../../escape",
        "/etc/cron.d/x",
        "a\\b",
        "javascript:alert(1)",
        "..",
        "https://evil.example/",
    ];
    for (i, slug) in bad_slugs.iter().enumerate() {
        site.write(
            &format!("content/cases/s{i}.md"),
            &format!("---\ntitle: s{i}\nslug: '{slug}'\n---\n"),
        );
    }
    let bad_aliases = [
        "../../escape/",
        "/../../escape/",
        "/a/../../escape/",
        "C:\\Windows\\x",
        "/a\\..\\..\\x/",
        "https://evil.example/",
        "//evil.example/x/",
        "javascript:alert(1)",
        "/%2e%2e/%2e%2e/escape/",
        "/a/\u{0}/",
    ];
    for (i, alias) in bad_aliases.iter().enumerate() {
        let alias = alias.replace('\\', "\\\\").replace('\0', "\\0");
        site.write(
            &format!("content/cases/a{i}.md"),
            &format!("---\ntitle: a{i}\naliases: [\"{alias}\"]\n---\n"),
        );
    }
    let err = fails(&site);
    for i in 0..bad_slugs.len() {
        assert!(
            err.contains(&format!("content/cases/s{i}.md:3:1: error: slug")),
            "s{i}: {err}"
        );
    }
    for i in 0..bad_aliases.len() {
        assert!(
            err.contains(&format!("content/cases/a{i}.md:3:1: error: alias")),
            "a{i}: {err}"
        );
    }
    for i in 0..bad_slugs.len() {
        site.remove(&format!("content/cases/s{i}.md"));
    }
    for i in 0..bad_aliases.len() {
        site.remove(&format!("content/cases/a{i}.md"));
    }
    assert_eq!(
        surroundings(&site),
        before,
        "something was written outside the output folder"
    );
    // A section's slug is checked the same way.
    site.write("content/cases/_index.md", "---\ntitle: 案例\nslug: ../../up\n---\n");
    let err = fails(&site);
    assert!(err.contains("content/cases/_index.md:3:1: error: slug"), "{err}");
}

/// Attack strings from the OWASP XSS filter evasion cheat sheet, each with a marker.
const XSS: &[&str] = &[
    "<script>alert('X1')</script>",
    "<IMG SRC=x onerror=\"alert('X2')\">",
    "<svg/onload=alert('X3')>",
    "\"><script>alert('X4')</script>",
    "'';!--\"<XSS5>=&{()}",
    "</script><script>alert('X6')</script>",
    "<IMG SRC=\"jav&#x09;ascript:alert('X7');\">",
    "<a href=\"&#106;avascript:alert('X8')\">x</a>",
    "]]><X9/>",
    "<iframe src=\"javascript:alert('X10')\"></iframe>",
    "<BODY ONLOAD=alert('X11')>",
    "\u{2028}<style>@import'http://x/X12.css';</style>",
];

/// The raw markers that must never appear as markup.
const RAW: &[&str] = &[
    "<script>alert",
    "onclick=",
    "onmouseover=",
    "<img src=x",
    "<svg/onload",
    "<xss5",
    "<x9/>",
    "<iframe",
    "<body onload",
    "<style>@import",
    "jav&#x09;ascript:alert",
];

fn one_line(payloads: &[&str]) -> String {
    payloads.join(" ").replace('\u{2028}', "")
}

#[test]
fn raw_html_attacks_are_escaped_everywhere() {
    let site = Site::fixture("basic");
    let all = one_line(XSS);
    let yaml = |s: &str| serde_json_string(s);
    site.write(
        "content/cases/xss.md",
        &format!(
            "---\ntitle: {}\nsummary: {}\norganisation: {}\ndate: 2024-06-01\nkind: enterprise\nindustry: [fintech]\ncover: {{src: bundle/photo.png, alt: {}}}\n---\n\n## {}\n\n## Heading {{#h onclick=alert('X14') onmouseover=alert(15)}}\n\n{}\n\n![{}](bundle/photo.png)\n\n[链接]({})\n",
            yaml(&format!("标题 {all}")),
            yaml(&format!("摘要 {all}")),
            yaml(&format!("机构 {all}")),
            yaml(&format!("封面 {all}")),
            all.replace('\n', " "),
            XSS.join("\n\n"),
            all.replace(['[', ']'], ""),
            "https://example.org/?q=\"><script>alert('X13')</script>",
        ),
    );
    // site.toml strings: the site's title and description and a term label.
    let toml = site.read("site.toml");
    let toml = toml
        .replace(
            "title = \"测试案例库\"",
            &format!("title = {}", serde_json_string(&format!("测试 {all}"))),
        )
        .replace(
            "description = \"A test site\"",
            &format!("description = {}", serde_json_string(&all)),
        )
        .replace(
            "terms.fintech = { zh = \"科技金融\"",
            &format!("terms.fintech = {{ zh = {}", serde_json_string(&format!("金融 {all}"))),
        );
    site.write("site.toml", &toml);
    site.build(&[]).assert_ok();

    let files = texts(&site);
    let mut seen_payload = 0;
    for (path, text) in &files {
        let lower = text.to_lowercase();
        if path.ends_with(".html") || path.ends_with(".xml") {
            for raw in RAW {
                assert!(!lower.contains(raw), "{path} holds {raw}");
            }
        }
        if path.ends_with(".xml") {
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(
                !lower.contains("type=\"html\""),
                "{path}: HTML in a feed would be interpreted"
            );
        }
        if path.ends_with(".json") {
            let value: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            check_json(path, "", &value);
        }
        if text.contains("X1") {
            seen_payload += 1;
        }
        // JSON-LD: nothing in it can close its script element.
        for (at, _) in text.match_indices("<script type=\"application/ld+json\">") {
            let rest = &text[at + 35..];
            let end = rest.find("</script>").unwrap();
            let json = &rest[..end];
            assert!(!json.contains('<') && !json.contains('>'), "{path}: {json}");
            serde_json::from_str::<serde_json::Value>(json).unwrap_or_else(|e| panic!("{path}: {e}: {json}"));
        }
    }
    assert!(seen_payload > 10, "the payload reached only {seen_payload} files");
    let page = site.page("/cases/xss/");
    assert!(
        page.contains("&lt;script&gt;alert(&#39;X1&#39;)") || page.contains("&lt;script&gt;alert('X1')"),
        "{page}"
    );
    assert!(page.contains("application/ld+json"), "the case has no JSON-LD");
    for feed in ["/feed.xml", "/en/feed.xml", "/sitemap.xml"] {
        assert!(site.exists(feed), "{feed}");
    }
    assert!(
        files.iter().any(|(p, _)| p.starts_with("search/f/")),
        "no search fragments"
    );
    assert!(
        files.iter().any(|(p, _)| p.ends_with("cases/cases.json")),
        "no filter data"
    );
}

/// Text in JSON files is plain text that the theme's scripts escape; HTML in them
/// (the catalogue's cards) must be escaped already, and no URL may run code.
fn check_json(path: &str, key: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::String(s) => {
            let lower = s.to_lowercase();
            if key == "html" {
                for raw in RAW {
                    assert!(!lower.contains(raw), "{path}: HTML holds {raw}: {s}");
                }
            }
            assert!(!lower.trim_start().starts_with("javascript:"), "{path}: {s}");
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check_json(path, key, v)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| check_json(path, k, v)),
        _ => {}
    }
}

/// A string quoted so that YAML and TOML both read it back as it is.
fn serde_json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap().replace('\u{2028}', "\\u2028")
}
