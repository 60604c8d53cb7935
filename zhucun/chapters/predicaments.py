"""Chapter 三 (履职困境的表现和原因): the survey analysis behind every number and word of the chapter.

The chapter's prose is written in its notebook (chapters/03_predicaments.ipynb); this module computes what
that prose glues: for each section the numbers (formatted as printed), the words chosen by the numbers
(:mod:`zhucun.prose.wording`), the generator labels (:func:`zhucun.prose.data_description.generator_label`),
the display-ready tables and the aggregated numbers the charts are drawn from. The sections are computed in
:mod:`zhucun.chapters.predicaments_scales` (the sample, the manifestations, the causes, the interview codes:
（一）（三）（七）（八）) and :mod:`zhucun.chapters.predicaments_comparisons` (group differences, the model of
overall pressure, the time use: （四）（五）（六）), from the :class:`~zhucun.chapters.predicaments_inputs.Inputs`
they share; this module runs them and writes the summary's words (（九）).

A block the questionnaire did not ask leaves its numbers as "—"
(:data:`zhucun.chapters.predicaments_inputs.ABSENT`), and the passage from
:mod:`zhucun.prose.data_description` that says it was not asked stands where the analysis would have.
The only MyST this module writes is figure directives, pasted only when their chart exists.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.chapters.predicaments_comparisons import (
    GroupDifferencesSection,
    OrdinalSection,
    TimeUseSection,
    groups_section,
    ordinal_section,
    time_use_section,
)
from zhucun.chapters.predicaments_inputs import ABSENT, Inputs
from zhucun.chapters.predicaments_scales import (
    CausesSection,
    InterviewsSection,
    ManifestationsSection,
    SampleSection,
    cause_scales_section,
    causes_section,
    interviews_section,
    manifestations_section,
    sample_section,
)
from zhucun.data.cadre_deployment import deployment_figures
from zhucun.data.codebook import load_codebook
from zhucun.data.sourced_tables import load_deployment
from zhucun.data.survey import (
    DataState,
    coverage,
    data_state,
    load_interviews,
    load_survey,
    survey_file_label,
)
from zhucun.number_format import (
    format_count,
)
from zhucun.prose.data_description import (
    not_asked_sentence,
    survey_sentence,
)
from zhucun.prose.glue import MystText
from zhucun.prose.wording import (
    count_phrase,
    portion_phrase,
    quoted_list,
)
from zhucun.stats.group_tests import (
    MIN_EXPECTED,
    tenure_band,
)
from zhucun.stats.headlines import HeadlineResults, Leader, headline_results
from zhucun.stats.likert import scale_scores
from zhucun.stats.paired_comparisons import EXACT_BELOW
from zhucun.stats.weighting import poststratification_weights

# （九）小结 --------------------------------------------------------------------------------------------------


def short_label(label: str) -> str:
    """A generator label without its numbers, for a result stated again: '（由生成器假设设定：…）' becomes
    '（由生成器假设设定，见第（三）节）' ('' stays '')."""
    if not label:
        return ""
    return f"（{label.removeprefix('（').split('：', 1)[0]}，见第（三）节）"


def summary_leader(leader: Leader | None, label: str) -> str:
    """The most common manifestation in words, without numbers (its section states them), with its label."""
    if leader is None:
        return "问卷没有问到困境表现量表，无法比较哪种表现最普遍"
    if leader.runner_up_id is None:
        return f"问卷只问到“{leader.label}”一种表现，无从比较哪种最普遍"
    if leader.tied:
        return f"普遍程度并列最高的是{quoted_list(leader.labels)}{label}"
    if leader.ahead:
        return f"普遍程度最高的“{leader.label}”确实高于居第二的“{leader.runner_up_label}”{label}"
    return (f"普遍程度居首的“{leader.label}”与居第二的“{leader.runner_up_label}”之差并不显著，"
            f"谁更普遍尚不能确定{label}")


def _summary(inputs: Inputs, texts: dict[str, str], manifestations: ManifestationsSection | None,
             groups: GroupDifferencesSection | None, ordinal: OrdinalSection | None,
             causes: CausesSection | None) -> dict[str, str]:
    """The summary's words, each chosen by the results of the sections before it (those that were run)."""
    summary = {"ch3_sum_caveat": survey_sentence("ch3_summary_caveat", inputs.state),
               "ch3_sum_leader": summary_leader(inputs.headlines.strongest_manifestation,
                                                short_label(texts.get("ch3_prev_generator", "")))}
    if manifestations is None:
        summary["ch3_sum_prevalence"] = "四种表现的普遍程度无法计算"
    else:
        majority = sum(texts[f"ch3_{scale.id}_prev_word"] in ("过半数", "大多数", "绝大多数", "全部")
                       for scale in manifestations.scales)
        summary["ch3_sum_prevalence"] = count_phrase(
            majority, len(manifestations.scales),
            none="没有一种表现能确定为过半数受访者所共有",
            some="{total}种表现中，能确定为过半数受访者所共有的有{count}种",
            every="{total}种表现都能确定为过半数受访者所共有")
    summary["ch3_sum_groups_phrase"] = ("群体比较无法进行" if groups is None else
                                        "群体之间的比较" + portion_phrase(groups.significant, groups.tests,
                                                                        "差异在校正后显著"))
    summary["ch3_sum_or_phrase"] = ("模型无法拟合" if ordinal is None else
                                    portion_phrase(ordinal.clear, len(ordinal.odds), "自变量的95%区间不含1"))
    summary["ch3_sum_cause_phrase"] = ("成因与表现的相关无法计算" if causes is None else
                                       "成因与表现之间，" + portion_phrase(causes.significant, causes.pairs,
                                                                          "相关在校正后显著"))
    return summary


# The chapter ------------------------------------------------------------------------------------------------


@dataclass
class PredicamentsResult:
    """Chapter 三's results, one field per section of the chapter; ``texts`` holds every glued text.

    A section is None when the questionnaire did not ask what it needs; its prose then says so.
    """

    n: int
    survey_state: DataState
    source: str  # the source line of the survey's tables and charts
    sample: SampleSection
    manifestations: ManifestationsSection | None
    groups: GroupDifferencesSection | None
    ordinal: OrdinalSection | None
    time_use: TimeUseSection | None
    causes: CausesSection | None
    cause_scales: pd.DataFrame | None  # the causes' 普遍程度, 强度 and α as printed (tbl-ch3-cause-scales)
    interviews: InterviewsSection
    headlines: HeadlineResults  # the book's headline results (zhucun.stats.headlines), as this chapter states them
    texts: dict[str, str]  # {glue name: text} of the whole chapter
    checks: dict[str, object]  # the headline numbers the pinned cell prints (None: not computed)


# The blocks chapter 三 reads; question 12 (the countermeasures) is chapter 五's.
CHAPTER_BLOCKS = ("p1", "p2", "p3", "p4", "c1", "c2", "c3", "c4", "overall_pressure", "time_use")


def _introduction(inputs: Inputs) -> dict[str, str]:
    """The opening paragraph's numbers, what was not asked, the method's rule numbers, and the names of every
    manifestation and cause (the thesis's, asked or not: the headings name them)."""
    texts = {
        "ch3_n": format_count(len(inputs.survey)),
        "ch3_file": survey_file_label(),
        "ch3_thesis_n": format_count(deployment_figures(load_deployment())["thesis_sample_size"]),
        "ch3_data_kind": survey_sentence("ch3_data_kind", inputs.state),
        "ch3_not_asked": MystText(not_asked_sentence(inputs.cover.not_asked(*CHAPTER_BLOCKS), "本章的分析",
                                                     partial=True)),
        "ch3_min_expected": format_count(MIN_EXPECTED),
        "ch3_exact_below": format_count(EXACT_BELOW),
    }
    for kind in ("manifestation", "cause"):
        for scale in inputs.codebook.scales(kind):
            texts[f"ch3_{scale.id}_name"] = scale.name
    return texts


def _references(result: dict[str, object]) -> dict[str, MystText]:
    """The cross-references of the prose to 三's tables and figures: {numref} where the table or figure exists,
    '—' where the block it needs was not asked (a reference to nothing would break the build)."""
    manifestations = result["manifestations"]
    asked = set() if manifestations is None else {scale.id for scale in manifestations.scales}
    exists = {
        "tbl-ch3-agree": manifestations is not None, "tbl-ch3-scales": manifestations is not None,
        **{f"fig-ch3-likert-{scale.id}": scale.id in asked for scale in load_codebook().scales("manifestation")},
        "tbl-ch3-groups": result["groups"] is not None,
        "tbl-ch3-ordinal": result["ordinal"] is not None, "fig-ch3-ordinal-odds": result["ordinal"] is not None,
        "tbl-ch3-brant": result["ordinal"] is not None,
        "fig-ch3-time-use": result["time_use"] is not None,
        "fig-ch3-cause-heatmap": result["causes"] is not None,
        "tbl-ch3-cause-scales": result["cause_scales"] is not None,
    }
    return {"ch3_ref_" + label[4:].replace("-", "_"): MystText(f"{{numref}}`{label}`" if present else ABSENT)
            for label, present in exists.items()}


def _merged(*parts: dict[str, str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for part in parts:
        repeated = texts.keys() & part.keys()
        if repeated:
            raise ValueError(f"glue names computed twice: {sorted(repeated)}")
        texts |= part
    return texts


def _checks(n: int, manifestations: ManifestationsSection | None, groups: GroupDifferencesSection | None,
            ordinal: OrdinalSection | None, causes: CausesSection | None) -> dict[str, object]:
    scales = {} if manifestations is None else {scale.id: scale for scale in manifestations.scales}
    odds = None if ordinal is None else ordinal.odds.set_index("predictor")["odds_ratio"]
    p1_odds = None
    p1_predictor = f"{load_codebook().scale('p1').short_label}（每高1分）"
    if odds is not None and "p1" in scales and p1_predictor in odds.index:  # absent when p1's score is constant
        p1_odds = round(float(odds[p1_predictor]), 4)
    return {
        "样本量": n,
        "同意比例最高题项": None if manifestations is None else round(manifestations.top_item_share, 4),
        "量表均分": [round(scale.mean, 4) for scale in scales.values()],
        "p1_alpha": round(scales["p1"].alpha, 4) if "p1" in scales else None,
        "校正后显著差异数": None if groups is None else groups.significant,
        "p1优势比": p1_odds,
        "Brant拒绝数": None if ordinal is None or ordinal.brant_rejected is None else len(ordinal.brant_rejected),
        "最强相关": None if causes is None else round(causes.strongest_rho, 4),
    }


def analyse(survey: pd.DataFrame | None = None, interviews: pd.DataFrame | None = None) -> PredicamentsResult:
    """Chapter 三 from the survey and the coded interviews (by default the book's data files)."""
    codebook = load_codebook()
    survey = load_survey() if survey is None else survey
    interviews = load_interviews() if interviews is None else interviews
    state = data_state(survey)
    n = len(survey)
    cover = coverage(survey, codebook)
    inputs = Inputs(
        codebook=codebook, survey=survey, weights=poststratification_weights(survey, "role"),
        scores=scale_scores(survey, codebook), manifestations=cover.scales("manifestation"),
        causes=cover.scales("cause"), role_labels=codebook.labels("role"),
        tenure_band=tenure_band(survey["tenure_months"]),
        source=f"{survey_sentence('survey_source', state)}（{survey_file_label()}，n = {n}），本书计算", state=state,
        cover=cover, headlines=headline_results(survey, codebook),
    )
    sample = sample_section(inputs)
    manifestation_texts, manifestations = manifestations_section(inputs)
    group_texts, groups = groups_section(inputs)
    ordinal_texts, ordinal = ordinal_section(inputs)
    time_texts, time_use = time_use_section(inputs)
    cause_scale_texts, cause_scales = cause_scales_section(inputs)
    cause_texts, causes = causes_section(inputs)
    interview_section = interviews_section(inputs, interviews)
    texts = _merged(_introduction(inputs), sample.texts, manifestation_texts, group_texts, ordinal_texts,
                    time_texts, cause_scale_texts, cause_texts, interview_section.texts)
    texts = _merged(texts, _summary(inputs, texts, manifestations, groups, ordinal, causes), _references(
        {"manifestations": manifestations, "groups": groups, "ordinal": ordinal, "time_use": time_use,
         "causes": causes, "cause_scales": cause_scales}))
    return PredicamentsResult(n, state, inputs.source, sample, manifestations, groups, ordinal, time_use, causes,
                              cause_scales, interview_section, inputs.headlines, texts,
                              _checks(n, manifestations, groups, ordinal, causes))
