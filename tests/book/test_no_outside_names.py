"""Nothing outside the repository is named on a reader's page (issue 23): no path to the material the book was
written from (``../shared/``, ``facts.md``, the survey contract), no absolute path of the build machine and no
BibTeX key, in any built page, in the search index or in the PDF's text.

Files of the repository itself (``data/codebook.yml``, ``zhucun/…``) may be named. A build test: it uses the
``built_book`` fixture of tests/conftest.py; the PDF's text is scanned by tests/e2e/test_pdf.py with these
functions, on the pages it has already extracted.
"""

from __future__ import annotations

import re
from pathlib import Path

from zhucun.book.chinese_search import SEARCH_TEXTS
from zhucun.paths import data_path

# Paths that exist only where the book was written, never in a reader's copy.
OUTSIDE_PATHS = (
    r"\.\./shared",
    r"(?<![\w.-])shared/",
    r"facts\.md",
    r"survey-instrument",
    r"thesis-first-half",
    r"(?<![\w.:/-])/(?:work|tmp|home|root)/",
)


def bibtex_keys(path: Path | None = None) -> list[str]:
    """The keys of data/references.bib that cannot be mistaken for a word of the text (those with a digit: the
    one key without, ``thesis``, is an ordinary English word of the Abstract page)."""
    text = (path or data_path("references.bib")).read_text(encoding="utf-8")
    return [key for key in re.findall(r"^@\w+\{([^,\s]+),", text, re.M) if re.search(r"\d", key)]


def outside_names(text: str, keys: list[str]) -> list[str]:
    """Every outside path or BibTeX key in *text*, each with a little of its context."""
    patterns = [*OUTSIDE_PATHS, *(rf"(?<![\w-]){re.escape(key)}(?![\w-])" for key in keys)]
    return [f"{match.group(0)!r} in …{text[max(0, match.start() - 60):match.end() + 60]}…"
            for pattern in patterns for match in re.finditer(pattern, text)]


def test_the_scan_finds_outside_paths_and_keys_but_not_the_repository_s_own_files():
    keys = ["xi2021speech", "zhongban2021opinion"]
    assert len(outside_names("数据契约（shared/spec/survey-instrument.md）", keys)) == 2
    assert outside_names("见 ../shared/facts.md 与 /work/main/data", keys)
    assert outside_names("大会上的讲话见 xi2021speech", keys)
    assert not outside_names("data/codebook.yml、zhucun/data/provenance.py 与 data/private/survey_responses.csv",
                             keys)
    assert not outside_names("a shared platform; xi2021speechless", keys)


def test_every_key_of_the_bibliography_is_scanned_but_the_word_thesis():
    keys = bibtex_keys()
    assert "xi2021speech" in keys and "zhongban2021opinion" in keys and "thesis" not in keys
    assert len(keys) == len(set(keys)) > 30


def test_no_built_page_or_search_index_names_an_outside_file_or_a_bibtex_key(built_book):
    keys = bibtex_keys()
    files = [*sorted(built_book.rglob("*.html")), built_book / "searchindex.js", built_book / "_static" / SEARCH_TEXTS]
    assert (built_book / "searchindex.js").is_file() and (built_book / "_static" / SEARCH_TEXTS).is_file()
    found = {str(path.relative_to(built_book)): hits for path in files
             if (hits := outside_names(path.read_text(encoding="utf-8", errors="replace"), keys))}
    assert not found, found
