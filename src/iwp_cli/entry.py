"""The `iwp` console script. Answers ``iwp --version`` before importing typer (a third of the
start-up time), then hands everything else to the typer app."""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the `iwp` console script."""
    if sys.argv[1:] == ["--version"]:
        from iwp_cli import __version__

        sys.stdout.write(f"iwp {__version__}\n")
        return
    from iwp_cli.cli import app

    app()
