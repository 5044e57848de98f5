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
