"""Who, whom and where (issue #15), through the real analysis: generic actors, recipients from
the parse, and where the event happened. Sentences written for these tests in news style."""

from __future__ import annotations

import pytest

from dateline.article import Article


def _code(nlp, text: str) -> Article:
    from dateline.analyse import analyse_docs

    article = Article(id=Article.make_id(text), text=text, language="en")
    analyse_docs(article, nlp(text))
    return article


def _actor(article: Article, actor_id: str):
    return next(a for a in article.actors if a.id == actor_id)


def _texts(article: Article, ids: list[str]) -> list[str]:
    return [article.text[m.start : m.end] for i in ids for m in _actor(article, i).mentions]


# -- generic actors ---------------------------------------------------------------------------------


def test_a_group_of_rebel_officers_is_the_coups_actor(nlp):
    a = _code(nlp, "A group of rebel military officers seized power in the capital on Tuesday.")
    ev = a.events[0]
    assert ev.type == "COERCE" and ev.actors
    actor = _actor(a, ev.actors[0])
    assert actor.sector == "REB" and "officers" in actor.name and actor.generic == "people"


@pytest.mark.parametrize(
    "text,noun,sector,country,source",
    [
        ("Malian soldiers killed 12 civilians in the village of Ogossagou.", "soldiers", "MIL", "MLI", "modifier"),
        ("Police in Lagos arrested dozens of protesters on Monday.", "Police", "COP", "NGA", "modifier"),
        ("In Kabul, gunmen attacked a checkpoint on Sunday.", "gunmen", "UAF", "AFG", "sentence"),
        ("South Africa's government condemned the attack.", "government", "GOV", "ZAF", "modifier"),
        # a US state is the place its bare name means, not a larger namesake town abroad (Indiana,
        # Brazil, has 35,000 people; the state's gazetteer entry carries no population)
        ("Some Indiana protesters chanted in a Statehouse hallway.", "protesters", "CVL", "USA", "modifier"),
    ],
)
def test_generic_actors_take_sector_and_country_and_say_whence(nlp, text, noun, sector, country, source):
    a = _code(nlp, text)
    found = [x for x in a.actors if getattr(x, "generic", None) and x.name.endswith(noun)]
    assert found, [(x.name, x.kind) for x in a.actors]
    g = found[0]
    assert (g.sector, g.country, g.country_source) == (sector, country, source)


def test_a_generic_actor_takes_the_datelines_country(nlp):
    from dateline import extract

    a = extract(text="NAIROBI (Reuters) - Police fired tear gas at demonstrators on Tuesday, witnesses said.")
    police = [x for x in a.actors if x.name == "Police"]
    assert police and police[0].country == "KEN" and police[0].country_source == "dateline"


def test_states_as_a_bloc_are_the_actor_and_take_no_one_country(nlp):
    # "Arab states" signed, "Western nations" imposed: the bloc acts (the NORP word alone was the
    # actor of a real article's treaty); in Geneva or under a dateline it is still no one country
    from dateline import extract

    a = _code(nlp, "Western nations imposed sanctions on Russia on Monday.")
    sanction = next(e for e in a.events if e.type == "COERCE")
    assert [_actor(a, i).name for i in sanction.actors] == ["Western nations"]
    a = extract(text="GENEVA (Reuters) - Officials from both states met in Geneva on Tuesday.")
    states = [x for x in a.actors if x.name == "states"]
    assert states and states[0].kind == "group" and states[0].sector == "GOV" and states[0].country is None


def test_a_title_is_no_actor_of_its_own(nlp):
    a = _code(nlp, "Foreign ministry spokesman Kim In-chul told reporters the talks would go ahead.")
    assert not [x for x in a.actors if getattr(x, "generic", None) and "spokesman" in x.name.lower()]


# -- recipients ---------------------------------------------------------------------------------------


def test_a_passive_agent_is_the_actor(nlp):
    a = _code(nlp, "The helicopter was shot down by Taliban fighters in Wardak province.")
    ev = a.events[0]
    assert ev.type == "ASSAULT" and _actor(a, ev.actors[0]).country == "AFG"
    assert "Taliban" in " ".join(_texts(a, ev.actors))


@pytest.mark.parametrize(
    "text,recipient",
    [
        ("The United States gave medical equipment to Nicaragua.", "Nicaragua"),
        ("Australia agreed to lend $1 billion to Indonesia.", "Indonesia"),
        ("Militants stormed a police headquarters in eastern Afghanistan.", "police headquarters"),
        ("Gunmen carried out an attack on the embassy in Kabul.", "embassy"),
        (
            "British military police launched an investigation into claims that two servicemen abused detainees.",
            "servicemen",
        ),
    ],
)
def test_recipients_from_the_parse(nlp, text, recipient):
    a = _code(nlp, text)
    assert a.events, text
    got = [t for ev in a.events for t in _texts(a, ev.recipients)]
    assert any(recipient in t for t in got), (got, [(e.type, e.actors, e.recipients) for e in a.events])


def test_a_joint_act_goes_from_the_first_to_the_others(nlp):
    a = _code(nlp, "Japan and Australia agreed to hold joint naval exercises next year.")
    ev = next(e for e in a.events if e.type == "AGREE")
    assert [_actor(a, x).country for x in ev.actors] == ["JPN"]
    assert [_actor(a, x).country for x in ev.recipients] == ["AUS"]


# -- where ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,place",
    [
        ("In Vienna, some 200,000 people marched on Saturday to demand equal rights.", "Vienna"),
        ("The rebels captured the town of Bakwa last month.", "Bakwa"),
        ("Israeli soldiers shot dead a policeman in the West Bank town of Tulkarm on Friday.", "Tulkarm"),
        ("Thousands of workers marched through Belgrade on Tuesday.", "Belgrade"),
    ],
)
def test_the_event_takes_its_sentences_own_place(nlp, text, place):
    a = _code(nlp, text)
    assert a.events
    ev = a.events[0]
    assert ev.place is not None and place in (ev.place.text or ev.place.name), ev.place
    assert a.text[ev.place.start : ev.place.end] == ev.place.text


@pytest.mark.parametrize(
    "text,place",
    [
        # the place the act is done to
        ("The village of Dikwa was shelled by gunmen on Tuesday.", "Dikwa"),
        # the place attacked is more precise than the sentence's fronted province
        ("In the province of Kandahar, insurgents shelled the town of Spin Boldak.", "Spin Boldak"),
        # a possessor is the larger place
        ("A police officer was shot dead near his home in Baghdad's Karrada district.", "Karrada"),
        # where a participant is
        ("Soldiers clashed with protesters in northern Mali on Sunday.", "Mali"),
        # a clause of the same moment
        ("The mayor was shot dead as he left a restaurant in Bamako.", "Bamako"),
        # a country naming whose embassy is no place; the city is
        ("Activists demonstrated outside the Nigeria embassy in London on Monday.", "London"),
        ("Thousands of students marched through Nairobi's streets on Friday.", "Nairobi"),
        # a region naming a war is no place; the object of the seizure is
        ("Rebels captured the Golan Heights in the 1967 Middle East war.", "Golan Heights"),
        # what a participant did there and then, in its relative clause
        ("The judge was killed by two gunmen who had hidden inside his apartment in Lima.", "Lima"),
        ("Police arrested three men who were hiding near the market in Kano on Sunday.", "Kano"),
    ],
)
def test_where_the_participants_are_and_what_the_act_is_done_to(nlp, text, place):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.place is not None and ev.place.text == place, (ev.type, ev.place)


@pytest.mark.parametrize(
    "text,words,larger",
    [
        # the issue's case: two "in" phrases of one word, the second the larger place
        ("A civilian was killed by a mortar in al-Tijara neighbourhood in central Damascus.", "al-Tijara", "Damascus"),
        # a part noun's "of" place is the larger ("the town of X" names X itself)
        ("Government forces launched an assault in the Wadi Barada area of rural Damascus.", "Wadi Barada", "Damascus"),
        # a place noun right before "in" and the larger place, wherever the parser hangs the "in"
        ("Gunmen attacked the Jobar neighbourhood in eastern Damascus.", "Jobar", "Damascus"),
    ],
)
def test_a_small_place_the_gazetteer_lacks_keeps_its_words_with_the_larger_places_name(nlp, text, words, larger):
    ev = _code(nlp, text).events[0]
    assert ev.place is not None and ev.place.text == words, ev.place
    assert ev.place.name == larger and ev.place.precision == "larger", ev.place


@pytest.mark.parametrize(
    "text",
    [
        "In Idlib province, militants launched an assault on the Wadi Deif area.",
        "Militants launched an assault on the Wadi Deif area overnight in Idlib province.",
    ],
)
def test_an_attack_on_a_place_is_placed_there(nlp, text):
    ev = _code(nlp, text).events[0]
    assert ev.type == "ASSAULT" and ev.place is not None and ev.place.text == "Wadi Deif", ev.place


def test_a_dependent_clause_takes_the_place_of_the_clause_it_hangs_on(nlp):
    from dateline.analyse import analyse_docs
    from dateline.events.lexicon import Entry
    from dateline.events.parse import Candidate, Context
    from dateline.events.place import _governing_place

    text = "In the city of Mosul gunmen opened fire on a bus, killing nine people."
    a = Article(id=Article.make_id(text), text=text, language="en")
    doc = nlp(text)
    analyse_docs(a, doc)
    killing = next(t for t in doc if t.text == "killing")
    place = _governing_place(Candidate(killing, Entry("ASSAULT", None, "190", "kill")), Context(a, doc), [])
    assert place is not None and place["text"] == "Mosul"


@pytest.mark.parametrize(
    "text",
    [
        # what a participant is or has is no act of its own there
        "The company, which has two plants in Mexico, agreed to a new contract.",
        "A doctor who lives in Lagos was kidnapped on Friday.",
    ],
)
def test_a_participants_state_places_no_event(nlp, text):
    a = _code(nlp, text)
    assert a.events and a.events[0].place is None, a.events[0].place if a.events else None


def test_no_place_is_invented(nlp):
    a = _code(nlp, "A cab driver from Abidjan was shot dead by police officers when he failed to stop.")
    assert a.events and all(ev.place is None for ev in a.events)


def test_the_dateline_places_a_first_sentence_that_names_none():
    from dateline import extract

    a = extract(
        text="WASHINGTON (Reuters) - The United States imposed new sanctions on Iran on Tuesday, the Treasury said.\n\n"
        "Iran condemned the move."
    )
    ev = next(e for e in a.events if e.type == "COERCE")
    assert ev.place is not None and ev.place.name == "Washington" and ev.place.precision == "dateline"


def test_a_roundups_later_dateline_places_the_sentence_it_opens():
    from dateline import extract

    a = extract(
        text="KABUL -- Taliban fighters attacked a police post on Tuesday, officials said.\n\n"
        "The attack lasted two hours.\n\n"
        "ISLAMABAD -- Police arrested four men on Wednesday, a spokesman said.\n\n"
        "WASHINGTON -- Officials welcomed the arrests in Karachi."
    )
    arrest = next(e for e in a.events if e.type == "COERCE")
    assert arrest.place is not None and arrest.place.name == "Islamabad" and arrest.place.precision == "dateline"
    # a sentence that names a place of its own keeps it
    welcome = [e for e in a.events if e.place is not None and e.place.name == "Washington"]
    assert not welcome, welcome


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        # conjoined owners of one subject are the parties of a joint act
        ("Kenya and Uganda's defence ministers met in Nairobi on Monday.", "Kenya", "Uganda"),
        # failing to reach an agreement is a joint act
        ("Ghana and Togo failed to reach an agreement on border security.", "Ghana", "Togo"),
        # the meeting of X: its participants
        ("Kenya will host the meeting of East African foreign ministers next week.", "Kenya", "ministers"),
        # troops for a war against X: the opponent
        ("The president mobilized troops for a war against Eritrea.", "president", "Eritrea"),
        # the owner of what is seized is the recipient, not a second actor
        ("Somali pirates seized the Ukrainian tanker off the coast.", "pirates", "Ukrainian"),
        # a complaint with one body against another: whom it is against
        (
            "Amnesty International filed a complaint with the United Nations against the Malian army.",
            "Amnesty",
            "Malian army",
        ),
        # threats made by X, conjoined with the act condemned
        (
            "The European Union condemned the arrests and the threats made by the military government.",
            "European Union",
            "government",
        ),
        # an act done following an invitation from X answers X
        (
            "The minister arrived in Cairo on Sunday following an invitation from Egyptian President Abdel Fattah "
            "al-Sisi.",
            "minister",
            "Sisi",
        ),
        # "Daesh", which the tagger may read as a place, is an armed group: the one attacked, also as a site's owner
        ("Iraqi troops launched a new offensive against Daesh in the north.", "Iraqi troops", "Daesh"),
        ("Iraqi jets bombed a Daesh weapons depot near the border.", "Iraqi jets", "Daesh"),
        # an agent noun compounded with a decision is its author, whom rejecting it is aimed at
        ("The federal court rejected the Kirkuk council decision on Monday.", "court", "Kirkuk council"),
        ("The union rejected the government plan to cut wages.", "union", "government"),
    ],
)
def test_recipients_from_joint_acts_owners_and_opponents(nlp, text, actor, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors and ev.recipients, (ev.type, ev.actors, ev.recipients)
    assert actor in " ".join(_texts(a, ev.actors[:1])), (ev.type, ev.actors, ev.recipients)
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.actors, ev.recipients)


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        # the parser hangs the name on the place before it: the name before the verb is its subject
        (
            "On a visit to Zambia, Kenyan President William Ruto voiced his strong support of President Hakainde "
            "Hichilema.",
            "William Ruto",
            "Hakainde Hichilema",
        ),
        # "let free": the letting's subject frees them
        ("Sudan let free some 70 political leaders and members of a small rebel group.", "Sudan", "rebel group"),
    ],
)
def test_subjects_the_parser_misses(nlp, text, actor, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert actor in " ".join(_texts(a, ev.actors[:1])), (ev.type, ev.actors, ev.recipients)
    assert recipient in " ".join(_texts(a, ev.recipients)), (ev.type, ev.actors, ev.recipients)


def test_where_someone_is_arrested_is_no_recipient(nlp):
    a = _code(nlp, "Police said Jones, 53, was arrested on Thursday at Kendall Elementary School in Miami.")
    ev = next(e for e in a.events if e.type == "COERCE")
    assert not any("School" in t for t in _texts(a, ev.recipients)), _texts(a, ev.recipients)


# -- targets that are no actor (Event.target) ---------------------------------------------------


@pytest.mark.parametrize(
    "text,target",
    [
        # a thing: the first recipient phrase that names no actor
        ("The parliament rejected the pension reform on Friday.", "the pension reform"),
    ],
)
def test_a_target_that_is_no_actor_is_kept_as_words(nlp, text, target):
    a = _code(nlp, text)
    ev = a.events[0]
    assert not ev.recipients and ev.target is not None, (ev.type, ev.recipients, ev.target)
    assert ev.target.text == target and a.text[ev.target.start : ev.target.end] == target
    assert Article.from_json(a.to_json()).events[0].target == ev.target


def test_a_place_target_is_kept_as_words_beside_its_country_as_recipient(nlp):
    # failing a thing, the place the sentence says the act was done in: its words stay the target,
    # its country (round 19) is the recipient, with the place's words as that actor's mention
    a = _code(nlp, "Authorities imposed a curfew in the town of Kasese after the clashes.")
    ev = a.events[0]
    assert ev.target is not None and ev.target.text == "Kasese", (ev.recipients, ev.target)
    assert ev.recipients == ["UGA"] and "Kasese" in _texts(a, ["UGA"])
    assert Article.from_json(a.to_json()).events[0].target == ev.target


@pytest.mark.parametrize(
    "text,country,words,people",
    [
        # unnamed civilians killed or helped are coded, as PLOVER (and PLV) code them, by the place
        # they are in: its country first, the people after it
        ("Gunmen killed 12 people in two separate attacks in Nigeria on Sunday.", "NGA", "Nigeria", "people"),
        ("The World Food Programme delivered food to help people in Niger and Mali.", "NER", "Niger", "people"),
        # review 25 A1: the country the people's own phrase names, never a route or an origin
        ("The United States sent aid to people in Gaza through Egypt.", "PSE", "Gaza", "people"),
        ("The UN delivered aid from Turkey to people in Syria.", "SYR", "Syria", "people"),
        ("Jordan sent aid to civilians in Gaza from Amman.", "PSE", "Gaza", "civilians"),
    ],
)
def test_unnamed_victims_and_beneficiaries_are_coded_by_their_place(nlp, text, country, words, people):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients[:1] == [country] and words in _texts(a, [country]), (ev.type, ev.recipients)
    assert people in ev.recipients[1:], ev.recipients
    assert _actor(a, people).country == country  # the record reads "people (NGA)" too


@pytest.mark.parametrize(
    "text,first",
    [
        ("Gunmen killed 12 Nigerian civilians in an attack on Sunday.", "nigerian-civilians"),  # named by theirs
        ("Rebels freed 40 prisoners from a jail in the town of Kajo-Keji.", "prisoners"),  # no harm or help
        ("Police arrested 30 protesters in Lahore on Friday.", "protesters"),
        ("A gunman killed three people who had fled Syria last year.", "people"),  # another clause's place
        ("Police killed three people in Lahore on Friday.", "people"),  # the country is the police's side
        # a conjoined group is no place of the people
        ("Ottoman Turks killed approximately 1.5 million Armenians, Assyrians, Greeks, and others.", "armenians"),
    ],
)
def test_named_or_unharmed_people_and_other_clauses_places_keep_the_first_place(nlp, text, first):
    ev = _code(nlp, text).events[0]
    assert ev.recipients[:1] == [first], (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text,country,words",
    [
        # the word the entry is keyed on is the act's own, never its target: the place is
        ("Troops remained on alert in Kabul after the attack.", "AFG", "Kabul"),
        # the act's own noun as the subject: the place in its phrase is where it is done
        ("The agreed ceasefire in Syria's Idlib province will start on Friday.", "SYR", "Syria"),
        ("The curfew in Srinagar was lifted on Monday.", "IND", "Srinagar"),
        # the country is the one the purpose lies in and the act's own place's: the place's words name it
        ("Japanese peacekeepers arrived at the Juba airport to join the mission in South Sudan.", "SSD", "Juba"),
    ],
)
def test_the_place_an_act_is_done_in_past_its_keyed_words(nlp, text, country, words):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients[:1] == [country] and words in _texts(a, [country]), (ev.type, ev.recipients, ev.target)


@pytest.mark.parametrize(
    "text,country,words",
    [
        # the place the target noun is in is the place the act is done on (PLOVER GSR dev's class)
        ("Israeli tanks fired four shells at targets in Jericho on Monday.", "PSE", "Jericho"),
        ("Israel will evacuate all 21 settlements in the Gaza Strip in August.", "PSE", "Gaza Strip"),
    ],
)
def test_the_place_a_target_is_in_names_its_country(nlp, text, country, words):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients[:1] == [country] and words in _texts(a, [country]), (ev.type, ev.recipients, ev.target)


@pytest.mark.parametrize(
    "text",
    [
        "The minister criticised the rise in prices on Monday.",  # no place
        # words said of it, a contest, a venue: no act done on the place
        "Bernie Sanders is conceding the race in Nevada in a phone call with Hillary Clinton.",
        "The administration is still reluctant to call the attack in California an act of terrorism.",
        "Ukraine banned rallies in Kharkiv on Monday.",  # the actor's own country
    ],
)
def test_a_target_with_no_foreign_place_gains_no_country(nlp, text):
    ev = _code(nlp, text).events[0]
    assert not ev.recipients, (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters in Kenya ended their strike on Friday.",  # a subject's place, not the act's noun
        "Soldiers in Kenya remained on alert on Friday.",
    ],
)
def test_a_subjects_place_stays_no_recipient(nlp, text):
    ev = _code(nlp, text).events[0]
    assert not ev.recipients, (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text,recipient",
    [
        # a threat that names no one it is aimed at is made to whoever must meet its condition
        ("Iran threatened to launch a new offensive unless Baghdad accepted its conditions.", "IRQ"),
        ("Russia threatened to walk out of the talks if the United States deployed new missiles in Europe.", "USA"),
    ],
)
def test_a_threat_with_no_object_is_made_to_whom_its_condition_falls_on(nlp, text, recipient):
    ev = _code(nlp, text).events[0]
    assert ev.type == "THREATEN" and ev.recipients == [recipient], (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text,recipient,target",
    [
        # what the threatened act is done to stays its recipient or target; no actor, no recipient
        (
            "Bosnian Serb units threatened to shell British forces if western forces launched an attack.",
            "british-forces",
            None,
        ),
        ("The rebels threatened to shell the town if the army advanced.", None, "the town"),
        ("The union threatened to strike if the talks failed.", None, None),
    ],
)
def test_a_threats_own_object_comes_before_its_condition(nlp, text, recipient, target):
    ev = _code(nlp, text).events[0]
    assert ev.recipients == ([recipient] if recipient else []), (ev.type, ev.recipients)
    assert (ev.target.text if ev.target else None) == target


def test_a_clause_with_its_own_subject_gives_no_recipient_to_the_act_it_follows(nlp):
    # "to restore order after gunmen took over a base": the base is the gunmen's, not the sender's
    a = _code(nlp, "The president sent troops to restore order after gunmen took over a military base.")
    sent = next(e for e in a.events if e.type == "MOBILIZE")
    assert sent.recipients == [], sent.recipients
    # a purpose with no subject of its own still names whom the act is for
    a = _code(nlp, "The government sent troops to help the Philippine army fight the rebels.")
    assert any(e.recipients == ["philippine-army"] for e in a.events), [(e.type, e.recipients) for e in a.events]


@pytest.mark.parametrize(
    "text,recipient",
    [
        # the subject is an attack on a vehicle: the vehicle's country is whom it is aimed at, with
        # or without an agent of its own named in the subject
        ("A Russian-led assault on a Ukrainian ferry used cruise missiles.", "Ukraine"),
        ("An air strike on a Yemeni bus used a guided bomb.", "Yemen"),
    ],
)
def test_an_attack_subject_on_a_vehicle_is_aimed_at_its_country(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert [_actor(a, r).name for r in ev.recipients[:1]] == [recipient], (ev.rule, ev.recipients)


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        # a participle on an instrument of authority: who signs or issues it does what it does
        ("The president signed a decree granting amnesty to the rebels.", "president", "rebels"),
        ("The government issued an order banning Russian journalists.", "government", "Russian journalists"),
    ],
)
def test_who_issues_an_instrument_of_authority_does_what_it_does(nlp, text, actor, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert [_actor(a, x).name for x in ev.actors[:1]] == [actor], (ev.rule, ev.actors)
    assert [_actor(a, x).name for x in ev.recipients[:1]] == [recipient], (ev.rule, ev.recipients)


@pytest.mark.parametrize(
    "text,recipient",
    [
        # the parser hangs the "to" of handing over on a clause inside what is handed
        ("The company handed records of the shipments which list the buyers to the Danish customs authorities.",
         "Danish customs authorities"),
        ("Police returned a painting, missing since 1970, to the Polish government.", "Polish government"),
    ],
)  # fmt: skip
def test_whom_a_thing_is_handed_to_past_a_clause_inside_it(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert [_actor(a, r).name for r in ev.recipients[:1]] == [recipient], (ev.rule, ev.recipients, ev.target)


@pytest.mark.parametrize(
    "text,actor",
    [
        # a fronted gerund clause of time or manner is done by the main verb's subject
        ("After meeting Putin, Erdogan said he would buy more Russian gas.", "Erdogan"),
        ("After visiting Beijing, the Brazilian president said trade would grow.", "Brazilian president"),
    ],
)  # fmt: skip
def test_a_gerund_clause_of_time_is_done_by_the_main_subject(nlp, text, actor):
    a = _code(nlp, text)
    ev = a.events[0]
    assert actor in " ".join(_texts(a, ev.actors[:1])), (ev.rule, ev.actors)


def test_a_time_phrase_leaves_the_recipient_preposition_to_the_phrase_after_the_measure(nlp):
    # "On Friday" is an "on" phrase of the verb, but a time: the sanctions' "on" phrase, which the
    # parser hangs on a listed measure read as a verb, still names whom they are imposed on
    a = _code(
        nlp,
        "On Friday, the Canadian government imposed sanctions over the coup, including asset freezes, "
        "on Sudanese army generals.",
    )
    ev = a.events[0]
    assert "Sudanese army generals" in " ".join(_texts(a, ev.recipients[:1])), (ev.recipients, ev.target)
    # a name the parser hangs on the day after it is no time phrase
    a = _code(
        nlp,
        "Turkey's foreign minister met with Egyptian President Abdel Fattah el-Sisi Wednesday to discuss the border.",
    )
    ev = a.events[0]
    assert "Abdel Fattah el-Sisi" in _texts(a, ev.recipients[:1]), (ev.recipients, ev.target)


@pytest.mark.parametrize(
    "text,words,name",
    [
        # target words headed by a WordNet person or social group that no earlier stage made an
        # actor: a group actor of their own, the recipient, the words still the target
        ("The governor issued an ultimatum to his coalition partners on Sunday.", "his coalition partners",
         "coalition partners"),
        ("The tribunal rejected the league on Tuesday.", "the league", "league"),
    ],
)  # fmt: skip
def test_target_words_that_name_people_are_a_group_recipient(nlp, text, words, name):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients and ev.target is not None and ev.target.text == words, (ev.recipients, ev.target)
    actor = _actor(a, ev.recipients[0])
    assert (actor.kind, actor.name) == ("group", name) and _texts(a, ev.recipients[:1]) == [words]
    # unnamed, as the actors stage's generic agents: the store knows it in its own article only
    from dateline.corpus import actor_key

    assert actor.model_extra["generic"] == "people" and actor_key(actor, "a1") != actor_key(actor, "a2")


def test_a_group_recipient_rides_in_its_own_field_not_as_a_place(nlp):
    # the coder gives target words that name people their own field (``Coded.group_recipient``),
    # a place done in or on keeps ``place_recipient``
    from dateline.analyse import components
    from dateline.article import Article
    from dateline.events.coder import code_doc

    def coded(text: str) -> list:
        a, doc = Article(text=text), nlp(text)
        for component in components():
            if not component.__module__.startswith("dateline.events"):
                component(a, doc)  # the stages before event coding
        return code_doc(a, doc)

    group = coded("The governor issued an ultimatum to his coalition partners on Sunday.")[0]
    assert group.place_recipient is None and group.group_recipient is not None
    assert group.group_recipient["name"] == "coalition partners" and group.group_recipient["kind"] == "group"
    place = coded("The army imposed a curfew in Lahore on Monday.")[0]
    assert place.group_recipient is None and place.place_recipient is not None


@pytest.mark.parametrize(
    "text",
    [
        "The ministry rejected the pension reform on Friday.",  # a thing
        "The mayor appealed for help on Friday.",  # a noun as often an act ("help")
        "The army shelled the city on Monday.",  # a place noun
    ],
)
def test_target_words_that_name_no_people_stay_words(nlp, text):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.target is not None, (ev.type, ev.rule)
    assert not any(_actor(a, r).kind == "group" for r in ev.recipients), (ev.recipients, ev.target)


@pytest.mark.parametrize(
    "text",
    [
        "Militants fired rockets on Tuesday.",  # what the actor uses, and a time
        "The ministry suspended all flights on Wednesday.",  # the keyed object, and a time
        "Police arrested the opposition leader on Monday.",  # a recipient actor: no target
    ],
)
def test_times_means_keyed_objects_and_actors_are_no_targets(nlp, text):
    ev = _code(nlp, text).events[0]
    assert ev.target is None, (ev.type, ev.rule, ev.target)


@pytest.mark.parametrize(
    "text,recipient",
    [
        # a purpose clause says whom the act presses
        ("Farmers blocked the highway to demand the resignation of Agriculture Minister Tomas Berg.", "Tomas Berg"),
        ("Riot police opened fire to disperse the students outside the ministry.", "students"),
        # "in protest of X" (or of what X did)
        ("Teachers went on strike in protest of the governor's budget cuts.", "governor"),
        # a site is its people
        ("Government troops shelled the camps of the rebel fighters overnight.", "rebel fighters"),
    ],
)
def test_recipients_of_purposes_protests_and_sites(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.recipients, _texts(a, ev.recipients))


def test_an_object_counted_with_up_to_is_the_object_when_the_parser_makes_up_a_particle(nlp):
    from spacy.tokens import Doc

    from dateline.events.roles import objects_of

    # the parse the model gives "... have kidnapped up to 16 Russian civilian advisers ..."
    words = "Gunmen have kidnapped up to 16 Russian civilian advisers".split()
    heads = [2, 2, 2, 2, 3, 8, 8, 8, 4]
    deps = ["nsubj", "aux", "ROOT", "prt", "prep", "nummod", "amod", "amod", "pobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in objects_of(doc[2])] == ["advisers"]


def test_an_investigation_into_what_someone_did_is_aimed_at_them(nlp):
    a = _code(
        nlp, "Prosecutors opened an investigation into alleged abuses committed by prison guards against inmates."
    )
    ev = a.events[0]
    assert ev.type == "ACCUSE" and "prison guards" in " ".join(_texts(a, ev.recipients[:1])), ev


@pytest.mark.parametrize(
    "text,recipient,target",
    [
        ("The abduction of two aid workers on Friday shocked the town.", "aid workers", None),
        # "shopkeeper" is no agent noun but a WordNet person: a group recipient of its own, its
        # words still the target (round 22, ``roles.agentive_target``)
        ("Crowds gathered on Sunday after the killing of a local shopkeeper by soldiers.", "local shopkeeper",
         "a local shopkeeper"),
    ],
)  # fmt: skip
def test_an_attack_noun_is_done_to_its_of_object(nlp, text, recipient, target):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), ev
    if target:
        assert ev.target is not None and ev.target.text == target, ev


@pytest.mark.parametrize(
    "text,country",
    [
        ("The Security Council imposed new sanctions in relation to Zimbabwe on Tuesday.", "ZWE"),
        ("The rebel commanders agreed to a ceasefire in eastern Ukraine.", "UKR"),
        # the country a smaller place is said to be in: its possessor, resolved or not
        ("Government forces imposed a curfew in Pakistan's Swat valley on Monday.", "PAK"),
        ("The army declared a state of emergency in Kenya's Lamu county.", "KEN"),
        ("The rebels agreed to a ceasefire in Syria's Idlib province on Friday.", "SYR"),
    ],
)
def test_an_act_with_no_recipient_is_done_to_the_country_it_is_done_in(nlp, text, country):
    # PLOVER codes the country an act is done in as its target; the country is an actor
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients and _actor(a, ev.recipients[0]).country == country, (ev.type, ev.recipients, ev.target)
    assert ev.target is None


@pytest.mark.parametrize(
    "text",
    [
        # (a town an act is done in was no recipient before round 19; it is now its country, with the
        # town's words as the mention: test_a_place_target_is_kept_as_words_beside_its_country_as_recipient)
        "Ukraine imposed a curfew in Ukraine's east.",  # the actor itself is no recipient
        "Ukraine imposed a curfew in the town of Kharkiv.",  # nor the actor's own country by a town
    ],
)
def test_the_actors_own_country_is_no_recipient(nlp, text):
    ev = _code(nlp, text).events[0]
    assert not ev.recipients, (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text,recipient",
    [
        # the parser makes the object the subject of a reduced relative ("refugees fleeing ...")
        ("Thailand said it will not accept any Karen refugees fleeing the fighting across the border.", "refugees"),
        # the parser hangs the "on" phrase on the noun of the phrase before it
        ("The European Union imposed new sanctions over the crackdown on Belarusian security officials.", "officials"),
    ],
)
def test_recipients_through_two_misparses(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.recipients, ev.target)


def _event(article: Article, trigger: str):
    return next(e for e in article.events if e.trigger.text.startswith(trigger))


def test_no_place_is_linked_across_a_concession(nlp):
    # a concessive clause is another scene: the withdrawal did not happen where the protests did
    a = _code(nlp, "Although the bill was withdrawn, protests continued in Beijing.")
    assert _event(a, "withdrawn").place is None
    protest = _event(a, "protests")
    assert protest.place is not None and protest.place.name == "Beijing"


@pytest.mark.parametrize(
    "text,trigger",
    [
        # seen in a real article: the withdrawal was placed in Beijing, then China made its recipient
        ("Although the bill was withdrawn in September, the protests turned against Beijing.", "withdrawn"),
        ("The rebels declared a ceasefire in a deal brokered by Moscow.", "declared"),
        ("The militia declared a ceasefire after talks with Washington.", "declared"),
    ],
)
def test_a_capital_or_country_named_as_a_party_is_no_place_nor_recipient(nlp, text, trigger):
    ev = _event(_code(nlp, text), trigger)
    assert ev.place is None, ev.place
    assert not ev.recipients, ev.recipients


@pytest.mark.parametrize(
    "text,trigger",
    [
        # a capital after "to" on a thing said or sent is the government addressed ("a signal to
        # Moscow"), not where the act happened, wherever the parser hangs the "to"
        ("The president sent a message to Beijing by meeting the Dalai Lama.", "meeting"),
        ("The president signed the treaty in a signal to Moscow.", "signed"),
    ],
)
def test_a_capital_a_message_is_addressed_to_is_no_place(nlp, text, trigger):
    a = _code(nlp, text)
    assert _event(a, trigger).place is None, _event(a, trigger).place
    assert any(x.kind == "country" for x in a.actors), [(x.name, x.kind) for x in a.actors]


def test_a_capital_troops_are_sent_to_stays_a_place(nlp):
    assert _event(_code(nlp, "The army sent troops to Beijing on Monday."), "sent").place.name == "Beijing"


@pytest.mark.parametrize(
    "text,trigger,country",
    [
        ("Norway gave 20 million dollars to support economic recovery in Haiti.", "gave", "HTI"),
        (
            "Norway has pledged 20 million dollars this year to pay for food aid for those displaced in Sudan.",
            "pledged",
            "SDN",
        ),
    ],
)
def test_an_act_with_no_recipient_is_aimed_at_the_country_its_purpose_lies_in(nlp, text, trigger, country):
    # PLOVER codes the country what the act is for lies in as its target
    a = _code(nlp, text)
    ev = _event(a, trigger)
    assert ev.recipients and _actor(a, ev.recipients[0]).country == country, (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "Aid groups in Kenya agreed to share their supplies.",  # the subject's own phrase
        "The company, which has two plants in Mexico, agreed to a new contract.",  # a relative clause
    ],
)
def test_a_country_outside_the_acts_own_phrase_is_not_what_it_is_aimed_at(nlp, text):
    ev = _event(_code(nlp, text), "agreed")
    assert not ev.recipients, ev.recipients


@pytest.mark.parametrize(
    "text,actor",
    [
        ("A suicide bombing by the Taliban killed 12 soldiers in Kandahar.", "Taliban"),
        ("A rocket attack by Hezbollah wounded three Israeli soldiers.", "Hezbollah"),
    ],
)
def test_an_attack_that_is_the_subject_is_done_by_its_own_agent(nlp, text, actor):
    # "A car bombing by the Islamic State group killed ...": the bombing's author killed them
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors and actor in _texts(a, ev.actors[:1]), (ev.trigger.text, ev.actors)
    assert ev.recipients, ev.recipients


@pytest.mark.parametrize(
    "text,actor",
    [
        # a second subject the parser gives the verb is its subject, not the city the story was filed in
        ("PARIS -- A court in Lyon has convicted two local officials of taking bribes.", "court"),
        ("ROME, Dec. 3 (Xinhua) -- A court in Milan has sentenced a former mayor to four years in prison.", "court"),
        (
            "UNITED NATIONS -- The Security Council has condemned the attack on peacekeepers in Mali.",
            "Security Council",
        ),
        # the dateline's word in apposition with the subject: the subject's own agent
        ("KABUL, Afghanistan -- A U.S. drone strike has killed three fighters near the border.", "U.S."),
        # the story's first word after the dateline's dash, capitalised: an agent noun, no name
        ("LAGOS, Nigeria - Police have detained a dozen students during a march in Lagos.", "Police"),
        ("DAKAR, Senegal - Police have detained a dozen protesters outside parliament.", "Police"),
        ("KABUL - Soldiers killed two militants near the border.", "Soldiers"),
        # a place's name and a colon open the line
        ("Venezuela: Since January, the Colombian government has expelled 3,000 migrants to Venezuela.", "government"),
        ("Nigeria: On Friday the army arrested 12 suspected militants in Maiduguri.", "army"),
    ],
)
def test_a_dateline_is_no_source(nlp, text, actor):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors, (ev.type, ev.actors, ev.recipients)
    opening = min((text.find(d) for d in (" - ", " -- ", ": ") if d in text), default=0)
    first = _actor(a, ev.actors[0])
    assert all(m.start > opening for m in first.mentions), _texts(a, ev.actors[:1])  # nothing of the dateline
    assert _texts(a, ev.actors[:1]) and all(actor in t for t in _texts(a, ev.actors[:1])), (
        ev.type,
        ev.actors,
        _texts(a, ev.actors[:1]),
    )


@pytest.mark.parametrize(
    "text,recipient",
    [
        ("The government has lifted travel restrictions imposed on opposition leader Juan Perez last year.", "Perez"),
        ("The EU eased sanctions imposed on Belarus after the election.", "Belarus"),
        ("The United States extended the sanctions it imposed on Venezuela.", "Venezuela"),
    ],
)
def test_a_measure_lifted_or_extended_is_done_to_whom_it_was_put_on(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.actors, ev.recipients)


@pytest.mark.parametrize(
    "text,own,helped",
    [
        ("Germany pledged to deploy more troops to support the Afghan army.", "troops", "Afghan army"),
        ("Canada has offered to send soldiers to help the Haitian police restore order.", "soldiers", None),
        # the people a withdrawal takes out are its own; the country they leave is the recipient
        (
            "Nigeria withdrew a contingent of 300 peacekeepers from Sierra Leone in March.",
            "peacekeepers",
            "Sierra Leone",
        ),
    ],
)
def test_troops_one_sends_or_withdraws_are_no_recipient(nlp, text, own, helped):
    # what an actor sends, deploys or withdraws is its own; whom they are sent to help is the recipient
    a = _code(nlp, text)
    ev = a.events[0]
    got = _texts(a, ev.recipients)
    assert not any(own in t for t in got), (ev.type, ev.rule, got)
    if helped:
        assert helped in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.rule, got)


@pytest.mark.parametrize(
    "text,own,other",
    [
        (
            "The Kiribati president reaffirmed his administration's commitment to the One China policy.",
            "administration",
            "China",
        ),
        (
            "Nearly 70 countries have agreed to share information from their banks with the United States.",
            "banks",
            "United States",
        ),
    ],
)
def test_a_body_the_actors_own_pronoun_owns_is_no_recipient(nlp, text, own, other):
    a = _code(nlp, text)
    ev = a.events[0]
    got = _texts(a, ev.recipients)
    assert not any(own in t for t in got), (ev.type, ev.actors, got)
    assert other in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.actors, got)


@pytest.mark.parametrize(
    "text,verb,place",
    [
        ("Rebels captured the strategic Tarsi plateau on Monday.", "captured", "Tarsi"),
        ("Government troops seized the Morvan gorge after heavy fighting.", "seized", "Morvan"),
    ],
)
def test_a_natural_feature_taken_is_where_the_taking_happened(nlp, text, verb, place):
    ev = _event(_code(nlp, text), verb)
    assert ev.place is not None and ev.place.text == place, ev.place


def test_a_name_of_a_natural_feature_names_a_place_noun_for_the_linker(nlp):
    # "on the Sarat plateau" reads as "in Silopi town": the name of a place noun, not a modifier
    from dateline.events.place import place_features

    doc = nlp("Guerrillas ambushed a patrol on the Sarat plateau, killing four soldiers.")
    trig = next(t for t in doc if t.text == "ambushed")
    tok = next(t for t in doc if t.text == "Sarat")
    feats = set(place_features(trig, tok, [tok.i], {"feature": "unresolved", "geonameid": None}, 1, True))
    assert {"inner=name", "np_prep=on"} <= feats, feats


def test_the_linker_reads_the_phrase_a_place_names(nlp):
    # "in Kandahar's Loi Karez neighborhood": an "in" phrase for both names; Loi Karez names the
    # place noun, Kandahar is the larger place it lies in, Tokyo a modifier of a building
    from dateline.events.place import place_features

    doc = nlp(
        "An army patrol captured the suspect in Kandahar's Loi Karez neighborhood as he left his Tokyo apartment."
    )
    trig = next(t for t in doc if t.text == "captured")

    def feats(word: str) -> set[str]:
        tok = next(t for t in doc if t.text == word)
        return set(place_features(trig, tok, [tok.i], {"feature": "city", "geonameid": 1}, 3, False))

    assert {"np_prep=in", "inner=name"} <= feats("Karez")
    assert {"np_prep=in", "inner=larger"} <= feats("Kandahar")
    assert "inner=site" in feats("Tokyo")


def test_a_place_named_beside_its_place_noun_is_linked(nlp):
    # the place's "in" phrase hangs on the object's clause ("a bus carrying aid workers in ...")
    a = _code(nlp, "Gunmen killed the driver of a bus carrying aid workers in the Shalman area of Khyber on Saturday.")
    ev = _event(a, "killed")
    assert ev.place is not None and ev.place.text == "Shalman", ev.place


def test_the_linker_believes_no_place_only_where_an_annotator_judged_the_record():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "train_event_place.py"
    spec = importlib.util.spec_from_file_location("train_event_place", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    records = [
        {"source": "judged", "answer": "accept", "locations": []},
        {"source": "judged", "answer": "accept", "locations": [(0, 5, "Kabul")]},
        {"source": "batch_RA", "answer": None, "locations": []},
        {"source": "mixed", "answer": "accept", "locations": []},
        {"source": "mixed", "answer": None, "locations": []},
    ]
    assert mod.trusted_none_sources(records) == {"judged"}


@pytest.mark.parametrize(
    "text,place",
    [
        # a city read as its country's government is still the ground taken
        ("East Jerusalem was captured by Israel in the 1967 war.", "East Jerusalem"),
    ],
)
def test_a_town_taken_is_where_the_taking_happened(nlp, text, place):
    ev = _event(_code(nlp, text), "captured")
    assert ev.place is not None and ev.place.text == place, ev.place


def test_a_name_taken_captive_is_no_place(nlp):
    assert _event(_code(nlp, "Francois was captured by rebels on Sunday."), "captured").place is None


@pytest.mark.parametrize(
    "text,recipient,source",
    [
        # a headline's reduced passive: the subject of a verb whose patient cannot be left out
        ("US drone shot down over Yemen, officials say.", "drone", None),
        (
            "British transport helicopter shot down and burned out near the pass, the rebels said.",
            "helicopter",
            None,
        ),
        ("Four policemen killed near the border on Sunday.", "policemen", None),
        # a past participle describing a noun: the noun is what was done to
        ("Journalist arrested in Cairo after protest", "Journalist", None),
        ("Dozens of students detained by police in Lagos.", "students", "police"),
    ],
)
def test_a_headline_passive_subject_is_the_recipient(nlp, text, recipient, source):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.type in ("ASSAULT", "COERCE"), ev.type
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.actors, ev.recipients)
    if source is None:
        assert not ev.actors, (ev.actors, _texts(a, ev.actors))
    else:
        assert source in " ".join(_texts(a, ev.actors[:1])), (ev.actors, ev.recipients)


@pytest.mark.parametrize(
    "text,source",
    [
        ("Rebels captured and killed three soldiers near the border.", "Rebels"),  # the object hangs on "killed"
        ("Police arrested two men in Cairo on Monday.", "Police"),
        ("The gunman shot at police outside the station.", "gunman"),
        ("The soldiers they captured were killed.", None),
    ],
)
def test_an_active_verb_keeps_its_subject_as_the_source(nlp, text, source):
    a = _code(nlp, text)
    ev = a.events[0]
    if source is None:  # a relative clause's subject is no patient of the verb it hangs on
        assert "they" not in " ".join(_texts(a, ev.recipients)), (ev.actors, ev.recipients)
        return
    assert source in " ".join(_texts(a, ev.actors[:1])), (ev.actors, ev.recipients)
    assert not any(source in t for t in _texts(a, ev.recipients)), (ev.actors, ev.recipients)


@pytest.mark.parametrize(
    "text,source,recipient",
    [
        ("Two Afghan soldiers were killed in a Taliban attack in Helmand.", "Taliban", "soldiers"),
        ("Three villagers died when gunmen attacked a bus in northern Kenya.", "gunmen", None),
        ("Five guards killed in Taliban attack on a checkpoint.", "Taliban", "guards"),
    ],
)
def test_the_attack_an_act_was_done_in_gives_its_doer(nlp, text, source, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert source in " ".join(_texts(a, ev.actors[:1])), (ev.actors, ev.recipients)
    assert not any(source in t for t in _texts(a, ev.recipients)), (ev.actors, ev.recipients)
    if recipient:
        assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.actors, ev.recipients)


@pytest.mark.parametrize(
    "text,recipient,not_recipient",
    [
        # a thing handed over "to" someone: the someone, never whom the thing is of
        ("The museum returned a portrait of a soldier to its owner last week.", "owner", "soldier"),
        (
            "The United States returned a statue of the Persian king Darius to Iranian Ambassador Ali Rezai on Monday.",
            "Ali Rezai",
            None,
        ),
        # "its" after the thing the verb acts on is the thing's
        ("Police returned the stolen car to its owner.", "owner", None),
        # the demands of a generic group are the group's
        ("The mayor has conceded to the demands of the striking taxi drivers.", "taxi drivers", None),
    ],
)
def test_a_thing_handed_over_goes_to_its_addressee(nlp, text, recipient, not_recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.actors, ev.recipients)
    if not_recipient:
        assert not any(not_recipient in t for t in _texts(a, ev.recipients)), ev.recipients


def test_an_army_command_is_the_army_not_its_country(nlp):
    a = _code(nlp, "The Libyan army command said it has stopped its air strikes on the capital.")
    ev = a.events[0]
    assert "army command" in " ".join(_texts(a, ev.actors[:1])), ev.actors
    assert _actor(a, ev.actors[0]).sector == "MIL"


@pytest.mark.parametrize(
    "text,source,recipient",
    [
        # an agentless arrest, expulsion, release or torture is the act of the state it is done in or from
        ("The blogger Amadou Sow was arrested on Friday in Mali for insulting the army.", "Mali", "Amadou Sow"),
        ("Three aid workers have been expelled from Eritrea after a dispute over visas.", "Eritrea", "aid workers"),
        ("Two French tourists were released from captivity in Chad on Sunday.", "Chad", "tourists"),
        ("The prisoner was beaten and tortured in a military jail in Sudan.", "Sudan", "prisoner"),
    ],
)
def test_an_agentless_arrest_is_the_act_of_the_state_it_is_done_in(nlp, text, source, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert source in " ".join(_texts(a, ev.actors[:1])), (ev.type, ev.actors, ev.recipients)
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.actors, ev.recipients)


def test_a_killing_in_a_country_has_no_state_as_its_doer(nlp):
    a = _code(nlp, "Two soldiers were killed in Mali on Sunday.")
    ev = a.events[0]
    assert not ev.actors, ev.actors  # unknown attackers are no state


def test_whom_an_infinitive_follows_is_the_verbs_object(nlp):
    a = _code(nlp, "A Lahore court on May 3 rejected opposition leader Nawaz Khan to postpone the hearing of his case.")
    ev = a.events[0]
    assert ev.type == "REJECT" and "Nawaz Khan" in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.recipients)


def test_hostages_named_in_apposition_are_the_recipients(nlp):
    # the keyed object "hostages" is no actor of its own when the tagger names who they are
    a = _code(nlp, "The rebels took two hostages, a Briton and a Dane, near the border in Mali.")
    ev = a.events[0]
    assert ev.type == "ASSAULT" and "Briton" in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text,source,recipient",
    [
        # an attack aimed at nothing, with conjoined sides: the sides attack each other
        ("Over the past weeks Armenia and Azerbaijan have fired across the border.", "Armenia", "Azerbaijan"),
        ("Rebels and government troops clashed near the border on Sunday.", "Rebels", "troops"),
    ],
)
def test_conjoined_sides_of_an_untargeted_attack_attack_each_other(nlp, text, source, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert source in " ".join(_texts(a, ev.actors[:1])) and len(ev.actors) == 1, (ev.actors, ev.recipients)
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.actors, ev.recipients)


def test_allies_attacking_a_target_stay_joint_actors(nlp):
    a = _code(nlp, "Russia and Syria bombed Idlib on Monday.")
    ev = a.events[0]
    assert len(ev.actors) == 2 and not ev.recipients, (ev.actors, ev.recipients)


@pytest.mark.parametrize(
    "text,recipient",
    [
        # the parser makes the object the subject of the adjective after the verb
        ("The tribunal found the army guilty of abusing detainees.", "army"),
        # a concession is made to whom what is granted was sought by
        ("The judge granted an exemption sought by the farmers union.", "farmers union"),
        # reneging on a deal is done to its other party
        ("The president reneged on a border accord with Ecuador.", "Ecuador"),
    ],
)
def test_whom_a_verdict_a_concession_or_a_broken_deal_is_about(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert recipient in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.actors, ev.recipients)


def test_a_letter_that_threatens_is_done_to_whom_it_is_sent(nlp):
    a = _code(nlp, "The president has sent a letter to the head of the African Union threatening to withdraw funding.")
    ev = a.events[0]
    assert ev.type == "THREATEN" and "African Union" in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text,source",
    [
        ("A Belgian court gave its approval for the former banker to be extradited to Chile.", "court"),
        ("The government approved a plan for the prisoners to be freed.", "government"),
        ("The rebels waited for the hostages to be released.", None),  # waiting lets nothing happen
    ],
)
def test_who_lets_a_passive_act_happen_does_it(nlp, text, source):
    a = _code(nlp, text)
    ev = a.events[0]
    if source is None:
        assert not ev.actors, ev.actors
    else:
        assert source in " ".join(_texts(a, ev.actors[:1])), (ev.type, ev.actors, ev.recipients)


def test_a_place_conjoined_to_a_place_noun_is_no_larger_place_of_its_name(nlp):
    # "the settlement of X and a plant in the settlement of Y": Y lies in no phrase of X's own;
    # the unresolved X keeps its own words and gets no coordinates of Y's
    a = _code(
        nlp,
        "Near the town of Idlib, rebels shelled the settlement of Tarbesh and a school in the settlement of Sarmin.",
    )
    ev = _event(a, "shelled")
    assert ev.place is not None and ev.place.text == "Tarbesh", ev.place
    assert "Sarm" not in (ev.place.name or ""), ev.place


def test_a_resolved_city_before_a_part_noun_is_the_larger_place_of_its_unresolved_name(nlp):
    # "the <city> suburb of <small>": the small unresolved name lies in the resolved city
    a = _code(nlp, "Police arrested a suspect in the Los Angeles suburb of Quorrenby on Thursday.")
    ev = _event(a, "arrested")
    assert ev.place is not None and ev.place.text == "Quorrenby", ev.place


def test_a_place_also_in_a_larger_one_is_the_smaller_place(nlp):
    # "in X district, also in Y": Y is the larger place, wherever the parser hangs the phrases
    a = _code(
        nlp,
        "Militants attacked a convoy carrying troops in nearby Rueso district, also in Narathiwat, wounding two.",
    )
    ev = _event(a, "attacked")
    assert ev.place is not None and ev.place.text == "Rueso", ev.place


@pytest.mark.parametrize(
    "text",
    [
        "According to a military source in Homs, the army killed more than 50 militants on Thursday.",
        "The army killed more than 50 militants on Thursday, a military source in Homs told reporters.",
        "A military source in Homs said the army killed more than 50 militants on Thursday.",
    ],
)
def test_where_the_teller_of_the_news_is_is_no_event_place(nlp, text):
    ev = _event(_code(nlp, text), "killed")
    assert ev.place is None, ev.place


def test_a_place_in_the_reported_act_is_still_its_place(nlp):
    # guard: the reported clause's own place stays ("said the army killed 50 militants in Homs")
    ev = _event(
        _code(nlp, "A military source said the army killed more than 50 militants in Homs on Thursday."), "killed"
    )
    assert ev.place is not None and ev.place.text == "Homs", ev.place


@pytest.mark.parametrize(
    "text,word,via",
    [
        # whose: the place is the "of" of a person's noun
        ("Hundreds demonstrated on Tuesday in support of the governor of Halvik province.", "Halvik", "via=person:of"),
        # where: the place is where the person is
        ("Gunmen shot a man in Dorav on Monday.", "Dorav", "via=person:in"),
    ],
)
def test_the_linker_reads_the_nouns_its_path_goes_through(nlp, text, word, via):
    from dateline.events.place import place_features

    doc = nlp(text)
    trig = next(t for t in doc if t.pos_ == "VERB" and t.dep_ == "ROOT")
    tok = next(t for t in doc if t.text == word)
    assert via in place_features(trig, tok, [tok.i], {"feature": "city", "geonameid": 1}, 2, True)


@pytest.mark.parametrize(
    "text,verb,word,feature",
    [
        # another event the place's phrase hangs from: the attacks an arrest came after
        ("Police have captured two men since the attacks in Dorav.", "captured", "Dorav", "event_noun=since>in"),
        # the clashes a killing happened in
        ("Five fighters were killed in clashes in Dorav.", "killed", "Dorav", "event_noun=in>in"),
        # a place inside another clause: "while others were taken to a hospital in X"
        (
            "Five fighters were killed, while nine others were wounded and taken to a hospital in Dorav.",
            "killed",
            "Dorav",
            "clause_down=advcl:while",
        ),
    ],
)
def test_the_linker_reads_another_event_or_clause_on_its_path(nlp, text, verb, word, feature):
    from dateline.events.place import place_features

    doc = nlp(text)
    trig = next(t for t in doc if t.text == verb)
    tok = next(t for t in doc if t.text == word)
    feats = place_features(trig, tok, [tok.i], {"feature": "city", "geonameid": 1}, 1, True)
    assert feature in feats, feats


@pytest.mark.parametrize(
    "text,recipient",
    [
        # a capital a visit or aid goes to is the host or receiving government
        ("The prime minister cancelled a planned visit to Moscow after the dispute over the pipeline.", "Moscow"),
        ("The European Union suspended development aid to Kabul last week.", "Kabul"),
        ("The Canadian foreign minister postponed her trip to Beijing.", "Beijing"),
    ],
)
def test_a_capital_a_visit_or_aid_goes_to_is_the_recipient(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert recipient in _texts(a, ev.recipients[:1]), (ev.type, ev.recipients, ev.target)


def test_a_capital_a_visit_goes_to_is_still_where_the_visit_happens(nlp):
    a = _code(nlp, "The French president began a state visit to Rome on Monday.")
    ev = a.events[0]
    assert ev.place is not None and ev.place.name == "Rome", (ev.type, ev.place)
    assert "Rome" in _texts(a, ev.recipients[:1]), ev.recipients


def test_whom_sanctions_listed_before_their_on_phrase_are_on(nlp):
    # the parser reads "asset freezes" as a verb and hangs the "on" phrase on it
    a = _code(
        nlp,
        "The government imposed new sanctions over the crisis, including visa bans and asset freezes, "
        "on senior army commanders.",
    )
    ev = a.events[0]
    assert "senior army commanders" in " ".join(_texts(a, ev.recipients[:1])), (ev.type, ev.recipients)


@pytest.mark.parametrize(
    "text,recipient",
    [
        # the parser apposes the first name to "raid" and hangs the others on the verb
        (
            "A military court convicted one of the protesters detained in the raid, Ahmed Karim, a student "
            "activist, and sentenced him to prison.",
            "Ahmed Karim",
        ),
        ("The court jailed two of the activists, Maria Lopez and Juan Perez, for six months.", "Maria Lopez"),
        ("Police arrested two men, John Smith said.", "two men"),  # the name speaks: no apposition
        # a name inside a relative clause of the phrase is no apposition to it
        (
            "The court ordered the arrest of one of three men, who are facing charges in the town of Dalo, "
            "Mark Ruiz, in 2016.",
            None,
        ),
    ],
)
def test_persons_named_after_a_generic_recipient_are_the_recipients(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    if recipient is None:
        assert "Mark Ruiz" not in _texts(a, ev.recipients[:1]), (ev.type, ev.recipients)
    else:
        assert recipient in _texts(a, ev.recipients[:1]), (ev.type, ev.recipients)


def test_a_past_tense_verb_the_parser_misplaces_takes_the_subject_of_its_series(nlp):
    # "called", tagged past tense, is read as a participle modifying the Brotherhood: it is the
    # second verb of the series "asked ..., called ... and hung up", whose subject is the caller
    a = _code(
        nlp,
        "John Smith phoned the office on Monday. During the call, he asked about the Muslim Brotherhood, "
        'called Omar a "terrorist" and hung up, prosecutors said.',
    )
    accuse = next(e for e in a.events if e.type == "ACCUSE")
    assert accuse.actors == ["john-smith"]
    # "deported", past tense, is read as a conjunct of "trying": the police of "caught" deport
    a = _code(
        nlp,
        "John Smith, another deportee, said he had paid an agent. "
        '"The police caught me while I was trying to cross the border and deported me," he said.',
    )
    deport = next(e for e in a.events if e.evidence.text.startswith('"The police') or "deported" in e.evidence.text)
    assert _texts(a, deport.actors) == ["police"]
    assert deport.recipients == ["john-smith"]


def test_a_third_person_in_a_quotation_is_not_its_speaker(nlp):
    a = _code(
        nlp,
        "John Smith, another deportee, said he had paid an agent. "
        '"They caught me at the border and deported me," he said.',
    )
    deport = next(e for e in a.events if e.type == "COERCE")
    assert "john-smith" not in deport.actors
    assert deport.recipients == ["john-smith"]
    # a third person in reported speech may still be the speaker
    a = _code(nlp, "John Smith said he had paid an agent to help him enter the country.")
    assert next(e for e in a.events if e.type == "AID").actors == ["john-smith"]


def test_an_object_that_names_no_actor_is_whom_its_including_phrase_names(nlp):
    a = _code(nlp, "The raids killed dozens of IS members, including the terrorist group's chief of finance.")
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert ev.recipients and all("terrorist group" in t for t in _texts(a, ev.recipients))


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("The militants were responsible for killing two soldiers.", "militants", "two soldiers"),
        ("Iran is capable of launching missiles at Israel.", "Iran", "Israel"),
        # conjoined sides of an attack with no target: from the first to the other
        ("The army and the rebels are guilty of violating the truce.", "army", "rebels"),
    ],
)
def test_the_gerund_of_an_adjectives_phrase_is_done_by_the_subject(nlp, text, actor, recipient):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert _texts(a, ev.actors) == [actor]
    assert any(recipient in t for t in _texts(a, ev.recipients))


@pytest.mark.parametrize(
    "text, recipients",
    [
        ("Qatar backed the peace talks between the Taliban and the Afghan government.", ["taliban", "government"]),
        ("The foreign minister reiterated his support to the negotiations among Sudanese parties.", ["parties"]),
    ],
)
def test_a_phrase_that_names_no_actor_is_the_parties_it_lies_between(nlp, text, recipients):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "SUPPORT")
    got = [t.lower() for t in _texts(a, ev.recipients)]
    assert all(any(r in g for g in got) for r in recipients), got


def test_a_pronoun_subject_is_not_its_own_verbs_object(nlp):
    # "he" may not be Omar, whom he called a terrorist (the nearest person before the pronoun)
    a = _code(
        nlp,
        "Rep. Ilhan Omar received threats. He was arrested in April for the call to the offices of Omar. "
        'During the call, he asked about the Muslim Brotherhood, called Omar a "terrorist" and hung up, '
        "prosecutors said.",
    )
    accuse = next(e for e in a.events if e.type == "ACCUSE")
    assert "ilhan-omar" not in accuse.actors


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Al-Shabaab claimed responsibility for the attack on the base.", "Al-Shabaab"),
        ("The Sinaloa cartel has been responsible for mass killings in the north.", "Sinaloa"),
        ("Police said the militants responsible for the attack on the hotel had fled.", "militants"),
        ("The report held the army responsible for the killings of 40 civilians.", "army"),
        ("Officials said Boko Haram was behind the attack on the village.", "Boko Haram"),
    ],
)
def test_who_claims_or_bears_responsibility_for_an_act_is_its_actor(nlp, text, actor):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert [t for t in _texts(a, ev.actors) if actor in t], _texts(a, ev.actors)


def test_an_author_only_one_side_argues_is_no_author_of_the_act(nlp):
    # PETRARCH validation: gold no event; "was behind" inside what the evidence proves is Ukraine's case
    a = _code(nlp, "Ukraine says it has strong evidence proving Russia was behind the chemical attacks.")
    assert not any(e.type == "ASSAULT" and e.actors for e in a.events), [(e.type, e.actors) for e in a.events]


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("The ministry refused to respond to a request from Reuters for comment.", "Reuters"),
        ("Hamas rejected an offer from Egypt to mediate.", "Egypt"),
    ],
)
def test_whom_an_answer_or_refusal_is_to_is_the_sender_of_what_it_answers(nlp, text, recipient):
    a = _code(nlp, text)
    assert any(recipient in t for t in _texts(a, a.events[0].recipients)), _texts(a, a.events[0].recipients)


def test_a_title_case_dateline_glued_to_its_dash_is_nobodys_act(nlp):
    a = _code(nlp, "Cebu City--Police have started an investigation into the killing of a former mayor.")
    ev = a.events[0]
    assert ev.type == "ACCUSE" and _texts(a, ev.actors) == ["Police"]


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Two former ministers were freed on Monday after the Cabinet approved a pardon.", "Cabinet"),
        ("Two opposition leaders were released after the government revoked the order against them.", "government"),
    ],
)
def test_a_passive_release_is_done_by_whoever_let_it_happen_just_before(nlp, text, actor):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "RETREAT")
    assert actor in _texts(a, ev.actors), _texts(a, ev.actors)


def test_the_broker_of_a_ceasefire_is_its_actor_when_the_sentence_names_no_other(nlp):
    a = _code(nlp, "The UN-brokered ceasefire in the port city will start on Tuesday, officials said.")
    ev = next(e for e in a.events if e.type == "RETREAT")
    assert _texts(a, ev.actors) == ["UN"]


@pytest.mark.parametrize(
    "text, maker",
    [
        ("An Israeli airstrike on a Hamas training camp used American-made bombs.", "American"),
        ("Hezbollah fired Iranian rockets at Israeli towns on Monday.", "Iranian"),
    ],
)
def test_the_maker_of_a_weapon_used_takes_no_part_in_the_attack(nlp, text, maker):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "ASSAULT")
    parts = _texts(a, ev.actors) + _texts(a, ev.recipients)
    assert ev.recipients and not any(maker in t for t in parts), parts


def test_the_linker_weighs_an_origin_as_a_feature_and_reads_pairs_of_features(nlp):
    # "a young man from Kobane city": where he comes from, a feature the linker weighs (it was a
    # filter); "in Kobane": no flag; and the pairs of its families (place.CROSSED) are features too
    from dateline import extract
    from dateline.events.parse import Context
    from dateline.events.place import linker_candidates, place_features

    def feats(text: str, verb: str) -> list[str]:
        a = extract(text=text)
        doc = nlp(a.text)
        ctx = Context(a, doc)
        trig = next(t for t in doc if t.text == verb)
        ks = [k for k in linker_candidates(trig, ctx) if doc[ctx.places[k][0][0]].text == "Kobane"]
        assert ks, [doc[ctx.places[k][0][0]].text for k in linker_candidates(trig, ctx)]
        toks, place = ctx.places[ks[0]]
        return place_features(trig, ctx.place_roots[ks[0]], toks, place, 1, True, ctx)

    origin = feats("Alaa, a young man from Kobane city, was killed by border guards on Monday.", "killed")
    assert "flag=origin" in origin
    here = feats("Border guards killed a young man in Kobane on Monday.", "killed")
    assert "flag=none" in here and "flag=origin" not in here
    assert "np_prep=in&flag=none" in here


@pytest.mark.parametrize(
    ("text", "smaller"),
    [
        (
            "Gunmen killed the driver of a bus carrying aid workers in the Shalman area of Khyber on Saturday.",
            "Shalman",
        ),
        ("Police arrested a suspect in the Los Angeles suburb of Quorrenby on Thursday.", "Quorrenby"),
    ],
)
def test_the_smaller_of_two_nested_places_does_not_depend_on_which_the_linker_ranked_first(nlp, text, smaller):
    # "the X area of Y": each name reads as lying in the other; the pair decides, whichever of the
    # two the linker scored higher (the gazetteer resolves "Shalman" to a small town in Iran, and
    # not Khyber; it resolves Los Angeles, a large city, and not Quorrenby)
    from dateline.events.parse import Context, sent_bounds
    from dateline.events.place import _smallest

    article = _code(nlp, text)
    doc = nlp(text)
    ctx = Context(article, doc)
    start, end = sent_bounds(doc[0])
    assert len(ctx.places) == 2
    assert {_smallest(ctx, k, start, end)["text"] for k in range(2)} == {smaller}


@pytest.mark.parametrize(
    "text,actor",
    [
        # set 10's read: an act of authority with no agent in the clause an official reports is
        # the official's (sentences written for this test)
        ("Prime Minister Mohammad Shtayyeh said Monday that a curfew will be imposed in the West Bank.", "Shtayyeh"),
        ("The interior ministry said on Monday that the prisoners would be released.", "ministry"),
        # the subject's own plan or decision, whatever the parse hangs the infinitive on
        ("Gov. Steve Sisolak announced plans Sunday to tighten restrictions on gatherings.", "Sisolak"),
        ("The government made a decision to close the border.", "government"),
    ],
)
def test_the_announcing_authority_does_the_act_it_reports(nlp, text, actor):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors and any(actor in t for t in _texts(a, ev.actors[:1])), _texts(a, ev.actors)


@pytest.mark.parametrize(
    "text",
    [
        "The army said three soldiers were killed in the attack.",  # no army attacks its own men
        "Witnesses said a man was arrested on Friday.",  # witnesses have no authority
    ],
)
def test_a_reporter_of_an_attack_or_one_without_authority_does_not_do_it(nlp, text):
    a = _code(nlp, text)
    assert a.events and not a.events[0].actors


@pytest.mark.parametrize(
    "text,verb,place",
    [
        # a purpose or complement clause is another act: its place is not the host's
        (
            "Soldiers killed 12 insurgents on Sunday, forcing the rest to avoid launching attacks"
            " against the garrison in Kandahar.",
            "killed",
            None,
        ),
        # a conjoined act or a clause of the same moment shares the host's scene
        ("Seven soldiers were killed and 15 wounded in a bombing in the town of Baidoa on Monday.", "killed", "Baidoa"),
        (
            "At least 15 people were killed on Monday when two car bombs exploded at a checkpoint in Idlib.",
            "killed",
            "Idlib",
        ),
    ],
)
def test_a_merged_event_lends_its_place_only_from_the_same_scene(nlp, text, verb, place):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.trigger.text == verb)
    assert (ev.place.name if ev.place else None) == place, ev.place


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Dozens of civilians were killed on Monday in shelling by government forces.", "government forces"),
        ("Five people were wounded during shelling by rebels on the town.", "rebels"),
        ("Shelling by Russian troops destroyed the bridge.", "Russian troops"),
    ],
)
def test_the_by_agent_of_a_gerund_used_as_a_noun_does_the_act(nlp, text, actor):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert actor in _texts(a, ev.actors), _texts(a, ev.actors)


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("The rebels rejected repeated offers of talks by the interim government.", "interim government"),
        ("The union turned down a proposal of arbitration by the mining company.", "mining company"),
    ],
)
def test_whom_a_refusal_is_to_is_the_by_sender_of_what_it_refuses(nlp, text, recipient):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "REJECT")
    assert any(recipient in t for t in _texts(a, ev.recipients)), _texts(a, ev.recipients)


def test_who_gives_authorization_for_a_passive_act_does_it_when_for_is_parsed_a_dative(nlp):
    a = _code(nlp, "A French court has given final authorization for a former minister to be extradited to Gabon.")
    ev = a.events[0]
    assert "French court" in _texts(a, ev.actors), _texts(a, ev.actors)


@pytest.mark.parametrize(
    "text, actor, iso",
    [
        # a capital the tagger calls an organisation, or leaves unlabelled, that acts is its government
        ("Nairobi recalled its ambassador on Friday.", "Nairobi", "KEN"),
        ("Kyiv rejected the proposal on Friday.", "Kyiv", "UKR"),
    ],
)
def test_a_capital_that_acts_is_its_countrys_government_whatever_the_tagger_says(nlp, text, actor, iso):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors and _actor(a, ev.actors[0]).country == iso and _texts(a, ev.actors[:1]) == [actor]
    assert _actor(a, ev.actors[0]).kind == "country"


def test_an_envoy_recalled_from_a_capital_is_no_recipient_the_capitals_government_is(nlp):
    a = _code(nlp, "Nairobi recalled its ambassador from Mogadishu on Friday.")
    ev = a.events[0]
    assert [_actor(a, r).country for r in ev.recipients] == ["SOM"], _texts(a, ev.recipients)
    assert _texts(a, ev.recipients) == ["Mogadishu"]


@pytest.mark.parametrize(
    "text, recipient",
    [
        # the parser hangs the object's "by" phrase on the active verb
        ("The council condemned the attack by gunmen on a clinic.", "gunmen"),
        ("The minister denied the claims by the opposition.", "opposition"),
    ],
)
def test_the_by_author_of_what_is_condemned_or_denied_is_its_recipient(nlp, text, recipient):
    a = _code(nlp, text)
    ev = a.events[0]
    assert any(recipient in t for t in _texts(a, ev.recipients)), _texts(a, ev.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "The EU welcomed the decision by Iran to free the prisoners.",
        "The EU welcomed Iran's decision to free the prisoners.",
    ],
)
def test_whose_decision_it_is_does_what_it_decides(nlp, text):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "RETREAT")
    assert _texts(a, ev.actors[:1]) == ["Iran"], _texts(a, ev.actors)


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Police spokesman John Kamau said two suspects were arrested on Sunday.", "Police"),
        ("Interior ministry spokesman Ahmed Saleh said the prisoners would be released.", "Interior ministry"),
        # unnamed, the body after "for"
        ("A spokesman for the interior ministry said 30 people were arrested.", "the interior ministry"),
    ],
)
def test_a_named_spokesperson_announcing_an_act_of_authority_speaks_for_the_body_that_does_it(nlp, text, actor):
    a = _code(nlp, text)
    ev = a.events[0]
    assert _texts(a, ev.actors[:1]) == [actor], _texts(a, ev.actors)


def test_a_place_a_bearing_is_taken_from_places_the_event(nlp):
    a = _code(nlp, "Two soldiers were killed in an ambush east of Jabal Zawiya.")
    ev = next(e for e in a.events if e.trigger.text == "killed")
    assert ev.place is not None and ev.place.text == "Jabal Zawiya"


# -- a place the act is done in, as its recipient ----------------------------------------------------


@pytest.mark.parametrize(
    "text,country,words",
    [
        ("The provincial government imposed a curfew in Lahore on Monday.", "PAK", "Lahore"),
        ("The rebels declared a ceasefire in Aleppo.", "SYR", "Aleppo"),
        ("The government declared a state of emergency in Mombasa.", "KEN", "Mombasa"),
    ],
)
def test_the_place_an_act_with_no_recipient_is_done_in_is_its_recipient_by_its_country(nlp, text, country, words):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients == [country], (ev.recipients, ev.target)
    actor = _actor(a, country)
    assert actor.kind == "country" and actor.country == country
    assert words in _texts(a, [country])


@pytest.mark.parametrize(
    "text,not_recipient",
    [
        # a place in the subject's own phrase is where the actor is, not what the act is done to
        ("Prosecutors in Sweden dropped an investigation into the company.", "SWE"),
        ("Officials in Kenya rejected the report.", "KEN"),
        # the actor's own country
        ("Pakistan imposed a curfew in Karachi.", "PAK"),
        # a recipient phrase that names no actor is the target, before the place
        ("The minister held talks in Nairobi with aid groups.", "KEN"),
    ],
)
def test_a_place_of_the_subject_or_of_the_actor_is_no_recipient(nlp, text, not_recipient):
    a = _code(nlp, text)
    assert a.events
    ev = a.events[0]
    assert not_recipient not in ev.recipients, ev.recipients
    if ev.target is not None:
        assert not any(
            p.start <= ev.target.start < p.end
            for p in a.places
            if p.country == not_recipient and p.feature == "country"
        )


@pytest.mark.parametrize(
    "text",
    [
        "The commission granted the regional government permission to borrow 2 billion euros.",
        "The ministry gave the company permission to resume exports.",
    ],
)
def test_whom_permission_is_granted_is_the_recipient_though_parsed_as_a_compound(nlp, text):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients, (ev.type, ev.actors)
    assert any(w in _texts(a, ev.recipients[:1]) for w in ("government", "company"))


@pytest.mark.parametrize(
    "text,country,words",
    [
        ("The prime minister ordered massive attacks on the Gaza Strip on Sunday.", "PSE", "Gaza Strip"),
        ("Rebels shelled the city of Aleppo on Monday.", "SYR", "Aleppo"),
    ],
)
def test_a_place_the_target_words_name_is_the_recipient_by_its_country(nlp, text, country, words):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients[:1] == [country], (ev.recipients, ev.target)
    assert words in _texts(a, [country])


@pytest.mark.parametrize(
    "text,sector", [("Rebels shelled the city on Monday.", "REB"), ("Soldiers arrested two men.", "MIL")]
)
def test_a_capitalised_plural_agent_opening_a_sentence_is_a_generic_actor(nlp, text, sector):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors and _actor(a, ev.actors[0]).sector == sector


@pytest.mark.parametrize(
    "text,country",
    [
        ("The navy intercepted a North Korean ship.", "PRK"),
        ("The coast guard intercepted an Iranian tanker in the strait.", "IRN"),
    ],
)
def test_the_country_a_vehicle_an_act_is_keyed_on_belongs_to_is_its_recipient(nlp, text, country):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.recipients[:1] == [country], (ev.type, ev.recipients, ev.target)


def test_the_by_sender_of_offers_for_talks_is_whom_they_are_refused(nlp):
    a = _code(nlp, "The rebels rejected new offers for ceasefire talks by the army on Monday.")
    ev = a.events[0]
    assert ev.type == "REJECT" and _texts(a, ev.recipients[:1]) == ["army"], (ev.recipients, ev.target)


def test_what_an_agreed_act_sets_up_is_no_recipient(nlp):
    # the company does not exist before the act; the place it is set up in is the act's target
    a = _code(nlp, "The government agreed to set up a new water company in Lagos.")
    ev = a.events[0]
    assert ev.type == "AGREE" and ev.recipients == ["NGA"], (ev.recipients, ev.target)
    assert "Lagos" in _texts(a, ["NGA"])


@pytest.mark.parametrize(
    "text,verb,word,other",
    [
        # the other event a protest or an accusation answers: its place is that event's
        ("Thousands of students protested against the bombing of Dorav on Monday.", "protested", "Dorav", True),
        ("Hundreds rallied over the killing of three farmers in Dorav.", "rallied", "Dorav", True),
        ("The minister condemned the attack in Dorav.", "condemned", "Dorav", True),
        ("The government blamed the rebels for the massacre in Dorav.", "blamed", "Dorav", True),
        # the protest's own setting, or where it happened
        ("Thousands protested against racist violence at rallies in Dorav.", "protested", "Dorav", False),
        ("Thousands protested in Dorav against the bombing.", "protested", "Dorav", False),
        # another kind of act: the place nested in its object is its own
        ("Troops launched an attack in Dorav.", "launched", "Dorav", False),
    ],
)
def test_a_place_inside_the_event_a_protest_or_accusation_answers(nlp, text, verb, word, other):
    from dateline.events.place import _reacted_event_place

    doc = nlp(text)
    trig = next(t for t in doc if t.text == verb)
    tok = next(t for t in doc if t.text == word)
    assert _reacted_event_place(tok, trig) is other


@pytest.mark.parametrize(
    "text,name",
    [
        # the parser hangs the name on the relative clause's last noun; it is the subject's
        ("The company that runs the AMAs, Dick Clark Productions, denies the claims made by the singer.", "Dick Clark"),
        ("The company that organises the Oscars, Academy Productions, rejected the offer from the studio.", "Academy"),
        ("The group that owns the Yankees, Northwind Holdings, rejected the offer from the city council.", "Northwind"),
        ("The agency that runs the UNHCR camps, Relief International, accused the army of looting.", "Relief"),
        # a head that names nobody or only a generic actor gives way to the name beside it
        ("The group, Human Rights Watch, accused the army of torture.", "Human Rights Watch"),
        # a named head stays the actor whatever its relative clause names
        ("Maria Lopez, who leads the Federal Bureau of Prisons, denied the claims made by the inmates.", "Maria Lopez"),
    ],
)
def test_the_name_apposed_to_a_subject_or_its_relative_clause_is_the_source(nlp, text, name):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors and name in _actor(a, ev.actors[0]).name, (ev.type, ev.actors)


def test_the_name_apposed_after_a_relative_clause_is_the_recipient_too(nlp):
    a = _code(nlp, "Police arrested the man who runs the charity, John Smith, on Tuesday.")
    ev = a.events[0]
    assert ev.type == "COERCE" and _texts(a, ev.recipients[:1]) == ["John Smith"], ev.recipients


@pytest.mark.parametrize(
    "text,source,recipient",
    [
        ("Then, last week, Taylor Swift posted on Twitter accusing Big Machine of stopping her.", "Taylor Swift", None),
        ("The minister said in a statement accusing the opposition of lying that he would not resign.",
         "minister", "opposition"),
        ("The opposition leader said in a statement accusing the government of fraud that he would fight on.",
         "opposition leader", "government"),
    ],
)  # fmt: skip
def test_the_medium_a_speaker_posts_on_is_no_actor(nlp, text, source, recipient):
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "ACCUSE")
    assert ev.actors and source in _actor(a, ev.actors[0]).name, ev.actors
    assert recipient is None or (ev.recipients and recipient in _actor(a, ev.recipients[0]).name), ev.recipients


def test_a_participle_on_a_thing_attacked_keeps_its_noun_as_subject(nlp):
    # not a medium: "on" here is where the strikes fall, and the fighters are the hiders
    a = _code(nlp, "The army launched strikes on Hamas fighters hiding in Gaza.")
    assert all(not e.actors or _actor(a, e.actors[0]).name == "army" for e in a.events)


@pytest.mark.parametrize(
    "text,source",
    [
        ("Cuba's refusal to engage with the Colombian government shows that it is not cooperating with the talks.",
         "Cuba"),
        ("The army told the rebels it would attack the town on Monday.", "army"),
        ("Police told the protesters they would arrest anyone who stayed.", "Police"),
        ("Merkel told Macron she would support the deal.", "Merkel"),
    ],
)  # fmt: skip
def test_the_subject_of_a_that_clause_is_first_the_governing_verbs_subject(nlp, text, source):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.actors and _actor(a, ev.actors[0]).name == source, (ev.type, ev.actors)


@pytest.mark.parametrize(
    "text,source",
    [
        ("The current President Nicolas Maduro said that lifting the ban on international aid is out of question.",
         "Nicolas Maduro"),
        ("The finance minister said that lifting the sanctions was out of the question.", "finance minister"),
    ],
)  # fmt: skip
def test_a_verbal_act_stated_of_a_clause_a_speaker_says_is_the_speakers(nlp, text, source):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.type == "REJECT" and ev.actors and _actor(a, ev.actors[0]).name == source, (ev.type, ev.actors)


def test_a_passive_verbal_act_a_speaker_reports_is_not_the_speakers(nlp):
    a = _code(nlp, "Officials said that the proposal to end the blockade was rejected.")
    assert all(not e.actors for e in a.events if e.type == "REJECT"), [(e.type, e.actors) for e in a.events]


@pytest.mark.parametrize(
    "text,outlet",
    [
        ("Pompeo and the CIA challenged reports that appeared in The New York Times about a Russian spy.",
         "New York Times"),
        ("The government denied a report in The Washington Post that it had spied on journalists.", "Washington Post"),
        ("The army rejected a report published by the BBC about the raid.", "BBC"),
    ],
)  # fmt: skip
def test_the_outlet_a_denied_writing_appeared_in_is_the_recipient(nlp, text, outlet):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.type in ("REJECT", "ACCUSE") and ev.recipients, (ev.type, ev.recipients)
    assert _actor(a, ev.recipients[0]).name == outlet, ev.recipients


def test_a_country_a_denied_writing_circulates_in_is_no_outlet(nlp):
    a = _code(nlp, "The minister denied reports in Kenya that he had resigned.")
    assert all(_actor(a, r).kind == "country" for e in a.events for r in e.recipients)


def test_the_country_modifying_a_vessels_name_owns_the_vessel(nlp):
    a = _code(nlp, "British Royal Marines seized the Iranian Grace 1 tanker in waters off the coast of Gibraltar.")
    ev = a.events[0]
    assert ev.type == "COERCE" and ev.recipients[:1] == ["IRN"], ev.recipients


@pytest.mark.parametrize(
    "text,source",
    [
        ("Though Washington is not attending the talks, U.S. deputy UN ambassador John Smith said it "
         "supports the plan.", "USA"),
        ("While France stayed out of the coalition, French NATO envoy Marie Dupont said it backs the strikes.", "FRA"),
        ("Although Japan skipped the summit, Japanese deputy UN envoy Kenji Sato said it welcomes the agreement.",
         "JPN"),
    ],
)  # fmt: skip
def test_a_subject_pronoun_continues_a_subject_of_its_sentence_before_a_nearer_modifier(nlp, text, source):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.type == "SUPPORT" and ev.actors[:1] == [source], (ev.type, ev.actors)


def test_an_adverbial_clauses_it_keeps_the_nearest_name_not_the_subject(nlp):
    text = "Turkish fighter jets forced a Russian cargo plane to land in Ankara after it violated Turkish airspace."
    a = _code(nlp, text)
    ev = next(e for e in a.events if e.type == "REJECT")
    assert ev.actors[:1] == ["RUS"], ev.actors


@pytest.mark.parametrize(
    "text,recipients",
    [
        ("Morocco announced the suspension of flights with Spain and France.", ["ESP", "FRA"]),
        ("The government announced the suspension of trade with Belarus.", ["BLR"]),
    ],
)
def test_what_an_act_noun_is_of_takes_its_partner_as_the_verbs_object_would(nlp, text, recipients):
    a = _code(nlp, text)
    ev = a.events[0]
    assert ev.type == "SANCTION" and ev.recipients == recipients, (ev.type, ev.recipients)


def test_whom_a_signed_writings_infinitive_acts_on_is_the_recipient(nlp):
    a = _code(nlp, "The president signed a decree to ease the rules for Syrian refugees.")
    ev = a.events[0]
    assert ev.recipients[:1] == ["syrian-refugees"], (ev.type, ev.recipients)


def _event_on(article: Article, word: str):
    return next(e for e in article.events if word in e.trigger.text)


@pytest.mark.parametrize(
    "text,word,source",
    [
        # "use X to do": X is the means, its user the doer (the parse made X the infinitive's
        # subject, as for "urged the army to crush", or hung the infinitive on X)
        ("Israel used drones to attack Hamas positions in Gaza.", "attack", "Israel"),
        ("The government used the new law to arrest dozens of journalists.", "arrest", "government"),
        ("Security forces, which have used live ammunition to crush the protests, denied the reports.", "crush",
         "Security forces"),
        # a verb the parser joins to the first verb's object is the first verb's doer's
        ("Video shows police using tear gas to disperse protests and beating demonstrators with batons.", "beating",
         "police"),
        # a subject the parser hangs on the auxiliary split from its verb
        ("The minister did, after all, meet the envoy in Paris.", "meet", "minister"),
        # a main verb the parser hung on the last noun of a long apposition
        ("Joe Biden, the former vice president who is running for the Democratic nomination, criticized Trump on "
         "Monday.", "criticized", "Joe Biden"),
    ],
)  # fmt: skip
def test_the_doer_of_a_misparsed_clause_is_the_subject_it_shares(nlp, text, word, source):
    a = _code(nlp, text)
    ev = _event_on(a, word)
    assert ev.actors and _actor(a, ev.actors[0]).name == source, (ev.type, ev.actors)


@pytest.mark.parametrize(
    "text,word,source",
    [
        # object control stays: whom the order or the call is to does the act
        ("The general ordered the troops to storm the building.", "storm", "troops"),
        ("The court allowed the police to disperse the crowd.", "disperse", "police"),
        # verbs joined as the parse says keep their own subject
        ("Witnesses said soldiers fired on the crowd and arrested dozens of students.", "arrested", "soldiers"),
        ("Tom Harris, a senator who has served in Congress since 1995, criticized the agency on Tuesday.",
         "criticized", "Tom Harris"),
    ],
)  # fmt: skip
def test_a_well_parsed_clause_keeps_its_doer(nlp, text, word, source):
    a = _code(nlp, text)
    ev = _event_on(a, word)
    assert ev.actors and _actor(a, ev.actors[0]).name == source, (ev.type, ev.actors)


@pytest.mark.parametrize(
    "text,source,recipient",
    [
        ("The US-China talks resumed in Beijing on Tuesday.", "United States", "China"),
        ("The Russia-Ukraine talks in Istanbul ended without a deal.", "Russia", "Ukraine"),
    ],
)
def test_two_sides_joined_by_a_hyphen_are_the_talks_parties(nlp, text, source, recipient):
    a = _code(nlp, text)
    ev = _event_on(a, "talks")
    assert [_actor(a, i).name for i in ev.actors] == [source], ev.actors
    assert [_actor(a, i).name for i in ev.recipients][:1] == [recipient], ev.recipients


def test_one_side_modifying_talks_stays_their_only_party(nlp):
    a = _code(nlp, "The China trade talks resumed in Beijing on Tuesday.")
    ev = _event_on(a, "talks")
    assert [_actor(a, i).name for i in ev.actors] == ["China"] and not ev.recipients, (ev.actors, ev.recipients)


@pytest.mark.parametrize(
    "text,name,kind",
    [
        # a singular noun that names a person first is one person ("a local shopkeeper")
        ("Crowds gathered after the killing of a local shopkeeper by soldiers.", "local shopkeeper", "person"),
        # a noun that names a group first, or a plural, is a group
        ("A higher Italian court finally rejected the organization on Monday.", "organization", "group"),
        ("The governor issued an ultimatum to her party colleagues on Friday.", "party colleagues", "group"),
    ],
)
def test_target_words_that_name_people_are_a_person_or_a_group_as_the_noun_says(nlp, text, name, kind):
    a = _code(nlp, text)
    got = {x.name: x.kind for x in a.actors}
    assert got.get(name) == kind, got
