"""Build ``agentive_nouns.txt``, ``group_nouns.txt``, ``animal_nouns.txt`` and ``act_nouns.txt``
(``src/dateline/data/events/``) from WordNet 3.0.

The event coder asks of a doer whether it names someone who can act (a person, a group, an
organisation) or a thing ("Ambient lighting offers 30 colours": no offer), and of a victim
whether it is an animal ("killed and ate a rabbit": no attack). The answer for a common noun no
other table knows comes from WordNet's noun hierarchy: a noun is agentive when one of its three
most frequent senses falls under ``person.n.01`` or ``social_group.n.01``, an animal when its
most frequent sense falls under ``animal.n.01``, an act when one of its two most frequent senses
is in the lexicographer file noun.act or noun.event ("the withdrawal allowed ...": someone
withdrew). Instances, i.e. proper names, are left out.
A social group noun, a subset of the agentive ones, is one whose first sense (of its three most
frequent) that falls under ``person.n.01`` or ``social_group.n.01`` is a social group
("coalition", "college"; not "counsel", "fence"): what a name in apposition to it is.
Single words only; lemmas in lower case.

Usage: python scripts/build_noun_lists.py WORDNET_DICT_DIR
(the directory holding ``data.noun`` and ``index.noun``, e.g. Debian's wordnet-base package:
/usr/share/wordnet). The output is reproducible: same WordNet, same file.
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "events"
#: output file -> (root synsets, how many of the most frequent senses are looked at, header,
#: rival root synsets: a noun is listed when the first of those senses that falls under a root or a
#: rival falls under a root; with no rivals, when any of them falls under a root)
LISTS = {
    "agentive_nouns.txt": (
        {"00007846", "07950920"},  # person.n.01, social_group.n.01
        3,
        """\
# Agentive nouns: common nouns that may name someone who can act (a person, a group, an
# organisation), one lemma a line. Read by dateline.events.lexicon (AGENTIVE_NOUNS); used by
# dateline.events.nonevents to tell a doer from a thing ("the mediators offered a plan": an
# offer; "ambient lighting offers 30 colours": none).
# Built by scripts/build_noun_lists.py from WordNet 3.0: a noun one of whose three most
# frequent senses falls under person.n.01 or social_group.n.01. Do not edit by hand; rebuild.
""",
        set(),
    ),
    "group_nouns.txt": (
        {"07950920"},  # social_group.n.01
        3,
        """\
# Group nouns: common nouns whose first person-or-group sense is a social group ("coalition",
# "college", "party"; not "counsel", "fence"), one lemma a line: the agentive nouns that name an
# organisation or a group rather than a person. Read by dateline.events.lexicon (GROUP_NOUNS);
# used by dateline.analyse.actors for a name in apposition ("Majority Forward, a political group").
# Built by scripts/build_noun_lists.py from WordNet 3.0: a noun the first of whose three most
# frequent senses that falls under person.n.01 or social_group.n.01 falls under social_group.n.01.
# Do not edit by hand; rebuild.
""",
        {"00007846"},  # person.n.01
    ),
    "animal_nouns.txt": (
        {"00015388"},  # animal.n.01
        1,
        """\
# Animal nouns: common nouns whose most frequent sense is an animal, one lemma a line. Read by
# dateline.events.lexicon (ANIMAL_NOUNS); an animal killed, shot or hunted is no attack ("a
# hunter who killed and ate a rabbit"; patterns.toml [[sense]] kill).
# Built by scripts/build_noun_lists.py from WordNet 3.0: a noun whose most frequent sense
# falls under animal.n.01. Do not edit by hand; rebuild.
""",
        set(),
    ),
    "act_nouns.txt": (
        {"lexfile:04", "lexfile:11"},  # noun.act, noun.event
        2,
        """\
# Act nouns: common nouns one of whose two most frequent senses is an act or an event, one lemma
# a line. Read by dateline.events.lexicon (ACT_NOUNS); a doer named by one stands for whoever did
# the act ("the withdrawal allowed refugees to return", "the deployment helped the rebels").
# Built by scripts/build_noun_lists.py from WordNet 3.0: a noun one of whose two most frequent
# senses is in the lexicographer file noun.act or noun.event. Do not edit by hand; rebuild.
""",
        set(),
    ),
}

LICENCE = """\
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS
# FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
# RIGHTS. The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to copyright in
# this software, database and any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
"""


def hypernyms(path: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Synset offset -> its hypernyms' offsets (``@`` pointers, no instance pointers), and synset
    offset -> its lexicographer file (two digits)."""
    out: dict[str, list[str]] = {}
    lexfile: dict[str, str] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split(" | ")[0].split()
        lexfile[parts[0]] = parts[1]
        n_words = int(parts[3], 16)
        k = 4 + 2 * n_words
        n_ptrs = int(parts[k])
        ptrs = [parts[k + 1 + 4 * i : k + 5 + 4 * i] for i in range(n_ptrs)]
        out[parts[0]] = [p[1] for p in ptrs if p[0] == "@" and p[2] == "n"]
    return out, lexfile


def main(wordnet: str) -> None:
    root = Path(wordnet)
    up, lexfile = hypernyms(root / "data.noun")
    index = []
    for line in (root / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        p = line.split()
        lemma, n = p[0], int(p[2])
        if "_" in lemma or "-" in lemma or not lemma.isalpha():
            continue
        index.append((lemma, p[-n:]))
    memos: dict[frozenset[str], dict[str, bool]] = {}

    def under(off: str, roots: frozenset[str]) -> bool:
        if off in roots or f"lexfile:{lexfile.get(off)}" in roots:
            return True
        memo = memos.setdefault(roots, {})
        if off not in memo:
            memo[off] = False
            memo[off] = any(under(h, roots) for h in up.get(off, []))
        return memo[off]

    for name, (roots, senses, header, rivals) in LISTS.items():
        own, either = frozenset(roots), frozenset(roots | rivals)
        words = sorted(
            lemma
            for lemma, offs in index
            if (first := next((off for off in offs[:senses] if under(off, either)), None)) is not None
            and under(first, own)
        )
        (DATA / name).write_text(header + LICENCE + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{len(words)} -> {DATA / name}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
