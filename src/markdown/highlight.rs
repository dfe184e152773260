//! Code highlighting with syntect, as CSS classes (`hl-…`), never inline styles.
//!
//! The syntax and theme sets are loaded once per process and shared by all
//! threads. An unknown language is shown as plain, escaped text.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn themes() -> &'static ThemeSet {
    static SET: OnceLock<ThemeSet> = OnceLock::new();
    SET.get_or_init(ThemeSet::load_defaults)
}

/// The names of the highlight themes, sorted.
pub fn theme_names() -> Vec<&'static str> {
    themes().themes.keys().map(String::as_str).collect()
}

/// The stylesheet for a theme's classes. The theme name was checked with the config.
pub fn css(theme: &str) -> String {
    let Some(theme) = themes().themes.get(theme) else {
        return String::new();
    };
    css_for_theme_with_class_style(theme, CLASS_STYLE).unwrap_or_default()
}

/// A fenced block's language token: `rust` of "rust,ignore" or "python {linenos}".
pub fn language_token(info: &str) -> &str {
    info.split([',', ' ', '{', '\t']).next().unwrap_or("").trim()
}

/// The `<pre>` element for a code block.
pub fn highlight(code: &str, language: &str) -> String {
    let set = syntaxes();
    let syntax = (!language.is_empty())
        .then(|| set.find_syntax_by_token(language))
        .flatten();
    let lang_attr = if language.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", escape_attr(language))
    };
    let inner = match syntax {
        Some(syntax) => {
            let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
            let mut ok = true;
            for line in LinesWithEndings::from(code) {
                if generator.parse_html_for_line_which_includes_newline(line).is_err() {
                    ok = false;
                    break;
                }
            }
            if ok { generator.finalize() } else { escape_text(code) }
        }
        None => escape_text(code),
    };
    format!("<pre class=\"hl-code\"{lang_attr}><code>{inner}</code></pre>\n")
}

pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    pulldown_cmark_escape::escape_html_body_text(&mut out, text).ok();
    out
}

pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_gets_classes() {
        let html = highlight("fn main() {}\n", "rust");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(html.starts_with("<pre class=\"hl-code\" data-lang=\"rust\">"));
    }

    #[test]
    fn unknown_language_is_plain_escaped_text() {
        let html = highlight("<b>x</b>\n", "no-such-language");
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<span"));
    }

    #[test]
    fn css_uses_prefixed_classes() {
        let css = css("InspiredGitHub");
        assert!(css.contains(".hl-"), "{css}");
    }
}
