"""A link of the conjecture map names an id that does not exist, or one of the wrong kind.

The handbook's Ontwikkelingsmodel rests on conjecture mapping (Sandoval 2014): features of the
design (Vormgeving) bring about processes (Processen), which yield outcomes (Opbrengsten). The
format draws those arrows with ids: a feature's `supports` lists ids of processes, a process's
`yields` lists ids of outcomes (products, development, sustainability). A link to an id that no
item has, or to an item of the other kind (an outcome in `supports`, a process in `yields`),
is an arrow to nowhere.

How to fix: correct the id (the message suggests the closest), give the intended item that
`id`, or move the link to where it belongs (a feature supports processes; a process yields
outcomes).

Bad::

    processes:
      - {id: cocreatie, text: Samen prototypes testen, yields: [adviezen]}
    principles:
      authentic-work-environment:
        features:
          - name: Echte vragen van zorginstellingen
            supports: [advies]

Good::

    processes:
      - {id: cocreatie, text: Samen prototypes testen, yields: [advies]}
    principles:
      authentic-work-environment:
        features:
          - name: Echte vragen van zorginstellingen
            supports: [cocreatie]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, Variant, did_you_mean, feature_path
from iwp_cli.yamlreader import Path

CODE = "IWP501"
NAME = "unknown-link"
SEVERITY = Severity.ERROR

#: Which wording of the message applies: what was wanted, and what the id turned out to be.
UNKNOWN_PROCESS, UNKNOWN_OUTCOME, OUTCOME_NOT_PROCESS, PROCESS_NOT_OUTCOME = range(4)


def check(context: RuleContext) -> Iterator[Hit]:
    processes = [item.id for _, item in context.processes() if item.id is not None]
    outcomes = [item.id for _, item in context.outcomes() if item.id is not None]
    for principle_id, index, feature in context.features():
        for position, target in enumerate(feature.supports):
            if target not in processes:
                kind = OUTCOME_NOT_PROCESS if target in outcomes else UNKNOWN_PROCESS
                path = feature_path(principle_id, index, "supports", position)
                yield _hit(path, target, kind, processes)
    for path, item in context.processes():
        for position, target in enumerate(item.yields):
            if target not in outcomes:
                kind = PROCESS_NOT_OUTCOME if target in processes else UNKNOWN_OUTCOME
                yield _hit((*path, "yields", position), target, kind, outcomes)


def _hit(path: Path, target: str, kind: int, allowed: list[str]) -> Hit:
    wrong_kind = kind in (OUTCOME_NOT_PROCESS, PROCESS_NOT_OUTCOME)
    return Hit(
        path,
        {
            "id": target,
            "kind": Variant(kind),
            "suggestion": did_you_mean(target, [] if wrong_kind else allowed),
            "ids": Variant(0 if allowed else 1),
            "allowed": ", ".join(allowed),
        },
    )
