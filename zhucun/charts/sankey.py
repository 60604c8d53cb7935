"""Sankey diagram of chapter 五's argument: manifestations → causes → lessons → countermeasures.

Built from :mod:`zhucun.data.framework`, so the diagram follows
``data/framework.yml``. Each stage has its own Okabe–Ito colour (safe for the
common colour-vision deficiencies); a band takes the colour of where it starts,
half transparent, and the stage names are written above the columns so colour
is never the only cue.
"""

from __future__ import annotations

import plotly.graph_objects as go

from zhucun.charts.chart import Chart
from zhucun.charts.style import CATEGORICAL_COLOURS, base_figure
from zhucun.data.framework import STAGE_LABELS, STAGES, Framework, flow_links, nodes
from zhucun.number_format import format_fixed


def _flow(value: float) -> str:
    """A band's flow as the hover text shows it (valueformat .2f)."""
    return format_fixed(value, 2)

STAGE_COLOURS = {
    "manifestation": CATEGORICAL_COLOURS[3],  # vermillion
    "cause": CATEGORICAL_COLOURS[1],          # orange
    "lesson": CATEGORICAL_COLOURS[2],         # bluish green
    "measure": CATEGORICAL_COLOURS[0],        # blue
}


def _transparent(hex_colour: str, alpha: float) -> str:
    hex_colour = hex_colour.lstrip("#")
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def framework_sankey(framework: Framework, *, chart_id: str, title: str, source: str,
                     alt: str, height: int = 640) -> Chart:
    """An interactive Sankey of the framework; Chart.data holds its links with Chinese labels."""
    node_list = nodes(framework)
    index = {node: i for i, node in enumerate(node_list)}
    links = flow_links(framework)
    labels = [framework.short_label(stage, nid) for stage, nid in node_list]
    full = [f"{STAGE_LABELS[stage]}：{framework.label(stage, nid)}" for stage, nid in node_list]

    fig = base_figure(height)
    fig.add_trace(go.Sankey(
        arrangement="fixed",
        valueformat=".2f",
        node=dict(
            label=labels,
            customdata=full,
            hovertemplate="%{customdata}<br>流量：%{value:.2f}<extra></extra>",
            color=[STAGE_COLOURS[stage] for stage, _ in node_list],
            pad=10, thickness=16, line=dict(color="rgba(0,0,0,0.3)", width=0.5),
        ),
        link=dict(
            source=[index[(r.source_stage, r.source)] for r in links.itertuples()],
            target=[index[(r.target_stage, r.target)] for r in links.itertuples()],
            value=links["value"].tolist(),
            color=[_transparent(STAGE_COLOURS[r.source_stage], 0.35) for r in links.itertuples()],
            customdata=[f"{framework.short_label(r.source_stage, r.source)} → "
                        f"{framework.short_label(r.target_stage, r.target)}" for r in links.itertuples()],
            hovertemplate="%{customdata}<br>流量：%{value:.2f}<extra></extra>",
        ),
    ))
    # Stage names above the four columns (the default layout puts the layers at even steps).
    for i, stage in enumerate(STAGES):
        fig.add_annotation(x=i / (len(STAGES) - 1), y=1.06, xref="paper", yref="paper", showarrow=False,
                           text=f"<b>{STAGE_LABELS[stage]}</b>", xanchor=["left", "center", "center", "right"][i],
                           font=dict(color=STAGE_COLOURS[stage]))
    fig.update_layout(margin=dict(l=10, r=10, t=90, b=20))

    table = links.assign(
        source_stage=links["source_stage"].map(STAGE_LABELS),
        source=[framework.short_label(s, n) for s, n in zip(links["source_stage"], links["source"])],
        target_stage=links["target_stage"].map(STAGE_LABELS),
        target=[framework.short_label(s, n) for s, n in zip(links["target_stage"], links["target"])],
        value=links["value"],  # exact: the table rounds once, as the hover text does
    ).rename(columns={"source_stage": "起点环节", "source": "起点", "target_stage": "终点环节",
                      "target": "终点", "value": "流量"})

    def static():
        from zhucun.charts.print_twins import draw_sankey

        # The same nodes in the same order, and the links as the data table lists them.
        return draw_sankey(table, nodes=[(STAGE_LABELS[stage], label) for (stage, _), label in zip(node_list, labels)],
                           stage_colours={STAGE_LABELS[stage]: colour for stage, colour in STAGE_COLOURS.items()},
                           title=title, source=source)

    return Chart(chart_id=chart_id, title=title, source=source, alt=alt, data=table, figure=fig, static=static,
                 formats={"流量": _flow})
