// The editing desk (`showcase serve --edit`) as an author uses it: open the
// printed address, change a case's title in the form, save, and see the
// page the site serves change; add a heading with the toolbar and an image
// with its description; a save over a file changed on disk is refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, launch } from "./support.mjs";

let site;
let child;
let desk;
let browser;

/** Starts `showcase serve --edit --port 0`; resolves to the desk's printed address. */
function startDesk(root) {
  const binary = process.env.SHOWCASE_BIN || join(repo, "target", "debug", "showcase");
  child = spawn(binary, ["serve", "--root", root, "--port", "0", "--edit"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, SHOWCASE_LANG: "zh" },
  });
  let printed = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve --edit did not start:\n${printed}`)), 60000);
    const read = (chunk) => {
      printed += chunk;
      const match = printed.match(/(http:\/\/127\.0\.0\.1:\d+\/_edit\/\?token=[0-9a-f]+)/);
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
  site = join(mkdtempSync(join(tmpdir(), "showcase-desk-")), "site");
  for (const part of ["site.toml", "content", "themes"]) cpSync(join(repo, part), join(site, part), { recursive: true });
  desk = await startDesk(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  child?.kill();
});

const origin = () => new URL(desk).origin;

test("a title changed in the form changes the page served", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(desk, { waitUntil: "domcontentloaded" });
  await page.waitForSelector("h1");
  assert.ok(!page.url().includes("token="), "the key leaves the address bar");
  assert.match(await page.textContent("h1"), /全部案例/);

  await page.click('a.case-title[href$="enterprises/seari.md"]');
  await page.waitForSelector("#title");
  const before = await page.inputValue("#title");
  assert.ok(before.length > 0);
  await page.fill("#title", "上海电器科学研究所：编辑台改的标题");
  // The toolbar inserts an outline heading where the cursor is.
  await page.focus("#body");
  await page.evaluate(() => {
    const body = document.getElementById("body");
    body.setSelectionRange(body.value.length, body.value.length);
  });
  await page.click('button[data-action="outline"][data-text="经验启示"]');
  await page.keyboard.type("编辑台写的一段经验。");
  await Promise.all([
    page.waitForURL(/saved=1/, { waitUntil: "domcontentloaded" }),
    page.click(".actions button[type=submit]"),
  ]);
  assert.match(await page.textContent(".notice"), /已保存/);

  const file = readFileSync(join(site, "content", "enterprises", "seari.md"), "utf8");
  assert.match(file, /^---\ntitle: 上海电器科学研究所：编辑台改的标题\n/);
  assert.match(file, /\n## 经验启示\n\n编辑台写的一段经验。/);

  // The site serves the saved page: opened before the rebuild landed or
  // after, it shows the new title by itself (a page opened before reloads
  // when the rebuild is announced; opening it again in a loop would race
  // those reloads).
  const served = await browser.newPage();
  await served.goto(`${origin()}/enterprises/seari/`, { waitUntil: "commit" });
  await served.locator("h1", { hasText: "编辑台改的标题" }).waitFor({ timeout: 15000 });
  await served.close();
  // The preview is that page as serve serves it: loaded before the rebuild
  // landed or after, it shows the saved title by itself.
  const preview = page.frameLocator("#preview");
  await preview.locator("h1", { hasText: "编辑台改的标题" }).waitFor({ timeout: 15000 });
  await page.close();
});

test("an image is uploaded into the case's folder with its description", async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(desk, { waitUntil: "domcontentloaded" });
  // The first visit sets the cookie and moves on to the list by itself.
  await page.waitForURL(/\/_edit\/$/, { waitUntil: "domcontentloaded" });
  await page.goto(`${origin()}/_edit/case?file=enterprises/seari.md`, { waitUntil: "domcontentloaded" });
  const png = readFileSync(join(repo, "tests", "fixtures", "basic", "content", "cases", "bundle", "photo.png"));
  await page.setInputFiles("#upload-file", { name: "车间 照片.png", mimeType: "image/png", buffer: png });
  // Without a description: refused, nothing sent.
  await page.click("#upload-button");
  assert.match(await page.textContent("#upload-status"), /请说明图片的内容/);
  assert.equal(existsSync(join(site, "content", "enterprises", "che-jian-zhao-pian.png")), false);
  await page.fill("#upload-alt", "研究所的实训车间");
  await page.click("#upload-button");
  await page.waitForFunction(() => document.getElementById("upload-status").textContent.startsWith("✓"));
  assert.ok(existsSync(join(site, "content", "enterprises", "che-jian-zhao-pian.png")));
  assert.match(await page.inputValue("#body"), /!\[研究所的实训车间\]\(che-jian-zhao-pian\.png\)/);
  await page.close();
});

test("a save over a file changed on disk is refused and the author's text kept", async () => {
  const page = await browser.newPage();
  await page.goto(desk, { waitUntil: "domcontentloaded" });
  // The first visit sets the cookie and moves on to the list by itself.
  await page.waitForURL(/\/_edit\/$/, { waitUntil: "domcontentloaded" });
  await page.goto(`${origin()}/_edit/case?file=enterprises/boke.md`, { waitUntil: "domcontentloaded" });
  const path = join(site, "content", "enterprises", "boke.md");
  const changed = readFileSync(path, "utf8").replace("## ", "## 别处改过 ");
  writeFileSync(path, changed);
  await page.fill("#title", "作者正在写的标题");
  await page.click(".actions button[type=submit]");
  await page.waitForSelector("#refusal");
  assert.match(await page.textContent("#refusal"), /文件已在磁盘上被修改/);
  assert.equal(await page.inputValue("#title"), "作者正在写的标题");
  assert.equal(readFileSync(path, "utf8"), changed);
  await page.close();
});
