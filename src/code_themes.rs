//! The colour themes for highlighted code: syntect's own, and the default,
//! `showcase-light` (syntect's InspiredGitHub made to read at WCAG AA). Config
//! checks a site's choice against [`theme_names`]; `check` reports a chosen
//! theme's colours that read below AA; the highlighter draws with them.

use std::sync::OnceLock;

use syntect::highlighting::{Color, Theme, ThemeSet};

/// The default highlight theme: syntect's InspiredGitHub with every colour darkened,
/// keeping its hue, until it reads at [`AA_CONTRAST`] on the theme's background.
pub const DEFAULT_THEME: &str = "showcase-light";
/// The theme the default is made from.
const DEFAULT_BASE: &str = "InspiredGitHub";
/// WCAG 2.1 AA for text of normal size (1.4.3).
pub const AA_CONTRAST: f64 = 4.5;

pub(crate) fn themes() -> &'static ThemeSet {
    static SET: OnceLock<ThemeSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = ThemeSet::load_defaults();
        if let Some(base) = set.themes.get(DEFAULT_BASE) {
            let mut theme = accessible(base);
            theme.name = Some(DEFAULT_THEME.to_string());
            set.themes.insert(DEFAULT_THEME.to_string(), theme);
        }
        set
    })
}

/// The relative luminance of a colour (WCAG 2.1).
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// The contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `colour` moved towards black (on a light background) or white (on a dark one) in
/// small steps until it reads at [`AA_CONTRAST`] on `background`; unchanged if it does.
fn readable(colour: Color, background: Color) -> Color {
    let dark_background = luminance(background) < 0.18;
    let mut c = colour;
    let mut step = 0u32;
    while contrast(c, background) < AA_CONTRAST && step < 100 {
        step += 1;
        let t = f64::from(step) / 100.0;
        let mix = |v: u8| {
            let v = f64::from(v);
            let target = if dark_background { 255.0 } else { 0.0 };
            (v + (target - v) * t).round() as u8
        };
        c = Color {
            r: mix(colour.r),
            g: mix(colour.g),
            b: mix(colour.b),
            a: colour.a,
        };
    }
    c
}

/// A copy of `theme` whose every text colour reads at [`AA_CONTRAST`] on its background.
fn accessible(theme: &Theme) -> Theme {
    let mut theme = theme.clone();
    let background = theme.settings.background.unwrap_or(Color::WHITE);
    if let Some(fg) = theme.settings.foreground {
        theme.settings.foreground = Some(readable(fg, background));
    }
    for item in &mut theme.scopes {
        if let Some(fg) = item.style.foreground {
            item.style.foreground = Some(readable(fg, item.style.background.unwrap_or(background)));
        }
    }
    theme
}

/// The colours of a highlight theme that read below [`AA_CONTRAST`] on its background:
/// each with its ratio, the lowest first; none for the default theme.
pub fn contrast_failures(name: &str) -> Vec<(String, f64)> {
    let Some(theme) = themes().themes.get(name) else {
        return Vec::new();
    };
    let background = theme.settings.background.unwrap_or(Color::WHITE);
    let mut colours: Vec<(Color, Color)> = Vec::new();
    colours.extend(theme.settings.foreground.map(|fg| (fg, background)));
    colours.extend(
        theme
            .scopes
            .iter()
            .filter_map(|item| Some((item.style.foreground?, item.style.background.unwrap_or(background)))),
    );
    let mut failures: Vec<(String, f64)> = colours
        .into_iter()
        .map(|(fg, bg)| (hex(fg), contrast(fg, bg)))
        .filter(|(_, ratio)| *ratio < AA_CONTRAST)
        .collect();
    failures.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    failures.dedup_by(|a, b| a.0 == b.0);
    failures
}

/// The names of the highlight themes, sorted.
pub fn theme_names() -> Vec<&'static str> {
    themes().themes.keys().map(String::as_str).collect()
}

/// A colour as `#rrggbb`.
pub(crate) fn hex(c: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_reads_at_aa_and_inspired_github_does_not() {
        assert_eq!(contrast_failures(DEFAULT_THEME), Vec::<(String, f64)>::new());
        let base = contrast_failures(DEFAULT_BASE);
        assert!(base.iter().any(|(c, _)| c == "#969896"), "{base:?}");
        // Dark themes are made lighter, not darker.
        let dark = themes().themes.get("base16-ocean.dark").unwrap();
        let bg = dark.settings.background.unwrap();
        let fixed = readable(
            Color {
                r: 0x4f,
                g: 0x5b,
                b: 0x66,
                a: 255,
            },
            bg,
        );
        assert!(contrast(fixed, bg) >= AA_CONTRAST && luminance(fixed) > luminance(bg));
        // The same hue: only moved towards black.
        let grey = readable(
            Color {
                r: 0x96,
                g: 0x98,
                b: 0x96,
                a: 255,
            },
            Color::WHITE,
        );
        assert!(grey.r <= 0x96 && grey.g <= 0x98 && contrast(grey, Color::WHITE) >= AA_CONTRAST);
    }
}
