//! Typed views of the library for templates, borrowed where they can be.
//!
//! Templates see: `lang`, `lang_tag`, `site`, `languages` (the switcher),
//! `alternates` (hreflang), `menu`, `canonical`, `breadcrumbs`, `og_locale`,
//! `og_locale_alternates` and `share` (Open Graph and Twitter card) everywhere;
//! `page` on pages (with `permalink`, `cover_permalink` and, on cases,
//! `json_ld`); `section`, `pages`, `subsections`, `paginator` on lists;
//! `section`, `latest`, `sections`, `case_count` on the home page.

use std::borrow::Cow;

use serde::Serialize;

use super::toc::Body;
use super::{Renderer, format_date};
use crate::content::front_matter::{Highlight, Level};
use crate::content::translation::{self, State};
use crate::content::{Doc, Library};

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    /// The home page of the current language.
    pub home: String,
    /// The Atom feed of the current language.
    pub feed_url: String,
    /// The emblem or logo shown before the title (site.toml's `logo`).
    pub logo: Option<String>,
    /// site.toml's `[extra]`: the theme's own settings.
    pub extra: &'a toml::Table,
}

#[derive(Serialize)]
pub struct Common<'a> {
    pub lang: &'a str,
    pub lang_tag: &'a str,
    pub site: SiteView<'a>,
    pub languages: Vec<LangLink<'a>>,
    pub alternates: Vec<Alternate>,
    /// The catalogue, the top-level sections and the progress page; or site.toml's `[[menu]]`.
    pub menu: Vec<MenuItem<'a>>,
    /// The taxonomies' overview pages.
    pub taxonomies: Vec<MenuItem<'a>>,
    pub canonical: String,
    pub breadcrumbs: Vec<Crumb<'a>>,
    /// The search page, where the header's search box sends its query.
    pub search_url: String,
    /// The page's language for Open Graph: `zh_CN`, `en`.
    pub og_locale: String,
    /// The Open Graph locales of the page's other versions.
    pub og_locale_alternates: Vec<String>,
    pub share: ShareView<'a>,
    /// The site map for readers.
    pub sitemap_url: String,
    /// The pages site.toml's `footer_links` names, in this language.
    pub footer_links: Vec<MenuItem<'a>>,
    pub government: GovernmentView<'a>,
}

/// A government site's identity, for the footer and the monitoring meta tags.
#[derive(Serialize)]
pub struct GovernmentView<'a> {
    pub host: Option<&'a str>,
    pub contact: Option<&'a str>,
    pub site_code: Option<&'a str>,
    pub icp: Option<&'a str>,
    /// The MIIT filing system, where an ICP number is looked up.
    pub icp_url: &'static str,
    pub police: Option<&'a str>,
    /// The record of the police filing.
    pub police_url: Option<String>,
    /// The site's domain, for `SiteDomain`.
    pub domain: &'a str,
}

impl<'a> GovernmentView<'a> {
    pub fn new(config: &'a crate::config::Config, lang: usize) -> Self {
        let g = &config.government;
        GovernmentView {
            host: g.host.as_ref().map(|h| h[lang].as_str()),
            contact: g.contact.as_ref().map(|c| c[lang].as_str()),
            site_code: g.site_code.as_deref(),
            icp: g.icp.as_deref(),
            icp_url: "https://beian.miit.gov.cn/",
            police: g.police.as_deref(),
            police_url: g
                .police_code
                .as_ref()
                .map(|code| format!("https://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}")),
            domain: config.domain(),
        }
    }
}

/// A section of the site map and its pages.
#[derive(Serialize)]
pub struct SiteMapSection<'a> {
    pub link: SectionLink<'a>,
    pub pages: Vec<SectionLink<'a>>,
}

/// What a shared link shows (Open Graph, Twitter card).
#[derive(Serialize, Clone)]
pub struct ShareView<'a> {
    pub title: &'a str,
    /// The page's summary, or the site's description.
    pub description: &'a str,
    /// `article` for pages, `website` for lists and home pages.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The cover's absolute URL, if the page has one.
    pub image: Option<String>,
    pub image_alt: Option<&'a str>,
}

/// One entry of the language switcher.
#[derive(Serialize)]
pub struct LangLink<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub tag: &'a str,
    /// The same page in that language, or that language's home page.
    pub url: String,
    pub current: bool,
    /// Whether `url` is this very page in that language.
    pub exact: bool,
    /// Whether `url` is this page untranslated, under that language's navigation, with a notice.
    pub fallback: bool,
}

#[derive(Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

#[derive(Serialize, Clone)]
pub struct MenuItem<'a> {
    pub title: Cow<'a, str>,
    pub url: String,
    /// This very page.
    pub current: bool,
    /// This page or one of its pages.
    pub active: bool,
    /// An address on another site (a `[[menu]]` entry).
    pub external: bool,
}

#[derive(Serialize, Clone)]
pub struct Crumb<'a> {
    pub title: Cow<'a, str>,
    pub url: Option<String>,
    /// The language tag of the title where it differs from the page's (a fallback page's title).
    pub lang: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SectionLink<'a> {
    pub title: &'a str,
    pub url: String,
    /// How many cases it lists (subsections only).
    pub count: Option<usize>,
}

#[derive(Serialize)]
pub struct TermView<'a> {
    pub key: &'a str,
    pub label: &'a str,
    /// The term's page in the view's language.
    pub url: String,
}

#[derive(Serialize)]
pub struct TaxonomyView<'a> {
    pub name: &'a str,
    pub label: &'a str,
    pub terms: Vec<TermView<'a>>,
}

#[derive(Serialize)]
pub struct CoverView<'a> {
    pub src: &'a str,
    pub alt: &'a str,
    /// The image's size and its smaller copies, for raster images of the site.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub srcset: Option<&'a str>,
}

/// A page as an entry in a list.
#[derive(Serialize)]
pub struct Card<'a> {
    pub title: &'a str,
    pub url: String,
    pub summary: &'a str,
    /// ISO date, for `<time datetime>`.
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub kind: Option<TermView<'a>>,
    pub organisation: Option<&'a str>,
    pub level: Option<Level>,
    pub highlights: &'a [Highlight],
    pub cover: Option<CoverView<'a>>,
    /// Where a case without a cover has the typographic cover the theme draws
    /// (its `cover.svg` template), if the theme draws one.
    pub cover_art: Option<String>,
    /// Marked `featured: true`, for the home page.
    pub featured: bool,
    /// The language tag of the text (differs from the page's when `fallback`).
    pub lang_tag: &'a str,
    /// Shown in a list of another language because it has no translation.
    pub fallback: bool,
}

impl<'a> Card<'a> {
    /// Doc `d` in a list of language `list_lang`.
    pub fn new(r: &Renderer<'a>, d: usize, list_lang: usize) -> Card<'a> {
        let doc = &r.library.docs[d];
        let language = &r.config.languages[list_lang];
        let kind = doc.fm.terms.get("kind").and_then(|keys| keys.first()).and_then(|key| {
            let term = r.config.taxonomy("kind")?.term(key)?;
            Some(TermView {
                key: &term.key,
                label: &term.labels[list_lang],
                url: r.config.link(&r.term_path("kind", &term.key, list_lang)),
            })
        });
        // An untranslated original links to its fallback page in the list's language, if it has one.
        let path = match doc.fallbacks.get(list_lang) {
            Some(Some(stand_in)) if doc.lang != list_lang => stand_in,
            _ => &doc.path,
        };
        Card {
            title: &doc.fm.title,
            url: r.config.link(path),
            summary: r.summary(d),
            date: doc.fm.date.map(|d| d.to_string()),
            date_display: doc.fm.date.map(|d| format_date(d, &language.date_format)),
            kind,
            organisation: doc.fm.organisation.as_deref(),
            level: doc.fm.level,
            highlights: &doc.fm.highlights,
            cover: r.covers[d]
                .as_ref()
                .zip(doc.fm.cover.as_ref())
                .map(|(cover, c)| CoverView {
                    src: &cover.url,
                    alt: &c.alt,
                    width: cover.size.as_ref().map(|s| s.width),
                    height: cover.size.as_ref().map(|s| s.height),
                    srcset: cover.size.as_ref().map(|s| s.srcset.as_str()).filter(|s| !s.is_empty()),
                }),
            cover_art: r.cover_art_path(doc).map(|p| r.config.link(&p)),
            featured: doc.fm.featured,
            lang_tag: &r.config.languages[doc.lang].tag,
            fallback: doc.lang != list_lang,
        }
    }
}

/// Cards of docs in a list of one language: in a template's context, each
/// doc's [`Card`]; in a page's key, each card's hash, which the renderer makes
/// once per card however many pages show it.
pub struct Cards<'r, 'a> {
    r: &'r Renderer<'a>,
    docs: &'r [usize],
    lang: usize,
}

impl<'r, 'a> Cards<'r, 'a> {
    pub fn new(r: &'r Renderer<'a>, docs: &'r [usize], lang: usize) -> Self {
        Cards { r, docs, lang }
    }
}

impl Serialize for Cards<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_seq(self.docs.iter().map(|&d| Card::new(self.r, d, self.lang)))
        } else {
            serializer.collect_seq(self.docs.iter().map(|&d| self.r.card_key(d, self.lang)))
        }
    }
}

/// A page with everything a page template shows.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// Marked `draft: true`: shown only by `serve` and `--drafts`, never published.
    pub draft: bool,
    /// The day a scheduled page will be published, as the language writes dates: shown
    /// only by `serve` and `build --future`, which include scheduled pages.
    pub scheduled: Option<String>,
    /// The day an expired page was taken down: shown only by `serve`.
    pub expired: Option<String>,
    /// A translation whose original has changed since it was made.
    pub stale: bool,
    /// The original of a translation or of a fallback page: its URL and language tag.
    pub original_url: Option<String>,
    pub original_lang_tag: Option<&'a str>,
    /// Where the information comes from (ContentSource): the page's `source`, else the site's host.
    pub source: Option<String>,
    #[serde(flatten)]
    pub card: Card<'a>,
    pub permalink: String,
    /// The cover image's absolute URL, for sharing.
    pub cover_permalink: Option<String>,
    /// schema.org Article data of a case, as JSON that is safe inside `<script>`; print it with `| safe`.
    pub json_ld: Option<JsonLd<'a>>,
    pub content: Html<'a>,
    /// The text's second-level headings, for an outline beside it.
    pub outline: Outline<'a>,
    /// The text's second- and third-level headings, nested (see [`super::toc`]).
    pub toc: super::toc::Toc<'a>,
    /// Whether the text is long enough for a table of contents at its top.
    pub long: super::toc::Long<'a>,
    pub updated: Option<String>,
    pub updated_display: Option<String>,
    pub taxonomies: Vec<TaxonomyView<'a>>,
    pub extra: &'a serde_json::Value,
}

impl<'a> PageView<'a> {
    /// `doc` shown in language `lang`: its own, or another where it is a fallback page.
    pub fn new(r: &Renderer<'a>, d: usize, lang: usize) -> PageView<'a> {
        let doc = &r.library.docs[d];
        let language = &r.config.languages[lang];
        let taxonomies: Vec<TaxonomyView<'_>> = r
            .config
            .taxonomies
            .iter()
            .filter_map(|tax| {
                let keys = doc.fm.terms.get(&tax.name)?;
                let terms: Vec<TermView<'_>> = keys
                    .iter()
                    .filter_map(|k| tax.term(k))
                    .map(|t| TermView {
                        key: &t.key,
                        label: &t.labels[lang],
                        url: r.config.link(&r.term_path(&tax.name, &t.key, lang)),
                    })
                    .collect();
                (!terms.is_empty()).then(|| TaxonomyView {
                    name: &tax.name,
                    label: &tax.labels[lang],
                    terms,
                })
            })
            .collect();
        let permalink = r.config.permalink(&doc.path);
        let cover_permalink = r.cover_permalink(d);
        let json_ld = doc.is_case().then(|| JsonLd {
            doc,
            lang_tag: &r.config.languages[doc.lang].tag,
            publisher: &r.config.publisher[doc.lang],
            summary: r.summary(d),
            permalink: permalink.clone(),
            image: cover_permalink.clone(),
        });
        // Where the information comes from: what the page says, else the site's host.
        // The departments responsible for a measure are not its source.
        let source = doc
            .fm
            .source
            .clone()
            .or_else(|| r.config.government.host.as_ref().map(|h| h[lang].clone()));
        let original = original_of(r.library, doc)
            .map(|(_, o)| o)
            .or((lang != doc.lang).then_some(doc));
        let body = std::sync::Arc::new(Body::new(&r.rendered[d].html, &r.rendered[d].text));
        PageView {
            outline: Outline(body.clone()),
            toc: super::toc::Toc(body.clone()),
            long: super::toc::Long(body.clone()),
            draft: doc.fm.draft,
            scheduled: match doc.withheld {
                Some(crate::content::schedule::Withheld::Scheduled(day)) => {
                    Some(format_date(day, &language.date_format))
                }
                _ => None,
            },
            expired: match doc.withheld {
                Some(crate::content::schedule::Withheld::Expired(day)) => Some(format_date(day, &language.date_format)),
                _ => None,
            },
            stale: original_of(r.library, doc).is_some_and(|(i, _)| translation::state(r.library, i) == State::Stale),
            original_url: original.map(|o| r.config.link(&o.path)),
            original_lang_tag: original.map(|o| r.config.languages[o.lang].tag.as_str()),
            source,
            card: Card::new(r, d, lang),
            permalink,
            cover_permalink,
            json_ld,
            content: Html(body),
            updated: doc.fm.updated.map(|d| d.to_string()),
            updated_display: doc.fm.updated.map(|d| format_date(d, &language.date_format)),
            taxonomies,
            extra: &doc.fm.extra,
        }
    }
}

/// A heading of a page's text: its anchor and its words.
#[derive(Serialize)]
pub struct OutlineItem<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

/// A page's rendered Markdown: the HTML in a template's context; in a page's
/// key (a serialiser that is not human-readable), the hash of the packed HTML,
/// which says the same at a fraction of the cost.
pub struct Html<'a>(pub std::sync::Arc<Body<'a>>);

impl Serialize for Html<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(self.0.html())
        } else {
            serializer.serialize_u64(xxhash_rust::xxh3::xxh3_64(self.0.packed().as_bytes()))
        }
    }
}

/// A page's outline (see [`outline`]): in a key, nothing, as the HTML it is made of is there.
pub struct Outline<'a>(pub std::sync::Arc<Body<'a>>);

impl Serialize for Outline<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            outline(self.0.toc()).serialize(serializer)
        } else {
            serializer.serialize_unit()
        }
    }
}

/// The second-level headings of a page's table of contents, as plain text: the
/// headings the Markdown writer gives an id, starting a line as `<h2 id="…">`;
/// raw HTML written otherwise is not taken for one. Footnote marks are left out.
fn outline(toc: &[super::toc::TocItem]) -> Vec<OutlineItem<'_>> {
    toc.iter()
        .filter(|item| item.level == 2)
        .map(|item| OutlineItem {
            id: &item.id,
            title: &item.text,
        })
        .collect()
}

/// For a translation: its own index in the library and its original.
fn original_of<'a>(library: &'a Library, doc: &'a Doc) -> Option<(usize, &'a Doc)> {
    if doc.lang == 0 {
        return None;
    }
    let versions = library.translations.get(&doc.key)?;
    let own = versions[doc.lang]?;
    Some((own, &library.docs[versions[0]?]))
}

/// A case as a schema.org Article: headline, description, dates, language, the
/// organisation it is about and the publisher of the site.
/// A case's schema.org Article: in a template's context, its JSON (safe inside
/// `<script>`); in a page's key, what it is made of.
pub struct JsonLd<'a> {
    doc: &'a Doc,
    lang_tag: &'a str,
    publisher: &'a str,
    summary: &'a str,
    permalink: String,
    image: Option<String>,
}

impl Serialize for JsonLd<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return serializer.serialize_str(&self.json());
        }
        let fm = &self.doc.fm;
        let inputs = (
            "json-ld-1",
            &fm.title,
            self.lang_tag,
            self.publisher,
            self.summary,
            (fm.date.map(|d| d.to_string()), fm.updated.map(|d| d.to_string())),
            &fm.organisation,
            &self.permalink,
            &self.image,
        );
        inputs.serialize(serializer)
    }
}

impl JsonLd<'_> {
    fn json(&self) -> String {
        let doc = self.doc;
        let permalink = &self.permalink;
        let organisation = |name: &str| serde_json::json!({"@type": "Organization", "name": name});
        let mut article = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": doc.fm.title,
            "inLanguage": self.lang_tag,
            "url": permalink,
            "mainEntityOfPage": permalink,
            "publisher": organisation(self.publisher),
        });
        let fields = [
            (
                "description",
                Some(self.summary).filter(|s| !s.is_empty()).map(Into::into),
            ),
            ("datePublished", doc.fm.date.map(|d| d.to_string().into())),
            (
                "dateModified",
                doc.fm.updated.or(doc.fm.date).map(|d| d.to_string().into()),
            ),
            ("image", self.image.as_deref().map(Into::into)),
            ("about", doc.fm.organisation.as_deref().map(organisation)),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                article[key] = value;
            }
        }
        script_json(&article)
    }
}

/// JSON that can stand inside a `<script>` element: `<`, `>` and `&` become `\u003c`,
/// `\u003e`, `\u0026`, so no `</script>` in a title can end the element.
pub fn script_json(value: &serde_json::Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
pub struct SectionView<'a> {
    pub title: Cow<'a, str>,
    pub url: String,
    pub summary: &'a str,
    /// The section's own text, on the first page of its list only.
    pub content: Html<'a>,
}

impl<'a> SectionView<'a> {
    pub fn new(r: &Renderer<'a>, d: usize, with_content: bool) -> SectionView<'a> {
        let doc = &r.library.docs[d];
        SectionView {
            title: doc.fm.title.as_str().into(),
            url: r.config.link(&doc.path),
            summary: r.summary(d),
            content: Html(std::sync::Arc::new(if with_content {
                Body::new(&r.rendered[d].html, &r.rendered[d].text)
            } else {
                Body::empty()
            })),
        }
    }

    /// A list without a content file: a home page, the catalogue.
    pub fn bare(title: Cow<'a, str>, url: String) -> SectionView<'a> {
        SectionView {
            title,
            url,
            summary: "",
            content: Html(std::sync::Arc::new(Body::empty())),
        }
    }
}

#[derive(Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    /// How many items the whole list has.
    pub items: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Stands for page numbers left out (shown as "…").
    pub gap: bool,
}

/// A term, as a link with its number of pages.
#[derive(Serialize)]
pub struct TermLink<'a> {
    pub key: &'a str,
    /// Its place among the taxonomy's terms in site.toml (themes pick colours by it).
    pub index: usize,
    pub label: Cow<'a, str>,
    pub url: Option<String>,
    pub count: usize,
    pub current: bool,
}

/// A taxonomy with its terms, for overviews and filters.
#[derive(Serialize)]
pub struct TaxonomyLinks<'a> {
    pub name: &'a str,
    pub label: Cow<'a, str>,
    pub url: Option<String>,
    pub terms: Vec<TermLink<'a>>,
}

/// A target of the plan and the cases it counts.
#[derive(Serialize)]
pub struct TargetView<'a> {
    pub label: &'a str,
    pub goal: u32,
    pub count: usize,
    pub year: Option<i32>,
    /// count / goal in percent, rounded down.
    pub percent: u64,
    pub cases: Vec<Card<'a>>,
}

impl<'a> TargetView<'a> {
    pub fn new(label: &'a str, goal: u32, year: Option<i32>, cases: Vec<Card<'a>>) -> Self {
        let count = cases.len();
        let percent = (count as u64 * 100) / u64::from(goal.max(1));
        TargetView {
            label,
            goal,
            count,
            year,
            percent,
            cases,
        }
    }
}

/// A horizontal bar chart of the targets, laid out for an inline SVG.
#[derive(Serialize)]
pub struct Chart {
    pub width: u32,
    pub height: u32,
    pub rows: Vec<ChartRow>,
}

#[derive(Serialize)]
pub struct ChartRow {
    /// The baseline of the row's label.
    pub label_y: u32,
    /// The top of its bars.
    pub bar_y: u32,
    pub bar_height: u32,
    /// The width of the count's bar and of the goal's.
    pub count_width: u32,
    pub goal_width: u32,
    /// Where the count's number is written.
    pub value_x: u32,
}

impl Chart {
    const WIDTH: u32 = 640;
    const BARS: u32 = 560;
    const ROW: u32 = 76;

    pub fn new(targets: &[TargetView<'_>]) -> Chart {
        let scale = targets
            .iter()
            .map(|t| (t.count as u32).max(t.goal))
            .max()
            .unwrap_or(1)
            .max(1);
        let rows = targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let top = i as u32 * Self::ROW;
                let count_width = (t.count as u32).min(scale) * Self::BARS / scale;
                ChartRow {
                    label_y: top + 22,
                    bar_y: top + 32,
                    bar_height: 28,
                    count_width,
                    goal_width: t.goal * Self::BARS / scale,
                    value_x: count_width + 8,
                }
            })
            .collect();
        Chart {
            width: Self::WIDTH,
            height: (targets.len() as u32 * Self::ROW).max(Self::ROW),
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_reads_second_level_headings() {
        let html = "<h1>T</h1>\n<h2 id=\"ji-ben-qing-kuang\">基本情况</h2>\n<p>x <!-- <h2 id=\"no\">no</h2> --></p>\n\
                    <h3 id=\"a\">sub</h3>\n<div data-x=\"1\"><h2 id=\"raw\">raw</h2></div>\n\
                    <h2 id=\"r-d\" class=\"c\">R&amp;D <em>and</em> &lt;more&gt;<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup></h2>";
        let toc = super::super::toc::toc(html);
        let got: Vec<(&str, &str)> = outline(&toc).iter().map(|i| (i.id, i.title)).collect();
        assert_eq!(got, vec![("ji-ben-qing-kuang", "基本情况"), ("r-d", "R&D and <more>")]);
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let value = serde_json::json!({"headline": "</script><script>alert(1)</script> & more"});
        let text = script_json(&value);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
