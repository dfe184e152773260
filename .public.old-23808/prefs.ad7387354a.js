// Applies the reader's text size and contrast before the page is drawn, so
// a larger text or high contrast chosen on one page holds on every page.
(function () {
  try {
    var root = document.documentElement;
    var size = localStorage.getItem("showcase-text-size");
    if (size === "1" || size === "2") root.setAttribute("data-text-size", size);
    if (localStorage.getItem("showcase-contrast") === "high") root.setAttribute("data-contrast", "high");
  } catch (e) { /* storage refused: defaults apply */ }
})();
