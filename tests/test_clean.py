"""Cleaning of scraped text pages: the seed and hand-typed pages in other house styles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dateline
from dateline.cleaner import clean_body, clean_page, parse_credits, parse_dateline, parse_names

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
        # Spanish-language wires close the dateline with ".-"
        ("LIMA (EFE).- The president", "LIMA", ["Lima"], "EFE"),
        ("Quito, Dec 3 (EFE).- Ecuador's", "Quito, Dec 3", ["Quito"], "EFE"),
        ("BOGOTA, 3 Dec (EFE) - Colombia's", "BOGOTA, 3 Dec", ["Bogota"], "EFE"),
        ("Caracas, 7 oct (EFE).- El Gobierno", "Caracas, 7 oct", ["Caracas"], "EFE"),
        ("Lisbon, Jun 11 (efe-epa).- The pandemic", "Lisbon, Jun 11", ["Lisbon"], "EFE"),
        ("CHICAGO (NewsNation Now) — A spokesman", "CHICAGO", ["Chicago"], None),
        # South Asian papers: the place in upper case and a colon
        ("LAHORE: Police arrested two men", "LAHORE", ["Lahore"], None),
        ("NEW DELHI: The ministry said", "NEW DELHI", ["New Delhi"], None),
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
        # labels in upper case with a colon are no place
        "UPDATE: The police said the road had reopened.",
        "WATCH: The moment the bridge came down.",
        "EXCLUSIVE: The minister's letter.",
        "EDITOR'S NOTE: This story has been corrected.",
    ],
)
def test_not_a_dateline(para):
    assert parse_dateline(para) is None


def test_a_colon_dateline_is_cut_off_the_story_but_a_transcripts_speakers_stay():
    story = clean_page(
        "Two men held over shooting\n\nMULTAN: Police arrested two men on Monday over the shooting of a"
        " shopkeeper in the old city, a police spokesman said.\n\nThe shopkeeper is in hospital."
    )
    assert story.dateline is not None and story.dateline.places == ["Multan"]
    assert story.text.startswith("Police arrested two men on Monday")
    transcript = clean_page(
        "Morning interview\n\nJORDAN: Good morning, and thank you for having me on the programme, it is good"
        " to be here.\n\nHOST: What did the minister say about the harbour closure yesterday?\n\n"
        "JORDAN: He said it would close for six weeks."
    )
    assert transcript.dateline is None
    assert transcript.text.startswith("JORDAN: Good morning")


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


# ---- story prose is never a caption (issue #16); the texts are written here ---------------


def test_a_story_lead_that_mentions_a_photo_op_stays_story():
    # the Barr case: a page that opens with story paragraphs, one of them mentioning "a photo op"
    page = (
        "Singer Mara Quill set social media alight late Friday after she posted her support for a "
        "fringe theory about the city council. Hundreds of replies followed within the hour.\n\n"
        'The theory, known as "The Tide," is believed to have started after the mayor remarked '
        "during a photo op with firefighters outside City Hall last October that residents were "
        "seeing the calm before the tide.\n\n"
        "Quill has not commented since, and her publicist did not answer calls on Saturday. The "
        "council said in a statement it would not respond to online rumours.\n\n"
        "Copyright 2021 Example Media, Inc. All rights reserved."
    )
    a = clean_page(page)
    assert a.text.startswith("Singer Mara Quill set social media alight")
    assert "during a photo op with firefighters outside City Hall" in a.text
    assert not [r for r in a.removed if r.kind == "caption"]
    # the first paragraph of a picture story is no caption either
    b = clean_page(
        "THIS is the first picture of the volunteer firefighter who died while battling a blaze in "
        "the hills above Clearwater. The fire service named him on Thursday as a 33-year-old "
        "father of two.\n\nHis family said he had always wanted to serve the town, and a memorial "
        "is planned for next week at the station where he trained."
    )
    assert b.text.startswith("THIS is the first picture of the volunteer firefighter")


def test_a_byline_run_into_the_first_sentence_is_split():
    # the Wootson case: name, publication, date and time, then the story in the same line
    page = (
        "Dana K. Whitfield Jr., The Riverside Courier April 2, 2021 4:10 pm. A few minutes before "
        "takeoff on the senator's spring trip on Saturday morning, she posted a photo of a drawing "
        "made by one of her daughters.\n\n"
        "The advertisers' moves show the influence the students have gained, analysts said."
    )
    a = clean_page(page)
    assert a.text.startswith("A few minutes before takeoff on the senator's spring trip")
    assert a.authors == ["Dana K. Whitfield Jr."]
    assert a.publisher == "The Riverside Courier"
    assert [r.text for r in a.removed if r.kind == "byline"] == [
        "Dana K. Whitfield Jr., The Riverside Courier April 2, 2021 4:10 pm."
    ]


@pytest.mark.parametrize(
    "line,caption,story",
    [
        (
            "The first direct train to Lisbon arrived on Tuesday.Photo: Ana Lima / XY. The rail "
            "service between Madrid and Lisbon is seen as a step towards replacing short flights.",
            "The first direct train to Lisbon arrived on Tuesday.Photo: Ana Lima / XY.",
            "The rail service between Madrid and Lisbon is seen as a step towards replacing short flights.",
        ),
        (
            "A boy who drowned in a pond near his home in Dover on March 5 (Picture: Facebook) A "
            "father watched television while his son drowned in the garden pond, police said.",
            "A boy who drowned in a pond near his home in Dover on March 5 (Picture: Facebook)",
            "A father watched television while his son drowned in the garden pond, police said.",
        ),
        (
            "Photo credit: Sam Ode. The president visited troops at their base in Maiduguri on "
            "Monday to mark the anniversary of independence, the army said.",
            "Photo credit: Sam Ode.",
            "The president visited troops at their base in Maiduguri on Monday to mark the "
            "anniversary of independence, the army said.",
        ),
    ],
)
def test_a_caption_and_story_in_one_line_are_split(line, caption, story):
    page = line + "\n\nOfficials said more services would follow next year, pending approval by the ministry."
    a = clean_page(page)
    assert [r.text for r in a.removed if r.kind == "caption"] == [caption]
    assert a.text.startswith(story)


def test_a_true_caption_with_its_credit_goes():
    page = (
        "Fans celebrate a late winner against Leeds at the stadium, Friday, March 30, 2021, in "
        "Hull, England. Hull won 2-1. (AP Photo/Jo Brand)\n\n"
        "Hull City came from behind to beat Leeds on Friday night, moving up to third in the table "
        "with six games left to play."
    )
    a = clean_page(page)
    assert [r.kind for r in a.removed] == ["caption"]
    assert a.text.startswith("Hull City came from behind")


def test_an_agency_slug_closing_the_story_is_a_credit():
    story = "Hull City came from behind to beat Leeds on Friday night, moving up to third in the table."
    for slug in ("bur-jm/ser", "cm/kjm/jr", "jm/ser (Paris)"):  # initials, bureau code first; the desk's names
        a = clean_page(f"{story}\n\n{slug}")
        assert [(r.kind, r.text) for r in a.removed] == [("credit", slug)] and a.text == story


def test_a_hard_wrapped_page_is_read_as_paragraphs():
    page = (
        "Edmonton needs to start planting more trees along its river valley.\n"
        "That was the message from a city report released on Tuesday, which found that the\n"
        "canopy had shrunk by a tenth over the past decade as new suburbs spread west of the\n"
        "city.\n"
        "Councillors will debate the report next week, and a vote on funding is expected in\n"
        "the spring."
    )
    a = clean_page(page)
    assert a.removed == []
    assert a.text.startswith("Edmonton needs to start planting more trees")
    assert "found that the canopy had shrunk by a tenth" in a.text


def test_a_dateline_on_a_line_of_its_own():
    a = clean_page(
        "Washington (CNN)\nThe oil company's chief is the leading candidate for the post, several "
        "sources familiar with the transition told CNN on Sunday."
    )
    assert a.dateline is not None and a.dateline.places == ["Washington"] and a.publisher == "CNN"
    assert a.text.startswith("The oil company's chief")


# ---- page residue: one table for the text cleaner and the HTML line filter (issue #18) ---------

_STORY = (
    "LONDON (Reuters) - The city council approved a new flood barrier on Tuesday after a winter "
    "of storms that closed the river path for weeks, officials said.\n\n"
    "The barrier will be built over two summers and paid for by the council and the national "
    "government, the council's leader told reporters, adding that homes along the lower river "
    "would be protected first because they had flooded three times since the last barrier failed.\n"
)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_residue_label_with_a_curly_apostrophe_is_ui_in_text_and_html(apostrophe):
    label = f"Editor{apostrophe}s Picks"
    # a scraped text page: the label above the headline, and between two story paragraphs
    first, second = _STORY.split("\n\n")
    page = f"{label}\n\nCouncil approves flood barrier after winter of storms\n\n{first}\n\n{label}\n\n{second}"
    a = dateline.clean(page)
    assert [r.kind for r in a.removed if r.text == label] == ["ui", "ui"]
    assert label not in a.text and "The barrier will be built" in a.text
    # an HTML page: the same label inside the extracted body
    paragraphs = "".join(f"<p>{p}</p>" for p in (first, label, second))
    html = (
        f"<html><head><title>Flood barrier</title></head><body><article><h1>Flood "
        f"barrier</h1>{paragraphs}</article></body></html>"
    )
    h = dateline.clean(html=html)
    assert [r.kind for r in h.removed if r.text == label] == ["ui"]
    assert label not in h.text and "The barrier will be built" in h.text


def test_residue_table_is_data_read_by_both_stages():
    from dateline import cleaner, html, residue

    assert residue.is_ui("Editor\u2019s Picks:") and residue.is_ui("Read more: Floods close the motorway")
    assert residue.is_list_head("Related stories") and residue.is_banner("BREAKING NEWS")
    assert not residue.is_ui("More than 100 people were evacuated from the town on Monday.")
    assert not residue.is_ui("Also-ran candidates said the vote was unfair: they will appeal.")
    # neither stage keeps a pattern table of its own any more
    for module in (cleaner, html):
        assert not [
            name
            for name in vars(module)
            if name in {"_UI_RE", "_UI_LINE", "_LINK_LIST_HEAD", "_INBODY_UI_RE", "BANNERS"}
        ]


def test_replacement_marks_from_the_source_are_read_back_as_quotes_apostrophes_and_dashes():
    from dateline.cleaner import restore_replacement_marks

    lost = (
        "HARWICK\ufffd\ufffd\ufffdThe harbour board met on Friday \ufffd a day late \ufffd to vote on the new"
        "\ufffdwall. \ufffdWe don\ufffdt have much time,\ufffd the chairman said.\ufffd\ufffdIt\ufffds now"
        " or never.\ufffd\nHe called the delay \ufffdregrettable\ufffd in a statement.\ufffd"
    )
    assert restore_replacement_marks(lost) == (
        "HARWICK \u2014 The harbour board met on Friday \u2014 a day late \u2014 to vote on the new wall."
        " \u201cWe don\u2019t have much time,\u201d the chairman said. \u201cIt\u2019s now or never.\u201d\n"
        "He called the delay \u201cregrettable\u201d in a statement."
    )
    clean_text = 'He said "no" and left \u2014 it\u2019s over.'
    assert restore_replacement_marks(clean_text) == clean_text


def test_a_quote_whose_marks_the_source_lost_is_still_a_quote():
    page = dateline.clean(
        text="Harbour board delays vote\n\nThe harbour board put off its vote on Friday.\n\n"
        "\ufffdWe need another month to read the engineers\ufffd report,\ufffd the chairman said."
    )
    assert "\ufffd" not in page.text
    assert "\u201cWe need another month to read the engineers\u2019 report,\u201d the chairman said." in page.text


def test_a_standfirst_repeated_as_the_lede_is_said_once():
    page = (
        "Harbour road to close\n\n"
        "The council will close the harbour road for six weeks of repairs from May, the mayor said on Tuesday.\n\n"
        "LONDON (Reuters) - The council will close the harbour road for six weeks of repairs from May, the"
        " mayor said on Tuesday. Work on the sea wall will start first.\n\n"
        "Fishermen said they had not been consulted about the closure."
    )
    cleaned = clean_page(page)
    assert cleaned.text.split("\n\n") == [
        "The council will close the harbour road for six weeks of repairs from May, the mayor said on Tuesday.",
        "Work on the sea wall will start first.",
        "Fishermen said they had not been consulted about the closure.",
    ]
    assert [r.kind for r in cleaned.removed if "six weeks" in r.text] == ["duplicate"]
    assert cleaned.dateline is not None and cleaned.dateline.places == ["London"]
    # a lede that says more than the standfirst in its first sentence is no copy
    fuller = page.replace("the mayor said on Tuesday. Work", "the mayor said on Tuesday in the town hall. Work")
    assert clean_page(fuller).text.count("six weeks of repairs") == 2


def test_a_paragraph_printed_twice_keeps_its_first_place_and_different_paragraphs_stay():
    lede = "The council will close the harbour road for six weeks of repairs from May, the mayor said."
    page = f"Harbour road to close\n\n{lede}\n\n{lede}\n\nFishermen said they had not been consulted."
    cleaned = clean_page(page)
    assert cleaned.text.split("\n\n") == [lede, "Fishermen said they had not been consulted."]
    # a later paragraph that only shares words with the lede is no copy
    other = "The council will close the harbour road for six weeks, and repairs start in May, the mayor said."
    assert clean_page(f"Harbour road to close\n\n{lede}\n\n{other}").text.split("\n\n") == [lede, other]


def test_a_standfirst_repeated_as_the_lede_of_an_html_page_is_said_once():
    lede = "The council will close the harbour road for six weeks of repairs from May, the mayor said on Tuesday."
    html = (
        "<html><head><title>Harbour road to close</title></head><body><article><h1>Harbour road to close</h1>"
        f"<p class='standfirst'><strong>{lede}</strong></p><p>{lede} Work on the sea wall will start first,"
        " and the road will reopen in the summer.</p><p>Fishermen said they had not been consulted about the"
        " closure, which will cut the quay off from the town.</p></article></body></html>"
    )
    text = dateline.clean(html=html).text
    assert text.count("six weeks of repairs") == 1 and "Work on the sea wall" in text


def test_a_captioned_photo_above_the_story_is_no_lede():
    lede = (
        "NEW DELHI: The farmers' protest entered its eleventh day on Sunday, and talks between their"
        " leaders and ministers have not ended it."
    )
    html = (
        "<html><head><title>Farmers' protest enters eleventh day</title></head><body><article>"
        "<h1>Farmers' protest enters eleventh day</h1><p>Farmers rally on a highway near Ambala. (Credits: ANI)</p>"
        f"<p>{lede}</p><p>The farmers have rejected the government's offer to amend the laws and want a special"
        " session of parliament called to repeal them.</p></article></body></html>"
    )
    article = dateline.clean(html=html)
    assert article.text.startswith("The farmers' protest entered its eleventh day")
    assert article.dateline is not None and article.dateline.places == ["New Delhi"]
    assert any(r.kind == "caption" and "Ambala" in r.text for r in article.removed)
    # the same page as text
    page = clean_page(
        "Farmers' protest enters eleventh day\n\nFarmers rally on a highway near Ambala. (Credits: ANI)\n\n"
        f"{lede}\n\nThe farmers have rejected the offer."
    )
    assert page.text.startswith("The farmers' protest") and not any("Ambala" in p for p in page.text.split("\n"))


def test_a_section_and_update_stamp_under_the_standfirst_is_no_story_text():
    body = (
        "A council painter has been covering the town's walls with murals about the harbour's history.\n\n"
        "india Updated: Apr 26, 2020 21:43 IST\n\n"
        "At a time when few people know the harbour's history, a painter in the town is telling it on its walls,"
        " the council said."
    )
    cleaned = clean_page("Painter tells harbour history on town walls\n\n" + body)
    assert "Updated" not in cleaned.text
    assert "council painter" in cleaned.text and "At a time when" in cleaned.text
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    html = (
        f"<html><body><article><h1>Painter tells harbour history on town walls</h1>{paragraphs}</article></body></html>"
    )
    text = dateline.clean(html=html).text
    assert "Updated" not in text and "council painter" in text and "At a time when" in text


def test_titles_listed_under_a_most_read_heading_inside_the_story_are_no_story_text():
    first = (
        "The council voted on Tuesday to close the old harbour road for repairs, and the work will start next"
        " month after the fishing season ends, the mayor told reporters."
    )
    second = (
        "Fishermen said they had not been consulted about the closure, which will cut the quay off from the"
        " town for most of the summer season, and that they would ask the council to think again."
    )
    listed = ["1", "Bridge fire closes motorway", "2", "Mayor wins second term", "Storm cuts power to 2,000 homes"]
    last = "Work on the sea wall will start in May, and the road is expected to reopen before the autumn storms."
    page = "\n\n".join(["Harbour road to close", first, "Most read", *listed, second, "The road ahead", last])
    for text in (clean_page(page).text, dateline.clean(html=_html_page(page)).text):
        assert text.split("\n\n") == [first, second, "The road ahead", last]


def _html_page(page: str) -> str:
    headline, *paragraphs = page.split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body><article><h1>{headline}</h1>{body}</article></body></html>"


def test_a_market_tickers_entries_are_no_story_text():
    story = (
        "Shares in the harbour company rose on Tuesday after the council said the harbour road would reopen"
        " in May, traders said."
    )
    ticker = ["Sensex 41,032.50 ▲ 213.61 (0.52%)", "Brent $63.10 -1.2%", "Gold 1,500.20 ▼ 3.2"]
    page = "\n\n".join(["Harbour shares rise", *ticker, story, "Chelsea 2-1", story.replace("Tuesday", "Monday")])
    for text in (clean_page(page).text, dateline.clean(html=_html_page(page)).text):
        assert not any(t in text for t in ticker), text
        assert "Chelsea 2-1" in text  # a score is no ticker


def test_sub_headings_between_paragraphs_are_headings_not_story_text():
    first = (
        "Health officials in the province said on Monday that two herders had fallen ill after eating"
        " meat from a wild marmot, and that both were in hospital."
    )
    second = "All but four of the people who met them have now been released from observation, officials said."
    third = "The disease spreads through flea bites and, in its pneumonic form, from person to person by coughing."
    fourth = (
        "The province closed two mountain passes to travellers on Tuesday while teams sprayed the pastures"
        " against fleas, the agriculture office said."
    )
    heads = ["DOZENS UNDER OBSERVATION", "How does the disease spread?", "What are the authorities doing?"]
    page = "\n\n".join(["Herders fall ill", first, heads[0], second, heads[1], third, heads[2], fourth])
    for cleaned in (clean_page(page), dateline.clean(html=_html_page(page))):
        assert cleaned.text.split("\n\n") == [first, second, third, fourth]
        assert [r.text for r in cleaned.removed if r.kind == "heading"] == heads
    # title case; a question alone is the writer's own and stays
    page = "\n\n".join(["Herders fall ill", first, "Passes Closed to Travellers", second, heads[1], third])
    for cleaned in (clean_page(page), dateline.clean(html=_html_page(page))):
        assert cleaned.text.split("\n\n") == [first, second, heads[1], third]


def test_short_lines_that_are_story_stay():
    lede = (
        "The council voted on Tuesday to close the old harbour road for repairs, and the work will start next"
        " month after the fishing season ends, the mayor told reporters."
    )
    after = "Fishermen said they had not been consulted about the closure and would ask the council to think again."
    kept = [
        "Why now?",  # two words: an aside, too short to title anything
        "It was not the first time.",  # a short sentence
        "\u201cWhat happens to us now?\u201d",  # a quoted question
        "The road ahead",  # sentence case: a phrase, not a title-case heading
        "Harbour Rovers 2 Quay United 1",  # a result, digits: no title
        "Marta K. Olsen",  # a name with an initial
    ]
    for line in kept:
        page = "\n\n".join(["Harbour road to close", lede, line, after])
        assert line in clean_page(page).text, line


@pytest.mark.parametrize(
    ("tag", "publisher", "agency"),
    [("(CNN) \u2014 ", "CNN", None), ("(CNN)", "CNN", None), ("(Reuters) - ", None, "Reuters")],
)
def test_an_outlet_tag_without_a_place_opens_no_story(tag, publisher, agency):
    lede = "The mayor said the harbour road would reopen in May after the repairs to the sea wall were done."
    rest = "Fishermen said they had not been consulted about the closure and would ask the council to think again."
    for cleaned in (clean_page(f"Road to reopen\n\n{tag}{lede}\n\n{rest}"), clean_body(f"{tag}{lede}\n\n{rest}")):
        assert cleaned.text.startswith("The mayor said")
        assert (cleaned.publisher, cleaned.agency) == (publisher, agency)
        assert [r.text for r in cleaned.removed if r.kind == "dateline"] == [tag.strip()]
        assert cleaned.dateline is None


def test_a_bracketed_word_that_is_no_outlet_stays():
    text = "(Updated) The mayor said the harbour road would reopen in May after the repairs to the sea wall."
    assert clean_body(text).text == text


def test_an_analysis_box_byline_and_its_title_inside_the_story_are_no_story_text():
    first = "Prosecutors said on Tuesday they had dropped the inquiry after interviewing seven witnesses in the case."
    box = "The decision closes one long chapter in the saga, but another one, in the courts abroad, has barely begun."
    last = "His lawyers said they would appeal against the ruling before the end of the month, a spokesman said."
    page = "\n\n".join(
        ["Inquiry dropped", first, "A chapter closes, another opens", "Mara Quell, diplomatic correspondent", box, last]
    )
    for cleaned in (clean_page(page), dateline.clean(html=_html_page(page))):
        assert cleaned.text.split("\n\n") == [first, box, last]
        kinds = {r.text: r.kind for r in cleaned.removed}
        assert kinds["Mara Quell, diplomatic correspondent"] == "byline"
        assert kinds["A chapter closes, another opens"] == "heading"


def test_a_promotion_of_the_outlets_podcast_is_a_prompt():
    from dateline import residue

    assert residue.is_prompt(
        "Catch up on the mayoral race with our reporters on our weekly politics podcast, \u201cCity Desk.\u201d"
    )
    assert residue.is_prompt("Listen to our daily news podcast here.")
    assert not residue.is_prompt("He said he would listen to the concerns of the podcast hosts before deciding.")


def test_site_tag_lone_press_release_dateline_and_footers_are_no_story_text():
    lede = "Verified video footage shows riot police breaking car windows in the capital, the group said on Tuesday."
    rest = "Hundreds of demonstrators blocked roads with their parked cars as a form of protest, witnesses said."
    tagged = clean_body(f"Harbour.Net - {lede}\n\n{rest}")
    assert tagged.text.startswith("Verified video") and tagged.publisher == "Harbour.Net"
    release = clean_body(f"ZUG, SWITZERLAND\n\n{lede}\n\n{rest}")
    assert release.text.startswith("Verified video") and release.dateline.places == ["Zug"]
    assert clean_body(f"NOTE, SWITZERLAND\n\n{lede}").dateline is None  # no place of that name
    footers = [
        "Listen to Radio Harbour live at 12:45 and 17:45 weekdays - or listen back here.",
        "Email Ana Ruiz at aruiz@example.com or follow her @anaruiz.",
        "Editor's note: This story was updated at 5:45 p.m. ET to include details from the council.",
    ]
    for footer in footers:
        assert footer not in clean_body(f"{lede}\n\n{rest}\n\n{footer}").text, footer
    assert "Listen to the people" in clean_body(f"{lede}\n\nListen to the people, he told the crowd.\n\n{rest}").text


def test_a_contributor_line_after_an_outlets_possessive_is_a_credit():
    story = (
        "The mayor said on Tuesday that the harbour road would reopen in May after the repairs to the sea wall,"
        " and that the ferry would run on its summer timetable from June."
    )
    for line, names in [
        ("Fox News\u2019 Jane Roe contributed to this report.", ["Jane Roe"]),
        ("Channel Nine's Ann Lee and Tom Weir contributed to this report.", ["Ann Lee", "Tom Weir"]),
        ("The Harbour Gazette\u2019s Ann Lee contributed reporting.", ["Ann Lee"]),
    ]:
        cleaned = clean_body(f"{story}\n\n{line}")
        assert cleaned.text == story, line
        assert [c.name for c in cleaned.contributors] == names
    # a person's possessive before a noun credits nobody
    line = "The mayor\u2019s husband contributed to the appeal for the lifeboat station."
    assert line in clean_body(f"{story}\n\n{line}").text


def test_a_photo_line_with_a_copyright_sign_is_a_caption():
    first = (
        "The lighting designer showed a sequence of interconnected geometrical forms in the showroom, each one a"
        " lamp that visitors could rearrange with an application on a tablet."
    )
    last = "The installation can be seen in the showroom until the end of the month, the organisers said."
    caption = "Lamps after Lamps, installation views, photos \u00a9 Harbour Gallery, 2018"
    cleaned = clean_body("\n\n".join([first, caption, last]))
    assert cleaned.text.split("\n\n") == [first, last]
    assert [r.kind for r in cleaned.removed if r.text == caption] == ["caption"]
