//! The command line: one struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "showcase",
    version,
    about = "Builds bilingual case-study websites from Markdown"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into its output folder (public/ by default).
    Build(BuildArgs),
    /// Scaffold new content: `showcase new case NAME`.
    New(NewArgs),
    /// Record that translations are up to date with their originals.
    Translated(TranslatedArgs),
    /// Print, per section, how many pages are translated, stale or missing.
    Status(StatusArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site's folder, which holds site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: <root>/public].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Use this base URL instead of site.toml's, for a preview deployment.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include pages marked draft: true.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct TranslatedArgs {
    /// The translations to stamp, such as content/cases/ximalaya.en.md.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The site's folder [default: the nearest folder above FILE with a site.toml].
    #[arg(long)]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The site's folder, which holds site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Count pages marked draft: true too.
    #[arg(long)]
    pub drafts: bool,
    /// Also list the editorial findings (punctuation, glossary) of every file.
    #[arg(long)]
    pub lint: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub command: NewCommand,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A case in every language of the site, with the standard outline, as drafts.
    Case(NewCaseArgs),
}

#[derive(Debug, Args)]
pub struct NewCaseArgs {
    /// The case's name; it becomes the file name (Chinese becomes pinyin).
    pub name: String,
    /// The kind of case, a term of site.toml's kind taxonomy [default: the most common in --section].
    #[arg(long)]
    pub kind: Option<String>,
    /// The section's folder in content/ [default: the section with most cases of --kind, else the catalogue's].
    #[arg(long)]
    pub section: Option<String>,
    /// The site's folder, which holds site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}
