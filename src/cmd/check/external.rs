//! `check --external`: are the site's outbound http(s) links still there?
//!
//! Steps: each distinct URL is asked for with HEAD (no body), and with GET
//! when the server answers HEAD with an error status, since many servers
//! refuse or mishandle HEAD. A few worker threads share the list, so at most
//! [`WORKERS`] requests are open at once; each has a time limit. A missing
//! page (4xx) is broken; a server that fails, is busy (429, 5xx) or does not
//! answer is unreachable, which may be passing trouble.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::messages::Keyed;

/// How many requests run at once.
pub const WORKERS: usize = 8;

/// What asking for a URL found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    /// The server says the page is not there (4xx).
    Broken(Keyed),
    /// No answer, or a server error: maybe only for now.
    Unreachable(Keyed),
}

/// Checks every URL; verdicts come back in the order of `urls`.
pub fn check_all(urls: &[String], timeout: Duration) -> Vec<Verdict> {
    if urls.is_empty() {
        return Vec::new();
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!("showcase-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let verdicts: Mutex<Vec<Option<Verdict>>> = Mutex::new(vec![None; urls.len()]);
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(urls.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let verdict = check_one(&agent, url);
                    if let Ok(mut all) = verdicts.lock() {
                        all[i] = Some(verdict);
                    }
                }
            });
        }
    });
    verdicts
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|v| {
            v.unwrap_or_else(|| {
                Verdict::Unreachable(crate::keyed!(
                    "external-why",
                    why = "not-checked",
                    status = 0,
                    detail = ""
                ))
            })
        })
        .collect()
}

fn check_one(agent: &ureq::Agent, url: &str) -> Verdict {
    match agent.head(url).call() {
        Ok(response) if response.status().as_u16() < 400 => return Verdict::Ok,
        Err(e @ (ureq::Error::Timeout(_) | ureq::Error::HostNotFound | ureq::Error::ConnectionFailed)) => {
            return unreachable(&e);
        }
        // An error status, or a server that cannot answer HEAD: ask with GET.
        _ => {}
    }
    match agent.get(url).call() {
        Ok(response) => {
            let status = response.status().as_u16();
            match status {
                0..400 => Verdict::Ok,
                429 | 500.. => Verdict::Unreachable(answered(status)),
                _ => Verdict::Broken(answered(status)),
            }
        }
        Err(e) => unreachable(&e),
    }
}

/// The server's answer, an HTTP status.
fn answered(status: u16) -> Keyed {
    crate::keyed!(
        "external-why",
        why = "status",
        status = usize::from(status),
        detail = ""
    )
}

fn unreachable(e: &ureq::Error) -> Verdict {
    let (why, detail) = match e {
        ureq::Error::Timeout(_) => ("timeout", String::new()),
        ureq::Error::HostNotFound => ("no-host", String::new()),
        ureq::Error::ConnectionFailed => ("no-connection", String::new()),
        other => ("other", other.to_string()),
    };
    Verdict::Unreachable(crate::keyed!("external-why", why = why, status = 0, detail = detail))
}
