"""Where the cleaned text and the removed blocks of a page lie in the page as given.

The cleaner keeps the page's words in order but changes its whitespace (lines are re-joined,
runs of spaces collapsed) and cuts some lines or line heads away (``removed``). To score the
pipeline against gold offsets in the raw page, each word of the cleaned text (and of each
removed block) is found again in the raw page, in order: the next word where the cursor stands
when it is there, else the first place where it and the three words after it follow each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")
_SPACE = re.compile(r"\s*")


def align(raw: str, text: str, start_at: int = 0) -> list[int]:
    """For each character of ``text``, its offset in ``raw`` (-1 for whitespace and for words
    not found)."""
    out = [-1] * len(text)
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    cursor = start_at
    for i, (cs, tok) in enumerate(tokens):
        p = _SPACE.match(raw, cursor).end()
        if not raw.startswith(tok, p):
            look = r"\s+".join(re.escape(t) for _, t in tokens[i : i + 4])
            m = re.compile(look).search(raw, cursor)
            if m is None:
                m = re.compile(re.escape(tok)).search(raw, cursor)
            if m is None:
                continue
            p = m.start()
        for k in range(len(tok)):
            out[cs + k] = p + k
        cursor = p + len(tok)
    return out


@dataclass
class PageMap:
    """The cleaned text's and the removed blocks' positions in the raw page."""

    raw: str
    to_raw: list[int]  # cleaned offset -> raw offset (-1: none)
    kind_at: list[str | None]  # raw offset -> "text", a removed kind, or None (not accounted for)

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw span of a cleaned-text span (None when its ends are not found)."""
        inside = [self.to_raw[i] for i in range(start, end) if self.to_raw[i] >= 0]
        return (min(inside), max(inside) + 1) if inside else None

    def kind_of(self, start: int, end: int) -> str | None:
        """ "text" when any character of the raw span is in the cleaned text; else the removed
        kind that covers it (None when unaccounted for)."""
        kinds = [self.kind_at[i] for i in range(start, min(end, len(self.kind_at))) if not self.raw[i].isspace()]
        if "text" in kinds:
            return "text"
        return next((k for k in kinds if k), None)


def map_page(raw: str, text: str, removed: list[tuple[str, str]]) -> PageMap:
    """Align a cleaned ``text`` and its ``removed`` (kind, text) blocks with the ``raw`` page."""
    to_raw = align(raw, text)
    kind_at: list[str | None] = [None] * len(raw)
    for r in to_raw:
        if r >= 0:
            kind_at[r] = "text"
    for kind, block in removed:
        # a removed block lies somewhere in the page, where its words are not yet taken
        words = _TOKEN.findall(block)
        if not words:
            continue
        look = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans = [m.span() for m in look.finditer(raw)]
        free = [sp for sp in spans if all(kind_at[i] is None for i in range(*sp))]
        if free:
            for i in range(*free[0]):
                kind_at[i] = kind
            continue
        for r in align(raw, block):
            if r >= 0 and kind_at[r] is None:
                kind_at[r] = kind
    return PageMap(raw, to_raw, kind_at)
