"""No personal data in data/: phone numbers, ID-card numbers, e-mail addresses or identifying columns.

The scanners are also run on planted examples so a broken pattern cannot pass silently.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from zhucun.data.validation import decode_bytes

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_CARD = re.compile(
    r"(?<![\dA-Za-z])[1-9]\d{5}"  # region code
    r"(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # date of birth
    r"\d{3}[\dXx](?![\dA-Za-z])"  # sequence number and check digit
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Column names that identify people; matched on whole words for the English ones.
IDENTIFYING_WORDS = {"name", "names", "phone", "mobile", "tel", "telephone", "ip", "email", "mail", "address", "idcard"}
IDENTIFYING_CHINESE = ("姓名", "名字", "手机", "电话", "身份证", "邮箱", "住址", "地址", "来自IP", "IP地址")

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# Reviewed exceptions, each with why it is not personal data. Keep this list short;
# renaming the column is the better fix (asked of the file's owner).
REVIEWED_COLUMNS: dict[tuple[str, str], str] = {}


def text_problems(text: str) -> list[str]:
    found = []
    for label, pattern in (("mobile number", MOBILE), ("ID-card number", ID_CARD), ("e-mail address", EMAIL)):
        found += [f"{label}: {match}" for match in pattern.findall(text)]
    return found


def column_problems(header: list[str]) -> list[str]:
    found = []
    for column in header:
        words = {word.lower() for word in re.split(r"[^A-Za-z]+", column) if word}
        if words & IDENTIFYING_WORDS or any(token in column for token in IDENTIFYING_CHINESE):
            found.append(f"identifying column: {column}")
    return found


def scan(path: Path) -> list[str]:
    data = path.read_bytes()
    try:
        text, _ = decode_bytes(data, str(path))
    except Exception:
        text = data.decode("utf-8", errors="replace")
    problems = text_problems(text)
    if path.suffix.lower() == ".csv" and text.strip():
        header = [c for c in next(csv.reader(io.StringIO(text))) if (path.name, c) not in REVIEWED_COLUMNS]
        problems += column_problems(header)
    return [f"{path.name}: {problem}" for problem in problems]


@pytest.mark.parametrize("path", sorted(p for p in DATA_DIR.rglob("*") if p.is_file()), ids=lambda p: p.name)
def test_data_file_has_no_personal_data(path):
    assert scan(path) == []


def test_scanners_catch_planted_personal_data(tmp_path):
    planted = tmp_path / "planted.csv"
    planted.write_text("respondent_id,姓名,phone_number,来自IP\n"
                       "R001,张三,13812345678,110101199003071234\nR002,李四,x@example.com,1\n", encoding="utf-8")
    problems = " | ".join(scan(planted))
    for expected in ("13812345678", "110101199003071234", "x@example.com", "姓名", "phone_number", "来自IP"):
        assert expected in problems


def test_scanners_leave_contract_columns_alone():
    assert column_problems(["respondent_id", "time_paperwork", "dispatch_level", "m_duty_list", "tenure_months"]) == []
    assert text_problems("R001,2083,5471,20230811") == []
