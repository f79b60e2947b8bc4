"""Questions about the chat itself, and clear answers in words (issue 12, C14 and C16):
careplan.listen's reading of them, careplan.interpret's yes and no, and a date of birth
given as a year (careplan.identity)."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import identity, interpret, listen


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("is this just a box ticking exercise?", "faq_box_ticking"),
        ("Is this another box ticking exercise?", "faq_box_ticking"),
        ("is this a tick box thing for the hospital", "faq_box_ticking"),
        ("can I stop and come back later?", "faq_come_back"),
        ("Can I finish this another day if I get tired?", "faq_come_back"),
        ("can i save it and carry on tomorrow", "faq_come_back"),
        ("do i have to do it all now", "faq_come_back"),
        ("am i talking to a robot", "faq_real_person"),
        ("Am I talking to a real person dear?", "faq_real_person"),
        ("is this a real person or a computer", "faq_real_person"),
        ("u already asked that??", "asked_already"),
        ("you've asked me that already", "asked_already"),
        ("ugh you already asked that lol", "asked_already"),
        ("does her GP get to see this tho?", "faq_who_sees"),
        ("how long is this going to take", "faq_how_long"),
    ],
)
def test_questions_about_the_chat_are_heard(text: str, intent: str) -> None:
    assert listen.meta(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "the council visit was just box ticking",
        "can i stop taking my tablets later",
        "the nurse already asked me that",
        "u already asked that?? films",  # an answer, with a word about being asked again
        "i want to walk to the shop and come back on my own",
    ],
)
def test_answers_are_not_questions_about_the_chat(text: str) -> None:
    assert listen.meta(text) not in {"faq_box_ticking", "faq_come_back", "asked_already"}


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("yes ok. does her GP get to see this tho?", ("yes ok.", "does her GP get to see this tho?")),
        ("PHYSIO. I said. how long is this going to take", ("PHYSIO.", "how long is this going to take")),
        ("the physio, how long will this take", ("the physio", "how long will this take")),
        ("my garden. is this a real person?", ("my garden.", "is this a real person?")),
        ("who sees this? my daughter uses the same doctors", None),
        ("how long is this going to take", None),
    ],
)
def test_an_answer_with_a_question_about_the_chat_after_it(text: str, split: tuple[str, str] | None) -> None:
    assert listen.chat_question_after(text) == split


@pytest.mark.parametrize(
    ("text", "asked", "word"),
    [
        ("What is a carer's assessment? Will it cost us anything?", None, "carers_assessment"),
        ("whats a carers assessment", "carer_help", "carers_assessment"),
        ("Will it cost us anything?", "carer_assessment", "carers_assessment"),
        ("is it free?", "carer_assessment", "carers_assessment"),
        ("what does power of attorney mean", "carer_basis", "power_of_attorney"),
        ("what's best interests mean?", "carer_basis", "best_interests"),
        ("yes please, can i have a carers assessment", "carer_assessment", None),
        ("will it cost much to get a stairlift", "goal_help", None),
        ("what does titrate mean?", "questions", None),
        # English as a second language, at the carer's assessment question (set6_06)
        ("what is this assessment? is cost money?", "carer_assessment", "carers_assessment"),
        ("does it cost money", "carer_assessment", "carers_assessment"),
        ("whats the assessment", "carer_assessment", "carers_assessment"),
        ("whats the assessment", "goal_help", None),
        # the chat's everyday words, asked what they mean (tester s31: "draft" got the medical line)
        ("what does draft plan mean", "share_plan", "draft"),
        ("what do you mean by 'draft'?", "review_choice", "draft"),
        ("whats a goal?", "goal_text", "goal"),
        ("what is the care team", "share_plan", "care_team"),
        ("what does sharing mean exactly", "share_plan", "share"),
        ("what's the read back?", "review_choice", "read_back"),
        # other questions with those words in them
        ("whats the plan for my knee?", "questions", None),
        ("what happens if I share it", "share_plan", None),
        ("what is my goal", "review_choice", None),
    ],
)
def test_the_chats_own_words_are_explained_not_medical_ones(
    text: str, asked: str | None, word: str | None
) -> None:
    assert listen.our_word(text, asked) == word


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("I just told you. Yes please note that I would like one.", True),
        ("i already asked for one above! yes", True),
        ("No. Yes, I would like one then.", True),
        ("ye she said i could do it cos she gets tired typing", True),
        ("Yes. No rush though.", True),
        ("no. not yet", False),
        ("I don't know. Good question.", None),
        ("Not really. Good question though", False),
    ],
)
def test_a_yes_or_no_said_in_words(text: str, answer: bool | None) -> None:
    assert interpret.yes_no(text) is answer


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1941", 1941),
        ("born in 1941", 1941),
        ("41", None),
        ("3rd may 1941", None),
        ("2031", None),
        ("1899", None),
    ],
)
def test_a_date_of_birth_given_as_a_year_alone(text: str, year: int | None) -> None:
    assert identity.birth_year(text, date(2026, 12, 3)) == year


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("hiya its for my mum kerry she has MS. im 14 lol", 14),
        ("im in year 9", 14),
        ("i'm 15 years old", 15),
        ("I'm 76 and not as young as I was", 76),
        ("im 2 stone heavier than last year", None),
        ("I'm 8th in the queue", None),
        ("i'm 5 foot nothing", None),
        ("she's 14", None),
    ],
)
def test_the_writers_own_age_said_in_passing(text: str, age: int | None) -> None:
    assert identity.own_age(text) == age


@pytest.mark.parametrize(
    ("text", "says"), [("wait.", False), ("ok.", False), ("PHYSIO.", True), ("my garden.", True)]
)
def test_only_words_of_an_answer_say_something(text: str, says: bool) -> None:
    assert listen.says_something(text) is says
