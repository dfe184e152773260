//! What search engines, feed readers and shared links get: Atom feeds,
//! sitemap.xml, robots.txt, Open Graph and JSON-LD, also under a sub-path.

mod common;

use common::{Site, snapshot, urls_in};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

fn built(args: &[&str]) -> Site {
    let site = Site::fixture("basic");
    site.build(args).assert_ok();
    site
}

fn child_text<'a>(node: roxmltree::Node<'a, 'a>, ns: &str, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name((ns, name)))
        .and_then(|c| c.text())
}

/// (id, title, updated, summary) of every entry of a feed.
fn entries(xml: &str) -> Vec<(String, String, String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    feed.children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .map(|e| {
            let text = |name| child_text(e, ATOM, name).unwrap_or("").to_string();
            (text("id"), text("title"), text("updated"), text("summary"))
        })
        .collect()
}

#[test]
fn each_language_has_an_atom_feed_of_its_own_cases_newest_first() {
    let site = built(&[]);
    let zh = site.page("/feed.xml");
    let doc = roxmltree::Document::parse(&zh).unwrap();
    let feed = doc.root_element();
    assert_eq!(child_text(feed, ATOM, "title"), Some("测试案例库"));
    assert_eq!(child_text(feed, ATOM, "id"), Some("https://cases.example.org/feed.xml"));
    assert_eq!(child_text(feed, ATOM, "updated"), Some("2024-05-01T00:00:00Z"));
    let self_link = feed
        .children()
        .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
        .unwrap();
    assert_eq!(self_link.attribute("href"), Some("https://cases.example.org/feed.xml"));
    let ids: Vec<String> = entries(&zh).into_iter().map(|e| e.0).collect();
    assert_eq!(
        ids,
        [
            "https://cases.example.org/cases/alpha/",
            "https://cases.example.org/cases/beta/",
            "https://cases.example.org/cases/zhong-yi-chuang-xin-yuan/",
            "https://cases.example.org/cases/delta/",
            "https://cases.example.org/cases/bundle/",
        ]
    );
    let alpha = &entries(&zh)[0];
    assert_eq!(
        (alpha.1.as_str(), alpha.2.as_str(), alpha.3.as_str()),
        ("阿尔法案例", "2024-05-01T00:00:00Z", "阿尔法的摘要。")
    );
    // English: its own cases only, not the untranslated originals.
    let en = entries(&site.page("/en/feed.xml"));
    let en_ids: Vec<&str> = en.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        en_ids,
        [
            "https://cases.example.org/en/cases/alpha/",
            "https://cases.example.org/en/cases/bundle/"
        ]
    );
    assert_eq!(en[0].3, "The summary of Alpha.");
}

#[test]
fn feeds_honour_feed_limit_and_updated_and_escape_text() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("feed_limit = 2\n{config}"));
    site.write(
        "content/cases/delta.md",
        "---\ntitle: \"<b>R&D</b> \\\"quoted\\\" </script>\"\nsummary: \"a < b & c\"\ndate: 2023-01-01\nupdated: 2024-12-31\nkind: park\n---\n",
    );
    site.build(&[]).assert_ok();
    let zh = entries(&site.page("/feed.xml"));
    assert_eq!(zh.len(), 2, "{zh:?}");
    // Ordered by publication date, so delta (2023) is not among the two newest …
    assert_eq!(zh[0].0, "https://cases.example.org/cases/alpha/");
    site.write(
        "content/cases/delta.md",
        "---\ntitle: \"<b>R&D</b> \\\"quoted\\\" </script>\"\nsummary: \"a < b & c\"\ndate: 2025-01-01\nupdated: 2025-02-01\nkind: park\n---\n",
    );
    site.build(&[]).assert_ok();
    let xml = site.page("/feed.xml");
    let zh = entries(&xml);
    // … until it is the newest; its text survives escaping exactly.
    assert_eq!(zh[0].1, "<b>R&D</b> \"quoted\" </script>");
    assert_eq!(zh[0].2, "2025-02-01T00:00:00Z");
    assert_eq!(zh[0].3, "a < b & c");
    assert!(
        xml.contains("<updated>2025-02-01T00:00:00Z</updated>\n  <author>"),
        "{xml}"
    );
    // The organisation a case is about is not its author: entries have the feed's.
    assert_eq!(xml.matches("<author>").count(), 1, "{xml}");
    assert!(!xml.contains("阿尔法公司"), "{xml}");
}

/// One `<url>` of a sitemap: loc, lastmod, and (hreflang, href) of its alternates.
type Url = (String, Option<String>, Vec<(String, String)>);

fn sitemap(xml: &str) -> Vec<Url> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert!(doc.root_element().has_tag_name((SITEMAP, "urlset")));
    doc.root_element()
        .children()
        .filter(|c| c.has_tag_name((SITEMAP, "url")))
        .map(|url| {
            let alternates = url
                .children()
                .filter(|c| c.has_tag_name((XHTML, "link")))
                .map(|l| {
                    assert_eq!(l.attribute("rel"), Some("alternate"));
                    (
                        l.attribute("hreflang").unwrap().to_string(),
                        l.attribute("href").unwrap().to_string(),
                    )
                })
                .collect();
            (
                child_text(url, SITEMAP, "loc").unwrap().to_string(),
                child_text(url, SITEMAP, "lastmod").map(String::from),
                alternates,
            )
        })
        .collect()
}

#[test]
fn sitemap_lists_public_pages_with_hreflang_both_ways() {
    let site = Site::fixture("basic");
    let alpha = std::fs::read_to_string(site.root.join("content/cases/alpha.md")).unwrap();
    site.write(
        "content/cases/alpha.md",
        &alpha.replacen(
            "level: municipal",
            "level: municipal\nupdated: 2024-05-20\naliases: [/old/alpha/]",
            1,
        ),
    );
    site.build(&[]).assert_ok();
    let urls = sitemap(&site.page("/sitemap.xml"));
    let locs: Vec<&str> = urls.iter().map(|u| u.0.as_str()).collect();
    // 41 pages: every page of both languages, list, taxonomy and site-map pages
    // included; the two search pages and the fallback pages (whose canonical is
    // their original) left out.
    assert_eq!(locs.len(), 41, "{locs:#?}");
    assert!(!locs.contains(&"https://cases.example.org/en/cases/beta/"));
    assert!(locs.contains(&"https://cases.example.org/en/kind/park/page/2/"));
    assert!(!locs.iter().any(|l| l.contains("/search/")));
    assert!(locs.contains(&"https://cases.example.org/"));
    assert!(locs.contains(&"https://cases.example.org/en/cases/page/3/"));
    assert!(
        !locs.iter().any(|l| l.contains("404") || l.contains("/old/")),
        "{locs:#?}"
    );
    assert!(site.exists("/old/alpha/"), "the alias page itself is still written");

    let find = |loc: &str| urls.iter().find(|u| u.0 == loc).unwrap_or_else(|| panic!("{loc}"));
    let pair = vec![
        (
            "zh-CN".to_string(),
            "https://cases.example.org/cases/alpha/".to_string(),
        ),
        (
            "en".to_string(),
            "https://cases.example.org/en/cases/alpha/".to_string(),
        ),
        (
            "x-default".to_string(),
            "https://cases.example.org/cases/alpha/".to_string(),
        ),
    ];
    let zh = find("https://cases.example.org/cases/alpha/");
    let en = find("https://cases.example.org/en/cases/alpha/");
    assert_eq!(zh.2, pair);
    assert_eq!(en.2, pair);
    assert_eq!(zh.1.as_deref(), Some("2024-05-20"), "updated wins over date");
    assert_eq!(en.1.as_deref(), Some("2024-05-01"));
    // An untranslated page has no alternates, but its date.
    let beta = find("https://cases.example.org/cases/beta/");
    assert!(beta.2.is_empty());
    assert_eq!(beta.1.as_deref(), Some("2024-03-01"));

    assert_eq!(
        site.page("/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://cases.example.org/sitemap.xml\n"
    );
}

#[test]
fn a_sites_own_robots_txt_wins() {
    let site = Site::fixture("basic");
    site.write("static/robots.txt", "User-agent: *\nDisallow: /\n");
    site.build(&[]).assert_ok();
    assert_eq!(site.page("/robots.txt"), "User-agent: *\nDisallow: /\n");
}

fn meta(html: &str, property: &str) -> Vec<String> {
    let needle = format!("<meta property=\"{property}\" content=\"");
    let needle_name = format!("<meta name=\"{property}\" content=\"");
    html.lines()
        .filter_map(|l| l.strip_prefix(&needle).or_else(|| l.strip_prefix(&needle_name)))
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn pages_link_their_feed_and_carry_open_graph_tags() {
    let site = built(&[]);
    let zh = site.page("/cases/alpha/");
    assert!(zh.contains(r#"<link rel="alternate" type="application/atom+xml" title="测试案例库" href="/feed.xml">"#));
    assert_eq!(meta(&zh, "og:type"), ["article"]);
    assert_eq!(meta(&zh, "og:title"), ["阿尔法案例"]);
    assert_eq!(meta(&zh, "og:description"), ["阿尔法的摘要。"]);
    assert_eq!(meta(&zh, "og:url"), ["https://cases.example.org/cases/alpha/"]);
    assert_eq!(meta(&zh, "og:locale"), ["zh_CN"]);
    assert_eq!(meta(&zh, "og:locale:alternate"), ["en"]);
    assert_eq!(meta(&zh, "twitter:card"), ["summary"]);
    assert!(meta(&zh, "og:image").is_empty());

    let en_home = site.page("/en/");
    assert!(en_home.contains(r#"type="application/atom+xml" title="Test Cases" href="/en/feed.xml">"#));
    assert_eq!(meta(&en_home, "og:type"), ["website"]);
    assert_eq!(meta(&en_home, "og:locale"), ["en"]);
    assert_eq!(meta(&en_home, "og:locale:alternate"), ["zh_CN"]);
    // An untranslated page has no alternate locale.
    assert!(meta(&site.page("/cases/beta/"), "og:locale:alternate").is_empty());

    let bundle = site.page("/en/cases/bundle/");
    assert_eq!(
        meta(&bundle, "og:image"),
        ["https://cases.example.org/cases/bundle/photo.png"]
    );
    assert_eq!(meta(&bundle, "og:image:alt"), ["The park building"]);
    assert_eq!(meta(&bundle, "twitter:card"), ["summary_large_image"]);
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> Option<serde_json::Value> {
    let start = html.find("<script type=\"application/ld+json\">")? + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    Some(serde_json::from_str(&html[start..end]).unwrap())
}

#[test]
fn cases_have_article_json_ld_that_cannot_break_out_of_its_script() {
    let site = Site::fixture("basic");
    site.write(
        "site.toml",
        &format!(
            "publisher = {{ zh = \"普陀区教育局\", en = \"Putuo Education Bureau\" }}\n{}",
            std::fs::read_to_string(site.root.join("site.toml")).unwrap()
        ),
    );
    site.write(
        "content/cases/delta.md",
        "---\ntitle: \"德尔塔</script><script>alert(1)</script>\"\ndate: 2023-01-01\nupdated: 2023-02-01\nkind: park\norganisation: \"A & B\"\n---\n",
    );
    site.build(&[]).assert_ok();
    let alpha = json_ld(&site.page("/en/cases/alpha/")).expect("JSON-LD on a case");
    assert_eq!(alpha["@type"], "Article");
    assert_eq!(alpha["headline"], "Alpha case");
    assert_eq!(alpha["description"], "The summary of Alpha.");
    assert_eq!(alpha["datePublished"], "2024-05-01");
    assert_eq!(alpha["dateModified"], "2024-05-01");
    assert_eq!(alpha["inLanguage"], "en");
    assert_eq!(alpha["url"], "https://cases.example.org/en/cases/alpha/");
    assert_eq!(alpha["publisher"]["name"], "Putuo Education Bureau");

    let html = site.page("/cases/delta/");
    // Every script element ends where it should: the title cannot close one early.
    assert_eq!(
        html.matches("</script>").count(),
        html.matches("<script").count(),
        "{html}"
    );
    assert!(!html.contains("</script><script>alert(1)"), "{html}");
    let delta = json_ld(&html).unwrap();
    assert_eq!(delta["headline"], "德尔塔</script><script>alert(1)</script>");
    assert_eq!(
        delta["about"],
        serde_json::json!({"@type": "Organization", "name": "A & B"})
    );
    assert_eq!(delta["dateModified"], "2023-02-01");
    assert_eq!(delta["publisher"]["name"], "普陀区教育局");
    // Lists and the home page are not articles.
    assert!(json_ld(&site.page("/cases/")).is_none());
}

/// The site path an internal URL of the output points at, if it is internal.
fn internal_path(url: &str, origin: &str, base_path: &str) -> Option<String> {
    let path = url.strip_prefix(origin).unwrap_or(url);
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    let path = path.split(['#', '?']).next().unwrap();
    let inside = path
        .strip_prefix(base_path)
        .unwrap_or_else(|| panic!("{url} is outside {base_path}"));
    Some(inside.to_string())
}

#[test]
fn a_sub_path_base_url_yields_links_that_all_resolve() {
    let site = Site::fixture("basic");
    let alpha = std::fs::read_to_string(site.root.join("content/cases/alpha.md")).unwrap();
    site.write(
        "content/cases/alpha.md",
        &alpha.replacen("level: municipal", "level: municipal\naliases: [/old/alpha/]", 1),
    );
    site.build(&["--base-url", "https://host.example/sub/"]).assert_ok();
    let public = site.root.join("public");
    let files = snapshot(&public);
    let mut checked = 0;
    for (file, bytes) in &files {
        if !file.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for url in urls_in(&html) {
            let Some(path) = internal_path(&url, "https://host.example", "/sub") else {
                continue;
            };
            let mut target = public.join(path.trim_start_matches('/'));
            if path.ends_with('/') {
                target.push("index.html");
            }
            assert!(target.is_file(), "{file} links to {url}, which is not in the output");
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} links checked");
    // Feeds, sitemap and robots.txt use the sub-path too.
    assert!(
        entries(&site.page("/feed.xml"))[0]
            .0
            .starts_with("https://host.example/sub/cases/")
    );
    for (loc, _, alternates) in sitemap(&site.page("/sitemap.xml")) {
        assert!(loc.starts_with("https://host.example/sub/"), "{loc}");
        assert!(
            alternates
                .iter()
                .all(|(_, href)| href.starts_with("https://host.example/sub/"))
        );
    }
    assert!(
        site.page("/robots.txt")
            .ends_with("Sitemap: https://host.example/sub/sitemap.xml\n")
    );
    let bundle = site.page("/cases/bundle/");
    assert_eq!(
        meta(&bundle, "og:image"),
        ["https://host.example/sub/cases/bundle/photo.png"]
    );
    assert!(bundle.contains(r#"href="/sub/feed.xml""#));
}

#[test]
fn the_link_function_adds_the_base_path() {
    let site = Site::fixture("basic");
    let base = std::fs::read_to_string(site.root.join("themes/default/templates/base.html")).unwrap();
    site.write(
        "templates/base.html",
        &base.replace(
            "<p>{{ site.description }}</p>",
            "<p>{{ site.description }} <a href=\"{{ link(path=\"/cases/\") }}\">cases</a></p>",
        ),
    );
    site.build(&["--base-url", "https://host.example/sub/"]).assert_ok();
    assert!(site.page("/404.html").contains("<a href=\"/sub/cases/\">cases</a>"));
    let run = site.check(&["--base-url", "https://host.example/sub/"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("templates/base.html"), "{}", run.stdout);
}
