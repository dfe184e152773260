//! One module per subcommand.

pub mod build;
pub mod casebook;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;
pub mod status;
pub mod theme;
pub mod translated;
