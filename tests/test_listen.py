"""careplan.listen: what one message says for every open question, talk about the
chat, corrections and the read-back in plain words. Pure functions, no servers."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import listen

from listen_kit import OPENING

TODAY = date(2026, 12, 2)  # a Wednesday
ASKED = [*OPENING, "full_name"]


def hear(text: str, asked: str = "for_whom", keys: list[str] = ASKED) -> dict:
    heard = listen.hear(text, keys, asked=asked, today=TODAY)
    return {k: (v.day if isinstance(v, listen.dates.When) else v) for k, v in heard.items()}


# --- names in any shape: titles, "his name X" without "is", dictated without capitals ---------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hello. I am writing for my father in law, his name Chen Wei, he like to be called Mr Chen."
            " I am his daughter in law.",
            {"person_name": "Chen Wei", "preferred_name": "Mr Chen", "carer_relationship": "daughter in law"},
        ),
        (
            "my mother, Mrs Kaur. Eye doctor see her Monday for check her eyes and the drops",
            {"preferred_name": None, "appointment_reason": "check her eyes and the drops"},
        ),
        ("its for my mum, call her Mrs Okafor, she prefers it", {"preferred_name": "Mrs Okafor"}),
        ("hello this is for my neighbour mr jones he cant use the phone", {"person_name": "Mr Jones"}),
        (
            "for my grandmother, her name Fatima Begum, we call her Nani",
            {"person_name": "Fatima Begum", "preferred_name": "Nani"},
        ),
        ("its for my uncle, everyone calls him Uncle Tony", {"preferred_name": "Uncle Tony"}),
        ("hello this is gwen speaking i am using the voice thing it is for me", {"preferred_name": "Gwen"}),
        ("im gwen im using the voice thing its for me", {"preferred_name": "Gwen"}),
    ],
)
def test_names_said_in_any_shape_are_heard(text: str, expected: dict) -> None:
    heard = hear(text)
    assert {key: heard.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("this is for my mum, her name escapes the nurses every time", "person_name"),
        ("hello this is for my mum she is poorly", "person_name"),
        ("im fine its for me", "preferred_name"),
        ("hello im using the voice thing its for me", "preferred_name"),
        ("its for me im just doing it now", "preferred_name"),
        ("im knackered im using the voice thing its for me", "preferred_name"),
        ("im housebound and its for me", "preferred_name"),
        ("this is stuck i cant get the buttons to work its for me", "preferred_name"),
    ],
)
def test_words_that_are_not_names_are_not_heard_as_names(text: str, key: str) -> None:
    assert key not in hear(text)


def test_a_carer_says_five_things_at_once() -> None:
    assert hear("This is for my husband Jim, he's got the heart clinic on the 14th about his tablets") == {
        "for_whom": "carer",
        "person_name": "Jim",
        "carer_relationship": "wife or partner",
        "appointment_with": "the heart clinic",
        "appointment_when": date(2026, 12, 14),
        "appointment_reason": "his tablets",
    }


@pytest.mark.parametrize(
    "text",
    [
        "It's for me, I'm Pat, seeing the nurse next Tuesday for my review",
        "its for me, Im Pat, seeing the nurse next tuesday for my review",
    ],
)
def test_a_person_says_who_when_and_why(text: str) -> None:
    heard = hear(text)
    assert heard["for_whom"] == "self" and heard["preferred_name"] == "Pat"
    assert heard["appointment_with"] == "the nurse" and heard["appointment_reason"] == "my review"
    assert heard["appointment_when"] == date(2026, 12, 8)


@pytest.mark.parametrize("text", ["I'm Mo", "im mo", "for me. im mo", "Me. Frank.", "Mo here"])
def test_a_name_is_heard_however_it_is_typed(text: str) -> None:
    heard = hear(text)
    assert heard["for_whom"] == "self" and heard["preferred_name"] in {"Mo", "Frank"}


def test_a_nickname_is_what_to_call_them_and_the_full_name_is_kept() -> None:
    heard = hear("Hello, I'm Margaret but everyone calls me Peggy")
    assert heard["preferred_name"] == "Peggy" and heard["full_name"] == "Margaret"


@pytest.mark.parametrize(
    "text",
    ["I'm seeing the nurse", "I'm not sure", "the nurse was lovely last time", "I'm worried about my feet"],
)
def test_no_name_is_made_up(text: str) -> None:
    assert "preferred_name" not in hear(text) and "person_name" not in hear(text)


def test_a_good_day_inside_what_matters_is_kept_as_the_good_day() -> None:
    heard = listen.hear(
        "My family mostly. A good day is when I get to the allotment and see my mates",
        ["good_day", "enjoys"],
        asked="what_matters",
    )
    assert heard == {"good_day": "A good day is when I get to the allotment and see my mates"}


@pytest.mark.parametrize(
    ("text", "asked", "carer", "heard"),
    [
        ("landline 01632 960112", "date_of_birth", False, {"contact": "landline 01632 960112"}),
        (
            "not on me, my mobile is best 07700 900123",
            "nhs_number",
            True,
            {"carer_contact": "not on me, my mobile is best 07700 900123"},
        ),
        (
            "ring me on 07700 900461 after 6",
            "full_name",
            False,
            {"contact": "ring me on 07700 900461 after 6"},
        ),
        # an NHS number, a date, or a number at a question that isn't a detail: no contact
        ("943 476 5919", "nhs_number", False, {}),
        ("03/05/1939", "date_of_birth", False, {}),
        ("07700 900123", "worries", False, {}),
    ],
)
def test_a_contact_given_early_is_heard_for_the_contact_question(
    text: str, asked: str, carer: bool, heard: dict[str, str]
) -> None:
    keys = ["contact", "carer_contact", "date_of_birth", "nhs_number"]
    assert {
        k: v for k, v in listen.hear(text, keys, asked=asked, carer=carer).items() if "contact" in k
    } == heard


def test_a_goal_with_its_reason_and_what_gets_in_the_way() -> None:
    heard = listen.hear(
        "I want to walk to the shop because I want to stay independent but my knees are bad",
        ["goal_text", "goal_why", "goal_barriers"],
        asked="goal_text",
    )
    assert heard == {
        "goal_text": "I want to walk to the shop",
        "goal_why": "I want to stay independent",
        "goal_barriers": "my knees are bad",
    }


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("Yes, I'd like to get back to swimming", "I'd like to get back to swimming"),
        ("sleeping better", "sleeping better"),
        ("yh seeing my mates at the pub again", "seeing my mates at the pub again"),  # yes as typed
        ("yes please", None),
        ("no that's all", None),
        ("I think that's everything", None),
    ],
)
def test_a_goal_given_in_reply_to_something_else(text: str, goal: str | None) -> None:
    assert listen.content_after_yes(text) == goal


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("why do you need to know that?", "ask_why"),
        ("whats that for", "ask_why"),
        ("sorry what was the question?", "repeat"),
        ("pardon?", "repeat"),
        ("WHAT?", "repeat"),
        ("who sees my data", "faq_who_sees"),
        ("is it privte", "faq_who_sees"),
        ("can I print it", "ask_copy"),
        ("can i have a copy on paper", "ask_copy"),
        ("go back", "go_back"),
        ("help", "help"),
        ("I want to see my grandson", None),
        ("my daughter sees to my shopping", None),
        ("who's going to read all this?", "faq_who_sees"),
        ("and who else sees it", "faq_who_sees"),
        ("can you say that again please", "repeat"),
        # answers that look like talk about the chat
        ("I hate asking my neighbour who reads my letters for me now", None),
        ("who will see me, the nurse or the consultant?", None),
        ("is it safe to drive after the op", None),
        ("sorry what I meant was the eye clinic", None),
        ("I missed that appointment in the summer", None),
        ("can I get a copy of my blood results", None),
        ("to see if they will do the cataract in my other eye", None),
    ],
)
def test_talk_about_the_chat_is_not_an_answer(text: str, intent: str | None) -> None:
    assert listen.meta(text) == intent


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("see to read my own post", True),
        ("having the operation and seeing the nurse after", True),
        ("to see if they will do the cataract in my other eye now", True),
        ("who's going to read all this", False),
        ("I'd like to know where my answers go", False),
        ("is this private", False),
        ("copy please", False),
    ],
)
def test_plainly_an_answer(text: str, answer: bool) -> None:
    assert listen.plainly_an_answer(text) is answer


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("no wait, it's Wednesday the 9th", "date", date(2026, 12, 9)),
        ("no, it's the 18th", "date", date(2026, 12, 18)),
        ("the date's wrong", "date_unknown", None),
        ("hang on the appointment bit is wrong", "appointment", None),
        ("my appointment with the nurse went wrong last time", None, None),
        ("make the driving one the main one", "main_goal", "driving"),
        ("that's not what I meant", "undo", None),
        ("take that off", "remove", None),
        ("change the second goal to walking to the park", "change_goal", "walking to the park"),
        ("no, Christmas with all the family round the table, that's what matters", None, None),
    ],
)
def test_corrections(text: str, kind: str | None, detail: object) -> None:
    fix = listen.correction(text, TODAY)
    if kind is None:
        assert fix is None
        return
    assert fix is not None and fix.kind == kind
    if kind == "date":
        assert fix.value.day == detail
    elif kind == "main_goal":
        assert fix.goal == detail
    elif kind == "change_goal":
        assert fix.value == detail and fix.goal == "second"


GOALS = [
    {"id": 5, "title": "Drive to see my sister", "text": "drive to see my sister"},
    {"id": 6, "title": "Company in the evenings", "text": "have some company in the evenings"},
]


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("the evenings one", 6),
        ("the driving one", 5),
        ("2", 6),
        ("the first one", 5),
        ("the last", 6),
        ("cake", None),
    ],
)
def test_a_goal_is_chosen_by_its_number_or_its_words(text: str, goal: int | None) -> None:
    assert listen.match_goal(text, GOALS) == goal


@pytest.mark.parametrize(
    ("text", "choice", "goal"),
    [
        ("yes that'll do", "confirm", None),
        ("ye whatever", "confirm", None),
        ("yep looks good", "confirm", None),
        ("change number 1", "change", "number 1"),
        ("the date is wrong", "date", None),
        ("the questions bit is wrong", "questions", None),
        ("remove the last question", "remove_questions", None),
        ("can you take the second one off", "remove", "second"),
        ("nah", None, None),
    ],
)
def test_the_read_back_in_plain_words(text: str, choice: str | None, goal: str | None) -> None:
    found = listen.review_choice(text)
    assert (found.choice if found else None) == choice
    if goal:
        assert found is not None and goal in (found.goal or "")


def test_add_one_about_keeps_the_words() -> None:
    found = listen.review_choice("add one about getting back to swimming")
    assert found is not None and found.choice == "add" and found.words == "getting back to swimming"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mum or Edna, either", "Edna"),
        ("im mo", "Mo"),
        ("Pauline or Polly", "Pauline"),
        ("Mr Campbell is fine, or Winston", "Mr Campbell"),
        ("Jim is fine", "Jim"),
        ("he agreed", None),
        ("yes she's next to me", None),
        ("wife", None),
        ("Wednesday", None),
        ("The falls clinic", None),
        # the name people use beats the formal one
        ("Gwendoline, or Gwen to most people", "Gwen"),
        ("Roberta - Bobbie to her mates", "Bobbie"),
        ("Dennis but everyone calls him Den", "Den"),
        ("she likes to be called Pat", "Pat"),
        ("Yes, call me Bob", "Bob"),
        # a filler word said first is not a name; the name after it is
        ("Ah, hang on, the letter says the hospital", None),
        ("Erm, Maureen", "Maureen"),
        ("Well, Brenda", "Brenda"),
        ("Umm Pat", "Pat"),
        ("Emily", "Emily"),
        # who someone is to the writer, or a title alone, is not what they're called
        ("granddaughter", None),
        ("her nephew", None),
        ("Mrs", None),
        ("Mrs Okafor", "Mrs Okafor"),
        # a name they are NOT called is not the one to use
        ("Tam. naebody calls me Thomas except the hospital", "Tam"),
        ("its Reg, nobody calls me Reginald", "Reg"),
        ("Jim. only the doctors call me James", "Jim"),
        ("Patricia but please don't call me Pat, I hate it", "Patricia"),
        ("Kath. Not Katherine, that's only on my letters", "Kath"),
        ("Margaret. no one calls me that mind, its Peggy", "Peggy"),
        ("Mags. Margaret on paper but nobody uses that", "Mags"),
        ("tam. naebody calls me thomas", "Tam"),
        ("Margaret. nobody calls me that", None),
        ("Susan. Nobody has called me Susan since my mother died. Sue is fine.", "Sue"),
        # the name they go by, said after a full stop or at the end ("so Mo", "Sue is fine")
        ("Maureen. Mo to my friends, so Mo", "Mo"),
        ("Elizabeth. Betty to everyone", "Betty"),
        ("Susan. Sue is fine", "Sue"),
        ("Robert really, but Bob's fine", "Bob"),
        ("only my friends call me Mo", "Mo"),
        ("Its Christopher but only my mum calls me that. Chris", "Chris"),
        ("Thomas on the letters but Tam is fine", "Tam"),
        ("naebody calls me Thomas but Tam is grand", "Tam"),
        ("Frances - Fran please", "Fran"),
    ],
)
def test_what_to_call_someone(text: str, name: str | None) -> None:
    from careplan import interpret

    assert interpret.name(text) == name


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("Dennis but everyone calls him Den", "Dennis"),
        ("Patricia Hughes, she likes to be called Pat", "Patricia Hughes"),
        ("Gwendoline, or Gwen to most people", "Gwendoline"),
        ("my name's Mohammed but call me Mo", "Mohammed"),
    ],
)
def test_a_full_name_said_with_a_nickname(text: str, full: str) -> None:
    from careplan import interpret

    assert interpret.name(text, full=True) == full


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("for me. ravi. asthma check at the surgery on friday", "Ravi"),
        ("its for me im will, knee clinic tues", "Will"),
        ("just me. sheila", "Sheila"),
        # words that follow "for me" but are not names
        ("for me. tired. foot clinic", None),
        ("its for me im exhausted, knee clinic", None),
        ("for me. knees. the foot clinic", None),
        ("for me, tuesday at the surgery", None),
    ],
)
def test_a_lower_case_name_after_for_me(text: str, name: str | None) -> None:
    assert listen.own_name(text) == name


def test_to_see_if_is_the_reason() -> None:
    said = "hes got the eye clinic on the 20th to see if they'll do his other eye"
    assert listen.reason(said) == "whether they'll do his other eye"
    assert listen.reason("for me. asthma check at the surgery on friday") == "asthma check"
    assert listen.goes_by("its for my dad kenneth, Ken to the family") == "Ken"
    assert listen.goes_by("swimming or walking for my family") is None
    assert listen.goes_by("its for me, Tam. naebody calls me Thomas") is None


# --- a correction inside one message: the last value said wins ---------------------------
@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Thursday. No I tell a lie, it is Friday.", "it is Friday"),
        ("the 9th, sorry I mean the 10th", "the 10th"),
        ("Jim - no, James", "James"),
        ("the podiatrist, sorry I mean the diabetes nurse", "the diabetes nurse"),
        ("friday, oops I meant saturday", "saturday"),
        ("Dr Smith or rather Dr Jones", "Dr Jones"),
        # a correction of an earlier answer, or no correction at all: the message as it is
        ("no wait, its Wednesday the 9th", "no wait, its Wednesday the 9th"),
        ("next tuesday", "next tuesday"),
    ],
)
def test_the_last_thing_said_wins(text: str, meant: str) -> None:
    assert listen.last_said(text) == meant


# --- a correction inside a free-text answer: the corrected words are kept, never a tail word --
@pytest.mark.parametrize(
    ("text", "meant"),
    [
        (
            "Yes - walking Sue to the pub without stopping. Actually make that walking to the pub,"
            " she can come if she wants ha",
            "Yes - walking to the pub, she can come if she wants",
        ),
        (
            "My knee locks when I kneel down. No scrap that, its getting back up off my knees thats"
            " the problem, not the kneeling.",
            "its getting back up off my knees thats the problem, not the kneeling.",
        ),
        (
            "go swimming again - scratch that, go to aqua aerobics with Jan lol",
            "go to aqua aerobics with Jan",
        ),
        (
            "her garden. no sorry I mean her grandchildren, the garden comes second",
            "her grandchildren, the garden comes second",
        ),
        ("the stairs, no wait, its the bus more than the stairs", "its the bus more than the stairs"),
        (
            "Up early, walk the dog. Or rather my husband walks the dog and I go with him",
            "my husband walks the dog and I go with him",
        ),
        ("seeing my son in leeds, no actually my daughter in leeds haha", "my daughter in leeds"),
        ("to drive again, strike that, to get the bus on my own", "to get the bus on my own"),
        # laughter at the end of an answer is not part of it
        ("my grandson's football on saturdays haha", "my grandson's football on saturdays"),
        ("cake lol", "cake"),
        # no correction: "I mean" and "actually" that explain or add are kept as said
        (
            "it's hard, I mean I can't even get up the stairs",
            "it's hard, I mean I can't even get up the stairs",
        ),
        ("Gardening. Actually swimming too", "Gardening. Actually swimming too"),
        ("no, nothing really", "no, nothing really"),
        ("no wait, let me think", "no wait, let me think"),
        ("actually no, make it the other one", "actually no, make it the other one"),
        ("Ha Long Bay with my wife", "Ha Long Bay with my wife"),
        ("I'd love to make it to the shops on my own", "I'd love to make it to the shops on my own"),
        ("I tend to forget that I've had them", "I tend to forget that I've had them"),
        ("there's no wait at the walk-in centre", "there's no wait at the walk-in centre"),
        ("to drive again strike that to get the bus", "to get the bus"),
    ],
)
def test_a_correction_inside_an_answer_keeps_what_was_meant(text: str, meant: str) -> None:
    assert listen.corrected_answer(text) == meant


# --- privacy: questions and worries about who gets the chat are never an answer -------------
@pytest.mark.parametrize(
    "text",
    [
        "is this going to the council? I don't want the council knowing my business",
        "will social services see this?",
        "does my employer get to see any of this",
        "I don't want my son reading this",
        "i dont want the council knowing my business",
        "is this going to the dwp, I'm on benefits and they'd stop them",
        "will this get back to my landlord",
        "does any of this go to the police",
        "who else gets this? not the social I hope",
        "will my sister see what I put on here",
        "Who exactly will see it if I say yes?",
        "I'd rather the neighbours didn't find out about any of this",
    ],
)
def test_a_privacy_question_or_worry_about_the_chat_gets_who_sees(text: str) -> None:
    assert listen.meta(text) == "faq_who_sees"
    assert listen.answer_beside(text) is None


def test_a_partner_reading_the_phone_still_gets_the_honest_phone_answer() -> None:
    assert listen.meta("can my husband see what I put on here") == "faq_phone"


@pytest.mark.parametrize(
    "text",
    [
        "social services helped me get a carer",
        "I worry the council will put me in a home",
        "my son reads to me most evenings",
        "the police came round about my neighbour",
        "my landlord won't fix the damp",
        "getting the council to sort my stairlift",
        "I don't want my son to see me like this",
        "can I get it on the NHS",
        "will the op fix it",
        "does it go to my hip as well",
        "is this going to hurt",
        "A break. Even one night a week where someone else is on. And someone to talk to who gets it.",
        "my son would help me get it sorted",
        "take that off, I don't want the doctor seeing it",  # taken off, not asked about
        "will it get better",
    ],
)
def test_life_with_the_council_or_family_in_it_is_an_answer(text: str) -> None:
    assert listen.meta(text) is None


def test_a_self_corrected_date_is_heard_as_the_second_day() -> None:
    assert hear("the nurse on Thursday. No I tell a lie, Friday", asked="appointment_with") == {
        "appointment_with": "the nurse",
        "appointment_when": date(2026, 12, 4),
    }


# --- stepping away, coming back, starting again ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("brb", "away"),
        ("gotta go, work call", "away"),
        ("one sec", "away"),
        ("hang on the door", "away"),
        ("someone's at the door", "away"),
        ("I'm back", "back"),
        ("back sorry", "back"),
        ("sorry about that", "back"),
        ("can we start over", "start_again"),
        ("start again please", "start_again"),
        ("wats this 4 again", "ask_why"),
        ("hang on, its the 10th", None),
        ("got to go to the toilet a lot at night", None),
        ("sorry someone at the door", "away"),
        ("there's somebody at the front door", "away"),
        ("sorry, someone is at the door", "away"),
        ("back", None),  # "back" alone is often a bad back
        ("my back", None),
        # text-speak, and what called them away, around the words of stepping away
        ("sorry hold on the twins are fighting brb", "away"),
        ("ugh doorbell, back in 5", "away"),
        ("gimme 2 mins", "away"),
        ("soz bk now, it was only my neighbour", "back"),
        ("sorry im back that was the dog", "back"),
        ("2 mins to the bus stop is my limit", None),
        ("sorry, the toilet", None),  # what gets in the way, said again
    ],
)
def test_away_and_back(text: str, intent: str | None) -> None:
    assert listen.meta(text) == intent


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("back sorry. family mostly, and cricket", "family mostly, and cricket"),
        ("sorry about that! my allotment", "my allotment"),
        ("im back my allotment", "my allotment"),
        ("back pain stops me doing much", "back pain stops me doing much"),
        ("right knee mostly", "right knee mostly"),
        ("back", "back"),
        ("sorry im back it was the postman", "sorry im back it was the postman"),  # no answer in it
    ],
)
def test_the_answer_someone_comes_back_with(text: str, answer: str) -> None:
    assert listen.after_coming_back(text) == answer


def test_a_bare_back_after_stepping_away_is_coming_back() -> None:
    assert listen.meta("back", after_away=True) == "back"
    assert listen.meta("it was just the delivery", after_away=True) == "back"
    assert listen.meta("it was just the delivery") is None
    assert listen.meta("my back", after_away=True) is None


# --- a question to the bot is not an answer -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("how long would I be in for if they do the hip", True),
        ("will I have to stop driving", True),
        ("what happens if i get ill. theres nobody else", True),
        ("is it normal to feel this tired?", True),
        ("maybe a diffrent inhaler?", False),  # an answer said unsure
        ("a lift there?", False),
        # hedged answers: a thing named with a question mark, and no verb to ask with
        ("dunno, a bench halfway? the nurse always says pulmonary rehab whatever that is", False),
        ("dust mites? dunno", False),
        ("the hill? and the cold maybe", False),
        ("um a walking frame?? not sure", False),
        ("you think I should get a stick?", True),
        ("its normal to be this tired?", True),
        ("why do you need that?", False),  # about the chat: meta answers it
        ("my family and my allotment", False),
        ("what matters is my family", False),
        ("when I can get down the allotment", False),
        ("how I feel in the morning", False),
    ],
)
def test_a_question_to_the_bot(text: str, question: bool) -> None:
    assert listen.question_to_bot(text) is question


def test_a_full_name_and_date_of_birth_together() -> None:
    assert hear(
        "Winston Campbell, born 4th July 1948", asked="full_name", keys=["full_name", "date_of_birth"]
    ) == {
        "full_name": "Winston Campbell",
        "date_of_birth": "1948-07-04",
    }


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("do the school pick up every day", False),  # a goal, said as a command
        ("have a bath on my own", False),
        ("do I need to fast before", True),
        ("is the chemist open on sunday", True),
    ],
)
def test_do_and_have_start_a_question_only_before_a_person(text: str, question: bool) -> None:
    assert listen.question_to_bot(text) is question


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("take that off", None),
        ("take off the thing about the bus", "the bus"),
        ("take the bit about the bus off", "the bus"),
        ("remove what i said about my son", "my son"),
    ],
)
def test_take_off_names_what(text: str, about: str | None) -> None:
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "remove" and fix.goal == about


def test_the_one_before() -> None:
    assert listen.ONE_BEFORE.search("no the one before")
    assert not listen.ONE_BEFORE.search("no, keep it")


def test_a_correction_of_who_the_appointment_is_with() -> None:
    fix = listen.correction("its with the practice nurse not the doctor")
    assert fix == listen.Correction("clinician", "the practice nurse")
    assert listen.correction("I want to walk not drive") is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("It's Mr Okoro, not just the surgeon", "Mr Okoro"),
        ("should be Sister Maguire, not the falls clinic", "Sister Maguire"),
        ("it's actually Mrs Bell not just the hospital", "Mrs Bell"),
        ("it should be Dr Ahmed, not the GP", "Dr Ahmed"),
        ("its meant to be the heart nurse not the consultant", "the heart nurse"),
        ("Mrs Bell not the ward", "Mrs Bell"),
        # the other way round, after a "no" (tester s31: "no its not my doctor its the nurse")
        ("no its not my doctor its the nurse", "the nurse"),
        ("no not the gp, its the physio", "the physio"),
        ("sorry not the consultant - it should be the diabetes nurse", "the diabetes nurse"),
        ("not with the consultant, its with sister jones", "sister jones"),
        # not who it is with
        ("no its not my knee its my hip", None),
        ("not the doctor, its my wife who worries", None),
        ("my wife, not the nurse", None),
        ("I want to walk, not just see the doctor", None),
        ("Mrs Jones next door, not my son", None),
    ],
)
def test_who_it_is_with_put_right_in_plain_words(text: str, who: str | None) -> None:
    fix = listen.correction(text)
    assert (fix.value if fix is not None and fix.kind == "clinician" else None) == who


def test_a_check_up_names_the_reason() -> None:
    assert listen.reason("hi im sheila, its my diabetes review with the nurse on friday") == "diabetes review"
    assert listen.own_name("hi im sheila, its my review") == "Sheila"
    assert listen.own_name("hi im sheila, its my review", loose=False) is None  # a carer could say it


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("stroke consultant follow up at the Heath", None),  # a follow-up with him: for what, still asked
        ("physio follow up at the hospital", None),
        ("the practice nurse review", None),
        ("the memory clinic, its his annual review", "annual review"),
        ("Dr Shah, for my hip follow up", "my hip follow up"),
        ("the nurse, for her yearly check", "her yearly check"),
    ],
)
def test_the_kind_of_appointment_with_someone_is_not_what_it_is_for(text: str, why: str | None) -> None:
    heard = hear(text, asked="appointment_with", keys=["appointment_with", "appointment_reason"])
    assert heard.get("appointment_reason") == why


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("why", "ask_why"),
        ("Why?", "ask_why"),
        ("why??", "ask_why"),
        ("how come", "ask_why"),
        ("what for?", "ask_why"),
        ("whys that", "ask_why"),
        ("why's that then", "ask_why"),
        ("but why", "ask_why"),
        ("why that", "ask_why"),
        ("why do u want that", "ask_why"),
        ("why not", None),
        ("why me", None),
        ("i dont know why", None),
    ],
)
def test_a_bare_why_asks_why_the_question_is_asked(text: str, intent: str | None) -> None:
    assert listen.meta(text) == intent


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("its for me", "self"),
        ("oh its just for me", "self"),
        ("It's for me.", "self"),
        ("sorry this is for my mum", "carer"),
        ("its for my Abba (father)", "carer"),
        ("its for me, my chest", None),  # the reason too
        ("for my mum Jean", None),  # her name too
        ("the practice nurse", None),
    ],
)
def test_a_message_that_only_says_who_it_is_for(text: str, who: str | None) -> None:
    assert listen.only_who_its_for(text) == who


@pytest.mark.parametrize(
    "text",
    [
        "and can you take the question off I'll ask that myself",
        "can you take my question off, I will ask it on the day",
        "could you delete the question please",
        "can u get rid of my questions, my daughter will ask them",
        "will you take off the questions",
    ],
)
def test_asking_for_a_question_off_is_a_read_back_choice_not_a_question_about_the_chat(text: str) -> None:
    assert listen.meta(text) is None
    assert listen.review_choice(text) == listen.ReviewChoice("remove_questions")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how long does it take to answer the questions?", "faq_how_long"),
        ("how many questions are left", "faq_questions_left"),  # the count (s25)
    ],
)
def test_questions_about_the_questions_are_still_about_the_chat(text: str, intent: str) -> None:
    assert listen.meta(text) == intent


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("its for me but i look after my husband too he had a stroke last year", "self"),
        ("it is for me. I look after my son", "self"),
        ("its for my husband Jim", "carer"),
        ("not for me, for my mum", "carer"),
        ("I look after my dad, it's his review", "carer"),
    ],
)
def test_for_me_said_first_wins_over_being_a_carer_too(text: str, who: str) -> None:
    assert listen.for_whom(text) == who


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        ("take the first question off", [0]),
        ("the first two questions were for you, delete them", [0, 1]),
        ("remove number 1 and 3 from the questions", [0, 2]),
        ("take the last question off", [2]),
        ("remove the questions", []),
        ("get rid of the first 4 questions", [0, 1, 2]),
        ("delete the first three", [0, 1, 2]),
    ],
)
def test_which_questions_are_named(text: str, picked: list[int]) -> None:
    assert listen.which_ones(text, 3) == picked


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        ("take the word Right off the front of my question", (0, "Will the new tablets make me sleepy?")),
        ("can you get rid of 'please' from the end of the second question", (1, "Can I have a blood test")),
        ("cut yes out of that question", None),  # no question holds it
        ("take the first question off", None),  # the whole question: a removal
        ("take it off the plan", None),
        ("remove number 2 from my questions", None),
    ],
)
def test_a_word_struck_from_one_question(text: str, struck: tuple[int, str] | None) -> None:
    asked = ["Right. Will the new tablets make me sleepy?", "Can I have a blood test please"]
    assert listen.words_off(text, asked) == struck


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("WHERE HAVE THEY GONE. PUT THEM BACK", True),
        ("oh no, can you bring my questions back", True),
        ("undo that please", True),
        ("my back is the main thing", False),
        ("put back pain as the reason", False),
    ],
)
def test_put_them_back_asks_for_the_last_removal_back(text: str, back: bool) -> None:
    assert listen.puts_back(text) is back


def test_a_goal_is_found_by_another_form_of_its_words() -> None:
    goals = [
        {"id": 1, "title": "Its cal", "text": "its cal. i want to cook my own tea"},
        {"id": 2, "title": "Leeds", "text": "go to the Leeds match"},
    ]
    assert listen.match_goal("the cooking one", goals) == 1


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ok back. where were we", "back"),
        ("back now sorry. what was the question", "back"),
        ("what do you mean?", "ask_why"),
        ("sorry im not sure what you want", "ask_why"),
        ("is there a right answer?", "ask_why"),
        ("can I speak to a human instead?", "faq_real_person"),
        ("back", None),  # a bad back, unless they had stepped away
        ("I'd like to walk the dog without my back hurting", None),
    ],
)
def test_asides_are_talk_about_the_chat(text: str, intent: str | None) -> None:
    assert listen.meta(text) == intent


# --- talk TO the bot about the chat, in words no pattern lists ------------------------------
@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("how long does this take", "faq_how_long"),
        ("do i have to answer all of these", "faq_how_long"),
        ("are we nearly finished", "faq_how_long"),
        ("is this going to the doctor?", "faq_who_sees"),
        ("do the doctors get this", "faq_who_sees"),
        ("what are you going to do with this", "faq_who_sees"),
        ("what happens to all this when ive finished", "faq_what_next"),
        ("will this be on my records", "faq_data"),
        ("whats the point of all this", "faq_care_plan"),
        ("is anyone there", "faq_real_person"),
        ("blimey this is a lot of questions", "chat_complaint"),
        ("you're not very clever are you", "chat_complaint"),
        ("can i say my caravan?", "answer_or_question"),
        ("does gardening count", "answer_or_question"),
        # questions for the care team, and answers, are not about the chat
        ("how long does it take to heal", None),
        ("is this normal for my age", None),
        ("can you help me with my tablets", None),
        ("will I have to stop driving?", None),
        ("someone to read it to me", None),
        ("reading", None),
        ("is it going to get worse", None),
        ("can you delete what i just put", None),  # taking an answer back
    ],
)
def test_about_the_chat(text: str, reply: str | None) -> None:
    assert listen.about_the_chat(text) == reply


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("sorry the dog", "away"),
        ("sorry dog barking at the postman", "away"),
        ("sorry my son came in", "away"),
        ("sorry my son", None),  # an answer said again
        ("my son", None),
    ],
)
def test_called_away_by_something_at_home(text: str, intent: str | None) -> None:
    assert listen.meta(text) == intent


# --- taking the last answer back, in many words -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("no thats wrong", "undo"),
        ("that came out wrong", "undo"),
        ("I didnt mean that", "undo"),
        ("scrap that", "undo"),
        ("undo that", "undo"),
        ("oops wrong answer", "undo"),
        ("sorry i answered the wrong question", "undo"),
        ("that was meant for the next question", "undo"),
        ("Sorry, I think you've misunderstood me", "undo"),
        ("i take that back", "undo"),
        ("take that bit out", "remove"),
        ("can you delete what i just put", "remove"),
        ("leave that out", "remove"),
        ("cross that off", "remove"),
        # answers that only look like it
        ("roses, scratch that, tulips", None),
        ("it's wrong they cut the bus", None),
        ("its not right that i cant get out", None),
        ("I keep getting it wrong with my tablets", None),
        ("take it easy more", None),
        ("joking about with the grandkids", None),
    ],
)
def test_taken_back(text: str, kind: str | None) -> None:
    assert listen.taken_back(text) == kind


@pytest.mark.parametrize(
    ("text", "speaking", "typing", "rest"),
    [
        (
            "this is Doreen now, Karen's given me the phone. my garden and my cat matter most",
            None,
            "self",
            "my garden and my cat matter most",
        ),
        (
            "hello, it's Jean here, my daughter's set this up. I want to get to bingo",
            None,
            "self",
            "I want to get to bingo",
        ),
        ("mum here. i like my garden", None, "self", "i like my garden"),
        ("its karen again. she loves her word searches", "self", "carer", "she loves her word searches"),
        ("back to me now, she loves the radio", "self", "carer", "she loves the radio"),
        # not a change of who is typing
        ("my garden and my cat", None, None, "my garden and my cat"),
        ("she's back in hospital again", "self", None, "she's back in hospital again"),
        ("the nurse is here now", None, None, "the nurse is here now"),
        ("Doreen again", None, None, "Doreen again"),  # only the person can hand back
    ],
)
def test_who_is_typing_in_a_carers_chat(
    text: str, speaking: str | None, typing: str | None, rest: str
) -> None:
    assert listen.speaker_change(text, ["Doreen", "Walsh", "Jean"], speaking) == (typing, rest)


# --- several goals in one message -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "goals"),
    [
        (
            "I want to walk the dog again and get back to choir, and sleep through the night",
            ["walk the dog again", "get back to choir", "sleep through the night"],
        ),
        (
            "walk the dog and play with the grandkids and sleep better",
            ["walk the dog", "play with the grandkids", "sleep better"],
        ),
        ("get back to swimming and see my grandkids more", ["get back to swimming", "see my grandkids more"]),
        ("I'd like to go swimming and get my weight down", ["go swimming", "get my weight down"]),
        # each wish said whole is kept whole: her words, never "like to walk to church..." (C18)
        (
            "I would like to walk to church on a Sunday instead of getting a taxi,"
            " and I would like to do my own shopping again",
            [
                "I would like to walk to church on a Sunday instead of getting a taxi",
                "I would like to do my own shopping again",
            ],
        ),
        # one goal: one verb, one outing, one thing, or "but"
        ("walk to the shops and back", []),
        ("get up and down the stairs", []),
        ("go to the shop and buy a paper", []),
        ("sit in the garden and have a cup of tea", []),
        ("id like to get my sugars down and lose a bit of weight", []),
        ("walk the dog but my knees hurt", []),
        ("cook sunday dinner without my back seizing up", []),
        ("feel settled in the evenings instead of getting upset and trying to go home", []),
        # the reason for the goal, joined on by the parser: one goal and its why
        ("get round the park and back on my own, so i can see the ducks with my grandson", []),
        ("drive to the coast and back without getting tired, so she can visit her sister", []),
    ],
)
def test_several_goals(text: str, goals: list[str]) -> None:
    assert listen.several_goals(text) == goals


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("can i say my caravan?", "my caravan"),
        ("is it ok if i put my dog", "my dog"),
        ("does gardening count", "gardening"),
        ("would my garden do?", "my garden"),
        ("my garden", "my garden"),
    ],
)
def test_the_answer_asked_about(text: str, answer: str) -> None:
    assert listen.answer_in_question(text) == answer


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("honestly I just need a night off", True),
        ("I could do with a break to be honest", True),
        ("tbh i'd love a lie in once a week", True),
        # about the person, or both of them
        ("I'd like to take him to the seaside", False),
        ("I want us to go away together", False),
        ("I want Roy to get in the garden again", False),
        ("get out in the garden again", False),
        ("his garden", False),
    ],
)
def test_a_carers_own_need(text: str, own: bool) -> None:
    assert listen.carers_own_need(text, ["Roy"]) is own


def test_a_goal_with_its_reason_after_yes() -> None:
    goal = listen.content_after_yes(
        "yes - I want to get back to church on sundays because I miss my friends there"
    )
    assert goal is not None
    parts = listen.goal_parts(goal)
    assert parts["goal_why"] == "I miss my friends there" and "because" not in parts["goal_text"]


@pytest.mark.parametrize(
    ("text", "barriers"),
    [
        ("get back to the bowls club every week, he's only been once since his op", None),
        ("walk the dog round the park again, only my knees won't let me", "my knees won't let me"),
        ("go swimming with my grandson but the changing rooms are cold", "the changing rooms are cold"),
    ],
)
def test_only_is_what_gets_in_the_way_only_when_it_joins_two_clauses(text: str, barriers: str | None) -> None:
    assert listen.goal_parts(text).get("goal_barriers") == barriers


# --- consent to share is never turned round (issue 12, tester class 4) -------------------------
@pytest.mark.parametrize(
    "said",
    [
        "Yes, share it with the heart team.",
        "my wife says yes, send it over",
        "I said yes love, share it",
        "Fine. It'll have to do. Yes.",
        "yeh pass it on to the clinic",
        "share it with the nurse please",
    ],
)
def test_a_yes_to_sharing_in_words_is_a_yes(said: str) -> None:
    assert listen.share_answer(said) is True
    assert not listen.withdraws_sharing(said)


@pytest.mark.parametrize(
    "said",
    ["no ta, I'll take it in myself", "nah keep it to myself", "I'd rather not", "please don't send it"],
)
def test_a_no_to_sharing_is_a_no(said: str) -> None:
    assert listen.share_answer(said) is False


@pytest.mark.parametrize("said", ["what would they do with it", "hmm", "who is the care team"])
def test_an_unclear_reply_to_sharing_is_asked_again(said: str) -> None:
    assert listen.share_answer(said) is None
    assert not listen.withdraws_sharing(said)


@pytest.mark.parametrize("said", ["stop sharing it", "unshare my plan", "I don't want them to see it now"])
def test_taking_sharing_back_is_read_from_the_words(said: str) -> None:
    assert listen.withdraws_sharing(said)


def test_a_yes_that_names_sharing_is_told_from_a_plain_yes() -> None:
    assert listen.says_share("yes thats right, send it to the GP")
    assert not listen.says_share("yes thats right")


# --- the one thing, named in passing (tester class 7) ------------------------------------------
NAMED_GOALS = [
    {
        "id": 7,
        "title": "Kick a ball about with my son",
        "text": "kick a ball about with my son",
        "why": "he's mad on football",
    },
    {
        "id": 9,
        "title": "Walk Rex round the woods",
        "text": "walk Rex round the woods again",
        "why": "he's my dog",
    },
]


@pytest.mark.parametrize(("said", "goal"), [("the football", 7), ("the dog one", 9), ("the woods", 9)])
def test_a_goal_is_found_by_what_was_said_about_it(said: str, goal: int) -> None:
    assert listen.match_goal(said, NAMED_GOALS) == goal


def test_that_one_is_the_only_goal_and_no_goal_of_several() -> None:
    assert listen.match_goal("yes that one", NAMED_GOALS[:1]) == 7
    assert listen.match_goal("that one", NAMED_GOALS) is None


@pytest.mark.parametrize(
    "said",
    ["the staying at home one", "the weight one", "the garden", "that one", "the job one, i need the money"],
)
def test_a_goal_named_in_passing_is_not_a_new_goal(said: str) -> None:
    assert listen.names_a_goal(said)


KINDS_OF_GOAL = [
    {
        "id": 3,
        "title": "Take the grandkids to the seaside",
        "text": "take the grandkids to the seaside",
        "barriers": "the new inhaler makes him shaky",
        "domain": "family",
    },
    {"id": 4, "title": "Do a few shifts", "text": "do a few shifts at the shop", "domain": "work"},
]


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("the inhaler one, he's ever so shaky with it", 3),  # what gets in the way, and a reason after
        ("the job one", 4),  # the only goal of that kind
        ("the money one", None),  # no goal of that kind
    ],
)
def test_a_goal_is_found_by_what_gets_in_its_way_or_its_kind(said: str, goal: int | None) -> None:
    assert listen.match_goal(said, KINDS_OF_GOAL) == goal


@pytest.mark.parametrize(
    "said", ["keep warm this winter", "sleep through the night", "get out to the shops more"]
)
def test_a_new_goal_in_own_words_is_new(said: str) -> None:
    assert not listen.names_a_goal(said)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # someone at home reading the chat: a privacy and safety question, never an answer
        ("can he see this if he picks up my phone", "faq_phone"),
        ("no. if he picks up my phone can he see this chat?", "faq_phone"),
        ("will my husband be able to read this", "faq_phone"),
        ("what if my son goes through my phone", "faq_phone"),
        ("could anyone else see what i put here", "faq_phone"),
        # not that: who the care team is, or someone seeing the person
        ("can the nurse see this?", "faq_who_sees"),
        ("my son picks up my prescriptions", None),
        ("he can see I'm struggling", None),
    ],
)
def test_someone_at_home_seeing_the_chat(text: str, intent: str | None) -> None:
    assert listen.meta(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # the note a red flag leaves: who sees it is asked, and answered honestly
        ("does the gp see the bit where you gave me the samaritans number?", "faq_flag_note"),
        ("will the nurse know about that note you made?", "faq_flag_note"),
        ("can my doctor see what you wrote about me not coping", "faq_flag_note"),
        ("who sees the note you made", "faq_flag_note"),
        # not that: a note of her own, or the numbers themselves
        ("I make a note of my blood sugars", None),
    ],
)
def test_who_sees_the_note_a_red_flag_left(text: str, intent: str | None) -> None:
    assert listen.meta(text) == intent


# --- the read-back takes off only what was named (tester round 3, class 3) -------------------
QUESTIONS = [
    "is my brown inhaler doing anything?",
    "can I use the blue one before digging?",
    "should I have the flu jab?",
]


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        ("Remove the question that begins 'can I use the blue one'", [1]),
        ("take off 'should I have the flu jab?' too, it's part of the same thing", [2]),
        ("delete the one about the flu jab", [2]),
        ("remove the question", []),
        ("Chloe Dawson", []),
    ],
)
def test_a_question_is_named_by_its_words(text: str, picked: list[int]) -> None:
    assert listen.named_by_words(text, QUESTIONS) == picked


def test_a_goal_is_taken_off_only_for_its_own_words() -> None:
    goals = [
        {"id": 3, "title": "Stay in my own house", "text": "stay in my own house", "why": "Chloe visits"}
    ]
    assert listen.match_goal("Chloe Dawson", goals) == 3  # choosing the one thing: what was said counts
    assert listen.match_goal("Chloe Dawson", goals, said_about=False) is None
    assert listen.match_goal("the house one", goals, said_about=False) == 3


@pytest.mark.parametrize("text", ["neither", "none of them", "neither. the TIME is wrong"])
def test_neither_takes_back_a_removal(text: str) -> None:
    assert listen.never_mind(text)


@pytest.mark.parametrize(
    ("text", "every"),
    [("remove the questions", True), ("take them all off", True), ("remove the question", False)],
)
def test_all_the_questions_or_one(text: str, every: bool) -> None:
    assert listen.all_questions(text) is every


# --- words asked about, the time at the read-back, "no that's it" (tester round 3) ------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("what does titrate mean", "titrate"),
        ("the letter says they'll 'titrate' my tablets, what does titrate mean?", "titrate"),
        ("what's orthostatic hypotension? the nurse wrote that", "orthostatic hypotension"),
        ("What mean titrate? The letter say they will titrate it", "titrate"),
        ("My son said 'occupational therapy' - what exactly is that?", "occupational therapy"),
        ("what does 'what matters' mean here?", None),
        ("what's the point?", None),
        ("what is wrong with me?", None),
        ("what happens next?", None),
        ("what does that mean", None),
    ],
)
def test_a_word_asked_about(text: str, word: str | None) -> None:
    assert listen.word_asked(text) == word


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("add the time, it's 10:30", "10:30"),
        ("you haven't put the time its ten thirty", "10:30"),
        ("the time is half ten", "10:30"),
        ("I have no time at 10:30", None),
        ("stop at 2pm", None),
    ],
)
def test_the_time_given_at_the_read_back(text: str, time: str | None) -> None:
    assert listen.time_said(text) == time


def test_the_time_is_one_of_several_instructions() -> None:
    said = "take number 3 off that was the reason not a goal and the time is half ten"
    assert listen.instructions(said) == [
        "take number 3 off that was the reason not a goal",
        "the time is half ten",
    ]


def test_an_hour_and_its_minutes_in_words() -> None:
    from datetime import date

    from careplan import dates

    found = dates.when("the MS nurse on Monday the fourteenth at ten thirty", date(2026, 12, 2))
    assert found == dates.When(day=date(2026, 12, 14), time="10:30")


@pytest.mark.parametrize(("text", "done"), [("no that's it", True), ("nothing else", True), ("no", False)])
def test_thats_all(text: str, done: bool) -> None:
    assert listen.thats_all(text) is done


LISTED_GOALS = [
    {
        "id": 1,
        "title": "Three things: get my hba1c down",
        "text": "three things: get my hba1c down, lose weight",
    },
    {
        "id": 2,
        "title": "Lose a stone before my sisters wedding",
        "text": "lose a stone before my sisters wedding",
    },
    {
        "id": 3,
        "title": "Stop being scared of my injections",
        "text": "stop being scared of my injections at work",
    },
]


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("the wedding one", 2),
        ("can i change it back to the hba1c one? cos thats what the nurse will want", 1),
        ("the injections one", 3),
    ],
)
def test_a_goal_is_found_by_a_word_the_parser_reads_differently(said: str, goal: int) -> None:
    assert listen.match_goal(said, LISTED_GOALS) == goal


@pytest.mark.parametrize(
    ("text", "everything"),
    [
        ("actually can i see everything you have on me first", True),
        ("thats not everything,i told you about my flat and my sister. where is all that", True),
        ("I want to see all my grandchildren", False),
        ("delete everything", False),
    ],
)
def test_asking_to_see_everything(text: str, everything: bool) -> None:
    assert (listen.meta(text) == "see_summary") is everything


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        (
            "Please remove number 1, add one about opening jars without help, and remove the first question",
            [
                "Please remove number 1",
                "add one about opening jars without help",
                "remove the first question",
            ],
        ),
        ("change number 2 to: walk, take the dog out", ["change number 2 to: walk, take the dog out"]),
    ],
)
def test_instructions_after_a_comma(text: str, steps: list[str]) -> None:
    assert listen.instructions(text) == steps


def test_a_goal_is_wrong_and_must_say() -> None:
    fix = listen.correction("number 1 is wrong, must be: sleep in bed not in chair.")
    assert fix is not None and fix.kind == "change_goal" and fix.value == "sleep in bed not in chair"


@pytest.mark.parametrize(
    ("text", "life"),
    [
        ("that it all goes wrong again next winter when the snow comes", True),
        ("well after last week, that it'll happen again at the allotment", True),
        ("what happens next", False),
        ("I dont want my GP or the hospital seeing this", False),
        ("I would rather my daughter did not see this", False),
    ],
)
def test_a_statement_of_life_is_not_a_question_about_the_chat(text: str, life: bool) -> None:
    assert listen.tells_of_life(text) is life


@pytest.mark.parametrize(
    ("text", "asked", "who"),
    [
        ("Morning. My practice nurse mentioned this. Bear with me, I'm slow at typing.", False, None),
        ("Mr Hughes the knee surgeon at the General", True, "Mr Hughes the knee surgeon at the General"),
        ("Dr Okafor at the Lime Tree surgery", True, "Dr Okafor at the Lime Tree surgery"),
        ("seeing the diabetes nurse on tuesday", False, "the diabetes nurse"),
        ("Sister Mary Jones at the Riverside practice", True, "Sister Mary Jones at the Riverside practice"),
    ],
)
def test_who_the_appointment_is_with(text: str, asked: bool, who: str | None) -> None:
    assert listen.clinician(text, asked=asked) == who


@pytest.mark.parametrize(
    ("text", "asked", "who"),
    [
        # a role, then the name (session 25, set8_01)
        (
            "It is with the practice pharmacist, Mrs Kaur; it is next Wednesday",
            True,
            "the practice pharmacist, Mrs Kaur",
        ),
        ("the heart nurse, Sister Jones, at the Royal", True, "the heart nurse, Sister Jones, at the Royal"),
        # the role, then the name in a few words of its own (set8_06)
        ("GP. Dr Okonjo. Third GP this year about the same back", True, "Dr Okonjo (GP)"),
        ("gp. dr adeyemi. about my knees again", True, "dr adeyemi (gp)"),
        ("seeing the nurse, because Dr Jones is off", True, "the nurse"),
        # a name told after the role (set8_05), and not someone else's name
        (
            "the social prescriber at the health centre, his name's Tariq",
            True,
            "the social prescriber at the health centre, Tariq",
        ),
        ("the link worker, her name is Bev", True, "the link worker, Bev"),
        ("the diabetes nurse, my mum's name is Ann", True, "the diabetes nurse"),
        # a name, a comma, then where (set8_09)
        ("Dr Mensah, at the Lime Tree surgery", True, "Dr Mensah, at the Lime Tree surgery"),
        ("Mrs Abara, at the Oak Lane practice", True, "Mrs Abara, at the Oak Lane practice"),
        # a clinic at a named place, with its 's (set8_03)
        ("the memory clinic at St James's", True, "the memory clinic at St James's"),
        (
            "the nurse of the heart rehab, cardiac rehab, at the hospital",
            True,
            "the nurse of the heart rehab, cardiac rehab, at the hospital",
        ),
        # slips in the role, and a place named loosely (set8_02)
        ("the physioo at the neuro place. its about my walkingg", True, "the physio at the neuro place"),
        ("the podiatrsit at the foot place", True, "the podiatrist at the foot place"),
        ("the consultent", True, "the consultant"),
        ("the orthopaedic consultant at the General", True, "the orthopaedic consultant at the General"),
        ("the eye place in town", True, "the eye place"),
        ("getting to the community centre for the lunch club", True, None),
        ("I hate hospitals", True, None),
        # a name and a role in one phrase, brackets, "is", "in" a named place (listen_chat's findings)
        (
            "Mr Okoro the surgeon, at the orthopaedic clinic in St Luke's, he did my hip in the summer",
            True,
            "Mr Okoro the surgeon, at the orthopaedic clinic in St Luke's",
        ),
        ("its with Mr Patel the knee man at the Nuffield", True, "Mr Patel the knee man at the Nuffield"),
        (
            "Nurse Bell (the diabetes one) at the health centre",
            True,
            "Nurse Bell (the diabetes one) at the health centre",
        ),
        ("the GP is Dr Pryce at Ty Gwyn", True, "the GP is Dr Pryce at Ty Gwyn"),
        ("the heart failure nurses at the Royal", True, "the heart failure nurses at the Royal"),
        # a place said after who the way people say it (listen_dates, s27)
        ("pre-op nurse up Bronglais", True, "pre-op nurse up Bronglais"),
        ("physio down the royal", True, "physio down the royal"),
        ("Dr Shah over at Park Lane", True, "Dr Shah over at Park Lane"),
        ("podiatrist over in Llanelli", True, "podiatrist over in Llanelli"),
        ("the diabetes nurse up at Withybush on friday", True, "the diabetes nurse up at Withybush"),
        ("the nurse up at the general", True, "the nurse up at the general"),
        ("the GP down the road", True, "the GP"),
        ("the nurse in March", True, "the nurse"),
        ("the nurse up on monday", True, "the nurse"),
        ("the nurse at I think 10", True, "the nurse"),
        ("the physio at Park Lane I think", True, "the physio at Park Lane"),
        ("seeing the nurse in the morning", False, "the nurse"),
        ("the neurologist in January", True, "the neurologist"),
        # the first word taken by the parse for a verb; a name after a clause about who
        ("diabetes clinic at the hospital", True, "diabetes clinic at the hospital"),
        ("got physio tomorrow", True, "physio"),
        ("the GP who visits the home, Dr Okafor", True, "the GP, Dr Okafor"),
        # departments and roles by name alone
        ("audiology", True, "audiology"),
        ("the social prescriber", True, "the social prescriber"),
        # a doctor's appointment (set7_04)
        ("shes got a doctors appt on monday and school said i should do this", False, "doctor"),
        # who sent them to the chat is not who they see (set8_04, set8_01)
        (
            "hello is this the surgery? the nurse at the hospital said to fill this in now im home",
            False,
            None,
        ),
        ("the surgery has suggested I complete this before my medication review", False, None),
        ("my GP told me to do this before I see the diabetes nurse on friday", False, "the diabetes nurse"),
        # someone from a place that is no clinic, by who they are, then their name
        ("the lady at the council, Jan", True, "the lady at the council, Jan"),
        ("a lady from social services called Bev", True, "a lady from social services, Bev"),
        ("the woman from the council about my stairlift", True, "the woman from the council"),
        ("Im seeing the lady at the council, Jan, on Friday", False, "the lady at the council, Jan"),
        ("a visit from the man at the hospice, Keith", False, "the man at the hospice, Keith"),
        ("the lady at the council, Monday", True, "the lady at the council"),
        ("the lady at the council was rude to my mum", False, None),
    ],
)
def test_who_the_appointment_is_with_in_all_its_forms(text: str, asked: bool, who: str | None) -> None:
    assert listen.clinician(text, asked=asked) == who


@pytest.mark.parametrize(
    ("text", "no_one"),
    [
        ("He knows, he's sat next to me eating a Twix, he said tell them about the bus", True),
        ("kids in bed by 7, sugars in range, 5 a side with the lads", True),
        ("me. just me", True),
        ("yes", True),
        ("she's fine with it, she's here", True),
        ("Mrs Jones", False),
        ("the lady who does my bloods at the Lime Tree", False),
        ("the one at the top of the hill by the church, I forget the name", False),
        ("the Lime Tree", False),
        ("the new one, cant remember her name", False),
    ],
)
def test_an_answer_at_who_with_that_names_no_one(text: str, no_one: bool) -> None:
    assert listen.names_no_one(text) is no_one


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("He has his yearly check with the practice nurse on the 18th.", "yearly check"),
        (
            "Dr Price at the surgery. check up after my chest infection they said",
            "check up after my chest infection",
        ),
        ("Dr Hussain at the surgery. follow up after the fall they said", "follow up after the fall"),
        ("the surgeon, he did my hip in the summer", None),
        ("its Maureen, the nurse said to do this before my diabetes review next monday", "diabetes review"),
        ("after my last review it all got worse", None),
        ("My GP surgery gave me a leaflet about this.", None),
    ],
)
def test_what_the_appointment_is_for(text: str, why: str | None) -> None:
    assert listen.reason(text) == why


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Dr Okafor at the Lime Tree surgery", "Dr Okafor at the Lime Tree surgery"),
        ("its on the letter from the hospital", None),
        ("dont know, ask the GP", None),
    ],
)
def test_a_message_that_only_says_who_it_is_with(text: str, who: str | None) -> None:
    assert listen.only_the_clinician(text) == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("evening. my mum's got the eye clinic at the Royal tomorrow", "carer"),
        ("hiya, my dads seeing the nurse on monday", "carer"),
        ("hello. my son's going to help me with this", None),
    ],
)
def test_the_appointment_of_someone_close_says_who_it_is_for(text: str, who: str | None) -> None:
    assert listen.for_whom(text) == who


# --- a carer's opening in their own family's words ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "salam, I am Rahim, I am doing this for my Abba (father) Abdul Karim, he is 79, everyone call"
            " him Karim. he have GP appointment with Dr Patel on friday 11th about his sugar and his knee",
            {
                "for_whom": "carer",
                "person_name": "Abdul Karim",
                "preferred_name": "Karim",
                "carer_relationship": "son or daughter",
                "appointment_with": "Dr Patel (GP)",
                "appointment_when": date(2026, 12, 11),
                "appointment_reason": "his sugar and his knee",
            },
        ),
        (
            "asalam alaikum, my name is Yasmin, I am filling this for my Ammi, her name is Shamima, she"
            " is seeing diabetes nurse on 15th about her feet",
            {
                "for_whom": "carer",
                "person_name": "Shamima",
                "carer_relationship": "son or daughter",
                "appointment_with": "diabetes nurse",
                "appointment_when": date(2026, 12, 15),
                "appointment_reason": "her feet",
            },
        ),
        (
            "hi im Tomasz, doing this for my tata (dad) Jerzy, he has appointment with the heart doctor"
            " next monday about his tablets. we all call him Jurek",
            {
                "for_whom": "carer",
                "person_name": "Jerzy",
                "preferred_name": "Jurek",
                "carer_relationship": "son or daughter",
                "appointment_with": "the heart doctor",
                "appointment_when": date(2026, 12, 7),
                "appointment_reason": "his tablets",
            },
        ),
        (
            "My nonna Rosa has a GP appointment with Dr Singh on Tuesday about her breathing. I'm her"
            " granddaughter Gina.",
            {
                "for_whom": "carer",
                "person_name": "Rosa",
                "carer_relationship": "granddaughter",
                "appointment_with": "Dr Singh (GP)",
                "appointment_when": date(2026, 12, 8),
                "appointment_reason": "her breathing",
            },
        ),
        (
            "hello I am Ade, this is for my mama (mother) Folake, everybody call her Fola, she have"
            " hospital appointment on 14 december about her sugar",
            {
                "for_whom": "carer",
                "person_name": "Folake",
                "preferred_name": "Fola",
                "carer_relationship": "son or daughter",
                "appointment_with": "hospital",
                "appointment_when": date(2026, 12, 14),
                "appointment_reason": "her sugar",
            },
        ),
        (
            "Hello, I'm Priya. This is for my nani, Kamla. She's got the memory clinic on the 9th.",
            {
                "for_whom": "carer",
                "person_name": "Kamla",
                "carer_relationship": "grandchild",
                "appointment_with": "the memory clinic",
                "appointment_when": date(2026, 12, 9),
            },
        ),
    ],
)
def test_a_carers_opening_in_their_familys_words(text: str, expected: dict) -> None:
    assert hear(text, keys=ASKED) == expected


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("its for mum, she is seeing the nurse on friday", "son or daughter"),
        ("doing this for dad, hes got the heart clinic next week", "son or daughter"),
        ("Hi, this is for nan. She has the memory clinic tomorrow", "grandchild"),
        ("I am Rahim, I do this for Abba, he see the GP on 11th about his sugar", "son or daughter"),
        ("filling this in for grandad as his hands are bad", "grandchild"),
    ],
)
def test_mum_dad_or_nan_without_my_is_someone_else(text: str, relationship: str) -> None:
    heard = hear(text, keys=ASKED)
    assert (heard["for_whom"], heard["carer_relationship"]) == ("carer", relationship)


@pytest.mark.parametrize(
    "text",
    [
        "I'm Rahim, it's for me, everyone call him Karim at work",  # not the writer's own nickname
        "its for me, my dad's old GP appointment was a mess",
    ],
)
def test_someone_elses_nickname_is_not_the_writers(text: str) -> None:
    heard = hear(text, keys=ASKED)
    assert heard.get("preferred_name") in {None, "Rahim"}


@pytest.mark.parametrize(
    ("text", "none"),
    [
        ("I told you, no.", True),
        ("like I said, nothing", True),
        ("I said no to the tablets", False),
    ],
)
def test_nothing_said_with_a_complaint_is_still_nothing(text: str, none: bool) -> None:
    from careplan import interpret

    assert interpret.means_none(text) is none


@pytest.mark.parametrize(
    ("text", "skips"),
    [
        ("pass", True),
        ("PASS.", True),
        ("I'll pass on that one", True),
        ("pass thanks", True),
        ("skip this one please", True),
        ("pass my driving test", False),
        ("passing water at night", False),
    ],
)
def test_pass_on_its_own_skips(text: str, skips: bool) -> None:
    from careplan import interpret

    assert interpret.skips(text) is skips


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("My name is Harold, not Hal!", "Harold"),
        ("Oh and please call me Maggie, love.", "Maggie"),
        ("walk the dog. Call me Bren by the way", "Bren"),
        ("the nurse can call me later", None),
        ("my name is on the list for the op", None),
        ("call me back tomorrow", None),
    ],
)
def test_a_name_said_again_is_a_fix_of_the_name(text: str, called: str | None) -> None:
    found = listen.correction(text)
    assert (found.value if found is not None and found.kind == "name" else None) == called


@pytest.mark.parametrize(
    "said",
    [
        "My husband have Parkinson, my son say I should use this for him before his appointment",
        "my mother have dementia, my daughter tell me do this for her",
        "I'm doing it for her, she can't use phones",
    ],
)
def test_who_it_is_for_in_plain_or_second_language_english(said: str) -> None:
    assert listen.for_whom(said) == "carer"
    assert listen.their_name(said) is None  # "Parkinson, my son": what he has, not his name


def test_a_clinicians_name_is_not_the_persons() -> None:
    assert listen.their_name("Parkinson nurse, her name is Julie") is None
    assert listen.their_name("the memory nurse, his name is Tomasz") is None
    assert listen.their_name("her name is Julie") == "Julie"
    assert listen.their_name("Jim, my husband, has the heart clinic") == "Jim"
    assert listen.their_name("its for my brother lee, hes got a learning disability") == "Lee"


def test_the_reason_stops_where_a_new_clause_starts() -> None:
    said = "about my bladder and my walking its for me"
    assert listen.reason(f"seeing the MS nurse on Tuesday {said}") == "my bladder and my walking"
    assert listen.reason("the memory clinic on the 14th about her tablets, I'm her husband") == "her tablets"
    assert listen.reason("the heart clinic about his tablets, he's been dizzy") == "his tablets"


@pytest.mark.parametrize(
    ("said", "found"),
    [
        (
            "He has the heart failure clinic on Wednesday 16th December re his diuretic dose.",
            "his diuretic dose",
        ),
        ("mum's got the memory clinic on the 9th re her tablets", "her tablets"),
        ("dad's seeing the GP tuesday, re the swelling in his legs", "the swelling in his legs"),
        ("seeing the nurse next week in regards to my feet", "my feet"),
        ("diabetic clinic friday concerning my sugars", "my sugars"),
        ("heart clinic on the 3rd with regard to his pacemaker", "his pacemaker"),
        ("the podiatrist wrt her toenails", "her toenails"),
        # the same words that say no reason
        ("the GP said it was concerning", None),
        ("the nurse, Re is her name", None),
    ],
)
def test_a_reason_said_the_way_a_letter_would(said: str, found: str | None) -> None:
    assert listen.reason(said) == found


@pytest.mark.parametrize(
    "said",
    [
        "Why are you asking all this dear, who is going to read it?",
        "hang on, why do you want all this son, who's going to see it?",
        "what's this for and who reads it",
    ],
)
def test_why_and_who_reads_it_gets_the_privacy_answer(said: str) -> None:
    assert listen.meta(said) == "faq_who_sees"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("the appointment says something daft. change it to just the eye clinic", "the eye clinic"),
        (
            "please change who the appointment is with to Dr Patel, the diabetes consultant",
            "Dr Patel, the diabetes consultant",
        ),
        ("Appointment words wrong. Only physio", "physio"),
        ("the appointment should just say the memory clinic", "the memory clinic"),
        ("the appointment should be on the 14th", None),  # a date
        ("the appointment should be at 10.30", None),  # a time
        ("the appointment time is wrong, change it to 3", None),
        ("change number 2 to swimming", None),  # a goal
        ("it should say the hand clinic", None),  # nothing says it is the appointment
    ],
)
def test_who_the_appointment_is_with_reworded_at_the_read_back(text: str, who: str | None) -> None:
    assert listen.appointment_with_said(text) == who


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("number 1 should say get my sugars down in 6 months", True),
        ("the goal is to do it by the summer", True),
        ("found the letter, its 9th jan at 2", False),
    ],
)
def test_a_date_said_with_a_goal_or_question_is_not_the_appointments(text: str, other: bool) -> None:
    assert listen.names_other_target(text) is other


# --- after the chat has ended ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "signing_off"),
    [
        ("ok lovely x", True),
        ("will do, ta", True),
        ("bye then love", True),
        ("Thank you so much, speak soon", True),
        ("ok can I see my plan", False),
        ("actually the date is wrong", False),
        ("", False),
    ],
)
def test_a_friendly_sign_off(text: str, signing_off: bool) -> None:
    assert listen.signs_off(text) is signing_off


@pytest.mark.parametrize(
    ("text", "goodbye"),
    [
        ("gtg bus", True),
        ("thanks a million", True),
        ("cheers, bye", True),
        ("I'd better go, my taxi is here", True),
        ("ta ra for now", True),
        ("Thank you, that was much easier than I expected. You have been a great help", True),
        ("right I'm off, the kettle's boiled", True),
        ("much appreciated", True),
        ("ok lovely x", True),
        # asking, or putting something right, after the thanks
        ("thanks, but the date is wrong", False),
        ("thanks can I see my plan", False),
        ("thanks, delete everything", False),
        ("bye, actually the date is the 9th", False),
        ("thanks, add one about my garden", False),
        ("tablets", False),
        ("the taxi", False),
    ],
)
def test_a_goodbye_or_thanks_after_the_end(text: str, goodbye: bool) -> None:
    assert listen.says_goodbye(text) is goodbye


@pytest.mark.parametrize(
    ("said", "rest"),
    [
        (
            "what was I saying. oh. a good day is when I remember the names of the birds",
            "a good day is when I remember the names of the birds",
        ),
        ("where was I? oh yes. seeing my daughter", "seeing my daughter"),
        ("now what was I going to say. oh aye, church on a sunday", "church on a sunday"),
        ("sorry ive lost my thread. my garden", "my garden"),
        ("what was i on about.. the grandkids", "the grandkids"),
        # an answer that only sounds like it
        ("where I was born, by the sea", "where I was born, by the sea"),
    ],
)
def test_losing_the_thread_then_the_answer(said: str, rest: str) -> None:
    assert listen.after_losing_the_thread(said) == rest
    assert listen.meta(said) is None
    assert not listen.question_to_bot(listen.after_losing_the_thread(said))
    assert (
        listen.after_losing_the_thread("what I was saying to Pat is I miss it")
        == "what I was saying to Pat is I miss it"
    )


@pytest.mark.parametrize(
    "said",
    ["what was I saying?", "now what was I going to say", "sorry, where was I", "oh. I've lost my thread"],
)
def test_losing_the_thread_alone_gets_the_question_again(said: str) -> None:
    assert listen.meta(said) in {"repeat", "back"}  # the forms say the question again for both


@pytest.mark.parametrize(
    ("said", "help"),
    [
        ("Could the council add a sound to the crossing? Or a volunteer could walk with me.", True),
        ("would a volunteer help?", True),
        ("what about a stairlift", True),
        ("could my daughter come in with me?", True),
        ("can I have a talking meter?", True),
        ("how about physio at home?", True),
        ("maybe the council could fix the path?", True),
        # questions for the care team, even where help is asked about
        ("will my sight get worse?", False),
        ("could you tell me if physio helps?", False),
        ("is it normal to be this tired?", False),
        ("how long is the waiting list?", False),
        ("would it help if I stopped the tablets?", False),
        ("should I stop the tablets?", False),
    ],
)
def test_what_would_help_put_as_a_question(said: str, help: bool) -> None:
    assert listen.suggests_help(said) is help


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("ok. for me. i'm hannah. seeing the practice nurse wednesday 9th about my asthma review", "Hannah"),
        ("helo its for me im Shaz, got the diabetis nurse on tusday 8th", "Shaz"),
        ("need to do this quick on my lunch. me, Priya, physio thurs 10th 1.15 for my knee", "Priya"),
        ("right so its for me. im dave. knee clinic", "Dave"),
        # not names
        ("ok. for me. im knackered. foot clinic", None),
        ("me, myself and my dodgy hip", None),
        ("hello. me, tired as always, physio", None),
    ],
)
def test_the_persons_own_name_after_a_greeting_or_for_me(said: str, name: str | None) -> None:
    heard = listen.hear(said, ["for_whom", "preferred_name"], carer=None)
    assert heard.get("for_whom") == "self"
    assert heard.get("preferred_name") == name


@pytest.mark.parametrize(("said", "name"), [("shaz i sed", "Shaz"), ("its priya like i sed", "Priya")])
def test_a_name_said_again_with_i_said(said: str, name: str) -> None:
    from careplan import interpret

    assert interpret.name(said) == name


@pytest.mark.parametrize(
    ("said", "who"),
    [
        ("need to do this quick on my lunch. me, Priya, physio thurs 10th 1.15 for my knee", "physio"),
        ("hi it's for me, I'm Sam, GP on the 10th about my asthma", "GP"),
        ("eye clinic next tuesday for my mum", "eye clinic"),
        # a clinician named with no appointment
        ("the nurse was lovely last time", None),
        ("my dad was a doctor for 40 years", None),
    ],
)
def test_who_it_is_with_said_just_before_when(said: str, who: str | None) -> None:
    assert listen.clinician(said) == who


# --- dates said in passing (session 22, class 6) ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("evening love, how are you keeping tonight?", None),
        ("morning! how are you this morning", "consent"),
        ("you alright today? hope you're keeping well", None),
        ("I'm up at 7 most days", "appointment_with"),
        ("I want to be walking by christmas", "goal_text"),
        ("hope to be walking the dog by the 14th", "goal_text"),
        ("i want to get to my grandsons wedding on the 20th", "goal_why"),
        ("a good day is tuesday when my daughter visits", "what_matters"),
        ("my daughter comes friday and we go to the shops", "good_day"),
        ("she has dialysis on mondays and wednesdays", "appointment_reason"),
        ("tea at 5 then bed by 9 most nights", "enjoys"),
    ],
)
def test_a_date_said_in_passing_is_not_the_appointments(text: str, asked: str | None) -> None:
    assert listen.appointment_date(text, asked, TODAY) is None


@pytest.mark.parametrize(
    ("text", "asked", "day"),
    [
        ("hi, its for me, seeing the nurse next tuesday", None, date(2026, 12, 8)),
        ("the nurse on the 14th, I'm up at 7 most days so any time", "appointment_with", date(2026, 12, 14)),
        ("oh and the appointment got moved to the 18th", "goal_barriers", date(2026, 12, 18)),
        ("he's got the heart clinic on the 14th, he wants to ask about driving", None, date(2026, 12, 14)),
    ],
)
def test_a_date_about_the_appointment_is_still_heard(text: str, asked: str | None, day: date) -> None:
    when = listen.appointment_date(text, asked, TODAY)
    assert when is not None and when.day == day


def test_a_habit_gives_no_appointment_time() -> None:
    when = listen.dates.when("thursday the 17th, I'm up at 7 most days so any time suits", TODAY)
    assert when is not None and when.day == date(2026, 12, 17) and when.time is None
    timed = listen.dates.When(date(2026, 12, 17), "10:00")
    assert listen.dates.when("thursday the 17th at 10", TODAY) == timed


@pytest.mark.parametrize("text", ["for me dear", "for me love", "for me pet", "for me duck", "for me hun"])
def test_what_people_call_the_bot_is_not_their_name(text: str) -> None:
    heard = hear(text)
    assert heard["for_whom"] == "self" and "preferred_name" not in heard


@pytest.mark.parametrize("text", ["me obviously", "me lol", "me obvs", "for me definitely", "me ofc"])
def test_a_word_said_with_me_is_not_a_name(text: str) -> None:
    assert "preferred_name" not in hear(text)


# --- medical advice: asked for, or only mentioned (session 22, class 8) ----------------------------
@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("should I stop taking them?", True),
        ("what dose should i take of the bisoprolol", True),
        ("can i take paracetamol with my new pills", True),
        ("is it ok to have a drink on these tablets", True),
        ("what do you think, should he come off the statins", True),
        ("how many puffs should she have", True),
        ("the doctor put me on new tablets and they make me dizzy", False),
        ("my gp says its angina", False),
        ("the tablets make me sick so i dont take them every day", False),
        ("maybe a review of the tablets, the amlodipine makes my ankles swell as well", False),
        ("I should take them at night but I forget", False),
        ("my nurse said I can stop the metformin", False),
        ("they want me to start insulin", False),
        ("the water tablets have me running to the loo all night", False),
    ],
)
def test_a_request_for_medical_advice_is_told_from_a_statement(text: str, asks: bool) -> None:
    assert listen.asks_for_advice(text) is asks


# --- several goals in one message, and "and also" later (session 22, class 9) -----------------------
@pytest.mark.parametrize(
    ("text", "goals"),
    [
        (
            "id like to get back to the allotment, sleep thru the night and see the grandkids more",
            ["get back to the allotment", "sleep thru the night", "see the grandkids more"],
        ),
        (
            "I'd like to get back to the allotment, sleep through the night and see more of the grandkids",
            ["get back to the allotment", "sleep through the night", "see more of the grandkids"],
        ),
        (
            "walk the dog, do my own shopping, and get to my sons in leeds",
            ["walk the dog", "do my own shopping", "get to my sons in leeds"],
        ),
        (
            "be able to dress myself, cook a proper meal and go to church on sundays",
            ["dress myself", "cook a proper meal", "go to church on sundays"],
        ),
        (
            "i want to go back to church, and also get out in the garden",
            ["go back to church", "get out in the garden"],
        ),
        (
            "to keep living at home with biscuit, and to get back to her gardening club on wednesdays, she"
            " stopped going cos she got lost on the bus",
            [
                "keep living at home with biscuit",
                "get back to her gardening club on wednesdays, she stopped going cos she got lost on the bus",
            ],
        ),
        (
            "three things really: run a half marathon in the spring without stopping, stop waking up wheezy"
            " at night, and feel less anxious",
            [
                "run a half marathon in the spring without stopping",
                "stop waking up wheezy at night",
                "feel less anxious",
            ],
        ),
        ("get up and down the stairs", []),
        ("walk to the shops and back", []),
        ("see my friends and family", []),
        ("she wants to walk to the park and feed the ducks", []),
    ],
)
def test_goals_in_a_list_are_each_kept(text: str, goals: list[str]) -> None:
    assert listen.several_goals(text) == goals


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "i dont want to rely on my husband for everything and also id like to get back in the pool",
            ("i dont want to rely on my husband for everything", "get back in the pool"),
        ),
        (
            "more physio and a bench half way, oh and also i want to be able to kneel in the garden",
            ("more physio and a bench half way", "kneel in the garden"),
        ),
        (
            "because its good for me. also i would love to dance at the wedding",
            ("because its good for me", "dance at the wedding"),
        ),
        ("and I'd also like to go to the football again", ("", "go to the football again")),
        ("my knees, and also the bus is rubbish", None),
        ("also my daughter", None),
        ("I'd like to go but the bus is awful", None),
    ],
)
def test_and_also_in_a_later_answer_says_another_goal(text: str, found: tuple[str, str] | None) -> None:
    assert listen.another_goal(text) == found


# --- part of a message not to be kept (session 22, listen_o class 6) --------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "my son drinks too much and i worry about him, please dont put that bit in,"
            " mostly i worry about my hip",
            ("mostly i worry about my hip", "my son drinks too much and i worry about him"),
        ),
        (
            "I worry about my hip. My son drinks too much, dont put that in",
            ("I worry about my hip.", "My son drinks too much"),
        ),
        ("the bus. leave that bit out please. my knees mostly", ("my knees mostly", "the bus")),
        ("dont put this in but my husband shouts at me", ("", "my husband shouts at me")),
        ("please dont put that bit in", None),
        ("I don't want to put on weight", None),
        ("I keep that out of the way of the dog", None),
        ("my daughter said don't put that in the bin", None),
    ],
)
def test_a_part_not_to_be_kept_is_left_out(text: str, found: tuple[str, str] | None) -> None:
    assert listen.left_out(text) == found


@pytest.mark.parametrize(
    ("about", "answer", "speaks"),
    [
        ("him", "my son, hes not been right since he lost his job", True),
        ("him", "my hip getting worse", False),
        ("her", "my daughter is moving away", True),
        ("her", "the bus is always late", False),
        ("the bus", "the bus is always late", True),
    ],
)
def test_what_i_said_about_him_finds_the_answer_that_speaks_of_him(
    about: str, answer: str, speaks: bool
) -> None:
    assert listen.speaks_of(about, answer) is speaks


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("why do you need that, its my daughter anyway", ("why do you need that,", "its my daughter anyway")),
        ("why? its my wife obviously", ("why?", "its my wife obviously")),
        ("my garden. why do you ask?", ("why do you ask?", "my garden.")),
        (
            "will the op fix it? my hip, i cant stand for long",
            ("will the op fix it?", "my hip, i cant stand for long"),
        ),
        ("who sees this? my daughter uses the same doctors", None),  # more about who sees it
        ("can you make the letters bigger, I can't read it", None),  # why they ask
        ("why do you need to know that. its a chest appointment", None),  # the appointment, not life
        ("can I get a copy of all this in big print for her? her eyes arent great", None),
        ("is it private? just wondering", None),
        ("why do you need that?", None),
        ("the cat, the garden, my sister", None),
    ],
)
def test_an_answer_beside_a_question_to_the_bot(text: str, split: tuple[str, str] | None) -> None:
    assert listen.answer_beside(text) == split


@pytest.mark.parametrize("text", ["sorry can we go back", "oops go back please", "can you go back a bit"])
def test_go_back_said_with_sorry_or_please(text: str) -> None:
    assert listen.meta(text) == "go_back"


@pytest.mark.parametrize(
    ("text", "who"),
    [("neurologist next month sumtime", "neurologist"), ("physio, tuesday i think", "physio")],
)
def test_a_clinician_named_alone_when_asked(text: str, who: str) -> None:
    assert listen.clinician(text, asked=True) == who
    assert listen.clinician(text) is None  # not asked, and no "seeing": not taken


@pytest.mark.parametrize(
    ("text", "life"),
    [
        ("my kids, and getting out of the house more", True),
        ("my money, I lost my job and cant pay the gas", True),
        ("his grandkids and going to the mosque on fridays", True),
        ("running again and my friends, since the break up they've been everything", True),
        ("Mrs Jones", False),
        ("my diabetes review", False),
        ("the lady who does my bloods", False),
        ("the eye place in town", False),
        ("the wheelchair service", False),
        ("the asthma nurse", False),
    ],
)
def test_what_matters_said_where_another_question_was_asked(text: str, life: bool) -> None:
    assert listen.tells_what_matters(text) is life


# --- an answer meant for the question before -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "meant_before"),
    [
        ("sorry that was meant for the last question", True),
        ("oops, that should have gone in the previous one", True),
        ("I was still answering the one before", True),
        ("that was for the question before", True),
        ("that answer was for the last question sorry", True),
        ("whoops that belongs to the previous question", True),
        # not about where the answer goes
        ("it was meant for the other one", False),
        ("the last question was hard", False),
        ("go back to the last question", False),
        ("that was the last time I went", False),
    ],
)
def test_an_answer_meant_for_the_question_before(text: str, meant_before: bool) -> None:
    assert listen.meant_for_before(text) is meant_before


@pytest.mark.parametrize(
    ("text", "goal", "words"),
    [
        ("change the first goal to walking the dog", "first", "walking the dog"),
        ("can you change the first one to walking the dog please", "first", "walking the dog"),
        ("put walking the dog instead of the first one", "the first one", "walking the dog"),
        ("swap the first goal for walking the dog", "the first goal", "walking the dog"),
        ("replace number 2 with getting to the shops", "number 2", "getting to the shops"),
        ("swap the second one with: seeing my sister", "the second one", "seeing my sister"),
    ],
)
def test_a_goal_reworded_at_the_read_back_in_plain_words(text: str, goal: str, words: str) -> None:
    assert listen.correction(text) == listen.Correction("change_goal", words, goal)
    assert listen.correction("I want to swap my tablets for the patches") is None


@pytest.mark.parametrize(
    "text",
    [
        "i literally just told you??",
        "i already said that?? my garden",
        "did i not just say?? walking the dog",
    ],
)
def test_i_told_you_with_a_question_mark_is_no_question(text: str) -> None:
    # tester33, Aisha: "i literally just told you??" was noted as a question for her GP
    assert not listen.question_to_bot(text)
