//! Live reload: the script injected into served pages, the error overlay, and
//! the Server-Sent Events that tell open tabs a rebuild is done.
//!
//! Every HTML answer gets `<script src="/__showcase/live.js" data-version="N">`
//! before `</body>` (only while serving: `build` output never has it). The
//! script listens to `/__showcase/events`; each message is `reload N` or
//! `css N`, N being the number of the site's current state. On connecting the
//! client gets the current state, so a rebuild that finished while the page
//! loaded is not missed. `css` swaps the stylesheets in place; anything else
//! reloads the page. While the last rebuild failed, every page also gets an
//! overlay listing the errors, escaped, over the last good page.

use std::io::Write;
use std::sync::Mutex;

use std::path::Path;

use super::Snapshot;
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::Messages;
use crate::msg;
use crate::text::escape_attr;

/// Where the script is served.
pub const SCRIPT_PATH: &str = "/__showcase/live.js";
/// Where the events are served.
pub const EVENTS_PATH: &str = "/__showcase/events";

/// The client: reload on `reload`, swap stylesheets on `css`.
pub const SCRIPT: &str = r#"// showcase serve: reloads this page when the site is rebuilt.
(() => {
  const me = document.currentScript;
  let version = Number(me && me.dataset.version);
  const swapStyles = async (next) => {
    try {
      const response = await fetch(location.href, { cache: "no-store" });
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      const selector = 'link[rel~="stylesheet"]';
      const olds = [...document.querySelectorAll(selector)];
      const news = [...fresh.querySelectorAll(selector)];
      if (olds.length !== news.length) return location.reload();
      olds.forEach((link, i) => {
        const href = news[i].getAttribute("href");
        if (link.getAttribute("href") !== href) link.setAttribute("href", href);
      });
      version = next;
    } catch (e) {
      location.reload();
    }
  };
  const events = new EventSource("/__showcase/events");
  events.onmessage = (event) => {
    const [kind, number] = String(event.data).split(" ");
    const next = Number(number);
    if (next === version) return;
    if (kind === "css" && next === version + 1) swapStyles(next);
    else location.reload();
  };
})();
"#;

/// The page with the live-reload script (and the overlay, while the last rebuild failed).
pub fn inject(html: &str, snapshot: &Snapshot) -> String {
    let mut tail = String::new();
    tail.push_str(&snapshot.overlay);
    tail.push_str(&format!(
        "<script src=\"{SCRIPT_PATH}\" data-version=\"{}\"></script>\n",
        snapshot.version
    ));
    match html.rfind("</body>").or_else(|| html.rfind("</BODY>")) {
        Some(at) => format!("{}{tail}{}", &html[..at], &html[at..]),
        None => format!("{html}{tail}"),
    }
}

/// The page served for every path while no build has succeeded yet.
pub fn error_page(snapshot: &Snapshot) -> String {
    inject(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>showcase</title></head><body></body></html>\n",
        snapshot,
    )
}

/// The most lines of a file read for an excerpt (a bigger file gets none).
const EXCERPT_LIMIT: u64 = 4 * 1024 * 1024;

/// The errors over the page, in the author's language (`messages`): opaque,
/// readable on a phone, each with its place, its words and the lines of the
/// file around it (`root` is the site's folder, which the file names are
/// relative to). Everything from the files is escaped.
pub fn overlay(errors: &[Diagnostic], has_site: bool, messages: &Messages, root: &Path) -> String {
    let lang = match messages.lang() {
        crate::messages::Lang::Zh => "zh-CN",
        crate::messages::Lang::En => "en",
    };
    let heading = msg!(
        messages,
        "serve-overlay-heading",
        count = errors.len(),
        served = if has_site { "yes" } else { "no" }
    );
    let mut html = format!(
        "<div id=\"showcase-errors\" role=\"alert\" lang=\"{lang}\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1rem;box-sizing:border-box;background:#fff;color:#1a1a1a;font:18px/1.6 system-ui,-apple-system,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;text-align:left\">\n\
         <div style=\"max-width:48rem;margin:0 auto\">\n\
         <h2 style=\"margin:0 0 .5rem;font-size:1.25rem;line-height:1.4;color:#9b1c1c\">{}</h2>\n\
         <p style=\"margin:0 0 1rem\">{}</p>\n<ol style=\"margin:0;padding:0;list-style:none\">\n",
        escape_attr(&heading),
        escape_attr(&msg!(messages, "serve-overlay-fix")),
    );
    for d in errors {
        let (border, background) = match d.severity {
            Severity::Error => ("#b91c1c", "#fdf2f2"),
            _ => ("#8a5a00", "#fdf8ec"),
        };
        html.push_str(&format!(
            "<li style=\"margin:0 0 1rem;padding:.75rem;border-left:6px solid {border};background:{background}\">\
             <p style=\"margin:0;overflow-wrap:anywhere\"><strong>{}</strong></p>\
             <p style=\"margin:.25rem 0 0;overflow-wrap:anywhere\">{}</p>",
            escape_attr(&d.place()),
            escape_attr(&msg!(
                messages,
                "serve-overlay-problem",
                severity = d.severity.text(messages),
                message = d.text_in(messages).into_owned()
            )),
        ));
        if let Some(lines) = excerpt(root, d) {
            html.push_str(&format!(
                "<pre style=\"margin:.5rem 0 0;padding:.5rem;overflow-x:auto;background:#fff;border:1px solid #c9ced6;font:16px/1.5 'Noto Sans Mono CJK SC','DejaVu Sans Mono',Menlo,Consolas,monospace;white-space:pre\"><code style=\"font:inherit;background:none;padding:0;color:inherit\">{}</code></pre>",
                escape_attr(&lines)
            ));
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ol>\n</div>\n</div>\n");
    html
}

/// The line of the problem with the one before and after it, numbered, and a
/// mark under its column: what the author looks for in the file.
fn excerpt(root: &Path, d: &Diagnostic) -> Option<String> {
    if d.line == 0 {
        return None;
    }
    let path = if d.file.is_absolute() {
        d.file.clone()
    } else {
        root.join(&d.file)
    };
    if std::fs::metadata(&path).ok()?.len() > EXCERPT_LIMIT {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    excerpt_of(&text, d.line, d.col)
}

/// The lines of `text` around `line` (1-based), numbered, with a mark under
/// `col` (1-based, 0 for none).
pub fn excerpt_of(text: &str, line: usize, col: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at = line.checked_sub(1).filter(|&i| i < lines.len())?;
    let first = at.saturating_sub(1);
    let last = (at + 1).min(lines.len() - 1);
    let width = (last + 1).to_string().len();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate().take(last + 1).skip(first) {
        let mark = if i == at { ">" } else { " " };
        out.push_str(&format!("{mark} {:>width$} | {}\n", i + 1, line.trim_end()));
        if i == at && col > 0 {
            // Under the column, counted in the widths a monospaced font gives.
            let before: usize = line
                .chars()
                .take(col - 1)
                .map(|c| if crate::text::is_wide(c) { 2 } else { 1 })
                .sum();
            out.push_str(&format!("  {:>width$} | {}^\n", "", " ".repeat(before)));
        }
    }
    Some(out.trim_end().to_string())
}

/// The open event streams, one per browser tab.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
}

impl Hub {
    /// Answers an events request: the stream's headers, then the current state,
    /// the version `version` reads.
    ///
    /// The version is read and the stream joins the others under one lock, the
    /// one [`Hub::send`] takes: a rebuild published meanwhile is either in the
    /// version said here or sent to this stream after, never lost between.
    ///
    /// Headers and every message go through the raw connection and are
    /// flushed at once: tiny_http would hold back small messages of a body of
    /// unknown length.
    pub fn join(&self, request: tiny_http::Request, version: impl FnOnce() -> u64) {
        let mut writer = request.into_writer();
        let mut clients = self.lock();
        let hello = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\nretry: 500\ndata: reload {}\n\n",
            version()
        );
        if writer.write_all(hello.as_bytes()).and_then(|()| writer.flush()).is_ok() {
            clients.push(writer);
        }
    }

    /// Sends one message (`reload 7`) to every open stream, dropping the closed ones.
    pub fn send(&self, message: &str) {
        let frame = format!("data: {message}\n\n");
        self.lock()
            .retain_mut(|w| w.write_all(frame.as_bytes()).and_then(|()| w.flush()).is_ok());
    }

    /// A comment line that keeps the streams open and finds the closed ones.
    pub fn ping(&self) {
        self.lock()
            .retain_mut(|w| w.write_all(b": ping\n\n").and_then(|()| w.flush()).is_ok());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Box<dyn Write + Send>>> {
        self.clients.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn snapshot(errors: Vec<Diagnostic>) -> Snapshot {
        let english = Messages::new(crate::messages::Lang::En);
        Snapshot {
            files: Some(Arc::default()),
            overlay: if errors.is_empty() {
                Arc::from("")
            } else {
                overlay(&errors, true, &english, Path::new("/nonexistent")).into()
            },
            errors: Arc::new(errors),
            version: 7,
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let html = inject("<html><body><p>x</p></body></html>", &snapshot(Vec::new()));
        assert_eq!(
            html,
            "<html><body><p>x</p><script src=\"/__showcase/live.js\" data-version=\"7\"></script>\n</body></html>"
        );
        assert!(inject("<p>no body</p>", &snapshot(Vec::new())).ends_with("</script>\n"));
    }

    #[test]
    fn the_overlay_escapes_each_error() {
        let errors = vec![
            Diagnostic::error("content/a.md", 3, 0, "bad <script>alert(1)</script>"),
            Diagnostic::file_error("themes/x/templates/page.html", "missing & wrong"),
        ];
        let html = inject("<body></body>", &snapshot(errors));
        assert!(html.contains("<strong>content/a.md:3</strong>"), "{html}");
        assert!(
            html.contains("error: bad &lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("<strong>themes/x/templates/page.html</strong>"), "{html}");
        assert!(html.contains("error: missing &amp; wrong"), "{html}");
        assert!(html.contains("2 errors"));
        assert!(!html.contains("<script>alert"));
    }

    #[test]
    fn the_overlay_shows_the_lines_around_the_problem_in_the_author_s_language() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("content")).unwrap();
        std::fs::write(
            root.path().join("content/a.md"),
            "---\ntitle: [阿尔法<b>\ndate: 2024-01-01\n---\n",
        )
        .unwrap();
        let d = Diagnostic::error("content/a.md", 2, 9, "not valid YAML");
        let zh = Messages::new(crate::messages::Lang::Zh);
        let html = overlay(&[d], true, &zh, root.path());
        assert!(html.contains("lang=\"zh-CN\""), "{html}");
        assert!(html.contains("网站有 1 个错误"), "{html}");
        assert!(html.contains("错误：not valid YAML"), "{html}");
        // The line before, the line, the mark under column 9 (阿 counts two), the line after.
        assert!(
            html.contains(
                "  1 | ---\n&gt; 2 | title: [阿尔法&lt;b&gt;\n    |         ^\n  3 | date: 2024-01-01</code>"
            ),
            "{html}"
        );
    }
}
