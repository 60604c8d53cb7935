"""Search finds what is there: any phrase of two or more Chinese characters, and any Latin word,
that a page's text holds finds that page, and the pages holding the exact phrase come first.

Hundreds of phrases are drawn at random (fixed seed) from the built pages' own text and put,
in Chromium, through the search page's own pipeline (Sphinx's query parsing and full-text
search with the book's bigram splitter and exact-phrase ranking), the same calls the search
box makes. The page is opened from file://, as a reader opens an unzipped copy.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from zhucun.book.chinese_search import page_text

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])")
DRAWS = {"han": 300, "latin": 60}

RUN_QUERY = """(query) => {
  const [q, terms, excluded, highlight, objects] = Search._parseQuery(query);
  return Search._performSearch(q, terms, excluded, highlight, objects).map(r => r[0]).reverse();
}"""


def page_texts(html_dir) -> dict[str, str]:
    """docname → the text of its article, as the reader sees it."""
    return {page.relative_to(html_dir).with_suffix("").as_posix(): page_text(page.read_text(encoding="utf-8"))
            for page in sorted(html_dir.rglob("*.html"))
            if not page.relative_to(html_dir).parts[0].startswith("_") and page.stem not in ("genindex", "search")
            and "bd-article" in page.read_text("utf-8")}


def holds(text: str, query: str) -> bool:
    """A Chinese phrase anywhere; a Latin word as a word (case aside), as a reader searching it means."""
    if LATIN_WORD.fullmatch(query):
        return re.search(rf"(?<![A-Za-z0-9_]){re.escape(query)}(?![A-Za-z0-9_])", text, re.I) is not None
    return query.lower() in text.lower()


def draw_queries(texts: dict[str, str], seed: int = 20261202) -> list[str]:
    rng = random.Random(seed)
    runs = sorted({run for text in texts.values() for run in HAN_RUN.findall(text)})
    phrases = set()
    while len(phrases) < DRAWS["han"]:
        run = rng.choice(runs)
        length = rng.randint(2, min(8, len(run)))
        start = rng.randint(0, len(run) - length)
        phrases.add(run[start:start + length])
    words = sorted({word for text in texts.values() for word in LATIN_WORD.findall(text)})
    return sorted(phrases) + rng.sample(words, min(DRAWS["latin"], len(words)))


@pytest.fixture(scope="module")
def search_page(browser, built_book):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((built_book / "search.html").as_uri(), wait_until="load")
    page.wait_for_function("typeof Search !== 'undefined' && Search.hasIndex()")
    yield page, errors
    page.close()


def test_every_drawn_phrase_finds_every_page_holding_it_exact_pages_first(search_page, built_book):
    page, errors = search_page
    texts = page_texts(built_book)
    assert len(texts) >= 10
    queries = draw_queries(texts)
    results = page.evaluate(f"(queries) => queries.map({RUN_QUERY})", queries)
    missed, badly_ranked = [], []
    for query, found in zip(queries, results, strict=True):
        holding = {doc for doc, text in texts.items() if holds(text, query)}
        ranked = list(dict.fromkeys(found))  # one entry per page, best first
        if not holding <= set(ranked):
            missed.append(f"{query}: {sorted(holding - set(ranked))}")
        elif set(ranked[:len(holding)]) != holding:
            badly_ranked.append(f"{query}: {ranked[:len(holding)]} before {sorted(holding)}")
    assert not errors
    assert not missed, f"{len(missed)} of {len(queries)} queries missed pages: {missed[:10]}"
    assert not badly_ranked, badly_ranked[:10]


@pytest.mark.parametrize("term", ["碎片化", "权责交叉", "多重管理", "职能泛化", "评价错位", "离任交接", "权力清单",
                                  "职责清单", "帮扶交流平台", "问卷星", "J省"])
def test_the_books_own_terms_are_found(search_page, built_book, term):
    page, _ = search_page
    holding = {doc for doc, text in page_texts(built_book).items() if holds(text, term)}
    assert holding, f"no page holds {term}"
    assert holding <= set(page.evaluate(RUN_QUERY, term))


def test_the_search_box_shows_results_from_file(search_page, built_book, browser):
    page = browser.new_page()
    page.goto((built_book / "search.html").as_uri() + "?q=" + "离任交接", wait_until="load")
    page.wait_for_selector("#search-results ul.search li a", timeout=30_000)
    assert page.eval_on_selector_all("#search-results ul.search li a", "els => els.length") > 0
    page.close()


def test_search_index_sizes_are_reported(built_book):
    """The index and the ranking texts stay small (numbers printed for the README)."""
    index = (built_book / "searchindex.js").stat().st_size
    texts = (built_book / "_static" / "zhucun-search-texts.js").stat().st_size
    print(json.dumps({"searchindex.js": index, "zhucun-search-texts.js": texts}))
    assert index < 600_000 and texts < 600_000
