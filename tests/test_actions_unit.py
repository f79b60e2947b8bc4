"""Actions run on a tracker built by hand, as Rasa's financial-demo tests its actions.

No Rasa and no action server: a rasa_sdk ``Tracker``, a ``CollectingDispatcher``,
and the action's own ``run``. We check the events it returns and the messages
it sends. Actions that store something use a real SQLite care-plan file.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common, corrections, hook, moves
from careplan.store import Store

SENDER = "unit-sender"


def tracker(
    text: str = "hello",
    intent: str = "inform",
    *,
    slots: dict[str, Any] | None = None,
    form: str | None = None,
    said_before: list[str] = (),
    sender: str = SENDER,
) -> Tracker:
    """A tracker as the action server receives it: slots, the latest message, recent events."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    events = [{"event": "user", "text": earlier} for earlier in said_before]
    events.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker(
        sender_id=sender,
        slots=dict(slots or {}),
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": form} if form else {},
        latest_action_name="action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> list[str | None]:
    return [message.get("response") for message in dispatcher.messages]


def run(action: Any, tracked: Tracker) -> tuple[list[dict[str, Any]], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracked, {})
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    return result, dispatcher


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The actions' store on a fresh SQLite file (DATABASE_URL, as the action server reads it)."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'careplan.db'}")
    common.store.cache_clear()
    yield common.store()
    common.store.cache_clear()


# -- moves ----------------------------------------------------------------------------
def test_hello_before_consent_introduces_the_bot() -> None:
    events, said = run(moves.ActionStart(), tracker("hi", "greet"))
    assert responses(said) == ["utter_intro", "utter_purpose"]
    assert events == [SlotSet("stage", "consent")]


def test_a_hello_with_content_is_said_back_before_consent(plans: Store) -> None:
    said_first = "hiya its Priya here, got the asthma nurse friday the 11th about my inhaler, its for me"
    events, said = run(moves.ActionStart(), tracker(said_first, "greet"))
    assert responses(said) == ["utter_intro_named", "utter_purpose", "utter_heard_before"]
    assert said.messages[0]["name"] == "Priya"
    assert "the asthma nurse" in said.messages[2]["heard"] and "your inhaler" in said.messages[2]["heard"]
    assert events == [SlotSet("stage", "consent")]
    assert plans.latest_plan_id(SENDER) is None  # nothing is stored before they agree


def test_a_carers_hello_greets_without_the_persons_name() -> None:
    events, said = run(
        moves.ActionStart(), tracker("hello, it's for my mum Edna, she sees the falls nurse", "greet")
    )
    assert responses(said) == ["utter_intro", "utter_purpose", "utter_heard_before"]


def test_a_name_and_what_they_are_called_are_said_back_as_one() -> None:
    said_first = (
        "im doing this for my dad Kenneth Hughes, everyone calls him Ken. hes seeing the nurse on 9th"
    )
    _, said = run(moves.ActionStart(), tracker(said_first, "greet"))
    assert said.messages[2]["heard"].startswith("Kenneth Hughes, known as Ken, the nurse, ")


def test_hello_after_the_plan_is_done_welcomes_back() -> None:
    events, said = run(moves.ActionStart(), tracker("hi", "greet", slots={"stage": "done"}))
    assert responses(said) == ["utter_welcome_back_done"]
    assert events == []


def test_a_copy_needs_a_plan() -> None:
    events, said = run(moves.ActionSendCopy(), tracker("send me a copy", "ask_copy"))
    assert responses(said) == ["utter_nothing_to_show"]
    assert events == []


def test_a_copy_is_a_large_print_document() -> None:
    events, said = run(moves.ActionSendCopy(), tracker("send me a copy", "ask_copy", slots={"plan_id": 4}))
    assert responses(said) == ["utter_copy", None]
    assert said.messages[1]["custom"] == {"document": "plan_pdf", "large_print": True}
    assert events == []


def test_an_faq_question_gets_its_own_answer_and_anything_else_help() -> None:
    _, said = run(
        moves.ActionInterrupt(), tracker("who sees this?", "faq_who_sees", slots={"stage": "questions"})
    )
    assert responses(said) == ["utter_faq_who_sees"]
    _, said = run(moves.ActionInterrupt(), tracker("what can I do?", "help", slots={"stage": "questions"}))
    assert responses(said) == ["utter_help"]


def test_a_first_message_the_nlu_hears_as_a_question_is_a_hello() -> None:
    # "my granddaughter told me to do this" read as faq_who_sees (0.85): the hello, not the answer
    opening = "Hello, my name is Joan. My granddaughter told me to do this before I see the practice nurse"
    _, said = run(moves.ActionInterrupt(), tracker(opening, "faq_who_sees"))
    assert responses(said)[0] == "utter_intro_named"
    assert "utter_faq_who_sees" not in responses(said)
    # a real question in a first message is answered after the hello
    _, said = run(moves.ActionInterrupt(), tracker("hello. before I start, who reads this?", "faq_who_sees"))
    assert responses(said)[0] == "utter_intro" and "utter_faq_who_sees" in responses(said)


def test_a_red_flag_intent_the_safety_check_did_not_confirm_still_gets_a_reply() -> None:
    # After "Take care.": the classifier said safeguarding, the hook found nothing and said nothing.
    events, said = run(
        moves.ActionReply(),
        tracker(
            "My nephew reckons the internet isn't safe.", "red_flag_safeguarding", slots={"stage": "done"}
        ),
    )
    # (no "Welcome back": they never left; the plan is not shared, so it is read back again)
    assert responses(said) == ["utter_reprompt"]
    assert events == [FollowupAction("review_form")]


def test_a_red_flag_the_hook_signposted_gets_nothing_more() -> None:
    signposted = tracker("he hits me", "red_flag_safeguarding", slots={"stage": "done"})
    signposted.events.append({"event": "bot", "text": "(the safeguarding signpost)"})
    events, said = run(moves.ActionReply(), signposted)
    assert responses(said) == []
    assert events == []


@pytest.mark.parametrize(
    ("action", "message", "intent"),
    [
        (moves.ActionInterrupt(), "could you wipe all my details please", "faq_data"),
        (moves.ActionResume(), "I'd rather you deleted it all, dear", "inform"),
        (moves.ActionReply(), "delete everything, my son says so", "red_flag_safeguarding"),
    ],
)
def test_deleting_everything_with_no_question_open_is_asked_first(
    action: Any, message: str, intent: str
) -> None:
    events, said = run(action, tracker(message, intent, slots={"stage": "done"}))
    assert events == [FollowupAction("utter_ask_erase")]
    assert responses(said) == []


def test_no_to_deleting_everything_keeps_the_plan(plans: Store) -> None:
    plan_id = plans.new_plan(SENDER)
    events, said = run(corrections.ActionErase(), tracker("no leave it", "deny", slots={"plan_id": plan_id}))
    assert responses(said) == ["utter_nothing_deleted"]
    assert events == []
    assert plans.latest_plan_id(SENDER) == plan_id


def test_yes_to_deleting_everything_deletes_the_plan_and_restarts(
    plans: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("HELD_MESSAGES_PATH", str(tmp_path / "held.db"))
    plans.new_plan(SENDER)
    events, said = run(corrections.ActionErase(), tracker("yes please", "affirm", slots={"stage": "done"}))
    assert responses(said) == ["utter_erased"]
    assert events == [FollowupAction("action_restart")]
    assert plans.latest_plan_id(SENDER) is None


@pytest.mark.parametrize(
    ("shared", "reply"), [("yes", "utter_close_shared"), ("no", "utter_close_not_shared")]
)
def test_the_close_says_whether_the_plan_is_shared(shared: str, reply: str) -> None:
    events, said = run(moves.ActionClose(), tracker("thanks", "thank", slots={"share_plan": shared}))
    assert responses(said) == [reply, "utter_close_ways"]
    # asked afresh next time the plan is read back
    assert events == [SlotSet("review_choice", None), SlotSet("share_plan", None)]


def test_withdrawing_sharing_unshares_the_stored_plan(plans: Store) -> None:
    plan_id = plans.new_plan(SENDER)
    plans.update_plan(plan_id, shared=True)
    assert plans.export(plan_id)["shared"] is True
    events, said = run(
        moves.ActionWithdrawSharing(), tracker("stop sharing", "withdraw_sharing", slots={"plan_id": plan_id})
    )
    assert responses(said) == ["utter_sharing_withdrawn"]
    assert plans.export(plan_id)["shared"] is False
    assert events == []


def test_keep_it_to_me_never_says_no_longer_when_it_was_never_shared(plans: Store) -> None:
    plan_id = plans.new_plan(SENDER)
    _, said = run(
        moves.ActionWithdrawSharing(),
        tracker("keep it to me", "withdraw_sharing", slots={"plan_id": plan_id}),
    )
    assert responses(said) == ["utter_shared_status_no"]  # never "can no longer see", as if they had


def test_a_no_at_the_details_stops_them_and_unshares(plans: Store) -> None:
    plan_id = plans.new_plan(SENDER)
    plans.update_plan(plan_id, shared=True)
    slots = {"plan_id": plan_id, "share_plan": "yes", "requested_slot": "full_name"}
    events, said = run(
        moves.ActionWithdrawSharing(),
        tracker("skip. i dont want to share it. keep it to me", "withdraw_sharing", slots=slots),
    )
    assert responses(said) == ["utter_sharing_stopped"]
    assert events == [SlotSet("share_plan", "no")]
    assert plans.export(plan_id)["shared"] is False


@pytest.mark.parametrize("shared", [True, False])
def test_did_you_share_it_is_answered_from_the_store(plans: Store, shared: bool) -> None:
    plan_id = plans.new_plan(SENDER)
    plans.update_plan(plan_id, shared=shared)
    _, said = run(
        moves.ActionInterrupt(),
        tracker(
            "so did you share it or not??", "withdraw_sharing", slots={"plan_id": plan_id, "stage": "done"}
        ),
    )
    assert responses(said) == ["utter_shared_status_yes" if shared else "utter_shared_status_no"]


@pytest.mark.parametrize("said", ["Yes, share it with the stroke team.", "mum says yes share it"])
def test_a_yes_the_nlu_heard_as_withdrawing_never_unshares(plans: Store, said: str) -> None:
    plan_id = plans.new_plan(SENDER)
    plans.update_plan(plan_id, shared=True)
    _, replies = run(
        moves.ActionWithdrawSharing(), tracker(said, "withdraw_sharing", slots={"plan_id": plan_id})
    )
    assert responses(replies) == ["utter_sharing_check"]
    assert plans.export(plan_id)["shared"] is True


def test_starting_again_replaces_the_plan_and_keeps_consent(plans: Store) -> None:
    old = plans.new_plan(SENDER, preferred_name="Jim")
    events, said = run(
        moves.ActionStartAgain(), tracker("start again", "start_again", slots={"plan_id": old})
    )
    assert responses(said) == ["utter_restarted"]
    [plan] = plans.plans_for_sender(SENDER)  # the old one is gone (SQLite may reuse its number)
    new = plan["id"]
    assert plan["preferred_name"] is None
    assert events == [
        AllSlotsReset(),
        SlotSet("stage", "questions"),
        SlotSet("consented", True),
        SlotSet("plan_id", new),
    ]


def test_a_carer_chooses_between_their_plans_or_someone_new(plans: Store) -> None:
    first = plans.new_plan(SENDER, recorded_by_role="carer")
    plans.update_plan(first, preferred_name="Jim")
    plans.new_plan("someone-else")
    events, said = run(moves.ActionAskPlanChoice(), tracker("switch person", "switch_person"))
    [message] = said.messages
    assert message["response"] == "utter_ask_plan_choice"
    assert message["buttons"] == [
        {"title": "Jim", "payload": f'/inform{{"choice":"{first}"}}'},
        {"title": "Someone new", "payload": '/inform{"choice":"new"}'},
    ]
    assert events == []


# -- the hook that sees every message ----------------------------------------------------
def test_an_empty_answer_is_asked_again() -> None:
    events, said = run(
        hook.ActionValidateSlotMappings(),
        tracker("   ", slots={"requested_slot": "good_day"}, form="care_form"),
    )
    assert "utter_empty_message" in responses(said)
    assert SlotSet("good_day", None) in events


def test_the_same_long_answer_twice_is_a_double_send() -> None:
    answer = "I like to walk the dog along the river"
    events, said = run(
        hook.ActionValidateSlotMappings(),
        tracker(answer, slots={"requested_slot": "good_day"}, form="care_form", said_before=[answer]),
    )
    assert "utter_repeated" in responses(said)
    assert SlotSet("good_day", None) in events


def test_a_short_answer_twice_is_two_answers() -> None:
    events, said = run(
        hook.ActionValidateSlotMappings(),
        tracker(
            "yes", "affirm", slots={"requested_slot": "carer_help"}, form="care_form", said_before=["yes"]
        ),
    )
    assert "utter_repeated" not in responses(said)
    assert SlotSet("carer_help", None) not in events


def test_a_button_press_is_not_checked_as_typed_text() -> None:
    events, said = run(
        hook.ActionValidateSlotMappings(),
        tracker('/inform{"choice":"3"}', slots={"requested_slot": "one_thing"}, form="review_form"),
    )
    assert "utter_english_only" not in responses(said)
    assert SlotSet("one_thing", None) not in events


def test_the_previous_message_is_the_one_before_this() -> None:
    assert hook.previous_message(tracker("third", said_before=["first", "second"])) == "second"
    assert hook.previous_message(tracker("only")) is None


def test_the_answer_before_the_one_named() -> None:
    from actions import flow

    history = ["goal_text", "goal_why", "goal_barriers"]
    questions = ["goal_text", "goal_why", "goal_barriers", "goal_help"]
    assert flow.previous_answered(history, questions) == "goal_barriers"
    assert flow.previous_answered(history, questions, before="goal_barriers") == "goal_why"
    assert flow.previous_answered(history, questions, before="goal_text") is None
    assert flow.forget({"history": history}, "goal_why") == {
        "goal_why": None,
        "history": ["goal_text", "goal_barriers"],
    }


@pytest.mark.parametrize("slot", ["full_name", "carer_name", "carer_contact", "contact", "nhs_number"])
def test_id_rather_not_skips_any_identity_detail(slot: str) -> None:
    from actions.answers import interpret_answer

    reading = interpret_answer(slot, "I'd rather not", tracker("I'd rather not"))
    assert reading.skipped and reading.replies == ["utter_skipped"]
    assert not interpret_answer(slot, "Winston Campbell", tracker("Winston Campbell")).skipped


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("01632 960 447, afternoons", "01632 960 447, afternoons"),
        ("my mobile 07700 900123 but text first", "my mobile 07700 900123 but text first"),
        ("maureen.p@example.com", "maureen.p@example.com"),
    ],
)
def test_a_contact_is_kept_as_they_said_it(said: str, kept: str) -> None:
    from actions.identity_details import contact

    reading = contact(tracker(said))
    assert reading is not None and (reading.value, reading.skipped) == (kept, False)


@pytest.mark.parametrize(
    "said",
    [
        "no",
        "nah",
        "nah they've got my number already",
        "the surgery has it",
        "they already have it",
        "no thanks",
    ],
)
def test_no_or_they_have_it_already_keeps_no_contact(said: str) -> None:
    from actions.identity_details import contact

    reading = contact(tracker(said))
    assert reading is not None and reading.skipped and reading.replies == ["utter_skipped"]


@pytest.mark.parametrize(
    ("slot", "said"),
    [
        ("nhs_number", "I have not got it to hand, skip that please."),
        ("date_of_birth", "no idea, skip"),
        ("contact", "nah they've got my number already"),
    ],
)
def test_a_skipped_detail_keeps_none_of_the_words(slot: str, said: str) -> None:
    from actions import identity_details

    if slot == "contact":
        reading = identity_details.contact(tracker(said))
    else:
        reading = getattr(identity_details, slot)(tracker(said), said)
    assert reading is not None and reading.skipped and reading.text == ""


@pytest.mark.parametrize(
    ("slot", "said"),
    [("date_of_birth", "landline 01632 960112"), ("nhs_number", "my mobile is 07700 900123")],
)
def test_a_phone_number_at_another_detail_is_no_answer_and_no_complaint(slot: str, said: str) -> None:
    from actions import identity_details

    read = identity_details.date_of_birth if slot == "date_of_birth" else identity_details.nhs_number
    reading = read(tracker(said, "out_of_scope"), said)
    assert (reading.value, reading.replies) == (None, [])  # heard for the contact; asked again


def test_a_person_for_themselves_is_asked_for_a_contact_once_and_a_carer_for_their_own() -> None:
    from actions import flow

    assert flow.identity_questions({"for_whom": "self"})[-1] == "contact"
    assert "carer_contact" not in flow.identity_questions({"for_whom": "self"})
    carer = flow.identity_questions({"for_whom": "carer"})
    assert "carer_contact" in carer and "contact" not in carer


@pytest.mark.parametrize(
    "slot", ["preferred_name", "person_name", "what_matters", "goal_text", "worries", "one_thing"]
)
def test_pass_skips_any_question_whatever_the_nlu_thought(slot: str) -> None:
    from actions.answers import interpret_answer

    reading = interpret_answer(slot, "pass", tracker("pass", "deny"))
    assert reading.skipped and reading.replies == ["utter_skipped"]


def test_pass_inside_a_goal_is_the_goal() -> None:
    from actions.answers import interpret_answer

    said = "pass my driving test"
    assert interpret_answer("goal_text", said, tracker(said)).value == said


def test_no_with_a_complaint_is_no_goal() -> None:
    from actions.answers import interpret_answer

    reading = interpret_answer("goal_text", "I told you, no.", tracker("I told you, no."))
    assert reading.skipped


@pytest.mark.parametrize("slot", ["review_choice", "enjoys", "goal_text"])
def test_deleting_everything_in_a_form_is_read_by_the_form_not_handed_to_the_rules(slot: str) -> None:
    from actions.answers import interrupts

    assert not interrupts(slot, tracker("could you wipe all my details please", "faq_data"))
    assert interrupts(slot, tracker("who can see my details?", "faq_who_sees"))


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Going back to work too soon, and money if I can't go back", False),
        ("getting back to the allotment before the spring", False),
        ("being back home in time for christmas", False),
        ("can we go back to the last question", True),
        ("go back to the bit about my son please", True),
        ("sorry go back", True),
    ],
)
def test_going_back_in_life_is_an_answer_not_go_back(text: str, asks: bool) -> None:
    """set7_09: the NLU heard a worry about going back to work as "go back"."""
    from actions.answers import interrupts

    assert interrupts("worries", tracker(text, "go_back")) is asks
