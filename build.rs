//! Tells the program which commit it was built from (`showcase --version`),
//! and makes cargo rebuild it when the theme or the files of `showcase init`,
//! which are compiled in, change.
//!
//! The commit comes from `SHOWCASE_COMMIT` when it is set, else from
//! `git rev-parse`; a source tree without git (a release archive, a vendored
//! copy) builds as "unknown commit".

use std::path::PathBuf;
use std::process::Command;

fn main() {
    // Folders compiled into the binary: a file added, changed or removed there rebuilds it.
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src/cmd/init");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SHOWCASE_COMMIT");

    let commit = std::env::var("SHOWCASE_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown commit".to_string());
    println!("cargo:rustc-env=SHOWCASE_COMMIT={commit}");
}

/// The short hash and date of HEAD, watching the files that change when HEAD moves.
fn git_commit() -> Option<String> {
    let out = git(&["log", "-1", "--format=%h %cs", "HEAD"])?;
    // HEAD itself (another branch checked out) and the branch it points to (a new commit);
    // only files that exist, or cargo would run this script on every build.
    let mut watch = vec![git(&["rev-parse", "--git-path", "HEAD"])];
    if let Some(branch) = git(&["rev-parse", "--symbolic-full-name", "HEAD"]).filter(|b| b.starts_with("refs/")) {
        watch.push(git(&["rev-parse", "--git-path", &branch]));
    }
    watch.push(git(&["rev-parse", "--git-path", "packed-refs"]));
    for path in watch.into_iter().flatten().map(PathBuf::from) {
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    Some(out)
}

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}
