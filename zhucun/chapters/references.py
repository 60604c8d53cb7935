"""参考文献: the size of the bibliography ``data/references.bib``, counted by GB/T 7714 document type."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.data.reference_types import reference_counts
from zhucun.number_format import format_count


@dataclass(frozen=True)
class ReferencesResult:
    texts: dict[str, str]  # glue name → text of the prose
    counts: pd.DataFrame  # 文献类型, 标识, 条数: one row per document type present
    checks: dict[str, int]  # 标识 → 条数: the headline numbers the pinned cell prints


def analyse() -> ReferencesResult:
    counts = reference_counts()
    return ReferencesResult(texts={"ch7_entries": format_count(int(counts["条数"].sum()))}, counts=counts,
                            checks={row["标识"]: int(row["条数"]) for _, row in counts.iterrows()})
