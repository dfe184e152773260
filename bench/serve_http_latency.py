#!/usr/bin/env python3
"""Measure how long `showcase serve` (or `hugo server`) takes from a save to the updated page being served.

Starts `showcase serve --root SITE --port 0` (the site stays in memory, so
this polls over HTTP rather than a file on disk), waits for its "serving"
line, then repeatedly appends a uniquely marked paragraph to SOURCE and polls
URL_PATH until the answer contains the marker. Latency = time from the end of
the write to the first answer with the marker. Restores SOURCE and stops the
server at the end; prints each latency and the median in milliseconds.

Example:

    bench/serve_http_latency.py --showcase target/release/showcase --site bench/work/sites/showcase-1000 \\
        --source content/cases/case-00042.md --path /cases/case-00042/ --edits 9

With --hugo PATH it runs `hugo server` (in memory, on a free port) on a Hugo
site instead, for the same edit on the equivalent corpus.

Python 3 standard library only.
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--showcase", default="target/release/showcase")
    ap.add_argument("--hugo", help="run this hugo's `hugo server` instead of showcase")
    ap.add_argument("--site", required=True, help="the site's folder (with site.toml)")
    ap.add_argument("--source", required=True, help="the file to edit, relative to the site")
    ap.add_argument("--path", required=True, help="the served path that shows the edit")
    ap.add_argument("--edits", type=int, default=9)
    ap.add_argument("--front-matter", action="store_true",
                    help="put the marker in the title (front matter) instead of a new paragraph")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for one edit")
    ap.add_argument("--pause", type=float, default=0.5, help="seconds between edits")
    args = ap.parse_args()

    source = os.path.join(args.site, args.source)
    with open(source, "rb") as f:
        original = f.read()
    if args.hugo:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = [args.hugo, "server", "--source", args.site, "--port", str(port),
                   "--bind", "127.0.0.1", "--baseURL", f"http://127.0.0.1:{port}/", "--appendPort=false"]
    else:
        command = [args.showcase, "serve", "--root", args.site, "--port", "0"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    printed, ready = [], threading.Event()
    url = {}

    def drain():
        for raw in iter(server.stdout.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip()
            printed.append(line)
            m = re.search(r"^showcase.*?(http://[^/\s]+)/", line) or \
                re.search(r"Web Server is available at (http://[^/ ]+)/", line)
            if m:
                url["base"] = m.group(1)
                ready.set()

    threading.Thread(target=drain, daemon=True).start()
    latencies = []
    try:
        started = time.monotonic()
        if not ready.wait(600):
            sys.exit("serve did not start:\n" + "\n".join(printed))
        print(f"initial build and start: {time.monotonic() - started:.2f} s", file=sys.stderr)
        target = url["base"] + args.path
        for i in range(args.edits):
            marker = f"latency-marker-{os.getpid()}-{i}"
            with open(source, "wb") as f:
                if args.front_matter:
                    f.write(re.sub(rb'^title: "?', f'title: "{marker} '.encode(), original, count=1, flags=re.M)
                            .replace(f'{marker} "'.encode(), f'{marker} '.encode()))
                else:
                    f.write(original + f"\n\n{marker}\n".encode())
            saved = time.monotonic()
            while True:
                with urllib.request.urlopen(target, timeout=10) as response:
                    if marker.encode() in response.read():
                        break
                if time.monotonic() - saved > args.timeout:
                    sys.exit(f"edit {i} not served after {args.timeout} s:\n" + "\n".join(printed[-20:]))
                time.sleep(0.005)
            latencies.append((time.monotonic() - saved) * 1000)
            print(f"edit {i}: {latencies[-1]:.0f} ms", file=sys.stderr)
            time.sleep(args.pause)
    finally:
        with open(source, "wb") as f:
            f.write(original)
        server.terminate()
        server.wait()
    print(f"median {statistics.median(latencies):.0f} ms over {len(latencies)} edits "
          f"(min {min(latencies):.0f}, max {max(latencies):.0f})")


if __name__ == "__main__":
    main()
