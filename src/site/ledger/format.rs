//! The ledger's file format: its header, one entry a line (see the header's
//! text), fields separated by spaces, a space inside a field written `%20`.
//! [`parse`] reads a ledger and says which lines it cannot read and why;
//! [`write_line`] writes an entry as [`parse_line`] reads it back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::messages::Keyed;

/// The first lines of the ledger; `build` writes them and keeps nothing else
/// that starts with `#`.
pub(super) const HEADER: &str = "\
# Every address this site has published, one a line, sorted. `showcase build`
# keeps this file: it adds each new address, and when a page's address changes
# (its file renamed or moved, its slug edited) it redirects the old address to
# the new one. Commit it with the content. Lines:
#   ADDRESS LANG FILE DATE TITLE     a page of a content file (written by build)
#   ADDRESS LANG (WHAT)              a page the site makes: home, term, search… (build)
#   ADDRESS -> NEW LANG FILE         a page that moved: a redirect (build)
#   ADDRESS -> NEW LANG (WHAT)       a page the site no longer makes, such as a term
#                                    with no pages left: to its taxonomy or home (build)
#   ADDRESS -> TARGET                a page removed: a redirect you write yourself;
#                                    TARGET is an address (/cases/new/), a content
#                                    file (cases/new.md) or a URL (https://…)
# An address no page answers any more is kept: `showcase check` warns that it
# answers 404. Write where it went (ADDRESS -> TARGET), or delete the line to
# let the address go.
";

/// Who an address of the ledger was published for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Holder {
    /// A content file's page: its language-neutral path (`cases/a.md`), its date
    /// (`-` if it has none) and its title, by which a renamed file is recognised.
    File { file: String, date: String, title: String },
    /// A page the site makes: `home`, `term industry/smart-software`.
    Generated(String),
}

/// What the ledger says of one address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Entry {
    /// A page, in a language (its code).
    Page { lang: String, holder: Holder },
    /// A redirect. `from` (language code, language-neutral file) when `build`
    /// wrote it for a page that moved: the target follows that file's page.
    Redirect {
        target: String,
        from: Option<(String, String)>,
    },
}

/// An entry and the line of the ledger it was read from.
pub(super) struct Line {
    pub(super) number: usize,
    pub(super) entry: Entry,
}

/// What a page the site makes is, from the `(WHAT)` of a redirect's line.
pub(super) fn generated(from: &str) -> Option<&str> {
    from.strip_prefix('(').and_then(|w| w.strip_suffix(')'))
}

pub(super) fn is_url(target: &str) -> bool {
    target.starts_with("https://") || target.starts_with("http://")
}

/// A field as written: a space would end it.
pub(super) fn encode(field: &str) -> String {
    field.replace(' ', "%20").replace('\t', "%09")
}

pub(super) fn decode(field: &str) -> String {
    field.replace("%20", " ").replace("%09", "\t")
}

pub(super) fn write_line(address: &str, entry: &Entry) -> String {
    let address = encode(address);
    match entry {
        Entry::Page {
            lang,
            holder: Holder::File { file, date, title },
        } => format!("{address} {lang} {} {date} {title}", encode(file))
            .trim_end()
            .to_string(),
        Entry::Page {
            lang,
            holder: Holder::Generated(what),
        } => format!("{address} {lang} ({what})"),
        Entry::Redirect { target, from: None } => format!("{address} -> {}", encode(target)),
        Entry::Redirect {
            target,
            from: Some((lang, file)),
        } => match generated(file) {
            Some(_) => format!("{address} -> {} {lang} {file}", encode(target)),
            None => format!("{address} -> {} {lang} {}", encode(target), encode(file)),
        },
    }
}

/// A site path as the ledger keeps it: `/cases/a/` (a trailing slash added) or `/a.html`.
pub(super) fn address(field: &str) -> Result<String, Keyed> {
    let path = decode(field);
    if !path.starts_with('/') || path.starts_with("//") {
        return Err(crate::keyed!("ledger-bad-address", path = path.as_str(), why = "slash"));
    }
    if path.contains(['?', '#', '\\', '"', '<', '>'])
        || path.chars().any(char::is_control)
        || path.split('/').any(|p| p == ".." || p == ".")
    {
        return Err(crate::keyed!("ledger-bad-address", path = path.as_str(), why = "plain"));
    }
    Ok(if path.ends_with('/') || path.ends_with(".html") {
        path
    } else {
        format!("{path}/")
    })
}

/// The fields of a line and where each starts.
pub(super) fn fields(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// Reads the ledger's lines by address, with the problems of those that cannot be read.
pub(super) fn parse(text: &str, codes: &[&str], shown: &Path) -> (BTreeMap<String, Line>, Vec<Diagnostic>) {
    let mut lines = BTreeMap::new();
    let mut problems = Vec::new();
    for (at, raw) in text.lines().enumerate() {
        let number = at + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let parsed = parse_line(raw, codes).map_err(|(offset, message)| {
            let col = raw[..offset.min(raw.len())].chars().count() + 1;
            Diagnostic::error_keyed(PathBuf::from(shown), number, col, message).rule("ledger")
        });
        match parsed {
            Ok((address, entry)) => {
                if let Some(first) = lines.get(&address).map(|l: &Line| l.number) {
                    problems.push(
                        Diagnostic::error_keyed(
                            PathBuf::from(shown),
                            number,
                            1,
                            crate::keyed!("ledger-duplicate", address = address.as_str(), first = first),
                        )
                        .rule("ledger"),
                    );
                } else {
                    lines.insert(address, Line { number, entry });
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    (lines, problems)
}

/// One line: its address and entry, or the byte offset and text of its problem.
pub(super) fn parse_line(raw: &str, codes: &[&str]) -> Result<(String, Entry), (usize, Keyed)> {
    let fields = fields(raw);
    let (_, first) = fields[0];
    let address = address(first).map_err(|e| (fields[0].0, e))?;
    let language = |(at, code): (usize, &str)| -> Result<String, (usize, Keyed)> {
        if codes.contains(&code) {
            Ok(code.to_string())
        } else {
            Err((
                at,
                crate::keyed!("ledger-bad-language", code = code, codes = codes.join(", ")),
            ))
        }
    };
    let Some(&second) = fields.get(1) else {
        return Err((
            raw.len(),
            crate::keyed!("ledger-nothing-more", address = address.as_str()),
        ));
    };
    if second.1 == "->" {
        let Some(&(at, target)) = fields.get(2) else {
            return Err((raw.len(), crate::keyed!("ledger-no-target")));
        };
        let target = if is_url(target) {
            target.to_string()
        } else if target.starts_with('/') {
            self::address(target).map_err(|e| (at, e))?
        } else if target.ends_with(".md") && !target.contains("://") {
            decode(target)
        } else {
            return Err((at, crate::keyed!("ledger-bad-target", target = target)));
        };
        return match fields.len() {
            3 => Ok((address, Entry::Redirect { target, from: None })),
            5.. if fields[4].1.starts_with('(') => {
                let what = raw[fields[4].0..].trim();
                match generated(what) {
                    Some(_) => Ok((
                        address,
                        Entry::Redirect {
                            target,
                            from: Some((language(fields[3])?, what.to_string())),
                        },
                    )),
                    None => Err((fields[4].0, crate::keyed!("ledger-no-closing", what = what))),
                }
            }
            5 => Ok((
                address,
                Entry::Redirect {
                    target,
                    from: Some((language(fields[3])?, decode(fields[4].1))),
                },
            )),
            _ => Err((fields[3].0, crate::keyed!("ledger-after-target"))),
        };
    }
    let lang = language(second)?;
    let Some(&(at, third)) = fields.get(2) else {
        return Err((raw.len(), crate::keyed!("ledger-no-file")));
    };
    let holder = if third.starts_with('(') {
        let what = raw[at..].trim();
        match what.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
            Some(inner) => Holder::Generated(inner.to_string()),
            None => return Err((at, crate::keyed!("ledger-no-closing", what = what))),
        }
    } else {
        let date = fields.get(3).map_or("-", |f| f.1).to_string();
        let title = fields.get(4).map_or("", |&(at, _)| raw[at..].trim());
        Holder::File {
            file: decode(third),
            date,
            title: title.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    };
    Ok((address, Entry::Page { lang, holder }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Result<(String, Entry), (usize, String)> {
        parse_line(line, &["zh", "en"]).map_err(|(at, message)| (at, message.english()))
    }

    #[test]
    fn lines_read_back_as_written() {
        for line in [
            "/cases/a/ zh cases/a.md 2021-01-12 天地 科技园",
            "/en/cases/a/ en cases/a.md - Tiandi",
            "/industry/smart-software/ zh (term industry/smart-software)",
            "/cases/old/ -> /cases/a/ zh cases/a.md",
            "/year/2023/ -> /year/ zh (term year/2023)",
            "/cases/gone/ -> https://example.org/x/",
            "/cases/gone%20too/ -> cases/b.md",
        ] {
            let (address, entry) = one(line).unwrap();
            assert_eq!(write_line(&address, &entry), line);
        }
    }

    #[test]
    fn bad_lines_say_where_and_why() {
        assert!(one("cases/a/ zh cases/a.md").unwrap_err().1.contains("single /"));
        let (at, message) = one("/a/ fr cases/a.md").unwrap_err();
        assert_eq!(at, 4);
        assert!(message.contains("zh, en"), "{message}");
        assert!(one("/a/ ->").unwrap_err().1.contains("needs a target"));
        assert!(one("/a/ -> nowhere").unwrap_err().1.contains("not an address"));
        assert_eq!(one("/a -> /b").unwrap().0, "/a/");
        assert!(one("/a/../b/ zh b.md").unwrap_err().1.contains("plain path"));
        assert!(one("/a%09b/ zh b.md").unwrap_err().1.contains("plain path"));
    }
}
