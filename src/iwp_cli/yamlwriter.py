"""Write plain values as YAML that iwp's reader reads back to the same values.

Used for the YAML form that `iwp convert` writes and for the Markdown form's front matter: block
style, lists of short words in flow style (``who: [J, S]``), texts of several lines as literal
blocks, dates unquoted, and no line folding.
"""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
#: Keys whose lists read best on one line.
FLOW_KEYS = frozenset(("who", "also", "supports", "yields", "tags", "roles"))


def dump_yaml(data: Any) -> str:
    """``data`` as YAML text (a mapping at the top)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(_styled(data, ""), out)
    return out.getvalue()


def _styled(value: Any, key: str) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        styled = CommentedMap()
        for name, item in value.items():
            styled[name] = _styled(item, str(name))
        return styled
    if isinstance(value, list):
        seq = CommentedSeq(_styled(item, "") for item in value)
        if key in FLOW_KEYS and all(isinstance(item, str) and "\n" not in item for item in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        if key == "date" and _DATE.match(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                return value
        if "\n" in value and not _awkward(value):
            return LiteralScalarString(value)
    return value


def _awkward(text: str) -> bool:
    """Texts a literal block cannot hold exactly: trailing spaces on a line, leading blank
    lines, tabs or carriage returns, or leading spaces on the first line."""
    return (
        any(line != line.rstrip(" ") for line in text.split("\n"))
        or text.startswith((" ", "\n"))
        or "\t" in text
        or "\r" in text
    )
