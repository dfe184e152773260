//! Authors' safety nets: every problem of a site reported in one run, across
//! stages; unfinished pages refused; a translation's stamp that ignores the
//! draft flag.

mod common;

use common::Site;

/// A file whose front matter is broken, with a broken link in its body.
const BROKEN_FRONT_MATTER: &str =
    "---\ntitle: 坏\nsummary: [没有闭合\ndate: 2024-01-01\nkind: enterprise\n---\n\n正文见[不存在](nowhere.md)。\n";

/// A good file linking to the broken one (which exists) and to a missing one.
const LINKS_TO_IT: &str =
    "---\ntitle: 好\ndate: 2024-01-01\nkind: enterprise\n---\n\n见[坏](bad.md)和[缺失](missing.md)。\n";

fn two_stages() -> Site {
    let site = Site::fixture("basic");
    site.write("content/cases/bad.md", BROKEN_FRONT_MATTER);
    site.write("content/cases/good.md", LINKS_TO_IT);
    site
}

#[test]
fn build_reports_a_front_matter_error_and_broken_links_together() {
    let site = two_stages();
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(
        lines[0].starts_with("content/cases/bad.md:3:") || lines[0].starts_with("content/cases/bad.md:4:"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("not valid YAML"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("content/cases/bad.md:8:4:") && lines[1].contains("nowhere.md"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("content/cases/good.md:7:14:") && lines[2].contains("missing.md"),
        "{}",
        lines[2]
    );
    // The link to the file whose front matter failed is not called broken.
    assert!(!run.stderr.contains("links to content/cases/bad.md"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert!(!site.root.join("public").exists(), "a failed build writes nothing");
}

#[test]
fn check_reports_a_front_matter_error_and_broken_links_together() {
    let site = two_stages();
    let run = site.check(&["--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let errors: Vec<(String, u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let rules: Vec<(&str, &str)> = errors.iter().map(|(f, _, r)| (f.as_str(), r.as_str())).collect();
    assert_eq!(
        rules,
        [
            ("content/cases/bad.md", "yaml"),
            ("content/cases/bad.md", "broken-link"),
            ("content/cases/good.md", "broken-link")
        ],
        "{}",
        run.stdout
    );
    assert_eq!(errors[1].1, 8);
    assert_eq!(errors[2].1, 7);
    // The rest of the site was still rendered and checked.
    assert!(!site.root.join("public").exists());
}

#[test]
fn a_file_without_closing_front_matter_is_still_a_file() {
    let site = Site::fixture("basic");
    site.write("content/cases/bad.md", "---\ntitle: 坏\n\n正文\n");
    site.write("content/cases/good.md", LINKS_TO_IT);
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("content/cases/bad.md:1:1: error: the front matter opened on line 1 is never closed"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/cases/good.md:7:14:"), "{}", run.stderr);
    assert!(!run.stderr.contains("links to content/cases/bad.md"), "{}", run.stderr);
}
