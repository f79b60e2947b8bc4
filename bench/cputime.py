"""CPU milliseconds a free-text turn: the per-turn cost, whatever else the machine is doing.

Wall-clock latency on a shared two-core machine moves with everyone else's
load; the CPU time a process spends on a turn hardly does. So each bot is
driven at one conversation at a time and the CPU time (user + system, every
process of its stack with children, from /proc) is read before and after.

Our bench conversation repeats its 24 texts, and the action server keeps
recent parses, so from its second playing on much of the reading is a cache
hit; real people never repeat a conversation. So ours plays fixed development
conversations (``CPU_CONVERSATIONS``: every turn typed, all different), and the
starter its own script (stock Rasa keeps no parses, so repeats cost the same).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.conversations import CONVERSATIONS, load_conversation
from bench.driver import Driver, LevelResult
from bench.turns import Turn
from launch import Service

# Development conversations with every turn typed (tests/conversations/), a third of
# those there were in session 22: carers, safety, corrections, read-backs.
CPU_CONVERSATIONS = (
    "asides_mid_question",
    "messy_07_goal_in_something_else",
    "messy_49_dont_see_the_point",
    "messy_54_worry_as_question",
    "messy_59_mum_edna_before_yes",
    "messy_63_the_thing_about_the_bus",
    "messy_68_no_thats_wrong",
    "messy_b01_ravi_lowercase_rich_opening",
    "messy_b04_will_word_name",
    "messy_b08_cataract_see_if",
    "messy_b15_yes_with_because",
    "messy_c03_share_and_a_copy",
    "messy_c06_nothing_is_not_a_goal",
    "messy_d01_choking_named",
    "messy_d05_worry_sounds_like_faq",
    "messy_e01_take_off_keeps_a_note",
    "messy_f02_after_the_end_anything",
    "messy_g03_see_everything",
    "messy_h02_filler_words_are_not_names",
    "messy_k1_step_away_textspeak",
    "messy_k4_appointment_bit_wrong",
    "messy_l03_readback_appointment_words",
    "messy_s20c_03_ulcer_gone_red_and_shivery",
)
# The starter's six turns, this many times: about as many turns as ours plays.
STARTER_CONVERSATIONS = 60


def typed_turns(name: str) -> list[Turn]:
    """A development conversation's turns; every one must be typed words (free text)."""
    turns: list[Turn] = []
    for number, step in enumerate(load_conversation(CONVERSATIONS / f"{name}.yml").steps, start=1):
        if step.say is None or step.say.startswith("/"):
            raise ValueError(f"{name} turn {number}: the CPU measure plays typed turns only")
        turns.append((step.say, step.expect or None))
    return turns


@dataclass
class CpuResult:
    """CPU milliseconds per free-text turn, for each process and in all."""

    per_process_ms: dict[str, float]
    free_text_turns: int
    errors: int
    wrong_replies: int

    @property
    def total_ms(self) -> float:
        return sum(self.per_process_ms.values())


def measure(services: list[Service], plays: list[Callable[[], LevelResult]]) -> CpuResult:
    """Run ``plays`` one after another and charge the CPU time each service used to their
    free-text turns."""
    before = {s.name: s.cpu_s() for s in services}
    results = [play() for play in plays]
    after = {s.name: s.cpu_s() for s in services}
    turns = sum(r.free_text_turns for r in results)
    per_process = {
        name: round((after[name] - before[name]) * 1000 / turns, 2) if turns else float("nan")
        for name in before
    }
    return CpuResult(
        per_process_ms=per_process,
        free_text_turns=turns,
        errors=sum(r.errors for r in results),
        wrong_replies=sum(r.wrong_replies for r in results),
    )


def ours(url: str, services: list[Service], prefix: str = "cpu") -> CpuResult:
    """Every conversation in ``CPU_CONVERSATIONS`` once, one at a time."""
    drivers = [Driver(url, typed_turns(name), sender_prefix=prefix) for name in CPU_CONVERSATIONS]
    return measure(services, [lambda d=d: d.run(1, 1) for d in drivers])


def starter(url: str, services: list[Service], turns: list[Turn]) -> CpuResult:
    """The starter's script ``STARTER_CONVERSATIONS`` times, one at a time."""
    driver = Driver(url, turns, sender_prefix="cpu-starter")
    return measure(services, [lambda: driver.run(1, STARTER_CONVERSATIONS)])
