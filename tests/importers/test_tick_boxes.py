"""Tick-box columns in a crosswalk: a tick is chosen, an empty cell is "not chosen" only when the respondent
ticked something in the same question, and a respondent who ticked nothing stays 未作答."""

from __future__ import annotations

import pytest
import yaml

from tests.importers import export_forms as forms
from zhucun.data.codebook import codebook_path, load_codebook
from zhucun.data.validation import SurveyValidationError
from zhucun.importers.crosswalk_import import convert_crosswalk, load_crosswalk
from zhucun.importers.source_files import read_table
from zhucun.importers.survey_import import convert_survey, import_survey

CODEBOOK = load_codebook()
SHIPPED = forms.shipped()
TIME = CODEBOOK.question(11).variables
OTHER = CODEBOOK.short_label("time_other")


def tick_crosswalk(ticks=True) -> dict:
    """The researcher's crosswalk of export_forms, with the eight time-use columns as tick boxes."""
    walk = forms.own_crosswalk()
    for entry in walk["columns"].values():
        if entry["variable"] in TIME:
            entry.pop("codes")
            entry["ticks"] = ticks
    return walk


def tick_sheet(frame, walk, mark="√") -> list[list]:
    """The sheet with a tick where the answer is 1 and nothing where it is 0."""
    plain = forms.own_crosswalk()
    table = forms.crosswalk_table(frame, plain)
    for row in table[1:]:
        for i in _tick_columns(table):
            row[i] = mark if row[i] == "是" else ""
    return table


def _files(tmp_path, frame=SHIPPED, ticks=True, mark="√", edit=None):
    walk = tick_crosswalk(ticks)
    table = tick_sheet(frame, walk, mark)
    if edit:
        edit(table)
    sheet = forms.write_xlsx(tmp_path / "own.xlsx", table)
    return sheet, forms.write_crosswalk(tmp_path / "map.yml", walk)


@pytest.mark.parametrize("mark, ticks", [("√", True), ("✓", True), ("1", True), ("是", True), ("对", ["对"])])
def test_ticks_and_empty_cells_import_exactly(tmp_path, mark, ticks):
    sheet, walk = _files(tmp_path, ticks=ticks, mark=mark)
    out = tmp_path / "out.csv"
    import_survey(sheet, out, walk)
    assert out.read_bytes() == forms.contract_bytes(SHIPPED, tmp_path)


def _tick_columns(table):
    """Positions of the time-use columns (export_forms names a column by its variable's short label)."""
    labels = {CODEBOOK.short_label(name) for name in TIME}
    return [i for i, name in enumerate(table[0]) if name in labels]


def _tick_nothing(row_index):
    def edit(table):
        for i in _tick_columns(table):
            table[row_index][i] = ""
    return edit


def test_a_respondent_who_ticked_nothing_stays_unanswered(tmp_path):
    sheet, walk = _files(tmp_path, edit=_tick_nothing(3))  # the sheet's row 4: the third respondent
    conversion = convert_crosswalk(read_table(sheet), load_crosswalk(walk, CODEBOOK), CODEBOOK)
    values = {match.variable: match.values for match in conversion.matched}
    assert [values[name][2] for name in TIME] == [""] * len(TIME)  # 未作答, not "0"
    assert {values[name][3] for name in TIME} <= {"0", "1"}  # the next respondent ticked something
    # The contract allows no empty cell in question 11: the import names the row and writes nothing.
    out = tmp_path / "out.csv"
    with pytest.raises(SurveyValidationError) as error:
        import_survey(sheet, out, walk)
    message = str(error.value)
    assert "第11题" in message and "第4行" in message and "未作答" in message
    assert not out.exists()


def test_with_question_11_optional_the_unanswered_row_keeps_empty_cells(tmp_path):
    raw = yaml.safe_load(codebook_path().read_text(encoding="utf-8"))
    for variable in raw["variables"]:
        if variable["name"] in TIME:
            variable["nullable"] = True
    optional = tmp_path / "codebook.yml"
    optional.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    codebook = load_codebook(optional)
    sheet, walk = _files(tmp_path, edit=_tick_nothing(3))
    frame = convert_survey(sheet, walk, codebook=codebook).frame
    assert frame.loc[4, list(TIME)].tolist() == [""] * len(TIME)
    assert frame.loc[5, list(TIME)].tolist() == SHIPPED.iloc[3][list(TIME)].tolist()


def test_a_value_neither_tick_nor_empty_is_named_with_column_row_and_value(tmp_path):
    def edit(table):
        table[2][_tick_columns(table)[1]] = "x"
    sheet, walk = _files(tmp_path, edit=edit)
    with pytest.raises(SurveyValidationError) as error:
        convert_survey(sheet, walk)
    message = str(error.value)
    assert f"“{CODEBOOK.short_label(TIME[1])}”" in message and "第3行 'x'" in message and "√" in message


@pytest.mark.parametrize("change, expected", [
    (lambda walk: walk["columns"][OTHER].update(codes={"√": 1}), "ticks 与 codes 不能同时使用"),
    (lambda walk: walk["columns"][CODEBOOK.short_label("overall_pressure")].update(ticks=True), "ticks：只用于多选题"),
    (lambda walk: walk["columns"][OTHER].pop("ticks") and walk["columns"][OTHER].update(
        codes={"是": 1, "否": 0}), "同一题的选项列须全部声明"),
    (lambda walk: walk["columns"][OTHER].update(ticks=[]), "应为 true 或非空的勾选符号列表"),
])
def test_bad_tick_declarations_are_reported(tmp_path, change, expected):
    walk = tick_crosswalk()
    change(walk)
    table = tick_sheet(SHIPPED, tick_crosswalk())
    sheet = forms.write_xlsx(tmp_path / "own.xlsx", table)
    path = forms.write_crosswalk(tmp_path / "map.yml", walk)
    out = tmp_path / "out.csv"
    with pytest.raises(SurveyValidationError) as error:
        import_survey(sheet, out, path)
    assert expected in str(error.value)
    assert not out.exists()
