"""The reading limits: one set, applied wherever a description or a framework is read.

`iwp check`, `iwp render`, `iwp new --from`, both sides of `iwp diff`, every revision `iwp log`
reads and the framework file named in the configuration all go through the same limits, so that
no input makes one command slow where another one is fast. A real description stays far below
each of them: the handbook's Value in the Valley example has 24 KB, 42 features and 7 levels of
nesting.
"""

from __future__ import annotations

#: Largest file read, in bytes: about 90 times the Value in the Valley example.
MAX_BYTES = 2 * 1024 * 1024
#: Deepest nesting of mappings and lists.
MAX_DEPTH = 64
#: How many values aliases may add beyond those written out (stops "billion laughs").
ALIAS_BUDGET = 10_000
#: Longest integer, in digits as written (decimal, hex or octal). Python refuses to turn an
#: integer of more than 4,300 decimal digits into text; 1,000 hex digits stay below that.
MAX_INT_DIGITS = 1_000
#: Most principles a framework file may define (the handbook has seven).
MAX_PRINCIPLES = 100
