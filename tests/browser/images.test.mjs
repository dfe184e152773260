// Images in a case's text, as a reader on a slow connection meets them: each
// takes its place before its file arrives (its width and height are in the
// page), so nothing moves when it does; the browser picks a copy that fits the
// screen; images below the first screen wait until they are scrolled to.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, serve, launch, repo } from "./support.mjs";

let server;
let browser;

const PARAGRAPH = {
  zh: "园区通过校企合作，把实验室里的成果带到生产线上，企业与高校共建实训基地，每年接纳学生实习，帮助中小企业解决技术难题。",
  en: "The park brings laboratory results to the production line through partnerships between universities and companies, with shared training bases and internships every year.",
};

function page(lang) {
  const [title, alt1, alt2, alt3, heading] = lang === "zh"
    ? ["图片较多的案例", "园区大门", "车间一角", "展厅", "现场"]
    : ["A case with pictures", "The park gate", "A corner of the workshop", "The showroom", "On site"];
  const text = `${PARAGRAPH[lang]}\n\n`;
  // Far enough down that the browser does not fetch the last image until it is scrolled to.
  const long = text.repeat(40);
  return `---\ntitle: ${title}\ndate: 2022-01-03\nkind: park\n---\n\n${text}![${alt1}](gate.png)\n\n${text}## ${heading}\n\n${text}${text}![${alt2}](workshop.png)\n\n${long}![${alt3}](hall.png)\n\n${text}`;
}

before(async () => {
  const root = join(mkdtempSync(join(tmpdir(), "showcase-images-")), "site");
  cpSync(join(repo, "tests", "fixtures", "basic"), root, { recursive: true });
  cpSync(join(repo, "themes"), join(root, "themes"), { recursive: true });
  const bundle = join(root, "content", "cases", "pictures");
  mkdirSync(bundle, { recursive: true });
  for (const name of ["gate.png", "workshop.png", "hall.png"]) {
    cpSync(join(repo, "tests", "fixtures", "basic", "content", "cases", "bundle", "photo.png"), join(bundle, name));
  }
  writeFileSync(join(bundle, "index.md"), page("zh"));
  writeFileSync(join(bundle, "index.en.md"), page("en"));
  server = await serve(build(root));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

for (const [lang, prefix] of [["zh", ""], ["en", "/en"]]) {
  for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    test(`text images (${lang}, ${name}): in place before they load, nothing moves when they do, a copy that fits`, async (t) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      await context.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      // The images of the text arrive late, as on a slow phone connection; each request is counted.
      const requested = [];
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await context.route(/\/cases\/pictures\/[^/]+\.(png|webp)$/, async (route) => {
        requested.push(new URL(route.request().url()).pathname);
        await held;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(server.url + prefix + "/cases/pictures/", { waitUntil: "domcontentloaded" });
      const boxes = await page.evaluate(() => [...document.querySelectorAll(".case-body img, .prose img")]
        .filter((img) => img.src.includes("/cases/pictures/"))
        .map((img) => {
          const r = img.getBoundingClientRect();
          return { w: r.width, h: r.height, complete: img.complete && img.naturalWidth > 0, lazy: img.loading };
        }));
      assert.equal(boxes.length, 3, JSON.stringify(boxes));
      for (const box of boxes) {
        assert.ok(!box.complete, "the image is still on its way");
        assert.ok(box.w > 200, `width ${box.w}`);
        assert.ok(Math.abs(box.h - box.w / 2) <= 1, `the 1200×600 image holds its place before it loads: ${box.w}×${box.h}`);
      }
      assert.deepEqual(boxes.map((b) => b.lazy), ["auto", "lazy", "lazy"], "the first image, above the first heading, loads at once");
      // Below the first screen, the last image is not asked for until the reader gets near it.
      await page.waitForTimeout(300);
      assert.ok(!requested.some((p) => p.includes("hall")), `requested before scrolling: ${requested}`);
      release();
      await page.waitForLoadState("load");
      await page.evaluate(() => document.querySelectorAll(".prose img, .case-body img")[2]?.scrollIntoView());
      await page.waitForFunction(() => [...document.images].filter((i) => i.src.includes("/cases/pictures/")).every((i) => i.complete && i.naturalWidth > 0));
      await page.waitForTimeout(200);
      const cls = await page.evaluate(() => window.__cls);
      t.diagnostic(`CLS ${cls.toFixed(4)}; requested ${requested.join(" ")}`);
      assert.ok(cls <= 0.02, `cumulative layout shift ${cls.toFixed(3)}`);
      // A phone gets a copy narrower than the 1200-pixel original; WebP where it is offered.
      const chosen = await page.evaluate(() => [...document.images].filter((i) => i.src.includes("/cases/pictures/")).map((i) => i.currentSrc));
      for (const src of chosen) {
        if (name === "phone") assert.match(src, /\.480w\.(png|webp)$/, src);
        else assert.match(src, /\.(960w\.(png|webp)|1200w\.webp|png)$/, src);
      }
      await context.close();
    });
  }
}
