"""``--format json`` of `iwp diff` and `iwp log`: stable documents for scripts.

The shape is documented in docs/diff-json.md; ``version`` changes when it does. Keys are written
in a fixed order, lists keep the report's order, and nothing depends on the time of the run.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from iwp_cli.diff.history import History
from iwp_cli.diff.model import Changes, Coverage, PrincipleDiff
from iwp_cli.diff.sidebyside import SideBySide

#: The version of the documents below; bumped when their shape changes incompatibly.
DIFF_JSON_VERSION = 1


def render_changes(changes: Changes) -> str:
    """The document of `iwp diff` for two cycles of one IWP (``"mode": "changes"``)."""
    old_total, new_total = changes.totals()
    document = {
        "version": DIFF_JSON_VERSION,
        "mode": "changes",
        "equal": changes.equal,
        "old": plain(changes.old),
        "new": plain(changes.new),
        "summary": {
            "features": {
                key: value
                for key, value in changes.counts().items()
                if key not in ("opened", "resolved")
            },
            "open_points": {
                "resolved": changes.counts()["resolved"],
                "opened": changes.counts()["opened"],
            },
            "old": _coverage(old_total),
            "new": _coverage(new_total),
        },
        "principles": [_principle(p) for p in changes.principles],
        "starting_points": plain(changes.starting_points),
        "outcomes": {category: plain(entries) for category, entries in changes.outcomes},
        "processes": plain(changes.processes),
        "participants": plain(changes.participants),
        "partners": plain(changes.partners),
        "contacts": plain(changes.contacts),
        "links": plain(changes.links),
        "general": plain(changes.general),
    }
    return _dump(document)


def render_sides(sides: SideBySide) -> str:
    """The document of `iwp diff` for two different IWPs (``"mode": "side-by-side"``)."""
    document = {
        "version": DIFF_JSON_VERSION,
        "mode": "side-by-side",
        "equal": False,
        "a": plain(sides.a),
        "b": plain(sides.b),
        "principles": [
            {
                **plain(entry.principle),
                "a": {"coverage": _coverage(entry.a_coverage), "features": plain(entry.a)},
                "b": {"coverage": _coverage(entry.b_coverage), "features": plain(entry.b)},
            }
            for entry in sides.principles
        ],
        "parts": {part: {"a": a, "b": b} for part, a, b in sides.parts},
        "participants": {"a": list(sides.a_groups), "b": list(sides.b_groups)},
        "partners": {"a": list(sides.a_partners), "b": list(sides.b_partners)},
    }
    return _dump(document)


def render_log(log: History) -> str:
    """The document of `iwp log`."""
    document = {
        "version": DIFF_JSON_VERSION,
        "path": log.path,
        "principles": plain(log.principles),
        "cycles": [
            {
                "commit": cycle.commit,
                "date": cycle.date,
                "subject": cycle.subject,
                "path": cycle.path,
                "state": cycle.state,
                "problem": cycle.problem,
                "name": cycle.name,
                "described": cycle.described,
                "principles": (
                    {p.id: _coverage(cycle.of(p.id)) for p in log.principles}
                    if cycle.state == "valid"
                    else None
                ),
            }
            for cycle in log.cycles
        ],
    }
    return _dump(document)


def plain(value: Any) -> Any:
    """Dataclasses as objects (their fields, in order), tuples as lists, the rest as it is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    return value


def _principle(diff: PrincipleDiff) -> dict[str, Any]:
    return {
        **plain(diff.principle),
        "changed": diff.changed,
        "old": _coverage(diff.old),
        "new": _coverage(diff.new),
        "notes": plain(diff.notes),
        "features": plain(diff.features),
        "moved_out": [{"name": f.name, "to": f.principle} for f in diff.moved_out],
    }


def _coverage(cov: Coverage) -> dict[str, int]:
    return {**plain(cov), "open_points": cov.open_points}


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
