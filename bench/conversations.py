"""Conversation scripts as data: tests/conversations/*.yml.

One file is one person's conversation: what they type (or which button they
tap), what the bot's replies must and must not say, and what the stored plan
must hold afterwards. The end-to-end tests, the Telegram test and the benchmark
all play the same files, so a conversation is written once.

    title: Pat gives everything at once
    person: Pat, 67, in a hurry
    turns:
      - say: "its for me, Im Pat, seeing the nurse next tuesday"
        expect: [Pat, nurse]          # each must appear in the replies (any case)
      - say: "im shattered myself"
        expect: [[no wonder, you matter too, caring is hard]]  # a list inside: one of them
        avoid: [When is it]           # none may appear
      - press: 1                      # tap the first button of the last replies
    export:                           # checked against the plan's export
      subject.preferred_name: Pat     # equal
      appointment.with: {contains: nurse}
      goals.*.domain: {contains: health}       # * = some element
      answers.*.text: {not_contains: why}      # * with not_contains = no element

Matchers: a plain value (equal), ``contains``, ``not_contains``, ``length``,
``absent`` (None, missing or empty), ``weekday``, ``day_of_month`` and
``days_from_today`` (for ISO dates).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from careplan import clock

ROOT = Path(__file__).resolve().parent.parent
CONVERSATIONS = ROOT / "tests" / "conversations"
# No reply, in any conversation, may say this: it means a turn failed.
NEVER = ("something went wrong on my side",)


@dataclass(frozen=True)
class Step:
    """One thing the person does, and what the bot's replies to it must (not) say."""

    say: str | None = None
    press: int | None = None
    expect: tuple[str | tuple[str, ...], ...] = ()  # a tuple: any one of its words will do
    avoid: tuple[str, ...] = ()

    def message(self, buttons: list[dict[str, Any]]) -> str | None:
        """The text sent to Rasa: what was typed, or the payload of the tapped button
        (None when that button wasn't offered)."""
        if self.press is None:
            return self.say or ""
        if not 0 < self.press <= len(buttons):
            return None
        return buttons[self.press - 1]["payload"]

    def problems(self, replies: str) -> list[str]:
        lowered = replies.lower()
        missing = [
            f"expected {e!r}"
            for e in self.expect
            if not any(one.lower() in lowered for one in ((e,) if isinstance(e, str) else e))
        ]
        unwanted = [f"should not say {a!r}" for a in (*self.avoid, *NEVER) if a.lower() in lowered]
        return missing + unwanted


@dataclass(frozen=True)
class Conversation:
    name: str
    title: str
    person: str
    steps: tuple[Step, ...]
    export: dict[str, Any] = field(default_factory=dict)

    def free_text_turns(self) -> int:
        return sum(1 for s in self.steps if s.press is None and not (s.say or "").startswith("/"))

    def first(self, turns: int) -> Conversation:
        """The first ``turns`` turns only, without the export checks (they are for the whole
        conversation): for a test that plays part of a conversation, then does something else."""
        return replace(self, steps=self.steps[:turns], export={})


def _listed(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in _listed(value))


class _WordsLoader(yaml.SafeLoader):
    """YAML where only true/false are booleans: people type "yes", "no", "on" and "off",
    and YAML 1.1 would otherwise send Rasa "True" for an unquoted ``say: yes``."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_conversation(path: Path) -> Conversation:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_WordsLoader)  # noqa: S506 - a SafeLoader
    steps = []
    for number, turn in enumerate(data["turns"], start=1):
        if ("say" in turn) == ("press" in turn):
            raise ValueError(f"{path.name} turn {number}: give either 'say' or 'press'")
        steps.append(
            Step(
                say=None if turn.get("say") is None else str(turn["say"]),
                press=turn.get("press"),
                expect=tuple(
                    _strings(e) if isinstance(e, list) else str(e) for e in _listed(turn.get("expect"))
                ),
                avoid=_strings(turn.get("avoid")),
            )
        )
    return Conversation(
        name=path.stem,
        title=data.get("title", path.stem),
        person=data.get("person", ""),
        steps=tuple(steps),
        export=data.get("export") or {},
    )


def all_conversations(folder: Path = CONVERSATIONS) -> list[Conversation]:
    return [load_conversation(path) for path in sorted(folder.glob("*.yml"))]


# --- checking the stored plan -----------------------------------------------------------
def _values(data: Any, parts: list[str]) -> list[Any]:
    """Every value at a dotted path; ``*`` fans out over a list."""
    if not parts:
        return [data]
    head, rest = parts[0], parts[1:]
    if head == "*":
        return [v for item in (data or []) for v in _values(item, rest)]
    if isinstance(data, list):
        index = int(head)
        return _values(data[index], rest) if -len(data) <= index < len(data) else [None]
    if isinstance(data, dict):
        return _values(data.get(head), rest)
    return [None]


def _matches(value: Any, expected: Any, today: date) -> bool:
    if not isinstance(expected, dict):
        return value == expected
    (kind, wanted), *_ = expected.items()
    if kind == "absent":
        return (value in (None, "", [], {})) == bool(wanted)
    if kind == "length":
        return value is not None and len(value) == wanted
    if kind in {"contains", "not_contains"}:
        found = value is not None and str(wanted).lower() in str(value).lower()
        return found if kind == "contains" else not found
    if value is None:
        return False
    day = date.fromisoformat(str(value)[:10])
    if kind == "weekday":
        return f"{day:%A}".lower() == str(wanted).lower()
    if kind == "day_of_month":
        return day.day == int(wanted)
    if kind == "days_from_today":
        return (day - today).days == int(wanted)
    raise ValueError(f"unknown matcher {kind!r}")


def export_problems(plan: dict[str, Any], checks: dict[str, Any], today: date | None = None) -> list[str]:
    """What in the exported plan doesn't match the checks (empty when all is well)."""
    today = today or clock.today()
    problems = []
    for path, expected in checks.items():
        parts = str(path).split(".")
        values = _values(plan, parts)
        every = isinstance(expected, dict) and "not_contains" in expected
        if "*" in parts:
            ok = bool(values) and (all if every else any)(_matches(v, expected, today) for v in values)
            ok = ok or (every and not values)
        else:
            ok = _matches(values[0], expected, today)
        if not ok:
            problems.append(f"{path}: expected {expected!r}, found {values if '*' in parts else values[0]!r}")
    return problems


def play(
    say: Callable[[str], list[dict[str, Any]]],
    conversation: Conversation,
    plan: Callable[[], dict[str, Any] | None],
) -> list[str]:
    """Play a conversation through ``say`` (one message in, the bot's messages out),
    then check ``plan()``, the stored plan. Returns every way it went wrong."""
    problems: list[str] = []
    buttons: list[dict[str, Any]] = []
    for number, step in enumerate(conversation.steps, start=1):
        message = step.message(buttons)
        if message is None:  # noted, and the conversation goes on, so the rest still shows
            problems.append(f"turn {number}: button {step.press} pressed, but the bot offered {len(buttons)}")
            continue
        said = say(message)
        buttons = [b for m in said for b in m.get("buttons") or []]
        replies = "\n".join(m.get("text") or "" for m in said)
        problems += [
            f"turn {number} ({step.say or f'button {step.press}'!r}): {p}; the bot said {replies!r}"
            for p in step.problems(replies)
        ]
    if conversation.export:
        stored = plan()
        if stored is None:
            return [*problems, "no plan was stored"]
        problems += export_problems(stored, conversation.export)
    return problems
