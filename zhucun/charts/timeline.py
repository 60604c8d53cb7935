"""A policy timeline: dated events on one lane per level (国家层面, 省级层面).

The builder takes the events already prepared by :func:`timeline_events`
(one row per event, Chinese column names) and returns a :class:`Chart`, so
the 查看数据 table under the chart lists every event in full. Markers carry
the event's number; the full wording is in the hover text and the table.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from zhucun.charts.chart import Chart
from zhucun.charts.style import CATEGORICAL_COLOURS, base_figure

LEVEL_LABELS = {"national": "国家层面", "provincial": "J省层面"}


def timeline_events(timeline: pd.DataFrame) -> pd.DataFrame:
    """Events of ``zhucun.data.sourced_tables.load_policy_timeline()`` as the reader sees them.

    Columns: 序号 (1…, in date order), 日期 (as precise as the source: day or
    month), 层级, 事件, 资料来源.
    """
    events = timeline.sort_values("timestamp", kind="stable").reset_index(drop=True)
    return pd.DataFrame({
        "序号": range(1, len(events) + 1),
        "日期": events["date"].astype(str),
        "层级": events["level"].map(LEVEL_LABELS),
        "事件": events["event"].astype(str),
        "资料来源": events["source"].astype(str),
    })


def timeline_chart(events: pd.DataFrame, *, chart_id: str, title: str, source: str, alt: str,
                   height: int = 300) -> Chart:
    """Events of :func:`timeline_events` as numbered markers on a date axis, one lane per level."""
    fig = base_figure(height)
    lanes = [label for label in LEVEL_LABELS.values() if label in set(events["层级"])]
    when = pd.to_datetime(events["日期"], format="mixed")
    for i, lane in enumerate(lanes):
        rows = events["层级"] == lane
        part = events[rows]
        fig.add_trace(go.Scatter(
            x=when[rows], y=[lane] * int(rows.sum()), mode="markers+text", name=lane,
            text=[str(n) for n in part["序号"]], textposition="top center",
            marker=dict(size=16, color=CATEGORICAL_COLOURS[i], symbol=["circle", "diamond"][i % 2],
                        line=dict(width=1, color="#333333")),
            customdata=list(zip(part["日期"], part["事件"])),
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            cliponaxis=False,
        ))
    fig.update_layout(
        xaxis=dict(title="时间（年份）", type="date", dtick="M12", tickformat="%Y", showgrid=True,
                   range=[when.min() - pd.Timedelta(days=120), when.max() + pd.Timedelta(days=120)]),
        yaxis=dict(title="政策层级", categoryorder="array", categoryarray=lanes[::-1], automargin=True),
        showlegend=True,
    )

    def static():
        from zhucun.charts.print_twins import draw_timeline

        return draw_timeline(events, lanes=lanes, title=title, source=source)

    return Chart(chart_id=chart_id, title=title, source=source, alt=alt, data=events, figure=fig, static=static)


def chinese_date(date: str) -> str:
    """An ISO date or month as written in Chinese prose: '2021-05-11' → '2021年5月11日', '2017-12' → '2017年12月'."""
    parts = [int(p) for p in str(date).split("-")]
    if len(parts) == 3:
        return f"{parts[0]}年{parts[1]}月{parts[2]}日"
    if len(parts) == 2:
        return f"{parts[0]}年{parts[1]}月"
    if len(parts) == 1:
        return f"{parts[0]}年"
    raise ValueError(f"not an ISO date: {date!r}")
