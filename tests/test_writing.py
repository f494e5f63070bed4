"""Every file iwp writes is whole or not there, and no link is written through.

Issue 13, items 11-17, made the way the attacks were: a second `iwp new` that wins the race, links
at the destination and at FILE.bak, a disk that fills up (a file-size limit on the process), a
named pipe and /dev/stdout as the output, a 253-byte name, a folder link in a repository.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import MINIMAL, write_files
from iwp_cli.checker import CheckOptions, check_targets
from iwp_cli.discovery import discover

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs are POSIX")


def iwp_process(*args: str | Path, limit: int | None = None, cwd: Path | None = None):
    """`iwp` in its own process; with ``limit``, no file it writes may grow past that many bytes
    (what a full disk does to a write: it fails part of the way)."""

    def full_disk() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process

    return subprocess.run(
        [sys.executable, "-m", "iwp_cli", *map(str, args)],
        capture_output=True,
        text=True,
        preexec_fn=full_disk,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".iwp-"))


# Item 11: the exists-check and the rename were two steps.
def test_a_new_file_that_appears_while_writing_is_never_replaced(iwp, tmp_path, monkeypatch):
    target = tmp_path / "lab.yaml"
    real_fsync = os.fsync
    raced = []

    def the_other_iwp_new_wins(descriptor: int) -> None:
        if not raced:  # a second `iwp new` on the same target, finishing first
            raced.append(iwp_process("new", "Other", "--no-input", "-o", target))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", the_other_iwp_new_wins)
    result = iwp("new", "Mine", "--no-input", "-o", target)
    assert raced[0].returncode == 0, raced[0].stderr
    assert "wrote" in raced[0].stdout
    assert result.exit_code == 2, result.stdout
    assert "exists" in result.stderr
    assert 'name: "Other"' in target.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_a_dangling_link_at_the_target_counts_as_existing(iwp, tmp_path):
    (tmp_path / "lab.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    result = iwp("new", "Lab", "--no-input", "-o", tmp_path / "lab.yaml")
    assert result.exit_code == 2
    assert not (tmp_path / "elsewhere.yaml").exists()
    assert (tmp_path / "lab.yaml").is_symlink()


# Item 12: --force and FILE.bak.
def test_force_never_writes_through_a_link_at_the_backup(iwp, tmp_path):
    outside = tmp_path / "teammate"
    outside.mkdir()
    theirs = outside / "their.yaml"
    theirs.write_text("their work\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "lab.yaml").write_text(MINIMAL, encoding="utf-8")
    (repo / "lab.yaml.bak").symlink_to(theirs)  # committed to the repository
    result = iwp("new", "Lab", "--no-input", "--force", "-o", repo / "lab.yaml")
    assert result.exit_code == 0, result.stderr
    assert theirs.read_text(encoding="utf-8") == "their work\n"
    assert not (repo / "lab.yaml.bak").is_symlink()
    assert (repo / "lab.yaml.bak").read_text(encoding="utf-8") == MINIMAL
    assert leftovers(repo) == []


def test_force_on_a_full_disk_keeps_the_previous_backup_whole(tmp_path):
    old = MINIMAL + "".join(f"x-note-{n}: {'woord ' * 30}\n" for n in range(600))  # ~110 KB
    (tmp_path / "lab.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "lab.yaml.bak").write_text("the previous backup\n", encoding="utf-8")
    done = iwp_process(
        "new", "Lab", "--no-input", "--force", "-o", "lab.yaml", limit=60_000, cwd=tmp_path
    )
    backup = (tmp_path / "lab.yaml.bak").read_text(encoding="utf-8")
    now = (tmp_path / "lab.yaml").read_text(encoding="utf-8")
    if done.returncode == 0:  # the backup is a link to the old file: no byte had to be copied
        assert backup == old
        assert 'name: "Lab"' in now
    else:
        assert backup == "the previous backup\n"
        assert now == old
    assert "Traceback" not in done.stderr
    assert leftovers(tmp_path) == []


# Item 13: reports are replaced whole, or not at all.
@pytest.mark.parametrize("command", ["check", "schema"])
def test_a_report_on_a_full_disk_leaves_the_previous_one_whole(tmp_path, command):
    (tmp_path / "a.yaml").write_text(MINIMAL.replace("iwp: 1", "iwp: 1\nnmae: x"), "utf-8")
    previous = '{"the": "previous report"}\n'
    (tmp_path / "out.json").write_text(previous, encoding="utf-8")
    args = ["check", "a.yaml", "-f", "sarif"] if command == "check" else ["schema"]
    done = iwp_process(*args, "-o", "out.json", limit=4096, cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "out.json: cannot write" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == previous
    assert leftovers(tmp_path) == []


def test_a_report_replaces_a_link_and_never_writes_through_it(iwp, tmp_path):
    theirs = tmp_path / "theirs.txt"
    theirs.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "report.json").symlink_to(theirs)
    result = iwp("check", tmp_path / "a.yaml", "-f", "json", "-o", tmp_path / "report.json")
    assert result.exit_code == 0
    assert theirs.read_text(encoding="utf-8") == "keep me\n"
    assert not (tmp_path / "report.json").is_symlink()
    assert '"version": 1' in (tmp_path / "report.json").read_text(encoding="utf-8")


# Item 14: devices and pipes are written as streams, never replaced.
def test_render_into_a_named_pipe_streams_and_keeps_the_pipe(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    pipe = tmp_path / "out.html"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    done = iwp_process("render", tmp_path / "a.yaml", "-o", pipe)
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert received and received[0].startswith(b"<!DOCTYPE html>")
    assert pipe.is_fifo()


def test_render_to_a_link_to_standard_output_streams_and_keeps_the_link(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    link = tmp_path / "stdout.html"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    done = iwp_process("render", tmp_path / "a.yaml", "-o", link)
    assert done.returncode == 0, done.stderr
    assert "<!DOCTYPE html>" in done.stdout
    assert link.is_symlink()
    assert str(link.readlink()) == "/proc/self/fd/1"


def test_render_to_dev_null_keeps_the_device():
    pytest.importorskip("iwp_cli.atomic")  # never run against a writer that replaces devices
    examples = Path(__file__).resolve().parent.parent / "examples" / "harbour-lab.yaml"
    done = iwp_process("render", examples, "-o", "/dev/null", "-f", "html")
    assert done.returncode == 0, done.stderr
    assert Path("/dev/null").is_char_device()


# Item 15: long names, and one page that cannot be written.
def test_a_253_byte_description_name_still_gets_its_page(iwp, tmp_path):
    name = "a" * 248 + ".yaml"
    assert len(name.encode()) == 253
    write_files(tmp_path / "d", {name: MINIMAL, "b.yaml": MINIMAL})
    result = iwp("render", tmp_path / "d", "-o", tmp_path / "site")
    assert result.exit_code == 0, result.stdout + result.stderr
    pages = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert "index.html" in pages
    assert "b.html" in pages
    assert "library.html" in pages
    assert len(pages) == 4
    assert all(len(p.encode()) <= 255 for p in pages)
    assert leftovers(tmp_path / "site") == []


def test_one_page_that_cannot_be_written_does_not_sink_the_site(iwp, tmp_path):
    write_files(tmp_path / "d", {"a.yaml": MINIMAL, "b.yaml": MINIMAL, "c.yaml": MINIMAL})
    (tmp_path / "site" / "b.html").mkdir(parents=True)  # a folder where the page goes
    result = iwp("render", tmp_path / "d", "-o", tmp_path / "site")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "b.html: cannot write" in result.stderr
    assert "wrote 2 pages" in result.stdout
    assert "1 could not be written" in result.stdout
    assert (tmp_path / "site" / "a.html").is_file()
    assert (tmp_path / "site" / "c.html").is_file()
    assert (tmp_path / "site" / "index.html").is_file()
    assert leftovers(tmp_path / "site") == []


# Item 16: `iwp init` skips what exists, links included, and never writes through one.
def test_init_skips_a_dangling_link_and_a_linked_folder(iwp, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (repo / "descriptions").symlink_to(outside)
    result = iwp("init", repo, "--ci", "none")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert f"skipped {repo / '.pre-commit-config.yaml'} (exists)" in result.stdout
    assert f"skipped {repo / 'descriptions' / 'README.md'}" in result.stdout
    assert "symbolic link" in result.stdout
    assert (repo / ".pre-commit-config.yaml").is_symlink()
    assert not (tmp_path / "nowhere.yaml").exists()
    assert list(outside.iterdir()) == []
    assert (repo / "iwp.toml").is_file()


# Item 17: a trailing slash means a folder; a file deleted during a run is a finding.
def test_new_with_a_trailing_slash_writes_into_a_new_folder(iwp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = iwp("new", "Zorglab Noord", "--no-input", "-o", "descriptions/")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "descriptions" / "zorglab-noord.md").is_file()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_description_deleted_during_the_run_is_a_finding(tmp_path, jobs):
    write_files(tmp_path / "d", {f"d{n:02}.yaml": MINIMAL for n in range(60)})
    targets = discover([str(tmp_path / "d")])
    (tmp_path / "d" / "d07.yaml").unlink()  # deleted after it was found
    run = check_targets(targets, CheckOptions(jobs=jobs))
    assert len(run.results) == 60
    (gone,) = [r for r in run.results if r.path.endswith("d07.yaml")]
    assert [f.code for f in gone.findings] == ["IWP010"]
    assert all(f.code != "IWP010" for r in run.results if r is not gone for f in r.findings)
