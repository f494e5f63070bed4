"""Pairing features stays fast on descriptions far larger than real ones (issue 13, item 20).

The figures are in bench/diff.py; this test pins the reason: with hundreds of features renamed,
only a few scores per feature are computed, not one per old × new pair, and the renamed features
are still paired.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL
from iwp_cli.diff import match, run
from iwp_cli.diff.compare import _located
from iwp_cli.loader import load_text

COUNT = 220  # 220 x 220 pairs: more than are ever scored all together
WORDS = ("Echte", "Vaste", "Open", "Korte", "Eigen", "Nieuwe", "Kleine", "Vrije")


def description(renamed: bool) -> str:
    lines = []
    for n in range(COUNT):
        name = f"{WORDS[n % len(WORDS)]} opdrachten van team {n}"
        if renamed:
            name = name.replace(" van ", " voor het ")
        lines += [
            f"      - name: {name}",
            f"        effects: [{{text: Studenten leren van project {n}, who: [J]}}]",
            "        preconditions: []",
        ]
    features = "\n".join(lines)
    head = MINIMAL.split("    features:\n")[0]
    return f"{head}    features:\n{features}\n"


def test_pairing_many_renamed_features_scores_a_few_pairs_per_feature(monkeypatch):
    old = load_text(description(False)).description
    new = load_text(description(True)).description
    assert old is not None and new is not None
    calls = []
    real = match.similarity

    def counted(a: str, b: str, floor: float = 0.3) -> float:
        calls.append((a, b))
        return real(a, b, floor)

    monkeypatch.setattr(match, "similarity", counted)
    pairs = match.match_features(_located(old), _located(new))
    renamed = [p for p in pairs if p.old is not None and p.new is not None]
    assert len(renamed) == COUNT
    assert all(p.old.feature.name.split()[-1] == p.new.feature.name.split()[-1] for p in renamed)
    assert len(calls) <= 10 * COUNT, f"{len(calls):,} similarities for {COUNT} features"


def _write_sides(tmp_path, *, broken: bool = False):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(description(False) if not broken else description(False) + "  - [\n")
    new.write_text(description(True))
    return str(old), str(new)


def test_two_processes_load_large_sides_and_report_the_same(tmp_path, monkeypatch):
    old, new = _write_sides(tmp_path)
    loaders = []
    real_shared = run.run_shared

    def counted(items, job, *, jobs):
        loaders.append(jobs)
        return real_shared(items, job, jobs=jobs)

    monkeypatch.setattr(run, "run_shared", counted)
    monkeypatch.setattr(run, "PARALLEL_BYTES", 10**9)
    alone = run.run_diff(old, new, output=run.Format.json)
    monkeypatch.setattr(run, "PARALLEL_BYTES", 1)
    shared = run.run_diff(old, new, output=run.Format.json)
    assert loaders == [1, 2] or os.cpu_count() == 1
    assert shared.report == alone.report
    assert shared.differs


def test_a_broken_large_side_is_reported_from_the_other_process(tmp_path, monkeypatch):
    old, new = _write_sides(tmp_path, broken=True)
    monkeypatch.setattr(run, "PARALLEL_BYTES", 1)
    with pytest.raises(run.InvalidSide, match=r"old\.yaml:\d+:\d+: IWP001"):
        run.run_diff(old, new)


def _eager(old, new):
    """The pairing by definition: every candidate's exact score, sorted, taken best first."""
    left_old, left_new = list(range(len(old))), list(range(len(new)))
    before = [match._Side.of(f.feature) for f in old]
    after = [match._Side.of(f.feature) for f in new]
    known: dict = {}
    scored = []
    for i in left_old:
        for j in left_new:
            score = match._feature_score(before[i], after[j], known)
            if score is not None:
                scored.append((-score, int(old[i].principle != new[j].principle), j, i))
    taken, used = {}, set()
    for negative, _, j, i in sorted(scored):
        if j not in taken and i not in used:
            taken[j] = (i, round(-negative, 2))
            used.add(i)
    return taken


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_lazy_best_first_pairs_as_sorting_all_scores_would(data):
    """The pairing computes exact scores only for the candidates that come first; it must take
    the same pairs, with the same scores, as sorting every candidate's exact score. New names
    differ from old ones (a word added), so that every pair goes through the scoring round."""
    stems = ["Leren van elkaar", "Leren van rolmodel", "Echte opdrachten", "Eigen tempo"]
    texts = ["Studenten leren", "Motiverend voor iedereen", "Snel contact", "Meer eigenaarschap"]
    features = st.tuples(st.sampled_from(stems), st.integers(0, 3), st.sets(st.sampled_from(texts)))

    def made(items, suffix):
        lines = []
        for stem, n, effects in items:
            effect = ", ".join(f"{{text: {t}, who: [J]}}" for t in sorted(effects))
            lines += [f"      - name: {stem} {n}{suffix}", f"        effects: [{effect}]"]
        head = MINIMAL.split("    features:\n")[0]
        return load_text(f"{head}    features:\n" + "\n".join(lines) + "\n").description

    old = made(data.draw(st.lists(features, min_size=1, max_size=12)), "")
    new = made(data.draw(st.lists(features, min_size=1, max_size=12)), " nu")
    assert old is not None and new is not None
    located_old, located_new = _located(old), _located(new)
    lazy = {
        located_new.index(pair.new): (located_old.index(pair.old), pair.score)
        for pair in match.match_features(located_old, located_new)
        if pair.old is not None and pair.new is not None
    }
    assert lazy == _eager(located_old, located_new)
