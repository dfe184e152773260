//! One module per subcommand.

pub mod build;
pub mod check;
pub mod new;
pub mod serve;
pub mod status;
pub mod translated;
