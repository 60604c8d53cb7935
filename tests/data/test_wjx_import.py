"""Importing 问卷星 exports: realistic fixtures built from the codebook, round trip and bad cases."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from openpyxl import Workbook

from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_survey
from zhucun.data.validation import SurveyValidationError
from zhucun.data.wjx_import import convert_export, import_wjx

CODEBOOK = load_codebook()
METADATA = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
N = 5


def expected_codes() -> list[dict[str, str]]:
    """What each fixture respondent answered, as contract codes."""
    rows = []
    for i in range(N):
        row = {}
        for variable in CODEBOOK.variables:
            if variable.type in ("code", "ordered_code", "likert"):
                codes = [str(c.code) for c in variable.codes]
                row[variable.name] = codes[(i * 3 + len(variable.name)) % len(codes)]
            elif variable.type == "integer":
                row[variable.name] = str(6 * i + 1)
            elif variable.type == "multi_select_option":
                position = CODEBOOK.question(variable.question).variables.index(variable.name)
                row[variable.name] = "1" if position in (i % 8, (i + 2) % 8) else "0"
        rows.append(row)
    rows[1]["p2_substitution"] = ""  # skipped item
    return rows


def export_table(time_as_columns: bool = False) -> list[list[object]]:
    """Header and answer rows the way wjx.cn writes them (按选项文本)."""
    header, getters = list(METADATA), []
    for question in CODEBOOK.questions:
        names = question.variables
        if question.kind == "matrix":
            for name in names:
                header.append(f"{question.number}({CODEBOOK.question_text(name)})")
                getters.append(lambda row, name=name: CODEBOOK.labels(name)[int(row[name])] if row[name] else "(跳过)")
        elif question.kind == "multi_select" and time_as_columns:
            for name in names:
                header.append(f"{question.number}({CODEBOOK.question_text(name)})")
                getters.append(lambda row, name=name: int(row[name]))
        elif question.kind == "multi_select":
            header.append(f"{question.number}、{question.text}")
            getters.append(lambda row, names=names: "┋".join(
                CODEBOOK.question_text(n) + ("〖驻村值班〗" if n == "time_other" else "")
                for n in names if row[n] == "1"))
        else:
            name = names[0]
            header.append(f"{question.number}、{question.text}")
            if question.kind == "fill_in":
                getters.append(lambda row, name=name: int(row[name]))
            else:
                getters.append(lambda row, name=name: CODEBOOK.labels(name)[
                    int(row[name]) if CODEBOOK.variable(name).type == "likert" else row[name]])
    header.append("总分")
    rows = [header]
    for i, row in enumerate(expected_codes()):
        metadata = [i + 1, "2023/9/1 10:00:00", "300秒", "手机提交", "直接访问", f"10.0.0.{i}(某省-某市)"]
        rows.append(metadata + [get(row) for get in getters] + [0])
    return rows


def write_xlsx(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path, rows, encoding="gbk"):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


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
    assert_round_trip(import_wjx(export, out))
    loaded = load_survey(out)
    assert len(loaded) == N and loaded["p2_substitution"].isna().sum() == 1
    text = out.read_text(encoding="utf-8")
    assert "10.0.0." not in text and "提交答卷时间" not in text and "总分" not in text


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_csv_round_trip(tmp_path, encoding):
    export = write_csv(tmp_path / "export.csv", export_table(), encoding)
    assert_round_trip(convert_export(export))


def test_respondent_id_taken_from_question_when_present(tmp_path):
    rows = export_table()
    rows[0].insert(6, "问卷编号")
    for i, row in enumerate(rows[1:]):
        row.insert(6, f"JX-{i + 10}")
    frame = convert_export(write_xlsx(tmp_path / "e.xlsx", rows))
    assert list(frame["respondent_id"]) == [f"JX-{i + 10}" for i in range(N)]


def _error(tmp_path, rows) -> str:
    export = write_xlsx(tmp_path / "bad.xlsx", rows)
    out = tmp_path / "out.csv"
    with pytest.raises(SurveyValidationError) as caught:
        import_wjx(export, out)
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
    assert_round_trip(convert_export(write_xlsx(tmp_path / "e.xlsx", rows)))


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
