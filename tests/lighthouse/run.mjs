// Lighthouse (pinned at 12.2.3) on the built sample site, with its default
// mobile settings, in Debian's Chromium: accessibility, best practices, SEO and
// performance of each kind of page in both languages. Run by scripts/lighthouse.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { build, serve } from "../browser/support.mjs";

const pages = [
  ["home", "/"],
  ["case", "/enterprises/ximalaya/"],
  ["cases", "/cases/"],
  ["search", "/search/?q=%E6%A0%A1%E4%BC%81%E5%90%88%E4%BD%9C"],
  ["progress", "/progress/"],
];
const enQuery = { search: "/search/?q=cooperation" };
const categories = ["performance", "accessibility", "best-practices", "seo"];

const server = await serve(build());
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync"],
});
const rows = [];
let failed = false;
try {
  for (const prefix of ["", "/en"]) {
    for (const [name, path] of pages) {
      const url = server.url + prefix + (prefix && enQuery[name] ? enQuery[name] : path);
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories });
      const scores = categories.map((c) => Math.round(result.lhr.categories[c].score * 100));
      rows.push([`${prefix || "/zh"} ${name}`, ...scores]);
      // Performance 95 or more; the others 100.
      if (scores[0] < 95 || scores.slice(1).some((s) => s < 100)) {
        failed = true;
        for (const c of categories) {
          for (const ref of result.lhr.categories[c].auditRefs) {
            const audit = result.lhr.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ${prefix || "/zh"} ${name}: ${c}: ${ref.id} ${audit.score} ${audit.displayValue || ""}`);
          }
        }
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(["page", ...categories].map((s) => s.padEnd(16)).join(""));
for (const row of rows) console.log(row.map((s) => String(s).padEnd(16)).join(""));
process.exit(failed ? 1 : 0);
