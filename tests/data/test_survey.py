"""Which survey file the book reads, and what its rows are: synthetic, real or mixed."""

from __future__ import annotations

import pandas as pd
import pytest

from zhucun.data.survey import (
    PRIVATE_FOLDER,
    SURVEY_FILE,
    data_state,
    is_private,
    is_synthetic,
    not_asked_blocks,
    survey_file_label,
    survey_path,
)


def frame_with(flags):
    return pd.DataFrame({"respondent_id": [f"R{i}" for i in range(len(flags))],
                         "synthetic": pd.array(flags, dtype="Int8")})


@pytest.mark.parametrize(("flags", "kind", "synthetic_rows"), [
    ([1, 1, 1], "synthetic", 3),   # all
    ([0, 0, 0], "real", 0),        # none
    ([1, 0, 0], "mixed", 1),       # one
    ([1, 1, 0], "mixed", 2),       # all but one
    ([1], "synthetic", 1),         # a single synthetic row is all rows
    ([0], "real", 0),
])
def test_state_at_none_some_and_all(flags, kind, synthetic_rows):
    state = data_state(frame_with(flags))
    assert (state.kind, state.rows, state.synthetic_rows) == (kind, len(flags), synthetic_rows)
    assert state.real_rows == len(flags) - synthetic_rows
    assert state.has_synthetic == (kind != "real") == is_synthetic(frame_with(flags))


def test_no_synthetic_column_is_real_data():
    state = data_state(pd.DataFrame({"respondent_id": ["R1", "R2"]}))
    assert state.kind == "real" and not state.has_synthetic


def test_empty_frame_is_real_with_no_rows():
    assert data_state(frame_with([])).kind == "real"


def test_private_file_is_read_when_it_exists(tmp_path, monkeypatch):
    (tmp_path / "_toc.yml").write_text("format: jb-book\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / SURVEY_FILE).write_text("x\n")
    monkeypatch.chdir(tmp_path)
    assert survey_path() == tmp_path / "data" / SURVEY_FILE and survey_file_label() == f"data/{SURVEY_FILE}"
    (tmp_path / "data" / PRIVATE_FOLDER).mkdir()
    assert survey_path() == tmp_path / "data" / SURVEY_FILE  # an empty private folder changes nothing
    (tmp_path / "data" / PRIVATE_FOLDER / SURVEY_FILE).write_text("x\n")
    assert survey_path() == tmp_path / "data" / PRIVATE_FOLDER / SURVEY_FILE
    assert survey_file_label() == f"data/{PRIVATE_FOLDER}/{SURVEY_FILE}"
    assert is_private(survey_path()) and not is_private(tmp_path / "data" / SURVEY_FILE)


def test_private_folder_is_git_ignored(book_root):
    assert "data/private/" in (book_root / ".gitignore").read_text().splitlines()


def test_not_asked_blocks_are_those_without_columns():
    from zhucun.data.codebook import load_codebook
    codebook = load_codebook()
    present = [name for name in codebook.names if name not in codebook.block("c4").variables]
    blocks = not_asked_blocks(pd.DataFrame(columns=present), codebook)
    assert [block.id for block in blocks] == ["c4"]
    assert not not_asked_blocks(pd.DataFrame(columns=list(codebook.names)), codebook)
