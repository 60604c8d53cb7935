"""The charts: the book's style, the interactive builders and their print twins.

Every builder takes aggregated numbers and returns a
:class:`~zhucun.charts.chart.Chart` (plotly figure, title, source line, text
alternative and data table); its matplotlib twin for the print edition is
drawn from the same numbers in :mod:`zhucun.charts.print_twins`.
"""

from zhucun.lazy_exports import lazy_exports

EXPORTS = {
    "bar_chart": "basic",
    "heatmap_chart": "basic",
    "interval_chart": "basic",
    "Chart": "chart",
    "column_formatter": "chart",
    "display_table": "chart",
    "diverging_likert_chart": "likert",
    "CJK_FONT": "print_figure",
    "PAGE_WIDTH_IN": "print_figure",
    "PNG_DPI": "print_figure",
    "SOURCE_PREFIX": "print_figure",
    "TWIN_SUFFIX": "print_figure",
    "add_title_and_source": "print_figure",
    "configure": "print_figure",
    "display_width": "print_figure",
    "draw_recorded_twins": "print_figure",
    "new_figure": "print_figure",
    "record_twin": "print_figure",
    "save": "print_figure",
    "static_paths": "print_figure",
    "wrap": "print_figure",
    "write_static": "print_figure",
    "LABEL_WIDTH": "print_twins",
    "SYMBOLS": "print_twins",
    "draw_bar": "print_twins",
    "draw_diverging_likert": "print_twins",
    "draw_heatmap": "print_twins",
    "draw_interval": "print_twins",
    "draw_sankey": "print_twins",
    "draw_timeline": "print_twins",
    "STAGE_COLOURS": "sankey",
    "framework_sankey": "sankey",
    "BOOK_LAYOUT": "style",
    "CATEGORICAL_COLOURS": "style",
    "DIVERGING_COLOURS": "style",
    "DIVERGING_SCALE": "style",
    "FONT_FAMILY": "style",
    "LEGEND_TOP_MARGIN": "style",
    "PLOTLY_CONFIG": "style",
    "PLOTLY_MIME": "style",
    "SEQUENTIAL_SCALE": "style",
    "base_figure": "style",
    "diverging_offsets": "style",
    "log_ticks": "style",
    "LEVEL_LABELS": "timeline",
    "chinese_date": "timeline",
    "timeline_chart": "timeline",
    "timeline_events": "timeline",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
