"""Which candidates are events, and which is the main one.

Governors (control verbs that absorb their complement, modal governors that pass modality
down), reported speech (a deontic complement is a REQUEST, a contested report an accusation),
refusals, accidents, noun events without participants of their own, merging of dependent
events of one type, and the order of a sentence's events (the main event first).

Public interface: ``select(cands, sent, ctx)``, ``adjust_type(...)``, ``finish(events, built,
reported, ctx)`` and ``merge(events)``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..nlp import pos_tags, sent_of
from . import lexicon as lx
from . import sense
from .dating import own_times
from .lexicon import Entry
from .modality import DEONTIC, aux_lows, conditional, not_taken, own_reported_intent, unattained, withheld
from .nonevents import accidental, armed, election_story, figurative, not_an_event, quoted_order
from .parse import (
    Candidate,
    Coded,
    Context,
    child_strings,
    dep_children,
    depth_of,
    infinitive,
    is_person_like,
    lemma_of,
    tree_distance,
    tree_path,
    verb_lemma,
)
from .place import place_for
from .roles import noun_participants, objects_of, subject_of

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp", "csubj"}


def _forecast(comp: Any, ctx: Context) -> bool:
    """ "The weather should ease by Thursday, said X": "should" of a thing that is no actor nor
    a person, doing nothing the coder knows, foretells; nobody is asked to act."""
    if not any(a.lower_ == "should" for a in comp.children if a.dep_ == "aux"):
        return False
    subj = dep_children(comp, {"nsubj"})
    return bool(subj) and not any(s.i in ctx.tok_actor or is_person_like(s, ctx) or s.pos_ == "PRON" for s in subj)


def select(
    cands: list[Candidate], sent: Any, ctx: Context
) -> tuple[list[Candidate], list[tuple[Candidate, Candidate]]]:
    """The candidates that are events of their own, after governors, reported speech and filters.

    Returns the kept candidates and the ``(accusation, reported attack)`` pairs that ``finish``
    keeps only when the built records show the speaker accuses the attack's actors.
    """
    # nouns absorbed as the keyed objects of verbs
    absorbed = set()
    for c in cands:
        absorbed |= c.absorbed
    cands = [c for c in cands if not (c.noun and c.trigger.i in absorbed)]

    # "warned citizens against travelling to Iraq": the travel warned against is no visit
    for c in [c for c in cands if c.entry.key.endswith("_against+travel")]:
        warned = {t.i for p in c.trigger.children if p.dep_ == "prep" and p.lower_ == "against" for t in p.subtree}
        cands = [x for x in cands if x.trigger.i not in warned]
    by_i = {c.trigger.i: c for c in cands}

    # governors: walk each candidate's ancestors to find control verbs, modals, reporting verbs
    dropped: set[int] = set()
    for c in sorted(cands, key=lambda c: depth_of(c.trigger)):
        if c.trigger.i in dropped:
            continue
        _govern(c, by_i, dropped, ctx)
    cands = [c for c in cands if c.trigger.i not in dropped]

    # reported speech, one pass over the reporting verbs:
    # - deontic: "X said Y must ..." is a REQUEST by X;
    # - "Israel said a mortar bomb was fired at it", "the US claimed ISIL attacked Iraq": a report
    #   that opens the sentence may be an accusation (CAMEO 112, decided by _accusation once the
    #   participants are known); the attack stays an event of its own
    reported = []
    pos = pos_tags(sent.doc)
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB":
            continue
        tok = sent.doc[i]
        lemma = lemma_of(tok)
        if lemma in lx.REPORTING:
            for comp in dep_children(tok, {"ccomp"}):
                if any(w in DEONTIC for w in child_strings(comp, ("aux",))):
                    subjects = dep_children(comp, {"nsubj", "nsubjpass"})
                    if subjects and all(s.lower_ in lx.WORDS["first_person_pronouns"] for s in subjects):
                        # "she added: 'We must teach the defendant love'": asks no one; what the
                        # speaker's side must do is not done
                        if comp.i in by_i:
                            by_i[comp.i].extra_modality = by_i[comp.i].extra_modality or "hypothetical"
                        continue
                    inner = by_i.get(comp.i)
                    if inner is None and _forecast(comp, ctx):
                        continue
                    mode, cameo = lx.request_code(inner.entry.type if inner else None)
                    rq = Candidate(comp, Entry("REQUEST", mode, cameo, "reported+must"))
                    rq.actors_tok = subject_of(tok)
                    rq.recipients_tok = dep_children(comp, {"nsubj", "nsubjpass"})
                    rq.request_from = tok
                    if inner is not None:
                        cands = [x for x in cands if x is not inner]
                    cands.append(rq)
        if lemma in ACCUSING_REPORTS:
            for comp in dep_children(tok, {"ccomp"}):
                inner = by_i.get(comp.i)
                if (
                    inner is not None
                    and inner in cands
                    and inner.entry.type in ("ASSAULT", "COERCE")
                    and comp.i > tok.i
                    and any(t.i < tok.i for t in subject_of(tok))
                ):
                    acc = Candidate(tok, lx.entry("reported_accusation", "reported+" + inner.entry.key))
                    reported.append((acc, inner))
            for comp in dep_children(tok, {"ccomp"}):
                if (
                    comp.i > tok.i
                    and tok.i not in by_i
                    and _held_responsible(comp)
                    and any(t.i in by_i and by_i[t.i].entry.type in ("ASSAULT", "COERCE") for t in comp.subtree)
                    and _party(subject_of(tok), ctx)
                ):
                    # "the White House said Iran was behind the attack", "Kabul said the Taliban
                    # were responsible for the bombing": a party blaming another (CAMEO 112); the
                    # blamed are the accused, unless they are the speaker's own ("Serbia said its
                    # forces were responsible": a claim, as `_accusation` reads it)
                    blamed = dep_children(comp, {"nsubj"})
                    if _same_country(subject_of(tok), blamed, ctx):
                        break
                    acc = Candidate(tok, lx.entry("reported_accusation", "reported+responsible"))
                    acc.recipients_tok = blamed
                    cands.append(acc)
                    break
    cands += [acc for acc, _ in reported]

    # "removing the sanctions is out of the question": a refusal of the act
    for c in cands:
        if not c.noun and _ruled_out(c.trigger) and c.entry.type in lx.COOPERATIVE:
            mode, cameo = lx.reject_code(c.entry.type)
            c.entry = Entry("REJECT", mode, cameo, "ruled_out+" + c.entry.key)

    # "launched an extraordinary attack on the spy chiefs, calling them nutters": a verbal attack
    for c in cands:
        if c.entry.type == "ASSAULT" and _verbal_attack(c, ctx):
            c.entry = Entry("ACCUSE", "disapprove", "111", "verbal+" + c.entry.key)
        elif c.entry.type == "ASSAULT" and _campaign_attack(c, ctx):
            c.entry = Entry("ACCUSE", "disapprove", "111", "campaign+" + c.entry.key)

    # "police launched operations to detain 110 suspects": an operation or a campaign launched to
    # do another act the coder knows is that act, not an attack
    cands = [c for c in cands if not _operation_for(c, cands)]
    # "police launched an operation to free the hostages": the attack stays, and its purpose is
    # no act of its own (the army released no one)
    purposes = {i for c in cands for i in _operation_purposes(c, ctx)}
    cands = [c for c in cands if c.trigger.i not in purposes or c.noun or c.entry.type == "ASSAULT"]

    # '"Release the hostages," he told the rebels': an order quoted to someone asks for the act
    # it names (the quoted act itself is nobody's yet: nonevents drops it below)
    for c in cands:
        if c.entry.key == "tell>imperative":
            for x in cands:
                v = _quoted_clause_head(x)
                if x is not c and v is not None and (v.head.i == c.trigger.i or c.trigger.head.i == v.i):
                    mode, cameo = lx.request_code(x.entry.type)
                    c.entry = Entry("REQUEST", mode, cameo, f"tell>{x.entry.key}")
                    break

    # deaths and damage caused by an earthquake, a crash or a fire are not assaults
    cands = [c for c in cands if not accidental(c)]
    # states, properties, movements, figures of speech (nonevents.py)
    cands = [c for c in cands if not_an_event(c, ctx) is None]
    # an everyday reading of an event verb ("the bar charges Rs 299", "a rover is investigating the
    # crater", "the app supports dark mode"): the learned sense gate reads its doer and object
    everyday = sense.everyday(cands, ctx)
    cands = [c for c in cands if c.trigger.i not in everyday]

    # noun events need participants, a time or a place of their own, and not to be another
    # trigger's object ("condemned the attack" is the condemnation)
    keep = []
    trig_ids = {c.trigger.i for c in cands if not c.noun}
    for c in cands:
        if c.noun:
            n = c.trigger
            gov = None
            if n.dep_ in ("dobj", "obj", "nsubjpass") and n.head.i in trig_ids:
                gov = n.head.i
            elif n.dep_ == "pobj" and n.head.head.i in trig_ids and n.head.lower_ in ("of", "for", "against", "on"):
                gov = n.head.head.i
            if gov is not None:
                # "flew to Kabul for talks with Afghan officials": the talks' partners are the visit's
                host = next(x for x in cands if x.trigger.i == gov)
                if host.entry.type == c.entry.type:
                    host.inner.append(c)
                continue
            a, r = noun_participants(n, ctx)
            own_time = own_times(n, [x.trigger for x in cands if x is not c], ctx)
            own_place = place_for(c, ctx, cands)
            if not (a or r or own_time or own_place):
                continue
            if any(ch.lower_ == "no" and ch.dep_ == "det" for ch in n.children):
                c.extra_modality = "negated"
            elif n.dep_ in ("dobj", "obj") and n.head.pos_ == "VERB":
                # "is considering sanctions", "plans a visit": not (yet) an event that happened
                gl = verb_lemma(n.head)
                if gl in lx.WORDS["deliberating_verbs"]:
                    c.extra_modality = "hypothetical"
                elif gl in lx.WORDS["planning_verbs"]:
                    c.extra_modality = "future"
                    c.modality_from = c.modality_from or n.head
            c.actors_tok, c.recipients_tok = a, r
        keep.append(c)
    cands = keep

    # an accusation the filters above dropped (a quoted act that is nobody's, a figure of speech)
    # has no record for ``finish`` to weigh: its pair goes with it
    kept = {id(c) for c in cands}
    reported = [(acc, inner) for acc, inner in reported if id(acc) in kept]
    return cands, reported


def finish(events: list[Coded], built: dict[int, Coded], reported: list, ctx: Context) -> list[Coded]:
    """The sentence's events: accusations kept where they hold, dependent events merged, the
    main event first.

    ``built`` maps ``id(candidate)`` to its event."""
    for acc, inner in reported:
        ev, inner_ev = built[id(acc)], built.get(id(inner))
        if inner_ev is None or not _accusation(ev, inner_ev, ctx):
            events.remove(ev)
    events = merge(events)
    # the main event is the highest trigger; an event of a conditional clause ("... if the rebels
    # lay down their arms") comes after the events of the clause it conditions
    events.sort(
        key=lambda e: (
            e.record["modality"] == "hypothetical" and conditional(e.trigger),
            _background(e.trigger),
            e.depth,
            e.trigger.i,
        )
    )
    return events


def _background(trig: Any) -> bool:
    """The act of a concessive clause ("Though Washington is not attending the meeting, its
    envoy said it supports the talks", `concessive_marks`): background, not the sentence's
    news. Its event comes after the others."""
    t = trig
    for _ in range(6):
        if any(w in lx.WORDS["concessive_marks"] for w in child_strings(t, ("mark",))):
            return True
        if t.dep_ not in ("xcomp", "conj", "aux", "acomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


#: reporting verbs that contest what they report ("X claimed Y attacked"): an accusation when X
#: is a party; a plain "say" is how news sources an attack, unless X says it was the target
ACCUSING_REPORTS = lx.WORDS["accusing_reports"]
CONTESTING_REPORTS = lx.WORDS["contesting_reports"]
#: sectors of the parties to a conflict (news sources such as police, media and NGOs only report)
PARTY_SECTORS = lx.WORDS["party_sectors"]


def _accusation(coded: Coded, inner_coded: Coded, ctx: Context) -> bool:
    """A reported attack is an accusation when the speaker is a party (a country, a government,
    an army, a rebel group) that did not do it and either was its target ("Israel said a mortar
    bomb was fired at it") or contests it ("the US claimed ISIL attacked Iraq"); the accused are
    the attack's actors."""
    ev, inner = coded.record, inner_coded.record
    speakers = ev["actors"]
    if not speakers or set(speakers) & set(inner["actors"]):
        return False
    on_speaker = bool(set(speakers) & set(inner["recipients"]))
    if not on_speaker and (not inner["actors"] or lemma_of(coded.trigger) not in CONTESTING_REPORTS):
        # "Iraqi officials say militants attacked a police base": sourcing, not an accusation
        return False
    if not all(ctx.actor_kind.get(a) == "country" or ctx.actor_sector.get(a) in PARTY_SECTORS for a in speakers):
        return False
    own = {ctx.actor_country.get(a) for a in speakers} - {None}
    if own & {ctx.actor_country.get(a) for a in inner["actors"]}:
        return False  # "Serbia said its forces attacked": a claim, not an accusation
    ev["recipients"] = list(inner["actors"])
    return True


def _ruled_out(tok: Any) -> bool:
    """The act is the subject of "is out of the question" / "is off the table"."""
    head = tok.head
    if tok.dep_ not in ("csubj", "nsubj") or lemma_of(head) != "be":
        return False
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ == "out":
            if any(q.lower_ == "of" and any(lemma_of(r) == "question" for r in q.children) for q in p.children):
                return True
        if p.dep_ == "prep" and p.lower_ == "off" and any(lemma_of(r) == "table" for r in p.children):
            return True
    return False


ABSORBING = lx.WORDS["absorbing_types"]
COMMISSIVE = lx.WORDS["commissive"]
TEMPORAL = lx.WORDS["temporal_subordinators"]


def _held_responsible(comp: Any) -> bool:
    """A clause that names someone as the doer of a wrong: "X was behind the attack", "X was
    responsible for the bombing" (a copula with "behind" or with `responsible_words`)."""
    if lemma_of(comp) != "be" or not dep_children(comp, {"nsubj"}):
        return False
    return any(ch.dep_ == "prep" and ch.lower_ == "behind" for ch in comp.children) or any(
        ch.dep_ == "acomp" and lemma_of(ch) in lx.WORDS["responsible_words"] for ch in comp.children
    )


def _party(subjects: list, ctx: Context) -> bool:
    """Whether every speaker is a party to a conflict: a country or an actor of `party_sectors`
    (police, media and monitors report; they do not accuse)."""
    ids = [ctx.tok_actor.get(t.i) for t in subjects]
    return bool(ids) and all(
        a is not None and (ctx.actor_kind.get(a) == "country" or ctx.actor_sector.get(a) in PARTY_SECTORS) for a in ids
    )


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})


def _same_country(speakers: list, blamed: list, ctx: Context) -> bool:
    """Whether the blamed are the speaker's own state ("Serbia said Serbian forces were behind it");
    a country's own rebels stay accusable ("Afghan officials said the Taliban were responsible")."""
    speaker_ids = [ctx.tok_actor.get(t.i) for t in speakers]
    own = {ctx.actor_country.get(a) for a in speaker_ids if a is not None} - {None}
    for t in blamed:
        a = ctx.tok_actor.get(t.i)
        if a is not None and ctx.actor_country.get(a) in own and ctx.actor_sector.get(a) in _STATE_SECTORS:
            return True
    return False


def _govern(c: Candidate, by_i: dict, dropped: set, ctx: Context) -> None:
    """Apply the verbs above a candidate: absorption by control verbs, modality from modals."""
    tok = c.trigger
    if not_taken(tok):
        return  # "instead of imposing sanctions, the EU offered talks": nothing promised or refused
    child = tok
    hops = 0
    while child.head.i != child.i and hops < 6:
        head = child.head
        hops += 1
        rel = child.dep_
        if rel not in CLAUSE_DEPS and rel not in ("acomp", "pobj", "prep", "dobj", "xcomp"):
            break
        if rel == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in TEMPORAL for m in child.children):
            break  # "were about to board a vessel when they were apprehended": the arrest is told
        hc = by_i.get(head.i)
        if rel == "prep" and child.lower_ not in ("for", "to", "of", "on", "against", "with", "into"):
            break
        if _ordered_done(child, by_i, dropped):
            # "a judge ordered nine ex-ministers jailed": the act ordered done to the object, by
            # the one who orders it (the parser hangs the participle on the object)
            _absorb(by_i[head.head.i], c)
            dropped.add(c.trigger.i)
            return
        if rel == "acl" and child.tag_ in ("VBG", "VBN") and head.pos_ in ("NOUN", "PROPN") and hc is None:
            # "a reward for information leading to an arrest": a participle describing a noun
            # is no complement of the verb above ("pressure to help Iran" is one)
            break
        if (
            hc is not None
            and hc.trigger.i not in dropped
            and rel in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "advcl")
            and hc.entry.type in ABSORBING
            and hc.entry.key.split("+")[0] not in lx.WORDS["non_absorbing_verbs"]
        ):
            # a control verb that is itself the event absorbs the clause it governs
            if rel == "advcl" and not infinitive(child):
                break
            if figurative(c, ctx):
                dropped.add(c.trigger.i)  # "vowed to fight corruption": no threat of anything
                return
            _absorb(hc, c)
            dropped.add(c.trigger.i)
            return
        lemma = lemma_of(head)
        if rel in ("xcomp", "acomp") or (rel == "advcl" and head.pos_ == "ADJ"):
            if lemma in lx.HYPOTHETICAL_GOVERNORS and lemma not in lx.WORDS["effort_governors"]:
                c.extra_modality = c.extra_modality or "hypothetical"
            elif lemma == "prepare" and head.pos_ == "VERB" and rel == "xcomp" and c.entry.type == "ASSAULT":
                # "the army prepared to resume shelling": the preparation is a show of force now
                c.entry = lx.entry("show_of_force", f"prepare>{c.entry.key}")
                c.modality_from = c.modality_from or head
            elif lemma in lx.FUTURE_GOVERNORS and not _managed(head):
                c.extra_modality = c.extra_modality or "future"
                c.modality_from = c.modality_from or head
            elif lemma == "fail" and c.entry.type in ("AGREE", "CONSULT", "SUPPORT"):
                c.entry = lx.entry("failed", "fail+" + c.entry.key)
            if head.pos_ == "ADJ":
                child = head
                continue
        elif rel == "acl" and head.pos_ == "NOUN" and lemma in lx.INTENT_NOUNS and infinitive(child) and hc is None:
            # "expressed its willingness to resume talks": the act of an intention named is
            # intended, not done
            c.extra_modality = c.extra_modality or "future"
            c.modality_from = c.modality_from or head
        if (
            rel == "conj"
            and hc is not None
            and hc.trigger.i in dropped
            and head.pos_ == "VERB"
            and child.tag_ == head.tag_
        ):
            # "threatened to kill and burn the hostages", "pleaded guilty to threatening to assault
            # and murder an official": a verb conjoined in the same form to one a governor absorbed
            # is absorbed too ("vowed to retake the city and killed 20 rebels": a told act, VBD)
            child = head
            continue
        if lemma in lx.REPORTING or hc is not None:
            break
        child = head


def _managed(gov: Any) -> bool:
    """ "the rebels were able to seize the town", "had been able to reach a deal": "able" under
    a copula in the past tells what was done, not what may come ("is able to", "will be able to"
    stay future)."""
    if lemma_of(gov) != "able" or gov.head.i == gov.i:
        return False
    cop = gov.head
    if any(x.dep_ == "neg" for x in (*cop.children, *gov.children)):
        return False  # "were not able to agree": the negation is read through the governor, as before
    if any(x.dep_ == "mark" and x.lower_ in ("if", "unless", "whether") for x in cop.children):
        return False  # "if the rebels were able to seize the town": a condition
    return cop.tag_ == "VBD" or any(a.dep_ == "aux" and a.tag_ == "VBD" for a in cop.children)


def _absorb(gov: Candidate, inner: Candidate) -> None:
    e, ie = gov.entry, inner.entry
    lemma = gov.entry.key.split("+")[0].split("_")[0]
    if lemma in COMMISSIVE and lx.PLOVER_TYPES[ie.type] >= 3 and not _sent_to_help(inner):
        # "vowed to attack": a promise of conflict is a threat
        cameo = lx.commissive_threat_cameo(ie.type)
        gov.entry = Entry("THREATEN", ie.mode if ie.type == "ASSAULT" else None, cameo, f"{e.key}>{ie.key}")
    elif lemma in COMMISSIVE and e.type == "AGREE" and ie.type == "MOBILIZE":
        gov.entry = Entry("AGREE", None, "0332", f"{e.key}>{ie.key}")  # forces promised in aid
    elif e.type == "THREATEN" and gov.entry.mode is None:
        mode, cameo = lx.threaten_code(ie.type)
        gov.entry = Entry("THREATEN", mode, cameo or e.cameo, f"{e.key}>{ie.key}")
    elif (
        e.type == "REQUEST"
        and e.mode is None
        and (inner.noun or (_bare_participle(inner.trigger) and not _patient_read_as_doer(inner)))
        and lemma in lx.WORDS["ordering_verbs"]
    ):
        # "the court ordered the arrest of X", "ordered the release of X", "ordered massive
        # attacks on Gaza", "ordered X jailed": an authority's order of a named act is that act,
        # by the authority
        gov.entry = Entry(ie.type, ie.mode, ie.cameo, f"{e.key}>{ie.key}")
    elif e.type == "REQUEST" and e.mode is None and inner.noun and (ie.type == "SANCTION" or ie.cameo == "163"):
        # "called for sanctions against X": a public call to punish X denounces X (sanctions
        # imposed are COERCE restrict, CAMEO 163, as the PLOVER 2021 table puts them)
        gov.entry = Entry("ACCUSE", "disapprove", "111", f"{e.key}>{ie.key}")
    elif e.type == "REQUEST" and e.mode is None:
        mode, cameo = lx.request_code(ie.type)
        gov.entry = Entry("REQUEST", mode, cameo if e.cameo == "100" else e.cameo, f"{e.key}>{ie.key}")
    elif e.type == "REJECT" and e.mode is None:
        mode, _ = lx.reject_code(ie.type)
        gov.entry = Entry("REJECT", mode, e.cameo, f"{e.key}>{ie.key}")
    gov.absorbed.add(inner.trigger.i)
    gov.inner.append(inner)


def _ordered_done(child: Any, by_i: dict, dropped: set) -> bool:
    """ "ordered nine ex-ministers jailed", "ordered the activists released": a bare past
    participle (no agent, no subject of its own) hanging on the direct object of an ordering
    verb that is a candidate is the act ordered."""
    head = child.head
    if child.dep_ != "acl" or child.tag_ != "VBN" or head.dep_ not in ("dobj", "obj"):
        return False
    verb = head.head
    if verb.i not in by_i or verb.i in dropped or lemma_of(verb) not in lx.WORDS["ordering_verbs"]:
        return False
    return not dep_children(child, {"agent", "nsubj", "nsubjpass", "dobj"})


def _bare_participle(tok: Any) -> bool:
    """ "(ordered nine ex-ministers) jailed": a past participle with no auxiliary of its own,
    which the parser hangs on the object (acl) or on the verb (ccomp, tagged VBD; or VBN with
    the object as its subject)."""
    if tok.dep_ not in ("acl", "ccomp") or tok.tag_ not in ("VBN", "VBD"):
        return False
    if dep_children(tok, {"nsubjpass", "aux", "auxpass", "mark"}):
        return False
    subj = dep_children(tok, {"nsubj"})
    if subj:
        # "ordered nine ex-ministers jailed": the parser may make the object the participle's
        # subject (a small clause, tagged VBN or VBD); a transitive verb with a subject, no
        # auxiliary and no object of its own there is the participle, not a finite clause
        return (
            tok.dep_ == "ccomp"
            and all(tok.head.i < s.i < tok.i for s in subj)
            and not dep_children(tok, {"dobj", "obj", "ccomp", "xcomp"})
        )
    return bool(dep_children(tok.head if tok.dep_ == "ccomp" else tok.head.head, {"dobj", "obj"}))


def _patient_read_as_doer(inner: Candidate) -> bool:
    """ "The judge ordered the protesters arrested", "ordered the ambassador returned to Paris":
    where the parser made the object the participle's subject (the small clause), the noun is
    what the act is done to; a candidate the rules read by its subject as doer (protesters who
    arrest: a riot; a person who returns to a place: a visit; troops or peacekeepers who arrive)
    is no act ordered done to it, and the order stays a request (review 25, E2)."""
    if not dep_children(inner.trigger, {"nsubj"}):
        return False
    key = inner.entry.key
    return key.split("+")[0] in ("protesters", "troops", "peacekeepers") or key.endswith("+PLACE")


def _sent_to_help(inner: Candidate) -> bool:
    """ "offered to send troops to help the Philippines army": forces promised in someone's aid
    are a promise of military aid (AGREE, CAMEO 0332), not a threat."""
    if inner.entry.type != "MOBILIZE":
        return False
    return any(
        c.dep_ in ("advcl", "xcomp") and lemma_of(c) in lx.WORDS["helping_verbs"] for c in inner.trigger.children
    )


def several_nations(subjects: list[Any]) -> bool:
    """ "French and Egyptian warships": a subject naming two or more nations (a joint act)."""
    names = {t.lower_ for s in subjects for t in s.subtree if t.ent_type_ in ("NORP", "GPE")}
    return len(names) >= 2


def merge(events: list[Coded]) -> list[Coded]:
    """Events of one type whose triggers depend on each other are one event."""
    out: list[Coded] = []
    for coded in sorted(events, key=lambda e: e.depth):
        e, hosted = coded.record, None
        for o in out:
            if o.record["type"] != e["type"]:
                continue
            a, b = o.trigger, coded.trigger
            if (
                a.is_ancestor(b)
                and tree_distance(a, b) <= 3
                and all(
                    t.dep_ in ("xcomp", "advcl", "relcl", "conj", "prep", "pobj", "acl", "ccomp", "dobj", "npadvmod")
                    for t in tree_path(b, a)
                )
            ):
                hosted = o
                break
        if hosted is None:
            out.append(coded)
            continue
        host = hosted.record
        if not host["actors"]:
            # "were killed in a Taliban attack", "three died when gunmen attacked a bus": the
            # attack's doer is who did the act it is part of, not one more of its targets
            host["actors"] = [a for a in e["actors"] if a not in host["recipients"]]
        for a in e["actors"]:
            if a not in host["actors"] and a not in host["recipients"]:
                host["recipients"].append(a)
        for a in e["recipients"]:
            if a not in host["actors"] and a not in host["recipients"]:
                host["recipients"].append(a)
        if host.get("target") is None and not host["recipients"]:
            host["target"] = e.get("target")
        if host["place"] is None and e["place"] is not None and _shares_scene(coded.trigger, hosted.trigger):
            host["place"] = e["place"]
        if host["date_source"] != "text" and e["date_source"] == "text":
            host["date"], host["date_source"], host["modality"] = e["date"], "text", e["modality"]
        if host["mode"] is None and e["mode"]:
            host["mode"] = e["mode"]
        host["confidence"] = round(min(0.95, host["confidence"] + 0.05), 2)
    return out


#: how a merged event's trigger hangs from its host's when the two happen in one scene: a clause of
#: the same moment or means ("stormed the town, killing 12", "were killed when a bomb exploded"), a
#: conjoined act ("were killed and 20 wounded in X"), a relative clause of the host's participant
#: ("the bomb, which exploded in X")
_SCENE_DEPS = {"advcl", "conj", "relcl"}


def _shares_scene(inner: Any, host: Any) -> bool:
    """Whether a merged event's place is also its host's: not that of a noun event the host's
    clause names ("shot seven people they say were behind the killings in X"), a purpose ("attacked
    bases to seize Azaz"), a complement or a participle modifier ("failed offensive to capture the
    district on the bank of X"): another act, often elsewhere or at another time."""
    return inner.dep_ in _SCENE_DEPS


def adjust_type(
    c: Candidate, entry: Entry, mode: str | None, cameo: str | None, mod: str, actors: list[str], recipients: list[str]
) -> tuple[Entry, str | None, str | None, str]:
    """The type once modality and participants are known: a negated cooperation that is a
    refusal is a REJECT, exercises by one side alone are a show of force, an expressed
    intention takes CAMEO's intent code. Returns ``(entry, mode, cameo, modality)``."""
    trig = c.trigger
    if (
        mod == "negated"
        and not c.noun
        # "reluctant to commit", "unable to agree", "signing a deal has proved elusive": held back
        # or not reached, no refusal told
        and not (withheld(trig) or unattained(trig))
        and (
            entry.type in lx.NEGATED_TO_REJECT
            or (entry.type in lx.COOPERATIVE and aux_lows(trig, c) & {"will", "would", "wo", "shall"})
            # "is not cooperating with the inquiry": a denial on the act itself is a refusal
            # ("failed to share information" did not happen; it refused nothing)
            or (entry.type in lx.WORDS["denied_to_reject"] and any(ch.dep_ == "neg" for ch in trig.children))
        )
    ):
        # "will not accept", "would not provide support": a refusal
        entry = Entry("REJECT", None, lx.reject_code(entry.type)[1], "not+" + entry.key)
        mode, cameo, mod = None, entry.cameo, "asserted"
    if (
        entry.key.endswith("+EXERCISE")
        and len(actors) < 2
        and not recipients
        and not any(lemma_of(t) in ("joint", "with", "together") for t in trig.subtree)
        and not several_nations(c.actors_tok)
    ):
        # exercises by one side alone are a show of force
        entry = lx.entry("show_of_force", entry.key)
        mode, cameo = entry.mode, entry.cameo
    if mod == "future" and not c.noun and entry.type in THREATENED_TYPES and conditioned_act(trig) is not None:
        # "if they do not withdraw by Friday, the army will strike", "would impose sanctions if
        # Moscow invaded": an act of force promised on a condition the other side can meet is a
        # threat, made now (PLOVER THREATEN, its mode by what is threatened)
        mode, code = lx.threaten_code(entry.type)
        cameo = code or lx.commissive_threat_cameo(entry.type)
        entry = Entry("THREATEN", mode, cameo, "if+" + entry.key)
        mod = "asserted"
        return entry, mode, cameo, mod
    if (
        mod == "future"
        and cameo
        and c.modality_from is not None
        and (lemma_of(c.modality_from) in lx.INTENT_GOVERNORS or lemma_of(c.modality_from) in lx.INTENT_NOUNS)
    ):
        # CAMEO has no future tense: an expressed intention ("seeks to", "is ready to", "wants
        # to") is its 03 (intent to cooperate) or 13 (threat); a plain "will meet" stays 04
        cameo = lx.INTENT_CAMEO.get(entry.type, cameo)
    elif mod == "future" and cameo and not c.noun and own_reported_intent(trig):
        # "Israel announced it would free 150 prisoners": a speaker announcing its own future act
        # expresses an intention (CAMEO 03x / 13x); "X will meet Y" stays a scheduled 04x
        cameo = lx.INTENT_CAMEO.get(entry.type, cameo)
    return entry, mode, cameo, mod


def _quoted_clause_head(c: Candidate) -> Any | None:
    """The verb heading the quoted imperative a verb candidate stands in, or None."""
    if c.noun:
        return None
    v = c.trigger
    while v.dep_ in ("conj", "xcomp") and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v if quoted_order(v) else None


#: acts of force whose conditional promise is a threat ("will strike if ...")
THREATENED_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
#: the modals of a promise (not "could", "might", "may": a prediction of what may happen)
PROMISE_MODALS = {"will", "would", "shall", "'ll", "wo"}


def conditioned_act(trig: Any) -> Any | None:
    """ "the army will strike their positions if they do not withdraw", "unless the troops
    leave, we will bomb the base": a verb with will / would / shall that an "if" or "unless"
    clause with a subject of its own conditions (directly or through the verb it is conjoined
    to). "If elected, she will ban fracking" (no subject: a campaign pledge) and "could
    retaliate if attacked" (a prediction) are none. Returns the condition clause's verb, or None."""
    chain = [trig]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i and len(chain) < 3:
        chain.append(chain[-1].head)
    if not any(a.dep_ == "aux" and a.lower_ in PROMISE_MODALS for t in chain for a in t.children):
        return None
    for t in chain:
        for cl in dep_children(t, {"advcl"}):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cl.children) and dep_children(
                cl, {"nsubj", "nsubjpass", "expl"}
            ):
                return cl
    return None


def _campaign_attack(c: Candidate, ctx: Context) -> bool:
    """ "the two chief antagonists abandoned their strategy of brutally attacking him", "Trump's
    attack on a federal judge's Mexican heritage", "lines of attack against Trump": in an election
    story, an attack with no armed side, no weapon, no casualty, no word of violence and no place
    attacked is a candidate's criticism (ACCUSE, CAMEO 111); "the attacks in Paris and San
    Bernardino" and "gunmen attacked the rally" stay attacks."""
    n = c.trigger if c.noun else c.obj
    head = n if n is not None else c.trigger
    if lemma_of(head) not in ("attack", "assault") or not election_story(ctx):
        return False
    sent = sent_of(c.trigger)
    if any(
        lx.ASSAULT_MODE_CUES.get(lemma_of(x))
        or lemma_of(x) in lx.WORDS["casualty_words"]
        or lemma_of(x) in lx.WORDS["armed_nouns"]
        or x.lower_ in lx.WORDS["violence_words"]
        for x in sent
    ):
        return False
    scope = list(head.subtree) if c.noun or n is not None else [t for o in objects_of(c.trigger) for t in o.subtree]
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for t in scope):
        return False  # "the attacks in Paris", "the Sept. 11 attacks": a violent event named
    doers = list(subject_of(c.trigger)) if not c.noun else dep_children(head, {"poss", "compound"})
    return not any(armed(d, ctx) for d in doers)


def _operation_for(c: Candidate, cands: list[Candidate]) -> bool:
    """ "Turkish police launched operations to detain 110 suspects", "the navy launched an
    operation to evacuate civilians": a verb of launching with an operation or a campaign
    (words.toml ``operation_nouns``, nouns of the ATTACK class that name no violence of their own)
    whose purpose, an infinitive of the noun or of the verb, is another candidate of another type
    names that act; the purpose is the event, when it is one of the acts an operation of police or
    rescuers does (words.toml ``operation_purposes``: arrest, detain, evacuate, search, ...).
    "Launched an operation to retake the city" (an assault either way), "an operation to free the
    hostages", an operation a violent word qualifies ("a bombing campaign", "a military
    operation": ``violent_operation_modifiers``) and an offensive, a raid or a strike keep their
    attack."""
    n = _operation_noun(c)
    if n is None:
        return False
    if any(
        x.dep_ in ("amod", "compound", "nmod") and lemma_of(x) in lx.WORDS["violent_operation_modifiers"]
        for x in n.children
    ):
        return False  # "a bombing campaign to force Serbian troops out", "a military operation to ...": an attack
    purposes = _purpose_infinitives(c, n, lx.WORDS["operation_purposes"])
    return any(x.trigger.i in purposes and not x.noun and x.entry.type != "ASSAULT" for x in cands)


def _operation_purposes(c: Candidate, ctx: Context) -> set[int]:
    """The infinitives of purpose of an attack told as an operation or a campaign launched
    (words.toml ``operation_nouns``) that ``_operation_for`` kept as an attack: "launched an
    operation to free the hostages" (the freeing is what the attack is for, not a release by the
    attackers). An offensive, a raid or a strike has no such purpose taken from it."""
    n = _operation_noun(c)
    # only an armed force's operation, and only its own outcome (words.toml `operation_outcomes`:
    # free, rescue, liberate): "activists launched a campaign to boycott Israeli goods" keeps its boycott
    if n is None or not any(armed(s, ctx) for s in subject_of(c.trigger)):
        return set()
    outcomes = lx.WORDS["operation_outcomes"]
    found = _purpose_infinitives(c, n, outcomes)
    # "to rescue the sailors and to free the hostages": a conjoined infinitive is a purpose too
    doc = c.trigger.doc
    return found | {x.i for i in found for x in doc[i].children if x.dep_ == "conj" and verb_lemma(x) in outcomes}


def _operation_noun(c: Candidate) -> Any | None:
    """The operation or campaign (words.toml ``operation_nouns``) that an attack candidate's verb
    launches ("launched an operation"), or None."""
    n = c.obj
    if c.noun or c.entry.type != "ASSAULT" or n is None or lemma_of(n) not in lx.WORDS["operation_nouns"]:
        return None
    return n


def _purpose_infinitives(c: Candidate, n: Any, lemmas: Collection[str]) -> set[int]:
    """The infinitive clauses of the operation noun ``n`` or of the launching verb whose verb is one
    of ``lemmas``: "launched an operation to evacuate civilians", "launched operations to detain"."""
    return {
        v.i
        for h in (n, c.trigger)
        for v in h.children
        if v.dep_ in ("acl", "relcl", "advcl", "xcomp") and infinitive(v) and verb_lemma(v) in lemmas
    }


def _verbal_attack(c: Candidate, ctx: Context) -> bool:
    """ "launched an extraordinary attack on Australia's spy chiefs, calling them nutters", "has
    led the White House attack on the impeachment proceedings, calling the move
    unconstitutional": an attack noun (words.toml's ``verbal_attack_nouns``) whose clause goes on
    with what the attacker says (a participle of speech or naming: calling, saying, accusing)
    is a criticism (ACCUSE, CAMEO 111); so is one that a party or a word of politics qualifies
    ("Republican attacks", "personal attacks") or one on a quality or a statement ("attacks on
    his loyalty": words.toml's ``verbal_attack_modifiers`` and ``verbal_attack_targets``); all
    this when the sentence names no weapon and no casualty, the attacker is no armed side and
    the attacked no place ("the rebels launched an attack on the capital, saying ..." stays an
    assault)."""
    n = c.trigger if c.noun else c.obj
    if n is None or lemma_of(n) not in lx.WORDS["verbal_attack_nouns"]:
        return False
    gov = n.head if n.dep_ in ("dobj", "obj", "nsubj", "pobj") else n
    if gov.dep_ == "prep":
        gov = gov.head
    speech = lx.REPORTING | lx.WORDS["speech_participles"]
    targets = [q for p in n.children if p.dep_ == "prep" and p.lower_ in ("on", "against") for q in p.children]
    said = any(
        x.tag_ == "VBG" and x.dep_ in ("advcl", "xcomp", "conj", "acl") and verb_lemma(x) in speech
        for h in {gov, n, c.trigger}
        for x in h.children
    )
    # "partisan attacks", "Republican attacks", "attacks on his loyalty": the kind of attack, or
    # what is attacked, is one of words
    worded = any(
        x.dep_ in ("amod", "compound") and x.lower_ in lx.WORDS["verbal_attack_modifiers"] for x in n.children
    ) or any(lemma_of(t) in lx.WORDS["verbal_attack_targets"] for t in targets)
    if not (said or worded):
        return False
    if any(armed(x, ctx) for x in subject_of(gov if gov.pos_ in ("VERB", "AUX") else c.trigger)):
        return False
    if any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in targets):
        return False
    sent = sent_of(c.trigger)
    return not any(lx.ASSAULT_MODE_CUES.get(lemma_of(x)) or lemma_of(x) in lx.WORDS["casualty_words"] for x in sent)
