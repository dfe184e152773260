//! Tests of site.toml's parsing and checks.

use super::*;

const MINIMAL: &str = r#"
base_url = "https://example.org/"
default_language = "zh"
[languages.en]
title = "Cases"
[languages.zh]
title = "案例"
[taxonomies.industry]
label = { zh = "产业", en = "Industry" }
terms.fintech = { zh = "科技金融", en = "Tech finance" }
"#;

#[test]
fn default_language_comes_first() {
    let config = Config::parse(Path::new("."), MINIMAL, None).unwrap();
    assert_eq!(config.languages[0].code, "zh");
    assert_eq!(config.languages[0].tag, "zh-CN");
    assert_eq!(config.languages[1].url_prefix, "/en");
    assert_eq!(config.base_url, "https://example.org");
    assert_eq!(config.taxonomies[0].terms[0].labels, vec!["科技金融", "Tech finance"]);
}

#[test]
fn sub_path_base_url() {
    let config = Config::parse(Path::new("."), MINIMAL, Some("https://host/cases-site/")).unwrap();
    assert_eq!(config.base_path, "/cases-site");
    assert_eq!(config.link("/a/"), "/cases-site/a/");
    assert_eq!(config.permalink("/a/"), "https://host/cases-site/a/");
}

#[test]
fn feed_limit_and_publisher() {
    let config = Config::parse(Path::new("."), MINIMAL, None).unwrap();
    assert_eq!(config.feed_limit, 20);
    assert_eq!(config.publisher, vec!["案例", "Cases"]);
    let text = MINIMAL.replace(
        "default_language = \"zh\"",
        "default_language = \"zh\"\nfeed_limit = 5\npublisher = { zh = \"普陀区\", en = \"Putuo\" }",
    );
    let config = Config::parse(Path::new("."), &text, Some("https://host/sub/")).unwrap();
    assert_eq!(config.feed_limit, 5);
    assert_eq!(config.publisher, vec!["普陀区", "Putuo"]);
    assert_eq!(config.absolute("/sub/a.png"), "https://host/sub/a.png");
    let text = MINIMAL.replace(
        "default_language = \"zh\"",
        "default_language = \"zh\"\nfeed_limit = 0\npublisher = { zh = \"普陀区\" }",
    );
    let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
    assert!(errors.iter().any(|e| e.message.starts_with("feed_limit")), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("publisher has no label in language \"en\"")),
        "{errors:?}"
    );
}

#[test]
fn syntax_error_has_line_and_column() {
    let errors = Config::parse(Path::new("."), "base_url = \"x\"\ndefault_language = \n", None).unwrap_err();
    assert_eq!(errors[0].line, 2, "{errors:?}");
    assert!(errors[0].col > 0);
}

#[test]
fn missing_label_and_unknown_default_reported_together() {
    let text = MINIMAL
        .replace("default_language = \"zh\"", "default_language = \"zn\"")
        .replace(", en = \"Tech finance\"", "");
    let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
    let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        all.iter()
            .any(|e| e.contains("default_language \"zn\"") && e.contains("did you mean \"zh\"")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|e| e.contains("term \"fintech\"") && e.contains("\"en\"")),
        "{all:?}"
    );
}

#[test]
fn targets_are_checked_against_taxonomies() {
    let text = format!(
        "{MINIMAL}\n[[targets]]\nlabel = {{ zh = \"企业\", en = \"Enterprises\" }}\ncount = {{ industry = \"fintec\", level = \"municipal\" }}\ngoal = 10\nyear = 2025\n"
    );
    let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("counts industry \"fintec\"")
            && errors[0].message.contains("did you mean \"fintech\""),
        "{errors:?}"
    );
    assert_eq!(errors[0].line, 14);
    let good = text.replace("fintec\"", "fintech\"");
    let config = Config::parse(Path::new("."), &good, None).unwrap();
    assert_eq!(config.targets[0].goal, 10);
    assert_eq!(config.targets[0].conditions.len(), 2);
}

#[test]
fn the_glossary_is_checked() {
    let good = format!(
        "{MINIMAL}\n[glossary]\n\"产教融合\" = {{ en = \"industry-education integration\", avoid = [\"integration of industry and education\"] }}\n"
    );
    let config = Config::parse(Path::new("."), &good, None).unwrap();
    let entry = &config.glossary[0];
    assert_eq!(entry.term, "产教融合");
    assert_eq!(
        entry.renderings,
        vec![None, Some("industry-education integration".to_string())]
    );
    assert_eq!(entry.avoid, vec!["integration of industry and education"]);
    let bad = good
        .replace("{ en = \"industry", "{ eng = \"industry")
        .replace("avoid = [", "zh = \"x\", avoid = [");
    let errors = Config::parse(Path::new("."), &bad, None).unwrap_err();
    let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        all.iter().any(|e| e.contains(
            "glossary \"产教融合\" has \"eng\", which is neither a language of the site nor avoid; did you mean \"en\"?"
        )),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|e| e.contains("the term itself is the 中文 text; remove zh")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|e| e.contains("lists variants to avoid but no rendering")),
        "{all:?}"
    );
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors.iter().all(|e| e.line == 13), "{errors:?}");
}

#[test]
fn unknown_key_is_an_error() {
    let text = format!("{MINIMAL}\npaginate = 3\n");
    let errors = Config::parse(Path::new("."), &text, None).unwrap_err();
    assert!(errors[0].message.contains("paginate"), "{errors:?}");
    assert!(errors[0].line > 0);
}
