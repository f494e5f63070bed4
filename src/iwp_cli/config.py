"""Configuration: ``iwp.toml`` or ``[tool.iwp]`` in ``pyproject.toml``, found from the checked path
upwards. Validated with pydantic; an invalid file raises ConfigError (the CLI exits with 2).

Example ``iwp.toml``::

    lang = "nl"
    fail-on = "error"
    stale-after = 6              # months: one semester
    framework = "frameworks/ours.yaml"

    [rules]
    select = ["IWP"]             # code prefixes
    ignore = ["IWP203"]
    severity = { IWP202 = "info" }

    [[overrides]]
    paths = ["archief/*"]
    stale-after = 120
    rules = { ignore = ["IWP1"] }

    [report]                     # see `iwp_cli.report_config`
    logo = "logo.svg"
    organisation = "Hanzehogeschool Groningen"
    contact = "iwp@example.org"
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from iwp_cli.codes import is_code_prefix
from iwp_cli.findings import Severity
from iwp_cli.i18n import Reason, Said, model_problems
from iwp_cli.limits import MAX_BYTES
from iwp_cli.reading import read_head
from iwp_cli.report_config import ReportSettings, ReportTable, report_settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

CONFIG_NAMES = ("iwp.toml", "pyproject.toml")
DEFAULT_STALE_AFTER = 6
#: The longest cycle `stale-after` may give, in months: a century.
MAX_STALE_AFTER = 1200


class ConfigError(Exception):
    """The configuration cannot be used; the message says which file and what to change."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class RuleSettings(_Strict):
    """The ``[rules]`` table."""

    select: list[str] | None = Field(default=None, description="Code prefixes to run.")
    ignore: list[str] | None = Field(default=None, description="Code prefixes not to run.")
    severity: dict[str, Severity] | None = Field(default=None, description="Severity per code.")

    @field_validator("select", "ignore")
    @classmethod
    def _known_prefixes(cls, value: list[str] | None) -> list[str] | None:
        for prefix in value or ():
            if not is_code_prefix(prefix):
                raise ValueError(Said("config-unknown-prefix", prefix=prefix))
        return value

    @field_validator("severity")
    @classmethod
    def _known_codes(cls, value: dict[str, Severity] | None) -> dict[str, Severity] | None:
        for code in value or {}:
            if not is_code_prefix(code):
                raise ValueError(Said("config-unknown-code", code=code))
        return value


class Override(_Strict):
    """One ``[[overrides]]`` entry: settings for the files matching ``paths``."""

    paths: list[str] = Field(min_length=1, description="Glob patterns relative to the config file.")
    stale_after: int | None = Field(default=None, alias="stale-after", ge=1, le=MAX_STALE_AFTER)
    rules: RuleSettings = Field(default_factory=RuleSettings)


class ConfigFile(_Strict):
    """The whole configuration as written."""

    lang: str | None = Field(default=None, pattern="^(nl|en)$")
    fail_on: Severity | None = Field(default=None, alias="fail-on")
    framework: str | None = None
    stale_after: int | None = Field(default=None, alias="stale-after", ge=1, le=MAX_STALE_AFTER)
    rules: RuleSettings = Field(default_factory=RuleSettings)
    overrides: list[Override] = Field(default_factory=list)
    report: ReportTable = Field(default_factory=ReportTable)


@dataclass(frozen=True, slots=True)
class FileSettings:
    """What applies to one file, after overrides."""

    select: tuple[str, ...] = ("IWP",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    stale_after: int = DEFAULT_STALE_AFTER

    def enabled(self, code: str) -> bool:
        """The longest matching prefix decides; on a tie, ignore wins."""
        chosen = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        dropped = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return chosen > dropped

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


@dataclass(frozen=True)
class Settings:
    """The effective configuration.

    Attributes:
        path: The file it came from, or None for the defaults.
        lang: Language from the configuration (``--lang`` still wins).
        fail_on: The lowest severity that makes `iwp check` exit with 1.
        framework: A framework file (absolute), or None for the built-in one.
        base: Rule settings for every file.
        overrides: Per-path settings, in file order (later entries win).
        origins: Where each setting came from, for `iwp config`.
        report: The ``[report]`` table: logo, colophon and the browser for PDF.
    """

    path: Path | None = None
    lang: str | None = None
    fail_on: Severity = Severity.ERROR
    framework: Path | None = None
    base: FileSettings = field(default_factory=FileSettings)
    overrides: tuple[Override, ...] = ()
    origins: dict[str, str] = field(default_factory=dict)
    report: ReportSettings = field(default_factory=ReportSettings)

    def for_file(self, path: Path) -> FileSettings:
        """The settings for ``path``, with every matching override applied in order."""
        if not self.overrides or self.path is None:
            return self.base
        try:
            real, base = os.path.realpath(path), os.path.realpath(self.path.parent)
            relative = Path(real).relative_to(base).as_posix()
        except ValueError:
            return self.base
        settings = self.base
        for override in self.overrides:
            if any(fnmatch.fnmatch(relative, pattern) for pattern in override.paths):
                settings = _apply(settings, override.rules, override.stale_after)
        return settings


def _apply(base: FileSettings, rules: RuleSettings, stale_after: int | None) -> FileSettings:
    return FileSettings(
        select=tuple(rules.select) if rules.select is not None else base.select,
        ignore=base.ignore + tuple(rules.ignore or ()),
        severity={**base.severity, **(rules.severity or {})},
        stale_after=stale_after if stale_after is not None else base.stale_after,
    )


def find_config(start: Path) -> Path | None:
    """The nearest ``iwp.toml``, or ``pyproject.toml`` with a ``[tool.iwp]`` table, from ``start``
    upwards, up to the root of the repository ``start`` is in (`search_folders`)."""
    for candidate in search_folders(start):
        for name in CONFIG_NAMES:
            path = candidate / name
            try:
                found = path.is_file() and (name == "iwp.toml" or _has_tool_iwp(path))
            except OSError:  # a folder we may not look into: keep going upwards
                continue
            if found:
                return path
    return None


def search_folders(start: Path) -> list[Path]:
    """The folders the configuration is looked for in: ``start``'s folder and those above it,
    up to and including the root of its git repository (the first with a ``.git``), so that a
    file above the repository, which nobody in the team sees, never applies. Outside a
    repository, every folder up to the file system's root."""
    folder = start.absolute()
    if not folder.is_dir():
        folder = folder.parent
    folders = []
    for candidate in (folder, *folder.parents):
        folders.append(candidate)
        if (candidate / ".git").exists():
            return folders
    return folders


def _tool_iwp(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("iwp") if isinstance(tool, dict) else None


def _has_tool_iwp(path: Path) -> bool:
    try:
        return _tool_iwp(_read_toml(path)) is not None
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw, _ = read_head(path, MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise ConfigError(Said("config-too-large", path=path, limit=f"{MAX_BYTES:,}"))
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except OSError as error:
        raise ConfigError(Said("cannot-read", path=path, reason=Reason(error))) from None
    except UnicodeDecodeError as error:
        raise ConfigError(Said("config-not-utf8", path=path, byte=error.start + 1)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(Said("config-not-toml", path=path, reason=str(error))) from None
    except RecursionError:
        raise ConfigError(Said("config-too-deep", path=path)) from None
    except ValueError as error:  # such as an integer too long to read
        raise ConfigError(Said("config-not-toml", path=path, reason=str(error))) from None
    return data


def load_settings(path: Path | None) -> Settings:
    """Read and validate the configuration at ``path`` (None: the defaults)."""
    if path is None:
        return Settings(origins=_origins(ConfigFile(), "default"))
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = _tool_iwp(data)
        if data is None:
            data = {}
        elif not isinstance(data, dict):
            raise ConfigError(Said("config-tool-iwp", path=path))
    try:
        config = ConfigFile.model_validate(data)
    except ValidationError as error:
        problems = model_problems(list(error.errors(include_url=False)))
        raise ConfigError(Said("config-invalid", path=path, problems=problems)) from None
    framework = None
    if config.framework is not None:
        if "\x00" in config.framework:
            raise ConfigError(Said("config-framework-name", path=path, name=config.framework))
        framework = (path.parent / config.framework).absolute()
        if not framework.is_file():
            raise ConfigError(Said("config-framework-missing", path=path, name=config.framework))
    base = _apply(FileSettings(), config.rules, config.stale_after)
    report, problem = report_settings(config.report, path.parent)
    if problem is not None:
        raise ConfigError(Said("config-problem", path=path, problem=problem))
    return Settings(
        path=path,
        lang=config.lang,
        fail_on=config.fail_on or Severity.ERROR,
        framework=framework,
        base=base,
        overrides=tuple(config.overrides),
        origins=_origins(config, str(path)),
        report=report,
    )


def _origins(config: ConfigFile, where: str) -> dict[str, str]:
    written = config.model_fields_set
    names = ("lang", "fail_on", "framework", "stale_after", "rules", "overrides", "report")
    return {name: (where if name in written else "default") for name in names}
