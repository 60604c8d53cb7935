"""第一章 (概念界定与理论基础): the dates of the two central documents, J province's cadres by role, the
counts of reviewed works in the strands the chapter leans on, and how many questionnaire items measure each
element of the analysis framework (the chart's data), all formatted for the prose; the caveat on what chapter
三's tests can show, which follows the survey's state; plus the table of the four types of embedding.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.charts.timeline import chinese_date
from zhucun.data.cadre_deployment import deployment_figures
from zhucun.data.framework import framework_items
from zhucun.data.literature import counts_by_strand_and_review, load_reviewed_literature
from zhucun.data.sourced_tables import load_deployment, load_policy_timeline
from zhucun.data.survey import coverage, data_state, load_survey
from zhucun.number_format import format_count
from zhucun.prose.data_description import not_asked_clause, survey_sentence

# The four types of embedding (杜富海 2022) with the book's reading of each; shown as 表 tbl-ch1-embedding-types.
EMBEDDING_TYPES = {
    "嵌入类型": ["结构型嵌入", "资源型嵌入", "意识型（认知）嵌入", "文化型嵌入"],
    "含义（本书概括）": [
        "驻村干部以第一书记、工作队员的组织身份进入村级组织体系",
        "驻村干部把派出单位的资金、项目、信息和人脉带进村庄",
        "驻村干部把上级的政策目标、发展理念和工作方法传递给村干部和村民",
        "驻村干部与乡土社会的习俗、人情和非正式规则相互适应",
    ],
    "可能出现的脱节（本书的分析假设）": [
        "与村“两委”分工不清，出现替代或疏离",
        "资源多寡取决于派出单位，与村庄需求不一定匹配",
        "外来目标与村民的实际诉求不一致",
        "不熟悉非正式规则，难以调动村内力量",
    ],
}

# Element kinds of the framework (zhucun.data.framework.KIND_LABELS) as the glue names abbreviate them.
_KIND_GLUE_NAMES = {"履职困境表现": "manifestations", "困境成因": "causes", "对策组": "groups"}


@dataclass
class ConceptsTheoryResult:
    """texts: the prose values by glue name; framework_items: one row per framework element with its number
    of items (the chart's data); items_per_kind: the items of each kind of element ({要素类别: 题项数});
    embedding_types: the table of the four types of embedding."""

    texts: dict[str, str]
    framework_items: pd.DataFrame
    items_per_kind: dict[str, int]
    n_elements: int
    n_items: int
    embedding_types: pd.DataFrame


def _documents_and_cadres() -> dict[str, str]:
    """The dates of the 2017 guidance and the 2021 opinion; J province's cadres by role and their term."""
    timeline = load_policy_timeline()
    event_date = {row.source_key: chinese_date(row.date) for row in timeline.itertuples()}
    figures = deployment_figures(load_deployment())
    return {
        "ch1_date_opinion": event_date["zhongban2021opinion"],
        "ch1_date_guidance": event_date["zhongban2017guidance"],
        "ch1_term_years": format_count(figures["term_years"]),
        "ch1_cadres": format_count(figures["cadres_total"]),
        "ch1_first_secretaries": format_count(figures["first_secretaries"]),
        "ch1_team_members": format_count(figures["cadres_total"] - figures["first_secretaries"]),
        "ch1_work_teams": format_count(figures["work_teams"]),
    }


def _literature() -> dict[str, str]:
    """Reviewed works of the strands the chapter cites: domestic embedding, foreign power and responsibility."""
    by_review = counts_by_strand_and_review(load_reviewed_literature())
    return {
        "ch1_lit_embedded_domestic": format_count(by_review.loc["嵌入式治理", "国内研究"]),
        "ch1_lit_power_foreign": format_count(by_review.loc["权责关系", "国外研究"]),
    }


def _framework(items: pd.DataFrame) -> tuple[dict[str, str], pd.DataFrame]:
    """Elements and items per kind of framework element, and the element with the fewest items."""
    per_kind = items.groupby("要素类别", sort=False)["题项数"].agg(["size", "sum"])
    texts = {}
    for kind, short in _KIND_GLUE_NAMES.items():
        texts[f"ch1_n_{short}"] = format_count(per_kind.loc[kind, "size"])
        texts[f"ch1_items_{short}"] = format_count(per_kind.loc[kind, "sum"])
    fewest = items.loc[items["题项数"].idxmin()]
    texts.update({
        "ch1_items_total": format_count(items["题项数"].sum()),
        "ch1_fewest_kind": fewest["要素类别"],
        "ch1_fewest_items": format_count(fewest["题项数"]),
    })
    return texts, per_kind


def _caveat(survey: pd.DataFrame) -> str:
    """What chapter 三's tests can show in the survey's state, and which of the framework's scales were not asked."""
    cover = coverage(survey)
    missing = cover.scales_not_asked("manifestation") + cover.scales_not_asked("cause")
    return survey_sentence("ch1_caveat", data_state(survey)) + not_asked_clause(missing, "第三章对这些假设的检验")


def analyse(survey: pd.DataFrame | None = None) -> ConceptsTheoryResult:
    """Everything 第一章 shows, from the data files and the codebook."""
    items = framework_items()
    framework_texts, per_kind = _framework(items)
    return ConceptsTheoryResult(
        texts={**_documents_and_cadres(), **_literature(), **framework_texts,
               "ch1_caveat": _caveat(load_survey() if survey is None else survey)},
        framework_items=items,
        items_per_kind={kind: int(n) for kind, n in per_kind["sum"].items()},
        n_elements=len(items),
        n_items=int(items["题项数"].sum()),
        embedding_types=pd.DataFrame(EMBEDDING_TYPES),
    )
