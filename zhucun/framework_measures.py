"""The book's analytic framework as the questionnaire measures it (chapter 一's chart).

The elements of the framework (four manifestations, four causes, four groups
of countermeasures) are the scales of ``data/codebook.yml``; counting their
items shows how each element is operationalised, read from the codebook so
the chart follows any revision of the instrument.
"""

from __future__ import annotations

import pandas as pd

from zhucun.codebook import Codebook, load_codebook

KIND_LABELS = {"manifestation": "履职困境表现", "cause": "困境成因", "countermeasure": "对策组"}


def framework_items(codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per framework element: 要素类别, 要素 (its name), 题项数, in codebook order."""
    codebook = codebook or load_codebook()
    rows = [{"要素类别": KIND_LABELS[scale.kind], "要素": scale.name, "题项数": len(scale.items)}
            for scale in codebook.scales()]
    return pd.DataFrame(rows, columns=["要素类别", "要素", "题项数"])
