"""Validation of data files: every bad case is reported with file, column, line and allowed values.

Fixtures are written to tmp_path from the codebook, never committed blobs.
"""

from __future__ import annotations

import subprocess
import sys
import warnings

import pandas as pd
import pytest

from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_survey
from zhucun.data.validation import (
    LINE_NUMBER_NOTE,
    SurveyValidationError,
    UnknownColumnWarning,
    decode_bytes,
    validate_file,
)

CODEBOOK = load_codebook()
TIME = list(CODEBOOK.of_type("multi_select_option"))


def valid_rows(n: int = 6) -> list[dict[str, str]]:
    """*n* valid respondents as text, cycling through each variable's allowed values."""
    rows = []
    for i in range(n):
        row = {}
        for variable in CODEBOOK.variables:
            if variable.type == "id":
                row[variable.name] = f"R{i + 1:03d}"
            elif variable.type == "multi_select_option":
                row[variable.name] = "1" if TIME.index(variable.name) in (i % 8, (i + 3) % 8) else "0"
            elif variable.name == "synthetic":
                row[variable.name] = "0"
            else:
                allowed = variable.allowed_text
                row[variable.name] = allowed[(i * 7) % len(allowed)]
        rows.append(row)
    rows[1]["p1_funds" if "p1_funds" in rows[1] else "p3_funds"] = ""  # item non-response is fine
    return rows


def write(path, rows, columns=None, encoding="utf-8", newline="\n"):
    columns = columns or list(rows[0])
    lines = [",".join(columns)] + [",".join(row.get(c, "") for c in columns) for row in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def problems_of(path) -> str:
    with pytest.raises(SurveyValidationError) as caught:
        validate_file(path)
    message = str(caught.value)
    assert str(path) in message and LINE_NUMBER_NOTE in message
    return message


def test_valid_file_loads_typed(tmp_path):
    frame = load_survey(write(tmp_path / "ok.csv", valid_rows()))
    assert len(frame) == 6 and list(frame.index) == [2, 3, 4, 5, 6, 7]
    assert str(frame["p1_beyond_duties"].dtype) == "Int64"
    assert frame["p3_funds"].isna().sum() == 1
    assert isinstance(frame["age_group"].dtype, pd.CategoricalDtype) and frame["age_group"].cat.ordered
    assert list(frame["age_group"].cat.categories) == ["under_30", "30_39", "40_49", "50_plus"]
    assert not frame["role"].cat.ordered
    assert str(frame["time_paperwork"].dtype) == "Int8" and str(frame["tenure_months"].dtype) == "Int64"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "文件为空" in problems_of(path)


def test_header_only(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text(",".join(CODEBOOK.names) + "\n", encoding="utf-8")
    assert "没有数据行" in problems_of(path)


def test_missing_required_column(tmp_path):
    columns = [c for c in CODEBOOK.names if c != "gender"]
    message = problems_of(write(tmp_path / "f.csv", valid_rows(), columns))
    assert "missing required column: gender" in message


def test_missing_optional_synthetic_column_is_fine(tmp_path):
    columns = [c for c in CODEBOOK.names if c != "synthetic"]
    assert "synthetic" not in validate_file(write(tmp_path / "f.csv", valid_rows(), columns)).frame


def test_unknown_column_warns_and_is_left_out(tmp_path):
    rows = valid_rows()
    for row in rows:
        row["备注"] = "无"
    with pytest.warns(UnknownColumnWarning, match="备注"):
        result = validate_file(write(tmp_path / "f.csv", rows))
    assert "备注" not in result.frame.columns and result.unknown_columns == ("备注",)


def test_code_not_in_codebook(tmp_path):
    rows = valid_rows()
    rows[2]["dispatch_level"] = "county"
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert "列 dispatch_level" in message and "第4行 'county'" in message
    assert "central=中央单位" in message  # what is allowed, from the codebook


@pytest.mark.parametrize("bad", ["6", "3.5", "abc", "0", " 3"])
def test_agreement_value_outside_scale(tmp_path, bad):
    rows = valid_rows()
    rows[0]["p2_substitution"] = bad
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert "列 p2_substitution" in message and f"第2行 '{bad}'" in message and "5=非常同意" in message


def test_many_bad_values_are_counted(tmp_path):
    rows = valid_rows(12)
    for row in rows:
        row["m_whistle"] = "9"
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert "共12处 / 12 in all" in message


def test_duplicate_ids_report_all_rows(tmp_path):
    rows = valid_rows()
    rows[1]["respondent_id"] = rows[4]["respondent_id"] = rows[0]["respondent_id"]
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert "编号重复" in message and "'R001' 见第2, 3, 6行" in message


@pytest.mark.parametrize("column", ["respondent_id", "role", "tenure_months"])
def test_empty_identity_cell(tmp_path, column):
    rows = valid_rows()
    rows[3][column] = ""
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert f"列 {column}：此列不允许留空" in message and "第5行" in message


def test_more_than_three_time_answers(tmp_path):
    rows = valid_rows()
    for position, name in enumerate(TIME):
        rows[2][name] = "1" if position < 5 else "0"
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert "最多选3项" in message and "第4行选了5项" in message
    assert message.count("最多选3项") == 1


@pytest.mark.parametrize("bad", ["2", "", "yes"])
def test_time_cell_not_zero_one(tmp_path, bad):
    rows = valid_rows()
    rows[0]["time_other"] = bad
    assert "列 time_other" in problems_of(write(tmp_path / "f.csv", rows))


@pytest.mark.parametrize("bad", ["61", "-1", "12.5", "十二"])
def test_tenure_out_of_range_or_not_integer(tmp_path, bad):
    rows = valid_rows()
    rows[0]["tenure_months"] = bad
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert f"第2行 '{bad}'" in message and "0–60" in message


def test_synthetic_not_zero_one(tmp_path):
    rows = valid_rows()
    rows[0]["synthetic"] = "2"
    assert "列 synthetic" in problems_of(write(tmp_path / "f.csv", rows))


def test_all_problems_reported_at_once(tmp_path):
    rows = valid_rows()
    rows[0]["role"] = "boss"
    rows[1]["p1_paperwork"] = "7"
    rows[2]["synthetic"] = "x"
    message = problems_of(write(tmp_path / "f.csv", rows))
    assert all(column in message for column in ("列 role", "列 p1_paperwork", "列 synthetic"))


def test_ragged_rows_are_errors(tmp_path):
    path = write(tmp_path / "f.csv", valid_rows())
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = ",".join(lines[3].split(",")[:10])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "第4行" in problems_of(path)


# --------------------------------------------------------------------------- encodings

def _rows_with_chinese_note():
    rows = valid_rows()
    for row in rows:
        row["备注"] = "驻村工作队员填写"
    return rows


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_accepted_encodings_and_line_ends(tmp_path, encoding, newline):
    path = write(tmp_path / "f.csv", _rows_with_chinese_note(), encoding=encoding, newline=newline)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownColumnWarning)
        result = validate_file(path)
    assert result.encoding == encoding and len(result.frame) == 6
    assert result.frame["respondent_id"].iloc[0] == "R001"  # no BOM glued to the first header


def test_utf16_is_an_error(tmp_path):
    path = write(tmp_path / "f.csv", valid_rows(), encoding="utf-16")
    assert "UTF-16" in problems_of(path)


def test_latin1_text_is_an_error(tmp_path):
    rows = valid_rows()
    for row in rows:
        row["respondent_id"] = row["respondent_id"] + "-Müller-Gerät-Ärger-Ölçüm"
    path = write(tmp_path / "f.csv", rows, encoding="latin-1")
    assert "无法识别文件编码" in problems_of(path)


def test_binary_is_an_error(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(bytes(range(256)) * 4)
    assert "二进制" in problems_of(path) or "无法识别" in problems_of(path)


def test_decode_bytes_detects_not_guesses():
    text = "编号,身份\nR001,第一书记\n"
    assert decode_bytes(text.encode("gbk"), "x.csv") == (text, "gbk")
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "x.csv") == (text, "utf-8-sig")


# --------------------------------------------------------------------------- CLI

def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "zhucun", "validate", *args], cwd=cwd, capture_output=True, text=True)


def test_cli_valid_file_one_line_summary(tmp_path):
    result = _cli(str(write(tmp_path / "ok.csv", valid_rows())), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1 and "6 行 / rows" in result.stdout
    assert "no synthetic rows (real data)" in result.stdout


def test_cli_bad_file_exits_1_and_warns_unknown(tmp_path):
    rows = valid_rows()
    for row in rows:
        row["extra"] = "x"
    ok = _cli(str(write(tmp_path / "ok.csv", rows)), cwd=tmp_path)
    assert ok.returncode == 0 and "WARNING" in ok.stderr and "extra" in ok.stderr
    rows[0]["gender"] = "unknown"
    bad = _cli(str(write(tmp_path / "bad.csv", rows)), cwd=tmp_path)
    assert bad.returncode == 1 and "列 gender" in bad.stderr and "bad.csv" in bad.stderr


# --- blocks a questionnaire may not have asked ---------------------------------------------------------------

def test_a_wholly_absent_block_is_not_asked(tmp_path):
    left_out = [*CODEBOOK.block("p3").variables, *CODEBOOK.block("time_use").variables,
                *CODEBOOK.block("countermeasures").variables]
    rows = valid_rows()
    columns = [name for name in rows[0] if name not in left_out]
    frame = validate_file(write(tmp_path / "asked_less.csv", rows, columns)).frame
    assert not set(left_out) & set(frame.columns)
    assert "p1_paperwork" in frame.columns and len(frame) == len(rows)


def test_a_partly_absent_block_is_an_error_naming_block_and_columns(tmp_path):
    rows = valid_rows()
    columns = [name for name in rows[0] if name not in ("p3_funds", "time_other")]
    message = problems_of(write(tmp_path / "damaged.csv", rows, columns))
    assert "p3" in message and "p3_funds" in message
    assert "time_use" in message and "time_other" in message
    # each missing column is reported once, as part of its block
    assert "missing required column: p3_funds" not in message


def test_identity_columns_are_never_optional(tmp_path):
    rows = valid_rows()
    columns = [name for name in rows[0] if name != "role"]
    assert "missing required column: role" in problems_of(write(tmp_path / "no_role.csv", rows, columns))


def test_validate_reports_not_asked_blocks(tmp_path):
    rows = valid_rows()
    columns = [name for name in rows[0] if name not in CODEBOOK.block("c2").variables]
    result = _cli(str(write(tmp_path / "c2.csv", rows, columns)), cwd=tmp_path)
    assert result.returncode == 0 and "c2" in result.stdout and "not asked" in result.stdout
