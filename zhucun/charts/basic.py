"""The book's general chart builders: bars, heatmaps and point estimates with intervals.

A builder takes numbers that are already aggregated and returns a
:class:`zhucun.charts.chart.Chart`, whose static twin is drawn from the same
numbers by :mod:`zhucun.charts.print_twins`. Only aggregated numbers reach the
page, so its size does not grow with the number of respondents.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from zhucun.charts.chart import Chart, Formatter, column_formatter, group_recipe
from zhucun.charts.style import CATEGORICAL_COLOURS, DIVERGING_SCALE, SEQUENTIAL_SCALE, base_figure, log_ticks
from zhucun.number_format import format_coefficient, format_count, format_fixed, format_share


def _heatmap_formatter(matrix: pd.DataFrame, text_format: str) -> Formatter:
    """The kind of a heatmap's cells from its label format: '…%' shares, else whole numbers are counts and
    other numbers coefficients (ρ)."""
    if text_format.endswith("%"):
        return format_share
    numbers = matrix.stack().astype("float64")
    return format_count if bool((numbers == numbers.round()).all()) else format_coefficient


def _cell_label(value: float, text_format: str) -> str:
    """A heatmap cell's label in *text_format* ('.2f', '.0%'), rounded as the formatters round."""
    digits = int(text_format.strip(".f%") or 0)
    if text_format.endswith("%"):
        return format_fixed(value * 100, digits) + "%"
    return format_fixed(value, digits)


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
    by_group: dict | None = None,
) -> Chart:
    """Bars of *value* per *category*, optionally per *group* and with an interval.

    Column names of *data* should already be the Chinese labels the reader
    sees; they become axis titles and the headers of the data table. *by_group*: the statistic a survey
    chart draws, for its views by group of respondents (:func:`zhucun.charts.chart.group_recipe`).
    """
    arguments = {key: value for key, value in locals().items() if key not in ("data", "by_group")}
    groups = [None] if group is None else list(dict.fromkeys(data[group]))
    n_categories = data[category].nunique()
    fig = base_figure(height or max(
        260, 60 + 34 * n_categories * (1 if barmode == "stack" else max(1, len(groups)) ** 0.5)))
    # The bars' labels are the table's cells, formatted once from the exact value (2083, not 2,083: Chinese
    # publications use no separator below 10 000); a caller's d3 text_format is left to plotly.
    formatter = format_share if percent else (column_formatter(value, data[value]) or format_count)
    formats = {column: formatter for column in (value, error_low, error_high) if column}
    for i, g in enumerate(groups):
        part = data if g is None else data[data[group] == g]
        error = None
        if error_low and error_high:
            error = dict(type="data", symmetric=False,
                         array=(part[error_high] - part[value]).tolist(),
                         arrayminus=(part[value] - part[error_low]).tolist(),
                         thickness=1.2, width=4)
        cats, vals = part[category].tolist(), part[value].tolist()
        labels = dict(texttemplate=f"%{{{'x' if orientation == 'h' else 'y'}:{text_format}}}") if text_format else \
            dict(text=["" if pd.isna(v) else formatter(v) for v in vals], texttemplate="%{text}")
        trace = go.Bar(
            x=vals if orientation == "h" else cats,
            y=cats if orientation == "h" else vals,
            orientation=orientation,
            name=str(g) if g is not None else value,
            marker_color=CATEGORICAL_COLOURS[i % len(CATEGORICAL_COLOURS)],
            **labels,
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
        from zhucun.charts.print_twins import draw_bar

        return draw_bar(data, category=category, value=value, title=title, source=source, group=group,
                        error_low=error_low, error_high=error_high, orientation=orientation, barmode=barmode,
                        percent=percent, value_title=value_title, category_title=category_title,
                        text_format=text_format)

    return Chart(chart_id=chart_id, title=title, source=source, alt=alt, data=data, figure=fig, static=static,
                 formats=formats, group_recipe=group_recipe(by_group, "bar_chart", arguments, data))


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
    text = (annotations.values if annotations is not None
            else matrix.map(lambda v: _cell_label(v, text_format) if pd.notna(v) else "").values)
    fig = base_figure(height or max(280, 90 + 40 * len(matrix.index)))
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
    cell_format = _heatmap_formatter(matrix, text_format)

    def static():
        from zhucun.charts.print_twins import draw_heatmap

        # Read at drawing time: a chapter may hide the colour bar after building the chart.
        show_scale = fig.data[0].showscale is not False
        return draw_heatmap(matrix, title=title, source=source, value_title=value_title, row_title=row_title,
                            column_title=column_title, diverging=diverging, text_format=text_format,
                            zmin=zmin, zmax=zmax, annotations=annotations, show_scale=show_scale)

    return Chart(chart_id=chart_id, title=title, source=source, alt=alt,
                 data=table.reset_index(), figure=fig, static=static,
                 formats={str(column): cell_format for column in matrix.columns})


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
    by_group: dict | None = None,
) -> Chart:
    """Point estimates with intervals (coefficient plots, ranked ratings); *by_group* as for :func:`bar_chart`."""
    arguments = {key: value for key, value in locals().items() if key not in ("data", "by_group")}
    groups = [None] if group is None else list(dict.fromkeys(data[group]))
    fig = base_figure(height or max(260, 70 + 30 * data[category].nunique()))
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
        from zhucun.charts.print_twins import draw_interval

        return draw_interval(data, category=category, estimate=estimate, low=low, high=high, title=title,
                             source=source, group=group, reference=reference, log_x=log_x, percent=percent,
                             value_title=value_title, category_title=category_title)

    # Shares, or else coefficients (odds ratios, δ): the estimate and its interval in one kind.
    kind = format_share if percent else format_coefficient
    return Chart(chart_id=chart_id, title=title, source=source, alt=alt, data=data, figure=fig, static=static,
                 formats={estimate: kind, low: kind, high: kind},
                 group_recipe=group_recipe(by_group, "interval_chart", arguments, data))
