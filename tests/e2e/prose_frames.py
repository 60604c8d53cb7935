"""The prose of a built page, its sentence frames and the result numbers it states (for the readability tests).

Prose is the paragraphs and list items of the article's sections, not tables, figures, captions, notices or
chart data. A sentence ends with 。！？; a fragment without one (a list of labels) is not a sentence. Its
frame is the sentence with every number replaced by N and every quoted name by “Q”.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup

NUMBER = re.compile(r"[−\-+]?\d[\d,.]*\s*%?|\[\d+(?:[,，]\s*\d+)*\]")
QUOTED = re.compile(r"“[^“”]*(?:“[^“”]*”[^“”]*)*”")
PROSE_PARENTS = {"section", "ul", "ol", "li", "blockquote", "dl", "dd"}
SOURCE_LINE = re.compile(r"^(资料来源|来源)[:：]")
# A number that states a result: a decimal or a percentage (95% is the intervals' level, not a result).
RESULT_NUMBER = re.compile(r"(?<![\d.])\d+\.\d+%?|(?<![\d.])\d+%")


def prose(html: str) -> list[str]:
    """The page's prose paragraphs and list items, as text."""
    article = BeautifulSoup(html, "html.parser").select_one("article.bd-article")
    texts = []
    if article is None:  # a page without an article (the search page, the index of terms)
        return texts
    for element in article.find_all(["p", "li"]):
        chain = []
        for parent in element.parents:
            if parent is article:
                break
            chain.append(parent.name)
        if any(name not in PROSE_PARENTS for name in chain) or (element.name == "p" and "li" in chain):
            continue
        text = element.get_text("", strip=True)
        if text and not SOURCE_LINE.match(text):
            texts.append(text)
    return texts


def sentences(texts: list[str]) -> list[str]:
    return [s.strip() for text in texts for s in re.findall(r"[^。！？]*[。！？]", text) if len(s.strip()) > 5]


def frame(sentence: str) -> str:
    return NUMBER.sub("N", QUOTED.sub("“Q”", sentence))


def repeated_frames(texts: list[str], limit: int = 2) -> dict[str, int]:
    """Frames that occur more than *limit* times."""
    counts = Counter(frame(s) for s in sentences(texts))
    return {f: n for f, n in counts.items() if n > limit}


def repeated_numbers(texts: list[str]) -> dict[str, int]:
    """Result numbers (decimals, percentages other than 95%) stated more than once."""
    counts = Counter(n for text in texts for n in RESULT_NUMBER.findall(text) if n != "95%")
    return {n: c for n, c in counts.items() if c > 1}
