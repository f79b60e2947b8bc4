"""The small decisions in actions/safety_turn.py, without a server: how a check-in
answer, "I'm OK now" and "that's not what I meant" are read."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import safety_turn
from careplan.safety import detect, load_rules

from faults_kit import _responses


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("I just mean it's hard to cope", "coping"),
        ("no, I'm just so tired", "safe"),
        ("the first one", "coping"),
        ("I wouldn't hurt myself, I'm just fed up", "coping"),
        ("I think I might hurt myself", "risk"),
        # set7_05: no, said in dialect, and someone's telling-off is not a risk
        (
            "nay nowt like that, ah'd nivver do owt daft, mary'd kill me. just fed up wi it all. its hard"
            " going",
            "coping",
        ),
        ("nothing like that, I'm just worn out", "safe"),
        ("no I'd never do anything stupid, the wife would kill me", "safe"),
        ("I wouldn't do anything silly, it's the stress", "coping"),
        ("I wouldn't hurt myself but some days I want to die", "risk"),
        ("nothing like that, but I have thought about ending it", "risk"),
        # the check-in misread them: not coping, not risk (the tester's Ken)
        ("Ha, neither mate, it's a figure of speech. I'm fine.", "fine"),
        ("no god no its just a saying", "fine"),
        ("i'm fine honestly, only joking", "fine"),
        ("neither, but I do think about ending it", "risk"),
        ("both really", "risk"),
        # session 31: answering neither is no risk said: Samaritans' number, no note
        ("I don't know", "unclear"),
        ("I'd rather not say. Can we just get on", "unclear"),
        ("can we move on", "unclear"),
        ("my garden is lovely this time of year", "unclear"),
        # ...a plain no is safe; naming the writer, or any yes, is risk
        ("no, just tired", "safe"),
        ("not like that", "safe"),
        ("no no, nothing like that, I'm just shattered", "safe"),
        ("myself", "risk"),
        ("me", "risk"),
        ("I might do something to myself", "risk"),
        ("to myself, I suppose", "risk"),
        ("maybe", "risk"),
        ("I don't know, maybe", "risk"),
        ("yes", "risk"),
    ],
)
def test_check_in_answers(answer: str, reading: str) -> None:
    assert safety_turn.check_in_answer(answer) == reading


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("I'm ok now, they checked me over", True),
        ("we're fine, false alarm", True),
        ("can we carry on", True),
        ("ok my partner is ringing 999 now", False),
        ("the ambulance is coming", False),
        ("ok", False),
        ("she's not ok", False),
    ],
)
def test_when_an_emergency_pause_ends(text: str, over: bool) -> None:
    ends = bool(safety_turn._RESUME.search(text)) and not safety_turn._STILL_GOING.search(text)
    assert ends is over


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("that's not what I meant", True),
        ("I didn't mean it like that", True),
        ("you've got the wrong end of the stick", True),
        ("I was only joking", True),
        ("my garden and my grandchildren", False),
    ],
)
def test_that_is_not_what_i_meant(text: str, meant: bool) -> None:
    assert safety_turn.misread(text) is meant


@pytest.mark.parametrize(
    ("kind", "label", "about", "response"),
    [
        ("emergency", "stroke", None, "utter_red_flag_emergency_stroke"),
        ("emergency", "", None, "utter_red_flag_emergency"),
        ("crisis", "", "other", "utter_red_flag_crisis_other"),
        ("crisis", "", "self", "utter_red_flag_crisis"),
        ("safeguarding", "", "other", "utter_red_flag_safeguarding_other"),
        ("safeguarding", "", "self", "utter_red_flag_safeguarding"),
        ("safeguarding", "child", "other", "utter_red_flag_safeguarding_child"),
        ("safeguarding", "child", "self", "utter_red_flag_safeguarding_child"),
        ("urgent", "", "self", "utter_red_flag_urgent"),
        ("urgent", "", None, "utter_red_flag_urgent"),
        ("urgent", "", "other", "utter_red_flag_urgent_other"),
    ],
)
def test_each_flag_has_its_response(kind: str, label: str, about: str | None, response: str) -> None:
    assert safety_turn.response_for(kind, label, about) == response
    assert response in _responses()


def test_every_emergency_label_has_a_999_only_response() -> None:

    rules, _ = load_rules()
    for label in {r.label for r in rules if r.label and r.kind == "emergency"}:
        [text] = _responses()[f"utter_red_flag_emergency_{label}"]
        assert "Call 999 now" in text and "111" not in text, label
    for label in {r.label for r in rules if r.label and r.kind == "urgent"}:  # 111 first, no pause
        [text] = _responses()[f"utter_red_flag_urgent_{label}"]
        assert "111" in text and "Call 999 now" not in text, label


def test_urgent_responses_point_to_111_and_never_999() -> None:
    """Urgent is not an emergency: 111 (online or by phone), no 999, no pause."""
    for name in ("utter_red_flag_urgent", "utter_red_flag_urgent_other"):
        [text] = _responses()[name]
        assert "111.nhs.uk" in text and "call 111" in text, name
        assert "999" not in text, name


@pytest.mark.parametrize(
    ("text", "response", "over"),
    [
        ("should i take an aspirin?", "utter_emergency_question", False),
        ("she's trying to get up should i let her", "utter_emergency_question", False),
        ("paramedics are here now", "utter_emergency_help_here", False),
        ("the ambulance has arrived", "utter_emergency_help_here", False),
        ("they've taken her in. I'll finish this another time", "utter_emergency_over_news_stop", True),
        ("mum had a small stroke, she's ok, still in hospital", "utter_emergency_over_news", True),
        ("back from a&e. they said it was angina. can we finish this", "utter_emergency_over_news", True),
        ("false alarm, we're fine", "utter_emergency_over", True),
        ("the ambulance is coming", "utter_emergency_waiting", False),
    ],
)
def test_replies_during_an_emergency_pause_fit_what_was_said(text: str, response: str, over: bool) -> None:
    assert safety_turn.pause_reply(text) == (response, over)
    assert response in _responses()


@pytest.mark.parametrize(
    ("text", "pushed_back"),
    [
        ("I'm not going to do anything. I just feel empty.", True),
        ("Please stop saying that. A counsellor who understands suicide loss.", True),
        ("He's dead. He can't be at risk. Did you even read what I wrote?", True),
        ("I don't want my GP thinking I'm suicidal", True),
        ("I want to die", False),
        ("a counsellor would help", False),
    ],
)
def test_pushback_after_a_safety_reply(text: str, pushed_back: bool) -> None:
    assert bool(safety_turn.pushback_spans(text)) is pushed_back


def test_the_note_for_the_care_team_is_honest_about_sharing() -> None:
    """'I've made a note for your care team' only once the plan is shared: the care
    team's app lists shared plans only (careteam/review.py shared_plans)."""
    for name in ("utter_flag_noted", "utter_flag_noted_wait"):
        shared, unshared = _responses()[name]
        assert "I've made a note for your care team" in shared
        assert "if you share your plan" in unshared and "note for your care team" not in unshared
    for name, texts in _responses().items():
        if name.startswith(("utter_red_flag", "utter_emergency")):
            assert all("note for" not in t for t in texts), name


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Eileen had a stroke in August", True),
        ("it's a six month review after her stroke", True),
        # typed short (tester33, Elaine): the weak hand since then is asked about, not 999 at once
        ("revew one yr after strok", True),
        ("since my strok last yr", True),
        ("I think she's had a stroke", False),
        ("my face is drooping now", False),
    ],
)
def test_a_stroke_told_as_over(text: str, after: bool) -> None:
    from careplan.safety import names_past_stroke

    assert names_past_stroke(text) is after


@pytest.mark.parametrize(
    ("text", "response", "over"),
    [
        # which number: never dodged while help is not yet on its way (the tester's Dawn)
        ("should i ring 999 or 111? she says dont make a fuss", "utter_emergency_which_number", False),
        ("is it 111 or 999 for this", "utter_emergency_which_number", False),
        ("do i phone 999 or 111? he keeps saying hes fine", "utter_emergency_which_number", False),
        ("ok rang them, they're sending someone, what do i tell them?", "utter_emergency_what_to_say", False),
        ("what shall i say when they answer", "utter_emergency_what_to_say", False),
        # an outcome that names the illness ends the pause kindly; stopping is honoured
        (
            "theyve taken her in, they think its a chest infection gone to sepsis. "
            "can we carry on another time",
            "utter_emergency_over_news_stop",
            True,
        ),
        (
            "shes already in the ambulance!! im ok. i want to stop for now",
            "utter_emergency_over_news_stop",
            True,
        ),
        ("he's in the ambulance now, I'm following", "utter_emergency_over_news", True),
        (
            "all fine now, false alarm. I need to go though, can we do this later",
            "utter_emergency_over_stop",
            True,
        ),
        ("we're ok. let's carry on", "utter_emergency_over", True),
    ],
)
def test_which_number_outcomes_and_stopping_during_a_pause(text: str, response: str, over: bool) -> None:
    assert safety_turn.pause_reply(text) == (response, over)
    assert response in _responses()


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("should I ring 999 or 111?", True),
        ("do i call 111 or nine nine nine for this", True),
        ("what's the difference between 999 and 111", True),
        ("I rang 111 last week and they were lovely", False),
        ("my mum called 999 when I fell", False),
    ],
)
def test_which_number_question_is_recognised(text: str, asks: bool) -> None:
    assert bool(safety_turn.asks_which_number(text)) is asks


def test_no_reply_says_glad_to_news_that_is_not_good() -> None:
    for text in (
        "she's in the ambulance, im ok",
        "they took him to a&e, he's ok now",
        "we're ok, he's in hospital",
    ):
        response, _ = safety_turn.pause_reply(text)
        assert "glad" not in " ".join(_responses()[response]).lower(), text


@pytest.mark.parametrize(
    ("text", "context", "seen", "label"),
    [
        # a wound named earlier (the appointment, a goal): the signs told in lay words
        ("It pongs a bit now and it's gone red right up to my shin, normal?", "my leg ulcer", False, ""),
        ("theres yellow stuff oozing out of it since yesterday", "her pressure sore", False, ""),
        # with an infection told before, feeling hot and shivery could be sepsis (NHS: 111 now)
        ("I also feel shivery and a bit hot tonight", "the ulcer on my foot", True, "sepsis"),
        ("she's burning up and shaking tonight", "", True, "sepsis"),
        ("I'm all hot and cold and the cut on my hand is red and oozing", "", False, "sepsis"),
        # not infection: no wound, or nothing looks wrong
        ("I also feel shivery and a bit hot tonight", "my knee replacement review", False, None),
        ("my feet smell after football lol", "", False, None),
        ("the ulcer is healing nicely and the redness has gone", "foot ulcer", False, None),
        ("I feel the cold a lot these days", "leg ulcer", True, None),
        # "sore" is how it feels, not a wound (set6_01); "a sore" is one
        ("my legs, they weep and they are sore", "my legs", False, None),
        ("his feet are that sore and weepy he cant get his slippers on", "", False, None),
        ("my sore knee is weeping a bit where the cream went on", "knee", False, None),
        ("the sore on her heel has started weeping", "", False, ""),
        ("it smells now and theres yellow stuff", "the pressure sore on his bottom", False, ""),
        ("her sore is oozing and it stinks", "her legs", False, ""),
    ],
)
def test_infection_and_sepsis_told_across_messages(
    text: str, context: str, seen: bool, label: str | None
) -> None:
    flag = safety_turn.infection_in_context(text, context, seen_infection=seen)
    assert (None if flag is None else flag.label) == label
    if flag is not None:
        assert flag.kind == "urgent"
        assert safety_turn.response_for(flag.kind, flag.label, None) in _responses()


def test_the_sepsis_reply_says_111_now_and_when_to_call_999() -> None:
    [text] = _responses()["utter_red_flag_urgent_sepsis"]
    assert "sepsis" in text and "111" in text and "999" in text


@pytest.mark.parametrize(
    ("text", "writer_harmed"),
    [
        ("My son keeps my bank card and I have to ask him for money.", True),
        ("he hits me when he's had a drink", True),
        ("one of the night carers shouts at her and she flinches", False),
        ("she's had a black eye this month and nobody can tell me how", False),
    ],
)
def test_who_is_harmed_in_a_safeguarding_message(text: str, writer_harmed: bool) -> None:
    """The subject of a safeguarding message is the one doing harm ("my son keeps my bank card"):
    the reply speaks about someone else only when the words matched don't name the writer."""
    flag = detect(text)
    assert flag is not None and flag.kind == "safeguarding"
    assert safety_turn._writer_harmed(text, flag) is writer_harmed


@pytest.mark.parametrize(
    ("text", "no_voice"),
    [
        ("If ambulance how me call? Me can't speak phone", True),
        ("I'm deaf, how do I call 999?", True),
        ("I can't talk on the phone since my stroke", True),
        ("my dad is deaf", False),
        ("is the phone number on the letter?", False),
    ],
)
def test_no_voice_phone_is_recognised(text: str, no_voice: bool) -> None:
    assert safety_turn.no_voice_phone(text) is no_voice


def test_the_no_voice_replies_name_text_relay_and_emergency_sms() -> None:
    for name in ("utter_safety_question_no_voice", "utter_emergency_no_voice", "utter_which_number"):
        [text] = _responses()[name]
        assert "18000" in text and "999" in text, name
    assert safety_turn.pause_reply("how do I tell them? I can't speak on the phone") == (
        "utter_emergency_no_voice",
        False,
    )


def test_the_medicine_mistake_reply_is_111_first_and_999_only_if_unwell() -> None:
    [text] = _responses()["utter_red_flag_urgent_medicine"]
    assert "111" in text and "Call 999 if" in text and "Call 999 now" not in text


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("it's come on again, the tight chest", True),
        ("the pain's back and it's worse", True),
        ("the chest pain, and now I'm scared to do anything after today", False),
        ("having a heart attack on the allotment on my own", False),
        ("my back aches when I dig", False),
    ],
)
def test_an_emergency_told_again_is_back_now_or_a_worry(text: str, again: bool) -> None:
    assert bool(safety_turn._AGAIN_NOW.search(text)) is again


@pytest.mark.parametrize(
    ("text", "retracted"),
    [
        ("forget I said that", True),
        ("ignore that, I'm fine", True),
        ("that's not what I meant", False),
        ("forget it, you got me wrong", False),
    ],
)
def test_words_taken_back_are_not_a_misreading(text: str, retracted: bool) -> None:
    assert safety_turn.misread(text)
    got = bool(safety_turn._RETRACT.search(text)) and not safety_turn._MISREAD_WORDS.search(text)
    assert got is retracted


@pytest.mark.parametrize(
    ("text", "label", "waved_away", "response", "over"),
    [
        # waved away before anyone checked: one firm line, and the pause holds (tester_d P07, probe_e1)
        (
            "honestly I get indigestion all the time, I've had a gaviscon. can we just carry on",
            "heart_attack", False, "utter_emergency_waved_away_heart_attack", False,
        ),
        ("no honestly I'm fine now, it's gone off, let's carry on", "stroke", False,
         "utter_emergency_waved_away_stroke", False),
        ("he says its just wind and hes fine now", "heart_attack", False,
         "utter_emergency_waved_away_heart_attack", False),
        ("shes alright now, it settled down", "sepsis", False, "utter_emergency_waved_away", False),
        ("it's just indigestion, I have to go", "heart_attack", False,
         "utter_emergency_waved_away_stop", True),
        # said again: their choice, with what to do if it comes back; never "I'm glad"
        ("ok. carry on", "heart_attack", True, "utter_emergency_over_waved_away", True),
        ("no really I'm fine, carry on", "stroke", True, "utter_emergency_over_waved_away", True),
        # someone checked, or the news is bad: as before
        ("the paramedics checked him, they think it's angina. can we carry on", "heart_attack", True,
         "utter_emergency_over_news", True),
        ("I'm ok now, they checked me over", "stroke", False, "utter_emergency_over", True),
        # a car instead of an ambulance; help here and leaving
        ("my son is driving me to A&E now", "stroke", False, "utter_emergency_driving", False),
        ("we'll take him in the car, its quicker", "heart_attack", True, "utter_emergency_driving", False),
        ("the ambulance is here, I have to go", "heart_attack", False,
         "utter_emergency_help_here_stop", True),
        # session 23: "it's nowt" is waved away, never "I'm glad"
        ("ah it's nowt lad, carry on", "stroke", False, "utter_emergency_waved_away_stroke", False),
        ("I said it's nowt, carry on", "stroke", True, "utter_emergency_over_waved_away", True),
    ],
)  # fmt: skip
def test_an_emergency_waved_away_or_driven_in(
    text: str, label: str, waved_away: bool, response: str, over: bool
) -> None:
    assert safety_turn.pause_reply(text, label, waved_away=waved_away) == (response, over)
    assert response in _responses()


def test_the_firm_lines_say_999_and_never_glad_or_111() -> None:
    responses = _responses()
    names = [n for n in responses if n.startswith("utter_emergency_waved_away")]
    names += ["utter_emergency_over_waved_away", "utter_emergency_driving", "utter_emergency_worse"]
    assert len(names) >= 7
    for name in names:
        for text in responses[name]:
            assert "999" in text and "111" not in text and "glad" not in text.lower(), name


def test_help_in_writing_after_a_crisis_names_shout_and_samaritans_email() -> None:
    [text] = _responses()["utter_crisis_in_writing"]
    assert "85258" in text and "jo@samaritans.org" in text and "999" in text


def test_news_after_an_emergency_says_you_to_the_person_themselves() -> None:
    """ "I hope they're being well looked after" was said to Val about herself (tester_d probe_e1):
    the default (no flag_about, not a carer) is "you"."""
    for name in ("utter_emergency_over_news", "utter_emergency_over_news_stop"):
        variants = _responses()[name]
        assert "you're being well looked after" in variants[-1], name


@pytest.mark.parametrize(
    ("text", "kind", "only"),
    [
        ("wat? why did u say that about someone hurting me?? nobodys hurting me its the ms",
         "safeguarding", True),
        ("nobody is hurting me, he just gets frustrated", "safeguarding", True),
        ("its been like that for months, the nurse knows, thats what the appointment is for", "urgent", True),
        # a new disclosure beside the denial is not taken back with it
        ("nobody hits me. but my son keeps my bank card and I have to ask him for money",
         "safeguarding", False),
        ("i'm not suicidal. but he hits me when he's drunk", "crisis", False),
        ("my garden", "safeguarding", False),
    ],
)  # fmt: skip
def test_a_protest_is_only_a_protest_with_no_new_flag_beside_it(text: str, kind: str, only: bool) -> None:
    load_rules()
    assert safety_turn.only_protest(text, kind) is only


@pytest.mark.parametrize(
    ("asked", "text", "kept"),
    [
        # a sign told at a question where health belongs is that answer too (issue 13 item 4)
        ("goal_barriers", "the ulcer, its weeping yellow stuff and smells so i dont go out", True),
        ("worries", "that the wound on his shin is going green round the edges", True),
        ("goal_help", "a nurse to look at my sore, it's started to pong", True),
        # a question back, or a question where a symptom is no answer: asked again
        ("goal_barriers", "it smells and it's gone red up to my ankle, is that normal?", False),
        ("good_day", "the ulcer is weeping and it smells", False),
        ("another_goal", "I'm feeling shivery and a bit hot tonight as well", False),
    ],
)
def test_a_sign_told_across_messages_is_kept_where_it_answers(asked: str, text: str, kept: bool) -> None:
    tracker = Tracker("t", {"requested_slot": asked}, {}, [], False, None, {}, "")
    assert safety_turn.answers_a_medical_question(tracker, text) is kept


@pytest.mark.parametrize(
    ("text", "waved_away", "response", "news"),
    [
        ("they've taken him in, they think it was a TIA", False, "utter_emergency_over_news", True),
        (
            "it was just wind, walking the dog is what matters",
            False,
            "utter_emergency_waved_away_heart_attack",
            True,
        ),
        ("its gone off now. my goal is to get back to bowls", True, "utter_emergency_waiting", True),
        ("walking the dog is what matters most to me", False, safety_turn.MOVED_ON, False),
        # one reading of the message decides the reply and the news: an answer that moves on
        # is the answer, never news on the flag, whether or not it was waved away before
        ("it was just wind, walking the dog is what matters", True, safety_turn.MOVED_ON, False),
    ],
)
def test_during_a_pause_one_reading_gives_the_reply_and_the_news(
    text: str, waved_away: bool, response: str, news: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    added: list[str] = []
    monkeypatch.setattr(safety_turn, "_add_news", lambda ids, said: added.append(said))
    said = ["emergency:heart_attack", *([safety_turn.WAVED_AWAY] if waved_away else [])]
    slots = {safety_turn.STATE: safety_turn.PAUSED, safety_turn.SAID: said, safety_turn.LAST_FLAGS: [7]}
    latest = {"text": text, "intent": {"name": "inform", "confidence": 1.0}, "entities": []}
    tracker = Tracker("t", slots, latest, [], False, None, {}, "")
    dispatcher = CollectingDispatcher()
    safety_turn.handle(dispatcher, tracker, text, button=False)
    assert [m["response"] for m in dispatcher.messages] == [response]
    assert added == ([text] if news else [])


# ------------------------------------------ session 34: a child at risk gets children's services

OLD = "1941-01-06"
MonkeyPatch = pytest.MonkeyPatch


def _safeguarding_reply(text: str, slots: dict[str, object], said_before: tuple[str, ...] = ()) -> list[str]:
    slots = dict(slots)
    for line in said_before:  # what was said before is kept in slots as it is said
        said = Tracker("t", slots, {"text": line}, [], False, None, {}, "")
        slots.update({e["name"]: e["value"] for e in safety_turn.ages_told(said, line)})
    latest = {"text": text, "intent": {"name": "inform", "confidence": 1.0}, "entities": []}
    tracker = Tracker("t", slots, latest, [], False, None, {}, "")
    dispatcher = CollectingDispatcher()
    flag = detect(text)
    assert flag is not None and flag.kind == "safeguarding", flag
    safety_turn._signpost(dispatcher, tracker, flag, text, text, kept=[1])
    return [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("text", "slots", "said_before", "child"),
    [
        # a parent of a 6-year-old, in other words: the age in the line, or the date of birth kept
        ("my daughter is 6 and her stepdad keeps hitting her", {"for_whom": "carer"}, (), True),
        ("a lad down our road keeps hitting my little one", {"for_whom": "carer"}, (), True),
        ("his dad hits him when he's drunk", {"for_whom": "carer", "date_of_birth": "2019-03-02"}, (), True),
        ("her stepdad smacks her when im at work", {"for_whom": "carer"}, ("her mum. shes 7",), True),
        # a young person writing about themselves: the age said in passing, or the date of birth
        ("my stepdad hits me when mum is out", {"for_whom": "self"}, ("im 15",), True),
        ("my mums boyfriend hits me", {"for_whom": "self", "date_of_birth": "2010-06-01"}, (), True),
        # adults: the adult safeguarding team still
        ("my son is 40 and he takes my pension every week", {"for_whom": "self"}, (), False),
        ("my 15 year old grandson hits me when he's angry", {"for_whom": "self"}, ("I'm 78",), False),
        ("the carer hits mum when she won't eat", {"for_whom": "carer", "date_of_birth": OLD}, (), False),
    ],
)
def test_a_child_at_risk_gets_childrens_services(
    text: str, slots: dict[str, object], said_before: tuple[str, ...], child: bool, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.setattr(safety_turn, "_add_news", lambda ids, said: None)
    replies = _safeguarding_reply(text, slots, said_before)
    assert ("utter_red_flag_safeguarding_child" in replies) is child, replies
    assert replies[0].startswith("utter_red_flag_safeguarding")


def test_a_child_at_risk_again_gets_the_childrens_numbers_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety_turn, "_add_news", lambda ids, said: None)
    slots = {"for_whom": "carer", "flags_said": ["safeguarding:child"]}
    replies = _safeguarding_reply("her stepdad hit my 7 year old again last night", slots)
    assert replies == ["utter_red_flag_again_safeguarding_child"]
