"""The handbook's notation as data (tests/notation/cells.yaml), in cells and in the YAML form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iwp_cli.framework import builtin_framework
from iwp_cli.loader import load_text
from iwp_cli.mdform.sections import principle_by_heading
from iwp_cli.notation import (
    FEATURE,
    ITEM,
    PRECONDITION,
    Context,
    parse_effects,
    parse_part,
    split_parts,
)
from iwp_cli.yamlreader import read_yaml

CASES = Path(__file__).parent / "notation" / "cells.yaml"
CONTEXT = Context(
    frozenset({"J", "S"}), lambda ref: principle_by_heading(ref, builtin_framework()) or ref
)


def _cases() -> list[Any]:
    document = read_yaml(CASES.read_text(encoding="utf-8")).document
    assert document is not None
    return [pytest.param(case, id=case["cell"][:40]) for case in document.data["cases"]]


def _read(kind: str, cell: str) -> tuple[list[dict[str, Any]] | None, str | None]:
    if kind == "effects":
        if cell.strip() == "-":
            return [], None
        parts, feature = parse_effects(cell, CONTEXT)
        return [{"text": p.text, **p.values} for p, _ in parts], feature
    if kind == "preconditions":
        if not cell.strip():
            return None, None
        if cell.strip() == "-":
            return [], None
        parts = [parse_part(text, PRECONDITION, CONTEXT) for text, _ in split_parts(cell)]
        return [{"text": p.text, **p.values} for p in parts], None
    parsed = parse_part(cell, FEATURE if kind == "feature" else ITEM, CONTEXT)
    return [{"text": parsed.text, **parsed.values}], None


@pytest.mark.parametrize("case", _cases())
def test_notation_case(case: dict[str, Any]) -> None:
    parts, feature = _read(case["kind"], case["cell"])
    assert parts == case["expect"]
    assert feature == case.get("feature")


def test_plain_text_effects_in_yaml_mean_what_the_handbook_means() -> None:
    text = """\
iwp: 1
name: Zorglab
date: 2026-09-01
starting_points: {occasion: Zorg., context: Een hbo.}
outcomes: {products: [A], development: [], sustainability: []}
processes: [B]
principles:
  diversity:
    features:
      - name: Samenwerken
        effects: ["Uitdagend, motiverend (J)", "Van elkaar leren (J+S) – geen consensus"]
        preconditions: ["Een vaste contactpersoon (nog verbeteren)"]
"""
    loaded = load_text(text, shown="x.yaml")
    assert loaded.description is not None, loaded.findings
    feature = loaded.description.principles["diversity"].features[0]
    assert [(e.text, e.who, e.status) for e in feature.effects] == [
        ("Uitdagend, motiverend", ["J"], None),
        ("Van elkaar leren", ["J", "S"], "no-consensus"),
    ]
    assert feature.preconditions is not None
    assert feature.preconditions[0].status == "to-improve"
    assert loaded.document is not None
    path = ("principles", "diversity", "features", 0, "effects", 0, "who")
    assert loaded.document.values[path] == (11, 42)  # the "(J)" itself
