"""Frameworks: sets of design principles. The built-in one is the handbook's seven (data file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from iwp_cli.yamlreader import read_yaml

BUILTIN = "cremers-2016"


@dataclass(frozen=True, slots=True)
class PrincipleInfo:
    """One design principle: its id, and its title and definition per language."""

    id: str
    number: int
    title: dict[str, str]
    definition: dict[str, str]


@dataclass(frozen=True, slots=True)
class Framework:
    """A set of design principles, in order."""

    id: str
    title: dict[str, str]
    source: str
    notes: dict[str, list[str]]
    principles: tuple[PrincipleInfo, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.principles)


def framework_from_data(data: dict[str, Any]) -> Framework:
    """Build a framework from its data (the shape of ``data/frameworks/*.yaml``)."""
    principles = tuple(
        PrincipleInfo(p["id"], number, dict(p["title"]), dict(p["definition"]))
        for number, p in enumerate(data["principles"], start=1)
    )
    return Framework(
        data["id"],
        dict(data["title"]),
        data.get("source", ""),
        dict(data.get("notes", {})),
        principles,
    )


@cache
def builtin_framework() -> Framework:
    """The seven principles of the handbook (Cremers et al. 2016)."""
    resource = resources.files("iwp_cli").joinpath(f"data/frameworks/{BUILTIN}.yaml")
    document = read_yaml(resource.read_text(encoding="utf-8")).document
    assert document is not None
    return framework_from_data(document.data)
