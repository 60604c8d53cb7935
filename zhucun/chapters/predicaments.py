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
from string import Template

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
from zhucun.prose.data_description import interview_sentence, not_asked_sentence, survey_sentence
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
from zhucun.prose.headline_wording import leader_sentence, summary_leader_phrase
from zhucun.prose.wording import (
    cliffs_delta_word,
    comparison_word,
    correlation_direction_word,
    correlation_strength_word,
    count_phrase,
    cramers_v_word,
    epsilon_squared_word,
    portion_phrase,
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
from zhucun.stats.headlines import SHARE_DIGITS, HeadlineResults, headline_results, tied_at_extreme
from zhucun.stats.intervals import mean_interval
from zhucun.stats.likert import agreement_shares, answer_shares, cronbach_alpha, scale_scores
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
    return "—" if np.isnan(value) else format_coefficient(value)


def top_items_phrase(items: list[str], scales: list[str]) -> str:
    """The item(s) most agreed with and their manifestation(s); items tied at the shown precision are named
    as tied."""
    if len(items) == 1:
        return f"认同面最广的一题是“{items[0]}”，属于“{scales[0]}”"
    quoted = "与".join(f"“{item}”" for item in items)
    owners = list(dict.fromkeys(scales))
    belong = f"同属“{owners[0]}”" if len(owners) == 1 else "分属" + "".join(f"“{name}”" for name in owners)
    return f"认同面最广的是并列的{quoted}，{belong}"


def weight_gap_phrase(largest_gap: float) -> str:
    """How far weighting by role moves the scale means: under 0.05 points (the second decimal shown) counts
    as little."""
    if largest_gap < 0.05:
        return "与未加权时相差都不到0.05分，身份构成的偏差对这些结果影响很小"
    return f"最多变化{format_mean(largest_gap)}分，解读时应以加权估计为准"


def _scales_phrase(asked: tuple[Scale, ...], all_scales: tuple[Scale, ...], unit: str) -> str:
    count = format_chinese_count(len(asked)) + unit
    return count if len(asked) == len(all_scales) else "问卷问到的" + count


def _myst(template: str, **values: str) -> MystText:
    """A section's MyST prose: *template* with its $placeholders filled (its {glue} roles stay)."""
    return MystText(Template(template).substitute(values))


# The prose of the sections an absent questionnaire block can shorten or skip, as MyST pasted with {glue:md}:
# with every block asked each renders exactly as the same text typed in the notebook would.

_MANIFESTATIONS_INTRO = (
    "问卷用{glue}`ch3_items_n`道同意程度题测量论文归纳的$measured，{glue}`ch3_items_per_scale`，"
    "回答从“非常不同意”到“非常同意”共五级。下文把选择“比较同意”或“非常同意”的受访者称为“同意”，"
    "比例的分母是回答了该题的人（未作答不计入），95%区间用 Wilson 方法计算。"
    "量表得分是受访者在该表现各题上的平均分（1–5分，至少回答一半题目才计分），"
    "内部一致性用 Cronbach's α 及其 Feldt 95%区间衡量 {cite}`feldt1965kr20`。$missing\n"
    "\n"
    "{glue}`ch3_items_majority_phrase`，{glue}`ch3_top_item_phrase`。"
    "$ranking"
    "按驻村身份加权后，各量表的平均得分{glue}`ch3_weight_gap_phrase`（{numref}`tbl-ch3-scales`）。"
)

# Two frames for the four manifestation sections, alternating, so the chapter does not read as one
# sentence said four times; each states the scale's numbers once (the tables repeat them with the rest).
_SCALE_SECTIONS = (
    "在这一表现的{glue}`ch3_${id}_n_items`个题项中，“{glue}`ch3_${id}_top_item`”得到的认同最多，"
    "{glue}`ch3_${id}_top_word`受访者表示同意（{glue}`ch3_${id}_top_share`，"
    "95%区间{glue}`ch3_${id}_top_low`–{glue}`ch3_${id}_top_high`），"
    "“{glue}`ch3_${id}_low_item`”最少（{glue}`ch3_${id}_low_share`）；各题的回答分布见{numref}`fig-ch3-likert-${id}`。"
    "量表平均{glue}`ch3_${id}_mean`分（95%区间{glue}`ch3_${id}_mean_low`–{glue}`ch3_${id}_mean_high`），"
    "α = {glue}`ch3_${id}_alpha`（{glue}`ch3_${id}_alpha_low`–{glue}`ch3_${id}_alpha_high`），"
    "内部一致性{glue}`ch3_${id}_alpha_word`。",
    "这一量表的平均得分为{glue}`ch3_${id}_mean`分，95%区间{glue}`ch3_${id}_mean_low`–"
    "{glue}`ch3_${id}_mean_high`；Cronbach's α 为{glue}`ch3_${id}_alpha`"
    "（{glue}`ch3_${id}_alpha_low`–{glue}`ch3_${id}_alpha_high`），一致性{glue}`ch3_${id}_alpha_word`。"
    "{glue}`ch3_${id}_n_items`个题项的同意比例从“{glue}`ch3_${id}_low_item`”的{glue}`ch3_${id}_low_share`"
    "到“{glue}`ch3_${id}_top_item`”的{glue}`ch3_${id}_top_share`不等"
    "（后者的95%区间为{glue}`ch3_${id}_top_low`–{glue}`ch3_${id}_top_high`），"
    "也就是说，对后一题表示同意的是{glue}`ch3_${id}_top_word`受访者（{numref}`fig-ch3-likert-${id}`）。",
)

_SCALE_FIGURE = (
    "\n"
    "\n"
    "```{glue:figure} fig-ch3-likert-${id}\n"
    ":name: fig-ch3-likert-${id}\n"
    "\n"
    "表现${ordinal}各题项的回答分布（中性回答居中）\n"
    "```"
)

_MANIFESTATIONS_TABLES = (
    "各题项的同意比例及其区间、加权后的同意比例见{numref}`tbl-ch3-agree`，"
    "$count个量表的得分与信度见{numref}`tbl-ch3-scales`。"
)

_GROUPS_BODY = (
    "比较的分组有四个：驻村身份、派出单位层级、"
    "驻村时长（分为{glue}`ch3_tenure_bands`{glue}`ch3_tenure_band_n`档）和驻村类型；比较的结果是$outcomes。"
    "$methods由于同时做了{glue}`ch3_tests_n`项检验，p 值一并用 Holm 方法校正，"
    "其中{glue}`ch3_tests_perm`项使用了精确或置换检验。$missing\n"
    "\n"
    "{glue}`ch3_sig_phrase`。$largest全部结果见{numref}`tbl-ch3-groups`$chart"
)

_GROUPS_SCORES_METHOD = (
    "量表得分用 Kruskal–Wallis 秩和检验（两组时等价于 Mann–Whitney 检验），不要求正态分布；"
    "某组回答不足{glue}`ch3_min_group`人时，p 值改由{glue}`ch3_permutations`次置换检验给出（随机种子固定，"
    "结果可重现）。"
)

_GROUPS_PRESSURE_METHOD = (
    "是否压力较大用卡方检验；期望频数不足{glue}`ch3_min_expected`时，2×2表用 Fisher 精确检验，"
    "更大的表用置换卡方检验。"
)

_GROUPS_EFFECTS = (
    "效应量分别为 ε²、两组时的 Cliff's δ 和 Cramér's V。"
)

_GROUPS_LARGEST = (
    "效应量最大的是“{glue}`ch3_diff_outcome`”在不同{glue}`ch3_diff_grouping`之间的差异，"
    "ε² 为{glue}`ch3_diff_eps`，属于{glue}`ch3_diff_eps_word`效应，校正后 p 值为{glue}`ch3_diff_p`，"
    "{glue}`ch3_diff_sig`。"
)

_GROUPS_CHART_REFERENCE = (
    "，效应量最大的三项比较中各组的平均得分见{numref}`fig-ch3-group-differences`。"
)

_GROUPS_FIGURE = (
    "```{glue:figure} fig-ch3-group-differences\n"
    ":name: fig-ch3-group-differences\n"
    "\n"
    "效应量最大的三项群体差异（各组平均得分及95%区间，不足{glue}`ch3_min_group`人的组未画出）\n"
    "```"
)

_ORDINAL_BODY = (
    "为了看四种表现中哪些与驻村干部感到的总体压力相关，本章以总体压力（1“很小”到5“很大”）为因变量，"
    "拟合比例优势的有序 logistic 回归：自变量为$measured的量表得分，并控制驻村身份、性别、"
    "驻村时长和派出单位层级（以人数最多的“{glue}`ch3_ord_reference`”为对照）。"
    "驻村类型有{glue}`ch3_village_types_n`类，{glue}`ch3_village_type_reason`，因此未纳入模型。"
    "进入模型的完整回答共{glue}`ch3_ord_n`份。本章事先定下合并稀疏等级的规则：两端的压力等级若不足进入模型回答的"
    "{glue}`ch3_ord_min_share`，就并入相邻等级，直到两端都达到这一比例；{glue}`ch3_ord_merge_phrase`。"
    "优势比大于1表示该变量越高（或属于该类别），报告更高一级压力的可能越大。$missing\n"
    "\n"
    "{glue}`ch3_or_clear_phrase`（{numref}`tbl-ch3-ordinal`、{numref}`fig-ch3-ordinal-odds`）。就$measured而言："
    "$clauses。{glue}`ch3_generator_pressure`{glue}`ch3_or_controls_phrase`这些是横截面数据中的相关，不能解释为因果作用。"
    "{glue}`ch3_or_reconcile`\n"
    "\n"
    "模型假定每个自变量在各切点（压力较低的等级与其余等级之间的每一道分界）上的作用相同。"
    "对此用 Brant 检验 {cite}`brant1990proportionality`："
    "在每个切点分别拟合二元 logit，再检验各切点的系数是否相等。{glue}`ch3_brant_omnibus`。"
    "逐个自变量检验并经 Holm 校正后，{glue}`ch3_brant_rejected_phrase`；{glue}`ch3_brant_phrase`。"
    "{glue}`ch3_brant_sparse`各切点的分别估计见{numref}`tbl-ch3-brant`。"
)

_ORDINAL_FIRST_CLAUSE = (
    "“{glue}`ch3_${id}_name`”得分每高1分，优势比为{glue}`ch3_or_${id}`（95%区间{glue}`ch3_or_${id}_low`–"
    "{glue}`ch3_or_${id}_high`），{glue}`ch3_or_${id}_phrase`"
)

_ORDINAL_CLAUSE = (
    "“{glue}`ch3_${id}_name`”为{glue}`ch3_or_${id}`（{glue}`ch3_or_${id}_low`–{glue}`ch3_or_${id}_high`），"
    "{glue}`ch3_or_${id}_phrase`"
)

# A manifestation whose score does not vary among the model's answers has no odds ratio.
_ORDINAL_CONSTANT_CLAUSE = "“{glue}`ch3_${id}_name`”的得分在进入模型的回答中没有变化，无法估计其优势比"

_ORDINAL_FIGURE = (
    "```{glue:figure} fig-ch3-ordinal-odds\n"
    ":name: fig-ch3-ordinal-odds\n"
    "\n"
    "总体压力有序 logistic 回归的优势比（对数刻度）\n"
    "```"
)

_TIME_USE_SECTION = (
    "问卷请受访者从{glue}`ch3_time_options_n`类事务中选出最占工作时间的至多三项。"
    "全部受访者中，{glue}`ch3_time_ranking_phrase`。{glue}`ch3_time_services_phrase`。"
    "分身份看，{glue}`ch3_time_roles_phrase`（{numref}`fig-ch3-time-use`）。\n"
    "\n"
    "```{glue:figure} fig-ch3-time-use\n"
    ":name: fig-ch3-time-use\n"
    "\n"
    "工作时间主要花在哪些事务上：全部受访者与分身份的选择比例\n"
    "```"
)

_CAUSES_INTRO = (
    "论文把困境的成因归结为四个方面。问卷为每个成因设{glue}`ch3_items_per_cause`同意程度题，"
    "量表得分取所属各题的平均，信度同样用 Cronbach's α 及其 Feldt 区间报告（α会随题目减少而降低，两题的量表尤其如此）。"
    "如果“成因导致表现”的论证成立，那么越认同某一成因描述的受访者，在相应表现上的得分也应越高，即二者正相关。"
    "{numref}`fig-ch3-cause-heatmap`给出$pairs两两之间的 Spearman 秩相关系数 ρ；"
    "{glue}`ch3_rho_pairs`个 p 值用 Benjamini–Hochberg 方法一并校正，星号表示校正后 p < 0.05（\\*）、"
    "0.01（\\*\\*）和0.001（\\*\\*\\*）。$missing\n"
    "\n"
    "{glue}`ch3_rho_sig_phrase`；绝对值最大的是“{glue}`ch3_rho_top_cause`”与“{glue}`ch3_rho_top_manifestation`”"
    "之间的{glue}`ch3_rho_top_direction`相关，强度{glue}`ch3_rho_top_word`。"
    "下面把每个成因与论文目录中与之排序相同的表现对应起来检验（这是本书对论文框架的读法，论文后半部分无法获得）。"
    "{glue}`ch3_diagonal_phrase`{glue}`ch3_generator_causes`"
    "相关只说明二者同时变化，横截面问卷不能确定方向，也可能两者都出于受访者对工作的总体评价。\n"
    "\n"
    "```{glue:figure} fig-ch3-cause-heatmap\n"
    ":name: fig-ch3-cause-heatmap\n"
    "\n"
    "成因与表现的 Spearman 相关矩阵（BH 校正后的显著性以星号标注）\n"
    "```"
)

# Two frames for the four causes, alternating (see _SCALE_SECTIONS): the items and their agreement, the
# scale's mean and α, and its correlation with the manifestation in the same place of the outline.
_CAUSE_SECTIONS = (
    "这一成因由“{glue}`ch3_${id}_items`”测量，同意比例分别为{glue}`ch3_${id}_agree_first`和"
    "{glue}`ch3_${id}_agree_second`；量表平均{glue}`ch3_${id}_mean`分，"
    "α = {glue}`ch3_${id}_alpha`（95%区间{glue}`ch3_${id}_alpha_low`–{glue}`ch3_${id}_alpha_high`），"
    "{glue}`ch3_${id}_alpha_word`。",
    "受访者对“{glue}`ch3_${id}_items`”两种说法的同意比例依次是{glue}`ch3_${id}_agree_first`、"
    "{glue}`ch3_${id}_agree_second`，两题平均所得的量表得分为{glue}`ch3_${id}_mean`分，"
    "内部一致性{glue}`ch3_${id}_alpha_word`（α为{glue}`ch3_${id}_alpha`，"
    "区间{glue}`ch3_${id}_alpha_low`–{glue}`ch3_${id}_alpha_high`）。",
)

_CAUSE_PAIRS = (
    "它与“{glue}`ch3_${id}_pair`”的相关系数 ρ = {glue}`ch3_${id}_rho`，{glue}`ch3_${id}_rho_reading`。",
    "它与同序的“{glue}`ch3_${id}_pair`”之间 ρ 为{glue}`ch3_${id}_rho`，属{glue}`ch3_${id}_rho_reading`。",
)

# …when the cause's strongest correlation is not with the manifestation in its place (said only then).
_CAUSE_BEST_ELSEWHERE = "它与各表现中相关最强的反而是“{glue}`ch3_${id}_best`”（ρ = {glue}`ch3_${id}_best_rho`）。"


def _interval_cells(lows, highs, formatter) -> list[str]:
    return [f"{formatter(low)}–{formatter(high)}" for low, high in zip(lows, highs)]


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
    count_word: str  # how many manifestations were asked, in Chinese numerals (the scales table's caption)


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


def _manifestations_prose(inputs: _Inputs, section: ManifestationsSection | None) -> dict[str, MystText]:
    """The section's MyST: its opening, one part per manifestation (asked or not) and the tables' sentence."""
    missing = inputs.manifestations_missing()
    codebook = inputs.codebook
    if section is None:
        texts = {"ch3_manifestations_intro": MystText(not_asked_sentence(missing, "本节的分析")),
                 "ch3_manifestations_tables": MystText("")}
    else:
        count = format_chinese_count(len(section.scales))
        every = codebook.scales("manifestation")
        # The headline (zhucun.stats.headlines), without numbers: each section below states its own.
        ranking = f"{count}种表现中，{{glue}}`ch3_top_scale_sentence`。" if len(section.scales) > 1 else ""
        texts = {
            "ch3_manifestations_intro": _myst(
                _MANIFESTATIONS_INTRO, count=count, ranking=ranking,
                measured=(f"{format_chinese_count(len(every))}种表现" if not missing
                          else f"{format_chinese_count(len(every))}种表现中的{count}种"),
                missing=not_asked_sentence(missing, "本节的分析", partial=True)),
            "ch3_manifestations_tables": _myst(_MANIFESTATIONS_TABLES, count=count),
        }
    for number, scale in enumerate(codebook.scales("manifestation")):
        texts[f"ch3_{scale.id}_section"] = (
            _myst(_SCALE_SECTIONS[number % 2] + _SCALE_FIGURE, id=scale.id, ordinal=ORDINALS[number])
            if inputs.cover.scale_asked(scale.id)
            else MystText(not_asked_sentence([inputs.cover.scale_block(scale.id)], "这一表现的分析")))
    return texts


def _manifestations(inputs: _Inputs) -> ManifestationsSection | None:
    """None when no manifestation scale was asked."""
    if not inputs.manifestations:
        return None
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
    # Items tied with the top one at the precision shown are named with it.
    tied = agreement.loc[tied_at_extreme(agreement["share"], SHARE_DIGITS)]
    table = _scale_summaries(inputs)
    largest_gap = (table["weighted_mean"] - table["mean"]).abs().max()
    strongest = inputs.headlines.strongest_manifestation
    texts = {
        "ch3_items_n": format_count(len(agreement)),
        "ch3_items_per_scale": (f"每种表现{per_scale.pop()}题" if len(per_scale) == 1
                                else "各表现题数不等（见附录问卷）"),
        "ch3_items_majority_phrase": count_phrase(
            majority, len(agreement), none="{total}个题项的同意比例都没有超过一半",
            some="在{total}个题项中，同意比例超过一半的有{count}个", every="全部{total}个题项的同意比例都超过一半"),
        "ch3_top_item": top["label"],
        "ch3_top_item_phrase": top_items_phrase(list(tied["label"]),
                                                [codebook.scale(scale).name for scale in tied["scale"]]),
        "ch3_top_scale": "”“".join(strongest.labels),
        "ch3_top_scale_sentence": leader_sentence(strongest, "普遍程度（量表得分达到4分的受访者比例）"),
        "ch3_weight_gap_phrase": weight_gap_phrase(largest_gap),
    }
    scales = []
    numbers = {scale.id: number for number, scale in enumerate(codebook.scales("manifestation"))}
    for scale in inputs.manifestations:
        number = numbers[scale.id]
        rows = agreement[agreement["scale"] == scale.id]
        best = rows.loc[rows["share"].idxmax()]
        worst = rows.loc[rows["share"].idxmin()]
        summary = table.set_index("id").loc[scale.id]
        key = f"ch3_{scale.id}"
        texts |= {
            f"{key}_n_items": format_count(len(rows)),
            f"{key}_top_item": best["label"],
            f"{key}_top_share": format_share(best["share"]),
            f"{key}_top_word": share_word(best["share"]),
            f"{key}_top_low": format_share(best["low"]),
            f"{key}_top_high": format_share(best["high"]),
            f"{key}_low_item": worst["label"],
            f"{key}_low_share": format_share(worst["share"]),
            f"{key}_mean": format_mean(summary["mean"]),
            f"{key}_mean_low": format_mean(summary["low"]),
            f"{key}_mean_high": format_mean(summary["high"]),
            f"{key}_alpha": format_coefficient(summary["alpha_alpha"]),
            f"{key}_alpha_low": format_coefficient(summary["alpha_low"]),
            f"{key}_alpha_high": format_coefficient(summary["alpha_high"]),
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
        "同意比例": agreement["share"].map(format_share),
        "95%区间": _interval_cells(agreement["low"], agreement["high"], format_share),
        "加权同意比例": agreement["weighted_share"].map(format_share),
    })
    scales_table = pd.DataFrame({
        "表现": table["name"],
        "计分人数": table["n"],
        "平均得分": table["mean"].map(format_mean),
        "95%区间": _interval_cells(table["low"], table["high"], format_mean),
        "加权平均得分": table["weighted_mean"].map(format_mean),
        "Cronbach's α": table["alpha_alpha"].map(format_coefficient),
        "α的95%区间": _interval_cells(table["alpha_low"], table["alpha_high"], format_coefficient),
    })
    return ManifestationsSection(texts, scales, agreement_table, scales_table, float(top["share"]), majority,
                                 format_chinese_count(len(scales)))


# （三）不同群体之间的差异 ---------------------------------------------------------------------------------------


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


def _groups_prose(inputs: _Inputs, section: GroupDifferencesSection | None) -> dict[str, MystText]:
    """The section's MyST: the outcomes compared are the scale scores asked and, if asked, overall pressure."""
    pressure_missing = inputs.cover.not_asked("overall_pressure")
    missing = inputs.manifestations_missing() + pressure_missing
    if section is None:
        return {"ch3_groups_body": MystText(not_asked_sentence(missing, "不同群体之间的差异比较")),
                "ch3_groups_figure": MystText("")}
    scores, pressure = bool(inputs.manifestations), not pressure_missing
    outcomes = [inputs.manifestations_phrase() + "的量表得分"] if scores else []
    outcomes += ["总体压力是否“较大”或“很大”"] if pressure else []
    effects = _GROUPS_EFFECTS if scores and pressure else (
        "效应量为 ε² 和两组时的 Cliff's δ。" if scores else "效应量为 Cramér's V。")
    methods = (_GROUPS_SCORES_METHOD if scores else "") + (_GROUPS_PRESSURE_METHOD if pressure else "") + effects
    return {
        "ch3_groups_body": _myst(
            _GROUPS_BODY, outcomes="，以及".join(outcomes), methods=methods,
            missing=not_asked_sentence(missing, "本节的比较", partial=True),
            largest=_GROUPS_LARGEST if scores else "", chart=_GROUPS_CHART_REFERENCE if scores else "。"),
        "ch3_groups_figure": MystText(_GROUPS_FIGURE if scores else ""),
    }


def _group_differences(inputs: _Inputs) -> GroupDifferencesSection | None:
    """None when neither a manifestation scale nor overall pressure was asked; the chart needs a scale."""
    survey, codebook = inputs.survey, inputs.codebook
    groupings = {"驻村身份": inputs.labelled("role"), "派出单位层级": inputs.labelled("dispatch_level"),
                 "驻村时长": inputs.tenure_band.astype("object"), "驻村类型": inputs.labelled("village_type")}
    categorical = {}
    if inputs.cover.asked("overall_pressure"):
        pressure = survey["overall_pressure"].astype("Float64")
        pressure_labels = codebook.labels("overall_pressure")
        high_pressure = (pressure >= 4).astype("float64").where(pressure.notna().to_numpy(dtype=bool))
        categorical[f"总体压力{pressure_labels[4]}或{pressure_labels[5]}"] = high_pressure
    if not inputs.manifestations and not categorical:
        return None
    differences = group_difference_table(
        survey, {scale.name: inputs.scores[scale.id] for scale in inputs.manifestations},
        categorical, groupings, seed=GROUP_TEST_SEED, method="holm")
    significant = int((differences["p_adjusted"] < SIGNIFICANCE).sum())
    ordered = differences[differences["kind"] == "ordered"].sort_values("effect", ascending=False)
    texts = {
        "ch3_tests_n": format_count(len(differences)),
        "ch3_min_group": format_count(MIN_GROUP_ASYMPTOTIC),
        "ch3_permutations": format_count(N_PERMUTATIONS),
        "ch3_min_expected": format_count(MIN_EXPECTED),
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
                                    "结果变量": row["outcome"], "平均得分": means["mean"],
                                    "下限": means["low"], "上限": means["high"], "人数": means["n"]}))
    categorical_rows = differences[differences["kind"] == "categorical"]
    pressure_tests = categorical_rows.set_index("grouping") if len(categorical_rows) else None
    if largest is None:  # overall pressure alone: no scale means to chart
        return GroupDifferencesSection(texts, table, None, None, None, None, len(differences), significant,
                                       pressure_tests)
    top_means = pd.concat(pieces, ignore_index=True)
    return GroupDifferencesSection(texts, table, top_means, largest["outcome"], largest["grouping"],
                                   float(largest["effect"]), len(differences), significant, pressure_tests)


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


def _predictors(inputs: _Inputs) -> tuple[pd.DataFrame, str, dict[str, str]]:
    """The model's predictors (four scale scores and the controls), the reference dispatch level and, for each
    control, the grouping of （三） it corresponds to."""
    survey, codebook, role_labels = inputs.survey, inputs.codebook, inputs.role_labels
    dispatch_labels = codebook.labels("dispatch_level")
    # The most common level; a tie goes to the first in the codebook's order, never to the first in the file.
    counts = survey["dispatch_level"].astype("object").value_counts()
    dispatch_reference = next(code for code in dispatch_labels if counts.get(code, 0) == counts.max())
    predictors = pd.DataFrame({f"{scale.short_label}（每高1分）": inputs.scores[scale.id]
                               for scale in inputs.manifestations})
    predictors[f"{role_labels['first_secretary']}（对照：{role_labels['team_member']}）"] = (
        survey["role"].astype("object") == "first_secretary").astype("float64")
    gender_labels = codebook.labels("gender")
    predictors[f"{gender_labels['female']}（对照：{gender_labels['male']}）"] = (
        survey["gender"].astype("object") == "female").astype("float64")
    predictors["驻村时长（每12个月）"] = survey["tenure_months"].astype("float64") / 12
    dispatch = dummies(survey["dispatch_level"].astype("object"), dispatch_labels, dispatch_reference,
                       f"派出单位（对照：{dispatch_labels[dispatch_reference]}）")
    predictors = predictors.join(dispatch)
    groupings_of = {f"{role_labels['first_secretary']}（对照：{role_labels['team_member']}）": "驻村身份",
                    "驻村时长（每12个月）": "驻村时长", **dict.fromkeys(dispatch.columns, "派出单位层级")}
    return predictors, dispatch_labels[dispatch_reference], groupings_of


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


def _ordinal_prose(inputs: _Inputs, section: OrdinalSection | None) -> dict[str, MystText]:
    if section is None:
        return {"ch3_ordinal_body": MystText(not_asked_sentence(inputs.cover.pressure_model_not_asked(),
                                                                 "有序 logistic 回归")),
                "ch3_ordinal_figure": MystText("")}
    estimated = [scale for scale in inputs.manifestations
                 if f"{scale.short_label}（每高1分）" in set(section.odds["predictor"])]
    clauses = "；".join(
        Template(_ORDINAL_CONSTANT_CLAUSE if scale not in estimated
                 else _ORDINAL_CLAUSE if estimated.index(scale) else _ORDINAL_FIRST_CLAUSE).substitute(id=scale.id)
        for scale in inputs.manifestations)
    measured = inputs.manifestations_phrase()
    return {"ch3_ordinal_body": _myst(_ORDINAL_BODY, measured=measured, clauses=clauses,
                                      missing=not_asked_sentence(inputs.manifestations_missing(), "模型的自变量",
                                                                 partial=True)),
            "ch3_ordinal_figure": MystText(_ORDINAL_FIGURE)}


def _merge_phrase(merges: list[tuple], labels: dict) -> str:
    """What the sparse-level rule did, in words true of the current data."""
    if not merges:
        return f"当前数据中两端等级都达到这一比例，{format_chinese_count(len(labels))}个等级全部保留"
    parts = ["".join(f"“{labels[code]}”" for code in group) + "合为一级" for group in merges]
    kept = len(labels) - sum(len(group) - 1 for group in merges)
    return f"当前数据中{'，'.join(parts)}，模型因此有{format_chinese_count(kept)}个等级"


def _controls_phrase(odds: pd.DataFrame, scale_predictors: set[str]) -> tuple[str, list[pd.Series]]:
    """The controls whose interval excludes 1, each discussed (a significant result is never left unsaid)."""
    clear = [row for _, row in odds.iterrows()
             if row["predictor"] not in scale_predictors and odds_direction(row["low"], row["high"]) != "方向不确定"]
    if not clear:
        return "控制变量的95%区间都包含1，身份、性别、驻村时长和派出单位与压力的关系在模型中都不明确。", []
    parts = []
    for row in clear:
        likelier = "更可能" if odds_direction(row["low"], row["high"]) == "更可能" else "更不可能"
        name = row["predictor"]
        base, rest = name.split("（", 1)
        if rest.startswith("对照："):  # '第一书记（对照：工作队员）' or '派出单位（对照：市县所属部门）：中央单位'
            reference, after = rest[len("对照："):].split("）", 1)
            category = after.lstrip("：") or base
            meaning = f"{category}比{reference}{likelier}报告更高一级的压力"
        else:  # a number per unit: '驻村时长（每12个月）'
            unit = rest.rstrip("）").replace("每", "每多", 1)
            meaning = f"{base}{unit}，报告更高一级压力的可能随之{'上升' if likelier == '更可能' else '下降'}"
        parts.append(f"“{name}”的优势比为{format_coefficient(row['odds_ratio'])}"
                     f"（95%区间{format_coefficient(row['low'])}–{format_coefficient(row['high'])}），"
                     f"即在其余自变量都相同的受访者之间，{meaning}")
    return "控制变量中区间不含1的是：" + "；".join(parts) + "。", clear


def _reconcile(clear_controls: list[pd.Series], groupings_of: dict[str, str],
               groups: GroupDifferencesSection | None) -> str:
    """How the model's significant controls stand to the group tests of （三）, which ask another question."""
    if groups is None or groups.pressure_tests is None:
        return ""
    sentences = []
    for row in clear_controls:
        grouping = groupings_of.get(row["predictor"])
        if grouping is None or grouping not in groups.pressure_tests.index:
            continue
        p_adjusted = groups.pressure_tests.loc[grouping, "p_adjusted"]
        agrees = p_adjusted < SIGNIFICANCE
        shown = format_p_value(p_adjusted)
        sentences.append(
            f"第（三）节按{grouping}比较“总体压力较大或很大”的比例，"
            + ("经 Holm 校正后差异同样显著。两处结果方向一致，但回答的问题不同：" if agrees else
               f"差异经 Holm 校正后并不显著（校正后 p {'' if shown.startswith('<') else '= '}{shown}）。"
               "这与模型的结果并不矛盾，因为两者回答的问题不同：")
            + f"那里是与其他{groups.tests - 1}项比较一起校正的单变量比较，只分压力“较大”与否；"
            "这里是一个事先设定的模型，在四种表现得分和其他控制变量都相同的受访者之间比较全部压力等级。")
    # One reconciliation is enough words; a second would repeat its frame.
    return sentences[0] if sentences else ""


def _ordinal(inputs: _Inputs, groups: GroupDifferencesSection | None) -> OrdinalSection | None:
    """None when overall pressure or every manifestation scale was not asked."""
    if inputs.cover.pressure_model_not_asked():
        return None
    predictors, reference, groupings_of = _predictors(inputs)
    pressure_labels = inputs.codebook.labels("overall_pressure")
    complete = predictors.notna().all(axis=1) & inputs.survey["overall_pressure"].notna()
    pressure, merges = merge_sparse_levels(inputs.survey["overall_pressure"].where(complete))
    fit = fit_ordinal_logit(pressure, predictors)
    odds = odds_ratio_table(fit)
    clear = int(((odds["low"] > 1) | (odds["high"] < 1)).sum())
    scale_predictors = {f"{scale.short_label}（每高1分）" for scale in inputs.manifestations}
    controls_phrase, clear_controls = _controls_phrase(odds, scale_predictors)
    texts = {
        "ch3_ord_n": format_count(fit.n),
        "ch3_ord_reference": reference,
        "ch3_ord_min_share": f"{MIN_LEVEL_SHARE:.0%}",  # a rule, not an estimate
        "ch3_ord_merge_phrase": _merge_phrase(merges, pressure_labels),
        "ch3_village_types_n": format_count(len(inputs.codebook.labels("village_type"))),
        "ch3_village_type_reason": _village_type_reason(inputs.survey),
        "ch3_or_clear_phrase": count_phrase(
            clear, len(odds), none="{total}个自变量的95%区间全都包含1",
            some="在{total}个自变量中，95%区间不含1的有{count}个", every="全部{total}个自变量的95%区间都不含1"),
        "ch3_or_controls_phrase": controls_phrase,
        "ch3_generator_pressure": survey_sentence("ch3_generator_pressure", inputs.state),
        "ch3_or_reconcile": _reconcile(clear_controls, groupings_of, groups),
    }
    for scale in inputs.manifestations:
        rows = odds[odds["predictor"] == f"{scale.short_label}（每高1分）"]
        if rows.empty:  # a score without variation leaves the model (fit_ordinal_logit); its clause says so
            continue
        row = rows.iloc[0]
        texts |= {
            f"ch3_or_{scale.id}": format_coefficient(row["odds_ratio"]),
            f"ch3_or_{scale.id}_low": format_coefficient(row["low"]),
            f"ch3_or_{scale.id}_high": format_coefficient(row["high"]),
            f"ch3_or_{scale.id}_phrase": {
                "更可能": "区间整体大于1：该表现得分越高，报告更大总体压力的可能越大",
                "更不可能": "区间整体小于1：该表现得分越高，报告更大总体压力的可能越小",
            }.get(odds_direction(row["low"], row["high"]), "区间包含1，数据不足以判断其方向"),
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


def _shown_ties(part: pd.DataFrame) -> pd.DataFrame:
    """The rows sharing the highest share as the book shows it (the book's one tie rule)."""
    return part.loc[tied_at_extreme(part["share"], SHARE_DIGITS)]


def _time_ranking_phrase(overall: pd.DataFrame) -> str:
    leaders = _shown_ties(overall)
    if len(leaders) > 1:
        names = "与".join(f"“{name}”" for name in leaders["工作事项"])
        return f"选择比例并列最高的是{names}，各为{format_share(leaders['share'].iloc[0])}"
    first, second = overall.iloc[0], overall.iloc[1]
    return (f"选择比例最高的是“{first['工作事项']}”，{share_word(first['share'])}受访者选了这一项"
            f"（{format_share(first['share'])}）；其次是“{second['工作事项']}”（{format_share(second['share'])}）")


def _services_phrase(services: pd.Series, overall: pd.DataFrame, n_options: int) -> str:
    """Where 为民办事服务, one of the four duties the thesis lists, stands; its share is said once only."""
    stated = set(_shown_ties(overall)["option"]) | ({overall.iloc[1]["option"]} if len(_shown_ties(overall)) == 1
                                                    else set())
    if services.name in stated:
        return f"论文列出的四项职责中的“为民办事服务”，就是上面排第{format_count(int(services['rank']))}的这一项"
    return (f"论文列出的四项职责中，“为民办事服务”被选择的比例为{format_share(services['share'])}，"
            f"在{format_count(n_options)}项中排第{format_count(int(services['rank']))}位")


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


def _time_use(inputs: _Inputs) -> TimeUseSection | None:
    """None when question 11 was not asked."""
    if not inputs.cover.asked("time_use"):
        return None
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
        "ch3_time_ranking_phrase": _time_ranking_phrase(overall),
        "ch3_time_services_phrase": _services_phrase(services, overall, len(options)),
        "ch3_time_roles_phrase": _roles_top_phrase(table, list(inputs.role_labels.values())),
    }
    chart_data = table.assign(选择比例=table["share"])[["工作事项", "群体", "选择比例"]]
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
    n_causes_word: str  # causes and manifestations correlated, in Chinese numerals (the heatmap's alt text)
    n_manifestations_word: str
    best_is_pair: dict[str, bool]  # per cause (its pair asked): is its strongest correlation with its pair?


def _causes_prose(inputs: _Inputs, section: CausesSection | None) -> dict[str, MystText]:
    """The section's MyST: its opening and one part per cause, each read against the manifestation in the
    same place of the thesis's outline, which may itself not have been asked."""
    cover, codebook = inputs.cover, inputs.codebook
    manifestations_missing = inputs.manifestations_missing()
    missing = cover.scales_not_asked("cause") + manifestations_missing
    texts = {"ch3_causes_intro": MystText(not_asked_sentence(missing, "成因与表现的相关分析")) if section is None
             else _myst(_CAUSES_INTRO, missing=not_asked_sentence(missing, "本节的相关分析", partial=True),
                        pairs=("四个成因与四种表现" if not missing else
                               f"问卷问到的{section.n_causes_word}个成因与{section.n_manifestations_word}种表现"))}
    for cause, manifestation in zip(codebook.scales("cause"), codebook.scales("manifestation")):
        key = f"ch3_{cause.id}_body"
        if not cover.scale_asked(cause.id):
            texts[key] = MystText(not_asked_sentence([cover.scale_block(cause.id)], "这一成因的分析"))
            continue
        number = [c.id for c in codebook.scales("cause")].index(cause.id)
        items = Template(_CAUSE_SECTIONS[number % 2]).substitute(id=cause.id)
        elsewhere = Template(_CAUSE_BEST_ELSEWHERE).substitute(id=cause.id)
        if section is None:  # no manifestation asked: nothing to correlate with
            texts[key] = MystText(items + not_asked_sentence(manifestations_missing, "它与各表现的相关分析"))
        elif cover.scale_asked(manifestation.id):
            texts[key] = MystText(items + Template(_CAUSE_PAIRS[number % 2]).substitute(id=cause.id)
                                  + ("" if section.best_is_pair[cause.id] else elsewhere))
        else:
            texts[key] = MystText(
                items + f"与之排序相同的表现“{manifestation.name}”问卷没有问到，二者的相关无法计算。"
                + elsewhere.replace("反而是", "是"))
    return texts


def _cause_items(inputs: _Inputs) -> dict[str, str]:
    """Each asked cause's items, their agreement shares and its mean score (these need no manifestation)."""
    texts = {}
    for cause in inputs.causes:
        agree = agreement_shares(inputs.survey, cause.items)
        reliability = cronbach_alpha(inputs.survey[list(cause.items)])
        key = f"ch3_{cause.id}"
        texts |= {
            f"{key}_alpha": format_coefficient(reliability["alpha"]),
            f"{key}_alpha_low": format_coefficient(reliability["low"]),
            f"{key}_alpha_high": format_coefficient(reliability["high"]),
            f"{key}_alpha_word": reliability_word(reliability["alpha"]),
            f"{key}_mean": format_mean(mean_interval(inputs.scores[cause.id])["mean"]),
            f"{key}_items": "”和“".join(inputs.codebook.question_text(item) for item in cause.items),
            f"{key}_agree_first": format_share(agree.iloc[0]["share"]),
            f"{key}_agree_second": format_share(agree.iloc[1]["share"]),
        }
    return texts


def _causes(inputs: _Inputs) -> CausesSection | None:
    """None when no cause or no manifestation scale was asked."""
    if not inputs.causes or not inputs.manifestations:
        return None
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
        "ch3_rho_sig_phrase": count_phrase(
            significant, len(correlations), none="{total}对相关在校正后都不显著",
            some="在{total}对相关中，校正后显著的有{count}对", every="{total}对相关在校正后全都显著"),
        "ch3_rho_top_cause": strongest["row"],
        "ch3_rho_top_manifestation": strongest["column"],
        "ch3_rho_top_word": correlation_strength_word(strongest["rho"]),
        "ch3_rho_top_direction": correlation_direction_word(strongest["rho"]),
        "ch3_generator_causes": survey_sentence("ch3_generator_causes", inputs.state),
    }
    best_is_pair: dict[str, bool] = {}
    # Each cause is read against the manifestation in the same place of the thesis's outline (when asked).
    for cause, manifestation in zip(codebook.scales("cause"), codebook.scales("manifestation")):
        if cause not in inputs.causes:
            continue
        own = correlations[correlations["row"] == cause.short_label]
        best = own.loc[own["rho"].abs().idxmax()]
        key = f"ch3_{cause.id}"
        texts |= {
            f"{key}_best": best["column"],
            f"{key}_best_rho": format_coefficient(best["rho"]),
        }
        if manifestation in inputs.manifestations:
            pair = own[own["column"] == manifestation.short_label].iloc[0]
            # The pair is the cause's strongest unless another manifestation's |ρ| is larger as shown.
            best_is_pair[cause.id] = round(abs(pair["rho"]), 2) >= round(abs(best["rho"]), 2)
            texts |= {
                f"{key}_pair": manifestation.name,
                f"{key}_rho": format_coefficient(pair["rho"]),
                f"{key}_rho_reading": (f"{correlation_direction_word(pair['rho'])}相关，强度"
                                       f"{correlation_strength_word(pair['rho'])}，"
                                       f"{significance_phrase(pair['p_adjusted'])}"),
            }
    paired = len(best_is_pair)
    texts["ch3_diagonal_phrase"] = "" if not paired else count_phrase(
        sum(best_is_pair.values()), paired,
        none="结果是：没有一个成因与同序表现的相关是它与各表现的相关中最强的。",
        some="结果是：在可以这样对应的{total}个成因中，有{count}个与同序表现的相关是它与各表现的相关中最强的。",
        every="结果是：可以这样对应的{total}个成因，与同序表现的相关都是它与各表现的相关中最强的。")
    if not paired:
        texts["ch3_generator_causes"] = ""
    return CausesSection(texts, rho_matrix, rho_text, strongest["row"], strongest["column"],
                         float(strongest["rho"]), len(correlations), significant,
                         format_chinese_count(len(inputs.causes)), format_chinese_count(len(inputs.manifestations)),
                         best_is_pair)


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
        text_columns[column] = [f"{int(members[theme.id].astype('int64').sum())}/{size}" if size else "—"
                                for theme in themes]
    mention_share = pd.DataFrame(share_columns, index=theme_labels)
    mention_text = pd.DataFrame(text_columns, index=theme_labels)
    all_share = pd.Series([interviews[theme.id].astype("float64").mean() for theme in themes], index=theme_labels)
    texts = {
        "ch3_iv_n": format_count(len(interviews)),
        "ch3_iv_caveat": "访谈份数很少，" if len(interviews) < 30 else "访谈对象是怎样选出的，数据文件没有记载，",
        "ch3_iv_kind": interview_sentence("ch3_iv_kind", state),
        "ch3_iv_top": all_share.idxmax(),
        "ch3_iv_top_share": format_share(all_share.max()),
        "ch3_iv_low": all_share.idxmin(),
        "ch3_iv_low_share": format_share(all_share.min()),
    }
    return InterviewsSection(texts, len(interviews), state, interview_sentence("interview_source", state),
                             interview_sentence("interview_note", state), mention_share, mention_text,
                             all_share.idxmax(), float(all_share.max()))


# （八）小结 --------------------------------------------------------------------------------------------------


def _summary(inputs: _Inputs, state: DataState, manifestations: ManifestationsSection | None,
             groups: GroupDifferencesSection | None, ordinal: OrdinalSection | None,
             causes: CausesSection | None) -> dict[str, str]:
    """The summary's sentences, each chosen by the results of the sections before it (those that were run)."""
    texts: dict[str, str] = {"ch3_sum_caveat": survey_sentence("ch3_summary_caveat", state)}
    parts = []
    # No number is repeated here: the sections state them; the summary says how many in words.
    if manifestations is not None:
        texts["ch3_sum_majority_phrase"] = portion_phrase(
            manifestations.majority_items, len(manifestations.agreement_table), "题项获得过半数受访者的认同")
        strongest = inputs.headlines.strongest_manifestation
        parts.append(inputs.manifestations_phrase() + "中，{glue}`ch3_sum_majority_phrase`"
                     + ("，{glue}`ch3_sum_strongest`" if len(manifestations.scales) > 1 else ""))
        texts["ch3_sum_strongest"] = summary_leader_phrase(strongest)
    if groups is not None:
        texts["ch3_sum_groups_phrase"] = "群体之间的比较" + portion_phrase(
            groups.significant, groups.tests, "差异在校正后显著")
        parts.append("{glue}`ch3_sum_groups_phrase`")
    if ordinal is not None:
        texts["ch3_sum_or_phrase"] = "有序 logistic 回归中，" + portion_phrase(
            ordinal.clear, len(ordinal.odds), "自变量的95%区间不含1")
        parts.append("{glue}`ch3_sum_or_phrase`")
    if causes is not None:
        texts["ch3_sum_cause_phrase"] = "成因与表现之间，" + portion_phrase(
            causes.significant, causes.pairs, "相关在校正后显著")
        parts.append("{glue}`ch3_sum_cause_phrase`")
    findings = "；".join(parts) if parts else "问卷没有问到困境表现量表和总体压力，上述检验都无法进行"
    texts["ch3_summary"] = MystText(f"就当前数据文件而言：{findings}。{{glue}}`ch3_sum_caveat`")
    return texts


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
    interviews: InterviewsSection
    headlines: HeadlineResults  # the book's headline results (zhucun.stats.headlines), as this chapter states them
    texts: dict[str, str]  # {glue name: text} of the whole chapter
    checks: dict[str, object]  # the headline numbers the pinned cell prints (None: not computed)


# The blocks chapter 三 reads; question 12 (the countermeasures) is chapter 五's.
CHAPTER_BLOCKS = ("p1", "p2", "p3", "p4", "c1", "c2", "c3", "c4", "overall_pressure", "time_use")


def _introduction(inputs: _Inputs, state: DataState) -> dict[str, str]:
    """The opening paragraph's numbers, what was not asked, and the names and ordinals of every manifestation
    and cause (the thesis's, asked or not: the headings name them)."""
    texts = {
        "ch3_n": format_count(len(inputs.survey)),
        "ch3_thesis_n": format_count(deployment_figures(load_deployment())["thesis_sample_size"]),
        "ch3_data_kind": survey_sentence("ch3_data_kind", state),
        "ch3_not_asked": MystText(not_asked_sentence(inputs.cover.not_asked(*CHAPTER_BLOCKS), "本章的分析",
                                                     partial=True)),
    }
    for kind in ("manifestation", "cause"):
        for number, scale in enumerate(inputs.codebook.scales(kind)):
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
    manifestations = _manifestations(inputs)
    groups = _group_differences(inputs)
    ordinal = _ordinal(inputs, groups)
    time_use = _time_use(inputs)
    causes = _causes(inputs)
    interview_section = _interviews(inputs, interviews)
    time_use_prose = (MystText(_TIME_USE_SECTION) if time_use is not None else
                      MystText(not_asked_sentence(cover.not_asked("time_use"), "工作时间去向的分析")))
    texts = _merged(
        _introduction(inputs, state), sample.texts, *(section.texts for section in (
            manifestations, groups, ordinal, time_use, causes) if section is not None),
        interview_section.texts, _manifestations_prose(inputs, manifestations), _groups_prose(inputs, groups),
        _ordinal_prose(inputs, ordinal), {"ch3_time_use_section": time_use_prose}, _cause_items(inputs),
        _causes_prose(inputs, causes),
        _summary(inputs, state, manifestations, groups, ordinal, causes))
    return PredicamentsResult(n, state, inputs.source, sample, manifestations, groups, ordinal, time_use, causes,
                              interview_section, inputs.headlines, texts,
                              _checks(n, manifestations, groups, ordinal, causes))
