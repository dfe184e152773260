//! `sitemap.xml` and `robots.txt`.
//!
//! The renderer gives one [`Entry`] per public HTML page (never the 404 page
//! nor an alias redirect), with the page's hreflang alternates — the same
//! ones as its `<link rel="alternate">` tags, so both directions and
//! `x-default` are listed for every translated page — and its last change
//! from front matter. Entries keep the renderer's order. Past 50,000 URLs (the
//! protocol's limit) the sitemap becomes an index of numbered sitemaps.
//! `robots.txt` names the sitemap's absolute URL.

use std::fmt::Write;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::Config;
use crate::text::escape_xml as esc;

/// The sitemap protocol's limit of URLs in one file.
const MAX_URLS: usize = 50_000;

/// One public page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its absolute URL.
    pub loc: String,
    pub lastmod: Option<Date>,
    /// (hreflang, absolute URL) of every version, itself and `x-default` included; empty
    /// when the page exists in one language only.
    pub alternates: Vec<(String, String)>,
}

/// The sitemap files: `/sitemap.xml`, and `/sitemap-N.xml` when there are too many URLs for one.
pub fn sitemaps(config: &Config, entries: &[Entry]) -> Vec<(String, String)> {
    if entries.len() <= MAX_URLS {
        return vec![("/sitemap.xml".to_string(), urlset(entries))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    // Each file of the set is written on a thread of its own.
    let sets: Vec<String> = entries.par_chunks(MAX_URLS).map(urlset).collect();
    for (n, set) in sets.into_iter().enumerate() {
        let path = format!("/sitemap-{}.xml", n + 1);
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            esc(&config.permalink(&path))
        );
        files.push((path, set));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("/sitemap.xml".to_string(), index));
    files
}

fn urlset(entries: &[Entry]) -> String {
    let mut xml = String::with_capacity(200 + entries.len() * 400);
    xml.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    ));
    for entry in entries {
        xml.push_str("  <url>\n");
        let _ = writeln!(xml, "    <loc>{}</loc>", esc(&entry.loc));
        if let Some(date) = entry.lastmod {
            let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
        }
        for (hreflang, href) in &entry.alternates {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                esc(hreflang),
                esc(href)
            );
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is at this address.
pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.permalink("/sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> Config {
        Config::parse(
            Path::new("."),
            "base_url = \"https://host/sub/\"\ndefault_language = \"zh\"\n[languages.zh]\ntitle = \"案例\"\n",
            None,
        )
        .unwrap()
    }

    fn entry(n: usize) -> Entry {
        Entry {
            loc: format!("https://host/sub/{n}/?a=1&b=2"),
            lastmod: Some(jiff::civil::date(2024, 1, 2)),
            alternates: vec![("zh-CN".into(), "https://host/sub/".into())],
        }
    }

    #[test]
    fn one_file_lists_every_entry_escaped() {
        let files = sitemaps(&config(), &[entry(1)]);
        assert_eq!(files.len(), 1);
        let xml = &files[0].1;
        assert!(xml.contains("<loc>https://host/sub/1/?a=1&amp;b=2</loc>"), "{xml}");
        assert!(xml.contains("<lastmod>2024-01-02</lastmod>"));
        assert!(xml.contains(r#"<xhtml:link rel="alternate" hreflang="zh-CN" href="https://host/sub/"/>"#));
    }

    #[test]
    fn many_entries_make_an_index() {
        let entries: Vec<Entry> = (0..MAX_URLS + 1).map(entry).collect();
        let files = sitemaps(&config(), &entries);
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml"]);
        assert!(files[0].1.contains("<loc>https://host/sub/sitemap-2.xml</loc>"));
    }

    #[test]
    fn robots_points_at_the_sitemap() {
        assert_eq!(
            robots(&config()),
            "User-agent: *\nAllow: /\n\nSitemap: https://host/sub/sitemap.xml\n"
        );
    }
}
