"""The read-back: the plan said back, then a choice (confirm, change or remove a goal,
add one, the date, the questions), what that choice needs, and whether to share it with
the care team (then the details they need to find the right record)."""

from __future__ import annotations

import re
from typing import Any

from actions import flow, identity_details
from actions.answers import DECLINED, Reading, interpret_answer, record, reword_goal, word_put_right_in
from actions.common import (
    entity,
    is_button,
    plan_goals,
    pressed_goal,
    readback_goals,
    store,
    sure_intent,
    text_of,
)
from actions.corrections import confirm_first, keep_taken_off
from actions.forms import PICKING, QuestionForm, saying, team_question_lines, team_questions
from actions.moves import finish_unshared, stop_sharing
from actions.turn import Turn
from careplan import dates, interpret, listen
from careplan.models import utcnow
from careplan.titles import short_title

REVIEW_INTENTS = {
    "confirm_plan": "confirm",
    "affirm": "confirm",
    "change_goal": "change",
    "remove_goal": "remove",
    "add_goal": "add",
}


class ValidateReviewForm(QuestionForm):
    questions = staticmethod(flow.review_questions)

    def name(self) -> str:
        return "validate_review_form"

    def listen(self, asked: str, value: Any, turn: Turn) -> dict[str, Any]:
        text = text_of(turn.tracker)
        if asked == "goal_to_remove" and not listen.never_mind(text):
            chosen = self.read(asked, value, turn).value
            if chosen is not None and _only_goal(chosen, turn.slots):
                return {asked: None, **self.take_off_goal(chosen, turn)}
        if (
            asked in flow.identity_questions(turn.slots)
            and listen.stops_sharing(text)
            and (listen.withdraws_sharing(text) or not DECLINED.search(text))
        ):
            # "skip. i dont want to share it. keep it to me": no more details, and nothing shared;
            # "skip, it's in his folder at the house, I'll bring it": that detail skipped, still shared
            return {asked: None, **stop_sharing(turn.tracker, turn.dispatcher)}
        if is_button(turn.tracker):
            return super().listen(asked, value, turn)
        if (born := self.birth_date_said(asked, text, turn)) is not None:
            return born  # "12 june 1991" at the read-back: never the appointment's new date
        if asked == "review_choice" and (fixed := listen.life_answers_put_right(text)):
            # "What matters most is wrong, it should be family, grandchildren, dim sum Sunday": that
            # answer changed, never the date; then the plan again
            return {asked: None, **self.put_life_answers_right(fixed, turn)}
        if asked == "review_choice" and (swapped := self.goal_word_put_right(text, turn)) is not None:
            return {asked: None, **swapped}
        if asked == "review_choice" and (late := listen.late_answer(text)):
            # "I skipped what matters earlier. it's my wife, my job...": kept, and the plan again
            key, words = late
            record(*turn, Reading(value=words, text=words), key)
            turn.dispatcher.utter_message(response="utter_noted_that")
            return {asked: None, key: words}
        if asked == "review_choice" and listen.puts_goal_back(text):  # "You changed my goal... Put it back"
            return {asked: None, **self.put_goal_back(turn)}
        if asked == "review_choice" and listen.puts_back(text):  # "put them back"
            return {asked: None, **self.put_back(turn)}
        if asked == "review_choice" and len(steps := listen.instructions(text)) > 1:
            return self.each(steps, asked, turn)
        if asked == "review_choice" and (who := listen.appointment_with_said(text)):
            # "change who the appointment is with to Sister Dawes": the appointment, never a goal
            fixed = self.correct(listen.Correction("clinician", who), asked, turn) or {}
            if (when := dates.when(text)) is not None:  # "its with the neurologist on the 9th"
                fixed.update(self.correct(listen.Correction("date", when), asked, turn) or {})
            return {asked: None, **fixed}
        if asked in PICKING and listen.never_mind(text):  # "cancel", "leave them all"
            turn.dispatcher.utter_message(response="utter_left_as_is")
            return {asked: None, **dict.fromkeys(PICKING), "review_choice": None}
        if asked == "review_choice" and listen.correction(text) is None and (time := listen.time_said(text)):
            # "you haven't put the time, its ten thirty": the time alone, the date kept
            return {asked: None, **(self.correct(listen.Correction("time", time), asked, turn) or {})}
        if (
            asked == "review_choice"
            and listen.correction(text) is None
            and listen.review_choice(text) is None
            and not listen.names_other_target(text)  # "number 1 should say ... in 6 months"
            and (when := dates.when(text)) is not None
        ):  # "found the letter, its 9th jan at 2": the only date in the plan is the appointment's
            return {asked: None, **(self.correct(listen.Correction("date", when), asked, turn) or {})}
        return super().listen(asked, value, turn)

    def each(self, steps: list[str], asked: str, turn: Turn) -> dict[str, Any]:
        """Several instructions in one message ("get rid of 1. change number 2 to ... and add
        one about ..."): each done and confirmed in turn. Goals are removed after the other
        changes, so the numbers mean what the read-back showed; a new goal comes last, as
        its questions follow."""
        updates: dict[str, Any] = {}
        adding = False
        for step in sorted(steps, key=_step_order):
            done = self.listen(asked, step, turn._replace(tracker=saying(turn.tracker, step)))
            adding = adding or done.get("review_choice") == "add"
            turn.slots.update(done)
            updates.update(done)
        if adding:  # "... and make that the main one" after adding it: its questions still follow
            turn.slots["review_choice"] = updates["review_choice"] = "add"
        return updates

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        tracker, _, slots = turn
        if slot == "review_choice":
            return self.read_choice(turn)
        if slot in {"goal_to_change", "goal_to_remove"}:
            goals = readback_goals(slots)
            chosen = (
                pressed_goal(tracker, goals)
                if entity(tracker, "choice") is not None
                else listen.match_goal(text_of(tracker), goals, said_about=slot == "goal_to_change")
            )
            known = chosen is not None and chosen in {g["id"] for g in goals}
            return Reading(
                value=str(chosen) if known else None,
                text=text_of(tracker),
                replies=[] if known else ["utter_which_goal"],
            )
        if slot == "questions" and slots.get("review_choice") == "add_question":
            return team_questions(interpret_answer(slot, value, tracker), slots.get("noted_questions") or [])
        if slot == "goal_new_text" and listen.correction(text_of(tracker)) is not None:
            return Reading(replies=["utter_goal_words_please"])  # an instruction is not goal text
        if slot == "share_plan" and not is_button(tracker) and listen.asks_who_sees(text_of(tracker)):
            # "will you share it with dr okonjo only? not with meena?": answered, never a yes
            self.answer_meta("faq_who_sees", slot, turn)
            return Reading()
        if slot in {"full_name", "carer_name"}:
            return identity_details.identity_name(slot, value, tracker)
        contact = identity_details.contact(tracker) if slot in {"carer_contact", "contact"} else None
        if contact is not None:
            return contact
        if slot == "nhs_number":
            return identity_details.nhs_number(tracker, value)
        if slot == "date_of_birth":
            return identity_details.date_of_birth(tracker, value)
        return interpret_answer(slot, value, tracker)

    def read_choice(self, turn: Turn) -> Reading:
        """The read-back, in the person's own words or by button."""
        tracker, dispatcher, slots = turn
        text = text_of(tracker)
        intent = sure_intent(tracker)
        choice = REVIEW_INTENTS.get(intent or "") if is_button(tracker) else None
        review = None if is_button(tracker) else listen.review_choice(text, intent)
        if review is not None:
            choice = review.choice
        if choice in {"change", "remove"} and not readback_goals(slots):
            return Reading(replies=["utter_no_goals_yet"])
        if choice is None and listen.thats_all(text):
            # "no that's it", just after giving a question: no more questions, not "it's wrong"
            return Reading(replies=["utter_no_more_questions"])
        if choice is None:
            return Reading(replies=["utter_review_what_wrong"])
        if choice == "remove" and _names_a_question(text, review, slots):
            choice = "remove_questions"  # "take off 'like medically?' too"
        goals = readback_goals(slots)
        if review is not None and review.goal and choice in {"change", "remove"}:
            chosen = listen.match_goal(review.goal, goals, said_about=choice == "change")
            if chosen is not None:
                slots[f"goal_to_{choice}"] = str(chosen)
        if choice in {"change", "remove"} and len(goals) == 1:
            # "remove it" (asked first), "the goal wants to say Sheila's roses": the only goal
            slots[f"goal_to_{choice}"] = str(goals[0]["id"])
        if review is not None and review.words and choice == "add":
            slots["goal_text"] = None
            slots["pending_goal"] = review.words
        if review is not None and review.words and choice == "add_question":
            slots["pending_question"] = review.words
        return Reading(value=choice, text=choice)

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        if slot in {"review_choice", "goal_to_change"}:
            return
        plan_id = int(turn.slots["plan_id"])
        if slot == "goal_to_remove":
            store().remove_goal(plan_id, int(reading.value))
            return
        if slot == "share_plan":
            if reading.value == "yes":
                store().share(plan_id)  # with this practice's care team only
                store().update_plan(plan_id, status="completed", completed_at=utcnow())
            else:
                finish_unshared(plan_id)
            return
        record(*turn, reading, slot)

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        _, dispatcher, slots = turn
        done = {
            "review_choice": None,
            "goal_to_change": None,
            "goal_new_text": None,
            "goal_to_remove": None,
        }
        if slot == "review_choice":
            return self.after_choice(reading.value, turn)
        if slot == "goal_new_text":
            dispatcher.utter_message(response="utter_goal_changed")
            return done
        if slot == "goal_to_remove":
            dispatcher.utter_message(response="utter_goal_removed")
            return {**done, **self.main_thing_after(reading.value, turn)}
        if slot in {"appointment_when", "questions"}:
            if slot == "appointment_when" and (when := dates.when(reading.text)):
                # "a week on Friday, same time": the time kept is said back too
                time = when.time or store().export(int(slots["plan_id"]))["appointment"]["time"]
                dispatcher.utter_message(response="utter_date_changed", date_text=dates.said(when.day, time))
            return done
        if slot == "goal_text" and not reading.skipped and slots.get("goal_title"):
            dispatcher.utter_message(response="utter_goal_noted", title=slots["goal_title"])
        if slot == "goal_help" and (opened := self.next_goal_waiting(turn)) is not None:
            return opened
        if slot == "goal_help" or (slot == "goal_text" and reading.skipped):
            return {**done, **{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None}
        return {}

    def goals_ended(self, turn: Turn, *, share: bool) -> dict[str, Any]:
        """Out of "Add a goal": the plan read back again, or, asked to share it, shared."""
        left = {**dict.fromkeys(flow.GOAL_SLOTS), "current_goal_id": None, "goal_title": None}
        turn.slots.update(left, review_choice="confirm" if share else None)
        if not share:
            turn.dispatcher.utter_message(response="utter_no_more_goals")
            return {**left, "review_choice": None}
        return {**left, "review_choice": "confirm", **self.answer("share_plan", "yes", turn)}

    def take_off_goal(self, goal_id: str, turn: Turn) -> dict[str, Any]:
        """Take a named goal off the plan. The last one is asked about first ("Shall I take
        off ...?"), so a plan is never left with no goals by a misread message; and so is one
        named by its words ("remove the sleep one I said"), which may be read wrong."""
        only = _only_goal(goal_id, turn.slots)
        if only or _named_by_its_words(turn):
            title = next((g["title"] for g in readback_goals(turn.slots) if str(g["id"]) == str(goal_id)), "")
            return {"goal_to_remove": None, **confirm_first("remove_goal", str(goal_id), title, only=only)}
        reading = Reading(value=str(goal_id), text=str(goal_id))
        self.store("goal_to_remove", reading, turn)
        return self.follow_up("goal_to_remove", reading, turn)

    def confirm_undo(self, pending: dict[str, Any], turn: Turn) -> dict[str, Any]:
        """The reply to "Shall I take off ...?": only a yes takes the goal off."""
        if pending["mode"] != "remove_goal":
            return super().confirm_undo(pending, turn)
        leave = {"undo_pending": None, **dict.fromkeys(PICKING), "review_choice": None}
        if interpret.yes_no(text_of(turn.tracker), sure_intent(turn.tracker)) is not True:
            turn.dispatcher.utter_message(response="utter_left_as_is")
            return leave
        reading = Reading(value=pending["key"], text=pending["key"])
        self.store("goal_to_remove", reading, turn)
        return {**leave, **self.follow_up("goal_to_remove", reading, turn)}

    @staticmethod
    def main_thing_after(removed: str, turn: Turn) -> dict[str, Any]:
        """The one thing once its goal is gone: the goal left, if only one is; else say so."""
        slots = turn.slots
        if str(slots.get("one_thing")) != str(removed):
            return {}
        left = plan_goals(slots)
        if len(left) == 1:
            store().set_one_thing(int(slots["plan_id"]), left[0]["id"])
            turn.dispatcher.utter_message(response="utter_one_thing_set", title=left[0]["title"])
            return {"one_thing": str(left[0]["id"])}
        if left:
            turn.dispatcher.utter_message(response="utter_one_thing_gone")
        return {"one_thing": None}

    def after_choice(self, choice: str, turn: Turn) -> dict[str, Any]:
        """What a read-back choice opens: a new goal starts empty; fixes reopen their question."""
        slots = turn.slots
        if choice == "add":
            opened = {**{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None, "goal_title": None}
            words = slots.pop("pending_goal", None)
            slots.update(opened)
            if words:
                reading = Reading(value=words, text=words)
                self.store("goal_text", reading, turn)
                slots["goal_text"] = words
                opened["goal_text"] = words
                opened["current_goal_id"] = slots.get("current_goal_id")
                opened["goal_title"] = slots.get("goal_title")
                turn.dispatcher.utter_message(response="utter_goal_noted", title=slots.get("goal_title"))
            return opened
        if choice in {"date", "questions"}:
            key = "appointment_when" if choice == "date" else "questions"
            slots[key] = None
            return {key: None}
        if choice == "add_question":
            existing = _questions_asked(slots)
            words = slots.pop("pending_question", None)
            if not words:  # "add a question": ask for it, keeping the ones there
                slots.update(questions=None, noted_questions=existing)
                return {"questions": None, "noted_questions": existing}
            joined = "\n".join([*existing, words])
            record(*turn, Reading(value=joined, text=joined), "questions")
            turn.dispatcher.utter_message(response="utter_question_added")
            slots.update(review_choice=None, questions=joined, noted_questions=[])
            return {"review_choice": None, "questions": joined, "noted_questions": []}
        if choice == "remove_questions":
            # "take the first two off" takes those; only a plain "remove the questions" takes all
            asked = _questions_asked(slots)
            text = text_of(turn.tracker)
            if (struck := listen.words_off(text, asked)) is not None:
                # "take the word yes off my question": that question reworded, none taken off
                number, left = struck
                turn.dispatcher.utter_message(response="utter_question_reworded", question=left)
                return self.set_questions([*asked[:number], left, *asked[number + 1 :]], turn)
            named = listen.which_ones(text, len(asked)) or listen.named_by_words(text, asked)
            if not named and len(asked) > 1 and not listen.all_questions(text):
                # "remove the question": one of several, not named, so none is taken off
                turn.dispatcher.utter_message(response="utter_which_question")
                slots["review_choice"] = None
                return {"review_choice": None}
            kept = [q for i, q in enumerate(asked) if named and i not in named]
            said = "utter_question_removed" if kept else "utter_questions_removed"
            turn.dispatcher.utter_message(response=said)
            return self.set_questions(kept, turn)
        if choice == "remove" and slots.get("goal_to_remove"):
            # "remove number 2": the goal was named with the choice, so nothing is left to
            # ask; take it off now and read the plan back, or the form would end the chat.
            return self.take_off_goal(slots["goal_to_remove"], turn)
        if choice == "confirm" and not plan_goals(slots):
            # a plan with no goals is never shared without saying so
            turn.dispatcher.utter_message(response="utter_no_goals_on_plan")
        if choice == "confirm" and not is_button(turn.tracker) and listen.says_share(text_of(turn.tracker)):
            # "yes, share it with the stroke team": the plan is right, and shared, in one go
            return self.answer("share_plan", "yes", turn)
        return {k: slots[k] for k in ("goal_to_change",) if slots.get(k)}

    @staticmethod
    def set_questions(questions: list[str], turn: Turn) -> dict[str, Any]:
        """The questions for the care team, now these: the ones there before are marked taken
        off, never destroyed, so "put them back" can bring them back."""
        joined = "\n".join(questions)
        reading = Reading(value=joined, text=joined) if questions else Reading(flow.SKIPPED, "", skipped=True)
        keep_taken_off(turn, "questions")
        record(*turn, reading, "questions")
        turn.slots.update(review_choice=None, questions=reading.value, noted_questions=[])
        return {"review_choice": None, "questions": reading.value, "noted_questions": []}

    def put_back(self, turn: Turn) -> dict[str, Any]:
        """Put them back: the questions as they were before the last change, with any
        added since; the read-back then shows them again."""
        before = store().last_taken_off(int(turn.slots["plan_id"]), "questions")
        if not before:
            turn.dispatcher.utter_message(response="utter_nothing_to_put_back")
            return {"review_choice": None}
        turn.dispatcher.utter_message(response="utter_questions_put_back")
        now = _questions_asked(turn.slots)
        return self.set_questions(list(dict.fromkeys([*_questions_asked({"questions": before}), *now])), turn)

    @staticmethod
    def goal_word_put_right(text: str, turn: Turn) -> dict[str, Any] | None:
        """ "I said my knee but it's my hip really" at the read-back: the word changed in the goal
        that has it, said back, and the plan shown again (was "What would you like to change?")."""
        if is_button(turn.tracker):
            return None

        def keep(goal_id: int, words: str) -> dict[str, Any]:
            reword_goal(int(turn.slots["plan_id"]), goal_id, words)
            return {}

        goals = [(goal["id"], goal["text"]) for goal in readback_goals(turn.slots)]
        return word_put_right_in(text, turn.dispatcher, goals, keep)

    @staticmethod
    def put_goal_back(turn: Turn) -> dict[str, Any]:
        """Put the goal back: the words of the goal changed last as they were before (s32 tester:
        "Put the goal back" got "I've put your questions back"); the read-back then shows it again."""
        plan_id = int(turn.slots["plan_id"])
        changed = store().last_goal_words_changed(plan_id)
        if changed is None:
            turn.dispatcher.utter_message(response="utter_nothing_to_put_back")
            return {"review_choice": None}
        goal_id, words = changed
        reword_goal(plan_id, goal_id, words)
        turn.dispatcher.utter_message(response="utter_goal_put_back", title=short_title(words))
        return {"review_choice": None}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "done"


def _step_order(step: str) -> int:
    """Where an instruction goes among several: changes first, removals, then additions, and
    "make that the main one" after the goal it points at is added."""
    fix = listen.correction(step)
    if fix is not None and fix.kind == "main_goal" and listen.POINTER.match(fix.goal or ""):
        return 3
    choice = listen.review_choice(step)
    if choice is None or fix is not None:
        return 0
    return {"remove": 1, "add": 2, "add_question": 2}.get(choice.choice, 0)


def _named_by_its_words(turn: Turn) -> bool:
    """Does the message name the goal to take off by its words ("remove the sleep one I said"),
    not by its number ("remove number 2") or a button?"""
    if is_button(turn.tracker):
        return False
    review = listen.review_choice(text_of(turn.tracker))
    goals = len(readback_goals(turn.slots))
    return review is not None and bool(review.goal) and not listen.which_ones(review.goal, goals)


def _only_goal(goal_id: str, slots: dict[str, Any]) -> bool:
    """Is this the plan's last goal of the person's own (a carer's goals don't count)?"""
    return [str(g["id"]) for g in plan_goals(slots)] == [str(goal_id)]


def _names_a_question(text: str, review: listen.ReviewChoice | None, slots: dict[str, Any]) -> bool:
    """Does a removal name one of the questions by its words, and no goal by number or words?"""
    goals = readback_goals(slots)
    numbered = review is not None and review.goal and listen.which_ones(review.goal, len(goals))
    return (
        not numbered
        and bool(listen.named_by_words(text, _questions_asked(slots)))
        and listen.match_goal(text, goals, said_about=False) is None
    )


def _questions_asked(slots: dict[str, Any]) -> list[str]:
    """The questions for the care team, one a line: those noted on the way and the answer
    to "any questions?" (the slot holds only that answer; the plan holds them all)."""
    # "should I check my feet? can I still have a glass of wine?": two questions, one each;
    # "wat? why has it taken 18 months": one question ("wat?" asks nothing of its own)
    asked: list[str] = []
    for line in team_question_lines(slots):
        pieces: list[str] = []
        for piece in (q.strip() for q in re.split(r"(?<=\?)\s+", line) if q.strip()):
            if pieces and len(re.findall(r"\w+", pieces[-1])) < 3:
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.append(piece)
        asked.extend(pieces)
    return list(dict.fromkeys(asked))
