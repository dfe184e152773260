//! QR codes of addresses, drawn by the build (no outside service).
//!
//! [`Codes::svg`] gives inline SVG for pages (one path, crisp at any size, scales
//! with the text); [`Codes::png`] gives PNG bytes for the WeChat editor, which does
//! not take SVG. Both keep the four-module quiet zone the standard asks for,
//! so a code printed or shown on a dark background still scans.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::types::{QrResult, Version};
use qrcode::{Color, EcLevel};

/// Modules of white around the code (ISO/IEC 18004: at least four).
const QUIET: usize = 4;

/// The code's modules, row by row (`true` dark), and its width in modules.
type Modules = Arc<(Vec<bool>, usize)>;

/// The most codes a [`Codes`] remembers (a site's addresses, each language's).
const REMEMBERED: usize = 100_000;

/// QR codes made in one run, by their text: a case's page draws its address as
/// SVG and its article beside it as PNG, and choosing the best mask is the most
/// of the cost of a code. Owned by the theme that draws them (its `qr_svg`
/// function and the articles' PNGs share one), so it lives as long as the run.
#[derive(Default)]
pub struct Codes {
    made: Mutex<HashMap<String, Modules>>,
}

impl Codes {
    /// The code's modules, made once per text.
    fn modules(&self, text: &str) -> Result<Modules, String> {
        if let Some(made) = self.made.lock().unwrap_or_else(|p| p.into_inner()).get(text) {
            return Ok(made.clone());
        }
        let made = Arc::new(encode(text).map_err(|e| format!("cannot make a QR code of {text}: {e}"))?);
        let mut memo = self.made.lock().unwrap_or_else(|p| p.into_inner());
        if memo.len() >= REMEMBERED {
            memo.clear();
        }
        memo.insert(text.to_string(), made.clone());
        Ok(made)
    }

    /// `text` as an inline SVG QR code, labelled `label` for screen readers, drawn
    /// `size` CSS pixels wide by default (a stylesheet may change that).
    pub fn svg(&self, text: &str, label: &str, size: u32) -> Result<String, String> {
        Ok(svg_of(&self.modules(text)?, label, size))
    }

    /// `text` as a black-on-white PNG QR code, `scale` pixels per module.
    pub fn png(&self, text: &str, scale: u32) -> Result<Vec<u8>, String> {
        png_of(&self.modules(text)?, text, scale)
    }
}

impl std::fmt::Debug for Codes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.made.lock().map_or(0, |m| m.len());
        write!(f, "Codes({n} made)")
    }
}

/// The masks in the order `qrcode` tries them: of two with the same penalty the
/// first is chosen.
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The code `qrcode` makes of `text` (level M), module for module: the same
/// bits, codewords and drawing, and the mask of the lowest penalty by the same
/// rules as its `Canvas::apply_best_mask`, scored on plain booleans (its own
/// scoring goes through a boxed closure per module and is most of the cost).
///
/// A code up to 64 modules wide (an address of up to some 250 bytes) is masked
/// and scored as rows of bits: a masked code is its dark data modules flipped
/// in the mask's [`Template`].
fn encode(text: &str) -> QrResult<(Vec<bool>, usize)> {
    let bits = qrcode::bits::encode_auto(text.as_bytes(), EcLevel::M)?;
    let version = bits.version();
    let data = bits.into_bytes();
    let (encoded, ec) = qrcode::ec::construct_codewords(&data, version, EcLevel::M)?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &ec);
    let width = version.width() as usize;
    if let Version::Normal(number) = version
        && width <= 64
    {
        let templates = templates(number);
        let mut dark_data = [0u64; 64];
        for (y, row) in dark_data.iter_mut().enumerate().take(width) {
            for x in 0..width {
                if canvas.get(x as i16, y as i16) == Module::Unmasked(Color::Dark) {
                    *row |= 1 << x;
                }
            }
        }
        let mut best: Option<(u32, [u64; 64])> = None;
        for template in templates.iter() {
            let rows: [u64; 64] = std::array::from_fn(|y| template[y] ^ dark_data[y]);
            let score = penalty_of_rows(&rows[..width], width);
            if best.as_ref().is_none_or(|(b, _)| score < *b) {
                best = Some((score, rows));
            }
        }
        let rows = best.map(|(_, rows)| rows).unwrap_or([0; 64]);
        let dark = (0..width * width).map(|i| rows[i / width] >> (i % width) & 1 == 1);
        return Ok((dark.collect(), width));
    }
    if matches!(version, Version::Micro(_)) {
        // Not made by `encode_auto`; scored by `qrcode` itself should it ever be.
        let dark = canvas
            .apply_best_mask()
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark);
        return Ok((dark.collect(), width));
    }
    let mut best: Option<(u32, Vec<bool>)> = None;
    for mask in MASKS {
        let mut c = canvas.clone();
        c.apply_mask(mask);
        let dark: Vec<bool> = c.into_colors().into_iter().map(|c| c == Color::Dark).collect();
        let score = penalty(&dark, width);
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, dark));
        }
    }
    Ok((best.map(|(_, d)| d).unwrap_or_default(), width))
}

/// A code of one version with no data, masked by one of [`MASKS`], as rows of
/// bits: its function patterns and the format information that names the
/// mask, and on every data module the mask's bit. Masking a code flips its
/// dark data modules, so the masked code is this template XOR them.
type Template = [u64; 64];

/// The [`Template`]s of a version, in the order of [`MASKS`], made once per run.
fn templates(version: i16) -> Arc<[Template; 8]> {
    static MADE: std::sync::OnceLock<Mutex<HashMap<i16, Arc<[Template; 8]>>>> = std::sync::OnceLock::new();
    let made = MADE.get_or_init(Mutex::default);
    if let Some(t) = made.lock().unwrap_or_else(|p| p.into_inner()).get(&version) {
        return t.clone();
    }
    let mut blank = Canvas::new(Version::Normal(version), EcLevel::M);
    blank.draw_all_functional_patterns();
    let width = Version::Normal(version).width() as usize;
    let t = Arc::new(MASKS.map(|mask| {
        let mut c = blank.clone();
        c.apply_mask(mask);
        let mut rows = [0u64; 64];
        for (i, color) in c.into_colors().into_iter().enumerate() {
            if color == Color::Dark {
                rows[i / width] |= 1 << (i % width);
            }
        }
        rows
    }));
    made.lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(version, t.clone());
    t
}

/// The penalty `qrcode` gives a masked code (`Canvas::compute_total_penalty_scores`
/// of a normal QR code): runs of five or more, 2×2 blocks, finder-like patterns
/// (less the 360 of the three real finders) and the dark/light balance.
fn penalty(dark: &[bool], width: usize) -> u32 {
    let w = width;
    let at = |x: usize, y: usize| dark[y * w + x];
    let mut score: i64 = 0;
    for horizontal in [true, false] {
        let get = |i: usize, j: usize| if horizontal { at(j, i) } else { at(i, j) };
        for i in 0..w {
            // Runs of the same colour: 5 + n of them score 3 + n.
            let mut run = 1;
            for j in 1..=w {
                if j < w && get(i, j) == get(i, j - 1) {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += run - 2;
                    }
                    run = 1;
                }
            }
            // #.###.# with four light modules (or the edge) on one side.
            for j in 0..w.saturating_sub(6) {
                let pattern = [true, false, true, true, true, false, true];
                if (0..7).any(|k| get(i, j + k) != pattern[k]) {
                    continue;
                }
                let dark_before = (j.saturating_sub(4)..j).any(|k| get(i, k));
                let dark_after = (j + 7..(j + 11).min(w)).any(|k| get(i, k));
                if !dark_before || !dark_after {
                    score += 40;
                }
            }
        }
        score -= 360;
    }
    for y in 0..w - 1 {
        for x in 0..w - 1 {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
    let ratio = (dark.iter().filter(|d| **d).count() * 200 / dark.len()) as i64;
    score += (ratio - 100).abs();
    u32::try_from(score).unwrap_or(0)
}

/// [`penalty`] of a code at most 64 modules wide, given as rows of bits (bit
/// `x` of row `y` is the module at `x`, `y`): the same score by bit arithmetic
/// on rows and columns, several times faster, as a site draws a code per page.
fn penalty_of_rows(rows: &[u64], width: usize) -> u32 {
    let w = width;
    debug_assert!(w <= 64 && rows.len() == w);
    let mut cols = [0u64; 64];
    for (y, row) in rows.iter().enumerate() {
        let mut row = *row;
        while row != 0 {
            cols[row.trailing_zeros() as usize] |= 1 << y;
            row &= row - 1;
        }
    }
    let cols = &cols[..w];
    let below = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut score: i64 = 0;
    for lines in [rows, cols] {
        for &line in lines {
            // Runs of the same colour: 5 + n of them score 3 + n. Bit j of
            // `changes` says module j differs from module j - 1.
            let mut changes = (line ^ (line << 1)) & below(w) & !1;
            let mut start = 0;
            loop {
                let end = if changes == 0 {
                    w
                } else {
                    changes.trailing_zeros() as usize
                };
                let run = (end - start) as i64;
                if run >= 5 {
                    score += run - 2;
                }
                if changes == 0 {
                    break;
                }
                changes &= changes - 1;
                start = end;
            }
            // #.###.# with four light modules (or the edge) on one side.
            for j in 0..w.saturating_sub(6) {
                if (line >> j) & 0x7f != 0b101_1101 {
                    continue;
                }
                let before = below(j) & !below(j.saturating_sub(4));
                let after = below((j + 11).min(w)) & !below(j + 7);
                if line & before == 0 || line & after == 0 {
                    score += 40;
                }
            }
        }
        score -= 360;
    }
    // 2×2 blocks of one colour: bit x of `same` says the modules at x and
    // x + 1 of two neighbouring rows are all four alike.
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let same = !(a ^ b) & !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & below(w - 1);
        score += 3 * i64::from(same.count_ones());
    }
    let dark_count: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let ratio = (dark_count as usize * 200 / (w * w)) as i64;
    score += (ratio - 100).abs();
    u32::try_from(score).unwrap_or(0)
}

/// A code as inline SVG (see [`Codes::svg`]).
fn svg_of(made: &Modules, label: &str, size: u32) -> String {
    let (dark, width) = (&made.0, made.1);
    let full = width + 2 * QUIET;
    let mut path = String::with_capacity(width * width);
    for y in 0..width {
        let row = &dark[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            let _ = write!(path, "M{} {}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start);
        }
    }
    format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        label = crate::text::escape_xml(label),
    )
}

/// A code as PNG (see [`Codes::png`]): one bit a pixel, black or white. The
/// same pixels as 8-bit grey took 2.8 times as long to encode (80 µs against
/// 29 µs an address) and 1.7 times the bytes.
fn png_of(made: &Modules, text: &str, scale: u32) -> Result<Vec<u8>, String> {
    let (dark, width) = (&made.0, made.1);
    let scale = scale.max(1) as usize;
    let side = (width + 2 * QUIET) * scale;
    // Rows of bits, the first pixel in the highest bit; 1 is white.
    let stride = side.div_ceil(8);
    let mut row = vec![0xffu8; stride];
    let mut pixels = Vec::with_capacity(stride * side);
    pixels.extend(std::iter::repeat_n(0xffu8, stride * QUIET * scale));
    for y in 0..width {
        row.fill(0xff);
        for x in (0..width).filter(|&x| dark[y * width + x]) {
            for px in (x + QUIET) * scale..(x + QUIET + 1) * scale {
                row[px / 8] &= !(0x80 >> (px % 8));
            }
        }
        for _ in 0..scale {
            pixels.extend_from_slice(&row);
        }
    }
    pixels.extend(std::iter::repeat_n(0xffu8, stride * QUIET * scale));
    let side = u32::try_from(side).map_err(|_| format!("a QR code of {text} is too large"))?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    encoder.set_compression(png::Compression::Fast);
    // Each row of modules is drawn `scale` times: filtered by the row above,
    // all but the first are zeros.
    encoder.set_filter(png::Filter::Up);
    encoder
        .write_header()
        .and_then(|mut writer| {
            writer.write_image_data(&pixels)?;
            writer.finish()
        })
        .map_err(|e| format!("cannot encode the QR code of {text} as PNG: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://example.org/sub/enterprises/%E5%96%9C%E9%A9%AC%E6%8B%89%E9%9B%85/";

    fn decode(img: image::GrayImage) -> String {
        let (w, h) = (img.width() as usize, img.height() as usize);
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| img.get_pixel(x as u32, y as u32).0[0]);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the image");
        grids[0].decode().expect("the QR code decodes").1
    }

    #[test]
    fn modules_are_the_ones_qrcode_makes() {
        let long = format!("{URL}{}", "%E6%A1%88%E4%BE%8B/".repeat(20));
        let mut texts: Vec<String> = [URL, "https://a.cn/", "HELLO 123", long.as_str()]
            .map(String::from)
            .into();
        // Many addresses, so that many masks are chosen.
        texts.extend((0..300).map(|n| format!("https://example.org/en/cases/case-{n}/")));
        for text in &texts {
            let text = text.as_str();
            let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
            let expected: Vec<bool> = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
            assert_eq!(encode(text).unwrap(), (expected, code.width()), "{text}");
        }
    }

    #[test]
    fn the_penalty_by_bits_is_the_penalty_by_modules() {
        // A small generator, so the grids are the same on every run.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for width in [21, 25, 29, 33, 37, 45, 57, 61, 64] {
            for round in 0..40 {
                // Now and then long runs and empty rows, which random grids lack.
                let dark: Vec<bool> = (0..width * width)
                    .map(|i| match round % 4 {
                        0 => next() % 2 == 0,
                        1 => (i / 7) % 2 == 0 || next() % 9 == 0,
                        2 => next() % 5 == 0,
                        _ => next() % 5 != 0,
                    })
                    .collect();
                let rows: Vec<u64> = dark
                    .chunks(width)
                    .map(|row| row.iter().rev().fold(0, |bits, &d| bits << 1 | u64::from(d)))
                    .collect();
                assert_eq!(
                    penalty_of_rows(&rows, width),
                    penalty(&dark, width),
                    "width {width}, round {round}"
                );
            }
        }
    }

    #[test]
    fn png_has_one_bit_a_pixel_and_the_modules_drawn_scale_times() {
        let scale = 3;
        let bytes = Codes::default().png(URL, scale).unwrap();
        // The header's bit depth and colour type: 1, grey.
        assert_eq!((bytes[24], bytes[25]), (1, 0));
        let img = image::load_from_memory(&bytes).unwrap().to_luma8();
        let (dark, width) = encode(URL).unwrap();
        let scale = scale as usize;
        let side = (width + 2 * QUIET) * scale;
        assert_eq!((img.width() as usize, img.height() as usize), (side, side));
        for (x, y, pixel) in img.enumerate_pixels() {
            let (mx, my) = (x as usize / scale, y as usize / scale);
            let inside = (QUIET..QUIET + width).contains(&mx) && (QUIET..QUIET + width).contains(&my);
            let black = inside && dark[(my - QUIET) * width + mx - QUIET];
            assert_eq!(pixel.0[0], if black { 0 } else { 255 }, "pixel {x}, {y}");
        }
    }

    #[test]
    fn png_decodes_to_the_url() {
        let bytes = Codes::default().png(URL, 6).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"));
        let img = image::load_from_memory(&bytes).unwrap().to_luma8();
        assert_eq!(decode(img), URL);
    }

    #[test]
    fn svg_draws_the_same_modules_as_the_png() {
        let svg = Codes::default().svg(URL, "Scan <me>", 120).unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""), "{svg}");
        assert!(svg.contains("aria-label=\"Scan &lt;me&gt;\""), "{svg}");
        // Rasterise the path (only M x y h n v1 h-n z runs) and decode it.
        let full: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let scale = 5;
        let side = full * scale;
        let mut img = image::GrayImage::from_pixel(side as u32, side as u32, image::Luma([255]));
        let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        for run in d.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let n: usize = rest.split('v').next().unwrap().parse().unwrap();
            for px in x * scale..(x + n) * scale {
                for py in y * scale..(y + 1) * scale {
                    img.put_pixel(px as u32, py as u32, image::Luma([0]));
                }
            }
        }
        assert_eq!(decode(img), URL);
    }
}
