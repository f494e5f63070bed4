"""The editor side: yaml-language-server (the YAML support of VS Code and other editors), spoken
to over LSP as an editor does, in a repository that `iwp init` set up, on a description that
`iwp new` wrote. Its modeline must find the repository's schema; then the server must flag what
`iwp check` flags, complete the principle ids and show a principle's definition on hover.

The server comes from npm (`.ci/run` installs it into `.ci/node`); without it the test is skipped,
and fails in CI or wherever IWP_REQUIRE_NODE_TOOLS is set.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL, node_package
from iwp_cli.framework import builtin_framework
from language_server import LanguageServer

IDS = [info.id for info in builtin_framework().principles]


@pytest.fixture
def repository(iwp, tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert iwp("init", tmp_path, "--lang", "nl").exit_code == 0
    new = iwp(
        "new", "Zorglab Noord", "--no-input", "--lang", "nl", "--format", "yaml",
        "-o", tmp_path / "descriptions/",
    )  # fmt: skip
    assert new.exit_code == 0, new.stderr
    return tmp_path


@pytest.fixture
def server(repository: Path) -> Iterator[LanguageServer]:
    package = node_package("yaml-language-server")
    command = ["node", str(package / "bin" / "yaml-language-server"), "--stdio"]
    server = LanguageServer(command, repository)
    yield server
    server.close()


def diagnostics(server: LanguageServer, uri: str, version: int) -> list[dict[str, Any]]:
    """The diagnostics the server publishes for ``version`` of the document."""
    params = server.notification(
        "textDocument/publishDiagnostics",
        lambda p: p["uri"] == uri and p.get("version", version) == version,
    )
    found: list[dict[str, Any]] = params["diagnostics"]
    return found


def hover(server: LanguageServer, uri: str, line: int, character: int) -> str:
    position = {"line": line, "character": character}
    answer = server.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": position}
    )
    assert answer is not None, f"no hover at {line}:{character}"
    value: str = answer["contents"]["value"]
    return value


def test_yaml_language_server_reads_the_schema_as_iwp_check_does(repository, server):
    path = repository / "descriptions" / "zorglab-noord.yaml"
    scaffold = path.read_text(encoding="utf-8")
    modeline = scaffold.splitlines()[0]
    assert modeline == "# yaml-language-server: $schema=../schemas/iwp-1.schema.json"
    uri = path.as_uri()

    # The scaffold as `iwp new` wrote it: valid (its TODOs are for `iwp check`, IWP404).
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": scaffold}},
    )
    assert diagnostics(server, uri, 1) == []

    # A number as the name is fine, as for iwp; an impossible date and an unknown principle
    # are not. The blank line under `principles:` is where the next principle id goes.
    text = (
        modeline
        + "\n"
        + MINIMAL.replace("name: Zorglab Noord", "name: 007").replace(
            "date: 2026-09-01", "date: 2026-02-30"
        )
        + "  reflectie:\n    features: []\n  \n"
    )
    lines = text.split("\n")
    server.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]},
    )
    found = diagnostics(server, uri, 2)
    flagged = {d["range"]["start"]["line"] for d in found}
    date_line = lines.index("date: 2026-02-30")
    unknown_line = lines.index("  reflectie:")
    assert flagged == {date_line, unknown_line}, found
    (on_date,) = [d for d in found if d["range"]["start"]["line"] == date_line]
    assert "JJJJ-MM-DD" in on_date["message"], "the date's message is words, not the pattern"
    assert lines.index("name: 007") not in flagged

    # Completion under `principles:`: the ids not used yet.
    blank = len(lines) - 2
    assert lines[blank] == "  "
    answer = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": blank, "character": 2}},
    )
    items = answer["items"] if isinstance(answer, dict) else answer
    labels = {item["label"] for item in items}
    assert labels == set(IDS) - {"authentic-work-environment"}

    # Hover on a principle id: its number, title and definition.
    line = lines.index("  authentic-work-environment:")
    shown = hover(server, uri, line, 5)
    assert "1. Creëer een authentieke werkomgeving" in shown
    assert (
        "De innovatiewerkplaats (context, taken en activiteiten, rollen en communicatie)" in shown
    )

    # Hover on a key: its description, once, on one line.
    line = next(n for n, row in enumerate(lines) if "who: [J]" in row)
    shown = hover(server, uri, line, lines[line].index("who") + 1)
    assert shown.startswith("#### Who\n\n"), shown
    description = "Participant codes the effect applies to: [J], [S] or [J, S] in the handbook."
    assert description in shown.replace("\\", ""), shown
    assert "||" not in shown
