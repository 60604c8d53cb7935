"""One definition per headline: 三, 五, 结论 and the abstract state the results of zhucun.stats.headlines.

Each chapter's result carries the headline it states, and that headline equals the one module's; the
chapters' words name the same leader. Checked on the committed data, on data with another leader and on
data with a tie.
"""

from __future__ import annotations

import warnings

import pytest

from zhucun.chapters import abstract, conclusion, countermeasures, predicaments
from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_survey
from zhucun.stats.headlines import headline_results


def _variants():
    survey = load_survey()
    codebook = load_codebook()
    p2 = list(codebook.scale_items("p2"))
    return {
        "committed": survey,
        # 与乡村干部权责交叉 answered 5 throughout, 乡村吹哨 rated 5 by everyone: both headlines change.
        "other leaders": survey.assign(**dict.fromkeys(p2, 5.0), m_whistle=5.0),
        # two measures rated 5 by everyone: a tie for the best measure.
        "tie": survey.assign(m_handover=5.0, m_whistle=5.0),
    }


VARIANTS = _variants()


@pytest.fixture(scope="module", params=list(VARIANTS))
def chapters(request):
    survey = VARIANTS[request.param]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return (headline_results(survey), predicaments.analyse(survey), countermeasures.analyse(survey),
                conclusion.analyse(survey), abstract.analyse(survey))


def test_every_chapter_carries_the_one_headline(chapters):
    expected, three, five, six, front = chapters
    assert three.headlines == expected
    assert five.best == expected.best_measure
    assert six.headlines == expected
    assert front.headlines == expected


def test_every_chapter_names_the_same_leaders(chapters):
    expected, three, five, six, front = chapters
    strongest, best = expected.strongest_manifestation, expected.best_measure
    for label in strongest.labels:
        quoted = f"“{label}”"
        assert quoted in three.texts["ch3_prev_leader"] and quoted in three.texts["ch3_sum_leader"]
        assert quoted in six.texts["ch6_strongest_leader"]
        assert quoted in front.texts["abs_strongest_leader"]
    assert set(five.top_tied) == set(best.ids)
    for label in best.labels:
        assert label in five.texts["ch5_top_sentence"] and label in six.texts["ch6_best_leader"]
        assert f"“{label}”" in front.texts["abs_best_leader"]
    # The same verdict of the paired test wherever the lead is stated with its test.
    assert ("确实高于" in six.texts["ch6_strongest_leader"]) == strongest.ahead
    assert ("确实高于" in front.texts["abs_strongest_leader"]) == strongest.ahead
    assert ("确实高于" in front.texts["abs_best_leader"]) == best.ahead


def test_the_variants_do_change_the_leaders():
    committed, other, tie = (headline_results(VARIANTS[name]) for name in ("committed", "other leaders", "tie"))
    assert other.strongest_manifestation.id == "p2" != committed.strongest_manifestation.id
    assert other.best_measure.id == "m_whistle" != committed.best_measure.id
    assert tie.best_measure.tied and set(tie.best_measure.ids) == {"m_handover", "m_whistle"}
