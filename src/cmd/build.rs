//! `showcase build`: the site's pipeline ([`crate::site`]) into a published folder.
//!
//! Steps: compare the sources, the program, the options, the day and the
//! output with the record of the last build, and stop there if none changed
//! ([`site::unchanged`]); load the site's stages (nothing is written if anything was wrong);
//! save the Markdown and highlight caches; produce every job into a staging
//! folder, keeping the pages whose key is the one recorded by the last build,
//! with the redirects of the address ledger ([`site::ledger`]; its errors stop
//! the build); swap the staging folder in; save the ledger (not for a build
//! with drafts) and say which pages moved; save the record of the pages and
//! the search indexes for the next build, and the record of this build's
//! sources and output when they held still while it ran; print the summary.

use std::path::PathBuf;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::config::Config;
use crate::content::translation;
use crate::diagnostics::Failure;
use crate::messages::Messages;
use crate::msg;
use crate::output::Staging;
use crate::site::unchanged::{self, Made};
use crate::site::{self, Keys, Record, Replaced, Source, Stages, profile};

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

impl Summary {
    /// The summary line, in the language of `messages`.
    pub fn text(&self, messages: &Messages) -> String {
        let per_language: Vec<String> = self
            .pages
            .iter()
            .map(|(lang, pages)| msg!(messages, "build-language-pages", lang = lang.as_str(), pages = *pages))
            .collect();
        let mut text = msg!(
            messages,
            "build-done",
            pages = self.pages.iter().map(|(_, n)| n).sum::<usize>(),
            per_language = per_language.join(", "),
            files = self.files,
            output = self.output.display().to_string(),
            seconds = format!("{:.2}", self.seconds),
        );
        let behind: Vec<String> = self
            .translations
            .iter()
            .filter(|(_, missing, stale)| missing + stale > 0)
            .map(|(lang, missing, stale)| {
                msg!(
                    messages,
                    "build-language-behind",
                    lang = lang.as_str(),
                    missing = *missing,
                    stale = *stale
                )
            })
            .collect();
        if !behind.is_empty() {
            text.push_str(&msg!(messages, "build-translations-behind", behind = behind.join("; ")));
        }
        text
    }

    fn of(made: Made, output: PathBuf, started: Instant) -> Summary {
        Summary {
            pages: made.pages,
            files: made.files,
            output,
            seconds: started.elapsed().as_secs_f64(),
            translations: made.translations,
        }
    }
}

pub fn run(args: &BuildArgs, messages: &crate::messages::Messages) -> Result<Summary, Failure> {
    let started = Instant::now();
    let mut stages = Stages::new(started);
    let source = Source {
        root: &args.root,
        base_url: args.base_url.as_deref(),
        drafts: args.drafts,
        future: args.future,
        expired: false,
    };
    // A build with nothing to do stops once it has compared.
    let (root, output, today, fonts) = {
        let config = Config::load(source.root, source.base_url)?;
        let today = crate::content::schedule::today(&config)?;
        let output = args.output.clone().unwrap_or_else(|| config.root.join("public"));
        let fonts = crate::casebook::font_stamps(&config);
        (config.root, output, today.to_string(), fonts)
    };
    let options = unchanged::Options {
        base_url: source.base_url,
        drafts: source.drafts,
        future: source.future,
        output: &output,
        today,
        fonts,
    };
    let inputs = unchanged::Inputs::read(&root, &options);
    if let Some(made) = inputs.and_then(|inputs| unchanged::Record::load(&root)?.still(inputs, &output)) {
        stages.mark("nothing changed");
        stages.report();
        return Ok(Summary::of(made, output, started));
    }
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
    let staging = Staging::new(&output, &site.config.root)?;
    let kept = Record::load(&site).map(Record::into_map);
    let renderer = site.renderer();
    let mut pages = site::produce_pages(&site, &renderer, &staging, Keys::Kept(kept.as_ref()), None, &mut stages)?;
    drop(kept);
    drop(renderer);
    let record = Record::new(&site, std::mem::take(&mut pages.made));
    // The pages are written: their HTML is not needed for the rest.
    site.forget_pages();
    profile::give_back_memory();
    let produced = site::produce_rest(&site, &staging, pages, Replaced::Cached, &mut stages)?;
    let ledger_errors = produced.ledger.errors();
    if !ledger_errors.is_empty() {
        return Err(Failure::Content(ledger_errors));
    }
    // The output changes: the record of the one it replaces no longer holds.
    unchanged::Record::remove(&root);
    staging.commit()?;
    stages.mark("swap");
    // The output as published, for the next build to compare with: surveyed while
    // the rest is saved.
    let survey = inputs.map(|_| {
        let output = output.clone();
        std::thread::spawn(move || unchanged::Survey::take(&output))
    });
    // The address ledger records what was published: not a preview with drafts
    // or pages before their date. Its news goes to standard error: standard
    // output is the summary's line.
    if !args.drafts && !args.future {
        for line in produced.ledger.save(&site.config.root)? {
            eprintln!("{}", line.text(messages));
        }
    }
    let saved = record.save(&site.config.root).and_then(|()| {
        produced
            .search_records
            .iter()
            .try_for_each(|(_, path, record)| record.save(path))?;
        if produced.qr_codes_changed {
            crate::render::wechat::save_qr_record(&site.config, &produced.qr_codes)?;
        }
        Ok(())
    });
    if let Err(e) = saved {
        eprintln!("showcase: the cache in {} was not saved: {e}", crate::cache::DIR);
    }
    let made = Made {
        pages: site
            .config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .zip(produced.pages)
            .collect(),
        files: produced.files,
        translations: translation::status(&site.config, &site.library)
            .languages
            .into_iter()
            .map(|l| (l.lang, l.totals.missing, l.totals.stale))
            .collect(),
    };
    // What the next build compares with, if the sources did not change while
    // this one read them (or by its own hand: a new address in the ledger).
    drop(site);
    let survey = survey.and_then(|survey| survey.join().ok().flatten());
    if let Some(inputs) = inputs.filter(|inputs| inputs.held(&root))
        && let Some(survey) = survey
        && let Err(e) = unchanged::Record::new(inputs, made.clone(), survey).save(&root)
    {
        eprintln!("showcase: the cache in {} was not saved: {e}", crate::cache::DIR);
    }
    stages.mark("record");
    stages.report();
    Ok(Summary::of(made, output, started))
}
