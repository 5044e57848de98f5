"""The real-article cases of issue #14, through the real analysis (spaCy model, actors, places,
times) and the PLOVER coder: figures of speech are no attacks, states and counts are no events,
and a passive's roles the right way round.

Each sentence is written around the words the issue quotes from the real article."""

from __future__ import annotations

import pytest

from dateline.article import Article, Published

PUBLISHED = "2019-11-20"


def _code(nlp, text: str, published: str = PUBLISHED) -> Article:
    from dateline.analyse import analyse_docs

    article = Article(
        id=Article.make_id(text), text=text, language="en", published=Published(date=published, source="metadata")
    )
    analyse_docs(article, nlp(text))
    return article


def _types(article: Article) -> list[str]:
    return [e.type for e in article.events]


def _event(article: Article, trigger_word: str, type_: str):
    found = [e for e in article.events if e.type == type_ and e.trigger and trigger_word in e.trigger.text]
    assert found, f"no {type_} on {trigger_word!r} in {article.text!r}: {[(e.type, e.trigger) for e in article.events]}"
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Assange is battling extradition to the United States, which accuses him of publishing secret documents.",
        "Warren has been battling White House rival Joe Biden for the lead in the Iowa polls.",
        "The tweet set off a firestorm of criticism, from Democrats and civil rights groups.",
        "All parties are spending heavily online as they battle to win the U.K.'s Dec. 12 election.",
    ],
)
def test_figures_of_speech_are_no_assault(nlp, text):
    article = _code(nlp, text)
    assert "ASSAULT" not in _types(article), [(e.type, e.trigger) for e in article.events]


def test_a_real_battle_stays_an_assault(nlp):
    # the check that drops the figures keeps fights with an armed side
    article = _code(nlp, "Government troops battled Taliban fighters for control of the district on Tuesday.")
    assert "ASSAULT" in _types(article)


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        # a hyphenated verb describing a noun ("in a step-down fashion" was a resignation)
        ("Doctors said the patients should be moved off the ward in a step-down fashion.", "RETREAT"),
        # what shows or finds is no side ("no evidence supports anything other than suicide")
        ("The coroner told lawmakers that no evidence supports anything other than an accident.", "SUPPORT"),
        # a guard's rounds are no talks ("had made their required rounds")
        ("The guards wrote that they had made their required rounds overnight.", "CONSULT"),
        # a forecast, and what the weather allows (a real PG&E story: "forecasts called for low
        # humidity", "the weather should ease by Thursday, allowing PG&E to restore power")
        ("Forecasts called for strong winds and low humidity through the weekend.", "REQUEST"),
        ("The weather should improve by Friday, allowing Duke Energy to restore power, an official said.", "REQUEST"),
        ("The weather should improve by Friday, allowing Duke Energy to restore power, an official said.", "CONCEDE"),
        # a question reported, nothing asked of anyone ('"Did you tell them?" Schiff asked.')
        ('"Did you tell them to stop the aid?" the chairman asked.', "REQUEST"),
    ],
)
def test_read_in_real_stories_no_event_of_that_type(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        # a real MSN story: "The doctors warned that migrants are not the only people at risk"
        "The nurses warned that prisoners are not the only people at risk of infection.",
        # a real USA Today story: "have long warned that staff shortages ... have taken their toll"
        "Teachers have long warned that large classes have taken their toll on pupils.",
    ],
)
def test_a_warning_that_something_is_so_threatens_nobody(nlp, text):
    assert "THREATEN" not in _types(_code(nlp, text))


def test_a_warning_of_an_act_to_come_stays_a_threat(nlp):
    article = _code(nlp, "The rebels warned that they will attack the city if the army advances.")
    assert "THREATEN" in _types(article)


def test_a_question_reports_nothing(nlp):
    # "What was the Swedish investigation about?" (a subheading) asserted an investigation
    article = _code(nlp, "Did the army attack the rebels in the north?")
    assert _event(article, "attack", "ASSAULT").modality == "hypothetical"
    # an official saying someone should act still asks it
    article = _code(nlp, "The minister said Iran should release the sailors.")
    assert _event(article, "release", "REQUEST").modality == "asserted"


def test_what_is_feared_or_failed_did_not_happen(nlp):
    # what may come has not happened (a real BBC story: "his fear of being extradited from Sweden
    # to the US" was an asserted cooperation between the two)
    for text, type_ in (
        ("He says his fear of being extradited from Spain to the US drove him into the embassy.", "COOPERATE"),
        ("Analysts see a growing risk of being attacked by militants.", "ASSAULT"),
    ):
        assert {e.modality for e in _code(nlp, text).events if e.type == type_} <= {"hypothetical"}
    # "Police feared an attack": the attack is only feared
    attack = _event(_code(nlp, "Police feared an attack on the embassy."), "attack", "ASSAULT")
    assert attack.modality == "hypothetical"
    # "they failed to share information": the sharing did not happen
    article = _code(nlp, "The regulator said the companies failed to share detailed information with it.")
    assert _event(article, "share", "COOPERATE").modality == "negated"
    # a failure coded as such stays asserted
    article = _code(nlp, "The House and the Senate failed to reach agreement on the budget.")
    assert _event(article, "agreement", "REJECT").modality == "asserted"


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("The projects have been executed by Pakistan army engineers, the minister said.", "ASSAULT"),
        ("Thousands of people have been leaving Kashmir since August.", "CONSULT"),
        ("About 150,000 people have now been displaced, the United Nations said.", "ASSAULT"),
        ("In 2016, British voters opted to leave the European Union.", "CONSULT"),
    ],
)
def test_states_counts_and_movements_are_no_events(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.mode, e.trigger) for e in article.events]


def test_passive_target_is_no_attacker(nlp):
    article = _code(
        nlp,
        '"The Americans wanted to raid a mujahideen base, but their helicopter was shot down and caught fire," '
        "the Taliban spokesman said.",
    )
    ev = _event(article, "shot", "ASSAULT")
    countries = {a.id: a.country for a in article.actors}
    assert "USA" not in {countries.get(a) for a in ev.actors}
    assert "USA" in {countries.get(a) for a in ev.recipients}


def test_years_after_an_invasion_is_historical_and_dated_by_arithmetic(nlp):
    article = _code(
        nlp, "Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country."
    )
    ev = _event(article, "invaded", "ASSAULT")
    assert ev.modality == "historical"
    assert ev.date == "2001" and ev.date_source == "text"


@pytest.mark.parametrize(
    "text,trigger,type_,want",
    [
        # the act a duration counts from takes the day of the clause the duration hangs from,
        # moved back by the duration (was that clause's day itself)
        (
            "Police arrested a suspect on Thursday, two days after a gunman attacked a mosque.",
            "attacked",
            "ASSAULT",
            "2019-11-12",
        ),
        (
            "The army launched a counter-offensive on Monday, a week after rebels seized the town.",
            "seized",
            "COERCE",
            "2019-11-11",
        ),
        (
            "On Monday, a week after rebels seized the town, the army launched a counter-offensive.",
            "seized",
            "COERCE",
            "2019-11-11",
        ),
        # the day the sentence names stays with its own act
        (
            "Police arrested a suspect on Thursday, two days after a gunman attacked a mosque.",
            "arrested",
            "COERCE",
            "2019-11-14",
        ),
    ],
)
def test_a_duration_after_an_act_counts_from_the_day_of_its_clause(nlp, text, trigger, type_, want):
    ev = _event(_code(nlp, text, "2019-11-20"), trigger, type_)
    assert (ev.date, ev.date_source) == (want, "text")


@pytest.mark.parametrize(
    "text,trigger,type_,want,modality",
    [
        # an amount of time "later" counts from the latest date the story named (was that date,
        # or the publication day)
        (
            "Police arrested the man on Monday. Two days later, he was charged with murder.",
            "charged",
            "ACCUSE",
            "2019-11-20",
            "asserted",
        ),
        (
            "Rebels seized the town on April 2. A week later, the army recaptured it.",
            "recaptured",
            "ASSAULT",
            "2019-04-09",
            "historical",
        ),
        (
            "The minister resigned in March 2015. Three years later, he was arrested for fraud.",
            "arrested",
            "COERCE",
            "2018",
            "historical",
        ),
    ],
)
def test_an_amount_of_time_later_counts_from_the_story_date(nlp, text, trigger, type_, want, modality):
    ev = _event(_code(nlp, text, "2019-11-20"), trigger, type_)
    assert (ev.date, ev.date_source, ev.modality) == (want, "text", modality)


@pytest.mark.parametrize(
    "text,trigger,type_,want",
    [
        # what an "after" clause tells came before the main clause's day: in a Friday story,
        # "on Friday" there is the Friday before Monday, not the publication day
        ("Police arrested a man on Monday after he attacked a guard on Friday.", "attacked", "ASSAULT", "2019-11-15"),
        ("Police arrested a man on Monday after he attacked a guard on Friday.", "arrested", "COERCE", "2019-11-18"),
        ("Troops detained a man on Tuesday after he stabbed a soldier on Sunday.", "stabbed", "ASSAULT", "2019-11-17"),
    ],
)
def test_an_after_clause_day_precedes_the_main_clause_day(nlp, text, trigger, type_, want):
    ev = _event(_code(nlp, text, "2019-11-22"), trigger, type_)
    assert (ev.date, ev.date_source) == (want, "text")


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("The singer won wide support last week, after accusing the label of blocking her songs.", "accusing"),
        ("Last week, the singer posted a video online accusing the label of blocking her songs.", "accusing"),
    ],
)
def test_an_act_hanging_from_a_past_clause_takes_its_time(nlp, text, trigger):
    # the clause above is no event, but its time (last week, 2019-W46) holds the act too
    ev = _event(_code(nlp, text, "2019-11-19"), trigger, "ACCUSE")
    assert (ev.date, ev.date_source) == ("2019-11", "text")


@pytest.mark.parametrize(
    "text,trigger,type_",
    [
        ("The government extended the ban on arms exports until 2047.", "extended", "COERCE"),
        ("Ministers pledged to cut emissions by 2030.", "pledged", "AGREE"),
        # in the present, "until" is the limit of a state, not the day of the act
        ("The government extends the ban on arms exports until 2047.", "extends", "COERCE"),
    ],
)
def test_a_limit_ahead_is_not_the_date_of_a_past_act(nlp, text, trigger, type_):
    ev = _event(_code(nlp, text), trigger, type_)
    assert (ev.date, ev.date_source, ev.modality) == (PUBLISHED, "published", "asserted")


def test_the_month_of_the_sentence_before_dates_an_act_without_a_time(nlp):
    text = "In May, the authorities sealed off the city. The quarantine angered residents, who protested in the street."
    ev = _event(_code(nlp, text), "protested", "PROTEST")
    assert (ev.date, ev.date_source) == ("2019-05", "text")


@pytest.mark.parametrize(
    "first",
    [
        "The premier is under fire for failing to deliver on his vow that the mine would close on Oct. 31.",
        "The premier vowed to close the mine on Oct. 31.",
    ],
)
def test_the_deadline_of_a_vow_is_no_day_of_the_narrative(nlp, first):
    # the day a vow or a plan names is no day the story's acts took place on
    text = first + "\n\nAudience members laughed when he urged voters to trust him."
    ev = _event(_code(nlp, text), "urged", "REQUEST")
    assert (ev.date, ev.date_source) == (PUBLISHED, "published")


def test_an_act_to_come_takes_no_time_gone_by(nlp):
    # the time of the past clause conjoined with it is no day of an act still to come
    text = "Residents will condemn the decision and were shocked when a man was set on fire last week."
    ev = _event(_code(nlp, text), "condemn", "ACCUSE")
    assert (ev.date, ev.modality) == (None, "future")


def test_a_clause_above_lends_its_time_not_a_nouns(nlp):
    # "the 2020 primary" is the primary's year, not the day of the warning
    text = "The former president inserted himself into the 2020 primary in recent days by warning candidates."
    ev = _event(_code(nlp, text), "warning", "THREATEN")
    assert (ev.date, ev.date_source, ev.modality) == (PUBLISHED, "published", "asserted")


def test_a_present_passive_takes_no_narrative_day(nlp):
    # "is accused": the story's present, not an act on the day the sentence before names
    text = "Police arrested the mayor on Monday. He is accused by prosecutors of taking bribes."
    ev = _event(_code(nlp, text), "accused", "ACCUSE")
    assert (ev.date, ev.date_source) == (PUBLISHED, "published")


def test_a_month_two_sentences_back_dates_nothing(nlp):
    text = (
        "The airliner crashed into the sea in June. The airline's chief said he wanted answers. "
        "Police arrested two mechanics at the airport."
    )
    ev = _event(_code(nlp, text), "arrested", "COERCE")
    assert (ev.date, ev.date_source) == (PUBLISHED, "published")


@pytest.mark.parametrize(
    "text,trigger,type_,want",
    [
        ("The two leaders will meet in two weeks' time.", "meet", "CONSULT", "2019-12-04"),
        ("The two leaders will meet in three days.", "meet", "CONSULT", "2019-11-23"),
    ],
)
def test_a_future_act_in_an_amount_of_time_is_dated_ahead(nlp, text, trigger, type_, want):
    ev = _event(_code(nlp, text), trigger, type_)
    assert (ev.date, ev.date_source, ev.modality) == (want, "text", "future")


def test_a_duration_counts_from_the_day_of_the_event_its_subject_names(nlp):
    # "The attack came two days after ...": the attack's day (Wednesday), not the publication day
    text = (
        "Gunmen attacked a police checkpoint on Wednesday, killing seven officers. "
        "The attack came two days after a suicide bomber killed 12 people at a mosque."
    )
    ev = _event(_code(nlp, text, "2019-11-22"), "killed", "ASSAULT")
    assert (ev.date, ev.date_source) == ("2019-11-18", "text")


@pytest.mark.parametrize(
    "text,trigger,type_",
    [
        ("The United Nations has called for a ceasefire by the end of the year.", "called", "REQUEST"),
    ],
)
def test_a_limit_whose_period_runs_on_is_not_the_date_of_a_past_act(nlp, text, trigger, type_):
    ev = _event(_code(nlp, text), trigger, type_)
    assert (ev.date, ev.date_source) == (PUBLISHED, "published")


def test_a_report_day_is_not_what_a_duration_counts_from(nlp):
    # "said on Thursday": the report's day; the flight three days before the attack is not dated by it
    article = _code(nlp, "Police said on Thursday the suspect had fled the country three days before the attack.")
    assert all(e.date != "2019-11-17" for e in article.events)


def test_a_war_named_with_its_year_is_dated_by_it(nlp):
    article = _code(
        nlp,
        "Israel seized control of the territories, seen as pivotal parts of any future Palestinian state, "
        "in the 1967 Six-Day War.",
    )
    ev = _event(article, "seized", "COERCE")
    assert ev.modality == "historical"
    assert ev.date == "1967" and ev.date_source == "text"


def test_last_met_in_a_month_is_dated_by_it(nlp):
    article = _code(nlp, "The two leaders last met in June 2018 in Singapore.")
    ev = _event(article, "met", "CONSULT")
    assert ev.modality == "historical"
    assert ev.date == "2018-06"


def test_an_undated_past_event_is_never_dated_on_the_publication_day(nlp):
    article = _code(nlp, "Relations soured years after Washington invaded the country, officials said.")
    ev = _event(article, "invaded", "ASSAULT")
    assert ev.modality == "historical"
    assert ev.date != PUBLISHED and ev.date_source != "published"


def test_since_does_not_return_the_1967_war(nlp, tmp_path):
    # `dateline events --since 2019-11` on a store holding the 2019 story: the war is not news of 2019
    from dateline import query
    from dateline.store import Store

    article = _code(
        nlp,
        "Israel seized control of the territories, seen as pivotal parts of any future Palestinian state, "
        "in the 1967 Six-Day War. Roughly 13,000 US troops remain in Afghanistan, 18 years after "
        "Washington invaded the country.",
    )
    store = Store.open(f"sqlite:///{tmp_path}/news.db")
    try:
        store.write(article)
        recent = [(r["type"], r["date"]) for r in query.events(store, since="2019-11")]
        everything = [(r["type"], r["date"]) for r in query.events(store)]
    finally:
        store.close()
    assert ("COERCE", "1967") in everything and ("ASSAULT", "2001") in everything
    assert not any(t in ("COERCE", "ASSAULT") for t, _ in recent), recent


# -- markets, titles and chants: seen reading real news articles (round 7) ----------------------


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("Benchmark 10-year notes rose after the report, and the dollar was supported by strong data.", "SUPPORT"),
        ("Oil prices were supported by the OPEC cut on Friday.", "SUPPORT"),
        ("Germany's economy faces trade tensions threatening to put the brakes on growth.", "THREATEN"),
        ("Stocks slumped as tensions threatened to put the brakes on growth.", "THREATEN"),
        ("Wall Street rallied on Friday after the jobs report.", "PROTEST"),
        ("The Nasdaq surrendered early gains.", "RETREAT"),
    ],
)
def test_market_moves_and_impersonal_threats_are_no_events(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        # seen in a real Reuters/NYT quote: "striking" judged the clause, and was an ASSAULT
        "\u201cIt\u2019s striking that in almost every corner of the world growth is slowing,\u201d he said.",
        "It is shocking that so few voters turned out, the minister said.",
    ],
)
def test_it_is_striking_that_is_a_judgement_no_act(nlp, text):
    article = _code(nlp, text)
    assert "ASSAULT" not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text,requests",
    [
        # a plea in court is no request (a real Hill article: "pleaded guilty" was REQUEST twice)
        ("A New York man pleaded guilty to charges he threatened to kill a congresswoman.", False),
        ("The former minister pleaded not guilty to corruption charges on Monday.", False),
        ("He pleaded no contest to the charges.", False),
        ("The mayor pleaded with the government for more aid.", True),
    ],
)
def test_a_plea_in_court_is_no_request(nlp, text, requests):
    article = _code(nlp, text)
    assert ("REQUEST" in _types(article)) is requests, [(e.type, e.trigger) for e in article.events]


def test_an_act_with_the_subject_it_is_still_an_act(nlp):
    article = _code(nlp, "It's attacking us, and we will respond, the minister said.")
    assert "ASSAULT" in _types(article), [(e.type, e.trigger) for e in article.events]


def test_a_market_noun_as_object_keeps_its_doer(nlp):
    # only the subject is checked: an actor acting on a currency is still coded
    article = _code(nlp, "The United States supported the euro during the crisis.")
    assert "SUPPORT" in _types(article), [(e.type, e.trigger) for e in article.events]


def test_a_department_named_like_a_market_keeps_its_aid(nlp):
    # a market verb and a common noun are both needed: "the Treasury" lending is a government's act
    article = _code(nlp, "The Treasury lent General Motors $13 billion in December.")
    assert "AID" in _types(article), [(e.type, e.trigger) for e in article.events]


def test_a_threat_by_an_actor_stays(nlp):
    article = _code(nlp, "The rebels threatened to attack the capital on Monday.")
    assert "THREATEN" in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ('Students held signs reading "Arrest the killers" outside the courthouse.', "COERCE"),
        ('Marchers carried banners reading "Stop the war" and "Free the prisoners".', "RETREAT"),
        ('The documentary "Attack on Gaza" premiered in Paris.', "ASSAULT"),
    ],
)
def test_quoted_titles_and_chants_are_no_events(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        '"We will attack the rebels tomorrow," the minister said.',
        'He told reporters that the army would "attack the rebels" within days.',
    ],
)
def test_quoted_speech_keeps_its_events(nlp, text):
    article = _code(nlp, text)
    assert "ASSAULT" in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("Analysts agreed that the outlook had improved.", "AGREE"),
        ("Most economists agree the recession is over.", "AGREE"),
        ("The airline will fly to Dubai from March.", "CONSULT"),
    ],
)
def test_opinions_and_airline_routes_are_no_events(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed that talks would resume in Geneva.",
        "The company agreed to buy its rival for $5 billion.",
    ],
)
def test_agreeing_to_an_act_stays_an_agreement(nlp, text):
    article = _code(nlp, text)
    assert "AGREE" in _types(article), [(e.type, e.trigger) for e in article.events]


def test_ordering_a_review_is_an_investigation(nlp):
    # ordering a review of a policy or a regulation is CAMEO 090 (investigate), no bare order
    article = _code(nlp, "The president ordered a review of the regulation on Tuesday.")
    assert "ACCUSE" in _types(article) and "REQUEST" not in _types(article), [(e.type, e.rule) for e in article.events]


def test_recommending_is_a_request(nlp):
    # a recommendation asks for an act (CAMEO 020); the model had added it as an accusation
    article = _code(nlp, "The committee recommended the release of the prisoners.")
    assert "ACCUSE" not in _types(article), [(e.type, e.rule) for e in article.events]
    assert "REQUEST" in _types(article), [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Venezuela releases dozens of political activists.", "RETREAT"),
        ("Three Russians and one Ukrainian have been released from captivity in Libya.", "RETREAT"),
        ("A Maldives court has ordered the arrest of the former president.", "COERCE"),
        ("A federal judge on Monday ordered the release of the former president from jail.", "RETREAT"),
    ],
)
def test_releases_of_people_and_ordered_acts(nlp, text, type_):
    # people counted ("dozens of") or named by nationality are people released; an order of a
    # named act (the arrest, the release) is that act by the one who orders it
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


def test_ordering_people_to_act_stays_a_request(nlp):
    article = _code(nlp, "The judge ordered the ministry to release the detainees.")
    assert "REQUEST" in _types(article), [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "Former prime minister Paul Keating has launched an extraordinary attack on the spy chiefs, "
            "calling them nutters.",
            "ACCUSE",
        ),
        ("The counsel has led the attack on the impeachment proceedings, calling the move unconstitutional.", "ACCUSE"),
        ("The rebels launched an attack on the capital, saying the government had betrayed them.", "ASSAULT"),
        ("Gunmen launched an attack on the police station, killing three officers.", "ASSAULT"),
        # a party's attack, or one on a quality (a real AP story on the impeachment hearings)
        ("The colonel deflected Republican attacks on his loyalty and career in public service.", "ACCUSE"),
        ("His aides stepped up their personal attacks on the governor.", "ACCUSE"),
        ("Rebel attacks on the town killed five soldiers.", "ASSAULT"),
    ],
)
def test_an_attack_told_with_what_the_attacker_says_is_criticism(nlp, text, type_):
    # a participle of speech makes the attack verbal, unless the attacker is armed or a
    # weapon or casualty is named
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The actress attended the premiere in London on Friday.", None),
        ("The foreign minister attended the summit in Brussels on Friday.", "CONSULT"),
    ],
)
def test_attending_a_show_is_no_visit(nlp, text, type_):
    article = _code(nlp, text)
    assert (type_ in _types(article)) if type_ else ("CONSULT" not in _types(article)), [
        (e.type, e.rule) for e in article.events
    ]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # the parser splits "cease-fire" into "cease" + "fire": the compound is the ceasefire
        ("The rebels announced a three-day cease-fire with the army on Sunday.", "RETREAT"),
        # a noun and what it is of: "cessation of hostilities"
        ("The government declared a cessation of hostilities in the north.", "RETREAT"),
        # the agreement of a ceasefire is the ceasefire: violating it is CAMEO 196
        ("The militia violated the ceasefire agreement on Tuesday.", "ASSAULT"),
    ],
)
def test_ceasefires_however_written(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a counted subject: the pattern reads what the quantity is of
        ("Dozens of Nigerian peacekeepers began deploying on Sunday.", "peacekeepers+deploy"),
        # refugees hosted are sheltered, not visitors
        ("Jordan is hosting more than 600,000 Syrian refugees.", "host+refugee"),
        # aid announced, in money or as a package
        ("The European Union announced 40 million euros in emergency assistance for Haiti.", "announce+AID"),
        ("Japan announced a new aid package for Nepal on Thursday.", "announce+AID"),
        # peacekeepers' deployment announced: protection (CAMEO 074), no show of force
        ("The African Union announced the deployment of 2,000 peacekeepers to Burundi.", "announce+deployment"),
        # a rise announced: what rises is what is announced (round 22)
        ("Japan announced a big increase in aid to Ethiopia.", "announce+AID"),
        ("Washington announced a boost in funding for the refugee agency.", "announce+AID"),
        # aid, a loan or money supporting someone is the giver's aid, no praise (round 22)
        ("Australian aid also supported 200,000 more girls in Laos going to school.", "AID+support"),
        ("The money will support refugees in Lebanon.", "AID+support"),
    ],
)
def test_aid_however_announced_or_given(nlp, text, rule):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == "AID", [(e.type, e.rule) for e in article.events]
    assert article.events[0].rule.startswith(rule), article.events[0].rule


@pytest.mark.parametrize(
    "text",
    [
        # a rise in what is no aid, and a thing that supports: no event
        "The company announced an increase in profits for the quarter.",
        "A weaker euro supported exports in the second quarter.",
    ],
)
def test_rises_and_supports_of_no_aid_are_no_aid(nlp, text):
    article = _code(nlp, text)
    assert "AID" not in _types(article), [(e.type, e.rule) for e in article.events]


def test_pilots_trained_by_a_state_are_aid(nlp):
    # the event model (round 22 corpus: foreign pilots, officers and guards trained) adds the
    # training no rule knows; it added RETREAT before
    article = _code(nlp, "The Pentagon is training Taiwanese pilots at a base in Arizona.")
    event = _event(article, "training", "AID")
    assert event.rule == "model:train", event.rule


@pytest.mark.parametrize(
    "text",
    [
        "The government spent $1 billion on new roads last year.",
        "The army has spent millions on new tanks.",
        "The minister spent three years in prison before the revolution.",
        "The president spent the weekend at his golf club.",
        # review 25, E3: "spend" is a light verb for the model again: purchases and war spending
        # are no aid to the seller or the battlefield
        "Saudi Arabia spent $10 billion on American weapons last year.",
        "The United States spent $2 trillion on the war in Afghanistan.",
        "Russia has spent $100 billion on the war in Ukraine.",
        "India spent $3 billion on Russian oil in March.",
    ],
)
def test_money_or_time_spent_on_oneself_is_no_aid(nlp, text):
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.rule) for e in article.events]


def test_soldiers_trained_are_the_recipients(nlp):
    # the soldiers trained are the side helped, not the trainer's own forces
    article = _code(nlp, "Britain is training Kenyan soldiers in counter-insurgency tactics.")
    event = _event(article, "training", "AID")
    assert any("KEN" in r.upper() or "kenya" in r for r in event.recipients), event.recipients


def test_a_hotel_hosting_a_summit_stays_a_meeting(nlp):
    article = _code(nlp, "Egypt hosted the summit in Sharm el-Sheikh on Sunday.")
    assert "CONSULT" in _types(article) and "AID" not in _types(article), [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        # released from custody: a release whoever the released are
        "Two party functionaries were released from detention on Friday.",
        # held captive: people, though the noun is no person noun
        "The militants released four linemen held captive since March.",
        # a title before a name the tagger missed
        "The guerrillas have said they will release the Peruvian Sergeant Luis Alberto Quispe.",
    ],
)
def test_releases_of_people_the_tagger_does_not_know(nlp, text):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == "RETREAT", [(e.type, e.rule) for e in article.events]


def test_released_from_hospital_is_no_release(nlp):
    article = _code(nlp, "The patient was released from hospital on Monday.")
    assert "RETREAT" not in _types(article), [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # support pledged is support given (CAMEO 051), not a promise of a later act
        ("The ministers pledged their full support for the peace plan.", "SUPPORT"),
        # criticism offered is criticism made, not a threat
        ("The senator offered sharp criticism of the ministry.", "ACCUSE"),
        # a pledge to act stays a promise
        ("The ministers pledged to work with the opposition on the budget.", "AGREE"),
    ],
)
def test_what_is_pledged_or_offered_now_is_that_act(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


def test_the_owner_of_an_arrest_is_the_one_arrested(nlp):
    # "the humiliation he experienced after his arrest" (a real story): a person owning an arrest,
    # an extradition or a killing with nothing named by "of" undergoes it
    article = _code(nlp, "Police said Maria Lopez was distraught over the humiliation she suffered after her arrest.")
    arrest = _event(article, "arrest", "COERCE")
    names = {a.id: a.name for a in article.actors}
    assert [names[r] for r in arrest.recipients] == ["Maria Lopez"]
    assert not arrest.actors
    # an "of" object is whom it is done to, and the owner the one who does it
    article = _code(nlp, "Turkey's arrest of two journalists drew protests from press groups.")
    arrest = _event(article, "arrest", "COERCE")
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in arrest.actors] == ["Turkey"]


def test_a_year_long_gone_never_dates_a_verb_in_the_present(nlp):
    # "the US wants the UK to extradite Assange over his role in the release of material in 2010":
    # the parser hangs the year on the verb, but a present "wants" is not an act of 2010
    article = _code(
        nlp, "Washington wants Britain to hand over the activist over his part in the leak of secret cables in 2011."
    )
    request = _event(article, "wants", "REQUEST")
    assert (request.date, request.modality) == (PUBLISHED, "asserted")
    # a past verb keeps the year its clause gives
    article = _code(nlp, "Police arrested the activist in London in 2011.")
    arrest = _event(article, "arrested", "COERCE")
    assert (arrest.date, arrest.modality) == ("2011", "historical")


def test_naming_a_kind_of_act_is_no_event(nlp):
    # "Seeking asylum is not a crime": a gerund with no subject of its own, the subject of a present
    # verb, names a kind of act nobody did here
    for text in ("Seeking refuge is not a crime, the lawyers said.", "Killing civilians is a war crime, the UN said."):
        article = _code(nlp, text)
        assert not article.events, [(e.type, e.trigger) for e in article.events]
    # the past tense speaks of one act
    article = _code(nlp, "Bombing the clinic was a mistake, the army admitted.")
    assert "ASSAULT" in _types(article)


def test_who_after_a_surname_is_the_person_named_in_full(nlp):
    # "Julian Assange ... Assange, who denies the accusation": the untagged surname is the person,
    # and the relative pronoun's denial is his
    article = _code(
        nlp, "Mark Ruiz has lived in Madrid since 2012. Ruiz, who denies the accusation, will appear in court."
    )
    denial = _event(article, "denies", "REJECT")
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in denial.actors] == ["Mark Ruiz"]


def test_an_event_that_a_present_state_has_lasted_since_is_historical(nlp):
    # "(has been tense) since Britain returned the territory": anterior to a state that lasts
    # until now; undated here, so it never takes the publication day
    article = _code(nlp, "The city has been tense since Britain returned the territory to China.")
    ev = _event(article, "returned", "RETREAT")
    assert ev.modality == "historical" and ev.date is None, (ev.modality, ev.date)


def test_since_at_the_head_of_a_past_story_stays_asserted(nlp):
    article = _code(nlp, "Since the army withdrew from the town, the rebels attacked it twice.")
    assert _event(article, "withdrew", "RETREAT").modality == "asserted"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a travel verb with a direct object moves that object: no visit by the subject
        ("The port was handed over when Portugal returned it to China.", "RETREAT"),
        ("The museum returned a medieval manuscript to its owners on Friday.", "RETREAT"),
        ("The charity flew 20 tons of medicine into Yemen.", "AID"),
        ("The minister returned to Geneva for talks.", "CONSULT"),
    ],
)
def test_returning_or_flying_something_is_no_visit(nlp, text, type_):
    article = _code(nlp, text)
    assert type_ in _types(article), [(e.type, e.rule) for e in article.events]
    if type_ != "CONSULT":
        assert "CONSULT" not in _types(article), [(e.type, e.rule) for e in article.events]


def test_returning_the_ball_is_no_retreat(nlp):
    article = _code(nlp, "The goalkeeper returned the ball to the midfielder.")
    assert "RETREAT" not in _types(article), [(e.type, e.rule) for e in article.events]


def test_he_is_never_a_woman_and_she_prefers_a_woman(nlp):
    # "Assange was accused of rape by a woman ... He has always denied the allegations" made the
    # woman the denier
    text = "Carlos Ruiz was accused of fraud by a woman in Madrid in 2015. He has always denied the allegations."
    article = _code(nlp, text)
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in _event(article, "denied", "REJECT").actors] == ["Carlos Ruiz"]
    # a title tells a person's gender too
    article = _code(nlp, "Mrs Lopez met the minister on Monday. She urged him to release the prisoners.")
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in _event(article, "urged", "REQUEST").actors] == ["Lopez"]


def test_he_is_the_nearest_man_not_the_one_called_mister(nlp):
    # a real NYT story: "He urged Mr. Trump to make a deal" (he: the farm leader quoted last) made
    # Mr. Trump urge himself once "Mr." counted as a man's title outranking a nearer name
    text = (
        "Mr. Trump met farm leaders on Monday, and bureau president Carl Hines spoke for them. "
        "He urged the White House to make a deal as soon as possible."
    )
    article = _code(nlp, text)
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in _event(article, "urged", "REQUEST").actors] == ["Carl Hines"]


def test_a_subject_pronoun_continues_the_sentence_before_from_its_subject(nlp):
    # a real story: "He asked Morrison ..." took the name nearest to "He" (the object of the
    # sentence before) as the one who asked
    text = "Joe Biden met Boris Johnson at the White House on Monday. He asked Scott Morrison to send more troops."
    article = _code(nlp, text)
    names = {a.id: a.name for a in article.actors}
    asked = _event(article, "asked", "REQUEST")
    assert [names[a] for a in asked.actors] == ["Joe Biden"]
    assert [names[a] for a in asked.recipients] == ["Scott Morrison"]


def test_they_is_a_group_before_one_person(nlp):
    # "who they accuse": "they" took the nearest name, Khan, who so accused himself (and lost
    # himself as the recipient, the relative pronoun's antecedent)
    text = "Protesters chanted slogans against Prime Minister Imran Khan, who they accuse of corruption."
    article = _code(nlp, text)
    names = {a.id: a.name for a in article.actors}
    accuse = _event(article, "accuse", "ACCUSE")
    assert [names[a] for a in accuse.actors] == ["Protesters"]
    assert [names[a] for a in accuse.recipients] == ["Imran Khan"]
    # with no group near, a person it stays: "Dhurata Ali said ... they will not end the strike"
    article = _code(nlp, "Carlos Ruiz said on Monday that they will not end the strike.")
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in _event(article, "end", "REJECT").actors] == ["Carlos Ruiz"]


def test_a_bare_participle_clause_is_done_to_the_subject(nlp):
    # "If convicted, he could face decades in jail": he would be convicted, not convict anyone
    article = _code(nlp, "Carlos Ruiz was arrested in April. If convicted, he could face decades in jail.")
    names = {a.id: a.name for a in article.actors}
    conviction = _event(article, "convicted", "ACCUSE")
    assert not conviction.actors
    assert [names[r] for r in conviction.recipients] == ["Carlos Ruiz"]


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "modality"),
    [
        # the act a charge, an accusation or an arrest is about is alleged, not told as done
        ("The man was charged with conspiring to hack computers.", "hack", "COERCE", "hypothetical"),
        ("Prosecutors charged him with conspiracy to hack computers.", "hack", "COERCE", "hypothetical"),
        # real-article case (set-4 read): the acts a list of charges names
        (
            "He faces 18 charges in the US, including conspiring to hack government computers.",
            "hack",
            "COERCE",
            "hypothetical",
        ),
        ("He faces charges including murdering two police officers.", "murdering", "ASSAULT", "hypothetical"),
        ("Police arrested two men for attacking a guard.", "attacking", "ASSAULT", "hypothetical"),
        ("He pleaded not guilty to threatening to kill the congresswoman.", "threatening", "THREATEN", "hypothetical"),
        # a guilty plea or a conviction owns a past act
        ("He pleaded guilty to threatening to kill the congresswoman.", "threatening", "THREATEN", "historical"),
        # the charge and the arrest themselves stay asserted
        ("Police arrested two men for attacking a guard.", "arrested", "COERCE", "asserted"),
    ],
)
def test_the_act_of_a_charge_is_alleged_and_of_a_conviction_past(nlp, text, trigger, type_, modality):
    event = _event(_code(nlp, text), trigger, type_)
    assert event.modality == modality
    if modality != "asserted":
        assert event.date is None  # never the publication day


@pytest.mark.parametrize(
    "text",
    [
        "The governor declared an emergency which threatens the safety of thousands of residents.",
        "Rising seas threaten coastal towns across the region.",
        "The dispute threatens to derail the peace talks.",
    ],
)
def test_a_danger_is_no_threat(nlp, text):
    article = _code(nlp, text)
    assert "THREATEN" not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        "The group threatened to kill the hostages.",
        "Iran threatened to close the border.",
        "Militias threatened the town on Monday.",
    ],
)
def test_a_threat_made_by_someone_stays(nlp, text):
    assert "THREATEN" in _types(_code(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # a market yield is no concession (a ticker parsed as the subject made it one)
        "The 30-year bond US30YT=RR fell 10/32 in price to yield 2.95%.",
        "The raids yielded few results.",
    ],
)
def test_yield_that_produces_is_no_concession(nlp, text):
    article = _code(nlp, text)
    assert "CONCEDE" not in _types(article), [(e.type, e.rule) for e in article.events]


def test_yielding_to_pressure_stays_a_concession(nlp):
    assert "CONCEDE" in _types(_code(nlp, "The rebels yielded to the pressure of the army."))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # subjected to an event noun: that event, also through a relative clause
        ("The journalist was subjected to torture in a military prison.", "ASSAULT"),
        ("The prisoner died of the torture to which he was subjected in a detention center.", "ASSAULT"),
        # money contributed or given is aid
        ("Japan has been the largest donor, contributing $46 million in 2018 to the Yemen relief fund.", "AID"),
        # joining an investigation is investigating (CAMEO 09)
        ("The FBI has joined a criminal investigation of the crash.", "ACCUSE"),
    ],
)
def test_events_named_by_a_noun_or_an_amount(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


def test_the_one_subjected_to_torture_is_its_recipient(nlp):
    article = _code(nlp, "Hundreds of detainees were subjected to beatings by the guards.")
    ev = _event(article, "subjected", "ASSAULT")
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in ev.recipients] == ["detainees"], [names[a] for a in ev.recipients]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a prefixed irregular form the lemmatizer leaves as it is ("retook" is retake)
        ("Opposition fighters retook a strategic town from government forces on Thursday.", "ASSAULT"),
        # "went on a looting spree": a spree is what its modifier names
        ("Hundreds of locals went on a looting spree in the township despite police reinforcements.", "COERCE"),
        ("The gunman went on a shooting spree in the mall.", "ASSAULT"),
    ],
)
def test_irregular_forms_and_sprees(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


def test_a_shopping_spree_is_no_event(nlp):
    assert not _code(nlp, "The delegation went on a shopping spree in Paris.").events


@pytest.mark.parametrize(
    "text",
    [
        # a decision, ban or law taken back is a concession (CAMEO 08), not the act it had decided
        "The court revoked the decision on his detention.",
        "The ministry rescinded its decision to deport the students.",
        "The city council reversed the ban on street vendors.",
    ],
)
def test_a_decision_taken_back_is_a_concession(nlp, text):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == "CONCEDE", [(e.type, e.rule) for e in article.events]


def test_refugees_taken_in_are_given_asylum_and_are_its_recipients(nlp):
    article = _code(nlp, "Canada accepted 2,000 Syrian refugees in March.")
    ev = article.events[0]
    assert (ev.type, ev.mode) == ("AID", "asylum"), [(e.type, e.mode, e.rule) for e in article.events]
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in ev.recipients] == ["Syrian refugees"], [names[a] for a in ev.recipients]


@pytest.mark.parametrize(
    "text",
    [
        # ceasing or calling off an attack is a withdrawal (CAMEO 087), never the attack itself
        "The rebels ceased their offensive on Monday.",
        "The coalition called off its air campaign.",
        "The army says it has ceased its military operations near the capital but warned it will retaliate.",
    ],
)
def test_ceasing_an_attack_is_a_retreat(nlp, text):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == "RETREAT", [(e.type, e.rule) for e in article.events]


def test_a_call_for_sanctions_against_someone_denounces_them(nlp):
    # a public call for sanctions against X denounces X (ACCUSE 111, as PLV and the PLOVER gold
    # code it), not a request addressed to X
    article = _code(nlp, "A group of Canadian senators has called for sanctions against Iranian officials.")
    ev = article.events[0]
    assert ev.type == "ACCUSE", [(e.type, e.rule) for e in article.events]
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in ev.recipients] == ["Iranian officials"], [names[a] for a in ev.recipients]


def test_urging_a_government_to_impose_sanctions_stays_a_request(nlp):
    article = _code(nlp, "The opposition urged the government to impose sanctions on Russia.")
    assert article.events[0].type == "REQUEST", [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # peacekeepers deploying are protection (AID, CAMEO 074), as "deployed peacekeepers" is
        ("UN peacekeepers deployed to the border region on Monday.", "AID"),
        ("Russian troops deployed to the border region on Monday.", "MOBILIZE"),
    ],
)
def test_peacekeepers_deploying_are_aid(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # forces promised to help someone are a promise of military aid (CAMEO 0332), not a threat
        ("Australia has offered to send troops to help the Philippine army fight the militants.", "AGREE"),
        ("Russia vowed to send troops to crush the rebellion.", "THREATEN"),
    ],
)
def test_troops_promised_in_aid_are_no_threat(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "sanction"),
    [
        # a recall is a sanction (CAMEO 161) only when people are called home
        ("Turkey recalled its envoy to the Netherlands on Sunday.", True),
        ("Germany recalled its troops from Mali.", True),
        ("The ambassador was recalled for consultations.", True),
        ("Ford recalled 500,000 vehicles over faulty brakes.", False),
        ("The minister recalled that the two leaders had met in 2018.", False),
    ],
)
def test_a_recall_is_a_sanction_only_of_people(nlp, text, sanction):
    article = _code(nlp, text)
    assert ("SANCTION" in _types(article)) == sanction, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # the act after "instead of" / "rather than" did not happen
        ("The rebels chose to negotiate instead of fighting.", "fighting", "ASSAULT"),
        ("The army withdrew from the town rather than fight the rebels.", "fight", "ASSAULT"),
        ("Instead of imposing sanctions, the European Union offered talks.", "imposing", "COERCE"),
    ],
)
def test_an_alternative_not_taken_is_negated(nlp, text, trigger, type_):
    article = _code(nlp, text)
    assert _event(article, trigger, type_).modality == "negated"
    # nor does a governor promise or refuse it ("offered" is no threat of sanctions)
    assert "THREATEN" not in _types(article), [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a party or a legislature attacks with words (ACCUSE 111); an armed group with arms
        ("Democrats attacked the president over the tariffs.", "ACCUSE"),
        ("Parliament attacked the government over the budget.", "ACCUSE"),
        ("The president was attacked by Democrats over the tariffs.", "ACCUSE"),
        ("Hezbollah attacked Israeli positions near the border.", "ASSAULT"),
    ],
)
def test_a_party_attacking_accuses(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


def test_an_act_done_to_oneself_is_no_event_the_model_adds(nlp):
    # "Trump tied himself to the outcome" (a real story) was coded ACCUSE by the model; a verb
    # whose object is its own subject links nobody to anybody
    article = _code(nlp, "The senator tied himself to the president.")
    assert not article.events, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "Hong Kong is burning" (a real story) was COERCE/seize, then an ASSAULT the model added
        ("Paris is burning, the rioters said.", False),
        ("The fire burned for three days.", False),
        ("Several houses were burned by the militia.", True),
    ],
)
def test_a_burning_is_an_act_only_with_what_is_burnt(nlp, text, event):
    article = _code(nlp, text)
    conflict = [e for e in article.events if e.type in ("COERCE", "ASSAULT")]
    assert bool(conflict) == event, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        # a campaign rally (a real story) was coded PROTEST
        ("The senator held a campaign rally in Florida on Tuesday.", False),
        ("He spoke at a re-election rally in Minneapolis on Thursday.", False),
        ("Students staged an election protest outside parliament.", True),
        ("Opposition supporters held a rally against the government in the capital.", True),
    ],
)
def test_a_rally_for_votes_is_no_protest(nlp, text, protest):
    article = _code(nlp, text)
    assert ("PROTEST" in _types(article)) == protest, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "jailed"),
    [
        ("The magistrate ordered four opposition leaders jailed pending trial.", "opposition leaders"),
        # the parser makes "jailed" a clause of "ordered" (VBD) when the object has an "of"
        (
            "The magistrate ordered six former members of the regional government jailed pending trial.",
            "former members",
        ),
        # round 25: the parser may make the object the participle's subject (a small clause)
        ("The magistrate ordered nine ex-ministers jailed.", "ex-ministers"),
        (
            "The magistrate has ordered seven ex-members of the government jailed while they are investigated.",
            "ex-members",
        ),
    ],
)
def test_an_order_of_people_jailed_is_the_jailing(nlp, text, jailed):
    # "ordered X jailed": the parser hangs the participle on the object or the verb; the order is
    # the act, by the one who orders it, done to the object (as "ordered the arrest of X")
    article = _code(nlp, text)
    ev = article.events[0]
    assert ev.type == "COERCE", [(e.type, e.rule) for e in article.events]
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in ev.actors] == ["magistrate"] and [names[a] for a in ev.recipients] == [jailed]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a finite clause with its own object is no small clause: the order is still a request
        # for it, or the clause is its own act
        ("The minister ordered police arrested the protesters.", "REQUEST"),
        ("The judge ordered that the suspects be released.", "REQUEST"),
        ("The president ordered the army to withdraw from the city.", "MOBILIZE"),
    ],
)
def test_an_order_with_a_clause_of_its_own_is_no_small_clause(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "mobilize"),
    [
        # forces kept on alert are a show of force (CAMEO 152), as "put on alert" is
        ("Government troops stayed on alert in the capital after the bombing.", True),
        ("Soldiers were on high alert along the border.", True),
        ("Doctors were on alert for new cases.", False),
    ],
)
def test_forces_on_alert_mobilize(nlp, text, mobilize):
    article = _code(nlp, text)
    assert ("MOBILIZE" in _types(article)) == mobilize, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # immigration enforcement is COERCE (174); a population driven out is a cleansing
        ("Border officials deported 600 migrants to Honduras last month.", "COERCE"),
        ("Serbian forces deported thousands of ethnic Albanians.", "ASSAULT"),
        # one's own trip ended is the visit, called off a meeting declined; talks ended or called
        # off still reduce relations
        ("The chancellor ended a three-day trip to Asia in Tokyo on Friday.", "CONSULT"),
        ("The foreign minister called off his trip to Moscow.", "REJECT"),
        ("The lenders cancelled talks with the finance ministry.", "SANCTION"),
    ],
)
def test_deportations_and_trips(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a deadline given is an ultimatum (CAMEO 139)
        ("The ministry gave the mining company a deadline to leave the site.", "THREATEN"),
        # shooting across a border or a line is an attack, as shooting at or into
        ("The two armies fired across the ceasefire line overnight.", "ASSAULT"),
    ],
)
def test_deadlines_and_fire_across(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        # an ill fought is no attack, whoever fights it, and no threat when vowed
        ("Norway announced new funding to fight the cholera outbreak in Yemen.", "ASSAULT"),
        ("The government vowed to fight corruption.", "THREATEN"),
    ],
)
def test_fighting_an_ill_is_no_attack(nlp, text, not_type):
    article = _code(nlp, text)
    assert article.events and not_type not in _types(article), [(e.type, e.rule) for e in article.events]


def test_vowing_to_fight_an_army_stays_a_threat(nlp):
    article = _code(nlp, "The rebels vowed to fight the army until the end.")
    assert article.events[0].type == "THREATEN", [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # people who are no armed side clashing with police riot (PROTEST, CAMEO 145)
        ("Political opponents of the government clashed with police in the capital.", "PROTEST"),
        ("Rebels clashed with police in the north.", "ASSAULT"),
        # a state dinner for a visitor is a host's meeting (CAMEO 043)
        ("The king hosted a banquet for the Chinese leader.", "CONSULT"),
    ],
)
def test_riots_with_police_and_state_dinners(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        # giving, handing or turning oneself up / over / in is a surrender (as "surrendered")
        "The rebels gave themselves up to the army.",
        "The suspect turned himself in to police on Monday.",
    ],
)
def test_giving_oneself_up_is_a_surrender(nlp, text):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == "RETREAT", [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels threatened to kill and burn the hostages.",
        "Carlineo pleaded guilty to threatening to assault and murder a U.S. official.",
    ],
)
def test_a_verb_conjoined_to_a_threatened_act_is_threatened_too(nlp, text):
    """Real-article case (a guilty plea to a threat): the second act of a threat is no act done."""
    article = _code(nlp, text)
    assert _types(article) == ["THREATEN"], [(e.type, e.modality, e.trigger) for e in article.events]


def test_a_told_act_conjoined_to_a_vow_stays_an_act(nlp):
    article = _code(nlp, "The army vowed to retake the city and killed 20 rebels on Monday.")
    assert {"THREATEN", "ASSAULT"} <= set(_types(article)), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        # an impression is no strike, a reception no meeting (real stories: a witness on a phone
        # call, an election debate's audience)
        ("That struck me as different than other calls I had listened to, she said.", "ASSAULT"),
        ("His refusal to say which side he would be on was met with hoots of laughter.", "CONSULT"),
        # a source's anonymity asks nothing of anyone
        ("A Syrian refugee who feared retaliation and asked not to be identified said the claim is false.", "REQUEST"),
        ("An official, who requested not to be named, said the talks had stalled.", "REQUEST"),
    ],
)
def test_an_impression_a_reception_or_anonymity_is_no_event(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Israeli jets struck the convoy as it crossed the border.", "ASSAULT"),
        ("The foreign minister was met by protesters at the airport.", "CONSULT"),
    ],
)
def test_a_strike_on_a_target_and_a_meeting_in_the_passive_stay(nlp, text, type_):
    article = _code(nlp, text)
    assert type_ in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_", "coded"),
    [
        # analyst read (set 4): a case or a sum that "demonstrates" something is no protest
        ("The U.S. attorney said this case demonstrates that free speech has limits.", "PROTEST", False),
        ("The grant for new clinics demonstrates the ministry's resolve to rebuild the north.", "PROTEST", False),
        ("Thousands of students demonstrated against the government in the capital.", "PROTEST", True),
        # recognising that something is true is no diplomatic recognition
        ("Successive cabinets have recognised that the state shares the blame for the massacre.", "SUPPORT", False),
        ("Britain recognised Kosovo as an independent state in 2008.", "SUPPORT", True),
    ],
)
def test_demonstrating_and_recognising_a_fact_are_no_events(nlp, text, type_, coded):
    article = _code(nlp, text)
    assert (type_ in _types(article)) == coded, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # analyst read (set 4): an investigation dropped is a legal sanction eased, not the
        # investigation itself (CAMEO 081)
        ("Prosecutors in Sweden have dropped an investigation into a rape allegation against the activist.", "CONCEDE"),
        ("Police dropped the charges against the two activists.", "CONCEDE"),
        ("Prosecutors opened an investigation into the minister.", "ACCUSE"),
        # expelling aid workers is expelling an agency (CAMEO 166), as inspectors and observers
        ("The junta expelled a dozen foreign aid workers on Friday.", "SANCTION"),
        # supporting assistance to someone is aid
        ("Norway has long supported food aid to the displaced families.", "AID"),
        ("The senator supported the new bill.", "SUPPORT"),
    ],
)
def test_investigations_dropped_aid_workers_expelled_and_aid_supported(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


def test_a_present_perfect_takes_no_year_long_gone(nlp):
    # analyst read (set 4): "have dropped an investigation into an allegation made ... in 2010"
    # was dated 2010; a present perfect names no past time, the year is the allegation's
    article = _code(
        nlp,
        "Prosecutors in Sweden have dropped an investigation into a rape allegation made against the activist in 2010.",
    )
    ev = _event(article, "dropped", "CONCEDE")
    assert (ev.date, ev.modality) == (PUBLISHED, "asserted")
    # a past perfect may name its year
    article = _code(nlp, "Prosecutors had dropped the investigation into the activist in 2012.")
    ev = _event(article, "dropped", "CONCEDE")
    assert (ev.date, ev.modality) == ("2012", "historical")


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # analyst read (set 4): past background under a present sentence is never the
        # publication day: a "when" clause under a present clause, a perfect infinitive
        (
            "Residents fear Beijing is eroding the rights granted when Britain returned the colony to China.",
            "returned",
            "RETREAT",
        ),
        (
            "The two neighbours to have signed peace treaties with the republic condemned the decision.",
            "signed",
            "SUPPORT",
        ),
    ],
)
def test_past_background_is_historical_and_undated(nlp, text, trigger, type_):
    ev = _event(_code(nlp, text), trigger, type_)
    assert (ev.modality, ev.date) == ("historical", None)


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas when protesters stormed the parliament.",
        "The gunman appears to have killed five people.",
    ],
)
def test_a_past_clause_under_a_past_clause_stays_the_news(nlp, text):
    article = _code(nlp, text)
    assert article.events and all(e.modality == "asserted" for e in article.events), [
        (e.type, e.modality) for e in article.events
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a headline's passive without its auxiliary ("US Chinook helicopter shot down", analyst
        # read set 4) is done to its subject, "shot dead" as "shot down"
        ("Three soldiers shot dead in Baghdad.", "soldiers"),
        ("Two policemen gunned down in Karachi.", "policemen"),
    ],
)
def test_a_headline_passive_makes_its_noun_the_target(nlp, text, target):
    article = _code(nlp, text)
    names = {a.id: a.name for a in article.actors}
    ev = article.events[0]
    assert ev.actors == [] and target in [names[r] for r in ev.recipients], (ev.type, ev.actors, ev.recipients)


def test_an_active_shooting_keeps_its_shooter(nlp):
    article = _code(nlp, "Police shot dead two suspects in the raid.")
    names = {a.id: a.name for a in article.actors}
    ev = article.events[0]
    assert [names[a] for a in ev.actors] == ["Police"] and [names[r] for r in ev.recipients] == ["suspects"]


@pytest.mark.parametrize(
    ("text", "requested"),
    [
        # analyst read (set 4): what "we" must do asks no one ("We must teach the defendant love"
        # was a REQUEST)
        ('She added, "We must teach the defendant love."', False),
        ("The minister said Iran must release the sailors.", True),
        ("Iraq asked Iran to release the sailors.", True),
    ],
)
def test_our_own_duties_request_nothing(nlp, text, requested):
    article = _code(nlp, text)
    assert ("REQUEST" in _types(article)) == requested, [(e.type, e.rule) for e in article.events]


def test_what_we_must_do_is_not_done(nlp):
    ev = _code(nlp, "The minister said we must stop the bombing.").events[0]
    assert ev.modality == "hypothetical" and ev.date is None, (ev.type, ev.modality, ev.date)


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        # facing criticism from someone is their criticism (ACCUSE 111), with the roles of
        # "faces pressure from": the critic is the source, the one who faces it the target
        (
            "The minister faced criticism from opposition parties over the deal.",
            "ACCUSE",
            "opposition parties",
            "minister",
        ),
    ],
)
def test_facing_criticism_is_the_critics_accusation(nlp, text, type_, source, target):
    article = _code(nlp, text)
    names = {a.id: a.name for a in article.actors}
    ev = article.events[0]
    assert ev.type == type_, [(e.type, e.rule) for e in article.events]
    assert [names[a] for a in ev.actors] == [source] and [names[r] for r in ev.recipients] == [target]


def test_a_standing_tie_named_on_a_noun_is_no_act(nlp):
    # "a Kremlin-allied militia" is a description (a tie), not an act of allying; allying is one
    article = _code(nlp, "A Kremlin-allied militia said on Monday it had no role in the talks.")
    assert "COOPERATE" not in _types(article), [(e.type, e.rule) for e in article.events]
    article = _code(nlp, "France allied with Britain against Germany.")
    assert _types(article) == ["COOPERATE"], [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # expressing rejection, condemnation, outrage or anger is the rejection or the criticism
        # itself (as "expressed opposition", "expressed concern"), not the meeting it followed
        ("After a summit in Cairo, the league expressed its firm rejection of the proposal.", "REJECT"),
        ("Beijing expressed anger at the arms sale to Taiwan.", "ACCUSE"),
    ],
)
def test_expressed_rejection_and_anger(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # a patrol by soldiers, police, warships or a state is a show of force (MOBILIZE, CAMEO 150)
        ("Army units patrolled the outskirts of the town on Sunday.", "troops"),
        ("Riot police patrolled the city centre ahead of the verdict.", "police"),
        ("Two navy frigates have been patrolling the disputed reef since March.", "troops"),
        ("The soldiers were patrolling near the border post when a mine exploded.", "troops"),
        ("Israel patrols a buffer strip along the frontier.", "troops"),
    ],
)
def test_a_patrol_by_armed_forces_or_police_is_a_show_of_force(nlp, text, mode):
    ev = _event(_code(nlp, text), "patrol", "MOBILIZE")
    assert ev.mode == mode and ev.cameo == "150", ev


def test_patrols_stepped_up_are_a_show_of_force(nlp):
    assert _event(_code(nlp, "The gendarmerie stepped up patrols along the northern border."), "patrols", "MOBILIZE")


@pytest.mark.parametrize(
    "text",
    [
        "Lifeguards patrolled the beach as thousands of tourists swam.",
        "Volunteers patrolled the river banks through the night as the water rose.",
    ],
)
def test_a_patrol_by_civilians_is_no_show_of_force(nlp, text):
    assert "MOBILIZE" not in _types(_code(nlp, text))


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "cameo"),
    [
        # sanctions, an embargo, tariffs or a blacklisting imposed are COERCE restrict (CAMEO 163),
        # as the PLOVER 2021 conversion table puts them (PLOVER 0.5 had them as SANCTION)
        ("The Treasury imposed sanctions on four shipping companies.", "imposed", "COERCE", "163"),
        ("The bloc tightened its embargo on the junta after the crackdown.", "tightened", "COERCE", "163"),
        ("Washington sanctioned the head of the militia for the abuses.", "sanctioned", "COERCE", "163"),
        # relations reduced stay SANCTION
        ("Jordan suspended flights to the country on Monday.", "suspended", "SANCTION", "160"),
        ("The ministry expelled three diplomats.", "expelled", "SANCTION", "161"),
    ],
)
def test_sanctions_imposed_are_coercion_and_relations_cut_a_sanction(nlp, text, trigger, type_, cameo):
    ev = _event(_code(nlp, text), trigger, type_)
    assert ev.cameo == cameo, ev


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a call for sanctions denounces whom they would hit; a threat of them is a threat
        ("Several senators called for sanctions against the generals.", "ACCUSE"),
        ("The EU threatened to impose sanctions on the regime.", "THREATEN"),
    ],
)
def test_sanctions_called_for_or_threatened(nlp, text, type_):
    assert _types(_code(nlp, text))[:1] == [type_]


def test_the_plover_05_gold_reads_sanctions_imposed_as_sanction_and_plv_as_coercion():
    from types import SimpleNamespace

    from benchmarks.eval_events import as_plover05, as_plover05_gold

    imposed = SimpleNamespace(type="COERCE", mode="restrict", cameo="163", modality="asserted")
    arrest = SimpleNamespace(type="COERCE", mode="arrest", cameo="173", modality="asserted")
    threat = SimpleNamespace(type="COERCE", mode="restrict", cameo="163", modality="future")
    assert as_plover05_gold(imposed) == "SANCTION" and as_plover05(imposed) == "COERCE"
    assert as_plover05_gold(arrest) == "COERCE"
    assert as_plover05_gold(threat) == "THREATEN"


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the people freed on "bail"; the release is still a release
        "The court released on bail three activists who had been held for a month.",
        "A magistrate freed on parole two former governors accused of fraud.",
        "The court granted bail to the opposition leader on Monday.",
    ],
)
def test_a_release_on_bail_is_a_release(nlp, text):
    ev = _code(nlp, text).events[0]
    assert (ev.type, ev.mode) == ("RETREAT", "release"), ev


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # calling someone out is a public rebuke; calling out the troops is a mobilisation
        ("The minister called out the company for ignoring the safety rules.", "ACCUSE"),
        ("The governor called out the troops after the riots.", "MOBILIZE"),
    ],
)
def test_calling_out_a_party_rebukes_it_and_calling_out_troops_mobilises(nlp, text, type_):
    assert _types(_code(nlp, text))[:1] == [type_]


def test_an_act_planned_on_a_noun_is_future(nlp):
    article = _code(nlp, "The government unveiled a plan to arrest the protest leaders.")
    assert _event(article, "arrest", "COERCE").modality == "future"
    article = _code(nlp, "Police arrested the protest leaders on Monday.")  # guard: the act itself
    assert _event(article, "arrested", "COERCE").modality == "asserted"


def test_a_denied_cooperation_is_a_refusal_and_a_failed_one_did_not_happen(nlp):
    article = _code(nlp, "The inquiry found that the ministry is not cooperating with the auditors.")
    assert _types(article)[:1] == ["REJECT"], [(e.type, e.rule) for e in article.events]
    article = _code(nlp, "The regulator said the banks failed to share information with it.")
    assert _event(article, "share", "COOPERATE").modality == "negated"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # the act of a concessive clause is background: the main clause's event comes first
        ("Though Washington is not attending the meeting in Geneva, its envoy said it supports the talks.", "SUPPORT"),
        ("Although the army shelled the town overnight, the rebels said they would attend the talks.", "CONSULT"),
    ],
)
def test_a_concessive_clause_is_background(nlp, text, first):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == first, [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        # a thing that cannot act (a state of affairs, a measure) offers, allows or meets nothing
        ("A long trade war offers the president some political advantages over his rivals.", "AGREE"),
        ("The crisis allows the president to rule by decree for another month.", "CONCEDE"),
        ("The rising inflation demands higher interest rates, the bank's chief economist said.", "REQUEST"),
        # "as shown by" a thing comments on the clause
        (
            "Investors worry about the minister's erratic conduct, as demonstrated by his abrupt exit from the talks.",
            "PROTEST",
        ),
        # a question, not a request ("During the call, he asked about ...")
        ("During the phone call, the man asked about the mayor's family and then hung up.", "REQUEST"),
        # a plea in court is no plea for help, even when the parser hangs "guilty" on the day
        ("A Texas man pleaded guilty Monday to threatening to kill a judge, prosecutors said.", "REQUEST"),
    ],
)
def test_a_thing_a_comment_a_question_and_a_plea_are_no_acts(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.trigger, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        # someone who can act keeps the act: a government, a body, a person, a name
        ("The government offered the rebels an amnesty in exchange for their weapons.", "AGREE", "offered"),
        ("The council allowed the refugees to stay in the camp until the spring.", "CONCEDE", "allowed"),
        ("As requested by the ministry, the company handed over the files on Monday.", "REQUEST", "requested"),
        ("The opposition leader asked for help from the United Nations on Monday.", "REQUEST", "asked"),
        ("The families pleaded for help from the army after the floods.", "REQUEST", "pleaded"),
    ],
)
def test_someone_who_can_act_keeps_the_act(nlp, text, type_, trigger):
    _event(_code(nlp, text), trigger, type_)


def test_an_act_said_to_be_unlikely_is_hypothetical(nlp):
    # "sources told Reuters that Russia is unlikely to agree to cut its output" (set-6 markets page)
    article = _code(nlp, "Officials said that Norway is unlikely to agree to raise its fishing quota next year.")
    assert _event(article, "agree", "AGREE").modality == "hypothetical"
    likely = _code(nlp, "Officials said that Norway is likely to agree to raise its fishing quota next year.")
    assert _event(likely, "agree", "AGREE").modality == "future"


def test_a_condition_written_without_if_is_hypothetical(nlp):
    # "even bigger threats should China not accede to his terms" (set-6 trade page) was an asserted refusal
    article = _code(nlp, "He paired his demands with bigger threats should Japan not accede to his terms.")
    acceding = [e for e in article.events if e.trigger and "accede" in e.trigger.text]
    assert acceding and all(e.modality == "hypothetical" for e in acceding), [(e.type, e.modality) for e in acceding]
    # a refusal told is still a refusal (the negated act coded as REJECT, asserted)
    told = _code(nlp, "Japan did not accede to his terms, the ministry said.")
    assert _event(told, "accede", "REJECT").modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The app offers new users a free month of its premium plan.",
        "The fund invested $40 million in the start-up last year.",
        "The mall hosts a weekly farmers market on Saturdays.",
        "The platform supports payments in more than 20 currencies.",
        "Lower prices allowed families to buy more fuel this winter.",
        "Shoppers can download an app that offers discounts at local stores.",
        "The hotel offers guests free breakfast and a shuttle to the airport.",
    ],
)
def test_a_product_store_price_or_market_doing_business_is_no_event(nlp, text):
    # a verb of trade and service whose doer is a thing that sells or trades (words.toml
    # business_verbs / commercial_things): "the app offers", "the fund invested"
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        ("Russia invested heavily in the Syrian port of Tartus.", "COOPERATE", "invested"),
        ("The ministry offered the strikers a pay rise on Monday.", "AGREE", "offered"),
        # "the fund" after the International Monetary Fund is the IMF, no investment fund
        (
            "The International Monetary Fund met Egyptian officials. The fund offered support to Egypt on Monday.",
            "SUPPORT",
            "offered",
        ),
    ],
)
def test_a_government_or_a_named_body_doing_business_keeps_the_event(nlp, text, type_, trigger):
    _event(_code(nlp, text), trigger, type_)


@pytest.mark.parametrize(
    ("text", "mode", "recipient"),
    [
        (
            "If the militia does not leave the port by Sunday, the navy will shell its positions, the admiral said.",
            "violence",
            None,
        ),
        ("Unless the hostages are freed, we will storm the compound, the commander told reporters.", "violence", None),
        ("The chancellor said Germany would impose sanctions if Belarus closed the border.", None, "BLR"),
    ],
)
def test_an_act_of_force_promised_on_a_condition_is_a_threat(nlp, text, mode, recipient):
    # "if they do not withdraw ... they will strike": a conditional promise of force is THREATEN,
    # asserted (the threat is made when told), dated by its telling, aimed at whom the condition binds
    article = _code(nlp, text)
    threats = [e for e in article.events if e.type == "THREATEN"]
    assert threats, [(e.type, e.modality, e.trigger) for e in article.events]
    t = threats[0]
    assert t.modality == "asserted" and t.date == PUBLISHED
    if mode:
        assert t.mode == mode
    if recipient:
        assert recipient in t.recipients, t.recipients


@pytest.mark.parametrize(
    "text",
    [
        "If elected, she will ban the sale of assault rifles.",  # a pledge: no one to meet a condition
        "Analysts said Turkey could retaliate if its troops were attacked.",  # a prediction
        "The navy will shell the rebel positions on Sunday.",  # no condition: a plan
    ],
)
def test_a_pledge_a_prediction_or_a_plan_is_no_threat(nlp, text):
    article = _code(nlp, text)
    assert "THREATEN" not in _types(article), [(e.type, e.modality, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters destroyed two army helicopters at the airfield on Tuesday.",
        "The ministry said its forces had destroyed 14 tanks and an ammunition depot.",
        "Government troops destroyed three armoured vehicles near the border.",
    ],
)
def test_military_materiel_destroyed_is_an_assault(nlp, text):
    article = _code(nlp, text)
    e = _event(article, "destroyed", "ASSAULT")
    # the materiel is what was hit, not the weapon used
    assert e.mode != "heavy-weapons", e.mode


def test_property_destroyed_stays_coerce(nlp):
    article = _code(nlp, "The authorities destroyed the homes of two suspects on Monday.")
    assert "ASSAULT" not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        "At the hearing, the senator asked whether the regulator had ignored the warnings.",
        "The judge asked the witness why she had left the building before midnight.",
        "Lawmakers questioned the chief executive about the data breach on Tuesday.",
        "The committee chairman asked the minister about the delays in the inquiry.",
        "She asked if the government would send more doctors to the region.",
    ],
)
def test_a_question_put_is_no_request(nlp, text):
    # questions at a hearing, an interview or a briefing ask for an answer, no act
    article = _code(nlp, text)
    asked = [e for e in article.events if e.trigger and any(w in e.trigger.text.lower() for w in ("ask", "question"))]
    assert not asked, [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The senator asked the minister to resign over the scandal.", "asked"),
        ("The mayor asked the army for help after the floods.", "asked"),
    ],
)
def test_asking_someone_to_act_stays_a_request(nlp, text, trigger):
    _event(_code(nlp, text), trigger, "REQUEST")


@pytest.mark.parametrize(
    ("text", "recipient_word"),
    [
        ('"Leave the village now," the commander told residents on Sunday.', "residents"),
        ('"Go home," police told the protesters outside the parliament.', "protesters"),
        ('"Free the prisoners," the envoy told the rebel leaders.', "rebel"),
    ],
)
def test_a_quoted_order_told_to_someone_is_the_speakers_request(nlp, text, recipient_word):
    article = _code(nlp, text)
    e = _event(article, "told", "REQUEST")
    names = " ".join(_actor_name(article, r) for r in e.recipients).lower()
    assert recipient_word in names, e.recipients
    # the act ordered has not happened: no event of its own
    assert [x.type for x in article.events] == ["REQUEST"], [(x.type, x.trigger) for x in article.events]


def _actor_name(article: Article, actor_id: str) -> str:
    return next((a.name for a in article.actors if a.id == actor_id), actor_id)


@pytest.mark.parametrize(
    "text",
    [
        '"Stop the shelling," the minister told reporters on Monday.',  # the press is no addressee
        '"Leave the village now," the commander said.',  # no one asked
    ],
)
def test_a_quoted_order_to_no_one_is_no_event(nlp, text):
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    "text",
    [
        "Our agents will help you find the right insurance for your family.",
        "We offer you free delivery on every order this month.",
        "The museum welcomes visitors every day except Monday.",
        "The pharmacy offers free flu shots to anyone over 65.",
        "The retailer beat analysts' forecasts for the third quarter running.",
        "The runners beat the record set in 1999.",
        "Scientists warned that the glacier could collapse within decades.",
        "Economists warn that prices will rise sharply next year.",
    ],
)
def test_page_copy_records_and_forecasts_are_no_events(nlp, text):
    # an offer to the reader, a venue's welcome, a forecast beaten, a warning of what things
    # will do: no one acts on anyone
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        ("Riot police beat the protesters with batons outside the parliament.", "ASSAULT", "beat"),
        ("Iran warned that it would close the strait if it were attacked.", "THREATEN", "warned"),
        ("The general warned that the strait would be closed to foreign ships.", "THREATEN", "warned"),
        ("The president warned that the consequences would be severe.", "THREATEN", "warned"),
        ("Russia will help Syria rebuild its army.", "AID", "help"),
    ],
)
def test_acts_beside_page_copy_stay_events(nlp, text, type_, trigger):
    _event(_code(nlp, text), trigger, type_)


@pytest.mark.parametrize(
    "text",
    [
        "Investors welcomed the decision, sending stocks higher.",
        "Critics slammed the movie as boring and far too long.",
        "Reviewers praised the album for its bold sound.",
        '"Tell me one person who never made a mistake," the candidate told Fox News on Sunday.',
    ],
)
def test_deals_market_moods_reviews_and_press_talk_are_no_events(nlp, text):
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        ("Pakistan condemned the film as blasphemous.", "ACCUSE", "condemned"),
        ("The opposition criticized the government's record on human rights.", "ACCUSE", "criticized"),
    ],
)
def test_a_state_buying_or_condemning_a_work_stays_an_event(nlp, text, type_, trigger):
    _event(_code(nlp, text), trigger, type_)


@pytest.mark.parametrize(
    "text",
    [
        "The governor was asked a pointed question about the budget on Tuesday.",
        "The party won most of the state's 40 pledged delegates.",
        "The senator ended her presidential campaign after the Iowa caucuses.",
        "The mayor released a video on Friday talking about the new park.",
        "The candidate offered the crowd an emotional assessment of the race.",
        "Losing his job early has allowed him to understand struggling families.",
    ],
)
def test_campaign_trail_talk_is_no_event(nlp, text):
    # questions put to a candidate, delegates pledged, a campaign ended, a speech about
    # something, words offered, what an experience allowed: no act between parties
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        ("The two leaders talked about trade and security on Monday.", "CONSULT", "talked"),
        ("The rebels ended their offensive on the city after the talks.", "RETREAT", "ended"),
        ("The government offered the rebels talks on a ceasefire.", "AGREE", "offered"),
    ],
)
def test_consultations_ceasefires_and_offers_stay_events(nlp, text, type_, trigger):
    _event(_code(nlp, text), trigger, type_)


ELECTION_STORY = (
    "The Democratic primary campaign has turned bitter. The senator leads the polls among voters "
    "ahead of the caucus, and every delegate counts for the nomination. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "She won Ohio's 60 delegates, beating her rival in his home state.",
        "He captured Nevada and Colorado on Tuesday.",
        "Supporters cheered at the senator's rally on Tuesday night.",
    ],
)
def test_winning_votes_and_campaign_rallies_in_an_election_story_are_no_events(nlp, sentence):
    article = _code(nlp, ELECTION_STORY + sentence)
    assert not [e for e in article.events if e.type in ("ASSAULT", "COERCE", "PROTEST")], [
        (e.type, e.trigger) for e in article.events
    ]


def test_a_candidates_attack_on_a_rival_is_criticism(nlp):
    article = _code(nlp, ELECTION_STORY + "In the debate the governor kept attacking her over her record.")
    _event(article, "attacking", "ACCUSE")


@pytest.mark.parametrize(
    ("sentence", "type_", "trigger"),
    [
        ("The attacks in Paris and Brussels made security an issue in the race.", "ASSAULT", "attacks"),
        ("She recalled the Sept. 11 attacks and her work for first responders.", "ASSAULT", "attacks"),
        ("Protesters held a rally against the senator outside the arena.", "PROTEST", "rally"),
        ("East Jerusalem was captured by Israel in the 1967 war.", "ASSAULT", "captured"),
    ],
)
def test_violence_and_protest_in_an_election_story_stay_events(nlp, sentence, type_, trigger):
    _event(_code(nlp, ELECTION_STORY + sentence), trigger, type_)


def test_a_hyphenated_verb_stays_an_act(nlp):
    article = _code(nlp, "A 28-year-old woman was gang-raped in front of her daughter.")
    _event(article, "raped", "ASSAULT")


# -- round 19: things as doers, forecasts and fears, adjectives, animals, races called ----------


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        # a verb of giving, permitting or supporting whose doer is a thing (parse.may_act; the
        # WordNet table agentive_nouns.txt tells persons and groups from things)
        ("Ambient lighting offers 30 colours, and the hues can be set by the driver.", "AGREE"),
        (
            "The platform's flexibility shows its strength here, allowing the company to tinker with its cars.",
            "CONCEDE",
        ),
        ("All those lights allow the carmaker to program welcome patterns.", "CONCEDE"),
        ("The redesigned cabin offers more legroom for passengers.", "AGREE"),
        ("His involvement offers a powerful reminder of the role voters will play.", "AGREE"),
        # a product's qualities are no offer, whoever offers them (words.toml product_qualities)
        ("Nissan says its new sedan will offer better gas mileage.", "AGREE"),
    ],
)
def test_a_thing_giving_or_allowing_is_no_event(nlp, text, not_type):
    article = _code(nlp, text)
    assert not_type not in _types(article), [(e.type, e.trigger) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_", "trigger"),
    [
        ("The mediators offered a new proposal to both sides.", "AGREE", "offered"),
        ("Donors provided $5 million in food aid to Yemen.", "AID", "provided"),
        ("Washington's support helped the rebels hold the city.", "AID", "helped"),
        ("The kingdom allowed women to drive for the first time.", "CONCEDE", "allowed"),
        ("The communique welcomed the ceasefire agreement.", "SUPPORT", "welcomed"),
        ("The objectives of the meeting are to provide expert support to the electoral commission.", "AID", "provide"),
        # people let through by whatever the parse names as the one allowing
        ("A humanitarian corridor allowed 500 civilians to leave the city.", "CONCEDE", "allowed"),
    ],
)
def test_someone_giving_or_allowing_keeps_the_event(nlp, text, type_, trigger):
    # persons and groups by WordNet (donors, mediators), polities, texts and aims (acting_nouns),
    # and an act noun of someone's ("Washington's support")
    _event(_code(nlp, text), trigger, type_)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect the number of electric vehicles for sale to grow from 16 to 80 by 2022.",
        "Economists expect inflation to remain high through the winter.",
        "Only the mayor will speak, but expect the governor's shadow in particular to generate passionate arguments.",
    ],
)
def test_a_forecast_of_things_is_no_request(nlp, text):
    article = _code(nlp, text)
    assert "REQUEST" not in _types(article), [(e.type, e.trigger) for e in article.events]


def test_expecting_someone_to_act_stays_a_request(nlp):
    _event(_code(nlp, "The United States expects Pakistan to do more against militants."), "expects", "REQUEST")


def test_a_feared_or_forecast_act_is_not_asserted(nlp):
    feared = _event(_code(nlp, "Residents fear that the army will storm the town."), "storm", "ASSAULT")
    assert feared.modality == "hypothetical"
    foreseen = _code(nlp, "Analysts predict that the central bank will cut ties with the fund.")
    assert all(e.modality != "asserted" for e in foreseen.events), [(e.type, e.modality) for e in foreseen.events]
    reported = _event(_code(nlp, "Villagers said soldiers attacked the town on Monday."), "attacked", "ASSAULT")
    assert reported.modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Many in the city fear that to pause or seek compromise is to surrender entirely.",
        "To negotiate now would be to reward the attackers.",
    ],
)
def test_an_infinitive_naming_a_kind_of_act_is_no_event(nlp, text):
    assert _code(nlp, text).events == []


@pytest.mark.parametrize(
    "text",
    [
        "Why the programme is promising.",
        "The fund backs interventions that its staff believe are promising.",
    ],
)
def test_promising_as_an_adjective_is_no_promise(nlp, text):
    article = _code(nlp, text)
    assert "AGREE" not in _types(article), [(e.type, e.trigger) for e in article.events]


def test_promising_something_stays_a_promise(nlp):
    _event(_code(nlp, "Iran is promising to cooperate with the inspectors."), "promising", "AGREE")
    _event(_code(nlp, "The minister is promising new elections."), "promising", "AGREE")


def test_an_animal_killed_is_no_attack(nlp):
    article = _code(nlp, "A hunter who killed and ate a wild rabbit in the mountains has fallen ill.")
    assert "ASSAULT" not in _types(article), [(e.type, e.trigger) for e in article.events]
    _event(_code(nlp, "Gunmen killed five villagers in the north."), "killed", "ASSAULT")


def test_repelled_as_disgust_is_no_attack(nlp):
    article = _code(nlp, "Many residents were rightly repelled when a man was set on fire last week.")
    assert not any(e.trigger and e.trigger.text == "repelled" for e in article.events)
    _event(_code(nlp, "The rebels were repelled by government forces after a fierce battle."), "repelled", "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Texas was called for Cruz shortly after the polls closed.",
        "The networks called the race for Biden on Saturday.",
        "The Associated Press called Ohio for Trump.",
    ],
)
def test_a_race_called_for_a_candidate_is_no_request(nlp, text):
    article = _code(nlp, text)
    assert "REQUEST" not in _types(article), [(e.type, e.trigger) for e in article.events]


def test_a_call_for_something_stays_a_request(nlp):
    _event(_code(nlp, "The president called for a ceasefire in Gaza."), "called", "REQUEST")


def test_a_name_tagged_as_a_common_noun_may_act(nlp):
    text = "There was no comment from Assange but Wikileaks welcomed the Swedish move to drop the investigation."
    _event(_code(nlp, text), "welcomed", "SUPPORT")


def test_the_way_not_taken_is_no_event(nlp):
    article = _code(nlp, "China wants to end the crisis, but not by offering concessions.")
    assert not any(e.trigger and e.trigger.text == "offering" for e in article.events), [
        (e.type, e.trigger) for e in article.events
    ]


def test_the_act_of_an_inverted_condition_is_hypothetical(nlp):
    text = "Five of the senators on stage will serve as jurors should the House vote to impeach the president."
    assert _event(_code(nlp, text), "impeach", "ACCUSE").modality == "hypothetical"


@pytest.mark.parametrize(
    "text", ["This post will discuss the following:", "The report examines the causes of the uprising."]
)
def test_a_text_discussing_its_subject_is_no_event(nlp, text):
    assert _code(nlp, text).events == []


def test_people_discussing_or_examining_stay_events(nlp):
    _event(_code(nlp, "The two leaders will discuss trade on Monday."), "discuss", "CONSULT")
    _event(_code(nlp, "The commission will examine the allegations."), "examine", "ACCUSE")


def test_quantifiers_plurals_and_messages_may_act(nlp):
    _event(_code(nlp, "None of the senators will come out and support the nominee."), "support", "SUPPORT")
    # a relative clause's noun is what is promised: no adjective
    _event(_code(nlp, "All the stuff he is promising is never going to happen, Teske said."), "promising", "AGREE")


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "modality"),
    [
        # a fronted "no" phrase with the auxiliary before the subject denies the act
        # a refusal told is coded as REJECT, as "did not agree" is
        ("At no time did the company agree to the arrangement.", "agree", "REJECT", "asserted"),
        ("At no point did the army attack the village.", "attack", "ASSAULT", "negated"),
        # no inversion: the act happened ("in no time" is quickly; "with no preconditions" a manner)
        ("In no time, the troops attacked the village.", "attacked", "ASSAULT", "asserted"),
        ("The two presidents met in Geneva with no preconditions.", "met", "CONSULT", "asserted"),
    ],
)
def test_a_fronted_no_phrase_with_inversion_denies_the_act(nlp, text, trigger, type_, modality):
    article = _code(nlp, text)
    assert _event(article, trigger, type_).modality == modality
    assert not any(e.type == "AGREE" and e.modality == "asserted" for e in article.events if "no time" in text)


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause on what a negated copula says something is: the act is denied
        "The war is not something the party agrees with.",
        "This is not a plan the rebels would accept.",
    ],
)
def test_not_something_one_agrees_with_is_no_asserted_agreement(nlp, text):
    article = _code(nlp, text)
    assert not any(e.type == "AGREE" and e.modality == "asserted" for e in article.events), [
        (e.type, e.modality, e.trigger) for e in article.events
    ]


def test_the_antecedent_as_doer_leaves_the_act_done(nlp):
    # "he is not the man who attacked": someone attacked; the relative clause is no denial
    article = _code(nlp, "He is not the man who attacked the police station.")
    assert _event(article, "attacked", "ASSAULT").modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The high court overturned the ban on public gatherings.",
        "Judges overturned the regulation that capped rents in the capital.",
    ],
)
def test_a_ruling_overturning_a_rule_is_no_concession(nlp, text):
    assert "CONCEDE" not in _types(_code(nlp, text))


# -- the learned sense gate (events/sense.py): everyday readings of event verbs --------------------

EVERYDAY_PAGE = (
    "The bakery on Main Street opens its doors at seven. "
    "The new tablet supports a keyboard cover and a stylus. "
    "The streaming service offers unlimited music for a monthly fee. "
    "A robotic arm is examining the soil samples in the lab. "
    "The vitamins help the body fight off colds. "
    "The sensor provides accurate readings to the pilot's display. "
    "Reviewers liked the bright screen and the long battery life. "
    "The shop opens at nine and closes at six on weekdays. "
    "Prices start at 299 dollars for the basic model."
)


def test_everyday_readings_of_event_verbs_on_an_everyday_page_are_no_events(nlp):
    # commerce, products, science and health on a page that names no political actor: the doer
    # and the object say there is no event
    from dateline.events import sense

    assert sense.load() is not None  # the shipped gate
    article = _code(nlp, EVERYDAY_PAGE)
    found = [(e.type, e.trigger.text) for e in article.events if e.trigger]
    everyday = [
        ("SUPPORT", "supports"),
        ("AGREE", "offers"),
        ("ACCUSE", "examining"),
        ("AID", "help"),
        ("COOPERATE", "provides"),
    ]
    for type_, word in everyday:
        assert (type_, word) not in found, found


POLITICAL_PAGE = (
    "Prosecutors charged the former governor with bribery on Monday. "
    "The opposition supports the government's plan to hold early elections. "
    "The United Nations helped thousands of refugees return to their villages. "
    "The ethics committee is examining the senator's expenses. "
    "The president met the leaders of the main parties in the capital. "
    "Police arrested two officials of the ruling party. "
    "The European Union urged both sides to respect the result. "
    "Russia criticised the decision to hold the vote. "
    "Thousands of people protested outside parliament."
)


@pytest.mark.parametrize(
    ("trigger", "type_"),
    [("charged", "ACCUSE"), ("supports", "SUPPORT"), ("helped", "AID"), ("examining", "ACCUSE")],
)
def test_political_readings_of_the_same_verbs_stay_events(nlp, trigger, type_):
    # the same verbs between political actors, on a page of political news
    _event(_code(nlp, POLITICAL_PAGE), trigger, type_)


def test_a_dispute_between_people_and_a_firm_stays_an_event(nlp):
    _event(_code(nlp, "She accused the record label of blocking the release of her album."), "accused", "ACCUSE")


def test_the_sense_gate_can_be_switched_off(nlp, monkeypatch):
    # off, the rules code the everyday readings that the gate removes above: the gate is what
    # removes them, not the rules
    from dateline.events import sense

    monkeypatch.setenv("DATELINE_SENSE_GATE", "0")
    assert sense.load() is None
    found = [(e.type, e.trigger.text) for e in _code(nlp, EVERYDAY_PAGE).events if e.trigger]
    assert ("AGREE", "offers") in found, found
    assert ("ACCUSE", "examining") in found, found


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # the act of an intention named is intended, not done (round 22, `intent_nouns`)
        ("Iran has expressed its willingness to resume talks with the European powers.", "036"),
        ("Russia signalled its readiness to release the detained sailors.", "035"),
        ("Both leaders reaffirmed their commitment to negotiate a peace deal.", "036"),
    ],
)
def test_an_act_of_an_intention_named_is_intended(nlp, text, cameo):
    ev = _code(nlp, text).events[0]
    assert (ev.modality, ev.cameo) == ("future", cameo), (ev.type, ev.cameo, ev.modality, ev.rule)


@pytest.mark.parametrize(
    ("text", "type_", "rule"),
    [
        # aid given again after a halt
        ("Seoul announced it would resume food aid to the North.", "AID", "resume+AID"),
        ("The United States restored military aid to Egypt on Thursday.", "AID", "restore+AID"),
        # diplomats, however named, sent home (the DIPLOMAT noun class)
        ("Turkey expelled the German ambassador.", "SANCTION", "expel+DIPLOMAT"),
        ("Iran withdrew its envoys from Riyadh.", "SANCTION", "withdraw+DIPLOMAT"),
        ("Kenya ordered the Somali ambassador to leave the country.", "SANCTION", "order+DIPLOMAT>leave"),
        ("The ministry declared the attache persona non grata.", "SANCTION", "declare+persona_non_grata"),
    ],
)
def test_aid_resumed_and_diplomats_sent_home(nlp, text, type_, rule):
    ev = _code(nlp, text).events[0]
    assert (ev.type, ev.rule) == (type_, rule), (ev.type, ev.rule)


def test_a_person_expelled_who_is_no_diplomat_stays_an_expulsion(nlp):
    ev = _code(nlp, "The authorities expelled two foreign journalists.").events[0]
    assert ev.type == "COERCE", (ev.type, ev.rule)


@pytest.mark.parametrize(
    ("text", "type_", "rule"),
    [
        # a deployment of forces named as a noun is the deployment (round 22)
        ("France announced the deployment of 2,000 troops to Mali.", "MOBILIZE", "announce+deployment~of~troop"),
        ("The deployment of US troops to Poland angered Moscow.", "MOBILIZE", "deployment~of~troop"),
        # troops sent on a peacekeeping mission are protection (AID, CAMEO 074), not a show of force
        ("Bangladesh sent 500 soldiers to South Sudan on a peacekeeping mission.", "AID", "send+TROOPS+peacekeeping"),
        ("Rwanda deployed 1,000 troops as part of a peacekeeping force.", "AID", "deploy+TROOPS+peacekeeping"),
        # troops sent to fight stay a deployment
        ("Russia sent troops to Syria to support Assad.", "MOBILIZE", "send+TROOPS"),
        # round 25: a deployment noun on a peacekeeping mission is protection too, as the verb is
        (
            "Ghana on Friday announced the deployment of 400 troops to Lebanon on a peacekeeping mission.",
            "AID",
            "announce+peacekeeping~deployment",
        ),
        # ... but not when peacekeeping is only named nearby, nor a deployment for an offensive
        (
            "The government ordered the deployment of troops on the streets after the peacekeeping talks collapsed.",
            "MOBILIZE",
            "order>deployment~of~troop",
        ),
        (
            "The army announced the deployment of more soldiers for the offensive against the rebels.",
            "MOBILIZE",
            "announce+deployment~of~soldier",
        ),
        (
            "The ministry announced the deployment of troops to the border on Monday.",
            "MOBILIZE",
            "announce+deployment~of~troop",
        ),
    ],
)
def test_deployments_named_and_peacekeeping_missions(nlp, text, type_, rule):
    ev = _code(nlp, text).events[0]
    assert (ev.type, ev.rule) == (type_, rule), (ev.type, ev.rule)


@pytest.mark.parametrize(
    "text, type_, trigger",
    [
        ("Police launched an operation to arrest the suspects.", "COERCE", "arrest"),
        ("The navy launched an operation to evacuate civilians from the port.", "AID", "evacuate"),
        ("Turkish police launched operations to detain 110 suspects.", "COERCE", "detain"),
        # an offensive is an attack, and so is an operation to retake a city
        ("The army launched an offensive to arrest the rebel leaders.", "ASSAULT", "launched an offensive"),
        ("The army launched an operation to retake the city.", "ASSAULT", "launched an operation"),
        # a violent operation, or one to do what only force does, stays an attack
        (
            "NATO launched a bombing campaign to force Serbian troops out of Kosovo.",
            "ASSAULT",
            "launched a bombing campaign",
        ),
        ("The army launched an operation to free the hostages held by the rebels.", "ASSAULT", "launched an operation"),
    ],
)
def test_an_operation_launched_to_do_an_act_is_that_act(nlp, text, type_, trigger):
    ev = _code(nlp, text).events[0]
    assert (ev.type, ev.trigger.text) == (type_, trigger), (ev.type, ev.rule, ev.trigger.text)


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Syrian air strikes hit the rebel-held enclave of Eastern Ghouta.", "ASSAULT"),
        ("Missiles rained down on Kyiv.", "ASSAULT"),
        ("A shell crashed into a school in Donetsk.", "ASSAULT"),
        # a labour strike, a blaze, a storm and a drone that crashes are no attack
        ("A general strike hit the ports of Marseille.", "PROTEST"),
        ("A fire hit the factory overnight.", None),
        ("The storm battered the coast.", None),
        ("The drone crashed into a field.", None),
        # a weapon that crashes with nothing struck is a failed launch
        ("The rocket crashed shortly after launch, NASA said.", None),
    ],
)
def test_a_weapon_that_strikes_is_an_attack_whatever_it_hits(nlp, text, type_):
    events = _code(nlp, text).events
    assert (events[0].type if events else None) == type_, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, consult",
    [
        # people who talk about something with no one named only speak (real pages, set19)
        ("Funeral directors talk openly about how scared the spiking death toll has left them.", False),
        ("We're talking about meat produced with growth hormones and high amounts of antibiotics.", False),
        ("Residents talk about the flood every day.", False),
        # parties talking with each other consult
        ("The two leaders talked about trade on Monday.", True),
        ("The rebels and the government talked about a ceasefire.", True),
        ("Officials from both countries talked about border security.", True),
    ],
)
def test_talking_about_something_is_a_consultation_only_between_parties(nlp, text, consult):
    events = _code(nlp, text).events
    assert any(e.type == "CONSULT" for e in events) == consult, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, consult",
    [
        # meeting or visiting one's own family or a friend is private life (real pages, set19)
        ("Zoe had flown to New York to see her father on the day before the fitting.", False),
        ("She made plans to meet a friend at 8pm the next day.", False),
        ("He met his girlfriend in a bar in Soho.", False),
        ("The minister met his Chinese counterpart in Beijing.", True),
        ("The prime minister met relatives of the hostages.", True),
        # a friend who is an actor of politics, or friends in a party, is politics
        ("Trump met his friend Netanyahu at the White House.", True),
        ("The president met his friends in the opposition.", True),
        ("The minister met his family in Paris.", False),
    ],
)
def test_seeing_ones_family_or_a_friend_is_no_consultation(nlp, text, consult):
    events = _code(nlp, text).events
    assert any(e.type == "CONSULT" for e in events) == consult, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, type_, modality",
    [
        # fighting that stops or ends is a ceasefire; a labour strike or a meeting ending is none
        ("The fighting stopped on Sunday after mediators intervened.", "RETREAT", "asserted"),
        ("The shelling has ceased in the south.", "RETREAT", "asserted"),
        ("The strike ended after three weeks.", None, None),
        ("The meeting ended without agreement.", None, None),
        # pushing or lobbying for someone else to act asks them to
        ("Activists are lobbying for Congress to pass the bill.", "REQUEST", "asserted"),
        ("The UN is pushing hard for the government to propose a ceasefire.", "REQUEST", "asserted"),
        # a thing that is to change is asked nothing
        ("Unions are pressing for wages to rise.", None, None),
    ],
)
def test_fighting_that_stops_and_pushing_for_another_to_act(nlp, text, type_, modality):
    events = _code(nlp, text).events
    got = (events[0].type, events[0].modality) if events else (None, None)
    assert got == (type_, modality), [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The ministry issued a statement critical of the French decision.", "ACCUSE"),
        ("A UN panel issued a report highly critical of Hanoi, demanding it free the activists.", "ACCUSE"),
        # "critical" that is not "critical of" criticises no one
        ("Microsoft released a critical security update for Windows.", None),
        ("The central bank issued a report on the economy.", None),
        # "critical of" a thing that is no party criticises no one
        ("The company released a report critical of the market.", None),
    ],
)
def test_a_report_or_statement_critical_of_someone_is_a_criticism(nlp, text, type_):
    events = _code(nlp, text).events
    assert (events[0].type if events else None) == type_, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, type_, modality",
    [
        ("The United States remains the largest donor of humanitarian aid to Yemen.", "AID", "asserted"),
        ("Norway is a major contributor to the Palestinian Authority's budget.", "AID", "asserted"),
        ("Japan was not a donor to the fund.", "AID", "negated"),
        # a person who contributes to a magazine gives no aid
        ("He is a regular contributor to the magazine.", None, None),
        # a contributor to a conflict or to instability gives no aid
        ("Russia is the biggest contributor to the conflict.", None, None),
        ("Iran is a major contributor to instability in the region.", None, None),
    ],
)
def test_a_state_told_as_a_donor_gives_aid(nlp, text, type_, modality):
    events = _code(nlp, text).events
    got = (events[0].type, events[0].modality) if events else (None, None)
    assert got == (type_, modality), [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The bombing of Gaza stopped on Sunday.", "RETREAT"),
        ("The bombing of Gaza killed ten people.", "ASSAULT"),
    ],
)
def test_what_a_fight_is_of_is_never_its_doer(nlp, text, type_):
    article = _code(nlp, text)
    ev = article.events[0]
    assert ev.type == type_ and "PSE" not in ev.actors, (ev.type, ev.rule, ev.actors)


@pytest.mark.parametrize(
    "text, assault",
    [
        # a crime fought as an activity is no attack; pirates fought are people
        ("The two navies pooled their resources to fight piracy.", False),
        ("Troops fought pirates off the coast of Somalia.", True),
    ],
)
def test_fighting_a_crime_is_no_attack_fighting_its_doers_is(nlp, text, assault):
    events = _code(nlp, text).events
    assert any(e.type == "ASSAULT" for e in events) == assault, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The vaccines arrived in Kinshasa on a flight from Brussels.", "AID"),
        ("Aid finally reached the besieged town of Madaya.", "AID"),
        # a delegation arriving visits; prices reaching a high deliver nothing
        ("The delegation arrived in Kabul for talks.", "CONSULT"),
        ("Food prices reached a record high.", None),
    ],
)
def test_aid_that_arrives_is_a_delivery_not_a_visit(nlp, text, type_):
    events = _code(nlp, text).events
    assert (events[0].type if events else None) == type_, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, accuse",
    [
        # slamming into something is an impact, slamming someone a criticism
        ("A car slammed into protesters in Charlottesville, killing one woman.", False),
        ("The opposition slammed the decision.", True),
    ],
)
def test_slamming_into_something_criticises_no_one(nlp, text, accuse):
    events = _code(nlp, text).events
    assert any(e.type == "ACCUSE" for e in events) == accuse, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # set 23 (real pages, round 23): held back, never done
        ("The Chinese have been reluctant to commit to a meeting with Washington.", "commit", "AGREE"),
        ("Mr. Trump's demands have made China wary of offering concessions.", "offering", "AGREE"),
        ("European ministers were unable to agree on new sanctions against Russia.", "agree", "AGREE"),
        ("Opposition leaders were afraid to criticise the president.", "criticise", "ACCUSE"),
        ("The government's failure to reach a deal with the unions angered voters.", "reach", "SUPPORT"),
        # an outcome never reached
        ("Actually signing a deal has proved elusive.", "signing", "SUPPORT"),
    ],
)
def test_an_act_held_back_or_never_reached_is_negated_no_refusal(nlp, text, trigger, type_):
    # negated, and kept as the act it is: holding back is no REJECT told
    ev = _event(_code(nlp, text), trigger, type_)
    assert ev.modality == "negated", (ev.type, ev.modality, ev.rule)


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "modality"),
    [
        # what is not held back stays as it was
        ("The president was quick to condemn the attack on the embassy.", "condemn", "ACCUSE", "asserted"),
        ("Russia said it was ready to negotiate with Ukraine.", "negotiate", "CONSULT", "future"),
        ("Egypt is wary of the Israeli attack on Gaza.", "attack", "ASSAULT", "asserted"),
        ("The meeting between the two leaders proved productive.", "meeting", "CONSULT", "asserted"),
        # a refusal is still a refusal
        ("The government refused to reach a deal with the unions.", "refused", "REJECT", "asserted"),
    ],
)
def test_ordinary_willingness_and_outcomes_keep_their_modality(nlp, text, trigger, type_, modality):
    ev = _event(_code(nlp, text), trigger, type_)
    assert ev.modality == modality, (ev.type, ev.modality, ev.rule)


def test_what_is_avoided_is_no_act_the_model_adds(nlp):
    # set 23: "have avoided direct criticism of teachers" was an asserted ACCUSE added by the model
    for text in (
        "Republican Gov. Eric Holcomb and leaders of the Legislature have avoided direct criticism of teachers.",
        "The minister avoided questions about the strike.",
    ):
        article = _code(nlp, text)
        assert not [e for e in article.events if e.trigger and "avoided" in e.trigger.text], [
            (e.type, e.rule) for e in article.events
        ]
    # criticism made stays
    assert _event(_code(nlp, "The governor criticised the teachers' union."), "criticised", "ACCUSE")


def test_a_feared_demand_and_a_pending_act_are_hypothetical(nlp):
    # set 23: "for fear that he will only demand more" was a planned (future) demand
    feared = _event(
        _code(nlp, "China is wary of the talks, for fear that Washington will only demand more."), "demand", "REQUEST"
    )
    assert feared.modality == "hypothetical"
    # "until a deal is reached": the deal is still to come
    article = _code(nlp, "Sanctions will stay in place until Russia withdraws its troops from Ukraine.")
    assert _event(article, "withdraws", "RETREAT").modality == "hypothetical"
    # a past until-clause is told, and a clause of another noun is no fear
    told = _code(nlp, "The army shelled the city until the rebels surrendered.")
    assert _event(told, "surrendered", "RETREAT").modality == "asserted"
    reported = _code(nlp, "The minister confirmed reports that the army stormed the town.")
    assert all(e.modality != "hypothetical" for e in reported.events if e.type == "ASSAULT")


def test_what_was_able_to_be_done_was_done(nlp):
    # "were able to seize the town": past ability tells the act, it is no plan
    done = _event(_code(nlp, "The rebels were able to seize the town after heavy fighting."), "seize", "COERCE")
    assert done.modality == "asserted"
    later = _event(_code(nlp, "The rebels will be able to seize the town within days."), "seize", "COERCE")
    assert later.modality == "future"


@pytest.mark.parametrize(
    "text",
    [
        # set 23 and PolNeAR dev: meetings and visits that consult no one
        "President Trump made an unscheduled trip to Walter Reed hospital on Saturday for a quick exam and labs.",
        "Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics.",
        '"My people had $20 billion done," Mr. Trump recounted in an Oct. 21 cabinet meeting.',
        '"He will issue some chart or report in the morning meetings," he said.',
        "Members of the Congressional Black Caucus held a press conference Friday afternoon.",
        "Pollster Pat Caddell went on to discuss recently released polls, including ones showing Trump leading.",
        "Trump made the reference Monday as he discussed his commitment to improving mental health services.",
        "Stein did not meet the Commission's 15 percent polling threshold.",
    ],
)
def test_meetings_and_visits_that_consult_no_one(nlp, text):
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.rule, e.trigger.text if e.trigger else None) for e in article.events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # real meetings, visits and talks stay consultations
        ("The president visited wounded soldiers at Walter Reed hospital on Saturday.", "visited"),
        ("The foreign minister travelled to Moscow for talks with Lavrov.", "travelled"),
        ("The cabinet held a meeting with union leaders on Monday.", "meeting"),
        ("The two leaders held a joint press conference after their talks.", "press conference"),
        ("Kerry held a news conference with Lavrov in Geneva.", "news conference"),
        ("Netanyahu discussed the peace process in Cairo on Monday.", "discussed"),
        ("Putin discussed Syria in a phone call with Erdogan.", "discussed"),
        # set 23: the parser hangs the partner on the object
        ("Volker said Sondland did, in fact, discuss investigations with the visiting Ukrainians.", "discuss"),
        ("Merkel and Macron discussed the refugee crisis on Tuesday.", "discussed"),
        ("Putin discussed Syria with Erdogan by phone.", "discussed"),
        ("The minister said he would discuss the matter with his French counterpart.", "discuss"),
        ("The U.N. called an emergency meeting to discuss the test.", "discuss"),
        ("The cabinet discussed the budget on Monday.", "discussed"),
        ("Kerry flew to Moscow to discuss the Syrian ceasefire.", "flew"),
        ("The secretary of state met the Iranian foreign minister in Vienna.", "met"),
    ],
)
def test_real_meetings_visits_and_talks_stay_consult(nlp, text, trigger):
    assert _event(_code(nlp, text), trigger, "CONSULT")


@pytest.mark.parametrize(
    ("text", "actor_country", "recipient_country"),
    [
        # pressure on a party to act is a request to it
        ("Washington pushed Kyiv to open an investigation.", "USA", "UKR"),
        ("The EU is pushing Serbia to recognise Kosovo.", None, "SRB"),
        ("Germany pushed the European Commission to propose new sanctions on Iran.", "DEU", None),
        ("France encouraged Lebanon to form a new government.", "FRA", "LBN"),
    ],
)
def test_pushing_a_party_to_act_is_a_request(nlp, text, actor_country, recipient_country):
    article = _code(nlp, text)
    found = [e for e in article.events if e.rule and "+OBJ+to" in e.rule]
    assert found, [(e.type, e.rule) for e in article.events]
    ev = found[0]
    assert ev.type in ("REQUEST", "ACCUSE"), (ev.type, ev.rule)  # a call for sanctions denounces
    by_id = {a.id: a for a in article.actors}
    if actor_country:
        assert actor_country in {by_id[i].country for i in ev.actors if i in by_id}
    if recipient_country:
        assert recipient_country in {by_id[i].country for i in ev.recipients if i in by_id}


@pytest.mark.parametrize(
    "text",
    [
        # no party pressed, or no political actor pressing: no request
        "The coach pushed the players to train harder.",
        "She pushed the door to open it.",
        "Parents pushed their children to study harder.",
        "The company pushed suppliers to cut prices.",
    ],
)
def test_pushing_things_or_private_people_is_no_request(nlp, text):
    article = _code(nlp, text)
    assert not [e for e in article.events if e.type == "REQUEST"], [(e.type, e.rule) for e in article.events]


def test_an_operation_to_free_hostages_is_one_attack(nlp):
    # the brief's misfire: a RETREAT/release by the attackers stood beside the attack
    article = _code(nlp, "Police launched an operation to free the hostages.")
    assert [e.type for e in article.events] == ["ASSAULT"], [(e.type, e.rule) for e in article.events]
    article = _code(nlp, "The navy launched an operation to rescue the sailors and to free the hostages.")
    assert "RETREAT" not in [e.type for e in article.events]
    # a release told as done stays, and so does an act conjoined in the past
    assert _event(_code(nlp, "Special forces freed the hostages in a dawn raid."), "freed", "RETREAT")
    told = _code(nlp, "Police launched a campaign to free the hostages and arrested two men.")
    assert _event(told, "arrested", "COERCE")


@pytest.mark.parametrize(
    "text",
    [
        # set 23: "a moderate risk of a heart attack" was an ASSAULT
        "Trump's heart disease meant that the President had a moderate risk of a heart attack in the following years.",
        "The singer died of a heart attack on Sunday.",
        "An explanation was offered by the White House.",
    ],
)
def test_an_attack_of_the_body_and_an_explanation_offered_are_no_events(nlp, text):
    article = _code(nlp, text)
    assert not article.events, [(e.type, e.rule) for e in article.events]


def test_attacks_and_offers_of_parties_stay(nlp):
    assert _event(_code(nlp, "The rebels launched a fresh attack on the army base."), "attack", "ASSAULT")
    assert _event(_code(nlp, "A suicide attack killed ten people in Kabul."), "killed", "ASSAULT")
    assert _event(_code(nlp, "Iran offered to mediate between the two sides."), "offered", "AGREE")
    assert _event(_code(nlp, "The government offered talks to the rebels."), "offered", "AGREE")


@pytest.mark.parametrize(
    ("text", "is_request"),
    [
        # set 19: "did not seek reelection" was a (negated) REQUEST: running for office asks nothing
        ("St. Louis Park Mayor Jake Spano did not seek reelection, and he endorsed Mohamed.", False),
        ("Senator Collins will seek a fifth term in 2020.", False),
        ("The governor said he would seek re-election next year.", False),
        # what is sought from others stays a request
        ("Iran is seeking the release of its diplomats.", True),
        ("Ukraine is seeking membership of NATO.", True),
        ("The opposition is seeking an early election.", True),
    ],
)
def test_seeking_office_is_no_request(nlp, text, is_request):
    article = _code(nlp, text)
    found = [e for e in article.events if e.type == "REQUEST" and e.trigger and "seek" in e.trigger.text]
    assert bool(found) == is_request, [(e.type, e.rule) for e in article.events]


def test_an_index_named_by_its_head_moves_as_a_market(nlp):
    # set 23: "China's Shanghai Composite ... recovered those losses" was a CONCEDE the model added
    for text in (
        "China's Shanghai Composite slumped 0.2%, but recovered those losses and was last trading up 0.4%.",
        "The Hang Seng Index rallied 2% on Monday.",
    ):
        article = _code(nlp, text)
        assert not article.events, [(e.type, e.rule) for e in article.events]
    # a state that rejects or recovers stays an actor
    assert _event(_code(nlp, "Iran rejected the claim on Monday."), "rejected", "REJECT")
    assert _event(_code(nlp, "Government forces recovered the town from the rebels."), "recovered", "ASSAULT")


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "modality"),
    [
        # review 24 (E2, E1, E8, E10, E9, E3, E6, E4, E5, E7, E11, E12): this round's rules on ordinary news
        ("Police weren't able to arrest the suspect.", "arrest", "COERCE", "negated"),
        ("The rebels were not able to seize the town.", "seize", "COERCE", "negated"),
        ("If the rebels were able to seize the town, they would control the road.", "seize", "COERCE", "future"),
        ("The two sides were not able to agree on a ceasefire.", "agree", "REJECT", "asserted"),
        ("Putin discussed the war with Erdogan.", "discussed", "CONSULT", "asserted"),
        ("The president discussed the crisis by phone.", "discussed", "CONSULT", "asserted"),
        ("Activists launched a campaign to boycott Israeli goods.", "boycott", "PROTEST", "asserted"),
        ("The EU launched a campaign to rally support for Ukraine.", "rally", "SUPPORT", "asserted"),
        (
            "The army launched a military operation to evacuate civilians and rescue the hostages.",
            "evacuate",
            "AID",
            "asserted",
        ),
        ("The army was reluctant to intervene but sent troops on Monday.", "sent", "MOBILIZE", "asserted"),
        ("The rebels were unable to hold the town and withdrew on Friday.", "withdrew", "RETREAT", "asserted"),
        ("The army pushed the militants to retreat from the border.", "retreat", "RETREAT", "asserted"),
        ("UN inspectors traveled to Iran for an examination of its nuclear sites.", "traveled", "CONSULT", "asserted"),
        (
            "The foreign ministers of Russia and Turkey held a press conference.",
            "press conference",
            "CONSULT",
            "asserted",
        ),
        ("The weekly meeting of EU finance ministers approved the plan.", "meeting", "CONSULT", "asserted"),
        ("Residents are afraid of the army attacking again.", "attacking", "ASSAULT", "asserted"),
        ("Fears that police had killed the suspect were confirmed.", "killed", "ASSAULT", "historical"),
        ("The opposition sought the nomination of an independent judge.", "sought", "REQUEST", "asserted"),
    ],
)
def test_review24_ordinary_news_keeps_its_event(nlp, text, trigger, type_, modality):
    ev = _event(_code(nlp, text), trigger, type_)
    assert ev.modality == modality, (ev.type, ev.modality, ev.rule)


def test_review24_an_attack_impossible_to_rule_out_is_not_denied(nlp):
    ev = _event(_code(nlp, "An attack on Iran is impossible to rule out."), "attack", "ASSAULT")
    assert ev.modality != "negated"


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # round 25 (set 24): blame laid on someone is an accusation, as "blamed X" is
        ("The press secretary cast blame on House Speaker Nancy Pelosi over the stalled talks.", "pelosi"),
        ("The minister put the blame on the opposition for the violence.", "opposition"),
        ("Officials laid the blame for the attack on Iran.", "IRN"),
    ],
)
def test_blame_laid_on_someone_is_an_accusation(nlp, text, recipient):
    article = _code(nlp, text)
    ev = article.events[0]
    assert ev.type == "ACCUSE", [(e.type, e.rule) for e in article.events]
    assert any(recipient in r for r in ev.recipients), ev.recipients


@pytest.mark.parametrize(
    "text",
    [
        # blame taken or shared is no accusation of anyone
        "The general took the blame for the failed operation.",
        "Both sides share the blame for the collapse of the talks.",
    ],
)
def test_blame_taken_or_shared_is_no_accusation(nlp, text):
    article = _code(nlp, text)
    assert "ACCUSE" not in _types(article), [(e.type, e.rule) for e in article.events]


def test_a_present_participle_joined_to_its_object_is_a_description(nlp):
    # round 25 (set 24): "life-threatening" threatens no one; "convoy-ambushing" describes the raid
    assert "THREATEN" not in _types(_code(nlp, "The patient suffered a life-threatening infection after the surgery."))
    article = _code(nlp, "Rebels staged a convoy-ambushing raid.")
    assert [e.rule for e in article.events] == ["stage+ATTACK"], [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # a past participle's joined noun is its doer, and a participle with its own object acts
        ("Islamic State-occupied towns were shelled by the army.", "occupied", "COERCE"),
        ("Police arrested a man threatening passers-by with a knife.", "threatening", "THREATEN"),
        ("Iran-backed rebels attacked the base on Sunday.", "attacked", "ASSAULT"),
    ],
)
def test_past_participles_and_participles_with_objects_keep_their_event(nlp, text, trigger, type_):
    _event(_code(nlp, text), trigger, type_)


@pytest.mark.parametrize(
    "text",
    [
        # review 25, E1: peacekeepers named further down the phrase make no peacekeeping mission
        "Chad announced the deployment of 1,000 soldiers to Mali for operations against militants who have killed"
        " dozens of peacekeepers.",
        "Mali's junta announced the deployment of troops to Kidal as a replacement for the departing UN peacekeepers.",
        "The army announced the deployment of troops to the border for the first time since peacekeepers left in 2010.",
        "Russia announced the deployment of troops to the region under a deal that ended the peacekeeping mission.",
    ],
)
def test_review25_a_deployment_near_peacekeepers_stays_a_deployment(nlp, text):
    ev = _code(nlp, text).events[0]
    assert ev.type == "MOBILIZE", (ev.type, ev.rule)


@pytest.mark.parametrize(
    "text",
    [
        "The UN announced the deployment of 230 troops to Liberia on a peacekeeping mission.",
        "The deployment of 500 troops as part of a UN peacekeeping force began on Friday.",
    ],
)
def test_review25_a_deployment_on_a_peacekeeping_mission_is_protection(nlp, text):
    ev = _code(nlp, text).events[0]
    assert ev.type == "AID", (ev.type, ev.rule)


@pytest.mark.parametrize(
    "text",
    [
        # review 25, E2: the noun of the small clause is what is done to; protesters arrested are
        # no rioters, an ambassador returned pays no visit
        "The judge ordered the protesters arrested.",
        "The police chief ordered the protesters dispersed.",
        "Protesters blocked the road on Monday. The judge ordered the protesters jailed.",
        "The president ordered the ambassador returned to Paris.",
    ],
)
def test_review25_an_order_of_protesters_arrested_is_no_riot(nlp, text):
    article = _code(nlp, text)
    ordered = [e for e in article.events if e.trigger and e.trigger.text == "ordered"]
    assert ordered and ordered[0].type in ("REQUEST", "COERCE"), [(e.type, e.rule) for e in article.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [("The court ordered Navalny jailed.", "COERCE"), ("The judge ordered the asylum seekers deported.", "COERCE")],
)
def test_review25_an_order_of_people_jailed_or_deported_is_the_act(nlp, text, type_):
    ev = _code(nlp, text).events[0]
    assert ev.type == type_, (ev.type, ev.rule)


@pytest.mark.parametrize(
    "text",
    [
        # round 26: for a person's act the model adds an event only of a type its training examples
        # hold for the verb (model.json `added_triggers`); on verbs it never saw it typed by the
        # neighbours: an answer to criticism was an ACCUSE, being loyal a SUPPORT
        "President Obama addressed the criticism in a speech to donors on Tuesday.",
        "Prime Minister Boris Johnson proved loyal to his chancellor during the crisis.",
        # ... nor in a frame its examples never gave it: the examples seek asylum or help (an
        # object), they do not "seek to" do; they walk out or away, not walk the corridors
        "The governor sought to reassure voters that the budget was safe.",
        "Senator Ted Cruz sought to play down the rift with party leaders on Tuesday.",
        "Governor Jane Hill walked the corridors of the statehouse before the vote.",
    ],
)
def test_round26_the_model_adds_no_act_of_a_person_its_examples_never_gave_the_verb(nlp, text):
    article = _code(nlp, text)
    added = [(e.type, e.rule) for e in article.events if e.rule and e.rule.startswith("model:")]
    assert not added, added


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a state's act with a verb the examples never held is still added (round 26)
        ("Beijing rolled back its tariffs on Australian wine after the talks.", "RETREAT"),
    ],
)
def test_round26_a_states_act_is_added_whatever_the_verb(nlp, text, type_):
    article = _code(nlp, text)
    assert article.events and article.events[0].type == type_, [(e.type, e.rule) for e in article.events]
    assert article.events[0].rule.startswith("model:"), article.events[0].rule
