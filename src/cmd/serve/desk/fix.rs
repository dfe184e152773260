//! Files whose front matter cannot be read as fields (a YAML syntax error,
//! say): their list, first on the desk's first page, and the page of one,
//! with the problem in the author's words, the lines of the file around it,
//! and the whole file in a text box to put right and save.

use std::fmt::Write as _;

use super::form::Case;
use super::pages::{head, shell};
use super::{Answer, Desk, Fields, PREFIX, encode, files, hash};
use crate::content::{CONTENT_DIR, Library, front_matter};
use crate::messages::Messages;
use crate::msg;
use crate::text::{escape_attr as attr, escape_text as esc};

/// What the page of a file that cannot be shown as a form shows.
pub struct Fix<'a> {
    pub rel: &'a str,
    /// The hash of the file as the page was opened.
    pub hash: &'a str,
    /// The file's text, or the text sent that could not be saved.
    pub text: &'a str,
    /// Why its front matter cannot be read, at its line and column; `None`
    /// for a text sent that reads well but could not be saved.
    pub problem: Option<&'a front_matter::Problem>,
    pub notice: Option<&'a str>,
    pub refusal: Option<&'a str>,
}

/// A file whose front matter cannot be read as fields (a YAML syntax error):
/// the problem in the author's words with the lines around it, and the whole
/// file in a text box to put it right and save.
pub fn page(messages: &Messages, fix: &Fix<'_>) -> String {
    let mut main = head(fix.notice, fix.refusal, &msg!(messages, "desk-fix-heading"), fix.rel);
    if let Some(problem) = fix.problem {
        let message = problem
            .keyed
            .as_ref()
            .map_or_else(|| problem.message.clone(), |k| k.text(messages));
        let _ = write!(
            main,
            "<section class=\"section problem\" aria-labelledby=\"problem-heading\"><h2 id=\"problem-heading\">{}</h2>\
<p id=\"problem-text\">{}</p>",
            esc(&msg!(messages, "desk-fix-where", line = problem.line)),
            esc(&message),
        );
        if let Some(lines) = crate::cmd::serve::live::excerpt_of(fix.text, problem.line, problem.col) {
            let _ = write!(main, "<pre class=\"excerpt\"><code>{}</code></pre>", esc(&lines));
        }
        main.push_str("</section>");
    }
    let described = if fix.problem.is_some() {
        "source-hint problem-text"
    } else {
        "source-hint"
    };
    let _ = write!(
        main,
        "<form class=\"case-form fix\" method=\"post\" action=\"{PREFIX}source\">\
<input type=\"hidden\" name=\"file\" value=\"{file}\"><input type=\"hidden\" name=\"hash\" value=\"{hash}\">\
<div class=\"field\"><label for=\"source\">{label}</label><p class=\"hint\" id=\"source-hint\">{hint}</p>\
<textarea id=\"source\" name=\"source\" rows=\"24\" spellcheck=\"false\" aria-describedby=\"{described}\">\n{text}</textarea></div>\
<div class=\"actions\"><button class=\"button primary\" type=\"submit\">{save}</button></div></form>",
        file = attr(fix.rel),
        hash = attr(fix.hash),
        label = esc(&msg!(messages, "desk-fix-source")),
        hint = esc(&msg!(messages, "desk-fix-hint")),
        // The HTML parser drops one newline after <textarea>: the file's first is kept by the one written here.
        text = esc(fix.text),
        save = esc(&msg!(messages, "desk-save")),
    );
    shell(messages, &msg!(messages, "desk-fix-heading"), &main)
}

/// The files of `library` whose front matter fails, each with its first
/// problem and a link to its page here; nothing when there are none.
pub fn list(messages: &Messages, library: &Library) -> String {
    let mut main = String::new();
    if library.unparsed.is_empty() {
        return main;
    }
    let _ = write!(
        main,
        "<section class=\"section broken\" aria-labelledby=\"broken-heading\"><h2 id=\"broken-heading\">{}</h2><p class=\"hint\">{}</p><ul class=\"cases\">",
        esc(&msg!(messages, "desk-broken-heading", count = library.unparsed.len())),
        esc(&msg!(messages, "desk-broken-hint"))
    );
    for file in &library.unparsed {
        let why = file.problem.as_ref().map(|d| {
            msg!(
                messages,
                "desk-broken-why",
                line = d.line,
                message = d.text_in(messages).into_owned()
            )
        });
        let _ = write!(
            main,
            "<li><a class=\"case-title\" href=\"{PREFIX}case?file={}\">{CONTENT_DIR}/{}</a><span class=\"why\">{}</span></li>",
            attr(&encode(&file.rel)),
            esc(&file.rel),
            esc(why.as_deref().unwrap_or(""))
        );
    }
    main.push_str("</ul></section>");
    main
}

impl Desk {
    /// Saves the whole text of a file whose front matter could not be read as a form
    /// (sent by [`page`]), as it was written, then shows it again: as a form
    /// if it now reads as one.
    pub(super) fn save_source(&self, messages: &Messages, form: &Fields) -> Answer {
        let rel = form.get("file");
        let (path, bytes) = match self.case_file(messages, rel) {
            Ok(found) => found,
            Err(answer) => return answer,
        };
        // Browsers send a text box's lines ended by CR LF: the file keeps its own ends.
        let sent = form.get("source");
        let text = if bytes.windows(2).any(|w| w == b"\r\n") {
            sent.to_string()
        } else {
            sent.replace("\r\n", "\n")
        };
        let refuse = |status: u16, refusal: String| {
            let problem = self.config().ok().and_then(|config| Case::read(&text, &config).err());
            let page = Fix {
                rel,
                // The hash the page was opened with: saving again is refused again until reloaded.
                hash: form.get("hash"),
                text: &text,
                problem: problem.as_ref(),
                notice: None,
                refusal: Some(&refusal),
            };
            Answer::html(status, self::page(messages, &page))
        };
        if form.get("hash") != hash(&bytes) {
            return refuse(409, msg!(messages, "desk-stale-file"));
        }
        if let Err(e) = files::write_atomic(&path, text.as_bytes()) {
            return refuse(500, msg!(messages, "desk-write-failed", reason = e.to_string()));
        }
        Answer::see_other(format!("{PREFIX}case?file={}&saved=1", encode(rel)))
    }
}
