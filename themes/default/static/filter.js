// Filters the case catalogue in place: several taxonomies at once (all must
// match; within one, any ticked term matches), the filter kept in the URL
// (?industry=fintech,life-health&partner=tongji), the active filters shown as
// chips that remove them, the count announced to screen readers. Without this
// script the term links do the job; the stylesheet shows the checkboxes
// instead of the links as soon as scripts run (html.js), so nothing moves.
(function () {
  "use strict";
  var root = document.documentElement;
  var form = document.querySelector(".filter-form");
  var list = document.getElementById("case-list");
  if (!form || !list) return;
  if (!window.fetch || !window.URLSearchParams) { root.classList.add("filters-off"); return; }
  var status = document.querySelector(".filter-status");
  var chips = document.querySelector(".filter-chips");
  var badge = document.querySelector(".filter-badge");
  var pagination = document.querySelector(".pagination");
  var listCount = document.querySelector(".list-count");
  var original = list.innerHTML;
  var names = [];
  Array.prototype.forEach.call(form.querySelectorAll("fieldset input[type=checkbox]"), function (box) {
    if (names.indexOf(box.name) < 0) names.push(box.name);
  });
  var data = null;
  var loading = null;

  function load() {
    if (data) return Promise.resolve(data);
    if (!loading) {
      loading = fetch(form.getAttribute("data-source"), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (json) { data = json.cases; return data; });
    }
    return loading;
  }

  // The ticked terms, by taxonomy.
  function selection() {
    var chosen = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]:checked"), function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  function matches(entry, chosen) {
    return Object.keys(chosen).every(function (tax) {
      var have = entry.terms[tax] || [];
      return chosen[tax].some(function (term) { return have.indexOf(term) >= 0; });
    });
  }

  function writeUrl(chosen) {
    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) { params.delete(name); });
    names.forEach(function (name) { if (chosen[name]) params.set(name, chosen[name].join(",")); });
    var query = params.toString().replace(/%2C/g, ",");
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
      var values = (params.get(box.name) || "").split(",");
      box.checked = values.indexOf(box.value) >= 0;
    });
  }

  function say(text) { status.textContent = text; }

  // One chip per ticked term: its label, a button that unticks it.
  function showChips() {
    var ticked = form.querySelectorAll("input[type=checkbox]:checked");
    if (badge) badge.textContent = ticked.length ? String(ticked.length) : "";
    if (!chips) return;
    chips.textContent = "";
    Array.prototype.forEach.call(ticked, function (box) {
      var label = box.parentNode.querySelector("span").textContent;
      var chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.setAttribute("aria-label", form.getAttribute("data-remove").replace("{term}", label));
      chip.appendChild(document.createTextNode(label));
      var x = document.createElement("span");
      x.setAttribute("aria-hidden", "true");
      x.className = "chip-x";
      x.textContent = "×";
      chip.appendChild(x);
      chip.addEventListener("click", function () {
        box.checked = false;
        apply(true);
        // Focus stays among the chips, or, when none is left, goes to what is on screen:
        // the filters' button on phones (the checkboxes are behind it), else the first checkbox.
        var next = chips.querySelector(".chip");
        var first = form.querySelector("input[type=checkbox]");
        var toggle = document.querySelector(".filter-toggle");
        (next || (first && first.offsetParent ? first : toggle) || list).focus();
      });
      chips.appendChild(chip);
    });
    chips.hidden = ticked.length === 0;
  }

  function apply(updateUrl) {
    var chosen = selection();
    if (updateUrl) writeUrl(chosen);
    showChips();
    if (Object.keys(chosen).length === 0) {
      list.innerHTML = original;
      if (pagination) pagination.hidden = false;
      // Said once the filters are cleared: how many cases there are again.
      if (updateUrl && listCount) { listCount.hidden = true; say(listCount.textContent); }
      else { if (listCount) listCount.hidden = false; say(""); }
      return;
    }
    load().then(function (cases) {
      var found = cases.filter(function (entry) { return matches(entry, chosen); });
      list.innerHTML = found.map(function (entry) { return entry.html; }).join("");
      if (pagination) pagination.hidden = true;
      if (listCount) listCount.hidden = true;
      var count = form.getAttribute(found.length === 1 ? "data-count-one" : "data-count");
      say(found.length ? count.replace("{n}", found.length) : form.getAttribute("data-none"));
    }, function () {
      say(form.getAttribute("data-failed"));
      root.classList.add("filters-off");
    });
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  readUrl();
  if (Object.keys(selection()).length) apply(false);
})();
