"""The closest of a set of allowed values, for "did you mean" in messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice equal to ``value`` but for case, else the most similar one, else None."""
    lowered = {choice.lower(): choice for choice in choices}
    match = lowered.get(value.lower())
    if match is None:
        close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
        match = lowered[close[0]] if close else None
    return match
