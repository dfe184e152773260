//! `showcase theme eject [NAME]`: copies the theme built into showcase into
//! the site's `themes/NAME/`, for changes beyond overriding single files.
//!
//! Steps: check the name and that the folder holds a site; refuse a theme
//! folder that exists; write every file of the built-in theme; say what to
//! change in site.toml when NAME is not the theme it names.

use crate::cli::{EjectArgs, ThemeArgs, ThemeCommand};
use crate::diagnostics::Failure;
use crate::messages::Messages;
use crate::msg;
use crate::theme_source::{self, BUILT_IN_NAME};

pub fn run(args: &ThemeArgs, messages: &Messages) -> Result<String, Failure> {
    match &args.command {
        ThemeCommand::Eject(eject) => eject_theme(eject, messages),
    }
}

fn eject_theme(args: &EjectArgs, messages: &Messages) -> Result<String, Failure> {
    let name = args.name.as_str();
    if name.is_empty() || name.contains(['/', '\\', ':']) || name.starts_with('.') {
        return Err(Failure::from(crate::keyed!("theme-bad-name", name = name)));
    }
    let site_toml = args.root.join("site.toml");
    if !site_toml.is_file() {
        return Err(Failure::from(crate::keyed!(
            "theme-not-a-site",
            folder = args.root.display().to_string()
        )));
    }
    let dest = args.root.join("themes").join(name);
    let files = theme_source::eject(&dest)?;
    let mut report = msg!(
        messages,
        "theme-copied",
        files = files,
        folder = dest.display().to_string()
    );
    report.push('\n');
    let text = std::fs::read_to_string(&site_toml).map_err(|e| Failure::io("read", &site_toml, e))?;
    let named = toml::from_str::<toml::Table>(&text)
        .ok()
        .and_then(|t| t.get("theme").and_then(|v| v.as_str()).map(str::to_string))
        .unwrap_or_else(|| BUILT_IN_NAME.to_string());
    if named == name {
        report.push_str(&msg!(messages, "theme-in-use"));
    } else {
        report.push_str(&msg!(messages, "theme-set-it", name = name, named = named.as_str()));
    }
    report.push('\n');
    Ok(report)
}
