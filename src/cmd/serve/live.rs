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

use super::Snapshot;
use crate::diagnostics::Diagnostic;
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
    if !snapshot.errors.is_empty() {
        tail.push_str(&overlay(&snapshot.errors, snapshot.files.is_some()));
    }
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
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>showcase: the site could not be built</title></head><body></body></html>\n",
        snapshot,
    )
}

/// The list of errors, over the page.
fn overlay(errors: &[Diagnostic], has_site: bool) -> String {
    let n = errors.len();
    let heading = format!(
        "showcase: {n} error{} in the site{}",
        if n == 1 { "" } else { "s" },
        if has_site {
            "; this is the last version that was built without errors"
        } else {
            "; it could not be built"
        }
    );
    let mut html = String::from(
        "<div id=\"showcase-errors\" role=\"alert\" lang=\"en\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(24,0,0,.94);color:#fff;font:16px/1.5 ui-monospace,monospace;text-align:left\">\n",
    );
    html.push_str(&format!("<h2 style=\"margin:0 0 1rem;font-size:1.2rem;color:#ffb4b4\">{}</h2>\n<ul style=\"margin:0;padding:0;list-style:none\">\n", escape_attr(&heading)));
    for d in errors {
        html.push_str(&format!(
            "<li style=\"margin:0 0 .75rem\"><strong>{}</strong>: {}: {}</li>\n",
            escape_attr(&location(d)),
            d.severity.as_str(),
            escape_attr(&d.text())
        ));
    }
    html.push_str("</ul>\n<p style=\"margin:1rem 0 0;color:#ddd\">Fix the file and save it: this page reloads by itself.</p>\n</div>\n");
    html
}

/// `file:line:col`, as far as known.
fn location(d: &Diagnostic) -> String {
    let mut text = d.file.display().to_string();
    if d.line > 0 {
        text.push_str(&format!(":{}", d.line));
        if d.col > 0 {
            text.push_str(&format!(":{}", d.col));
        }
    }
    text
}

/// The open event streams, one per browser tab.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
}

impl Hub {
    /// Answers an events request: the stream's headers, then the current state.
    ///
    /// Headers and every message go through the raw connection and are
    /// flushed at once: tiny_http would hold back small messages of a body of
    /// unknown length.
    pub fn join(&self, request: tiny_http::Request, version: u64) {
        let mut writer = request.into_writer();
        let hello = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\nretry: 500\ndata: reload {version}\n\n"
        );
        if writer.write_all(hello.as_bytes()).and_then(|()| writer.flush()).is_ok() {
            self.lock().push(writer);
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
        Snapshot {
            files: Some(Arc::default()),
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
        assert!(html.contains("<strong>content/a.md:3</strong>: error: bad &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<strong>themes/x/templates/page.html</strong>: error: missing &amp; wrong"));
        assert!(html.contains("2 errors"));
        assert!(!html.contains("<script>alert"));
    }
}
