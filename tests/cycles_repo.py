"""A real git repository with an IWP in three cycles, for the tests of the site's timeline.

Cycle 1 (2026-02-01) is MINIMAL with an open point; cycle 2 (2026-09-01, made with `iwp cycle`)
adds a feature; cycle 3 (2027-02-01) resolves the open point. A commit in the middle of cycle 2
fixes a typo: it is work in progress, not a cycle.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import MINIMAL
from iwp_cli.cli import app

CYCLE_1 = MINIMAL.replace("date: 2026-09-01", "date: 2026-02-01").replace(
    "        preconditions: []\n",
    "        preconditions: [{text: Een vaste contactpersoon, status: to-improve}]\n",
)
CYCLE_2_FEATURE = (
    "      - name: Studenten lopen mee op de afdeling\n"
    "        effects: [{text: Zien hoe de zorg werkt op de werkvloer, who: [J]}]\n"
    "        preconditions: []\n"
)


def git(folder: Path, *args: str, date: str = "2026-01-01T12:00:00") -> str:
    """Run git in ``folder`` as a fixed author at ``date``, without the machine's or the user's
    git configuration; its standard output."""
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "Team",
        "GIT_AUTHOR_EMAIL": "team@example.org",
        "GIT_COMMITTER_NAME": "Team",
        "GIT_COMMITTER_EMAIL": "team@example.org",
    }
    done = subprocess.run(
        ["git", "-C", str(folder), *args], check=True, capture_output=True, env=env, text=True
    )
    return done.stdout


def _cycle(target: Path, date: str) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["cycle", str(target), "--date", date])
    assert result.exit_code == 0, result.output


def three_cycles(repo: Path) -> Path:
    """Make the repository; returns its ``descriptions`` folder."""
    folder = repo / "descriptions"
    folder.mkdir(parents=True)
    target = folder / "zorglab.yaml"
    target.write_text(CYCLE_1, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Cyclus 2026-02-01 van Zorglab Noord", date="2026-02-01T09:00:00")
    _cycle(target, "2026-09-01")
    text = target.read_text(encoding="utf-8")
    target.write_text(text + CYCLE_2_FEATURE, encoding="utf-8")
    git(repo, "commit", "-qam", "Cyclus 2026-09-01 van Zorglab Noord", date="2026-09-01T09:00:00")
    target.write_text(
        target.read_text(encoding="utf-8").replace("Personeelstekort", "Het personeelstekort"),
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "Typfout", date="2026-10-01T09:00:00")
    _cycle(target, "2027-02-01")
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace(
            "{text: Een vaste contactpersoon, status: to-improve}", "Een vaste contactpersoon"
        ),
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "Cyclus 2027-02-01 van Zorglab Noord", date="2027-02-01T09:00:00")
    return folder
