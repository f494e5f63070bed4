"""Input made to break iwp gets a finding or a one-line usage error, never a traceback.

Issue 13, items 1-7: each case is the attack as it was made, on real files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, write_files

HUGE_HEX = "0x" + "f" * 5000
HUGE_OCTAL = "0o" + "7" * 5000


def run_iwp(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`iwp` as a user runs it: its own process, bytes in and out."""
    command = [sys.executable, "-m", "iwp_cli", *(os.fsencode(a) for a in args)]
    env = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run(command, capture_output=True, cwd=cwd, env=env, timeout=120, check=False)


def no_traceback(*texts: str | bytes) -> bool:
    return all(b"Traceback" not in (t if isinstance(t, bytes) else t.encode()) for t in texts)


# Item 1: a date in the year 9999 is in the future, never "year 10000 is out of range".
@pytest.mark.parametrize("command", ["check", "render"])
def test_a_date_in_the_year_9999_is_a_finding(iwp, tmp_path, command):
    path = tmp_path / "far.yaml"
    path.write_text(MINIMAL.replace("date: 2026-09-01", "date: 9999-12-01"), encoding="utf-8")
    result = iwp(command, path, "--lang", "en")
    assert result.exit_code == 0, result.stdout + result.stderr
    if command == "check":
        assert "IWP405" in result.stdout
        assert "IWP406" not in result.stdout


# Item 2: a stale-after that no calendar can add is a configuration error, found by `iwp config`.
@pytest.mark.parametrize("value", ["100000", "12345678901234567890"])
def test_a_huge_stale_after_is_a_configuration_error(iwp, tmp_path, value):
    write_files(tmp_path, {"iwp.toml": f"stale-after = {value}\n", "a.yaml": MINIMAL})
    shown = iwp("config", tmp_path)
    assert shown.exit_code == 2
    assert "stale-after" in shown.stderr
    checked = iwp("check", tmp_path / "a.yaml")
    assert checked.exit_code == 2
    assert "stale-after" in checked.stderr
    assert "less than or equal to 1200" in checked.stderr


# Item 3: an integer too long to print, in `iwp`, in `name`, in an `x-` key.
@pytest.mark.parametrize(
    "text",
    [
        MINIMAL.replace("iwp: 1", f"iwp: {HUGE_HEX}"),
        MINIMAL.replace("name: Zorglab Noord", f"name: {HUGE_HEX}"),
        MINIMAL.replace("iwp: 1", f"iwp: 1\nx-local: {HUGE_OCTAL}"),
    ],
    ids=["iwp", "name", "x-key"],
)
@pytest.mark.parametrize("command", ["check", "render"])
def test_an_integer_too_long_to_print_is_a_finding(iwp, tmp_path, text, command):
    path = tmp_path / "big.yaml"
    path.write_text(text, encoding="utf-8")
    result = iwp(command, path, "--lang", "en")
    assert result.exit_code == 1, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "IWP008" in output
    assert "5,002 digits" in output


# Item 4: a symbolic link to itself in a checked folder.
def test_a_self_referencing_link_is_a_finding_and_the_others_are_checked(iwp, tmp_path):
    write_files(tmp_path, {"good.yaml": MINIMAL})
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    result = iwp("check", tmp_path, "--lang", "en", "-f", "concise")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert f"{tmp_path / 'loop.yaml'}:0:0: IWP010 the file cannot be read" in result.stdout
    assert "2 files checked" in result.stdout
    named = iwp("check", tmp_path / "loop.yaml")
    assert named.exit_code == 1
    assert "IWP010" in named.stdout


# Item 5: configuration files that are not what they should be.
@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("iwp.toml", b'lang = "nl"\n# caf\xe9\n', "not UTF-8"),
        ("iwp.toml", b'framework = "a\\u0000b"\n', "not a file name"),
        ("iwp.toml", b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "not valid TOML"),
        ("pyproject.toml", b'tool = "iwp"\n', None),
        ("pyproject.toml", b'[tool]\niwp = "yes"\n', "must be a table"),
    ],
    ids=["not-utf8", "nul-in-framework", "deep-arrays", "tool-is-text", "tool-iwp-is-text"],
)
def test_a_broken_configuration_is_one_line_without_traceback(iwp, tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    for args in (("config", tmp_path), ("check", tmp_path / "a.yaml")):
        result = iwp(*args)
        if words is None:  # `tool = "iwp"` is no [tool.iwp] table: the defaults apply
            assert result.exit_code == 0, result.stdout + result.stderr
            continue
        assert result.exit_code == 2, result.stdout + result.stderr
        assert words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


# Item 7: a file name with bytes that are not UTF-8.
@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8_gives_valid_reports(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.yaml")).write_text(MINIMAL, encoding="utf-8")
    shown = str(folder / "caf\\xe9.yaml")

    done = run_iwp("check", folder, "-f", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.decode("utf-8"))  # strict: valid UTF-8
    assert report["files"] == [shown]

    old = tmp_path / "report.json"
    old.write_text('{"old": true}\n', encoding="utf-8")
    done = run_iwp("check", folder, "-f", "json", "-o", old, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(old.read_text(encoding="utf-8"))["files"] == [shown]

    done = run_iwp("render", folder, "-o", tmp_path / "site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert no_traceback(done.stdout, done.stderr)
    assert (tmp_path / "site" / "index.html").is_file()
    assert "caf\\xe9.yaml" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
