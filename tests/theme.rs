//! What the default theme draws from the content: typographic covers for cases
//! without a cover image, featured cases on the home page, the site's emblem
//! in the header, and the contrast of the code highlighting.

mod common;

use common::Site;

fn with_config(site: &Site, extra: &str) {
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{config}\n{extra}\n"));
}

#[test]
fn a_case_without_a_cover_gets_a_typographic_cover_and_one_with_a_cover_does_not() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/epsilon.md",
        "---\ntitle: 艾普西隆 & <合作> 案例：一个很长很长的标题，用来检验换行与省略是否正确\ndate: 2024-06-01\nkind: enterprise\norganisation: 某某 & 公司\n---\n\n正文。\n",
    );
    site.build(&[]).assert_ok();
    let svg = site.page("/cases/epsilon/case-cover.svg");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
    // Escaped as XML, the title in lines, the kind's label above it, the organisation below.
    assert!(svg.contains("艾普西隆 &amp; &lt;合作&gt;"), "{svg}");
    assert!(!svg.contains("<合作>"));
    assert!(svg.contains(">企业</text>"), "{svg}");
    assert!(svg.contains("某某 &amp; 公司"), "{svg}");
    let lines = svg.matches("<tspan ").count();
    assert!((2..=3).contains(&lines), "{svg}");
    // The cards of lists show it, as decoration (the title is beside it).
    let list = site.page("/kind/enterprise/");
    assert!(
        list.contains(r#"<img class="card-cover" src="/cases/epsilon/case-cover.svg" alt="" width="640" height="360" loading="lazy">"#),
        "{list}"
    );
    // A case with a cover image keeps it and gets no drawn cover; pages that are not cases get none.
    assert!(!site.exists("/cases/bundle/case-cover.svg"));
    assert!(site.page("/kind/park/page/2/").contains("园区大楼"));
    assert!(!site.exists("/about/case-cover.svg"));
    // Not in the sitemap.
    assert!(!site.page("/sitemap.xml").contains("case-cover"));
}

#[test]
fn a_theme_without_a_cover_template_draws_none() {
    let site = Site::fixture("basic");
    // A theme of the site's own, without cover.svg.
    common::copy_tree(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &site.root.join("themes/plain"),
    );
    std::fs::remove_file(site.root.join("themes/plain/templates/cover.svg")).unwrap();
    site.write("site.toml", &format!("theme = \"plain\"\n{}", site.read("site.toml")));
    site.build(&[]).assert_ok();
    assert!(!site.exists("/cases/alpha/case-cover.svg"));
    assert!(!site.page("/").contains("case-cover.svg"));
}

#[test]
fn featured_cases_lead_the_home_page_in_their_weight_order() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/delta.md",
        &site
            .read("content/cases/delta.md")
            .replacen("---\n", "---\nfeatured: true\nweight: 2\n", 1),
    );
    site.write(
        "content/cases/beta.md",
        &site
            .read("content/cases/beta.md")
            .replacen("---\n", "---\nfeatured: true\nweight: 1\n", 1),
    );
    site.build(&[]).assert_ok();
    let home = site.page("/");
    let featured = home
        .split("id=\"featured-heading\"")
        .nth(1)
        .expect("a featured section")
        .split("</section>")
        .next()
        .unwrap();
    assert_eq!(common::card_titles(featured), vec!["贝塔案例", "德尔塔案例"]);
    // The latest cases leave out those already featured.
    let latest = home.split("id=\"latest-heading\"").nth(1).unwrap();
    let latest = latest.split("</section>").next().unwrap();
    assert!(
        !common::card_titles(latest).contains(&"贝塔案例".to_string()),
        "{latest}"
    );
    // The English home page features them too (shown in Chinese, as untranslated).
    assert!(site.page("/en/").contains("id=\"featured-heading\""));
    // featured takes true or false only.
    site.write(
        "content/cases/beta.md",
        &site
            .read("content/cases/beta.md")
            .replace("featured: true", "featured: yes please"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("featured must be true or false"), "{}", run.stderr);
}

#[test]
fn the_site_emblem_shows_before_its_name() {
    let site = Site::fixture("basic");
    site.write(
        "static/emblem.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"5\"/></svg>",
    );
    let config = site.read("site.toml");
    site.write("site.toml", &format!("logo = \"emblem.svg\"\n{config}"));
    site.build(&[]).assert_ok();
    assert!(
        site.page("/en/")
            .contains(r#"<img class="site-logo" src="/emblem.svg" alt="" width="40" height="40">"#),
        "{}",
        site.page("/en/")
    );
    site.write("site.toml", &format!("logo = \"../emblem.svg\"\n{config}"));
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "site.toml:1:8: error: logo = \"../emblem.svg\": there is no such file in the site's static/ folder"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_highlight_theme_below_wcag_aa_is_warned_about_and_the_default_passes() {
    let site = Site::fixture("basic");
    assert!(!site.check(&[]).stdout.contains("highlight-contrast"));
    with_config(&site, "[highlight]\ntheme = \"InspiredGitHub\"\n");
    let run = site.check(&["--strict"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("the highlight theme \"InspiredGitHub\" has")
            && run
                .stdout
                .contains("below the 4.5:1 contrast WCAG AA asks for (the lowest, #")
            && run
                .stdout
                .contains("use theme = \"showcase-light\", which does  [highlight-contrast]"),
        "{}",
        run.stdout
    );
}
