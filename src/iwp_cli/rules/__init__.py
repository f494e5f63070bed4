"""The registry of lint rules: a plain dict from code to rule, built from explicit imports.

Codes are public and never reused: users put them in their configuration and suppressions.
"""

from __future__ import annotations

from iwp_cli.rules import (
    iwp101_principle_not_addressed,
    iwp301_to_improve,
)
from iwp_cli.rules.base import Hit, RuleContext, RuleInfo

RULES: dict[str, RuleInfo] = {
    info.code: info
    for info in map(
        RuleInfo.from_module,
        (
            iwp101_principle_not_addressed,
            iwp301_to_improve,
        ),
    )
}

__all__ = ["RULES", "Hit", "RuleContext", "RuleInfo"]
