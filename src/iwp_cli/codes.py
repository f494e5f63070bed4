"""Every public code iwp reports: reading and shape (IWP0xx), the lint rules, and suppressions."""

from __future__ import annotations

from functools import cache

#: Codes of problems met while reading a file, by kind of problem.
READ_CODES = {
    "syntax": "IWP001",
    "complex-key": "IWP001",
    "unknown-alias": "IWP001",
    "empty": "IWP002",
    "not-a-mapping": "IWP002",
    "duplicate-key": "IWP003",
    "not-a-description": "IWP004",
    "unknown-version": "IWP005",
    "not-utf8": "IWP006",
    "utf16": "IWP006",
    "binary": "IWP006",
    "office": "IWP006",
    "tag": "IWP007",
    "too-deep": "IWP008",
    "alias-budget": "IWP008",
    "too-large": "IWP008",
    "number-too-long": "IWP008",
    "multi-document": "IWP009",
    # The Markdown form (docs/format.md, §7).
    "md-front-matter-unclosed": "IWP001",
    "md-front-matter-not-mapping": "IWP002",
    "md-not-a-description": "IWP004",
    "md-extra-cells": "IWP030",
    "md-code-span-pipe": "IWP030",
    "md-table-columns": "IWP031",
    "md-table-broken": "IWP031",
    "md-unknown-principle": "IWP032",
    "md-section-missing": "IWP033",
    "md-section-repeated": "IWP033",
    "md-section-unknown": "IWP033",
    "md-subsection-missing": "IWP033",
    "md-subsection-repeated": "IWP033",
    "md-subsection-unknown": "IWP033",
    "md-subsection-in-c": "IWP033",
    "md-second-name": "IWP033",
    "md-both": "IWP034",
    "md-outside": "IWP035",
    "md-not-a-bullet": "IWP035",
    "unreadable": "IWP010",
}
#: Codes of the shape checks (pydantic validation).
SHAPE_CODES = ("IWP020", "IWP021", "IWP022", "IWP023", "IWP024")
#: Codes of the Markdown form's structure.
MARKDOWN_CODES = ("IWP030", "IWP031", "IWP032", "IWP033", "IWP034", "IWP035")
#: A suppression comment that matched no finding.
UNUSED_SUPPRESSION = "IWP090"


@cache
def all_codes() -> tuple[str, ...]:
    """Every code, sorted."""
    from iwp_cli.rules import RULES

    codes = {*READ_CODES.values(), *SHAPE_CODES, UNUSED_SUPPRESSION, *RULES}
    return tuple(sorted(codes))


def is_code_prefix(prefix: str) -> bool:
    """Whether ``prefix`` is a code or the start of one (``IWP``, ``IWP2``, ``IWP201``)."""
    return bool(prefix) and any(code.startswith(prefix) for code in all_codes())
