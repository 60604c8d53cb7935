"""Import a 问卷星 (wjx.cn) export into the contract format of ``data/survey_responses.csv``.

    python -m zhucun import-wjx EXPORT.xlsx -o data/survey_responses.csv

What an export looks like ("按选项文本", answers as option text), and how
each part is handled:

* xlsx, or csv in GBK or UTF-8 with BOM (the type and encoding are detected
  from the content, not the file name);
* metadata columns 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, 总分:
  dropped, never written (来自IP is personal data);
* question columns headed ``N、question text`` (often with a trailing colon);
  matched to the codebook by the number AND the normalised wording;
* multi-select answers joined by ``┋`` in one column, or one column per
  option headed ``N(option text)`` holding 1/0 or the option text;
* matrix rows headed ``N(row statement)``;
* ``(跳过)``, ``(空)`` and empty cells are missing answers.

Anything that cannot be matched (a header, an answer text) is reported with
its column, line and the allowed texts; nothing is dropped silently and
nothing is written when there is any problem. The converted table then goes
through the same validation as every data file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from zhucun.data.codebook import Codebook, Question, Variable, load_codebook
from zhucun.data.synthetic import write_csv
from zhucun.data.validation import (
    LINE_NUMBER_NOTE,
    SurveyValidationError,
    decode_bytes,
    read_file_bytes,
    validate_frame,
)

METADATA_COLUMNS = frozenset({"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分"})
MISSING_ANSWERS = frozenset({"", "(跳过)", "（跳过）", "(空)", "（空）"})
JOINED_SEPARATOR = "┋"
WORDING_SIMILARITY = 0.6  # below this, a numbered header "does not resemble" the codebook wording

_NUMBERED = re.compile(r"^\s*(\d+)\s*[、.．]\s*(.*?)\s*$", re.S)
_SUB_COLUMN = re.compile(r"^\s*(\d+)\s*[(（](.*)[)）]\s*$", re.S)
_ANNOTATION = re.compile(r"[【\[](?:多选题|单选题|矩阵单选题|矩阵量表题|填空题|量表题|必答题?)[】\]]")
_OTHER_TEXT = re.compile(r"〖.*?〗")  # text typed into an "其他" option
_PUNCTUATION = re.compile(r"[\s:：?？,，.。、;；!！（）()【】\[\]“”\"'‘’「」《》〈〉·…—–\-~～/／]+")
_MONTHS = re.compile(r"^\s*(\d+)\s*(?:个月|月)?\s*$")


def normalise(text: str) -> str:
    """Wording reduced to what matters for matching: no annotations, punctuation or spaces."""
    return _PUNCTUATION.sub("", _ANNOTATION.sub("", str(text))).lower()


def _resembles(found: str, expected: str) -> bool:
    a, b = normalise(found), normalise(expected)
    if not a or not b:
        return False
    return a == b or a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= WORDING_SIMILARITY


@dataclass
class _Column:
    """How one export column maps onto the codebook."""
    position: int
    header: str
    kind: str  # id | single | multi_joined | multi_option | matrix_row
    variable: Variable | None = None
    question: Question | None = None


# --------------------------------------------------------------------------- reading

def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_export(path: Path | str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) of every non-empty answer row; xlsx or csv, detected from content."""
    path = Path(path)
    source = str(path)
    data = read_file_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(path)
    else:
        text, _ = decode_bytes(data, source)
        reader = csv.reader(io.StringIO(text, newline=""))
        rows, previous_end = [], 0
        for cells in reader:
            rows.append((previous_end + 1, cells))  # a quoted cell may span lines: count from the record's start
            previous_end = reader.line_num
    if not rows:
        raise SurveyValidationError(source, ["文件为空 / the file is empty"])
    (_, header), body = rows[0], rows[1:]
    body = [(line, cells + [""] * (len(header) - len(cells))) for line, cells in body
            if any(cell.strip() for cell in cells)]
    if not body:
        raise SurveyValidationError(source, ["文件只有表头，没有答卷 / the export has a header but no responses"])
    return [cell.strip() for cell in header], body


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise SurveyValidationError(str(path), [f"无法读取xlsx文件 / cannot read the xlsx file: {error}"]) from error
    try:
        sheet = workbook.worksheets[0]
        return [(number, [_cell_text(value) for value in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()


# --------------------------------------------------------------------------- headers

def _match_headers(header: list[str], codebook: Codebook) -> tuple[list[_Column], list[str]]:
    columns: list[_Column] = []
    problems: list[str] = []
    id_wording = normalise(codebook.variable("respondent_id").text or "")
    for position, text in enumerate(header, start=1):
        where = f"第{position}列 '{text}'"
        if text in METADATA_COLUMNS:
            continue
        sub = _SUB_COLUMN.match(text)
        numbered = _NUMBERED.match(text)
        if text == "respondent_id" or (numbered and normalise(numbered.group(2)) == id_wording) \
                or normalise(text) == id_wording:
            columns.append(_Column(position, text, "id", codebook.variable("respondent_id")))
            continue
        match = sub or numbered
        if not match:
            problems.append(f"{where}：无法识别的列（不是题目也不是问卷星元数据列） / unrecognised column "
                            f"(neither a numbered question nor wjx metadata)")
            continue
        number, wording = int(match.group(1)), match.group(2)
        try:
            question = codebook.question(number)
        except KeyError:
            problems.append(f"{where}：编码手册中没有第{number}题 / the codebook has no question {number}")
            continue
        if sub:
            members = [codebook.variable(name) for name in question.variables]
            scored = [(difflib.SequenceMatcher(None, normalise(wording), normalise(v.text or "")).ratio(), v)
                      for v in members]
            exact = [v for v in members if normalise(v.text or "") == normalise(wording)]
            best = exact[0] if exact else max(scored, key=lambda pair: pair[0])[1]
            if question.kind not in ("matrix", "multi_select") or not (exact or _resembles(wording, best.text or "")):
                allowed = "；".join(v.text or "" for v in members)
                problems.append(f"{where}：与第{number}题的任何选项或小题都不相符 / matches no option or row of "
                                f"question {number}（应为 / expected one of: {allowed}）")
                continue
            kind = "matrix_row" if question.kind == "matrix" else "multi_option"
            columns.append(_Column(position, text, kind, best, question))
        else:
            if not _resembles(wording, question.text):
                problems.append(f"{where}：题号{number}相符但题目文字不符 / question number matches but the wording "
                                f"does not（编码手册 / codebook: {question.text}）")
                continue
            if question.kind == "matrix":
                problems.append(f"{where}：第{number}题是矩阵题，应按小题分列导出 / question {number} is a matrix; "
                                f"export it with one column per row")
                continue
            if question.kind == "multi_select":
                columns.append(_Column(position, text, "multi_joined", None, question))
            else:
                columns.append(_Column(position, text, "single", codebook.variable(question.variables[0]), question))

    covered: dict[str, list[str]] = {}
    for column in columns:
        names = column.question.variables if column.kind == "multi_joined" else (column.variable.name,)
        for name in names:
            covered.setdefault(name, []).append(column.header)
    for name, headers in covered.items():
        if len(headers) > 1:
            problems.append(f"变量 {name} 对应多列 / several columns map to {name}: {', '.join(headers)}")
    for variable in codebook.variables:
        if variable.name in ("respondent_id", "synthetic") or variable.name in covered:
            continue
        question = codebook.question(variable.question)
        problems.append(f"导出文件缺少第{question.number}题的 {variable.name}"
                        f"（{codebook.question_text(variable.name)}） / "
                        f"missing from the export: question {question.number}, {variable.name}")
    return columns, problems


# --------------------------------------------------------------------------- answers

def _answer_lookup(variable: Variable) -> dict[str, str]:
    """Normalised answer text → code as written in the data file (labels; likert also their digits)."""
    lookup = {normalise(code.label): str(code.code) for code in variable.codes}
    if variable.type == "likert":
        lookup.update({str(code.code): str(code.code) for code in variable.codes})
    return lookup


def _allowed_texts(variable: Variable) -> str:
    return "、".join(code.label for code in variable.codes)


class _Problems:
    """Bad answers collected per column, so one message per column lists lines and values."""

    def __init__(self):
        self.cells: dict[str, list[tuple[int, str]]] = {}
        self.allowed: dict[str, str] = {}

    def add(self, column: _Column, line: int, value: str, allowed: str):
        key = f"第{column.position}列 '{column.header}'"
        self.cells.setdefault(key, []).append((line, value))
        self.allowed[key] = allowed

    def messages(self) -> list[str]:
        out = []
        for key, cases in self.cells.items():
            shown = ", ".join(f"第{line}行 '{value}'" for line, value in cases[:5])
            more = f" …（共{len(cases)}处 / {len(cases)} in all）" if len(cases) > 5 else ""
            out.append(f"{key}：无法识别的答案 / unknown answer text — {shown}{more}；"
                       f"允许 / allowed: {self.allowed[key]}")
        return out


def _convert(
    columns: list[_Column],
    body: list[tuple[int, list[str]]],
    codebook: Codebook,
) -> tuple[pd.DataFrame, list[str]]:
    lines = [line for line, _ in body]
    out: dict[str, list[str]] = {}
    problems = _Problems()
    for column in columns:
        cells = [cells[column.position - 1].strip() for _, cells in body]
        if column.kind == "id":
            out["respondent_id"] = ["" if cell in MISSING_ANSWERS else cell for cell in cells]
        elif column.kind in ("single", "matrix_row"):
            variable = column.variable
            values = []
            if variable.type == "integer":
                for line, cell in zip(lines, cells):
                    match = _MONTHS.match(cell)
                    if cell in MISSING_ANSWERS:
                        values.append("")
                    elif match:
                        values.append(str(int(match.group(1))))
                    else:
                        problems.add(column, line, cell, variable.describe_allowed())
                        values.append("")
            else:
                lookup = _answer_lookup(variable)
                for line, cell in zip(lines, cells):
                    if cell in MISSING_ANSWERS:
                        values.append("")
                    elif normalise(cell) in lookup or cell in lookup:
                        values.append(lookup.get(cell) or lookup[normalise(cell)])
                    else:
                        problems.add(column, line, cell, _allowed_texts(variable))
                        values.append("")
            out[variable.name] = values
        elif column.kind == "multi_option":
            option = normalise(column.variable.text or "")
            values = []
            for line, cell in zip(lines, cells):
                if cell in MISSING_ANSWERS or cell == "0":
                    values.append("0")
                elif cell == "1" or normalise(_OTHER_TEXT.sub("", cell)) == option:
                    values.append("1")
                else:
                    problems.add(column, line, cell,
                                 f"1、0 或选项文字 / 1, 0 or the option text '{column.variable.text}'")
                    values.append("0")
            out[column.variable.name] = values
        else:  # multi_joined
            options = {normalise(codebook.question_text(name)): name for name in column.question.variables}
            chosen = {name: ["0"] * len(body) for name in column.question.variables}
            allowed = "、".join(codebook.question_text(name) for name in column.question.variables)
            for row, (line, cell) in enumerate(zip(lines, cells)):
                if cell in MISSING_ANSWERS:
                    continue
                for part in cell.split(JOINED_SEPARATOR):
                    name = options.get(normalise(_OTHER_TEXT.sub("", part)))
                    if name is None:
                        problems.add(column, line, part.strip(),
                                     f"{allowed}（以“{JOINED_SEPARATOR}”分隔 / joined by {JOINED_SEPARATOR}）")
                    else:
                        chosen[name][row] = "1"
            out.update(chosen)
    if "respondent_id" not in out:
        width = max(3, len(str(len(body))))
        out["respondent_id"] = [f"R{i:0{width}d}" for i in range(1, len(body) + 1)]
    order = [name for name in codebook.names if name in out]
    frame = pd.DataFrame({name: pd.array(out[name], dtype="str") for name in order},
                         index=pd.Index(lines, name="line"))
    return frame, problems.messages()


# --------------------------------------------------------------------------- entry points

def convert_export(export: Path | str, codebook: Codebook | None = None) -> pd.DataFrame:
    """The export converted to contract codes (all text) and validated; raises listing every problem."""
    codebook = codebook or load_codebook()
    source = str(export)
    header, body = read_export(export)
    columns, problems = _match_headers(header, codebook)
    frame, cell_problems = _convert(columns, body, codebook)
    problems += cell_problems
    if problems:
        raise SurveyValidationError(source, problems)
    validate_frame(frame, codebook.variables, source)  # same rules as every data file; raises on problems
    return frame


def import_wjx(export: Path | str, output: Path | str, codebook: Codebook | None = None) -> pd.DataFrame:
    """Convert *export* and write it to *output*; nothing is written when anything is wrong."""
    frame = convert_export(export, codebook)
    write_csv(frame, output)
    return frame


def import_wjx_main(argv: list[str]) -> int:
    """``python -m zhucun import-wjx EXPORT -o data/survey_responses.csv``."""
    parser = argparse.ArgumentParser(prog="zhucun import-wjx",
                                     description="把问卷星导出文件转换为本书的数据格式 / convert a wjx.cn export")
    parser.add_argument("export", help="问卷星导出的xlsx或csv / the wjx.cn export (xlsx or csv)")
    parser.add_argument("-o", "--output", required=True, help="输出CSV / output CSV")
    args = parser.parse_args(argv)
    try:
        frame = import_wjx(args.export, args.output)
    except SurveyValidationError as error:
        print(str(error), file=sys.stderr)
        print("未写入任何文件 / nothing was written", file=sys.stderr)
        return 1
    print(f"已导入 {len(frame)} 份答卷 / imported {len(frame)} responses: {args.output}")
    return 0


__all__ = ["convert_export", "import_wjx", "import_wjx_main", "normalise", "read_export", "LINE_NUMBER_NOTE"]
