//! A sink that keeps the site in memory, for `showcase serve`.
//!
//! Every file the pipeline writes or copies lands in a map from its file path
//! relative to the output folder (`en/cases/a/index.html`, `feed.xml`) to its
//! bytes. When the build is done, [`Memory::into_files`] hands the whole map
//! over, so the server can swap it in at once: nothing is ever written to disk.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use super::{Sink, file_of};
use crate::diagnostics::Failure;

/// A built site: file path (no leading slash) → bytes.
pub type Files = HashMap<String, Vec<u8>>;

/// Collects the files of one build.
#[derive(Default)]
pub struct Memory {
    files: Mutex<Files>,
}

impl Memory {
    /// The files written, keyed by their path in the output folder.
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn keep(&self, site_path: &str, bytes: Vec<u8>) {
        let mut files = self.files.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        files.insert(file_of(site_path), bytes);
    }
}

impl Sink for Memory {
    fn write(&self, site_path: &str, bytes: &[u8]) -> Result<(), Failure> {
        self.keep(site_path, bytes.to_vec());
        Ok(())
    }

    fn copy(&self, source: &Path, site_path: &str) -> Result<(), Failure> {
        let bytes = std::fs::read(source).map_err(|e| Failure::io("read", source, e))?;
        self.keep(site_path, bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_files_by_their_output_path() {
        let memory = Memory::default();
        memory.write("/", b"home").unwrap();
        memory.write("/en/cases/a/", b"a").unwrap();
        memory.write("/feed.xml", b"feed").unwrap();
        let files = memory.into_files();
        assert_eq!(files["index.html"], b"home");
        assert_eq!(files["en/cases/a/index.html"], b"a");
        assert_eq!(files["feed.xml"], b"feed");
    }

    #[test]
    fn a_missing_source_is_an_error_naming_it() {
        let memory = Memory::default();
        match memory.copy(Path::new("/nonexistent/x.png"), "/x.png") {
            Err(Failure::Io { path, .. }) => assert_eq!(path, Path::new("/nonexistent/x.png")),
            other => panic!("{other:?}"),
        }
    }
}
