"""The conclusion: the one-minute table of measures, the answers to the research questions, limits, next steps.

J province's deployment (cadres, villages) from the sourced tables; the 普遍程度
of each manifestation scale asked (share scoring at least 4, Wilson interval) and the
book's headline on them, the most common manifestation, its paired test and difference
against the runner-up and its generator label
(:func:`zhucun.stats.headlines.strongest_manifestation`, worded by
:func:`zhucun.prose.headline_wording.leader_sentence`, as chapter 三 and the
abstract state it); the regional cases as chapter 四 counts them; the eleven
measures with what supports them (the book's reading of the theory, the
national policy the book has read, and the survey as its state allows:
demonstration data are not evidence) and chapter 五's best rated measure (the
other headline) with its paired test, difference and generator label. What the
policy texts say comes from ``data/policy_provisions.yml`` (the parts the book
read); the book's judgement on adopting each measure (level, cost, gain,
precondition, pilot outcome, batch) from ``data/measure_adoption.yml``. Sentences on the survey follow its
state. Manifestation scales the questionnaire did not ask are left out; with
none asked (or no question 12) the sentence says what could not be computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.chapters import countermeasures, regional_experience
from zhucun.charts.timeline import chinese_date
from zhucun.data.authored_tables import (
    POLICY_STATUS_WORDS,
    load_measure_adoption,
    load_measure_basis,
    load_policy_provisions,
)
from zhucun.data.sourced_tables import deployment_value, load_deployment
from zhucun.data.survey import DataState, coverage, data_state, load_survey
from zhucun.number_format import format_chinese_amount, format_count, format_share
from zhucun.prose.data_description import leader_label, not_asked_sentence, survey_sentence, survey_source
from zhucun.prose.glue import MystText
from zhucun.prose.headline_wording import leader_sentence
from zhucun.prose.wording import count_phrase, quoted_list, share_word, uncertain_share_word
from zhucun.stats.headlines import HeadlineResults, strongest_manifestation
from zhucun.stats.likert import scale_means, scale_prevalence
from zhucun.stats.ratings import ranked

# Chart columns: the Chinese header of each column of the manifestations' 普遍程度 shown.
_CHART_COLUMNS = {"name": "困境表现", "n": "有效人数", "share": "普遍程度", "low": "95%区间下限",
                  "high": "95%区间上限"}


@dataclass(frozen=True)
class ConclusionResult:
    survey_state: DataState
    survey_source: str  # the survey part of a source line
    headlines: HeadlineResults          # the book's headline results (zhucun.stats.headlines), as stated here
    means: pd.DataFrame                 # per manifestation scale asked: its 强度, mean score with t interval
    prevalence: pd.DataFrame            # per manifestation scale asked: its 普遍程度 (scale_prevalence)
    score_chart_data: pd.DataFrame | None  # fig-ch6-manifestation-scores: 普遍程度 (None when no scale was asked)
    count_word: str                     # how many manifestations were asked, in Chinese numerals
    n_regions: int                      # the regional cases of chapter 四
    support_table: pd.DataFrame         # tbl-ch6-measures: the eleven measures and what supports each
    adoption_table: pd.DataFrame        # tbl-ch6-adoption: the book's judgement: who adopts, pays, gains
    pilot_table: pd.DataFrame           # tbl-ch6-pilot: the book's judgement: what first, what a pilot measures
    texts: dict[str, str]               # glue name → text of the prose
    checks: dict[str, object]           # the headline numbers the pinned cell prints


_SCORES_FIGURE = (
    "```{glue:figure} fig-ch6-manifestation-scores\n"
    ":name: fig-ch6-manifestation-scores\n"
    "\n"
    "$count种困境表现的普遍程度（量表得分达到4分的受访者比例）及95%区间\n"
    "```"
)


def support_strength(policy_status: str, survey_state: str, share: float | None,
                     interval: tuple[float, float, float] | None = None) -> str:
    """How strong the support of one measure is, in words, from its policy basis and the survey's state.

    *policy_status* is what the parts read of the national texts say on it (a key of POLICY_STATUS_WORDS);
    *survey_state* is "synthetic", "mixed" or "real"; *share* the share rating 4–5 (None: not asked).
    The survey counts only when its rows are real; then the share's quantity word says how many found it helpful,
    a word that holds under *interval* (low, high, weighted share) when given (uncertain_share_word).
    """
    parts = ["理论推演（本书）"]
    parts.append(POLICY_STATUS_WORDS[policy_status])
    if share is None:
        parts.append("问卷未问到")
    elif survey_state != "real":
        parts.append("问卷不计入")
    else:
        word = share_word(share) if interval is None else uncertain_share_word(share, *interval)
        parts.append(f"问卷：{word}受访者评4–5分")
    return "；".join(parts)


def _strongest_prose(survey: pd.DataFrame, headlines: HeadlineResults, means: pd.DataFrame,
                     state: DataState) -> dict[str, str]:
    """What the data show on the manifestations: the most common (the book's headline), its paired test and
    difference, and whether the generator set that order."""
    missing = coverage(survey).scales_not_asked("manifestation")
    lead = "在{glue}`ch6_data_kind`（{glue}`ch6_n`份）中，"
    leader = headlines.strongest_manifestation
    if leader is None:
        return {"ch6_strongest_sentence": MystText(lead + not_asked_sentence(missing, "各表现普遍程度的比较")),
                "ch6_scores_figure": MystText("")}
    note = not_asked_sentence(missing, "这里的比较", partial=True)
    texts = {"ch6_strongest_name": quoted_list(leader.labels), "ch6_strongest_mean": format_share(leader.value),
             "ch6_scores_figure": MystText(_SCORES_FIGURE.replace("$count", format_chinese_amount(len(means))))}
    if len(means) == 1:
        body = "问卷问到的唯一一种表现{glue}`ch6_strongest_name`，普遍程度为{glue}`ch6_strongest_mean`"
    else:
        texts["ch6_strongest_leader"] = leader_sentence(leader, "普遍程度（量表得分达到4分的受访者比例）",
                                                        format_share, label=leader_label(leader, "scale", state))
        body = "就问到的" + format_chinese_amount(len(means)) + "种表现而言，{glue}`ch6_strongest_leader`"
    texts["ch6_strongest_sentence"] = MystText(note + lead + body + "（{numref}`fig-ch6-manifestation-scores`）。")
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
    policy = load_policy_provisions()
    for measure in measures.framework.measures:
        basis, reading = load_measure_basis()[measure.id], policy[measure.id]
        articles = "—" if reading.status == "silent_in_read_part" else reading.articles
        share = None if ratings is None else float(ratings.loc[measure.id, "share"])
        if share is None:
            survey_cell = "问卷未问到"
        elif state.kind == "real":
            survey_cell = (f"{survey_sentence('ch6_survey_evidence', state)}：{format_share(share)}"
                           f"（加权{format_share(weighted.loc[measure.id, 'share'])}）")
        else:
            survey_cell = survey_sentence("ch6_survey_evidence", state)
        rows.append({"对策组": codebook.scale(measure.group).name, "对策": codebook.question_text(measure.id),
                     "理论依据（本书解读）": basis["theory"], "国家政策文件（所读部分）": articles,
                     "问卷": survey_cell, "依据强度": support_strength(
                         reading.status, state.kind, share, None if share is None else (
                             float(ratings.loc[measure.id, "low"]), float(ratings.loc[measure.id, "high"]),
                             float(weighted.loc[measure.id, "share"])))})
    return pd.DataFrame(rows)


def policy_phrase(statuses: list[str]) -> str:
    """How many measures the parts read of the national texts, with the news summaries of them read, support,
    limit, touch or leave aside, in words. A summary is not an article, so no word says 条文.

    Categories with no measure are left out; when every measure falls in one category the sentence says so."""
    total = len(statuses)
    if total == 0:
        raise ValueError("no measures to count")
    counts = {status: statuses.count(status) for status in POLICY_STATUS_WORDS}
    clauses = {"supports": "有依据支持的{count}项", "limits": "受规定约束的{count}项",
               "related": "有相关内容而未作规定的{count}项", "silent_in_read_part": "所读内容未涉及的{count}项"}
    present = [status for status in POLICY_STATUS_WORDS if counts[status]]
    lead = f"在本书读到的国家文件部分和新闻摘要中，{format_count(total)}项对策"
    if len(present) == 1:
        return lead + {"supports": "都有依据支持", "limits": "都受规定约束", "related": "都只有相关内容而未作规定",
                       "silent_in_read_part": "都未被涉及"}[present[0]]
    listed = "，".join(clauses[status].format(count=format_count(counts[status])) for status in present)
    return f"{lead}里{listed}"


def _adoption_tables(measures: countermeasures.CountermeasuresResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The book's judgement on each measure in the suggested order (batch, then the framework's order):
    tbl-ch6-adoption (who adopts it, who pays, who gains) and tbl-ch6-pilot (what first, what a pilot measures),
    two narrow tables rather than one wide one, for a phone."""
    plan = load_measure_adoption()
    codebook = measures.framework.codebook
    order = [(m.id, plan.measures[m.id]) for m in
             sorted(measures.framework.measures, key=lambda measure: plan.measures[measure.id].batch)]
    adoption = pd.DataFrame([{"次序": a.batch_name, "对策": codebook.question_text(m), "谁能采纳": a.level,
                              "成本在谁 → 谁先受益": f"{a.cost} → {a.gain}"} for m, a in order])
    pilot = pd.DataFrame([{"对策": codebook.question_text(m), "先要具备": a.precondition,
                           "试行时测什么": a.pilot_outcome} for m, a in order])
    return adoption, pilot


def _measure_texts(survey: pd.DataFrame, measures: countermeasures.CountermeasuresResult) -> dict[str, str]:
    """The answer on how to resolve the predicament: policy basis counted, the best rated measure (labelled)."""
    total = len(measures.framework.measures)
    plan = load_measure_adoption()
    texts = {"ch6_policy_phrase": policy_phrase([reading.status for reading in load_policy_provisions().values()]),
             "ch6_pilot_design": plan.pilot_design, "ch6_pilot_outcomes": plan.pilot_outcomes,
             **{f"ch6_batch{batch}_reason": reason for batch, reason in plan.batch_reasons.items()}}
    if measures.top is None:  # question 12 not asked
        texts["ch6_best_sentence"] = MystText(countermeasures.not_rated_sentence(survey))
        return texts
    best = measures.best
    if len(measures.top_tied) == total:
        texts["ch6_best_share"] = format_share(best.value)
        sentence = ("在{glue}`ch6_data_kind`中，受访者对全部对策的获评程度相同，都是{glue}`ch6_best_share`，"
                    "分不出评价最高的一项。")
    else:
        texts["ch6_best_leader"] = leader_sentence(best, "获评程度（认为帮助较大或很大的受访者比例）", format_share,
                                                   label=leader_label(best, "measure", measures.survey_state))
        sentence = ("在{glue}`ch6_data_kind`中，{glue}`ch6_best_leader`；"
                    "其余各项与它的配对比较和两类身份的比较见第五章。")
    texts["ch6_best_sentence"] = MystText(sentence)
    return texts


def analyse(survey: pd.DataFrame | None = None) -> ConclusionResult:
    """The conclusion's numbers and words from the committed data (or from *survey*)."""
    survey = load_survey() if survey is None else survey
    state = data_state(survey)
    means = scale_means(survey)
    prevalence = scale_prevalence(survey)
    cases = regional_experience.analyse()
    measures = countermeasures.analyse(survey)
    # 五 has already tested its best measure; the headlines take it rather than test it again
    headlines = HeadlineResults(strongest_manifestation(survey), measures.best)
    best = measures.top
    texts = {
        "ch6_cadres": format_count(deployment_value("cadres_total")),
        "ch6_villages": format_count(deployment_value("villages_assisted")),
        "ch6_rotation_date": chinese_date(load_deployment().set_index("indicator").loc["cadres_rotated_2023", "date"]),
        "ch6_rotated": format_count(deployment_value("cadres_rotated_2023")),
        "ch6_term_years": format_count(deployment_value("term_years")),
        "ch6_n": format_count(len(survey)),
        "ch6_data_kind": survey_sentence("ch6_data_kind", state),
        "ch6_show_label": survey_sentence("ch6_show_label", state),
        "ch6_cause_link": survey_sentence("ch6_cause_link", state),
        **_strongest_prose(survey, headlines, means, state),
        "ch6_groups": format_count(measures.n_groups),
        "ch6_measures": format_count(measures.n_measures),
        **_regional_texts(cases.found, len(cases.cases)),
        **_measure_texts(survey, measures),
        "ch6_limit_data": survey_sentence("ch6_limit_data", state),
        "ch6_swap": survey_sentence("ch6_swap", state),
    }
    strongest = headlines.strongest_manifestation
    adoption, pilot = _adoption_tables(measures)
    chart_data = (None if strongest is None
                  else prevalence.rename(columns=_CHART_COLUMNS)[list(_CHART_COLUMNS.values())])
    checks = {"样本量": len(survey), "最强表现": None if strongest is None else strongest.ids,
              "最普遍表现比例": None if strongest is None else round(strongest.value, 4),
              "最强表现配对p": None if strongest is None else round(strongest.p_value, 4),
              "最高对策": None if best is None else measures.top_tied,
              "最高对策比例": None if best is None else round(float(best["share"]), 4)}
    return ConclusionResult(survey_state=state, survey_source=survey_source(state), headlines=headlines, means=means,
                            prevalence=prevalence,
                            score_chart_data=chart_data, count_word=format_chinese_amount(len(means)),
                            n_regions=len(cases.cases), support_table=_support_table(measures, state),
                            adoption_table=adoption, pilot_table=pilot,
                            texts=texts, checks=checks)
