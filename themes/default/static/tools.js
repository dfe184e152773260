// The header's disclosures (menu, reading tools), the reading tools — text
// size in three steps, high contrast, reading a case aloud with the browser's
// own speech synthesis — and copying a page's link. Choices are kept in
// localStorage; prefs.js applies them on every page before it is drawn.
(function () {
  "use strict";
  var root = document.documentElement;

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* storage refused: the choice lasts for this page */ }
  }

  // One header panel open at a time. A panel laid over the page closes when
  // Escape is pressed (focus goes back to its button), when focus moves out of it,
  // or when the reader clicks elsewhere. (On desktop the navigation is no panel:
  // its button is not shown, and it stays.)
  var panels = Array.prototype.slice.call(document.querySelectorAll(".site-header details"));
  function isPanel(details) { return getComputedStyle(details.querySelector("summary")).display !== "none"; }
  panels.forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open) return;
      panels.forEach(function (other) { if (other !== details && isPanel(other)) other.open = false; });
    });
    details.addEventListener("focusout", function (event) {
      if (details.open && isPanel(details) && event.relatedTarget && !details.contains(event.relatedTarget)) details.open = false;
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    panels.forEach(function (details) {
      if (details.open && isPanel(details)) {
        details.open = false;
        if (details.contains(document.activeElement) || document.activeElement === document.body) details.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    panels.forEach(function (details) {
      if (details.open && isPanel(details) && !details.contains(event.target)) details.open = false;
    });
  });

  var tools = document.querySelector(".reading-tools");
  if (tools) {
    var sizeButtons = tools.querySelectorAll("[data-text-size]");
    var contrast = tools.querySelector("[data-contrast-toggle]");
    var sync = function () {
      var size = root.getAttribute("data-text-size") || "0";
      Array.prototype.forEach.call(sizeButtons, function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-text-size") === size));
      });
      contrast.setAttribute("aria-pressed", String(root.getAttribute("data-contrast") === "high"));
    };
    Array.prototype.forEach.call(sizeButtons, function (button) {
      button.addEventListener("click", function () {
        var size = button.getAttribute("data-text-size");
        if (size === "0") root.removeAttribute("data-text-size"); else root.setAttribute("data-text-size", size);
        store("showcase-text-size", size === "0" ? null : size);
        sync();
      });
    });
    contrast.addEventListener("click", function () {
      var high = root.getAttribute("data-contrast") !== "high";
      if (high) root.setAttribute("data-contrast", "high"); else root.removeAttribute("data-contrast");
      store("showcase-contrast", high ? "high" : null);
      sync();
    });
    sync();
  }

  // Copy the page's address.
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    var status = button.parentNode.querySelector(".share-status");
    button.addEventListener("click", function () {
      var say = function (key) { if (status) status.textContent = button.getAttribute(key); };
      if (!navigator.clipboard) { say("data-copy-failed"); return; }
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(
        function () { say("data-copied"); },
        function () { say("data-copy-failed"); });
    });
  });

  // Read aloud: offered only where the browser has a voice for the page's language;
  // "reading" is said only once speech has started, and an error resets the controls.
  var reader = document.querySelector(".read-aloud");
  if (!reader || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  var synth = window.speechSynthesis;
  var start = reader.querySelector("[data-speech=start]");
  var pause = reader.querySelector("[data-speech=pause]");
  var stop = reader.querySelector("[data-speech=stop]");
  var status = reader.querySelector(".read-aloud-status");
  var lang = reader.getAttribute("data-lang") || root.lang;
  var state = "idle";
  var run = 0;

  // Paragraph by paragraph (browsers cut off very long utterances): the case's
  // heading, summary and text, each block once (not a list item again inside the
  // block that holds it); not the facts, outline or sharing beside the text.
  var BLOCKS = "h1, h2, h3, h4, p, li, td, th, dt, dd, blockquote";
  function passages() {
    var parts = document.querySelectorAll(reader.getAttribute("data-target") || "article");
    var out = [];
    Array.prototype.forEach.call(parts, function (part) {
      Array.prototype.forEach.call(part.querySelectorAll(BLOCKS), function (el) {
        var outer = el.parentElement && el.parentElement.closest(BLOCKS);
        if (outer && part.contains(outer)) return;
        var text = el.textContent.replace(/\s+/g, " ").trim();
        if (text) out.push(text);
      });
    });
    return out;
  }

  function voiceFor(tag) {
    var voices = synth.getVoices() || [];
    var primary = tag.toLowerCase().split("-")[0];
    return voices.filter(function (v) { return v.lang.toLowerCase().replace("_", "-") === tag.toLowerCase(); })[0] ||
      voices.filter(function (v) { return v.lang.toLowerCase().split(/[-_]/)[0] === primary; })[0] || null;
  }

  function show(next, message) {
    state = next;
    start.hidden = state !== "idle";
    pause.hidden = state === "idle";
    stop.hidden = state === "idle";
    pause.textContent = state === "paused" ? pause.getAttribute("data-resume") : pause.getAttribute("data-pause");
    status.textContent = message || reader.getAttribute("data-status-" + state) || "";
  }

  function fail(key) {
    run++;
    synth.cancel();
    show("idle", reader.getAttribute(key));
    start.focus();
  }

  start.addEventListener("click", function () {
    synth.cancel();
    var voice = voiceFor(lang);
    if (!voice) { fail("data-status-no-voice"); return; }
    var texts = passages();
    var ticket = ++run;
    show("starting", "");
    stop.focus();
    // A browser that takes the text but never starts speaking has failed too.
    setTimeout(function () { if (ticket === run && state === "starting") fail("data-status-failed"); }, 8000);
    texts.forEach(function (text, i) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.voice = voice;
      utterance.onstart = function () { if (ticket === run && state === "starting") show("reading"); };
      utterance.onerror = function (event) {
        if (ticket !== run || event.error === "interrupted" || event.error === "canceled") return;
        fail("data-status-failed");
      };
      if (i === texts.length - 1) utterance.onend = function () { if (ticket === run) show("idle"); };
      synth.speak(utterance);
    });
  });
  pause.addEventListener("click", function () {
    if (state === "paused") { synth.resume(); show("reading"); } else { synth.pause(); show("paused"); }
  });
  stop.addEventListener("click", function () {
    run++;
    synth.cancel();
    show("idle");
    start.focus();
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });

  // Voices may arrive after the page: the controls appear once one speaks this language.
  function offer() {
    if (voiceFor(lang)) reader.hidden = false;
  }
  show("idle");
  offer();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
})();
