"""The charts: the book's style, the interactive builders and their print twins.

Every builder takes aggregated numbers and returns a
:class:`~zhucun.charts.chart.Chart` (plotly figure, title, source line, text
alternative and data table); its matplotlib twin for the print edition is
drawn from the same numbers in :mod:`zhucun.charts.print_twins`.
"""
