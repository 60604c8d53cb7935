"""Import a 问卷星 (wjx.cn) export into the contract format of ``data/survey_responses.csv``.

    python -m zhucun import EXPORT.xlsx -o data/survey_responses.csv   (import-wjx is the same command)

Two kinds of download are read, told apart by the cells, not by the name:

* "按选项文本": answers as option text;
* "按选项序号": answers as the option's position in the question (1…k in the
  order of the codebook's codes). A column whose answers are all whole numbers
  is read by position, one of texts by text; a column mixing both is an error.

What an export looks like, and how each part is handled:

* xlsx, or csv in GBK or UTF-8 with BOM (see :func:`zhucun.importers.source_files.read_table`);
* metadata columns 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, 总分:
  dropped, never written (来自IP is personal data);
* question columns headed ``N、question text`` (often with a trailing colon);
  matched to the codebook by the number AND the normalised wording;
* multi-select answers joined by ``┋`` in one column, or one column per
  option headed ``N(option text)`` holding 1/0 or the option text;
* matrix rows headed ``N(row statement)``;
* the fill-in question 7 (months in the post) is a number in both kinds;
* ``(跳过)``, ``(空)``, empty cells, and -3/-2 (how the numeric download
  writes a skipped or empty answer) are missing answers.

Anything that cannot be matched (a header, an answer) is reported with its
column, line and the allowed answers; nothing is dropped silently and nothing
is written when there is any problem. The converted table then goes through
the same validation as every data file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from zhucun.data.codebook import Codebook, Question, Variable
from zhucun.importers.source_files import (
    CellProblems,
    Conversion,
    Matched,
    SourceTable,
    allowed_texts,
    answer_lookup,
    coverage_problems,
    normalise,
    whole_number,
)

METADATA_COLUMNS = frozenset({"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分"})
MISSING_ANSWERS = frozenset({"", "(跳过)", "（跳过）", "(空)", "（空）", "-3", "-2"})
JOINED_SEPARATOR = "┋"
WORDING_SIMILARITY = 0.6  # below this, a numbered header "does not resemble" the codebook wording

_NUMBERED = re.compile(r"^\s*(\d+)\s*[、.．]\s*(.*?)\s*$", re.S)
_SUB_COLUMN = re.compile(r"^\s*(\d+)\s*[(（](.*)[)）]\s*$", re.S)
_OTHER_TEXT = re.compile(r"〖.*?〗")  # text typed into an "其他" option
_POSITION = re.compile(r"^\d+$")


def parse_header(text: str) -> tuple[int, str, bool] | None:
    """(question number, wording, whether it is an option/row column ``N(…)``) of a wjx header, else None."""
    sub = _SUB_COLUMN.match(text)
    match = sub or _NUMBERED.match(text)
    return (int(match.group(1)), match.group(2), bool(sub)) if match else None


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

    @property
    def where(self) -> str:
        return f"第{self.position}列 '{self.header}'"


# --------------------------------------------------------------------------- headers

def _match_headers(header: list[str], codebook: Codebook) -> tuple[list[_Column], list[str]]:
    columns: list[_Column] = []
    problems: list[str] = []
    id_wording = normalise(codebook.variable("respondent_id").text or "")
    for position, text in enumerate(header, start=1):
        where = f"第{position}列 '{text}'"
        if text in METADATA_COLUMNS:
            continue
        parsed = parse_header(text)
        if text == "respondent_id" or (parsed and normalise(parsed[1]) == id_wording) \
                or normalise(text) == id_wording:
            columns.append(_Column(position, text, "id", codebook.variable("respondent_id")))
            continue
        if not parsed:
            problems.append(f"{where}：无法识别的列（不是题目也不是问卷星元数据列） / unrecognised column "
                            f"(neither a numbered question nor wjx metadata)")
            continue
        number, wording, sub = parsed
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
    return columns, problems


# --------------------------------------------------------------------------- answers

def _single(column: _Column, lines: list[int], cells: list[str], problems: CellProblems,
            mixed: list[str]) -> tuple[list[str], bool]:
    """Codes of a single-choice or matrix-row column, and whether it was read by option position."""
    variable = column.variable
    if variable.type == "integer":
        values = []
        for line, cell in zip(lines, cells):
            value = "" if cell in MISSING_ANSWERS else whole_number(cell)
            if value is None:
                problems.add(column.where, line, cell, variable.describe_allowed())
            values.append(value or "")
        return values, False
    answered = [(line, cell) for line, cell in zip(lines, cells) if cell not in MISSING_ANSWERS]
    numbers = [(line, cell) for line, cell in answered if _POSITION.match(cell)]
    texts = [(line, cell) for line, cell in answered if not _POSITION.match(cell)]
    if numbers and texts:
        mixed.append(f"{column.where}：同一列中既有选项序号又有选项文字 / the column mixes option numbers and "
                     f"option texts — 例如 / e.g. 第{numbers[0][0]}行 '{numbers[0][1]}'，"
                     f"第{texts[0][0]}行 '{texts[0][1]}'")
        return [""] * len(cells), False
    positional = bool(numbers)
    if positional:
        lookup = {str(position): str(code.code) for position, code in enumerate(variable.codes, start=1)}
        allowed = "选项序号 / option numbers " + ", ".join(f"{p}={c.label}" for p, c in
                                                          enumerate(variable.codes, start=1))
    else:
        lookup, allowed = answer_lookup(variable), allowed_texts(variable)
    values = []
    for line, cell in zip(lines, cells):
        value = "" if cell in MISSING_ANSWERS else lookup.get(normalise(cell))
        if value is None:
            problems.add(column.where, line, cell, allowed)
        values.append(value or "")
    return values, positional


def _multi_option(column: _Column, lines: list[int], cells: list[str], problems: CellProblems) -> list[str]:
    option = normalise(column.variable.text or "")
    values = []
    for line, cell in zip(lines, cells):
        if cell in MISSING_ANSWERS or cell == "0":
            values.append("0")
        elif cell == "1" or normalise(_OTHER_TEXT.sub("", cell)) == option:
            values.append("1")
        else:
            problems.add(column.where, line, cell,
                         f"1、0 或选项文字 / 1, 0 or the option text '{column.variable.text}'")
            values.append("0")
    return values


def _multi_joined(column: _Column, lines: list[int], cells: list[str], problems: CellProblems,
                  codebook: Codebook) -> dict[str, list[str]]:
    names = column.question.variables
    options = {normalise(codebook.question_text(name)): name for name in names}
    chosen = {name: ["0"] * len(cells) for name in names}
    allowed = "、".join(codebook.question_text(name) for name in names)
    for row, (line, cell) in enumerate(zip(lines, cells)):
        if cell in MISSING_ANSWERS:
            continue
        for part in cell.split(JOINED_SEPARATOR):
            name = options.get(normalise(_OTHER_TEXT.sub("", part)))
            if name is None:
                problems.add(column.where, line, part.strip(),
                             f"{allowed}（以“{JOINED_SEPARATOR}”分隔 / joined by {JOINED_SEPARATOR}）")
            else:
                chosen[name][row] = "1"
    return chosen


def convert_wjx(table: SourceTable, codebook: Codebook) -> Conversion:
    """Match a wjx export's columns to the codebook and turn its answers (text or option numbers) into codes."""
    lines = [line for line, _ in table.rows]
    if not any(parse_header(text) for text in table.header):
        return Conversion("wjx_text", lines, table.row_note, [], [], [
            "文件不是问卷星导出（没有“N、题目”或“N(选项)”形式的列）；自己的列名请用 --map 对照表 / not a wjx.cn "
            "export (no column headed 'N、question' or 'N(option)'); for your own column names give a crosswalk "
            "with --map"])
    columns, problems = _match_headers(table.header, codebook)
    matched: list[Matched] = []
    cell_problems, mixed = CellProblems(), []
    positional = False
    for column in columns:
        cells = [cells[column.position - 1].strip() for _, cells in table.rows]
        if column.kind == "id":
            values = ["" if cell in MISSING_ANSWERS else cell for cell in cells]
            how = "name" if column.header == "respondent_id" else "wording"
            matched.append(Matched("respondent_id", column.header, how, values))
        elif column.kind in ("single", "matrix_row"):
            values, by_position = _single(column, lines, cells, cell_problems, mixed)
            positional |= by_position and column.variable.type in ("code", "ordered_code")
            matched.append(Matched(column.variable.name, column.header, "wording", values))
        elif column.kind == "multi_option":
            values = _multi_option(column, lines, cells, cell_problems)
            matched.append(Matched(column.variable.name, column.header, "wording", values))
        else:
            for name, values in _multi_joined(column, lines, cells, cell_problems, codebook).items():
                matched.append(Matched(name, column.header, "wording", values))
    problems += coverage_problems(matched, codebook) + mixed + cell_problems.messages()
    used = {column.header for column in columns}
    unused = [text for text in table.header if text not in used]
    return Conversion("wjx_numeric" if positional else "wjx_text", lines, table.row_note, matched, unused, problems)


# --------------------------------------------------------------------------- entry points
