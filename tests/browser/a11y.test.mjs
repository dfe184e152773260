// Accessibility of the default theme on the built sample site: axe-core's
// WCAG 2.1 A and AA rules on the main kinds of page, in both languages, on a
// phone and a desktop; no sideways scrolling on a phone; keyboard reach; no
// request to another host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
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

test("text size and contrast change the page and hold across a navigation", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/enterprises/ximalaya/`);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const before = await size();
  // The reading tools open from the header's accessibility button.
  assert.equal(await page.isVisible(".reading-tools"), false);
  await page.click(".tools > summary");
  await page.click(".reading-tools [data-text-size='2']");
  assert.ok((await size()) >= before * 1.3, `text grows from ${before}px`);
  assert.equal(await page.getAttribute(".reading-tools [data-text-size='2']", "aria-pressed"), "true");
  // Reachable by keyboard: focus the contrast button and press Enter.
  await page.focus(".reading-tools [data-contrast-toggle]");
  await page.keyboard.press("Enter");
  assert.equal(await background(), "rgb(0, 0, 0)");
  // Another page keeps both, drawn that way from the start.
  await page.click(".menu > summary");
  await page.click(".main-nav a >> nth=1");
  await page.waitForLoadState();
  assert.ok((await size()) >= before * 1.3);
  assert.equal(await background(), "rgb(0, 0, 0)");
  assert.equal(await page.getAttribute(".reading-tools [data-contrast-toggle]", "aria-pressed"), "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the larger text scrolls sideways by ${overflow}px`);
  // High contrast passes axe's colour rules too.
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast"] } }));
  assert.deepEqual(result.violations.map((v) => v.nodes.map((n) => n.target.join(" "))).flat(), []);
  // Back to normal.
  await page.click(".tools > summary");
  await page.click(".reading-tools [data-text-size='0']");
  await page.click(".reading-tools [data-contrast-toggle]");
  await page.reload();
  assert.equal(await size(), before);
  await context.close();
});

test("a case page weighs at most 50 KB compressed, HTML, CSS and scripts together", async () => {
  const page = await browser.newPage();
  let total = 0;
  page.on("response", async (response) => {
    if (/\.(html|css|js)$|\/$/.test(new URL(response.url()).pathname)) {
      total += gzipSync(await response.body()).length;
    }
  });
  await page.goto(`${server.url}/enterprises/ximalaya/`);
  await page.waitForLoadState("networkidle");
  assert.ok(total > 0 && total <= 50 * 1024, `${total} bytes`);
  await page.close();
});
