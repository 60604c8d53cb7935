"""Where the working time goes: shares choosing each multi-select option, ranked, overall and by group."""

from __future__ import annotations

import pandas as pd

from zhucun.stats.group_tests import group_order


def option_shares(frame: pd.DataFrame, options, groups: pd.Series | None = None) -> pd.DataFrame:
    """Long table: option, group ('全部' when no *groups*), n respondents, n choosing, share choosing.

    Options are ranked by their overall share (highest first); the rank is kept in column ``rank``.
    """
    chosen = frame[list(options)].astype("float64")
    overall = chosen.mean()
    order = overall.sort_values(ascending=False, kind="stable").index
    rows = []
    for option in order:
        rows.append({"option": option, "group": "全部", "n": int(chosen[option].notna().sum()),
                     "chosen": int(chosen[option].sum()), "share": float(overall[option])})
    if groups is not None:
        keys = pd.Series(groups).astype("object")
        for name in group_order(groups):  # categories' order, never the rows' order
            part = chosen[keys == name]
            for option in order:
                rows.append({"option": option, "group": name, "n": len(part),
                             "chosen": int(part[option].sum()),
                             "share": float(part[option].mean()) if len(part) else float("nan")})
    table = pd.DataFrame(rows)
    table["rank"] = table["option"].map({option: i + 1 for i, option in enumerate(order)})
    return table
