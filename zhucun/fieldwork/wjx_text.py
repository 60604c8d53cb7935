"""The questionnaire as the plain text that 问卷星 (wjx.cn) turns into a questionnaire ("文本导入").

Layout written here: the title on the first line, the introduction on the
second, then one paragraph per question, separated by a blank line: the line
``N. 题目[题型]`` with 题型 one of 单选题, 多选题, 矩阵量表题, 填空题, followed by one
option per line; a matrix question has its answer labels on one line
(separated by spaces) and then one row statement per line.

Source of these rules: none found. Searching public documentation (the
``search`` tool, corpora docs and pages, 2026-12-07) found 问卷星's open API
pages but no description of the text-import format; the layout above is the
one the book's issue 24 describes, and must be checked against 问卷星's own
import preview before fielding. What does not depend on it: question numbers
and the wording of questions, options and rows are exactly the codebook's,
which is what the importer (:mod:`zhucun.importers.wjx_import`) matches 问卷星's
exports on. The limit of three choices of the multi-select question is in its
wording; whether the text import also sets it is not documented, so the
researcher sets 最多选3项 in 问卷星's editor (附录一 says so).
"""

from __future__ import annotations

from zhucun.data.codebook import Codebook

KINDS = {"single_choice": "单选题", "multi_select": "多选题", "matrix": "矩阵量表题", "fill_in": "填空题"}


def wjx_text(codebook: Codebook) -> str:
    """The whole questionnaire as 问卷星 import text (lines end with a newline)."""
    parts = [f"{codebook.title}\n{codebook.introduction}"]
    for question in codebook.questions:
        lines = [f"{question.number}. {question.text}[{KINDS[question.kind]}]"]
        if question.kind == "single_choice":
            lines += [code.label for code in codebook.options(question.number)]
        elif question.kind == "multi_select":
            lines += [codebook.question_text(name) for name in question.variables]
        elif question.kind == "matrix":
            lines.append(" ".join(code.label for code in codebook.options(question.number)))
            lines += [codebook.question_text(name) for name in question.variables]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
