"""iwp: describe, check, compare and report on innovatiewerkplaatsen."""

__version__ = "0.1.0"

#: Where users learn about iwp (SARIF's ``informationUri``); also ``[project.urls]`` in
#: pyproject.toml, which a test keeps equal.
HOMEPAGE = "https://pypi.org/project/iwp-cli/"
