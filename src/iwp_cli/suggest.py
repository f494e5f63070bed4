"""The closest of a set of allowed values, for "did you mean" in messages."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice equal to ``value`` but for case, else the most similar one, else None."""
    lowered = {choice.lower(): choice for choice in choices}
    match = lowered.get(value.lower())
    if match is None:
        close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
        match = lowered[close[0]] if close else None
    return match


def closest_value(value: str, enumeration: str, choices: Iterable[str]) -> str | None:
    """The value of ``enumeration`` (a class name of `iwp_cli.model.enums`) that ``value`` means,
    knowing the Dutch and English words for it (`data/words.yaml`), else the closest choice."""
    from iwp_cli.data_files import load_data

    allowed = list(choices)
    words: dict[str, list[str]] = load_data("words.yaml").get(enumeration, {})
    said = _plain(value)
    by_word = {_plain(word): choice for choice, listed in words.items() for word in listed}
    by_word.update({_plain(choice): choice for choice in allowed})
    if said in by_word and by_word[said] in allowed:
        return by_word[said]
    close = difflib.get_close_matches(said, list(by_word), n=1, cutoff=0.75)
    if close and by_word[close[0]] in allowed:
        return by_word[close[0]]
    return closest(value, allowed)


def _plain(text: str) -> str:
    """``text`` in lower case, without accents, brackets, and with one space for ``-``/``_``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in "()[]\"'":
        letters = letters.replace(mark, "")
    return " ".join(letters.replace("-", " ").replace("_", " ").split())
