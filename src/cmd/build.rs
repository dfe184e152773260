//! `showcase build`: the whole pipeline, from site.toml to a published folder.
//!
//! Steps: read the config and the content; render Markdown in parallel; load
//! the theme; stop here if anything was wrong (nothing is written). Then
//! render every job in parallel straight into a staging folder, copy the
//! assets, and swap the staging folder in.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::BuildArgs;
use crate::config::Config;
use crate::content::taxonomy::Catalogue;
use crate::content::translation;
use crate::content::{Library, LoadOptions};
use crate::diagnostics::{self, Diagnostic, Failure};
use crate::markdown::{self, Links};
use crate::output::Staging;
use crate::output::assets::Assets;
use crate::render::Renderer;
use crate::templates::Theme;

/// What a build made, for the summary line.
#[derive(Debug)]
pub struct Summary {
    /// Language code → pages written.
    pub pages: Vec<(String, usize)>,
    pub files: usize,
    pub output: PathBuf,
    pub seconds: f64,
    /// Per language other than the default: code, pages with no translation, stale translations.
    pub translations: Vec<(String, usize, usize)>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pages: Vec<String> = self.pages.iter().map(|(code, n)| format!("{code} {n}")).collect();
        write!(
            f,
            "showcase: built {} pages ({}) and {} other files into {} in {:.2} s",
            self.pages.iter().map(|(_, n)| n).sum::<usize>(),
            pages.join(", "),
            self.files,
            self.output.display(),
            self.seconds
        )?;
        let behind: Vec<String> = self
            .translations
            .iter()
            .filter(|(_, missing, stale)| missing + stale > 0)
            .map(|(code, missing, stale)| format!("{code} {missing} missing, {stale} stale"))
            .collect();
        if !behind.is_empty() {
            write!(f, "; translations: {}", behind.join("; "))?;
        }
        Ok(())
    }
}

pub fn run(args: &BuildArgs) -> Result<Summary, Failure> {
    let started = Instant::now();
    let config = Config::load(&args.root, args.base_url.as_deref())?;
    let mut library = Library::load(&config, LoadOptions { drafts: args.drafts })?;
    render_markdown(&config, &mut library)?;

    let assets = Assets::collect(&config)?;
    let theme = Theme::load(&config, Arc::new(assets.links.clone()))?;
    let catalogue = Catalogue::build(&config, &library);
    let renderer = Renderer::new(&config, &library, &catalogue, &theme);
    let clashes = renderer.check_paths();
    if !clashes.is_empty() {
        return Err(Failure::Content(clashes));
    }
    let jobs = renderer.plan();

    let output = args.output.clone().unwrap_or_else(|| config.root.join("public"));
    let staging = Staging::new(&output, &config.root)?;
    let results: Vec<Result<Option<usize>, Failure>> = jobs
        .par_iter()
        .map(|&job| {
            let out = renderer.render(job).map_err(Failure::from)?;
            staging.write(&out.path, out.text.as_bytes())?;
            Ok(out.lang)
        })
        .collect();
    let mut counts = vec![0usize; config.languages.len()];
    let mut files = 0; // 404 page, redirects
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(Some(lang)) => counts[lang] += 1,
            Ok(None) => files += 1,
            Err(Failure::Content(mut d)) => errors.append(&mut d),
            Err(other) => return Err(other),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Content(dedup(errors)));
    }

    for (path, bytes) in &assets.generated {
        staging.write(path, bytes)?;
        files += 1;
    }
    let copies: Vec<(PathBuf, String)> = assets
        .copies
        .iter()
        .cloned()
        .chain(library.assets.values().map(|a| (a.source.clone(), a.path.clone())))
        .collect();
    copies
        .par_iter()
        .map(|(source, path)| staging.copy(source, path))
        .collect::<Result<Vec<()>, Failure>>()?;
    files += copies.len();
    staging.commit()?;

    let translations = translation::status(&config, &library)
        .languages
        .into_iter()
        .map(|l| (l.lang, l.totals.missing, l.totals.stale))
        .collect();
    Ok(Summary {
        pages: config.languages.iter().map(|l| l.code.clone()).zip(counts).collect(),
        files,
        output,
        seconds: started.elapsed().as_secs_f64(),
        translations,
    })
}

/// Renders every doc's Markdown in parallel and resolves cover images.
fn render_markdown(config: &Config, library: &mut Library) -> Result<(), Failure> {
    let links = Links::new(config, library);
    let rendered: Vec<(markdown::Rendered, Result<Option<String>, Diagnostic>)> = library
        .docs
        .par_iter()
        .map(|doc| {
            let cover = match &doc.fm.cover {
                Some(cover) => markdown::resolve_url(&cover.src, doc, &links).map(Some).map_err(|m| {
                    Diagnostic::error(
                        doc.source.clone(),
                        doc.fm.cover_line,
                        1,
                        format!("cover: {}", m.replace("links to", "shows the image")),
                    )
                }),
                None => Ok(None),
            };
            (markdown::render(doc, &links), cover)
        })
        .collect();
    let mut errors = Vec::new();
    for (doc, (mut out, cover)) in library.docs.iter_mut().zip(rendered) {
        errors.append(&mut out.problems);
        match cover {
            Ok(url) => doc.cover_url = url,
            Err(e) => errors.push(e),
        }
        doc.html = out.html;
        doc.lead = out.lead;
        doc.anchors = out.anchors;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        diagnostics::sort(&mut errors);
        Err(Failure::Content(errors))
    }
}

/// One template error can fail many pages: report each distinct one once, with a count.
fn dedup(errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<(PathBuf, usize, usize, String), (Diagnostic, usize)> = BTreeMap::new();
    for e in errors {
        let base = e
            .message
            .split(" (while rendering ")
            .next()
            .unwrap_or(&e.message)
            .to_string();
        let key = (e.file.clone(), e.line, e.col, base);
        seen.entry(key).and_modify(|(_, n)| *n += 1).or_insert((e, 1));
    }
    seen.into_values()
        .map(|(mut d, n)| {
            if n > 1 {
                d.message = format!("{} and {} other pages", d.message.trim_end_matches(')'), n - 1);
                if d.message.contains("(while rendering ") {
                    d.message.push(')');
                }
            }
            d
        })
        .collect()
}
