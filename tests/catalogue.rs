//! The case catalogue: taxonomy overviews and term pages in both languages,
//! the derived year, related cases, the filters' data and the progress page.

mod common;

use common::Site;

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    site
}

use common::card_titles as titles;

fn with_config(site: &Site, extra: &str) {
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{config}\n{extra}\n"));
}

#[test]
fn term_pages_list_their_cases_newest_first_in_both_languages() {
    let site = built();
    // kind = park: 中以创新园 (2024-02), 德尔塔 (2023), 图片案例 (2022); two a page.
    let park = site.page("/kind/park/");
    assert_eq!(titles(&park), vec!["中以创新园", "德尔塔案例"]);
    assert!(
        park.contains("<h1><span class=\"eyebrow-inline\">类型：</span>园区</h1>"),
        "{park}"
    );
    assert_eq!(titles(&site.page("/kind/park/page/2/")), vec!["图片案例"]);
    assert!(!site.exists("/kind/park/page/3/"));
    // English: the untranslated originals are listed with their notice.
    let en = site.page("/en/kind/park/");
    assert_eq!(titles(&en), vec!["中以创新园", "德尔塔案例"]);
    assert!(en.contains("Not yet translated into English"));
    assert_eq!(titles(&site.page("/en/kind/park/page/2/")), vec!["Picture case"]);
    // The language switcher goes to the same term page.
    assert!(park.contains(r#"<a href="/en/kind/park/" hreflang="en" lang="en">English</a>"#));
    assert!(park.contains(r#"<link rel="alternate" hreflang="en" href="https://cases.example.org/en/kind/park/">"#));
}

#[test]
fn overviews_count_the_cases_of_each_term() {
    let site = built();
    let zh = site.page("/kind/");
    assert!(zh.contains(r#"<a class="tile" href="/kind/enterprise/"><span class="tile-name">企业</span> <span class="tile-count">2 个案例</span></a>"#), "{zh}");
    assert!(zh.contains(
        r#"<a class="tile" href="/kind/park/"><span class="tile-name">园区</span> <span class="tile-count">3 个案例</span></a>"#
    ));
    // English counts agree with their number.
    let en = site.page("/en/industry/");
    assert!(en.contains(r#"<a class="tile" href="/en/industry/fintech/"><span class="tile-name">Tech finance</span> <span class="tile-count">1 case</span></a>"#), "{en}");
    assert!(
        site.page("/en/kind/")
            .contains(r#"<span class="tile-name">Park</span> <span class="tile-count">3 cases</span>"#)
    );
    // The draft's terms are not counted.
    assert!(!site.page("/year/2024/").contains("伽马"));
}

#[test]
fn the_year_is_a_taxonomy_derived_from_the_date() {
    let site = built();
    let years = site.page("/year/");
    let order: Vec<usize> = ["/year/2024/", "/year/2023/", "/year/2022/"]
        .iter()
        .map(|y| years.find(y).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest year first: {years}");
    assert!(years.contains("<span class=\"tile-name\">2024年</span>"));
    assert_eq!(titles(&site.page("/year/2024/")), vec!["阿尔法案例", "贝塔案例"]);
    assert!(site.page("/en/year/").contains("<span class=\"tile-name\">2024</span>"));
}

#[test]
fn related_cases_share_the_most_terms() {
    let site = built();
    let zhong = site.page("/cases/zhong-yi-chuang-xin-yuan/");
    let related = zhong.split("id=\"related-heading\"").nth(1).expect("a related section");
    let related = related.split("</section>").next().unwrap();
    assert_eq!(titles(related), vec!["德尔塔案例", "图片案例"]);
    let alpha = site.page("/cases/alpha/");
    let related = alpha
        .split("id=\"related-heading\"")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert_eq!(titles(related), vec!["贝塔案例"]);
}

#[test]
fn the_catalogue_section_lists_every_case_with_filters() {
    let site = built();
    let cases = site.page("/cases/");
    assert!(
        cases.contains(r#"<form class="filter-form" data-source="/cases/cases.json""#),
        "{cases}"
    );
    assert!(cases.contains(r#"<input type="checkbox" name="industry" value="fintech">"#));
    // Chinese counts in full-width brackets.
    assert!(
        cases.contains(r#"<a href="/industry/fintech/">科技金融<span class="count">（1）</span></a>"#),
        "{cases}"
    );
    // On phones the filters open from a button; the list comes first.
    assert!(cases.contains(r#"<details class="filter-panel">"#));
    let en = site.page("/en/cases/");
    assert!(
        en.contains("<a href=\"/en/industry/fintech/\">Tech finance<span class=\"count\">\u{a0}(1)</span></a>"),
        "{en}"
    );
    assert!(cases.contains(r#"<p class="filter-status" role="status" aria-live="polite"></p>"#));
    assert!(cases.contains("<script src=\"/filter."));
    let data: serde_json::Value = serde_json::from_str(&site.page("/cases/cases.json")).unwrap();
    let entries = data["cases"].as_array().unwrap();
    assert_eq!(entries.len(), 5);
    assert_eq!(
        entries[0]["terms"]["industry"],
        serde_json::json!(["smart-software", "fintech"])
    );
    assert_eq!(entries[0]["terms"]["year"], serde_json::json!(["2024"]));
    assert!(
        entries[0]["html"]
            .as_str()
            .unwrap()
            .contains(r#"<a href="/cases/alpha/">阿尔法案例</a>"#)
    );
    let en: serde_json::Value = serde_json::from_str(&site.page("/en/cases/cases.json")).unwrap();
    assert_eq!(en["cases"].as_array().unwrap().len(), 5);
}

#[test]
fn a_catalogue_without_a_section_is_generated() {
    let site = Site::fixture("basic");
    with_config(
        &site,
        "[catalogue]\npath = \"all\"\ntitle = { zh = \"案例总览\", en = \"Every case\" }\n",
    );
    site.build(&[]).assert_ok();
    let all = site.page("/all/");
    assert!(all.contains("<h1>案例总览</h1>"), "{all}");
    assert_eq!(titles(&all), vec!["阿尔法案例", "贝塔案例"]);
    assert!(site.page("/all/page/3/").contains("图片案例"));
    assert!(site.page("/en/all/").contains("<h1>Every case</h1>"));
    assert!(
        all.contains(r#"<a href="/all/" aria-current="page">案例总览</a>"#),
        "menu: {all}"
    );
}

#[test]
fn the_progress_page_counts_the_cases_of_each_target() {
    let site = Site::fixture("basic");
    with_config(
        &site,
        r#"[[targets]]
label = { zh = "市级企业", en = "Municipal enterprises" }
count = { kind = "enterprise", level = "municipal" }
goal = 10
year = 2025

[[targets]]
label = { zh = "园区", en = "Parks" }
count = { kind = "park" }
goal = 2
"#,
    );
    site.build(&[]).assert_ok();
    let zh = site.page("/progress/");
    // The counts say what they count: cases published on this site against the plan's target.
    assert!(
        zh.contains(r#"<p class="target-figures"><strong>本站已发布 1 个案例</strong><span aria-hidden="true"> · </span>方案目标 10（到2025年）</p>"#),
        "{zh}"
    );
    assert!(zh.contains(r#"<p class="target-figures"><strong>本站已发布 3 个案例</strong><span aria-hidden="true"> · </span>方案目标 2</p>"#));
    assert!(zh.contains(r#"<tr role="row"><th scope="row" role="rowheader">市级企业</th><td role="cell" data-label="方案目标">10</td><td role="cell" data-label="目标年份">2025</td><td role="cell" data-label="本站已发布案例">1</td></tr>"#), "{zh}");
    assert!(
        !zh.contains('%') && !zh.contains("完成比例"),
        "no completion rate: {zh}"
    );
    let first = zh
        .split("id=\"target-1\"")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert_eq!(titles(first), vec!["阿尔法案例"]);
    let en = site.page("/en/progress/");
    assert!(
        en.contains(
            r#"<strong>1 case published here</strong><span aria-hidden="true"> · </span>target 10 (by 2025)</p>"#
        ),
        "{en}"
    );
    assert!(en.contains("<strong>3 cases published here</strong>"));
    assert!(en.contains(r#"<a href="/en/progress/" aria-current="page">Progress of the plan</a>"#));
}

#[test]
fn a_target_naming_an_unknown_term_is_an_error() {
    let site = Site::fixture("basic");
    with_config(
        &site,
        "[[targets]]\nlabel = { zh = \"园区\", en = \"Parks\" }\ncount = { kind = \"parc\" }\ngoal = 2\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("site.toml:25:18: error: the target counts kind \"parc\", which site.toml does not define; did you mean \"park\"?"),
        "{}",
        run.stderr
    );
    with_config(&site, "");
    site.write(
        "site.toml",
        &std::fs::read_to_string(site.root.join("site.toml"))
            .unwrap()
            .replace("kind = \"parc\"", "sector = \"x\""),
    );
    let run = site.build(&[]);
    assert!(
        run.stderr
            .contains("the target counts by \"sector\", which is neither a taxonomy nor level or year"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_page_at_a_taxonomy_address_is_an_error() {
    let site = Site::fixture("basic");
    site.write("content/industry/_index.md", "---\ntitle: 产业\n---\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("content/industry/_index.md: error: this page's address /industry/ is taken by the industry taxonomy's pages"), "{}", run.stderr);
}
