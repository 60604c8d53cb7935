"""Swapping the survey file works end to end, through plain `jb build .`.

A copy of the whole book is rebuilt with other data, in each of the three
states a survey can be in: all rows synthetic, none (real data), and mixed.
Every survey number follows the new file; the 合成演示数据 notice appears on
every page reporting survey results exactly when some row is synthetic (and
counts them when mixed); and no sentence of any page contradicts the state:
none of the other states' versions of the sentences of
:mod:`zhucun.prose.data_description` appears, and with real data no page but
the appendix's account of the generator says the survey is synthetic. The
interviews keep their own state. A private file (``data/private/``) is read
instead of the committed one, and none of its respondent ids reaches any
built file. Invalid data stop the build with a message naming the file and
the row.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import BOOK_ROOT, copy_built_book
from zhucun.book.dependencies import STORE_FILE
from zhucun.data.survey import DataState
from zhucun.prose.data_description import (
    INTERVIEW_SENTENCES,
    SURVEY_SENTENCES,
    SURVEY_SENTENCES_EN,
    interview_sentence,
    notice_text,
    survey_sentence,
)

NOTICE = "zhucun-synthetic-notice"


def run(args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def jb_build(root: Path) -> subprocess.CompletedProcess:
    jb = Path(sys.executable).parent / "jb"
    return run([str(jb) if jb.exists() else "jb", "build", ".", "-W", "-n", "--keep-going"], root)


def make_survey(root: Path, n: int, seed: int, real_rows: int | None = None, target: Path | None = None) -> Path:
    """Demonstration rows; *real_rows* of them marked real (all: no synthetic column, as real data arrive)."""
    target = target or root / "data" / "survey_responses.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "zhucun", "demo-data", "--n", str(n), "--seed", str(seed), "-o", str(target)]
    result = run(command, root)
    assert result.returncode == 0, result.stderr
    if real_rows:
        frame = pd.read_csv(target, dtype=str, keep_default_na=False)
        if real_rows >= n:
            frame = frame.drop(columns="synthetic")
        else:
            frame.loc[: real_rows - 1, "synthetic"] = "0"
        frame.to_csv(target, index=False, lineterminator="\n")
    return target


def make_interviews_real(root: Path) -> None:
    target = root / "data" / "interviews_coded.csv"
    pd.read_csv(target, dtype=str, keep_default_na=False).drop(columns="synthetic").to_csv(
        target, index=False, lineterminator="\n")


def survey_pages(root: Path) -> list[Path]:
    """Built pages of the chapters that read the survey file, as their executions recorded it."""
    records = json.loads((root / "_build" / ".jupyter_cache" / STORE_FILE).read_text(encoding="utf-8"))
    return [root / "_build" / "html" / Path(notebook).with_suffix(".html")
            for notebook, used in sorted(records.items())
            if any(path.endswith("/survey_responses.csv") for path in used["files"])]


def notice_pages(root: Path, language: str = "zh") -> list[Path]:
    """Built pages of the chapters that report survey results: those whose notebook shows the notice (in
    *language*: the English Abstract shows it in English)."""
    pages = []
    for notebook in sorted((root / "chapters").glob("*.ipynb")):
        source = notebook.read_text(encoding="utf-8")
        english = 'language=\\"en\\"' in source
        if "show_synthetic_notice(" in source and english == (language == "en"):
            pages.append(root / "_build" / "html" / "chapters" / f"{notebook.stem}.html")
    return pages


def pages_without_notice(root: Path, state: DataState) -> list[str]:
    """Pages that report survey results but lack the notice of *state* in their language."""
    return [page.name for language in ("zh", "en") for page in notice_pages(root, language)
            if notice_text(state, language) not in page_text(page)]


def page_text(page: Path) -> str:
    """What a reader sees of a page: its text without markup, scripts or styles."""
    markup = page.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def chapter_texts(root: Path) -> dict[str, str]:
    return {page.stem: page_text(page) for page in sorted((root / "_build" / "html" / "chapters").glob("*.html"))}


def landing_count(root: Path) -> str:
    text = page_text(root / "_build" / "html" / "chapters" / "index.html")
    return re.search(r"当前数据文件共有\s*(\S+?)\s*份答卷", text).group(1)


def template_pattern(template: str) -> re.Pattern:
    """A sentence template of data_description as a pattern: its counts may be any number."""
    pattern = re.escape(template)
    for field in ("rows", "synthetic_rows", "real_rows"):
        pattern = pattern.replace(re.escape("{" + field + "}"), r"[0-9,]+")
    return re.compile(pattern)


def contradictions(texts: dict[str, str], table: dict[str, dict[str, str]], kind: str) -> list[str]:
    """Versions of the sentences for states other than *kind* found on any page (short fragments aside)."""
    found = []
    for context, versions in table.items():
        for other, template in versions.items():
            if other == kind or len(template) < 15 or template in versions[kind]:
                continue
            for page, text in texts.items():
                if template_pattern(template).search(text):
                    found.append(f"{page}: {context} in the {other} version")
    return found


def own_versions_missing(texts: dict[str, str], table: dict[str, dict[str, str]], kind: str) -> list[str]:
    """Contexts whose version for *kind* appears on no page (each is used somewhere in the book)."""
    everything = "\n".join(texts.values())
    return [context for context, versions in table.items()
            if len(versions[kind]) >= 15 and not template_pattern(versions[kind]).search(everything)]


def synthetic_claims(texts: dict[str, str]) -> list[str]:
    """With real survey data: sentences saying 合成 other than negations, conditionals, the interviews'
    own sentences and the appendix's account of the generator and of swapping data."""
    allowed = re.compile(r"没有合成|只要|换入|访谈|一部分行是合成|多少合成行")
    claims = []
    for page, text in texts.items():
        if page == "08_appendix":
            text = text.split("附录四")[0]  # from 附录四 on: swapping data and the generator
        for sentence in re.split(r"[。！？\n]", text):
            if "合成" in sentence and not allowed.search(sentence):
                claims.append(f"{page}: {sentence.strip()[:120]}")
    return claims


@pytest.fixture(scope="module")
def book_copy(tmp_path_factory, book_root, built_book) -> Path:
    copy = copy_built_book(book_root, tmp_path_factory.mktemp("book"))
    shutil.rmtree(copy / "data" / "private", ignore_errors=True)  # a developer's own private data stay out
    return copy


def build_ok(root: Path) -> None:
    result = jb_build(root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_real_data_without_synthetic_column(book_copy):
    make_survey(book_copy, n=203, seed=11, real_rows=203)
    build_ok(book_copy)
    pages = survey_pages(book_copy)
    assert len(pages) >= 8
    assert not [p.name for p in pages if NOTICE in p.read_text(encoding="utf-8")]
    assert landing_count(book_copy) == "203"
    texts = chapter_texts(book_copy)
    for table in (SURVEY_SENTENCES, SURVEY_SENTENCES_EN):
        assert not contradictions(texts, table, "real")
        assert not own_versions_missing(texts, table, "real")
    assert not synthetic_claims(texts)
    # the interviews are still the synthetic demonstration: their sentences say so
    assert not contradictions(texts, INTERVIEW_SENTENCES, "synthetic")
    assert interview_sentence("ch3_iv_kind", DataState("synthetic", 1, 1)) in texts["03_predicaments"]


def test_mixed_data_keep_the_notice_and_count_the_synthetic_rows(book_copy):
    make_survey(book_copy, n=150, seed=13, real_rows=40)
    make_interviews_real(book_copy)
    build_ok(book_copy)
    state = DataState("mixed", 150, 110)
    assert len(notice_pages(book_copy)) >= 6 and notice_pages(book_copy, "en")
    assert not pages_without_notice(book_copy, state)
    texts = chapter_texts(book_copy)
    for table in (SURVEY_SENTENCES, SURVEY_SENTENCES_EN):
        assert not contradictions(texts, table, "mixed")
        assert not own_versions_missing(texts, table, "mixed")
    assert survey_sentence("ch3_data_kind", state) in texts["03_predicaments"]
    # the interviews, now real, have their own state
    assert not contradictions(texts, INTERVIEW_SENTENCES, "real")
    assert interview_sentence("ch3_iv_kind", DataState("real", 20, 0)) in texts["03_predicaments"]


def test_synthetic_data_bring_the_notice_to_every_survey_page(book_copy):
    make_survey(book_copy, n=97, seed=12)
    shutil.copy(BOOK_ROOT / "data" / "interviews_coded.csv", book_copy / "data" / "interviews_coded.csv")
    build_ok(book_copy)
    assert not pages_without_notice(book_copy, DataState("synthetic", 97, 97))
    assert landing_count(book_copy) == "97"
    texts = chapter_texts(book_copy)
    for table in (SURVEY_SENTENCES, SURVEY_SENTENCES_EN):
        assert not contradictions(texts, table, "synthetic")
        assert not own_versions_missing(texts, table, "synthetic")


def test_private_file_is_read_and_no_respondent_id_is_published(book_copy):
    private = make_survey(book_copy, n=61, seed=14, real_rows=61,
                          target=book_copy / "data" / "private" / "survey_responses.csv")
    frame = pd.read_csv(private, dtype=str, keep_default_na=False)
    frame["respondent_id"] = [f"PRIVATE-{i:05d}-X" for i in range(len(frame))]  # unmistakable ids
    frame.to_csv(private, index=False, lineterminator="\n")
    try:
        build_ok(book_copy)
        assert landing_count(book_copy) == "61"
        texts = chapter_texts(book_copy)
        assert "data/private/survey_responses.csv" in texts["08_appendix"]
        leaked = []
        for path in (book_copy / "_build" / "html").rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                leaked += [f"{path.name}: {rid}" for rid in frame["respondent_id"] if rid.encode() in content]
        assert not leaked, leaked[:10]
        assert b"PRIVATE-" not in b"".join(p.read_bytes() for p in (book_copy / "_build" / "html").rglob("*.js"))
    finally:
        shutil.rmtree(book_copy / "data" / "private")


def test_invalid_data_stop_the_build_naming_file_and_row(book_copy):
    target = book_copy / "data" / "survey_responses.csv"
    frame = pd.read_csv(target, dtype=str, keep_default_na=False)
    frame.loc[4, "role"] = "village_head"  # not a code of the codebook; line 6 of the file
    frame.to_csv(target, index=False, lineterminator="\n")
    result = jb_build(book_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "survey_responses.csv" in output and "role" in output and "village_head" in output and "6" in output
