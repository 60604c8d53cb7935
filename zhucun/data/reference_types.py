"""Counts of the bibliography (``data/references.bib``) by GB/T 7714 document type.

The type mark of an entry follows the rules of :mod:`zhucun.book.gbt7714_style`: [J]
journal article, [N] newspaper article, [M] book or part of one, [C]
conference, [D] thesis, [R] report, [EB/OL] online resource (and misc with a
url), [Z] anything else.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from zhucun.data.literature import BIBLIOGRAPHY_FILE
from zhucun.paths import data_path

TYPE_NAMES = {"J": "期刊文章", "N": "报纸文章", "M": "专著", "C": "会议文献", "D": "学位论文",
              "R": "报告", "EB/OL": "电子资源", "Z": "其他"}
_MARKS = {"book": "M", "incollection": "M", "inbook": "M", "inproceedings": "C", "proceedings": "C",
          "thesis": "D", "mastersthesis": "D", "phdthesis": "D", "techreport": "R", "online": "EB/OL"}


def type_mark(entry) -> str:
    """The GB/T 7714 type mark of a pybtex entry."""
    kind = entry.type.lower()
    if kind == "article":
        return "N" if entry.fields.get("entrysubtype", "").lower() == "newspaper" else "J"
    if kind == "misc":
        return "EB/OL" if entry.fields.get("url") else "Z"
    return _MARKS.get(kind, "Z")


def reference_counts(path: Path | str | None = None) -> pd.DataFrame:
    """文献类型, 标识, 条数: one row per type present, in the order of TYPE_NAMES."""
    from pybtex.database import parse_file

    entries = parse_file(str(path or data_path(BIBLIOGRAPHY_FILE))).entries.values()
    marks = pd.Series([type_mark(e) for e in entries], dtype="object")
    counts = marks.value_counts()
    rows = [{"文献类型": name, "标识": f"[{mark}]", "条数": int(counts[mark])}
            for mark, name in TYPE_NAMES.items() if mark in counts.index]
    return pd.DataFrame(rows, columns=["文献类型", "标识", "条数"])
