"""The print edition: ``python -m zhucun pdf`` writes ``_build/pdf/book.pdf``.

Route (no TeX needed):

1. ``jb build . --builder singlehtml`` — the whole book as one page; it reuses
   the jupyter cache, so chapters already executed are not run again.
   Executing a chapter records its charts' static twins in ``figures/``; they
   are drawn here, to ``figures/<chart_id>.svg``, before printing.
2. A print copy of that page: every interactive chart (``.zhucun-chart``)
   becomes an ``<img>`` of ``figures/<chart_id>.svg`` (its numbered caption and
   source line stay, the 查看数据 table goes), scripts, navigation and buttons
   go, a cover and a table of contents are added, and print CSS sets A4 pages
   with each chapter on a new page.
3. Debian's headless Chromium prints the copy (Playwright, no network) with
   page numbers in the footer. The table of contents gets its page numbers
   from a first printing: its named destinations say where each heading landed.
4. The final printing's named destinations also give the PDF's bookmarks
   (pypdf): the pages of ``_toc.yml`` in order, each with its sections.
"""

from __future__ import annotations

import argparse
import functools
import html
import logging
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from zhucun.charts.print_figure import draw_recorded_twins
from zhucun.paths import book_root, figures_dir

CHROMIUM = Path("/usr/bin/chromium")
# As root in a container, and with no network (as tests/conftest.py).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
# Print styles, added to the theme's own (which style tables, admonitions and captions).
PRINT_CSS = """
@page { size: A4; }
html, body { background: #fff !important; color: #111 !important; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; line-height: 1.65;
       margin: 0; padding: 0; }
h1, h2, h3, h4, .caption-number, .zhucun-toc, figcaption, table { font-family: "Noto Sans CJK SC", sans-serif; }
.zhucun-print-body, .zhucun-print-body article { max-width: none !important; width: auto !important;
       margin: 0 !important; padding: 0 !important; }
.zhucun-cover { break-after: page; text-align: center; padding-top: 70mm; }
.zhucun-cover h1 { font-size: 24pt; line-height: 1.4; }
.zhucun-cover-sub { font-size: 14pt; margin-top: 8mm; }
.zhucun-cover-note { font-size: 10pt; color: #444; margin: 30mm 15mm 0; text-align: left; }
.zhucun-toc { break-after: page; }
.zhucun-toc h1 { text-align: center; font-size: 18pt; }
.zhucun-toc ol { list-style: none; padding: 0; }
.zhucun-toc li a { display: flex; color: #111; text-decoration: none; }
.zhucun-toc .toc-title { flex: 1; border-bottom: 1px dotted #999; margin-right: 0.6em; }
.zhucun-toc .toc-level-1 { font-weight: bold; margin-top: 0.7em; }
.zhucun-toc .toc-level-2 { padding-left: 2em; font-size: 9.5pt; }
section.zhucun-chapter { break-before: page; }
section.zhucun-chapter > h1, section.zhucun-chapter > h2 { font-size: 18pt; margin-top: 0; }
section.zhucun-chapter h3 { font-size: 14pt; }
section.zhucun-chapter h4 { font-size: 12pt; }
h1, h2, h3, h4 { break-after: avoid; }
figure, .zhucun-print-chart, table, .admonition, svg, pre { break-inside: avoid; }
img.zhucun-static { display: block; width: 100%; height: auto; margin: 0 auto; }
.zhucun-chart-source { font-size: 8.5pt; color: #444; margin: 0.2em 0 0; }
figcaption, figcaption * { font-size: 9.5pt; text-align: center; font-style: normal !important; }
table { font-size: 9pt; }
a { color: inherit; text-decoration: none; }
"""
FOOTER = ('<div style="width:100%;text-align:center;font-size:9px;color:#444;'
          'font-family:\'Noto Sans CJK SC\',sans-serif;"><span class="pageNumber"></span></div>')


class PrintEditionError(RuntimeError):
    """The print edition cannot be made (a figure is missing, the build failed, ...)."""


@dataclass
class Heading:
    """A table-of-contents entry: a chapter (level 1) or one of its sections (level 2)."""

    level: int
    title: str
    anchor: str
    page: int | None = None


def _text(element) -> str:
    """A heading's text without its ¶/# permalink."""
    for link in element.select("a.headerlink"):
        link.decompose()
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True)).strip()


def chart_ids(page_html: str) -> list[str]:
    """The chart_id of every interactive chart on a page, in page order."""
    return re.findall(r'class="zhucun-chart" data-chart-id="([a-z0-9-]+)"', page_html)


def make_print_copy(page_html: str, figures: Path, *, pages: dict[str, int] | None = None) -> tuple[str, list[Heading]]:
    """The print copy of the single-page book, and its table-of-contents entries.

    *figures* holds ``<chart_id>.svg``; *pages* maps a heading's anchor to its
    page (from an earlier printing) for the table of contents.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    missing = [cid for cid in chart_ids(page_html) if not (figures / f"{cid}.svg").is_file()]
    if missing:
        raise PrintEditionError(
            "static figures missing in " + str(figures) + ": " + ", ".join(missing)
            + " — does the builder of these charts give them a static twin (Chart.static)?")
    article = soup.select_one("article.bd-article") or soup.find("article")
    if article is None:
        raise PrintEditionError("no <article> in the single-page build: has the theme changed?")

    for chart in article.select("div.zhucun-chart"):
        cid = chart["data-chart-id"]
        canvas = chart.select_one(".zhucun-chart-canvas")
        label = canvas.get("aria-label", "") if canvas else ""
        block = soup.new_tag("div", attrs={"class": "zhucun-print-chart", "data-chart-id": cid})
        block.append(soup.new_tag("img", attrs={"class": "zhucun-static", "alt": label,
                                                 "src": (figures / f"{cid}.svg").resolve().as_uri()}))
        chart.replace_with(block)
    # Nothing interactive on paper: no scripts, no buttons, no permalinks, no collapsed tables.
    for element in soup.select("script, details.zhucun-chart-data, button, .headerlink, .toggle-details"):
        element.decompose()

    headings: list[Heading] = []
    # The landing page (the root of _toc.yml) comes first, as in the web book's navigation;
    # its own sections are those outside the toctree.
    front = article.find("section")
    if front is not None and front.find("h1") is not None:
        front_title = front.find("h1")
        front_title["id"] = "zhucun-front"
        headings.append(Heading(1, _text(front_title), "zhucun-front"))
        for m, sub in enumerate(front.find_all("section", recursive=False)):
            sub_title = sub.find(["h2", "h3"])
            if sub_title is not None:
                sub_title["id"] = f"zhucun-front-{m}"
                headings.append(Heading(2, _text(sub_title), f"zhucun-front-{m}"))
    # Then every page the root's toctree pulls in, in TOC order.
    chapters = article.select("div.toctree-wrapper > section")
    for n, section in enumerate(chapters):
        section["class"] = section.get("class", []) + ["zhucun-chapter"]
        title = section.find(["h1", "h2"])
        anchor = f"zhucun-chapter-{n}"
        title["id"] = anchor
        headings.append(Heading(1, _text(title), anchor))
        for m, sub in enumerate(section.find_all("section", recursive=False)):
            sub_title = sub.find(["h2", "h3"])
            if sub_title is None:
                continue
            sub_anchor = f"{anchor}-{m}"
            sub_title["id"] = sub_anchor
            headings.append(Heading(2, _text(sub_title), sub_anchor))
    if not chapters:
        raise PrintEditionError("no chapters found in the single-page build")
    for heading in headings:
        heading.page = (pages or {}).get(heading.anchor)

    book_title = headings[0].title if headings[0].anchor == "zhucun-front" else ""
    style = soup.new_tag("style")
    style.string = PRINT_CSS
    soup.head.append(style)
    soup.html["data-theme"] = "light"  # never the dark palette on paper

    body = soup.new_tag("body")
    body.append(BeautifulSoup(_cover(book_title) + _toc(headings), "html.parser"))
    main = soup.new_tag("main", attrs={"class": "zhucun-print-body"})
    main.append(article.extract())
    body.append(main)
    soup.body.replace_with(body)
    return str(soup), headings


def _cover(book_title: str) -> str:
    return (f'<section class="zhucun-cover"><h1>{html.escape(book_title)}</h1>'
            '<p class="zhucun-cover-sub">可执行研究书 · 印刷版</p>'
            '<p class="zhucun-cover-note">本印刷版与网页版出自同一次构建：'
            '网页中的交互图表在此换为由同一组数字绘制的静态图，'
            '“查看数据”表格从略。</p></section>')


def _toc(headings: list[Heading]) -> str:
    rows = []
    for h in headings:
        page = "" if h.page is None else str(h.page)
        rows.append(f'<li class="toc-level-{h.level}"><a href="#{h.anchor}"><span class="toc-title">'
                    f'{html.escape(h.title)}</span><span class="toc-page">{page}</span></a></li>')
    return f'<nav class="zhucun-toc"><h1>目　录</h1><ol>{"".join(rows)}</ol></nav>'


def heading_pages(pdf: Path, headings: list[Heading]) -> dict[str, int]:
    """Where each heading landed in a printed PDF (1-based, as in the footer).

    The contents link to every heading, so Chromium writes a named destination for
    each anchor: the page is read from there, not guessed from the text.
    """
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # Chromium's trailer sizes are off by a few
    reader = PdfReader(pdf)
    destinations = reader.named_destinations
    found: dict[str, int] = {}
    for h in headings:
        destination = destinations.get("/" + h.anchor) or destinations.get(h.anchor)
        if destination is not None:
            found[h.anchor] = reader.get_destination_page_number(destination) + 1
    return found


def add_outline(pdf: Path, headings: list[Heading]) -> int:
    """Give *pdf* (in place) its bookmarks: the level-1 *headings* at the top, each with its
    level-2 headings under it, each pointing where its named destination says the heading is.
    Returns the number of bookmarks.

    Chromium's own outline (``outline=True``) doubles and cuts these headings' titles and nests
    the chapters under the landing page, so the outline is written here from the same anchors
    the contents page links to.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter(clone_from=PdfReader(pdf))
    destinations = writer.named_destinations
    missing = [h.anchor for h in headings if "/" + h.anchor not in destinations and h.anchor not in destinations]
    if missing:
        raise PrintEditionError("no named destination in the PDF for: " + ", ".join(missing))
    parent = None
    for h in headings:
        destination = destinations.get("/" + h.anchor) or destinations[h.anchor]
        item = writer.add_outline_item(title=h.title, page_number=destination.page,
                                       parent=parent if h.level > 1 else None,
                                       fit=Fit.xyz(left=destination.left, top=destination.top), is_open=False)
        if h.level == 1:
            parent = item
    writer.page_mode = "/UseOutlines"  # viewers open with the bookmarks shown
    with open(pdf, "wb") as handle:
        writer.write(handle)
    return len(headings)


# Kangxi radicals, CJK radicals supplement, compatibility ideographs: a CJK font maps
# the same glyph to these and to the unified ideograph, and Chromium's PDF writer
# picks the lower code point, so "干部" would be copied out of the PDF as "⼲部".
_LOOKALIKE_BLOCKS = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF))


@functools.cache
def lookalike_map() -> dict[int, int]:
    """{look-alike code point: the unified ideograph the print fonts draw with the same glyph}.

    Read from the fonts' own cmaps (Noto Sans/Serif CJK SC), so it names exactly the
    pairs that share a glyph; NFKC alone misses the simplified radicals (⻆ 角, ⻚ 页).
    """
    from fontTools.ttLib import TTCollection, TTFont

    pairs: dict[int, int] = {}
    if shutil.which("fc-match") is None:
        return pairs  # no fontconfig: NFKC alone (see unify_lookalikes)
    for family in ("Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans CJK SC:bold", "Noto Serif CJK SC:bold"):
        found = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True).stdout.strip()
        if not found.lower().endswith((".ttc", ".otf", ".ttf")):
            continue
        fonts = TTCollection(found, lazy=True).fonts if found.lower().endswith(".ttc") else [TTFont(found, lazy=True)]
        for font in fonts:
            if not font["name"].getDebugName(4).replace(" Bold", "").endswith("CJK SC"):
                continue
            cmap = font.getBestCmap()
            by_glyph: dict[str, list[int]] = {}
            for code, glyph in cmap.items():
                by_glyph.setdefault(glyph, []).append(code)
            for code, glyph in cmap.items():
                if any(lo <= code <= hi for lo, hi in _LOOKALIKE_BLOCKS):
                    unified = [c for c in by_glyph[glyph] if 0x3400 <= c <= 0x9FFF or 0x20000 <= c <= 0x3FFFF]
                    if unified:
                        pairs.setdefault(code, min(unified))
    return pairs


def unify_lookalikes(text: str) -> str:
    """*text* with radical and compatibility look-alikes read as the ideographs they show."""
    import unicodedata

    pairs = lookalike_map()
    out = []
    for ch in text:
        if any(lo <= ord(ch) <= hi for lo, hi in _LOOKALIKE_BLOCKS):
            ch = chr(pairs[ord(ch)]) if ord(ch) in pairs else unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


def _hex_text(value: str) -> str:
    return bytes.fromhex(value).decode("utf-16-be", errors="replace")


def repair_to_unicode_cmap(cmap: str) -> str | None:
    """*cmap* (a font's /ToUnicode program) with radical look-alikes mapped to the ideographs
    they stand for; None when nothing needs changing or the program is not understood."""
    mapping: dict[str, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, flags=re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[src.upper()] = _hex_text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, flags=re.S):
        if "[" in block:
            return None  # array ranges: not written by Chromium; leave such a font alone
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = _hex_text(dst)
            for offset in range(int(hi, 16) - int(lo, 16) + 1):
                code = format(int(lo, 16) + offset, f"0{len(lo)}X")
                mapping[code] = first[:-1] + chr(ord(first[-1]) + offset)
    fixed = {code: unify_lookalikes(text) for code, text in mapping.items()}
    if fixed == mapping:
        return None
    head = cmap[:cmap.index("endcodespacerange") + len("endcodespacerange")]
    tail = cmap[cmap.rindex("endcmap"):]
    items = sorted(fixed.items())
    blocks = []
    for start in range(0, len(items), 100):  # at most 100 entries per block (PDF 32000 9.10.3)
        chunk = items[start:start + 100]
        lines = "\n".join(f"<{code}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}\nendbfchar")
    return head + "\n" + "\n".join(blocks) + "\n" + tail


def repair_cjk_text(pdf: Path) -> int:
    """Rewrite the fonts' /ToUnicode maps of *pdf* in place so its Chinese text copies and
    searches as the ideographs printed; returns how many maps were changed."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter(clone_from=PdfReader(pdf))
    seen: set[int] = set()
    changed = 0

    def visit(resources) -> None:
        nonlocal changed
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            unicode_map = font.get("/ToUnicode")
            if unicode_map is None or id(unicode_map.get_object()) in seen:
                continue
            stream = unicode_map.get_object()
            seen.add(id(stream))
            repaired = repair_to_unicode_cmap(stream.get_data().decode("latin-1"))
            if repaired is not None:
                stream.set_data(repaired.encode("latin-1"))
                changed += 1
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == NameObject("/Form") and id(xobject) not in seen:
                seen.add(id(xobject))
                visit(xobject.get("/Resources"))

    for page in writer.pages:
        visit(page.get("/Resources"))
    if changed:
        with open(pdf, "wb") as handle:
            writer.write(handle)
    return changed


def print_pdf(html_file: Path, pdf: Path) -> None:
    """Print *html_file* with Debian's headless Chromium to an A4 PDF with page numbers.

    The printing runs in a thread of its own: Playwright's sync API refuses a thread that already drives an
    event loop, as a caller that holds a browser open does (a test session, a Sphinx extension in a kernel).
    """
    if not CHROMIUM.exists():
        raise PrintEditionError("Chromium not found at /usr/bin/chromium: `apt-get install -y chromium`")
    failure: list[BaseException] = []

    def run() -> None:
        try:
            _print_pdf(html_file, pdf)
        except BaseException as error:  # handed back to the caller's thread
            failure.append(error)

    thread = threading.Thread(target=run, name="print-pdf")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def _print_pdf(html_file: Path, pdf: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            # Local files only: the print edition never reaches the network.
            page.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
            page.goto(html_file.resolve().as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            # Every static figure must have loaded: a broken image would print as a blank box.
            broken = page.evaluate("() => Array.from(document.images)"
                                   ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
            if broken:
                raise PrintEditionError("images that did not load: " + ", ".join(broken))
            page.emulate_media(media="print")
            # No outline=True: Chromium's bookmarks (they need tagged=True) come out with doubled
            # and cut titles for these headings; add_outline writes them afterwards.
            page.pdf(path=str(pdf), format="A4", print_background=True, display_header_footer=True,
                     header_template="<span></span>", footer_template=FOOTER,
                     margin={"top": "22mm", "bottom": "20mm", "left": "20mm", "right": "20mm"})
        finally:
            browser.close()


def start_singlehtml(root: Path, path_output: Path | None) -> subprocess.Popen:
    """Start the single-page build (reusing the jupyter cache) in its own process."""
    jb = shutil.which("jb") or str(Path(sys.executable).parent / "jb")
    command = [jb, "build", str(root), "--builder", "singlehtml"]
    if path_output is not None:
        command += ["--path-output", str(path_output)]
    return subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_singlehtml(build: subprocess.Popen, out_root: Path) -> Path:
    """Wait for the single-page build; returns the page of the root document."""
    stdout, stderr = build.communicate()
    if build.returncode != 0:
        raise PrintEditionError(f"single-page build failed (exit {build.returncode}):\n"
                                f"{stdout[-3000:]}\n{stderr[-3000:]}")
    out = out_root / "_build" / "singlehtml"
    pages = [p for p in out.rglob("index.html") if "zhucun-chart" in p.read_text(encoding="utf-8")]
    if not pages:
        raise PrintEditionError(f"no single-page book with charts under {out}")
    return max(pages, key=lambda p: p.stat().st_size)


def execute_for_figures(root: Path, missing: list[str]) -> None:
    """Execute the chapters holding the *missing* charts, which records their static twins.

    A chart's id starts with its chapter (``ch3-…`` is in ``chapters/03_*.ipynb``); an id
    that names no chapter makes every chapter run. Needed when the jupyter cache holds
    chapters executed before their charts had static twins: the cache then replays the
    pages without running the code that writes ``figures/``.
    """
    import nbformat
    from nbclient import NotebookClient

    chapters = sorted((root / "chapters").glob("[0-9][0-9]_*.ipynb"))
    wanted = set()
    for cid in missing:
        number = re.match(r"ch(\d+)-", cid)
        matches = [nb for nb in chapters if number and int(nb.name[:2]) == int(number.group(1))]
        wanted.update(matches or chapters)
    for notebook_path in sorted(wanted):
        print(f"zhucun pdf: executing {notebook_path.relative_to(root)} to draw its static figures", file=sys.stderr)
        notebook = nbformat.read(notebook_path, as_version=4)
        NotebookClient(notebook, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(notebook_path.parent)}}).execute()


def make_pdf(root: Path | None = None, *, path_output: Path | None = None, skip_build: bool = False,
             figures: Path | None = None) -> Path:
    """Build the single page, make its print copy, print it twice (the second time with
    the contents' page numbers); returns the path of ``_build/pdf/book.pdf``."""
    root = book_root(root)
    out_root = path_output or root
    figures = figures or figures_dir(root)
    build = None if skip_build else start_singlehtml(root, path_output)
    # The build recorded every chart's twin; drawing them is the print edition's own
    # work, done while the single page builds in its own process.
    draw_recorded_twins(figures)
    if build is None:
        page = max((out_root / "_build" / "singlehtml").rglob("index.html"), key=lambda p: p.stat().st_size)
    else:
        page = finish_singlehtml(build, out_root)
        draw_recorded_twins(figures)  # twins of chapters the single-page build had to execute
    pdf_dir = out_root / "_build" / "pdf"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    pdf = pdf_dir / "book.pdf"
    # The copy sits beside the built root page's folder so _static/ resolves.
    singlehtml = out_root / "_build" / "singlehtml"
    copy = singlehtml / "print.html"
    page_html = page.read_text(encoding="utf-8")
    missing = [cid for cid in chart_ids(page_html) if not (figures / f"{cid}.svg").is_file()]
    if missing and figures == figures_dir(root):
        execute_for_figures(root, missing)
        draw_recorded_twins(figures)
    html_text, headings = make_print_copy(page_html, figures)
    copy.write_text(html_text, encoding="utf-8")
    print_pdf(copy, pdf)
    # The first printing only tells where the headings land (named destinations, not
    # text), so its Chinese text needs no repair; the final printing does.
    pages = heading_pages(pdf, headings)
    html_text, headings = make_print_copy(page_html, figures, pages=pages)
    copy.write_text(html_text, encoding="utf-8")
    print_pdf(copy, pdf)
    repair_cjk_text(pdf)
    add_outline(pdf, headings)
    return pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhucun pdf", description="印刷版：把全书打印为 _build/pdf/book.pdf")
    parser.add_argument("--path-output", type=Path, default=None,
                        help="构建目录的上级（同 jb build --path-output）；默认是书的根目录")
    parser.add_argument("--skip-build", action="store_true", help="沿用已有的单页构建，不再运行 jb build")
    args = parser.parse_args(argv)
    try:
        pdf = make_pdf(path_output=args.path_output, skip_build=args.skip_build)
    except PrintEditionError as error:
        print(f"zhucun pdf: {error}", file=sys.stderr)
        return 1
    print(pdf)
    return 0
