"""The questionnaire as the respondent sees it, written from ``data/codebook.yml``.

:func:`questionnaire_markdown` returns MyST markdown (the book renders a
``text/markdown`` output as MyST), so the appendix changes whenever the
codebook does. Matrix questions become tables with one row per item and one
column per answer; choice questions list their options.
"""

from __future__ import annotations

import pandas as pd

from zhucun.data.codebook import Codebook, load_codebook

_OPTION_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _escape(text: str) -> str:
    """Characters that would start markup or end a table cell in MyST."""
    for char in ("\\", "*", "_", "`", "|", "<", ">"):
        text = text.replace(char, "\\" + char)
    return text


def _options(codes) -> list[str]:
    return [f"- {letter}. {_escape(code.label)}" for letter, code in zip(_OPTION_LETTERS, codes)]


def question_markdown(codebook: Codebook, number: int) -> str:
    """One question: its wording in bold, then its options, blank or answer table."""
    question = codebook.question(number)
    lines = [f"**{question.number}. {_escape(question.text)}**", ""]
    if question.kind == "single_choice":
        lines += _options(codebook.options(number))
    elif question.kind == "fill_in":
        lines.append("答：________")
    elif question.kind == "multi_select":
        lines += [f"- □ {_escape(codebook.question_text(name))}" for name in question.variables]
    elif question.kind == "matrix":
        codes = codebook.options(number)
        header = "| 题项 | " + " | ".join(f"{c.code} {_escape(c.label)}" for c in codes) + " |"
        rule = "| --- |" + " :---: |" * len(codes)
        rows = [f"| {i}. {_escape(codebook.question_text(name))} | " + " | ".join("○" for _ in codes) + " |"
                for i, name in enumerate(question.variables, start=1)]
        lines += [header, rule, *rows]
    else:
        raise ValueError(f"question {number}: unknown kind {question.kind!r}")
    return "\n".join(lines)


def questionnaire_markdown(codebook: Codebook | None = None) -> str:
    """The whole questionnaire: title, a short note to the respondent, every question in order."""
    codebook = codebook or load_codebook()
    parts = [f"**{_escape(codebook.title)}**", "",
             _escape(codebook.introduction), ""]
    for question in codebook.questions:
        parts += [question_markdown(codebook, question.number), ""]
    return "\n".join(parts).rstrip() + "\n"


def items_per_question(codebook: Codebook | None = None) -> pd.DataFrame:
    """题号, 题型 and 变量数 (how many data columns each question fills), in questionnaire order."""
    codebook = codebook or load_codebook()
    kinds = {"single_choice": "单选", "fill_in": "填空", "matrix": "矩阵量表", "multi_select": "多选"}
    return pd.DataFrame([{"题号": f"第{q.number}题", "题型": kinds.get(q.kind, q.kind), "变量数": len(q.variables)}
                         for q in codebook.questions])
