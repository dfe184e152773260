// The site's own menu and the table of contents of a long case, on the
// settings fixture (six [[menu]] entries, one of them external): axe finds no
// WCAG 2.1 A/AA violation with the menu and the contents open, nothing
// scrolls sideways at 360 px even at the largest text size, and opening the
// contents moves nothing above it. SHOTS_DIR=folder also saves screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync, mkdtempSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build, serve, launch, repo } from "./support.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const shots = process.env.SHOTS_DIR;
if (shots) mkdirSync(shots, { recursive: true });

let server;
let browser;

before(async () => {
  // A copy: a build keeps its caches in the site's folder.
  const root = join(mkdtempSync(join(tmpdir(), "showcase-settings-")), "site");
  cpSync(join(repo, "tests", "fixtures", "settings"), root, { recursive: true });
  server = await serve(build(root));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`,
  );
}

for (const [width, height] of [[360, 800], [1280, 900]]) {
  for (const size of [null, "2"]) {
    for (const lang of ["zh", "en"]) {
      const prefix = lang === "en" ? "/en" : "";
      const what = `${width}px${size ? ", largest text" : ""}, ${lang}`;
      test(`long case with the menu and contents open: axe clean, no sideways scroll (${what})`, async () => {
        const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
        if (size) await context.addInitScript((s) => localStorage.setItem("showcase-text-size", s), size);
        const page = await context.newPage();
        await page.goto(`${server.url}${prefix}/cases/long/`);
        await page.waitForLoadState("networkidle");
        const name = `settings-case-${lang}-${width}${size ? "-largest" : ""}`;
        if (shots) await page.screenshot({ path: join(shots, `${name}.png`) });
        const toc = page.locator("details.toc");
        if (width < 1000) {
          assert.ok(await toc.isVisible(), "the contents show on a phone");
          const below = page.locator(".prose h2").first();
          const before = await below.boundingBox();
          const header = await page.locator(".case-header").boundingBox();
          await toc.locator("summary").click();
          const after = await page.locator(".case-header").boundingBox();
          assert.equal(after.y, header.y, "nothing above the contents moves");
          assert.ok((await below.boundingBox()).y > before.y, "the contents open in place");
          await toc.locator("a").nth(1).click();
          assert.match(page.url(), /#(zhu-yao-zuo-fa|approach)$/);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.locator("details.menu > summary").click();
          assert.ok(await page.locator(".main-nav a.external").isVisible());
          if (shots) await page.screenshot({ path: join(shots, `${name}-open.png`) });
        } else {
          assert.ok(!(await toc.isVisible()), "the outline beside the text replaces the contents");
          assert.ok(await page.locator("nav.outline").isVisible());
          assert.ok(await page.locator(".main-nav a.external").isVisible(), "the full menu shows");
        }
        assert.deepEqual(await axe(page), []);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
        await context.close();
      });
    }
  }
}

test("a short case has no contents", async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${server.url}/cases/short/`);
  assert.equal(await page.locator("details.toc").count(), 0);
  await page.close();
});
