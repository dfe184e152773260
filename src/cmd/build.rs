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
use crate::content::{Library, LoadOptions};
use crate::diagnostics::{self, Diagnostic, Failure};
use crate::markdown::{self, Links};
use crate::output::Staging;
use crate::output::assets::Assets;
use crate::render::Renderer;
use crate::search;
use crate::templates::Theme;

/// What a build made, for the summary line.
#[derive(Debug)]
pub struct Summary {
    /// Language code → pages written.
    pub pages: Vec<(String, usize)>,
    pub files: usize,
    pub output: PathBuf,
    pub seconds: f64,
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
        )
    }
}

pub fn run(args: &BuildArgs) -> Result<Summary, Failure> {
    let started = Instant::now();
    let mut stages = Stages::new(started);
    let config = Config::load(&args.root, args.base_url.as_deref())?;
    let mut library = Library::load(&config, LoadOptions { drafts: args.drafts })?;
    stages.mark("read content");
    render_markdown(&config, &mut library)?;
    stages.mark("markdown");

    let assets = Assets::collect(&config)?;
    let theme = Theme::load(&config, Arc::new(assets.links.clone()))?;
    let catalogue = Catalogue::build(&config, &library);
    let renderer = Renderer::new(&config, &library, &catalogue, &theme);
    let clashes = renderer.check_paths();
    if !clashes.is_empty() {
        return Err(Failure::Content(clashes));
    }
    let jobs = renderer.plan();
    stages.mark("theme, catalogue");

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

    stages.mark("pages");
    let index: Vec<search::IndexFile> = (0..config.languages.len())
        .into_par_iter()
        .flat_map(|lang| search::build(&config, &library, lang))
        .collect();
    index
        .par_iter()
        .map(|f| staging.write(&f.path, &f.bytes))
        .collect::<Result<Vec<()>, Failure>>()?;
    files += index.len();
    stages.mark("search index");
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
    stages.mark("assets");
    staging.commit()?;
    stages.mark("swap");
    stages.report();

    Ok(Summary {
        pages: config.languages.iter().map(|l| l.code.clone()).zip(counts).collect(),
        files,
        output,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// How long each stage took, printed to stderr when SHOWCASE_PROFILE is set.
struct Stages {
    enabled: bool,
    last: Instant,
    marks: Vec<(&'static str, f64)>,
}

impl Stages {
    fn new(started: Instant) -> Self {
        Stages {
            enabled: std::env::var_os("SHOWCASE_PROFILE").is_some(),
            last: started,
            marks: Vec::new(),
        }
    }

    fn mark(&mut self, stage: &'static str) {
        if self.enabled {
            let now = Instant::now();
            self.marks.push((stage, (now - self.last).as_secs_f64()));
            self.last = now;
        }
    }

    fn report(&self) {
        for (stage, seconds) in &self.marks {
            eprintln!("showcase: {seconds:>8.3} s  {stage}");
        }
    }
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
        doc.text = out.text;
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
