"""The questionnaire as an XLSForm (``.xlsx`` with sheets survey, choices, settings) for KoboToolbox and ODK.

Every question is named after its contract variable and every choice after its
contract code, so the platform's data export imports with no crosswalk
(:mod:`zhucun.importers.xlsform_import`, which also fixes the names the form adds:
the matrix groups and the multi-select question). Labels are in one language,
``中文 (zh)``. A question is required exactly where the contract forbids an
empty cell (identity, months in the post, where the time goes); the rated
items may be left out, as on paper. The months carry the codebook's range as a
constraint and the multi-select question its limit, ``count-selected(.) <= 3``.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from zhucun.data.codebook import XLSFORM_ID, Codebook, group_name, select_multiple_name

LANGUAGE = "中文 (zh)"
LABEL = f"label::{LANGUAGE}"
SURVEY_COLUMNS = ("type", "name", LABEL, "required", "constraint", f"constraint_message::{LANGUAGE}", "appearance")
CHOICE_COLUMNS = ("list_name", "name", LABEL)
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language")


def xlsform_sheets(codebook: Codebook, version: str = "1") -> dict[str, list[tuple]]:
    """The rows of the three sheets, header first, in questionnaire order."""
    survey = [SURVEY_COLUMNS, ("note", "introduction", codebook.introduction, "", "", "", "")]
    choices: list[tuple] = [CHOICE_COLUMNS]
    lists: set[str] = set()

    def choice_list(name: str, codes) -> str:
        if name not in lists:
            lists.add(name)
            choices.extend((name, str(code.code), code.label) for code in codes)
        return name

    for question in codebook.questions:
        names = question.variables
        if question.kind == "matrix":
            survey.append(("begin_group", group_name(question), question.text, "", "", "", "field-list"))
            listed = choice_list(question.answer_scale, codebook.options(question.number))
            survey += [(f"select_one {listed}", name, codebook.question_text(name), _required(codebook, name),
                        "", "", "") for name in names]
            survey.append(("end_group", "", "", "", "", "", ""))
        elif question.kind == "multi_select":
            field = select_multiple_name(codebook, question)
            choices.extend((field, name, codebook.question_text(name)) for name in names)
            limit = question.max_selected
            survey.append((f"select_multiple {field}", field, question.text, _required(codebook, names[0]),
                           f"count-selected(.) <= {limit}" if limit else "",
                           f"最多选{limit}项" if limit else "", ""))
        elif question.kind == "fill_in":
            variable = codebook.variable(names[0])
            survey.append(("integer", variable.name, question.text, _required(codebook, variable.name),
                           f". >= {variable.minimum} and . <= {variable.maximum}",
                           f"{variable.minimum}–{variable.maximum}之间的整数", ""))
        else:
            listed = choice_list(question.answer_scale or names[0], codebook.options(question.number))
            survey.append((f"select_one {listed}", names[0], question.text, _required(codebook, names[0]),
                           "", "", ""))
    settings = [SETTINGS_COLUMNS, (codebook.title, XLSFORM_ID, version, LANGUAGE)]
    return {"survey": survey, "choices": choices, "settings": settings}


def _required(codebook: Codebook, name: str) -> str:
    return "" if codebook.variable(name).nullable else "yes"


def write_xlsform(codebook: Codebook, path: Path, version: str = "1") -> Path:
    """Write the XLSForm workbook to *path*."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in xlsform_sheets(codebook, version).items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path
