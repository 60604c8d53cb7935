"""Loading the survey and interview data for the book's chapters.

    >>> from zhucun.data.survey import load_survey, is_synthetic
    >>> from zhucun.stats.likert import scale_scores
    >>> survey = load_survey()            # data/survey_responses.csv, validated and typed
    >>> scores = scale_scores(survey)     # one column per scale (p1 … p4, c1 … c4, g1 … g4)

Real responses usually may not be published. When ``data/private/survey_responses.csv``
exists (the folder is git-ignored), the book reads it instead of the committed
demonstration file; see :func:`survey_path`.

Loading goes through :func:`zhucun.data.validation.validate_file`, the same check
as ``python -m zhucun validate``, so a chapter never computes on a file that
breaks the codebook. Measured once on the 2-core dev machine: 100,000 rows
(49 columns) validated and loaded in about 1.9 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from zhucun.data.codebook import Block, Codebook, Scale, load_codebook
from zhucun.data.validation import SurveyValidationError, UnknownColumnWarning, validate_file
from zhucun.paths import data_dir, data_path

SURVEY_FILE = "survey_responses.csv"
INTERVIEWS_FILE = "interviews_coded.csv"
PRIVATE_FOLDER = "private"
DATA_KINDS = ("synthetic", "real", "mixed")


def survey_path() -> Path:
    """The survey file the book reads: ``data/private/survey_responses.csv`` when it exists, else ``data/``'s.

    The folders are listed rather than tested with ``exists``: the build's
    dependency recorder notes listings, so a private file that appears (or goes)
    later re-executes every chapter that loaded the survey.
    """
    folder = data_dir()
    return private_survey_path(folder) or folder / SURVEY_FILE


def private_survey_path(folder: Path | None = None) -> Path | None:
    """``private/survey_responses.csv`` of *folder* (default: the book's data/) when it exists, else None."""
    folder = folder or data_dir()
    if PRIVATE_FOLDER in os.listdir(folder) and SURVEY_FILE in os.listdir(folder / PRIVATE_FOLDER):
        return folder / PRIVATE_FOLDER / SURVEY_FILE
    return None


def survey_file_label() -> str:
    """The survey file the book reads, as a source line names it (relative to the book root)."""
    return survey_path().relative_to(data_dir().parent).as_posix()


def is_private(path: Path | str) -> bool:
    """Whether *path* is the private survey file (its rows are never published; the data dictionary shows only
    its size, the state of its rows and a prefix of its digest, so a reader can tell which file a build read)."""
    return Path(path).resolve().parent.name == PRIVATE_FOLDER


def load_survey(path: Path | str | None = None) -> pd.DataFrame:
    """The validated, typed survey (default: :func:`survey_path`).

    Raises :class:`zhucun.data.validation.SurveyValidationError` listing every
    problem when the file breaks the codebook. Columns the codebook does not
    know are left out (with a warning). The index holds the file's line numbers.
    The rows come sorted by respondent id, so nothing computed from them depends on the
    order of the file's rows (the same responses give the same book).
    """
    codebook = load_codebook()
    return _canonical(validate_file(path or survey_path(), codebook.variables, codebook).frame, "respondent_id")


def load_interviews(path: Path | str | None = None) -> pd.DataFrame:
    """The validated, typed coded interviews (default: ``data/interviews_coded.csv``)."""
    codebook = load_codebook()
    return _canonical(validate_file(path or data_path(INTERVIEWS_FILE), codebook.interview_variables, codebook).frame,
                      "interview_id")


def _canonical(frame: pd.DataFrame, id_column: str) -> pd.DataFrame:
    """The rows in the order of their (validated, unique) ids: independent of the file's row order."""
    return frame.sort_values(id_column, key=lambda ids: ids.astype("object").astype(str), kind="stable")


@dataclass(frozen=True)
class DataState:
    """What a data file is made of: all synthetic rows, none (real data), or a mix.

    Every sentence of the book that describes the survey or the interviews is
    chosen from this, so it stays true when real rows replace the demonstration.
    """
    kind: str            # one of DATA_KINDS
    rows: int
    synthetic_rows: int

    @property
    def real_rows(self) -> int:
        return self.rows - self.synthetic_rows

    @property
    def has_synthetic(self) -> bool:
        """Some rows are synthetic: the notice is shown and nothing may be called a finding."""
        return self.kind != "real"


def data_state(frame: pd.DataFrame) -> DataState:
    """The state of a loaded survey or interview frame, from its optional ``synthetic`` column."""
    rows = len(frame)
    synthetic_rows = int((frame["synthetic"].astype("Int8") == 1).sum()) if "synthetic" in frame.columns else 0
    if synthetic_rows == 0:
        kind = "real"
    elif synthetic_rows == rows:
        kind = "synthetic"
    else:
        kind = "mixed"
    return DataState(kind, rows, synthetic_rows)


def is_synthetic(frame: pd.DataFrame) -> bool:
    """True when any row is synthetic (all or mixed): the pages show the synthetic-data notice."""
    return data_state(frame).has_synthetic


def not_asked_blocks(frame: pd.DataFrame, codebook: Codebook | None = None) -> tuple[Block, ...]:
    """The codebook blocks whose columns the survey lacks: parts its questionnaire did not ask."""
    return coverage(frame, codebook).not_asked()


def asked(frame: pd.DataFrame, block_id: str) -> bool:
    """Whether the survey holds the block's answers (its columns are present)."""
    return coverage(frame).asked(block_id)


@dataclass(frozen=True)
class Coverage:
    """Which optional parts (codebook blocks) of the questionnaire a survey holds.

    The one place the chapters ask what they may analyse: a scale whose block
    was not asked is left out of every analysis, and a block's absence is named
    by :func:`zhucun.prose.data_description.not_asked_sentence`.
    """
    codebook: Codebook
    columns: frozenset[str]

    def asked(self, block_id: str) -> bool:
        # Validation accepts a block whole or not at all, so one column tells.
        return bool(set(self.codebook.block(block_id).variables) & self.columns)

    def not_asked(self, *block_ids: str) -> tuple[Block, ...]:
        """Those of *block_ids* (default: every block) the survey lacks, in codebook order."""
        wanted = set(block_ids) or {block.id for block in self.codebook.blocks}
        return tuple(block for block in self.codebook.blocks if block.id in wanted and not self.asked(block.id))

    def scale_block(self, scale_id: str) -> Block | None:
        """The block of a scale's items (None: always asked)."""
        return self.codebook.block_of(self.codebook.scale_items(scale_id)[0])

    def scale_asked(self, scale_id: str) -> bool:
        block = self.scale_block(scale_id)
        return block is None or self.asked(block.id)

    def scales(self, kind: str | None = None) -> tuple[Scale, ...]:
        """The asked scales of *kind* (default: all kinds), in codebook order."""
        return tuple(scale for scale in self.codebook.scales(kind) if self.scale_asked(scale.id))

    def scales_not_asked(self, kind: str) -> tuple[Block, ...]:
        """The blocks of the scales of *kind* the survey lacks."""
        return tuple(self.scale_block(scale.id) for scale in self.codebook.scales(kind)
                     if not self.scale_asked(scale.id))

    def pressure_model_not_asked(self) -> tuple[Block, ...]:
        """The absent blocks that stop the ordinal model of overall pressure (chapter 三, cited by the appendix):
        its outcome, question 10, or every manifestation scale (its predictors)."""
        scales = self.scales_not_asked("manifestation")
        return self.not_asked("overall_pressure") + (scales if not self.scales("manifestation") else ())


def coverage(frame: pd.DataFrame, codebook: Codebook | None = None) -> Coverage:
    """What the survey *frame* asked of the codebook's optional blocks."""
    return Coverage(codebook or load_codebook(), frozenset(frame.columns))


STATE_WORDS = {"synthetic": "全部为合成演示数据 / all rows synthetic",
               "real": "没有合成行（真实数据） / no synthetic rows (real data)",
               "mixed": "部分为合成演示数据 / mixed"}


def validate_main(argv: list[str]) -> int:
    """``python -m zhucun validate [FILE]``: exit 0 with a summary, or 1 with every problem.

    Without FILE it checks the file the book reads (:func:`survey_path`).
    """
    parser = argparse.ArgumentParser(prog="zhucun validate", description="校验数据文件 / validate a data file")
    parser.add_argument("file", nargs="?", help="默认为本书读取的问卷文件 / default: the survey file the book reads")
    args = parser.parse_args(argv)
    path = args.file or str(survey_path())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnknownColumnWarning)
        try:
            result = validate_file(path)
        except SurveyValidationError as error:
            print(str(error), file=sys.stderr)
            return 1
    for warning in caught:
        print(f"警告 / WARNING: {warning.message}", file=sys.stderr)
    state = data_state(result.frame)
    mix = f"（其中 {state.synthetic_rows} 行合成 / {state.synthetic_rows} synthetic）" if state.kind == "mixed" else ""
    print(f"校验通过 / valid: {path} — {state.rows} 行 / rows, {STATE_WORDS[state.kind]}{mix}, "
          f"编码 / encoding {result.encoding}")
    if "respondent_id" in result.frame.columns:
        missing = not_asked_blocks(result.frame)
        if missing:
            print("未调查的题块（文件中没有这些列） / blocks not asked (their columns are absent): "
                  + "；".join(f"{block.name}（{block.id}）" for block in missing))
    return 0
