"""The literature the thesis reviews, read from the metadata of ``data/references.bib``.

Entries of the literature review carry two custom fields: ``strand`` (the
review's strand: embedded, collaborative, power_responsibility) and ``review``
(foreign or domestic, the thesis's own section). Counting them from the
bibliography keeps the 绪论's chart and its sentences true when entries are
added or corrected.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from zhucun.paths import data_path

BIBLIOGRAPHY_FILE = "references.bib"

STRAND_LABELS = {
    "embedded": "嵌入式治理",
    "collaborative": "协同治理",
    "power_responsibility": "权责关系",
}
REVIEW_LABELS = {"foreign": "国外研究", "domestic": "国内研究"}


def load_reviewed_literature(path: Path | str | None = None) -> pd.DataFrame:
    """One row per reviewed work (entries with a ``strand``): key, strand, review, language, year, entry_type.

    Entries without a ``strand`` (policy documents, data sources) are left out.
    ``year`` is the year of the edition cited, so a translation carries the
    translation's year. Rows come in strand order, then year.
    """
    from pybtex.database import parse_file

    bibliography = parse_file(str(path or data_path(BIBLIOGRAPHY_FILE)))
    rows = []
    for key, entry in bibliography.entries.items():
        fields = {name.lower(): value for name, value in entry.fields.items()}
        strand = fields.get("strand")
        if strand is None:
            continue
        if strand not in STRAND_LABELS:
            raise ValueError(f"{key}: unknown strand {strand!r}; expected one of {', '.join(STRAND_LABELS)}")
        review = fields.get("review")
        if review not in REVIEW_LABELS:
            raise ValueError(f"{key}: review must be one of {', '.join(REVIEW_LABELS)}, got {review!r}")
        year = fields.get("year")
        rows.append({
            "key": key,
            "strand": strand,
            "review": review,
            "language": fields.get("language", ""),
            "year": int(year) if year and year.isdigit() else pd.NA,
            "entry_type": entry.type,
        })
    frame = pd.DataFrame(rows, columns=["key", "strand", "review", "language", "year", "entry_type"])
    frame["year"] = frame["year"].astype("Int64")
    order = {strand: i for i, strand in enumerate(STRAND_LABELS)}
    frame = frame.sort_values(["strand", "year", "key"], key=lambda s: s.map(order) if s.name == "strand" else s)
    return frame.reset_index(drop=True)


def counts_by_strand_and_year(literature: pd.DataFrame) -> pd.DataFrame:
    """Works per (year, strand), long format with Chinese column names, only years that have works.

    Columns: 出版年份 (text, so the chart's axis shows only the years present),
    研究脉络, 文献数.
    """
    known = literature.dropna(subset=["year"])
    counts = known.groupby(["year", "strand"]).size().rename("文献数").reset_index()
    counts["出版年份"] = counts["year"].astype(int).astype(str)
    counts["研究脉络"] = counts["strand"].map(STRAND_LABELS)
    order = {strand: i for i, strand in enumerate(STRAND_LABELS)}
    counts = counts.assign(_o=counts["strand"].map(order)).sort_values(["year", "_o"])
    return counts[["出版年份", "研究脉络", "文献数"]].reset_index(drop=True)


def counts_by_strand_and_review(literature: pd.DataFrame) -> pd.DataFrame:
    """Works per strand and section (国外/国内), a strand × section table with a 合计 column."""
    table = pd.crosstab(literature["strand"].map(STRAND_LABELS), literature["review"].map(REVIEW_LABELS))
    table = table.reindex(index=list(STRAND_LABELS.values()), columns=list(REVIEW_LABELS.values()), fill_value=0)
    table["合计"] = table.sum(axis=1)
    table.index.name = "研究脉络"
    return table
