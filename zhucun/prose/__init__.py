"""The prose: numbers glued into the text, words chosen by numbers, numbered
tables and the Chinese display tables built from stats' numbers, the
synthetic-data notice and the questionnaire as text, and the
English the Abstract page needs (names, quantity words, the notice and the data's sentences).

Nothing in a chapter's sentences is typed that depends on the data: the
numbers come through :mod:`~zhucun.prose.glue`, the qualitative words from
:mod:`~zhucun.prose.wording`, and every sentence saying what the data are
(synthetic, real or mixed) from :mod:`~zhucun.prose.data_description`.
"""
