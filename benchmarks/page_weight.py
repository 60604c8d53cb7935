"""What the first view of each page transfers, gzip-compressed (a benchmark, not a test).

Opens every chapter page of a built book (default ``_build/html``; run
``jb build .`` first) in headless Chromium with an empty cache, at a phone's
viewport (390 × 844) and a desktop's (1280 × 900), and does not scroll: the
first view. Every response the page asks for until the network is idle (HTML,
CSS, JavaScript, fonts, images) is counted at its gzip size (level 6, what a
web server typically sends), and plotly.js is reported apart, since it is
loaded only when a chart nears the viewport. The target is at most 650 kB per
page. The search page is measured too (its index and the pages' text for
ranking load there only).

Usage:
    python benchmarks/page_weight.py [--html _build/html]
Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORTS = {"390 px": (390, 844), "1280 px": (1280, 900)}
TARGET_KB = 650


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def first_view(browser, url: str, size: tuple[int, int]) -> dict[str, int]:
    """{file name: gzip bytes} of everything the page loads before the network goes idle, unscrolled."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})  # empty cache
    page = context.new_page()
    loaded: dict[str, int] = {}

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            return
        loaded[response.url.split("?")[0].rsplit("/", 1)[-1]] = len(gzip.compress(body, 6))

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    return loaded


def measure(html: Path) -> list[tuple[str, str, int, int, bool]]:
    """(page, viewport, total gzip bytes, of which plotly.js, whether plotly loaded) per page and viewport."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = [f"chapters/{p.name}" for p in sorted((html / "chapters").glob("*.html"))] + ["search.html"]
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for rel in pages:
            for label, size in VIEWPORTS.items():
                loaded = first_view(browser, base + rel, size)
                plotly = sum(v for k, v in loaded.items() if k.startswith("plotly"))
                rows.append((rel, label, sum(loaded.values()), plotly, plotly > 0))
        browser.close()
    server.shutdown()
    return rows


def table(rows) -> str:
    lines = ["| 页面 | 视口 | 首屏传输（gzip） | 其中 plotly.js | 目标 ≤ 650 kB |", "|---|---|---|---|---|"]
    for rel, label, total, plotly, _ in rows:
        ok = "✓" if total <= TARGET_KB * 1000 else "✗"
        lines.append(f"| `{rel}` | {label} | {total / 1000:.0f} kB | "
                     f"{f'{plotly / 1000:.0f} kB' if plotly else '未载入'} | {ok} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=Path("_build/html"))
    args = parser.parse_args()
    print(table(measure(args.html.resolve())))


if __name__ == "__main__":
    main()
