"""The reader sees exactly the pinned pages: every chapter page of the build, as text.

``tests/pages/<page>.txt`` holds what a reader gets from each chapter page built from the committed
data (``python -m zhucun pin-pages``, see zhucun/book/pinned_outputs.py): the article's text (prose,
headings, tables, captions, source lines), the text alternatives, and the numbers and labels each
chart draws. A refactoring must leave every page as it was; a change meant for the reader is pinned
anew in the same commit, where ``git diff tests/pages`` shows what changed. On failure the test prints
a unified diff per page. Since the snapshots came from another clean build (on another machine), this
is also the determinism check: the figure data, every random draw (seeded) and the absence of dates
leave nothing a reader sees that varies between builds.
"""

from __future__ import annotations

import difflib

import pytest

from zhucun.book.pinned_outputs import DATA_LINE, PAGES_DIR, data_digest, page_snapshots

REPIN = ("If the change is meant for the reader, run `python -m zhucun pin-pages` after `jb build .` "
         "and say in the commit what changed; if not, the change has altered what a reader sees.")


def page_differences(pinned: dict[str, str], built: dict[str, str], context: int = 2) -> str:
    """A unified diff (pinned → built) of every page that differs, pages that appeared or went included."""
    return "".join(
        "".join(difflib.unified_diff(pinned.get(name, "").splitlines(keepends=True),
                                     built.get(name, "").splitlines(keepends=True),
                                     f"pinned {PAGES_DIR / name}", f"built {name}", n=context))
        for name in sorted(set(pinned) | set(built)) if pinned.get(name) != built.get(name))


def test_page_differences_show_the_changed_sentence():
    pinned = {"a.txt": "第一句。\n第二句说了多。\n第三句。\n"}
    built = {"a.txt": "第一句。\n第二句说了少。\n第三句。\n", "b.txt": "新页。\n"}
    diff = page_differences(pinned, built)
    assert "-第二句说了多。\n+第二句说了少。\n" in diff and "+++ built b.txt" in diff and "+新页。" in diff
    assert page_differences(pinned, pinned) == ""


def test_every_chapter_page_is_the_pinned_page(built_book, book_root):
    folder = book_root / PAGES_DIR
    pinned = {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
    headers = {text.splitlines()[0] for text in pinned.values()}
    assert headers == {f"{DATA_LINE}{data_digest(book_root)}"}, (
        "the pinned pages were built from other data files: build with the data you commit, "
        "then `python -m zhucun pin-pages`")
    pinned = {name: text.split("\n", 1)[1] for name, text in pinned.items()}
    diff = page_differences(pinned, page_snapshots(built_book))
    if diff:
        pytest.fail(f"the built pages differ from the pinned ones ({PAGES_DIR}). {REPIN}\n{diff}", pytrace=False)
