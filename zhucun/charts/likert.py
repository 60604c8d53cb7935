"""Diverging stacked bars for agreement items: one row per item, the neutral answer centred on zero.

Disagreement stacks to the left of zero, agreement to the right, and the
neutral share is split in half across zero, so items can be compared by how
far their bars reach either way. Takes shares that are already aggregated.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from zhucun.charts.chart import Chart, group_recipe
from zhucun.charts.style import DIVERGING_COLOURS, base_figure, diverging_offsets
from zhucun.number_format import format_fixed, format_share


def diverging_likert_chart(shares: pd.DataFrame, *, chart_id: str, title: str, source: str, alt: str,
                           item_title: str = "题项", value_title: str = "回答占比",
                           height: int | None = None, by_group: dict | None = None) -> Chart:
    """Diverging stacked bar: *shares* has one row per item (index: Chinese item label) and one
    column per answer level, in order from most negative to most positive (columns: Chinese
    answer labels), values shares 0–1 of each row's answers. *by_group*: the statistic the chart
    draws, for its views by group of respondents (:func:`zhucun.charts.chart.group_recipe`)."""
    arguments = {key: value for key, value in locals().items() if key not in ("shares", "by_group")}
    levels = list(shares.columns)
    if len(levels) % 2 == 0 or len(levels) > len(DIVERGING_COLOURS):
        raise ValueError(f"expected an odd number of answer levels (at most {len(DIVERGING_COLOURS)})")
    colours = DIVERGING_COLOURS if len(levels) == len(DIVERGING_COLOURS) else \
        DIVERGING_COLOURS[(len(DIVERGING_COLOURS) - len(levels)) // 2:][:len(levels)]
    mid = len(levels) // 2
    items = [str(i) for i in shares.index]
    fig = base_figure(height or max(240, 120 + 46 * len(items)))
    offsets = [diverging_offsets(shares.loc[index]) for index in shares.index]
    # Drawing order: neutral first, then outwards, so legend reads from the centre.
    for position in [mid, *range(mid - 1, -1, -1), *range(mid + 1, len(levels))]:
        starts = [o[position][0] for o in offsets]
        widths = [o[position][1] - o[position][0] for o in offsets]
        actual = shares.iloc[:, position].astype("float64").tolist()
        fig.add_trace(go.Bar(
            y=items, x=widths, base=starts, orientation="h", name=str(levels[position]),
            marker=dict(color=colours[position], line=dict(width=0)),
            customdata=[[0 if math.isnan(a) else a] for a in actual],
            hovertemplate="%{y}<br>" + str(levels[position]) + "：%{customdata[0]:.1%}<extra></extra>",
            # Labels only where they fit horizontally; the data table has every share.
            text=[format_fixed(a * 100, 0) + "%" if not math.isnan(a) and a >= 0.08 else "" for a in actual],
            textposition="inside", insidetextanchor="middle", textangle=0,
            legendrank=position,
        ))
    fig.add_vline(x=0, line_color="#555555", line_width=1)
    fig.update_layout(
        barmode="overlay",
        # Both sides count shares of answers, so the ticks read 100% … 0 … 100%.
        xaxis=dict(title=value_title, range=[-1, 1], zeroline=False,
                   tickvals=[-1, -0.5, 0, 0.5, 1], ticktext=["100%", "50%", "0", "50%", "100%"]),
        yaxis=dict(title=item_title, autorange="reversed", automargin=True,
                   categoryorder="array", categoryarray=items),
        legend=dict(traceorder="normal"),
    )
    # Exact numbers, not formatted text: the print edition's static twin is drawn from them, and the
    # 查看数据 table formats each share once (rounding here first would round twice).
    table = shares.astype("float64")
    table.index.name = item_title

    def static():
        from zhucun.charts.print_twins import draw_diverging_likert

        return draw_diverging_likert(shares, colours=colours, title=title, source=source,
                                     item_title=item_title, value_title=value_title)

    data = table.reset_index()
    return Chart(chart_id=chart_id, title=title, source=source, alt=alt, data=data, figure=fig,
                 static=static, formats={str(level): format_share for level in levels},
                 group_recipe=group_recipe(by_group, "diverging_likert_chart", arguments, data))
