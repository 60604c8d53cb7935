"""The demonstration generator: deterministic, valid, and following its stated model.

Benchmark note (not a test, measured once on the 2-core dev machine):
``python -m zhucun demo-data --n 1000000 --seed 1 -o /tmp/big.csv`` took about
11 s wall time (155 MB file).
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import yaml

from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_interviews, load_survey
from zhucun.data.synthetic import generate_survey, load_assumptions, write_csv
from zhucun.data.validation import validate_file
from zhucun.stats.likert import scale_scores

COMMITTED_SEED = 20230811


def _run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "zhucun", *args], cwd=cwd, capture_output=True, text=True)


def test_same_arguments_give_byte_identical_files(tmp_path, book_root):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (first, second):
        assert _run("demo-data", "--n", "57", "--seed", "3", "-o", str(path), cwd=book_root).returncode == 0
    data = first.read_bytes()
    assert data == second.read_bytes()
    assert b"\r" not in data and b"." not in data.split(b"\n", 1)[1], "'\\n' line ends and no floats"


def test_different_seed_gives_different_data(tmp_path):
    a, b = generate_survey(40, 1), generate_survey(40, 2)
    assert not a.equals(b)


def test_committed_survey_file_equals_documented_command(tmp_path, book_root):
    assert load_assumptions()["seed_of_committed_files"] == COMMITTED_SEED
    out = tmp_path / "survey.csv"
    result = _run("demo-data", "--n", "124", "--seed", str(COMMITTED_SEED), "-o", str(out), cwd=book_root)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (book_root / "data" / "survey_responses.csv").read_bytes()


def test_committed_interviews_file_equals_documented_command(tmp_path, book_root):
    out = tmp_path / "interviews.csv"
    result = _run("demo-interviews", "--n", "20", "--seed", str(COMMITTED_SEED), "-o", str(out), cwd=book_root)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (book_root / "data" / "interviews_coded.csv").read_bytes()


def test_committed_files_validate(book_root):
    survey = load_survey(book_root / "data" / "survey_responses.csv")
    assert len(survey) == 124 and (survey["synthetic"] == 1).all()
    interviews = load_interviews(book_root / "data" / "interviews_coded.csv")
    assert list(interviews["interview_id"][:2]) == ["I01", "I02"] and len(interviews) == 20
    assert (interviews["synthetic"] == 1).all()


def test_small_n_is_valid(tmp_path):
    path = write_csv(generate_survey(10, 99), tmp_path / "ten.csv")
    frame = validate_file(path).frame
    assert len(frame) == 10 and list(frame["respondent_id"][:2]) == ["R001", "R002"]


def test_model_structure_is_visible_in_a_large_sample():
    codebook = load_codebook()
    frame = generate_survey(20_000, 7)
    time_counts = frame[list(codebook.of_type("multi_select_option"))].sum(axis=1)
    assert time_counts.between(1, 3).all()
    # Non-response only on likert items, at about the stated rate.
    likert = list(codebook.of_type("likert"))
    assert frame.drop(columns=likert).notna().all().all()
    rate = frame[likert].isna().mean().mean()
    assert abs(rate - load_assumptions()["item_nonresponse_rate"]) < 0.005
    # Items of one scale correlate more with each other than with an unrelated scale's items.
    numeric = frame[likert].astype("float64")
    within = numeric["p1_beyond_duties"].corr(numeric["p1_paperwork"])
    across = numeric["p1_beyond_duties"].corr(numeric["p3_funds"])
    assert within > across + 0.15
    # c1 drives p1 more than c3 does (the thesis's main path), stated in the assumptions.
    scores = scale_scores(frame.astype({name: "Float64" for name in likert}), codebook)
    assert scores["c1"].corr(scores["p1"]) > scores["c3"].corr(scores["p1"])
    # The sample over-represents first secretaries relative to 2083/5471.
    assert (frame["role"] == "first_secretary").mean() > 2083 / 5471 + 0.1
    # Paperwork is chosen more often by those with high p1.
    high_p1 = scores["p1"] > scores["p1"].median()
    assert frame.loc[high_p1, "time_paperwork"].mean() > frame.loc[~high_p1, "time_paperwork"].mean()
    assert frame["tenure_months"].between(0, 60).all()


def test_assumptions_file_says_it_is_not_findings(book_root):
    text = (book_root / "data" / "synthetic_assumptions.yml").read_text(encoding="utf-8")
    assert "ASSUMPTION" in text and "不是调查结果" in text
    correlation = np.array(yaml.safe_load(text)["causes"]["correlation"])
    assert np.allclose(correlation, correlation.T) and np.all(np.linalg.eigvalsh(correlation) > 0)


def test_invalid_n_is_rejected():
    with pytest.raises(ValueError):
        generate_survey(0, 1)
