"""The description names a framework that iwp does not know.

The handbook's seven design principles are a starting point: "het is goed mogelijk dat door
het gebruik van deze handleiding de set nog wordt uitgebreid of aangepast". A description says
which set applies with `framework`; without the key it is the built-in `cremers-2016`. A
framework that is neither built in nor defined in the repository cannot be checked against, so
iwp falls back to the built-in seven.

How to fix: correct the id, remove the key to use the built-in seven, or define the
repository's own set in a framework file and name it in iwp.toml: `framework = "file.yaml"`
(the file's `id` is then the value to write here).

Bad::

    framework: cremers-2106

Good::

    framework: cremers-2016
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, did_you_mean

CODE = "IWP105"
NAME = "unknown-framework"
SEVERITY = Severity.ERROR


def check(context: RuleContext) -> Iterator[Hit]:
    description = context.description
    if "framework" not in description.model_fields_set:
        return
    known = context.known_frameworks
    if description.framework not in known:
        yield Hit(
            ("framework",),
            {
                "framework": description.framework,
                "suggestion": did_you_mean(description.framework, known),
                "known": ", ".join(known),
            },
        )
