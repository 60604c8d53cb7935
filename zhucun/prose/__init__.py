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
    "format_count": "formatting",
    "format_number": "formatting",
    "format_p_clause": "formatting",
    "format_p_value": "formatting",
    "format_percent": "formatting",
    "format_wan": "formatting",
    "CHINESE_DIGITS": "formatting",
    "format_chinese_count": "formatting",
    "ENGLISH_DIGITS": "formatting",
    "format_english_count": "formatting",
    "ENGLISH_BLOCK_NAMES": "english",
    "ENGLISH_NAMES": "english",
    "english_block_name": "english",
    "english_name": "english",
    "PlainText": "glue",
    "MystText": "glue",
    "glue_all": "glue",
    "glue_count": "glue",
    "glue_count_phrase": "glue",
    "glue_number": "glue",
    "glue_percent": "glue",
    "glue_text": "glue",
    "items_per_question": "questionnaire",
    "question_markdown": "questionnaire",
    "questionnaire_markdown": "questionnaire",
    "INTERVIEW_SENTENCES": "data_description",
    "NOTICE_TEXT": "data_description",
    "NOTICE_TITLE": "data_description",
    "SURVEY_SENTENCES": "data_description",
    "NOTICE_TEXT_EN": "data_description",
    "NOTICE_TITLE_EN": "data_description",
    "SURVEY_SENTENCES_EN": "data_description",
    "block_names_en": "data_description",
    "not_asked_sentence_en": "data_description",
    "notice_title": "data_description",
    "block_names": "data_description",
    "not_asked_clause": "data_description",
    "not_asked_sentence": "data_description",
    "interview_sentence": "data_description",
    "notice_text": "data_description",
    "survey_sentence": "data_description",
    "survey_source": "data_description",
    "show_synthetic_notice": "synthetic_notice",
    "synthetic_notice_html": "synthetic_notice",
    "Table": "tables",
    "show_table": "tables",
    "RELIABILITY_WORDS": "wording",
    "SHARE_WORDS": "wording",
    "cliffs_delta_word": "wording",
    "comparison_word": "wording",
    "correlation_direction_word": "wording",
    "correlation_strength_word": "wording",
    "count_phrase": "wording",
    "cramers_v_word": "wording",
    "epsilon_squared_word": "wording",
    "reliability_word": "wording",
    "share_word": "wording",
    "SHARE_WORDS_EN": "wording",
    "share_word_en": "wording",
    "significance_phrase": "wording",
    "quoted_list": "wording",
    "standing_phrase": "wording",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
