"""Cleaning of scraped text pages: the seed and hand-typed pages in other house styles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dateline
from dateline.cleaner import clean_page, parse_credits, parse_dateline, parse_names

PAGES = Path(__file__).parent / "fixtures" / "pages"
STYLES = sorted(p.stem for p in PAGES.glob("*.txt"))


def test_there_are_at_least_eight_house_styles():
    assert len(STYLES) >= 8


# ---- the seed (the done-when of the foundation issue) -------------------------------------


def test_seed_metadata(seed_text):
    a = dateline.clean(seed_text)
    assert a.headline == "North Korea's Kim Jong Un to meet Putin in Russia on Thursday - Kremlin"
    assert a.authors == ["Vladimir Soldatkin", "Maria Vasilyeva"]
    assert a.source.agency == "Reuters"
    assert a.source.publisher == "euronews"
    assert a.dateline.places == ["Moscow", "Vladivostok"]
    assert a.dateline.text == "MOSCOW/VLADIVOSTOK, Russia"
    assert [(c.name, c.role) for c in a.contributors] == [
        ("Joyce Lee", "reporting"),
        ("Josh Smith", "reporting"),
        ("Hyonhee Shin", "reporting"),
        ("Maxim Rodionov", "reporting"),
        ("Christian Lowe", "writing"),
        ("Angus MacSwan", "editing"),
        ("James Dalgleish", "editing"),
    ]
    assert (a.published.date, a.published.source) == ("2019-04-24", "inferred")
    assert a.language == "en"


def test_seed_text_is_the_story_only(seed_text):
    a = dateline.clean(seed_text)
    assert a.text.startswith(
        "North Korean leader Kim Jong Un and Russian President Vladimir Putin will meet on Thursday"
    )
    assert a.text.endswith("positioned on the platform edge.")
    for residue in (
        "BREAKING NEWS",
        "Copyright",
        "KCNA(Reuters)",
        "Text size",
        "Aa Aa",
        "undated photo",
        "By Vladimir",
        "(Reuters) -",
        "Additional reporting",
        "euronews",
        "limited time",
    ):
        assert residue not in a.text, residue
    assert a.text.count("North Korea's Kim Jong Un to meet Putin") == 0
    kinds = {r.kind for r in a.removed}
    assert {"banner", "duplicate", "caption", "credit", "ui", "disclaimer"} <= kinds
    by_kind = {}
    for r in a.removed:
        by_kind.setdefault(r.kind, []).append(r.text)
    assert by_kind["banner"] == ["BREAKING NEWS", "BREAKING NEWS"]
    assert any("undated photo released on April 23, 2019" in t for t in by_kind["caption"])
    assert "Text size Aa Aa" in by_kind["ui"]
    assert any(t.startswith("(Additional reporting by Joyce Lee") for t in by_kind["credit"])
    assert any(t.startswith("euronews provides breaking news") for t in by_kind["disclaimer"])


def test_seed_id_is_stable_hash_of_text(seed_text):
    a, b = dateline.clean(seed_text), dateline.clean(seed_text.replace("\n", "\r\n"))
    assert a.id == b.id and len(a.id) == 20
    assert a.id != dateline.clean(seed_text.replace("platform edge", "platform")).id


# ---- the other house styles --------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_house_style(style):
    page = (PAGES / f"{style}.txt").read_text(encoding="utf-8")
    want = json.loads((PAGES / f"{style}.expected.json").read_text(encoding="utf-8"))
    a = dateline.clean(page)
    assert a.headline == want["headline"]
    assert a.authors == want["authors"]
    assert a.source.agency == want["agency"]
    assert a.source.publisher == want["publisher"]
    if want["dateline"] is None:
        assert a.dateline is None
    else:
        assert a.dateline.text == want["dateline"]["text"]
        assert a.dateline.places == want["dateline"]["places"]
    assert [[c.name, c.role] for c in a.contributors] == want["contributors"]
    assert a.text.startswith(want["text_starts"]), a.text[:120]
    assert a.text.endswith(want["text_ends"]), a.text[-120:]
    kinds = {r.kind for r in a.removed}
    assert set(want["removed_kinds"]) <= kinds, kinds
    assert [a.published.date, a.published.source] == want["published"]
    for residue in want.get("absent", []):
        assert residue not in a.text, residue
    if "paragraphs" in want:
        assert a.text.count("\n\n") + 1 == want["paragraphs"]


@pytest.mark.parametrize("style", STYLES + ["SEED"])
def test_nothing_of_the_input_is_lost(style, seed_text):
    """Every input line ends up in the text, the headline, the dateline or `removed`."""
    page = seed_text if style == "SEED" else (PAGES / f"{style}.txt").read_text(encoding="utf-8")
    a = clean_page(page)
    kept = " ".join([a.text.replace("\n", " "), a.headline or ""] + [r.text for r in a.removed])
    datelines = [r.text for r in a.removed if r.kind == "dateline"]
    for line in page.splitlines():
        line = " ".join(line.split())
        for dl in datelines:  # the dateline is cut off the story's first paragraph
            if line.startswith(dl):
                line = line[len(dl) :].strip()
        if line:
            assert line in kept, line


# ---- the parsers on their own -------------------------------------------------------------


@pytest.mark.parametrize(
    "para,text,places,agency",
    [
        (
            "MOSCOW/VLADIVOSTOK, Russia (Reuters) - North Korean leader",
            "MOSCOW/VLADIVOSTOK, Russia",
            ["Moscow", "Vladivostok"],
            "Reuters",
        ),
        ("KYIV, Ukraine (AP) — Ukrainian forces", "KYIV, Ukraine", ["Kyiv"], "Associated Press"),
        ("WASHINGTON, May 3 (Reuters) - The Fed", "WASHINGTON, May 3", ["Washington"], "Reuters"),
        ("LONDON — The council", "LONDON", ["London"], None),
        ("RIO DE JANEIRO (AFP) - Police", "RIO DE JANEIRO", ["Rio de Janeiro"], "AFP"),
        ("NEW YORK, Jan. 5, 2024 (Bloomberg) -- Stocks", "NEW YORK, Jan. 5, 2024", ["New York"], "Bloomberg"),
    ],
)
def test_dateline_styles(para, text, places, agency):
    dl, ag, _pub, _n = parse_dateline(para)
    assert (dl.text, dl.places, ag) == (text, places, agency)


@pytest.mark.parametrize(
    "para",
    [
        "US - China trade talks resumed on Monday.",  # an acronym is not a dateline
        "The minister — who resigned — said nothing.",
        "I - for one - disagree.",
    ],
)
def test_not_a_dateline(para):
    assert parse_dateline(para) is None


def test_byline_names_and_agency():
    assert parse_names("Vladimir Soldatkin and Maria Vasilyeva") == (["Vladimir Soldatkin", "Maria Vasilyeva"], None)
    assert parse_names("Jane Doe, Reuters") == (["Jane Doe"], "Reuters")
    assert parse_names("Ana Lima, Tom Bell and Ri Su, Associated Press") == (
        ["Ana Lima", "Tom Bell", "Ri Su"],
        "Associated Press",
    )
    assert parse_names("Shaun Walker in Kyiv") == (["Shaun Walker"], None)


def test_credits_with_roles_and_places():
    got = parse_credits(
        "(Reporting by A. Kim in SEOUL and Li Wei in BEIJING; Writing by Tom Bell; Editing by Sara Cole)"
    )
    assert [(c.name, c.role) for c in got] == [
        ("A. Kim", "reporting"),
        ("Li Wei", "reporting"),
        ("Tom Bell", "writing"),
        ("Sara Cole", "editing"),
    ]
