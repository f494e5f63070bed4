"""Frameworks: sets of design principles. The built-in one is the handbook's seven (data file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iwp_cli.data_files import load_data
from iwp_cli.i18n import Said, model_problems
from iwp_cli.limits import MAX_BYTES
from iwp_cli.reading import read_head
from iwp_cli.yamlreader import read_yaml

if TYPE_CHECKING:
    from iwp_cli.model import Description

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
    return framework_from_data(load_data(f"frameworks/{BUILTIN}.yaml"))


def framework_named(name: Any, custom: Framework | None) -> Framework:
    """The framework that applies to a description naming ``name`` (None: it names none): the
    repository's own when the configuration names one and the description names no other, else
    the built-in seven."""
    if custom is not None and (name is None or name == custom.id):
        return custom
    return builtin_framework()


class FrameworkError(Exception):
    """A framework file cannot be used; the message names the file and the problem."""


def load_framework_file(path: Path) -> Framework:
    """A repository's own set of principles.

    The file has the shape of the built-in one (``id``, ``title``, ``principles`` with ``id``,
    ``title`` and ``definition`` in ``nl`` and ``en``). With ``extends: cremers-2016`` it starts
    from the seven: a principle with a known id adapts that one (its title or definition), a new id
    is added after them.
    """
    from pydantic import ValidationError

    from iwp_cli.framework_file import FrameworkFile

    try:
        raw, size = read_head(path, MAX_BYTES + 1)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FrameworkError(Said("framework-unreadable", path=path, reason=str(error))) from None
    if len(raw) > MAX_BYTES:  # the limits of a description hold for a framework too
        limit = f"{MAX_BYTES:,}"
        raise FrameworkError(Said("framework-too-large", path=path, size=f"{size:,}", limit=limit))
    result = read_yaml(text)
    if result.document is None or any(p.fatal for p in result.problems):
        raise FrameworkError(Said("framework-not-yaml", path=path))
    try:
        spec = FrameworkFile.model_validate(result.document.data)
    except ValidationError as error:
        problems = model_problems(list(error.errors(include_url=False)))
        raise FrameworkError(Said("framework-invalid", path=path, problems=problems)) from None
    if spec.extends is not None and spec.extends != BUILTIN:
        raise FrameworkError(Said("framework-extends", path=path, base=BUILTIN, found=spec.extends))
    base = builtin_framework() if spec.extends else None
    merged: dict[str, PrincipleInfo] = {p.id: p for p in base.principles} if base else {}
    for entry in spec.principles:
        old = merged.get(entry.id)
        title = {**(old.title if old else {}), **entry.title}
        definition = {**(old.definition if old else {}), **entry.definition}
        merged[entry.id] = PrincipleInfo(entry.id, 0, title, definition)
    principles = tuple(
        PrincipleInfo(p.id, number, p.title, p.definition)
        for number, p in enumerate(merged.values(), start=1)
    )
    return Framework(spec.id, spec.title, spec.source, spec.notes, principles)


def framework_for(description: Description, custom: Framework | None) -> Framework:
    """The framework that applies: the repository's own when the configuration names one and
    the description does not name another; else the built-in seven."""
    named = description.framework if "framework" in description.model_fields_set else None
    return framework_named(named, custom)
