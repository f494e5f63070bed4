"""The `iwp` console script. Answers ``iwp --version`` before importing typer (a third of the
start-up time), then hands everything else to the typer app.

SIGTERM and Ctrl-C end every command the same way: the work stops where it is (workers are
killed, temporary files removed), a line says why on standard error, and the exit code is
128 plus the signal's number, as a shell reports it (130 for Ctrl-C, 143 for SIGTERM).
"""

from __future__ import annotations

import signal
import sys


def main() -> None:
    """Entry point of the `iwp` console script."""
    if sys.argv[1:] == ["--version"]:
        from iwp_cli import __version__

        sys.stdout.write(f"iwp {__version__}\n")
        return
    from iwp_cli.parallel import Stopped, stopping

    try:
        with stopping():
            from iwp_cli.cli import app

            app()
    except Stopped as stopped:
        from iwp_cli.helptext import run_language
        from iwp_cli.i18n import message

        key = "interrupted" if stopped.signal == signal.SIGINT else "terminated"
        sys.stderr.write(f"iwp: {message(key, run_language(sys.argv[1:]))}\n")
        sys.stderr.flush()
        raise SystemExit(128 + stopped.signal) from None
