"""Numbered tables with a caption, a source line and cross-reference target.

A :class:`Table` displays as MyST markdown (the book sets
``nb_render_markdown_format: myst``), wrapped in a ``{table}`` directive, so
Sphinx numbers it (表 N) and ``{numref}`` can point at it by its name. In
JupyterLab it shows as an ordinary HTML table.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

_TABLE_NAME = re.compile(r"^tbl-[a-z0-9]+(-[a-z0-9]+)*$")
# How the source line and the note begin, by the page's language (the English Abstract shows one table).
_FOOT_WORDS = {"zh": ("资料来源：", "　注："), "en": ("Source: ", " Note: ")}


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    text = str(value).replace("\n", " ")
    # Characters that would end a cell or start markup inside a pipe table.
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


@dataclass
class Table:
    """name: the cross-reference target (``tbl-ch3-sample``); caption: the table's title."""

    data: pd.DataFrame
    name: str
    caption: str
    source: str
    note: str = ""
    language: str = "zh"

    def __post_init__(self) -> None:
        if not _TABLE_NAME.match(self.name):
            raise ValueError(f"table name {self.name!r}: use tbl- followed by lower-case words and hyphens")
        if not self.caption.strip() or not self.source.strip():
            raise ValueError(f"table {self.name}: caption and source must not be empty")

    def to_markdown(self) -> str:
        header = "| " + " | ".join(_cell(c) for c in self.data.columns) + " |"
        rule = "|" + "|".join(" --- " for _ in self.data.columns) + "|"
        rows = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in self.data.itertuples(index=False)]
        lines = [f"```{{table}} {self.caption}", f":name: {self.name}", ":class: zhucun-table", "",
                 header, rule, *rows, "```", ""]
        source_word, note_word = _FOOT_WORDS[self.language]
        foot = f"{source_word}{self.source}"
        if self.note:
            foot += f"{note_word}{self.note}"
        lines.append(f"<p class=\"zhucun-chart-source\">{html.escape(foot)}</p>")
        return "\n".join(lines)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/markdown": self.to_markdown(), "text/plain": f"[表] {self.caption}"}


def show_table(data: pd.DataFrame, *, name: str, caption: str, source: str, note: str = "",
               language: str = "zh") -> Table:
    """A numbered table; display it as the last expression of a cell (*language* 'en' on the English page)."""
    return Table(data=data, name=name, caption=caption, source=source, note=note, language=language)
