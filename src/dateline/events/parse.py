"""The coder's shared vocabulary: ``Candidate``, ``Context`` and helpers on the dependency parse.

Every other module of ``dateline.events`` imports from here and nothing here imports them.
A ``Candidate`` is a trigger token with its lexicon ``Entry`` and what later steps learn about
it; a ``Context`` indexes the earlier analysis components' output (actors, places, times) by
token index.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..analyse.lexicon import agent_noun
from ..nlp import doc_cache, doc_text, heads_of, parse_tree, pos_tags, sent_of, token_strings
from ..timex import parse_anchor
from . import lexicon as lx
from .lexicon import Entry

if TYPE_CHECKING:
    from ..article import Article

SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
OBJ = {"dobj", "obj", "attr", "oprd"}


PERSON_NOUNS = lx.WORDS["person_nouns"]


RELATIVE = {"that", "which", "who", "whom", "whose"}
TIME_LABELS = {"DATE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass
class Candidate:
    trigger: Any  # spaCy token
    entry: Entry
    obj: Any = None  # the object token the entry was keyed on
    absorbed: set = field(default_factory=set)
    actors_tok: list = field(default_factory=list)
    recipients_tok: list = field(default_factory=list)
    modality_from: Any = None  # token whose auxiliaries decide the modality
    extra_modality: str | None = None
    noun: bool = False
    depth: int = 0
    request_from: Any = None
    inner: list = field(default_factory=list)  # the clauses this event absorbed


@dataclass(eq=False)
class Coded:
    """An event as the coder builds it: ``record``, the contract's fields (``dateline.article.Event``
    without its id), and its trigger token, by which the selection steps order and merge events."""

    record: dict[str, Any]
    trigger: Any  # spaCy token
    depth: int  # the trigger's depth in the dependency tree
    #: a recipient that is the place the act is done in (``actor``: its country's id, ``start``,
    #: ``end``: the place's words), made an actor's mention by ``code_events``
    place_recipient: dict | None = None
    #: a recipient that is target words naming people ("issued an ultimatum to her colleagues",
    #: ``roles.agentive_target``: ``actor``, a provisional id; ``start``, ``end``; ``name``, ``kind``),
    #: made a group actor of its own by ``code_events``
    group_recipient: dict | None = None


class Context:
    """Indexes of the analysis' output, by token."""

    def __init__(self, article: Article, doc: Any) -> None:
        self.article = article
        self.doc = doc
        self.text = doc_text(doc, article.text)
        self.published = parse_anchor(getattr(article.published, "date", None))
        self.tok_actor: dict[int, str] = {}
        self.story_counts: dict[str, int] = {}  # words.toml list -> its words in the story (cached)
        self.memo: dict[str, Any] = {}  # per-article results of the other modules, by their function's name
        self.actor_kind: dict[str, str] = {}
        self.actor_sector: dict[str, str | None] = {}
        self.actor_country: dict[str, str | None] = {}
        self.actor_first: dict[str, int] = {}
        for actor in article.actors:
            self.actor_kind[actor.id] = actor.kind
            self.actor_sector[actor.id] = actor.sector
            self.actor_country[actor.id] = actor.country
            for m in actor.mentions:
                for t in self.tokens(m.start, m.end):
                    self.tok_actor.setdefault(t, actor.id)
                    self.actor_first.setdefault(actor.id, t)
        for ent in article.entities:
            if ent.actor:
                for t in self.tokens(ent.start, ent.end):
                    self.tok_actor.setdefault(t, ent.actor)
        # places: (token indices, place dict: name, lat, lon, country, geonameid, feature)
        self.places: list[tuple[list[int], dict]] = []
        for p in article.places:
            toks = self.tokens(p.start, p.end)
            if toks:
                self.places.append(
                    (
                        toks,
                        {
                            "name": p.name or p.text,
                            "lat": p.lat,
                            "lon": p.lon,
                            "country": p.country,
                            "geonameid": p.geonameid,
                            "feature": p.feature,
                        },
                    )
                )
        doc_ents = doc.ents  # (a tuple of Spans built anew at each access)
        if not article.places:
            for ent in doc_ents:
                if ent.label_ in PLACE_LABELS:
                    self.places.append(
                        (
                            [t.i for t in ent],
                            {
                                "name": ent.text,
                                "lat": None,
                                "lon": None,
                                "country": None,
                                "geonameid": None,
                                "feature": None,
                            },
                        )
                    )
        self.place_roots = [min((doc[i] for i in toks), key=depth_of) for toks, _ in self.places]
        self.place_tok: dict[int, int] = {}
        for k, (toks, _) in enumerate(self.places):
            for t in toks:
                self.place_tok.setdefault(t, k)
        # times: (token indices, value or None, text)
        self.times: list[tuple[list[int], str | None, str]] = []
        covered: set[int] = set()
        for tm in article.times:
            toks = self.tokens(tm.start, tm.end)
            if toks:
                self.times.append((toks, tm.value, tm.text))
                covered.update(toks)
        for ent in doc_ents:
            if ent.label_ in TIME_LABELS and not covered.intersection(t.i for t in ent):
                self.times.append(([t.i for t in ent], None, ent.text))
        self.time_roots = [min((doc[i] for i in toks), key=depth_of) for toks, _, _ in self.times]
        self.time_root_ids = [t.i for t in self.time_roots]
        self.time_tok: dict[int, int] = {}
        for k, (toks, _, _) in enumerate(self.times):
            for t in toks:
                self.time_tok.setdefault(t, k)

    def lemma_counts(self) -> dict[str, int]:
        """How many tokens of the doc have each lemma (in lower case); counted once per doc."""
        found = self.memo.get("lemma_counts")
        if found is None:
            strings = self.doc.vocab.strings
            found = {}
            hashes = self.doc.to_array("LEMMA").tolist() if len(self.doc) else []
            for h, k in Counter(hashes).items():  # (Doc.count_by takes twice as long)
                lemma = strings[h].lower()
                found[lemma] = found.get(lemma, 0) + k
            self.memo["lemma_counts"] = found
        return found

    def lower_forms(self) -> set[str]:
        """The doc's words in lower case (``Token.lower_``), read once per doc."""
        found = self.memo.get("lower_forms")
        if found is None:
            strings = self.doc.vocab.strings
            hashes = set(self.doc.to_array("LOWER").tolist()) if len(self.doc) else set()
            found = self.memo["lower_forms"] = {strings[h] for h in hashes}
        return found

    def tokens(self, start: int, end: int) -> list[int]:
        """Indices of the tokens covering characters ``start``..``end`` of the text: those of
        ``doc.char_span(start, end, alignment_mode="expand")``, found by bisection over the
        tokens' offsets, read once per doc (a Span and a Token for each of its words cost more)."""
        bounds = self.memo.get("token_bounds")
        if bounds is None:
            doc = self.doc
            if len(doc):
                a = doc.to_array(["IDX", "LENGTH", "SPACY"]).astype("int64")
                bounds = (a[:, 0].tolist(), (a[:, 0] + a[:, 1]).tolist(), int(a[-1, 0] + a[-1, 1] + a[-1, 2]))
            else:
                bounds = ([], [], 0)
            self.memo["token_bounds"] = bounds
        starts, ends, total = bounds
        # Doc.char_span: the tokens holding the first and the last character (with the space
        # after each token), the first moved on where ``start`` is the space after a token
        if not (0 <= start < total and 0 <= end - 1 < total):
            return []
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1
        if start == ends[first]:
            first += 1
        if first > last + 1:
            raise IndexError(f"no span from token {first} to {last + 1}")
        return list(range(first, last + 1))


# -- helpers on the parse ----------------------------------------------------------------------


def dep_children(tok: Any, deps: Iterable[str]) -> list[Any]:
    if not isinstance(deps, (set, frozenset)):
        deps = set(deps)
    doc = tok.doc
    labels, children, start = parse_tree(doc)
    i = tok.i
    return [doc[c] for c in children[start[i] : start[i + 1]] if labels[c] in deps]


def child_strings(tok: Any, deps: Iterable[str], attr: str = "LOWER") -> list[str]:
    """The strings (``attr``: ``"LOWER"``, ``"TAG"``, ``"LEMMA"``) of a token's children whose
    dependency label is in ``deps``, left to right: ``[c.lower_ for c in tok.children if c.dep_ in
    deps]`` read from the cached parse and token strings, without a Token for each child."""
    doc = tok.doc
    labels, children, start = parse_tree(doc)
    words = token_strings(doc, attr)
    i = tok.i
    return [words[c] for c in children[start[i] : start[i + 1]] if labels[c] in deps]


_LEMMAS: dict[int, str] = {}  # lemma hash -> the lemma in lower case (Token.lemma_ decodes anew each time)


def infinitive(v: Any) -> bool:
    """Whether a verb is infinitival: "to" among its auxiliaries ("willingness to resume")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)


def lemma_of(tok: Any) -> str:
    key = tok.lemma
    found = _LEMMAS.get(key)
    if found is None:
        found = tok.lemma_.lower()
        if len(_LEMMAS) < 200_000:
            _LEMMAS[key] = found
    return found


def particle_of(tok: Any) -> str | None:
    labels, children, start = parse_tree(tok.doc)
    i = tok.i
    for c in children[start[i] : start[i + 1]]:
        if labels[c] == "prt":
            return tok.doc[c].lower_
    return None


def conjuncts(tok: Any) -> list:
    """The token and its nominal conjuncts, depth first ("Iran and Iraq and Syria"), read from the
    cached parse arrays (``parse_tree``, ``pos_tags``) instead of ``Token.children``."""
    doc = tok.doc
    labels, children, start = parse_tree(doc)
    pos = pos_tags(doc)
    out = [tok]
    i = tok.i
    for c in children[start[i] : start[i + 1]]:
        if labels[c] == "conj" and pos[c] in ("NOUN", "PROPN", "PRON"):
            out.extend(conjuncts(doc[c]))
    return out


_DEPTHS = "_dateline_depth"  # doc.user_data key of depth_of's cache
_MEMOS = "_dateline_coding_memos"  # doc.user_data key of coding_memo's dicts


@contextmanager
def depth_cache(doc: Any) -> Iterator[None]:
    """Within it, :func:`depth_of` remembers each token's depth in ``doc`` (coding asks often),
    and :func:`coding_memo` gives the answers of functions of a token kept for the block (the
    coder changes neither the parse nor the entities of ``doc`` inside it)."""
    doc.user_data[_DEPTHS] = {}
    doc.user_data[_MEMOS] = {}
    try:
        yield
    finally:
        doc.user_data.pop(_DEPTHS, None)
        doc.user_data.pop(_MEMOS, None)


def coding_memo(doc: Any, name: str) -> dict | None:
    """The dict in which function ``name`` keeps its answers for ``doc`` inside a
    :func:`depth_cache` block (by token index; empty at the block's start); None outside one, where
    nothing is kept (the actors stage changes ``doc.ents`` between the components)."""
    memos = doc.user_data.get(_MEMOS)
    if memos is None:
        return None
    found = memos.get(name)
    if found is None:
        found = memos[name] = {}
    return found


def depth_of(tok: Any) -> int:
    cache = tok.doc.user_data.get(_DEPTHS)
    i = tok.i
    if cache is not None and i in cache:
        return cache[i]
    heads = heads_of(tok.doc)  # (a walk up Token.head builds a Token at each step)
    d = 0
    t = i
    while heads[t] != t:
        t = heads[t]
        d += 1
    if cache is not None:
        cache[i] = d
    return d


def is_passive(tok: Any) -> bool:
    """Whether a token has a passive subject or auxiliary among its children; the tokens that
    have are found once per doc from the cached parse (kept in ``doc_cache``)."""
    doc = tok.doc
    cache = doc_cache(doc)
    found = cache.get("parse.passive")
    if found is None:
        labels = parse_tree(doc)[0]
        heads = heads_of(doc)
        found = cache["parse.passive"] = {
            heads[c] for c, label in enumerate(labels) if label in ("nsubjpass", "auxpass") and heads[c] != c
        }
    return tok.i in found


def noun_keys(obj: Any) -> list[str]:
    # (the children's labels, words and lemmas from the cached parse and strings, no Tokens)
    doc = obj.doc
    labels, children, start = parse_tree(doc)
    lemmas, low = token_strings(doc, "LEMMA"), token_strings(doc, "LOWER")
    o = obj.i
    lemma = lemma_of(obj)
    keys = [lemma, low[o]]
    kids = children[start[o] : start[o + 1]]
    for c in kids:
        if labels[c] in ("compound", "amod"):
            keys.insert(0, f"{lemmas[c].lower()}~{lemma}")
    for c in kids:  # "cessation of hostilities": the noun and what it is of
        if labels[c] == "prep" and low[c] == "of":
            keys[:0] = [
                f"{lemma}~of~{lemmas[p].lower()}" for p in children[start[c] : start[c + 1]] if labels[p] == "pobj"
            ]
    return keys


def noun_class(obj: Any) -> str | None:
    """The class of an object noun (``lexicon.NOUN_CLASSES``) by its keys (``noun_keys``), or by a
    compound of a carrier noun; kept per token inside a ``depth_cache`` block."""
    memo = coding_memo(obj.doc, "noun_class")
    if memo is None:
        return _noun_class(obj)
    i = obj.i
    if i in memo:
        return memo[i]
    found = memo[i] = _noun_class(obj)
    return found


def _noun_class(obj: Any) -> str | None:
    for key in noun_keys(obj):
        cls = lx.NOUN_CLASSES.get(key)
        if cls:
            return cls
    if lemma_of(obj) in lx.CARRIER_NOUNS:  # "a mediation effort", "aid deliveries"
        for c in obj.children:
            if c.dep_ == "compound":
                cls = lx.NOUN_CLASSES.get(lemma_of(c))
                if cls:
                    return cls
    return None


def content_objects(objs: list) -> list:
    """Objects and, for a quantity or part, what it is of: "25,000 tons of food aid"; for a rise,
    what rises: "a sixfold increase in funding"."""
    out = []
    for o in objs:
        out.append(o)
        lemma = lemma_of(o)
        if lemma in lx.PARTITIVE or (o.pos_ == "NUM"):
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.extend(q for q in p.children if q.dep_ == "pobj")
        elif lemma in lx.CHANGE_NOUNS:
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "of"):
                    out.extend(q for q in p.children if q.dep_ == "pobj")
    return out


def is_person_like(tok: Any, ctx: Context) -> bool:
    aid = ctx.tok_actor.get(tok.i)
    if aid and ctx.actor_kind.get(aid) in ("person", "group"):
        return True
    return tok.ent_type_ == "PERSON" or lemma_of(tok) in PERSON_NOUNS or tok.lower_ in ("him", "her", "them")


_HEADS: set[str] | None = None


def _known_heads() -> set[str]:
    global _HEADS
    if _HEADS is None:
        _HEADS = {k.split("+")[0].split("_")[0] for k in list(lx.VERBS) + list(lx.VERB_OBJECT)}
        _HEADS |= lx.TRAVEL | lx.REPORTING
    return _HEADS


_IRREGULAR: dict[str, str] | None = None


def _irregular() -> dict[str, str]:
    """words.toml's irregular_forms, form -> lemma (read once)."""
    global _IRREGULAR
    if _IRREGULAR is None:
        _IRREGULAR = dict(pair.split("=") for pair in lx.WORDS["irregular_forms"])
    return _IRREGULAR


_VERB_LEMMAS: dict[tuple[int, int, int], str] = {}  # (lemma, lower form, pos) hashes -> verb_lemma


def verb_lemma(tok: Any) -> str:
    """The lemma, corrected from the word form when the lemmatizer missed ("staged" -> "stag");
    worked out once per lemma, word form and part of speech."""
    key = (tok.lemma, tok.lower, tok.pos)
    found = _VERB_LEMMAS.get(key)
    if found is None:
        found = _verb_lemma(tok)
        if len(_VERB_LEMMAS) < 200_000:
            _VERB_LEMMAS[key] = found
    return found


def _verb_lemma(tok: Any) -> str:
    lemma = lemma_of(tok)
    heads = _known_heads()
    if lemma in heads or tok.pos_ != "VERB":
        return lemma
    w = tok.lower_
    irregular = _irregular()
    if irregular.get(w) in heads:  # "retook", "overran": a prefixed irregular form
        return irregular[w]
    cands = []
    if w.endswith("ied"):
        cands.append(w[:-3] + "y")
    if w.endswith("ed"):
        cands += [w[:-1], w[:-2], w[:-3] if len(w) > 4 and w[-3] == w[-4] else w[:-2]]
    if w.endswith("ing"):
        cands += [w[:-3], w[:-3] + "e", w[:-4] if len(w) > 5 and w[-4] == w[-5] else w[:-3]]
    if w.endswith("es"):
        cands.append(w[:-2])
    if w.endswith("s"):
        cands.append(w[:-1])
    for c in cands:
        if c in heads:
            return c
    return lemma


def tree_distance(a: Any, b: Any) -> int:
    heads = heads_of(a.doc)  # (``Token.ancestors`` builds a Token at each step)
    limit = len(heads)

    def chain(i: int) -> list[int]:  # the token and its ancestors, as Token.ancestors walks them
        out = [i]
        while heads[i] != i and len(out) <= limit:
            i = heads[i]
            out.append(i)
        return out

    ia = {t: n for n, t in enumerate(chain(a.i))}
    for n, t in enumerate(chain(b.i)):
        if t in ia:
            return n + ia[t]
    return 99


_BOUNDS = "dateline_sent_bounds"  # doc.user_data key of sent_bounds' cache, by token index


def sent_bounds(tok: Any) -> tuple[int, int]:
    """Token bounds of the sentence (the subtree of the root), without building Span.sent;
    walked once per token (the places and roles ask for the same triggers many times)."""
    cache = tok.doc.user_data.get(_BOUNDS)
    if cache is None:
        cache = tok.doc.user_data[_BOUNDS] = {}
    found = cache.get(tok.i)
    if found is None:
        heads = heads_of(tok.doc)  # (a walk up Token.head builds a Token at each step)
        t = tok.i
        while heads[t] != t:
            t = heads[t]
        root = tok.doc[t]
        found = cache[tok.i] = (root.left_edge.i, root.right_edge.i + 1)
    return found


def tree_path(b: Any, a: Any) -> list:
    out = []
    t = b
    while t.i != a.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


#: words.toml lists of nouns that name one who can act
AGENT_LISTS = (
    "person_nouns",
    "speaking_bodies",
    "agency_nouns",
    "commercial_nouns",
    "document_nouns",
    "plan_nouns",
    "acting_nouns",
)


def may_act(tok: Any, ctx: Context) -> bool:
    """Whether a doer may be someone (``nonevents._thing_doer``, the ``wanted_agent`` condition of
    patterns.toml): anything but a common noun that is no actor, no entity, no person, no agent
    noun, none of WordNet's persons or social groups (lexicon ``AGENTIVE_NOUNS``) and no act
    (``ACT_NOUNS``: an act stands for whoever did it)."""
    if tok.pos_ != "NOUN" or tok.i in ctx.tok_actor or tok.ent_type_ or is_person_like(tok, ctx):
        return True
    if tok.i > sent_of(tok).start and tok.text[:1].isupper():
        return True  # a name the tagger took for a common noun ("but Wikileaks welcomed the move")
    lemma = lemma_of(tok)
    forms = {lemma, tok.lower_, _singular(tok.lower_)}  # (a plural the lemmatizer left: "majorities")
    if forms & lx.AGENTIVE_NOUNS or forms & lx.WORDS["quantifier_pronouns"]:
        return True  # "none of them will support him", "most backed the plan"
    if forms & lx.ACT_NOUNS or (len(lemma) > 6 and lemma.endswith(tuple(lx.WORDS["act_noun_endings"]))):
        return True  # "the deployment helped", "the withdrawal allowed": an act of someone's
    cls = noun_class(tok)
    if lemma in lx.NOUN_EVENT_HEADS or (cls and cls not in ("TERRITORY", "PROPERTY")):
        return True  # "the ceasefire allows ...", "the grant will fund ...", "the troops helped"
    if lemma in lx.WORDS["business_verbs"] and any(may_act(p, ctx) for p in dep_children(tok, {"poss"})):
        return True  # "Washington's support helped the rebels": the supporter's act
    if any(forms & lx.WORDS[name] for name in AGENT_LISTS):
        return True
    mod = next((m.lower_ for m in tok.children if m.dep_ in ("compound", "amod") and m.i == tok.i - 1), None)
    agent = agent_noun(lemma, mod) or agent_noun(tok.lower_, mod)
    return bool(agent and agent[1] != "none")


def _singular(word: str) -> str:
    """A plural's singular by its ending ("majorities" -> "majority", "rivals" -> "rival")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
