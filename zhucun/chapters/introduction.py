"""绪论: the background figures (J province's deployment and the national poverty-alleviation results), the
policy timeline, the counts of the literature the thesis reviews by strand, section and year, and the size and
kind of this edition's survey data, all formatted for the prose, with the frames the timeline and the
literature chart draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zhucun.charts.timeline import chinese_date, timeline_events
from zhucun.data.cadre_deployment import deployment_figures
from zhucun.data.literature import counts_by_strand_and_review, counts_by_strand_and_year, load_reviewed_literature
from zhucun.data.sourced_tables import load_deployment, load_national_figures, load_policy_timeline
from zhucun.data.survey import coverage, data_state, load_survey
from zhucun.number_format import format_count, format_share, format_wan
from zhucun.prose.data_description import not_asked_clause, survey_sentence
from zhucun.prose.wording import share_word

# The years around the end of the poverty-alleviation battle and after.
RECENT_FROM = 2020

# Strands of the literature as the glue names abbreviate them.
_STRAND_GLUE_NAMES = {"embedded": "embedded", "collaborative": "collab", "power_responsibility": "power"}


@dataclass
class IntroductionResult:
    """texts: the prose values by glue name; events: the timeline's events (also its table);
    literature_by_year: works per year and strand (the chart's data); the counts below feed the
    charts' text alternatives and the pinned check."""

    texts: dict[str, str]
    events: pd.DataFrame
    literature_by_year: pd.DataFrame
    largest_strand_works: int
    n_events: int
    n_literature: int
    n_foreign: int
    n_domestic: int
    n_survey: int


def _national_wan(national: pd.DataFrame, indicator: str) -> str:
    return format_wan(float(national.loc[national["indicator"] == indicator, "value"].iloc[0]))


def _background(deployment: pd.DataFrame, national: pd.DataFrame) -> tuple[dict[str, str], dict]:
    """J province's deployment and the national results quoted in 研究背景."""
    figures = deployment_figures(deployment)
    dates = dict(zip(deployment["indicator"], deployment["date"]))
    texts = {
        "ch0_villages": format_count(figures["villages_assisted"]),
        "ch0_village_types": format_count(figures["village_types"]),
        "ch0_cadres": format_count(figures["cadres_total"]),
        "ch0_first_secretaries": format_count(figures["first_secretaries"]),
        "ch0_work_teams": format_count(figures["work_teams"]),
        "ch0_share_villages": format_share(figures["share_of_admin_villages_pct"] / 100),
        "ch0_rotated": format_count(figures["cadres_rotated_2023"]),
        "ch0_date_jprov": chinese_date(dates["villages_assisted"]),
        "ch0_date_rotation": chinese_date(dates["cadres_rotated_2023"]),
        "ch0_poor_lifted": _national_wan(national, "rural_poor_lifted"),
        "ch0_poor_counties": _national_wan(national, "poor_counties_removed"),
        "ch0_poor_villages": _national_wan(national, "poor_villages_removed"),
    }
    return texts, figures


def _timeline(timeline: pd.DataFrame, events: pd.DataFrame) -> dict[str, str]:
    """Dates of the key documents and the extent of the timeline."""
    event_date = {row.source_key: chinese_date(row.date) for row in timeline.itertuples()}
    return {
        "ch0_date_victory": event_date["xi2021speech"],
        "ch0_date_opinion": event_date["zhongban2021opinion"],
        "ch0_date_guidance": event_date["zhongban2017guidance"],
        "ch0_n_events": format_count(len(events)),
        "ch0_n_events_national": format_count((events["层级"] == "国家层面").sum()),
        "ch0_n_events_provincial": format_count((events["层级"] == "J省层面").sum()),
        "ch0_timeline_first": chinese_date(events["日期"].iloc[0]),
        "ch0_timeline_last": chinese_date(events["日期"].iloc[-1]),
    }


def _literature(literature: pd.DataFrame, by_review: pd.DataFrame) -> dict[str, str]:
    """The reviewed works by section and strand, their years, and how recent the domestic ones are."""
    texts = {
        "ch0_lit_total": format_count(len(literature)),
        "ch0_lit_foreign": format_count((literature["review"] == "foreign").sum()),
        "ch0_lit_domestic": format_count((literature["review"] == "domestic").sum()),
    }
    for strand, short in _STRAND_GLUE_NAMES.items():
        texts[f"ch0_lit_{short}"] = format_count((literature["strand"] == strand).sum())
    domestic_years = literature.loc[literature["review"] == "domestic", "year"]
    recent = int((domestic_years >= RECENT_FROM).sum())
    texts.update({
        "ch0_lit_recent_from": str(RECENT_FROM),
        "ch0_lit_domestic_recent": format_count(recent),
        "ch0_lit_domestic_recent_word": share_word(recent / len(domestic_years)),
        # Only the book's own list is counted: the sentence says what the thesis cited, never a trend of the field.
        "ch0_lit_recent_reading": (
            ("即论文综述所引的国内文献以脱贫攻坚收官前后的成果为主" if recent / len(domestic_years) > 0.5
             else "即论文综述所引的国内文献并不集中在脱贫攻坚收官前后的几年")
            + "；这只是论文所选文献的年份分布，不能据此推断国内研究整体的走向"),
        "ch0_lit_year_min": str(int(literature["year"].min())),
        "ch0_lit_year_max": str(int(literature["year"].max())),
        "ch0_lit_largest_strand": by_review["合计"].idxmax(),
    })
    return texts


def _data_status(figures: dict, survey: pd.DataFrame) -> dict[str, str]:
    """The thesis's sample against this edition's data, and what the latter are (synthetic, real or mixed)."""
    state = data_state(survey)
    return {
        "ch0_thesis_n": format_count(figures["thesis_sample_size"]),
        "ch0_term_years": format_count(figures["term_years"]),
        "ch0_survey_n": format_count(len(survey)),
        "ch0_data_status": survey_sentence("ch0_data_status", state)
        + not_asked_clause(coverage(survey).not_asked(), "第三章和第五章的分析"),
        "ch0_limit_head": survey_sentence("ch0_limit_head", state),
        "ch0_limit_body": survey_sentence("ch0_limit_body", state),
    }


def analyse(survey: pd.DataFrame | None = None) -> IntroductionResult:
    """Everything 绪论 shows, from the data files."""
    texts, figures = _background(load_deployment(), load_national_figures())
    timeline = load_policy_timeline()
    events = timeline_events(timeline)
    texts.update(_timeline(timeline, events))
    literature = load_reviewed_literature()
    by_review = counts_by_strand_and_review(literature)
    texts.update(_literature(literature, by_review))
    survey = load_survey() if survey is None else survey
    texts.update(_data_status(figures, survey))
    return IntroductionResult(
        texts=texts,
        events=events,
        literature_by_year=counts_by_strand_and_year(literature),
        largest_strand_works=int(by_review["合计"].max()),
        n_events=len(events),
        n_literature=len(literature),
        n_foreign=int((literature["review"] == "foreign").sum()),
        n_domestic=int((literature["review"] == "domestic").sum()),
        n_survey=len(survey),
    )
