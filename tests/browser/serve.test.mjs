// showcase serve as an author uses it: open a page, save an edit to its
// Markdown, and the page reloads by itself with the change; break the file
// and the page shows the error over the last good version; fix it and the
// error goes away; change only the stylesheet and it is swapped in place.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, launch } from "./support.mjs";

let site;
let child;
let url;
let browser;

/** Starts `showcase serve --port 0` on a copy of the sample site; resolves to its URL. */
function startServe(root) {
  const binary = process.env.SHOWCASE_BIN || join(repo, "target", "debug", "showcase");
  // Messages in Chinese, as the office's authors read them, whatever the machine's locale.
  child = spawn(binary, ["serve", "--root", root, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, SHOWCASE_LANG: "zh" },
  });
  let printed = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${printed}`)), 60000);
    const read = (chunk) => {
      printed += chunk;
      const match = printed.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${printed}`)));
  });
}

before(async () => {
  site = join(mkdtempSync(join(tmpdir(), "showcase-serve-")), "site");
  for (const part of ["site.toml", "content", "themes"]) cpSync(join(repo, part), join(site, part), { recursive: true });
  url = await startServe(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  child?.kill();
});

test("a saved edit reloads the open page; a broken one shows the error until fixed", async () => {
  const file = join(site, "content", "enterprises", "seari.md");
  const original = readFileSync(file, "utf8");
  // On a phone: the overlay must be readable there.
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${url}/enterprises/seari/`);
  await page.evaluate(() => { window.notReloaded = true; });

  writeFileSync(file, `${original}\n\n浏览器里的新段落。\n`);
  await page.waitForFunction(() => document.body.textContent.includes("浏览器里的新段落"), null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => window.notReloaded), undefined, "the page reloaded");

  writeFileSync(file, original.replace(/^title: .*$/m, "title: [broken"));
  const overlay = page.locator("#showcase-errors");
  await overlay.waitFor({ timeout: 15000 });
  assert.match(await overlay.textContent(), /seari\.md:\d+:\d+/);
  assert.match(await overlay.textContent(), /页首信息的格式有误（YAML）/);
  assert.ok((await page.textContent("main")).includes("浏览器里的新段落"), "the last good page stays");
  // In the author's language, with the lines of the file around the problem.
  assert.match(await overlay.textContent(), /网站有 1 个错误/);
  assert.match(await overlay.textContent(), /修改文件并保存后，本页会自动刷新/);
  assert.match(await overlay.locator("pre").first().textContent(), /\d+ \| title: \[broken/);
  // Opaque, the whole screen, nothing wider than the phone, text of 16 px or more.
  const look = await overlay.evaluate((el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const sizes = [...el.querySelectorAll("h2, p, pre")].map((e) => parseFloat(getComputedStyle(e).fontSize));
    return {
      background: style.backgroundColor, width: box.width, height: box.height,
      overflows: el.scrollWidth > el.clientWidth, smallest: Math.min(...sizes),
    };
  });
  assert.equal(look.background, "rgb(255, 255, 255)");
  assert.equal(look.width, 360);
  assert.equal(look.height, 800);
  assert.ok(!look.overflows, "nothing sideways");
  assert.ok(look.smallest >= 16, `text of ${look.smallest} px`);
  if (process.env.SHOTS_DIR) await page.screenshot({ path: join(process.env.SHOTS_DIR, "overlay-zh-phone.png") });

  writeFileSync(file, original);
  await overlay.waitFor({ state: "detached", timeout: 15000 });
  assert.ok(!(await page.textContent("main")).includes("浏览器里的新段落"));
  await page.close();
});

test("a stylesheet change is swapped in without a reload", async () => {
  const css = join(site, "themes", "default", "static", "style.css");
  const original = readFileSync(css, "utf8");
  const page = await browser.newPage();
  await page.goto(`${url}/`);
  await page.evaluate(() => { window.notReloaded = true; });
  try {
    writeFileSync(css, `${original}\nbody { outline: 7px solid rgb(1, 2, 3); }\n`);
    await page.waitForFunction(() => getComputedStyle(document.body).outlineWidth === "7px", null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.notReloaded), true, "no reload");
  } finally {
    writeFileSync(css, original);
    await page.close();
  }
});
