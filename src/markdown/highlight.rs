//! Code highlighting with syntect, as CSS classes, never inline styles.
//!
//! Each token gets the class of its colour and font style in the site's
//! highlight theme (`hl-a71d5d`, `hl-795da3b` for bold); the stylesheet is
//! made from the classes the site uses, so it holds only what it needs and
//! the pages stay small. An unknown language is shown as plain, escaped text.
//!
//! Highlighting costs most of a build, so blocks are cached between builds
//! in `.showcase-cache/` in the site's folder: the key is a hash of
//! everything that decides the output (this format's version, syntect's
//! syntaxes, the theme, the language and the code), and every entry carries
//! a checksum; an entry that does not verify is highlighted afresh. The
//! cache is safe to delete and never changes the output.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use syntect::easy::ScopeRegionIterator;
use syntect::highlighting::{Color, FontStyle, Style, Theme};
use syntect::parsing::{ParseState, Scope, ScopeStack, ScopeStackOp, SyntaxSet};

use crate::text::{escape_attr, escape_text};
use syntect::util::LinesWithEndings;

use crate::code_themes::{hex, themes};
use crate::packed::Packed;

/// Changes whenever the HTML this module writes changes.
const FORMAT: &str = "showcase-highlight-2";
/// The cache's folder in the site's root, and its file.
pub const CACHE_DIR: &str = crate::cache::DIR;
const CACHE_FILE: &str = "highlight.bin";
const MAGIC: &[u8] = b"SHOWCASE-HL-CACHE-3\n";

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A fenced block's language token: `rust` of "rust,ignore" or "python {linenos}".
pub fn language_token(info: &str) -> &str {
    info.split([',', ' ', '{', '\t']).next().unwrap_or("").trim()
}

/// Scope stacks and their styles (looked up at every scope change: a fast hash).
type Styles = rustc_hash::FxHashMap<Vec<Scope>, Style>;

/// The highlighter of one build: its theme, its cache and the classes it used.
pub struct Highlighter {
    theme: &'static Theme,
    /// The theme's selectors, ready to match scopes.
    matcher: syntect::highlighting::Highlighter<'static>,
    /// Scope stack → its style, for every stack the build's code has had.
    styles: Mutex<Styles>,
    /// Lines already parsed this build, with the parser's state around them.
    lines: LineMemo,
    theme_name: String,
    cache_file: Option<PathBuf>,
    /// Blocks from the cache file, by key; read when first needed (a build whose
    /// pages all come from the Markdown cache never needs it).
    cached: OnceLock<HashMap<u128, String>>,
    /// The blocks this build used, by key: `None` for those in `cached`, the HTML of
    /// the new ones (packed: at 10,000 cases, unpacked, they were a tenth of the peak).
    used: Mutex<HashMap<u128, Option<Packed>>>,
    classes: Mutex<BTreeSet<String>>,
}

impl Highlighter {
    /// A highlighter for a theme (checked with the config), reading the cache in `root` if any.
    pub fn new(theme: &str, root: Option<&Path>) -> Highlighter {
        let themes = themes();
        let chosen = themes.themes.get(theme).or_else(|| themes.themes.values().next());
        let cache_file = root.map(|r| r.join(CACHE_DIR).join(CACHE_FILE));
        let chosen = chosen.expect("syntect ships default themes");
        Highlighter {
            theme: chosen,
            matcher: syntect::highlighting::Highlighter::new(chosen),
            styles: Mutex::default(),
            lines: LineMemo::default(),
            theme_name: theme.to_string(),
            cache_file,
            cached: OnceLock::new(),
            used: Mutex::new(HashMap::new()),
            classes: Mutex::new(BTreeSet::new()),
        }
    }

    fn cached(&self) -> &HashMap<u128, String> {
        self.cached
            .get_or_init(|| self.cache_file.as_deref().map(read_cache).unwrap_or_default())
    }

    fn key(&self, code: &str, language: &str) -> u128 {
        let mut input = Vec::with_capacity(code.len() + 64);
        for part in [FORMAT, syntect_version(), &self.theme_name, language] {
            input.extend_from_slice(part.as_bytes());
            input.push(0);
        }
        input.extend_from_slice(code.as_bytes());
        xxhash_rust::xxh3::xxh3_128(&input)
    }

    /// The `<pre>` element for a code block.
    pub fn highlight(&self, code: &str, language: &str) -> String {
        self.highlight_keyed(code, language).0
    }

    /// [`Highlighter::highlight`], with the block's cache key and the classes it uses.
    pub fn highlight_keyed(&self, code: &str, language: &str) -> (String, u128, Vec<String>) {
        let key = self.key(code, language);
        let (html, new) = match self.cached().get(&key) {
            Some(html) => (html.clone(), false),
            None => (self.render(code, language), true),
        };
        let classes = classes_in(&html);
        self.note(&classes);
        if let Ok(mut used) = self.used.lock() {
            used.entry(key).or_insert_with(|| new.then(|| Packed::new(&html)));
        }
        (html, key, classes)
    }

    /// For a page whose HTML a build keeps from an earlier one: counts its blocks as
    /// used (those still in the cache stay there) and its classes into the stylesheet.
    pub fn reuse(&self, blocks: &[u128], classes: &[String]) {
        self.note(classes);
        if let Ok(mut used) = self.used.lock() {
            for key in blocks {
                used.entry(*key).or_insert(None);
            }
        }
    }

    fn render(&self, code: &str, language: &str) -> String {
        let set = syntaxes();
        let syntax = (!language.is_empty())
            .then(|| set.find_syntax_by_token(language))
            .flatten();
        let lang_attr = if language.is_empty() {
            String::new()
        } else {
            format!(" data-lang=\"{}\"", escape_attr(language))
        };
        let inner = syntax
            .and_then(|syntax| self.spans(code, syntax))
            .unwrap_or_else(|| escape_text(code));
        format!("<pre class=\"hl-code\"{lang_attr}><code>{inner}</code></pre>\n")
    }

    /// Classed spans for the code, merging neighbours of one style; `None` if syntect fails.
    fn spans(&self, code: &str, syntax: &syntect::parsing::SyntaxReference) -> Option<String> {
        let default = self.default_style();
        let mut out = String::with_capacity(code.len() * 2);
        let mut open: Option<String> = None;
        self.tokens(code, syntax, |style, text| {
            let class = (!same_look(style, default)).then(|| class_of(style));
            // Whitespace takes no colour: keep it inside the open span.
            let class = if text.trim().is_empty() { open.clone() } else { class };
            if class != open {
                if open.is_some() {
                    out.push_str("</span>");
                }
                if let Some(c) = &class {
                    out.push_str("<span class=\"");
                    out.push_str(c);
                    out.push_str("\">");
                }
                open = class;
            }
            pulldown_cmark_escape::escape_html_body_text(&mut out, text).is_ok()
        })?;
        if open.is_some() {
            out.push_str("</span>");
        }
        Some(out)
    }

    /// Calls `each` with every piece of the code and its style, in order; `None` if
    /// syntect fails or `each` returns false.
    fn tokens(
        &self,
        code: &str,
        syntax: &syntect::parsing::SyntaxReference,
        mut each: impl FnMut(Style, &str) -> bool,
    ) -> Option<()> {
        let mut parse = self.lines.start(syntax);
        let mut stack = ScopeStack::new();
        let mut style = self.matcher.get_default();
        // Styles of the scope stacks this block has seen; the build's are behind a lock.
        let mut seen = Styles::default();
        for line in LinesWithEndings::from(code) {
            let ops = self.lines.parse(&mut parse, line)?;
            for (text, op) in ScopeRegionIterator::new(&ops, line) {
                if !matches!(op, ScopeStackOp::Noop) {
                    stack.apply(op).ok()?;
                    style = self.style_of(stack.as_slice(), &mut seen);
                }
                if !text.is_empty() && !each(style, text) {
                    return None;
                }
            }
        }
        Some(())
    }

    /// The theme's style for a stack of scopes. Matching a stack against the theme's
    /// selectors is most of what highlighting costs, and a site's code has few
    /// distinct stacks: each is matched once a build. (What syntect's
    /// `HighlightLines` works out step by step as scopes are pushed, the same.)
    fn style_of(&self, stack: &[Scope], seen: &mut Styles) -> Style {
        if stack.is_empty() {
            return self.matcher.get_default();
        }
        if let Some(style) = seen.get(stack) {
            return *style;
        }
        let known = self.styles.lock().ok().and_then(|styles| styles.get(stack).copied());
        let style = known.unwrap_or_else(|| {
            let style = self.matcher.style_for_stack(stack);
            if let Ok(mut styles) = self.styles.lock() {
                styles.insert(stack.to_vec(), style);
            }
            style
        });
        seen.insert(stack.to_vec(), style);
        style
    }

    fn default_style(&self) -> Style {
        Style {
            foreground: self.theme.settings.foreground.unwrap_or(Color::BLACK),
            background: self.theme.settings.background.unwrap_or(Color::WHITE),
            font_style: FontStyle::empty(),
        }
    }

    fn note(&self, used: &[String]) {
        let Ok(mut classes) = self.classes.lock() else { return };
        classes.extend(used.iter().cloned());
    }

    /// How many classes the site's code has used so far (they are only ever added).
    pub fn classes_used(&self) -> usize {
        self.classes.lock().map_or(0, |c| c.len())
    }

    /// The stylesheet: the block's colours, and a rule for every class the site used.
    pub fn css(&self) -> String {
        let default = self.default_style();
        let mut css = format!(
            "/* Code highlighting: theme {} */\n.hl-code {{ color: {}; background-color: {}; }}\n",
            self.theme_name,
            hex(default.foreground),
            hex(default.background)
        );
        if let Ok(classes) = self.classes.lock() {
            for class in classes.iter() {
                if let Some(rule) = rule_for(class) {
                    css.push_str(&rule);
                }
            }
        }
        css
    }

    /// Writes the blocks this build used to the cache (dropping those it did not), if
    /// any is new; then lets go of the blocks held, which the build's pages no longer need.
    pub fn save(&mut self) -> std::io::Result<()> {
        self.lines = LineMemo::default();
        let used = std::mem::take(self.used.get_mut().unwrap_or_else(|p| p.into_inner()));
        let cached = std::mem::take(&mut self.cached);
        let Some(file) = &self.cache_file else { return Ok(()) };
        // Nothing new: the file is kept as it is (with blocks no page uses any more,
        // until a build that highlights something writes it again).
        if used.values().all(Option::is_none) {
            return Ok(());
        }
        let cached = cached.into_inner().unwrap_or_else(|| read_cache(file));
        let mut entries: Vec<(&u128, &Option<Packed>)> = used.iter().collect();
        entries.sort_by_key(|(k, _)| **k);
        let mut out = crate::cache::EntryWriter::create(file, MAGIC, &[])?;
        for (key, new) in entries {
            match new {
                Some(html) => out.put(*key, html.unpack().as_bytes())?,
                None => {
                    if let Some(html) = cached.get(key) {
                        out.put(*key, html.as_bytes())?;
                    }
                }
            }
        }
        out.finish()
    }
}

/// What parsing a line gives: the scope operations, at byte offsets in the line.
type LineOps = Arc<[(usize, ScopeStackOp)]>;

/// Lines parsed in this build: syntect's parser is a pure function of its state
/// and the line, and most of a site's code lines recur with the same state (a
/// closing brace, a blank line, the lines of a snippet that many cases show: in
/// the benchmark's corpus, 88 % of lines), while parsing — a dozen regex
/// searches a line — is most of what highlighting costs. So each (state, line)
/// is parsed once a build. States are interned and told apart by syntect's own
/// equality, so a line is never taken for another state's; lines after a state
/// that holds a capture are parsed as they come (see [`MemoTable::intern`]).
#[derive(Default)]
struct LineMemo(Mutex<MemoTable>);

#[derive(Default)]
struct MemoTable {
    /// Every state seen at the start or end of a parsed line, by id.
    states: Vec<SendState>,
    /// A hash of a state's contents → the ids of the states with that hash.
    ids: rustc_hash::FxHashMap<u64, Vec<u32>>,
    /// (state id, xxh3 of the line) → the line, its operations and the state after it,
    /// for lines seen more than once: most lines that ever recur do so soon, and most
    /// lines never recur, so holding them all would hold mostly what is never asked for.
    lines: rustc_hash::FxHashMap<(u32, u64), (Box<str>, LineOps, u32)>,
    /// The (state id, xxh3 of the line) of lines seen once.
    once: rustc_hash::FxHashSet<(u32, u64)>,
}

/// Where a block's parser stands: a state of the memo, or its own once the memo cannot
/// keep its state (the table is full, or the state holds a capture).
enum Parse {
    Known(u32),
    Own(ParseState),
}

impl LineMemo {
    /// Lines kept at most (their operations take a few MiB), lines noted as seen
    /// once, and states; past the last, blocks are parsed as they come.
    const MAX_LINES: usize = 1 << 15;
    const MAX_ONCE: usize = 1 << 18;
    const MAX_STATES: usize = 1 << 12;

    fn start(&self, syntax: &syntect::parsing::SyntaxReference) -> Parse {
        let state = ParseState::new(syntax);
        match self.0.lock() {
            Ok(mut table) => match table.intern(state) {
                Ok(id) => Parse::Known(id),
                Err(state) => Parse::Own(state),
            },
            Err(_) => Parse::Own(state),
        }
    }

    /// The operations of `line` where the parser stands, moving it past the line;
    /// `None` if syntect fails.
    fn parse(&self, at: &mut Parse, line: &str) -> Option<LineOps> {
        let id = match at {
            Parse::Own(state) => return state.parse_line(line, syntaxes()).ok().map(LineOps::from),
            Parse::Known(id) => *id,
        };
        let key = (id, xxhash_rust::xxh3::xxh3_64(line.as_bytes()));
        let mut state = {
            let Ok(table) = self.0.lock() else { return None };
            if let Some((text, ops, next)) = table.lines.get(&key)
                && **text == *line
            {
                *at = Parse::Known(*next);
                return Some(ops.clone());
            }
            table.states[id as usize].0.clone()
        };
        let ops = LineOps::from(state.parse_line(line, syntaxes()).ok()?);
        let Ok(mut table) = self.0.lock() else { return None };
        let next = match table.intern(state) {
            Ok(id) => id,
            Err(state) => {
                *at = Parse::Own(state);
                return Some(ops);
            }
        };
        *at = Parse::Known(next);
        if table.once.contains(&key) {
            if table.lines.len() < Self::MAX_LINES {
                table.lines.insert(key, (line.into(), ops.clone(), next));
            }
        } else if table.once.len() < Self::MAX_ONCE {
            table.once.insert(key);
        }
        Some(ops)
    }
}

impl MemoTable {
    /// The state's id; the state back if it cannot be kept: the table is full, or the
    /// state holds what a pattern captured (a heredoc's delimiter, a raw string's
    /// hashes), which syntect compares by the addresses of Oniguruma's regions, so
    /// that it never equals even its own copy and each line would add a state.
    fn intern(&mut self, state: ParseState) -> Result<u32, ParseState> {
        if state != state.clone() {
            return Err(state);
        }
        // Equal states print alike: their text only sorts them into buckets, and
        // equality decides within one.
        let hash = xxhash_rust::xxh3::xxh3_64(format!("{state:?}").as_bytes());
        let same = self.ids.entry(hash).or_default();
        if let Some(&id) = same.iter().find(|&&id| self.states[id as usize].0 == state) {
            return Ok(id);
        }
        if self.states.len() >= LineMemo::MAX_STATES {
            return Err(state);
        }
        let id = self.states.len() as u32;
        same.push(id);
        self.states.push(SendState(state));
        Ok(id)
    }
}

/// A parser state the memo's lock may hand from thread to thread.
struct SendState(ParseState);

// SAFETY: a `ParseState` is not `Send` only because, with the Oniguruma backend,
// the capture regions it may hold (`onig::Region`) are raw pointers to arrays each
// region owns, allocated and freed by Oniguruma (malloc and free); nothing in them
// belongs to a thread. The memo reads and clones them only under its lock.
unsafe impl Send for SendState {}

/// The cache file's entries that verify; any damage ends the reading there.
fn read_cache(file: &Path) -> HashMap<u128, String> {
    let mut entries = HashMap::new();
    crate::cache::read_entries(file, MAGIC, &[], |key, payload| {
        let Ok(html) = String::from_utf8(payload.to_vec()) else {
            return false;
        };
        entries.insert(key, html);
        true
    });
    entries
}

/// The CSS rules of the highlight classes some HTML uses (for inlining them).
pub fn rules_for_classes_in(html: &str) -> String {
    classes_in(html).iter().filter_map(|c| rule_for(c)).collect()
}

/// The highlight classes a block uses, each once.
fn classes_in(html: &str) -> Vec<String> {
    let mut classes: Vec<String> = html
        .split("class=\"hl-")
        .skip(1)
        .filter_map(|piece| Some(&piece[..piece.find('"')?]))
        .filter(|name| *name != "code")
        .map(|name| format!("hl-{name}"))
        .collect();
    classes.sort_unstable();
    classes.dedup();
    classes
}

fn syntect_version() -> &'static str {
    // The syntaxes and themes ship inside syntect: its version names them.
    "syntect-5.3"
}

fn same_look(a: Style, b: Style) -> bool {
    a.foreground == b.foreground && a.font_style == b.font_style
}

fn class_of(style: Style) -> String {
    let mut class = format!("hl-{}", &hex(style.foreground)[1..]);
    if style.font_style.contains(FontStyle::BOLD) {
        class.push('b');
    }
    if style.font_style.contains(FontStyle::ITALIC) {
        class.push('i');
    }
    if style.font_style.contains(FontStyle::UNDERLINE) {
        class.push('u');
    }
    class
}

/// The CSS rule a class name stands for: `hl-795da3b` → colour #795da3, bold.
fn rule_for(class: &str) -> Option<String> {
    let name = class.strip_prefix("hl-")?;
    let (colour, flags) = name.split_at_checked(6)?;
    if !colour.bytes().all(|b| b.is_ascii_hexdigit()) || !flags.bytes().all(|b| matches!(b, b'b' | b'i' | b'u')) {
        return None;
    }
    let mut rule = format!(".{class} {{ color: #{colour};");
    if flags.contains('b') {
        rule.push_str(" font-weight: bold;");
    }
    if flags.contains('i') {
        rule.push_str(" font-style: italic;");
    }
    if flags.contains('u') {
        rule.push_str(" text-decoration: underline;");
    }
    rule.push_str(" }\n");
    Some(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_gets_classes() {
        let h = Highlighter::new("InspiredGitHub", None);
        let html = h.highlight("fn main() {}\n", "rust");
        assert!(
            html.starts_with("<pre class=\"hl-code\" data-lang=\"rust\"><code><span class=\"hl-"),
            "{html}"
        );
        assert!(!html.contains("style="));
        let css = h.css();
        assert!(css.contains(".hl-code { color: #"), "{css}");
        // Every class in the HTML has its rule.
        for piece in html.split("class=\"").skip(1) {
            let class = &piece[..piece.find('"').unwrap()];
            if class != "hl-code" {
                assert!(css.contains(&format!(".{class} {{")), "{class} in {css}");
            }
        }
    }

    #[test]
    fn unknown_language_is_plain_escaped_text() {
        let h = Highlighter::new("InspiredGitHub", None);
        let html = h.highlight("<b>x</b>\n", "no-such-language");
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<span"));
    }

    #[test]
    fn class_names_stand_for_their_rules() {
        assert_eq!(
            rule_for("hl-795da3b").unwrap(),
            ".hl-795da3b { color: #795da3; font-weight: bold; }\n"
        );
        assert!(rule_for("hl-code").is_none());
        assert!(rule_for("hl-zzzzzz").is_none());
    }

    /// The styles worked out from whole scope stacks are syntect's own, token for token.
    #[test]
    fn styles_are_those_of_syntects_highlighter() {
        let samples = [
            (
                "rust",
                "/// Doc\nfn main() -> Result<(), String> {\n    let x: Vec<u8> = vec![1, 2];\n    println!(\"{x:?} {}\", 'c');\n}\n",
            ),
            (
                "python",
                "@dataclass\nclass A(B):\n    \"\"\"Doc.\"\"\"\n    def f(self, x=1, *a, **k):\n        return f\"{x!r}\" if x else None  # note\n",
            ),
            (
                "js",
                "const f = async (a) => { await g(`t ${a}`); return /re+/g.test(a) ?? null; };\n",
            ),
            (
                "html",
                "<!DOCTYPE html>\n<p class=\"a\">x &amp; <b>y</b></p>\n<script>let a = 1;</script>\n<style>p { color: red; }</style>\n",
            ),
            ("yaml", "key: [1, 'two', \"three\"]\nnested:\n  - a: true # c\n"),
            ("sql", "SELECT a, COUNT(*) FROM t WHERE b = 'x' GROUP BY a;\n"),
            ("sh", "for f in *.md; do echo \"$f\" | wc -l; done\n"),
            // The same lines in different parser states, some told apart only by what
            // the parser captured (a heredoc's delimiter, a raw string's hashes).
            ("python", "x = 1\n\"\"\"\nx = 1\n\"\"\"\nx = 1\n"),
            ("sh", "cat <<EOF\nx\nEOF\ncat <<END\nx\nEOF\nEND\nx\n"),
            ("rust", "let a = r##\"x\"# \"##;\nlet b = r#\"x\n\"# \"##;\n\"#;\n"),
        ];
        for theme in ["InspiredGitHub", "base16-ocean.dark", "Solarized (light)"] {
            let ours = Highlighter::new(theme, None);
            // Three rounds: lines are parsed, then kept on their second sighting, then
            // taken from the memo.
            for (language, code) in samples.iter().chain(&samples).chain(&samples) {
                let syntax = syntaxes().find_syntax_by_token(language).unwrap();
                let mut mine = Vec::new();
                ours.tokens(code, syntax, |style, text| {
                    mine.push((style, text.to_string()));
                    true
                })
                .unwrap();
                let mut theirs = Vec::new();
                let mut lines = syntect::easy::HighlightLines::new(syntax, ours.theme);
                for line in LinesWithEndings::from(code) {
                    for (style, text) in lines.highlight_line(line, syntaxes()).unwrap() {
                        theirs.push((style, text.to_string()));
                    }
                }
                assert_eq!(mine, theirs, "{language} in {theme}");
            }
            assert!(
                !ours.lines.0.lock().unwrap().lines.is_empty(),
                "lines recur, so some are kept"
            );
        }
    }

    /// Lines inside what a pattern captured (a raw string, a heredoc) are parsed as
    /// they come, without filling the memo with states that never match again.
    #[test]
    fn captured_states_do_not_fill_the_memo() {
        let ours = Highlighter::new("InspiredGitHub", None);
        let code = format!("let s = r#\"\n{}\"#;\nlet t = 1;\n", "x = 1\n".repeat(300));
        let syntax = syntaxes().find_syntax_by_token("rust").unwrap();
        for _ in 0..2 {
            let mut mine = Vec::new();
            ours.tokens(&code, syntax, |style, text| {
                mine.push((style, text.to_string()));
                true
            })
            .unwrap();
            let mut theirs = Vec::new();
            let mut lines = syntect::easy::HighlightLines::new(syntax, ours.theme);
            for line in LinesWithEndings::from(code.as_str()) {
                for (style, text) in lines.highlight_line(line, syntaxes()).unwrap() {
                    theirs.push((style, text.to_string()));
                }
            }
            assert_eq!(mine, theirs);
        }
        let states = ours.lines.0.lock().unwrap().states.len();
        assert!(states < 10, "{states} states kept");
    }

    #[test]
    fn the_cache_gives_the_same_html_and_survives_damage() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = Highlighter::new("InspiredGitHub", Some(dir.path()));
        let html = first.highlight("let x = 1;\n", "rust");
        first.save().unwrap();
        let file = dir.path().join(CACHE_DIR).join(CACHE_FILE);
        let second = Highlighter::new("InspiredGitHub", Some(dir.path()));
        assert_eq!(second.cached().len(), 1);
        assert_eq!(second.highlight("let x = 1;\n", "rust"), html);
        // A damaged entry is not used: the block is highlighted afresh, the same.
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 12;
        bytes[last] ^= 0xff;
        std::fs::write(&file, &bytes).unwrap();
        let third = Highlighter::new("InspiredGitHub", Some(dir.path()));
        assert!(third.cached().is_empty());
        assert_eq!(third.highlight("let x = 1;\n", "rust"), html);
        // Garbage is ignored.
        std::fs::write(&file, b"not a cache").unwrap();
        assert!(Highlighter::new("InspiredGitHub", Some(dir.path())).cached().is_empty());
    }
}
