"""Benchmark `iwp render DIR -o SITE/` against `iwp check DIR` on a generated corpus.

Run it from the repository root with the project's virtual environment (it calls the `iwp`
console script next to the running interpreter)::

    .venv/bin/python bench/render.py [--files N] [--repeat R] [--keep DIR] [--json] [--empty-site]
                                     [--git]

What it does, in order:

1. Generates N (default 1000) descriptions of about 10 KB with the generator of
   ``bench/check.py`` (the same bytes on every run; see its docstring).
2. Runs each command once untimed (warm caches; the render must exit 0 and write N pages and
   ``index.html``).
3. Times, as whole processes and interleaved (check, render, check, render, ... R rounds),
   ``iwp check DIR --format concise`` (output to /dev/null) and ``iwp render DIR -o SITE-n``
   (HTML, the default for a folder). Each render writes every file anew, into a new folder
   (SITE-1, SITE-2, ...); the folders are deleted at the end, not between rounds (R+1 sites of
   about 56 MB at the peak). Deleting 1,000 pages just before a render bills the file system's
   bookkeeping to the render: ext4 without a journal (as on the benchmark machine) does not
   reuse an inode in the 30 seconds after it was freed, and each new file then steps over all
   of them, holding the folder's lock (``perf``: recently_deleted, find_inode_bit and lock
   spinning in the kernel; 0.3-0.8 s per render here). ``--empty-site`` times the old way: one
   folder, emptied before each render.
4. Renders the first description twice more and checks that the bytes are the same.

Every render writes the N pages, ``index.html`` and the feature library (``library.html``).
With ``--git`` the corpus is committed first, in a new repository (one commit, as a team's
first cycle), so that the site also builds each IWP's timeline from git; without it the
corpus is no repository and the site has no timelines.

How to read the figures: wall-clock seconds around spawn and wait (``time.perf_counter``);
compare the medians' ratio, which the machine's noise (15-20%) affects much less than the
absolute times. Goal: render / check <= 2. A missed goal prints "GOAL MISSED"; the exit code is
0 regardless, unless the render itself fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The generator and the process helpers of bench/check.py.
from check import (
    BIN,
    Corpus,
    Series,
    capture,
    corpus_directories,
    generate,
    run,
)

GOAL_RATIO = 2.0


def check_argv(iwp: str, corpus: Corpus) -> list[str]:
    return [iwp, "check", str(corpus.directory), "--format", "concise"]


def render_argv(iwp: str, corpus: Corpus, site: Path) -> list[str]:
    return [iwp, "render", str(corpus.directory), "-o", str(site)]


def commit_corpus(directory: Path) -> None:
    """``directory`` as a new git repository with every file in one commit."""
    env = {
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "GIT_AUTHOR_DATE": "2026-09-01T09:00:00",
        "GIT_COMMITTER_DATE": "2026-09-01T09:00:00",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(directory),
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "Cycle 2026-09-01"]):
        subprocess.run(["git", "-C", str(directory), *args], check=True, env=env)


def fresh(site: Path) -> Path:
    """``site`` emptied, so that each timed render writes every file anew."""
    shutil.rmtree(site, ignore_errors=True)
    return site


def verify(iwp: str, corpus: Corpus, site: Path) -> dict[str, Any]:
    """One untimed run of each; abort unless the render wrote every page and the index, and
    rendering one file twice gives the same bytes."""
    run(check_argv(iwp, corpus))
    done = capture(render_argv(iwp, corpus, fresh(site)))
    pages = sorted(site.glob("*.html"))
    if done.returncode != 0 or len(pages) != len(corpus.files) + 2:  # the index, the library
        sys.exit(
            f"ABORT: iwp render exited {done.returncode} with {len(pages)} pages:\n"
            f"{done.stdout}{done.stderr}"
        )
    first = corpus.files[0]
    twice = [capture([iwp, "render", str(first), "-f", "html"]).stdout for _ in range(2)]
    size = sum(page.stat().st_size for page in pages)
    return {"pages": len(pages), "site_mb": size / 1e6, "reproducible": twice[0] == twice[1]}


def measure(
    iwp: str, corpus: Corpus, sites: Path, repeat: int, *, empty_site: bool
) -> tuple[Series, Series]:
    check_times: list[float] = []
    render_times: list[float] = []
    for round_ in range(repeat):
        check_times.append(run(check_argv(iwp, corpus)).seconds)
        site = fresh(sites / "site") if empty_site else sites / f"site-{round_ + 1}"
        render_times.append(run(render_argv(iwp, corpus, site)).seconds)
        print(
            f"  round {round_ + 1}/{repeat}: check {check_times[-1]:.2f} s, "
            f"render {render_times[-1]:.2f} s",
            file=sys.stderr,
        )
    return Series(check_times), Series(render_times)


def figures(corpus: Corpus, check: Series, render: Series, info: dict[str, Any]) -> dict[str, Any]:
    ratio = render.median / check.median
    return {
        "environment": {
            "python": platform.python_version(),
            "iwp": capture([str(BIN / "iwp"), "--version"]).stdout.strip(),
            "platform": platform.platform(),
        },
        "corpus": {"files": len(corpus.files), "mb": corpus.total / 1e6, "sha256": corpus.sha256},
        "check_s": {"median": check.median, "min": check.min, "runs": check.runs},
        "render_s": {"median": render.median, "min": render.min, "runs": render.runs},
        "ratio_render_to_check": ratio,
        "goal": {"ratio_at_most": GOAL_RATIO, "met": ratio <= GOAL_RATIO},
        **info,
    }


def print_report(data: dict[str, Any]) -> None:
    check, render = data["check_s"], data["render_s"]
    corpus = data["corpus"]
    print(f"iwp render benchmark: {data['environment']['iwp']}, {data['environment']['platform']}")
    print(f"corpus: {corpus['files']} files, {corpus['mb']:.2f} MB, sha256 {corpus['sha256'][:16]}")
    if data.get("git"):
        print("corpus committed in git: the site builds a timeline for every IWP")
    print(
        f"site: {data['pages']} HTML files, {data['site_mb']:.1f} MB; "
        f"each timed render into {'an emptied' if data['site_per_round'] == 'emptied' else 'a new'}"
        " folder"
    )
    print(f"iwp check DIR, median / min      {check['median']:6.2f} / {check['min']:.2f} s")
    print(f"iwp render DIR -o SITE, median / min {render['median']:6.2f} / {render['min']:.2f} s")
    ratio = data["ratio_render_to_check"]
    verdict = "ok" if data["goal"]["met"] else "MISSED"
    print(f"ratio render / check (medians)   {ratio:6.2f}   goal <= {GOAL_RATIO:g}  {verdict}")
    print(f"same bytes when rendered twice   {'yes' if data['reproducible'] else 'NO'}")
    if not data["goal"]["met"]:
        print(f"GOAL MISSED: render / check is {ratio:.2f}, goal <= {GOAL_RATIO:g}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=1000, help="descriptions (1000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds (3)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--empty-site",
        action="store_true",
        help="render into one folder, emptied before each round (default: a new folder each)",
    )
    parser.add_argument(
        "--git",
        action="store_true",
        help="commit the corpus in a new git repository first, so that the site has timelines",
    )
    args = parser.parse_args(argv)
    iwp = str(BIN / "iwp")
    with corpus_directories(args.keep) as (directory, _), tempfile.TemporaryDirectory() as out:
        print(f"generating {args.files} descriptions...", file=sys.stderr)
        corpus = generate(directory, args.files)
        if args.git:
            commit_corpus(corpus.directory)
        sites = Path(out)
        info = verify(iwp, corpus, sites / "site")
        check, render = measure(iwp, corpus, sites, args.repeat, empty_site=args.empty_site)
    data = figures(corpus, check, render, info)
    data["site_per_round"] = "emptied" if args.empty_site else "new"
    data["git"] = args.git
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print_report(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
