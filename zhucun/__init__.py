"""Code of the research book 《乡村振兴背景下J省驻村干部履职困境分析》.

The package is laid out by job, and imports run one way:
``paths`` and ``number_format`` → ``data`` → ``stats`` → ``charts`` / ``prose`` → ``chapters``;
``book`` (the Sphinx machinery) stands apart and nothing imports it. Each
subpackage re-exports its modules' public names (``from zhucun.stats import
wilson_interval``), importing a module only when one of its names is used.
"""

import os

__version__ = "0.1.0"

# While the build executes a chapter, its kernel records what the chapter
# reads (zhucun/book/dependencies.py), so rebuilds follow what changed.
if os.environ.get("ZHUCUN_DEPENDENCY_LOG"):
    from zhucun.book.dependencies import install_recorder
    from zhucun.paths import data_dir

    install_recorder(os.environ["ZHUCUN_DEPENDENCY_LOG"], data_dir())
