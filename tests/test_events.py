"""Event coding: the seed through the real pipeline, and hand-written sentences through the real
analysis (spaCy model, actors, places, times) and the PLOVER coder."""

from __future__ import annotations

import logging

import pytest

from dateline.article import Article, Published
from dateline.events.lexicon import PLOVER_TYPES


def _code(nlp, text: str, published: str = "2020-03-04") -> Article:
    from dateline.analyse import analyse_docs

    article = Article(
        id=Article.make_id(text), text=text, language="en", published=Published(date=published, source="metadata")
    )
    analyse_docs(article, nlp(text))
    return article


def _actor(article: Article, actor_id: str):
    return next(a for a in article.actors if a.id == actor_id)


def _names(article: Article, ids) -> list[str]:
    return [_actor(article, i).name for i in ids]


def _countries(article: Article, ids) -> set:
    return {_actor(article, i).country for i in ids}


def _primary(article: Article):
    assert article.events, f"no event coded in {article.text!r}"
    return article.events[0]


# -- the seed -----------------------------------------------------------------------------------


def _about(article: Article, *words: str):
    return [e for e in article.events if all(w in e.evidence.text for w in words)]


def test_seed_planned_meeting(seed_article):
    found = [e for e in _about(seed_article, "will meet", "Vladivostok") if e.type == "CONSULT"]
    assert len(found) == 1
    ev = found[0]
    assert ev.place is not None and ev.place.name == "Vladivostok"
    assert ev.date == "2019-04-25" and ev.date_source == "text"
    assert ev.modality == "future"
    names = " ".join(_names(seed_article, ev.actors + ev.recipients))
    assert "Kim Jong Un" in names and "Putin" in names
    assert ev.quad == 1 and ev.cameo == "040"  # a scheduled meeting; an intention would be 036


def test_seed_february_summit_in_vietnam(seed_article):
    found = [e for e in _about(seed_article, "Vietnam in February") if e.type == "CONSULT"]
    assert found
    assert found[0].date == "2019-02" and found[0].date_source == "text"
    assert found[0].place is not None and found[0].place.name == "Vietnam"


def test_seed_2002_summit_is_historical(seed_article):
    found = [e for e in _about(seed_article, "2002") if e.type == "CONSULT"]
    assert len(found) == 1
    ev = found[0]
    assert ev.date == "2002" and ev.modality == "historical"
    assert "Vladimir Putin" in _names(seed_article, ev.actors)
    assert "Kim Jong Il" in _names(seed_article, ev.recipients)


def test_seed_2011_visit_hosted_by_medvedev(seed_article):
    found = [e for e in _about(seed_article, "2011") if e.type == "CONSULT"]
    assert len(found) == 1, "the visit and its hosting are one event"
    ev = found[0]
    assert ev.mode == "visit" and ev.date == "2011" and ev.modality == "historical"
    assert "Kim Jong Il" in _names(seed_article, ev.actors)
    assert "Dmitry Medvedev" in _names(seed_article, ev.recipients)


def test_seed_no_background_event_dated_on_publication_day(seed_article):
    pub = seed_article.published.date
    assert pub == "2019-04-24"
    for ev in seed_article.events:
        if any(y in ev.evidence.text for y in ("2002", "2009", "2011")):
            assert ev.date != pub, ev
            assert ev.date_source != "published"


def test_seed_events_are_well_formed(seed_article):
    ids = {a.id for a in seed_article.actors}
    assert seed_article.events
    for ev in seed_article.events:
        assert ev.type in PLOVER_TYPES and ev.quad == PLOVER_TYPES[ev.type]
        assert seed_article.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
        assert ev.evidence.text.strip() == ev.evidence.text and ev.evidence.text
        trigger = ev.model_dump()["trigger"]
        assert ev.evidence.start <= trigger["start"] < trigger["end"] <= ev.evidence.end
        assert set(ev.actors + ev.recipients) <= ids
        assert not set(ev.actors) & set(ev.recipients)
        assert 0 < ev.confidence <= 1
        if ev.date_source == "published":
            assert ev.date == seed_article.published.date
    assert len({e.id for e in seed_article.events}) == len(seed_article.events)


# -- hand-written sentences ---------------------------------------------------------------------


def test_reported_accusation_is_accuse_by_the_speaker(nlp):
    a = _code(nlp, "Syrian President Bashar al-Assad accused Israel of attacking a military base near Damascus.")
    ev = _primary(a)
    assert ev.type == "ACCUSE"
    assert _countries(a, ev.actors) == {"SYR"}
    assert "ISR" in _countries(a, ev.recipients)


def test_compound_actors_are_one_event(nlp):
    a = _code(nlp, "France and Germany signed a friendship treaty in Paris on Tuesday.")
    assert len(a.events) == 1
    ev = a.events[0]
    assert ev.type == "SUPPORT" and ev.cameo == "057"
    assert _countries(a, ev.actors) == {"FRA", "DEU"}
    assert ev.place is not None and ev.place.name == "Paris"
    assert ev.date == "2020-03-03" and ev.modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and its creditors reached a deal on the restructuring of the debt on Friday.",
        "The two unions struck an agreement with the port authority after a week of talks.",
        "Chile agreed a new fisheries accord with Peru.",
        "Vietnam and Thailand agreed on the final wording of the rice pact.",
        "The ministers agreed to a revised transit treaty.",
    ],
)
def test_a_deal_concluded_is_a_formal_agreement(nlp, text):
    # CAMEO 057 "sign formal agreement", SUPPORT in the PLOVER 2021 table, however the deal is
    # concluded: signed, reached, struck or agreed (AGREE 030 is an agreement to act later)
    ev = _primary(_code(nlp, text))
    assert (ev.type, ev.cameo) == ("SUPPORT", "057")


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda reached an agreement to reopen the border crossing at Busia.",
        "The rebels agreed to lay down their weapons.",
        "Ghana agreed to a ceasefire with the rebels.",
    ],
)
def test_an_agreement_to_act_stays_agree(nlp, text):
    ev = _primary(_code(nlp, text))
    assert (ev.type, ev.cameo) == ("AGREE", "030")


def test_a_deal_reached_together_is_coded_between_the_parties(nlp):
    a = _code(nlp, "Brazil and Argentina reached a deal on beef exports on Friday.")
    ev = _primary(a)
    assert ev.type == "SUPPORT"
    assert _countries(a, ev.actors) == {"BRA"} and _countries(a, ev.recipients) == {"ARG"}


@pytest.mark.parametrize(
    "text",
    [
        "The state's voter ID law was struck down by a federal judge on Tuesday.",
        "A federal judge struck down the ordinance as unconstitutional.",
        "Activists hope the Supreme Court strikes down the law.",
    ],
)
def test_a_text_struck_down_is_a_ruling_not_an_attack_or_a_strike(nlp, text):
    assert not [e for e in _code(nlp, text).events if e.type in ("ASSAULT", "PROTEST")]


def test_striking_a_target_stays_an_attack(nlp):
    ev = _primary(_code(nlp, "Two missiles struck a fuel depot outside Donetsk on Monday."))
    assert ev.type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister visited a primary school in Leeds to promote the reading scheme.",
        "The governor toured a chocolate factory on Friday.",
        "Potential buyers toured the estate's entertainment area.",
    ],
)
def test_a_visit_to_a_plain_place_has_no_host(nlp, text):
    assert not [e for e in _code(nlp, text).events if e.type == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese premier visited Islamabad on Monday.",
        "The president visited the troops in Kandahar.",
        "The defence secretary visited the ministry in Kyiv.",
    ],
)
def test_a_visit_to_a_country_or_a_political_actor_stays_a_visit(nlp, text):
    ev = _primary(_code(nlp, text))
    assert (ev.type, ev.mode) == ("CONSULT", "visit")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Anyone who gets arrested at the march will be offered free legal advice.", "arrested"),
        ("Whoever is charged under the statute can appeal to the high court.", "charged"),
    ],
)
def test_a_clause_on_a_generic_antecedent_is_hypothetical(nlp, text, trigger):
    found = [e for e in _code(nlp, text).events if e.trigger and e.trigger.text.startswith(trigger)]
    assert found and all(e.modality == "hypothetical" for e in found)


def test_a_clause_on_a_definite_antecedent_is_asserted(nlp):
    found = [e for e in _code(nlp, "Police arrested two men who attacked a guard.").events if e.type == "ASSAULT"]
    assert found and found[0].modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The defector handed intelligence on the missile programme to Seoul.",
        "The interior ministry supplied evidence on the bombing to Pakistani investigators.",
    ],
)
def test_information_handed_over_is_shared_like_information_provided(nlp, text):
    ev = _primary(_code(nlp, text))
    assert (ev.type, ev.cameo) == ("COOPERATE", "064")


@pytest.mark.parametrize(
    "text",
    [
        "The army compelled villagers to abandon their farms near the border.",
        "Border guards forced the migrants to return to Turkey.",
    ],
)
def test_a_political_actor_forcing_someone_to_act_coerces(nlp, text):
    ev = _primary(_code(nlp, text))
    assert (ev.type, ev.cameo) == ("COERCE", "170")


def test_circumstances_forcing_a_firm_coerce_nobody(nlp):
    assert not _code(nlp, "The storm forced the airline to cancel hundreds of flights.").events


def test_future_meeting_with_place_and_date(nlp):
    a = _code(nlp, "Iranian Foreign Minister Javad Zarif will meet his Turkish counterpart in Ankara on Friday.")
    ev = _primary(a)
    assert ev.type == "CONSULT" and ev.modality == "future"
    assert ev.place is not None and ev.place.name == "Ankara"
    assert ev.date == "2020-03-06"


def test_negated_event(nlp):
    a = _code(nlp, "Egyptian police did not arrest the protesters in Cairo on Monday.")
    ev = _primary(a)
    assert ev.type == "COERCE" and ev.mode == "arrest" and ev.modality == "negated"


def test_refusal_is_reject(nlp):
    a = _code(nlp, "Pakistan refused to send troops to Yemen, the foreign ministry said.")
    ev = _primary(a)
    assert ev.type == "REJECT"
    assert "PAK" in _countries(a, ev.actors)


def test_will_not_accept_is_reject(nlp):
    a = _code(nlp, "Jordan says it will not accept any more refugees from Syria.")
    assert _primary(a).type == "REJECT"


def test_conditional_threat_is_hypothetical(nlp):
    a = _code(nlp, "If the talks fail, the army could attack the rebel positions near Idlib.")
    kinds = {(e.type, e.modality) for e in a.events}
    assert ("ASSAULT", "hypothetical") in kinds


def test_vow_to_attack_is_threaten(nlp):
    a = _code(nlp, "The rebels vowed to attack the capital.")
    assert _primary(a).type == "THREATEN"


def test_demand_that_names_the_addressee(nlp):
    a = _code(nlp, "China demanded that the United States cancel the sale of fighter jets to Taiwan.")
    ev = _primary(a)
    assert ev.type == "REQUEST"
    assert _countries(a, ev.actors) == {"CHN"}
    assert "USA" in _countries(a, ev.recipients)


def test_assault_mode_from_instrument(nlp):
    a = _code(nlp, "A car bomb killed 12 soldiers in Kabul on Sunday.")
    ev = _primary(a)
    assert ev.type == "ASSAULT" and ev.mode == "explosives"
    assert ev.date == "2020-03-01"


def test_past_event_without_time_is_dated_by_publication(nlp):
    a = _code(nlp, "Kenyan police arrested three opposition leaders in Nairobi.")
    ev = _primary(a)
    assert ev.date == "2020-03-04" and ev.date_source == "published" and ev.modality == "asserted"


def test_old_event_is_historical_and_keeps_its_year(nlp):
    a = _code(nlp, "Kenyan police arrested three opposition leaders in Nairobi in 2007.")
    ev = _primary(a)
    assert ev.date == "2007" and ev.modality == "historical"


def test_place_is_the_clause_place_not_the_report_place(nlp):
    a = _code(nlp, "Speaking in Brussels, the minister said Serbian troops had shelled villages near Pristina.")
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert ev.place is not None and ev.place.name != "Brussels"


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Paris was mild on Tuesday.",
        "Shares in the company rose 3 percent after the results were released.",
        "The museum will open a new exhibition of Dutch paintings next month.",
    ],
)
def test_silence_without_political_event(nlp, text):
    assert _code(nlp, text).events == []


def test_first_person_in_a_quote_is_the_speaker(nlp):
    a = _code(
        nlp,
        '"We will not accept any foreign troops on our soil," Iraqi Prime Minister Mustafa al-Kadhimi said on Monday.',
    )
    ev = _primary(a)
    assert ev.type == "REJECT"
    assert _names(a, ev.actors) == ["Mustafa al-Kadhimi"]


def test_event_in_a_conditional_clause_is_hypothetical_and_undated(nlp):
    a = _code(nlp, "The army will attack the city if the rebels do not surrender.")
    surrender = next(e for e in a.events if e.type == "RETREAT")
    assert surrender.modality == "hypothetical"
    assert surrender.date is None and surrender.date_source == "none"


def test_a_time_in_a_complement_clause_dates_its_act_and_conjoined_acts_share_it(nlp):
    # the parser hangs "from 2011 to 2014" on "cheated" inside the clause "alleged" governs: the
    # years date the abuse (which shares them with "cheated"), not the allegation
    a = _code(
        nlp,
        'Prosecutors alleged that Smith "cheated and abused dozens of young migrants" at his ranch in El Paso, '
        "Texas, and at other locations from 2011 to 2014.",
        "2019-11-20",
    )
    accuse = next(e for e in a.events if e.type == "ACCUSE")
    abuse = next(e for e in a.events if e.type == "ASSAULT")
    assert accuse.date == "2019-11-20" and accuse.date_source == "published"
    assert abuse.date == "2011" and abuse.date_source == "text" and abuse.modality == "historical"


@pytest.mark.parametrize(
    "text, date",
    [
        ("Iran warned on Sunday that it would retaliate against any attack.", "2019-11-17"),
        ("The council demanded on Monday that the troops leave the city.", "2019-11-18"),
    ],
)
def test_a_time_before_the_complement_clause_dates_the_governing_act(nlp, text, date):
    ev = _primary(_code(nlp, text, "2019-11-20"))
    assert ev.date == date and ev.date_source == "text"


@pytest.mark.parametrize(
    "text",
    [
        "The attack, which happened on Monday, killed 20 soldiers in the north of the country.",
        "The explosion on Monday destroyed the bank branch.",
    ],
)
def test_an_act_whose_subject_is_a_dated_event_takes_its_time(nlp, text):
    # the killing is the attack's: the time the subject's own clause gives dates the verb too
    a = _code(nlp, text, "2019-04-24")
    verb = next(e for e in a.events if e.trigger and e.trigger.text.split()[0] in ("killed", "destroyed"))
    assert verb.date == "2019-04-22" and verb.date_source == "text"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kidnapped two aid workers, police said Monday.",
        "Police said on Monday that gunmen had kidnapped two aid workers.",
    ],
)
def test_a_reported_act_without_a_time_is_dated_by_the_report(nlp, text):
    # it happened by the report's day: the publication day two days later would misdate it
    ev = next(e for e in _code(nlp, text, "2019-04-24").events if e.type == "ASSAULT")
    assert ev.date == "2019-04-22" and ev.date_source == "text" and ev.modality == "asserted"


def test_a_report_time_never_dates_a_future_act_nor_one_of_its_own(nlp):
    a = _code(nlp, "Police said on Monday that gunmen will attack the border town.", "2019-04-24")
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert ev.date != "2019-04-22"
    a = _code(nlp, "Police said on Monday that gunmen had kidnapped two aid workers in 2017.", "2019-04-24")
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert ev.date == "2017"


def test_event_during_another_takes_its_time_and_place(nlp):
    a = _code(
        nlp, "Hundreds of people were arrested during the protests in Moscow on Saturday.", published="2019-07-24"
    )
    arrest = next(e for e in a.events if e.type == "COERCE")
    assert arrest.date == "2019-07-20" and arrest.date_source == "text"
    assert arrest.place is not None and arrest.place.name == "Moscow"


def test_travel_for_talks_takes_the_talks_partners(nlp):
    a = _code(
        nlp,
        "The Indian foreign minister flew to Kabul on Tuesday for talks with Afghan officials.",
        published="2019-07-24",
    )
    ev = _primary(a)
    assert ev.type == "CONSULT" and ev.mode == "visit"
    assert ev.place is not None and ev.place.name == "Kabul"
    assert "AFG" in _countries(a, ev.recipients)


def test_time_values_are_written_as_contract_dates():
    from dateline.events.dating import contract_value as _contract_value

    assert _contract_value("2019-04-25") == "2019-04-25"
    assert _contract_value("2024-W06") == "2024-02"  # ISO week 6 of 2024 starts on 5 February
    assert _contract_value("2024-SU") == "2024"
    assert _contract_value("PRESENT_REF") is None
    assert _contract_value("2020-05-09TNI") == "2020-05-09"


def test_a_week_dates_an_event_by_the_month_holding_most_of_it():
    """A week the contract cannot write dates an event by the month holding most of its days:
    2020-W27 runs from Monday 29 June to Sunday 5 July, so July; a weekend is its month, not its
    year. A past event in a week not over by the publication day counts only the days up to it."""
    import datetime as dt

    from dateline.events.dating import contract_value as _contract_value

    assert _contract_value("2020-W27") == "2020-07"
    assert _contract_value("2020-W27", until=dt.date(2020, 6, 30)) == "2020-06"  # "earlier this week", Tuesday
    assert _contract_value("2020-W18-WE") == "2020-05"  # Saturday 2 and Sunday 3 May
    assert _contract_value("2020-W27", until=dt.date(2020, 7, 8)) == "2020-07"  # a week gone by


def test_a_time_of_another_noun_or_of_the_source_does_not_date_the_event(nlp):
    """A year modifying a noun deep in the clause is the noun's ("the precedent of a 2012 ruling"),
    not the pledge's; a day after "according to ..." is the source's, not the release's."""
    a = _code(nlp, "He pledged to follow the precedent of a 2012 Supreme Court ruling.", published="2020-07-18")
    ev = _primary(a)
    assert (ev.type, ev.date, ev.date_source, ev.modality) == ("AGREE", "2020-07-18", "published", "asserted")
    a = _code(nlp, "Soltan was released in May, according to court filings Friday.", published="2020-07-18")
    ev = _primary(a)
    assert (ev.type, ev.date, ev.date_source) == ("RETREAT", "2020-05", "text")
    a = _code(nlp, "Rebels attacked the town during the 2016 election.", published="2020-07-18")
    ev = _primary(a)
    assert (ev.type, ev.date) == ("ASSAULT", "2016")  # the noun an argument of the trigger: its year


def test_the_narrative_day_of_the_sentence_before_dates_a_past_act(nlp):
    """ "On Friday evening, protesters gathered ... police fired tear gas": Friday, not the Saturday
    publication day; not a present act (the narrative across paragraphs: tests/test_times.py)."""
    text = "On Friday evening, protesters gathered outside the theater. Police fired tear gas at the crowd."
    ev = next(e for e in _code(nlp, text, published="2020-01-18").events if e.type == "COERCE")
    assert (ev.date, ev.date_source) == ("2020-01-17", "text")
    text = "On Friday evening, protesters gathered outside the theater.\n\nPolice say they fire tear gas at crowds."
    ev = next(e for e in _code(nlp, text, published="2020-01-18").events if e.type == "COERCE")
    assert (ev.date, ev.date_source) == ("2020-01-18", "published")


def test_a_past_act_that_lasted_months_is_historical(nlp):
    """ "who was imprisoned for 21 months": begun long before the story, no date; "detained for
    12 hours" is not."""
    text = "Soltan, who was imprisoned for 21 months in Cairo, sued the former prime minister."
    ev = next(e for e in _code(nlp, text, published="2020-07-18").events if e.trigger.text == "imprisoned")
    assert (ev.date, ev.date_source, ev.modality) == (None, "none", "historical")
    text = "Police detained the journalist for 12 hours."
    ev = _primary(_code(nlp, text, published="2020-07-18"))
    assert (ev.date, ev.date_source, ev.modality) == ("2020-07-18", "published", "asserted")


def test_an_event_last_week_or_a_few_days_ago_is_dated(nlp):
    """ "last week" (2020-W27, 29 June to 5 July, told on 8 July) and "a few days ago" date their
    events by a month; "a few days ago" is no historical event, and neither takes the publication day."""
    a = _code(nlp, "Troops withdrew from the town last week.", published="2020-07-08")
    ev = _primary(a)
    assert (ev.type, ev.date, ev.date_source, ev.modality) == ("RETREAT", "2020-07", "text", "asserted")
    a = _code(nlp, "A few days ago, protesters clashed with police in the capital.", published="2020-05-14")
    ev = _primary(a)
    assert (ev.type, ev.date, ev.date_source, ev.modality) == ("PROTEST", "2020-05", "text", "asserted")


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake killed eight people on the island of Java on Monday.",
        "Six workers were killed when a chemical plant exploded in Texas.",
        "A tsunami slammed into the coast of Sumatra.",
        # round 23: the toll told by a participle of the crash, a road vehicle as the doer
        "Two trains collided near Cairo, killing 32 people.",
        "The minibus overturned on the mountain road, killing 14.",
        "The helicopter crashed in the mountains, killing all five crew.",
        "A truck struck a school bus near Lahore, killing six children.",
        "The driver was killed when his car struck a tree.",
        # a driver's collision with a vehicle or what lines the road (police blotter, set19)
        "A vehicle driven by Todd Richter was southbound when it struck the back of a vehicle, which was parked.",
        "The driver lost control and struck a tree.",
    ],
)
def test_disasters_and_accidents_are_not_assaults(nlp, text):
    assert not [e for e in _code(nlp, text).events if e.type in ("ASSAULT", "COERCE", "ACCUSE")]


@pytest.mark.parametrize(
    "text",
    [
        "A militant rammed a truck into the crowd, killing 86.",
        "Israeli jets struck Gaza, killing 10 people.",
        "A truck bomb hit the army base in Kabul.",
        "Gunmen opened fire on a bus, killing eight passengers.",
        # driving into people on purpose
        "A car rammed into a crowd of pedestrians in Berlin, killing eight.",
        "A van drove into worshippers outside the mosque, injuring ten.",
        "Militants struck a police car with a roadside bomb.",
        # a vehicle crashing into people is a ramming, whatever the verb
        "A truck crashed into a crowd celebrating Bastille Day in Nice, killing 84 people.",
        "A lorry smashed into shoppers at a Christmas market, killing 12.",
        "A car slammed into protesters in Charlottesville, killing one woman.",
    ],
)
def test_an_attack_with_or_on_a_vehicle_is_still_an_attack(nlp, text):
    assert any(e.type == "ASSAULT" for e in _code(nlp, text).events)


def test_a_bomb_exploding_is_still_an_attack(nlp):
    a = _code(nlp, "A car bomb exploded near a police station in Mogadishu, killing five officers.")
    assert any(e.type == "ASSAULT" for e in a.events)


# -- rule classes added after the first evaluation round (hand-written sentences) ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Riot police clashed with hundreds of protesters in the capital on Friday.",
        "Heavy clashes broke out between police and protesters outside the parliament on Saturday.",
    ],
)
def test_clashes_with_protesters_are_riots(nlp, text):
    ev = _primary(_code(nlp, text))
    assert ev.type == "PROTEST" and ev.mode == "riot" and ev.cameo == "145"


def test_clashes_between_armed_sides_stay_assaults(nlp):
    assert _primary(_code(nlp, "Government troops clashed with rebels near the border.")).type == "ASSAULT"


def test_protesters_with_rockets_assault_rather_than_riot(nlp):
    ev = _primary(_code(nlp, "Demonstrators fired rockets at the presidential palace."))
    assert ev.type == "ASSAULT" and ev.mode == "heavy-weapons"


def test_swearing_to_fight_is_a_threat_but_a_swearing_in_is_nothing(nlp):
    assert _primary(_code(nlp, "Rebel commanders swore to fight until the last village is taken.")).type == "THREATEN"
    assert not _code(nlp, "The new president was sworn in on Monday.").events


def test_weapons_striking_and_aircraft_destroying_are_assaults(nlp):
    ev = _primary(_code(nlp, "Three rockets struck near the embassy in Baghdad on Sunday."))
    assert ev.type == "ASSAULT" and ev.mode == "heavy-weapons"
    ev = _primary(_code(nlp, "Russian warplanes destroyed an ammunition depot near Aleppo."))
    assert ev.type == "ASSAULT" and ev.mode == "aerial" and ev.cameo == "195"
    # destroying without a weapon named stays property destruction
    assert _primary(_code(nlp, "Israeli forces destroyed the house of a suspected militant.")).type == "COERCE"


def test_peacekeepers_arriving_are_protection_not_a_visit(nlp):
    ev = _primary(_code(nlp, "Pakistani peacekeeping troops arrived in Liberia on Tuesday."))
    assert ev.type == "AID" and ev.cameo == "074"
    assert _primary(_code(nlp, "The Pakistani prime minister arrived in Liberia on Tuesday.")).type == "CONSULT"


def test_preparing_to_attack_is_mobilization(nlp):
    ev = _primary(_code(nlp, "The army prepared to resume shelling the rebel-held town."))
    assert ev.type == "MOBILIZE" and ev.modality == "asserted"


def test_exercises_of_two_nations_are_joint(nlp):
    ev = _primary(
        _code(nlp, "Indian and Japanese warships launched five days of naval exercises in the Bay of Bengal.")
    )
    assert ev.type == "COOPERATE"
    assert (
        _primary(_code(nlp, "Indian warships launched five days of naval exercises in the Bay of Bengal.")).type
        == "MOBILIZE"
    )


def test_opening_a_border_and_taking_control(nlp):
    ev = _primary(_code(nlp, "Turkey reopened its border with Syria to let aid through."))
    assert ev.type == "RETREAT" and ev.mode == "access"
    # taking control of a place is occupation, COERCE seize (CAMEO 192); storming it is an assault
    ev = _primary(_code(nlp, "Rebels gained control of the base after days of fighting."))
    assert ev.type == "COERCE" and ev.cameo == "192"
    assert _primary(_code(nlp, "Rebels stormed the base at dawn.")).type == "ASSAULT"
    assert not [e for e in _code(nlp, "The army settled 20 families in the village.").events if e.type == "AGREE"]


@pytest.mark.parametrize(
    "text, etype",
    [
        ("The opposition leader lashed out at the government over the price of bread.", "ACCUSE"),
        ("The union finally gave in to the government's demands on Friday.", "CONCEDE"),
        ("The prime minister snubbed the invitation from Moscow.", "REJECT"),
        ("Police clamped down on dissent in the capital.", "COERCE"),
        ("The government nationalised the country's largest oil company.", "COERCE"),
        ("Army helicopters strafed the village at dawn.", "ASSAULT"),
        ("The rebels ceded two districts to the army under the deal.", "RETREAT"),
        ("The country amassed troops along the border.", "MOBILIZE"),
        ("The United States imposed tariffs on Chinese steel.", "COERCE"),  # CAMEO 163: COERCE in PLOVER 2021
        ("Canada recalled its ambassador from Riyadh.", "SANCTION"),
        ("France and Britain joined forces to patrol the Channel.", "COOPERATE"),
        ("The prime minister paid tribute to the rescue workers.", "SUPPORT"),
    ],
)
def test_general_coverage_verbs(nlp, text, etype):
    assert _primary(_code(nlp, text)).type == etype


def test_event_nouns_with_their_own_time_or_place(nlp):
    ev = _primary(_code(nlp, "The ambush near Kandahar on Monday left six soldiers dead."))
    assert ev.type == "ASSAULT"
    ev = _primary(_code(nlp, "The release of the hostages in Beirut on Friday was welcomed by France."))
    assert ev.type in ("SUPPORT", "RETREAT")


def test_released_rebels_are_people_and_missiles_name_the_mode(nlp):
    ev = _primary(_code(nlp, "The government released 30 separatist rebels in exchange for 16 soldiers."))
    assert ev.type == "RETREAT" and ev.mode == "release"
    ev = _primary(_code(nlp, "The airliner was blown up over Ukraine by a surface-to-air missile."))
    assert ev.type == "ASSAULT" and ev.mode == "heavy-weapons" and ev.cameo == "194"
    assert _primary(_code(nlp, "Rebels blew up a bridge near the town.")).type == "COERCE"


def test_swearing_to_fight_through_an_adverbial_clause(nlp):
    a = _code(nlp, "Ethnic Albanians have sworn to fight until they gain control of villages near the border.")
    assert _primary(a).type == "THREATEN"


def test_a_press_release_is_not_a_release(nlp):
    a = _code(
        nlp, "The army has been holding thousands of refugees in the camps, according to a press release by the rebels."
    )
    assert not [e for e in a.events if e.type == "RETREAT"]


def test_out_of_the_question_is_a_refusal(nlp):
    a = _code(nlp, "US officials said that removing the sanctions is currently out of the question.")
    assert _primary(a).type == "REJECT"


def test_ordering_a_closure_or_a_departure_is_coercion(nlp):
    ev = _primary(_code(nlp, "The government ordered the opposition newspaper to suspend publication."))
    assert ev.type == "COERCE" and ev.mode == "restrict"
    ev = _primary(_code(nlp, "The government ordered all foreign journalists to leave the country."))
    assert ev.type == "COERCE" and ev.cameo == "174"
    assert _primary(_code(nlp, "The commander ordered his troops to halt the advance.")).type != "COERCE"


@pytest.mark.parametrize(
    "text, etype, mode",
    [
        ("The rebels laid down their arms on Saturday.", "RETREAT", "disarm"),
        ("Soldiers loyal to the president crushed the uprising.", "COERCE", None),
        ("Authorities expelled three foreign journalists.", "COERCE", "deport"),
        ("The army placed its units on full alert.", "MOBILIZE", "troops"),
        ("The general strike paralysed the capital for a third day.", "PROTEST", "boycott"),
    ],
)
def test_light_verbs_and_event_noun_subjects(nlp, text, etype, mode):
    ev = _primary(_code(nlp, text))
    assert ev.type == etype and ev.mode == mode


def test_expelling_diplomats_is_a_sanction_and_refusing_to_disarm_a_rejection(nlp):
    assert _primary(_code(nlp, "Washington expelled two Soviet diplomats for spying.")).type == "SANCTION"
    assert _primary(_code(nlp, "The rebels said they would not lay down their arms.")).type == "REJECT"


def test_considered_and_planned_event_nouns_are_not_asserted(nlp):
    ev = _primary(_code(nlp, "The United States is considering sanctions against the regime."))
    assert ev.type == "COERCE" and ev.modality == "hypothetical"


def test_mass_expulsion_is_an_assault_but_expelling_a_few_is_coercion(nlp):
    ev = _primary(_code(nlp, "Troops drove thousands of villagers from their homes."))
    assert ev.type == "ASSAULT" and ev.cameo == "201"
    ev = _primary(_code(nlp, "The army expelled more than 2,000 residents from the border area."))
    assert ev.type == "ASSAULT"
    assert _primary(_code(nlp, "Authorities expelled three foreign journalists.")).type == "COERCE"


def test_raised_alerts_and_reduced_missions(nlp):
    assert _primary(_code(nlp, "Police raised the security alert to its highest level.")).type == "MOBILIZE"
    assert _primary(_code(nlp, "The government reduced its diplomatic staff in Tehran.")).type == "SANCTION"


def test_announcing_ones_own_future_act_is_an_intent_code(nlp):
    ev = _primary(_code(nlp, "Israel announced it would free 150 Palestinian prisoners."))
    assert ev.type == "RETREAT" and ev.modality == "future" and ev.cameo == "035"
    ev = _primary(_code(nlp, "The Kremlin said Kim Jong Un and Vladimir Putin will meet in Vladivostok."))
    assert ev.type == "CONSULT" and ev.cameo == "040"  # a scheduled meeting, reported by a third party


def test_pressuring_someone_to_act_is_a_request(nlp):
    ev = _primary(_code(nlp, "Congress pressured the president to help Iran."))
    assert ev.type == "REQUEST"


@pytest.mark.parametrize(
    "text, etype",
    [
        ("The state media attacked the United States for interfering in its internal affairs.", "ACCUSE"),
        ("The spokesman described the bombing as a cowardly act of terrorism.", "ACCUSE"),
        ("The minister termed the decision a grave mistake.", "ACCUSE"),
        ("The president described the talks as a breakthrough.", "SUPPORT"),
        ("The UN called on the rebels to stop the massacre of civilians.", "REQUEST"),
        ("Rebels attacked the army base at dawn.", "ASSAULT"),
    ],
)
def test_verbal_attacks_and_evaluative_naming(nlp, text, etype):
    assert _primary(_code(nlp, text)).type == etype


@pytest.mark.parametrize(
    "text, etype",
    [
        ("The last Soviet soldiers left Afghanistan on Wednesday.", "RETREAT"),
        ("American troops arrived in Saudi Arabia on Thursday.", "MOBILIZE"),
        ("The rebels freed the kidnapped missionaries.", "RETREAT"),
        ("The country was suspended from the Commonwealth.", "SANCTION"),
    ],
)
def test_troop_movements_released_people_and_suspensions(nlp, text, etype):
    assert _primary(_code(nlp, text)).type == etype


@pytest.mark.parametrize(
    "text, etype, mode",
    [
        ("Thousands of people took to the streets in the capital on Friday.", "PROTEST", "demo"),
        ("Crowds of protesters defied a police ban on Saturday.", "PROTEST", "demo"),
        ("An angry mob vandalized five temples.", "PROTEST", "riot"),
        ("Villagers pelted the police with stones.", "PROTEST", "riot"),
        ("Palestinian youths threw stones at Israeli soldiers in Hebron.", "PROTEST", "riot"),
        ("Soldiers threw grenades into the bunker.", "ASSAULT", "explosives"),
        (
            "Sexual violence against women by soldiers has been widespread in the region since March.",
            "ASSAULT",
            "sexual",
        ),
    ],
)
def test_crowds_mobs_stones_and_sexual_violence(nlp, text, etype, mode):
    ev = _primary(_code(nlp, text))
    assert ev.type == etype and ev.mode == mode


def test_prisoner_exchanges_but_not_exchanges_of_views(nlp):
    ev = _primary(_code(nlp, "The prisoner exchange took place in Geneva on Friday."))
    assert ev.type == "RETREAT" and ev.mode == "release"
    assert (
        _primary(_code(nlp, "Libya's rival sides on Monday conducted another exchange of prisoners.")).type == "RETREAT"
    )
    # an exchange of views is a consultation (CAMEO 04), never a release
    views = _code(nlp, "The two ministers conducted an exchange of views in Paris on Monday.")
    assert [e.type for e in views.events] == ["CONSULT"]


def test_coordinated_objects_are_searched(nlp):
    ev = _primary(
        _code(nlp, "The United States is providing aerial photographs and military intelligence to Macedonia.")
    )
    assert ev.type == "COOPERATE" and ev.cameo == "064"


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Syria denied that it had sent troops into Lebanon.", "REJECT"),
        ("The United States denied him a visa.", "SANCTION"),
        ("Israel sealed off the West Bank and Gaza Strip.", "COERCE"),
        ("Soldiers set up roadblocks around the city.", "COERCE"),
        ("The navy intercepted a ship carrying arms to the rebels.", "COERCE"),
    ],
)
def test_denials_closures_and_interceptions(nlp, text, etype):
    assert _primary(_code(nlp, text)).type == etype


def test_declining_to_comment_is_no_event(nlp):
    assert not _code(nlp, "The spokesman declined to comment on the report.").events
    assert _primary(_code(nlp, "The government refused to release the prisoners.")).type == "REJECT"


def test_a_conditional_clause_does_not_outrank_its_main_clause(nlp):
    ev = _primary(_code(nlp, "The government said it was ready to resume talks if the rebels laid down their arms."))
    assert ev.type == "CONSULT" and ev.modality == "future"


def test_occupations_are_people(nlp):
    ev = _primary(_code(nlp, "The king pardoned the jailed editor."))
    assert ev.type == "RETREAT" and ev.mode == "release"


def test_refusing_to_provide_is_still_a_rejection(nlp):
    assert _primary(_code(nlp, "The government refused to provide details of the deal to parliament.")).type == "REJECT"


@pytest.mark.parametrize(
    "text, etype, cameo",
    [
        ("Authorities closed down two independent radio stations.", "COERCE", "172"),
        ("The military government dissolved parliament.", "COERCE", "172"),
        ("Police used tear gas to disperse the crowd.", "COERCE", "175"),
        ("The army used chemical gas against the villages.", "ASSAULT", "190"),
    ],
)
def test_closures_dissolutions_and_riot_control(nlp, text, etype, cameo):
    ev = _primary(_code(nlp, text))
    assert ev.type == etype and ev.cameo == cameo


def test_a_party_claiming_an_attack_by_another_accuses_it(nlp):
    a = _code(nlp, "The United States claimed that Iraq had attacked Kuwait.")
    ev = _primary(a)
    assert (ev.type, ev.mode, ev.cameo) == ("ACCUSE", "allege", "112")
    assert _countries(a, ev.actors) == {"USA"} and _countries(a, ev.recipients) == {"IRQ"}
    attack = [e for e in a.events if e.type == "ASSAULT"]
    assert attack and _countries(a, attack[0].actors) == {"IRQ"}  # the attack stays an event


def test_a_party_reporting_an_attack_on_itself_accuses(nlp):
    ev = _primary(_code(nlp, "Israel said a mortar bomb was fired at it from the Gaza Strip on Tuesday."))
    assert ev.type == "ACCUSE" and ev.cameo == "112"


@pytest.mark.parametrize(
    "text",
    [
        "Israeli bulldozers demolished Palestinian homes in Gaza, Palestinian officials said.",  # sourcing
        "Serbia said its forces attacked the village.",  # a claim, not an accusation
        "Human Rights Watch said security forces tortured scores of refugees.",  # a monitor reports
        "Iraqi officials say Islamic State militants have attacked a police base.",  # a state sources news
        "Pakistan's military says suicide bombers blew themselves up near a police vehicle.",  # reflexive
    ],
)
def test_attributions_and_claims_are_not_accusations(nlp, text):
    assert all(e.type != "ACCUSE" for e in _code(nlp, text).events)


@pytest.mark.parametrize(
    "text",
    [
        # the attack reported is addressed to "you" (the reader, as nonevents reads it) and is
        # dropped with the accusation that rested on it; the coder crashed here (a KeyError in
        # select.finish: the accusation had no record)
        "The rebels say you are killing civilians.",
        "The army says you attacked the village.",
        "Then they claim my religion and say you are killing for Christ.",
    ],
)
def test_a_dropped_reported_accusation_leaves_no_pair_behind(nlp, text):
    a = _code(nlp, text)
    assert not [e for e in a.events if e.rule.startswith("reported+")], [(e.type, e.rule) for e in a.events]


def test_pressure_from_someone_is_their_request(nlp):
    a = _code(nlp, "Obama faces pressure from Congress to help Iran.")
    ev = _primary(a)
    assert ev.type == "REQUEST" and ev.mode == "assist"
    assert _names(a, ev.actors) == ["Congress"] and "Obama" in " ".join(_names(a, ev.recipients))


def test_condolences_are_support_with_cameo_empathy(nlp):
    ev = _primary(_code(nlp, "President Obama expressed sorrow for the horrific shootings in South Carolina."))
    assert (ev.type, ev.cameo) == ("SUPPORT", "018")


@pytest.mark.parametrize(
    "text,country",
    [
        ("The State Department advised against travel to Tunisia after the museum shooting last week.", "TUN"),
        ("The ministry warned citizens against travelling to Iraq.", "IRQ"),
    ],
)
def test_a_travel_warning_reduces_relations_with_the_country(nlp, text, country):
    a = _code(nlp, text)
    ev = _primary(a)
    assert (ev.type, ev.cameo) == ("SANCTION", "160")
    assert _countries(a, ev.recipients) == {country}
    assert all(e.type != "CONSULT" for e in a.events)  # the travel warned against is no visit


# -- the learned event-type model (issue #14 item 1) ---------------------------------------------


def test_the_event_model_ships_in_the_package_and_loads():
    from importlib import resources

    from dateline.events import model as M

    base = resources.files("dateline").joinpath("data", "events")
    for name in ("model.npz", "model.json"):
        assert base.joinpath(name).is_file(), name
    assert base.joinpath("model.npz").stat().st_size < 4_000_000  # small enough to ship
    m = M.load()
    assert m is not None, "the shipped model did not load (DATELINE_EVENT_MODEL switches it off)"
    assert m.types[0] == "NONE" and set(m.types[1:]) == set(PLOVER_TYPES)
    assert m.W.shape == (M.N_FEATURES, len(m.types))


def test_the_libraries_the_model_was_trained_under_are_pinned_and_installed():
    """A rebuilt machine reproduces the shipped weights only under the same numerical libraries
    (round 16: a fresh venv drifted by 0.005 and `train_events.py --check` failed). constraints.txt
    pins them, `make setup` installs with it, and this environment has exactly those versions."""
    import json
    import re
    from importlib import resources
    from importlib.metadata import version
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    pins = dict(
        re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line).groups()  # type: ignore[union-attr]
        for line in (root / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    meta = json.loads(resources.files("dateline").joinpath("data", "events", "model.json").read_text())
    trained_with = meta["training"]["libraries"]
    assert {k: pins.get(k) for k in trained_with} == trained_with
    assert {k: version(k) for k in pins} == pins
    assert "pip install --quiet -c constraints.txt" in (root / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "Assange is battling extradition to the United States in a London court.",
        "The ruling set off a firestorm of criticism from opposition lawmakers.",
        "The battle to win next month's election has begun in earnest.",
        "Liverpool crushed Chelsea 4-1 at Anfield on Saturday.",
        "The senator has been battling the governor over the budget for months.",
        "Oil prices exploded after the pipeline outage.",
    ],
)
def test_figures_of_speech_sports_and_markets_are_no_assaults(nlp, text):
    assert not [e for e in _code(nlp, text).events if e.type in ("ASSAULT", "COERCE")]


def test_the_model_keeps_real_attacks(nlp):
    a = _code(nlp, "Rebels attacked an army base in the north of the country on Monday, killing six soldiers.")
    assert _primary(a).type == "ASSAULT"


def test_the_model_codes_what_the_rules_miss_and_says_so(nlp):
    """A verb no rule knows as an event: the model's decision names itself in ``rule`` (an
    organisation's act; "a Gulf foundation", no actor the analysis knows, adds nothing)."""
    from dateline.events import lexicon as lx

    text = "The Red Crescent raised funds for flood victims in Pakistan."
    assert "raise" not in lx.VERBS  # the rules are silent on this verb
    ev = _primary(_code(nlp, text))
    assert ev.type == "AID" and "model" in (ev.rule or "")


@pytest.mark.parametrize(
    "text",
    [
        "Japan pledged new funding to fight the spread of malaria in East Africa.",
        "The minister vowed to battle the effects of the drought on farmers.",
    ],
)
def test_a_fight_against_the_noun_of_an_ill_is_no_attack_nor_threat(nlp, text):
    """What is fought is the ill even when the object names its spread or its effects: no
    ASSAULT, and nothing a pledge or a vow turns into a threat."""
    types = [e.type for e in _code(nlp, text).events]
    assert "ASSAULT" not in types and "THREATEN" not in types, types


def test_a_fight_against_the_forces_of_an_enemy_is_still_one(nlp):
    types = [e.type for e in _code(nlp, "The army vowed to fight the remnants of the rebel group in the east.").events]
    assert types and types[0] == "THREATEN", types


@pytest.mark.parametrize(
    "text, verb",
    [
        ("The charity raised money to battle hunger in the northern provinces.", "raised"),
        ("The government poured money into battling the drought in the south.", "poured"),
    ],
)
def test_the_model_codes_a_sentence_whose_candidates_the_rules_all_dropped(nlp, text, verb):
    """The rules propose "battle" and then judge it a figure of speech (an ill fought, no attack):
    the sentence is as silent as one where they proposed nothing, so the model adds the act
    beside it, and never the word the rules judged."""
    from dateline.events.candidates import find_candidates
    from dateline.events.parse import Context

    doc = nlp(text)
    article = _code(nlp, text)
    assert find_candidates(next(iter(doc.sents)), Context(article, doc))  # the rules proposed something
    coded = [(e.type, e.trigger.text if e.trigger else None, (e.rule or "").split(":")[0]) for e in article.events]
    assert coded == [("AID", verb, "model")], coded


@pytest.mark.parametrize(
    "text, verb, ok",
    [
        ("A Gulf foundation raised funds for flood victims in Pakistan.", "raised", True),
        ("Officials said a Gulf foundation raised funds for flood victims.", "raised", True),
        ("The foundation collected blankets and raised funds for the victims.", "raised", True),
        ("A Gulf foundation wants to raise funds for flood victims.", "raise", False),  # governed by a wish
        ("The foundation, which raised funds for flood victims, closed its office.", "raised", False),
        ("The foundation did not raise funds for the victims.", "raise", False),
        ("The package includes funds for flood victims.", "includes", False),  # a light verb
    ],
)
def test_the_model_adds_only_content_verbs_that_head_their_clause(nlp, text, verb, ok):
    from dateline.events.model import may_add

    tok = next(t for t in nlp(text) if t.text == verb)
    assert may_add(tok) is ok


def test_the_model_never_vetoes_what_another_event_governs_or_a_noun(nlp):
    """The model's NONE on a governed candidate means "not the labelled event", not "no event":
    the rules' events under a governing event stand ("swore to fight", "pressure to help")."""
    a = _code(nlp, "Rebel commanders swore to fight until the last village is taken.")
    assert _primary(a).type == "THREATEN"
    a = _code(nlp, "Obama faces pressure from Congress to help Iran.")
    assert (_primary(a).type, _primary(a).mode) == ("REQUEST", "assist")


def _train_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "train_events.py"
    spec = importlib.util.spec_from_file_location("train_events", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_make_train_is_deterministic_on_a_tiny_corpus(tmp_path):
    """`make train` twice on the same corpus writes the same weights (seeded, no randomness left)."""
    import json
    import os
    from pathlib import Path

    import numpy as np

    train = _train_script()
    rows = [json.loads(x) for x in train.CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]
    picked, per = [], {}
    for r in rows:  # three sentences of each type and of NONE, in corpus order
        if per.get(r["type"], 0) < 3:
            per[r["type"]] = per.get(r["type"], 0) + 1
            picked.append(r)
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_text("".join(json.dumps(r) + "\n" for r in picked), encoding="utf-8")
    before = os.environ.get("DATELINE_EVENT_MODEL")
    for out in ("a", "b"):
        assert train.main(["--no-plover", "--corpus", str(tiny), "--out", str(tmp_path / out)]) == 0
    assert os.environ.get("DATELINE_EVENT_MODEL") == before  # training leaves the switch as it found it
    a, b = np.load(tmp_path / "a" / "model.npz"), np.load(tmp_path / "b" / "model.npz")
    assert sorted(a.files) == sorted(b.files)
    for k in a.files:
        assert np.array_equal(a[k], b[k]), k
    meta_a = json.loads(Path(tmp_path / "a" / "model.json").read_text())
    assert meta_a == json.loads(Path(tmp_path / "b" / "model.json").read_text())
    assert meta_a["training"]["sentences"] == len(picked)
    # the verbs and types the examples label as events, which the model's additions are held to
    assert meta_a["added_triggers"] == sorted(set(meta_a["added_triggers"]))
    assert meta_a["added_triggers"] and all(k.split("|")[1] in meta_a["types"] for k in meta_a["added_triggers"])


def test_loading_the_event_model_leaves_the_applications_logging_alone():
    # wordllama configures the root logger at INFO when imported; after our loader the root logger
    # must be as the application left it (a fresh interpreter: the test process may have it loaded).
    import subprocess
    import sys

    code = (
        "import logging\n"
        "from dateline.events.model import Embedder\n"
        "Embedder.shared()\n"
        "root = logging.getLogger()\n"
        "print(root.level, len(root.handlers))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.split() == [str(logging.WARNING), "0"], out.stdout + out.stderr


# -- what is no event, round 5: read on real ECB+ and MEANTIME articles outside the gold ----------


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        # figures of speech
        ("Cutting the budget now would be shooting yourself in the foot, the senator warned.", "ASSAULT"),
        ("Opposition leaders seized on the minister's remarks about the strike.", "COERCE"),
        ("The party's new advertisements target young voters in the suburbs.", "ASSAULT"),
        # a vehicle going somewhere is no visit, even when the analysis makes it an actor
        ("The new aircraft can fly from London to Sydney without refuelling.", "CONSULT"),
        # an event noun naming people or vehicles
        ("Aid workers said the camp held 20,000 people.", "AID"),
        # lenders' money is commerce
        ("Its creditors were no longer providing funds to the company.", "AID"),
        # a thing that makes a thing possible
        ("The chip is a design that allows a phone to run for two days.", "CONCEDE"),
        # a reporter's question, and wanting someone to know
        ("Asked about the appeal, the prosecutor said such cases were hard to predict.", "REQUEST"),
        ('"I want you to know you did not break us," the widow told the court.', "REQUEST"),
        # filming, and a comparison
        ("The documentary was shot in Morocco and Spain over two years.", "ASSAULT"),
        ("Critics liked the quiet ending, as opposed to the noisy trailer.", "REJECT"),
    ],
)
def test_figures_commerce_and_questions_are_no_events(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in [e.type for e in article.events], [(e.type, e.trigger, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # controls: the literal senses stay events
        ("Troops seized the airport and two bridges on Sunday.", "COERCE"),
        ("Rebels shot three soldiers at a checkpoint near the border.", "ASSAULT"),
        ("The army said rebels targeted civilians in the market.", "ASSAULT"),
        ("The foreign minister flew to Beijing for talks on trade.", "CONSULT"),
        ("Japan provided funds to the Red Cross for the flood victims.", "AID"),
        ("Israel allowed aid convoys to enter Gaza on Monday.", "CONCEDE"),
        ("The president asked parliament to approve the budget.", "REQUEST"),
    ],
)
def test_literal_senses_stay_events(nlp, text, type_):
    article = _code(nlp, text)
    assert type_ in [e.type for e in article.events], [(e.type, e.trigger, e.rule) for e in article.events]


def test_sports_story_codes_no_games_but_keeps_arrests(nlp):
    text = (
        "The heavyweight champion defended his title by stopping the challenger in the seventh round. "
        "The challenger had replaced a Russian boxer who pulled out with an ankle injury. "
        "The champion arrived in Germany on Monday, his coach said, and the tournament's referee "
        "praised both boxers. Police arrested two fans outside the stadium after the fight."
    )
    article = _code(nlp, text)
    types = [e.type for e in article.events]
    for t in ("SUPPORT", "RETREAT", "CONSULT"):
        assert t not in types, [(e.type, e.trigger, e.rule) for e in article.events]
    assert "COERCE" in types  # the arrest is an event in any story


def test_a_temporal_clause_keeps_its_own_modality(nlp):
    # "about to board" is the pirates' plan; the arrest in the "when" clause happened
    article = _code(nlp, "The pirates were about to board a tanker when they were arrested by the coast guard.")
    arrest = [e for e in article.events if e.type == "COERCE"]
    assert arrest and arrest[0].modality == "asserted", [(e.type, e.trigger, e.modality) for e in article.events]


def test_rescue_teams_sent_to_a_disaster_are_aid(nlp):
    article = _code(nlp, "The governor said rescue teams had been deployed to the villages hit by the earthquake.")
    assert [e.type for e in article.events] == ["AID"], [(e.type, e.trigger, e.rule) for e in article.events]


def test_an_apology_offered_is_support_and_a_potential_walkout_hypothetical(nlp):
    article = _code(nlp, "The governor offered an apology to the families on Monday.")
    assert [e.type for e in article.events] == ["SUPPORT"], [(e.type, e.trigger, e.rule) for e in article.events]
    article = _code(nlp, "The vote raises the prospect of a potential walkout by nurses across the state.")
    walkouts = [e for e in article.events if e.type == "PROTEST"]
    assert walkouts and walkouts[0].modality == "hypothetical", [(e.type, e.modality) for e in article.events]


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        # the rules rejected the sense of a lexicon verb: the model does not add it back
        ("In a media event on Wednesday, Apple released a new lineup of laptops.", "RETREAT"),
        ("Police have identified the victim as a 40-year-old man from the city.", "ASSAULT"),
        # a sentence naming a disaster: no conflict added
        ("The storm hit the province on Sunday, the government said.", "ASSAULT"),
    ],
)
def test_the_model_adds_no_rejected_sense_and_no_attack_in_a_disaster(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in [e.type for e in article.events], [(e.type, e.trigger, e.rule) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        "Her popularity declined after the scandal, polls show.",
        "The new coach helped the team reach the final.",
    ],
)
def test_an_everyday_sense_of_help_or_decline_is_no_event(nlp, text):
    # the model vetoes an everyday verb (model_veto_everyday) whose doer is no political actor
    assert not [e for e in _code(nlp, text).events if e.type in ("AID", "REJECT")]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("China helped Pakistan build a new port.", "AID"),
        ("The opposition leader declined the offer of a cabinet post.", "REJECT"),
        ("Egypt allowed wounded Palestinians to cross into its territory.", "CONCEDE"),
    ],
)
def test_a_political_actors_help_or_refusal_stays_an_event(nlp, text, etype):
    assert _primary(_code(nlp, text)).type == etype


@pytest.mark.parametrize(
    "text",
    [
        "Meet your hosts in a public space, and trust your gut.",
        "Ask the embassy for help before you travel.",
        "Once you visit the capital, you meet the locals at every corner.",
    ],
)
def test_advice_to_the_reader_is_no_event(nlp, text):
    # an imperative heading its sentence, or a clause whose subject is "you", reports no act
    assert not _code(nlp, text).events, [(e.type, e.trigger.text) for e in _code(nlp, text).events]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The prime minister will meet the Chinese president in Beijing next week.", "CONSULT"),
        ('"Release the hostages," the foreign minister demanded on Monday.', "REQUEST"),
        ("Police arrested three protesters who had asked the governor to resign.", "COERCE"),
    ],
)
def test_a_reported_act_or_a_quoted_demand_stays_an_event(nlp, text, etype):
    assert etype in [e.type for e in _code(nlp, text).events]


@pytest.mark.parametrize(
    "text",
    [
        '"Free the detained journalists today," the senator told reporters.',
        '"Pull your soldiers back from the frontier," the president said on Friday.',
    ],
)
def test_a_quoted_imperative_is_no_asserted_act(nlp, text):
    # the speaker's demand: the act demanded has not happened (it was RETREAT asserted)
    assert not [e for e in _code(nlp, text).events if e.type == "RETREAT" and e.modality == "asserted"]


def test_a_quoted_statement_of_an_act_keeps_it(nlp):
    assert "RETREAT" in [e.type for e in _code(nlp, '"They freed the journalists yesterday," the senator said.').events]


@pytest.mark.parametrize(
    "text",
    [
        "The senator launched her campaign for governor in Des Moines on Tuesday.",
        "Jones launched his re-election campaign with a speech in Ohio.",
        "The firm launched a marketing campaign for its new tablet.",
        "The party launched a campaign to win the presidency.",
    ],
)
def test_an_election_or_marketing_campaign_is_no_attack(nlp, text):
    assert "ASSAULT" not in [e.type for e in _code(nlp, text).events]


@pytest.mark.parametrize(
    "text",
    [
        "The army launched a campaign against the rebels in the northern hills.",
        "Insurgents launched a bombing campaign in the capital.",
    ],
)
def test_a_military_campaign_stays_an_attack(nlp, text):
    assert _primary(_code(nlp, text)).type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Republican senators pushed back on the spending proposal.", "REJECT"),
        ("The teachers' union pushed back against the pension cuts.", "REJECT"),
        ("Government troops pushed back the rebels near the border.", "ASSAULT"),
    ],
)
def test_pushing_back_on_a_proposal_is_a_rejection(nlp, text, etype):
    assert _primary(_code(nlp, text)).type == etype


@pytest.mark.parametrize(
    "text",
    [
        "Parliament stayed in session so that ministers can provide relief to the farmers.",
        "The ministry is focused on providing aid to the flood victims.",
        "The government sent two envoys in order to negotiate a truce with the rebels.",
    ],
)
def test_an_aim_is_not_asserted(nlp, text):
    # a purpose clause or an aim ("focused on") names an act aimed at, not one done
    events = _code(nlp, text).events
    assert events and all(e.modality != "asserted" for e in events if e.type in ("AID", "CONSULT"))


def test_a_result_clause_with_so_stays_asserted(nlp):
    text = "Troops shelled the town for a week, so the rebels withdrew from it."
    assert [e.modality for e in _code(nlp, text).events if e.type == "RETREAT"] == ["asserted"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # blame: a party holding another responsible, or saying it was behind an attack (CAMEO 112)
        ("Washington held Tehran responsible for the attack.", "hold+responsible"),
        ("The opposition holds the government accountable for the deaths of the protesters.", "hold+responsible"),
        ("The White House said Iran was behind the attack.", "reported+responsible"),
        ("Afghan officials said the Taliban were responsible for the bombing.", "reported+responsible"),
    ],
)
def test_a_party_blaming_another_accuses(nlp, text, rule):
    ev = _primary(_code(nlp, text))
    assert (ev.type, ev.rule) == ("ACCUSE", rule), (ev.type, ev.rule)


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("The White House said Iran was behind the attack.", "Iran"),
        ("Afghan officials said the Taliban were responsible for the bombing.", "Taliban"),
    ],
)
def test_the_blamed_party_is_the_accused(nlp, text, accused):
    art = _code(nlp, text)
    ev = _primary(art)
    names = {a.id: a.name for a in art.actors}
    assert ev.rule == "reported+responsible"
    assert any(accused in names.get(r, "") for r in ev.recipients), [names.get(r) for r in ev.recipients]


def test_a_party_blaming_its_own_forces_accuses_no_one(nlp):
    text = "The Serbian government said Serbian forces were responsible for the attack."
    assert all(e.rule != "reported+responsible" for e in _code(nlp, text).events)


@pytest.mark.parametrize(
    "text",
    [
        "Police said a lone gunman was behind the shooting.",  # the police source the news
        "Witnesses said the army was responsible for the killings.",  # so do witnesses
        "The Pentagon said the project was behind schedule.",  # no wrong named
        "The two leaders held talks in Geneva.",
    ],
)
def test_sourcing_and_other_holds_are_no_blame(nlp, text):
    assert all(e.type != "ACCUSE" for e in _code(nlp, text).events)
