//! Percent-encoding of the paths that go into URLs.
//!
//! Site paths are made from file names, which may hold spaces, `#`, `?`, `%`
//! or any Unicode. [`encode_name`] turns a file's path into a URL path that
//! means that file and nothing else (every byte outside the unreserved set
//! and `/` is encoded); [`encode_link`] makes any link ASCII-only while
//! keeping the characters that already have a meaning in it (`%`, `#`, `?`).

/// Characters kept as they are in every URL path.
fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
}

fn push_encoded(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(HEX[usize::from(b >> 4)] as char);
    out.push(HEX[usize::from(b & 15)] as char);
}

/// A file's path as a URL path: `/a/photo 1#2.png` → `/a/photo%201%232.png`.
pub fn encode_name(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if is_plain(b)
            || matches!(
                b,
                b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b':' | b'@'
            )
        {
            out.push(b as char);
        } else {
            push_encoded(&mut out, b);
        }
    }
    out
}

/// A link made ASCII: non-ASCII, spaces, control characters and `"<>\^`{|}` are
/// encoded; everything else, `%`, `#` and `?` included, is kept.
pub fn encode_link(link: &str) -> String {
    if link
        .bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'))
    {
        return link.to_string();
    }
    let mut out = String::with_capacity(link.len() + 16);
    for &b in link.as_bytes() {
        if b.is_ascii_graphic() && !matches!(b, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}') {
            out.push(b as char);
        } else {
            push_encoded(&mut out, b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_mean_one_file() {
        assert_eq!(encode_name("/a/photo 1#2?.png"), "/a/photo%201%232%3F.png");
        assert_eq!(encode_name("/100%.png"), "/100%25.png");
        assert_eq!(encode_name("/照片.png"), "/%E7%85%A7%E7%89%87.png");
        assert_eq!(encode_name("/cases/a-b_c.d~/"), "/cases/a-b_c.d~/");
    }

    #[test]
    fn links_become_ascii() {
        assert_eq!(encode_link("/cases/café/#x"), "/cases/caf%C3%A9/#x");
        assert_eq!(encode_link("/a%20b/?q=1"), "/a%20b/?q=1");
        assert_eq!(encode_link("/a b\"<>/"), "/a%20b%22%3C%3E/");
    }
}
