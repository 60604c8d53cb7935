"""The package's architecture, enforced: subpackages by job, imports one way, no cycles, no private imports.

Every import statement of every zhucun module is read from its source,
including those inside functions, so an import hidden in a function cannot
close a circle. The layers, lowest first:

    paths, number_format  →  data  →  importers | fieldwork | stats  →  charts | prose  →  chapters

A module may import from its own subpackage or from a lower layer; the
layers of one rank (importers and stats, charts and prose) do not import each
other, and only the command line uses the importers. ``zhucun.number_format``, the book's one
formatter per kind of number, sits in the lowest layer, so that stats' and
charts' tables and labels print a number as the prose does. ``zhucun.book`` (the Sphinx machinery)
stands apart: it may use the layers below chapters, and nothing but the
command line imports it (the package root starts its dependency recorder,
zhucun/book/dependencies.py, in a chapter's kernel).
"""

from __future__ import annotations

import ast
import importlib
import re
from collections import Counter
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "zhucun"
SUBPACKAGES = ("data", "importers", "fieldwork", "stats", "charts", "prose", "chapters", "book")
RANK = {"paths": 0, "number_format": 0, "data": 1, "importers": 2, "fieldwork": 2, "stats": 2,
        "charts": 3, "prose": 3, "chapters": 4, "book": 5}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def imports_of(path: Path) -> list[tuple[str, str | None, int]]:
    """(module imported, name imported from it or None, line) for every import in the file, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, None, node.lineno) for alias in node.names if alias.name.startswith("zhucun")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("zhucun"):
            assert node.level == 0, f"{path}:{node.lineno}: use absolute imports"
            found += [(node.module, alias.name, node.lineno) for alias in node.names]
    return found


def edges() -> dict[str, set[str]]:
    """Module → the zhucun modules it imports (a submodule named in ``from pkg import sub`` counts as itself)."""
    graph = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for module, imported, _ in imports_of(path):
            target = f"{module}.{imported}" if imported and f"{module}.{imported}" in MODULES else module
            graph[name].add(target)
    return graph


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_module_sits_in_a_subpackage():
    loose = sorted(name for name in MODULES
                   if layer(name) not in (*SUBPACKAGES, "paths", "number_format", "__main__", None))
    assert not loose, f"modules outside the subpackages: {loose}"


def test_no_import_cycle_counting_imports_inside_functions():
    graph = edges()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt in graph and not state.get(nxt):
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if not state.get(start):
            cycle = visit(start)
            assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_imports_run_one_way():
    wrong = []
    for name, targets in edges().items():
        source = layer(name)
        if source in (None, "__main__"):
            continue  # the package root and the command line
        for target in targets:
            goal = layer(target)
            if goal is None or goal == source:
                continue
            allowed = RANK[goal] < RANK[source] and goal not in ("book", "importers")
            if not allowed:
                wrong.append(f"{name} imports {target}")
    assert not wrong, (
        "imports against the layers (paths, number_format → data → importers|stats → charts|prose → chapters;"
        " book and importers apart):\n"
        + "\n".join(wrong)
    )


def test_only_the_command_line_uses_the_importers():
    users = sorted(f"{name} → {target}" for name, targets in edges().items() for target in targets
                   if layer(target) == "importers" and layer(name) != "importers")
    assert users == [], users


def test_nothing_but_the_command_line_and_the_recorder_imports_book():
    users = sorted(f"{name} → {target}" for name, targets in edges().items() for target in targets
                   if layer(target) == "book" and layer(name) != "book")
    assert users == ["zhucun → zhucun.book.dependencies"] + [u for u in users if u.startswith("zhucun.__main__")], users


def test_no_private_name_is_imported_from_another_module():
    private = [f"{path.relative_to(PACKAGE_DIR.parent)}:{line}: {module}.{imported}"
               for name, path in MODULES.items() for module, imported, line in imports_of(path)
               if imported and imported.startswith("_") and module != name]
    assert not private, private


def test_inside_the_package_names_come_from_their_defining_module():
    """Subpackages re-export nothing: ``from zhucun.stats import x`` names a module, never a function."""
    indirect = []
    for _name, path in MODULES.items():
        for module, imported, line in imports_of(path):
            package = MODULES.get(module)
            if (imported and package is not None and package.name == "__init__.py"
                    and f"{module}.{imported}" not in MODULES):
                indirect.append(f"{path.relative_to(PACKAGE_DIR.parent)}:{line}: from {module} import {imported}")
    assert not indirect, indirect


@pytest.mark.parametrize("subpackage", SUBPACKAGES)
def test_each_subpackage_says_its_job_and_re_exports_nothing(subpackage):
    """Names are imported from their defining module, so adding a public function touches one file."""
    init = PACKAGE_DIR / subpackage / "__init__.py"
    package = importlib.import_module(f"zhucun.{subpackage}")
    assert package.__doc__ and len(package.__doc__.split()) >= 20, (
        f"zhucun/{subpackage}/__init__.py needs its paragraph"
    )
    body = ast.parse(init.read_text(encoding="utf-8")).body
    assert len(body) == 1 and isinstance(body[0], ast.Expr), f"{init}: only its docstring, no re-exports"


GLUE_KEY = re.compile(r"^(ch\d|abs|idx|front)_")


def test_chapters_hand_each_other_typed_results_never_glue_strings():
    """A chapter module reads another chapter's result by its fields, never by that chapter's glue names."""
    wrong = []
    for path in sorted((PACKAGE_DIR / "chapters").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        keys = [node.value for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and GLUE_KEY.match(node.value)]
        own = Counter(GLUE_KEY.match(key).group(1) for key in keys).most_common(1)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
                    and isinstance(node.slice.value, str) and GLUE_KEY.match(node.slice.value)
                    and own and GLUE_KEY.match(node.slice.value).group(1) != own[0][0]):
                wrong.append(f"{path.relative_to(PACKAGE_DIR.parent)}:{node.lineno}: [{node.slice.value!r}]")
    assert not wrong, wrong
