// Site search without a server. The index is written by showcase at build
// time (see src/search/mod.rs for its format) and fetched piece by piece:
// a query loads the small manifest, the shards holding its terms, and the
// fragments of the results it shows.
//
// The tokenizer below takes exactly the steps of src/search/tokenize.rs;
// tests/fixtures/search-tokens.json holds examples both must agree on.
(function (root) {
  "use strict";

  // ---- tokenizer ----

  // Kana, Chinese characters and hangul: text without spaces between words.
  // The one list of them here; src/text.rs (CJK_LETTERS) has the same, and a
  // test there reads this list and checks that both agree on every code point.
  var CJK = [
    [0x3040, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7af],
    [0xf900, 0xfaff], [0x20000, 0x3ffff],
  ];

  function isCjk(cp) {
    for (var k = 0; k < CJK.length; k++) if (cp >= CJK[k][0] && cp <= CJK[k][1]) return true;
    return false;
  }

  // Runs of CJK letters, as a pattern.
  var CJK_RUN = new RegExp("[" + CJK.map(function (r) {
    return "\\u{" + r[0].toString(16) + "}-\\u{" + r[1].toString(16) + "}";
  }).join("") + "]+", "gu");

  var WORD = /[\p{L}\p{N}]/u;
  var MAX_WORD = 40;

  function normalize(text) {
    var out = "";
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
      else if (cp === 0x3000) out += " ";
      else out += ch;
    }
    return out.toLowerCase();
  }

  function isConsonant(w, i) {
    var c = w[i];
    if ("aeiou".indexOf(c) >= 0) return false;
    if (c === "y") return i === 0 || !isConsonant(w, i - 1);
    return true;
  }

  function measure(w) {
    var m = 0, i = 0, n = w.length;
    while (i < n && isConsonant(w, i)) i++;
    while (i < n) {
      while (i < n && !isConsonant(w, i)) i++;
      if (i >= n) break;
      while (i < n && isConsonant(w, i)) i++;
      m++;
    }
    return m;
  }

  function hasVowel(w) {
    for (var i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
    return false;
  }

  function doubleConsonant(w) {
    var n = w.length;
    return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
  }

  function cvc(w) {
    var n = w.length;
    return n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) &&
      "wxy".indexOf(w[n - 1]) < 0;
  }

  // Step 1 of Porter's stemmer, for words of ASCII letters.
  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    if (/(sses|ies)$/.test(w)) w = w.slice(0, -2);
    else if (/ss$/.test(w)) { /* unchanged */ }
    else if (/s$/.test(w)) w = w.slice(0, -1);
    var tidy = false;
    if (/eed$/.test(w)) {
      if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
    } else if (/ed$/.test(w) && hasVowel(w.slice(0, -2))) {
      w = w.slice(0, -2);
      tidy = true;
    } else if (/ing$/.test(w) && hasVowel(w.slice(0, -3))) {
      w = w.slice(0, -3);
      tidy = true;
    }
    if (tidy) {
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (doubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w) === 1 && cvc(w)) w += "e";
    }
    if (/y$/.test(w) && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";
    return w;
  }

  function tokenize(text) {
    var chars = Array.from(normalize(text));
    var tokens = [];
    var position = 0;
    var i = 0;
    while (i < chars.length) {
      var cp = chars[i].codePointAt(0);
      if (isCjk(cp)) {
        var start = i;
        while (i < chars.length && isCjk(chars[i].codePointAt(0))) i++;
        if (i - start === 1) tokens.push({ term: chars[start], position: position++ });
        else for (var j = start; j + 1 < i; j++) tokens.push({ term: chars[j] + chars[j + 1], position: position++ });
      } else if (WORD.test(chars[i])) {
        var from = i;
        while (i < chars.length && WORD.test(chars[i]) && !isCjk(chars[i].codePointAt(0))) i++;
        if (i - from <= MAX_WORD) tokens.push({ term: stem(chars.slice(from, i).join("")), position: position++ });
      } else {
        i++;
      }
    }
    return tokens;
  }

  // ---- the index ----

  // Compares strings by code point, as the index sorts its terms.
  function compare(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  // The shard that holds `term`: the last whose first term is not after it.
  function shardOf(firsts, term) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (compare(firsts[mid], term) <= 0) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // Words of three letters or more also find longer terms they begin.
  function isPrefixable(term) {
    return /^[\p{L}\p{N}]{3,}$/u.test(term) && !isCjk(term.codePointAt(0));
  }

  // The shards a term needs: its own, and for a prefix every shard its continuations reach.
  function shardsFor(firsts, term) {
    var first = shardOf(firsts, term);
    if (!isPrefixable(term)) return [first];
    var last = shardOf(firsts, term + "\u{10FFFF}");
    var out = [];
    for (var n = first; n <= last && n < first + 4; n++) out.push(n);
    return out;
  }

  // A query term's postings: its own, merged with those of the terms it begins.
  function postingsFor(term, shards) {
    var merged = new Map();
    var prefix = isPrefixable(term);
    var seen = 0;
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (key) {
        if (key !== term && !(prefix && key.startsWith(term) && seen < 50)) return;
        if (key !== term) seen++;
        parsePostings(shard[key]).forEach(function (posting, id) {
          var have = merged.get(id);
          if (!have) merged.set(id, posting);
          else if (key === term) merged.set(id, { fields: posting.fields | have.fields, positions: posting.positions });
          else have.fields |= posting.fields;
        });
      });
    });
    return merged;
  }

  // "id,fields,p.p;…" with ids as differences → Map(id → {fields, positions}).
  function parsePostings(text) {
    var map = new Map();
    if (!text) return map;
    var id = 0;
    text.split(";").forEach(function (entry) {
      var parts = entry.split(",");
      id += parseInt(parts[0], 36);
      map.set(id, {
        fields: parseInt(parts[1], 10),
        positions: parts[2] ? parts[2].split(".").map(function (p) { return parseInt(p, 36); }) : [],
      });
    });
    return map;
  }

  function firstField(fields) {
    return fields & 1 ? 1 : fields & 2 ? 2 : 4;
  }

  // Whether the query's tokens stand one after another in `field`.
  function phraseIn(field, tokens, postings, id) {
    var first = postings.get(tokens[0].term).get(id);
    if (firstField(first.fields) !== field) return false;
    return first.positions.some(function (p0) {
      return tokens.every(function (token, k) {
        var posting = postings.get(token.term).get(id);
        return firstField(posting.fields) === field && posting.positions.indexOf(p0 + k) >= 0;
      });
    });
  }

  // Documents holding every token, best first: a phrase in the title, every
  // token in the title, a phrase in the summary, every token in title or
  // summary, a phrase in the body, the rest; newer first (lower id) on ties.
  function rank(tokens, postings) {
    if (!tokens.length) return [];
    var terms = [];
    tokens.forEach(function (t) { if (terms.indexOf(t.term) < 0) terms.push(t.term); });
    var lists = terms.map(function (t) { return postings.get(t) || new Map(); });
    lists.sort(function (a, b) { return a.size - b.size; });
    var results = [];
    lists[0].forEach(function (_, id) {
      if (!lists.every(function (list) { return list.has(id); })) return;
      var masks = terms.map(function (t) { return postings.get(t).get(id).fields; });
      var tier;
      if (phraseIn(1, tokens, postings, id)) tier = 0;
      else if (masks.every(function (m) { return m & 1; })) tier = 1;
      else if (phraseIn(2, tokens, postings, id)) tier = 2;
      else if (masks.every(function (m) { return m & 3; })) tier = 3;
      else if (phraseIn(4, tokens, postings, id)) tier = 4;
      else tier = 5;
      results.push({ id: id, tier: tier });
    });
    results.sort(function (a, b) { return a.tier - b.tier || a.id - b.id; });
    return results.map(function (r) { return r.id; });
  }

  // ---- highlighting ----

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // The [start, end) ranges of `text` that match the query.
  function matchRanges(text, query) {
    var lower = normalize(text);
    if (lower.length !== text.length) lower = text.toLowerCase();
    if (lower.length !== text.length) return [];
    var ranges = [];
    var q = normalize(query);
    var runs = q.match(CJK_RUN) || [];
    runs.forEach(function (run) {
      var found = false;
      for (var at = lower.indexOf(run); at >= 0; at = lower.indexOf(run, at + run.length)) {
        ranges.push([at, at + run.length]);
        found = true;
      }
      var letters = Array.from(run);
      if (!found && letters.length > 2) {
        for (var k = 0; k + 1 < letters.length; k++) {
          var pair = letters[k] + letters[k + 1];
          for (var p = lower.indexOf(pair); p >= 0; p = lower.indexOf(pair, p + pair.length)) ranges.push([p, p + pair.length]);
        }
      }
    });
    var stems = tokenize(q.replace(CJK_RUN, " "))
      .map(function (t) { return t.term; });
    if (stems.length) {
      var words = /[\p{L}\p{N}]+/gu;
      var m;
      while ((m = words.exec(lower))) {
        var word = stem(m[0]);
        var hit = stems.some(function (s) { return s === word || (isPrefixable(s) && word.startsWith(s)); });
        if (hit) ranges.push([m.index, m.index + m[0].length]);
      }
    }
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  function markText(text, ranges) {
    var html = "", at = 0;
    ranges.forEach(function (r) {
      html += escapeHtml(text.slice(at, r[0])) + "<mark>" + escapeHtml(text.slice(r[0], r[1])) + "</mark>";
      at = r[1];
    });
    return html + escapeHtml(text.slice(at));
  }

  // A short passage around the first match, matches marked.
  function snippet(text, query, length) {
    length = length || 140;
    var ranges = matchRanges(text, query);
    var start = ranges.length ? Math.max(0, ranges[0][0] - 30) : 0;
    // In spaced text, start at a word.
    var space = text.slice(start, start + 15).search(/\s/);
    if (start > 0 && space >= 0 && start + space < (ranges.length ? ranges[0][0] : text.length)) start += space + 1;
    var end = Math.min(text.length, start + length);
    var inside = ranges
      .filter(function (r) { return r[0] >= start && r[1] <= end; })
      .map(function (r) { return [r[0] - start, r[1] - start]; });
    var html = markText(text.slice(start, end).replace(/\s+/g, " "), inside);
    return (start > 0 ? "…" : "") + html + (end < text.length ? "…" : "");
  }

  var api = { normalize: normalize, stem: stem, tokenize: tokenize, shardOf: shardOf, shardsFor: shardsFor,
    postingsFor: postingsFor, parsePostings: parsePostings,
    rank: rank, matchRanges: matchRanges, snippet: snippet, escapeHtml: escapeHtml };

  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  root.showcaseSearch = api;

  // ---- the page ----

  var form = document.querySelector(".search-form");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var base = form.getAttribute("data-index");
  var PAGE = 10;
  var manifest = null;
  var shards = new Map();
  var fragments = new Map();
  var current = { query: null, ids: [], shown: 0, run: 0 };

  function getJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function loadManifest() {
    if (!manifest) manifest = getJson(base + "index.json");
    return manifest;
  }

  function loadShard(n, key) {
    if (!shards.has(n)) shards.set(n, getJson(base + "s/" + n + ".json?v=" + key));
    return shards.get(n);
  }

  function loadFragment(id, key) {
    if (!fragments.has(id)) fragments.set(id, getJson(base + "f/" + id + ".json?v=" + key));
    return fragments.get(id);
  }

  function say(text) { status.textContent = text; }

  function render(query, ids, from, key) {
    var slice = ids.slice(from, from + PAGE);
    return Promise.all(slice.map(function (id) { return loadFragment(id, key); })).then(function (docs) {
      docs.forEach(function (doc) {
        var li = document.createElement("li");
        li.className = "search-result";
        var lang = doc.l ? ' lang="' + escapeHtml(doc.l) + '"' : "";
        var body = doc.x || doc.s || "";
        li.innerHTML =
          '<h2 class="result-title"' + lang + '><a href="' + escapeHtml(doc.u) + '">' +
          markText(doc.t, matchRanges(doc.t, query)) + "</a></h2>" +
          '<p class="card-meta">' + (doc.k ? '<span class="tag">' + escapeHtml(doc.k) + "</span> " : "") +
          (doc.d ? '<time datetime="' + escapeHtml(doc.d) + '">' + escapeHtml(doc.dd) + "</time>" : "") + "</p>" +
          '<p class="snippet"' + lang + ">" + snippet(body, query) + "</p>";
        list.appendChild(li);
      });
      current.shown = from + slice.length;
      more.hidden = current.shown >= ids.length;
    });
  }

  function run(query) {
    var ticket = ++current.run;
    current.query = query;
    list.innerHTML = "";
    more.hidden = true;
    var tokens = tokenize(query);
    if (!tokens.length) {
      say(query.trim() ? form.getAttribute("data-short") : "");
      return Promise.resolve();
    }
    return loadManifest().then(function (m) {
      var terms = [];
      tokens.forEach(function (t) { if (terms.indexOf(t.term) < 0) terms.push(t.term); });
      var needed = terms.map(function (t) { return shardsFor(m.shards, t); });
      var all = [];
      needed.forEach(function (list) { list.forEach(function (n) { if (all.indexOf(n) < 0) all.push(n); }); });
      return Promise.all(all.map(function (n) { return loadShard(n, m.key); })).then(function (loaded) {
        if (ticket !== current.run) return;
        var byNumber = new Map();
        all.forEach(function (n, k) { byNumber.set(n, loaded[k]); });
        var postings = new Map();
        terms.forEach(function (t, k) {
          postings.set(t, postingsFor(t, needed[k].map(function (n) { return byNumber.get(n); })));
        });
        var ids = rank(tokens, postings);
        current.ids = ids;
        if (!ids.length) {
          say(form.getAttribute("data-none").replace("{q}", query));
          return;
        }
        return render(query, ids, 0, m.key).then(function () {
          if (ticket === current.run) say(form.getAttribute(ids.length === 1 ? "data-count-one" : "data-count").replace("{n}", ids.length));
        });
      });
    }).catch(function () {
      if (ticket === current.run) say(form.getAttribute("data-failed"));
    });
  }

  function queryFromUrl() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  function setUrl(query, push) {
    var url = window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "");
    if (url === window.location.pathname + window.location.search) return;
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      setUrl(input.value.trim(), false);
      run(input.value.trim());
    }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    setUrl(input.value.trim(), true);
    run(input.value.trim());
  });
  more.addEventListener("click", function () {
    loadManifest().then(function (m) {
      var first = current.shown;
      render(current.query, current.ids, first, m.key).then(function () {
        var next = list.children[first];
        var link = next && next.querySelector("a");
        if (link) link.focus();
      });
    });
  });
  window.addEventListener("popstate", function () {
    input.value = queryFromUrl();
    run(input.value.trim());
  });
  input.value = queryFromUrl();
  if (input.value) run(input.value.trim());
})(this);
