"""The chart object every builder returns: the interactive figure with its title, source, text alternative and data.

Displaying or gluing a :class:`Chart` gives a mime bundle with

* ``text/html`` for the book: a ``<div>`` plus the figure as JSON in a
  ``<script type="application/json">``, drawn by ``_static/zhucun-charts.js``
  with the plotly.js the book serves once (no CDN, no inline script); under it
  the source line and a collapsible 查看数据 table;
* plotly's own mime type, which JupyterLab draws natively.

Displaying a Chart also records its static twin (``Chart.static``, which
draws with matplotlib from the same numbers, :mod:`zhucun.charts.print_twins`)
in ``figures/``; the print edition draws it to ``figures/<chart_id>.svg``
(:mod:`zhucun.charts.print_figure`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.io.json import to_json_plotly

from zhucun.charts.print_figure import record_twin
from zhucun.charts.style import LEGEND_TOP_MARGIN, PLOTLY_CONFIG, PLOTLY_MIME
from zhucun.number_format import (
    format_count,
    format_decimal,
    format_mean,
    format_p_value,
    format_share,
    format_weight,
)

Formatter = Callable[[float], str]


def group_recipe(by_group: dict[str, Any] | None, builder: str, arguments: dict[str, Any],
                 data: pd.DataFrame) -> dict[str, Any] | None:
    """A survey chart's recipe for its group views (:attr:`Chart.group_recipe`): *by_group* names the
    statistic and its options (``{"statistic": "scale_prevalence"}``), *arguments* the builder's own (every
    argument but the numbers), *data* the numbers' columns. None when the chart has no group views."""
    if by_group is None:
        return None
    if "statistic" not in by_group:
        raise ValueError(f"by_group {by_group!r}: name the statistic ({{'statistic': …}})")
    return {"statistic": dict(by_group), "builder": builder, "arguments": dict(arguments),
            "columns": [str(column) for column in data.columns]}


def _is_whole(values: pd.Series) -> bool:
    numbers = values.dropna().astype("float64")
    return bool((numbers == numbers.round()).all())


def column_formatter(name: str, values: pd.Series) -> Formatter | None:
    """The formatter of a data column's kind, read from its Chinese header when the builder did not say:
    比例/占比 a share, 平均/均分/得分 a mean, 权重 a weight, p值 a p-value; whole numbers a count; other
    numbers :func:`format_decimal`; text columns none (shown as they are)."""
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None
    if "p值" in name:
        return format_p_value
    if "比例" in name or "占比" in name:
        return format_share
    if any(word in name for word in ("平均", "均分", "得分")):
        return format_mean
    if "权重" in name:
        return format_weight
    return format_count if _is_whole(values) else format_decimal


def display_table(data: pd.DataFrame, formats: dict[str, Formatter] | None = None) -> pd.DataFrame:
    """*data* as its 查看数据 table shows it: every number formatted once, from its exact value, by the
    formatter of its kind (*formats* by column, else :func:`column_formatter`); a missing value as '—'."""
    formats = formats or {}
    shown = {}
    for column in data.columns:
        values = data[column]
        formatter = formats.get(column) or column_formatter(str(column), values)
        if formatter is None:
            shown[column] = values.astype("object").where(values.notna(), "—")
        else:
            shown[column] = ["—" if pd.isna(v) else formatter(v) for v in values]
    return pd.DataFrame(shown, columns=data.columns)

_CHART_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class Chart:
    """An interactive chart with everything a reader needs beside it.

    chart_id: stable id, chapter + slug (``ch2-deployment``): the HTML id and
        the static figure's file name.
    title: the chart's title, in Chinese.
    source: the 资料来源 line (what the numbers come from).
    alt: a text alternative: what the chart shows, in one or two sentences.
    data: the numbers drawn (exact, never rounded: the table and the labels round them once), with Chinese
        column names, shown as the 查看数据 table.
    figure: the plotly figure.
    static: draws the print edition's matplotlib twin from the same numbers.
    formats: the formatter of each numeric column whose kind its header does not tell
        (:func:`column_formatter`).
    group_recipe: for a survey chart that can be redrawn for one group of respondents: which statistic
        of which survey variables it draws (``statistic``), the builder and its arguments that drew it
        (``builder``, ``arguments``) and :attr:`data`'s columns. The build evaluates it for every group
        (zhucun/book/group_views.py); the page carries it as JSON, never any respondent's answers.
    """

    chart_id: str
    title: str
    source: str
    alt: str
    data: pd.DataFrame
    figure: go.Figure
    static: Callable[[], Any] | None = field(default=None, repr=False)
    formats: dict[str, Formatter] = field(default_factory=dict, repr=False)
    group_recipe: dict[str, Any] | None = field(default=None, repr=False)

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

    def display_table(self) -> pd.DataFrame:
        """The 查看数据 table: :attr:`data` with every number formatted by its kind."""
        return display_table(self.data, self.formats)

    def data_table_html(self) -> str:
        # Formatted cells, never raw floats; the CSV button copies these cells, so the file holds what is shown.
        table = self.display_table().to_html(index=False, border=0, classes="zhucun-data-table")
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
            f"{self._group_recipe_html()}"
            f'<p class="zhucun-chart-source">资料来源：{html.escape(self.source)}</p>'
            f'<details class="zhucun-chart-data"><summary>查看数据：{html.escape(self.title)}</summary>'
            f'<p class="zhucun-chart-alt">{html.escape(self.alt)}</p>'
            f"{self.data_table_html()}</details>"
            "</div>"
        )

    def _group_recipe_html(self) -> str:
        if self.group_recipe is None:
            return ""
        text = json.dumps(self.group_recipe, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        safe = text.replace("</", "<\\/")
        return (f'<script type="application/json" class="zhucun-chart-groups" data-target="{self.chart_id}">'
                f"{safe}</script>")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, Any]:
        # The build displays (or glues) every chart once: that is when its print
        # twin is recorded, from this very object. Drawing it waits for the print
        # edition, which alone needs it (a third of a chapter's execution time).
        record_twin(self)
        return {
            "text/html": self.to_html(),
            PLOTLY_MIME: json.loads(self.figure_json().replace("<\\/", "</")),
            "text/plain": f"[图表] {self.title}",
        }
