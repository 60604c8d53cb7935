"""``python -m zhucun questionnaire``: the questionnaire files a researcher fields it with, from the codebook.

    python -m zhucun questionnaire [-o FOLDER] [--codebook data/codebook.yml] [--no-pdf]

writes into one folder (default ``_build/questionnaire``):

* ``questionnaire-wjx.txt``: plain text for 问卷星's text import (:mod:`zhucun.fieldwork.wjx_text`);
* ``questionnaire-xlsform.xlsx``: an XLSForm for KoboToolbox / ODK (:mod:`zhucun.fieldwork.xlsform`);
* ``questionnaire-spss-template.sav``: an SPSS file with no cases (:mod:`zhucun.fieldwork.spss_template`);
* ``questionnaire.html`` and ``questionnaire.pdf``: the printable questionnaire
  (:mod:`zhucun.fieldwork.printable`), the PDF printed on A4 by Debian's headless
  Chromium through the print edition's :func:`~zhucun.book.print_edition.print_pdf`.

The files are written to a temporary folder first and moved into place only
when all of them were made, so a bad codebook or a missing Chromium leaves
nothing behind. The book's build calls :func:`publish_questionnaire_files`,
which puts the same files under ``_questionnaire/`` of the built HTML, where
附录一 links to them (so they are also in the zip bundle); it rewrites them only
when the codebook or these writers changed.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from zhucun.data.codebook import Codebook, codebook_path, parse_codebook
from zhucun.data.yaml_file import read_yaml
from zhucun.paths import PACKAGE_DIR, book_root

WJX_TEXT = "questionnaire-wjx.txt"
XLSFORM = "questionnaire-xlsform.xlsx"
SPSS_TEMPLATE = "questionnaire-spss-template.sav"
PRINTABLE_HTML = "questionnaire.html"
PRINTABLE_PDF = "questionnaire.pdf"
FILES = (WJX_TEXT, XLSFORM, SPSS_TEMPLATE, PRINTABLE_HTML, PRINTABLE_PDF)
BUILD_FOLDER = "_questionnaire"  # under the built HTML; "_" keeps it out of the book's page list
STAMP = ".questionnaire-files-sha256"  # beside the built HTML, so the zip bundle does not carry it


class QuestionnaireError(RuntimeError):
    """The files cannot be made: the codebook cannot be read, or Chromium is missing."""


def read_codebook(path: Path | str) -> Codebook:
    """The codebook at *path*, or a :class:`QuestionnaireError` naming the file and what is wrong."""
    try:
        return parse_codebook(read_yaml(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise QuestionnaireError(f"编码手册无法读取 / cannot read the codebook {path}: {error}") from error
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise QuestionnaireError(f"编码手册格式有误 / the codebook {path} is malformed: "
                                 f"{type(error).__name__} {error}") from error


def write_questionnaire_files(codebook: Codebook, folder: Path | str, pdf: bool = True) -> list[Path]:
    """Write every file into *folder* (created); nothing is written there when any file fails."""
    from zhucun.book.print_edition import PrintEditionError, print_pdf, repair_cjk_text
    from zhucun.fieldwork.printable import printable_html
    from zhucun.fieldwork.spss_template import write_spss_template
    from zhucun.fieldwork.wjx_text import wjx_text
    from zhucun.fieldwork.xlsform import write_xlsform

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise QuestionnaireError(f"输出位置已有同名文件，不是文件夹 / the output is a file, not a folder: {folder}")
    with tempfile.TemporaryDirectory(prefix="zhucun-questionnaire-") as temporary:
        staging = Path(temporary)
        try:
            (staging / WJX_TEXT).write_text(wjx_text(codebook), encoding="utf-8")
            write_xlsform(codebook, staging / XLSFORM)
            write_spss_template(codebook, staging / SPSS_TEMPLATE)
            (staging / PRINTABLE_HTML).write_text(printable_html(codebook), encoding="utf-8")
            if pdf:
                print_pdf(staging / PRINTABLE_HTML, staging / PRINTABLE_PDF)
                repair_cjk_text(staging / PRINTABLE_PDF)  # Chromium maps some hanzi to Kangxi radicals
        except (KeyError, ValueError, TypeError) as error:
            raise QuestionnaireError(f"编码手册中的题目无法写成问卷 / a question of the codebook cannot be "
                                     f"written: {type(error).__name__} {error}") from error
        except PrintEditionError as error:
            raise QuestionnaireError(f"无法打印PDF / cannot print the PDF: {error}") from error
        written = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QuestionnaireError(f"无法创建输出文件夹 / cannot create the output folder {folder}: "
                                     f"{error}") from error
        for name in FILES:
            if (staging / name).is_file():
                shutil.move(staging / name, folder / name)
                written.append(folder / name)
    return written


def _fingerprint(codebook_file: Path) -> str:
    digest = hashlib.sha256(codebook_file.read_bytes())
    for module in sorted((PACKAGE_DIR / "fieldwork").glob("*.py")) + [Path(__file__),
                                                                       PACKAGE_DIR / "data" / "codebook.py"]:
        digest.update(module.read_bytes())
    return digest.hexdigest()


def publish_questionnaire_files(html_dir: Path | str, codebook_file: Path | str | None = None) -> bool:
    """Write the files under ``_questionnaire/`` of the built book unless they are current; True when written."""
    target = Path(html_dir) / BUILD_FOLDER
    codebook_file = Path(codebook_file or codebook_path())
    fingerprint = _fingerprint(codebook_file)
    stamp = Path(html_dir).parent / STAMP
    if stamp.is_file() and stamp.read_text() == fingerprint and all((target / name).is_file() for name in FILES):
        return False
    write_questionnaire_files(read_codebook(codebook_file), target)
    stamp.write_text(fingerprint)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhucun questionnaire", description=(
        "由编码手册写出问卷星导入文本、XLSForm、SPSS模板与可打印问卷（HTML与PDF） / write the questionnaire "
        "files (wjx.cn text, XLSForm, SPSS template, printable HTML and PDF) from the codebook"))
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="输出文件夹（默认 _build/questionnaire） / output folder")
    parser.add_argument("--codebook", type=Path, default=None, help="编码手册（默认 data/codebook.yml）")
    parser.add_argument("--no-pdf", action="store_true", help="不打印PDF（没有Chromium时） / skip the PDF")
    args = parser.parse_args(argv)
    output = args.output or book_root() / "_build" / "questionnaire"
    try:
        written = write_questionnaire_files(read_codebook(args.codebook or codebook_path()), output,
                                            pdf=not args.no_pdf)
    except QuestionnaireError as error:
        print(f"zhucun questionnaire: {error}", file=sys.stderr)
        print("未写入任何文件 / nothing was written", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0
