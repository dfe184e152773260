//! WeChat articles (`<case>/wechat/`) and the QR codes of case pages, read as
//! the 公众号 editor and a reader would get them.

mod common;

use common::Site;

/// Tags the 公众号 editor keeps.
const ALLOWED: &[&str] = &[
    "section",
    "p",
    "span",
    "strong",
    "em",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "img",
    "pre",
    "code",
    "br",
    "hr",
    "sup",
];
const ATTRIBUTES: &[&str] = &["style", "src", "alt", "colspan", "rowspan", "start"];

/// A case with every kind of thing an article must convert.
const RICH: &str = r#"---
title: 链接与表格
summary: 各种正文元素。
date: 2024-04-01
kind: enterprise
organisation: 测试单位
---

## 合作

见[阿尔法](alpha.md)、[方案原文](https://www.shpt.gov.cn/plan.html "原文")和[邮件](mailto:office@example.org)，
再次提到[阿尔法](alpha.md)，以及[本页小节](#he-zuo)。

![园区大门](/cases/bundle/photo.png)

> 引用的一段话。

| 年份 | 一 | 二 | 三 | 四 | 五 | 六 | 七 | 八 | 九 | 十 | 十一 | 十二 |
|------|----|----|----|----|----|----|----|----|----|----|------|------|
| 2024 | 1  | 2  | 3  | 4  | 5  | 6  | 7  | 8  | 9  | 10 | 11   | 12   |

```python
def main():
    print("你好")
```

1. 第一
2. 第二
"#;

fn built() -> Site {
    let site = Site::fixture("basic");
    site.write("content/cases/rich.md", RICH);
    site.build(&[]).assert_ok();
    site
}

/// The article inside its page: what the Copy button puts on the clipboard.
fn article_of(page: &str) -> &str {
    let start = page.find("id=\"wechat-article\"").expect("the page holds the article");
    let start = start + page[start..].find('>').unwrap() + 1;
    let end = start + page[start..].find("</div>").expect("the article ends");
    &page[start..end]
}

/// Every start tag: its name and its attributes' names and values.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for piece in html.split('<').skip(1) {
        if piece.starts_with('/') {
            continue;
        }
        let tag = &piece[..piece.find('>').expect("a tag ends")];
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let mut attrs = Vec::new();
        let mut rest = tag[name.len()..].trim();
        while !rest.is_empty() {
            let (key, after) = rest
                .split_once("=\"")
                .unwrap_or_else(|| panic!("attribute without a quoted value in <{tag}>"));
            let (value, after) = after.split_once('"').unwrap();
            attrs.push((key.trim().to_string(), value.to_string()));
            rest = after.trim();
        }
        out.push((name, attrs));
    }
    out
}

/// The case pages of a built site (pages with a case header and a kind).
fn case_pages(site: &Site) -> Vec<String> {
    let public = site.root.join("public");
    walkdir::WalkDir::new(&public)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() == "index.html")
        .filter_map(|e| {
            let html = std::fs::read_to_string(e.path()).unwrap();
            // A fallback page shows another language's case: the article is the original's.
            let fallback = html.contains("has not been translated into English yet");
            let case = html.contains("<article class=\"case") && html.contains("tag-kind") && !fallback;
            let rel = e
                .path()
                .parent()
                .unwrap()
                .strip_prefix(&public)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            case.then(|| {
                if rel.is_empty() {
                    "/".to_string()
                } else {
                    format!("/{rel}/")
                }
            })
        })
        .collect()
}

fn decode_png(bytes: &[u8]) -> String {
    let img = image::load_from_memory(bytes)
        .expect("the QR code is an image")
        .to_luma8();
    let (w, h) = (img.width() as usize, img.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| img.get_pixel(x as u32, y as u32).0[0]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("the QR code decodes").1
}

#[test]
fn every_case_has_an_article_the_wechat_editor_keeps() {
    let site = built();
    let cases = case_pages(&site);
    assert!(cases.len() >= 6, "{cases:?}");
    assert!(
        cases.iter().any(|c| c.starts_with("/en/")),
        "English cases too: {cases:?}"
    );
    for case in &cases {
        let path = format!("{case}wechat/");
        assert!(site.exists(&path), "{path} is missing");
        let page = site.page(&path);
        assert!(
            page.contains("<meta name=\"robots\" content=\"noindex\">"),
            "{path} is not noindex"
        );
        let article = article_of(&page);
        for forbidden in [
            "<style", "<link", "<script", "<iframe", "<form", "<a ", "<a>", "class=", "id=",
        ] {
            assert!(!article.contains(forbidden), "{path}: the article has {forbidden}");
        }
        for (name, attrs) in tags(article) {
            assert!(ALLOWED.contains(&name.as_str()), "{path}: <{name}> is not allowed");
            for (key, value) in attrs {
                assert!(
                    ATTRIBUTES.contains(&key.as_str()),
                    "{path}: <{name} {key}> is not allowed"
                );
                if key == "src" {
                    assert!(
                        value.starts_with("https://cases.example.org/") || value.starts_with("https://"),
                        "{path}: image {value} is not absolute"
                    );
                }
            }
        }
        // Its last image is the QR code of the case's address, a PNG beside the page.
        let permalink = format!("https://cases.example.org{case}");
        let qr_src = format!("{permalink}wechat/qr.png");
        assert!(
            article.contains(&format!("src=\"{qr_src}\"")),
            "{path}: no QR code image"
        );
        let png = std::fs::read(site.root.join("public").join(format!("{}wechat/qr.png", &case[1..]))).unwrap();
        assert_eq!(decode_png(&png), permalink, "{path}: the QR code leads elsewhere");
        assert!(
            article.contains(&permalink),
            "{path}: the case's address is not written out"
        );
    }
}

#[test]
fn links_become_references_and_images_absolute() {
    let site = built();
    let page = site.page("/cases/rich/wechat/");
    let article = article_of(&page);
    // Each link's text is followed by its reference number; the same address keeps its number.
    for (text, n) in [("阿尔法", 1), ("方案原文", 2), ("邮件", 3)] {
        let mark = format!("{text}<sup style=");
        let at = article
            .find(&mark)
            .unwrap_or_else(|| panic!("{text} has no reference mark:\n{article}"));
        let sup = &article[at..at + article[at..].find("</sup>").unwrap()];
        assert!(sup.ends_with(&format!("[{n}]")), "{text}: {sup}");
    }
    assert_eq!(
        article.matches("[1]</sup>").count(),
        2,
        "the second link to alpha reuses [1]"
    );
    // A link within the page keeps its text only.
    assert!(article.contains("以及本页小节。"), "{article}");
    let references = &article[article.find("参考链接").expect("a references list")..];
    let listed: Vec<&str> = references
        .split("</span> ")
        .skip(1)
        .map(|s| &s[..s.find("</p>").unwrap()])
        .collect();
    assert_eq!(
        listed,
        [
            "https://cases.example.org/cases/alpha/",
            "https://www.shpt.gov.cn/plan.html",
            "mailto:office@example.org"
        ]
    );
    // The image: absolute, full width, its alt text as a caption below.
    let image = "src=\"https://cases.example.org/cases/bundle/photo.png\"";
    assert!(article.contains(image), "{article}");
    let after = &article[article.find(image).unwrap()..];
    assert!(after[..after.find('>').unwrap()].contains("width: 100%"), "{after}");
    assert!(after.contains(">园区大门</span>"), "no caption: {after}");
    // Tables scroll sideways; code keeps its colours inline and wraps.
    let before_table = &article[..article.find("<table").unwrap()];
    assert!(
        before_table[before_table.rfind("<section").unwrap()..].contains("overflow-x: auto"),
        "{before_table}"
    );
    let pre = &article[article.find("<pre").unwrap()..];
    assert!(pre[..pre.find('>').unwrap()].contains("white-space: pre-wrap"), "{pre}");
    assert!(
        pre[..pre.find("</pre>").unwrap()].contains("<span style=\"color: #"),
        "code has no colours: {pre}"
    );
    // The English UI strings in an English article.
    let en = site.page("/en/cases/alpha/wechat/");
    let en_article = article_of(&en);
    assert!(en_article.contains("Scan to read on the web"), "{en_article}");
    assert!(en.contains("Copy article"));
    assert!(site.page("/cases/alpha/wechat/").contains("复制全文"));
}

#[test]
fn articles_stay_out_of_the_sitemap_and_the_search() {
    let site = built();
    let sitemap = site.page("/sitemap.xml");
    assert!(sitemap.contains("/cases/rich/"), "the case itself is listed");
    assert!(!sitemap.contains("wechat"), "{sitemap}");
    for folder in ["search", "en/search"] {
        let mut indexed = String::new();
        let search = site.root.join("public").join(folder);
        for entry in walkdir::WalkDir::new(search)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
        {
            indexed.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
        assert!(indexed.contains("/cases/alpha/"), "{folder}: the cases are indexed");
        assert!(!indexed.contains("/wechat/"), "{folder}: an article is indexed");
    }
}

#[test]
fn a_site_restyles_its_articles_with_its_own_wechat_css() {
    let site = Site::fixture("basic");
    site.write(
        "templates/wechat.css",
        ".article { color: #123456; }\nh2 { color: #654321; }\n",
    );
    site.build(&[]).assert_ok();
    let page = site.page("/cases/alpha/wechat/");
    let article = article_of(&page);
    assert!(article.starts_with("<section style=\"color: #123456;\">"), "{article}");
    assert!(article.contains("<h2 style=\"color: #654321;\">"), "{article}");
}

#[test]
fn case_pages_show_a_qr_code_of_their_address() {
    let site = built();
    let page = site.page("/cases/alpha/");
    let figure = &page[page.find("<figure class=\"page-qr\">").expect("a QR code figure")..];
    let figure = &figure[..figure.find("</figure>").unwrap()];
    assert!(figure.contains("<svg class=\"qr\""), "{figure}");
    assert!(figure.contains("aria-label=\"手机扫码阅读\""), "{figure}");
    assert!(figure.contains("<figcaption>手机扫码阅读</figcaption>"), "{figure}");
    assert!(
        page.contains("<a href=\"wechat/\" rel=\"nofollow\">公众号文章</a>"),
        "a link to the article"
    );
    let en = site.page("/en/cases/alpha/");
    assert!(en.contains("<figcaption>Scan to read on your phone</figcaption>"));
    // Pages that are not cases have none.
    assert!(!site.page("/").contains("page-qr"));
}

/// How many QR codes a build kept and made (it says so with SHOWCASE_PROFILE),
/// run in full even when nothing changed (without the record it compares with).
fn qr_report(site: &Site, args: &[&str]) -> (usize, usize) {
    let _ = std::fs::remove_file(site.root.join(".showcase-cache/unchanged.json"));
    let run = site.run("build", args, &[("SHOWCASE_PROFILE", "1")]);
    run.assert_ok();
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("showcase: wechat qr codes: "))
        .unwrap_or_else(|| panic!("no QR line in {}", run.stderr));
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (n[0], n[1])
}

/// A build that changes nothing keeps the QR codes of the site it replaces
/// instead of making them again; one under another address makes them anew.
#[test]
fn unchanged_qr_codes_are_kept_and_a_new_address_remakes_them() {
    let site = built();
    let qr = "public/cases/rich/wechat/qr.png";
    let before = std::fs::read(site.root.join(qr)).unwrap();
    let (kept, made) = qr_report(&site, &[]);
    assert_eq!(made, 0);
    assert!(kept >= 3, "{kept} kept");
    assert_eq!(std::fs::read(site.root.join(qr)).unwrap(), before);

    // A code changed by hand on the live site is made again, not kept.
    std::fs::write(site.root.join(qr), b"not a PNG").unwrap();
    assert_eq!(qr_report(&site, &[]), (kept - 1, 1));
    assert_eq!(std::fs::read(site.root.join(qr)).unwrap(), before);

    let (kept_now, made) = qr_report(&site, &["--base-url", "https://preview.example.cn/cases-site/"]);
    assert_eq!((kept_now, made), (0, kept));
    let remade = std::fs::read(site.root.join(qr)).unwrap();
    assert_eq!(decode_png(&remade), "https://preview.example.cn/cases-site/cases/rich/");
}
