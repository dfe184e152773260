// Measures the search index of a built site: its size, and what one query
// transfers (the script, the manifest, the shards, ten fragments; raw and
// gzip-compressed).
//
//   node bench/search.mjs PUBLIC_DIR [QUERY ...]
//
// It uses the theme's own search.js, so it measures what a browser fetches.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const search = createRequire(import.meta.url)(join(repo, "themes/default/static/search.js"));
const [site, ...given] = process.argv.slice(2);
if (!site) {
  console.error("usage: node bench/search.mjs PUBLIC_DIR [QUERY ...]");
  process.exit(2);
}

function folderBytes(dir) {
  let total = 0, files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const sub = folderBytes(path);
      total += sub.total; files += sub.files;
    } else if (!name.endsWith(".html")) {
      total += stat.size; files += 1;
    }
  }
  return { total, files };
}

const kb = (n) => (n / 1024).toFixed(1);
const script = readdirSync(site).find((f) => /^search\.[0-9a-f]+\.js$/.test(f));
const scriptBytes = readFileSync(join(site, script));

function measure(base, query) {
  const manifest = JSON.parse(readFileSync(join(base, "index.json"), "utf8"));
  const files = [scriptBytes, readFileSync(join(base, "index.json"))];
  const tokens = search.tokenize(query);
  const terms = [...new Set(tokens.map((t) => t.term))];
  const needed = [...new Set(terms.flatMap((t) => search.shardsFor(manifest.shards, t)))];
  const shards = new Map(needed.map((n) => {
    const bytes = readFileSync(join(base, "s", `${n}.json`));
    files.push(bytes);
    return [n, JSON.parse(bytes)];
  }));
  const postings = new Map(terms.map((t) => [t, search.postingsFor(t, search.shardsFor(manifest.shards, t).map((n) => shards.get(n)))]));
  const ids = search.rank(tokens, postings);
  for (const id of ids.slice(0, 10)) files.push(readFileSync(join(base, "f", `${id}.json`)));
  const raw = files.reduce((n, b) => n + b.length, 0);
  const gz = files.reduce((n, b) => n + gzipSync(b).length, 0);
  return { query, results: ids.length, requests: files.length, raw, gz };
}

for (const [code, base] of [["zh", join(site, "search")], ["en", join(site, "en", "search")]]) {
  if (!existsSync(base)) continue;
  const { total, files } = folderBytes(base);
  const manifest = JSON.parse(readFileSync(join(base, "index.json"), "utf8"));
  console.log(`\n## ${code}: ${manifest.docs} documents, index ${kb(total)} KB in ${files} files (${manifest.shards.length} shards)`);
  console.log("| query | results | requests | transfer KB | gzip KB |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  const queries = given.length ? given : code === "zh" ? ["校企合作", "院校", "实训基地", "人工智能", "2024"] : ["apprenticeship", "training", "industry-education integration", "partner"];
  for (const q of queries) {
    const m = measure(base, q);
    console.log(`| ${m.query} | ${m.results} | ${m.requests} | ${kb(m.raw)} | ${kb(m.gz)} |`);
  }
}
