"""`iwp new` with values or files that are no valid YAML: one line and exit 2, no traceback.

Issue 13, item 6; `iwp check` reports the same files cleanly.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL


# Item 6: `iwp new --set` with values that are no YAML, and `--from` a broken file.
@pytest.mark.parametrize(
    "assignment",
    ["name=[unclosed", "tags=*x", "name=@x", "date=2026-02-30", "name=" + "[" * 5000],
    ids=["unclosed", "unknown-alias", "reserved-indicator", "no-such-date", "deep"],
)
def test_new_set_with_a_value_that_is_not_valid_yaml_is_a_usage_error(iwp, tmp_path, assignment):
    target = tmp_path / "x.yaml"
    result = iwp("new", "X", "--no-input", "--set", assignment, "-o", target)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "--set" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()


FROM_CASES = {
    "broken": MINIMAL.replace("name: Zorglab Noord", "name: [unclosed"),
    "duplicate-key": MINIMAL + "name: Again\n",
    "tab": MINIMAL.replace("  occasion:", "\toccasion:"),
    "second-document": MINIMAL + "---\nname: x\n",
    "deep": MINIMAL + "x-deep: " + "[" * 5000 + "]" * 5000 + "\n",
    "bad-date": MINIMAL.replace("date: 2026-09-01", "date: 2026-02-30"),
}


@pytest.mark.parametrize("case", sorted(FROM_CASES))
def test_new_from_a_broken_file_is_a_usage_error_as_check_reports_it(iwp, tmp_path, case):
    source = tmp_path / "old.yaml"
    source.write_text(FROM_CASES[case], encoding="utf-8")
    result = iwp("new", "--from", source)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert str(source) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.yaml"]
    checked = iwp("check", source)
    assert checked.exit_code == 1


@pytest.mark.parametrize("suffix", [".yaml", ".md"])
def test_new_from_a_broken_file_says_it_in_the_run_s_language(iwp, tmp_path, suffix):
    broken = FROM_CASES["tab"] if suffix == ".yaml" else f"---\n{FROM_CASES['tab']}---\n# x\n"
    source = tmp_path / f"old{suffix}"
    source.write_text(broken, encoding="utf-8")
    dutch = iwp("new", "--from", source, "--lang", "nl")
    english = iwp("new", "--from", source, "--lang", "en")
    assert dutch.exit_code == english.exit_code == 2
    assert "IWP001" in dutch.stderr and "tab" in dutch.stderr
    assert "spaties" in dutch.stderr and "spaces" not in dutch.stderr
    assert "spaces" in english.stderr


def test_new_from_a_file_in_a_folder_into_another_folder(iwp, tmp_path):
    """The dated copy goes into -o's folder by its own name, not below it in the source's
    folder again."""
    (tmp_path / "d").mkdir()
    source = tmp_path / "d" / "lab.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    result = iwp("new", "--from", source, "-o", f"{tmp_path / 'archief'}/", "--no-input")
    assert result.exit_code == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.yaml"))
    assert len(written) == 2 and "d/lab.yaml" in written
    copy = next(name for name in written if name != "d/lab.yaml")
    assert copy.startswith("archief/lab-") and copy.count("/") == 1
