//! Responsive covers: their size, and smaller copies made at build time.
//!
//! A cover that is a JPEG, PNG or WebP file of the site gets its width and
//! height (so the page does not jump as it loads) and copies 480 and 960
//! pixels wide where it is wider, named `photo.480w.jpg` beside it, for the
//! `srcset` of every `<img>` that shows it; they are made and published as
//! the text's images are ([`crate::output::pictures`]). Other covers (SVG,
//! remote) are shown as they are.

use image::ImageFormat;
use rayon::prelude::*;
use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::Diagnostic;
use crate::output::pictures::Pictures;

/// The widths of the smaller copies.
pub use crate::output::pictures::WIDTHS;

/// Files to publish: site path and bytes.
pub type Copies = Vec<(String, Vec<u8>)>;

/// What resizing one cover gave.
type Resized = Result<(CoverSize, Copies), String>;

/// Each cover resized, by its site path, with its source's stamp
/// ([`crate::cache::file_stamp`]): what a rebuild takes again when the file is the same.
pub type Resizes = BTreeMap<String, (u64, Resized)>;

/// What [`prepare`] made: each doc's cover, the copies to publish, and the covers resized.
pub type Prepared = (Vec<Option<Cover>>, Copies, Resizes);

/// A cover's size and its `srcset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverSize {
    pub width: u32,
    pub height: u32,
    /// `"/a/photo.480w.jpg 480w, /a/photo.jpg 1600w"`; empty when there are no copies.
    pub srcset: String,
}

/// A doc's cover image: one entry of the site's table of covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// Its link, as the reader's browser gets it.
    pub url: String,
    /// Its size and smaller copies, when it is a raster image of the site.
    pub size: Option<CoverSize>,
}

/// Measures every raster cover (the docs' cover links, indexed like the
/// library's docs), makes its copies, and gives each doc its [`Cover`].
/// Returns the covers and the copies to publish (site path, bytes).
/// A cover resized before (`previous`, as of the time given) is taken from there
/// when its file has the same stamp and had settled by then.
pub fn prepare(
    config: &Config,
    library: &Library,
    links: Vec<Option<String>>,
    previous: Option<(&Resizes, std::time::SystemTime)>,
    pictures: &Pictures,
) -> Result<Prepared, Vec<Diagnostic>> {
    // Each cover file once, however many pages show it.
    let mut covers: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    for link in links.iter().flatten() {
        if let Some(path) = asset_path(config, link)
            && let Some(asset) = library.assets.values().find(|a| a.path == path)
            && format_of(&path).is_some()
        {
            covers.insert(path, asset.source.clone());
        }
    }
    let results: Resizes = covers
        .par_iter()
        .map(|(path, source)| {
            let meta = std::fs::metadata(source).ok();
            let stamp = meta.as_ref().map_or(0, crate::cache::file_stamp);
            let settled = |taken: std::time::SystemTime| {
                meta.as_ref()
                    .and_then(crate::cache::changed_at)
                    .zip(taken.checked_sub(crate::cache::SETTLED))
                    .is_some_and(|(changed, before)| changed < before)
            };
            let kept = previous.and_then(|(resizes, taken)| {
                let (was, resized) = resizes.get(path)?;
                (stamp != 0 && *was == stamp && settled(taken)).then(|| resized.clone())
            });
            (
                path.clone(),
                (stamp, kept.unwrap_or_else(|| resize(config, path, source, pictures))),
            )
        })
        .collect();
    let mut sizes: BTreeMap<String, Result<CoverSize, String>> = BTreeMap::new();
    let mut files = Vec::new();
    for (path, (_, result)) in &results {
        match result {
            Ok((size, copies)) => {
                files.extend(copies.iter().cloned());
                sizes.insert(path.clone(), Ok(size.clone()));
            }
            Err(e) => {
                sizes.insert(path.clone(), Err(e.clone()));
            }
        }
    }
    let mut errors = Vec::new();
    let covers = library
        .docs
        .iter()
        .zip(links)
        .map(|(doc, link)| {
            let url = link?;
            let size = match asset_path(config, &url).and_then(|path| sizes.get(&path).map(|s| (path, s))) {
                Some((_, Ok(size))) => Some(size.clone()),
                Some((path, Err(e))) => {
                    errors.push(
                        Diagnostic::error_keyed(
                            doc.source.clone(),
                            doc.fm.cover_line,
                            1,
                            crate::keyed!(
                                "cover-problem",
                                problem = crate::keyed!("image-unreadable", path = path, reason = e.to_string())
                            ),
                        )
                        .rule("missing-image"),
                    );
                    None
                }
                None => None,
            };
            Some(Cover { url, size })
        })
        .collect();
    if errors.is_empty() {
        Ok((covers, files, results))
    } else {
        Err(errors)
    }
}

/// A site link (`/sub/a/photo.jpg`) as a site path (`/a/photo.jpg`), if it is one.
fn asset_path(config: &Config, link: &str) -> Option<String> {
    let rest = link.strip_prefix(&config.base_path)?;
    rest.starts_with('/').then(|| rest.to_string())
}

fn format_of(path: &str) -> Option<ImageFormat> {
    let ext = path.rsplit('.').next()?.to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
        "png" => Some(ImageFormat::Png),
        "webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// `/a/photo.jpg` → `/a/photo.480w.jpg`.
fn copy_path(path: &str, width: u32) -> String {
    match path.rfind('.') {
        Some(dot) => format!("{}.{width}w{}", &path[..dot], &path[dot..]),
        None => format!("{path}.{width}w"),
    }
}

/// A cover's size and `srcset`: the cover is measured, turned upright and
/// copied as the images of the text are ([`crate::output::pictures`]), which
/// keeps the work between builds and publishes the copies with the image.
fn resize(config: &Config, path: &str, source: &std::path::Path, pictures: &Pictures) -> Resized {
    format_of(path).ok_or("not a raster image")?;
    let picture = pictures.picture(path, source)?.ok_or("not a raster image")?;
    let mut srcset: Vec<String> = picture
        .copies
        .iter()
        .map(|&w| format!("{} {w}w", config.link(&copy_path(path, w))))
        .collect();
    if !srcset.is_empty() {
        srcset.push(format!("{} {}w", config.link(path), picture.width));
    }
    Ok((
        CoverSize {
            width: picture.width,
            height: picture.height,
            srcset: srcset.join(", "),
        },
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_named_by_width() {
        assert_eq!(copy_path("/a/photo.jpg", 480), "/a/photo.480w.jpg");
        assert_eq!(format_of("/a/B.JPG"), Some(ImageFormat::Jpeg));
        assert_eq!(format_of("/a/b.svg"), None);
    }
}
