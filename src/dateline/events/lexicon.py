"""The event coder's knowledge, read from ``dateline/data/events/`` (the one loader).

Files (each says its format at its top):

* ``verbs.txt``, ``verb_object.txt``, ``noun_events.txt``: the PLOVER lexicon, one entry a line
  ``key  TYPE  mode  cameo``. Keys: ``lemma`` ("accuse"), ``lemma_particle`` ("call_for"),
  ``lemma+CLASS`` (a verb whose object is a noun of CLASS), ``lemma+noun``; event nouns by
  lemma or ``modifier~noun``.
* ``noun_classes.toml``: object nouns grouped into the classes the verb + object keys use.
* ``words.toml``: the coder's word lists (reporting verbs, governors, protest nouns, ...).
* ``codes.toml``: ASSAULT mode cues and the entries the coder's rules give (the PLOVER types
  and their quads are the contract's, ``dateline.article.PLOVER_QUADS``).
* ``agentive_nouns.txt``, ``group_nouns.txt``, ``animal_nouns.txt``, ``act_nouns.txt``: common
  nouns that may name someone who can act, those of them that name a group first, nouns of
  animals, nouns of acts (built from WordNet by
  ``scripts/build_noun_lists.py``).
* ``patterns.toml``: verb patterns beyond the tables (prepositions, subjects, complements, the
  passive) and the sense checks of verbs that are events in one sense only.

Written for PLOVER (Open Event Data Alliance, manual draft 0.8, 2021); the CAMEO codes follow
CAMEO 1.1b3 so that GDELT users get a familiar code. Every event record carries the entry that
fired in ``rule``, so a reader can find why an event was coded.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..article import MODALITIES  # noqa: F401  (re-exported: the contract's modalities)
from ..article import PLOVER_QUADS as PLOVER_TYPES  # type -> quad, defined once in the contract


def _read(name: str) -> str:
    return resources.files("dateline").joinpath("data", "events", name).read_text(encoding="utf-8")


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads(_read(name))


_CODES = _toml("codes.toml")


@dataclass(frozen=True)
class Entry:
    type: str
    mode: str | None
    cameo: str | None
    key: str

    @property
    def quad(self) -> int:
        return PLOVER_TYPES[self.type]


def parse_code(code: str, key: str) -> Entry:
    """An entry from its data form ``"TYPE mode cameo"`` (``-`` for none) and a rule key."""
    etype, mode, cameo = code.split()
    if etype not in PLOVER_TYPES:
        raise ValueError(f"event data: unknown PLOVER type {etype!r} in {code!r}")
    return Entry(etype, None if mode == "-" else mode, None if cameo == "-" else cameo, key)


def _table(name: str) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for line in _read(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, etype, mode, cameo = line.split()
        out[key] = parse_code(f"{etype} {mode} {cameo}", key)
    return out


def _mode_code(table: dict[str, str], etype: str | None) -> tuple[str | None, str | None]:
    code = table.get(etype or "", table.get("other")) if etype is not None else table.get("default")
    if code is None:
        return None, None
    mode, cameo = code.split()
    return (None if mode == "-" else mode), (None if cameo == "-" else cameo)


# -- the lexicon tables --------------------------------------------------------------------------
VERBS = _table("verbs.txt")
VERB_OBJECT = _table("verb_object.txt")
NOUN_EVENTS = _table("noun_events.txt")


def _noun_heads(keys: Iterable[str]) -> frozenset[str]:
    """The lemmas a noun must have for one of ``keys`` to be among its ``parse.noun_keys``: the
    key itself, what follows a ``~`` ("modifier~noun") or what comes before a ``~of~``."""
    out = set()
    for k in keys:
        out.add(k)
        out.update(k[i + 1 :] for i, ch in enumerate(k) if ch == "~")
        out.update(k[:i] for i in range(len(k)) if k.startswith("~of~", i))
    return frozenset(out)


NOUN_EVENT_HEADS = _noun_heads(NOUN_EVENTS)

#: object nouns -> class (a word in two classes belongs to the first listed)
NOUN_CLASSES: dict[str, str] = {}
for _cls, _words in _toml("noun_classes.toml").items():
    for _w in _words.split():
        NOUN_CLASSES.setdefault(_w, _cls)

# -- word lists ----------------------------------------------------------------------------------
WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _toml("words.toml").items()}
COOPERATIVE = WORDS["plover_cooperative"]
REPORTING = WORDS["reporting"]
FUTURE_GOVERNORS = WORDS["future_governors"]
HYPOTHETICAL_GOVERNORS = WORDS["hypothetical_governors"]
INTENT_GOVERNORS = WORDS["intent_governors"]
INTENT_NOUNS = WORDS["intent_nouns"]
TRAVEL = WORDS["travel"]
CARRIER_NOUNS = WORDS["carrier_nouns"]
PARTITIVE = WORDS["partitive"]
CHANGE_NOUNS = WORDS["change_nouns"]
LABOUR_STRIKE = WORDS["labour_strike"]
NEGATED_TO_REJECT = WORDS["negated_to_reject"]
PROTESTER_NOUNS = WORDS["protester_nouns"]
PROTEST_MOTION = WORDS["protest_motion"]
OCCUR = WORDS["occur"]
ANNOUNCE_NOUN = WORDS["announce_noun"]
DISASTER_NOUNS = WORDS["disaster_nouns"]
PEJORATIVE = WORDS["pejorative"]
LAUDATORY = WORDS["laudatory"]
AIRCRAFT_NOUNS = WORDS["aircraft_nouns"]
EXPLOSIVE_NOUNS = WORDS["explosive_nouns"]


def _lines(name: str) -> frozenset[str]:
    return frozenset(line.strip() for line in _read(name).splitlines() if line.strip() and not line.startswith("#"))


#: common nouns that may name someone who can act (WordNet persons and social groups), those of
#: them that name a group first (GROUP_NOUNS), nouns of
#: animals, and nouns of acts and events (built from WordNet by scripts/build_noun_lists.py);
#: word lists like the others
AGENTIVE_NOUNS = WORDS["agentive_nouns"] = _lines("agentive_nouns.txt")
GROUP_NOUNS = WORDS["group_nouns"] = _lines("group_nouns.txt")
ANIMAL_NOUNS = WORDS["animal_nouns"] = _lines("animal_nouns.txt")
ACT_NOUNS = WORDS["act_nouns"] = _lines("act_nouns.txt")

# -- codes ---------------------------------------------------------------------------------------
ASSAULT_MODE_CUES: dict[str, str] = dict(_CODES["assault_mode_cues"])
ASSAULT_MODE_CAMEO: dict[str, str] = dict(_CODES["assault_mode_cameo"])
INTENT_CAMEO: dict[str, str] = dict(_CODES["intent_cameo"])
_ENTRIES: dict[str, str] = dict(_CODES["entries"])


def entry(name: str, key: str) -> Entry:
    """A named entry of ``codes.toml`` [entries] with the rule key ``key``."""
    return parse_code(_ENTRIES[name], key)


def request_code(etype: str | None) -> tuple[str | None, str | None]:
    """Mode and CAMEO code of a request for an act of type ``etype`` (None: nothing named)."""
    return _mode_code(_CODES["request"], etype)


def reject_code(etype: str) -> tuple[str | None, str | None]:
    """Mode and CAMEO code of the rejection of an act of type ``etype``."""
    return _mode_code(_CODES["reject"], etype)


def threaten_code(etype: str) -> tuple[str | None, str | None]:
    """Mode and CAMEO code of a threat of an act of type ``etype`` (None, None: not listed)."""
    code = _CODES["threaten"].get(etype)
    return _mode_code({"x": code}, "x") if code else (None, None)


def commissive_threat_cameo(etype: str) -> str | None:
    """CAMEO code of a promise of an act of conflict of type ``etype`` ("vowed to attack")."""
    return _mode_code(_CODES["commissive_threat"], etype)[1]


# -- patterns ------------------------------------------------------------------------------------
_PATTERNS = _toml("patterns.toml")
PATTERNS: list[dict[str, Any]] = _PATTERNS.get("pattern", [])
SENSES: dict[str, list[dict[str, Any]]] = {}
for _s in _PATTERNS.get("sense", []):
    for _lemma in _s["lemmas"]:
        SENSES.setdefault(_lemma, []).append(_s)
for _p in PATTERNS:
    if "code" in _p:
        parse_code(_p["code"], "check")  # an unknown type fails at import, not mid-article


def _verb_heads() -> frozenset[str]:
    """The verb lemmas an entry can fire for: a ``verbs.txt`` key, what comes before a ``_``
    or ``+`` in a ``verbs.txt`` or ``verb_object.txt`` key ("call" of "call_for",
    "provide" of "provide+AID"), and the lemmas of the patterns."""
    out = set(VERBS)
    for k in [*VERBS, *VERB_OBJECT]:
        out.update(k[:i] for i, ch in enumerate(k) if ch in "_+")
    for p in PATTERNS:
        out.update(p["lemmas"])
    return frozenset(out)


VERB_HEADS = _verb_heads()

#: the modes each PLOVER type may take
MODES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _CODES["modes"].items()}


def default_cameo(etype: str, mode: str | None) -> str | None:
    """The CAMEO code of an event of ``etype`` and ``mode`` that no lexicon entry named."""
    table = _CODES["default_cameo"]
    return table.get(f"{etype}.{mode}") or table.get(etype)
