"""English names for the English Abstract: the book's translation of the codebook's scales, measures and blocks.

The codebook (``data/codebook.yml``) and the countermeasure framework name
everything in Chinese. The English Abstract names the strongest manifestation
and the best rated measure (the book's headlines), and the blocks a
questionnaire did not ask, so each id has an English name here; English prose
lists them with :func:`english_list`. They are the book's own
translations of the thesis's headings, not names the thesis gives;
``tests/prose/test_english.py`` checks that every id of the codebook has one.
:data:`GLOSSARY` holds the book's one English term for each key concept: the
Abstract page shows it as a table, and ``tests/chapters/test_abstract.py``
checks that the page uses no other phrasing for these concepts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# Scales (manifestations, causes, countermeasure groups) and the measures of question 12, by codebook id.
ENGLISH_NAMES: dict[str, str] = {
    "p1": "overloaded and fragmented duties",
    "p2": "powers and responsibilities overlapping with those of township and village cadres",
    "p3": "difficulty in mobilising resources",
    "p4": "heavy pressure from multiple lines of management",
    "c1": "the state's continued penetration and embedding, which over-extends the village platform's functions",
    "c2": "incomplete mechanisms of coordination, which leave the governing actors apart and disembedded",
    "c3": "uneven embedding of resources, which mismatches supply and demand",
    "c4": "conflicting roles and identities, which misalign supervision and evaluation",
    "g1": "from piled-up responsibilities to precisely calculated ones",
    "g2": "from embedded competition to cooperation of authorities",
    "g3": "from differences of role to shared resources",
    "g4": "from many-sided evaluation to unified coordination",
    "m_duty_list": "a detailed list of duties and tasks",
    "m_negative_list": "a negative list of duties",
    "m_power_list": "a power list",
    "m_whistle": "the mechanism “the village blows the whistle, the departments report”",
    "m_informal_training": "training in informal rules of governance",
    "m_handover": "a handover system for departing cadres",
    "m_exchange_platform": "a platform for exchange among assistance workers",
    "m_joint_building": "joint building of village Party organisations linked by the first secretaries",
    "m_dedicated_team": "unified management by a dedicated team with dedicated responsibilities",
    "m_evaluation": "a better system of evaluation indicators",
    "m_error_tolerance": "a better mechanism for tolerating and correcting errors",
}

# The questionnaire's optional blocks (data/codebook.yml, ``blocks``), by block id: a scale's block after its scale.
ENGLISH_BLOCK_NAMES: dict[str, str] = {
    **{scale: f"the manifestation scale “{ENGLISH_NAMES[scale]}”" for scale in ("p1", "p2", "p3", "p4")},
    **{scale: f"the cause scale “{ENGLISH_NAMES[scale]}”" for scale in ("c1", "c2", "c3", "c4")},
    "overall_pressure": "overall pressure (question 10)",
    "time_use": "the use of working time (question 11)",
    "countermeasures": "the ratings of the countermeasures (question 12)",
}


@dataclass(frozen=True)
class Term:
    chinese: str
    english: str               # the one English term the book uses for the concept
    avoid: tuple[str, ...] = ()  # regular expressions of other phrasings the English pages must not use


GLOSSARY: tuple[Term, ...] = (
    Term("乡村振兴", "rural revitalization"),
    Term("驻村帮扶", "village-based assistance"),
    Term("驻村干部", "village-resident cadres", (r"(?<!village-)resident cadre",)),
    Term("履职困境", "predicaments in performing duties"),
    Term("困境表现", "manifestations"),
    Term("成因", "causes"),
    Term("先进地区", "advanced regions"),
    Term("对策", "countermeasures", (r"(?<!counter)measures?\b",)),
    Term("普遍程度", "prevalence", (r"how common",)),
    Term("获评程度", "rating", (r"helping much", r"helps? much")),
    Term("权力清单", "power list", (r"list of powers",)),
    Term("嵌入式治理", "embedded governance"),
    Term("合成演示数据", "synthetic demonstration data"),
)


def glossary_table() -> pd.DataFrame:
    """The glossary as the Abstract page shows it: Chinese term, the English term the book uses."""
    return pd.DataFrame({"Chinese term": [term.chinese for term in GLOSSARY],
                         "English term used": [term.english for term in GLOSSARY]})


def english_name(item_id: str) -> str:
    """The English name of a scale or measure of the codebook, by its id."""
    return ENGLISH_NAMES[item_id]


def english_block_name(block_id: str) -> str:
    """The English name of an optional block of the questionnaire, by its id."""
    return ENGLISH_BLOCK_NAMES[block_id]


def english_list(names) -> str:
    """Names listed as English prose lists them: 'A', 'A and B', 'A, B and C'."""
    names = list(names)
    if not names:
        raise ValueError("no names to list")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
