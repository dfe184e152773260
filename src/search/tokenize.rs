//! The search tokenizer. The browser's `search.js` implements exactly the same
//! steps, and `tests/fixtures/search-tokens.json` holds examples both must agree on.
//!
//! Steps: full-width ASCII becomes ASCII and everything is lower-cased; the
//! text splits into runs of CJK characters and runs of letters and digits;
//! a CJK run gives its overlapping character pairs (a lone character gives
//! itself), so 校企合作 is found by 校企, 企合 and 合作; a run of letters and
//! digits gives one word, English words stemmed by step 1 of Porter's
//! algorithm (apprenticeships → apprenticeship, trained → train).

/// One token and its position in the text, counted in tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub position: u32,
}

/// Words longer than this are not indexed (hashes, long URLs).
const MAX_WORD: usize = 40;

pub use crate::text::is_cjk_letter;

/// Full-width ASCII to ASCII, then lower case.
pub fn normalize(text: &str) -> String {
    let mapped: String = text.chars().map(crate::text::fold_width).collect();
    mapped.to_lowercase()
}

/// The tokens of a text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let text = normalize(text);
    let mut tokens = Vec::new();
    let mut position = 0u32;
    let mut push = |term: String, tokens: &mut Vec<Token>| {
        tokens.push(Token { term, position });
        position += 1;
    };
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_cjk_letter(c) {
            let start = i;
            while i < chars.len() && is_cjk_letter(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            if run.len() == 1 {
                push(run[0].to_string(), &mut tokens);
            } else {
                for pair in run.windows(2) {
                    push(pair.iter().collect(), &mut tokens);
                }
            }
        } else if c.is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() && !is_cjk_letter(chars[i]) {
                i += 1;
            }
            if i - start <= MAX_WORD {
                let word: String = chars[start..i].iter().collect();
                push(stem(&word), &mut tokens);
            }
        } else {
            i += 1;
        }
    }
    tokens
}

/// Step 1 of Porter's stemmer (plurals, -ed, -ing, final y), for words of ASCII letters.
pub fn stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w: Vec<u8> = word.as_bytes().to_vec();
    // Step 1a.
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.ends_with(b"ss") {
    } else if w.ends_with(b"s") {
        w.pop();
    }
    // Step 1b.
    let mut tidy = false;
    if w.ends_with(b"eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            w.pop();
        }
    } else if w.ends_with(b"ed") && has_vowel(&w[..w.len() - 2]) {
        w.truncate(w.len() - 2);
        tidy = true;
    } else if w.ends_with(b"ing") && has_vowel(&w[..w.len() - 3]) {
        w.truncate(w.len() - 3);
        tidy = true;
    }
    if tidy {
        if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
            w.push(b'e');
        } else if ends_with_double_consonant(&w) && !matches!(w.last(), Some(b'l' | b's' | b'z')) {
            w.pop();
        } else if measure(&w) == 1 && ends_cvc(&w) {
            w.push(b'e');
        }
    }
    // Step 1c.
    if w.ends_with(b"y") && has_vowel(&w[..w.len() - 1]) {
        let last = w.len() - 1;
        w[last] = b'i';
    }
    String::from_utf8(w).unwrap_or_else(|_| word.to_string())
}

fn is_consonant(w: &[u8], i: usize) -> bool {
    match w[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => false,
        b'y' => i == 0 || !is_consonant(w, i - 1),
        _ => true,
    }
}

/// Porter's m: the number of vowel-consonant sequences.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut i = 0;
    while i < w.len() && is_consonant(w, i) {
        i += 1;
    }
    while i < w.len() {
        while i < w.len() && !is_consonant(w, i) {
            i += 1;
        }
        if i >= w.len() {
            break;
        }
        while i < w.len() && is_consonant(w, i) {
            i += 1;
        }
        m += 1;
    }
    m
}

fn has_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !is_consonant(w, i))
}

fn ends_with_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Consonant-vowel-consonant at the end, the last not w, x or y.
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn chinese_gives_overlapping_pairs() {
        assert_eq!(terms("校企合作"), vec!["校企", "企合", "合作"]);
        // A query of a sub-phrase shares its pairs with the text.
        let text = terms("职业院校");
        for query in ["院校", "职业院校", "职业"] {
            assert!(terms(query).iter().all(|t| text.contains(t)), "{query}");
        }
        assert_eq!(terms("园"), vec!["园"]);
    }

    #[test]
    fn numbers_and_latin_words_inside_chinese_stay() {
        assert_eq!(
            terms("2024年建成5G实训基地，投资12亿元"),
            vec![
                "2024", "年建", "建成", "5g", "实训", "训基", "基地", "投资", "12", "亿元"
            ]
        );
        assert_eq!(terms("AI 实训"), vec!["ai", "实训"]);
        assert_eq!(terms("ＡＩ实训"), vec!["ai", "实训"]);
    }

    #[test]
    fn english_is_lower_cased_and_stemmed() {
        assert_eq!(terms("Apprenticeships"), vec!["apprenticeship"]);
        assert_eq!(stem("trained"), "train");
        assert_eq!(stem("training"), "train");
        assert_eq!(stem("companies"), "compani");
        assert_eq!(stem("company"), "compani");
        assert_eq!(stem("running"), "run");
        assert_eq!(stem("hoping"), "hope");
        assert_eq!(stem("agreed"), "agree");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("is"), "is");
    }

    #[test]
    fn positions_count_tokens() {
        let tokens = tokenize("Industry-education integration 产教融合");
        let positions: Vec<u32> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn agrees_with_the_shared_examples() {
        let examples: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/fixtures/search-tokens.json")).unwrap();
        for example in examples {
            let text = example["text"].as_str().unwrap();
            let expected: Vec<String> = example["tokens"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string())
                .collect();
            assert_eq!(terms(text), expected, "{text}");
        }
    }
}
