//! Text kept compressed (LZ4) while a site is built and served.

use std::sync::Arc;

/// Text kept compressed (LZ4) while the site is built: the rendered pages and
/// their plain text are most of a big site's memory, and shrink to about a
/// third; each is unpacked when the page or the search index needs it.
///
/// The bytes are shared: a clone (what `serve` keeps of the site it built
/// before) costs no copy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Packed(Option<Arc<[u8]>>);

impl Packed {
    /// The empty text.
    pub const EMPTY: Packed = Packed(None);

    pub fn new(text: &str) -> Packed {
        if text.is_empty() {
            return Packed::EMPTY;
        }
        Packed(Some(lz4_flex::compress_prepend_size(text.as_bytes()).into()))
    }

    pub fn unpack(&self) -> String {
        let Some(bytes) = &self.0 else {
            return String::new();
        };
        lz4_flex::decompress_size_prepended(bytes)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// Text packed by [`Packed::new`] earlier, as its bytes; `None` if they cannot be.
    pub fn from_packed(bytes: Vec<u8>) -> Option<Packed> {
        if bytes.is_empty() {
            Some(Packed::EMPTY)
        } else {
            (bytes.len() > 4).then(|| Packed(Some(bytes.into())))
        }
    }

    /// The packed bytes, for hashing.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_deref().unwrap_or_default()
    }
}
