"""The reading limits of `iwp check` hold wherever a description or a framework is read (issue 13,
item 21): every revision `iwp log` reads, both sides of `iwp diff`, the framework file."""

from __future__ import annotations

from conftest import MINIMAL, write_files
from test_diff_sources import GitRepo

#: The limits as the README states them (iwp_cli.limits).
MAX_BYTES = 2 * 1024 * 1024
MAX_PRINCIPLES = 100

#: A valid description of more than 2 MiB: the limit, not the content, makes it invalid.
HUGE = MINIMAL + "".join(f"x-note-{n}: {'woord ' * 100}\n" for n in range(4000))


def test_log_lists_a_revision_over_the_limit_as_invalid_without_reading_it(
    iwp, tmp_path, monkeypatch
):
    assert len(HUGE.encode()) > MAX_BYTES
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    repo.write("d/lab.yaml", MINIMAL)
    repo.commit("First cycle", "2026-01-01T12:00:00+01:00")
    repo.write("d/lab.yaml", HUGE)
    huge = repo.commit("A huge revision", "2026-02-01T12:00:00+01:00")
    result = iwp("log", "d/lab.yaml", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2].split()[:3] == [huge[:7], "2026-02-01", "invalid"]
    assert f"  ! {huge[:7]}:d/lab.yaml: IWP008 the file has {len(HUGE.encode()):,} bytes" in (
        result.stdout
    )
    diffed = iwp("diff", f"{huge}:d/lab.yaml", "d/lab.yaml")
    assert diffed.exit_code == 2
    assert "more than a description may have" in diffed.stderr


def framework(count: int) -> str:
    entries = "".join(
        f"  - id: p{n}\n    title: {{nl: P{n}, en: P{n}}}\n    definition: {{nl: D{n}, en: D{n}}}\n"
        for n in range(count)
    )
    return f"id: ours\ntitle: {{nl: Ons, en: Ours}}\nprinciples:\n{entries}"


def test_a_framework_with_too_many_principles_is_a_configuration_error(iwp, tmp_path):
    write_files(
        tmp_path,
        {
            "iwp.toml": 'framework = "ours.yaml"\n',
            "ours.yaml": framework(MAX_PRINCIPLES + 1),
            "a.yaml": MINIMAL,
        },
    )
    result = iwp("check", tmp_path / "a.yaml")
    assert result.exit_code == 2
    assert "invalid framework: principles: List should have at most 100 items" in result.stderr
    (tmp_path / "ours.yaml").write_text(framework(MAX_PRINCIPLES), encoding="utf-8")
    assert iwp("check", tmp_path / "a.yaml").exit_code == 1  # 100 principles, mostly missing


def test_a_framework_file_over_the_size_limit_is_not_read(iwp, tmp_path):
    write_files(
        tmp_path,
        {
            "iwp.toml": 'framework = "ours.yaml"\n',
            "ours.yaml": framework(3) + "# " + "x" * MAX_BYTES + "\n",
            "a.yaml": MINIMAL,
        },
    )
    result = iwp("check", tmp_path / "a.yaml")
    assert result.exit_code == 2
    assert "more than the 2,097,152 allowed" in result.stderr
