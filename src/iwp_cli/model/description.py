"""A whole description (format version 1): the appendix form of the handbook as one model."""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from iwp_cli.model.enums import Language, Level, PartnerType
from iwp_cli.model.parts import (
    Code,
    DevelopmentEntry,
    Part,
    PrincipleEntry,
    ProcessEntry,
    ProductEntry,
    Slug,
    SustainabilityEntry,
    Text,
)

FORMAT_VERSION = 1
DEFAULT_FRAMEWORK = "cremers-2016"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def _date_only(value: Any) -> Any:
    """Accept a date or its ISO text; refuse numbers, which pydantic would read as timestamps."""
    if isinstance(value, (str, datetime.date)):
        return value
    raise PydanticCustomError("date_type", "Input should be a valid date")


IsoDate = Annotated[
    datetime.date, BeforeValidator(_date_only, json_schema_input_type=datetime.date)
]


class Partner(Part):
    """A participating organisation."""

    name: Text = Field(description="Name of the organisation.")
    type: PartnerType | None = Field(default=None, description="Kind of organisation.")
    role: str | None = Field(default=None, description="Its role in the IWP.")


class Contact(Part):
    """Someone who maintains this description."""

    name: Text = Field(description="Name.")
    email: str | None = Field(default=None, pattern=EMAIL_PATTERN, description="E-mail address.")
    role: str | None = Field(default=None, description="Role.")


class Participant(Part):
    """A group of participants (kenmerken deelnemers); its code is used in an effect's `who`."""

    code: Code = Field(description="Short unique code, such as J, S or OG.")
    name: Text = Field(description="Who they are.")
    level: Level | None = Field(default=None, description="junior or senior.")
    roles: list[str] = Field(default_factory=list, description="Their roles in the IWP.")
    characteristics: str | None = Field(
        default=None, description="Motivatie, kennis, ervaring, persoonskenmerken."
    )


#: The groups that exist when a description has no `participants`, as in the handbook.
DEFAULT_PARTICIPANTS = (
    Participant(code="J", name="Junior: students", level=Level.JUNIOR),
    Participant(
        code="S",
        name="Senior: teachers, educational advisers and people from the professional field",
        level=Level.SENIOR,
    ),
)


class StartingPoints(Part):
    """A. Uitgangspunten."""

    occasion: str = Field(
        description="Aanleiding & maatschappelijke urgentie, doelen & ambitie "
        "(occasion and urgency, goals and ambition)."
    )
    context: str = Field(
        description="Context, randvoorwaarden, mensen en middelen "
        "(context, conditions, people and means)."
    )


class Outcomes(Part):
    """B. Opbrengsten."""

    products: list[ProductEntry] = Field(description="(Kennis)producten.")
    development: list[DevelopmentEntry] = Field(
        description="Ontwikkeling (individu, team, organisatie, netwerk)."
    )
    sustainability: list[SustainabilityEntry] = Field(
        description="Verduurzaming (innovatie, transitie, duurzaam leren)."
    )


class Description(Part):
    """An innovatiewerkplaats described with the handbook's appendix form."""

    iwp: Literal[1] = Field(description="Format version: 1.")
    name: Text = Field(description="NAAM IWP: the workplace's name.")
    date: IsoDate = Field(
        description="DATUM: the date of this description (a new cycle, a new date)."
    )
    language: Language = Field(default=Language.NL, description="Language of the text.")
    framework: Text = Field(
        default=DEFAULT_FRAMEWORK, description="The set of design principles that applies."
    )
    tags: list[str] = Field(default_factory=list, description="Free labels for catalogues.")
    partners: list[Partner] = Field(
        default_factory=list, description="Participating organisations."
    )
    contacts: list[Contact] = Field(
        default_factory=list, description="Who maintains this description."
    )
    participants: list[Participant] | None = Field(
        default=None,
        description="Who takes part; defines the codes used in `who`. Absent: J and S.",
    )
    starting_points: StartingPoints = Field(description="A. Uitgangspunten.")
    outcomes: Outcomes = Field(description="B. Opbrengsten.")
    processes: list[ProcessEntry] = Field(description="C. Processen (kennisproductie).")
    principles: dict[Slug, PrincipleEntry] = Field(
        description="D. Ontwerpprincipes en vormgeving: one entry per design principle id."
    )

    @field_validator("participants")
    @classmethod
    def _codes_unique(cls, value: list[Participant] | None) -> list[Participant] | None:
        seen: set[str] = set()
        for index, group in enumerate(value or ()):
            if group.code in seen:
                raise PydanticCustomError(
                    "duplicate_code",
                    "participant code {code} is defined twice",
                    {"code": group.code, "index": index, "field": "code"},
                )
            seen.add(group.code)
        return value

    @property
    def groups(self) -> tuple[Participant, ...]:
        """The participant groups, J and S when the description names none."""
        if self.participants is None:
            return DEFAULT_PARTICIPANTS
        return tuple(self.participants)


__all__ = [
    "DEFAULT_FRAMEWORK",
    "DEFAULT_PARTICIPANTS",
    "FORMAT_VERSION",
    "Code",
    "Contact",
    "Description",
    "Outcomes",
    "Participant",
    "Partner",
    "StartingPoints",
]
