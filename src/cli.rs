//! The command line: one struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// `showcase --version`: the version and the commit it was built from, with its date.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("SHOWCASE_COMMIT"), ")");

#[derive(Debug, Parser)]
#[command(
    name = "showcase",
    version = VERSION,
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
    /// Check the site without writing anything: content, templates, links, anchors, images.
    Check(CheckArgs),
    /// Scaffold new content: `showcase new case NAME`.
    New(NewArgs),
    /// Record that translations are up to date with their originals.
    Translated(TranslatedArgs),
    /// Print, per section, how many pages are translated, stale or missing.
    Status(StatusArgs),
    /// Build the site into memory, serve it, and rebuild and reload the browser on every change.
    Serve(ServeArgs),
    /// Start a new site in an empty folder: it builds, checks clean and serves at once.
    Init(InitArgs),
    /// Work with the theme built into showcase: `showcase theme eject`.
    Theme(ThemeArgs),
    /// Typeset the cases as a printable PDF per language (典型案例汇编), or one case as a leaflet.
    Casebook(CasebookArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new site; it must be empty or not exist yet.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The site's languages, the default language first: zh,en | en,zh | zh | en.
    #[arg(long, value_delimiter = ',', default_value = "zh,en")]
    pub lang: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ThemeArgs {
    #[command(subcommand)]
    pub command: ThemeCommand,
}

#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Copy the built-in theme into themes/NAME/ to change more than single files.
    Eject(EjectArgs),
}

#[derive(Debug, Args)]
pub struct EjectArgs {
    /// The new theme's folder name in themes/.
    #[arg(default_value = "default")]
    pub name: String,
    /// The site's folder, which holds site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
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
pub struct ServeArgs {
    /// The site's folder, which holds site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The port to listen on.
    #[arg(short, long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; anything but a loopback address lets other machines read the site.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser once it is served.
    #[arg(long)]
    pub open: bool,
    /// Leave out pages marked draft: true (served by default, marked as drafts).
    #[arg(long)]
    pub no_drafts: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site's folder, which holds site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print the problems: text grouped by file, or one JSON document.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long)]
    pub strict: bool,
    /// Also check outbound http(s) links over the network.
    #[arg(long)]
    pub external: bool,
    /// Seconds to wait for each outbound link with --external.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    pub timeout: u64,
    /// Check the site as published at this base URL instead of site.toml's.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include pages marked draft: true.
    #[arg(long)]
    pub drafts: bool,
}

/// The output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
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

#[derive(Debug, Args)]
pub struct CasebookArgs {
    /// The site's folder, which holds site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The languages to print, by code [default: every language of the site].
    #[arg(long, value_delimiter = ',')]
    pub lang: Vec<String>,
    /// Print only the cases of this section (a folder of content/); may be given more than once.
    #[arg(long)]
    pub section: Vec<String>,
    /// Print one case as a leaflet: a Markdown file of content/.
    #[arg(long, value_name = "FILE")]
    pub case: Option<PathBuf>,
    /// The PDF to write; with several languages, the language goes before its extension
    /// [default: casebook.<lang>.pdf in the current folder].
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
