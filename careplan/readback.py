"""The person's own view of their draft plan, in plain words.

Used for the read-back at the end of the chat and for ``/summary``. It also
closes the loop: once the care team has acted on a goal, the person sees
whether it was accepted, changed (with the new wording) or turned down (and why).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from careplan import dates, questions
from careplan.vocab import ACCEPTED, CRISIS, EDITED, EMERGENCY, REJECTED, SAFEGUARDING, URGENT
from careplan.words import pieces, plain

_OUTCOME = {
    ACCEPTED: "Your care team agreed this goal.",
    EDITED: "Your care team agreed this goal and wrote it as: “{clinician_text}”",
    REJECTED: "Your care team did not take this goal forward. They said: “{clinician_reason}”",
}


def goal_lines(goal: dict[str, Any], number: int) -> list[str]:
    star = " (your one thing for this appointment)" if goal.get("one_thing") else ""
    said = pieces(goal["text"])
    # A button pressed is not their words: "You chose: Yes please".
    words = (
        f"You chose: {said[0].text}"
        if len(said) == 1 and said[0].chosen
        else f"In your words: {plain(goal['text'])}"
    )
    lines = [f"{number}. {goal['title']}{star}", f"   {words}"]
    outcome = _OUTCOME.get(goal.get("status", ""))
    if outcome:
        lines.append(
            "   "
            + outcome.format(
                clinician_text=goal.get("clinician_text") or "",
                clinician_reason=goal.get("clinician_reason") or "",
            )
        )
    if goal.get("status") in {ACCEPTED, EDITED}:
        # The action plan the care team made with them: who will do what, by when.
        for action in goal.get("actions") or []:
            by_when = f" by {_day(action['by_when'])}" if action.get("by_when") else ""
            lines.append(f"   To do: {action['who']} will {action['what']}{by_when}.")
        if goal.get("review_date"):
            lines.append(f"   Your care team will check this with you on {_day(goal['review_date'])}.")
    return lines


def _day(iso_date: str) -> str:
    return f"{date.fromisoformat(iso_date):%A %-d %B %Y}"


def _a_condition(text: str, found: re.Match[str]) -> bool:
    """ "ME" that names a condition, never the person: joined by a slash ("ME/CFS", "cfs/me"),
    or in capitals in a message that isn't ("the ME clinic"; not "TAKE ME THERE")."""
    word, start, end = found.group(0), found.start(), found.end()
    if word.lower() != "me":
        return False
    return "/" in (text[start - 1 : start] + text[end : end + 1]) or (word == "ME" and not text.isupper())


def to_you(text: str) -> str:
    """The person's words said back to them: "my feet" becomes "your feet", and "the ME/CFS
    clinic" stays as it is."""
    swaps = {"my": "your", "me": "you", "i": "you", "i'm": "you're", "mine": "yours", "myself": "yourself"}
    return re.sub(
        r"\b(?:my|me|i'm|i|mine|myself)\b",
        lambda m: m.group(0) if _a_condition(text, m) else swaps[m.group(0).lower()],
        text,
        flags=re.I,
    )


def plan_text(plan: dict[str, Any], *, everything: bool = False) -> str:
    """A short, readable summary of a plan (the shape of careplan.export_data); with
    ``everything``, all it holds, for someone who asks to see everything: what the
    appointment is for, each answer about their life and what was said about each goal."""
    name = plan["subject"].get("preferred_name") or plan["subject"].get("name")
    carer = plan["recorded_by"]["role"] == "carer"
    # Their name on it either way: a read-back that names them is theirs (set8_09).
    heading = "Your draft plan"
    if name:
        heading = f"Draft plan for {name}" if carer else f"{heading}, {name}"
    lines = [heading]
    appointment = plan["appointment"]
    if appointment.get("with") or appointment.get("date"):
        day = appointment.get("date")
        when = dates.said(date.fromisoformat(day), appointment.get("time")) if day else ""
        when = when or appointment.get("when_text") or ""
        # "Dr Shah at the surgery." as dictated: no stop before the date
        who = (appointment.get("with") or "").rstrip(" .,;")
        lines.append(f"Appointment: {who if carer else to_you(who)}, {when}".strip(" ,"))  # "your GP"
    lines.extend(_answers(plan) if everything else _about(plan, name if carer else None))
    goals = plan["goals"]
    if goals:
        lines.append("Goals:")
        for number, goal in enumerate(goals, start=1):
            lines.extend(goal_lines(goal, number))
            lines.extend(_goal_parts(goal) if everything else [])
    else:
        lines.append("No goals yet.")
    needs = (plan.get("carer_needs") or {}).get("goals") or []
    if needs:
        lines.append("What would help you, as a carer:")
        # numbered on from the goals, so "change number 3" names one thing only
        for number, goal in enumerate(needs, start=len(goals) + 1):
            lines.extend(goal_lines(goal, number))
    if plan.get("questions"):
        lines.append(f"Your questions: {plain(plan['questions'])}")
    lines.extend(_notes(plan))
    lines.append("Shared with your care team: " + ("yes" if plan.get("shared") else "not yet"))
    return "\n".join(lines)


# The safety notes, said to the person as the care team will see them (issue 13): what each is
# about, in plain words, their words, and whether they said I got it wrong.
_NOTE_ABOUT = {
    EMERGENCY: "You told me about an emergency, and I said to call 999.",
    URGENT: "You told me about something that should be checked soon, and I said to call NHS 111.",
    CRISIS: "You told me things feel very hard, and I gave you numbers to call for help.",
    SAFEGUARDING: "You told me someone may not be safe, and I gave you ways to get help.",
}


def _notes(plan: dict[str, Any]) -> list[str]:
    """ "Safety notes": each flag the chat made, and whether they said it was a mistake."""
    notes = plan.get("flags") or []
    if not notes:
        return []
    seen = "your care team can see" if plan.get("shared") else "your care team sees if you share your plan"
    lines = [f"Safety notes ({seen}):"]
    for note in notes:
        lines.append(f"- {_NOTE_ABOUT.get(note['kind'], _NOTE_ABOUT[URGENT])}")
        lines.append(f"   In your words: {plain(_shortened(note.get('message') or ''))}")
        if note.get("misunderstood"):
            said = plain(_shortened(note["misunderstood"]["words"]))
            lines.append(f"   You told me I got this wrong: {said}. The note says so.")
    return lines


# What the read-back shows of their life: what they expect to see of what they said
_ABOUT = ("what_matters", "good_day")
# Longer than this, an answer is shown up to its last sentence end before it
_ABOUT_CHARS = 400


def _about(plan: dict[str, Any], name: str | None) -> list[str]:
    """ "About Dot" (or "About you"): what matters and a good day, in their words, shortened."""
    labels = questions.labels("life")
    life = plan.get("life") or {}
    said = [(labels[key], life.get(key)) for key in _ABOUT if life.get(key)]
    if not said:
        return []
    return [f"About {name or 'you'}:", *(f"   {label}: {plain(_shortened(text))}" for label, text in said)]


def _shortened(text: str) -> str:
    """The answer whole; a very long one up to its last sentence end within ``_ABOUT_CHARS``
    ("…" after it), never cut mid-phrase (s30 tester: "...getting through each day without…"
    left out what mattered); one long sentence is shown whole."""
    if len(text) <= _ABOUT_CHARS:
        return text
    ends = [found.end() for found in re.finditer(r"[.!?](?=\s)", text[: _ABOUT_CHARS + 1])]
    return f"{text[: ends[-1]]} …" if ends else text


# What each part of a goal is called when everything is shown
_GOAL_PARTS = {"why": "Why it matters", "barriers": "What gets in the way", "helps": "What would help"}


def _goal_parts(goal: dict[str, Any]) -> list[str]:
    return [f"   {label}: {plain(goal[key])}" for key, label in _GOAL_PARTS.items() if goal.get(key)]


def _answers(plan: dict[str, Any]) -> list[str]:
    """The appointment's reason, every answer kept as words, each under its label, and how the
    care team may get in touch ("Please don't text, I can't work the texts": s30 tester)."""
    labels = {"reason": "What it is for", **questions.labels("life", "support", "after", "carer")}
    carer = (plan.get("carer_needs") or {}).get("answers") or {}
    said = {"reason": plan["appointment"].get("reason"), **plan.get("life", {}), **carer}
    contacts = {
        "How to contact you": plan["recorded_by"].get("contact") or plan["subject"].get("contact"),
        "How to contact them": plan["subject"].get("contact") if plan["recorded_by"].get("contact") else None,
    }
    return [
        *(f"{labels[key]}: {plain(text)}" for key, text in said.items() if text and key in labels),
        *(f"{label}: {plain(text)}" for label, text in contacts.items() if text),
    ]
