//! Slugs: URL segments made from file names and headings.
//!
//! Latin letters and digits are kept (lower-cased), Chinese characters become
//! their toneless pinyin, one syllable per character, and everything else
//! separates words with a single hyphen: `中以创新园` → `zhong-yi-chuang-xin-yuan`.

use pinyin::ToPinyin;

/// Makes a slug of any text. May return an empty string (text of symbols only).
pub fn slugify(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if let Some(p) = c.to_pinyin() {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            words.push(p.plain().to_string());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    words.extend((!word.is_empty()).then_some(word));
    words.join("-")
}

/// Whether a slug written by an author is safe as one URL segment.
pub fn check_slug(slug: &str) -> Result<(), String> {
    if slug.is_empty() {
        return Err("slug is empty".into());
    }
    if slug.starts_with('.') {
        return Err(format!("slug \"{slug}\" may not start with a dot"));
    }
    if let Some(bad) = slug
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "slug \"{slug}\" contains \"{bad}\"; use letters, digits, hyphens, underscores and dots only (one URL segment)"
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
