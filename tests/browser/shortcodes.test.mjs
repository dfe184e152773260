// Shortcodes in the browser: the fixture page with the video, figure, callout,
// quote and CSV table passes axe-core's WCAG 2.1 A/AA rules in both languages
// at phone and desktop widths and at the largest text size, without sideways
// scrolling and without a request to another host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, serve, launch, repo } from "./support.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server;
let browser;

before(async () => {
  // A copy, so the build's cache folder is not written into the repository.
  const site = join(mkdtempSync(join(tmpdir(), "showcase-shortcodes-")), "site");
  cpSync(join(repo, "tests", "fixtures", "shortcodes"), site, { recursive: true });
  server = await serve(build(site));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [360, 1280]) {
  for (const prefix of ["", "/en"]) {
    for (const size of ["0", "2"]) {
      test(`shortcodes: axe finds no violation on ${prefix || "/zh"} at ${width}px, text size ${size}`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        const foreign = [];
        page.on("request", (request) => {
          if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) foreign.push(request.url());
        });
        await page.goto(`${server.url}${prefix}/cases/media/`);
        await page.evaluate((s) => document.documentElement.setAttribute("data-text-size", s), size);
        for (const selector of ["video", ".sc-figure img", ".sc-callout", ".sc-quote blockquote", ".sc-table table"]) {
          assert.ok(await page.locator(selector).first().isVisible(), `${selector} is shown`);
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

test("shortcodes: the table scrolls inside its own box, which the keyboard reaches", async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${server.url}/cases/media/`);
  const focusable = await page.locator(".sc-table-scroll").getAttribute("tabindex");
  assert.equal(focusable, "0");
  await page.close();
});
