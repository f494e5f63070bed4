"""Comments in a Markdown description: guidance that `iwp new` writes and the reader leaves out.

In the body a comment is an HTML comment block (``<!--`` … ``-->``), in the front matter YAML
``#`` lines above a key. Neither is part of the description.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from iwp_cli.yamlwriter import dump_yaml


def front_matter(front: dict[str, Any], comments: Mapping[str, str]) -> list[str]:
    """The front matter's YAML lines, each key with its comment above it."""
    if not any(key in comments for key in front):
        return [dump_yaml(front).rstrip("\n")]
    lines: list[str] = []
    for key, value in front.items():
        lines += [f"# {line}".rstrip() for line in wrapped(comments.get(key))]
        lines.append(dump_yaml({key: value}).rstrip("\n"))
    return lines


def html_comment(text: str | None) -> list[str]:
    """``text`` as an HTML comment block and a blank line; nothing for no text."""
    return ["<!--", *wrapped(text.replace("-->", "-- >")), "-->", ""] if text else []


def wrapped(text: str | None) -> list[str]:
    """``text`` in lines of at most 96 characters, a blank line between its paragraphs."""
    lines: list[str] = []
    for paragraph in (text or "").split("\n\n"):
        words = textwrap.wrap(paragraph, 96, break_long_words=False, break_on_hyphens=False)
        lines += ([""] if lines else []) + words
    return lines
