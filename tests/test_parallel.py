"""Large runs use several processes; the result is the same as in one process, in order."""

from __future__ import annotations

import pytest

from conftest import HARBOUR, MINIMAL
from iwp_cli.checker import PARALLEL_FROM, CheckOptions, check_targets
from iwp_cli.discovery import discover
from iwp_cli.parallel import run_shared


def make_corpus(folder, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        text = MINIMAL if number % 3 else HARBOUR.read_text(encoding="utf-8")
        if number % 7 == 0:
            text = text.replace("iwp: 1", "iwp: 1\nnmae: typo")
        (folder / f"d{number:03}.yaml").write_text(text, encoding="utf-8")
    (folder / "ci.yaml").write_text("jobs: {}\n")


def test_parallel_run_equals_serial_run(tmp_path):
    make_corpus(tmp_path / "c", PARALLEL_FROM * 2 + 5)
    targets = discover([str(tmp_path / "c")])
    serial = check_targets(targets, CheckOptions(jobs=1))
    parallel = check_targets(targets, CheckOptions(jobs=3))
    assert [r.path for r in parallel.results] == [r.path for r in serial.results]
    assert [r.findings for r in parallel.results] == [r.findings for r in serial.results]
    assert parallel.skipped == serial.skipped == [str(tmp_path / "c" / "ci.yaml")]
    assert serial.counts() == parallel.counts()


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_unreadable_file_is_a_finding_and_the_others_are_checked(tmp_path, jobs):
    make_corpus(tmp_path / "c", PARALLEL_FROM + 2)
    (tmp_path / "c" / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    run = check_targets(discover([str(tmp_path / "c")]), CheckOptions(jobs=jobs))
    assert len(run.results) == PARALLEL_FROM + 3
    (dangling,) = [r for r in run.results if r.path.endswith("dangling.yaml")]
    assert [f.code for f in dangling.findings] == ["IWP010"]
    assert "no such file or directory" in dangling.findings[0].message


def test_run_shared_keeps_order_with_uneven_chunks():
    items = list(range(101))
    assert run_shared(items, lambda n: n * n, jobs=3) == [n * n for n in items]
    assert run_shared([], lambda n: n, jobs=2) == []
