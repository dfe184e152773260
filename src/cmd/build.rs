//! `showcase build`: the site's pipeline ([`crate::site`]) into a published folder.
//!
//! Steps: load the site's stages (nothing is written if anything was wrong);
//! save the Markdown and highlight caches; produce every job into a staging
//! folder, keeping the pages whose key is the one recorded by the last build,
//! with the redirects of the address ledger ([`site::ledger`]; its errors stop
//! the build); swap the staging folder in; save the ledger (not for a build
//! with drafts) and say which pages moved; save the record of the pages and
//! the search indexes for the next build; print the summary.

use std::path::PathBuf;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::content::translation;
use crate::diagnostics::Failure;
use crate::output::Staging;
use crate::site::{self, Keys, Record, Search, Source, Stages, profile};

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
    let mut stages = Stages::new(started);
    let source = Source {
        root: &args.root,
        base_url: args.base_url.as_deref(),
        drafts: args.drafts,
    };
    let (mut site, problems) = site::load(&source, None, &mut stages)?;
    if !problems.is_empty() {
        return Err(Failure::Content(problems));
    }
    stages.note(|| {
        let rendered = site.markdown.rendered;
        format!(
            "markdown: {} kept, {rendered} rendered",
            site.library.docs.len() - rendered
        )
    });
    // The caches only save time: a build that cannot write them still succeeds.
    let saved = site
        .markdown
        .save(&site.rendered)
        .and_then(|()| site.highlighter.save());
    if let Err(e) = saved {
        eprintln!("showcase: the cache in {} was not saved: {e}", crate::cache::DIR);
    }
    // The Markdown is rendered: its source is only needed by check's editorial rules.
    site.forget_sources();
    profile::give_back_memory();
    let output = args.output.clone().unwrap_or_else(|| site.config.root.join("public"));
    let staging = Staging::new(&output, &site.config.root)?;
    let kept = Record::load(&site).map(Record::into_map);
    let renderer = site.renderer();
    let mut pages = site::produce_pages(&site, &renderer, &staging, Keys::Kept(kept.as_ref()), &mut stages)?;
    drop(kept);
    drop(renderer);
    let record = Record::new(&site, std::mem::take(&mut pages.made));
    // The pages are written: their HTML is not needed for the rest.
    site.forget_pages();
    profile::give_back_memory();
    let produced = site::produce_rest(&site, &staging, pages, Search::Recorded, &mut stages)?;
    let ledger_errors = produced.ledger.errors();
    if !ledger_errors.is_empty() {
        return Err(Failure::Content(ledger_errors));
    }
    staging.commit()?;
    stages.mark("swap");
    // The address ledger records what was published: not a preview with drafts.
    // Its news goes to standard error: standard output is the summary's line.
    if !args.drafts {
        for line in produced.ledger.save(&site.config.root)? {
            eprintln!("{line}");
        }
    }
    let saved = record.save(&site.config.root).and_then(|()| {
        produced
            .search_records
            .iter()
            .try_for_each(|(path, record)| record.save(path))
    });
    if let Err(e) = saved {
        eprintln!("showcase: the cache in {} was not saved: {e}", crate::cache::DIR);
    }
    stages.report();

    Ok(Summary {
        pages: site
            .config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .zip(produced.pages)
            .collect(),
        files: produced.files,
        output,
        seconds: started.elapsed().as_secs_f64(),
        translations: translation::status(&site.config, &site.library)
            .languages
            .into_iter()
            .map(|l| (l.lang, l.totals.missing, l.totals.stale))
            .collect(),
    })
}
