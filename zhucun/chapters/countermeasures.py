"""Chapter 五: the countermeasures of the thesis and how respondents rate them.

From ``data/framework.yml`` it counts the groups and measures and which measures
answer each manifestation; from question 12 of the survey it rates each
measure (share rating 4–5 with its Wilson interval, the mean) for all
respondents and each role, names the best and the worst rated measure, says
whether their intervals overlap, how many measures more than half of the
respondents find helpful and on how many the two roles' intervals are apart.
It returns these as the prose's texts, with the framework table, the ratings
table and the data of the ratings chart. When the questionnaire did not ask
question 12, the ratings are None and the prose says they could not be computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.data.framework import Framework, load_countermeasure_framework
from zhucun.data.survey import DataState, coverage, data_state, load_survey
from zhucun.prose.data_description import not_asked_sentence, survey_source
from zhucun.prose.formatting import format_count, format_number, format_percent
from zhucun.prose.glue import MystText
from zhucun.prose.wording import comparison_word, count_phrase, share_word
from zhucun.stats.ratings import ALL_LABEL, chart_frame, measure_ratings, ranked, ratings_table


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
    # The five below are None when question 12 was not asked.
    ratings: pd.DataFrame | None           # measure_ratings: one row per measure × subgroup
    top: pd.Series | None                  # the best rated measure of all respondents (a row of ranked())
    bottom: pd.Series | None               # the worst rated one
    framework_table: pd.DataFrame          # tbl-ch5-framework
    ratings_table: pd.DataFrame | None     # tbl-ch5-ratings
    rating_chart_data: pd.DataFrame | None  # fig-ch5-measure-ratings
    texts: dict[str, str]           # glue name → text of the prose
    checks: dict[str, object]       # the headline numbers the pinned cell prints


# The prose that question 12's absence makes false, as MyST pasted with {glue:md}.
_RATINGS_PURPOSE = (
    "二是用本书问卷第12题（各项措施对履职的帮助程度）报告受访者对每项对策的评价"
)

_RATINGS_SECTION = (
    "问卷第12题请受访者就每项对策对自己履职的帮助程度打分（1分“没有帮助”至5分“帮助很大”）。"
    "本节以评4分或5分的比例为主要指标，附Wilson 95%区间；未作答的人不计入分母。本次数据共{glue}`ch5_n`份问卷。\n"
    "\n"
    "在全体受访者中，认为“{glue}`ch5_top_measure`”帮助较大或很大的比例最高，"
    "为{glue}`ch5_top_share`（95%区间{glue}`ch5_top_low`至{glue}`ch5_top_high`），"
    "即{glue}`ch5_top_word`受访者持此看法，平均得分{glue}`ch5_top_mean`分；"
    "比例最低的是“{glue}`ch5_bottom_measure`”，"
    "为{glue}`ch5_bottom_share`（{glue}`ch5_bottom_low`至{glue}`ch5_bottom_high`），"
    "{glue}`ch5_top_bottom_overlap`。{glue}`ch5_majority_phrase`。\n"
    "\n"
    "分身份看，对评价最高的这项对策，{glue}`ch5_role_a`的比例为{glue}`ch5_top_share_a`，"
    "{glue}`ch5_top_role_word`{glue}`ch5_role_b`的{glue}`ch5_top_share_b`。{glue}`ch5_roles_apart_phrase`；"
    "区间重叠时，本书不把两者的差别当作确有其事。\n"
    "\n"
    "```{glue:figure} fig-ch5-measure-ratings\n"
    ":name: fig-ch5-measure-ratings\n"
    "\n"
    "各项对策获评“帮助较大/很大”的比例及95%区间，分全体与驻村身份\n"
    "```\n"
    "\n"
    "{numref}`tbl-ch5-ratings` 按全体排序列出每项对策的比例、区间和平均分。"
)

_RATINGS_CAVEAT = (
    "这些评价只说明受访者主观上认为哪些措施有用，并不等于措施实施后的效果；"
    "论文第五章对各项对策的论证正文无法获得，本书也没有J省实施这些措施的任何资料。"
)


def not_rated_sentence(survey: pd.DataFrame) -> str:
    """Why no measure could be rated ('' when question 12 was asked); the conclusion says it too."""
    return not_asked_sentence(coverage(survey).not_asked("countermeasures"), "受访者对各项对策的评价")


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


def _overall_texts(top: pd.Series, bottom: pd.Series, majority: int, n_measures: int) -> dict[str, str]:
    # Do the intervals of the best and the worst measure overlap? Words follow the numbers.
    separated = top["low"] > bottom["high"]
    return {
        "ch5_top_measure": top["label"],
        "ch5_top_share": format_percent(top["share"]),
        "ch5_top_low": format_percent(top["low"]),
        "ch5_top_high": format_percent(top["high"]),
        "ch5_top_mean": format_number(top["mean"]),
        "ch5_top_word": share_word(top["share"]),
        "ch5_bottom_measure": bottom["label"],
        "ch5_bottom_share": format_percent(bottom["share"]),
        "ch5_bottom_low": format_percent(bottom["low"]),
        "ch5_bottom_high": format_percent(bottom["high"]),
        "ch5_bottom_word": share_word(bottom["share"]),
        "ch5_majority_phrase": count_phrase(majority, n_measures,
                                            none="{total}项对策中没有一项的获评比例超过一半",
                                            some="{total}项对策中，获评比例超过一半的有{count}项",
                                            every="全部{total}项对策的获评比例都超过一半"),
        "ch5_top_bottom_overlap": ("两者的95%区间不重叠，差别不太可能只是抽样误差" if separated
                                   else "两者的95%区间有重叠，不能据此断定两项对策的评价确有高低之分"),
    }


def _role_texts(ratings: pd.DataFrame, top: pd.Series) -> tuple[dict[str, str], int]:
    """The two roles compared: on how many measures their Wilson intervals do not overlap, and on the best one."""
    roles = [s for s in dict.fromkeys(ratings["subgroup"]) if s != ALL_LABEL]
    by_role = ratings[ratings["subgroup"].isin(roles)].pivot(index="measure", columns="subgroup")
    apart = int(((by_role["low"][roles[0]] > by_role["high"][roles[1]])
                 | (by_role["low"][roles[1]] > by_role["high"][roles[0]])).sum())
    top_roles = ratings[(ratings["measure"] == top["measure"]) & ratings["subgroup"].isin(roles)].set_index("subgroup")
    share_a, share_b = top_roles.loc[roles[0], "share"], top_roles.loc[roles[1], "share"]
    texts = {
        "ch5_role_a": roles[0],
        "ch5_role_b": roles[1],
        "ch5_roles_apart_phrase": count_phrase(apart, len(by_role),
                                               none="在全部{total}项对策上，两类身份的95%区间都有重叠",
                                               some="在全部{total}项对策中，两类身份的95%区间互不重叠的有{count}项",
                                               every="在全部{total}项对策上，两类身份的95%区间都互不重叠"),
        "ch5_top_share_a": format_percent(share_a),
        "ch5_top_share_b": format_percent(share_b),
        "ch5_top_role_word": comparison_word(share_a, share_b),
    }
    return texts, apart


def analyse(survey: pd.DataFrame | None = None) -> CountermeasuresResult:
    """Chapter 五's numbers, words and tables from the committed data (or from *survey*)."""
    survey = load_survey() if survey is None else survey
    framework = load_countermeasure_framework()
    codebook = framework.codebook
    texts = _framework_texts(framework, len(survey))
    checks = {"样本量": len(survey), "对策数": len(framework.measures)}
    ratings = top = bottom = None
    if not_rated_sentence(survey):
        texts |= {"ch5_ratings_purpose": MystText(_RATINGS_PURPOSE + "（当前问卷没有问到这一题，见本章末节）"),
                  "ch5_ratings_section": MystText(not_rated_sentence(survey)),
                  "ch5_ratings_caveat": MystText("")}
        checks |= dict.fromkeys(("最高对策", "最高比例", "最低对策", "最低比例", "过半对策数", "身份区间不重叠数"))
    else:
        ratings = measure_ratings(survey, codebook)
        overall = ranked(ratings)
        top, bottom = overall.iloc[0], overall.iloc[-1]
        majority = int((overall["share"] > 0.5).sum())  # measures more than half find helpful
        role_texts, apart = _role_texts(ratings, top)
        texts |= {**_overall_texts(top, bottom, majority, len(overall)), **role_texts,
                  "ch5_ratings_purpose": MystText(_RATINGS_PURPOSE), "ch5_ratings_section": MystText(_RATINGS_SECTION),
                  "ch5_ratings_caveat": MystText(_RATINGS_CAVEAT)}
        checks |= {"最高对策": top["measure"], "最高比例": round(float(top["share"]), 4),
                   "最低对策": bottom["measure"], "最低比例": round(float(bottom["share"]), 4),
                   "过半对策数": majority, "身份区间不重叠数": apart}
    return CountermeasuresResult(
        survey_state=data_state(survey),
        survey_source=survey_source(data_state(survey)),
        framework=framework,
        n_manifestations=len(codebook.scales("manifestation")),
        n_causes=len(codebook.scales("cause")),
        n_lessons=len(framework.lessons),
        n_measures=len(framework.measures),
        n_groups=len(codebook.scales("countermeasure")),
        ratings=ratings,
        top=top,
        bottom=bottom,
        framework_table=framework.measures_table(),
        ratings_table=None if ratings is None else ratings_table(ratings),
        rating_chart_data=None if ratings is None else chart_frame(ratings),
        texts=texts,
        checks=checks,
    )
