"""`iwp log`: the cycles of one description through git, across a rename of its file."""

from __future__ import annotations

import json
import re

import pytest

from conftest import VITV
from test_diff_formats import DOCS, _keys, markdown, next_cycle, walk
from test_diff_sources import GitRepo

DATES = ("2010-07-01T12:00:00+02:00", "2011-01-15T12:00:00+01:00", "2011-07-01T12:00:00+02:00")


@pytest.fixture
def history(tmp_path, monkeypatch) -> tuple[GitRepo, list[str]]:
    """Three cycles of Value in the Valley; the file is renamed in the second commit. An
    unrelated file changes in between (not listed)."""
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    first = VITV.read_text(encoding="utf-8")
    repo.write("vitv.yaml", first)
    commits = [repo.commit("Cycle 2010: from the handbook", DATES[0])]
    repo.write("README.md", "# Our IWPs\n")
    repo.commit("Add a README", "2010-09-01T12:00:00+02:00")
    repo.git("mv", "vitv.yaml", "descriptions-vitv.yaml")
    (repo.root / "descriptions").mkdir()
    repo.git("mv", "descriptions-vitv.yaml", "descriptions/value-in-the-valley.yaml")
    second = next_cycle(first)
    repo.write("descriptions/value-in-the-valley.yaml", second)
    commits.append(
        repo.commit("Cycle 2011-1: move the shared room, resolve the culture point", DATES[1])
    )
    third = second.replace("date: 2011-01-15", "date: 2011-07-01").replace(
        "      - name: Expliciete cultuur\n",
        "      - name: Intervisie voor senioren\n"
        "        effects: [{text: Samen leren coachen, who: [S]}]\n"
        "        preconditions: [{text: Tijd in de planning, status: to-improve}]\n"
        "      - name: Expliciete cultuur\n",
    )
    repo.write("descriptions/value-in-the-valley.yaml", third)
    commits.append(repo.commit("Cycle 2011-2 | intervisie", DATES[2]))
    return repo, commits


def test_log_lists_each_cycle_across_the_rename(iwp, history):
    commits = history[1]
    result = iwp("log", "descriptions/value-in-the-valley.yaml", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "History: descriptions/value-in-the-valley.yaml"
    assert lines[1].split() == [
        "Commit",
        "Date",
        "Cycle",
        "(date)",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "Features",
        "To",
        "improve",
        "No",
        "consensus",
        "Message",
    ]
    rows = [line.split(None, 13) for line in lines[2:5]]
    assert [row[0] for row in rows] == [c[:7] for c in reversed(commits)]
    assert [row[1:3] for row in rows] == [
        ["2011-07-01", "2011-07-01"],
        ["2011-01-15", "2011-01-15"],
        ["2010-07-01", "2010-07-01"],
    ]
    assert [row[3:13] for row in rows] == [
        ["7", "5", "8", "10", "5", "5", "3", "43", "4", "3"],
        ["7", "5", "8", "10", "5", "4", "3", "42", "3", "3"],
        ["7", "4", "8", "10", "5", "5", "3", "42", "4", "3"],
    ]
    assert rows[0][13] == "Cycle 2011-2 | intervisie"
    assert "  · 1: Create an authentic work environment" in lines
    assert "Add a README" not in result.stdout


def test_log_oldest_first_and_limited(iwp, history):
    _, commits = history
    result = iwp("log", "descriptions/value-in-the-valley.yaml", "--reverse", "-n", "2")
    shown = [line.split()[0] for line in result.stdout.splitlines()[2:4]]
    assert shown == [commits[1][:7], commits[2][:7]]


def test_log_json(iwp, history):
    _, commits = history
    result = iwp("log", "descriptions/value-in-the-valley.yaml", "--format", "json")
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["path"] == "descriptions/value-in-the-valley.yaml"
    cycles = report["cycles"]
    assert [c["commit"] for c in cycles] == commits[::-1]
    assert [c["path"] for c in cycles] == [
        "descriptions/value-in-the-valley.yaml",
        "descriptions/value-in-the-valley.yaml",
        "vitv.yaml",
    ]
    assert [c["date"] for c in cycles] == list(DATES[::-1])
    assert [c["described"] for c in cycles] == ["2011-07-01", "2011-01-15", "2010-07-01"]
    assert cycles[0]["principles"]["supportive-organisation"] == {
        "features": 5,
        "also": 1,
        "to_improve": 2,
        "no_consensus": 0,
        "open_points": 2,
    }
    assert cycles[2]["principles"]["learning-community"]["also"] == 1
    assert report["principles"][0]["id"] == "authentic-work-environment"
    documented = set(re.findall(r"`([a-z_]+)`", DOCS.read_text(encoding="utf-8")))
    assert _keys(report) - documented == set()


def test_log_markdown(iwp, history):
    result = iwp("log", "descriptions/value-in-the-valley.yaml", "--format", "md", "--lang", "nl")
    tokens = markdown().parse(result.stdout)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 4
    texts = [t.content for t in walk(tokens) if t.type == "text"]
    assert "Cycle 2011-2 | intervisie" in texts  # the pipe is escaped, the table holds
    assert result.stdout.startswith("## Geschiedenis: `descriptions/value-in-the-valley.yaml`\n")


def test_log_keeps_revisions_that_are_not_valid(iwp, history):
    repo, _ = history
    path = repo.root / "descriptions" / "value-in-the-valley.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("iwp: 1", "iwp: 2"), encoding="utf-8")
    broken = repo.commit("Try format 2", "2012-01-01T12:00:00+01:00")
    path.unlink()
    gone = repo.commit("Retire the description", "2012-02-01T12:00:00+01:00")
    result = iwp("log", "descriptions/value-in-the-valley.yaml", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2].split()[:4] == [gone[:7], "2012-02-01", "deleted", "—"]
    assert lines[3].split()[:4] == [broken[:7], "2012-01-01", "invalid", "—"]
    assert (
        f"  ! {broken[:7]}:descriptions/value-in-the-valley.yaml: IWP005 unknown format version 2;"
        " this iwp reads version 1 (`iwp: 1`)" in lines
    )


def test_log_lists_a_merge_that_changes_the_description(iwp, history):
    repo = history[0]
    path = "descriptions/value-in-the-valley.yaml"
    repo.git("checkout", "-q", "-b", "next-semester", "HEAD~1")
    text = (repo.root / path).read_text(encoding="utf-8")
    repo.write(path, text.replace("ism opleidingen", "samen met opleidingen"))
    repo.commit("Write out ism", "2011-08-01T12:00:00+02:00")
    repo.git("checkout", "-q", "main")
    date = "2011-08-02T12:00:00+02:00"
    stamp = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    repo.git("merge", "-q", "--no-edit", "next-semester", env=stamp)
    report = json.loads(iwp("log", path, "--format", "json").stdout)
    first = report["cycles"][0]
    assert first["subject"] == "Merge branch 'next-semester'"
    assert (first["date"], first["described"]) == (date, "2011-07-01")
    assert len(report["cycles"]) == 5


def test_log_errors_exit_2(iwp, history, tmp_path, monkeypatch):
    repo = history[0]
    repo.write("new.yaml", VITV.read_text(encoding="utf-8"))
    untracked = iwp("log", "new.yaml")
    assert untracked.exit_code == 2
    assert (
        untracked.stderr
        == "iwp: new.yaml: no commit changes it in this repository (is it committed?)\n"
    )
    folder = iwp("log", "descriptions")
    assert folder.exit_code == 2
    assert "a folder; iwp log follows one description file" in folder.stderr
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = iwp("log", "vitv.yaml")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr
