//! The words the casebook prints around the content, in Chinese and English
//! (any other language gets the English ones).

/// The casebook's fixed words in one language.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub casebook: &'static str,
    pub contents: &'static str,
    pub organisation: &'static str,
    pub level: &'static str,
    pub date: &'static str,
    pub source: &'static str,
    pub scan: &'static str,
    /// After the title of a case printed in its original language.
    pub original_mark: &'static str,
    pub fallback_notice: &'static str,
    pub no_cases: &'static str,
    pub list_separator: &'static str,
    municipal: &'static str,
    district: &'static str,
    cjk: bool,
}

impl Labels {
    pub fn of(code: &str) -> Labels {
        if crate::config::is_cjk_code(code) {
            Labels {
                casebook: "典型案例汇编",
                contents: "目录",
                organisation: "单位",
                level: "级别",
                date: "日期",
                source: "信息来源",
                scan: "扫码阅读网页版",
                original_mark: "（原文）",
                fallback_notice: "本案例尚无此语言版本，以下为原文。",
                no_cases: "没有可收录的案例。",
                list_separator: "、",
                municipal: "市级",
                district: "区级",
                cjk: true,
            }
        } else {
            Labels {
                casebook: "Casebook",
                contents: "Contents",
                organisation: "Organisation",
                level: "Level",
                date: "Date",
                source: "Source",
                scan: "Scan to read on the web",
                original_mark: "(original)",
                fallback_notice: "This case has not been translated yet; it is printed in its original language.",
                no_cases: "There are no cases to print.",
                list_separator: ", ",
                municipal: "Municipal",
                district: "District",
                cjk: false,
            }
        }
    }

    /// `municipal` → 市级 / Municipal.
    pub fn level_name(&self, level: &str) -> &'static str {
        match level {
            "municipal" => self.municipal,
            _ => self.district,
        }
    }

    /// The number of cases, for the cover.
    pub fn count(&self, n: usize) -> String {
        if self.cjk {
            format!("收录案例 {n} 个")
        } else if n == 1 {
            "1 case".to_string()
        } else {
            format!("{n} cases")
        }
    }
}
