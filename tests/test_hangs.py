"""CI never waits for ever: no read blocks, and no signal leaves a process behind.

Issue 13, items 9 and 10, with a real FIFO, real processes and real signals.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINIMAL
from iwp_cli.checker import PARALLEL_FROM

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and signals are POSIX")


def corpus(folder: Path, count: int, text: str = MINIMAL) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"d{number:04}.yaml").write_text(text, encoding="utf-8")
    return folder


# Item 9: a FIFO named like a description.
@pytest.mark.parametrize("command", ["check", "render"])
def test_a_fifo_in_a_checked_folder_is_a_finding_not_a_hang(tmp_path, command):
    folder = corpus(tmp_path / "d", 2)
    os.mkfifo(folder / "x.yaml")
    args = [command, str(folder)] + (["-o", str(tmp_path / "site")] if command == "render" else [])
    done = subprocess.run(
        [sys.executable, "-m", "iwp_cli", *args, "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "IWP010" in done.stdout + done.stderr
    assert "named pipe" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def slow_corpus(folder: Path) -> Path:
    """Enough large descriptions that a parallel check runs for several seconds."""
    big = MINIMAL + "".join(f"x-note-{n}: {'word ' * 40}\n" for n in range(2000))
    return corpus(folder, PARALLEL_FROM * 20, big)


def start_check(folder: Path) -> subprocess.Popen[bytes]:
    """`iwp check` on two processes, in a session of its own (so its group can be found)."""
    return subprocess.Popen(
        [sys.executable, "-m", "iwp_cli", "check", str(folder), "--lang", "en"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def workers_of(process: subprocess.Popen[bytes]) -> list[int]:
    """The processes in the check's process group other than itself (its workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == process.pid and int(entry.name) != process.pid:
            found.append(int(entry.name))
    return found


def wait_for_workers(process: subprocess.Popen[bytes]) -> list[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = workers_of(process)
        if workers:
            time.sleep(0.3)  # well into the work
            return workers
        time.sleep(0.05)
    raise AssertionError("the check never started a worker")


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"


def ended_within(process: subprocess.Popen[bytes], seconds: float) -> tuple[int, str, float]:
    started = time.monotonic()
    try:
        _, stderr = process.communicate(timeout=seconds + 5)  # EOF: no process holds stderr
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError("iwp did not end") from None
    return process.returncode, stderr.decode(), time.monotonic() - started


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a parallel check needs two cores")
@pytest.mark.parametrize(
    ("how", "code", "words"),
    [
        ("SIGTERM", 143, "stopped by SIGTERM"),
        ("SIGINT", 130, "interrupted (Ctrl-C)"),
        ("SIGKILL-worker", 2, "a worker process ended without its results (signal 9"),
    ],
)
def test_a_signal_ends_a_parallel_check_within_a_second_with_no_process_left(
    tmp_path, how, code, words
):
    process = start_check(slow_corpus(tmp_path / "d"))
    workers = wait_for_workers(process)
    started = time.monotonic()
    if how == "SIGKILL-worker":
        os.kill(workers[0], signal.SIGKILL)  # what the out-of-memory killer does
    elif how == "SIGINT":
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    else:
        process.send_signal(signal.SIGTERM)
    returncode, stderr, _ = ended_within(process, 10)
    took = time.monotonic() - started
    assert returncode == code, stderr
    assert words in stderr
    assert "Traceback" not in stderr
    assert took < 1.5, f"took {took:.2f} s"
    assert all(gone(pid) for pid in workers)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a parallel check needs two cores")
def test_a_killed_check_leaves_no_worker_behind(tmp_path):
    """SIGKILL to iwp itself (a CI job cancelled hard, the OOM killer choosing the parent):
    its workers end too, rather than waiting for ever on a pipe nobody reads."""
    process = start_check(slow_corpus(tmp_path / "d"))
    workers = wait_for_workers(process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not all(gone(pid) for pid in workers):
        time.sleep(0.05)
    left = [pid for pid in workers if not gone(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "workers outlived the killed parent"


def test_a_fifo_is_explained_in_the_run_s_language(tmp_path):
    folder = corpus(tmp_path / "d", 1)
    os.mkfifo(folder / "x.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "iwp_cli", "check", str(folder), "--lang", "nl"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "IWP010" in done.stdout
    assert "het bestand is niet te lezen: geen gewoon bestand maar een named pipe" in done.stdout
    assert "not a regular file" not in done.stdout
