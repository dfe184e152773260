//! Answers one request from the site in memory: pure, so it is tested without sockets.
//!
//! Steps: take the path of the request target (no query), percent-decode it
//! and refuse anything that could name a file outside the site (`..`, `.`,
//! backslashes, NUL and other control characters, in any encoding); look the
//! file up (`index.html` for a folder), redirect `/cases/x` to `/cases/x/`
//! when that folder exists, else answer with the site's `404.html` and status
//! 404. HTML answers get the live-reload script and, while the last rebuild
//! failed, the error overlay (see [`super::live`]).

use super::Snapshot;
use super::live;

/// What to send back.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    /// Extra headers, such as `Location`.
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    fn text(status: u16, text: &str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: Vec::new(),
            body: text.as_bytes().to_vec(),
        }
    }
}

/// The reply to a GET or HEAD of `target` (`/cases/x/?q=1`).
pub fn answer(snapshot: &Snapshot, target: &str) -> Reply {
    let raw_path = target.split(['?', '#']).next().unwrap_or("");
    let query = target.find('?').map_or("", |at| &target[at..]);
    if raw_path == live::SCRIPT_PATH {
        return Reply {
            status: 200,
            content_type: content_type("live.js"),
            headers: Vec::new(),
            body: live::SCRIPT.as_bytes().to_vec(),
        };
    }
    let Some(path) = safe_path(raw_path) else {
        return Reply::text(400, "400 bad request: this path cannot name a file of the site\n");
    };
    let Some(files) = &snapshot.files else {
        // No build has succeeded yet: every page is the list of errors.
        let page = live::error_page(snapshot);
        return Reply {
            status: 500,
            content_type: content_type("index.html"),
            headers: Vec::new(),
            body: page.into_bytes(),
        };
    };
    let key = match path.strip_prefix('/').unwrap_or(&path) {
        rel if rel.is_empty() || rel.ends_with('/') => format!("{rel}index.html"),
        rel => rel.to_string(),
    };
    if let Some(bytes) = files.get(&key) {
        return found(snapshot, 200, &key, bytes);
    }
    if !path.ends_with('/') && files.contains_key(&format!("{key}/index.html")) {
        return Reply {
            status: 301,
            content_type: "text/plain; charset=utf-8",
            headers: vec![("Location", format!("{raw_path}/{query}"))],
            body: format!("moved to {raw_path}/\n").into_bytes(),
        };
    }
    match files.get("404.html") {
        Some(bytes) => found(snapshot, 404, "404.html", bytes),
        None => Reply::text(404, "404 not found\n"),
    }
}

/// A file of the site as the reply; HTML with the live-reload script and the overlay.
fn found(snapshot: &Snapshot, status: u16, key: &str, bytes: &[u8]) -> Reply {
    let content_type = content_type(key);
    let body = if key.ends_with(".html") {
        live::inject(&String::from_utf8_lossy(bytes), snapshot).into_bytes()
    } else {
        bytes.to_vec()
    };
    Reply {
        status,
        content_type,
        headers: Vec::new(),
        body,
    }
}

/// The decoded path, or `None` when it is malformed or could leave the site.
pub fn safe_path(raw: &str) -> Option<String> {
    if !raw.starts_with('/') {
        return None;
    }
    let bytes = crate::text::percent_decode_strict(raw)?;
    let path = String::from_utf8(bytes).ok()?;
    if path.contains('\\') || path.chars().any(char::is_control) {
        return None;
    }
    if path.split('/').any(|segment| segment == ".." || segment == ".") {
        return None;
    }
    // Decoding once more must change nothing: `%252e%252e` is refused too, so
    // no layer behind us can turn the path into a traversal.
    if path.contains('%') {
        let again = crate::text::percent_decode_strict(&path).and_then(|bytes| String::from_utf8(bytes).ok());
        if again.is_some_and(|again| again != path && safe_path(&again).is_none()) {
            return None;
        }
    }
    Some(path)
}

/// The Content-Type of a file, by its extension.
pub fn content_type(file: &str) -> &'static str {
    let ext = file.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::diagnostics::Diagnostic;
    use crate::output::memory::{Files, Layers};

    fn snapshot(errors: Vec<Diagnostic>) -> Snapshot {
        let mut files = Files::new();
        files.insert("index.html".into(), b"<html><body>home</body></html>".to_vec());
        files.insert("cases/a/index.html".into(), b"<body>a</body>".to_vec());
        files.insert("404.html".into(), b"<body>not here</body>".to_vec());
        files.insert("style.css".into(), b"body{}".to_vec());
        let english = crate::messages::Messages::new(crate::messages::Lang::En);
        Snapshot {
            files: Some(Arc::new(Layers::new(files))),
            overlay: if errors.is_empty() {
                Arc::from("")
            } else {
                super::super::live::overlay(&errors, true, &english, std::path::Path::new(".")).into()
            },
            errors: Arc::new(errors),
            version: 3,
        }
    }

    #[test]
    fn serves_files_and_folders() {
        let s = snapshot(Vec::new());
        let home = answer(&s, "/");
        assert_eq!(home.status, 200);
        assert_eq!(home.content_type, "text/html; charset=utf-8");
        let text = String::from_utf8(answer(&s, "/cases/a/?x=1").body).unwrap();
        assert!(text.contains(live::SCRIPT_PATH), "{text}");
        let css = answer(&s, "/style.css");
        assert_eq!(
            (css.status, css.content_type, &css.body[..]),
            (200, "text/css; charset=utf-8", &b"body{}"[..])
        );
    }

    #[test]
    fn redirects_a_folder_without_its_slash() {
        let reply = answer(&snapshot(Vec::new()), "/cases/a?x=1");
        assert_eq!(reply.status, 301);
        assert_eq!(reply.headers, vec![("Location", "/cases/a/?x=1".to_string())]);
    }

    #[test]
    fn unknown_paths_get_the_404_page() {
        let reply = answer(&snapshot(Vec::new()), "/nope/");
        assert_eq!(reply.status, 404);
        assert!(String::from_utf8(reply.body).unwrap().contains("not here"));
    }

    #[test]
    fn traversal_is_refused_in_every_spelling() {
        for probe in [
            "/../etc/passwd",
            "/cases/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2fetc/passwd",
            "/..\\etc\\passwd",
            "/%5c..%5cetc",
            "/a%00.html",
            "/%252e%252e/etc/passwd",
            "/./index.html",
            "/%",
            "/%zz",
            "/%ff",
            "etc/passwd",
        ] {
            assert_eq!(safe_path(probe), None, "{probe}");
            assert_eq!(answer(&snapshot(Vec::new()), probe).status, 400, "{probe}");
        }
        assert_eq!(safe_path("/cases/%E4%B8%AD/").as_deref(), Some("/cases/中/"));
        assert_eq!(safe_path("/a..b/").as_deref(), Some("/a..b/"));
        assert_eq!(safe_path("/100%25.html").as_deref(), Some("/100%.html"));
    }

    #[test]
    fn content_types_by_extension() {
        for (file, expected) in [
            ("a.xml", "application/xml"),
            ("a.json", "application/json"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.JPG", "image/jpeg"),
            ("a.webp", "image/webp"),
            ("a.woff2", "font/woff2"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("noext", "application/octet-stream"),
        ] {
            assert_eq!(content_type(file), expected, "{file}");
        }
    }

    #[test]
    fn errors_show_over_the_last_good_page() {
        let s = snapshot(vec![Diagnostic::error("content/a.md", 4, 10, "unknown <industry>")]);
        let text = String::from_utf8(answer(&s, "/").body).unwrap();
        assert!(text.contains("home"));
        assert!(text.contains("content/a.md:4:10"));
        assert!(text.contains("unknown &lt;industry&gt;"), "{text}");
    }

    #[test]
    fn before_any_good_build_every_page_lists_the_errors() {
        let errors = vec![Diagnostic::error("site.toml", 1, 1, "broken")];
        let english = crate::messages::Messages::new(crate::messages::Lang::En);
        let s = Snapshot {
            files: None,
            overlay: super::super::live::overlay(&errors, false, &english, std::path::Path::new("/nonexistent")).into(),
            errors: Arc::new(errors),
            version: 1,
        };
        let reply = answer(&s, "/cases/");
        assert_eq!(reply.status, 500);
        assert!(String::from_utf8(reply.body).unwrap().contains("site.toml:1:1"));
    }
}
