"""Reading the details the care team needs to find the right record: a name, an NHS
number and a date of birth, asked only once the person chooses to share the plan.
All of them may be skipped, in any words."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions import flow
from actions.answers import DECLINED, Reading, interpret_answer
from actions.common import previous_message, text_of
from careplan import clock, identity, interpret, listen

# "I'll skip it", "no idea", "it's on a letter somewhere": identity details are optional.
NOT_KNOWN = re.compile(
    r"\b(?:skip|don'?t know|dont know|no idea|not sure|can'?t remember|dunno|rather not|prefer not"
    r"|not telling|don'?t want to|no thanks?|not on me|(?:haven'?t|have not|don'?t have) (?:it|got it|one)"
    r"|can'?t find it)\b",
    re.I,
)


def skipped_detail() -> Reading:
    """A detail they skip ("I have not got it to hand, skip that please"): none, and their
    words are not kept as its answer (they say nothing of them)."""
    return Reading(value=flow.SKIPPED, text="", skipped=True, replies=["utter_skipped"])


def identity_name(slot: str, value: Any, tracker: Tracker) -> Reading:
    """A name for the plan shared with the care team: never a question, a pronoun, or the
    writer's own name given in the same breath as the person's."""
    text = text_of(tracker)
    if DECLINED.search(text):  # "skip", "I'd rather not": never a name ("Skip")
        return interpret_answer(slot, value, tracker)
    if identity.asks_whose(text):  # "mine or hers?": say whose, and store nothing
        whose = "utter_own_name_please" if slot == "carer_name" else "utter_their_name_please"
        return Reading(replies=[whose])
    if both := identity.name_and_birth_date(text, clock.today()):
        return Reading(value=both[0], text=both[0])  # "Winston Campbell, born 4th July 1948"
    if identity.birth_date(text, clock.today()) is not None:
        return Reading()  # "she was born 1 sept 1939": the date is heard; the name is asked again
    words = identity.without_own_name(text) if slot == "full_name" else text
    found = interpret.name(words, full=True)
    if found is not None:
        return Reading(value=found, text=found)
    if "?" in text or listen.question_to_bot(text):  # "do I have to?": never a name
        return Reading(replies=["utter_details_optional"])
    return interpret_answer(slot, value, tracker)


# "nah they've got my number already", "the surgery has it": nothing new to keep.
HAVE_IT = re.compile(
    r"\b(?:they|you|the (?:surgery|gp|practice|nurse|doctors?|clinic|hospital))(?:'ve| have| has)?"
    r"(?: already)? (?:got|have|has)\b.{0,20}\b(?:it|number|numbers|details)\b"
    r"|\balready (?:got|have|has)\b",
    re.I,
)


def contact(tracker: Tracker) -> Reading | None:
    """A phone number or email in their own words ("07700 900461 after 6"), kept as said;
    "no", "skip" or "they've got my number already" is none (optional, like every detail)."""
    text = text_of(tracker)
    if identity.has_contact(text):
        return Reading(value=text, text=text)
    if interpret.yes_no(text) is False or HAVE_IT.search(text) or NOT_KNOWN.search(text):
        return skipped_detail()
    return None


def nhs_number(tracker: Tracker, value: Any) -> Reading:
    """Ten digits with a right check digit; "skip" or "I don't know" are fine too."""
    number = identity.nhs_number(text_of(tracker))
    if number is not None:
        return Reading(value=number, text=number)
    if NOT_KNOWN.search(text_of(tracker)) or interpret.yes_no(text_of(tracker)) is False:  # "no": not known
        return skipped_detail()
    if identity.has_contact(text_of(tracker)):
        return Reading()  # "my mobile is 07700 900123": heard for the contact (listen.hear), this asked again
    if identity.looks_like_nhs_number(text_of(tracker)):
        return Reading(replies=["utter_nhs_number_wrong"])  # ten digits that don't add up: a typo
    reading = interpret_answer("nhs_number", value, tracker)
    return reading if reading.skipped or not reading.accepted else Reading(replies=["utter_nhs_number_wrong"])


def date_of_birth(tracker: Tracker, value: Any) -> Reading:
    """A date of birth in any words; "skip", "I don't know" or a plain "no" are fine too. A
    year alone ("1941") is kept while the day and month are asked, then put with them; a day
    and month without the year ("the second of August") the other way round."""
    text, today = text_of(tracker), clock.today()
    earlier = previous_message(tracker) or ""
    born = identity.birth_date(text, today)
    if not born and identity.part_of_a_birth_date(earlier, today):  # a year alone is part of one too
        born = identity.birth_date_in_parts(earlier, text, today)
    if born:
        return Reading(value=born.isoformat(), text=text)
    if identity.birth_year(text, today) is not None:
        return Reading(replies=["utter_date_of_birth_day_month"])
    if NOT_KNOWN.search(text) or interpret.yes_no(text) is False:
        return skipped_detail()
    if identity.has_contact(text):
        return Reading()  # "landline 01632 960112": heard for the contact (listen.hear), this asked again
    if identity.age_given(text) is not None:  # "I'm 78": kindly, the date instead
        return Reading(replies=["utter_date_of_birth_age"])
    if identity.an_appointment_date(text, today):  # "monday 14 december 10am": the appointment's
        return Reading(replies=["utter_date_of_birth_not_appointment"])
    if identity.part_of_a_birth_date(text, today):  # "born in 41": the day and month too
        return Reading(replies=["utter_date_of_birth_part"])
    reading = interpret_answer("date_of_birth", value, tracker)
    unclear = Reading(replies=["utter_date_of_birth_unclear"])
    if not reading.skipped and re.search(r"\d", text):
        return unclear  # "4 6": numbers, never "I can't help with that"
    return reading if reading.skipped or not reading.accepted else unclear
