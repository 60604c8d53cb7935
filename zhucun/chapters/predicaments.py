"""Chapter 三 (履职困境的表现和原因): the survey analysis behind every number and word of the chapter.

The chapter's prose is written in its notebook (chapters/03_predicaments.ipynb); this module computes what
that prose glues: for each section the numbers (formatted as printed), the words chosen by the numbers
(:mod:`zhucun.prose.wording`), the generator labels (:func:`zhucun.prose.data_description.generator_label`),
the display-ready tables and the aggregated numbers the charts are drawn from. Sections: the sample and its
post-stratification weights by role (（一）); the 普遍程度, item agreement, 强度 and reliability of the four
manifestations and the most common one (（三）); the group differences with Holm-corrected tests and effect
sizes (（四）); the proportional-odds model of overall pressure and its Brant test (（五）); where the working
time goes (（六）); the causes' 普遍程度 and their Spearman correlations with the manifestations (（七）); the
interview coding (（八）) and the summary's words (（九）).

A block the questionnaire did not ask leaves its numbers as "—" (:data:`ABSENT`), and the passage from
:mod:`zhucun.prose.data_description` that says it was not asked stands where the analysis would have.
The only MyST this module writes is figure directives, pasted only when their chart exists.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zhucun.data.cadre_deployment import deployment_figures
from zhucun.data.codebook import Block, Codebook, Scale, load_codebook
from zhucun.data.sourced_tables import load_deployment
from zhucun.data.survey import (
    Coverage,
    DataState,
    coverage,
    data_state,
    load_interviews,
    load_survey,
    survey_file_label,
)
from zhucun.data.synthetic_assumptions import (
    GeneratorBasis,
    group_difference_basis,
    pressure_coefficient_basis,
    scale_order_basis,
    time_use_order_basis,
)
from zhucun.prose.data_description import (
    generator_label,
    interview_sentence,
    not_asked_sentence,
    survey_sentence,
)
from zhucun.prose.formatting import (
    format_chinese_count,
    format_coefficient,
    format_count,
    format_mean,
    format_p_value,
    format_share,
    format_variance_share,
    format_weight,
)
from zhucun.prose.glue import MystText
from zhucun.prose.wording import (
    cliffs_delta_word,
    comparison_word,
    correlation_direction_word,
    correlation_strength_word,
    count_phrase,
    cramers_v_word,
    epsilon_squared_word,
    portion_phrase,
    quoted_list,
    significance_phrase,
    uncertain_share_word,
)
from zhucun.stats.correlation import as_matrices, spearman_matrix
from zhucun.stats.group_tests import (
    MIN_EXPECTED,
    MIN_GROUP_ASYMPTOTIC,
    N_PERMUTATIONS,
    TENURE_BANDS,
    group_difference_table,
    group_means,
    tenure_band,
)
from zhucun.stats.headlines import SHARE_DIGITS, HeadlineResults, Leader, headline_results, tied_at_extreme
from zhucun.stats.intervals import mean_interval, wilson_interval
from zhucun.stats.likert import agreement_shares, answer_shares, cronbach_alpha, scale_prevalence, scale_scores
from zhucun.stats.multi_select import option_shares
from zhucun.stats.ordinal_model import (
    MIN_LEVEL_SHARE,
    brant_test,
    dummies,
    fit_ordinal_logit,
    merge_sparse_levels,
    odds_direction,
    odds_ratio_table,
)
from zhucun.stats.paired_comparisons import newcombe_independent_interval
from zhucun.stats.sample_profile import margin_comparison, profile_counts, profile_table
from zhucun.stats.weighted_ratings import weighted_helpful_share
from zhucun.stats.weighting import kish_effective_n, population_margins, poststratification_weights

ORDINALS = "一二三四五六七八九十"
SAMPLE_TABLE_VARIABLES = ("role", "gender", "age_group", "education", "dispatch_level", "village_type")
GROUP_TEST_SEED = 20240601  # fixed, so every permutation p-value of the chapter is reproducible
SIGNIFICANCE = 0.05

ORDINALS = "一二三四五六七八九十"
SAMPLE_TABLE_VARIABLES = ("role", "gender", "age_group", "education", "dispatch_level", "village_type")
GROUP_TEST_SEED = 20240601  # fixed, so every permutation p-value of the chapter is reproducible
SIGNIFICANCE = 0.05
ABSENT = "—"  # what a number of a block the questionnaire did not ask reads as (its passage says why)
# The survey variable of each grouping of （四）, for the generator's group effects.
GROUPING_VARIABLES = {"驻村身份": "role", "派出单位层级": "dispatch_level", "驻村时长": "tenure_months",
                      "驻村类型": "village_type"}


@dataclass
class _Inputs:
    """What every section reads: the data, the weights, the scale scores and the source line."""

    codebook: Codebook
    survey: pd.DataFrame
    weights: pd.Series
    scores: pd.DataFrame
    manifestations: tuple[Scale, ...]  # the asked ones (a scale not asked is in no analysis)
    causes: tuple[Scale, ...]
    role_labels: dict
    tenure_band: pd.Series
    source: str
    state: DataState
    cover: Coverage
    headlines: HeadlineResults

    def manifestations_phrase(self) -> str:
        """'四种表现' when all were asked, else '问卷问到的三种表现'."""
        return _scales_phrase(self.manifestations, self.codebook.scales("manifestation"), "种表现")

    def manifestations_missing(self) -> tuple[Block, ...]:
        return self.cover.scales_not_asked("manifestation")

    def labelled(self, column: str) -> pd.Series:
        """A coded survey column as its Chinese labels (the groups' names in tests and charts), categorical in
        the codebook's order: groups are compared and shown in that order, whatever the order of the rows."""
        labels = self.codebook.labels(column)
        return pd.Series(pd.Categorical(self.survey[column].astype("object").map(labels),
                                        categories=list(labels.values())), index=self.survey.index)


def _or_dash(value: float) -> str:
    """A table cell holding a test statistic: two decimals, or '—' where there is none."""
    return ABSENT if np.isnan(value) else format_coefficient(value)


def _absent(*keys: str) -> dict[str, str]:
    """The texts of a block not asked: each reads '—' where the prose would state it."""
    return dict.fromkeys(keys, ABSENT)


def top_items_phrase(items: list[str], scales: list[str]) -> str:
    """The item(s) most agreed with and their manifestation(s); items tied at the shown precision are named
    as tied."""
    if len(items) == 1:
        return f"同意比例最高的一题是“{items[0]}”，属于“{scales[0]}”"
    quoted = "与".join(f"“{item}”" for item in items)
    owners = list(dict.fromkeys(scales))
    belong = f"同属“{owners[0]}”" if len(owners) == 1 else "分属" + "".join(f"“{name}”" for name in owners)
    return f"同意比例并列最高的是{quoted}，{belong}"


def weight_gap_phrase(largest_gap: float) -> str:
    """How far weighting by role moves the 普遍程度: under one percentage point (the rule of 二 for shares)
    counts as little."""
    if largest_gap < 0.01:
        return "与未加权时相差都不到1个百分点，身份构成的偏差对这些结果影响很小"
    return f"最多变化{format_share(largest_gap).rstrip('%')}个百分点，解读时以加权估计为准"


def items_majority_phrase(lows: pd.Series) -> str:
    """How many items more than half of those answering agree with, by the interval (its lower limit above
    one half), not by the point alone."""
    return count_phrase(
        int((lows > 0.5).sum()), len(lows),
        none="{total}个题项中，没有一个的同意比例能确定超过一半（95%区间整体高于一半）",
        some="{total}个题项中，同意比例能确定超过一半（95%区间整体高于一半）的有{count}个",
        every="全部{total}个题项的同意比例都能确定超过一半（95%区间整体高于一半）")


def _scales_phrase(asked: tuple[Scale, ...], all_scales: tuple[Scale, ...], unit: str) -> str:
    count = format_chinese_count(len(asked)) + unit
    return count if len(asked) == len(all_scales) else "问卷问到的" + count


def _interval_cells(lows, highs, formatter) -> list[str]:
    return [f"{formatter(low)}–{formatter(high)}" for low, high in zip(lows, highs)]


def _points(difference: float) -> str:
    """A difference of two shares in percentage points, one decimal (as the shares are shown)."""
    return format_share(difference).rstrip("%")


def _figure(name: str, caption: str) -> MystText:
    """A glued chart's figure directive (pasted with {glue:md} only when the chart exists)."""
    return MystText(f"```{{glue:figure}} {name}\n:name: {name}\n\n{caption}\n```")


# （一）样本概况 ----------------------------------------------------------------------------------------------


@dataclass
class SampleSection:
    texts: dict[str, str]
    margins_table: pd.DataFrame  # sample against population by role, with the weights (tbl-ch3-margins)
    profile_table: pd.DataFrame  # background characteristics, unweighted and weighted (tbl-ch3-sample)


def _sample(inputs: _Inputs) -> SampleSection:
    survey, codebook, weights, role_labels = inputs.survey, inputs.codebook, inputs.weights, inputs.role_labels
    band_labels = {label: label for _, _, label in TENURE_BANDS}
    profile = profile_table(
        survey,
        {**{codebook.short_label(v): (survey[v], codebook.labels(v)) for v in SAMPLE_TABLE_VARIABLES},
         "驻村时长": (inputs.tenure_band, band_labels)},
        weights,
    )
    margins = population_margins("role")
    margins_raw = margin_comparison(survey["role"], margins, role_labels, weights)
    role_display = profile_counts(survey["role"], role_labels).set_index("类别")
    first = margins_raw.set_index("code").loc["first_secretary"]
    team = margins_raw.set_index("code").loc["team_member"]
    # Within one percentage point counts as equal, the rule of 二 (share_gap_phrase).
    word = comparison_word(first["sample_share"], first["population_share"], tolerance=0.01)
    texts = {
        "ch3_fs_n": str(role_display.loc[role_labels["first_secretary"], "人数"]),
        "ch3_fs_share": str(role_display.loc[role_labels["first_secretary"], "占比"]),
        "ch3_fs_pop_share": format_share(first["population_share"]),
        "ch3_pop_total": format_count(margins.sum()),
        "ch3_fs_cmp": {"高于": "高于总体中的占比", "低于": "低于总体中的占比"}.get(word, "与总体中的占比基本持平"),
        "ch3_fs_weight_effect": {"高于": "被调低", "低于": "被调高"}.get(word, "基本不变"),
        "ch3_fs_consequence": ("所以凡是第一书记和工作队员回答不同的题目，未加权的样本比例都会偏离总体"
                               if word in ("高于", "低于") else "身份构成与总体相近，但为稳妥起见仍作加权"),
        "ch3_w_fs": format_weight(first["weight"]),
        "ch3_w_tm": format_weight(team["weight"]),
        "ch3_neff": format_count(kish_effective_n(weights)),
        "ch3_tenure_median": format_count(survey["tenure_months"].astype("float64").median()),
        "ch3_tenure_bands": "、".join(label for _, _, label in TENURE_BANDS),
        "ch3_tenure_band_n": format_count(len(TENURE_BANDS)),
    }
    margins_table = margins_raw.assign(
        sample_share=margins_raw["sample_share"].map(format_share),
        population_share=margins_raw["population_share"].map(format_share),
        weight=margins_raw["weight"].map(format_weight),
        # The sample counts as the profile prints them: counts under 5 hidden (the disclosure rule).
        sample_n=list(role_display["人数"].iloc[:-1]),
    ).rename(columns={"label": "驻村身份", "sample_n": "样本人数", "sample_share": "样本占比",
                      "population_n": "总体人数", "population_share": "总体占比", "weight": "事后分层权重"}
             ).drop(columns="code")
    return SampleSection(texts, margins_table, profile)


# （三）履职困境的四种表现 -------------------------------------------------------------------------------------


@dataclass
class ManifestationScale:
    """One manifestation: its answer distribution (the diverging chart's data) and the facts its texts cite."""

    id: str
    name: str
    ordinal: str  # 一, 二 … as the chapter numbers the manifestations
    shares: pd.DataFrame  # items (short labels) × answer levels (Chinese labels), shares 0–1
    top_item: str
    top_share: float
    low_item: str
    low_share: float
    prevalence: float  # 普遍程度: share with a scale score of at least 4
    mean: float  # 强度
    alpha: float


@dataclass
class ManifestationsSection:
    texts: dict[str, str]
    scales: list[ManifestationScale]
    agreement_table: pd.DataFrame  # per item: agreement share, Wilson interval, weighted share (tbl-ch3-agree)
    scales_table: pd.DataFrame  # per scale: 普遍程度, 强度, Cronbach's α (tbl-ch3-scales)
    top_item_share: float  # the highest agreement share of all items
    count_word: str  # how many manifestations were asked, in Chinese numerals (the scales table's caption)


# The glue names of one manifestation's evidence (ch3_<id>_<key>): '—' when the scale was not asked.
SCALE_KEYS = ("prev", "prev_low", "prev_high", "prev_w", "prev_word", "prev_note", "top_item", "top_share",
              "low_item")
LEADER_KEYS = ("ch3_prev_leader", "ch3_prev_runner", "ch3_prev_diff", "ch3_prev_diff_low", "ch3_prev_diff_high",
               "ch3_prev_p", "ch3_prev_verdict")


def scale_summaries(inputs: _Inputs, kind: str) -> pd.DataFrame:
    """Per asked scale of *kind*: 普遍程度 (scale_prevalence, weighted by role), 强度 with its t interval
    and Cronbach's α with its Feldt interval; one row per scale, codebook order."""
    prevalence = scale_prevalence(inputs.survey, kind, inputs.codebook, weights=inputs.weights).set_index("scale")
    rows = []
    for scale in inputs.cover.scales(kind):
        summary = mean_interval(inputs.scores[scale.id])
        reliability = cronbach_alpha(inputs.survey[list(scale.items)])
        rows.append({"id": scale.id, "name": scale.name, **prevalence.loc[scale.id].drop("name").to_dict(),
                     "mean": summary["mean"], "mean_low": summary["low"], "mean_high": summary["high"],
                     **{f"alpha_{k}": v for k, v in reliability.items()}})
    return pd.DataFrame(rows)


def summaries_table(table: pd.DataFrame, first: str) -> pd.DataFrame:
    """The printed table of :func:`scale_summaries` (tbl-ch3-scales, tbl-ch3-cause-scales)."""
    return pd.DataFrame({
        first: table["name"],
        "计分人数": table["n"],
        "普遍程度": table["share"].map(format_share),
        "95%区间": _interval_cells(table["low"], table["high"], format_share),
        "加权普遍程度": table["weighted_share"].map(format_share),
        "加权95%区间": _interval_cells(table["weighted_low"], table["weighted_high"], format_share),
        "强度（平均得分）": table["mean"].map(format_mean),
        "强度95%区间": _interval_cells(table["mean_low"], table["mean_high"], format_mean),
        "Cronbach's α": table["alpha_alpha"].map(format_coefficient),
        "α的95%区间": _interval_cells(table["alpha_low"], table["alpha_high"], format_coefficient),
    })


def share_words(share: float, low: float, high: float, weighted: float) -> tuple[str, str]:
    """The quantity word of a share of respondents that holds for its interval and its weighted estimate
    (:func:`zhucun.prose.wording.uncertain_share_word`), split into the word ('约半数') and its parenthesis
    ('（与半数的差别不显著）', or ''), so that a sentence can put the parenthesis at its end."""
    word = uncertain_share_word(share, low, high, weighted)
    main, _, note = word.partition("（")
    return main, f"（{note}" if note else ""


def prevalence_verdict(leader: Leader) -> str:
    """What the paired comparison of the most common manifestation with the runner-up allows one to say."""
    if leader.tied:
        return "两者在显示的精度上并列，谈不上谁更普遍"
    if leader.ahead:
        return "差值的区间不含0，可以说前者确实比后者更普遍"
    return "差值的区间包含0，两者孰先孰后，这些数据还定不下来"


def _leader_texts(inputs: _Inputs) -> dict[str, str]:
    """The most common manifestation (zhucun.stats.headlines) against the runner-up, with its generator label."""
    leader = inputs.headlines.strongest_manifestation
    if leader is None or leader.runner_up_id is None:
        return _absent(*LEADER_KEYS) | {"ch3_prev_generator": ""}
    basis = (GeneratorBasis(False, "") if leader.tied
             else scale_order_basis(leader.id, leader.runner_up_id, codebook=inputs.codebook))
    return {
        "ch3_prev_leader": quoted_list(leader.labels) + ("（并列）" if leader.tied else ""),
        "ch3_prev_runner": leader.runner_up_label,
        "ch3_prev_diff": ABSENT if math.isnan(leader.difference) else _points(leader.difference),
        "ch3_prev_diff_low": ABSENT if math.isnan(leader.difference_low) else _points(leader.difference_low),
        "ch3_prev_diff_high": ABSENT if math.isnan(leader.difference_high) else _points(leader.difference_high),
        "ch3_prev_p": format_p_value(leader.p_value),
        "ch3_prev_verdict": prevalence_verdict(leader),
        "ch3_prev_generator": generator_label(basis, inputs.state),
    }


def _manifestations(inputs: _Inputs) -> tuple[dict[str, str], ManifestationsSection | None]:
    """The section's texts, and the section (None when no manifestation scale was asked)."""
    codebook, survey = inputs.codebook, inputs.survey
    every = codebook.scales("manifestation")
    texts: dict[str, str] = {f"ch3_{scale.id}_figure": MystText("") for scale in every}
    for scale in every:
        if scale not in inputs.manifestations:
            texts |= _absent(*(f"ch3_{scale.id}_{key}" for key in SCALE_KEYS))
    if not inputs.manifestations:
        texts |= _absent("ch3_items_n", "ch3_items_per_scale", "ch3_items_majority_phrase", "ch3_top_item_phrase",
                         "ch3_weight_gap_phrase")
        return texts | _leader_texts(inputs), None
    answer_codes = codebook.answer_scales["agreement"].codes
    agreement_labels = [code.label for code in answer_codes]
    agreement = agreement_shares(survey, [item for scale in inputs.manifestations for item in scale.items],
                                 weights=inputs.weights)
    agreement["scale"] = [codebook.variable(item).scale for item in agreement["item"]]
    agreement["label"] = [codebook.short_label(item) for item in agreement["item"]]
    per_scale = {len(scale.items) for scale in inputs.manifestations}
    top = agreement.loc[agreement["share"].idxmax()]
    # Items tied with the top one at the precision shown are named with it.
    tied = agreement.loc[tied_at_extreme(agreement["share"], SHARE_DIGITS)]
    table = scale_summaries(inputs, "manifestation")
    largest_gap = (table["weighted_share"] - table["share"]).abs().max()
    texts |= {
        "ch3_items_n": format_count(len(agreement)),
        "ch3_items_per_scale": (f"每种表现{per_scale.pop()}题" if len(per_scale) == 1
                                else "各表现题数不等，见附录问卷"),
        "ch3_items_majority_phrase": items_majority_phrase(agreement["low"]),
        "ch3_top_item_phrase": top_items_phrase(list(tied["label"]),
                                                [codebook.scale(scale).name for scale in tied["scale"]]),
        "ch3_weight_gap_phrase": weight_gap_phrase(largest_gap),
    } | _leader_texts(inputs)
    scales = []
    numbers = {scale.id: number for number, scale in enumerate(every)}
    for scale in inputs.manifestations:
        number = numbers[scale.id]
        rows = agreement[agreement["scale"] == scale.id]
        best = rows.loc[rows["share"].idxmax()]
        worst = rows.loc[rows["share"].idxmin()]
        summary = table.set_index("id").loc[scale.id]
        key = f"ch3_{scale.id}"
        texts |= {
            f"{key}_prev": format_share(summary["share"]),
            f"{key}_prev_low": format_share(summary["low"]),
            f"{key}_prev_high": format_share(summary["high"]),
            f"{key}_prev_w": format_share(summary["weighted_share"]),
            **dict(zip((f"{key}_prev_word", f"{key}_prev_note"),
                       share_words(summary["share"], summary["low"], summary["high"], summary["weighted_share"]))),
            f"{key}_top_item": best["label"],
            f"{key}_top_share": format_share(best["share"]),
            f"{key}_low_item": worst["label"],
            f"{key}_figure": _figure(f"fig-ch3-likert-{scale.id}",
                                     f"表现{ORDINALS[number]}各题项的回答分布（中性回答居中）"),
        }
        shares = answer_shares(survey, scale.items)[[code.code for code in answer_codes]]
        shares.columns = agreement_labels
        shares.index = [codebook.short_label(item) for item in scale.items]
        scales.append(ManifestationScale(
            scale.id, scale.name, ORDINALS[number], shares, best["label"], float(best["share"]), worst["label"],
            float(worst["share"]), float(summary["share"]), float(summary["mean"]), float(summary["alpha_alpha"])))
    agreement_table = pd.DataFrame({
        "表现": [codebook.scale(s).short_label for s in agreement["scale"]],
        "题项": [codebook.question_text(item) for item in agreement["item"]],
        "作答人数": agreement["n"],
        "同意比例": agreement["share"].map(format_share),
        "95%区间": _interval_cells(agreement["low"], agreement["high"], format_share),
        "加权同意比例": agreement["weighted_share"].map(format_share),
    })
    return texts, ManifestationsSection(texts, scales, agreement_table, summaries_table(table, "表现"),
                                        float(top["share"]), format_chinese_count(len(scales)))


# （四）不同群体之间的差异 ---------------------------------------------------------------------------------------


@dataclass
class GroupDifferencesSection:
    texts: dict[str, str]
    table: pd.DataFrame  # every test with its Holm-corrected p and effect size (tbl-ch3-groups)
    # group means of the three largest differences (ε²), for the interval chart; None (and the three
    # below) when no manifestation scale was asked, only overall pressure
    top_means: pd.DataFrame | None
    largest_outcome: str | None
    largest_grouping: str | None
    largest_effect: float | None  # ε² of the largest difference
    tests: int
    significant: int  # tests significant after the Holm correction
    pressure_tests: pd.DataFrame | None  # the tests of overall pressure by grouping (index), None if not asked


GROUP_KEYS = ("ch3_groups_outcomes", "ch3_min_group", "ch3_permutations", "ch3_tests_n", "ch3_tests_perm",
              "ch3_sig_phrase")
LARGEST_KEYS = ("ch3_diff_outcome", "ch3_diff_grouping", "ch3_diff_eps", "ch3_diff_eps_word", "ch3_diff_p",
                "ch3_diff_sig")


def _effect_cell(row: pd.Series) -> str:
    """The effect size of one test with its word: ε² (and Cliff's δ for two groups), or Cramér's V."""
    if np.isnan(row["effect"]):
        return "—"
    if row["kind"] == "ordered":
        text = f"ε² = {format_variance_share(row['effect'])}（{epsilon_squared_word(row['effect'])}）"
        if not np.isnan(row["delta"]):
            first, second = row["delta_groups"]  # δ > 0: the first group tends to score higher
            delta = row["delta"]
            text += f"；δ = {format_coefficient(delta)}（{first}相对{second}，{cliffs_delta_word(delta)}）"
        return text
    return f"V = {format_coefficient(row['effect'])}（{cramers_v_word(row['effect'])}）"


def _group_differences(inputs: _Inputs) -> tuple[dict[str, str], GroupDifferencesSection | None]:
    """The section's texts, and the section (None when neither a manifestation scale nor overall pressure
    was asked); the chart needs a scale."""
    survey, codebook = inputs.survey, inputs.codebook
    groupings = {"驻村身份": inputs.labelled("role"), "派出单位层级": inputs.labelled("dispatch_level"),
                 "驻村时长": inputs.tenure_band.astype("object"), "驻村类型": inputs.labelled("village_type")}
    categorical = {}
    if inputs.cover.asked("overall_pressure"):
        pressure = survey["overall_pressure"].astype("Float64")
        pressure_labels = codebook.labels("overall_pressure")
        high_pressure = (pressure >= 4).astype("float64").where(pressure.notna().to_numpy(dtype=bool))
        categorical[f"总体压力{pressure_labels[4]}或{pressure_labels[5]}"] = high_pressure
    pressure_missing = inputs.cover.not_asked("overall_pressure")
    missing = inputs.manifestations_missing() + pressure_missing
    texts = {"ch3_groups_figure": MystText(""), "ch3_groups_generator": "",
             "ch3_groups_missing": MystText(not_asked_sentence(missing, "本节的比较", partial=True))}
    if not inputs.manifestations and not categorical:
        texts["ch3_groups_missing"] = MystText(not_asked_sentence(missing, "不同群体之间的差异比较"))
        return texts | _absent(*GROUP_KEYS, *LARGEST_KEYS), None
    outcomes = [inputs.manifestations_phrase() + "的量表得分（强度）"] if inputs.manifestations else []
    outcomes += ["总体压力是否“较大”或“很大”"] if categorical else []
    differences = group_difference_table(
        survey, {scale.name: inputs.scores[scale.id] for scale in inputs.manifestations},
        categorical, groupings, seed=GROUP_TEST_SEED, method="holm")
    significant = int((differences["p_adjusted"] < SIGNIFICANCE).sum())
    ordered = differences[differences["kind"] == "ordered"].sort_values("effect", ascending=False)
    texts |= {
        "ch3_groups_outcomes": "，以及".join(outcomes),
        "ch3_tests_n": format_count(len(differences)),
        "ch3_min_group": format_count(MIN_GROUP_ASYMPTOTIC),
        "ch3_permutations": format_count(N_PERMUTATIONS),
        "ch3_tests_perm": format_count(int(differences["test"].str.contains("置换|Fisher").sum())),
        "ch3_sig_phrase": count_phrase(
            significant, len(differences),
            none="没有一项差异在校正后仍然显著（p < 0.05），现有数据不足以说明这些群体在困境感受上存在差别",
            some="校正后仍然显著（p < 0.05）的差异有{count}项，见表中校正后 p 值小于0.05的各行",
            every="全部{total}项差异在校正后都仍然显著（p < 0.05）"),
    }
    largest = ordered.iloc[0] if len(ordered) else None
    if largest is not None:
        texts |= {
            "ch3_diff_outcome": largest["outcome"],
            "ch3_diff_grouping": largest["grouping"],
            "ch3_diff_eps": format_variance_share(largest["effect"]),
            "ch3_diff_eps_word": epsilon_squared_word(largest["effect"]),
            "ch3_diff_p": format_p_value(largest["p_adjusted"]),
            "ch3_diff_sig": significance_phrase(largest["p_adjusted"]),
            "ch3_groups_generator": generator_label(_group_basis(inputs, largest), inputs.state),
            "ch3_groups_figure": _figure(
                "fig-ch3-group-differences",
                f"效应量最大的三项群体差异（各组平均得分及95%区间，不足{format_count(MIN_GROUP_ASYMPTOTIC)}人的组未画出）"),
        }
    else:
        texts |= _absent(*LARGEST_KEYS)
    table = pd.DataFrame({
        "结果变量": differences["outcome"], "分组": differences["grouping"], "组数": differences["groups"],
        "n": differences["n"], "检验": differences["test"],
        "统计量": differences["statistic"].map(_or_dash),
        "p值": differences["p_value"].map(format_p_value),
        "Holm校正p值": differences["p_adjusted"].map(format_p_value),
        "效应量": [_effect_cell(row) for _, row in differences.iterrows()],
    })
    # The chart's groups: too small a group has no usable interval, so it is left out, as the caption says.
    pieces = []
    for _, row in ordered.head(3).iterrows():
        scale_id = next(s.id for s in inputs.manifestations if s.name == row["outcome"])
        means = group_means(inputs.scores[scale_id], groupings[row["grouping"]])
        means = means[means["n"] >= MIN_GROUP_ASYMPTOTIC]
        pieces.append(pd.DataFrame({"分组": [f"{row['grouping']}：{g}" for g in means["group"]],
                                    "结果变量": row["outcome"], "平均得分": means["mean"],
                                    "下限": means["low"], "上限": means["high"], "人数": means["n"]}))
    categorical_rows = differences[differences["kind"] == "categorical"]
    pressure_tests = categorical_rows.set_index("grouping") if len(categorical_rows) else None
    if largest is None:  # overall pressure alone: no scale means to chart
        return texts, GroupDifferencesSection(texts, table, None, None, None, None, len(differences),
                                              significant, pressure_tests)
    top_means = pd.concat(pieces, ignore_index=True)
    return texts, GroupDifferencesSection(texts, table, top_means, largest["outcome"], largest["grouping"],
                                          float(largest["effect"]), len(differences), significant, pressure_tests)


def _group_basis(inputs: _Inputs, row: pd.Series) -> GeneratorBasis:
    """Whether the generator's group effects make the groups of *row*'s grouping differ on its scale."""
    scale_id = next(s.id for s in inputs.manifestations if s.name == row["outcome"])
    return group_difference_basis(GROUPING_VARIABLES[row["grouping"]], scale_id, codebook=inputs.codebook)


# （五）有序 logistic 回归 ---------------------------------------------------------------------------------------


@dataclass
class OrdinalSection:
    texts: dict[str, str]
    n: int  # complete answers in the model
    odds: pd.DataFrame  # per predictor: coef, odds_ratio, low, high, p_value (numbers)
    chart_data: pd.DataFrame  # odds ratios and intervals, rounded, Chinese columns, for the interval chart
    table: pd.DataFrame  # the model as printed (tbl-ch3-ordinal)
    brant_table: pd.DataFrame  # per-cut odds ratios and Brant tests as printed (tbl-ch3-brant)
    brant_rejected: list[str] | None  # predictors whose proportional odds are rejected; None: test impossible
    strongest: pd.Series  # the predictor furthest from 1 (largest |coef|)
    clear: int  # predictors whose interval excludes 1


def _role_predictor(inputs: _Inputs) -> str:
    labels = inputs.role_labels
    return f"{labels['first_secretary']}（对照：{labels['team_member']}）"


def _predictors(inputs: _Inputs) -> tuple[pd.DataFrame, str]:
    """The model's predictors (the asked scale scores and the controls) and the reference dispatch level."""
    survey, codebook = inputs.survey, inputs.codebook
    dispatch_labels = codebook.labels("dispatch_level")
    # The most common level; a tie goes to the first in the codebook's order, never to the first in the file.
    counts = survey["dispatch_level"].astype("object").value_counts()
    dispatch_reference = next(code for code in dispatch_labels if counts.get(code, 0) == counts.max())
    predictors = pd.DataFrame({f"{scale.short_label}（每高1分）": inputs.scores[scale.id]
                               for scale in inputs.manifestations})
    predictors[_role_predictor(inputs)] = (
        survey["role"].astype("object") == "first_secretary").astype("float64")
    gender_labels = codebook.labels("gender")
    predictors[f"{gender_labels['female']}（对照：{gender_labels['male']}）"] = (
        survey["gender"].astype("object") == "female").astype("float64")
    predictors["驻村时长（每12个月）"] = survey["tenure_months"].astype("float64") / 12
    dispatch = dummies(survey["dispatch_level"].astype("object"), dispatch_labels, dispatch_reference,
                       f"派出单位（对照：{dispatch_labels[dispatch_reference]}）")
    predictors = predictors.join(dispatch)
    return predictors, dispatch_labels[dispatch_reference]


def _village_type_reason(survey: pd.DataFrame) -> str:
    """Why village type is not in the model, in words true of the current counts."""
    smallest = survey["village_type"].astype("object").value_counts().min()
    if smallest >= 30:
        return "逐类加入会使模型参数成倍增加，且各切点上容易出现空格"
    # A count under 5 is never printed (disclosure rule of the book's tables).
    size = "不足5" if smallest < 5 else "只有" + str(int(smallest))
    return f"当前样本中人数最少的一类{size}人，单独估计其效应很不稳定"


def _brant(inputs: _Inputs, pressure: pd.Series, predictors: pd.DataFrame
           ) -> tuple[dict[str, str], pd.DataFrame, list[str] | None]:
    """The Brant test of proportional odds (on the outcome as the model has it, sparse levels merged)."""
    try:
        brant = brant_test(pressure, predictors)
    except (ValueError, np.linalg.LinAlgError):
        texts = {"ch3_brant_omnibus": "分切点的二元 logit 无法估计，检验无法进行",
                 "ch3_brant_rejected_phrase": "逐个自变量的检验同样无法进行",
                 "ch3_brant_phrase": "比例优势假定未经检验，上表结果应谨慎解读",
                 "ch3_brant_sparse": ""}
        return texts, pd.DataFrame({"说明": ["当前数据无法完成分切点估计"]}), None
    rejected = brant.by_predictor.loc[brant.by_predictor["p_adjusted"] < SIGNIFICANCE, "predictor"].tolist()
    texts = {
        "ch3_brant_omnibus": ("整体检验因分切点估计的协方差矩阵不正定而无法计算" if np.isnan(brant.chi2) else
                              f"整体检验统计量 χ² = {brant.chi2:.1f}（自由度{brant.df}），p = {brant.p_value:.3f}"),
        "ch3_brant_rejected_phrase": count_phrase(
            len(rejected), len(brant.by_predictor), none="没有一个自变量的比例优势假定被拒绝",
            some="比例优势假定被拒绝的自变量有{count}个", every="全部{total}个自变量的比例优势假定都被拒绝"),
        "ch3_brant_phrase": (f"被拒绝的是“{'”“'.join(rejected)}”：这些自变量的作用在各切点之间不同，"
                             "其优势比只能理解为各切点的平均效应，应对照分切点估计解读" if rejected else
                             "没有发现违背比例优势假定的证据；但这一检验在小样本下检验力有限，不能据此证明假定成立"),
        "ch3_brant_sparse": ("另外，部分虚拟变量在个别切点上缺少某一类回答，这些切点的估计不稳定。"
                             if brant.sparse else ""),
    }
    pressure_labels = inputs.codebook.labels("overall_pressure")
    merged = brant.cut_odds_ratios.merge(brant.by_predictor, on="predictor")
    cut_columns = [c for c in brant.cut_odds_ratios.columns if c != "predictor"]

    def cut_header(column: str) -> str:  # "> 2": Y > 2 is "压力<level 3>及以上"
        level = int(column[2:]) + 1
        return f"压力{pressure_labels[level] if level in pressure_labels else column}及以上"

    table = pd.DataFrame({
        "自变量": merged["predictor"],
        **{cut_header(c): merged[c].map(format_coefficient) for c in cut_columns},
        "Brant χ²": merged["chi2"].map(_or_dash),
        "p值": merged["p_value"].map(format_p_value),
        "Holm校正p值": merged["p_adjusted"].map(format_p_value),
    })
    return texts, table, rejected


def _merge_phrase(merges: list[tuple], labels: dict) -> str:
    """What the sparse-level rule did, in words true of the current data."""
    if not merges:
        return f"当前数据中两端等级都达到这一比例，{format_chinese_count(len(labels))}个等级全部保留"
    parts = ["".join(f"“{labels[code]}”" for code in group) + "合为一级" for group in merges]
    kept = len(labels) - sum(len(group) - 1 for group in merges)
    return f"当前数据中{'，'.join(parts)}，模型因此有{format_chinese_count(kept)}个等级"


ORDINAL_KEYS = ("ch3_ord_scales", "ch3_ord_reference", "ch3_village_types_n", "ch3_village_type_reason", "ch3_ord_n",
                "ch3_ord_min_share", "ch3_ord_merge_phrase", "ch3_or_clear_phrase", "ch3_or_role", "ch3_or_role_low",
                "ch3_or_role_high", "ch3_or_role_phrase", "ch3_brant_omnibus", "ch3_brant_rejected_phrase",
                "ch3_brant_phrase")


def role_odds_phrase(low: float, high: float) -> str:
    """What the role's odds-ratio interval says, in words."""
    return {"更可能": "区间整体高于1：第一书记报告更高一级压力的可能更大",
            "更不可能": "区间整体低于1：第一书记报告更高一级压力的可能更小",
            "无法估计": "这一优势比在当前数据中无法估计"}.get(odds_direction(low, high),
                                                             "区间包含1，数据不足以判断身份与压力的关系")


def _ordinal(inputs: _Inputs) -> tuple[dict[str, str], OrdinalSection | None]:
    """The section's texts, and the section (None when overall pressure or every manifestation scale was not
    asked)."""
    if inputs.cover.pressure_model_not_asked():
        return (_absent(*ORDINAL_KEYS) | {
            "ch3_brant_sparse": "", "ch3_generator_pressure": "", "ch3_role_generator": "",
            "ch3_ordinal_figure": MystText(""),
            "ch3_ordinal_missing": MystText(not_asked_sentence(inputs.cover.pressure_model_not_asked(),
                                                               "有序 logistic 回归"))}, None)
    predictors, reference = _predictors(inputs)
    pressure_labels = inputs.codebook.labels("overall_pressure")
    complete = predictors.notna().all(axis=1) & inputs.survey["overall_pressure"].notna()
    pressure, merges = merge_sparse_levels(inputs.survey["overall_pressure"].where(complete))
    fit = fit_ordinal_logit(pressure, predictors)
    odds = odds_ratio_table(fit)
    clear = int(((odds["low"] > 1) | (odds["high"] < 1)).sum())
    # NaN when role does not vary among the model's answers (fit_ordinal_logit leaves it out)
    role = odds.set_index("predictor").reindex([_role_predictor(inputs)]).iloc[0]
    texts = {
        "ch3_ord_scales": inputs.manifestations_phrase(),
        "ch3_ord_n": format_count(fit.n),
        "ch3_ord_reference": reference,
        "ch3_ord_min_share": f"{MIN_LEVEL_SHARE:.0%}",  # a rule, not an estimate
        "ch3_ord_merge_phrase": _merge_phrase(merges, pressure_labels),
        "ch3_village_types_n": format_count(len(inputs.codebook.labels("village_type"))),
        "ch3_village_type_reason": _village_type_reason(inputs.survey),
        "ch3_or_clear_phrase": count_phrase(
            clear, len(odds), none="{total}个自变量的95%区间全都包含1",
            some="在{total}个自变量中，95%区间不含1的有{count}个", every="全部{total}个自变量的95%区间都不含1"),
        "ch3_generator_pressure": survey_sentence("ch3_generator_pressure", inputs.state),
        "ch3_or_role": _or_dash(role["odds_ratio"]),
        "ch3_or_role_low": _or_dash(role["low"]),
        "ch3_or_role_high": _or_dash(role["high"]),
        "ch3_or_role_phrase": role_odds_phrase(role["low"], role["high"]),
        "ch3_role_generator": survey_sentence("ch3_role_reading", inputs.state).removesuffix("。") + generator_label(
            pressure_coefficient_basis("role", codebook=inputs.codebook), inputs.state) + "。",
        "ch3_ordinal_missing": MystText(not_asked_sentence(inputs.manifestations_missing(), "模型的自变量",
                                                           partial=True)),
        "ch3_ordinal_figure": _figure("fig-ch3-ordinal-odds", "总体压力有序 logistic 回归的优势比（对数刻度）"),
    }
    brant_texts, brant_table, rejected = _brant(inputs, pressure, predictors)
    chart_data = odds.assign(
        odds_ratio=odds["odds_ratio"], low=odds["low"], high=odds["high"],
    ).rename(columns={"predictor": "自变量", "odds_ratio": "优势比", "low": "95%区间下限", "high": "95%区间上限"})[
        ["自变量", "优势比", "95%区间下限", "95%区间上限"]]
    table = odds.assign(
        coef=odds["coef"].map(format_coefficient), odds_ratio=odds["odds_ratio"].map(format_coefficient),
        interval=_interval_cells(odds["low"], odds["high"], format_coefficient),
        p_value=odds["p_value"].map(format_p_value),
    ).rename(columns={"predictor": "自变量", "coef": "系数", "odds_ratio": "优势比", "interval": "95%区间",
                      "p_value": "p值"})[["自变量", "系数", "优势比", "95%区间", "p值"]]
    strongest = odds.loc[odds["coef"].abs().idxmax()]
    texts |= brant_texts
    return texts, OrdinalSection(texts, fit.n, odds, chart_data, table, brant_table, rejected, strongest, clear)


# （六）工作时间花在哪里 ------------------------------------------------------------------------------------------


@dataclass
class TimeUseSection:
    texts: dict[str, str]
    chart_data: pd.DataFrame  # 工作事项, 群体, 选择比例: overall and by role, ranked by the overall share
    top_option: str
    top_share: float
    second_option: str
    second_share: float


TIME_KEYS = ("ch3_time_options_n", "ch3_time_top", "ch3_time_top_word", "ch3_time_top_note", "ch3_time_top_share",
             "ch3_time_top_low", "ch3_time_top_high", "ch3_time_top_w", "ch3_time_services_phrase",
             "ch3_time_roles_phrase", "ch3_time_role_diff", "ch3_time_role_diff_low", "ch3_time_role_diff_high")


def services_phrase(rank: int, share: float, n_options: int) -> str:
    """Where 为民办事服务, one of the thesis's four duties, stands among the matters that take the time."""
    if rank == 1:
        return "论文列出的四项职责之一“为民办事服务”正是这一项"
    return (f"论文列出的四项职责之一“为民办事服务”，在{format_count(n_options)}类事务中排第{format_count(rank)}位，"
            f"选择比例为{format_share(share)}")


def _shown_ties(part: pd.DataFrame) -> pd.DataFrame:
    """The rows sharing the highest share as the book shows it (the book's one tie rule)."""
    return part.loc[tied_at_extreme(part["share"], SHARE_DIGITS)]


def _roles_top_phrase(table: pd.DataFrame, roles: list[str]) -> str:
    """Each role's most chosen matter; when both roles choose the same one, it is named once."""
    tops = {}
    for role in roles:
        part = table[table["group"] == role]
        tops[role] = _shown_ties(part)
    names = {role: "与".join(f"“{name}”" for name in top["工作事项"]) for role, top in tops.items()}
    shares = {role: format_share(top["share"].iloc[0]) for role, top in tops.items()}
    if len(set(names.values())) == 1:
        each = "，".join(f"{role}{shares[role]}" for role in roles)
        return f"两类身份选择最多的都是{names[roles[0]]}（{each}）"
    return "，".join(f"{role}选择最多的是{names[role]}（{shares[role]}）" for role in roles)


def _time_use(inputs: _Inputs) -> tuple[dict[str, str], TimeUseSection | None]:
    """The section's texts, and the section (None when question 11 was not asked)."""
    if not inputs.cover.asked("time_use"):
        return (_absent(*TIME_KEYS) | {
            "ch3_time_generator": "", "ch3_time_use_figure": MystText(""),
            "ch3_time_missing": MystText(not_asked_sentence(inputs.cover.not_asked("time_use"),
                                                            "工作时间去向的分析"))}, None)
    codebook, survey = inputs.codebook, inputs.survey
    options = [v for v in codebook.of_type("multi_select_option") if v.startswith("time_")]
    table = option_shares(survey, options, groups=inputs.labelled("role"))
    table["工作事项"] = [codebook.short_label(v) for v in table["option"]]
    table["群体"] = table["group"].replace({"全部": "全部受访者"})
    overall = table[table["group"] == "全部"]
    first, second = overall.iloc[0], overall.iloc[1]
    leaders = _shown_ties(overall)
    chosen = survey[first["option"]].astype("float64")
    low, high = wilson_interval(int(first["chosen"]), int(first["n"]))
    weighted = weighted_helpful_share(chosen, inputs.weights, levels=(1.0,))
    roles = survey["role"].astype("object")
    fs, tm = (chosen[roles == code] for code in ("first_secretary", "team_member"))
    difference = newcombe_independent_interval(int(fs.sum()), len(fs), int(tm.sum()), len(tm))
    services = overall.set_index("option").loc["time_services"]
    basis = (GeneratorBasis(False, "") if len(leaders) > 1
             else time_use_order_basis(first["option"], second["option"], codebook=codebook))
    word, note = share_words(float(first["share"]), low, high, weighted["share"])
    texts = {
        "ch3_time_options_n": format_count(len(options)),
        "ch3_time_top": quoted_list(leaders["工作事项"]) + ("（并列）" if len(leaders) > 1 else ""),
        "ch3_time_generator": generator_label(basis, inputs.state),
        "ch3_time_top_word": word,
        "ch3_time_top_note": note,
        "ch3_time_top_share": format_share(first["share"]),
        "ch3_time_top_low": format_share(low),
        "ch3_time_top_high": format_share(high),
        "ch3_time_top_w": format_share(weighted["share"]),
        "ch3_time_services_phrase": services_phrase(int(services["rank"]), float(services["share"]), len(options)),
        "ch3_time_roles_phrase": _roles_top_phrase(table, list(inputs.role_labels.values())),
        "ch3_time_role_diff": _points(difference[0]),
        "ch3_time_role_diff_low": _points(difference[1]),
        "ch3_time_role_diff_high": _points(difference[2]),
        "ch3_time_missing": MystText(""),
        "ch3_time_use_figure": _figure("fig-ch3-time-use", "工作时间主要花在哪些事务上：全部受访者与分身份的选择比例"),
    }
    chart_data = table.assign(选择比例=table["share"])[["工作事项", "群体", "选择比例"]]
    return texts, TimeUseSection(texts, chart_data, first["工作事项"], float(first["share"]), second["工作事项"],
                                 float(second["share"]))


# （七）履职困境的成因 -------------------------------------------------------------------------------------------


@dataclass
class CausesSection:
    texts: dict[str, str]
    rho_matrix: pd.DataFrame  # causes × manifestations, Spearman ρ rounded to 3 digits (the heatmap)
    rho_text: pd.DataFrame  # the heatmap's cell texts: ρ with its BH significance stars
    strongest_cause: str
    strongest_manifestation: str
    strongest_rho: float
    pairs: int
    significant: int  # pairs significant after the Benjamini–Hochberg correction
    n_causes_word: str  # causes and manifestations correlated, in Chinese numerals (the heatmap's alt text)
    n_manifestations_word: str
    best_is_pair: dict[str, bool]  # per cause (its pair asked): is its strongest correlation with its pair?


CAUSE_KEYS = ("item1", "item2", "prev", "prev_w")
PAIR_KEYS = ("rho", "rho_direction", "rho_strength", "rho_sig")


def _cause_scales(inputs: _Inputs) -> tuple[dict[str, str], pd.DataFrame | None]:
    """Each cause's items and 普遍程度 (these need no manifestation), and the causes' table
    (tbl-ch3-cause-scales; None when no cause was asked)."""
    texts = {"ch3_items_per_cause": ABSENT}
    for cause in inputs.codebook.scales("cause"):
        if cause not in inputs.causes:
            texts |= _absent(*(f"ch3_{cause.id}_{key}" for key in CAUSE_KEYS))
    if not inputs.causes:
        return texts, None
    per_cause = {len(scale.items) for scale in inputs.causes}
    texts["ch3_items_per_cause"] = f"{format_count(per_cause.pop())}道" if len(per_cause) == 1 else "数道"
    table = scale_summaries(inputs, "cause").set_index("id")
    for cause in inputs.causes:
        row = table.loc[cause.id]
        labels = [inputs.codebook.question_text(item) for item in cause.items]
        texts |= {
            f"ch3_{cause.id}_item1": labels[0],
            f"ch3_{cause.id}_item2": labels[1] if len(labels) > 1 else ABSENT,
            f"ch3_{cause.id}_prev": format_share(row["share"]),
            f"ch3_{cause.id}_prev_w": format_share(row["weighted_share"]),
        }
    return texts, summaries_table(table.reset_index(), "成因")


def elsewhere_phrase(best: str, best_rho: float, pair_asked: bool, best_is_pair: bool) -> str:
    """Said only when it matters: the manifestation a cause correlates with most, when that is not its pair
    (or its pair was not asked)."""
    if pair_asked and best_is_pair:
        return ""
    if not pair_asked:
        return (f"与它同序的表现问卷没有问到，二者的相关无法计算；在问到的表现中，它与“{best}”的相关最强"
                f"（ρ = {format_coefficient(best_rho)}）。")
    return f"不过，它与各表现中相关最强的并不是同序的这一种，而是“{best}”（ρ = {format_coefficient(best_rho)}）。"


def _causes(inputs: _Inputs) -> tuple[dict[str, str], CausesSection | None]:
    """The correlations' texts, and the section (None when no cause or no manifestation scale was asked)."""
    cover, codebook = inputs.cover, inputs.codebook
    missing = cover.scales_not_asked("cause") + inputs.manifestations_missing()
    texts: dict[str, str] = {"ch3_causes_figure": MystText(""),
                             "ch3_causes_missing": MystText(not_asked_sentence(missing, "本节的相关分析",
                                                                               partial=True))}
    for cause in codebook.scales("cause"):
        texts |= _absent(*(f"ch3_{cause.id}_{key}" for key in PAIR_KEYS)) | {f"ch3_{cause.id}_elsewhere": ""}
    if not inputs.causes or not inputs.manifestations:
        texts["ch3_causes_missing"] = MystText(not_asked_sentence(missing, "成因与表现的相关分析"))
        return texts | _absent("ch3_rho_pairs", "ch3_rho_sig_phrase") | {
            "ch3_diagonal_phrase": "", "ch3_generator_causes": ""}, None
    scores = inputs.scores
    cause_scores = pd.DataFrame({scale.short_label: scores[scale.id] for scale in inputs.causes})
    manifestation_scores = pd.DataFrame({scale.short_label: scores[scale.id] for scale in inputs.manifestations})
    correlations = spearman_matrix(cause_scores, manifestation_scores, method="fdr_bh")
    rho_matrix, rho_text = as_matrices(correlations, cause_scores.columns, manifestation_scores.columns)
    strongest = correlations.loc[correlations["rho"].abs().idxmax()]
    significant = int((correlations["p_adjusted"] < SIGNIFICANCE).sum())
    texts |= {
        "ch3_rho_pairs": format_count(len(correlations)),
        "ch3_rho_sig_phrase": count_phrase(
            significant, len(correlations), none="{total}对相关在校正后都不显著",
            some="在{total}对相关中，校正后显著的有{count}对", every="{total}对相关在校正后全都显著"),
        "ch3_generator_causes": survey_sentence("ch3_generator_causes", inputs.state),
        "ch3_causes_figure": _figure("fig-ch3-cause-heatmap",
                                     "成因与表现的 Spearman 相关矩阵（BH 校正后的显著性以星号标注）"),
    }
    best_is_pair: dict[str, bool] = {}
    # Each cause is read against the manifestation in the same place of the thesis's outline (when asked).
    for cause, manifestation in zip(codebook.scales("cause"), codebook.scales("manifestation")):
        if cause not in inputs.causes:
            continue
        own = correlations[correlations["row"] == cause.short_label]
        best = own.loc[own["rho"].abs().idxmax()]
        key = f"ch3_{cause.id}"
        pair_asked = manifestation in inputs.manifestations
        if pair_asked:
            pair = own[own["column"] == manifestation.short_label].iloc[0]
            # The pair is the cause's strongest unless another manifestation's |ρ| is larger as shown.
            best_is_pair[cause.id] = round(abs(pair["rho"]), 2) >= round(abs(best["rho"]), 2)
            texts |= {
                f"{key}_rho": format_coefficient(pair["rho"]),
                f"{key}_rho_direction": correlation_direction_word(pair["rho"]),
                f"{key}_rho_strength": correlation_strength_word(pair["rho"]),
                f"{key}_rho_sig": significance_phrase(pair["p_adjusted"]),
            }
        texts[f"{key}_elsewhere"] = elsewhere_phrase(best["column"], float(best["rho"]), pair_asked,
                                                     best_is_pair.get(cause.id, False))
    paired = len(best_is_pair)
    texts["ch3_diagonal_phrase"] = "" if not paired else count_phrase(
        sum(best_is_pair.values()), paired,
        none="结果是：没有一条成因与同序表现的相关是它与各表现的相关中最强的。",
        some="结果是：在可以这样对应的{total}条成因中，有{count}条与同序表现的相关是它与各表现的相关中最强的。",
        every="结果是：可以这样对应的{total}条成因，与同序表现的相关都是它与各表现的相关中最强的。")
    if not paired:
        texts["ch3_generator_causes"] = ""
    return texts, CausesSection(texts, rho_matrix, rho_text, strongest["row"], strongest["column"],
                                float(strongest["rho"]), len(correlations), significant,
                                format_chinese_count(len(inputs.causes)),
                                format_chinese_count(len(inputs.manifestations)), best_is_pair)


# （八）访谈编码 -----------------------------------------------------------------------------------------------


@dataclass
class InterviewsSection:
    texts: dict[str, str]
    n: int
    state: DataState  # the interviews' own state, independent of the survey's
    source_label: str  # what the interview chart's source line calls the data
    note: str  # added to the chart's title and alt text: '' for real interviews
    mention_share: pd.DataFrame  # theme × role (with its number of interviews): share mentioning, rounded
    mention_text: pd.DataFrame  # the heatmap's cell texts: "mentions/interviews"
    top_theme: str
    top_share: float


def _interviews(inputs: _Inputs, interviews: pd.DataFrame) -> InterviewsSection:
    state = data_state(interviews)
    # The interviews are coded on every theme, whatever the survey asked.
    themes = [*inputs.codebook.scales("manifestation"), *inputs.codebook.scales("cause")]
    theme_labels = [("表现：" if theme.kind == "manifestation" else "成因：") + theme.short_label for theme in themes]
    roles = interviews["role"].astype("object")
    share_columns, text_columns = {}, {}
    for code, label in inputs.role_labels.items():
        members = interviews[roles == code]
        size = len(members)
        column = f"{label}（{size}份）"
        share_columns[column] = [members[theme.id].astype("float64").mean() if size else np.nan for theme in themes]
        text_columns[column] = [f"{int(members[theme.id].astype('int64').sum())}/{size}" if size else ABSENT
                                for theme in themes]
    mention_share = pd.DataFrame(share_columns, index=theme_labels)
    mention_text = pd.DataFrame(text_columns, index=theme_labels)
    all_share = pd.Series([interviews[theme.id].astype("float64").mean() for theme in themes], index=theme_labels)
    n = len(interviews)
    texts = {
        "ch3_iv_n": format_count(n),
        "ch3_iv_caveat": "访谈份数很少，" if n < 30 else "访谈对象是怎样选出的，数据文件没有记载，",
        "ch3_iv_kind": interview_sentence("ch3_iv_kind", state),
        "ch3_iv_state": interview_sentence("ch3_iv_state", state),
        # each manifestation's mentions, quoted in its subsection of （三）
        **{f"ch3_{theme.id}_iv": f"{format_count(int(interviews[theme.id].sum()))}份"
           for theme in inputs.codebook.scales("manifestation")},
    }
    return InterviewsSection(texts, n, state, interview_sentence("interview_source", state),
                             interview_sentence("interview_note", state), mention_share, mention_text,
                             all_share.idxmax(), float(all_share.max()))


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


def _summary(inputs: _Inputs, texts: dict[str, str], manifestations: ManifestationsSection | None,
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


def _introduction(inputs: _Inputs) -> dict[str, str]:
    """The opening paragraph's numbers, what was not asked, the method's rule numbers, and the names of every
    manifestation and cause (the thesis's, asked or not: the headings name them)."""
    texts = {
        "ch3_n": format_count(len(inputs.survey)),
        "ch3_thesis_n": format_count(deployment_figures(load_deployment())["thesis_sample_size"]),
        "ch3_data_kind": survey_sentence("ch3_data_kind", inputs.state),
        "ch3_not_asked": MystText(not_asked_sentence(inputs.cover.not_asked(*CHAPTER_BLOCKS), "本章的分析",
                                                     partial=True)),
        "ch3_min_expected": format_count(MIN_EXPECTED),
    }
    for kind in ("manifestation", "cause"):
        for scale in inputs.codebook.scales(kind):
            texts[f"ch3_{scale.id}_name"] = scale.name
    return texts


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
    inputs = _Inputs(
        codebook=codebook, survey=survey, weights=poststratification_weights(survey, "role"),
        scores=scale_scores(survey, codebook), manifestations=cover.scales("manifestation"),
        causes=cover.scales("cause"), role_labels=codebook.labels("role"),
        tenure_band=tenure_band(survey["tenure_months"]),
        source=f"{survey_sentence('survey_source', state)}（{survey_file_label()}，n = {n}），本书计算", state=state,
        cover=cover, headlines=headline_results(survey, codebook),
    )
    sample = _sample(inputs)
    manifestation_texts, manifestations = _manifestations(inputs)
    group_texts, groups = _group_differences(inputs)
    ordinal_texts, ordinal = _ordinal(inputs)
    time_texts, time_use = _time_use(inputs)
    cause_scale_texts, cause_scales = _cause_scales(inputs)
    cause_texts, causes = _causes(inputs)
    interview_section = _interviews(inputs, interviews)
    texts = _merged(_introduction(inputs), sample.texts, manifestation_texts, group_texts, ordinal_texts,
                    time_texts, cause_scale_texts, cause_texts, interview_section.texts)
    texts = _merged(texts, _summary(inputs, texts, manifestations, groups, ordinal, causes))
    return PredicamentsResult(n, state, inputs.source, sample, manifestations, groups, ordinal, time_use, causes,
                              cause_scales, interview_section, inputs.headlines, texts,
                              _checks(n, manifestations, groups, ordinal, causes))
