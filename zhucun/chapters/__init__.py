"""One module per chapter: its analysis as a function returning a result object.

A chapter notebook imports its module, calls its ``analyse`` function once,
glues the results into the prose and shows the charts and tables with their
authored titles and captions.
"""

from zhucun.lazy_exports import lazy_exports

EXPORTS = {
    "AbstractResult": "abstract",
    "AppendixResult": "appendix",
    "ConceptsTheoryResult": "concepts_theory",
    "EMBEDDING_TYPES": "concepts_theory",
    "ConclusionResult": "conclusion",
    "support_strength": "conclusion",
    "CountermeasuresResult": "countermeasures",
    "LEVEL": "countermeasures",
    "MEASURE_BASIS": "countermeasures",
    "not_rated_sentence": "countermeasures",
    "FrontPageResult": "front_page",
    "IntroductionResult": "introduction",
    "RECENT_FROM": "introduction",
    "CHAPTER_BLOCKS": "predicaments",
    "CausesSection": "predicaments",
    "GROUP_TEST_SEED": "predicaments",
    "GroupDifferencesSection": "predicaments",
    "InterviewsSection": "predicaments",
    "ManifestationScale": "predicaments",
    "ManifestationsSection": "predicaments",
    "ORDINALS": "predicaments",
    "OrdinalSection": "predicaments",
    "PredicamentsResult": "predicaments",
    "SAMPLE_TABLE_VARIABLES": "predicaments",
    "SIGNIFICANCE": "predicaments",
    "SampleSection": "predicaments",
    "TimeUseSection": "predicaments",
    "top_items_phrase": "predicaments",
    "weight_gap_phrase": "predicaments",
    "ReferencesResult": "references",
    "RegionalExperienceResult": "regional_experience",
    "found_counts": "regional_experience",
    "DUTIES": "requirements",
    "PERIODS": "requirements",
    "RequirementsResult": "requirements",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
