"""Render one description: load and check it once, build its view, fill in the templates."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from iwp_cli import __version__
from iwp_cli.checker import CheckOptions
from iwp_cli.discovery import Target
from iwp_cli.findings import Finding
from iwp_cli.framework import framework_for
from iwp_cli.gitcycles import previous_cycle
from iwp_cli.render.build import build_report
from iwp_cli.render.checking import load_and_check
from iwp_cli.render.environment import environment, render_template
from iwp_cli.render.summary import Colophon, Since, partners_view, since_previous
from iwp_cli.render.view import ReportView

#: Who a report is for: the team (everything, the check included) or partners and funders.
AUDIENCES = ("team", "partners")

#: File suffix of each format.
SUFFIXES = {"html": ".html", "md": ".md"}


@dataclass(frozen=True)
class RenderOptions:
    """How to render.

    Attributes:
        fmt: ``html`` or ``md``.
        lang: Language of the reports; None for each description's own ``language``.
        template_dir: A folder of templates that override the shipped ones.
        stamp: The time to print in the footer (``--stamp``); None for none, so that the same
            input gives the same bytes.
        check: How to check each description for its check summary.
        audience: ``team`` or ``partners`` (`AUDIENCES`).
        colophon: The logo and colophon of a report for partners (from ``[report]``).
    """

    fmt: str = "html"
    lang: str | None = None
    template_dir: Path | None = None
    stamp: str | None = None
    check: CheckOptions = field(default_factory=CheckOptions)
    audience: str = "team"
    colophon: Colophon = field(default_factory=Colophon)


@dataclass(slots=True)
class Outcome:
    """What became of one file.

    Attributes:
        file: The file as shown to the user.
        findings: Its findings, as `iwp check` reports them.
        view: The report's view; None when the file is not a valid description.
        text: The rendered report; None when the file is not a valid description.
    """

    file: str
    findings: list[Finding]
    view: ReportView | None = None
    text: str | None = None


def stamp_now(epoch: str | None = None) -> tuple[str, datetime.date]:
    """The time for ``--stamp`` and the date to check ages against: ``SOURCE_DATE_EPOCH`` (the
    reproducible-builds convention) when given, else now; in UTC."""
    if epoch:
        moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    else:
        moment = datetime.datetime.now(tz=datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC"), moment.date()


def render_view(view: ReportView, options: RenderOptions) -> str:
    """The report of ``view`` in ``options.fmt``."""
    env = environment(options.fmt, options.template_dir)
    name = f"{options.fmt}/report.{options.fmt}.j2"
    images = view.audience == "partners" and view.extra.colophon.logo is not None
    return render_template(
        env, name, v=view, t=view.t, lang=view.lang, script_name=None, images=images
    )


def render_target(
    target: Target, options: RenderOptions, *, index_href: str | None = None
) -> Outcome | None:
    """Load, check and render ``target``; None for a YAML file under a folder that is not a
    description. Raises InputError for an unreadable file, RenderError for a template error."""
    checked = load_and_check(target, options.check, options.lang)
    if checked is None:
        return None
    description = checked.loaded.description
    outcome = Outcome(target.shown, checked.findings)
    if description is None:
        return outcome
    framework = framework_for(description, options.check.framework)
    view = build_report(
        description,
        checked.findings,
        framework=framework,
        lang=checked.lang,
        file=target.shown,
        version=__version__,
        stamp=options.stamp,
        index_href=index_href,
        audience=options.audience,
    )
    if options.audience == "partners":
        since: Since | None = None
        found = previous_cycle(target.path, description)
        if found is not None:
            old = found[0]
            since = since_previous(old, description, framework=framework, lang=view.lang, t=view.t)
        view = dataclasses.replace(view, extra=partners_view(view, since, options.colophon))
    outcome.view = view
    outcome.text = render_view(outcome.view, options)
    return outcome
