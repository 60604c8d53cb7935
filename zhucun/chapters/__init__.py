"""One module per chapter: its analysis as a function returning a result object.

A chapter notebook imports its module, calls its ``analyse`` function once,
glues the results into the prose and shows the charts and tables with their
authored titles and captions.
"""
