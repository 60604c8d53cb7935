"""Swapping the survey file: every data state gives true pages, and plain `jb build .` follows the swap.

In each of the states a survey can be in (all rows synthetic, none: real data, and mixed), every
chapter is analysed in a copy of the book holding the new file (tests/e2e/analysed_book.py puts each
page's prose together from its notebook and its analysis). Every survey number follows the new file;
the 合成演示数据 notice is shown on every page reporting survey results exactly when some row is
synthetic (and counts them when mixed); and no sentence of any page contradicts the state: none of the
other states' versions of the sentences of :mod:`zhucun.prose.data_description` appears, and with real
data no page but the appendix's account of the generator says the survey is synthetic. The interviews
keep their own state. A private file (``data/private/``) is read instead of the committed one, and none
of its respondent ids reaches any result. Invalid data stop a chapter with a message naming the file,
the column, the value and the row.

One rebuild (the only one of the test suite) then proves it end to end on the built book: with mixed
data in a private file, real interviews and a changed CSV of cases, plain ``jb build .`` of a copy of
the built book re-executes exactly the chapters whose recorded dependencies changed (the rebuild
rules, tests/book/test_rebuilds.py), every survey page shows the mixed notice with its count, no page
contradicts the state, and no respondent id reaches any built file.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from tests.book.test_rebuilds import REGIONAL_READERS, crlf_in_place, executed_chapters, stale_chapters
from tests.conftest import copy_built_book
from tests.e2e.analysed_book import CHAPTERS, analyse_all, copy_book, page_prose, values
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


def build_ok(root: Path) -> str:
    result = jb_build(root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def make_survey(root: Path, n: int, seed: int, real_rows: int | None = None, target: Path | None = None) -> Path:
    """Demonstration rows; *real_rows* of them marked real (all: no synthetic column, as real data arrive)."""
    from zhucun.data.synthetic import demo_data_main

    target = target or root / "data" / "survey_responses.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert demo_data_main(["--n", str(n), "--seed", str(seed), "-o", str(target)]) == 0
    if real_rows:
        frame = pd.read_csv(target, dtype=str, keep_default_na=False)
        if real_rows >= n:
            frame = frame.drop(columns="synthetic")
        else:
            frame.loc[: real_rows - 1, "synthetic"] = "0"
        frame.to_csv(target, index=False, lineterminator="\n")
    return target


def make_private(root: Path, n: int, seed: int, real_rows: int) -> list[str]:
    """A private survey file with unmistakable respondent ids; returns the ids."""
    private = make_survey(root, n=n, seed=seed, real_rows=real_rows,
                          target=root / "data" / "private" / "survey_responses.csv")
    frame = pd.read_csv(private, dtype=str, keep_default_na=False)
    frame["respondent_id"] = [f"PRIVATE-{i:05d}-X" for i in range(len(frame))]
    frame.to_csv(private, index=False, lineterminator="\n")
    return list(frame["respondent_id"])


def make_interviews_real(root: Path) -> None:
    target = root / "data" / "interviews_coded.csv"
    pd.read_csv(target, dtype=str, keep_default_na=False).drop(columns="synthetic").to_csv(
        target, index=False, lineterminator="\n")


def notice_stems(root: Path, language: str = "zh") -> list[str]:
    """The chapters that report survey results: those whose notebook shows the notice (in *language*: the
    English Abstract shows it in English)."""
    stems = []
    for notebook in sorted((root / "chapters").glob("*.ipynb")):
        source = notebook.read_text(encoding="utf-8")
        english = 'language=\\"en\\"' in source
        if "show_synthetic_notice(" in source and english == (language == "en"):
            stems.append(notebook.stem)
    return stems


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


def assert_state_is_told(texts: dict[str, str], kind: str) -> None:
    for table in (SURVEY_SENTENCES, SURVEY_SENTENCES_EN):
        assert not contradictions(texts, table, kind)
        assert not own_versions_missing(texts, table, kind)


# -- every data state, at the level of the analyses ------------------------------------------------

@pytest.fixture
def book(tmp_path, book_root, monkeypatch) -> Path:
    """A copy of the book's sources and data, as the working directory (the data paths resolve there)."""
    copy = copy_book(book_root, tmp_path / "book")
    monkeypatch.chdir(copy)
    return copy


def analysed(book: Path) -> tuple[dict[str, object], dict[str, str]]:
    """Every chapter's result and page prose, from the data files of *book*."""
    results = analyse_all()
    return results, {stem: page_prose(stem, result, book) for stem, result in results.items()}


def assert_notice(results: dict[str, object], book: Path, state: DataState) -> None:
    """Every page reporting survey results knows the state, and so shows the notice exactly when some row is
    synthetic (the notice's text, with its counts, is the state's)."""
    stems = notice_stems(book) + notice_stems(book, "en")
    assert len(notice_stems(book)) >= 6 and notice_stems(book, "en")
    assert {stem: results[stem].survey_state for stem in stems} == {stem: state for stem in stems}
    for language in ("zh", "en"):
        text = notice_text(state, language)
        assert bool(text) == state.has_synthetic
        if state.kind == "mixed":
            assert str(state.synthetic_rows) in text


def test_real_data_without_synthetic_column(book):
    make_survey(book, n=203, seed=11, real_rows=203)
    results, texts = analysed(book)
    assert_notice(results, book, DataState("real", 203, 0))
    assert results["index"].texts["home_n"] == "203"
    assert_state_is_told(texts, "real")
    assert not synthetic_claims(texts)
    # the interviews are still the synthetic demonstration: their sentences say so
    assert not contradictions(texts, INTERVIEW_SENTENCES, "synthetic")
    assert interview_sentence("ch3_iv_kind", DataState("synthetic", 1, 1)) in texts["03_predicaments"]


def test_mixed_data_keep_the_notice_and_count_the_synthetic_rows(book):
    make_survey(book, n=150, seed=13, real_rows=40)
    make_interviews_real(book)
    results, texts = analysed(book)
    state = DataState("mixed", 150, 110)
    assert_notice(results, book, state)
    assert_state_is_told(texts, "mixed")
    assert survey_sentence("ch3_data_kind", state) in texts["03_predicaments"]
    # the interviews, now real, have their own state
    assert not contradictions(texts, INTERVIEW_SENTENCES, "real")
    assert interview_sentence("ch3_iv_kind", DataState("real", 20, 0)) in texts["03_predicaments"]


def test_synthetic_data_bring_the_notice_to_every_survey_page(book):
    make_survey(book, n=97, seed=12)
    results, texts = analysed(book)
    assert_notice(results, book, DataState("synthetic", 97, 97))
    assert results["index"].texts["home_n"] == "97"
    assert_state_is_told(texts, "synthetic")


def test_private_file_is_read_and_no_respondent_id_reaches_a_result(book):
    ids = make_private(book, n=61, seed=14, real_rows=61)
    results, texts = analysed(book)
    assert results["index"].texts["home_n"] == "61"
    assert "data/private/survey_responses.csv" in texts["08_appendix"]
    everything = "\n".join(text for result in results.values() for _, text in values(result))
    assert "PRIVATE-" not in everything, [rid for rid in ids if rid in everything][:10]


def test_invalid_data_stop_a_chapter_naming_file_column_value_and_row(book):
    target = book / "data" / "survey_responses.csv"
    frame = pd.read_csv(target, dtype=str, keep_default_na=False)
    frame.loc[4, "role"] = "village_head"  # not a code of the codebook; line 6 of the file
    frame.to_csv(target, index=False, lineterminator="\n")
    # As the build runs it: the chapter's notebook executed in its folder, here the front page.
    notebook = nbformat.read(book / "chapters" / "index.ipynb", as_version=4)
    with pytest.raises(CellExecutionError) as error:
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(book / "chapters")}}).execute()
    output = str(error.value)
    assert "survey_responses.csv" in output and "role" in output and "village_head" in output and "6" in output


# -- the one rebuild: the pages follow the swap ----------------------------------------------------

def page_text(page: Path) -> str:
    """What a reader sees of a page: its text without markup, scripts or styles."""
    markup = page.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def survey_pages(root: Path) -> list[Path]:
    """Built pages of the chapters that read the survey file, as their executions recorded it."""
    records = json.loads((root / "_build" / ".jupyter_cache" / STORE_FILE).read_text(encoding="utf-8"))
    return [root / "_build" / "html" / Path(notebook).with_suffix(".html")
            for notebook, used in sorted(records.items())
            if any(path.endswith("/survey_responses.csv") for path in used["files"])]


@pytest.fixture(scope="module")
def swapped_build(tmp_path_factory, book_root, built_book) -> tuple[Path, list[str], list[str], str]:
    """A copy of the built book with mixed data in a private file, real interviews and a changed CSV of
    cases, rebuilt by plain `jb build .`; returns the copy, the private ids, the chapters the dependency
    records said were stale before the build, and the build's log."""
    copy = copy_built_book(book_root, tmp_path_factory.mktemp("book"))
    shutil.rmtree(copy / "data" / "private", ignore_errors=True)  # a developer's own private data stay out
    assert stale_chapters(copy) == []
    ids = make_private(copy, n=150, seed=13, real_rows=40)
    make_interviews_real(copy)
    crlf_in_place(copy / "data" / "regional_experience.csv")
    stale = stale_chapters(copy)
    return copy, ids, stale, build_ok(copy)


def test_the_rebuild_executes_exactly_the_chapters_whose_dependencies_changed(swapped_build):
    copy, _, stale, log = swapped_build
    assert executed_chapters(log) == stale
    assert set(REGIONAL_READERS) < set(stale) and "07_references" not in stale
    assert {page.stem for page in survey_pages(copy)} <= set(stale)


def test_the_rebuilt_pages_follow_the_mixed_private_data(swapped_build):
    copy, _, _, _ = swapped_build
    state = DataState("mixed", 150, 110)
    html_dir = copy / "_build" / "html" / "chapters"
    texts = {page.stem: page_text(page) for page in sorted(html_dir.glob("*.html"))}
    assert len(survey_pages(copy)) >= 8
    missing = [stem for language in ("zh", "en") for stem in notice_stems(copy, language)
               if NOTICE not in (html_dir / f"{stem}.html").read_text(encoding="utf-8")
               or notice_text(state, language) not in texts[stem]]
    assert not missing, f"pages without the mixed data's notice: {missing}"
    assert re.search(r"当前数据文件共有\s*150\s*份答卷", texts["index"])
    assert "data/private/survey_responses.csv" in texts["08_appendix"]
    assert_state_is_told(texts, "mixed")
    assert interview_sentence("ch3_iv_kind", DataState("real", 20, 0)) in texts["03_predicaments"]


def test_no_respondent_id_of_the_private_file_reaches_a_built_file(swapped_build):
    copy, ids, _, _ = swapped_build
    leaked = []
    for path in (copy / "_build" / "html").rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            leaked += [f"{path.name}: {rid}" for rid in ids if rid.encode() in content]
    assert not leaked, leaked[:10]
    assert not [p.name for p in (copy / "_build" / "html").rglob("*") if p.is_file() and b"PRIVATE-" in p.read_bytes()]


def test_every_chapter_is_analysed(book_root):
    assert set(CHAPTERS) == {p.stem for p in (book_root / "chapters").glob("*.ipynb")}
