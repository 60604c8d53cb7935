"""The conclusion: the one-minute table of measures, the answers to the research questions, limits, next steps.

J province's deployment (cadres, villages) from the sourced tables; the share
of respondents whose score on each of the four manifestation scales reaches
"比较同意" (with Wilson intervals), the highest and the lowest (ties named) and
a paired McNemar test of their difference (the same respondents answered both;
never a reading of interval overlap); the regional cases as chapter 四 counts
them; the eleven measures with what supports them (the book's reading of the
theory, the national policy the book has read, and the survey as its state
allows: demonstration data are not evidence) and chapter 五's best rated
measure with its paired tests (chapter 五 chooses it, :func:`countermeasures.rated_extremes`).
Sentences on the survey follow its state. Manifestation scales the
questionnaire did not ask are left out; with none asked (or no question 12)
the sentence says what could not be computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.chapters import countermeasures, regional_experience
from zhucun.data.sourced_tables import deployment_value
from zhucun.data.survey import DataState, coverage, data_state, load_survey
from zhucun.prose.data_description import not_asked_sentence, survey_sentence, survey_source
from zhucun.prose.formatting import format_chinese_count, format_count, format_p_clause, format_p_value, format_percent
from zhucun.prose.glue import MystText
from zhucun.prose.wording import count_phrase, quoted_list, share_word
from zhucun.stats.likert import scale_agreement, scale_scores
from zhucun.stats.paired_comparisons import mcnemar_test
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
    support_table: pd.DataFrame         # tbl-ch6-measures: the eleven measures and what supports each
    texts: dict[str, str]               # glue name → text of the prose
    checks: dict[str, object]           # the headline numbers the pinned cell prints


_AGREEMENT_FIGURE = (
    "```{glue:figure} fig-ch6-manifestation-agreement\n"
    ":name: fig-ch6-manifestation-agreement\n"
    "\n"
    "$count种困境表现的同意比例及95%区间\n"
    "```"
)


def support_strength(policy: str, survey_state: str, share: float | None) -> str:
    """How strong the support of one measure is, in words, from its policy basis and the survey's state.

    *policy* is the measure's policy note (starting "间接" when the book found an indirect national basis);
    *survey_state* is "synthetic", "mixed" or "real"; *share* the share rating 4–5 (None: not asked).
    The survey counts only when its rows are real; then the share's quantity word says how many found it helpful.
    """
    parts = ["理论推演（本书）"]
    parts.append("间接政策依据" if policy.startswith("间接") else "无已知政策依据")
    if share is None:
        parts.append("问卷未问到")
    elif survey_state != "real":
        parts.append("问卷不计入")
    else:
        parts.append(f"问卷：{share_word(share)}受访者评4–5分")
    return "；".join(parts)


def _tied(frame: pd.DataFrame, share: float) -> pd.DataFrame:
    return frame[frame["share"] == share]


def _quoted(name: str, rows: pd.DataFrame) -> str:
    """The glue role of a name, in quotation marks when it is one name (a tie's list quotes each itself)."""
    return f"“{{glue}}`{name}`”" if len(rows) == 1 else f"{{glue}}`{name}`"


def _agreement_prose(survey: pd.DataFrame, agreement: pd.DataFrame) -> dict[str, str]:
    """What the data show on the manifestations: the highest and lowest share agreeing, their paired test."""
    cover = coverage(survey)
    missing = cover.scales_not_asked("manifestation")
    figure = _AGREEMENT_FIGURE.replace("$count", format_chinese_count(len(agreement)))
    lead = "在{glue}`ch6_data_kind`（{glue}`ch6_n`份）中，"
    if len(agreement) == 0:
        return {"ch6_agreement_sentence": MystText(lead + not_asked_sentence(missing, "各表现同意比例的比较")),
                "ch6_agreement_figure": MystText("")}
    note = not_asked_sentence(missing, "这里的比较", partial=True)
    high, low = agreement.loc[agreement["share"].idxmax()], agreement.loc[agreement["share"].idxmin()]
    texts = {"ch6_high_scale": high["name"], "ch6_high_share": format_percent(high["share"]),
             "ch6_high_word": share_word(high["share"]), "ch6_agreement_figure": MystText(figure)}
    if len(agreement) == 1:
        texts["ch6_agreement_sentence"] = MystText(
            note + lead + "问卷问到的唯一一种表现“{glue}`ch6_high_scale`”，量表得分达到“比较同意”的比例为"
            "{glue}`ch6_high_share`（{glue}`ch6_high_word`答卷，{numref}`fig-ch6-manifestation-agreement`）。")
        return texts
    highest, lowest = _tied(agreement, high["share"]), _tied(agreement, low["share"])
    if len(highest) == len(agreement):
        texts["ch6_agreement_sentence"] = MystText(
            note + lead + "问到的各种表现量表得分达到“比较同意”的比例都是{glue}`ch6_high_share`，没有高低之分"
            "（{numref}`fig-ch6-manifestation-agreement`）。")
        return texts
    scores = scale_scores(survey, kind="manifestation")
    test = mcnemar_test(scores[high["scale"]], scores[low["scale"]])
    # A single name is quoted by the sentence (the abstract reads it bare), a tie by quoted_list.
    texts |= {"ch6_high_scale": high["name"] if len(highest) == 1 else quoted_list(highest["name"]),
              "ch6_low_scale": low["name"] if len(lowest) == 1 else quoted_list(lowest["name"]),
              "ch6_low_share": format_percent(low["share"]), "ch6_low_word": share_word(low["share"]),
              "ch6_high_tie": "并列最高" if len(highest) > 1 else "最高",
              "ch6_low_tie": "并列最低" if len(lowest) > 1 else "最低",
              "ch6_high_low_p": format_p_value(test["p"]),
              # The difference is judged by a paired test of it (the same respondents answered both scales).
              "ch6_high_low_overlap": ("两者由同一批受访者作答，配对的McNemar检验" + format_p_clause(test["p"])
                                       + "，差别" + ("显著" if test["p"] < countermeasures.LEVEL else "不显著"))}
    texts["ch6_agreement_sentence"] = MystText(
        note + lead + "量表得分达到“比较同意”的比例以" + _quoted("ch6_high_scale", highest) + "{glue}`ch6_high_tie`，"
        "为{glue}`ch6_high_share`（{glue}`ch6_high_word`答卷），以" + _quoted("ch6_low_scale", lowest)
        + "{glue}`ch6_low_tie`，"
        "为{glue}`ch6_low_share`；{glue}`ch6_high_low_overlap`（{numref}`fig-ch6-manifestation-agreement`）。")
    return texts


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


def _support_table(measures: countermeasures.CountermeasuresResult, state: DataState) -> pd.DataFrame:
    """tbl-ch6-measures: the eleven measures in the framework's order, what supports each, how strongly."""
    codebook = measures.framework.codebook
    ratings = None if measures.ratings is None else ranked(measures.ratings).set_index("measure")
    weighted = None if measures.weighted is None else measures.weighted.set_index("measure")
    rows = []
    for measure in measures.framework.measures:
        basis = countermeasures.MEASURE_BASIS[measure.id]
        share = None if ratings is None else float(ratings.loc[measure.id, "share"])
        if share is None:
            survey_cell = "问卷未问到"
        elif state.kind == "real":
            survey_cell = (f"{survey_sentence('ch6_survey_evidence', state)}：{format_percent(share)}"
                           f"（加权{format_percent(weighted.loc[measure.id, 'share'])}）")
        else:
            survey_cell = survey_sentence("ch6_survey_evidence", state)
        rows.append({"对策组": codebook.scale(measure.group).name, "对策": codebook.question_text(measure.id),
                     "理论依据（本书解读）": basis["theory"], "国家政策依据": basis["policy"],
                     "问卷": survey_cell, "依据强度": support_strength(basis["policy"], state.kind, share)})
    return pd.DataFrame(rows)


def _measure_texts(survey: pd.DataFrame, measures: countermeasures.CountermeasuresResult) -> dict[str, str]:
    """The answer on how to resolve the predicament: policy basis counted, the best rated measure (labelled)."""
    indirect = sum(basis["policy"].startswith("间接") for basis in countermeasures.MEASURE_BASIS.values())
    total = len(measures.framework.measures)
    texts = {"ch6_policy_phrase": count_phrase(
        indirect, total, none="{total}项对策在本书读到的国家文件里都找不到依据",
        some="{total}项对策中，只有{count}项能在本书读到的国家文件里找到间接依据，其余的没有找到",
        every="{total}项对策都能在本书读到的国家文件里找到间接依据")}
    if measures.top is None:  # question 12 not asked
        texts["ch6_best_sentence"] = MystText(countermeasures.not_rated_sentence(survey))
        return texts
    five = measures.texts
    texts |= {"ch6_best_measure": five["ch5_top_measure"], "ch6_best_share": five["ch5_top_share"],
              "ch6_best_wshare": five["ch5_top_wshare"], "ch6_best_pairs": five["ch5_pairs_phrase"],
              "ch6_best_roles": five["ch5_roles_phrase"]}
    if len(measures.top_tied) == total:
        sentence = ("在{glue}`ch6_data_kind`中，受访者对全部对策的获评比例相同，都是{glue}`ch6_best_share`，"
                    "分不出评价最高的一项。")
    else:
        tie = "并列的" if len(measures.top_tied) > 1 else ""
        quote = ("{glue}`ch6_best_measure`" if len(measures.top_tied) > 1 else "“{glue}`ch6_best_measure`”")
        sentence = (f"在{{glue}}`ch6_data_kind`中，认为帮助较大或很大的比例最高的对策是{tie}{quote}，"
                    "为{glue}`ch6_best_share`（加权{glue}`ch6_best_wshare`）。它与其余各项逐一做配对的McNemar检验并作Holm"
                    "校正：{glue}`ch6_best_pairs`。两类驻村身份用Fisher精确检验比较：{glue}`ch6_best_roles`。")
    texts["ch6_best_sentence"] = MystText(sentence)
    return texts


def analyse(survey: pd.DataFrame | None = None) -> ConclusionResult:
    """The conclusion's numbers and words from the committed data (or from *survey*)."""
    survey = load_survey() if survey is None else survey
    state = data_state(survey)
    agreement = scale_agreement(survey)
    high = low = None
    if len(agreement):
        high, low = agreement.loc[agreement["share"].idxmax()], agreement.loc[agreement["share"].idxmin()]
    cases = regional_experience.analyse()
    measures = countermeasures.analyse(survey)
    best = measures.top
    texts = {
        "ch6_cadres": format_count(deployment_value("cadres_total")),
        "ch6_villages": format_count(deployment_value("villages_assisted")),
        "ch6_n": format_count(len(survey)),
        "ch6_data_kind": survey_sentence("ch6_data_kind", state),
        "ch6_show_label": survey_sentence("ch6_show_label", state),
        "ch6_cause_link": survey_sentence("ch6_cause_link", state),
        **_agreement_prose(survey, agreement),
        "ch6_groups": format_count(measures.n_groups),
        "ch6_measures": format_count(measures.n_measures),
        **_regional_texts(cases.found, len(cases.cases)),
        **_measure_texts(survey, measures),
        "ch6_limit_data": survey_sentence("ch6_limit_data", state),
        "ch6_swap": survey_sentence("ch6_swap", state),
    }
    chart_data = None if high is None else agreement.rename(columns=_CHART_COLUMNS)[
        ["困境表现", "有效人数", "同意比例", "95%区间下限", "95%区间上限"]]
    checks = {"样本量": len(survey), "最高表现": None if high is None else high["scale"],
              "最高比例": None if high is None else round(float(high["share"]), 4),
              "最低表现": None if low is None else low["scale"],
              "最低比例": None if low is None else round(float(low["share"]), 4),
              "最高对策": None if best is None else measures.top_tied,
              "最高对策比例": None if best is None else round(float(best["share"]), 4)}
    return ConclusionResult(survey_state=state, survey_source=survey_source(state), agreement=agreement, high=high,
                            low=low, agreement_chart_data=chart_data, count_word=format_chinese_count(len(agreement)),
                            best=best, measure_ranking=None if best is None else ranked(measures.ratings),
                            n_regions=len(cases.cases), support_table=_support_table(measures, state),
                            texts=texts, checks=checks)
