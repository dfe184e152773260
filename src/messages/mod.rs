//! Messages in the author's language: what the commands print around the
//! problems they find — summaries, reports, usage errors, `--help` — comes from
//! a Fluent catalog per language (`zh.ftl`, `en.ftl`, built into the binary).
//!
//! Steps: [`Lang::choose`] picks the language once per run (the `--lang` option,
//! then `SHOWCASE_LANG`, then the locale — `LC_ALL`, `LC_MESSAGES`, `LANG`, where
//! `C` and `POSIX` state no preference — then the site's default language, then
//! English); [`Messages::new`] loads its catalog; [`Messages::text`] (or the
//! [`msg!`](crate::msg) macro) formats one message with its arguments.
//! Rule ids, file:line:col, exit codes and `--format json` keys are the same in
//! every language.

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

/// A message's argument: text or a number (numbers choose plural forms).
pub type Arg<'a> = fluent_bundle::FluentValue<'a>;

/// The variable that chooses the language of messages when `--lang` does not.
pub const LANG_VAR: &str = "SHOWCASE_LANG";

/// The catalogs, by language.
const ZH: &str = include_str!("zh.ftl");
const EN: &str = include_str!("en.ftl");

/// A language showcase speaks to authors in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language a tag or locale names: `zh`, `zh-CN`, `zh_TW.UTF-8` are
    /// Chinese; any other language is English (the only other catalog); `None`
    /// for no preference (empty, `C`, `POSIX`).
    pub fn of_locale(value: &str) -> Option<Lang> {
        let language = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "" | "c" | "posix" => None,
            "zh" => Some(Lang::Zh),
            _ => Some(Lang::En),
        }
    }

    /// The language of messages: `flag` (`--lang`), else `SHOWCASE_LANG`, else
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (as POSIX reads
    /// them) unless it states no preference, else the site's default language
    /// (`site`, asked only then), else English. `var` reads the environment.
    pub fn choose(
        flag: Option<Lang>,
        var: impl Fn(&str) -> Option<String>,
        site: impl FnOnce() -> Option<String>,
    ) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        if let Some(lang) = var(LANG_VAR).as_deref().and_then(Lang::of_locale) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        if let Some(lang) = locale.as_deref().and_then(Lang::of_locale) {
            return lang;
        }
        site().as_deref().and_then(Lang::of_locale).unwrap_or(Lang::En)
    }
}

/// One language's catalog, ready to format messages.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    /// English, for a message the language's catalog lacks (a test keeps both complete).
    english: Option<Box<Messages>>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Messages({})", self.lang.code())
    }
}

impl Messages {
    pub fn new(lang: Lang) -> Messages {
        let source = match lang {
            Lang::Zh => ZH,
            Lang::En => EN,
        };
        let mut bundle = FluentBundle::new_concurrent(vec![lang.code().parse().unwrap_or_default()]);
        // Plain text for terminals: no Unicode isolation marks around arguments.
        bundle.set_use_isolating(false);
        // A catalog with a syntax error keeps the messages it could read (a test finds the error).
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        Messages {
            lang,
            bundle,
            english: (lang != Lang::En).then(|| Box::new(Messages::new(Lang::En))),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the catalog has a message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.get_message(id).and_then(|m| m.value()).is_some()
    }

    /// The message `id` with its arguments; the English one if this catalog lacks
    /// it, the id itself if both do.
    pub fn text(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match &self.english {
                Some(english) => english.text(id, args),
                None => id.to_string(),
            };
        };
        let mut fluent_args = fluent_bundle::FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// A message kept by its id and arguments, to be written in the reader's
/// language when it is shown: what a [`crate::diagnostics::Diagnostic`]
/// found while the site was read carries (made with [`keyed!`](crate::keyed)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Keyed {
    pub id: &'static str,
    pub args: Vec<(&'static str, KeyedArg)>,
}

/// An argument of a [`Keyed`] message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyedArg {
    Text(String),
    Number(i64),
    /// A message of its own, written in the same language first: the problem
    /// that `cover: …` or a shortcode's parameter wraps.
    Message(Box<Keyed>),
}

/// An optional part of a message (a hint): nothing when `None`.
impl From<Option<Keyed>> for KeyedArg {
    fn from(message: Option<Keyed>) -> Self {
        match message {
            Some(message) => KeyedArg::Message(Box::new(message)),
            None => KeyedArg::Text(String::new()),
        }
    }
}

impl From<Keyed> for KeyedArg {
    fn from(message: Keyed) -> Self {
        KeyedArg::Message(Box::new(message))
    }
}

impl From<&str> for KeyedArg {
    fn from(text: &str) -> Self {
        KeyedArg::Text(text.to_string())
    }
}

impl From<&&str> for KeyedArg {
    fn from(text: &&str) -> Self {
        KeyedArg::Text((*text).to_string())
    }
}

impl From<String> for KeyedArg {
    fn from(text: String) -> Self {
        KeyedArg::Text(text)
    }
}

impl From<&String> for KeyedArg {
    fn from(text: &String) -> Self {
        KeyedArg::Text(text.clone())
    }
}

impl From<usize> for KeyedArg {
    fn from(n: usize) -> Self {
        KeyedArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl Keyed {
    /// The message in the language of `messages`.
    pub fn text(&self, messages: &Messages) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    KeyedArg::Text(text) => Arg::from(text.as_str()),
                    KeyedArg::Number(n) => Arg::from(*n),
                    KeyedArg::Message(inner) => Arg::from(inner.text(messages)),
                };
                (*name, value)
            })
            .collect();
        messages.text(self.id, &args)
    }

    /// The message in English: what JSON reports and the tests read.
    pub fn english(&self) -> String {
        static ENGLISH: std::sync::OnceLock<Messages> = std::sync::OnceLock::new();
        self.text(ENGLISH.get_or_init(|| Messages::new(Lang::En)))
    }
}

/// `keyed!("id", name = value, …)`: a [`Keyed`] message.
#[macro_export]
macro_rules! keyed {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Keyed {
            id: $id,
            args: vec![$((stringify!($name), $crate::messages::KeyedArg::from($value))),*],
        }
    };
}

/// `msg!(messages, "id", name = value, …)`: [`Messages::text`] with named arguments.
#[macro_export]
macro_rules! msg {
    ($messages:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $messages.text($id, &[$((stringify!($name), $crate::messages::Arg::from($value))),*])
    };
}

#[cfg(test)]
mod tests;
