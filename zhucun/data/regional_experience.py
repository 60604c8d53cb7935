"""The five regional cases of chapter 四 (``data/regional_experience.csv``).

The thesis names each case only in a heading of its chapter 四 (the chapter's
text is not available). Each row says which of the thesis's four lessons the
case serves: ``lesson`` is the main one, ``also_serves`` an optional second.
That assignment is the book's reading of the headings, not the thesis's text.
``details_found`` records whether the book found anything about the measure
beyond the heading in a public source, and ``public_source_keys`` which
bibliography entries those sources are.

    >>> cases = load_regional_experience()
    >>> lesson_matrix(cases).loc["广东省", "“交流共享”平台"]
    2
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from zhucun.paths import data_path

REGIONAL_FILE = "regional_experience.csv"

# The thesis's four lessons (chapter 四 (三)), in its order, with the role the
# thesis's headings give each: 前提, 关键, 手段, 保障.
LESSONS: tuple[str, ...] = ("“人”的精力", "“事”的边界", "“交流共享”平台", "“管”的主体")
LESSON_HEADINGS: dict[str, str] = {
    "“人”的精力": "凝聚“人”的精力是前提",
    "“事”的边界": "理清“事”的边界是关键",
    "“交流共享”平台": "搭建“交流共享”的平台是手段",
    "“管”的主体": "整合“管”的主体是保障",
}
DETAILS_FOUND = ("已找到", "仅找到背景资料", "未找到")
COLUMNS = ("order", "region", "measure", "lesson", "also_serves", "thesis_section", "source",
           "source_key", "details_found", "public_source_keys", "public_note")

# Matrix codes: the case's main lesson, a lesson it also serves, none.
MAIN, ALSO, NONE = 2, 1, 0
MATRIX_LABELS = {MAIN: "主要", ALSO: "兼及", NONE: ""}


class RegionalDataError(ValueError):
    """``data/regional_experience.csv`` does not have the form chapter 四 relies on."""


def _split_keys(text: str) -> list[str]:
    return [key.strip() for key in str(text).split(";") if key.strip()]


def validate_regional_experience(frame: pd.DataFrame, bib_keys: frozenset[str] | None = None) -> pd.DataFrame:
    """Check the cases table; raise :class:`RegionalDataError` listing every problem."""
    problems = []
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise RegionalDataError(f"{REGIONAL_FILE}: missing columns {', '.join(missing)}")
    for line, row in zip(range(2, len(frame) + 2), frame.itertuples(index=False)):
        where = f"{REGIONAL_FILE} line {line}"
        for column in ("region", "measure", "lesson", "source", "source_key", "details_found"):
            if not str(getattr(row, column)).strip():
                problems.append(f"{where}: {column} is empty")
        if row.lesson not in LESSONS:
            problems.append(f"{where}: lesson {row.lesson!r} is not one of {', '.join(LESSONS)}")
        if row.also_serves and (row.also_serves not in LESSONS or row.also_serves == row.lesson):
            problems.append(f"{where}: also_serves {row.also_serves!r} must be another of the four lessons")
        if row.details_found not in DETAILS_FOUND:
            problems.append(f"{where}: details_found {row.details_found!r} is not one of {', '.join(DETAILS_FOUND)}")
        public_keys = _split_keys(row.public_source_keys)
        if row.details_found != "未找到" and not public_keys:
            problems.append(f"{where}: details were found but public_source_keys is empty")
        if row.details_found == "未找到" and public_keys:
            problems.append(f"{where}: no details found, yet public_source_keys names sources")
        if bib_keys is not None:
            for key in [row.source_key, *public_keys]:
                if key not in bib_keys:
                    problems.append(f"{where}: {key!r} is not a key of data/references.bib")
    if frame["region"].duplicated().any():
        problems.append(f"{REGIONAL_FILE}: a region appears twice")
    if problems:
        raise RegionalDataError("\n".join(problems))
    return frame


def load_regional_experience(path: Path | str | None = None, check_bibliography: bool = True) -> pd.DataFrame:
    """The validated cases, in the thesis's order (empty cells as empty strings)."""
    frame = pd.read_csv(path or data_path(REGIONAL_FILE), dtype=str, keep_default_na=False, encoding="utf-8")
    keys = None
    if check_bibliography:
        from zhucun.data.sourced_tables import bibliography_keys

        keys = bibliography_keys()
    frame = validate_regional_experience(frame, keys)
    frame["order"] = frame["order"].astype("int64")
    return frame.sort_values("order").reset_index(drop=True)


def lesson_matrix(cases: pd.DataFrame) -> pd.DataFrame:
    """Regions × the four lessons: 2 main lesson, 1 also served, 0 not addressed."""
    matrix = pd.DataFrame(NONE, index=list(cases["region"]), columns=list(LESSONS), dtype="int64")
    for row in cases.itertuples(index=False):
        matrix.loc[row.region, row.lesson] = MAIN
        if row.also_serves:
            matrix.loc[row.region, row.also_serves] = ALSO
    matrix.index.name = "地区"
    return matrix


def lesson_coverage(cases: pd.DataFrame) -> pd.Series:
    """Per lesson, how many cases serve it (as main or second lesson)."""
    return (lesson_matrix(cases) > NONE).sum(axis=0).rename("案例数")


def comparison_table(cases: pd.DataFrame) -> pd.DataFrame:
    """The cases side by side with Chinese headers, for the chapter's table."""
    return pd.DataFrame({
        "地区": cases["region"],
        "论文标题中的做法": cases["measure"],
        "主要对应的启示": cases["lesson"],
        "兼及的启示": cases["also_serves"].replace("", "—"),
        "标题以外的公开细节": cases["details_found"],
        "本书检索所见": cases["public_note"],
    })


def public_source_keys(cases: pd.DataFrame) -> list[str]:
    """The bibliography keys of the public sources found, in table order, without repeats."""
    keys: list[str] = []
    for text in cases["public_source_keys"]:
        for key in _split_keys(text):
            if key not in keys:
                keys.append(key)
    return keys
