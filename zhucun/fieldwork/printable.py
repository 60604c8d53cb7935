"""The questionnaire as a printable HTML page (A4; printed to PDF by :mod:`zhucun.book.questionnaire_files`).

One self-contained page, black on white, no colour carrying meaning: the
title, the introduction (the consent paragraph), a line for the questionnaire
number the surveyor writes, then the numbered questions with a square box to
tick before every option; a single-choice option and a matrix column show the
number that is keyed into the SPSS template (:mod:`zhucun.fieldwork.spss_template`).
A matrix question is a grid (rows = statements, columns = answers) that is
never split across pages (``break-inside: avoid``).
Every word comes from the codebook.
"""

from __future__ import annotations

from html import escape

from zhucun.data.codebook import Codebook

BOX = '<span class="box" aria-hidden="true"></span>'
CSS = """
@page { size: A4; margin: 16mm 16mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.6;
       color: #000; background: #fff; max-width: 178mm; margin: 0 auto; padding: 4mm; }
h1 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16pt; text-align: center; margin: 0 0 4mm; }
.consent { border: 1px solid #000; padding: 2mm 4mm; }
.number-line { text-align: right; margin: 3mm 0; }
.question { break-inside: avoid; page-break-inside: avoid; margin: 5mm 0; }
.question h2 { font-size: 11pt; font-weight: bold; margin: 0 0 2mm; }
ul.options { list-style: none; margin: 0; padding: 0 0 0 6mm; display: flex; flex-wrap: wrap; gap: 1mm 8mm; }
ul.options li { white-space: nowrap; }
.box { display: inline-block; width: 3.6mm; height: 3.6mm; border: 1.2px solid #000; vertical-align: -0.5mm;
       margin-right: 1.5mm; }
.blank { display: inline-block; min-width: 30mm; border-bottom: 1px solid #000; }
table.grid { border-collapse: collapse; width: 100%; font-size: 10pt; break-inside: avoid;
             page-break-inside: avoid; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1mm 1.5mm; }
table.grid thead th { font-weight: normal; text-align: center; }
table.grid td { text-align: center; width: 13mm; }
table.grid th[scope=row] { text-align: left; font-weight: normal; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
"""


def _choice_list(labels: list[str], numbered: bool = False) -> list[str]:
    """Options with a box each; *numbered* prints the number a keyer types into the SPSS template (1…k)."""
    return ['<ul class="options">',
            *(f"<li>{BOX}{f'{n}. ' if numbered else ''}{escape(label)}</li>" for n, label in enumerate(labels, 1)),
            "</ul>"]


def question_html(codebook: Codebook, number: int) -> str:
    question = codebook.question(number)
    lines = [f'<section class="question" id="q{number}">', f"<h2>{number}. {escape(question.text)}</h2>"]
    if question.kind == "single_choice":
        lines += _choice_list([code.label for code in codebook.options(number)], numbered=True)
    elif question.kind == "multi_select":
        lines += _choice_list([codebook.question_text(name) for name in question.variables])
    elif question.kind == "fill_in":
        lines.append('<p>答：<span class="blank"></span></p>')
    elif question.kind == "matrix":
        codes = codebook.options(number)
        lines += ['<table class="grid">', "<thead><tr><th scope=\"col\">题项</th>",
                  *(f'<th scope="col">{escape(str(code.code))}<br>{escape(code.label)}</th>' for code in codes),
                  "</tr></thead><tbody>"]
        for row, name in enumerate(question.variables, start=1):
            lines.append(f'<tr><th scope="row">{row}. {escape(codebook.question_text(name))}</th>'
                         + "".join(f"<td>{BOX}</td>" for _ in codes) + "</tr>")
        lines.append("</tbody></table>")
    else:
        raise ValueError(f"question {number}: unknown kind {question.kind!r}")
    lines.append("</section>")
    return "\n".join(lines)


def printable_html(codebook: Codebook) -> str:
    """The whole printable questionnaire as one HTML document."""
    title = escape(codebook.title)
    body = [f"<h1>{title}</h1>", f'<p class="consent">{escape(codebook.introduction)}</p>',
            f'<p class="number-line">{escape(codebook.variable("respondent_id").text)}：'
            '<span class="blank"></span></p>',
            *(question_html(codebook, question.number) for question in codebook.questions)]
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(body) + "\n</main>\n</body>\n</html>\n")
