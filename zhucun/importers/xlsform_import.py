"""Import the data export of the book's XLSForm (KoboToolbox or ODK) into the contract format.

    python -m zhucun import EXPORT.xlsx -o data/private/survey_responses.csv   (no --map needed)

The form (``python -m zhucun questionnaire`` writes it, see
:mod:`zhucun.fieldwork.xlsform`) names every question after its contract
variable, so its export needs no crosswalk. This module also fixes the few
names the form adds, so the writer and the importer cannot drift apart:
the matrix groups ``q8``, ``q9``, ``q12`` (:func:`zhucun.data.codebook.group_name`) and the
multi-select question ``time_use`` (:func:`select_multiple_name`: the
codebook's block id), whose choices are the contract's option variables.

What an export looks like, and how each part is handled:

* headers with group prefixes, ``q8/p1_paperwork`` (KoboToolbox) or
  ``q8-p1_paperwork`` (ODK Central), or without them;
* answers as choice names (the contract codes, "XML values") or as the
  Chinese labels; the months in the post as a whole number;
* the multi-select question as one column of space-separated choice names
  (``time_use``) and/or one 0/1 column per choice (``time_use/time_paperwork``);
  when both are present they must agree. An empty cell there means the
  question was not answered (未作答), never "nothing chosen";
* metadata columns (``start``, ``end``, ``_id``, ``_uuid``, ``meta/instanceID``,
  ``SubmissionDate``, ``KEY`` …, any name starting with ``_``): not used,
  listed in the report. Any other column is an error.
"""

from __future__ import annotations

import re

from zhucun.data.codebook import Codebook, Question, select_multiple_name
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

# Columns KoboToolbox and ODK Central add to every submission (besides any name starting with "_").
METADATA_COLUMNS = frozenset({
    "start", "end", "today", "deviceid", "username", "phonenumber", "simserial", "subscriberid", "audit",
    "instanceID", "instanceName", "SubmissionDate", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
    "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion", "formhub/uuid",
})
_PATH = re.compile(r"[/-]")  # Kobo joins group and question with "/", ODK Central with "-"
CHOSEN = {"1": "1", "0": "0", "true": "1", "false": "0"}


def looks_like_xlsform_export(header: list[str], codebook: Codebook) -> bool:
    """Whether some column is named (after its group prefix) as a question of the book's XLSForm."""
    names = set(codebook.names) - {"respondent_id", "synthetic"}
    names |= {select_multiple_name(codebook, q) for q in codebook.questions if q.kind == "multi_select"}
    return any(_PATH.split(text.strip())[-1] in names for text in header)


def _is_metadata(text: str) -> bool:
    parts = _PATH.split(text)
    return text in METADATA_COLUMNS or parts[-1] in METADATA_COLUMNS or parts[0] == "meta" \
        or any(part.startswith("_") for part in parts)


def convert_xlsform_export(table: SourceTable, codebook: Codebook) -> Conversion:
    """Match the export's columns to the contract by name and turn its answers into contract codes."""
    multi = {select_multiple_name(codebook, q): q for q in codebook.questions if q.kind == "multi_select"}
    variables = {name for name in codebook.names if name != "synthetic"}
    lines = [line for line, _ in table.rows]
    problems, matched, unused = [], [], []
    cells_problems = CellProblems()
    joined: dict[str, tuple[str, list[str]]] = {}  # multi-select name -> (column, cells)
    split: dict[str, dict[str, tuple[str, list[str]]]] = {}  # multi-select name -> option -> (column, cells)
    for position, text in enumerate(table.header):
        where = f"第{position + 1}列 '{text}'"
        parts = _PATH.split(text)
        cells = [row[position].strip() for _, row in table.rows]
        if len(parts) >= 2 and parts[-2] in multi and parts[-1] in multi[parts[-2]].variables:
            split.setdefault(parts[-2], {})[parts[-1]] = (text, cells)
        elif parts[-1] in multi:
            joined[parts[-1]] = (text, cells)
        elif parts[-1] in variables:
            variable = codebook.variable(parts[-1])
            values = []
            lookup = answer_lookup(variable)
            for line, cell in zip(lines, cells):
                if not cell or variable.type == "id":
                    value = cell
                elif variable.type == "integer":
                    value = whole_number(cell)
                elif cell in variable.allowed_text:
                    value = cell
                else:
                    value = lookup.get(normalise(cell))
                if value is None:
                    allowed = variable.describe_allowed() + ("（或中文标签 / or the Chinese labels: "
                                                              f"{allowed_texts(variable)}）" if variable.codes else "")
                    cells_problems.add(where, line, cell, allowed)
                values.append(value or "")
            matched.append(Matched(variable.name, text, "name", values))
        elif _is_metadata(text):
            unused.append(text)
        else:
            problems.append(f"{where}：不是本书XLSForm中的题目，也不是KoboToolbox/ODK的元数据列 / neither a question "
                            f"of the book's XLSForm nor KoboToolbox/ODK metadata")
    for name, question in multi.items():
        matched += _multi_select(name, question, joined.get(name), split.get(name, {}), lines, cells_problems,
                                 problems)
    problems = coverage_problems(matched, codebook) + problems + cells_problems.messages()
    return Conversion("xlsform", lines, table.row_note, matched, unused, problems)


def _multi_select(name: str, question: Question, joined: tuple[str, list[str]] | None,
                  split: dict[str, tuple[str, list[str]]], lines: list[int], cells_problems: CellProblems,
                  problems: list[str]) -> list[Matched]:
    """The 0/1 option columns of one multi-select question, from the joined column, the split ones or both."""
    options = question.variables
    from_joined = from_split = None
    if joined is not None:
        column, cells = joined
        from_joined = {option: [] for option in options}
        for line, cell in zip(lines, cells):
            chosen = cell.split()
            for choice in chosen:
                if choice not in options:
                    cells_problems.add(f"列 '{column}'", line, choice,
                                       f"以空格分隔的选项名 / choice names separated by spaces: {' '.join(options)}")
            for option in options:
                from_joined[option].append(("1" if option in chosen else "0") if chosen else "")
    if split:
        missing = [option for option in options if option not in split]
        if missing:
            problems.append(f"{name}：缺少选项列 / option columns missing: {', '.join(f'{name}/{m}' for m in missing)}")
            return []
        from_split = {}
        for option in options:
            column, cells = split[option]
            values = []
            for line, cell in zip(lines, cells):
                value = "" if not cell else CHOSEN.get(cell.lower())
                if value is None:
                    cells_problems.add(f"列 '{column}'", line, cell, "1（选中 / chosen）、0（未选 / not chosen）或空")
                values.append(value or "")
            from_split[option] = values
        # A row left empty in every option column was not answered; one with some 1s has 0 where a cell is empty.
        for row in range(len(lines)):
            if any(from_split[option][row] for option in options):
                for option in options:
                    from_split[option][row] = from_split[option][row] or "0"
    if from_joined is not None and from_split is not None:
        differ = [lines[row] for row in range(len(lines))
                  if any(from_joined[o][row] != from_split[o][row] for o in options)]
        if differ:
            shown = ", ".join(f"第{line}行" for line in differ[:10])
            problems.append(f"{name}：合并列 '{joined[0]}' 与各选项列不一致 / the joined column and the option "
                            f"columns disagree — {shown}")
    source = from_split if from_split is not None else from_joined
    if source is None:
        return []
    column_of = {option: split[option][0] if split else joined[0] for option in options}
    return [Matched(option, column_of[option], "name", source[option]) for option in options]
