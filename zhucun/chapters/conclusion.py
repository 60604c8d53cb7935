"""The conclusion: the book's findings and limits, each number taken from where a chapter computes it.

J province's deployment (cadres, villages) from the sourced tables; the share
of respondents whose score on each of the four manifestation scales reaches
"比较同意" (with Wilson intervals), the highest and the lowest and whether
their intervals overlap; the regional cases as chapter 四 counts them and the
best rated countermeasure as chapter 五 ranks them (their modules compute
both); and the limits, whose wording depends on whether the data are
synthetic and on how many regional cases have details. It returns these as the
prose's texts, with the data of the agreement chart.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.chapters import countermeasures, regional_experience
from zhucun.data.sourced_tables import deployment_value
from zhucun.data.survey import DataState, data_state, load_survey
from zhucun.prose.data_description import survey_sentence, survey_source
from zhucun.prose.formatting import format_count, format_percent
from zhucun.prose.wording import count_phrase, share_word
from zhucun.stats.likert import scale_agreement

# Chart columns: the Chinese header of each column of scale_agreement shown.
_CHART_COLUMNS = {"name": "困境表现", "share": "同意比例", "low": "95%区间下限", "high": "95%区间上限", "n": "有效人数"}


@dataclass(frozen=True)
class ConclusionResult:
    survey_state: DataState
    survey_source: str  # the survey part of a source line
    agreement: pd.DataFrame             # scale_agreement of the four manifestation scales
    high: pd.Series                     # the scale with the highest share agreeing (a row of agreement)
    low: pd.Series                      # … and the lowest
    agreement_chart_data: pd.DataFrame  # fig-ch6-manifestation-agreement
    texts: dict[str, str]               # glue name → text of the prose
    checks: dict[str, object]           # the headline numbers the pinned cell prints


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
    high, low = agreement.iloc[agreement["share"].idxmax()], agreement.iloc[agreement["share"].idxmin()]
    cases = regional_experience.analyse()
    measures = countermeasures.analyse(survey)
    best = measures.top
    texts = {
        "ch6_cadres": format_count(deployment_value("cadres_total")),
        "ch6_villages": format_count(deployment_value("villages_assisted")),
        "ch6_n": format_count(len(survey)),
        "ch6_data_kind": survey_sentence("ch6_data_kind", state),
        **_agreement_texts(high, low),
        "ch6_groups": format_count(measures.n_groups),
        "ch6_measures": format_count(measures.n_measures),
        "ch6_best_measure": best["label"],
        "ch6_best_share": format_percent(best["share"]),
        **_regional_texts(cases.found, len(cases.cases)),
        "ch6_limit_data": survey_sentence("ch6_limit_data", state),
        "ch6_swap": survey_sentence("ch6_swap", state),
    }
    chart_data = agreement.rename(columns=_CHART_COLUMNS)[
        ["困境表现", "有效人数", "同意比例", "95%区间下限", "95%区间上限"]].round(4)
    checks = {"样本量": len(survey), "最高表现": high["scale"], "最高比例": round(float(high["share"]), 4),
              "最低表现": low["scale"], "最低比例": round(float(low["share"]), 4),
              "最高对策": best["measure"], "最高对策比例": round(float(best["share"]), 4)}
    return ConclusionResult(survey_state=state, survey_source=survey_source(state), agreement=agreement, high=high,
                            low=low, agreement_chart_data=chart_data, texts=texts, checks=checks)
