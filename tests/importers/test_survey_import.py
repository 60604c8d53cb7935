"""`python -m zhucun import`: every form round-trips to the same contract file; every bad input is reported."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pyreadstat
import pytest
import yaml

from tests.importers import export_forms as forms
from zhucun.__main__ import SUBCOMMANDS
from zhucun.data.codebook import load_codebook
from zhucun.data.validation import SurveyValidationError, validate_file
from zhucun.importers.survey_import import convert_survey, detect_form, format_report, import_survey

CODEBOOK = load_codebook()
SHIPPED = forms.shipped()
ROWS = SHIPPED.to_dict("records")


def _write(kind, path):
    """The shipped answers in one source form; returns (file, crosswalk or None)."""
    walk = forms.own_crosswalk()
    makers = {
        "wjx_text.xlsx": lambda: forms.write_xlsx(path, forms.wjx_table(ROWS)),
        "wjx_text.csv": lambda: forms.write_csv(path, forms.wjx_table(ROWS, time_as_columns=True), "gbk"),
        "wjx_numbers.xlsx": lambda: forms.write_xlsx(path, forms.wjx_table(ROWS, "numbers")),
        "wjx_numbers.csv": lambda: forms.write_csv(path, forms.wjx_table(ROWS, "numbers"), "utf-8-sig"),
        "labelled.sav": lambda: forms.write_labelled(path, SHIPPED),
        "reversed.sav": lambda: forms.write_labelled(path, SHIPPED, reverse_agreement=True),
        "names_only.sav": lambda: forms.write_labelled(path, SHIPPED, labels=False),
        "contract_names.sav": lambda: forms.write_labelled(path, SHIPPED, names="contract", labels=False),
        "labelled.dta": lambda: forms.write_labelled(path, SHIPPED),
        "own.xlsx": lambda: forms.write_xlsx(path, forms.crosswalk_table(SHIPPED, walk), title="问卷数据"),
        "own.csv": lambda: forms.write_csv(path, forms.crosswalk_table(SHIPPED, walk), "gbk"),
    }
    made = makers[kind]()
    crosswalk = forms.write_crosswalk(path.parent / "map.yml", walk) if kind.startswith("own") else None
    return made, crosswalk


FORMS = {"wjx_text.xlsx": "wjx_text", "wjx_text.csv": "wjx_text", "wjx_numbers.xlsx": "wjx_numeric",
         "wjx_numbers.csv": "wjx_numeric", "labelled.sav": "sav", "reversed.sav": "sav", "names_only.sav": "sav",
         "contract_names.sav": "sav", "labelled.dta": "dta", "own.xlsx": "crosswalk", "own.csv": "crosswalk"}


@pytest.mark.parametrize("kind", FORMS)
def test_every_form_round_trips_to_the_same_bytes(tmp_path, kind):
    source, crosswalk = _write(kind, tmp_path / kind)
    out = tmp_path / "survey_responses.csv"
    result = import_survey(source, out, crosswalk)
    assert result.form == FORMS[kind]
    assert out.read_bytes() == forms.contract_bytes(SHIPPED, tmp_path)


def test_reverse_coded_spss_is_read_through_its_labels(tmp_path):
    normal = forms.write_labelled(tmp_path / "normal.sav", SHIPPED)
    flipped = forms.write_labelled(tmp_path / "flipped.sav", SHIPPED, reverse_agreement=True)
    data, _, labels = forms.labelled(SHIPPED, reverse_agreement=True)
    assert labels["Q8_1"][1] == "非常同意" and labels["Q8_1"][5] == "非常不同意"
    assert (data["Q8_1"] != forms.labelled(SHIPPED)[0]["Q8_1"]).any()  # the numbers do differ
    pd.testing.assert_frame_equal(convert_survey(normal).frame, convert_survey(flipped).frame)


def test_spss_variables_matched_by_label_else_by_name(tmp_path):
    labelled = convert_survey(forms.write_labelled(tmp_path / "a.sav", SHIPPED))
    named = convert_survey(forms.write_labelled(tmp_path / "b.sav", SHIPPED, labels=False))
    assert {m.variable: (m.source, m.how) for m in labelled.matched}["p1_fragmented"] == ("Q8_3", "wording")
    assert {m.variable: (m.source, m.how) for m in named.matched}["role"] == ("Q1", "name")


def test_form_is_told_by_content_not_name(tmp_path):
    sav = forms.write_labelled(tmp_path / "a.sav", SHIPPED)
    disguised = tmp_path / "export.csv"
    disguised.write_bytes(sav.read_bytes())
    assert detect_form(disguised) == "sav"
    xlsx = forms.write_xlsx(tmp_path / "b.xlsx", forms.wjx_table(ROWS))
    (tmp_path / "b.csv").write_bytes(xlsx.read_bytes())
    assert convert_survey(tmp_path / "b.csv").form == "wjx_text"
    old_stata = tmp_path / "old.dta"
    forms.write_labelled(tmp_path / "new.dta", SHIPPED)
    data, _, value_labels = forms.labelled(SHIPPED, labels=False)  # old releases cut long variable labels
    pyreadstat.write_dta(data, str(old_stata), version=12, variable_value_labels=value_labels)
    assert old_stata.read_bytes()[:1] == b"s" and detect_form(old_stata) == "dta"
    assert convert_survey(old_stata).frame.equals(convert_survey(tmp_path / "new.dta").frame)


def test_crosswalk_with_a_block_not_asked_leaves_its_columns_out(tmp_path):
    walk = forms.own_crosswalk(not_asked=("p3", "time_use"))
    table = forms.crosswalk_table(SHIPPED, walk)
    source = forms.write_xlsx(tmp_path / "own.xlsx", table)
    out = tmp_path / "out.csv"
    result = import_survey(source, out, forms.write_crosswalk(tmp_path / "map.yml", walk))
    absent = CODEBOOK.block("p3").variables + CODEBOOK.block("time_use").variables
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert not set(absent) & set(header) and "p4_evaluation" in header
    assert out.read_bytes() == forms.contract_bytes(SHIPPED.drop(columns=list(absent)), tmp_path)
    assert result.not_asked == ("p3", "time_use")
    assert len(validate_file(out).frame) == len(SHIPPED)
    assert "（p3）" in format_report(result, out) and "（time_use）" in format_report(result, out)


def test_example_crosswalk_imports_its_sheet(tmp_path):
    walk = yaml.safe_load(forms.EXAMPLE_CROSSWALK.read_text(encoding="utf-8"))
    assert any(entry.get("reverse") for entry in walk["columns"].values()) and walk["not_asked"]
    source = forms.write_xlsx(tmp_path / "mine.xlsx", forms.crosswalk_table(SHIPPED, walk), title="调查表")
    out = tmp_path / "out.csv"
    import_survey(source, out, forms.EXAMPLE_CROSSWALK)
    absent = [name for block in walk["not_asked"] for name in CODEBOOK.block(block).variables]
    assert out.read_bytes() == forms.contract_bytes(SHIPPED.drop(columns=absent), tmp_path)


def test_cli_prints_what_it_did_and_import_wjx_is_the_same_command(tmp_path):
    assert SUBCOMMANDS["import-wjx"][0] == SUBCOMMANDS["import"][0]
    source = forms.write_labelled(tmp_path / "a.sav", SHIPPED.assign(extra="x"))
    run = subprocess.run([sys.executable, "-m", "zhucun", "import", str(source), "-o", str(tmp_path / "o.csv")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    row = next(line for line in lines if line.startswith("p1_paperwork "))
    assert "Q8_2" in row and "问卷题目文字" in row and row.split()[-1] == str((SHIPPED["p1_paperwork"] != "").sum())
    assert any("未使用的来源列" in line and "extra" in line for line in lines)
    assert any("未调查的题块" in line and "无" in line for line in lines)


# --------------------------------------------------------------------------- bad input

def _problems(tmp_path, source, crosswalk=None, sheet=None) -> str:
    out = tmp_path / "out.csv"
    with pytest.raises(SurveyValidationError) as caught:
        import_survey(source, out, crosswalk, sheet)
    assert not out.exists(), "nothing is written when there is a problem"
    assert source.name in str(caught.value)
    return str(caught.value)


def test_spss_value_without_label_names_variable_case_and_labels(tmp_path):
    data, column_labels, value_labels = forms.labelled(SHIPPED)
    data.loc[2, "Q2"] = 9
    del value_labels["Q8_1"][3]
    source = tmp_path / "bad.sav"
    forms.save_labelled(source, data, column_labels, value_labels)
    message = _problems(tmp_path, source)
    assert "变量 Q2" in message and "第3个个案 '9'" in message and "1=男; 2=女" in message
    assert "第一个个案为1" in message and "value without a value label" in message
    third = [i + 1 for i, code in enumerate(SHIPPED["p1_beyond_duties"]) if code == "3"]
    assert f"第{third[0]}个个案 '3'" in message  # both problems reported at once


def test_two_source_columns_matching_one_variable(tmp_path):
    source = tmp_path / "twice.sav"
    data, column_labels, value_labels = forms.labelled(SHIPPED)
    data["gender"] = data["Q2"]  # the contract name and 问卷星's name for the same question
    value_labels["gender"] = value_labels["Q2"]
    forms.save_labelled(source, data, column_labels, value_labels)
    assert "several source columns match gender: Q2, gender" in _problems(tmp_path, source)


def test_crosswalk_naming_what_does_not_exist(tmp_path):
    walk = forms.own_crosswalk()
    table = forms.crosswalk_table(SHIPPED, walk)
    walk["columns"]["不存在的列"] = {"variable": "p2_funds"}
    walk["columns"]["驻村身份"]["codes"][2] = "deputy"
    walk["columns"]["总体压力"]["codes"] = {"大": 6, "小": 1}
    walk["columns"]["另一列"] = walk["columns"].pop("性别")
    walk["columns"]["身份"] = {"variable": "role"}
    table = [row + [row[table[0].index("驻村身份")]] for row in table]
    table[0][-1] = "身份"
    source = forms.write_xlsx(tmp_path / "own.xlsx", table)
    message = _problems(tmp_path, source, forms.write_crosswalk(tmp_path / "map.yml", walk))
    assert "no contract variable p2_funds" in message and "p3_funds" in message  # with a suggestion
    assert "codes outside the codebook: 2: deputy" in message and "大: 6" in message
    assert "the crosswalk names a column that is not in the file: '另一列'" in message
    assert "第3列“性别”未写入对照表" in message  # the column the crosswalk no longer lists
    assert "several source columns match role: 驻村身份, 身份" in message
    assert "map.yml" in message


def test_crosswalk_not_asked_identity_or_unknown_block_and_unmapped_variable(tmp_path):
    walk = forms.own_crosswalk()
    walk["not_asked"] = ["gender", "p9", "p1_paperwork"]
    del walk["columns"]["考核重痕迹"]
    source = forms.write_csv(tmp_path / "own.csv", forms.crosswalk_table(SHIPPED, walk))
    message = _problems(tmp_path, source, forms.write_crosswalk(tmp_path / "map.yml", walk))
    assert "gender is an identity variable and cannot be declared not asked" in message
    assert "no block p9 in the codebook" in message and "p1, p2, p3" in message
    assert "p1_paperwork is in block p1" in message
    assert "neither mapped nor in a not_asked block: question 8, p4_evaluation" in message


def test_crosswalk_cells_outside_its_codes_name_column_row_value(tmp_path):
    walk = forms.own_crosswalk()
    table = forms.crosswalk_table(SHIPPED, walk)
    column = table[0].index("驻村身份")
    table[4][column] = "村支书"
    source = forms.write_xlsx(tmp_path / "own.xlsx", table)
    message = _problems(tmp_path, source, forms.write_crosswalk(tmp_path / "map.yml", walk))
    assert "列“驻村身份”（→ role）" in message and "第5行 '村支书'" in message and "允许 / allowed: 1、2" in message
    assert "工作表“Sheet”中的行号" in message


def test_xlsx_sheets(tmp_path):
    table = forms.wjx_table(ROWS)
    source = forms.write_xlsx(tmp_path / "sheets.xlsx", table, title="答卷",
                              more_sheets={"说明": [["导出说明"]], "空表": []})
    message = _problems(tmp_path, source)
    assert "有2个工作表含数据（答卷、说明）" in message and "--sheet" in message and "“空表”" in message
    assert convert_survey(source, sheet="答卷").frame.equals(convert_survey(
        forms.write_xlsx(tmp_path / "one.xlsx", table)).frame)
    assert "没有名为“答案”的工作表" in _problems(tmp_path, source, sheet="答案")
    only = forms.write_xlsx(tmp_path / "only.xlsx", [[], [], *table], more_sheets={"空表": []})
    assert len(convert_survey(only).frame) == len(SHIPPED)  # the one sheet with data is read
    lower = [[], [], *table]
    lower[5][table[0].index("2、您的性别：")] = "保密"
    message = _problems(tmp_path, forms.write_xlsx(tmp_path / "lower.xlsx", lower))
    assert "表头为第3行" in message and "第6行 '保密'" in message  # the sheet's own row numbers
    assert "工作表都没有数据" in _problems(tmp_path, forms.write_xlsx(tmp_path / "blank.xlsx", []))


@pytest.mark.parametrize("content, expected", [
    (b"", "文件为空 / the file is empty"),
    (b"  \r\n", "文件为空 / the file is empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "encrypted"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "unrecognised binary file"),
])
def test_unreadable_files(tmp_path, content, expected):
    source = tmp_path / "upload.xlsx"
    source.write_bytes(content)
    message = _problems(tmp_path, source)
    assert expected in message
    if expected == "encrypted":
        assert "加密" in message and "另存为.xlsx" in message and ".xls" in message


def test_numeric_export_column_mixing_numbers_and_texts(tmp_path):
    table = forms.wjx_table(ROWS, "numbers")
    column = next(i for i, text in enumerate(table[0]) if str(text).startswith("4、"))
    table[6][column] = "本科"
    message = _problems(tmp_path, forms.write_xlsx(tmp_path / "mixed.xlsx", table))
    assert f"第{column + 1}列 '{table[0][column]}'" in message and "mixes option numbers and option texts" in message
    assert "第7行 '本科'" in message


def test_own_table_without_crosswalk_asks_for_one(tmp_path):
    walk = forms.own_crosswalk()
    source = forms.write_csv(tmp_path / "own.csv", forms.crosswalk_table(SHIPPED, walk))
    assert "--map" in _problems(tmp_path, source)
    sav = forms.write_labelled(tmp_path / "a.sav", SHIPPED)
    assert "apply to xlsx or csv only" in _problems(tmp_path, sav, forms.write_crosswalk(tmp_path / "m.yml", walk))


def test_spss_name_and_label_pointing_at_different_questions(tmp_path):
    data, column_labels, value_labels = forms.labelled(SHIPPED)
    column_labels["Q1"] = CODEBOOK.question(2).text
    source = tmp_path / "crossed.sav"
    forms.save_labelled(source, data, column_labels, value_labels)
    message = _problems(tmp_path, source)
    assert "the name points at role but the label at gender" in message
