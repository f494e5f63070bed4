"""Each kind of change `iwp diff` reports, one case each, on real git repositories.

A case commits an example, edits the working copy, and runs
``iwp diff HEAD:desc.yaml desc.yaml``. It checks the lines of the text report a user reads and
the part of the JSON document a script reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import HARBOUR, MINIMAL, VITV
from test_diff_sources import GitRepo


@dataclass(frozen=True)
class Case:
    """An edit of an example and what the reports must show."""

    id: str
    edits: list[tuple[str, str]]
    lines: list[str]
    check: Callable[[dict[str, Any]], object] = lambda report: True
    example: Path = VITV
    extra: list[str] = field(default_factory=list)


def principle(report: dict[str, Any], principle_id: str) -> dict[str, Any]:
    return next(p for p in report["principles"] if p["id"] == principle_id)


def features(report: dict[str, Any], principle_id: str) -> list[dict[str, Any]]:
    return principle(report, principle_id)["features"]


MOVED_BLOCK = """\
      - name: Leren van rolmodel
        effects:
          - text: Leren door anderen aan het werk te zien
            who: [J, S]
        preconditions:
          - Werken in dezelfde ruimte
"""

CASES = [
    Case(
        "feature-added",
        [
            (
                "      - name: Verbinding met opleiding\n",
                "      - name: Portfolio met bewijzen\n"
                "        effects: [{text: Overzicht van het eigen leren, who: [J]}]\n"
                "        preconditions: [{text: Een vast format, status: to-improve}]\n"
                "      - name: Verbinding met opleiding\n",
            )
        ],
        [
            "5. Facilitate reflection",
            "  + Portfolio met bewijzen — added",
            "    + effect: Overzicht van het eigen leren (who: J)",
            "    + precondition: Een vast format",
            "    ! opened: to improve (precondition) — Een vast format",
        ],
        lambda r: (
            features(r, "reflection")[0]["change"] == "added"
            and r["summary"]["features"]["added"] == 1
            and r["summary"]["open_points"] == {"resolved": 0, "opened": 1}
        ),
    ),
    Case(
        "feature-removed",
        [(MOVED_BLOCK, "")],
        [
            "4. Integrate learning and working",
            "  - Leren van rolmodel — removed",
            "    - effect: Leren door anderen aan het werk te zien (who: J, S)",
            "    - precondition: Werken in dezelfde ruimte",
        ],
        lambda r: (
            features(r, "learning-and-working")[0]["change"] == "removed"
            and principle(r, "learning-and-working")["new"]["features"] == 9
        ),
    ),
    Case(
        "feature-renamed-by-name",
        [("- name: Professionele cultuur", "- name: Professionele werkcultuur")],
        ["  ~ Professionele werkcultuur — renamed from Professionele cultuur (96% alike)"],
        lambda r: features(r, "authentic-work-environment")[0]["similarity"] == 0.96,
    ),
    Case(
        "feature-renamed-by-content",
        [("- name: Authentieke opdrachten", "- name: Echte vragen van opdrachtgevers")],
        ["  ~ Echte vragen van opdrachtgevers — renamed from Authentieke opdrachten (75% alike)"],
        lambda r: (
            r["summary"]["features"]
            == {"added": 0, "removed": 0, "changed": 1, "renamed": 1, "moved": 0}
        ),
    ),
    Case(
        "feature-moved",
        [
            (MOVED_BLOCK, ""),
            ("  reflection:\n    features:\n", "  reflection:\n    features:\n" + MOVED_BLOCK),
        ],
        [
            "4. Integrate learning and working",
            "  → Leren van rolmodel — moved to 5. Facilitate reflection",
            "5. Facilitate reflection",
            "  → Leren van rolmodel — moved from 4. Integrate learning and working",
        ],
        lambda r: (
            features(r, "reflection")[0]["old_principle"] == "learning-and-working"
            and principle(r, "learning-and-working")["moved_out"]
            == [{"name": "Leren van rolmodel", "to": "reflection"}]
        ),
    ),
    Case(
        "effect-added-removed-changed",
        [
            (
                "          - text: Nadenken over het geleerde\n",
                "          - text: Nadenken over wat je geleerd hebt\n",
            ),
            (
                "          - text: Eigen gedrag en dat van anderen begrijpen\n            who: "
                "[J]\n",
                "",
            ),
            (
                "          - text: Steeds weer denken over wat we doen en waarom\n            "
                "who: [J]\n",
                "          - text: Steeds weer denken over wat we doen en waarom\n            "
                "who: [J]\n"
                "          - {text: Sneller bijsturen, who: [S]}\n",
            ),
        ],
        [
            "  ~ Beoordelen om van te leren",
            "    ~ effect: Nadenken over wat je geleerd hebt",
            "      ~ Nadenken over [-het geleerde-]{+wat je geleerd hebt+}",
            "  ~ Focus op persoon",
            "    - effect: Eigen gedrag en dat van anderen begrijpen (who: J)",
            "  ~ Reflection in actie",
            "    + effect: Sneller bijsturen (who: S)",
        ],
        lambda r: (
            features(r, "reflection")[0]["effects"][0]["old_text"] == "Nadenken over het geleerde"
        ),
    ),
    Case(
        "attribution-changed",
        [
            (
                "          - text: Uitdagend, motiverend\n            who: [J]",
                "          - text: Uitdagend, motiverend\n            who: [J, S]",
            )
        ],
        ["    ~ effect: Uitdagend, motiverend — who: J → J, S"],
        lambda r: (
            features(r, "authentic-work-environment")[0]["effects"][0]["fields"]
            == [{"field": "who", "old": ["J"], "new": ["J", "S"]}]
        ),
    ),
    Case(
        "preconditions-added-removed-changed",
        [
            ("          - Goede coaches\n", "          - Goede coaches uit het mbo\n"),
            ("          - Werken in dezelfde ruimte\n", ""),
            (
                "          - Eerst focus op probleemstelling, dan op mijlpalen\n",
                "          - Eerst focus op probleemstelling, dan op mijlpalen\n          - Een "
                "planning per sprint\n",
            ),
            # "-" becomes "not yet considered": the key goes.
            (
                "          - text: Motivatie om te leren, nieuwe ideeën\n            who: [J]\n   "
                "     preconditions: []\n",
                "          - text: Motivatie om te leren, nieuwe ideeën\n            who: [J]\n",
            ),
        ],
        [
            "  ~ Met mensen werken van verschillende disciplines en opleidingsniveaus",
            "    ~ precondition: Goede coaches uit het mbo",
            "      ~ Goede coaches {+uit het mbo+}",
            "  ~ Leren van elkaar",
            "    ~ preconditions: none needed → not yet considered",
            "  ~ Leren van rolmodel",
            "    - precondition: Werken in dezelfde ruimte",
            "    ~ preconditions: listed → not yet considered",
            "  ~ Projectmatig werken (methodisch)",
            "    + precondition: Een planning per sprint",
        ],
    ),
    Case(
        "to-improve-resolved-and-no-consensus-opened",
        [
            (
                "          - text: Respecteren en naleven van regels en waarden\n            "
                "status: to-improve\n",
                "          - text: Respecteren en naleven van regels en waarden\n",
            ),
            (
                "      - name: Eigenaarschap\n",
                "      - name: Eigenaarschap\n        status: no-consensus\n",
            ),
        ],
        [
            "  1  Create an authentic work environment                   7       1 → 0            "
            " 1",
            "  2  Form a learning community                              4           1         0 "
            "→ 1",
            "Features: 0 added, 0 removed, 2 changed (0 renamed, 0 moved). Open points: 1 "
            "resolved, 1 opened.",
            "    ✓ resolved: to improve (precondition) — Respecteren en naleven van regels en "
            "waarden",
            "    ! opened: no consensus (feature) — Eigenaarschap",
        ],
        lambda r: (
            features(r, "authentic-work-environment")[0]["open_points"]
            == [
                {
                    "change": "resolved",
                    "status": "to-improve",
                    "on": "precondition",
                    "text": "Respecteren en naleven van regels en waarden",
                    "reason": "status",
                }
            ]
            and r["summary"]["old"]["to_improve"] == 4
            and r["summary"]["new"]["to_improve"] == 3
        ),
    ),
    Case(
        "open-point-gone-with-its-precondition",
        [
            (
                "          - text: Gedeelde visie en concepten, communicatie afgestemd op "
                "verschillende stakeholders\n            status: to-improve\n",
                "",
            )
        ],
        [
            "    - precondition: Gedeelde visie en concepten, communicatie afgestemd op "
            "verschillende stakeholders",
            "    ✓ resolved: to improve (precondition, gone) — Gedeelde visie en concepten, "
            "communicatie afgestemd op verschillende stakeholders",
        ],
        lambda r: (
            features(r, "supportive-organisation")[0]["open_points"][0]["reason"] == "removed"
        ),
    ),
    Case(
        "starting-points-rewritten",
        [
            (
                "zo goed mogelijk van advies te voorzien",
                "zo goed mogelijk en snel van advies te voorzien",
            ),
            (
                "    Value in the Valley is een samenwerkingsverband",
                "    Een nieuwe alinea over de context.\n\n    Value in the Valley is een "
                "samenwerkingsverband",
            ),
        ],
        [
            "A. Starting points",
            "  ~ occasion, urgency, goals and ambition",
            "    ~ … de regio zo goed mogelijk {+en snel+} van advies te voorzien en …",
            "  ~ context, conditions, people and means",
            "    + Een nieuwe alinea over de context.",
        ],
        lambda r: (
            [s["field"] for s in r["starting_points"]] == ["occasion", "context"]
            and r["starting_points"][1]["paragraphs"][0]["op"] == "added"
        ),
    ),
    Case(
        "outcomes-and-processes",
        [
            ("      kind: research\n", "      kind: design\n"),
            (
                "    - id: lerende-organisatie\n      kind: organisation\n      text: De IWP "
                "ontwikkelt zich in de richting van een ‘lerende organisatie’.\n",
                "",
            ),
            (
                "  - id: coaching\n    text: Coaching is de basis\n",
                "  - id: coaching\n    text: Coaching is de basis van het leren\n  - {id: "
                "intervisie, kind: reflect, text: Maandelijkse intervisie}\n",
            ),
        ],
        [
            "B. Outcomes",
            "  · products",
            "    ~ anderzijds levert de IWP concepten, modellen en instrumenten op die anderen "
            "kunnen ondersteunen bij het ontwikkelen van een IWP. — kind: research → design",
            "  · development",
            "    - De IWP ontwikkelt zich in de richting van een ‘lerende organisatie’. (id: "
            "lerende-organisatie; kind: organisation)",
            "C. Processes",
            "  ~ Coaching is de basis van het leren",
            "    ~ Coaching is de basis {+van het leren+}",
            "  + Maandelijkse intervisie (id: intervisie; kind: reflect)",
        ],
        lambda r: (
            r["outcomes"]["products"][0]["key"] == "iwp-modellen-instrumenten"
            and r["processes"][1]
            == {
                "change": "added",
                "text": "Maandelijkse intervisie",
                "key": "intervisie",
                "old_text": None,
                "words": [],
                "fields": [
                    {"field": "id", "old": None, "new": "intervisie"},
                    {"field": "kind", "old": None, "new": "reflect"},
                ],
            }
        ),
    ),
    Case(
        "participants-and-partners",
        [
            (
                "    name: Studenten van groene en technische hbo- en mbo-opleidingen\n",
                "    name: Studenten van groene, technische en ICT-opleidingen\n",
            ),
            (
                "  - name: AOC Terra\n    type: mbo\n    role: penvoerder\n",
                "  - name: AOC Terra\n    type: mbo\n  - {name: Gemeente Groningen, type: "
                "government}\n",
            ),
            (
                "participants:\n",
                "participants:\n  - {code: OG, name: Opdrachtgevers, level: senior}\n",
            ),
        ],
        [
            "Participants",
            "  + OG: Opdrachtgevers (level: senior)",
            "  ~ J: Studenten van groene, technische en ICT-opleidingen",
            "    ~ J: Studenten van [-groene-]{+groene, technische+} en [-technische hbo- en "
            "mbo-opleidingen-]{+ICT-opleidingen+}",
            "Partners",
            "  ~ AOC Terra — role: penvoerder → —",
            "  + Gemeente Groningen (type: government)",
        ],
        lambda r: [p["change"] for p in r["participants"]] == ["added", "changed"],
    ),
    Case(
        "links-notes-and-general",
        [
            ("        supports: [field-research, co-design]\n", "        supports: [co-design]\n"),
            (
                "yields: [student-growth], text: Every team",
                "yields: [student-growth, lab-method], text: Every team",
            ),
            (
                "    notes: Reflection with the port's professionals is still rare; next semester "
                "they join one sprint review per team.\n",
                "    notes: Reflection with the port's professionals is now part of every sprint "
                "review.\n",
            ),
            ("date: 2026-09-01", "date: 2027-02-01"),
            ("role: lab coordinator}", "role: lab coordinator and coach}"),
            (
                "tags: [logistics, port, energy-transition, hbo-mbo]",
                "tags: [logistics, port, hbo-mbo, data]",
            ),
        ],
        [
            "5. Facilitate reflection",
            "  ~ notes",
            "    ~ Reflection with the port's professionals is [-still rare; next semester they "
            "join one-]{+now part of every+} sprint [-review per team.-]{+review.+}",
            "Contacts",
            "  ~ Sam de Vries — role: lab coordinator → lab coordinator and coach",
            "Links (conjecture map)",
            "  + yields: sprint-reviews → lab-method",
            "  - supports: Real questions from the planning department → field-research",
            "General",
            "  ~ date: 2026-09-01 → 2027-02-01",
            "  ~ tags: logistics, port, energy-transition, hbo-mbo → logistics, port, hbo-mbo, "
            "data",
        ],
        lambda r: (
            r["links"][0]
            == {
                "change": "added",
                "kind": "yields",
                "source": "sprint-reviews",
                "target": "lab-method",
            }
            and principle(r, "reflection")["notes"]["field"] == "notes"
            and r["processes"] == []
        ),
        example=HARBOUR,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_kind_of_change(iwp, tmp_path, monkeypatch, case):
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    text = case.example.read_text(encoding="utf-8")
    repo.write("desc.yaml", text)
    repo.commit("First cycle", "2026-01-10T09:00:00+01:00")
    for old, new in case.edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    repo.write("desc.yaml", text)
    shown = iwp("diff", "HEAD:desc.yaml", "desc.yaml", "--lang", "en", "--exit-code")
    assert shown.exit_code == 1, shown.stderr
    lines = shown.stdout.splitlines()
    missing = [line for line in case.lines if line not in lines]
    assert not missing, shown.stdout
    positions = [lines.index(line) for line in case.lines]
    assert positions == sorted(positions), shown.stdout
    report = json.loads(iwp("diff", "HEAD:desc.yaml", "desc.yaml", "--format", "json").stdout)
    assert report["equal"] is False
    assert case.check(report), json.dumps(report, ensure_ascii=False, indent=1)[:3000]


def _diff_json(iwp, tmp_path, monkeypatch, old: str, new: str) -> dict[str, Any]:
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    repo.write("desc.yaml", old)
    repo.commit("First cycle", "2026-01-10T09:00:00+01:00")
    repo.write("desc.yaml", new)
    result = iwp("diff", "HEAD:desc.yaml", "desc.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_features_with_similar_names_but_other_effects_stay_apart(iwp, tmp_path, monkeypatch):
    """Leren van elkaar and Leren van fouten: names 0.75 alike, but nothing else."""
    text = VITV.read_text(encoding="utf-8")
    shape = "- name: {}\n        effects:\n          - text: {}\n"
    old = shape.format("Leren van elkaar", "Motivatie om te leren, nieuwe ideeën")
    new = shape.format("Leren van fouten", "Fouten maken mag, ook bij de opdrachtgever")
    assert old in text
    report = _diff_json(iwp, tmp_path, monkeypatch, text, text.replace(old, new))
    changes = [(f["change"], f["name"]) for f in features(report, "diversity")]
    assert changes == [("added", "Leren van fouten"), ("removed", "Leren van elkaar")]


def test_a_feature_renamed_and_moved_is_one_feature(iwp, tmp_path, monkeypatch):
    text = VITV.read_text(encoding="utf-8")
    moved = MOVED_BLOCK.replace("Leren van rolmodel", "Leren van een rolmodel")
    new = text.replace(MOVED_BLOCK, "").replace(
        "  reflection:\n    features:\n", "  reflection:\n    features:\n" + moved
    )
    report = _diff_json(iwp, tmp_path, monkeypatch, text, new)
    (change,) = features(report, "reflection")
    assert (change["name"], change["old_name"]) == ("Leren van een rolmodel", "Leren van rolmodel")
    assert change["old_principle"] == "learning-and-working"
    assert change["effects"] == change["preconditions"] == []


def test_principles_outside_the_framework_come_last(iwp, tmp_path, monkeypatch):
    old = MINIMAL
    new = MINIMAL + "  local-principle:\n    features: [{name: Eigen kenmerk, effects: [Iets]}]\n"
    report = _diff_json(iwp, tmp_path, monkeypatch, old, new)
    last = report["principles"][-1]
    assert (last["id"], last["number"], last["title"]) == (
        "local-principle",
        None,
        "local-principle",
    )
    assert [p["id"] for p in report["principles"][:7]] == [
        "authentic-work-environment",
        "learning-community",
        "diversity",
        "learning-and-working",
        "reflection",
        "supportive-organisation",
        "embedding",
    ]
    assert last["features"][0]["change"] == "added"
