"""Convert a description between its two forms, YAML and Markdown, losing nothing.

To Markdown: `iwp_cli.mdform.writer`. To YAML: the values the model holds, with the handbook's
marks written out as keys (``who``, ``status``, ``note``), and the extension keys as read.
"""

from __future__ import annotations

from typing import Any

from iwp_cli.framework import Framework, framework_named
from iwp_cli.loader import MARKDOWN, YAML, Loaded
from iwp_cli.mdform.writer import BODY_KEYS, has_extensions, to_markdown
from iwp_cli.notation import Context, codes_of, shorthand
from iwp_cli.shorthand import plain_entries
from iwp_cli.yamlwriter import dump_yaml


class ConvertError(Exception):
    """The file cannot be converted: it is not a valid description (see its findings)."""


def convert(loaded: Loaded, to: str, custom: Framework | None = None) -> str:
    """The text of ``loaded`` in the form ``to`` (``md`` or ``yaml``)."""
    description, document = loaded.description, loaded.document
    if description is None or document is None:
        raise ConvertError(loaded.file)
    raw: dict[str, Any] = document.data
    if to == MARKDOWN:
        named = description.framework if "framework" in description.model_fields_set else None
        return to_markdown(description, raw, framework_named(named, custom))
    assert to == YAML
    dumped = description.model_dump(mode="json", exclude_unset=True)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        keep_raw = key not in BODY_KEYS or has_extensions(value)
        out[key] = value if keep_raw else dumped.get(key, value)
    _explicit(out, codes_of(raw.get("participants")))
    return dump_yaml(out)


def _explicit(data: dict[str, Any], codes: frozenset[str]) -> None:
    """Write a plain-text effect or precondition as ``{text: …}`` when its text would read as
    marks in the YAML form (an escaped "(J)" of the Markdown form, say)."""
    context = Context(codes)
    for path, values, value, kind in list(plain_entries(data)):
        if shorthand(value, kind, context) is not None:
            values[int(path[-1])] = {"text": value}
