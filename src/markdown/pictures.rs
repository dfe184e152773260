//! The images of a page's text that are files of the site, written with their
//! size, smaller copies and WebP versions (see [`crate::output::pictures`]).
//!
//! The Markdown writer writes each such image as usual, with a placeholder for
//! its address; [`Placed::apply`] then puts the image's own tag in place of the
//! start of the writer's (which keeps the alt text and title as the writer
//! escaped them) and closes the `<picture>` after it.

use std::path::{Component, Path, PathBuf};

use super::{DocLink, Links, Rendered};
use crate::output::pictures::{self, Picture};
use crate::text::percent_decode;

/// The formats measured; other images of the site are left as written.
const MEASURED: &[&str] = &["jpg", "jpeg", "png", "webp", "svg"];

impl Links<'_> {
    /// An image of the site that the text shows, by its URL as the browser gets
    /// it: its site path, and its picture (`None` for an SVG file without a
    /// size) or what is wrong with the file. `None` for any other image.
    pub(super) fn picture(&self, url: &str) -> Option<(String, Result<Option<Picture>, String>)> {
        let pictures = self.pictures?;
        let (site_path, source) = self.image_file(url)?;
        let picture = pictures.picture(&site_path, &source);
        Some((site_path, picture))
    }

    /// The site path and file of an image of the site: a file of a page bundle,
    /// or of the site's `static/` folder.
    fn image_file(&self, url: &str) -> Option<(String, PathBuf)> {
        let rest = url.strip_prefix(&self.config.base_path)?;
        if !rest.starts_with('/') || rest.starts_with("//") || rest.contains(['?', '#']) {
            return None;
        }
        let path = percent_decode(rest);
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        if !MEASURED.contains(&ext.as_str()) {
            return None;
        }
        if let Some(source) = self.files.get(path.as_str()) {
            return Some((path, source.to_path_buf()));
        }
        let rel = Path::new(path.trim_start_matches('/'));
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return None;
        }
        let source = self.config.root.join("static").join(rel);
        source.is_file().then_some((path, source))
    }

    /// Whether every image of the site in a rendered entry (from the Markdown
    /// cache) is still what it was when the entry was rendered: the same size
    /// and copies, so its HTML has the tags it would have now.
    pub fn pictures_unchanged(&self, entry: &Rendered) -> bool {
        self.pictures.is_none() || (entry.pictures.is_some() && self.pictures_key(&entry.links) == entry.pictures)
    }

    /// A hash of the site's images among `links` as they are now: each one's
    /// site path and the attributes of its tag that come from the file (see
    /// [`pictures::signature`]). `None` where one of them cannot be read or has
    /// no size: an entry showing such an image is never kept.
    pub fn pictures_key(&self, links: &[DocLink]) -> Option<u64> {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for link in links.iter().filter(|link| link.image) {
            let Some((site_path, picture)) = self.picture(&link.url) else {
                continue;
            };
            let Ok(Some(picture)) = picture else {
                return None;
            };
            let (attrs, webp) = pictures::signature(self.config, &site_path, &picture);
            for part in [site_path.as_str(), &attrs, webp.as_deref().unwrap_or("")] {
                hasher.update(&(part.len() as u64).to_le_bytes());
                hasher.update(part.as_bytes());
            }
            hasher.update(&[u8::from(webp.is_some())]);
        }
        Some(hasher.digest())
    }
}

/// The images of one doc given their own tags, in the order written.
#[derive(Default)]
pub(super) struct Placed {
    nonce: u64,
    /// Each image's placeholder, its tag up to the alt text, and what closes it.
    tags: Vec<(String, String, &'static str)>,
}

impl Placed {
    pub(super) fn new(body: &str) -> Placed {
        Placed {
            nonce: xxhash_rust::xxh3::xxh3_64(body.as_bytes()),
            tags: Vec::new(),
        }
    }

    /// Whether no image has been placed yet.
    pub(super) fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// The placeholder address of an image whose tag is `open` … `close`.
    pub(super) fn place(&mut self, open: String, close: &'static str) -> String {
        let token = format!("showcase-picture-{}-{:x}", self.tags.len(), self.nonce);
        self.tags.push((token.clone(), open, close));
        token
    }

    /// The HTML with each placeholder's `<img` replaced by the image's tag.
    pub(super) fn apply(&self, html: String) -> String {
        if self.tags.is_empty() {
            return html;
        }
        let mut out = String::with_capacity(html.len() + self.tags.len() * 300);
        let mut rest = html.as_str();
        for (token, open, close) in &self.tags {
            let start = format!("<img src=\"{token}\" alt=\"");
            let Some(at) = rest.find(&start) else { continue };
            out.push_str(&rest[..at]);
            out.push_str(open);
            rest = &rest[at + start.len()..];
            // The writer escapes `"` in the alt text and title: the first `" />` ends the tag.
            let end = rest.find("\" />").map_or(rest.len(), |e| e + 4);
            out.push_str(&rest[..end]);
            out.push_str(close);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }
}
