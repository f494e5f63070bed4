"""YAML 1.2 core-schema scalars: what a plain (unquoted) or tagged scalar's text means.

`iwp_cli.yamlreader` reads the events; this module says what each scalar is. So ``no`` and
``on`` stay text, ``0o17`` and ``0x1f`` are numbers, and an integer too long to print
(`MAX_INT_DIGITS`) raises `NumberTooLong` instead of costing quadratic time.
"""

from __future__ import annotations

import re
from typing import Any

from iwp_cli.limits import MAX_INT_DIGITS

STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
STR_TAG = "tag:yaml.org,2002:str"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_FLOAT_SPECIAL = {
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}  # fmt: skip
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~ntfNTF")


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under YAML 1.2's core schema."""
    if text and text[0] not in _MAYBE_NOT_TEXT:
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.match(text):
        return int(_short(text))
    if _INT_OCT.match(text):
        return int(_short(text)[2:], 8)
    if _INT_HEX.match(text):
        return int(_short(text)[2:], 16)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    return _FLOAT_SPECIAL.get(text, text)


class NumberTooLong(ValueError):
    """An integer with more digits than `MAX_INT_DIGITS`: Python could not even print it."""


def _short(text: str) -> str:
    if len(text) > MAX_INT_DIGITS + 2:  # room for a sign or a 0x
        raise NumberTooLong(text)
    return text


def key_value(text: str, plain: bool) -> Any:
    """The value of an anchored key where an alias uses it as a value: as the scalar would be
    read there (``&a 1: x`` then ``y: *a`` gives 1); a number too long is kept as text."""
    if not plain:
        return text
    try:
        return resolve_plain(text)
    except NumberTooLong:
        return text
