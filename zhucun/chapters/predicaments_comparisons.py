"""Chapter 三's comparisons: group differences with Holm-corrected tests and effect sizes (（四）), the
proportional-odds model of overall pressure with its Brant test (（五）) and where the working time goes
(（六）)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from zhucun.chapters.predicaments_inputs import (
    GROUP_TEST_SEED,
    GROUPING_VARIABLES,
    SIGNIFICANCE,
    Inputs,
    absent,
    figure_directive,
    interval_cells,
    not_asked_passage,
    or_dash,
    points,
)
from zhucun.chapters.predicaments_scales import share_words
from zhucun.data.synthetic_assumptions import (
    GeneratorBasis,
    group_difference_basis,
    pressure_coefficient_basis,
    time_use_order_basis,
)
from zhucun.number_format import (
    format_chinese_count,
    format_coefficient,
    format_count,
    format_p_value,
    format_share,
    format_variance_share,
)
from zhucun.prose.data_description import (
    generator_label,
    not_asked_sentence,
    survey_sentence,
)
from zhucun.prose.glue import MystText
from zhucun.prose.wording import (
    cliffs_delta_word,
    count_phrase,
    cramers_v_word,
    epsilon_squared_word,
    odds_direction,
    quoted_list,
    significance_phrase,
)
from zhucun.stats.group_tests import (
    MIN_GROUP_ASYMPTOTIC,
    N_PERMUTATIONS,
    group_difference_table,
    group_means,
)
from zhucun.stats.headlines import SHARE_DIGITS, tied_at_extreme
from zhucun.stats.intervals import wilson_interval
from zhucun.stats.multi_select import option_shares
from zhucun.stats.ordinal_model import (
    MIN_LEVEL_SHARE,
    brant_test,
    dummies,
    fit_ordinal_logit,
    merge_sparse_levels,
    odds_ratio_table,
)
from zhucun.stats.paired_comparisons import newcombe_independent_interval
from zhucun.stats.weighted_ratings import weighted_helpful_share

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


def groups_section(inputs: Inputs) -> tuple[dict[str, str], GroupDifferencesSection | None]:
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
        texts["ch3_groups_missing"] = not_asked_passage(missing, "不同群体之间的差异比较")
        return texts | absent(*GROUP_KEYS, *LARGEST_KEYS), None
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
            "ch3_groups_figure": figure_directive(
                "fig-ch3-group-differences",
                f"效应量最大的三项群体差异（各组平均得分及95%区间，不足{format_count(MIN_GROUP_ASYMPTOTIC)}人的组未画出）"),
        }
    else:
        texts |= absent(*LARGEST_KEYS)
    table = pd.DataFrame({
        "结果变量": differences["outcome"], "分组": differences["grouping"], "组数": differences["groups"],
        "n": differences["n"], "检验": differences["test"],
        "统计量": differences["statistic"].map(or_dash),
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


def _group_basis(inputs: Inputs, row: pd.Series) -> GeneratorBasis:
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


def _role_predictor(inputs: Inputs) -> str:
    labels = inputs.role_labels
    return f"{labels['first_secretary']}（对照：{labels['team_member']}）"


def _predictors(inputs: Inputs) -> tuple[pd.DataFrame, str]:
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


def _brant(inputs: Inputs, pressure: pd.Series, predictors: pd.DataFrame
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
        "Brant χ²": merged["chi2"].map(or_dash),
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


def clear_predictors_phrase(odds: pd.DataFrame) -> str:
    """How many predictors' 95% intervals exclude 1, and which (named when some but not all do)."""
    clear = odds[(odds["low"] > 1) | (odds["high"] < 1)]
    phrase = count_phrase(len(clear), len(odds), none="{total}个自变量的95%区间全都包含1",
                          some="在{total}个自变量中，95%区间不含1的有{count}个",
                          every="全部{total}个自变量的95%区间都不含1")
    return f"{phrase}：{quoted_list(clear['predictor'])}" if 0 < len(clear) < len(odds) else phrase


def role_odds_phrase(low: float, high: float) -> str:
    """What the role's odds-ratio interval says, in words."""
    return {"更可能": "区间整体高于1：第一书记报告更高一级压力的可能更大",
            "更不可能": "区间整体低于1：第一书记报告更高一级压力的可能更小",
            "无法估计": "这一优势比在当前数据中无法估计"}.get(odds_direction(low, high),
                                                             "区间包含1，数据不足以判断身份与压力的关系")


def ordinal_section(inputs: Inputs) -> tuple[dict[str, str], OrdinalSection | None]:
    """The section's texts, and the section (None when overall pressure or every manifestation scale was not
    asked)."""
    if inputs.cover.pressure_model_not_asked():
        return (absent(*ORDINAL_KEYS) | {
            "ch3_brant_sparse": "", "ch3_generator_pressure": "", "ch3_role_generator": "",
            "ch3_ordinal_figure": MystText(""),
            "ch3_ordinal_missing": not_asked_passage(inputs.cover.pressure_model_not_asked(),
                                                     "有序 logistic 回归")}, None)
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
        "ch3_or_clear_phrase": clear_predictors_phrase(odds),
        "ch3_generator_pressure": survey_sentence("ch3_generator_pressure", inputs.state),
        "ch3_or_role": or_dash(role["odds_ratio"]),
        "ch3_or_role_low": or_dash(role["low"]),
        "ch3_or_role_high": or_dash(role["high"]),
        "ch3_or_role_phrase": role_odds_phrase(role["low"], role["high"]),
        "ch3_role_generator": survey_sentence("ch3_role_reading", inputs.state).removesuffix("。") + generator_label(
            pressure_coefficient_basis("role", codebook=inputs.codebook), inputs.state) + "。",
        "ch3_ordinal_missing": MystText(not_asked_sentence(inputs.manifestations_missing(), "模型的自变量",
                                                           partial=True)),
        "ch3_ordinal_figure": figure_directive("fig-ch3-ordinal-odds",
                                               "总体压力有序 logistic 回归的优势比（对数刻度）"),
    }
    brant_texts, brant_table, rejected = _brant(inputs, pressure, predictors)
    chart_data = odds.assign(
        odds_ratio=odds["odds_ratio"], low=odds["low"], high=odds["high"],
    ).rename(columns={"predictor": "自变量", "odds_ratio": "优势比", "low": "95%区间下限", "high": "95%区间上限"})[
        ["自变量", "优势比", "95%区间下限", "95%区间上限"]]
    table = odds.assign(
        coef=odds["coef"].map(format_coefficient), odds_ratio=odds["odds_ratio"].map(format_coefficient),
        interval=interval_cells(odds["low"], odds["high"], format_coefficient),
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


def time_use_section(inputs: Inputs) -> tuple[dict[str, str], TimeUseSection | None]:
    """The section's texts, and the section (None when question 11 was not asked)."""
    if not inputs.cover.asked("time_use"):
        return (absent(*TIME_KEYS) | {
            "ch3_time_generator": "", "ch3_time_use_figure": MystText(""),
            "ch3_time_missing": not_asked_passage(inputs.cover.not_asked("time_use"), "工作时间去向的分析")}, None)
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
        "ch3_time_role_diff": points(difference[0]),
        "ch3_time_role_diff_low": points(difference[1]),
        "ch3_time_role_diff_high": points(difference[2]),
        "ch3_time_missing": MystText(""),
        "ch3_time_use_figure": figure_directive("fig-ch3-time-use",
                                                "工作时间主要花在哪些事务上：全部受访者与分身份的选择比例"),
    }
    chart_data = table.assign(选择比例=table["share"])[["工作事项", "群体", "选择比例"]]
    return texts, TimeUseSection(texts, chart_data, first["工作事项"], float(first["share"]), second["工作事项"],
                                 float(second["share"]))
