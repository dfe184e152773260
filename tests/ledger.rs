//! The address ledger: every address a site has published stays answered.
//! Each test builds the fixture site, changes its content as an author would
//! (a file renamed, a slug edited, a case deleted, the ledger edited), builds
//! or checks again, and reads the ledger, the output and the published pages.

mod common;

use std::path::Path;

use common::{Run, Site};

const LEDGER: &str = "addresses.txt";

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    site
}

fn output(run: &Run) -> String {
    format!("{}{}", run.stdout, run.stderr)
}

fn rename(site: &Site, from: &str, to: &str) {
    std::fs::rename(site.root.join(from), site.root.join(to)).unwrap();
}

/// The line of the ledger that starts with `address` and a space, and its number.
#[track_caller]
fn ledger_line(site: &Site, address: &str) -> (usize, String) {
    let ledger = site.read(LEDGER);
    let prefix = format!("{address} ");
    ledger
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with(&prefix))
        .map(|(i, l)| (i + 1, l.to_string()))
        .unwrap_or_else(|| panic!("{address} is not in the ledger:\n{ledger}"))
}

/// Asserts that the published page at `from` redirects readers and search engines to `to`.
#[track_caller]
fn assert_redirects(site: &Site, from: &str, to: &str) {
    let html = site.page(from);
    assert!(
        html.contains(&format!("<meta http-equiv=\"refresh\" content=\"0; url={to}\">")),
        "{from} does not redirect to {to}:\n{html}"
    );
    assert!(
        html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://cases.example.org{to}\">"
        )),
        "{html}"
    );
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"), "{html}");
    assert!(html.contains(&format!("<a href=\"{to}\">")), "{html}");
}

#[test]
fn the_first_build_starts_the_ledger_with_every_page_address_in_both_languages() {
    let site = Site::fixture("basic");
    assert!(!site.root.join(LEDGER).exists());
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        run.stderr.contains("started the address ledger addresses.txt with"),
        "{}",
        output(&run)
    );
    let ledger = site.read(LEDGER);
    assert!(
        ledger.starts_with("# Every address this site has published"),
        "{ledger}"
    );
    for line in [
        "/cases/alpha/ zh cases/alpha.md 2024-05-01 阿尔法案例",
        "/en/cases/alpha/ en cases/alpha.md 2024-05-01 Alpha case",
        // An untranslated page shown with a notice in English is published too.
        "/en/cases/delta/ en cases/delta.md 2023-01-01 德尔塔案例",
        "/cases/ zh cases/_index.md - 案例",
        "/ zh (home)",
        "/en/ en (home)",
        "/industry/smart-software/ zh (term industry/smart-software)",
        "/en/industry/ en (taxonomy industry)",
        "/search/ zh (search)",
    ] {
        assert!(ledger.lines().any(|l| l == line), "no line {line:?} in\n{ledger}");
    }
    // Pages only: no feeds, search index files, assets or 404 pages.
    let entries: Vec<&str> = ledger.lines().filter(|l| !l.starts_with('#')).collect();
    for entry in &entries {
        let address = entry.split(' ').next().unwrap();
        assert!(address.ends_with('/'), "{entry}");
        assert!(site.exists(address), "{address} is in the ledger but not published");
    }
    let mut sorted = entries.clone();
    sorted.sort_unstable();
    assert_eq!(entries, sorted, "the ledger is not sorted");
    assert!(
        !entries
            .iter()
            .any(|l| l.contains("404") || l.contains("feed.xml") || l.contains("/page/")),
        "{ledger}"
    );
}

#[test]
fn a_build_that_changes_nothing_leaves_the_ledger_untouched() {
    let site = built();
    let path = site.root.join(LEDGER);
    let before = std::fs::read(&path).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!output(&run).contains("ledger"), "{}", output(&run));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let again = std::fs::metadata(&path).unwrap();
    assert_eq!(again.modified().unwrap(), meta.modified().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Saving replaces the file by a rename: a new inode.
        assert_eq!(again.ino(), meta.ino(), "the ledger was written again");
    }
    // A build into another folder leaves it as it is too.
    site.build(&["-o", "elsewhere"]).assert_ok();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // So does a checkout that turned its line ends into CRLF.
    let crlf = String::from_utf8(before).unwrap().replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), crlf);
}

#[test]
fn a_renamed_case_leaves_a_redirect_and_a_second_rename_collapses_the_chain() {
    let site = built();
    rename(&site, "content/cases/alpha.md", "content/cases/alpha-renamed.md");
    rename(&site, "content/cases/alpha.en.md", "content/cases/alpha-renamed.en.md");
    let run = site.build(&[]);
    run.assert_ok();
    let said = output(&run);
    assert!(
        said.contains("redirect: /cases/alpha/ → /cases/alpha-renamed/ (content/cases/alpha-renamed.md)"),
        "{said}"
    );
    assert!(
        said.contains("redirect: /en/cases/alpha/ → /en/cases/alpha-renamed/ (content/cases/alpha-renamed.en.md)"),
        "{said}"
    );
    assert_redirects(&site, "/cases/alpha/", "/cases/alpha-renamed/");
    assert_redirects(&site, "/en/cases/alpha/", "/en/cases/alpha-renamed/");
    assert!(site.page("/cases/alpha/").contains("<title>阿尔法案例</title>"));
    assert!(site.page("/cases/alpha-renamed/").contains("阿尔法的摘要"));
    assert_eq!(
        ledger_line(&site, "/cases/alpha/").1,
        "/cases/alpha/ -> /cases/alpha-renamed/ zh cases/alpha-renamed.md"
    );

    // The redirect survives a build that changes nothing, which says nothing of it.
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!output(&run).contains("redirect:"), "{}", output(&run));
    assert_redirects(&site, "/cases/alpha/", "/cases/alpha-renamed/");

    // Renamed again: both old addresses lead straight to the newest one.
    rename(&site, "content/cases/alpha-renamed.md", "content/cases/alpha-final.md");
    rename(
        &site,
        "content/cases/alpha-renamed.en.md",
        "content/cases/alpha-final.en.md",
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        output(&run).contains("redirect: /cases/alpha/ → /cases/alpha-final/"),
        "{}",
        output(&run)
    );
    assert_redirects(&site, "/cases/alpha/", "/cases/alpha-final/");
    assert_redirects(&site, "/cases/alpha-renamed/", "/cases/alpha-final/");
    assert_redirects(&site, "/en/cases/alpha/", "/en/cases/alpha-final/");
    assert_eq!(
        ledger_line(&site, "/cases/alpha/").1,
        "/cases/alpha/ -> /cases/alpha-final/ zh cases/alpha-final.md"
    );
    // check has nothing to say about addresses that are answered.
    let check = site.check(&[]);
    assert!(!check.stdout.contains("gone-address"), "{}", check.stdout);
}

#[test]
fn a_renamed_file_whose_title_changed_is_recognised_by_its_translation() {
    let site = built();
    rename(&site, "content/cases/alpha.md", "content/cases/a-new-name.md");
    rename(&site, "content/cases/alpha.en.md", "content/cases/a-new-name.en.md");
    let zh = site
        .read("content/cases/a-new-name.md")
        .replace("title: 阿尔法案例", "title: 阿尔法案例（修订）");
    site.write("content/cases/a-new-name.md", &zh);
    site.build(&[]).assert_ok();
    assert_redirects(&site, "/cases/alpha/", "/cases/a-new-name/");
    assert_redirects(&site, "/en/cases/alpha/", "/en/cases/a-new-name/");
}

#[test]
fn an_edited_slug_leaves_a_redirect_in_both_languages() {
    let site = built();
    let delta = site
        .read("content/cases/delta.md")
        .replace("date: 2023-01-01", "date: 2023-01-01\nslug: delta-park");
    site.write("content/cases/delta.md", &delta);
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        output(&run).contains("redirect: /cases/delta/ → /cases/delta-park/ (content/cases/delta.md)"),
        "{}",
        output(&run)
    );
    assert_redirects(&site, "/cases/delta/", "/cases/delta-park/");
    // The English stand-in of the untranslated page moved with it.
    assert_redirects(&site, "/en/cases/delta/", "/en/cases/delta-park/");
}

#[test]
fn a_page_whose_translation_is_gone_leads_to_the_original() {
    let site = built();
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &config.replace("title = \"Test Cases\"", "title = \"Test Cases\"\nfallback = \"skip\""),
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        output(&run).contains("redirect: /en/cases/beta/ → /cases/beta/ (content/cases/beta.md)"),
        "{}",
        output(&run)
    );
    assert_redirects(&site, "/en/cases/beta/", "/cases/beta/");
    assert!(site.page("/en/cases/beta/").contains("<html lang=\"zh-CN\">"));
    assert_eq!(
        ledger_line(&site, "/en/cases/beta/").1,
        "/en/cases/beta/ -> /cases/beta/ zh cases/beta.md"
    );
}

#[test]
fn a_deleted_case_makes_check_warn_at_the_ledger_line_with_the_fix() {
    let site = built();
    let (number, _) = ledger_line(&site, "/cases/delta/");
    site.remove("content/cases/delta.md");
    let check = site.check(&[]);
    assert_eq!(check.code, 0, "{}", output(&check));
    let report = &check.stdout;
    let warning = report
        .lines()
        .find(|l| l.contains("/cases/delta/ was published"))
        .unwrap_or_else(|| panic!("no warning:\n{report}"));
    assert!(report.contains("addresses.txt\n"), "{report}");
    assert!(warning.trim_start().starts_with(&format!("{number}:1")), "{warning}");
    assert!(warning.contains("will answer 404"), "{warning}");
    assert!(warning.contains("aliases: [\"/cases/delta/\"]"), "{warning}");
    assert!(warning.contains("/cases/delta/ -> "), "{warning}");
    assert!(warning.contains("[gone-address]"), "{warning}");
    assert!(report.contains("/en/cases/delta/ was published"), "{report}");
    // With --strict the warning fails the check; JSON names the file and line.
    assert_eq!(site.check(&["--strict"]).code, 1);
    let json = site.check(&["--format", "json"]).stdout;
    assert!(json.contains("\"file\": \"addresses.txt\""), "{json}");
    assert!(json.contains(&format!("\"line\": {number}")), "{json}");

    // The term only the deleted case had leads to its taxonomy's overview.
    assert!(!report.contains("/year/2023/ was published"), "{report}");

    // build keeps the address (published until someone deletes its line) and says so.
    let run = site.build(&[]);
    run.assert_ok();
    let said = output(&run);
    assert!(said.contains("2 published addresses answer 404"), "{said}");
    assert!(
        said.contains("redirect: /year/2023/ → /year/ (term year/2023 is no longer published)"),
        "{said}"
    );
    assert_redirects(&site, "/year/2023/", "/year/");
    assert_redirects(&site, "/en/year/2023/", "/en/year/");
    assert_eq!(
        ledger_line(&site, "/year/2023/").1,
        "/year/2023/ -> /year/ zh (term year/2023)"
    );
    assert_eq!(ledger_line(&site, "/cases/delta/").0, number);
    assert!(!site.exists("/cases/delta/"));
}

#[test]
fn a_page_that_takes_the_old_address_as_an_alias_answers_it_without_a_second_file() {
    let site = built();
    site.remove("content/cases/delta.md");
    let beta = site
        .read("content/cases/beta.md")
        .replacen("---\n", "---\naliases: [\"/cases/delta/\"]\n", 1);
    site.write("content/cases/beta.md", &beta);
    site.build(&[]).assert_ok();
    assert_redirects(&site, "/cases/delta/", "/cases/beta/");
    assert_eq!(
        ledger_line(&site, "/cases/delta/").1,
        "/cases/delta/ -> /cases/beta/ zh cases/beta.md"
    );
    let check = site.check(&[]);
    assert!(
        !check.stdout.contains(" /cases/delta/ was published"),
        "{}",
        check.stdout
    );
}

#[test]
fn where_a_removed_page_went_is_written_in_the_ledger_and_checked() {
    let site = built();
    site.remove("content/cases/delta.md");
    let (zh, _) = ledger_line(&site, "/cases/delta/");
    let (en, _) = ledger_line(&site, "/en/cases/delta/");
    let ledger = site
        .read(LEDGER)
        .lines()
        .enumerate()
        .map(|(i, l)| match i + 1 {
            n if n == zh => "/cases/delta/ -> cases/beta.md".to_string(),
            n if n == en => "/en/cases/delta/   ->   https://example.gov.cn/delta/".to_string(),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write(LEDGER, &format!("{ledger}\n"));
    let check = site.check(&[]);
    assert!(!check.stdout.contains("gone-address"), "{}", check.stdout);
    let run = site.build(&[]);
    run.assert_ok();
    assert_redirects(&site, "/cases/delta/", "/cases/beta/");
    let en_page = site.page("/en/cases/delta/");
    assert!(
        en_page.contains("content=\"0; url=https://example.gov.cn/delta/\""),
        "{en_page}"
    );
    // The author's lines stay as written (tidied); the build keeps them.
    assert_eq!(ledger_line(&site, "/cases/delta/").1, "/cases/delta/ -> cases/beta.md");
    assert_eq!(
        ledger_line(&site, "/en/cases/delta/").1,
        "/en/cases/delta/ -> https://example.gov.cn/delta/"
    );

    // A target that does not exist is an error of check and of build, at its line.
    let ledger = site
        .read(LEDGER)
        .replace("/cases/delta/ -> cases/beta.md", "/cases/delta/ -> /cases/nowhere/");
    site.write(LEDGER, &ledger);
    let (number, _) = ledger_line(&site, "/cases/delta/");
    let check = site.check(&[]);
    assert_eq!(check.code, 1, "{}", output(&check));
    let error = check
        .stdout
        .lines()
        .find(|l| l.contains("/cases/nowhere/"))
        .unwrap_or_else(|| panic!("{}", check.stdout));
    assert!(error.trim_start().starts_with(&format!("{number}:1")), "{error}");
    assert!(error.contains("error") && error.contains("[bad-redirect]"), "{error}");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", output(&run));
    assert!(
        run.stderr.contains(&format!(
            "addresses.txt:{number}:1: error: /cases/delta/ redirects to /cases/nowhere/"
        )),
        "{}",
        run.stderr
    );

    // So is a content file that does not exist, with the nearest one.
    site.write(
        LEDGER,
        &ledger.replace("/cases/delta/ -> /cases/nowhere/", "/cases/delta/ -> cases/betta.md"),
    );
    let check = site.check(&[]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains("cases/betta.md, which is not a content file") && check.stdout.contains("cases/beta.md"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_line_that_cannot_be_read_is_an_error_naming_its_line_and_column() {
    let site = built();
    let ledger = site.read(LEDGER);
    site.write(LEDGER, &format!("{ledger}/cases/old/ fr cases/old.md\n"));
    let number = ledger.lines().count() + 1;
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains(&format!("addresses.txt:{number}:13: error: \"fr\" is not a language")),
        "{}",
        run.stderr
    );
}

#[test]
fn an_address_written_twice_is_an_error_at_the_second_line_in_the_authors_language() {
    let site = built();
    let ledger = site.read(LEDGER);
    let (first, line) = ledger_line(&site, "/cases/alpha/");
    site.write(LEDGER, &format!("{ledger}{line}\n"));
    let number = ledger.lines().count() + 1;
    let run = site.run("build", &[], &[("SHOWCASE_LANG", "zh")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&format!(
            "addresses.txt:{number}:1: 错误: /cases/alpha/ 已经登记在第 {first} 行；请删除这两行中的一行"
        )),
        "{}",
        run.stderr
    );
    let run = site.run("build", &[], &[("SHOWCASE_LANG", "en")]);
    assert!(
        run.stderr.contains(&format!(
            "addresses.txt:{number}:1: error: /cases/alpha/ is already on line {first}; delete one of the two lines"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_build_with_drafts_leaves_the_ledger_alone() {
    let site = Site::fixture("basic");
    site.build(&["--drafts"]).assert_ok();
    assert!(!site.root.join(LEDGER).exists());
}

#[test]
fn serve_answers_the_redirects_and_never_writes_the_ledger() {
    let site = built();
    rename(&site, "content/cases/alpha.md", "content/cases/alpha-renamed.md");
    rename(&site, "content/cases/alpha.en.md", "content/cases/alpha-renamed.en.md");
    let before = site.read(LEDGER);
    let source = showcase::site::Source {
        root: &site.root,
        base_url: Some("http://127.0.0.1:1313"),
        drafts: false,
        future: false,
        expired: false,
    };
    let rebuilt = showcase::site::rebuild::rebuild(&source, None, true).expect("the site builds");
    let page = rebuilt
        .files
        .get("cases/alpha/index.html")
        .expect("a redirect is served");
    let page = String::from_utf8_lossy(page);
    assert!(page.contains("url=/cases/alpha-renamed/"), "{page}");
    assert_eq!(site.read(LEDGER), before);
}

#[test]
fn the_sample_site_has_its_ledger_committed_and_up_to_date() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(project.join(LEDGER))
        .expect("the sample site's addresses.txt is committed beside site.toml");
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("site");
    common::copy_tree(&project.join("content"), &root.join("content"));
    common::copy_tree(&project.join("i18n"), &root.join("i18n"));
    common::copy_tree(&project.join("themes"), &root.join("themes"));
    std::fs::copy(project.join("site.toml"), root.join("site.toml")).unwrap();
    std::fs::copy(project.join(LEDGER), root.join(LEDGER)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_showcase"))
        .args(["build", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rebuilt = std::fs::read_to_string(root.join(LEDGER)).unwrap();
    assert!(
        rebuilt == committed,
        "building the sample site changes addresses.txt: run `cargo run -- build` and commit it"
    );
}
