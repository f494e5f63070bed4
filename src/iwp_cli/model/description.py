"""A whole description (format version 1): the appendix form of the handbook as one model."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator
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


#: A calendar date written YYYY-MM-DD, as a pattern: the right number of days in every month,
#: 29 February in leap years only, no year 0000. Editors that check ``format: date`` by its
#: shape alone (yaml-language-server) catch 2026-02-30 through it.
DATE_PATTERN = (
    r"^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    r"|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
)
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date_only(value: Any) -> Any:
    """Accept a date or its text YYYY-MM-DD; refuse numbers, which pydantic would read as
    timestamps, and text with a time, which it would accept at midnight."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        if _DATE_SHAPE.fullmatch(value) is None:
            raise PydanticCustomError("date_parsing", "Input should be a date, YYYY-MM-DD")
        return value
    raise PydanticCustomError("date_type", "Input should be a valid date")


IsoDate = Annotated[
    datetime.date,
    BeforeValidator(_date_only, json_schema_input_type=datetime.date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            # yaml-language-server shows this instead of the pattern; other validators ignore it.
            "patternErrorMessage": "geen bestaande datum; schrijf JJJJ-MM-DD "
            "(not a calendar date; write YYYY-MM-DD)",
        }
    ),
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
