//! A CSV file read for the `csv` kind of argument: a header row and rows of the
//! same length, or an error at the CSV file's line that names the fix.

use std::path::Path;

use crate::keyed;
use crate::messages::Keyed;

/// A CSV file's header and rows.
#[derive(Debug, serde::Serialize)]
pub struct Table {
    /// The file's address on the site.
    pub url: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A problem with a CSV file: the line of the file (0 for the whole file) and the message.
pub type Problem = (usize, Keyed);

/// Reads the CSV file at `path`; `url` is its address on the site.
pub fn read(path: &Path, url: String) -> Result<Table, Problem> {
    let bytes = std::fs::read(path).map_err(|e| (0, keyed!("csv-unreadable", reason = e.to_string())))?;
    let text = String::from_utf8(bytes).map_err(|_| (0, keyed!("csv-not-utf8")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| problem(&e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if header.iter().all(String::is_empty) {
        return Err((1, keyed!("csv-no-header")));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| problem(&e))?;
        rows.push(record.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(Table { url, header, rows })
}

fn problem(e: &csv::Error) -> Problem {
    let line = e.position().map_or(0, |p| p.line() as usize);
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => (
            line,
            keyed!(
                "csv-ragged",
                cells = usize::try_from(*len).unwrap_or(usize::MAX),
                header = usize::try_from(*expected_len).unwrap_or(usize::MAX)
            ),
        ),
        _ => (line, keyed!("csv-bad", reason = e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ragged_rows_are_errors_at_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, "\u{feff}年份,企业数\n2023,12\n2024,15,9\n").unwrap();
        let (line, message) = read(&path, String::new()).unwrap_err();
        assert_eq!(line, 3);
        let message = message.english();
        assert!(message.contains("3 cells but the header has 2"), "{message}");
        std::fs::write(&path, "年份,企业数\n2023,\"1,2\"\n").unwrap();
        let table = read(&path, String::new()).unwrap();
        assert_eq!(table.header, ["年份", "企业数"]);
        assert_eq!(table.rows, [["2023", "1,2"]]);
    }
}
