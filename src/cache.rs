//! What builds keep between runs in `.showcase-cache/`: highlighted code
//! blocks (see `markdown::highlight`), the search index's record and the
//! pages' record. All of it only saves time: a missing, damaged or stale
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
/// when `each` returns false.
pub fn read_entries(path: &Path, magic: &[u8], header: &[u8], mut each: impl FnMut(u128, &[u8]) -> bool) {
    use io::Read;
    let Ok(file) = std::fs::File::open(path) else { return };
    let mut input = io::BufReader::with_capacity(1 << 16, file);
    let mut expected = Vec::with_capacity(magic.len() + 8 + header.len());
    expected.extend_from_slice(magic);
    expected.extend_from_slice(&(header.len() as u64).to_le_bytes());
    expected.extend_from_slice(header);
    let mut found = vec![0; expected.len()];
    if input.read_exact(&mut found).is_err() || found != expected {
        return;
    }
    let mut payload = Vec::new();
    loop {
        let mut head = [0u8; 24];
        if input.read_exact(&mut head).is_err() {
            return;
        }
        let key = u128::from_le_bytes(head[..16].try_into().unwrap_or_default());
        let len = u64::from_le_bytes(head[16..].try_into().unwrap_or_default());
        payload.clear();
        // Never more than the file holds, whatever the length says.
        if input.by_ref().take(len).read_to_end(&mut payload).is_err() || payload.len() as u64 != len {
            return;
        }
        let mut sum = [0u8; 8];
        if input.read_exact(&mut sum).is_err()
            || xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes() != sum
            || !each(key, &payload)
        {
            return;
        }
    }
}

/// Feeds what is written to it into a hash: serialise a value into it to hash it.
pub struct HashWriter<'a>(pub &'a mut Xxh3);

impl io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.update(bytes);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Adds one value to a hash as JSON, ended so that no two sequences of values
/// run together; false if the value cannot be written as JSON.
pub fn hash_value<T: Serialize + ?Sized>(hasher: &mut Xxh3, value: &T) -> bool {
    let ok = serde_json::to_writer(HashWriter(hasher), value).is_ok();
    // JSON never holds a raw NUL.
    hasher.update(b"\0");
    ok
}

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
}
