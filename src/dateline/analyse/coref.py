"""Who "he", "she", "it", "they" and "the spokesman" are: speaker coreference over the parse.

``Coreference(article, doc)`` is built after ``find_actors``; ``resolve(i)`` gives the actor id
that the pronoun or nominal at token ``i`` refers to, or None. It is made for speakers (the
subjects of cue verbs), and it is deliberately small: no learned model, one pass over the doc.

How a pronoun is resolved (after Hobbs and the centering literature, simplified for news):

- candidates are the mentions of actors (``article.actors``) and the pronouns resolved before,
  outside direct quotes and outside the words the pronoun is said to have said (in "Jerome
  Powell had warned otherwise, he said" Powell is content, not speaker);
- the pronoun's own sentence first, the mentions before it ("When Afghan President Ashraf Ghani
  announced the exchange, he said ..." is Ghani), then the sentences before, nearest first, at
  most ``_WINDOW`` sentences and one paragraph break back; within a sentence a subject beats
  another mention, and the nearest subject wins;
- "he"/"she" take persons whose gender does not contradict them (honorifics, gendered titles,
  "his"/"her" used of them earlier in the article); "it" takes organisations and countries; "they"
  takes organisations, groups and countries; "we" outside quotation marks is the writer.

A nominal speaker ("the spokesman", "the president", "the senator") is the nearest person before
it with that role: the actor's roles from ``find_actors``, or an apposition ("Zabihullah
Mujahid, a Taliban spokesman").

Measured against coreferee 1.5.0 in docs/evaluation.md (quotes section).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..article import Article
from ..nlp import char_token, heads_of, parse_tree, subtree_of, token_starts, token_strings
from .lexicon import ORG_WORDS

_DESCRIPTORS_FILE = Path(__file__).resolve().parent.parent / "data" / "quotes" / "descriptors.txt"
# sectors whose organisations are often named without one known: "Volkswagen ... the automaker"
_LOOSE_SECTORS = {"BUS", "MED", "NGO", "EDU", "REL"}
_ANY = "*"
_DOC = "DOC"
# verbs that put out a document: its subject is the author ("X issued a statement")
_ISSUE_VERBS = {
    "issue",
    "release",
    "publish",
    "send",
    "post",
    "write",
    "put",
    "share",
    "make",
    "sign",
    "deliver",
    "file",
    "tweet",
    "email",
    "circulate",
    "distribute",
    "submit",
    "pen",
    "unveil",
    "announce",
    "approve",
    "adopt",
    "pass",
    "draft",
    "prepare",
    "author",
}
# how an author hangs on a document noun: "a statement from X", "a letter by X", "X's statement"
_AUTHOR_PREPS = {"from", "by", "of"}
# prepositions that carry a document of the verb's subject: "X said in a statement"
_CARRIER_PREPS = {"in", "through", "via"}

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PERSON_PRONOUNS = {"he", "she"}
_THING_PRONOUNS = {"it"}
# "we" outside quotation marks is the writer or the publication ("We asked the campaigns why
# ..."), never resolved to an actor
_GROUP_PRONOUNS = {"they"}
PRONOUNS = _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS
_HONORIFIC_GENDER = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "lady": "f",
    "dame": "f",
    "queen": "f",
    "princess": "f",
}
_GENDERED_NOUNS = {
    "spokesman": "m",
    "spokeswoman": "f",
    "congressman": "m",
    "congresswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "businessman": "m",
    "businesswoman": "f",
    "husband": "m",
    "wife": "f",
    "father": "m",
    "mother": "f",
    "son": "m",
    "daughter": "f",
    "brother": "m",
    "sister": "f",
    "actor": "m",
    "actress": "f",
    "grandmother": "f",
    "grandfather": "m",
    "widow": "f",
    "man": "m",
    "woman": "f",
    "boy": "m",
    "girl": "f",
}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_WINDOW = 4  # sentences back
_DOC_PARAGRAPHS = 3  # paragraph breaks between two mentions of one document


@lru_cache(maxsize=1)
def descriptors() -> dict[str, str]:
    """``data/quotes/descriptors.txt``: a definite noun -> the sector of the named organisation it
    stands for ("*" any), or "DOC" for a document whose author speaks."""
    out: dict[str, str] = {}
    for raw in _DESCRIPTORS_FILE.read_text(encoding="utf-8").splitlines():
        for key, val in re.findall(r"(\S+):(\S+)", raw.split("#", 1)[0]):
            out[key.lower()] = val
    return out


def org_noun_sector(tok: Any) -> str | None:
    """The sector an organisation noun stands for ("automaker" BUS, "ministry" GOV,
    "organization" "*"), None for any other word (a document noun included)."""
    lemma = tok.lemma_.lower()
    for key in (lemma, tok.lower_):
        val = descriptors().get(key)
        if val is not None:
            return None if val == _DOC else val
    for key in (lemma, tok.lower_):
        if key in ORG_WORDS:
            return ORG_WORDS[key] or _ANY
    return None


def issuer(tok: Any) -> Any | None:
    """The subject that puts out the document noun ``tok``: "X issued a statement", "X said in a
    statement", "X denied the claims in a statement", "X approved a resolution"; None if none."""
    verb = None
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _ISSUE_VERBS:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in _CARRIER_PREPS:
        verb = tok.head.head
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
            verb = verb.head  # "denied the allegations in a statement"
        if verb.pos_ not in ("VERB", "AUX"):
            return None
    if verb is None:
        return None
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def _definite(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _span_head(doc: Any, i0: int, i1: int) -> int:
    """The head token of the tokens i0..i1: the first whose head lies outside them (else i1);
    read from the cached heads (``nlp.heads_of``: a Span and a Token for each word cost more)."""
    heads = heads_of(doc)
    for i in range(max(0, i0), min(i1 + 1, len(heads))):
        h = heads[i]
        if h < i0 or h > i1 or h == i:
            return i
    return i1


class Coreference:
    def __init__(self, article: Article, doc: Any, *, excluded: list[tuple[int, int]] | None = None) -> None:
        """``excluded``: character spans whose mentions are no antecedents (direct quotes)."""
        self.doc = doc
        self.article = article
        self.kinds = {a.id: a.kind for a in article.actors}
        self.starts = token_starts(doc)
        self.excluded = sorted(excluded or ())
        self._ex_starts = [s for s, _ in self.excluded]
        from .actors import sentence_starts

        self.sent_of = sentence_starts(doc)
        self.gender: dict[str, str] = {}
        self.roles: dict[str, set[str]] = {a.id: {r.split()[-1] for r in a.roles} for a in article.actors}
        # mentions: head token -> actor id
        self.head_actor: dict[int, str] = {}
        self.mentions: list[tuple[int, str]] = []  # (head token index, actor), in order
        for a in article.actors:
            for m in a.mentions:
                i0 = self._token_at(m.start)
                i1 = max(i0, self._token_at(m.end - 1))
                self.head_actor[_span_head(doc, i0, i1)] = a.id
                self._learn_gender(a.id, i0, i1)
        self._learn_from_possessives()
        self._add_untagged_names(article, doc)
        # "the company", "the ministry": a definite organisation noun that find_actors made a
        # generic actor refers to the nearest named organisation before it of the same sector
        # ("Skoda ... , the company said" is Skoda)
        self.sectors = {a.id: a.sector for a in article.actors}
        self.named = {a.id for a in article.actors if any(ch.isupper() for ch in a.name)}
        self.alias: dict[int, str] = {}
        self.resolved: dict[int, str | None] = {}
        for head, actor in sorted(self.head_actor.items()):
            tok = doc[head]
            if tok.pos_ != "NOUN" or actor in self.named or not _definite(tok):
                continue
            sector = org_noun_sector(tok)
            if sector is None and self.kinds.get(actor) == "person":
                # "the ministry spokesman" after "the Interior Ministry": the ministry speaks
                sector = next(
                    (
                        org_noun_sector(c)
                        for c in tok.children
                        if c.dep_ == "compound" and c.pos_ == "NOUN" and org_noun_sector(c) not in (None, _ANY)
                    ),
                    None,
                )
            elif self.kinds.get(actor) != "organization":
                sector = None
            if sector is not None:
                found = self._antecedent(head, tok.lower_, None, None, sector=sector)
                if found is not None:
                    self.alias[head] = found
        self.head_actor.update(self.alias)
        # subject pronouns resolved once, in document order, so a chain ("Ghani said ... He
        # added ... he hoped") reaches back through the pronouns before
        self.resolved = {}
        from .actors import fixed_hashes, indices_of

        for k in indices_of(doc, "LOWER", fixed_hashes(doc.vocab, "pronouns", lambda: PRONOUNS)):
            if doc[k].dep_ in _SUBJECT_DEPS and not self._excluded(doc[k].idx, None):
                self.resolved[k] = self._antecedent(k, doc[k].lower_, None, None)

    # -- building --------------------------------------------------------------------------------

    def _token_at(self, char: int) -> int:
        return char_token(self.doc, char)

    def _set_gender(self, actor: str, g: str) -> None:
        old = self.gender.get(actor)
        if old is None:
            self.gender[actor] = g
        elif old != g:
            self.gender[actor] = "?"

    def _learn_gender(self, actor: str, i0: int, i1: int) -> None:
        if self.kinds.get(actor) != "person":
            return
        doc = self.doc
        low = token_strings(doc, "LOWER")  # (no Token built for these)
        words = [low[i0 - 1]] if i0 > 0 else []
        words += low[i0 : i1 + 1]
        for w in words:
            g = _HONORIFIC_GENDER.get(w)
            if g:
                self._set_gender(actor, g)
        for r in self.roles.get(actor, ()):
            if r in _GENDERED_NOUNS:
                self._set_gender(actor, _GENDERED_NOUNS[r])
        # apposition and predicate nouns: "Jones, a spokeswoman", "the spokesman, Ali"; a title
        # before the name: "Hospital director Anjali Ramesh" (then "the director said")
        head = doc[i1]
        for t in head.children:
            if t.dep_ == "compound" and t.pos_ == "NOUN" and t.i < i0:
                self.roles.setdefault(actor, set()).add(t.lemma_.lower())
        for t in list(head.children) + [head.head]:
            if t.dep_ == "appos" or head.dep_ == "appos":
                lemma = t.lemma_.lower()
                if t.pos_ == "NOUN":
                    self.roles.setdefault(actor, set()).add(lemma)
                    if lemma in _GENDERED_NOUNS:
                        self._set_gender(actor, _GENDERED_NOUNS[lemma])

    def _add_untagged_names(self, article: Article, doc: Any) -> None:
        """An organisation's whole name (two words or more) where the tagger left it unmarked
        ("The group that owns her music, Big Machine, says" when other "Big Machine"s are marked)
        is one more mention of it, for coreference only."""
        text = article.text
        for a in article.actors:
            if a.kind != "organization" or len(a.name.split()) < 2 or not a.name[:1].isupper():
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(a.name) + r"(?!\w)", text):
                i0 = self._token_at(m.start())
                i1 = self._token_at(m.end() - 1)
                if doc[i0].idx != m.start() or any(k in self.head_actor for k in range(i0, i1 + 1)):
                    continue
                if any(t.ent_type_ and t.ent_type_ not in ("ORG", "PERSON") for t in doc[i0 : i1 + 1]):
                    continue
                self.head_actor[_span_head(doc, i0, i1)] = a.id

    def _learn_from_possessives(self) -> None:
        """'Ghani ... his government': a person subject and a gendered pronoun in its own clause,
        with no other person between them, outside direct quotes (whose "her" is someone the
        speaker talks about)."""
        doc = self.doc
        # the walks read the cached parse arrays and token strings (no Token for each word)
        labels, heads, low, starts = parse_tree(doc)[0], heads_of(doc), token_strings(doc, "LOWER"), token_starts(doc)
        for head, actor in self.head_actor.items():
            if self.kinds.get(actor) != "person" or labels[head] not in _SUBJECT_DEPS:
                continue
            for t in subtree_of(doc, heads[head]):  # the verb's subtree
                if t <= head or (t in self.head_actor and t != head):
                    if t > head:
                        break
                    continue
                w = low[t]
                if w not in _MALE and w not in _FEMALE:
                    continue
                if self._excluded(starts[t], None):
                    continue  # 'A spokesman said "her injuries are serious"': the quote's words
                if labels[t] == "poss" or labels[t] in _SUBJECT_DEPS:
                    self._set_gender(actor, "m" if w in _MALE else "f")
                break

    # -- resolving -------------------------------------------------------------------------------

    def _excluded(self, char: int, content: tuple[int, int] | None) -> bool:
        if content is not None and content[0] <= char < content[1]:
            return True
        k = bisect.bisect_right(self._ex_starts, char) - 1
        return k >= 0 and self.excluded[k][0] <= char < self.excluded[k][1]

    def _fits(self, actor: str, word: str) -> bool:
        kind = self.kinds.get(actor)
        if word in _PERSON_PRONOUNS:
            if kind != "person":
                return False
            g = self.gender.get(actor)
            return g in (None, "?") or g == ("m" if word == "he" else "f")
        if word in _THING_PRONOUNS:
            return kind in ("organization", "country")
        if word in _GROUP_PRONOUNS:
            return kind in ("organization", "group", "country")
        return kind == "person"

    def resolve(self, i: int, content: tuple[int, int] | None = None) -> str | None:
        """The actor that token ``i`` (a pronoun or the head of a nominal) refers to.
        ``content``: the character span of what it is said to have said, excluded."""
        tok = self.doc[i]
        if i in self.head_actor:
            return self.head_actor[i]
        word = tok.lower_
        key = i if content is None else -i - 1
        if key in self.resolved:
            return self.resolved[key]
        if word in PRONOUNS:
            found = self._antecedent(i, word, content, None)
        elif tok.pos_ == "NOUN" and descriptors().get(tok.lemma_.lower()) == _DOC:
            found = self._document_author(i, content)
        elif tok.pos_ == "NOUN" and _definite(tok) and org_noun_sector(tok) is not None:
            # "The German automaker said", "the organization believes": the organisation named before
            found = self._antecedent(i, word, content, None, sector=org_noun_sector(tok))
        elif tok.pos_ == "NOUN":
            found = self._antecedent(i, word, content, tok.lemma_.lower())
        else:
            found = None
        self.resolved[key] = found
        return found

    def _mentions_before(self, i: int) -> dict[str, int]:
        out: dict[str, int] = {}
        for k, a in self.head_actor.items():
            if k < i:
                out[a] = out.get(a, 0) + 1
        return out

    def _org_fits(self, actor: str, sector: str) -> bool:
        """A named organisation that a noun of ``sector`` can stand for."""
        if actor not in self.named or self.kinds.get(actor) != "organization":
            return False
        own = self.sectors.get(actor)
        return sector == _ANY or own == sector or (own is None and sector in _LOOSE_SECTORS)

    def _actor_of(self, tok: Any, content: tuple[int, int] | None) -> str | None:
        """The actor a subject or author token names or refers to."""
        if tok.i in self.head_actor:
            return self.head_actor[tok.i]
        if tok.lower_ in PRONOUNS or (tok.pos_ == "NOUN" and _definite(tok) and org_noun_sector(tok) is not None):
            return self.resolve(tok.i, content)
        for c in tok.children:
            if c.dep_ == "compound" and c.i < tok.i:
                # "The company flat-out denied", parsed with "company" a compound of "out"
                found = self._actor_of(c, content)
                if found is not None:
                    return found
        return None

    def _author(self, tok: Any, content: tuple[int, int] | None, *, own: bool) -> str | None:
        """The author of the document noun ``tok``: its owner ("X's statement", "a statement from
        X"); unless ``own``, also the subject of the verb that puts it out ("X issued a
        statement", "X said in a statement") or, when it speaks itself ("the statement read"),
        whom that refers to."""
        for c in tok.children:
            if c.dep_ == "poss":
                found = self._actor_of(c, content)
                if found is not None:
                    return found
            if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        found = self._actor_of(p, content)
                        if found is not None:
                            return found
        if own:
            return None
        if tok.dep_ == "nsubj":
            return self.resolve(tok.i, content)
        subj = issuer(tok)
        return self._actor_of(subj, content) if subj is not None else None

    def _document_author(self, i: int, content: tuple[int, int] | None) -> str | None:
        """Who wrote the document that "the statement" at ``i`` names: from the phrase itself
        ("a statement from X said"), else from its mention before, nearest first, within a few
        paragraphs ("X issued a statement ... The statement read")."""
        doc = self.doc
        tok = doc[i]
        # "X issued a statement warning that ...": a document that is no subject has its author
        # around it
        found = self._author(tok, content, own=tok.dep_ in _SUBJECT_DEPS)
        if found is not None or not _definite(tok):
            return found
        lemma = tok.lemma_.lower()
        text = self.article.text
        breaks = 0
        for k in range(i - 1, -1, -1):
            if "\n" in text[doc[k].idx : doc[k + 1].idx]:
                breaks += 1
                if breaks > _DOC_PARAGRAPHS:
                    return None
            t = doc[k]
            if (
                t.pos_ != "NOUN"
                or t.lemma_.lower() != lemma
                or (t.tag_ == "NNS") != (tok.tag_ == "NNS")  # "her statements" is no "the statement"
                or self._excluded(t.idx, content)
            ):
                continue
            found = self._author(t, content, own=False)
            if found is not None or not _definite(t):
                return found  # "a statement" with no author known: it starts the chain
        return None

    def _candidates_in(self, s0: int, s1: int, before: int) -> list[tuple[int, str]]:
        """(token, actor) of the mentions and resolved pronouns in tokens s0..s1 before ``before``."""
        out = []
        for k in range(s0, min(s1, before)):
            actor = self.head_actor.get(k)
            if actor is None:
                actor = self.resolved.get(k)
            if actor is not None:
                out.append((k, actor))
        return out

    def _antecedent(
        self, i: int, word: str, content: tuple[int, int] | None, role: str | None, *, sector: str | None = None
    ) -> str | None:
        doc = self.doc
        text = self.article.text
        s_end = i
        s_start = self.sent_of[i]
        breaks = 0
        for _ in range(_WINDOW + 1):
            cands = [
                (t, a)
                for t, a in self._candidates_in(s_start, s_end + 1, i)
                if not self._excluded(self.starts[t], content)
                and (
                    self._org_fits(a, sector)
                    if sector is not None
                    else self._fits(a, word)
                    if role is None
                    else (self.kinds.get(a) == "person" and role in self.roles.get(a, ()))
                )
            ]
            if cands:
                if role is not None:
                    return cands[-1][1]
                # a subject, or a name in apposition to one ("The group that owns her music, Big
                # Machine, says")
                subj = [
                    (t, a)
                    for t, a in cands
                    if doc[t].dep_ in _SUBJECT_DEPS or (doc[t].dep_ == "appos" and doc[t].head.dep_ in _SUBJECT_DEPS)
                ]
                if subj and s_start != self.sent_of[i]:
                    # in a sentence before, the main clause's subject beats an embedded one
                    # ('Mr. Manafort said ..., suggesting that Mr. Trump was about to ...' + 'he
                    # added' is Manafort)
                    top = min(_depth(doc[t]) for t, _ in subj)
                    subj = [(t, a) for t, a in subj if _depth(doc[t]) == top]
                if sector is not None and not subj:
                    # no organisation is the subject: the one the story has named most so far
                    # ("Swift accused Big Machine of blocking a Netflix documentary. The company
                    # denied" is Big Machine), the nearest of equals
                    seen = self._mentions_before(i)
                    most = max(seen.get(a, 0) for _, a in cands)
                    cands = [(t, a) for t, a in cands if seen.get(a, 0) == most]
                return (subj or cands)[-1][1]
            if s_start == 0:
                return None
            prev_end = s_start - 1
            gap = text[doc[prev_end].idx : doc[s_start].idx]
            if "\n" in gap:
                breaks += 1
                if breaks > (2 if role is not None or sector is not None else 1):
                    return None
            s_end, s_start = prev_end, self.sent_of[prev_end]
        return None


def _depth(tok: Any) -> int:
    """How many heads up from ``tok`` to its sentence's root."""
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok = tok.head
        n += 1
    return n
