// The search client's pieces in Node: the tokenizer agrees with the index's
// (shared examples), ranking, shard lookup, snippets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repo } from "./support.mjs";

const require = createRequire(import.meta.url);
const search = require(join(repo, "themes/default/static/search.js"));

test("the tokenizer agrees with the index's on the shared examples", () => {
  const examples = JSON.parse(readFileSync(join(repo, "tests/fixtures/search-tokens.json"), "utf8"));
  for (const { text, tokens } of examples) {
    assert.deepEqual(search.tokenize(text).map((t) => t.term), tokens, text);
  }
});

test("Chinese sub-phrases share the text's pairs; English is stemmed", () => {
  const text = new Set(search.tokenize("推进职业院校校企合作").map((t) => t.term));
  for (const query of ["院校", "校企", "合作", "职业院校"]) {
    assert.ok(search.tokenize(query).every((t) => text.has(t.term)), query);
  }
  assert.equal(search.stem("apprenticeships"), "apprenticeship");
  assert.deepEqual(search.tokenize("AI 实训").map((t) => t.term), ["ai", "实训"]);
});

// Postings as the index writes them, from (id, fields, positions) triples.
function postings(entries) {
  let last = 0;
  return search.parsePostings(
    entries.map(([id, fields, positions]) => {
      const text = `${(id - last).toString(36)},${fields},${positions.map((p) => p.toString(36)).join(".")}`;
      last = id;
      return text;
    }).join(";"),
  );
}

test("ranking: title above body, phrase above scattered, newer first on ties", () => {
  const tokens = search.tokenize("校企合作");
  const map = new Map([
    // doc 0: the words scattered in the body; doc 1: the phrase in the body;
    // doc 2: the phrase in the title; doc 3: the phrase in the title too, older.
    ["校企", postings([[0, 4, [0]], [1, 4, [5]], [2, 1, [2]], [3, 1, [0]]])],
    ["企合", postings([[0, 4, [9]], [1, 4, [6]], [2, 1, [3]], [3, 1, [1]]])],
    ["合作", postings([[0, 4, [20]], [1, 4, [7]], [2, 1, [4]], [3, 1, [2]]])],
  ]);
  assert.deepEqual(search.rank(tokens, map), [2, 3, 1, 0]);
  // Every term must be present.
  map.set("合作", postings([[2, 1, [4]]]));
  assert.deepEqual(search.rank(tokens, map), [2]);
});

test("shards are found by binary search, prefixes reach the following shards", () => {
  const firsts = ["", "apple", "robot", "robotz", "校企"];
  assert.equal(search.shardOf(firsts, "apprentic"), 1);
  assert.equal(search.shardOf(firsts, "aardvark"), 0);
  assert.equal(search.shardOf(firsts, "合作"), 3);
  assert.deepEqual(search.shardsFor(firsts, "robot"), [2, 3]);
  assert.deepEqual(search.shardsFor(firsts, "校企"), [4]);
  const merged = search.postingsFor("robot", [{ robot: "0,4,1", robotic: "2,1,0;1,4,3" }]);
  assert.deepEqual([...merged.keys()], [0, 2, 3]);
  assert.equal(merged.get(2).fields, 1);
});

test("snippets mark the matches and escape the text", () => {
  assert.equal(search.snippet("区教育局推进校企合作，<b>共建</b>基地。", "校企合作"), "区教育局推进<mark>校企合作</mark>，&lt;b&gt;共建&lt;/b&gt;基地。");
  const english = search.snippet("Schools run apprenticeships with firms.", "apprenticeship");
  assert.equal(english, "Schools run <mark>apprenticeships</mark> with firms.");
});
