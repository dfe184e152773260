//! Settings a site gives its theme: `[extra]`, `[[menu]]`, and the table of
//! contents of long pages.

mod common;

use common::Site;

/// The main navigation's links of a page: (href, text, the rest of the tag).
fn nav(html: &str) -> Vec<(String, String)> {
    let start = html.find("class=\"main-nav\"").expect("a main navigation");
    let end = start + html[start..].find("</nav>").unwrap();
    html[start..end]
        .split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let href = item.split('"').next().unwrap().to_string();
            let text = item
                .split_once('>')
                .unwrap()
                .1
                .split("</a>")
                .next()
                .unwrap()
                .to_string();
            (href, text)
        })
        .collect()
}

#[test]
fn the_menu_replaces_the_navigation_in_both_languages() {
    let site = Site::fixture("settings");
    site.build(&[]).assert_ok();
    let zh = site.page("/cases/");
    let got = nav(&zh);
    let hrefs: Vec<&str> = got.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        hrefs,
        [
            "/",
            "/cases/",
            "/kind/",
            "/about/",
            "/search/",
            "/sitemap/",
            "https://www.shanghai.gov.cn/"
        ],
        "home first, then by weight; one weight in the order written"
    );
    assert_eq!(got[1].1, "全部案例");
    assert!(
        zh.contains(r#"<li><a href="/cases/" aria-current="page">全部案例</a></li>"#),
        "{zh}"
    );
    assert!(zh.contains(
        r#"<li><a href="https://www.shanghai.gov.cn/" rel="noopener" class="external">上海市人民政府<span class="visually-hidden">（外部网站）</span></a></li>"#
    ));
    let en = site.page("/en/cases/long/");
    let got = nav(&en);
    let hrefs: Vec<&str> = got.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        hrefs,
        [
            "/en/",
            "/en/cases/",
            "/en/kind/",
            "/en/about/",
            "/en/search/",
            "/en/sitemap/",
            "https://www.shanghai.gov.cn/"
        ]
    );
    assert!(
        en.contains(r#"<li><a href="/en/cases/" class="active">All cases</a></li>"#),
        "{en}"
    );
    assert!(en.contains(
        r#"class="external">Shanghai Municipal Government<span class="visually-hidden"> (external site)</span></a>"#
    ));
    // The sections are not added to a menu the site wrote.
    assert!(!zh.contains(r#"<li><a href="/about/contact/""#));
    // The site checks clean: every internal entry leads to a page in both languages.
    let run = site.check(&[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn without_a_menu_the_theme_lists_the_sections() {
    let site = Site::fixture("settings");
    let toml = site.read("site.toml");
    site.write("site.toml", &toml[..toml.find("# Weights").unwrap()]);
    site.build(&[]).assert_ok();
    let hrefs: Vec<String> = nav(&site.page("/")).into_iter().map(|(h, _)| h).collect();
    assert_eq!(hrefs, ["/", "/cases/", "/about/"]);
}

#[test]
fn a_menu_label_missing_in_a_language_is_an_error_naming_it() {
    let site = Site::fixture("settings");
    let toml = site.read("site.toml").replace(
        r#"label = { zh = "按类型浏览", en = "Browse by kind" }"#,
        r#"label = { zh = "按类型浏览" }"#,
    );
    site.write("site.toml", &toml);
    let line = toml.lines().position(|l| l.contains("按类型浏览")).unwrap() + 1;
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "site.toml:{line}:9: error: menu entry 3 (url = \"/kind/\") has no label in language \"en\"; add en = \"…\""
        )),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("public").exists());
}

#[test]
fn a_menu_url_must_be_a_site_path_or_a_web_address() {
    let site = Site::fixture("settings");
    let toml = site.read("site.toml");
    site.write("site.toml", &toml.replace(r#"url = "/kind/""#, r#"url = "kind/""#));
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("must be a path on the site starting with \"/\""),
        "{}",
        run.stderr
    );
    site.write(
        "site.toml",
        &toml.replace(r#"url = "/kind/""#, r#"url = "javascript:alert(1)""#),
    );
    assert_eq!(site.build(&[]).code, 1);
}

#[test]
fn check_follows_an_internal_menu_url_in_every_language() {
    let site = Site::fixture("settings");
    let toml = site
        .read("site.toml")
        .replace(r#"url = "/kind/""#, r#"url = "/kinds/""#);
    site.write("site.toml", &toml);
    let line = toml.lines().position(|l| l.contains("/kinds/")).unwrap() + 1;
    let run = site.check(&["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let broken: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "broken-link")
        .map(|d| {
            format!(
                "{}:{}:{} {}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(broken.len(), 2, "{broken:#?}");
    for (diagnostic, url) in broken.iter().zip(["/en/kinds/", "/kinds/"]) {
        assert!(
            diagnostic.starts_with(&format!(
                "site.toml:{line}:7 the [[menu]] entry links to {url}, which is not a page"
            )),
            "{diagnostic}"
        );
    }
}

#[test]
fn extra_settings_reach_the_templates() {
    let site = Site::fixture("settings");
    let base = site.read("themes/default/templates/base.html");
    site.write(
        "themes/default/templates/base.html",
        &base.replace(
            "<p>{{ site.description }}</p>",
            "<p class=\"tagline\" data-accent=\"{{ site.extra.accent }}\">{{ site.extra.tagline[lang] }}</p>",
        ),
    );
    site.build(&[]).assert_ok();
    assert!(
        site.page("/")
            .contains(r##"<p class="tagline" data-accent="#9b1c1c">产教融合，共育人才</p>"##)
    );
    assert!(
        site.page("/en/cases/short/")
            .contains(r##"<p class="tagline" data-accent="#9b1c1c">Industry and education, together</p>"##)
    );
}

#[test]
fn a_long_case_has_a_table_of_contents_and_a_short_one_does_not() {
    let site = Site::fixture("settings");
    site.build(&[]).assert_ok();
    let long = site.page("/cases/long/");
    let toc = &long[long.find("<details class=\"toc\">").expect("a table of contents")..];
    let toc = &toc[..toc.find("</details>").unwrap()];
    assert!(toc.contains("<summary>目录</summary>"), "{toc}");
    assert!(
        toc.contains(r##"<li><a href="#zhu-yao-zuo-fa">主要做法</a><ol><li><a href="#xiao-qi-he-zuo">校企合作</a></li><li><a href="#shi-xun-ji-di">实训基地</a></li></ol></li>"##),
        "{toc}"
    );
    assert_eq!(toc.matches("<li>").count(), 6);
    // Every entry leads to a heading of the text.
    for id in [
        "ji-ben-qing-kuang",
        "zhu-yao-zuo-fa",
        "xiao-qi-he-zuo",
        "shi-xun-ji-di",
        "qu-de-cheng-xiao",
        "jing-yan-qi-shi",
    ] {
        assert!(long.contains(&format!(" id=\"{id}\">")), "{id}");
    }
    let en = site.page("/en/cases/long/");
    assert!(en.contains("<summary>Contents</summary>"));
    assert!(en.contains(r##"<a href="#training-base">Training base</a>"##), "{en}");
    // The desktop outline beside the text stays.
    assert!(long.contains("class=\"outline\""));
    for short in ["/cases/short/", "/en/cases/short/"] {
        let html = site.page(short);
        assert!(!html.contains("class=\"toc\""), "{short}");
        assert!(html.contains("<h2 id="), "{short} has headings, but is short");
    }
}
