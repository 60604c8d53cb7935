"""Subpackages re-export their modules' public names, imported on first use.

``from zhucun.stats import wilson_interval`` works as well as
``from zhucun.stats.intervals import wilson_interval``, but only the module
that defines the name is imported. A chapter therefore loads (and depends on,
for the rebuild rule of :mod:`zhucun.book.dependencies`) just the modules it
uses, and importing a subpackage stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for *package*, whose *exports* map each public name to its module."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
