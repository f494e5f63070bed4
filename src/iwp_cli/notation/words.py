"""The words of the handbook's notation (``data/notation.yaml``) and the patterns made of them."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from iwp_cli.data_files import load_data


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``text`` in lower case without accents and with single spaces, for matching words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.split())


@cache
def vocabulary() -> dict[str, Any]:
    """The notation's words (``data/notation.yaml``)."""
    data: dict[str, Any] = load_data("notation.yaml")
    return data


@cache
def status_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    words = vocabulary()
    status_of = {fold(w): status for status, spec in words["status"].items() for w in spec["read"]}
    alternatives = "|".join(re.escape(w) for w in sorted(status_of, key=len, reverse=True))
    unclear = "|".join(re.escape(fold(w)) for w in words["unclear"]["read"])
    paren = re.compile(rf"\(\s*({alternatives})\s*\)", re.IGNORECASE)
    dash = re.compile(rf"(?:(?<=\s)|\A)[-–—]\s*({alternatives})(?![\w-])", re.IGNORECASE)
    unclear_re = re.compile(rf"\(\s*(?:([^()]*?)\s+)?({unclear})\s*\)", re.IGNORECASE)
    return paren, dash, unclear_re, status_of


@cache
def keyword_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    key_of = {fold(w): key for key, spec in vocabulary()["keywords"].items() for w in spec["read"]}
    alternatives = "|".join(re.escape(w) for w in sorted(key_of, key=len, reverse=True))
    return re.compile(rf"({alternatives})\s*:\s*(.*)\Z", re.IGNORECASE | re.DOTALL), key_of


@cache
def also_pattern() -> re.Pattern[str]:
    words = vocabulary()
    also = "|".join(re.escape(w) for w in vocabulary()["keywords"]["also"]["read"])
    principle = "|".join(re.escape(w) for w in words["principle_words"])
    return re.compile(rf"(?:{also})\s+(?:{principle})\s+(.*)\Z", re.IGNORECASE | re.DOTALL)


@cache
def value_words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, table in vocabulary()["values"].items():
        out[key] = {fold(w): value for value, spec in table.items() for w in spec["read"]}
        out[key].update({value: value for value in table})
    return out
