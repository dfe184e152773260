//! `showcase serve`: build the site into memory, serve it, rebuild on every
//! change and reload the open pages.
//!
//! Steps: listen on `--bind:--port` (a port in use is a usage error, exit 2);
//! start watching the sources ([`watch`]); build the site with the site's
//! pipeline into memory ([`rebuild`]), with the base URL
//! `http://127.0.0.1:PORT` so every link works locally; publish the result as
//! one [`Snapshot`] that requests read through an `Arc`, so a request gets the
//! old site or the new one, never half of each. Then serve requests on a few
//! threads ([`http`]) while this thread waits for changes and rebuilds. Every
//! change runs the same pipeline over the site served: the jobs whose key has
//! not changed are kept, the others rendered, and only what differs is laid
//! over the site. A search index whose text changed follows on another thread
//! once the sources are quiet, updated from the index served where it can be.
//! A rebuild that fails keeps the last good site, adds the error overlay to its
//! pages and prints the errors once; a rebuild that succeeds clears them.
//! Either way open tabs hear of it over Server-Sent Events ([`live`]).
//! Nothing is written to disk.

mod desk;
mod http;
mod live;
mod watch;

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::cli::ServeArgs;
use crate::config::CONFIG_FILE;
use crate::diagnostics::{self, Diagnostic, Failure};
use crate::messages::Messages;
use crate::msg;
use crate::output::memory::{Changes, Layers};
use crate::site::Source;
use crate::site::rebuild::{self, Built, Rebuilt};
use live::Hub;
use watch::{Change, Next, Watch};

/// How long the sources must stay quiet after a rebuild before an out-of-date
/// search index is made again: saves in a row wait for the last.
const SEARCH_DELAY: Duration = Duration::from_millis(400);

/// How many threads answer requests.
const WORKERS: usize = 4;

/// What the server serves at one moment: the last good site and the errors of
/// the last rebuild, if it failed.
#[derive(Debug)]
pub struct Snapshot {
    /// The last site built without errors; `None` until one is.
    pub files: Option<Arc<Layers>>,
    /// The errors of the last rebuild; empty when it succeeded.
    pub errors: Arc<Vec<Diagnostic>>,
    /// The errors as shown over every page ([`live::overlay`]); empty when there are none.
    pub overlay: Arc<str>,
    /// Counts the states served, so a page knows whether it is the latest.
    pub version: u64,
}

pub fn run(args: &ServeArgs, messages: &Messages) -> Result<(), Failure> {
    if !args.root.join(CONFIG_FILE).is_file() {
        return Err(crate::keyed!("serve-no-site", folder = args.root.display().to_string()).into());
    }
    let root = std::path::absolute(&args.root).map_err(|e| Failure::io("find", &args.root, e))?;
    let address = SocketAddr::new(args.bind, args.port);
    let server = tiny_http::Server::http(address).map_err(|e| {
        Failure::from(crate::keyed!(
            "serve-cannot-listen",
            address = address.to_string(),
            reason = e.to_string()
        ))
    })?;
    let port = server.server_addr().to_ip().map_or(args.port, |a| a.port());
    let url = format!("http://{}:{port}", url_host(args.bind));
    let mut watch = Watch::start(&root)?;

    // The root as given, so errors name files as `build` does.
    let builder = Builder {
        root: args.root.clone(),
        base_url: url.clone(),
        drafts: !args.no_drafts,
    };
    let shared = Arc::new(Shared {
        current: RwLock::new(Arc::new(Snapshot {
            files: None,
            errors: Arc::default(),
            overlay: Arc::from(""),
            version: 0,
        })),
        hub: Hub::default(),
        publishing: Mutex::new(()),
        search: Mutex::new(Vec::new()),
        search_records: Mutex::new(Vec::new()),
        generation: AtomicU64::new(0),
        messages: Messages::new(messages.lang()),
        root: args.root.clone(),
        desk: args
            .edit
            .then(|| desk::Desk::new(&root, args.bind, port, messages.lang()))
            .transpose()?,
    });
    // The last site built without errors: the next rebuild is made over it.
    let mut built: Option<Built> = None;
    // Languages whose search index waits for the sources to be quiet, and the thread indexing.
    let mut search_due = BTreeSet::new();
    let first = builder.build(&mut built, &mut search_due, None, true, &shared);
    shared.publish(first, false);

    println!(
        "{}",
        msg!(
            messages,
            "serve-serving",
            url = format!("{url}/"),
            folder = root.display().to_string()
        )
    );
    if !args.bind.is_loopback() {
        eprintln!("{}", msg!(messages, "serve-open-bind", address = args.bind.to_string()));
    }
    if let Some(desk) = &shared.desk {
        desk.announce(&url, args.bind, messages);
    }
    if args.open {
        open_browser(&format!("{url}/"), messages);
    }

    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                shared.handle(request);
            }
        });
    }
    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_secs(15));
                shared.hub.ping();
            }
        });
    }

    let mut indexing: Option<Indexing> = None;
    loop {
        let wait = (!search_due.is_empty()).then_some(SEARCH_DELAY);
        let change = match watch.next_within(wait) {
            Next::Change(change) => change,
            Next::Quiet => {
                // One index at a time, so an older one never lands after a newer.
                if indexing.as_ref().is_some_and(|i| !i.thread.is_finished()) {
                    continue;
                }
                if let Some(built) = &built {
                    indexing = Some(index_in_background(built, &search_due, &shared));
                }
                search_due.clear();
                continue;
            }
            Next::Closed => break,
        };
        // An index still being made is of sources that have changed: it stops, and
        // its languages wait for the sources to be quiet again, so the rebuild has
        // both cores.
        if let Some(running) = indexing.take_if(|i| !i.thread.is_finished()) {
            running.stop.store(true, Ordering::SeqCst);
            search_due.extend(running.langs.iter().copied());
            indexing = Some(running);
        }
        log_change(&change);
        let current = shared.current();
        let outcome = builder.build(&mut built, &mut search_due, current.files.as_deref(), false, &shared);
        shared.publish(outcome, change.css_only());
        watch.refresh();
    }
    Err(Failure::from(crate::keyed!("serve-watcher-closed")))
}

/// A language's search index made.
struct MadeIndex {
    lang: usize,
    /// The fingerprint of its inputs.
    fingerprint: u64,
    /// Its folder in the output: `en/search/`.
    folder: String,
    files: Vec<crate::search::IndexFile>,
    /// What updates it next time.
    record: crate::search::Record,
}

/// A search index being made on another thread.
struct Indexing {
    thread: std::thread::JoinHandle<()>,
    /// Set to stop it: it then lays nothing over the site.
    stop: Arc<std::sync::atomic::AtomicBool>,
    /// The languages it indexes.
    langs: BTreeSet<usize>,
}

/// Indexes the text of some languages on another thread and lays the index
/// over the site served, unless a rebuild came first (it makes its own) or it
/// is stopped.
fn index_in_background(built: &Built, langs: &BTreeSet<usize>, shared: &Arc<Shared>) -> Indexing {
    let site = &built.site;
    let records = shared
        .search_records
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    // (language, its code, the index's inputs, the record of the index served)
    type Job = (
        usize,
        String,
        crate::search::Inputs<'static>,
        Option<crate::search::Record>,
    );
    let jobs: Vec<Job> = langs
        .iter()
        .map(|&lang| {
            let inputs = crate::search::inputs(&site.config, &site.library, &site.rendered, lang).into_owned();
            let code = site.config.languages[lang].code.clone();
            (lang, code, inputs, records.get(lang).cloned().flatten())
        })
        .collect();
    let folders: Vec<String> = langs
        .iter()
        .map(|&lang| crate::search::folder(&site.config, lang))
        .collect();
    // The site served, whose index files an update reads.
    let served = shared.current().files.clone();
    let generation = shared.generation.load(Ordering::SeqCst);
    let shared = Arc::clone(shared);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        let started = Instant::now();
        let stop = || stopped.load(Ordering::Relaxed);
        let previous = |path: &str, len: u64, hash: u64| {
            let bytes = served.as_deref()?.get(&crate::output::file_of(path))?;
            (bytes.len() as u64 == len && xxhash_rust::xxh3::xxh3_64(bytes) == hash).then(|| bytes.to_vec())
        };
        let indexes: Option<Vec<MadeIndex>> = jobs
            .iter()
            .zip(folders)
            .map(|((lang, code, inputs, last), folder)| {
                let keys = inputs.doc_keys();
                let updated = last
                    .as_ref()
                    .and_then(|last| crate::search::update_until(inputs, &keys, last, &previous, &stop));
                if stop() {
                    return None;
                }
                let profile = std::env::var_os("SHOWCASE_PROFILE").is_some();
                if profile {
                    let how = if updated.is_some() { "updated" } else { "made anew" };
                    eprintln!("showcase: search index {code}: {how}");
                }
                let files = match updated {
                    Some(files) => files,
                    None => crate::search::index_until(inputs, &stop)?,
                };
                let record = crate::search::Record {
                    fingerprint: inputs.fingerprint_of(&keys),
                    files: files.iter().map(crate::search::IndexFile::entry).collect(),
                    docs: keys,
                };
                Some(MadeIndex {
                    lang: *lang,
                    fingerprint: record.fingerprint,
                    folder,
                    files,
                    record,
                })
            })
            .collect();
        if let Some(indexes) = indexes {
            shared.update_search(indexes, generation, started);
        }
    });
    Indexing {
        thread,
        stop,
        langs: langs.clone(),
    }
}

/// The host part of the served URL: a loopback name for "any address".
fn url_host(bind: IpAddr) -> String {
    match bind {
        ip if ip.is_unspecified() => Ipv4Addr::LOCALHOST.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    }
}

/// With SHOWCASE_PROFILE set, names the files whose change caused the rebuild.
fn log_change(change: &Change) {
    if std::env::var_os("SHOWCASE_PROFILE").is_some() {
        let paths: Vec<String> = change.paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("showcase: changed: {}", paths.join(", "));
    }
}

/// Builds the site into memory.
struct Builder {
    root: PathBuf,
    base_url: String,
    drafts: bool,
}

/// What one build gave: the site to serve and how many files changed, or the errors.
struct Outcome {
    result: Result<(Layers, usize), Vec<Diagnostic>>,
    seconds: f64,
}

impl Builder {
    /// Builds the site over the one served (`served`, made by `built`, with the search
    /// indexes `shared` has the fingerprints and records of); a site built without
    /// errors replaces `built`, and the languages whose search index it left for
    /// later join `search_due`.
    fn build(
        &self,
        built: &mut Option<Built>,
        search_due: &mut BTreeSet<usize>,
        served: Option<&Layers>,
        search_now: bool,
        shared: &Shared,
    ) -> Outcome {
        let search = &shared.search;
        let started = Instant::now();
        let source = Source {
            root: &self.root,
            base_url: Some(&self.base_url),
            drafts: self.drafts,
            // Scheduled and expired pages are shown, marked, as drafts are.
            future: self.drafts,
            expired: self.drafts,
        };
        let fingerprints = search.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        let previous = built.as_ref().zip(served).map(|(b, s)| (b, s, fingerprints.as_slice()));
        let result = match rebuild::rebuild(&source, previous, search_now) {
            Ok(Rebuilt {
                built: next,
                files,
                changed,
                search: made,
                search_due: due,
                search_records,
            }) => {
                // The indexes served are those made now or kept; the ones due follow later.
                let mut served_search = search.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                served_search.resize(made.len(), 0);
                let mut records = shared
                    .search_records
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                records.resize(made.len(), None);
                for (lang, fingerprint) in made.into_iter().enumerate() {
                    if !due.contains(&lang) {
                        served_search[lang] = fingerprint;
                    }
                }
                for (lang, record) in search_records {
                    records[lang] = Some(record);
                }
                // The site built before is let go of on a thread of its own: freeing
                // a site of 10,000 cases takes a tenth of a second the edit need not wait.
                if let Some(before) = built.replace(next) {
                    std::thread::spawn(move || drop(before));
                }
                search_due.extend(due);
                Ok((files, changed))
            }
            Err(failure) => Err(problems(failure, &self.root)),
        };
        Outcome {
            result,
            seconds: started.elapsed().as_secs_f64(),
        }
    }
}

/// A failure as diagnostics, for the overlay and the terminal.
fn problems(failure: Failure, root: &Path) -> Vec<Diagnostic> {
    let mut found = match failure {
        Failure::Content(found) => found,
        Failure::Said(message) => vec![Diagnostic::error_keyed("showcase", 0, 0, *message)],
        // A file or folder may be gone while it was read (deleted during the
        // build): the change that removed it brings another rebuild.
        Failure::Io { path, action, source } => vec![Diagnostic::error_keyed(
            path.strip_prefix(root).unwrap_or(&path),
            0,
            0,
            crate::keyed!(
                "serve-io",
                action = crate::keyed!("io-action", action = action),
                reason = crate::keyed!(
                    "io-reason",
                    kind = format!("{:?}", source.kind()),
                    detail = source.to_string()
                )
            ),
        )],
    };
    diagnostics::sort(&mut found);
    found
}

/// What the request threads, the rebuilding thread and the indexing thread share.
struct Shared {
    current: RwLock<Arc<Snapshot>>,
    hub: Hub,
    /// Held while a new state is made from the current one.
    publishing: Mutex<()>,
    /// Per language: the fingerprint of the inputs of the search index served.
    search: Mutex<Vec<u64>>,
    /// Per language: the record of the search index served, to update it from.
    search_records: Mutex<Vec<Option<crate::search::Record>>>,
    /// Counts rebuilds: an index begun before the last one is out of date.
    generation: AtomicU64,
    /// What the console and the error overlay say, in the author's language.
    messages: Messages,
    /// The site's folder as given, which the errors' file names are relative to.
    root: PathBuf,
    /// The editing desk at `/_edit/`, with `--edit`.
    desk: Option<desk::Desk>,
}

impl Shared {
    fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Lays a new search index over the site served, without a reload (no
    /// page shows it), unless a rebuild has come since it was begun.
    fn update_search(&self, indexes: Vec<MadeIndex>, generation: u64, started: Instant) {
        let _publishing = self.publishing.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        let old = self.current();
        let Some(served) = &old.files else {
            return;
        };
        let mut changes = Changes::new();
        for index in &indexes {
            changes.extend(rebuild::index_changes(&index.files, &index.folder, served));
        }
        if let Some(next) = served.with(changes) {
            *self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(Snapshot {
                files: Some(Arc::new(next)),
                errors: Arc::clone(&old.errors),
                overlay: Arc::clone(&old.overlay),
                version: old.version,
            });
        }
        let mut search = self.search.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut records = self
            .search_records
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for index in indexes {
            if let Some(slot) = search.get_mut(index.lang) {
                *slot = index.fingerprint;
            }
            if let Some(slot) = records.get_mut(index.lang) {
                *slot = Some(index.record);
            }
        }
        if std::env::var_os("SHOWCASE_PROFILE").is_some() {
            eprintln!("showcase: {:>8.3} s  search index", started.elapsed().as_secs_f64());
        }
    }

    /// Makes a build's outcome the served state, prints it and tells the open tabs.
    fn publish(&self, outcome: Outcome, css_only: bool) {
        let _publishing = self.publishing.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.generation.fetch_add(1, Ordering::SeqCst);
        let old = self.current();
        let next = match outcome.result {
            Ok((files, changed)) => {
                let messages = &self.messages;
                let seconds = format!("{:.3}", outcome.seconds);
                if old.errors.is_empty() && old.files.is_some() && changed == 0 {
                    println!("{}", msg!(messages, "serve-nothing-changed", seconds = seconds));
                    return;
                }
                let line = if old.version == 0 {
                    msg!(messages, "serve-built", files = files.len(), seconds = seconds)
                } else {
                    msg!(
                        messages,
                        "serve-rebuilt",
                        changed = changed,
                        seconds = seconds,
                        fixed = if old.errors.is_empty() { "no" } else { "yes" }
                    )
                };
                println!("{line}");
                Snapshot {
                    files: Some(Arc::new(files)),
                    errors: Arc::default(),
                    overlay: Arc::from(""),
                    version: old.version + 1,
                }
            }
            Err(errors) => {
                // The same errors again: they were printed and are shown already.
                if *old.errors == errors {
                    return;
                }
                let messages = &self.messages;
                for d in &errors {
                    eprintln!("{}", d.line(messages));
                }
                eprintln!(
                    "{}",
                    msg!(
                        messages,
                        "serve-errors",
                        count = errors.len(),
                        served = if old.files.is_some() { "yes" } else { "no" }
                    )
                );
                Snapshot {
                    overlay: live::overlay(&errors, old.files.is_some(), messages, &self.root).into(),
                    files: old.files.clone(),
                    errors: Arc::new(errors),
                    version: old.version + 1,
                }
            }
        };
        let swap_css = css_only && old.errors.is_empty() && next.errors.is_empty();
        let message = format!("{} {}", if swap_css { "css" } else { "reload" }, next.version);
        *self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(next);
        self.hub.send(&message);
    }

    /// Answers one request: the event stream, or a file of the current snapshot.
    fn handle(&self, request: tiny_http::Request) {
        use tiny_http::{Header, Method, Response};
        if let Some(desk) = &self.desk
            && desk::is_desk(request.url())
        {
            desk.handle(request, &self.current());
            return;
        }
        let method = request.method().clone();
        if !matches!(method, Method::Get | Method::Head) {
            let mut response =
                Response::from_string("405 method not allowed: this server only reads\n").with_status_code(405);
            if let Ok(allow) = Header::from_bytes("Allow", "GET, HEAD") {
                response.add_header(allow);
            }
            let _ = request.respond(response);
            return;
        }
        let target = request.url().to_string();
        if method == Method::Get && target.split('?').next() == Some(live::EVENTS_PATH) {
            self.hub.join(request, || self.current().version);
            return;
        }
        let snapshot = self.current();
        let reply = http::answer(&snapshot, &target);
        // Every reply's length is known: sent with Content-Length, never in chunks
        // (tiny_http chunks replies over 32 KiB unless told otherwise).
        let mut response = Response::from_data(reply.body)
            .with_status_code(reply.status)
            .with_chunked_threshold(usize::MAX);
        let headers = [
            ("Content-Type", reply.content_type.to_string()),
            ("Cache-Control", "no-store".to_string()),
            ("X-Content-Type-Options", "nosniff".to_string()),
        ];
        for (name, value) in headers.into_iter().chain(reply.headers) {
            if let Ok(header) = Header::from_bytes(name, value) {
                response.add_header(header);
            }
        }
        let _ = request.respond(response);
    }
}

/// Opens the URL in the default browser; failing to is only worth a note.
fn open_browser(url: &str, messages: &Messages) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Err(e) = command.spawn() {
        eprintln!(
            "{}",
            msg!(messages, "serve-no-browser", reason = e.to_string(), url = url)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_names_a_reachable_host() {
        assert_eq!(url_host("127.0.0.1".parse().unwrap()), "127.0.0.1");
        assert_eq!(url_host("0.0.0.0".parse().unwrap()), "127.0.0.1");
        assert_eq!(url_host("::1".parse().unwrap()), "[::1]");
        assert_eq!(url_host("192.168.1.5".parse().unwrap()), "192.168.1.5");
    }

    #[test]
    fn failures_become_diagnostics_relative_to_the_site() {
        let io = Failure::io(
            "read",
            Path::new("/site/content/cases"),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        let found = problems(io, Path::new("/site"));
        assert_eq!(found[0].file, Path::new("content/cases"));
        assert!(found[0].message.starts_with("cannot read it"));
    }
}
