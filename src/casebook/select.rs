//! Which cases a casebook prints, in which order, in one language.
//!
//! Steps: walk the default language's sections from the home page in the
//! site's order (sections by weight and title, cases as listed); keep the
//! cases of the sections asked for; for each, take its version in the book's
//! language, or, where it has none and the language's fallback policy is
//! `notice`, the original, marked as such (policy `skip` leaves it out).

use std::path::Path;

use crate::config::Config;
use crate::content::{Doc, Library};
use crate::diagnostics::Failure;

/// One case of the book.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The version printed: the book's language, or the original for a fallback.
    pub doc: &'a Doc,
    /// The original is printed because the book's language has no version of it.
    pub fallback: bool,
    /// The section's title in the book's language (the original's when untranslated).
    pub section: String,
    /// The section's folder in content/: `enterprises`, `` for the home page.
    pub section_key: String,
    /// The full address of its web page in the book's language.
    pub url: String,
}

/// The cases of a book in language `lang`, limited to `sections` (folders of content/) when any are given.
pub fn entries<'a>(
    config: &Config,
    library: &'a Library,
    lang: usize,
    sections: &[String],
) -> Result<Vec<Entry<'a>>, Failure> {
    let wanted: Vec<String> = sections.iter().map(|s| normalise_section(s)).collect();
    let mut order = Vec::new();
    if let Some(home) = library.translations.get("").and_then(|v| v[0]) {
        walk(library, home, &mut order);
    }
    let known: Vec<&str> = order.iter().map(|&(_, s)| library.docs[s].key.as_str()).collect();
    for section in &wanted {
        if !known
            .iter()
            .any(|k| k == section || k.starts_with(&format!("{section}/")))
        {
            let mut names: Vec<&str> = known.iter().copied().filter(|k| !k.is_empty()).collect();
            names.dedup();
            return Err(crate::keyed!(
                "casebook-no-section",
                section = section.as_str(),
                hint = crate::diagnostics::hint(section, names.iter().copied()),
                sections = names.join(", ")
            )
            .into());
        }
    }
    let mut out = Vec::new();
    for (case, section) in order {
        let section_key = &library.docs[section].key;
        if !wanted.is_empty()
            && !wanted
                .iter()
                .any(|w| section_key == w || section_key.starts_with(&format!("{w}/")))
        {
            continue;
        }
        if let Some(entry) = entry(config, library, case, lang) {
            out.push(entry);
        }
    }
    Ok(out)
}

/// One case (a doc of any language) in language `lang`, if the book prints it there.
pub fn entry<'a>(config: &Config, library: &'a Library, case: usize, lang: usize) -> Option<Entry<'a>> {
    let original = &library.docs[case];
    let versions = library.translations.get(&original.key)?;
    let (doc, fallback, path) = match versions[lang] {
        Some(d) => (&library.docs[d], false, library.docs[d].path.clone()),
        None => {
            let first = versions[0]?;
            let stand_in = library.docs[first].fallbacks.get(lang)?.clone()?;
            (&library.docs[first], true, stand_in)
        }
    };
    let section = doc
        .parent
        .map(|p| {
            let key = &library.docs[p].key;
            let titled = library.translations.get(key).and_then(|v| v[lang]).unwrap_or(p);
            (library.docs[titled].fm.title.clone(), key.clone())
        })
        .unwrap_or_default();
    Some(Entry {
        doc,
        fallback,
        section: section.0,
        section_key: section.1,
        url: absolute(config, &path),
    })
}

/// The doc of the case in `file` (a Markdown file of content/, as given on the command line).
pub fn find_case(library: &Library, file: &Path) -> Result<usize, Failure> {
    let wanted = std::fs::canonicalize(file).map_err(|e| Failure::io("read", file, e))?;
    let found = library
        .docs
        .iter()
        .position(|d| std::fs::canonicalize(&d.source).is_ok_and(|p| p == wanted));
    match found {
        Some(i) if library.docs[i].is_case() => Ok(i),
        Some(_) => Err(crate::keyed!("casebook-not-a-case", file = file.display().to_string()).into()),
        None => Err(crate::keyed!("casebook-not-a-page", file = file.display().to_string()).into()),
    }
}

/// The full address of a site path: `https://host/sub` + `/cases/a/`.
pub fn absolute(config: &Config, path: &str) -> String {
    let link = config.link(path);
    let origin = config
        .base_url
        .strip_suffix(&config.base_path)
        .unwrap_or(&config.base_url);
    format!("{origin}{link}")
}

/// Every case under a section (depth first), in listing order, with the section listing it.
fn walk(library: &Library, section: usize, out: &mut Vec<(usize, usize)>) {
    if let Some(pages) = library.pages_of.get(&section) {
        out.extend(
            pages
                .iter()
                .filter(|&&p| library.docs[p].is_case())
                .map(|&p| (p, section)),
        );
    }
    if let Some(subsections) = library.sections_of.get(&section) {
        for &sub in subsections {
            walk(library, sub, out);
        }
    }
}

/// `content/enterprises/` → `enterprises`.
fn normalise_section(section: &str) -> String {
    let section = section.trim().replace('\\', "/");
    let section = section.trim_matches('/');
    section
        .strip_prefix("content/")
        .unwrap_or(section)
        .trim_matches('/')
        .to_string()
}
