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

/// A case made by `showcase new case`, in both languages, published as it is.
fn unfinished_case() -> Site {
    let site = Site::fixture("basic");
    site.cli(&["new", "case", "测试单位", "--kind", "enterprise"])
        .assert_ok();
    for rel in ["content/cases/ce-shi-dan-wei.md", "content/cases/ce-shi-dan-wei.en.md"] {
        let text = site.read(rel);
        site.write(rel, &text.replace("draft: true\n", ""));
    }
    site
}

#[test]
fn check_refuses_the_outline_left_unfilled_with_positions() {
    let site = unfinished_case();
    let run = site.check(&[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let zh = site.read("content/cases/ce-shi-dan-wei.md");
    // "line:col" of each error with a message, as the report prints them.
    let at = |message: &str| -> Vec<String> {
        run.stdout
            .lines()
            .filter(|l| l.contains(message))
            .map(|l| l.split_whitespace().next().unwrap().to_string())
            .collect()
    };
    // Each of the four hints, at the line and column where it is written.
    for hint in ["（单位概况", "（合作院校", "（已经取得", "（可复制"] {
        let line = zh.lines().position(|l| l.starts_with(hint)).unwrap() + 1;
        assert_eq!(
            at(&format!("the outline's placeholder \"{hint}")),
            [format!("{line}:1")],
            "{}",
            run.stdout
        );
    }
    for hint in [
        "(Who the organisation",
        "(Its partners",
        "(What has been",
        "(What others",
    ] {
        assert_eq!(
            at(&format!("the outline's placeholder \"{hint}")).len(),
            1,
            "{hint}\n{}",
            run.stdout
        );
    }
    let summary_line = zh.lines().position(|l| l == "summary:").unwrap() + 1;
    assert_eq!(
        at("the summary is empty"),
        [format!("{summary_line}:1"), format!("{summary_line}:1")]
    );
    assert!(
        run.stdout
            .contains("the title is still the placeholder \"（请填写标题）\"")
    );
    assert_eq!(run.stdout.matches("[placeholder]").count(), 10, "{}", run.stdout);
    assert_eq!(run.stdout.matches("[empty-summary]").count(), 2, "{}", run.stdout);

    // build refuses them too, and writes nothing.
    let built = site.build(&[]);
    assert_eq!(built.code, 1);
    assert_eq!(
        built.stderr.matches("the outline's placeholder").count(),
        8,
        "{}",
        built.stderr
    );
    assert!(!site.root.join("public").exists());
}

#[test]
fn a_filled_case_passes_and_drafts_are_exempt() {
    let site = Site::fixture("basic");
    site.cli(&["new", "case", "测试单位", "--kind", "enterprise"])
        .assert_ok();
    // Drafts: the outline may stay as long as they are drafts.
    let run = site.check(&["--drafts"]);
    assert!(
        !run.stdout.contains("[placeholder]") && !run.stdout.contains("[empty-summary]"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A case whose hint is kept inside the author's own sentence is still caught;
    // wrapped over two lines too.
    site.write(
        "content/cases/filled.md",
        "---\ntitle: 已写好\nsummary: 一句话摘要。\ndate: 2024-01-01\nkind: enterprise\n---\n\n## 基本情况\n\n本单位成立于2001年。单位概况，以及参与产\n教融合的背景。\n\n## 主要做法\n\n与高校合作。\n",
    );
    let run = site.check(&["--drafts"]);
    assert!(
        run.stdout
            .contains("  10:13  error    the outline's placeholder \"（单位概况"),
        "{}",
        run.stdout
    );
    site.write(
        "content/cases/filled.md",
        "---\ntitle: 已写好\ndate: 2024-01-01\nkind: enterprise\n---\n\n## 基本情况\n\n本单位成立于2001年。\n",
    );
    let run = site.check(&["--drafts"]);
    assert_eq!(
        run.code, 0,
        "no summary line: the first paragraph serves\n{}",
        run.stdout
    );
}

#[test]
fn publishing_the_original_leaves_its_translation_fresh() {
    let site = Site::fixture("basic");
    site.cli(&["new", "case", "测试单位", "--kind", "enterprise"])
        .assert_ok();
    let zh_path = "content/cases/ce-shi-dan-wei.md";
    let en_path = "content/cases/ce-shi-dan-wei.en.md";
    let fill = |text: &str, title: &str| {
        let mut out = text
            .replace("summary:\n", "summary: Filled.\n")
            .replace("title: （请填写标题）", &format!("title: {title}"))
            .replace("title: (Title to be written)", &format!("title: {title}"));
        for (_, hint) in [
            ("", "（单位概况，以及参与产教融合的背景。）"),
            ("", "（合作院校和企业、具体举措、责任部门。）"),
            ("", "（已经取得的成效；只写有据可查的事实和数字。）"),
            ("", "（可复制、可推广的经验。）"),
        ] {
            out = out.replace(hint, "已写好。");
        }
        for hint in [
            "(Who the organisation is, and why it takes part in industry-education integration.)",
            "(Its partners, what they do together, and the responsible departments.)",
            "(What has been achieved, with facts and figures that can be checked.)",
            "(What others can learn from it.)",
        ] {
            out = out.replace(hint, "Written.");
        }
        out
    };
    site.write(zh_path, &fill(&site.read(zh_path), "测试单位"));
    site.write(en_path, &fill(&site.read(en_path), "Test unit"));
    site.cli(&["translated", en_path]).assert_ok();
    let run = site.check(&["--drafts"]);
    assert!(!run.stdout.contains("stale-translation"), "{}", run.stdout);
    // Publishing both: the original loses its draft line, the stamp stays good.
    for rel in [zh_path, en_path] {
        let text = site.read(rel);
        assert!(text.contains("draft: true\n"));
        site.write(rel, &text.replace("draft: true\n", ""));
    }
    // Checked on the day the case is dated (before it, the case is not published yet).
    let check = || site.run("check", &[], &[("SHOWCASE_TODAY", "2025-03-01")]);
    let run = check();
    assert!(!run.stdout.contains("stale-translation"), "{}", run.stdout);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A real change still makes it stale.
    site.write(zh_path, &site.read(zh_path).replace("已写好。", "改写了。"));
    let run = check();
    assert!(run.stdout.contains("[stale-translation]"), "{}", run.stdout);
}
