"""Measure the book's build speed and page weight (a benchmark, not a test).

Works on copies of the book in a temporary folder, so the checkout's own
_build and jupyter cache are neither used nor touched. For each data set it
measures

- clean build (no _build, no cache) and, side by side in the same run, its
  floor: the same book with each chapter's code reduced to its imports (what
  no analysis can avoid: Sphinx, kernels, imports, rendering); both twice,
  alternating, the faster of each kept;
- no-change rebuild, and rebuilds after one data file changes: the regional
  cases (``regional_experience.csv``: only the chapters that read it run
  again, zhucun/book/dependencies.py) and the survey (most chapters);
- the HTML weight of each chapter page;
- the JavaScript shipped: the files in _static, and what one chapter page
  actually loads (plotly.js counted once, it is cached across pages);
- the time from navigation start until the last chart of each page is drawn
  in headless Chromium (the performance marks set by zhucun-charts.js).

Usage:
    python benchmarks/build_benchmark.py                       # the demonstration data
    python benchmarks/build_benchmark.py --respondents 100000  # and 100 000 generated respondents

With --respondents N the book is measured twice, with the demonstration data
and with N synthetic rows (python -m zhucun demo-data --n N --seed 1), and the
table shows both side by side: build time may grow by at most a factor of two,
and no page may grow with n (pages hold aggregated numbers only).
Prints a Markdown table for the README's 基准测试 section.
"""

from __future__ import annotations

import argparse
import ast
import functools
import http.server
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BOOK_ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"clean": 90.0, "nochange": 10.0, "page_kb": 300.0, "scale": 2.0, "floor": 1.5}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# The files whose change is timed: a small sourced table read by a few chapters,
# and the survey export, which is what a researcher replaces.
CHANGED_DATA_FILES = ("regional_experience.csv", "survey_responses.csv")
EXECUTED = re.compile(r"\[zhucun\] executing \d+ notebooks in \d+ processes: (.*)")


@dataclass
class Measurement:
    label: str
    rows: int = 0
    clean: float = 0.0
    floor: float = 0.0
    nochange: float = 0.0
    datachange: dict[str, tuple[float, list[str]]] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    static_js: int = 0
    plotly_js: tuple[str, int] = ("", 0)
    page_js: dict[str, int] = field(default_factory=dict)
    last_chart: dict[str, float] = field(default_factory=dict)


def copy_book(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(BOOK_ROOT / name, target / name)
    for folder in ("chapters", "data"):
        shutil.copytree(BOOK_ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return target


def timed_build(root: Path) -> tuple[float, list[str]]:
    """Seconds of a `jb build .` and the chapters it executed."""
    jb = shutil.which("jb") or str(Path(sys.executable).parent / "jb")
    start = time.perf_counter()
    result = subprocess.run([jb, "build", "."], cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build of {root} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    executed = EXECUTED.search(result.stdout)
    return elapsed, sorted(executed.group(1).split(", ")) if executed else []


def reduce_to_imports(root: Path) -> Path:
    """The floor: every chapter's code cells reduced to their import statements (the prose keeps its glue
    references, which then find nothing; the build warns and goes on)."""
    import nbformat

    for path in sorted((root / "chapters").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        imports = [node for cell in code for node in ast.parse(cell.source).body
                   if isinstance(node, (ast.Import, ast.ImportFrom))]
        for i, cell in enumerate(code):
            cell.source = "\n".join(ast.unparse(node) for node in imports) if i == 0 else ""
        nbformat.write(notebook, path)
    return root


def change_one_data_file(root: Path, name: str) -> None:
    """Change one byte-level detail of a data file (a final newline) without changing its data."""
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + ("\n" if text.endswith("\n\n") else "\n\n"), encoding="utf-8")


def page_weights(html: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted((html / "chapters").glob("*.html"))}


def static_javascript(html: Path) -> tuple[int, tuple[str, int]]:
    files = list((html / "_static").rglob("*.js"))
    plotly = [p for p in files if p.name.startswith("plotly")]
    return (sum(p.stat().st_size for p in files),
            (", ".join(p.name for p in plotly), sum(p.stat().st_size for p in plotly)))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser_measurements(html: Path, pages: list[str]) -> tuple[dict[str, float], dict[str, int]]:
    """Per page: seconds from navigation start to the last chart drawn; bytes of JavaScript loaded."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/chapters/"
    times, scripts = {}, {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in pages:
            page = browser.new_page(viewport={"width": 1280, "height": 900})  # fresh cache per page
            page.goto(base + name, wait_until="load")
            # plotly.js loads when the first chart nears the viewport: scroll to it, as a reader does.
            page.evaluate("() => { const c = document.querySelector('.zhucun-chart'); if (c) c.scrollIntoView(); }")
            page.wait_for_function(
                "() => [...document.querySelectorAll('.zhucun-chart-canvas')]"
                ".every(e => e.getAttribute('data-drawn') === 'true')", timeout=60_000)
            marks = page.evaluate("() => performance.getEntriesByType('mark')"
                                  ".filter(m => m.name.startsWith('zhucun-chart-drawn')).map(m => m.startTime)")
            times[name] = max(marks) / 1000 if marks else float("nan")
            scripts[name] = page.evaluate(
                "() => performance.getEntriesByType('resource')"
                ".filter(r => r.initiatorType === 'script' || r.name.split('?')[0].endsWith('.js'))"
                ".reduce((s, r) => s + r.encodedBodySize, 0)")
            page.close()
        browser.close()
    server.shutdown()
    return times, scripts


def measure(label: str, respondents: int | None, workdir: Path, floor: bool) -> Measurement:
    root = copy_book(workdir / "book")
    if respondents:
        subprocess.run([sys.executable, "-m", "zhucun", "demo-data", "--n", str(respondents), "--seed", "1",
                        "-o", str(root / "data" / "survey_responses.csv")], check=True, cwd=root)
    rows = sum(1 for _ in (root / "data" / "survey_responses.csv").open(encoding="utf-8")) - 1
    m = Measurement(label=label, rows=rows)
    cleans, floors = [], []
    for round_ in (1, 2) if floor else (1,):
        if floor:
            floor_root = reduce_to_imports(copy_book(workdir / f"floor{round_}"))
            print(f"[{label}] floor build {round_} …", file=sys.stderr, flush=True)
            floors.append(timed_build(floor_root)[0])
            shutil.rmtree(floor_root)
        shutil.rmtree(root / "_build", ignore_errors=True)
        print(f"[{label}] clean build {round_} …", file=sys.stderr, flush=True)
        cleans.append(timed_build(root)[0])
    m.clean, m.floor = min(cleans), min(floors) if floors else float("nan")
    print(f"[{label}] no-change rebuild …", file=sys.stderr, flush=True)
    m.nochange = timed_build(root)[0]
    for name in CHANGED_DATA_FILES:
        change_one_data_file(root, name)
        print(f"[{label}] rebuild after {name} changed …", file=sys.stderr, flush=True)
        m.datachange[name] = timed_build(root)
    html = root / "_build" / "html"
    m.pages = page_weights(html)
    m.static_js, m.plotly_js = static_javascript(html)
    print(f"[{label}] browser …", file=sys.stderr, flush=True)
    m.last_chart, m.page_js = browser_measurements(html, list(m.pages))
    return m


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        lines = Path("/proc/meminfo").read_text().splitlines()
        kb = int(next(line for line in lines if line.startswith("MemTotal")).split()[1])
        memory = f"，内存 {kb / 1024 ** 2:.0f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}，{os.cpu_count()} 核{memory}；{platform.system()} {platform.release()}；"
            f"Python {platform.python_version()}；开始时 1 分钟平均负载 {load:.1f}")


def ok(value: float, target: float) -> str:
    return "✓" if value <= target else "✗"


def table(results: list[Measurement]) -> str:
    head = "| 指标 | " + " | ".join(f"{m.label}（{m.rows} 行）" for m in results) + " | 目标 |"
    rows = [head, "|---" * (len(results) + 2) + "|"]

    def row(name: str, cells: list[str], target: str) -> None:
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {target} |")

    row("全新构建（无缓存）", [f"{m.clean:.1f} s {ok(m.clean, TARGETS['clean'])}" for m in results],
        f"≤ {TARGETS['clean']:.0f} s")
    row("无改动重建", [f"{m.nochange:.1f} s {ok(m.nochange, TARGETS['nochange'])}" for m in results],
        f"≤ {TARGETS['nochange']:.0f} s")
    first = results[0]
    if first.floor == first.floor:  # measured (not NaN)
        ratio = first.clean / first.floor
        rows.append(f"| 同一次运行中：全新构建 / 其下限（各章代码只留 import） | {first.clean:.1f} s / "
                    f"{first.floor:.1f} s = {ratio:.2f} {ok(ratio, TARGETS['floor'])} |"
                    + " |" * (len(results) - 1) + f" ≤ {TARGETS['floor']} |")
    for name in CHANGED_DATA_FILES:
        row(f"改动一个数据文件（{name}）后重建：时间；重新执行的章节",
            [f"{m.datachange[name][0]:.1f} s；{len(m.datachange[name][1])} 章"
             f"（{'、'.join(n.split('_')[0] for n in m.datachange[name][1])}）" for m in results],
            "只执行读取该文件的章节")
    if len(results) == 2:
        ratio = results[1].clean / results[0].clean
        rows.append(f"| 全新构建时间之比（{results[1].label} / {results[0].label}） | "
                    f"{ratio:.2f} {ok(ratio, TARGETS['scale'])} | | ≤ {TARGETS['scale']:.0f} |")
    row("`_static` 中的 JavaScript 合计", [f"{m.static_js / 1e6:.2f} MB" for m in results], "—")
    row("其中 plotly.js（全书只有一份）", [f"{m.plotly_js[1] / 1e6:.2f} MB（{m.plotly_js[0]}）" for m in results],
        "完整版 4.8 MB，至少减半")
    for name in first.pages:
        cells = []
        for m in results:
            size = m.pages.get(name, 0)
            last = m.last_chart.get(name, float("nan"))
            drawn = "无图" if last != last else f"最后一图 {last:.2f} s"  # NaN: a page without charts
            cells.append(f"{size / 1024:.0f} KB {ok(size / 1024, TARGETS['page_kb'])}；"
                         f"JS {m.page_js.get(name, 0) / 1e6:.2f} MB；{drawn}")
        row(f"`chapters/{name}`：HTML；载入的 JS；最后一图绘成", cells, f"HTML ≤ {TARGETS['page_kb']:.0f} KB")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=None,
                        help="also measure the book with this many generated respondents")
    args = parser.parse_args()
    started = machine()
    with tempfile.TemporaryDirectory(prefix="zhucun-benchmark-") as tmp:
        results = [measure("演示数据", None, Path(tmp) / "demo", floor=True)]
        if args.respondents:
            results.append(measure(f"{args.respondents} 名生成受访者", args.respondents, Path(tmp) / "scaled",
                                   floor=False))
    print(f"测量日期：{time.strftime('%Y-%m-%d', time.gmtime())}；机器：{started}\n")
    print(table(results))


if __name__ == "__main__":
    main()
