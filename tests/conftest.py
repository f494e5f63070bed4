"""Shared helpers: the project's paths and a way to run `iwp` as a user would."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iwp_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
VITV = EXAMPLES / "value-in-the-valley.yaml"
HARBOUR = EXAMPLES / "harbour-lab.yaml"

#: A small valid description; tests copy it and break one thing.
MINIMAL = """\
iwp: 1
name: Zorglab Noord
date: 2026-09-01
starting_points:
  occasion: Personeelstekort in de zorg.
  context: Een hbo, een mbo en twee zorginstellingen.
outcomes:
  products: [Adviezen]
  development: [Teamontwikkeling]
  sustainability: [Duurzaam leren in de zorg]
processes: [Samen prototypes testen]
principles:
  authentic-work-environment:
    features:
      - name: Echte vragen
        effects: [{text: Motiverend, who: [J]}]
        preconditions: []
"""


def write_files(folder: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative name to text) under ``folder``; returns ``folder``."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def iwp() -> object:
    """Run `iwp` in-process with arguments; returns exit code, stdout and stderr."""
    runner = CliRunner()

    def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


#: The schemas of the tools that read iwp's CI reports (../shared/validators from the root).
VALIDATORS = ROOT.parent / "shared" / "validators"

#: Tools from the npm registry that read iwp's output (the SARIF Multitool, yaml-language-server);
#: `.ci/run` installs them with `npm install --prefix .ci/node`.
NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"


def node_package(name: str) -> Path:
    """The folder of the npm package ``name`` under `NODE_MODULES`, with ``node`` on the PATH.

    Skips the test when either is missing; fails it instead in CI, or wherever
    IWP_REQUIRE_NODE_TOOLS is set (`.ci/run` sets it), so that CI never passes without them.
    """
    folder = NODE_MODULES / name
    missing = None
    if shutil.which("node") is None:
        missing = "node is not installed"
    elif not (folder / "package.json").is_file():
        missing = f"{folder} is missing (npm install --prefix .ci/node {name})"
    if missing is not None:
        if os.environ.get("CI") or os.environ.get("IWP_REQUIRE_NODE_TOOLS"):
            pytest.fail(missing)
        pytest.skip(missing)
    return folder
