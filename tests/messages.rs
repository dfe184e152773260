//! Messages in the author's language: the same build, check and help under a
//! Chinese and an English locale, and the rules that choose the language.

mod common;

use common::{Run, Site};

/// Runs a command with the language chosen by `LANG` alone (and `args`).
fn under(site: &Site, lang: &str, command: &str, args: &[&str]) -> Run {
    site.run(
        command,
        args,
        &[
            ("SHOWCASE_LANG", ""),
            ("LC_ALL", ""),
            ("LC_MESSAGES", ""),
            ("LANG", lang),
            ("SHOWCASE_TODAY", "2024-06-01"),
        ],
    )
}

/// A site with one broken link: an error that stops the build.
fn broken() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/broken.md",
        "---\ntitle: 坏链接\ndate: 2024-01-01\nkind: park\n---\n\n见[别处](missing.md)。\n",
    );
    site
}

#[test]
fn a_failed_build_speaks_chinese_under_a_chinese_locale_and_english_under_an_english_one() {
    let site = broken();
    let zh = under(&site, "zh_CN.UTF-8", "build", &[]);
    let en = under(&site, "en_US.UTF-8", "build", &[]);
    assert_eq!((zh.code, en.code), (1, 1), "{}\n{}", zh.stderr, en.stderr);
    assert!(
        zh.stderr.ends_with("showcase：发现 1 个错误，未写入任何文件\n"),
        "{}",
        zh.stderr
    );
    assert!(
        en.stderr.ends_with("showcase: 1 error found; nothing was written\n"),
        "{}",
        en.stderr
    );
    // The place of the problem is the same in both; the severity is in the reader's words.
    let place = "content/cases/broken.md:7:";
    let zh_line = zh
        .stderr
        .lines()
        .find(|l| l.starts_with(place))
        .unwrap_or_else(|| panic!("{}", zh.stderr));
    let en_line = en
        .stderr
        .lines()
        .find(|l| l.starts_with(place))
        .unwrap_or_else(|| panic!("{}", en.stderr));
    assert!(zh_line.contains(": 错误: "), "{zh_line}");
    assert!(en_line.contains(": error: "), "{en_line}");
    assert!(!site.root.join("public").exists());
}

#[test]
fn without_a_preference_the_site_s_language_decides_and_lang_overrides_everything() {
    let site = broken();
    // LANG=C states no preference: the site's default language is Chinese.
    let c = under(&site, "C", "build", &[]);
    assert!(
        c.stderr.ends_with("showcase：发现 1 个错误，未写入任何文件\n"),
        "{}",
        c.stderr
    );
    let flag = under(&site, "zh_CN.UTF-8", "build", &["--lang", "en"]);
    assert!(
        flag.stderr.ends_with("showcase: 1 error found; nothing was written\n"),
        "{}",
        flag.stderr
    );
    let env = site.run("build", &[], &[("SHOWCASE_LANG", "zh"), ("LC_ALL", "en_US.UTF-8")]);
    assert!(env.stderr.ends_with("未写入任何文件\n"), "{}", env.stderr);
}

#[test]
fn check_build_and_status_summaries_in_both_languages() {
    let site = Site::fixture("basic");
    let zh = under(&site, "zh_CN.UTF-8", "check", &[]);
    let en = under(&site, "en_US.UTF-8", "check", &[]);
    assert!(
        zh.stdout
            .ends_with("showcase：3 个文件中有 3 个警告；已检查 53 个页面和 63 个其他文件\n"),
        "{}",
        zh.stdout
    );
    assert!(
        en.stdout
            .ends_with("showcase: 3 warnings in 3 files; checked 53 pages and 63 other files\n"),
        "{}",
        en.stdout
    );
    // Grouped by file, the same rule ids; the severity in the reader's words.
    assert!(
        zh.stdout.contains("  警告  ") && zh.stdout.contains("[untranslated]"),
        "{}",
        zh.stdout
    );
    // JSON is the same in every language but for the messages' words.
    let json = |lang| {
        let run = under(&site, lang, "check", &["--format", "json"]);
        let mut value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        for d in value["diagnostics"].as_array_mut().unwrap() {
            d["message"] = serde_json::Value::Null;
        }
        value
    };
    assert_eq!(json("zh_CN.UTF-8"), json("en_US.UTF-8"));

    let built = under(&site, "zh_CN.UTF-8", "build", &[]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(built.stdout.starts_with("showcase：已生成 "), "{}", built.stdout);
    assert!(built.stdout.contains("个页面（zh "), "{}", built.stdout);
    let status = under(&site, "zh_CN.UTF-8", "status", &[]);
    assert!(
        status.stdout.contains("栏目") && status.stdout.contains("缺译文"),
        "{}",
        status.stdout
    );
    assert!(status.stdout.contains("合计"), "{}", status.stdout);
}

#[test]
fn help_in_chinese() {
    let site = Site::fixture("basic");
    let help = under(&site, "zh_CN.UTF-8", "build", &["--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout
            .starts_with("生成网站，写入输出文件夹（默认为 public/）。\n\n用法: showcase build"),
        "{}",
        help.stdout
    );
    assert!(
        help.stdout.contains("--root <ROOT>") && help.stdout.contains("［默认：.］"),
        "{}",
        help.stdout
    );
    assert!(!help.stdout.contains("[default"), "{}", help.stdout);
    let en = under(&site, "en_US.UTF-8", "build", &["--help"]);
    assert!(
        en.stdout.contains("Usage: showcase build") && en.stdout.contains("[default: .]"),
        "{}",
        en.stdout
    );
}

#[test]
fn front_matter_mistakes_are_explained_in_the_author_s_language() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/typo.md",
        "---\ntitle: 错字\ndate: 2024-01-01\nkind: park\nsumary: 摘要\n---\n\n正文。\n",
    );
    let zh = under(&site, "zh_CN.UTF-8", "build", &[]);
    let en = under(&site, "en_US.UTF-8", "build", &[]);
    assert!(
        zh.stderr
            .contains("content/cases/typo.md:5:1: 错误: 未知字段 sumary，您是否想写 summary（摘要）？\n"),
        "{}",
        zh.stderr
    );
    assert!(
        en.stderr
            .contains("content/cases/typo.md:5:1: error: unknown field \"sumary\"; did you mean \"summary\"?\n"),
        "{}",
        en.stderr
    );
    // check's text in Chinese, its JSON in English (the same for every reader and tool).
    let text = under(&site, "zh_CN.UTF-8", "check", &[]);
    assert!(
        text.stdout
            .contains("  错误  未知字段 sumary，您是否想写 summary（摘要）？  [unknown-field]"),
        "{}",
        text.stdout
    );
    let json = under(&site, "zh_CN.UTF-8", "check", &["--format", "json"]);
    assert!(
        json.stdout
            .contains("\"message\": \"unknown field \\\"sumary\\\"; did you mean \\\"summary\\\"?\""),
        "{}",
        json.stdout
    );
}

/// One page with a mistake of each kind an author makes in the text: a
/// broken link, an image without alt text, a shortcode written wrongly, a
/// field of the wrong type, Western punctuation in Chinese, a placeholder
/// left by `new case`.
fn mistakes() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/mistakes.md",
        "---\ntitle: 各种错误\ndate: 2024-01-01\nkind: park\nfeatured: maybe\n---\n\n\
         见[别处](missing.md)。\n\n\
         {{< figure src=“photo.jpg” >}}\n\n\
         园区建设取得进展,成效明显。\n",
    );
    site
}

#[test]
fn mistakes_in_the_text_are_explained_in_the_author_s_language() {
    let site = mistakes();
    let zh = under(&site, "zh_CN.UTF-8", "check", &[]);
    let en = under(&site, "en_US.UTF-8", "check", &[]);
    for (words, out) in [
        ("featured（推荐）只能是 true 或 false", &zh.stdout),
        ("featured must be true or false", &en.stdout),
        (
            "链接指向 content/cases/missing.md，但没有这个文件；请检查文件名",
            &zh.stdout,
        ),
        (
            "links to content/cases/missing.md, which does not exist; check the file name",
            &en.stdout,
        ),
        ("src 的值用了中文引号：请用英文直双引号", &zh.stdout),
        ("the value of src is in Chinese quotation marks", &en.stdout),
    ] {
        assert!(out.contains(words), "{words}\n{out}");
    }
    // Once the blocking errors are fixed, check's editorial findings speak too.
    site.write(
        "content/cases/mistakes.md",
        "---\ntitle: 各种错误\ndate: 2024-01-01\nkind: park\n---\n\n\
         ![](/missing-photo.png)\n\n园区建设取得进展,成效明显。\n",
    );
    let zh = under(&site, "zh_CN.UTF-8", "check", &[]);
    let en = under(&site, "en_US.UTF-8", "check", &[]);
    for (words, out) in [
        ("汉字后面用了半角标点“,”，应写作全角的“，”", &zh.stdout),
        ("ASCII \",\" after a Chinese character; write \"，\"", &en.stdout),
        ("图片 /missing-photo.png 没有替代文字", &zh.stdout),
        ("the image /missing-photo.png has no alt text", &en.stdout),
        ("图片 /missing-photo.png 不是本站的文件", &zh.stdout),
    ] {
        assert!(out.contains(words), "{words}\n{out}");
    }
    // No English sentence is left in the Chinese report of these problems.
    for line in zh
        .stdout
        .lines()
        .filter(|l| l.contains("  错误  ") || l.contains("  警告  "))
    {
        let message = line.split("  ").filter(|p| !p.is_empty()).nth(1).unwrap_or("");
        assert!(
            !message.contains(" the ") && !message.contains(" is "),
            "English in a Chinese message: {line}"
        );
    }
}

#[test]
fn mistakes_on_the_command_line_are_explained_in_the_author_s_language() {
    let site = Site::fixture("basic");
    let zh = under(&site, "zh_CN.UTF-8", "build", &["--rot", "x"]);
    assert_eq!(zh.code, 2);
    assert_eq!(
        zh.stderr,
        "showcase：没有选项 --rot；您是否想写“--root”？\nshowcase build --help 列出它可用的选项。\n"
    );
    let en = under(&site, "en_US.UTF-8", "check", &["--format", "xml"]);
    assert_eq!(en.code, 2);
    assert_eq!(
        en.stderr,
        "showcase: xml is not a value of --format; write one of text, json\nshowcase check --help lists what it takes.\n"
    );
}

#[test]
fn mistakes_in_fields_file_names_tables_and_the_address_ledger_are_explained_in_the_author_s_language() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/fields.md",
        "---\ntitle: 字段\ndate: 2024-01-01\nupdated: 2024-13-01\nkind: park\nslug: a/b\naliases: [old/]\n\
         cover: {src: x.png}\nhighlights: [{value: 1, lable: 家}]\n---\n\n正文。\n",
    );
    site.write("content/cases/alpha.fr.md", "---\ntitle: Alpha\n---\n\nTexte.\n");
    let zh = under(&site, "zh_CN.UTF-8", "check", &[]);
    let en = under(&site, "en_US.UTF-8", "check", &[]);
    for (words, out) in [
        ("updated（更新日期）“2024-13-01”不是日期；请写成 YYYY-MM-DD", &zh.stdout),
        ("updated: \"2024-13-01\" is not a date", &en.stdout),
        ("网址名（slug）“a/b”含有“/”", &zh.stdout),
        ("slug \"a/b\" contains \"/\"", &en.stdout),
        ("旧地址（alias）“old/”必须以 / 开头", &zh.stdout),
        ("alias \"old/\" must start with /", &en.stdout),
        ("封面图（cover）缺少替代文字 alt", &zh.stdout),
        ("cover has no alt text", &en.stdout),
        (
            "关键数据中的一项没有“lable”这一栏；关键数据（highlights）应是 {value: 数据, label: 说明} 的列表；您是否想写“label”？",
            &zh.stdout,
        ),
        (
            "a highlight has no field \"lable\"; did you mean \"label\"?",
            &en.stdout,
        ),
        ("文件名中的“fr”不是网站的语言（zh, en）；请给文件改名", &zh.stdout),
        (
            "\"fr\" in the file name is not a language of the site (zh, en)",
            &en.stdout,
        ),
    ] {
        assert!(out.contains(words), "{words}\n{out}");
    }

    // A table's CSV file with a row too long.
    let site = Site::fixture("shortcodes");
    site.write("content/cases/media/data.csv", "年份,企业\n2023,12\n2024,15,9\n");
    let zh = under(&site, "zh_CN.UTF-8", "build", &[]);
    assert!(
        zh.stderr.contains("data.csv:3:1: 错误: 这一行有 3 格，但表头有 2 格"),
        "{}",
        zh.stderr
    );
    assert!(
        zh.stderr
            .contains("（在 content/cases/media/index.md:22:11 显示的表格中）"),
        "{}",
        zh.stderr
    );

    // Lines of the address ledger that cannot be read, or lead nowhere.
    let site = Site::fixture("basic");
    assert_eq!(under(&site, "zh_CN.UTF-8", "build", &[]).code, 0);
    let mut ledger = site.read("addresses.txt");
    ledger.push_str("/cases/gone/ fr cases/gone.md\n/cases/lost/ -> /cases/nowhere/\n");
    site.write("addresses.txt", &ledger);
    let zh = under(&site, "zh_CN.UTF-8", "check", &[]);
    let words = "“fr”不是 site.toml 中的语言（zh, en）；地址后面的一项是页面的语言";
    assert!(zh.stdout.contains(words), "{words}\n{}", zh.stdout);
    ledger = ledger.replace("/cases/gone/ fr cases/gone.md\n", "");
    site.write("addresses.txt", &ledger);
    let zh = under(&site, "zh_CN.UTF-8", "check", &[]);
    assert!(
        zh.stdout
            .contains("/cases/lost/ 转到 /cases/nowhere/，但本网站没有哪个页面、旧地址或转址对应它"),
        "{}",
        zh.stdout
    );
}

#[test]
fn refusals_of_a_command_are_explained_in_the_author_s_language() {
    let site = Site::fixture("basic");
    let zh = std::process::Command::new(env!("CARGO_BIN_EXE_showcase"))
        .env("SHOWCASE_LANG", "zh")
        .args(["theme", "eject", "a/b"])
        .current_dir(&site.root)
        .output()
        .unwrap();
    assert_eq!(zh.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&zh.stderr),
        "showcase：“a/b”不能用作主题名：请用不含 / 或 \\ 的文件夹名，例如“default”或“district”\n"
    );
    // An output folder that holds the site's sources is refused before anything is written.
    let zh = under(&site, "zh_CN.UTF-8", "build", &["-o", "content/out"]);
    assert_eq!(zh.code, 2);
    assert!(zh.stderr.contains("它在网站的 content 文件夹里面"), "{}", zh.stderr);
    let en = under(&site, "en_US.UTF-8", "build", &["-o", "content/out"]);
    assert!(
        en.stderr.contains("it is inside the site's content folder"),
        "{}",
        en.stderr
    );
    let zh = site.run(
        "build",
        &[],
        &[("SHOWCASE_LANG", "zh"), ("SHOWCASE_TODAY", "2024-13-01")],
    );
    assert_eq!(zh.code, 2);
    assert!(
        zh.stderr.contains("SHOWCASE_TODAY=\"2024-13-01\" 不是日期"),
        "{}",
        zh.stderr
    );
}
