"""The book's chart style: colours, fonts, the base plotly layout and shared geometry.

Everything here is a constant or a small pure function, used by the
interactive builders and by their print twins alike, so both editions draw
with the same colours and the same layout rules.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

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


def base_figure(height: int) -> go.Figure:
    """An empty plotly figure with the book's layout and the given height in pixels."""
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


def diverging_offsets(shares: pd.Series) -> dict[int, tuple[float, float]]:
    """Where each level's segment starts and ends on the axis (negative = disagreement side).

    *shares* holds the shares of an odd number of ordered levels (positions 0…m−1).
    Returns {position: (start, end)}; the middle level spans (−s/2, +s/2).
    """
    values = [0.0 if pd.isna(v) else float(v) for v in shares.tolist()]
    m = len(values)
    if m % 2 == 0:
        raise ValueError("a diverging bar needs an odd number of levels with a neutral middle")
    mid = m // 2
    offsets = {mid: (-values[mid] / 2, values[mid] / 2)}
    left = -values[mid] / 2
    for position in range(mid - 1, -1, -1):
        offsets[position] = (left - values[position], left)
        left -= values[position]
    right = values[mid] / 2
    for position in range(mid + 1, m):
        offsets[position] = (right, right + values[position])
        right += values[position]
    return offsets
