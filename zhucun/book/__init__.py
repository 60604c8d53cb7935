"""The book machinery, apart from the analysis: the Sphinx extension, the plotly
renderer for MyST-NB, Chinese search, parallel execution, the rebuild rule,
pinned notebook outputs, the print edition, the bundle of the web book and
the PDF, the GB/T 7714 style and the static assets.

Nothing in the data, statistics, charts, prose or chapters imports from here.
"""
