"""The JSON Schema: in step with the models, and accepted by a real validator on every example."""

from __future__ import annotations

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
    assert (
        "Creëer een authentieke werkomgeving"
        in (principles["properties"]["authentic-work-environment"]["description"])
    )
