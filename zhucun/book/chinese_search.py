"""Sphinx's Chinese search, indexing the book's own terms wherever they occur.

jieba's search mode splits 驻村第一书记 into 第一 / 书记 / 驻村第一书记 and
驻村工作队员 into 驻村工作队 / 员, so a reader searching 第一书记 or 工作队员
would miss the pages that use only the longer form (Sphinx matches whole index
terms, and does not split the query). Each term of ``jieba_terms.txt`` is
therefore also indexed on every page whose text contains it.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.search.zh import SearchChinese

SEARCH_TERMS = Path(__file__).resolve().parent / "jieba_terms.txt"


def book_terms(path: Path = SEARCH_TERMS) -> list[str]:
    """The words of a jieba user dictionary (first field of each line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip()]


class BookChineseSearch(SearchChinese):
    """SearchChinese with the book's dictionary, whose terms are found inside longer words too."""

    def init(self, options: dict[str, str]) -> None:
        super().init({**options, "dict": str(SEARCH_TERMS)})
        self.book_terms = book_terms()

    def split(self, input: str) -> list[str]:
        words = super().split(input)
        found = set(words)
        return words + [term for term in self.book_terms if term in input and term not in found]
