"""The building blocks of a description: texts, items, effects, preconditions and features.

Every model forbids unknown keys except those starting with ``x-`` (free for local extensions,
ignored by iwp). Effects, preconditions and items may be written as plain text; a before-validator
turns the text into ``{text: ...}`` so that errors always point into one shape.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from iwp_cli.model.enums import (
    Aspect,
    DevelopmentKind,
    ProcessKind,
    ProductKind,
    Status,
    SustainabilityKind,
)

#: A short identifier used in links: letters, digits, ``-`` and ``_``.
SLUG_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
#: A participant code such as ``J``, ``S`` or ``OG``.
CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9]{0,9}$"

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Code = Annotated[str, Field(pattern=CODE_PATTERN)]
Text = Annotated[str, Field(min_length=1)]


class Part(BaseModel):
    """Base of every mapping in the format."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        # Leading and trailing white space has no meaning in a text (and the Markdown form
        # cannot hold it), so every form gives the same model.
        str_strip_whitespace=True,
        use_enum_values=False,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_extensions(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(
            isinstance(key, str) and key.startswith("x-") for key in data
        ):
            return {
                k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))
            }
        return data


def _text_shorthand(value: Any) -> Any:
    """Plain text (or a number) stands for ``{text: value}``."""
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"text": str(value)}
    return value


class Effect(Part):
    """Effect: what a feature brings about, and for whom."""

    text: Text = Field(description="Effect, as the participants experience it.")
    who: list[Code] | None = Field(
        default=None,
        description="Participant codes the effect applies to: [J], [S] or [J, S] in the handbook.",
    )
    status: Status | None = Field(default=None, description="An open point on this effect.")
    note: str | None = Field(default=None, description="Anything else.")


class Precondition(Part):
    """Randvoorwaarde: what the feature needs to work."""

    text: Text = Field(description="The precondition.")
    status: Status | None = Field(default=None, description="An open point on this precondition.")
    note: str | None = Field(default=None, description="Anything else.")


EffectEntry = Annotated[
    Effect, BeforeValidator(_text_shorthand, json_schema_input_type=str | Effect)
]
PreconditionEntry = Annotated[
    Precondition, BeforeValidator(_text_shorthand, json_schema_input_type=str | Precondition)
]


class Item(Part):
    """An outcome or a process: text, optionally a kind and an id for links."""

    text: Text = Field(description="What it is, in the description's language.")
    id: Slug | None = Field(default=None, description="Unique id in the file, for links.")


class ProductItem(Item):
    """(Kennis)product."""

    kind: ProductKind | None = None


class DevelopmentItem(Item):
    """Ontwikkeling."""

    kind: DevelopmentKind | None = None


class SustainabilityItem(Item):
    """Verduurzaming."""

    kind: SustainabilityKind | None = None


class ProcessItem(Item):
    """Proces van kennisproductie."""

    kind: ProcessKind | None = None
    yields: list[Slug] = Field(
        default_factory=list, description="Conjecture map: ids of the outcomes this process yields."
    )


def _entry(model: type[Item]) -> Any:
    return Annotated[model, BeforeValidator(_text_shorthand, json_schema_input_type=str | model)]


ProductEntry = _entry(ProductItem)
DevelopmentEntry = _entry(DevelopmentItem)
SustainabilityEntry = _entry(SustainabilityItem)
ProcessEntry = _entry(ProcessItem)


class Feature(Part):
    """Kenmerk: how a design principle takes shape in this IWP."""

    name: Text = Field(description="Kenmerk: the design feature.")
    effects: list[EffectEntry] = Field(default_factory=list, description="Effect(en).")
    preconditions: list[PreconditionEntry] | None = Field(
        default=None,
        description=(
            "Randvoorwaarde(n). Absent: not yet considered. []: considered, none needed "
            '(the handbook\'s "-").'
        ),
    )
    also: list[Slug] = Field(
        default_factory=list, description="Other principles (ids) this feature serves."
    )
    aspect: Aspect | None = Field(default=None, description="Where in the Vormgeving it lives.")
    supports: list[Slug] = Field(
        default_factory=list,
        description="Conjecture map: ids of the processes this feature is meant to bring about.",
    )
    status: Status | None = Field(default=None, description="An open point on the feature.")
    note: str | None = Field(default=None, description="Anything else.")


class PrincipleEntry(Part):
    """How one design principle is shaped: its features and notes."""

    features: list[Feature] = Field(default_factory=list, description="Kenmerken.")
    notes: str | None = Field(default=None, description="Notes on this principle.")
