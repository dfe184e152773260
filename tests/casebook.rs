//! The printed casebook: PDFs of a fixture site, read back with poppler's
//! `pdftotext`, `pdffonts`, `pdfinfo` and `pdftoppm` (installed by
//! scripts/install-test-deps) as a reader's viewer would show them.

#![cfg(feature = "casebook")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Run, Site};

/// The fixture site with a few more cases: figures, a table, a list, a code block, an image.
fn site() -> Site {
    let site = Site::fixture("basic");
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[casebook]\ntitle = {{ zh = \"测试典型案例汇编\", en = \"Test Casebook\" }}\nsubtitle = {{ zh = \"《测试行动方案》\", en = \"The test action plan\" }}\npreface = \"about/preface.md\"\n"
        ),
    );
    site.write("content/about/_index.md", "---\ntitle: 关于\n---\n");
    site.write(
        "content/about/preface.md",
        "---\ntitle: 前言\n---\n\n本汇编收录测试站点的全部案例。\n",
    );
    site.write(
        "content/cases/epsilon.md",
        "---\ntitle: 艾普西隆案例\ndate: 2023-05-01\nkind: enterprise\norganisation: 艾普西隆科技有限公司\nlevel: district\nhighlights:\n  - {value: 120, label: 名学生实习}\n  - {value: 3, label: 个联合实验室}\n---\n\n## 主要做法\n\n1. 共建实训基地；\n2. 联合培养人才。\n\n| 年份 | 实习人数 | 就业人数 |\n| --- | ---: | ---: |\n| 2022 | 80 | 30 |\n| 2023 | 120 | 45 |\n\n```python\nprint(\"你好\")\n```\n\n![园区大门](bundle/photo.png)\n",
    );
    site
}

fn casebook(site: &Site, args: &[&str]) -> Run {
    site.run("casebook", args, &[("SHOWCASE_TODAY", "2024-06-01")])
}

/// Runs a poppler tool and returns its standard output.
#[track_caller]
fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(name)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (scripts/install-test-deps installs poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the number of pages")
}

/// The text of one page (1-based), as pdftotext lays it out.
fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn all_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The table of contents: each entry's title and page number, from the pages that hold it.
fn toc(pdf: &Path) -> Vec<(String, usize)> {
    let mut entries = Vec::new();
    for page in 2..=pages(pdf) {
        let text = page_text(pdf, page);
        let is_toc = text.contains("目录") || text.contains("Contents");
        if !is_toc && !entries.is_empty() {
            break;
        }
        if !is_toc {
            continue;
        }
        for line in text.lines() {
            let line = line.trim();
            let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let Ok(number) = line[line.len() - digits..].parse::<usize>() else {
                continue;
            };
            let title = line[..line.len() - digits]
                .trim_end_matches(['.', ' ', '\u{a0}', '\u{2060}', '·', '…'])
                .trim()
                .to_string();
            if !title.is_empty() {
                entries.push((title, number));
            }
        }
    }
    entries
}

/// The first character of each line of a page, by the words' positions (pdftotext's
/// text mode breaks lines where punctuation is compressed, which a reader never sees).
fn line_starts(pdf: &Path, page: usize) -> Vec<(String, char)> {
    let n = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let xml = String::from_utf8_lossy(&out.stdout);
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut lines: std::collections::BTreeMap<String, (f64, char)> = Default::default();
    for word in xml.split("<word ").skip(1) {
        let (tag, rest) = word.split_once('>').unwrap();
        let Some(first) = rest.chars().next() else { continue };
        let (x, y) = (attr(tag, "xMin"), attr(tag, "yMin"));
        let key = format!("{y:.1}");
        let entry = lines.entry(key).or_insert((x, first));
        if x < entry.0 {
            *entry = (x, first);
        }
    }
    lines.into_iter().map(|(y, (_, c))| (y, c)).collect()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_chinese_casebook_has_a_cover_a_contents_page_and_every_case_on_its_page() {
    let site = site();
    casebook(&site, &["-o", "book.pdf"]).assert_ok();
    let pdf = site.root.join("book.zh.pdf");
    assert!(site.root.join("book.en.pdf").is_file(), "one PDF per language");

    let cover = page_text(&pdf, 1);
    for words in [
        "测试典型案例汇编",
        "《测试行动方案》",
        "测试案例库",
        "2024年6月1日",
        "收录案例6个",
    ] {
        assert!(squeeze(&cover).contains(words), "the cover shows {words}:\n{cover}");
    }
    let preface = page_text(&pdf, 2);
    assert!(
        preface.contains("本汇编收录测试站点的全部案例"),
        "the preface follows the cover:\n{preface}"
    );

    let entries = toc(&pdf);
    let titles = [
        "阿尔法案例",
        "贝塔案例",
        "艾普西隆案例",
        "德尔塔案例",
        "中以创新园",
        "图片案例",
    ];
    for title in titles {
        let (_, page) = entries
            .iter()
            .find(|(t, _)| t == title)
            .unwrap_or_else(|| panic!("the contents list {title}: {entries:?}"));
        let text = page_text(&pdf, *page);
        assert!(
            text.contains(title),
            "the contents say {title} is on page {page}, which reads:\n{text}"
        );
        // Running header: the section's name above the case.
        assert!(
            text.lines().take(3).any(|l| l.contains("案例")),
            "page {page} has the section as header"
        );
        // Page number in the footer.
        assert!(
            text.lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.trim() == page.to_string()),
            "page {page} shows its number at the foot:\n{text}"
        );
    }
    assert!(!all_text(&pdf).contains("伽马草稿"), "drafts are left out");
    // Each case starts on a page of its own: the pages listed are all different.
    let mut listed: Vec<usize> = entries
        .iter()
        .filter(|(t, _)| titles.contains(&t.as_str()))
        .map(|(_, p)| *p)
        .collect();
    listed.dedup();
    assert_eq!(listed.len(), titles.len(), "{entries:?}");
    assert!(pages(&pdf) >= listed.iter().max().copied().unwrap_or(0));

    let epsilon = page_text(&pdf, entries.iter().find(|(t, _)| t == "艾普西隆案例").unwrap().1);
    for words in [
        "艾普西隆科技有限公司",
        "区级",
        "企业",
        "120",
        "名学生实习",
        "主要做法",
        "实习人数",
        "print",
        "园区大门",
        "扫码阅读网页版",
    ] {
        assert!(epsilon.contains(words), "the case page shows {words}:\n{epsilon}");
    }
}

#[test]
fn fonts_are_embedded_and_subset_and_the_text_is_real_text() {
    let site = site();
    casebook(&site, &["--lang", "zh", "-o", "book.pdf"]).assert_ok();
    let pdf = site.root.join("book.pdf");
    let fonts = tool("pdffonts", &[], &pdf);
    let cjk: Vec<&str> = fonts.lines().filter(|l| l.contains("CJK")).collect();
    assert!(!cjk.is_empty(), "a CJK font is used:\n{fonts}");
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: emb and sub are "yes".
        let n = cols.len();
        assert!(n >= 7, "{line}");
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "embedded and subset: {line}"
        );
        assert!(cols[0].contains('+'), "a subset's name has a tag: {line}");
    }
    assert!(all_text(&pdf).contains("阿尔法案例"), "titles can be searched");
}

/// Decodes the QR codes of a page rendered at 150 dpi.
fn qr_codes(pdf: &Path, page: usize, dir: &Path) -> Vec<String> {
    let n = page.to_string();
    let prefix = dir.join(format!("page{page}"));
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-gray", "-png", "-singlefile", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let image = image::open(prefix.with_extension("png")).unwrap().to_luma8();
    let (w, h) = image.dimensions();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
        image.get_pixel(x as u32, y as u32).0[0]
    });
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

#[test]
fn each_case_has_a_qr_code_of_its_web_page() {
    let site = site();
    casebook(&site, &["-o", "book.pdf"]).assert_ok();
    let zh = site.root.join("book.zh.pdf");
    let en = site.root.join("book.en.pdf");
    let cases = [
        (&zh, "阿尔法案例", "https://cases.example.org/cases/alpha/"),
        (&zh, "艾普西隆案例", "https://cases.example.org/cases/epsilon/"),
        (&en, "Alpha case", "https://cases.example.org/en/cases/alpha/"),
        (&en, "贝塔案例", "https://cases.example.org/en/cases/beta/"),
    ];
    for (pdf, title, url) in cases {
        let (_, page) = toc(pdf)
            .into_iter()
            .find(|(t, _)| t.starts_with(title))
            .unwrap_or_else(|| panic!("{title} is listed in {}", pdf.display()));
        // The QR code closes the case, on its first page or a later one.
        let found: Vec<String> = (page..=(page + 2).min(pages(pdf)))
            .flat_map(|p| qr_codes(pdf, p, &site.root))
            .collect();
        assert!(
            found.iter().any(|f| f == url),
            "{title}: QR codes {found:?}, expected {url}"
        );
        assert!(all_text(pdf).contains(url), "{url} is printed beside its QR code");
    }
}

#[test]
fn the_english_casebook_marks_cases_printed_in_the_original() {
    let site = site();
    casebook(&site, &["--lang", "en", "-o", "en.pdf"]).assert_ok();
    let pdf = site.root.join("en.pdf");
    let text = all_text(&pdf);
    assert!(text.contains("Test Casebook") && text.contains("Contents"));
    assert!(text.contains("Alpha case") && text.contains("Picture case"));
    let entries = toc(&pdf);
    let beta = entries
        .iter()
        .find(|(t, _)| t.starts_with("贝塔案例"))
        .expect("beta is printed in Chinese");
    assert!(beta.0.contains("(original)"), "marked in the contents: {entries:?}");
    let page = page_text(&pdf, beta.1);
    assert!(page.contains("has not been translated yet"), "{page}");

    // With fallback = "skip", untranslated cases are left out.
    let toml = site
        .read("site.toml")
        .replace("[languages.en]\n", "[languages.en]\nfallback = \"skip\"\n");
    site.write("site.toml", &toml);
    casebook(&site, &["--lang", "en", "-o", "skip.pdf"]).assert_ok();
    let text = all_text(&site.root.join("skip.pdf"));
    assert!(text.contains("Alpha case") && !text.contains("贝塔案例"), "{text}");
}

#[test]
fn titles_print_as_written_and_chinese_lines_never_start_with_closing_punctuation() {
    let site = site();
    let title = r#"#标题 $x$ *星号* [括号] \反斜杠 "引号" @at <tag>"#;
    let sentence = "产教融合，校企合作；实训基地、联合实验室：（试点）《方案》“推进”。";
    let paragraph = sentence.repeat(30);
    site.write(
        "content/cases/zeta.md",
        &format!("---\ntitle: '{title}'\ndate: 2023-01-01\nkind: enterprise\n---\n\n{paragraph}\n\n{paragraph}\n"),
    );
    casebook(&site, &["--lang", "zh", "-o", "book.pdf"]).assert_ok();
    let pdf = site.root.join("book.pdf");
    let text = all_text(&pdf);
    assert!(
        squeeze(&text).contains(&squeeze(title)),
        "the title prints literally:\n{text}"
    );
    let closing = [
        '，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '’', '」', '』',
    ];
    let (_, page) = toc(&pdf).into_iter().find(|(t, _)| t.contains("标题")).expect("listed");
    let mut lines = 0;
    for p in page..=page + 1 {
        for (y, first) in line_starts(&pdf, p) {
            lines += 1;
            assert!(
                !closing.contains(&first),
                "a line starts with closing punctuation on page {p} at y = {y}: {first}"
            );
        }
    }
    assert!(lines > 20, "the paragraphs fill many lines: {lines}");
    // Chinese punctuation keeps its full-width glyphs: no Latin commas or full stops in the paragraph.
    assert!(squeeze(&text).contains("产教融合，校企合作；实训基地、联合实验室：（试点）《方案》“推进”。"));
}

#[test]
fn a_leaflet_prints_one_case_and_sections_limit_the_book() {
    let site = site();
    casebook(&site, &["--case", "content/cases/alpha.md", "--lang", "zh"]).assert_ok();
    let pdf = site.root.join("alpha.zh.pdf");
    let text = all_text(&pdf);
    assert!(
        text.contains("阿尔法案例") && !text.contains("贝塔案例") && !text.contains("目录"),
        "{text}"
    );
    assert_eq!(pages(&pdf), 1, "{text}");

    site.write("content/parks/_index.md", "---\ntitle: 园区\n---\n");
    site.write(
        "content/parks/p1.md",
        "---\ntitle: 一号园区\ndate: 2023-01-01\nkind: park\n---\n\n园区。\n",
    );
    let run = casebook(&site, &["--section", "parks", "--lang", "zh"]);
    run.assert_ok();
    let text = all_text(&site.root.join("casebook.zh.pdf"));
    assert!(text.contains("一号园区") && !text.contains("阿尔法案例"), "{text}");
    assert!(run.stdout.contains("1 case,"), "{}", run.stdout);

    let run = casebook(&site, &["--section", "nowhere"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--section nowhere") && run.stderr.contains("cases"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_very_long_title_and_a_table_of_thirty_columns_give_a_readable_page() {
    let site = site();
    let title: String = "很长的标题".repeat(60);
    let header: String = (1..=30).map(|i| format!("| 列{i} ")).collect::<String>() + "|\n";
    let rule: String = "| --- ".repeat(30) + "|\n";
    let row: String = (1..=30).map(|i| format!("| 值{i} ")).collect::<String>() + "|\n";
    site.write(
        "content/cases/wide.md",
        &format!("---\ntitle: {title}\ndate: 2023-01-01\nkind: enterprise\n---\n\n{header}{rule}{row}"),
    );
    let run = casebook(&site, &["--lang", "zh", "-o", "book.pdf"]);
    run.assert_ok();
    let pdf = site.root.join("book.pdf");
    let text = squeeze(&all_text(&pdf));
    assert!(text.contains(&title), "the whole title is printed");
    // Every column is on the page, none cut off at its edge (narrow cells wrap 列 and its number).
    let (_, page) = toc(&pdf)
        .into_iter()
        .find(|(t, _)| t.ends_with("的标题"))
        .expect("listed");
    let page_text = page_text(&pdf, page);
    assert_eq!(page_text.matches('列').count(), 30, "{page_text}");
    assert_eq!(page_text.matches('值').count(), 30, "{page_text}");
    let words: Vec<&str> = page_text.split_whitespace().collect();
    for i in 1..=30 {
        assert!(
            words.contains(&i.to_string().as_str()),
            "column {i} is printed:\n{page_text}"
        );
    }
}

#[test]
fn a_missing_image_is_an_error_naming_the_file() {
    let site = site();
    site.write(
        "content/cases/broken.md",
        "---\ntitle: 缺图案例\ndate: 2023-01-01\nkind: enterprise\n---\n\n![图](nowhere.png)\n",
    );
    let run = casebook(&site, &["--lang", "zh"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("broken.md") && run.stderr.contains("nowhere.png"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));
    assert!(!site.root.join("casebook.zh.pdf").exists(), "no PDF is written");
}

#[test]
fn a_font_that_cannot_be_found_is_named_in_the_error() {
    let site = site();
    let toml = site
        .read("site.toml")
        .replace("[casebook]\n", "[casebook]\nfonts = [\"No Such Font\"]\n");
    site.write("site.toml", &toml);
    let run = casebook(&site, &["--lang", "zh"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("\"No Such Font\"") && run.stderr.contains("install"),
        "{}",
        run.stderr
    );

    let toml = site
        .read("site.toml")
        .replace("\"No Such Font\"", "\"fonts/missing.otf\"");
    site.write("site.toml", &toml);
    let run = casebook(&site, &["--lang", "zh"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("fonts/missing.otf"), "{}", run.stderr);
}

#[test]
fn without_a_chinese_font_the_error_says_which_fonts_were_tried_and_how_to_install_one() {
    let site = site();
    let empty = site.root.join("no-fonts");
    std::fs::create_dir_all(&empty).unwrap();
    let dirs = empty.to_string_lossy().into_owned();
    let run = site.run("casebook", &["--lang", "zh"], &[("SHOWCASE_FONT_DIRS", &dirs)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for words in ["Noto Serif CJK SC", "fonts-noto-cjk", "[casebook] fonts", &dirs] {
        assert!(run.stderr.contains(words), "the error says {words}: {}", run.stderr);
    }
    assert!(!site.root.join("casebook.zh.pdf").exists());
}

#[test]
fn build_publishes_the_casebook_with_a_link_from_the_home_page() {
    let site = site();
    let toml = site
        .read("site.toml")
        .replace("[casebook]\n", "[casebook]\npublish = true\n");
    site.write("site.toml", &toml);
    site.build(&[]).assert_ok();
    for (path, title) in [
        ("casebook.pdf", "测试典型案例汇编"),
        ("en/casebook.pdf", "Test Casebook"),
    ] {
        let pdf: PathBuf = site.root.join("public").join(path);
        assert!(all_text(&pdf).contains(title), "{path}");
    }
    assert!(
        site.page("/").contains("href=\"/casebook.pdf\""),
        "the home page links the casebook"
    );
    assert!(site.page("/en/").contains("href=\"/en/casebook.pdf\""));

    // A book is a job like a page: a build with nothing changed keeps the PDF as
    // it was made (the file itself, not a book typeset again); a case's new
    // title makes a new book.
    let pdf = site.root.join("public/casebook.pdf");
    let made = std::fs::read(&pdf).unwrap();
    let record = site.root.join(".showcase-cache/casebook-zh.json");
    // The record is written only when a book is typeset.
    let written = |file: &PathBuf| std::fs::metadata(file).and_then(|m| m.modified()).unwrap();
    let recorded = written(&record);
    site.build(&[]).assert_ok();
    assert_eq!(std::fs::read(&pdf).unwrap(), made);
    assert_eq!(written(&record), recorded, "not typeset again");
    let epsilon = site
        .read("content/cases/epsilon.md")
        .replace("艾普西隆案例", "艾普西隆新案例");
    site.write("content/cases/epsilon.md", &epsilon);
    site.build(&[]).assert_ok();
    assert!(all_text(&pdf).contains("艾普西隆新案例"));
    assert_ne!(written(&record), recorded);

    // The fonts are sources of the book: with one the site names rewritten, a
    // build with nothing else to do does not stop after comparing the sources.
    let font = walkdir::WalkDir::new("/usr/share/fonts")
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .find(|p| p.extension().is_some_and(|x| x == "ttf" || x == "otf"))
        .expect("a font file in /usr/share/fonts");
    let named = format!("fonts/extra.{}", font.extension().unwrap().to_string_lossy());
    site.write(
        "site.toml",
        &toml.replace("[casebook]\n", &format!("[casebook]\nfonts = [\"{named}\"]\n")),
    );
    std::fs::create_dir_all(site.root.join("fonts")).unwrap();
    std::fs::copy(&font, site.root.join(&named)).unwrap();
    // (Sources changed within a tick of the clock before a build make no record.)
    std::thread::sleep(std::time::Duration::from_millis(100));
    site.build(&[]).assert_ok();
    let compared = || {
        let run = site.run("build", &[], &[("SHOWCASE_PROFILE", "1")]);
        run.assert_ok();
        run.stderr.contains("nothing changed")
    };
    assert!(compared(), "nothing changed");
    std::fs::copy(&font, site.root.join(&named)).unwrap();
    assert!(!compared(), "the font file was written again");
    site.write("site.toml", &toml);

    // Without publish, no PDF and no link.
    let site = self::site();
    site.build(&[]).assert_ok();
    assert!(!site.exists("/casebook.pdf"));
    assert!(!site.page("/").contains("casebook.pdf"));
}

#[test]
fn a_site_without_a_casebook_table_gets_a_book_titled_after_the_site() {
    let site = Site::fixture("basic");
    casebook(&site, &["--lang", "en"]).assert_ok();
    let text = all_text(&site.root.join("casebook.en.pdf"));
    assert!(
        text.contains("Test Cases") && text.contains("Casebook") && text.contains("Alpha case"),
        "{text}"
    );
}

#[test]
fn an_unknown_key_in_the_casebook_table_is_an_error_with_its_line() {
    let site = site();
    let toml = site
        .read("site.toml")
        .replace("[casebook]\n", "[casebook]\npublsh = true\n");
    site.write("site.toml", &toml);
    let run = casebook(&site, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("site.toml:") && run.stderr.contains("publsh"),
        "{}",
        run.stderr
    );
}
