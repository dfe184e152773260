// The WeChat article page: "Copy article" puts the article on the clipboard as
// text/html (with text/plain beside it); where the browser refuses, the article is
// selected and copied the old way, or left selected for the reader to copy.
(function () {
  var button = document.querySelector("[data-wechat-copy]");
  var article = document.getElementById("wechat-article");
  var status = document.querySelector(".wechat-status");
  if (!button || !article || !status) return;
  function say(ok) {
    status.textContent = ok ? button.getAttribute("data-copied") : button.getAttribute("data-copy-failed");
  }
  function selectAndCopy() {
    var range = document.createRange();
    range.selectNodeContents(article);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    say(ok);
  }
  button.addEventListener("click", function () {
    var html = article.innerHTML;
    var text = article.innerText;
    if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem) {
      var item = new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" })
      });
      navigator.clipboard.write([item]).then(function () { say(true); }, selectAndCopy);
    } else {
      selectAndCopy();
    }
  });
})();
