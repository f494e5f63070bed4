"""The JSON Schema of format version 1, generated from the models.

Editors with yaml-language-server use it (``# yaml-language-server: $schema=...``) to complete and
validate descriptions; the project keeps a copy in ``schemas/iwp-1.schema.json`` that a test keeps
in step with the models, and `iwp init` puts one in a team's repository.

Where JSON Schema can say what `iwp check` accepts, the schema says the same:

- text may be written as a number (``name: 007``): iwp reads it as text, so text values accept
  numbers, and ids (``[A-Za-z0-9][A-Za-z0-9_-]*``) whole numbers from 0;
- a date is a calendar date: ``format: date`` for validators that check formats, and a pattern
  that knows the days of each month and leap years for editors that check only the shape;
- under the built-in framework (no ``framework``, or ``framework: cremers-2016``) the keys under
  ``principles`` and the ids in ``also`` are the seven principle ids. A description that names
  another framework may use any id: the schema cannot read the framework file that iwp.toml
  names, so such descriptions name their framework (``framework: ours``) and `iwp check`
  (IWP102, IWP103) checks their ids.

What it cannot say (a participant code defined twice, links between ids, the lint rules) stays
with `iwp check`. Titles are left out but for the principles (pydantic's would be the names of
Python classes and fields, which editors then show as headings), and descriptions are one line
each, as editors show them.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from iwp_cli.framework import BUILTIN, builtin_framework
from iwp_cli.model import Description
from iwp_cli.model.parts import SLUG_PATTERN

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with text that may also be written as a number, as iwp reads it."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        text = super().str_schema(schema)
        pattern = text.get("pattern")
        if pattern is None:
            return {**text, "type": ["string", "number"]}
        if pattern == SLUG_PATTERN:  # an id: 2026 reads as the id "2026"
            return {"anyOf": [text, {"type": "integer", "minimum": 0}]}
        return text  # participant codes and e-mail addresses start with a letter


def build_schema() -> dict[str, Any]:
    """The schema as a dict; the built-in principle ids are listed for completion in editors."""
    schema = Description.model_json_schema(mode="validation", schema_generator=_Generator)
    schema = _tidy(schema)
    schema = {"$schema": SCHEMA_DIALECT, **schema}
    schema["title"] = "IWP description, format version 1"
    principles = schema["properties"]["principles"]
    entry = {"$ref": "#/$defs/PrincipleEntry"}
    principles.pop("propertyNames", None)
    principles["patternProperties"] = {SLUG_PATTERN: entry}
    principles["additionalProperties"] = False  # keys must match the id pattern, as in the model
    framework = builtin_framework()
    principles["properties"] = {
        info.id: {
            **entry,
            "title": f"{info.number}. {info.title['nl']} ({info.title['en']})",
            "description": f"{info.definition['nl']} ({info.definition['en']})",
        }
        for info in framework.principles
    }
    ids = [info.id for info in framework.principles]
    schema["if"] = {"properties": {"framework": {"const": BUILTIN}}}
    schema["then"] = {"properties": {"principles": _only_principles(ids)}}
    return schema


def _only_principles(ids: list[str]) -> dict[str, Any]:
    """``principles`` whose keys, and the ``also`` of whose features, are among ``ids``."""
    known = {"enum": ids}
    feature = {"properties": {"also": {"items": known}}}
    return {
        "propertyNames": known,
        "additionalProperties": {"properties": {"features": {"items": feature}}},
    }


def _tidy(value: Any) -> Any:
    """``value`` without pydantic's titles, and with every description on one line."""
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if not isinstance(value, dict):
        return value
    tidy = {}
    for key, item in value.items():
        if key == "title" and isinstance(item, str):
            continue
        if key == "description" and isinstance(item, str):
            tidy[key] = " ".join(item.split())
        else:
            tidy[key] = _tidy(item)
    return tidy


def schema_text() -> str:
    """The schema as the bytes of ``schemas/iwp-1.schema.json``."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
