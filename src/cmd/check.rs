//! `showcase check`: everything `build` validates, and more, writing nothing.
//!
//! Steps: run the site's pipeline ([`site::load`], [`produce`]) into a collector
//! that keeps, for every file the build would write, the links and ids of
//! HTML pages; run the editorial rules over the library; check internal links,
//! anchors, images and alt text across both languages; with `--external`,
//! ask the outbound links' servers. Then print every problem, grouped by file
//! or as JSON, and return the exit code: 1 when there are errors (with
//! `--strict`, warnings too), else 0. A problem that stops the pipeline (a
//! broken site.toml) is reported the same way, with what was found so far.

mod external;
mod html;
mod links;
mod report;
mod rules;

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use jiff::civil::Date;

use crate::cli::{CheckArgs, Format};
use crate::config::CONFIG_FILE;
use crate::content::translation;
use crate::diagnostics::{self, Diagnostic, Failure};
use crate::messages::Messages;
use crate::msg;
use crate::output::{Sink, file_of};
use crate::site::{self, Produced, Source, Stages, produce};
use external::Verdict;
use links::{Checker, Files};

/// The environment variable that sets today's date for the `future-date` rule (YYYY-MM-DD).
pub const TODAY_VAR: &str = crate::content::schedule::TODAY_VAR;

/// Runs the check, prints its report on stdout and returns the exit code.
pub fn run(args: &CheckArgs, messages: &Messages) -> Result<i32, Failure> {
    let (mut found, produced, translations) = inspect(args)?;
    diagnostics::sort(&mut found);
    found.dedup();

    let (errors, warnings) = report::counts(&found);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let printed = match args.format {
        Format::Json => report::json(&found, translations.as_ref(), &mut out),
        Format::Text => {
            let what = match &produced {
                Some(p) => msg!(
                    messages,
                    "check-checked",
                    pages = p.pages.iter().sum::<usize>(),
                    files = p.files
                ),
                None => msg!(messages, "check-not-rendered"),
            };
            let files = found
                .iter()
                .map(|d| &d.file)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            let summary = msg!(
                messages,
                "check-summary",
                tally = report::tally(&found, messages),
                files = files,
                what = what
            );
            report::text(&found, &summary, messages, &mut out)
        }
    };
    match printed.and_then(|()| out.flush()) {
        Ok(()) => {}
        // A closed pipe (`showcase check | head`) is not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(Failure::io("write", Path::new("standard output"), e)),
    }
    Ok(if errors > 0 || (args.strict && warnings > 0) {
        1
    } else {
        0
    })
}

/// What `inspect` found: problems, what the pipeline produced and the translation
/// status, as far as it got.
type Inspection = (Vec<Diagnostic>, Option<Produced>, Option<translation::Status>);

/// Everything found, and what the pipeline produced if it got that far.
fn inspect(args: &CheckArgs) -> Result<Inspection, Failure> {
    let source = Source {
        root: &args.root,
        base_url: args.base_url.as_deref(),
        drafts: args.drafts,
        future: args.future,
        expired: false,
    };
    let mut stages = Stages::new(std::time::Instant::now());
    let (site, mut found) = match site::load(&source, None, &mut stages) {
        Ok(loaded) => loaded,
        Err(Failure::Content(found)) => return Ok((found, None, None)),
        Err(other) => return Err(other),
    };
    let renderer = site.renderer();
    let collector = Collector::default();
    let produced = match produce(&site, &renderer, &collector, &mut stages) {
        Ok(produced) => Some(produced),
        Err(Failure::Content(problems)) => {
            found.extend(problems);
            None
        }
        Err(other) => return Err(other),
    };
    // The address ledger: its errors, and the addresses that will answer 404.
    if let Some(produced) = &produced {
        found.extend(produced.ledger.diagnostics.iter().cloned());
    }

    let toml_path = site.config.root.join(CONFIG_FILE);
    let site_toml = std::fs::read_to_string(&toml_path).map_err(|e| Failure::io("read", &toml_path, e))?;
    // The day the library was read for (the site's time zone, or SHOWCASE_TODAY).
    let today = site.library.today.unwrap_or(Date::MIN);
    found.extend(rules::run(&site.config, &site.library, &renderer, today, &site_toml));

    if produced.is_some() {
        let files = collector.into_files();
        let templates = links::template_texts(&site.theme.files);
        let links = Checker::new(&site, &files, templates).run();
        found.extend(links.diagnostics);
        if args.external {
            let urls: Vec<String> = links.external.iter().map(|e| e.url.clone()).collect();
            let verdicts = external::check_all(&urls, Duration::from_secs(args.timeout));
            for (link, verdict) in links.external.iter().zip(verdicts) {
                let url = link.url.as_str();
                match verdict {
                    Verdict::Ok => {}
                    Verdict::Broken(why) => found.push(
                        Diagnostic::error_keyed(
                            link.file.clone(),
                            link.line,
                            link.col,
                            crate::keyed!("check-external-broken", url = url, why = why),
                        )
                        .rule("broken-external"),
                    ),
                    Verdict::Unreachable(why) => found.push(Diagnostic::warning_keyed(
                        link.file.clone(),
                        link.line,
                        link.col,
                        "unreachable-external",
                        crate::keyed!("check-external-unreachable", url = url, why = why),
                    )),
                }
            }
        }
    }
    let status = translation::status(&site.config, &site.library);
    Ok((found, produced, Some(status)))
}

/// A sink that writes nothing: it keeps the name of every file and scans HTML pages.
#[derive(Default)]
struct Collector {
    files: Mutex<Files>,
}

impl Collector {
    fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn keep(&self, site_path: &str, scan: Option<html::Scan>) {
        let file = file_of(site_path);
        let mut files = self.files.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        files.insert(file, scan);
    }
}

impl Sink for Collector {
    fn write(&self, site_path: &str, bytes: &[u8]) -> Result<(), Failure> {
        let scan = file_of(site_path)
            .ends_with(".html")
            .then(|| html::scan(&String::from_utf8_lossy(bytes)));
        self.keep(site_path, scan);
        Ok(())
    }

    fn copy(&self, source: &Path, site_path: &str) -> Result<(), Failure> {
        // A static HTML file is a page too: its links count.
        let scan = if site_path.ends_with(".html") {
            let bytes = std::fs::read(source).map_err(|e| Failure::io("read", source, e))?;
            Some(html::scan(&String::from_utf8_lossy(&bytes)))
        } else {
            None
        };
        self.keep(site_path, scan);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_collector_writes_nothing_and_scans_html_only() {
        let collector = Collector::default();
        collector.write("/a/", b"<a href=\"/b/\">b</a>").unwrap();
        collector.write("/feed.xml", b"<a href=\"/c/\">").unwrap();
        let files = collector.into_files();
        assert_eq!(files["a/index.html"].as_ref().unwrap().refs[0].url, "/b/");
        assert!(files["feed.xml"].is_none());
    }
}
