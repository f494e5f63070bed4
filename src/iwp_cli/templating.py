"""Where the project's templates are, and the Jinja environment for the files iwp writes.

Templates live in the top-level ``templates/`` folder of the project; the wheel ships them as
``iwp_cli/templates``. An editable install finds them in the source tree.
"""

from __future__ import annotations

import json
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The folder of the shipped templates."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("iwp's templates folder is missing; reinstall iwp")


def yaml_scalar(value: Any) -> str:
    """``value`` as a YAML 1.2 double-quoted scalar (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)


def yaml_comment(text: str, indent: int = 0, width: int = 96) -> str:
    """``text`` as ``#`` comment lines, wrapped, at ``indent`` spaces."""
    prefix = " " * indent + "# "
    lines = textwrap.wrap(" ".join(text.split()), width=width - len(prefix), break_on_hyphens=False)
    return "\n".join(prefix + line for line in lines)


@cache
def file_environment() -> jinja2.Environment:
    """The environment for files iwp writes itself (YAML, TOML): no HTML escaping, strict."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["y"] = yaml_scalar
    environment.filters["comment"] = yaml_comment
    return environment
