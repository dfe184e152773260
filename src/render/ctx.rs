//! A template's context as a job builds it, and its key.

use std::path::Path;

use super::{Made, Mode};
use crate::diagnostics::Diagnostic;
use crate::templates::Theme;

/// A template's context as a job builds it, and a hash of everything put in it.
///
/// A page is a function of its template, the theme and this context alone: the
/// template functions read only the theme's UI strings, its asset links and the
/// base path, which [`Theme::fingerprint`] covers. So the same key under the same
/// theme fingerprint makes the same bytes, and a build can keep a page it made
/// before without rendering it. Views serialise the same way into the hash (as
/// JSON) as into the context; in [`Mode::Key`] the context is not built at all.
pub(super) struct Ctx {
    context: Option<tera::Context>,
    hasher: xxhash_rust::xxh3::Xxh3,
    /// False when no key is wanted, or once a value could not be hashed (the page
    /// is then always rendered).
    hashable: bool,
}

impl Ctx {
    pub(super) fn new(mode: Mode, path: &str) -> Ctx {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let hashable = mode != Mode::Render && crate::cache::hash_value(&mut hasher, path);
        Ctx {
            context: (mode != Mode::Key).then(tera::Context::new),
            hasher,
            hashable,
        }
    }

    pub(super) fn rendering(&self) -> bool {
        self.context.is_some()
    }

    pub(super) fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.hashable = self.hashable
            && crate::cache::hash_value(&mut self.hasher, key)
            && crate::cache::hash_value(&mut self.hasher, value);
        if let Some(context) = &mut self.context {
            context.insert(key, value);
        }
    }

    /// Inserts each field of the struct `value` makes into the context, and `key`
    /// into the key in its place: `key` must say all `value` is made of. `value` is
    /// made only when rendering.
    pub(super) fn extend_keyed<T: serde::Serialize, K: serde::Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: impl FnOnce() -> T,
    ) -> Result<(), Diagnostic> {
        self.hashable = self.hashable && crate::cache::hash_value(&mut self.hasher, key);
        if let Some(context) = &mut self.context {
            let fields = tera::Context::from_serialize(&value())
                .map_err(|e| Diagnostic::file_error("templates", e.to_string()))?;
            context.extend(fields);
        }
        Ok(())
    }

    /// Inserts the value `make` makes under `key` into the context, and into the
    /// key the hash `hash` gives of it (`None`: it cannot be hashed), where a
    /// hash made once serves every job that shows the value. `make` is called
    /// only when rendering, and its value is given back; `hash` only for a key,
    /// given the value when there is one.
    pub(super) fn insert_hashed<T: serde::Serialize>(
        &mut self,
        key: &'static str,
        hash: impl FnOnce(Option<&T>) -> Option<u64>,
        make: impl FnOnce() -> T,
    ) -> Option<T> {
        let value = self.context.is_some().then(make);
        if self.hashable {
            self.hashable = match hash(value.as_ref()) {
                Some(hash) => {
                    crate::cache::hash_value(&mut self.hasher, key) && crate::cache::hash_value(&mut self.hasher, &hash)
                }
                None => false,
            };
        }
        if let (Some(context), Some(value)) = (&mut self.context, &value) {
            context.insert(key, value);
        }
        value
    }

    /// The job gets no key: it is always rendered.
    pub(super) fn unkeyed(&mut self) {
        self.hashable = false;
    }

    /// Inserts a value into the context only, not into the key: a value made of
    /// what the key has already (a WeChat article, made of the page's view).
    pub(super) fn insert_unkeyed<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if let Some(context) = &mut self.context {
            context.insert(key, value);
        }
    }

    pub(super) fn key(&self) -> Option<u64> {
        self.hashable.then(|| self.hasher.digest())
    }

    /// The key, and the template rendered with the context when rendering.
    pub(super) fn render(
        self,
        theme: &Theme,
        template: &str,
        source: &Path,
    ) -> Result<(Option<u64>, Option<String>), Diagnostic> {
        self.rendered(template, |context| theme.render(template, context, source))
    }

    /// The job's file: its key, and its bytes when rendering.
    pub(super) fn finish(
        self,
        theme: &Theme,
        template: &str,
        source: &Path,
        path: String,
        lang: Option<usize>,
    ) -> Result<Made, Diagnostic> {
        let (key, text) = self.rendered(template, |context| theme.render_bytes(template, context, source))?;
        Ok(Made { path, key, text, lang })
    }

    /// The key with the template's name in it, and what `draw` makes of the
    /// context when rendering.
    fn rendered<T>(
        mut self,
        template: &str,
        draw: impl FnOnce(&tera::Context) -> Result<T, Diagnostic>,
    ) -> Result<(Option<u64>, Option<T>), Diagnostic> {
        self.hashable = self.hashable && crate::cache::hash_value(&mut self.hasher, template);
        let text = self.context.as_ref().map(draw).transpose()?;
        Ok((self.key(), text))
    }
}
