use super::*;

/// The catalog's entries: id → the names of the variables it uses.
fn entries(source: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut out: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() && current.is_none() {
            continue;
        }
        if let Some((id, _)) = line.split_once(" =")
            && !line.starts_with(' ')
        {
            current = Some(id.to_string());
            out.entry(id.to_string()).or_default();
        }
        let Some(id) = &current else { continue };
        let vars = out.entry(id.clone()).or_default();
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            let name: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            rest = &rest[at + 1 + name.len()..];
            vars.insert(name);
        }
    }
    out
}

#[test]
fn both_catalogs_parse_and_have_the_same_messages_with_the_same_arguments() {
    for (name, source) in [("zh.ftl", ZH), ("en.ftl", EN)] {
        if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
            panic!("{name} has syntax errors: {errors:?}");
        }
    }
    let (zh, en) = (entries(ZH), entries(EN));
    assert!(en.len() > 50, "{en:?}");
    let zh_ids: Vec<&String> = zh.keys().collect();
    let en_ids: Vec<&String> = en.keys().collect();
    assert_eq!(zh_ids, en_ids, "the same messages in both catalogs");
    for (id, vars) in &en {
        assert_eq!(&zh[id], vars, "the arguments of {id}");
        // Every message formats in both languages (terms are not messages).
        for lang in [Lang::Zh, Lang::En] {
            assert!(id.starts_with('-') || Messages::new(lang).has(id), "{id} in {lang:?}");
        }
    }
}

/// Every `msg!(…, "id"` and `keyed!("id"` in the code names a message of the catalogs, and every
/// message but the command line's help (looked up by the command's shape) is used.
#[test]
fn every_message_used_exists_and_every_message_is_used() {
    let catalog = entries(EN);
    let mut used = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // The catalogs' own tests use messages without printing them.
        let counts = !entry.path().ends_with("messages/tests.rs");
        let uses = text
            .match_indices("msg!(")
            .map(|(at, _)| (at + "msg!(".len(), true))
            .chain(
                text.match_indices("keyed!(")
                    .map(|(at, _)| (at + "keyed!(".len(), false)),
            );
        for (at, second) in uses {
            let rest = &text[at..];
            // msg!(messages, "id", …): the id is the second argument; keyed!("id", …) the first.
            let rest = if second {
                match rest.split_once(',').map(|(_, r)| r.trim_start()) {
                    Some(rest) => rest,
                    None => continue,
                }
            } else {
                rest.trim_start()
            };
            let Some(rest) = rest.strip_prefix('"') else { continue };
            let id: String = rest.chars().take_while(|c| *c != '"').collect();
            if id == "id"
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                continue; // the macros' documentation, this test's own code
            }
            assert!(catalog.contains_key(&id), "{}: no message {id}", entry.path().display());
            if counts {
                used.insert(id);
            }
        }
    }
    // Terms (-field) are used by the messages, not by the code.
    for id in catalog
        .keys()
        .filter(|id| !id.starts_with("cli") && !id.starts_with('-'))
    {
        assert!(used.contains(id), "{id} is in the catalogs but nothing prints it");
    }
}

#[test]
fn arguments_and_plurals() {
    let en = Messages::new(Lang::En);
    let zh = Messages::new(Lang::Zh);
    assert_eq!(
        crate::msg!(en, "errors-found", count = 1),
        "showcase: 1 error found; nothing was written"
    );
    assert_eq!(
        crate::msg!(en, "errors-found", count = 3),
        "showcase: 3 errors found; nothing was written"
    );
    assert_eq!(
        crate::msg!(zh, "errors-found", count = 3),
        "showcase：发现 3 个错误，未写入任何文件"
    );
    assert_eq!(crate::msg!(zh, "io-action", action = "write"), "写入");
    assert_eq!(crate::msg!(en, "io-action", action = "write"), "write");
    // No isolation marks around arguments in a terminal.
    assert!(!crate::msg!(zh, "usage-problem", message = "x").contains('\u{2068}'));
    // A keyed message: English for JSON and tests, Chinese for the author, a field explained.
    let keyed = crate::keyed!("fm-unknown-field-like", field = "sumary", like = "summary");
    assert_eq!(keyed.english(), "unknown field \"sumary\"; did you mean \"summary\"?");
    assert_eq!(keyed.text(&zh), "未知字段 sumary，您是否想写 summary（摘要）？");
}

#[test]
fn the_language_is_the_flag_then_the_environment_then_the_site() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    };
    let zh_site = || Some("zh".to_string());
    let en_site = || Some("en".to_string());
    assert_eq!(
        Lang::choose(Some(Lang::En), env(&[("LANG", "zh_CN.UTF-8")]), zh_site),
        Lang::En
    );
    assert_eq!(
        Lang::choose(None, env(&[("SHOWCASE_LANG", "zh"), ("LANG", "en_US.UTF-8")]), en_site),
        Lang::Zh
    );
    assert_eq!(Lang::choose(None, env(&[("LANG", "zh_CN.UTF-8")]), en_site), Lang::Zh);
    assert_eq!(Lang::choose(None, env(&[("LANG", "en_US.UTF-8")]), zh_site), Lang::En);
    // LC_ALL before LANG; C and POSIX state no preference: the site decides.
    assert_eq!(
        Lang::choose(None, env(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US")]), en_site),
        Lang::Zh
    );
    assert_eq!(Lang::choose(None, env(&[("LANG", "C.UTF-8")]), zh_site), Lang::Zh);
    assert_eq!(Lang::choose(None, env(&[("LANG", "C")]), en_site), Lang::En);
    assert_eq!(Lang::choose(None, env(&[("LANG", "POSIX")]), || None), Lang::En);
    // Another language than the two: English.
    assert_eq!(Lang::choose(None, env(&[("LANG", "de_DE.UTF-8")]), zh_site), Lang::En);
}

/// The help of every command and argument of the command line is in the
/// catalogs, and the catalogs hold no help of commands or arguments that do not exist.
#[test]
fn the_command_line_help_is_complete_in_both_languages() {
    use clap::CommandFactory as _;
    fn ids(cmd: &clap::Command, id: &str, out: &mut std::collections::BTreeSet<String>) {
        out.insert(id.to_string());
        for arg in cmd.get_arguments() {
            out.insert(format!("{id}-{}", arg.get_id()));
        }
        for sub in cmd.get_subcommands() {
            ids(sub, &format!("{id}-{}", sub.get_name()), out);
        }
    }
    let mut wanted = std::collections::BTreeSet::new();
    ids(&crate::cli::Cli::command(), "cli", &mut wanted);
    for fixed in [
        "cli-help",
        "cli-version",
        "cli-lang",
        "cli-usage-heading",
        "cli-commands-heading",
    ] {
        wanted.insert(fixed.to_string());
    }
    for fixed in [
        "cli-options-heading",
        "cli-arguments-heading",
        "cli-help-command",
        "cli-values",
        "cli-default",
    ] {
        wanted.insert(fixed.to_string());
    }
    let have: std::collections::BTreeSet<String> = entries(EN).into_keys().filter(|id| id.starts_with("cli")).collect();
    assert_eq!(have, wanted);

    // And the help shows them: in Chinese, with Chinese headings.
    let zh = Messages::new(Lang::Zh);
    let mut cmd = crate::cli::command(&zh);
    let help = cmd.render_help().to_string();
    assert!(help.contains("用 Markdown 生成中英双语的案例网站"), "{help}");
    assert!(help.contains("用法: showcase"), "{help}");
    assert!(
        help.contains("命令") && help.contains("选项") && help.contains("显示帮助"),
        "{help}"
    );
    let build = cmd.find_subcommand_mut("build").unwrap().render_help().to_string();
    assert!(build.contains("网站所在的文件夹（其中有 site.toml）。"), "{build}");
    assert!(build.contains("--lang <LANG>"), "{build}");
    let en = crate::cli::command(&Messages::new(Lang::En)).render_help().to_string();
    assert!(
        en.contains("Usage: showcase") && en.contains("Builds bilingual case-study websites"),
        "{en}"
    );
}

/// Messages of problems that are written in English only, by file: those read
/// by whoever writes templates and themes, in the words of the template engine
/// (Tera) or of the typesetter (Typst), and the constructors of the front
/// matter's problems, which take their text from the catalogs. Every file
/// must have exactly its number, and no other file any: a new message goes
/// into the catalogs, and a message moved into them lowers the number here.
const ENGLISH_ONLY: &[(&str, usize)] = &[
    // Templates and themes: Tera's errors, for whoever writes the theme.
    ("src/templates/mod.rs", 11),
    ("src/theme_source.rs", 1),
    ("src/render/ctx.rs", 1),
    ("src/render/feeds.rs", 1),
    ("src/render/jobs.rs", 1),
    ("src/render/mod.rs", 2),
    ("src/render/wechat/mod.rs", 2),
    // Shortcode templates that do not parse or declare their arguments wrongly.
    ("src/markdown/shortcodes/mod.rs", 4),
    ("src/markdown/shortcodes/expand.rs", 1),
    // Typst's own errors in the casebook's template.
    ("src/casebook/world.rs", 2),
    // The place of a site.toml problem, which every message of site.toml goes through.
    ("src/config/parse.rs", 1),
    // Problem::new inside the constructors of front-matter problems.
    ("src/content/front_matter.rs", 2),
];

#[test]
fn problems_are_in_the_catalogs_but_for_the_files_listed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let makers = [
        "Diagnostic::error(",
        "Diagnostic::warning(",
        "Diagnostic::file_error(",
        "Diagnostic::info(",
        "Problem::new(",
    ];
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("src")) {
        let entry = entry.unwrap();
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        // The constructors themselves, the catalogs' own code, and tests.
        if path.extension().is_none_or(|e| e != "rs")
            || rel == "src/diagnostics.rs"
            || rel.starts_with("src/messages/")
            || rel.ends_with("tests.rs")
            || rel.ends_with("/test.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        // Only the code before a file's own tests.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let count: usize = makers.iter().map(|m| code.matches(m).count()).sum();
        if count == 0 {
            continue;
        }
        let allowed = ENGLISH_ONLY.iter().find(|(f, _)| *f == rel).map_or(0, |(_, n)| *n);
        if count > allowed {
            found.push(format!(
                "{rel}: {count} messages outside the catalogs (allowed {allowed}); write them with keyed!"
            ));
        } else if count < allowed {
            found.push(format!(
                "{rel}: {count} messages outside the catalogs, fewer than the {allowed} of ENGLISH_ONLY; lower its number"
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
