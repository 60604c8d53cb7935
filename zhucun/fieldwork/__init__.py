"""The questionnaire as the files a researcher fields it with, written from ``data/codebook.yml`` alone:
the plain text 问卷星 (wjx.cn) imports, an XLSForm for KoboToolbox and ODK Collect, an SPSS template
for keying in paper questionnaires, and a printable HTML page (printed to an A4 PDF by
:mod:`zhucun.book.questionnaire_files`, which also runs ``python -m zhucun questionnaire``).

Every question, option and matrix row is taken from the codebook, never typed again, so each file
changes with it, and the answers each platform exports import back through ``python -m zhucun import``
without a crosswalk (the names the XLSForm adds are fixed once, in :mod:`zhucun.data.codebook`).
"""
