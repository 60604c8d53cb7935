"""Numbers and words into the prose, through MyST-NB glue.

Every number in a sentence of the book is glued here, so the text follows the
data. Qualitative words ("过半数", "少数", "高于") are chosen from the numbers
by :mod:`zhucun.prose.wording`, never typed into the prose, so a sentence cannot
become false when other data replace the demonstration data.
"""

from __future__ import annotations

from collections.abc import Mapping

from IPython.display import Markdown
from myst_nb import glue


class PlainText(str):
    """A string whose repr is itself: glued text shows without quotes."""

    def __repr__(self) -> str:  # glue stores the text/plain repr
        return str(self)


class MystText(str):
    """Prose that is MyST markdown: glued as text/markdown, pasted with ``{glue:md}`name:myst``` (inline) or
    a ``{glue:md}`` directive with ``:format: myst`` (paragraphs, figures).

    It is how a sentence or a section that an absent questionnaire block makes
    false is replaced: the markdown may hold ``{glue}`` roles, ``{numref}`` and
    figure directives, and renders exactly as the same text typed in a cell.
    """


def glue_text(name: str, text: str) -> str:
    """Glue a piece of text for ``{glue}`name``` in the prose; returns it too."""
    glue(name, PlainText(text), display=False)
    return str(text)


def glue_all(texts: Mapping[str, object]) -> None:
    """Glue each text of *texts* ({glue name: text}) as :func:`glue_text` does.

    A chapter's analysis returns its sentences' numbers and words already
    formatted (:mod:`zhucun.number_format`, :mod:`zhucun.prose.wording`),
    so its notebook glues them all in one call. A :class:`MystText` is glued as markdown.
    """
    for name, text in texts.items():
        if isinstance(text, MystText):
            glue(name, Markdown(str(text)), display=False)
        else:
            glue_text(name, str(text))
