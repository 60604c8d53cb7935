"""The sourced facts: loaders, schemas, sources, and the thesis's numbers."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from pybtex.database import parse_file

from zhucun.data import sourced_tables as facts
from zhucun.paths import data_path

LOADERS = [
    facts.load_deployment,
    facts.load_village_types,
    facts.load_national_figures,
    facts.load_policy_timeline,
    facts.load_population_margins,
]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_every_source_key_is_in_the_bibliography(loader):
    keys = set(parse_file(str(data_path("references.bib"))).entries)
    frame = loader()
    used = set(frame["source_key"])
    if "original_source_key" in frame:
        used |= set(frame["original_source_key"].dropna())
    assert used <= keys, used - keys
    assert frame["source"].str.len().gt(0).all()


def test_thesis_figures():
    value = facts.deployment_value
    assert value("villages_assisted") == 2083
    assert value("village_types") == 7
    assert value("cadres_total") == 5471
    assert value("first_secretaries") == 2083
    assert value("work_teams") == 1692
    assert value("share_of_admin_villages_pct") == pytest.approx(22.1)
    assert value("cadres_rotated_2023") == 2200
    assert value("term_years") == 2
    assert value("thesis_sample_size") == 124
    deployment = facts.load_deployment().set_index("indicator")
    # "约2200名" and "近124名" in the thesis; the rest are stated exactly.
    approximate = ["cadres_rotated_2023", "thesis_sample_size"]
    assert deployment.loc[approximate, "approximate"].all()
    assert not deployment.drop(approximate)["approximate"].any()
    assert deployment.loc["thesis_sample_size", "date_precision"] == "year"
    assert deployment.loc["cadres_total", "date"] == "2021-06-11"
    assert deployment.loc["cadres_rotated_2023", "date"] == "2023-08"


def test_margins_add_up_to_the_thesis_total():
    margins = facts.load_population_margins().set_index("code")["population"]
    assert margins["first_secretary"] == facts.deployment_value("first_secretaries")
    assert margins["first_secretary"] + margins["team_member"] == facts.deployment_value("cadres_total")
    assert margins["team_member"] == 5471 - 2083 == 3388


def test_village_types_match_the_instrument_and_have_no_invented_counts():
    types = facts.load_village_types()
    assert list(types["code"]) == list(facts.VILLAGE_TYPE_CODES)
    assert list(types["order"]) == list(range(1, 8))
    assert len(types) == facts.deployment_value("village_types")
    assert types["villages"].isna().all()
    assert types["label"].iloc[0] == "村集体经济薄弱的软弱涣散村"
    assert types["label"].iloc[-1] == "重点边境村"


def test_national_figures():
    national = facts.load_national_figures()
    lookup = national.set_index(["date", "indicator"])["value"]
    # The 2016 and 2018 figures were dropped (issue 23): their original publications could not be identified.
    assert not national["date"].str.startswith(("2016", "2018")).any()
    assert lookup[("2020-03-06", "work_teams_cumulative")] == 255_000
    assert lookup[("2020-03-06", "resident_cadres_in_post")] == 918_000
    assert lookup[("2021-08", "work_teams_in_post")] == 172_000
    assert lookup[("2021-08", "resident_cadres_in_post")] == 563_000
    assert lookup[("2021-02-25", "rural_poor_lifted")] == 98_990_000
    assert lookup[("2021-02-25", "poor_counties_removed")] == 832
    assert lookup[("2021-02-25", "poor_villages_removed")] == 128_000
    assert national["timestamp"].is_monotonic_increasing
    assert pd.api.types.is_float_dtype(national["value"])


def test_policy_timeline_in_date_order():
    timeline = facts.load_policy_timeline()
    assert timeline["timestamp"].is_monotonic_increasing
    assert list(timeline["date"]) == ["2017-12", "2020-03-06", "2021-02-25", "2021-05-11", "2021-06-11",
                                      "2021-08", "2023-08"]
    assert set(timeline["level"]) == {"national", "provincial"}
    assert set(timeline.loc[timeline["level"] == "provincial", "source_key"]) == {"thesis"}


def test_unknown_indicator_names_the_known_ones():
    with pytest.raises(KeyError, match="cadres_total"):
        facts.deployment_value("no_such_indicator")


@pytest.fixture
def book_copy(tmp_path):
    """A minimal book (``_toc.yml`` + a copy of ``data/``) to spoil files in."""
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    shutil.copytree(data_path("references.bib").parent, tmp_path / "data")
    return tmp_path


def test_bad_file_error_names_file_column_line_and_what_is_allowed(book_copy):
    path = book_copy / "data" / "policy_timeline.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    # line 3 (header is line 1): a level that does not exist; line 4: an unknown source key
    lines[2] = lines[2].replace(",national,", ",county,")
    lines[3] = lines[3].rsplit(",", 1)[0] + ",nosuchkey"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(facts.FactsDataError) as info:
        facts.load_policy_timeline(book_copy)
    message = str(info.value)
    assert "policy_timeline.csv" in message
    assert "column 'level', line 3" in message and "'county'" in message and "national, provincial" in message
    assert "column 'source_key', line 4" in message and "nosuchkey" in message and "references.bib" in message


def test_bad_number_and_date_are_reported(book_copy):
    path = book_copy / "data" / "j_province_deployment.csv"
    text = path.read_text(encoding="utf-8").replace(",5471,", ",many,").replace("2023-08,true", "2023-13,true")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(facts.FactsDataError) as info:
        facts.load_deployment(book_copy)
    message = str(info.value)
    assert "column 'value', line 4" in message and "'many'" in message
    assert "column 'date', line 8" in message and "YYYY-MM" in message


def test_missing_column_is_reported(book_copy):
    path = book_copy / "data" / "population_margins.csv"
    frame = pd.read_csv(path, dtype=str).drop(columns="source_key")
    frame.to_csv(path, index=False)
    with pytest.raises(facts.FactsDataError, match="missing column 'source_key'"):
        facts.load_population_margins(book_copy)
