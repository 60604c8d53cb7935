"""Chapter 三 (履职困境的表现和原因): the survey analysis behind every number and word of the chapter.

From the survey file (``data/survey_responses.csv``) and the coded interviews it computes, section by
section: the sample against the population and its post-stratification weights by role (（一）); the
agreement shares, scale scores and reliabilities of the four manifestations (（二）); the group
differences with Holm-corrected tests (（三）); the proportional-odds model of overall pressure and its
Brant test (（四）); where the working time goes (（五）); the Spearman correlations between causes and
manifestations (（六）); the interview coding (（七）) and the summary's sentences (（八）). Each section
returns its glued texts, its display-ready tables (formatted strings, as printed) and the aggregated
numbers its charts are drawn from; the notebook adds the charts' and tables' titles, captions and notes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from zhucun.data.cadre_deployment import deployment_figures
from zhucun.data.codebook import Codebook, Scale, load_codebook
from zhucun.data.sourced_tables import load_deployment
from zhucun.data.survey import DataState, data_state, load_interviews, load_survey, survey_file_label
from zhucun.prose.data_description import interview_sentence, survey_sentence
from zhucun.prose.formatting import format_count, format_number, format_p_value, format_percent
from zhucun.prose.wording import (
    cliffs_delta_word,
    comparison_word,
    correlation_direction_word,
    correlation_strength_word,
    count_phrase,
    cramers_v_word,
    epsilon_squared_word,
    reliability_word,
    share_word,
    significance_phrase,
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
from zhucun.stats.intervals import mean_interval
from zhucun.stats.likert import agreement_shares, answer_shares, cronbach_alpha, scale_scores
from zhucun.stats.multi_select import option_shares
from zhucun.stats.ordinal_model import brant_test, dummies, fit_ordinal_logit, odds_direction, odds_ratio_table
from zhucun.stats.sample_profile import margin_comparison, profile_counts, profile_table
from zhucun.stats.weighting import compare_means, kish_effective_n, population_margins, poststratification_weights

ORDINALS = "一二三四五六七八九十"
SAMPLE_TABLE_VARIABLES = ("role", "gender", "age_group", "education", "dispatch_level", "village_type")
GROUP_TEST_SEED = 20240601  # fixed, so every permutation p-value of the chapter is reproducible
SIGNIFICANCE = 0.05


@dataclass
class _Inputs:
    """What every section reads: the data, the weights, the scale scores and the source line."""

    codebook: Codebook
    survey: pd.DataFrame
    weights: pd.Series
    scores: pd.DataFrame
    manifestations: tuple[Scale, ...]
    causes: tuple[Scale, ...]
    role_labels: dict
    tenure_band: pd.Series
    source: str

    def labelled(self, column: str) -> pd.Series:
        """A coded survey column as its Chinese labels (the groups' names in tests and charts)."""
        return self.survey[column].astype("object").map(self.codebook.labels(column))


def _or_dash(value: float, digits: int = 2) -> str:
    """A table cell: the number, or '—' where there is none."""
    return "—" if np.isnan(value) else f"{value:.{digits}f}"


def _interval_cells(lows, highs, spec: str) -> list[str]:
    return [f"{low:{spec}}–{high:{spec}}" for low, high in zip(lows, highs)]


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
    word = comparison_word(first["sample_share"], first["population_share"], tolerance=0.005)
    texts = {
        "ch3_fs_n": str(role_display.loc[role_labels["first_secretary"], "人数"]),
        "ch3_fs_share": str(role_display.loc[role_labels["first_secretary"], "占比"]),
        "ch3_fs_pop_share": format_percent(first["population_share"]),
        "ch3_pop_total": format_count(margins.sum()),
        "ch3_fs_cmp": {"高于": "高于总体中的占比", "低于": "低于总体中的占比"}.get(word, "与总体中的占比基本持平"),
        "ch3_fs_weight_effect": {"高于": "被调低", "低于": "被调高"}.get(word, "基本不变"),
        "ch3_fs_consequence": ("所以凡是第一书记和工作队员回答不同的题目，未加权的样本比例都会偏离总体"
                               if word in ("高于", "低于") else "身份构成与总体相近，但为稳妥起见仍作加权"),
        "ch3_w_fs": format_number(first["weight"], 3),
        "ch3_w_tm": format_number(team["weight"], 3),
        "ch3_neff": format_number(kish_effective_n(weights), 1),
        "ch3_tenure_median": format_number(survey["tenure_months"].astype("float64").median(), 0),
        "ch3_tenure_bands": "、".join(label for _, _, label in TENURE_BANDS),
        "ch3_tenure_band_n": format_count(len(TENURE_BANDS)),
    }
    margins_table = margins_raw.assign(
        sample_share=margins_raw["sample_share"].map("{:.1%}".format),
        population_share=margins_raw["population_share"].map("{:.1%}".format),
        weight=margins_raw["weight"].map("{:.3f}".format),
        # The sample counts as the profile prints them: counts under 5 hidden (the disclosure rule).
        sample_n=list(role_display["人数"].iloc[:-1]),
    ).rename(columns={"label": "驻村身份", "sample_n": "样本人数", "sample_share": "样本占比",
                      "population_n": "总体人数", "population_share": "总体占比", "weight": "事后分层权重"}
             ).drop(columns="code")
    return SampleSection(texts, margins_table, profile)


# （二）履职困境的四种表现 -------------------------------------------------------------------------------------


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
    mean: float
    alpha: float


@dataclass
class ManifestationsSection:
    texts: dict[str, str]
    scales: list[ManifestationScale]
    agreement_table: pd.DataFrame  # per item: agreement share, Wilson interval, weighted share (tbl-ch3-agree)
    scales_table: pd.DataFrame  # per scale: mean score, weighted mean, Cronbach's α (tbl-ch3-scales)
    top_item_share: float  # the highest agreement share of all items
    majority_items: int  # items agreed with by more than half of those answering


def _scale_summaries(inputs: _Inputs) -> pd.DataFrame:
    """Per manifestation: t interval of the mean score, weighted mean and Cronbach's α with its Feldt interval."""
    rows = []
    for scale in inputs.manifestations:
        summary = mean_interval(inputs.scores[scale.id])
        reliability = cronbach_alpha(inputs.survey[list(scale.items)])
        weighted = compare_means(inputs.scores.assign(role=inputs.survey["role"]), [scale.id], inputs.weights,
                                 inputs.codebook).iloc[0]
        rows.append({"id": scale.id, "name": scale.name, **summary, "weighted_mean": weighted["weighted_mean"],
                     **{f"alpha_{k}": v for k, v in reliability.items()}})
    return pd.DataFrame(rows)


def _manifestations(inputs: _Inputs) -> ManifestationsSection:
    codebook, survey = inputs.codebook, inputs.survey
    answer_codes = codebook.answer_scales["agreement"].codes
    agreement_labels = [code.label for code in answer_codes]
    agreement = agreement_shares(survey, [item for scale in inputs.manifestations for item in scale.items],
                                 weights=inputs.weights)
    agreement["scale"] = [codebook.variable(item).scale for item in agreement["item"]]
    agreement["label"] = [codebook.short_label(item) for item in agreement["item"]]
    per_scale = {len(scale.items) for scale in inputs.manifestations}
    majority = int((agreement["share"] > 0.5).sum())
    top = agreement.loc[agreement["share"].idxmax()]
    table = _scale_summaries(inputs)
    highest = table.loc[table["mean"].idxmax()]
    lowest = table.loc[table["mean"].idxmin()]
    largest_gap = (table["weighted_mean"] - table["mean"]).abs().max()
    texts = {
        "ch3_items_n": format_count(len(agreement)),
        "ch3_items_per_scale": (f"每种表现{per_scale.pop()}题" if len(per_scale) == 1
                                else "各表现题数不等（见附录问卷）"),
        "ch3_items_majority_phrase": count_phrase(
            majority, len(agreement), none="{total}个题项的同意比例都没有超过一半",
            some="在{total}个题项中，同意比例超过一半的有{count}个", every="全部{total}个题项的同意比例都超过一半"),
        "ch3_top_item": top["label"],
        "ch3_top_item_scale": codebook.scale(top["scale"]).name,
        "ch3_top_item_share": format_percent(top["share"]),
        "ch3_top_item_word": share_word(top["share"]),
        "ch3_top_item_low": format_percent(top["low"]),
        "ch3_top_item_high": format_percent(top["high"]),
        "ch3_top_scale": highest["name"],
        "ch3_top_scale_mean": format_number(highest["mean"]),
        "ch3_low_scale": lowest["name"],
        "ch3_low_scale_mean": format_number(lowest["mean"]),
        "ch3_weight_gap": format_number(largest_gap, 2),
        "ch3_weight_gap_phrase": ("加权与未加权的平均得分相差不到0.05分，身份构成的偏差对这些结果影响很小"
                                  if largest_gap < 0.05 else "加权后平均得分有可见的变化，解读时应以加权估计为准"),
    }
    scales = []
    for number, scale in enumerate(inputs.manifestations):
        rows = agreement[agreement["scale"] == scale.id]
        best = rows.loc[rows["share"].idxmax()]
        worst = rows.loc[rows["share"].idxmin()]
        summary = table.set_index("id").loc[scale.id]
        key = f"ch3_{scale.id}"
        texts |= {
            f"{key}_n_items": format_count(len(rows)),
            f"{key}_top_item": best["label"],
            f"{key}_top_share": format_percent(best["share"]),
            f"{key}_top_word": share_word(best["share"]),
            f"{key}_top_low": format_percent(best["low"]),
            f"{key}_top_high": format_percent(best["high"]),
            f"{key}_low_item": worst["label"],
            f"{key}_low_share": format_percent(worst["share"]),
            f"{key}_mean": format_number(summary["mean"]),
            f"{key}_mean_low": format_number(summary["low"]),
            f"{key}_mean_high": format_number(summary["high"]),
            f"{key}_alpha": format_number(summary["alpha_alpha"]),
            f"{key}_alpha_low": format_number(summary["alpha_low"]),
            f"{key}_alpha_high": format_number(summary["alpha_high"]),
            f"{key}_alpha_word": reliability_word(summary["alpha_alpha"]),
        }
        shares = answer_shares(survey, scale.items)[[code.code for code in answer_codes]]
        shares.columns = agreement_labels
        shares.index = [codebook.short_label(item) for item in scale.items]
        scales.append(ManifestationScale(
            scale.id, scale.name, ORDINALS[number], shares, best["label"], float(best["share"]), worst["label"],
            float(worst["share"]), float(summary["mean"]), float(summary["alpha_alpha"])))
    agreement_table = pd.DataFrame({
        "表现": [codebook.scale(s).short_label for s in agreement["scale"]],
        "题项": [codebook.question_text(item) for item in agreement["item"]],
        "作答人数": agreement["n"],
        "同意比例": agreement["share"].map("{:.1%}".format),
        "95%区间": _interval_cells(agreement["low"], agreement["high"], ".1%"),
        "加权同意比例": agreement["weighted_share"].map("{:.1%}".format),
    })
    scales_table = pd.DataFrame({
        "表现": table["name"],
        "计分人数": table["n"],
        "平均得分": table["mean"].map("{:.2f}".format),
        "95%区间": _interval_cells(table["low"], table["high"], ".2f"),
        "加权平均得分": table["weighted_mean"].map("{:.2f}".format),
        "Cronbach's α": table["alpha_alpha"].map("{:.2f}".format),
        "α的95%区间": _interval_cells(table["alpha_low"], table["alpha_high"], ".2f"),
    })
    return ManifestationsSection(texts, scales, agreement_table, scales_table, float(top["share"]), majority)


# （三）不同群体之间的差异 ---------------------------------------------------------------------------------------


@dataclass
class GroupDifferencesSection:
    texts: dict[str, str]
    table: pd.DataFrame  # every test with its Holm-corrected p and effect size (tbl-ch3-groups)
    top_means: pd.DataFrame  # group means of the three largest differences (ε²), for the interval chart
    largest_outcome: str
    largest_grouping: str
    largest_effect: float  # ε² of the largest difference
    tests: int
    significant: int  # tests significant after the Holm correction


def _effect_cell(row: pd.Series) -> str:
    """The effect size of one test with its word: ε² (and Cliff's δ for two groups), or Cramér's V."""
    if np.isnan(row["effect"]):
        return "—"
    if row["kind"] == "ordered":
        text = f"ε² = {row['effect']:.3f}（{epsilon_squared_word(row['effect'])}）"
        if not np.isnan(row["delta"]):
            text += f"；δ = {row['delta']:.2f}（{cliffs_delta_word(row['delta'])}）"
        return text
    return f"V = {row['effect']:.2f}（{cramers_v_word(row['effect'])}）"


def _group_differences(inputs: _Inputs) -> GroupDifferencesSection:
    survey, codebook = inputs.survey, inputs.codebook
    groupings = {"驻村身份": inputs.labelled("role"), "派出单位层级": inputs.labelled("dispatch_level"),
                 "驻村时长": inputs.tenure_band.astype("object"), "驻村类型": inputs.labelled("village_type")}
    pressure = survey["overall_pressure"].astype("Float64")
    pressure_labels = codebook.labels("overall_pressure")
    high_pressure_label = f"总体压力{pressure_labels[4]}或{pressure_labels[5]}"
    high_pressure = (pressure >= 4).astype("float64").where(pressure.notna().to_numpy(dtype=bool))
    differences = group_difference_table(
        survey, {scale.name: inputs.scores[scale.id] for scale in inputs.manifestations},
        {high_pressure_label: high_pressure}, groupings, seed=GROUP_TEST_SEED, method="holm")
    significant = int((differences["p_adjusted"] < SIGNIFICANCE).sum())
    ordered = differences[differences["kind"] == "ordered"].sort_values("effect", ascending=False)
    largest = ordered.iloc[0]
    texts = {
        "ch3_tests_n": format_count(len(differences)),
        "ch3_min_group": format_count(MIN_GROUP_ASYMPTOTIC),
        "ch3_permutations": format_count(N_PERMUTATIONS),
        "ch3_min_expected": format_count(MIN_EXPECTED),
        "ch3_tests_perm": format_count(int(differences["test"].str.contains("置换|Fisher").sum())),
        "ch3_diff_outcome": largest["outcome"],
        "ch3_diff_grouping": largest["grouping"],
        "ch3_diff_eps": format_number(largest["effect"], 3),
        "ch3_diff_eps_word": epsilon_squared_word(largest["effect"]),
        "ch3_diff_p": format_p_value(largest["p_adjusted"]),
        "ch3_diff_sig": significance_phrase(largest["p_adjusted"]),
        "ch3_sig_phrase": count_phrase(
            significant, len(differences),
            none="没有一项差异在校正后仍然显著（p < 0.05），现有数据不足以说明这些群体在困境感受上存在差别",
            some="校正后仍然显著（p < 0.05）的差异有{count}项，见表中校正后 p 值小于0.05的各行",
            every="全部{total}项差异在校正后都仍然显著（p < 0.05）"),
    }
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
                                    "结果变量": row["outcome"], "平均得分": means["mean"].round(3),
                                    "下限": means["low"].round(3), "上限": means["high"].round(3), "人数": means["n"]}))
    top_means = pd.concat(pieces, ignore_index=True)
    return GroupDifferencesSection(texts, table, top_means, largest["outcome"], largest["grouping"],
                                   float(largest["effect"]), len(differences), significant)


# （四）有序 logistic 回归 ---------------------------------------------------------------------------------------


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


def _predictors(inputs: _Inputs) -> tuple[pd.DataFrame, str]:
    """The model's predictors (four scale scores and the controls) and the reference dispatch level."""
    survey, codebook, role_labels = inputs.survey, inputs.codebook, inputs.role_labels
    dispatch_labels = codebook.labels("dispatch_level")
    dispatch_reference = survey["dispatch_level"].astype("object").value_counts().idxmax()
    predictors = pd.DataFrame({f"{scale.short_label}（每高1分）": inputs.scores[scale.id]
                               for scale in inputs.manifestations})
    predictors[f"{role_labels['first_secretary']}（对照：{role_labels['team_member']}）"] = (
        survey["role"].astype("object") == "first_secretary").astype("float64")
    gender_labels = codebook.labels("gender")
    predictors[f"{gender_labels['female']}（对照：{gender_labels['male']}）"] = (
        survey["gender"].astype("object") == "female").astype("float64")
    predictors["驻村时长（每12个月）"] = survey["tenure_months"].astype("float64") / 12
    predictors = predictors.join(dummies(
        survey["dispatch_level"].astype("object"), dispatch_labels, dispatch_reference,
        f"派出单位（对照：{dispatch_labels[dispatch_reference]}）"))
    return predictors, dispatch_labels[dispatch_reference]


def _village_type_reason(survey: pd.DataFrame) -> str:
    """Why village type is not in the model, in words true of the current counts."""
    smallest = survey["village_type"].astype("object").value_counts().min()
    if smallest >= 30:
        return "逐类加入会使模型参数成倍增加，且各切点上容易出现空格"
    # A count under 5 is never printed (disclosure rule of the book's tables).
    size = "不足5" if smallest < 5 else "只有" + str(int(smallest))
    return f"当前样本中人数最少的一类{size}人，单独估计其效应很不稳定"


def _brant(inputs: _Inputs, predictors: pd.DataFrame) -> tuple[dict[str, str], pd.DataFrame, list[str] | None]:
    """The Brant test of proportional odds: its sentences, its table and the rejected predictors."""
    try:
        brant = brant_test(inputs.survey["overall_pressure"], predictors)
    except (ValueError, np.linalg.LinAlgError):
        texts = {"ch3_brant_omnibus": "分切点的二元 logit 无法估计，检验无法进行",
                 "ch3_brant_rejected_phrase": "逐个自变量的检验同样无法进行",
                 "ch3_brant_phrase": "比例优势假定未经检验，上表结果应谨慎解读",
                 "ch3_brant_sparse": ""}
        return texts, pd.DataFrame({"说明": ["当前数据无法完成分切点估计"]}), None
    rejected = brant.by_predictor.loc[brant.by_predictor["p_adjusted"] < SIGNIFICANCE, "predictor"].tolist()
    texts = {
        "ch3_brant_omnibus": ("整体检验因分切点估计的协方差矩阵不正定而无法计算" if np.isnan(brant.chi2) else
                              f"整体检验统计量 χ² = {brant.chi2:.1f}（自由度 {brant.df}），p = {brant.p_value:.3f}"),
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
        **{cut_header(c): merged[c].map("{:.2f}".format) for c in cut_columns},
        "Brant χ²": merged["chi2"].map(_or_dash),
        "p值": merged["p_value"].map(format_p_value),
        "Holm校正p值": merged["p_adjusted"].map(format_p_value),
    })
    return texts, table, rejected


def _ordinal(inputs: _Inputs) -> OrdinalSection:
    predictors, reference = _predictors(inputs)
    fit = fit_ordinal_logit(inputs.survey["overall_pressure"], predictors)
    odds = odds_ratio_table(fit)
    clear = int(((odds["low"] > 1) | (odds["high"] < 1)).sum())
    texts = {
        "ch3_ord_n": format_count(fit.n),
        "ch3_ord_reference": reference,
        "ch3_village_types_n": format_count(len(inputs.codebook.labels("village_type"))),
        "ch3_village_type_reason": _village_type_reason(inputs.survey),
        "ch3_or_clear_phrase": count_phrase(
            clear, len(odds), none="{total}个自变量的95%区间全都包含1",
            some="在{total}个自变量中，95%区间不含1的有{count}个", every="全部{total}个自变量的95%区间都不含1"),
    }
    for scale in inputs.manifestations:
        row = odds[odds["predictor"] == f"{scale.short_label}（每高1分）"].iloc[0]
        texts |= {
            f"ch3_or_{scale.id}": format_number(row["odds_ratio"]),
            f"ch3_or_{scale.id}_low": format_number(row["low"]),
            f"ch3_or_{scale.id}_high": format_number(row["high"]),
            f"ch3_or_{scale.id}_phrase": {
                "更可能": "区间整体大于1：该表现得分越高，报告更大总体压力的可能越大",
                "更不可能": "区间整体小于1：该表现得分越高，报告更大总体压力的可能越小",
            }.get(odds_direction(row["low"], row["high"]), "区间包含1，数据不足以判断其方向"),
        }
    brant_texts, brant_table, rejected = _brant(inputs, predictors)
    chart_data = odds.assign(
        odds_ratio=odds["odds_ratio"].round(3), low=odds["low"].round(3), high=odds["high"].round(3),
    ).rename(columns={"predictor": "自变量", "odds_ratio": "优势比", "low": "95%区间下限", "high": "95%区间上限"})[
        ["自变量", "优势比", "95%区间下限", "95%区间上限"]]
    table = odds.assign(
        coef=odds["coef"].map("{:.3f}".format), odds_ratio=odds["odds_ratio"].map("{:.2f}".format),
        interval=_interval_cells(odds["low"], odds["high"], ".2f"),
        p_value=odds["p_value"].map(format_p_value),
    ).rename(columns={"predictor": "自变量", "coef": "系数", "odds_ratio": "优势比", "interval": "95%区间",
                      "p_value": "p值"})[["自变量", "系数", "优势比", "95%区间", "p值"]]
    strongest = odds.loc[odds["coef"].abs().idxmax()]
    return OrdinalSection(texts | brant_texts, fit.n, odds, chart_data, table, brant_table, rejected, strongest,
                          clear)


# （五）工作时间花在哪里 ------------------------------------------------------------------------------------------


@dataclass
class TimeUseSection:
    texts: dict[str, str]
    chart_data: pd.DataFrame  # 工作事项, 群体, 选择比例: overall and by role, ranked by the overall share
    top_option: str
    top_share: float
    second_option: str
    second_share: float


def _time_use(inputs: _Inputs) -> TimeUseSection:
    codebook = inputs.codebook
    options = [v for v in codebook.of_type("multi_select_option") if v.startswith("time_")]
    table = option_shares(inputs.survey, options, groups=inputs.labelled("role"))
    table["工作事项"] = [codebook.short_label(v) for v in table["option"]]
    table["群体"] = table["group"].replace({"全部": "全部受访者"})
    overall = table[table["group"] == "全部"]
    first, second = overall.iloc[0], overall.iloc[1]
    services = overall.set_index("option").loc["time_services"]
    texts = {
        "ch3_time_options_n": format_count(len(options)),
        "ch3_time_top": first["工作事项"],
        "ch3_time_top_share": format_percent(first["share"]),
        "ch3_time_top_word": share_word(first["share"]),
        "ch3_time_second": second["工作事项"],
        "ch3_time_second_share": format_percent(second["share"]),
        "ch3_time_services_share": format_percent(services["share"]),
        "ch3_time_services_rank": format_count(int(services["rank"])),
    }
    for code, label in inputs.role_labels.items():
        part = table[table["group"] == label].sort_values("share", ascending=False, kind="stable")
        texts[f"ch3_time_{code}_top"] = part.iloc[0]["工作事项"]
        texts[f"ch3_time_{code}_top_share"] = format_percent(part.iloc[0]["share"])
    chart_data = table.assign(选择比例=table["share"].round(4))[["工作事项", "群体", "选择比例"]]
    return TimeUseSection(texts, chart_data, first["工作事项"], float(first["share"]), second["工作事项"],
                          float(second["share"]))


# （六）履职困境的成因 -------------------------------------------------------------------------------------------


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


def _causes(inputs: _Inputs) -> CausesSection:
    codebook, scores = inputs.codebook, inputs.scores
    cause_scores = pd.DataFrame({scale.short_label: scores[scale.id] for scale in inputs.causes})
    manifestation_scores = pd.DataFrame({scale.short_label: scores[scale.id] for scale in inputs.manifestations})
    correlations = spearman_matrix(cause_scores, manifestation_scores, method="fdr_bh")
    rho_matrix, rho_text = as_matrices(correlations, cause_scores.columns, manifestation_scores.columns)
    strongest = correlations.loc[correlations["rho"].abs().idxmax()]
    significant = int((correlations["p_adjusted"] < SIGNIFICANCE).sum())
    per_cause = {len(scale.items) for scale in inputs.causes}
    texts = {
        "ch3_rho_pairs": format_count(len(correlations)),
        "ch3_items_per_cause": f"{per_cause.pop()}道" if len(per_cause) == 1 else "数道",
        "ch3_rho_sig": format_count(significant),
        "ch3_rho_top_cause": strongest["row"],
        "ch3_rho_top_manifestation": strongest["column"],
        "ch3_rho_top": format_number(strongest["rho"]),
        "ch3_rho_top_word": correlation_strength_word(strongest["rho"]),
        "ch3_rho_top_direction": correlation_direction_word(strongest["rho"]),
    }
    # Each cause is read against the manifestation in the same place of the thesis's outline.
    for cause, manifestation in zip(inputs.causes, inputs.manifestations):
        agree = agreement_shares(inputs.survey, cause.items)
        own = correlations[correlations["row"] == cause.short_label]
        pair = own[own["column"] == manifestation.short_label].iloc[0]
        best = own.loc[own["rho"].abs().idxmax()]
        key = f"ch3_{cause.id}"
        texts |= {
            f"{key}_mean": format_number(mean_interval(scores[cause.id])["mean"]),
            f"{key}_items": "”和“".join(codebook.question_text(item) for item in cause.items),
            f"{key}_agree_first": format_percent(agree.iloc[0]["share"]),
            f"{key}_agree_second": format_percent(agree.iloc[1]["share"]),
            f"{key}_pair": manifestation.name,
            f"{key}_rho": format_number(pair["rho"]),
            f"{key}_rho_word": correlation_strength_word(pair["rho"]),
            f"{key}_rho_direction": correlation_direction_word(pair["rho"]),
            f"{key}_rho_sig": significance_phrase(pair["p_adjusted"]),
            f"{key}_best": best["column"],
            f"{key}_best_rho": format_number(best["rho"]),
            f"{key}_best_phrase": ("正是与之对应的这一表现" if best["column"] == manifestation.short_label
                                   else "并不是与之对应的那一表现"),
        }
    return CausesSection(texts, rho_matrix.round(3), rho_text, strongest["row"], strongest["column"],
                         float(strongest["rho"]), len(correlations), significant)


# （七）访谈编码 -----------------------------------------------------------------------------------------------


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
    themes = [*inputs.manifestations, *inputs.causes]
    theme_labels = [("表现：" if theme.kind == "manifestation" else "成因：") + theme.short_label for theme in themes]
    roles = interviews["role"].astype("object")
    share_columns, text_columns = {}, {}
    for code, label in inputs.role_labels.items():
        members = interviews[roles == code]
        size = len(members)
        column = f"{label}（{size}份）"
        share_columns[column] = [members[theme.id].astype("float64").mean() if size else np.nan for theme in themes]
        text_columns[column] = [f"{int(members[theme.id].astype('int64').sum())}/{size}" if size else "—"
                                for theme in themes]
    mention_share = pd.DataFrame(share_columns, index=theme_labels)
    mention_text = pd.DataFrame(text_columns, index=theme_labels)
    all_share = pd.Series([interviews[theme.id].astype("float64").mean() for theme in themes], index=theme_labels)
    texts = {
        "ch3_iv_n": format_count(len(interviews)),
        "ch3_iv_caveat": "访谈份数很少，" if len(interviews) < 30 else "访谈不是随机抽样，",
        "ch3_iv_kind": interview_sentence("ch3_iv_kind", state),
        "ch3_iv_top": all_share.idxmax(),
        "ch3_iv_top_share": format_percent(all_share.max()),
        "ch3_iv_low": all_share.idxmin(),
        "ch3_iv_low_share": format_percent(all_share.min()),
    }
    return InterviewsSection(texts, len(interviews), state, interview_sentence("interview_source", state),
                             interview_sentence("interview_note", state), mention_share.round(3), mention_text,
                             all_share.idxmax(), float(all_share.max()))


# （八）小结 --------------------------------------------------------------------------------------------------


def _summary(state: DataState, manifestations: ManifestationsSection, groups: GroupDifferencesSection,
             ordinal: OrdinalSection, causes: CausesSection) -> dict[str, str]:
    """The summary's sentences, each chosen by the results of the sections before it."""
    if causes.significant == causes.pairs:
        cause_phrase = f"全部{causes.pairs}对成因—表现相关都在校正后显著"
    elif causes.significant:
        cause_phrase = "成因与表现之间的相关只有一部分在校正后显著"
    else:
        cause_phrase = "成因与表现之间没有一对相关在校正后显著"
    return {
        "ch3_sum_majority_phrase": ("有题项获得过半数受访者的认同" if manifestations.majority_items
                                    else "没有一个题项获得过半数受访者的认同"),
        "ch3_sum_groups_phrase": count_phrase(
            groups.significant, groups.tests, none="群体之间没有一项差异在校正后显著",
            some="群体之间在校正后显著的差异有{count}项", every="群体之间的{total}项差异在校正后全都显著"),
        "ch3_sum_or_phrase": count_phrase(
            ordinal.clear, len(ordinal.odds), none="有序 logistic 回归中没有一个自变量的95%区间不含1",
            some="有序 logistic 回归中95%区间不含1的自变量有{count}个",
            every="有序 logistic 回归中所有自变量的95%区间都不含1"),
        "ch3_sum_cause_phrase": cause_phrase,
        "ch3_sum_caveat": survey_sentence("ch3_summary_caveat", state),
    }


# The chapter ------------------------------------------------------------------------------------------------


@dataclass
class PredicamentsResult:
    """Chapter 三's results, one field per section of the chapter; ``texts`` holds every glued text."""

    n: int
    survey_state: DataState
    source: str  # the source line of the survey's tables and charts
    sample: SampleSection
    manifestations: ManifestationsSection
    groups: GroupDifferencesSection
    ordinal: OrdinalSection
    time_use: TimeUseSection
    causes: CausesSection
    interviews: InterviewsSection
    texts: dict[str, str]  # {glue name: text} of the whole chapter


def _introduction(inputs: _Inputs, state: DataState) -> dict[str, str]:
    """The opening paragraph's numbers and the names and ordinals of the manifestations and causes."""
    texts = {
        "ch3_n": format_count(len(inputs.survey)),
        "ch3_thesis_n": format_count(deployment_figures(load_deployment())["thesis_sample_size"]),
        "ch3_data_kind": survey_sentence("ch3_data_kind", state),
    }
    for scales in (inputs.manifestations, inputs.causes):
        for number, scale in enumerate(scales):
            texts[f"ch3_{scale.id}_name"] = scale.name
            texts[f"ch3_{scale.id}_ordinal"] = ORDINALS[number]
    return texts


def _merged(*parts: dict[str, str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for part in parts:
        repeated = texts.keys() & part.keys()
        if repeated:
            raise ValueError(f"glue names computed twice: {sorted(repeated)}")
        texts |= part
    return texts


def analyse(survey: pd.DataFrame | None = None, interviews: pd.DataFrame | None = None) -> PredicamentsResult:
    """Chapter 三 from the survey and the coded interviews (by default the book's data files)."""
    codebook = load_codebook()
    survey = load_survey() if survey is None else survey
    interviews = load_interviews() if interviews is None else interviews
    state = data_state(survey)
    n = len(survey)
    inputs = _Inputs(
        codebook=codebook, survey=survey, weights=poststratification_weights(survey, "role"),
        scores=scale_scores(survey, codebook), manifestations=codebook.scales("manifestation"),
        causes=codebook.scales("cause"), role_labels=codebook.labels("role"),
        tenure_band=tenure_band(survey["tenure_months"]),
        source=f"{survey_sentence('survey_source', state)}（{survey_file_label()}，n = {n}），本书计算",
    )
    sample = _sample(inputs)
    manifestations = _manifestations(inputs)
    groups = _group_differences(inputs)
    ordinal = _ordinal(inputs)
    time_use = _time_use(inputs)
    causes = _causes(inputs)
    interview_section = _interviews(inputs, interviews)
    texts = _merged(_introduction(inputs, state), sample.texts, manifestations.texts, groups.texts,
                    ordinal.texts, time_use.texts, causes.texts, interview_section.texts,
                    _summary(state, manifestations, groups, ordinal, causes))
    return PredicamentsResult(n, state, inputs.source, sample, manifestations, groups, ordinal, time_use, causes,
                              interview_section, texts)
