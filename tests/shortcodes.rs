//! Shortcodes (`{{< name key="value" >}}`), read as a reader and an author get
//! them: each built-in one's HTML in both languages, hostile arguments made
//! inert, mistakes reported at their file, line and column, a site's own
//! shortcode, and a rebuild that notices a changed CSV file or template.

mod common;

use common::Site;
use showcase::site::Source;
use showcase::site::rebuild::rebuild;

const PAGE: &str = "content/cases/media/index.md";

fn built() -> Site {
    let site = Site::fixture("shortcodes");
    site.build(&[]).assert_ok();
    site
}

/// The page's text between the start of its prose and the end of its article.
fn prose(page: &str) -> &str {
    let start = page.find("<div class=\"prose\">").expect("the page has prose");
    let end = start + page[start..].find("</article>").expect("the article ends");
    &page[start..end]
}

/// The page's Markdown with `from` replaced by `to` (which must be there).
#[track_caller]
fn edit(site: &Site, rel: &str, from: &str, to: &str) {
    let text = site.read(rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    site.write(rel, &text.replacen(from, to, 1));
}

/// A build that must fail, and its error output.
#[track_caller]
fn errors_of(site: &Site) -> String {
    let run = site.build(&[]);
    assert_ne!(run.code, 0, "the build should fail:\n{}", run.stdout);
    run.stderr
}

#[test]
fn each_shortcode_renders_accessible_html_in_both_languages() {
    let site = built();
    let zh = site.page("/cases/media/");
    let zh = prose(&zh);
    // Video: self-hosted, poster, captions in the page's language, a fallback link.
    assert!(
        zh.contains("<video controls preload=\"metadata\" aria-label=\"园区大门的短片\" title=\"园区大门的短片\" src=\"/cases/media/clip.mp4\" poster=\"/cases/media/poster.png\">"),
        "{zh}"
    );
    assert!(
        zh.contains(
            "<track kind=\"captions\" src=\"/cases/media/captions.vtt\" srclang=\"zh\" label=\"字幕\" default>"
        ),
        "{zh}"
    );
    assert!(
        zh.contains("<a href=\"/cases/media/clip.mp4\">园区大门的短片</a>"),
        "{zh}"
    );
    // Figure: alt text, caption and credit.
    assert!(
        zh.contains("<figure class=\"sc-figure\"><img src=\"/cases/media/poster.png\" alt=\"园区大楼的正面\" loading=\"lazy\" decoding=\"async\"><figcaption>园区大楼。 <small class=\"sc-credit\">图片来源：区融媒体中心</small></figcaption></figure>"),
        "{zh}"
    );
    // Callout: a note with its label in the page's language; its text is Markdown, links resolved.
    assert!(
        zh.contains("<div class=\"sc-callout sc-callout-important\" role=\"note\" aria-label=\"重要\">"),
        "{zh}"
    );
    assert!(
        zh.contains("<p>申报截止前请<strong>提交</strong>全部材料，详见<a href=\"/cases/\">案例列表</a>。</p>"),
        "{zh}"
    );
    // Quote: a blockquote with its attribution.
    assert!(zh.contains("<blockquote>\n<p>我们的目标是让企业少跑腿。</p>"), "{zh}");
    assert!(
        zh.contains("<figcaption>园区负责人，<cite>园区年度报告</cite></figcaption>"),
        "{zh}"
    );
    // Table: caption, column headers from the CSV's first row, a quoted comma kept in its cell.
    assert!(zh.contains("<caption>历年新增企业</caption>"), "{zh}");
    assert!(
        zh.contains("<th scope=\"col\">年份</th><th scope=\"col\">新增企业</th><th scope=\"col\">备注</th>"),
        "{zh}"
    );
    assert!(
        zh.contains("<tr><td>2024</td><td>15</td><td>扩大, 续办</td></tr>"),
        "{zh}"
    );
    assert!(
        zh.contains("<a href=\"/cases/media/data.csv\">下载数据（CSV）</a>"),
        "{zh}"
    );
    // In code, a shortcode is shown as written.
    assert!(zh.contains("<code>{{&lt; figure src=\"x.png\" &gt;}}</code>"), "{zh}");
    assert!(zh.contains("{{&lt; video src=\"y.mp4\" &gt;}}\n</code></pre>"), "{zh}");
    assert_eq!(zh.matches("<video").count(), 1, "{zh}");
    // The lead is the page's first paragraph, without markers.
    assert!(!zh.contains('\u{E000}'), "{zh}");

    let en = site.page("/en/cases/media/");
    let en = prose(&en);
    assert!(en.contains("srclang=\"en\" label=\"Captions\""), "{en}");
    assert!(en.contains("aria-label=\"Important\""), "{en}");
    assert!(
        en.contains("<small class=\"sc-credit\">Credit: District media centre</small>"),
        "{en}"
    );
    assert!(
        en.contains("<figcaption>The park&#x27;s director, <cite>The park&#x27;s annual report</cite></figcaption>")
            || en.contains("<figcaption>The park&#39;s director, <cite>"),
        "{en}"
    );
    assert!(en.contains("<th scope=\"col\">New firms</th>"), "{en}");
    assert!(en.contains("<a href=\"/en/cases/\">the cases</a>"), "{en}");
}

#[test]
fn a_wechat_article_shows_a_video_as_its_poster_and_a_link_to_the_page() {
    let site = built();
    let page = site.page("/cases/media/wechat/");
    let start = page.find("id=\"wechat-article\"").unwrap();
    let article = &page[start..];
    let article = &article[..article.find("</div>").unwrap()];
    assert!(!article.contains("<video"), "{article}");
    assert!(!article.contains("<track"), "{article}");
    assert!(
        article.contains("src=\"https://cases.example.org/cases/media/poster.png\""),
        "{article}"
    );
    assert!(article.contains("▶ 园区大门的短片"), "{article}");
    assert!(
        page.contains("https://cases.example.org/cases/media/"),
        "the page's address is a reference"
    );
    for forbidden in [
        "<figure",
        "<figcaption",
        "<cite",
        "<div",
        "<small",
        "<caption",
        "role=",
        "aria-",
    ] {
        assert!(!article.contains(forbidden), "the article keeps {forbidden}: {article}");
    }
}

#[test]
fn hostile_arguments_end_up_as_text_or_refused() {
    let site = Site::fixture("shortcodes");
    let hostile = "\\\"><script>alert(1)</script>";
    edit(&site, PAGE, "alt=\"园区大楼的正面\"", &format!("alt=\"{hostile}\""));
    edit(&site, PAGE, "caption=\"园区大门。\"", &format!("caption=\"{hostile}\""));
    edit(&site, PAGE, "by=\"园区负责人\"", &format!("by=\"{hostile}\""));
    edit(
        &site,
        PAGE,
        "caption=\"历年新增企业\"",
        &format!("caption=\"{hostile}\""),
    );
    edit(
        &site,
        PAGE,
        "{{< callout kind=\"important\" >}}",
        &format!("{{{{< callout title=\"{hostile}\" >}}}}"),
    );
    site.write(
        "content/cases/media/data.csv",
        "年份,<b>企业</b>\n2023,<img src=x onerror=alert(1)>\n",
    );
    site.build(&[]).assert_ok();
    let page = site.page("/cases/media/");
    let body = prose(&page);
    assert!(!body.contains("<script>"), "{body}");
    assert!(!body.contains("<img src=x"), "{body}");
    assert!(!body.contains("<b>"), "{body}");
    assert!(
        body.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || body.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{body}"
    );
    assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"), "{body}");

    // Addresses that could run code, or video from another site, are refused.
    for (from, to, expect) in [
        (
            "src=\"poster.png\" alt",
            "src=\"javascript:alert(1)\" alt",
            "\"javascript:\" URL",
        ),
        (
            "src=\"clip.mp4\"",
            "src=\"https://video.example.com/clip.mp4\"",
            "is not a file of the page",
        ),
        (
            "poster=\"poster.png\"",
            "poster=\"javascript:alert(1)\"",
            "is not a file of the page",
        ),
        (
            "captions=\"captions.vtt\"",
            "captions=\"//evil.example/c.vtt\"",
            "is not a file of the page",
        ),
        (
            "{{< callout kind=\"important\" >}}",
            "{{< callout kind=\"<script>\" >}}",
            "is not one of note, important, warning",
        ),
    ] {
        let site = Site::fixture("shortcodes");
        edit(&site, PAGE, from, to);
        let errors = errors_of(&site);
        assert!(errors.contains(expect), "{to}: {errors}");
        assert!(!site.root.join("public/cases/media/index.html").exists());
    }
}

#[test]
fn mistakes_are_errors_at_their_file_line_and_column_naming_the_fix() {
    // Line 10 of the file (front matter counted): the video; column 1 for the shortcode, the argument's own column.
    let cases: &[(&str, &str, &str)] = &[
        (
            "{{< video ",
            "{{< vidoe ",
            "index.md:10:1: error: there is no shortcode \"vidoe\"; did you mean video?",
        ),
        (
            "caption=\"园区大门。\"",
            "captoin=\"园区大门。\"",
            "index.md:10:86: error: video has no argument \"captoin\"; did you mean caption?",
        ),
        (
            " alt=\"园区大楼的正面\"",
            "",
            "index.md:12:1: error: figure needs alt=\"…\"",
        ),
        (
            "src=\"clip.mp4\"",
            "src=\"clips.mp4\"",
            "index.md:10:11: error: video: src=\"clips.mp4\" names content/cases/media/clips.mp4, which does not exist",
        ),
        (
            "{{< /callout >}}",
            "",
            "index.md:14:1: error: {{< callout >}} encloses a text and needs an end",
        ),
        (
            "{{< table src=\"data.csv\"",
            "{{< table src=\"data.xls\"",
            "index.md:22:1",
        ),
        (
            "{{< figure src=\"poster.png\"",
            "See: {{< figure src=\"poster.png\"",
            "index.md:12:6: error: a shortcode stands on a line of its own",
        ),
        (
            "caption=\"园区大楼。\"",
            "caption=“园区大楼。”",
            "the value of caption is in Chinese quotation marks",
        ),
    ];
    for (from, to, expect) in cases {
        let site = Site::fixture("shortcodes");
        edit(&site, PAGE, from, to);
        let errors = errors_of(&site);
        assert!(errors.contains(expect), "{to}: expected {expect}\n{errors}");
        assert!(!errors.contains("panick"), "{errors}");
    }

    // Captions that are not WebVTT (an .srt file renamed) are refused.
    let site = Site::fixture("shortcodes");
    site.write(
        "content/cases/media/captions.vtt",
        "1\n00:00:00,000 --> 00:00:02,000\n园区大门\n",
    );
    let errors = errors_of(&site);
    assert!(
        errors.contains("index.md:10:46: error: video: captions=\"captions.vtt\" is not a WebVTT captions file"),
        "{errors}"
    );

    // A row of the CSV file with a cell too many: the CSV file's line.
    let site = Site::fixture("shortcodes");
    site.write("content/cases/media/data.csv", "年份,企业\n2023,12\n2024,15,9\n");
    let errors = errors_of(&site);
    assert!(
        errors.contains("data.csv:3:1: error: this row has 3 cells but the header has 2"),
        "{errors}"
    );
    assert!(errors.contains("index.md:22:1"), "the page that shows it: {errors}");

    // `check` finds them too.
    let site = Site::fixture("shortcodes");
    edit(&site, PAGE, "{{< video ", "{{< vidoe ");
    let run = site.check(&[]);
    assert_ne!(run.code, 0);
    let report = format!("{}{}", run.stdout, run.stderr);
    assert!(
        report.contains("content/cases/media/index.md\n  10:1  error    there is no shortcode \"vidoe\""),
        "{report}"
    );
}

#[test]
fn a_site_adds_its_own_shortcode_and_replaces_a_themes() {
    let site = Site::fixture("shortcodes");
    site.write(
        "templates/shortcodes/contact.html",
        "{#- shortcode\n  phone: text, required -- the number to call\n  hours: number\n-#}\n<p class=\"contact\">☎ {{ phone }}{% if hours %} ({{ hours }} h){% endif %}</p>\n",
    );
    site.write(
        "templates/shortcodes/figure.html",
        "{#- shortcode\n  src: link, required\n  alt: text, required\n  caption: text\n  credit: text\n-#}\n<figure class=\"own\"><img src=\"{{ src }}\" alt=\"{{ alt }}\"></figure>\n",
    );
    edit(
        &site,
        PAGE,
        "这一页用到了四种短代码。",
        "这一页用到了四种短代码。\n\n{{< contact phone=\"021-1234 <5678>\" hours=\"8\" >}}",
    );
    site.build(&[]).assert_ok();
    let page = site.page("/cases/media/");
    assert!(
        page.contains("<p class=\"contact\">☎ 021-1234 &lt;5678&gt; (8 h)</p>"),
        "{page}"
    );
    assert!(
        page.contains("<figure class=\"own\"><img src=\"/cases/media/poster.png\" alt=\"园区大楼的正面\"></figure>"),
        "{page}"
    );

    // Its arguments are checked like the theme's.
    edit(&site, PAGE, "hours=\"8\"", "hours=\"eight\"");
    let errors = errors_of(&site);
    assert!(
        errors.contains("index.md:10:37: error: contact: hours=\"eight\" is not a whole number"),
        "{errors}"
    );
    edit(&site, PAGE, " phone=\"021-1234 <5678>\"", "");
    let errors = errors_of(&site);
    assert!(errors.contains("contact needs phone=\"…\""), "{errors}");

    // A template without its declaration is an error in the template.
    site.write("templates/shortcodes/bare.html", "<p>{{ x }}</p>\n");
    let errors = errors_of(&site);
    assert!(
        errors.contains("bare.html:1:1: error: the shortcode template bare.html must start by declaring its arguments"),
        "{errors}"
    );
}

fn source(site: &Site) -> Source<'_> {
    Source {
        root: &site.root,
        base_url: Some("http://127.0.0.1:1313"),
        drafts: false,
        future: false,
        expired: false,
    }
}

fn served(files: &showcase::output::memory::Layers, key: &str) -> String {
    String::from_utf8(files.get(key).unwrap_or_else(|| panic!("{key} is not served")).to_vec()).unwrap()
}

#[test]
fn a_rebuild_picks_up_a_changed_csv_file_and_shortcode_template() {
    let site = Site::fixture("shortcodes");
    let first = rebuild(&source(&site), None, true).expect("the fixture builds");
    let page = served(&first.files, "cases/media/index.html");
    assert!(page.contains("<td>2024</td>") && !page.contains("<td>2025</td>"));

    site.write(
        "content/cases/media/data.csv",
        "年份,新增企业,备注\n2023,12,试点\n2024,15,续办\n2025,21,新增\n",
    );
    let second = rebuild(&source(&site), Some((&first.built, &first.files, &first.search)), true).expect("rebuilds");
    assert!(second.changed > 0);
    let page = served(&second.files, "cases/media/index.html");
    assert!(
        page.contains("<tr><td>2025</td><td>21</td><td>新增</td></tr>"),
        "the new row is served"
    );
    // The English page, whose CSV file did not change, is the same.
    assert_eq!(
        served(&first.files, "en/cases/media/index.html"),
        served(&second.files, "en/cases/media/index.html")
    );

    site.write(
        "templates/shortcodes/quote.html",
        "{#- shortcode\n  by: text\n  source: text\n  body: markdown\n-#}\n<blockquote class=\"own-quote\">{{ body | safe }}<p>{{ by }}</p></blockquote>\n",
    );
    let third = rebuild(
        &source(&site),
        Some((&second.built, &second.files, &second.search)),
        true,
    )
    .expect("rebuilds");
    let page = served(&third.files, "cases/media/index.html");
    assert!(
        page.contains("<blockquote class=\"own-quote\">"),
        "the site's template is used"
    );

    // A broken CSV file: the rebuild fails with the file's line; the last good site is still served.
    site.write("content/cases/media/data.csv", "年份,新增企业\n2023\n");
    let Err(failure) = rebuild(&source(&site), Some((&third.built, &third.files, &third.search)), true) else {
        panic!("a ragged CSV file must fail the rebuild");
    };
    assert!(format!("{failure:?}").contains("data.csv"), "{failure:?}");
}

#[test]
fn a_second_build_shows_a_changed_csv_file_despite_the_markdown_cache() {
    let site = built();
    assert!(!site.page("/cases/media/").contains("<td>2025</td>"));
    site.write("content/cases/media/data.csv", "年份,新增企业,备注\n2025,21,新增\n");
    site.build(&[]).assert_ok();
    let page = site.page("/cases/media/");
    assert!(
        page.contains("<tr><td>2025</td><td>21</td><td>新增</td></tr>"),
        "{page}"
    );
    assert!(!page.contains("<td>2023</td>"), "{page}");
}
