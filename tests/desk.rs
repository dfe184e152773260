//! The editing desk of `showcase serve --edit`, as an author and as an
//! attacker use it: start serve on a copy of a fixture site, open the desk
//! with the printed address, save, create and translate cases, and try the
//! write API without the key, from another host or origin, outside content/
//! and with files that are not images.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Site;

/// A running `showcase serve --edit`, stopped when dropped.
struct Desk {
    child: Child,
    port: u16,
    token: String,
    output: Arc<Mutex<String>>,
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// The value of a form field in the desk's HTML (`name="hash" value="…"`).
fn field_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name} in\n{html}"))
        + marker.len();
    html[at..].split('"').next().unwrap().to_string()
}

/// A url-encoded form.
fn encode_form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

impl Desk {
    fn start(site: &Site, extra: &[&str]) -> Desk {
        let mut child = Command::new(env!("CARGO_BIN_EXE_showcase"))
            .env("SHOWCASE_LANG", "en")
            .env("SHOWCASE_TODAY", "2025-03-01")
            .arg("serve")
            .arg("--root")
            .arg(&site.root)
            .args(["--port", "0", "--edit"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = Arc::new(Mutex::new(String::new()));
        let (ready, lines): (_, Receiver<String>) = channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let output = Arc::clone(&output);
            let ready = ready.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if line.contains("/_edit/?token=") {
                        let _ = ready.send(line.clone());
                    }
                    let mut out = output.lock().unwrap();
                    out.push_str(&line);
                    out.push('\n');
                }
            });
        }
        let line = lines
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("serve --edit printed no desk address:\n{}", output.lock().unwrap()));
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line}"));
        let token: String = line
            .split("token=")
            .nth(1)
            .unwrap()
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect();
        assert!(token.len() >= 32, "a long random token: {line}");
        Desk {
            child,
            port,
            token,
            output,
        }
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Sends a request with the given extra header lines and body.
    fn send(&self, method: &str, target: &str, headers: &[String], body: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut head = format!("{method} {target} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|h| h.starts_with("Host:")) {
            head.push_str(&format!("Host: 127.0.0.1:{}\r\n", self.port));
        }
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        if method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        // A server refusing early may close before reading all of a large body.
        let _ = stream.write_all(body);
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        let text = String::from_utf8_lossy(&bytes);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Reply {
            status,
            headers: lines
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
                .collect(),
            body: body.to_string(),
        }
    }

    fn cookie(&self) -> String {
        format!("Cookie: showcase_desk={}", self.token)
    }

    /// A GET with the desk's cookie.
    fn get(&self, target: &str) -> Reply {
        self.send("GET", target, &[self.cookie()], b"")
    }

    /// A form POST with the cookie and the desk's own Origin.
    fn post(&self, target: &str, fields: &[(&str, &str)]) -> Reply {
        self.send(
            "POST",
            target,
            &[
                self.cookie(),
                format!("Origin: {}", self.origin()),
                "Content-Type: application/x-www-form-urlencoded".into(),
            ],
            encode_form(fields).as_bytes(),
        )
    }

    /// Polls a page of the site until `test` holds.
    #[track_caller]
    fn wait_for(&self, target: &str, test: impl Fn(&str) -> bool) {
        let end = Instant::now() + Duration::from_secs(30);
        loop {
            let reply = self.send("GET", target, &[], b"");
            if test(&reply.body) {
                return;
            }
            assert!(
                Instant::now() < end,
                "{target} did not change:\n{}\nserve printed:\n{}",
                reply.body,
                self.output.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The fields the form of content/cases/alpha.md sends, title aside.
fn alpha_form<'a>(hash: &'a str, title: &'a str, body: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("file", "cases/alpha.md"),
        ("hash", hash),
        ("title", title),
        ("summary", "阿尔法的摘要。"),
        ("organisation", "阿尔法公司"),
        ("date", "2024-05-01"),
        ("source", ""),
        ("level", "municipal"),
        ("terms-kind", "enterprise"),
        ("terms-industry", "smart-software"),
        ("terms-industry", "fintech"),
        ("cover_src", ""),
        ("cover_alt", ""),
        ("figure_value", "10"),
        ("figure_label", "家企业"),
        ("figure_value", ""),
        ("figure_label", ""),
        ("body", body),
    ]
}

fn alpha_body(site: &Site) -> String {
    let text = site.read("content/cases/alpha.md");
    text.splitn(3, "---\n").nth(2).unwrap().to_string()
}

#[test]
fn the_desk_asks_for_the_key_of_this_run() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    // No key, a wrong key: refused.
    assert_eq!(desk.send("GET", "/_edit/", &[], b"").status, 403);
    assert_eq!(
        desk.send("GET", "/_edit/?token=0123456789abcdef0123456789abcdef", &[], b"")
            .status,
        403
    );
    assert_eq!(
        desk.send(
            "GET",
            "/_edit/case?file=cases/alpha.md",
            &["Cookie: showcase_desk=nope".into()],
            b""
        )
        .status,
        403
    );
    // The printed address sets the key as a cookie scripts cannot read.
    let first = desk.send("GET", &format!("/_edit/?token={}", desk.token), &[], b"");
    assert_eq!(first.status, 200);
    let cookie = first.header("set-cookie");
    assert!(
        cookie.starts_with(&format!("showcase_desk={};", desk.token)),
        "{cookie}"
    );
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    // With it: the list of cases, with the state of each translation.
    let list = desk.get("/_edit/");
    assert_eq!(list.status, 200);
    assert!(list.body.contains("阿尔法案例"), "{}", list.body);
    assert!(list.body.contains("English: up to date"), "{}", list.body);
    assert!(list.body.contains("English: missing"), "{}", list.body);
    // The site itself needs no key.
    assert_eq!(desk.send("GET", "/cases/alpha/", &[], b"").status, 200);
}

#[test]
fn without_edit_there_is_no_desk() {
    let site = Site::fixture("basic");
    let mut child = Command::new(env!("CARGO_BIN_EXE_showcase"))
        .env("SHOWCASE_LANG", "en")
        .args(["serve", "--port", "0", "--root"])
        .arg(&site.root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut printed = String::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port: u16 = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        printed.push_str(&line);
        if let Some(rest) = line.split("serving http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /_edit/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let _ = child.kill();
    let _ = child.wait();
    assert!(!printed.contains("_edit"), "{printed}");
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
}

#[test]
fn another_host_and_another_origin_are_refused() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let before = site.read("content/cases/alpha.md");
    // DNS rebinding: a name that points here is still not this machine's name.
    let rebound = desk.send(
        "GET",
        "/_edit/",
        &[desk.cookie(), format!("Host: attacker.example:{}", desk.port)],
        b"",
    );
    assert_eq!(rebound.status, 403);
    let hash = field_value(&desk.get("/_edit/case?file=cases/alpha.md").body, "hash");
    let body = alpha_body(&site);
    let form = encode_form(&alpha_form(&hash, "被篡改", &body));
    let kind = "Content-Type: application/x-www-form-urlencoded".to_string();
    // No Origin, a foreign one, and the `null` of a sandboxed page.
    for origin in [None, Some("http://attacker.example"), Some("null")] {
        let mut headers = vec![desk.cookie(), kind.clone()];
        if let Some(origin) = origin {
            headers.push(format!("Origin: {origin}"));
        }
        let reply = desk.send("POST", "/_edit/save", &headers, form.as_bytes());
        assert_eq!(reply.status, 403, "{origin:?}");
    }
    // The right Origin without the key.
    let reply = desk.send(
        "POST",
        "/_edit/save",
        &[format!("Origin: {}", desk.origin()), kind],
        form.as_bytes(),
    );
    assert_eq!(reply.status, 403);
    assert_eq!(site.read("content/cases/alpha.md"), before, "nothing written");
}

#[test]
fn a_save_writes_the_markdown_an_author_would_and_the_page_follows() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let form = desk.get("/_edit/case?file=cases/alpha.md");
    assert_eq!(form.status, 200);
    // Every field has its label; the body keeps its first blank line.
    for id in [
        "title",
        "summary",
        "organisation",
        "date",
        "level",
        "cover_src",
        "cover_alt",
        "body",
    ] {
        assert!(form.body.contains(&format!("<label for=\"{id}\"")), "label of {id}");
    }
    assert!(form.body.contains("<iframe id=\"preview\" src=\"/cases/alpha/\""));
    let hash = field_value(&form.body, "hash");
    let body = alpha_body(&site);
    // Browsers send a textarea's lines with CRLF.
    let sent = body.replace('\n', "\r\n");
    let reply = desk.post("/_edit/save", &alpha_form(&hash, "阿尔法案例：新标题", &sent));
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.header("location"), "/_edit/case?file=cases/alpha.md&saved=1");
    let expected = format!(
        "---\ntitle: 阿尔法案例：新标题\nsummary: 阿尔法的摘要。\ndate: 2024-05-01\nkind: enterprise\nindustry: [smart-software, fintech]\norganisation: 阿尔法公司\nlevel: municipal\nhighlights:\n  - {{value: 10, label: 家企业}}\n---\n{body}"
    );
    assert_eq!(site.read("content/cases/alpha.md"), expected);
    desk.wait_for("/cases/alpha/", |page| page.contains("阿尔法案例：新标题"));
    // Its translation is now stale, and the desk says so.
    let translation = desk.get("/_edit/case?file=cases/alpha.en.md");
    assert!(translation.body.contains("needs updating"), "{}", translation.body);
    assert!(translation.body.contains("Mark the translation up to date"));
    let marked = desk.post("/_edit/translated", &[("file", "cases/alpha.en.md")]);
    assert_eq!(marked.status, 303, "{}", marked.body);
    let list = desk.get("/_edit/");
    assert!(!list.body.contains("needs updating"), "{}", list.body);
    let stamped = site.read("content/cases/alpha.en.md");
    assert!(
        stamped.contains("translated_from: ") && !stamped.contains("translated_from: d21a39e"),
        "{stamped}"
    );
}

#[test]
fn a_save_over_a_file_changed_on_disk_is_refused_and_the_text_kept() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let hash = field_value(&desk.get("/_edit/case?file=cases/alpha.md").body, "hash");
    let body = alpha_body(&site);
    let changed = site
        .read("content/cases/alpha.md")
        .replace("阿尔法案例", "阿尔法案例（别处修改）");
    site.write("content/cases/alpha.md", &changed);
    let reply = desk.post("/_edit/save", &alpha_form(&hash, "作者的新标题", &body));
    assert_eq!(reply.status, 409);
    assert!(reply.body.contains("changed on disk"), "{}", reply.body);
    assert!(
        reply.body.contains("value=\"作者的新标题\""),
        "the author's text is kept"
    );
    assert_eq!(site.read("content/cases/alpha.md"), changed);
}

#[test]
fn fields_that_cannot_be_saved_are_named_beside_them() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let before = site.read("content/cases/alpha.md");
    let hash = field_value(&desk.get("/_edit/case?file=cases/alpha.md").body, "hash");
    let body = alpha_body(&site);
    let mut form = alpha_form(&hash, "", &body);
    form.retain(|(k, _)| *k != "cover_src");
    form.push(("cover_src", "photo.png"));
    let reply = desk.post("/_edit/save", &form);
    assert_eq!(reply.status, 422);
    assert!(reply.body.contains("aria-describedby=\"err-title\""), "{}", reply.body);
    assert!(reply.body.contains("id=\"err-cover_alt\""));
    assert!(reply.body.contains("Describe what the image shows"));
    assert_eq!(site.read("content/cases/alpha.md"), before);
}

#[test]
fn paths_outside_content_are_refused() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let toml = site.read("site.toml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&site.root, site.root.join("content/out")).unwrap();
    let outside = site.root.join("site.toml").display().to_string();
    let mut probes = vec![
        "../site.toml",
        "cases/../../site.toml",
        outside.as_str(),
        "cases/con.md",
        "cases/NUL.md",
        "cases./alpha.md",
        "cases/alpha.md./x.md",
    ];
    if cfg!(unix) {
        probes.push("out/site.toml");
    }
    for probe in probes {
        assert_eq!(
            desk.get(&format!("/_edit/case?file={}", encode(probe))).status,
            403,
            "{probe}"
        );
        let reply = desk.post(
            "/_edit/save",
            &[("file", probe), ("hash", ""), ("title", "x"), ("body", "")],
        );
        assert_eq!(reply.status, 403, "{probe}");
        let upload = desk.send(
            "POST",
            &format!("/_edit/upload?file={}&name=a.png", encode(probe)),
            &[desk.cookie(), format!("Origin: {}", desk.origin())],
            b"\x89PNG\r\n\x1a\n",
        );
        assert_eq!(upload.status, 403, "{probe}");
    }
    assert_eq!(site.read("site.toml"), toml);
    assert!(!site.root.join("content/cases/con.md").exists());
}

#[test]
fn uploads_are_images_of_a_limited_size() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let headers = [desk.cookie(), format!("Origin: {}", desk.origin())];
    let target = "/_edit/upload?file=cases/bundle/index.md&name=";
    let text = desk.send(
        "POST",
        &format!("{target}notes.png"),
        &headers,
        b"<svg onload=alert(1)>",
    );
    assert_eq!(text.status, 415, "{}", text.body);
    let big = vec![0xffu8; 20 * 1024 * 1024 + 1];
    let big = desk.send("POST", &format!("{target}big.jpg"), &headers, &big);
    assert_eq!(big.status, 413);
    let png = std::fs::read(site.root.join("content/cases/bundle/photo.png")).unwrap();
    let ok = desk.send(
        "POST",
        &format!("{target}{}", encode("../园区 大门.PNG")),
        &headers,
        &png,
    );
    assert_eq!(ok.status, 201, "{}", ok.body);
    assert_eq!(ok.body, "{\"name\":\"yuan-qu-da-men.png\"}");
    assert_eq!(
        std::fs::read(site.root.join("content/cases/bundle/yuan-qu-da-men.png")).unwrap(),
        png
    );
    // The same name again is not overwritten.
    let again = desk.send("POST", &format!("{target}{}", encode("园区 大门.png")), &headers, &png);
    assert_eq!(again.body, "{\"name\":\"yuan-qu-da-men-2.png\"}");
    let names: Vec<String> = std::fs::read_dir(site.root.join("content/cases/bundle"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("notes") || n.contains("big") || n.starts_with('.')),
        "{names:?}"
    );
}

#[test]
fn a_new_case_is_created_in_every_language() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let form = desk.get("/_edit/new");
    assert!(form.body.contains("<option value=\"cases\""), "{}", form.body);
    let reply = desk.post(
        "/_edit/new",
        &[("title", "新的园区"), ("section", "cases"), ("kind", "park")],
    );
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(
        reply.header("location"),
        "/_edit/case?file=cases/xin-de-yuan-qu.md&saved=1"
    );
    let zh = site.read("content/cases/xin-de-yuan-qu.md");
    assert!(
        zh.starts_with("---\ntitle: 新的园区\nsummary:\ndate: 2025-03-01\nkind: park\nindustry: []\norganisation:\ndraft: true\n---\n\n## 基本情况\n"),
        "{zh}"
    );
    let en = site.read("content/cases/xin-de-yuan-qu.en.md");
    assert!(en.contains("## Background"), "{en}");
    // The translation is stamped from the original as titled.
    let list = desk.get("/_edit/");
    let row = list.body.split("<li>").find(|r| r.contains("新的园区")).unwrap();
    assert!(row.contains("English: up to date"), "{row}");
    // The same name again is refused, nothing overwritten.
    let again = desk.post(
        "/_edit/new",
        &[("title", "新的园区"), ("section", "cases"), ("kind", "park")],
    );
    assert_eq!(again.status, 422);
    assert!(again.body.contains("already exist"), "{}", again.body);
    assert_eq!(site.read("content/cases/xin-de-yuan-qu.md"), zh);
    desk.wait_for("/cases/xin-de-yuan-qu/", |page| page.contains("新的园区"));
}

#[test]
fn the_problems_check_finds_are_shown_beside_their_field() {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/beta.md",
        "---\ntitle: 贝塔案例\ndate: 2024-03-01\nkind: enterprise\nindustry: [nope]\nsumary: 打错\ncover: {src: photo.png}\n---\n\n正文。\n",
    );
    let desk = Desk::start(&site, &[]);
    let form = desk.get("/_edit/case?file=cases/beta.md");
    assert_eq!(form.status, 200, "{}", form.body);
    let industry = form
        .body
        .split("<fieldset")
        .find(|f| f.contains("id=\"terms-industry\""))
        .unwrap();
    assert!(
        industry.contains("aria-describedby=\"err-terms-industry\""),
        "{industry}"
    );
    assert!(industry.contains("nope"), "{industry}");
    let cover = form
        .body
        .split("<div class=\"field\">")
        .find(|f| f.contains("id=\"cover_alt\""))
        .unwrap();
    assert!(cover.contains("aria-invalid=\"true\""), "{cover}");
    assert!(cover.contains("Describe what the image shows"), "{cover}");
    assert!(!cover.contains("cover has no alt text"), "said once: {cover}");
    let general = form
        .body
        .split("id=\"err-general\"")
        .nth(1)
        .expect("problems of no field");
    assert!(general.contains("sumary"), "{general}");
}

#[test]
fn a_missing_translation_is_started_from_the_original_as_a_draft() {
    let site = Site::fixture("basic");
    let desk = Desk::start(&site, &[]);
    let page = desk.get("/_edit/case?file=cases/beta.md");
    assert!(page.body.contains("action=\"/_edit/translation\""), "{}", page.body);
    let original = site.read("content/cases/beta.md");
    let reply = desk.post("/_edit/translation", &[("file", "cases/beta.md"), ("lang", "en")]);
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.header("location"), "/_edit/case?file=cases/beta.en.md&saved=1");
    let copy = site.read("content/cases/beta.en.md");
    // The original's text to translate, held back until it is done, not stamped as up to date.
    assert!(copy.contains("draft: true"), "{copy}");
    assert!(!copy.contains("translated_from"), "{copy}");
    let body = original.split("\n---\n").nth(1).unwrap();
    assert!(copy.ends_with(body), "{copy}");
    // The English site still shows the original with its notice.
    desk.wait_for("/en/cases/beta/", |page| page.contains("贝塔"));
    // Asked again, nothing is overwritten; an original is needed, and a language of the site.
    site.write(
        "content/cases/beta.en.md",
        "---\ntitle: Beta\ndraft: true\n---\n\nStarted.\n",
    );
    let again = desk.post("/_edit/translation", &[("file", "cases/beta.md"), ("lang", "en")]);
    assert_eq!(again.status, 303);
    assert!(site.read("content/cases/beta.en.md").ends_with("Started.\n"));
    assert_eq!(
        desk.post("/_edit/translation", &[("file", "cases/alpha.en.md"), ("lang", "en")])
            .status,
        422
    );
    assert_eq!(
        desk.post("/_edit/translation", &[("file", "cases/gamma.md"), ("lang", "fr")])
            .status,
        422
    );
    assert_eq!(
        desk.post("/_edit/translation", &[("file", "../site.toml"), ("lang", "en")])
            .status,
        403
    );
}

#[test]
fn a_file_whose_front_matter_is_broken_is_listed_shown_and_put_right_in_the_desk() {
    let site = Site::fixture("basic");
    // A colon inside an unquoted title: YAML cannot read the line. CR LF line ends, as Windows editors write.
    let broken = "---\r\ntitle: 贝塔: 案例\r\ndate: 2024-03-01\r\nkind: enterprise\r\n---\r\n\r\n正文。\r\n";
    site.write("content/cases/beta.md", broken);
    let desk = Desk::start(&site, &[]);
    let zh = format!("{}; showcase_desk_lang=zh", desk.cookie());

    // The list names the file first, with its line and the problem in the author's words.
    let list = desk.send("GET", "/_edit/", std::slice::from_ref(&zh), b"");
    assert_eq!(list.status, 200);
    let broken_part = list
        .body
        .split("class=\"section broken\"")
        .nth(1)
        .expect("a section of files to fix")
        .split("</section>")
        .next()
        .unwrap();
    assert!(broken_part.contains("有 1 个文件需要修改"), "{broken_part}");
    assert!(
        broken_part.contains("href=\"/_edit/case?file=cases/beta.md\""),
        "{broken_part}"
    );
    assert!(
        broken_part.contains("第 2 行：页首信息的格式有误（YAML）"),
        "{broken_part}"
    );

    // Opened: the problem, the lines around it, and the whole file to correct.
    let page = desk.send("GET", "/_edit/case?file=cases/beta.md", std::slice::from_ref(&zh), b"");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("这个文件的页首信息需要修改"), "{}", page.body);
    assert!(page.body.contains("问题在第 2 行"), "{}", page.body);
    assert!(page.body.contains("&gt; 2 | title: 贝塔: 案例"), "{}", page.body);
    assert!(
        page.body.contains("<textarea id=\"source\" name=\"source\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("title: 贝塔: 案例"), "{}", page.body);
    let hash = field_value(&page.body, "hash");

    // A save with the hash of another version of the file is refused; the text sent is kept.
    let fixed = "---\r\ntitle: \"贝塔: 案例\"\r\ndate: 2024-03-01\r\nkind: enterprise\r\n---\r\n\r\n正文。\r\n";
    let stale = desk.post(
        "/_edit/source",
        &[("file", "cases/beta.md"), ("hash", "0000"), ("source", fixed)],
    );
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(stale.body.contains("title: \"贝塔: 案例\""), "{}", stale.body);
    assert!(stale.body.contains("id=\"refusal\""), "{}", stale.body);
    assert_eq!(site.read("content/cases/beta.md"), broken);

    // Outside content/ is refused as for every write.
    let outside = desk.post(
        "/_edit/source",
        &[("file", "../site.toml"), ("hash", &hash), ("source", "x")],
    );
    assert_eq!(outside.status, 403, "{}", outside.body);

    // Saved as written, with the file's own line ends; the file opens as a form again.
    let saved = desk.post(
        "/_edit/source",
        &[("file", "cases/beta.md"), ("hash", &hash), ("source", fixed)],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.header("location"), "/_edit/case?file=cases/beta.md&saved=1");
    assert_eq!(site.read("content/cases/beta.md"), fixed);
    let form = desk.get("/_edit/case?file=cases/beta.md&saved=1");
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("name=\"title\" value=\"贝塔: 案例\""),
        "{}",
        form.body
    );
    desk.wait_for("/cases/beta/", |page| page.contains("贝塔: 案例"));

    // A file with LF line ends keeps them, though the browser sends CR LF.
    site.write("content/cases/beta.md", "---\ntitle: [unclosed\n---\n\nText.\n");
    let page = desk.get("/_edit/case?file=cases/beta.md");
    let hash = field_value(&page.body, "hash");
    let saved = desk.post(
        "/_edit/source",
        &[
            ("file", "cases/beta.md"),
            ("hash", &hash),
            ("source", "---\r\ntitle: Closed\r\n---\r\n\r\nText.\r\n"),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(site.read("content/cases/beta.md"), "---\ntitle: Closed\n---\n\nText.\n");
}
