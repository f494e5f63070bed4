"""Turn pydantic's validation errors into findings that point at the line and say what to do."""

from __future__ import annotations

import dataclasses
import enum
import types
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from iwp_cli.findings import Finding, Severity
from iwp_cli.i18n import message
from iwp_cli.model import Description
from iwp_cli.model.description import EMAIL_PATTERN
from iwp_cli.model.parts import CODE_PATTERN, SLUG_PATTERN
from iwp_cli.suggest import closest, closest_value
from iwp_cli.yamlreader import Document, Path

_WRONG_TYPE = {
    "string_type": "type-text",
    "int_type": "type-integer",
    "int_parsing": "type-integer",
    "float_type": "type-number",
    "bool_type": "type-boolean",
    "list_type": "type-list",
    "dict_type": "type-mapping",
    "model_type": "type-mapping",
    "model_attributes_type": "type-mapping",
    "date_type": "type-date",
}
_BAD_DATE = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}
_PATTERNS = {SLUG_PATTERN: "bad-slug", CODE_PATTERN: "bad-code", EMAIL_PATTERN: "bad-email"}


def yaml_path(path: Path) -> str:
    """``('principles', 'diversity', 'features', 2)`` as ``principles.diversity.features[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def findings_from_error(
    error: ValidationError,
    document: Document,
    *,
    file: str,
    lang: str,
    lines: Sequence[str] = (),
) -> list[Finding]:
    """One finding per pydantic error, placed on the most specific line known; with the file's
    ``lines``, a newcomer's mistake is explained with its corrected line (`yamlhelp`)."""
    found = []
    for details in error.errors(include_url=False):
        finding = _finding(details, document, file, lang)
        loc = tuple(details["loc"])
        text = _newcomer(finding, loc, details.get("input"), document, lines=lines, lang=lang)
        found.append(finding if text is None else dataclasses.replace(finding, message=text))
    return found


def _newcomer(
    finding: Finding, loc: Path, value: Any, document: Document, *, lines: Sequence[str], lang: str
) -> str | None:
    """The plain explanation of a list written as text, a comma in a ``{…}`` mapping or a key
    written as ``-name``; None for other findings."""
    from iwp_cli.yamlhelp import (
        comma_in_flow,
        dash_key,
        list_as_text,
        previous_key,
        strays,
        value_at,
    )

    if not loc or not isinstance(loc[-1], str):
        return None
    key = loc[-1]
    if finding.code == "IWP022" and isinstance(value, str) and _is_list(loc):
        fixed = list_as_text(key, ",".join([value, *strays(document, loc)]))
        return message("list-as-text", lang, key=key, fixed=fixed) if fixed else None
    if finding.code != "IWP020":
        return None
    if key.startswith("-"):
        fixed = dash_key(lines, finding.line)
        return message("dash-key", lang, key=key, fixed=fixed) if fixed else None
    parent = document.values.get(loc[:-1])
    previous = previous_key(document.data, loc)
    if value is None and previous and parent is not None and parent[0] == finding.line:
        before = (*loc[:-1], previous)
        if _is_list(before) and isinstance(value_at(document.data, before), str):  # who: J,S
            texts = [value_at(document.data, before), *strays(document, before)]
            fixed = list_as_text(previous, ",".join(texts))
            return message("list-as-text", lang, key=previous, fixed=fixed) if fixed else None
        fixed = comma_in_flow(lines, finding.line, previous, key)
        return message("comma-in-flow", lang, key=key, fixed=fixed) if fixed else None
    return None


def _is_list(path: Path) -> bool:
    return get_origin(annotation_at(path)) is list


def _finding(details: ErrorDetails, document: Document, file: str, lang: str) -> Finding:
    kind = details["type"]
    loc: Path = tuple(details["loc"])
    ctx = details.get("ctx") or {}
    value = details.get("input")
    if "index" in ctx:  # a model-level check that names the offending entry
        loc = (*loc, int(ctx["index"]), str(ctx["field"]))
    on_key = False
    if loc and loc[-1] == "[key]":
        loc, on_key = loc[:-1], True

    if kind == "extra_forbidden":
        code, text, on_key = "IWP020", _unknown_key(loc, lang), True
    elif kind == "missing":
        code, text = "IWP021", _missing_key(loc, lang)
        line, column = document.position(loc[:-1], prefer_key=True)
        return Finding(code, Severity.ERROR, file, line, column, text, yaml_path(loc))
    elif kind in ("enum", "literal_error"):
        code, text = "IWP023", _not_allowed(loc, value, lang)
    elif kind in _WRONG_TYPE:
        code = "IWP022"
        expected = _WRONG_TYPE[kind]
        if kind == "model_type" and isinstance(loc[-1], int):
            expected = "type-text-or-mapping"
        text = message(
            "wrong-type", lang, expected=message(expected, lang), found=_found(value, lang)
        )
    else:
        code, text = "IWP024", message("invalid", lang, reason=_reason(kind, ctx, value, lang))
    line, column = document.position(loc, prefer_key=on_key)
    return Finding(code, Severity.ERROR, file, line, column, text, yaml_path(loc))


def _reason(kind: str, ctx: dict[str, Any], value: Any, lang: str) -> str:
    if kind == "string_too_short":
        return message("empty-text", lang)
    if kind in _BAD_DATE:
        return message("bad-date", lang, value=value)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERNS:
        return message(_PATTERNS[ctx["pattern"]], lang, value=value)
    if kind == "duplicate_code":
        return message("duplicate-code", lang, code=ctx["code"])
    return str(ctx.get("error") or kind)


def _where(path: Path, lang: str) -> str:
    return message("in", lang, path=yaml_path(path)) if path else message("at-top", lang)


def _suggest(value: str, choices: list[str], lang: str) -> str:
    match = closest(value, choices)
    return message("did-you-mean", lang, match=match) if match else ""


def _unknown_key(loc: Path, lang: str) -> str:
    key = str(loc[-1])
    allowed = list(_keys_at(loc[:-1]))
    return message(
        "unknown-key",
        lang,
        key=key,
        where=_where(loc[:-1], lang),
        suggestion=_suggest(key, allowed, lang),
        allowed=", ".join(allowed),
    )


def _missing_key(loc: Path, lang: str) -> str:
    model = annotation_at(loc[:-1])
    meaning = ""
    if isinstance(model, type) and issubclass(model, BaseModel):
        meaning = model.model_fields[str(loc[-1])].description or ""
    return message("missing-key", lang, key=loc[-1], where=_where(loc[:-1], lang), meaning=meaning)


def _not_allowed(loc: Path, value: Any, lang: str) -> str:
    target = annotation_at(loc)
    allowed: list[str] = []
    suggestion = ""
    if isinstance(target, type) and issubclass(target, enum.Enum):
        allowed = [str(member.value) for member in target]
        match = closest_value(str(value), target.__name__, allowed)
        suggestion = message("did-you-mean", lang, match=match) if match else ""
    elif get_origin(target) is not None:
        allowed = [str(arg) for arg in get_args(target)]
        suggestion = _suggest(str(value), allowed, lang)
    return message(
        "not-allowed",
        lang,
        value=value if isinstance(value, str) else _found(value, lang),
        suggestion=suggestion,
        allowed=", ".join(allowed),
    )


def _found(value: Any, lang: str) -> str:
    if value is None:
        return message("type-nothing", lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"{message('type-text', lang)} {short!r}"
    if isinstance(value, list):
        return message("type-list", lang)
    if isinstance(value, dict):
        return message("type-mapping", lang)
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin is Union or origin is types.UnionType:
            rest = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def annotation_at(path: Path) -> Any:
    """The type the format expects at ``path`` (None when the path leaves the format)."""
    current: Any = Description
    for part in path:
        current = _unwrap(current)
        origin = get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is list:
            current = get_args(current)[0]
        elif origin is dict:
            current = get_args(current)[1]
        else:
            return None
    return _unwrap(current)


def _keys_at(path: Path) -> Iterator[str]:
    model = annotation_at(path)
    if isinstance(model, type) and issubclass(model, BaseModel):
        yield from model.model_fields
