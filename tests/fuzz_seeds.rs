//! The fuzz targets of `fuzz/` run in the normal test suite: every corpus
//! seed, then a bounded run of seeded random mutations of them (a second or
//! two per target), so a regression shows up without cargo-fuzz. Set
//! `SHOWCASE_FUZZ_SEED` to repeat a failing run.

use std::path::Path;
use std::time::{Duration, Instant};

/// Pieces the mutations splice in: the syntax the parsers care about.
const TOKENS: &[&str] = &[
    "---\n",
    "\r\n",
    "\n",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "\"",
    "'",
    "#",
    "<script>",
    "](",
    "![",
    "](x.md#y)",
    "(javascript:x)",
    "## ",
    "{#id}",
    "`",
    "```rust\n",
    "|",
    "[^1]",
    "\u{feff}",
    "中",
    "..",
    "/",
    "\\",
    "%2e",
    "%",
    "=",
    "[languages.",
    "[taxonomies.x]\n",
    "terms.",
    "title = ",
    "slug: ",
    "aliases: [",
    "extra: ",
    "\t",
    "\0",
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(4) {
            0 => input
                .splice(at..at, TOKENS[rng.below(TOKENS.len())].bytes())
                .for_each(drop),
            1 if at < input.len() => input[at] ^= 1 << rng.below(8),
            2 if at < input.len() => {
                let end = (at + rng.below(16)).min(input.len());
                input.drain(at..end);
            }
            _ => {
                // Repeat a slice: deep nesting and long runs.
                let end = (at + 1 + rng.below(8)).min(input.len());
                let piece = input[at.min(end)..end].to_vec();
                for _ in 0..rng.below(64) {
                    input.splice(at..at, piece.iter().copied()).for_each(drop);
                }
            }
        }
    }
    input.truncate(64 * 1024);
}

fn run(target: &str, check: fn(&[u8]), budget: Duration) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds.sort();
    for seed in &seeds {
        check(seed);
    }
    let seed = std::env::var("SHOWCASE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x05ee_d0f5);
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut runs = 0;
    while started.elapsed() < budget {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &mut input);
        let result = std::panic::catch_unwind(|| check(&input));
        if result.is_err() {
            panic!(
                "{target}: mutation {runs} (seed {seed}) fails; input:\n{:?}",
                String::from_utf8_lossy(&input)
            );
        }
        runs += 1;
    }
    eprintln!("{target}: {} seeds and {runs} mutations passed", seeds.len());
}

#[test]
fn front_matter_seeds_and_mutations() {
    run(
        "front_matter",
        showcase::fuzzing::front_matter,
        Duration::from_millis(1500),
    );
}

#[test]
fn markdown_seeds_and_mutations() {
    run("markdown", showcase::fuzzing::markdown, Duration::from_millis(1500));
}

#[test]
fn site_toml_seeds_and_mutations() {
    run("site_toml", showcase::fuzzing::site_toml, Duration::from_millis(1500));
}
