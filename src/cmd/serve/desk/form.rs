//! A case's front matter as the desk's form, and back to the Markdown an author writes.
//!
//! Steps: [`Case::read`] splits a file, reads the fields the form shows
//! (title, summary, date, every taxonomy's terms, organisation, source,
//! level, cover, key figures, draft) and keeps every other top-level field as
//! the lines it was written in; [`Case::write`] puts the fields back in the
//! order and style of `showcase new case` — title, summary, date, kind, the
//! other taxonomies as `[a, b]`, organisation — then source, level, cover,
//! highlights and draft, then the kept fields in their own order, then the body.

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
    /// The other top-level fields, each with the lines it was written in.
    pub kept: Vec<(String, String)>,
    pub body: String,
}

/// Why a file cannot be shown as a form: the line and the message.
#[derive(Debug)]
pub struct Unreadable {
    pub line: usize,
    pub message: String,
}

impl Case {
    /// Reads a case file's text.
    pub fn read(text: &str, config: &Config) -> Result<Case, Unreadable> {
        let split = front_matter::split(text).map_err(|p| Unreadable {
            line: p.line,
            message: p.message,
        })?;
        let value: Value = if split.yaml.trim().is_empty() {
            Value::Mapping(Default::default())
        } else {
            serde_yaml::from_str(split.yaml).map_err(|e| Unreadable {
                line: e.location().map_or(1, |l| split.yaml_line + l.line() - 1),
                message: e.to_string(),
            })?
        };
        let Value::Mapping(map) = value else {
            return Err(Unreadable {
                line: split.yaml_line,
                message: "front matter must be a list of \"field: value\" lines".into(),
            });
        };
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
        case.kept = blocks(split.yaml)
            .into_iter()
            .filter(|(key, _)| !is_managed(key, config))
            .collect();
        Ok(case)
    }

    /// The file's text: front matter in the order of `showcase new case`, then the body.
    pub fn write(&self, config: &Config) -> String {
        let mut out = String::from("---\n");
        line(&mut out, "title", &self.title);
        line(&mut out, "summary", &self.summary);
        if !self.date.trim().is_empty() {
            line(&mut out, "date", self.date.trim());
        }
        let none = Vec::new();
        // kind first, as `new case` writes it: one term plain, several as a list.
        if config.taxonomy("kind").is_some() {
            let kinds = self.terms.get("kind").unwrap_or(&none);
            match kinds.as_slice() {
                [] => {}
                [one] => line(&mut out, "kind", one),
                many => out.push_str(&format!("kind: {}\n", flow_list(many))),
            }
        }
        for taxonomy in config.taxonomies.iter().filter(|t| t.name != "kind") {
            let picked = self.terms.get(&taxonomy.name).unwrap_or(&none);
            out.push_str(&format!("{}: {}\n", taxonomy.name, flow_list(picked)));
        }
        line(&mut out, "organisation", &self.organisation);
        if !self.source.trim().is_empty() {
            line(&mut out, "source", &self.source);
        }
        if !self.level.is_empty() {
            line(&mut out, "level", &self.level);
        }
        if !self.cover_src.trim().is_empty() {
            out.push_str(&format!(
                "cover: {{src: {}, alt: {}}}\n",
                flow_scalar(self.cover_src.trim()),
                flow_scalar(self.cover_alt.trim())
            ));
        }
        let figures: Vec<&(String, String)> = self
            .highlights
            .iter()
            .filter(|(v, l)| !v.trim().is_empty() || !l.trim().is_empty())
            .collect();
        if !figures.is_empty() {
            out.push_str("highlights:\n");
            for (value, label) in figures {
                out.push_str(&format!(
                    "  - {{value: {}, label: {}}}\n",
                    flow_scalar(value.trim()),
                    flow_scalar(label.trim())
                ));
            }
        }
        if self.draft {
            out.push_str("draft: true\n");
        }
        for (_, lines) in &self.kept {
            out.push_str(lines);
        }
        out.push_str("---\n");
        out.push_str(&self.body.replace("\r\n", "\n"));
        out
    }
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
    if text.is_empty() || text.contains(['\n', '\r', '\t']) || text.starts_with(['"', '\'', '&', '*', '!', '|', '>', '%', '@', '`', '#', '?', '-', ':']) {
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
        let dir = std::env::temp_dir().join(format!("showcase-desk-form-{}", std::process::id()));
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
        assert_eq!(case.kept.len(), 2);
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
    fn empty_fields_are_written_as_new_case_writes_them() {
        let config = config();
        let case = Case {
            title: "（请填写标题）".into(),
            date: "2025-03-01".into(),
            terms: [("kind".to_string(), vec!["park".to_string()])].into(),
            draft: true,
            body: "\n## 基本情况\n".into(),
            ..Case::default()
        };
        assert_eq!(
            case.write(&config),
            "---\ntitle: （请填写标题）\nsummary:\ndate: 2025-03-01\nkind: park\nindustry: []\norganisation:\ndraft: true\n---\n\n## 基本情况\n"
        );
    }
}
