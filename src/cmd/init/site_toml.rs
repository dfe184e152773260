//! The commented site.toml of a new site, for its languages.

use std::fmt::Write;

/// A text in each language: (zh, en).
type Pair = (&'static str, &'static str);

/// The site's languages: code → (name, title, description, date format).
fn language(code: &str) -> (&'static str, &'static str, &'static str, &'static str) {
    match code {
        "zh" => (
            "中文",
            "典型案例",
            "本单位推进重点工作的典型案例，中英文对照",
            "%Y年%-m月%-d日",
        ),
        _ => (
            "English",
            "Typical Cases",
            "Typical cases of our office’s key work, in Chinese and English",
            "%-d %B %Y",
        ),
    }
}

const KINDS: &[(&str, Pair)] = &[
    ("enterprise", ("企业", "Enterprise")),
    ("base", ("校企合作基地", "School-enterprise cooperation base")),
    ("park", ("园区与载体", "Park or hub")),
    ("platform", ("平台", "Platform")),
    ("talent", ("人才培养", "Talent development")),
];

const DEPARTMENTS: &[(&str, Pair)] = &[
    ("education", ("区教育局", "District Education Bureau")),
    ("drc", ("区发改委", "District Development and Reform Commission")),
    ("stc", ("区科委", "District Science and Technology Commission")),
    (
        "hrss",
        ("区人社局", "District Human Resources and Social Security Bureau"),
    ),
];

/// The terms the example case uses; the others are written commented out, to
/// take in when a case uses them (a term no page uses is warned about).
const USED: &[&str] = &["base", "education"];

/// `{ zh = "…", en = "…" }` with the site's languages, in their order.
fn label(langs: &[String], (zh, en): Pair) -> String {
    let parts: Vec<String> = langs
        .iter()
        .map(|l| format!("{l} = \"{}\"", if l == "zh" { zh } else { en }))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

fn comment(key: &str) -> &'static str {
    if USED.contains(&key) { "" } else { "# " }
}

pub fn text(langs: &[String]) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"# The site's settings. Every setting is explained above it; lines starting
# with # are comments. After a change, `showcase check` says what is wrong, if
# anything, with the line and the fix.

# The address the site is published at. The publishing workflows set it for
# their host (showcase build --base-url); set it here for any other host.
base_url = "https://example.org"
# The first language: its pages are at the root (/cases/…), the others under
# their code (/en/cases/…). A page's translation is the file of the same name
# with the language before .md: example.md and example.en.md.
default_language = "{default}"
# The theme: "default" is built into showcase. Files of your own in templates/,
# static/ and i18n/ replace the theme's of the same name; `showcase theme eject`
# copies the whole theme into themes/default/, which is then used instead.
theme = "default"
# Cases per page on section lists.
paginate_by = 10
# Pages linked from every page's footer, beside the site map.
footer_links = ["about/site.md", "about/accessibility.md"]
"#,
        default = langs[0]
    );
    s.push_str("\n# Each language: its name in the language switcher, the site's title and\n# description (for search engines and shared links), and how dates are written.\n");
    for code in langs {
        let (name, title, description, date_format) = language(code);
        let _ = write!(
            s,
            "[languages.{code}]\nname = \"{name}\"\ntitle = \"{title}\"\ndescription = \"{description}\"\ndate_format = \"{date_format}\"\n\n"
        );
    }
    s.push_str(
        r#"[markdown]
# "escape" shows raw HTML in Markdown as text; "allow" passes it through.
raw_html = "escape"

[highlight]
# The colours of code blocks; their CSS is generated into the site.
theme = "showcase-light"

# Taxonomies sort cases into kinds, departments and so on. A case names terms
# by their key (kind: base); their labels in each language live here, so every
# language shares one catalogue and its filters. A key not listed here is an
# error. A term no page uses is warned about, so the example's terms are set
# and others are left as comments: remove the # once a case uses one. Add
# taxonomies (industry, partner, …) the same way.
"#,
    );
    let _ = writeln!(
        s,
        "[taxonomies.kind]\nlabel = {}",
        label(langs, ("案例类型", "Type of case"))
    );
    for (key, pair) in KINDS {
        let _ = writeln!(s, "{}terms.{key} = {}", comment(key), label(langs, *pair));
    }
    let _ = writeln!(
        s,
        "\n[taxonomies.department]\nlabel = {}",
        label(langs, ("责任部门", "Responsible department"))
    );
    for (key, pair) in DEPARTMENTS {
        let _ = writeln!(s, "{}terms.{key} = {}", comment(key), label(langs, *pair));
    }
    let _ = write!(
        s,
        r#"
# What the rules for government websites ask every page's footer to show. Each
# line shows once it is set; remove the # in front and fill it in.
[government]
# The organisation that runs the site (主办单位), in each language.
# host = {host}
# How readers reach it (联系方式): a telephone number or an e-mail address.
# contact = {contact}
# The ten-character website identification code (网站标识码).
# site_code = "3100000000"
# The ICP filing number (ICP备案号), linked to the filing system.
# icp = "沪ICP备00000000号"
# The public security filing number (公安备案号), linked to its record.
# police = "沪公网安备 31010702000000号"

# Where the list of every case, with its filters, is published (/cases/).
[catalogue]
path = "cases"

# The numeric goals of the work, shown on the progress page (/progress/) with
# the cases that count towards each: cases whose kind and level match `count`.
[[targets]]
label = {target}
count = {{ kind = "base", level = "district" }}
goal = 10
year = 2030
"#,
        host = label(langs, ("主办单位名称", "Name of the organisation")),
        contact = label(langs, ("联系电话或邮箱", "Telephone or e-mail")),
        target = label(
            langs,
            (
                "区级校企合作基地（示例目标）",
                "District-level school-enterprise cooperation bases (an example goal)"
            )
        ),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_in_one_language_has_labels_in_that_language_only() {
        let text = text(&["en".to_string()]);
        assert!(text.contains("default_language = \"en\""));
        assert!(!text.contains("zh = "), "{text}");
        assert!(text.parse::<toml::Table>().is_ok());
    }
}
