"""`iwp diff` formats: text, Markdown for a pull-request comment (read back with markdown-it-py),
JSON (stable and documented), two IWPs side by side, and both languages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from markdown_it import MarkdownIt

from conftest import HARBOUR, ROOT, VITV
from iwp_cli.framework import builtin_framework
from test_diff_sources import GitRepo

DOCS = ROOT / "docs" / "diff-json.md"


def next_cycle(text: str) -> str:
    """Value in the Valley one semester on: a renamed feature, a moved feature, a resolved
    to-improve, an effect for J and S instead of J, an added effect, an edited paragraph."""
    edits = [
        ("date: 2010-07-01", "date: 2011-01-15"),
        # Renamed, and its open point resolved.
        ("- name: Professionele cultuur", "- name: Professionele werkcultuur"),
        (
            "          - text: Respecteren en naleven van regels en waarden\n"
            "            status: to-improve\n",
            "          - text: Respecteren en naleven van regels en waarden\n",
        ),
        # J becomes J,S, and a new effect for S.
        (
            "          - text: Uitdagend, motiverend\n            who: [J]\n",
            "          - text: Uitdagend, motiverend\n            who: [J, S]\n"
            "          - text: Opdrachtgevers leren zelf van de adviezen\n            who: [S]\n",
        ),
        # The occasion's second paragraph edited.
        (
            "Doel is om opdrachtgevers in de regio zo goed mogelijk van advies te voorzien",
            "Doel is om opdrachtgevers in Groningen en Drenthe zo goed mogelijk en tijdig van "
            "advies te voorzien",
        ),
    ]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    # "Gemeenschappelijke werkruimte" moves from principle 6 to principle 2.
    start = text.index("      - name: Gemeenschappelijke werkruimte")
    end = text.index("      - name: Verbinding met stakeholders")
    block = text[start:end].replace("also: [learning-community]", "also: [supportive-organisation]")
    text = text[:start] + text[end:]
    anchor = "  learning-community:\n    features:\n"
    return text.replace(anchor, anchor + block, 1)


@pytest.fixture
def cycles(tmp_path, monkeypatch) -> GitRepo:
    """Two cycles of Value in the Valley in git, the second as `next_cycle` makes it."""
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    text = VITV.read_text(encoding="utf-8")
    repo.write("descriptions/vitv.yaml", text)
    repo.commit("Cycle 2010", "2010-07-01T12:00:00+02:00")
    repo.write("descriptions/vitv.yaml", next_cycle(text))
    repo.commit("Cycle 2011", "2011-01-15T12:00:00+01:00")
    return repo


def markdown() -> MarkdownIt:
    """CommonMark with GFM tables and raw HTML on: user text must never become HTML."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def walk(tokens: list[Any]) -> Iterator[Any]:
    for token in tokens:
        yield token
        yield from walk(token.children or [])


def test_text_report_of_two_cycles(iwp, cycles):
    result = iwp(
        "diff", "HEAD~1:descriptions/vitv.yaml", "HEAD:descriptions/vitv.yaml", "--lang", "en"
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Changes: Value in the Valley",
        "old: HEAD~1:descriptions/vitv.yaml — Value in the Valley (2010-07-01)",
        "new: HEAD:descriptions/vitv.yaml — Value in the Valley (2011-01-15)",
    ]
    expected = [
        "Summary",
        "  1  Create an authentic work environment                   7       1 → 0             1",
        "  2  Form a learning community                          4 → 5           1             0",
        "     Total                                                 42       4 → 3             3",
        "Features: 0 added, 0 removed, 3 changed (1 renamed, 1 moved). Open points: 1 resolved, 0 "
        "opened.",
        "1. Create an authentic work environment",
        "  ~ Authentieke opdrachten",
        "    ~ effect: Uitdagend, motiverend — who: J → J, S",
        "    + effect: Opdrachtgevers leren zelf van de adviezen (who: S)",
        "  ~ Professionele werkcultuur — renamed from Professionele cultuur (96% alike)",
        "    ✓ resolved: to improve (precondition) — Respecteren en naleven van regels en waarden",
        "2. Form a learning community",
        "  → Gemeenschappelijke werkruimte — moved from 6. The organisation supports learning and "
        "working",
        "    ~ also serves: learning-community → supportive-organisation",
        "6. The organisation supports learning and working",
        "  → Gemeenschappelijke werkruimte — moved to 2. Form a learning community",
        "A. Starting points",
        "  ~ occasion, urgency, goals and ambition",
        "    ~ Doel is om opdrachtgevers in [-de regio-]{+Groningen en Drenthe+} zo goed mogelijk"
        " {+en tijdig+} van advies te voorzien en …",
        "General",
        "  ~ date: 2010-07-01 → 2011-01-15",
    ]
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)


def test_markdown_report_reads_as_a_pull_request_comment(iwp, cycles):
    result = iwp(
        "diff",
        "HEAD~1:descriptions/vitv.yaml",
        "descriptions/vitv.yaml",
        "-f",
        "md",
        "--lang",
        "en",
    )
    assert result.exit_code == 0
    tokens = markdown().parse(result.stdout)
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [
        ("h2", "Changes: Value in the Valley"),
        ("h3", "Summary"),
        ("h3", "D. Design principles"),
        ("h4", "1. Create an authentic work environment"),
        ("h4", "2. Form a learning community"),
        ("h4", "6. The organisation supports learning and working"),
        ("h3", "A. Starting points"),
        ("h3", "General"),
    ]
    types = {t.type for t in walk(tokens)}
    assert {"table_open", "bullet_list_open", "fence"} <= types
    assert not types & {"html_inline", "html_block", "link_open", "image"}
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + 7 + 1  # header, the seven principles, the total
    fence = next(t for t in tokens if t.type == "fence")
    assert fence.info == "diff"
    assert fence.content.splitlines() == [
        "- Doel is om opdrachtgevers in de regio zo goed mogelijk van advies te voorzien en …",
        "+ Doel is om opdrachtgevers in Groningen en Drenthe zo goed mogelijk en tijdig van advies"
        " te voorzien en …",
    ]
    html = markdown().render(result.stdout)
    assert "<strong>Professionele werkcultuur</strong> — renamed from Professionele cultuur" in html


def test_markdown_escapes_what_users_write(iwp, tmp_path, monkeypatch):
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    text = HARBOUR.read_text(encoding="utf-8")
    repo.write("lab.yaml", text)
    repo.commit("First", "2026-09-01T10:00:00+02:00")
    evil = "<script>alert(1)</script> | *bold* [x](http://e.org) `tick` @team $x$ &amp; ~~s~~ #1"
    changed = text.replace("- name: Weekly lab lunch", f"- name: {json.dumps(evil)}")
    changed = changed.replace(
        "The lab looks for practical improvements",
        "```\n    <b>not bold</b> | The lab looks for practical improvements",
    )
    repo.write("odd`name.yaml", changed)
    result = iwp("diff", "HEAD:lab.yaml", "odd`name.yaml", "--format", "md", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    tokens = markdown().parse(result.stdout)
    types = [t.type for t in walk(tokens)]
    assert not {"html_inline", "html_block", "link_open", "s_open", "em_open"} & set(types)
    texts = "".join(t.content for t in walk(tokens) if t.type == "text")
    assert evil in texts
    codes = [t.content for t in walk(tokens) if t.type == "code_inline"]
    assert "odd`name.yaml" in codes
    fences = [t for t in tokens if t.type == "fence"]
    assert [f.info for f in fences] == ["diff"]
    assert "+ ``` <b>not bold</b> | The lab looks" in fences[0].content
    cells = [
        len([c for c in walk([t]) if c.type == "td_open"]) for t in tokens if t.type == "tr_open"
    ]
    assert set(cells) <= {0, 5}


def test_json_report_is_stable_and_documented(iwp, cycles):
    args = (
        "diff",
        "HEAD~1:descriptions/vitv.yaml",
        "HEAD:descriptions/vitv.yaml",
        "--format",
        "json",
    )
    first, second = iwp(*args), iwp(*args)
    assert first.stdout == second.stdout
    report = json.loads(first.stdout)
    assert (report["version"], report["mode"], report["equal"]) == (1, "changes", False)
    assert report["summary"] == {
        "features": {"added": 0, "removed": 0, "changed": 3, "renamed": 1, "moved": 1},
        "open_points": {"resolved": 1, "opened": 0},
        "old": {"features": 42, "also": 1, "to_improve": 4, "no_consensus": 3, "open_points": 7},
        "new": {"features": 42, "also": 1, "to_improve": 3, "no_consensus": 3, "open_points": 6},
    }
    assert report["old"]["commit"] == cycles.git("rev-parse", "HEAD~1").strip()
    documented = set(re.findall(r"`([a-z_]+)`", DOCS.read_text(encoding="utf-8")))
    assert _keys(report) - documented == set()


def _keys(value: Any) -> set[str]:
    """Every object key in a JSON value, except principle ids (data, not schema)."""
    if isinstance(value, dict):
        own = {k for k in value if k not in builtin_framework().ids}
        return own | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


def test_two_different_iwps_side_by_side(iwp):
    result = iwp("diff", VITV, HARBOUR, "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Side by side: Value in the Valley | Harbour Lab"
    for line in [
        "  #  Principle                                       A: Features  A: open points  B: "
        "Features  B: open points",
        "  2  Form a learning community                            4 (+1)             1/0       1 "
        "(+1)             0/0",
        "A addresses 7 of the 7 principles, B 7.",
        "  · A (Value in the Valley): 7",
        "    · Gezien worden als een bedrijf — who: J, S; effects: 1; preconditions: none needed",
        "  · B (Harbour Lab): 1",
        "    · Real questions from the planning department — who: J, P; effects: 2; "
        "preconditions: 1;"
        " aspect: didactics; open: to improve",
        "  Links (conjecture map)  0  14",
        "    · P: Planners and engineers of the port company",
    ]:
        assert line in lines, line
    md = iwp("diff", VITV, HARBOUR, "--format", "md").stdout
    tokens = markdown().parse(md)
    assert sum(t.type == "heading_open" and t.tag == "h4" for t in tokens) == 7
    assert not {"html_inline", "html_block"} & {t.type for t in walk(tokens)}
    report = json.loads(iwp("diff", VITV, HARBOUR, "--format", "json").stdout)
    assert (report["mode"], report["a"]["name"], report["b"]["name"]) == (
        "side-by-side",
        "Value in the Valley",
        "Harbour Lab",
    )
    assert [len(p["a"]["features"]) for p in report["principles"]] == [7, 4, 8, 10, 5, 5, 3]
    assert report["parts"]["links"] == {"a": 0, "b": 14}
    documented = set(re.findall(r"`([a-z_]+)`", DOCS.read_text(encoding="utf-8")))
    assert _keys(report) - documented == set()


def test_the_mode_can_be_forced(iwp, cycles):
    forced = iwp("diff", VITV, HARBOUR, "--changes", "--lang", "en")
    assert forced.stdout.startswith("Changes: Harbour Lab\n")
    assert "  ~ name: Value in the Valley → Harbour Lab" in forced.stdout
    sides = iwp("diff", "HEAD~1:descriptions/vitv.yaml", "descriptions/vitv.yaml", "--side-by-side")
    assert sides.stdout.startswith("Side by side: Value in the Valley | Value in the Valley\n")
    assert iwp("diff", VITV, VITV, "--side-by-side", "--exit-code").exit_code == 0


def test_names_compare_without_case_and_spacing(iwp, tmp_path):
    renamed = tmp_path / "vitv.yaml"
    renamed.write_text(
        VITV.read_text(encoding="utf-8").replace(
            "name: Value in the Valley", "name: value in  the valley"
        )
    )
    result = iwp("diff", VITV, renamed, "--format", "json")
    report = json.loads(result.stdout)
    assert report["mode"] == "changes"
    assert report["general"] == [
        {"field": "name", "old": "Value in the Valley", "new": "value in  the valley"}
    ]


def test_dutch_labels(iwp, cycles):
    result = iwp(
        "diff", "HEAD~1:descriptions/vitv.yaml", "HEAD:descriptions/vitv.yaml", "--lang", "nl"
    )
    for line in [
        "Wijzigingen: Value in the Valley",
        "Samenvatting",
        "  ~ Professionele werkcultuur — hernoemd van Professionele cultuur (96% gelijk)",
        "    ✓ opgelost: nog verbeteren (randvoorwaarde) — Respecteren en naleven van regels en "
        "waarden",
        "  → Gemeenschappelijke werkruimte — verplaatst van 6. Organisatie ondersteunt leren én "
        "werken",
        "A. Uitgangspunten",
    ]:
        assert line in result.stdout.splitlines(), line


def test_help_shows_examples_and_exit_codes(iwp):
    text = iwp("diff", "--help").stdout
    assert "iwp diff HEAD~1:descriptions/zorglab.yaml descriptions/zorglab.yaml" in text
    assert "Exit codes" in text
    assert "iwp log descriptions/zorglab.yaml" in iwp("log", "--help").stdout
