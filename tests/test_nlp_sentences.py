"""Sentence ends: a short upper-case word written with its period (a model's name, a state's
abbreviation) ends no sentence where the article shows the period belongs to it; a country's
abbreviation at a sentence's end still ends it."""

from __future__ import annotations


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_model_name_with_its_period_is_one_sentence(nlp):
    text = (
        "The carmaker says the ZX. ROVER TREK may only be a concept today. "
        "It plans to use the platform in all ZX. models, a spokesman said. "
        "Dealers hope to sell the ZX. Trekker in Canada next year."
    )
    assert sents(nlp, text) == [
        "The carmaker says the ZX. ROVER TREK may only be a concept today.",
        "It plans to use the platform in all ZX. models, a spokesman said.",
        "Dealers hope to sell the ZX. Trekker in Canada next year.",
    ]


def test_repeated_capitals_after_the_period_are_a_name(nlp):
    text = "Buyers walk up to the QV. NOVA STAR and the doors open. The firm says the QV. NOVA STAR will ship in May."
    assert len(sents(nlp, text)) == 2


def test_abbreviation_at_a_sentence_end_still_ends_it(nlp):
    text = "The company moved its headquarters to the US. Trump said the move was welcome. Trade with the EU. fell."
    assert sents(nlp, text)[:2] == ["The company moved its headquarters to the US.", "Trump said the move was welcome."]


def test_a_blank_line_starts_a_sentence(nlp):
    # a heading or a headline without its full stop is no part of the paragraph after it
    text = (
        "Court convicts former minister of bribery\n\n"
        "A court in the capital on Monday convicted the former minister of taking bribes."
    )
    assert sents(nlp, text) == [
        "Court convicts former minister of bribery",
        "A court in the capital on Monday convicted the former minister of taking bribes.",
    ]


def test_a_single_line_break_alone_starts_no_sentence_by_rule(nlp):
    text = "The mayor said the bridge\nwould reopen in May."
    assert sents(nlp, text) == ["The mayor said the bridge\nwould reopen in May."]


def test_closing_quote_after_the_full_stop_stays_with_its_sentence(nlp):
    for text, first in [
        (
            'The senator said the deals were handed out "like sweets."\n\nThe committee meets again on Friday.',
            'The senator said the deals were handed out "like sweets."',
        ),
        (
            'The governor said, "We will rebuild every bridge in this county."\n\nWork starts in May.',
            'The governor said, "We will rebuild every bridge in this county."',
        ),
        (
            "She calls her rivals \u201ccowards\u201d and \u201cliars.\u201d\n\nHer rivals have not answered.",
            "She calls her rivals \u201ccowards\u201d and \u201cliars.\u201d",
        ),
    ]:
        assert sents(nlp, text)[0] == first
        assert len(sents(nlp, text)) == 2


def test_a_bullet_or_an_opening_quote_before_a_paragraph_stays_with_its_words(nlp):
    text = (
        "The report covers three things:\n\n- Why the harbour road was closed.\n\n"
        "\u2018Lamps after Lamps\u2019\n\n\u201cWe will reopen in May,\u201d the mayor said."
    )
    assert sents(nlp, text) == [
        "The report covers three things:",
        "- Why the harbour road was closed.",
        "\u2018Lamps after Lamps\u2019",
        "\u201cWe will reopen in May,\u201d the mayor said.",
    ]
