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
