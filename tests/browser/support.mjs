// Helpers for browser tests: build a site with the showcase binary, serve it
// on the loopback interface, and launch Debian's Chromium.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, dirname, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Builds the site at `root` (the repository's sample site by default) into a fresh folder. */
export function build(root = repo) {
  const binary = process.env.SHOWCASE_BIN || join(repo, "target", "debug", "showcase");
  const out = join(mkdtempSync(join(tmpdir(), "showcase-browser-")), "public");
  execFileSync(binary, ["build", "--root", root, "-o", out], { stdio: "pipe" });
  return out;
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp",
};

/** Serves a folder on 127.0.0.1 like a static host; resolves to { url, close }. */
export function serve(folder) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    path = normalize(path).replace(/^(\.\.[/\\])+/, "");
    let file = join(folder, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(folder) || !existsSync(file)) {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(existsSync(join(folder, "404.html")) ? readFileSync(join(folder, "404.html")) : "not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}
