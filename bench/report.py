"""Benchmark the default text report on one very long line (issue 13, item 22).

    .venv/bin/python bench/report.py [--line-bytes 1000000] [--findings 1000]

Writes a description whose `starting_points` is one flow mapping on a single line of about
``--line-bytes`` bytes, holding ``--findings`` unknown keys (IWP020 each), then runs
``iwp check FILE`` (text format) and prints its time, the peak memory of the process
(ru_maxrss) and the size of the report. Before the report showed a window around the column,
it repeated the whole line under every finding: more than 2 GB, then MemoryError.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = """\
iwp: 1
name: Lange regel
date: 2026-09-01
"""
TAIL = """\
outcomes: {products: [Adviezen], development: [Groei], sustainability: [Samen leren]}
processes: [Samen prototypes testen]
principles:
  authentic-work-environment:
    features:
      - {name: Echte vragen, effects: [{text: Motiverend, who: [J]}], preconditions: []}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--line-bytes", type=int, default=1_000_000)
    parser.add_argument("--findings", type=int, default=1000)
    args = parser.parse_args()
    keys = ", ".join(f"k{n}: {n}" for n in range(args.findings))
    padding = "a" * max(0, args.line_bytes - len(keys) - 60)
    line = f"starting_points: {{occasion: {padding}, context: b, {keys}}}\n"
    iwp = str(Path(sys.executable).with_name("iwp"))
    with tempfile.TemporaryDirectory(prefix="iwp-bench-report-") as folder:
        path = Path(folder) / "long.yaml"
        path.write_text(HEAD + line + TAIL, encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run([iwp, "check", str(path)], capture_output=True, check=False)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    findings = done.stdout.count(b": IWP020 error:")
    print(
        f"iwp check, text report: one line of {len(line.encode()):,} bytes, {findings:,} findings"
    )
    print(
        f"  exit code {done.returncode}, {seconds:.2f} s, peak memory {peak:,.0f} MiB, "
        f"report {len(done.stdout):,} bytes"
    )
    if b"MemoryError" in done.stderr:
        print("  MemoryError")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
