"""Code shared by the notebooks of the book 《乡村振兴背景下J省驻村干部履职困境分析》.

Notebooks import from the submodules directly (``from zhucun.data.survey import
load_survey``), so each module stays about one thing.
"""

__version__ = "0.1.0"
