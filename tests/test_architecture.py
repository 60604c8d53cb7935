"""The package's architecture, enforced: subpackages by job, imports one way, no cycles, no private imports.

Every import statement of every zhucun module is read from its source,
including those inside functions, so an import hidden in a function cannot
close a circle. The layers, lowest first:

    paths, lazy_exports  →  data  →  stats  →  charts | prose  →  chapters | fieldwork

A module may import from its own subpackage or from a lower layer; charts
and prose do not import each other. One module is shared across the layers:
``zhucun.prose.formatting``, the book's one formatter per kind of number,
which imports nothing of the package, so that stats' and charts' tables and
labels print a number as the prose does. ``zhucun.book`` (the Sphinx machinery)
stands apart: it may use the layers below chapters, and nothing but the
command line imports it (the package root starts its dependency recorder,
zhucun/book/dependencies.py, in a chapter's kernel).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "zhucun"
SUBPACKAGES = ("data", "stats", "charts", "prose", "fieldwork", "chapters", "book")
# Imports nothing of zhucun (tested below), so stats and charts may use it without a cycle.
SHARED_FORMATTERS = "zhucun.prose.formatting"
RANK = {"paths": 0, "lazy_exports": 0, "data": 1, "stats": 2, "charts": 3, "prose": 3, "fieldwork": 4, "chapters": 4,
        "book": 5}
# Names a module defines that are not part of its subpackage's re-exports.
NOT_EXPORTED = {"main", "setup", "logger", "analyse"}


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
                   if layer(name) not in (*SUBPACKAGES, "paths", "lazy_exports", "__main__", None))
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
            if goal is None or goal == source or (target == SHARED_FORMATTERS and source in ("stats", "charts")):
                continue
            allowed = RANK[goal] < RANK[source] and not (goal == "book" or {source, goal} == {"charts", "prose"})
            if not allowed:
                wrong.append(f"{name} imports {target}")
    assert not wrong, (
        "imports against the layers (paths → data → stats → charts|prose → chapters; book apart):\n" + "\n".join(wrong)
    )


def test_the_shared_formatters_import_nothing_of_the_package():
    assert edges()[SHARED_FORMATTERS] == set()


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
    """``from zhucun.stats import x`` is for notebooks and tests; modules name the module, so the graph is exact."""
    indirect = []
    for _name, path in MODULES.items():
        for module, imported, line in imports_of(path):
            package = MODULES.get(module)
            if (imported and package is not None and package.name == "__init__.py"
                    and f"{module}.{imported}" not in MODULES):
                indirect.append(f"{path.relative_to(PACKAGE_DIR.parent)}:{line}: from {module} import {imported}")
    assert not indirect, indirect


def public_names(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name) and t.id.isupper())
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id.isupper():
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_") and n not in NOT_EXPORTED}


@pytest.mark.parametrize("subpackage", SUBPACKAGES)
def test_each_subpackage_says_its_job_and_re_exports_its_public_names(subpackage):
    package = importlib.import_module(f"zhucun.{subpackage}")
    assert package.__doc__ and len(package.__doc__.split()) >= 20, (
        f"zhucun/{subpackage}/__init__.py needs its paragraph"
    )
    expected = {}
    for path in sorted((PACKAGE_DIR / subpackage).glob("*.py")):
        if path.name != "__init__.py":
            for name in public_names(path):
                assert name not in expected, f"{name} is defined in both {expected[name]} and {path.stem}"
                expected[name] = path.stem
    assert package.EXPORTS == expected, (
        f"zhucun/{subpackage}/__init__.py EXPORTS should be:\n"
        + "\n".join(f'    "{n}": "{m}",' for n, m in sorted(expected.items(), key=lambda item: (item[1], item[0]))))
    for name, module in expected.items():
        assert getattr(package, name) is getattr(importlib.import_module(f"zhucun.{subpackage}.{module}"), name)
