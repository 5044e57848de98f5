"""Which texts are analysed as English: short English news sentences must not be refused."""

import pytest

import dateline
from dateline.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        # the identifier's best guess for these is Nigerian Pidgin (0.81, 0.61, 0.47)
        "Gunmen killed 12 people in northern Nigeria on Sunday.",
        "Officials met on 5 September 2019 in Paris.",
        "The talks ended on 5 September 2019.",
        "The minister spoke on Tuesday.",
    ],
)
def test_a_short_english_sentence_is_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Dem don kill 12 people for Borno on Sunday, police tok.", "pcm"),
        ("Der Minister sprach am Dienstag in Berlin.", "de"),
        ("El ministro habló el martes en Madrid.", "es"),
        ("O ministro falou na terça-feira em Lisboa.", "pt"),
    ],
)
def test_other_languages_stay_theirs(text, lang):
    assert detect_language(text) == lang


def test_a_short_english_sentence_read_as_pidgin_is_analysed():
    art = dateline.extract("Gunmen killed 12 people in northern Nigeria on Sunday.", published="2019-11-20")
    assert art.language == "en"
    assert [e.type for e in art.events] == ["ASSAULT"]
    assert [t.text for t in art.times] == ["Sunday"]


@pytest.mark.parametrize(
    "text",
    [
        # under 20 letters, where the identifier's guess is noise: plainly English words and names
        "Police arrest man",
        "Pope Visits Iraq",
        "Gunmen kill 12",
        "Talks end Monday.",
        # a short sentence the identifier gives German (0.53)
        "He made Fahrenheit 9/11 in 2004.",
        "Michael Moore's film Fahrenheit 9/11 was a hit.",
    ],
)
def test_a_plainly_english_short_text_is_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text,lang",
    [
        # short texts of another language, or names only: not English
        ("Guten Morgen", None),
        ("Die Welt", None),
        ("Le président a parlé", None),
        ("Polizei nimmt Mann fest", None),
        ("Der Minister sprach am Dienstag in Berlin.", "de"),
    ],
)
def test_a_short_text_of_another_language_is_not_english(text, lang):
    assert detect_language(text) == lang


def test_a_short_english_headline_is_analysed():
    art = dateline.extract("Gunmen kill 12 Monday", published="2019-11-20")
    assert art.language == "en"
    assert [t.text for t in art.times] == ["Monday"]


@pytest.mark.parametrize(
    "text",
    [
        # review 26 T6: German and Dutch short texts whose words WordNet also holds
        "Die Polizei hat den Mann in Berlin.",
        "Die Kanzlerin war am Montag in Paris.",
        "Der Papst in Rom",
        "Die Welt am Sonntag",
        "Die Polizei in Hamburg",
        "Die Lage in Kabul",
        "De minister is in Den Haag",
    ],
)
def test_review26_t6_short_german_or_dutch_is_not_english(text):
    assert detect_language(text) != "en"
