"""The book machinery, apart from the analysis: the Sphinx extension, the plotly
renderer for MyST-NB, Chinese search, parallel execution, the rebuild rule,
pinned notebook outputs, the print edition, the GB/T 7714 style and the
static assets.

Nothing in the data, statistics, charts, prose or chapters imports from here.
"""

from zhucun.lazy_exports import lazy_exports

EXPORTS = {
    "BookChineseSearch": "chinese_search",
    "SEARCH_TERMS": "chinese_search",
    "book_terms": "chinese_search",
    "Dependencies": "dependencies",
    "DependencyStore": "dependencies",
    "LOG_VARIABLE": "dependencies",
    "PACKAGE": "dependencies",
    "STORE_FILE": "dependencies",
    "file_digest": "dependencies",
    "fingerprint": "dependencies",
    "install_recorder": "dependencies",
    "listing_digest": "dependencies",
    "module_digest": "dependencies",
    "read_log": "dependencies",
    "what_changed": "dependencies",
    "MAX_AUTHORS": "gbt7714_style",
    "STYLE_NAME": "gbt7714_style",
    "Style": "gbt7714_style",
    "entry_language": "gbt7714_style",
    "format_names": "gbt7714_style",
    "format_person": "gbt7714_style",
    "persons_of": "gbt7714_style",
    "register": "gbt7714_style",
    "cache_record": "parallel_execution",
    "execute_into_cache": "parallel_execution",
    "uncached_notebooks": "parallel_execution",
    "workers_for": "parallel_execution",
    "PIN_MARK": "pinned_outputs",
    "is_pinned": "pinned_outputs",
    "pin_outputs": "pinned_outputs",
    "strip_unpinned": "pinned_outputs",
    "PlotlyMimeRenderer": "plotly_renderer",
    "plotly_json_html": "plotly_renderer",
    "CHROMIUM": "print_edition",
    "CHROMIUM_ARGS": "print_edition",
    "FOOTER": "print_edition",
    "Heading": "print_edition",
    "PRINT_CSS": "print_edition",
    "PrintEditionError": "print_edition",
    "build_singlehtml": "print_edition",
    "chart_ids": "print_edition",
    "execute_for_figures": "print_edition",
    "heading_pages": "print_edition",
    "lookalike_map": "print_edition",
    "make_pdf": "print_edition",
    "make_print_copy": "print_edition",
    "print_pdf": "print_edition",
    "repair_cjk_text": "print_edition",
    "repair_to_unicode_cmap": "print_edition",
    "PLOTLY_BOOK_JS": "sphinx_extension",
    "PLOTLY_FULL_JS": "sphinx_extension",
    "STATIC_DIR": "sphinx_extension",
    "accessible_body": "sphinx_extension",
    "plotly_js": "sphinx_extension",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
