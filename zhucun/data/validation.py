"""One validation of the survey data files, used by the CLI and the book's loader.

Steps, in this order, so nothing is ever silently coerced:

1. read the bytes and detect the encoding (UTF-8 with or without BOM, GBK;
   anything else is an error naming the file);
2. parse the CSV with every cell as text (CRLF and LF line ends both work);
3. validate the text with a pandera schema generated from the codebook,
   lazily, so every problem is reported at once;
4. only then convert: likert and integers to nullable Int64, codes to
   (ordered) pandas Categoricals, 0/1 flags to Int8.

Row numbers in messages are line numbers of the file with the header as
line 1 (the first respondent is line 2), assuming one record per line, which
holds for files of codes.
"""

from __future__ import annotations

import codecs
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from zhucun.data.codebook import Codebook, Variable, load_codebook

LINE_NUMBER_NOTE = "第N行 = 文件中的行号，表头为第1行 / line N of the file, header is line 1"
MAX_SELECTED_TIME = 3  # "choose up to three" of the time-use question
SHOWN_VALUES = 5       # bad values listed per problem before "… and N more"

# pandera reports a check by its error text, so these keys identify our checks in failure_cases.
UNIQUE_ID = "unique_id"
ALLOWED_VALUE = "allowed_value"
NOT_EMPTY = "not_empty"
TOO_MANY_SELECTED = "too_many_selected"


class SurveyValidationError(ValueError):
    """A data file that does not satisfy the codebook; the message lists every problem found."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = list(problems)
        header = f"数据文件未通过校验 / data file failed validation: {source}"
        body = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{header}\n{LINE_NUMBER_NOTE}\n{body}")


class UnknownColumnWarning(UserWarning):
    """A column the codebook does not know: kept out of analysis, reported, not fatal."""


@dataclass(frozen=True)
class ValidationResult:
    frame: pd.DataFrame         # typed, only codebook columns, index = line numbers
    encoding: str
    unknown_columns: tuple[str, ...]


# --------------------------------------------------------------------------- reading

def _looks_like_chinese_text(text: str) -> bool:
    """Whether GBK-decoded text is plausible Chinese rather than another 8-bit encoding misread.

    Latin-1 or Windows-1252 bytes often decode as GBK without error but land
    in rarely used characters; real Chinese text almost only uses GB2312.
    """
    non_ascii = [char for char in text if ord(char) > 127]
    if not non_ascii:
        return True
    common = sum(1 for char in non_ascii if _in_gb2312(char))
    return common / len(non_ascii) >= 0.95


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decoded text and the detected encoding ("utf-8-sig", "utf-8" or "gbk"); raises on anything else."""
    if not data.strip():
        raise SurveyValidationError(source, ["文件为空 / the file is empty"])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) \
            or b"\x00" in data[:65536]:
        raise SurveyValidationError(source, [
            "文件是UTF-16/UTF-32编码或二进制文件，请另存为UTF-8或GBK编码的CSV / "
            "the file is UTF-16/UTF-32 or binary; save it as CSV in UTF-8 or GBK"])
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", data[len(codecs.BOM_UTF8):], "utf-8")]
    else:
        candidates = [("utf-8", data, "utf-8"), ("gbk", data, "gbk")]
    for name, payload, codec in candidates:
        try:
            text = payload.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "gbk" and not _looks_like_chinese_text(text):
            continue
        if any(ord(char) < 32 and char not in "\t\r\n" for char in text[:65536]):
            break  # control characters: binary, whatever decoded
        return text, name
    raise SurveyValidationError(source, [
        "无法识别文件编码（只接受UTF-8、带BOM的UTF-8和GBK），或文件不是文本 / "
        "encoding not recognised (only UTF-8, UTF-8 with BOM and GBK are accepted) or not a text file"])


def read_file_bytes(path: Path | str) -> bytes:
    """The file's bytes; an unreadable file is a SurveyValidationError naming it."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise SurveyValidationError(str(path), [f"无法读取文件 / cannot read the file: {error}"]) from error


def read_text_table(path: Path | str) -> tuple[pd.DataFrame, str]:
    """The CSV with every cell as text ("" for empty) and the file's line numbers as index."""
    path = Path(path)
    source = str(path)
    text, encoding = decode_bytes(read_file_bytes(path), source)
    header_line = text.splitlines()[0] if text.strip() else ""
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False,
                            skip_blank_lines=False, engine="c")
    except pd.errors.ParserError as error:
        raise SurveyValidationError(source, [
            "CSV格式错误（某行的列数多于表头） / malformed CSV (a row has more cells than the header): "
            f"{error}"]) from error
    except pd.errors.EmptyDataError as error:
        raise SurveyValidationError(source, ["文件为空 / the file is empty"]) from error
    names = next(iter(pd.read_csv(io.StringIO(header_line), header=None, dtype=str,
                                  keep_default_na=False).itertuples(index=False)), ())
    duplicated = sorted({name for name in names if list(names).count(name) > 1})
    if duplicated:
        raise SurveyValidationError(source, [
            f"表头中列名重复 / duplicate column names in the header: {', '.join(duplicated)}"])
    frame.columns = [str(name) for name in names]
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="line")
    # A row with fewer cells than the header comes back with missing values.
    short_rows = frame.index[frame.isna().any(axis=1)]
    if len(short_rows):
        raise SurveyValidationError(source, [
            f"以下行的单元格少于表头 / rows with fewer cells than the header: 第{_lines(short_rows)}行"])
    blank = (frame == "").all(axis=1)
    frame = frame[~blank]  # wholly empty lines (e.g. at the end) are not respondents
    return frame, encoding


def _lines(lines) -> str:
    values = [str(line) for line in lines]
    shown = ", ".join(values[:20])
    return shown + (f" …（共{len(values)}行 / {len(values)} rows）" if len(values) > 20 else "")


# --------------------------------------------------------------------------- schema

def _column(variable: Variable) -> pa.Column:
    checks = []
    if variable.type == "id":
        checks.append(pa.Check(lambda s: ~s.duplicated(keep=False), error=UNIQUE_ID))
    else:
        checks.append(pa.Check.isin(list(variable.allowed_text) + [""], error=ALLOWED_VALUE))
    if not variable.nullable:
        checks.append(pa.Check.not_equal_to("", error=NOT_EMPTY))
    return pa.Column(dtype=None, checks=checks, required=variable.required, nullable=False,
                     name=variable.name)


def build_schema(variables: tuple[Variable, ...]) -> pa.DataFrameSchema:
    """The pandera schema of a data file, generated from codebook variables (all cells as text)."""
    time_columns = [v.name for v in variables if v.type == "multi_select_option"]
    frame_checks = []
    if time_columns:
        def at_most_three(frame: pd.DataFrame) -> pd.Series:
            present = [name for name in time_columns if name in frame.columns]
            return (frame[present] == "1").sum(axis=1) <= MAX_SELECTED_TIME
        frame_checks.append(pa.Check(at_most_three, error=TOO_MANY_SELECTED))
    return pa.DataFrameSchema({v.name: _column(v) for v in variables}, checks=frame_checks,
                              strict=False, coerce=False)


# --------------------------------------------------------------------------- reporting

def _describe_values(cases: pd.DataFrame) -> str:
    shown = [f"第{line}行 '{value}'" for line, value in zip(cases["line"], cases["failure_case"])][:SHOWN_VALUES]
    more = len(cases) - len(shown)
    text = ", ".join(shown)
    return text + (f" …（共{len(cases)}处 / {len(cases)} in all）" if more > 0 else "")


def _problems_from(failures: pd.DataFrame, variables: dict[str, Variable], time_columns: list[str],
                   frame: pd.DataFrame) -> list[str]:
    problems: list[str] = []
    checks = failures["check"].astype(str)
    for missing in failures.loc[checks == "column_in_dataframe", "failure_case"]:
        problems.append(f"缺少必需的列 / missing required column: {missing}")
    # A row-level check is reported by pandera once per cell of the row: collapse to rows.
    too_many = failures.loc[checks == TOO_MANY_SELECTED, "index"].dropna()
    if len(too_many):
        lines = sorted({int(line) for line in too_many})
        counts = (frame.loc[lines, [c for c in time_columns if c in frame.columns]] == "1").sum(axis=1)
        shown = ", ".join(f"第{line}行选了{count}项" for line, count in list(counts.items())[:20])
        more = f" …（共{len(lines)}行 / {len(lines)} rows）" if len(lines) > 20 else ""
        problems.append(f"列 time_*（{', '.join(time_columns)}）：每行最多选{MAX_SELECTED_TIME}项 / at most "
                        f"{MAX_SELECTED_TIME} time_* answers per row — {shown}{more}")
    cell_checks = failures[checks.isin([UNIQUE_ID, ALLOWED_VALUE, NOT_EMPTY])].dropna(subset=["index"])
    order = {name: position for position, name in enumerate(variables)}
    cell_checks = cell_checks.assign(position=cell_checks["column"].map(order), line=cell_checks["index"].astype(int))
    for (_, column, check), cases in cell_checks.groupby(["position", "column", "check"], sort=True):
        cases = cases.sort_values("line")
        if check == NOT_EMPTY:
            problems.append(f"列 {column}：此列不允许留空 / empty cell not allowed — 第{_lines(cases['line'])}行")
        elif check == UNIQUE_ID:
            by_value = cases.groupby("failure_case", sort=False)["line"]
            detail = "; ".join(f"'{value}' 见第{_lines(lines)}行 / on lines {', '.join(map(str, lines))}"
                               for value, lines in by_value)
            problems.append(f"列 {column}：编号重复 / duplicate id — {detail}")
        else:
            problems.append(f"列 {column}：取值不在编码手册允许范围内 / value not allowed — "
                            f"{_describe_values(cases)}；允许 / allowed: {variables[column].describe_allowed()}")
    return problems


# --------------------------------------------------------------------------- conversion

def convert_types(frame: pd.DataFrame, variables: tuple[Variable, ...]) -> pd.DataFrame:
    """Typed copy of validated text: likert/integer → Int64, codes → Categorical, 0/1 → Int8."""
    converted = {}
    for variable in variables:
        if variable.name not in frame.columns:
            continue
        text = frame[variable.name]
        if variable.type == "id":
            converted[variable.name] = text
        elif variable.type in ("code", "ordered_code"):
            categories = [str(code.code) for code in variable.codes]
            converted[variable.name] = pd.Categorical(text.where(text != ""), categories=categories,
                                                      ordered=variable.type == "ordered_code")
        else:
            mapping = {value: int(value) for value in variable.allowed_text}
            dtype = "Int8" if variable.type in ("flag", "multi_select_option") else "Int64"
            converted[variable.name] = text.map(mapping).astype(dtype)
    return pd.DataFrame(converted, index=frame.index)


# --------------------------------------------------------------------------- entry points

def validate_frame(raw: pd.DataFrame, variables: tuple[Variable, ...], source: str) -> pd.DataFrame:
    """Validate an all-text frame (index = line numbers) and return it typed; raise on any problem."""
    if raw.empty:
        raise SurveyValidationError(source, ["文件只有表头，没有数据行 / the file has a header but no data rows"])
    known = {v.name for v in variables}
    unknown = [name for name in raw.columns if name not in known]
    checked = raw[[name for name in raw.columns if name in known]]
    absent, block_problems = _absent_blocks(list(raw.columns), variables)
    variables = tuple(v for v in variables if v.name not in absent)
    problems = list(block_problems)
    try:
        build_schema(variables).validate(checked, lazy=True)
    except SchemaErrors as errors:
        time_columns = [v.name for v in variables if v.type == "multi_select_option"]
        problems += _problems_from(errors.failure_cases, {v.name: v for v in variables}, time_columns, checked)
    if problems:
        raise SurveyValidationError(source, problems) from None
    if unknown:
        warnings.warn(f"{source}: 编码手册中没有这些列，已排除在分析之外 / columns not in the codebook, "
                      f"kept out of analysis: {', '.join(unknown)}", UnknownColumnWarning, stacklevel=3)
    return convert_types(checked, variables)


def _absent_blocks(columns: list[str], variables: tuple[Variable, ...]) -> tuple[set[str], list[str]]:
    """Block variables absent from the file, and a problem for each block only partly present.

    A questionnaire that did not ask a block leaves out all its columns; a block
    with some columns missing is a damaged file, never taken as "not asked".
    """
    names = {v.name for v in variables}
    absent: set[str] = set()
    problems: list[str] = []
    for block in load_codebook().blocks:
        if not set(block.variables) <= names:
            continue  # another data set (the interviews)
        missing = [name for name in block.variables if name not in columns]
        absent.update(missing)  # a partly present block's missing columns are reported once, below
        if missing and len(missing) < len(block.variables):
            problems.append(
                f"题块 {block.name}（{block.id}）只有部分列 / block {block.id} is only partly present — "
                f"缺少 / missing: {', '.join(missing)}；未调查的题块须整块不出现 / "
                f"a block that was not asked leaves out all its columns")
    return absent, problems


def dataset_variables(header: list[str], codebook: Codebook) -> tuple[Variable, ...]:
    """Interview variables for a file with ``interview_id`` and no ``respondent_id``, else survey variables."""
    if "interview_id" in header and "respondent_id" not in header:
        return codebook.interview_variables
    return codebook.variables


def validate_file(path: Path | str, variables: tuple[Variable, ...] | None = None,
                  codebook: Codebook | None = None) -> ValidationResult:
    """Read, validate and type a survey (or, detected by its header, interview) data file."""
    codebook = codebook or load_codebook()
    raw, encoding = read_text_table(path)
    variables = variables or dataset_variables(list(raw.columns), codebook)
    known = {v.name for v in variables}
    frame = validate_frame(raw, variables, str(path))
    return ValidationResult(frame, encoding, tuple(name for name in raw.columns if name not in known))
