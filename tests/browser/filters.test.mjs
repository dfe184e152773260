// The catalogue's filters on the sample site, used as a reader would:
// tick two filters, read the cases and the URL, reload the URL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { build, serve, launch } from "./support.mjs";

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

async function shownTitles(page) {
  return (await page.locator("#case-list .card-title").allTextContents()).map((t) => t.trim());
}

test("two filters narrow the list, live in the URL and survive a reload", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/cases/`);
  // With the script, the checkboxes replace the term links.
  assert.equal(await page.locator(".filter-form").isVisible(), true);
  assert.equal(await page.locator(".filter-links").isVisible(), false);
  const all = await shownTitles(page);
  assert.ok(all.length > 1);

  await page.check("input[name=kind][value=park]");
  await page.check("input[name=partner][value=tongji]");
  await page.waitForFunction(() => document.querySelector(".filter-status").textContent !== "");
  assert.deepEqual(await shownTitles(page), ["天地科技园：环同济医学院生命健康产业总部基地"]);
  assert.equal(await page.locator(".filter-status").textContent(), "共 1 个案例符合条件");
  assert.equal(await page.locator(".filter-status").getAttribute("aria-live"), "polite");
  assert.equal(await page.locator(".pagination").count() === 0 || !(await page.locator(".pagination").isVisible()), true);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("kind"), "park");
  assert.equal(url.searchParams.get("partner"), "tongji");

  // The same URL, opened afresh, gives the same view.
  const again = await browser.newPage();
  await again.goto(page.url());
  await again.waitForFunction(() => document.querySelector(".filter-status").textContent !== "");
  assert.deepEqual(await shownTitles(again), ["天地科技园：环同济医学院生命健康产业总部基地"]);
  assert.equal(await again.isChecked("input[name=kind][value=park]"), true);
  assert.equal(await again.isChecked("input[name=partner][value=tongji]"), true);

  // OR within a taxonomy: adding a second partner widens the list.
  await again.check("input[name=partner][value=tsinghua]");
  await again.waitForFunction(() => document.querySelectorAll("#case-list .card").length === 2);
  assert.equal(new URL(again.url()).searchParams.get("partner"), "tongji,tsinghua");

  // Clearing restores the full first page and the URL.
  await again.click("button[type=reset]");
  // …and says how many cases there are again.
  await again.waitForFunction(() => /^共 \d+ 个案例$/.test(document.querySelector(".filter-status").textContent));
  assert.deepEqual(await shownTitles(again), all);
  assert.equal(new URL(again.url()).search, "");
  await page.close();
  await again.close();
});

test("the filters work by keyboard alone, in English too", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/en/cases/`);
  const box = page.locator("input[name=kind][value=platform]");
  await box.focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelector(".filter-status").textContent !== "");
  const titles = await shownTitles(page);
  assert.ok(titles.length >= 2, titles.join(" | "));
  assert.match(await page.locator(".filter-status").textContent(), /^\d+ cases match$/);
  assert.equal(new URL(page.url()).searchParams.get("kind"), "platform");
  // Every listed case is a platform.
  const kinds = await page.locator("#case-list .card-meta .tag:first-child").allTextContents();
  assert.ok(kinds.every((k) => k.trim() === "Platform"), kinds.join(","));
  await page.close();
});

test("without JavaScript the term links reach each term's page", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/cases/`);
  assert.equal(await page.locator(".filter-form").isVisible(), false);
  await page.click(".filter-links a[href='/partner/tongji/']");
  assert.equal(new URL(page.url()).pathname, "/partner/tongji/");
  assert.deepEqual(
    (await page.locator(".cards .card-title").allTextContents()).map((t) => t.trim()),
    ["天地科技园：环同济医学院生命健康产业总部基地"],
  );
  await context.close();
});
