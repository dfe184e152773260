//! Text kept compressed (LZ4) while a site is built and served.

/// Text kept compressed (LZ4) while the site is built: the rendered pages and
/// their plain text are most of a big site's memory, and shrink to about a
/// third; each is unpacked when the page or the search index needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Packed(Vec<u8>);

impl Packed {
    /// The empty text.
    pub const EMPTY: Packed = Packed(Vec::new());

    pub fn new(text: &str) -> Packed {
        if text.is_empty() {
            return Packed::default();
        }
        Packed(lz4_flex::compress_prepend_size(text.as_bytes()))
    }

    pub fn unpack(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        lz4_flex::decompress_size_prepended(&self.0)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// Text packed by [`Packed::new`] earlier, as its bytes; `None` if they cannot be.
    pub fn from_packed(bytes: Vec<u8>) -> Option<Packed> {
        (bytes.is_empty() || bytes.len() > 4).then_some(Packed(bytes))
    }

    /// The packed bytes, for hashing.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}
