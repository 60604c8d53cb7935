"""Charts of the book: one call gives the interactive chart, its source line,
its text alternative and its data table.

A builder (``bar_chart``, ``heatmap_chart``, ``interval_chart``, or a
chapter-specific one elsewhere in the package) takes numbers that are already
aggregated and returns a :class:`Chart`. Displaying or gluing a Chart gives a
mime bundle with

* ``text/html`` for the book: a ``<div>`` plus the figure as JSON in a
  ``<script type="application/json">``, drawn by ``_static/zhucun-charts.js``
  with the plotly.js the book serves once (no CDN, no inline script); under it
  the source line and a collapsible 查看数据 table;
* plotly's own mime type, which JupyterLab draws natively.

Displaying a Chart also writes its static twin (``Chart.static``, drawn with
matplotlib from the same numbers by :mod:`zhucun.static_charts`) to
``figures/<chart_id>.svg`` and ``.png`` for the print edition.

Only aggregated numbers reach the page, so its size does not grow with the
number of respondents.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd
import plotly.graph_objects as go
from plotly.io.json import to_json_plotly

PLOTLY_MIME = "application/vnd.plotly.v1+json"

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
CATEGORICAL_COLOURS = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00",
    "#CC79A7", "#56B4E9", "#F0E442", "#000000",
)
# ColorBrewer RdBu (5 classes), colour-blind safe; grey in the middle so the
# neutral answer stays visible on white and on dark backgrounds.
DIVERGING_COLOURS = ("#CA0020", "#F4A582", "#BDBDBD", "#92C5DE", "#0571B0")
# Sequential blues for counts and shares; diverging RdBu for correlations.
SEQUENTIAL_SCALE = "Blues"
DIVERGING_SCALE = "RdBu"

FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'

# A small template instead of plotly's default one, which would add ~10 kB of
# JSON to every chart.
BOOK_LAYOUT = dict(
    font=dict(family=FONT_FAMILY, size=13),
    margin=dict(l=10, r=20, t=50, b=40),
    paper_bgcolor="rgba(0,0,0,0)",
    plot_bgcolor="rgba(0,0,0,0)",
    colorway=list(CATEGORICAL_COLOURS),
    hoverlabel=dict(font=dict(family=FONT_FAMILY)),
    legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
)
# The mode bar is off (zhucun-charts.js), so no buttons to configure.
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
# Top margin when a legend row sits between the title and the plot.
LEGEND_TOP_MARGIN = 90

_CHART_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class Chart:
    """An interactive chart with everything a reader needs beside it.

    chart_id: stable id, chapter + slug (``ch2-deployment``): the HTML id and
        the static figure's file name.
    title: the chart's title, in Chinese.
    source: the 资料来源 line (what the numbers come from).
    alt: a text alternative: what the chart shows, in one or two sentences.
    data: the numbers drawn, with Chinese column names, shown as the 查看数据 table.
    figure: the plotly figure.
    static: draws the print edition's matplotlib twin from the same numbers.
    """

    chart_id: str
    title: str
    source: str
    alt: str
    data: pd.DataFrame
    figure: go.Figure
    static: Callable[[], Any] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not _CHART_ID.match(self.chart_id):
            raise ValueError(f"chart_id {self.chart_id!r}: use lower-case letters, digits and hyphens")
        for name in ("title", "source", "alt"):
            if not getattr(self, name).strip():
                raise ValueError(f"chart {self.chart_id}: {name} must not be empty")
        # The title at the very top, the legend's row (if any) below it: the
        # legend otherwise overlaps a title in the default 50 px margin.
        self.figure.update_layout(title=dict(text=self.title, x=0, xanchor="left",
                                             yref="container", y=1, yanchor="top", pad=dict(t=10)))
        if self._has_legend():
            margin = self.figure.layout.margin
            self.figure.update_layout(margin=dict(t=max(margin.t or 0, LEGEND_TOP_MARGIN)))

    def _has_legend(self) -> bool:
        # plotly's own rule: shown when asked, else when two traces have entries.
        if self.figure.layout.showlegend is not None:
            return bool(self.figure.layout.showlegend)
        # (Sankey, table and the like have no legend entries at all.)
        entries = [t for t in self.figure.data if "showlegend" in t and t.showlegend is not False]
        return len(entries) > 1

    # -- rendering -------------------------------------------------------
    def figure_json(self) -> str:
        """The figure as JSON, safe inside a <script> element."""
        spec = {"data": self.figure.to_plotly_json()["data"],
                "layout": self.figure.to_plotly_json()["layout"],
                "config": PLOTLY_CONFIG}
        text = to_json_plotly(spec)
        # Re-dump with sorted keys so two builds give the same bytes.
        text = json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return text.replace("</", "<\\/")

    def data_table_html(self) -> str:
        table = self.data.to_html(index=False, border=0, na_rep="—", classes="zhucun-data-table")
        # pandas writes a style attribute on the header row; the theme styles tables.
        table = table.replace(' style="text-align: right;"', "")
        return table

    def to_html(self) -> str:
        height = int(self.figure.layout.height or 420)
        label = html.escape(f"{self.title}。{self.alt}", quote=True)
        return (
            f'<div class="zhucun-chart" data-chart-id="{self.chart_id}">'
            f'<div id="{self.chart_id}" class="zhucun-chart-canvas" role="img" aria-label="{label}" '
            f'style="min-height:{height}px"></div>'
            f'<script type="application/json" class="zhucun-chart-spec" data-target="{self.chart_id}">'
            f"{self.figure_json()}</script>"
            f'<p class="zhucun-chart-source">资料来源：{html.escape(self.source)}</p>'
            f'<details class="zhucun-chart-data"><summary>查看数据：{html.escape(self.title)}</summary>'
            f'<p class="zhucun-chart-alt">{html.escape(self.alt)}</p>'
            f"{self.data_table_html()}</details>"
            "</div>"
        )

    def write_static(self):
        """Write the static twin to figures/<chart_id>.svg and .png; None when there is none."""
        from zhucun.static_figures import write_static

        return write_static(self)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, Any]:
        # The build displays (or glues) every chart once: that is when the print
        # edition's figure is written, from this very object.
        self.write_static()
        return {
            "text/html": self.to_html(),
            PLOTLY_MIME: json.loads(self.figure_json().replace("<\\/", "</")),
            "text/plain": f"[图表] {self.title}",
        }


def _base_figure(height: int) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(**BOOK_LAYOUT, height=height)
    return fig


def log_ticks(low: float, high: float) -> list[float]:
    """The 1-2-5 values (…, 0.5, 1, 2, 5, 10, …) from the one at or below *low* to the one at or above *high*."""
    steps = [round(m * 10.0 ** e, 12) for e in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1)
             for m in (1, 2, 5)]
    first = max(v for v in steps if v <= low)
    last = min(v for v in steps if v >= high)
    return [v for v in steps if first <= v <= last]


def bar_chart(
    data: pd.DataFrame,
    *,
    category: str,
    value: str,
    chart_id: str,
    title: str,
    source: str,
    alt: str,
    group: str | None = None,
    error_low: str | None = None,
    error_high: str | None = None,
    orientation: str = "h",
    barmode: str = "group",
    percent: bool = False,
    value_title: str | None = None,
    category_title: str | None = None,
    text_format: str | None = None,
    height: int | None = None,
) -> Chart:
    """Bars of *value* per *category*, optionally per *group* and with an interval.

    Column names of *data* should already be the Chinese labels the reader
    sees; they become axis titles and the headers of the data table.
    """
    groups = [None] if group is None else list(dict.fromkeys(data[group]))
    n_categories = data[category].nunique()
    fig = _base_figure(height or max(260, 60 + 34 * n_categories * (1 if barmode == "stack" else max(1, len(groups)) ** 0.5)))
    # "~g": 2083, not 2,083 (Chinese publications use no separator below 10 000).
    fmt = text_format or (".1%" if percent else "~g")
    for i, g in enumerate(groups):
        part = data if g is None else data[data[group] == g]
        error = None
        if error_low and error_high:
            error = dict(type="data", symmetric=False,
                         array=(part[error_high] - part[value]).tolist(),
                         arrayminus=(part[value] - part[error_low]).tolist(),
                         thickness=1.2, width=4)
        cats, vals = part[category].tolist(), part[value].tolist()
        trace = go.Bar(
            x=vals if orientation == "h" else cats,
            y=cats if orientation == "h" else vals,
            orientation=orientation,
            name=str(g) if g is not None else value,
            marker_color=CATEGORICAL_COLOURS[i % len(CATEGORICAL_COLOURS)],
            texttemplate=f"%{{{'x' if orientation == 'h' else 'y'}:{fmt}}}",
            # With an interval the label sits mid-bar, clear of the whisker at
            # the bar's end (as the static twin draws it).
            textposition="outside" if error is None else "inside",
            insidetextanchor="middle",
            cliponaxis=False,
            showlegend=g is not None,
        )
        if error is not None:
            trace.update({"error_x" if orientation == "h" else "error_y": error})
        fig.add_trace(trace)
    value_axis = dict(title=value_title or value, tickformat=".0%" if percent else None, rangemode="tozero")
    category_axis = dict(title=category_title or category, automargin=True,
                         categoryorder="array", categoryarray=list(dict.fromkeys(data[category])))
    if orientation == "h":
        category_axis["autorange"] = "reversed"
        fig.update_layout(xaxis=value_axis, yaxis=category_axis, barmode=barmode)
    else:
        fig.update_layout(xaxis=category_axis, yaxis=value_axis, barmode=barmode)

    def static():
        from zhucun.static_charts import draw_bar

        return draw_bar(data, category=category, value=value, title=title, source=source, group=group,
                        error_low=error_low, error_high=error_high, orientation=orientation, barmode=barmode,
                        percent=percent, value_title=value_title, category_title=category_title,
                        text_format=text_format)

    return Chart(chart_id=chart_id, title=title, source=source, alt=alt, data=data, figure=fig, static=static)


def heatmap_chart(
    matrix: pd.DataFrame,
    *,
    chart_id: str,
    title: str,
    source: str,
    alt: str,
    value_title: str,
    row_title: str,
    column_title: str,
    diverging: bool = False,
    text_format: str = ".2f",
    zmin: float | None = None,
    zmax: float | None = None,
    annotations: pd.DataFrame | None = None,
    height: int | None = None,
) -> Chart:
    """A matrix (rows × columns, Chinese labels in index and columns) as a heatmap.

    *annotations*, when given, is a matrix of strings written in the cells
    (e.g. a value with a significance mark); otherwise the values are.
    """
    text = annotations.values if annotations is not None else matrix.map(lambda v: format(v, text_format) if pd.notna(v) else "").values
    fig = _base_figure(height or max(280, 90 + 40 * len(matrix.index)))
    fig.add_trace(go.Heatmap(
        z=matrix.values, x=[str(c) for c in matrix.columns], y=[str(r) for r in matrix.index],
        text=text, texttemplate="%{text}",
        colorscale=DIVERGING_SCALE if diverging else SEQUENTIAL_SCALE,
        zmid=0 if diverging else None, zmin=zmin, zmax=zmax,
        colorbar=dict(title=dict(text=value_title)),
        hovertemplate=f"{row_title}：%{{y}}<br>{column_title}：%{{x}}<br>{value_title}：%{{z:{text_format}}}<extra></extra>",
        xgap=1, ygap=1,
    ))
    fig.update_layout(xaxis=dict(title=column_title, side="bottom", automargin=True),
                      yaxis=dict(title=row_title, autorange="reversed", automargin=True))
    table = matrix.copy()
    table.index.name = f"{row_title} \\ {column_title}"

    def static():
        from zhucun.static_charts import draw_heatmap

        # Read at drawing time: a chapter may hide the colour bar after building the chart.
        show_scale = fig.data[0].showscale is not False
        return draw_heatmap(matrix, title=title, source=source, value_title=value_title, row_title=row_title,
                            column_title=column_title, diverging=diverging, text_format=text_format,
                            zmin=zmin, zmax=zmax, annotations=annotations, show_scale=show_scale)

    return Chart(chart_id=chart_id, title=title, source=source, alt=alt,
                 data=table.reset_index(), figure=fig, static=static)


def interval_chart(
    data: pd.DataFrame,
    *,
    category: str,
    estimate: str,
    low: str,
    high: str,
    chart_id: str,
    title: str,
    source: str,
    alt: str,
    group: str | None = None,
    reference: float | None = None,
    log_x: bool = False,
    percent: bool = False,
    value_title: str | None = None,
    category_title: str | None = None,
    height: int | None = None,
) -> Chart:
    """Point estimates with intervals (coefficient plots, ranked ratings)."""
    groups = [None] if group is None else list(dict.fromkeys(data[group]))
    fig = _base_figure(height or max(260, 70 + 30 * data[category].nunique()))
    for i, g in enumerate(groups):
        part = data if g is None else data[data[group] == g]
        fig.add_trace(go.Scatter(
            x=part[estimate], y=part[category], mode="markers",
            name=str(g) if g is not None else estimate, showlegend=g is not None,
            marker=dict(size=9, color=CATEGORICAL_COLOURS[i % len(CATEGORICAL_COLOURS)],
                        symbol=["circle", "diamond", "square", "triangle-up"][i % 4]),
            error_x=dict(type="data", symmetric=False,
                         array=(part[high] - part[estimate]).tolist(),
                         arrayminus=(part[estimate] - part[low]).tolist(), thickness=1.5, width=5),
        ))
    if reference is not None:
        fig.add_vline(x=reference, line_dash="dash", line_color="#777777")
    xaxis = dict(title=value_title or estimate, type="log" if log_x else None,
                 tickformat=".0%" if percent else None)
    if log_x:
        # Plain numbers at 1-2-5 steps, as the static twin shows them; plotly's
        # own log ticks label 0.3 … 0.9 as bare digits "3 … 9".
        drawn = pd.concat([data[low], data[high], data[estimate]]).astype("float64")
        drawn = drawn[drawn > 0]
        if not drawn.empty:
            ticks = log_ticks(drawn.min(), drawn.max())
            xaxis.update(tickvals=ticks, ticktext=[f"{t:g}" for t in ticks])
    fig.update_layout(
        xaxis=xaxis,
        yaxis=dict(title=category_title or category, autorange="reversed", automargin=True,
                   categoryorder="array", categoryarray=list(dict.fromkeys(data[category]))),
    )

    def static():
        from zhucun.static_charts import draw_interval

        return draw_interval(data, category=category, estimate=estimate, low=low, high=high, title=title,
                             source=source, group=group, reference=reference, log_x=log_x, percent=percent,
                             value_title=value_title, category_title=category_title)

    return Chart(chart_id=chart_id, title=title, source=source, alt=alt, data=data, figure=fig, static=static)
