"""Hostile text stays text in every human format, and a long line stays short (issue 13, items 18
and 22)."""

from __future__ import annotations

import pytest

from conftest import MINIMAL

#: A key that, printed raw, would forge a GitHub annotation on another file, stop the runner's
#: command processing, and erase a line from a GitLab log.
FORGED = r"x\n::error file=other.yaml,line=1::forged\n::stop-commands::tok\r\e[2Kgone"
CONTROLS = ("\r", "\x1b", "\x07", "\u202e")


def hostile(tmp_path):
    text = MINIMAL.replace("iwp: 1", f'iwp: 1\n"{FORGED}": 1\n"bidi\\u202eevil\\a": 2').replace(
        "name: Zorglab Noord", 'name: "Zorglab\\e[2K\\rNoord"'
    )
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_control_characters_from_a_description_are_escaped(iwp, tmp_path, fmt):
    result = iwp("check", hostile(tmp_path), "--format", fmt, "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")]
    assert not [c for c in CONTROLS if c in result.stdout]
    assert "\\n::error file=other.yaml,line=1::forged\\n::stop-commands::tok\\r\\x1b[2Kgone" in (
        result.stdout
    )
    assert "bidi\\u202eevil\\x07" in result.stdout
    if fmt == "concise":  # one line per finding, then the summary
        assert len(lines) == 3
        assert all(line.startswith(f"{tmp_path / 'evil.yaml'}:") for line in lines[:-1])


def test_control_characters_in_a_diff_are_escaped(iwp, tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(
        MINIMAL.replace("name: Echte vragen", 'name: "Echte vragen\\r\\e[2K\\n::error::x"').replace(
            "Motiverend", '"Motiverend\\e[31m"'
        ),
        encoding="utf-8",
    )
    result = iwp("diff", old, new, "--format", "text", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert not [c for c in CONTROLS if c in result.stdout]
    assert not [line for line in result.stdout.splitlines() if line.lstrip().startswith("::")]
    assert "\\x1b" in result.stdout


def test_a_long_line_is_shown_as_a_window_around_the_column(iwp, tmp_path):
    padding = "a" * 200_000
    keys = ", ".join(f"k{n}: {n}" for n in range(300))
    line = f"starting_points: {{occasion: {padding}, context: b, {keys}}}"
    text = MINIMAL.replace(
        "starting_points:\n  occasion: Personeelstekort in de zorg.\n"
        "  context: Een hbo, een mbo en twee zorginstellingen.",
        line,
    )
    assert text.splitlines()[3] == line
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    result = iwp("check", path, "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.count(": IWP020 error:") == 300
    assert len(result.stdout) < 500_000, f"{len(result.stdout):,} characters"
    lines = result.stdout.splitlines()
    shown = [row for row in lines if row.startswith("    4 | ")]
    assert len(shown) == 300
    assert max(len(row) for row in shown) <= 130
    for finding, row, caret in zip(lines, lines[1:], lines[2:], strict=False):
        if ":4:" in finding and row.startswith("    4 | "):
            column = int(finding.split(":4:")[1].split(":")[0])
            at = caret.index("^")
            assert row[at : at + 3] == line[column - 1 : column + 2]
