"""Messages in Dutch and English.

The catalogue is a data file (`data/messages.yaml`), read once on first use. The language is
chosen by the caller: ``--lang``, else the configuration, else the locale (`detect_language`),
else English.
"""

from __future__ import annotations

import os
from typing import Any

from iwp_cli.data_files import load_data

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "en"


def catalogue() -> dict[str, dict[str, str]]:
    """Every message id with its Dutch and English template."""
    data: dict[str, dict[str, str]] = load_data("messages.yaml")
    return data


def rule_catalogue() -> dict[str, dict[str, Any]]:
    """Every rule code with its title and message template, per language."""
    data: dict[str, dict[str, Any]] = load_data("rules.yaml")
    return data


def rule_text(code: str, part: str, lang: str, /, **args: Any) -> str:
    """The ``title`` or ``message`` of rule ``code`` in ``lang``, filled in with ``args``."""
    template: str = rule_catalogue()[code][part][lang]
    return template.format(**args)


def message(key: str, lang: str, /, **args: Any) -> str:
    """The message ``key`` in ``lang``, filled in with ``args``."""
    return catalogue()[key][lang].format(**args)


def detect_language(environ: dict[str, str] | None = None) -> str:
    """The language the locale asks for: Dutch for ``nl_*`` locales, else English."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


class Said(str):
    """A message that can be said again in another language: a ``str`` holding the English text,
    which also keeps its key and values. Core code raises errors with one (``str(error)`` stays
    English); the command layer shows it in the run's language with `localized`."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Said:
        said = super().__new__(cls, _fill(key, DEFAULT_LANGUAGE, values))
        said.key, said.values = key, values
        return said

    def said(self, lang: str) -> str:
        """The message in ``lang``."""
        return _fill(self.key, lang, self.values)


def _fill(key: str, lang: str, values: dict[str, Any]) -> str:
    shown = {
        k: v.said(lang) if isinstance(v, (Said, Reason, Joined)) else v for k, v in values.items()
    }
    return message(key, lang, **shown)


class Joined(str):
    """`Said` messages joined by ``; ``, as one value of another `Said`."""

    parts: tuple[Said, ...]

    def __new__(cls, parts: list[Said]) -> Joined:
        joined = super().__new__(cls, "; ".join(parts))
        joined.parts = tuple(parts)
        return joined

    def said(self, lang: str) -> str:
        """The parts in ``lang``."""
        return "; ".join(part.said(lang) for part in self.parts)


_TYPES = {
    "string_type": "type-text",
    "int_type": "type-integer",
    "int_parsing": "type-integer",
    "int_from_float": "type-integer",
    "float_type": "type-number",
    "float_parsing": "type-number",
    "bool_type": "type-boolean",
    "bool_parsing": "type-boolean",
    "list_type": "type-list",
    "dict_type": "type-mapping",
    "model_type": "type-mapping",
}


def model_problems(errors: list[Any]) -> Joined:
    """Pydantic's errors (``error.errors()``) of a configuration or framework file, each as a
    `Said`: where, and what is wrong in plain words."""
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error["loc"]) or "-"
        ctx = error.get("ctx") or {}
        if error["type"] == "extra_forbidden":
            parts.append(Said("model-unknown-key", where=where))
        elif error["type"] in ("enum", "literal_error"):
            value, allowed = error.get("input"), str(ctx.get("expected", "")).replace(" or ", ", ")
            parts.append(Said("model-not-allowed", where=where, value=value, allowed=allowed))
        elif error["type"] == "missing":
            parts.append(Said("model-missing", where=where))
        elif error["type"] in _TYPES:
            parts.append(
                Said("model-wrong-type", where=where, expected=Said(_TYPES[error["type"]]))
            )
        elif isinstance(ctx.get("error"), ValueError) and isinstance(ctx["error"].args[0], Said):
            parts.append(Said("model-said", where=where, said=ctx["error"].args[0]))
        else:
            parts.append(Said("model-problem", where=where, reason=error["msg"]))
    return Joined(parts)


def localized(what: object, lang: str) -> str:
    """``what`` (a `Said`, an error holding one, or anything else) as text in ``lang``."""
    if isinstance(what, Said):
        return what.said(lang)
    if isinstance(what, OSError) and what.strerror is not None:
        reason = what.strerror
        if isinstance(reason, Said):
            return reason.said(lang)
        return os_reason(what, lang) if what.filename is None else f"{what.filename}: {reason}"
    if isinstance(what, BaseException) and what.args and isinstance(what.args[0], Said):
        return what.args[0].said(lang)
    return str(what)


class Reason(str):
    """The operating system's reason for an error, as a value of a `Said` (English as a str)."""

    errno: int | None

    def __new__(cls, error: OSError) -> Reason:
        reason = super().__new__(cls, os_reason(error, DEFAULT_LANGUAGE))
        reason.errno = error.errno
        return reason

    def said(self, lang: str) -> str:
        """The reason in ``lang``."""
        return os_reason(OSError(self.errno, str(self)), lang)


def os_reason(error: OSError, lang: str) -> str:
    """The operating system's reason for ``error`` (its ``strerror``), in ``lang`` when known."""
    import errno

    key = getattr(error, "key", None)  # a reason of iwp's own, such as "not a regular file"
    if isinstance(key, str) and key in catalogue():
        return catalogue()[key][lang]
    name = errno.errorcode.get(error.errno or 0, "")
    texts = catalogue().get(f"os-{name}")
    if texts is not None:
        return texts[lang]
    return str(error.strerror or error)


def counted(count: int, noun: str, lang: str, /) -> str:
    """``count`` with ``noun`` in singular or plural: "1 fout", "2 fouten", "1 error"."""
    return message(f"{noun}-{'one' if count == 1 else 'many'}", lang, n=count)


def severity_counts(errors: int, warnings: int, infos: int, lang: str, /) -> str:
    """Such as "1 fout, 2 waarschuwingen, 0 info" or "1 error, 2 warnings, 0 info"."""
    return ", ".join(
        counted(n, noun, lang)
        for n, noun in ((errors, "error"), (warnings, "warning"), (infos, "info"))
    )
