//! The fonts of the casebook: those site.toml names, then the system's.
//!
//! Steps: list the font files of the system's font folders (or of
//! `SHOWCASE_FONT_DIRS`, a list of folders like `PATH`, which replaces them)
//! and the files site.toml names; read each file's faces into Typst's font
//! book; choose a family for Chinese text, one for Latin text and one for
//! code. The faces' data is read again only when Typst asks for a face.
//! A site with a CJK language and no font covering Chinese is an error that
//! names the families tried and how to install one.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use crate::diagnostics::Failure;

/// Families for Chinese text, best first: Noto CJK (Linux), Source Han (its
/// other name), then the fonts Windows and macOS ship.
const CJK_FAMILIES: &[&str] = &[
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Songti SC",
    "STSong",
    "SimSun",
    "NSimSun",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
    "WenQuanYi Micro Hei",
    "AR PL UMing CN",
];

/// Sans-serif families for headings in Chinese.
const CJK_SANS_FAMILIES: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
    "Heiti SC",
];

/// Families for Latin text.
const LATIN_FAMILIES: &[&str] = &[
    "Noto Serif",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
    "Georgia",
    "Times",
];

/// Families for code.
const MONO_FAMILIES: &[&str] = &[
    "DejaVu Sans Mono",
    "Noto Sans Mono",
    "Liberation Mono",
    "Consolas",
    "Menlo",
    "Courier New",
];

/// One face of a font file, loaded when Typst first asks for it.
struct Slot {
    path: PathBuf,
    index: u32,
    font: OnceLock<Option<Font>>,
}

/// The fonts found, and the families chosen for the book.
pub struct Fonts {
    pub book: LazyHash<FontBook>,
    slots: Vec<Slot>,
    pub families: Families,
}

/// The families the book is set in; each list is tried in order, glyph by glyph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Families {
    /// The first family with Chinese characters (`None` on a site without a CJK language that has none).
    pub cjk: Option<String>,
    /// A sans-serif family with Chinese characters, for headings.
    pub cjk_sans: Option<String>,
    pub latin: Option<String>,
    pub mono: Option<String>,
    /// Families site.toml names, found, in its order.
    pub named: Vec<String>,
}

impl Fonts {
    /// Finds the fonts: `named` are site.toml's entries (families, or files relative to `root`).
    pub fn find(root: &Path, named: &[String], need_cjk: bool) -> Result<Fonts, Failure> {
        let mut files = Vec::new();
        let mut wanted_families = Vec::new();
        for entry in named {
            if looks_like_file(entry) {
                let path = root.join(entry);
                if !path.is_file() {
                    return Err(
                        crate::keyed!("casebook-font-file", file = entry, path = path.display().to_string()).into(),
                    );
                }
                files.push((path, true));
            } else {
                wanted_families.push(entry.clone());
            }
        }
        let dirs = font_dirs();
        files.extend(system_files(&dirs).into_iter().map(|path| (path, false)));
        // Each file is read once, in parallel, for its faces' names and coverage.
        let faces: Vec<(PathBuf, bool, u32, FontInfo)> = files
            .par_iter()
            .flat_map_iter(|(path, named)| {
                let data = std::fs::read(path).unwrap_or_default();
                // The faces of a collection (.ttc) are numbered from 0; a plain file has one.
                (0..256u32)
                    .map_while(|index| FontInfo::new(&data, index).map(|info| (path.clone(), *named, index, info)))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut book = FontBook::new();
        let mut slots = Vec::with_capacity(faces.len());
        let mut file_families = Vec::new();
        for (path, named, index, info) in faces {
            if named && !file_families.contains(&info.family) {
                file_families.push(info.family.clone());
            }
            book.push(info);
            slots.push(Slot {
                path,
                index,
                font: OnceLock::new(),
            });
        }
        let missing: Vec<&String> = wanted_families
            .iter()
            .filter(|f| !book.contains_family(&f.to_lowercase()))
            .collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|f| format!("\"{f}\"")).collect();
            return Err(crate::keyed!(
                "casebook-font-family",
                families = names.join(", "),
                folders = listing(&dirs)
            )
            .into());
        }
        let mut named_families = file_families;
        named_families.extend(wanted_families);
        let families = choose(&book, &named_families);
        if need_cjk && families.cjk.is_none() {
            let mut tried: Vec<&str> = named_families.iter().map(String::as_str).collect();
            tried.extend(CJK_FAMILIES);
            return Err(crate::keyed!(
                "casebook-no-cjk-font",
                tried = tried.join(", "),
                folders = listing(&dirs)
            )
            .into());
        }
        Ok(Fonts {
            book: LazyHash::new(book),
            slots,
            families,
        })
    }

    /// The face with this index of the book, read from its file on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font
            .get_or_init(|| {
                let data = std::fs::read(&slot.path).ok()?;
                Font::new(Bytes::new(data), slot.index)
            })
            .clone()
    }
}

/// The families for each role: site.toml's first, then the usual ones.
fn choose(book: &FontBook, named: &[String]) -> Families {
    let has = |family: &str| book.contains_family(&family.to_lowercase());
    let covers_han = |family: &str| {
        book.select_family(&family.to_lowercase())
            .next()
            .and_then(|i| book.info(i))
            .is_some_and(|info| info.coverage.contains('中' as u32))
    };
    let named_cjk = named.iter().find(|f| covers_han(f)).cloned();
    let cjk = named_cjk
        .clone()
        .or_else(|| CJK_FAMILIES.iter().find(|f| covers_han(f)).map(|f| f.to_string()));
    let cjk_sans = named_cjk
        .or_else(|| CJK_SANS_FAMILIES.iter().find(|f| covers_han(f)).map(|f| f.to_string()))
        .or_else(|| cjk.clone());
    let latin = named
        .iter()
        .find(|f| has(f) && !covers_han(f))
        .cloned()
        .or_else(|| LATIN_FAMILIES.iter().find(|f| has(f)).map(|f| f.to_string()));
    let mono = MONO_FAMILIES.iter().find(|f| has(f)).map(|f| f.to_string());
    Families {
        cjk,
        cjk_sans,
        latin,
        mono,
        named: named.iter().filter(|f| has(f)).cloned().collect(),
    }
}

/// `fonts/x.otf` names a file; `Noto Serif CJK SC` a family.
/// The font files in the system's font folders `dirs`.
fn system_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in dirs {
        for entry in walkdir::WalkDir::new(dir).follow_links(true).into_iter().flatten() {
            if entry.file_type().is_file() && is_font_file(entry.path()) {
                files.push(entry.into_path());
            }
        }
    }
    files
}

/// Every font file a book may be set in: the files site.toml names (`named`,
/// relative to `root`) and those in the system's font folders.
pub fn files(root: &Path, named: &[String]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = named
        .iter()
        .filter(|entry| looks_like_file(entry))
        .map(|entry| root.join(entry))
        .collect();
    files.extend(system_files(&font_dirs()));
    files
}

fn looks_like_file(entry: &str) -> bool {
    entry.contains('/') || entry.contains('\\') || is_font_file(Path::new(entry))
}

fn is_font_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc" | "otc"))
}

/// The folders searched for fonts: `SHOWCASE_FONT_DIRS` if set, else the system's.
fn font_dirs() -> Vec<PathBuf> {
    if let Some(list) = std::env::var_os("SHOWCASE_FONT_DIRS") {
        return std::env::split_paths(&list).collect();
    }
    let mut dirs = Vec::new();
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(windows) {
        let windir = std::env::var_os("WINDIR").map_or_else(|| PathBuf::from(r"C:\Windows"), PathBuf::from);
        dirs.push(windir.join("Fonts"));
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join(r"Microsoft\Windows\Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
        dirs.extend(home.map(|h| h.join("Library/Fonts")));
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        if let Some(data) = std::env::var_os("XDG_DATA_HOME") {
            dirs.push(PathBuf::from(data).join("fonts"));
        } else if let Some(h) = &home {
            dirs.push(h.join(".local/share/fonts"));
        }
        dirs.extend(home.map(|h| h.join(".fonts")));
    }
    dirs
}

fn listing(dirs: &[PathBuf]) -> String {
    if dirs.is_empty() {
        return "no folder".to_string();
    }
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
