"""Benchmark `iwp diff` on descriptions far larger than real ones (issue 13, item 20).

Run it with the project's virtual environment::

    .venv/bin/python bench/diff.py [--features 2000] [--repeat 3] [--keep DIR]

It generates, from fixed seeds (the same bytes on every run):

1. OLD: a description with ``--features`` features (default 2,000) spread over the seven
   principles, each with 1-3 effects and 0-2 preconditions, in the Dutch of bench/check.py;
2. NEW, its next cycle: 10 % of the features renamed (a word changed or added), 2 % moved to
   another principle, 5 % removed, 5 % added, and a fifth of the others with an effect
   reworded: what the pairing has to see through;
3. TEXT-OLD and TEXT-NEW: a small description whose `starting_points.context` is one text of
   about 640 KB, changed in a few places.

Then it times ``iwp diff OLD NEW --format json`` and ``iwp diff TEXT-OLD TEXT-NEW`` as whole
processes (median of ``--repeat``), checks that the renamed features were paired as renamed
(not as one removed and one added) and prints the figures. Goal: OLD/NEW in at most 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import CONTEXT, FEATURES, OCCASION, PRINCIPLES, scalar

GOAL_SECONDS = 2.0
WORDS = ("samen", "snel", "open", "vaste", "eigen", "nieuwe", "kleine", "echte", "vrije", "korte")
EFFECTS = (
    "Studenten leren van professionals",
    "Motiverend voor iedereen",
    "Meer eigenaarschap bij de teams",
    "Snel contact tussen de deelnemers",
    "Kennis wordt gedeeld over de grenzen van opleidingen heen",
    "De opdrachtgever ziet resultaat",
    "Docenten blijven op de hoogte van de praktijk",
)
PRECONDITIONS = (
    "Een vaste contactpersoon",
    "Tijd in het rooster",
    "Een ruimte waar iedereen kan werken",
    "Afspraken over eigendom van resultaten",
)


def feature_name(rng: random.Random, principle: str, number: int) -> str:
    return f"{rng.choice(FEATURES[principle])} {rng.choice(WORDS)} {number}"


def make_feature(rng: random.Random, name: str) -> dict[str, Any]:
    effects = [
        {"text": rng.choice(EFFECTS), "who": rng.choice([["J"], ["S"], ["J", "S"]])}
        for _ in range(rng.choice((1, 1, 1, 2)))
    ]
    preconditions = [rng.choice(PRECONDITIONS) for _ in range(rng.choice((0, 0, 1)))]
    return {"name": name, "effects": effects, "preconditions": preconditions}


def render(
    principles: dict[str, list[dict[str, Any]]], context: str = "Een hbo en een mbo."
) -> str:
    lines = [
        "iwp: 1",
        "name: Bench Lab",
        "date: 2026-09-01",
        "starting_points:",
        f"  occasion: {scalar(OCCASION[2])}",
        f"  context: {scalar(context)}",
        "outcomes: {products: [Adviezen], development: [Groei], sustainability: [Samen leren]}",
        "processes: [Samen prototypes testen]",
        "principles:",
    ]
    for principle in PRINCIPLES:
        listed_features = principles.get(principle, [])
        lines += [f"  {principle}:", "    features:" if listed_features else "    features: []"]
        for item in listed_features:
            lines.append(f"      - name: {scalar(item['name'])}")
            lines.append("        effects:")
            for effect in item["effects"]:
                who = ", ".join(effect["who"])
                lines.append(
                    f"          - {{text: {scalar(effect['text'], flow=True)}, who: [{who}]}}"
                )
            listed = ", ".join(scalar(p, flow=True) for p in item["preconditions"])
            lines.append(f"        preconditions: [{listed}]")
    return "\n".join(lines) + "\n"


def generate(count: int) -> tuple[str, str, int]:
    """OLD and NEW, and how many features NEW renames."""
    rng = random.Random(f"bench-diff/{count}")
    old: dict[str, list[dict[str, Any]]] = {p: [] for p in PRINCIPLES}
    for number in range(count):
        principle = rng.choice(PRINCIPLES)
        old[principle].append(make_feature(rng, feature_name(rng, principle, number)))
    new: dict[str, list[dict[str, Any]]] = {p: [] for p in PRINCIPLES}
    renamed = 0
    for principle in PRINCIPLES:
        for item in old[principle]:
            roll = rng.random()
            copy = json.loads(json.dumps(item))
            if roll < 0.05:
                continue  # removed
            if roll < 0.15:
                copy["name"] = item["name"].replace(" ", f" {rng.choice(WORDS)} ", 1)
                renamed += 1
            elif roll < 0.17:
                new[rng.choice([p for p in PRINCIPLES if p != principle])].append(copy)
                continue
            elif roll < 0.35 and copy["effects"]:
                copy["effects"][0]["text"] += " en meer"
            new[principle].append(copy)
    for number in range(count // 20):
        principle = rng.choice(PRINCIPLES)
        new[principle].append(make_feature(rng, feature_name(rng, principle, count + number)))
    return render(old), render(new), renamed


def long_text(rng: random.Random, size: int) -> str:
    parts = []
    while sum(len(p) + 1 for p in parts) < size:
        parts.append(rng.choice(CONTEXT).replace("{place}", "Noord").replace("{sector}", "de zorg"))
    return " ".join(parts)


def text_pair() -> tuple[str, str]:
    rng = random.Random("bench-diff/text")
    text = long_text(rng, 640_000)
    words = text.split(" ")
    for _ in range(20):
        words[rng.randrange(len(words))] = "anders"
    return render({}, text), render({}, " ".join(words))


def timed(argv: Sequence[str], repeat: int) -> tuple[list[float], subprocess.CompletedProcess[str]]:
    times = []
    done = None
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"ABORT: {' '.join(argv)} exited {done.returncode}: {done.stderr[-500:]}")
    assert done is not None
    return times, done


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    iwp = str(Path(sys.executable).with_name("iwp"))
    with tempfile.TemporaryDirectory(prefix="iwp-bench-diff-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        old, new, renamed = generate(args.features)
        text_old, text_new = text_pair()
        files = {
            "old.yaml": old,
            "new.yaml": new,
            "text-old.yaml": text_old,
            "text-new.yaml": text_new,
        }
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        times, done = timed(
            [iwp, "diff", str(folder / "old.yaml"), str(folder / "new.yaml"), "--format", "json"],
            args.repeat,
        )
        report = json.loads(done.stdout)
        found = report_renamed(report)
        text_times, _ = timed(
            [iwp, "diff", str(folder / "text-old.yaml"), str(folder / "text-new.yaml")], args.repeat
        )
    median = statistics.median(times)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        # Start-up is a third of the time: without .pyc files every module is compiled anew.
        print("note: PYTHONDONTWRITEBYTECODE is set, so iwp compiles its modules at each start")
    print(
        f"iwp diff, {args.features:,} features a side ({len(old.encode()) / 1024:,.0f} KB / "
        f"{len(new.encode()) / 1024:,.0f} KB), median of {args.repeat}: {median:.2f} s "
        f"(min {min(times):.2f} s)"
    )
    print(f"  renamed features generated: {renamed:,}; paired as renamed: {found:,}")
    print(
        f"iwp diff of one {len(text_old.encode()) / 1024:,.0f} KB text, median of {args.repeat}: "
        f"{statistics.median(text_times):.2f} s"
    )
    if median > GOAL_SECONDS:
        print(f"GOAL MISSED: {median:.2f} s > {GOAL_SECONDS} s")
    return 0


def report_renamed(report: dict[str, Any]) -> int:
    """How many features the JSON report calls renamed (see docs/diff-json.md)."""
    count = 0

    def walk(value: Any) -> None:
        nonlocal count
        if isinstance(value, dict):
            if value.get("old_name") and value.get("old_name") != value.get("name"):
                count += 1
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(report)
    return count


if __name__ == "__main__":
    raise SystemExit(main())
