//! `showcase check`: what CI runs on every commit. It finds what a build
//! finds and more, names file, line and column, prints text or JSON, and
//! writes nothing.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::Site;

const CASE: &str = "---\ntitle: 坏案例\ndate: 2024-01-01\nkind: park\n---\n";

/// The diagnostics of a JSON report, after checking its shape.
fn json(stdout: &str) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}:\n{stdout}"));
    let object = report.as_object().unwrap();
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    // The translation status comes when the content could be read.
    let with_status = vec!["diagnostics", "errors", "translations", "warnings"];
    assert!(
        keys == with_status || keys == vec!["diagnostics", "errors", "warnings"],
        "{keys:?}"
    );
    // Per language other than the default: totals and sections.
    let languages = report["translations"]["languages"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for lang in &languages {
        for field in ["pages", "translated", "stale", "unstamped", "missing"] {
            assert!(lang["totals"][field].is_u64(), "{lang}");
        }
    }
    let diagnostics = report["diagnostics"].as_array().unwrap().clone();
    let count = |severity: &str| diagnostics.iter().filter(|d| d["severity"] == severity).count();
    assert_eq!(report["errors"], count("error"));
    assert_eq!(report["warnings"], count("warning"));
    for d in &diagnostics {
        let fields: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(fields.len(), 6, "{d}");
        assert!(
            d["file"].is_string() && d["message"].is_string() && d["rule"].is_string(),
            "{d}"
        );
        assert!(d["line"].is_u64() && d["column"].is_u64(), "{d}");
        assert!(d["severity"] == "error" || d["severity"] == "warning", "{d}");
    }
    diagnostics
}

/// The one diagnostic with this rule in this file, as (line, column, message).
#[track_caller]
fn one(diagnostics: &[serde_json::Value], file: &str, rule: &str) -> (u64, u64, String) {
    let found: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| d["file"] == file && d["rule"] == rule)
        .collect();
    assert_eq!(found.len(), 1, "{rule} in {file}: {diagnostics:#?}");
    let d = found[0];
    (
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
        d["message"].as_str().unwrap().to_string(),
    )
}

#[test]
fn a_good_site_passes_and_nothing_is_written() {
    let site = Site::fixture("basic");
    let run = site.check(&[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains(" error "), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("showcase: 3 warnings in 3 files; checked 53 pages and 63 other files\n"),
        "{}",
        run.stdout
    );
    // Nothing written: no output folder, no staging folder.
    let entries: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !entries.iter().any(|e| e == "public" || e.contains("building")),
        "{entries:?}"
    );
    // Nor a record of files it did not publish (the articles' QR codes).
    assert!(!site.root.join(".showcase-cache/wechat-qr.json").exists());
    // The warnings: pages without an English version.
    let diagnostics = json(&site.check(&["--format", "json"]).stdout);
    assert!(
        diagnostics.iter().all(|d| d["rule"] == "untranslated"),
        "{diagnostics:#?}"
    );
    let (_, _, message) = one(&diagnostics, "content/cases/beta.md", "untranslated");
    assert_eq!(
        message,
        "this page has no English version (beta.en.md beside it); English readers get the original with a notice"
    );
}

#[test]
fn warnings_fail_only_with_strict() {
    let site = Site::fixture("basic");
    assert_eq!(site.check(&[]).code, 0);
    let strict = site.check(&["--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stdout);
}

#[test]
fn seeded_broken_links_anchors_images_and_alt_text_are_found_with_their_lines() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        &format!(
            "{CASE}\n## 概况\n\n见[不存在](/cases/nope/)和[锚点](alpha.md#no-such-anchor)。\n\n\
             ![](bundle/photo.png)\n\n![丢失的图](/images/missing.png)\n\n![](bundle/photo.png \"decorative\")\n\n\
             [本站](https://cases.example.org/cases/alpha/#ji-ben-qing-kuang) [好锚点](alpha.md#ji-ben-qing-kuang-1)\n"
        ),
    );
    let run = site.check(&[]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    // Grouped by file, with line:column, severity, message and rule.
    let group = out
        .split("\n\n")
        .find(|g| g.starts_with("content/cases/bad.md\n"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        group.contains("  9:2   error    links to /cases/nope/, which is not a page or file of this site;"),
        "{group}"
    );
    assert!(group.contains("[broken-link]"), "{group}");
    assert!(
        group.contains(
            "  9:22  error    links to alpha.md#no-such-anchor, but that page has no anchor \"no-such-anchor\""
        ),
        "{group}"
    );
    assert!(
        group.contains("  11:1  error    the image bundle/photo.png has no alt text;"),
        "{group}"
    );
    assert!(
        group.contains("  13:1  error    shows the image /images/missing.png, which is not a file of this site;"),
        "{group}"
    );
    assert!(
        out.ends_with("showcase: 4 errors and 4 warnings in 4 files; checked 56 pages and 67 other files\n"),
        "{out}"
    );

    let diagnostics = json(&site.check(&["--format", "json"]).stdout);
    let bad = "content/cases/bad.md";
    assert_eq!(one(&diagnostics, bad, "broken-link").0, 9);
    assert_eq!(one(&diagnostics, bad, "broken-anchor").0, 9);
    assert_eq!(one(&diagnostics, bad, "missing-alt").0, 11);
    assert_eq!(one(&diagnostics, bad, "missing-image").0, 13);
}

#[test]
fn a_decorative_image_is_published_with_an_empty_alt() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/deco.md",
        &format!("{CASE}\n![](bundle/photo.png \"decorative\")\n"),
    );
    site.build(&[]).assert_ok();
    assert!(
        site.page("/cases/deco/")
            .contains(r#"<img decoding="async" src="/cases/bundle/photo.png" width="1200" height="600""#)
            && site.page("/cases/deco/").contains(r#" alt="" /></picture></p>"#)
    );
    let diagnostics = json(&site.check(&["--format", "json"]).stdout);
    assert!(
        !diagnostics.iter().any(|d| d["rule"] == "missing-alt"),
        "{diagnostics:#?}"
    );
}

#[test]
fn a_template_link_is_reported_once_at_its_template_line() {
    let site = Site::fixture("basic");
    let base = std::fs::read_to_string(site.root.join("themes/default/templates/base.html")).unwrap();
    site.write(
        "templates/base.html",
        &base.replace(
            "<p>{{ site.description }}</p>",
            "<p>{{ site.description }} <a href=\"/about/\">关于</a> <img src=\"/logo.png\"></p>",
        ),
    );
    let line = base
        .lines()
        .position(|l| l.contains("<p>{{ site.description }}</p>"))
        .unwrap() as u64
        + 1;
    let diagnostics = json(&site.check(&["--format", "json"]).stdout);
    let (l, c, message) = one(&diagnostics, "templates/base.html", "broken-link");
    assert_eq!((l, c), (line, 40), "{message}");
    assert_eq!(
        message,
        "links to /about/, which is not a page or file of this site; correct the template, or the raw HTML that has it (on /404.html and 54 other pages)"
    );
    assert_eq!(one(&diagnostics, "templates/base.html", "missing-image").0, line);
    assert_eq!(one(&diagnostics, "templates/base.html", "missing-alt").0, line);

    // Under a sub-path, a raw /logo.png in a template leaves the site: the fix is link().
    let diagnostics = json(
        &site
            .check(&["--format", "json", "--base-url", "https://host.example/sub/"])
            .stdout,
    );
    let (_, _, message) = one(&diagnostics, "templates/base.html", "broken-link");
    assert!(
        message.starts_with(
            "links to /about/, which is outside the site's base path /sub/; in a template write {{ link(path=\"/about/\") }}"
        ),
        "{message}"
    );
}

#[test]
fn the_default_theme_has_no_broken_links_under_a_sub_path() {
    let site = Site::fixture("basic");
    let run = site.check(&["--base-url", "https://host.example/sub/", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn future_dates_empty_sections_unused_terms_and_stale_translations_are_warnings() {
    let site = Site::fixture("basic");
    site.write("content/empty/_index.md", "---\ntitle: 空栏目\n---\n");
    let alpha = std::fs::read_to_string(site.root.join("content/cases/alpha.md")).unwrap();
    site.write(
        "content/cases/alpha.md",
        &alpha.replacen("level: municipal", "level: municipal\nupdated: 2024-07-01", 1),
    );
    let run = site.run("check", &["--format", "json"], &[("SHOWCASE_TODAY", "2024-06-15")]);
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    let diagnostics = json(&run.stdout);
    let (line, _, message) = one(&diagnostics, "content/cases/alpha.md", "future-date");
    assert_eq!(line, 9);
    assert_eq!(
        message,
        "updated: 2024-07-01 is in the future (today is 2024-06-15); correct it"
    );
    let (_, _, message) = one(&diagnostics, "content/empty/_index.md", "empty-section");
    assert!(
        message.starts_with("the section \"空栏目\" lists no pages in 中文"),
        "{message}"
    );
    // Changing the original makes its stamped translation stale; the warning points at the stamp.
    let (line, _, message) = one(&diagnostics, "content/cases/alpha.en.md", "stale-translation");
    let stamp_line = site
        .read("content/cases/alpha.en.md")
        .lines()
        .position(|l| l.starts_with("translated_from:"))
        .unwrap()
        + 1;
    assert_eq!(line, stamp_line as u64, "points at its stamp");
    assert!(
        message.contains("content/cases/alpha.md has changed since this translation was made"),
        "{message}"
    );
    // Every term of the fixture is used; one that is not is named at its line in site.toml.
    assert!(!diagnostics.iter().any(|d| d["rule"] == "empty-term"));
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    let config = format!("{config}\nterms.rd-services = {{ zh = \"研发服务\", en = \"R&D services\" }}\n");
    site.write("site.toml", &config);
    let diagnostics = json(&site.check(&["--format", "json"]).stdout);
    let (line, column, message) = one(&diagnostics, "site.toml", "empty-term");
    let expected = config.lines().position(|l| l.starts_with("terms.rd-services")).unwrap() as u64 + 1;
    assert_eq!((line, column), (expected, 1));
    assert!(
        message.starts_with("no page has the industry \"rd-services\""),
        "{message}"
    );
}

#[test]
fn errors_that_stop_the_build_are_reported_in_json_too() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        "---\ntitle: 案例\nsummary: [没有闭合\ndate: 2024-01-01\n---\n",
    );
    site.write(
        "content/cases/bad2.md",
        "---\ntitle: 案例二\ndate: 2024-01-01\nkind: park\nindustry: [fintec]\n---\n",
    );
    let run = site.check(&["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let diagnostics = json(&run.stdout);
    let (line, _, message) = one(&diagnostics, "content/cases/bad.md", "yaml");
    assert!((3..=5).contains(&line), "{line}");
    assert!(message.starts_with("front matter is not valid YAML"));
    let (line, column, message) = one(&diagnostics, "content/cases/bad2.md", "unknown-term");
    assert_eq!((line, column), (5, 12));
    assert_eq!(message, "unknown industry \"fintec\"; did you mean \"fintech\"?");
    assert!(!site.root.join("public").exists());
}

#[test]
fn usage_and_file_system_problems_exit_with_2() {
    let site = Site::fixture("basic");
    let run = site.run("check", &[], &[("SHOWCASE_TODAY", "yesterday")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("SHOWCASE_TODAY=\"yesterday\" is not a date"),
        "{}",
        run.stderr
    );
    let run = site.check(&["--format", "yaml"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    site.remove("site.toml");
    let run = site.check(&["--format", "json"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("there is no site.toml in"), "{}", run.stderr);
}

/// A loopback HTTP server for the length of a test: HEAD and GET answers by path.
/// It stops by itself after `lifetime`.
fn serve(lifetime: Duration) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let until = Instant::now() + lifetime;
        while Instant::now() < until {
            let Ok((stream, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(10));
                continue;
            };
            std::thread::spawn(move || {
                stream.set_nonblocking(false).unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let mut parts = request.split_whitespace();
                let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let status = match (method, path) {
                    (_, "/ok") => "200 OK",
                    ("HEAD", "/no-head") => "405 Method Not Allowed",
                    ("GET", "/no-head") => "200 OK",
                    (_, "/gone") => "404 Not Found",
                    (_, "/busy") => "503 Service Unavailable",
                    (_, "/slow") => {
                        std::thread::sleep(Duration::from_secs(3));
                        "200 OK"
                    }
                    _ => "400 Bad Request",
                };
                let body = if method == "HEAD" { "" } else { "ok" };
                let mut stream = stream;
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{body}"
                );
            });
        }
    });
    port
}

#[test]
fn external_links_are_checked_only_when_asked() {
    let port = serve(Duration::from_secs(30));
    let site = Site::fixture("basic");
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");
    site.write(
        "content/cases/links.md",
        &format!(
            "{CASE}\n[好]({}) [不支持HEAD]({})\n\n[已删除]({})\n\n[忙]({}) [慢]({})\n",
            url("/ok"),
            url("/no-head"),
            url("/gone"),
            url("/busy"),
            url("/slow")
        ),
    );
    // Off by default: CI may have no network.
    let diagnostics = json(&site.check(&["--format", "json"]).stdout);
    assert!(
        !diagnostics
            .iter()
            .any(|d| d["rule"].as_str().unwrap().contains("external"))
    );

    let started = Instant::now();
    let run = site.check(&["--format", "json", "--external", "--timeout", "1"]);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let diagnostics = json(&run.stdout);
    let file = "content/cases/links.md";
    let (line, column, message) = one(&diagnostics, file, "broken-external");
    assert_eq!((line, column), (9, 1));
    assert_eq!(
        message,
        format!(
            "links to {}, which is broken: the server answered HTTP 404; correct or remove the link",
            url("/gone")
        )
    );
    let unreachable: Vec<(u64, String)> = diagnostics
        .iter()
        .filter(|d| d["rule"] == "unreachable-external")
        .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(unreachable.len(), 2, "{unreachable:#?}");
    assert!(
        unreachable[0]
            .1
            .contains("/busy, which could not be checked: the server answered HTTP 503")
    );
    assert!(
        unreachable[1]
            .1
            .contains("/slow, which could not be checked: no answer in time")
    );
    assert!(
        diagnostics
            .iter()
            .all(|d| d["severity"] == "warning" || d["rule"] == "broken-external")
    );
}

#[test]
fn stale_and_unstamped_translations_and_editorial_slips_are_warnings() {
    let site = Site::fixture("basic");
    // Stamp alpha's English page, then change the Chinese original.
    let run = site.cli(&["translated", "content/cases/alpha.en.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let alpha = site.read("content/cases/alpha.md");
    site.write("content/cases/alpha.md", &alpha.replace("第一行", "第一行（已更新）"));
    // Chinese text with ASCII punctuation between Chinese characters.
    site.write("content/cases/gamma.md", &format!("{CASE}\n校企合作,共建基地.\n"));
    let run = site.check(&["--format", "json"]);
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    let diagnostics = json(&run.stdout);
    let (line, _, message) = one(&diagnostics, "content/cases/alpha.en.md", "stale-translation");
    assert!(
        line > 0 && message.contains("showcase translated content/cases/alpha.en.md"),
        "{message}"
    );
    let slips: Vec<(u64, u64)> = diagnostics
        .iter()
        .filter(|d| d["file"] == "content/cases/gamma.md" && d["rule"] == "zh-ascii-punctuation")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(slips, vec![(7, 5), (7, 10)]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["translations"]["languages"][0]["totals"]["stale"], 1);
    // --strict turns the warnings into a failure.
    assert_eq!(site.check(&["--strict"]).code, 1);
    // Stamping again clears the stale warning.
    site.cli(&["translated", "content/cases/alpha.en.md"]);
    let diagnostics = json(&site.check(&["--format", "json"]).stdout);
    assert!(!diagnostics.iter().any(|d| d["rule"] == "stale-translation"));
}
