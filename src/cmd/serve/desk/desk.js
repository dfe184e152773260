// showcase serve --edit: the toolbar of the Markdown editor and the image upload.
// The forms work without it; it only adds what a textarea cannot do alone.
(() => {
  const body = document.getElementById("body");
  const form = document.getElementById("case-form");
  if (!body || !form) return;

  // Replaces the selection (or inserts at the cursor) and selects the result's inner text.
  const insert = (before, after = "", placeholder = "") => {
    const start = body.selectionStart;
    const end = body.selectionEnd;
    const chosen = body.value.slice(start, end) || placeholder;
    body.setRangeText(before + chosen + after, start, end, "end");
    body.setSelectionRange(start + before.length, start + before.length + chosen.length);
    body.focus();
    body.dispatchEvent(new Event("input"));
  };
  // Text that must start a line of its own.
  const atLineStart = () => {
    const start = body.selectionStart;
    return start === 0 || body.value[start - 1] === "\n" ? "" : "\n";
  };
  const actions = {
    heading: () => insert(atLineStart() + "\n## ", "\n", "…"),
    bold: () => insert("**", "**", "…"),
    list: () => insert(atLineStart() + "\n- ", "\n", "…"),
    link: () => insert("[", "](https://)", "…"),
    table: () => insert(atLineStart() + "\n| … | … |\n| --- | --- |\n| ", " | … |\n", "…"),
    outline: (button) => insert(atLineStart() + "\n## " + button.dataset.text + "\n\n", "\n", ""),
  };
  const toolbar = document.querySelector(".toolbar");
  if (toolbar) {
    toolbar.hidden = false;
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (button && actions[button.dataset.action]) actions[button.dataset.action](button);
    });
  }

  // Upload an image into the case's folder and insert it with its alt text.
  const upload = document.querySelector(".upload");
  const fileInput = document.getElementById("upload-file");
  const altInput = document.getElementById("upload-alt");
  const button = document.getElementById("upload-button");
  const status = document.getElementById("upload-status");
  if (upload && fileInput && altInput && button && status) {
    upload.hidden = false;
    button.addEventListener("click", async () => {
      const file = fileInput.files && fileInput.files[0];
      const alt = altInput.value.trim();
      if (!file) {
        status.textContent = button.dataset.needFile;
        fileInput.focus();
        return;
      }
      if (!alt) {
        status.textContent = button.dataset.needAlt;
        altInput.setAttribute("aria-invalid", "true");
        altInput.focus();
        return;
      }
      altInput.removeAttribute("aria-invalid");
      const query = new URLSearchParams({ file: form.dataset.file, name: file.name });
      try {
        const response = await fetch("/_edit/upload?" + query, {
          method: "POST",
          body: file,
          headers: { "Content-Type": "application/octet-stream" },
          credentials: "same-origin",
        });
        const answer = await response.json();
        if (!response.ok) {
          status.textContent = answer.error || String(response.status);
          return;
        }
        const safeAlt = alt.replace(/[\[\]]/g, "");
        insert(atLineStart() + "\n![" + safeAlt + "](" + answer.name + ")\n", "", "");
        status.textContent = "✓ " + answer.name;
        const list = document.getElementById("images");
        if (list) {
          const option = document.createElement("option");
          option.value = answer.name;
          list.appendChild(option);
        }
        fileInput.value = "";
        altInput.value = "";
      } catch (error) {
        status.textContent = String(error);
      }
    });
  }

  // Leaving with unsaved changes asks first.
  let changed = false;
  form.addEventListener("input", () => (changed = true));
  form.addEventListener("submit", () => (changed = false));
  window.addEventListener("beforeunload", (event) => {
    if (changed) event.preventDefault();
  });
})();
