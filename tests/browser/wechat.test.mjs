// The WeChat article page as the office's staff use it: "Copy article" puts the
// article on the clipboard as HTML (with plain text beside it) and says what to do
// next; without scripts the article is still there to select. And the case page's
// QR code: shown beside the text on wide screens, hidden on phones, moving nothing.
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

const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 900 };
const CASES = [
  ["zh", "/enterprises/ximalaya/", "已复制", "参考链接"],
  ["en", "/en/enterprises/ximalaya/", "Copied", "References"],
];

for (const [lang, path, copied, references] of CASES) {
  test(`${lang}: Copy article puts the article on the clipboard as HTML and plain text`, async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await context.newPage();
    await page.goto(server.url + path + "wechat/");
    const button = page.locator("[data-wechat-copy]");
    assert.ok(await button.isVisible(), "the copy button shows with scripts");
    await button.click();
    await page.waitForFunction(() => document.querySelector(".wechat-status").textContent.length > 0);
    const status = await page.locator(".wechat-status").textContent();
    assert.ok(status.startsWith(copied), `status: ${status}`);
    const clip = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const out = {};
      for (const type of items[0].types) out[type] = await (await items[0].getType(type)).text();
      return out;
    });
    assert.ok(clip["text/html"], `HTML on the clipboard: ${Object.keys(clip)}`);
    assert.match(clip["text/html"], /^<section style="/);
    assert.ok(!/<(a|script|style|link)\b|class=/.test(clip["text/html"]), "only what the editor keeps");
    assert.ok(clip["text/html"].includes(`${path}wechat/qr.png"`), "the QR code image is in it");
    assert.ok(clip["text/plain"].includes(references), "the plain text has the references");
    assert.ok(clip["text/plain"].includes("https://"), "and their addresses");
    await context.close();
  });

  test(`${lang}: without scripts the article is there to select, and no dead button shows`, async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + path + "wechat/");
    assert.equal(await page.locator("[data-wechat-copy]").isVisible(), false);
    const text = await page.locator("#wechat-article").innerText();
    assert.ok(text.includes(references), text.slice(0, 200));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the page scrolls sideways: ${width}`);
    await context.close();
  });

  test(`${lang}: the case page's QR code shows on wide screens only and moves nothing`, async () => {
    for (const [viewport, shown] of [[DESKTOP, true], [PHONE, false]]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(server.url + path);
      await page.waitForLoadState("load");
      assert.equal(await page.locator(".page-qr").isVisible(), shown, `${viewport.width}px`);
      if (shown) {
        const box = await page.locator(".page-qr svg").boundingBox();
        assert.equal(Math.round(box.width), 128);
      }
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => window.__shift);
      assert.ok(shift < 0.01, `layout shift ${shift} at ${viewport.width}px`);
      await context.close();
    }
  });
}

for (const width of [360, 1280]) {
  for (const [lang, path] of CASES) {
    test(`${lang}: axe finds no WCAG 2.1 A/AA violation on the article page at ${width}px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      // The article's images are on the published site (base_url): not fetched here.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      await page.goto(server.url + path + "wechat/");
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
      );
      const violations = result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      assert.deepEqual(violations, [], violations.join("\n"));
      await page.close();
    });
  }
}
