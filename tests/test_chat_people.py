"""What five new people hit when chatting with the bot (session 25, listen_chat), by class,
each said more than one way: the goal being told made the main one with a question or a
comparison, a goal named by a word autocorrect swapped for one that sounds the same,
"today" said of how someone is, a day of the month in words with its time, and an NHS
number said in number words. Pure functions, no servers."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, identity, listen, readback
from careplan.dictation import punctuate

TODAY = date(2026, 12, 3)  # a Thursday


@pytest.mark.parametrize(
    "text, goal",
    [
        ("actually that ones more important than the weight one, can that be the main one", "that"),
        ("can that be the main one", "that"),
        ("could this be the top one?", "this"),
        ("I think that should be the main one actually", "that"),
        ("that one matters more to me than the first one", "that"),
        ("let that one be the main thing please", "that"),
        ("can the walking one be the main one?", "walking"),
        ("the dog one matters most to her", "the dog"),
    ],
)
def test_the_main_one_asked_for_or_said_to_matter_more(text: str, goal: str) -> None:
    fix = listen.correction(text)
    assert fix == listen.Correction("main_goal", None, goal=goal)


@pytest.mark.parametrize(
    "text",
    [
        "can she be the main carer for him",
        "that ones more about her legs really",
        "my daughter could be the main contact",
    ],
)
def test_main_and_more_said_of_other_things_are_no_change(text: str) -> None:
    fix = listen.correction(text)
    assert fix is None or fix.kind != "main_goal"


GOALS = [
    {
        "id": 1,
        "title": "Lose some wait before the choir trip",
        "text": "to lose some wait before the choir trip",
    },
    {"id": 2, "title": "Walking up to chapel", "text": "walking up to chapel"},
    {"id": 3, "title": "Legs less week", "text": "my legs less week"},
]


@pytest.mark.parametrize(
    "said, goal",
    [
        ("the weight one", 1),
        ("make the weight one the main one", 1),
        ("losing weight", 1),
        ("the weak legs", 3),
    ],
)
def test_a_goal_named_by_a_word_that_sounds_like_its_own(said: str, goal: int) -> None:
    assert listen.match_goal(said, GOALS) == goal


@pytest.mark.parametrize(
    "text",
    [
        "she asked me 2 do it cos her hands r bad today",
        "shes having a bad day today so im typing for her",
        "hes too tired tonight to type",
        "her eyes are bad this morning so I'm doing it",
    ],
)
def test_today_said_of_how_someone_is_is_not_the_appointment(text: str) -> None:
    assert listen.appointment_date(text, "carer_basis", TODAY) is None


@pytest.mark.parametrize(
    "text, time",
    [
        ("its for mum, shes seeing the nurse today at 3", "15:00"),
        ("hi, Ive got my review today", None),
        ("shes not great today, the GP is this afternoon", None),
        ("its today", None),
        ("we go in today for her bloods", None),
    ],
)
def test_today_said_of_the_visit_is_the_appointment(text: str, time: str | None) -> None:
    assert listen.appointment_date(text, "carer_basis", TODAY) == dates.When(TODAY, time)


@pytest.mark.parametrize(
    "text, day, time",
    [
        ("the twenty third at ten past two", 23, "14:10"),
        ("on the ninth at about half past ten", 9, "10:30"),
        ("the fifth at 9", 5, "09:00"),
    ],
)
def test_a_day_of_the_month_in_words_with_its_time(text: str, day: int, time: str) -> None:
    found = dates.when(text, TODAY)
    assert found is not None and (found.day.day, found.time) == (day, time)


@pytest.mark.parametrize("text", ["the first few times at ten past two", "the second goal at ten"])
def test_an_ordinal_that_counts_is_still_no_date(text: str) -> None:
    assert dates.when(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "nine four three four seven six five nine one nine",
        "its nine four three, four seven six, five nine one nine",
        "Nine. Four. Three. Four seven six. Five nine one nine.",
        "nine four three four seven six five nine one nine full stop",
    ],
)
def test_an_nhs_number_said_in_number_words(text: str) -> None:
    assert identity.nhs_number(text) == "9434765919"


@pytest.mark.parametrize(
    "text, written",
    [
        ("oh one six three two double nine", "0163299"),
        ("one more thing", "one more thing"),
        ("I have one or two", "I have one or two"),
    ],
)
def test_digits_said_as_words_are_written_only_in_a_run(text: str, written: str) -> None:
    assert identity.digits_said(text) == written


def test_a_wrong_nhs_number_said_in_words_is_a_typo_not_something_else() -> None:
    said = "nine four three four seven six five nine one eight"
    assert identity.nhs_number(said) is None and identity.looks_like_nhs_number(said)


@pytest.mark.parametrize("name", ["Karim Haddad", "Jim Smith", "Ibrahim Khan", "Tim Evans", "Maxim Gorky"])
def test_a_full_name_with_im_inside_a_word_is_kept_whole(name: str) -> None:
    # "im" in "Karim" is not "I'm": the name was cut to "Kar"
    assert identity.without_own_name(name) == name


@pytest.mark.parametrize(
    "text, theirs",
    [
        ("Bridget Anne Cole. And I'm Harold Cole.", "Bridget Anne Cole"),
        ("Kim Lee and im his wife", "Kim Lee"),
    ],
)
def test_the_writers_own_name_after_the_persons_still_goes(text: str, theirs: str) -> None:
    assert identity.without_own_name(text) == theirs


@pytest.mark.parametrize(
    "said, written",
    [
        ("question mark can i get a stronger inhaler question mark", "Can I get a stronger inhaler?"),
        ("new line my knees full stop", "My knees."),
        ("full stop i was in the navy full stop", "I was in the navy."),
    ],
)
def test_a_mark_said_before_any_words_is_none(said: str, written: str) -> None:
    assert punctuate(said) == written


def test_the_read_back_has_no_stop_between_who_and_when() -> None:
    plan = {
        "subject": {"preferred_name": "Harold"},
        "recorded_by": {"role": "self"},
        "appointment": {"with": "Doctor banner jee at the surgery.", "date": "2026-12-23", "time": "14:10"},
        "goals": [],
        "questions": None,
    }
    assert "at the surgery, Wednesday 23 December" in readback.plan_text(plan).splitlines()[1]
