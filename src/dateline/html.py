"""HTML pages: the article body and its metadata, via trafilatura (body, headline, authors,
site name) and htmldate (publication date).

``extract_html(html)`` returns a :class:`Page`; the pipeline then runs the same byline, dateline
and credits parsing on ``Page.text`` as on a scraped text page (``dateline.clean.clean_body``).

Extraction settings were chosen on the scrapinghub article-extraction benchmark (see
``benchmarks/eval_extraction.py`` and ``docs/evaluation.md``): trafilatura with
``favor_precision=True`` and no comments, a fall-back to its default settings when the precise
pass keeps almost nothing, and a line filter for the news-site residue trafilatura lets through
(the headline repeated as the first line, "Read more: ..." teasers, newsletter and follow-us
prompts, related-link lists). Whatever the filter drops is kept in ``Page.removed``. The residue
patterns are data (``data/residue.toml``, read by ``dateline.residue``), the same table the text
cleaner uses.

Both libraries are wrapped: an exception from them, or a page without article text, becomes
``InputRejected("no-article", ...)``; hostile or garbage HTML never escapes as a traceback.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from typing import TYPE_CHECKING, Any

from . import notarticle, residue
from .article import Removed
from .errors import InputRejected

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["Page", "extract_html", "EXTRACTION_SETTINGS"]

# trafilatura settings for the main pass (measured on the scrapinghub benchmark; see the module doc).
EXTRACTION_SETTINGS = dict(favor_precision=True, include_comments=False, include_tables=True)
# Markup that is never the story: a <template> is not rendered by browsers, and a hover card (a
# person's or a term's related links, shown on hovering a name in the story) sits inside the
# sentence it interrupts: "threatened to kill Rep. Ilhan Omar[Hillicon Valley: Progressives oppose
# ... MORE] (D-Minn.)" (scrapinghub body P 0.972 -> 0.974, exact pages 0.475 -> 0.481). Only the
# card's body is pruned (class words of the card itself, whole words): the element that carries a
# tooltip or a card wraps words of the story ("Her <span class=tooltip>party</span> said").
# Elements hidden by style or attribute stay: "read more" expanders hide the story's own text
# (pruning them cost trafilatura-eval's snippet recall 0.937 -> 0.931).
_HOVER_CARD = " or ".join(
    f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')"
    for c in (
        "rollover-block",
        "rollover-people-block",
        "hovercard",
        "hover-card",
        "tooltiptext",
        "tooltip-text",
        "tooltip-content",
        "popover-content",
        "popover-body",
    )
)
# Teaser cards: a block holding several sibling cards, each a heading that is wholly a link to
# another page plus a line or two of teaser ("<h5><a href=...>Equity indices end at record
# highs</a></h5><p>Mumbai [India], Jan 13 (ANI): Equity benchmark indices hit ...</p>"). The
# extractor drops the linked heading but keeps the teaser paragraph, which then reads as story
# text (set 11, a sidebar of eight teasers on the asiapacificstar page). A card is short (under
# _CARD_CHARS characters) and its heading's text is its link's text; three sibling cards make a
# list. The page's own <h1>, often a link to itself on blogs, is not a card heading, and a
# story's section headings are not links. On trafilatura-eval the rule removes sidebar teasers
# ("Kaieteur News - The Petroleum Commission is far more important ... more"); on one short
# blog post (boingboing) the extractor then also drops the story's closing link line: snippet
# P 0.928 -> 0.929, R 0.937 -> 0.935, F1 0.9323 -> 0.9322.
_CARD_CHARS = 600
_LINKED_HEADING = (
    ".//*[(self::h2 or self::h3 or self::h4 or self::h5 or self::h6)"
    " and a[@href and not(starts-with(@href, '#'))]"
    " and normalize-space(.) != '' and normalize-space(.) = normalize-space(a)]"
)
_CARD = f"*[{_LINKED_HEADING} and string-length(normalize-space(.)) < {_CARD_CHARS}]"
_CARDS = f"//*[count({_CARD}) >= 3]/{_CARD}"
_PRUNE = ["//template", f"//p//*[not(self::a) and ({_HOVER_CARD})]", _CARDS]
# A WordPress attachment page is the page of one uploaded file (an image's own page: its title,
# the image, and the site's sidebars around it); WordPress names it in the <body>'s class
# ("single-attachment attachmentid-244803"). It is no article whatever text the sidebars give
# (set 12, a bizwest photo's page whose text was the byline and a list of video links). None of
# the 1,413 pages of scrapinghub, trafilatura-eval and htmldate-eval carries the class but that one.
_ATTACHMENT_BODY = re.compile(
    r"<body\b[^>]*\bclass\s*=\s*[\"']?[^\"'>]*\b(?:single-attachment|attachmentid-\d+)\b", re.IGNORECASE
)
# A page is an article when its body holds prose: at least this many words, and one paragraph of
# at least _PROSE_LINE words (an index, a login form or a gallery is a list of short labels).
_MIN_WORDS = 25
_PROSE_LINE = 10
# When the precise pass keeps fewer characters than this and the default pass finds several
# times more, the precise pass has thrown the article away (it happens on paywall-style pages).
_SHORT_BODY = 500
_FALLBACK_RATIO = 3
# A line of at least _REPEATED_WORDS words printed _REPEATED times or more in a row is furniture.
_REPEATED = 3
_REPEATED_WORDS = 4
# A link's text printed as a line of its own in mid-sentence has at most this many words.
_LINK_WORDS = 5


@dataclass
class Page:
    """What an HTML page yields before text cleaning."""

    text: str
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    removed: list[Removed] = field(default_factory=list)
    url: str | None = None
    agency: str | None = None


def extract_html(html: str, *, url: str | None = None, origin: str | None = None, postprocess: bool = True) -> Page:
    """Extract the article of an HTML page.

    ``url`` helps metadata extraction (site name, date in the URL); ``origin`` names the input in
    error messages. ``postprocess=False`` returns trafilatura's body without our line filter
    (used by the evaluation to measure what the filter adds).

    Raises ``InputRejected("no-article")`` when the page holds no article text (a login page, an
    index, an empty or unparseable document).
    """
    if not isinstance(html, str):
        raise InputRejected(
            "no-article", "HTML must be given as str; decode bytes first (dateline.read.decode_bytes)", source=origin
        )
    html = _sanitize(html)
    if not re.search(r"<\s*[a-zA-Z!]", html):
        raise InputRejected(
            "no-article", "the input has no HTML markup; give it as text instead of html", source=origin
        )

    if _ATTACHMENT_BODY.search(html):
        raise InputRejected(
            "no-article",
            "the HTML page is a WordPress attachment page (the page of one uploaded image or file), not an article",
            source=origin,
        )
    tree = _load(html)
    prepared, pruned = _prepared(tree)
    source: str | HtmlElement = html if prepared is None else prepared
    doc = _trafilatura(source, url, origin, **EXTRACTION_SETTINGS)
    body = (doc.text or "") if doc is not None else ""
    if len(body) < _SHORT_BODY:
        other = _trafilatura(source, url, origin, include_comments=False, include_tables=True)
        other_body = (other.text or "") if other is not None else ""
        if len(other_body) >= max(_FALLBACK_RATIO * len(body), 1):
            body = other_body
            if doc is None:
                doc = other
    if doc is None or not body.strip():
        if _too_deep(html):
            raise InputRejected(
                "unprocessable",
                "the HTML page is nested too deeply to be parsed (over 255 levels of elements)",
                source=origin,
            )
        raise InputRejected(
            "no-article",
            "no article text was found in the HTML page (is it an index, a login or an error page?)",
            source=origin,
        )

    publisher = _clean_field(doc.sitename)
    headline = _headline(tree, _clean_field(doc.title), publisher, url)
    shell = _shell(tree, headline)
    if shell:
        raise InputRejected("no-article", shell, source=origin)
    removed: list[Removed] = _cards(tree) + pruned if postprocess else []
    authors, agency = byline(doc.author, publisher)
    text = (
        _paragraphs(body, headline, removed, names=[publisher or ""] + authors, links=_link_texts(tree))
        if postprocess
        else _join(body.split("\n"))
    )
    if postprocess:
        text = _with_lead(tree, text, _clean_field(getattr(doc, "description", None)))
        if notarticle.is_filler(text):
            raise InputRejected("no-article", notarticle.filler_reason("HTML page's text"), source=origin)
    if not _is_prose(text):
        raise InputRejected(
            "no-article",
            "the HTML page holds no article text, only short labels or links "
            "(is it an index, a login or an error page?)",
            source=origin,
        )
    return Page(
        text=text,
        headline=headline,
        authors=authors,
        date=_find_date(html, url) or _valid_date(doc.date),
        publisher=publisher,
        removed=removed,
        url=url,
        agency=agency,
    )


# --- the libraries, wrapped ------------------------------------------------------------------


def _sanitize(html: str) -> str:
    # NUL and other C0 controls break lxml ("All strings must be XML compatible"); a BOM or a
    # surrogate left by a lossy decode breaks encoding to UTF-8.
    html = html.encode("utf-8", "replace").decode("utf-8")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff]", "", html)


def _too_deep(html: str) -> bool:
    """Whether libxml2 stopped parsing the page at its depth limit (then whatever it found is a
    fragment, and "no article" would be a wrong answer)."""
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except Exception:  # noqa: BLE001 - only the error log matters here
        pass
    return any("Excessive depth" in e.message for e in parser.error_log)


def _trafilatura(html: str | HtmlElement, url: str | None, origin: str | None, **settings: Any) -> Any:
    try:
        import logging

        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, prune_xpath=_PRUNE, **settings)
    except RecursionError:
        raise InputRejected("unprocessable", "the HTML page is nested too deeply to be parsed", source=origin) from None
    except Exception as exc:  # noqa: BLE001 - a third-party failure on hostile input is a rejection
        raise InputRejected(
            "no-article", f"the HTML page could not be parsed ({type(exc).__name__}: {str(exc)[:200]})", source=origin
        ) from None


def _find_date(html: str, url: str | None) -> str | None:
    try:
        import logging

        import htmldate

        logging.getLogger("htmldate").setLevel(logging.CRITICAL)
        found = htmldate.find_date(html, original_date=True, url=url, extensive_search=True)
    except Exception:  # noqa: BLE001 - no date is an acceptable answer; a crash is not
        return None
    return _valid_date(found)


def _valid_date(value: object) -> str | None:
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = _date.fromisoformat(value[:10])
    except ValueError:
        return None
    if parsed.year < 1900 or parsed > _date.today().replace(year=_date.today().year + 1):
        return None
    return parsed.isoformat()


def _clean_field(value: object) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


# A byline in the page's metadata, one part at a time (trafilatura splits it at ";" and we at "|"):
# the words that introduce it ("View all posts by"), a credential after the name ("PhD"), the
# date printed beside the name ("Malcolm Owen | Monday, November 18" gives "Malcolm Owen Monday"
# and "November"), a wire agency named alone ("Reuters") or after the name ("ERIC TUCKER
# Associated Press"), and parts that name no person ("Admin", "Condé Nast", the publication
# itself, or an outlet's upper-case initials beside a name: "Rob Picheta; CNN").
_BYLINE_LEAD = re.compile(
    r"^(?:by|written\s+by|posted\s+by|words\s+by|reporting\s+by|(?:view|see)\s+all\s+(?:posts|articles|stories)\s+by"
    r"|more\s+(?:posts|articles|stories)\s+by|author)\s*:?\s+",
    re.IGNORECASE,
)
_CREDENTIAL = r"(?:Ph\.?\s?D|M\.?D|MPH|MSc|MBA|RN|DPhil)\.?"
_CREDENTIAL_TAIL = re.compile(rf",?\s+{_CREDENTIAL}$")


def _date_words() -> re.Pattern[str]:
    from .timex import MONTHS, WEEKDAYS

    words = sorted({w for w in [*MONTHS, *WEEKDAYS] if len(w) >= 3}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\.?", re.IGNORECASE)


def _is_date_word(token: str, date_words: re.Pattern[str]) -> bool:
    return bool(date_words.fullmatch(token.strip(",")))


def _without_date(part: str, date_words: re.Pattern[str], dated: bool) -> str:
    """The name before a date printed beside it: "Jane Doe November 18, 2019" -> "Jane Doe"; a
    part that is only a date -> "". A weekday or a month that ends a name ("Tom Sunday", "Mark
    May") is a surname unless the byline holds a date elsewhere (``dated``): "Malcolm Owen
    Monday; November" (a byline "Malcolm Owen | Monday, November 18" cut at its comma)."""
    from .timex import WEEKDAYS

    tokens = part.split()
    for i, token in enumerate(tokens):
        if re.fullmatch(r"\d[\d:/.,-]*(?:am|pm)?", token, re.IGNORECASE):
            return " ".join(tokens[:i]).rstrip(" ,")
        if not _is_date_word(token, date_words):
            continue
        following = tokens[i + 1 : i + 2]
        if (
            i == 0
            or token.endswith(",")
            or (following and following[0][:1].isdigit())
            or (dated and token.strip(",.").casefold() in WEEKDAYS)
        ):
            if i == 0 and not all(_is_date_word(t, date_words) or t[:1].isdigit() for t in tokens):
                continue  # "April Roach": a name that starts with a month's name
            return " ".join(tokens[:i]).rstrip(" ,")
    return part


def _trailing_agency(part: str) -> tuple[str, str | None]:
    """ "ERIC TUCKER Associated Press" -> ("ERIC TUCKER", "Associated Press")."""
    from .cleaner import WIRE_AGENCIES

    tokens = part.split()
    for n in (3, 2, 1):
        if len(tokens) <= n:
            continue
        tail = " ".join(tokens[-n:])
        agency = WIRE_AGENCIES.get(" ".join(tail.casefold().replace(".", "").split()))
        # a short agency ("AP", "PA") only as written in capitals after a name
        if agency and (len(tail) > 3 or tail.isupper()):
            return " ".join(tokens[:-n]), agency
    return part, None


def byline(value: object, publisher: str | None = None) -> tuple[list[str], str | None]:
    """The authors and the wire agency of a byline given in a page's metadata."""
    if not value or not isinstance(value, str):
        return [], None
    from .cleaner import canonical_agency

    date_words = _date_words()
    out: list[str] = []
    agency = None
    dropped_outlet = False
    parts = [re.sub(r"\s+", " ", part).strip(" ,") for part in re.split(r"\s*;\s*|\s*\|\s*", value)]
    dated = any(part and all(_is_date_word(t, date_words) or t[:1].isdigit() for t in part.split()) for part in parts)
    for part in parts:
        part = _BYLINE_LEAD.sub("", part)
        part = _CREDENTIAL_TAIL.sub("", part).strip(" ,")
        part = _without_date(part, date_words, dated)
        if not part or len(part) > 80 or part.endswith(":") or re.fullmatch(_CREDENTIAL, part):
            continue
        found = canonical_agency(part)
        if found is None:
            part, found = _trailing_agency(part)
        if found:
            agency = agency or found
            if not part:
                continue
            if canonical_agency(part):
                continue
        if residue.is_non_name(part) or (publisher and _norm(part) == _norm(publisher)):
            continue
        if part.isupper() and " " not in part and len(part) <= 5:
            dropped_outlet = True  # "CNN" beside a name; alone it is all the page says
            out_outlet = part
            continue
        if part.casefold() not in {a.casefold() for a in out}:
            out.append(part)
    if not out and dropped_outlet:
        out = [out_outlet]
    # "By STEVE PEOPLES, AP National Political Writer": the title beside a name is no author
    people = [part for part in out if not residue.is_job_title(part)]
    # an upper-case byline name is written as a name ("STEVE PEOPLES" -> "Steve Peoples")
    return ([_name_case(part) for part in people] if people else out), agency


def _authors(value: object) -> list[str]:
    return byline(value)[0]


def _name_case(name: str) -> str:
    if not name.isupper() or len(name.split()) < 2:
        return name
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in name.split())


# --- the page's tree, and pages that are shells --------------------------------------------


def _load(html: str) -> HtmlElement | None:
    """The page parsed once for our own reading (headline, cards, lead, shells); the extractor
    parses its own copy, which it prunes."""
    try:
        import trafilatura

        return trafilatura.load_html(html)
    except Exception:  # noqa: BLE001 - a page we cannot parse is read by the extractor alone
        return None


# A story printed in chunks: Condé Nast sites (Wired, the New Yorker, Vogue) cut the body into
# several containers of one class ("body body__container article__body"), with an advertising row
# and a sidebar between them. The extractor takes the first element that its content patterns
# match, so it kept the first chunk only (set 17, a Wired feature that lost its last 11
# paragraphs, 63% of its text). The chunks after it are joined to it: elements of the same tag
# and the very same class as that first match, nested neither in it nor in each other, in the
# same <article> (a page that scrolls on to the next story prints it in another <article>).


#
# A list of links under a heading that announces them ("More Great WIRED Stories", "Related
# stories") is pruned with its heading: the extractor drops such a heading (a <div> styled as one)
# and keeps the list, whose items then read as story lines, a heading no longer above them.
_LIST_HEAD_WORDS = 8


def _prepared(tree: HtmlElement | None) -> tuple[HtmlElement | None, list[Removed]]:
    """A copy of the page for the extractor, with the chunks of a chunked story joined and the
    lists of links under a list heading pruned (these listed as removed); None when neither is
    found (then the page goes to the extractor as it is)."""
    if tree is None:
        return None, []
    try:
        from copy import deepcopy

        chunks = _chunks(tree)
        lists = _link_lists(tree)
        if not chunks and not lists:
            return None, []
        page = deepcopy(tree)
        # the same elements in the copy, by their place in the tree
        path = tree.getroottree().getpath
        find = page.getroottree().xpath
        removed = []
        for head, items in lists:
            removed.append(Removed(kind="ui", text=_text_of(head)))
            removed += [Removed(kind="ui", text=_text_of(li)) for li in items.iter("li")]
            for node in (find(path(head))[0], find(path(items))[0]):
                node.drop_tree()
        if chunks:
            into = find(path(chunks[0]))[0]
            for chunk in [find(path(c))[0] for c in chunks[1:]]:
                if chunk.text and chunk.text.strip():
                    into.append(_paragraph(chunk.text))
                    chunk.text = None
                for child in list(chunk):
                    into.append(child)
        return page, removed
    except Exception:  # noqa: BLE001 - the page then goes to the extractor as it is
        return None, []


def _chunks(tree: HtmlElement) -> list[HtmlElement]:
    """The chunks of a chunked story, the first first; [] when the story is in one piece."""
    from trafilatura.xpaths import BODY_XPATH

    first = next((e for e in BODY_XPATH[0](tree) if isinstance(e.tag, str)), None)
    if first is None or not (first.get("class") or "").strip():
        return []
    later = [
        e
        for e in tree.iter(first.tag)
        if e is not first and e.get("class") == first.get("class") and _same_story(first, e)
    ]
    return [first, *later] if later else []


def _text_of(node: HtmlElement) -> str:
    return " ".join("".join(node.xpath(".//text()[not(ancestor::script or ancestor::style)]")).split())


def _link_lists(tree: HtmlElement) -> list[tuple[HtmlElement, HtmlElement]]:
    """Lists of links under a heading that announces links: (the heading, the list)."""
    found = []
    for items in tree.iter("ul", "ol"):
        head = items.getprevious()
        while head is not None and (not isinstance(head.tag, str) or head.tag == "hr"):
            head = head.getprevious()
        if head is None or head.tag in ("ul", "ol", "p", "li"):
            continue
        title = _text_of(head)
        if not title or len(title.split()) > _LIST_HEAD_WORDS or not residue.is_list_head(title):
            continue
        entries = [li for li in items.iter("li")]
        if entries and all(li.xpath(".//a[@href]") for li in entries):
            found.append((head, items))
    return found


def _same_story(first: HtmlElement, other: HtmlElement) -> bool:
    """Whether ``other`` is a later chunk of the story whose first chunk is ``first``: after it,
    nested in neither it nor another chunk, under the same <article> (or none)."""
    if any(a is first for a in other.iterancestors()) or any(a is other for a in first.iterancestors()):
        return False
    if any(a.get("class") == first.get("class") and a.tag == first.tag for a in other.iterancestors()):
        return False

    def article(e: HtmlElement) -> HtmlElement | None:
        return next((a for a in e.iterancestors() if a.tag == "article"), None)

    return article(first) is article(other)


def _paragraph(text: str) -> HtmlElement:
    from lxml.html import Element

    p = Element("p")
    p.text = text
    return p


# A page whose story is loaded by a script after the page: its headline is a placeholder
# ("Loading...", "Please wait", "Just a moment...") and what the HTML holds is the site's
# furniture around it (a JSTOR article view read "Loading" with a paragraph about topics as its
# text). A browser check page shows the same placeholder.
_PLACEHOLDER = re.compile(
    r"(?:loading|please\s+wait|just\s+a\s+moment|one\s+moment(?:\s+please)?|fetching|checking\s+your\s+browser)"
    r"[\s.…!]*",
    re.IGNORECASE,
)
# A wiki's comparison of two revisions of a page (MediaWiki prints it as a <table class="diff">
# of marker, line-number and changed-line cells): an edit, not an article, whatever page text
# follows it (set 13, a wiki diff whose profile list became the text).
_REVISION_DIFF = (
    "//table[contains(concat(' ', normalize-space(@class), ' '), ' diff ')]"
    "[.//td[contains(concat(' ', normalize-space(@class), ' '), ' diff-marker ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' diff-lineno ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' diff-addedline ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' diff-deletedline ')]]"
)


def _shell(tree: HtmlElement | None, headline: str | None) -> str | None:
    """Why the page is a shell around no article (a script's placeholder, a revision diff), or None."""
    if headline and _PLACEHOLDER.fullmatch(headline):
        return _placeholder_reason(headline)
    if tree is None:
        return None
    try:
        if tree.xpath(_REVISION_DIFF):
            return "the HTML page is a comparison of two revisions of a wiki page (a diff), not an article"
        heads = [_clean_field(" ".join(h.itertext())) or "" for h in tree.iter("h1")]
    except Exception:  # noqa: BLE001 - a page we cannot read this way is judged by its text
        return None
    heads = [h for h in heads if h]
    if heads and all(_PLACEHOLDER.fullmatch(h) for h in heads):
        return _placeholder_reason(heads[0])
    return None


def _placeholder_reason(head: str) -> str:
    return (
        f"the HTML page's headline is a placeholder ({head!r}): its article is loaded by a script after"
        " the page, and the HTML holds only the site's furniture; save the page once it is shown"
    )


# --- the headline ------------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|--|–|—|::|»|·|l)(?:\s+|$)")


def _tokens(text: str | None) -> list[str]:
    return _norm(text or "").split()


def _is_masthead(h1: HtmlElement) -> bool:
    """An <h1> that is the site's logo: inside <header>/<nav>, or a link to the home page."""
    for link in h1.iter("a"):
        href = (link.get("href") or "").strip()
        if re.fullmatch(r"(?:https?://[^/]+)?/?(?:index\.\w+)?", href):
            return True
    ancestors: list = []
    node = h1.getparent()
    while node is not None and len(ancestors) < 40:
        ancestors.append(node)
        node = node.getparent()
    if any(a.tag in ("article", "main") for a in ancestors):
        return False
    for a in ancestors[:12]:
        if a.tag in ("nav", "footer") or (a.get("role") or "") in ("banner", "navigation"):
            return True
        if a.tag == "header" and not re.search(
            r"entry|post|article|title|content|story|head(?:line|er__)",
            f"{a.get('class') or ''} {a.get('id') or ''}",
            re.I,
        ):
            return True
    return False


def _headline(tree: HtmlElement | None, meta_title: str | None, publisher: str | None, url: str | None) -> str | None:
    """The page's headline: its <h1> when the page's titles confirm it, else the title without the
    site name.

    A page's <title> and og:title often carry the site name ("Story - Site") or an SEO variant of
    the headline, while the visible headline is the <h1> (pages also use <h1> for logos and
    teasers, hence the confirmation).
    """
    titles: list[str] = [meta_title] if meta_title else []
    h1s: list[str] = []
    if tree is not None:
        try:
            for xpath in (
                '//meta[@property="og:title"]/@content',
                '//meta[@name="twitter:title"]/@content',
                '//meta[@name="title"]/@content',
                "//head/title//text()",
            ):
                titles += [t for t in (_clean_field(str(x)) for x in tree.xpath(xpath)[:2]) if t]
            for h in tree.iter("h1"):
                if _is_masthead(h):
                    continue
                h1s.append(_clean_field(" ".join(h.itertext())) or "")
                if len(h1s) >= 10:
                    break
        except Exception:  # noqa: BLE001
            pass
    titles = [t for t in titles if t]
    site = {_norm(publisher or "")}
    if url:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0]
        site |= {_norm(host), _norm(host.rsplit(".", 1)[0])}
    site.discard("")

    squeezed_site = {x.replace(" ", "") for x in site}

    def is_site(part: str) -> bool:
        n = _norm(part)
        return bool(n) and (n in site or any(s in n.replace(" ", "") and len(n) <= len(s) + 6 for s in squeezed_site))

    def strip_site(title: str) -> str:
        """Drop the site name from either end of a title ("Story - Site", "Site | Story")."""
        for _ in range(2):
            seps = list(_TITLE_SEPARATORS.finditer(title))
            if not seps:
                break
            if is_site(title[seps[-1].end() :]) or not title[seps[-1].end() :].strip():
                title = title[: seps[-1].start()]
            elif is_site(title[: seps[0].start()]):
                title = title[seps[0].end() :]
            else:
                break
        return title.strip(" |-–—")

    stripped = [strip_site(t) for t in titles]
    title_tokens = set()
    for t in stripped:
        title_tokens |= set(_tokens(t))
    best, best_score = None, 0.0
    for h in h1s:
        toks = _tokens(h)
        if not toks or len(h) > 300 or _norm(h) in site:
            continue
        candidates = [h] + [p.strip() for p in re.split(r"\s+\|\s+", h) if p.strip()][1:]
        for cand in candidates:
            ctoks = _tokens(cand)
            if not ctoks:
                continue
            score = sum(t in title_tokens for t in ctoks) / len(ctoks)
            if any(_norm(cand) == _norm(t) for t in stripped):
                score += 1
            elif any(_norm(cand) == _norm(p) for t in titles for p in _TITLE_SEPARATORS.split(t)):
                score += 0.5
            score += 0.001 * min(len(ctoks), 50)  # a tie goes to the fuller headline
            if score > best_score:
                best, best_score = cand, score
    if best is not None and best_score >= 0.5:
        # An <h1> that also holds a kicker or a standfirst: the title is the headline part of it.
        inside = [
            t
            for t in stripped
            if _norm(t)
            and _norm(t) != _norm(best)
            and f" {_norm(t)} " in f" {_norm(best)} "
            and len(_tokens(t)) >= 0.5 * len(_tokens(best))
            and len(_tokens(t)) >= 3
            and len(_tokens(best)) - len(_tokens(t)) >= 2
        ]
        if inside:
            return max(inside, key=len)
        if best.count("(") > best.count(")") or best.endswith(("…", "...")):
            longer = [t for t in stripped if _norm(t).startswith(_norm(best)) and len(t) > len(best)]
            if longer:
                return longer[0]
        return best
    # No <h1> confirmed by the titles: a lone substantial <h1> is still the visible headline (logos
    # and section names are short), else the title without the site name.
    substantial = [h for h in h1s if len(_tokens(h)) >= 4 and len(h) <= 300 and not is_site(h)]
    if len(substantial) == 1:
        return substantial[0]
    if stripped:
        return stripped[0]
    return substantial[0] if substantial else None


def _cards(tree: HtmlElement | None) -> list[Removed]:
    """The teaser cards the extractor was told to prune (``_PRUNE``), listed as removed: what the
    page printed and the record leaves out is said in ``removed``, whatever removed it."""
    if tree is None:
        return []
    try:
        found = tree.xpath(_CARDS)
    except Exception:  # noqa: BLE001 - the listing is a report; a page it cannot read lists nothing
        return []
    out = []
    for card in found:
        if not isinstance(card.tag, str):
            continue
        text = " ".join(" ".join(card.xpath(".//text()[not(ancestor::script or ancestor::style)]")).split())
        if text:
            out.append(Removed(kind="ui", text=text))
    return out


# --- the line filter -------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


# Scripts written without spaces between words: two characters count as a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]")


def _words(line: str) -> int:
    return sum(max(1, len(_UNSPACED.findall(token)) // 2) for token in line.split())


def _is_prose(text: str) -> bool:
    counts = [_words(line) for line in text.split("\n") if line.strip()]
    return sum(counts) >= _MIN_WORDS and any(n >= _PROSE_LINE for n in counts)


def _byline_rest(line: str, names: list[str]) -> bool:
    """The second line of a byline block: "North Vale News, York", "Helen Marsh, Political Editor"."""
    words = line.split()
    if len(words) > 8 or line.endswith((".", "!", "?", '"', "”")):
        return False
    norm = f" {_norm(line)} "
    return any(n and f" {_norm(n)} " in norm for n in names)


def _runs(lines: list[str]) -> set[int]:
    """The indices of lines in runs of at least _REPEATED identical lines of _REPEATED_WORDS words;
    a line without a letter or digit (the "-" of an empty list item) does not break a run."""
    found: set[int] = set()
    worded = [i for i, line in enumerate(lines) if any(c.isalnum() for c in line)]
    start = 0
    for k in range(1, len(worded) + 1):
        if k < len(worded) and _norm(lines[worded[k]]) == _norm(lines[worded[start]]):
            continue
        if k - start >= _REPEATED and _words(lines[worded[start]]) >= _REPEATED_WORDS:
            found.update(worded[start:k])
        start = k
    return found


_ADDRESS = re.compile(r"[^\W_]\.[^\W\d_]{2,}|/")
_CONTINUES = re.compile(r"^(?:[a-z]|[.,;:)](?:\s|$))")


def _rejoin(lines: list[str]) -> list[str]:
    """Lines that are one sentence cut at an inline link: "who had tested positive for" /
    "Covid-19" / "died on Monday, ..." (set 12, a page whose story is text in a <div> with its
    links inline: the extractor printed each link as a paragraph of its own). A line of at most
    _LINK_WORDS words between a line of prose that stops mid-sentence (on a lower-case word) and a
    line that goes on in lower case (three words or more) or with punctuation is put back into its
    sentence. Tag lists ("Tags: sad" / "arrombamento" / "veiculo"), a "Comments" / "comments"
    widget and web addresses stay lines of their own."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            out
            and i + 1 < len(lines)
            and _words(line) <= _LINK_WORDS
            and not _ADDRESS.search(line)
            and not re.search(r"[.!?:\"”]$", line)
            and _words(out[-1]) >= _PROSE_LINE // 2
            and re.search(r"(?:^|\s)[^\W\d_A-Z]\w*$", out[-1])
            and not out[-1].startswith(("- ", "• ", "* "))
            and _CONTINUES.match(lines[i + 1])
            and (_words(lines[i + 1]) >= 3 or lines[i + 1][0] in ".,;:)")
            and not _ADDRESS.search(lines[i + 1].split()[0])
        ):
            after = lines[i + 1]
            out[-1] = f"{out[-1]} {line}{'' if after[0] in '.,;:)' else ' '}{after}"
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _link_texts(tree: HtmlElement | None) -> frozenset[str]:
    """The normalised texts of the page's links and of the elements inside them (a card's link
    holds its rank, its headline and an icon in elements of their own)."""
    if tree is None:
        return frozenset()
    out: set[str] = set()
    try:
        for a in tree.iter("a"):
            if a.get("href"):
                out.update(_norm(" ".join(el.itertext())) for el in a.iter() if isinstance(el.tag, str))
    except Exception:  # noqa: BLE001 - a page we cannot read this way keeps its lines
        return frozenset()
    out.discard("")
    return frozenset(out)


# A run of lines that are each a link's whole text is a menu or a list of other stories: a site's
# sections ("News" / "Local" / "Queensland" / "Opinion" / "World"), a "most read" ranking ("1" /
# "Hanks' sweet letter to bullied boy" / "2" / ...), a ticker of headlines. The extractor keeps
# them when the page's markup does not say they are navigation, and their headlines became
# events of the page. At least _MENU_RUN link lines in a row, numbers and symbols between them
# included; a story's own lines are not each a link.
_MENU_RUN = 4
_MENU_LINE_WORDS = 15
_FILLER_LINE = re.compile(r"\W*\d{0,2}\W*")


def _menu_runs(lines: list[str], links: frozenset[str]) -> set[int]:
    found: set[int] = set()
    if not links:
        return found
    run: list[int] = []
    count = 0

    def close() -> None:
        if count >= _MENU_RUN:
            found.update(run)

    for i, line in enumerate(lines):
        if _FILLER_LINE.fullmatch(line):
            run.append(i)
        elif _words(line) <= _MENU_LINE_WORDS and _norm(line) in links:
            run.append(i)
            count += 1
        else:
            close()
            run, count = [], 0
    close()
    return found


# A bulleted list of other stories under the story ("- Moon Rush: Private Lunar Lander Plans" /
# "- Here's Where Commercial Landers Will Land"): each item is wholly a link's text and reads as
# a page's title (a few words, no sentence end). _LINK_BULLETS such items in a row, with no label
# above them to say what they are ("More:", "Related"), are the site's links, not the story's
# list; a story's own list items say something beyond one link.
_LINK_BULLETS = 2
_BULLET = re.compile(r"[-•*]\s+(?P<item>.+)")
_TITLE_MIN_WORDS = 3


def _linked_bullets(lines: list[str], links: frozenset[str]) -> set[int]:
    found: set[int] = set()
    if not links:
        return found
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        m = _BULLET.fullmatch(line)
        item = m.group("item") if m else ""
        if (
            m
            and _TITLE_MIN_WORDS <= _words(item) <= _MENU_LINE_WORDS
            and _norm(item) in links
            and residue.is_link_title(item)
        ):
            run.append(i)
            continue
        if len(run) >= _LINK_BULLETS:
            found.update(run)
        run = []
    return found


# A ranking widget ("Most read", "Trending now") prints its items' ranks as lines of their own:
# "1" / "Queensland lockout laws scrapped" / "2" / "Warner continues rise to greatness" / ... Ranks
# 1, 2, 3 ... in order, at most _RANK_GAP short lines (of at most _MENU_LINE_WORDS words) apart,
# at least _RANKS of them: the ranks and their items are furniture. A listicle's numbered items
# are followed by paragraphs of prose, which end the run.
_RANKS = 3
_RANK_GAP = 2
_RANK_LINE = re.compile(r"\s*(\d{1,2})\.?\s*")


def _ranked_runs(lines: list[str]) -> set[int]:
    found: set[int] = set()
    i = 0
    while i < len(lines):
        m = _RANK_LINE.fullmatch(lines[i])
        if not m or int(m.group(1)) != 1:
            i += 1
            continue
        ranks, j, expect = [i], i + 1, 2
        while j < len(lines):
            gap = 0
            while j < len(lines) and gap <= _RANK_GAP and not _RANK_LINE.fullmatch(lines[j]):
                if _words(lines[j]) > _MENU_LINE_WORDS:
                    break
                gap += 1
                j += 1
            nxt = _RANK_LINE.fullmatch(lines[j]) if j < len(lines) else None
            if gap > _RANK_GAP or nxt is None or int(nxt.group(1)) != expect:
                break
            ranks.append(j)
            expect += 1
            j += 1
        if len(ranks) >= _RANKS:
            last = ranks[-1]
            end = last + 1
            while end < len(lines) and end - last <= _RANK_GAP and _words(lines[end]) <= _MENU_LINE_WORDS:
                if _RANK_LINE.fullmatch(lines[end]):
                    break
                end += 1
            found.update(range(ranks[0], end))
            i = end
        else:
            i += 1
    return found


# Headlines of other pages printed as their pages' titles, each with the site's name after a bar:
# "Queensland school fees: Private schools slash fees | The Courier-Mail". The same suffix after
# a bar on _TITLE_SUFFIXES lines or more, each line ending no sentence, marks them all.
_TITLE_SUFFIXES = 2
_BAR_SUFFIX = re.compile(r".{8,}\s[|]\s+([^|.!?]{2,40})")


def _page_titles(lines: list[str]) -> set[int]:
    suffixes: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        m = _BAR_SUFFIX.fullmatch(line)
        if m and _words(line) <= 25 and _words(m.group(1)) <= 4:
            suffixes.setdefault(_norm(m.group(1)), []).append(i)
    return {i for found in suffixes.values() if len(found) >= _TITLE_SUFFIXES for i in found}


def _paragraphs(
    body: str,
    headline: str | None,
    removed: list[Removed],
    names: Sequence[str] = (),
    links: frozenset[str] = frozenset(),
) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.split("\n")]
    lines = _rejoin([line for line in lines if line])
    head_norm = _norm(headline) if headline else ""
    kept: list[str] = []
    in_related_list = False
    under_list_head = False
    # A block printed three times or more in a row is page furniture, not the story (Twitter's
    # "Thanks. Twitter will use this to make your timeline better." ten times under a photo, set
    # 11). Repeats apart are left alone: an interview series asks each guest the same question,
    # a meal plan or a table repeats its lines between others (scrapinghub F1 0.974 -> 0.971
    # when any block seen three times went). Short lines (a table's "Yes" cells) stay too.
    repeated = _runs(lines) | _menu_runs(lines, links) | _linked_bullets(lines, links)
    repeated |= _ranked_runs(lines) | _page_titles(lines)
    for i, line in enumerate(lines):
        kind = None
        if i in repeated:
            kind = "ui"
        elif head_norm and len(kept) < 3 and _norm(line) == head_norm:
            kind = "headline"
        elif not kept and i < 4 and _byline_rest(line, list(names)):
            kind = "byline"
        elif (
            in_related_list
            and line.startswith(("- ", "• ", "* "))
            or under_list_head
            and residue.is_link_title(line)
            or residue.is_ui(line)
            or residue.is_bracket_teaser(line)
            or residue.is_label_teaser(line)
        ):
            kind = "ui"
        if kind:
            removed.append(Removed(kind=kind if kind != "headline" else "duplicate", text=line))
            in_related_list = in_related_list or residue.opens_link_list(line)
            under_list_head = under_list_head or residue.is_list_head(line)
            continue
        in_related_list = under_list_head = False
        kept.append(line)
    return _join(kept)


# --- the lead the extractor dropped ----------------------------------------------------------

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INERT = frozenset({"script", "style", "noscript", "template"})


def _shingles(words: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def _opens_with_dateline(paragraph: str) -> bool:
    """The story's first line is its dateline ("BAAR, SWITZERLAND", "LONDON (Reuters) - ...")."""
    from .cleaner import parse_dateline

    line = paragraph.strip()
    return bool(parse_dateline(line)) or (
        _words(line) <= 6 and line.upper() == line and any(c.isalpha() for c in line) and "," in line
    )


def _element_text(el: HtmlElement) -> str:
    return _norm(" ".join(t for t in el.itertext() if t))


def _block_of(tree: HtmlElement, lead: str, limit: float | None) -> HtmlElement | None:
    """The smallest element that holds ``lead`` (normalised text), climbing from a text node
    that opens it; with ``limit``, only one whose text is at most ``limit`` times as long."""
    opening = " ".join(lead.split()[:3])
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in _INERT:
            continue
        own = [node.text or ""] + [child.tail or "" for child in node]
        if not any(opening in _norm(t) for t in own if t):
            continue
        el = node
        while el is not None and isinstance(el.tag, str):
            text = _element_text(el)
            if limit is not None and len(text) > limit * len(lead):
                break
            if lead in text:
                return el
            el = el.getparent()
    return None


def _with_lead(tree: HtmlElement | None, text: str, description: str | None) -> str:
    """The story's lead where the extractor dropped it (issue #16, the RT case).

    Some pages print the story's first paragraph in a block of its own just above the story's
    text block (RT's "article__summary"); trafilatura takes it for a teaser. The page's
    description is that lead when all of these hold:

    * it is whole prose: at least 12 words, ending a sentence (not cut off with "...");
    * the text does not already say it (under half of its 4-word shingles are in the text);
    * the story does not open with its own dateline (what a page prints above a dateline is a
      standfirst, not the lead);
    * the page shows it as a block of its own, outside the page's ``<header>`` and not as a
      heading (a deck or standfirst under the headline sits there);
    * that block is immediately followed (blocks without text, images, in between) by the block
      holding the story's first extracted paragraph.

    On the scrapinghub benchmark a looser rule (the description wherever the page shows it
    above the story) added the standfirsts the gold leaves out, F1 0.964 -> 0.961.
    """
    if not description or _words(description) < 12 or description.endswith(("...", "…")):
        return text
    if not re.search(r"[.!?][\"”’')]*$", description):
        return text
    lead = _norm(description)
    lead_words = lead.split()
    present = _shingles(_norm(text).split())
    own = _shingles(lead_words)
    if len(own & present) * 2 >= len(own):
        return text
    paragraphs = [p for p in text.split("\n") if p.strip()]
    first = next((p for p in paragraphs if _words(p) >= 8), None)
    if first is None or _opens_with_dateline(paragraphs[0]):
        return text
    if tree is None:
        return text
    try:
        block = _block_of(tree, lead, 1.3)
        if block is None or block.tag in _HEADINGS or any(a.tag == "header" for a in block.iterancestors()):
            return text
        story = _block_of(tree, " ".join(_norm(first).split()[:12]), None)
        if story is None:
            return text
        following = block.getnext()
        while following is not None and (
            not isinstance(following.tag, str) or following.tag in _INERT or not _element_text(following)
        ):
            following = following.getnext()
        if following is None or not (following is story or following in set(story.iterancestors())):
            return text
    except Exception:  # noqa: BLE001 - a page we cannot read this way keeps the extractor's text
        return text
    return description + "\n\n" + text


def _join(lines: Iterable[str]) -> str:
    return "\n\n".join(line.strip() for line in lines if line.strip())
