//! Chinese read as a reader expects: addresses and heading ids by words (音乐
//! is yin-yue), full-width letters and digits as ASCII, and a search for one
//! character finding every page that holds it.

mod common;

use common::Site;

fn json(site: &Site, path: &str) -> serde_json::Value {
    serde_json::from_str(&site.page(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The URLs of the pages whose postings hold `term` in a language's index.
fn pages_with(site: &Site, base: &str, term: &str) -> Vec<String> {
    let manifest = json(site, &format!("{base}index.json"));
    let firsts: Vec<&str> = manifest["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let shard = firsts.iter().rposition(|f| *f <= term).unwrap();
    let data = json(site, &format!("{base}s/{shard}.json"));
    let Some(list) = data[term].as_str() else {
        return Vec::new();
    };
    let mut id = 0;
    let mut urls: Vec<String> = list
        .split(';')
        .map(|entry| {
            id += u64::from_str_radix(entry.split(',').next().unwrap(), 36).unwrap();
            json(site, &format!("{base}f/{id}.json"))["u"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    urls.sort();
    urls
}

fn site() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/cases/重庆银行音乐教育.md",
        "---\ntitle: 重庆银行音乐教育\ndate: 2024-03-01\nkind: enterprise\n---\n\n\
         ## 长期合作\n\n重新规划。\n\n## 行业成长\n\n重要的是成长。\n\n## 音乐\n\n与职业学校共建。\n",
    );
    site.write(
        "content/cases/Ａ公司２０２５.md",
        "---\ntitle: Ａ公司２０２５\ndate: 2024-03-02\nkind: enterprise\n---\n\n## ＡＩ实训\n\n校企共建。\n",
    );
    site.build(&[]).assert_ok();
    site
}

#[test]
fn addresses_and_heading_ids_read_chinese_by_words() {
    let site = site();
    let page = site.page("/cases/chong-qing-yin-hang-yin-yue-jiao-yu/");
    assert!(page.contains("<h1>重庆银行音乐教育</h1>"), "{page}");
    for (id, heading) in [
        ("chang-qi-he-zuo", "长期合作"),
        ("hang-ye-cheng-zhang", "行业成长"),
        ("yin-yue", "音乐"),
    ] {
        assert!(
            page.contains(&format!("<h2 id=\"{id}\">{heading}</h2>")),
            "{id}: {page}"
        );
    }
    // Character by character these would have read zhong-qing-yin-xing-yin-le.
    assert!(!site.exists("/cases/zhong-qing-yin-xing-yin-le-jiao-yu/"));
    let page = site.page("/cases/a-gong-si-2025/");
    assert!(page.contains("<h2 id=\"ai-shi-xun\">ＡＩ实训</h2>"), "{page}");
}

#[test]
fn one_character_finds_the_pages_that_hold_it() {
    let site = site();
    // 校 stands only inside longer runs (学校, 校企): it is indexed on its own all the same.
    let found = pages_with(&site, "/search/", "校");
    assert!(
        found.contains(&"/cases/chong-qing-yin-hang-yin-yue-jiao-yu/".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"/cases/a-gong-si-2025/".to_string()), "{found:?}");
    // A page without the character is not among them.
    assert!(
        !found.contains(&"/cases/zhong-yi-chuang-xin-yuan/".to_string()),
        "{found:?}"
    );
    // The character's postings carry the field it stands in: 渝 is in no page.
    assert!(pages_with(&site, "/search/", "渝").is_empty());
    // Pairs are still indexed as before.
    assert!(pages_with(&site, "/search/", "校企").contains(&"/cases/a-gong-si-2025/".to_string()));
}
