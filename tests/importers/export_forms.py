"""Test helper: the book's data exported to every form the importer reads, built from the codebook.

Each function writes what a real source would hold for the same answers:
问卷星 exports by option text and by option number, SPSS .sav with variable
and value labels (also with the agreement items coded the other way round),
Stata .dta, and a researcher's own sheet with Chinese column names and its
crosswalk. Importing any of them back must give the contract file again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pyreadstat
import yaml
from openpyxl import Workbook

from zhucun.data.codebook import load_codebook
from zhucun.data.synthetic import write_csv as write_contract_csv
from zhucun.data.validation import read_text_table

CODEBOOK = load_codebook()
SHIPPED = Path(__file__).resolve().parents[2] / "data" / "survey_responses.csv"
EXAMPLE_CROSSWALK = SHIPPED.parent / "crosswalk_example.yml"
METADATA = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
ID_HEADER = "问卷编号"
SKIPPED = {"text": "(跳过)", "numbers": -3}  # how wjx writes a skipped answer in each download
N = 5


# --------------------------------------------------------------------------- answers to export

def shipped() -> pd.DataFrame:
    """The shipped answers as text, without the ``synthetic`` column no real export carries."""
    frame, _ = read_text_table(SHIPPED)
    return frame.drop(columns="synthetic")


def contract_bytes(frame: pd.DataFrame, folder: Path) -> bytes:
    """What the importer must write for *frame*: the contract CSV's bytes."""
    return write_contract_csv(frame, folder / "expected.csv").read_bytes()


def expected_codes() -> list[dict[str, str]]:
    """A few respondents covering every answer, as contract codes (no id: the importer generates it)."""
    rows = []
    for i in range(N):
        row = {}
        for variable in CODEBOOK.variables:
            if variable.type in ("code", "ordered_code", "likert"):
                codes = [str(c.code) for c in variable.codes]
                row[variable.name] = codes[(i * 3 + len(variable.name)) % len(codes)]
            elif variable.type == "integer":
                row[variable.name] = str(6 * i + 1)
            elif variable.type == "multi_select_option":
                position = CODEBOOK.question(variable.question).variables.index(variable.name)
                row[variable.name] = "1" if position in (i % 8, (i + 2) % 8) else "0"
        rows.append(row)
    rows[1]["p2_substitution"] = ""  # skipped item
    return rows


def _position(name: str, code: str) -> int:
    """The option's position in its question, 1-based in the codebook's order."""
    return [str(c.code) for c in CODEBOOK.variable(name).codes].index(code) + 1


def _label(name: str, code: str) -> str:
    return CODEBOOK.labels(name)[int(code) if CODEBOOK.variable(name).type == "likert" else code]


# --------------------------------------------------------------------------- 问卷星

def wjx_table(rows: list[dict[str, str]], answers: str = "text", time_as_columns: bool = False) -> list[list]:
    """Header and answer rows the way wjx.cn writes them: ``answers`` "text" (按选项文本) or "numbers" (按选项序号).

    A respondent_id in the rows is exported as a 问卷编号 column; the numeric
    download always has one 0/1 column per multi-select option.
    """
    def answer(name):
        def get(row):
            if not row[name]:
                return SKIPPED[answers]
            return _position(name, row[name]) if answers == "numbers" else _label(name, row[name])
        return get

    header, getters = list(METADATA), []
    if "respondent_id" in rows[0]:
        header.append(ID_HEADER)
        getters.append(lambda row: row["respondent_id"])
    for question in CODEBOOK.questions:
        names = question.variables
        if question.kind == "matrix":
            header += [f"{question.number}({CODEBOOK.question_text(name)})" for name in names]
            getters += [answer(name) for name in names]
        elif question.kind == "multi_select" and (time_as_columns or answers == "numbers"):
            header += [f"{question.number}({CODEBOOK.question_text(name)})" for name in names]
            getters += [lambda row, name=name: int(row[name]) for name in names]
        elif question.kind == "multi_select":
            header.append(f"{question.number}、{question.text}")
            getters.append(lambda row, names=names: "┋".join(
                CODEBOOK.question_text(n) + ("〖驻村值班〗" if n == "time_other" else "")
                for n in names if row[n] == "1"))
        else:
            header.append(f"{question.number}、{question.text}")
            getters.append((lambda row, name=names[0]: int(row[name])) if question.kind == "fill_in"
                           else answer(names[0]))
    header.append("总分")
    table = [header]
    for i, row in enumerate(rows):
        metadata = [i + 1, "2023/9/1 10:00:00", "300秒", "手机提交", "直接访问", f"10.0.0.{i}(某省-某市)"]
        table.append(metadata + [get(row) for get in getters] + [0])
    return table


def export_table(time_as_columns: bool = False) -> list[list]:
    """The small fixture as a 问卷星 export by option text."""
    return wjx_table(expected_codes(), "text", time_as_columns)


def write_xlsx(path: Path, rows: list[list], title: str | None = None, more_sheets: dict | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, extra in (more_sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in extra:
            other.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list], encoding: str = "gbk") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


# --------------------------------------------------------------------------- SPSS and Stata

def question_name(name: str) -> str:
    """问卷星's SPSS variable name: Q7, or Q8_3 for the third row of a matrix (option of a multi-select)."""
    variable = CODEBOOK.variable(name)
    question = CODEBOOK.question(variable.question)
    if question.kind in ("matrix", "multi_select"):
        return f"Q{question.number}_{question.variables.index(name) + 1}"
    return f"Q{question.number}"


def labelled(frame: pd.DataFrame, reverse_agreement: bool = False, names: str = "question",
             labels: bool = True) -> tuple[pd.DataFrame, dict[str, str], dict[str, dict[int, str]]]:
    """Numbers, variable labels and value labels of *frame* as a statistics package holds them.

    Options are numbered by position; with ``reverse_agreement`` the agreement
    items count the other way (1 = 非常同意 … 5 = 非常不同意), numbers and labels alike.
    ``names`` "question" gives Q1, Q8_3 …, "contract" keeps the contract names.
    """
    data, column_labels, value_labels = {}, {}, {}
    for name in frame.columns:
        if name not in CODEBOOK.names:
            data[name] = frame[name]  # a variable of the file's own, such as a surveyor's note
            continue
        variable = CODEBOOK.variable(name)
        target = question_name(name) if names == "question" and variable.question else name
        column_labels[target] = CODEBOOK.question_text(name)
        cells = frame[name]
        if variable.type == "id":
            data[target] = cells
            continue
        if variable.type == "integer":
            data[target] = cells.astype(int)
            continue
        count = len(variable.codes)
        flip = reverse_agreement and variable.answer_scale == "agreement"
        if variable.type == "multi_select_option":
            numbers, value_labels[target] = cells.astype(int), {0: "未选中", 1: "选中"}
        else:
            def number(code, name=name, flip=flip, count=count):
                return count + 1 - _position(name, code) if flip else _position(name, code)
            numbers = cells.map(lambda code, number=number: float(number(code)) if code else float("nan"))
            value_labels[target] = {number(str(code.code)): code.label for code in variable.codes}
        data[target] = numbers
    if not labels:
        column_labels = {}
    return pd.DataFrame(data).reset_index(drop=True), column_labels, value_labels


def write_labelled(path: Path, frame: pd.DataFrame, **options) -> Path:
    """A .sav or .dta (by the suffix of *path*) holding *frame* with labels; options as :func:`labelled`."""
    return save_labelled(path, *labelled(frame, **options))


def save_labelled(path: Path, data: pd.DataFrame, column_labels: dict, value_labels: dict) -> Path:
    """Write what :func:`labelled` returns (perhaps altered) as .sav or .dta, by the suffix of *path*."""
    write = pyreadstat.write_sav if path.suffix == ".sav" else pyreadstat.write_dta
    write(data, str(path), column_labels=column_labels or None, variable_value_labels=value_labels)
    return path


# --------------------------------------------------------------------------- own sheet and crosswalk

def own_crosswalk(not_asked: tuple[str, ...] = ()) -> dict:
    """A researcher's crosswalk: Chinese column names, numbered or Chinese codes, one reverse-scored item."""
    skipped = {name for block in not_asked for name in CODEBOOK.block(block).variables}
    columns = {}
    for variable in CODEBOOK.variables:
        if variable.name == "synthetic" or variable.name in skipped:
            continue
        entry = {"variable": variable.name}
        if variable.type in ("code", "ordered_code") and variable.name != "gender":  # gender as Chinese labels
            entry["codes"] = {position: code.code for position, code in enumerate(variable.codes, start=1)}
        elif variable.type == "multi_select_option":
            entry["codes"] = {"是": 1, "否": 0}
        elif variable.name == "p1_paperwork":
            entry["reverse"] = True
        columns[variable.short_label] = entry
    walk = {"columns": columns, "ignore": ["填写时间"], "missing": [99]}
    if not_asked:
        walk["not_asked"] = list(not_asked)
    return walk


def write_crosswalk(path: Path, walk: dict) -> Path:
    path.write_text(yaml.safe_dump(walk, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def crosswalk_table(frame: pd.DataFrame, walk: dict) -> list[list]:
    """*frame* written as the sheet *walk* describes: its columns, its codes, reversed items, its missing mark."""
    missing = str(walk.get("missing", [""])[0])
    header, columns = [], []
    for column, entry in walk["columns"].items():
        name = entry["variable"]
        variable = CODEBOOK.variable(name)
        inverse = {}
        for source, code in (entry.get("codes") or {}).items():
            inverse.setdefault(str(code), str(source))
        cells = []
        for code in frame[name]:
            if entry.get("ticks"):  # a tick-box column: the first mark for a tick, nothing otherwise
                marks = entry["ticks"] if isinstance(entry["ticks"], list) else ["√"]
                cells.append(str(marks[0]) if code == "1" else "")
                continue
            if not code:
                cells.append(missing)
                continue
            if entry.get("reverse"):
                scale = [int(c.code) for c in variable.codes]
                code = str(min(scale) + max(scale) - int(code))
            if entry.get("codes"):
                cells.append(inverse[code])
            elif variable.type in ("code", "ordered_code"):
                cells.append(CODEBOOK.labels(name)[code])  # no codes given: the Chinese label is accepted
            else:
                cells.append(code)
        header.append(column)
        columns.append(cells)
    for column in walk.get("ignore", []):
        header.append(column)
        columns.append(["2023-09-01"] * len(frame))
    return [header] + [list(row) for row in zip(*columns)]
