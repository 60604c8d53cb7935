"""Matplotlib twins of the book's interactive charts, for the print edition.

Each ``draw_*`` function takes the very aggregated table and parameters its
plotly builder draws from (the builders in :mod:`zhucun.charts.basic` and the
chapter-specific ones pass them on unchanged, through ``Chart.static``) and
returns a :class:`matplotlib.figure.Figure` at printed size, with the title,
Chinese labels, the 资料来源 line and the book's colour-blind-safe palettes.
The interactive and the printed chart therefore show the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from zhucun.charts.print_figure import add_title_and_source, new_figure, wrap
from zhucun.charts.style import (
    CATEGORICAL_COLOURS,
    DIVERGING_SCALE,
    SEQUENTIAL_SCALE,
    diverging_offsets,
)

# Category labels longer than this (half-width units) are wrapped onto two lines.
LABEL_WIDTH = 24
SYMBOLS = ("o", "D", "s", "^")


def _format_value(value: float, percent: bool, text_format: str | None = None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if text_format:
        # plotly's d3 formats used in the book: ".1%", "~g", ".2f", ".0%".
        spec = text_format.replace("~", "")
        return format(value, spec)
    return f"{value:.1%}" if percent else format(value, "g")


def _is_whole(values: pd.Series) -> bool:
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return len(numbers) > 0 and bool((numbers == numbers.round()).all())


def _value_axis(axis, *, percent: bool, whole: bool) -> None:
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    if percent:
        axis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    elif whole:
        axis.set_major_locator(MaxNLocator(integer=True))


def _legend_above(fig, ax, n: int) -> None:
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=min(n, 4),
                  frameon=False, borderaxespad=0.3)


def draw_bar(data: pd.DataFrame, *, category: str, value: str, title: str, source: str,
             group: str | None = None, error_low: str | None = None, error_high: str | None = None,
             orientation: str = "h", barmode: str = "group", percent: bool = False,
             value_title: str | None = None, category_title: str | None = None,
             text_format: str | None = None):
    """Twin of :func:`zhucun.charts.basic.bar_chart` (same arguments, same meaning)."""
    categories = list(dict.fromkeys(data[category]))
    groups = [None] if group is None else list(dict.fromkeys(data[group]))
    n_cat, n_grp = len(categories), len(groups)
    stacked = barmode == "stack"
    horizontal = orientation == "h"
    slots = n_cat * (1 if stacked else n_grp)
    height = (1.6 + 0.24 * slots) if horizontal else 3.4
    fig, ax = new_figure(min(9.0, max(2.6, height)))
    band = 0.8
    width = band if stacked else band / n_grp
    position = {c: i for i, c in enumerate(categories)}
    base = np.zeros(n_cat)
    largest = float(pd.to_numeric(data[value], errors="coerce").abs().max() or 1.0)
    for i, g in enumerate(groups):
        part = data if g is None else data[data[group] == g]
        at = np.array([position[c] for c in part[category]], dtype=float)
        vals = pd.to_numeric(part[value], errors="coerce").astype("float64").to_numpy()
        shift = 0.0 if stacked else (i - (n_grp - 1) / 2) * width
        bottoms = base[at.astype(int)] if stacked else np.zeros(len(at))
        colour = CATEGORICAL_COLOURS[i % len(CATEGORICAL_COLOURS)]
        label = str(g) if g is not None else None
        plot_vals = np.nan_to_num(vals)
        if horizontal:
            bars = ax.barh(at + shift, plot_vals, height=width * 0.95, left=bottoms, color=colour, label=label)
        else:
            bars = ax.bar(at + shift, plot_vals, width=width * 0.95, bottom=bottoms, color=colour, label=label)
        if error_low and error_high:
            low = pd.to_numeric(part[error_low], errors="coerce").to_numpy(dtype=float)
            high = pd.to_numeric(part[error_high], errors="coerce").to_numpy(dtype=float)
            err = np.vstack([vals - low, high - vals])
            kwargs = dict(fmt="none", ecolor="#333333", elinewidth=1, capsize=2.5)
            if horizontal:
                ax.errorbar(vals, at + shift, xerr=err, **kwargs)
            else:
                ax.errorbar(at + shift, vals, yerr=err, **kwargs)
        texts = [_format_value(v, percent, text_format) for v in vals]
        if stacked:
            # Inside the segment, and only where it is wide enough to hold the number.
            texts = [t if not math.isnan(v) and abs(v) >= 0.08 * largest else "" for t, v in zip(texts, vals)]
            ax.bar_label(bars, labels=texts, label_type="center", fontsize=7, color=_text_colour(_hex_rgb(colour)))
            base[at.astype(int)] += plot_vals
        elif error_low and error_high:
            ax.bar_label(bars, labels=texts, label_type="center", fontsize=7, color=_text_colour(_hex_rgb(colour)))
        else:
            ax.bar_label(bars, labels=texts, padding=2, fontsize=7)
    labels = [wrap(str(c), LABEL_WIDTH) for c in categories]
    whole = not percent and _is_whole(data[value])
    if horizontal:
        ax.set_yticks(range(n_cat), labels)
        ax.invert_yaxis()  # first category on top, as in the HTML
        ax.set_xlabel(value_title or value)
        ax.set_ylabel(category_title if category_title is not None else category)
        _value_axis(ax.xaxis, percent=percent, whole=whole)
        ax.margins(x=0.12)
    else:
        ax.set_xticks(range(n_cat), labels, rotation=45 if n_cat > 8 else 0, ha="right" if n_cat > 8 else "center")
        ax.set_ylabel(value_title or value)
        ax.set_xlabel(category_title if category_title is not None else category)
        _value_axis(ax.yaxis, percent=percent, whole=whole)
        ax.margins(y=0.12)
    if group is not None:
        _legend_above(fig, ax, n_grp)
    add_title_and_source(fig, title, source)
    return fig


def _text_colour(rgba) -> str:
    r, g, b = rgba[:3]
    return "white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.5 else "#111111"


def draw_heatmap(matrix: pd.DataFrame, *, title: str, source: str, value_title: str, row_title: str,
                 column_title: str, diverging: bool = False, text_format: str = ".2f",
                 zmin: float | None = None, zmax: float | None = None,
                 annotations: pd.DataFrame | None = None, show_scale: bool = True):
    """Twin of :func:`zhucun.charts.basic.heatmap_chart` (same matrix, colour scale and cell texts)."""
    from matplotlib.colors import Normalize, TwoSlopeNorm

    values = matrix.astype("float64").to_numpy()
    n_rows, n_cols = values.shape
    fig, ax = new_figure(min(9.0, max(2.8, 1.7 + 0.36 * n_rows)))
    cmap = DIVERGING_SCALE if diverging else SEQUENTIAL_SCALE
    finite = values[np.isfinite(values)]
    low = zmin if zmin is not None else (float(finite.min()) if finite.size else 0.0)
    high = zmax if zmax is not None else (float(finite.max()) if finite.size else 1.0)
    if diverging:
        bound = max(abs(low), abs(high)) or 1.0
        norm = TwoSlopeNorm(vcenter=0, vmin=min(low, -bound) if zmin is None else low,
                            vmax=max(high, bound) if zmax is None else high)
    else:
        norm = Normalize(vmin=low, vmax=high)
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, norm=norm, aspect="auto")
    texts = annotations.to_numpy() if annotations is not None else \
        [[format(v, text_format) if np.isfinite(v) else "" for v in row] for row in values]
    for r in range(n_rows):
        for c in range(n_cols):
            colour = _text_colour(image.cmap(norm(values[r, c]))) if np.isfinite(values[r, c]) else "#111111"
            ax.text(c, r, str(texts[r][c]), ha="center", va="center", fontsize=7.5, color=colour)
    ax.set_xticks(range(n_cols), [wrap(str(c), 16) for c in matrix.columns],
                  rotation=30 if n_cols > 5 else 0, ha="right" if n_cols > 5 else "center")
    ax.set_yticks(range(n_rows), [wrap(str(r), LABEL_WIDTH) for r in matrix.index])
    ax.set_xlabel(column_title)
    ax.set_ylabel(row_title)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if show_scale:
        bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
        bar.set_label(value_title)
    add_title_and_source(fig, title, source)
    return fig


def draw_interval(data: pd.DataFrame, *, category: str, estimate: str, low: str, high: str,
                  title: str, source: str, group: str | None = None, reference: float | None = None,
                  log_x: bool = False, percent: bool = False, value_title: str | None = None,
                  category_title: str | None = None):
    """Twin of :func:`zhucun.charts.basic.interval_chart`: points with intervals, one row per category."""
    categories = list(dict.fromkeys(data[category]))
    groups = [None] if group is None else list(dict.fromkeys(data[group]))
    fig, ax = new_figure(min(9.0, max(2.6, 1.6 + 0.3 * len(categories) * (1 + 0.25 * (len(groups) - 1)))))
    position = {c: i for i, c in enumerate(categories)}
    # Groups side by side within a row, so overlapping intervals stay readable on paper.
    step = 0.22 if len(groups) > 1 else 0.0
    for i, g in enumerate(groups):
        part = data if g is None else data[data[group] == g]
        y = np.array([position[c] for c in part[category]], dtype=float) + (i - (len(groups) - 1) / 2) * step
        x = pd.to_numeric(part[estimate], errors="coerce").to_numpy(dtype=float)
        err = np.vstack([x - pd.to_numeric(part[low], errors="coerce").to_numpy(dtype=float),
                         pd.to_numeric(part[high], errors="coerce").to_numpy(dtype=float) - x])
        ax.errorbar(x, y, xerr=err, fmt=SYMBOLS[i % len(SYMBOLS)],
                    color=CATEGORICAL_COLOURS[i % len(CATEGORICAL_COLOURS)], markersize=5, elinewidth=1.2,
                    capsize=2.5, label=str(g) if g is not None else None)
    if reference is not None:
        ax.axvline(reference, linestyle="--", color="#777777", linewidth=1)
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, PercentFormatter

    if log_x:
        ax.set_xscale("log")
        # Plain numbers at 1-2-5 steps (0.5, 1, 2), not powers of ten.
        ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.xaxis.set_minor_formatter(NullFormatter())

    if percent:
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_yticks(range(len(categories)), [wrap(str(c), LABEL_WIDTH) for c in categories])
    ax.set_ylim(len(categories) - 0.5, -0.5)  # first category on top
    ax.set_xlabel(value_title or estimate)
    ax.set_ylabel(category_title if category_title is not None else category)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    if group is not None:
        _legend_above(fig, ax, len(groups))
    add_title_and_source(fig, title, source)
    return fig


def draw_diverging_likert(shares: pd.DataFrame, *, colours: Sequence[str], title: str, source: str,
                          item_title: str = "题项", value_title: str = "回答占比"):
    """Twin of :func:`zhucun.charts.likert.diverging_likert_chart`: same offsets, colours and labels."""

    levels = list(shares.columns)
    items = [str(i) for i in shares.index]
    fig, ax = new_figure(min(9.0, max(2.6, 1.9 + 0.36 * len(items))))
    offsets = [diverging_offsets(shares.loc[index]) for index in shares.index]
    for position, level in enumerate(levels):
        starts = [o[position][0] for o in offsets]
        widths = [o[position][1] - o[position][0] for o in offsets]
        actual = shares.iloc[:, position].astype("float64").tolist()
        bars = ax.barh(range(len(items)), widths, left=starts, height=0.7, color=colours[position], label=str(level))
        labels = [f"{a:.0%}" if not math.isnan(a) and a >= 0.08 else "" for a in actual]
        ax.bar_label(bars, labels=labels, label_type="center", fontsize=7,
                     color=_text_colour(_hex_rgb(colours[position])))
    ax.axvline(0, color="#555555", linewidth=1)
    ax.set_xlim(-1, 1)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["100%", "50%", "0", "50%", "100%"])
    ax.set_yticks(range(len(items)), [wrap(i, LABEL_WIDTH) for i in items])
    ax.invert_yaxis()
    ax.set_xlabel(value_title)
    ax.set_ylabel(item_title)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles, labels, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(levels), frameon=False,
              borderaxespad=0.3, handlelength=1.2, columnspacing=0.8)
    add_title_and_source(fig, title, source)
    return fig


def _hex_rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4))


def draw_sankey(links: pd.DataFrame, *, nodes: Sequence[tuple[str, str]], stage_colours: dict[str, str],
                title: str, source: str, source_stage: str = "起点环节", source_node: str = "起点",
                target_stage: str = "终点环节", target_node: str = "终点", value: str = "流量"):
    """A Sankey drawn with matplotlib: node columns per stage, flows as bands of width ∝ value.

    *links* is the Sankey's link table (the Chart's data); *nodes* lists every
    (stage label, node label) in the interactive chart's order, top to bottom
    within a stage; *stage_colours* maps a stage label to its colour. Bands take
    the colour of the stage they start from, as in the HTML.
    """
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path as MplPath

    stages = list(dict.fromkeys(stage for stage, _ in nodes))
    flows = links.assign(**{value: pd.to_numeric(links[value], errors="coerce").fillna(0.0)})
    out_sum = flows.groupby([source_stage, source_node], sort=False)[value].sum()
    in_sum = flows.groupby([target_stage, target_node], sort=False)[value].sum()
    size = {node: max(out_sum.get(node, 0.0), in_sum.get(node, 0.0)) for node in nodes}
    per_stage = {s: [n for n in nodes if n[0] == s] for s in stages}
    gap_share = 0.25  # of the column's height left as gaps between nodes
    tallest = max(sum(size[n] for n in column) for column in per_stage.values()) or 1.0
    most_nodes = max(len(column) for column in per_stage.values())
    scale = (1 - gap_share) / tallest
    gap = gap_share / max(1, most_nodes - 1)
    node_width = 0.018
    xs = {s: i / (len(stages) - 1) if len(stages) > 1 else 0.0 for i, s in enumerate(stages)}
    top: dict[tuple[str, str], float] = {}
    for _stage, column in per_stage.items():
        y = 1.0
        for node in column:
            top[node] = y
            y -= size[node] * scale + gap

    fig, ax = new_figure(7.4)
    order = {n: i for i, n in enumerate(nodes)}
    out_cursor = dict(top)
    in_cursor = dict(top)
    columns = list(flows.columns)
    i_ss, i_sn, i_ts, i_tn, i_v = (columns.index(c)
                                   for c in (source_stage, source_node, target_stage, target_node, value))
    rows = sorted(flows.itertuples(index=False, name=None),
                  key=lambda r: (order[(r[i_ss], r[i_sn])], order[(r[i_ts], r[i_tn])]))
    for r in rows:
        start, end = (r[i_ss], r[i_sn]), (r[i_ts], r[i_tn])
        thickness = r[i_v] * scale
        if thickness <= 0:
            continue
        x0, x1 = xs[start[0]] + node_width, xs[end[0]]
        y0_top, y1_top = out_cursor[start], in_cursor[end]
        out_cursor[start] -= thickness
        in_cursor[end] -= thickness
        y0_bot, y1_bot = y0_top - thickness, y1_top - thickness
        mid = (x0 + x1) / 2
        verts = [(x0, y0_top), (mid, y0_top), (mid, y1_top), (x1, y1_top),
                 (x1, y1_bot), (mid, y1_bot), (mid, y0_bot), (x0, y0_bot), (x0, y0_top)]
        codes = [MplPath.MOVETO, MplPath.CURVE4, MplPath.CURVE4, MplPath.CURVE4,
                 MplPath.LINETO, MplPath.CURVE4, MplPath.CURVE4, MplPath.CURVE4, MplPath.CLOSEPOLY]
        ax.add_patch(PathPatch(MplPath(verts, codes), facecolor=stage_colours[start[0]], alpha=0.35, linewidth=0))
    for node in nodes:
        stage, label = node
        height = size[node] * scale
        ax.add_patch(Rectangle((xs[stage], top[node] - height), node_width, height,
                               facecolor=stage_colours[stage], edgecolor="#00000055", linewidth=0.5))
        last = stage == stages[-1]
        ax.text(xs[stage] - 0.006 if last else xs[stage] + node_width + 0.006, top[node] - height / 2, label,
                ha="right" if last else "left", va="center", fontsize=7.5)
    for i, stage in enumerate(stages):
        ax.text(xs[stage] + (node_width / 2 if 0 < i < len(stages) - 1 else (0 if i == 0 else node_width)), 1.03,
                stage, ha=["left", "center", "center", "right"][min(i, 3)] if len(stages) == 4 else "center",
                va="bottom", fontsize=9, fontweight="bold", color=stage_colours[stage])
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(min(top[n] - size[n] * scale for n in nodes) - 0.02, 1.08)
    ax.set_axis_off()
    add_title_and_source(fig, title, source)
    return fig


def draw_timeline(events: pd.DataFrame, *, lanes: Sequence[str], title: str, source: str,
                  x_title: str = "时间（年份）", y_title: str = "政策层级"):
    """Twin of :func:`zhucun.charts.timeline.timeline_chart`: numbered markers on a date axis,
    one lane per level; the numbered events are listed under the chart, because the printed
    page has no hover text and no 查看数据 table."""
    import matplotlib.dates as mdates

    when = pd.to_datetime(events["日期"], format="mixed")
    listing = [f"{n}. {d}  {e}" for n, d, e in zip(events["序号"], events["日期"], events["事件"])]
    # Continuation lines indented under the event's text.
    wrapped = [wrap(line, 112).replace("\n", "\n     ") for line in listing]
    n_lines = sum(w.count("\n") + 1 for w in wrapped)
    fig, ax = new_figure(2.7 + 0.16 * n_lines)
    grid = fig.add_gridspec(2, 1, height_ratios=[2.0, 0.16 * n_lines])
    ax.set_subplotspec(grid[0])
    notes = fig.add_subplot(grid[1])
    lane_y = {lane: len(lanes) - 1 - i for i, lane in enumerate(lanes)}  # first lane on top
    for i, lane in enumerate(lanes):
        rows = events["层级"] == lane
        x = when[rows]
        ax.scatter(x, [lane_y[lane]] * int(rows.sum()), s=110, marker=["o", "D"][i % 2],
                   color=CATEGORICAL_COLOURS[i], edgecolor="#333333", linewidth=0.8, zorder=3, label=lane)
        for xi, n in zip(x, events.loc[rows, "序号"]):
            ax.annotate(str(n), (xi, lane_y[lane]), xytext=(0, 8), textcoords="offset points",
                        ha="center", va="bottom", fontsize=8)
    ax.set_yticks(list(lane_y.values()), list(lane_y.keys()))
    ax.set_ylim(-0.6, len(lanes) - 0.3)
    ax.set_xlim(when.min() - pd.Timedelta(days=120), when.max() + pd.Timedelta(days=120))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_xlabel(x_title)
    ax.set_ylabel(y_title)
    notes.set_axis_off()
    notes.text(0, 1, "\n".join(wrapped), ha="left", va="top", fontsize=7.5, linespacing=1.45,
               transform=notes.transAxes)
    add_title_and_source(fig, title, source)
    return fig
