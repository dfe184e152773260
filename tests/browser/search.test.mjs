// Search on the built sample site, as a reader uses it.
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

async function results(page) {
  await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
  return (await page.locator(".result-title").allTextContents()).map((t) => t.trim());
}

test("a Chinese query finds the cases, follows one, and the URL restores the results", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  await page.fill("#search-q", "校企合作");
  const found = await results(page);
  assert.ok(found.length >= 2, found.join(" | "));
  assert.equal(found[0], "区级产教融合校企合作基地建设", "the title with the phrase comes first");
  assert.match(await page.locator("#search-status").textContent(), /^找到 \d+ 个结果$/);
  assert.equal(await page.locator(".search-result mark").first().textContent(), "校企合作");
  assert.equal(new URL(page.url()).searchParams.get("q"), "校企合作");

  // A sub-phrase finds it too.
  await page.fill("#search-q", "院校");
  assert.ok((await results(page)).some((t) => t.includes("职业院校")));
  await page.fill("#search-q", "校企合作");
  await page.waitForFunction(() => document.querySelector(".result-title")?.textContent.includes("校企合作"));

  const url = page.url();
  await page.click(".result-title a >> nth=0");
  await page.waitForURL((u) => u.pathname === "/bases/district-bases/");
  assert.equal(await page.locator("h1").textContent(), "区级产教融合校企合作基地建设");
  await page.goBack();
  assert.deepEqual(await results(page), found);

  const fresh = await browser.newPage();
  await fresh.goto(url);
  assert.deepEqual(await results(fresh), found);
  assert.equal(await fresh.inputValue("#search-q"), "校企合作");
  await page.close();
  await fresh.close();
});

test("an English query is stemmed, and the header's box searches from any page", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/en/cases/`);
  await page.fill("#site-search-q", "platforms");
  await page.press("#site-search-q", "Enter");
  await page.waitForURL((u) => u.pathname === "/en/search/");
  const found = await results(page);
  assert.ok(found.length >= 3, found.join(" | "));
  assert.ok(found.slice(0, 3).every((t) => /platform/i.test(t)), found.join(" | "));
  assert.match(await page.locator("#search-status").textContent(), /^\d+ results$/);
  // A word typed in part finds the words it begins.
  await page.fill("#search-q", "robot");
  assert.ok((await results(page)).some((t) => t.includes("robotics")));
  await page.close();
});

test("without JavaScript the search page says so", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/search/?q=test`);
  assert.match(await page.locator("main").textContent(), /搜索需要浏览器启用 JavaScript/);
  await context.close();
});

test("a one-word query fetches only a few small files", async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on("response", async (response) => {
    if (response.url().includes("/search/") && !response.url().endsWith("/search/?q=%E5%9F%BA%E5%9C%B0")) {
      fetched.push({ url: response.url(), bytes: (await response.body()).length });
    }
  });
  await page.goto(`${server.url}/search/?q=${encodeURIComponent("基地")}`);
  await results(page);
  const index = fetched.filter((f) => /\/search\/(index\.json|s\/)/.test(f.url));
  assert.ok(index.length <= 3, JSON.stringify(index));
  await page.close();
});

test("one character finds every page that holds it, inside words too", async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on("response", async (response) => {
    if (/\/search\/(index\.json|s\/)/.test(response.url())) fetched.push(response.url());
  });
  // 众 stands only inside words (众多), in two cases.
  await page.goto(`${server.url}/search/?q=${encodeURIComponent("众")}`);
  const found = await results(page);
  assert.deepEqual(found.slice().sort(), [
    "上海清华国际创新中心：“长三角云上科创”平台",
    "中以（上海）创新园：国际科技成果转移转化服务枢纽",
  ]);
  assert.match(await page.locator("#search-status").textContent(), /^找到 2 个结果$/);
  assert.equal(await page.locator(".search-result mark").first().textContent(), "众");
  // The manifest and one shard.
  assert.ok(fetched.length <= 2, fetched.join(" "));

  // A common character finds many pages; each result holds it.
  await page.goto(`${server.url}/search/?q=${encodeURIComponent("校")}`);
  await results(page);
  const count = Number((await page.locator("#search-status").textContent()).match(/\d+/)[0]);
  assert.ok(count >= 15, `${count} results for 校`);
  const snippets = await page.locator(".search-result").allTextContents();
  assert.ok(snippets.every((s) => s.includes("校")), snippets.join(" | "));
  await page.close();
});
