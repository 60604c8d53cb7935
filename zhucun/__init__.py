"""Code of the research book 《乡村振兴背景下J省驻村干部履职困境分析》.

The package is laid out by job, and imports run one way:
``paths`` and ``number_format`` → ``data`` → ``stats`` → ``charts`` / ``prose`` → ``chapters``;
``importers`` (used by the command line) and ``book`` (the Sphinx machinery) stand
apart. A name is imported from the module that defines it
(``from zhucun.stats.intervals import wilson_interval``): the subpackages
re-export nothing, so a new public function touches one file.
"""

import os

__version__ = "0.1.0"

# While the build executes a chapter, its kernel records what the chapter
# reads (zhucun/book/dependencies.py), so rebuilds follow what changed.
if os.environ.get("ZHUCUN_DEPENDENCY_LOG"):
    from zhucun.book.dependencies import install_recorder
    from zhucun.paths import data_dir

    install_recorder(os.environ["ZHUCUN_DEPENDENCY_LOG"], data_dir())
