"""Chapter 五: the eleven countermeasures, what the data show on the problems each answers, and their ratings.

From ``data/framework.yml`` it counts the groups and measures and which measures
answer each manifestation. For the manifestations and causes the groups answer
it gives the share of respondents whose scale score reaches 4 (chapter 三's
``scale_agreement``), unweighted with its Wilson interval and weighted by role.
From question 12 it rates each measure: the share rating 4–5, unweighted with
its Wilson interval and weighted by role (Kish-adjusted Wilson interval), the
mean, and where the measure stands among the others (ties at the shown precision
named as ties). The best rated measure is the book's headline,
:func:`zhucun.stats.headlines.best_measure`, and the worst is chosen by the same
tie rule. Whether the best differs from the others is tested on
the paired ratings (McNemar, Wilcoxon signed-rank, Holm across the pairs), and
whether the two roles differ by Fisher's exact test (Mann–Whitney on the
scores, Holm across the measures). When the questionnaire did not ask
question 12, the ratings are None and the prose says they could not be made.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.data.framework import Framework, load_countermeasure_framework
from zhucun.data.survey import DataState, coverage, data_state, load_survey
from zhucun.prose.data_description import not_asked_sentence, survey_sentence, survey_source
from zhucun.prose.formatting import format_count, format_number, format_p_clause, format_p_value, format_percent
from zhucun.prose.glue import MystText
from zhucun.prose.wording import count_phrase, quoted_list, share_word, significance_phrase, standing_phrase
from zhucun.stats.headlines import SHARE_DIGITS, Leader, best_measure, tied_at_extreme
from zhucun.stats.likert import scale_prevalence
from zhucun.stats.paired_comparisons import EXACT_BELOW, compare_groups, compare_pairs
from zhucun.stats.ratings import chart_frame, measure_ratings, ranked
from zhucun.stats.weighted_ratings import weighted_rating_table
from zhucun.stats.weighting import poststratification_weights

LEVEL = 0.05  # significance level of the corrected p-values


# What supports each measure besides the survey: the book's reading of its theory (chapter 一) and the national
# policy basis the book has read (shared facts; "未见" where none is known). The conclusion's table shows these.
MEASURE_BASIS: dict[str, dict[str, str]] = {
    "m_duty_list": {
        "theory": "权责对等：边界清楚",
        "policy": "间接：中办持续选派意见规定四项职责",
        "cite": "zhongban2021opinion",
    },
    "m_negative_list": {
        "theory": "权责对等：边界清楚",
        "policy": "未见国家层面依据",
        "cite": "",
    },
    "m_power_list": {
        "theory": "权责对等：权责相称",
        "policy": "未见国家层面依据",
        "cite": "",
    },
    "m_whistle": {
        "theory": "嵌入式治理：结构嵌入；权责相称",
        "policy": "未见国家层面依据",
        "cite": "",
    },
    "m_informal_training": {
        "theory": "嵌入式治理：关系与文化嵌入",
        "policy": "未见国家层面依据",
        "cite": "",
    },
    "m_handover": {
        "theory": "嵌入式治理：关系嵌入的延续",
        "policy": "未见国家层面依据",
        "cite": "",
    },
    "m_exchange_platform": {
        "theory": "嵌入式治理：资源嵌入",
        "policy": "未见国家层面依据",
        "cite": "",
    },
    "m_joint_building": {
        "theory": "嵌入式治理：结构与资源嵌入",
        "policy": "间接：中办持续选派意见以建强村党组织为首项职责",
        "cite": "zhongban2021opinion",
    },
    "m_dedicated_team": {
        "theory": "权责对等：考核一致",
        "policy": "未见国家层面依据",
        "cite": "",
    },
    "m_evaluation": {
        "theory": "权责对等：考核一致",
        "policy": "未见（中办、国办驻村工作队指导意见的正文本书未读到）",
        "cite": "",
    },
    "m_error_tolerance": {
        "theory": "权责对等：权责相称、考核一致",
        "policy": "未见国家层面依据",
        "cite": "",
    },
}


@dataclass(frozen=True)
class CountermeasuresResult:
    survey_state: DataState
    survey_source: str  # the survey part of a source line
    framework: Framework
    n_manifestations: int
    n_causes: int
    n_lessons: int
    n_measures: int
    n_groups: int
    problems: pd.DataFrame                 # manifestation and cause scales asked: share ≥4, interval, weighted share
    # The ones below are None when question 12 was not asked.
    ratings: pd.DataFrame | None           # measure_ratings: one row per measure × subgroup (unweighted)
    weighted: pd.DataFrame | None          # weighted share 4–5 per measure, Kish-adjusted Wilson interval
    best: Leader | None                    # the headline: the best rated measure and its paired test
    top: pd.Series | None                  # the best rated measure of all respondents (first row of ranked())
    bottom: pd.Series | None               # the worst rated one (last row)
    top_tied: tuple[str, ...]              # every measure sharing the best share as shown (ids, ranked order)
    bottom_tied: tuple[str, ...]           # every measure sharing the worst share as shown
    paired: pd.DataFrame | None            # the best measure against each other one (compare_pairs)
    roles: pd.DataFrame | None             # first secretaries against team members per measure (compare_groups)
    framework_table: pd.DataFrame          # tbl-ch5-framework
    ratings_table: pd.DataFrame | None     # tbl-ch5-ratings
    paired_table: pd.DataFrame | None      # tbl-ch5-paired
    rating_chart_data: pd.DataFrame | None  # fig-ch5-measure-ratings
    texts: dict[str, str]           # glue name → text of the prose
    checks: dict[str, object]       # the headline numbers the pinned cell prints


# The prose that question 12's absence makes false, as MyST pasted with {glue:md}.
_RATINGS_PURPOSE = (
    "二是用本书问卷第12题（各项措施对履职的帮助程度）报告受访者对每项对策的评价"
)

# The data sentence opening each group, one frame per group (in the framework's order) so that the four do not
# read as one template; {p}/{c}: the scale ids, filled with glue roles.
_GROUP_FRAMES = (
    "{data}中，“{p_name}”量表平均分达到4分的答卷占{p_share}（95%区间{p_low}至{p_high}；按身份加权为{p_wshare}），"
    "即{p_word}答卷认同这一表现；对应成因“{c_name}”的这一比例为{c_share}（加权{c_wshare}）。",
    "“{p_name}”这一表现，在{data}里有{p_share}的答卷平均分在4分及以上（区间{p_low}至{p_high}），加权后为{p_wshare}；"
    "成因一侧，“{c_name}”的相应比例是{c_share}，加权后{c_wshare}。",
    "这组对策面对的“{p_name}”，在{data}中得到{p_word}答卷的认同：比例{p_share}，区间{p_low}至{p_high}，"
    "加权估计{p_wshare}。它背后的成因“{c_name}”，量表平均分达到4分的占{c_share}（加权{c_wshare}）。",
    "看{data}：“{p_name}”量表答到平均4分及以上的比例为{p_share}（{p_low}–{p_high}），加权估计为{p_wshare}；"
    "“{c_name}”一项则是{c_share}，加权后{c_wshare}。",
)

# The rating sentence of each measure: frames taken in turn, so none of them recurs more than twice.
_RATING_FRAMES = (
    "{data}里，认为这项措施帮助较大或很大的占{share}（Wilson 95%区间{low}至{high}），"
    "按身份加权后为{wshare}（{wlow}至{whigh}），{standing}。",
    "问卷中{share}的作答者给了它4分或5分（{low}–{high}），加权估计{wshare}（{wlow}–{whigh}）；"
    "平均{mean}分，{standing}。",
    "从问卷第12题看，这项措施{standing}：评4–5分的比例未加权为{share}，区间{low}至{high}，"
    "加权为{wshare}，区间{wlow}至{whigh}。",
    "{data}对它的评价是：{word}答卷给出4分或5分，比例{share}（{low}至{high}）；加权之后是{wshare}"
    "（{wlow}至{whigh}），{standing}。",
    "评4–5分者占{share}，加权{wshare}，两者的95%区间分别为{low}–{high}和{wlow}–{whigh}；平均得分{mean}，{standing}。",
    "就{data}而言，这项措施获评“帮助较大/很大”的比例是{share}（{low}至{high}），以身份加权得{wshare}"
    "（{wlow}至{whigh}），{standing}。",
)

_RATINGS_CAVEAT = (
    "这些评价只说明受访者主观上认为哪些措施有用，并不等于措施实施后的效果；"
    "论文第五章对各项对策的论证正文无法获得，本书也没有J省实施这些措施的任何资料。"
)


def not_rated_sentence(survey: pd.DataFrame) -> str:
    """Why no measure could be rated ('' when question 12 was asked); the conclusion says it too."""
    return not_asked_sentence(coverage(survey).not_asked("countermeasures"), "受访者对各项对策的评价")


def _weights(survey: pd.DataFrame) -> pd.Series | None:
    try:
        return poststratification_weights(survey, "role")
    except ValueError:  # a role missing or a stratum empty: no weighted estimate, said as 无法加权
        return None


def _role(name: str) -> str:
    return f"{{glue}}`{name}`"


def _problem_rows(survey: pd.DataFrame, weights: pd.Series | None) -> pd.DataFrame:
    """Manifestation and cause scales asked: their 普遍程度 (scale_prevalence), with *kind*."""
    frames = [scale_prevalence(survey, kind, weights=weights).assign(kind=kind)
              for kind in ("manifestation", "cause")]
    frames = [frame for frame in frames if not frame.empty]  # a kind with no scale asked
    columns = ["scale", "name", "n", "agree", "share", "low", "high", "weighted_share", "weighted_low",
               "weighted_high", "kind"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def _problem_texts(problems: pd.DataFrame) -> dict[str, str]:
    texts = {}
    for row in problems.itertuples():
        texts |= {f"ch5_{row.scale}_share": format_percent(row.share), f"ch5_{row.scale}_low": format_percent(row.low),
                  f"ch5_{row.scale}_high": format_percent(row.high),
                  f"ch5_{row.scale}_wshare": format_percent(row.weighted_share),
                  f"ch5_{row.scale}_word": share_word(row.share)}
    return texts


def _group_texts(survey: pd.DataFrame, framework: Framework, problems: pd.DataFrame) -> dict[str, MystText]:
    """Per group, the sentence on the manifestation and cause of its own number (the codebook's `answers`)."""
    codebook, cover = framework.codebook, coverage(survey)
    asked = set(problems["scale"])
    texts = {}
    manifestations, causes = codebook.scales("manifestation"), codebook.scales("cause")
    for index, group in enumerate(codebook.scales("countermeasure")):
        # The manifestation the group answers and the cause of the same number (the book's reading, framework.yml).
        p = group.answers
        c = causes[[s.id for s in manifestations].index(p)].id
        missing = tuple(cover.scale_block(s) for s in (p, c) if s not in asked)
        if missing:
            texts[f"ch5_{group.id}_data"] = MystText(not_asked_sentence(
                missing, f"“{codebook.scale(p).name}”与“{codebook.scale(c).name}”的数据对照"))
            continue
        fields = {"data": _role("ch5_data_kind"), "p_name": codebook.scale(p).name, "c_name": codebook.scale(c).name}
        for prefix, scale in (("p", p), ("c", c)):
            fields |= {f"{prefix}_{key}": _role(f"ch5_{scale}_{key}") for key in ("share", "low", "high", "wshare",
                                                                                   "word")}
        texts[f"ch5_{group.id}_data"] = MystText(_GROUP_FRAMES[index % len(_GROUP_FRAMES)].format(**fields))
    return texts


def _measure_texts(overall: pd.DataFrame, weighted: pd.DataFrame, order: list[str]) -> dict[str, str]:
    """Per measure (codebook order): its numbers and where it stands, and its sentence (frames in turn)."""
    wide, by_measure = weighted.set_index("measure"), overall.set_index("measure")
    shown = by_measure["share"].round(SHARE_DIGITS)  # equal as shown is tied, as everywhere in the book
    texts = {}
    for index, measure in enumerate(order):
        row = by_measure.loc[measure]
        higher = int((shown > shown[measure]).sum())
        tied = int((shown == shown[measure]).sum()) - 1
        w = wide.loc[measure]
        names = {"share": format_percent(row["share"]), "low": format_percent(row["low"]),
                 "high": format_percent(row["high"]), "wshare": format_percent(w["share"]),
                 "wlow": format_percent(w["low"]), "whigh": format_percent(w["high"]),
                 "mean": format_number(row["mean"]), "word": share_word(row["share"]),
                 "standing": standing_phrase(higher, tied, len(overall))}
        texts |= {f"ch5_{measure}_{key}": value for key, value in names.items()}
        fields = {key: _role(f"ch5_{measure}_{key}") for key in names} | {"data": _role("ch5_data_kind")}
        texts[f"ch5_{measure}_rating"] = MystText(_RATING_FRAMES[index % len(_RATING_FRAMES)].format(**fields))
    return texts


def _extreme_sentence(kind: str, rows: pd.DataFrame, total: int) -> str:
    """The sentence naming the best ('最高') or worst ('最低') measure, a tie as a tie."""
    key = "top" if kind == "最高" else "bottom"
    if len(rows) == 1:
        return (f"获评比例{kind}的是“{{glue}}`ch5_{key}_measure`”，为{{glue}}`ch5_{key}_share`"
                f"（95%区间{{glue}}`ch5_{key}_low`至{{glue}}`ch5_{key}_high`；加权{{glue}}`ch5_{key}_wshare`）")
    return (f"获评比例{kind}的是并列的{{glue}}`ch5_{key}_measure`（{format_count(len(rows))}项），"
            f"都是{{glue}}`ch5_{key}_share`")


def _ratings_texts(survey, ratings, weighted, paired, roles, role_labels, top_rows, bottom_rows):
    overall = ranked(ratings)
    total = len(overall)
    top, bottom = overall.iloc[0], overall.iloc[-1]
    wide = weighted.set_index("measure")
    labels = dict(zip(overall["measure"], overall["label"]))
    texts = {
        "ch5_top_measure": quoted_list(top_rows["label"]) if len(top_rows) > 1 else top["label"],
        "ch5_top_share": format_percent(top["share"]), "ch5_top_low": format_percent(top["low"]),
        "ch5_top_high": format_percent(top["high"]),
        "ch5_top_wshare": format_percent(wide.loc[top["measure"], "share"]),
        "ch5_bottom_measure": quoted_list(bottom_rows["label"]) if len(bottom_rows) > 1 else bottom["label"],
        "ch5_bottom_share": format_percent(bottom["share"]), "ch5_bottom_low": format_percent(bottom["low"]),
        "ch5_bottom_high": format_percent(bottom["high"]),
        "ch5_bottom_wshare": format_percent(wide.loc[bottom["measure"], "share"]),
    }
    majority = int((overall["share"] > 0.5).sum())
    weighted_majority = int((weighted["share"] > 0.5).sum())
    texts["ch5_majority_phrase"] = count_phrase(
        majority, total, none="{total}项对策中没有一项的未加权获评比例超过一半",
        some="{total}项对策中，未加权获评比例超过一半的有{count}项",
        every="全部{total}项对策的未加权获评比例都超过一半")
    texts["ch5_weighted_majority_phrase"] = count_phrase(
        weighted_majority, total, none="加权后也没有一项超过一半", some="加权后超过一半的有{count}项",
        every="加权后同样是全部超过一半")
    if len(top_rows) == total:
        extremes = (f"全部{format_count(total)}项对策的获评比例相同，都是{{glue}}`ch5_top_share`，"
                    "分不出最高和最低。")
    else:
        extremes = (_extreme_sentence("最高", top_rows, total) + "；" + _extreme_sentence("最低", bottom_rows, total)
                    + "。")
    # Paired tests: the first-ranked measure against each other one, Holm across these pairs.
    lower = paired[(paired["p_mcnemar_holm"] < LEVEL) & (paired["share_a"] > paired["share_b"])]
    lower_w = paired[(paired["p_wilcoxon_holm"] < LEVEL) & (paired["mean_difference"] > 0)]
    k = len(paired)
    texts |= {
        "ch5_pairs": format_count(k),
        "ch5_pairs_phrase": count_phrase(
            len(lower), k, none="校正后，它与其余任何一项的差别都不显著",
            some="校正后，有{count}项的获评比例显著低于它，其余的差别不显著",
            every="校正后，其余{total}项的获评比例都显著低于它"),
        "ch5_pairs_wilcoxon_phrase": count_phrase(
            len(lower_w), k, none="按评分做的Wilcoxon检验也没有一项显著",
            some="按评分做的Wilcoxon检验，校正后显著的有{count}项",
            every="按评分做的Wilcoxon检验，{total}项都显著"),
        "ch5_first_measure": top["label"], "ch5_exact_below": format_count(EXACT_BELOW),
    }
    last = paired[paired["b"] == bottom["measure"]]
    top_bottom = ""
    if len(top_rows) < total and len(last):
        p = float(last["p_mcnemar_holm"].iloc[0])
        texts |= {"ch5_top_bottom_p": format_p_clause(p), "ch5_top_bottom_verdict": significance_phrase(p)}
        top_bottom = ("其中与排在最后的“{glue}`ch5_last_measure`”相比，校正后{glue}`ch5_top_bottom_p`，"
                      "差别{glue}`ch5_top_bottom_verdict`。")
        texts["ch5_last_measure"] = bottom["label"]
    # Two roles: independent groups, Fisher's exact test per measure, Holm across the measures.
    role_a, role_b = role_labels
    differing = roles[roles["p_fisher_holm"] < LEVEL]
    texts |= {
        "ch5_role_a": role_a, "ch5_role_b": role_b, "ch5_role_tests": format_count(len(roles)),
        "ch5_roles_phrase": count_phrase(
            len(differing), len(roles), none="校正后，没有一项对策的两类身份差别显著",
            some="校正后，身份差别显著的有{count}项：" + (quoted_list([labels[m] for m in differing["item"]])
                                                         if len(differing) else ""),
            every="校正后，每一项对策的两类身份差别都显著"),
        "ch5_roles_mw_phrase": count_phrase(
            int((roles["p_mannwhitney_holm"] < LEVEL).sum()), len(roles), none="按评分的Mann–Whitney检验也没有一项显著",
            some="按评分的Mann–Whitney检验，校正后显著的有{count}项", every="按评分的Mann–Whitney检验，每一项都显著"),
    }
    section = (
        "问卷第12题请受访者就每项对策对自己履职的帮助程度打分（1分“没有帮助”至5分“帮助很大”）。"
        "本节以评4分或5分的比例为主要指标，排序按未加权的这一比例；未加权比例附Wilson 95%区间，"
        "加权比例按驻村身份事后分层（权重与第三章相同），其区间按Kish有效样本量计算。未作答的人不计入分母。"
        "本次数据共{glue}`ch5_n`份问卷。\n\n"
        + extremes + "{glue}`ch5_majority_phrase`，{glue}`ch5_weighted_majority_phrase`"
        "（{numref}`tbl-ch5-ratings`）。\n\n"
        "两项对策的比例是否确有高低，要看对差别本身的检验，而不是看两个区间是否重叠。"
        "各项对策由同一批受访者打分，数据是配对的：本书把排在第一的“{glue}`ch5_first_measure`”与其余"
        "{glue}`ch5_pairs`项逐一做McNemar检验（不一致的答卷少于{glue}`ch5_exact_below`份时用精确二项检验），"
        "对这{glue}`ch5_pairs`次比较作Holm校正。{glue}`ch5_pairs_phrase`；{glue}`ch5_pairs_wilcoxon_phrase`"
        "（{numref}`tbl-ch5-paired`）。" + top_bottom + "\n\n"
        "{glue}`ch5_role_a`与{glue}`ch5_role_b`是两组不同的人，比较用独立样本检验：每项对策以Fisher精确检验"
        "比较两类身份评4–5分的比例，再对{glue}`ch5_role_tests`项作Holm校正。{glue}`ch5_roles_phrase`；"
        "{glue}`ch5_roles_mw_phrase`。分身份的比例见{numref}`fig-ch5-measure-ratings`。\n\n"
        "```{glue:figure} fig-ch5-measure-ratings\n"
        ":name: fig-ch5-measure-ratings\n"
        "\n"
        "各项对策获评“帮助较大/很大”的比例及95%区间，分全体与驻村身份\n"
        "```"
    )
    return texts, section, majority, len(lower), len(differing)


def _share_with_interval(share: float, low: float, high: float) -> str:
    return f"{format_percent(share)}（{format_percent(low)}–{format_percent(high)}）"


def _ratings_table(ratings, weighted, roles, role_labels) -> pd.DataFrame:
    """tbl-ch5-ratings: per measure in overall rank order, unweighted and weighted shares, mean, the roles."""
    overall = ranked(ratings)
    wide = weighted.set_index("measure")
    by_role = roles.set_index("item")
    rows = []
    for row in overall.itertuples():
        w = wide.loc[row.measure]
        parts = ratings[ratings["measure"] == row.measure].set_index("subgroup")
        rows.append({
            "对策": row.label, "回答人数": format_count(row.n),
            "未加权：评4–5分比例（95%区间）": _share_with_interval(row.share, row.low, row.high),
            "加权：评4–5分比例（95%区间）": _share_with_interval(w["share"], w["low"], w["high"]),
            "平均分": format_number(row.mean),
            **{f"{label}：比例": format_percent(parts.loc[label, "share"]) for label in role_labels},
            "身份差异（Fisher，Holm校正p）": format_p_value(by_role.loc[row.measure, "p_fisher_holm"]),
        })
    return pd.DataFrame(rows)


def _paired_table(paired: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """tbl-ch5-paired: the first-ranked measure against each other one."""
    return pd.DataFrame([{
        "比较对象": labels[row.b], "配对人数": format_count(row.n),
        "两项的比例（配对样本）": f"{format_percent(row.share_a)} 对 {format_percent(row.share_b)}",
        "仅前者评4–5分": format_count(row.a_only), "仅后者评4–5分": format_count(row.b_only),
        "McNemar（Holm校正p）": format_p_value(row.p_mcnemar_holm) + ("，精确" if row.method == "exact" else ""),
        "Wilcoxon（Holm校正p）": format_p_value(row.p_wilcoxon_holm),
    } for row in paired.itertuples()])


def _framework_texts(framework: Framework, n_respondents: int) -> dict[str, str]:
    codebook = framework.codebook
    texts = {
        "ch5_groups": format_count(len(codebook.scales("countermeasure"))),
        "ch5_measures": format_count(len(framework.measures)),
        "ch5_n": format_count(n_respondents),
    }
    # Which measures answer each manifestation (read from data/framework.yml).
    for scale in codebook.scales("manifestation"):
        answering = [m for m in framework.measures if scale.id in m.manifestations]
        texts[f"ch5_{scale.id}_measures"] = format_count(len(answering))
    multi = [m for m in framework.measures if len(m.manifestations) > 1]
    texts["ch5_multi_manifestation"] = format_count(len(multi))
    return texts


def analyse(survey: pd.DataFrame | None = None) -> CountermeasuresResult:
    """Chapter 五's numbers, words and tables from the committed data (or from *survey*)."""
    survey = load_survey() if survey is None else survey
    framework = load_countermeasure_framework()
    codebook = framework.codebook
    state = data_state(survey)
    weights = _weights(survey)
    problems = _problem_rows(survey, weights)
    texts = {**_framework_texts(framework, len(survey)), **_problem_texts(problems),
             **_group_texts(survey, framework, problems),
             "ch5_data_kind": survey_sentence("ch5_data_kind", state),
             "ch5_show_head": survey_sentence("ch5_show_head", state)}
    order = [m.id for m in framework.measures]
    checks = {"样本量": len(survey), "对策数": len(framework.measures)}
    ratings = weighted = best = top = bottom = paired = roles = None
    top_tied = bottom_tied = ()
    ratings_tbl = paired_tbl = None
    if not_rated_sentence(survey) or weights is None:
        reason = not_rated_sentence(survey) or "受访者对各项对策的评价无法进行：驻村身份缺失，无法加权。"
        texts |= {"ch5_ratings_purpose": MystText(_RATINGS_PURPOSE + "（当前问卷没有问到这一题，见本章末节）"),
                  "ch5_ratings_section": MystText(reason), "ch5_ratings_caveat": MystText("")}
        texts |= {f"ch5_{m}_rating": MystText("") for m in order}
        checks |= dict.fromkeys(("最高对策", "最高比例", "最低对策", "最低比例", "过半对策数", "显著低于最高者数",
                                 "身份差异显著数"))
    else:
        ratings = measure_ratings(survey, codebook)
        weighted = weighted_rating_table(survey, order, weights)
        overall = ranked(ratings)
        best = best_measure(survey, codebook)  # the headline, as 结论 and the abstract state it
        top_rows = overall[overall["measure"].isin(best.ids)]
        bottom_rows = overall.loc[tied_at_extreme(overall["share"], SHARE_DIGITS, lowest=True)]
        top, bottom = overall.iloc[0], overall.iloc[-1]
        top_tied, bottom_tied = tuple(top_rows["measure"]), tuple(bottom_rows["measure"])
        paired = compare_pairs(survey, [(top["measure"], m) for m in order if m != top["measure"]])
        role_codes = list(codebook.labels("role"))
        role_labels = tuple(codebook.labels("role").values())
        roles = compare_groups(survey, order, "role", role_codes[0], role_codes[1])
        ratings_texts, section, majority, lower, differing = _ratings_texts(
            survey, ratings, weighted, paired, roles, role_labels, top_rows, bottom_rows)
        texts |= {**_measure_texts(overall, weighted, order), **ratings_texts,
                  "ch5_ratings_purpose": MystText(_RATINGS_PURPOSE), "ch5_ratings_section": MystText(section),
                  "ch5_ratings_caveat": MystText(_RATINGS_CAVEAT)}
        ratings_tbl = _ratings_table(ratings, weighted, roles, role_labels)
        paired_tbl = _paired_table(paired, dict(zip(overall["measure"], overall["label"])))
        checks |= {"最高对策": top_tied, "最高比例": round(float(top["share"]), 4),
                   "最低对策": bottom_tied, "最低比例": round(float(bottom["share"]), 4),
                   "过半对策数": majority, "显著低于最高者数": lower, "身份差异显著数": differing}
    return CountermeasuresResult(
        survey_state=state,
        survey_source=survey_source(state),
        framework=framework,
        n_manifestations=len(codebook.scales("manifestation")),
        n_causes=len(codebook.scales("cause")),
        n_lessons=len(framework.lessons),
        n_measures=len(framework.measures),
        n_groups=len(codebook.scales("countermeasure")),
        problems=problems,
        ratings=ratings,
        weighted=weighted,
        best=best,
        top=top,
        bottom=bottom,
        top_tied=top_tied,
        bottom_tied=bottom_tied,
        paired=paired,
        roles=roles,
        framework_table=framework.measures_table(),
        ratings_table=ratings_tbl,
        paired_table=paired_tbl,
        rating_chart_data=None if ratings is None else chart_frame(ratings),
        texts=texts,
        checks=checks,
    )
