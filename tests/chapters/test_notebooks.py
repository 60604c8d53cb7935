"""The chapter notebooks: thin, small, and each pinning its headline numbers for nbval."""

from __future__ import annotations

import ast

import nbformat
import pytest
import yaml

from zhucun.book.pinned_outputs import PIN_MARK, is_pinned


def chapter_notebooks(book_root):
    toc = yaml.safe_load((book_root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for c in toc["chapters"]]
    return [book_root / f"{f}.ipynb" for f in files]


def test_every_toc_entry_is_a_notebook(book_root):
    missing = [p.name for p in chapter_notebooks(book_root) if not p.is_file()]
    assert not missing


@pytest.mark.parametrize("index", range(12))
def test_chapter_pins_headline_numbers_and_commits_nothing_else(book_root, index):
    path = chapter_notebooks(book_root)[index]
    nb = nbformat.read(path, as_version=4)
    pinned = [c for c in nb.cells if is_pinned(c)]
    if path.stem == "index":
        return  # the landing page reports no survey numbers of its own
    assert pinned, f"{path.name}: no cell marked {PIN_MARK!r}, so nbval would compare nothing"
    assert all(c.outputs for c in pinned), (
        f"{path.name}: pinned cells without recorded outputs (run python -m zhucun pin-outputs)"
    )
    unpinned_with_output = [
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and not is_pinned(c) and c.outputs
    ]
    assert not unpinned_with_output, f"{path.name}: outputs committed in cells {unpinned_with_output}"


def test_notebooks_are_small(book_root):
    sizes = {p.name: p.stat().st_size for p in chapter_notebooks(book_root)}
    assert max(sizes.values()) < 100_000, sizes


def test_first_heading_is_the_chapter_title(book_root):
    expected = ["乡村振兴背景下J省驻村干部履职困境分析", "摘要", "Abstract", "绪论", "一、相关概念及理论基础",
                "二、J省驻村干部履职要求及变化", "三、J省驻村干部履职困境的表现和原因",
                "四、先进地区驻村干部履职机制经验与借鉴", "五、化解J省驻村干部履职困境的对策思考",
                "结论", "参考文献", "附录"]
    for path, title in zip(chapter_notebooks(book_root), expected):
        first = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        assert first.source.splitlines()[0] == f"# {title}", path.name


MAX_CODE_LINES = 150


def code_of(path):
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("index", range(12))
def test_chapter_is_thin_one_analysis_call_and_no_definitions(book_root, index):
    """Issue 11.4: imports, one call to the chapter module's analysis, glue, charts and tables; nothing defined."""
    path = chapter_notebooks(book_root)[index]
    cells = code_of(path)
    lines = sum(len(source.splitlines()) for source in cells)
    assert lines <= MAX_CODE_LINES, f"{path.name}: {lines} lines of code (at most {MAX_CODE_LINES})"
    definitions = [f"{type(node).__name__} at line {node.lineno} of cell {i}"
                   for i, source in enumerate(cells)
                   for node in ast.walk(ast.parse(source))
                   if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))]
    assert not definitions, f"{path.name} defines code that belongs in zhucun/chapters: {definitions}"
    calls = sum(source.count(".analyse(") for source in cells)
    assert calls == 1, f"{path.name}: {calls} calls of a chapter module's analyse(), expected exactly one"


# -- the pinned check values, compared with the build's own execution ------------------------------
# nbval would execute every chapter a second time only to compare the cells marked PIN_MARK. The
# session's build has executed each chapter once into its jupyter cache (MyST-NB reads the outputs from
# there), so the same comparison runs on those outputs, with nbval's own code: its stream coalescing,
# its keys left out (nbval's defaults) and its compare_outputs, in --nbval-lax mode (only pinned cells).
# `python -m pytest -n 0 chapters/<notebook>.ipynb` still runs nbval itself on a notebook.
NBVAL_SKIP = ("metadata", "traceback", "prompt_number", "output_type", "name", "execution_count",
              "application/vnd.jupyter.widget-view+json", "image/png", "image/jpeg")


def nbval_difference(executed: list, pinned: list) -> str | None:
    """None when nbval's comparison accepts *executed* for the pinned outputs; else nbval's report."""
    from types import SimpleNamespace

    from nbval.plugin import IPyNbCell, coalesce_streams, nocolors

    cell = SimpleNamespace(colors=nocolors, comparison_traceback=[], config=None,
                           ihook=SimpleNamespace(pytest_assertrepr_compare=lambda **_: []))
    cell.sanitize = lambda text: text  # the book configures no --nbval-sanitize-with patterns
    cell.format_output_compare = lambda key, left, right: IPyNbCell.format_output_compare(cell, key, left, right)
    same = IPyNbCell.compare_outputs(cell, coalesce_streams(executed), coalesce_streams(pinned),
                                     skip_compare=NBVAL_SKIP)
    return None if same else "\n".join(cell.comparison_traceback)


@pytest.mark.parametrize("index", range(12))
def test_the_builds_execution_gives_the_pinned_check_values(built_book, book_root, index):
    from jupyter_cache import get_cache

    path = chapter_notebooks(book_root)[index]
    reference = nbformat.read(path, as_version=4)
    _, executed = get_cache(str(book_root / "_build" / ".jupyter_cache")).merge_match_into_notebook(
        nbformat.read(path, as_version=4))
    differences = [f"cell {i}:\n{difference}" for i, (pinned, ran) in enumerate(zip(reference.cells, executed.cells))
                   if is_pinned(pinned)
                   and (difference := nbval_difference(ran.outputs, pinned.outputs)) is not None]
    assert not differences, (f"{path.name}: the build's check values differ from the pinned ones (nbval's "
                             "comparison; after a meant change run `python -m zhucun pin-outputs`):\n"
                             + "\n".join(differences))
