//! Editorial checks: punctuation a publicity office must get right, and the
//! site's glossary. Pure functions over text; `showcase check` reports their
//! findings as warnings, `showcase status --lint` lists them.
//!
//! Steps: collect the prose of a file as runs of characters with their byte
//! offsets — the Markdown text of each block (code blocks, inline code and raw
//! HTML left out, autolinks and bare URLs masked) and the single-line values
//! of `title`, `summary` and `organisation` — then run the rules of the
//! file's language over each run:
//!
//! - Chinese text: ASCII `--` or `...` where `——` or `……` is meant
//!   ([`ZH_DASH`], [`ZH_ELLIPSIS`]), ASCII `, . : ; ? !` after a Chinese
//!   character ([`ZH_PUNCTUATION`]), full-width Latin letters or digits
//!   ([`ZH_FULL_WIDTH`]), corner brackets `「」` where mainland quotation
//!   marks `“”` are meant ([`ZH_CORNER_QUOTES`]);
//! - other text: Chinese punctuation outside quoted Chinese
//!   ([`CHINESE_PUNCTUATION`]), a hyphen in a range of numbers where an en
//!   dash is meant ([`RANGE_HYPHEN`]), straight quotes in front matter values,
//!   which are shown as written ([`STRAIGHT_QUOTES`]; the Markdown text gets
//!   typographic quotes when rendered), and renderings of glossary terms that
//!   site.toml's `[glossary]` says to avoid ([`GLOSSARY`]), unless they are
//!   part of one of the glossary's own renderings.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::config::Config;
use crate::content::Doc;
use crate::diagnostics::LineIndex;
use crate::keyed;
use crate::messages::Keyed;
use crate::text::{is_cjk_char, is_han};

/// ASCII `--` in Chinese text.
pub const ZH_DASH: &str = "zh-ascii-dash";
/// ASCII `...` (or `。。。`) in Chinese text.
pub const ZH_ELLIPSIS: &str = "zh-ascii-ellipsis";
/// ASCII `, . : ; ? !` after a Chinese character.
pub const ZH_PUNCTUATION: &str = "zh-ascii-punctuation";
/// Full-width Latin letters or digits in Chinese text.
pub const ZH_FULL_WIDTH: &str = "zh-full-width-alphanumeric";
/// Corner brackets `「」『』` in Chinese text, where mainland usage has `“”` and `‘’`.
pub const ZH_CORNER_QUOTES: &str = "zh-corner-quotes";
/// A hyphen between two numbers of a range (`5-6`) in text that is not Chinese.
pub const RANGE_HYPHEN: &str = "range-hyphen";
/// Straight quotes or apostrophes in a front matter value of text that is not Chinese.
pub const STRAIGHT_QUOTES: &str = "straight-quotes";
/// Chinese punctuation in text of another language.
pub const CHINESE_PUNCTUATION: &str = "chinese-punctuation";
/// A rendering of a glossary term that site.toml says to avoid.
pub const GLOSSARY: &str = "glossary";

/// One finding: where, which rule, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line of the file.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    pub rule: &'static str,
    pub message: Keyed,
}

/// What the rules need to know about a text's language.
#[derive(Debug, Clone, Default)]
pub struct Style<'a> {
    /// Chinese (CJK) text: the Chinese rules; otherwise the rules for other languages.
    pub cjk: bool,
    /// Glossary terms of this language: (term, the site's rendering, variants to avoid).
    pub glossary: Vec<(&'a str, &'a str, &'a [String])>,
}

impl<'a> Style<'a> {
    /// The rules for a language of the site.
    pub fn for_language(config: &'a Config, lang: usize) -> Style<'a> {
        Style {
            cjk: config.languages[lang].is_cjk(),
            glossary: config
                .glossary
                .iter()
                .filter_map(|e| {
                    let rendering = e.renderings.get(lang)?.as_deref()?;
                    Some((e.term.as_str(), rendering, e.avoid.as_slice()))
                })
                .collect(),
        }
    }
}

/// Checks a file of the library: its front matter's prose and its Markdown.
pub fn lint_doc(config: &Config, doc: &Doc) -> Vec<Finding> {
    let style = Style::for_language(config, doc.lang);
    let mut findings = lint_front_matter(&doc.yaml, doc.yaml_line, &style);
    findings.extend(lint_markdown(&doc.body, doc.body_line, &style));
    findings
}

/// Checks the values of `title`, `summary`, `organisation` and `source`, and the
/// `label` and `value` of highlights, written on one line. The quotes around a
/// quoted YAML value are not part of it. `first_line` is the line of the file
/// the YAML starts on.
pub fn lint_front_matter(yaml: &str, first_line: usize, style: &Style<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lines = LineIndex::new(yaml);
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let top = matches!(key, "title" | "summary" | "organisation" | "source");
        let highlight = key.trim_start().trim_start_matches("- ").trim_start();
        let highlight = key.starts_with(' ') && matches!(highlight, "label" | "value");
        if !top && !highlight {
            continue;
        }
        let value_start = start + key.len() + 1;
        let trimmed = value.trim_start();
        if trimmed.starts_with(['|', '>', '{', '[']) {
            continue;
        }
        let lead = value.len() - trimmed.len();
        let mut text = trimmed.trim_end();
        let mut skip = 0;
        // A quoted scalar: its quotes are YAML's, not the text's.
        for q in ['"', '\''] {
            if text.len() >= 2 && text.starts_with(q) && text.ends_with(q) {
                text = &text[1..text.len() - 1];
                skip = 1;
            }
        }
        let run: Vec<(char, usize)> = text
            .char_indices()
            .map(|(i, c)| (c, value_start + lead + skip + i))
            .collect();
        findings.extend(check_run(&run, style, &lines, first_line, true));
    }
    findings
}

/// Checks the prose of a Markdown body. `first_line` is the line of the file it starts on.
pub fn lint_markdown(body: &str, first_line: usize, style: &Style<'_>) -> Vec<Finding> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut findings = Vec::new();
    let mut run: Vec<(char, usize)> = Vec::new();
    let mut in_code = false;
    let mut in_autolink = false;
    let lines = LineIndex::new(body);
    let mut flush = |run: &mut Vec<(char, usize)>| {
        findings.extend(check_run(run, style, &lines, first_line, false));
        run.clear();
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut run);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { link_type, .. }) => {
                in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
            }
            Event::End(TagEnd::Link) => in_autolink = false,
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript,
            )
            | Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript,
            )
            | Event::TaskListMarker(_) => {}
            Event::Start(_) | Event::End(_) | Event::Rule => flush(&mut run),
            Event::Text(_) if in_code => {}
            Event::Text(_) if in_autolink => run.push((OPAQUE, range.start)),
            Event::Text(text) => {
                let source = &body[range.clone()];
                if source == text.as_ref() {
                    run.extend(text.char_indices().map(|(i, c)| (c, range.start + i)));
                } else {
                    // An escape or entity: the text differs from the source; point at its start.
                    run.extend(text.chars().map(|c| (c, range.start)));
                }
            }
            Event::SoftBreak | Event::HardBreak => run.push(('\n', range.start)),
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => run.push((OPAQUE, range.start)),
        }
    }
    flush(&mut run);
    findings
}

/// Stands for what is not prose (inline code, a URL): neither Chinese nor a letter.
const OPAQUE: char = '\u{FFFC}';

/// Runs the rules of a style over one run of prose; offsets are into the text of
/// `lines`, which starts on line `first_line` of the file. `front_matter`: the run
/// is a front matter value, shown as written (no typographic quotes).
fn check_run(
    run: &[(char, usize)],
    style: &Style<'_>,
    lines: &LineIndex<'_>,
    first_line: usize,
    front_matter: bool,
) -> Vec<Finding> {
    if run.is_empty() {
        return Vec::new();
    }
    let mut chars: Vec<char> = run.iter().map(|(c, _)| *c).collect();
    mask_urls(&mut chars);
    let mut hits: Vec<(usize, &'static str, Keyed)> = Vec::new();
    if style.cjk {
        chinese_rules(&chars, &mut hits);
    } else {
        chinese_punctuation(&chars, &mut hits);
        range_hyphens(&chars, &mut hits);
        if front_matter {
            straight_quotes(&chars, &mut hits);
        }
        // Where the site's own renderings stand: a variant inside one is not a finding
        // ("tech finance" in "sci-tech finance").
        let own: Vec<(usize, usize)> = style
            .glossary
            .iter()
            .flat_map(|(_, rendering, _)| find_phrase(&chars, rendering, false))
            .collect();
        for (term, rendering, avoid) in &style.glossary {
            for variant in avoid.iter() {
                for (at, _) in find_phrase(&chars, variant, true) {
                    if own.iter().any(|&(start, end)| start <= at && at < end) {
                        continue;
                    }
                    hits.push((
                        at,
                        GLOSSARY,
                        keyed!(
                            "lint-glossary",
                            variant = variant.as_str(),
                            term = term,
                            rendering = rendering
                        ),
                    ));
                }
            }
        }
        hits.sort_by_key(|h| h.0);
    }
    hits.into_iter()
        .map(|(i, rule, message)| {
            let (line, col) = lines.line_col(run[i].1);
            Finding {
                line: first_line + line - 1,
                col,
                rule,
                message,
            }
        })
        .collect()
}

/// Replaces `http://…`, `https://…` and `www.…` up to a space or a Chinese character with [`OPAQUE`].
fn mask_urls(chars: &mut [char]) {
    fn starts(chars: &[char], i: usize, prefix: &str) -> bool {
        prefix
            .chars()
            .enumerate()
            .all(|(k, p)| chars.get(i + k).is_some_and(|c| c.eq_ignore_ascii_case(&p)))
    }
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if boundary && ["http://", "https://", "www."].iter().any(|p| starts(chars, i, p)) {
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !is_cjk_char(chars[i])
                && !matches!(chars[i], '<' | '>' | '"')
            {
                chars[i] = OPAQUE;
                i += 1;
            }
        } else {
            i += 1;
        }
    }
}

fn prev_visible(chars: &[char], i: usize) -> Option<char> {
    chars[..i].iter().rev().copied().find(|c| *c != ' ')
}

fn next_visible(chars: &[char], i: usize) -> Option<char> {
    chars.get(i..)?.iter().copied().find(|c| *c != ' ')
}

fn chinese_rules(chars: &[char], hits: &mut Vec<(usize, &'static str, Keyed)>) {
    let near_chinese = |start: usize, end: usize| {
        prev_visible(chars, start).is_some_and(is_cjk_char) || next_visible(chars, end).is_some_and(is_cjk_char)
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end = i + chars[i..].iter().take_while(|&&d| d == c).count();
        let len = end - i;
        match c {
            '-' if len >= 2 && near_chinese(i, end) => {
                hits.push((i, ZH_DASH, keyed!("lint-zh-dash", written = "-".repeat(len))))
            }
            '.' | '。' if len >= 3 && (c == '。' || near_chinese(i, end)) => hits.push((
                i,
                ZH_ELLIPSIS,
                keyed!("lint-zh-ellipsis", written = c.to_string().repeat(len)),
            )),
            ',' | '.' | ':' | ';' | '?' | '!' if (c != '.' || len == 1) => {
                let after = next_visible(chars, end);
                if prev_visible(chars, i).is_some_and(is_han) && after.is_none_or(|a| is_cjk_char(a) || a == '\n') {
                    let wide = char::from_u32(c as u32 + 0xFEE0).unwrap_or(c);
                    let wide = if c == '.' { '。' } else { wide };
                    hits.push((
                        i,
                        ZH_PUNCTUATION,
                        keyed!(
                            "lint-zh-punctuation",
                            written = c.to_string(),
                            instead = wide.to_string()
                        ),
                    ));
                }
            }
            '「' | '」' | '『' | '』' => {
                let instead = match c {
                    '「' => '“',
                    '」' => '”',
                    '『' => '‘',
                    _ => '’',
                };
                hits.push((
                    i,
                    ZH_CORNER_QUOTES,
                    keyed!(
                        "lint-zh-corner-quotes",
                        written = c.to_string(),
                        instead = instead.to_string()
                    ),
                ));
                i += 1;
                continue;
            }
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                let run_end = i + chars[i..]
                    .iter()
                    .take_while(
                        |d| matches!(d, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}'),
                    )
                    .count();
                let wide: String = chars[i..run_end].iter().collect();
                let narrow: String = chars[i..run_end]
                    .iter()
                    .map(|d| char::from_u32(*d as u32 - 0xFEE0).unwrap_or(*d))
                    .collect();
                hits.push((
                    i,
                    ZH_FULL_WIDTH,
                    keyed!("lint-zh-full-width", written = wide, instead = narrow),
                ));
                i = run_end;
                continue;
            }
            _ => {}
        }
        i = end;
    }
}

/// Chinese punctuation in another language's text, unless it stands beside Chinese characters
/// (a quoted Chinese name or title).
fn chinese_punctuation(chars: &[char], hits: &mut Vec<(usize, &'static str, Keyed)>) {
    for (i, &c) in chars.iter().enumerate() {
        let instead = match c {
            '，' | '、' => ",",
            '。' => ".",
            '：' => ":",
            '；' => ";",
            '？' => "?",
            '！' => "!",
            '（' => "(",
            '）' => ")",
            '《' | '》' | '「' | '」' | '『' | '』' | '〈' | '〉' => "quotation marks or italics",
            '【' | '】' => "[ ]",
            '～' => "~ or –",
            _ => continue,
        };
        let chinese_beside =
            prev_visible(chars, i).is_some_and(is_han) || next_visible(chars, i + 1).is_some_and(is_han);
        if !chinese_beside {
            let message = match instead {
                "quotation marks or italics" => keyed!("lint-chinese-brackets", written = c.to_string()),
                one if one.len() == 1 => {
                    keyed!(
                        "lint-chinese-punctuation",
                        written = c.to_string(),
                        instead = format!("\"{one}\"")
                    )
                }
                several => keyed!("lint-chinese-punctuation", written = c.to_string(), instead = several),
            };
            hits.push((i, CHINESE_PUNCTUATION, message));
        }
    }
}

/// A hyphen between two numbers of a range (`5-6`, `2021-2025`): one to four digits on
/// each side, not part of a longer chain (`2021-01-12`), a decimal, a word (`COVID-19`)
/// or a code (`GB/T 37668-2019`).
fn range_hyphens(chars: &[char], hits: &mut Vec<(usize, &'static str, Keyed)>) {
    let digits_back = |i: usize| chars[..i].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let digits_on = |i: usize| chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    // A letter, hyphen or underscore joins the number to a word; a point, slash or
    // colon only when a digit stands beyond it (a decimal, 1/2, a time), not at the
    // end of a sentence.
    let joins = |at: Option<usize>, beyond: Option<usize>| {
        at.and_then(|i| chars.get(i)).is_some_and(|&c| {
            c.is_alphanumeric()
                || matches!(c, '-' | '_')
                || (matches!(c, '.' | '/' | ':') && beyond.and_then(|b| chars.get(b)).is_some_and(char::is_ascii_digit))
        })
    };
    for (i, &c) in chars.iter().enumerate() {
        if c != '-' {
            continue;
        }
        let (left, right) = (digits_back(i), digits_on(i + 1));
        if !(1..=4).contains(&left) || !(1..=4).contains(&right) {
            continue;
        }
        let before = (i - left).checked_sub(1);
        let after = i + 1 + right;
        // A code such as "GB/T 37668-2019": letters and a space before the number.
        let code = before.is_some_and(|b| chars[b] == ' ') && i - left >= 2 && chars[i - left - 2].is_ascii_uppercase();
        if joins(before, before.and_then(|b| b.checked_sub(1))) || joins(Some(after), Some(after + 1)) || code {
            continue;
        }
        let range: String = chars[i - left..i + 1 + right].iter().collect();
        hits.push((
            i,
            RANGE_HYPHEN,
            keyed!("lint-range-hyphen", instead = range.replace('-', "–"), range = range),
        ));
    }
}

/// Straight quotes and apostrophes, which a front matter value shows as written.
fn straight_quotes(chars: &[char], hits: &mut Vec<(usize, &'static str, Keyed)>) {
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '"' && c != '\'' {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let opening = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '“' | '‘'));
        let instead = match (c, opening) {
            ('"', true) => "“",
            ('"', false) => "”",
            ('\'', true) => "‘",
            _ => "’",
        };
        let what = if c == '\'' && !opening {
            "apostrophe"
        } else {
            "quotation mark"
        };
        hits.push((
            i,
            STRAIGHT_QUOTES,
            keyed!(
                "lint-straight-quote",
                what = what,
                written = c.to_string(),
                instead = instead
            ),
        ));
        // YAML's '' is one apostrophe.
        i += if c == '\'' && chars.get(i + 1) == Some(&'\'') {
            2
        } else {
            1
        };
    }
}

/// Where `phrase` occurs in `chars`, ignoring case and treating any run of spaces and
/// line breaks as one space: the start and end of each occurrence. It starts at a word
/// boundary; with `whole_words`, it ends at one too.
fn find_phrase(chars: &[char], phrase: &str, whole_words: bool) -> Vec<(usize, usize)> {
    let words: Vec<Vec<char>> = phrase
        .split_whitespace()
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let lower: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let mut found = Vec::new();
    for start in 0..lower.len() {
        if start > 0 && lower[start - 1].is_alphanumeric() {
            continue;
        }
        let mut at = start;
        let mut matched = true;
        for (w, word) in words.iter().enumerate() {
            if w > 0 {
                let spaces = lower[at..].iter().take_while(|c| c.is_whitespace()).count();
                if spaces == 0 {
                    matched = false;
                    break;
                }
                at += spaces;
            }
            if lower.len() < at + word.len() || lower[at..at + word.len()] != word[..] {
                matched = false;
                break;
            }
            at += word.len();
        }
        if matched && !(whole_words && lower.get(at).is_some_and(|c| c.is_alphanumeric())) {
            found.push((start, at));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh() -> Style<'static> {
        Style {
            cjk: true,
            glossary: Vec::new(),
        }
    }

    fn en() -> Style<'static> {
        static AVOID: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let avoid = AVOID.get_or_init(|| vec!["integration of industry and education".to_string()]);
        Style {
            cjk: false,
            glossary: vec![("产教融合", "industry-education integration", avoid.as_slice())],
        }
    }

    fn rules(findings: &[Finding]) -> Vec<(&'static str, usize, usize)> {
        findings.iter().map(|f| (f.rule, f.line, f.col)).collect()
    }

    #[test]
    fn chinese_dash() {
        let f = lint_markdown("产教融合--这是重点。\n", 5, &zh());
        assert_eq!(rules(&f), [(ZH_DASH, 5, 5)]);
        assert!(f[0].message.english().contains("\"——\""), "{}", f[0].message.english());
        assert!(lint_markdown("产教融合——这是重点。2021--2025 年。\n", 1, &zh()).is_empty());
    }

    #[test]
    fn chinese_ellipsis() {
        let f = lint_markdown("企业、院校...等等。还有。。。\n", 1, &zh());
        assert_eq!(rules(&f), [(ZH_ELLIPSIS, 1, 6), (ZH_ELLIPSIS, 1, 14)]);
        assert!(lint_markdown("企业、院校……等等。see v1.2...\n", 1, &zh()).is_empty());
    }

    #[test]
    fn ascii_punctuation_after_chinese() {
        let f = lint_markdown("喜马拉雅,上海电科所:示范作用.\n\n这是什么?真的!\n", 1, &zh());
        assert_eq!(
            rules(&f),
            [
                (ZH_PUNCTUATION, 1, 5),
                (ZH_PUNCTUATION, 1, 11),
                (ZH_PUNCTUATION, 1, 16),
                (ZH_PUNCTUATION, 3, 5),
                (ZH_PUNCTUATION, 3, 8),
            ]
        );
        assert!(
            f[0].message.english().ends_with("write \"，\""),
            "{}",
            f[0].message.english()
        );
        assert!(
            f[2].message.english().ends_with("write \"。\""),
            "{}",
            f[2].message.english()
        );
        // Decimals, English inside Chinese text and correct punctuation stay quiet.
        let quiet = "喜马拉雅，上海电科所：示范作用。增长3.5倍，见 SEARI, Shanghai.\n";
        assert!(
            lint_markdown(quiet, 1, &zh()).is_empty(),
            "{:?}",
            lint_markdown(quiet, 1, &zh())
        );
    }

    #[test]
    fn full_width_letters_and_digits() {
        let f = lint_markdown("到２０２５年建成ＡＩ平台。\n", 1, &zh());
        assert_eq!(rules(&f), [(ZH_FULL_WIDTH, 1, 2), (ZH_FULL_WIDTH, 1, 9)]);
        assert!(
            f[0].message.english().contains("write \"2025\""),
            "{}",
            f[0].message.english()
        );
        assert!(lint_markdown("到2025年建成AI平台。\n", 1, &zh()).is_empty());
    }

    #[test]
    fn chinese_punctuation_in_english() {
        let f = lint_markdown("The plan names two firms，Ximalaya and SEARI。\n", 1, &en());
        assert_eq!(rules(&f), [(CHINESE_PUNCTUATION, 1, 25), (CHINESE_PUNCTUATION, 1, 44)]);
        assert!(
            f[0].message.english().ends_with("write \",\""),
            "{}",
            f[0].message.english()
        );
        // Quoted Chinese keeps its punctuation.
        let quiet = "The plan (普陀区深化推进产教融合行动方案，2021) names them. It’s “quoted”.\n";
        assert!(
            lint_markdown(quiet, 1, &en()).is_empty(),
            "{:?}",
            lint_markdown(quiet, 1, &en())
        );
    }

    #[test]
    fn glossary_variants_in_english() {
        let text = "It deepens the Integration of Industry\nand Education in Putuo.\n";
        let f = lint_markdown(text, 10, &en());
        assert_eq!(rules(&f), [(GLOSSARY, 10, 16)]);
        assert_eq!(
            f[0].message.english(),
            "\"integration of industry and education\" is not how this site renders 产教融合; write \"industry-education integration\""
        );
        let quiet = "It deepens industry-education integration; disintegration of industry and educationalists.\n";
        assert!(lint_markdown(quiet, 1, &en()).is_empty());
    }

    #[test]
    fn corner_brackets_in_chinese() {
        let f = lint_markdown("方案提出：「推广『联想专班』」。\n", 1, &zh());
        assert_eq!(
            rules(&f),
            [
                (ZH_CORNER_QUOTES, 1, 6),
                (ZH_CORNER_QUOTES, 1, 9),
                (ZH_CORNER_QUOTES, 1, 14),
                (ZH_CORNER_QUOTES, 1, 15)
            ]
        );
        assert!(
            f[0].message.english().ends_with("write the quotation mark \"“\""),
            "{}",
            f[0].message.english()
        );
        assert!(f[1].message.english().ends_with("\"‘\""), "{}", f[1].message.english());
        assert!(lint_markdown("方案提出：“推广‘联想专班’”。\n", 1, &zh()).is_empty());
    }

    #[test]
    fn hyphens_in_ranges_of_numbers() {
        let f = lint_markdown("Set up 5-6 bases in 2021-2025.\n", 1, &en());
        assert_eq!(rules(&f), [(RANGE_HYPHEN, 1, 9), (RANGE_HYPHEN, 1, 25)]);
        assert!(
            f[0].message.english().ends_with("write an en dash: \"5–6\""),
            "{}",
            f[0].message.english()
        );
        let quiet = "Issued 2021-01-12 under GB/T 37668-2019, COVID-19, v1.2-3, 5–6 bases, tel 021-52564588, x-1.\n";
        assert!(
            lint_markdown(quiet, 1, &en()).is_empty(),
            "{:?}",
            lint_markdown(quiet, 1, &en())
        );
        // Chinese text quotes the plan as written.
        assert!(lint_markdown("组建5-6个区职业教育名师基地。\n", 1, &zh()).is_empty());
    }

    #[test]
    fn straight_quotes_in_english_front_matter() {
        let yaml = "title: 'The \"Lenovo Class\" and Putuo''s plan'\nsummary: It's 5-6 bases.\n";
        let f = lint_front_matter(yaml, 2, &en());
        assert_eq!(
            rules(&f),
            [
                (STRAIGHT_QUOTES, 2, 13),
                (STRAIGHT_QUOTES, 2, 26),
                (STRAIGHT_QUOTES, 2, 37),
                (STRAIGHT_QUOTES, 3, 12),
                (RANGE_HYPHEN, 3, 16)
            ]
        );
        assert!(
            f[0].message.english().ends_with("write \"“\""),
            "{}",
            f[0].message.english()
        );
        assert!(
            f[1].message.english().ends_with("write \"”\""),
            "{}",
            f[1].message.english()
        );
        assert!(
            f[2].message.english().contains("apostrophe"),
            "{}",
            f[2].message.english()
        );
        // YAML's own quotes are not the text's; curly quotes and the body are fine.
        let quiet = "title: \"The “Lenovo Class” and Putuo’s plan\"\n";
        assert!(lint_front_matter(quiet, 2, &en()).is_empty());
        assert!(lint_markdown("The \"Lenovo Class\" and Putuo's plan.\n", 1, &en()).is_empty());
        // Highlights are checked too.
        let yaml = "highlights:\n  - value: \"5-6\"\n    label: Bases\n";
        assert_eq!(rules(&lint_front_matter(yaml, 2, &en())), [(RANGE_HYPHEN, 3, 14)]);
    }

    #[test]
    fn a_variant_inside_the_sites_own_rendering_is_not_a_finding() {
        let avoid = vec!["tech finance".to_string(), "fintech".to_string()];
        let style = Style {
            cjk: false,
            glossary: vec![("科技金融", "sci-tech finance", avoid.as_slice())],
        };
        let f = lint_markdown("Sci-tech finance, not tech finance or fintech.\n", 1, &style);
        assert_eq!(rules(&f), [(GLOSSARY, 1, 23), (GLOSSARY, 1, 39)]);
    }

    #[test]
    fn code_urls_and_html_are_not_prose() {
        let text = "见 `a--b...c,d` 与 <https://example.org/a,b...>。\n\n```\n中文,中文--中文...\n```\n\n访问https://example.org/x,y 即可。\n";
        let f = lint_markdown(text, 1, &zh());
        assert!(f.is_empty(), "{f:?}");
        let text = "Run `产教融合，` and see <https://例子.cn/，>.\n";
        assert!(lint_markdown(text, 1, &en()).is_empty());
    }

    #[test]
    fn front_matter_values_are_prose_but_keys_are_not() {
        let yaml = "title: 喜马拉雅,示范企业\nsummary: 企业--院校\nkind: enterprise\nextra: {a: 中文,中文}\n";
        let f = lint_front_matter(yaml, 2, &zh());
        assert_eq!(rules(&f), [(ZH_PUNCTUATION, 2, 12), (ZH_DASH, 3, 12)]);
        let yaml = "title: Integration of industry and education in Putuo\n";
        assert_eq!(rules(&lint_front_matter(yaml, 2, &en())), [(GLOSSARY, 2, 8)]);
    }
}
