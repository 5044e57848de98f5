"""Language identification (py3langid), so non-English articles are reported, not mis-analysed."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier


# a text read as Nigerian Pidgin below this probability is taken as English (see detect_language)
PIDGIN_SURE = 0.9
# below this many letters the identifier's guess is noise: only a plainly English text is English
MIN_LETTERS = 20
# up to this many letters a plainly English text is English unless the identifier is this sure of
# another language ("Die Kanzlerin war am Montag in Paris." de 0.93; "He made Fahrenheit 9/11 in
# 2004." de 0.53 is English)
SHORT_TEXT = 200
OTHER_SURE = 0.6
# articles and conjunctions of the languages whose words WordNet's lists also hold ("die", "den",
# "de", "la", "el"): a text with one is not plainly English (review 26 T6)
_FOREIGN_WORDS = frozenset("der die das den dem des und het een de le la les el los las il lo gli du et y".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CLITIC = re.compile(r"(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$", re.IGNORECASE)
# inflections the lemmatizer's lists do not hold: "visits", "tried", "closing", "gunmen"
_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("ly", ""),
    ("men", "man"),
)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """English words, lower case: spaCy's English stop words and the word lists of the packaged
    English model's lemmatizer (WordNet's nouns, verbs, adjectives and adverbs, and their
    irregular forms); only the stop words where the model is not installed."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set(STOP_WORDS) | {"wo", "ca", "sha"}  # "won't", "can't", "shan't" less their "n't"
    try:
        import spacy.util
        from spacy.lookups import Lookups

        from .nlp import FALLBACK_MODEL

        root = spacy.util.get_package_path(FALLBACK_MODEL)
        found = sorted(root.glob("*/lemmatizer/lookups"))
        if found:
            tables = Lookups().from_disk(found[0])
            for table in ("lemma_index", "lemma_exc"):
                if tables.has_table(table):
                    for entry in tables.get_table(table).values():
                        if isinstance(entry, dict):  # lemma_exc: inflected form -> its lemmas
                            words.update(entry)
                            for lemmas in entry.values():
                                words.update(lemmas)
                        else:
                            words.update(entry)
    except (ImportError, OSError, ValueError):
        pass
    return frozenset(w for w in words if "_" not in w)


def _english(word: str, known: frozenset[str]) -> bool:
    w = _CLITIC.sub("", word.lower())
    if w in known:
        return True
    return any(w.endswith(suf) and len(w) > len(suf) + 2 and w[: -len(suf)] + add in known for suf, add in _SUFFIXES)


def plainly_english(text: str) -> bool:
    """Every word of ``text`` is an English word but for capitalised names, at least two are,
    and more than the names, and none is an article of German, Dutch or a Romance language
    ("die", "de", "la": WordNet holds them too): "Police arrest man", "He made Fahrenheit 9/11 in 2004." (a name
    among English words); in title case, where a known word may be a name, at least three and
    one name at most ("Pope Visits Iraq", "Obama Visits Kenya"). Not "Guten Morgen" (one English
    word), "Die Welt" (a title-case pair), "Der Minister sprach am Dienstag" (a lower-case word no
    English list has)."""
    known = english_words()
    english = names = 0
    lower = False  # a word written in lower case: a title-case pair ("Die Welt") is a name
    for word in _WORD.findall(text):
        if word.lower() in _FOREIGN_WORDS:
            return False  # "Die Polizei in Hamburg", "De minister is in Den Haag"
        if len(word) == 1 and word not in ("a", "A", "I"):
            continue  # a letter of a model's name ("Z-1"), no word
        lower = lower or word.islower()
        if _english(word, known):
            english += 1
        elif word[:1].isupper():
            names += 1
        else:
            return False
    if not lower:  # title case: a known word may be a name too ("Walter", "Fuji"), so one name at most
        return english >= 3 and names <= 1
    return english >= 2 and english > names


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell.

    English, the language the analysis is for, is taken whenever it is the best guess: on one
    short sentence ("The minister spoke on Tuesday.") the identifier is rarely sure of any
    language, and refusing it would leave the sentence unanalysed. Another language needs a
    probability of 0.5.

    Nigerian Pidgin (``pcm``) is English-lexified, and the identifier gives it to many short
    English sentences ("Gunmen killed 12 people in northern Nigeria on Sunday." is ``pcm`` at
    0.81): such a text is taken as English unless Pidgin is near-certain (``PIDGIN_SURE``; a
    Pidgin sentence such as "Dem don kill 12 people for Borno on Sunday" scores 0.96).

    A short text (under ``SHORT_TEXT`` letters) that is plainly English (``plainly_english``:
    English words and names) is English unless the identifier gives another language
    ``OTHER_SURE`` or more: a headline under ``MIN_LETTERS`` letters ("Police arrest man"), where
    the identifier's guess is noise, or a sentence it gives German at 0.53 ("He made Fahrenheit
    9/11 in 2004."); not "Die Kanzlerin war am Montag in Paris." (German 0.93, and "die")."""
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    lang, prob = _identifier().classify(sample)
    if letters < MIN_LETTERS:
        return "en" if (lang == "en" or prob < OTHER_SURE) and plainly_english(sample) else None
    if lang == "en":
        return lang
    if lang == "pcm" and prob < PIDGIN_SURE:
        return "en"
    if letters < SHORT_TEXT and prob < OTHER_SURE and plainly_english(sample):
        return "en"
    return lang if prob >= 0.5 else None
