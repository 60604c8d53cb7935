"""摘要 and Abstract: the book's one-minute summary, in Chinese and in English, each number taken from a chapter.

The research question and the thesis's method are the thesis's (as its
abstract and introduction state them); the counts in them come from the data
the chapters read: the thesis's sample from the sourced tables, the
manifestations and causes from the codebook, the regions as chapter 四 counts
them, the groups and measures of chapter 五's framework. The results are the
book's two headlines (:mod:`zhucun.stats.headlines`, as 三, 五 and 结论 state
them): the strongest manifestation and the best rated measure, each with its
paired test against the runner-up, worded in both languages by
:mod:`zhucun.prose.headline_wording`. Ties are named as ties. A block the
questionnaire did not ask is named instead of its result. The thesis's
directions of countermeasures are the codebook's groups; the recommendation
is the book's judgement (data/measure_adoption.yml: its first batch), never a
ranking of the survey. The sentences on
what the data are come from :mod:`zhucun.prose.data_description` in the
survey's state, in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.chapters import conclusion, countermeasures
from zhucun.data.authored_tables import load_measure_adoption
from zhucun.data.codebook import load_codebook
from zhucun.data.framework import load_countermeasure_framework
from zhucun.data.sourced_tables import deployment_value
from zhucun.data.survey import DataState, coverage, data_state, load_survey, survey_file_label
from zhucun.number_format import (
    format_chinese_count,
    format_count,
    format_english_count,
    format_share,
)
from zhucun.prose.data_description import (
    leader_label,
    not_asked_clause,
    not_asked_sentence,
    not_asked_sentence_en,
    survey_sentence,
)
from zhucun.prose.english import english_list, english_name
from zhucun.prose.glue import MystText
from zhucun.prose.headline_wording import leader_sentence, leader_sentence_en
from zhucun.prose.wording import quoted_list
from zhucun.stats.headlines import HeadlineResults


@dataclass(frozen=True)
class AbstractResult:
    survey_state: DataState
    headlines: HeadlineResults  # the book's headline results, as both pages state them (the conclusion's)
    texts: dict[str, str]      # glue name → text of the 摘要 page
    texts_en: dict[str, str]   # glue name → text of the English Abstract page
    checks: dict[str, object]  # the headline numbers the pinned cells print


def _strongest_texts(survey: pd.DataFrame, result: conclusion.ConclusionResult) -> tuple[dict, dict]:
    """The sentence on the strongest manifestation (the conclusion's headline) in both languages."""
    leader = result.headlines.strongest_manifestation
    missing = coverage(survey).scales_not_asked("manifestation")
    if leader is None:
        return ({"abs_agreement_sentence": MystText(not_asked_sentence(missing, "各困境表现普遍程度的比较"))},
                {"abs_en_agreement_sentence": MystText(
                    not_asked_sentence_en(missing, "the comparison of the manifestations’ prevalence"))})
    count = len(result.means)
    zh = {"abs_scale_count": format_chinese_count(count)}
    en = {"abs_en_scale_count": format_english_count(count)}
    note_zh = not_asked_sentence(missing, "这里的比较", partial=True)
    note_en = not_asked_sentence_en(missing, "this comparison", partial=True)
    if count == 1:
        zh |= {"abs_strongest_scale": quoted_list(leader.labels), "abs_strongest_mean": format_share(leader.value)}
        en |= {"abs_en_strongest_scale": f"“{english_name(leader.id)}”",
               "abs_en_strongest_mean": format_share(leader.value)}
        zh_sentence = ("问卷只问到一种困境表现{glue}`abs_strongest_scale`，其普遍程度（量表得分达到4分的受访者比例）为"
                       "{glue}`abs_strongest_mean`。")
        en_sentence = ("The questionnaire asked about one manifestation only, {glue}`abs_en_strongest_scale`; its "
                       "prevalence (the share of respondents whose scale score is 4 or more) is "
                       "{glue}`abs_en_strongest_mean`. ")
    else:
        state = data_state(survey)
        zh["abs_strongest_leader"] = leader_sentence(leader, "普遍程度（量表得分达到4分的受访者比例）", format_share,
                                                     label=leader_label(leader, "scale", state))
        en["abs_en_strongest_leader"] = leader_sentence_en(
            leader, "prevalence (the share of respondents whose scale score is 4 or more)", english_name,
            format_share, label=leader_label(leader, "scale", state, "en"))
        zh_sentence = "在问卷问到的{glue}`abs_scale_count`种困境表现中，{glue}`abs_strongest_leader`。"
        en_sentence = ("Of the {glue}`abs_en_scale_count` manifestations asked about, "
                       "{glue}`abs_en_strongest_leader`. ")
    zh["abs_agreement_sentence"] = MystText(note_zh + zh_sentence)
    en["abs_en_agreement_sentence"] = MystText(note_en + en_sentence)
    return zh, en


def _best_texts(survey: pd.DataFrame, result: conclusion.ConclusionResult) -> tuple[dict, dict]:
    """The sentence on the best rated measure (五's and the conclusion's headline) in both languages."""
    leader = result.headlines.best_measure
    if leader is None:  # question 12 not asked
        missing = coverage(survey).not_asked("countermeasures")
        return ({"abs_best_sentence": MystText(countermeasures.not_rated_sentence(survey))},
                {"abs_en_best_sentence": MystText(
                    not_asked_sentence_en(missing, "the respondents' ratings of the countermeasures") + " ")})
    total = sum(len(scale.items) for scale in coverage(survey).scales("countermeasure"))  # the measures rated
    zh = {"abs_measure_count": format_count(total)}
    en = {"abs_en_measure_count": format_english_count(total)}
    helpful_zh = "获评程度（认为帮助较大或很大的受访者比例）"
    if len(leader.ids) == total and total > 1:
        zh["abs_best_share"] = en["abs_en_best_share"] = format_share(leader.value)
        zh_sentence = (f"受访者对全部{{glue}}`abs_measure_count`项对策的评价相同，{helpful_zh}都是"
                       "{glue}`abs_best_share`。")
        en_sentence = ("All {glue}`abs_en_measure_count` countermeasures have the same rating: "
                       "{glue}`abs_en_best_share` of respondents find each quite or very helpful. ")
    else:
        state = data_state(survey)
        zh["abs_best_leader"] = leader_sentence(leader, helpful_zh, format_share,
                                                label=leader_label(leader, "measure", state))
        en["abs_en_best_leader"] = leader_sentence_en(
            leader, "rating (the share of respondents who find it quite or very helpful)", english_name,
            format_share, label=leader_label(leader, "measure", state, "en"))
        zh_sentence = "在{glue}`abs_measure_count`项对策中，{glue}`abs_best_leader`。"
        en_sentence = "Of the {glue}`abs_en_measure_count` countermeasures, {glue}`abs_en_best_leader`. "
    zh["abs_best_sentence"] = MystText(zh_sentence)
    en["abs_en_best_sentence"] = MystText(en_sentence)
    return zh, en


def _direction_texts(codebook, framework) -> tuple[dict, dict]:
    """The thesis's directions of countermeasures (the codebook's groups) and the book's first batch to try
    (data/measure_adoption.yml), in both languages: the recommendation rests on the book's judgement, not on
    the survey's ranking."""
    groups = codebook.scales("countermeasure")
    plan = load_measure_adoption()
    first = [m.id for m in framework.measures if plan.measures[m.id].batch == min(plan.batch_reasons)]
    return ({"abs_directions": quoted_list(group.name for group in groups),
             "abs_first_batch": quoted_list(codebook.question_text(m) for m in first)},
            {"abs_en_directions": english_list(f"“{english_name(group.id)}”" for group in groups),
             "abs_en_first_batch": english_list(english_name(m) for m in first)})


def analyse(survey: pd.DataFrame | None = None) -> AbstractResult:
    """Both pages' texts from the book's survey (or *survey*)."""
    survey = load_survey() if survey is None else survey
    state = data_state(survey)
    summary = conclusion.analyse(survey)
    codebook = load_codebook()
    framework = load_countermeasure_framework()
    manifestations = codebook.scales("manifestation")
    counts = {"thesis_n": deployment_value("thesis_sample_size"), "manifestations": len(manifestations),
              "causes": len(codebook.scales("cause")), "regions": summary.n_regions,
              "groups": len(codebook.scales("countermeasure")), "measures": len(framework.measures)}
    not_asked = coverage(survey).not_asked()
    agreement_zh, agreement_en = _strongest_texts(survey, summary)
    best_zh, best_en = _best_texts(survey, summary)
    directions_zh, directions_en = _direction_texts(codebook, framework)
    texts = {
        "abs_thesis_n": format_count(counts["thesis_n"]),
        "abs_manifestations": "、".join(scale.name for scale in manifestations),
        "abs_n_manifestations": format_chinese_count(counts["manifestations"]),
        "abs_n_causes": format_chinese_count(counts["causes"]),
        "abs_regions": format_count(counts["regions"]),
        "abs_groups": format_count(counts["groups"]),
        "abs_measures": format_count(counts["measures"]),
        "abs_file": survey_file_label(),
        "abs_n": format_count(len(survey)),
        "abs_data_status": survey_sentence("abs_data_status", state) + not_asked_clause(not_asked, "书中各章的分析"),
        "abs_results_head": survey_sentence("abs_results_head", state),
        "abs_results_tail": survey_sentence("abs_results_tail", state),
        **agreement_zh,
        **best_zh,
        **directions_zh,
    }
    not_asked_en = not_asked_sentence_en(not_asked, "each chapter's analysis", partial=True)
    texts_en = {
        "abs_en_thesis_n": format_count(counts["thesis_n"]),
        "abs_en_n_manifestations": format_english_count(counts["manifestations"]),
        "abs_en_n_causes": format_english_count(counts["causes"]),
        "abs_en_regions": format_english_count(counts["regions"]),
        "abs_en_groups": format_english_count(counts["groups"]),
        "abs_en_measures": format_english_count(counts["measures"]),
        "abs_en_file": survey_file_label(),
        "abs_en_n": format_english_count(len(survey)),
        "abs_en_data_status": survey_sentence("abs_data_status", state, "en"),
        "abs_en_not_asked": MystText(not_asked_en),
        "abs_en_results_head": survey_sentence("abs_results_head", state, "en"),
        "abs_en_results_tail": survey_sentence("abs_results_tail", state, "en"),
        **agreement_en,
        **best_en,
        **directions_en,
    }
    checks = {**summary.checks, "数据状态": state.kind, "合成行数": state.synthetic_rows}
    return AbstractResult(survey_state=state, headlines=summary.headlines, texts=texts, texts_en=texts_en,
                          checks=checks)
