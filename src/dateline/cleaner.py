"""Clean stage: a scraped news page (plain text) becomes the story and its parsed metadata.

A page copied or scraped from a news site carries the story wrapped in residue: banners
("BREAKING NEWS"), the headline printed twice, photo captions with credit and copyright lines,
UI text ("Text size Aa Aa", "Share"), bylines, a dateline, trailing credits, related-link lists
and a publisher's syndication disclaimer. This module separates them with general rules about
how news pages are laid out — nothing here is keyed to one publisher:

* the page splits into a *header* (before the first story paragraph), the *body* and a *tail*
  (after the last story paragraph);
* every line of the header and tail is classified (headline, banner, ui, caption, credit,
  byline, date line, disclaimer...); inside the body only lines that are unmistakably residue
  (advertisement markers, "READ MORE:" links, photo captions) are removed;
* the byline, dateline and credits are parsed into authors, places, agency and contributors;
* everything removed goes to ``removed`` with its kind, so nothing of the input is lost.

The site furniture (labels, teasers, prompts, link-list headings, banners) is data:
``data/residue.toml``, read by ``dateline.residue`` and shared with the HTML line filter.

``clean_page`` handles a whole scraped page; ``clean_body`` handles a body already extracted
from HTML (no header to find, but bylines, datelines, credits and disclaimers still to parse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import residue
from .article import Contributor, Dateline, Removed
from .timex import WEEKDAY_NAMES, month_pattern

# ---------------------------------------------------------------------------------------------
# Vocabulary

WIRE_AGENCIES = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "efe": "EFE",
    "efe-epa": "EFE",
    "ansa": "ANSA",
    "pa": "PA Media",
    "pa media": "PA Media",
    "upi": "UPI",
    "tass": "TASS",
    "ria": "RIA Novosti",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "ians": "IANS",
    "pti": "PTI",
    "aap": "AAP",
    "cp": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "kcna": "KCNA",
}
# Broadcasters and papers that put their own name in the dateline: "(CNN) —" names the publisher.
DATELINE_PUBLISHERS = {
    "cnn": "CNN",
    "bbc": "BBC",
    "nbc": "NBC News",
    "cbs": "CBS News",
    "abc": "ABC News",
    "ctv": "CTV News",
    "cbc": "CBC News",
    "fox": "Fox News",
    "npr": "NPR",
    "dw": "DW",
}

_DASH = r"[-–—]+"
_PLACE_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]*"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD})*"
_MONTH = month_pattern()
_WEEKDAY_HEAD = "|".join(name[:3] for name in WEEKDAY_NAMES)  # their first three letters: a weekday, written out or not
# "MOSCOW/VLADIVOSTOK, Russia (Reuters) -", "WASHINGTON, May 3 (Reuters) -", "KYIV, Ukraine (AP) —",
# "LONDON —", "Washington (CNN) —", "PARIS, June 2 (AFP) -".
DATELINE_RE = re.compile(
    rf"""^(?P<dl>
        (?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*
          | [A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?=(?:,\s*[^()\n,]{{1,30}}){{0,2}}\s*\())  # "Madrid, Dec 3 (EFE)"
        (?:,\s*(?P<region>(?!{_MONTH}\s+\d)[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){{0,3}}))?
        (?:,?\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?
          # "Bruselas, 7 oct (EFE).-": a month abbreviated in another language, before an agency
          |\d{{1,2}}\s+[a-z]{{3,4}}\.?(?=\s*\())
        )?
      )
      \s*(?:\((?P<agency>[A-Za-z][A-Za-z .&\-]{{1,40}})\)\.?)?          # "MADRID, 3 Dec (EFE).-"
      \s*{_DASH}\s+(?=\S)""",
    re.X,
)
# "BHAKKAR: A man was killed ...", "NEW DELHI: The government said ...": the house style of South
# Asian papers, an upper-case place and a colon. Labels take the same shape ("UPDATE:", "WATCH:",
# "EXCLUSIVE:"), so the words must name a place the gazetteer knows by its own name or an alias.
_COLON_DATELINE_RE = re.compile(
    r"^(?P<dl>(?P<places>[A-Z][A-Z'’.\-]{2,}(?:\s+[A-Z][A-Z'’.\-]+){0,2})):\s+(?=[\"“‘'A-Z0-9])"
)

_BYLINE_RE = re.compile(r"^(?:By|BY|Written by|Words by|Reporting by)\s+(?P<names>[^\n]{2,200})$")
_ROLE_WORDS = re.compile(
    r"\b(correspondent|reporter|editor|writer|staff|contributor|columnist|producer|analyst|desk|"
    r"bureau|chief|senior|news|team|journalist|photographer|presenter|anchor|in\s+[A-Z])\b",
    re.I,
)

_PHOTO_CUE = re.compile(
    r"(?:\bphoto(?:graph)?s?\b|\bpictured\b|\bpicture\b|\bundated\b|\bfile\s+photo\b|\bfile\s+image\b|"
    r"\bimage\s+caption\b|\bimage:|\bvia\s+reuters\b|\breuters/|\bap\s+photo\b|\bafp(?:\s+photo)?/|"
    r"\bgetty\s+images\b|\bepa\b[-/]|\bshutterstock\b|\bphotograph:|\bcredit:|\(photo:|\bscreenshot\b|"
    r"\bhandout\b|\bin\s+this\s+(?:image|picture|frame\s+grab)\b|/(?:reuters|afp|ap|epa|getty\s+images)\b\]?\)?$)",
    re.I,
)
_CAPTION_START = re.compile(
    r"^(?:(?:FILE\s+PHOTO|PHOTO|IMAGE|Image caption|Caption|Photograph|Pictured)\s*[:,-]|(?:image|media|"
    r"video)\s+caption\b)",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"""^(?:copyright|©.*|\(c\)\s.*|all\s+rights\s+reserved\.?|
        [A-Z][\w.&' -]{0,40}\s*\((?:reuters|ap|afp|getty)\)|           # "KCNA(Reuters)"
        [\w.&' -]{0,40}\s+via\s+(?:reuters|ap|afp|getty\s+images)\b.*|
        (?:reuters|ap|afp|epa|getty\s+images|shutterstock|anadolu)(?:/[\w .'-]+)+|  # "REUTERS/Name"
        (?:photo|picture|image|credit)s?\s*(?:by|:)\s*.{1,80}|
        [A-Z][\w.&' -]{1,40}/(?:reuters|ap|afp|getty\s+images|epa|shutterstock)(?:\s+via\s+\w+)?
    )[\s.]*$""",
    re.I | re.X,
)
_DATE_LINE = re.compile(
    rf"""^(?:(?:published|updated|posted|first\s+published|last\s+updated|date)\s*(?:on\s+)?:?\s*)?
        (?:(?:{_WEEKDAY_HEAD})[a-z]*,?\s+)?
        (?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d
          |\d{{1,2}}/\d{{1,2}}/\d{{2,4}})
        (?:[\s,·|at-]+\d{{1,2}}[.:]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{{2,5}}(?:[+-]\d+)?)?)?
        (?:\s*[·|,]\s*(?:updated|last\s+updated)\s*.*)?[\s.]*$""",
    re.I | re.X,
)
# "CTV Saskatoon Published Saturday, March 31, 2018 1:19PM CST": an outlet's name and a date
_OUTLET_DATE_LINE = re.compile(
    rf"^[A-Za-z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,4}}\s+(?:Published|Updated|"
    rf"Posted)\b.{{0,30}}?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}).{{0,25}}$"
)
_RELATIVE_TIME_LINE = re.compile(
    r"^(?:updated\s+|published\s+)?\d+\s+(?:minutes?|hours?|days?|mins?|hrs?)\s+ago\.?$", re.I
)

# Trailing credits: "(Additional reporting by A in SEOUL; writing by B; editing by C and D)",
# "Reporting by A; Editing by B", "Associated Press writer A in Moscow contributed to this report."
# The words that open a line of credits; a clause of one may also credit photos, graphics, video...
_CREDIT_WORDS = "reporting|writing|editing|written|edited|compiled|compiling"
_CREDIT_ROLE_RE = re.compile(
    rf"^(?P<role>(?:additional\s+)?(?:{_CREDIT_WORDS}|"
    r"photos?|photography|graphics|video|research|fact-checking|production|produced)"
    r"(?:\s+and\s+(?:reporting|writing|editing|compiling))?)\s+by\s+(?P<names>.+)$",
    re.I,
)
_CREDITS_LINE = re.compile(rf"^\(?\s*(?:additional\s+)?(?:{_CREDIT_WORDS})\s+(?:and\s+\w+\s+)?by\b.+$", re.I)
_CONTRIBUTED_RE = re.compile(
    r"^(?P<names>.{3,300}?)\s+(?:contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:report|story|article))?"
    r"(?:\s+from\s+.+)?)\.?\s*$",
    re.I,
)
_CONTRIBUTOR_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:associated\s+press|ap|reuters|afp|cnn'?s?|bbc'?s?|nbc'?s?)\s+)?"
    r"(?:(?:staff\s+)?writers?|reporters?|correspondents?|journalists?|producers?|photographers?)\s+",
    re.I,
)
# an agency's slug closing a story: staff initials, bureau code first ("bur-jm/ser", "cm/kjm/jr"),
# or two sets before the desk's names ("jm/ser (Paris)")
_INITIALS = r"[a-z]{1,4}"
_AFP_SLUG = re.compile(
    rf"^(?:{_INITIALS}(?:-{_INITIALS})?/{_INITIALS}(?:/{_INITIALS})*|[a-z]{{2,4}}/[a-z]{{2,4}}\s*\([A-Za-z ,]+\))$"
)

_DISCLAIMER_RES = [
    # "euronews provides breaking news articles from reuters as a service to its readers, ..."
    re.compile(
        r"^(?P<pub>[\w.\- ]{2,40}?)\s+provides\s+(?:breaking\s+)?news\s+(?:articles|stories|"
        r"content)\s+from\s+(?P<agency>[\w ]+?)\s+as\s+a\s+service",
        re.I,
    ),
    re.compile(
        r"^(?:this\s+(?:article|story|report)\s+(?:was\s+|is\s+)?(?:originally\s+|first\s+)?(?:published|appeared|"
        r"produced)\s+(?:by|on|in)\s+(?P<pub>[^.,;]+))",
        re.I,
    ),
    re.compile(r"^(?:this\s+story\s+has\s+not\s+been\s+edited\s+by\s+(?P<pub>[^.,;]+?)\s+staff)", re.I),
    re.compile(
        r"^(?:(?:this\s+)?(?:article|story|content)\s+(?:is\s+)?(?:provided|supplied|"
        r"syndicated)\s+by\s+(?P<agency>[^.,;]+))",
        re.I,
    ),
    re.compile(r"^our\s+standards:\s+the\s+thomson\s+reuters\s+trust\s+principles", re.I),
    re.compile(r"^this\s+material\s+may\s+not\s+be\s+published,?\s+broadcast", re.I),
    re.compile(r"^the\s+views\s+expressed\s+(?:in\s+this\s+\w+\s+)?are\s+", re.I),
    re.compile(r"^(?:articles?\s+appear\s+on\s+\S+\s+for\s+a\s+limited\s+time)", re.I),
    re.compile(r"^(?:source:\s*)?(?P<pub>[A-Z][\w&' ]{1,30}?)\s+and\s+(?:news\s+)?agencies\.?$", re.I),
    re.compile(r"^\(?\s*with\s+(?:inputs|agency\s+inputs|reporting)\s+from\s+(?P<agency>[^)]+)\)?\.?$", re.I),
]
_COPYRIGHT_RE = re.compile(
    r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(?P<pub>[A-Za-z][\w.&'’ -]{1,60}?)?"
    r"[.,]?\s*(?:all\s+rights\s+reserved\.?.*)?$",
    re.I,
)

_SENT_END = re.compile(r"[.!?\"”’')\]]$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9'’-]+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_IN_PLACE = re.compile(r"\s+(?:in|from)\s+[A-Z][\w.'’ -]*$")


# ---------------------------------------------------------------------------------------------
# Result


@dataclass
class Cleaned:
    text: str = ""
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[Contributor] = field(default_factory=list)
    dateline: Dateline | None = None
    agency: str | None = None
    publisher: str | None = None
    removed: list[Removed] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    kind: str | None = None  # None: story text; otherwise the kind it was removed as


# ---------------------------------------------------------------------------------------------
# Small helpers


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _is_prose(s: str) -> bool:
    """A sentence-like story line: enough words and a sentence ending, or a long run of running
    text that a scraper cut mid-sentence."""
    n = _words(s)
    if n >= 12 and (_SENT_END.search(s.strip().rstrip("( ")) or s.rstrip().endswith(":")):
        return True
    return n >= 25 and _lowercase_share(s) >= 0.5


def _is_sentence(s: str) -> bool:
    """A short complete sentence ("Edmonton needs to start eating its vegetables.")."""
    return _words(s) >= 5 and bool(_SENT_END.search(s.strip())) and _lowercase_share(s) >= 0.5


def _adjacent_to_story(lines: list[_Line], i: int, start: int) -> bool:
    """Line ``i`` runs into the story's first line with no blank line between (only other
    sentences)."""
    for j in range(i + 1, start + 1):
        t = lines[j].text
        if not t or (j < start and not _is_sentence(t) and not _is_prose(t)):
            return False
    return True


def _lowercase_share(s: str) -> float:
    words = _WORD.findall(s)
    return sum(1 for w in words if w[:1].islower()) / len(words) if words else 0.0


# A caption describes a picture and is short; a paragraph of story prose is never a caption,
# whatever words it uses ("a photo op", "the first picture of the soldier").
CAPTION_MAX_WORDS = 70

# A photo credit inside a line: "(AP Photo/Ron Schwane)", "(Picture: Facebook)", "REUTERS/Henry
# Romero", "Photo: Joris van Gennip / HH.", "Photo by Angie de Silva/Rappler.", "Photo credit:
# Bayo Omiboriowo.", "Buy Photo".
_NAME_TOKEN = r"(?:[A-Z][\w.'’/-]*|/|&|de|van|von|der|da|di|del|la|le|du)"
_CREDIT_MARK = re.compile(
    rf"""(?:
        \((?:AP|AFP|Reuters|EPA|Getty)?\s*(?:Photo|Picture|Image|Photograph)s?(?:\s+credit)?\s*[:/]\s*[^()]{{1,60}}\)
      | \((?:Photo\s+|Image\s+|Picture\s+)?Credits?\s*:\s*[^()]{{1,60}}\)       # "(Credits: PTI)"
      | \b(?:REUTERS|AFP|EPA|Getty\s+Images)/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}
      | \bBuy\s+Photo\b(?:\s*:)?
      | \b(?:Photo|Picture|Image|Photograph)s?\s*©\s*[^()]{{1,60}}      # "photos © Inexhibit, 2018"
      | (?:(?<=^)|(?<=[\s.]))[-–—]?\s*(?:Photo|Picture|Image|Photograph)s?(?:\s+credit)?\s*(?::|\bby\b)\s*
        (?:(?P<on>on)\b\s*)?(?-i:(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,6}}))?\.?
    )""",
    re.X | re.I,
)
_ABBREV = frozenset(
    "mr mrs ms dr st jr sr gov sen rep gen col lt sgt capt prof rev mt ft no vs inc co corp ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _sentences(s: str) -> list[tuple[int, int]]:
    """Sentence spans of a line (a period after an abbreviation or an initial ends none)."""
    out = []
    begin = 0
    for m in re.finditer(r"[.!?][”’\"')\]]*(?:\s+|(?=[A-Z][a-z]))(?=[“\"‘(]?[A-Z0-9])|\)\s+(?=[A-Z])", s):
        word = re.search(r"(\w+)\W*$", s[begin : m.start() + 1])
        w = word.group(1) if word else ""
        if m.group().startswith(".") and (w.lower() in _ABBREV or (len(w) == 1 and w.isupper())):
            continue
        out.append((begin, m.end()))
        begin = m.end()
    if begin < len(s):
        out.append((begin, len(s)))
    return out


def split_caption(s: str) -> tuple[str, str, str] | None:
    """(story before, caption, story after) of a line that holds a photo caption and story text
    ("The first train arrived on Wednesday.Photo: J. Doe / HH. The Eurostar service ..."), or
    None. The caption is the credit with the sentence before it (or, when the line opens with
    the credit, the sentence it opens); a caption longer than a caption can be is not one."""
    m = _CREDIT_MARK.search(s)
    if m is None:
        return None
    end = m.end()
    name = m.groupdict().get("name")
    if name and m.group("on"):  # "Photo credit: on Leading Mexican candidate ...": no name
        end = m.start("name")
        name = None
    if name:
        # the name ends at its first word that closes a sentence ("Silva/Rappler. MANILA, ...")
        cut = re.search(r"[\w/'’-]{2,}\.(?=\s)", name)
        agency = re.match(r"(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua|Shutterstock)\b\.?", name)
        if agency:  # "Photo: AP The ship ...": the agency alone is the credit
            name = agency.group()
            end = m.start("name") + len(name)
        elif cut:
            name = name[: cut.end()]
            end = m.start("name") + len(name)
        else:
            # "Photo Credit: Meredith Desmond Guests will be treated": the last capitalised word
            # before a lower-case one opens the next sentence
            toks = name.split()
            if len(toks) >= 2 and re.match(r"\s+[a-z]", s[m.end("name") :]):
                end = m.start("name") + name.rfind(toks[-1])
    if m.start() <= 1 and m.group().lower().lstrip("-–— ").startswith(("photo", "picture", "image")):
        rest = s[end:]
        if not name or not rest.strip():
            # "Photo: A man walks ... Story Highlights ...": the credit opens a caption sentence
            sents = _sentences(rest)
            first = sents[0] if sents else (0, len(rest))
            if _words(rest[first[0] : first[1]]) <= 35:
                end += first[1]
        caption, after = s[:end], s[end:]
        return "", caption.strip(), after.strip()
    sents = _sentences(s[: m.start()])
    before_end = 0
    if sents:
        # the caption: the last sentence before the credit, or all of them when they are short
        total = _words(s[: m.start()])
        if total > 50 or len(sents) > 2:
            before_end = sents[-1][0]
    after = s[end:]
    if after.strip() and _words(after) < 6 and not _SENT_END.search(after.strip()):
        end = len(s)  # the rest of a credit ("... / The Guardian")
    caption = s[before_end:end]
    if _words(caption) > CAPTION_MAX_WORDS:
        return None
    return s[:before_end].strip(), caption.strip(), s[end:].strip()


def is_caption(s: str) -> bool:
    """A whole line that is a picture's caption: short, with a caption's cue. A cue that story
    prose uses too ("a photo op", "the first picture of") counts only in a line of one or two
    sentences."""
    n = _words(s)
    if n > CAPTION_MAX_WORDS:
        return False
    if _CAPTION_START.match(s) or _CREDIT_MARK.search(s):
        return True
    cue = _PHOTO_CUE.search(s)
    if cue is None:
        return False
    if re.fullmatch(r"photo(?:graph)?s?|picture", cue.group().lower()):
        return n <= 15
    return True


def _split_mixed_lines(lines: list[_Line]) -> list[_Line]:
    """Lines that hold residue and story text together are split: a caption with its credit
    before or after story prose, a byline run into the story's first sentence."""
    out: list[_Line] = []
    for ln in lines:
        s = ln.text
        if not s or ln.kind:
            out.append(ln)
            continue
        by = _BYLINE_HEAD.match(s)
        if by and _words(s[by.end() :]) >= 8:
            out.append(_Line(s[: by.end()].strip(), "byline"))
            out.append(_Line(s[by.end() :].strip()))
            continue
        parts = split_caption(s) if _words(s) > 6 else None
        if parts is None or not (parts[0] or parts[2]):
            out.append(ln)
            continue
        before, caption, after = parts
        for piece, kind in ((before, None), (caption, "caption"), (after, None)):
            if piece:
                out.append(_Line(piece, kind))
    return out


_DANGLING = re.compile(r"\b(?:a|an|the|of|in|on|at|to|for|with|by|from|and|or|that|as|its|their|his|her)$")


def _unwrap(lines: list[_Line]) -> list[_Line]:
    """A hard-wrapped page (every line of running text cut at about the same width) becomes one
    line per paragraph: a line that stops mid-sentence is joined with the next when the next
    opens in lower case, or when the page is wrapped and the line is full."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    full = sum(1 for n in lengths if 0.75 * width <= n <= width)
    wrapped = 40 <= width <= 130 and full >= 5 and full >= 0.4 * len(lengths)
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.text
            and ln.text
            and _words(prev.text) >= 6
            and not re.search(r"[.!?:][”’\"')\]]*$", prev.text)
            and (ln.text[:1].islower() or (wrapped and len(prev.text) >= 0.75 * width) or _DANGLING.search(prev.text))
        ):
            prev.text = prev.text + " " + ln.text
            continue
        out.append(_Line(ln.text, ln.kind))
    return out


# "Cleve R. Wootson Jr., The Washington Post March 31, 2018 2:36 pm. A few moments before ...":
# a byline (name, publication, date and time) run into the story's first sentence
_BYLINE_HEAD = re.compile(
    rf"""^(?:By\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,3}}(?:,?\s+Jr\.|,?\s+Sr\.)?,\s+
        (?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,4}}\s+
        (?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})
        (?:,?\s+\d{{1,2}}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s+[A-Z]{{2,4}})?)?\.?\s+(?=[A-Z“"])""",
    re.X,
)


def canonical_agency(name: str | None) -> str | None:
    if not name:
        return None
    key = " ".join(name.lower().replace(".", "").split())
    return WIRE_AGENCIES.get(key)


def title_place(word: str) -> str:
    """'MOSCOW' -> 'Moscow', 'NEW YORK' -> 'New York', 'RIO DE JANEIRO' -> 'Rio de Janeiro'."""
    if not word.isupper():
        return word.strip()
    small = {"de", "da", "do", "del", "la", "le", "el", "al", "of", "upon", "on", "am", "an", "der", "y"}
    parts = []
    for i, w in enumerate(word.split()):
        lw = w.lower()
        if i and lw in small:
            parts.append(lw)
        else:
            parts.append("-".join(p[:1].upper() + p[1:] for p in lw.split("-")).replace("'S", "'s"))
    out = " ".join(parts)
    return re.sub(r"\bSt\b\.?", "St.", out) if out.startswith("St ") or out.startswith("St.") else out


def _looks_like_name(s: str) -> bool:
    tokens = s.split()
    if not 1 <= len(tokens) <= 5:
        return False
    if _ROLE_WORDS.search(s):
        return False
    return all(
        t[:1].isupper() or t.lower() in {"de", "van", "von", "der", "da", "al", "bin", "la", "le", "el"} for t in tokens
    )


def parse_names(text: str) -> tuple[list[str], str | None]:
    """Split a byline's names: 'X and Y', 'X, Y and Z', 'X, Reuters' -> (names, agency)."""
    text = re.sub(r"\s*[|·•]\s*.*$", "", text.strip())  # "Jane Doe | BBC News" -> role after a bar
    names: list[str] = []
    agency = None
    for part in _NAME_SPLIT.split(text):
        part = part.strip(" .")
        if not part:
            continue
        part = _IN_PLACE.sub("", part)
        ag = canonical_agency(part)
        if ag:
            agency = agency or ag
            continue
        if part.lower() in DATELINE_PUBLISHERS or (part.isupper() and " " not in part):
            continue  # "By X and Y, CNN": the outlet, not a person
        if _looks_like_name(part):
            names.append(_person_case(part))
    return names, agency


def _person_case(name: str) -> str:
    """'ANNA PETRENKO' -> 'Anna Petrenko'; mixed-case names are kept as written."""
    if not name.isupper():
        return name
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in name.split())


def parse_credits(text: str) -> list[Contributor]:
    """'(Additional reporting by A and B in SEOUL; C in MOSCOW; writing by D; editing by E and F)'."""
    body = text.strip().strip("()").strip()
    contributors: list[Contributor] = []
    role = None
    for clause in re.split(
        r"\s*;\s*|\.\s+(?=(?:additional\s+)?(?:reporting|writing|editing|edited|written)\b)", body, flags=re.I
    ):
        clause = clause.strip(" .")
        if not clause:
            continue
        m = _CREDIT_ROLE_RE.match(clause)
        if m:
            role = _role_of(m.group("role"))
            names_part = m.group("names")
        elif role is not None:
            names_part = clause  # "Maxim Rodionov in MOSCOW" continues the previous role
        else:
            continue
        for name in _split_credit_names(names_part):
            contributors.append(Contributor(name=name, role=role))
    return contributors


def _split_credit_names(text: str) -> list[str]:
    names = []
    # "Joyce Lee, Josh Smith and Hyonhee Shin in SEOUL" -> the place applies to the group.
    text = re.sub(r"\s+(?:in|from)\s+[A-Z][A-Za-z.'’ -]*?(?=\s*(?:,|\band\b|$))", "", text.strip(" ,."))
    # "... in Tallinn, Estonia, and ..." : a country or region after the place belongs to it.
    text = re.sub(
        r",\s*([A-Z][A-Za-z.' -]+?)(?=\s*(?:,|\band\b|$))",
        lambda m: "" if _is_country(m.group(1)) else m.group(0),
        text,
    )
    for part in _NAME_SPLIT.split(text):
        part = part.strip(" .")
        if part and _looks_like_name(part):
            names.append(part)
    return names


def _is_country(name: str) -> bool:
    import pycountry

    try:
        pycountry.countries.lookup(name.strip())
        return True
    except LookupError:
        return False


def _role_of(word: str) -> str:
    w = word.lower()
    if "report" in w or "research" in w or "compil" in w or "fact" in w:
        return "reporting"
    if "writ" in w:
        return "writing"
    if "edit" in w or "produc" in w:
        return "editing"
    if "photo" in w or "video" in w or "graphic" in w:
        return "photo"
    return "other"


# An outlet's name in the possessive before the names it credits: "CNN’s", "Fox News’", "The Wall
# Street Journal’s" (up to four capitalised words; a plural's bare apostrophe too).
_OUTLET_POSSESSIVE = re.compile(r"^(?:The\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:['’]s|(?<=s)['’])\s+")


def parse_contributed(text: str) -> list[Contributor]:
    """'Associated Press writers A in Moscow and B in Kyiv contributed to this report.'"""
    m = _CONTRIBUTED_RE.match(text.strip())
    if not m:
        return []
    names_part = _CONTRIBUTOR_PREFIX.sub("", m.group("names").strip())
    names_part = _OUTLET_POSSESSIVE.sub("", names_part)  # "CNN’s Manu Rao and ...", "Fox News’ Jane Roe"
    return [Contributor(name=n, role="reporting") for n in _split_credit_names(names_part)]


def parse_dateline(paragraph: str, *, colon: bool = True) -> tuple[Dateline, str | None, str | None, int] | None:
    """Dateline at the head of a story paragraph -> (dateline, agency, publisher, length).

    ``colon`` admits the "BHAKKAR: ..." form (a known place in upper case and a colon); the
    cleaner turns it off where lines open with speakers' names (a transcript's "JORDAN: ...")."""
    m = DATELINE_RE.match(paragraph)
    if not m:
        return _colon_dateline(paragraph) if colon else None
    places_text = m.group("places")
    # A dateline place is short and upper-case (or a Capitalised city before "(AGENCY)").
    if places_text.isupper():
        if len(places_text) > 40:
            return None
    elif not m.group("agency"):
        return None
    if not (m.group("agency") or m.group("region") or m.group("date")):
        dash = paragraph[m.start("dl") + len(m.group("dl")) : m.end()].strip()
        if dash == "-" or len(places_text.replace("/", "").strip()) < 3:
            return None  # "US - China talks", "I - for one -": a hyphen is not a dateline dash
    agency = publisher = None
    tag = m.group("agency")
    if tag:
        agency = canonical_agency(tag)
        if agency is None:
            publisher = DATELINE_PUBLISHERS.get(tag.lower().strip())
            # an outlet the tables do not know, named in capitalised words after an upper-case
            # place: "CHICAGO (NewsNation Now) —"
            named = places_text.isupper() and bool(re.fullmatch(r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}", tag.strip()))
            if publisher is None and not tag.isupper() and not named:
                return None
            if publisher is None:
                publisher = tag.strip()
    places = [title_place(p.strip()) for p in places_text.split("/") if p.strip()]
    dl_text = m.group("dl").strip().rstrip(",")
    return Dateline(text=dl_text, places=places), agency, publisher, m.end()


# A lede tagged with its outlet and no place: "(CNN) — The ...", "(CNN)The ...", "(Reuters) -
# The ...", "PanARMENIAN.Net - The ...": the tag names the publisher or the agency and is no
# story text.
# A site's name opening the lede: "PanARMENIAN.Net - Verified video footage ...".
_SITE_TAG = re.compile(
    rf"^(?P<tag>[A-Z][\w-]*\.(?i:net|com|org|info|news|am|ru|in|ng|pk|ge|az|ua|co\.uk|com\.au))\s+{_DASH}\s+(?=\S)"
)
_OUTLET_TAG = re.compile(rf"^\((?P<tag>[A-Za-z][A-Za-z .&\-]{{1,30}})\)(?:\s*{_DASH}\s+|(?=[A-Z“\"‘']))(?=\S)")


def _outlet_tag(paragraph: str) -> tuple[str | None, str | None, int] | None:
    """ "(CNN) — The ..." -> (agency, publisher, length) where the tag is a known outlet."""
    site = _SITE_TAG.match(paragraph)
    if site:
        return None, site.group("tag"), site.end()
    m = _OUTLET_TAG.match(paragraph)
    if not m:
        return None
    tag = m.group("tag").strip()
    agency = canonical_agency(tag)
    publisher = None if agency else DATELINE_PUBLISHERS.get(tag.lower())
    if agency is None and publisher is None:
        return None
    return agency, publisher, m.end()


def _colon_dateline(paragraph: str) -> tuple[Dateline, str | None, str | None, int] | None:
    """ "BHAKKAR: ..." -> the dateline, when the upper-case words name a known place."""
    m = _COLON_DATELINE_RE.match(paragraph)
    if not m or len(m.group("places")) > 30 or not _known_place(m.group("places")):
        return None
    return Dateline(text=m.group("dl"), places=[title_place(m.group("places"))]), None, None, m.end()


def _known_place(name: str) -> bool:
    """Whether the gazetteer knows ``name`` by a place's own name or an alias (not an alternate
    name: "NOTE" is one of a province's)."""
    from .gazetteer import ALIAS, get_gazetteer

    try:
        found = get_gazetteer().lookup(title_place(name))
    except Exception:  # noqa: BLE001 - without a gazetteer an upper-case label stays text
        return False
    return any(kind <= ALIAS for _place, kind in found)


def _disclaimer(line: str) -> tuple[bool, str | None, str | None]:
    """(is_disclaimer, publisher, agency)."""
    for rx in _DISCLAIMER_RES:
        m = rx.match(line.strip())
        if m:
            gd = m.groupdict()
            pub = (gd.get("pub") or "").strip() or None
            ag = gd.get("agency")
            return True, pub, canonical_agency(ag) or (ag.strip() if ag else None)
    return False, None, None


def _copyright(line: str) -> tuple[bool, str | None]:
    s = line.strip()
    if not re.match(r"^(?:copyright|©|\(c\)\s)", s, re.I):
        return False, None
    m = _COPYRIGHT_RE.match(s)
    pub = m.group("pub").strip() if m and m.group("pub") else None
    return True, pub


def _classify_residue(line: str, headline_norm: str | None) -> str | None:
    """Kind of a header/tail line that is residue, or None if it may be story text."""
    s = line.strip()
    if headline_norm and _norm(s) == headline_norm:
        return "duplicate"
    if residue.is_banner(s):
        return "banner"
    if residue.is_ui(s):
        return "ui"
    if _RELATIVE_TIME_LINE.match(s) or _DATE_LINE.match(s):
        return "other"
    if _OUTLET_DATE_LINE.match(s):
        return "credit"
    if _disclaimer(s)[0]:
        return "disclaimer"
    if _copyright(s)[0] or _CREDIT_LINE.match(s):
        return "credit"
    if _CREDITS_LINE.match(s) or (_CONTRIBUTED_RE.match(s) and _words(s) <= 40 and parse_contributed(s)):
        return "credit"
    if _AFP_SLUG.match(s):
        return "credit"
    if _CAPTION_START.match(s):
        return "caption"
    return None


# ---------------------------------------------------------------------------------------------
# The page cleaner


# --- characters the source lost ---------------------------------------------------------------

_FFFD = "\ufffd"
_CONTRACTION = re.compile(r"(?<=[^\W\d_])\ufffd(?=(?:s|t|re|ll|d|ve|m)\b)")
_LATER_CLOSE = re.compile(r"[.,!?;:]\ufffd")
_LOST_DASH = re.compile(r"(?:[ \t]\ufffd[ \t]|(?<=\w)\ufffd{3}(?=\w))")


def restore_replacement_marks(text: str) -> str:
    """Put back what a page's U+FFFD characters most likely stood for.

    Some pages are published with their typographic characters already replaced by U+FFFD (set
    12, a syndicated story whose curly quotes, apostrophes, dashes and no-break spaces all read
    "\ufffd"): quotes are then not seen as quotes ("\ufffdWe don\ufffdt have time,\ufffd he
    added"). The character is nothing of the story, so it is read from its neighbours: a letter
    before "s", "t", "re", "ll", "d", "ve", "m" is an apostrophe, and so is one after a plural's "s"
    inside a quotation that closes later on the line; one alone between spaces, or three
    between words, a dash; one opening a word where no quotation is open an opening quote, and one
    after a word or punctuation while a quotation is open (on that line) its closing quote; one
    between two words a space; any other is dropped. Text without U+FFFD is returned unchanged."""
    if _FFFD not in text:
        return text
    text = _CONTRACTION.sub("\u2019", text)
    text = _LOST_DASH.sub(" \u2014 ", text)
    lines = []
    for line in text.split("\n"):
        out: list[str] = []
        open_quote = False
        for i, ch in enumerate(line):
            if ch in '"\u201c\u201d':
                open_quote = ch == "\u201c" or (ch == '"' and not open_quote)
                out.append(ch)
                continue
            if ch != _FFFD:
                out.append(ch)
                continue
            before = line[i - 1] if i else " "
            after = line[i + 1] if i + 1 < len(line) else " "
            if not open_quote and (before.isspace() or before in "([\u2014" + _FFFD) and after.isalnum():
                out.append("\u201c")
                open_quote = True
            elif before == "s" and after == " " and open_quote and _LATER_CLOSE.search(line, i + 1):
                out.append("\u2019")  # the engineers' report," he said
            elif open_quote and (before.isalnum() or before in ".,!?;:") and not after.isalnum():
                out.append("\u201d")
                open_quote = False
            elif (before.isalnum() or before in ".,;:!?") and (after.isalnum() or after == _FFFD):
                out.append(" ")
            # else: nothing
        lines.append(re.sub(r"(?<=\S)  +", " ", "".join(out)).rstrip())
    return "\n".join(lines)


def clean_page(text: str) -> Cleaned:
    """Clean a scraped plain-text news page."""
    text = restore_replacement_marks(text)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _split_mixed_lines(_unwrap([_Line(" ".join(ln.split())) for ln in raw_lines]))
    out = Cleaned()
    for ln in lines:
        if ln.kind == "byline":
            _byline_head(out, ln.text)

    start = _find_story_start(lines)
    headline = _find_headline(lines, start)
    headline_norm = _norm(headline[1]) if headline else None
    if headline:
        lines[headline[0]].kind = "headline"
        out.headline = headline[1]

    # ---- header: everything before the story start is residue of some kind.
    after_caption = False
    for i in range(start):
        ln = lines[i]
        if not ln.text or ln.kind:
            continue
        kind = _classify_residue(ln.text, headline_norm)
        if kind is None:
            byline = _header_byline(lines, i, start)
            if byline:
                names, agency, span = byline
                out.authors.extend(n for n in names if n not in out.authors)
                out.agency = out.agency or agency
                for j in span:
                    lines[j].kind = "byline"
                continue
        if kind is None and is_caption(ln.text):
            kind = "caption"
        if kind is None and after_caption and _words(ln.text) <= 6:
            kind = "credit"  # short credit lines after a caption ("KCNA(Reuters)")
        if kind is None and (_is_prose(ln.text) or (_is_sentence(ln.text) and _adjacent_to_story(lines, i, start))):
            # story prose above the story's start (a standfirst, a lead the page printed before
            # the dateline paragraph) is story text; a copy of a later paragraph is a duplicate
            after_caption = False
            if any(_norm(ln.text) == _norm(later.text) for later in lines[start:] if later.text):
                ln.kind = "duplicate"
            continue
        if kind is None:
            kind = "other"
        after_caption = kind in ("caption", "credit")
        ln.kind = kind

    _mark_body_and_tail(lines, start, headline_norm)
    return _assemble(lines, out, start)


def clean_body(text: str, *, headline: str | None = None) -> Cleaned:
    """Clean a story body already extracted from HTML: byline, dateline, credits, disclaimers."""
    text = restore_replacement_marks(text)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_Line(" ".join(ln.split())) for ln in raw_lines]
    out = Cleaned(headline=headline)
    headline_norm = _norm(headline) if headline else None
    # Leading lines: a repeated headline, a byline, residue; stop at the first story line.
    first = 0
    for i, ln in enumerate(lines):
        if not ln.text:
            continue
        kind = _classify_residue(ln.text, headline_norm)
        bm = _BYLINE_RE.match(ln.text)
        if kind is None and bm and _words(ln.text) <= 15:
            names, agency = parse_names(bm.group("names"))
            if names or agency:
                out.authors.extend(n for n in names if n not in out.authors)
                out.agency = out.agency or agency
                kind = "byline"
        if kind is None:
            first = i
            break
        ln.kind = kind
    else:
        first = len(lines)
    _mark_body_and_tail(lines, first, headline_norm)
    return _assemble(lines, out)


def _mark_body_and_tail(lines: list[_Line], start: int, headline_norm: str | None) -> None:
    """Everything after the story's last line is residue; inside the story only what is
    unmistakably residue (advertisement markers, teaser links, captions) is."""
    end = _find_story_end(lines, start, headline_norm)
    for ln in lines[end:]:
        if ln.text and not ln.kind:
            ln.kind = _classify_residue(ln.text, headline_norm) or "other"
    _mark_inbody_residue(lines, start, end, headline_norm)


_NAME_IN_PLACE = re.compile(
    r"^(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s+and\s+[A-Z][\w.'’-]+"
    r"(?:\s+[A-Z][\w.'’-]+){1,3})?)\s+in\s+[A-Z][\w.'’ -]+$"
)


def _header_byline(lines: list[_Line], i: int, start: int) -> tuple[list[str], str | None, list[int]] | None:
    """A byline in the header: "By X and Y", "X in Kyiv", a bare agency line ("Associated
    Press"), or a name line followed by a role line ("Anna Hollander" / "BBC News, The Hague")."""
    s = lines[i].text
    bm = _BYLINE_RE.match(s)
    if bm:
        names, agency = parse_names(bm.group("names"))
        return (names, agency, [i]) if names or agency else None
    if canonical_agency(s):
        return [], canonical_agency(s), [i]
    m = _NAME_IN_PLACE.match(s)
    if m and _words(s) <= 10:
        names, agency = parse_names(m.group("names"))
        if names:
            return names, agency, [i]
    if _looks_like_name(s) and 2 <= len(s.split()) <= 4:
        nxt = next((j for j in range(i + 1, start) if lines[j].text), None)
        if nxt is not None and _words(lines[nxt].text) <= 8 and _ROLE_WORDS.search(lines[nxt].text):
            return [_person_case(s)], None, [i, nxt]
    return None


def _is_header_residue(s: str) -> bool:
    """Lines that only occur around a story's top: date lines, captions, bylines."""
    return bool(_DATE_LINE.match(s) or _RELATIVE_TIME_LINE.match(s) or is_caption(s) or _BYLINE_RE.match(s))


def _byline_head(out: Cleaned, text: str) -> None:
    """Authors and publication of a byline head ("Cleve R. Wootson Jr., The Washington Post March
    31, 2018 2:36 pm.")."""
    m = re.match(r"^(?:By\s+)?(?P<name>.+?(?:,?\s+[JS]r\.)?),\s+(?P<pub>.+?)\s+(?:" + _MONTH + r"|\d)", text)
    if not m:
        return
    names, agency = parse_names(m.group("name"))
    names = [n + "." if re.search(r"\b[JS]r$", n) else n for n in names]
    out.authors.extend(n for n in names if n not in out.authors)
    pub = m.group("pub").strip()
    ag = canonical_agency(pub)
    if ag:
        out.agency = out.agency or ag
    elif not out.publisher:
        out.publisher = pub


def _find_story_start(lines: list[_Line]) -> int:
    """Index of the first story line: a dateline paragraph, else the line after a byline, else
    the first prose line that is not a caption."""
    limit = min(len(lines), 80)
    for i in range(limit):
        s = lines[i].text
        if s and _words(s) >= 8 and parse_dateline(s, colon=False):
            return i
    for i in range(limit):
        s = lines[i].text
        bm = _BYLINE_RE.match(s) if s else None
        if bm and _words(s) <= 15 and parse_names(bm.group("names"))[0]:
            for j in range(i + 1, len(lines)):
                t = lines[j].text
                if t and _classify_residue(t, None) is None and not _CAPTION_START.match(t) and _words(t) >= 6:
                    return j
    prose = [
        i
        for i, ln in enumerate(lines)
        if ln.text
        and not ln.kind
        and _is_prose(ln.text)
        and not is_caption(ln.text)
        and _classify_residue(ln.text, None) is None
    ]
    # A prose line followed by date lines or captions before the next prose line is a standfirst
    # (the summary under the headline), not the story's first paragraph.
    start = prose[0] if prose else 0
    for k, i in enumerate(prose[:6]):
        nxt = prose[k + 1] if k + 1 < len(prose) else None
        if nxt is not None and any(_is_header_residue(lines[j].text) for j in range(i + 1, nxt) if lines[j].text):
            continue
        start = i
        break
    # "Washington (CNN)" on a line of its own just above the first paragraph is its dateline
    prev = next((j for j in range(start - 1, -1, -1) if lines[j].text), None)
    if prev is not None and _lone_dateline(lines[prev].text):
        return prev
    return start


# A press release's dateline on a line of its own: "BAAR, SWITZERLAND" (a place the gazetteer
# knows and its country, in capitals).
_LONE_PLACE_COUNTRY = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,2}),\s+(?P<country>[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]+){0,2})$"
)


def _lone_dateline(text: str) -> tuple[Dateline, str | None, str | None, int] | None:
    """A dateline printed on a line of its own: "Washington (CNN)", "KYIV, Ukraine (AP) —",
    "BAAR, SWITZERLAND"."""
    m = _LONE_PLACE_COUNTRY.match(text.strip())
    if m and _is_country(title_place(m.group("country"))) and _known_place(m.group("place")):
        return Dateline(text=text.strip(), places=[title_place(m.group("place"))]), None, None, len(text)
    bare = text.rstrip(" -–—")
    if not re.search(r"\)$", bare) or _words(bare) > 8:
        return None
    parsed = parse_dateline(bare + " — x")
    if parsed is None or parsed[3] < len(bare):
        return None
    return parsed[0], parsed[1], parsed[2], len(text)


def _find_headline(lines: list[_Line], start: int) -> tuple[int, str] | None:
    """The first title-like line before the story: not a banner, UI, date or byline."""
    for i in range(start):
        s = lines[i].text
        if not s or lines[i].kind or _classify_residue(s, None) or _BYLINE_RE.match(s):
            continue
        if (_PHOTO_CUE.search(s) and _words(s) > 20) or is_caption(s):
            continue
        # a sentence run straight into the story (no blank line) is the lead, not a headline
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        lead = s.endswith(".") and bool(nxt) and (_is_prose(nxt) or _is_sentence(nxt))
        if (
            3 <= _words(s) <= 30
            and not s.endswith(("(", ","))
            and not lead
            and len(_sentences(s)) <= 1
            and not parse_dateline(s)
        ):
            return i, s
    return None


def _find_story_end(lines: list[_Line], start: int, headline_norm: str | None) -> int:
    """Index just after the last story line: trailing credits, disclaimers, copyright, share
    and link lists are cut off (a link list is recognised by its heading)."""
    end = len(lines)
    # A link-list heading after the story start cuts everything after it that is not prose.
    for i in range(start + 1, len(lines)):
        if lines[i].text and residue.is_list_head(lines[i].text):
            rest = [ln.text for ln in lines[i + 1 :] if ln.text]
            if not any(_is_prose(t) and _classify_residue(t, headline_norm) is None and _words(t) > 25 for t in rest):
                end = i
                break
    # Walk back over residue lines (credits, disclaimers, UI, short non-sentences).
    i = end - 1
    while i >= start:
        s = lines[i].text
        if not s:
            i -= 1
            continue
        kind = _classify_residue(s, headline_norm)
        if kind is None and not _SENT_END.search(s) and _words(s) <= 8 and not s.isupper():
            kind = "ui"
        if kind is None:
            break
        i -= 1
    return max(i + 1, start + 1) if start < len(lines) else len(lines)


# A line that ends with a photo credit is a caption, short as captions are, wherever the page
# prints it (above the story's first paragraph it would otherwise be taken for the lede).
_CAPTIONED_WORDS = 40
_STAMP_WORD = re.compile(r"(?:published|updated|posted|first\s+published|last\s+updated)\b", re.I)


def _ends_with_credit(s: str) -> bool:
    tail = s.rstrip(" .")
    return any(m.end() >= len(tail) and m.start() > 0 for m in _CREDIT_MARK.finditer(tail))


# A sub-heading inside the story: a short line standing alone between story paragraphs that
# ends no sentence and is written in capitals or title case, with no digit or full stop ("SCORES
# QUARANTINED", "The Road Ahead"; not "UPDATED: MAY 3, 2013" nor "Vincent L. Gigante"), or a
# question standing alone before its answer ("What did the prosecutors say?") in a story laid
# out as questions and answers (two such questions at least). It titles the paragraphs after it
# and says nothing itself; left in the text it becomes an event ("What was the investigation
# about?" -> ACCUSE) or an actor glued to the next sentence ("QUARANTINED"). It leaves the text
# as a "heading".
_HEADING_WORDS = 12
_QUESTION_HEADING_WORDS = 15
_QUESTION_HEADINGS = 2
_QUESTION_OPENERS = frozenset(
    "what why how who whom whose when where which is are was were can could will would should does do did "
    "has have had".split()
)
_HEADING_END = re.compile(r"[.!?:;,\-–—\"”’')\]]$")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to vs with up".split())


def _heading_shape(s: str) -> bool:
    words = s.split()
    if len(words) < 2 or not s[:1].isalnum():
        return False
    if s.endswith("?"):
        return 3 <= len(words) <= _QUESTION_HEADING_WORDS and words[0].lower() in _QUESTION_OPENERS
    if len(words) > _HEADING_WORDS or _HEADING_END.search(s) or not any(c.isalpha() for c in s):
        return False
    if any(c.isdigit() or c == "." for c in s):
        return False  # a date or time stamp ("UPDATED: MAY 3, 2013, 9:56 AM"), a score, a name's initial
    letters = [c for c in s if c.isalpha()]
    if all(c.isupper() for c in letters):
        return len(letters) >= 4
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _is_subheading(lines: list[_Line], i: int, start: int, end: int) -> bool:
    """Line ``i`` is a sub-heading: the heading's shape, story prose before it (the previous
    line ends a sentence or is blank) and a paragraph of prose after it."""
    if not _heading_shape(lines[i].text):
        return False
    before = [ln for ln in lines[start:i] if ln.text and ln.kind is None]
    if not any(_is_prose(ln.text) for ln in before):
        return False
    prev = lines[i - 1]
    if prev.text and prev.kind is None and not _SENT_END.search(prev.text):
        return False
    nxt = next((ln for ln in lines[i + 1 : end] if ln.text and ln.kind is None), None)
    return nxt is not None and _is_prose(nxt.text) and not _heading_shape(nxt.text)


# A byline inside the story, over a box of analysis by another writer: "Caroline Hawley, BBC
# diplomatic correspondent" (a name, a comma and a job title), with the box's title on the line
# above it ("One chapter over, another barely begun"), which is a heading.
_INBODY_BYLINE = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+(?P<title>[^,;:.!?]{3,60})$")


def _is_inbody_byline(s: str) -> bool:
    m = _INBODY_BYLINE.match(s)
    return m is not None and _looks_like_name(m.group("name")) and residue.is_job_title(m.group("title"))


def _mark_inbody_residue(lines: list[_Line], start: int, end: int, headline_norm: str | None) -> None:
    under_list_head = False  # the titles listed under a "Most read" heading inside the page
    # questions standing alone are headings where the story is laid out as questions and answers
    # (two or more); one alone is the writer's own question ("Where was the outrage?")
    questions = [
        i
        for i in range(start + 1, end)
        if lines[i].text.endswith("?") and not lines[i].kind and _is_subheading(lines, i, start, end)
    ]
    asks = len(questions) >= _QUESTION_HEADINGS
    for i in range(start, end):
        ln = lines[i]
        if not ln.text or ln.kind:
            continue
        s = ln.text
        if under_list_head and residue.is_link_title(s):
            ln.kind = "ui"
            continue
        under_list_head = residue.is_list_head(s)
        if under_list_head:
            ln.kind = "ui"
        elif headline_norm and _norm(s) == headline_norm:
            ln.kind = "duplicate"
        elif _CAPTION_START.match(s):
            ln.kind = "caption"
        elif residue.is_teaser(s) or residue.is_prompt(s) or (residue.is_label(s) and _words(s) <= 6):
            ln.kind = "ui"
        elif _PHOTO_CUE.search(s) and _CREDIT_LINE.match(s.split(". ")[-1].strip()):
            ln.kind = "caption"
        elif _words(s) <= _CAPTIONED_WORDS and _ends_with_credit(s):
            ln.kind = "caption"  # "Farmers protest in Bathinda, Punjab. (Credits: PTI)"
        elif _OUTLET_DATE_LINE.match(s) or (_DATE_LINE.match(s) and _STAMP_WORD.match(s)):
            ln.kind = "other"  # "india Updated: Apr 26, 2020 21:43 IST" under a standfirst
        elif _CREDIT_LINE.match(s) and _words(s) <= 8:
            ln.kind = "credit"
        elif i > start and (asks or not s.endswith("?")) and _is_subheading(lines, i, start, end):
            ln.kind = "heading"
        elif i > start and _is_inbody_byline(s):
            ln.kind = "byline"
            above = next((j for j in range(i - 1, start, -1) if lines[j].text), None)
            if above is not None and lines[above].kind is None and not _is_prose(lines[above].text):
                if _words(lines[above].text) <= _HEADING_WORDS and not _SENT_END.search(lines[above].text):
                    lines[above].kind = "heading"


def _assemble(lines: list[_Line], out: Cleaned, start: int = 0) -> Cleaned:
    """Join the story lines into paragraphs; the dateline is parsed off the story's first line
    (the first kept line at or after ``start``)."""
    paragraphs: list[str] = []
    current: list[str] = []
    first = next((i for i in range(start, len(lines)) if lines[i].text and lines[i].kind is None), None)
    dateline_done = False
    # "BHAKKAR: ..." opens a story; lines that open with upper-case names and a colon again and
    # again are a transcript's speakers ("JORDAN: ...", "MARTIN: ...").
    colon = sum(1 for ln in lines if ln.text and _COLON_DATELINE_RE.match(ln.text)) <= 1

    def flush() -> None:
        if current:
            paragraphs.append(_join_block(current))
            current.clear()

    for i, ln in enumerate(lines):
        if ln.kind is not None:
            if ln.kind != "headline" and ln.text:
                _record(out, ln)
            flush()
            continue
        if not ln.text:
            flush()
            continue
        text = ln.text
        if not dateline_done and i == first:
            dateline_done = True
            flush()
            parsed = parse_dateline(text, colon=colon) or _lone_dateline(text)
            tag = None if parsed else _outlet_tag(text)
            if parsed:
                dl, agency, publisher, length = parsed
                out.dateline = dl
                out.agency = out.agency or agency
                out.publisher = out.publisher or publisher
                out.removed.append(Removed(kind="dateline", text=text[:length].rstrip()))
                text = text[length:]
                if not text.strip():
                    continue
            elif tag:
                agency, publisher, length = tag
                out.agency = out.agency or agency
                out.publisher = out.publisher or publisher
                out.removed.append(Removed(kind="dateline", text=text[:length].rstrip()))
                text = text[length:]
        current.append(text)
    flush()
    out.text = "\n\n".join(_drop_repeated_lead(paragraphs, out))
    return out


# A standfirst the page prints above the story and the story's lede that opens with the same
# sentence: "The council will close the harbour road." / "The council will close the harbour
# road. Work starts in May ..." A sentence of _LEAD_MIN_WORDS words or more that one of the first
# _LEAD_PARAGRAPHS paragraphs said is dropped where one of the next _LEAD_REACH paragraphs says it
# again word for word (case and punctuation aside); a paraphrase, or a sentence that says more,
# stays. A paragraph left without a sentence goes whole (a caption or a paragraph printed twice).
_LEAD_PARAGRAPHS = 4
_LEAD_REACH = 3
_LEAD_MIN_WORDS = 8


def _drop_repeated_lead(paragraphs: list[str], out: Cleaned) -> list[str]:
    said: dict[str, int] = {}  # a sentence, normalised -> the paragraph that said it first
    result: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i >= _LEAD_PARAGRAPHS + _LEAD_REACH:
            result.append(paragraph)
            continue
        kept: list[str] = []
        dropped: list[str] = []
        for a, b in _sentences(paragraph):
            sentence = paragraph[a:b]
            key = _norm(sentence)
            long_enough = _words(sentence) >= _LEAD_MIN_WORDS
            if long_enough and key in said and 0 < i - said[key] <= _LEAD_REACH:
                dropped.append(sentence.strip())
                continue
            kept.append(sentence)
            if long_enough and i < _LEAD_PARAGRAPHS:
                said.setdefault(key, i)
        rest = "".join(kept).strip()
        if not dropped:
            result.append(paragraph)
        elif not rest:
            out.removed.append(Removed(kind="duplicate", text=paragraph))
        else:
            out.removed.extend(Removed(kind="duplicate", text=d) for d in dropped)
            result.append(rest)
    return result


def _join_block(block: list[str]) -> str:
    """A block of consecutive lines: hard-wrapped prose is joined, one-line paragraphs kept."""
    if len(block) == 1:
        return block[0]
    wrapped = sum(1 for ln in block[:-1] if not _SENT_END.search(ln)) >= (len(block) - 1) / 2
    return " ".join(block) if wrapped else "\n\n".join(block)


def _record(out: Cleaned, ln: _Line) -> None:
    kind = ln.kind or "other"
    s = ln.text
    if kind == "disclaimer":
        _, pub, agency = _disclaimer(s)
        if pub and not out.publisher and not canonical_agency(pub):
            out.publisher = pub
        out.agency = out.agency or agency
    elif kind == "credit":
        is_copy, pub = _copyright(s)
        if is_copy and pub:
            ag = canonical_agency(pub)
            if ag:
                out.agency = out.agency or ag
            elif not out.publisher:
                out.publisher = pub
        contributors = parse_credits(s) if _CREDITS_LINE.match(s) else parse_contributed(s)
        for c in contributors:
            if all(c.name != o.name for o in out.contributors):
                out.contributors.append(c)
    out.removed.append(Removed(kind=_contract_kind(kind), text=s))


def _contract_kind(kind: str) -> str:
    return (
        kind
        if kind
        in {"banner", "caption", "credit", "disclaimer", "ui", "duplicate", "byline", "dateline", "headline", "heading"}
        else "other"
    )
