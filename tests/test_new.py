"""`iwp new`: a commented scaffold that fails `iwp check` only on its placeholders, never
overwriting; `--from` for a new cycle; `--set`; and the questions on a real terminal."""

from __future__ import annotations

import datetime
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, VITV
from iwp_cli.framework import builtin_framework
from iwp_cli.loader import load_path

TODAY = datetime.date.today().isoformat()


def codes_of(iwp, path: Path) -> list[str]:
    result = iwp("check", path, "--format", "json")
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_scaffold_is_valid_and_fails_only_on_placeholders(iwp, tmp_path, lang):
    result = iwp(
        "new", "Zorglab Noord", "--no-input", "--lang", lang, "--format", "yaml", "-o", tmp_path
    )
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "zorglab-noord.yaml"
    assert f"{'geschreven:' if lang == 'nl' else 'wrote'} {path}" in result.stdout
    loaded = load_path(path)
    assert loaded.findings == [] and loaded.description is not None
    assert loaded.description.name == "Zorglab Noord"
    assert loaded.description.date.isoformat() == TODAY
    assert loaded.description.language.value == lang
    assert iwp("check", path).exit_code == 1
    found = codes_of(iwp, path)
    assert found and set(found) == {"IWP404"}
    filled = re.sub(r'"TODO: ([^"]*)"', r'"Ingevuld: \1"', path.read_text(encoding="utf-8"))
    path.write_text(filled, encoding="utf-8")
    assert codes_of(iwp, path) == []


def test_scaffold_is_schema_valid(iwp, tmp_path):
    iwp("new", "Zorglab", "--no-input", "-o", tmp_path / "a.yaml")
    executable = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [executable, "--schemafile", ROOT / "schemas" / "iwp-1.schema.json", tmp_path / "a.yaml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_scaffold_carries_the_handbooks_guidance(iwp, tmp_path, lang):
    iwp("new", "Zorglab", "--no-input", "--lang", lang, "-o", tmp_path / "a.yaml")
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    comments = " ".join(
        line.strip().lstrip("#").strip()
        for line in text.splitlines()
        if line.strip().startswith("#")
    )
    for info in builtin_framework().principles:
        assert f"{info.number}. {info.title[lang]}" in comments
        assert " ".join(info.definition[lang].split()) in comments
    words = {
        "nl": [
            "Aanleiding & maatschappelijke urgentie",
            "Context, randvoorwaarden",
            "J (junior",
            '[] betekent "-"',
            "no-consensus (geen consensus)",
            "`also`",
            "aspect:",
            "supports:",
        ],
        "en": [
            "Occasion and urgency",
            "Context, conditions",
            "J (junior",
            '[] means "-"',
            "no-consensus",
            "`also`",
            "aspect:",
            "supports:",
        ],
    }[lang]
    for word in words:
        assert word in comments, word


@pytest.mark.parametrize("name", ["a.yaml", "a.md"])
def test_a_second_new_leaves_the_first_file_untouched(iwp, tmp_path, name):
    """In either form: never overwritten without --force, which keeps the old file as .bak."""
    target = tmp_path / name
    assert iwp("new", "Eerste", "--no-input", "-o", target).exit_code == 0
    before = target.read_bytes()
    result = iwp("new", "Tweede", "--no-input", "-o", target)
    assert result.exit_code == 2
    assert f"{target} exists" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    forced = iwp("new", "Tweede", "--no-input", "-o", target, "--force")
    assert forced.exit_code == 0 and f"{name}.bak" in forced.stdout
    assert (tmp_path / f"{name}.bak").read_bytes() == before


def test_force_replaces_atomically_and_keeps_a_backup(iwp, tmp_path):
    target = tmp_path / "a.yaml"
    iwp("new", "Eerste", "--no-input", "-o", target)
    before = target.read_bytes()
    result = iwp("new", "Tweede", "--no-input", "-o", target, "--force")
    assert result.exit_code == 0
    assert "a.yaml.bak" in result.stdout
    assert (tmp_path / "a.yaml.bak").read_bytes() == before
    assert 'name: "Tweede"' in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "a.yaml.bak"]


def test_set_fills_in_values_and_refuses_what_is_not_valid(iwp, tmp_path):
    target = tmp_path / "a.yaml"
    result = iwp(
        "new",
        "Zorglab",
        "--no-input",
        "-o",
        target,
        "--set",
        "tags=[zorg, ict]",
        "--set",
        "partners[0].name=Hanzehogeschool",
        "--set",
        "starting_points.context=Een hbo, een mbo en twee zorginstellingen.",
    )
    assert result.exit_code == 0, result.stderr
    description = load_path(target).description
    assert description is not None
    assert description.tags == ["zorg", "ict"]
    assert description.partners[0].name == "Hanzehogeschool"
    assert description.starting_points.context.startswith("Een hbo")
    assert "# Vrije labels" in target.read_text(encoding="utf-8")  # comments kept
    bad = iwp("new", "X", "--no-input", "-o", tmp_path / "b.yaml", "--set", "language=fr")
    assert bad.exit_code == 2 and "IWP023" in bad.stderr
    missing = iwp("new", "X", "--no-input", "-o", tmp_path / "c.yaml", "--set", "nope.deeper=1")
    assert missing.exit_code == 2 and "there is no 'nope.deeper'" in missing.stderr
    assert not (tmp_path / "b.yaml").exists() and not (tmp_path / "c.yaml").exists()


def test_no_input_needs_a_name(iwp, tmp_path):
    result = iwp("new", "--no-input", "-o", tmp_path)
    assert result.exit_code == 2
    assert "NAME" in result.stderr


def test_from_starts_a_new_cycle_with_comments_kept(iwp, tmp_path):
    source = tmp_path / "vitv.yaml"
    shutil.copy(VITV, source)
    result = iwp("new", "--from", source)
    assert result.exit_code == 0, result.stderr
    target = tmp_path / f"vitv-{TODAY}.yaml"
    assert f"wrote {target}" in result.stdout
    old, new = source.read_text(encoding="utf-8"), target.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]
    assert changed == [("date: 2010-07-01", f"date: {TODAY}")]
    again = iwp("new", "--from", target, "-o", tmp_path / "next.yaml")
    assert again.exit_code == 0
    assert iwp("new", "--from", source).exit_code == 2  # the dated copy exists already


def _read_until(fd: int, pattern: str, screen: list[str], start: int) -> int:
    """Read the terminal into ``screen[0]`` until ``pattern`` shows after ``start``; returns
    where it ends."""
    deadline = time.monotonic() + 30
    while (found := screen[0].find(pattern, start)) < 0:
        if time.monotonic() > deadline:
            raise AssertionError(f"no {pattern!r} in {screen[0][start:]!r}")
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                screen[0] += os.read(fd, 4096).decode("utf-8", "replace")
            except OSError:
                break
    return found + len(pattern)


def start_on_terminal(
    folder: Path, args: list[str], locale: str
) -> tuple[subprocess.Popen[bytes], int]:
    """`iwp new ARGS` in ``folder`` on a real pseudo-terminal; the process and the terminal's
    side to read its screen from and type into."""
    main, child = pty.openpty()
    env = {**os.environ, "LANG": locale, "COLUMNS": "200", "TERM": "dumb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "iwp_cli", "new", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        cwd=folder,
        env=env,
        close_fds=True,
    )
    os.close(child)
    return process, main


@pytest.mark.parametrize("file", ["lab.yaml", "lab.md"])
def test_questions_on_a_terminal(tmp_path, file):
    """Run `iwp new` on a real pseudo-terminal and answer its questions, one of them wrongly;
    the same questions for either form."""
    process, main = start_on_terminal(tmp_path, ["--lang", "en", "-o", file], "en_GB.UTF-8")
    screen = [""]
    cursor = 0
    answers = [
        ("Name of the IWP", "Harbour Lab"),
        ("Language of the description", "en"),
        ("Partner organisations", "Port of Noord, Noord College"),
        ("Participant groups", "J=Students; X Y=wrong"),
        ("is not a participant code", ""),
        ("Participant groups", "J=Students; S=Teachers; P=Port professionals"),
    ]
    try:
        for prompt, answer in answers:
            cursor = _read_until(main, prompt, screen, cursor)
            if answer:
                os.write(main, answer.encode() + b"\r")
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()
        os.close(main)
    description = load_path(tmp_path / file).description
    assert description is not None
    assert description.name == "Harbour Lab"
    assert [p.name for p in description.partners] == ["Port of Noord", "Noord College"]
    assert [(g.code, g.name) for g in description.groups] == [
        ("J", "Students"),
        ("S", "Teachers"),
        ("P", "Port professionals"),
    ]


MODELINE = "# yaml-language-server: $schema="


@pytest.mark.parametrize("folder", ["descriptions", "descriptions/archief/2025", "."])
def test_new_points_editors_at_the_repositorys_schema(iwp, tmp_path, folder):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert iwp("init", tmp_path, "--ci", "none").exit_code == 0
    target = tmp_path / folder / "zorglab.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert iwp("new", "Zorglab", "--no-input", "-o", target).exit_code == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE)
    reference = first.removeprefix(MODELINE)
    assert not Path(reference).is_absolute()
    assert (target.parent / reference).resolve() == (tmp_path / "schemas/iwp-1.schema.json")
    assert codes_of(iwp, target) and set(codes_of(iwp, target)) == {"IWP404"}


def test_new_outside_a_repository_with_a_schema_writes_no_modeline(iwp, tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert iwp("new", "Zorglab", "--no-input", "-o", tmp_path / "a.yaml").exit_code == 0
    assert not (tmp_path / "a.yaml").read_text(encoding="utf-8").startswith(MODELINE)
