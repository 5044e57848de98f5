"""Speakers named by a description: "the automaker", "the organization", "the ministry spokesman",
and documents that speak for their author: "the statement read", "the letter said"."""

from __future__ import annotations

import pytest
from test_quotes import _actor_name, _analyse

from dateline.article import Article


def _speaker(article: Article, starts: str) -> str | None:
    found = [q for q in article.quotes if q.text.startswith(starts)]
    assert len(found) == 1, [q.text[:40] for q in article.quotes]
    return _actor_name(article, found[0].speaker)


@pytest.mark.parametrize(
    ("intro", "speaker_phrase"),
    [
        ("Toyota Motor recalled 40,000 pickups on Friday.", "The Japanese automaker"),
        ("Toyota Motor recalled 40,000 pickups on Friday.", "the carmaker"),
        ("Oxfam International published its survey on Tuesday.", "The organization"),
        ("Oxfam International published its survey on Tuesday.", "the group"),
        ("The European Medicines Agency approved the vaccine on Monday.", "The agency"),
    ],
)
def test_a_descriptive_noun_speaks_for_the_organisation_named_before(nlp, intro, speaker_phrase):
    text = f"{intro} {speaker_phrase} said the decision would be reviewed next year."
    article = _analyse(nlp, text)
    name = _speaker(article, "the decision would be reviewed")
    assert name is not None and name.split()[0] in intro


def test_a_quote_after_the_automaker_said(nlp):
    text = (
        "Renault said on Tuesday it would close two plants in France.\n\n"
        '"We have to adapt to a smaller market," the automaker said in a statement.'
    )
    article = _analyse(nlp, text)
    assert _speaker(article, "We have to adapt") == "Renault"


def test_the_ministry_spokesman_speaks_for_the_ministry_named_before(nlp):
    text = (
        "The Health Ministry said 40 people were treated in hospital. "
        "The ministry spokesman said most of them had gone home."
    )
    article = _analyse(nlp, text)
    assert _speaker(article, "most of them had gone home") == "Health Ministry"


def test_a_government_noun_takes_no_company(nlp):
    # a private company named before is no ministry
    text = "Siemens Energy won the contract on Monday. The ministry said the award would be reviewed."
    article = _analyse(nlp, text)
    assert _speaker(article, "the award would be reviewed") != "Siemens Energy"


def test_the_statement_read_is_its_author(nlp):
    text = (
        "On Monday, Northwind Records issued a statement about the tour.\n\n"
        '"We never blocked the concerts," the statement read.\n\n'
        '"We hope to reach a fair agreement," the statement continued.'
    )
    article = _analyse(nlp, text)
    assert _speaker(article, "We never blocked") == "Northwind Records"
    assert _speaker(article, "We hope to reach") == "Northwind Records"


def test_said_in_a_statement_makes_the_statement_theirs(nlp):
    text = (
        "The World Wildlife Fund denied the claims in a statement posted on its website.\n\n"
        '"These claims are false," the statement said.'
    )
    article = _analyse(nlp, text)
    assert _speaker(article, "These claims are false") == "World Wildlife Fund"


def test_a_letter_from_someone_speaks_for_them(nlp):
    text = "A letter from Senator Maria Okafor said the funds had been misused."
    article = _analyse(nlp, text)
    assert _speaker(article, "the funds had been misused") == "Maria Okafor"


def test_a_statement_with_no_author_has_no_speaker(nlp):
    text = (
        "Clinton Harris met the mayor on Monday. A statement was published later.\n\n"
        '"The talks were useful," the statement read.'
    )
    article = _analyse(nlp, text)
    assert _speaker(article, "The talks were useful") is None


def test_a_name_in_apposition_to_a_description_speaks(nlp):
    text = "The company that runs the awards, Hollywood Foreign Press Association, denies that any deal was made."
    article = _analyse(nlp, text)
    assert _speaker(article, "that any deal was made") == "Hollywood Foreign Press Association"


def test_a_person_in_apposition_to_a_title_speaks(nlp):
    text = "The spokesman for the ministry, Ahmed Khalil, said the border would reopen."
    article = _analyse(nlp, text)
    assert _speaker(article, "the border would reopen") == "Ahmed Khalil"


def test_a_statement_warning_that_speaks_for_who_issued_it(nlp):
    text = "The Electoral Commission issued a statement warning that voters deserve honest campaigns."
    article = _analyse(nlp, text)
    assert _speaker(article, "that voters deserve") == "Electoral Commission"


def test_the_company_after_one_sentence_per_paragraph(nlp):
    # a news site that prints every sentence as its own paragraph: the company named two
    # paragraphs up, in apposition to the subject, is "the company"
    text = (
        "The firm that owns the stadium, Northgate Holdings, says the concert can go ahead.\n\n"
        "Fans had feared a cancellation after a week of talks.\n\n"
        "But the company says the singer never needed its permission."
    )
    article = _analyse(nlp, text)
    assert _speaker(article, "the singer never needed") == "Northgate Holdings"
