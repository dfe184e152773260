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
