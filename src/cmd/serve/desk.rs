//! The editing desk of `showcase serve --edit`, at `/_edit/`: authors edit,
//! create and translate cases in the browser, and the files written are the
//! Markdown they would write by hand.
//!
//! Steps of every request: the Host header must name this machine (a loopback
//! name or an IP address, never another host name: no DNS rebinding); the
//! request must carry this run's token, in the URL printed at start (which
//! sets an HttpOnly, SameSite=Strict cookie and leaves the token out of the
//! address bar) or in that cookie; a POST must come with an Origin of this
//! server. Then [`pages`] draws the list, the form of a case and the form of a
//! new case; saving checks that the file has not changed on disk since the
//! form was opened (its hash travels with the form), writes through a
//! temporary file ([`files`]) and lets the watcher rebuild the site as for
//! any other edit. Creating a case is `showcase new case`; marking a
//! translation up to date is `showcase translated`.

mod files;
mod fix;
mod form;
mod pages;

use std::io::Read;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tiny_http::{Header, Method, Request, Response};

use super::Snapshot;
use crate::config::Config;
use crate::content::{CONTENT_DIR, Library, LoadOptions};
use crate::diagnostics::Failure;
use crate::messages::{Lang, Messages};
use crate::msg;
use files::Refused;
use form::Case;
use pages::{FieldErrors, Page};

/// Where the desk lives.
pub const PREFIX: &str = "/_edit/";
/// The cookie holding the run's token.
const TOKEN_COOKIE: &str = "showcase_desk";
/// The cookie holding the desk's language.
const LANG_COOKIE: &str = "showcase_desk_lang";
/// The largest form accepted (a case's text is a few tens of KB).
const MAX_FORM_BYTES: usize = 4 * 1024 * 1024;

const SCRIPT: &str = include_str!("desk/desk.js");
const STYLE: &str = include_str!("desk/desk.css");

/// Whether a request target is the desk's.
pub fn is_desk(target: &str) -> bool {
    target == "/_edit" || target.starts_with(PREFIX) || target.starts_with("/_edit?")
}

/// The desk of one run of `serve --edit`.
pub struct Desk {
    /// The site's folder (absolute).
    root: PathBuf,
    token: String,
    port: u16,
    bind: IpAddr,
    zh: Messages,
    en: Messages,
    /// The desk's language unless the author picks the other.
    lang: Lang,
    /// The library read for the last page, with the config it was read under:
    /// the next reading takes from it the files that have not changed.
    read: Mutex<Option<(Config, Arc<Library>)>>,
}

/// What a desk request answers.
struct Answer {
    status: u16,
    content_type: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn html(status: u16, body: String) -> Answer {
        Answer {
            status,
            content_type: "text/html; charset=utf-8",
            headers: Vec::new(),
            body: body.into_bytes(),
        }
    }

    fn text(status: u16, body: &str) -> Answer {
        Answer {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn json(status: u16, value: &serde_json::Value) -> Answer {
        Answer {
            status,
            content_type: "application/json",
            headers: Vec::new(),
            body: value.to_string().into_bytes(),
        }
    }

    fn see_other(location: String) -> Answer {
        Answer {
            status: 303,
            content_type: "text/plain; charset=utf-8",
            headers: vec![("Location", location)],
            body: Vec::new(),
        }
    }
}

/// A request's form or query: names and values, in order (checkboxes repeat a name).
#[derive(Debug, Default)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    fn parse(text: &str) -> Fields {
        Fields(
            text.split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                    let decode = |s: &str| {
                        let s = s.replace('+', " ");
                        crate::text::percent_decode_strict(&s)
                            .map(|b| String::from_utf8_lossy(&b).into_owned())
                            .unwrap_or(s)
                    };
                    (decode(name), decode(value))
                })
                .collect(),
        )
    }

    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

impl Desk {
    pub fn new(root: &Path, bind: IpAddr, port: u16, lang: Lang) -> Result<Desk, Failure> {
        let mut random = [0u8; 24];
        getrandom::getrandom(&mut random)
            .map_err(|e| Failure::from(crate::keyed!("desk-no-token", reason = e.to_string())))?;
        Ok(Desk {
            root: root.to_path_buf(),
            token: random.iter().map(|b| format!("{b:02x}")).collect(),
            port,
            bind,
            zh: Messages::new(Lang::Zh),
            en: Messages::new(Lang::En),
            lang,
            read: Mutex::new(None),
        })
    }

    /// Prints the desk's address with its token, and a warning when others can reach it.
    pub fn announce(&self, url: &str, bind: IpAddr, messages: &Messages) {
        println!(
            "{}",
            msg!(
                messages,
                "desk-serving",
                url = format!("{url}{PREFIX}?token={}", self.token)
            )
        );
        if !bind.is_loopback() {
            eprintln!("{}", msg!(messages, "desk-open-bind", address = bind.to_string()));
        }
    }

    /// Answers one request of the desk.
    pub fn handle(&self, mut request: Request, snapshot: &Snapshot) {
        let answer = self.answer(&mut request, snapshot);
        let mut response = Response::from_data(answer.body)
            .with_status_code(answer.status)
            .with_chunked_threshold(usize::MAX);
        let headers = [
            ("Content-Type", answer.content_type.to_string()),
            ("Cache-Control", "no-store".to_string()),
            ("X-Content-Type-Options", "nosniff".to_string()),
            ("X-Frame-Options", "DENY".to_string()),
            ("Referrer-Policy", "same-origin".to_string()),
            (
                "Content-Security-Policy",
                "default-src 'self'; frame-ancestors 'none'; frame-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'".to_string(),
            ),
        ];
        for (name, value) in headers.into_iter().chain(answer.headers) {
            if let Ok(header) = Header::from_bytes(name, value) {
                response.add_header(header);
            }
        }
        let _ = request.respond(response);
    }

    fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }

    /// Whether a Host header names this server as this machine reaches it.
    fn host_allowed(&self, host: &str) -> bool {
        let Some((name, port)) = host.rsplit_once(':') else {
            return false;
        };
        if port != self.port.to_string() {
            return false;
        }
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let ip = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')).unwrap_or(name);
        match ip.parse::<IpAddr>() {
            // Bound to a loopback address: only loopback addresses reach it.
            Ok(ip) if self.bind.is_loopback() => ip.is_loopback(),
            // An address, never a name that some DNS could point here.
            Ok(_) => true,
            Err(_) => false,
        }
    }

    fn messages(&self, request: &Request) -> &Messages {
        let chosen = cookie(Self::header(request, "Cookie").unwrap_or(""), LANG_COOKIE);
        match chosen.as_deref() {
            Some("en") => &self.en,
            Some("zh") => &self.zh,
            _ if self.lang == Lang::En => &self.en,
            _ => &self.zh,
        }
    }

    fn answer(&self, request: &mut Request, snapshot: &Snapshot) -> Answer {
        let messages = self.messages(request);
        let host = Self::header(request, "Host").unwrap_or("").to_string();
        if !self.host_allowed(&host) {
            return Answer::text(403, &msg!(messages, "desk-refused-host"));
        }
        let target = request.url().to_string();
        let (path, query) = target.split_once('?').unwrap_or((&target, ""));
        let query = Fields::parse(query);
        let method = request.method().clone();
        let cookies = Self::header(request, "Cookie").unwrap_or("").to_string();
        let token_ok = cookie(&cookies, TOKEN_COOKIE).is_some_and(|t| same(&t, &self.token));
        if !token_ok {
            let given = query.get("token");
            if method == Method::Get && !given.is_empty() && same(given, &self.token) {
                return self.welcome();
            }
            return Answer::html(403, pages::refused(messages, &msg!(messages, "desk-refused-token")));
        }
        // Browsers send Origin with every POST (`null` under a no-referrer policy: refused too).
        if !matches!(method, Method::Get | Method::Head) {
            let expected = format!("http://{host}");
            if Self::header(request, "Origin") != Some(expected.as_str()) {
                return Answer::text(403, &msg!(messages, "desk-refused-origin"));
            }
        }
        let path = path.strip_prefix("/_edit").unwrap_or(path);
        match (method, path) {
            (Method::Get, "" | "/") => self.list(messages),
            (Method::Get, "/desk.js") => Answer {
                status: 200,
                content_type: "text/javascript; charset=utf-8",
                headers: Vec::new(),
                body: SCRIPT.as_bytes().to_vec(),
            },
            (Method::Get, "/desk.css") => Answer {
                status: 200,
                content_type: "text/css; charset=utf-8",
                headers: Vec::new(),
                body: STYLE.as_bytes().to_vec(),
            },
            (Method::Get, "/lang") => {
                let lang = if query.get("to") == "en" { "en" } else { "zh" };
                let mut answer = Answer::see_other(PREFIX.to_string());
                answer.headers.push((
                    "Set-Cookie",
                    format!("{LANG_COOKIE}={lang}; Path=/_edit; HttpOnly; SameSite=Strict"),
                ));
                answer
            }
            (Method::Get, "/case") => self.edit(messages, snapshot, query.get("file"), query.get("saved") == "1"),
            (Method::Get, "/new") => self.new_form(messages, &Fields::default(), None),
            (Method::Post, "/save") => match read_form(request) {
                Ok(form) => self.save(messages, snapshot, &form),
                Err(answer) => answer,
            },
            (Method::Post, "/source") => match read_form(request) {
                Ok(form) => self.save_source(messages, &form),
                Err(answer) => answer,
            },
            (Method::Post, "/new") => match read_form(request) {
                Ok(form) => self.create(messages, &form),
                Err(answer) => answer,
            },
            (Method::Post, "/translation") => match read_form(request) {
                Ok(form) => self.start_translation(messages, form.get("file"), form.get("lang")),
                Err(answer) => answer,
            },
            (Method::Post, "/translated") => match read_form(request) {
                Ok(form) => self.mark_translated(messages, snapshot, form.get("file")),
                Err(answer) => answer,
            },
            (Method::Post, "/upload") => self.upload(messages, request, query.get("file"), query.get("name")),
            _ => Answer::text(404, &msg!(messages, "desk-not-found")),
        }
    }

    /// The first visit with the token: set the cookie, then go to the desk
    /// (a page of ours, so the next request is same-site and carries it).
    fn welcome(&self) -> Answer {
        let mut answer = Answer::html(
            200,
            format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={PREFIX}\"><title>showcase</title></head><body><a href=\"{PREFIX}\">{PREFIX}</a></body></html>"
            ),
        );
        answer.headers.push((
            "Set-Cookie",
            format!("{TOKEN_COOKIE}={}; Path=/_edit; HttpOnly; SameSite=Strict", self.token),
        ));
        answer
    }

    fn config(&self) -> Result<Config, Failure> {
        Config::load(&self.root, None)
    }

    /// The library of every page, drafts and scheduled ones too; files that do
    /// not parse are in its `unparsed`. Files unchanged since the last page
    /// was drawn are taken from the library read then, not read again.
    fn library(&self, config: &Config) -> Result<Arc<Library>, Failure> {
        let options = LoadOptions {
            drafts: true,
            today: None,
            future: true,
            expired: true,
        };
        let mut read = self.read.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let previous = read
            .as_ref()
            .filter(|(under, _)| under == config)
            .map(|(_, library)| library.as_ref());
        let (library, _) = Library::load_partial(config, options, previous)?;
        let library = Arc::new(library);
        *read = Some((config.clone(), Arc::clone(&library)));
        Ok(library)
    }

    fn content(&self) -> PathBuf {
        self.root.join(CONTENT_DIR)
    }

    fn list(&self, messages: &Messages) -> Answer {
        let loaded = self.config().and_then(|config| {
            let library = self.library(&config)?;
            Ok((config, library))
        });
        match loaded {
            Ok((config, library)) => Answer::html(
                200,
                pages::list(messages, &config, &library, &fix::list(messages, &library)),
            ),
            Err(failure) => Answer::html(500, pages::refused(messages, &failure.text(messages))),
        }
    }

    /// The path of a case file from a request, and its text.
    fn case_file(&self, messages: &Messages, rel: &str) -> Result<(PathBuf, Vec<u8>), Answer> {
        let full = self.confined(messages, rel, true)?;
        match std::fs::read(&full) {
            Ok(bytes) => Ok((full, bytes)),
            Err(_) => Err(Answer::html(
                404,
                pages::refused(messages, &msg!(messages, "desk-no-file", file = rel)),
            )),
        }
    }

    /// `rel` inside content/, or the answer refusing it.
    fn confined(&self, messages: &Messages, rel: &str, markdown: bool) -> Result<PathBuf, Answer> {
        let refused = |text: String| Err(Answer::html(403, pages::refused(messages, &text)));
        if markdown && !rel.ends_with(".md") {
            return refused(msg!(messages, "desk-refused-path", file = rel));
        }
        match files::confine(&self.content(), rel) {
            Ok(path) => Ok(path),
            Err(Refused::Reserved(name)) => refused(msg!(messages, "desk-refused-name", name = name)),
            Err(Refused::Outside | Refused::Symlink) => refused(msg!(messages, "desk-refused-path", file = rel)),
        }
    }

    fn edit(&self, messages: &Messages, snapshot: &Snapshot, rel: &str, saved: bool) -> Answer {
        let (_, bytes) = match self.case_file(messages, rel) {
            Ok(found) => found,
            Err(answer) => return answer,
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let config = match self.config() {
            Ok(c) => c,
            Err(failure) => return Answer::html(500, pages::refused(messages, &failure.text(messages))),
        };
        let notice = saved.then(|| msg!(messages, "desk-saved"));
        let case = match Case::read(&text, &config) {
            Ok(case) => case,
            Err(problem) => {
                let page = fix::Fix {
                    rel,
                    hash: &hash(&bytes),
                    text: &text,
                    problem: Some(&problem),
                    notice: notice.as_deref(),
                    refusal: None,
                };
                return Answer::html(200, fix::page(messages, &page));
            }
        };
        let page = Page {
            rel,
            hash: hash(&bytes),
            case: &case,
            errors: &FieldErrors::default(),
            notice: notice.as_deref(),
            refusal: None,
        };
        let library = self.library(&config).ok();
        Answer::html(
            200,
            pages::edit(messages, &config, library.as_deref(), snapshot, &text, &page),
        )
    }

    fn save(&self, messages: &Messages, snapshot: &Snapshot, form: &Fields) -> Answer {
        let rel = form.get("file");
        let (path, bytes) = match self.case_file(messages, rel) {
            Ok(found) => found,
            Err(answer) => return answer,
        };
        let config = match self.config() {
            Ok(c) => c,
            Err(failure) => return Answer::html(500, pages::refused(messages, &failure.text(messages))),
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let base = Case::read(&text, &config).unwrap_or_default();
        let case = pages::case_from_form(form, &config, base);
        let library = self.library(&config).ok();
        let current = hash(&bytes);
        let redraw = |status: u16, errors: &FieldErrors, refusal: Option<&str>| {
            let page = Page {
                rel,
                // The hash the form was opened with: saving again is refused again until reloaded.
                hash: form.get("hash").to_string(),
                case: &case,
                errors,
                notice: None,
                refusal,
            };
            Answer::html(
                status,
                pages::edit(messages, &config, library.as_deref(), snapshot, &text, &page),
            )
        };
        if form.get("hash") != current {
            let refusal = msg!(messages, "desk-stale-file");
            return redraw(409, &FieldErrors::default(), Some(&refusal));
        }
        let errors = pages::validate(messages, &case);
        if !errors.is_empty() {
            let refusal = msg!(messages, "desk-fix-fields");
            return redraw(422, &errors, Some(&refusal));
        }
        if let Err(e) = files::write_atomic(&path, case.write(&config).as_bytes()) {
            let refusal = msg!(messages, "desk-write-failed", reason = e.to_string());
            return redraw(500, &FieldErrors::default(), Some(&refusal));
        }
        Answer::see_other(format!("{PREFIX}case?file={}&saved=1", encode(rel)))
    }

    fn new_form(&self, messages: &Messages, form: &Fields, error: Option<&str>) -> Answer {
        let loaded = self.config().and_then(|config| {
            let library = self.library(&config)?;
            Ok((config, library))
        });
        match loaded {
            Ok((config, library)) => Answer::html(
                if error.is_some() { 422 } else { 200 },
                pages::new_case(messages, &config, &library, form, error),
            ),
            Err(failure) => Answer::html(500, pages::refused(messages, &failure.text(messages))),
        }
    }

    /// Creates a case in every language as `showcase new case` does, titled as the author asked.
    fn create(&self, messages: &Messages, form: &Fields) -> Answer {
        let name = form.get("title").trim().to_string();
        let section = form.get("section").trim().to_string();
        let kind = form.get("kind").trim().to_string();
        if name.is_empty() {
            return self.new_form(messages, form, Some(&msg!(messages, "desk-need-title")));
        }
        let slug = crate::content::slug::slugify(&name);
        let args = crate::cli::NewArgs {
            command: crate::cli::NewCommand::Case(crate::cli::NewCaseArgs {
                name: name.clone(),
                kind: (!kind.is_empty()).then(|| kind.clone()),
                section: (!section.is_empty()).then(|| section.clone()),
                root: self.root.clone(),
            }),
        };
        if let Err(failure) = crate::cmd::new::run(&args, messages) {
            return self.new_form(messages, form, Some(&failure.text(messages)));
        }
        let folder = if section.is_empty() {
            String::new()
        } else {
            format!("{section}/")
        };
        let rel = format!("{folder}{slug}.md");
        // The title the author gave, in the original; its translations stay stamped as made from it.
        if let Ok(config) = self.config()
            && let Ok(text) = std::fs::read_to_string(self.content().join(&rel))
            && let Ok(mut case) = Case::read(&text, &config)
        {
            case.title = name;
            let _ = files::write_atomic(&self.content().join(&rel), case.write(&config).as_bytes());
            let translations: Vec<PathBuf> = config
                .languages
                .iter()
                .skip(1)
                .map(|l| self.content().join(format!("{folder}{slug}.{}.md", l.code)))
                .filter(|p| p.is_file())
                .collect();
            if !translations.is_empty() {
                let args = crate::cli::TranslatedArgs {
                    files: translations,
                    root: Some(self.root.clone()),
                };
                let _ = crate::cmd::translated::run(&args, messages);
            }
        }
        Answer::see_other(format!("{PREFIX}case?file={}&saved=1", encode(&rel)))
    }

    /// Marks a translation up to date, as `showcase translated` does.
    fn mark_translated(&self, messages: &Messages, _snapshot: &Snapshot, rel: &str) -> Answer {
        let path = match self.confined(messages, rel, true) {
            Ok(path) => path,
            Err(answer) => return answer,
        };
        let args = crate::cli::TranslatedArgs {
            files: vec![path],
            root: Some(self.root.clone()),
        };
        match crate::cmd::translated::run(&args, messages) {
            Ok(_) => Answer::see_other(format!("{PREFIX}case?file={}", encode(rel))),
            Err(failure) => Answer::html(422, pages::refused(messages, &failure.text(messages))),
        }
    }

    /// Starts the translation of an original into a language: a copy of the
    /// original, marked as a draft (so the site keeps showing the original with
    /// its notice until the translation is done), not stamped as up to date.
    /// Never over an existing file.
    fn start_translation(&self, messages: &Messages, rel: &str, code: &str) -> Answer {
        let original = match self.confined(messages, rel, true) {
            Ok(path) => path,
            Err(answer) => return answer,
        };
        let config = match self.config() {
            Ok(config) => config,
            Err(failure) => return Answer::html(422, pages::refused(messages, &failure.text(messages))),
        };
        let is_original = crate::content::language_of(rel, &config).is_ok_and(|lang| lang == 0);
        let lang = config.language_index(code).filter(|&l| l > 0);
        let (Some(lang), true) = (lang, is_original) else {
            return Answer::html(
                422,
                pages::refused(messages, &msg!(messages, "desk-refused-path", file = rel)),
            );
        };
        let target_rel = crate::content::translation::translation_rel(rel, &config, &config.languages[lang].code);
        let target = match self.confined(messages, &target_rel, true) {
            Ok(path) => path,
            Err(answer) => return answer,
        };
        let text = match std::fs::read_to_string(&original) {
            Ok(text) => text,
            Err(e) => {
                return Answer::html(
                    500,
                    pages::refused(messages, &msg!(messages, "desk-write-failed", reason = e.to_string())),
                );
            }
        };
        let copy = match Case::read(&text, &config) {
            Ok(mut case) => {
                case.draft = true;
                case.write(&config)
            }
            Err(problem) => return Answer::html(422, pages::refused(messages, &problem.message)),
        };
        match files::create_new(&target, copy.as_bytes()) {
            Ok(()) => Answer::see_other(format!("{PREFIX}case?file={}&saved=1", encode(&target_rel))),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Answer::see_other(format!("{PREFIX}case?file={}", encode(&target_rel)))
            }
            Err(e) => Answer::html(
                500,
                pages::refused(messages, &msg!(messages, "desk-write-failed", reason = e.to_string())),
            ),
        }
    }

    /// Takes an image into the folder of a case: checked by its first bytes and its size.
    fn upload(&self, messages: &Messages, request: &mut Request, rel: &str, name: &str) -> Answer {
        let error = |status: u16, text: String| Answer::json(status, &serde_json::json!({ "error": text }));
        let case = match self.confined(messages, rel, true) {
            Ok(path) => path,
            Err(_) => return error(403, msg!(messages, "desk-refused-path", file = rel)),
        };
        let too_big = || {
            error(
                413,
                msg!(
                    messages,
                    "desk-image-too-big",
                    limit = files::MAX_IMAGE_BYTES / 1024 / 1024
                ),
            )
        };
        if request.body_length().is_some_and(|n| n > files::MAX_IMAGE_BYTES) {
            return too_big();
        }
        let mut bytes = Vec::new();
        if request
            .as_reader()
            .take(files::MAX_IMAGE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .is_err()
        {
            return error(400, msg!(messages, "desk-not-found"));
        }
        if bytes.len() > files::MAX_IMAGE_BYTES {
            return too_big();
        }
        let Some(ext) = files::image_type(&bytes) else {
            return error(415, msg!(messages, "desk-not-an-image"));
        };
        let folder_rel = rel.rsplit_once('/').map_or("", |(f, _)| f);
        let wanted = files::image_name(name, ext);
        let (stem, _) = wanted.rsplit_once('.').unwrap_or((&wanted, ""));
        for n in 1..100 {
            let file = if n == 1 {
                wanted.clone()
            } else {
                format!("{stem}-{n}.{ext}")
            };
            let file_rel = if folder_rel.is_empty() {
                file.clone()
            } else {
                format!("{folder_rel}/{file}")
            };
            let Ok(target) = files::confine(&self.content(), &file_rel) else {
                return error(403, msg!(messages, "desk-refused-path", file = file_rel));
            };
            if target.parent() != case.parent() {
                return error(403, msg!(messages, "desk-refused-path", file = file_rel));
            }
            match files::create_new(&target, &bytes) {
                Ok(()) => return Answer::json(201, &serde_json::json!({ "name": file })),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return error(500, msg!(messages, "desk-write-failed", reason = e.to_string())),
            }
        }
        error(409, msg!(messages, "desk-write-failed", reason = "name taken"))
    }
}

/// Reads a url-encoded form, refusing one too large.
fn read_form(request: &mut Request) -> Result<Fields, Answer> {
    if request.body_length().is_some_and(|n| n > MAX_FORM_BYTES) {
        return Err(Answer::text(413, "413"));
    }
    let mut bytes = Vec::new();
    let read = request
        .as_reader()
        .take(MAX_FORM_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    if read.is_err() || bytes.len() > MAX_FORM_BYTES {
        return Err(Answer::text(413, "413"));
    }
    Ok(Fields::parse(&String::from_utf8_lossy(&bytes)))
}

/// The value of a cookie in a Cookie header.
fn cookie(header: &str, name: &str) -> Option<String> {
    header.split(';').find_map(|pair| {
        let (n, v) = pair.trim().split_once('=')?;
        (n == name).then(|| v.to_string())
    })
}

/// Compares two secrets in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The hash of a file as the form carries it.
pub fn hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// Percent-encodes a value for a query.
pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desk(bind: &str) -> Desk {
        Desk::new(Path::new("."), bind.parse().unwrap(), 4000, Lang::Zh).unwrap()
    }

    #[test]
    fn only_this_machine_by_address_or_localhost() {
        let d = desk("127.0.0.1");
        for ok in ["127.0.0.1:4000", "localhost:4000", "[::1]:4000"] {
            assert!(d.host_allowed(ok), "{ok}");
        }
        for bad in [
            "evil.example:4000",
            "127.0.0.1:80",
            "127.0.0.1",
            "192.168.1.2:4000",
            "",
            "localhost.evil:4000",
        ] {
            assert!(!d.host_allowed(bad), "{bad}");
        }
        let open = desk("0.0.0.0");
        assert!(open.host_allowed("192.168.1.2:4000"));
        assert!(!open.host_allowed("attacker.example:4000"));
    }

    #[test]
    fn forms_and_cookies_are_read() {
        let f = Fields::parse("title=%E9%98%BF+b&kind=a&kind=b&empty=");
        assert_eq!(f.get("title"), "阿 b");
        assert_eq!(f.all("kind"), vec!["a", "b"]);
        assert_eq!(f.get("missing"), "");
        assert_eq!(cookie("a=1; showcase_desk=xyz", TOKEN_COOKIE).as_deref(), Some("xyz"));
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
        assert_eq!(encode("cases/中.md"), "cases/%E4%B8%AD.md");
    }
}
