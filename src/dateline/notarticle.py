"""Texts that are no article, whatever page printed them: tests on the text alone, run on HTML
pages (after extraction) and on text input alike. ``check_text`` raises ``InputRejected``
("no-article") with a message that says what the text is.

* machine-generated filler: paragraphs of sentences that share neither words nor a topic;
* a deals or coupon list: most lines are offers with a price, a discount or a code.

The structural tests that need the page's markup (a script's "Loading..." placeholder, a wiki's
revision diff) are in ``dateline.html``.
"""

from __future__ import annotations

import re

from .errors import InputRejected

__all__ = ["check_text", "filler_reason", "is_deals_list", "is_filler"]


def check_text(text: str, origin: str | None = None, *, what: str = "text", filler: bool = True) -> None:
    """Raise ``InputRejected("no-article")`` when ``text`` is a deals list or (with ``filler``)
    machine-generated filler. ``what`` names the text in the message."""
    if is_deals_list(text):
        raise InputRejected(
            "no-article",
            f"the {what} is a list of offers (prices, discounts, coupon codes, buy prompts on most lines):"
            " a deals or shopping page, not an article",
            source=origin,
        )
    if filler and is_filler(text):
        raise InputRejected("no-article", filler_reason(what), source=origin)


def filler_reason(what: str) -> str:
    return (
        f"the {what} is a run of unrelated sentences (no two neighbours share a word or a topic):"
        " machine-generated filler, not an article"
    )


# A deals page lists offers, one to a line: "Wireless earbuds $189.99 (was $249)", "Save 40% on
# mattresses with code SLEEP40", "Get Deal". A line is an offer when it gives a discount ("40%
# off", "$20 off", "save $60"), a coupon or promo code, a buy prompt ("Get it at ... for $39"),
# a price beside a former price or a sale ("reg. $40", "on sale for $9"), or when it is a
# product's short heading that ends on its price ("Wireless Router AC1700 for $67.77"). A page
# whose lines are mostly offers (at least _DEAL_LINES of them and _DEAL_SHARE of its lines) is a
# shopping list, not a story: a market report names prices in most paragraphs but no discounts
# or codes, and a story about a sale quotes an offer in one paragraph or two. Of the scrapinghub
# gold bodies, PolNeAR and the geoparsing sets, one text is such a list (a games site's daily
# deals: 37 offers in 66 lines); a gift guide (11 priced headings in 38 lines) and stories that
# mention a discount (2 lines) are not.
_PRICE = r"(?:[$£€¥₹]\s?\d[\d,]*(?:\.\d\d)?|\b\d[\d,]*(?:\.\d\d)?\s?(?:USD|EUR|GBP|dollars?|euros?)\b)"
_DISCOUNT = re.compile(
    r"\b\d{1,2}\s?%\s?off\b|" + _PRICE + r"\s+off\b"
    r"|\b(?:coupon|promo(?:tion(?:al)?)?\s+code|discount\s+code|voucher\s+code)s?\b|\buse\s+(?:the\s+)?code\b"
    r"|\bfree\s+shipping\b|\bshop\s+(?:now|the\s+deal)\b|\bget\s+(?:this\s+|the\s+)?deal\b"
    r"|^(?:get|buy|order)\s+(?:it|one|yours|them)\s+(?:now\s+)?(?:at|on|from|for)\b"
    r"|\bsave\s+(?:up\s+to\s+)?(?:\d{1,2}\s?%|" + _PRICE + r")",
    re.IGNORECASE,
)
# A price beside a former price or a sale ("$189.99 (was $249)", "reg. $40", "on sale for $9").
_SHOP_CUE = re.compile(
    r"(?:\(\s*(?:was|orig(?:inally)?\.?)|\b(?:reg(?:ular(?:ly)?)?\.|regularly|list\s+price|msrp|sale\s+price"
    r"|on\s+sale|clearance))\s*:?\s*(?:at\s+|for\s+)?" + _PRICE,
    re.IGNORECASE,
)
_DEAL_LINES = 5
_DEAL_SHARE = 0.4


# A product's heading with its price: a short line, no sentence, that ends on the price or says
# "Now $549" ("Wireless Router AC1700 for $67.77").
_PRICED_HEADING = re.compile(r"(?:\bfor\s+|\bnow\s+|\bjust\s+|\bonly\s+)" + _PRICE + r"\s*(?:\([^)]*\))?\s*$", re.I)


def _is_offer(line: str) -> bool:
    line = line.strip()
    if _DISCOUNT.search(line) or _SHOP_CUE.search(line):
        return True
    return len(line.split()) <= 25 and bool(_PRICED_HEADING.search(line))


def is_deals_list(text: str) -> bool:
    """Whether most lines of ``text`` are offers (a deals, coupon or shopping page)."""
    lines = [line for line in text.split("\n") if line.strip()]
    offers = sum(1 for line in lines if _is_offer(line))
    return offers >= _DEAL_LINES and offers >= _DEAL_SHARE * len(lines)


# Machine-generated filler (set 12, an "SEO" page of 240 shuffled sentences about suicide
# witnesses, the rapture and cubic equations, accepted as English news with 36 events): its
# sentences neither repeat each other's words nor talk about the same thing. A page is such filler
# when it has at least _FILLER_SENTENCES sentences, _FILLER_RUN or more to a paragraph on average
# (a list of jokes or quiz questions, one short paragraph each, is unrelated items by design:
# trafilatura-eval's page of kids' jokes, 275 sentences in 705 lines), at least _FILLER_ISOLATED
# of them share no content word (first six letters) with a sentence within _FILLER_WINDOW of
# them, and the median sentence's best cosine with those neighbours (static embeddings, content
# words) is under _FILLER_COSINE (the filler page: 0.63 isolated, cosine 0.14). No other text of
# scrapinghub (gold bodies and extracted pages), trafilatura-eval, PolNeAR, the geoparsing set
# (GeoWebNews and 204 more) or the set 11-13 pages is filler by this test: the loosest real
# texts (daily digests, "things to know for today") reach about 0.59 isolated but keep a
# neighbour cosine near 0.28, and the least related neighbours (0.175, a morning e-mail of news
# items) have 0.42 isolated.
_FILLER_SENTENCES = 30
_FILLER_ISOLATED = 0.45
_FILLER_COSINE = 0.16
_FILLER_WINDOW = 3
_FILLER_RUN = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def is_filler(text: str) -> bool:
    """Whether ``text`` is machine-generated filler: a run of unrelated sentences."""
    from spacy.lang.en.stop_words import STOP_WORDS

    sentences = []
    for paragraph in text.split("\n"):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            words = [w for w in re.findall(r"[a-z]{3,}", sentence.lower()) if w not in STOP_WORDS]
            if len(words) >= 3:
                sentences.append(words)
    n = len(sentences)
    paragraphs = sum(1 for paragraph in text.split("\n") if paragraph.strip())
    if n < _FILLER_SENTENCES or n < _FILLER_RUN * paragraphs:
        return False
    stems = [{w[:6] for w in ws if len(w) > 3} for ws in sentences]

    def near(i: int) -> range:
        return range(max(0, i - _FILLER_WINDOW), min(n, i + _FILLER_WINDOW + 1))

    isolated = sum(1 for i in range(n) if not any(stems[i] & stems[j] for j in near(i) if j != i))
    if isolated < _FILLER_ISOLATED * n:
        return False
    import numpy as np

    from .embed import Embedder

    vectors = Embedder.shared().vectors([" ".join(ws) for ws in sentences])
    best = [max(float(vectors[i] @ vectors[j]) for j in near(i) if j != i) for i in range(n)]
    return bool(np.median(best) < _FILLER_COSINE)
