//! Finding shortcodes in a page's Markdown.
//!
//! A shortcode is written `{{< name key="value" … >}}` on a line of its own; one
//! that takes a text is closed by `{{< /name >}}`, the text between being
//! Markdown. Steps: [`code_ranges`] finds the code blocks and inline code of the
//! Markdown (a shortcode written there is shown as written); [`find`] reads
//! every other `{{<` into a [`Tag`], or a [`SyntaxError`] naming the fix.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag as MdTag};

/// How a shortcode starts and ends.
pub const OPEN: &str = "{{<";
pub const CLOSE: &str = ">}}";

/// One shortcode as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag<'a> {
    /// Byte range in the text, from `{{<` to the end of `>}}`.
    pub span: Range<usize>,
    pub name: &'a str,
    /// `{{< /name >}}`: the end of a shortcode's text.
    pub closing: bool,
    pub args: Vec<Arg>,
}

/// One `key="value"` of a shortcode.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub key: String,
    /// Where the key starts (byte offset in the text).
    pub at: usize,
    pub value: String,
}

/// A `{{<` that is not a well-written shortcode.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: crate::messages::Keyed,
}

/// The byte ranges of the code blocks and inline code of a Markdown text.
pub fn code_ranges(text: &str, options: Options) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(MdTag::CodeBlock(_)) | Event::Code(_) => ranges.push(range),
            _ => {}
        }
    }
    ranges
}

/// Every shortcode of `text` outside the `code` ranges, in order, and the
/// `{{<` that could not be read.
pub fn find<'a>(text: &'a str, code: &[Range<usize>]) -> (Vec<Tag<'a>>, Vec<SyntaxError>) {
    let mut tags = Vec::new();
    let mut errors = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(OPEN) {
        let start = from + i;
        if let Some(range) = code.iter().find(|r| r.contains(&start)) {
            from = range.end.max(start + OPEN.len());
            continue;
        }
        match read_tag(text, start) {
            Ok(tag) => {
                from = tag.span.end;
                if let Err(e) = on_own_line(text, &tag) {
                    errors.push(e);
                }
                tags.push(tag);
            }
            Err(e) => {
                errors.push(e);
                from = start + OPEN.len();
            }
        }
    }
    (tags, errors)
}

/// Reads the shortcode that starts at `start`.
fn read_tag(text: &str, start: usize) -> Result<Tag<'_>, SyntaxError> {
    let mut at = skip_space(text, start + OPEN.len());
    let closing = text[at..].starts_with('/');
    if closing {
        at = skip_space(text, at + 1);
    }
    let name_end = word_end(text, at);
    let name = &text[at..name_end];
    if name.is_empty() {
        return Err(SyntaxError {
            at: start,
            message: crate::keyed!("shortcode-no-name"),
        });
    }
    at = name_end;
    let mut args: Vec<Arg> = Vec::new();
    loop {
        let before_space = at;
        at = skip_space(text, at);
        if text[at..].starts_with(CLOSE) {
            break;
        }
        if at >= text.len() || text[at..].starts_with(OPEN) {
            return Err(SyntaxError {
                at: start,
                message: crate::keyed!("shortcode-not-closed", name = name),
            });
        }
        if closing {
            return Err(SyntaxError {
                at,
                message: crate::keyed!("shortcode-end-arguments", name = name),
            });
        }
        let key_end = word_end(text, at);
        if key_end == at || at == before_space {
            let found = text[at..].chars().next().unwrap_or(' ');
            return Err(SyntaxError {
                at,
                message: crate::keyed!("shortcode-unexpected", found = found.to_string(), name = name),
            });
        }
        let key = text[at..key_end].to_string();
        let key_at = at;
        at = skip_space(text, key_end);
        if !text[at..].starts_with('=') {
            return Err(SyntaxError {
                at: key_at,
                message: crate::keyed!("shortcode-no-value", key = &key, name = name),
            });
        }
        at = skip_space(text, at + 1);
        let (value, end) = read_value(text, at, &key)?;
        if args.iter().any(|a| a.key == key) {
            return Err(SyntaxError {
                at: key_at,
                message: crate::keyed!("shortcode-twice", key = &key, name = name),
            });
        }
        args.push(Arg { key, at: key_at, value });
        at = end;
    }
    Ok(Tag {
        span: start..at + CLOSE.len(),
        name,
        closing,
        args,
    })
}

/// A value in straight double quotes (`\"` and `\\` inside), and where it ends.
fn read_value(text: &str, at: usize, key: &str) -> Result<(String, usize), SyntaxError> {
    let mut chars = text[at..].char_indices();
    match chars.next() {
        Some((_, '"')) => {}
        Some((_, '“' | '”' | '＂' | '「' | '」')) => {
            return Err(SyntaxError {
                at,
                message: crate::keyed!("shortcode-chinese-quotes", key = key),
            });
        }
        _ => {
            return Err(SyntaxError {
                at,
                message: crate::keyed!("shortcode-quote-value", key = key),
            });
        }
    }
    let mut value = String::new();
    let mut escaped = false;
    for (i, c) in chars {
        match c {
            _ if escaped => {
                value.push(c);
                escaped = false;
            }
            '\\' => escaped = true,
            '"' => return Ok((value, at + i + 1)),
            _ => value.push(c),
        }
    }
    Err(SyntaxError {
        at,
        message: crate::keyed!("shortcode-unclosed-value", key = key),
    })
}

/// A shortcode stands on a line of its own (a quote's `>` may come before it).
fn on_own_line(text: &str, tag: &Tag<'_>) -> Result<(), SyntaxError> {
    let line_start = text[..tag.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before_ok = text[line_start..tag.span.start]
        .chars()
        .all(|c| c.is_whitespace() || c == '>');
    let rest = &text[tag.span.end..];
    let after_ok = rest[..rest.find('\n').unwrap_or(rest.len())].trim().is_empty();
    if before_ok && after_ok {
        return Ok(());
    }
    let shown = if tag.closing {
        format!("{{{{< /{} >}}}}", tag.name)
    } else {
        format!("{{{{< {} … >}}}}", tag.name)
    };
    Err(SyntaxError {
        at: tag.span.start,
        message: crate::keyed!("shortcode-own-line", shown = shown),
    })
}

fn skip_space(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i)
}

fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> (Vec<Tag<'_>>, Vec<SyntaxError>) {
        find(text, &code_ranges(text, Options::empty()))
    }

    #[test]
    fn reads_names_arguments_and_closing_tags() {
        let text = "a\n\n{{< callout kind=\"note\"\n  title=\"say \\\"hi\\\"\" >}}\nbody\n{{< /callout >}}\n";
        let (found, errors) = tags(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "callout");
        assert_eq!(found[0].args[1].value, "say \"hi\"");
        assert_eq!(&text[found[0].span.clone()][..3], "{{<");
        assert!(found[1].closing);
    }

    #[test]
    fn code_is_left_alone() {
        let text = "`{{< figure >}}` and\n\n```\n{{< video src=\"a\" >}}\n```\n\n    {{< x >}}\n";
        let (found, errors) = tags(text);
        assert!(found.is_empty() && errors.is_empty(), "{found:?} {errors:?}");
    }

    #[test]
    fn mistakes_name_their_fix() {
        let (_, errors) = tags("{{< figure src=a.jpg >}}\n");
        assert!(errors[0].message.english().contains("double quotes"), "{errors:?}");
        let (_, errors) = tags("{{< figure src=“a.jpg” >}}\n");
        assert!(
            errors[0].message.english().contains("Chinese quotation marks"),
            "{errors:?}"
        );
        let (_, errors) = tags("text {{< figure src=\"a\" >}}\n");
        assert!(errors[0].message.english().contains("line of its own"), "{errors:?}");
        let (_, errors) = tags("{{< figure src=\"a\"\n");
        assert!(errors[0].message.english().contains("not closed"), "{errors:?}");
        let (_, errors) = tags("{{< figure src=\"a\" src=\"b\" >}}\n");
        assert!(errors[0].message.english().contains("twice"), "{errors:?}");
    }
}
