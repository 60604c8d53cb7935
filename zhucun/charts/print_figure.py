"""The print edition's static figures: matplotlib set up once, and files written.

Every :class:`zhucun.charts.chart.Chart` may carry a ``static`` callable that draws
its matplotlib twin from the same aggregated numbers (the drawings are in
:mod:`zhucun.charts.print_twins`). Displaying the chart while the book builds
records the twin (:func:`record_twin`); the print edition
(:mod:`zhucun.book.print_edition`) draws the recorded twins
(:func:`draw_recorded_twins`), which writes ``figures/<chart_id>.svg`` and a
300-dpi ``figures/<chart_id>.png``, and prints the SVG.

Chinese text needs a font with CJK glyphs: Debian's ``fonts-noto-cjk``
("Noto Sans CJK SC"), named in the README. The SVG is deterministic (fixed
hash salt, no date), so two builds of one commit write the same bytes.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from zhucun.paths import figures_dir

CJK_FONT = "Noto Sans CJK SC"
PNG_DPI = 300
# The text width of an A4 page with 25 mm margins, in inches: figures are
# drawn at their printed size, so 9-pt text in the figure is 9 pt on paper.
PAGE_WIDTH_IN = 6.3
SOURCE_PREFIX = "资料来源："

_configured = False


def configure() -> None:
    """Select the Agg backend and the book's fonts; safe to call many times."""
    global _configured
    if _configured:
        return
    import matplotlib

    matplotlib.use("Agg", force=True)  # no display, and no GUI toolkit imported
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [CJK_FONT, "DejaVu Sans"],
        "axes.unicode_minus": False,  # ASCII minus: not every CJK font has U+2212
        "svg.hashsalt": "zhucun",     # stable element ids: identical SVG bytes on every build
        "svg.fonttype": "path",       # glyphs as outlines: the SVG needs no font to display
        "font.size": 9,
        "axes.titlesize": 10,
        "axes.labelsize": 9,
        "legend.fontsize": 8,
        "xtick.labelsize": 8,
        "ytick.labelsize": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
    })
    _ensure_cjk_font()
    _configured = True


def _ensure_cjk_font() -> None:
    """Find the CJK font, rebuilding matplotlib's font cache once if the font was installed
    after the cache was made; fail with the package to install rather than print empty boxes."""
    from matplotlib import font_manager

    try:
        font_manager.findfont(CJK_FONT, fallback_to_default=False)
        return
    except ValueError:
        pass
    font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
    try:
        font_manager.findfont(CJK_FONT, fallback_to_default=False)
    except ValueError:
        raise RuntimeError(f"font {CJK_FONT!r} not found: install Debian's fonts-noto-cjk "
                           "(apt-get install -y fonts-noto-cjk), as the README says") from None


def display_width(text: str) -> int:
    """Width of *text* in half-width units: a CJK character counts 2, Latin 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Never at the start of a line (Chinese line-breaking rule): closing brackets and punctuation.
_NO_LINE_START = set("）)]】」』”’，。、：；！？%％")


def wrap(text: str, width: int) -> str:
    """Break *text* into lines about *width* half-width units wide (a CJK character counts 2).

    CJK text has no spaces to break at: lines are cut between characters, evenly
    (two half lines rather than a full one and a stub), and never before a
    closing bracket or punctuation mark.
    """
    text = str(text)
    total = display_width(text)
    if total <= width:
        return text
    n_lines = -(-total // width)
    target = min(width, -(-total // n_lines) + 2)  # a character's slack, so no one-character last line
    lines, line, used = [], "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > target and line and ch not in _NO_LINE_START:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    lines.append(line)
    return "\n".join(lines)


def new_figure(height_in: float, width_in: float = PAGE_WIDTH_IN):
    """A figure at printed size with one axes, laid out by matplotlib's constrained layout."""
    configure()
    from matplotlib.figure import Figure

    # Figure(), not pyplot: no global state, nothing to close, nothing leaks between charts.
    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    return fig, fig.add_subplot()


def add_title_and_source(fig, title: str, source: str) -> None:
    """The chart's title above and its 资料来源 line below, as in the HTML book."""
    fig.suptitle(wrap(title, 78), x=0.01, ha="left", fontsize=10.5, fontweight="bold")
    fig.supxlabel(wrap(SOURCE_PREFIX + source, 112), x=0.01, ha="left", fontsize=7.5, color="#444444")


def _folder(directory: Path | None) -> Path:
    return Path(directory) if directory is not None else figures_dir()


def static_paths(chart_id: str, directory: Path | None = None) -> dict[str, Path]:
    folder = _folder(directory)
    return {"svg": folder / f"{chart_id}.svg", "png": folder / f"{chart_id}.png"}


def save(fig: Any, chart_id: str, directory: Path | None = None) -> dict[str, Path]:
    """Write *fig* as ``<chart_id>.svg`` and a 300-dpi ``<chart_id>.png``; returns the paths."""
    configure()
    paths = static_paths(chart_id, directory)
    paths["svg"].parent.mkdir(parents=True, exist_ok=True)
    # No date and no software version in the files: the bytes depend on the numbers only.
    fig.savefig(paths["svg"], format="svg", metadata={"Date": None, "Creator": None})
    fig.savefig(paths["png"], format="png", dpi=PNG_DPI, metadata={"Software": None})
    return paths


def _draw(chart_id: str, static, directory: Path | None) -> dict[str, Path]:
    fig = static()
    try:
        return save(fig, chart_id, directory)
    finally:
        fig.clear()  # free the drawing at once; the book has a few dozen


TWIN_SUFFIX = ".twin.pickle"


def record_twin(chart: Any, directory: Path | None = None) -> Path | None:
    """Keep *chart*'s twin (the drawing function with the aggregated numbers it closes over) for later.

    Written while the book builds, as ``figures/<chart_id>.twin.pickle``;
    :func:`draw_recorded_twins` draws it when the print edition is made.
    None when the chart has no twin.
    """
    if chart.static is None:
        return None
    import cloudpickle

    folder = _folder(directory)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{chart.chart_id}{TWIN_SUFFIX}"
    path.write_bytes(cloudpickle.dumps((chart.chart_id, chart.static)))
    return path


def draw_recorded_twins(directory: Path | None = None) -> list[str]:
    """Draw every twin recorded in *directory* whose SVG is missing or older than the record.

    Returns the chart ids drawn, in order. The records are the build's own
    output in the book's ``figures/`` folder, read back by the same code.
    """
    import pickle

    folder = _folder(directory)
    drawn = []
    for record in sorted(folder.glob(f"*{TWIN_SUFFIX}")):
        svg = static_paths(record.name[: -len(TWIN_SUFFIX)], folder)["svg"]
        if svg.is_file() and svg.stat().st_mtime_ns >= record.stat().st_mtime_ns:
            continue
        chart_id, static = pickle.loads(record.read_bytes())
        _draw(chart_id, static, folder)
        drawn.append(chart_id)
    return drawn
