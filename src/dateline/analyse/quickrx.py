"""Faster scans with the same matches: a lookahead for the characters a match can start with.

Python's ``re`` tries a pattern that opens with ``\\b`` and an alternation ("every Monday",
"last week", a list of unit or holiday words) at every position of the text. Put in front,
a one-character class of the characters its matches can start with, ``(?=[EeLl...])``,
rejects most positions at once: the rule pass of ``times`` scans two to four times faster.

``quick(rx, first)`` takes that class as written beside the pattern. The lookahead only states
what every match already begins with, so the matches, their groups and their names are the
same, as long as ``first`` holds every character a match can start with:
``tests/test_doc_caches.py`` works the class out from each parsed pattern made here and fails
when a pattern's edit starts a match with a character its class lacks.
"""

from __future__ import annotations

import re

_MADE: list[tuple[re.Pattern[str], re.Pattern[str], str]] = []


def quick(rx: re.Pattern[str], first: str) -> re.Pattern[str]:
    """``rx`` opened with the lookahead ``(?=[first])`` (``first``: a character class's inside)."""
    fast = re.compile(f"(?=[{first}])(?:{rx.pattern})", rx.flags)
    _MADE.append((rx, fast, first))
    return fast


def made() -> list[tuple[re.Pattern[str], re.Pattern[str], str]]:
    """Every (pattern, quick pattern, first characters) made so far: for the tests."""
    return list(_MADE)
