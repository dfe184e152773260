// The reading tools: text size (three steps), high contrast, and reading a
// case aloud with the browser's own speech synthesis. Choices are kept in
// localStorage; prefs.js applies them on every page before it is drawn.
(function () {
  "use strict";
  var root = document.documentElement;

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* storage refused: the choice lasts for this page */ }
  }

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
    tools.hidden = false;
    sync();
  }

  var reader = document.querySelector(".read-aloud");
  if (!reader || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  var synth = window.speechSynthesis;
  var start = reader.querySelector("[data-speech=start]");
  var pause = reader.querySelector("[data-speech=pause]");
  var stop = reader.querySelector("[data-speech=stop]");
  var status = reader.querySelector(".read-aloud-status");
  var lang = reader.getAttribute("data-lang") || root.lang;
  var state = "idle";

  // Paragraph by paragraph: browsers cut off very long utterances.
  function passages() {
    var article = document.querySelector(reader.getAttribute("data-target") || "article");
    if (!article) return [];
    return Array.prototype.map.call(article.querySelectorAll("h1, h2, h3, p, li, td, th, dt, dd"), function (el) {
      return el.textContent.replace(/\s+/g, " ").trim();
    }).filter(Boolean);
  }

  function voiceFor(tag) {
    var voices = synth.getVoices();
    var primary = tag.toLowerCase().split("-")[0];
    return voices.filter(function (v) { return v.lang.toLowerCase() === tag.toLowerCase(); })[0] ||
      voices.filter(function (v) { return v.lang.toLowerCase().split(/[-_]/)[0] === primary; })[0] || null;
  }

  function show(next) {
    state = next;
    start.hidden = state !== "idle";
    pause.hidden = state === "idle";
    stop.hidden = state === "idle";
    pause.textContent = state === "paused" ? pause.getAttribute("data-resume") : pause.getAttribute("data-pause");
    status.textContent = reader.getAttribute("data-status-" + state) || "";
  }

  start.addEventListener("click", function () {
    synth.cancel();
    var texts = passages();
    var voice = voiceFor(lang);
    texts.forEach(function (text, i) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      if (i === texts.length - 1) utterance.onend = function () { show("idle"); };
      synth.speak(utterance);
    });
    show("reading");
    pause.focus();
  });
  pause.addEventListener("click", function () {
    if (state === "paused") { synth.resume(); show("reading"); } else { synth.pause(); show("paused"); }
  });
  stop.addEventListener("click", function () {
    synth.cancel();
    show("idle");
    start.focus();
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
  reader.hidden = false;
  show("idle");
})();
