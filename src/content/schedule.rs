//! Publishing over time: a page dated after today is scheduled, and a page
//! whose `expires:` day has passed is taken down.
//!
//! Steps: today is read once per run, in the site's time zone (`timezone` in
//! site.toml, Asia/Shanghai unless it says), or from `SHOWCASE_TODAY` for
//! tests and reproducible runs; [`withheld`] then tells, from a page's front
//! matter alone, whether it is published today. The library leaves withheld
//! pages out as it leaves drafts out (lists, terms, feeds, sitemap, search,
//! counts), unless the run asks for them: `build --future` for scheduled
//! pages, `serve` for both, marked on the page.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::front_matter::FrontMatter;
use crate::config::Config;
use crate::diagnostics::Failure;

/// The environment variable that sets today's date (YYYY-MM-DD), for tests and reproducible runs.
pub const TODAY_VAR: &str = "SHOWCASE_TODAY";

pub use crate::config::{DEFAULT_TIME_ZONE, time_zone};

/// Why a page is not published today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// Dated after today: published on its date.
    Scheduled(Date),
    /// Its `expires:` day has passed: taken down since the day after.
    Expired(Date),
}

impl Withheld {
    pub fn is_scheduled(self) -> bool {
        matches!(self, Withheld::Scheduled(_))
    }
}

/// A page left out of the library because it is not published today.
#[derive(Debug, Clone)]
pub struct Held {
    /// Its language-neutral content path: `cases/a.md`.
    pub path: String,
    /// The file, as shown in messages, and the line of its `date:` or `expires:`.
    pub source: std::path::PathBuf,
    pub line: usize,
    pub why: Withheld,
}

/// Whether a page with this front matter is withheld on `today`: a `date` after
/// today, or an `expires` before it (the page is still up on its `expires` day).
pub fn withheld(fm: &FrontMatter, today: Date) -> Option<Withheld> {
    if let Some(date) = fm.date
        && date > today
    {
        return Some(Withheld::Scheduled(date));
    }
    match fm.expires {
        Some(expires) if expires < today => Some(Withheld::Expired(expires)),
        _ => None,
    }
}

/// Today in the site's time zone, or the day `SHOWCASE_TODAY` names.
pub fn today(config: &Config) -> Result<Date, Failure> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => text.trim().parse::<Date>().map_err(|_| {
            Failure::from(crate::keyed!(
                "today-not-date",
                var = TODAY_VAR,
                written = text.as_str()
            ))
        }),
        Err(_) => {
            let tz = time_zone(&config.timezone).unwrap_or(TimeZone::UTC);
            Ok(jiff::Timestamp::now().to_zoned_datetime(tz).date())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn fm(date: Option<Date>, expires: Option<Date>) -> FrontMatter {
        FrontMatter {
            date,
            expires,
            ..Default::default()
        }
    }

    #[test]
    fn a_page_is_up_from_its_date_to_its_expiry_day() {
        let page = fm(Some(date(2027, 1, 5)), Some(date(2027, 2, 1)));
        assert_eq!(
            withheld(&page, date(2027, 1, 4)),
            Some(Withheld::Scheduled(date(2027, 1, 5)))
        );
        assert_eq!(withheld(&page, date(2027, 1, 5)), None);
        assert_eq!(withheld(&page, date(2027, 2, 1)), None);
        assert_eq!(
            withheld(&page, date(2027, 2, 2)),
            Some(Withheld::Expired(date(2027, 2, 1)))
        );
        assert_eq!(withheld(&fm(None, None), date(2027, 1, 1)), None);
    }

    #[test]
    fn china_is_known_without_a_time_zone_database() {
        assert!(time_zone("Asia/Shanghai").is_some());
        assert!(time_zone("Mars/Olympus").is_none());
    }
}
