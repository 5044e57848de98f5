"""Language identification (py3langid), so non-English articles are reported, not mis-analysed."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier


# a text read as Nigerian Pidgin below this probability is taken as English (see detect_language)
PIDGIN_SURE = 0.9


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell.

    English, the language the analysis is for, is taken whenever it is the best guess: on one
    short sentence ("The minister spoke on Tuesday.") the identifier is rarely sure of any
    language, and refusing it would leave the sentence unanalysed. Another language needs a
    probability of 0.5.

    Nigerian Pidgin (``pcm``) is English-lexified, and the identifier gives it to many short
    English sentences ("Gunmen killed 12 people in northern Nigeria on Sunday." is ``pcm`` at
    0.81): such a text is taken as English unless Pidgin is near-certain (``PIDGIN_SURE``; a
    Pidgin sentence such as "Dem don kill 12 people for Borno on Sunday" scores 0.96)."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    lang, prob = _identifier().classify(sample)
    if lang == "pcm" and prob < PIDGIN_SURE:
        return "en"
    return lang if prob >= 0.5 or lang == "en" else None
