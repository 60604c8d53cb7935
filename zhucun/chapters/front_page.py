"""The front page: how many answers the survey file holds and what they are (synthetic, real or mixed),
which decides the sentence on where the book's numbers come from and whether the notice is shown, and which
parts of the questionnaire it did not ask.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.data.survey import DataState, coverage, data_state, load_survey
from zhucun.number_format import format_count
from zhucun.prose.data_description import not_asked_clause, survey_sentence


@dataclass(frozen=True)
class FrontPageResult:
    texts: dict[str, str]  # glue name → text of the prose
    survey_state: DataState  # synthetic, real or mixed (the page shows the notice unless real)


def analyse(survey: pd.DataFrame | None = None) -> FrontPageResult:
    """The front page's texts from the book's survey (or *survey*)."""
    survey = load_survey() if survey is None else survey
    state = data_state(survey)
    return FrontPageResult(texts={"home_n": format_count(len(survey)),
                                  "home_data_status": survey_sentence("home_status", state)
                                  + not_asked_clause(coverage(survey).not_asked(), "书中各章的分析")},
                           survey_state=state)
