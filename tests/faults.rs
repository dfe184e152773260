//! Faults around the published folder: two builds at once, a read-only or
//! full disk, and builds killed at random moments. The output folder always
//! holds a whole site, the previous one or the new one.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Site, snapshot};

fn showcase() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_showcase"));
    command.env("SHOWCASE_LANG", "en");
    command
}

/// A build of `root` into `out`: exit code and stderr.
fn build_into(root: &Path, out: &Path) -> (i32, String) {
    let output = showcase()
        .args(["build", "--root"])
        .arg(root)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[cfg(unix)]
fn flock(file: &std::fs::File) {
    use std::os::unix::io::AsRawFd;
    // SAFETY: a valid descriptor for the duration of the call.
    assert_eq!(
        unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) },
        0
    );
}

#[cfg(unix)]
#[test]
fn a_second_build_into_the_same_folder_is_refused_and_names_the_first() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_ok();
    let before = snapshot(&site.root.join("public"));
    let lock_path = site.root.join(".public.lock");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&lock_path)
        .unwrap();
    std::fs::write(&lock_path, "4242\n").unwrap();
    flock(&file);
    let run = site.build(&[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("another showcase build (process 4242) is writing to")
            && run.stderr.contains("public"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&site.root.join("public")), before);
    drop(file);
    // A lock left by a process that is gone is taken over.
    site.build(&[]).assert_ok();
    let holder = std::fs::read_to_string(&lock_path).unwrap();
    assert!(holder.trim().parse::<u32>().is_ok_and(|pid| pid != 4242), "{holder}");
}

#[test]
fn builds_started_together_do_not_interleave() {
    let site = Site::fixture("basic");
    let children: Vec<_> = (0..4)
        .map(|_| {
            showcase()
                .args(["build", "--root"])
                .arg(&site.root)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ok = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => ok += 1,
            Some(2) => assert!(stderr.contains("is writing to"), "{stderr}"),
            other => panic!("{other:?}: {stderr}"),
        }
    }
    assert!(ok >= 1);
    let reference = site.root.parent().unwrap().join("reference");
    assert_eq!(build_into(&site.root, &reference).0, 0);
    assert_eq!(snapshot(&site.root.join("public")), snapshot(&reference));
}

/// A small tmpfs, mounted for the test when it runs as root; `None` elsewhere.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        // SAFETY: getuid has no preconditions.
        if unsafe { libc::getuid() } != 0 {
            eprintln!("not root: skipping the tmpfs part of this test");
            return None;
        }
        std::fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("cannot mount a tmpfs: skipping");
        }
        ok.then(|| Tmpfs(at.to_path_buf()))
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_output_disk_is_a_clear_error_and_keeps_the_old_site() {
    let site = Site::fixture("basic");
    let Some(disk) = Tmpfs::mount(&site.root.parent().unwrap().join("disk"), "16m") else {
        return;
    };
    let out = disk.0.join("public");
    assert_eq!(build_into(&site.root, &out).0, 0);
    let before = snapshot(&out);
    site.write("content/cases/new.md", "---\ntitle: 新\n---\n新页面\n");
    disk.remount("ro");
    let (code, stderr) = build_into(&site.root, &out);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&disk.0.display().to_string()) && stderr.contains("Read-only file system"),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), before);
}

#[test]
fn a_full_disk_is_a_clear_error_and_keeps_the_old_site() {
    let site = Site::fixture("basic");
    let Some(disk) = Tmpfs::mount(&site.root.parent().unwrap().join("disk"), "4m") else {
        return;
    };
    let out = disk.0.join("public");
    assert_eq!(build_into(&site.root, &out).0, 0);
    let before = snapshot(&out);
    // A new image too big for what is left (unchanged files are linked, so
    // they take no space twice: the image alone must not fit).
    let noise: Vec<u8> = (0..4_500_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(site.root.join("content/cases/bundle/big.png"), noise).unwrap();
    let (code, stderr) = build_into(&site.root, &out);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&disk.0.display().to_string()) && stderr.contains("No space left on device"),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), before);
    let leftovers: Vec<_> = std::fs::read_dir(&disk.0)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".building-"))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
}

/// A site of `pages` cases, in one of two versions that differ in every page.
fn write_big_site(root: &Path, pages: usize, version: u32) {
    let cases = root.join("content/cases");
    for i in 0..pages {
        std::fs::write(
            cases.join(format!("case-{i:03}.md")),
            format!(
                "---\ntitle: 案例 {i} 第{version}版\ndate: 2024-01-{:02}\nkind: enterprise\nindustry: [fintech]\nsummary: 摘要 {i} v{version}\n---\n\n## 基本情况\n\n第{version}版的正文，案例 {i}。{}\n\n```rust\nfn main() {{ println!(\"{i}\"); }}\n```\n",
                i % 28 + 1,
                "校企合作，产教融合。".repeat(20)
            ),
        )
        .unwrap();
    }
}

/// A tiny seeded generator (xorshift), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn builds_killed_at_random_moments_leave_a_whole_site() {
    let site = Site::fixture("basic");
    let root = &site.root;
    let parent = root.parent().unwrap();
    // The two complete sites, built once each.
    let mut complete: Vec<BTreeMap<String, Vec<u8>>> = Vec::new();
    let mut full_build = Duration::ZERO;
    for version in 0..2 {
        write_big_site(root, 300, version);
        let reference = parent.join(format!("reference-{version}"));
        let started = Instant::now();
        let (code, stderr) = build_into(root, &reference);
        full_build = full_build.max(started.elapsed());
        assert_eq!(code, 0, "{stderr}");
        complete.push(snapshot(&reference));
    }
    assert_ne!(complete[0], complete[1]);
    let out = root.join("public");
    assert_eq!(build_into(root, &out).0, 0);
    assert!(snapshot(&out) == complete[1]);

    let seed = std::env::var("SHOWCASE_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("kill test: seed {seed} (SHOWCASE_KILL_SEED), full build {full_build:?}");
    let mut rng = Rng(seed);
    let budget = Duration::from_secs(40);
    let started = Instant::now();
    let window = (full_build.as_millis() as u64 * 12 / 10).max(20);
    let (mut runs, mut old, mut new, mut finished) = (0, 0, 0, 0);
    // Which version the output folder holds.
    let mut published = 1;
    while runs < 60 && (runs < 12 || started.elapsed() < budget) {
        let version = 1 - published;
        write_big_site(root, 300, version as u32);
        let mut child = showcase()
            .args(["build", "--root"])
            .arg(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.below(window)));
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        runs += 1;
        if status.success() {
            finished += 1;
        }
        let now = snapshot(&out);
        if now == complete[version] {
            new += 1;
            published = version;
        } else if now == complete[published] {
            old += 1;
        } else {
            panic!("run {runs} (seed {seed}): the output is neither the old site nor the new one");
        }
    }
    eprintln!(
        "kill test: {runs} runs: {old} left the previous site, {new} the new one ({finished} finished before the kill)"
    );
    // The next build removes what the killed ones left.
    assert_eq!(build_into(root, &out).0, 0);
    let leftovers: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".building-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
    assert!(runs >= 12);
}
