"""Fixtures shared by the test modules.

The book is built once per test session with the very command CI uses
(``jb build . -W -n --keep-going``), served on 127.0.0.1 and opened in
Debian's headless Chromium. The npm tools (axe-core, esbuild and plotly.js
at the versions of package-lock.json) are installed by ``npm ci`` the first
time a test needs them, so ``python -m pytest`` alone runs every test. Without
Chromium or npm those tests are skipped with a message saying how to install
them, except under CI, where they fail.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

BOOK_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    # As root in a container, and with no network: no sandbox, and none of
    # Chromium's own background connections.
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
BUILD_COMMAND = ["jb", "build", ".", "-W", "-n", "--keep-going"]


# Fixtures that build the book, print it or open a browser: a test using any of them (directly or
# through another fixture) is marked `slow`, so `python -m pytest -m "not slow"` is the everyday loop.
# Tests that start Chromium or notebook kernels themselves (printing the questionnaire, executing notebooks
# into the cache, computing every page's group views) carry `@pytest.mark.slow` in their own file.
SLOW_FIXTURES = frozenset({"built_book", "book_pdf", "served_book", "browser"})


# Tests run on pytest-xdist workers (addopts `-n auto --dist loadgroup --no-loadscope-reorder`). The tests of
# a file that share a module fixture (a chapter's analysis, the rebuild, the bundle, the PDF's pages) stay on
# one worker, so the fixture is made once a run; a notebook's cells (nbval) run in order on one kernel. Other
# tests go to whichever worker is free. First among the hooks: xdist reads the groups in its own.
def _uses_module_fixture(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    return bool(info) and any(definition.scope in ("module", "class")
                              for definitions in info.name2fixturedefs.values() for definition in definitions)


BUILD_FIXTURES = frozenset({"built_book", "book_pdf", "served_book"})
# The work that waits for the build, longest first (the table "测试用时" of benchmarks/README.md), so that no
# worker is left alone with a long test at the end of the run. Files not named come after, in file order.
LONGEST_AFTER_THE_BUILD = ("tests/e2e/test_data_swap.py", "tests/e2e/test_accessibility.py",
                           "tests/e2e/test_group_picker.py", "tests/e2e/test_downloads.py",
                           "tests/e2e/test_chart_layout.py", "tests/e2e/test_bundle.py")
FIRST = "tests/e2e/test_pdf.py"


def _uses(item, fixtures: frozenset[str]) -> bool:
    return bool(fixtures & set(getattr(item, "fixturenames", ())))


def _run_order(item) -> tuple[int, int]:
    """Where *item* goes in the order xdist hands out work: first the print edition's tests (the worker
    that takes them builds the book and prints it) while the other worker runs every test that needs no
    build, then the tests that need the built book, longest first."""
    path = item.path.relative_to(BOOK_ROOT).as_posix() if item.path.is_relative_to(BOOK_ROOT) else ""
    if not _uses(item, BUILD_FIXTURES):
        return (1, 0)
    if path == FIRST:
        return (0, 0)
    longest = LONGEST_AFTER_THE_BUILD
    return (2, longest.index(path) if path in longest else len(longest))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if _uses(item, SLOW_FIXTURES):
            item.add_marker(pytest.mark.slow)
        # The print edition's tests stay together: the worker that prints the PDF reads it.
        printed = item.path == BOOK_ROOT / FIRST and _uses(item, BUILD_FIXTURES)
        if _uses_module_fixture(item) or printed or item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.xdist_group(str(item.path)))
    items.sort(key=_run_order)  # stable: file order within each part


def pytest_collection_finish(session):
    # An empty run must never pass: a broken testpaths or nbval option would
    # otherwise look green.
    if not session.items and not session.config.option.collectonly:
        raise pytest.UsageError("no tests were collected; check testpaths in pyproject.toml")


def missing_tool(message: str):
    """Fail under CI (nothing may be skipped there), else skip with *message*."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def once_per_run(tmp_path_factory, name: str):
    """Work done once for all pytest-xdist workers of a run: the first worker to get here finds
    ``.stored`` None, does the work and hands its result (a string) to ``.set``; the others wait for it
    and find it in ``.stored``. Without workers the work is simply done. The lock lives in the run's
    base temporary folder, which the workers share."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        yield _Once(None)
        return
    folder = tmp_path_factory.getbasetemp().parent
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes: a failed first worker frees the rest
        done = folder / f"{name}.done"
        once = _Once(done.read_text(encoding="utf-8") if done.is_file() else None)
        yield once
        if once.result is not None and not done.is_file():
            done.write_text(once.result, encoding="utf-8")


class _Once:
    def __init__(self, stored: str | None):
        self.stored, self.result = stored, None

    def set(self, result: str) -> None:
        self.result = result


@pytest.fixture(scope="session")
def node_tools(tmp_path_factory) -> Path:
    with once_per_run(tmp_path_factory, "node_tools") as once:
        path = once.stored or str(_node_tools())
        once.set(path)
    return Path(path)


def _node_tools() -> Path:
    """node_modules as package-lock.json pins it: `npm ci` runs when it is missing or older than the lock."""
    installed = BOOK_ROOT / "node_modules" / ".package-lock.json"  # written by npm ci
    lock = BOOK_ROOT / "package-lock.json"
    if installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return installed.parent
    npm = shutil.which("npm")
    if npm is None:
        missing_tool("npm not found: install Node.js and npm (Debian: `apt-get install -y npm`); "
                     "the accessibility and plotly-bundle tests need the packages of package-lock.json")
    result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BOOK_ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"`npm ci` failed (exit {result.returncode}) in {BOOK_ROOT}:\n{result.stderr[-3000:]}")
    return installed.parent


@pytest.fixture(scope="session")
def book_root() -> Path:
    return BOOK_ROOT


@pytest.fixture(scope="session")
def built_book(book_root, tmp_path_factory) -> Path:
    """Build the book as CI does, once per run; returns _build/html. The build log is kept in _build/build.log."""
    with once_per_run(tmp_path_factory, "built_book") as once:
        path = once.stored or str(_build_book(book_root))
        once.set(path)
    return Path(path)


def _build_book(book_root: Path) -> Path:
    jb = shutil.which("jb") or str(Path(sys.executable).parent / "jb")
    result = subprocess.run([jb, *BUILD_COMMAND[1:]], cwd=book_root, capture_output=True, text=True)
    log = book_root / "_build" / "build.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text(result.stdout + "\n" + result.stderr)
    assert result.returncode == 0, (f"jb build failed (exit {result.returncode}); see {log}\n"
                                    f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return book_root / "_build" / "html"


@pytest.fixture(scope="session")
def book_pdf(built_book, book_root, tmp_path_factory) -> Path:
    """The print edition, printed once a run (see _print_book)."""
    with once_per_run(tmp_path_factory, "book_pdf") as once:
        path = once.stored or str(_print_book(book_root))
        once.set(path)
    return Path(path)


def _print_book(book_root: Path) -> Path:
    """The print edition, printed once a session by ``python -m zhucun pdf`` (the PDF and the
    bundle tests share it); returns _build/pdf/book.pdf.

    After the HTML build, so the bundle finds the PDF newer than the HTML and does not print
    it again. ZHUCUN_PDF_OUTPUT redirects its build folder (as ``--path-output``).
    """
    if not CHROMIUM.exists():
        missing_tool("Chromium not found at /usr/bin/chromium: `apt-get install -y chromium`")
    output = os.environ.get("ZHUCUN_PDF_OUTPUT")
    command = [sys.executable, "-m", "zhucun", "pdf"] + (["--path-output", output] if output else [])
    result = subprocess.run(command, cwd=book_root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
    pdf = Path(result.stdout.strip().splitlines()[-1])
    assert pdf == Path(output or book_root) / "_build" / "pdf" / "book.pdf"
    return pdf


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def served_book(built_book):
    """The built book served on 127.0.0.1 (a free port); yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        missing_tool("Chromium not found at /usr/bin/chromium: install it with "
                     "`apt-get install -y chromium` (Debian's package; Playwright's own browser download is not used)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def reader_tab(browser, size: tuple[int, int] = (1280, 900), mode: str | None = None, **options):
    """One tab that a test walks through every page in, as a reader clicks through the book.

    One browser context (its cache, its storage, its renderer) for all pages: a new context per page
    made most of a browser test's time on two cores. *mode* sets the theme's stored colour mode
    before each page's scripts run (pydata-sphinx-theme reads localStorage "mode"); *options* go to
    the context (e.g. ``accept_downloads``).
    """
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, **options)
    if mode:
        context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    try:
        yield context.new_page()
    finally:
        context.close()


ALL_CHARTS_DRAWN = ("() => [...document.querySelectorAll('.zhucun-chart-canvas')]"
                    ".every(e => e.getAttribute('data-drawn') === 'true')")


def draw_charts(page, timeout: int = 30_000) -> None:
    """Bring the first chart into view, as a reader scrolling does, and wait until every chart is drawn.

    plotly.js loads only when a chart nears the viewport (zhucun-charts.js); the
    page is scrolled back to the top afterwards.
    """
    page.evaluate("() => { const c = document.querySelector('.zhucun-chart'); if (c) c.scrollIntoView(); }")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=timeout)
    page.evaluate("() => window.scrollTo(0, 0)")


def copy_built_book(book_root: Path, target: Path) -> Path:
    """The book's sources with the main build's jupyter cache and dependency records.

    Built elsewhere, the copy reuses every chapter whose recorded data files
    and modules are unchanged: the records do not depend on where the book lives.
    It also has the build's questionnaire files (``_questionnaire/`` and their stamp).
    """
    from zhucun.book.questionnaire_files import BUILD_FOLDER, STAMP

    target.mkdir(parents=True, exist_ok=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(book_root / name, target / name)
    for folder in ("chapters", "data"):
        shutil.copytree(book_root / folder, target / folder)
    shutil.copytree(book_root / "_build" / ".jupyter_cache", target / "_build" / ".jupyter_cache")
    # The questionnaire files with their stamp, as the author's next build finds them: written again only
    # when the codebook changed (tests/fieldwork/test_questionnaire_files.py tests that rule).
    shutil.copytree(book_root / "_build" / "html" / BUILD_FOLDER, target / "_build" / "html" / BUILD_FOLDER)
    shutil.copy(book_root / "_build" / STAMP, target / "_build" / STAMP)
    return target
