"""The `Article` record: the one type that flows through every pipeline stage.

Field names follow the JSON contract ``dateline.article/1`` in the design; tests, exports, the
API and the web page rely on them. Each stage adds fields and never rewrites what an earlier
stage produced. Every span's ``start``/``end`` are character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID: Literal["dateline.article/1"] = "dateline.article/1"

# -- the contract's enumerations, defined here once: the coder, the queries, the CLI, the API and
# the page (through GET /web/api/vocabulary) all read them from this module.
#: PLOVER event types and their quad class (1 verbal cooperation ... 4 material conflict).
PLOVER_QUADS: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
PLOVER_TYPES: tuple[str, ...] = tuple(PLOVER_QUADS)
QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
Modality = Literal["asserted", "future", "historical", "hypothetical", "negated"]
MODALITIES: tuple[str, ...] = get_args(Modality)
ActorKind = Literal["person", "organization", "country", "group"]
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
DateSource = Literal["text", "published", "none"]
DATE_SOURCES: tuple[str, ...] = get_args(DateSource)
QuoteKind = Literal["direct", "indirect"]
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)

RemovedKind = Literal[
    "banner", "caption", "credit", "disclaimer", "ui", "duplicate", "byline", "dateline", "headline", "heading", "other"
]


class _Record(BaseModel):
    # Unknown keys are kept so that later stages (and later schema minor versions) can add fields.
    model_config = ConfigDict(extra="allow", validate_assignment=False)


class Source(_Record):
    path: str | None = None
    url: str | None = None
    publisher: str | None = None
    agency: str | None = None
    encoding: str | None = Field(None, description="the encoding the input's bytes were decoded from")
    invalid_bytes: int = Field(0, ge=0, description="byte sequences invalid in that encoding, replaced by U+FFFD")


class Contributor(_Record):
    name: str
    role: Literal["reporting", "writing", "editing", "photo", "other"]


class Dateline(_Record):
    text: str
    places: list[str] = Field(default_factory=list)


class Published(_Record):
    date: str | None = Field(None, description="YYYY-MM-DD")
    source: Literal["metadata", "text", "inferred", "none"] = "none"


class Removed(_Record):
    kind: RemovedKind
    text: str


class Span(_Record):
    start: int
    end: int


class Entity(Span):
    text: str
    label: str
    actor: str | None = None


class Actor(_Record):
    id: str
    name: str
    kind: ActorKind
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    sector: str | None = Field(None, description="PLOVER sector code (GOV, MIL, REB, ...)")
    roles: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Place(Span):
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    resolved: bool = False
    # Addition to the contract: how fine the coordinates are.
    precision: Literal["point", "city", "division", "country", "region"] | None = None


class TimeAnchor(Span):
    """What a duration counts from: the words after "after"/"before" ("the 2017 crisis",
    "Washington invaded") and the calendar value found in them, when there is one."""

    text: str
    value: str | None = Field(None, description="YYYY | YYYY-MM | YYYY-MM-DD, or null")


class Time(Span):
    text: str
    value: str | None = Field(
        None, description="YYYY | YYYY-MM | YYYY-MM-DD: the calendar date, null when the expression has none"
    )
    granularity: str | None = None
    # Additions to the contract: the full TimeML value ("2019-04-24TMO", "2019-W17", "P3D",
    # "XXXX-WXX-1", "PRESENT_REF"), its TIMEX3 type and modifier (START, MID, END, APPROX...);
    # for a duration the text ties to something ("two years after the 2017 crisis"), the
    # direction and what it counts from. ``dateline.timex.shift`` does the arithmetic.
    timex: str | None = Field(None, description="the TimeML (TIMEX3) value")
    type: Literal["date", "time", "duration", "set"] | None = Field(None, description="the TIMEX3 type")
    mod: str | None = None
    direction: Literal["before", "after"] | None = Field(
        None, description='a duration\'s direction: "two years after X" -> after, "three days before X" -> before'
    )
    anchor: TimeAnchor | None = Field(None, description="what a duration with a direction counts from")


class Quote(Span):
    text: str
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    # Additions to the contract: where the speaker's and the cue's words are in the text, and a
    # source that names no one ("according to reports"): its words, never a speaker.
    speaker_start: int | None = Field(None, description="offset of the speaker's words (speaker_text)")
    speaker_end: int | None = None
    cue_start: int | None = Field(None, description="offset of the cue's words")
    cue_end: int | None = None
    source_text: str | None = Field(
        None, description='an unnamed source ("according to reports"): its words; speaker is then null'
    )
    source_start: int | None = None
    source_end: int | None = None


class EventPlace(_Record):
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    geonameid: int | None = None


class Evidence(Span):
    text: str


class Trigger(Span):
    """The words that fired the event: the trigger word, or the trigger and the object it was
    keyed on ("imposed a curfew")."""

    text: str


class Target(Span):
    """The words of what an event is done to when no actor is named as its recipient: a thing
    ("rejected the legislation") or, failing one, the place the sentence says it was done in
    ("imposed a curfew in the town of Cizre"), as PLOVER codes such targets."""

    text: str


class Event(_Record):
    id: str
    type: str
    mode: str | None = None
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    # Addition to the contract: a recipient that is no actor, as words (null when the event
    # has a recipient actor or names no target).
    target: Target | None = Field(None, description="what the event is done to when that is no actor: its words")
    place: EventPlace | None = None
    date: str | None = None
    date_source: DateSource = "none"
    modality: Modality = "asserted"
    quad: int = Field(..., ge=1, le=4)
    cameo: str | None = None
    evidence: Evidence
    confidence: float = Field(..., ge=0, le=1)
    trigger: Trigger | None = Field(None, description="the words that fired the event")
    rule: str | None = Field(
        None,
        description="why it was coded: the lexicon entry or rule that fired (e.g. 'meet', 'impose+RESTRICTION')",
    )


class Article(_Record):
    """A news article and everything dateline found in it."""

    schema_: Literal["dateline.article/1"] = Field(SCHEMA_ID, alias="schema")
    id: str = ""
    source: Source = Field(default_factory=Source)
    language: str | None = None
    headline: str | None = None
    authors: list[str] = Field(default_factory=list)
    contributors: list[Contributor] = Field(default_factory=list)
    dateline: Dateline | None = None
    published: Published = Field(default_factory=Published)
    text: str = ""
    removed: list[Removed] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    # -- identity -----------------------------------------------------------------------------
    @staticmethod
    def make_id(text: str) -> str:
        """Stable id: a hash of the cleaned text, whitespace-normalised."""
        norm = " ".join(text.split())
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]

    # -- serialisation ------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, *, pretty: bool = False) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2 if pretty else None)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls.model_validate(data)

    @classmethod
    def from_json(cls, data: str) -> Article:
        return cls.model_validate_json(data)

    def span_text(self, span: Span | dict) -> str:
        s = span if isinstance(span, dict) else span.model_dump()
        return self.text[s["start"] : s["end"]]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the Article contract (written to docs/article.schema.json)."""
    schema = Article.model_json_schema(by_alias=True)
    schema["$id"] = "https://dateline.invalid/schema/article-1.json"
    schema["title"] = "dateline Article (dateline.article/1)"
    return schema
