"""The import tools of the command line (``python -m zhucun import``): they convert a researcher's
survey export into the book's data contract (``data/survey_responses.csv``).

问卷星 exports by option text or number, SPSS ``.sav`` and Stata ``.dta`` files
(matched by variable and value labels), and a researcher's own table through a
crosswalk. They read with the data layer's codebook and validation; no chapter
imports them, so they stand apart from the loaders the chapters use.
"""
