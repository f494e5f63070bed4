"""The description format, version 1, as pydantic models: the single source of truth.

The JSON Schema (`iwp schema`), the documentation of each key and the checks on a file's shape
all derive from these classes.
"""

from iwp_cli.model.description import (
    DEFAULT_FRAMEWORK,
    DEFAULT_PARTICIPANTS,
    FORMAT_VERSION,
    Description,
    Participant,
)
from iwp_cli.model.enums import Language, Status
from iwp_cli.model.parts import Effect, Feature, Item, Precondition, PrincipleEntry

__all__ = [
    "DEFAULT_FRAMEWORK",
    "DEFAULT_PARTICIPANTS",
    "FORMAT_VERSION",
    "Description",
    "Effect",
    "Feature",
    "Item",
    "Language",
    "Participant",
    "Precondition",
    "PrincipleEntry",
    "Status",
]
