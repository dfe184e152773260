//! `showcase new case NAME`: scaffolds a case in every language of the site.
//!
//! Steps: read site.toml; make the file name from NAME (pinyin for Chinese);
//! look through content/ for its sections and the kind of each case; settle
//! the kind (`--kind`, checked against site.toml, or the most common kind of
//! `--section`) and the section (`--section`, or the section holding most
//! cases of that kind, or the catalogue's); refuse when a file of that name
//! is there; fill the site's archetypes or the built-in outline; check the
//! result parses; stamp the translations as made from the new original; and
//! create every file or none.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{NewArgs, NewCaseArgs, NewCommand};
use crate::config::Config;
use crate::content::archetype::{self, Fields};
use crate::content::front_matter::{self, placeholder_title};
use crate::content::slug::slugify;
use crate::content::translation::{self, STAMP_LEN};
use crate::content::{CONTENT_DIR, display_path, language_of, parent_folder};
use crate::diagnostics::Failure;
use crate::keyed;
use crate::messages::Messages;
use crate::msg;

/// The folder of a site's own archetypes.
pub const ARCHETYPES_DIR: &str = "archetypes";

/// The environment variable that sets today's date (YYYY-MM-DD), for tests and reproducible runs.
pub const TODAY_VAR: &str = "SHOWCASE_TODAY";

pub fn run(args: &NewArgs, messages: &Messages) -> Result<String, Failure> {
    match &args.command {
        NewCommand::Case(case) => new_case(case, messages),
    }
}

/// What the walk of content/ found.
#[derive(Debug, Default)]
struct Survey {
    /// Section folder → which languages have its `_index` file.
    sections: BTreeMap<String, Vec<bool>>,
    /// Folder → kind → how many cases of the default language.
    kinds: BTreeMap<String, BTreeMap<String, usize>>,
}

fn new_case(args: &NewCaseArgs, messages: &Messages) -> Result<String, Failure> {
    let config = Config::load(&args.root, None)?;
    let date = today()?;
    let slug = slugify(&args.name);
    if slug.is_empty() {
        return Err(keyed!("new-empty-name", name = &args.name).into());
    }
    let survey = survey(&config)?;
    let kinds: Vec<&str> = config
        .taxonomy("kind")
        .map(|t| t.terms.iter().map(|t| t.key.as_str()).collect())
        .unwrap_or_default();
    let section_arg = args.section.as_deref().map(normalise_section);
    if let Some(section) = &section_arg {
        check_section(&config, &survey, section)?;
    }
    let kind = choose_kind(&config, &survey, args.kind.as_deref(), section_arg.as_deref(), &kinds)?;
    let section = match section_arg {
        Some(section) => section,
        None => {
            let section = choose_section(&config, &survey, kind.as_deref())?;
            check_section(&config, &survey, &section)?;
            section
        }
    };

    // One file per language: name.md, name.en.md; refuse if any is there.
    let folder = if section.is_empty() {
        String::new()
    } else {
        format!("{section}/")
    };
    let rels: Vec<String> = config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| match i {
            0 => format!("{folder}{slug}.md"),
            _ => format!("{folder}{slug}.{}.md", l.code),
        })
        .collect();
    let content = config.root.join(CONTENT_DIR);
    let taken: Vec<String> = rels
        .iter()
        .cloned()
        .chain([
            format!("{folder}{slug}.{}.md", config.languages[0].code),
            format!("{folder}{slug}"),
        ])
        .filter(|rel| content.join(rel).exists())
        .collect();
    if !taken.is_empty() {
        return Err(keyed!(
            "new-taken",
            files = taken
                .iter()
                .map(|rel| display_path(&config, &format!("{CONTENT_DIR}/{rel}"))
                    .display()
                    .to_string())
                .collect::<Vec<_>>()
                .join(", "),
            count = taken.len()
        )
        .into());
    }

    // The text of each file.
    let taxonomies: Vec<&str> = config
        .taxonomies
        .iter()
        .map(|t| t.name.as_str())
        .filter(|n| *n != "kind")
        .collect();
    let mut texts: Vec<String> = Vec::new();
    for (lang, language) in config.languages.iter().enumerate() {
        let fields = Fields {
            title: placeholder_title(&language.code),
            date: &date,
            kind: kind.as_deref().unwrap_or(""),
            name: &args.name,
            slug: &slug,
            section: &section,
            lang: &language.code,
            taxonomies: &taxonomies,
        };
        let mut text = archetype_text(&config, lang, &fields)?;
        if lang > 0 {
            let stamp = &translation::source_hash(&texts[0])[..STAMP_LEN];
            text = translation::stamp(&text, stamp).map_err(|p| archetype_problem(&config, lang, p))?;
        }
        check_parses(&config, lang, &text)?;
        texts.push(text);
    }

    // Create every file, or none.
    let mut created: Vec<PathBuf> = Vec::new();
    for (rel, text) in rels.iter().zip(&texts) {
        let path = content.join(rel);
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = written {
            for done in &created {
                let _ = std::fs::remove_file(done);
            }
            if e.kind() != std::io::ErrorKind::AlreadyExists {
                let _ = std::fs::remove_file(&path);
            }
            return Err(Failure::io("write", &path, e));
        }
        created.push(path);
    }
    let shown: Vec<String> = rels
        .iter()
        .map(|rel| {
            display_path(&config, &format!("{CONTENT_DIR}/{rel}"))
                .display()
                .to_string()
        })
        .collect();
    let files = shown
        .iter()
        .cloned()
        .reduce(|first, second| msg!(messages, "list-and", first = first, second = second))
        .unwrap_or_default();
    let mut report = msg!(
        messages,
        "new-created",
        files = files,
        kind = kind.as_deref().unwrap_or("none")
    );
    report.push('\n');
    report.push_str(&msg!(messages, "new-next"));
    if let Some(translation) = shown.get(1) {
        report.push_str(&msg!(
            messages,
            "new-next-translation",
            translation = translation.as_str()
        ));
    }
    report.push('\n');
    Ok(report)
}

/// Today's date: `SHOWCASE_TODAY` if set, else the system clock in the local time zone.
fn today() -> Result<String, Failure> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => front_matter::parse_date(&text).map(|d| d.to_string()).ok_or_else(|| {
            Failure::from(crate::keyed!(
                "today-not-date",
                var = TODAY_VAR,
                written = text.as_str()
            ))
        }),
        Err(_) => Ok(jiff::ZonedDateTime::now().date().to_string()),
    }
}

/// `content/enterprises/` → `enterprises`.
fn normalise_section(section: &str) -> String {
    let section = section.trim().replace('\\', "/");
    let section = section.trim_matches('/');
    let section = section
        .strip_prefix(CONTENT_DIR)
        .map_or(section, |s| s.trim_start_matches('/'));
    section.to_string()
}

/// Walks content/: the sections, and the kind of every case of the default language.
/// Files that do not parse are passed over: the build reports them.
fn survey(config: &Config) -> Result<Survey, Failure> {
    let content = config.root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(keyed!("new-no-content", root = config.root.display().to_string()).into());
    }
    let mut survey = Survey::default();
    let walker = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| Failure::walk(e, &content))?;
        let Some(rel) = entry
            .path()
            .strip_prefix(&content)
            .ok()
            .and_then(Path::to_str)
            .map(|r| r.replace('\\', "/"))
        else {
            continue;
        };
        if !entry.file_type().is_file() || !rel.ends_with(".md") {
            continue;
        }
        let Ok(lang) = language_of(&rel, config) else { continue };
        let folder = parent_folder(&rel).to_string();
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        if name.starts_with("_index.") {
            survey
                .sections
                .entry(folder)
                .or_insert_with(|| vec![false; config.languages.len()])[lang] = true;
            continue;
        }
        if lang != 0 {
            continue;
        }
        // A bundle's case belongs to the folder above the bundle.
        let folder = if name.starts_with("index.") {
            parent_folder(&folder).to_string()
        } else {
            folder
        };
        if let Some(kind) = std::fs::read_to_string(entry.path()).ok().as_deref().and_then(kind_of) {
            *survey.kinds.entry(folder).or_default().entry(kind).or_default() += 1;
        }
    }
    Ok(survey)
}

/// The first `kind` of a file's front matter, if it has one.
fn kind_of(text: &str) -> Option<String> {
    let split = front_matter::split(text).ok()?;
    let value: serde_yaml::Value = serde_yaml::from_str(split.yaml).ok()?;
    match value.get("kind")? {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Sequence(items) => items.first()?.as_str().map(String::from),
        _ => None,
    }
}

/// `--kind`, checked; else the most common kind in `--section` (ties in site.toml's order).
fn choose_kind(
    config: &Config,
    survey: &Survey,
    kind: Option<&str>,
    section: Option<&str>,
    kinds: &[&str],
) -> Result<Option<String>, Failure> {
    let listing = || kinds.join(", ");
    match kind {
        Some(kind) if config.taxonomy("kind").is_none() => Err(keyed!("new-no-kinds", kind = kind).into()),
        Some(kind) if kinds.contains(&kind) => Ok(Some(kind.to_string())),
        Some(kind) => Err(keyed!(
            "new-unknown-kind",
            kind = kind,
            hint = crate::diagnostics::hint(kind, kinds.iter().copied()),
            kinds = listing()
        )
        .into()),
        None if kinds.is_empty() => Ok(None),
        None => {
            let best = section.and_then(|s| survey.kinds.get(s)).and_then(|counts| {
                let most = kinds.iter().filter_map(|k| counts.get(*k)).max()?;
                kinds.iter().find(|k| counts.get(**k) == Some(most)).copied()
            });
            match (section, best) {
                (Some(_), Some(kind)) => Ok(Some(kind.to_string())),
                (Some(section), None) => {
                    Err(keyed!("new-kind-from-section", section = section, kinds = listing()).into())
                }
                (None, _) => Err(keyed!("new-which-kind", kinds = listing()).into()),
            }
        }
    }
}

/// The section holding most cases of the kind (ties: the first folder in
/// alphabetical order), else the catalogue's folder when it is a section.
fn choose_section(config: &Config, survey: &Survey, kind: Option<&str>) -> Result<String, Failure> {
    if let Some(kind) = kind {
        let mut best: Option<(&String, usize)> = None;
        for (folder, counts) in &survey.kinds {
            let n = counts.get(kind).copied().unwrap_or(0);
            if n > 0 && survey.sections.contains_key(folder) && best.is_none_or(|(_, b)| n > b) {
                best = Some((folder, n));
            }
        }
        if let Some((folder, _)) = best {
            return Ok(folder.clone());
        }
    }
    if survey.sections.contains_key(&config.catalogue.key) {
        return Ok(config.catalogue.key.clone());
    }
    Err(keyed!(
        "new-which-section",
        what = match kind {
            Some(kind) => keyed!("new-cases-of", kind = kind),
            None => keyed!("new-cases"),
        },
        sections = sections_listing(survey)
    )
    .into())
}

/// The section must exist in every language, or the new files would not build.
fn check_section(config: &Config, survey: &Survey, section: &str) -> Result<(), Failure> {
    let index = |lang: usize| match lang {
        0 => format!("{CONTENT_DIR}/{section}/_index.md").replace("//", "/"),
        _ => format!("{CONTENT_DIR}/{section}/_index.{}.md", config.languages[lang].code).replace("//", "/"),
    };
    let Some(languages) = survey.sections.get(section) else {
        return Err(keyed!(
            "new-no-section",
            section = format!("{CONTENT_DIR}/{section}/"),
            hint = crate::diagnostics::hint(section, survey.sections.keys().map(String::as_str)),
            index = index(0),
            sections = sections_listing(survey)
        )
        .into());
    };
    let missing: Vec<String> = (0..config.languages.len())
        .filter(|&l| !languages[l])
        .map(|l| display_path(config, &index(l)).display().to_string())
        .collect();
    if !missing.is_empty() {
        return Err(keyed!(
            "new-section-incomplete",
            section = format!("{CONTENT_DIR}/{section}/"),
            missing = missing.join(", ")
        )
        .into());
    }
    Ok(())
}

fn sections_listing(survey: &Survey) -> crate::messages::Keyed {
    let names: Vec<&str> = survey
        .sections
        .keys()
        .filter(|s| !s.is_empty())
        .map(String::as_str)
        .collect();
    if names.is_empty() {
        keyed!("new-no-sections")
    } else {
        keyed!("new-sections", sections = names.join(", "))
    }
}

/// The site's archetype for a language filled in, or the built-in one.
fn archetype_text(config: &Config, lang: usize, fields: &Fields<'_>) -> Result<String, Failure> {
    let Some(path) = archetype_file(config, lang) else {
        return Ok(archetype::builtin(fields));
    };
    let full = config.root.join(&path);
    let template = std::fs::read_to_string(&full).map_err(|e| Failure::io("read", &full, e))?;
    archetype::fill(&template, fields).map_err(|p| archetype_problem(config, lang, p))
}

/// `archetypes/case.md` (or `case.zh.md`) for the default language, `archetypes/case.en.md` for English.
fn archetype_file(config: &Config, lang: usize) -> Option<String> {
    let code = &config.languages[lang].code;
    let mut names = vec![format!("{ARCHETYPES_DIR}/case.{code}.md")];
    if lang == 0 {
        names.insert(0, format!("{ARCHETYPES_DIR}/case.md"));
    }
    names.into_iter().find(|n| config.root.join(n).is_file())
}

fn archetype_problem(config: &Config, lang: usize, p: front_matter::Problem) -> Failure {
    let file = archetype_file(config, lang).unwrap_or_else(|| format!("{ARCHETYPES_DIR}/case.md"));
    Failure::from(p.diagnostic(display_path(config, &file)))
}

/// What is written must be valid front matter, or the archetype is at fault.
fn check_parses(config: &Config, lang: usize, text: &str) -> Result<(), Failure> {
    let problems = match front_matter::split(text) {
        Err(p) => vec![p],
        Ok(split) => front_matter::parse(split.yaml, split.yaml_line, config)
            .err()
            .unwrap_or_default(),
    };
    if problems.is_empty() {
        return Ok(());
    }
    let file = archetype_file(config, lang).unwrap_or_else(|| format!("{ARCHETYPES_DIR}/case.md"));
    let shown = display_path(config, &file);
    Err(Failure::Content(
        problems
            .into_iter()
            .map(|p| p.diagnostic(shown.clone()).context(crate::keyed!("context-archetype")))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_written_many_ways() {
        assert_eq!(normalise_section("content/enterprises/"), "enterprises");
        assert_eq!(normalise_section("/parks"), "parks");
        assert_eq!(normalise_section("talent\\lenovo"), "talent/lenovo");
    }

    #[test]
    fn the_kind_is_read_from_front_matter() {
        assert_eq!(kind_of("---\ntitle: a\nkind: park\n---\n").as_deref(), Some("park"));
        assert_eq!(kind_of("---\nkind: [base, park]\n---\n").as_deref(), Some("base"));
        assert_eq!(kind_of("---\ntitle: a\n---\n"), None);
        assert_eq!(kind_of("no front matter"), None);
    }
}
