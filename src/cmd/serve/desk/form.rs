//! A case's front matter as the desk's form, and back to the Markdown an author writes.
//!
//! Steps: [`Case::read`] splits a file, reads the fields the form shows
//! (title, summary, date, every taxonomy's terms, organisation, source,
//! level, cover, key figures, draft) and keeps every top-level field as the
//! lines it was written in; [`Case::write`] writes the fields back in the
//! file's own order — the ones the form shows in the style of `showcase new
//! case` (one line each, terms as `[a, b]`; cover and key figures as the file
//! wrote them, on one line or several), the others as they were — and puts a
//! field the file did not have where `new case` would: title, summary, date,
//! kind, the other taxonomies, organisation, then source, level, cover,
//! highlights and draft. Then the body, as the author left it.

use std::collections::BTreeMap;

use serde_yaml::Value;

use crate::config::Config;
use crate::content::front_matter;

/// The fields the form shows; any other field is kept as written.
const MANAGED: &[&str] = &[
    "title",
    "summary",
    "date",
    "organisation",
    "source",
    "level",
    "cover",
    "highlights",
    "draft",
];

/// One case file as the form edits it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Case {
    pub title: String,
    pub summary: String,
    pub date: String,
    pub organisation: String,
    pub source: String,
    /// `municipal`, `district` or empty.
    pub level: String,
    /// Taxonomy name → the term keys picked, in site.toml's order.
    pub terms: BTreeMap<String, Vec<String>>,
    pub cover_src: String,
    pub cover_alt: String,
    /// Key figures: value and label.
    pub highlights: Vec<(String, String)>,
    pub draft: bool,
    /// Every top-level field of the file, in its order, with the lines it was written in.
    pub blocks: Vec<(String, String)>,
    pub body: String,
}

/// Why a file cannot be shown as a form: its front matter's problem.
pub type Unreadable = front_matter::Problem;

impl Case {
    /// Reads a case file's text.
    pub fn read(text: &str, config: &Config) -> Result<Case, Unreadable> {
        let split = front_matter::split(text)?;
        let map = front_matter::fields(split.yaml, split.yaml_line)?;
        let text_of = |key: &str| map.get(key).and_then(scalar).unwrap_or_default();
        let mut case = Case {
            title: text_of("title"),
            summary: text_of("summary"),
            date: text_of("date"),
            organisation: text_of("organisation"),
            source: text_of("source"),
            level: text_of("level"),
            draft: map.get("draft").and_then(Value::as_bool).unwrap_or(false),
            body: split.body.to_string(),
            ..Case::default()
        };
        if let Some(Value::Mapping(cover)) = map.get("cover") {
            case.cover_src = cover.get("src").and_then(scalar).unwrap_or_default();
            case.cover_alt = cover.get("alt").and_then(scalar).unwrap_or_default();
        }
        if let Some(Value::Sequence(items)) = map.get("highlights") {
            for item in items {
                let field = |k: &str| item.get(k).and_then(scalar).unwrap_or_default();
                case.highlights.push((field("value"), field("label")));
            }
        }
        for taxonomy in &config.taxonomies {
            let picked: Vec<String> = match map.get(taxonomy.name.as_str()) {
                Some(Value::Sequence(items)) => items.iter().filter_map(scalar).collect(),
                Some(other) => scalar(other).into_iter().collect(),
                None => Vec::new(),
            };
            case.terms.insert(taxonomy.name.clone(), picked);
        }
        case.blocks = blocks(split.yaml);
        Ok(case)
    }

    /// The file's text: the fields in the order the file has them (a field it
    /// did not have goes where `showcase new case` puts it), then the body.
    pub fn write(&self, config: &Config) -> String {
        let canonical = canonical_order(config);
        let mut order: Vec<&str> = self.blocks.iter().map(|(k, _)| k.as_str()).collect();
        for (i, key) in canonical.iter().enumerate() {
            if order.contains(key) || self.render(key, config, false).is_empty() {
                continue;
            }
            let at = canonical[..i]
                .iter()
                .rev()
                .find_map(|k| order.iter().position(|o| o == k))
                .map_or(0, |p| p + 1);
            order.insert(at, key);
        }
        let mut out = String::from("---\n");
        for key in order {
            match self.blocks.iter().find(|(k, _)| k == key) {
                Some((_, raw)) if !is_managed(key, config) => out.push_str(raw),
                Some(_) => out.push_str(&self.render(key, config, true)),
                None => out.push_str(&self.render(key, config, false)),
            }
        }
        out.push_str("---\n");
        out.push_str(&self.body.replace("\r\n", "\n"));
        out
    }

    /// The lines of a field the form shows; empty when it is not written.
    /// A field the file had stays, empty, as the author left it (`summary:`).
    fn render(&self, key: &str, config: &Config, had: bool) -> String {
        let raw = self
            .blocks
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, r)| r.as_str());
        // Written over several lines without braces: keep that style.
        let block_style = raw.lines().count() > 1 && !raw.contains('{');
        let mut out = String::new();
        match key {
            "title" => line(&mut out, key, &self.title),
            "summary" | "organisation" | "date" | "source" | "level" => {
                let value = match key {
                    "summary" => &self.summary,
                    "organisation" => &self.organisation,
                    "date" => &self.date,
                    "source" => &self.source,
                    _ => &self.level,
                };
                if !value.trim().is_empty() || (had && matches!(key, "summary" | "organisation")) {
                    line(&mut out, key, value);
                }
            }
            "cover" if !self.cover_src.trim().is_empty() => {
                let (src, alt) = (self.cover_src.trim(), self.cover_alt.trim());
                if block_style {
                    out.push_str(&format!(
                        "cover:\n  src: {}\n  alt: {}\n",
                        block_scalar(src),
                        block_scalar(alt)
                    ));
                } else {
                    out.push_str(&format!(
                        "cover: {{src: {}, alt: {}}}\n",
                        flow_scalar(src),
                        flow_scalar(alt)
                    ));
                }
            }
            "highlights" if !self.highlights.is_empty() => {
                out.push_str("highlights:\n");
                for (value, label) in &self.highlights {
                    let (value, label) = (value.trim(), label.trim());
                    if block_style {
                        out.push_str(&format!(
                            "  - value: {}\n    label: {}\n",
                            block_scalar(value),
                            block_scalar(label)
                        ));
                    } else {
                        out.push_str(&format!(
                            "  - {{value: {}, label: {}}}\n",
                            flow_scalar(value),
                            flow_scalar(label)
                        ));
                    }
                }
            }
            "draft" if self.draft => out.push_str("draft: true\n"),
            _ if config.taxonomy(key).is_some() => {
                let picked = self.terms.get(key).map(Vec::as_slice).unwrap_or(&[]);
                match picked {
                    // kind as `new case` writes it: one term plain.
                    [one] if key == "kind" => line(&mut out, key, one),
                    [] if !had => {}
                    many => out.push_str(&format!("{key}: {}\n", flow_list(many))),
                }
            }
            _ => {}
        }
        out
    }
}

/// The order of the fields of `showcase new case`, and where the others go.
fn canonical_order(config: &Config) -> Vec<&str> {
    let mut order = vec!["title", "summary", "date"];
    if config.taxonomy("kind").is_some() {
        order.push("kind");
    }
    order.extend(
        config
            .taxonomies
            .iter()
            .map(|t| t.name.as_str())
            .filter(|n| *n != "kind"),
    );
    order.extend(["organisation", "source", "level", "cover", "highlights", "draft"]);
    order
}

/// Whether the form shows this field.
fn is_managed(key: &str, config: &Config) -> bool {
    MANAGED.contains(&key) || config.taxonomy(key).is_some()
}

/// The top-level fields of front matter, each with its lines as written
/// (comments above a field go with it).
fn blocks(yaml: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut pending = String::new();
    for text in yaml.split_inclusive('\n') {
        let starts_key = !text.starts_with([' ', '\t', '-', '#', '\n', '\r']) && text.contains(':');
        if starts_key {
            let key = text[..text.find(':').unwrap_or(0)].trim().trim_matches(['"', '\'']);
            let mut lines = std::mem::take(&mut pending);
            lines.push_str(text);
            out.push((key.to_string(), lines));
        } else if text.starts_with('#') {
            pending.push_str(text);
        } else if let Some((_, lines)) = out.last_mut() {
            lines.push_str(text);
        }
    }
    for (_, lines) in &mut out {
        if !lines.ends_with('\n') {
            lines.push('\n');
        }
    }
    out
}

/// A field on one line: `key: value`, or `key:` when empty.
fn line(out: &mut String, key: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        out.push_str(&format!("{key}:\n"));
    } else {
        out.push_str(&format!("{key}: {}\n", block_scalar(value)));
    }
}

/// Text as YAML reads it back the same: plain when it can be, else in double quotes.
fn block_scalar(text: &str) -> String {
    if reads_back(&format!("k: {text}"), text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// Text inside `[…]` or `{…}`: plain when it can be, else in double quotes.
fn flow_scalar(text: &str) -> String {
    if !text.contains([',', '[', ']', '{', '}']) && reads_back(&format!("k: [{text}]"), text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| flow_scalar(i)).collect();
    format!("[{}]", items.join(", "))
}

/// Whether `yaml` (one field `k`, a value or a list of one) reads back as `text`.
fn reads_back(yaml: &str, text: &str) -> bool {
    if text.is_empty()
        || text.contains(['\n', '\r', '\t'])
        || text.starts_with(['"', '\'', '&', '*', '!', '|', '>', '%', '@', '`', '#', '?', '-', ':'])
    {
        return false;
    }
    let Ok(Value::Mapping(map)) = serde_yaml::from_str::<Value>(yaml) else {
        return false;
    };
    let value = match map.get("k") {
        Some(Value::Sequence(items)) if items.len() == 1 => &items[0],
        Some(Value::Sequence(_)) | None => return false,
        Some(v) => v,
    };
    scalar(value).as_deref() == Some(text)
}

fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        // A folder of each test's own: tests run at once, and one writing the
        // file while another reads it would read it half written.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("showcase-desk-form-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("site.toml"),
            "base_url = \"https://x.org\"\ndefault_language = \"zh\"\n[languages.zh]\ntitle = \"t\"\n[languages.en]\ntitle = \"t\"\n[taxonomies.kind]\nlabel = { zh = \"类型\", en = \"Kind\" }\nterms.enterprise = { zh = \"企业\", en = \"E\" }\nterms.park = { zh = \"园区\", en = \"P\" }\n[taxonomies.industry]\nlabel = { zh = \"产业\", en = \"I\" }\nterms.fintech = { zh = \"金融\", en = \"F\" }\n",
        )
        .unwrap();
        Config::load(&dir, None).unwrap()
    }

    #[test]
    fn a_file_in_the_house_order_is_written_back_byte_for_byte() {
        let config = config();
        let text = "---\ntitle: 阿尔法案例\nsummary: 阿尔法的摘要。\ndate: 2024-05-01\nkind: enterprise\nindustry: [fintech]\norganisation: 阿尔法公司\nlevel: municipal\ncover: {src: a.png, alt: 大楼}\nhighlights:\n  - {value: 10, label: 家企业}\nweight: 3\n# stamped by showcase translated\ntranslated_from: d21a39e\n---\n\n## 基本情况\n\n正文。\n";
        let case = Case::read(text, &config).unwrap();
        assert_eq!(case.title, "阿尔法案例");
        assert_eq!(case.terms["industry"], vec!["fintech"]);
        assert_eq!(case.highlights, vec![("10".to_string(), "家企业".to_string())]);
        assert_eq!(case.blocks.len(), 11);
        assert_eq!(case.write(&config), text);
    }

    #[test]
    fn text_that_yaml_would_misread_is_quoted() {
        for (text, written) in [
            ("Boke: a case", "\"Boke: a case\""),
            ("true", "\"true\""),
            ("- dash", "\"- dash\""),
            ("say \"hi\" # now", "\"say \\\"hi\\\" # now\""),
            ("2024", "2024"),
            ("普陀区 产教融合", "普陀区 产教融合"),
        ] {
            assert_eq!(block_scalar(text), written, "{text}");
        }
        assert_eq!(flow_scalar("a, b"), "\"a, b\"");
        assert_eq!(flow_scalar("10%"), "10%");
    }

    #[test]
    fn a_new_case_is_written_back_as_new_case_wrote_it() {
        let config = config();
        let fields = crate::content::archetype::Fields {
            title: "（请填写标题）",
            date: "2025-03-01",
            kind: "park",
            name: "x",
            slug: "x",
            section: "cases",
            lang: "zh",
            taxonomies: &["industry"],
        };
        let text = crate::content::archetype::builtin(&fields);
        let mut case = Case::read(&text, &config).unwrap();
        assert_eq!(case.write(&config), text);
        // Filled in: each field where new case put it, the new ones where they belong.
        case.summary = "摘要".into();
        case.terms.insert("industry".into(), vec!["fintech".into()]);
        case.level = "district".into();
        case.highlights = vec![("10%".into(), "增长, 同比".into())];
        case.draft = false;
        let written = case.write(&config);
        assert!(
            written.starts_with("---\ntitle: （请填写标题）\nsummary: 摘要\ndate: 2025-03-01\nkind: park\nindustry: [fintech]\norganisation:\nlevel: district\nhighlights:\n  - {value: 10%, label: \"增长, 同比\"}\n---\n"),
            "{written}"
        );
    }

    #[test]
    fn fields_written_over_several_lines_keep_their_style() {
        let config = config();
        let text = "---\ntitle: a\norganisation: b\nlevel: municipal\nsource: c\nhighlights:\n  - value: 10家左右\n    label: 目标（到2025年）\n---\nbody\n";
        let case = Case::read(text, &config).unwrap();
        assert_eq!(case.write(&config), text);
    }
}
