"""第二章 (J省驻村干部的履职要求及其变化): J province's deployment as the thesis reports it and what follows
from it (team members as cadres minus first secretaries, cadres per village, the number of administrative
villages implied by the rounded share, all labelled 本书推算), the national numbers in post for comparison,
and the survey sample against the province's population by role with the post-stratification weights and the
sample's composition (small counts suppressed); all formatted for the prose, with the frames the four charts
draw and the five tables show.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.charts.timeline import chinese_date
from zhucun.data.authored_tables import load_requirement_table
from zhucun.data.cadre_deployment import (
    ImpliedTotal,
    cadre_composition,
    deployment_figures,
    implied_total,
    national_in_post,
    national_value,
    village_coverage,
)
from zhucun.data.codebook import load_codebook
from zhucun.data.sourced_tables import load_deployment, load_national_figures, load_policy_timeline, load_village_types
from zhucun.data.survey import DataState, data_state, load_survey
from zhucun.data.survey import coverage as questionnaire_coverage  # 'coverage' here is the villages'
from zhucun.number_format import format_count, format_mean, format_share, format_wan, format_weight
from zhucun.prose.data_description import not_asked_clause, survey_sentence, survey_source
from zhucun.prose.display_tables import role_sample_vs_population, sample_composition
from zhucun.prose.wording import share_gap_phrase, share_word
from zhucun.stats.weighting import kish_effective_n, population_margins, poststratification_weights

# Dated national figures quoted in the text: glue suffix → (indicator, date prefix).
_NATIONAL_DATES = {
    "2020": ("cadres_cumulative", "2020"),
    "2021": ("resident_cadres_in_post", "2021"),
}
_NATIONAL_WAN = {
    "ch2_nat_cadres_2020": ("resident_cadres_in_post", "2020-03"),
    "ch2_nat_cumulative_2020": ("cadres_cumulative", "2020-03"),
    "ch2_nat_teams_cum_2020": ("work_teams_cumulative", "2020-03"),
}

_SUPPRESSED_SHARE = "（因单元格过小不予公布）"


@dataclass
class RequirementsResult:
    """texts: the prose values by glue name; figures: J province's deployment file as {indicator: value};
    implied: the administrative villages implied by the rounded share. Chart data: composition, coverage,
    national_in_post (its highest number of cadres in post at national_peak_date, national_peak_wan 万人),
    role_shares. Tables: village_types, sample, duties, periods (text cells). sample_fs_share is None when
    the count is suppressed."""

    texts: dict[str, str]
    survey_state: DataState
    survey_source: str  # the survey part of a source line
    figures: dict[str, float | int]
    implied: ImpliedTotal
    team_members: int
    composition: pd.DataFrame
    coverage: pd.DataFrame
    national_in_post: pd.DataFrame
    national_peak_date: str
    national_peak_wan: float
    role_shares: pd.DataFrame
    sample_fs_share: float | None
    population_fs_share: float
    sample_n: int
    kish_n: float
    village_types: pd.DataFrame
    sample: pd.DataFrame
    duties: pd.DataFrame
    periods: pd.DataFrame


def _deployment(deployment: pd.DataFrame, figures: dict) -> dict[str, str]:
    """J province's deployment as reported, with its dates and the date of the 2017 guidance."""
    dates = dict(zip(deployment["indicator"], deployment["date"]))
    timeline = load_policy_timeline()
    guidance = timeline.loc[timeline["source_key"] == "zhongban2017guidance", "date"].iloc[0]
    return {
        "ch2_date_jprov": chinese_date(dates["villages_assisted"]),
        "ch2_date_rotation": chinese_date(dates["cadres_rotated_2023"]),
        "ch2_term_years": format_count(figures["term_years"]),
        "ch2_date_guidance": chinese_date(guidance),
        "ch2_villages": format_count(figures["villages_assisted"]),
        "ch2_village_types": format_count(figures["village_types"]),
        "ch2_cadres": format_count(figures["cadres_total"]),
        "ch2_first_secretaries": format_count(figures["first_secretaries"]),
        "ch2_work_teams": format_count(figures["work_teams"]),
        "ch2_rotated": format_count(figures["cadres_rotated_2023"]),
        "ch2_share_villages": format_share(figures["share_of_admin_villages_pct"] / 100),
    }


def _composition(figures: dict, composition: pd.DataFrame) -> dict[str, str]:
    """Cadres by role, cadres per village and per team, and the share of cadres rotated in 2023."""
    members = int(composition.loc[1, "人数"])
    rotated_share = figures["cadres_rotated_2023"] / figures["cadres_total"]
    return {
        "ch2_team_members": format_count(members),
        "ch2_fs_share": format_share(composition.loc[0, "占比"]),
        "ch2_tm_share": format_share(composition.loc[1, "占比"]),
        "ch2_cadres_per_village": format_mean(figures["cadres_total"] / figures["villages_assisted"]),
        "ch2_members_per_team": format_mean(members / figures["work_teams"]),
        "ch2_villages_minus_teams": format_count(figures["villages_assisted"] - figures["work_teams"]),
        "ch2_rotated_share": format_share(rotated_share),
        # share_word takes shares up to 1, and the cadres rotated in 2023 are no subset of those sent in 2021.
        "ch2_rotated_word": share_word(min(1.0, rotated_share)),
    }


def _coverage(implied: ImpliedTotal, coverage: pd.DataFrame) -> dict[str, str]:
    return {
        "ch2_implied_total": format_count(implied.estimate),
        "ch2_implied_low": format_count(implied.low),
        "ch2_implied_high": format_count(implied.high),
        "ch2_villages_without": format_count(int(coverage.loc[1, "行政村数"])),
    }


def _village_types(village_types: pd.DataFrame) -> tuple[dict[str, str], pd.DataFrame]:
    """How much of the type structure the thesis gives, in words, and the table of the seven types."""
    types_known = int(village_types["villages"].notna().sum())
    if types_known == 0:
        phrase = "遗憾的是，论文只给出了所有类型合在一起的村数，每一类型各有多少村无法获得，本书因此不能分析类型结构。"
    elif types_known < len(village_types):
        phrase = (f"表中{len(village_types)}类村里只有{types_known}类有村数，其余类型的村数无法获得，"
                  "类型结构只能部分说明。")
    else:
        phrase = "各类型的村数见表。"
    table = pd.DataFrame({
        "序号": village_types["order"],
        "帮扶村类型": village_types["label"],
        "村数": ["论文未提供" if pd.isna(v) else str(int(v)) for v in village_types["villages"]],
    })
    return {"ch2_types_phrase": phrase}, table


def _national_date(national: pd.DataFrame, indicator: str, prefix: str) -> str:
    rows = national[(national["indicator"] == indicator) & national["date"].str.startswith(prefix)]
    return chinese_date(rows["date"].iloc[0])


def _national(national: pd.DataFrame, figures: dict) -> tuple[dict[str, str], pd.DataFrame, pd.Series]:
    """The national figures quoted in the text, their dates, J province's share of the cadres in post, and the
    numbers in post over time (the chart's data) with the highest number of cadres in post."""
    cadres_2021 = national_value(national, "resident_cadres_in_post", "2021-08")
    teams_2021 = national_value(national, "work_teams_in_post", "2021-08")
    texts = {f"ch2_nat_date_{name}": _national_date(national, indicator, prefix)
             for name, (indicator, prefix) in _NATIONAL_DATES.items()}
    texts["ch2_nat_cadres_2021"] = format_wan(cadres_2021)
    texts["ch2_nat_teams_2021"] = format_wan(teams_2021)
    texts.update({name: format_wan(national_value(national, indicator, prefix))
                  for name, (indicator, prefix) in _NATIONAL_WAN.items()})
    texts["ch2_nat_per_team"] = format_mean(cadres_2021 / teams_2021)
    texts["ch2_j_share_national"] = format_share(figures["cadres_total"] / cadres_2021)
    in_post = national_in_post(national)
    peak = in_post.loc[in_post["指标"] == "在岗驻村干部"].sort_values("人数（万人）").iloc[-1]
    texts["ch2_nat_peak_date"] = chinese_date(peak["时点"])
    return texts, in_post, peak


def _weight_reading(sample_share: float, population_share: float) -> str:
    """Which way the weights go, from the sign of the gap (a weight is the population's share over the
    sample's, so any gap moves it, however small); a suppressed sample share is not compared."""
    if pd.isna(sample_share):
        return "样本中第一书记的比例不予公布，加权仍按身份进行"
    if sample_share == population_share:
        return "样本与总体的身份构成相同，所以两类答卷的权重都等于1"
    if sample_share > population_share:
        return "样本中第一书记的比例高于总体，所以加权时第一书记的答卷权重小于1、工作队员的权重大于1"
    return "样本中第一书记的比例低于总体，所以加权时第一书记的答卷权重大于1、工作队员的权重小于1"


def _sample_texts(survey: pd.DataFrame, figures: dict, fs: pd.Series, weights: pd.Series) -> dict[str, str]:
    """The sample's share of first secretaries against the population's, and the weights that correct it."""
    shown = pd.notna(fs["样本占比"])
    weight_by_role = weights.groupby(survey["role"].astype(str)).first()
    return {
        "ch2_sample_n": format_count(len(survey)),
        "ch2_thesis_n": format_count(figures["thesis_sample_size"]),
        "ch2_sample_fs_share": format_share(fs["样本占比"]) if shown else _SUPPRESSED_SHARE,
        "ch2_pop_fs_share": format_share(fs["总体占比"]),
        # The rule (a gap within one point reads as 持平) is stated only when it decides the word.
        "ch2_sample_vs_pop": (share_gap_phrase(fs["样本占比"], fs["总体占比"], subject="样本比例", against="总体")
                              if shown else "样本比例不予公布，无法与总体比较"),
        "ch2_weight_fs": format_weight(weight_by_role.get("first_secretary", float("nan"))),
        "ch2_weight_tm": format_weight(weight_by_role.get("team_member", float("nan"))),
        # An effective number of respondents is a count: one decimal would be false precision.
        "ch2_kish_n": format_count(kish_effective_n(weights)),
        "ch2_weight_reading": _weight_reading(fs["样本占比"], fs["总体占比"]),
    }


def _data_texts(state: DataState, survey: pd.DataFrame) -> dict[str, str]:
    """The chapter's three sentences on what the survey data are, in the survey's state, the last one naming
    the scales the questionnaire did not ask (chapter 三 cannot test the hypotheses on them)."""
    cover = questionnaire_coverage(survey)
    missing = cover.scales_not_asked("manifestation") + cover.scales_not_asked("cause")
    return {"ch2_data_intro": survey_sentence("ch2_intro", state),
            "ch2_data_sample": survey_sentence("ch2_sample", state),
            "ch2_data_hypotheses": survey_sentence("ch2_hypotheses", state)
            + not_asked_clause(missing, "第三章对这些假设的检验")}


def _share_cell(value) -> str:
    return "—" if pd.isna(value) else format_share(value)


def _sample_table(role_table: pd.DataFrame, survey: pd.DataFrame) -> pd.DataFrame:
    """The sample by role (against the population), dispatch level and village type, small counts suppressed."""
    codebook = load_codebook()
    level_table = sample_composition(survey, "dispatch_level", codebook.labels("dispatch_level"))
    type_table = sample_composition(survey, "village_type", codebook.labels("village_type"))
    rows = [("驻村身份", r["身份"], r["样本人数"], _share_cell(r["样本占比"]), str(r["总体人数"]),
             format_share(r["总体占比"])) for _, r in role_table.iterrows()]
    rows += [("派出单位层级", r["类别"], r["样本人数"], _share_cell(r["样本占比"]), "不详", "不详")
             for _, r in level_table.iterrows()]
    rows += [("所驻村类型", r["类别"], r["样本人数"], _share_cell(r["样本占比"]), "论文未提供", "论文未提供")
             for _, r in type_table.iterrows()]
    return pd.DataFrame(rows, columns=["变量", "类别", "样本人数", "样本占比", "总体人数", "总体占比"])


def _role_shares(role_table: pd.DataFrame) -> pd.DataFrame:
    """Role shares of the sample and of the population, long format for the grouped bar chart."""
    return pd.concat([
        pd.DataFrame({"身份": role_table["身份"], "口径": "问卷样本", "占比": role_table["样本占比"]}),
        pd.DataFrame({"身份": role_table["身份"], "口径": "J省总体（2021年选派）", "占比": role_table["总体占比"]}),
    ], ignore_index=True)


def analyse(survey: pd.DataFrame | None = None) -> RequirementsResult:
    """Everything 第二章 shows, from the data files and the survey."""
    deployment = load_deployment()
    figures = deployment_figures(deployment)
    composition = cadre_composition(figures)
    implied = implied_total(figures["villages_assisted"], figures["share_of_admin_villages_pct"])
    coverage = village_coverage(figures, implied)
    types_texts, village_types = _village_types(load_village_types())

    national_texts, in_post, peak = _national(load_national_figures(), figures)

    survey = load_survey() if survey is None else survey
    state = data_state(survey)
    margins = population_margins("role")
    role_table = role_sample_vs_population(survey, margins)
    weights = poststratification_weights(survey, "role", margins)
    fs = role_table.iloc[0]

    texts = {
        **_deployment(deployment, figures),
        **_composition(figures, composition),
        **_coverage(implied, coverage),
        **types_texts,
        **national_texts,
        **_sample_texts(survey, figures, fs, weights),
        **_data_texts(state, survey),
    }
    return RequirementsResult(
        texts=texts,
        survey_state=state,
        survey_source=survey_source(state),
        figures=figures,
        implied=implied,
        team_members=int(composition.loc[1, "人数"]),
        composition=composition[["身份", "人数", "口径"]],
        coverage=coverage,
        national_in_post=in_post[["时点", "指标", "人数（万人）", "说明"]],
        national_peak_date=str(peak["时点"]),
        national_peak_wan=float(peak["人数（万人）"]),
        role_shares=_role_shares(role_table),
        sample_fs_share=float(fs["样本占比"]) if pd.notna(fs["样本占比"]) else None,
        population_fs_share=float(fs["总体占比"]),
        sample_n=len(survey),
        kish_n=kish_effective_n(weights),
        village_types=village_types,
        sample=_sample_table(role_table, survey),
        duties=load_requirement_table("duties"),
        periods=load_requirement_table("periods"),
    )
