//! showcase as a library: the modules of the `showcase` binary, so that fuzz
//! targets and tests can call the pipeline's steps directly. The command line
//! lives in `main.rs`; nothing here is a stable API.

pub mod cache;
pub mod casebook;
pub mod cli;
pub mod cmd;
pub mod code_themes;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fuzzing;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod packed;
pub mod qr;
pub mod render;
pub mod search;
pub mod site;
pub mod templates;
pub mod text;
pub mod theme_source;
pub mod url;
