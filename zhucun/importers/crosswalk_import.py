"""Import a researcher's own table (xlsx or csv) through a crosswalk (对照表, ``--map MAP.yml``).

The crosswalk says, for every column of the table, which contract variable it
holds and how its codes translate; which blocks of the codebook the
researcher's questionnaire did not ask; and which columns are deliberately not
used. See ``data/crosswalk_example.yml``::

    columns:
      编号: {variable: respondent_id}
      身份: {variable: role, codes: {书记: first_secretary, 队员: team_member}}
      工作1: {variable: p1_beyond_duties}            # cells already are contract codes (or labels)
      反向题: {variable: p1_paperwork, reverse: true}  # 1↔5, 2↔4, after codes
    not_asked: [p3, time_use]                         # block ids of the codebook
    ignore: [填写时间]
    missing: [99, 不适用]                              # cells meaning "no answer" (besides empty)

Rules: every column of the table is in ``columns`` or ``ignore``; every
contract variable is mapped or belongs to a ``not_asked`` block; the identity
variables (role, gender, age_group, education, dispatch_level, village_type,
tenure_months) are always required, and respondent_id is generated (R001 …)
when no column holds it; no variable is mapped twice; ``codes`` map source
values to contract codes (a value mapped to null is a missing answer) and,
once given, list every value the column holds; without ``codes`` a cell is the
contract code or its Chinese label; ``reverse`` is only for 1–5 items. A
not-asked block's columns are absent from the written file.

Tick-box columns (one column per option of a multi-select question, ticked or
left empty): ``ticks: true`` (a tick is √, ✓, ✔, ☑, 1 or 是) or ``ticks: [对]``
(the researcher's own marks). Then, per respondent and question, an empty cell
(or a ``missing`` value) means "not chosen" when the respondent ticked some
option of the question, and the whole question stays 未作答 (empty) when they
ticked none; any other value is an error naming the column, row and value.
Either every option column of a question declares ``ticks`` or none does, and
``ticks`` cannot be combined with ``codes``. The contract allows no empty cell
in question 11, so a respondent who ticked nothing there is reported by row.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from zhucun.data.codebook import Codebook, Variable
from zhucun.data.validation import SurveyValidationError, read_file_bytes
from zhucun.importers.source_files import (
    CellProblems,
    Conversion,
    Matched,
    SourceTable,
    answer_lookup,
    cell_text,
    coverage_problems,
    normalise,
    whole_number,
)

CROSSWALK_KEYS = ("columns", "not_asked", "ignore", "missing")
COLUMN_KEYS = ("variable", "codes", "reverse", "ticks")
# What a tick may look like when a crosswalk says ``ticks: true``; a list in the crosswalk replaces it.
DEFAULT_TICKS = ("√", "✓", "✔", "☑", "1", "是")


@dataclass(frozen=True)
class ColumnMap:
    """One source column: the contract variable it holds and how its cells translate."""
    column: str
    variable: str
    codes: dict[str, str] | None  # source value → contract code ("" = missing answer); None: cells are codes
    reverse: bool = False
    ticks: tuple[str, ...] = ()  # a tick-box column: these marks are "chosen", an empty cell "not chosen"


@dataclass(frozen=True)
class Crosswalk:
    """A parsed crosswalk and every problem found in it alone (the table is checked by :func:`convert_crosswalk`)."""
    path: str
    columns: tuple[ColumnMap, ...]
    not_asked: tuple[str, ...]
    ignore: tuple[str, ...]
    missing: frozenset[str]
    problems: tuple[str, ...]


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys; a column listed twice must be an error instead."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        repeated = sorted({str(key) for key in keys if keys.count(key) > 1})
        if repeated:
            raise yaml.constructor.ConstructorError(None, None, f"重复的键 / repeated keys: {', '.join(repeated)}",
                                                    node.start_mark)
        return super().construct_mapping(node, deep)


def _text(value) -> str:
    """A YAML scalar as the cell text it stands for (1 → '1', null → '')."""
    return "" if value is None else cell_text(value).strip()


def _suggest(name: str, choices) -> str:
    close = difflib.get_close_matches(name, list(choices), n=3)
    return f"（是否指 / did you mean: {', '.join(close)}）" if close else ""


def _column_map(column: str, raw, codebook: Codebook, problems: list[str]) -> ColumnMap | None:
    where = f"columns.{column}"
    if isinstance(raw, str):
        raw = {"variable": raw}  # 列名: variable 的简写 / short form
    if not isinstance(raw, dict) or "variable" not in raw:
        problems.append(f"{where}：应为 {{variable: 变量名, ...}} / expected {{variable: name, ...}}")
        return None
    unknown = [key for key in raw if key not in COLUMN_KEYS]
    if unknown:
        problems.append(f"{where}：未知的键 / unknown keys {', '.join(map(str, unknown))}；"
                        f"可用 / allowed: {', '.join(COLUMN_KEYS)}")
    name = str(raw["variable"])
    if name not in codebook.names or name == "synthetic":
        problems.append(f"{where}：编码手册中没有变量 {name} / no contract variable {name}"
                        f"{_suggest(name, codebook.names)}")
        return None
    variable = codebook.variable(name)
    reverse = bool(raw.get("reverse", False))
    if reverse and variable.type != "likert":
        problems.append(f"{where}：reverse 只用于1–5题 / reverse applies to 1–5 items only, not {name}")
    codes = raw.get("codes")
    if codes is not None:
        if not isinstance(codes, dict):
            problems.append(f"{where}.codes：应为“来源取值: 编码”的映射 / expected a mapping source value: code")
            return None
        codes = {_text(key): _text(value) for key, value in codes.items()}
        wrong = [f"{key}: {value}" for key, value in codes.items() if value and value not in variable.allowed_text]
        if wrong:
            problems.append(f"{where}.codes：编码不在编码手册中 / codes outside the codebook: {'; '.join(wrong)}；"
                            f"{name} 允许 / allows: {variable.describe_allowed()}")
    ticks = _ticks(raw.get("ticks"), where, variable, codes, problems)
    return ColumnMap(str(column), name, codes, reverse, ticks)


def _ticks(raw, where: str, variable: Variable, codes, problems: list[str]) -> tuple[str, ...]:
    """The marks of a tick-box column (``ticks: true`` or a list of marks); () when not a tick-box column."""
    if raw is None or raw is False:
        return ()
    if variable.type != "multi_select_option":
        problems.append(f"{where}.ticks：只用于多选题的选项列 / ticks apply to the option columns of a multi-select "
                        f"question only, not {variable.name}")
        return ()
    if codes is not None:
        problems.append(f"{where}：ticks 与 codes 不能同时使用 / give either ticks or codes, not both")
        return ()
    if raw is True:
        return DEFAULT_TICKS
    marks = tuple(_text(mark) for mark in raw) if isinstance(raw, list) else ()
    if not marks or "" in marks:
        problems.append(f"{where}.ticks：应为 true 或非空的勾选符号列表，如 [√, ✓] / expected true or a list of "
                        f"tick marks such as [√, ✓]")
        return ()
    return marks


def _not_asked(raw, codebook: Codebook, problems: list[str]) -> tuple[str, ...]:
    blocks = tuple(block.id for block in codebook.blocks)
    valid = []
    for entry in raw or []:
        entry = str(entry)
        if entry in blocks:
            valid.append(entry)
        elif entry in codebook.names and codebook.block_of(entry) is None:
            problems.append(f"not_asked：{entry} 是身份与基本情况变量，必须调查 / {entry} is an identity variable "
                            f"and cannot be declared not asked")
        elif entry in codebook.names:
            problems.append(f"not_asked：列的是题块而非变量；{entry} 属于题块 {codebook.block_of(entry).id} / "
                            f"not_asked lists blocks, not variables; {entry} is in block {codebook.block_of(entry).id}")
        else:
            problems.append(f"not_asked：编码手册中没有题块 {entry} / no block {entry} in the codebook；"
                            f"题块 / blocks: {', '.join(blocks)}")
    return tuple(valid)


def _strings(raw, key: str, problems: list[str]) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(f"{key}：应为列表 / expected a list")
        return ()
    return tuple(_text(item) for item in raw)


def load_crosswalk(path: Path | str, codebook: Codebook) -> Crosswalk:
    """Parse a crosswalk and check it against the codebook; raises only when it cannot be read at all."""
    source = str(path)
    try:
        raw = yaml.load(read_file_bytes(path).decode("utf-8-sig"), Loader=_UniqueKeyLoader)  # a SafeLoader
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SurveyValidationError(source, [f"对照表不是有效的YAML（UTF-8） / the crosswalk is not valid "
                                             f"YAML (UTF-8): {error}"]) from error
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
        raise SurveyValidationError(source, ["对照表须有 columns: 映射 / the crosswalk needs a 'columns:' mapping"])
    problems = [f"未知的键 / unknown key: {key}；可用 / allowed: {', '.join(CROSSWALK_KEYS)}"
                for key in raw if key not in CROSSWALK_KEYS]
    columns = tuple(column for column in (_column_map(_text(key), value, codebook, problems)
                                          for key, value in raw["columns"].items()) if column is not None)
    not_asked = _not_asked(raw.get("not_asked"), codebook, problems)
    skipped = {name for block in not_asked for name in codebook.block(block).variables}
    problems += [f"columns.{column.column}：{column.variable} 所在题块已声明未调查 / {column.variable} is mapped but "
                 f"its block is declared not asked" for column in columns if column.variable in skipped]
    problems += coverage_problems([Matched(column.variable, column.column, "crosswalk", []) for column in columns],
                                  codebook, not_asked, ("对照表既未映射、也未声明未调查：",
                                                        "neither mapped nor in a not_asked block"))
    problems += _tick_block_problems(columns, codebook)
    ignore = _strings(raw.get("ignore"), "ignore", problems)
    missing = frozenset(("", *_strings(raw.get("missing"), "missing", problems)))
    problems = [f"对照表 / crosswalk {source}：{problem}" for problem in problems]
    return Crosswalk(source, columns, not_asked, ignore, missing, tuple(problems))


def _tick_block_problems(columns: tuple[ColumnMap, ...], codebook: Codebook) -> list[str]:
    """A question's option columns are tick boxes all together or not at all (the block decides 未作答)."""
    problems = []
    for question in codebook.questions:
        mapped = [column for column in columns if column.variable in question.variables]
        ticked = [column.column for column in mapped if column.ticks]
        if ticked and len(ticked) != len(mapped):
            plain = [column.column for column in mapped if not column.ticks]
            problems.append(f"第{question.number}题：列 {'、'.join(ticked)} 声明了 ticks，"
                            f"列 {'、'.join(plain)} 却没有；同一题的选项列须全部声明或都不声明 / either every "
                            f"option column of question {question.number} declares ticks or none does")
    return problems


# --------------------------------------------------------------------------- the table

def _convert_cell(cell: str, column: ColumnMap, variable: Variable, lookup: dict[str, str]) -> str | None:
    if column.codes is not None:
        value = column.codes.get(cell)
    elif variable.type == "integer":
        value = whole_number(cell)
    elif variable.type == "id" or cell in variable.allowed_text:
        value = cell
    else:
        value = lookup.get(normalise(cell))
    if value and column.reverse:
        codes = [int(code.code) for code in variable.codes]
        value = str(min(codes) + max(codes) - int(value))
    return value


def convert_crosswalk(table: SourceTable, crosswalk: Crosswalk, codebook: Codebook) -> Conversion:
    """The table's columns translated through the crosswalk; problems of both listed together."""
    problems = list(crosswalk.problems)
    lines = [line for line, _ in table.rows]
    positions: dict[str, list[int]] = {}
    for position, text in enumerate(table.header):
        positions.setdefault(text, []).append(position)
    header = "、".join(table.header)
    for name in [column.column for column in crosswalk.columns] + list(crosswalk.ignore):
        if name not in positions:
            problems.append(f"对照表中的列“{name}”不在文件中 / the crosswalk names a column that is not in the file: "
                            f"'{name}'{_suggest(name, positions)}；文件的列 / the file's columns: {header}")
        elif len(positions[name]) > 1:
            problems.append(f"文件中有{len(positions[name])}列同名“{name}” / several columns are named '{name}'")
    listed = {column.column for column in crosswalk.columns} | set(crosswalk.ignore)
    problems += [f"第{position}列“{text}”未写入对照表（columns 或 ignore） / column '{text}' is neither mapped nor "
                 f"ignored in the crosswalk" for position, text in enumerate(table.header, start=1)
                 if text not in listed]
    matched, cell_problems = [], CellProblems()
    ticked: list[Matched] = []
    for column in crosswalk.columns:
        if len(positions.get(column.column, ())) != 1:
            continue
        if column.ticks:
            ticked.append(_tick_column(table, positions[column.column][0], column, crosswalk, cell_problems))
            continue
        position, variable = positions[column.column][0], codebook.variable(column.variable)
        lookup = answer_lookup(variable)
        labels = "（或中文标签 / or the Chinese labels）" if variable.codes else ""
        allowed = "、".join(column.codes) if column.codes is not None else variable.describe_allowed() + labels
        values = []
        for line, cells in table.rows:
            cell = cells[position].strip()
            value = "" if cell in crosswalk.missing else _convert_cell(cell, column, variable, lookup)
            if value is None:
                cell_problems.add(f"列“{column.column}”（→ {variable.name}）", line, cell, allowed)
            values.append(value or "")
        matched.append(Matched(variable.name, column.column, "crosswalk", values))
    blocks, unanswered = _tick_blocks(ticked, lines, codebook)
    matched += blocks
    problems += cell_problems.messages("取值不在对照表或编码手册中 / value not in the crosswalk or the codebook")
    problems += unanswered
    unused = [name for name in table.header if name in crosswalk.ignore]
    return Conversion("crosswalk", lines, table.row_note, matched, unused, problems, crosswalk.not_asked)


# --------------------------------------------------------------------------- tick-box columns

def _tick_column(table: SourceTable, position: int, column: ColumnMap, crosswalk: Crosswalk,
                 cell_problems: CellProblems) -> Matched:
    """One tick-box column read alone: "1" for a tick, "" for an empty cell (decided later, per block)."""
    values = []
    for line, cells in table.rows:
        cell = cells[position].strip()
        if cell in column.ticks:
            values.append("1")
            continue
        if cell not in crosswalk.missing:
            marks = " ".join(column.ticks)
            cell_problems.add(f"列“{column.column}”（→ {column.variable}）", line, cell,
                              f"勾选符号 {marks}，或留空（未选） / a tick ({marks}) or an empty cell (not chosen)")
        values.append("")
    return Matched(column.variable, column.column, "crosswalk", values)


def _tick_blocks(ticked: list[Matched], lines: list[int], codebook: Codebook) -> tuple[list[Matched], list[str]]:
    """Empty cells of a respondent who ticked something in the question become 0 (not chosen); a respondent
    who ticked nothing there did not answer it (未作答), and the cells stay empty."""
    out, problems = [], []
    for question in codebook.questions:
        block = [match for match in ticked if match.variable in question.variables]
        if not block:
            continue
        answered = [any(match.values[row] == "1" for match in block) for row in range(len(lines))]
        out += [Matched(match.variable, match.source, match.how,
                        [value or ("0" if answered[row] else "") for row, value in enumerate(match.values)])
                for match in block]
        silent = [line for line, done in zip(lines, answered) if not done]
        if silent and not all(codebook.variable(match.variable).nullable for match in block):
            shown = ", ".join(f"第{line}行" for line in silent[:20])
            more = f" …（共{len(silent)}行 / {len(silent)} rows）" if len(silent) > 20 else ""
            problems.append(
                f"第{question.number}题（勾选列 {'、'.join(match.source for match in block)}）：这些行一项也没有勾选，"
                f"即未作答，而本书的数据格式要求此题每行都有答案（至少选一项） / these rows ticked nothing in "
                f"question {question.number}, so they did not answer it, and the contract requires an answer here "
                f"— {shown}{more}")
    return out, problems
