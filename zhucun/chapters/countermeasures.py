"""Chapter 五's analysis: the chain of data/framework.yml, how common the problems are, how the measures are rated.

The prose is the notebook's; this module returns the typed results, the tables and the glued values.
For the manifestations and causes it gives their 普遍程度 (:func:`zhucun.stats.likert.scale_prevalence`,
the book's one measure of how common a problem is) with a word that holds under its interval and weighted
estimate. From question 12 it gives each measure's 获评程度 (share rating 4–5, Wilson interval, weighted by
role with a Kish-adjusted interval). The best rated measure is the book's headline
(:func:`zhucun.stats.headlines.best_measure`); every other measure is compared with it on the paired
ratings (McNemar with Newcombe's interval of the difference; Wilcoxon with the mean difference and its
t interval; Holm across the pairs) and the two roles on each measure (Fisher with Newcombe's hybrid interval;
Mann–Whitney with Cliff's δ; Holm across the measures). Every ranking and difference the prose states
carries its generator label (:func:`zhucun.prose.data_description.generator_label`). Without question 12
the ratings are None and the notebook shows why they could not be made.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from zhucun.data.framework import Framework, load_countermeasure_framework
from zhucun.data.survey import DataState, coverage, data_state, load_survey
from zhucun.data.synthetic_assumptions import group_difference_basis, measure_order_basis
from zhucun.number_format import (
    format_coefficient,
    format_count,
    format_mean,
    format_p_clause,
    format_p_value,
    format_points,
    format_share,
)
from zhucun.prose.data_description import (
    block_names,
    generator_label,
    leader_label,
    not_asked_sentence,
    survey_sentence,
    survey_source,
)
from zhucun.prose.display_tables import chart_frame
from zhucun.prose.glue import MystText
from zhucun.prose.headline_wording import leader_sentence
from zhucun.prose.wording import cliffs_delta_word, count_phrase, quoted_list, uncertain_share_word
from zhucun.stats.headlines import SHARE_DIGITS, Leader, best_measure, tied_at_extreme
from zhucun.stats.likert import scale_prevalence
from zhucun.stats.paired_comparisons import EXACT_BELOW, compare_groups, compare_pairs
from zhucun.stats.ratings import measure_ratings, ranked
from zhucun.stats.weighted_ratings import weighted_rating_table
from zhucun.stats.weighting import poststratification_weights

LEVEL = 0.05  # significance level of the corrected p-values


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
    problems: pd.DataFrame                 # manifestation and cause scales asked: 普遍程度 (scale_prevalence) + kind
    problems_table: pd.DataFrame           # tbl-ch5-problems
    # The ones below are None when question 12 was not asked.
    ratings: pd.DataFrame | None           # measure_ratings: one row per measure × subgroup (unweighted)
    weighted: pd.DataFrame | None          # weighted share 4–5 per measure, Kish-adjusted Wilson interval
    best: Leader | None                    # the headline: the best rated measure, its paired test and difference
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

    @property
    def rated(self) -> bool:
        """Whether question 12's ratings could be reported (asked, and the roles known for the weights)."""
        return self.ratings is not None


_RATINGS_CAVEAT = (
    "这些评价只说明受访者主观上认为哪些措施有用，并不等于措施实施后的效果；"
    "论文第五章对各项对策的论证正文无法获得，本书也没有J省实施这些措施的任何资料。"
)

MAJORITY_WORDS = ("过半数", "大多数", "绝大多数", "全部")  # uncertain_share_word's words for a clear majority


def not_rated_sentence(survey: pd.DataFrame) -> str:
    """Why no measure could be rated ('' when question 12 was asked); the conclusion says it too."""
    return not_asked_sentence(coverage(survey).not_asked("countermeasures"), "受访者对各项对策的评价")


def _weights(survey: pd.DataFrame) -> pd.Series | None:
    try:
        return poststratification_weights(survey, "role")
    except (KeyError, ValueError):  # a role missing or a stratum empty: no weighted estimate, said as 无法加权
        return None


def _problem_rows(survey: pd.DataFrame, weights: pd.Series | None) -> pd.DataFrame:
    """Manifestation and cause scales asked: their 普遍程度 (scale_prevalence), with *kind*."""
    frames = [scale_prevalence(survey, kind, weights=weights).assign(kind=kind)
              for kind in ("manifestation", "cause")]
    frames = [frame for frame in frames if not frame.empty]  # a kind with no scale asked
    columns = ["scale", "name", "n", "agree", "share", "low", "high", "weighted_share", "weighted_low",
               "weighted_high", "kind"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def _prevalence_word(row) -> str:
    return uncertain_share_word(row.share, row.low, row.high, row.weighted_share)


def _problem_texts(survey: pd.DataFrame, framework: Framework, problems: pd.DataFrame) -> dict[str, str]:
    """Per manifestation and cause of the codebook: the clause the notebook's group paragraphs glue, which says
    how many respondents on the whole agree (a word that holds under the interval and the weighted share), or
    that the questionnaire did not ask."""
    cover, rows = coverage(survey), problems.set_index("scale")
    texts = {}
    for kind in ("manifestation", "cause"):
        for scale in framework.codebook.scales(kind):
            if scale.id in rows.index:
                row = rows.loc[scale.id]
                word = uncertain_share_word(row["share"], row["low"], row["high"], row["weighted_share"])
                # the reason of a 约半数 is given once, in the table's 读作 column and the section's definition
                texts[f"ch5_{scale.id}_clause"] = f"{word.split('（')[0]}受访者总体上同意"
            else:
                texts[f"ch5_{scale.id}_clause"] = (
                    f"无从得知多少受访者同意（当前问卷没有问到{block_names((cover.scale_block(scale.id),))}）")
    return texts


def _interval(share: float, low: float, high: float) -> str:
    return f"{format_share(share)}（{format_share(low)}–{format_share(high)}）"


def _problems_table(problems: pd.DataFrame) -> pd.DataFrame:
    """tbl-ch5-problems: how common each manifestation and cause asked is (普遍程度), unweighted and weighted."""
    if problems.empty:
        return pd.DataFrame([{"类别": "—", "量表": "问卷没有问到任何表现或成因量表", "有效人数": "—",
                              "普遍程度（95%区间）": "—", "加权（95%区间）": "—", "读作": "—"}])
    return pd.DataFrame([{
        "类别": "困境表现" if row.kind == "manifestation" else "困境成因", "量表": row.name,
        "有效人数": format_count(row.n), "普遍程度（95%区间）": _interval(row.share, row.low, row.high),
        "加权（95%区间）": _interval(row.weighted_share, row.weighted_low, row.weighted_high),
        "读作": _prevalence_word(row) + "受访者总体上同意",
    } for row in problems.itertuples()])


def _framework_table(framework: Framework) -> pd.DataFrame:
    """tbl-ch5-framework: each measure's links (data/framework.yml) and why, a doubtful link marked as such."""
    table = framework.measures_table()
    table["连接的理由（本书解读）"] = [
        m.why + (f"【存疑】{m.doubt}" if m.doubtful else "") for m in framework.measures]
    return table


def _framework_texts(framework: Framework, n_respondents: int) -> dict[str, str]:
    codebook = framework.codebook
    texts = {
        "ch5_groups": format_count(len(codebook.scales("countermeasure"))),
        "ch5_measures": format_count(len(framework.measures)),
        "ch5_n": format_count(n_respondents),
    }
    multi = [m for m in framework.measures if len(m.manifestations) > 1]
    texts["ch5_multi_manifestation"] = format_count(len(multi))
    doubtful = [m for m in framework.measures if m.doubtful]
    texts["ch5_doubtful_count"] = format_count(len(doubtful))
    texts["ch5_doubtful_measures"] = (quoted_list(codebook.question_text(m.id) for m in doubtful)
                                      if doubtful else "没有")
    return texts


def _label(survey_state: DataState, basis) -> str:
    return generator_label(basis, survey_state)


def _bottom_sentence(state: DataState, overall: pd.DataFrame, bottom_rows: pd.DataFrame, word: str) -> str:
    """The lowest rated measure(s), a tie as a tie, with the label of its order against the one above it."""
    total, bottom = len(overall), overall.iloc[-1]
    if len(bottom_rows) == total:
        return "因此也没有获评程度最低的一项"
    above = overall.iloc[total - len(bottom_rows) - 1]  # the lowest measure not tied for last
    label = generator_label(measure_order_basis(above["measure"], bottom["measure"]), state)
    names = quoted_list(bottom_rows["label"])
    tie = f"并列的{names}" if len(bottom_rows) > 1 else names
    return (f"获评程度最低的是{tie}（{format_share(bottom['share'])}）{label}，读作{word}受访者认为它帮助较大")


def _ratings_texts(state, ratings, weighted, paired, roles, role_codes, role_labels, best, top_rows, bottom_rows):
    """The values the notebook's ratings section glues (question 12 asked)."""
    overall = ranked(ratings)
    total = len(overall)
    top, bottom = overall.iloc[0], overall.iloc[-1]
    wide = weighted.set_index("measure")
    labels = dict(zip(overall["measure"], overall["label"]))
    all_tied = len(top_rows) == total

    def word(row) -> str:
        return uncertain_share_word(row["share"], row["low"], row["high"], wide.loc[row["measure"], "share"])

    texts = {
        "ch5_top_sentence": ("全部{}项对策的获评程度相同，都是{}，分不出高低".format(
            format_count(total), format_share(top["share"])) if all_tied else
            leader_sentence(best, "获评程度", format_share, label=leader_label(best, "measure", state))),
        "ch5_top_word": word(top),
        "ch5_top_low": format_share(top["low"]), "ch5_top_high": format_share(top["high"]),
        "ch5_top_wshare": format_share(wide.loc[top["measure"], "share"]),
        "ch5_bottom_sentence": _bottom_sentence(state, overall, bottom_rows, word(bottom)),
        "ch5_exact_below": format_count(EXACT_BELOW),
        # the chart's text alternative (not prose): the extremes as the chart shows them
        "ch5_chart_extremes": (f"全体中比例最高的是{quoted_list(top_rows['label'])}（{format_share(top['share'])}），"
                               f"最低的是{quoted_list(bottom_rows['label'])}（{format_share(bottom['share'])}）"),
    }
    words = [word(row) for _, row in overall.iterrows()]
    clear = sum(w in MAJORITY_WORDS for w in words)
    about_half = sum(w.startswith("约半数") for w in words)
    texts["ch5_majority_phrase"] = count_phrase(
        clear, total, none="没有一项对策的获评程度可以确定地说过半（95%区间下限高于一半、加权估计也过半）",
        some="{total}项对策中，获评程度可以确定地说过半（95%区间下限高于一半、加权估计也过半）的有{count}项",
        every="全部{total}项对策的获评程度都可以确定地说过半（95%区间下限高于一半、加权估计也过半）")
    texts["ch5_about_half_phrase"] = count_phrase(
        about_half, total, none="没有一项落在“约半数”之列",
        some="另有{count}项只能说“约半数”（区间含一半，或加权与未加权分处一半两侧）",
        every="全部{total}项都只能说“约半数”")
    # Paired tests: the first-ranked measure against each other one, Holm across these pairs.
    lower = paired[(paired["p_mcnemar_holm"] < LEVEL) & (paired["share_a"] > paired["share_b"])]
    lower_w = paired[(paired["p_wilcoxon_holm"] < LEVEL) & (paired["mean_difference"] > 0)]
    k = len(paired)
    texts |= {
        "ch5_pairs": format_count(k), "ch5_first_measure": top["label"],
        "ch5_pairs_phrase": count_phrase(
            len(lower), k, none="校正后，它与其余任何一项的差别都不显著",
            some="校正后，有{count}项的获评程度显著低于它，其余的差别不显著",
            every="校正后，其余{total}项的获评程度都显著低于它"),
        "ch5_pairs_wilcoxon_phrase": count_phrase(
            len(lower_w), k, none="按评分做的Wilcoxon检验也没有一项显著",
            some="按评分做的Wilcoxon检验，校正后显著的有{count}项",
            every="按评分做的Wilcoxon检验，{total}项都显著"),
    }
    last = paired[paired["b"] == bottom["measure"]]
    if not all_tied and len(last):
        row = last.iloc[0]
        basis = measure_order_basis(top["measure"], bottom["measure"])
        texts["ch5_top_bottom"] = (
            f"排在第一的“{top['label']}”与排在最后的“{bottom['label']}”相比，配对样本中相差"
            f"{format_points(row['difference'])}个百分点（95%区间{format_points(row['difference_low'])}至"
            f"{format_points(row['difference_high'])}个百分点），Holm校正后{format_p_clause(row['p_mcnemar_holm'])}"
            f"{_label(state, basis)}")
    else:
        texts["ch5_top_bottom"] = "各项对策的获评程度相同，没有首尾之差可比"
    # Two roles: independent groups, Fisher's exact test per measure (Newcombe interval, Cliff's δ), Holm.
    role_a, role_b = role_labels
    differing = roles[roles["p_fisher_holm"] < LEVEL]
    def gap(item, difference, low, high) -> str:  # role a minus role b, so a negative gap reads as one
        basis = group_difference_basis("role", item)
        if difference < 0:  # the data put role a below: the assumptions' direction is compared with that
            basis = replace(basis, direction=-basis.direction)
        return (f"{role_a}减{role_b}为{format_points(difference)}个百分点（95%区间{format_points(low)}至"
                f"{format_points(high)}）{_label(state, basis)}")

    listed = "；".join(f"“{labels[r.item]}”，{gap(r.item, r.difference, r.difference_low, r.difference_high)}"
                      for r in differing.itertuples())
    largest = roles.loc[roles["difference"].abs().idxmax()]
    deltas = roles["cliffs_delta"].dropna()
    texts |= {
        "ch5_role_a": role_a, "ch5_role_b": role_b, "ch5_role_tests": format_count(len(roles)),
        "ch5_roles_phrase": count_phrase(
            len(differing), len(roles), none="校正后，没有一项对策的两类身份差别显著",
            some="校正后，身份差别显著的有{count}项：" + listed,
            every="校正后，每一项对策的两类身份差别都显著：" + listed),
        "ch5_roles_mw_phrase": count_phrase(
            int((roles["p_mannwhitney_holm"] < LEVEL).sum()), len(roles), none="按评分的Mann–Whitney检验也没有一项显著",
            some="按评分的Mann–Whitney检验，校正后显著的有{count}项", every="按评分的Mann–Whitney检验，每一项都显著"),
        "ch5_roles_largest": f"“{labels[largest['item']]}”，" + gap(
            largest["item"], largest["difference"], largest["difference_low"], largest["difference_high"]),
        "ch5_delta_range": (f"{format_coefficient(deltas.min())}至{format_coefficient(deltas.max())}"
                            if len(deltas) else "无法计算"),
        "ch5_delta_word": cliffs_delta_word(deltas.abs().max()) if len(deltas) else "无法计算",
    }
    return texts, len(lower), len(differing), clear


def _ratings_table(ratings, weighted, roles, role_labels) -> pd.DataFrame:
    """tbl-ch5-ratings: per measure in overall rank order, unweighted and weighted shares, mean, the roles."""
    overall = ranked(ratings)
    wide = weighted.set_index("measure")
    by_role = roles.set_index("item")
    role_gap = f"{role_labels[0]}减{role_labels[1]}（百分点，95%区间）"
    rows = []
    for row in overall.itertuples():
        w = wide.loc[row.measure]
        parts = ratings[ratings["measure"] == row.measure].set_index("subgroup")
        r = by_role.loc[row.measure]
        rows.append({
            "对策": row.label, "回答人数": format_count(row.n),
            "获评程度（95%区间）": _interval(row.share, row.low, row.high),
            "加权（95%区间）": _interval(w["share"], w["low"], w["high"]),
            "平均分": format_mean(row.mean),
            **{f"{label}：比例": format_share(parts.loc[label, "share"]) for label in role_labels},
            role_gap: f"{format_points(r['difference'])}（{format_points(r['difference_low'])}至"
                      f"{format_points(r['difference_high'])}）",
            "Cliff's δ": format_coefficient(r["cliffs_delta"]),
            "身份差异（Fisher，Holm校正p）": format_p_value(r["p_fisher_holm"]),
        })
    return pd.DataFrame(rows)


def _paired_table(paired: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """tbl-ch5-paired: the first-ranked measure against each other one, with the differences and intervals."""
    return pd.DataFrame([{
        "比较对象": labels[row.b], "配对人数": format_count(row.n),
        "两项的获评程度（配对样本）": f"{format_share(row.share_a)} 对 {format_share(row.share_b)}",
        "差（百分点，95%区间）": f"{format_points(row.difference)}（{format_points(row.difference_low)}至"
                            f"{format_points(row.difference_high)}）",
        "仅前者评4–5分": format_count(row.a_only), "仅后者评4–5分": format_count(row.b_only),
        "McNemar（Holm校正p）": format_p_value(row.p_mcnemar_holm) + ("，精确" if row.method == "exact" else ""),
        "平均分差（95%区间）": f"{format_mean(row.mean_difference)}（{format_mean(row.mean_difference_low)}至"
                          f"{format_mean(row.mean_difference_high)}）",
        "Wilcoxon（Holm校正p）": format_p_value(row.p_wilcoxon_holm),
    } for row in paired.itertuples()])


def analyse(survey: pd.DataFrame | None = None) -> CountermeasuresResult:
    """Chapter 五's numbers, words and tables from the committed data (or from *survey*)."""
    survey = load_survey() if survey is None else survey
    framework = load_countermeasure_framework()
    codebook = framework.codebook
    state = data_state(survey)
    weights = _weights(survey)
    problems = _problem_rows(survey, weights)
    texts = {**_framework_texts(framework, len(survey)), **_problem_texts(survey, framework, problems),
             "ch5_show_head": survey_sentence("ch5_show_head", state)}
    order = [m.id for m in framework.measures]
    checks = {"样本量": len(survey), "对策数": len(framework.measures)}
    ratings = weighted = best = top = bottom = paired = roles = None
    top_tied = bottom_tied = ()
    ratings_tbl = paired_tbl = None
    if not_rated_sentence(survey) or weights is None:
        reason = not_rated_sentence(survey) or "受访者对各项对策的评价无法进行：驻村身份缺失，无法加权。"
        texts |= {"ch5_ratings_unavailable": MystText(reason), "ch5_ratings_caveat": MystText("")}
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
        ratings_texts, lower, differing, clear = _ratings_texts(
            state, ratings, weighted, paired, roles, role_codes, role_labels, best, top_rows, bottom_rows)
        texts |= {**ratings_texts, "ch5_ratings_unavailable": MystText(""),
                  "ch5_ratings_caveat": MystText(_RATINGS_CAVEAT)}
        ratings_tbl = _ratings_table(ratings, weighted, roles, role_labels)
        paired_tbl = _paired_table(paired, dict(zip(overall["measure"], overall["label"])))
        checks |= {"最高对策": top_tied, "最高比例": round(float(top["share"]), 4),
                   "最低对策": bottom_tied, "最低比例": round(float(bottom["share"]), 4),
                   "过半对策数": clear, "显著低于最高者数": lower, "身份差异显著数": differing}
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
        problems_table=_problems_table(problems),
        ratings=ratings,
        weighted=weighted,
        best=best,
        top=top,
        bottom=bottom,
        top_tied=top_tied,
        bottom_tied=bottom_tied,
        paired=paired,
        roles=roles,
        framework_table=_framework_table(framework),
        ratings_table=ratings_tbl,
        paired_table=paired_tbl,
        rating_chart_data=None if ratings is None else chart_frame(ratings),
        texts=texts,
        checks=checks,
    )
