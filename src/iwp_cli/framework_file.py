"""The shape of a framework file, for repositories that bring their own set of principles."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from iwp_cli.limits import MAX_PRINCIPLES
from iwp_cli.model.parts import SLUG_PATTERN


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PrincipleSpec(_Strict):
    """One principle: id, and title and definition per language (nl, en)."""

    id: str = Field(pattern=SLUG_PATTERN)
    title: dict[str, str] = Field(default_factory=dict)
    definition: dict[str, str] = Field(default_factory=dict)


class FrameworkFile(_Strict):
    """A set of design principles; ``extends: cremers-2016`` starts from the handbook's seven."""

    id: str = Field(pattern=SLUG_PATTERN)
    title: dict[str, str] = Field(default_factory=dict)
    source: str = ""
    notes: dict[str, list[str]] = Field(default_factory=dict)
    extends: str | None = None
    principles: list[PrincipleSpec] = Field(default_factory=list, max_length=MAX_PRINCIPLES)
