"""Session 33 (listen_kind33): understanding and kindness, from the s32 tester's real people, in
other people's words. Each class has a conversation (tests/conversations/messy_s33c_*.yml)."""

from __future__ import annotations

import pytest

from careplan import interpret, listen
from careplan.reflect import EXHAUSTION, LOSS, feeling, whose

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "honestly not great. sometimes i sit in the car and cry. but what can you do",
        "i end up crying in the bath most nights",
        "some nights i just sit on the stairs and sob",
        "I go in the garden and weep where he can't see",
    ],
)
def test_crying_told_is_heard(text: str) -> None:
    assert feeling(text) == EXHAUSTION
    assert whose(text) == "me"


@pytest.mark.parametrize(
    "text",
    ["i dont cry", "i try not to cry in front of him", "the shed is crying out for a coat of paint"],
)
def test_crying_denied_or_a_figure_of_speech_is_not(text: str) -> None:
    assert feeling(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "bereavement group maybe",
        "grief counselling would help",
        "the widows' lunch club at church",
        "the bereavement nurse from the hospice",
        "a bereavement cafe on a tuesday",
    ],
)
def test_a_help_named_is_not_a_loss_told(text: str) -> None:
    assert feeling(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i was widowed last year",
        "since my wife died i go to a bereavement group",
        "I'm still grieving for him",
    ],
)
def test_a_loss_told_beside_a_help_is_still_heard(text: str) -> None:
    assert feeling(text) == LOSS


@pytest.mark.parametrize("said", ["wait", "Wait.", "help", "sorry", "what", "why", "ok", "hmm", "test"])
def test_a_word_said_alone_is_not_a_name(said: str) -> None:
    assert interpret.name(said) is None


@pytest.mark.parametrize(
    ("said", "called"),
    [("trevor", "Trevor"), ("Will", "Will"), ("hope", "Hope"), ("pat", "Pat"), ("di", "Di"), ("Mo", "Mo")],
)
def test_a_name_said_alone_is_still_a_name(said: str, called: str) -> None:
    assert interpret.name(said) == called


@pytest.mark.parametrize("said", ["wait", "just wait", "hang on", "wait there"])
def test_wait_alone_is_a_pause(said: str) -> None:
    assert listen.meta(said) == "away"


@pytest.mark.parametrize("said", ["wait, no, the 12th", "the wait is too long", "wait what"])
def test_wait_in_a_sentence_is_not_a_pause(said: str) -> None:
    assert listen.meta(said) != "away"


@pytest.mark.parametrize(
    "said",
    [
        "We had one of those years ago. Nothing came of it.",
        "we had one in 2019 but it didnt help",
        "had one a few years back, total waste of time",
        "we had one ages ago and never heard anything back",
    ],
)
def test_a_past_one_that_came_to_nothing_is_a_need(said: str) -> None:
    assert interpret.had_one(said)
    assert interpret.came_to_nothing(said)


@pytest.mark.parametrize(
    "said",
    ["already had one in the summer thanks", "had one last year, they were very good", "we've had it done"],
)
def test_a_past_one_that_helped_is_not(said: str) -> None:
    assert interpret.had_one(said)
    assert not interpret.came_to_nothing(said)


@pytest.mark.parametrize("said", ["go on then", "yeah why not", "ok go on", "yes please", "sounds good"])
def test_acceptance_words_are_not_content(said: str) -> None:
    assert interpret.bare_yes(said)


@pytest.mark.parametrize(
    "said", ["yes please, the lifting is hard", "yes please I need a break", "no thanks"]
)
def test_a_yes_with_something_in_it_is_content(said: str) -> None:
    assert not interpret.bare_yes(said)


@pytest.mark.parametrize(
    ("said", "whose"),
    [
        ("whats a local group", "support"),
        ("what counts as support", "support"),
        ("what counts as a good day", "good_day"),
        ("what do u mean by hard days", "strengths"),
        ("what do you mean by help then", "goal_help"),
    ],
)
def test_the_chats_own_words_are_found_in_its_questions(said: str, whose: str) -> None:
    assert listen.whose_words_asked(said) == whose


@pytest.mark.parametrize("said", ["what does titrate mean", "whats your name?", "what is the date"])
def test_other_words_are_not_the_chats(said: str) -> None:
    assert listen.whose_words_asked(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "Who will see all this? I don't want Ken reading about the bruises",
        "who reads this. i dont want Dot to know about the falls",
        "will Dot be able to read it?",
    ],
)
def test_the_person_named_as_a_reader_is_someone_at_home(said: str) -> None:
    assert listen.who_is_asked_about(said, ["Ken", "Dorothy Evans", "Dot"]) == ("family",)


def test_someone_on_the_care_team_named_is_not() -> None:
    assert listen.who_is_asked_about("can Dr Okafor see it", ["Sam"]) == ()


@pytest.mark.parametrize(
    "said",
    [
        "dunno. shes all i got since the wife went",
        "its just me and the cat since the missus went",
        "it gets me out. the house is quiet since the wife went last year",
    ],
)
def test_someone_gone_since_is_a_loss(said: str) -> None:
    assert feeling(said) == LOSS


@pytest.mark.parametrize(
    "said", ["since my wife went to hospital", "since the kids went back to school", "since the pain went"]
)
def test_going_somewhere_is_not(said: str) -> None:
    assert feeling(said) != LOSS
