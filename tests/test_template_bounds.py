"""A user's templates are bounded in time, memory and depth (issue 13, item 8).

Each template is an attack as it was made, in a real `--template-dir`; the error names the
template's file and line. The processes run with an address-space limit of their own, so that
a template that is not stopped fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HARBOUR

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX resource limits")

ATTACKS = {
    "includes-itself": '{% include "md/report.md.j2" %}\n',
    "recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(1) }}\n",
    "huge-repetition": 'x\n{{ "a" * 10**10 }}\n',
    "huge-power": "x\n{{ 2 ** (2**36) }}\n",
    "doubling-text": (
        '{% set ns = namespace(s="a") %}\n'
        "{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n"
        "{{ ns.s | length }}\n"
    ),
}
WORDS = {
    "includes-itself": "nested too deeply",
    "recursive-macro": "nested too deeply",
    "huge-repetition": "a repetition of more than 10,000,000 items",
    "huge-power": "would have more than 1,000,000 bits",
    "doubling-text": "needs more than 1,024 MiB of memory",
}
LINE = {"huge-repetition": 2, "huge-power": 2, "doubling-text": 2}


def template_dir(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "templates"
    (folder / "md").mkdir(parents=True)
    (folder / "md" / "report.md.j2").write_text(body, encoding="utf-8")
    return folder


def bounded_run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    return subprocess.run(
        [sys.executable, "-m", "iwp_cli", *map(str, args)],
        capture_output=True,
        text=True,
        preexec_fn=cap,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_template_past_a_bound_is_a_one_line_error_with_its_place(tmp_path, attack):
    folder = template_dir(tmp_path, ATTACKS[attack])
    done = bounded_run("render", HARBOUR, "--template-dir", folder)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr[-2000:]
    where = f"{folder / 'md' / 'report.md.j2'}:{LINE.get(attack, 1)}"
    assert lines[0].startswith(f"iwp: template error in {where}: "), lines[0]
    assert WORDS[attack] in lines[0]


def test_a_template_that_runs_too_long_is_stopped(iwp, tmp_path, monkeypatch):
    import importlib

    try:
        bounds = importlib.import_module("iwp_cli.render.bounds")
    except ImportError:  # before the fix there was no bound: the render never ends
        bounds = None
    if bounds is not None:
        monkeypatch.setattr(bounds, "TIME_LIMIT", 1.0)
    body = "x\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    folder = template_dir(tmp_path, body)
    result = iwp("render", HARBOUR, "--template-dir", folder)
    assert result.exit_code == 2
    assert f"template error in {folder / 'md' / 'report.md.j2'}:2: " in result.stderr
    assert "took longer than 1 seconds" in result.stderr
