"""Every survey chart of a page redrawn for one group of respondents, computed at build time, small groups left out.

A survey chart carries a recipe (:attr:`zhucun.charts.chart.Chart.group_recipe`): the statistic it draws,
and the builder and arguments that drew it. For every group a reader may pick (one category of a profile
variable, or 驻村身份 crossed with one other) this module evaluates the statistic on that group's rows with
the same statistics code as the chapters, draws the chart with the same builder, and writes the figures and
data tables of one page into one script file (``_static/zhucun-groups/<page>.js``), which
``_static/zhucun-groups.js`` loads when the reader first picks a group. Only aggregates are written.

Disclosure control, with the book's rule (:func:`zhucun.stats.disclosure.suppress_small_counts`):

* a group is offered only when its size is shown by the row/column rule applied to the count table of its
  variable (one-way) and of 驻村身份 crossed with it (two-way, with totals): a cell under the threshold
  is hidden, and so is any cell that subtraction from the shown totals would reveal. A hidden group is
  listed as unavailable and none of its figures is written;
* a figure of an offered group is written only when every number in it rests on at least the threshold
  of answers (item non-response can leave fewer); otherwise the chart says 人数过少，不显示.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from zhucun.charts.basic import bar_chart, interval_chart
from zhucun.charts.chart import Chart
from zhucun.charts.likert import diverging_likert_chart
from zhucun.data.codebook import Codebook, load_codebook
from zhucun.prose.display_tables import chart_frame
from zhucun.stats.disclosure import suppress_small_counts
from zhucun.stats.likert import answer_shares, scale_prevalence
from zhucun.stats.multi_select import option_shares
from zhucun.stats.ratings import ALL_LABEL, measure_ratings

THRESHOLD = 5  # the book's suppression threshold (suppress_small_counts' default, as in every count table)
ALL_KEY = ""
ALL_LABEL_READER = "全部受访者"
CROSSED = "role"  # the variable crossed with each of the others
TENURE = "tenure_band"  # grouped from tenure_months by the codebook's tenure_bands
# The variables a reader may pick a group of, in the picker's order, with their headings there.
GROUPINGS = {"role": "驻村身份", "dispatch_level": "派出单位层级", TENURE: "驻村时长", "village_type": "驻村类型",
             "gender": "性别", "age_group": "年龄段", "education": "学历"}
BUILDERS = {"diverging_likert_chart": diverging_likert_chart, "bar_chart": bar_chart, "interval_chart": interval_chart}
SUPPRESSED_TEXT = "人数过少，不显示"


@dataclass(frozen=True)
class Group:
    key: str          # as in the URL: "dispatch_level:provincial", "role:first_secretary+gender:female"
    label: str        # "省直部门", "第一书记 · 女"
    heading: str      # the picker's option group: "派出单位层级", "驻村身份 × 性别"
    rows: pd.Series   # True for the group's respondents
    available: bool   # False: too few respondents (or revealed by subtraction): nothing is written

    @property
    def n(self) -> int:
        return int(self.rows.sum())

    @property
    def named(self) -> str:
        """The group as a chart's title names it: "驻村时长：24个月及以上" (a bare "24个月及以上" is ambiguous)."""
        return self.label if "×" in self.heading or not self.heading else f"{self.heading}：{self.label}"


def grouping_codes(survey: pd.DataFrame, codebook: Codebook) -> dict[str, tuple[pd.Series, dict[str, str]]]:
    """Per grouping variable: each respondent's code (as text) and the {code: label} of its categories."""
    out = {}
    for name in GROUPINGS:
        if name == TENURE:
            bands = codebook.tenure_bands
            edges = [band.low for band in bands] + [math.inf]
            codes = pd.cut(survey["tenure_months"].astype("float64"), bins=edges, right=False,
                           labels=[band.code for band in bands]).astype("object")
            out[name] = (codes, {band.code: band.label for band in bands})
        else:
            out[name] = (survey[name].astype("object").map(str), {str(k): v for k, v in codebook.labels(name).items()})
    return out


def _hidden_one_way(codes: pd.Series, labels: dict[str, str]) -> set[str]:
    counts = pd.Series([int((codes == code).sum()) for code in labels] + [len(codes)], index=[*labels, "总计"])
    mask = suppress_small_counts(counts, THRESHOLD).suppressed
    return {code for code in labels if mask[code]}


def _hidden_crossed(rows: pd.Series, row_labels: dict[str, str], columns: pd.Series,
                    column_labels: dict[str, str]) -> tuple[set[tuple[str, str]], set[str], set[str]]:
    """Hidden cells, hidden row totals and hidden column totals of rows × columns (with totals)."""
    table = pd.crosstab(pd.Categorical(rows, categories=list(row_labels)),
                        pd.Categorical(columns, categories=list(column_labels)), dropna=False)
    table = table.reindex(index=list(row_labels), columns=list(column_labels), fill_value=0).astype("int64")
    table["总计"] = table.sum(axis=1)
    table.loc["总计"] = table.sum(axis=0)
    mask = suppress_small_counts(table, THRESHOLD).suppressed
    cells = {(r, c) for r in row_labels for c in column_labels if mask.loc[r, c]}
    return cells, {r for r in row_labels if mask.loc[r, "总计"]}, {c for c in column_labels if mask.loc["总计", c]}


def reader_groups(survey: pd.DataFrame, codebook: Codebook | None = None) -> list[Group]:
    """Every group a reader may pick, in the picker's order, each marked available or not."""
    codebook = codebook or load_codebook()
    codes = grouping_codes(survey, codebook)
    role_codes, role_labels = codes[CROSSED]
    hidden_single = {name: _hidden_one_way(*codes[name]) for name in GROUPINGS}
    crossed = {name: _hidden_crossed(role_codes, role_labels, *codes[name]) for name in GROUPINGS if name != CROSSED}
    for _, hidden_roles, _ in crossed.values():  # a total hidden in a crossed table stays hidden
        hidden_single[CROSSED] |= hidden_roles
    for name, (_, _, hidden_columns) in crossed.items():
        hidden_single[name] |= hidden_columns
    groups = [Group(ALL_KEY, ALL_LABEL_READER, "", pd.Series(True, index=survey.index), True)]
    for name, heading in GROUPINGS.items():
        values, labels = codes[name]
        groups += [Group(f"{name}:{code}", label, heading, values == code, code not in hidden_single[name])
                   for code, label in labels.items()]
    for name, heading in GROUPINGS.items():
        if name == CROSSED:
            continue
        values, labels = codes[name]
        cells = crossed[name][0]
        for role, role_label in role_labels.items():
            for code, label in labels.items():
                # A category hidden on its own hides its crossed groups too: their sum would give it back.
                shown = (role, code) not in cells and code not in hidden_single[name] \
                    and role not in hidden_single[CROSSED]
                groups.append(Group(f"{CROSSED}:{role}+{name}:{code}", f"{role_label} · {label}",
                                    f"{GROUPINGS[CROSSED]} × {heading}", (role_codes == role) & (values == code),
                                    shown))
    return groups


# -- the statistics, as the chapters compute them ------------------------------------------------------------

_ORDERS: dict[tuple[int, str], list] = {}  # the whole sample's order of a chart's rows, computed once per page


def _whole_sample_order(everyone: pd.DataFrame, what: str, compute) -> list:
    key = (id(everyone), what)
    if key not in _ORDERS:
        _ORDERS[key] = compute()
    return _ORDERS[key]


def _likert_shares(survey, everyone, codebook, statistic, arguments, columns, label):
    items = codebook.scale_items(statistic["scale"])
    if not set(items) <= set(survey.columns):
        return None, 0
    shares = answer_shares(survey, items)
    codes = codebook.answer_scales[statistic.get("answer_scale", "agreement")].codes
    n = int(shares["n"].min())
    shares = shares[[code.code for code in codes]]
    shares.columns = [code.label for code in codes]
    shares.index = [codebook.short_label(item) for item in items]
    return shares, n


def _option_shares(survey, everyone, codebook, statistic, arguments, columns, label):
    options = codebook.block(statistic["block"]).variables
    if not set(options) <= set(survey.columns):
        return None, 0
    # In the whole sample's order (as the chapter draws it), so that a bar keeps its place from group to group.
    order = _whole_sample_order(everyone, "options", lambda: list(option_shares(everyone, options)["option"]))
    table = option_shares(survey, options).set_index("option").loc[order].reset_index()
    frame = pd.DataFrame({arguments["category"]: [codebook.short_label(v) for v in table["option"]],
                          arguments["group"]: label, arguments["value"]: table["share"].to_numpy()})
    return frame[columns], int(table["n"].min())


def _measure_ratings(survey, everyone, codebook, statistic, arguments, columns, label):
    ratings = measure_ratings(survey, codebook)
    if ratings.empty:
        return None, 0
    overall = ratings[ratings["subgroup"] == ALL_LABEL]
    # Ranked as the chapter's chart ranks them (按全体排序: by all respondents), whatever the group's own order.
    def rank():
        whole = measure_ratings(everyone, codebook)
        return list(chart_frame(whole[whole["subgroup"] == ALL_LABEL])[arguments["category"]])

    order = _whole_sample_order(everyone, "ratings", rank)
    frame = chart_frame(overall).set_index(arguments["category"]).loc[order].reset_index()
    frame[arguments["group"]] = label
    return frame[columns], int(overall["n"].min())


def _scale_prevalence(survey, everyone, codebook, statistic, arguments, columns, label):
    # 普遍程度 as 结论's chart draws it: the unweighted share with its Wilson interval (a group's own weights
    # would be post-stratified to the whole sample's role margins, which a group need not share)
    prevalence = scale_prevalence(survey, statistic.get("kind", "manifestation"), codebook)
    if prevalence.empty:
        return None, 0
    frame = prevalence[["name", "n", "share", "low", "high"]].set_axis(columns, axis=1)
    return frame, int(prevalence["n"].min())


STATISTICS = {"likert_shares": _likert_shares, "option_shares": _option_shares,
              "measure_ratings": _measure_ratings, "scale_prevalence": _scale_prevalence}


def group_chart(recipe: dict[str, Any], survey: pd.DataFrame, group: Group,
                codebook: Codebook | None = None) -> tuple[Chart | None, int]:
    """The chart of *recipe* for *group*'s respondents (None when a number would rest on too few answers),
    and the fewest answers any of its numbers rests on."""
    codebook = codebook or load_codebook()
    statistic = recipe["statistic"]
    arguments = dict(recipe["arguments"])
    if statistic["statistic"] not in STATISTICS:
        raise ValueError(f"chart {arguments.get('chart_id')}: unknown statistic {statistic['statistic']!r} "
                         f"(known: {', '.join(STATISTICS)})")
    subset = survey[group.rows]
    data, n = STATISTICS[statistic["statistic"]](subset, survey, codebook, statistic, arguments, recipe["columns"],
                                                 group.named)
    if data is None or n < THRESHOLD:
        return None, n
    arguments["title"] = f"{arguments['title']}（{group.named}，n={group.n}）"
    arguments["alt"] = (f"本图显示“{group.named}”（{group.n}人）的数字，各数值见数据表；"
                        "正文描述的是全部受访者。")
    return BUILDERS[recipe["builder"]](data, **arguments), n


def _table_inner(chart: Chart) -> str:
    table = chart.data_table_html()
    return table[table.index(">") + 1:table.rindex("</table>")]


def page_group_views(recipes: dict[str, dict], survey: pd.DataFrame, codebook: Codebook | None = None,
                     page_figures: dict[str, dict] | None = None) -> tuple[list[dict], dict]:
    """The picker's menu (every group, available or not, with its size when available) and, per available
    group and chart, the redrawn figure, its title and its data table (None: too few answers).
    *page_figures*: the figures the page draws for all respondents, by chart id (default: drawn again here)."""
    codebook = codebook or load_codebook()
    _ORDERS.clear()
    groups = reader_groups(survey, codebook)
    menu = [{"key": g.key, "label": g.label, "named": g.named, "heading": g.heading, "available": g.available,
             **({"n": g.n} if g.available else {})} for g in groups]
    # Three quarters of a figure's JSON is its layout (the template, axes), the same for every group but the
    # title: a group's figure carries only the layout keys that differ from the whole sample's, which the page
    # has (``layout_changes``; zhucun-groups.js lays them over the page's own figure).
    page_figures = page_figures or {}
    whole = {chart_id: page_figures.get(chart_id) or _figure(group_chart(recipe, survey, groups[0], codebook)[0])
             for chart_id, recipe in recipes.items()}
    views: dict[str, dict] = {}
    for group in groups:
        if not group.available or group.key == ALL_KEY:
            continue
        views[group.key] = {}
        for chart_id, recipe in recipes.items():
            chart, _ = group_chart(recipe, survey, group, codebook)
            views[group.key][chart_id] = None if chart is None else {
                "figure": _layout_changes(_figure(chart), whole[chart_id]),
                "title": chart.title, "alt": chart.alt, "table": _table_inner(chart)}
    return menu, views


def _figure(chart: Chart | None) -> dict | None:
    return None if chart is None else json.loads(chart.figure_json().replace("<\\/", "</"))


def _layout_changes(figure: dict, whole: dict | None) -> dict:
    """*figure* with only the layout keys that differ from *whole*'s (the complete layout when a key is gone)."""
    if whole is None or set(whole["layout"]) - set(figure["layout"]):
        return figure
    layout = {key: value for key, value in figure["layout"].items() if whole["layout"].get(key) != value}
    return {**figure, "layout": {}, "layout_changes": layout}


def views_script(page: str, views: dict) -> str:
    """The page's group views as a script that hands them to ``zhucun-groups.js`` (works from file://)."""
    payload = json.dumps(views, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return ("window.zhucunGroupViews=window.zhucunGroupViews||{};"
            f"window.zhucunGroupViews[{json.dumps(page)}]={payload};\n")
