"""One module per chapter: its analysis as a function returning a result object.

A chapter notebook imports its module, calls its ``analyse`` function once,
glues the results into the prose and shows the charts and tables with their
authored titles and captions.
"""

from zhucun.lazy_exports import lazy_exports

EXPORTS: dict[str, str] = {}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
