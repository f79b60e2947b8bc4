"""The action server's CPU a free-text turn, measured in this process, without the bench stack.

Two steps:

``record MODEL``: plays bench/cputime.py's ``CPU_CONVERSATIONS`` through Rasa (our
patches in, the model given) in this process, runs each action call in-process on the
action server's own executor, and writes every call Rasa made (its body, as sent)
and what came back to a file.

``measure``: starts as the action server does (actions/__main__.py: spaCy, domain, safety
rules and model loaded, then the heap frozen), with a fresh care-plan database, and
replays the recorded calls in order, timing each with the process's CPU clock
(reading the body and writing the result as the server does). It prints CPU ms per
free-text turn, and says which replies differ from the recording (a change in
behaviour, or a recording older than the code: record again). ``--profile FILE``
writes a cProfile of the replay (``python -m pstats FILE``).

    python scripts/profile_actions.py record "$(python scripts/train.py | tail -1)"
    python scripts/profile_actions.py measure --times 3
    python scripts/profile_actions.py measure --profile /tmp/actions.prof
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import logging
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RECORDING = Path.home() / ".cache" / "what-matters" / "action_calls.json"


def fresh_databases(folder: Path) -> None:
    """Care plans and held messages in ``folder``, as tests/stack.py sets them."""
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'careplan.db'}"
    os.environ["TRACKER_DB_URL"] = f"sqlite:///{folder / 'tracker.db'}"
    os.environ["HELD_MESSAGES_PATH"] = str(folder / "held.db")


def executor() -> Any:
    """The action server's executor, with chance made repeatable (see :func:`call`)."""
    from rasa_sdk.executor import ActionExecutor

    secrets.choice = random.choice  # a reflection's wording: seeded here, not the system's

    running = ActionExecutor()
    running.register_package("actions")
    return running


async def call(running: Any, body: str, number: int) -> tuple[int, str]:
    """Action call ``number`` as rasa_sdk's webhook answers it: status and body. Chance (a
    reflection's wording) is seeded by the call's number, so a replay can be compared."""
    import ujson
    from rasa_sdk.interfaces import ActionExecutionRejection

    random.seed(number)
    try:
        result = await running.run(ujson.loads(body))
    except ActionExecutionRejection as exc:
        return 400, ujson.dumps({"error": exc.message, "action_name": exc.action_name})
    return 200, ujson.dumps(result)


# -- record ----------------------------------------------------------------------------------


async def record(model: Path, out: Path) -> None:
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    import rasa_ext

    rasa_ext.install()
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    import ujson
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.utils.endpoints import ClientResponseError, EndpointConfig, read_endpoint_config

    from bench.cputime import CPU_CONVERSATIONS, typed_turns

    running = executor()
    calls: list[dict[str, Any]] = []
    turn: dict[str, Any] = {"n": 0, "conversation": ""}

    class InProcess(EndpointConfig):
        async def request(self, method: str = "post", subpath: str | None = None, **kwargs: Any) -> Any:
            body = ujson.dumps(kwargs["json"])
            status, reply = await call(running, body, len(calls))
            calls.append(
                {
                    "turn": turn["n"],
                    "conversation": turn["conversation"],
                    "body": body,
                    "status": status,
                    "reply": reply,
                }
            )
            if status != 200:
                raise ClientResponseError(status, "rejected", reply)
            return ujson.loads(reply)

    os.environ.setdefault("ACTION_SERVER_URL", "http://in-process")
    endpoint = read_endpoint_config(str(ROOT / "endpoints.yml"), "action_endpoint")
    assert endpoint is not None, "endpoints.yml has no action_endpoint"
    agent = Agent.load(str(model), action_endpoint=InProcess(url=endpoint.url, **endpoint.kwargs))
    for name in CPU_CONVERSATIONS:
        turn["conversation"] = name
        for text, _ in typed_turns(name):
            turn["n"] += 1
            message = UserMessage(text, CollectingOutputChannel(), f"cpu-{name}", input_channel="rest")
            await agent.handle_message(message)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"turns": turn["n"], "calls": calls}))
    print(f"{len(calls)} action calls over {turn['n']} turns written to {out}")


# -- measure ---------------------------------------------------------------------------------


def warm() -> None:
    """What actions/__main__.py loads before the first person."""
    from actions.common import store
    from careplan import questions, safety, safety_model
    from careplan.nlp import load_spacy

    store()  # the first database connection (the bench's warm-up conversation makes it)
    load_spacy()
    questions.domain()
    safety.load_rules()
    safety_model.warm()
    gc.collect()
    gc.freeze()


def replay(recording: dict[str, Any], profile: cProfile.Profile | None) -> tuple[list[float], list[str]]:
    """CPU seconds each action call took, and how the replies that differ differ."""
    running = executor()
    loop = asyncio.new_event_loop()
    spent: list[float] = []
    differ: list[str] = []
    for number, recorded in enumerate(recording["calls"]):
        start = time.process_time()
        if profile is not None:
            profile.enable()
        status, reply = loop.run_until_complete(call(running, recorded["body"], number))
        if profile is not None:
            profile.disable()
        spent.append(time.process_time() - start)
        if (status, reply) != (recorded["status"], recorded["reply"]):
            differ.append(f"call {number} (turn {recorded['turn']}): {reply[:300]}")
    loop.close()
    return spent, differ


def measure(recording_path: Path, profile_path: Path | None) -> float:
    """One replay in this process: prints and returns CPU ms a turn after the first
    conversation (which, like the bench's warm-up conversation, pays for lazy loading)."""
    recording = json.loads(recording_path.read_text())
    with tempfile.TemporaryDirectory(prefix="profile-actions-") as folder:
        fresh_databases(Path(folder))
        warm()
        profile = cProfile.Profile() if profile_path else None
        spent, differ = replay(recording, profile)
    if profile is not None and profile_path is not None:
        profile.dump_stats(str(profile_path))
    calls = recording["calls"]
    first = calls[0]["conversation"]
    later = [i for i, c in enumerate(calls) if c["conversation"] != first]
    later_turns = recording["turns"] - calls[later[0]]["turn"] + 1
    ms = sum(spent[i] for i in later) * 1000 / later_turns
    print(
        f"{ms:.2f} ms a turn after the first conversation ({len(later)} calls, {later_turns} turns); "
        f"{sum(spent) * 1000 / recording['turns']:.2f} ms over all {recording['turns']} turns"
    )
    for line in differ:
        print("differs:", line, file=sys.stderr)
    if differ:
        print(f"{len(differ)} replies differ from the recording", file=sys.stderr)
    return ms


def measure_times(recording: Path, times: int) -> None:
    """``times`` replays, each in a fresh process (caches cold as a new server's); the median."""
    figures = []
    for _ in range(times):
        out = subprocess.run(  # noqa: S603 - this script, again
            [sys.executable, __file__, "--recording", str(recording), "measure"],
            check=True,
            capture_output=True,
            text=True,
        )
        sys.stderr.write("".join(line for line in out.stderr.splitlines(True) if "differ" in line))
        figures.append(float(out.stdout.split()[0]))
    print(f"median {statistics.median(figures):.2f} ms a turn of {', '.join(f'{f:.2f}' for f in figures)}")


def main() -> None:
    sys.path.append(str(ROOT))  # after PYTHONPATH: measure whichever checkout it names
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--recording", type=Path, default=DEFAULT_RECORDING)
    steps = parser.add_subparsers(dest="step", required=True)
    recorder = steps.add_parser("record")
    recorder.add_argument("model", type=Path)
    measurer = steps.add_parser("measure")
    measurer.add_argument("--profile", type=Path)
    measurer.add_argument("--times", type=int, default=1, help="replays in fresh processes; the median")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="profile-actions-") as folder:
        fresh_databases(Path(folder))
        if args.step == "record":
            asyncio.run(record(args.model, args.recording))
            return
    if args.times > 1:
        measure_times(args.recording, args.times)
        return
    sys.modules.setdefault("tensorflow", None)  # type: ignore[assignment] - as actions/__main__.py
    measure(args.recording, args.profile)


if __name__ == "__main__":
    main()
