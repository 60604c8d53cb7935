"""Importing 问卷星 exports by option text: round trip and bad cases (fixtures: tests/importers/export_forms.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.importers.export_forms import N, expected_codes, export_table, write_csv, write_xlsx
from zhucun.data.survey import load_survey
from zhucun.data.validation import SurveyValidationError
from zhucun.importers.survey_import import convert_survey, import_survey


def assert_round_trip(frame):
    expected = expected_codes()
    assert list(frame["respondent_id"]) == [f"R{i:03d}" for i in range(1, N + 1)]
    for name in expected[0]:
        assert list(frame[name]) == [row[name] for row in expected], name
    assert "synthetic" not in frame.columns


@pytest.mark.parametrize("time_as_columns", [False, True])
def test_xlsx_round_trip(tmp_path, time_as_columns):
    export = write_xlsx(tmp_path / "export.xlsx", export_table(time_as_columns))
    out = tmp_path / "survey.csv"
    assert_round_trip(import_survey(export, out).frame)
    loaded = load_survey(out)
    assert len(loaded) == N and loaded["p2_substitution"].isna().sum() == 1
    text = out.read_text(encoding="utf-8")
    assert "10.0.0." not in text and "提交答卷时间" not in text and "总分" not in text


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_csv_round_trip(tmp_path, encoding):
    export = write_csv(tmp_path / "export.csv", export_table(), encoding)
    assert_round_trip(convert_survey(export).frame)


def test_respondent_id_taken_from_question_when_present(tmp_path):
    rows = export_table()
    rows[0].insert(6, "问卷编号")
    for i, row in enumerate(rows[1:]):
        row.insert(6, f"JX-{i + 10}")
    frame = convert_survey(write_xlsx(tmp_path / "e.xlsx", rows)).frame
    assert list(frame["respondent_id"]) == [f"JX-{i + 10}" for i in range(N)]


def _error(tmp_path, rows) -> str:
    export = write_xlsx(tmp_path / "bad.xlsx", rows)
    out = tmp_path / "out.csv"
    with pytest.raises(SurveyValidationError) as caught:
        import_survey(export, out)
    assert not out.exists(), "nothing is written when there is an error"
    assert "bad.xlsx" in str(caught.value)
    return str(caught.value)


def _column(rows, prefix):
    return next(i for i, text in enumerate(rows[0]) if str(text).startswith(prefix))


def test_unknown_answer_text_is_reported(tmp_path):
    rows = export_table()
    gender = _column(rows, "2、")
    rows[3][gender] = "保密"
    message = _error(tmp_path, rows)
    assert "第4行 '保密'" in message and "男、女" in message and f"第{gender + 1}列" in message


def test_unknown_multi_select_option_is_reported(tmp_path):
    rows = export_table()
    time = _column(rows, "11、")
    rows[2][time] = "迎检督查┋开会"
    message = _error(tmp_path, rows)
    assert "第3行 '开会'" in message and "迎检督查" in message


def test_wording_mismatch_and_unmatched_question(tmp_path):
    rows = export_table()
    rows[0][_column(rows, "2、")] = "2、您每月的收入是多少？"
    rows[0].append("13、您还有什么建议？")
    for row in rows[1:]:
        row.append("无")
    message = _error(tmp_path, rows)
    assert "题号2相符但题目文字不符" in message and "您的性别" in message
    assert "没有第13题" in message
    assert "missing from the export: question 2, gender" in message


def test_unrecognised_matrix_row_and_column(tmp_path):
    rows = export_table()
    rows[0][_column(rows, "8(我承担")] = "8(我每天都很开心)"
    rows[0][_column(rows, "来源详情")] = "备注"
    message = _error(tmp_path, rows)
    assert "'8(我每天都很开心)'" in message and "'备注'" in message


def test_headers_tolerate_colons_and_annotations(tmp_path):
    rows = export_table()
    rows[0][_column(rows, "2、")] = "2、您的性别:"
    rows[0][_column(rows, "11、")] = "11、您的工作时间主要花在哪些事务上？【多选题】"
    assert_round_trip(convert_survey(write_xlsx(tmp_path / "e.xlsx", rows)).frame)


def test_converted_values_are_validated_too(tmp_path):
    rows = export_table()
    rows[2][_column(rows, "7、")] = 75
    message = _error(tmp_path, rows)
    assert "列 tenure_months" in message and "第3行 '75'" in message


def test_cli_exit_status(tmp_path):
    good = write_xlsx(tmp_path / "e.xlsx", export_table())

    def run(*args):
        return subprocess.run([sys.executable, "-m", "zhucun", "import-wjx", *args], capture_output=True, text=True)

    ok = run(str(good), "-o", str(tmp_path / "o.csv"))
    assert ok.returncode == 0, ok.stderr
    rows = export_table()
    rows[1][_column(rows, "1、")] = "村支书"
    bad = run(str(write_xlsx(tmp_path / "b.xlsx", rows)), "-o", str(tmp_path / "o2.csv"))
    assert bad.returncode == 1 and "村支书" in bad.stderr and not (tmp_path / "o2.csv").exists()
