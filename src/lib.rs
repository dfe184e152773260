//! showcase as a library: the modules of the `showcase` binary, so that fuzz
//! targets and tests can call the pipeline's steps directly. The command line
//! lives in `main.rs`; nothing here is a stable API.

pub mod cache;
pub mod casebook;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fuzzing;
pub mod markdown;
pub mod output;
pub mod render;
pub mod search;
pub mod templates;
pub mod theme_source;
pub mod url;
