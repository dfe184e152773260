//! What government-site rules ask of every page: the site's identity in the
//! footer and in the meta tags monitoring reads, a site map, statements.

mod common;

use common::Site;

fn with_config(site: &Site, extra: &str) {
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{extra}\n{config}"));
}

#[test]
fn the_footer_and_meta_tags_show_the_sites_identity_when_set() {
    let site = Site::fixture("basic");
    site.write("content/site.md", "---\ntitle: 关于本站\n---\n本站介绍。\n");
    site.write("content/site.en.md", "---\ntitle: About this site\n---\nAbout.\n");
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &config.replace(
            "paginate_by = 2",
            "paginate_by = 2\nfooter_links = [\"site.md\"]\n\n[government]\nhost = { zh = \"普陀区教育局\", en = \"Putuo District Education Bureau\" }\nsite_code = \"3101070001\"\nicp = \"沪ICP备00000000号\"\npolice = \"沪公网安备 31010702000000号\"\n",
        ),
    );
    site.build(&[]).assert_ok();
    let zh = site.page("/cases/alpha/");
    assert!(zh.contains(r#"<meta name="SiteName" content="测试案例库">"#), "{zh}");
    assert!(zh.contains(r#"<meta name="SiteDomain" content="cases.example.org">"#));
    assert!(zh.contains(r#"<meta name="SiteIDCode" content="3101070001">"#));
    assert!(zh.contains(r#"<meta name="ArticleTitle" content="阿尔法案例">"#));
    assert!(zh.contains(r#"<meta name="PubDate" content="2024-05-01">"#));
    assert!(zh.contains(r#"<meta name="ColumnName" content="案例">"#));
    // No department on the case: the source is the site's host.
    assert!(zh.contains(r#"<meta name="ContentSource" content="普陀区教育局">"#));
    assert!(zh.contains("<div><dt>信息来源</dt><dd>普陀区教育局</dd></div>"));
    assert!(zh.contains("<li>主办单位：普陀区教育局</li>"));
    assert!(zh.contains("<li>网站标识码：3101070001</li>"));
    assert!(zh.contains(r#"<a href="https://beian.miit.gov.cn/" rel="noopener" lang="zh-CN">沪ICP备00000000号</a>"#));
    assert!(zh.contains(r#"<a href="https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=31010702000000" rel="noopener" lang="zh-CN">沪公网安备 31010702000000号</a>"#));
    assert!(zh.contains(r#"<li><a href="/site/">关于本站</a></li>"#));
    assert!(zh.contains(r#"<li><a href="/sitemap/">网站地图</a></li>"#));
    let en = site.page("/en/cases/alpha/");
    assert!(en.contains("<li>Run by: Putuo District Education Bureau</li>"), "{en}");
    assert!(en.contains(r#"<li><a href="/en/site/">About this site</a></li>"#));
    assert!(
        site.page("/cases/")
            .contains(r#"<meta name="ColumnName" content="案例">"#)
    );
}

#[test]
fn without_settings_the_footer_has_no_empty_identity() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let zh = site.page("/cases/alpha/");
    assert!(!zh.contains("SiteIDCode"));
    assert!(!zh.contains("site-ids"));
    assert!(!zh.contains("ContentSource"));
}

#[test]
fn a_case_shows_its_source_and_its_departments_do_not_stand_in_for_one() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{config}\n[taxonomies.department]\nlabel = {{ zh = \"责任部门\", en = \"Department\" }}\nterms.drc = {{ zh = \"区发改委\", en = \"District DRC\" }}\nterms.education = {{ zh = \"区教育局\", en = \"District Education Bureau\" }}\n"),
    );
    let alpha = std::fs::read_to_string(site.root.join("content/cases/alpha.md")).unwrap();
    site.write(
        "content/cases/alpha.md",
        &alpha.replacen("level: municipal", "level: municipal\ndepartment: [drc, education]", 1),
    );
    site.build(&[]).assert_ok();
    // Departments responsible for a measure are not where the information comes from.
    let page = site.page("/cases/alpha/");
    assert!(!page.contains("ContentSource"), "{page}");
    assert!(!page.contains("信息来源"));

    site.write(
        "content/cases/alpha.md",
        &alpha.replacen(
            "level: municipal",
            "level: municipal\ndepartment: [drc, education]\nsource: 《普陀区深化推进产教融合行动方案》（普发改委〔2021〕2号）",
            1,
        ),
    );
    site.build(&[]).assert_ok();
    let page = site.page("/cases/alpha/");
    assert!(
        page.contains(
            r#"<meta name="ContentSource" content="《普陀区深化推进产教融合行动方案》（普发改委〔2021〕2号）">"#
        ),
        "{page}"
    );
    assert!(
        page.contains("<div><dt>信息来源</dt><dd>《普陀区深化推进产教融合行动方案》（普发改委〔2021〕2号）</dd></div>")
    );
}

#[test]
fn the_site_map_lists_sections_pages_and_taxonomies() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let map = site.page("/sitemap/");
    assert!(map.contains("<h1>网站地图</h1>"), "{map}");
    assert!(map.contains(r#"<a href="/cases/alpha/">阿尔法案例</a>"#));
    assert!(map.contains(r#"<a href="/kind/">类型</a>"#));
    assert!(map.contains(r#"<a href="/search/">搜索</a>"#));
    assert!(site.page("/en/sitemap/").contains("<h1>Site map</h1>"));
}

#[test]
fn bad_identity_settings_are_errors() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{config}\n[government]\nsite_code = \"12\"\n"));
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("site_code \"12\" must be the ten-character website identification code"),
        "{}",
        run.stderr
    );
    let site = Site::fixture("basic");
    with_config(&site, "footer_links = [\"nope.md\"]\n");
    let run = site.build(&[]);
    assert!(
        run.stderr
            .contains("footer_links names nope.md, which is not a page in content/"),
        "{}",
        run.stderr
    );
}
