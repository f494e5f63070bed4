"""A key under `principles` is not a principle of the framework.

Part D of the handbook's appendix describes the IWP per design principle (ontwerpprincipe).
Every key under `principles` must be the id of one of the framework's principles; for the
built-in framework `cremers-2016` these are the seven ids that `iwp principles` lists. An
unknown id is usually a typo, and the features under it count for no principle at all.

How to fix: use the id of the principle the features belong to (the message suggests the
closest), or, when the IWP works with principles of its own, define them in a framework file
(iwp.toml: `framework = "file.yaml"`).

Bad::

    principles:
      reflectie:
        features: [...]

Good::

    principles:
      reflection:
        features: [...]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, did_you_mean

CODE = "IWP102"
NAME = "unknown-principle"
SEVERITY = Severity.ERROR


def check(context: RuleContext) -> Iterator[Hit]:
    ids = context.framework.ids
    for principle_id in context.description.principles:
        if principle_id not in ids:
            yield Hit(
                ("principles", principle_id),
                {
                    "principle": principle_id,
                    "framework": context.framework.id,
                    "suggestion": did_you_mean(principle_id, ids),
                    "allowed": ", ".join(ids),
                },
                on_key=True,
            )
