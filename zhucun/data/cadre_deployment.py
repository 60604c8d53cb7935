"""J province's deployment of resident cadres (chapter 二): figures, derived numbers, sample vs population.

Every number here comes from ``zhucun.data.sourced_tables`` (the thesis's figures and the
public national figures) or from the survey file; what is computed by the
book rather than stated by a source (the implied number of administrative
villages, the team members as cadres minus first secretaries) is returned
under a name that says so, and the chapter labels it 本书推算.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

ROLE_LABELS = {"first_secretary": "第一书记", "team_member": "工作队员"}


@dataclass(frozen=True)
class ImpliedTotal:
    """A total implied by a part and its rounded percentage share.

    estimate: part / share, rounded to a whole number;
    low, high: the whole numbers consistent with the share as printed, i.e.
    with a true share in [share - half_unit, share + half_unit].
    """

    estimate: int
    low: int
    high: int


def implied_total(part: int, share_pct: float, decimals: int = 1) -> ImpliedTotal:
    """The total of which *part* is *share_pct* percent, with the range its rounding allows.

    ``implied_total(2083, 22.1)`` → estimate 9425, range 9405–9446: a share
    printed as 22.1% may be anything from 22.05% to 22.15%.
    """
    if part < 0 or not 0 < share_pct <= 100:
        raise ValueError("part must be non-negative and share_pct in (0, 100]")
    half_unit = 0.5 * 10 ** (-decimals)
    estimate = round(part / (share_pct / 100))
    low = math.ceil(part / ((share_pct + half_unit) / 100) - 1e-9)
    high = math.floor(part / ((share_pct - half_unit) / 100) + 1e-9)
    return ImpliedTotal(estimate=int(estimate), low=int(low), high=int(high))


def deployment_figures(deployment: pd.DataFrame) -> dict[str, float | int]:
    """The deployment file as {indicator: value}, whole numbers as int."""
    values = {}
    for row in deployment.itertuples(index=False):
        value = float(row.value)
        values[row.indicator] = int(value) if value.is_integer() else value
    return values


def cadre_composition(figures: dict[str, float | int]) -> pd.DataFrame:
    """Cadres by role: first secretaries as stated; team members = cadres − first secretaries (derived)."""
    secretaries = int(figures["first_secretaries"])
    members = int(figures["cadres_total"]) - secretaries
    total = secretaries + members
    return pd.DataFrame({
        "身份": ["第一书记", "工作队员"],
        "人数": [secretaries, members],
        "占比": [secretaries / total, members / total],
        "口径": ["论文所载", "本书推算（选派总数减第一书记）"],
    })


def village_coverage(figures: dict[str, float | int], implied: ImpliedTotal) -> pd.DataFrame:
    """Villages with resident cadres against the implied total of administrative villages (derived)."""
    assisted = int(figures["villages_assisted"])
    return pd.DataFrame({
        "村类别": ["选派驻村干部的行政村", "未选派驻村干部的行政村（本书推算）"],
        "行政村数": [assisted, implied.estimate - assisted],
        "口径": ["论文所载", f"本书推算：{assisted}÷{figures['share_of_admin_villages_pct']}%≈{implied.estimate}，"
                         f"再减去{assisted}；因比例经四舍五入，总数可在{implied.low}至{implied.high}之间"],
    })


# National figures drawn in chapter 二: people in post over time (the cumulative
# and poverty-outcome figures are quoted in the text, not drawn, because they
# count different things).
IN_POST_INDICATORS = {
    "first_secretaries_in_post": "在岗第一书记",
    "resident_cadres_in_post": "在岗驻村干部",
}


def national_in_post(national: pd.DataFrame) -> pd.DataFrame:
    """People in post by date (万人), one row per (date, indicator); '以上' marks a lower bound."""
    rows = national[national["indicator"].isin(IN_POST_INDICATORS)].copy()
    rows = rows.sort_values(["timestamp", "indicator"], kind="stable")
    label = rows["indicator"].map(IN_POST_INDICATORS)
    return pd.DataFrame({
        "时点": rows["date"].str.slice(0, 7).to_numpy(),
        "指标": label.to_numpy(),
        "人数（万人）": (rows["value"] / 10_000).round(1).to_numpy(),
        "说明": ["下限（原文为“多”）" if q == "at_least" else "原文数字" for q in rows["qualifier"]],
        "资料来源": rows["source"].to_numpy(),
    }).reset_index(drop=True)


def national_value(national: pd.DataFrame, indicator: str, date_prefix: str) -> float:
    """One national figure by indicator and date (prefix, e.g. '2021-08')."""
    match = national[(national["indicator"] == indicator) & national["date"].str.startswith(date_prefix)]
    if len(match) != 1:
        raise KeyError(f"no single national figure {indicator!r} at {date_prefix!r}")
    return float(match["value"].iloc[0])
