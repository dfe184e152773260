//! What builds keep between runs in `.showcase-cache/`: highlighted code
//! blocks (see `markdown::highlight`), the search index's record, the
//! pages' record and the record of the last build's sources and output
//! (see `site::unchanged`). All of it only saves time: a missing, damaged or stale
//! file is ignored and the work done afresh, so the folder is safe to delete
//! and never changes the output.

use std::io;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::Xxh3;

/// The cache's folder in the site's root.
pub const DIR: &str = ".showcase-cache";

/// The running program's version, size and modification time: a rebuilt
/// binary may render other bytes from the same input, so records made by
/// another program are not trusted.
pub fn program_stamp() -> String {
    let binary = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default();
    format!("{} {binary}", env!("CARGO_PKG_VERSION"))
}

/// How long before a folder was read a file must have last changed for its
/// [`file_stamp`] to be trusted: well above the coarsest clock tick of file systems.
pub const SETTLED: std::time::Duration = std::time::Duration::from_secs(1);

/// A file's size, modification and change times and inode, hashed: it changes
/// with every write (but two writes within one tick of the clock); 0 if unknown.
pub fn file_stamp(meta: &std::fs::Metadata) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&meta.len().to_le_bytes());
    if let Some(modified) = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
    {
        h.update(&modified.as_nanos().to_le_bytes());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        for part in [meta.ino(), meta.ctime() as u64, meta.ctime_nsec() as u64] {
            h.update(&part.to_le_bytes());
        }
    }
    h.digest().max(1)
}

/// When a file last changed: its change time where the system has one (a write
/// cannot set it back), else its modification time.
pub fn changed_at(meta: &std::fs::Metadata) -> Option<std::time::SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let seconds = u64::try_from(meta.ctime()).ok()?;
        let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
        std::time::UNIX_EPOCH.checked_add(std::time::Duration::new(seconds, nanos))
    }
    #[cfg(not(unix))]
    meta.modified().ok()
}

/// Reads a record saved by [`save`]; `None` if it is missing or does not verify.
pub fn load<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    let (sum, json) = text.split_once('\n')?;
    if u64::from_str_radix(sum, 16).ok()? != xxhash_rust::xxh3::xxh3_64(json.as_bytes()) {
        return None;
    }
    serde_json::from_str(json).ok()
}

/// Saves a record as JSON under a checksum line, replacing the old one whole.
pub fn save<T: Serialize>(path: &Path, record: &T) -> io::Result<()> {
    let json = serde_json::to_string(record).map_err(io::Error::other)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let temp = path.with_extension(format!("{}", std::process::id()));
    std::fs::write(
        &temp,
        format!("{:016x}\n{json}", xxhash_rust::xxh3::xxh3_64(json.as_bytes())),
    )?;
    std::fs::rename(&temp, path)
}

/// Writes a file of entries, each a key and bytes with a checksum, after a magic
/// line and a header (what must match for the entries to be read at all). The
/// file replaces the old one whole, when [`EntryWriter::finish`] is called.
pub struct EntryWriter {
    out: io::BufWriter<std::fs::File>,
    temp: std::path::PathBuf,
    path: std::path::PathBuf,
}

impl EntryWriter {
    pub fn create(path: &Path, magic: &[u8], header: &[u8]) -> io::Result<EntryWriter> {
        use io::Write;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temp = path.with_extension(format!("{}", std::process::id()));
        let mut out = io::BufWriter::new(std::fs::File::create(&temp)?);
        out.write_all(magic)?;
        out.write_all(&(header.len() as u64).to_le_bytes())?;
        out.write_all(header)?;
        Ok(EntryWriter {
            out,
            temp,
            path: path.to_path_buf(),
        })
    }

    pub fn put(&mut self, key: u128, payload: &[u8]) -> io::Result<()> {
        use io::Write;
        self.out.write_all(&key.to_le_bytes())?;
        self.out.write_all(&(payload.len() as u64).to_le_bytes())?;
        self.out.write_all(payload)?;
        self.out.write_all(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes())
    }

    pub fn finish(self) -> io::Result<()> {
        self.out.into_inner().map_err(|e| e.into_error())?;
        std::fs::rename(&self.temp, &self.path)
    }
}

/// Reads a file [`EntryWriter`] wrote, an entry at a time, handing each key and
/// payload to `each`. Nothing is read unless the magic line and the header are
/// the ones given; reading stops at the first entry that does not verify, or
/// when `each` returns false. True if every entry of the file was read.
pub fn read_entries(path: &Path, magic: &[u8], header: &[u8], mut each: impl FnMut(u128, &[u8]) -> bool) -> bool {
    use io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(size) = file.metadata().map(|m| m.len()) else {
        return false;
    };
    let mut input = io::BufReader::with_capacity(1 << 16, file);
    let mut expected = Vec::with_capacity(magic.len() + 8 + header.len());
    expected.extend_from_slice(magic);
    expected.extend_from_slice(&(header.len() as u64).to_le_bytes());
    expected.extend_from_slice(header);
    let mut found = vec![0; expected.len()];
    if input.read_exact(&mut found).is_err() || found != expected {
        return false;
    }
    let mut read = expected.len() as u64;
    let mut payload = Vec::new();
    loop {
        let mut head = [0u8; 24];
        if input.read_exact(&mut head).is_err() {
            return read == size;
        }
        let key = u128::from_le_bytes(head[..16].try_into().unwrap_or_default());
        let len = u64::from_le_bytes(head[16..].try_into().unwrap_or_default());
        payload.clear();
        // Never more than the file holds, whatever the length says.
        if input.by_ref().take(len).read_to_end(&mut payload).is_err() || payload.len() as u64 != len {
            return false;
        }
        let mut sum = [0u8; 8];
        if input.read_exact(&mut sum).is_err()
            || xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes() != sum
            || !each(key, &payload)
        {
            return false;
        }
        read += 24 + len + 8;
    }
}

/// Adds one value to a hash: the value as [`KeyWriter`] encodes it, which, unlike
/// JSON, copies strings as they are (escaping them was an eighth of a warm
/// build's time). False if the value cannot be serialised.
pub fn hash_value<T: Serialize + ?Sized>(hasher: &mut Xxh3, value: &T) -> bool {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|buffer| {
        let Ok(mut buffer) = buffer.try_borrow_mut() else {
            // A value whose serialisation hashes another value: no buffer to spare.
            let mut own = KeyWriter(Vec::new());
            let ok = value.serialize(&mut own).is_ok();
            hasher.update(&own.0);
            return ok;
        };
        buffer.clear();
        let mut writer = KeyWriter(std::mem::take(&mut *buffer));
        let ok = value.serialize(&mut writer).is_ok();
        hasher.update(&writer.0);
        *buffer = writer.0;
        ok
    })
}

/// Serialises a value for hashing, in an encoding no two values share: every
/// value starts with a tag byte naming its kind, strings and byte strings carry
/// their length, and sequences, tuples, maps and structs (with their field names)
/// are closed by an end byte. So the encoding is self-delimiting (it could be
/// read back without knowing the type), and values hashed one after another
/// never run together.
pub struct KeyWriter(pub Vec<u8>);

/// A value that could not be serialised (only a `Serialize` implementation's own error).
#[derive(Debug)]
pub struct KeyError(String);

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeyError {}

impl serde::ser::Error for KeyError {
    fn custom<T: std::fmt::Display>(message: T) -> KeyError {
        KeyError(message.to_string())
    }
}

impl KeyWriter {
    fn tag(&mut self, tag: u8) {
        self.0.push(tag);
    }

    fn len(&mut self, len: usize) {
        self.0.extend_from_slice(&(len as u64).to_le_bytes());
    }

    fn bytes(&mut self, tag: u8, bytes: &[u8]) {
        self.tag(tag);
        self.len(bytes.len());
        self.0.extend_from_slice(bytes);
    }

    /// A tag and a value of fixed width (its little-endian bytes).
    fn fixed(&mut self, tag: u8, bytes: &[u8]) -> KeyResult {
        self.tag(tag);
        self.0.extend_from_slice(bytes);
        Ok(())
    }

    fn variant(&mut self, tag: u8, index: u32) {
        let _ = self.fixed(tag, &index.to_le_bytes());
    }
}

/// The end of a sequence, tuple, map or struct: a byte no value starts with.
const END: u8 = b';';

type KeyResult = Result<(), KeyError>;

impl serde::Serializer for &mut KeyWriter {
    type Ok = ();
    type Error = KeyError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    /// Not human-readable: a value may hash as less than it shows (the hash of
    /// a page's packed HTML instead of the HTML, see `render::views::Html`).
    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, v: bool) -> KeyResult {
        self.tag(if v { b'T' } else { b'F' });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> KeyResult {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> KeyResult {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> KeyResult {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> KeyResult {
        self.fixed(b'i', &v.to_le_bytes())
    }
    fn serialize_i128(self, v: i128) -> KeyResult {
        self.fixed(b'I', &v.to_le_bytes())
    }
    fn serialize_u8(self, v: u8) -> KeyResult {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> KeyResult {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> KeyResult {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> KeyResult {
        self.fixed(b'u', &v.to_le_bytes())
    }
    fn serialize_u128(self, v: u128) -> KeyResult {
        self.fixed(b'U', &v.to_le_bytes())
    }
    fn serialize_f32(self, v: f32) -> KeyResult {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> KeyResult {
        self.fixed(b'f', &v.to_bits().to_le_bytes())
    }
    fn serialize_char(self, v: char) -> KeyResult {
        self.fixed(b'c', &u32::from(v).to_le_bytes())
    }
    fn serialize_str(self, v: &str) -> KeyResult {
        self.bytes(b's', v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> KeyResult {
        self.bytes(b'b', v);
        Ok(())
    }
    fn serialize_none(self) -> KeyResult {
        self.tag(b'N');
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> KeyResult {
        self.tag(b'S');
        value.serialize(self)
    }
    fn serialize_unit(self) -> KeyResult {
        self.tag(b'0');
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> KeyResult {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, index: u32, _variant: &'static str) -> KeyResult {
        self.variant(b'v', index);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> KeyResult {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        value: &T,
    ) -> KeyResult {
        self.variant(b'w', index);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, KeyError> {
        self.tag(b'[');
        Ok(self)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self, KeyError> {
        self.tag(b'(');
        Ok(self)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self, KeyError> {
        self.tag(b'(');
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, KeyError> {
        self.variant(b'x', index);
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, KeyError> {
        self.tag(b'{');
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, KeyError> {
        self.tag(b'<');
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, KeyError> {
        self.variant(b'y', index);
        Ok(self)
    }
}

/// The items of sequences, tuples and maps, each a value; then [`END`].
macro_rules! key_compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl serde::ser::$trait for &mut KeyWriter {
            type Ok = ();
            type Error = KeyError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> KeyResult {
                value.serialize(&mut **self)
            }
            fn end(self) -> KeyResult {
                self.tag(END);
                Ok(())
            }
        }
    )*};
}

key_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl serde::ser::SerializeMap for &mut KeyWriter {
    type Ok = ();
    type Error = KeyError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> KeyResult {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> KeyResult {
        value.serialize(&mut **self)
    }
    fn end(self) -> KeyResult {
        self.tag(END);
        Ok(())
    }
}

/// Struct fields go with their names: a field left out (`skip_serializing_if`)
/// cannot make the next one pass for it.
macro_rules! key_struct {
    ($($trait:ident),*) => {$(
        impl serde::ser::$trait for &mut KeyWriter {
            type Ok = ();
            type Error = KeyError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> KeyResult {
                self.bytes(b's', name.as_bytes());
                value.serialize(&mut **self)
            }
            fn end(self) -> KeyResult {
                self.tag(END);
                Ok(())
            }
        }
    )*};
}

key_struct!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_that_does_not_verify_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        let record = vec![("/a/".to_string(), 42u64)];
        save(&path, &record).unwrap();
        assert_eq!(load::<Vec<(String, u64)>>(&path), Some(record));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("42", "43")).unwrap();
        assert_eq!(load::<Vec<(String, u64)>>(&path), None);
        std::fs::write(&path, "garbage").unwrap();
        assert_eq!(load::<Vec<(String, u64)>>(&path), None);
        assert_eq!(load::<Vec<(String, u64)>>(&dir.path().join("missing")), None);
    }

    #[test]
    fn entries_are_read_back_until_one_does_not_verify() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entries.bin");
        let mut out = EntryWriter::create(&path, b"MAGIC\n", b"v1").unwrap();
        out.put(1, b"first").unwrap();
        out.put(2, b"second").unwrap();
        out.finish().unwrap();
        let read = |header: &[u8]| {
            let mut entries = Vec::new();
            read_entries(&path, b"MAGIC\n", header, |key, payload| {
                entries.push((key, payload.to_vec()));
                true
            });
            entries
        };
        assert_eq!(read(b"v1"), vec![(1, b"first".to_vec()), (2, b"second".to_vec())]);
        // Another header: nothing is read.
        assert!(read(b"v2").is_empty());
        // A byte changed in the second entry: the first is still read.
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.windows(6).position(|w| w == b"second").unwrap();
        bytes[at] = b'S';
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read(b"v1"), vec![(1, b"first".to_vec())]);
        // Cut short, or garbage: no panic.
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(read(b"v1").len(), 1);
        std::fs::write(&path, b"garbage").unwrap();
        assert!(read(b"v1").is_empty());
    }

    #[test]
    fn values_hash_apart() {
        let hash = |values: &[&str]| {
            let mut h = Xxh3::new();
            for v in values {
                assert!(hash_value(&mut h, v));
            }
            h.digest()
        };
        assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
        assert_eq!(hash(&["ab", "c"]), hash(&["ab", "c"]));
    }

    /// Values that JSON would tell apart are told apart, whatever their types and
    /// however they are split between calls; equal values give equal encodings.
    #[test]
    fn encodings_are_distinct_and_self_delimiting() {
        #[derive(Serialize)]
        struct Page<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            title: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            summary: Option<&'a str>,
        }
        #[derive(Serialize)]
        enum Kind {
            Unit,
            Wrapped(u8),
            Pair(u8, u8),
        }
        let one = |value: &dyn erased::Value| {
            let mut w = KeyWriter(Vec::new());
            value.write(&mut w);
            w.0
        };
        let values: Vec<Vec<u8>> = vec![
            one(&""),
            one(&0u64),
            one(&0i64),
            one(&0.0f64),
            one(&false),
            one(&()),
            one(&None::<u8>),
            one(&Some("")),
            one(&Some(None::<u8>)),
            one(&Vec::<String>::new()),
            one(&vec![""]),
            one(&vec!["", ""]),
            one(&vec![vec![""]]),
            one(&("", "")),
            one(&std::collections::BTreeMap::<String, String>::new()),
            one(&std::collections::BTreeMap::from([("".to_string(), "".to_string())])),
            one(&Page {
                title: Some("a"),
                summary: None,
            }),
            one(&Page {
                title: None,
                summary: Some("a"),
            }),
            one(&Page {
                title: None,
                summary: None,
            }),
            one(&Kind::Unit),
            one(&Kind::Wrapped(0)),
            one(&Kind::Pair(0, 0)),
            one(&"a;b"),
            one(&"a\"b"),
            one(&'c'),
        ];
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                assert_eq!(i == j, a == b, "values {i} and {j}");
                if i != j {
                    // Self-delimiting: no encoding is the start of another.
                    assert!(!b.starts_with(a), "value {i} starts value {j}");
                }
            }
        }
        assert_eq!(one(&vec!["a", "b"]), one(&["a", "b"].to_vec()));
    }

    /// Serialises through `&dyn`, so one list can hold values of many types.
    mod erased {
        pub trait Value {
            fn write(&self, w: &mut super::KeyWriter);
        }
        impl<T: serde::Serialize> Value for T {
            fn write(&self, w: &mut super::KeyWriter) {
                self.serialize(w).unwrap();
            }
        }
    }
}
