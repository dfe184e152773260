//! Archetypes: the text `showcase new case` writes into each language's file.
//!
//! The built-in archetype is a draft with a placeholder title, today's date,
//! the kind, an empty list for every other taxonomy, and the standard outline
//! of a typical case (基本情况 / 主要做法 / 取得成效 / 经验启示 in Chinese,
//! Background / Approach / Results / Lessons in English; other languages get
//! the English one). A site replaces it with its own `archetypes/case.md`
//! (default language) and `archetypes/case.<lang>.md`, in which [`fill`]
//! replaces the placeholders listed in [`PLACEHOLDERS`].

use crate::content::front_matter::Problem;
use crate::diagnostics::{line_col, suggestion};

/// What an archetype's placeholders stand for, in one language.
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    /// The placeholder title of the language, which the author must replace.
    pub title: &'a str,
    /// Today, YYYY-MM-DD.
    pub date: &'a str,
    /// The kind's term key, or "" when the site has no kind taxonomy.
    pub kind: &'a str,
    /// The name given on the command line, and the file name made from it.
    pub name: &'a str,
    pub slug: &'a str,
    /// The section's folder in content/: `enterprises`.
    pub section: &'a str,
    /// The language code of the file: `zh`, `en`.
    pub lang: &'a str,
    /// The site's taxonomies other than `kind`, written as empty lists to fill in.
    pub taxonomies: &'a [&'a str],
}

/// The placeholders a site's archetype may use, as `{{title}}` or `{{ title }}`.
pub const PLACEHOLDERS: &[&str] = &["title", "date", "kind", "name", "slug", "section", "lang"];

/// The standard outline of a case in Chinese: each heading and the hint that
/// stands for its text until the author writes it.
pub const OUTLINE_ZH: &[(&str, &str)] = &[
    ("基本情况", "（单位概况，以及参与产教融合的背景。）"),
    ("主要做法", "（合作院校和企业、具体举措、责任部门。）"),
    ("取得成效", "（已经取得的成效；只写有据可查的事实和数字。）"),
    ("经验启示", "（可复制、可推广的经验。）"),
];

/// The standard outline of a case in English (and other languages).
pub const OUTLINE_EN: &[(&str, &str)] = &[
    (
        "Background",
        "(Who the organisation is, and why it takes part in industry-education integration.)",
    ),
    (
        "Approach",
        "(Its partners, what they do together, and the responsible departments.)",
    ),
    (
        "Results",
        "(What has been achieved, with facts and figures that can be checked.)",
    ),
    ("Lessons", "(What others can learn from it.)"),
];

/// The built-in archetype for a language.
pub fn builtin(fields: &Fields<'_>) -> String {
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", fields.title));
    text.push_str("summary:\n");
    text.push_str(&format!("date: {}\n", fields.date));
    if !fields.kind.is_empty() {
        text.push_str(&format!("kind: {}\n", fields.kind));
    }
    for taxonomy in fields.taxonomies {
        text.push_str(&format!("{taxonomy}: []\n"));
    }
    text.push_str("organisation:\ndraft: true\n---\n");
    let outline = if fields.lang.split('-').next() == Some("zh") {
        OUTLINE_ZH
    } else {
        OUTLINE_EN
    };
    for (heading, hint) in outline {
        text.push_str(&format!("\n## {heading}\n\n{hint}\n"));
    }
    text
}

/// Replaces the placeholders of a site's archetype. An unknown placeholder is a
/// problem at its line and column, with the known ones.
pub fn fill(template: &str, fields: &Fields<'_>) -> Result<String, Problem> {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let name = rest[start + 2..start + len].trim();
        let value = match name {
            "title" => fields.title,
            "date" => fields.date,
            "kind" => fields.kind,
            "name" => fields.name,
            "slug" => fields.slug,
            "section" => fields.section,
            "lang" => fields.lang,
            _ => {
                let offset = template.len() - rest.len() + start;
                let (line, col) = line_col(template, offset);
                return Err(Problem {
                    line,
                    col,
                    rule: "archetype",
                    keyed: None,
                    message: format!(
                        "unknown placeholder {{{{{name}}}}}{}; the placeholders are {}",
                        suggestion(name, PLACEHOLDERS.iter().copied()),
                        PLACEHOLDERS
                            .iter()
                            .map(|p| format!("{{{{{p}}}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
        };
        out.push_str(&rest[..start]);
        out.push_str(value);
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(lang: &'static str) -> Fields<'static> {
        Fields {
            title: "（请填写标题）",
            date: "2025-03-01",
            kind: "enterprise",
            name: "喜马拉雅",
            slug: "xi-ma-la-ya",
            section: "enterprises",
            lang,
            taxonomies: &["industry", "partner"],
        }
    }

    #[test]
    fn the_builtin_outline_in_each_language() {
        let zh = builtin(&fields("zh"));
        assert!(zh.starts_with(
            "---\ntitle: （请填写标题）\nsummary:\ndate: 2025-03-01\nkind: enterprise\nindustry: []\npartner: []\norganisation:\ndraft: true\n---\n"
        ));
        let headings: Vec<&str> = zh.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(headings, ["## 基本情况", "## 主要做法", "## 取得成效", "## 经验启示"]);
        let en = builtin(&fields("en"));
        let headings: Vec<&str> = en.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(headings, ["## Background", "## Approach", "## Results", "## Lessons"]);
        let no_kind = builtin(&Fields {
            kind: "",
            ..fields("en")
        });
        assert!(!no_kind.contains("kind:"));
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_named() {
        let text = fill(
            "---\ntitle: {{title}}\ndate: {{ date }}\n---\n# {{name}} ({{kind}}, {{lang}})\n",
            &fields("zh"),
        )
        .unwrap();
        assert_eq!(
            text,
            "---\ntitle: （请填写标题）\ndate: 2025-03-01\n---\n# 喜马拉雅 (enterprise, zh)\n"
        );
        let e = fill("---\ntitle: {{titel}}\n---\n", &fields("zh")).unwrap_err();
        assert_eq!((e.line, e.col), (2, 8));
        assert!(e.message.contains("did you mean \"title\"?"), "{}", e.message);
        // Text without placeholders, or with an unclosed {{, is kept as it is.
        assert_eq!(fill("a {{ b", &fields("zh")).unwrap(), "a {{ b");
    }
}
