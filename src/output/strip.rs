//! Metadata taken out of published images, without decoding them.
//!
//! A phone photo carries where and when it was taken (EXIF, with GPS
//! coordinates), the camera's serial number, editing history (XMP), and often
//! a second image after the first (MPF). None of it is published: the bytes of
//! the picture are kept as they are and only the metadata is dropped, so a
//! photo loses nothing of its quality.
//!
//! - JPEG: every APPn segment but JFIF (APP0), the colour profile (APP2
//!   `ICC_PROFILE`) and Adobe's colour transform (APP14), and comments, are
//!   dropped; so is everything after the end of the image.
//! - PNG: text chunks (`tEXt`, `zTXt`, `iTXt`), `eXIf` and `tIME` are dropped.
//! - WebP: the `EXIF` and `XMP ` chunks are dropped and their flags cleared.
//!
//! The EXIF orientation is read on the way: a photo that needs turning to be
//! upright cannot be published by dropping its EXIF (it would show sideways),
//! so it is decoded, turned and encoded again instead (see `pictures`).

use image::metadata::Orientation;

/// An image's bytes without metadata, and the orientation its EXIF gave.
#[derive(Debug)]
pub struct Stripped {
    /// The image as published; `None` when the file had nothing to drop.
    pub bytes: Option<Vec<u8>>,
    pub orientation: Orientation,
}

/// The formats whose metadata is stripped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    WebP,
}

impl Kind {
    /// The kind of a file by its name (`photo.JPG`).
    pub fn of(path: &str) -> Option<Kind> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "jpg" | "jpeg" => Some(Kind::Jpeg),
            "png" => Some(Kind::Png),
            "webp" => Some(Kind::WebP),
            _ => None,
        }
    }
}

impl Kind {
    /// The kind of an image by its first bytes, whatever its name says.
    pub fn sniff(data: &[u8]) -> Option<Kind> {
        if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Kind::Jpeg)
        } else if data.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Kind::Png)
        } else if data.len() >= 12 && &data[..4] == b"RIFF" && &data[8..12] == b"WEBP" {
            Some(Kind::WebP)
        } else {
            None
        }
    }
}

/// Drops the metadata of an image; an error says why the file is not a valid one.
pub fn strip(kind: Kind, data: &[u8]) -> Result<Stripped, String> {
    match kind {
        Kind::Jpeg => jpeg(data),
        Kind::Png => png(data),
        Kind::WebP => webp(data),
    }
}

fn orientation_of(tiff: &[u8]) -> Orientation {
    Orientation::from_exif_chunk(tiff).unwrap_or(Orientation::NoTransforms)
}

/// JPEG: segments up to the first scan are filtered; the scans (and the tables
/// between them, in a progressive JPEG) are kept up to the end of the image.
fn jpeg(data: &[u8]) -> Result<Stripped, String> {
    const NOT: &str = "not a JPEG file";
    if !data.starts_with(&[0xFF, 0xD8]) {
        return Err(NOT.into());
    }
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(&data[..2]);
    let mut orientation = Orientation::NoTransforms;
    let mut at = 2;
    let mut in_scan = false;
    let mut dropped = false;
    loop {
        if in_scan {
            // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte), a restart
            // marker or fill bytes; anything else is the next marker.
            let start = at;
            loop {
                let Some(i) = data[at..].iter().position(|&b| b == 0xFF) else {
                    return Err("the image data ends before its end marker".into());
                };
                at += i;
                match data.get(at + 1) {
                    Some(0x00 | 0xD0..=0xD7) => at += 2,
                    Some(0xFF) => at += 1,
                    Some(_) => break,
                    None => return Err("the image data ends before its end marker".into()),
                }
            }
            out.extend_from_slice(&data[start..at]);
            in_scan = false;
        }
        // Fill bytes before a marker.
        while data.get(at) == Some(&0xFF) && data.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (data.get(at), data.get(at + 1)) else {
            return Err(format!("{NOT}: no marker at byte {at}"));
        };
        if marker == 0xD9 {
            out.extend_from_slice(&[0xFF, 0xD9]);
            dropped |= at + 2 < data.len();
            break;
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            out.extend_from_slice(&data[at..at + 2]);
            at += 2;
            continue;
        }
        let len = match data.get(at + 2..at + 4) {
            Some(l) => usize::from(u16::from_be_bytes([l[0], l[1]])),
            None => return Err(format!("{NOT}: a segment is cut short at byte {at}")),
        };
        let end = at + 2 + len;
        if len < 2 || end > data.len() {
            return Err(format!("{NOT}: a segment is cut short at byte {at}"));
        }
        let body = &data[at + 4..end];
        let keep = match marker {
            0xE1 => {
                if let Some(tiff) = body.strip_prefix(b"Exif\0\0") {
                    orientation = orientation_of(tiff);
                }
                false
            }
            0xE0 => body.starts_with(b"JFIF\0"),
            0xE2 => body.starts_with(b"ICC_PROFILE\0"),
            0xEE => body.starts_with(b"Adobe"),
            0xE3..=0xED | 0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            out.extend_from_slice(&data[at..end]);
        } else {
            dropped = true;
        }
        at = end;
        in_scan = marker == 0xDA;
    }
    Ok(Stripped {
        bytes: dropped.then_some(out),
        orientation,
    })
}

/// PNG: chunks are length, type, data and CRC; the dropped ones are ancillary,
/// so nothing else refers to them.
fn png(data: &[u8]) -> Result<Stripped, String> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !data.starts_with(SIGNATURE) {
        return Err("not a PNG file".into());
    }
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(SIGNATURE);
    let mut orientation = Orientation::NoTransforms;
    let mut dropped = false;
    let mut at = SIGNATURE.len();
    while at < data.len() {
        let Some(head) = data.get(at..at + 8) else {
            return Err(format!("not a PNG file: a chunk is cut short at byte {at}"));
        };
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        let end = at + 12 + len;
        if end > data.len() {
            return Err(format!("not a PNG file: a chunk is cut short at byte {at}"));
        }
        let drop = match kind {
            b"eXIf" => {
                orientation = orientation_of(&data[at + 8..at + 8 + len]);
                true
            }
            b"tEXt" | b"zTXt" | b"iTXt" | b"tIME" => true,
            _ => false,
        };
        if drop {
            dropped = true;
        } else {
            out.extend_from_slice(&data[at..end]);
        }
        at = end;
        if kind == b"IEND" {
            dropped |= at < data.len();
            break;
        }
    }
    Ok(Stripped {
        bytes: dropped.then_some(out),
        orientation,
    })
}

/// WebP: a RIFF file of chunks (each padded to an even length); the extended
/// header (`VP8X`) says which metadata chunks follow.
fn webp(data: &[u8]) -> Result<Stripped, String> {
    if data.len() < 12 || &data[..4] != b"RIFF" || &data[8..12] != b"WEBP" {
        return Err("not a WebP file".into());
    }
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(&data[..12]);
    let mut orientation = Orientation::NoTransforms;
    let mut dropped = false;
    let mut at = 12;
    while at + 8 <= data.len() {
        let kind = &data[at..at + 4];
        let len = u32::from_le_bytes([data[at + 4], data[at + 5], data[at + 6], data[at + 7]]) as usize;
        let end = (at + 8 + len + (len & 1)).min(data.len());
        if at + 8 + len > data.len() {
            return Err(format!("not a WebP file: a chunk is cut short at byte {at}"));
        }
        match kind {
            b"EXIF" => {
                let body = &data[at + 8..at + 8 + len];
                orientation = orientation_of(body.strip_prefix(b"Exif\0\0").unwrap_or(body));
                dropped = true;
            }
            b"XMP " => dropped = true,
            b"VP8X" => {
                let start = out.len();
                out.extend_from_slice(&data[at..end]);
                // Flags: bit 3 EXIF, bit 2 XMP.
                if let Some(flags) = out.get_mut(start + 8) {
                    *flags &= !0b1100;
                }
            }
            _ => out.extend_from_slice(&data[at..end]),
        }
        at = end;
    }
    if !dropped {
        return Ok(Stripped {
            bytes: None,
            orientation,
        });
    }
    let size = u32::try_from(out.len() - 8).map_err(|_| "too large".to_string())?;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    Ok(Stripped {
        bytes: Some(out),
        orientation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JPEG's markers, in order.
    fn markers(data: &[u8]) -> Vec<u8> {
        let mut found = Vec::new();
        let mut i = 2;
        while i + 4 <= data.len() {
            let marker = data[i + 1];
            found.push(marker);
            if marker == 0xDA || marker == 0xD9 {
                break;
            }
            let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
            i += 2 + len;
        }
        found
    }

    fn tiny_jpeg() -> Vec<u8> {
        let image = image::RgbImage::from_pixel(8, 8, image::Rgb([200, 10, 10]));
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        out.into_inner()
    }

    #[test]
    fn jpeg_loses_exif_comments_and_trailers_but_keeps_its_picture() {
        let plain = tiny_jpeg();
        let mut data = plain[..2].to_vec();
        // APP1 "Exif" with a little-endian TIFF header and one entry: Orientation = 6.
        let tiff: &[u8] = &[
            b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0,
        ];
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(tiff);
        data.extend_from_slice(&[0xFF, 0xE1]);
        data.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        data.extend_from_slice(&app1);
        data.extend_from_slice(&[0xFF, 0xFE, 0, 5, b'h', b'i', b'!']);
        data.extend_from_slice(&plain[2..]);
        data.extend_from_slice(b"trailing second image");
        let stripped = jpeg(&data).unwrap();
        assert_eq!(stripped.orientation, Orientation::Rotate90);
        let bytes = stripped.bytes.unwrap();
        assert_eq!(bytes, plain, "the original JPEG, byte for byte");
        assert!(!markers(&bytes).contains(&0xE1));
        // A clean file is left as it is.
        assert!(jpeg(&plain).unwrap().bytes.is_none());
        assert!(jpeg(b"GIF89a").is_err());
        assert!(jpeg(&plain[..plain.len() / 2]).is_err());
    }

    #[test]
    fn png_loses_text_chunks() {
        let image = image::RgbImage::from_pixel(4, 4, image::Rgb([1, 2, 3]));
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Png).unwrap();
        let plain = out.into_inner();
        // After the IHDR chunk (8 + 25 bytes): a tEXt chunk.
        let mut data = plain[..33].to_vec();
        data.extend_from_slice(&[0, 0, 0, 8]);
        data.extend_from_slice(b"tEXtGPS\x0031.2");
        data.extend_from_slice(&[0, 0, 0, 0]);
        data.extend_from_slice(&plain[33..]);
        let stripped = png(&data).unwrap();
        assert_eq!(stripped.bytes.unwrap(), plain);
        assert!(png(&plain).unwrap().bytes.is_none());
    }
}
