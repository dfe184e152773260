// The sample site's layout as a reader meets it on a phone (360×800) and a
// desktop (1280×900), in both languages: where the title and the first case
// start, that nothing moves once drawn (cumulative layout shift), that nothing
// scrolls sideways at 320 px even at the largest text size, the smallest text
// on the progress page, the header's menu with and without scripts, and
// read-aloud that tells the truth when the browser cannot speak.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, serve, launch } from "./support.mjs";

let server;
let browser;
let folder;

before(async () => {
  folder = build();
  server = await serve(folder);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 900 };
const LANGS = [["zh", ""], ["en", "/en"]];
const CASE = "/enterprises/ximalaya/";
const QUERY = { zh: "%E6%A0%A1%E4%BC%81%E5%90%88%E4%BD%9C", en: "cooperation" };

/** A page in a fresh context; `size` is the reading tools' text size ("1", "2"), set as a reader's stored choice. */
async function open(path, { viewport = PHONE, size = null, javaScriptEnabled = true, init = null } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  if (size) await context.addInitScript((s) => localStorage.setItem("showcase-text-size", s), size);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(server.url + path);
  return { page, context };
}

const top = (page, selector) => page.evaluate((s) => {
  const el = document.querySelector(s);
  return el ? el.getBoundingClientRect().top + window.scrollY : null;
}, selector);

for (const [lang, prefix] of LANGS) {
  const SEARCH = `/search/?q=${QUERY[lang]}`;
  test(`case page (${lang}): the title within the first 200 px of a phone, the summary on the first screen at the largest text`, async (t) => {
    let { page, context } = await open(prefix + CASE);
    const h1 = await top(page, "main h1");
    assert.ok(h1 !== null && h1 <= 200, `h1 at ${h1}px`);
    t.diagnostic(`h1 at ${Math.round(h1)}px`);
    // The breadcrumbs take one line.
    const crumbs = await page.evaluate(() => document.querySelector(".breadcrumbs ol").getBoundingClientRect().height);
    assert.ok(crumbs <= 45, `breadcrumbs ${crumbs}px high`);
    await context.close();

    ({ page, context } = await open(prefix + CASE, { size: "2" }));
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".prose p")).fontSize), "24px");
    const first = await top(page, "main p.lead");
    assert.ok(first !== null && first < 800 - 40, `first paragraph at ${first}px`);
    t.diagnostic(`largest text: first paragraph at ${Math.round(first)}px`);
    // The site's name keeps whole words (never one character alone on a line).
    const lines = await page.evaluate(() => {
      const title = document.querySelector(".site-title");
      const range = document.createRange();
      range.selectNodeContents(title);
      return Array.from(range.getClientRects()).map((r) => Math.round(r.width));
    });
    assert.ok(lines.every((w) => w > 40), `title lines ${lines}`);
    await context.close();
  });

  for (const [name, viewport, limit] of [["phone", PHONE, 600], ["desktop", DESKTOP, 700]]) {
    test(`catalogue (${lang}, ${name}): the first case starts within ${limit} px`, async (t) => {
      const { page, context } = await open(prefix + "/cases/", { viewport });
      const first = await top(page, "#case-list .card");
      assert.ok(first !== null && first <= limit, `first case at ${first}px`);
      t.diagnostic(`first case at ${Math.round(first)}px`);
      await context.close();
    });
  }

  test(`no layout shift (${lang}): home, a case, the catalogue, progress and a search with results, on a phone`, async (t) => {
    for (const path of ["/", CASE, "/cases/", "/progress/", SEARCH]) {
      const { page, context } = await open(prefix + path, {
        init: () => {
          window.__cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
          }).observe({ type: "layout-shift", buffered: true });
        },
      });
      if (path === SEARCH) await page.waitForFunction(() => document.querySelectorAll(".search-result").length > 0);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls <= 0.02, `${path}: cumulative layout shift ${cls.toFixed(3)}`);
      t.diagnostic(`${path}: CLS ${cls.toFixed(4)}`);
      await context.close();
    }
  });

  test(`reflow (${lang}): nothing scrolls sideways at 320 px, at every text size`, async () => {
    for (const size of [null, "1", "2"]) {
      for (const path of ["/", CASE, "/cases/", "/progress/", SEARCH, "/partner/", "/department/education/", "/404.html"]) {
        const url = path === "/404.html" ? `${prefix}/404.html` : prefix + path;
        const { page, context } = await open(url, { viewport: { width: 320, height: 640 }, size });
        await page.waitForLoadState("networkidle");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${url} at text size ${size || 0} scrolls sideways by ${overflow}px`);
        await context.close();
      }
    }
  });

  test(`progress page (${lang}): no text under 12 px on a phone, the table stacked, the counts said as what they are`, async (t) => {
    const { page, context } = await open(prefix + "/progress/");
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim()) continue;
        const el = node.parentElement;
        if (el.closest(".visually-hidden")) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        // An SVG's text is as small as its drawing is scaled.
        const svg = el.closest("svg");
        const scale = svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * scale);
      }
      return min;
    });
    assert.ok(smallest >= 12, `smallest text ${smallest}px`);
    t.diagnostic(`smallest text ${smallest}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0);
    // Stacked: each row is one block as wide as the page.
    const rowWidth = await page.evaluate(() => document.querySelector(".data-table tbody tr").getBoundingClientRect().width);
    assert.ok(rowWidth > 300, `row ${rowWidth}px wide`);
    const text = await page.textContent("main");
    assert.doesNotMatch(text, /%|完成比例|Share of goal/);
    assert.match(text, lang === "zh" ? /本站已发布/ : /published here/);
    await context.close();
  });

  test(`menu (${lang}): a disclosure on phones, with and without scripts; the full navigation on desktop`, async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, context } = await open(prefix + CASE, { javaScriptEnabled });
      const nav = page.locator(".main-nav");
      assert.equal(await nav.isVisible(), false, "the menu starts closed");
      const before = await top(page, "main h1");
      await page.click(".menu > summary");
      assert.equal(await nav.isVisible(), true, "the menu opens");
      assert.equal(await page.getAttribute(".menu", "open"), "");
      // It opens over the page: nothing under it moves.
      assert.equal(await top(page, "main h1"), before);
      await page.click(".main-nav a >> nth=1");
      await page.waitForLoadState();
      assert.equal(new URL(page.url()).pathname, `${prefix}/cases/`);
      if (javaScriptEnabled) {
        await page.click(".menu > summary");
        await page.keyboard.press("Escape");
        assert.equal(await nav.isVisible(), false, "Escape closes it");
      }
      await context.close();
    }
    const { page, context } = await open(prefix + CASE, { viewport: DESKTOP });
    assert.equal(await page.locator(".main-nav").isVisible(), true);
    assert.equal(await page.locator(".menu > summary").isVisible(), false);
    await context.close();
  });
}

/** A stand-in for the browser's speech engine: voices of `langs`; `fail` makes it report an error instead of speaking. */
function speech({ langs, fail }) {
  return `(() => {
    window.__spoken = [];
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    const voices = ${JSON.stringify(langs)}.map((lang) => ({ lang, name: lang }));
    Object.defineProperty(window, "speechSynthesis", {
      value: {
        speak: (u) => {
          window.__spoken.push({ text: u.text, lang: u.lang });
          setTimeout(() => {
            if (${fail}) { if (u.onerror) u.onerror({ error: "synthesis-failed" }); }
            else if (u.onstart) u.onstart({});
          }, 20);
        },
        cancel: () => { window.__spoken.cancelled = true; },
        pause: () => { window.__spoken.paused = true; },
        resume: () => { window.__spoken.resumed = true; },
        getVoices: () => voices,
        addEventListener: () => {},
      },
    });
  })()`;
}

test("read-aloud speaks where a voice of the page's language exists, and says so only once speech has started", async () => {
  const { page, context } = await open(`/en${CASE}`, { init: speech({ langs: ["en-US", "zh-CN"], fail: false }) });
  await page.click(".tools > summary");
  assert.equal(await page.isVisible(".read-aloud"), true);
  await page.click("[data-speech=start]");
  await page.waitForFunction(() => document.querySelector(".read-aloud-status").textContent === "Reading aloud");
  const spoken = await page.evaluate(() => window.__spoken);
  assert.ok(spoken.length > 3 && spoken[0].text.startsWith("Ximalaya"), JSON.stringify(spoken.slice(0, 2)));
  assert.ok(spoken.every((u) => u.lang === "en"));
  await page.click("[data-speech=pause]");
  assert.equal(await page.evaluate(() => window.__spoken.paused), true);
  assert.equal(await page.textContent("[data-speech=pause]"), "Resume");
  await page.click("[data-speech=stop]");
  assert.equal(await page.evaluate(() => window.__spoken.cancelled), true);
  assert.equal(await page.isVisible("[data-speech=start]"), true);
  await context.close();
});

test("read-aloud that fails says so and resets its controls; without a voice for the language it is not offered", async () => {
  let { page, context } = await open(CASE, { init: speech({ langs: ["zh-CN"], fail: true }) });
  await page.click(".tools > summary");
  await page.click("[data-speech=start]");
  await page.waitForFunction(() => document.querySelector(".read-aloud-status").textContent.includes("失败"));
  assert.equal(await page.isVisible("[data-speech=start]"), true);
  assert.equal(await page.isVisible("[data-speech=pause]"), false);
  assert.equal(await page.isVisible("[data-speech=stop]"), false);
  assert.doesNotMatch(await page.textContent(".read-aloud-status"), /正在朗读/);
  await context.close();

  // English voices only: the Chinese page offers no read-aloud.
  ({ page, context } = await open(CASE, { init: speech({ langs: ["en-GB"], fail: false }) }));
  await page.click(".tools > summary");
  assert.equal(await page.isVisible(".reading-tools"), true);
  assert.equal(await page.isVisible(".read-aloud"), false);
  await context.close();

  // No speech synthesis at all.
  ({ page, context } = await open(CASE, { init: () => { delete window.speechSynthesis; delete window.SpeechSynthesisUtterance; } }));
  await page.click(".tools > summary");
  assert.equal(await page.isVisible(".read-aloud"), false);
  await context.close();
});

test("every page has a meta description, English counts agree with their number, Chinese counts use full-width brackets", () => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".html")) files.push(path);
    }
  };
  walk(folder);
  assert.ok(files.length > 50);
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    if (html.includes('http-equiv="refresh"')) continue;
    const description = html.match(/<meta name="description" content="([^"]*)"/);
    assert.ok(description && description[1].trim().length >= 5, `${file}: meta description "${description?.[1]}"`);
    const text = html.replace(/<[^>]+>/g, " ");
    assert.doesNotMatch(text, /(^|[^\d])1 (cases|results)\b/, file);
    if (!file.slice(folder.length).startsWith("/en/")) assert.doesNotMatch(text, /[\u4e00-\u9fff]\(\d+\)/, file);
    else assert.doesNotMatch(text, /[A-Za-z]\(\d+\)/, file);
  }
  const en404 = readFileSync(join(folder, "en", "404.html"), "utf8");
  assert.match(en404, /<html lang="en">/);
  assert.match(en404, /<h1>Page not found<\/h1>/);
});

test("cards without a cover image show the typographic cover the theme draws", async () => {
  const { page, context } = await open("/", { viewport: DESKTOP });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => Array.from(document.querySelectorAll(".card-cover")).every((i) => i.complete));
  const covers = await page.locator(".card .card-cover").evaluateAll((imgs) => imgs.map((i) => ({ src: i.getAttribute("src"), w: i.naturalWidth, alt: i.alt })));
  assert.ok(covers.length > 0);
  for (const c of covers) {
    assert.match(c.src, /case-cover\.svg$/);
    assert.ok(c.w > 0, `${c.src} did not load`);
  }
  await context.close();
});

test("the text of every typographic cover stays inside it, in the fonts of this machine", async () => {
  const covers = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === "case-cover.svg") covers.push(path.slice(folder.length));
    }
  };
  walk(folder);
  assert.ok(covers.length > 10);
  const page = await browser.newPage();
  let widest = 0;
  for (const cover of covers) {
    await page.goto(server.url + cover);
    const right = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll("text")).map((t) => {
      const box = t.getBBox();
      return box.x + box.width;
    })));
    widest = Math.max(widest, right);
    assert.ok(right <= 640 - 16, `${cover}: text reaches ${Math.round(right)} of 640 px`);
  }
  await page.close();
});

