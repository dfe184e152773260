// What one query costs a reader's browser, measured in headless Chromium:
// the bytes of every request the search makes, for showcase's own search
// page and, when the site also has a Pagefind index (`pagefind --site DIR`),
// for Pagefind's API with the same query and ten results loaded.
//
//   node bench/search-transfer.mjs PUBLIC_DIR [QUERY ...]
//
// Needs the packages of tests/browser (scripts/install-test-deps).
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const { serve, launch } = await import(join(repo, "tests/browser/support.mjs"));
const [site, ...given] = process.argv.slice(2);
if (!site) {
  console.error("usage: node bench/search-transfer.mjs PUBLIC_DIR [QUERY ...]");
  process.exit(2);
}
const queries = given.length ? given : ["校企合作", "apprenticeship"];
const server = await serve(site);
const browser = await launch();
const kb = (n) => (n / 1024).toFixed(1);

async function measure(path, run, filter) {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  const seen = [];
  page.on("response", async (response) => {
    if (!filter(response.url())) return;
    try { seen.push((await response.body()).length); } catch { /* redirects have no body */ }
  });
  await run(page);
  await page.waitForTimeout(300);
  await page.close();
  return { requests: seen.length, bytes: seen.reduce((a, b) => a + b, 0) };
}

console.log("| engine | query | requests | KB (uncompressed) |");
console.log("| --- | --- | ---: | ---: |");
for (const query of queries) {
  const english = /^[\x00-\x7f]+$/.test(query);
  const prefix = english ? "/en" : "";
  const ours = await measure(`${prefix}/search/?q=${encodeURIComponent(query)}`, async (page) => {
    await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
  }, (url) => url.includes("/search/") || /\/search\.[0-9a-f]+\.js$/.test(url));
  // The page itself is not part of the query's cost; the script and index files are.
  console.log(`| showcase | ${query} | ${ours.requests} | ${kb(ours.bytes)} |`);
  if (existsSync(join(site, "pagefind", "pagefind.js"))) {
    const theirs = await measure(`${prefix}/`, async (page) => {
      await page.evaluate(async (q) => {
        const pagefind = await import("/pagefind/pagefind.js");
        await pagefind.init();
        const search = await pagefind.search(q);
        await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      }, query);
    }, (url) => url.includes("/pagefind/"));
    console.log(`| pagefind | ${query} | ${theirs.requests} | ${kb(theirs.bytes)} |`);
  }
}
await browser.close();
await server.close();
