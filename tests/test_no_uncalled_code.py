"""No dead code: every public function and class of zhucun has a caller outside the tests.

A caller is a reference in the package (another module, or its own module
beyond the definition), in a chapter notebook's code cells, in the benchmarks,
or where a tool calls the package: the command line's ``module:function``
table, pyproject.toml's entry points, and Sphinx, which calls ``setup`` of each
extension named in _config.yml. A name only the tests use goes (or the test
tests what the book calls instead).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "zhucun"
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def definitions() -> list[tuple[Path, str, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
            if isinstance(node, kinds) and not node.name.startswith("_"):
                found.append((path, node.name, node.lineno))
    return found


def referenced_names(path: Path) -> set[str]:
    """Names a module uses in its code (not in strings or comments): loads, attributes, decorators, annotations."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
    # String annotations (from __future__ import annotations keeps them as code, but quoted ones are strings).
    names |= {word for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
              and re.fullmatch(r"[\w\[\]., |]+", node.value) for word in WORD.findall(node.value)}
    return names


def outside_the_package() -> set[str]:
    """Names used by the notebooks' code cells, the benchmarks and the tools that call the package."""
    words = set()
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                words |= set(WORD.findall("".join(cell["source"])))
    for path in sorted((ROOT / "benchmarks").rglob("*.py")):
        words |= set(WORD.findall(path.read_text(encoding="utf-8")))
    # "module:function" targets of the command line and pyproject's entry points.
    for path in (PACKAGE / "__main__.py", ROOT / "pyproject.toml"):
        words |= {target for target in re.findall(r"zhucun[\w.]*:(\w+)", path.read_text(encoding="utf-8"))}
    return words


def sphinx_extensions() -> set[str]:
    return set(re.findall(r"^\s*-\s*(zhucun[\w.]+)\s*$", (ROOT / "_config.yml").read_text(encoding="utf-8"), re.M))


def test_every_public_function_and_class_has_a_caller_outside_the_tests():
    by_module = {path: referenced_names(path) for path in sorted(PACKAGE.rglob("*.py"))}
    outside = outside_the_package()
    extensions = sphinx_extensions()
    uncalled = []
    for path, name, line in definitions():
        if name == "setup" and module_of(path) in extensions:
            continue  # Sphinx calls it
        if name in outside or any(name in names for names in by_module.values()):
            continue
        uncalled.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert not uncalled, "public names nothing but the tests calls (delete them):\n" + "\n".join(uncalled)

