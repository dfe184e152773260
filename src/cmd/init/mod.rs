//! `showcase init [DIR] [--lang zh,en]`: starts a site that builds, checks
//! clean and serves at once, with the theme built into showcase.
//!
//! Steps: check the languages (the built-in theme speaks zh and en); refuse a
//! folder that holds anything; write a commented site.toml, the home page, the
//! catalogue, the pages the footer links to and an example case marked as a
//! draft, each in every language (translations stamped as up to date), a
//! `.gitignore`, and workflows for GitHub Pages and GitLab Pages that download
//! a released showcase binary and check its SHA-256 instead of compiling.

use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry};

use crate::cli::InitArgs;
use crate::content::translation::{self, STAMP_LEN};
use crate::diagnostics::Failure;
use crate::messages::Messages;
use crate::msg;

mod site_toml;

/// The pages of a new site: `name.zh.md` and `name.en.md` for each.
static CONTENT: Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/src/cmd/init/content");

const GITHUB_WORKFLOW: &str = include_str!("ci/github-pages.yml");
const GITLAB_CI: &str = include_str!("ci/gitlab-ci.yml");

/// Where the release workflow publishes the binaries, as it was told when it
/// built this one; a binary built elsewhere leaves the address for the site to fill in.
const RELEASES: Option<&str> = option_env!("SHOWCASE_RELEASES");
const RELEASES_PLACEHOLDER: &str = "https://example.org/showcase/releases/download";

/// The languages the built-in theme has UI strings for.
const LANGUAGES: &[&str] = &["zh", "en"];

const GITIGNORE: &str = "\
# What showcase builds and keeps between builds; both are made again from the sources.
/public/
/.showcase-cache/
";

pub fn run(args: &InitArgs, messages: &Messages) -> Result<String, Failure> {
    let langs = languages(&args.lang)?;
    refuse_unless_empty(&args.dir)?;
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    files.push(("site.toml".into(), site_toml::text(&langs)));
    files.push((".gitignore".into(), GITIGNORE.to_string()));
    let releases = RELEASES.unwrap_or(RELEASES_PLACEHOLDER);
    let fill = |text: &str| {
        text.replace("@VERSION@", env!("CARGO_PKG_VERSION"))
            .replace("@RELEASES@", releases)
    };
    files.push((".github/workflows/pages.yml".into(), fill(GITHUB_WORKFLOW)));
    files.push((".gitlab-ci.yml".into(), fill(GITLAB_CI)));
    for (stem, texts) in pages(&CONTENT) {
        let mut original: Option<String> = None;
        for (i, lang) in langs.iter().enumerate() {
            let Some((_, text)) = texts.iter().find(|(l, _)| l == lang) else {
                continue;
            };
            let mut text = text.clone();
            let name = if i == 0 {
                original = Some(text.clone());
                format!("content/{stem}.md")
            } else {
                if let Some(original) = &original {
                    let stamp = &translation::source_hash(original)[..STAMP_LEN];
                    text = translation::stamp(&text, stamp)
                        .map_err(|_| Failure::from(crate::keyed!("init-cannot-stamp", page = stem.as_str())))?;
                }
                format!("content/{stem}.{lang}.md")
            };
            files.push((name.into(), text));
        }
    }
    for (rel, text) in &files {
        let path = args.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Failure::io("create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Failure::io("write", &path, e))?;
    }
    let shown = args.dir.display().to_string();
    let mut report = msg!(
        messages,
        "init-started",
        folder = shown.as_str(),
        files = files.len(),
        languages = langs.join(", ")
    );
    report.push_str("\n\n");
    report.push_str(&msg!(messages, "init-next", folder = shown.as_str()));
    report.push('\n');
    if RELEASES.is_none() {
        report.push('\n');
        report.push_str(&msg!(messages, "init-no-releases", placeholder = RELEASES_PLACEHOLDER));
        report.push('\n');
    }
    Ok(report)
}

/// The languages of `--lang`, the default first: each one the built-in theme speaks, once.
fn languages(given: &[String]) -> Result<Vec<String>, Failure> {
    let mut langs: Vec<String> = Vec::new();
    for lang in given.iter().map(|l| l.trim().to_lowercase()) {
        if !LANGUAGES.contains(&lang.as_str()) {
            return Err(crate::keyed!("init-unknown-language", lang = &lang, langs = LANGUAGES.join(", ")).into());
        }
        if langs.contains(&lang) {
            return Err(crate::keyed!("init-language-twice", lang = &lang).into());
        }
        langs.push(lang);
    }
    if langs.is_empty() {
        return Err(crate::keyed!("init-no-language").into());
    }
    Ok(langs)
}

/// A new site goes into an empty folder (or one to be made), never over anything.
fn refuse_unless_empty(dir: &Path) -> Result<(), Failure> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if let Some(entry) = entries.next() {
                let name = entry
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .unwrap_or_default();
                return Err(crate::keyed!("init-not-empty", folder = dir.display().to_string(), name = name).into());
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory || dir.is_file() => {
            Err(crate::keyed!("init-is-a-file", folder = dir.display().to_string()).into())
        }
        Err(e) => Err(Failure::io("read", dir, e)),
    }
}

/// Each page's path without its language (`cases/example`) and its text per language.
fn pages(dir: &'static Dir<'static>) -> Vec<(String, Vec<(String, String)>)> {
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        for entry in dir.entries() {
            match entry {
                DirEntry::Dir(sub) => stack.push(sub),
                DirEntry::File(file) => {
                    let path = file.path().to_string_lossy().replace('\\', "/");
                    let Some(base) = path.strip_suffix(".md") else { continue };
                    let Some((stem, lang)) = base.rsplit_once('.') else {
                        continue;
                    };
                    let text = file.contents_utf8().unwrap_or_default().to_string();
                    match out.iter_mut().find(|(s, _)| s == stem) {
                        Some((_, texts)) => texts.push((lang.to_string(), text)),
                        None => out.push((stem.to_string(), vec![(lang.to_string(), text)])),
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_in_every_language_the_theme_speaks() {
        let pages = pages(&CONTENT);
        assert!(pages.iter().any(|(stem, _)| stem == "cases/example"), "{pages:?}");
        for (stem, texts) in &pages {
            let mut langs: Vec<&str> = texts.iter().map(|(l, _)| l.as_str()).collect();
            langs.sort();
            assert_eq!(langs, ["en", "zh"], "{stem}");
        }
    }

    #[test]
    fn languages_are_checked() {
        let list = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        assert_eq!(languages(&list("en,zh")).unwrap(), ["en", "zh"]);
        for bad in ["fr", "zh,zh", ""] {
            assert!(matches!(languages(&list(bad)), Err(Failure::Said(_))), "{bad}");
        }
    }
}
