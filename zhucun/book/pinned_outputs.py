"""Keep notebooks small and their headline numbers pinned, and pin the pages a reader sees as text.

Chapters are committed without outputs except the cells marked
``# NBVAL_CHECK_OUTPUT``: small printouts of each chapter's headline numbers,
which nbval (``--nbval-lax``) compares on every test run. After real data
replace the demonstration data, ``python -m zhucun pin-outputs`` re-executes
the chapters and records the new headline numbers; until then nbval fails,
which is the point: nobody publishes numbers that were not looked at.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from nbclient import NotebookClient

PIN_MARK = "# NBVAL_CHECK_OUTPUT"


def is_pinned(cell) -> bool:
    return cell.cell_type == "code" and PIN_MARK in cell.source


def strip_unpinned(nb) -> None:
    """Drop every output except those of pinned cells, and the other cells' execution counts.

    Pinned cells keep their execution count: nbval treats a cell with outputs
    but no count as an error ("unrun reference cell has outputs").
    """
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        if not is_pinned(cell):
            cell.outputs = []
            cell.execution_count = None


def pin_outputs(path: Path, timeout: int = 600) -> int:
    """Execute *path* in its own folder, keep only pinned outputs; returns the number of pinned cells."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    strip_unpinned(nb)
    nbformat.write(nb, path)
    return sum(is_pinned(c) for c in nb.cells)


def main(paths: list[str]) -> int:
    """CLI: ``python -m zhucun pin-outputs [NOTEBOOK ...]`` (default: every chapter)."""
    from zhucun.paths import book_root

    notebooks = [Path(p) for p in paths] or sorted((book_root() / "chapters").glob("*.ipynb"))
    for notebook in notebooks:
        n = pin_outputs(notebook.resolve())
        print(f"{notebook}: {n} 个固定输出单元 / pinned cells")
    return 0


# -- the pages themselves ------------------------------------------------
# A change of the code must not change what a reader sees unnoticed. Each chapter page built from the
# committed data is pinned as a text snapshot in PAGES_DIR (``python -m zhucun pin-pages``): what the
# reader reads (the article's text: prose, headings, tables, captions, source lines), the text
# alternatives (alt and aria-label), and the numbers and labels each chart draws (its plotly figure's
# data, numbers rounded to six significant digits, and its layout's texts). The test suite compares each
# build with the snapshots and shows a unified diff of what changed, so a re-pin is reviewed as a diff.
PAGES_DIR = Path("tests") / "pages"
_BLOCKS = {"p", "div", "section", "article", "figure", "figcaption", "caption", "table", "thead", "tbody",
           "tr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary",
           "blockquote", "pre", "aside", "nav", "br", "hr"}
_CELLS = {"td", "th"}
_ALT_ATTRIBUTES = ("alt", "aria-label")
# Keys of a plotly trace that style it rather than carry data.
_STYLE_KEYS = {"color", "colors", "colorscale", "font", "line", "hovertemplate", "texttemplate", "hoverlabel",
               "hoverinfo", "legendgroup", "showlegend", "showscale", "textposition", "opacity", "width",
               "xaxis", "yaxis", "cliponaxis", "insidetextanchor", "textfont", "arrangement", "pad",
               "thickness", "reversescale", "coloraxis", "xgap", "ygap", "zmid", "offsetgroup", "alignmentgroup"}
_SENTENCE_END = re.compile(r"(?<=[。！？；])(?=\S)")


def _number(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def _leaves(item, path: str):
    """(key path, values) of a plotly trace, style keys left out."""
    if isinstance(item, dict):
        for key in sorted(item):
            if key not in _STYLE_KEYS:
                yield from _leaves(item[key], f"{path}.{key}" if path else key)
    elif isinstance(item, list) and any(isinstance(value, (dict, list)) for value in item):
        for index, value in enumerate(item):
            yield from _leaves(value, f"{path}[{index}]")
    elif isinstance(item, list):
        yield path, ", ".join(_number(value) for value in item)
    elif item is not None:
        yield path, _number(item)


def _layout_texts(item, path: str = "layout"):
    """The texts a chart's layout shows: its title, axis titles, annotations."""
    if isinstance(item, dict):
        for key in sorted(item):
            if key == "text" and isinstance(item[key], str) and item[key]:
                yield f"{path}.text: {item[key]}"
            else:
                yield from _layout_texts(item[key], f"{path}.{key}")
    elif isinstance(item, list):
        for index, value in enumerate(item):
            yield from _layout_texts(value, f"{path}[{index}]")


def chart_lines(spec: str) -> list[str]:
    """What a chart's figure JSON draws, one line per data key of each trace and per layout text."""
    figure = json.loads(spec)
    lines = []
    for number, trace in enumerate(figure.get("data", [])):
        lines += [f"[图表数据] data[{number}].{key}: {values}" for key, values in _leaves(trace, "")]
    lines += [f"[图表文字] {text}" for text in _layout_texts(figure.get("layout", {}))]
    return lines


class _PageReader(HTMLParser):
    """Collects the visible lines of a page's <article>, its text alternatives and its charts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current = ""
        self.depth = 0          # inside <article> when > 0
        self.skip = 0           # inside <script>/<style>/<template> or a heading's "#" link (not read)
        self.cell = 0           # inside a table cell: its paragraphs stay on the row's line
        self.chart_spec: list[str] | None = None

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", self.current).strip()
        if text:
            self.lines += [line for line in _SENTENCE_END.split(text) if line]
        self.current = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag == "script" and "zhucun-chart-spec" in (attributes.get("class") or ""):
            self.chart_spec = []
            return
        if tag in ("script", "style", "template") or "headerlink" in (attributes.get("class") or ""):
            self.skip += 1
            return
        if tag in _CELLS:
            self.cell += 1
            self.current += " | "
        elif tag in _BLOCKS and not self.cell:
            self._flush()
        for name in _ALT_ATTRIBUTES:
            if attributes.get(name):
                self._flush()
                alternative = re.sub(r"\s+", " ", attributes[name]).strip()
                self.lines.append(f"[{name}] {alternative}")

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "script" and self.chart_spec is not None:
            self._flush()
            self.lines += chart_lines("".join(self.chart_spec))
            self.chart_spec = None
            return
        if tag in ("script", "style", "template") or (tag == "a" and self.skip):
            self.skip = max(0, self.skip - 1)
            return
        if tag in _CELLS:
            self.cell = max(0, self.cell - 1)
        elif tag in _BLOCKS and not self.cell:
            self._flush()
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.chart_spec is not None:
            self.chart_spec.append(data)
        elif self.depth and not self.skip:
            self.current += data


def page_snapshot(page: Path) -> str:
    """The text snapshot of a built page: its visible lines, text alternatives and chart data."""
    reader = _PageReader()
    reader.feed(page.read_text(encoding="utf-8"))
    reader.close()
    reader._flush()
    return "\n".join(line for line in reader.lines if line.strip(" |")) + "\n"


def page_snapshots(html_dir: Path) -> dict[str, str]:
    """{snapshot file name: snapshot} for every chapter page of a built book."""
    return {f"{page.stem}.txt": page_snapshot(page) for page in sorted((html_dir / "chapters").glob("*.html"))}


def data_digest(root: Path) -> str:
    """What the pinned pages were built from: every file of data/, by name and content."""
    digest = hashlib.sha256()
    for path in sorted(p for p in (root / "data").rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


DATA_LINE = "# 构建所用数据 / built from data/ with SHA-256 "


def pin_pages_main(argv: list[str]) -> int:
    """CLI: ``python -m zhucun pin-pages``: write the text snapshots of the pages in ``_build/html``.

    Run it after ``jb build .`` with the committed data, when a change of the pages is intended, and
    read ``git diff tests/pages`` before committing: it is what changed for the reader.
    """
    from zhucun.paths import book_root

    root = book_root()
    snapshots = page_snapshots(root / "_build" / "html")
    if not snapshots:
        print("zhucun pin-pages: _build/html/chapters has no pages; run `jb build .` first", file=sys.stderr)
        return 1
    folder = root / PAGES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for stale in set(p.name for p in folder.glob("*.txt")) - set(snapshots):
        (folder / stale).unlink()  # a page that is gone
    header = f"{DATA_LINE}{data_digest(root)}\n"
    for name, snapshot in snapshots.items():
        (folder / name).write_text(header + snapshot, encoding="utf-8")
    print(f"{PAGES_DIR}: {len(snapshots)} 个页面 / pages pinned")
    return 0
