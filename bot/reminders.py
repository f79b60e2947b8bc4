"""Reminders the day before the appointment, and "how did it go?" after it.

* When a plan with an appointment date is finished (Rasa's closing message),
  the bot asks "Would you like a reminder the day before?" with two buttons.
  /reminders asks again, or turns them off.
* The day before, at 10:00 UK time, it sends a short agenda card: the
  appointment, the one thing, the person's questions for the care team, a
  button to see the whole plan, and whether the care team has read it.
* The first time the person comes back after the appointment date, it asks
  how it went and whether anything has changed, and keeps the answer on the
  plan (question key ``follow_up``) for the care team.

Why our own scheduler: PTB's JobQueue needs APScheduler >= 3.10.4 and Rasa 3.6
pins APScheduler < 3.10, so it can't be installed beside Rasa. What we need is
small: one loop that sleeps until the next reminder in the bot's SQLite file
is due. Keeping reminders in that file means a restart loses none (one that
fell due while the bot was down goes as soon as it is back, if the appointment
hasn't started). The clock is passed in, so tests can move time on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from telegram.error import TelegramError

from bot import texts
from bot.localstate import LocalState
from bot.plans import DATA_ERRORS, FOLLOW_UP_KEY, Plans
from bot.relay import Relay
from bot.render import Button, Outgoing

log = logging.getLogger(__name__)

UK = ZoneInfo("Europe/London")
REMIND_AT = time(10, 0)  # the day before, at a sensible local hour
MAX_SLEEP_SECONDS = 60.0  # look again at least this often (clock changes, a laptop waking up)

# Buttons the bot answers itself (they never go to Rasa). See ``Reminders.press``.
REMIND_YES, REMIND_NO, SHOW_PLAN, NOTHING_CHANGED = "bot:remind:yes", "bot:remind:no", "bot:plan", "bot:same"
BOT_PAYLOAD = "bot:"

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


def due_time(appointment: date) -> datetime:
    """10:00 UK time on the day before the appointment, as a UTC time."""
    local = datetime.combine(appointment - timedelta(days=1), REMIND_AT, tzinfo=UK)
    return local.astimezone(timezone.utc)


def uk_date(moment: datetime) -> date:
    return moment.astimezone(UK).date()


def day_words(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


@dataclass(frozen=True)
class PlanFacts:
    """What the reminders need from the latest plan."""

    plan_id: int
    appointment: date | None
    completed: bool
    followed_up: bool


class Reminders:
    def __init__(self, relay: Relay, plans: Plans, *, clock: Clock = system_clock) -> None:
        self.relay = relay
        self.plans = plans
        self.clock = clock
        self._wake = asyncio.Event()

    @property
    def state(self) -> LocalState:
        return self.relay.state

    # -- after each of Rasa's turns ------------------------------------------
    async def after_turn(self, chat_id: int) -> list[Outgoing]:
        """Offer a reminder once the plan is finished; ask how it went once the appointment is past."""
        try:
            facts = await asyncio.to_thread(self._facts, str(chat_id))
        except DATA_ERRORS as error:  # the conversation goes on; this is looked at again next turn
            log.warning("Could not read the plan for reminders (%s)", type(error).__name__)
            return []
        if facts is None or facts.appointment is None or not facts.completed:
            return []
        today = uk_date(self.clock())
        if facts.appointment < today:
            if facts.followed_up or self.state.follow_up_asked(chat_id, facts.plan_id):
                return []
            self.state.ask_follow_up(chat_id, facts.plan_id)
            question = texts.FOLLOW_UP_ASK.format(day=day_words(facts.appointment))
            return [Outgoing(question, [Button(texts.NOTHING_CHANGED, f"{NOTHING_CHANGED}:{facts.plan_id}")])]
        due = due_time(facts.appointment)
        if due <= self.clock() or self.state.reminder(chat_id, facts.plan_id) is not None:
            return []
        self.state.set_reminder(chat_id, facts.plan_id, due.timestamp(), "asked")
        return [self._offer(facts.plan_id)]

    def _facts(self, sender: str) -> PlanFacts | None:
        plan = self.plans.latest(sender)
        if plan is None:
            return None
        appointment = plan["appointment"]["date"]
        return PlanFacts(
            plan_id=plan["plan_id"],
            appointment=date.fromisoformat(appointment[:10]) if appointment else None,
            completed=plan["status"] == "completed",
            followed_up=any(a["question_key"] == FOLLOW_UP_KEY for a in plan["answers"]),
        )

    @staticmethod
    def _offer(plan_id: int) -> Outgoing:
        return Outgoing(
            texts.REMIND_ASK,
            [
                Button(texts.REMIND_YES, f"{REMIND_YES}:{plan_id}"),
                Button(texts.REMIND_NO, f"{REMIND_NO}:{plan_id}"),
            ],
        )

    # -- the person's answers -----------------------------------------------
    async def press(self, chat_id: int, payload: str) -> None:
        """A press on one of the bot's own buttons."""
        action, _, plan = payload.rpartition(":")
        plan_id = int(plan) if plan.isdigit() else 0
        if action == SHOW_PLAN:
            summary = await asyncio.to_thread(self.plans.summary, str(chat_id), plan_id)
            self.relay.say(chat_id, [Outgoing(summary or texts.NO_PLAN)])
        elif action == NOTHING_CHANGED:
            await self.record_follow_up(chat_id, texts.NOTHING_CHANGED)
        elif action in (REMIND_YES, REMIND_NO):
            await self.choose(chat_id, plan_id, on=action == REMIND_YES)

    async def choose(self, chat_id: int, plan_id: int, *, on: bool) -> None:
        reminder = self.state.reminder(chat_id, plan_id)
        if reminder is None:
            self.relay.say(chat_id, [Outgoing(texts.NO_REMINDER_NEEDED)])
            return
        self.state.set_reminder(chat_id, plan_id, reminder[0], "on" if on else "off")
        self._wake.set()
        when = datetime.fromtimestamp(reminder[0], timezone.utc).astimezone(UK)
        said = texts.REMIND_ON.format(day=day_words(when.date())) if on else texts.REMIND_OFF
        self.relay.say(chat_id, [Outgoing(said)])

    async def command(self, chat_id: int) -> None:
        """/reminders: say what is set, with a button to change it."""
        facts = await asyncio.to_thread(self._facts, str(chat_id))
        due = due_time(facts.appointment) if facts is not None and facts.appointment else None
        if facts is None or due is None or due <= self.clock():
            self.relay.say(chat_id, [Outgoing(texts.NO_REMINDER_NEEDED)])
            return
        reminder = self.state.reminder(chat_id, facts.plan_id)
        if reminder is not None and reminder[1] == "on":
            said = texts.REMIND_IS_ON.format(day=day_words(uk_date(due)))
            button = Button(texts.REMIND_TURN_OFF, f"{REMIND_NO}:{facts.plan_id}")
            self.relay.say(chat_id, [Outgoing(said, [button])])
            return
        self.state.set_reminder(chat_id, facts.plan_id, due.timestamp(), "asked")
        self.relay.say(chat_id, [self._offer(facts.plan_id)])

    def follow_up_waiting(self, chat_id: int) -> int | None:
        """The plan whose "how did it go?" question waits for an answer, if one does."""
        return self.state.follow_up_waiting(chat_id)

    async def record_follow_up(self, chat_id: int, words: str) -> None:
        plan_id = self.state.follow_up_waiting(chat_id)
        if plan_id is None:
            return
        await asyncio.to_thread(self.plans.record_follow_up, plan_id, words)
        self.state.follow_up_done(chat_id, plan_id)
        await self.relay.close_keyboards(chat_id)
        self.relay.say(chat_id, [Outgoing(texts.FOLLOW_UP_THANKS)])

    def skip_follow_up(self, chat_id: int) -> None:
        """The person went on with the conversation instead (a command or a button): don't ask again."""
        plan_id = self.state.follow_up_waiting(chat_id)
        if plan_id is not None:
            self.state.follow_up_done(chat_id, plan_id)

    # -- sending them ---------------------------------------------------------
    def wake(self) -> None:
        """Look at the reminders again now (a new one, or the clock has moved)."""
        self._wake.set()

    async def run(self) -> None:
        """Send each reminder when it falls due; sleep until the next one."""
        while True:
            try:
                await self._send_due()
                following = self.state.next_reminder()
            except Exception:  # keep the loop alive whatever one pass hits (e.g. a locked file)
                log.exception("Reminder pass failed")
                following = None
            wait = MAX_SLEEP_SECONDS if following is None else following - self.clock().timestamp()
            self._wake.clear()
            if wait > 0:
                with suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), min(wait, MAX_SLEEP_SECONDS))

    async def _send_due(self) -> None:
        now = self.clock()
        for chat_id, plan_id in self.state.reminders_due(now.timestamp()):
            try:
                await self._send(chat_id, plan_id, now)
            except TelegramError as error:  # tried again at the next look
                log.warning("Could not send a reminder (%s)", type(error).__name__)
            except DATA_ERRORS as error:
                log.warning("Could not read a plan for its reminder (%s)", type(error).__name__)

    async def _send(self, chat_id: int, plan_id: int, now: datetime) -> None:
        plan = await asyncio.to_thread(self.plans.plan, plan_id)
        appointment = (plan or {}).get("appointment", {}).get("date")
        if plan is None or plan["sender"] != str(chat_id) or not appointment:
            self.state.set_reminder_state(chat_id, plan_id, "gone")
            return
        day = date.fromisoformat(appointment[:10])
        if day <= uk_date(now):  # the bot was down until the appointment day: too late to remind
            self.state.set_reminder_state(chat_id, plan_id, "missed")
            return
        card = agenda_card(plan, day)
        await self.relay.send(chat_id, Outgoing(card, [Button(texts.SEE_PLAN, f"{SHOW_PLAN}:{plan_id}")]))
        self.state.set_reminder_state(chat_id, plan_id, "sent")
        log.info("Sent a reminder for plan %d", plan_id)


def agenda_card(plan: dict[str, Any], day: date) -> str:
    """The day-before card: the appointment, the one thing, their questions, and if it was read."""
    appointment = plan["appointment"]
    when = f"tomorrow, {day_words(day)}"
    if appointment.get("with"):
        when += f", with {appointment['with']}"
    lines = [texts.CARD_TITLE.format(when=when)]
    if appointment.get("reason"):
        lines.append(texts.CARD_REASON.format(reason=appointment["reason"]))
    one_thing = plan.get("one_thing")
    if one_thing:
        lines += ["", texts.CARD_ONE_THING, one_thing.get("text") or one_thing.get("title") or ""]
    if plan.get("questions"):
        lines += ["", texts.CARD_QUESTIONS, plan["questions"]]
    reviewed = plan.get("reviewed_at") or any(g.get("reviewed_at") for g in plan.get("goals") or [])
    lines += ["", texts.CARD_REVIEWED if reviewed else texts.CARD_NOT_REVIEWED]
    return "\n".join(lines)
