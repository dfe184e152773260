//! Typographic covers: what a case without a cover image shows on its card.
//!
//! The theme draws the cover (its `cover.svg` template, in its own colours);
//! this module lays out the text, which SVG cannot wrap by itself: the title
//! in at most three lines, broken between words in Latin text and between
//! characters in Chinese (never before closing punctuation), and the
//! organisation in one line, each shortened with "…" when it does not fit.

use serde::Serialize;

use super::Renderer;
use crate::content::Doc;

/// The cover's size, 16:9 as the cards show it.
const WIDTH: u32 = 640;
const HEIGHT: u32 = 360;
/// Text runs from `MARGIN` to `WIDTH - MARGIN`.
const MARGIN: u32 = 40;
/// The title's size, the organisation's, and the most lines the title takes.
const TITLE_SIZE: u32 = 40;
const SMALL_SIZE: u32 = 22;
const TITLE_LINES: usize = 3;

/// What the theme's `cover.svg` gets as `cover`.
#[derive(Serialize)]
pub struct CoverArt<'a> {
    pub width: u32,
    pub height: u32,
    pub margin: u32,
    pub title_size: u32,
    pub small_size: u32,
    /// The title, laid out: each line with the baseline it sits on.
    pub lines: Vec<Line>,
    pub title: &'a str,
    /// The case's kind, its label (written above the title), and its place among the
    /// kinds of site.toml, which picks the colour.
    pub kind: Option<&'a str>,
    pub kind_index: usize,
    pub kind_label: Option<&'a str>,
    /// The organisation, in one line (none when the title names it).
    pub organisation: Option<String>,
}

#[derive(Serialize)]
pub struct Line {
    pub text: String,
    pub y: u32,
}

impl<'a> CoverArt<'a> {
    pub fn new(r: &Renderer<'a>, doc: &'a Doc) -> CoverArt<'a> {
        let kind = doc.fm.terms.get("kind").and_then(|keys| keys.first());
        let kinds = r.config.taxonomy("kind");
        let kind_label = kind
            .and_then(|key| kinds?.term(key))
            .map(|term| term.labels[doc.lang].as_str());
        let kind_index = kind
            .and_then(|key| kinds?.terms.iter().position(|t| &t.key == key))
            .unwrap_or(0);
        let room = f64::from(WIDTH - 2 * MARGIN);
        let wrapped = wrap(&doc.fm.title, room / f64::from(TITLE_SIZE), TITLE_LINES);
        // The title's block sits in the middle of the space under the kind's label.
        let line_height = TITLE_SIZE * 13 / 10;
        let block = line_height * wrapped.len() as u32;
        let top = 110 + (150u32.saturating_sub(block)) / 2;
        let lines = wrapped
            .into_iter()
            .enumerate()
            .map(|(i, text)| Line {
                text,
                y: top + TITLE_SIZE + i as u32 * line_height,
            })
            .collect();
        let organisation = doc
            .fm
            .organisation
            .as_deref()
            .filter(|o| !o.trim().is_empty() && !doc.fm.title.contains(o.trim()))
            .map(|o| wrap(o, room / f64::from(SMALL_SIZE), 1).remove(0));
        CoverArt {
            width: WIDTH,
            height: HEIGHT,
            margin: MARGIN,
            title_size: TITLE_SIZE,
            small_size: SMALL_SIZE,
            lines,
            title: &doc.fm.title,
            kind: kind.map(String::as_str),
            kind_index,
            kind_label,
            organisation,
        }
    }
}

/// How wide a character is, in ems of its font: Chinese and other wide characters
/// take a whole em, Latin letters about half of one.
fn advance(c: char) -> f64 {
    // Bold sans-serif figures, rounded up: a line drawn narrower than measured is
    // harmless, one drawn wider runs off the cover.
    match c {
        ' ' => 0.3,
        'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | '’' => 0.32,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.42,
        'm' | 'w' => 0.92,
        'M' | 'W' => 0.98,
        'A'..='Z' => 0.74,
        '0'..='9' => 0.62,
        c if c.is_ascii() => 0.62,
        c if is_wide(c) => 1.0,
        _ => 0.66,
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

/// Punctuation that may not begin a line (clreq): it stays with the character before it.
fn closing(c: char) -> bool {
    "，。、；：？！）》」』】〉”’…—·%),.;:?!".contains(c)
}

/// `text` in at most `max_lines` lines of at most `width` ems; the last line ends in
/// "…" if the text does not fit. Latin words are not broken unless one alone is
/// wider than a line.
pub fn wrap(text: &str, width: f64, max_lines: usize) -> Vec<String> {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Units that stay together: a Latin word with the space after it, or one wide
    // character with the closing punctuation that follows it.
    let mut units: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins = match units.last() {
            None => false,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                closing(c) || (!is_wide(c) && c != ' ' && !is_wide(prev) && prev != ' ') || (c == ' ' && !is_wide(prev))
            }
        };
        if let (true, Some(last)) = (joins, units.last_mut()) {
            last.push(c);
        } else {
            units.push(c.to_string());
        }
    }
    let measure = |s: &str| s.chars().map(advance).sum::<f64>();
    let mut lines: Vec<String> = vec![String::new()];
    for unit in units {
        let current = lines.last().map_or("", String::as_str);
        let fits = measure(current.trim_end()) + measure(unit.trim_end()) <= width;
        if fits || current.is_empty() {
            // A word wider than a whole line is cut where it must be.
            if !fits {
                for c in unit.chars() {
                    let line = lines.last_mut().expect("one line at least");
                    if measure(line) + advance(c) > width && !line.is_empty() {
                        lines.push(String::new());
                    }
                    lines.last_mut().expect("one line at least").push(c);
                }
            } else {
                lines.last_mut().expect("one line at least").push_str(&unit);
            }
        } else {
            lines.push(unit);
        }
    }
    let mut lines: Vec<String> = lines.into_iter().map(|l| l.trim_end().to_string()).collect();
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("max_lines is at least 1");
        while !last.is_empty() && measure(last) + advance('…') > width {
            last.pop();
        }
        let kept = last.trim_end().trim_end_matches(closing).to_string();
        *last = format!("{kept}…");
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        let lines = wrap("上海喜马拉雅科技有限公司，产教融合型企业", 13.0, 3);
        assert_eq!(lines, vec!["上海喜马拉雅科技有限公司，", "产教融合型企业"]);
        // Where the comma does not fit, the character before it goes with it.
        let lines = wrap("上海喜马拉雅科技有限公司，产教融合型企业", 12.0, 3);
        assert_eq!(lines, vec!["上海喜马拉雅科技有限公", "司，产教融合型企业"]);
        assert!(lines.iter().all(|l| !l.starts_with('，')));
    }

    #[test]
    fn latin_breaks_between_words() {
        let lines = wrap("Shanghai Research Institute of Electrical Apparatus", 12.0, 3);
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            assert!(line.chars().map(advance).sum::<f64>() <= 12.0, "{line}");
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
        }
        assert_eq!(lines.join(" "), "Shanghai Research Institute of Electrical Apparatus");
    }

    #[test]
    fn text_too_long_ends_in_an_ellipsis() {
        let title = "产教融合".repeat(20);
        let lines = wrap(&title, 10.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        assert!(lines[2].chars().map(advance).sum::<f64>() <= 10.0);
    }

    #[test]
    fn a_word_wider_than_a_line_is_cut() {
        let lines = wrap(&"x".repeat(60), 10.0, 5);
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| l.chars().map(advance).sum::<f64>() <= 10.0));
    }
}
