"""Quotes and speakers: the seed through the real pipeline, plus small hand-written cases."""

from __future__ import annotations

from dateline.article import Article


def _analyse(nlp, text: str) -> Article:
    from dateline.analyse.actors import find_actors
    from dateline.analyse.quotes import find_quotes

    article = Article(text=text)
    doc = nlp(text)
    find_actors(article, doc)
    find_quotes(article, doc)
    return article


def _actor_name(article: Article, actor_id: str | None) -> str | None:
    return next((a.name for a in article.actors if a.id == actor_id), None)


def _quote(article: Article, starts: str):
    found = [q for q in article.quotes if q.text.startswith(starts)]
    assert len(found) == 1, [q.text[:40] for q in article.quotes]
    return found[0]


# -- the seed -------------------------------------------------------------------------------------


def test_seed_quotes_have_valid_offsets(seed_article):
    assert seed_article.quotes
    for q in seed_article.quotes:
        assert seed_article.text[q.start : q.end] == q.text
        assert q.kind in ("direct", "indirect")


def test_seed_ushakov_quotes(seed_article):
    first = _quote(seed_article, "In the last few months")
    second = _quote(seed_article, "Russia intends to help")
    for q in (first, second):
        assert q.kind == "direct"
        assert _actor_name(seed_article, q.speaker) == "Yuri Ushakov"
    assert first.cue == "said"
    # the paragraph before: "..., Kremlin aide Yuri Ushakov told reporters."
    told = _quote(seed_article, "The summit will be the first")
    assert told.kind == "indirect" and _actor_name(seed_article, told.speaker) == "Yuri Ushakov"
    assert told.cue.startswith("told")


def test_seed_kim_in_chul_quotes_including_bare_paragraph(seed_article):
    first = _quote(seed_article, "Russia shares our viewpoints")
    bare = _quote(seed_article, "I hope that the summit")
    assert _actor_name(seed_article, first.speaker) == "Kim In-chul"
    assert _actor_name(seed_article, bare.speaker) == "Kim In-chul"
    assert bare.kind == "direct"


def test_seed_lukin_quotes_and_he_said(seed_article):
    said = _quote(seed_article, "After the failed Hanoi summit")
    assert said.kind == "indirect" and _actor_name(seed_article, said.speaker) == "Artyom Lukin"
    he = _quote(seed_article, "Kim did not want to look")
    assert he.speaker_text == "he" and _actor_name(seed_article, he.speaker) == "Artyom Lukin"
    last = _quote(seed_article, "As for Russia")
    assert last.kind == "direct" and _actor_name(seed_article, last.speaker) == "Artyom Lukin"


def test_seed_indirect_speech_by_organisations(seed_article):
    acc = _quote(seed_article, "Kim's chief aide")
    assert acc.cue == "according to" and _actor_name(seed_article, acc.speaker) == "Yonhap"
    kcna = _quote(seed_article, "Kim is accompanied by senior officials")
    assert _actor_name(seed_article, kcna.speaker) == "Korean Central News Agency"


# -- hand-written cases ---------------------------------------------------------------------------


def test_multi_paragraph_quote_is_one_quote(nlp):
    text = (
        "Mayor Anne Hidalgo spoke after the vote.\n\n"
        '"We have waited for this for ten years. The city is ready.\n\n'
        '"Now the work begins," Hidalgo said.\n\n'
        "The council adjourned."
    )
    art = _analyse(nlp, text)
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("We have waited") and q.text.endswith("the work begins")
    assert _actor_name(art, q.speaker) == "Anne Hidalgo"


def test_curly_quotes_and_cue_before(nlp):
    text = "Senator Elizabeth Warren told reporters: “This bill is a disgrace to the country.”"
    art = _analyse(nlp, text)
    q = _quote(art, "This bill is a disgrace")
    assert q.kind == "direct" and _actor_name(art, q.speaker) == "Elizabeth Warren"
    assert q.cue.startswith("told")


def test_stray_quote_mark_does_not_lose_other_quotes(nlp):
    text = (
        'Officials called it a "routine inspection.\n\n'
        '"The checks will continue all week," said police chief Mark Rowley.\n\n'
        'Residents were unconvinced. "Nobody told us anything," said Jane Doe, a shopkeeper.'
    )
    art = _analyse(nlp, text)
    direct = [q for q in art.quotes if q.kind == "direct"]
    texts = [q.text for q in direct]
    assert "The checks will continue all week" in texts
    assert "Nobody told us anything" in texts
    rowley = _quote(art, "The checks will continue")
    assert _actor_name(art, rowley.speaker) == "Mark Rowley"
    doe = _quote(art, "Nobody told us anything")
    assert _actor_name(art, doe.speaker) == "Jane Doe"


def test_he_said_resolves_to_last_speaker_not_last_name(nlp):
    text = (
        "Economist Paul Krugman said inflation would fall, according to the interview.\n\n"
        "Jerome Powell had warned otherwise last year, he said."
    )
    art = _analyse(nlp, text)
    q = _quote(art, "Jerome Powell had warned")
    assert _actor_name(art, q.speaker) == "Paul Krugman"


def test_indirect_speech_that_clause(nlp):
    text = "Prime Minister Narendra Modi said that India would expand its rail network by 2030."
    art = _analyse(nlp, text)
    q = _quote(art, "that India would expand")
    assert q.kind == "indirect" and _actor_name(art, q.speaker) == "Narendra Modi"
    assert q.cue == "said"


def test_scare_quotes_without_cue_are_not_speech_of_nobody(nlp):
    text = 'The ministry described the plan as "ambitious" in its report.'
    art = _analyse(nlp, text)
    assert not [q for q in art.quotes if q.text == "ambitious"]
