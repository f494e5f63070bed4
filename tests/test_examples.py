"""The shipped examples: valid, and Value in the Valley faithful to the handbook's section 4.4."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import HARBOUR, VITV
from iwp_cli.framework import builtin_framework
from iwp_cli.loader import load_path
from iwp_cli.model import Description


@pytest.fixture(scope="module")
def vitv() -> Description:
    loaded = load_path(VITV)
    assert loaded.findings == []
    assert loaded.description is not None
    return loaded.description


@pytest.mark.parametrize("path", [VITV, HARBOUR], ids=lambda p: p.name)
def test_check_passes_on_the_examples(iwp, path):
    result = iwp("check", path, "--lang", "en")
    assert result.exit_code == 0, result.stdout
    assert "1 file checked, 0 other YAML and Markdown files skipped: 0 errors" in result.stdout


def test_all_42_kenmerken_under_their_principles(vitv):
    assert list(vitv.principles) == list(builtin_framework().ids)
    counts = [len(entry.features) for entry in vitv.principles.values()]
    assert counts == [7, 4, 8, 10, 5, 5, 3]


def test_first_and_last_kenmerk_of_each_table(vitv):
    names = {pid: [f.name for f in e.features] for pid, e in vitv.principles.items()}
    assert names["authentic-work-environment"][0] == "Authentieke opdrachten"
    assert names["authentic-work-environment"][-1] == "Integratie van school- en werkcultuur"
    assert names["learning-community"][0] == "Leren van en met elkaar"
    assert names["diversity"][0] == (
        "Met mensen werken van verschillende disciplines en opleidingsniveaus"
    )
    assert names["learning-and-working"][0] == "Nieuwe manieren van leren"
    assert names["learning-and-working"][-1] == "Begeleiden van het leren"
    assert names["reflection"][0] == "Beoordelen om van te leren"
    assert names["supportive-organisation"][0] == "Ondersteunen van leren én werken"
    assert names["embedding"] == [
        "Afstemming met opleidingen over leeruitkomsten studenten",
        "Werving studenten ism opleidingen",
        "Werving geschikte externe opdrachten",
    ]


def test_effects_preconditions_and_marks(vitv):
    first = vitv.principles["authentic-work-environment"].features[0]
    assert [(e.text, e.who) for e in first.effects] == [("Uitdagend, motiverend", ["J"])]
    assert [p.text for p in first.preconditions or []] == ["Actief geïnteresseerde opdrachtgevers"]
    colleagues = vitv.principles["authentic-work-environment"].features[5]
    assert colleagues.effects[0].who == ["J", "S"]
    assert colleagues.preconditions == []  # the handbook's "-"


def test_every_open_point_is_a_status(vitv):
    statuses: Counter[str] = Counter()
    for entry in vitv.principles.values():
        for feature in entry.features:
            items = [feature, *feature.effects, *(feature.preconditions or [])]
            statuses.update(item.status.value for item in items if item.status is not None)
    # 3 × "nog verbeteren" + 1 × "nog niet duidelijk hoe dit te realiseren"; 3 × "geen consensus"
    assert statuses == {"to-improve": 4, "no-consensus": 3}


def test_participants_and_sections(vitv):
    assert [(g.code, g.level.value if g.level else None) for g in vitv.groups] == [
        ("J", "junior"),
        ("S", "senior"),
    ]
    assert "adviseur" in vitv.groups[0].roles
    assert vitv.starting_points.occasion.startswith("Value in the Valley wil bijdragen")
    assert "penvoerder" in vitv.starting_points.context
    assert vitv.outcomes.products and vitv.outcomes.development and vitv.outcomes.sustainability
    assert vitv.processes
