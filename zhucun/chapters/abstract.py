"""摘要 and Abstract: the book's one-minute summary, in Chinese and in English, each number taken from a chapter.

The research question and the thesis's method are the thesis's (as its
abstract and introduction state them); the counts in them come from the data
the chapters read: the thesis's sample from the sourced tables, the
manifestations and causes from the codebook, the regions as chapter 四 counts
them, the groups and measures of chapter 五's framework. The results are the
conclusion's (``conclusion.analyse``): the manifestation scale with the highest
share agreeing and the one with the lowest, and chapter 五's best rated
measure. Ties are named as ties. A block the questionnaire did not ask is named
instead of its result. The sentences on what the data are come from
:mod:`zhucun.prose.data_description` in the survey's state, in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.chapters import conclusion, countermeasures
from zhucun.data.codebook import load_codebook
from zhucun.data.framework import load_countermeasure_framework
from zhucun.data.sourced_tables import deployment_value
from zhucun.data.survey import DataState, coverage, data_state, load_survey, survey_file_label
from zhucun.prose.data_description import (
    not_asked_clause,
    not_asked_sentence,
    not_asked_sentence_en,
    survey_sentence,
)
from zhucun.prose.english import english_name
from zhucun.prose.formatting import format_chinese_count, format_count, format_english_count, format_share
from zhucun.prose.glue import MystText
from zhucun.prose.wording import share_word, share_word_en


@dataclass(frozen=True)
class AbstractResult:
    survey_state: DataState
    texts: dict[str, str]      # glue name → text of the 摘要 page
    texts_en: dict[str, str]   # glue name → text of the English Abstract page
    checks: dict[str, object]  # the headline numbers the pinned cells print


def _zh_list(names: list[str]) -> str:
    """'“A”', '“A”和“B”', '“A”、“B”和“C”'."""
    quoted = [f"“{name}”" for name in names]
    return quoted[0] if len(quoted) == 1 else "、".join(quoted[:-1]) + "和" + quoted[-1]


def _en_list(names: list[str]) -> str:
    """'“A”', '“A” and “B”', '“A”, “B” and “C”'."""
    quoted = [f"“{name}”" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _tied(frame: pd.DataFrame, share: float) -> pd.DataFrame:
    """The rows of *frame* whose share equals *share* (the shares are exact fractions, so equal means tied)."""
    return frame[frame["share"] == share]


def _agreement_texts(survey: pd.DataFrame, result: conclusion.ConclusionResult) -> tuple[dict, dict]:
    """The sentence on the manifestations in both languages, with the numbers it glues."""
    agreement = result.agreement
    missing = coverage(survey).scales_not_asked("manifestation")
    if len(agreement) == 0:
        return ({"abs_agreement_sentence": MystText(not_asked_sentence(missing, "各困境表现同意比例的比较"))},
                {"abs_en_agreement_sentence": MystText(
                    not_asked_sentence_en(missing, "the comparison of agreement across the manifestations"))})
    high, low = result.high, result.low
    highest, lowest = _tied(agreement, high["share"]), _tied(agreement, low["share"])
    zh = {"abs_scale_count": format_chinese_count(len(agreement)), "abs_high_share": format_share(high["share"]),
          "abs_high_word": share_word(high["share"]), "abs_high_scale": _zh_list(list(highest["name"])),
          "abs_low_share": format_share(low["share"]), "abs_low_scale": _zh_list(list(lowest["name"]))}
    en = {"abs_en_scale_count": format_english_count(len(agreement)),
          "abs_en_high_share": format_share(high["share"]), "abs_en_high_word": share_word_en(high["share"]),
          "abs_en_high_scale": _en_list([english_name(s) for s in highest["scale"]]),
          "abs_en_low_share": format_share(low["share"]),
          "abs_en_low_scale": _en_list([english_name(s) for s in lowest["scale"]])}
    note_zh = not_asked_sentence(missing, "这里的比较", partial=True)
    note_en = not_asked_sentence_en(missing, "this comparison", partial=True)
    score_zh = "量表平均分达到4分（“比较同意”）及以上的受访者比例"
    score_en = "the share of respondents averaging 4 (“somewhat agree”) or more on the scale"
    if len(agreement) == 1:
        zh_sentence = (f"问卷只问到一种困境表现{{glue}}`abs_high_scale`，{score_zh}为{{glue}}`abs_high_share`"
                       "（{glue}`abs_high_word`受访者）。")
        en_sentence = (f"The questionnaire asked about one manifestation only, {{glue}}`abs_en_high_scale`: "
                       f"{score_en} is {{glue}}`abs_en_high_share` ({{glue}}`abs_en_high_word` the respondents). ")
    elif len(highest) == len(agreement):  # every scale at the same share
        zh_sentence = (f"在问卷问到的{{glue}}`abs_scale_count`种困境表现中，{score_zh}都是{{glue}}`abs_high_share`"
                       "（{glue}`abs_high_word`受访者），没有高低之分。")
        en_sentence = (f"On all {{glue}}`abs_en_scale_count` manifestations the questionnaire asked about, "
                       f"{score_en} is the same, {{glue}}`abs_en_high_share` ({{glue}}`abs_en_high_word` the "
                       "respondents). ")
    else:
        tie_zh = "并列最高" if len(highest) > 1 else "最高"
        tie_low_zh = "并列最低" if len(lowest) > 1 else "最低"
        tie_en = "jointly highest" if len(highest) > 1 else "highest"
        tie_low_en = "jointly lowest" if len(lowest) > 1 else "lowest"
        single = len(highest) == 1 and len(lowest) == 1
        zh["abs_high_low_overlap"] = result.texts["ch6_high_low_overlap"]
        if single:  # the conclusion's paired test of the two (never the overlap of their intervals)
            shown = result.texts["ch6_high_low_p"]
            p_clause = f"p < {shown[1:]}" if shown.startswith("<") else f"p = {shown}"
            significant = result.texts["ch6_high_low_overlap"].endswith("差别显著")
            en["abs_en_high_low_overlap"] = (
                f"the same respondents answered both, and a paired McNemar test gives {p_clause}: the difference is "
                + ("significant" if significant else "not significant, so which is higher is not settled"))
        zh_sentence = (f"在问卷问到的{{glue}}`abs_scale_count`种困境表现中，{score_zh}以{{glue}}`abs_high_scale`"
                       f"{tie_zh}，为{{glue}}`abs_high_share`（{{glue}}`abs_high_word`受访者），"
                       f"以{{glue}}`abs_low_scale`{tie_low_zh}，为{{glue}}`abs_low_share`"
                       + ("，{glue}`abs_high_low_overlap`。" if single else "。"))
        en_sentence = (f"Of the {{glue}}`abs_en_scale_count` manifestations asked about, {score_en} "
                       f"is {tie_en} for {{glue}}`abs_en_high_scale`, at {{glue}}`abs_en_high_share` "
                       f"({{glue}}`abs_en_high_word` the respondents), and {tie_low_en} for "
                       "{glue}`abs_en_low_scale`, at {glue}`abs_en_low_share`"
                       + ("; {glue}`abs_en_high_low_overlap`. " if single else ". "))
        if not single:
            del zh["abs_high_low_overlap"]
    zh["abs_agreement_sentence"] = MystText(note_zh + zh_sentence)
    en["abs_en_agreement_sentence"] = MystText(note_en + en_sentence)
    return zh, en


def _best_texts(survey: pd.DataFrame, result: conclusion.ConclusionResult) -> tuple[dict, dict]:
    """The sentence on the best rated measure (chapter 五's) in both languages, with the numbers it glues."""
    best, ranking = result.best, result.measure_ranking
    if best is None:  # question 12 not asked
        missing = coverage(survey).not_asked("countermeasures")
        return ({"abs_best_sentence": MystText(countermeasures.not_rated_sentence(survey))},
                {"abs_en_best_sentence": MystText(
                    not_asked_sentence_en(missing, "the respondents' ratings of the countermeasures") + " ")})
    top = _tied(ranking, best["share"])
    zh = {"abs_best_measure": _zh_list(list(top["label"])), "abs_best_share": format_share(best["share"]),
          "abs_best_word": share_word(best["share"])}
    en = {"abs_en_best_measure": _en_list([english_name(m) for m in top["measure"]]),
          "abs_en_best_share": format_share(best["share"]), "abs_en_best_word": share_word_en(best["share"])}
    helpful_zh = "认为帮助较大或很大的比例"
    helpful_en = "rated as helping much or very much"
    if len(top) == len(ranking) and len(top) > 1:
        zh["abs_measure_count"] = format_count(len(ranking))
        en["abs_en_measure_count"] = format_english_count(len(ranking))
        zh_sentence = (f"受访者对全部{{glue}}`abs_measure_count`项对策的评价相同，{helpful_zh}都是"
                       "{glue}`abs_best_share`（{glue}`abs_best_word`受访者）。")
        en_sentence = (f"All {{glue}}`abs_en_measure_count` countermeasures are {helpful_en} by the same share of "
                       "respondents, {glue}`abs_en_best_share` ({glue}`abs_en_best_word` the respondents). ")
    elif len(top) > 1:
        zh_sentence = (f"受访者评价最高的对策是并列的{{glue}}`abs_best_measure`，"
                       f"{helpful_zh}都是{{glue}}`abs_best_share`"
                       "（{glue}`abs_best_word`受访者）。")
        en_sentence = (f"The countermeasures {helpful_en} by the largest share of respondents are, jointly, "
                       "{glue}`abs_en_best_measure`, each at {glue}`abs_en_best_share` "
                       "({glue}`abs_en_best_word` the respondents). ")
    else:
        zh_sentence = (f"受访者评价最高的对策是{{glue}}`abs_best_measure`，{helpful_zh}为{{glue}}`abs_best_share`"
                       "（{glue}`abs_best_word`受访者）。")
        en_sentence = (f"The countermeasure {helpful_en} by the largest share of respondents is "
                       "{glue}`abs_en_best_measure`, at {glue}`abs_en_best_share` "
                       "({glue}`abs_en_best_word` the respondents). ")
    zh["abs_best_sentence"] = MystText(zh_sentence)
    en["abs_en_best_sentence"] = MystText(en_sentence)
    return zh, en


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
    agreement_zh, agreement_en = _agreement_texts(survey, summary)
    best_zh, best_en = _best_texts(survey, summary)
    texts = {
        "abs_thesis_n": format_count(counts["thesis_n"]),
        "abs_manifestations": "、".join(scale.name for scale in manifestations),
        "abs_n_manifestations": format_chinese_count(counts["manifestations"]),
        "abs_n_causes": format_chinese_count(counts["causes"]),
        "abs_regions": format_count(counts["regions"]),
        "abs_groups": format_count(counts["groups"]),
        "abs_measures": format_count(counts["measures"]),
        "abs_file": survey_file_label(),
        "abs_n": summary.texts["ch6_n"],
        "abs_data_status": survey_sentence("abs_data_status", state) + not_asked_clause(not_asked, "书中各章的分析"),
        "abs_results_head": survey_sentence("abs_results_head", state),
        "abs_results_tail": survey_sentence("abs_results_tail", state),
        **agreement_zh,
        **best_zh,
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
    }
    checks = {**summary.checks, "数据状态": state.kind, "合成行数": state.synthetic_rows}
    return AbstractResult(survey_state=state, texts=texts, texts_en=texts_en, checks=checks)
