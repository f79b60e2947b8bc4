"""Reading what people say: dates, goal titles and domains, names, yes and no,
and which question comes next."""

from __future__ import annotations

from datetime import date

import pytest

from actions import flow
from careplan import interpret, listen
from careplan.dates import resolve
from careplan.titles import MAX_TITLE_CHARS, classify, short_title

SUNDAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("next Thursday", date(2026, 11, 26)),
        ("the 3rd of next month", date(2026, 12, 3)),
        ("tomorrow", date(2026, 11, 23)),
        ("on tuesday at 10", date(2026, 11, 24)),
        ("14/12", date(2026, 12, 14)),
        ("3rd of March", date(2027, 3, 3)),
        ("March 3rd 2027", date(2027, 3, 3)),
        ("in 2 weeks", date(2026, 12, 6)),
        ("Thursday week", date(2026, 12, 3)),
        ("the 5th", date(2026, 12, 5)),
        ("28th Nov", date(2026, 11, 28)),
        ("Dr Patel, friday morning", date(2026, 11, 27)),
    ],
)
def test_dates_resolve_against_today(said: str, meant: date) -> None:
    assert resolve(said, SUNDAY) == meant


@pytest.mark.parametrize("said", ["dunno yet", "they haven't told me", "soon", "31/02"])
def test_unclear_dates_are_not_guessed(said: str) -> None:
    assert resolve(said, SUNDAY) is None


@pytest.mark.parametrize(
    ("sentence", "title", "domain"),
    [
        ("I want to work on my allotment again", "Work on my allotment again", "hobbies"),
        ("Id really love to be able to walk to the shop and back", "Walk to the shop and back", "mobility"),
        ("she would like to see her grandkids more. They live in Leeds.", "See her grandkids more", "family"),
        (
            "I wish I could sleep through the night without pain",
            "Sleep through the night without pain",
            "health",
        ),
        (
            "Mum wants to stay in her own home as long as possible",
            "Stay in her own home as long as possible",
            "home",
        ),
        ("More help with his tablets", "More help with his tablets", "medicines"),
    ],
)
def test_goal_titles_come_from_the_persons_own_words(sentence: str, title: str, domain: str) -> None:
    assert short_title(sentence) == title
    assert classify(sentence) == domain


def test_titles_stay_short() -> None:
    title = short_title(
        "I would like to go swimming again with my friend Jean on a Tuesday morning"
        " at the leisure centre in town"
    )
    assert len(title) <= MAX_TITLE_CHARS + 1 and title.endswith("…")


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("call me Peg", "Peg"),
        ("margaret", "Margaret"),
        ("Margaret but everyone calls her Peggy", "Peggy"),
        ("I'd rather you called me Mrs Jones", "Mrs Jones"),
        ("Zoë", "Zoë"),
    ],
)
def test_names(said: str, name: str) -> None:
    assert interpret.name(said) == name


def test_yes_no_relationship_and_basis() -> None:
    assert [interpret.yes_no(t) for t in ["yes please", "Yeah go on", "no thanks", "nah", "maybe"]] == [
        True,
        True,
        False,
        False,
        None,
    ]
    assert interpret.relationship("I'm her daughter") == "daughter"
    assert interpret.relationship("she's my mum") == "son or daughter"
    assert interpret.basis("I have lasting power of attorney") == "lpa"
    assert interpret.basis("she can't really take part") == "best_interests"
    assert interpret.basis("she cant understand it any more") == "best_interests"
    assert interpret.basis("he's too confused to decide now") == "best_interests"
    # any "can't" is not "can't take part": he knows, he just can't use the tablet
    assert interpret.basis("yes he knows, he can't manage the tablet himself") == "agreed"
    assert interpret.basis("hmm") is None
    # a power of attorney for money only is not for health and welfare (tester33, Tom)
    assert interpret.basis("we've got power of attorney but just the finance one, not health") != "lpa"
    assert interpret.basis("she knows. i have lpa for her property and bills") == "agreed"
    assert interpret.basis("I have power of attorney for health and welfare, not the money one") == "lpa"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a word before the yes or no ("well", "oh", "um"), and the older ways of saying yes
        ("Well, yes, I suppose", True),
        ("oh yes go on then", True),
        ("um yeah ok", True),
        ("very well", True),
        ("Certainly.", True),
        ("by all means dear", True),
        ("yes indeed", True),
        ("that's grand", True),
        ("well, no, not today", False),
        ("erm no thanks", False),
        # still not a yes or a no
        ("well my daughter set it up for me", None),
        ("oh dear, I'm not sure", None),
        ("very tired today", None),
    ],
)
def test_a_yes_or_no_after_a_filler_word(text: str, said: bool | None) -> None:
    assert interpret.yes_no(text) is said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a yes given grudgingly, or a no taken back (tester s31: Stan, stuck at the read-back)
        ("it'll do", True),
        ("that will have to do", True),
        ("fair enough", True),
        ("if I must", True),
        ("ok, whatever", True),
        ("nah. ok then, whatever", True),
        ("no. go on then, share it", True),
        ("Nah. Alright then, send it", True),
        ("well i said no but the wife says i have to. go on then", True),
        ("I said no, but my son says I should. fine then", True),
        # a no thanks stays a no
        ("no, that'll do", False),
        ("no its fine", False),
        ("no, go on to the next one", False),
    ],
)
def test_a_grudging_yes_or_a_no_taken_back_is_a_yes(text: str, said: bool) -> None:
    assert interpret.yes_no(text) is said
    assert listen.share_answer(text) is said
    assert (listen.review_choice(text) is not None) is said


def test_carers_are_asked_about_the_person_and_then_about_themselves() -> None:
    own = flow.care_questions({"for_whom": "self"})
    carer = flow.care_questions({"for_whom": "carer"})
    assert "person_name" not in own and "carer_coping" not in own
    assert carer[:6] == flow.CARER_INTRO and carer[-3:] == flow.CARER_NEEDS
    skipped_goal = flow.care_questions({"for_whom": "self", "goal_text": flow.SKIPPED})
    assert "goal_why" not in skipped_goal and "another_goal" in skipped_goal


def test_going_back_finds_the_last_question_still_asked() -> None:
    questions = flow.care_questions({"for_whom": "self"})
    assert flow.previous_answered(["for_whom", "preferred_name", "what_matters"], questions) == "what_matters"
    assert flow.previous_answered(["person_name"], questions) is None


@pytest.mark.parametrize(
    ("text", "unsure"),
    [
        ("idk", True),
        ("dunno tbh", True),
        ("I don't know yet", True),
        ("not sure really", True),
        ("no idea sorry", True),
        ("idk maybe a magnifier lamp", False),  # an answer, however unsure
        ("not sure what they'll say about my knees", False),
        ("I know exactly", False),
    ],
)
def test_i_dont_know_is_the_whole_message_or_nothing(text: str, unsure: bool) -> None:
    assert interpret.dont_know(text) is unsure


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("dont know. stick maybe", True),
        ("not sure, a perching stool in the kitchen?", True),
        ("idk. my sister maybe?", True),
        ("no idea. the bus pass people perhaps", True),
        ("dunno", False),
        ("I dont know what would help", False),
        ("no idea really, sorry love", False),
        ("I really don't know, nothing I can think of", False),
    ],
)
def test_unsure_with_an_answer_in_it(text: str, answer: bool) -> None:
    assert interpret.unsure_with_an_answer(text) is answer


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("I JUST TOLD YOU. THE FREEZING", "THE FREEZING"),
        ("the foot clinic, i said", "the foot clinic"),
        ("heart failure clinic like I said", "heart failure clinic"),
        ("as I said, my knees", "my knees"),
        ("fishing with my grandson, told you", "fishing with my grandson"),
        ("I just asked you that. The rehab thing.", "The rehab thing."),
        ("my daughter told you that", "my daughter told you that"),  # she did: it's the answer
        ("my son said he'd help", "my son said he'd help"),
        ("I told you", "I told you"),  # nothing else: kept as it is
    ],
)
def test_what_is_said_to_the_bot_about_asking_again_is_not_the_answer(text: str, answer: str) -> None:
    assert interpret.without_complaint(text)[0] == answer


@pytest.mark.parametrize(
    ("text", "answer", "aside"),
    [
        ("the eye clinic. would that do?", "the eye clinic.", "checking"),
        ("swimming on a tuesday. hope that's ok", "swimming on a tuesday.", "checking"),
        ("my knee. are you actually reading this. you're hopeless", "my knee.", "protest"),
        ("I've said already. the podiatrist. for heaven's sake", "the podiatrist.", "told"),
        ("knitting. did you get the date change?", "knitting.", "checking"),
        ("is it ok to drive after the injection?", "is it ok to drive after the injection?", None),
        ("does it matter if I'm late?", "does it matter if I'm late?", None),
        ("have you got a hearing loop?", "have you got a hearing loop?", None),
        ("is that enough?", "is that enough?", None),  # nothing else: the form answers it
    ],
)
def test_asking_if_it_will_do_or_a_protest_is_not_the_answer(
    text: str, answer: str, aside: str | None
) -> None:
    assert interpret.without_complaint(text) == (answer, aside)


@pytest.mark.parametrize("text", ["not yet, I want to check with Jim first", "not rn sorry", "maybe later"])
def test_not_yet_is_a_no_for_now(text: str) -> None:
    assert interpret.yes_no(text) is False


@pytest.mark.parametrize(
    ("text", "none"),
    [
        ("nothing im good", True),
        ("Nothing else for him", True),
        ("no thats all for now", True),
        ("nooo, that's everything thanks", True),
        ("not really", True),
        ("Please", False),
        ("I'm good", False),  # how someone is coping, not "none"
        ("not good at all", False),
        ("everything", False),
        ("all of it", False),
        ("nothing beats a walk by the sea", False),
    ],
)
def test_nothing_more_is_the_whole_message(text: str, none: bool) -> None:
    assert interpret.means_none(text) is none
    if none:
        assert interpret.yes_no(text) is False  # "nothing else, thanks" to "something else?"


@pytest.mark.parametrize(
    ("said", "had"),
    [
        ("already had one in the summer thanks", True),
        ("oh we did one of those back in april ta", True),
        ("had one last year, they were very good", True),
        ("we've had it done", True),
        ("never had one", False),
        ("I haven't had one yet", False),
        ("I have to do it all myself", False),
        ("yes please", False),
    ],
)
def test_having_had_what_is_offered_already(said: str, had: bool) -> None:
    assert interpret.had_one(said) is had


@pytest.mark.parametrize(
    ("text", "same"),
    [
        ("SAME AS BEFORE", True),
        ("same as the last one", True),
        ("ditto", True),
        ("same reason as before really", True),
        ("same old problems with my breathing", False),
        ("the same people, my wife and son", False),
        ("same as my mum had", False),
    ],
)
def test_same_as_before_points_at_the_earlier_answer(text: str, same: bool) -> None:
    assert interpret.same_as_before(text) is same


@pytest.mark.parametrize(
    "text", ["ye she said i could cos she gets tired typing", "yeah hes fine with it", "he said we should"]
)
def test_a_carers_yes_in_their_own_words_is_agreed(text: str) -> None:
    assert interpret.basis(text) == "agreed"


@pytest.mark.parametrize(
    ("text", "full", "expected"),
    [
        ("he is my father in law Mr Chen", False, "Mr Chen"),
        ("call him Mr Chen", False, "Mr Chen"),
        ("Gwen Hughes speaking", True, "Gwen Hughes"),
        ("this is Harold Bennett speaking", True, "Harold Bennett"),
    ],
)
def test_a_name_with_its_title_or_said_as_on_the_phone(text: str, full: bool, expected: str) -> None:
    assert interpret.name(text, full=full) == expected


@pytest.mark.parametrize("said", interpret.YES_WORDS.split("|"))
def test_each_way_of_typing_yes_is_a_yes_everywhere(said: str) -> None:
    assert interpret.yes_no(said) is True
    assert interpret.yes_no(f"No. {said}, I would like one then") is True  # changed their mind
    assert not listen.says_something(said) and not listen.says_something(f"{said} please")
    assert listen.content_after_yes(f"{said}, the garden") == "the garden"


def test_ya_is_a_yes_only_at_the_start() -> None:
    assert interpret.yes_no("ya") is True
    assert listen.share_answer("see ya, I'd rather not") is False


@pytest.mark.parametrize(
    "said",
    [
        *("Roger.", "Roger that", "Affirmative.", "Wilco", "Copy that.", "10-4", "Righto", "Will do sir"),
        *("aye go on", "gan on then", "ok ta", "nae bother", "Crack on", "By all means", "no problem"),
        *("No worries", "I don't mind", "don't mind at all.", "Roger. Share it.", "Copy. Go ahead"),
    ],
)
def test_yes_in_other_words_is_a_yes(said: str) -> None:
    """Clipped, military, regional and polite ways of saying yes (set10_07)."""
    assert interpret.yes_no(said) is True


@pytest.mark.parametrize(
    "said",
    [
        *("Neg.", "Negative", "Negatory", "negative, ta", "Nae", "I'd rather not", "I'll pass thanks"),
        *("Not today thanks", "no can do", "nah mate", "no, not now", "nope", "noooo", "not for me"),
    ],
)
def test_no_in_other_words_is_a_no(said: str) -> None:
    assert interpret.yes_no(said) is False


@pytest.mark.parametrize(
    "said",
    [
        *("Up 0600. Walk dog. Allotment. No drink.", "No drink. Up at six.", "no family nearby"),
        *("Never been better", "don't drink, walk a lot", "Negative thoughts mostly", "Roger and Pat"),
        *("Copy of my letter", "no problems with the stairs", "not much, the telly", "No pain. Garden."),
    ],
)
def test_a_no_or_yes_word_inside_an_answer_is_neither(said: str) -> None:
    """ "No drink" is what they told, not a no: at the consent question it must never end the chat."""
    assert interpret.yes_no(said) is None
