//! Where the desk may write, and how: inside `content/` only, atomically.
//!
//! A path from a request is a path inside `content/` with `/` separators.
//! [`confine`] refuses what could leave the folder or trouble another system
//! (absolute paths, `..` and `.`, backslashes, control characters, names
//! Windows reserves such as `CON` or `com1.md`, names ending in a dot or a
//! space), then resolves the folder on disk and checks that it is still inside
//! `content/` (a symlink pointing out is refused), and refuses a file that is
//! itself a symlink. [`write_atomic`] writes a temporary file beside the target
//! and renames it over; [`create_new`] does the same but never replaces a file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The largest image the desk takes.
pub const MAX_IMAGE_BYTES: usize = 20 * 1024 * 1024;

/// Why a path is refused (in English; the desk shows its own words).
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a plain relative path inside content/.
    Outside,
    /// A name Windows reserves, or one it cannot keep.
    Reserved(String),
    /// The file is a symlink.
    Symlink,
}

/// The Windows device names, reserved with any extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "com¹", "com²",
    "com³", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³", "conin$",
    "conout$",
];

/// Checks a name of one path segment.
fn check_segment(segment: &str) -> Result<(), Refused> {
    if segment.is_empty() || segment == "." || segment == ".." {
        return Err(Refused::Outside);
    }
    if segment.chars().any(|c| c.is_control() || "<>:\"|?*\\".contains(c)) {
        return Err(Refused::Reserved(segment.to_string()));
    }
    if segment.ends_with(['.', ' ']) || segment.starts_with(' ') {
        return Err(Refused::Reserved(segment.to_string()));
    }
    let stem = segment.split('.').next().unwrap_or(segment).trim_end().to_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        return Err(Refused::Reserved(segment.to_string()));
    }
    Ok(())
}

/// The full path of `rel` inside `content`, if the desk may write there.
/// The folder must exist; the file need not.
pub fn confine(content: &Path, rel: &str) -> Result<PathBuf, Refused> {
    if rel.is_empty() || rel.starts_with('/') || rel.contains('\\') || rel.contains(':') {
        return Err(Refused::Outside);
    }
    for segment in rel.split('/') {
        check_segment(segment)?;
    }
    let root = std::fs::canonicalize(content).map_err(|_| Refused::Outside)?;
    let full = root.join(rel);
    let parent = full.parent().ok_or(Refused::Outside)?;
    let real_parent = std::fs::canonicalize(parent).map_err(|_| Refused::Outside)?;
    if !real_parent.starts_with(&root) {
        return Err(Refused::Outside);
    }
    let name = full.file_name().ok_or(Refused::Outside)?;
    let target = real_parent.join(name);
    if let Ok(meta) = std::fs::symlink_metadata(&target)
        && meta.file_type().is_symlink()
    {
        return Err(Refused::Symlink);
    }
    Ok(target)
}

/// Replaces (or creates) a file through a temporary file beside it, renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = temp_beside(path);
    let written = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&temp, meta.permissions())?;
        }
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Creates a file that must not exist yet, written whole or not at all.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = temp_beside(path);
    let written = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        // A hard link fails when the name is taken, where a rename would replace it.
        std::fs::hard_link(&temp, path)
    })();
    let _ = std::fs::remove_file(&temp);
    written
}

fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut random = [0u8; 6];
    let _ = getrandom::getrandom(&mut random);
    let tag: String = random.iter().map(|b| format!("{b:02x}")).collect();
    // A dot file: the site's walk skips it, so a build never sees it half written.
    path.with_file_name(format!(".{name}.desk-{tag}"))
}

/// The image type of some bytes, by their first bytes: its extension.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("jpg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("webp")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("gif")
    } else {
        None
    }
}

/// A file name for an upload: lowercase letters, digits and dashes (Chinese
/// becomes pinyin), the extension of its real type; `image` when nothing is left.
pub fn image_name(given: &str, ext: &str) -> String {
    let stem = given.rsplit(['/', '\\']).next().unwrap_or(given);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut slug = crate::content::slug::slugify(stem);
    slug.truncate(60);
    let slug = slug.trim_matches('-').to_string();
    let slug = if slug.is_empty() || check_segment(&slug).is_err() {
        "image".to_string()
    } else {
        slug
    };
    format!("{slug}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_reserves_are_refused() {
        for name in [
            "con.md", "CON", "nul.txt", "Com1.md", "lpt9.png", "a.", "a ", "a:b.md", "a|b",
        ] {
            assert!(check_segment(name).is_err(), "{name}");
        }
        for name in ["console.md", "a.md", "中文.md", "com10.md"] {
            assert!(check_segment(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn paths_stay_inside_content() {
        let dir = std::env::temp_dir().join(format!("showcase-desk-files-{}", std::process::id()));
        let content = dir.join("content");
        std::fs::create_dir_all(content.join("cases")).unwrap();
        assert!(confine(&content, "cases/a.md").is_ok());
        for bad in [
            "../site.toml",
            "/etc/passwd",
            "cases/../../x.md",
            "cases\\a.md",
            "C:/x.md",
            "",
            "cases//a.md",
        ] {
            assert_eq!(confine(&content, bad), Err(Refused::Outside), "{bad}");
        }
        assert!(matches!(confine(&content, "cases/con.md"), Err(Refused::Reserved(_))));
        assert_eq!(confine(&content, "nope/a.md"), Err(Refused::Outside));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&dir, content.join("out")).unwrap();
            assert_eq!(confine(&content, "out/site.toml"), Err(Refused::Outside));
            std::os::unix::fs::symlink(dir.join("x"), content.join("cases/link.md")).unwrap();
            assert_eq!(confine(&content, "cases/link.md"), Err(Refused::Symlink));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn images_are_known_by_their_first_bytes() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\n...."), Some("png"));
        assert_eq!(image_type(&[0xff, 0xd8, 0xff, 0xe0]), Some("jpg"));
        assert_eq!(image_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("webp"));
        assert_eq!(image_type(b"GIF89a"), Some("gif"));
        assert_eq!(image_type(b"<svg"), None);
        assert_eq!(image_name("园区 大门.JPG", "jpg"), "yuan-qu-da-men.jpg");
        assert_eq!(image_name("../../con.png", "png"), "image.png");
        assert_eq!(image_name("x.exe", "png"), "x.png");
    }
}
