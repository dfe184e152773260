// Screenshots of the sample site as readers see it: each kind of page, in both
// languages, on a phone (360×800) and a desktop (1280×900), and on a phone at
// the largest text size. Run by scripts/screenshots; writes PNG files to the
// folder given (docs/screenshots by default).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { build, serve, launch, repo } from "./support.mjs";

const out = process.argv[2] || join(repo, "docs", "screenshots");
mkdirSync(out, { recursive: true });

const pages = [
  ["home", "/"],
  ["case", "/enterprises/ximalaya/"],
  ["wechat", "/enterprises/ximalaya/wechat/"],
  ["cases", "/cases/"],
  ["progress", "/progress/"],
  ["search", "/search/?q=%E6%A0%A1%E4%BC%81%E5%90%88%E4%BD%9C"],
];
const views = [
  ["phone", { width: 360, height: 800 }, null],
  ["desktop", { width: 1280, height: 900 }, null],
  ["phone-largest", { width: 360, height: 800 }, "2"],
];
const only = (process.env.SHOTS || "").split(",").filter(Boolean);

// SITE_ROOT builds another site (with SHOWCASE_BIN, another showcase), to compare.
const server = await serve(build(process.env.SITE_ROOT || repo));
const browser = await launch();
try {
  for (const [view, viewport, size] of views) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    if (size) await context.addInitScript((s) => localStorage.setItem("showcase-text-size", s), size);
    const page = await context.newPage();
    for (const prefix of ["", "/en"]) {
      for (const [name, path] of pages) {
        const file = `${name}-${prefix ? "en" : "zh"}-${view}.png`;
        if (only.length && !only.some((o) => file.includes(o))) continue;
        await page.goto(server.url + prefix + (name === "search" && prefix ? "/search/?q=cooperation" : path));
        if (name === "search") await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: join(out, file) });
        console.log(join(out, file));
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
