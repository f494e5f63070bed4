"""The README keeps its promises: two quick-start commands, CI runs the same test command, and
the format example in it is a valid description."""

from __future__ import annotations

import re

from conftest import ROOT
from iwp_cli.loader import load_text

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_quick_start_is_two_commands_and_ci_runs_the_second():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick_start, flags=re.S)
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert "iwp check examples/value-in-the-valley.md" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_format_example_in_the_readme_is_valid():
    (example,) = [block for block in blocks("yaml") if "iwp: 1" in block]
    loaded = load_text(example)
    assert loaded.findings == []
    assert loaded.description is not None


def test_markdown_example_in_the_readme_is_valid_and_means_its_marks():
    (example,) = [block for block in blocks("markdown") if "iwp: 1" in block]
    loaded = load_text(example, shown="readme.md")
    assert loaded.findings == []
    assert loaded.description is not None
    feature = loaded.description.principles["authentic-work-environment"].features[1]
    assert feature.also == ["supportive-organisation"]
    assert feature.effects[0].who == ["J", "S"]
    assert feature.preconditions == []
