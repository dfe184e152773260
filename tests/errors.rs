//! Bad input: every error names the file, line and column, all errors of a
//! build come together, the exit code says what kind of failure it was, and
//! nothing is written.

mod common;

use common::Site;

/// Builds and expects content errors; returns stderr.
#[track_caller]
fn fails(site: &Site) -> String {
    let run = site.build(&[]);
    assert_eq!(
        run.code, 1,
        "expected exit 1, got {}:\n{}{}",
        run.code, run.stdout, run.stderr
    );
    assert!(
        !site.root.join("public").exists(),
        "a failed first build must write nothing"
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    run.stderr
}

const CASE: &str = "---\ntitle: 案例\ndate: 2024-01-01\nkind: enterprise\n";

#[test]
fn broken_yaml_names_file_and_line() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        "---\ntitle: 案例\nsummary: [没有闭合\ndate: 2024-01-01\n---\n正文\n",
    );
    let err = fails(&site);
    assert!(err.contains("content/cases/bad.md:"), "{err}");
    let line = err.lines().find(|l| l.contains("bad.md")).unwrap();
    assert!(line.contains("front matter is not valid YAML"), "{line}");
    let line_no: usize = line.split(':').nth(1).unwrap().parse().unwrap();
    assert!((3..=5).contains(&line_no), "{line}");
}

#[test]
fn unknown_term_points_at_it_and_suggests_the_right_one() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        &format!("{CASE}industry: [fintech, smart-sofware]\n---\n"),
    );
    let err = fails(&site);
    assert!(
        err.contains(
            "content/cases/bad.md:5:21: error: unknown industry \"smart-sofware\"; did you mean \"smart-software\"?"
        ),
        "{err}"
    );
}

#[test]
fn unknown_field_suggests_the_nearest_known_one() {
    let site = Site::fixture("basic");
    site.write("content/cases/bad.md", &format!("{CASE}sumary: 摘要\n---\n"));
    let err = fails(&site);
    assert!(
        err.contains("content/cases/bad.md:5:1: error: unknown field \"sumary\"; did you mean \"summary\"?"),
        "{err}"
    );
}

#[test]
fn link_to_a_missing_file_names_the_line() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        &format!("{CASE}---\n\n第一段。\n\n见[不存在](../parks/none.md)。\n"),
    );
    let err = fails(&site);
    assert!(
        err.contains(
            "content/cases/bad.md:9:2: error: links to content/parks/none.md, which does not exist; check the file name"
        ),
        "{err}"
    );
}

#[test]
fn javascript_links_are_refused() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        &format!("{CASE}---\n[点我](javascript:alert(1))\n"),
    );
    let err = fails(&site);
    assert!(
        err.contains("content/cases/bad.md:6:1: error: links to a \"javascript:\" URL"),
        "{err}"
    );
}

#[test]
fn errors_in_two_files_are_reported_together() {
    let site = Site::fixture("basic");
    site.write("content/cases/one.md", &format!("{CASE}industry: [fintec]\n---\n"));
    site.write("content/cases/two.md", "---\ntitle: 二\ndate: 2024-13-45\n---\n");
    let err = fails(&site);
    assert!(
        err.contains("content/cases/one.md:5:12: error: unknown industry \"fintec\"; did you mean \"fintech\"?"),
        "{err}"
    );
    assert!(
        err.contains("content/cases/two.md:3:1: error: date: \"2024-13-45\" is not a date"),
        "{err}"
    );
    assert!(err.contains("showcase: 2 errors found"), "{err}");
}

#[test]
fn pages_whose_pinyin_collides_are_named_together() {
    let site = Site::fixture("basic");
    site.write("content/cases/师范院校.md", &format!("{CASE}---\n"));
    site.write("content/cases/示范院校.md", &format!("{CASE}---\n"));
    let err = fails(&site);
    let line = err
        .lines()
        .find(|l| l.contains("would both be published"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("师范院校.md") && line.contains("示范院校.md"), "{line}");
    assert!(line.contains("/cases/shi-fan-yuan-xiao/"), "{line}");
    assert!(line.contains("set slug:"), "{line}");
}

#[test]
fn a_slug_resolves_the_collision() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/师范院校.md",
        &format!("{CASE}slug: normal-schools\n---\n"),
    );
    site.write("content/cases/示范院校.md", &format!("{CASE}---\n"));
    site.build(&[]).assert_ok();
    assert!(site.exists("/cases/normal-schools/"));
    assert!(site.exists("/cases/shi-fan-yuan-xiao/"));
}

#[test]
fn unsafe_slugs_are_refused() {
    let site = Site::fixture("basic");
    site.write("content/cases/bad.md", &format!("{CASE}slug: ../../etc\n---\n"));
    let err = fails(&site);
    assert!(
        err.contains("content/cases/bad.md:5:1: error: slug \"../../etc\" may not start with a dot"),
        "{err}"
    );
    site.write("content/cases/bad.md", &format!("{CASE}slug: a/b\n---\n"));
    let err = fails(&site);
    assert!(
        err.contains("content/cases/bad.md:5:1: error: slug \"a/b\" contains \"/\""),
        "{err}"
    );
}

#[test]
fn a_file_for_an_unknown_language_is_named() {
    let site = Site::fixture("basic");
    site.write("content/cases/alpha.fr.md", "---\ntitle: Alpha\n---\n");
    let err = fails(&site);
    assert!(
        err.contains(
            "content/cases/alpha.fr.md: error: \"fr\" in the file name is not a language of the site (zh, en)"
        ),
        "{err}"
    );
}

#[test]
fn a_case_needs_a_date_and_draft_needs_a_boolean() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        "---\ntitle: 案例\nkind: park\ndraft: yes\n---\n",
    );
    let err = fails(&site);
    assert!(err.contains("content/cases/bad.md:4:1: error: draft must be true or false; \"yes\" is text in YAML 1.2, write draft: true"), "{err}");
}

#[test]
fn a_missing_section_index_is_explained() {
    let site = Site::fixture("basic");
    site.write("content/parks/a.md", "---\ntitle: 园区\n---\n");
    let err = fails(&site);
    assert!(
        err.contains("content/parks/ has pages but no _index.md; add content/parks/_index.md"),
        "{err}"
    );
}

#[test]
fn broken_site_toml_has_line_and_column() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &config.replace("paginate_by = 2", "paginate_by = 2\ntheme = [unclosed"),
    );
    let err = fails(&site);
    assert!(
        err.starts_with("site.toml:6:1: error: missing comma between array elements"),
        "{err}"
    );
}

#[test]
fn unknown_site_toml_key_is_an_error() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &config.replace("paginate_by = 2", "paginate = 2"));
    let err = fails(&site);
    assert!(
        err.starts_with("site.toml:3:1: error: unknown field `paginate`"),
        "{err}"
    );
}

#[test]
fn missing_site_toml_is_a_usage_error() {
    let site = Site::fixture("basic");
    site.remove("site.toml");
    let run = site.build(&[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("there is no site.toml in"), "{}", run.stderr);
}

#[test]
fn a_ui_string_missing_in_one_language_is_an_error() {
    let site = Site::fixture("basic");
    let en = site.root.join("themes/default/i18n/en.toml");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(
        &en,
        text.lines()
            .filter(|l| !l.starts_with("next_page"))
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let err = fails(&site);
    assert!(
        err.contains("themes/default/i18n/en.toml: error: the UI string \"next_page\" has no English text"),
        "{err}"
    );
}

#[test]
fn a_template_error_names_the_template_and_line() {
    let site = Site::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title | no_such_filter }}\n{% endblock content %}\n",
    );
    let err = fails(&site);
    assert!(
        err.contains("templates/page.html:3:17: error: Unknown filter `no_such_filter`"),
        "{err}"
    );
}

#[test]
fn refuses_to_write_over_the_sources() {
    let site = Site::fixture("basic");
    let run = site.build(&["-o", "content"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("refusing to write the site to content"),
        "{}",
        run.stderr
    );
    assert!(site.root.join("content/cases/alpha.md").exists());
    let run = site.build(&["-o", "."]);
    assert_eq!(run.code, 2);
}

#[test]
fn refuses_to_replace_a_folder_that_is_not_a_site() {
    let site = Site::fixture("basic");
    site.write("documents/thesis.txt", "precious");
    let run = site.build(&["-o", "documents"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(site.root.join("documents/thesis.txt").exists());
}

#[test]
fn bom_and_crlf_files_just_work() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/windows.md",
        "\u{feff}---\r\ntitle: 视窗\r\ndate: 2024-01-01\r\nkind: park\r\n---\r\n\r\n## 标题\r\n\r\n正文\r\n",
    );
    site.build(&[]).assert_ok();
    assert!(site.page("/cases/windows/").contains("<h2 id=\"biao-ti\">标题</h2>"));
}

#[test]
fn non_utf8_files_are_named() {
    let site = Site::fixture("basic");
    std::fs::write(
        site.root.join("content/cases/gbk.md"),
        b"---\ntitle: \xd6\xd0\xce\xc4\n---\n",
    )
    .unwrap();
    let err = fails(&site);
    assert!(
        err.contains("content/cases/gbk.md:2:8: error: the file is not UTF-8 text"),
        "{err}"
    );
}

#[test]
fn aliases_may_not_leave_the_site_or_take_a_page() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/bad.md",
        &format!("{CASE}aliases: [\"../../etc/passwd\", /a/../../b/]\n---\n"),
    );
    let err = fails(&site);
    assert!(
        err.contains("content/cases/bad.md:5:1: error: alias \"../../etc/passwd\" must start with /"),
        "{err}"
    );
    assert!(
        err.contains("content/cases/bad.md:5:1: error: alias \"/a/../../b/\" may not contain . or .. segments"),
        "{err}"
    );
    site.write(
        "content/cases/bad.md",
        &format!("{CASE}aliases: [/cases/alpha/]\n---\n"),
    );
    let err = fails(&site);
    assert!(
        err.contains("alias /cases/alpha/ is the address of content/cases/alpha.md"),
        "{err}"
    );
}
