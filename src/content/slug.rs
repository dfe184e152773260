//! Slugs: URL segments made from file names and headings.
//!
//! Latin letters and digits are kept (lower-cased, full-width forms as ASCII),
//! Chinese is read as toneless pinyin, one syllable per character, and
//! everything else separates words with a single hyphen: `中以创新园` →
//! `zhong-yi-chuang-xin-yuan`, `Ａ公司２０２５` → `a-gong-si-2025`.
//!
//! Chinese is read by words, so that a character with several readings gets
//! the one its word needs: 音乐 `yin-yue` but 快乐 `kuai-le`, 银行 `yin-hang`
//! but 行动 `xing-dong`. A run of Chinese is cut into words by forward maximum
//! matching against a phrase table (`phrases.txt`): at each character the
//! longest phrase of the table that starts there takes the table's reading,
//! and a character that starts none takes its most common reading (the
//! `pinyin` crate's first). The table holds only the phrases whose reading
//! differs from their characters' most common readings (about 3,400 of the
//! 47,000 phrases of pypinyin's dictionary, 80 KB); `scripts/phrase-pinyin.py`
//! writes it, and `phrases.LICENSE` is its licence.

use pinyin::ToPinyin;

use crate::text::fold_width;

/// Phrase readings, one `phrase<TAB>syl-la-bles` a line, sorted by bytes.
const PHRASES: &str = include_str!("phrases.txt");
/// The longest phrase of the table, in characters.
const LONGEST: usize = 8;

/// The first line of the table whose phrase is not before `key` (by bytes):
/// its phrase and reading.
fn first_from(key: &str) -> Option<(&'static str, &'static str)> {
    let table = PHRASES.as_bytes();
    // Halving over byte offsets; `lo` and `hi` always stand at the start of a line,
    // every line before `lo` is before `key`, and `found` is the line at `hi`.
    let (mut lo, mut hi) = (0, table.len());
    let mut found = None;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = table[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let end = table[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(table.len(), |p| start + p);
        let line = PHRASES[start..end].split_once('\t')?;
        if line.0.as_bytes() >= key.as_bytes() {
            found = Some(line);
            hi = start;
        } else {
            lo = end + 1;
        }
    }
    found
}

/// The reading of a phrase of the table, syllables joined by hyphens.
fn phrase_reading(phrase: &str) -> Option<&'static str> {
    first_from(phrase)
        .filter(|(key, _)| *key == phrase)
        .map(|(_, reading)| reading)
}

/// The readings of a run of Chinese characters, by words, appended to `words`.
fn read_run(run: &[char], words: &mut Vec<String>) {
    let mut phrase = String::new();
    let mut i = 0;
    while i < run.len() {
        let longest = LONGEST.min(run.len() - i);
        // One search tells whether any phrase starts with these two characters;
        // most pairs start none, and only then are longer phrases tried.
        let mut found = None;
        if longest >= 2 {
            phrase.clear();
            phrase.extend(&run[i..i + 2]);
            if first_from(&phrase).is_some_and(|(key, _)| key.starts_with(phrase.as_str())) {
                found = (2..=longest).rev().find_map(|n| {
                    phrase.clear();
                    phrase.extend(&run[i..i + n]);
                    phrase_reading(&phrase).map(|reading| (n, reading))
                });
            }
        }
        match found {
            Some((n, reading)) => {
                words.extend(reading.split('-').map(str::to_string));
                i += n;
            }
            None => {
                words.extend(run[i].to_pinyin().map(|p| p.plain().to_string()));
                i += 1;
            }
        }
    }
}

/// Makes a slug of any text. May return an empty string (text of symbols only).
pub fn slugify(text: &str) -> String {
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.to_pinyin().is_some() {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            let run = chars[i..].iter().take_while(|c| c.to_pinyin().is_some()).count();
            read_run(&chars[i..i + run], &mut words);
            i += run;
            continue;
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        i += 1;
    }
    words.extend((!word.is_empty()).then_some(word));
    words.join("-")
}

/// Whether a slug written by an author is safe as one URL segment.
pub fn check_slug(slug: &str) -> Result<(), crate::messages::Keyed> {
    if slug.is_empty() {
        return Err(crate::keyed!("slug-empty"));
    }
    if slug.starts_with('.') {
        return Err(crate::keyed!("slug-dot", slug = slug));
    }
    if let Some(bad) = slug
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(crate::keyed!(
            "slug-character",
            slug = slug,
            character = bad.to_string()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_becomes_pinyin() {
        assert_eq!(slugify("中以创新园"), "zhong-yi-chuang-xin-yuan");
        assert_eq!(slugify("基本情况"), "ji-ben-qing-kuang");
    }

    #[test]
    fn mixed_text() {
        assert_eq!(slugify("Hello World"), "hello-world");
        assert_eq!(slugify("5G 实训基地"), "5g-shi-xun-ji-di");
        assert_eq!(slugify("联想专班 (Lenovo)"), "lian-xiang-zhuan-ban-lenovo");
        assert_eq!(slugify("AI赋能"), "ai-fu-neng");
        assert_eq!(slugify("  --x--  "), "x");
        assert_eq!(slugify("“”！"), "");
        assert_eq!(slugify("Café Zürich"), "café-zürich");
    }

    #[test]
    fn words_with_several_readings() {
        for (text, slug) in [
            ("音乐", "yin-yue"),
            ("快乐", "kuai-le"),
            ("重新", "chong-xin"),
            ("重要", "zhong-yao"),
            ("长期", "chang-qi"),
            ("成长", "cheng-zhang"),
            ("银行", "yin-hang"),
            ("行业", "hang-ye"),
            ("行动", "xing-dong"),
            ("重庆", "chong-qing"),
            ("重庆银行", "chong-qing-yin-hang"),
            ("音乐教育行业", "yin-yue-jiao-yu-hang-ye"),
            ("长期合作", "chang-qi-he-zuo"),
            ("校长", "xiao-zhang"),
            ("数据", "shu-ju"),
            ("数字化转型", "shu-zi-hua-zhuan-xing"),
            ("归还", "gui-huan"),
            ("乐器", "yue-qi"),
            ("还是", "hai-shi"),
            ("会计", "kuai-ji"),
            ("开会", "kai-hui"),
            ("调研", "diao-yan"),
            ("协调", "xie-tiao"),
            ("朝阳", "zhao-yang"),
            ("单位", "dan-wei"),
            ("血液", "xue-ye"),
        ] {
            assert_eq!(slugify(text), slug, "{text}");
        }
    }

    #[test]
    fn full_width_letters_and_digits() {
        assert_eq!(slugify("Ａ公司２０２５"), "a-gong-si-2025");
        assert_eq!(slugify("ＡＩ＋教育"), "ai-jiao-yu");
    }

    #[test]
    fn every_phrase_of_the_table_is_found() {
        let mut previous = "";
        for line in PHRASES.lines() {
            let (phrase, reading) = line.split_once('\t').expect("phrase<TAB>reading");
            assert!(previous < phrase, "{phrase} is out of order");
            assert!(phrase.chars().count() <= LONGEST, "{phrase}");
            assert_eq!(phrase_reading(phrase), Some(reading), "{phrase}");
            assert_eq!(reading.split('-').count(), phrase.chars().count(), "{phrase}");
            previous = phrase;
        }
        assert_eq!(phrase_reading("中"), None);
        assert_eq!(first_from(""), PHRASES.lines().next().and_then(|l| l.split_once('\t')));
        assert_eq!(first_from("\u{10FFFF}"), None);
        assert_eq!(phrase_reading(""), None);
        assert_eq!(phrase_reading("\u{10FFFF}"), None);
    }

    #[test]
    fn homophones_collide() {
        assert_eq!(slugify("师范院校"), slugify("示范院校"));
    }

    #[test]
    fn slug_checks() {
        assert!(check_slug("ximalaya-2021").is_ok());
        assert!(check_slug("../etc").is_err());
        assert!(check_slug("a/b").is_err());
        assert!(check_slug("a\\b").is_err());
        assert!(check_slug("javascript:x").is_err());
        assert!(check_slug("").is_err());
    }
}
