"""The data layer: everything that reads the book's ``data/`` folder.

The survey codebook and its validation, loading of the survey and the coded
interviews, the synthetic demonstration data and the assumptions they are made
from, the sourced tables of facts (J province's deployment, national figures,
the policy timeline, population margins, regional cases, the countermeasure
framework, the bibliography's metadata), and the tables the authors wrote with
their sources (chapter 二's duties and periods, each measure's theoretical and
policy basis). Nothing here computes a statistic or draws; every reader of a
data file lives here, so a chapter's data dependencies are visible in one
folder. The tools that convert a researcher's export into the data contract are
apart, in :mod:`zhucun.importers`.
"""
