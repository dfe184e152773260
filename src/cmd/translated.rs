//! `showcase translated FILE…`: records that translations are up to date.
//!
//! Steps, for every FILE before anything is written: find the site (the
//! nearest folder above FILE with a site.toml, or `--root`), check that FILE is
//! a translation in `content/` and find its original (`a.en.md` → `a.md` or
//! `a.zh.md`), hash the original and put the stamp into the translation's
//! front matter (`translated_from: 3f2a9c1`), changing only that line. Then
//! write the changed files, each through a temporary file renamed over it.
//! No version control is needed.

use std::path::{Path, PathBuf};

use crate::cli::TranslatedArgs;
use crate::config::{CONFIG_FILE, Config};
use crate::content::translation::{self, STAMP_LEN};
use crate::content::{CONTENT_DIR, display_path, language_of};
use crate::diagnostics::{Diagnostic, Failure};
use crate::keyed;
use crate::messages::Messages;
use crate::msg;

/// One translation to stamp, worked out before anything is written.
struct Plan {
    path: PathBuf,
    shown: PathBuf,
    original: PathBuf,
    stamp: String,
    /// The new text, or `None` when the file already has this stamp.
    text: Option<String>,
}

pub fn run(args: &TranslatedArgs, messages: &Messages) -> Result<String, Failure> {
    let plans = args
        .files
        .iter()
        .map(|file| plan(file, args.root.as_deref()))
        .collect::<Result<Vec<Plan>, Failure>>()?;
    let mut report = String::new();
    for plan in plans {
        let (file, original) = (plan.shown.display().to_string(), plan.original.display().to_string());
        let stamp = plan.stamp.as_str();
        let line = match &plan.text {
            Some(text) => {
                write_in_place(&plan.path, text)?;
                msg!(
                    messages,
                    "translated-recorded",
                    file = file,
                    original = original,
                    stamp = stamp
                )
            }
            None => msg!(
                messages,
                "translated-already",
                file = file,
                original = original,
                stamp = stamp
            ),
        };
        report.push_str(&line);
        report.push('\n');
    }
    Ok(report)
}

fn plan(file: &Path, root: Option<&Path>) -> Result<Plan, Failure> {
    let full = std::fs::canonicalize(file).map_err(|e| Failure::io("read", file, e))?;
    let root = match root {
        Some(root) => std::fs::canonicalize(root).map_err(|e| Failure::io("read", root, e))?,
        None => find_root(&full)
            .ok_or_else(|| Failure::from(keyed!("translated-no-site", file = file.display().to_string())))?,
    };
    let config = Config::load(&root, None)?;
    let rel = full
        .strip_prefix(root.join(CONTENT_DIR))
        .ok()
        .and_then(Path::to_str)
        .map(|r| r.replace('\\', "/"))
        .ok_or_else(|| {
            Failure::from(keyed!(
                "translated-outside",
                file = file.display().to_string(),
                content = root.join(CONTENT_DIR).display().to_string()
            ))
        })?;
    let Some(stem_with_lang) = rel.strip_suffix(".md") else {
        return Err(keyed!("translated-not-markdown", file = file.display().to_string()).into());
    };
    let lang = language_of(&rel, &config).map_err(|m| {
        Failure::from(crate::keyed!(
            "usage-in-file",
            file = file.display().to_string(),
            problem = m
        ))
    })?;
    let shown = display_path(&config, &format!("{CONTENT_DIR}/{rel}"));
    let default = &config.languages[0];
    if lang == 0 {
        let example = translation::translation_rel(&rel, &config, config.languages.get(1).map_or("en", |l| &l.code));
        return Err(keyed!(
            "translated-original",
            file = shown.display().to_string(),
            lang = &default.name,
            example = format!("{CONTENT_DIR}/{example}")
        )
        .into());
    }
    let stem = &stem_with_lang[..stem_with_lang.len() - config.languages[lang].code.len() - 1];
    let candidates = [format!("{stem}.md"), format!("{stem}.{}.md", default.code)];
    let existing: Vec<&String> = candidates
        .iter()
        .filter(|c| root.join(CONTENT_DIR).join(c).is_file())
        .collect();
    let original_rel = match existing.as_slice() {
        [one] => (*one).clone(),
        [] => {
            return Err(keyed!(
                "translated-no-original",
                file = shown.display().to_string(),
                first = format!("{CONTENT_DIR}/{}", candidates[0]),
                second = format!("{CONTENT_DIR}/{}", candidates[1])
            )
            .into());
        }
        _ => {
            return Err(keyed!(
                "translated-two-originals",
                file = shown.display().to_string(),
                first = format!("{CONTENT_DIR}/{}", candidates[0]),
                second = format!("{CONTENT_DIR}/{}", candidates[1])
            )
            .into());
        }
    };
    let original = display_path(&config, &format!("{CONTENT_DIR}/{original_rel}"));
    let original_text = read_text(&root.join(CONTENT_DIR).join(&original_rel), &original)?;
    let stamp = translation::source_hash(&original_text)[..STAMP_LEN].to_string();
    let text = read_text(&full, &shown)?;
    let stamped = translation::stamp(&text, &stamp).map_err(|p| Failure::from(p.diagnostic(shown.clone())))?;
    Ok(Plan {
        path: full,
        shown,
        original,
        stamp,
        text: (stamped != text).then_some(stamped),
    })
}

/// The nearest folder above `file` that holds a site.toml and a content folder containing `file`.
fn find_root(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .find(|dir| dir.join(CONFIG_FILE).is_file() && file.starts_with(dir.join(CONTENT_DIR)))
        .map(Path::to_path_buf)
}

fn read_text(path: &Path, shown: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::io("read", path, e))?;
    String::from_utf8(bytes)
        .map_err(|_| Failure::from(Diagnostic::error_keyed(shown, 0, 0, crate::keyed!("content-not-utf8"))))
}

/// Replaces a file's text through a temporary file beside it, keeping its permissions.
fn write_in_place(path: &Path, text: &str) -> Result<(), Failure> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.showcase-{}", std::process::id()));
    let permissions = std::fs::metadata(path)
        .map_err(|e| Failure::io("read", path, e))?
        .permissions();
    std::fs::write(&temp, text).map_err(|e| Failure::io("write", &temp, e))?;
    let renamed = std::fs::set_permissions(&temp, permissions).and_then(|()| std::fs::rename(&temp, path));
    renamed.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Failure::io("write", path, e)
    })
}
