"""An empty SPSS ``.sav`` file to key paper questionnaires into: the variables, their labels, no cases.

Variables come in the contract's order and under its names (without the
demonstration marker ``synthetic``); each is labelled with what the respondent
read (the question, matrix row or option) and carries value labels with the
codebook's Chinese answer texts. A coded answer is stored as its position in
the question (1…k, in the codebook's order, the number the printable
questionnaire shows before the option), a rated item as its scale value,
a ticked option as 1 (选中) and an unticked one as 0 (未选). The importer reads
such a file through its labels (:mod:`zhucun.importers.spss_import`), so a filled-in
template imports exactly.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from zhucun.data.codebook import Codebook, Variable

ID_WIDTH = 32  # characters the surveyor may write as the questionnaire number
# pyreadstat sizes a string variable by its longest value or value-label key; with no cases only a
# value label can give the questionnaire number its width (else SPSS would keep one character).
ID_WIDTH_LABEL = {"X" * ID_WIDTH: "（此值标签只为把问卷编号设为32个字符宽，可忽略）"}


def value_labels(variable: Variable) -> dict[int, str]:
    """Stored number → Chinese label of one variable ({} for the id and the months)."""
    if variable.type in ("likert", "multi_select_option"):
        return {int(code.code): code.label for code in variable.codes}
    return {position: code.label for position, code in enumerate(variable.codes, start=1)}


def stored_value(variable: Variable, code: str) -> float | str:
    """What the template holds for one contract code ('' → missing)."""
    if variable.type == "id":
        return code
    if code == "":
        return float("nan")
    if variable.type in ("integer", "likert", "multi_select_option"):
        return float(code)
    return float([str(c.code) for c in variable.codes].index(code) + 1)


def template_variables(codebook: Codebook) -> tuple[Variable, ...]:
    return tuple(variable for variable in codebook.variables if variable.name != "synthetic")


def write_spss_template(codebook: Codebook, path: Path, frame: pd.DataFrame | None = None) -> Path:
    """Write the template (zero cases), or *frame* (contract codes as text) in the template's form."""
    import pyreadstat

    variables = template_variables(codebook)
    rows = frame if frame is not None else pd.DataFrame({v.name: pd.Series([], dtype="str") for v in variables})
    data = pd.DataFrame({
        v.name: (rows[v.name].astype("object") if v.type == "id"
                 else rows[v.name].map(lambda code, v=v: stored_value(v, code)).astype("float64"))
        for v in variables})
    labels = {v.name: value_labels(v) for v in variables if v.codes} | {"respondent_id": ID_WIDTH_LABEL}
    measure = {v.name: "nominal" if v.type in ("id", "code", "multi_select_option") else
               "scale" if v.type == "integer" else "ordinal" for v in variables}
    pyreadstat.write_sav(data, str(path), column_labels=[codebook.question_text(v.name) for v in variables],
                         variable_value_labels=labels, variable_measure=measure,
                         variable_display_width={"respondent_id": ID_WIDTH},
                         variable_format={v.name: "F8.0" for v in variables if v.type != "id"})
    return path
