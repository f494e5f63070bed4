"""The JSON Schema of format version 1, generated from the models.

Editors with yaml-language-server use it (``# yaml-language-server: $schema=...``) to complete and
validate descriptions; the project keeps a copy in ``schemas/iwp-1.schema.json`` that a test keeps
in step with the models.
"""

from __future__ import annotations

import json
from typing import Any

from iwp_cli.framework import builtin_framework
from iwp_cli.model import Description

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def build_schema() -> dict[str, Any]:
    """The schema as a dict; the built-in principle ids are listed for completion in editors."""
    schema = Description.model_json_schema(mode="validation")
    schema = {"$schema": SCHEMA_DIALECT, **schema}
    schema["title"] = "IWP description, format version 1"
    principles = schema["properties"]["principles"]
    (entry,) = principles["patternProperties"].values()
    principles["additionalProperties"] = False  # keys must match the id pattern, as in the model
    principles["properties"] = {
        info.id: {
            **entry,
            "description": f"{info.number}. {info.title['nl']} ({info.title['en']}). "
            f"{info.definition['nl']}",
        }
        for info in builtin_framework().principles
    }
    return schema


def schema_text() -> str:
    """The schema as the bytes of ``schemas/iwp-1.schema.json``."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
