"""What looks like an event and is not: states, properties, movements of ordinary people, figures
of speech, speech about speech (issue #14, item 4: every emitted event is an event).

Each check is structural (the trigger's place in the parse, its participants, its tense) and reads
its word lists from ``data/events/words.toml`` through the one loader (``lexicon.WORDS``); verbs
that are events in one sense only have ``[[sense]]`` tables in ``patterns.toml`` instead.

Public interface: ``not_an_event(c, ctx) -> str | None``: why a candidate is no event (None when
it may be one); ``figurative(c, ctx)``: a fight or weapon that is a figure of speech (checked
before a governor absorbs it); ``accidental(c)``: deaths and damage of a disaster or an accident,
no attack (the accidents section holds every check of accident against attack).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from ..nlp import doc_cache, pos_tags, sent_of
from . import lexicon as lx
from .parse import (
    Candidate,
    Context,
    child_strings,
    conjuncts,
    content_objects,
    dep_children,
    infinitive,
    is_passive,
    is_person_like,
    lemma_of,
    may_act,
    noun_class,
    noun_keys,
    verb_lemma,
)
from .roles import objects_of, subject_of

W = lx.WORDS
ARMED_SECTORS = {"MIL", "REB", "INS", "COP", "SPY", "PAR", "CRM"}


def not_an_event(c: Candidate, ctx: Context) -> str | None:
    """The reason a candidate is not an event, or None."""
    for check in CHECKS:
        why = check(c, ctx)
        if why:
            return why
    return None


def figurative(c: Candidate, ctx: Context) -> bool:
    """A fight or a weapon that is a figure of speech ("fight the epidemic", "a firestorm of
    criticism"): no event, and nothing a governor can promise or threaten ("vowed to fight
    corruption" is no threat)."""
    return bool(_figurative_fight(c, ctx) or _figurative_object(c, ctx))


def _expletive_judgement(c: Candidate, ctx: Context) -> str | None:
    """ "It's striking that ...", "it is shocking that ...": a participle with the empty subject
    "it" and a that-clause judges what the clause says; it is an adjective, no act."""
    t = c.trigger
    if c.noun or t.tag_ != "VBG" or not any(x.lower_ == "it" for x in dep_children(t, {"nsubj"})):
        return None
    if not any(a.lemma_ == "be" or a.lower_ in ("'s", "\u2019s") for a in dep_children(t, {"aux"})):
        return None
    that = any(x.lower_ == "that" and x.i > t.i for x in t.children) or any(
        any(m.lower_ == "that" for m in dep_children(x, {"mark"})) for x in dep_children(t, {"ccomp"})
    )
    return "judgement" if that else None


def _generic_infinitive(c: Candidate, ctx: Context) -> str | None:
    """ "To pause or seek compromise is to surrender", "to negotiate now would be to reward the
    attackers": an infinitive with no subject of its own that is the subject of a copula, or what
    such a subject is said to be, names a kind of act, done by no one ("the aim is to retake the
    city" has a noun for subject and stays a plan)."""
    t = c.trigger
    if c.noun or t.pos_ not in ("VERB", "AUX") or dep_children(t, {"nsubj", "nsubjpass"}):
        return None
    first = t
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "to pause or seek compromise"

    if not infinitive(first):
        return None
    if first.dep_ == "csubj":
        return "generic act"
    head = first.head
    if first.dep_ in ("xcomp", "attr", "acomp") and lemma_of(head) == "be":
        if any(infinitive(x) for x in dep_children(head, {"csubj"})):
            return "generic act"
    return None


def _way_not_taken(c: Candidate, ctx: Context) -> str | None:
    """ "China wants to end the crisis, but not by offering concessions": an act named as the
    way something is not done ("not by", "not through") is no act of anyone."""
    t = c.trigger
    if c.noun or t.dep_ != "pcomp" or t.head.lower_ not in ("by", "through", "via"):
        return None
    return "way not taken" if any(ch.dep_ == "neg" for ch in t.head.children) else None


def _text_discusses(c: Candidate, ctx: Context) -> str | None:
    """ "This post will discuss the following", "the report examines the causes", "the book
    explores his years in power": a text (words.toml ``text_nouns``) that discusses or examines
    a subject is writing about it, no consultation and no investigation."""
    t = c.trigger
    if c.noun or c.entry.type not in ("CONSULT", "ACCUSE") or verb_lemma(t) not in W["text_verbs"]:
        return None
    subj = [s for x in subject_of(t) for s in conjuncts(x)]
    if subj and all(s.pos_ == "NOUN" and lemma_of(s) in W["text_nouns"] for s in subj):
        return "text"
    # a heading glued to the sentence may take the subject's place ("Summary / This post will ..."):
    # the subject next to the verb decides
    near = [s for s in dep_children(t, {"nsubj"}) if s.i < t.i]
    if near and near[-1].pos_ == "NOUN" and lemma_of(near[-1]) in W["text_nouns"]:
        return "text"
    return None


def _property(c: Candidate, ctx: Context) -> str | None:
    """ "is easy to work with", "hard to negotiate with": a verb completing an adjective of ease
    or difficulty describes a property of its subject, no event ("quick to praise" is one)."""
    t = c.trigger
    if c.noun or t.dep_ not in ("xcomp", "advcl") or t.head.pos_ != "ADJ":
        return None
    return "property" if lemma_of(t.head) in W["property_adjectives"] else None


def _modal_noun(c: Candidate, ctx: Context) -> str | None:
    """ "no need to consult", "the right to protest": a clause completing a noun of need, right
    or means states no event."""
    t = c.trigger
    if c.noun or t.dep_ not in ("acl", "relcl", "advcl") or t.head.pos_ != "NOUN":
        return None
    if lemma_of(t.head) not in W["modal_nouns"]:
        return None
    return "modal noun"


def _warning_of_a_state(c: Candidate, ctx: Context) -> str | None:
    """ "The doctors warned that migrants are not the only people at risk", "unions have long
    warned that staff shortages have taken their toll": a warning that something is so, with no
    act to come in it (no will / would / could / might, no "if"), threatens nobody; "warned that
    his government would expel him" does."""
    t = c.trigger
    if c.noun or c.entry.type != "THREATEN" or verb_lemma(t) not in ("warn", "caution"):
        return None
    clauses = dep_children(t, {"ccomp"})
    if not clauses or dep_children(t, {"xcomp"}):
        return None
    for cl in clauses:
        words = {x.lower_ for x in cl.subtree}
        if words & (W["future_modals"] | W["hypothetical_modals"] | {"if", "unless"}):
            return None
        if cl.tag_ == "VB" or infinitive(cl):
            return None
    return "warning of a state"


def _warning_of_things(c: Candidate, ctx: Context) -> str | None:
    """ "Scientists warned that the glacier could collapse within decades", "economists warn
    that prices will rise": a warning of what a thing will do or undergo threatens nobody. Every
    clause warned of has for subject a common noun that is no actor, no person, no force and no
    act (no noun class, no event noun), and names nothing a threat promises (words.toml
    ``threat_words``: consequences, retaliation, sanctions, force, ...); a warning addressed to
    someone ("warned Iran that ...") or of an act of someone ("warned that it would retaliate",
    "warned that troops would be sent", "warned that the strait would be closed") stays a threat."""
    t = c.trigger
    if c.noun or c.entry.type != "THREATEN" or verb_lemma(t) not in ("warn", "caution"):
        return None
    clauses = dep_children(t, {"ccomp"})
    if not clauses or dep_children(t, {"xcomp", "dobj", "obj", "dative"}):
        return None
    for cl in clauses:
        subj = [x for s in dep_children(cl, {"nsubj"}) for x in content_objects(conjuncts(s))]
        if not subj or is_passive(cl):
            return None  # "warned that the strait would be closed": an act, its doer unnamed
        for s in subj:
            if s.pos_ in ("PROPN", "PRON", "NUM") or s.i in ctx.tok_actor or is_person_like(s, ctx) or s.ent_type_:
                return None
            if noun_class(s) or any(k in lx.NOUN_EVENTS for k in noun_keys(s)) or lemma_of(s) in W["armed_nouns"]:
                return None
        if any(lemma_of(x) in W["threat_words"] for x in cl.subtree):
            return None
    return "warning of things"


def _evidence(c: Candidate, ctx: Context) -> str | None:
    """ "no evidence supports anything other than suicide", "forecasts called for low humidity":
    what shows, finds or foretells (`evidence_nouns`) supports, contradicts or calls for
    something, but is no side."""
    t = c.trigger
    if c.noun or c.entry.type not in ("SUPPORT", "REJECT", "REQUEST"):
        return None
    subj = dep_children(t, {"nsubj"})
    return "evidence" if subj and all(lemma_of(s) in W["evidence_nouns"] for s in subj) else None


def _avoided(c: Candidate, ctx: Context) -> str | None:
    """ "to skip consultations", "avoided talks": an event noun that is what someone skips."""
    t = c.trigger
    if not c.noun or t.dep_ not in ("dobj", "obj") or t.head.pos_ != "VERB":
        return None
    return "avoided" if verb_lemma(t.head) in W["avoiding_verbs"] else None


def _movement(c: Candidate, ctx: Context) -> str | None:
    """A visit needs a visitor: ordinary people moving ("thousands of people have been leaving",
    "shoppers returned", "voters opted to leave the European Union") and vehicles ("the aircraft
    can fly to Dubai") are no visit."""
    if c.noun or c.entry.type != "CONSULT" or c.entry.mode != "visit" or verb_lemma(c.trigger) not in lx.TRAVEL:
        return None
    subj = [s for x in subject_of(c.trigger) for s in content_objects(conjuncts(x))]
    if not subj:
        return None
    if all(lemma_of(s) in W["vehicle_nouns"] for s in subj):
        return "movement"  # "the aircraft can fly to Dubai", even when the analysis made it an actor
    for s in subj:
        if s.i in ctx.tok_actor and ctx.actor_kind.get(ctx.tok_actor[s.i]) in ("country", "organization"):
            return None
        if lemma_of(s) not in W["ordinary_people"] and lemma_of(s) not in W["vehicle_nouns"]:
            return None
    return "movement"


def armed(tok: Any, ctx: Context) -> bool:
    """A side that fights with arms: a country, an armed force or group, troops, a weapon."""
    for t in content_objects(conjuncts(tok)):
        aid = ctx.tok_actor.get(t.i)
        if aid and (ctx.actor_kind.get(aid) == "country" or ctx.actor_sector.get(aid) in ARMED_SECTORS):
            return True
        if t.ent_type_ in ("GPE", "NORP") or noun_class(t) in ("TROOPS", "WEAPON"):
            return True
        if lemma_of(t) in W["armed_nouns"] or lemma_of(t) in W["police_nouns"] or lemma_of(t) in lx.PROTESTER_NOUNS:
            return True
    return False


# -- accidents ---------------------------------------------------------------------------------
# One place for what tells an accident from an attack, with one set of vehicles and one of weapons:
# ``accidental`` (select drops the candidate before the checks below), ``_road_collision`` (one of
# the CHECKS). A road, rail or water vehicle that strikes or hits has a collision; an aircraft or a
# bomb that does strikes ("jets struck the camp", "a car bomb hit the base"). A vehicle driven into
# people is a ramming whatever the verb. Verbs of accidents ("crash", "collide", "overturn") are
# accidents for aircraft too ("the helicopter crashed, killing four"): only a bomb, a person or a
# group doing them is an attacker.

#: vehicles (words.toml ``vehicle_nouns``: road, rail, water and air)
VEHICLES = W["vehicle_nouns"]
#: what strikes as a weapon when it is the subject of strike/hit: bombs, missiles, aircraft
STRIKING_WEAPONS = lx.EXPLOSIVE_NOUNS | lx.AIRCRAFT_NOUNS
#: nouns of people: a vehicle driven into them is a ramming, never an accident
PEOPLE_NOUNS = W["person_nouns"] | W["ordinary_people"] | lx.PROTESTER_NOUNS


def accidental(c: Candidate) -> bool:
    """Deaths and damage told of a disaster, a crash or an explosion that nobody set off: no
    attack (an earthquake's toll, "two trains collided near Cairo, killing 32")."""
    e = c.entry
    trig = c.trigger
    if c.noun:
        return False
    if any(lemma_of(t) in lx.DISASTER_NOUNS for t in subject_of(trig)):
        return True  # "a tsunami slammed the coast", "the storm hit the city"
    if not (e.type == "ASSAULT" or (e.type == "COERCE" and e.cameo == "1712")):
        return False
    lemma = verb_lemma(trig)
    if _driven(trig):
        return True  # "a truck struck a school bus": a road vehicle, no one, does it
    if trig.dep_ == "advcl" and trig.tag_ == "VBG" and _crash(trig.head):
        return True  # "two trains collided near Cairo, killing 32": the participle tells the crash's toll
    causes = list(subject_of(trig))
    for p in trig.children:
        if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by", "after", "from", "during", "when"):
            causes += [q for q in p.children if q.dep_ == "pobj"]
        if p.dep_ == "advcl":  # "killed when a chemical plant exploded", "... when their bus crashed"
            causes += dep_children(p, {"nsubj"})
            if _crash(p):
                return True
    words = set()
    for t in causes:
        words.add(lemma_of(t))
        words.update(lemma_of(x) for x in t.children if x.dep_ in ("compound", "amod"))
    if words & lx.DISASTER_NOUNS:
        return True
    if lemma in lx.WORDS["explode_verbs"] and not objects_of(trig):
        # a tank, a boiler or a building exploding or burning is an accident
        subj = subject_of(trig)
        return bool(subj) and not any(
            lemma_of(t) in lx.EXPLOSIVE_NOUNS
            or t.i in c.absorbed
            or lemma_of(t) in lx.PROTESTER_NOUNS
            or t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
            for t in subj
        )
    return False


def _driven(v: Any) -> bool:
    """Every subject of the verb ``v`` is a vehicle that travels by road, rail or water, none of
    them a weapon: "a truck struck a school bus", "his car struck a tree" (not: "a militant
    rammed a truck into the crowd", "jets struck the camp", "a car bomb hit the base")."""
    if verb_lemma(v) in lx.WORDS["ramming_verbs"]:
        return False  # "a car rammed into a crowd, killing eight": a way of attacking
    if _hits_people(v):
        return False  # "a truck crashed into a crowd", "a car slammed into protesters": ramming
    if v.dep_ == "advcl" and v.tag_ == "VBG":
        return False  # a participle's doer is its head's, and the head's verb says how ("rammed")
    subj = subject_of(v)
    return bool(subj) and all(
        lemma_of(t) in VEHICLES and lemma_of(t) not in STRIKING_WEAPONS and t.ent_type_ not in ("ORG", "GPE")
        for t in subj
    )


def _crash(v: Any) -> bool:
    """The clause of the verb ``v`` tells an accident: a verb of accidents (words.toml
    ``accident_verbs``) whose subject is no bomb, person or group, or a road vehicle doing it;
    never one that strikes people ("a lorry smashed into shoppers, killing 12")."""
    if _hits_people(v):
        return False
    if verb_lemma(v) in lx.WORDS["accident_verbs"] and not any(
        lemma_of(t) in lx.EXPLOSIVE_NOUNS or t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") for t in subject_of(v)
    ):
        return True
    return _driven(v)


def _hits_people(v: Any) -> bool:
    """What the verb ``v`` strikes (its object, or what it goes into, through, on or among) is a
    person or a group of people: "crashed into a crowd", "smashed into shoppers", "ploughed
    through protesters". A vehicle, a roadside thing or a place struck is no such sign."""
    hit = list(objects_of(v)) + [
        q
        for p in v.children
        if p.dep_ == "prep" and p.lower_ in ("into", "through", "on", "onto", "at", "among", "against")
        for q in p.children
        if q.dep_ == "pobj"
    ]
    return any(
        lemma_of(t) in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS or t.ent_type_ in ("PERSON", "NORP")
        for h in hit
        for t in [*conjuncts(h), *content_objects(conjuncts(h))]
    )


def _road_collision(c: Candidate, ctx: Context) -> str | None:
    """ "it struck the back of a vehicle, which was parked off the roadway", "she lost control and
    struck the ditch": a vehicle's driver who strikes or hits only vehicles or what lines a road
    (words.toml ``roadside_things``; a part "of" a vehicle) has a collision, no attack, unless a
    side is armed ("gunmen hit a bus", "militants struck a police car") or a weapon strikes."""
    t = c.trigger
    if c.noun or c.entry.type != "ASSAULT" or verb_lemma(t) not in ("strike", "hit"):
        return None
    objs = list(content_objects(objects_of(t)))
    road = VEHICLES | W["roadside_things"]
    for o in objs:
        parts = [q for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children if q.dep_ == "pobj"]
        if lemma_of(o) not in road and not any(lemma_of(q) in road for q in parts):
            return None
    if not objs or any(armed(s, ctx) or lemma_of(s) in STRIKING_WEAPONS for s in subject_of(t)):
        return None
    return "collision"


def _figurative_fight(c: Candidate, ctx: Context) -> str | None:
    """ "Assange is battling extradition", "Warren has been battling Biden for the lead", "battle
    to win the election": a fight verb is an attack only when a side is armed (a country, an
    armed force or group, troops, police) or a weapon or casualty is in its clause; never when
    what is fought is an ill (`fought_ills`: "funding to fight the cholera outbreak")."""
    t = c.trigger
    if c.noun or c.entry.type != "ASSAULT" or verb_lemma(t) not in W["fight_verbs"]:
        return None
    fought = list(objects_of(t)) + [
        q for p in t.children if p.dep_ == "prep" and p.lower_ == "against" for q in p.children
    ]
    if fought and all(_an_ill(o) for o in content_objects(fought)):
        return "figure of speech"  # "funding to fight the outbreak", "battling a wildfire"
    sides = list(subject_of(t)) + list(objects_of(t))
    sides += [q for p in t.children if p.dep_ == "prep" and p.lower_ in ("against", "with") for q in p.children]
    if any(armed(s, ctx) for s in sides):
        return None
    if any(lx.ASSAULT_MODE_CUES.get(lemma_of(x)) or lemma_of(x) in W["casualty_words"] for x in t.subtree):
        return None
    return "figure of speech"


def _an_ill(o: Any) -> bool:
    """An ill (`fought_ills`), or a noun of one ("the spread of malaria", "the effects of climate
    change", "the root causes of poverty"): what is fought is then the ill, whoever fights it."""
    if lemma_of(o) in W["fought_ills"]:
        return True
    of = [q for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children if q.dep_ == "pobj"]
    return bool(of) and all(lemma_of(q) in W["fought_ills"] for q in of)


def _figurative_object(c: Candidate, ctx: Context) -> str | None:
    """ "set off a firestorm of criticism", "a barrage of questions": a weapon or blast of words
    or feelings is a figure of speech."""
    if c.entry.type != "ASSAULT":
        return None
    nouns = [c.trigger] if c.noun else [o for o in objects_of(c.trigger)] + ([c.obj] if c.obj is not None else [])
    for n in nouns:
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                if any(lemma_of(q) in W["figure_of_nouns"] for q in p.children if q.dep_ == "pobj"):
                    return "figure of speech"
    return None


def _activity_named(c: Candidate, ctx: Context) -> str | None:
    """ "Seeking asylum is not a crime", "Killing civilians is a war crime": a gerund without a
    subject of its own, the subject of "is" + a noun, names a kind of act; nobody did it.
    ("Bombing the hospital was a mistake" speaks of one act: the past tense keeps it.)"""
    t = c.trigger
    if c.noun or t.tag_ != "VBG" or t.dep_ != "csubj" or t.i in ctx.time_tok:
        return None
    if dep_children(t, {"nsubj", "nsubjpass", "poss", "aux"}):
        return None
    h = t.head
    if h.tag_ not in ("VBZ", "VBP") or lemma_of(h) != "be" or not dep_children(h, {"attr"}):
        return None  # "lifting the ban is out of the question" refuses the act
    return "kind of act"


def _generic(c: Candidate, ctx: Context) -> str | None:
    """ "The state kills" (a slogan): an attack verb in the simple present with no target, no
    auxiliary and no time is a generic statement, not a report of an attack."""
    t = c.trigger
    if c.noun or c.entry.type != "ASSAULT" or t.tag_ not in ("VBZ", "VBP"):
        return None
    if objects_of(t) or dep_children(t, {"aux", "auxpass", "prep", "agent", "npadvmod"}) or t.i in ctx.time_tok:
        return None
    return "generic statement"


def _unspoken(c: Candidate, ctx: Context) -> str | None:
    """ "would not discuss a possible motive", "declined to describe the bomb": not speaking about
    something is no refusal and no meeting."""
    t = c.trigger
    if c.noun or verb_lemma(t) not in W["no_comment"] | W["talk_about_verbs"]:
        return None
    if not dep_children(t, {"neg"}):
        return None
    if any(p.dep_ == "prep" and p.lower_ in ("with", "between") for p in t.children):
        return None
    return "no comment"


def _unwanted(c: Candidate, ctx: Context) -> str | None:
    """ "did not want another child to support": not wanting is a state (a motive), no request."""
    t = c.trigger
    if c.noun or c.entry.type != "REQUEST" or verb_lemma(t) not in W["desire_verbs"]:
        return None
    return "state" if dep_children(t, {"neg"}) else None


def _descriptive(c: Candidate, ctx: Context) -> str | None:
    """ "a telephoned bomb threat", "the burnt bodies", "Opposing rallies", "in a step-down
    fashion": a participle or a hyphenated verb describing a noun is no event of its own, unless
    it names who did it ("Islamic State-occupied"); a standing tie is none even then ("an
    Iran-allied group", `relation_participles`), nor a present participle, whose joined noun is
    what it acts on ("a life-threatening infection")."""
    t = c.trigger
    hyphenated = "HYPH" in child_strings(t, ("punct",), "TAG")
    participle = t.dep_ == "amod" and t.tag_ in ("VBN", "VBG", "VBD", "JJ")  # "20 pledged delegates" (VBD)
    if c.noun or not (participle or (hyphenated and t.dep_ in ("amod", "nmod", "compound"))):
        return None
    if verb_lemma(t) in W["relation_participles"]:
        return "description"  # "an Iran-allied group": a standing tie, no act of allying
    if hyphenated and t.tag_ == "VBG":
        # "a life-threatening infection", "a convoy-ambushing raid": the noun joined to a present
        # participle is what it acts on, not who does it (a past participle's is: "Iran-backed")
        return "description"
    if any(x.dep_ in ("npadvmod", "compound", "nmod", "amod", "agent") for x in t.children):
        return None
    return "description"


def _adjectival(c: Candidate, ctx: Context) -> str | None:
    """ "The programme is promising", "ideas they believe are promising", "a demanding job", "the
    signs are encouraging": a participle of words.toml ``adjectival_participles`` with nothing
    promised, asked or challenged (no object, no clause, no "to" / "for" phrase), after "be" or
    before a noun, is an adjective ("is promising to cooperate", "are demanding his release"
    are acts)."""
    t = c.trigger
    if c.noun or t.tag_ != "VBG" or verb_lemma(t) not in W["adjectival_participles"] or t.dep_ == "relcl":
        return None  # ("all the stuff he is promising": the noun is what is promised)
    if dep_children(t, {"dobj", "obj", "dative", "xcomp", "ccomp", "iobj"}):
        return None
    if any(p.lower_ in ("to", "for", "that") for p in dep_children(t, {"prep", "mark"})):
        return None
    if t.dep_ == "amod" or any(lemma_of(a) == "be" for a in dep_children(t, {"aux", "auxpass"})):
        return "adjective"
    return None


def _animal_victim(c: Candidate, ctx: Context) -> str | None:
    """ "A hunter who killed and ate a wild rabbit", "poachers shot three elephants", "the cattle
    were slaughtered": an attack or a use of force whose every victim is an animal (lexicon
    ``ANIMAL_NOUNS``, from WordNet) is no political event. The victim is the verb's object, a
    passive's subject, or the object of the verb it is coordinated with ("killed and ate a
    rabbit")."""
    t = c.trigger
    if c.noun or c.entry.type not in ("ASSAULT", "COERCE"):
        return None
    objs = list(objects_of(t))
    if not objs:
        for v in dep_children(t, {"conj"}):
            objs += dep_children(v, {"dobj", "obj"})
    victims = [o for x in objs for o in content_objects(conjuncts(x))]
    if not victims or not all(o.pos_ == "NOUN" and lemma_of(o) in lx.ANIMAL_NOUNS for o in victims):
        return None
    return "animal"


def _race_called(c: Candidate, ctx: Context) -> str | None:
    """ "Texas was called for Cruz", "the networks called the race for Biden", "AP called Ohio for
    Trump": a state or a race (a place name, words.toml ``race_words``) called for a named
    candidate is an election result declared, no call for anything."""
    t = c.trigger
    if c.noun or verb_lemma(t) != "call":
        return None
    called = [o for o in objects_of(t) if o.ent_type_ == "GPE" or lemma_of(o) in W["race_words"]]
    if not called:
        return None
    fors = [
        q
        for h in (t, *called)
        for p in dep_children(h, {"prep"})
        if p.lower_ == "for"
        for q in dep_children(p, {"pobj"})
    ]
    return "race called" if any(q.pos_ == "PROPN" for q in fors) else None


def _naming(c: Candidate, ctx: Context) -> str | None:
    """ "the Times called him the most famous source", "the guy they used to call Deep Throat":
    calling someone something is naming, no telephone call."""
    t = c.trigger
    if c.noun or c.entry.type != "CONSULT" or verb_lemma(t) != "call":
        return None
    if dep_children(t, {"oprd", "attr", "acomp"}):
        return "naming"
    objs = dep_children(t, {"dobj", "obj"})
    in_relative = t.dep_ == "relcl" or (t.dep_ == "xcomp" and t.head.dep_ == "relcl")
    if in_relative and objs and all(o.pos_ == "PROPN" for o in objs):
        return "naming"  # the relative clause's own noun is who is called
    return None


def _disaster_damage(c: Candidate, ctx: Context) -> str | None:
    """ "Tonban and Goursin were all but destroyed" in an earthquake story: damage or deaths told
    without an agent or a weapon, in an article about a natural disaster, are the disaster's."""
    t = c.trigger
    if c.noun or not (c.entry.type == "ASSAULT" or (c.entry.type == "COERCE" and c.entry.cameo == "1712")):
        return None
    if not is_passive(t) or dep_children(t, {"agent"}):
        return None
    if any(lx.ASSAULT_MODE_CUES.get(lemma_of(x)) for x in t.subtree):
        return None
    mentions = story_count(ctx, "natural_disasters")
    return "disaster" if mentions >= 2 else None


def _injury(c: Candidate, ctx: Context) -> str | None:
    """ "it was injured in the Saints' game", "after getting injured": an injury told without an
    attacker or a weapon is a harm, not an attack (the act that caused it is coded where told)."""
    t = c.trigger
    if c.noun or c.entry.type != "ASSAULT" or verb_lemma(t) not in W["injury_verbs"]:
        return None
    if (
        not is_passive(t)
        and t.dep_ != "acomp"
        and not any(a.lemma_ == "get" for a in t.children if a.dep_ == "auxpass")
    ):
        return None
    if dep_children(t, {"agent"}) or any(lx.ASSAULT_MODE_CUES.get(lemma_of(x)) for x in t.subtree):
        return None
    if any(noun_class(x) == "ATTACK" or any(k in lx.NOUN_EVENTS for k in noun_keys(x)) for x in t.subtree):
        return None  # "were injured in the attack", "wounded in clashes"
    return "injury"


def story_count(ctx: Context, words: str) -> int:
    """How many words of the story are in the words.toml list ``words`` (counted once a story)."""
    n = ctx.story_counts.get(words)
    if n is None:
        vocab = W[words]
        n = ctx.story_counts[words] = sum(k for lemma, k in ctx.lemma_counts().items() if lemma in vocab)
    return n


def _modifier(c: Candidate, ctx: Context) -> str | None:
    """ "aid workers", "an aid agency", "protest leaders", "attack helicopters": an event noun
    modifying a noun of people, agencies or vehicles names what they are, not an act."""
    t = c.trigger
    if not c.noun or t.dep_ != "compound" or t.head.pos_ not in ("NOUN", "PROPN"):
        return None
    head = lemma_of(t.head)
    if head in W["person_nouns"] or head in W["ordinary_people"] or head in W["vehicle_nouns"]:
        return "modifier"
    return "modifier" if head in W["agency_nouns"] else None


def _commerce(c: Candidate, ctx: Context) -> str | None:
    """ "its creditors were no longer providing funds", "the bank lent the developer $2m": money
    a business or a lender gives is commerce, no aid (a government, an agency or a charity that
    funds or lends is coded)."""
    t = c.trigger
    if c.noun or c.entry.type != "AID":
        return None
    if is_passive(t):
        doers = [q for a in t.children if a.dep_ == "agent" for q in a.children if q.dep_ == "pobj"]
    else:
        doers = list(subject_of(t))
    doers = [s for x in doers for s in content_objects(conjuncts(x))]
    if not doers:
        return None
    for s in doers:
        aid = ctx.tok_actor.get(s.i)
        sector = ctx.actor_sector.get(aid) if aid else None
        if aid and (ctx.actor_kind.get(aid) == "country" or sector in POLITICAL_SECTORS or sector == "NGO"):
            return None
        if sector != "BUS" and lemma_of(s) not in W["commercial_nouns"]:
            return None
    return "commerce"


def _commercial_doer(c: Candidate, ctx: Context) -> str | None:
    """ "The app offers users a free trial", "the fund invested $20m in the startup", "the mall
    hosts a weekly market", "the platform supports payments in 20 currencies": a verb of trade
    and service (words.toml's ``business_verbs``) whose every doer is a product, a store, a
    price or a market (``commercial_things``, ``market_nouns``) is commerce, no political event.
    The doer is the subject, a passive's ``by`` agent, or the noun a participle describes ("a
    fund investing in ..."). An actor of the analysis that is a country or a political body
    keeps its act ("the fund", read as the IMF, "offered Egypt a loan")."""
    t = c.trigger
    if c.noun or verb_lemma(t) not in W["business_verbs"]:
        return None
    out = list(subject_of(t))
    if t.dep_ == "acl" and t.head.pos_ == "NOUN" and not out:
        out.append(t.head)
    doers = [s for x in out for s in content_objects(conjuncts(x))]
    if not doers:
        return None
    things = W["commercial_things"] | W["market_nouns"]
    for s in doers:
        aid = ctx.tok_actor.get(s.i)
        if aid and (ctx.actor_kind.get(aid) == "country" or ctx.actor_sector.get(aid) in POLITICAL_SECTORS | {"NGO"}):
            return None
        if s.pos_ != "NOUN" or lemma_of(s) not in things or _names_a_body(lemma_of(s), ctx):
            return None
    return "commerce"


def _thing_doer(c: Candidate, ctx: Context) -> str | None:
    """ "Ambient lighting offers 30 colours", "the platform's flexibility allows engineers to
    tinker", "all those lights allow the driver to ...", "his involvement offers a reminder": a
    verb of giving, permitting, helping or supporting (words.toml ``business_verbs``) is an act of
    someone. When every doer (the subject, a passive's ``by`` agent, the noun a participle
    describes) is a common noun that names no one who can act, the verb describes a thing and
    is no event. Someone is an actor of the analysis, a name, a pronoun, a person, an agent noun
    (agents.tsv: people, bodies, roles, groups, weapons, posts), a body that speaks as one, a
    company or a document (a document's permission is a [[sense]] check of its own)."""
    t = c.trigger
    if c.noun or verb_lemma(t) not in W["business_verbs"] or c.entry.type == "RETREAT":
        return None  # (access allowed is someone's retreat whatever the parse names: "the corridor allowed ...")
    out = list(subject_of(t))
    if t.dep_ == "acl" and t.head.pos_ == "NOUN" and not out:
        out.append(t.head)
    doers = [s for x in out for s in content_objects(conjuncts(x))]
    if not doers or any(may_act(s, ctx) for s in doers):
        return None
    if verb_lemma(t) in W["enabling_verbs"] and any(_political_party(s, ctx) for s in _allowed(t)):
        return None  # "a humanitarian corridor allowed 500 civilians to leave": their passage is let
    return "thing as doer"


def _allowed(t: Any) -> list:
    """Who a verb of permitting lets act: its object, or the subject of its clause."""
    out = [s for x in objects_of(t) for s in content_objects(conjuncts(x))]
    return out + [q for x in dep_children(t, {"xcomp", "ccomp"}) for q in dep_children(x, {"nsubj", "nsubjpass"})]


def _political_party(tok: Any, ctx: Context) -> bool:
    """A country, a political body, or people (civilians, refugees: a group of persons), not a
    business."""
    aid = ctx.tok_actor.get(tok.i)
    if aid:
        sector = ctx.actor_sector.get(aid)
        if ctx.actor_kind.get(aid) == "country" or sector in POLITICAL_SECTORS | {"NGO", "CVL", "REF"}:
            return True
        if ctx.actor_sector.get(aid) == "BUS":
            return False
    return tok.ent_type_ in ("GPE", "NORP") or (is_person_like(tok, ctx) and tok.tag_ in ("NNS", "NNPS"))


def _names_a_body(lemma: str, ctx: Context) -> bool:
    """Whether a common noun may be the short name of a political actor of the article: "the
    fund" after "the International Monetary Fund", "the bank" after "the World Bank" (a name of
    several words ending in the noun, no business)."""
    for actor in ctx.article.actors:
        words = actor.name.lower().split()
        if len(words) > 1 and words[-1].rstrip("s") == lemma.rstrip("s") and actor.sector != "BUS":
            return True
    return False


def _review(c: Candidate, ctx: Context) -> str | None:
    """ "Critics slammed the movie as boring", "reviewers praised the album": praise or blame of
    a work (words.toml ``work_nouns``: film, album, novel, show, ...) is a review, no political
    event, unless a country or a political actor gives it ("Pakistan condemned the film")."""
    t = c.trigger
    if c.noun or c.entry.type not in ("ACCUSE", "SUPPORT", "REJECT"):
        return None
    objs = [o for x in dep_children(t, {"dobj", "obj"}) for o in content_objects(conjuncts(x))]
    if not objs or not all(o.pos_ == "NOUN" and lemma_of(o) in W["work_nouns"] for o in objs):
        return None
    for s in subject_of(t):
        aid = ctx.tok_actor.get(s.i)
        if aid and (ctx.actor_kind.get(aid) == "country" or ctx.actor_sector.get(aid) in POLITICAL_SECTORS):
            return None
    return "review"


def _talking_about(c: Candidate, ctx: Context) -> str | None:
    """ "released a video on Friday talking about racial healing", "Trump spoke of his plans": one
    who talks about something with no one (no "with" / "to" partner, no object, a subject of one)
    speaks, and consults nobody; "the two leaders talked about trade" is a consultation."""
    t = c.trigger
    if c.noun or c.entry.type != "CONSULT" or verb_lemma(t) not in ("talk", "speak"):
        return None
    preps = {p.lower_ for p in dep_children(t, {"prep"})}
    if not preps & {"about", "of", "on"} or preps & {"with", "to"} or dep_children(t, {"dobj", "obj"}):
        return None
    subj = [s for x in subject_of(t) for s in conjuncts(x)]
    if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and not subj:
        subj = [t.head]  # "a video talking about ...": the video talks
    if len(subj) == 1 and lemma_of(subj[0]) in ("we", "you") and "about" in preps and t.tag_ == "VBG":
        return "speech"  # "we're talking about meat produced with growth hormones": what is meant
    if len(subj) > 1 or lemma_of(subj[0] if subj else t) in ("side", "party", "leader", "we", "they"):
        return None  # "the rebels and the government talked about a ceasefire"
    if subj and subj[0].tag_ in ("NNS", "NNPS") and _parties(subj[0], ctx):
        return None  # "the two leaders", "officials from both countries", "negotiators"
    return "speech" if subj else None


def _parties(tok: Any, ctx: Context) -> bool:
    """Whether a plural subject of talk may be parties talking with each other: counted ("the two
    leaders", "both sides"), or an actor of the analysis that is a country, an organisation or of a
    sector other than ordinary people ("officials", "negotiators"); "residents", "economists",
    "funeral directors talk openly about ..." only speak."""
    if any(x.like_num or x.lower_ in ("both", "two") for x in tok.children):
        return True
    aid = ctx.tok_actor.get(tok.i)
    if aid is None:
        return False
    return ctx.actor_kind.get(aid) in ("country", "organization") or ctx.actor_sector.get(aid) not in (None, "CVL")


#: possessive determiners: "her father", "his girlfriend"
POSSESSIVES = {"my", "your", "his", "her", "its", "our", "their"}


def _private_visit(c: Candidate, ctx: Context) -> str | None:
    """ "Zoe had flown to New York to see her father", "made plans to meet a friend", "he met his
    girlfriend in a bar": a meeting or a visit with one's own family or a friend (words.toml
    ``kin_nouns``; a possessive, or "a friend") is private life, no consultation. "The prime
    minister met relatives of the hostages" and "the minister met his counterpart" stay meetings."""
    t = c.trigger
    if c.noun or c.entry.type != "CONSULT":
        return None
    seen = list(objects_of(t))
    for v in t.children:  # "flew to New York to see her father": the purpose says whom
        if v.dep_ in ("advcl", "xcomp") and infinitive(v) and verb_lemma(v) in W["seeing_verbs"]:
            seen += objects_of(v)
    if not seen:
        return None
    # "met his friends in the opposition": a party named beside the meeting makes it politics
    if any(_names_party(q, ctx) for h in (t, *seen) for p in h.children if p.dep_ == "prep" for q in p.children):
        return None
    for o in seen:
        if lemma_of(o) not in W["kin_nouns"] or any(p.dep_ == "prep" for p in o.children):
            return None
        if any(x.dep_ in ("appos", "compound") and _names_party(x, ctx) for x in o.children):
            return None  # "met his friend Netanyahu": the friend is an actor of politics
        dets = {d.lower_ for d in o.children}
        friend = lemma_of(o) == "friend" and (o.tag_ == "NNS" or dets & {"a", "an"})
        if not (dets & POSSESSIVES or friend):
            return None
    return "private life"


def _medical_visit(c: Candidate, ctx: Context) -> str | None:
    """ "made an unscheduled trip to Walter Reed hospital for a quick exam", "insisted that the
    first lady go to Bethesda Naval Hospital for an ultrasound", "Clinton was headed to the ER":
    going somewhere for care (a purpose of `medical_purposes`), or going to a place of care
    (`medical_places`) by a verb of travel, is a patient's errand, no visit. "The minister
    visited the hospital" and "visited wounded soldiers at the hospital" stay visits."""
    t = c.trigger
    if c.entry.type != "CONSULT" or c.entry.mode != "visit":
        return None
    heads = [t]
    if c.noun and t.head.i != t.i and t.dep_ in ("dobj", "obj"):
        heads.append(t.head)  # "made a trip to ... for a quick exam"
    pobj = {
        p.lower_: [q for q in p.children if q.dep_ == "pobj"]
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("to", "for")
    }
    if t.pos_ == "VERB" and verb_lemma(t) in W["travel"] and not dep_children(t, {"dobj", "obj"}):
        if any(q.lower_ in W["medical_places"] or lemma_of(q) in W["medical_places"] for q in pobj.get("to", [])):
            return "errand"
    dests = pobj.get("to", []) + [o for h in heads for o in dep_children(h, {"dobj", "obj"}) if o.i != t.i]
    if any(q.ent_type_ in ("GPE", "NORP") for q in dests):
        return None  # "traveled to Iran for an examination of its nuclear sites": a country visited
    if any(
        lemma_of(q) in W["medical_purposes"] and not any(p.dep_ == "prep" and p.lower_ == "of" for p in q.children)
        for q in pobj.get("for", [])
    ):
        return "errand"
    return None


def _candidacy(c: Candidate, ctx: Context) -> str | None:
    """ "Mayor Jake Spano did not seek reelection", "Senator Collins will seek a fifth term",
    "Biden is seeking the Democratic nomination": seeking an election, a term, a nomination or an
    office (`candidacy_nouns`, the object's head or a word of its own compound: "re-election") is
    running for office, no request. "Iran is seeking the release of its diplomats" and "sought
    talks" stay requests."""
    t = c.trigger
    if c.noun or c.entry.type != "REQUEST" or verb_lemma(t) != "seek":
        return None
    objs = dep_children(t, {"dobj", "obj"})
    if not objs:
        return None
    if any(p.dep_ == "prep" and p.lower_ == "of" for o in objs for p in o.children):
        return None  # "sought the nomination of an independent judge": someone else's
    words = {"".join(o.lower_ for o in objs)}  # "re-election": the parser may split it in three objects
    for o in objs:
        words |= {lemma_of(o)} | {lemma_of(x) for x in o.children if x.dep_ in ("compound", "amod", "nmod")}
    if not words & W["candidacy_nouns"]:
        return None
    return "candidacy"


def _illness(c: Candidate, ctx: Context) -> str | None:
    """ "The singer died of a heart attack", "the risk of a heart attack", "an asthma attack": an
    attack of the body (`illness_attack_words` as its modifier) is an illness, no assault."""
    t = c.trigger
    if not c.noun or c.entry.type != "ASSAULT" or lemma_of(t) != "attack":
        return None
    mods = [x for x in t.children if x.dep_ in ("compound", "amod", "nmod") and x.i < t.i]
    return "illness" if any(lemma_of(x) in W["illness_attack_words"] for x in mods) else None


def _internal_meeting(c: Candidate, ctx: Context) -> str | None:
    """ "Mr. Trump recounted in an Oct. 21 cabinet meeting", "issue some chart ... in the morning
    meetings": a meeting named by the body whose own people meet, or by when it is always held
    (`internal_meeting_words`), with no party met ("with", "between"), is no consultation
    between parties. "A meeting of the cabinet with union leaders" stays one."""
    t = c.trigger
    if not c.noun or c.entry.type != "CONSULT" or lemma_of(t) not in ("meeting", "session"):
        return None
    mods = [x for x in t.children if x.dep_ in ("compound", "amod") and x.i < t.i]
    if not any(lemma_of(x) in W["internal_meeting_words"] for x in mods):
        return None
    if any(p.dep_ == "prep" and p.lower_ in ("with", "between", "among", "of") for p in t.children):
        return None  # "the weekly meeting of EU finance ministers": whose meeting it is is said
    return "internal meeting"


def _press_conference(c: Candidate, ctx: Context) -> str | None:
    """ "Members of the Congressional Black Caucus held a press conference": a conference or a
    briefing for the press (`press_words`) given by one side is a statement, no meeting between
    parties. A joint one, one given with another party, or one of two named or counted sides
    ("the two leaders held a joint press conference", "Kerry held a news conference with Lavrov",
    "Merkel and Macron gave a press conference"), or one at a named place ("in Moscow"), may tell
    the sides met, and stays."""
    t = c.trigger
    if c.entry.type != "CONSULT":
        return None
    verb = t.head if c.noun and t.dep_ in ("dobj", "obj") else t
    nouns = [t] if c.noun else [o for o in objects_of(t) if o.pos_ == "NOUN"]
    press = [
        n
        for n in nouns
        if lemma_of(n) in ("conference", "briefing")
        and any(x.dep_ in ("compound", "amod") and lemma_of(x) in W["press_words"] for x in n.children)
    ]
    if not press:
        return None
    for h in (verb, *press):
        if any(x.lower_ in ("joint", "together") for x in h.children):
            return None
        if any(p.dep_ == "prep" and p.lower_ in ("with", "alongside", "between") for p in h.children):
            return None
        if any(q.ent_type_ in ("GPE", "LOC", "FAC") for p in h.children if p.dep_ == "prep" for q in p.subtree):
            return None  # "held a press conference in Moscow": where the sides may have met
    subj = [s for x in subject_of(verb) for s in conjuncts(x)]
    if len(subj) > 1 or any(x.like_num or x.lower_ in ("both", "two") for s in subj for x in s.children):
        return None
    # "the foreign ministers of Russia and Turkey", "Russian and Turkish officials": two sides named
    named = {
        ctx.tok_actor.get(q.i) or q.lower_
        for s in subj
        for q in s.subtree
        if q.i != s.i and (q.ent_type_ in ("GPE", "NORP") or q.i in ctx.tok_actor)
    }
    if len(named) > 1:
        return None
    if any(noun_class(q) == "MEET" for p in verb.children if p.dep_ == "prep" for q in p.subtree):
        return None  # "after their talks": the sides met
    return "statement"


def _discussed_alone(c: Candidate, ctx: Context) -> str | None:
    """ "Caddell went on to discuss recently released polls", "as he discussed his commitment to
    veterans", "Melania would discuss her immigration history": one person discussing something
    with no one (no "with" / "among" partner, a single subject who is a person) speaks, and
    consults nobody. Two subjects, a body ("the cabinet discussed"), a partner named, or the
    purpose of a meeting or a journey ("flew to Moscow to discuss Syria", "an emergency meeting to
    discuss the test") stay consultations."""
    t = c.trigger
    if c.noun or c.entry.type != "CONSULT" or verb_lemma(t) != "discuss":
        return None
    for p in t.children:
        if p.dep_ != "prep":
            continue
        if p.lower_ in ("with", "among", "between", "at", "during"):
            return None
        for q in p.subtree:
            # "in a phone call with Erdogan", "in Cairo on Monday": a meeting or a place abroad
            if q.lower_ in ("with", "between") or noun_class(q) == "MEET" or q.ent_type_ in ("GPE", "LOC", "FAC"):
                return None
    # "discuss investigations with the visiting Ukrainians": the parser may hang the partner on the
    # object; "discussed the crisis by phone": a call has someone at the other end
    if any(q.dep_ == "prep" and q.lower_ in ("with", "between", "among") for q in t.subtree):
        return None
    if any(q.lower_ in ("phone", "telephone", "call", "videoconference") for q in t.subtree):
        return None
    subj = [s for x in subject_of(t) for s in conjuncts(x)]
    if len(subj) != 1 or not (_a_person(subj[0], ctx) or subj[0].lower_ in ("he", "she", "i")):
        return None
    g = t
    for _ in range(3):  # the verb or noun the discussion is the purpose or the topic of
        if g.dep_ not in ("xcomp", "advcl", "acl", "ccomp", "conj") or g.head.i == g.i:
            break
        g = g.head
        if g.pos_ == "NOUN" or verb_lemma(g) in W["travel"] | W["consult_heads"]:
            if not (g.pos_ == "VERB" and any(x.dep_ == "prt" for x in g.children)):  # "went on to discuss"
                return None
    return "speech"


def _names_party(tok: Any, ctx: Context) -> bool:
    """``tok`` names an actor or a party, no place: a person, a group or an organisation named
    ("Netanyahu", "Hamas"), or an actor the analysis found ("the opposition")."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME"):
        return False
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.i in ctx.tok_actor


def _enabling(c: Candidate, ctx: Context) -> str | None:
    """ "a chip that allows a computer to be smaller", "allows for complete virtualisation": a
    thing that makes something possible for another thing concedes nothing to anyone. A person,
    a group, an organisation or a country on either side keeps the event ("Israel allowed aid
    convoys in", "the decree allows exiles to return"), unless the one allowing is the weather;
    a document's permission is a [[sense]] check."""
    t = c.trigger
    if c.noun or verb_lemma(t) not in W["enabling_verbs"]:
        return None
    if dep_children(t, {"csubj"}):
        return "enabling"  # "going through a dark time has allowed him to connect": a clause allows
    subj = [s for x in subject_of(t) for s in content_objects(conjuncts(x))]
    if not subj:
        return None
    if all(lemma_of(s) in W["weather_words"] | W["natural_disasters"] for s in subj):
        return "enabling"  # "the weather should ease, allowing PG&E to restore power"
    allowed = [s for x in objects_of(t) for s in content_objects(conjuncts(x))]
    allowed += [q for x in dep_children(t, {"xcomp", "ccomp"}) for q in dep_children(x, {"nsubj", "nsubjpass"})]
    for s in subj + allowed:
        if s.i in ctx.tok_actor or s.pos_ in ("PRON", "PROPN") or s.ent_type_ or is_person_like(s, ctx):
            return None
    return "enabling"


def _thing_threatens(c: Candidate, ctx: Context) -> str | None:
    """ "an emergency which threatens the safety of residents", "rising seas threaten coastal
    towns": a danger is no threat; a threat needs someone who makes it ("Iran threatened to close
    the border", "the group threatened them")."""
    t = c.trigger
    if c.noun or c.entry.type != "THREATEN":
        return None
    subj = [s for x in subject_of(t) for s in content_objects(conjuncts(x))]
    dangers = W["danger_nouns"] | W["disaster_nouns"] | W["natural_disasters"] | W["weather_words"]
    return "danger, not a threat" if subj and all(lemma_of(s) in dangers for s in subj) else None


#: acts only someone can do: agreeing, yielding, consulting, protesting, asking, threatening
ACTS_OF_SOMEONE = {"AGREE", "CONCEDE", "CONSULT", "PROTEST", "REQUEST", "THREATEN"}
#: words.toml lists of what cannot act: states of affairs, markets and measures, evidence and
#: figures, weather, disasters, vehicles
THING_LISTS = (
    "danger_nouns",
    "risk_nouns",
    "market_nouns",
    "evidence_nouns",
    "weather_words",
    "natural_disasters",
    "vehicle_nouns",
)


def _thing(tok: Any, ctx: Context) -> bool:
    """A common noun, no actor of the analysis, that names what cannot act (``THING_LISTS``)."""
    if tok.pos_ != "NOUN" or tok.i in ctx.tok_actor:
        return False
    lemma = lemma_of(tok)
    return any(lemma in W[name] for name in THING_LISTS)


def _no_doer(c: Candidate, ctx: Context) -> str | None:
    """ "A prolonged trade war offers Mr. Trump some advantages", "the crisis allows him to stay",
    "the data meet expectations": an offer, a concession, a meeting, a protest, a request or a
    threat is someone's act. When every doer of the verb (its subject, the agent of a passive,
    the noun a relative clause or a participle describes) is a thing that cannot act (a state
    of affairs, a market or a measure, evidence, weather, a disaster, a vehicle: ``THING_LISTS``),
    the verb is a figure of speech."""
    t = c.trigger
    if c.noun or c.entry.type not in ACTS_OF_SOMEONE:
        return None
    doers = [s for x in subject_of(t) for s in content_objects(conjuncts(x))]
    return "no doer" if doers and all(_thing(s, ctx) for s in doers) else None


def _someone(tok: Any, ctx: Context) -> bool:
    """Whether a doer may be someone: a name, a pronoun, a number, an actor of the analysis, a
    person, or a body that speaks as one (``speaking_bodies``, ``agency_nouns``, ``document_nouns``)."""
    if tok.pos_ != "NOUN" or tok.i in ctx.tok_actor or tok.ent_type_ or is_person_like(tok, ctx):
        return True
    lemma = lemma_of(tok)
    return any(lemma in W[name] for name in ("speaking_bodies", "agency_nouns", "document_nouns", "person_nouns"))


def _as_shown(c: Candidate, ctx: Context) -> str | None:
    """ "as demonstrated by his abrupt departure", "as shown by the vote": a passive participle
    after "as", with no subject of its own, comments on its clause; when its ``by`` agent is no
    one who can act (not a name, a pronoun, an actor, a person or a body) it is no act ("as
    requested by the ministry" is the ministry's request)."""
    t = c.trigger
    if c.noun or t.tag_ != "VBN" or c.entry.type not in ACTS_OF_SOMEONE | {"SUPPORT", "REJECT", "ACCUSE"}:
        return None
    if not any(m.lower_ == "as" for m in dep_children(t, {"mark"})) or dep_children(t, {"nsubj", "nsubjpass"}):
        return None
    agents = [q for a in dep_children(t, {"agent"}) for q in a.children if q.dep_ == "pobj"]
    return "comment" if agents and not any(_someone(q, ctx) for q in agents) else None


def _as_opposed(c: Candidate, ctx: Context) -> str | None:
    """ "as opposed to the bloated spectacle": a comparison, no opposition."""
    t = c.trigger
    if c.noun or verb_lemma(t) != "oppose" or t.tag_ != "VBN":
        return None
    return "comparison" if any(x.lower_ == "as" and x.i == t.i - 1 for x in t.children) else None


def _interview(c: Candidate, ctx: Context) -> str | None:
    """ "Asked about the pending appeal, the prosecutor said ...": a question put to the speaker
    of the sentence is the reporter's, no request."""
    t = c.trigger
    if c.noun or c.entry.type != "REQUEST" or verb_lemma(t) not in W["question_verbs"]:
        return None
    if t.tag_ != "VBN" or t.dep_ != "advcl" or dep_children(t, {"agent", "nsubj", "nsubjpass"}):
        return None
    return "interview" if lemma_of(t.head) in lx.REPORTING else None


#: words that open a question clause ("asked whether ...", "asked why ...")
QUESTION_WORDS = {"whether", "if", "why", "what", "how", "when", "where", "who", "whom", "which", "whose"}


def _question_put(c: Candidate, ctx: Context) -> str | None:
    """ "At the hearing, the senator asked whether the bank had misled regulators", "asked the
    witness why she left", "lawmakers questioned the chief executive about the breach": a
    question put at a hearing, an interview or a briefing asks for an answer, no act: no request
    and no criticism. A question clause (whether, if, a wh- word) or, for ask / question / quiz,
    a person asked about, on or over something. "Asked X to resign", "asked for help" and
    "questioned the legality of the vote" keep their event."""
    t = c.trigger
    lemma = verb_lemma(t)
    if c.noun or lemma not in W["question_verbs"] or c.entry.type not in ("REQUEST", "ACCUSE"):
        return None
    if dep_children(t, {"xcomp"}) or any(p.lower_ in ("for", "of", "from") for p in dep_children(t, {"prep"})):
        return None
    if any(lemma_of(o) in ("question", "query") for o in dep_children(t, {"dobj", "obj"})):
        return "question"  # "Trump was asked a straightforward question about ..."
    clauses = dep_children(t, {"ccomp"})
    if clauses:
        return "question" if all(_question_clause(cl) for cl in clauses) else None
    if lemma == "press":
        return None  # "pressed China on human rights": pressure, a demand
    asked = dep_children(t, {"dobj", "obj", "dative", "nsubjpass" if is_passive(t) else "dobj"})
    if not asked or not any(p.lower_ in ("about", "on", "over", "regarding") for p in dep_children(t, {"prep"})):
        return None
    if all(o.i in ctx.tok_actor or o.pos_ in ("PRON", "PROPN") or is_person_like(o, ctx) for o in asked):
        return "question"
    return None


def _question_clause(cl: Any) -> bool:
    """A clause that is a question: opened by whether / if or a wh- word."""
    first = min(cl.subtree, key=lambda x: x.i)
    if first.lower_ in QUESTION_WORDS and (first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.dep_ == "mark"):
        return True
    return any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in cl.children)


def _question_reported(c: Candidate, ctx: Context) -> str | None:
    """'"Did you ask them to stop?" Schiff asked.', "during the call he asked about the
    Brotherhood": asking with nothing asked of anyone (no object, no clause, no "for", "of",
    "from" or "to") reports a question, no request."""
    t = c.trigger
    if c.noun or c.entry.type != "REQUEST" or verb_lemma(t) not in W["question_verbs"]:
        return None
    if dep_children(t, {"dobj", "obj", "dative", "iobj", "ccomp", "xcomp", "advcl", "nsubjpass"}):
        return None
    if any(p.lower_ in ("for", "of", "from", "to") for p in dep_children(t, {"prep"})):
        return None  # "asked for help", "asked of them"
    return "question" if c.obj is None else None


def _knowing(c: Candidate, ctx: Context) -> str | None:
    """ "I want you to know you did not break our family", "we would like them to understand":
    wanting someone to know or see something is speech, no request."""
    t = c.trigger
    if c.noun or c.entry.type != "REQUEST" or verb_lemma(t) not in W["desire_verbs"]:
        return None
    comps = dep_children(t, {"xcomp", "ccomp"})
    return "figure of speech" if comps and all(verb_lemma(x) in W["cognition_verbs"] for x in comps) else None


#: types a game, a race or a transfer is mistaken for ("defended his crown", "pulled out with an
#: ankle injury", "sought his opening", "arrived in Germany on Monday")
SPORTS_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "REJECT",
    "THREATEN",
}
POLITICAL_SECTORS = {"GOV", "MIL", "REB", "INS", "COP", "JUD", "LEG", "PTY", "OPP", "SPY", "PAR", "IGO"}


def _sports(c: Candidate, ctx: Context) -> str | None:
    """A sports story (several of words.toml's ``sports_words``: "heavyweight", "playoff",
    "quarterback", ...): its wins, defences, withdrawals, offers and arrivals are games and
    transfers, no political events, unless a government, force, court or party acts in them.
    Arrests, charges, attacks and protests in a sports story are still events."""
    if c.entry.type not in SPORTS_TYPES and not (
        c.entry.type == "ASSAULT" and not c.noun and verb_lemma(c.trigger) in W["sports_win_verbs"]
    ):
        return None
    if story_count(ctx, "sports_words") < 3:
        return None
    doers = [s for x in subject_of(c.trigger) for s in content_objects(conjuncts(x))] if not c.noun else []
    for s in doers:
        aid = ctx.tok_actor.get(s.i)
        if aid and ctx.actor_sector.get(aid) in POLITICAL_SECTORS:
            return None
    return "sports"


def _doers(t: Any, passive_subject: bool = True) -> list:
    """The trigger's subjects through coordination: the doer, or a passive's grammatical subject
    ("the dollar was supported") when ``passive_subject`` (else its ``by`` agent); an attributive
    participle's noun ("tensions threatening")."""
    out = dep_children(t, {"nsubjpass"}) if passive_subject and is_passive(t) else list(subject_of(t))
    if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
        out.append(t.head)
    return [s for x in out for s in content_objects(conjuncts(x))]


def _market(c: Candidate, ctx: Context) -> str | None:
    """ "Benchmark 10-year notes rose, yielding ...", "the dollar was supported by strong data",
    "oil prices were supported by the OPEC cut": a verb of a market's moves (words.toml's
    ``market_verbs``: rise, fall, support, rally, surrender, yield, ...) whose subject is a
    financial instrument, a currency, a price or an economic measure (``market_nouns``) or a
    market by name (``market_names``) tells a market's move, no event. Only the subject counts
    ("China devalued the yuan" keeps its doer), and a passive whose
    ``by`` agent is an actor is that actor's act."""
    t = c.trigger
    if c.noun or verb_lemma(t) not in W["market_verbs"]:
        return None
    subj = _doers(t)
    if not subj:
        return None
    if all(_market_name(s) for s in subj):
        return "market"  # "Wall Street rallied", "the Nasdaq surrendered early gains"
    if any(s.i in ctx.tok_actor for s in subj):
        return None
    if is_passive(t) and any(s.i in ctx.tok_actor or is_person_like(s, ctx) for s in subject_of(t)):
        return None  # "the banks were propped up by the government": an actor acts on a market
    # common nouns only: "the Treasury lent GM $13bn" is a government department
    return "market" if all(s.pos_ == "NOUN" and lemma_of(s) in W["market_nouns"] for s in subj) else None


def _market_name(tok: Any) -> bool:
    """A stock market or index named by its name ("Wall Street", "the Nasdaq", "the FTSE 100"):
    words.toml's ``market_names`` (words joined by ``_``), the name read with its compounds; or a
    name whose head says it is an index ("the Shanghai Composite", "the Hang Seng Index")."""
    if tok.pos_ != "PROPN":
        return False
    words = [x.lower_ for x in tok.subtree if x.dep_ in ("compound", "nmod") or x.i == tok.i]
    if tok.lower_ in ("composite", "index", "average") and len(words) > 1:
        return True  # "China's Shanghai Composite", "the Hang Seng Index", "the Dow Jones Industrial Average"
    return "_".join(words) in W["market_names"] or tok.lower_ in W["market_names"]


def _impersonal_threat(c: Candidate, ctx: Context) -> str | None:
    """ "tensions threatening to put the brakes on growth", "the drought threatens the harvest":
    a threat needs someone who threatens. A subject naming a state of affairs (words.toml's
    ``risk_nouns``: tension, crisis, drought, inflation, ...) and no actor makes "threaten" a
    risk, no THREATEN. A list, not "anything that is no known actor": unions, parties and
    militants are not all known actors."""
    t = c.trigger
    if c.noun or c.entry.type != "THREATEN" or verb_lemma(t) != "threaten":
        return None
    subj = _doers(t, passive_subject=False)
    if not subj or any(s.i in ctx.tok_actor for s in subj):
        return None
    return "risk" if all(lemma_of(s) in W["risk_nouns"] for s in subj) else None


_QUOTES = {'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"}


_QUOTED = "dateline_quoted_spans"  # doc.user_data key of _quoted_spans' cache, by sentence bounds


def _quoted_spans(sent: Any) -> list[tuple[int, int]]:
    """(first, last) token indices inside each pair of quotation marks of a sentence; none when
    the marks do not pair up (a quotation running over several sentences). Found once per
    sentence (the checks ask for each candidate); the list is shared, not to be changed."""
    cache = sent.doc.user_data.setdefault(_QUOTED, {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _find_quoted_spans(sent)
    return found


def _quote_marks(doc: Any) -> list[int]:
    """The indices of the doc's quotation marks (a quote character as a punctuation token, no
    possessive ending), in order; found once per doc from the word hashes (kept in ``doc_cache``)."""
    cache = doc_cache(doc)
    found = cache.get("nonevents.quote_marks")
    if found is None:
        strings = doc.vocab.strings
        hashes = {strings[q] for q in _QUOTES}
        orth = doc.to_array("ORTH").tolist() if len(doc) else []
        pos = pos_tags(doc)
        found = cache["nonevents.quote_marks"] = [
            i for i, h in enumerate(orth) if h in hashes and pos[i] == "PUNCT" and doc[i].tag_ != "POS"
        ]
    return found


def _find_quoted_spans(sent: Any) -> list[tuple[int, int]]:
    every = _quote_marks(sent.doc)
    marks = every[bisect_left(every, sent.start) : bisect_left(every, sent.end)]
    if not marks or len(marks) % 2:
        return []
    return [(marks[k] + 1, marks[k + 1] - 1) for k in range(0, len(marks), 2) if marks[k + 1] - marks[k] > 1]


def _quoted_title(c: Candidate, ctx: Context) -> str | None:
    """ "Teachers played 'We're Not Gonna Take It'", chanting "Fund our schools", signs reading
    "Arrest the killers", the film "Attack of the Clones": words inside quotation marks that name
    a song, a chant, a slogan or a title are no event. Reported speech keeps its events: a
    quotation holding the sentence's root ('"We will attack," he said' codes the attack under
    "said") or hanging from a reporting verb ('said the army would "crush the rebels"'). A
    title hangs from a noun or from a verb of ``title_verbs`` (play, sing, chant, read, ...)."""
    t = c.trigger
    sent = sent_of(t)
    spans = _quoted_spans(sent)
    quoted = {i for first, last in spans for i in range(first, last + 1)}
    for first, last in spans:
        if not first <= t.i <= last:
            continue
        if first <= sent.root.i <= last:
            return None
        heads = []
        for x in ctx.doc[first : last + 1]:
            h = x.head
            if first <= h.i <= last:
                continue
            while h.i in quoted and h.head.i != h.i:  # "Stop the war" and "Free the prisoners"
                h = h.head
            heads.append(h)
        if not heads:
            return None
        for h in heads:
            if h.pos_ in ("NOUN", "PROPN"):
                continue
            if h.pos_ in ("VERB", "AUX") and lemma_of(h) in W["title_verbs"]:
                continue
            return None
        return "title"
    return None


_YOU = frozenset({"you", "yourself", "yourselves"})


def _addressed(c: Candidate, ctx: Context) -> str | None:
    """ "Meet in a public space, and trust your gut", "you can visit the old town", "our team will
    help you find a home": advice to the reader, an imperative heading its sentence or a clause
    whose subject (or object) is "you", reports no act.
    Inside quotation marks it is someone's speech, a demand the other checks judge ('"Free the
    prisoners," the crowd chanted')."""
    t = c.trigger
    if c.noun or any(f <= t.i <= last for f, last in _quoted_spans(sent_of(t))):
        return None
    v = t
    while v.dep_ in ("conj", "xcomp") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    if not ctx.lower_forms() & _YOU:  # no "you" anywhere in the article: only an imperative is left
        return "advice to the reader" if v.dep_ == "ROOT" and _imperative(v, subject_of(v)) else None
    subj = subject_of(v)
    if any(s.lower_ == "you" for s in subj):
        return "addressed to the reader"
    told = dep_children(t, {"dobj", "dative", "iobj"})
    told += [s for x in dep_children(t, {"ccomp", "xcomp"}) for s in dep_children(x, {"nsubj"})]
    quoted = _quoted_spans(sent_of(t))
    told = [o for o in told if not any(f <= o.i <= last for f, last in quoted)]  # '"You ...," Kelly charged'
    if any(o.lower_ in ("you", "yourself", "yourselves") for o in told):
        return "offered to the reader"  # "our team will help you find a home", "we offer you"
    if v.dep_ == "ROOT" and _imperative(v, subj):
        return "advice to the reader"
    return None


def _imperative(v: Any, subj: Any) -> bool:
    """A bare verb with no subject and no auxiliary heads an imperative clause."""
    return v.tag_ == "VB" and not subj and not dep_children(v, {"aux", "auxpass", "expl"})


def _quoted_imperative(c: Candidate, ctx: Context) -> str | None:
    """'"Release the hostages now," the minister told reporters', '"Withdraw your troops," Putin
    said': an imperative quoted as someone's words is what the speaker demands of others; the
    act demanded has not happened and is nobody's yet. A quoted clause with its own subject or
    auxiliary ('"We will withdraw," he said') keeps its event. (A quoted order told to someone,
    '"Leave now," the commander told residents', is the speaker's REQUEST: patterns.toml.)"""
    t = c.trigger
    if c.noun or not _quoted_spans(sent_of(t)):
        return None  # (no quotation in the sentence: nothing below can be quoted)
    v = t
    while v.dep_ in ("conj", "xcomp") and v.head.pos_ in ("VERB", "AUX") and _same_quote(v, v.head):
        v = v.head
    return "quoted demand" if quoted_order(v) else None


def _same_quote(a: Any, b: Any) -> bool:
    return any(f <= a.i <= last and f <= b.i <= last for f, last in _quoted_spans(sent_of(a)))


def quoted_order(v: Any) -> bool:
    """Whether a verb heads a quoted imperative clause: a bare verb with no subject and no
    auxiliary that opens the quotation and heads its clause (the sentence's root, or a clause
    hung on a verb outside the quotation: '"Leave now," the commander told residents')."""
    spans = [(f, last) for f, last in _quoted_spans(sent_of(v)) if f <= v.i <= last]
    if not spans:
        return False
    first, last = spans[0]
    heads_clause = v.dep_ == "ROOT" or (v.dep_ in ("ccomp", "parataxis", "advcl") and not first <= v.head.i <= last)
    if not heads_clause or v.i > first + 1 or v.i != min(x.i for x in v.subtree if x.pos_ != "PUNCT"):
        return False
    return _imperative(v, dep_children(v, {"nsubj", "nsubjpass", "csubj"}))  # its own subject only


def _opinion(c: Candidate, ctx: Context) -> str | None:
    """ "Analysts agreed that the outlook had improved", "economists agree the recession is over":
    agreeing that something is so is an opinion, no agreement. The clause agreed on must state
    no act to come (no will, would, should, must, can, ...) and no time of its own: "agreed
    that talks would resume" and "agreed that the truce takes effect on Monday" are agreements."""
    t = c.trigger
    if c.noun or c.entry.type != "AGREE" or verb_lemma(t) != "agree":
        return None
    if dep_children(t, {"xcomp", "dobj", "obj"}) or any(p.dep_ == "prep" for p in t.children):
        return None
    comps = dep_children(t, {"ccomp"})
    if not comps:
        return None
    modals = W["future_modals"] | W["hypothetical_modals"] | W["deontic_modals"] | {"can", "ca", "to"}
    for comp in comps:
        if any(a.lower_ in modals for a in comp.children if a.dep_ in ("aux", "auxpass")):
            return None
        if any(x.i in ctx.time_tok for x in comp.subtree):
            return None
    return "opinion"


def _campaign_rally(c: Candidate, ctx: Context) -> str | None:
    """ "held a campaign rally in Florida", "spoke at a re-election rally": a rally a candidate
    holds for votes (`campaign_words` modifying the noun) is campaigning, no protest."""
    if c.entry.type != "PROTEST":
        return None
    noun = c.trigger if c.noun else c.obj
    if noun is None or lemma_of(noun) != "rally":  # "an election protest" is a protest
        return None
    mods = {lemma_of(m) for m in noun.children if m.dep_ in ("compound", "amod", "nmod")}
    mods |= {m.lower_ for m in noun.children if m.dep_ in ("compound", "amod", "nmod")}
    if mods & W["campaign_words"]:
        return "campaign"
    if election_story(ctx) and not any(
        x.lower_ in ("against", "protest", "protests") or lemma_of(x) in lx.PROTESTER_NOUNS for x in sent_of(noun)
    ):
        return "campaign"  # "at Mr. Trump's rally on Tuesday", "his massive rallies" in an election story
    return None


def election_story(ctx: Context) -> bool:
    """Whether the story is about an election: six words of words.toml's ``election_words``."""
    return story_count(ctx, "election_words") >= 6


def _electoral_win(c: Candidate, ctx: Context) -> str | None:
    """ "Trump clinched Florida, beating rival Marco Rubio", "he captured Vermont", "Clinton had
    captured 1,944 delegates": in an election story, beating, defeating or capturing with no
    armed side, no weapon and no casualty in the sentence is winning votes, no attack ("captured
    by Israel in the 1967 war" keeps its attack: a country acts)."""
    t = c.trigger
    if c.noun or c.entry.type not in ("ASSAULT", "COERCE") or verb_lemma(t) not in W["electoral_win_verbs"]:
        return None
    if not election_story(ctx):
        return None
    if any(armed(s, ctx) for s in subject_of(t)):
        return None
    if any(lx.ASSAULT_MODE_CUES.get(lemma_of(x)) or lemma_of(x) in W["casualty_words"] for x in sent_of(t)):
        return None
    if any(lemma_of(x) in W["armed_nouns"] or lemma_of(x) in ("war", "troops", "force") for x in sent_of(t)):
        return None
    return "election"


def _campaigning(c: Candidate, ctx: Context) -> str | None:
    """ "launched her campaign for governor", "his re-election campaign", "a marketing campaign",
    "a campaign to win the presidency": a campaign a person owns, or one for an office, a vote or
    a market (`campaign_offices`, `campaign_kinds`, `campaign_words`), is campaigning, no attack.
    A weapon, a casualty or an armed side against it keeps the attack ("a bombing campaign",
    "a campaign against the rebels")."""
    if c.entry.type != "ASSAULT" and not c.entry.key.endswith("+ATTACK"):
        return None  # "ended his presidential campaign" (end+ATTACK) is no ceasefire either
    noun = c.trigger if c.noun else c.obj
    if noun is None or lemma_of(noun) != "campaign":
        return None
    if any(lx.ASSAULT_MODE_CUES.get(lemma_of(x)) or lemma_of(x) in W["casualty_words"] for x in noun.subtree):
        return None
    against = [q for p in noun.children if p.dep_ == "prep" and p.lower_ == "against" for q in p.children]
    if any(armed(q, ctx) for q in against):
        return None
    if any(_a_person(p, ctx) for p in dep_children(noun, {"poss"})):
        return "campaign"
    mods = {w for m in noun.children if m.dep_ in ("compound", "amod", "nmod") for w in (lemma_of(m), m.lower_)}
    if mods & (W["campaign_words"] | W["campaign_kinds"]):
        return "campaign"
    aims = [q for p in noun.children if p.dep_ == "prep" and p.lower_ == "for" for q in p.children]
    aims += [v for v in noun.children if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB"]
    return "campaign" if any(lemma_of(a) in W["campaign_offices"] for a in aims) else None


def _a_person(tok: Any, ctx: Context) -> bool:
    """A person by name, by actor kind, or "his" / "her"."""
    aid = ctx.tok_actor.get(tok.i)
    if tok.lower_ in ("his", "her") or tok.ent_type_ == "PERSON":
        return True
    return bool(aid and ctx.actor_kind.get(aid) == "person")


CHECKS = (
    _opinion,
    _campaigning,
    _quoted_imperative,
    _addressed,
    _quoted_title,
    _market,
    _impersonal_threat,
    _expletive_judgement,
    _generic_infinitive,
    _way_not_taken,
    _text_discusses,
    _property,
    _modal_noun,
    _warning_of_a_state,
    _warning_of_things,
    _thing_threatens,
    _evidence,
    _avoided,
    _movement,
    _figurative_fight,
    _figurative_object,
    _activity_named,
    _generic,
    _unspoken,
    _unwanted,
    _descriptive,
    _adjectival,
    _animal_victim,
    _race_called,
    _naming,
    _disaster_damage,
    _road_collision,
    _injury,
    _modifier,
    _sports,
    _commerce,
    _commercial_doer,
    _thing_doer,
    _review,
    _talking_about,
    _discussed_alone,
    _private_visit,
    _medical_visit,
    _candidacy,
    _illness,
    _internal_meeting,
    _press_conference,
    _enabling,
    _interview,
    _question_put,
    _question_reported,
    _as_opposed,
    _no_doer,
    _as_shown,
    _knowing,
    _campaign_rally,
    _electoral_win,
)
