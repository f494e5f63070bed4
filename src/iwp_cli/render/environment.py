"""The Jinja environments of the reports: shipped templates, a user's overrides, and the sandbox.

Templates are looked up first in the user's ``--template-dir`` (if any), then in the shipped
``templates/report/`` folder; ``iwp/NAME`` always names the shipped template, so an override can
include or extend the original. With a ``--template-dir``, every template runs in Jinja's
immutable sandbox: a template from a shared repository can lay out the report but cannot reach
unsafe attributes, change values or run code in CI. A user's template folder may not reach
outside itself through symbolic links either. The shipped templates alone are iwp's own code
and run without the sandbox, which saves a third of the rendering time. Both use
``StrictUndefined``: a misspelt variable is an error rather than an empty string.

HTML is auto-escaped. Markdown is escaped by ``finalize``: everything a template prints is
escaped Markdown text unless a filter marked it as Markdown already (`MdSafe`). In both, ``md``
and ``mdi`` pass the authors' Markdown of a text through, as blocks or on one line (``mdi(cell=
true)`` in a table cell); raw HTML in it stays text.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from iwp_cli.i18n import Said
from iwp_cli.render.bounds import Exhausted, bounded, checked_binop, reason
from iwp_cli.render.markdown import MdSafe, html_block, html_inline, md_block, md_finalize
from iwp_cli.render.md_passthrough import md_pass_block, md_pass_inline
from iwp_cli.templating import templates_dir

FORMATS = ("html", "md")


class RenderError(Exception):
    """A report cannot be written: a template error, an unsafe output path, an I/O problem."""


class ConfinedLoader(jinja2.FileSystemLoader):
    """A file-system loader that refuses templates whose real path lies outside its folder."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(p).resolve()) for p in self.searchpath):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, remembering its verdict on each attribute.

    Whether the sandbox allows ``obj.attr`` depends only on the type of ``obj`` and the name
    (a leading underscore, the internals of functions, frames and types, the methods that change
    lists, sets and dicts), so the verdict is kept per ``(type, name)``: the same decisions,
    without recomputing them for every value a report prints.
    """

    #: Checked before they run, so that no template makes a value too large (`bounds`).
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


def csp_hash(text: Any) -> Markup:
    """The Content-Security-Policy source that allows exactly this inline script or style."""
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return Markup(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")


def _md_safe(value: Any) -> MdSafe:
    """Print a label or other trusted text as Markdown, unescaped."""
    return MdSafe("" if value is None else str(value))


def shipped_dir() -> Path:
    """The shipped report templates."""
    return templates_dir() / "report"


@cache
def environment(fmt: str, template_dir: Path | None = None) -> jinja2.Environment:
    """The environment for ``fmt`` (``html`` or ``md``), with ``template_dir`` first."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    shipped = jinja2.FileSystemLoader(shipped_dir())
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise RenderError(Said("templates-not-folder", path=template_dir))
        loaders.append(ConfinedLoader(template_dir))
    loaders += [shipped, jinja2.PrefixLoader({"iwp": shipped})]
    html = fmt == "html"
    kind = jinja2.Environment if template_dir is None else Sandbox
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        finalize=None if html else md_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates do not change during a run: no stat() per include
    )
    if html:
        env.filters.update(md=html_block, mdi=html_inline, csp_hash=csp_hash)
    else:
        env.filters.update(block=md_block, safe=_md_safe, md=md_pass_block, mdi=md_pass_inline)
    return env


def render_template(env: jinja2.Environment, name: str, **values: Any) -> str:
    """Render template ``name``; template problems become a RenderError saying where. In the
    sandbox, within the bounds of `iwp_cli.render.bounds`."""
    guard = bounded() if isinstance(env, Sandbox) else contextlib.nullcontext()
    try:
        with guard:
            return env.get_template(name).render(**values)
    except (Exhausted, RecursionError, MemoryError) as error:
        where = _template_frame(error.__traceback__) or name
        raise RenderError(f"template error in {where}: {reason(error)}") from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise RenderError(f"template error in {where}: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise RenderError(Said("template-not-found", name=error.name)) from None
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError) as error:
        where = _template_frame(error.__traceback__) or name
        raise RenderError(f"template error in {where}: {error}") from None


def _template_frame(tb: TracebackType | None) -> str | None:
    """``file:line`` of the innermost template frame of a traceback."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found
