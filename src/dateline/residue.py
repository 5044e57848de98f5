"""Page residue: the rules made of ``dateline/data/residue.toml`` (read by ``dateline.vocabulary``).

The HTML extractor's line filter (``dateline.html``) and the text cleaner (``dateline.cleaner``)
both ask this module whether a line is site furniture (a button, a label, a teaser link, a
prompt), whether it opens a list of links, or whether it is a banner above a headline. The
patterns are data, kept once: an HTML page goes through both stages and meets the same rules.

In the data file a straight apostrophe also matches the curly one ("Editor’s Picks").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import residue_lists

__all__ = [
    "is_label",
    "is_teaser",
    "is_prompt",
    "is_ui",
    "opens_link_list",
    "is_list_head",
    "is_banner",
    "is_bracket_teaser",
    "is_job_title",
    "is_non_name",
]

_APOSTROPHE = "['’]"
# What may trail a label: a colon, a full stop, a bar, an ellipsis ("Share:", "Related |").
_TRAIL = r"[\s.:!|…]*"
# What separates a teaser's label from the linked title: "Read more: X", "Related | X", "More » X",
# "See also - X" (a hyphen only between spaces: "Also-ran" is a word).
_SEPARATOR = r"(?:\s*[:|»>]|\s+[-–—])\s*"


def _alternation(entries: list[str]) -> str:
    return "|".join(f"(?:{entry.replace(chr(39), _APOSTROPHE)})" for entry in entries)


@lru_cache(maxsize=1)
def _tables() -> dict[str, object]:
    data = residue_lists()
    labels, teasers = _alternation(data["labels"]), _alternation(data["teasers"])
    heads = _alternation(data["list_heads"])
    return {
        "label": re.compile(rf"^(?:{labels}|{teasers}){_TRAIL}$", re.I),
        "teaser": re.compile(rf"^(?:{teasers}){_SEPARATOR}\S.{{0,200}}$", re.I),
        "prompt": re.compile(rf"^(?:{_alternation(data['prompts'])})$", re.I),
        "list_head": re.compile(rf"^(?:{heads})[\s:]*$", re.I),
        "list_intro": re.compile(rf"^(?:{heads})\b", re.I),
        "banners": frozenset(" ".join(b.casefold().split()) for b in data["banners"]),
        "bracket": re.compile(rf"\[(?:{'|'.join(map(re.escape, data['bracket_tags']))})\]\s*\|?$"),
        "non_names": frozenset(_fold(n) for n in data["byline_non_names"]),
        "job": re.compile(
            rf"^(?:[\w.'’&-]+\s+){{0,5}}(?:{_alternation(data['job_titles'])})s?"
            r"(?:\s+(?:in|for|at|of|on)\s+\S.{0,60})?$",
            re.I,
        ),
    }


def _match(name: str, line: str) -> bool:
    return bool(_tables()[name].match(" ".join(line.split())))  # type: ignore[attr-defined]


def is_label(line: str) -> bool:
    """A line that is only a button or a label: "Share this article", "Editor’s Picks:"."""
    return _match("label", line)


def is_teaser(line: str) -> bool:
    """A label and the title of a linked page: "Read more: Floods close the motorway"."""
    return _match("teaser", line)


def is_prompt(line: str) -> bool:
    """A prompt or notice of the site: "Sign up for our daily newsletter", "4 min read"."""
    return _match("prompt", line)


def is_ui(line: str) -> bool:
    """Any of the three: the line is site furniture, not story."""
    return is_label(line) or is_teaser(line) or is_prompt(line)


def is_list_head(line: str) -> bool:
    """A heading over a list of links: "Related stories", "More from Reuters"."""
    return _match("list_head", line)


def opens_link_list(line: str) -> bool:
    """A removed line after which "- item" lines are links: it starts with a list heading."""
    return _match("list_intro", line)


_RANK = re.compile(r"\d{1,2}\.?")
_SENTENCE_END = re.compile(r"[.!;,]['\"’”)]*$")
LINK_TITLE_WORDS = 15


def is_link_title(line: str) -> bool:
    """A line that reads as a linked page's title in a list under a list heading ("Most read" /
    "Bridge fire closes motorway" / "Mayor wins second term"): a rank, or a short line that ends no
    sentence. A paragraph of prose ends the list."""
    line = " ".join(line.split())
    if _RANK.fullmatch(line):
        return True
    return 0 < len(line.split()) <= LINK_TITLE_WORDS and not _SENTENCE_END.search(line)


def is_job_title(part: str) -> bool:
    """A byline part that is a job title, not a person: "AP National Political Writer", "Senior
    Correspondent in Beijing", "Staff Writer"."""
    return _match("job", part.strip(" ,.;"))


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def is_non_name(part: str) -> bool:
    """A byline part that names no person: "Admin", "No Author", "Condé Nast" (a publishing group)."""
    return _fold(part.strip(" ,.;")) in _tables()["non_names"]  # type: ignore[operator]


def is_banner(line: str) -> bool:
    """A kicker above the headline: "Breaking news", "Exclusive", "World"."""
    return " ".join(line.casefold().split()).rstrip("!:. ") in _tables()["banners"]  # type: ignore[operator]


def is_bracket_teaser(line: str) -> bool:
    """A teaser link ending in an upper-case label: "Plague fears spread [INSIGHT]"."""
    return bool(_tables()["bracket"].search(line))  # type: ignore[attr-defined]


# A link teaser by its shape: a short upper-case label, a bar, and a headline that ends no sentence
# ("MUST READ | Thousands of Australians are calling for their prime minister's resignation",
# "WATCH | Flood waters rise in the valley"): set 11 found labels the table does not list. A
# dateline before a bar ("NEW DELHI | The minister said on Monday that ...") opens a paragraph
# that ends a sentence, so it stays.
_LABEL_BAR = re.compile(r"^[A-Z][A-Z'’]*(?:\s+[A-Z][A-Z'’]*){0,2}\s*\|\s*(\S.{0,200})$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_HEADLINE_WORDS = 25


def is_label_teaser(line: str) -> bool:
    """An upper-case label, a bar and a headline: "MUST READ | Floods close the motorway"."""
    found = _LABEL_BAR.match(" ".join(line.split()))
    if not found:
        return False
    title = found.group(1)
    return len(title.split()) <= _HEADLINE_WORDS and not _SENTENCE_END.search(title)
