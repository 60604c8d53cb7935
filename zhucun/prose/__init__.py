"""The prose: numbers formatted and glued into the text, words chosen by numbers,
numbered tables, the synthetic-data notice and the questionnaire as text, and the
English the Abstract page needs (names, quantity words, the notice and the data's sentences).

Nothing in a chapter's sentences is typed that depends on the data: the
numbers come through :mod:`~zhucun.prose.glue`, the qualitative words from
:mod:`~zhucun.prose.wording`, and every sentence saying what the data are
(synthetic, real or mixed) from :mod:`~zhucun.prose.data_description`.
"""

from zhucun.lazy_exports import lazy_exports

EXPORTS = {
    "INTERVIEW_SENTENCES": "data_description",
    "NOTICE_TEXT": "data_description",
    "NOTICE_TEXT_EN": "data_description",
    "NOTICE_TITLE": "data_description",
    "NOTICE_TITLE_EN": "data_description",
    "SURVEY_SENTENCES": "data_description",
    "SURVEY_SENTENCES_EN": "data_description",
    "block_names": "data_description",
    "block_names_en": "data_description",
    "interview_sentence": "data_description",
    "not_asked_clause": "data_description",
    "not_asked_sentence": "data_description",
    "not_asked_sentence_en": "data_description",
    "notice_text": "data_description",
    "notice_title": "data_description",
    "survey_sentence": "data_description",
    "survey_source": "data_description",
    "TOTAL_LABEL": "display_tables",
    "chart_frame": "display_tables",
    "profile_counts": "display_tables",
    "profile_table": "display_tables",
    "role_sample_vs_population": "display_tables",
    "sample_composition": "display_tables",
    "ENGLISH_BLOCK_NAMES": "english",
    "ENGLISH_NAMES": "english",
    "english_block_name": "english",
    "english_list": "english",
    "english_name": "english",
    "MystText": "glue",
    "PlainText": "glue",
    "glue_all": "glue",
    "glue_text": "glue",
    "TEST_NAMES": "headline_wording",
    "leader_sentence": "headline_wording",
    "leader_sentence_en": "headline_wording",
    "summary_leader_phrase": "headline_wording",
    "items_per_question": "questionnaire",
    "question_markdown": "questionnaire",
    "questionnaire_markdown": "questionnaire",
    "show_synthetic_notice": "synthetic_notice",
    "synthetic_notice_html": "synthetic_notice",
    "Table": "tables",
    "show_table": "tables",
    "RELIABILITY_WORDS": "wording",
    "SHARE_WORDS": "wording",
    "SHARE_WORDS_EN": "wording",
    "cliffs_delta_word": "wording",
    "comparison_word": "wording",
    "correlation_direction_word": "wording",
    "correlation_strength_word": "wording",
    "count_phrase": "wording",
    "cramers_v_word": "wording",
    "epsilon_squared_word": "wording",
    "extreme_clause": "wording",
    "portion_phrase": "wording",
    "quoted_list": "wording",
    "reliability_word": "wording",
    "share_gap_phrase": "wording",
    "share_word": "wording",
    "share_word_en": "wording",
    "significance_phrase": "wording",
    "standing_phrase": "wording",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
