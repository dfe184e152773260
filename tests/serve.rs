//! `showcase serve` as an author uses it: start it on a free port, read pages
//! over HTTP, edit the sources and see the served site follow.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Site;

/// A running `showcase serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    /// Everything it printed so far, stdout and stderr.
    output: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Collects a stream's lines into `output`, telling `ready` the URL line.
fn drain(stream: impl Read + Send + 'static, output: Arc<Mutex<String>>, ready: std::sync::mpsc::Sender<String>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if line.contains("serving http://") {
                let _ = ready.send(line.clone());
            }
            let mut out = output.lock().unwrap();
            out.push_str(&line);
            out.push('\n');
        }
    });
}

impl Server {
    /// Starts serve on the site, on a port the system picks, and waits for it.
    fn start(site: &Site, args: &[&str]) -> Server {
        Server::start_with(site, args, &[])
    }

    /// [`Server::start`] with more variables in its environment.
    fn start_with(site: &Site, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_showcase"))
            .env("SHOWCASE_LANG", "en")
            .envs(env.iter().copied())
            .arg("serve")
            .arg("--root")
            .arg(&site.root)
            .args(["--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = Arc::new(Mutex::new(String::new()));
        let (ready, lines): (_, Receiver<String>) = channel();
        drain(child.stdout.take().unwrap(), Arc::clone(&output), ready.clone());
        drain(child.stderr.take().unwrap(), Arc::clone(&output), ready);
        let mut server = Server { child, port: 0, output };
        let line = lines
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("serve did not start:\n{}", server.printed()));
        let port = line.split("127.0.0.1:").nth(1).and_then(|rest| rest.split('/').next());
        server.port = port
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line}"));
        server
    }

    /// What a build of the site writes as serve serves it: with drafts, and its
    /// address as the base.
    fn built_alike(&self, site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
        let out = site.root.join("compare");
        let base = format!("http://127.0.0.1:{}", self.port);
        site.build(&["--drafts", "--base-url", &base, "-o", out.to_str().unwrap()])
            .assert_ok();
        common::snapshot(&out)
    }

    fn printed(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// Sends one request line as written (no normalisation) and reads the whole answer.
    fn request(&self, method: &str, target: &str) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            self.port
        )
        .unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        Reply::parse(&bytes)
    }

    fn get(&self, target: &str) -> Reply {
        self.request("GET", target)
    }

    /// Polls a page until `test` holds, for at most `seconds`.
    #[track_caller]
    fn wait_for(&self, target: &str, seconds: u64, test: impl Fn(&Reply) -> bool) -> Reply {
        let end = Instant::now() + Duration::from_secs(seconds);
        loop {
            let reply = self.get(target);
            if test(&reply) {
                return reply;
            }
            if Instant::now() > end {
                panic!(
                    "{target} did not change in {seconds} s; last answer {}:\n{}\nserve printed:\n{}",
                    reply.status,
                    reply.body,
                    self.printed()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Server {
    /// Waits until serve has printed `text` (its output is read on other threads,
    /// so a line may come after the change it tells of is served).
    #[track_caller]
    fn wait_printed(&self, text: &str, seconds: u64) {
        let end = Instant::now() + Duration::from_secs(seconds);
        while !self.printed().contains(text) {
            assert!(
                Instant::now() < end,
                "serve did not print {text:?} in {seconds} s:\n{}",
                self.printed()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Reply {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: body.to_string(),
        }
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

#[test]
fn serves_pages_files_redirects_and_the_404_page() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), "text/html; charset=utf-8");
    assert!(home.body.contains("/__showcase/live.js"));
    // Links work locally: the base URL is the server's own.
    let page = server.get("/cases/alpha/");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains(&format!("http://127.0.0.1:{}/cases/alpha/", server.port))
    );
    assert!(!page.body.contains("https://example.org"));

    for (path, kind) in [
        ("/feed.xml", "application/xml"),
        ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/cases/bundle/photo.png", "image/png"),
        ("/__showcase/live.js", "text/javascript; charset=utf-8"),
    ] {
        let reply = server.get(path);
        assert_eq!((reply.status, reply.header("content-type")), (200, kind), "{path}");
    }
    let css = home
        .body
        .split("href=\"")
        .find_map(|s| s.split('"').next().filter(|u| u.ends_with(".css")));
    let css = server.get(css.expect("a stylesheet"));
    assert_eq!(
        (css.status, css.header("content-type")),
        (200, "text/css; charset=utf-8")
    );
    assert!(!css.body.contains("live.js"));

    let redirect = server.get("/cases/alpha?x=1");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), "/cases/alpha/?x=1");

    let missing = server.get("/cases/nope/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("404"), "{}", missing.body);
    assert!(missing.body.contains("/__showcase/live.js"));

    let head = server.request("HEAD", "/cases/alpha/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(server.request("POST", "/").status, 405);
}

#[test]
fn no_file_outside_the_site_is_served() {
    let site = Site::fixture("basic");
    site.write("secret.txt", "TOP-SECRET");
    let server = Server::start(&site, &[]);
    for probe in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/cases/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "/secret.txt%00.html",
        "/site.toml",
        "/content/cases/alpha.md",
        "/secret.txt",
    ] {
        let reply = server.get(probe);
        assert!(matches!(reply.status, 400 | 404), "{probe}: {}", reply.status);
        assert!(!reply.body.contains("TOP-SECRET"), "{probe}");
        assert!(!reply.body.contains("root:"), "{probe}");
        assert!(!reply.body.contains("base_url"), "{probe}");
    }
}

#[test]
fn the_reload_script_is_never_in_build_output() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    for (file, bytes) in common::snapshot(&site.root.join("public")) {
        assert!(!String::from_utf8_lossy(&bytes).contains("__showcase"), "{file}");
    }
}

#[test]
fn serve_writes_nothing_to_disk() {
    let site = Site::fixture("basic");
    let before = common::snapshot(&site.root);
    let server = Server::start(&site, &[]);
    assert_eq!(server.get("/").status, 200);
    drop(server);
    // Only the highlight cache, which makes the next rebuild faster, may appear.
    let after: Vec<String> = common::snapshot(&site.root)
        .into_keys()
        .filter(|k| !k.starts_with(".showcase-cache/"))
        .collect();
    assert_eq!(after, before.into_keys().collect::<Vec<_>>());
    assert!(!site.root.join("public").exists());
}

#[test]
fn an_edit_shows_up_and_open_pages_hear_of_it() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(events, "GET /__showcase/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut events = BufReader::new(events);
    let first = read_event(&mut events);
    assert_eq!(first, "reload 1");

    let text = site.read("content/cases/alpha.md");
    site.write("content/cases/alpha.md", &format!("{text}\n新的一段：编辑已生效。\n"));
    server.wait_for("/cases/alpha/", 10, |r| r.body.contains("编辑已生效"));
    assert_eq!(read_event(&mut events), "reload 2");

    // An editor's atomic save: a temporary file renamed over the original.
    let temp = site.root.join("content/cases/.alpha.md.tmp");
    std::fs::write(&temp, format!("{text}\n第二次保存。\n")).unwrap();
    std::fs::rename(&temp, site.root.join("content/cases/alpha.md")).unwrap();
    server.wait_for("/cases/alpha/", 10, |r| {
        r.body.contains("第二次保存") && !r.body.contains("编辑已生效")
    });

    // A new case in a new folder, then the folder deleted.
    site.write("content/news/_index.md", "---\ntitle: 新闻\n---\n");
    site.write("content/news/first.md", "---\ntitle: 第一条新闻\n---\n\n正文。\n");
    server.wait_for("/news/first/", 10, |r| r.status == 200 && r.body.contains("第一条新闻"));
    std::fs::remove_dir_all(site.root.join("content/news")).unwrap();
    server.wait_for("/news/first/", 10, |r| r.status == 404);

    // A deleted case is gone.
    site.remove("content/cases/gamma.md");
    server.wait_for("/cases/gamma/", 10, |r| r.status == 404);
}

#[test]
fn an_edit_to_a_body_renders_only_what_shows_it() {
    let site = Site::fixture("basic");
    let server = Server::start_with(&site, &[], &[("SHOWCASE_PROFILE", "1")]);
    let list = server.get("/cases/");
    let english = server.get("/en/cases/alpha/");
    let stale = "has been updated since this English version was made";
    assert!(!english.body.contains(stale), "the translation is current at first");
    let manifest = server.get("/search/index.json");

    let text = site.read("content/cases/alpha.md");
    site.write(
        "content/cases/alpha.md",
        &format!(
            "{text}
新增段落：鹦鹉螺实训。
"
        ),
    );
    server.wait_for("/cases/alpha/", 10, |r| r.body.contains("鹦鹉螺实训"));
    server.wait_printed("changed file", 10);
    // The translation now says its original changed; lists show no body, so they stay.
    assert!(server.get("/en/cases/alpha/").body.contains(stale));
    let unversioned = |body: &str| body.split("data-version=").next().unwrap_or("").to_string();
    assert!(
        unversioned(&server.get("/cases/").body) == unversioned(&list.body),
        "the list page changed"
    );

    // The search index follows once the sources are quiet.
    server.wait_for("/search/index.json", 10, |r| r.body != manifest.body);
    let fragment = (0..50)
        .map(|id| server.get(&format!("/search/f/{id}.json")))
        .take_while(|r| r.status == 200)
        .find(|r| r.body.contains("/cases/alpha/"))
        .expect("alpha's fragment in the search index");
    assert!(fragment.body.contains("鹦鹉螺实训"), "{}", fragment.body);
    // Updated from the index served, not made anew, and as a build makes it.
    server.wait_printed("search index zh: updated", 10);
    // The index's files, not the search page.
    let index = server
        .built_alike(&site)
        .into_iter()
        .filter_map(|(f, bytes)| Some((f.strip_prefix("search/")?.to_string(), bytes)))
        .filter(|(f, _)| f != "index.html");
    for (file, bytes) in index {
        let served = server.get(&format!("/search/{file}"));
        assert!(
            served.body.as_bytes() == &bytes[..],
            "search/{file} differs from a build's"
        );
    }

    // Front matter shows in lists: they are rendered again.
    site.write(
        "content/cases/alpha.md",
        &text.replace("title: 阿尔法案例", "title: 阿尔法案例二"),
    );
    server.wait_for("/cases/", 10, |r| r.body.contains("阿尔法案例二"));
    assert!(!server.get("/cases/alpha/").body.contains("鹦鹉螺实训"));
}

/// After rebuilds of text and front matter, every file served is the file a
/// build writes (but for the live-reload script), and pages a change took
/// away are gone.
#[test]
fn rebuilds_serve_what_a_build_writes() {
    let site = Site::fixture("basic");
    // Every page's footer shows beta's title.
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &config.replacen(
            "paginate_by = 2\n",
            "paginate_by = 2\nfooter_links = [\"cases/beta.md\"]\n",
            1,
        ),
    );
    let server = Server::start(&site, &[]);
    assert!(server.get("/cases/alpha/").body.contains("贝塔"));
    let alpha = site.read("content/cases/alpha.md");
    let beta = site.read("content/cases/beta.md");
    assert_eq!(server.get("/industry/smart-software/").status, 200);

    // A new title, date and terms; the last case of a term leaves it.
    let edited = alpha
        .replace("title: 阿尔法案例", "title: 阿尔法案例（新）")
        .replace("date: 2024-05-01", "date: 2022-03-04")
        .replace("industry: [smart-software, fintech]", "industry: [fintech]");
    assert_ne!(edited, alpha);
    site.write("content/cases/alpha.md", &edited);
    server.wait_for("/cases/alpha/", 10, |r| r.body.contains("阿尔法案例（新）"));
    assert!(server.get("/year/2022/").body.contains("阿尔法案例（新）"));
    server.wait_for("/industry/smart-software/", 10, |r| r.status == 404);
    assert!(!server.get("/industry/").body.contains("/industry/smart-software/"));
    // A body edit of another case; an English title and summary.
    site.write("content/cases/beta.md", &format!("{beta}\n贝塔的新段落。\n"));
    server.wait_for("/cases/beta/", 10, |r| r.body.contains("贝塔的新段落"));
    // Beta's title is in every footer.
    let beta_now = site.read("content/cases/beta.md");
    let retitled = beta_now.replacen("title: ", "title: 新标题·", 1);
    assert_ne!(retitled, beta_now);
    site.write("content/cases/beta.md", &retitled);
    server.wait_for("/cases/alpha/", 10, |r| r.body.contains("新标题·"));
    // The last English case with an industry loses it: no English page lists the taxonomy.
    let english = site.read("content/cases/alpha.en.md");
    let english_edit = english
        .replace("title: Alpha case", "title: Alpha, renamed")
        .replace("summary: The summary of Alpha.\n", "")
        .replace("industry: [smart-software, fintech]\n", "");
    assert_ne!(english_edit, english);
    site.write("content/cases/alpha.en.md", &english_edit);
    server.wait_for("/en/cases/alpha/", 10, |r| r.body.contains("Alpha, renamed"));
    server.wait_for("/en/industry/", 10, |r| r.status == 404);
    // Each of the four edits was a rebuild that changed files (an editor's save
    // may reach the watcher as two events on a busy machine: one more rebuild).
    assert!(
        server.printed().matches(" changed file").count() >= 4,
        "{}",
        server.printed()
    );

    let built = server.built_alike(&site);
    let manifest = String::from_utf8_lossy(&built["search/index.json"]).to_string();
    server.wait_for("/search/index.json", 10, |r| r.body == manifest);
    for (file, bytes) in &built {
        let served = server.get(&format!("/{file}"));
        assert_eq!(served.status, 200, "{file}");
        let expected = String::from_utf8_lossy(bytes);
        let served = without_live_script(&served.body);
        let first_difference = served
            .lines()
            .zip(expected.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("served: {a}\nbuilt:  {b}"));
        assert!(
            served == expected,
            "{file} differs from a full build: {}",
            first_difference.unwrap_or_else(|| "in length".into())
        );
    }
}

/// A served page without the live-reload script serve adds.
fn without_live_script(body: &str) -> String {
    match body.find("<script src=\"/__showcase/live.js\"") {
        Some(start) => {
            let end = body[start..]
                .find("</script>\n")
                .map_or(body.len(), |e| start + e + "</script>\n".len());
            format!("{}{}", &body[..start], &body[end..])
        }
        None => body.to_string(),
    }
}

#[test]
fn drafts_are_served_and_marked_unless_left_out() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let draft = server.get("/cases/gamma/");
    assert_eq!(draft.status, 200);
    assert!(draft.body.contains("notice-draft"), "{}", draft.body);
    assert!(draft.body.contains("本页是草稿"));
    assert!(!server.get("/cases/alpha/").body.contains("notice-draft"));
    drop(server);

    let server = Server::start(&site, &["--no-drafts"]);
    assert_eq!(server.get("/cases/gamma/").status, 404);
}

fn read_event(events: &mut BufReader<TcpStream>) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        if events.read_line(&mut line).unwrap() == 0 {
            panic!("the event stream closed");
        }
        if let Some(data) = line.trim_end().strip_prefix("data: ") {
            return data.to_string();
        }
    }
}

#[test]
fn a_broken_edit_shows_the_errors_and_keeps_the_last_good_page() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let good = site.read("content/cases/alpha.md");
    site.write(
        "content/cases/alpha.md",
        &good.replace("title: 阿尔法案例", "title: [阿尔法<script>"),
    );
    let broken = server.wait_for("/cases/alpha/", 10, |r| r.body.contains("showcase-errors"));
    assert_eq!(broken.status, 200);
    assert!(broken.body.contains("阿尔法案例"), "the last good page stays");
    assert!(
        broken.body.contains("content/cases/alpha.md:3:8</strong>"),
        "{}",
        broken.body
    );
    assert!(broken.body.contains("not valid YAML"));
    assert!(!broken.body.contains("[阿尔法<script>"), "the error is escaped");
    // Every page shows it, not only the broken one.
    assert!(server.get("/").body.contains("showcase-errors"));

    // Saving the same broken file again prints nothing new.
    site.write(
        "content/cases/alpha.md",
        &good.replace("title: 阿尔法案例", "title: [阿尔法<script>"),
    );
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(
        server.printed().matches("not valid YAML").count(),
        1,
        "{}",
        server.printed()
    );

    site.write(
        "content/cases/alpha.md",
        &good.replace("阿尔法案例", "阿尔法案例（修订）"),
    );
    let fixed = server.wait_for("/cases/alpha/", 10, |r| r.body.contains("阿尔法案例（修订）"));
    assert!(!fixed.body.contains("showcase-errors"));
    server.wait_printed("the errors are fixed", 10);
}

#[test]
fn a_site_that_never_built_shows_its_errors_until_fixed() {
    let site = Site::fixture("basic");
    let good = site.read("content/cases/alpha.md");
    site.write(
        "content/cases/alpha.md",
        &good.replace("industry: [smart-software", "industry: [smart-sofware"),
    );
    let server = Server::start(&site, &[]);
    let reply = server.get("/cases/alpha/");
    assert_eq!(reply.status, 500);
    assert!(reply.body.contains("smart-sofware"));
    assert!(reply.body.contains("did you mean"));
    site.write("content/cases/alpha.md", &good);
    server.wait_for("/cases/alpha/", 10, |r| r.status == 200);
}

#[test]
fn a_port_in_use_is_a_usage_error() {
    let site = Site::fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run("serve", &["--port", &port], &[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--port"));
}

#[test]
fn a_folder_without_site_toml_is_a_usage_error() {
    let site = Site::fixture("basic");
    let run = site.cli(&["serve", "--root", "content", "--port", "0"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("has no site.toml"), "{}", run.stderr);
}

/// One keep-alive connection: GETs and reads each answer to its Content-Length.
struct Client {
    stream: BufReader<TcpStream>,
}

impl Client {
    fn connect(port: u16) -> Client {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        Client {
            stream: BufReader::new(stream),
        }
    }

    /// The status and body, or what went wrong.
    fn get(&mut self, target: &str) -> Result<(u16, Vec<u8>), String> {
        write!(
            self.stream.get_mut(),
            "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .map_err(|e| format!("write: {e}"))?;
        let mut status_line = String::new();
        self.stream
            .read_line(&mut status_line)
            .map_err(|e| format!("read: {e}"))?;
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("no status line: {status_line:?}"))?;
        let mut length = None;
        loop {
            let mut line = String::new();
            self.stream.read_line(&mut line).map_err(|e| format!("read: {e}"))?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let length = length.ok_or("no Content-Length")?;
        let mut body = vec![0; length];
        self.stream
            .read_exact(&mut body)
            .map_err(|e| format!("short body: {e}"))?;
        Ok((status, body))
    }
}

/// The resident memory of a process, in KiB (Linux).
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

/// Many readers while an author keeps saving: every answer whole, none an
/// error, memory flat. SHOWCASE_LOAD_CLIENTS and SHOWCASE_LOAD_SECONDS make it
/// the full run (200 clients for 30 s); the default is short for the suite.
#[test]
fn serve_holds_up_under_load_while_files_change() {
    let clients: usize = std::env::var("SHOWCASE_LOAD_CLIENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let seconds: u64 = std::env::var("SHOWCASE_LOAD_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let pid = server.child.id();
    let pages = [
        "/",
        "/cases/",
        "/cases/alpha/",
        "/en/cases/alpha/",
        "/cases/beta/",
        "/kind/enterprise/",
        "/search/index.json",
        "/feed.xml",
        "/sitemap.xml",
        "/cases/bundle/photo.png",
    ];
    // Warm up, then take the memory the site needs.
    for page in pages {
        assert_eq!(server.get(page).status, 200, "{page}");
    }
    let text = site.read("content/cases/alpha.md");
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let editor = {
        let stop = Arc::clone(&stop);
        let root = site.root.clone();
        let text = text.clone();
        std::thread::spawn(move || {
            let path = root.join("content/cases/alpha.md");
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                // Mostly edits to the text (re-render the page), every fifth to
                // the title (rebuild everything).
                let edited = if n.is_multiple_of(5) {
                    text.replace("title: 阿尔法案例", &format!("title: 阿尔法案例 {n}"))
                } else {
                    format!("{text}\n第 {n} 次编辑。\n")
                };
                std::fs::write(&path, edited).unwrap();
                std::thread::sleep(Duration::from_millis(150));
            }
            n
        })
    };
    let end = Instant::now() + Duration::from_secs(seconds);
    // Memory every quarter second, over the run.
    let sampler = std::thread::spawn(move || {
        let mut samples = Vec::new();
        while Instant::now() < end {
            samples.push(rss_kib(pid));
            std::thread::sleep(Duration::from_millis(250));
        }
        samples
    });
    let port = server.port;
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            std::thread::spawn(move || {
                let mut client = Client::connect(port);
                let mut done = 0usize;
                let mut problems = Vec::new();
                while Instant::now() < end {
                    let page = pages[(c + done) % pages.len()];
                    match client.get(page) {
                        Ok((200, body)) => {
                            let whole = !page.ends_with('/') || body.ends_with(b"</html>\n");
                            if !whole {
                                problems.push(format!("{page}: truncated ({} bytes)", body.len()));
                            }
                        }
                        Ok((status, _)) => problems.push(format!("{page}: status {status}")),
                        Err(e) => {
                            problems.push(format!("{page}: {e}"));
                            client = Client::connect(port);
                        }
                    }
                    done += 1;
                }
                (done, problems)
            })
        })
        .collect();
    let mut requests = 0;
    let mut problems = Vec::new();
    for worker in workers {
        let (done, mut found) = worker.join().unwrap();
        requests += done;
        problems.append(&mut found);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let edits = editor.join().unwrap();
    let samples = sampler.join().unwrap();
    let (first, second) = samples.split_at(samples.len() / 2);
    let first_max = first.iter().copied().max().unwrap_or(0);
    let second_max = second.iter().copied().max().unwrap_or(0);
    eprintln!(
        "load: {clients} clients, {seconds} s, {requests} requests, {} problems, {edits} edits, peak RSS {first_max} KiB in the first half, {second_max} KiB in the second",
        problems.len()
    );
    assert!(
        problems.is_empty(),
        "{} problems, first: {:?}",
        problems.len(),
        &problems[..problems.len().min(5)]
    );
    assert!(requests > clients * 5, "only {requests} requests were answered");
    assert!(edits > 5);
    // Flat: the second half of the run needs no more than the first (and some slack).
    assert!(
        second_max < first_max + first_max / 4 + 8 * 1024,
        "memory grew under load: {samples:?} KiB"
    );
    assert!(!server.printed().contains("panicked"), "{}", server.printed());
}

/// Requests no browser sends: each is answered or refused, and the server goes on.
#[test]
fn malformed_requests_are_answered_without_a_crash() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let long = format!("/{}", "a".repeat(64 * 1024));
    let raw: Vec<Vec<u8>> = vec![
        format!("GET {long} HTTP/1.1\r\nHost: x\r\n\r\n").into_bytes(),
        b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GET /% HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GET /%e4%b8 HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GET /cases/alpha/ HTTP/1.0\r\n\r\n".to_vec(),
        b"GET /cases/alpha/ HTTP/1.1\r\n\r\n".to_vec(),
        b"GET cases HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GET * HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        b"GARBAGE\r\n\r\n".to_vec(),
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost x no colon\r\n\r\n".to_vec(),
        b"\x00\x01\x02\xff\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".to_vec(),
    ];
    for request in &raw {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        stream.write_all(request).unwrap();
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let text = String::from_utf8_lossy(&answer);
        let shown = String::from_utf8_lossy(&request[..request.len().min(40)]).to_string();
        // Answered with an HTTP status, or the connection closed: never a hang.
        assert!(
            answer.is_empty() || text.starts_with("HTTP/1."),
            "{shown:?}: {text:.80}"
        );
        assert!(!text.contains("base_url"), "{shown:?}");
        // Still serving.
        assert_eq!(server.get("/cases/alpha/").status, 200, "after {shown:?}");
    }
    // HTTP/1.0 without Host still gets the page.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.write_all(b"GET /cases/alpha/ HTTP/1.0\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1."), "{answer:.80}");
    assert!(answer.contains("阿尔法案例"));
    assert!(!server.printed().contains("panicked"), "{}", server.printed());
}

#[test]
fn huge_and_deeply_nested_files_do_not_freeze_serve() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let head = "---\ntitle: 大文件\ndate: 2024-01-01\nkind: enterprise\n---\n";
    // Over the size limit: an error naming the file and the limit, and the last good site stays.
    let mut big = String::from(head);
    while big.len() <= 21 * 1024 * 1024 {
        big.push_str("一行很长的正文，用来把文件撑大。Lorem ipsum dolor sit amet.\n");
    }
    site.write("content/cases/big.md", &big);
    let broken = server.wait_for("/cases/alpha/", 60, |r| {
        r.body.contains("showcase-errors") && r.body.contains("content/cases/big.md")
    });
    assert!(broken.body.contains("20 MB"), "{}", broken.body);
    assert!(broken.body.contains("阿尔法案例"), "the last good page stays");
    // Thousands of links and 100,000 nested quotes: built and served.
    let links: String = (0..20_000)
        .map(|i| format!("见[链接{i}](https://example.org/{i})\n"))
        .collect();
    site.write(
        "content/cases/big.md",
        &format!("{head}{links}\n{}引文\n", "> ".repeat(100_000)),
    );
    // Polled until the whole file is in (a rebuild may start while it is being written);
    // the answer comes in chunks, whose headers cut a few of the tags counted.
    let page = server.wait_for("/cases/big/", 120, |r| {
        r.status == 200 && !r.body.contains("showcase-errors") && r.body.matches("blockquote>").count() >= 190_000
    });
    assert!(page.body.contains("https://example.org/19999"));
}
