//! How a shortcode template declares its arguments: a comment at its top.
//!
//! ```text
//! {#- shortcode
//!   src: file, required      -- a video file in the page's folder
//!   kind: one of note | important | warning
//!   body: markdown
//! -#}
//! ```
//!
//! One argument a line, `name: kind`, `, required` when it must be given, and
//! a description after `--`. The kinds: `text` (any text), `number` (a whole
//! number), `one of a | b` (one of the words), `link` (an address, as a
//! Markdown link or image takes it: a file beside the page, a page, a site path
//! or an https address), `file` (a file in the page's folder, nothing else),
//! `webvtt` (a captions file in the page's folder that starts as WebVTT does),
//! `csv` (a CSV file in the page's folder, read into `header` and `rows`).
//! `body: markdown` makes a shortcode that encloses Markdown and is closed by
//! `{{< /name >}}`; its template puts the rendered text where it writes `{{ body }}`.

/// What a template declares.
#[derive(Debug, Clone, PartialEq)]
pub struct Declaration {
    pub params: Vec<Param>,
    /// Takes a Markdown text and a closing `{{< /name >}}`.
    pub body: bool,
}

/// One argument.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub kind: Kind,
    pub required: bool,
}

/// What an argument's value must be.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text,
    Number,
    Choice(Vec<String>),
    Link,
    File,
    /// A WebVTT captions file in the page's folder.
    Webvtt,
    Csv,
}

impl Kind {
    /// How messages describe a value of this kind.
    pub fn describe(&self) -> crate::messages::Keyed {
        let kind = match self {
            Kind::Text => "text",
            Kind::Number => "number",
            Kind::Choice(words) => return crate::keyed!("shortcode-kind-choice", words = words.join(", ")),
            Kind::Link => "link",
            Kind::File => "file",
            Kind::Webvtt => "webvtt",
            Kind::Csv => "csv",
        };
        crate::keyed!("shortcode-kind", kind = kind)
    }
}

const KINDS: &str = "text, number, one of a | b, link, file, webvtt, csv";

/// The declaration at the top of the template `name`, or the line (1-based) of
/// the problem and what to write instead.
pub fn parse(name: &str, text: &str) -> Result<Declaration, (usize, String)> {
    let trimmed = text.trim_start();
    let skipped_lines = text[..text.len() - trimmed.len()].matches('\n').count();
    let header = trimmed
        .strip_prefix("{#")
        .map(|rest| rest.strip_prefix('-').unwrap_or(rest).trim_start())
        .and_then(|rest| rest.strip_prefix("shortcode"));
    let Some(header) = header else {
        return Err((
            1,
            format!(
                "the shortcode template {name}.html must start by declaring its arguments: {{#- shortcode\n  src: file, required\n-#}} (one argument a line; kinds: {KINDS})"
            ),
        ));
    };
    let Some(end) = header.find("#}") else {
        return Err((
            skipped_lines + 1,
            "the declaration comment is not closed: end it with -#}".into(),
        ));
    };
    let mut declaration = Declaration {
        params: Vec::new(),
        body: false,
    };
    for (i, raw) in header[..end].trim_end_matches('-').lines().enumerate() {
        let line = skipped_lines + 1 + i;
        let content = raw.split_once("--").map_or(raw, |(before, _)| before).trim();
        if content.is_empty() {
            continue;
        }
        let Some((key, spec)) = content.split_once(':') else {
            return Err((
                line,
                format!("write each argument as name: kind (kinds: {KINDS}), not \"{content}\""),
            ));
        };
        let key = key.trim();
        let valid = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !valid {
            return Err((
                line,
                format!("\"{key}\" cannot be an argument name: use letters, digits, _ and -"),
            ));
        }
        let mut parts = spec.split(',').map(str::trim);
        let kind_text = parts.next().unwrap_or("");
        let mut required = false;
        for extra in parts {
            match extra {
                "required" => required = true,
                other => {
                    return Err((
                        line,
                        format!("\"{other}\" after the kind of {key}: only \", required\" may follow"),
                    ));
                }
            }
        }
        if key == "body" {
            if kind_text != "markdown" {
                return Err((line, "body can only be declared as body: markdown".into()));
            }
            declaration.body = true;
            continue;
        }
        if matches!(key, "lang") {
            return Err((
                line,
                "lang is given to every shortcode template (the page's language); name the argument otherwise".into(),
            ));
        }
        let kind = match kind_text {
            "text" => Kind::Text,
            "number" => Kind::Number,
            "link" => Kind::Link,
            "file" => Kind::File,
            "webvtt" => Kind::Webvtt,
            "csv" => Kind::Csv,
            other => match other.strip_prefix("one of") {
                Some(words) => {
                    let words: Vec<String> = words
                        .split('|')
                        .map(|w| w.trim().to_string())
                        .filter(|w| !w.is_empty())
                        .collect();
                    if words.is_empty() {
                        return Err((line, format!("{key}: list the words after \"one of\", separated by |")));
                    }
                    Kind::Choice(words)
                }
                None => {
                    return Err((
                        line,
                        format!("{key} has the unknown kind \"{other}\"; the kinds are {KINDS}"),
                    ));
                }
            },
        };
        if declaration.params.iter().any(|p| p.name == key) {
            return Err((line, format!("{key} is declared twice")));
        }
        declaration.params.push(Param {
            name: key.to_string(),
            kind,
            required,
        });
    }
    Ok(declaration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_header() {
        let d = parse(
            "x",
            "{#- shortcode\n  src: file, required -- the file\n  kind: one of note | warning\n  body: markdown\n-#}\n<p>",
        )
        .unwrap();
        assert!(d.body);
        assert_eq!(
            d.params[0],
            Param {
                name: "src".into(),
                kind: Kind::File,
                required: true
            }
        );
        assert_eq!(d.params[1].kind, Kind::Choice(vec!["note".into(), "warning".into()]));
    }

    #[test]
    fn problems_have_lines() {
        assert_eq!(parse("x", "<p>").unwrap_err().0, 1);
        let (line, message) = parse("x", "{# shortcode\n a: text\n b: colour\n#}").unwrap_err();
        assert_eq!(line, 3);
        assert!(message.contains("unknown kind"), "{message}");
    }
}
