//! Images in the text: measured, turned upright, made smaller, offered as
//! WebP where that is smaller, and published without their metadata.
//!
//! Steps for an image of the site that a page's Markdown shows (a file of a
//! page bundle, or of `static/`):
//! 1. read it and drop its metadata ([`super::strip`]); a photo whose EXIF
//!    says to turn it is decoded, turned upright and encoded again instead;
//! 2. measure it (after turning) and make copies [`WIDTHS`] pixels wide where
//!    it is wider, in its own format;
//! 3. try WebP on the smallest copy: where it is smaller, every width gets a
//!    WebP copy too, and the page offers them in a `<picture>`;
//! 4. give the Markdown writer its `<img>`: width and height (no jump as it
//!    loads), `srcset` and `sizes`, lazy loading (not for an image above the
//!    first heading, which may be the largest thing on the first screen).
//!
//! An SVG image gets its width and height from its root element when they are
//! there. Every other JPEG, PNG and WebP file the site publishes (covers,
//! pictures of `static/`, the theme's) goes through step 1 only.
//!
//! The work is kept in `.showcase-cache/pictures/`: each made file under the
//! hash of its bytes, and a record (`pictures.json`) of what each image gave,
//! with its source's stamp. A build takes an image's entry from the record
//! when its file has the same stamp and had settled when the entry was made;
//! `serve` takes it from the site it built before.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use image::{DynamicImage, ImageFormat, imageops::FilterType, metadata::Orientation};
use serde::{Deserialize, Serialize};

use super::strip::{self, Kind};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Failure};
use crate::output::Sink;

/// The widths of the smaller copies, of the text's images and the covers.
pub const WIDTHS: [u32; 2] = [480, 960];

/// How wide an image of the text is shown: the default theme's text column
/// (`--measure`, 46rem of 18px, from 40rem up) on wide screens, the screen less
/// its margins below that. In pixels: `rem` in `sizes` means 16px, whatever
/// the page's own root size.
pub const SIZES: &str = "(min-width: 864px) 828px, calc(100vw - 2rem)";

/// The JPEG quality of a photo encoded again to turn it upright.
const UPRIGHT_QUALITY: u8 = 90;

const RECORD: &str = "pictures.json";
const FOLDER: &str = "pictures";

/// What the page needs to show an image of its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// Its size as shown: after turning it upright.
    pub width: u32,
    pub height: u32,
    /// The widths of the smaller copies in its own format (`photo.480w.jpg`).
    pub copies: Vec<u32>,
    /// WebP copies at every width, the full one included (`photo.1600w.webp`).
    pub webp: bool,
}

/// What one image gave: the files to publish for it, by site path, and, for an
/// image of the text, its [`Picture`].
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    stamp: u64,
    /// When the stamp was taken (nanoseconds since 1970).
    taken: u128,
    /// Whether the image was measured for the text (else only stripped).
    text: bool,
    picture: Option<Picture>,
    /// The files to publish, by site path: the original (unless it is
    /// published as it is), the copies. Each is a file of the cache folder.
    files: Vec<(String, String)>,
    /// The original has nothing to drop and is published as it is.
    as_is: bool,
    /// Files made now whose copy in the cache folder could not be written.
    #[serde(skip)]
    bytes: HashMap<String, Arc<Vec<u8>>>,
}

type Slot = Arc<OnceLock<Result<Entry, String>>>;

/// The images of one build, worked out as they are asked for, from any thread.
pub struct Pictures {
    folder: PathBuf,
    record: PathBuf,
    /// The entries of the build before, by site path.
    was: HashMap<String, Entry>,
    now: Mutex<HashMap<String, Slot>>,
}

impl Pictures {
    /// The images of the site in `root`, with the record the last build left.
    pub fn load(root: &Path) -> Pictures {
        let dir = root.join(crate::cache::DIR);
        let record = dir.join(RECORD);
        let was = crate::cache::load::<(String, HashMap<String, Entry>)>(&record)
            .filter(|(stamp, _)| *stamp == crate::cache::program_stamp())
            .map(|(_, entries)| entries)
            .unwrap_or_default();
        Pictures {
            folder: dir.join(FOLDER),
            record,
            was,
            now: Mutex::new(HashMap::new()),
        }
    }

    /// The images of a site built again over `previous` (what `serve` does).
    pub fn over(root: &Path, previous: Option<&Pictures>) -> Pictures {
        let Some(previous) = previous else {
            return Pictures::load(root);
        };
        let mut was = previous.was.clone();
        was.extend(previous.entries());
        Pictures {
            folder: root.join(crate::cache::DIR).join(FOLDER),
            record: root.join(crate::cache::DIR).join(RECORD),
            was,
            now: Mutex::new(HashMap::new()),
        }
    }

    /// The entries worked out in this build.
    fn entries(&self) -> BTreeMap<String, Entry> {
        let now = self.now.lock().unwrap_or_else(|p| p.into_inner());
        now.iter()
            .filter_map(|(path, slot)| Some((path.clone(), slot.get()?.as_ref().ok()?.clone())))
            .collect()
    }

    /// An image of the text (`site_path`, read from `source`): its size and copies;
    /// `Ok(None)` for an SVG file without a size. The error says what is wrong with the file.
    pub fn picture(&self, site_path: &str, source: &Path) -> Result<Option<Picture>, String> {
        self.entry(site_path, source, true).map(|e| e.picture)
    }

    /// The entry of an image, from this build, the last one, or worked out now.
    fn entry(&self, site_path: &str, source: &Path, text: bool) -> Result<Entry, String> {
        let slot = {
            let mut now = self.now.lock().unwrap_or_else(|p| p.into_inner());
            now.entry(site_path.to_string()).or_default().clone()
        };
        let entry = slot.get_or_init(|| self.work_out(site_path, source, text));
        match entry {
            Ok(e) if text && !e.text => {
                // Stripped first, shown in the text since: measured now (not in one build).
                let made = self.work_out(site_path, source, true);
                let mut now = self.now.lock().unwrap_or_else(|p| p.into_inner());
                now.insert(site_path.to_string(), Arc::new(OnceLock::from(made.clone())));
                made
            }
            other => other.clone(),
        }
    }

    fn work_out(&self, site_path: &str, source: &Path, text: bool) -> Result<Entry, String> {
        let meta = std::fs::metadata(source).map_err(|e| e.to_string())?;
        let stamp = crate::cache::file_stamp(&meta);
        if let Some(was) = self.was.get(site_path)
            && was.stamp == stamp
            && (was.text || !text)
            && settled(&meta, was.taken)
            && was.files.iter().all(|(_, name)| self.folder.join(name).is_file())
        {
            return Ok(was.clone());
        }
        let taken = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let bytes = std::fs::read(source).map_err(|e| e.to_string())?;
        let made = make(site_path, &bytes, text)?;
        let mut entry = Entry {
            stamp,
            taken,
            text,
            picture: made.picture,
            files: Vec::new(),
            as_is: made.as_is,
            bytes: HashMap::new(),
        };
        for (path, data) in made.files {
            let name = format!(
                "{:016x}.{}",
                xxhash_rust::xxh3::xxh3_64(&data),
                path.rsplit('.').next().unwrap_or("bin")
            );
            if self.keep(&name, &data).is_err() {
                entry.bytes.insert(path.clone(), Arc::new(data));
            }
            entry.files.push((path, name));
        }
        Ok(entry)
    }

    /// Writes a made file into the cache folder (once: its name is its hash).
    fn keep(&self, name: &str, data: &[u8]) -> std::io::Result<()> {
        let path = self.folder.join(name);
        if path.is_file() {
            return Ok(());
        }
        std::fs::create_dir_all(&self.folder)?;
        let temp = self.folder.join(format!(".{name}.{}", std::process::id()));
        std::fs::write(&temp, data)?;
        std::fs::rename(&temp, &path)
    }

    /// Publishes an image of the site (a JPEG, PNG or WebP file): without its
    /// metadata, with its copies if the text shows it. Files of `skip` (the
    /// covers' copies, made the same way) are left to whoever made them.
    /// Returns how many files were published.
    pub fn publish(
        &self,
        sink: &dyn Sink,
        source: &Path,
        site_path: &str,
        skip: &dyn Fn(&str) -> bool,
    ) -> Result<usize, Failure> {
        let entry = self.entry(site_path, source, false).map_err(|e| {
            Failure::Content(vec![
                Diagnostic::error_keyed(source, 0, 0, crate::keyed!("image-metadata", reason = e.to_string()))
                    .rule("missing-image"),
            ])
        })?;
        let mut published = 0;
        if entry.as_is {
            sink.copy(source, site_path)?;
            published += 1;
        }
        for (path, name) in &entry.files {
            if *path != site_path && skip(path) {
                continue;
            }
            match entry.bytes.get(path) {
                Some(bytes) => sink.write(path, bytes)?,
                None => sink.copy(&self.folder.join(name), path)?,
            }
            published += 1;
        }
        Ok(published)
    }

    /// Saves the record of this build's images for the next build, and removes
    /// the files of the cache folder that no entry names any more.
    pub fn save(&self) {
        let entries = self.entries();
        if entries.iter().any(|(_, e)| !e.bytes.is_empty()) {
            return;
        }
        let names: std::collections::HashSet<&str> = entries
            .values()
            .flat_map(|e| e.files.iter().map(|(_, name)| name.as_str()))
            .collect();
        let unchanged = entries.len() == self.was.len()
            && entries.iter().all(|(path, e)| {
                self.was
                    .get(path)
                    .is_some_and(|w| w.stamp == e.stamp && w.taken == e.taken)
            });
        if unchanged {
            return;
        }
        if crate::cache::save(&self.record, &(crate::cache::program_stamp(), &entries)).is_err() {
            return;
        }
        if let Ok(dir) = std::fs::read_dir(&self.folder) {
            for file in dir.flatten() {
                let name = file.file_name();
                let name = name.to_string_lossy();
                if !name.starts_with('.') && !names.contains(name.as_ref()) {
                    let _ = std::fs::remove_file(file.path());
                }
            }
        }
    }
}

/// Whether a file's stamp can be trusted against an entry made at `taken`.
fn settled(meta: &std::fs::Metadata, taken: u128) -> bool {
    let Some(changed) = crate::cache::changed_at(meta) else {
        return false;
    };
    let changed = changed
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(u128::MAX, |d| d.as_nanos());
    changed.saturating_add(crate::cache::SETTLED.as_nanos()) < taken
}

/// What working out an image made.
struct Made {
    picture: Option<Picture>,
    files: Vec<(String, Vec<u8>)>,
    as_is: bool,
}

fn make(site_path: &str, bytes: &[u8], text: bool) -> Result<Made, String> {
    if Kind::of(site_path).is_none() {
        // SVG: measured from its root element; published as it is.
        let picture = svg_size(bytes).map(|(width, height)| Picture {
            width,
            height,
            copies: Vec::new(),
            webp: false,
        });
        return Ok(Made {
            picture,
            files: Vec::new(),
            as_is: true,
        });
    }
    // By its bytes: a JPEG named `.png` is stripped as a JPEG. A file that is none of
    // the three has none of their metadata: it is published as it is, unless shown.
    let Some(kind) = Kind::sniff(bytes) else {
        if text {
            return Err("it is not a JPEG, PNG or WebP file".into());
        }
        return Ok(Made {
            picture: None,
            files: Vec::new(),
            as_is: true,
        });
    };
    let stripped = strip::strip(kind, bytes)?;
    let format = format_of(kind);
    let mut files = Vec::new();
    let turned = stripped.orientation != Orientation::NoTransforms;
    let image = if turned || text {
        Some(decode_upright(bytes, format)?)
    } else {
        None
    };
    let original: Vec<u8> = if turned {
        let image = image.as_ref().ok_or("not decoded")?;
        encode(image, format, UPRIGHT_QUALITY)?
    } else {
        stripped.bytes.clone().unwrap_or_default()
    };
    let as_is = !turned && stripped.bytes.is_none();
    let original_len = if as_is { bytes.len() } else { original.len() };
    if !as_is {
        files.push((site_path.to_string(), original));
    }
    let picture = match (&image, text) {
        (Some(image), true) => Some(copies(site_path, image, format, original_len, &mut files)?),
        _ => None,
    };
    Ok(Made { picture, files, as_is })
}

/// Makes the smaller copies of an image and, where smaller, its WebP copies.
fn copies(
    site_path: &str,
    image: &DynamicImage,
    format: ImageFormat,
    original_len: usize,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Result<Picture, String> {
    let (width, height) = (image.width(), image.height());
    let mut sizes = Vec::new();
    let mut smaller = Vec::new();
    for w in WIDTHS.into_iter().filter(|&w| w < width) {
        let small = resized(image, w);
        let data = encode(&small, format, 75)?;
        sizes.push(data.len());
        files.push((copy_path(site_path, w, None), data));
        smaller.push((w, small));
    }
    let mut webp = false;
    if format != ImageFormat::WebP {
        // Tried on the smallest first: a photo, which lossless WebP makes larger, stops there.
        let mut made = Vec::new();
        let mut total = 0;
        let all = smaller.iter().map(|(w, small)| (*w, small)).chain([(width, image)]);
        let originals = sizes.iter().copied().chain([original_len]);
        for ((w, small), original) in all.zip(originals) {
            let data = encode(small, ImageFormat::WebP, 0)?;
            if made.is_empty() && data.len() >= original {
                break;
            }
            total += data.len() as i64 - original as i64;
            made.push((copy_path(site_path, w, Some("webp")), data));
        }
        if made.len() == smaller.len() + 1 && total < 0 {
            webp = true;
            files.extend(made);
        }
    }
    Ok(Picture {
        width,
        height,
        copies: smaller.iter().map(|(w, _)| *w).collect(),
        webp,
    })
}

fn format_of(kind: Kind) -> ImageFormat {
    match kind {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        Kind::WebP => ImageFormat::WebP,
    }
}

/// An image decoded and turned upright by its EXIF orientation.
pub fn decode_upright(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, String> {
    use image::ImageDecoder;
    let mut reader = image::ImageReader::new(Cursor::new(bytes));
    reader.set_format(format);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// An image `width` pixels wide, its height in proportion.
pub fn resized(image: &DynamicImage, width: u32) -> DynamicImage {
    let height = ((u64::from(image.height()) * u64::from(width)) / u64::from(image.width())).max(1) as u32;
    image.resize_exact(width, height, FilterType::Triangle)
}

/// An image encoded; `quality` counts for JPEG only (WebP is lossless).
pub fn encode(image: &DynamicImage, format: ImageFormat, quality: u8) -> Result<Vec<u8>, String> {
    let mut out = Cursor::new(Vec::new());
    let result = match format {
        ImageFormat::Jpeg => {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
            // JPEG has no alpha: what is transparent is written as it is coloured.
            image.to_rgb8().write_with_encoder(encoder)
        }
        // The WebP encoder takes 8-bit pixels only.
        ImageFormat::WebP if image.color().has_alpha() => image.to_rgba8().write_to(&mut out, format),
        ImageFormat::WebP => image.to_rgb8().write_to(&mut out, format),
        _ => image.write_to(&mut out, format),
    };
    result.map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// `/a/photo.jpg` → `/a/photo.480w.jpg`, or with `ext` `/a/photo.480w.webp`.
pub fn copy_path(path: &str, width: u32, ext: Option<&str>) -> String {
    let (stem, own) = match path.rfind('.') {
        Some(dot) if !path[dot..].contains('/') => (&path[..dot], &path[dot + 1..]),
        _ => (path, ""),
    };
    let ext = ext.unwrap_or(own);
    format!("{stem}.{width}w.{ext}")
}

/// An SVG file's width and height: its root element's `width` and `height` when
/// they are plain numbers (or pixels), else its `viewBox`.
pub fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes.get(..bytes.len().min(4096))?)
        .or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]))
        .ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let mut rest = tag;
        loop {
            let at = rest.find(name)?;
            let before = rest[..at].chars().next_back();
            let after = rest[at + name.len()..].trim_start();
            rest = &rest[at + name.len()..];
            if before.is_some_and(char::is_whitespace)
                && let Some(value) = after.strip_prefix('=')
            {
                let value = value.trim_start();
                let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
                let value = &value[1..];
                return Some(&value[..value.find(quote)?]);
            }
        }
    };
    let number = |v: &str| -> Option<f64> {
        let v = v.trim();
        v.strip_suffix("px")
            .unwrap_or(v)
            .parse::<f64>()
            .ok()
            .filter(|n| *n > 0.0)
    };
    let size = |w: f64, h: f64| Some((w.round().max(1.0) as u32, h.round().max(1.0) as u32));
    if let (Some(w), Some(h)) = (attr("width").and_then(number), attr("height").and_then(number)) {
        return size(w, h);
    }
    let view: Vec<f64> = attr("viewBox")?
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    match view[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => size(w, h),
        _ => None,
    }
}

/// The `<img>` (in a `<picture>` when there are WebP copies) of an image of the
/// text, up to its `alt` attribute, and what closes it after the tag: the
/// Markdown writer writes the alt text and the title in between.
pub fn tag(config: &Config, site_path: &str, picture: &Picture, eager: bool) -> (String, &'static str) {
    let (attrs, webp) = signature(config, site_path, picture);
    let mut open = String::new();
    if let Some(webp) = webp {
        open.push_str(&format!(
            "<picture><source type=\"image/webp\" {webp} sizes=\"{SIZES}\">"
        ));
    }
    let loading = if eager { "" } else { " loading=\"lazy\"" };
    open.push_str(&format!("<img{loading} decoding=\"async\" {attrs}"));
    (open, if picture.webp { "</picture>" } else { "" })
}

/// The attributes of an image's tag that come from the image file (its
/// address, size and copies), and its WebP `srcset`: what the Markdown cache
/// checks are the same as when a page was rendered before using it.
pub fn signature(config: &Config, site_path: &str, picture: &Picture) -> (String, Option<String>) {
    let src = link(config, site_path);
    let mut attrs = format!("src=\"{}\"", attr(&src));
    attrs.push_str(&format!(" width=\"{}\" height=\"{}\"", picture.width, picture.height));
    if !picture.copies.is_empty() {
        let set = srcset(config, site_path, picture, None);
        attrs.push_str(&format!(" srcset=\"{}\" sizes=\"{SIZES}\"", attr(&set)));
    }
    attrs.push_str(" alt=\"");
    let webp = picture
        .webp
        .then(|| format!("srcset=\"{}\"", attr(&srcset(config, site_path, picture, Some("webp")))));
    (attrs, webp)
}

fn srcset(config: &Config, site_path: &str, picture: &Picture, ext: Option<&str>) -> String {
    let mut set: Vec<String> = picture
        .copies
        .iter()
        .map(|&w| format!("{} {w}w", link(config, &copy_path(site_path, w, ext))))
        .collect();
    let full = match ext {
        Some(ext) => link(config, &copy_path(site_path, picture.width, Some(ext))),
        None => link(config, site_path),
    };
    set.push(format!("{full} {}w", picture.width));
    set.join(", ")
}

/// A file of the site as the browser asks for it (`photo 1.png` → `photo%201.png`).
pub fn link(config: &Config, site_path: &str) -> String {
    config.link(&crate::url::encode_name(site_path))
}

/// A value escaped for a double-quoted attribute.
fn attr(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_named_by_width_and_format() {
        assert_eq!(copy_path("/a/photo.jpg", 480, None), "/a/photo.480w.jpg");
        assert_eq!(copy_path("/a/photo.png", 1200, Some("webp")), "/a/photo.1200w.webp");
        assert_eq!(copy_path("/a.b/photo", 480, Some("webp")), "/a.b/photo.480w.webp");
    }

    #[test]
    fn svg_sizes() {
        assert_eq!(svg_size(br#"<svg xmlns="x" width="120" height="80">"#), Some((120, 80)));
        assert_eq!(svg_size(br#"<?xml?><svg viewBox="0 0 300 150.4">"#), Some((300, 150)));
        assert_eq!(svg_size(br#"<svg width="50%" viewBox="0,0,30,20">"#), Some((30, 20)));
        assert_eq!(svg_size(br#"<svg width="10em" height="2em">"#), None);
        assert_eq!(svg_size(b"not svg"), None);
    }
}
