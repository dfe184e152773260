// Runs before the page is drawn: marks that scripts run (html.js, so what needs
// a script has its place from the start and nothing moves), and applies the
// reader's text size and contrast, so a choice made on one page holds on every page.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var size = localStorage.getItem("showcase-text-size");
    if (size === "1" || size === "2") root.setAttribute("data-text-size", size);
    if (localStorage.getItem("showcase-contrast") === "high") root.setAttribute("data-contrast", "high");
  } catch (e) { /* storage refused: defaults apply */ }
})();
