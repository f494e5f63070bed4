"""`iwp import` of a document written by another program than the one it reads with: the Value
in the Valley description, converted to the Markdown form by `iwp convert` and to .docx (and
.odt) by Debian's pandoc, must give back its 42 kenmerken with their effects, J/S marks,
preconditions (``[]`` for the handbook's "-") and open points.

`.ci/run` installs pandoc; elsewhere these tests are skipped without it, and fail in CI or
wherever IWP_REQUIRE_PANDOC is set (`.ci/run` sets it).
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import VITV
from iwp_cli.framework import builtin_framework
from iwp_cli.importer import import_file
from iwp_cli.loader import load_path
from iwp_cli.model import Description


@pytest.fixture(scope="module")
def pandoc() -> str:
    found = shutil.which("pandoc")
    if found is None:
        if os.environ.get("CI") or os.environ.get("IWP_REQUIRE_PANDOC"):
            pytest.fail("pandoc is not installed (apt-get install pandoc)")
        pytest.skip("pandoc is not installed")
    return found


def _written_by_pandoc(pandoc: str, folder: Path, iwp, suffix: str) -> Path:  # type: ignore[no-untyped-def]
    markdown = folder / "vitv.md"
    assert iwp("convert", VITV, "--to", "md", "-o", markdown).exit_code == 0
    out = folder / f"vitv{suffix}"
    subprocess.run([pandoc, str(markdown), "-o", str(out)], check=True, timeout=120)
    return out


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_value_in_the_valley_through_pandoc(pandoc: str, tmp_path: Path, iwp, suffix: str) -> None:  # type: ignore[no-untyped-def]
    document = _written_by_pandoc(pandoc, tmp_path, iwp, suffix)
    result = import_file(document, builtin_framework(), today=datetime.date(2026, 12, 1))
    imported = Description.model_validate(result.data)
    expected = load_path(VITV).description
    assert expected is not None
    features = [f for entry in imported.principles.values() for f in entry.features]
    assert len(features) == 42
    for principle, entry in expected.principles.items():
        assert imported.principles[principle].features == entry.features, principle
    considered = [
        f for e in expected.principles.values() for f in e.features if f.preconditions == []
    ]
    assert sum(f.preconditions == [] for f in features) == len(considered) > 5
    assert imported.name == expected.name and imported.date == expected.date
    assert imported.starting_points == expected.starting_points
    assert imported.outcomes == expected.outcomes and imported.processes == expected.processes
    assert not result.unplaced and not result.missing


def test_the_command_on_the_pandoc_docx(pandoc: str, tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    document = _written_by_pandoc(pandoc, tmp_path, iwp, ".docx")
    result = iwp("import", document, "-o", tmp_path / "imported.md", "--lang", "nl")
    assert result.exit_code == 0, result.stdout
    assert "Principe 4. Integreer leren en werken › Kenmerken: 10 kenmerken uit tabel 4" in (
        result.stdout
    )
    assert "alles is geplaatst" in result.stdout
