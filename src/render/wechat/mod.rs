//! WeChat articles: each case as the 公众号 editor keeps it when pasted.
//!
//! The editor drops `<style>`, `<link>`, scripts, classes and ids, and takes no
//! links to outside pages. So a case's article (at `<case URL>wechat/`) is
//! made in four steps:
//! 1. [`transform`] the rendered body into a small set of tags: links become
//!    their text and a numbered reference, images absolute URLs with their alt
//!    text as a caption, tables a box that scrolls sideways; anything else is
//!    dropped (scripts, forms, frames with their content; other tags keep
//!    their text);
//! 2. add the references, the case's address and its QR code (a PNG beside
//!    the page: the editor takes no SVG);
//! 3. inline the theme's `wechat.css` (a template a site can override) and
//!    the highlighting colours with css-inline;
//! 4. [`sanitize`]: keep only the allowed tags and `style`, `src`, `alt`,
//!    `colspan`, `rowspan`, `start` attributes.
//!
//! The page around it (`wechat.html`) shows it at phone width with a button
//! that copies it; articles are `noindex`, not in the sitemap or the search.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::views::PageView;
use super::{Made, Mode, Renderer};
use crate::config::Config;
use crate::content::{Doc, Library};
use crate::diagnostics::{Diagnostic, Failure};
use crate::output::Sink;
use crate::templates::Theme;
use crate::text::escape_xml;

mod tags;

use tags::{sanitize, transform};

/// The theme's template of the page around an article; a theme without it has no articles.
pub const PAGE_TEMPLATE: &str = "wechat.html";
/// The theme's stylesheet inlined into the articles (a template, so a site can override it).
pub const STYLESHEET: &str = "wechat.css";
/// The folder of a case's article, under the case's page.
const FOLDER: &str = "wechat/";
/// The file name of the QR code beside the article.
pub const QR_FILE: &str = "qr.png";
/// Pixels per module of the QR code's PNG: about 300 pixels wide for an address.
const QR_SCALE: u32 = 8;

/// Whether a doc has an article: a case, under a theme that draws the page around it.
pub fn has_article(theme: &Theme, doc: &Doc) -> bool {
    doc.is_case() && theme.files.contains_key(PAGE_TEMPLATE)
}

/// The site path of a case's article.
pub fn article_path(doc: &Doc) -> String {
    format!("{}{FOLDER}", doc.path)
}

/// The record of the QR codes a build wrote, in the cache folder.
const QR_RECORD: &str = "wechat-qr.json";

/// Each QR code's key (its address, its scale and the program), length, xxh3
/// and the file's identity once published, by its site path.
pub type QrRecord = HashMap<String, (u64, u64, u64, u64)>;

/// A record's entry as saved: site path, key, length, xxh3, identity.
type QrEntry = (String, u64, u64, u64, u64);

/// The record the last build saved in the site's cache folder (empty if none).
pub fn load_qr_record(config: &Config) -> QrRecord {
    crate::cache::load::<Vec<QrEntry>>(&config.root.join(crate::cache::DIR).join(QR_RECORD))
        .unwrap_or_default()
        .into_iter()
        .map(|(path, key, len, hash, identity)| (path, (key, len, hash, identity)))
        .collect()
}

/// Saves the record for the next build.
pub fn save_qr_record(config: &Config, record: &QrRecord) -> std::io::Result<()> {
    let mut entries: Vec<QrEntry> = record
        .iter()
        .map(|(path, &(key, len, hash, identity))| (path.clone(), key, len, hash, identity))
        .collect();
    entries.sort();
    crate::cache::save(&config.root.join(crate::cache::DIR).join(QR_RECORD), &entries)
}

/// The QR codes beside the articles (the case's web address as PNG), written
/// into `sink` in parallel. A code whose key is the one in `was` (the record of
/// the site being replaced: the cache folder's for a build, the site served for
/// a rebuild in `serve`) is taken from that site ([`Sink::reuse`]) instead of
/// being made again. Returns how many were written and their record.
pub fn qr_codes(
    config: &Config,
    library: &Library,
    theme: &Theme,
    sink: &dyn Sink,
    was: &QrRecord,
) -> Result<(usize, QrRecord), Failure> {
    let program = crate::cache::program_stamp();
    let kept = std::sync::atomic::AtomicUsize::new(0);
    let entries = library
        .docs
        .par_iter()
        .filter(|doc| has_article(theme, doc))
        .map(|doc| {
            let url = config.permalink(&doc.path);
            let path = format!("{}{QR_FILE}", article_path(doc));
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            crate::cache::hash_value(&mut h, &(&program, &url, QR_SCALE));
            let key = h.digest();
            if let Some(&(was_key, len, hash, identity)) = was.get(&path)
                && was_key == key
                && let Some((identity, _)) = sink.reuse(&path, len, hash, identity)
            {
                kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return Ok((path, (key, len, hash, identity)));
            }
            let png = theme
                .qr_codes
                .png(&url, QR_SCALE)
                .map_err(|e| Failure::Content(vec![Diagnostic::file_error(doc.source.clone(), e)]))?;
            sink.write(&path, &png)?;
            let hash = xxhash_rust::xxh3::xxh3_64(&png);
            let identity = sink.identity(&path).0;
            Ok((path, (key, png.len() as u64, hash, identity)))
        })
        .collect::<Result<QrRecord, Failure>>()?;
    let written = entries.len();
    if std::env::var_os("SHOWCASE_PROFILE").is_some() {
        let kept = kept.into_inner();
        eprintln!("showcase: wechat qr codes: {kept} kept, {} made", written - kept);
    }
    Ok((written, entries))
}

impl Renderer<'_> {
    /// A case's WeChat article and the page around it.
    pub(super) fn wechat(&self, mode: Mode, i: usize) -> Result<Made, Diagnostic> {
        let doc = &self.library.docs[i];
        let lang = doc.lang;
        let path = article_path(doc);
        let versions: Vec<Option<String>> = self.library.translations[&doc.key]
            .iter()
            .map(|v| {
                v.map(|d| &self.library.docs[d])
                    .filter(|d| has_article(self.theme, d))
                    .map(article_path)
            })
            .collect();
        let stand_ins = vec![None; self.config.languages.len()];
        let crumbs = self.crumbs(doc, lang);
        let mut ctx = self.common_at(mode, lang, &versions, &stand_ins, Some(i), &crumbs, &path, &path)?;
        // The case's page shows the same view: its hash is made once for both.
        let page = ctx.insert_hashed(
            "page",
            |made| self.page_key(i, lang, made),
            || PageView::new(self, i, lang),
        );
        ctx.insert("noindex", &true);
        // The article is made of the page view and the theme (its key's inputs): made
        // only when rendering, outside the key.
        if let Some(page) = page {
            let article = self.article(i, &page)?;
            ctx.insert_unkeyed("article", &article);
        }
        ctx.finish(self.theme, PAGE_TEMPLATE, &doc.source, path, Some(lang))
    }

    fn article(&self, i: usize, page: &PageView<'_>) -> Result<String, Diagnostic> {
        let doc = &self.library.docs[i];
        let body = page.content.0.html();
        let code = &self.config.languages[doc.lang].code;
        let t = |key: &str| self.theme.string(code, key);
        let css = self
            .wechat_css
            .get_or_init(|| {
                self.theme
                    .render(STYLESHEET, &tera::Context::new(), Path::new(STYLESHEET))
            })
            .as_ref()
            .map_err(Clone::clone)?;
        let parts = Parts {
            summary: page.card.summary,
            organisation: page.card.organisation,
            highlights: page
                .card
                .highlights
                .iter()
                .map(|h| (h.value.as_str(), h.label.as_str()))
                .collect(),
            body,
            permalink: &page.permalink,
            qr_src: self.config.permalink(&format!("{}{QR_FILE}", article_path(doc))),
            strings: Strings {
                organisation: t("organisation"),
                key_figures: t("key_figures"),
                references: t("wechat_references"),
                address: t("wechat_address"),
                scan: t("wechat_scan"),
            },
        };
        article(self.config, &parts, css).map_err(|e| Diagnostic::file_error(doc.source.clone(), e))
    }
}

/// The UI strings inside an article.
pub struct Strings {
    pub organisation: String,
    pub key_figures: String,
    pub references: String,
    pub address: String,
    pub scan: String,
}

/// What an article is made of.
pub struct Parts<'p> {
    pub summary: &'p str,
    pub organisation: Option<&'p str>,
    pub highlights: Vec<(&'p str, &'p str)>,
    /// The rendered Markdown.
    pub body: &'p str,
    /// The case's web address (ends with `/`).
    pub permalink: &'p str,
    /// The QR code's absolute URL.
    pub qr_src: String,
    pub strings: Strings,
}

/// The article: the body transformed, the references and the address with its QR
/// code appended, `css` (and the highlighting colours) inlined, then sanitised.
pub fn article(config: &Config, parts: &Parts<'_>, css: &str) -> Result<String, String> {
    let mut refs = Vec::new();
    let body = transform(config, parts.body, parts.permalink, &mut refs);
    let s = &parts.strings;
    let mut html = String::with_capacity(body.len() * 2);
    html.push_str("<section class=\"article\">");
    if !parts.summary.is_empty() {
        html.push_str(&format!("<p class=\"lead\">{}</p>", escape_xml(parts.summary)));
    }
    if let Some(org) = parts.organisation {
        html.push_str(&format!(
            "<p class=\"facts\"><strong>{}</strong> {}</p>",
            escape_xml(&s.organisation),
            escape_xml(org)
        ));
    }
    if !parts.highlights.is_empty() {
        html.push_str(&format!(
            "<section class=\"figures\"><h3>{}</h3>",
            escape_xml(&s.key_figures)
        ));
        for (value, label) in &parts.highlights {
            html.push_str(&format!(
                "<p class=\"figure\"><strong class=\"figure-value\">{}</strong> <span class=\"figure-label\">{}</span></p>",
                escape_xml(value),
                escape_xml(label)
            ));
        }
        html.push_str("</section>");
    }
    html.push_str("<section class=\"body\">");
    html.push_str(&body);
    html.push_str("</section>");
    if !refs.is_empty() {
        html.push_str(&format!(
            "<section class=\"references\"><h3>{}</h3>",
            escape_xml(&s.references)
        ));
        for (n, url) in refs.iter().enumerate() {
            html.push_str(&format!(
                "<p class=\"reference\"><span class=\"reference-number\">[{}]</span> {}</p>",
                n + 1,
                escape_xml(url)
            ));
        }
        html.push_str("</section>");
    }
    html.push_str(&format!(
        "<section class=\"end\"><p class=\"address\">{}{}</p><img class=\"qr\" src=\"{}\" alt=\"{}\"><p class=\"scan\">{}</p></section></section>",
        escape_xml(&s.address),
        escape_xml(parts.permalink),
        escape_xml(&parts.qr_src),
        escape_xml(&s.scan),
        escape_xml(&s.scan)
    ));
    let mut rules = String::from(css);
    rules.push('\n');
    rules.push_str(&crate::markdown::highlight::rules_for_classes_in(&html));
    // The parser's table of nodes grows by doubling from 32, copying every node
    // at each step into freshly zeroed memory, which a long article pays many
    // times over. A node is an element (opened by a `<`) or the text after a
    // `<`, so twice the count of `<` bounds the nodes, plus the few the parser
    // adds around a fragment. Capacity never written is never touched.
    let nodes = 2 * html.bytes().filter(|&b| b == b'<').count() + 8;
    let inlined = css_inline::CSSInliner::options()
        .keep_style_tags(false)
        .load_remote_stylesheets(false)
        .preallocate_node_capacity(nodes)
        .build()
        .inline_fragment(&html, &rules)
        .map_err(|e| format!("cannot inline the theme's {STYLESHEET} into the WeChat article: {e}"))?;
    Ok(sanitize(&inlined))
}
