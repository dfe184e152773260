// Accessibility of the default theme on the built sample site: axe-core's
// WCAG 2.1 A and AA rules on the main kinds of page, in both languages, on a
// phone and a desktop; no sideways scrolling on a phone; keyboard reach; no
// request to another host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build, serve, launch } from "./support.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server;
let browser;

before(async () => {
  server = await serve(build());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pages = [
  ["home", "/"],
  ["case", "/enterprises/ximalaya/"],
  ["case list", "/cases/"],
  ["section", "/parks/"],
  ["term", "/department/education/"],
  ["taxonomy", "/partner/"],
  ["progress", "/progress/"],
  ["search", "/search/?q=%E6%A0%A1%E4%BC%81%E5%90%88%E4%BD%9C"],
  ["404", "/404.html"],
];

for (const width of [360, 1280]) {
  for (const prefix of ["", "/en"]) {
    for (const [name, path] of pages) {
      const url = name === "404" ? path : prefix + path;
      test(`axe finds no WCAG 2.1 A/AA violation: ${name} ${prefix || "/zh"} at ${width}px`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        const foreign = [];
        page.on("request", (request) => {
          if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) foreign.push(request.url());
        });
        await page.goto(server.url + url);
        if (name === "search") {
          await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
        }
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() =>
          window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
        );
        const violations = result.violations.map((v) =>
          `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`,
        );
        assert.deepEqual(violations, [], violations.join("\n"));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
        assert.deepEqual(foreign, []);
        await page.close();
      });
    }
  }
}

test("the keyboard reaches the skip link, the language switcher, the search box and the filters", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/cases/`);
  const reached = new Set();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const what = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return "";
      if (el.classList.contains("skip-link")) return "skip";
      if (el.closest(".lang-switch")) return "language";
      if (el.id === "site-search-q") return "search";
      if (el.closest(".filter-form")) return "filters";
      return "";
    });
    if (what) reached.add(what);
  }
  assert.deepEqual([...reached].sort(), ["filters", "language", "search", "skip"]);
  // The skip link moves focus to the main content.
  await page.goto(`${server.url}/cases/`);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  await page.close();
});
