"""Benchmark the reading limits where `iwp check` is not the reader (issue 13, item 21).

    .venv/bin/python bench/log.py [--huge-mb 53] [--principles 20000] [--files 60]

1. `iwp log`: a git repository (in a temporary folder) with three ordinary cycles of a
   description and one revision of ``--huge-mb`` MB; times ``iwp log`` and prints its peak
   memory and how the huge revision is listed.
2. The framework file: a repository whose `iwp.toml` names a framework of ``--principles``
   principles, and ``--files`` small descriptions; times ``iwp check`` and prints its peak
   memory, exit code and the size of its report.

Peak memory is ru_maxrss of the finished child (the largest process).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import MINIMAL

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)


def timed(argv: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return done, seconds, max(peak, before) / 1024


def log_case(iwp: str, root: Path, huge_mb: int) -> None:
    root.mkdir()
    git(root, "init", "-q")
    path = root / "lab.yaml"
    for cycle in range(3):
        path.write_text(MINIMAL.replace("2026-09-01", f"202{cycle}-09-01"), encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"cycle {cycle}")
    note = "woord " * 100
    with path.open("w", encoding="utf-8") as handle:
        handle.write(MINIMAL)
        for n in range(huge_mb * 1024 * 1024 // (len(note) + 20)):
            handle.write(f"x-note-{n}: {note}\n")
    size = path.stat().st_size
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "huge")
    done, seconds, peak = timed([iwp, "log", "lab.yaml", "--lang", "en"], root)
    listed = [
        line for line in done.stdout.decode().splitlines() if "huge" in line or "IWP008" in line
    ]
    print(
        f"iwp log, 4 revisions, one of {size / 1e6:,.1f} MB: exit {done.returncode}, "
        f"{seconds:.2f} s, peak memory {peak:,.0f} MiB"
    )
    for line in listed:
        print(f"  {line.strip()[:150]}")


def framework_case(iwp: str, root: Path, principles: int, files: int) -> None:
    root.mkdir()
    (root / ".git").mkdir()  # the configuration search stops here
    entries = "".join(
        f"  - {{id: p{n}, title: {{nl: P{n}, en: P{n}}}, definition: {{nl: D{n}, en: D{n}}}}}\n"
        for n in range(principles)
    )
    (root / "ours.yaml").write_text(f"id: ours\nprinciples:\n{entries}", encoding="utf-8")
    (root / "iwp.toml").write_text('framework = "ours.yaml"\n', encoding="utf-8")
    (root / "d").mkdir()
    for n in range(files):
        (root / "d" / f"d{n:02}.yaml").write_text(MINIMAL, encoding="utf-8")
    framework_size = (root / "ours.yaml").stat().st_size
    done, seconds, peak = timed([iwp, "check", "d", "--lang", "en"], root)
    print(
        f"iwp check, {files} files, a framework of {principles:,} principles "
        f"({framework_size / 1e6:,.1f} MB): exit {done.returncode}, {seconds:.2f} s, "
        f"peak memory {peak:,.0f} MiB, report {len(done.stdout):,} bytes"
    )
    if done.stderr:
        print(f"  {done.stderr.decode().strip()[:200]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huge-mb", type=int, default=53)
    parser.add_argument("--principles", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=60)
    args = parser.parse_args()
    iwp = str(Path(sys.executable).with_name("iwp"))
    with tempfile.TemporaryDirectory(prefix="iwp-bench-log-") as folder:
        log_case(iwp, Path(folder) / "log", args.huge_mb)
    with tempfile.TemporaryDirectory(prefix="iwp-bench-framework-") as folder:
        framework_case(iwp, Path(folder) / "fw", args.principles, args.files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
