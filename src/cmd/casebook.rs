//! `showcase casebook`: the printed casebook (典型案例汇编) as a PDF per language.
//!
//! Steps: read the site as `build` does (stopping on the same errors); work
//! out the languages and the files to write; typeset the books
//! ([`crate::casebook::make`]); write each PDF and report its pages and cases.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::casebook::{self, Request};
use crate::cli::CasebookArgs;
use crate::config::Config;
use crate::diagnostics::Failure;
use crate::messages::Messages;
use crate::msg;
use crate::site::{self, Source, profile::Stages};

pub fn run(args: &CasebookArgs, messages: &Messages) -> Result<String, Failure> {
    let started = Instant::now();
    let source = Source {
        root: &args.root,
        base_url: None,
        drafts: false,
        future: false,
        expired: false,
    };
    let mut stages = Stages::new(started);
    let (site, problems) = site::load(&source, None, &mut stages)?;
    if !problems.is_empty() {
        return Err(Failure::Content(problems));
    }
    let config = &site.config;
    let langs = languages(config, &args.lang)?;
    let request = Request {
        langs: langs.clone(),
        sections: args.section.clone(),
        case: args.case.clone(),
    };
    let books = casebook::make(config, &site.library, &request)?;
    let mut report = String::new();
    for book in &books {
        let path = output(args, config, book.lang, langs.len());
        crate::output::write_atomically(&path, &book.pdf)?;
        report.push_str(&msg!(
            messages,
            "casebook-written",
            file = path.display().to_string(),
            cases = book.cases,
            pages = book.pages,
            lang = config.languages[book.lang].name.clone()
        ));
        report.push('\n');
    }
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    report.push_str(&msg!(messages, "casebook-done", seconds = seconds));
    report.push('\n');
    Ok(report)
}

/// The languages asked for, by index; every language of the site when none are named.
fn languages(config: &Config, codes: &[String]) -> Result<Vec<usize>, Failure> {
    if codes.is_empty() {
        return Ok((0..config.languages.len()).collect());
    }
    let mut langs = Vec::new();
    for code in codes {
        let Some(lang) = config.language_index(code.trim()) else {
            let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(Failure::from(crate::keyed!(
                "casebook-no-language",
                code = code,
                hint = crate::diagnostics::hint(code, known.iter().copied()),
                codes = known.join(", ")
            )));
        };
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    Ok(langs)
}

/// The file of one language's PDF: `-o` as given for one language, with the language
/// before the extension for several; else `casebook.<lang>.pdf` (or the case's name for a leaflet).
fn output(args: &CasebookArgs, config: &Config, lang: usize, count: usize) -> PathBuf {
    let code = &config.languages[lang].code;
    match &args.output {
        Some(path) if count == 1 => path.clone(),
        Some(path) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let ext = path
                .extension()
                .map_or("pdf".into(), |e| e.to_string_lossy().into_owned());
            path.with_file_name(format!("{stem}.{code}.{ext}"))
        }
        None => {
            let name = args.case.as_deref().map_or("casebook".to_string(), leaflet_name);
            PathBuf::from(format!("{name}.{code}.pdf"))
        }
    }
}

/// `content/cases/alpha.md` → `alpha`; `content/cases/x/index.md` → `x`.
fn leaflet_name(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem.split('.').next().unwrap_or("").to_string();
    if stem == "index" || stem.is_empty() {
        let parent = file.parent().and_then(|p| p.file_name());
        return parent.map_or("case".to_string(), |p| p.to_string_lossy().into_owned());
    }
    stem
}
