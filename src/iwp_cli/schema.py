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
with `iwp check`. For editors' hovers: every key has one schema (no ``anyOf`` for values that may
be null or a number), models have no titles (they would be the names of Python classes), the
principles have their handbook titles, and descriptions are one line each.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from iwp_cli.framework import BUILTIN, builtin_framework
from iwp_cli.model import Description
from iwp_cli.model.parts import SLUG_PATTERN

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where a repository keeps the schema, from its root (`iwp init` writes it there).
SCHEMA_FILE = "schemas/iwp-1.schema.json"


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with text that may also be written as a number, as iwp reads it.

    One schema with a list of types rather than ``anyOf``: yaml-language-server shows the title
    of every alternative that matches, so ``anyOf`` made hovers read ``Who || Who``.
    """

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        text = super().str_schema(schema)
        pattern = text.get("pattern")
        if pattern is None:
            return {**text, "type": ["string", "number"]}
        if pattern == SLUG_PATTERN:  # an id: 2026 reads as the id "2026"; the pattern is for text
            return {**text, "type": ["string", "integer"], "minimum": 0}
        return text  # participant codes and e-mail addresses start with a letter

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        inner = self.generate_inner(schema["schema"])
        if "$ref" in inner:
            target = self.definitions.get(inner["$ref"].split("/")[-1], {})
            if "enum" in target:  # an enumeration: its values, or null
                return {"enum": [*target["enum"], None]}
        if isinstance(inner.get("type"), (str, list)) and "anyOf" not in inner:
            types = inner["type"] if isinstance(inner["type"], list) else [inner["type"]]
            return {**inner, "type": [*types, "null"]}
        return super().nullable_schema(schema)


def build_schema() -> dict[str, Any]:
    """The schema as a dict; the built-in principle ids are listed for completion in editors."""
    schema = Description.model_json_schema(mode="validation", schema_generator=_Generator)
    schema = _tidy(schema)
    for definition in schema["$defs"].values():
        definition.pop("title", None)  # the names of Python classes
    schema = {"$schema": SCHEMA_DIALECT, **schema}
    schema["title"] = "IWP description, format version 1"
    principles = schema["properties"]["principles"]
    entry = {"$ref": "#/$defs/PrincipleEntry"}
    principles.pop("propertyNames", None)
    framework = builtin_framework()
    ids = [info.id for info in framework.principles]
    # Other ids (of another framework): the seven match only `properties`, since a key that
    # matched both would show its hover twice.
    others = f"^(?!(?:{'|'.join(ids)})$){SLUG_PATTERN[1:]}"
    principles["patternProperties"] = {others: entry}
    principles["additionalProperties"] = False  # keys must match the id pattern, as in the model
    principles["properties"] = {
        info.id: {
            **entry,
            "title": f"{info.number}. {info.title['nl']} ({info.title['en']})",
            "description": f"{info.definition['nl']} ({info.definition['en']})",
        }
        for info in framework.principles
    }
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
    """``value`` with every description on one line, a title for every property (pydantic gives
    none to a property whose value is a reference, such as ``status``), and no ``default: null``
    (absent is absent; yaml-language-server then completes nothing in the mapping)."""
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if not isinstance(value, dict):
        return value
    tidy: dict[str, Any] = {}
    for key, item in value.items():
        if key == "default" and item is None:
            continue
        if key == "description" and isinstance(item, str):
            tidy[key] = " ".join(item.split())
        elif key == "properties" and isinstance(item, dict):
            tidy[key] = {
                name: {"title": name.replace("_", " ").title(), **_tidy(prop)}
                for name, prop in item.items()
            }
        else:
            tidy[key] = _tidy(item)
    return tidy


def schema_text() -> str:
    """The schema as the bytes of ``schemas/iwp-1.schema.json``."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_reference(folder: Path) -> str | None:
    """The path from ``folder`` to the repository's schema, for a modeline such as
    ``# yaml-language-server: $schema=../schemas/iwp-1.schema.json``: `SCHEMA_FILE` in
    ``folder`` or a folder above it, up to the root of its git repository. None without one."""
    here = folder.absolute()
    for parent in (here, *here.parents):
        candidate = parent / SCHEMA_FILE
        if candidate.is_file():
            return Path(os.path.relpath(candidate, here)).as_posix()
        if (parent / ".git").exists():
            return None
    return None
