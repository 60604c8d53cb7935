"""Chapter 四: the five regional cases the thesis learns from and the four lessons they serve.

From ``data/regional_experience.csv`` it counts the cases and the public
sources found, says how many cases have details beyond the thesis's heading,
lists for each lesson the regions serving it (main lesson first, then those
that also serve it) and names the lessons most and least often served. It
returns these as the prose's texts, with the comparison table and the
regions × lessons matrix (and its cell labels) for the heatmap.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.data.regional_experience import (
    ALSO,
    DETAILS_FOUND,
    LESSONS,
    MAIN,
    MATRIX_LABELS,
    comparison_table,
    lesson_coverage,
    lesson_matrix,
    load_regional_experience,
    public_source_keys,
)
from zhucun.number_format import format_chinese_amount, format_count
from zhucun.prose.wording import count_phrase, extreme_clause


@dataclass(frozen=True)
class RegionalExperienceResult:
    cases: pd.DataFrame
    found: dict[str, int]          # cases per value of details_found (已找到, 仅找到背景资料, 未找到)
    n_lessons: int
    matrix: pd.DataFrame           # regions × lessons: 2 main lesson, 1 also served, 0 none
    annotations: pd.DataFrame      # the matrix's cells as words (主要, 兼及, empty)
    most_lessons: str              # the lessons served by most cases, joined with 、
    fewest_lessons: str            # … and by fewest
    extremes_sentence: str         # which lessons most and fewest cases serve, a tie named as a tie
    comparison_table: pd.DataFrame  # tbl-ch4-cases
    texts: dict[str, str]          # glue name → text of the prose
    checks: dict[str, int]         # the headline numbers the pinned cell prints


def found_counts(cases: pd.DataFrame) -> dict[str, int]:
    """How many cases have each value of ``details_found`` (0 for a value no case has)."""
    found = cases["details_found"].value_counts()
    return {value: int(found.get(value, 0)) for value in DETAILS_FOUND}


def _found_phrase(found: dict[str, int], n_cases: int) -> str:
    return "；".join([
        count_phrase(found["已找到"], n_cases, none="没有一个找到了标题以外的具体做法",
                     some="找到标题以外具体做法的有{count}个", every="每个都找到了标题以外的具体做法"),
        count_phrase(found["仅找到背景资料"], n_cases, none="没有只找到背景资料的",
                     some="只找到相关背景资料的有{count}个", every="都只找到相关背景资料"),
        count_phrase(found["未找到"], n_cases, none="每个案例至少都找到了一些相关资料",
                     some="除论文标题外什么也没有找到的有{count}个", every="除论文标题外什么也没有找到"),
    ])


def _lesson_regions(matrix: pd.DataFrame) -> dict[str, str]:
    """For each lesson (ch4_l1_regions …): the regions serving it, main lesson first."""
    texts = {}
    for i, lesson in enumerate(LESSONS, start=1):
        main = [r for r in matrix.index if matrix.loc[r, lesson] == MAIN]
        also = [r for r in matrix.index if matrix.loc[r, lesson] == ALSO]
        text = "、".join(main) if main else "没有案例以此为主要对应"
        if also:
            text += f"（兼及：{'、'.join(also)}）"
        texts[f"ch4_l{i}_regions"] = text
    return texts


def _extremes_sentence(most: list[str], fewest: list[str], n_lessons: int) -> str:
    """Which lessons most and fewest cases serve: "对应案例最多的启示是A，最少的是B"; a tie named as a tie
    ("A、B、C三条启示并列对应案例最多，最少的是D"); all lessons alike when every one is served as often."""
    if len(most) == n_lessons:
        return f"{format_chinese_amount(n_lessons)}条启示对应的案例一样多"
    options = dict(noun="启示", unit="条", measure="对应案例")
    lowest = extreme_clause(fewest, n_lessons, extreme="最少", **options)
    if len(fewest) == 1:
        lowest = f"最少的是{fewest[0]}"  # the subject was named in the first clause
    return f"{extreme_clause(most, n_lessons, extreme='最多', **options)}，{lowest}"


def analyse() -> RegionalExperienceResult:
    """Chapter 四's numbers, words and tables from the committed data."""
    cases = load_regional_experience()
    matrix = lesson_matrix(cases)
    coverage = lesson_coverage(cases)
    found = found_counts(cases)
    n_sources = len(public_source_keys(cases))
    most_names = coverage[coverage == coverage.max()].index.tolist()
    fewest_names = coverage[coverage == coverage.min()].index.tolist()
    most, fewest = "、".join(most_names), "、".join(fewest_names)
    extremes = _extremes_sentence(most_names, fewest_names, len(coverage))
    texts = {
        "ch4_regions": format_count(len(cases)),
        "ch4_lessons": format_count(len(LESSONS)),
        "ch4_found_phrase": _found_phrase(found, len(cases)),
        "ch4_region_list": "、".join(cases["region"]),
        **_lesson_regions(matrix),
        "ch4_lesson_extremes": extremes,
    }
    checks = {"案例数": len(cases), "找到细节": found["已找到"], "仅有背景资料": found["仅找到背景资料"],
              "未找到": found["未找到"], "公开来源数": n_sources}
    return RegionalExperienceResult(
        cases=cases,
        found=found,
        n_lessons=len(LESSONS),
        matrix=matrix,
        annotations=matrix.map(MATRIX_LABELS.get),
        most_lessons=most,
        fewest_lessons=fewest,
        extremes_sentence=extremes,
        comparison_table=comparison_table(cases),
        texts=texts,
        checks=checks,
    )
