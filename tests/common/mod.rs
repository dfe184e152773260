//! Helpers for integration tests: a fixture site in a temporary folder, built
//! with the real binary, read back as a reader would get it.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Site {
    _temp: tempfile::TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(self.code, 0, "build failed:\n{}{}", self.stdout, self.stderr);
        self
    }
}

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl Site {
    /// A copy of `tests/fixtures/<name>` with the default theme, in a temporary folder.
    pub fn fixture(name: &str) -> Site {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("site");
        copy_tree(&project().join("tests/fixtures").join(name), &root);
        copy_tree(&project().join("themes"), &root.join("themes"));
        Site { _temp: temp, root }
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root.join(rel)).unwrap();
    }

    /// Runs `showcase build --root <site>` with extra arguments.
    pub fn build(&self, args: &[&str]) -> Run {
        self.run("build", args, &[])
    }

    /// Runs `showcase check --root <site>` with extra arguments, on 2024-06-01.
    pub fn check(&self, args: &[&str]) -> Run {
        self.run("check", args, &[("SHOWCASE_TODAY", "2024-06-01")])
    }

    /// Runs a showcase command on the site, from the site's folder, without proxies.
    pub fn run(&self, command: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_showcase"));
        // Messages in English, whatever the machine's locale and the site's language.
        cmd.env("SHOWCASE_LANG", "en");
        cmd.arg(command).arg("--root").arg(&self.root).args(args);
        for var in [
            "http_proxy",
            "https_proxy",
            "all_proxy",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
        ] {
            cmd.env_remove(var);
        }
        let output = cmd.envs(env.iter().copied()).current_dir(&self.root).output().unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs `showcase <args…>` in the site's folder, with today's date fixed at 2025-03-01.
    pub fn cli(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_showcase"))
            .env("SHOWCASE_LANG", "en")
            .args(args)
            .current_dir(&self.root)
            .env("SHOWCASE_TODAY", "2025-03-01")
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// A source file of the site, as text.
    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// A file of the built site, as text.
    #[track_caller]
    pub fn page(&self, site_path: &str) -> String {
        let mut path = self.root.join("public").join(site_path.trim_start_matches('/'));
        if site_path.ends_with('/') {
            path.push("index.html");
        }
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn exists(&self, site_path: &str) -> bool {
        let mut path = self.root.join("public").join(site_path.trim_start_matches('/'));
        if site_path.ends_with('/') {
            path.push("index.html");
        }
        path.exists()
    }
}

/// The site a build makes into an empty folder with no cache at all (the
/// site's cache is set aside meanwhile).
pub fn fresh(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let out = site.root.join("fresh");
    let (cache, kept) = (site.root.join(".showcase-cache"), site.root.join(".cache-kept"));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::rename(&cache, &kept).unwrap();
    site.build(&["-o", out.to_str().unwrap()]).assert_ok();
    std::fs::remove_dir_all(&cache).unwrap();
    std::fs::rename(&kept, &cache).unwrap();
    let files = snapshot(&out);
    std::fs::remove_dir_all(&out).unwrap();
    files
}

/// Every file under a folder with its bytes, for comparing two builds.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The values of an attribute on all tags whose text contains `needle`, e.g. hreflang links.
pub fn lines_with<'a>(html: &'a str, needle: &str) -> Vec<&'a str> {
    html.lines().filter(|l| l.contains(needle)).map(str::trim).collect()
}

/// The values of every `href`, `src` and `content` attribute holding a URL in an HTML text.
pub fn urls_in(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attribute in [" href=\"", " src=\"", " content=\"/", " content=\"http"] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            let value_start = at + attribute.len();
            let prefix = &attribute[attribute.find('"').unwrap() + 1..];
            let end = rest[value_start..].find('"').unwrap();
            out.push(format!("{prefix}{}", &rest[value_start..value_start + end]).replace("&amp;", "&"));
            rest = &rest[value_start + end..];
        }
    }
    out
}

/// The titles of the cards on a page, in order.
pub fn card_titles(html: &str) -> Vec<String> {
    html.lines()
        .filter(|l| l.contains("class=\"card-title\""))
        .map(|l| {
            l.split("\">")
                .nth(2)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}
