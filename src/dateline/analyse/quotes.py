"""Quotes and their speakers: direct quotes in straight, curly or typewriter ('' '') marks (also
over several paragraphs), partial quotes and indirect speech ("X said that ...", "..., X told
reporters.", "according to X").

``find_quotes(article, doc)`` fills ``article.quotes``. It runs after ``find_actors`` and points
each quote at its speaker's actor id when the speaker is an actor.

Direct quotes are found paragraph by paragraph, so a stray or unbalanced quotation mark costs at
most its own paragraph's pairing, never the article's other quotes. A paragraph that opens a
quote without closing it, followed by a paragraph that reopens one, is a single quote running
over both (the news convention). Speakers come from a cue verb after the quote ("...," Ushakov
said; after a quote ending on a comma any verb with its subject: "...," Bennett shot back),
before it (He said: "...", He continued, "..."), "according to X", the paragraph before when it
ends on a colon, a name after a dash ('"..." ― Carla Sanchez'), the subject of the verb that
quoted words depend on (Bush called his rival "totally scripted"), an earlier quote of the same
paragraph, the person the sentence before a cue-less quote is about, and for a paragraph that is
nothing but a quote, the speaker of the preceding paragraph. "Adding" goes on with the speech it
follows: hung by the parse on a verb of the reported words ("Trump said he heard the senator
doesn't meet the requirements, adding, '...'"), its speaker is the nearest speech verb's above.
Pronouns and nominal speakers ("he", "the spokesman") are resolved by :mod:`dateline.analyse.coref`.

Each quote carries, besides the contract fields, ``speaker_start``/``speaker_end`` (the speaker's
words in the text) and ``cue_start``/``cue_end`` when found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..article import Article, Quote
from ..nlp import char_token, parse_tree, sent_at, sent_of, token_starts, token_strings
from . import lexicon as L
from .coref import Coreference, descriptors, issuer

_FRAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "quotes" / "frames.txt"


@lru_cache(maxsize=1)
def frames() -> dict[str, tuple[str | None, frozenset[str]]]:
    """Reporting verbs beyond a that-clause: lemma -> (required particle, frames), from
    ``data/quotes/frames.txt``."""
    out: dict[str, tuple[str | None, frozenset[str]]] = {}
    for raw in _FRAMES_FILE.read_text(encoding="utf-8").splitlines():
        words = raw.split("#", 1)[0].split()
        if not words:
            continue
        lemma, rest = words[0], words[1:]
        particle = rest[0][1:] if rest and rest[0].startswith("+") else None
        out[lemma] = (particle, frozenset(r for r in rest if not r.startswith("+")))
    return out


_OPEN_ONLY = "“„«"
_CLOSE_ONLY = "”»"
# quotation marks; "''" and "``" are the typewriter pair that news databases (and PolNeAR's New
# York Times texts) carry for “ and ”
_MARKS_RE = re.compile(r'["“”„«»]|\'\'|``')
_PARA_RE = re.compile(r"[^\n]+")
_SAY_AFTER_OPENERS = set(":,")
_AUDIENCE = {
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "supporters",
    "crowd",
    "audience",
    "viewers",
    "listeners",
    "readers",
    "congress",
    "senators",
    "students",
    "delegates",
    "press",
    "media",
}


@dataclass
class _Q:
    start: int  # content offsets (marks excluded)
    end: int
    para: int  # index of the paragraph where it opens
    kind: str = "direct"
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    bare: bool = False  # the quote is the whole paragraph(s), nothing else
    source_text: str | None = None  # an unnamed source: 'according to reports'
    source_span: tuple[int, int] | None = None


def find_quotes(article: Article, doc: Any) -> None:
    text = article.text
    paras = [(m.start(), m.end()) for m in _PARA_RE.finditer(text) if m.group().strip()]
    ctx = _Context(article, doc)
    direct = _direct_quotes(text, paras)
    ctx.coref = Coreference(article, doc, excluded=[(q.start, q.end) for q in direct])
    ctx.direct_spans = sorted((q.start, q.end) for q in direct)
    for q in direct:
        _attribute_direct(ctx, q, direct, paras)
    # a title leaves its cue to the reported speech around it ('told MSNBC's "Morning Joe" that
    # he would vote for her')
    direct = [q for q in direct if not _is_title(ctx, q)]
    indirect = _indirect_quotes(ctx, direct)
    # a partial quote inside reported speech ('said he would welcome a "principled network"')
    # belongs to the indirect quote that carries it
    direct = [d for d in direct if not any(i.start <= d.start and d.end <= i.end for i in indirect)]
    quotes = sorted(direct + indirect, key=lambda q: q.start)
    # second pass: a bare quote paragraph, or one that opens its paragraph, continues the
    # speaker before it
    by_para: dict[int, list[_Q]] = {}
    for q in quotes:
        by_para.setdefault(q.para, []).append(q)
    for q in quotes:
        if q.kind == "direct" and q.speaker_text is None and q.source_span is None:
            same = [p for p in by_para.get(q.para, []) if p.start < q.start and p.speaker_text]
            prev = None
            if same:
                prev = same[-1]
            elif q.start - paras[q.para][0] > 2 and ctx.subject_before(q):
                continue  # 'Sanders ... identified young voters' exhaustion ... "The younger ..."'
            elif q.bare or q.start - paras[q.para][0] <= 2:
                for k in range(q.para - 1, max(q.para - 3, -1), -1):
                    cands = [p for p in by_para.get(k, []) if p.speaker_text]
                    if cands:
                        prev = cands[-1]
                        break
                    named = ctx.last_person_in(paras[k][0], paras[k][1], quotes)
                    if named:
                        q.speaker, q.speaker_text, q.speaker_span = named
                        break
                    if by_para.get(k):
                        break
            if prev is not None:
                q.speaker, q.speaker_text, q.speaker_span = prev.speaker, prev.speaker_text, prev.speaker_span
    # a short quoted phrase, or one in title case, that nobody is said to have said is a scare
    # quote or a title ('sang "The Star Spangled Banner"'), not speech
    quotes = [
        q
        for q in quotes
        if q.end > q.start
        and not (q.kind == "direct" and q.speaker_text is None and len(text[q.start : q.end].split()) < 4)
        and not (q.kind == "direct" and _title_like(text[q.start : q.end]) and _unspoken(ctx, q))
        and not (q.kind == "direct" and _is_title(ctx, q))
    ]
    article.quotes = [_to_quote(text, q) for q in quotes]


# words a title keeps in lower case ('America Honors the High School Class of 2020')
_TITLE_LOWER = frozenset("a an the and or nor but of in on at to for by with from as into vs via".split())


_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word opening with a letter
_ALNUM_WORD = re.compile(r"[^\W_][\w'’-]*")  # ... or with a digit


def _title_like(content: str) -> bool:
    """A title or a coined term, not speech: at most ten words, every word but the small ones
    capitalised ('The Star Spangled Banner', 'The 11th Hour with Brian Williams', 'Drunkorexia')."""
    words = _LETTER_WORD.findall(content)
    if not words or len(words) > 10:
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_LOWER for w in words)


_TITLES_FILE = _FRAMES_FILE.with_name("titles.txt")


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset[str], frozenset[str]]:
    """(work nouns, naming words) of ``data/quotes/titles.txt``; a naming phrase of two words is
    kept as 'known as'."""
    works: set[str] = set()
    naming: set[str] = set()
    for raw in _TITLES_FILE.read_text(encoding="utf-8").splitlines():
        words = raw.split("#", 1)[0].split()
        if len(words) < 2:
            continue
        into = {"work": works, "naming": naming}.get(words[0])
        if into is not None:
            into.update(w.lower().replace("+", " ") for w in words[1:])
    return frozenset(works), frozenset(naming)


_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?[\s,]*$")


def _is_title(ctx: _Context, q: _Q) -> bool:
    """A direct quotation that names a work, a campaign or an operation rather than quoting anyone:
    short, opening on a capital, and either right after a work noun or a naming verb ('the film
    "Parasite"', 'his book, "Fear,"', 'Operation "Iron Wall"', 'an exhibition titled "Faces of
    War"') or in title case and attributed by no speech verb ('She starred in "Breaking Bad"',
    'The band played "Born in the USA"')."""
    text = ctx.article.text
    content = text[q.start : q.end]
    words = _ALNUM_WORD.findall(content)
    if not words or len(words) > 10 or not words[0][0].isupper():
        return False
    titled = _title_like(content)
    spoken = _speech_cue(ctx, q)
    ps, _ = ctx.paragraph_of(q.start)
    before = text[max(ps, q.start - 60) : q.start].rstrip(" \"“„«'`")
    m = _WORD_BEFORE_RE.search(before)
    if m is not None:
        works, naming = title_words()
        last = (m.group(2) or m.group(1)).lower()
        pair = f"{m.group(1)} {m.group(2)}".lower() if m.group(2) else ""
        if last in _SLOGAN_NOUNS:
            return False  # 'greeted him with the chant "Lock Him Up"': words someone repeats
        if last in works or last in naming or pair in naming:
            # 'his book, "Fear,"' but not 'In the film, "I never wanted to be a hero," she says'
            # nor 'told the show "We will win"'
            return titled or (not before.endswith(",") and not spoken)
        if titled and len(words) <= 6 and (last in _TITLE_PREPS or re.search(r"\w[’']s$", before)):
            # 'said on "Fox News Sunday"', 'told CBS's "Face the Nation"': a programme or a
            # publication where something was said, not what was said
            return True
    # 'The statement read: "We Will Fight On."': a colon introduces words
    return titled and q.cue_span is not None and not spoken and not before.endswith(":")


_TITLE_PREPS = frozenset("on in to during with from at onto".split())


def _speech_cue(ctx: _Context, q: _Q) -> bool:
    """Whether the quote's cue says someone spoke: a speech or reporting verb, 'according to', a
    colon or a dash; not a verb of doing ('starred in', 'played')."""
    if q.cue_span is None:
        return False
    cue = ctx.tokens(*q.cue_span)
    if not cue or cue[0].pos_ not in ("VERB", "AUX"):
        return True
    lemma = cue[0].lemma_.lower()
    return lemma in L.SPEECH_VERBS or lemma in frames() or cue[0].lower_ in _HOPE_FORMS


def _unspoken(ctx: _Context, q: _Q) -> bool:
    """Whether nothing says the quote was spoken: no speaker and no cue, and not an authored
    title ('a paper by X and Y titled "..."'), a sign that read: "...", nor a chant ("USA!")."""
    if q.speaker_text is not None:
        return False
    text = ctx.article.text
    before = text[max(0, q.start - 12) : q.start].lower()
    return not ("titled" in before or before.rstrip(" \"“'`").endswith(":") or "!" in text[q.start : q.end])


def _to_quote(text: str, q: _Q) -> Quote:
    extra: dict[str, Any] = {}
    if q.speaker_span:
        extra["speaker_start"], extra["speaker_end"] = q.speaker_span
    if q.cue_span:
        extra["cue_start"], extra["cue_end"] = q.cue_span
    if q.source_span:
        extra["source_text"] = q.source_text
        extra["source_start"], extra["source_end"] = q.source_span
    return Quote(
        text=text[q.start : q.end],
        start=q.start,
        end=q.end,
        speaker=q.speaker,
        speaker_text=q.speaker_text,
        cue=q.cue,
        kind=q.kind,
        **extra,
    )


# -- direct quotes --------------------------------------------------------------------------------


def _mark_role(text: str, i: int, j: int, para_start: int, para_end: int) -> str:
    """Whether the mark text[i:j] opens or closes a quote."""
    ch = text[i]
    if ch in _OPEN_ONLY or text[i:j] == "``":
        return "open"
    if ch in _CLOSE_ONLY:
        return "close"
    before = text[i - 1] if i > para_start else " "
    after = text[j] if j < para_end else " "
    if before.isspace() or before in "([{—–-:/":
        return "open" if not after.isspace() else "close"
    if before in ",;" and after.isalnum():
        return "open"  # 'Ryan said,"Look, ...'
    return "close"


def _ambiguous(mark: str) -> bool:
    """A straight mark ('"', "''") both opens and closes."""
    return mark in ('"', "''")


def _opens_paragraph(text: str, i: int | None) -> bool:
    return i is not None and (text[i] in '"“„«' or text.startswith(("''", "``"), i))


def _direct_quotes(text: str, paras: list[tuple[int, int]]) -> list[_Q]:
    out: list[_Q] = []
    carry: _Q | None = None  # a quote left open at the end of the previous paragraph
    for k, (ps, pe) in enumerate(paras):
        marks = [
            (m.start(), m.end(), _mark_role(text, m.start(), m.end(), ps, pe)) for m in _MARKS_RE.finditer(text, ps, pe)
        ]
        first = _first_char(text, ps, pe)
        if carry is not None:
            if marks and marks[0][0] == first and _opens_paragraph(text, first):
                marks = marks[1:]  # the reopening mark: the quote goes on
            else:  # the next paragraph did not reopen: the quote ended with the last one
                out.append(carry)
                carry = None
        open_at: tuple[int, int] | None = None
        for pos, end, role in marks:
            if carry is not None:
                if role == "close" or _ambiguous(text[pos:end]):
                    carry.end = _trim_end(text, carry.start, pos)
                    carry.bare = carry.bare and _only_space(text, end, pe)
                    out.append(carry)
                    carry = None
                continue
            if role == "open":
                open_at = (pos, end)  # an earlier unclosed open in this paragraph was stray
                continue
            if open_at is None:
                continue  # a stray closing mark
            q = _Q(start=_trim_start(text, open_at[1], pos), end=_trim_end(text, open_at[1], pos), para=k)
            q.bare = _only_space(text, ps, open_at[0]) and _only_space(text, end, pe)
            out.append(q)
            open_at = None
        if carry is not None:  # no close in this paragraph either: it may go on
            carry.end = _trim_end(text, carry.start, pe)
            continue
        if open_at is not None and k + 1 < len(paras):
            nps, npe = paras[k + 1]
            nfirst = _first_char(text, nps, npe)
            # a quote runs on only if it opened a sentence or followed a cue ('said: "')
            lead = text[ps : open_at[0]].rstrip()
            opener = not lead or lead[-1] in ".:,!?;—–-"
            if opener and _opens_paragraph(text, nfirst):
                carry = _Q(start=_trim_start(text, open_at[1], pe), end=_trim_end(text, open_at[1], pe), para=k)
                carry.bare = _only_space(text, ps, open_at[0])
            # else: a stray opening mark, dropped; the paragraph's other quotes stand
    if carry is not None:
        out.append(carry)
    return [q for q in out if q.end - q.start >= 2]


def _first_char(text: str, s: int, e: int) -> int | None:
    for i in range(s, e):
        if not text[i].isspace():
            return i
    return None


def _only_space(text: str, s: int, e: int) -> bool:
    return not text[s:e].strip()


def _trim_start(text: str, s: int, e: int) -> int:
    while s < e and text[s].isspace():
        s += 1
    return s


def _trim_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return e


# -- context: tokens, actors, sentences -----------------------------------------------------------


class _Context:
    def __init__(self, article: Article, doc: Any) -> None:
        self.article = article
        self.doc = doc
        self.starts = token_starts(doc)
        self.tok_actor: list[str | None] = [None] * len(doc)
        self.kinds = {a.id: a.kind for a in article.actors}
        self.mentions: list[tuple[int, int, str]] = []
        for a in article.actors:
            for m in a.mentions:
                self.mentions.append((m.start, m.end, a.id))
                i = self.token_at(m.start)
                while i < len(doc) and self.starts[i] < m.end:
                    self.tok_actor[i] = a.id
                    i += 1
        self.mentions.sort()
        # a person's name, or its first or last word when no one else has it: 'Noma said' where
        # the model tagged this 'Noma' as no entity but another as the person
        self.person_names: dict[str, str | None] = {}
        for a in article.actors:
            if a.kind != "person":
                continue
            words = a.name.lower().split()
            for key in {a.name.lower(), words[0], words[-1]} if words else ():
                self.person_names[key] = a.id if self.person_names.get(key, a.id) == a.id else None
        # an organisation's whole name, for a mention the tagger missed ("according to Toyota")
        self.org_names: dict[str, str | None] = {}
        for a in article.actors:
            if a.kind == "organization" and any(ch.isupper() for ch in a.name):
                key = a.name.lower()
                self.org_names[key] = a.id if self.org_names.get(key, a.id) == a.id else None
        from .actors import sentence_starts

        self.sent_starts = sentence_starts(doc)
        self.paras = [(m.start(), m.end()) for m in _PARA_RE.finditer(article.text)]
        self.para_starts = [s for s, _ in self.paras]
        self.coref: Coreference | None = None
        self.direct_spans: list[tuple[int, int]] = []

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.para_starts, pos) - 1
        return self.paras[i] if i >= 0 else (0, len(self.article.text))

    def kind_of(self, actor_id: str | None) -> str | None:
        return self.kinds.get(actor_id) if actor_id else None

    def token_at(self, char: int) -> int:
        return char_token(self.doc, char)

    def tokens(self, s: int, e: int) -> list[Any]:
        i = self.token_at(s)
        if i < len(self.doc) and self.starts[i] < s:
            i += 1
        out = []
        while i < len(self.doc) and self.starts[i] < e:
            out.append(self.doc[i])
            i += 1
        return out

    def in_direct(self, char: int) -> bool:
        k = bisect.bisect_right(self.direct_spans, (char, 1 << 60)) - 1
        return k >= 0 and self.direct_spans[k][0] <= char < self.direct_spans[k][1]

    def speaker_of(
        self, verb: Any, content: tuple[int, int] | None = None, *, outside: bool = True
    ) -> tuple[str | None, str | None, tuple[int, int] | None]:
        """(actor id, text, span) of the subject of a cue verb. ``content``: what the subject is
        said to have said (no antecedent of a pronoun lies in it; with ``outside``, nor does the
        subject itself: a direct quote)."""
        speech = _enclosing_speech(verb)
        if speech is not None:
            # "Trump said that he heard the senator doesn't meet the requirements, adding, '...'":
            # who adds goes on speaking, whatever clause of the report the parse hangs it on
            return self.speaker_of(speech, content, outside=outside)
        return self._subject_of(verb, content, outside)

    def _subject_of(
        self, verb: Any, content: tuple[int, int] | None, outside: bool
    ) -> tuple[str | None, str | None, tuple[int, int] | None]:
        subj = None
        tok = verb
        for _ in range(4):  # "..., adding that", "by saying that": the subject of the governing verb
            subj = self._subject(tok)
            if (
                subj is None
                and tok.dep_ == "acl"
                and tok.tag_ in ("VBG", "VBD")
                and self.kinds.get(self.tok_actor[tok.head.i] or "") in ("person", "organization")
            ):
                subj = tok.head  # "Donald Trump, who ..., tweeted on Friday to say": the actor acts
                break
            if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and _document_noun(tok.head):
                subj = issuer(tok.head)  # "X issued a statement warning that ...": X
                if subj is not None:
                    break
            if (
                subj is not None
                # "were slightly more likely to say": through the adjective to its subject
                or tok.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "acomp")
                or tok.head is None
                or tok.head.i == tok.i
            ):
                break
            tok = tok.head
        if subj is not None and subj.dep_ == "nsubjpass" and tok.i == verb.i:
            # "Sanders was asked by host Bill Maher": the asker; without an agent, no one known
            # (the passive subject of a verb the cue is conjoined to speaks: "Trump was forced
            # into damage control and said that ...")
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None:
                return None, None, None
            subj = pobj
        if subj is not None and subj.ent_type_ in ("TIME", "DATE") and not self.tok_actor[subj.i]:
            # "Jan 13 (ANI): Allcargo Logistics Ltd said": a dateline's date taken as subject
            subj = self._named_before(verb)
        if subj is not None and subj.is_upper and subj.i + 1 < len(subj.doc) and subj.nbor().text in _DATELINE_DASHES:
            # "WASHINGTON -- President Obama, ..., said": a dateline taken as subject, the speaker
            # its apposition after the dash
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i + 1), subj)
        if subj is not None:
            subj = self._apposed_speaker(subj, verb)
        if subj is None and verb.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "relcl", "acl"):
            subj = self._named_before(verb)  # a subject the parser lost in an apposition
        if subj is not None and subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            subj = tok.head  # "Smith, who said ...": Smith
        if subj is None or subj.lower_ in _RELATIVE or subj.ent_type_ in ("TIME", "DATE") or self.in_direct(subj.idx):
            return None, None, None
        if outside and content is not None and content[0] <= subj.idx < content[1]:
            return None, None, None
        actor, stext, sspan = self.phrase_actor(subj, content)
        if sspan is not None and subj.i < verb.i and sspan[0] < verb.idx < sspan[1]:
            # the cue inside the speaker's own phrase ('a man yelled "Stay there!"' parsed as one
            # noun phrase, 'a candidate who promised mass deportation'): the speaker's words end
            # before the clause that holds the cue, keeping its relative pronoun ('an architect
            # who'), which stands for the speaker
            cut = verb
            while cut.head.i != subj.i and cut.head.i != cut.i:
                cut = cut.head
            end = verb.idx
            first = cut.left_edge
            if cut.head.i == subj.i and subj.i < first.i < verb.i:
                end = first.idx + len(first) if first.tag_ in ("WP", "WDT", "WP$") else first.idx
            stext = self.article.text[sspan[0] : end].rstrip(" ,;:-–—(")
            sspan = (sspan[0], sspan[0] + len(stext))
        return actor, stext, sspan

    def _apposed_speaker(self, subj: Any, verb: Any) -> Any:
        """An apposition naming another actor right before the verb speaks, not the head it hangs
        on: "(Reuters): Harbour Freight Ltd said", "Professor Kapur - dean of ... - Dr Fauci said"
        (the parser makes the second name an apposition of the first)."""
        own = self.tok_actor[subj.i]
        if own is None:
            return subj
        for c in subj.children:
            if c.dep_ != "appos" or c.i < subj.i:
                continue
            other = self.tok_actor[c.i]
            if other is None or other == own or self.kinds.get(other) not in ("person", "organization"):
                continue
            # set off by a dash, colon or bracket, not a comma: "Smith, the party's Jones, said"
            # is one phrase that names its source whole
            marks = {t.text for t in self.doc[subj.i + 1 : c.left_edge.i]}
            between = self.doc[c.right_edge.i + 1 : verb.i]
            if (
                marks & _APPOS_MARKS
                and c.right_edge.i < verb.i
                and all(t.pos_ in ("AUX", "PART", "ADV", "PUNCT") for t in between)
            ):
                return c
        return subj

    def _subject(self, verb: Any) -> Any | None:
        """The subject of ``verb``: of two (a heading the parser ran into the sentence: 'THE
        BORROWING Back when ..., Mr. McKinley said'), a person or organisation before another,
        then the nearest before the verb; one in an
        earlier paragraph ('The Latest ...:\n\n7 p.m.\n\nDonald Trump is questioning') gives way
        to the actor it carries in the verb's own paragraph, else to the actor named just before
        the verb."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        named = [
            c
            for c in subjects
            if self.tok_actor[c.i] and self.kinds.get(self.tok_actor[c.i]) in ("person", "organization")
        ]
        # a floating quantifier ('figures ... both suggested') is no subject of its own
        subjects = [c for c in subjects if c.lower_ not in ("both", "all", "each")] or subjects
        before = [c for c in named or subjects if c.i < verb.i]
        subj = before[-1] if before else (named or subjects)[0]
        para = self.paragraph_of(verb.idx)
        if self.paragraph_of(subj.idx) == para:
            return subj
        inside = [
            t
            for t in subj.subtree
            if para[0] <= t.idx < para[1]
            and self.tok_actor[t.i]
            and self.kinds.get(self.tok_actor[t.i]) in ("person", "organization")
        ]
        heads = [t for t in inside if self.tok_actor[t.head.i] != self.tok_actor[t.i] or t.head.i == t.i]
        if heads:
            return heads[0]
        return self._named_before(verb)

    def _named_before(self, verb: Any) -> Any | None:
        """The head of the nearest actor mention just before ``verb`` in its sentence, with no
        other verb between ('her senior policy adviser, Jake Sullivan, said:'); a phrase set off
        by commas that holds a verb is passed over ('President Obama, dedicating the National
        Museum of African American History and Culture on Saturday, said')."""
        doc = self.doc
        lo = max(self.sent_starts[verb.i], verb.i - 40)
        k, seen = verb.i - 1, 0
        while k >= lo and seen < 12:
            t = doc[k]
            if t.text == ",":
                j = k - 1
                while j >= lo and doc[j].text != ",":
                    j -= 1
                if j >= lo and any(x.pos_ == "VERB" for x in doc[j + 1 : k]):
                    k = j - 1
                    continue
            elif t.pos_ in ("VERB", "AUX") or self.in_direct(t.idx):
                return None
            elif self.tok_actor[k] and self.kinds.get(self.tok_actor[k]) in ("person", "organization"):
                return t
            k -= 1
            seen += 1
        return None

    def phrase_actor(
        self, head: Any, content: tuple[int, int] | None = None
    ) -> tuple[str | None, str | None, tuple[int, int] | None]:
        sub = [t for t in head.subtree if t.dep_ not in ("relcl", "acl") or t is head]
        # keep the contiguous core: the head's left part and appositions, not relative clauses
        rel = [c for c in head.children if c.dep_ in ("relcl", "acl", "prep") and c.i > head.i]
        stop = min((c.left_edge.i for c in rel), default=None)
        if stop is not None:
            sub = [t for t in sub if t.i < stop]
        keep = {x.i for x in sub}
        sub = [t for t in head.subtree if t.i in keep]
        while sub and (sub[-1].is_punct or sub[-1].dep_ == "cc"):
            sub.pop()
        if (
            sub
            and sub[-1].i + 1 < len(self.doc)
            and self.doc[sub[-1].i + 1].text == ")"
            and any(t.text == "(" for t in sub)
        ):
            sub.append(self.doc[sub[-1].i + 1])
        if not sub:
            sub = [head]
        # the speaker's words: the whole noun phrase with its modifiers and relative clauses
        # (as PolNeAR marks sources), kept within the head's paragraph; the actor comes from the
        # core only ("Mrs. Clinton, who said Mr. Sanders ..." is Clinton)
        ps, pe = self.paragraph_of(head.idx)
        full = [t for t in head.subtree if ps <= t.idx < pe]
        while full and (full[-1].is_punct or full[-1].dep_ == "cc") and full[-1].text != ")":
            full.pop()
        while full and full[0].is_punct and full[0].text != "(":
            full.pop(0)
        if not full or len(full) > 60:
            full = sub
        span = (full[0].idx, full[-1].idx + len(full[-1]))
        text = self.article.text[span[0] : span[1]]
        actor = self.tok_actor[head.i]
        if actor is not None and self.coref is not None and head.i in self.coref.alias:
            actor = self.coref.alias[head.i]  # "the company said" after Skoda: Skoda
        if self.coref is not None and actor not in self.coref.named:
            # "The company that runs the awards, Dick Clark Productions, denies": the name in
            # apposition to a description speaks
            named = [
                self.tok_actor[c.i]
                for c in head.children
                if c.dep_ == "appos"
                and self.tok_actor[c.i] in self.coref.named
                and self.kinds.get(self.tok_actor[c.i] or "") in ("person", "organization")
            ]
            actor = named[0] if named else actor
        if actor is None:
            persons = [
                self.tok_actor[t.i]
                for t in sub
                if self.tok_actor[t.i] and self.kinds.get(self.tok_actor[t.i]) in ("person", "organization")
            ]
            # "Hundreds of demonstrators": the group counted
            counted = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            groups = [
                self.tok_actor[t.i]
                for t in counted
                if self.tok_actor[t.i] and self.kinds.get(self.tok_actor[t.i]) == "group"
            ]
            if persons:
                actor = persons[-1] if head.i < len(self.doc) and head.lower_ in L.ROLES else persons[0]
            elif groups and (head.like_num or head.lower_ in _CROWD_COUNTS):
                actor = groups[0]
            else:
                countries = [
                    self.tok_actor[t.i]
                    for t in sub
                    if self.tok_actor[t.i] and self.kinds.get(self.tok_actor[t.i]) == "country"
                ]
                hl = head.lemma_.lower()
                if countries and (
                    L.ROLES.get(hl) in ("GOV", "MIL")
                    or L.ROLES.get(head.lower_) in ("GOV", "MIL")
                    or L.ORG_WORDS.get(hl) in ("GOV", "MIL", "LEG")
                ):
                    actor = countries[0]
        if actor is None and head.pos_ == "PROPN" and not head.ent_type_ and len(sub) <= 3:
            actor = self.person_names.get(" ".join(t.lower_ for t in sub if t.pos_ == "PROPN")) or None
        if actor is None and head.pos_ == "PROPN" and len(sub) <= 4:
            actor = self.org_names.get(" ".join(t.lower_ for t in sub if not t.is_punct)) or None
        if actor is None and self.coref is not None and head.pos_ in ("PRON", "NOUN"):
            # "he", "the spokesman": the actor they refer to
            actor = self.coref.resolve(head.i, content)
        return actor, text, span

    def subject_before(self, q: _Q) -> bool:
        """A quote that opens a sentence after another of its paragraph is said by the person
        that sentence is about (its subject), when nothing else attributes it: 'Sen. Bernie
        Sanders ... identified young voters' exhaustion with bigotry as one of the reasons. "The
        younger people are ... sick and tired of discrimination."' Sets the speaker."""
        doc = self.doc
        k = self.token_at(q.start) - 1
        while k >= 0 and (doc[k].is_space or doc[k].text in _LEAD_SKIP or doc[k].text == "``"):
            k -= 1
        ps, _ = self.paragraph_of(q.start)
        if k < 0 or doc[k].idx < ps or doc[k].text not in _SENT_END:
            return False
        root = sent_at(doc, k).root
        if root.pos_ not in ("VERB", "AUX") or root.idx < ps:
            return False
        subj = self._subject(root)
        if subj is None or subj.idx < ps or self.in_direct(subj.idx):
            return False
        actor, stext, sspan = self.phrase_actor(subj, (q.start, q.end))
        if actor is None or self.kinds.get(actor) != "person":
            return False
        q.speaker, q.speaker_text, q.speaker_span = actor, stext, sspan
        return True

    def person_before(self, pos: int, quotes: list[_Q]) -> str | None:
        for s, e, aid in reversed(self.mentions):
            if e <= pos and self.kinds.get(aid) == "person" and not _inside(s, quotes):
                return aid
        return None

    def last_person_in(self, s: int, e: int, quotes: list[_Q]) -> tuple[str, str, tuple[int, int]] | None:
        for ms, me, aid in reversed(self.mentions):
            if s <= ms and me <= e and self.kinds.get(aid) == "person" and not _inside(ms, quotes):
                return aid, self.article.text[ms:me], (ms, me)
        return None


def _inside(pos: int, quotes: list[_Q]) -> bool:
    return any(q.start <= pos < q.end for q in quotes if q.kind == "direct")


def _is_cue(tok: Any) -> bool:
    """A cue of a direct quotation: a speech verb, or a verb that voices words ('yelled')."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma != "be" and (lemma in L.SPEECH_VERBS or "quote" in frames().get(lemma, (None, ()))[1])


def _cue_text(tok: Any, text: str) -> tuple[str, tuple[int, int]]:
    doc = tok.doc  # (the children's labels and words from the cached parse, without their Tokens)
    labels, children, start = parse_tree(doc)
    low, orth, starts = token_strings(doc, "LOWER"), token_strings(doc, "ORTH"), token_starts(doc)
    end = tok.i
    for c in children[start[end] : start[end + 1]]:
        if c == end + 1 and (labels[c] == "prt" or (labels[c] in ("dobj", "dative") and low[c] in _AUDIENCE)):
            end = c
    s, e = starts[tok.i], starts[end] + len(orth[end])
    return text[s:e], (s, e)


_SENT_END = {".", "!", "?"}
# a count before the group that speaks: "Hundreds of demonstrators", "Dozens of residents"
_CROWD_COUNTS = frozenset("hundreds thousands dozens scores millions tens some many most several".split())
_APPOS_MARKS = {":", "):", ")", "-", "–", "—", "―", "--"}
# a relative pronoun the parse left without its antecedent is no speaker
_RELATIVE = {"which", "what", "whatever", "whichever"}
# subjects whose knowing or finding is no one's reported view
_GENERIC_SUBJECTS = {
    "we",
    "you",
    "ya",  # "ya know": a filler
    "i",
    "everyone",
    "everybody",
    "nobody",
    "no one",
    "one",
    "anyone",
    "it",
    "that",
    "this",
}
# spaCy's small model gives "hoped" the lemma "hop"
_HOPE_FORMS = {"hope", "hoped", "hopes", "hoping"}
_LEAD_SKIP = {",", "''", "'", "”", '"', "’", "``", "“", "—", "–", "-", "―"}


def _according_obj(ctx: _Context, tok: Any) -> tuple[Any, Any] | None:
    """(the 'to' token, the object) of 'according to X' at ``tok``."""
    doc = ctx.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
    return (doc[tok.i + 1], pobj[0]) if pobj else None


def _first_cue_speaks(ctx: _Context, q: _Q, tokens: list[Any]) -> bool:
    """Walk ``tokens`` (the words next to a quote, nearest first) to the first 'according to' or
    speech cue and take its speaker; whether that gave the quote a speaker."""
    for t in tokens:
        if _set_according(ctx, q, t):
            return True
        if _is_cue(t):
            return _set_speaker(ctx, q, t)
    return False


def _set_according(ctx: _Context, q: _Q, tok: Any) -> bool:
    found = _according_obj(ctx, tok)
    if found is None:
        return False
    to, pobj = found
    _according_speaker(ctx, q, pobj, (q.start, q.end))
    q.cue, q.cue_span = "according to", (tok.idx, to.idx + len(to))
    return True


_SOURCES_FILE = _FRAMES_FILE.with_name("sources.txt")


@lru_cache(maxsize=1)
def unnamed_sources() -> frozenset[str]:
    """Nouns of ``data/quotes/sources.txt``: information that names no one ('reports')."""
    lines = _SOURCES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.lower() for raw in lines for w in raw.split("#", 1)[0].split())


# how an owner hangs on the information noun: 'the ministry's data', 'a CNN poll', 'figures from
# the ministry', 'details released by the ministry', 'reports in the Daily Star'
_OWNER_DEPS = {"poss", "compound", "nmod", "pobj", "agent", "acl", "relcl", "prep"}
_OWNER_PREPS = {"by", "from", "of", "in"}


def _according_speaker(ctx: _Context, q: _Q, pobj: Any, content: tuple[int, int]) -> None:
    """The speaker of 'according to X'. When X is information that names no one ('reports',
    'sources', 'details'), the speaker is its named owner ('details released by the ministry')
    or no one: the words stay as the quote's ``source_text``, never as a speaker."""
    actor, stext, sspan = ctx.phrase_actor(pobj, content)
    if pobj.lower_ not in unnamed_sources() and pobj.lemma_.lower() not in unnamed_sources():
        q.speaker, q.speaker_text, q.speaker_span = actor, stext, sspan
        return
    owner = _owner(ctx, pobj)
    if owner is not None:
        q.speaker, q.speaker_text, q.speaker_span = owner, stext, sspan
        return
    q.speaker = q.speaker_text = q.speaker_span = None
    q.source_text, q.source_span = stext, sspan


def _owner(ctx: _Context, head: Any) -> str | None:
    """The actor that owns the information ``head`` names, nearest first."""
    for t in head.subtree:
        actor = ctx.tok_actor[t.i]
        if t.i == head.i or actor is None or ctx.kinds.get(actor) not in ("person", "organization", "group", "country"):
            continue
        k, ok = t, True
        while k.i != head.i and ok:
            ok = k.dep_ in _OWNER_DEPS and (k.dep_ != "prep" or k.lower_ in _OWNER_PREPS)
            k = k.head
        if ok:
            if ctx.coref is not None and t.i in ctx.coref.alias:
                return ctx.coref.alias[t.i]
            return actor
    return None


def _document_noun(tok: Any) -> bool:
    """A noun for a document that speaks for its author ("statement", "letter", "report")."""
    return tok.pos_ == "NOUN" and descriptors().get(tok.lemma_.lower()) == "DOC"


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _speech(tok: Any) -> bool:
    return _is_cue(tok) or (tok.pos_ == "VERB" and tok.lower_ in _HOPE_FORMS)


def _enclosing_speech(verb: Any) -> Any | None:
    """For "adding" with no subject of its own that the parse hangs on a verb of reported words
    ("Trump said that he heard the senator doesn't meet the requirements, adding"; "Biller said he
    hoped the state would agree ..., adding"): the nearest speech verb above it, whose speaker
    goes on. None when the verb it hangs on is no reported words (a speech verb of its own: "he
    said, adding")."""
    if verb.lemma_.lower() != "add" or verb.tag_ != "VBG" or _has_subject(verb) or verb.dep_ != "advcl":
        return None
    return next((anc for anc in verb.head.ancestors if _speech(anc)), None)


def _attribute_direct(ctx: _Context, q: _Q, direct: list[_Q], paras: list[tuple[int, int]]) -> None:
    """The speaker of a direct quote: a cue after it ('...," Ushakov said', '...," Bennett shot
    back'), before it ('He said: "..."', 'He continued, "..."', 'according to X, "..."'), at the
    end of the paragraph before ('She went on to say:' + a quote paragraph), or the subject of
    the verb the quoted words belong to ('Bush called his rival "totally scripted"')."""
    text = ctx.article.text
    ps, pe = paras[q.para]
    close = q.end
    nxt = min((d.start for d in direct if d.start > q.end), default=len(text))
    end_para = next((e for s, e in paras if s <= close <= e), pe)
    # after the quote: up to the end of its sentence, the paragraph or the next quote; a quote
    # that ends its own sentence ('... soft." He says referees ...') has no cue after it, one
    # that ends on '?' or '!' only a short one ('"Why?" she asked.')
    seg: list[Any] = []
    last = text[q.end - 1] if q.end > q.start else ""
    after_toks = [] if last == "." else ctx.tokens(close, min(nxt - 1, end_para))
    for t in after_toks:
        if not seg and (t.text in _LEAD_SKIP or t.is_space):
            continue
        if t.text in _SENT_END:
            break
        seg.append(t)
        if len(seg) >= 30:
            break
    if last in "?!":
        seg = seg[:6]  # '"...!" US Senator Jeff Sessions said as he ...', not a later clause
    if _voiced_before(ctx, q):
        return
    if _first_cue_speaks(ctx, q, seg):
        return
    # any verb with its subject right after a quote that ends on ',', '?', '!' or a dash is the
    # cue, whatever the verb ('"...," Bennett shot back with a laugh')
    tail = text[close : min(close + 4, len(text))]
    if seg and any(ch in tail for ch in ",?!—–") and seg[0].pos_ in ("PROPN", "NOUN", "PRON", "VERB", "DET", "ADJ"):
        for t in seg[:8]:
            if t.pos_ == "VERB" and _has_subject(t) and _opens_with_cue(t, seg[0]) and _set_speaker(ctx, q, t):
                return
    # a name after a dash: '"...” ― Sonya Herridge', as epigraphs and lists of voices sign
    if _signed(ctx, q, close, end_para):
        return
    # before the quote: 'He said: "..."', 'said Smith, "..."', 'according to X, "..."'
    open_pos = q.start - 1
    prev = max((d.end for d in direct if d.end < q.start), default=ps)
    lo = max(prev + 1, ps)
    before = ctx.tokens(lo, open_pos)
    stripped = text[lo:open_pos].rstrip(" \"“„«'`")
    if not stripped.strip() and q.bare and q.para > 0:
        # a quote paragraph after a paragraph that ends 'She went on to say:'
        pps, ppe = paras[q.para - 1]
        if text[pps:ppe].rstrip().endswith(":"):
            before = ctx.tokens(pps, ppe)
            stripped = text[pps:ppe].rstrip()
    if before and stripped and stripped[-1] in _SAY_AFTER_OPENERS | {"t", "d", "s"}:
        cand: list[Any] = []
        for t in reversed(before):  # back to the start of the sentence
            if t.text in _SENT_END and cand:
                break
            cand.append(t)
            if len(cand) >= 30:
                break
        if _first_cue_speaks(ctx, q, cand):
            return
        # 'Michael P. McDonald: "..."': a name and a colon
        words = [t for t in cand if not (t.is_punct or t.is_space)]
        if stripped[-1] == ":" and words and ctx.tok_actor[words[0].i]:
            head = words[0]
            if all(ctx.tok_actor[t.i] == ctx.tok_actor[head.i] for t in words[: len(words)]) or len(words) <= 4:
                q.speaker, q.speaker_text, q.speaker_span = ctx.phrase_actor(head, (q.start, q.end))
                colon = text.rfind(":", 0, open_pos + 1)
                q.cue, q.cue_span = ":", (colon, colon + 1)
                return
        # 'He continued, "...', 'Hillary shot back, "...', 'The statement read: "...'

        if words:
            last = words[0]
            if last.dep_ in ("prt", "advmod") and len(words) > 1:
                last = words[1]
            verbs = [last] if stripped[-1] == "," else [t for t in words if t.pos_ == "VERB"][:1]
            for v in verbs:
                if v.pos_ == "VERB" and _has_subject(v) and _set_speaker(ctx, q, v):
                    return
    if q.bare:
        return
    # a quotation inside a sentence: the subject of the verb the quoted words depend on
    inside = ctx.tokens(q.start, q.end)
    if not inside:
        return
    lo_i, hi_i = inside[0].i, inside[-1].i
    tops = [t for t in inside if not t.is_punct and (not (lo_i <= t.head.i <= hi_i) or t.head.i == t.i)]
    if len(tops) != 1 or tops[0].dep_ in ("compound", "amod", "nmod", "poss", "nummod"):
        return  # a modifier in quotation marks ('the GOP's "establishment" candidate')
    if _slogan_of(ctx, q, tops[0]):
        return
    words = [t for t in inside if t.is_alpha]
    if words and all(t.text[0].isupper() for t in words) and len(words) < 8:
        return  # a title: 'on "Sunday Morning Futures"'
    # up the tree, through verbs and 'as'/'of'/'with' phrases, never a place or time phrase
    chain = []
    tok = tops[0].head
    for _ in range(6):
        if lo_i <= tok.i <= hi_i or ctx.in_direct(tok.idx):
            break
        if tok.pos_ == "ADP" and tok.lower_ not in ("as", "of", "with", "by"):
            break  # 'said on "Fox News Sunday"'
        if tok.pos_ == "VERB":
            chain.append(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    # the nearest reporting verb ('He says Americans don't need any more "lectures"'), else the
    # nearest verb whose subject is an actor ('Bush called his rival "totally scripted"')
    table = frames()
    reporting = [v for v in chain if v.lemma_.lower() in L.SPEECH_VERBS or v.lemma_.lower() in table]
    for v in reporting[:1] + [v for v in chain if v not in reporting[:1]]:
        actor, stext, sspan = ctx.speaker_of(v, (q.start, q.end))
        if stext is not None and (actor is not None or v in reporting):
            q.speaker, q.speaker_text, q.speaker_span = actor, stext, sspan
            q.cue, q.cue_span = _cue_text(v, text)
            return


def _voiced_before(ctx: _Context, q: _Q) -> bool:
    """A verb that voices words right before the opening mark takes the quote as its object
    ('marched on Monday, chanting "Bernie or Jill, No Hill," raising questions ...', 'a man
    yelled "Stay there!"'): its subject speaks, whatever reporting verb comes after."""
    k = ctx.token_at(q.start) - 1
    doc = ctx.doc
    while k >= 0 and (doc[k].is_space or doc[k].text in _LEAD_SKIP) and doc[k].text != ",":
        k -= 1
    if k < 0 or doc[k].idx < ctx.paragraph_of(q.start)[0]:
        return False
    verb = doc[k]
    if verb.pos_ != "VERB" or "quote" not in frames().get(verb.lemma_.lower(), (None, ()))[1]:
        return False
    return _set_speaker(ctx, q, verb)


def _opens_with_cue(verb: Any, first: Any) -> bool:
    """Whether the words right after a quote open the cue clause: the verb itself ('"...," said
    Smith') or its subject ('"...," the senator from Texas told reporters'), not a later clause
    ('chanting "...," raising questions about whether Clinton will face ...')."""
    if verb.i == first.i:
        return True
    doc = verb.doc
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        start = c.left_edge
        if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            # '"...," Nate Silver, the polling guru who founded the site, tweeted'
            head = verb.head
            while head.dep_ == "appos" and head.head.i != head.i:
                head = head.head
            start = head.left_edge
        # only a verb put first may come before ('"...," said Robin Maynard, half joking', '"...,"
        # begins a scripted message that ...')
        if all(
            (t.i == first.i and t.pos_ == "VERB") or _is_cue(t) or t.pos_ in ("ADV", "PART", "AUX", "PUNCT")
            for t in doc[first.i : start.i]
        ):
            return True
    return False


# nouns for words a crowd or a campaign repeats: 'under the slogan "Axe the tax"', 'the chant
# "Lock her up"'; the quote is theirs: the subject of the verb the noun hangs on
_SLOGAN_NOUNS = frozenset("slogan slogans chant chants motto mantra catchphrase refrain cry battle-cry".split())


def _slogan_of(ctx: _Context, q: _Q, top: Any) -> bool:
    """A quotation that is a slogan or chant in apposition to its noun ('campaigned under the
    slogan "Axe the Tax"', 'with the chant "No Hill"'): its speaker is the subject of the verb
    the noun phrase hangs on, and the noun is the cue. Sets them and says whether it did."""
    k = ctx.token_at(q.start) - 1
    while k > 0 and (ctx.doc[k].is_punct or ctx.doc[k].is_space):
        k -= 1
    nouns = [t for t in (top, top.head, ctx.doc[k]) if t.lemma_.lower() in _SLOGAN_NOUNS and t.pos_ == "NOUN"]
    if not nouns or nouns[0].idx >= q.start:
        return False
    noun = nouns[0]
    verb = noun.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    actor, stext, sspan = ctx.speaker_of(verb, (q.start, q.end))
    if stext is None:
        return False
    q.speaker, q.speaker_text, q.speaker_span = actor, stext, sspan
    q.cue, q.cue_span = noun.text, (noun.idx, noun.idx + len(noun))
    return True


_SIGNATURE_RE = re.compile(r"[\s,.]*(?:[\"”»’']|'')\s*(?P<dash>[―—–-]{1,2})\s*")


def _signed(ctx: _Context, q: _Q, close: int, end_para: int) -> bool:
    """The speaker named after the closing mark and a dash, the name ending its paragraph or
    followed by a comma and a description ('” ― Carla Sanchez.', '" — Jane Doe, a nurse')."""
    text = ctx.article.text
    m = _SIGNATURE_RE.match(text, close, end_para)
    if m is None:
        return False
    toks = [t for t in ctx.tokens(m.end(), end_para) if not t.is_space]
    if not toks or toks[0].idx != m.end():
        return False
    first = toks[0]
    actor = ctx.tok_actor[first.i]
    if actor is not None and ctx.kinds.get(actor) in ("person", "organization"):
        name = [t for t in toks if ctx.tok_actor[t.i] == actor]
        name = name[: next((k for k, t in enumerate(name) if t.i != first.i + k), len(name))]
    elif first.pos_ == "PROPN":
        actor = None
        name = [t for t in toks[: next((k for k, t in enumerate(toks) if t.pos_ != "PROPN"), len(toks))]]
    else:
        return False
    rest = toks[len(name) :]
    if len(name) > 6 or (rest and rest[0].text not in (",", ".", "(")):
        return False
    span = (name[0].idx, name[-1].idx + len(name[-1]))
    q.speaker, q.speaker_text, q.speaker_span = actor, text[span[0] : span[1]], span
    q.cue, q.cue_span = m.group("dash"), m.span("dash")
    return True


def _set_speaker(ctx: _Context, q: _Q, verb: Any) -> bool:
    actor, stext, sspan = ctx.speaker_of(verb, (q.start, q.end))
    q.cue, q.cue_span = _cue_text(verb, ctx.article.text)
    if stext is None:
        return False
    q.speaker, q.speaker_text, q.speaker_span = actor, stext, sspan
    return True


# -- indirect speech ------------------------------------------------------------------------------


def _indirect_quotes(ctx: _Context, direct: list[_Q]) -> list[_Q]:
    doc = ctx.doc
    text = ctx.article.text
    spans = sorted((d.start, d.end) for d in direct)
    used_cues: dict[int, list[_Q]] = {}
    q: _Q | None
    for d in direct:
        if d.cue_span:
            used_cues.setdefault(d.cue_span[0], []).append(d)
    starts = [s for s, _ in spans]

    def in_direct(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    def overlaps_direct(s: int, e: int) -> bool:
        """Whether direct quotes already cover the clause (a partial quote inside an indirect one
        does not count: the indirect quote carries it)."""
        covered = 0
        i = bisect.bisect_right(starts, e) - 1
        while i >= 0 and spans[i][1] > s:
            covered += max(0, min(e, spans[i][1]) - max(s, spans[i][0]))
            i -= 1
        return covered >= 0.8 * (e - s)

    para_starts = [m.start() for m in _PARA_RE.finditer(text) if m.group().strip()]
    from .actors import fixed_hashes, indices_of

    out: list[_Q] = []
    table = frames()
    cue_hashes = fixed_hashes(
        doc.vocab, "quote cues", lambda: L.SPEECH_VERBS | set(table) | _HOPE_FORMS | {"according"}
    )
    for i in sorted(set(indices_of(doc, "LEMMA", cue_hashes)) | set(indices_of(doc, "LOWER", cue_hashes))):
        tok = doc[i]
        lemma = "hope" if tok.lower_ in _HOPE_FORMS else tok.lemma_.lower()
        if in_direct(tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            q = _according_to(ctx, tok, overlaps_direct)
        elif tok.pos_ != "VERB" or lemma == "be":
            continue
        else:
            q = None
            if lemma in L.SPEECH_VERBS or "clause" in table.get(lemma, (None, ()))[1]:
                q = _said_clause(ctx, tok, lemma, overlaps_direct)
            if q is None and lemma in table:
                q = _framed(ctx, tok, *table[lemma], overlaps_direct)
        if (
            q is not None
            and "opinion" in table.get(lemma, (None, ()))[1]
            and (q.speaker_text or "").lower() in ("i", "we")
        ):
            continue  # 'we believe the grant ...' outside quotation marks: the writer's own view
        # a cue that direct quotes took stays theirs, unless they are partial quotes inside this
        # clause ('said Obama is "obsessed" with ...')
        if q is not None and all(q.start <= d.start and d.end <= q.end for d in used_cues.get(tok.idx, ())):
            q.para = max(0, bisect.bisect_right(para_starts, q.start) - 1)
            out.append(q)
    return out


_DATELINE_DASHES = frozenset({"--", "—", "–", "-"})


def _clip(tokens: list[Any], least: int = 3) -> tuple[int, int] | None:
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if len(tokens) < least:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _said_clause(ctx: _Context, verb: Any, lemma: str, overlaps_direct: Callable[[int, int], bool]) -> _Q | None:
    doc = ctx.doc
    if (
        verb.i > 0
        and doc[verb.i - 1].lower_ == "that"
        and ctx.sent_starts[verb.i] == verb.i - 1
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    ):
        return None  # "That said, we understand ...": a discourse phrase, no one speaking
    comp = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if not comp and verb.i > 0 and doc[verb.i - 1].text == ",":
        # "After the summit, Kim is looking to prove ..., said Artyom Lukin": a clause before the
        # cue and its inverted subject is what was said, whichever label the parser gives it
        comp = [
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.i < verb.i
            and not any(m.dep_ == "mark" for m in c.children)
            and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            and any(s.dep_ in ("nsubj", "nsubjpass") and s.i > verb.i for s in verb.children)
        ]
    ps, pe = ctx.paragraph_of(verb.idx)
    if comp:
        # "told Fox News on Sunday that ...": prefer the that-clause, then the longest clause
        comp_tok = max(comp, key=lambda c: (any(m.dep_ == "mark" for m in c.children), c.right_edge.i - c.left_edge.i))
        # the content never includes the cue itself and stays in the cue's paragraph
        toks = [t for t in comp_tok.subtree if t.i != verb.i and ps <= t.idx < pe]
    elif (
        verb.dep_ == "parataxis"
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        # "Greensboro, Sexton said, made him question ...": the clause around the cue
        comp_tok = verb.head
        inner = {t.i for t in verb.subtree}
        toks = [t for t in comp_tok.subtree if t.i not in inner and ps <= t.idx < pe]
    else:
        return None
    span = _clip(toks)
    if span is None or overlaps_direct(*span):
        return None
    weak = lemma in L.WEAK_SPEECH_VERBS
    q = _Q(start=span[0], end=span[1], para=0, kind="indirect")
    actor, stext, sspan = ctx.speaker_of(verb, span, outside=False)
    if weak and (stext is None or stext.lower() in _GENERIC_SUBJECTS):
        return None  # "shows that ..." with no one showing it, "we know how ..." is no attribution
    if weak and comp_tok.i > verb.i and not any(c.dep_ == "mark" for c in comp_tok.children):
        # "a new poll indicates" after its clause stands; "knows how ..." needs a that-clause
        if comp_tok.tag_ not in ("VBD", "VBZ", "VBP", "MD") or any(
            c.dep_ == "advmod" and c.tag_ == "WRB" for c in comp_tok.children
        ):
            return None
    q.speaker, q.speaker_text, q.speaker_span = actor, stext, sspan
    q.cue, q.cue_span = _cue_text(verb, ctx.article.text)
    return q


_COMPLETERS = {"prep", "oprd", "xcomp", "advcl", "ccomp"}
# 'asked not to be named', 'declined to be identified': a source asking for anonymity
_ANONYMITY = {"name", "identify", "quote", "cite"}


def _completes(d: Any) -> bool:
    """Whether a phrase after an object says what was said of it ('as a smear', 'for the
    delay', 'on poor planning'), not when or where ('on Monday')."""
    if d.dep_ in ("oprd", "xcomp", "ccomp"):
        return True
    if d.dep_ != "prep" or d.lower_ not in ("as", "for", "on"):
        return False
    return not any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in d.children)


def _framed(
    ctx: _Context,
    verb: Any,
    particle: str | None,
    kinds: frozenset[str],
    overlaps_direct: Callable[[int, int], bool],
) -> _Q | None:
    """Reported content that is not a clause: an infinitive ('vowed to protect'), an object
    ('criticized X for Y') or a prepositional object ('called for X'), as data/quotes/frames.txt
    allows for the verb."""
    kids = list(verb.children)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in kids):
        return None
    toks: list[Any] = []
    for c in kids:
        if c.i < verb.i:
            continue
        if "to" in kinds and c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            if c.lemma_.lower() in _ANONYMITY and any(a.dep_ == "auxpass" for a in c.children):
                return None  # 'who asked not to be named': a request for anonymity, nothing said
            toks = list(c.subtree)
        elif ("object" in kinds or "object+" in kinds) and c.dep_ == "dobj":
            toks = list(c.subtree)
            # the phrase that completes the object: 'for alienating Hispanics', 'as a sham'
            completed = False
            for d in kids:
                if d.i > c.i and d.dep_ in _COMPLETERS and d.left_edge.i == toks[-1].i + 1:
                    toks += list(d.subtree)
                    completed = completed or _completes(d)
            if "object" not in kinds and not completed:
                return None  # 'denied the allegations': someone else's words, nothing said
        elif c.dep_ == "prep" and c.lower_ in kinds:
            pobj = [d for d in c.children if d.dep_ == "pobj"]
            if pobj:
                toks = [t for t in c.subtree if t.i != c.i]
                for d in kids:  # 'called on the United States to attack ...'
                    if d.i > c.i and d.dep_ in ("xcomp", "advcl") and d.left_edge.i == toks[-1].i + 1:
                        toks += list(d.subtree)
        if toks:
            break
    if not toks:
        return None
    ps, pe = ctx.paragraph_of(verb.idx)
    span = _clip([t for t in toks if ps <= t.idx < pe], least=2)
    if span is None or overlaps_direct(*span):
        return None
    actor, stext, sspan = ctx.speaker_of(verb, span, outside=False)
    if stext is None:
        return None
    q = _Q(start=span[0], end=span[1], para=0, kind="indirect")
    q.speaker, q.speaker_text, q.speaker_span = actor, stext, sspan
    q.cue, q.cue_span = _cue_text(verb, ctx.article.text)
    return q


def _according_to(ctx: _Context, tok: Any, overlaps_direct: Callable[[int, int], bool]) -> _Q | None:
    doc = ctx.doc
    to = doc[tok.i + 1]
    pobj = [c for c in to.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    phrase = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree) | {tok.i, to.i}
    sent = sent_of(tok)
    ps, pe = ctx.paragraph_of(tok.idx)
    toks = [t for t in sent if t.i not in phrase and ps <= t.idx < pe]
    # the attributed content is the clause on the other side of the "according to" phrase
    lo, hi = min(phrase), max(phrase)
    left = [t for t in toks if t.i < lo]
    right = [t for t in toks if t.i > hi]
    side = left if len([t for t in left if not t.is_punct]) >= len([t for t in right if not t.is_punct]) else right
    span = _clip(side)
    if span is None or overlaps_direct(*span):
        return None
    q = _Q(start=span[0], end=span[1], para=0, kind="indirect")
    _according_speaker(ctx, q, pobj[0], span)
    q.cue, q.cue_span = "according to", (tok.idx, to.idx + len(to))
    return q
