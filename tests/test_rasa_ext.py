"""rasa_ext: refuses any Rasa but the pinned one, and WHAT_MATTERS_STOCK_RASA gives Rasa as shipped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

import rasa_ext
from launch import ROOT
from rasa_ext import __main__ as rasa_ext_main
from rasa_ext import speedups
from rasa_ext.__main__ import stock_argv


def test_the_pinned_rasa_is_installed() -> None:
    rasa_ext.require_pinned_rasa()


def test_another_rasa_is_refused_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasa_ext, "version", lambda _name: "3.6.22")
    with pytest.raises(rasa_ext.WrongRasa, match=r"runs on Rasa 3\.6\.21, but Rasa 3\.6\.22 is installed"):
        rasa_ext.install()
    with pytest.raises(rasa_ext.WrongRasa):
        speedups.install()


@pytest.mark.parametrize(
    ("value", "stock"), [("1", True), ("true", True), ("yes", True), ("0", False), ("", False)]
)
def test_the_stock_switch(monkeypatch: pytest.MonkeyPatch, value: str, stock: bool) -> None:
    monkeypatch.setenv(rasa_ext.STOCK_ENV, value)
    assert rasa_ext.stock() is stock


def test_stock_mode_installs_no_patch(monkeypatch: pytest.MonkeyPatch) -> None:
    speedups.uninstall()
    patched = list(speedups._ORIGINAL)
    assert (RemoteAction, "_validate_action_result") in patched and len(patched) >= 9
    stock = {(owner, name): getattr(owner, name) for owner, name in patched}
    monkeypatch.setenv(rasa_ext.STOCK_ENV, "1")
    rasa_ext.install()
    assert all(getattr(owner, name) is stock[owner, name] for owner, name in patched)
    monkeypatch.setenv(rasa_ext.STOCK_ENV, "0")
    rasa_ext.install()
    try:
        assert all(getattr(owner, name) is not stock[owner, name] for owner, name in patched)
    finally:
        speedups.uninstall()
    assert all(getattr(owner, name) is stock[owner, name] for owner, name in patched)


def test_stock_endpoints_name_rasas_own_stores() -> None:
    scaled = rasa_ext.stock_endpoints((ROOT / "scale" / "endpoints.yml").read_text(encoding="utf-8"))
    assert "type: rasa_ext" not in scaled
    assert "type: sql\n" in scaled and "type: redis\n" in scaled
    assert "poll_seconds" not in scaled
    assert "password: ${WM_REDIS_PASSWORD}" in scaled  # still filled in by Rasa from the environment


def test_stock_endpoints_give_rasas_own_sql_tracker_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project's endpoints.yml, made stock, gives exactly Rasa's SQLTrackerStore."""
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:9")
    text = (
        (ROOT / "endpoints.yml")
        .read_text(encoding="utf-8")
        .replace("db: var/rasa_tracker.db", f"db: {tmp_path / 'tracker.db'}")
    )
    ours = tmp_path / "endpoints.yml"
    ours.write_text(text, encoding="utf-8")
    [_, stock_file] = stock_argv(["--endpoints", str(ours)])
    config = read_endpoint_config(stock_file, "tracker_store")
    store = TrackerStore.create(config, Domain.empty())
    assert type(store) is SQLTrackerStore
    assert (tmp_path / "tracker.db").exists()


def test_python_m_rasa_ext_refuses_another_rasa_before_starting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m rasa_ext run ...`` stops with the reason, before Rasa's command line runs."""
    monkeypatch.setattr(rasa_ext, "version", lambda _name: "3.7.0")
    monkeypatch.setattr(sys, "argv", ["rasa_ext", "run"])
    with pytest.raises(
        SystemExit, match=r"^Not starting: What Matters runs on Rasa 3\.6\.21, but Rasa 3\.7\.0"
    ):
        rasa_ext_main.main()


def test_rasas_logged_tracebacks_keep_no_local_variables(caplog: pytest.LogCaptureFixture) -> None:
    """Rasa logs handled exceptions with each frame's locals (the slots: what people said)."""
    import logging

    import structlog
    from rasa.utils import log_utils

    from rasa_ext import logs

    def fails(said: str) -> None:
        raise KeyError("placeholder")

    def logged() -> str:
        caplog.clear()
        log_utils.configure_structlog(logging.INFO)
        try:
            fails("I have been so low since Jim died")
        except KeyError:
            structlog.get_logger().exception("interpolator.interpolate.text")
        return caplog.text

    caplog.set_level(logging.INFO)
    logs.uninstall()  # whatever an earlier test installed
    try:
        assert "since Jim died" in logged()  # Rasa as shipped
        logs.install()
        text = logged()
        assert "since Jim died" not in text
        assert "KeyError" in text and "interpolator.interpolate.text" in text
    finally:
        logs.uninstall()
        structlog.reset_defaults()


def test_rule_matches_are_remembered_and_are_rasas(monkeypatch: pytest.MonkeyPatch) -> None:
    """RulePolicy's rules that fit the last states are worked out once per states, as Rasa does."""
    from rasa.core.policies.rule_policy import RulePolicy

    listen = {"prev_action": {"action_name": "action_listen"}}
    asked = {"prev_action": {"action_name": "utter_ask"}}
    rules = [[{**listen, "user": {"intent": "help"}}], [asked, {**listen, "user": {"intent": "help"}}]]
    lookup = {json.dumps(rule): f"utter_{n}" for n, rule in enumerate(rules)}
    lookup[json.dumps([{**listen, "user": {"intent": "stop"}}])] = "utter_stop"
    policy = RulePolicy.__new__(RulePolicy)
    rasas = speedups._ORIGINAL[(RulePolicy, "_get_possible_keys")]
    calls = []
    monkeypatch.setitem(
        speedups._ORIGINAL,
        (RulePolicy, "_get_possible_keys"),
        lambda *args: calls.append(args) or rasas(*args),
    )
    states = [{**listen, "user": {"intent": "hello"}}, asked, {**listen, "user": {"intent": "help"}}]
    expected = rasas(policy, lookup, states)
    assert expected == {json.dumps(rule) for rule in rules}
    assert speedups._get_possible_keys(policy, lookup, states) == expected
    assert speedups._get_possible_keys(policy, lookup, [dict(s) for s in states]) == expected
    assert len(calls) == 1  # the second time, remembered
    other = [*states[:-1], {**listen, "user": {"intent": "stop"}}]
    assert speedups._get_possible_keys(policy, lookup, other) == rasas(policy, lookup, other) != expected


class _Node:
    """A graph node as Rasa's GraphNode behaves: takes (name, output) pairs, returns its own."""

    def __init__(self, name: str, calls: list[str]) -> None:
        self.name, self.calls = name, calls

    def __call__(self, *inputs: object) -> tuple[str, object]:
        self.calls.append(self.name)
        return self.name, (self.name, inputs)


def test_the_graph_is_run_as_dask_runs_it() -> None:
    """Each node the targets need, once, after what it takes; inputs and unknown names as dask
    hands them over; the same error for an input named as a node."""
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.graph import GraphSchema, SchemaNode
    from rasa.engine.runner.dask import DaskGraphRunner

    needs = {
        "tokens": {"message": "__message__"},
        "words": {"tokens": "tokens"},
        "letters": {"tokens": "tokens"},
        "intent": {"words": "words", "letters": "letters", "extra": "__not_given__"},
        "unused": {"tokens": "tokens"},
    }
    schema = GraphSchema(
        {
            name: SchemaNode(needs=n, uses=object, constructor_name="", fn="", config={})
            for name, n in needs.items()
        }
    )
    results = {}
    for run in (speedups._ORIGINAL[(DaskGraphRunner, "run")], speedups._run_graph):
        calls: list[str] = []
        runner = DaskGraphRunner.__new__(DaskGraphRunner)
        runner._graph_schema, runner._execution_context = schema, None
        runner._instantiated_nodes = {name: _Node(name, calls) for name in needs}
        results[run] = (run(runner, {"__message__": ["hello"]}, ["intent", "words"]), calls)
        with pytest.raises(GraphRunError, match="clashes with a node name"):
            run(runner, {"__message__": "tokens"}, ["intent"])
    (dask, dask_calls), (ours, our_calls) = results.values()
    assert ours == dask and set(ours) == {"intent", "words"}
    assert sorted(our_calls) == sorted(dask_calls) == ["intent", "letters", "tokens", "words"]
    assert our_calls.index("tokens") < our_calls.index("words") < our_calls.index("intent")
    assert ours["intent"][1][-1] == "__not_given__", "a name nothing gives is handed over as it is"


def test_action_calls_are_written_with_the_same_values() -> None:
    """ujson writes the action call (item 10): read back, the same values as json.dumps gives,
    and what ujson refuses is json.dumps's to write or refuse."""
    import math

    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    parse = {
        "intent": {"name": "inform", "confidence": 0.8723412309876543},
        "intent_ranking": [
            {"name": "inform", "confidence": 0.8723412309876543},
            {"name": "help", "confidence": 1e-07},
        ],
        "entities": [],
        "text": "Mum's knees \u2014 she can't do the stairs / bath \U0001f622 \"today\"",
    }
    events = [
        ActionExecuted("action_listen"),
        UserUttered(parse["text"], parse["intent"], [], parse),
        SlotSet("q_age", 84),
        SlotSet("q_weight", 61.25),
        SlotSet("q_goals", ["walk to the shop", None, True]),
    ]
    state = DialogueStateTracker.from_events("someone", events).current_state(EventVerbosity.ALL)
    body = {"next_action": "action_x", "sender_id": "someone", "tracker": state, "version": "3.6.21"}
    assert json.loads(speedups._dumps(body)) == json.loads(json.dumps(body))
    assert speedups._dumps(body) != json.dumps(body), "written by ujson"
    odd = json.loads(speedups._dumps({"x": float("nan"), "y": float("-inf")}))
    assert math.isnan(odd["x"]) and odd["y"] == float("-inf"), "as json.dumps writes them"
    with pytest.raises(TypeError):
        speedups._dumps({"x": object()})


def test_the_kept_session_writes_json_with_ujson() -> None:
    import asyncio

    from rasa.utils.endpoints import EndpointConfig

    async def serializer() -> object:
        async with speedups._session(EndpointConfig("http://127.0.0.1:9/webhook")) as session:
            try:
                return session.json_serialize
            finally:
                await session.close()

    assert asyncio.run(serializer()) is speedups._dumps


def test_what_rasa_loaded_is_collected_then_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 11: after Rasa's own start-up listener, garbage is collected and the rest frozen."""
    import asyncio
    import gc

    import rasa.core.run

    seen = []

    async def load(*args: object) -> str:
        seen.append(args)
        return "agent"

    monkeypatch.setitem(speedups._ORIGINAL, (rasa.core.run, "load_agent_on_start"), load)
    gc.unfreeze()
    try:
        loaded = speedups._load_agent_on_start("model", "endpoints", None, "app", "loop")  # type: ignore[arg-type]
        assert asyncio.run(loaded) == "agent"
        assert seen == [("model", "endpoints", None, "app", "loop")]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_call_state_is_rasas_current_state_with_the_recent_events() -> None:
    """Item 2: the tracker as Rasa's ``current_state`` gives it, the active form's trigger
    message included, with the last turns' events; the same when written out."""
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    events = [ActionExecuted("action_listen")]
    for turn in range(5):
        parse = {"intent": {"name": "inform", "confidence": 0.75}, "entities": [], "text": f"answer {turn}"}
        events += [
            UserUttered(f"answer {turn}", parse["intent"], [], parse),
            SlotSet("q_goal", f"goal {turn}"),
        ]
        if turn == 1:
            events += [ActionExecuted("care_form"), ActiveLoop("care_form")]
        events += [BotUttered(f"question {turn}"), ActionExecuted("action_listen")]
    for tracker in (
        DialogueStateTracker.from_events("someone", events),
        DialogueStateTracker.from_events("someone", events[:3]),
    ):
        rasas = tracker.current_state(EventVerbosity.NONE)
        rasas["events"] = [e.as_dict() for e in speedups.recent_events(list(tracker.events))]
        ours = speedups.call_state(tracker)
        assert ours == rasas and json.dumps(ours) == json.dumps(rasas)
    assert ours["active_loop"] == {}
    active = speedups.call_state(DialogueStateTracker.from_events("someone", events))["active_loop"]
    assert active["name"] == "care_form" and active["trigger_message"]["text"] == "answer 1"


@pytest.mark.parametrize(
    ("marked", "sent"),
    [("", False), (":\n      send_domain: true", True)],
    ids=["unmarked", "marked send_domain"],
)
def test_a_forms_validate_action_gets_the_domain_only_when_marked(marked: str, sent: bool) -> None:
    """Item 2: with the selective domain, a form's ``validate_`` action gets no domain unless
    domain.yml marks it ``send_domain`` (Rasa sends it to every one); an action marked gets it."""
    from rasa.utils.endpoints import EndpointConfig

    domain = Domain.from_yaml(
        "version: '3.1'\nactions:\n  - validate_care_form" + marked + "\n"
        "  - action_interrupt:\n      send_domain: true\n  - action_reply\n"
    )
    endpoint = EndpointConfig("http://127.0.0.1:9/webhook", enable_selective_domain=True)
    tracker = DialogueStateTracker.from_events("someone", [])

    def body(name: str) -> dict[str, object]:
        return speedups._action_call_format(RemoteAction(name, endpoint), tracker, domain)

    assert ("domain" in body("validate_care_form")) is sent
    assert "domain" in body("action_interrupt")
    assert "domain" not in body("action_reply")
    everything = RemoteAction("validate_care_form", EndpointConfig("http://127.0.0.1:9/webhook"))
    assert "domain" in speedups._action_call_format(everything, tracker, domain), "not selective: all"
