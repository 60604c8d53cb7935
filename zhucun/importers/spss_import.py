"""Import an SPSS ``.sav`` or Stata ``.dta`` file (read with pyreadstat) into the contract format.

Questions are found by the variable LABEL (the question wording, as 问卷星's
SPSS download labels them: ``Q1`` labelled ``您目前的驻村身份是：``, ``Q8_3``
labelled with the matrix row, or ``8(row)``) or by the variable NAME: ``Q1``
(question number), ``Q8_3``/``Q11_2`` (question, then the row or option
position, 1-based in the codebook's order), or the contract name itself
(``p1_paperwork``). A variable whose name and label point at different
questions is an error; one matching neither is listed as not used.

Answers are matched THROUGH THE VALUE LABELS (the option texts), never by the
raw numbers, so a file coding agreement 1 = 非常同意 … 5 = 非常不同意 comes out
exactly like one coded the other way round. A value without a value label is
an error naming the variable, the case and the labels that exist. Two
exceptions: the months in the post (question 7) and the respondent id are
taken as they are; and for the 0/1 variables of a multi-select question
only, raw 0 and 1 are accepted when the variable has no value labels at all
(labels such as 未选中/选中 or 否/是 are read like any other). A string
variable holds its answers as text and is matched like a value label.
System-missing and user-missing values are missing answers; in a multi-select
option they mean "not chosen", as in a 问卷星 export.

Rows in messages are cases: the first case is 1.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from zhucun.data.codebook import Codebook, Variable
from zhucun.data.validation import SurveyValidationError
from zhucun.importers.source_files import (
    CASE_NOTE,
    CellProblems,
    Conversion,
    Matched,
    allowed_texts,
    answer_lookup,
    coverage_problems,
    normalise,
    whole_number,
)
from zhucun.importers.wjx_import import parse_header

NOT_CHOSEN = ("未选", "未选中", "不选", "否", "0")
CHOSEN = ("选中", "已选", "选择", "是", "1")

_QUESTION_NAME = re.compile(r"^[Qq](\d+)(?:[_.](\d+))?$")


def read_labelled(path: Path | str, kind: str) -> tuple[pd.DataFrame, object]:
    """The data (values, not labels) and pyreadstat's metadata of a ``sav`` or ``dta`` file."""
    import pyreadstat

    reader = pyreadstat.read_sav if kind == "sav" else pyreadstat.read_dta
    # A .sav and a Stata 14+ file say their encoding; Stata 13 and older do not (Chinese Windows wrote GBK).
    encodings = (None,) if kind == "sav" else (None, "utf-8", "gbk")
    for encoding in encodings:
        try:
            return reader(str(path), apply_value_formats=False, encoding=encoding)
        except Exception as error:  # pyreadstat raises its own and OS errors for a damaged file
            failure = error
    problem = f"无法读取.{kind}文件 / cannot read the .{kind} file: {failure}"
    raise SurveyValidationError(str(path), [problem]) from failure


# --------------------------------------------------------------------------- which variable is which

def _by_name(name: str, codebook: Codebook) -> Variable | None:
    if name in codebook.names and name != "synthetic":
        return codebook.variable(name)
    match = _QUESTION_NAME.match(name)
    if not match:
        return None
    try:
        question = codebook.question(int(match.group(1)))
    except KeyError:
        return None
    position = match.group(2)
    many = question.kind in ("matrix", "multi_select")
    if many != (position is not None) or (many and not 1 <= int(position) <= len(question.variables)):
        return None
    return codebook.variable(question.variables[int(position) - 1] if many else question.variables[0])


def _wordings(codebook: Codebook) -> dict[str, Variable]:
    """Normalised wording → variable: a single question's text, a row's or option's text, or both joined."""
    table = {normalise(codebook.variable("respondent_id").text): codebook.variable("respondent_id")}
    for question in codebook.questions:
        for name in question.variables:
            variable = codebook.variable(name)
            if question.kind in ("matrix", "multi_select"):
                table[normalise(variable.text)] = variable
                table[normalise(question.text + variable.text)] = variable
            else:
                table[normalise(question.text)] = variable
    return table


def _by_label(label: str, codebook: Codebook, wordings: dict[str, Variable]) -> Variable | None:
    parsed = parse_header(label)
    if parsed:  # "8(row)" or "1、question": the number must agree with the wording
        number, wording, _ = parsed
        variable = wordings.get(normalise(wording))
        return variable if variable is not None and variable.question == number else None
    return wordings.get(normalise(label)) if label.strip() else None


# --------------------------------------------------------------------------- answers

def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str)
                                                                                 and not value.strip())


def _number_text(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _answers(variable: Variable, source: str, series: pd.Series, labels: dict[float, str],
             problems: CellProblems, unlabelled: CellProblems) -> list[str]:
    where = f"变量 {source}"
    if variable.type in ("id", "integer"):
        values = ["" if _is_missing(value) else _number_text(value).strip() for value in series]
        # months written '14个月' become 14; anything else is left for validation to report
        return [whole_number(value) or value for value in values] if variable.type == "integer" else values
    multi = variable.type == "multi_select_option"
    if multi:
        lookup = {normalise(text): "0" for text in NOT_CHOSEN}
        lookup |= {normalise(text): "1" for text in (*CHOSEN, variable.text)}
        allowed = f"{'/'.join(NOT_CHOSEN)} = 0, {'/'.join(CHOSEN)}/{variable.text} = 1"
    else:
        lookup, allowed = answer_lookup(variable), allowed_texts(variable)
    shown_labels = "; ".join(f"{_number_text(key)}={text}" for key, text in labels.items()) or "（无 / none）"
    values = []
    for case, value in enumerate(series, start=1):
        if _is_missing(value):
            values.append("0" if multi else "")
            continue
        if isinstance(value, str):
            text = value.strip()
        elif float(value) in labels:
            text = labels[float(value)]
        elif multi and not labels and float(value) in (0.0, 1.0):
            values.append(_number_text(float(value)))  # 0/1 without labels: the one raw-number exception
            continue
        else:
            unlabelled.add(where, case, _number_text(value), f"已有的值标签 / labels that exist: {shown_labels}")
            values.append("")
            continue
        code = lookup.get(normalise(text))
        if code is None:
            problems.add(where, case, text, allowed)
        values.append(code or "")
    return values


def convert_labelled(path: Path | str, kind: str, codebook: Codebook) -> Conversion:
    """Match an SPSS/Stata file's variables to the codebook and its value labels to the answer codes."""
    data, meta = read_labelled(path, kind)
    cases = list(range(1, len(data) + 1))
    if not cases:
        raise SurveyValidationError(str(path), ["文件中没有个案 / the file holds no cases"])
    wordings = _wordings(codebook)
    # A string variable may carry value labels too (keyed by text): its cells are matched as text.
    value_labels = {name: {float(key) if isinstance(key, (int, float)) else key: str(text)
                           for key, text in labels.items()}
                    for name, labels in meta.variable_value_labels.items()}
    matched, unused, problems = [], [], []
    cell_problems, unlabelled = CellProblems("个个案"), CellProblems("个个案")
    for name in meta.column_names:
        label = meta.column_names_to_labels.get(name) or ""
        named, worded = _by_name(name, codebook), _by_label(label, codebook, wordings)
        if named is not None and worded is not None and named.name != worded.name:
            problems.append(f"变量 {name}：变量名指向 {named.name}，标签“{label}”却指向 {worded.name} / the name "
                            f"points at {named.name} but the label at {worded.name}")
            continue
        variable = worded or named
        if variable is None:
            unused.append(name)
            continue
        values = _answers(variable, name, data[name], value_labels.get(name, {}), cell_problems, unlabelled)
        matched.append(Matched(variable.name, name, "wording" if worded else "name", values))
    problems += coverage_problems(matched, codebook)
    first = "（第一个个案为1 / the first case is 1）"
    problems += unlabelled.messages(f"值没有值标签（答案只按值标签匹配） / value without a value label (answers "
                                    f"are matched through value labels only){first}")
    problems += cell_problems.messages(f"值标签不是本题的选项 / the value label is not an option of the question"
                                       f"{first}")
    return Conversion(kind, cases, CASE_NOTE, matched, unused, problems)
