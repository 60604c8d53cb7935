"""附录: appendix 一 writes the questionnaire from the codebook and counts the data columns of each question;
三 and 五 list the data files (contents, sizes, SHA-256) and the software versions; 六 states the synthetic
data's assumptions (``data/synthetic_assumptions.yml``) in words and tables: whether the book's survey is synthetic
and whether the documented commands remake its files byte for byte, the assumed sample shares against J
province's population, the cause and manifestation factors and group effects, how items, overall pressure, time
use, countermeasure ratings, non-response and interview codes are drawn, and whether the current survey shows
the role effect the model builds in. Sentences on chapter 三's results follow what the questionnaire asked
(a block not asked: the analysis was not run, and the sentence says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.provenance import UNDESCRIBED, csv_columns, data_dictionary, data_hashes, package_versions
from zhucun.data.survey import (
    INTERVIEWS_FILE,
    PRIVATE_FOLDER,
    SURVEY_FILE,
    Coverage,
    DataState,
    coverage,
    data_state,
    is_private,
    is_synthetic,
    load_interviews,
    load_survey,
    survey_file_label,
    survey_path,
)
from zhucun.data.synthetic import load_assumptions
from zhucun.data.synthetic_assumptions import (
    category_of_zero,
    cause_correlations,
    for_display,
    format_assumed_share,
    format_assumption,
    group_effects,
    largest_group_effect,
    manifestation_sd,
    manifestation_weights,
    matches_documented_command,
    own_cause_dominates,
    profile_assumptions,
    tenure_distribution,
)
from zhucun.number_format import format_chinese_count, format_coefficient, format_count, format_mean, format_share
from zhucun.paths import data_path
from zhucun.prose.data_description import not_asked_sentence, survey_sentence
from zhucun.prose.glue import MystText
from zhucun.prose.questionnaire import items_per_question, questionnaire_markdown
from zhucun.prose.wording import comparison_word, correlation_strength_word, count_phrase
from zhucun.stats.likert import scale_scores
from zhucun.stats.weighting import population_margins


@dataclass(frozen=True)
class AppendixResult:
    """What the appendix shows: its glued texts, the questionnaire, the chart's data and the tables (as text)."""

    texts: dict[str, str]  # glue name → text of the prose
    survey_state: DataState  # synthetic, real or mixed (the page shows the notice unless real)
    questionnaire: str  # 附录一 as MyST markdown
    items_per_question: pd.DataFrame  # 题号, 题型, 变量数 (chart data)
    widest_question: pd.Series  # the row of items_per_question with the most data columns
    data_dictionary: pd.DataFrame
    csv_columns: pd.DataFrame
    package_versions: pd.DataFrame
    data_hashes: pd.DataFrame
    demo_command: str  # the shell commands that remake the demonstration files
    tenure: dict[str, float]  # gamma shape, scale (months), max and mean of the tenure draw
    profile_table: pd.DataFrame  # the four tables of 附录六, formatted for show_table
    cause_table: pd.DataFrame
    weight_table: pd.DataFrame
    effect_table: pd.DataFrame
    checks: dict[str, int]  # the headline numbers the pinned cell prints


def _multi_select_texts(codebook) -> dict[str, str]:
    """The multi-select question's number and its limit, for 附录一's note on setting it up in 问卷星."""
    question = next(q for q in codebook.questions if q.kind == "multi_select")
    return {"ch8_multi_question": format_count(question.number),
            "ch8_multi_limit": format_chinese_count(question.max_selected)}


def analyse(survey: pd.DataFrame | None = None) -> AppendixResult:
    """The appendix from the book's data files (the survey: *survey* when given)."""
    codebook, interviews, assumptions = load_codebook(), load_interviews(), load_assumptions()
    survey = load_survey() if survey is None else survey
    state = data_state(survey)
    per_question = items_per_question(codebook)
    dictionary = data_dictionary()
    profile = profile_assumptions(assumptions, codebook)
    tenure = tenure_distribution(assumptions)
    correlations = cause_correlations(assumptions, codebook)
    weights = manifestation_weights(assumptions, codebook)
    effects = group_effects(assumptions, codebook)
    texts = {
        "ch8_questions": format_count(len(codebook.questions)),
        "ch8_variables": format_count(int(per_question["变量数"].sum())),
        "ch8_data_files": format_count(len(dictionary)),
        **_multi_select_texts(codebook),
        **_status_texts(survey, interviews, assumptions),
        **_profile_texts(profile, tenure, codebook),
        **_factor_texts(correlations, weights, effects, assumptions),
        **_item_texts(assumptions, codebook),
        **_other_answer_texts(assumptions, codebook, survey),
        **_model_check(survey, codebook, assumptions),
        **_not_asked_texts(coverage(survey, codebook)),
        "ch8_survey_file": _survey_file_text(),
    }
    seed = assumptions["seed_of_committed_files"]
    command = (f"python -m zhucun demo-data --n {len(survey)} --seed {seed} \\\n    -o data/survey_responses.csv\n"
               f"python -m zhucun demo-interviews --n {len(interviews)} --seed {seed} \\\n"
               "    -o data/interviews_coded.csv")
    return AppendixResult(
        texts=texts, survey_state=state, questionnaire=questionnaire_markdown(codebook),
        items_per_question=per_question, widest_question=per_question.loc[per_question["变量数"].idxmax()],
        data_dictionary=dictionary, csv_columns=csv_columns(), package_versions=package_versions(),
        data_hashes=data_hashes(), demo_command=command, tenure=tenure,
        profile_table=for_display(profile, shares=("假设占比",)), cause_table=for_display(correlations),
        weight_table=for_display(weights), effect_table=for_display(effects),
        checks={"题目数": len(codebook.questions), "数据列数": int(per_question["变量数"].sum()),
                "数据文件数": len(dictionary), "未登记文件数": int((dictionary["内容"] == UNDESCRIBED).sum())},
    )


# The appendix's sentences on chapter 三's results, as MyST pasted with {glue:md}: each is replaced when
# the questionnaire did not ask what the result needs.
_ALPHA_CLAUSE = (
    "第三章计算的内部一致性（Cronbach's α）反映的正是这种相关"
)

_ORDINAL_SENTENCE = (
    "第三章的有序 logit 回归（{numref}`tbl-ch3-ordinal`）以观测到的量表得分作自变量，而不是这里无法观测的因子，"
    "所以它的系数与这里的权重不在同一尺度上，不宜直接比较。"
)

_NONRESPONSE_SENTENCE = (
    "当前问卷数据中，李克特题单元格实际留空的比例为{glue}`ch8_syn_nonresponse_observed`。"
)

_CHECK_PARAGRAPH = (
    "{glue}`ch8_syn_check`。观测到的分差并不等于潜变量上的设定值：题项要乘以载荷、加上噪声再切分成等级，"
    "样本不大时抽样误差也可能让方向反过来。这项差异是否超出了抽样误差，"
    "见第三章的群体比较（{numref}`tbl-ch3-groups`）。"
)


def _not_asked_texts(cover: Coverage) -> dict[str, MystText]:
    """The questionnaire's blocks the data lack, and the sentences on chapter 三's α and ordinal model."""
    scales_missing = cover.scales_not_asked("manifestation")
    no_alpha = not cover.scales("manifestation")
    ordinal_missing = cover.pressure_model_not_asked()
    return {
        "ch8_not_asked": MystText(not_asked_sentence(cover.not_asked(), "书中各章的分析", partial=True)),
        "ch8_alpha_clause": MystText(
            "第三章本应用内部一致性（Cronbach's α）衡量这种相关，但" + not_asked_sentence(scales_missing, "这一计算")
            .removesuffix("。") if no_alpha else _ALPHA_CLAUSE),
        "ch8_ordinal_sentence": MystText(not_asked_sentence(ordinal_missing, "第三章的有序 logit 回归")
                                         if ordinal_missing else _ORDINAL_SENTENCE),
    }


def _survey_file_text() -> str:
    """Which survey file this build read: the private one, when there is one, is named but never shown."""
    read = survey_file_label()
    if is_private(survey_path()):
        return (f"这次构建读取的是 {read}：它在 .gitignore 所列的私有文件夹中，不入库、不发布，"
                f"书中只出现由它算出的汇总数字，人数少的格子照常隐去；仓库中的 data/{SURVEY_FILE} 没有被读取")
    return (f"这次构建读取的是 {read}；只要 data/{PRIVATE_FOLDER}/{SURVEY_FILE} 存在，"
            "本书就改读这个不入库的私有文件")


def _value_range(values: Iterable[float]) -> str:
    """'a 到 b' of some parameters, or the one value when they are all equal."""
    values = list(values)
    low, high = min(values), max(values)
    return format_assumption(low) if low == high else f"{format_assumption(low)}到{format_assumption(high)}"


def _status_texts(survey: pd.DataFrame, interviews: pd.DataFrame, assumptions: dict) -> dict[str, str]:
    """Is the book's survey made by this model, and do the documented commands remake the files?"""
    status = count_phrase(
        data_state(survey).synthetic_rows, len(survey),
        none=("当前的问卷数据文件中没有合成行，书中报告的问卷数字与这个模型无关；"
              "只有运行下面的命令生成演示数据时才会用到它"),
        some="当前的问卷数据文件共{total}行，其中{count}行是合成数据，所以书中的问卷数字有一部分出自这个模型",
        every="当前的问卷数据文件共{total}行，全部是合成数据，所以书中报告的问卷数字都出自这个模型")
    seed = assumptions["seed_of_committed_files"]
    remade, not_remade = [], []
    for name, path, kind, frame in (("问卷数据文件", survey_path(), "survey", survey),
                                    ("访谈编码文件", data_path(INTERVIEWS_FILE), "interviews", interviews)):
        # Only a synthetic file can be the generator's output: real data are never regenerated to compare.
        if is_synthetic(frame):
            matches = matches_documented_command(path, kind, len(frame), seed, assumptions)
            (remade if matches else not_remade).append(name)
    sentences = [f"用下面的命令可以逐字节重新生成当前{'和'.join(remade)}中的每一行（命令按编号排列各行，"
                 "文件中行的次序不影响书中任何结果）"] if remade else []
    if not_remade:
        sentences.append(f"当前的{'和'.join(not_remade)}虽是合成数据，却不是用下面的命令和种子生成的，不能由它们重现")
    return {"ch8_syn_status": status,
            "ch8_syn_remake": "；".join(sentences or ["需要演示数据时，可以运行下面的命令"]),
            "ch8_syn_seed": str(seed)}


def _profile_texts(profile: pd.DataFrame, tenure: dict[str, float], codebook: Codebook) -> dict[str, str]:
    """The assumed sample shares (first secretaries against the population) and the tenure draw."""
    role_shares = profile[profile["变量"] == codebook.short_label("role")].set_index("类别")["假设占比"]
    fs_share = role_shares[codebook.labels("role")["first_secretary"]]
    margins = population_margins("role")
    fs_population = margins["first_secretary"] / margins.sum()
    purpose = {
        "高于": "样本占比有意设得高于总体占比，使第三章按驻村身份所做的事后分层加权产生看得见的效果",
        "低于": "样本占比有意设得低于总体占比，使第三章按驻村身份所做的事后分层加权产生看得见的效果",
    }.get(comparison_word(fs_share, fs_population, tolerance=0.005),
          "两者基本相同，所以第三章按驻村身份所做的事后分层加权几乎不会改变结果")
    return {"ch8_syn_profile_vars": "、".join(profile["变量"].unique()),
            "ch8_syn_fs_share": format_assumed_share(fs_share),
            "ch8_syn_fs_pop_share": format_share(fs_population),
            "ch8_syn_fs_purpose": purpose,
            "ch8_syn_gamma_shape": f"{tenure['shape']:g}",
            "ch8_syn_gamma_scale": f"{tenure['scale']:g}",
            "ch8_syn_tenure_max": f"{tenure['max']:g}",
            "ch8_syn_tenure_mean": f"{tenure['mean']:g}"}


def _factor_texts(correlations: pd.DataFrame, weights: pd.DataFrame, effects: pd.DataFrame,
                  assumptions: dict) -> dict[str, str]:
    """Cause and manifestation factors, and the group effects on the latter."""
    n = len(correlations)
    off_diagonal = [correlations.iat[i, j] for i in range(n) for j in range(i + 1, n)]
    strength = dict.fromkeys(correlation_strength_word(r)
                             for r in (min(off_diagonal, key=abs), max(off_diagonal, key=abs)))
    cause_phrase = (f"两两之间都是{'到'.join(strength)}的正相关，相关系数为{_value_range(off_diagonal)}"
                    if min(off_diagonal) > 0 else f"两两之间的相关系数为{_value_range(off_diagonal)}，方向不尽相同")
    cause_weights = weights.drop(columns="噪声标准差").to_numpy()
    rows, columns = cause_weights.shape
    diagonal = [cause_weights[i, i] for i in range(rows)]
    crossing = [cause_weights[i, j] for i in range(rows) for j in range(columns) if i != j]
    weight_phrase = (
        (f"每种表现在与它同序号的成因上权重最大（{_value_range(diagonal)}），"
         f"在其余成因上的交叉权重较小（{_value_range(crossing)}），"
         "也就是假设每类成因主要导致与它相对应的那种表现") if own_cause_dominates(assumptions)
        else (f"同序号成因上的权重为{_value_range(diagonal)}，其余成因上为{_value_range(crossing)}，"
              "权重并不集中在同序号的成因上"))
    spread = manifestation_sd(assumptions)
    if len(effects):
        biggest = effects.loc[effects["潜变量效应"].abs().idxmax()]
        largest = (f"“{biggest['分组变量']}：{biggest['类别']}”在“{biggest['受影响的表现']}”上的 "
                   f"{format_assumption(biggest['潜变量效应'])}")
    else:
        largest = "（没有设定任何群体效应）"
    return {"ch8_syn_n_causes": format_count(n),
            "ch8_syn_cause_corr_phrase": cause_phrase,
            "ch8_syn_weight_phrase": weight_phrase,
            "ch8_syn_p_noise": format_assumption(assumptions["manifestations"]["noise_sd"]),
            "ch8_syn_p_sd_low": format_coefficient(spread.min()),
            "ch8_syn_p_sd_high": format_coefficient(spread.max()),
            "ch8_syn_effect_groupings": "、".join(effects["分组变量"].unique()) if len(effects) else "（无）",
            "ch8_syn_effect_largest": largest}


def _item_texts(assumptions: dict, codebook: Codebook) -> dict[str, str]:
    """The agreement items: loading, noise, thresholds and where a latent zero falls."""
    items = assumptions["items"]
    thresholds = items["agreement_thresholds"]
    agreement = [code.label for code in codebook.answer_scales["agreement"].codes]
    agreement_items = [v.name for v in codebook.variables if v.type == "likert" and v.scale and v.scale[0] in "pc"]
    zero = category_of_zero(thresholds)
    middle = (len(thresholds) + 2) / 2
    threshold_phrase = {
        1: (f"这组阈值偏向同意一侧：潜在倾向恰好为零的回答会落在“{agreement[zero - 1]}”，"
            "即假设驻村干部对描述困境的说法多半倾向于认同"),
        -1: f"这组阈值偏向不同意一侧：潜在倾向恰好为零的回答会落在“{agreement[zero - 1]}”",
        0: f"这组阈值大致对称：潜在倾向恰好为零的回答会落在“{agreement[zero - 1]}”",
    }[(zero > middle) - (zero < middle)]
    return {"ch8_syn_n_items": format_count(len(agreement_items)),
            "ch8_syn_loading": format_assumption(items["loading"]),
            "ch8_syn_item_noise": format_assumption(items["noise_sd"]),
            "ch8_syn_thresholds": "、".join(format_assumption(t) for t in thresholds),
            "ch8_syn_agree_levels": format_count(len(thresholds) + 1),
            "ch8_syn_agree_first": agreement[0],
            "ch8_syn_agree_last": agreement[-1],
            "ch8_syn_shift_range": _value_range(items["scale_shift"].values()),
            "ch8_syn_threshold_phrase": threshold_phrase}


def _other_answer_texts(assumptions: dict, codebook: Codebook, survey: pd.DataFrame) -> dict[str, str]:
    """Overall pressure, time use, countermeasure ratings, non-response and the interview codes."""
    pressure = assumptions["overall_pressure"]
    pressure_labels = list(codebook.labels("overall_pressure").values())
    top_pressure = max(pressure["coefficients"], key=pressure["coefficients"].get)

    time_use = assumptions["time_use"]
    chosen = time_use["number_chosen_probabilities"]
    options = time_use["options"]
    links = [(option, factor, coefficient) for option, spec in options.items()
             for factor, coefficient in spec.items() if factor != "base"]
    if links:
        option, factor, coefficient = max(links, key=lambda link: abs(link[2]))
        time_link = (f"受表现因子影响最大的是“{codebook.short_label(option)}”："
                     f"“{codebook.scale(factor).name}”因子每高一个单位，"
                     f"它的得分{'增加' if coefficient > 0 else '减少'}{format_assumption(abs(coefficient))}")
    else:
        time_link = "各选项的得分都不随表现因子变化"

    measures = assumptions["countermeasures"]
    helpfulness = [code.label for code in codebook.answer_scales["helpfulness"].codes]
    m_weight = measures["weight_on_answered_manifestation"]
    m_direction = ("越是感到某种困境的人，越倾向于认为针对它的对策有帮助" if m_weight > 0
                   else "越是感到某种困境的人，反而越倾向于认为针对它的对策帮助不大" if m_weight < 0
                   else "对策评价与受访者对相应困境的感受无关")

    # Only the Likert items the questionnaire asked can be observed left empty.
    likert = [name for name in codebook.of_type("likert") if name in survey.columns]
    nonresponse = ({"ch8_syn_nonresponse_observed": format_share(float(survey[likert].isna().to_numpy().mean())),
                    "ch8_nonresponse_sentence": MystText(_NONRESPONSE_SENTENCE)} if likert else
                   {"ch8_nonresponse_sentence": MystText("当前问卷没有问到任何李克特题，无从观察实际的留空比例。")})
    interview_spec = assumptions["interviews"]
    themes = [v.name for v in codebook.interview_variables if v.type == "flag" and v.scale]
    return {"ch8_syn_pressure_range": _value_range(pressure["coefficients"].values()),
            "ch8_syn_pressure_top": codebook.scale(top_pressure).name,
            "ch8_syn_pressure_first": pressure_labels[0],
            "ch8_syn_pressure_last": pressure_labels[-1],
            "ch8_syn_pressure_levels": format_count(len(pressure["thresholds"]) + 1),
            "ch8_syn_k_phrase": ("、".join(f"{k}项" for k in chosen) + "的概率分别为"
                                 + "、".join(format_assumed_share(p) for p in chosen.values())),
            "ch8_syn_time_top": codebook.short_label(max(options, key=lambda o: options[o]["base"])),
            "ch8_syn_time_bottom": codebook.short_label(min(options, key=lambda o: options[o]["base"])),
            "ch8_syn_time_link": time_link,
            "ch8_syn_m_base": _value_range(measures["base"].values()),
            "ch8_syn_m_weight": format_assumption(m_weight),
            "ch8_syn_m_noise": format_assumption(measures["noise_sd"]),
            "ch8_syn_m_first": helpfulness[0],
            "ch8_syn_m_last": helpfulness[-1],
            "ch8_syn_m_levels": format_count(len(measures["helpfulness_thresholds"]) + 1),
            "ch8_syn_m_direction": m_direction,
            "ch8_syn_nonresponse": format_assumed_share(assumptions["item_nonresponse_rate"]),

            "ch8_syn_n_themes": format_count(len(themes)),
            "ch8_syn_interview_slope": format_assumption(interview_spec["slope"]),
            "ch8_syn_interview_intercepts": _value_range(interview_spec["intercept"].values()),
            **nonresponse}


def _model_check(survey: pd.DataFrame, codebook: Codebook, assumptions: dict) -> dict[str, str]:
    """What the model builds in, against what the current data show (chapter 三 tests the difference)."""
    role_effect = largest_group_effect("role", assumptions)
    if role_effect is None:
        return {"ch8_syn_check": "生成模型没有设定驻村身份的群体效应，因此这里无可对照",
                "ch8_check_paragraph": MystText(_CHECK_PARAGRAPH)}
    code, scale_id, effect = role_effect
    role_labels = codebook.labels("role")
    group, others = role_labels[code], "、".join(label for c, label in role_labels.items() if c != code)
    setting = (f"生成模型设定：其他条件相同时，{group}在“{codebook.scale(scale_id).name}”上的潜变量比{others}"
               f"{'高' if effect > 0 else '低'}{format_assumption(abs(effect))}，这是该模型中驻村身份效应最大的一项。")
    cover = coverage(survey, codebook)
    if not cover.scale_asked(scale_id):
        return {"ch8_check_paragraph": MystText(
            setting + not_asked_sentence([cover.scale_block(scale_id)], "与当前数据的对照"))}
    score = scale_scores(survey, codebook, "manifestation")[scale_id]
    member = (survey["role"].astype("object") == code).to_numpy()
    inside, outside = score[member].mean(), score[~member].mean()
    observed = comparison_word(inside, outside)
    same_way = {"高于": effect > 0, "低于": effect < 0}.get(observed)
    verdict = ("当前数据无法比较两者" if same_way is None and observed == "无法比较"
               else "两者相同，看不出设定的差异" if observed == "与之持平"
               else "差异的方向与模型的设定一致" if same_way else "差异的方向与模型的设定相反")
    return {"ch8_syn_check": (
        setting + f"在当前的{len(survey)}份{survey_sentence('ch8_answers', data_state(survey))}答卷中，"
        f"{group}这一量表的平均得分为"
        f"{format_mean(inside)}分，{others}为{format_mean(outside)}分（未加权），" + verdict),
        "ch8_check_paragraph": MystText(_CHECK_PARAGRAPH)}
