"""The conclusion: the book's findings and limits, each number taken from where a chapter computes it.

J province's deployment (cadres, villages) from the sourced tables; the share
of respondents whose score on each of the four manifestation scales reaches
"比较同意" (with Wilson intervals), the highest and the lowest and whether
their intervals overlap; the regional cases as chapter 四 counts them and the
best rated countermeasure as chapter 五 ranks them (their modules compute
both); and the limits, whose wording depends on whether the data are
synthetic and on how many regional cases have details. It returns these as the
prose's texts, with the data of the agreement chart. Manifestation scales the
questionnaire did not ask are left out; with none asked (or no question 12) the
sentence says what could not be computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.chapters import countermeasures, regional_experience
from zhucun.data.sourced_tables import deployment_value
from zhucun.data.survey import DataState, coverage, data_state, load_survey
from zhucun.prose.data_description import not_asked_sentence, survey_sentence, survey_source
from zhucun.prose.formatting import format_chinese_count, format_count, format_percent
from zhucun.prose.glue import MystText
from zhucun.prose.wording import count_phrase, share_word
from zhucun.stats.likert import scale_agreement
from zhucun.stats.ratings import ranked

# Chart columns: the Chinese header of each column of scale_agreement shown.
_CHART_COLUMNS = {"name": "困境表现", "share": "同意比例", "low": "95%区间下限", "high": "95%区间上限", "n": "有效人数"}


@dataclass(frozen=True)
class ConclusionResult:
    survey_state: DataState
    survey_source: str  # the survey part of a source line
    agreement: pd.DataFrame             # scale_agreement of the asked manifestation scales
    high: pd.Series | None              # the scale with the highest share agreeing (a row of agreement)
    low: pd.Series | None               # … and the lowest (both None when no scale was asked)
    agreement_chart_data: pd.DataFrame | None  # fig-ch6-manifestation-agreement
    count_word: str                     # how many manifestations were asked, in Chinese numerals
    best: pd.Series | None              # chapter 五's best rated measure (None: question 12 not asked)
    measure_ranking: pd.DataFrame | None  # chapter 五's ranking of the measures by all respondents (best first)
    n_regions: int                      # the regional cases of chapter 四
    texts: dict[str, str]               # glue name → text of the prose
    checks: dict[str, object]           # the headline numbers the pinned cell prints


# The sentences an absent block makes false, as MyST pasted with {glue:md}.
_AGREEMENT_SENTENCE = (
    "就本次使用的{glue}`ch6_data_kind`（{glue}`ch6_n`份）而言，量表得分达到“比较同意”的比例以“"
    "{glue}`ch6_high_scale`”最高，为{glue}`ch6_high_share`（{glue}`ch6_high_word`受访者），"
    "以“{glue}`ch6_low_scale`”最低，为{glue}`ch6_low_share`，"
    "{glue}`ch6_high_low_overlap`（{numref}`fig-ch6-manifestation-agreement`）。"
)

_AGREEMENT_FIGURE = (
    "```{glue:figure} fig-ch6-manifestation-agreement\n"
    ":name: fig-ch6-manifestation-agreement\n"
    "\n"
    "$count种困境表现的同意比例及95%区间\n"
    "```"
)

_BEST_MEASURE_SENTENCE = (
    "在本次数据中，受访者评价最高的对策是“{glue}`ch6_best_measure`”，"
    "认为帮助较大或很大的比例为{glue}`ch6_best_share`。"
)


def _agreement_prose(survey: pd.DataFrame, agreement: pd.DataFrame) -> dict[str, MystText]:
    """The finding on the manifestations: the highest and lowest share agreeing among the scales asked."""
    cover = coverage(survey)
    missing = cover.scales_not_asked("manifestation")
    figure = _AGREEMENT_FIGURE.replace("$count", format_chinese_count(len(agreement)))
    if len(agreement) == 0:
        return {"ch6_agreement_sentence": MystText(
            "就本次使用的{glue}`ch6_data_kind`（{glue}`ch6_n`份）而言，"
            + not_asked_sentence(missing, "各表现同意比例的比较")), "ch6_agreement_figure": MystText("")}
    note = not_asked_sentence(missing, "这里的比较", partial=True)
    if len(agreement) == 1:
        sentence = ("就本次使用的{glue}`ch6_data_kind`（{glue}`ch6_n`份）而言，问卷问到的唯一一种表现"
                    "“{glue}`ch6_high_scale`”的量表得分达到“比较同意”的比例为{glue}`ch6_high_share`"
                    "（{glue}`ch6_high_word`受访者，{numref}`fig-ch6-manifestation-agreement`）。")
        return {"ch6_agreement_sentence": MystText(note + sentence), "ch6_agreement_figure": MystText(figure)}
    return {"ch6_agreement_sentence": MystText(note + _AGREEMENT_SENTENCE),
            "ch6_agreement_figure": MystText(figure)}


def _agreement_texts(high: pd.Series, low: pd.Series) -> dict[str, str]:
    return {
        "ch6_high_scale": high["name"],
        "ch6_high_share": format_percent(high["share"]),
        "ch6_high_word": share_word(high["share"]),
        "ch6_low_scale": low["name"],
        "ch6_low_share": format_percent(low["share"]),
        "ch6_low_word": share_word(low["share"]),
        "ch6_high_low_overlap": ("两者的95%区间不重叠" if high["low"] > low["high"]
                                 else "两者的95%区间有重叠，高低之分并不确定"),
    }


def _regional_texts(found: dict[str, int], n_cases: int) -> dict[str, str]:
    none_found, full_found = found["未找到"], found["已找到"]
    return {
        "ch6_regions": format_count(n_cases),
        "ch6_regions_phrase": "，".join([
            count_phrase(none_found, n_cases, none="每个案例都找到了一些公开资料",
                         some="其中{count}个案例除标题外找不到任何公开资料",
                         every="所有案例除标题外都找不到任何公开资料"),
            count_phrase(full_found, n_cases, none="没有一个案例找到标题以外的具体做法",
                         some="找到标题以外具体做法的有{count}个", every="每个案例都找到了标题以外的具体做法"),
        ]),
        "ch6_limit_regions": count_phrase(
            full_found, n_cases,
            none="{total}个地区的具体措施、出台时间和效果，除本书引用的背景报道外均未找到，本书没有补写。",
            some="{total}个地区中只有{count}个找到了标题以外的具体做法，其余地区的措施、出台时间和效果本书没有补写。",
            every="{total}个地区都找到了标题以外的具体做法，但其效果仍未经独立评估。"),
    }


def analyse(survey: pd.DataFrame | None = None) -> ConclusionResult:
    """The conclusion's numbers and words from the committed data (or from *survey*)."""
    survey = load_survey() if survey is None else survey
    state = data_state(survey)
    agreement = scale_agreement(survey)
    high = low = None
    if len(agreement):
        high, low = agreement.iloc[agreement["share"].idxmax()], agreement.iloc[agreement["share"].idxmin()]
    cases = regional_experience.analyse()
    measures = countermeasures.analyse(survey)
    best = measures.top
    texts = {
        "ch6_cadres": format_count(deployment_value("cadres_total")),
        "ch6_villages": format_count(deployment_value("villages_assisted")),
        "ch6_n": format_count(len(survey)),
        "ch6_data_kind": survey_sentence("ch6_data_kind", state),
        **({} if high is None else _agreement_texts(high, low)),
        **_agreement_prose(survey, agreement),
        "ch6_groups": format_count(measures.n_groups),
        "ch6_measures": format_count(measures.n_measures),
        **_regional_texts(cases.found, len(cases.cases)),
        "ch6_limit_data": survey_sentence("ch6_limit_data", state),
        "ch6_swap": survey_sentence("ch6_swap", state),
    }
    if best is None:  # question 12 not asked
        texts["ch6_best_sentence"] = MystText(countermeasures.not_rated_sentence(survey))
    else:
        texts |= {"ch6_best_measure": best["label"], "ch6_best_share": format_percent(best["share"]),
                  "ch6_best_sentence": MystText(_BEST_MEASURE_SENTENCE)}
    chart_data = None if high is None else agreement.rename(columns=_CHART_COLUMNS)[
        ["困境表现", "有效人数", "同意比例", "95%区间下限", "95%区间上限"]].round(4)
    checks = {"样本量": len(survey), "最高表现": None if high is None else high["scale"],
              "最高比例": None if high is None else round(float(high["share"]), 4),
              "最低表现": None if low is None else low["scale"],
              "最低比例": None if low is None else round(float(low["share"]), 4),
              "最高对策": None if best is None else best["measure"],
              "最高对策比例": None if best is None else round(float(best["share"]), 4)}
    return ConclusionResult(survey_state=state, survey_source=survey_source(state), agreement=agreement, high=high,
                            low=low, agreement_chart_data=chart_data, count_word=format_chinese_count(len(agreement)),
                            best=best, measure_ranking=None if best is None else ranked(measures.ratings),
                            n_regions=len(cases.cases), texts=texts, checks=checks)
