"""Sources and recipients of an event candidate.

Public interface (what the other modules call):

* ``participants(c, ctx)`` -> ``(actor ids, recipient ids)`` of a candidate;
* ``subject_of(tok)``: the subject token(s) of a verb (the ``by`` agent of a passive),
  inherited through control and coordination;
* ``objects_of(tok)``: the object token(s) of a verb (a passive's subject included);
* ``recipients_of(tok, c, ctx)``: the recipient tokens of a verb trigger;
* ``noun_participants(noun, ctx)`` -> ``(actor tokens, recipient tokens)`` of an event noun;
* ``np_actor_ids(tok, ctx)``: actor ids of a noun phrase (pronouns to their antecedent);
* ``target_of(c, ctx, recipients, place)``: the words of what an event with no recipient actor
  is done to (a thing, else the place the sentence says it was done in).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..analyse import lexicon as alx
from ..analyse.actors import granted_receiver
from ..nlp import doc_cache, doc_text, heads_of, parse_tree, pos_tags, sent_at, sent_of, token_starts
from . import lexicon as lx
from . import parse
from .lexicon import NOUN_CLASSES
from .parse import OBJ, RELATIVE, Candidate, Context, dep_children, depth_of, lemma_of

RECIPIENT_PREPS = {
    "with",
    "to",
    "against",
    "on",
    "upon",
    "at",
    "toward",
    "towards",
    "between",
    "among",
    "from",
    "for",
    "into",
}


#: acts whose "at" object is their target ("fired at", "shouted at", "protested at"); for the
#: others "at" says where ("arrested at the school", "met at the White House")
AIMED_AT = {"ASSAULT", "THREATEN", "ACCUSE", "PROTEST", "REJECT"}

#: what an actor writes or says: a participle hanging on one speaks for its author
WRITINGS = {
    "report", "statement", "letter", "resolution", "declaration", "communique", "note", "message",
    "video", "book", "article", "ruling", "decision", "complaint", "petition", "lawsuit", "suit",
    "bill", "motion", "post", "tweet", "speech", "editorial", "study", "document", "memo",
    # instruments of authority: the one who issues or signs one does what it does ("signed a
    # decree granting amnesty to the rebels")
    "decree", "order", "directive", "law", "legislation", "regulation", "proclamation", "edict", "ordinance",
}  # fmt: skip

#: joint acts: conjoined subjects are each other's recipients
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}

RELATIONAL = set(
    """father mother son daughter wife husband brother sister uncle nephew widow
predecessor successor aide envoy adviser advisor spokesman spokeswoman deputy lieutenant ally""".split()
)
STATIVE_PASSIVE = {
    "commit",
    "prepare",
    "determine",
    "dispose",
    "resolve",
    "oblige",
    "bind",
    "involve",
    # raising passives: "Merkel is expected to visit"
    "expect",
    "schedule",
    "set",
    "suppose",
    "say",
    "believe",
    "report",
    "think",
    "plan",
}


#: an actor's own intent: an infinitive on one as the object of a verb is that verb's subject's act
INTENT_NOUNS = {"plan", "decision", "intention", "bid", "effort", "move", "attempt", "step", "measure", "proposal"}

#: verbs whose object is the means of the act in their to-clause, never its doer: "security forces,
#: which have used lethal force to crush protests" (the forces crush them), "Israel used drones to
#: attack" (Israel attacks)
INSTRUMENT_VERBS = {"use", "employ", "utilize", "utilise"}

ECM = {
    "allow",
    "permit",
    "let",
    "ask",
    "urge",
    "order",
    "force",
    "help",
    "invite",
    "tell",
    "want",
    "expect",
    "encourage",
    "persuade",
    "press",
    "call",
}


def _reduced_passive(tok: Any) -> bool:
    """A bare participle clause of the verb it hangs from: "If convicted, he could face decades in
    jail", "Once released, they flew home" (its patient is that verb's subject)."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "advcl"
        and tok.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
    )


def objects_of(tok: Any) -> list:
    """The object token(s) of a verb (a passive's subject, a reduced relative's noun, ...); kept
    per token inside the coder's ``depth_cache`` block like ``subject_of``'s, a new list each time."""
    memo = parse.coding_memo(tok.doc, "objects_of")
    if memo is None:
        return _objects_of(tok)
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = _objects_of(tok)
    return list(found)


def _objects_of(tok: Any) -> list:
    objs = dep_children(tok, OBJ)
    if parse.is_passive(tok):
        objs = dep_children(tok, {"nsubjpass"}) + objs
    elif not objs and _reduced_passive(tok):
        objs = subject_of(tok.head)
    if not objs:  # "kidnapped up to 16 advisers": the parser makes "up" a particle, "to" its preposition
        objs = [
            q
            for u in tok.children
            if u.dep_ == "prt" and u.lower_ == "up"
            for p in u.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for q in p.children
            if q.dep_ == "pobj" and any(n.dep_ == "nummod" for n in q.children)
        ]
    if not objs:  # "will not accept any refugees fleeing the violence": the parser makes the
        # object the subject of a bare participle clause (a reduced relative) right after the verb
        objs = [
            s
            for comp in dep_children(tok, {"ccomp"})
            if comp.tag_ == "VBG" and not any(x.dep_ in ("aux", "auxpass", "mark") for x in comp.children)
            for s in dep_children(comp, {"nsubj"})
            if s.left_edge.i == tok.i + 1 + sum(1 for x in tok.children if x.dep_ == "prt" and x.i == tok.i + 1)
            and s.pos_ in ("NOUN", "PROPN")
        ]
    if not objs and lemma_of(tok) in ECM:  # "allowed UN inspectors to visit": the inspectors
        for comp in dep_children(tok, {"ccomp", "xcomp"}):
            objs += dep_children(comp, {"nsubj"})
    out = []
    for o in objs:
        if o.lower_ in RELATIVE and tok.dep_ == "relcl":
            o = tok.head
        out.append(o)
    return out


# -- participants ------------------------------------------------------------------------------


_BEFORE_VERB = {"aux", "auxpass", "neg", "advmod", "punct"}


def _misparsed_subject(trig: Any, ctx: Context) -> list:
    """The actor named right before a main verb the parser left without a subject ("On a visit
    to Zimbabwe, South African President Cyril Ramaphosa voiced ...", where the name hangs on
    Zimbabwe; "USAID had announced ...", where it is an adverb): the last word before the verb
    (past auxiliaries and adverbs) when it ends an actor's mention and is no object."""
    if (
        trig.pos_ != "VERB"
        or trig.dep_ not in ("ROOT", "conj")
        or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in trig.children)
    ):
        return []
    k = trig.i - 1
    while (
        k >= 0
        and trig.doc[k].dep_ in _BEFORE_VERB
        and trig.doc[k].head.i == trig.i
        and trig.doc[k].text != ","
        and k not in ctx.tok_actor
    ):
        k -= 1
    if k < 0:
        return []
    t = trig.doc[k]
    if t.i not in ctx.tok_actor or t.dep_ in ("dobj", "obj", "pobj", "poss", "compound", "dative", "nsubj"):
        return []
    aid = ctx.tok_actor[t.i]
    if k + 1 < len(trig.doc) and ctx.tok_actor.get(k + 1) == aid:
        return []  # the mention goes on past the word
    return [t]


_DATELINE_ENDS = {"--", "-", "\u2014", "\u2013", ":"}


def in_dateline(tok: Any) -> bool:
    """Whether a token lies in a dateline opening its line ("BERLIN -- A court ...", "MOGADISHU,
    Somalia -- ...", "ADDIS ABABA, May 15 (Xinhua) -- ...", "UNITED NATIONS -- ..."): a word in
    capitals begins the line; capitalised words, a date, commas and a parenthesised agency
    follow; a dash or a colon ends it. Where a story was filed is nobody's act."""
    doc = tok.doc
    breaks = _line_breaks(doc)
    k = bisect.bisect_left(breaks, tok.i)  # the tokens before tok holding a line break
    s = breaks[k - 1] + 1 if k else 0
    first = doc[s]
    if first.ent_type_ in ("GPE", "LOC") and first.is_title:
        # "Venezuela: Since January, the Colombian government has expelled ...": a place's name and a
        # colon; "Cebu City--Police have started ...": and a double dash or an em dash
        for k in range(s + 1, min(len(doc), s + 4)):
            if doc[k].text in (":", "--", "\u2014"):
                return tok.i < k
            if not (doc[k].is_title and doc[k].ent_type_ == first.ent_type_):
                break
    if not (first.is_alpha and first.text.isupper() and len(first.text) >= 3):
        return False
    paren = False
    for k in range(s + 1, min(len(doc), s + 12)):
        t = doc[k]
        if t.text in _DATELINE_ENDS and not paren:
            return tok.i < k
        if t.text in ("(", ")"):
            paren = t.text == "("
        elif not (paren or t.text in (",", ".") or t.text[:1].isupper() or t.is_digit):
            return False
    return False


def _line_breaks(doc: Any) -> list[int]:
    """The indices of the tokens whose text or trailing space holds a line break, in order
    (read once per doc from the text: in_dateline asks for every subject)."""
    cache = doc_cache(doc)
    found = cache.get("roles.line_breaks")
    if found is None:
        text = doc_text(doc)
        starts = token_starts(doc)
        found = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in re.finditer("\n", text)} - {-1})
        cache["roles.line_breaks"] = found
    return found


def _past_dateline(subjects: list) -> list:
    """The subjects of a verb without a dateline the parser made one ("BERLIN -- A court in
    Bavaria has convicted ...": the court): another subject, else what the dateline's word is in
    apposition with ("MOGADISHU, Somalia -- A U.S. military airstrike has killed ...")."""
    if not subjects or not in_dateline(subjects[0]):
        return subjects
    rest = [s for s in subjects if not in_dateline(s)]
    if rest:
        return rest
    return [a for s in subjects for a in s.subtree if a.dep_ == "appos" and not in_dateline(a)][:1]


#: where a gerund stands as a noun ("in shelling by ...", "the shelling by ... continued")
_NOMINAL_DEPS = {"pcomp", "pobj", "dobj", "obj", "nsubj", "nsubjpass", "csubj", "appos"}

#: prepositions of time or manner whose gerund clause shares the subject of the verb it hangs on
_ADVERBIAL_PREPS = {"after", "before", "while", "since", "upon", "on", "by", "without", "despite", "when"}


def subject_of(tok: Any, seen: set[int] | None = None) -> list:
    """The subject token(s) of a verb, inherited through control and coordination. Inside the
    coder's ``depth_cache`` block the answer for each token is kept (``coding_memo``: the coder
    asks for the same verbs' subjects many times); a new list each time."""
    if not seen:
        memo = parse.coding_memo(tok.doc, "subject_of")
        if memo is not None:
            found = memo.get(tok.i)
            if found is None:
                found = memo[tok.i] = _subject_of(tok, set())
            return list(found)
    return _subject_of(tok, seen or set())


def _subject_of(tok: Any, seen: set[int]) -> list:
    if tok.i in seen:
        return []
    seen.add(tok.i)
    if parse.is_passive(tok) or _reduced_passive(tok):
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return agents
        if lemma_of(tok) in STATIVE_PASSIVE:  # "Vietnam is committed to ..."
            return dep_children(tok, {"nsubjpass"})[:1]
        return []
    subj = _past_dateline(dep_children(tok, {"nsubj", "csubj"}))
    if not subj and tok.pos_ == "VERB":
        # "Sondland did, in fact, discuss investigations": the parser hangs the subject on the
        # auxiliary the verb is split from
        subj = _past_dateline([s for a in dep_children(tok, {"aux"}) for s in dep_children(a, {"nsubj"})])
    if subj:
        s = subj[0]
        if s.lower_ in RELATIVE and tok.dep_ == "relcl":
            return [tok.head]
        return [s]
    if (tok.dep_ in ("xcomp", "conj", "advcl", "acomp") or (tok.dep_ == "ccomp" and lemma_of(tok.head) == "let")) and (
        tok.head.i != tok.i
    ):  # "Ethiopia let free 74 political leaders": the letting's subject frees them
        head = tok.head
        if head.pos_ == "ADJ" and head.head.i != head.i:  # "is willing to send"
            head = head.head
        if (
            tok.dep_ == "conj"
            and tok.pos_ == "VERB"
            and head.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ("dobj", "obj")
            and head.head.i != head.i
        ):
            # "using tear gas to disperse protests and beating demonstrators": the parser joins the
            # second verb to the first one's object; it is done by the first verb's doer
            head = head.head
        if tok.dep_ == "xcomp":
            # object control: "urged the EC to support" -> the object is the subject; never the
            # subject's own plan the parse hangs the infinitive beside ("announced plans Sunday to
            # tighten restrictions": who announced tightens)
            objs = [o for o in dep_children(head, {"dobj", "obj"}) if lemma_of(o) not in INTENT_NOUNS]
            if objs and lemma_of(head) not in ("promise",) and lemma_of(head) not in INSTRUMENT_VERBS:
                return objs[:1]
        return subject_of(head, seen)
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return []
    if tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS:
        # a gerund used as a noun names its agent with "by": "killed in shelling by government
        # forces", "condemned the bombing by militants" (never "by night": no actor)
        agents = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN", "PRON")
        ]
        if (
            not agents
            and tok.dep_ == "pcomp"
            and tok.head.lower_ in _ADVERBIAL_PREPS
            and tok.head.dep_ == "prep"
            and tok.head.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children)  # a verb's clause, no noun
        ):
            # "After meeting Putin, Erdogan said ...", "By signing the deal, Iran ...": a gerund
            # clause of time or manner is done by the subject of the verb it hangs on (never "for
            # killing", "of attacking", "from entering": the object's act)
            return subject_of(tok.head.head, seen)
        return agents
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        named = _apposed_subject(tok)
        if named is not None:
            return [named]
        if tok.tag_ == "VB" and head.dep_ in ("dobj", "obj") and lemma_of(head.head) in INSTRUMENT_VERBS:
            # "which have used live ammunition to crush the protests": the parser hangs the purpose
            # on the means; who uses it does the act
            return subject_of(head.head, seen)
        if _medium_of_speech(head):
            # "posted on Twitter accusing Big Machine", "said in a statement urging ...": the
            # medium a speaker uses carries the speaker's words, it does not act
            return subject_of(head.head.head, seen)
        if (
            (lemma_of(head) in WRITINGS or (lemma_of(head) in INTENT_NOUNS and tok.tag_ == "VB"))
            and head.dep_ in ("dobj", "obj")
            and head.head.i != head.i
        ):
            # "Amnesty put out a report accusing the army": the report's author accuses; "made a
            # decision to close the border": who decided closes it; "welcomed the decision by Iran
            # to free the prisoners", "welcomed Iran's decision to ...": whose the decision is
            owners = [c for c in head.children if c.dep_ == "poss"] + [
                q
                for p in (*head.children, *head.head.children)
                if p.dep_ == "prep" and p.lower_ == "by" and (p.head.i == head.i or p.i == head.i + 1)
                for q in p.children
                if q.dep_ == "pobj" and q.pos_ in ("NOUN", "PROPN", "PRON")
            ]
            if owners:
                return owners[:1]
            return subject_of(head.head, seen)
        return [head]
    return []


def _apposed_subject(tok: Any) -> Any | None:
    """The subject of a main verb the parser hung as a clause on the last noun of a long apposition
    with a relative clause ("Joe Biden, the former vice president who is running for the Democratic
    nomination, criticized Trump": "criticized" made a clause of "nomination", the sentence left
    with no verb): the noun the apposition is of, when that noun is the sentence's root. Only a
    verb right after a comma that takes an object or is a finite past; never a participle clause
    of the noun ("the party's nominee, chosen in 2016,")."""
    if tok.i == 0 or tok.doc[tok.i - 1].text != "," or not (tok.tag_ == "VBD" or dep_children(tok, {"dobj", "obj"})):
        return None
    root = tok.sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    u, relative = tok.head, False
    while u.i != root.i and u.head.i != u.i:
        relative = relative or u.dep_ == "relcl"
        if u.dep_ == "appos" and u.head.i == root.i:
            return root if relative else None
        u = u.head
    return None


#: prepositions that name the medium of a speech act ("on Twitter", "in a statement", "via Telegram")
_MEDIUM_PREPS = {"on", "in", "via", "through"}


def _medium_of_speech(noun: Any) -> bool:
    """A noun that is where a speaker's words appear: the object of "on", "in", "via" or
    "through" on a verb of saying or posting ("posted on Twitter", "said in a statement", "wrote
    on Facebook"). Read from the structure, never from a list of platforms."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _MEDIUM_PREPS or prep.dep_ != "prep":
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and lemma_of(verb) in alx.SPEECH_VERBS and lemma_of(verb) not in alx.WEAK_SPEECH_VERBS


def _series_verb(tok: Any) -> Any | None:
    """The verb whose subject a past-tense verb the parser hung in the wrong place shares:
    - a verb of a series read as a participle modifying the noun before it ("he asked about the
      Muslim Brotherhood, called Omar a terrorist and said ...": "called", tagged past tense, is
      no reduced relative of the Brotherhood): the verb that governs that noun;
    - a past-tense conjunct of a to-infinitive or a present participle ("caught me while I was
      trying to cross the border and deported here": a past tense is no conjunct of either): the
      nearest past-tense verb above it.
    - the gerund of an adjective's phrase ("are guilty of violating the ceasefire", "is capable
      of launching"): the verb the adjective complements, whose subject does it.
    None when none is the case."""
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.dep_ == "acomp":
        adj = tok.head.head
        return adj.head if adj.pos_ == "ADJ" and adj.head.i != adj.i else None
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX") and t.head.tag_ == "VBD":
        t = t.head  # "..., called X a terrorist and hung up": the series' first
    if t.dep_ == "acl" and t.tag_ == "VBD" and t.i > 0 and t.doc[t.i - 1].text == ",":
        v = t.head
        while v.head.i != v.i and v.pos_ not in ("VERB", "AUX"):
            v = v.head
        return v if v.pos_ in ("VERB", "AUX") and v.i != t.i else None
    head = tok.head
    if (
        tok.dep_ == "conj"
        and tok.tag_ == "VBD"
        and (head.tag_ == "VBG" or (head.tag_ == "VB" and parse.infinitive(head)))
    ):
        v = head
        while v.head.i != v.i:
            v = v.head
            if v.tag_ == "VBD":
                return v
    return None


def recipients_of(tok: Any, cand: Candidate, ctx: Context) -> list:
    out = []
    objs = objects_of(tok)
    moved = lemma_of(tok) in MOVED and lemma_of(tok) != "order"
    handed_to = lemma_of(tok) in HANDED and any(
        np_actor_ids(q, ctx)
        for h in (tok, *dep_children(tok, {"dobj", "obj"}))  # the parser may hang "to" on the thing
        for p in h.children
        if p.dep_ in ("prep", "dative") and p.lower_ == "to"
        for q in p.children
        if q.dep_ == "pobj"
    )
    hung = _hung_to(tok, ctx) if lemma_of(tok) in HANDED and not handed_to else []
    handed_to = handed_to or bool(hung)
    out += hung
    for o in objs:
        # "granted the Portuguese government permission to ...": the parser reads the receiver as a
        # compound of the thing granted
        out += [x for x in o.children if granted_receiver(x) and x.i in ctx.tok_actor]
        if moved and o.dep_ in ("dobj", "obj"):
            continue  # "withdrew a contingent of 300 peacekeepers from X": its own people, X the recipient
        if handed_to and o.dep_ in ("dobj", "obj") and o.i not in ctx.tok_actor:
            continue  # "returned a portrait of a soldier to its owner": the thing handed over, not the soldier
        if cand.obj is not None and o.i == cand.obj.i:
            named = o.i in ctx.tok_actor or any(c.dep_ == "appos" and c.i in ctx.tok_actor for c in o.children)
            if named and keyed_object_is_patient(cand):  # "two hostages — an American and ...": who they are
                out.append(o)  # "expelled all UNSCOM weapons inspectors", "called President X"
            elif cand.entry.type in ("REJECT", "ACCUSE") and _outlets(o, ctx):
                out += _outlets(o, ctx)  # "denied a report in The Washington Post": the paper
            elif keyed_object_is_patient(cand):
                out += _vehicle_owner(o, ctx)  # "intercepted a North Korean ship": North Korea
            continue
        if o.dep_ in ("nsubjpass", "dobj", "obj", "pobj") or (o.dep_ == "nsubj" and o.head.i != tok.i):
            out.append(o)  # the last: an ECM verb's complement subject ("allow the WFP to deliver")
            if cand.entry.type in _DEAL_UNDOING and o.i not in ctx.tok_actor:
                out += _parties(o)  # "scrapped the trade deal with Canada"
    if not objs:
        # "rejected opposition leader Nawaz Khan to postpone the hearing", "found the army guilty
        # of ...": the parser makes the object the subject of the infinitive or the adjective right
        # after the verb
        out += [
            s
            for comp in dep_children(tok, {"ccomp", "xcomp"})
            if comp.pos_ == "ADJ" or parse.infinitive(comp)
            for s in dep_children(comp, {"nsubj"})
            if s.left_edge.i == tok.i + 1 and s.i in ctx.tok_actor
        ]
    for d in dep_children(tok, {"dative", "iobj"}):
        # "gave equipment to Nicaragua": the parser's dative is the preposition, its object the recipient
        out += [p for p in d.children if p.dep_ == "pobj"] if d.pos_ == "ADP" else [d]
    preps = [
        c for c in dep_children(tok, {"prep", "agent"}) if c.lower_ in RECIPIENT_PREPS and not _time_phrase(c)
    ]  # "On Tuesday, X imposed sanctions ... on Y": a time is no one the act is done to
    if cand.obj is not None:
        preps += [c for c in dep_children(cand.obj, {"prep"}) if c.lower_ in RECIPIENT_PREPS]
        if cand.entry.type in ("SANCTION", "COERCE") and not preps:
            # "imposed new sanctions over the crisis on Myanmar's commanders": the parser hangs
            # the "on" phrase on the noun of the phrase before it
            preps += [
                c
                for p in cand.obj.children
                if p.dep_ == "prep" and p.lower_ not in RECIPIENT_PREPS
                for q in p.children
                if q.dep_ == "pobj"
                for c in q.children
                if c.dep_ == "prep" and c.lower_ in ("on", "against")
            ]
        if cand.entry.type in ("SANCTION", "COERCE") and not preps:
            # "imposed sanctions over the crisis, including visa bans and asset freezes, on the
            # army's commanders": the parser reads a listed measure as a verb and hangs the "on"
            # phrase on it; an "on" / "against" actor after the measure, on a word between them
            preps += [
                p
                for p in tok.doc[cand.obj.i + 1 : sent_of(tok).end]
                if p.dep_ == "prep"
                and p.lower_ in ("on", "against")
                and cand.obj.i < p.head.i < p.i
                and p.head.i in {t.i for t in tok.subtree}
                and any(np_actor_ids(q, ctx) for q in dep_children(p, {"pobj"}))
            ][:1]
        if cand.entry.type in ("ACCUSE", "COERCE", "SANCTION", "CONSULT", "SUPPORT") or (
            cand.entry.type in ("RETREAT", "CONCEDE") and keyed_object_is_patient(cand)
        ):
            # "an investigation of the killing of X", "the arrest of 26 members", "lifted its
            # blockade of Yemen", "will host the meeting of BRICS representatives": what the act is of
            preps += [c for c in cand.obj.children if c.dep_ == "prep" and c.lower_ == "of"]
    else:  # "boycott all contact with the United States"
        for o in objs:
            if o.dep_ in ("dobj", "obj") and o.i not in ctx.tok_actor:
                preps += [
                    c
                    for c in o.children
                    if c.dep_ == "prep" and c.lower_ in ("with", "against", "toward", "towards", "for", "to", "on")
                ]  # "pledged support for Hungarian NGOs", "supported economic assistance to the Palestinians"
    if cand.entry.type in _UNDONE:
        # "lifted the restrictions imposed on X", "extended the sanctions it placed on Y": whom
        # what is lifted or extended was put on
        for o in [*([cand.obj] if cand.obj is not None else []), *objs]:
            if o.i in ctx.tok_actor:
                continue
            preps += [
                p
                for acl in o.children
                if (acl.dep_ == "acl" and acl.tag_ == "VBN") or (acl.dep_ == "relcl" and acl.pos_ == "VERB")
                for p in acl.children
                if p.dep_ == "prep" and p.lower_ in ("on", "upon", "against")
            ]
    if cand.entry.type in ("REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE"):
        # "demanded that the US cancel ...": the addressee is the complement's subject
        for comp in dep_children(tok, {"ccomp"}) if cand.entry.type != "CONCEDE" else []:
            if any(m.lower_ == "that" for m in comp.children if m.dep_ == "mark") or cand.entry.type == "REQUEST":
                out += dep_children(comp, {"nsubj", "nsubjpass"})
        # "demanded the removal of President X", "welcomed Reagan's statement", "granted an exemption
        # sought by the union" (whom a concession is made to)
        for o in parse.content_objects([x for y in objs for x in _conj_nouns(y)]):
            if o.i in ctx.tok_actor or (cand.entry.type == "CONCEDE" and cand.obj is not None and o.i == cand.obj.i):
                continue
            if cand.entry.type == "SUPPORT" and cand.obj is not None and o.i == cand.obj.i:
                # the keyed object is the support itself: its owner gives it ("reiterated the government's support")
                continue
            out += _owners(o, ctx)
            if o.dep_ in ("dobj", "obj") and not parse.is_passive(tok):
                # "condemned the attack by militants on a school": the parser hangs the object's
                # "by" phrase, right after it, on the active verb, which can have no agent
                out += [
                    q
                    for p in tok.children
                    if p.dep_ == "prep" and p.lower_ == "by" and p.i == o.right_edge.i + 1
                    for q in dep_children(p, {"pobj"})
                    if q.pos_ in ("NOUN", "PROPN")
                ]
    # "developed the course following an invitation from the Nigerian government", "arrived at the
    # request of X": whom the act answers sent what it follows
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in _ANSWERING_PREPS:
            for po in dep_children(p, {"pobj"}):
                if lemma_of(po) in _SENT_NOUNS and po.i not in ctx.tok_actor:
                    of = [q for c in po.children if c.dep_ == "prep" and c.lower_ == "of" for q in c.children]
                    out += _senders(po) or [q for q in of if q.dep_ == "pobj"]
    if cand.entry.quad >= 3:  # "filed a complaint with the UN council against the state": the state
        preps.sort(key=lambda p: p.lower_ != "against")
    for p in preps:
        if p.lower_ == "to" and cand.entry.type == "AGREE":
            continue
        if p.lower_ == "at" and cand.entry.type not in AIMED_AT:
            continue  # "was arrested at Kendale Lakes Elementary School", "met at the White House": where
        for po in p.children:
            if po.dep_ == "pobj":
                out.append(po)
                if po.i not in ctx.tok_actor:
                    out += _clause_subjects(po, ctx)
                    out += _opponents(po)
                    out += _senders(po)
                    if cand.entry.type in _DEAL_UNDOING:
                        out += _parties(po)  # "reneged on a border accord with Ecuador", "pulled out of a pact with X"
                    if cand.entry.type in ("ACCUSE", "REJECT", "PROTEST") and p.lower_ in ("into", "against", "on"):
                        out += _owners(po, ctx)  # "an investigation into crimes committed by X"
                    if p.lower_ == "of" and cand.obj is not None and p.head.i == cand.obj.i:
                        # what the act noun is of takes its partner or target as the verb's object
                        # would ("announced a suspension of air links with 21 countries")
                        out += [
                            q
                            for r in po.children
                            if r.dep_ == "prep" and r.lower_ in ("with", "against", "on", "to")
                            for q in dep_children(r, {"pobj"})
                            if q.i in ctx.tok_actor
                        ]
            elif po.dep_ == "pcomp":  # "an investigation into whether X was spied on"
                out += _clause_subjects(po, ctx, own=True)
    return out


def _time_phrase(p: Any) -> bool:
    """A prepositional phrase that says when ("on Tuesday", "on March 3"): its objects are times,
    every word of them (not "met with President Bashar Assad Tuesday", parsed as "Assad Tuesday")."""
    objs = dep_children(p, {"pobj"})
    return bool(objs) and all(
        t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.pos_ == "DET" for o in objs for t in o.subtree
    )


def _hung_to(tok: Any, ctx: Context) -> list:
    """The "to" actor of a verb of handing over that the parser hangs on a clause inside what is
    handed ("gave information on the holders, which includes their names, to the Indian
    government", "returned a manuscript, missing since 1943, to Venafro, Italy"): the last "to"
    phrase of the sentence, after the verb's object, on a relative, participle or adverbial clause
    below the verb whose own verb takes no "to" of its own (no giving, moving or travelling)."""
    objs = dep_children(tok, {"dobj", "obj"})
    if not objs or any(p.dep_ in ("dative", "iobj") for p in tok.children):
        return []
    after = max(o.i for o in objs)
    for p in reversed(list(tok.subtree)):
        if p.i <= after:
            break
        if not (p.dep_ == "prep" and p.lower_ == "to" and p.head.i != tok.i):
            continue
        v = p.head
        lemma = lemma_of(v)
        if v.pos_ != "VERB" or v.dep_ not in ("relcl", "acl", "advcl") or lemma in HANDED or lemma in MOVED:
            return []
        if lemma in lx.TRAVEL or parse.infinitive(v):
            return []
        if p.right_edge.i + 1 < sent_of(tok).end and not tok.doc[p.right_edge.i + 1].is_punct:
            return []  # the phrase must end the sentence or its clause
        return [q for q in dep_children(p, {"pobj"}) if np_actor_ids(q, ctx)]
    return []


#: acts on a measure put on someone (a restriction, a sanction), who stays its recipient
_UNDONE = {"CONCEDE", "RETREAT", "SANCTION", "COERCE"}

#: verbs whose object the actor moves or commits: its own people and means, never the recipient
#: verbs of handing a thing over: with a "to" actor, the thing (and whom it is of) is no recipient
HANDED = {"return", "give", "hand", "deliver", "transfer", "donate", "supply", "sell", "ship", "provide", "send"}

MOVED = {
    "send", "dispatch", "deploy", "withdraw", "pull", "pull_out", "move", "mass", "order", "put", "mobilize", "recall",
}  # fmt: skip


#: verbs whose weapon object is the means of the act ("used a guided bomb", "fired rockets")
_WIELDED = {"use", "fire", "launch", "drop", "employ", "lob"}


def _wielded(cand: Candidate) -> bool:
    """The object an entry was keyed on is a weapon the actor uses ("used+WEAPON"): its maker or
    origin ("a Lockheed Martin-made bomb", "American-made bombs") takes no part in the act."""
    lemma, _, cls = cand.entry.key.partition("+")
    if lemma not in _WIELDED or cand.obj is None:
        return False
    return cls == "WEAPON" or parse.noun_class(cand.obj) == "WEAPON"


#: verbs that make what their object names ("set up a company", "establish a force"): it does not
#: exist before the act, so it is none the act is done to
_CREATING = {"establish", "create", "found", "form", "build"}


def _creating(tok: Any) -> bool:
    lemma = lemma_of(tok)
    return lemma in _CREATING or (lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children))


def _vehicle_owner(o: Any, ctx: Context) -> list:
    """The country a vehicle an act is done to belongs to, named by its modifier: "intercepted a
    North Korean ship", "shot down a Syrian jet", "seized an Iranian tanker"."""
    if lemma_of(o) not in lx.WORDS["vehicle_nouns"] and lemma_of(o) not in lx.WORDS["military_vehicles"]:
        return []
    return [
        c
        for c in o.children
        if c.dep_ in ("amod", "compound", "nmod", "poss")
        and c.i < o.i
        and ctx.actor_kind.get(ctx.tok_actor.get(c.i, "")) == "country"
    ][:1]


def keyed_object_is_patient(cand: Candidate) -> bool:
    """Whether the object an entry was keyed on is what the act is done to ("expel+INSPECTORS",
    "call+PERSON", "lift+blockade"), not the actor's own forces or means ("send+TROOPS"); the
    refugees taken in are the ones given asylum ("accept+refugee"), the soldiers or pilots trained
    the side that is helped ("train+TROOPS")."""
    lemma, _, cls = cand.entry.key.partition("+")
    if cand.entry.mode == "asylum" or lemma == "train":
        return True
    if _wielded(cand):
        return False  # "the strike used a guided bomb", "fired rockets at": the means, not the target
    return cand.entry.type not in ("MOBILIZE", "AID") and cls != "TROOPS" and lemma not in MOVED


def _conj_nouns(tok: Any) -> list:
    """A noun and the nouns conjoined with it ("the act of aggression and the continuing threats")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            out += _conj_nouns(c)
    return out


#: nouns of a fight whose against/on/with object is the opponent ("mobilized troops for the war
#: against Iraq", "pledged support for the fight against Islamic State")
_FIGHT_NOUNS = {
    "war", "battle", "fight", "campaign", "offensive", "struggle", "operation", "operations", "attack",
    "attacks", "strike", "strikes", "assault", "action", "crackdown", "retaliation",
}  # fmt: skip


def _opponents(tok: Any) -> list:
    if lemma_of(tok) not in _FIGHT_NOUNS and tok.lower_ not in _FIGHT_NOUNS:
        return []
    return [
        q
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in ("against", "on")
        for q in p.children
        if q.dep_ == "pobj"
    ]


#: verbs of a deal the parties conclude together ("Kenya and its creditors reached a deal",
#: "agreed a trade pact with Canada"): SUPPORT 057 like a treaty signed, coded between the parties
#: like the agreeing itself
JOINT_DEAL_VERBS = ("reach", "strike", "agree")

#: acts that undo or refuse a deal: the deal's other party is whom they are done to
_DEAL_UNDOING = {"REJECT", "RETREAT", "SANCTION"}


def _parties(tok: Any) -> list:
    """The other party of an agreement noun: "a border accord with Ecuador", "the
    trade deal between the two countries" (reneging on it, pulling out of it, suspending it is
    done to them)."""
    if parse.noun_class(tok) != "AGREEMENT":
        return []
    return [
        q
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in ("with", "between")
        for q in dep_children(p, {"pobj"})
    ]


#: what one actor sends or puts to another: its "from" object is its sender ("a request from X")
_SENT_NOUNS = {
    "request", "invitation", "offer", "proposal", "demand", "call", "appeal", "plea", "pressure",
    "ultimatum", "warning", "letter", "message", "suggestion", "overture", "petition",
}  # fmt: skip


#: prepositions of an act done in answer to what another sent ("following an invitation from X")
_ANSWERING_PREPS = {"following", "after", "at", "upon", "on", "in"}


def _senders(tok: Any) -> list:
    """Who sent what a noun names: "responded to a request from Haaretz", "bowed to pressure from
    Congress", "accepted an invitation from the Nigerian government" (whom the act answers)."""
    if lemma_of(tok) not in _SENT_NOUNS:
        return []
    out = [q for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for q in dep_children(p, {"pobj"})]
    if not out:
        # "offers of talks by the Kabul government", "offers for peace talks by X", "a demand by
        # Congress": the "by" phrase, which the parser may hang on the noun the "of" / "for" phrase names
        heads = [
            tok,
            *(
                q
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ in ("of", "for")
                for q in dep_children(p, {"pobj"})
            ),
        ]
        out = [
            q
            for h in heads
            for p in h.children
            if p.dep_ in ("prep", "agent") and p.lower_ == "by"
            for q in dep_children(p, {"pobj"})
        ]
    return out


def _owners(o: Any, ctx: Context) -> list:
    """Whose a thing is: "Reagan's statement", "the Supreme Court decision", "the removal of X",
    "the plan by the White House", "a request from X" (the possessor, an actor-naming modifier, an
    of/by object, the sender of what is sent)."""
    out = _senders(o)
    for c in o.children:
        if c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.tok_actor and c.i < o.i:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "acl":  # "every offer made by the Taliban"
            out += [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return out


_CONTENT_NOUNS = {"claim", "allegation", "report", "accusation", "charge", "suspicion", "complaint", "whether"}


def _clause_subjects(tok: Any, ctx: Context, own: bool = False) -> list:
    """Who a reported claim is about: "into claims that two servicemen abused children" -> the
    servicemen; "into whether X was spied on" -> X (the subject of the clause the noun carries)."""
    if not own and lemma_of(tok) not in _CONTENT_NOUNS:
        return []
    clauses = [tok] if own else [c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")]
    out = []
    for cl in clauses:
        out += [c for c in cl.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def complement_recipients(c: Candidate, ctx: Context) -> list:
    """Recipients a control verb's complement names when the verb names none: "agreed to provide
    Sri Lanka with technology", "has offered to send troops to help the Philippines army"."""
    out = []
    frontier = [x for x in c.trigger.children if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX")]
    purposes = [x for x in c.trigger.children if _purpose(x)]
    frontier += purposes
    # "signed a decree to ease the rules for Syrian refugees": what the writing is to do
    frontier += [
        x
        for o in c.trigger.children
        if o.dep_ in ("dobj", "obj") and lemma_of(o) in WRITINGS
        for x in o.children
        if x.dep_ == "acl" and x.pos_ == "VERB" and parse.infinitive(x)
    ]
    for _ in range(2):
        nxt = []
        for comp in frontier:
            moved = lemma_of(comp) in MOVED and lemma_of(comp) != "order"
            created = _creating(comp)
            for o in objects_of(comp):
                if moved and o.dep_ in ("dobj", "obj"):
                    continue  # "offered to send troops to help X": its own troops are sent, X helped
                if created and o.dep_ in ("dobj", "obj"):
                    continue  # "agreed to set up a new company in Berlin": what is made is done nothing to
                if o.dep_ in ("dobj", "obj") and (o.i in ctx.tok_actor or parse.is_person_like(o, ctx)):
                    out.append(o)
                elif comp in purposes and o.dep_ in ("dobj", "obj"):
                    # "staged demonstrations to demand the resignation of X": whom it presses
                    out += _owners(o, ctx)
                if o.dep_ in ("dobj", "obj") and o.i not in ctx.tok_actor:
                    out += _senders(o)  # "agreed to accept an offer from X"
                    # "promised to continue military aid to X": whom what it gives is for
                    out += [
                        q
                        for p in o.children
                        if p.dep_ == "prep" and p.lower_ in ("to", "for", "with", "against")
                        for q in p.children
                        if q.dep_ == "pobj" and q.i in ctx.tok_actor
                    ]
            for d in dep_children(comp, {"dative", "iobj"}):
                out += [p for p in d.children if p.dep_ == "pobj"] if d.pos_ == "ADP" else [d]
            for p in comp.children:
                if p.dep_ == "prep" and p.lower_ in ("to", "with", "against", "toward", "towards"):
                    out += [q for q in p.children if q.dep_ == "pobj" and q.i in ctx.tok_actor]
                    # "refused to respond to a request from X": whom the answer is to
                    out += [s for q in dep_children(p, {"pobj"}) if q.i not in ctx.tok_actor for s in _senders(q)]
            # never a clause with a subject of its own ("to restore order after a group of men took
            # over a base": the men's act, not the sender's)
            nxt += [
                x
                for x in comp.children
                if x.dep_ in ("xcomp", "advcl") and x.pos_ == "VERB" and not dep_children(x, {"nsubj", "nsubjpass"})
            ]
        if out:
            break
        frontier = nxt
    return out


def _protested(c: Candidate, ctx: Context) -> list:
    """Whom a protest "in protest of/against/at X" is against: X, or the owner of the act X
    ("in protest at the government's refusal")."""
    if c.entry.type != "PROTEST":
        return []
    out = []
    for h in (c.trigger, c.obj):
        for p in h.children if h is not None else ():
            if p.dep_ != "prep" or p.lower_ not in ("in", "as"):
                continue
            for n in p.children:
                if n.dep_ != "pobj" or lemma_of(n) != "protest":
                    continue
                for q in n.children:
                    if q.dep_ == "prep" and q.lower_ in ("of", "against", "at", "over"):
                        for o in q.children:
                            if o.dep_ == "pobj":
                                out += [o] if np_actor_ids(o, ctx) else _owners(o, ctx)
    return out


def _addressees(trig: Any) -> list:
    """Whom a writing that does the act is addressed to: "sent a letter to the head of the African
    Union threatening to withdraw funding", "a message to Congress urging ..." (the participle hangs
    on the writing or on the verb that sends it, and so does the "to" phrase)."""
    if trig.dep_ == "acl" and lemma_of(trig.head) in WRITINGS:
        writing = trig.head
        hosts = [writing] + ([writing.head] if writing.dep_ in ("dobj", "obj") else [])
    elif trig.dep_ == "advcl" and any(lemma_of(o) in WRITINGS for o in dep_children(trig.head, {"dobj", "obj"})):
        hosts = [trig.head, *dep_children(trig.head, {"dobj", "obj"})]  # "sent a letter to X, threatening ..."
    else:
        return []
    return [
        q
        for h in hosts
        for p in h.children
        if p.dep_ in ("prep", "dative") and p.lower_ == "to"
        for q in dep_children(p, {"pobj"})
    ]


def _purpose(x: Any) -> bool:
    """A purpose clause of the verb, with its subject: "staged protests to demand ...", "opened
    fire to disperse the crowd" (not "in order for X to ...", which has its own subject)."""
    return (
        x.dep_ == "advcl"
        and x.pos_ == "VERB"
        and parse.infinitive(x)
        and not any(a.dep_ in ("nsubj", "nsubjpass") for a in x.children)
    )


def _act_noun(subject: Any, ctx: Context) -> bool:
    """A subject that is an attack or an event noun and no actor ("A Saudi-led strike on a school
    bus used ...", whose agent the parse hides in a hyphenated modifier)."""
    return subject.i not in ctx.tok_actor and (
        parse.noun_class(subject) == "ATTACK" or any(k in lx.NOUN_EVENTS for k in parse.noun_keys(subject))
    )


def _attack_agents(subject: Any, ctx: Context) -> list:
    """A subject that is an act, not an actor ("A car bombing by the Islamic State group killed
    75 people", "A U.S. military airstrike has killed a worker", "Syrian regime air strikes hit
    the enclave"): the act's own agent (its by phrase, its possessor, its actor modifier), as
    PLOVER codes the attack's author; the subject itself when it names no agent or is an actor."""
    if subject.i not in ctx.tok_actor and subject.tag_ == "VBG" and subject.dep_ in ("nsubj", "csubj"):
        # "Shelling by Russian troops destroyed the bridge": a gerund's "by" agent
        return [t for t in subject_of(subject) if np_actor_ids(t, ctx)] or [subject]
    if not _act_noun(subject, ctx):
        return [subject]
    agents = [t for t in noun_participants(subject, ctx)[0] if np_actor_ids(t, ctx)]
    return agents or [subject]


_ACTIVE_DEPS = {"dobj", "obj", "dative", "iobj", "ccomp", "xcomp", "attr", "oprd", "aux", "auxpass", "nsubjpass"}
_CLAUSE_DEPS = {"ROOT", "ccomp", "parataxis"}


def _headline_patients(trig: Any) -> list:
    """The subject of a headline's reduced passive: "British transport helicopter shot down and
    burned out", "US drone shot down over Yemen, officials say", "Three soldiers shot dead in
    Baghdad", "Three policemen
    killed in attack": a verb whose patient cannot be left out (``patient_verbs``, "shoot down")
    with a subject but no auxiliary and no object in its whole coordination ("Rebels captured
    and killed three soldiers" is active: the object hangs on the last verb). Its subject is
    what was done to; a pronoun subject ("they seized") is left active."""
    head = trig
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and not dep_children(head, {"nsubj"}):
        head = head.head
    if head.dep_ not in _CLAUSE_DEPS or head.pos_ != "VERB" or head.tag_ not in ("VBD", "VBN"):
        return []
    subj = dep_children(head, {"nsubj"})
    if len(subj) != 1 or subj[0].pos_ == "PRON":
        return []
    group = [head]
    for v in group:
        group += [x for x in v.children if x.dep_ == "conj" and x.pos_ == "VERB" and not dep_children(x, {"nsubj"})]
    for v in group:
        # ("shot dead": the adjective completes the act, no object of an active verb)
        if any(x.dep_ in _ACTIVE_DEPS and not (x.dep_ == "oprd" and x.lower_ == "dead") for x in v.children):
            return []
    lemma = lemma_of(head)
    down = any(x.lower_ in ("down", "dead") and x.dep_ in ("prt", "advmod", "oprd") for x in head.children)
    if lemma not in lx.WORDS["patient_verbs"] and not (lemma in ("shoot", "gun") and down):
        return []
    return subj


def _participle_patient(trig: Any) -> list:
    """The noun a past participle describes is what was done to it: "Journalist arrested in
    Cairo", "Two Afghan soldiers killed in Taliban attack", "protesters detained by police"
    (a participle with an object or an auxiliary of its own is no passive)."""
    if (
        trig.dep_ != "acl"
        or trig.tag_ != "VBN"
        or trig.head.pos_ not in ("NOUN", "PROPN")
        or any(x.dep_ in _ACTIVE_DEPS or x.dep_ in ("nsubj", "mark") for x in trig.children)
    ):
        return []
    return [trig.head]


def _passive_agents(trig: Any, ctx: Context) -> list:
    """Who did a passive act the sentence gives no "by" for: the author of the attack it was done
    in ("killed in a Taliban attack", "died in an Israeli air strike")."""
    out = []
    for p in trig.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "during"):
            for n in p.children:
                if n.dep_ == "pobj" and n.i not in ctx.tok_actor and parse.noun_class(n) == "ATTACK":
                    out += [t for t in noun_participants(n, ctx)[0] if np_actor_ids(t, ctx)]
    return out


def _gerund_agents(trig: Any, ctx: Context) -> list:
    """Who did a passive act done in a gerund's act the sentence names the agent of: "were killed
    in shelling by government forces", "wounded during shelling by rebels"."""
    return [
        t
        for p in trig.children
        if p.dep_ == "prep" and p.lower_ in ("in", "during")
        for n in p.children
        if n.dep_ == "pcomp" and n.tag_ == "VBG"
        for t in subject_of(n)
        if np_actor_ids(t, ctx)
    ]


def _enabler(trig: Any) -> list:
    """Who lets a passive "for X to be ..." happen: "A court gave its approval for the former
    banker to be extradited", "approved a plan for the prisoners to be freed" (the subject of the
    verb the clause hangs on, directly or through its object)."""
    marks = {c.lower_ for c in trig.children if c.dep_ in ("mark", "aux")}
    misparsed = (  # "has given preliminary authorization for an aide to be extradited": the parser
        # makes "for" the verb's dative and the passive a conjunct of the verb
        trig.dep_ == "conj"
        and "to" in marks
        and any(c.dep_ in ("dative", "prep") and c.lower_ == "for" and c.i < trig.i for c in trig.head.children)
    )
    if not misparsed and (not {"for", "to"} <= marks or trig.dep_ not in ("advcl", "acl", "relcl")):
        return []
    host = trig.head
    if host.pos_ in ("NOUN", "PROPN") and host.dep_ in ("dobj", "obj"):
        host = host.head
    granted = [o for o in dep_children(host, {"dobj", "obj"}) if lemma_of(o) in _GRANTS]
    if host.pos_ not in ("VERB", "AUX") or not (granted or lemma_of(host) in _GRANTING):
        return []  # "waited for the hostages to be released": no one lets it happen
    return subject_of(host)


#: what, done after a passive act that names no agent, says who did it ("were freed after the
#: Cabinet approved a pardon", "was released after the government revoked the order")
_LETTING = {
    "approve",
    "authorize",
    "authorise",
    "allow",
    "permit",
    "order",
    "grant",
    "pardon",
    "revoke",
    "lift",
    "drop",
}


def _granted_after(trig: Any) -> list:
    """The subject of an "after" / "once" clause of a passive act with no agent whose verb lets it
    happen (``_LETTING``): "Two former presidents were freed after the Cabinet approved a pardon"."""
    for cl in dep_children(trig, {"advcl"}):
        if lemma_of(cl) in _LETTING and any(m.dep_ == "mark" and m.lower_ in ("after", "once") for m in cl.children):
            return subject_of(cl)
    return []


#: reporting verbs, the sectors of authority, and the acts an authority that announces them is taken to do
_ANNOUNCING = {"say", "announce", "declare", "confirm", "order", "decide", "state", "decree", "tell", "rule"}
_AUTHORITY = {"GOV", "MIL", "COP", "JUD", "LEG"}
_ANNOUNCED = {"COERCE", "SANCTION", "RETREAT", "CONCEDE", "AID"}


def _announcer(trig: Any, c: Candidate, ctx: Context) -> list:
    """The authority that announces an act of authority with no agent of its own in the clause
    it reports ("Shtayyeh said that a curfew will be imposed", "the ministry said the prisoners
    would be released", "the county announced that bars would be restricted"): a state actor,
    a country or a state official subject of the reporting verb. Never for attacks ("the army
    said three soldiers were killed" is no army's attack) nor for a speaker of no authority."""
    if c.entry.type not in _ANNOUNCED:
        return []
    clause = trig
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or lemma_of(clause.head) not in _ANNOUNCING:
        return []
    return [
        _spoken_for(s, ctx)
        for s in subject_of(clause.head)
        if any(
            ctx.actor_kind.get(a) == "country" or ctx.actor_sector.get(a) in _AUTHORITY for a in np_actor_ids(s, ctx)
        )
    ]


_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}


def _spoken_for(s: Any, ctx: Context) -> Any:
    """The body a spokesperson who announces an act speaks for, when it is an actor: "Police
    spokesman John Kamau said two suspects were arrested", "a spokesman for the interior ministry
    said 30 people were arrested" (the police, the ministry arrested them, not the spokesman); the
    spokesperson otherwise."""
    titles = (
        [s]
        if s.lower_ in _SPOKESPEOPLE
        else [c for c in s.children if c.dep_ == "compound" and c.lower_ in _SPOKESPEOPLE]
    )
    for t in titles:
        # "police spokesman John Kamau", "a spokesman for the interior ministry"
        bodies = [c for c in t.children if c.dep_ in ("compound", "nmod") and c.i < t.i]
        if t.i == s.i:
            bodies += [
                q for p in t.children if p.dep_ == "prep" and p.lower_ == "for" for q in dep_children(p, {"pobj"})
            ]
        for c in bodies:
            if c.i in ctx.tok_actor and ctx.tok_actor[c.i] != ctx.tok_actor.get(s.i):
                a = ctx.tok_actor[c.i]
                if ctx.actor_kind.get(a) in ("organization", "group", "country") and (
                    ctx.actor_kind.get(a) == "country" or ctx.actor_sector.get(a) in _AUTHORITY
                ):
                    return c
    return s


#: "the UN-brokered ceasefire", "Qatar-mediated talks": whose doing the act is
_BROKERED = {"brokered", "mediated", "sponsored", "led", "hosted", "organized", "organised", "declared", "imposed"}


def _brokers(noun: Any) -> list:
    """The X of an "X-brokered", "X-mediated", "X-led" ... modifier of an event noun."""
    doc = noun.doc
    out = []
    for c in noun.children:
        if c.i < noun.i and c.dep_ in ("amod", "compound", "npadvmod", "nmod") and c.i + 2 < noun.i:
            if doc[c.i + 1].text == "-" and doc[c.i + 2].lower_ in _BROKERED:
                out.append(c)
        if c.lower_ in _BROKERED and c.dep_ == "amod":
            out += [x for x in c.children if x.i < c.i and x.dep_ in ("npadvmod", "compound", "amod", "nmod")]
    return out


#: what lets an act be done, and the verbs that give it ("gave its approval for X to be extradited")
_GRANTS = {
    "authorization",
    "authorisation",
    "permission",
    "approval",
    "consent",
    "clearance",
    "go-ahead",
    "plan",
    "order",
}
_GRANTING = {"approve", "authorize", "authorise", "allow", "permit", "arrange", "clear", "pave", "order"}


#: acts of a state's authorities on people in its hands (besides COERCE: arrests, detentions)
_CUSTODY_ACTS = {"expel", "deport", "torture", "release", "free"}


def _state_where_held(trig: Any, c: Candidate, ctx: Context) -> list:
    """The state an agentless arrest, expulsion, release or torture was done in or from: "was
    arrested on Friday in Mali", "have been expelled from Eritrea", "were released from
    captivity in Chad" (its authorities hold the people it is done to, as PLOVER codes it). The
    country named by the verb's "in" / "from" phrase, or by one inside it ("in a prison in X")."""
    verbs = [trig, *(v for v in dep_children(trig, {"conj"}) if not dep_children(v, {"nsubj", "nsubjpass"}))]
    if c.entry.type != "COERCE" and not any(lemma_of(v) in _CUSTODY_ACTS for v in verbs):
        return []
    for p in (p for v in verbs for p in v.children):  # "was tortured and killed in a prison in X"
        if p.dep_ != "prep" or p.lower_ not in ("in", "from"):
            continue
        for n in dep_children(p, {"pobj"}):
            for x in (
                n,
                *(q for r in n.children if r.dep_ == "prep" and r.lower_ == "in" for q in dep_children(r, {"pobj"})),
            ):
                if any(ctx.actor_kind.get(a) == "country" for a in np_actor_ids(x, ctx)):
                    return [x]
    return []


def noun_participants(noun: Any, ctx: Context) -> tuple[list, list]:
    actors: list = []
    recips: list = []
    own = ctx.tok_actor.get(noun.i)  # "the Asia-Pacific Cooperation Summit" is not its own participant
    for c in noun.children:
        if own is not None and ctx.tok_actor.get(c.i) == own:
            continue
        if (
            c.dep_ == "poss"
            or c.dep_ in ("compound", "amod", "nmod")
            and (c.i in ctx.tok_actor or c.ent_type_ in ("GPE", "NORP", "PERSON", "ORG"))
        ):
            first = _hyphened_partner(c, ctx)
            if first is not None:
                # "US-China trade talks", "the Russia-Ukraine talks": a pair joined by a hyphen are
                # the two sides, coded from the first to the second
                actors.append(first)
                recips.append(c)
                continue
            actors.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("by", "of") and c.lower_ == "by":
            actors += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ in ("with", "between", "against", "on", "to", "among"):
            target = recips if c.lower_ != "between" else actors
            target += [p for p in c.children if p.dep_ == "pobj"]
    if not actors:
        actors = _responsible(noun)
    return actors, recips


def _hyphened_partner(c: Any, ctx: Context) -> Any | None:
    """The first of two actors' names joined by a hyphen into one modifier ("US-China", "Russia-
    Ukraine"), of which ``c`` is the second: the parse hangs it on ``c``, the hyphen between them,
    and it names another actor than ``c`` (never the words of one name, "Asia-Pacific")."""
    aid = ctx.tok_actor.get(c.i)
    if aid is None:
        return None
    for g in c.children:
        if (
            g.dep_ in ("compound", "amod", "nmod")
            and g.i + 2 == c.i
            and ctx.doc[g.i + 1].text in ("-", "\u2013")
            and not g.whitespace_
            and not ctx.doc[g.i + 1].whitespace_
            and ctx.tok_actor.get(g.i) not in (None, aid)
        ):
            return g
    return None


#: verbs whose that-clause is one side's case, not the news' own report ("evidence proving X was
#: behind the attack", "believes X was responsible for"): it names no author of the act
_ARGUED = {"prove", "show", "suggest", "believe", "suspect", "allege", "claim", "think", "indicate", "insist", "argue"}

#: "claimed responsibility for", "took credit for": the claimant is the act's author
_CLAIMED = {"responsibility", "credit"}


def _responsible(noun: Any) -> list:
    """Who a sentence holds to be the author of an event noun it names no author of: "IS claimed
    responsibility for the bombing", "the cartel has been responsible for mass killings", "the group
    responsible for the attack", "militants were behind the attack" (the subject of the verb the
    responsibility phrase hangs on, or the noun it describes)."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:  # "killings and beheadings"
        t = t.head
    if t.dep_ != "pobj":
        return []
    p = t.head
    h = p.head
    clause = h.head if h.dep_ in ("acomp", "oprd") else h
    if clause.dep_ == "ccomp" and lemma_of(clause.head) in _ARGUED:
        return []  # "evidence proving Russia was behind the attacks": one side's claim, no author
    if p.lower_ == "for":
        if lemma_of(h) in _CLAIMED and h.dep_ in ("dobj", "obj"):
            return subject_of(h.head)
        if h.lower_ == "responsible":
            if own := dep_children(h, {"nsubj"}):  # "the militants responsible for ...", parsed as a clause
                return own
            if h.dep_ == "acomp":
                return subject_of(h.head)
            if h.dep_ == "oprd":  # "was held responsible for", "held the army responsible for"
                return dep_children(h.head, {"nsubjpass", "dobj"})
            if h.dep_ == "amod" and h.head.pos_ in ("NOUN", "PROPN"):
                return [h.head]
    elif p.lower_ == "behind" and p.dep_ == "prep":
        if h.pos_ in ("AUX", "VERB") and lemma_of(h) == "be":
            return subject_of(h)
    return []


def _coordinated_owners(tokens: list, ctx: Context) -> list[str]:
    """The actors of a subject's conjoined modifiers: "Pakistan and Afghanistan's intelligence
    services" -> Pakistan, Afghanistan; "US and Western allies" -> the US, the Western allies."""
    out: list[str] = []
    for s in tokens:
        for m in s.children:
            if m.dep_ not in ("poss", "nmod", "compound", "amod") or not any(x.dep_ == "conj" for x in m.children):
                continue
            for t in [m, *[x for x in m.subtree if x.dep_ == "conj" and x.head.i == m.i]]:
                ids = [a for a in _np_one(t, ctx) if a != ctx.tok_actor.get(s.i) or t.i == s.i]
                if not ids and ctx.tok_actor.get(t.i):
                    ids = [ctx.tok_actor[t.i]]
                out += [a for a in ids if a not in out]
    return out


def np_actor_ids(tok: Any, ctx: Context) -> list[str]:
    """Actor ids for a noun phrase headed by ``tok`` (conjuncts included); worked out once per
    token and article (``ctx.memo``: the coder asks again for the same phrases, and nothing the
    answer reads changes while it codes), a new list each time."""
    memo = ctx.memo.get("np_actor_ids")
    if memo is None:
        memo = ctx.memo["np_actor_ids"] = {}
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = _np_actor_ids(tok, ctx)
    return list(found)


def _np_actor_ids(tok: Any, ctx: Context) -> list[str]:
    ids: list[str] = []
    for head in parse.conjuncts(tok):
        found = _np_one(head, ctx)
        for a in found:
            if a not in ids:
                ids.append(a)
    return ids


def _np_one(tok: Any, ctx: Context) -> list[str]:
    if tok.pos_ == "PRON" or tok.lower_ in RELATIVE:
        a = _antecedent(tok, ctx)
        return [a] if a else []
    named = _named_apposition(tok, ctx)
    if named:
        return [named]
    core = [tok]
    frontier = [tok]
    while frontier:
        t = frontier.pop()
        for c in t.children:
            if c.dep_ in ("compound", "flat", "appos", "nmod") or (c.dep_ == "amod" and c.pos_ == "PROPN"):
                core.append(c)
                frontier.append(c)
    # the head (and its name parts) first: "North Korean leader Kim Jong Un" is Kim Jong Un
    for t in sorted(
        core, key=lambda t: (t.dep_ == "compound" and t.i < tok.i and t.ent_type_ in ("GPE", "NORP"), abs(t.i - tok.i))
    ):
        a = ctx.tok_actor.get(t.i)
        if a:
            if t.i == tok.i and _generic_class(a, ctx) == "facility":
                # "positions of the Palestinian security forces", "a camp for Congolese
                # refugees": the people a site is of or for are whom an act on it is done to
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                        found = [x for p in c.children if p.dep_ == "pobj" for x in _np_one(p, ctx)]
                        if found:
                            return found
            return [a]
    # "the president of Armenia", "leaders of Romania's new government", "rebels in the Ivory
    # Coast", "a missionary from Calgary"
    # (never what a fight is "of": "the bombing of Gaza" is done to Gaza, by no one it names)
    fight = lemma_of(tok) in lx.WORDS["fighting_nouns"] or parse.noun_class(tok) == "ATTACK"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "in") and lemma_of(tok) not in RELATIONAL:
            if fight and c.lower_ == "of":
                continue
            for p in c.children:
                if p.dep_ == "pobj":
                    found = _np_one(p, ctx) if p.i != tok.i else []
                    if c.lower_ == "in":
                        # "a report in The Washington Post": the outlet a writing is in is its author
                        kinds = ("country", "organization") if lemma_of(tok) in WRITINGS else ("country",)
                        found = [a for a in found if ctx.actor_kind.get(a) in kinds]
                    if found:
                        return found
    found = [a for p in _outlets(tok, ctx) for a in _np_one(p, ctx)]
    if found:
        return found[:1]
    # a relational noun ("Kim Jong Un's father ..., Kim Jong Il") is the person named beside it,
    # never its possessor
    if lemma_of(tok) in RELATIONAL:
        for t in tok.doc[tok.i + 1 : min(tok.i + 14, sent_of(tok).end)]:
            if t.dep_ == "appos":
                a = ctx.tok_actor.get(t.i)
                if a:
                    return [a]
            if t.pos_ == "VERB":
                break
        return []
    # else a possessor or modifier: "South Korea's foreign ministry", "the Iranian Grace 1 tanker"
    # (the modifier hangs on the vessel's name)
    for c in tok.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            for t in c.subtree:
                a = ctx.tok_actor.get(t.i)
                if a:
                    return [a]
    # else whom its "including" phrase names: "killed dozens of IS members, including the group's
    # chief of operations" (the members are no actor of ours; their chief is one of them); else the
    # parties it lies between: "backed the peace talks between the Taliban and the Afghan
    # government", "support to the negotiations among Sudanese parties"
    for preps in (("including",), ("between", "among", "amongst")):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                found = [a for p in c.children if p.dep_ == "pobj" for a in np_actor_ids(p, ctx)]
                if found:
                    return found
    return []


#: verbs by which a writing appears in an outlet ("reports that appeared in The New York Times")
_PUBLISHED = {"appear", "publish", "run", "air", "print", "carry", "broadcast", "post"}


def _outlets(tok: Any, ctx: Context) -> list:
    """The organisations a writing appeared in or was published by: "reports that appeared in
    The New York Times", "a report in The Washington Post", "an article published by the BBC"."""
    if lemma_of(tok) not in WRITINGS:
        return []
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
    preps += [
        c
        for r in tok.children
        if r.dep_ in ("relcl", "acl") and lemma_of(r) in _PUBLISHED
        for c in r.children
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "on")
    ]
    return [
        p
        for c in preps
        for p in c.children
        if p.dep_ == "pobj" and any(ctx.actor_kind.get(a) == "organization" for a in _np_one(p, ctx))
    ]


def _named_apposition(tok: Any, ctx: Context) -> str | None:
    """The named actor set between commas beside a noun phrase that names nobody or only a
    generic actor: "The company, Dick Clark Productions, denies ...", and after its restrictive
    relative clause, where the parser hangs the name on the clause's last noun: "The company that runs
    the AMAs, Dick Clark Productions, denies ...", "the man who leads the group, John Smith,
    said". A name the phrase's head already is ("Maria Lopez, who leads ...") stays."""
    own = ctx.tok_actor.get(tok.i)
    if own is not None and not _generic_class(own, ctx):
        return None
    doc = tok.doc

    def named(x: Any) -> str | None:
        a = ctx.tok_actor.get(x.i)
        if a is None or a == own or _generic_class(a, ctx) or x.i == 0 or doc[x.left_edge.i - 1].text != ",":
            return None
        return a

    for c in tok.children:
        if c.dep_ == "appos" and c.i > tok.i:
            a = named(c)
            if a:
                return a
    for r in tok.children:
        if r.dep_ != "relcl" or r.i < tok.i or doc[r.left_edge.i - 1].text == ",":
            # a restrictive clause only: after "one of three men, who face charges in the town of
            # Dalo, Mark Ruiz" the name may be the town's
            continue
        end = r.right_edge.i
        if end + 1 >= len(doc) or (doc[end + 1].text != "," and doc[end + 1].i != tok.head.i):
            continue
        for x in r.subtree:
            if x.dep_ == "appos" and x.right_edge.i == end and x.head.i != tok.i:
                a = named(x)
                if a:
                    return a
    return None


def _is_person(tok: Any, ctx: Context) -> bool:
    """A personal pronoun, or a noun phrase naming a person actor."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("his", "her", "their", "my", "our", "your")
    return any(ctx.actor_kind.get(a) == "person" for a in np_actor_ids(tok, ctx))


def _gender(actor_id: str, ctx: Context) -> str | None:
    """ "f" or "m" when a mention of the actor is a noun or follows a title of one gender ("a
    woman", "Mrs Smith"), else None."""
    genders = ctx.memo.get("actor_genders")
    if genders is None:
        genders = {}
        female, male = lx.WORDS["female_words"], lx.WORDS["male_words"]
        for actor in ctx.article.actors:
            for m in actor.mentions:
                toks = ctx.tokens(m.start, m.end)
                if not toks:
                    continue
                words = {ctx.doc[toks[-1]].lower_, ctx.doc[toks[0] - 1].lower_.rstrip(".") if toks[0] else ""}
                if words & female:
                    genders[actor.id] = "f"
                elif words & male:
                    genders[actor.id] = "m"
        ctx.memo["actor_genders"] = genders
    return genders.get(actor_id)


def _generic_class(actor_id: str, ctx: Context) -> str | None:
    """The agent-noun class of a generic actor ("facility", "body", "people"), None for a name."""
    classes = ctx.memo.get("generic_classes")
    if classes is None:
        classes = {x.id: (x.model_extra or {}).get("generic") for x in ctx.article.actors}
        ctx.memo["generic_classes"] = classes
    return classes.get(actor_id)


REFLEXIVES = {"himself", "herself", "itself", "themselves"}  # first person: see below


def _antecedent(tok: Any, ctx: Context) -> str | None:
    low = tok.lower_
    if low in REFLEXIVES and tok.head.pos_ in ("VERB", "AUX"):
        # "suicide bombers blew themselves up": the clause's own subject, or nobody
        subj = [t for t in subject_of(tok.head) if t.i != tok.i and t.lower_ not in REFLEXIVES]
        found = [a for t in subj for a in _np_one(t, ctx)] if subj else []
        return found[0] if found else None
    if low in ("i", "we", "me", "us", "my", "our", "myself", "ourselves"):
        # first person inside a quotation is its speaker
        for q in ctx.article.quotes:
            if q.start <= tok.idx < q.end:
                return q.speaker
        return None
    if low == "its":
        # "returned the manuscript to its owner", "returned a portrait to its owners": a thing the
        # verb acts on before the pronoun is what "its" is of, not an actor
        owner = tok.head
        verb = owner.head.head if owner.dep_ == "pobj" and owner.head.dep_ in ("prep", "dative") else owner.head
        if verb.pos_ == "VERB" and any(
            o.dep_ in ("dobj", "obj") and o.pos_ in ("NOUN", "PROPN") and o.i < tok.i and o.i not in ctx.tok_actor
            for o in verb.children
        ):
            return None
    want = None
    unlike = None  # the gender a pronoun cannot refer to
    if low in ("he", "him", "his", "she", "her", "hers", "himself", "herself"):
        want = {"person"}
        unlike = "f" if low in ("he", "him", "his", "himself") else "m"
    elif low in ("it", "its", "itself"):
        want = {"country", "organization", "group"}
    plural = low in ("they", "them")
    # a third person inside a quotation is not its speaker, who would say "I" ("They caught me
    # and deported me," he said)
    speaker = next((q.speaker for q in ctx.article.quotes if q.start <= tok.idx < q.end and q.kind == "direct"), None)
    # this sentence, the mentions before the pronoun, nearest first; then the two sentences before
    s = sent_of(tok)
    sents = [(s.start, tok.i)]
    for _ in range(2):
        if s.start > 0:
            s = sent_at(ctx.doc, s.start - 1)
            sents.append((s.start, s.end))
    subject = tok.dep_ in ("nsubj", "nsubjpass")
    if subject and tok.head.dep_ == "ccomp" and tok.head.head.i != tok.head.i:
        # the subject of a that-clause is first the subject of the verb that governs it, or whose
        # that subject is, before any nearer name: "Cuba's refusal to engage with the Colombian
        # government shows that it is not cooperating" (Cuba), "the army told the rebels it would
        # attack" (the army)
        for t in subject_of(tok.head.head):
            if t.i >= tok.i or t.pos_ == "PRON":
                continue
            for gov in _np_one(t, ctx):
                if (
                    (want is None or ctx.actor_kind.get(gov) in want)
                    and (unlike is None or _gender(gov, ctx) != unlike)
                    and gov != speaker
                    and not (plural and ctx.actor_kind.get(gov) == "person")
                ):
                    return gov
    best = None
    # "Mrs Lopez met the minister. She urged him": for "she", a woman by noun or title first (most
    # people in the news are named without either; a man's "Mr." must not outrank a nearer name)
    for n, (lo, hi) in enumerate(sents):
        cands = [
            (i, a)
            for i in range(hi - 1, lo - 1, -1)
            if (a := ctx.tok_actor.get(i))
            and (want is None or ctx.actor_kind.get(a) in want)
            and (unlike is None or _gender(a, ctx) != unlike)
            and a != speaker
        ]
        if n and subject and cands:
            # a subject pronoun continues a sentence before from its subject, not from the name
            # nearest to it ("Trump met Macron in Paris. He asked Merkel ..." is Trump): the
            # subjects of its least embedded clauses (coordinate clauses are one level), nearest first
            subj = [(i, a, _clause_depth(ctx.doc[i])) for i, a in cands if _subject_mention(ctx.doc[i], a, ctx)]
            if subj:
                top = min(d for _, _, d in subj)
                first = [(i, a) for i, a, d in subj if d == top]
                cands = first + [c for c in cands if c not in first]
        elif subject and cands and tok.head.dep_ == "ccomp":
            # the subject of a that-clause whose governing subject it cannot be continues a subject
            # of its own sentence before a nearer name that only modifies another phrase ("Though
            # Washington is not taking part, U.S. deputy UN ambassador Jonathan Cohen said it
            # supports ..." is Washington, not the UN); an adverbial clause's "it" keeps the nearest
            # ("jets forced a Georgian plane to land after it violated Indian airspace")
            first = [(i, a) for i, a in cands if _subject_mention(ctx.doc[i], a, ctx)]
            cands = first + [c for c in cands if c not in first]
        for _i, a in cands:
            if best is None:
                best = a
            if plural:
                # "they" is a body, a group or a country before one person ("slogans against
                # Imran Khan, who they accuse of corruption": the protesters accuse); a person
                # only when none is near ("Ali said they will not end the strike")
                if ctx.actor_kind.get(a) in ("country", "organization", "group"):
                    return a
            elif unlike != "m" or _gender(a, ctx) is not None:
                return a
    return best


def _subject_mention(t: Any, actor: str, ctx: Context) -> bool:
    """Token ``t`` of a mention of ``actor`` is (in the name that is) a clause's subject."""
    while t.dep_ in ("compound", "flat", "amod", "appos") and t.head.i != t.i and ctx.tok_actor.get(t.head.i) == actor:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def _clause_depth(t: Any) -> int:
    """How many heads up from ``t`` to its sentence's root, a conjunct counted as its first."""
    n = 0
    while t.head.i != t.i and n < 50:
        if t.dep_ != "conj":
            n += 1
        t = t.head
    return n


def _own_body(t: Any, actor: str, actors: list[str], ctx: Context) -> bool:
    """Whether ``actor``, found in the phrase of ``t``, is a body the event's actor's own pronoun
    owns ("reaffirmed his administration's commitment to ...", "share information from their
    banks"): the actor's own, never whom its act is done to. A person so owned ("sacked his
    defence minister") stays a recipient."""
    if not actors or ctx.actor_kind.get(actor) not in ("organization", "group") or _generic_class(actor, ctx) is None:
        return False
    for u in t.subtree:
        if ctx.tok_actor.get(u.i) != actor:
            continue
        for x in u.children:
            if (
                x.dep_ == "poss"
                and x.lower_ in ("his", "her", "its", "their")
                and set(np_actor_ids(x, ctx)) & set(actors)
            ):
                return True
    return False


def _aimed(c: Candidate) -> bool:
    """The act names what it is aimed at, an actor or not: an object other than the one it is keyed
    on ("bombed Idlib"), or an on / at / against / into phrase."""
    trig = c.trigger
    return any(c.obj is None or o.i != c.obj.i for o in objects_of(trig)) or any(
        p.dep_ == "prep"
        and p.lower_ in ("on", "at", "against", "into", "upon")
        and any(q.ent_type_ not in ("DATE", "TIME") for q in dep_children(p, {"pobj"}))  # not "on Sunday"
        for p in trig.children
    )


def participants(c: Candidate, ctx: Context) -> tuple[list[str], list[str]]:
    """The actor ids and recipient ids of a candidate (no actor is also its recipient).

    Sets ``c.actors_tok`` and ``c.recipients_tok`` (the noun-phrase heads) as a side effect:
    the mode refinements read them. A noun event arrives with its participants already set.
    """
    trig = c.trigger
    attack_subjects: list = []  # subjects that are acts ("A Saudi-led strike on ... used ...")
    if not c.noun and c.entry.key != "reported+must":
        c.actors_tok = [t for t in subject_of(_series_verb(trig) or trig) if c.obj is None or t.i != c.obj.i]
        if not c.actors_tok:
            c.actors_tok = _misparsed_subject(trig, ctx)
        agents = [(t, _attack_agents(t, ctx)) for t in c.actors_tok]
        attack_subjects = [t for t, ag in agents if ag != [t] or _act_noun(t, ctx)]
        c.actors_tok = [x for _, ag in agents for x in ag]
        recips = recipients_of(trig, c, ctx)
        patients = (
            _headline_patients(trig) or _participle_patient(trig) if c.entry.type in ("ASSAULT", "COERCE") else []
        )
        if patients:  # "US drone shot down over Yemen": the drone is what was attacked
            agents = [p for a in dep_children(trig, {"agent"}) for p in dep_children(a, {"pobj"})]
            c.actors_tok = agents or _passive_agents(trig, ctx)
            recips = patients + recips
        if not c.actors_tok and (patients or parse.is_passive(trig)):
            c.actors_tok = (
                _enabler(trig)
                or _granted_after(trig)
                or _announcer(trig, c, ctx)
                or _state_where_held(trig, c, ctx)
                or _gerund_agents(trig, ctx)
            )
        if not c.actors_tok and c.obj is not None:
            c.actors_tok = _brokers(c.obj)  # "the UN-brokered ceasefire will start on Tuesday"
        c.recipients_tok = recips + c.recipients_tok
        for inner in c.inner:  # "offered to hand over to Great Britain", "threatened to break relations with Russia"
            if not inner.noun:
                c.recipients_tok += recipients_of(inner.trigger, inner, ctx)
            else:
                c.recipients_tok += noun_participants(inner.trigger, ctx)[1]
        if c.entry.key.endswith("_against+travel"):  # the country travel to is warned against
            c.recipients_tok = [
                q
                for p in trig.children
                if p.dep_ == "prep" and p.lower_ == "against"
                for t in p.subtree
                if t.dep_ == "prep" and t.lower_ == "to"
                for q in t.children
                if q.dep_ == "pobj"
            ]
        if c.entry.key.startswith("face+") and c.obj is not None:
            # "Obama faces pressure from Congress to help Iran": Congress asks Obama
            c.recipients_tok = c.actors_tok
            c.actors_tok = [
                q
                for p in (*c.obj.children, *trig.children)
                if p.dep_ == "prep" and p.lower_ == "from"
                for q in p.children
                if q.dep_ == "pobj"
            ]
        if c.obj is not None and c.entry.type in ("CONSULT", "PROTEST", "ASSAULT", "COOPERATE") and not _wielded(c):
            noun_a, noun_r = noun_participants(c.obj, ctx)
            if (c.obj.dep_ == "nsubjpass" and c.entry.type == "ASSAULT") or (
                c.entry.type in ("ASSAULT", "COERCE")
                and c.actors_tok
                and keyed_object_is_patient(c)
                and not any(
                    a in np_actor_ids(t, ctx) for t in c.actors_tok for x in noun_a for a in np_actor_ids(x, ctx)
                )
            ):
                # "their helicopter was shot down": the passive's subject is the target, and
                # its owner a recipient, never the attacker; "seized the Iranian tanker",
                # "violated Philippine's holiday ceasefire": the owner of what an actor named
                # as the subject attacks or seizes is the recipient
                noun_a, noun_r = [], noun_a + noun_r
            c.actors_tok += [x for x in noun_a if x not in c.actors_tok]
            c.recipients_tok += noun_r
    if c.noun and c.entry.type in ("ASSAULT", "COERCE"):
        # "the police killing of an unarmed man", "the arrest of 26 members": whom it is done to
        done_to = [
            q for p in trig.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children if q.dep_ == "pobj"
        ]
        if not done_to and lemma_of(trig) in lx.WORDS["undergone_nouns"]:
            # "after his arrest", "Assange's extradition": the person who owns it undergoes it
            done_to = [t for t in c.actors_tok if t.dep_ == "poss" and _is_person(t, ctx)]
            c.actors_tok = [t for t in c.actors_tok if t not in done_to]
        c.recipients_tok = done_to + c.recipients_tok
    # a pronoun subject is never an object of its own verb ("he ... called Omar a terrorist": not Omar)
    own_objects: set[str] | None = None  # (read only for a pronoun)
    actors: list[str] = []
    for t in c.actors_tok:
        for a in np_actor_ids(t, ctx):
            if a in actors:
                continue
            if t.pos_ == "PRON":
                if own_objects is None:
                    own_objects = {
                        x
                        for o in trig.children
                        if o.dep_ in ("dobj", "obj", "oprd", "dative", "iobj")
                        for x in np_actor_ids(o, ctx)
                    }
                if a in own_objects:
                    continue
            actors.append(a)
    if not actors and not c.noun and c.entry.type in _VERBAL:
        judge = _judge(trig)
        if judge:  # "Maduro said that lifting the ban is out of the question": Maduro rejects it
            c.actors_tok = judge
            actors = [a for t in judge for a in np_actor_ids(t, ctx)]
    recipients: list[str] = []
    for t in c.recipients_tok:
        ids = np_actor_ids(t, ctx)
        if all(_generic_class(a, ctx) for a in ids):
            ids = _apposed_names(t, ctx) or ids  # "convicted one of the protesters, Ali Said, ..."
        for a in ids:
            if a not in recipients and a not in actors and not _own_body(t, a, actors, ctx):
                recipients.append(a)
    if not recipients and not c.noun:
        # "A Saudi-led strike on a school bus used a guided bomb": whom the act the subject names is on
        aimed = [r for s in attack_subjects for r in noun_participants(s, ctx)[1]]
        # "a strike on a Yemeni school bus": the vehicle's country, as for a vehicle an act is keyed on
        aimed += [v for r in aimed if not np_actor_ids(r, ctx) for v in _vehicle_owner(r, ctx)]
        for t in [*complement_recipients(c, ctx), *_protested(c, ctx), *_addressees(trig), *aimed]:
            for a in np_actor_ids(t, ctx):
                if a not in recipients and a not in actors:
                    recipients.append(a)
    if c.entry.type == "ASSAULT" and len(actors) > 1 and not recipients and not c.noun and not _aimed(c):
        # "Armenia and Azerbaijan have fired across the border", "rebels and troops clashed": an
        # attack with no target but conjoined sides is the sides' on each other, coded from the first
        actors, recipients = actors[:1], actors[1:]
    if c.entry.type in SYMMETRIC or (
        "+AGREEMENT" in c.entry.key
        and (c.entry.type != "SUPPORT" or c.entry.key.startswith(JOINT_DEAL_VERBS))
        and not c.entry.key.startswith("broker")
    ):
        # a partner ("met with X", "discussed Libya with X") before the topic or other objects;
        # "Trump and Putin agreed", "Japanese and Australian armies agreed to exercises", "the
        # House and the Senate failed to reach agreement": a joint act of conjoined subjects is
        # coded, as PLOVER codes it, from the first to the others (a treaty signed together is
        # both parties' act: the seed's "France and Germany signed a treaty")
        if len(actors) <= 1:
            # "Pakistan and Afghanistan's intelligence services agreed", "Russia and Turkey's
            # foreign ministers met": conjoined owners of one subject are the parties
            owners = _coordinated_owners(c.actors_tok, ctx)
            if len(owners) > 1:
                actors = owners[:1]
                recipients = [a for a in [*owners[1:], *recipients] if a != actors[0]]
        partners = [
            a
            for t in c.recipients_tok
            if t.dep_ == "pobj" and t.head.lower_ in ("with", "between")
            for a in np_actor_ids(t, ctx)
            if a in recipients
        ]
        others = actors[1:] if len(actors) > 1 else []
        actors = actors[:1]
        recipients = list(dict.fromkeys([*partners, *others, *recipients]))
    return actors, recipients


def condition_subjects(trig: Any) -> list:
    """The subjects of an "if" or "unless" clause that conditions a threatened act: the threat
    verb's own or that of the act it threatens ("threatened to stop the talks if the United States
    goes ahead", "threatened to launch an offensive unless Baghdad accepted")."""
    acts = [trig, *dep_children(trig, {"xcomp"})]
    out: list = []
    for act in acts:
        for cl in dep_children(act, {"advcl"}):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cl.children):
                out += [x for s in dep_children(cl, {"nsubj", "nsubjpass"}) for x in parse.conjuncts(s)]
    return out


#: verbal acts: said, an act with no doer of its own is the speaker's judgement
_VERBAL = {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


def _judge(trig: Any) -> list:
    """The speaker whose judgement a verbal act with no actor is: an act stated of a clause or a
    thing with a copula, in what a speaker says ("Maduro said that lifting the ban is out of the
    question", "the minister said that talks were out of the question"). Never a subject that
    can act (a name, a pronoun, an agent noun with its own clause)."""
    if trig.dep_ in ("csubj", "nsubj", "nsubjpass"):  # the act itself is what is judged
        clause, s = trig.head, trig
    else:
        clause = trig
        while clause.dep_ in ("prep", "pobj", "acomp", "attr", "neg", "advmod") and clause.head.i != clause.i:
            clause = clause.head
        subj = dep_children(clause, {"nsubj", "nsubjpass", "csubj"})
        if not subj:
            return []
        s = subj[0]
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return []
    verb = clause.head
    if lemma_of(verb) not in alx.SPEECH_VERBS or lemma_of(verb) in alx.WEAK_SPEECH_VERBS:
        return []
    thing = s.dep_ == "csubj" or s.tag_ == "VBG" or (lemma_of(clause) == "be" and s.pos_ == "NOUN")
    if not thing:
        return []
    return [t for t in subject_of(verb) if t.pos_ != "PRON" or t.lower_ not in RELATIVE]


def _apposed_names(tok: Any, ctx: Context) -> list[str]:
    """The persons named right after a recipient phrase that names nobody or only a generic
    actor, between commas: "convicted one of the detained protesters, Ali Said, a student, and
    ...", "jailed two of the activists, Maria Lopez and Juan Perez, for six months" (the parser
    often hangs the names elsewhere). Not names that go on as a clause's subject ("arrested two
    men, John Smith said")."""
    doc = tok.doc
    inside = {t.i for t in tok.subtree}
    k = next(
        (
            k
            for k in range(tok.i + 1, min(tok.right_edge.i + 2, len(doc) - 1))
            if doc[k].text == ","
            and ctx.actor_kind.get(ctx.tok_actor.get(doc[k + 1].i, "")) == "person"
            and not _generic_class(ctx.tok_actor[doc[k + 1].i], ctx)
            and (doc[k + 1].i not in inside or _misplaced_apposition(doc[k + 1], tok, ctx))
        ),
        None,
    )
    if k is None:
        return []
    ids: list[str] = []
    j = k + 1
    while j < len(doc) and j < sent_of(tok).end:
        a = ctx.tok_actor.get(doc[j].i)
        if a is not None and ctx.actor_kind.get(a) == "person" and not _generic_class(a, ctx):
            if a not in ids:
                ids.append(a)
            j += 1
        elif doc[j].lower_ == "and" and j + 1 < len(doc) and ctx.tok_actor.get(doc[j + 1].i) is not None:
            j += 1
        else:
            break
    if j < len(doc) and doc[j].pos_ in ("VERB", "AUX"):
        return []
    return ids


def _misplaced_apposition(first: Any, phrase: Any, ctx: Context) -> bool:
    """A name the parser apposes to a noun of the phrase that names nobody ("one of the
    protesters detained in the raid, Ahmed Karim": to "raid"), not through a clause with its own
    subject ("one of two men, who are facing charges in X town, Y": Y is the town's)."""
    aid = ctx.tok_actor.get(first.i)
    root = first
    while root.head.i != root.i and ctx.tok_actor.get(root.head.i) == aid:
        root = root.head
    if root.dep_ != "appos" or root.head.i in ctx.tok_actor:
        return False
    t = root.head
    while t.i != phrase.i and t.head.i != t.i:
        if t.dep_ == "relcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return False
        t = t.head
    return True


# -- targets that are no actor -----------------------------------------------------------------

#: determiners, modifiers and name parts that belong to a target's words ("the new legislation",
#: "two Supreme Court rulings"); relative clauses and prepositional phrases do not
_NP_LEFT = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "advmod", "predet", "case"}


def _np_span(tok: Any) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase a head names, without its clauses."""
    start = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in _NP_LEFT:
            start = min(start, c.left_edge.i)
    end = tok.i + 1
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("compound", "flat") and c.i == end:
            end = c.i + 1
    return start, end


#: noun classes (events/noun_classes.toml) of what an actor uses, gives or sends, never what
#: its act is done to ("fired four shells at", "sent troops to", "provided intelligence to")
MEANS_CLASSES = {"WEAPON", "AID", "TROOPS", "INFO", "EXERCISE"}
_NOT_TARGET_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _target_word(t: Any, c: Candidate, ctx: Context) -> bool:
    if t.pos_ not in ("NOUN", "PROPN") or t.i == c.trigger.i or (c.obj is not None and t.i == c.obj.i):
        return False
    if lemma_of(t) == c.entry.key.rsplit("+", 1)[-1]:
        return False  # the word the entry was keyed on ("remained on alert in Manila"): the act's own
    if t.ent_type_ in _NOT_TARGET_ENTS or NOUN_CLASSES.get(lemma_of(t)) in MEANS_CLASSES:
        return False
    if t.dep_ in ("dobj", "obj") and lemma_of(t.head) in MOVED:
        return False
    if c.obj is not None and c.obj.head.head.i == t.i and c.obj.head.lower_ == "of":
        return False  # "lifted a state of emergency": the keyed object's container is the act
    return not np_actor_ids(t, ctx)


#: links from a place up to the act that say the place belongs to another phrase than the act's
#: own: a subject's ("Prosecutors in Sweden dropped ...": the prosecutors' place, not the act's
#: target), or another clause's (a relative or reported one)
_NOT_ACTED_ON = {"nsubj", "nsubjpass", "csubj", "csubjpass", "relcl", "ccomp", "parataxis", "acl"}


def acted_on_place(toks: list[int], c: Candidate, ctx: Context, strict: bool = True) -> bool:
    """Whether a place mention lies in the act's own phrase, as where or on what it is done:
    inside the trigger's subtree (the verb's, for a trigger noun that is its object: "imposed
    blockades in Lahore", "agreed to a ceasefire in Aleppo"), reached without crossing a subject
    or another clause. Not ``strict``: only never in a subject's phrase."""
    if not toks:
        return False
    doc = ctx.doc
    # the walks read the cached parse arrays (a walk up Token.head builds a Token at each step)
    labels, heads, pos = parse_tree(doc)[0], heads_of(doc), pos_tags(doc)
    trig = c.trigger.i
    top = trig
    while labels[top] in ("dobj", "obj", "pobj", "prep") and heads[top] != top and pos[top] not in ("VERB", "AUX"):
        top = heads[top]  # the place hangs on the verb
    u = min((doc[i] for i in toks), key=depth_of).i
    keyed = c.obj.i if c.obj is not None else None  # "the ceasefire in Hudaydah will start": the act's noun
    while u != trig and (u != top or pos[top] not in ("VERB", "AUX")):
        if u == keyed and heads[u] == trig:
            return True
        if labels[u] in ("nsubj", "nsubjpass", "csubj", "csubjpass") or (strict and labels[u] in _NOT_ACTED_ON):
            return False
        if heads[u] == u:
            return not strict
        u = heads[u]
    return True


def target_of(c: Candidate, ctx: Context, recipients: list[str], place: dict | None = None) -> dict | None:
    """What an event with no recipient actor is done to, as words of the text: the first of its
    recipient phrases that names no actor ("rejected the legislation", "condemned the bombing"),
    else the place the sentence says it was done in ("imposed a curfew in the town of Cizre"), never
    one in the subject's own phrase ("Officials in Kenya rejected ...").
    Pronouns, times, the trigger's own words, what the actor uses or sends are never targets."""
    if recipients:
        return None
    for t in c.recipients_tok:
        if not _target_word(t, c, ctx):
            continue
        s, e = _np_span(t)
        span = ctx.doc[s:e]
        return {"text": span.text, "start": span.start_char, "end": span.end_char}
    if place is not None and place.get("precision") != "dateline" and "start" in place:
        sent = sent_of(c.trigger)
        toks = ctx.tokens(place["start"], place["end"])
        if sent.start_char <= place["start"] < sent.end_char and acted_on_place(toks, c, ctx, strict=False):
            return {"text": place["text"], "start": place["start"], "end": place["end"]}
    return None


#: WordNet social groups that are as often a place ("the country", "the camp"), beside the place
#: nouns of ``analyse.lexicon`` ("the city", "the state")
_GROUP_PLACES = {"country", "nation", "world", "camp", "area"}


def _place_noun(lemma: str) -> bool:
    """A noun of a place: where, or the country a place names, never an unnamed group of people."""
    return lemma in alx.PLACE_NOUNS or lemma in alx.AREA_NOUNS or lemma in _GROUP_PLACES


def agentive_target(target: dict | None, ctx: Context) -> dict | None:
    """The target of an act with no recipient actor, as a recipient actor of its own when its words
    name people (issue #15, "targets that are not named entities"): the noun phrase's head is one of
    WordNet's persons or social groups (``lexicon.AGENTIVE_NOUNS``: "issued an ultimatum to her
    Nationals colleagues", "rejected the organization", "released the two topmost functionaries").
    Never a pronoun, a name, a place or a noun of a place ("the city", "the camp"), a noun that is as
    often an act (``lexicon.ACT_NOUNS``: "help", "defense", "management"), nor an agent noun
    of ``data/agents.tsv``, which the actors stage has already judged (a "leader" whose is not said
    names nobody). Returns the ``group_recipient`` dict ``code_events`` makes an actor of (``actor``:
    a provisional id, "~" and the name, that ``code_events`` replaces; ``name``, ``kind``), or None."""
    if target is None:
        return None
    span = ctx.doc.char_span(target["start"], target["end"], alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    lemma = lemma_of(head)
    if head.pos_ != "NOUN" or head.ent_type_ or lemma not in lx.AGENTIVE_NOUNS or _place_noun(lemma):
        return None
    if lemma in lx.ACT_NOUNS:
        return None  # a noun that is as often an act ("asked for help", "the nation's defenses")
    if alx.agent_noun(lemma) is not None or alx.agent_noun(head.lower_) is not None:
        return None
    toks = set(range(span.start, span.end))
    if any(toks.intersection(p) for p, _ in ctx.places) or any(t in ctx.tok_actor for t in toks):
        return None
    # the name: the phrase without its determiners, figures and possessive pronouns ("her
    # Nationals colleagues" is named "Nationals colleagues")
    first = span.start
    while first < head.i and (
        ctx.doc[first].dep_ in ("det", "predet", "nummod", "quantmod", "poss", "case") or ctx.doc[first].like_num
    ):
        first += 1
    name = ctx.doc[first : head.i + 1].text
    # a group (unnamed people, or a body: "the organization"), never the country or person a name
    # is; one person where the noun is singular and names a person before a group ("a local
    # shopkeeper", not "the organization": ``lexicon.GROUP_NOUNS``)
    kind = "person" if head.tag_ == "NN" and lemma not in lx.GROUP_NOUNS else "group"
    return {"actor": f"~{name}", "start": target["start"], "end": target["end"], "name": name, "kind": kind}
