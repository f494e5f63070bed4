"""iwp: describe, check, compare and report on innovatiewerkplaatsen."""

__version__ = "0.1.0"
