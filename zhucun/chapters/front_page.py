"""The front page: how many answers the survey file holds and what they are (synthetic, real or mixed),
which decides the sentence on where the book's numbers come from and whether the notice is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhucun.data.survey import DataState, data_state, load_survey
from zhucun.prose.data_description import survey_sentence
from zhucun.prose.formatting import format_count


@dataclass(frozen=True)
class FrontPageResult:
    texts: dict[str, str]  # glue name → text of the prose
    survey_state: DataState  # synthetic, real or mixed (the page shows the notice unless real)


def analyse() -> FrontPageResult:
    survey = load_survey()
    state = data_state(survey)
    return FrontPageResult(texts={"home_n": format_count(len(survey)),
                                  "home_data_status": survey_sentence("home_status", state)},
                           survey_state=state)
