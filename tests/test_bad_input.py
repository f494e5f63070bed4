"""Every kind of bad input gets a finding or a clear error, with the line where there is one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import MINIMAL


def write(tmp_path: Path, content: str | bytes, name: str = "iwp.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)

CASES = [
    # id, content, code, line, column, words in the message
    ("empty", b"", "IWP002", 1, 1, "empty"),
    ("only-comments", b"# nothing here\n", "IWP002", 1, 1, "empty"),
    ("top-level-list", b"- iwp: 1\n", "IWP002", 1, 1, "mapping"),
    ("top-level-text", b"just text\n", "IWP002", 1, 1, "mapping"),
    (
        "broken-yaml",
        b"iwp: 1\nname: [unclosed\ndate: 2026-01-01\n",
        "IWP001",
        3,
        5,
        "not closed",
    ),
    ("tab-indent", b"iwp: 1\nstarting_points:\n\toccasion: x\n", "IWP001", 3, 1, "tab"),
    ("duplicate-key", MINIMAL.encode() + b"name: Again\n", "IWP003", 18, 1, "first on line 2"),
    ("not-utf8", b"iwp: 1\nname: Caf\xe9\n", "IWP006", 2, 10, "UTF-8"),
    ("utf16", "iwp: 1\n".encode("utf-16"), "IWP006", 1, 1, "UTF-16"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "IWP006", 1, 1, "binary"),
    ("control-char", b"iwp: 1\nname: a\x01b\n", "IWP001", 2, 8, "control"),
    ("alias-bomb", ("iwp: 1\n" + BILLION_LAUGHS).encode(), "IWP008", 6, 8, "alias"),
    (
        "deep-nesting",
        b"iwp: 1\nx: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "IWP008",
        2,
        67,
        "deeper than 64",
    ),
    (
        "deep-block-nesting",
        b"iwp: 1\nx:\n" + b"".join(b" " * i + b"k:\n" for i in range(1, 200)),
        "IWP008",
        66,
        65,
        "deeper than 64",
    ),
    (
        "python-tag",
        MINIMAL.replace("name: Zorglab Noord", "name: !!python/object:os.system ls").encode(),
        "IWP007",
        2,
        7,
        "python/object",
    ),
    ("unknown-version", MINIMAL.replace("iwp: 1", "iwp: 2").encode(), "IWP005", 1, 6, "version 2"),
    ("version-as-text", MINIMAL.replace("iwp: 1", "iwp: '1'").encode(), "IWP005", 1, 6, "version"),
    ("no-iwp-key", b"name: x\n", "IWP004", 1, 1, "iwp: 1"),
    ("second-document", MINIMAL.encode() + b"---\nname: x\n", "IWP009", 18, 1, "second"),
    ("unknown-alias", b"iwp: 1\nname: *nowhere\n", "IWP001", 2, 7, "*nowhere"),
    ("complex-key", b"iwp: 1\n? [a, b]\n: c\n", "IWP001", 2, 3, "plain text"),
]


@pytest.mark.parametrize(
    ("content", "code", "line", "column", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_input_is_a_finding_with_its_place(iwp, tmp_path, content, code, line, column, words):
    path = write(tmp_path, content)
    result = iwp("check", path, "--lang", "en")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert f"{path}:{line}:{column}: {code} error:" in result.stdout
    assert words in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_tag_is_never_constructed(iwp, tmp_path):
    marker = tmp_path / "constructed"
    text = MINIMAL.replace(
        "name: Zorglab Noord",
        f"name: !!python/object/apply:os.system ['touch {marker}']",
    )
    result = iwp("check", write(tmp_path, text))
    assert result.exit_code == 1
    assert "IWP007" in result.stdout
    assert not marker.exists()


def test_bom_and_crlf_are_read_with_the_right_lines(iwp, tmp_path):
    text = MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nnmae: typo")
    content = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    result = iwp("check", write(tmp_path, content), "--lang", "en")
    assert result.exit_code == 1
    assert ":3:1: IWP020 error: unknown key `nmae`" in result.stdout
    assert "(did you mean `name`?)" in result.stdout


def test_a_clean_file_with_bom_and_crlf_passes(iwp, tmp_path):
    content = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode("utf-8")
    result = iwp("check", write(tmp_path, content))
    assert result.exit_code == 0, result.stdout


def test_a_very_large_file_is_refused_without_reading_it_all(iwp, tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(MINIMAL.encode())
        handle.write(b"# " + b"x" * 1022 + b"\n")
        handle.seek(64 * 1024 * 1024)  # a sparse 64 MiB file
        handle.write(b"\n")
    result = iwp("check", path, "--lang", "en")
    assert result.exit_code == 1
    assert "IWP008" in result.stdout
    assert (
        "the file has 67,108,865 bytes, more than the 2,097,152 a description may have"
        in result.stdout
    )


def test_missing_file_is_a_usage_error(iwp, tmp_path):
    result = iwp("check", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml: no such file or directory" in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "no descriptions in {}: nothing to check"), ("nl", "geen beschrijvingen in {}: niets")],
)
def test_a_directory_without_descriptions_has_nothing_to_check(iwp, tmp_path, lang, said):
    (tmp_path / "README.md").write_text("# Beschrijvingen\n")
    result = iwp("check", tmp_path, "--lang", lang)
    assert result.exit_code == 0
    assert said.format(tmp_path) in result.stderr


def test_unreadable_directory_is_a_usage_error():
    """Run as a user who cannot read the directory (root reads everything, so drop to nobody)."""
    base = Path(tempfile.mkdtemp(prefix="iwp-unreadable-"))
    base.chmod(0o755)
    folder = base / "private"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINIMAL)
    folder.chmod(0o000)
    command = [sys.executable, "-m", "iwp_cli", "check", str(folder)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("needs setpriv to drop root")
        drop = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run(
            [*drop, sys.executable, "-c", "import iwp_cli"],
            check=False,
            capture_output=True,
            cwd=base,
        )
        if probe.returncode != 0:
            shutil.rmtree(base, ignore_errors=True)
            pytest.skip("this Python cannot run as an unprivileged user (installed under /root)")
        command = [*drop, *command]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            cwd=base,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "cannot read directory" in done.stderr
    assert "Traceback" not in done.stderr
