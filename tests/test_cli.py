"""The command line as a user meets it: help, version, directories, formats, languages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, MINIMAL, VITV


def test_version(iwp):
    from iwp_cli import __version__

    result = iwp("--version")
    assert result.exit_code == 0
    assert result.stdout == f"iwp {__version__}\n"


def test_help_shows_an_example_per_command(iwp):
    result = iwp("--help")
    assert result.exit_code == 0
    for example in (
        "iwp check examples/value-in-the-valley.md",
        "iwp convert zorglab.yaml --to md",
        "iwp schema --output",
        "iwp principles --lang en",
    ):
        assert example in result.stdout
    check_help = iwp("check", "--help").stdout
    assert "iwp check descriptions/ --format sarif --output iwp.sarif" in check_help
    assert "Exit codes" in check_help


def test_directory_checks_descriptions_and_skips_other_yaml(iwp, tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL)
    (tmp_path / "b.yml").write_text(MINIMAL.replace("name: Zorglab Noord", "nmae: x"))
    (tmp_path / "ci.yaml").write_text("jobs: {test: {runs-on: ubuntu}}\n")
    (tmp_path / "notes.txt").write_text("iwp: 1\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text("iwp: 1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "broken.yaml").write_text("iwp: 1\nname: [\n")
    (tmp_path / "sub" / "other-broken.yaml").write_text("key: [\n")
    result = iwp("check", tmp_path, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    files = [Path(f).relative_to(tmp_path).as_posix() for f in report["files"]]
    assert files == ["a.yaml", "b.yml", "sub/broken.yaml"]
    skipped = [Path(f).relative_to(tmp_path).as_posix() for f in report["skipped"]]
    assert skipped == ["ci.yaml", "sub/other-broken.yaml"]
    codes = [
        (Path(f["file"]).name, f["code"], f["line"])
        for f in report["findings"]
        if f["code"].startswith("IWP0")
    ]
    assert codes == [("b.yml", "IWP021", 1), ("b.yml", "IWP020", 2), ("broken.yaml", "IWP001", 3)]
    assert report["summary"]["errors"] == 3


def test_explicit_non_description_is_checked(iwp, tmp_path):
    other = tmp_path / "ci.yaml"
    other.write_text("jobs: {}\n")
    result = iwp("check", other, "--lang", "en")
    assert result.exit_code == 1
    assert f"{other}:1:1: IWP004 error: not an IWP description" in result.stdout


def test_text_output_shows_the_line_and_a_caret(iwp, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace("products: [Adviezen]", "products: [{text: A, kind: advise}]"))
    result = iwp("check", path, "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:8:30: IWP023 error: `advise` is not allowed here")
    assert lines[1] == "    8 |   products: [{text: A, kind: advise}]"
    assert lines[2] == "      | " + " " * 29 + "^"
    assert (
        lines[3]
        == "1 file checked, 0 other YAML and Markdown files skipped: 1 error, 0 warnings, 0 info"
    )


def test_output_file(iwp, tmp_path):
    target = tmp_path / "report.json"
    result = iwp("check", VITV, "--format", "json", "--output", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 1


def test_language_from_the_locale(iwp, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace("iwp: 1", "iwp: 3"))
    dutch = iwp("check", path, env={"LANG": "nl_NL.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert "onbekende formaatversie 3" in dutch.stdout
    english = iwp("check", path, env={"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert "unknown format version 3" in english.stdout
    forced = iwp("check", path, "--lang", "en", env={"LANG": "nl_NL.UTF-8"})
    assert "unknown format version 3" in forced.stdout


def test_principles_in_both_languages(iwp):
    dutch = iwp("principles", "--lang", "nl").stdout
    assert "1. Creëer een authentieke werkomgeving  [authentic-work-environment]" in dutch
    assert "De innovatiewerkplaats is afgestemd op haar omgeving" in dutch
    english = iwp("principles", "--lang", "en").stdout
    assert "7. Ensure good embedding in the environment  [embedding]" in english


def test_installed_script_runs_and_imports_little():
    """`iwp --version` imports none of the heavy libraries (CI runs it often)."""
    code = (
        "import sys; from iwp_cli.entry import main; sys.argv=['iwp','--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('pydantic','ruamel.yaml','jinja2','rich','typer')\n"
        "       if m in sys.modules]\n"
        "print('heavy:', heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "heavy: []" in done.stdout


def test_examples_directory(iwp):
    result = iwp("check", EXAMPLES, "--lang", "en")
    assert result.exit_code == 0
    assert "3 files checked" in result.stdout


def test_directory_reports_descriptions_it_cannot_decode(iwp, tmp_path):
    """UTF-16 and oversized descriptions under a directory are reported, not skipped."""
    (tmp_path / "wide.yaml").write_bytes(MINIMAL.encode("utf-16"))
    with (tmp_path / "huge.yaml").open("wb") as handle:
        handle.write(MINIMAL.encode())
        handle.seek(3 * 1024 * 1024)
        handle.write(b"\n")
    (tmp_path / "wide-other.yaml").write_bytes("jobs: {}\n".encode("utf-16"))
    result = iwp("check", tmp_path, "--format", "json")
    report = json.loads(result.stdout)
    assert [(Path(f["file"]).name, f["code"]) for f in report["findings"]] == [
        ("huge.yaml", "IWP008"),
        ("wide.yaml", "IWP006"),
    ]
    assert [Path(f).name for f in report["skipped"]] == ["wide-other.yaml"]
