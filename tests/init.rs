//! A new office's first session: `showcase init` into an empty folder, then
//! build, check and serve there with the theme built into the binary (no
//! themes/ folder); ejecting the theme changes no byte of the output; a folder
//! that holds anything is refused.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use common::snapshot;

fn showcase(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcase"))
        .env("SHOWCASE_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env("SHOWCASE_TODAY", "2025-03-01")
        .output()
        .unwrap()
}

#[track_caller]
fn ok(output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "exit {:?}:\n{stdout}{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A site made by `showcase init` in a new folder of a temporary one.
fn init(args: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let mut all = vec!["init", "site"];
    all.extend_from_slice(args);
    ok(&showcase(temp.path(), &all));
    let root = temp.path().join("site");
    (temp, root)
}

/// `showcase serve` on a port the system picks; killed when dropped.
struct Server(Child, u16);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_showcase"))
            .env("SHOWCASE_LANG", "en")
            .args(["serve", "--port", "0"])
            .current_dir(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server(child, 0);
        while let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
            if let Some(port) = line.split("127.0.0.1:").nth(1).and_then(|r| r.split('/').next()) {
                server.1 = port.parse().unwrap();
                break;
            }
        }
        assert_ne!(server.1, 0, "serve did not start");
        server
    }

    /// The status and body of a GET.
    fn get(&self, target: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.1)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_string();
        (status, body)
    }
}

#[test]
fn a_new_site_builds_checks_clean_and_serves_with_the_built_in_theme() {
    let (_temp, root) = init(&[]);
    assert!(!root.join("themes").exists(), "init must not copy the theme");
    for file in [
        "site.toml",
        ".gitignore",
        ".github/workflows/pages.yml",
        ".gitlab-ci.yml",
        "content/_index.md",
        "content/_index.en.md",
        "content/about/site.md",
        "content/about/site.en.md",
        "content/about/accessibility.md",
        "content/about/accessibility.en.md",
        "content/cases/example.md",
        "content/cases/example.en.md",
    ] {
        assert!(root.join(file).is_file(), "init wrote no {file}");
    }
    let gitignore = read(&root.join(".gitignore"));
    assert!(
        gitignore.contains("/public/") && gitignore.contains("/.showcase-cache/"),
        "{gitignore}"
    );
    // The example case is a draft, a featured one, in both languages.
    for case in ["content/cases/example.md", "content/cases/example.en.md"] {
        let text = read(&root.join(case));
        assert!(
            text.contains("draft: true") && text.contains("featured: true"),
            "{case}:\n{text}"
        );
    }

    // check --strict: no errors, no warnings, with and without the draft.
    for args in [&["check", "--strict"][..], &["check", "--strict", "--drafts"]] {
        let out = ok(&showcase(&root, args));
        assert!(out.contains("no problems"), "{args:?}: {out}");
    }

    // A build leaves the draft out; the pages the footer links to are there in both languages.
    ok(&showcase(&root, &["build"]));
    let public = root.join("public");
    assert!(
        !public.join("cases/example/index.html").exists(),
        "a draft was published"
    );
    let home = read(&public.join("index.html"));
    let home_en = read(&public.join("en/index.html"));
    for (html, about, accessibility) in [
        (&home, "/about/site/", "/about/accessibility/"),
        (&home_en, "/en/about/site/", "/en/about/accessibility/"),
    ] {
        assert!(html.contains(&format!("href=\"{about}\"")), "no footer link to {about}");
        assert!(
            html.contains(&format!("href=\"{accessibility}\"")),
            "no footer link to {accessibility}"
        );
        let page = public.join(about.trim_start_matches('/')).join("index.html");
        assert!(page.is_file(), "{}", page.display());
    }
    assert!(home.contains("<html lang=\"zh") && home_en.contains("<html lang=\"en"));
    // The theme's files came from the binary, under hashed names.
    assert!(
        std::fs::read_dir(&public)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("style.")),
        "no stylesheet"
    );

    // With drafts, the example shows what the theme draws: a featured case on the
    // home page, its typographic cover, and counts in each language's plural form.
    let drafts = root.join("with-drafts");
    ok(&showcase(&root, &["build", "--drafts", "-o", drafts.to_str().unwrap()]));
    let home = read(&drafts.join("index.html"));
    let featured = home
        .split("home-featured")
        .nth(1)
        .expect("no featured cases on the home page");
    assert!(featured.contains("/cases/example/"), "the example is not featured");
    let cover = read(&drafts.join("cases/example/case-cover.svg"));
    assert!(cover.starts_with("<svg") && cover.contains("校企合作基地"), "{cover}");
    assert!(home.contains("1 个案例"), "no count in Chinese");
    let home_en = read(&drafts.join("en/index.html"));
    assert!(
        home_en.contains("1 case") && !home_en.contains("1 cases"),
        "the English count is not singular"
    );
    assert!(read(&drafts.join("en/cases/example/index.html")).contains("Example case"));

    // serve: the site with its draft, from memory, with no themes/ folder either.
    let server = Server::start(&root);
    let (status, body) = server.get("/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("/cases/example/"), "serve leaves out the draft");
    let (status, body) = server.get("/en/cases/example/");
    assert_eq!(status, 200);
    assert!(body.contains("Example case"), "{body}");
    let (status, _) = server.get("/cases/example/case-cover.svg");
    assert_eq!(status, 200);
}

#[test]
fn ejecting_the_theme_changes_no_byte_of_the_output() {
    let (temp, root) = init(&[]);
    let built_in = temp.path().join("built-in");
    let ejected = temp.path().join("ejected");
    ok(&showcase(
        &root,
        &["build", "--drafts", "-o", built_in.to_str().unwrap()],
    ));
    let out = ok(&showcase(&root, &["theme", "eject"]));
    assert!(out.contains("themes"), "{out}");
    assert!(root.join("themes/default/templates/page.html").is_file());
    assert!(root.join("themes/default/i18n/zh.toml").is_file());
    ok(&showcase(
        &root,
        &["build", "--drafts", "-o", ejected.to_str().unwrap()],
    ));
    let (a, b) = (snapshot(&built_in), snapshot(&ejected));
    assert!(a.len() > 20, "{} files", a.len());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(
            b[path] == *bytes,
            "{path} differs between the built-in and the ejected theme"
        );
    }
    // The ejected copy is the one used from now on.
    std::fs::write(root.join("themes/default/templates/404.html"), "<p>EJECTED 404</p>").unwrap();
    ok(&showcase(&root, &["build"]));
    assert!(read(&root.join("public/404.html")).contains("EJECTED 404"));
    // Ejecting twice never overwrites the copy.
    let again = showcase(&root, &["theme", "eject"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn the_sample_site_builds_the_same_from_the_built_in_theme() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("site");
    common::copy_tree(&project.join("content"), &root.join("content"));
    common::copy_tree(&project.join("i18n"), &root.join("i18n"));
    std::fs::copy(project.join("site.toml"), root.join("site.toml")).unwrap();
    let built_in = temp.path().join("built-in");
    ok(&showcase(&root, &["build", "-o", built_in.to_str().unwrap()]));
    common::copy_tree(&project.join("themes"), &root.join("themes"));
    let on_disk = temp.path().join("on-disk");
    ok(&showcase(&root, &["build", "-o", on_disk.to_str().unwrap()]));
    assert!(snapshot(&built_in) == snapshot(&on_disk), "the outputs differ");
}

#[test]
fn a_site_overrides_single_files_of_the_built_in_theme() {
    let (_temp, root) = init(&[]);
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates/404.html"), "<p>OUR OWN 404</p>").unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/favicon.svg"), "<svg>ours</svg>").unwrap();
    std::fs::create_dir_all(root.join("i18n")).unwrap();
    std::fs::write(root.join("i18n/en.toml"), "search_title = \"Find a case\"\n").unwrap();
    ok(&showcase(&root, &["build"]));
    let public = root.join("public");
    assert!(read(&public.join("404.html")).contains("OUR OWN 404"));
    assert_eq!(read(&public.join("favicon.svg")), "<svg>ours</svg>");
    assert!(read(&public.join("en/search/index.html")).contains("Find a case"));
    assert!(!read(&public.join("search/index.html")).contains("Find a case"));
}

#[test]
fn a_theme_that_is_neither_a_folder_nor_built_in_is_named_with_the_fix() {
    let (_temp, root) = init(&[]);
    let toml = read(&root.join("site.toml")).replace("theme = \"default\"", "theme = \"district\"");
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let out = showcase(&root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("site.toml") && err.contains("theme \"district\" not found") && err.contains("\"default\""),
        "{err}"
    );
}

#[test]
fn init_refuses_a_folder_that_holds_anything() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("notes.txt"), "mine").unwrap();
    let out = showcase(temp.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not empty") && err.contains("notes.txt"), "{err}");
    assert_eq!(
        std::fs::read_dir(temp.path()).unwrap().count(),
        1,
        "init wrote into the folder"
    );
    assert_eq!(read(&temp.path().join("notes.txt")), "mine");

    let out = showcase(temp.path(), &["init", "new", "--lang", "zh,fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"fr\""));
    assert!(!temp.path().join("new").exists());
}

#[test]
fn a_site_in_english_first_or_one_language_checks_clean() {
    for lang in ["en,zh", "zh", "en"] {
        let (_temp, root) = init(&["--lang", lang]);
        let out = ok(&showcase(&root, &["check", "--strict", "--drafts"]));
        assert!(out.contains("no problems"), "{lang}: {out}");
        ok(&showcase(&root, &["build"]));
        let first = lang.split(',').next().unwrap();
        let home = read(&root.join("public/index.html"));
        assert!(home.contains(&format!("<html lang=\"{first}")), "{lang}");
        if let Some(second) = lang.split(',').nth(1) {
            assert!(root.join("public").join(second).join("index.html").is_file(), "{lang}");
        }
    }
}

#[test]
fn the_publishing_workflows_download_a_checked_release_instead_of_compiling() {
    let (_temp, root) = init(&[]);
    for file in [".github/workflows/pages.yml", ".gitlab-ci.yml"] {
        let text = read(&root.join(file));
        assert!(
            text.contains(&format!("SHOWCASE_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"))),
            "{file}"
        );
        assert!(
            text.contains("x86_64-unknown-linux-musl") && text.contains("SHA256SUMS"),
            "{file}"
        );
        assert!(text.contains("sha256sum --check"), "{file}");
        assert!(!text.contains("cargo"), "{file} compiles showcase");
        assert!(
            text.contains("showcase check") && text.contains("showcase build"),
            "{file}"
        );
    }
}

#[test]
fn version_names_the_version_and_the_commit() {
    let out = ok(&showcase(Path::new(env!("CARGO_MANIFEST_DIR")), &["--version"]));
    let line = out.trim();
    assert!(
        line.starts_with(&format!("showcase {} (", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    assert!(line.ends_with(')') && line.len() > "showcase 0.0.0 ()".len(), "{line}");
}

/// Upgrading showcase: the build cache a site keeps was written by another
/// binary, which may render other bytes; it is ignored, not misread.
#[test]
fn a_cache_written_by_another_showcase_is_ignored() {
    let (temp, root) = init(&[]);
    let rendered = |binary: &Path| -> usize {
        // Run in full even when nothing changed (without the record it compares with).
        let _ = std::fs::remove_file(root.join(".showcase-cache/unchanged.json"));
        let out = Command::new(binary)
            .env("SHOWCASE_LANG", "en")
            .args(["build", "--drafts"])
            .current_dir(&root)
            .env("SHOWCASE_PROFILE", "1")
            .output()
            .unwrap();
        ok(&out);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let line = stderr
            .lines()
            .find(|l| l.starts_with("showcase: markdown: "))
            .unwrap_or_else(|| panic!("no markdown line in {stderr}"));
        let numbers: Vec<usize> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        numbers[1]
    };
    let ours = Path::new(env!("CARGO_BIN_EXE_showcase"));
    assert!(rendered(ours) > 0);
    let first = snapshot(&root.join("public"));
    assert_eq!(rendered(ours), 0, "a warm build of the same binary renders nothing");
    // Another build of showcase: the same version, another binary.
    let other = temp.path().join(if cfg!(windows) { "other.exe" } else { "other" });
    std::fs::copy(ours, &other).unwrap();
    let file = std::fs::OpenOptions::new().write(true).open(&other).unwrap();
    file.set_modified(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000))
        .unwrap();
    drop(file);
    assert!(rendered(&other) > 0, "another binary trusted this one's cache");
    assert!(snapshot(&root.join("public")) == first, "the output changed");
}

/// Terms and sections only drafts use are being written about; a term no page
/// uses at all is still warned about, at its line in site.toml.
#[test]
fn a_term_no_page_uses_is_warned_about_but_one_a_draft_uses_is_not() {
    let (_temp, root) = init(&[]);
    let toml = read(&root.join("site.toml")).replace("# terms.park =", "terms.park =");
    std::fs::write(root.join("site.toml"), &toml).unwrap();
    let out = showcase(&root, &["check", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("\"park\"") && report.contains("empty-term"), "{report}");
    assert!(
        !report.contains("\"base\"") && !report.contains("empty-section"),
        "{report}"
    );
}
