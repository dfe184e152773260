//! Linking a library's docs: pairing translations, finding each doc's
//! section, giving every page its address in each language (and its fallback
//! pages), checking that no two share one, sorting the lists, and placing the
//! assets beside the page or section that holds them.

use std::collections::{HashMap, HashSet};

use super::*;

impl Library {
    /// Pairs translations, finds parents, gives URLs, sorts lists, places assets.
    pub(super) fn link(&mut self, config: &Config, other_files: &[String], errors: &mut Vec<Diagnostic>) {
        let nlang = config.languages.len();
        // Pair translations; two files for one key and language is an error.
        let mut translations: HashMap<String, Vec<Option<usize>>> = HashMap::new();
        for (i, doc) in self.docs.iter().enumerate() {
            let slot = &mut translations.entry(doc.key.clone()).or_insert_with(|| vec![None; nlang])[doc.lang];
            if let Some(other) = *slot {
                let other: &Doc = &self.docs[other];
                errors.push(Diagnostic::error_keyed(
                    doc.source.clone(),
                    0,
                    0,
                    crate::keyed!(
                        "link-two-versions",
                        other = other.source.display().to_string(),
                        lang = &config.languages[doc.lang].name
                    ),
                ));
            } else {
                *slot = Some(i);
            }
        }
        // A section and a bundle in one folder.
        let section_keys: HashSet<&str> = self
            .docs
            .iter()
            .filter(|d| d.kind == DocKind::Section)
            .map(|d| d.key.as_str())
            .collect();
        for doc in &self.docs {
            if doc.kind == DocKind::Page && doc.bundle && section_keys.contains(doc.key.as_str()) {
                errors.push(Diagnostic::error_keyed(
                    doc.source.clone(),
                    0,
                    0,
                    crate::keyed!("link-bundle-and-section"),
                ));
            }
        }
        let section_set: std::collections::HashSet<String> = self
            .docs
            .iter()
            .filter(|d| d.kind == DocKind::Section)
            .map(|d| d.key.clone())
            .collect();
        let is_section = |key: &str| section_set.contains(key);
        // Pages inside a bundle's folder.
        let bundle_keys: Vec<&str> = self.docs.iter().filter(|d| d.bundle).map(|d| d.key.as_str()).collect();
        for doc in &self.docs {
            if let Some(b) = bundle_keys
                .iter()
                .find(|b| doc.key != **b && doc.key.starts_with(&format!("{b}/")))
            {
                errors.push(Diagnostic::error_keyed(
                    doc.source.clone(),
                    0,
                    0,
                    crate::keyed!("link-inside-bundle", bundle = format!("{CONTENT_DIR}/{b}/")),
                ));
            }
        }

        // URL segment of each section folder: the section's slug, or the folder name as a slug.
        let mut segment_of: HashMap<String, String> = HashMap::new();
        let mut section_keys: Vec<&str> = self
            .docs
            .iter()
            .filter(|d| d.kind == DocKind::Section)
            .map(|d| d.key.as_str())
            .collect();
        section_keys.sort();
        section_keys.dedup();
        for key in &section_keys {
            let versions = &translations[*key];
            let slug = versions.iter().flatten().find_map(|&i| self.docs[i].fm.slug.clone());
            let name = key.rsplit('/').next().unwrap_or("");
            let segment = slug.unwrap_or_else(|| slug::slugify(name));
            if segment.is_empty() && !key.is_empty() {
                let doc = &self.docs[versions.iter().flatten().next().copied().unwrap_or(0)];
                errors.push(Diagnostic::error_keyed(
                    doc.source.clone(),
                    0,
                    0,
                    crate::keyed!("link-empty-folder-url", name = name),
                ));
            }
            segment_of.insert(key.to_string(), segment);
        }
        let section_path = |key: &str, lang: usize| -> String {
            let mut path = config.languages[lang].url_prefix.clone();
            let mut prefix = String::new();
            for part in key.split('/').filter(|p| !p.is_empty()) {
                prefix = if prefix.is_empty() {
                    part.to_string()
                } else {
                    format!("{prefix}/{part}")
                };
                path.push('/');
                path.push_str(segment_of.get(&prefix).map_or(part, String::as_str));
            }
            path.push('/');
            path
        };

        // Paths and parents.
        let mut by_path: HashMap<String, usize> = HashMap::new();
        for i in 0..self.docs.len() {
            let doc = &self.docs[i];
            let parent_key = match doc.kind {
                DocKind::Section if doc.key.is_empty() => None,
                DocKind::Section => Some(parent_folder(&doc.key)),
                DocKind::Page => Some(parent_folder(&doc.key)),
            };
            let mut parent = None;
            if let Some(parent_key) = parent_key {
                // The nearest folder above that is a section; the page's own folder should be one.
                let mut folder = parent_key.to_string();
                while !folder.is_empty() && !is_section(&folder) {
                    folder = parent_folder(&folder).to_string();
                }
                let home_missing = folder.is_empty() && !is_section("");
                if folder != parent_key && !home_missing {
                    errors.push(Diagnostic::error_keyed(
                        doc.source.clone(),
                        0,
                        0,
                        crate::keyed!("link-no-section-index", folder = format!("{CONTENT_DIR}/{parent_key}")),
                    ));
                }
                parent = translations.get(&folder).and_then(|v| v[doc.lang]);
                if parent.is_none() && is_section(&folder) && !folder.is_empty() {
                    let lang = &config.languages[doc.lang];
                    let expected = if doc.lang == 0 {
                        "_index.md".to_string()
                    } else {
                        format!("_index.{}.md", lang.code)
                    };
                    errors.push(Diagnostic::error_keyed(
                        doc.source.clone(),
                        0,
                        0,
                        crate::keyed!(
                            "link-section-no-version",
                            lang = &lang.name,
                            file = format!("{CONTENT_DIR}/{folder}/{expected}")
                        ),
                    ));
                }
            }
            let path = match doc.kind {
                DocKind::Section => section_path(&doc.key, doc.lang),
                DocKind::Page => {
                    let own = doc.fm.slug.clone();
                    let default_slug = translations[&doc.key][0].and_then(|d| self.docs[d].fm.slug.clone());
                    let name = if doc.bundle {
                        doc.key.rsplit('/').next().unwrap_or("")
                    } else {
                        doc.stem_name()
                    };
                    let slug = own.or(default_slug).unwrap_or_else(|| slug::slugify(name));
                    if slug.is_empty() {
                        errors.push(Diagnostic::error_keyed(
                            doc.source.clone(),
                            0,
                            0,
                            crate::keyed!("link-empty-file-url", name = name),
                        ));
                    }
                    format!("{}{slug}/", section_path(parent_folder(&doc.key), doc.lang))
                }
            };
            if let Some(&other) = by_path.get(&path) {
                let other = &self.docs[other];
                let slugged = if doc.fm.slug.is_some() || other.fm.slug.is_some() {
                    "yes"
                } else {
                    "no"
                };
                errors.push(
                    Diagnostic::error_keyed(
                        doc.source.clone(),
                        doc.fm.slug_line,
                        if doc.fm.slug_line > 0 { 1 } else { 0 },
                        crate::keyed!(
                            "link-same-address",
                            other = other.source.display().to_string(),
                            path = &path,
                            slugged = slugged
                        ),
                    )
                    .rule("duplicate-url"),
                );
            } else {
                by_path.insert(path.clone(), i);
            }
            let doc = &mut self.docs[i];
            doc.path = path;
            doc.parent = parent;
        }

        // Untranslated pages stand in for their translation where the language asks for it.
        for i in 0..self.docs.len() {
            let doc = &self.docs[i];
            let mut fallbacks = vec![None; nlang];
            if doc.lang == 0 && doc.kind == DocKind::Page {
                for (lang, language) in config.languages.iter().enumerate().skip(1) {
                    if language.fallback != crate::config::Fallback::Notice || translations[&doc.key][lang].is_some() {
                        continue;
                    }
                    let path = format!("{}{}", language.url_prefix, doc.path);
                    if let Some(&other) = by_path.get(&path) {
                        errors.push(Diagnostic::error_keyed(
                            self.docs[other].source.clone(),
                            0,
                            0,
                            crate::keyed!(
                                "link-notice-address",
                                path = &path,
                                lang = &language.name,
                                original = doc.source.display().to_string()
                            ),
                        ));
                        continue;
                    }
                    by_path.insert(path.clone(), i);
                    fallbacks[lang] = Some(path);
                }
            }
            self.docs[i].fallbacks = fallbacks;
        }

        // Aliases: redirects that must not take the place of a page or of each other.
        for (i, doc) in self.docs.iter().enumerate() {
            for alias in &doc.fm.aliases {
                let key = alias.trim_end_matches("index.html").to_string();
                if let Some(&other) = by_path.get(&key) {
                    let other = &self.docs[other];
                    let what = if other.path == key { "page" } else { "alias" };
                    errors.push(
                        Diagnostic::error_keyed(
                            doc.source.clone(),
                            0,
                            0,
                            crate::keyed!(
                                "link-alias-taken",
                                alias = alias,
                                what = what,
                                other = other.source.display().to_string()
                            ),
                        )
                        .rule("duplicate-url"),
                    );
                } else {
                    by_path.insert(key, i);
                }
            }
        }

        // Cases need a date.
        for doc in &self.docs {
            if doc.is_case() && doc.fm.date.is_none() {
                errors.push(
                    Diagnostic::error_keyed(doc.source.clone(), 1, 1, crate::keyed!("link-case-no-date"))
                        .rule("missing-date"),
                );
            }
            if doc.lang == 0 && doc.fm.translated_from.is_some() {
                errors.push(Diagnostic::error_keyed(
                    doc.source.clone(),
                    doc.fm.translated_from_line,
                    1,
                    crate::keyed!("link-original-translated-from", lang = &config.languages[0].name),
                ));
            }
            if doc.kind == DocKind::Section && doc.fm.draft {
                errors.push(Diagnostic::error_keyed(
                    doc.source.clone(),
                    0,
                    0,
                    crate::keyed!("link-section-draft"),
                ));
            }
        }

        // Lists.
        for (i, doc) in self.docs.iter().enumerate() {
            if let Some(parent) = doc.parent {
                let list = match doc.kind {
                    DocKind::Page => self.pages_of.entry(parent).or_default(),
                    DocKind::Section => self.sections_of.entry(parent).or_default(),
                };
                list.push(i);
            }
        }
        let docs = &self.docs;
        for list in self.pages_of.values_mut().chain(self.sections_of.values_mut()) {
            list.sort_by(|&a, &b| listing_order(&docs[a], &docs[b]));
        }

        // Assets: beside the bundle or section folder that holds them.
        // The folders that hold assets: sections and bundles, by key.
        let holders: HashMap<&str, &Vec<Option<usize>>> = translations
            .iter()
            .filter(|(_, versions)| {
                versions
                    .iter()
                    .flatten()
                    .any(|&d| docs[d].kind == DocKind::Section || docs[d].bundle)
            })
            .map(|(key, versions)| (key.as_str(), versions))
            .collect();
        for rel in other_files {
            // The nearest holder: the asset's folder, or the closest folder above it.
            let mut folder = parent_folder(rel);
            let holder = loop {
                if let Some(&versions) = holders.get(folder) {
                    break Some((folder, versions));
                }
                if folder.is_empty() {
                    break None;
                }
                folder = parent_folder(folder);
            };
            let path = match holder {
                Some((key, versions)) => {
                    let doc = &docs[versions.iter().flatten().next().copied().unwrap_or(0)];
                    let base = if doc.lang == 0 {
                        doc.path.clone()
                    } else {
                        // The asset lives at the default language's path.
                        doc.path
                            .strip_prefix(&config.languages[doc.lang].url_prefix)
                            .unwrap_or(&doc.path)
                            .to_string()
                    };
                    let inner = if key.is_empty() {
                        rel.as_str()
                    } else {
                        &rel[key.len() + 1..]
                    };
                    format!("{base}{inner}")
                }
                None => format!("/{rel}"),
            };
            let source = config.root.join(CONTENT_DIR).join(rel);
            if by_path.contains_key(&path)
                || path.ends_with("/index.html") && by_path.contains_key(path.trim_end_matches("index.html"))
            {
                errors.push(
                    Diagnostic::error_keyed(
                        display_path(config, &format!("{CONTENT_DIR}/{rel}")),
                        0,
                        0,
                        crate::keyed!("file-overwrites-page", path = path.as_str()),
                    )
                    .rule("duplicate-url"),
                );
            }
            self.assets.insert(rel.clone(), Asset { source, path });
        }
        self.translations = translations;
    }
}
