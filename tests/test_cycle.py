"""`iwp cycle FILE`: a new cycle of an IWP in its own file, and the git workflow around it.

Only the date and the ``x-cycle`` note change: every other line of the YAML or Markdown stays
byte for byte, comments included. A date on or before the current one is refused with the
reason (exit 2); a broken file gets its findings (exit 1), never a traceback; nothing is
written in either case. Committed, the cycles are what `iwp diff HEAD~1:FILE FILE` compares and
what `iwp log FILE` lists.
"""

from __future__ import annotations

import json

import pytest

from conftest import MINIMAL, VITV, write_files
from cycles_repo import git
from iwp_cli.loader import load_path

VITV_MD = VITV.with_suffix(".md")


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    old, new = before.splitlines(), after.splitlines()
    gone = [line for line in old if line not in new]
    came = [line for line in new if line not in old]
    return gone, came


@pytest.mark.parametrize("example", [VITV, VITV_MD], ids=["yaml", "md"])
def test_a_cycle_changes_the_date_and_adds_the_note_only(iwp, tmp_path, example):
    target = tmp_path / example.name
    before = example.read_text(encoding="utf-8")
    target.write_text(before, encoding="utf-8")
    result = iwp("cycle", target, "--date", "2026-12-01", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "cycle 2026-12-01 (the previous one: 2010-07-01); 7 open points carried over" in (
        result.stdout
    )
    assert 'git commit -m "Cycle 2026-12-01 of Value in the Valley"' in result.stdout
    after = target.read_text(encoding="utf-8")
    gone, came = _changed_lines(before, after)
    assert gone == ["date: 2010-07-01"]
    assert came[:4] == ["date: 2026-12-01", "x-cycle:", "  previous: 2010-07-01", "  evaluate:"]
    assert all(line.startswith("    - ") for line in came[4:])
    assert len(came) == 4 + 1 + 7  # the general question and the seven open points
    assert any("‘Balans structuur-loslaten’ (geen consensus)" in line for line in came)
    # Comments and the rest of the layout: every old line but the date is still there, in order.
    kept = [line for line in after.splitlines() if line not in came]
    assert kept == [line for line in before.splitlines() if line not in gone]
    old, new = load_path(example).description, load_path(target).description
    assert old is not None and new is not None
    assert new.model_copy(update={"date": old.date}) == old
    assert iwp("check", target).exit_code == 0


def test_a_second_cycle_replaces_the_note(iwp, tmp_path):
    target = write_files(tmp_path, {"z.yaml": "# ons lab\n" + MINIMAL + "# einde\n"}) / "z.yaml"
    assert iwp("cycle", target, "--date", "2027-02-01").exit_code == 0
    first = target.read_text(encoding="utf-8")
    assert iwp("cycle", target, "--date", "2027-09-01").exit_code == 0
    second = target.read_text(encoding="utf-8")
    assert second.count("x-cycle:") == 1
    assert "previous: 2027-02-01" in second and "date: 2027-09-01" in second
    assert second.startswith("# ons lab\n") and second.endswith("# einde\n")
    assert len(second.splitlines()) == len(first.splitlines())


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2026-09-01", "is the current one's"),
        ("2026-01-01", "is before the current one, 2026-09-01"),
    ],
)
def test_a_date_on_or_before_the_current_one_is_refused(iwp, tmp_path, date, why):
    target = write_files(tmp_path, {"z.yaml": MINIMAL}) / "z.yaml"
    result = iwp("cycle", target, "--date", date, "--lang", "en")
    assert result.exit_code == 2
    assert why in result.stderr and "give a later --date" in result.stderr
    assert target.read_text(encoding="utf-8") == MINIMAL


def test_a_broken_file_gets_its_findings(iwp, tmp_path):
    broken = "iwp: 1\nname: x\ndate: 2026-01-01\n  bad: [\n"
    target = write_files(tmp_path, {"b.yaml": broken}) / "b.yaml"
    result = iwp("cycle", target, "--lang", "en")
    assert result.exit_code == 1
    assert "b.yaml:4:6: IWP001 this line is indented differently" in result.stderr
    assert "not a valid description; nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == broken


def test_cycles_are_commits_that_diff_and_log_follow(iwp, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    target = write_files(repo, {"descriptions/zorglab.yaml": MINIMAL}) / "descriptions/zorglab.yaml"
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Cycle 2026-09-01", date="2026-09-01T10:00:00")
    assert iwp("cycle", target, "--date", "2027-02-01").exit_code == 0
    git(repo, "commit", "-qam", "Cycle 2027-02-01", date="2027-02-01T10:00:00")
    monkeypatch.chdir(repo)
    diff = iwp("diff", "HEAD~1:descriptions/zorglab.yaml", "descriptions/zorglab.yaml")
    assert diff.exit_code == 0
    assert "2026-09-01" in diff.stdout and "2027-02-01" in diff.stdout
    log = iwp("log", "descriptions/zorglab.yaml", "--format", "json")
    assert log.exit_code == 0
    assert log.stdout.index('"2027-02-01"') < log.stdout.index('"2026-09-01"')


def test_log_lists_one_row_per_cycle(iwp, tmp_path, monkeypatch):
    from cycles_repo import three_cycles

    repo = tmp_path / "repo"
    three_cycles(repo)
    monkeypatch.chdir(repo)
    every = iwp("log", "descriptions/zorglab.yaml", "--format", "json")
    cycles = iwp("log", "descriptions/zorglab.yaml", "--format", "json", "--cycles", "--reverse")
    assert every.exit_code == 0 and cycles.exit_code == 0
    assert every.stdout.count('"described"') == 4  # three cycles and a typo fixed in the second
    found = [c["described"] for c in json.loads(cycles.stdout)["cycles"]]
    assert found == ["2026-02-01", "2026-09-01", "2027-02-01"]
    subjects = [c["subject"] for c in json.loads(cycles.stdout)["cycles"]]
    assert subjects[1] == "Typfout"  # the cycle as it stood at its end
