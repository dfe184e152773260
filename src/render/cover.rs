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
use crate::text::is_wide;

/// The cover's size, 16:9 as the cards show it.
const WIDTH: u32 = 640;
const HEIGHT: u32 = 360;
/// Text runs from `MARGIN` to `WIDTH - MARGIN`.
const MARGIN: u32 = 40;
/// The title's size and the most lines it takes: Chinese titles are short and
/// set large; Latin ones are long and set smaller, in more lines.
const TITLE_SIZE_CJK: u32 = 40;
const TITLE_LINES_CJK: usize = 3;
const TITLE_SIZE_LATIN: u32 = 32;
const TITLE_LINES_LATIN: usize = 4;
/// The size of the kind's label and of the organisation.
const SMALL_SIZE: u32 = 22;
/// The title's block is centred between these two heights.
const TITLE_TOP: u32 = 112;
const TITLE_BOTTOM: u32 = 300;

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
    /// The case's kind, its label (in one line, written above the title), and its
    /// place among the kinds of site.toml, which picks the colour.
    pub kind: Option<&'a str>,
    pub kind_index: usize,
    pub kind_label: Option<String>,
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
        let kind_index = kind
            .and_then(|key| kinds?.terms.iter().position(|t| &t.key == key))
            .unwrap_or(0);
        let cjk = r.config.languages[doc.lang].is_cjk();
        let room = f64::from(WIDTH - 2 * MARGIN);
        let one_line = |text: &str| wrap(text, room / f64::from(SMALL_SIZE), 1, cjk).remove(0);
        let kind_label = kind
            .and_then(|key| kinds?.term(key))
            .map(|term| one_line(&term.labels[doc.lang]));
        let (title_size, max_lines) = if cjk {
            (TITLE_SIZE_CJK, TITLE_LINES_CJK)
        } else {
            (TITLE_SIZE_LATIN, TITLE_LINES_LATIN)
        };
        let wrapped = wrap(&doc.fm.title, room / f64::from(title_size), max_lines, cjk);
        let line_height = title_size * 13 / 10;
        let block = line_height * wrapped.len() as u32;
        let top = TITLE_TOP + (TITLE_BOTTOM - TITLE_TOP).saturating_sub(block) / 2;
        let lines = wrapped
            .into_iter()
            .enumerate()
            .map(|(i, text)| Line {
                text,
                y: top + title_size + i as u32 * line_height,
            })
            .collect();
        let organisation = doc
            .fm
            .organisation
            .as_deref()
            .filter(|o| !o.trim().is_empty() && !doc.fm.title.contains(o.trim()))
            .map(one_line);
        CoverArt {
            width: WIDTH,
            height: HEIGHT,
            margin: MARGIN,
            title_size,
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

/// A case's cover for the theme's template: in its context the [`CoverArt`];
/// in its key (a serialiser that is not human-readable) only what the art is
/// laid out from, which costs nothing to gather.
pub struct CoverOf<'r, 'a> {
    pub r: &'r Renderer<'a>,
    pub doc: &'a Doc,
}

impl Serialize for CoverOf<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return CoverArt::new(self.r, self.doc).serialize(serializer);
        }
        let (config, fm) = (self.r.config, &self.doc.fm);
        let kind = fm.terms.get("kind").and_then(|keys| keys.first());
        let kinds = config.taxonomy("kind");
        let inputs = (
            "cover-art-1",
            &fm.title,
            &fm.organisation,
            config.languages[self.doc.lang].is_cjk(),
            kind,
            kind.and_then(|key| kinds?.terms.iter().position(|t| &t.key == key)),
            kind.and_then(|key| kinds?.term(key))
                .map(|term| &term.labels[self.doc.lang]),
        );
        inputs.serialize(serializer)
    }
}

/// How wide a character is, in ems of its font, rounded up for the widest bold
/// sans-serif fonts a reader may have (DejaVu Sans Bold is the widest common
/// one): a line drawn narrower than measured is harmless, one drawn wider runs
/// off the cover. In Chinese text, quotation marks, dashes and ellipses are
/// set full width.
fn advance(c: char, cjk: bool) -> f64 {
    if cjk && "“”‘’—…·–".contains(c) {
        return 1.0;
    }
    match c {
        ' ' => 0.36,
        'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | '’' | '‘' => 0.4,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.52,
        'm' | 'w' => 1.05,
        'M' | 'W' => 1.1,
        'A'..='Z' => 0.84,
        '0'..='9' => 0.74,
        c if c.is_ascii() => 0.74,
        c if is_wide(c) => 1.0,
        _ => 0.8,
    }
}

/// Punctuation that may not begin a line (clreq): it stays with the character before it.
fn closing(c: char) -> bool {
    "，。、；：？！）》」』】〉〕”’…—·%),.;:?!".contains(c)
}

/// Punctuation that may not end a line: it stays with the character after it.
fn opening(c: char) -> bool {
    "（《「『【〈〔“‘([".contains(c)
}

/// `text` in at most `max_lines` lines of at most `width` ems; the last line ends in
/// "…" if the text does not fit (after a whole word, in Latin text). Latin words are
/// not broken unless one alone is wider than a line.
pub fn wrap(text: &str, width: f64, max_lines: usize, cjk: bool) -> Vec<String> {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let measure = |s: &str| s.chars().map(|c| advance(c, cjk)).sum::<f64>();
    // Units that stay together: a Latin word with the space after it, or one wide
    // character with the punctuation around it that may not be parted from it.
    let mut units: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins = match units.last() {
            None => false,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                closing(c)
                    || opening(prev)
                    || (!is_wide(c) && c != ' ' && !is_wide(prev) && prev != ' ' && !opening(c))
                    || (c == ' ' && !is_wide(prev))
            }
        };
        if let (true, Some(last)) = (joins, units.last_mut()) {
            last.push(c);
        } else {
            units.push(c.to_string());
        }
    }
    let mut lines: Vec<String> = vec![String::new()];
    let mut cut = false;
    for unit in units {
        if lines.len() > max_lines {
            cut = true;
            break;
        }
        let current = lines.last().map_or("", String::as_str);
        let fits = measure(current.trim_end()) + measure(unit.trim_end()) <= width;
        if fits {
            lines.last_mut().expect("one line at least").push_str(&unit);
        } else if current.is_empty() {
            // A word wider than a whole line is cut where it must be.
            for c in unit.chars() {
                let line = lines.last_mut().expect("one line at least");
                if measure(line) + advance(c, cjk) > width && !line.is_empty() {
                    lines.push(String::new());
                }
                lines.last_mut().expect("one line at least").push(c);
            }
        } else {
            lines.push(unit);
        }
    }
    let mut lines: Vec<String> = lines.into_iter().map(|l| l.trim_end().to_string()).collect();
    if cut || lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("max_lines is at least 1");
        while !last.is_empty() && measure(last) + advance('…', cjk) > width {
            last.pop();
        }
        // In Latin text, back to the end of a whole word where there is one.
        if !cjk && let Some(space) = last.rfind(' ') {
            last.truncate(space);
        }
        let kept = last
            .trim_end()
            .trim_end_matches(|c: char| closing(c) || opening(c) || c == ' ')
            .to_string();
        *last = format!("{kept}…");
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width_of(line: &str, cjk: bool) -> f64 {
        line.chars().map(|c| advance(c, cjk)).sum()
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_around_punctuation() {
        let lines = wrap("上海喜马拉雅科技有限公司，产教融合型企业", 13.0, 3, true);
        assert_eq!(lines, vec!["上海喜马拉雅科技有限公司，", "产教融合型企业"]);
        // Where the comma does not fit, the character before it goes with it.
        let lines = wrap("上海喜马拉雅科技有限公司，产教融合型企业", 12.0, 3, true);
        assert_eq!(lines, vec!["上海喜马拉雅科技有限公", "司，产教融合型企业"]);
        // An opening mark never ends a line: it goes with what it opens.
        let lines = wrap("上海信息技术学校“联想专班”", 9.0, 3, true);
        assert!(
            lines.iter().all(|l| !l.ends_with('“') && !l.starts_with('”')),
            "{lines:?}"
        );
        let lines = wrap("点名的企业试点（一二三）", 8.0, 3, true);
        assert!(
            lines.iter().all(|l| !l.ends_with('（') && !l.starts_with('）')),
            "{lines:?}"
        );
        // Quotation marks are full width in Chinese.
        assert_eq!(width_of("“联”", true), 3.0);
    }

    #[test]
    fn latin_breaks_between_words() {
        let lines = wrap("Shanghai Research Institute of Electrical Apparatus", 12.0, 4, false);
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            assert!(width_of(line, false) <= 12.0, "{line}");
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
        }
        assert_eq!(lines.join(" "), "Shanghai Research Institute of Electrical Apparatus");
    }

    #[test]
    fn text_too_long_ends_in_an_ellipsis_after_a_whole_word() {
        let title = "产教融合".repeat(20);
        let lines = wrap(&title, 10.0, 3, true);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        assert!(width_of(&lines[2], true) <= 10.0);
        let lines = wrap(
            "a service hub for technology transfer and commercialisation in Putuo",
            12.0,
            2,
            false,
        );
        assert_eq!(lines.len(), 2);
        let last = &lines[1];
        assert!(last.ends_with('…'), "{lines:?}");
        let words: Vec<&str> = "a service hub for technology transfer and commercialisation in Putuo"
            .split(' ')
            .collect();
        let shown = last.trim_end_matches('…');
        assert!(
            shown.split(' ').all(|w| words.contains(&w)),
            "a word cut short: {lines:?}"
        );
    }

    #[test]
    fn a_word_wider_than_a_line_is_cut() {
        let lines = wrap(&"x".repeat(60), 10.0, 8, false);
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| width_of(l, false) <= 10.0));
    }
}
