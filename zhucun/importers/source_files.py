"""What every survey import shares: the file's form, its cells, and putting the answers together.

An import reads a source file (a 问卷星 export, an SPSS or Stata file, or a
researcher's own table with a crosswalk) and hands on, for each contract
variable it found, a :class:`Matched`: the source column, how it was matched
and the answers already turned into contract codes. :func:`finish` puts these
together in codebook order, generates respondent ids when the file has none,
and validates the result like every data file. Problems are collected, never
raised one at a time, so the researcher sees all of them at once.

* :func:`file_kind` tells the form from the first bytes, never from the name.
* :func:`read_table` reads the cells of an xlsx sheet or a csv file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from zhucun.data.codebook import Codebook, Variable
from zhucun.data.validation import SHOWN_VALUES, SurveyValidationError, decode_bytes, read_file_bytes, validate_frame

FILE_KINDS = ("xlsx", "csv", "sav", "dta")
FORMS = {
    "wjx_text": "问卷星“按选项文本”导出 / wjx.cn export, answers as option text",
    "wjx_numeric": "问卷星“按选项序号”导出 / wjx.cn export, answers as option numbers",
    "sav": "SPSS .sav（按值标签匹配答案 / answers matched through value labels）",
    "dta": "Stata .dta（按值标签匹配答案 / answers matched through value labels）",
    "crosswalk": "自有列名与编码，按对照表转换 / own column names and codes, through a crosswalk",
    "xlsform": "本书XLSForm在KoboToolbox/ODK中的数据导出 / KoboToolbox/ODK export of the book's XLSForm",
}
MATCH_KINDS = {
    "wording": "问卷题目文字 / wording",
    "name": "变量名 / name",
    "crosswalk": "对照表 / crosswalk",
    "generated": "生成 / generated id",
}
CASE_NOTE = ("第N个个案（下文校验信息中的“第N行”同此） = 文件中的第N个个案，第一个个案为1 / "
             "case N (and 'line N' in validation messages) is the file's N-th case, the first case is 1")

_STATA_OLD_RELEASES = range(0x66, 0x74)  # releases 102–115 write a binary header: release, byte order, type 1, 0
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PUNCTUATION = re.compile(r"[\s:：?？,，.。、;；!！（）()【】\[\]“”\"'‘’「」《》〈〉·…—–\-~～/／_]+")
_WHOLE_NUMBER = re.compile(r"^\s*(\d+)\s*(?:个月|月)?\s*$")
_ANNOTATION = re.compile(r"[【\[](?:多选题|单选题|矩阵单选题|矩阵量表题|填空题|量表题|必答题?)[】\]]")


def normalise(text: str) -> str:
    """Wording reduced to what matters for matching: no annotations, punctuation or spaces."""
    return _PUNCTUATION.sub("", _ANNOTATION.sub("", str(text))).lower()


# --------------------------------------------------------------------------- the file's form

def file_kind(path: Path | str) -> str:
    """One of :data:`FILE_KINDS`, from the file's first bytes; raises for an empty, encrypted or unknown file."""
    source = str(path)
    data = read_file_bytes(path)
    if not data.strip():
        raise SurveyValidationError(source, ["文件为空 / the file is empty"])
    if data.startswith((b"$FL2", b"$FL3")):
        return "sav"
    if data.startswith(b"<stata_dta>") or (
            len(data) > 4 and data[0] in _STATA_OLD_RELEASES and data[1] in (1, 2) and data[2:4] == b"\x01\x00"):
        return "dta"
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(_OLE2):
        raise SurveyValidationError(source, [
            "文件是加密（设有打开密码）的Excel工作簿或旧式.xls文件：请在Excel中取消密码保护，另存为.xlsx后再导入 / "
            "the file is a password-protected (encrypted) Excel workbook or an old .xls file: remove the password "
            "in Excel and save it as .xlsx"])
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    if not utf16 and any(byte < 9 or 13 < byte < 27 for byte in data[:4096]):
        raise SurveyValidationError(source, [
            "无法识别的二进制文件：可导入的是xlsx、csv（UTF-8或GBK）、SPSS .sav和Stata .dta / unrecognised binary "
            "file: the importer reads xlsx, csv (UTF-8 or GBK), SPSS .sav and Stata .dta"])
    return "csv"


# --------------------------------------------------------------------------- cells of a table

@dataclass(frozen=True)
class SourceTable:
    """A spreadsheet or csv as text: the header and (row number, cells) of every non-empty row.

    Row numbers are those of the file: the csv line (of the record's start) or
    the sheet row, with the header as 1.
    """
    header: list[str]
    rows: list[tuple[int, list[str]]]
    sheet: str | None = None
    header_row: int = 1  # a sheet may have blank rows above the header

    @property
    def row_note(self) -> str:
        if self.sheet is None:
            return "第N行 = csv文件中的行号，表头为第1行 / line N of the csv file, header is line 1"
        return (f"第N行 = 工作表“{self.sheet}”中的行号，表头为第{self.header_row}行 / row N of sheet "
                f"'{self.sheet}', header is row {self.header_row}")


def cell_text(value) -> str:
    """A spreadsheet cell as the text a csv would hold (whole numbers without '.0')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_table(path: Path | str, sheet: str | None = None) -> SourceTable:
    """The cells of an xlsx sheet or a csv (UTF-8, UTF-8 with BOM or GBK), the type told by the content."""
    path = Path(path)
    source = str(path)
    if file_kind(path) == "xlsx":
        sheet, rows = _xlsx_rows(path, sheet)
    else:
        if sheet is not None:
            raise SurveyValidationError(source, [
                f"--sheet {sheet}：只有xlsx文件有工作表，此文件是csv / only an xlsx file has sheets; this is a csv"])
        text, _ = decode_bytes(read_file_bytes(path), source)
        reader = csv.reader(io.StringIO(text, newline=""))
        rows, previous_end = [], 0
        for cells in reader:
            rows.append((previous_end + 1, cells))  # a quoted cell may span lines: count from the record's start
            previous_end = reader.line_num
    if not rows:
        raise SurveyValidationError(source, ["文件为空 / the file is empty"])
    (header_row, header), body = rows[0], rows[1:]
    body = [(line, cells + [""] * (len(header) - len(cells))) for line, cells in body
            if any(cell.strip() for cell in cells)]
    if not body:
        raise SurveyValidationError(source, ["文件只有表头，没有答卷 / the file has a header but no responses"])
    return SourceTable([cell.strip() for cell in header], body, sheet, header_row)


def _xlsx_rows(path: Path, wanted: str | None) -> tuple[str, list[tuple[int, list[str]]]]:
    from openpyxl import load_workbook

    source = str(path)
    try:
        # from bytes: openpyxl refuses a path whose name does not end in .xlsx, and the name must not matter
        workbook = load_workbook(io.BytesIO(read_file_bytes(path)), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise SurveyValidationError(source, [f"无法读取xlsx文件 / cannot read the xlsx file: {error}"]) from error
    try:
        sheets = {sheet.title: [(number, [cell_text(value) for value in values])
                                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
                  for sheet in workbook.worksheets}
    finally:
        workbook.close()
    names = "、".join(f"“{name}”" for name in sheets)
    if wanted is not None:
        if wanted not in sheets:
            raise SurveyValidationError(source, [f"没有名为“{wanted}”的工作表 / no sheet named '{wanted}'；"
                                                 f"工作表 / sheets: {names}"])
        return wanted, sheets[wanted]
    filled = [name for name, rows in sheets.items() if any(cell.strip() for _, cells in rows for cell in cells)]
    if not filled:
        raise SurveyValidationError(source, ["文件为空（工作表都没有数据） / the file is empty (no sheet has data)"])
    if len(filled) > 1:
        raise SurveyValidationError(source, [
            f"有{len(filled)}个工作表含数据（{'、'.join(filled)}），请用 --sheet 名称 指定一个 / "
            f"{len(filled)} sheets hold data; choose one with --sheet NAME（工作表 / sheets: {names}）"])
    rows = sheets[filled[0]]
    while rows and not any(cell.strip() for cell in rows[0][1]):
        rows = rows[1:]  # blank rows above the header; the row numbers stay those of the sheet
    return filled[0], rows


# --------------------------------------------------------------------------- answers

def answer_lookup(variable: Variable) -> dict[str, str]:
    """Normalised answer text (the Chinese option label) → the code as written in the data file."""
    return {normalise(code.label): str(code.code) for code in variable.codes}


def whole_number(cell: str) -> str | None:
    """A count such as months as contract text: '14', '14个月' → '14'; None when it is not a whole number."""
    match = _WHOLE_NUMBER.match(cell)
    return str(int(match.group(1))) if match else None


def allowed_texts(variable: Variable) -> str:
    return "、".join(code.label for code in variable.codes)


class CellProblems:
    """Bad cells collected per source column, so one message per column lists rows and values."""

    def __init__(self, row_word: str = "行"):
        self.row_word = row_word  # 行 for lines and sheet rows, 个个案 for SPSS/Stata cases
        self.cells: dict[str, list[tuple[int, str]]] = {}
        self.allowed: dict[str, str] = {}

    def add(self, column: str, row: int, value: str, allowed: str):
        self.cells.setdefault(column, []).append((row, value))
        self.allowed[column] = allowed

    def messages(self, what: str = "无法识别的答案 / unknown answer") -> list[str]:
        out = []
        for column, cases in self.cells.items():
            shown = ", ".join(f"第{row}{self.row_word} '{value}'" for row, value in cases[:SHOWN_VALUES])
            more = f" …（共{len(cases)}处 / {len(cases)} in all）" if len(cases) > SHOWN_VALUES else ""
            out.append(f"{column}：{what} — {shown}{more}；允许 / allowed: {self.allowed[column]}")
        return out


# --------------------------------------------------------------------------- putting it together

@dataclass(frozen=True)
class Matched:
    """One contract variable: where its answers came from and the answers as contract codes (text)."""
    variable: str
    source: str
    how: str  # a key of MATCH_KINDS
    values: list[str] = field(repr=False)


@dataclass(frozen=True)
class Conversion:
    """What an importer hands on: matched variables, unused source columns, declared not-asked blocks, problems."""
    form: str  # a key of FORMS
    rows: list[int]
    row_note: str
    matched: list[Matched]
    unused: list[str]
    problems: list[str]
    not_asked: tuple[str, ...] = ()  # block ids


@dataclass(frozen=True)
class ImportResult:
    """A converted and validated source: the contract columns as text (index = source row numbers)."""
    source: str
    form: str
    frame: pd.DataFrame
    matched: tuple[Matched, ...]
    unused: tuple[str, ...]
    not_asked: tuple[str, ...]


def coverage_problems(matched: list[Matched], codebook: Codebook, not_asked: tuple[str, ...] = (),
                      missing: tuple[str, str] = ("来源文件缺少", "missing from the export")) -> list[str]:
    """Several source columns for one variable; a contract variable neither found nor in a not-asked block."""
    problems = []
    sources: dict[str, list[str]] = {}
    for match in matched:
        sources.setdefault(match.variable, []).append(match.source)
    for name, columns in sources.items():
        if len(columns) > 1:
            problems.append(f"变量 {name} 对应多列 / several source columns match {name}: "
                            f"{', '.join(dict.fromkeys(columns))}")
    skipped = {name for block in not_asked for name in codebook.block(block).variables}
    for variable in codebook.variables:
        if variable.name in ("respondent_id", "synthetic") or variable.name in sources or variable.name in skipped:
            continue
        number = codebook.question(variable.question).number
        problems.append(f"{missing[0]}第{number}题的 {variable.name}"
                        f"（{codebook.question_text(variable.name)}） / {missing[1]}: "
                        f"question {number}, {variable.name}")
    return problems


def finish(conversion: Conversion, source: str, codebook: Codebook) -> ImportResult:
    """The contract frame in codebook order, validated; raises listing every problem (with the row note)."""
    if conversion.problems:
        raise SurveyValidationError(source, [conversion.row_note, *conversion.problems])
    matched = list(conversion.matched)
    if not any(match.variable == "respondent_id" for match in matched):
        count = len(conversion.rows)
        width = max(3, len(str(count)))
        matched.append(Matched("respondent_id", "", "generated", [f"R{i:0{width}d}" for i in range(1, count + 1)]))
    by_name = {match.variable: match for match in matched}
    ordered = tuple(by_name[name] for name in codebook.names if name in by_name)
    frame = pd.DataFrame({match.variable: pd.array(match.values, dtype="str") for match in ordered},
                         index=pd.Index(conversion.rows, name="line"))
    try:
        validate_frame(frame, codebook.variables, source)  # same rules as every data file
    except SurveyValidationError as error:
        raise SurveyValidationError(source, [conversion.row_note, *error.problems]) from None
    return ImportResult(source, conversion.form, frame, ordered, tuple(conversion.unused), conversion.not_asked)
