"""`iwp diff` sides: PATH and REV:PATH read with the real git, errors, and --exit-code.

`GitRepo` makes a real repository in a temporary folder, with commits by a fixed author at fixed
dates; the other diff and log tests import it from here.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import HARBOUR, VITV

AUTHOR = {"GIT_AUTHOR_NAME": "Team VitV", "GIT_AUTHOR_EMAIL": "team@example.org"}
COMMITTER = {"GIT_COMMITTER_NAME": "Team VitV", "GIT_COMMITTER_EMAIL": "team@example.org"}


class GitRepo:
    """A git repository at ``root`` for one test; the current directory is set to it."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        # Keep the user's and the machine's git configuration (and hooks' GIT_DIR) out.
        for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
            monkeypatch.delenv(variable, raising=False)
        monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(root / ".no-global-gitconfig"))
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "commit.gpgsign", "false")
        monkeypatch.chdir(root)

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        """Run git in the repository; its standard output."""
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **AUTHOR, **COMMITTER, **(env or {})},
        )
        return done.stdout

    def write(self, relative: str, text: str) -> Path:
        """Write a file (making its folders)."""
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def commit(self, message: str, date: str) -> str:
        """Commit everything at ``date`` (ISO 8601); the commit's id."""
        self.git("add", "-A")
        stamp = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        self.git("commit", "-q", "-m", message, env=stamp)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """A repository with the Value in the Valley example committed twice: as the handbook has
    it, then with one feature renamed; the working copy renames another."""
    made = GitRepo(tmp_path / "repo", monkeypatch)
    text = VITV.read_text(encoding="utf-8")
    made.write("examples/vitv.yaml", text)
    made.commit("Cycle 2010", "2010-07-01T12:00:00+02:00")
    text = text.replace("Professionele cultuur", "Professionele werkcultuur")
    made.write("examples/vitv.yaml", text)
    made.commit("Cycle 2011", "2011-01-15T12:00:00+01:00")
    made.write("examples/vitv.yaml", text.replace("Eigenaarschap", "Eigenaarschap van opdrachten"))
    return made


def _json(result: object) -> dict[str, object]:
    return json.loads(result.stdout)  # type: ignore[attr-defined]


def test_rev_path_is_relative_to_the_repository_root(iwp, repo):
    result = iwp("diff", "HEAD~1:examples/vitv.yaml", "HEAD:examples/vitv.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = _json(result)
    assert report["old"]["commit"] == repo.git("rev-parse", "HEAD~1").strip()
    assert report["old"]["path"] == "examples/vitv.yaml"
    renamed = report["principles"][0]["features"][0]
    assert (renamed["old_name"], renamed["name"]) == (
        "Professionele cultuur",
        "Professionele werkcultuur",
    )


def test_rev_dot_path_is_relative_to_the_current_directory(iwp, repo, monkeypatch):
    monkeypatch.chdir(repo.root / "examples")
    result = iwp("diff", "HEAD:./vitv.yaml", "vitv.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = _json(result)
    assert report["old"]["spec"] == "HEAD:./vitv.yaml"
    assert report["old"]["path"] == "examples/vitv.yaml"
    assert (report["new"]["commit"], report["new"]["path"]) == (None, "vitv.yaml")
    names = [f["name"] for p in report["principles"] for f in p["features"]]
    assert names == ["Eigenaarschap van opdrachten"]


def test_parent_relative_and_root_forms_read_the_same_file(iwp, repo, monkeypatch):
    (repo.root / "docs").mkdir()
    monkeypatch.chdir(repo.root / "docs")
    from_parent = iwp("diff", "HEAD~1:../examples/vitv.yaml", "HEAD:examples/vitv.yaml")
    monkeypatch.chdir(repo.root)
    from_root = iwp("diff", "HEAD~1:examples/vitv.yaml", "HEAD:examples/vitv.yaml")
    assert from_parent.exit_code == from_root.exit_code == 0
    body = lambda out: out.split("\n", 3)[3]  # noqa: E731 - the report after its title and sides
    assert body(from_parent.stdout) == body(from_root.stdout)


def test_a_path_on_one_side_and_rev_path_on_the_other(iwp, repo):
    result = iwp("diff", "examples/vitv.yaml", "HEAD~1:examples/vitv.yaml", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "old: examples/vitv.yaml — Value in the Valley (2010-07-01)"
    assert lines[2] == "new: HEAD~1:examples/vitv.yaml — Value in the Valley (2010-07-01)"
    assert "  ~ Eigenaarschap — renamed from Eigenaarschap van opdrachten (" in result.stdout


def test_the_index_form_reads_the_staged_version(iwp, repo):
    repo.git("add", "examples/vitv.yaml")
    staged = iwp("diff", ":examples/vitv.yaml", "examples/vitv.yaml", "--exit-code")
    assert staged.exit_code == 0, staged.stdout
    against_head = iwp("diff", "HEAD:examples/vitv.yaml", ":examples/vitv.yaml", "--exit-code")
    assert against_head.exit_code == 1


def test_a_file_whose_name_has_a_colon_is_read_from_disk(iwp, repo):
    repo.write("odd:name.yaml", VITV.read_text(encoding="utf-8"))
    result = iwp("diff", "odd:name.yaml", "HEAD:examples/vitv.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert _json(result)["old"]["commit"] is None


@pytest.mark.parametrize(
    ("old", "message"),
    [
        ("nope:examples/vitv.yaml", "iwp: unknown revision 'nope' in this git repository"),
        ("HEAD~5:examples/vitv.yaml", "iwp: unknown revision 'HEAD~5' in this git repository"),
        (
            "HEAD:examples/gone.yaml",
            "iwp: HEAD:examples/gone.yaml: path 'examples/gone.yaml' does not exist in 'HEAD'",
        ),
        ("HEAD:examples", "iwp: HEAD:examples: not a file in HEAD (a tree)"),
        ("HEAD:", "iwp: HEAD:: no path after the colon (write REV:path)"),
        ("missing.yaml", "iwp: missing.yaml: no such file (for a file in git, write REV:path)"),
    ],
    ids=[
        "unknown-revision",
        "beyond-history",
        "path-not-in-revision",
        "directory",
        "no-path",
        "no-file",
    ],
)
def test_sides_that_cannot_be_read_exit_2(iwp, repo, old, message):
    result = iwp("diff", old, "examples/vitv.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message), result.stderr


def test_rev_path_outside_a_repository_exits_2(iwp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = iwp("diff", "HEAD:a.yaml", VITV)
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_a_side_that_is_no_valid_description_exits_2_with_its_first_finding(iwp, repo):
    repo.write(
        "broken.yaml", VITV.read_text(encoding="utf-8").replace("name: Value", "nmae: Value", 1)
    )
    result = iwp("diff", "examples/vitv.yaml", "broken.yaml", "--lang", "en")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("iwp: broken.yaml:")
    assert "IWP02" in first and "run iwp check" in first


@pytest.mark.parametrize(
    ("sides", "flag", "code"),
    [
        (("HEAD:examples/vitv.yaml", "HEAD:examples/vitv.yaml"), "--exit-code", 0),
        (("HEAD~1:examples/vitv.yaml", "HEAD:examples/vitv.yaml"), "--exit-code", 1),
        (("HEAD~1:examples/vitv.yaml", "HEAD:examples/vitv.yaml"), None, 0),
        (("HEAD:examples/vitv.yaml", str(HARBOUR)), "--exit-code", 1),
    ],
    ids=["equal", "different", "different-without-flag", "two-iwps"],
)
def test_exit_code(iwp, repo, sides, flag, code):
    result = iwp("diff", *sides, *([flag] if flag else []))
    assert result.exit_code == code, result.stderr
    assert result.stdout


def test_layout_and_comments_are_no_differences(iwp, repo):
    text = VITV.read_text(encoding="utf-8")
    reflowed = text.replace("# 4.1 Uitgangspunten\n", "# Uitgangspunten, herschikt\n").replace(
        "        preconditions: []\n", "        preconditions: [ ]  # geen\n"
    )
    reflowed = reflowed.replace("            who: [J, S]\n", "            who: [S, J]\n")
    repo.write("examples/vitv.yaml", reflowed.replace("iwp: 1\n", "iwp: 1\nx-team: noord\n"))
    result = iwp(
        "diff", "HEAD~1:examples/vitv.yaml", "examples/vitv.yaml", "--exit-code", "--lang", "en"
    )
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "No differences."
