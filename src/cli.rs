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
    /// Include pages dated after today, which are otherwise published on their date.
    #[arg(long)]
    pub future: bool,
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
    /// Leave out drafts and pages scheduled or expired (served by default, marked).
    #[arg(long)]
    pub no_drafts: bool,
    /// Add the editing desk at /_edit/: edit, create and translate cases in the browser.
    #[arg(long)]
    pub edit: bool,
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
    /// Include pages dated after today, to check them before their date.
    #[arg(long)]
    pub future: bool,
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

/// The command line with its help in the language of `messages` (see
/// [`crate::messages`]): every command's `about` and every argument's help
/// from the catalog (`cli-build`, `cli-build-root`), and the option that
/// chooses that language, `--lang zh|en`, on every command (`init` has its own
/// `--lang`, the site's languages, whose first one it speaks; `casebook` has
/// its own, the books to print).
pub fn command(messages: &crate::messages::Messages) -> clap::Command {
    use clap::CommandFactory as _;
    let mut root = localise(Cli::command(), "cli", messages);
    // clap adds `showcase help [COMMAND]` when it builds the command.
    root.build();
    root.mut_subcommand("help", |help| {
        help.about(messages.text("cli-help-command", &[]))
            .help_template(template(messages))
            .subcommand_help_heading(messages.text("cli-commands-heading", &[]))
    })
}

/// The layout of a command's help, with its headings in the language of `messages`.
fn template(messages: &crate::messages::Messages) -> String {
    format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        messages.text("cli-usage-heading", &[])
    )
}

/// [`command`] for one command and, in turn, its subcommands.
fn localise(mut cmd: clap::Command, id: &str, messages: &crate::messages::Messages) -> clap::Command {
    let text = |id: &str| messages.text(id, &[]);
    let options = text("cli-options-heading");
    // The help of the arguments clap's derive made, from the catalog.
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (arg, positional) in args {
        let mut help = text(&format!("{id}-{arg}"));
        let heading = if positional {
            text("cli-arguments-heading")
        } else {
            options.clone()
        };
        // clap writes its notes in English: the catalog's words instead.
        let found = cmd.get_arguments().find(|a| a.get_id() == arg.as_str());
        let takes_value = found.is_some_and(|a| a.get_action().takes_values());
        let defaults: Vec<String> = found
            .filter(|_| takes_value)
            .map(|a| {
                a.get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let values: Vec<String> = found
            .filter(|a| takes_value && !a.is_hide_possible_values_set())
            .map(|a| {
                a.get_possible_values()
                    .iter()
                    .map(|v| v.get_name().to_string())
                    .collect()
            })
            .unwrap_or_default();
        if !values.is_empty() {
            help.push_str(&messages.text("cli-values", &[("values", values.join(", ").into())]));
        }
        if !defaults.is_empty() {
            help.push_str(&messages.text("cli-default", &[("value", defaults.join(",").into())]));
        }
        cmd = cmd.mut_arg(arg, |a| {
            let a = a.help(help).help_heading(heading);
            if takes_value {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd = cmd
        .help_template(template(messages))
        .subcommand_help_heading(text("cli-commands-heading"));
    cmd = cmd.about(text(id)).disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help(text("cli-help"))
            .help_heading(options.clone()),
    );
    if id == "cli" {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(text("cli-version"))
                .help_heading(options.clone()),
        );
    }
    if !cmd.get_arguments().any(|a| a.get_id() == "lang") {
        cmd = cmd.arg(
            clap::Arg::new("lang")
                .long("lang")
                .value_name("LANG")
                .value_parser(["zh", "en"])
                .hide_possible_values(true)
                .help(text("cli-lang"))
                .help_heading(options),
        );
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let child = format!("{id}-{name}");
        cmd = cmd.mut_subcommand(name, |s| localise(s, &child, messages));
    }
    cmd
}

/// The language of messages for a command line (see [`crate::messages::Lang::choose`]),
/// read before clap parses it so that `--help` speaks it too: `--lang` (for
/// `init`, the first of the site's languages it names stands for the site's),
/// the environment, then the default language of the site in `--root` (or the
/// nearest folder above the current one with a site.toml).
pub fn message_language(args: &[std::ffi::OsString]) -> crate::messages::Lang {
    use crate::messages::Lang;
    let args: Vec<String> = args.iter().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let value = |name: &str| {
        let mut found = None;
        for (i, arg) in args.iter().enumerate() {
            if arg == name {
                found = args.get(i + 1).cloned();
            } else if let Some(v) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
                found = Some(v.to_string());
            }
        }
        found
    };
    let command = args.iter().find(|a| !a.starts_with('-'));
    let init = command.is_some_and(|a| a == "init");
    let lang = value("--lang");
    let (flag, site_language) = if init {
        let first = lang.unwrap_or_else(|| "zh".to_string());
        (None, first.split(',').next().map(str::to_string))
    } else if command.is_some_and(|a| a == "casebook") {
        // casebook's --lang names the books to print, not the language it speaks.
        (None, None)
    } else {
        (lang.as_deref().and_then(Lang::of_locale), None)
    };
    let root = value("--root").map(PathBuf::from);
    Lang::choose(
        flag,
        |name| std::env::var(name).ok(),
        || site_language.or_else(|| site_default_language(root)),
    )
}

/// The `default_language` of the site.toml in `root`, or in the nearest folder
/// above the current one that has one; `None` if there is none or it cannot be read.
fn site_default_language(root: Option<PathBuf>) -> Option<String> {
    let file = match root {
        Some(root) => root.join(crate::config::CONFIG_FILE),
        None => std::env::current_dir()
            .ok()?
            .ancestors()
            .map(|dir| dir.join(crate::config::CONFIG_FILE))
            .find(|file| file.is_file())?,
    };
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    table.get("default_language")?.as_str().map(str::to_string)
}

/// A mistake on the command line in the language of `messages`: what was
/// wrong, the nearest right word, and where the help is. `None` for what clap
/// prints itself (help and version, and mistakes these messages do not cover).
pub fn error_text(
    error: &clap::Error,
    args: &[std::ffi::OsString],
    messages: &crate::messages::Messages,
) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        _ => String::new(),
    };
    let hint = |kind| {
        let like = text(kind);
        (!like.is_empty()).then(|| crate::keyed!("hint-did-you-mean", like = like))
    };
    // The command the mistake was made in, for the line that points to its help.
    let names: Vec<String> = command(messages)
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let command = match args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find(|a| !a.starts_with('-'))
    {
        Some(name) if names.iter().any(|n| *n == name) => format!("showcase {name}"),
        _ => "showcase".to_string(),
    };
    // `--port <PORT>` → `--port`.
    let option = |kind| text(kind).split(' ').next().unwrap_or("").to_string();
    let said = match error.kind() {
        ErrorKind::UnknownArgument if !text(ContextKind::InvalidArg).starts_with('-') => {
            crate::keyed!("usage-extra-argument", argument = text(ContextKind::InvalidArg))
        }
        ErrorKind::UnknownArgument => crate::keyed!(
            "usage-unknown-option",
            option = option(ContextKind::InvalidArg),
            hint = hint(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => crate::keyed!(
            "usage-unknown-command",
            command = text(ContextKind::InvalidSubcommand),
            hint = hint(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::InvalidValue => crate::keyed!(
            "usage-bad-value",
            value = text(ContextKind::InvalidValue),
            option = option(ContextKind::InvalidArg),
            values = text(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => crate::keyed!(
            "usage-invalid",
            value = text(ContextKind::InvalidValue),
            option = option(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingRequiredArgument => {
            crate::keyed!("usage-missing", arguments = text(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            crate::keyed!("usage-no-command")
        }
        ErrorKind::ArgumentConflict => crate::keyed!(
            "usage-conflict",
            option = option(ContextKind::InvalidArg),
            other = option(ContextKind::PriorArg)
        ),
        _ => return None,
    };
    Some(crate::msg!(
        messages,
        "usage-with-help",
        problem = said.text(messages),
        command = command
    ))
}
