//! Tests of front matter's parsing and checks.

use super::*;
use std::path::Path;

fn config() -> Config {
    Config::parse(
        Path::new("."),
        r#"
base_url = "https://example.org"
default_language = "zh"
[languages.zh]
title = "案例"
[languages.en]
title = "Cases"
[taxonomies.industry]
label = { zh = "产业", en = "Industry" }
terms.smart-software = { zh = "智能软件", en = "Smart software" }
terms.fintech = { zh = "科技金融", en = "Tech finance" }
"#,
        None,
    )
    .unwrap()
}

#[test]
fn splits_with_bom_and_crlf() {
    let s = split("\u{feff}---\r\ntitle: a\r\n---\r\nbody\r\n").unwrap();
    assert_eq!(s.yaml, "title: a\r\n");
    assert_eq!(s.body, "body\r\n");
    assert_eq!(s.body_line, 4);
}

#[test]
fn unclosed_front_matter() {
    let e = split("---\ntitle: a\nbody\n").unwrap_err();
    assert!(e.message.contains("never closed"));
}

#[test]
fn parses_fields() {
    let yaml = "title: 喜马拉雅\ndate: 2021-01-12\nindustry: [smart-software]\nhighlights:\n  - {value: 10, label: 家}\ncover: {src: a.jpg, alt: 楼}\n";
    let fm = parse(yaml, 2, &config()).unwrap();
    assert_eq!(fm.title, "喜马拉雅");
    assert_eq!(fm.date.unwrap().to_string(), "2021-01-12");
    assert_eq!(fm.terms["industry"], vec!["smart-software"]);
    assert_eq!(fm.highlights[0].value, "10");
    assert_eq!(fm.cover.unwrap().alt, "楼");
    assert_eq!(fm.source, None);
}

#[test]
fn source_is_text() {
    let fm = parse("title: a\nsource: 《方案》（普发改委〔2021〕2号）\n", 2, &config()).unwrap();
    assert_eq!(fm.source.as_deref(), Some("《方案》（普发改委〔2021〕2号）"));
    let e = parse("title: a\nsource: [a, b]\n", 2, &config()).unwrap_err();
    assert!(e[0].message.contains("source"), "{}", e[0].message);
}

#[test]
fn unknown_term_points_at_the_value() {
    let yaml = "title: a\nindustry: [fintech, smart-sofware]\n";
    let e = parse(yaml, 2, &config()).unwrap_err();
    assert_eq!(e[0].line, 3);
    assert_eq!(e[0].col, 21);
    assert!(e[0].message.contains("did you mean \"smart-software\""), "{e:?}");
}

#[test]
fn each_unknown_term_of_a_list_points_at_its_own_place() {
    let yaml = "title: a\nindustry:\n  - nope\n  - fintech\n  - nope\n  - 中文x\n";
    let e = parse(yaml, 2, &config()).unwrap_err();
    let places: Vec<(usize, usize)> = e.iter().map(|p| (p.line, p.col)).collect();
    assert_eq!(places, [(4, 5), (6, 5), (7, 5)], "{e:?}");
    // Values YAML reads otherwise than written ("\x41" is A): after a few misses, the key's line.
    let escaped: String = (1..=20).map(|i| format!("  - \"\\x41{i}\"\n")).collect();
    let e = parse(&format!("title: a\nindustry:\n{escaped}"), 2, &config()).unwrap_err();
    assert_eq!(e.len(), 20);
    assert!(e.iter().all(|p| p.line == 3 && p.col == 1), "{e:?}");
}

#[test]
fn unknown_field_and_bad_draft_together() {
    let yaml = "title: a\ntitel: b\ndraft: yes\n";
    let e = parse(yaml, 2, &config()).unwrap_err();
    assert_eq!(e.len(), 2);
    assert!(e[0].message.contains("did you mean \"title\""));
    assert_eq!(e[0].line, 3);
    assert!(e[1].message.contains("draft: true"));
}

#[test]
fn broken_yaml_has_a_line() {
    let e = parse("title: a\nsummary: [unclosed\n", 2, &config()).unwrap_err();
    assert!(e[0].line >= 3, "{e:?}");
    assert!(e[0].message.contains("not valid YAML"));
}

#[test]
fn aliases_stay_inside_the_site() {
    assert_eq!(check_alias("/old/path").unwrap(), "/old/path/");
    assert_eq!(check_alias("/old.html").unwrap(), "/old.html");
    for bad in [
        "old/",
        "/../etc/",
        "//evil.example/",
        "/a\\b/",
        "javascript:alert(1)",
        "/a/./b/",
        "/a//b/",
        "/%2e%2e/%2E%2E/x/",
        "/a/%5c/",
    ] {
        assert!(check_alias(bad).is_err(), "{bad}");
    }
}

#[test]
fn missing_title() {
    let e = parse("summary: x\n", 2, &config()).unwrap_err();
    assert!(e[0].message.contains("title is missing"));
}

#[test]
fn yaml_mistakes_are_named_in_plain_words() {
    for (yaml, words) in [
        ("title: 园区: 案例\n", "put the whole value in double quotes"),
        ("title: a\n  date: 2024-01-01\n", "put the whole value in double quotes"),
        ("title: a\n\tdate: 2024-01-01\n", "a tab in the indentation"),
        ("title: a\nindustry: [a, b\n", "a \"[\" is not closed"),
        ("title: a\ncover: {src: a.jpg, alt: b\n", "a \"{\" is not closed"),
        ("title: \"a\n", "a quotation mark is not closed"),
        ("title: a\ntitle: b\n", "the field title is written twice"),
        (
            "title: a\nthis line has no colon\n",
            "this line is not \"field: value\"",
        ),
        ("title: `a`\n", "starts with a character YAML keeps for itself"),
        ("title: a\n- b\n", "does not line up with the fields above"),
    ] {
        let e = parse(yaml, 2, &config()).unwrap_err();
        assert!(
            e[0].message.starts_with("front matter is not valid YAML: "),
            "{yaml:?}: {e:?}"
        );
        assert!(e[0].message.contains(words), "{yaml:?}: {}", e[0].message);
    }
    // What no plain words are written for is said in YAML's own.
    let e = parse("title: a\n? [a\n", 2, &config()).unwrap_err();
    assert!(e[0].message.starts_with("front matter is not valid YAML: "), "{e:?}");
}
