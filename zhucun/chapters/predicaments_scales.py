"""Chapter 三's scales: the sample and its weights (（一）), the 普遍程度, item agreement, 强度 and
reliability of the manifestations and the most common one (（三）), the causes' 普遍程度 and their
correlations with the manifestations (（七）), and the interview codes of the same themes (（八）)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zhucun.chapters.predicaments_inputs import (
    ABSENT,
    ORDINALS,
    SAMPLE_TABLE_VARIABLES,
    SIGNIFICANCE,
    Inputs,
    absent,
    figure_directive,
    interval_cells,
    not_asked_passage,
    points,
)
from zhucun.data.survey import (
    DataState,
    data_state,
)
from zhucun.data.synthetic_assumptions import (
    GeneratorBasis,
    scale_order_basis,
)
from zhucun.number_format import (
    format_chinese_count,
    format_coefficient,
    format_count,
    format_mean,
    format_p_value,
    format_share,
    format_weight,
)
from zhucun.prose.data_description import (
    generator_label,
    interview_sentence,
    not_asked_sentence,
    survey_sentence,
)
from zhucun.prose.display_tables import profile_counts, profile_table
from zhucun.prose.glue import MystText
from zhucun.prose.headline_wording import TEST_NAMES
from zhucun.prose.wording import (
    comparison_word,
    correlation_direction_word,
    correlation_strength_word,
    count_phrase,
    quoted_list,
    significance_phrase,
    uncertain_share_word,
)
from zhucun.stats.correlation import as_matrices, spearman_matrix
from zhucun.stats.group_tests import (
    TENURE_BANDS,
)
from zhucun.stats.headlines import SHARE_DIGITS, Leader, tied_at_extreme
from zhucun.stats.intervals import mean_interval
from zhucun.stats.likert import agreement_shares, answer_shares, cronbach_alpha, scale_prevalence
from zhucun.stats.sample_profile import margin_comparison
from zhucun.stats.weighting import kish_effective_n, population_margins

# （一）样本概况 ----------------------------------------------------------------------------------------------


@dataclass
class SampleSection:
    texts: dict[str, str]
    margins_table: pd.DataFrame  # sample against population by role, with the weights (tbl-ch3-margins)
    profile_table: pd.DataFrame  # background characteristics, unweighted and weighted (tbl-ch3-sample)


def sample_section(inputs: Inputs) -> SampleSection:
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
               "ch3_prev_test", "ch3_prev_p", "ch3_prev_verdict")


def scale_summaries(inputs: Inputs, kind: str) -> pd.DataFrame:
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
        "95%区间": interval_cells(table["low"], table["high"], format_share),
        "加权普遍程度": table["weighted_share"].map(format_share),
        "加权95%区间": interval_cells(table["weighted_low"], table["weighted_high"], format_share),
        "强度（平均得分）": table["mean"].map(format_mean),
        "强度95%区间": interval_cells(table["mean_low"], table["mean_high"], format_mean),
        "Cronbach's α": table["alpha_alpha"].map(format_coefficient),
        "α的95%区间": interval_cells(table["alpha_low"], table["alpha_high"], format_coefficient),
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


def _leader_texts(inputs: Inputs) -> dict[str, str]:
    """The most common manifestation (zhucun.stats.headlines) against the runner-up, with its generator label."""
    leader = inputs.headlines.strongest_manifestation
    if leader is None or leader.runner_up_id is None:
        return absent(*LEADER_KEYS) | {"ch3_prev_generator": ""}
    basis = (GeneratorBasis(False, "") if leader.tied
             else scale_order_basis(leader.id, leader.runner_up_id, codebook=inputs.codebook))
    return {
        "ch3_prev_leader": quoted_list(leader.labels) + ("（并列）" if leader.tied else ""),
        "ch3_prev_runner": leader.runner_up_label,
        "ch3_prev_diff": ABSENT if math.isnan(leader.difference) else points(leader.difference),
        "ch3_prev_diff_low": ABSENT if math.isnan(leader.difference_low) else points(leader.difference_low),
        "ch3_prev_diff_high": ABSENT if math.isnan(leader.difference_high) else points(leader.difference_high),
        "ch3_prev_test": TEST_NAMES[leader.test][0] if leader.test else ABSENT,
        "ch3_prev_p": format_p_value(leader.p_value),
        "ch3_prev_verdict": prevalence_verdict(leader),
        "ch3_prev_generator": generator_label(basis, inputs.state),
    }


def manifestations_section(inputs: Inputs) -> tuple[dict[str, str], ManifestationsSection | None]:
    """The section's texts, and the section (None when no manifestation scale was asked)."""
    codebook, survey = inputs.codebook, inputs.survey
    every = codebook.scales("manifestation")
    texts: dict[str, str] = {f"ch3_{scale.id}_figure": MystText("") for scale in every}
    for scale in every:
        texts[f"ch3_{scale.id}_status"] = MystText("")
        if scale not in inputs.manifestations:
            texts |= absent(*(f"ch3_{scale.id}_{key}" for key in SCALE_KEYS))
            texts[f"ch3_{scale.id}_status"] = not_asked_passage([inputs.cover.scale_block(scale.id)], "这一表现的分析")
    if not inputs.manifestations:
        texts |= absent("ch3_items_n", "ch3_items_per_scale", "ch3_items_majority_phrase", "ch3_top_item_phrase",
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
            f"{key}_figure": figure_directive(f"fig-ch3-likert-{scale.id}",
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
        "95%区间": interval_cells(agreement["low"], agreement["high"], format_share),
        "加权同意比例": agreement["weighted_share"].map(format_share),
    })
    return texts, ManifestationsSection(texts, scales, agreement_table, summaries_table(table, "表现"),
                                        float(top["share"]), format_chinese_count(len(scales)))


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


def cause_scales_section(inputs: Inputs) -> tuple[dict[str, str], pd.DataFrame | None]:
    """Each cause's items and 普遍程度 (these need no manifestation), and the causes' table
    (tbl-ch3-cause-scales; None when no cause was asked)."""
    texts = {"ch3_items_per_cause": ABSENT}
    for cause in inputs.codebook.scales("cause"):
        texts[f"ch3_{cause.id}_status"] = MystText("")
        if cause not in inputs.causes:
            texts |= absent(*(f"ch3_{cause.id}_{key}" for key in CAUSE_KEYS))
            texts[f"ch3_{cause.id}_status"] = not_asked_passage([inputs.cover.scale_block(cause.id)], "这一成因的分析")
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


def causes_section(inputs: Inputs) -> tuple[dict[str, str], CausesSection | None]:
    """The correlations' texts, and the section (None when no cause or no manifestation scale was asked)."""
    cover, codebook = inputs.cover, inputs.codebook
    missing = cover.scales_not_asked("cause") + inputs.manifestations_missing()
    texts: dict[str, str] = {"ch3_causes_figure": MystText(""),
                             "ch3_causes_missing": MystText(not_asked_sentence(missing, "本节的相关分析",
                                                                               partial=True))}
    for cause in codebook.scales("cause"):
        texts |= absent(*(f"ch3_{cause.id}_{key}" for key in PAIR_KEYS)) | {f"ch3_{cause.id}_elsewhere": ""}
    if not inputs.causes or not inputs.manifestations:
        texts["ch3_causes_missing"] = not_asked_passage(missing, "成因与表现的相关分析")
        return texts | absent("ch3_rho_pairs", "ch3_rho_sig_phrase") | {
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
        "ch3_causes_figure": figure_directive("fig-ch3-cause-heatmap",
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


def interviews_section(inputs: Inputs, interviews: pd.DataFrame) -> InterviewsSection:
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
        # synthetic codes corroborate nothing; beside synthetic answers they only echo the same generator
        "ch3_iv_state": interview_sentence("ch3_iv_state" if inputs.state.has_synthetic
                                           else "ch3_iv_state_real_survey", state),
        # each manifestation's mentions, quoted in its subsection of （三）
        **{f"ch3_{theme.id}_iv": f"{format_count(int(interviews[theme.id].sum()))}份"
           for theme in inputs.codebook.scales("manifestation")},
    }
    return InterviewsSection(texts, n, state, interview_sentence("interview_source", state),
                             interview_sentence("interview_note", state), mention_share, mention_text,
                             all_share.idxmax(), float(all_share.max()))
