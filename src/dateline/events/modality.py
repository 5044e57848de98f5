"""The modality of an event: negated > hypothetical > future > historical > asserted.

Public interface: ``modality(c, date_value, date_from_text, ctx)``; ``tense_of(trigger,
modality)`` (the direction a bare time expression points); ``conditional(tok)``;
``aux_lows(trigger, c)``; ``own_reported_intent(tok)``; ``not_taken(trigger)`` (an act after
"instead of" / "rather than"); ``withheld(trigger)``, ``unattained(trigger)`` (an act held back
or never reached: negated, and no refusal).
"""

from __future__ import annotations

from typing import Any

from ..nlp import sent_of, token_strings
from ..timex import period_end, period_start
from . import lexicon as lx
from .parse import Candidate, Context, child_strings, dep_children, infinitive, lemma_of
from .roles import subject_of

NEG_WORDS = lx.WORDS["negation_words"]
HYPO_MODALS = lx.WORDS["hypothetical_modals"]
FUTURE_MODALS = lx.WORDS["future_modals"]
DEONTIC = lx.WORDS["deontic_modals"]
ANTERIOR_ADV = lx.WORDS["anterior_adverbs"]
ANTERIOR_AMOD = lx.WORDS["anterior_modifiers"]
FUTURE_AMOD = lx.WORDS["future_modifiers"]
HYPO_AMOD = lx.WORDS["hypothetical_modifiers"]
GENERIC = lx.WORDS["generic_antecedents"]
ALTERNATIVE = {tuple(w.split("_")) for w in lx.WORDS["alternative_markers"]}


#: the dependency labels the clause readers below take children by (``dep_children``: the cached
#: parse, no Token built for the other children)
_AUX = frozenset({"aux", "auxpass"})
_AUX_WORDS = frozenset({"aux", "auxpass", "neg", "advmod", "mark"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def tense_of(trigger: Any, modality: str) -> str:
    if modality == "future":
        return "future"
    for t in [trigger] + dep_children(trigger, _AUX):
        if t.tag_ in ("VBD", "VBN"):
            return "past"
        if t.lower_ in FUTURE_MODALS:
            return "future"
    if trigger.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    return "past"


def _aux_words(tok: Any) -> list:
    return dep_children(tok, _AUX_WORDS)


#: what ``clause_modality`` reads of a candidate's clause: (its verdict, or None when the date
#: decides; the auxiliary words' lower forms; those words; under a past report; a charge's reading)
Clause = tuple[str | None, set[str], list, bool, str | None]


def modality(
    c: Candidate, date_value: str | None, date_from_text: bool, ctx: Context, clause: Clause | None = None
) -> str:
    """negated > hypothetical > future > historical > asserted. ``clause``: the candidate's
    ``clause_modality``, when the caller asks for several dates of one candidate."""
    if clause is None:
        clause = clause_modality(c, ctx)
    verdict, lows, words, reported_past, charged = clause
    if verdict is not None:
        return verdict
    trig = c.trigger
    pub = ctx.published
    if date_value and date_from_text and pub:
        start, end = period_start(date_value), period_end(date_value)
        if start and start > pub:
            return "future"
        if end and (pub - end).days > 31:
            return "historical"
    if not date_from_text:
        # a past perfect is anterior, unless it is only the backshift of past reported speech
        # ("the governor wrote that air defences had shot down ...")
        if lows & ANTERIOR_ADV or (not reported_past and any(ch.tag_ == "VBD" and ch.lower_ == "had" for ch in words)):
            return "historical"
        if c.noun and any(ch.lower_ in ANTERIOR_AMOD for ch in trig.children if ch.dep_ in ("amod",)):
            return "historical"
        if _since_clause(trig) or _perfect_infinitive(trig) or charged == "owned":
            return "historical"
    return "asserted"


def clause_modality(c: Candidate, ctx: Context) -> Clause:
    """What ``modality`` reads of the candidate's clause, whatever its date: negated,
    hypothetical or future when the clause says so (the verdict), else None."""
    trig = c.trigger
    scope = [trig]
    if c.noun and trig.head.i != trig.i:
        scope.append(trig.head)  # "the summit will reaffirm", "the failed summit"
    if c.modality_from is not None:
        scope.append(c.modality_from)
        if c.modality_from.pos_ == "ADJ" and c.modality_from.head.i != c.modality_from.i:
            scope.append(c.modality_from.head)
    words = []
    for s in scope:
        words += _aux_words(s)
    lows = {w.lower_ for w in words}
    if any(w in ("if", "unless", "whether") for w in child_strings(trig, ("mark",))):
        return "hypothetical", lows, words, False, None  # the event of a conditional clause, negated or not
    if inverted_condition(trig) or _to_clause_of_condition(trig):
        # "threats should China not accede": a condition, negated or not
        return "hypothetical", lows, words, False, None
    if c.extra_modality == "negated" or any(w.dep_ == "neg" for w in words) or (lows & {"never"}):
        return "negated", lows, words, False, None
    if not_taken(trig) or negative_inversion(trig) or denied_frame(trig) or withheld(trig) or unattained(trig):
        return "negated", lows, words, False, None
    failed = lemma_of(trig.head) in lx.WORDS["failing_verbs"]
    if trig.dep_ == "xcomp" and failed and not c.entry.key.startswith(lemma_of(trig.head) + "+"):
        # "they failed to share information": the sharing did not happen ("failed to reach
        # agreement" is an entry of its own, the failure)
        return "negated", lows, words, False, None
    reported_past = _under_past_report(trig)
    charged = _charged_act(trig)
    if c.extra_modality == "hypothetical" or charged == "alleged":
        return "hypothetical", lows, words, reported_past, charged
    if (
        conditional(trig)
        or (lows & {"could", "might", "may"})
        or ("would" in lows and not reported_past)
        or ("should" in lows and not reported_past)
    ):
        return "hypothetical", lows, words, reported_past, charged
    if c.noun and any(ch.lower_ in HYPO_AMOD for ch in trig.children if ch.dep_ == "amod"):
        return "hypothetical", lows, words, reported_past, charged  # "a potential walkout", "the threatened strike"
    if _prospect(trig) or _pending(trig):
        return "hypothetical", lows, words, reported_past, charged
    if generic_kind(trig):
        return "hypothetical", lows, words, reported_past, charged
    seen = foreseen(trig)
    if seen == "hypothetical":
        return "hypothetical", lows, words, reported_past, charged
    sent = sent_of(trig)  # (its text cut from the doc's: Span.text joins its tokens anew)
    if ctx.text[sent.start_char : sent.end_char].rstrip(" \n\"'\u201d\u2019").endswith("?"):
        # a question asks whether, it reports nothing ("Will Iran retaliate?")
        return "hypothetical", lows, words, reported_past, charged
    if (
        lows & FUTURE_MODALS
        or c.extra_modality == "future"
        or ("would" in lows and reported_past)
        or _going_to(trig)
        or _planned(trig)
        or _aim(trig)
        or seen == "future"
    ):
        return "future", lows, words, reported_past, charged
    if c.noun and any(ch.lower_ in FUTURE_AMOD for ch in trig.children if ch.dep_ in ("amod", "advmod")):
        return "future", lows, words, reported_past, charged
    return None, lows, words, reported_past, charged


WITHHOLDING = lx.WORDS["withholding_words"]
UNATTAINED = lx.WORDS["unattained_words"]
#: copulas of an outcome: "X proved elusive", "remained impossible"
OUTCOME_COPULAS = {"be", "prove", "remain", "seem", "appear"}


def withheld(trig: Any) -> bool:
    """ "the Chinese have been reluctant to commit to a meeting", "ministers were unable to agree",
    "made China wary of offering concessions", "refrained from criticising", "its failure to reach
    a deal": an act governed by a word of holding back (`withholding_words`), through a to-clause
    or an "of"/"from" gerund, is not done. A noun after "of" is no such act ("wary of Washington's
    demands": the demands were made). A conjunct shares its first verb's governor."""
    t = trig
    if t.dep_ == "conj" and t.head.i != t.i and t.pos_ == t.head.pos_ == "VERB":
        if t.tag_ != "VB" or any(x.dep_ in ("nsubj", "nsubjpass") for x in t.children):
            return False  # "was reluctant to intervene but sent troops": a finite conjunct is told
        t = t.head
    if t.dep_ == "xcomp" or (t.dep_ == "acl" and t.head.pos_ == "NOUN" and infinitive(t)):
        gov = t.head
    elif t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.dep_ == "prep" and t.head.lower_ in ("of", "from"):
        if any(x.dep_ in ("nsubj", "poss") for x in t.children):
            return False  # "afraid of the army attacking again": someone else's act, feared
        gov = t.head.head
    else:
        return False
    return gov.i != t.i and lemma_of(gov) in WITHHOLDING


def unattained(trig: Any) -> bool:
    """ "actually signing a deal has proved elusive", "a ceasefire has remained elusive": the act
    that is the subject of a copula of outcome (be, prove, remain, seem, appear) whose complement
    says it was not reached (`unattained_words`) did not happen."""
    if trig.dep_ not in ("csubj", "nsubj") or trig.head.i == trig.i:
        return False
    cop = trig.head
    return lemma_of(cop) in OUTCOME_COPULAS and any(
        ch.dep_ in ("acomp", "oprd", "attr")
        and lemma_of(ch) in UNATTAINED
        # "an attack is impossible to rule out": the infinitive is what cannot be done
        and not any(x.dep_ == "xcomp" for x in ch.children)
        for ch in cop.children
    )


def generic_kind(trig: Any) -> bool:
    """ "anyone who is arrested loses the licence", "whoever is charged can appeal", "any soldier
    who deserts": a clause on a generic antecedent names a kind of act that may happen, no act
    that did (`generic_antecedents`)."""
    if trig.pos_ not in ("VERB", "AUX"):
        return False
    if any(w in GENERIC for w in child_strings(trig, ("nsubj", "nsubjpass"))):
        return True  # "whoever is charged"
    if trig.dep_ != "relcl":
        return False
    head = trig.head
    return head.lower_ in GENERIC or any(c.dep_ == "det" and c.lower_ in GENERIC for c in head.children)


def not_taken(trig: Any) -> bool:
    """ "chose to negotiate instead of fighting", "withdrew rather than fight", "instead of
    imposing sanctions, ...": the act right after an alternative marker (`alternative_markers`)
    did not happen. Read from the words, not the parse, which hangs the act as a prepositional
    complement, a conjunct or an adverbial clause."""
    i = trig.i
    if i < 2:
        return False
    low = token_strings(trig.doc, "LOWER")  # (no Token for the two words)
    return (low[i - 2], low[i - 1]) in ALTERNATIVE


def denied_frame(trig: Any) -> bool:
    """ "This fight is not something Scooter agrees with", "it is not a deal we would accept",
    "there is nothing they agreed to": a relative clause whose antecedent is what a negated
    copula says something is (or "nothing") and is the clause's object, not its doer, names an act
    that is denied. The antecedent as the doer ("he is not the man who attacked the police") leaves
    the act done by someone, and stays as it is."""
    if trig.dep_ not in ("relcl", "acl:relcl"):
        return False
    noun = trig.head
    subjects = dep_children(trig, _SUBJECTS)
    if not subjects or any(s.tag_ in ("WP", "WDT") or s.i == noun.i for s in subjects):
        return False  # the antecedent (through "who"/"that") is the doer
    if noun.lower_ in ("nothing", "none"):
        return noun.dep_ in ("attr", "dobj")
    cop = noun.head
    return (
        noun.dep_ in ("attr", "acomp")
        and cop.lemma_ == "be"
        and any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in cop.children)
    )


def negative_inversion(trig: Any) -> bool:
    """ "At no time did the company agree", "Under no circumstances will the army attack": a
    fronted phrase whose object "no" determines, with the auxiliary put before the subject, denies
    the act. The inversion is what tells it from "In no time, the troops captured the town" (done,
    and quickly) and from "signed the deal with no conditions" (done). The parser hangs the phrase
    on the verb or on its fronted auxiliary."""
    subjects = [c.i for c in dep_children(trig, ("nsubj", "nsubjpass"))]
    if not subjects:
        return False
    subject = min(subjects)
    fronted = [c for c in dep_children(trig, ("aux", "auxpass")) if c.i < subject]
    for head in [trig, *fronted] if fronted else []:
        for prep in dep_children(head, ("prep",)):
            if prep.i < subject and any(
                any(d.lower_ == "no" for d in dep_children(o, ("det",))) for o in dep_children(prep, ("pobj",))
            ):
                return True
    return False


def _charged_act(trig: Any) -> str | None:
    """ "alleged" for the act a charge, an accusation or an arrest is about ("charged with
    conspiring to hack computers", "arrested for attacking a guard", "faces charges including
    conspiring to hack"), "owned" for the act of a
    conviction or a guilty plea ("convicted of kidnapping"; "pleaded not guilty to" alleges)."""
    t = trig
    for _ in range(4):
        if t.head.i == t.i:
            return None
        if t.dep_ in ("pcomp", "pobj"):
            prep = t.head
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "of", "for", "to", "including"):
                return None
            verb = prep.head.head if prep.head.dep_ == "acomp" else prep.head  # "pleaded guilty to"
            if lemma_of(verb) in lx.WORDS["alleging_verbs"]:
                return "alleged"
            if lemma_of(verb) in lx.WORDS["convicting_verbs"]:
                denied = any(ch.dep_ == "neg" for ch in verb.subtree if ch.i < prep.i)
                return "alleged" if denied else "owned"
            return None
        if t.dep_ not in ("xcomp", "conj", "acl"):  # "conspiring to hack", "conspiracy to hack"
            return None
        t = t.head
    return None


def foreseen(trig: Any) -> str | None:
    """ "Residents fear that the army will storm the town" (hypothetical), "analysts predict that
    the bank will cut rates", "growth is forecast to slow" (future): an act in the clause a verb
    of fearing or foreseeing governs (words.toml ``fear_verbs``, ``forecast_verbs``) is feared or
    foreseen, not reported; so is one in the that-clause of a noun of fearing ("for fear that he
    will only demand more"). The climb goes up through clauses and conjuncts (at most four steps)
    and stops at a reporting verb ("said it feared" is the fearing itself)."""
    t = trig
    for _ in range(4):
        if t.head.i == t.i or t.dep_ not in ("ccomp", "xcomp", "csubj", "conj", "acl"):
            return None
        if t.dep_ == "acl":
            # "for fear that he will only demand more", "worries that the army will storm the
            # town": the that-clause of a noun of fearing; any other noun's clause ends the climb
            head = t.head
            that = any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)
            # "fears that police had killed the suspect were confirmed" is told, not feared
            modal = any(a.dep_ == "aux" and a.tag_ == "MD" for a in t.children)
            feared = head.pos_ == "NOUN" and that and modal and lemma_of(head) in lx.WORDS["fear_verbs"]
            return "hypothetical" if feared else None
        if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ", "VBP") and t.head.tag_ != t.tag_:
            return None  # "forecast that the economy would rebound and praised ...": a clause of its own
        head = t.head
        lemma = lemma_of(head)
        if t.dep_ in ("ccomp", "xcomp"):
            if lemma in lx.WORDS["fear_verbs"]:
                return "hypothetical"
            if lemma in lx.WORDS["forecast_verbs"]:
                return "future"
            if lemma in lx.REPORTING:
                return None
        t = head
    return None


def _pending(trig: Any) -> bool:
    """ "reluctant to commit to a meeting until a deal is reached", "sanctions stay once the
    troops withdraw": a clause of "until" or "once" in the present tense names an act still to
    come, on which the main clause waits ("fought until the army withdrew" is told)."""
    marks = set(child_strings(trig, ("mark",)))
    if trig.dep_ != "advcl" or not marks & {"until", "till", "once"}:
        return False
    return trig.tag_ in ("VBZ", "VBP") or any(
        a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBZ", "VBP") for a in trig.children
    )


def _prospect(trig: Any) -> bool:
    """ "his fear of being extradited", "the risk of war": an act "of" a noun of what may come
    (`prospect_nouns`) has not happened."""
    if trig.dep_ not in ("pcomp", "pobj") or trig.head.lower_ != "of" or trig.head.head.i == trig.head.i:
        return False
    noun = trig.head.head
    return noun.pos_ == "NOUN" and noun.lower_ in lx.WORDS["prospect_nouns"]


def _planned(trig: Any) -> bool:
    """ "a plan to deport thousands", "the government's scheme to seize the farms": the act of a
    to-clause on a noun of what is planned (`plan_nouns`) is yet to come."""
    head = trig.head
    return (
        trig.dep_ == "acl"
        and head.i != trig.i
        and head.pos_ == "NOUN"
        and lemma_of(head) in lx.WORDS["plan_nouns"]
        and infinitive(trig)
    )


def _aim(trig: Any) -> bool:
    """ "stayed in session so that we can provide relief", "sent envoys in order to negotiate",
    "was focused on providing relief": the act of a purpose clause, or one an aim hangs on
    (`aim_heads`), is aimed at, not done."""
    head = trig.head
    if head.i == trig.i:
        return False
    marks = set(child_strings(trig, ("mark",)))
    modal = any(
        ch.dep_ == "aux" and ch.lower_ in ("can", "could", "may", "might", "will", "would") for ch in trig.children
    )
    if trig.dep_ == "advcl" and "so" in marks and ("that" in marks or modal):
        return True  # "so the rebels withdrew" is a result, no purpose
    if trig.dep_ == "acl" and head.lower_ == "order" and head.dep_ == "pobj" and head.head.lower_ == "in":
        return True
    return trig.dep_ == "pcomp" and head.lower_ == "on" and lemma_of(head.head) in lx.WORDS["aim_heads"]


def _since_clause(trig: Any) -> bool:
    """ "(has been tense) since Britain returned the territory", "(China is taking back the
    freedoms given) when the UK returned the territory": a past event that starts a state lasting
    until now, or a time named by a past event, under a present or present perfect clause (the
    nearest finite verb above) is anterior to it."""
    if trig.dep_ != "advcl" or trig.head.i == trig.i:
        return False
    past = trig.tag_ == "VBD" or (
        trig.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in trig.children)
    )
    if not past:
        return False
    if not any(
        (ch.dep_ == "mark" and ch.lower_ == "since") or (ch.dep_ in ("mark", "advmod") and ch.lower_ == "when")
        for ch in trig.children
    ):
        return False
    head = trig.head
    for _ in range(4):  # up to the finite verb ("the freedoms given ... when": "is taking")
        auxes = dep_children(head, _AUX)
        if head.tag_ in ("VBD", "VBP", "VBZ", "MD") or any(a.tag_ in ("VBD", "VBP", "VBZ", "MD") for a in auxes):
            break
        if head.head.i == head.i:
            return False
        head = head.head
    else:
        return False
    perfect = any(a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in auxes)
    present = head.tag_ in ("VBP", "VBZ") or any(a.tag_ in ("VBP", "VBZ") for a in auxes)
    return perfect or present


def _perfect_infinitive(trig: Any) -> bool:
    """ "the only two states to have signed peace treaties with Israel": a perfect infinitive
    naming who did something is anterior to the sentence's time. Not the complement of a verb
    ("appears to have killed five people" reports the news itself)."""
    if trig.dep_ in ("xcomp", "ccomp", "advcl", "conj"):
        return False
    auxes = dep_children(trig, _AUX)
    return any(a.tag_ == "TO" for a in auxes) and any(a.lemma_ == "have" and a.tag_ == "VB" for a in auxes)


def inverted_condition(tok: Any) -> bool:
    """ "should China not accede to his terms", "were the talks to fail", "had Iran refused": a
    clause below another whose auxiliary should / were / had comes before its subject is a
    condition (an "if" clause written without "if")."""
    if tok.dep_ == "ROOT" or tok.head.i == tok.i:
        return False
    auxes = [a for a in tok.children if a.dep_ in ("aux", "auxpass") and a.lower_ in ("should", "were", "had")]
    subj = dep_children(tok, {"nsubj", "nsubjpass"})
    return bool(auxes and subj) and auxes[0].i < subj[-1].i  # (a mis-parse may hang two subjects)


def _to_clause_of_condition(tok: Any) -> bool:
    """ "should the House vote to impeach the president": the act a condition's verb is about (its
    to-clause) is as conditional as the condition."""
    if tok.dep_ not in ("xcomp", "advcl") or tok.head.i == tok.i:
        return False
    if not infinitive(tok):
        return False
    return inverted_condition(tok.head)


def conditional(tok: Any) -> bool:
    t = tok
    for _ in range(4):
        if any(w in ("if", "unless", "whether") for w in child_strings(t, ("mark",))):
            return True
        if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _going_to(tok: Any) -> bool:
    h = tok.head
    return tok.dep_ == "xcomp" and lemma_of(h) == "go" and h.tag_ == "VBG"


def own_reported_intent(tok: Any) -> bool:
    """The trigger is the complement of a reporting verb and its subject is a pronoun for the
    speaker ("Israel announced it would free ...", "they said they will attack")."""
    head = tok.head
    if tok.dep_ != "ccomp" or lemma_of(head) not in lx.REPORTING:
        return False
    subj = dep_children(tok, {"nsubj", "nsubjpass"})
    return bool(subj) and subj[0].lower_ in ("it", "they", "we", "i", "he", "she") and bool(subject_of(head))


def _under_past_report(tok: Any) -> bool:
    t = tok
    for _ in range(5):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "xcomp", "conj", "advcl") and lemma_of(t.head) in lx.REPORTING:
            return t.head.tag_ in ("VBD", "VBN")
        t = t.head
    return False


def aux_lows(trig: Any, c: Candidate) -> set[str]:
    scope = [trig] + ([c.modality_from] if c.modality_from is not None else [])
    return {w.lower_ for t in scope for w in _aux_words(t)}
