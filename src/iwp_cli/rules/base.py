"""What a lint rule sees (RuleContext) and what it yields (Hit).

A rule is a module with ``CODE``, ``NAME``, ``SEVERITY`` and ``check(context)``; its docstring is
its documentation (`iwp rules CODE` prints it). Rules yield hits: a YAML path and the arguments
of the rule's message. The engine (`iwp_cli.lint`) places each hit on its line, applies the
configuration and words the message in the chosen language.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import Any

from iwp_cli.findings import Severity
from iwp_cli.framework import Framework
from iwp_cli.i18n import LANGUAGES, message
from iwp_cli.model import Description, Effect, Feature, Item, Precondition, Status
from iwp_cli.model.parts import ProcessItem
from iwp_cli.suggest import closest
from iwp_cli.yamlreader import Document, Path


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a rule found something.

    Attributes:
        path: The YAML path to point at (the most specific one: the feature, the entry).
        args: Values for the rule's message template.
        on_key: Point at the key of ``path`` rather than its value (for unknown ids used as keys).
    """

    path: Path
    args: dict[str, Any] = field(default_factory=dict)
    on_key: bool = False


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may look at for one description.

    Attributes:
        description: The validated description.
        document: Its YAML values with positions.
        framework: The set of principles that applies to it.
        today: The date to measure age and future dates against.
        stale_after: Months after which a description is due for its next cycle.
        known_frameworks: Ids of the frameworks available (built-in and configured).
    """

    description: Description
    document: Document
    framework: Framework
    today: datetime.date
    stale_after: int = 6
    known_frameworks: tuple[str, ...] = ("cremers-2016",)

    def features(self) -> Iterator[tuple[str, int, Feature]]:
        """Every feature with its principle id and index, in file order."""
        for principle_id, entry in self.description.principles.items():
            for index, feature in enumerate(entry.features):
                yield principle_id, index, feature

    def open_points(self) -> Iterator[tuple[Path, Status, str]]:
        """Every ``status`` in file order: the path of the feature, effect or precondition that
        carries it, the status, and its name or text."""
        for principle_id, index, feature in self.features():
            if feature.status is not None:
                yield feature_path(principle_id, index), feature.status, feature.name
            entries: list[tuple[str, Sequence[Effect | Precondition]]] = [
                ("effects", feature.effects),
                ("preconditions", feature.preconditions or ()),
            ]
            for kind, items in entries:
                for position, item in enumerate(items):
                    if item.status is not None:
                        path = feature_path(principle_id, index, kind, position)
                        yield path, item.status, item.text

    def outcomes(self) -> Iterator[tuple[Path, Item]]:
        """Every outcome (products, development, sustainability) with its path."""
        for category in OUTCOME_CATEGORIES:
            for index, item in enumerate(getattr(self.description.outcomes, category)):
                yield ("outcomes", category, index), item

    def processes(self) -> Iterator[tuple[Path, ProcessItem]]:
        """Every process with its path."""
        for index, item in enumerate(self.description.processes):
            yield ("processes", index), item

    @cached_property
    def uses_links(self) -> bool:
        """Whether the file draws a conjecture map (any `supports` or `yields`)."""
        d = self.description
        return any(p.yields for p in d.processes) or any(f.supports for _, _, f in self.features())


#: The categories of B. Opbrengsten, in the order of the format.
OUTCOME_CATEGORIES = ("products", "development", "sustainability")


def feature_path(principle_id: str, index: int, *rest: str | int) -> Path:
    """The YAML path of a feature (or of something inside it)."""
    return ("principles", principle_id, "features", index, *rest)


def texts_in(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every text value under ``value`` with its path, in file order, skipping ``x-`` keys."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if not (isinstance(key, str) and key.startswith("x-")):
                yield from texts_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts_in(item, (*path, index))


def shorten(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with "..." when longer, for a message."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 3].rstrip() + "..."


def did_you_mean(value: str, choices: Iterable[str]) -> dict[str, str]:
    """The closest of ``choices`` as " (did you mean `x`?)" in every language, or "" for none.

    A message template takes its own language's text: ``{suggestion[en]}``.
    """
    match = closest(value, choices)
    return {lang: message("did-you-mean", lang, match=match) if match else "" for lang in LANGUAGES}


@dataclass(frozen=True, slots=True)
class Variant:
    """A message argument that picks one of the wordings its template offers.

    The template lists them after a colon, separated by ``|``: with ``Variant(1)``,
    ``{kind:a process|an outcome}`` reads "an outcome". So every wording stays in the data file,
    in each language, and a rule only says which one applies.
    """

    index: int

    def __format__(self, spec: str) -> str:
        return spec.split("|")[self.index]


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as the registry holds it."""

    code: str
    name: str
    severity: Severity
    check: Callable[[RuleContext], Iterable[Hit]]
    doc: str

    @classmethod
    def from_module(cls, module: ModuleType) -> RuleInfo:
        return cls(module.CODE, module.NAME, module.SEVERITY, module.check, module.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0]
