//! Images in the text: size, lazy loading, smaller copies, WebP where smaller,
//! turned upright, and published without metadata (a phone photo's GPS).

mod common;

use common::Site;

/// A TIFF block (little-endian) as a phone writes it in a JPEG's APP1 segment:
/// an orientation (6: turn 90° clockwise to show it) and a GPS latitude, 31°13'5" N.
fn exif_with_gps(orientation: u8) -> Vec<u8> {
    let mut t = Vec::new();
    t.extend_from_slice(b"II\x2a\x00");
    t.extend_from_slice(&8u32.to_le_bytes());
    // IFD0 at 8: two entries, then the offset of the next IFD (none).
    t.extend_from_slice(&2u16.to_le_bytes());
    // Orientation: SHORT, 1 value.
    t.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0]);
    // GPSInfo: LONG, 1 value, the GPS IFD's offset (8 + 30 = 38).
    t.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]);
    t.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(t.len(), 38);
    // GPS IFD: GPSLatitudeRef "N", GPSLatitude three RATIONALs at 68.
    t.extend_from_slice(&2u16.to_le_bytes());
    t.extend_from_slice(&[0x01, 0x00, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
    t.extend_from_slice(&[0x02, 0x00, 5, 0, 3, 0, 0, 0, 68, 0, 0, 0]);
    t.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(t.len(), 68);
    for (n, d) in [(31u32, 1u32), (13, 1), (5, 1)] {
        t.extend_from_slice(&n.to_le_bytes());
        t.extend_from_slice(&d.to_le_bytes());
    }
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((t.len() + 8) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&t);
    app1
}

/// A noisy photo (lossless WebP makes it larger than JPEG): reddish on the
/// left half, bluish on the right, as stored (before turning).
fn photo(width: u32, height: u32) -> image::RgbImage {
    let mut seed = 12345u32;
    image::RgbImage::from_fn(width, height, |x, _| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let noise = (seed >> 16) as u8 % 56;
        if x < width / 2 {
            image::Rgb([200 + noise, noise, noise])
        } else {
            image::Rgb([noise, noise, 200 + noise])
        }
    })
}

/// A JPEG with the APP1 segment after its start marker, and a comment.
fn phone_jpeg(image: &image::RgbImage, orientation: u8) -> Vec<u8> {
    let mut plain = std::io::Cursor::new(Vec::new());
    image.write_to(&mut plain, image::ImageFormat::Jpeg).unwrap();
    let plain = plain.into_inner();
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&exif_with_gps(orientation));
    out.extend_from_slice(&[0xFF, 0xFE, 0, 12]);
    out.extend_from_slice(b"Shanghai!!");
    out.extend_from_slice(&plain[2..]);
    out
}

/// A chart: flat colours (lossless WebP makes it smaller than PNG), with a tEXt chunk.
fn chart_png() -> Vec<u8> {
    let image = image::RgbaImage::from_fn(1000, 500, |x, y| {
        if (x / 100 + y / 100) % 2 == 0 {
            image::Rgba([20, 90, 160, 255])
        } else {
            image::Rgba([240, 240, 240, 255])
        }
    });
    let mut plain = std::io::Cursor::new(Vec::new());
    image.write_to(&mut plain, image::ImageFormat::Png).unwrap();
    let plain = plain.into_inner();
    // After the signature and IHDR (8 + 25 bytes).
    let mut out = plain[..33].to_vec();
    let text = b"Comment\0taken at 31.2N 121.4E";
    out.extend_from_slice(&(text.len() as u32).to_be_bytes());
    out.extend_from_slice(b"tEXt");
    out.extend_from_slice(text);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&plain[33..]);
    out
}

/// The markers of a JPEG's segments before its image data, and whether
/// anything follows its end marker.
fn jpeg_markers(data: &[u8]) -> (Vec<u8>, bool) {
    assert!(data.starts_with(&[0xFF, 0xD8]), "not a JPEG");
    let mut found = Vec::new();
    let mut i = 2;
    loop {
        let marker = data[i + 1];
        found.push(marker);
        if marker == 0xDA {
            break;
        }
        i += 2 + usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
    }
    let trailing = !data.ends_with(&[0xFF, 0xD9]);
    (found, trailing)
}

/// The chunk types of a PNG file.
fn png_chunks(data: &[u8]) -> Vec<String> {
    assert!(data.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let mut found = Vec::new();
    let mut i = 8;
    while i + 8 <= data.len() {
        let len = u32::from_be_bytes(data[i..i + 4].try_into().unwrap()) as usize;
        found.push(String::from_utf8_lossy(&data[i + 4..i + 8]).into_owned());
        i += 12 + len;
    }
    found
}

/// The chunk types of a WebP file.
fn webp_chunks(data: &[u8]) -> Vec<String> {
    assert!(data.starts_with(b"RIFF") && &data[8..12] == b"WEBP", "not a WebP");
    let mut found = Vec::new();
    let mut i = 12;
    while i + 8 <= data.len() {
        let len = u32::from_le_bytes(data[i + 4..i + 8].try_into().unwrap()) as usize;
        found.push(String::from_utf8_lossy(&data[i..i + 4]).into_owned());
        i += 8 + len + (len & 1);
    }
    found
}

/// The `<img …>` tag whose `src` is `src`, and the `<picture>` around it if there is one.
fn img_tag<'a>(html: &'a str, src: &str) -> (&'a str, Option<&'a str>) {
    let at = html
        .find(&format!("src=\"{src}\""))
        .unwrap_or_else(|| panic!("no {src} in {html}"));
    let start = html[..at].rfind("<img").unwrap();
    let end = at + html[at..].find('>').unwrap() + 1;
    let picture = html[..start]
        .rfind("<picture>")
        .filter(|&p| !html[p..start].contains("</picture>"))
        .map(|p| &html[p..end]);
    (&html[start..end], picture)
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// The widths a `srcset` states, with each file's site path.
fn srcset(value: &str) -> Vec<(String, u32)> {
    value
        .split(", ")
        .map(|c| {
            let (url, w) = c.rsplit_once(' ').unwrap();
            (url.to_string(), w.trim_end_matches('w').parse().unwrap())
        })
        .collect()
}

const PAGE: &str = "---
title: 图片案例二
date: 2022-01-02
kind: park
---

园区一角。

![园区示意图](chart.png)

## 现场

![车间](phone.jpg)

![远程图片](https://images.example.org/remote.jpg)

![平面图](plan.svg)
";

fn site_with_photos() -> Site {
    let site = Site::fixture("basic");
    let dir = site.root.join("content/cases/photos");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.md"), PAGE).unwrap();
    std::fs::write(dir.join("phone.jpg"), phone_jpeg(&photo(1200, 800), 6)).unwrap();
    std::fs::write(dir.join("chart.png"), chart_png()).unwrap();
    // Not shown in any text: published, stripped all the same.
    std::fs::write(dir.join("spare.jpg"), phone_jpeg(&photo(300, 200), 1)).unwrap();
    std::fs::write(
        dir.join("plan.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320"><rect width="640" height="320" fill="#ccc"/></svg>"##,
    )
    .unwrap();
    site
}

#[test]
fn a_phone_photo_is_published_upright_and_without_its_gps_metadata() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let public = site.root.join("public");
    let published = std::fs::read(public.join("cases/photos/phone.jpg")).unwrap();
    let (markers, trailing) = jpeg_markers(&published);
    assert!(!markers.contains(&0xE1) && !markers.contains(&0xFE), "{markers:x?}");
    assert!(!trailing);
    let upright = image::load_from_memory(&published).unwrap().to_rgb8();
    // 1200 × 800 turned a quarter clockwise: 800 × 1200, the left half (red) on top.
    assert_eq!(upright.dimensions(), (800, 1200));
    let top = upright.get_pixel(400, 150);
    let bottom = upright.get_pixel(400, 1050);
    assert!(top[0] > 150 && top[2] < 110, "top {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 110, "bottom {bottom:?}");

    // A photo needing no turn keeps its image data byte for byte, without the metadata.
    let spare = std::fs::read(public.join("cases/photos/spare.jpg")).unwrap();
    let source = std::fs::read(site.root.join("content/cases/photos/spare.jpg")).unwrap();
    assert!(spare.len() < source.len());
    assert!(source.ends_with(&spare[2..]), "the image data is the source's");
    assert!(!jpeg_markers(&spare).0.contains(&0xE1));

    // No published image keeps EXIF, text chunks or a comment.
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let data = std::fs::read(path).unwrap();
        match ext {
            "jpg" => {
                let (markers, trailing) = jpeg_markers(&data);
                assert!(
                    markers.iter().all(|m| !(0xE1..=0xED).contains(m) && *m != 0xFE),
                    "{}: {markers:x?}",
                    path.display()
                );
                assert!(!trailing, "{}", path.display());
            }
            "png" => {
                let chunks = png_chunks(&data);
                for bad in ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"] {
                    assert!(!chunks.iter().any(|c| c == bad), "{}: {chunks:?}", path.display());
                }
            }
            "webp" => {
                let chunks = webp_chunks(&data);
                assert!(!chunks.iter().any(|c| c == "EXIF" || c == "XMP "), "{}", path.display());
            }
            _ => continue,
        }
        assert!(!data.windows(4).any(|w| w == b"Exif"), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 8, "{seen} images checked");
}

#[test]
fn images_in_the_text_get_their_size_copies_and_webp_where_smaller() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let html = site.page("/cases/photos/");
    let public = site.root.join("public");

    // The photo, below the first heading: lazy, upright size, a JPEG copy; no WebP
    // (lossless WebP is larger than JPEG for a photo).
    let (photo, picture) = img_tag(&html, "/cases/photos/phone.jpg");
    assert_eq!(attr(photo, "width"), Some("800"), "{photo}");
    assert_eq!(attr(photo, "height"), Some("1200"));
    assert_eq!(attr(photo, "loading"), Some("lazy"));
    assert_eq!(attr(photo, "decoding"), Some("async"));
    assert_eq!(attr(photo, "alt"), Some("车间"));
    assert!(attr(photo, "sizes").is_some_and(|s| s.contains("828px")), "{photo}");
    assert!(picture.is_none(), "{html}");
    let set = srcset(attr(photo, "srcset").unwrap());
    assert_eq!(
        set,
        [
            ("/cases/photos/phone.480w.jpg".to_string(), 480),
            ("/cases/photos/phone.jpg".to_string(), 800)
        ]
    );
    for (url, width) in &set {
        let copy = image::open(public.join(url.trim_start_matches('/'))).unwrap();
        assert_eq!((copy.width(), copy.height()), (*width, width * 3 / 2), "{url}");
    }
    assert!(!public.join("cases/photos/phone.480w.webp").exists());

    // The chart, above the first heading: loaded at once; WebP offered, smaller.
    let (chart, picture) = img_tag(&html, "/cases/photos/chart.png");
    assert_eq!(attr(chart, "loading"), None, "{chart}");
    assert_eq!(
        (attr(chart, "width"), attr(chart, "height")),
        (Some("1000"), Some("500"))
    );
    let picture = picture.expect("a <picture> with WebP");
    let source = &picture[..picture.find("<img").unwrap()];
    assert!(source.contains(r#"<source type="image/webp""#), "{picture}");
    let webp = srcset(attr(source, "srcset").unwrap());
    let png = srcset(attr(chart, "srcset").unwrap());
    assert_eq!(webp.iter().map(|(_, w)| *w).collect::<Vec<_>>(), [480, 960, 1000]);
    assert_eq!(png.iter().map(|(_, w)| *w).collect::<Vec<_>>(), [480, 960, 1000]);
    let size = |url: &str| {
        std::fs::metadata(public.join(url.trim_start_matches('/')))
            .unwrap()
            .len()
    };
    for ((w_url, width), (p_url, _)) in webp.iter().zip(&png) {
        let decoded = image::open(public.join(w_url.trim_start_matches('/'))).unwrap();
        assert_eq!(decoded.width(), *width);
        assert!(size(w_url) < size(p_url), "{w_url} is not smaller than {p_url}");
    }
    assert!(html.contains("</picture>"));

    // Remote images are left as written; an SVG gets its size from its viewBox.
    assert!(html.contains(r#"<img src="https://images.example.org/remote.jpg" alt="远程图片" />"#));
    let (svg, _) = img_tag(&html, "/cases/photos/plan.svg");
    assert_eq!((attr(svg, "width"), attr(svg, "height")), (Some("640"), Some("320")));
    assert_eq!(attr(svg, "srcset"), None);

    // WeChat: one plain image with its absolute address.
    let article = site.page("/cases/photos/wechat/");
    assert!(!article.contains("<picture") && !article.contains("srcset"));
    assert!(article.contains(r#"src="https://cases.example.org/cases/photos/chart.png""#));
}

#[test]
fn an_image_changed_between_builds_shows_its_new_size() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let before = site.page("/cases/photos/");
    assert!(before.contains(r#"width="800" height="1200""#));
    // Same page text, another photo under the same name (the Markdown cache must not keep the old tag).
    std::thread::sleep(std::time::Duration::from_millis(20));
    let dir = site.root.join("content/cases/photos");
    let mut plain = std::io::Cursor::new(Vec::new());
    photo(600, 400).write_to(&mut plain, image::ImageFormat::Jpeg).unwrap();
    std::fs::write(dir.join("phone.jpg"), plain.into_inner()).unwrap();
    site.build(&[]).assert_ok();
    let after = site.page("/cases/photos/");
    let (photo, _) = img_tag(&after, "/cases/photos/phone.jpg");
    assert_eq!(
        (attr(photo, "width"), attr(photo, "height")),
        (Some("600"), Some("400")),
        "{photo}"
    );
    let set = srcset(attr(photo, "srcset").unwrap());
    assert_eq!(set.iter().map(|(_, w)| *w).collect::<Vec<_>>(), [480, 600]);
    // A third build with nothing changed gives the same site.
    let snapshot = common::snapshot(&site.root.join("public"));
    site.build(&[]).assert_ok();
    assert_eq!(snapshot, common::snapshot(&site.root.join("public")));
}

#[test]
fn an_unreadable_image_in_the_text_is_an_error_with_its_line() {
    let site = site_with_photos();
    std::fs::write(
        site.root.join("content/cases/photos/phone.jpg"),
        b"\xFF\xD8 not a photo",
    )
    .unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/cases/photos/index.md:13:1: error: shows the image /cases/photos/phone.jpg, which cannot be read"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn check_warns_of_an_image_from_another_site() {
    let site = site_with_photos();
    let run = site.check(&[]);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        out.contains("content/cases/photos/index.md\n")
            && out
                .contains("15:1  warning  the image https://images.example.org/remote.jpg is loaded from another site")
            && out.contains("[remote-image]"),
        "{out}"
    );
    // The site's own images are not warned about.
    assert!(!out.contains("phone.jpg is loaded"), "{out}");
}

#[test]
fn a_second_build_takes_the_images_from_the_cache() {
    let site = site_with_photos();
    // Files are trusted by their stamp once they have settled (a second after their last change).
    std::thread::sleep(std::time::Duration::from_millis(1200));
    site.build(&[]).assert_ok();
    let record = std::fs::read_to_string(site.root.join(".showcase-cache/pictures.json")).unwrap();
    assert!(record.contains("/cases/photos/phone.jpg"), "{record}");
    let published = common::snapshot(&site.root.join("public"));
    site.build(&[]).assert_ok();
    // Nothing worked out again: the record (each entry with the time it was made) is the same.
    let again = std::fs::read_to_string(site.root.join(".showcase-cache/pictures.json")).unwrap();
    assert_eq!(record, again);
    assert_eq!(published, common::snapshot(&site.root.join("public")));
}
