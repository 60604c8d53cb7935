"""The book's chapters as their analyses give them, in a copy of the book with other data files.

Every chapter notebook calls one ``zhucun.chapters.<module>.analyse()``, glues its texts into the
markdown and shows its tables and charts. A page's prose can therefore be put together without a
build: the notebook's markdown with every glue role replaced by the glued text (recursively, as a
MyST text glued into the markdown may use other names), followed by every string, number and table
the result holds (source lines, tables, chart data). The tests of data states and row order use
this, so each data state costs the analyses (seconds), not a build (minutes); the one rebuild in
tests/e2e/test_data_swap.py checks that the pages are what the analyses say.
"""

from __future__ import annotations

import dataclasses
import shutil
import warnings
from pathlib import Path

import nbformat
import pandas as pd

from tests.chapters.notebook_checks import PROSE_GLUE
from zhucun.chapters import (
    abstract,
    appendix,
    concepts_theory,
    conclusion,
    countermeasures,
    front_page,
    introduction,
    predicaments,
    references,
    regional_experience,
    requirements,
)

# notebook stem → (chapter module, the result's attribute holding the page's texts)
CHAPTERS = {
    "index": (front_page, "texts"),
    "abstract_zh": (abstract, "texts"),
    "abstract_en": (abstract, "texts_en"),
    "00_introduction": (introduction, "texts"),
    "01_concepts_theory": (concepts_theory, "texts"),
    "02_requirements": (requirements, "texts"),
    "03_predicaments": (predicaments, "texts"),
    "04_regional_experience": (regional_experience, "texts"),
    "05_countermeasures": (countermeasures, "texts"),
    "06_conclusion": (conclusion, "texts"),
    "07_references": (references, "texts"),
    "08_appendix": (appendix, "texts"),
}


def copy_book(book_root: Path, target: Path) -> Path:
    """The book's sources without build outputs or a developer's private data: where paths resolve."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(book_root / name, target / name)
    for folder in ("chapters", "data"):
        shutil.copytree(book_root / folder, target / folder)
    shutil.rmtree(target / "data" / "private", ignore_errors=True)
    return target


def analyse_all() -> dict[str, object]:
    """Every chapter's result, analysed from the book of the working directory (each module once)."""
    results: dict[object, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # small-sample warnings of the statistics are not at issue here
        for module, _ in CHAPTERS.values():
            if module not in results:
                results[module] = module.analyse()
    return {stem: results[module] for stem, (module, _) in CHAPTERS.items()}


def values(item, path: str = "") -> list[tuple[str, str]]:
    """Every value a result holds, as (where, text): strings, numbers, and tables as CSV. The codebook
    (the data contract, which a result may carry along) is not content of a page and is left out."""
    if type(item).__module__ == "zhucun.data.codebook":
        return []
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return [pair for field in dataclasses.fields(item)
                for pair in values(getattr(item, field.name), f"{path}.{field.name}")]
    if isinstance(item, dict):
        return [pair for key, value in item.items() for pair in values(value, f"{path}[{key!r}]")]
    if isinstance(item, (list, tuple, set, frozenset)):
        items = sorted(item, key=repr) if isinstance(item, (set, frozenset)) else item
        return [pair for index, value in enumerate(items) for pair in values(value, f"{path}[{index}]")]
    if isinstance(item, (pd.DataFrame, pd.Series)):
        return [(path, item.to_csv(lineterminator="\n"))]
    if item is None or isinstance(item, (str, int, float, bool)):
        return [(path, str(item))]
    if hasattr(item, "to_json"):  # a chart object
        return [(path, item.to_json())]
    if hasattr(item, "__dict__"):
        return [pair for key, value in sorted(vars(item).items()) for pair in values(value, f"{path}.{key}")]
    return [(path, repr(item))]


def filled(text: str, texts: dict[str, str], depth: int = 0) -> str:
    """*text* with each glue role or directive replaced by what is glued under its name."""
    if depth > 5:
        return text
    return PROSE_GLUE.sub(lambda m: filled(str(texts.get(m.group(1) or m.group(2), "")), texts, depth + 1), text)


def page_prose(stem: str, result, book: Path) -> str:
    """The page as a reader would read it: the notebook's markdown with the texts glued in, then what the
    result holds (its other strings: source lines, tables, chart data)."""
    texts = getattr(result, CHAPTERS[stem][1])
    notebook = nbformat.read(book / "chapters" / f"{stem}.ipynb", as_version=4)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    others = [text for where, text in values(result) if not where.startswith(".texts")]
    return filled(markdown, texts) + "\n" + "\n".join(others)
