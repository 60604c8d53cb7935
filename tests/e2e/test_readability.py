"""The book's prose does not read like a form filled in again and again.

With numbers and quoted names masked (tests/e2e/prose_frames.py), no sentence frame of a page's prose
appears more than twice: a chapter that says the same sentence for every scale, cause or measure would
fail here. Source lines, tables, figure captions and notices are not prose.
"""

from __future__ import annotations

from tests.e2e.prose_frames import prose, repeated_frames
from tests.e2e.test_browser import book_pages


def test_no_sentence_frame_appears_more_than_twice_on_a_page(built_book):
    problems = {}
    for rel in book_pages(built_book):
        repeated = repeated_frames(prose((built_book / rel).read_text(encoding="utf-8")))
        if repeated:
            problems[rel] = repeated
    assert not problems, problems


def test_the_frame_of_a_sentence_masks_numbers_and_names():
    from tests.e2e.prose_frames import frame, sentences

    assert frame("它与“职能冗杂”之间 ρ 为0.60，强度较强。") == frame("它与“权责交叉”之间 ρ 为0.51，强度较强。")
    # Sentences end with 。！？; a label without one is not a sentence (nor is anything of five characters or less).
    assert sentences(["甲乙丙丁戊己。庚辛壬癸子丑！没有句号的标签"]) == ["甲乙丙丁戊己。", "庚辛壬癸子丑！"]
