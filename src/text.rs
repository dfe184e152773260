//! Text functions that several stages share, each defined once: which characters
//! are Chinese (and in which sense), full-width forms, HTML and XML escaping,
//! and percent-decoding.
//!
//! The theme's `search.js` holds the same ranges as [`CJK_LETTERS`]; a test
//! below reads them out of the script and checks that both agree on every code
//! point.

/// Chinese characters (ideographs): extension A, the unified ideographs, the
/// compatibility ideographs, and extensions B and later.
pub const HAN: &[(u32, u32)] = &[(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF)];

/// Letters of the scripts written without spaces between words: kana, Chinese
/// characters and hangul syllables. Search splits text into runs of these.
pub const CJK_LETTERS: &[(u32, u32)] = &[
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
];

/// Chinese text including its punctuation: radicals, CJK punctuation, kana,
/// ideographs and full-width forms. No space belongs between two of these.
pub const CJK_TEXT: &[(u32, u32)] = &[
    (0x2E80, 0x2FFF),
    (0x3000, 0x303F),
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
];

/// Characters that take two columns in a terminal, or a full em on a cover
/// (East Asian Wide and Full-width).
pub const WIDE: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x2E80, 0x303E),
    (0x3041, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
];

fn within(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = c as u32;
    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// A Chinese character (not punctuation, not kana).
pub fn is_han(c: char) -> bool {
    within(c, HAN)
}

/// Kana, a Chinese character or a hangul syllable: see [`CJK_LETTERS`].
pub fn is_cjk_letter(c: char) -> bool {
    within(c, CJK_LETTERS)
}

/// Chinese characters and full-width punctuation: no space between them.
pub fn is_cjk_char(c: char) -> bool {
    within(c, CJK_TEXT)
}

/// Whether `c` is drawn twice as wide as a Latin letter.
pub fn is_wide(c: char) -> bool {
    within(c, WIDE)
}

/// Full-width ASCII (`Ａ`, `２`, `！`) as ASCII, the ideographic space as a space.
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Text for HTML element content: `&`, `<` and `>` escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    pulldown_cmark_escape::escape_html_body_text(&mut out, text).ok();
    out
}

/// Text for a double-quoted HTML attribute (or content): `&`, `<`, `>` and `"` escaped.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

/// Text escaped for XML content and attribute values; characters XML 1.0 cannot hold are dropped.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// `%xx` sequences as the bytes they stand for; a `%` not followed by two hex
/// digits stays as it is. Text that does not decode to UTF-8 is returned unchanged.
pub fn percent_decode(text: &str) -> String {
    let (bytes, _) = decode(text);
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// `%xx` sequences as bytes; `None` when a `%` is not followed by two hex digits
/// (a request path a server should refuse).
pub fn percent_decode_strict(text: &str) -> Option<Vec<u8>> {
    let (bytes, clean) = decode(text);
    clean.then_some(bytes)
}

/// The decoded bytes, and whether every `%` began a valid escape.
fn decode(text: &str) -> (Vec<u8>, bool) {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut clean = true;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            ) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
            clean = false;
        }
        out.push(bytes[i]);
        i += 1;
    }
    (out, clean)
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_nest() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if is_han(c) {
                assert!(is_cjk_letter(c) && is_cjk_char(c), "{c:?}");
            }
        }
        assert!(is_han('中') && is_han('𠀀') && !is_han('，') && !is_han('か'));
        assert!(is_cjk_letter('か') && is_cjk_letter('한') && !is_cjk_letter('，'));
        assert!(is_cjk_char('，') && is_cjk_char('、') && !is_cjk_char(','));
        assert!(is_wide('中') && is_wide('Ａ') && !is_wide('A'));
    }

    #[test]
    fn full_width_folds() {
        let folded: String = "Ａ公司２０２５！\u{3000}ｚ".chars().map(fold_width).collect();
        assert_eq!(folded, "A公司2025! z");
    }

    #[test]
    fn escapes() {
        assert_eq!(escape_text("a<b>&\"'"), "a&lt;b&gt;&amp;\"'");
        assert_eq!(escape_attr("a<b>&\""), "a&lt;b&gt;&amp;&quot;");
        assert_eq!(
            escape_xml("<a href=\"x\">R&D's</a>"),
            "&lt;a href=&quot;x&quot;&gt;R&amp;D&apos;s&lt;/a&gt;"
        );
        assert_eq!(escape_xml("a\u{1}b\u{0}c\td"), "abc\td");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%E4%B8%AD%2e%2E/a%20b"), "中../a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        // Bytes that are not UTF-8: the text as written.
        assert_eq!(percent_decode("%ff"), "%ff");
        assert_eq!(percent_decode_strict("a%20b").as_deref(), Some(&b"a b"[..]));
        assert_eq!(percent_decode_strict("a%2"), None);
        assert_eq!(percent_decode_strict("a%zz"), None);
        // A sign is not a hex digit (u8::from_str_radix would take `+f` as 15).
        assert_eq!(percent_decode_strict("a%+f"), None);
    }

    /// The ranges `search.js` calls CJK, read out of the script: the pairs of
    /// hex numbers in its `var CJK = [...]`.
    fn script_ranges() -> Vec<(u32, u32)> {
        let script = include_str!("../themes/default/static/search.js");
        let start = script.find("var CJK = [").expect("search.js defines var CJK = [...]");
        let body = &script[start..];
        let body = &body[..body.find("];").expect("the CJK list ends with ];")];
        let numbers: Vec<u32> = body
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter_map(|w| w.strip_prefix("0x"))
            .map(|h| u32::from_str_radix(h, 16).expect("a hex number"))
            .collect();
        assert!(numbers.len() >= 2 && numbers.len().is_multiple_of(2), "{numbers:?}");
        numbers.chunks(2).map(|p| (p[0], p[1])).collect()
    }

    #[test]
    fn search_js_has_the_same_cjk_letters() {
        let js = script_ranges();
        for cp in 0..=0x10FFFFu32 {
            let in_js = js.iter().any(|&(lo, hi)| lo <= cp && cp <= hi);
            let in_rust = CJK_LETTERS.iter().any(|&(lo, hi)| lo <= cp && cp <= hi);
            assert_eq!(in_js, in_rust, "U+{cp:04X}: search.js {in_js}, src/text.rs {in_rust}");
        }
        // The script uses its list everywhere it asks what is CJK: no second copy.
        let script = include_str!("../themes/default/static/search.js");
        for stray in ["0x4e00", "0x4E00", "\\u4e00", "\\u{4e00}"] {
            assert_eq!(script.matches(stray).count(), usize::from(stray == "0x4e00"), "{stray}");
        }
    }
}
