"""A carer prepares for their mum's memory-clinic appointment and their dad's
diabetes review in the same chat, over REST against the real servers."""

from __future__ import annotations

import json

from bench.conversations import CONVERSATIONS, Conversation, load_conversation, play

from stack import Stack
from test_conversation_e2e import talk

# Peggy's plan, up to sharing it: the carer's happy path, also played over REST and on Telegram.
MUM = load_conversation(CONVERSATIONS / "carer_happy_path.yml")


def play_mum(stack: Stack, sender: str, conversation: Conversation) -> list[str]:
    return play(lambda message: stack.say(sender, message), conversation, lambda: stack.export(sender))


DAD = [
    ('/inform{"choice":"new"}', "their name"),
    ("Frank Smith", "like to be called"),
    ("Frank", "How do you know Frank"),
    ("he's my dad", "Does Frank know"),
    ('/inform{"choice":"lpa"}', "Is Frank with you now"),
    ("/affirm", "Frank's appointment"),
    ("the diabetes nurse", "When is it"),
    ("next Tuesday", "What is the appointment for"),
    ("his diabetes review", "What matters most to Frank"),
]


def test_a_carer_prepares_for_two_people_in_one_chat(stack: Stack) -> None:
    sender = "carer-two-people"
    assert not play_mum(stack, sender, MUM)
    replies = stack.texts(sender, "can we do my dad's plan now")
    assert "Who would you like to talk about" in replies
    buttons = [b["title"] for m in stack.say(sender, "hmm") for b in m.get("buttons") or []]
    assert "Peggy" in buttons and "Someone new" in buttons
    talk(stack, sender, DAD)

    plans = stack.store.plans_for_sender(sender)
    assert {p["subject_name"] for p in plans} == {"Margaret Anne Smith", "Frank Smith"}

    mum = json.loads(stack.careplan("export", "--sender", sender, "--subject", "Peggy").stdout)
    assert mum["recorded_by"] == {
        "role": "carer",
        "name": "Sarah Smith",
        "relationship": "son or daughter",  # from "it's for my mum"
        "basis": "agreed",
        "basis_label": "They know about this and agreed",
        "contact": "07700 900123, after 6 is best",
    }
    assert mum["subject"] == {
        "name": "Margaret Anne Smith",
        "preferred_name": "Peggy",
        "present": False,
        "date_of_birth": "1940-03-01",
        "nhs_number": None,
        "contact": None,
    }
    assert mum["appointment"]["with"] == "the memory clinic"
    assert mum["shared"] is True
    seaside = mum["goals"][0]
    assert seaside["text"] == "she'd love to go to the seaside again"
    assert seaside["expressed_by"] == "carer" and seaside["expressed_by_relationship"] == "son or daughter"
    assert seaside["one_thing"] is True
    # Every answer records who gave it: the carer, with their relationship.
    assert {a["expressed_by"] for a in mum["answers"]} == {"carer"}
    assert {a["expressed_by_relationship"] for a in mum["answers"]} == {"son or daughter"}
    # The carer's own needs: their own draft goals, kept apart from Peggy's.
    needs = mum["carer_needs"]
    assert needs["answers"]["carer_coping"] == "I'm exhausted to be honest"
    assert [g["text"] for g in needs["goals"]] == [
        "a break once a week and a proper night's sleep",
        "(chose: Yes please)",  # a button: not words the carer typed
    ]
    assert all(g["domain"] == "caring" for g in needs["goals"])
    assert all(g["text"] != "a break once a week and a proper night's sleep" for g in mum["goals"])

    dad = json.loads(stack.careplan("export", "--sender", sender, "--subject", "Frank").stdout)
    assert dad["plan_id"] != mum["plan_id"]
    assert dad["recorded_by"]["basis"] == "lpa"
    assert dad["recorded_by"]["relationship"] == "son or daughter"
    assert dad["subject"] == {
        "name": "Frank Smith",
        "preferred_name": "Frank",
        "present": True,
        "date_of_birth": None,
        "nhs_number": None,
        "contact": None,
    }
    assert dad["appointment"]["reason"] == "his diabetes review"
    assert dad["goals"] == [] and dad["status"] == "in_progress"


def test_a_carer_goes_back_to_a_plan_and_carries_on(stack: Stack) -> None:
    sender = "carer-switch-back"
    assert not play_mum(stack, sender, MUM.first(11))  # the next question: a good day
    stack.texts(sender, "switch to my dad")
    talk(stack, sender, DAD[:3])
    peggy_plan = next(p for p in stack.store.plans_for_sender(sender) if p["preferred_name"] == "Peggy")
    stack.texts(sender, "can we switch back to my mum now")
    replies = stack.texts(sender, f'/inform{{"choice":"{peggy_plan["id"]}"}}')
    assert "talk about Peggy" in replies and "good day look like for Peggy" in replies
    stack.texts(sender, "when she's had a good sleep")
    mum = stack.store.export(peggy_plan["id"])
    assert mum["life"]["good_day"] == "when she's had a good sleep"
