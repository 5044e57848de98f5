"""The analysis' per-doc caches and shortcuts answer exactly what the slow spaCy calls they
replace answer (benchmarks.bench_analysis measures the time; these check only the answers)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

TEXT = (
    "Troops from Chile crossed the border near Lima last week, the ministry said. "
    "Protesters gathered outside the parliament in Quito, and police used tear gas.\n\n"
    "The cessation of hostilities was announced in Geneva. The attack killed 12 people."
)


def test_doc_text_is_the_docs_text_and_ignores_a_wrong_hint(nlp):
    from dateline.nlp import doc_text

    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    assert doc_text(doc) is doc_text(doc)  # built once
    other = nlp(TEXT)
    assert doc_text(other, "too short") == TEXT  # a hint of another length is not taken
    third = nlp(TEXT)
    hint = str(TEXT)
    assert doc_text(third, hint) is hint


def test_pos_tags_are_each_tokens_pos(nlp):
    from dateline.nlp import pos_tags

    doc = nlp(TEXT)
    assert pos_tags(doc) == [t.pos_ for t in doc]
    assert pos_tags(nlp("")) == []


def test_spans_overlap_as_the_linear_test_does():
    from dateline.analyse.places import _overlaps, _Spans

    rng = random.Random(3)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randint(0, 60)
            spans.append((s, s + rng.randint(0, 12)))  # empty spans too
        index = _Spans(spans)
        for _ in range(20):
            s = rng.randint(0, 70)
            e = s + rng.randint(0, 15)
            assert index.overlaps(s, e) == _overlaps(spans, s, e), (spans, s, e)


def test_noun_event_heads_hold_every_head_a_key_can_be_matched_on():
    from dateline.events.lexicon import NOUN_EVENT_HEADS, NOUN_EVENTS, _noun_heads

    assert _noun_heads(["attack", "car~bomb", "cessation~of~hostility"]) == {
        "attack",
        "car~bomb",
        "bomb",
        "of~hostility",
        "hostility",
        "cessation",
        "cessation~of~hostility",
    }
    assert set(NOUN_EVENTS) <= NOUN_EVENT_HEADS


def test_lemma_of_and_lemma_counts_agree_with_the_tokens(nlp):
    from dateline.article import Article
    from dateline.events.parse import Context, lemma_of

    doc = nlp(TEXT)
    assert [lemma_of(t) for t in doc] == [t.lemma_.lower() for t in doc]
    assert [lemma_of(t) for t in doc] == [t.lemma_.lower() for t in doc]  # from the cache
    ctx = Context(Article(text=TEXT), doc)
    assert ctx.lemma_counts() == Counter(t.lemma_.lower() for t in doc)


def test_time_root_ids_are_the_roots_indices(nlp):
    from dateline.analyse import analyse_docs
    from dateline.article import Article
    from dateline.events.parse import Context

    doc = nlp(TEXT)
    art = analyse_docs(Article(text=TEXT), doc)
    ctx = Context(art, doc)
    assert ctx.time_root_ids == [t.i for t in ctx.time_roots]
    assert ctx.time_root_ids  # "last week"


def _first_items(rx):
    """The character-class items a match of ``rx`` can start with, from the parsed pattern
    (None: it may match the empty string, or opens with something this does not read)."""
    import re
    from re import _constants as C
    from re import _parser as P

    categories = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_SPACE: r"\s"}

    class Unknown(Exception):
        pass

    def sequence(ops, items) -> bool:  # True: it always consumes a character
        return any(one(op, av, items) for op, av in ops)

    def one(op, av, items) -> bool:
        if op is C.LITERAL:
            items.add(re.escape(chr(av)))
            return True
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    items.add(re.escape(chr(a)))
                elif o is C.RANGE:
                    items.add(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
                elif o is C.CATEGORY and a in categories:
                    items.add(categories[a])
                else:
                    raise Unknown
            return True
        if op is C.BRANCH:
            consumes = [sequence(list(alt), items) for alt in av[1]]  # (every alternative adds its items)
            return all(consumes)
        if op is C.SUBPATTERN:
            if av[1] or av[2]:
                raise Unknown
            return sequence(list(av[3]), items)
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return False
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            return sequence(list(av[2]), items) and av[0] > 0
        raise Unknown

    items: set[str] = set()
    try:
        return items if sequence(list(P.parse(rx.pattern, rx.flags)), items) else None
    except Unknown:
        return None


def test_quick_patterns_start_with_every_first_character_and_find_the_same_matches():
    import re

    from dateline.analyse import places, times  # noqa: F401  (they make their quick patterns)
    from dateline.analyse.quickrx import made, quick

    made_here = made()
    assert len(made_here) >= 18  # the times rules, units and holidays; the places cues
    text = (
        "Every Monday and twice a week, at 9 a.m. GMT on 3 March 2019, the day before Easter week, "
        "for the time being, currently, over the past three years, in the near term, a decade-long war, "
        "the year-ago quarter, later that day, 15:30 UTC, Tuesday nights, every 2 years, the Sheriff's "
        "Office, MPs, Rs. 5 crore, A$3, NSW, $4 on I-95."
    )
    for plain, fast, first in made_here:
        items = _first_items(plain)
        assert items is not None, plain.pattern
        # the class written beside the pattern is the one its parse gives (edit both together)
        assert first == "".join(sorted(items)), (plain.pattern[:60], "".join(sorted(items)))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert fast.groupindex == plain.groupindex
    assert _first_items(re.compile(r"\b(?:[Ee]very|each)\s+\d+")) == {"E", "e"}
    assert _first_items(re.compile(r"(?:the\s+)?\d+|[0-9a-c]x")) == {"t", r"\d", "0-9", "a-c"}
    assert _first_items(re.compile(r"x?")) is None  # may match the empty string
    assert _first_items(re.compile(r"[^a]b")) is None  # a negated class
    rx = quick(re.compile(r"\b(?:in|of) (?P<at>the day)\b"), "io")
    assert rx.search("later in the day").group("at") == "the day"


def test_parse_tree_is_each_tokens_dep_and_children(nlp):
    from dateline.events.parse import dep_children, is_passive, particle_of
    from dateline.nlp import parse_tree

    doc = nlp(TEXT + " The talks were called off by the rebels.")
    labels, children, start = parse_tree(doc)
    assert labels == [t.dep_ for t in doc]
    assert [children[start[t.i] : start[t.i + 1]] for t in doc] == [[c.i for c in t.children] for t in doc]
    assert parse_tree(nlp("")) == ([], [], [0])
    for t in doc:
        assert [c.i for c in dep_children(t, {"nsubj", "dobj", "prep"})] == [
            c.i for c in t.children if c.dep_ in ("nsubj", "dobj", "prep")
        ]
        assert is_passive(t) == any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)
        assert particle_of(t) == next((c.lower_ for c in t.children if c.dep_ == "prt"), None)
    assert any(is_passive(t) for t in doc) and any(particle_of(t) == "off" for t in doc)


def test_patterns_by_lemma_keep_the_files_order():
    from dateline.events import lexicon as lx
    from dateline.events.patterns import _BY_LEMMA

    for (phase, lemma), found in _BY_LEMMA.items():
        assert found == [p for p in lx.PATTERNS if p["phase"] == phase and lemma in p["lemmas"]]
    assert sum(len(v) for v in _BY_LEMMA.values()) >= len(lx.PATTERNS)


def test_indices_of_finds_every_token_with_the_words(nlp):
    from dateline.analyse.actors import indices_of, word_hashes

    doc = nlp(TEXT)
    for words in [("and", "&"), ("the", "police", "attack", "zzz"), ("nothing-here",)]:
        hashes = word_hashes(doc.vocab, words)
        assert indices_of(doc, "LOWER", hashes) == [t.i for t in doc if t.lower_ in words]
        assert indices_of(doc, "LEMMA", hashes) == [t.i for t in doc if t.lemma_ in words]
    assert indices_of(nlp(""), "LOWER", word_hashes(doc.vocab, ("and",))) == []
    assert indices_of(doc, "LOWER", frozenset()) == []


def test_quick_place_cues_count_as_the_plain_ones():
    from dateline.analyse.places import _CUES, _QUICK_CUES

    text = "The Sheriff's Office and the NHS; MPs met in B.C. for Rs. 5 crore, A$3 and $4 on I-95 (D-Texas)."
    assert len(_QUICK_CUES) == len(_CUES)
    for cue, quick_rx in zip(_CUES, _QUICK_CUES):
        assert quick_rx.findall(text) == cue[1].findall(text)
    assert sum(len(q.findall(text)) for q in _QUICK_CUES) >= 8


def test_verb_heads_hold_every_lemma_an_entry_or_pattern_can_fire_for():
    from dateline.events import lexicon as lx

    for key in [*lx.VERBS, *lx.VERB_OBJECT]:
        head = key
        for sep in "+_":
            head = head.split(sep)[0]
        assert head in lx.VERB_HEADS, key
    assert all(lemma in lx.VERB_HEADS for p in lx.PATTERNS for lemma in p["lemmas"])
    assert "say" not in lx.VERBS or "say" in lx.VERB_HEADS


def test_match_verb_skips_only_verbs_no_entry_is_for(nlp):
    from dateline.analyse import analyse_docs
    from dateline.article import Article
    from dateline.events import lexicon as lx
    from dateline.events.candidates import match_verb
    from dateline.events.parse import Context, verb_lemma

    text = "Rebels attacked the town and police arrested 12 people. The minister sang and danced."
    doc = nlp(text)
    ctx = Context(analyse_docs(Article(text=text), doc), doc)
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX")]
    assert any(match_verb(t, ctx) for t in verbs if verb_lemma(t) in lx.VERB_HEADS)
    assert all(match_verb(t, ctx) is None for t in verbs if verb_lemma(t) not in lx.VERB_HEADS)
    assert any(verb_lemma(t) not in lx.VERB_HEADS for t in verbs)  # "sang", "danced"


def test_story_word_tests_read_the_whole_doc(nlp):
    from dateline.article import Article
    from dateline.events.candidates import _story_names_protesters
    from dateline.events.model import DISASTERS, _story_names
    from dateline.events.parse import Context

    for text, protest, disaster in [
        (TEXT, True, False),
        ("The earthquake destroyed Tonban. Officials met on Monday.", False, True),
        ("Demonstrators marched in Lima.", True, False),
    ]:
        doc = nlp(text)
        ctx = Context(Article(text=text), doc)
        assert ctx.lower_forms() == {t.lower_ for t in doc}
        assert _story_names_protesters(ctx) is protest
        assert _story_names(ctx, "disasters", DISASTERS) is disaster


def test_in_dateline_finds_each_lines_start_as_the_walk_back_did(nlp):
    from dateline.events.roles import in_dateline

    def walked(tok) -> bool:  # the line start found by walking back token by token, as before
        doc = tok.doc
        s = tok.i
        while s > 0 and "\n" not in doc[s - 1].whitespace_ + doc[s - 1].text:
            s -= 1
        return s

    text = (
        "BERLIN -- A court in Bavaria has convicted a man.\n\nMOGADISHU, Somalia -- An airstrike killed "
        "12 fighters, officials said.\n  ADDIS ABABA, May 15 (Xinhua) -- Talks resumed.\nNo dateline here."
    )
    doc = nlp(text)
    from dateline.events.roles import _line_breaks

    breaks = _line_breaks(doc)
    for t in doc:
        k = sum(1 for b in breaks if b < t.i)
        assert (breaks[k - 1] + 1 if k else 0) == walked(t)
    assert {"BERLIN", "MOGADISHU", "Somalia"} <= {t.text for t in doc if in_dateline(t)}
    assert not any(in_dateline(t) for t in doc if t.text in ("court", "Talks", "No"))


def test_context_tokens_are_the_expanded_char_spans_tokens(nlp):
    from dateline.article import Article
    from dateline.events.parse import Context

    rng = random.Random(5)
    for text in [TEXT, "  Two  spaces   here.\n\nA line\r\nafter a tab\tthere. ", "x"]:
        doc = nlp(text)
        ctx = Context(Article(text=text), doc)
        for _ in range(600):
            s = rng.randint(-2, len(text) + 2)
            e = rng.randint(s + 1, len(text) + 3)
            span = doc.char_span(s, e, alignment_mode="expand")
            assert ctx.tokens(s, e) == ([t.i for t in span] if span is not None else []), (text, s, e)
        assert ctx.tokens(0, len(text)) == list(range(len(doc)))


def test_title_alpha_flags_are_each_tokens(nlp):
    from dateline.analyse.actors import _title_alpha

    doc = nlp(TEXT + " NATO's U.S.-led Coalition, 3rd Army.")
    assert _title_alpha(doc) == ([t.is_title for t in doc], [t.is_alpha for t in doc])
    assert _title_alpha(nlp("")) == ([], [])


def test_quoted_spans_are_found_once_per_sentence(nlp):
    from dateline.events.nonevents import _find_quoted_spans, _quoted_spans

    doc = nlp('"Free the prisoners," the crowd chanted. He said "no" and "yes". An odd " mark.')
    for sent in doc.sents:
        assert _quoted_spans(sent) == _find_quoted_spans(sent)
        assert _quoted_spans(sent) is _quoted_spans(sent)  # from the cache
    assert [bool(_quoted_spans(s)) for s in doc.sents] == [True, True, False]


def test_modality_given_the_clause_answers_as_when_it_reads_the_clause_itself(nlp):
    from dateline.analyse import analyse_docs
    from dateline.article import Article, Published
    from dateline.events.candidates import find_candidates
    from dateline.events.modality import clause_modality, modality
    from dateline.events.parse import Context

    text = (
        "Rebels attacked the town on Monday. Police will arrest the leaders. If they attack, we respond. "
        "The army had shelled the village in 1990. Did Iran retaliate? The ministry may sanction them."
    )
    doc = nlp(text)
    art = analyse_docs(Article(text=text, published=Published(date="2024-05-10", source="metadata")), doc)
    ctx = Context(art, doc)
    seen = set()
    for sent in doc.sents:
        for c in find_candidates(sent, ctx):
            clause = clause_modality(c, ctx)
            for value, from_text in [(None, False), ("2024-05-06", True), ("1990", True), ("2025", True)]:
                got = modality(c, value, from_text, ctx, clause)
                assert got == modality(c, value, from_text, ctx)
                seen.add(got)
    assert {"asserted", "future", "hypothetical", "historical"} <= seen


def test_sent_bounds_are_the_roots_subtree(nlp):
    from dateline.events.parse import sent_bounds

    doc = nlp(TEXT + " Police said the talks, which began on Monday, had failed.")
    for _ in range(2):  # walked, then from the cache
        for t in doc:
            root = t
            while root.head.i != root.i:
                root = root.head
            assert sent_bounds(t) == (root.left_edge.i, root.right_edge.i + 1)


def test_political_share_counts_sentences_as_doc_sents_does(nlp):
    from dateline.analyse import analyse_docs
    from dateline.article import Article
    from dateline.events.parse import Context
    from dateline.events.sense import POLITICAL_SECTORS, political_share

    text = " ".join(
        [
            "The band played in Lima on Friday.",
            "Chile sent troops to the border.",
            "Fans sang along.",
            "The ministry said the talks failed.",
            "Tickets sold out in an hour.",
            "The singer thanked the crowd.",
            "Peru protested to Chile.",
            "The tour goes on to Quito.",
            "It ends in May.",
        ]
    )
    doc = nlp(text)
    ctx = Context(analyse_docs(Article(text=text), doc), doc)
    sents = list(doc.sents)
    political = {
        doc[i].sent.start
        for i, aid in ctx.tok_actor.items()
        if ctx.actor_kind.get(aid) == "country" or ctx.actor_sector.get(aid) in POLITICAL_SECTORS
    }
    assert len(sents) >= 8 and political
    assert political_share(ctx) == len(political) / len(sents)
    short = nlp("Chile sent troops.")
    assert political_share(Context(analyse_docs(Article(text=short.text), short), short)) is None


def test_heads_are_each_tokens_head(nlp):
    from dateline.nlp import heads_of, parse_tree

    doc = nlp(TEXT)
    assert heads_of(doc) == [t.head.i for t in doc]
    assert heads_of(nlp("")) == []
    # kept for the last doc only: another doc in between, then the first again, answer as the tokens do
    other = nlp("Peru protested on Monday.")
    assert heads_of(other) == [t.head.i for t in other] != heads_of(doc)[: len(other)]
    assert heads_of(doc) == [t.head.i for t in doc]
    # the same doc retokenized (another length) is read again, not answered from the cache
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert heads_of(doc) == [t.head.i for t in doc]
    assert parse_tree(doc)[0] == [t.dep_ for t in doc]


def test_verb_lemma_is_worked_out_once_per_form(nlp):
    from dateline.events.parse import _VERB_LEMMAS, _verb_lemma, verb_lemma

    doc = nlp("Rebels retook the town and staged a protest; troops overran it, shelling and shelled it.")
    first = [verb_lemma(t) for t in doc]
    assert first == [_verb_lemma(t) for t in doc] == [verb_lemma(t) for t in doc]
    assert all((t.lemma, t.lower, t.pos) in _VERB_LEMMAS for t in doc)


def test_sent_at_is_each_tokens_sent(nlp):
    from dateline.nlp import sent_at, sent_of

    doc = nlp(TEXT + ' "Leave now," the commander told residents. Talks? None.')
    for t in doc:
        s = sent_of(t)
        assert (s.start, s.end) == (t.sent.start, t.sent.end)
        assert sent_at(doc, t.i) is s  # one Span per sentence, built once
    other = nlp("Chile sent troops. Peru protested.")
    assert [(sent_of(t).start, sent_of(t).end) for t in other] == [(t.sent.start, t.sent.end) for t in other]


def test_the_linker_scores_the_pairs_it_does_not_write_as_their_strings_would(nlp):
    # place._score reads the CROSSED pairs from a nested table: the same weights, summed in the
    # same order, as over place_features' full list (pair strings included)
    import math
    from itertools import repeat

    from dateline import extract
    from dateline.events.parse import Context
    from dateline.events.place import _model, _pair_weights, _score, linker_candidates, place_features

    w = _model()["weights"]
    text = (
        "Border guards killed a young man in Kobane on Monday, and police in Karachi arrested two "
        "suspects after talks in Geneva. Troops from Chile crossed the border near Lima last week."
    )
    a = extract(text=text)
    doc = nlp(a.text)
    ctx = Context(a, doc)
    scored = 0
    for trig in doc:
        if trig.pos_ != "VERB":
            continue
        ks = linker_candidates(trig, ctx)
        for n, k in enumerate(ks):
            toks, place = ctx.places[k]
            args = (trig, ctx.place_roots[k], toks, place, len(ks), n == 0, ctx)
            full = place_features(*args)
            z = sum(map(w.get, full, repeat(0.0)))
            assert _score(place_features(*args, pairs=False)) == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            scored += 1
    assert scored >= 4
    table = _pair_weights({"a&b": 1.0, "x&y&z": 2.0, "c": 3.0})
    assert table == {"a": {"b": 1.0}, "x": {"y&z": 2.0}, "x&y": {"z": 2.0}}


def test_token_starts_and_char_token_answer_as_the_tokens_do(nlp):
    from dateline.nlp import char_token, token_starts

    doc = nlp(TEXT)
    assert token_starts(doc) == [t.idx for t in doc]
    for char in range(len(TEXT) + 3):
        expected = max([t.i for t in doc if t.idx <= char], default=0)
        assert char_token(doc, char) == expected
    assert token_starts(nlp("")) == []


def test_fixed_hashes_are_the_words_hashes_worked_out_once(nlp):
    from dateline.analyse import lexicon as L
    from dateline.analyse.actors import _agent_hashes, fixed_hashes, indices_of, word_hashes

    doc = nlp(TEXT)
    built = []

    def words() -> list[str]:
        built.append(1)
        return ["police", "army", "police"]

    first = fixed_hashes(doc.vocab, "test words", words)
    assert first == word_hashes(doc.vocab, ("army", "police")) == {doc.vocab.strings[w] for w in ("police", "army")}
    assert fixed_hashes(doc.vocab, "test words", words) is first and built == [1]  # the list is built once
    # the agent nouns' last words, as tokens: "army command"'s "command", "asylum-seeker"'s "seeker"
    # (neither is an agent noun alone), "reporter"; not "table"
    assert "command" not in L.agent_nouns() and "seeker" not in L.agent_nouns()
    doc = nlp("An asylum-seeker met the army command and a reporter at the table.")
    found = {doc[i].text for i in indices_of(doc, "LOWER", _agent_hashes(doc))}
    assert {"seeker", "command", "reporter", "army"} <= found
    assert found.isdisjoint({"asylum", "met", "table", "An"})


def test_resolve_keeps_its_answers_by_expression_anchor_tense_and_fallback():
    from datetime import date, datetime

    from dateline import timex
    from dateline.timex import _resolve_with, resolve

    cases = [
        ("last Tuesday", "2024-03-14", "past", True),
        ("last Tuesday", "2024-03-21", "past", True),  # another anchor: another day
        ("next month", "2024-03-14", "future", True),
        ("March 3 2019", "2024-03-14", None, False),
        ("the bank", "2024-03-14", None, True),  # no expression: None is kept too
    ]
    for expr, anchor, tense, fallback in cases:
        first = resolve(expr, anchor, tense, fallback=fallback)
        assert first == _resolve_with(expr, timex.parse_anchor(anchor), tense, fallback)
        assert resolve(expr, anchor, tense, fallback=fallback) is first  # answered from the memo
    assert resolve("last Tuesday", "2024-03-14", "past").value != resolve("last Tuesday", "2024-03-21", "past").value
    # an anchor given as a date, a datetime or a string is one key
    assert (
        resolve("yesterday", date(2024, 3, 14))
        is resolve("yesterday", datetime(2024, 3, 14, 9))
        is resolve("yesterday", "2024-03-14")
    )
    # without an anchor, an answer of dateparser's last resort is read off today's date: not kept;
    # one of the resolver's own patterns is ("March 3" with no year and no anchor: no value)
    timex._RESOLVED.clear()
    resolve("the third of March", None, None)
    assert not timex._RESOLVED
    assert resolve("March 3", None, None) is resolve("March 3", None, None)
    assert resolve("the third of March", None, None, fallback=False) is None
    assert len(timex._RESOLVED) == 2


PARSE_TEXT = (
    "The town was shelled by the army, and the rebels were driven out. "
    "Iran, Iraq and Syria signed the deal that the ministers had negotiated. "
    "Police said they arrested two men and a woman."
)


def test_is_passive_conjuncts_and_depth_of_answer_as_the_tokens_do(nlp):
    from dateline.events.parse import conjuncts, depth_cache, depth_of, is_passive
    from dateline.nlp import doc_cache

    def walk_conjuncts(t):
        out = [t]
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.extend(walk_conjuncts(c))
        return out

    def walk_depth(t):
        d = 0
        while t.head.i != t.i:
            t, d = t.head, d + 1
        return d

    doc = nlp(PARSE_TEXT)
    assert [is_passive(t) for t in doc] == [any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) for t in doc]
    assert any(is_passive(t) for t in doc)  # the text has passives
    assert "parse.passive" in doc_cache(doc)  # the passive verbs are found once per doc
    assert [[x.i for x in conjuncts(t)] for t in doc] == [[x.i for x in walk_conjuncts(t)] for t in doc]
    assert any(len(conjuncts(t)) == 3 for t in doc)  # "Iran, Iraq and Syria"
    assert [depth_of(t) for t in doc] == [walk_depth(t) for t in doc]
    with depth_cache(doc):
        assert [depth_of(t) for t in doc] == [walk_depth(t) for t in doc]
        assert [depth_of(t) for t in doc] == [walk_depth(t) for t in doc]  # from the block's cache


def test_subjects_objects_and_noun_classes_are_kept_only_inside_the_coding_block(nlp):
    from dateline.events.parse import coding_memo, depth_cache, noun_class
    from dateline.events.roles import objects_of, subject_of

    doc = nlp(PARSE_TEXT)
    verbs = [t for t in doc if t.pos_ == "VERB"]
    nouns = [t for t in doc if t.pos_ == "NOUN"]
    subjects = [[x.i for x in subject_of(v)] for v in verbs]
    objects = [[x.i for x in objects_of(v)] for v in verbs]
    classes = [noun_class(n) for n in nouns]
    assert any(subjects) and any(objects)
    assert coding_memo(doc, "subject_of") is None  # outside the block nothing is kept
    with depth_cache(doc):
        for v, subj, objs in zip(verbs, subjects, objects):
            first = subject_of(v)
            assert [x.i for x in first] == subj
            first.append(v)  # a caller's list is its own: the kept answer is not changed
            assert [x.i for x in subject_of(v)] == subj
            got = objects_of(v)
            assert [x.i for x in got] == objs
            got.clear()
            assert [x.i for x in objects_of(v)] == objs
        assert set(coding_memo(doc, "subject_of")) == {v.i for v in verbs}
        assert set(coding_memo(doc, "objects_of")) == {v.i for v in verbs}
        assert [noun_class(n) for n in nouns] == classes
        assert set(coding_memo(doc, "noun_class")) == {n.i for n in nouns}
    assert coding_memo(doc, "subject_of") is None  # dropped with the block
    assert "_dateline_coding_memos" not in doc.user_data


def test_np_actor_ids_are_worked_out_once_per_token_and_article(nlp):
    from dateline.analyse import analyse_docs
    from dateline.article import Article
    from dateline.events.parse import Context
    from dateline.events.roles import np_actor_ids

    text = "President Ana Souza met Prime Minister Lars Eklund in Lisbon on Tuesday."
    doc = nlp(text)
    ctx = Context(analyse_docs(Article(text=text), doc), doc)
    nouns = [t for t in doc if t.pos_ == "PROPN"]
    first = [np_actor_ids(t, ctx) for t in nouns]
    assert any(first)
    for ids in first:
        ids.append("someone else")  # the caller's list is its own
    assert [np_actor_ids(t, ctx) for t in nouns] == [[a for a in ids if a != "someone else"] for ids in first]
    assert set(ctx.memo["np_actor_ids"]) == {t.i for t in nouns}


def test_quote_marks_are_the_docs_quote_tokens_found_once(nlp):
    from dateline.events.nonevents import _QUOTES, _quote_marks
    from dateline.nlp import doc_cache

    doc = nlp(
        '"Free the prisoners," the crowd chanted. The army\'s chief said "no" and \u201cyes\u201d. An odd " mark.'
    )
    walk = [t.i for t in doc if t.text in _QUOTES and t.tag_ != "POS" and t.pos_ == "PUNCT"]
    assert len(walk) >= 6
    assert _quote_marks(doc) == walk
    assert _quote_marks(doc) is doc_cache(doc)["nonevents.quote_marks"]  # read once per doc
    assert _quote_marks(nlp("")) == []


def test_addressed_reads_you_only_where_the_article_has_it(nlp):
    # an article with no "you" in it: only the imperative test is left to run, and still runs
    from dateline.analyse import analyse_docs
    from dateline.article import Article
    from dateline.events.lexicon import Entry
    from dateline.events.nonevents import _addressed
    from dateline.events.parse import Candidate, Context

    def check(text, word):
        doc = nlp(text)
        ctx = Context(analyse_docs(Article(text=text), doc), doc)
        tok = next(t for t in doc if t.text == word)
        return _addressed(Candidate(tok, Entry("CONSULT", None, "040", "meet")), ctx)

    assert check("Meet your hosts in a public space.", "Meet") == "advice to the reader"
    assert check("The minister met the hosts in a public space.", "met") is None
    assert check("Our team will help you find a home.", "help") == "offered to the reader"
    assert check("You can meet the locals. The minister met the hosts.", "met") is None


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Protesters stormed the parliament building in the capital on Monday.", ("PROTEST", "riot")),
        ("Demonstrators demanded the resignation of the interior minister.", ("PROTEST", "demo")),
        ("Protesters met the mayor on Tuesday to discuss their demands.", ("CONSULT", None)),  # no type retyped
    ],
)
def test_protesters_subjects_are_read_only_for_the_types_they_retype(nlp, text, reading):
    from dateline.analyse import analyse_docs
    from dateline.article import Article

    art = analyse_docs(Article(text=text), nlp(text))
    assert [(e.type, e.mode) for e in art.events][:1] == [reading]


def test_span_head_is_the_first_token_whose_head_lies_outside(nlp):
    from dateline.analyse.coref import _span_head

    def walk(doc, i0, i1):
        for t in doc[i0 : i1 + 1]:
            if t.head.i < i0 or t.head.i > i1 or t.head.i == t.i:
                return t.i
        return i1

    doc = nlp(TEXT + " Prime Minister Lars Eklund of Sweden met President Ana Souza.")
    n = len(doc)
    for i0 in range(n):
        for i1 in range(i0, min(n, i0 + 6)):
            assert _span_head(doc, i0, i1) == walk(doc, i0, i1), (i0, i1)


def test_modality_reads_the_same_children_as_the_token_walk(nlp):
    from dateline.events.modality import FUTURE_MODALS, _aux_words, tense_of

    def walk_tense(trigger):  # the walk over Token.children the cached reading replaces
        for t in [trigger] + [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]:
            if t.tag_ in ("VBD", "VBN"):
                return "past"
            if t.lower_ in FUTURE_MODALS:
                return "future"
        return "present" if trigger.tag_ in ("VBZ", "VBP", "VBG") else "past"

    doc = nlp(PARSE_TEXT + " He said the army will not attack if it is warned. Officials say the talks continue.")
    for t in doc:
        assert [x.i for x in _aux_words(t)] == [
            c.i for c in t.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark")
        ]
        assert tense_of(t, "asserted") == walk_tense(t), t.text
    assert {tense_of(t, "asserted") for t in doc if t.pos_ == "VERB"} == {"past", "present", "future"}


def test_token_strings_are_each_tokens_strings(nlp):
    from dateline.nlp import token_strings

    doc = nlp("Ségolène Royal’s aides met in Saint-Étienne on Friday; “We’ll see,” said ÖVP’s leader.")
    assert token_strings(doc, "LOWER") == [t.lower_ for t in doc]
    assert token_strings(doc, "ORTH") == [t.text for t in doc]
    assert token_strings(doc, "TAG") == [t.tag_ for t in doc]
    assert token_strings(doc, "LOWER") is token_strings(doc, "LOWER")  # read once per doc
    with doc.retokenize() as retokenizer:  # another length: read anew
        retokenizer.merge(doc[0:2])
    assert token_strings(doc, "ORTH") == [t.text for t in doc]
    assert token_strings(nlp(""), "LOWER") == []


def test_event_model_softmax_is_the_plain_formula():
    import numpy as np

    from dateline.events.model import EventModel

    rng = np.random.default_rng(3)
    for rows in (1, 2, 7):
        z = rng.normal(0, 4, size=(rows, 17)).astype(np.float32)
        shifted = z - z.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        assert np.array_equal(EventModel._softmax(z), e / e.sum(axis=1, keepdims=True))


def test_a_shipped_model_is_read_once_and_still_follows_its_switch(monkeypatch):
    from dateline.events import model

    monkeypatch.delenv("DATELINE_EVENT_MODEL", raising=False)
    first = model.load()
    assert model.load() is first
    monkeypatch.setenv("DATELINE_EVENT_MODEL", "0")
    assert model.load() is None
    monkeypatch.delenv("DATELINE_EVENT_MODEL")
    assert model.load() is first


def test_unlabelled_subject_and_person_scans_find_what_the_token_walk_finds(nlp):
    from dateline.analyse.actors import _unlabelled_persons, _unlabelled_subjects, corrected_entities

    def names(found):
        return [(e.text, e.label) for e in found]

    doc = nlp("In Colombia, the ELN declared a ceasefire. ICE in Denver deported two men on Tuesday.")
    assert ("ELN", "ORG") in names(_unlabelled_subjects(doc, [], set()))
    assert ("ICE", "ORG") in names(_unlabelled_subjects(doc, [], set()))
    doc = nlp("Julian Assange spoke on Monday. Later Assange, who denies the charges, left the embassy.")
    found = names(corrected_entities(doc))
    assert found.count(("Assange", "PERSON")) + found.count(("Julian Assange", "PERSON")) >= 2
    assert names(_unlabelled_persons(doc, [], set())) == []  # no person named in full among no entities


def test_child_strings_are_the_childrens_strings(nlp):
    from dateline.events.parse import child_strings

    doc = nlp(TEXT + " If they had agreed, whether or not the talks resumed, a long-term truce would hold.")
    for t in doc:
        for deps in (("mark",), ("aux", "auxpass"), ("nsubj", "nsubjpass"), ("punct",)):
            assert child_strings(t, deps) == [c.lower_ for c in t.children if c.dep_ in deps]
            assert child_strings(t, deps, "TAG") == [c.tag_ for c in t.children if c.dep_ in deps]
            assert child_strings(t, deps, "LEMMA") == [c.lemma_ for c in t.children if c.dep_ in deps]


def test_linker_paths_are_the_head_walks(nlp):
    from dateline.events.place import _path

    def walk(a, b):
        up_a = [a]
        while up_a[-1].head.i != up_a[-1].i:
            up_a.append(up_a[-1].head)
        seen = {t.i: k for k, t in enumerate(up_a)}
        up_b = [b]
        while up_b[-1].i not in seen and up_b[-1].head.i != up_b[-1].i:
            up_b.append(up_b[-1].head)
        if up_b[-1].i not in seen:
            return up_a, up_b
        return up_a[: seen[up_b[-1].i] + 1], up_b

    doc = nlp(TEXT)
    for a in doc:
        for b in doc:
            got, want = _path(a, b), walk(a, b)
            assert [[t.i for t in side] for side in got] == [[t.i for t in side] for side in want]
            assert got[0][0] is a and got[1][0] is b


def test_acted_on_place_walks_as_the_token_walk_does(nlp):
    from types import SimpleNamespace

    from dateline.events.lexicon import Entry
    from dateline.events.parse import Candidate, depth_of
    from dateline.events.roles import _NOT_ACTED_ON, acted_on_place

    def walk(toks, c, doc, strict):
        trig = c.trigger
        top = trig
        while top.dep_ in ("dobj", "obj", "pobj", "prep") and top.head.i != top.i and top.pos_ not in ("VERB", "AUX"):
            top = top.head
        u = min((doc[i] for i in toks), key=depth_of)
        keyed = c.obj.i if c.obj is not None else None
        while u.i != trig.i and (u.i != top.i or top.pos_ not in ("VERB", "AUX")):
            if u.i == keyed and u.head.i == trig.i:
                return True
            if u.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass") or (strict and u.dep_ in _NOT_ACTED_ON):
                return False
            if u.head.i == u.i:
                return not strict
            u = u.head
        return True

    doc = nlp(TEXT + " The army imposed blockades in Lahore after rebels in Aleppo agreed to a ceasefire in Homs.")
    ctx = SimpleNamespace(doc=doc)
    entry = Entry("COERCE", None, None, "test")
    for trig in doc:
        for obj in (None, *[t for t in trig.children if t.dep_ in ("dobj", "pobj")]):
            c = Candidate(trig, entry, obj=obj)
            for k in range(len(doc)):
                for toks in ([k], [k, min(k + 1, len(doc) - 1)]):
                    for strict in (True, False):
                        assert acted_on_place(toks, c, ctx, strict) == walk(toks, c, doc, strict)


def test_subtree_of_is_each_tokens_subtree_in_order(nlp):
    from dateline.nlp import subtree_of

    for text in (TEXT, "Which rebels did the army, which had shelled the town, say it would release?"):
        doc = nlp(text)
        for t in doc:
            assert subtree_of(doc, t.i) == [x.i for x in t.subtree]


def test_linker_scenes_are_the_head_walks(nlp):
    from dateline.events.place import _OTHER_SCENE_MARKS, _OTHER_SCENE_PREPS, _scenes

    def walk(tok):
        out, t = [], tok
        while True:
            concession = t.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _OTHER_SCENE_MARKS for m in t.children
            )
            if concession or t.dep_ == "relcl" or (t.dep_ == "prep" and t.lower_ in _OTHER_SCENE_PREPS):
                out.append(t.i)
            if t.head.i == t.i:
                return frozenset(out)
            t = t.head

    doc = nlp(
        "Although the company, which has plants in Mexico, agreed, troops despite the rain "
        "attacked the town if the rebels stayed in Homs."
    )
    for t in doc:
        assert _scenes(t) == walk(t)


def test_capitalised_common_noun_finds_the_one_token_char_span_finds(nlp):
    from dateline.analyse.places import ALIAS, NAME, Mention, _capitalised_common_noun
    from dateline.gazetteer import get_gazetteer

    gaz = get_gazetteer()

    def old(doc, m):
        if " " in m.text or "-" in m.text:
            return False
        span = doc.char_span(m.start, m.end)
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        if not tok.is_sent_start or tok.pos_ != "NOUN":
            return False
        return not any(k in (NAME, ALIAS) for _, k in gaz.lookup(m.text))

    text = "Gunmen attacked Kandahar's main market. Militants fled.  Police said nothing. Ex-soldiers left"
    doc = nlp(text)
    for s in range(len(text) + 1):
        for e in range(s + 1, min(len(text), s + 12) + 1):
            m = Mention(text[s:e], s, e, "GPE")
            assert _capitalised_common_noun(doc, m, gaz) == old(doc, m), (s, e)


def test_unlabelled_countries_cut_the_runs_the_spans_cut(nlp):
    from dateline.analyse import lexicon as L
    from dateline.analyse.actors import _NAME_LIKE_COUNTRIES, _title_alpha, _unlabelled_countries

    def old(doc, taken, headline):
        out, i, n = [], 0, len(doc)
        title = _title_alpha(doc)[0]
        while i < n:
            if i in taken or i in headline or doc[i].pos_ != "PROPN" or not title[i]:
                i += 1
                continue
            if i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper) and doc[i - 1].pos_ == "PROPN":
                i += 1
                continue
            for j in range(min(n, i + 4), i, -1):
                toks = doc[i:j]
                if any(k in taken for k in range(i, j)) or (j < n and doc[j].pos_ == "PROPN" and doc[j].is_title):
                    continue
                if toks.text.lower() not in _NAME_LIKE_COUNTRIES and L.country_of_name(toks.text):
                    out.append((toks[0].idx, toks[-1].idx + len(toks[-1]), i, j, toks.text))
                    i = j - 1
                    break
            i += 1
        return out

    doc = nlp(
        "Nigeria withdrew a contingent of 300 peacekeepers. South Sudan and Sierra Leone agreed, "
        "the New York Times said. Papua New Guinea  Police and UN officials met in Costa Rica."
    )
    for headline in (set(), {0, 1}):
        got = [(e.start, e.end, e.i0, e.i1, e.text) for e in _unlabelled_countries(doc, [], headline)]
        assert got == old(doc, set(), headline)
    assert got


def test_cue_text_reads_the_cue_as_the_children_walk_does(nlp):
    from dateline.analyse.quotes import _AUDIENCE, _cue_text

    def old(tok, text):
        end = tok
        for c in tok.children:
            if c.i == end.i + 1 and (c.dep_ == "prt" or (c.dep_ in ("dobj", "dative") and c.lower_ in _AUDIENCE)):
                end = c
        s, e = tok.idx, end.idx + len(end)
        return text[s:e], (s, e)

    text = 'The minister told reporters that talks would go on. "We will," she said. He spoke out, then told me off.'
    doc = nlp(text)
    for t in doc:
        assert _cue_text(t, text) == old(t, text)


def test_noun_keys_and_tree_distance_answer_as_the_token_walks_do(nlp):
    from dateline.events.parse import lemma_of, noun_keys, tree_distance

    def old_keys(obj):
        keys = [lemma_of(obj), obj.lower_]
        for c in [c for c in obj.children if c.dep_ in ("compound", "amod")]:
            keys.insert(0, f"{lemma_of(c)}~{lemma_of(obj)}")
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                keys[:0] = [f"{lemma_of(obj)}~of~{lemma_of(p)}" for p in c.children if p.dep_ == "pobj"]
        return keys

    def old_distance(a, b):
        anc_a, anc_b = [a, *a.ancestors], [b, *b.ancestors]
        ia = {t.i: n for n, t in enumerate(anc_a)}
        for n, t in enumerate(anc_b):
            if t.i in ia:
                return n + ia[t.i]
        return 99

    doc = nlp(TEXT + " A sixfold increase in military aid and the release of political prisoners followed.")
    for a in doc:
        assert noun_keys(a) == old_keys(a)
        for b in doc:
            assert tree_distance(a, b) == old_distance(a, b)


def test_subtree_of_walks_a_parse_deeper_than_the_recursion_limit(nlp):
    """Review 26 S1: a long list the parser chains conjunct by conjunct (1,500 names, a casualty
    list scraped as one sentence) is deeper than Python's recursion limit; the walk is a loop, as
    Token.subtree's."""
    import sys

    from dateline.analyse import components
    from dateline.article import Article
    from dateline.nlp import subtree_of

    first = ["John", "Maria", "Ahmed", "Li", "Olga", "Pedro", "Amina", "Kenji", "Sara", "Ivan", "Nia"]
    last = ["Smith", "Garcia", "Khan", "Wei", "Petrova", "Silva", "Bello", "Sato", "Cohen", "Popov", "Mensah"]
    names = ", ".join(f"{first[k % 11]} {last[(k * 7) % 11]}" for k in range(1500))
    text = (
        "Mayor John Smith said on Monday that the government had sent aid to the families of "
        f"{names} and their relatives in the town."
    )
    doc = nlp(text)
    root = next(t for t in doc if t.head.i == t.i)
    assert max(len(list(t.ancestors)) for t in doc) > 0
    assert subtree_of(doc, root.i) == [t.i for t in root.subtree]
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(200)  # far shallower than the chain of conjuncts
        assert subtree_of(doc, root.i) == list(range(len(doc)))
    finally:
        sys.setrecursionlimit(limit)
    article = Article(text=text)
    for component in components():
        component(article, doc)  # no RecursionError out of coref's possessives
    assert article.actors
