"""The JSON Schema: in step with the models, and accepted by a real validator on every example."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, ROOT
from iwp_cli.schema import schema_text

SCHEMA = ROOT / "schemas" / "iwp-1.schema.json"


def test_schema_file_is_up_to_date():
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "schemas/iwp-1.schema.json is out of date: run `iwp schema -o schemas/iwp-1.schema.json`"
    )


def test_iwp_schema_prints_and_writes_it(iwp, tmp_path):
    printed = iwp("schema")
    assert printed.exit_code == 0
    assert printed.stdout == schema_text()
    target = tmp_path / "schema.json"
    assert iwp("schema", "--output", target).exit_code == 0
    assert target.read_text(encoding="utf-8") == schema_text()


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if executable is None:
        pytest.fail("check-jsonschema is not installed (pip install -e '.[test]')")
    return subprocess.run(
        [executable, "--schemafile", str(SCHEMA), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_jsonschema_accepts_every_example():
    examples = sorted(EXAMPLES.glob("*.yaml"))
    assert len(examples) >= 2
    done = check_jsonschema(*examples)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_refuses_what_iwp_refuses(iwp, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nnmae: typo"))
    assert iwp("check", bad).exit_code == 1
    done = check_jsonschema(bad)
    assert done.returncode == 1
    assert "nmae" in done.stdout


def test_schema_completes_the_seven_principles():
    import json

    schema = json.loads(schema_text())
    principles = schema["properties"]["principles"]
    assert list(principles["properties"])[:2] == [
        "authentic-work-environment",
        "learning-community",
    ]
    first = principles["properties"]["authentic-work-environment"]
    assert first["title"] == (
        "1. Creëer een authentieke werkomgeving (Create an authentic work environment)"
    )
    assert first["description"].startswith("De innovatiewerkplaats (context, taken")


# The editor and the checker agree: the same files, judged by iwp and by check-jsonschema (which
# also checks `format: date`). `iwp check` fails a file with an error; the schema rejects it.

CUSTOM_FRAMEWORK = """\
id: ours
extends: cremers-2016
principles:
  - id: open-data
    title: {nl: Deel open data, en: Share open data}
    definition: {nl: Resultaten zijn openbaar., en: Results are public.}
"""
OPEN_DATA = "  open-data:\n    features: []\n"


def variant(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new)


#: name, text, valid (for both)
AGREEMENT = [
    ("good", MINIMAL, True),
    ("number-as-name", variant("name: Zorglab Noord", "name: 007"), True),
    ("number-as-text", variant("[Adviezen]", "[2026]"), True),
    ("number-as-id", variant("[Adviezen]", "[{id: 12, text: Adviezen}]"), True),
    ("leap-day", variant("date: 2026-09-01", "date: 2024-02-29"), True),
    ("no-leap-day", variant("date: 2026-09-01", "date: 2025-02-29"), False),
    ("february-30", variant("date: 2026-09-01", "date: 2026-02-30"), False),
    ("month-13", variant("date: 2026-09-01", "date: 2026-13-01"), False),
    ("date-with-time", variant("date: 2026-09-01", "date: 2026-09-01T00:00:00"), False),
    ("date-as-number", variant("date: 2026-09-01", "date: 20260901"), False),
    ("unknown-key", variant("name: Zorglab Noord", "name: Zorglab Noord\nnmae: x"), False),
    ("unknown-principle", MINIMAL + "  reflectie:\n    features: []\n", False),
    (
        "unknown-principle-builtin-named",
        variant("iwp: 1", "iwp: 1\nframework: cremers-2016") + OPEN_DATA,
        False,
    ),
    ("unknown-also", variant("preconditions: []", "preconditions: []\n        also: [x]"), False),
    ("own-framework-named", variant("iwp: 1", "iwp: 1\nframework: ours") + OPEN_DATA, True),
]


def judged_by_iwp(iwp, folder: Path) -> dict[str, bool]:
    report = json.loads(iwp("check", folder, "--format", "json").stdout)
    failed = {Path(f["file"]).stem for f in report["findings"] if f["severity"] == "error"}
    return {Path(f).stem: Path(f).stem not in failed for f in report["files"]}


def judged_by_check_jsonschema(files: list[Path]) -> dict[str, bool]:
    executable = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert executable is not None
    done = subprocess.run(
        [executable, "--schemafile", str(SCHEMA), "--output-format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    rejected = {Path(e["filename"]).stem for e in [*report["errors"], *report["parse_errors"]]}
    return {path.stem: path.stem not in rejected for path in files}


def test_the_schema_and_iwp_check_agree(iwp, tmp_path):
    (tmp_path / "iwp.toml").write_text('framework = "ours.yml"\n', encoding="utf-8")
    (tmp_path / "ours.yml").write_text(CUSTOM_FRAMEWORK, encoding="utf-8")
    folder = tmp_path / "descriptions"
    folder.mkdir()
    files = []
    for name, text, _ in AGREEMENT:
        files.append(folder / f"{name}.yaml")
        files[-1].write_text(text, encoding="utf-8")
    expected = {name: valid for name, _, valid in AGREEMENT}
    assert judged_by_iwp(iwp, folder) == expected
    assert judged_by_check_jsonschema(files) == expected


def test_a_description_under_the_repositorys_own_framework_names_it(iwp, tmp_path):
    """The one place they differ, by choice: iwp.toml can make another framework the default,
    which the schema cannot read; descriptions that use its ids write `framework: ours`."""
    (tmp_path / "iwp.toml").write_text('framework = "ours.yml"\n', encoding="utf-8")
    (tmp_path / "ours.yml").write_text(CUSTOM_FRAMEWORK, encoding="utf-8")
    path = tmp_path / "unnamed.yaml"
    path.write_text(MINIMAL + OPEN_DATA, encoding="utf-8")
    assert judged_by_iwp(iwp, tmp_path) == {"unnamed": True}
    assert judged_by_check_jsonschema([path]) == {"unnamed": False}


def test_the_date_pattern_is_exactly_the_calendar():
    import datetime
    import re

    from iwp_cli.model.description import DATE_PATTERN

    pattern = re.compile(DATE_PATTERN)
    for year in [*range(0, 5), 1600, 1700, 1900, 2000, 2023, 2024, 2025, 2100, 2400, 9999]:
        for month in range(14):
            for day in range(33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                try:
                    datetime.date.fromisoformat(text)
                except ValueError:
                    valid = False
                else:
                    valid = True
                assert bool(pattern.match(text)) == valid, text
