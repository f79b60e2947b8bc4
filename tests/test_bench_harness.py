"""The benchmark's own machinery, on a small real HTTP server: counting, percentiles,
errors, the loopback guard, the figures and regression flags, the export timing.

The full benchmark (`make bench`) trains two bots and takes minutes; these
checks keep its parts honest in seconds.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
import scaled_kit  # noqa: F401 - puts the checkout (bench/, scale/) on sys.path
from aiohttp import web

from bench import __main__ as bench_main
from bench import cputime, exporttime, report, turns
from bench.conversations import load_conversation
from bench.driver import Driver, LevelResult, NotLoopback
from launch import Service, cpu_seconds, free_port


class FakeRasa:
    """A REST webhook that echoes, stays silent for "quiet", fails for "boom", and
    apologises, as our channel does, for "oops"."""

    def __init__(self) -> None:
        self.port = free_port()
        self.seen: list[tuple[str, str]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.01)
            self.seen.append((body["sender"], body["message"]))
            if body["message"] == "boom":
                return web.Response(status=500)
            if body["message"] == "quiet":
                return web.json_response([])
            if body["message"] == "oops":
                text = "Sorry, something went wrong on my side. Your answers so far are safe."
                return web.json_response([{"recipient_id": body["sender"], "text": text}])
            reply = {"recipient_id": body["sender"], "text": f"you said {body['message']}"}
            return web.json_response([reply])
        finally:
            self.in_flight -= 1

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        runner = web.AppRunner(app)
        self._loop.run_until_complete(runner.setup())
        self._loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()

    def __enter__(self) -> FakeRasa:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def fake() -> Iterator[FakeRasa]:
    with FakeRasa() as server:
        yield server


def test_every_turn_of_every_conversation_is_sent_in_order_and_timed(fake: FakeRasa) -> None:
    script = [("hello", "you said hello"), ("how are you", "you said how"), ("bye", None)]
    result = Driver(fake.url, script).run(concurrency=5, conversations=12)
    assert result.turns == 36 and len(result.latencies_ms) == 36
    assert result.errors == 0 and result.wrong_replies == 0
    senders = {sender for sender, _ in fake.seen}
    assert len(senders) == 12
    for sender in senders:
        assert [m for s, m in fake.seen if s == sender] == ["hello", "how are you", "bye"]
    assert fake.most_in_flight <= 5, "never more conversations at once than asked"
    assert fake.most_in_flight > 1, "and really concurrent"
    assert result.p50 <= result.p95 <= result.max_ms
    assert result.throughput > 0


def test_failures_silence_apologies_and_wrong_replies_are_counted_apart(fake: FakeRasa) -> None:
    script = [("hello", "you said hello"), ("quiet", None), ("hello", "something else"), ("oops", None)]
    script += [("boom", None), ("x", None)]
    result = Driver(fake.url, script).run(concurrency=2, conversations=3)
    assert result.empty_replies == 3
    assert result.failure_replies == 3, "a kind apology for a failure is still a failure"
    assert result.transport_errors == 3, "one failure per conversation, which then stops"
    assert result.errors == 9
    assert result.wrong_replies == 3
    assert result.wrong_examples == ["'something else' -> 'you said hello'"] * 3, "shown, to see why"
    assert "x" not in {m for _, m in fake.seen}, "nothing is sent after a failed turn"
    assert result.error_kinds == {"empty reply": 3, "apology": 3, "http 500": 3}
    assert result.throughput * result.wall_s == pytest.approx(6), "only the good free-text turns count"


def test_button_turns_are_sent_but_timed_apart(fake: FakeRasa) -> None:
    script = [("hello", "you said hello"), ("/affirm", "you said /affirm"), ("bye", ("you said", "bye"))]
    result = Driver(fake.url, script).run(concurrency=1, conversations=2)
    assert result.turns == 6 and result.payload_turns == 2
    assert result.free_text_turns == len(result.latencies_ms) == 4
    assert result.wrong_replies == 0, "every fragment of a turn is checked"
    wrong = Driver(fake.url, [("bye", ("you said", "hello"))]).run(concurrency=1, conversations=1)
    assert wrong.wrong_replies == 1


def test_load_is_only_ever_sent_to_loopback() -> None:
    with pytest.raises(NotLoopback):
        Driver("http://10.0.0.5:5005", [("hi", None)])
    with pytest.raises(NotLoopback):
        Driver("http://example.org", [("hi", None)])
    Driver("http://127.0.0.1:9", [("hi", None)])
    Driver("http://localhost:9", [("hi", None)])


def test_percentiles_are_nearest_rank() -> None:
    result = LevelResult(concurrency=1, conversations=1, latencies_ms=[float(x) for x in range(1, 101)])
    assert (result.p50, result.p95, result.max_ms) == (50.0, 95.0, 100.0)


def test_turn_scripts_come_from_the_conversation_files_and_from_files(tmp_path: Path) -> None:
    ours = turns.our_turns()
    assert ours[0][0] == "hi" and all(isinstance(text, str) and text for text, _ in ours)
    assert len(ours) == len(load_conversation(turns.OUR_CONVERSATION).steps)
    long = turns.long_turns()
    assert len(long) == 200
    assert {long[t - 1] for t in turns.LONG_MARKS} == {long[9]}, "the marked turns do the same work"
    assert all(long[t - 1] == long[t - 3] == long[t - 5] for t in turns.LONG_MARKS)
    path = tmp_path / "turns.yml"
    path.write_text("- hello\n- [bye, Bye]\n")
    assert turns.load(path) == [("hello", None), ("bye", "Bye")]
    path.write_text("{}\n")
    with pytest.raises(ValueError):
        turns.load(path)


def test_a_typed_yes_or_no_stays_words(tmp_path: Path) -> None:
    """YAML 1.1 reads an unquoted ``say: yes`` as True: Rasa would be sent "True"."""
    path = tmp_path / "yes.yml"
    path.write_text("title: t\nperson: p\nturns:\n  - say: yes\n  - say: no\n  - say: off\n  - say: true\n")
    assert [step.say for step in load_conversation(path).steps] == ["yes", "no", "off", "True"]


def test_a_list_inside_expect_is_any_one_of_its_words(tmp_path: Path) -> None:
    """A kind line is chosen at random among its variants: the file names them all."""
    path = tmp_path / "any.yml"
    path.write_text(
        "title: t\nperson: p\nturns:\n  - say: hi\n    expect: [[no wonder, you matter too], way]\n"
    )
    (step,) = load_conversation(path).steps
    assert step.problems("You matter too. What gets in the way?") == []
    assert step.problems("What gets in the way?") == ["expected ('no wonder', 'you matter too')"]


def test_figures_round_trip_and_regressions_are_flagged_in_the_right_direction() -> None:
    before = {
        "export_ms_10": 1.0,
        "p50_ratio_c1": 1.0,
        "throughput_ratio_c10": 1.0,
        "errors_c100": 0.0,
        "export_ms_10000": 20.0,
    }
    now = {"p50_ratio_c1": 1.5, "throughput_ratio_c10": 0.5, "errors_c100": 3.0, "export_ms_10000": 10.0}
    now |= {"export_ms_10": 1.9}  # +90%, but under the 2 ms noise floor
    text = "\n".join(report.figure_lines(now))
    assert report.parse_figures(text) == now
    verdicts = {key: verdict for key, _, _, verdict in report.regressions(before, now)}
    assert verdicts == {
        "p50_ratio_c1": "REGRESSION",
        "throughput_ratio_c10": "REGRESSION",
        "errors_c100": "REGRESSION",
        "export_ms_10000": "better",
    }
    met = {t.key: t.met(now | {"wrong_c100": 1.0, "long_ratio": 1.3}) for t in report.targets([1, 10, 100])}
    assert met["p50_ratio_c1"] is False and met["export_ms_10000"] is True and met["errors_c100"] is False
    assert met["wrong_c100"] is False and met["long_ratio"] is False
    assert met["p50_ratio_c10"] is None and met["team_list_ms_1000"] is None
    # `make bench` exits 1 on any of these; in a full run an unmeasured target is missed too
    assert "p50 per free-text turn within 1.2x the starter at c=1" in report.missed(now, [1], full_run=False)
    everything = {t.key: t.limit - (t.op == "<") for t in report.targets([1])}
    assert report.missed(everything, [1], full_run=True) == []
    assert len(report.missed({}, [1], full_run=True)) == len(everything)
    assert report.missed({}, [1], full_run=False) == []


def test_cpu_a_turn_at_most_the_starters_is_a_target_judged_like_the_others() -> None:
    listed = {t.key: t for t in report.targets([1, 10])}
    assert listed["cpu_ratio"].met({"cpu_ratio": 1.0}) is True
    assert listed["cpu_ratio"].met({"cpu_ratio": 1.1}) is False
    assert listed["cpu_ratio"].met({}) is None
    label = listed["cpu_ratio"].label
    assert label in report.missed({"cpu_ratio": 1.1}, [1], full_run=False)
    assert label in report.missed({}, [1], full_run=True), "a full run that measured no CPU misses it"
    text = report.markdown(report.machine(), [], {"cpu_ratio": 1.1}, [1], {}, {}, {}, "")
    assert f"| {label} | `cpu_ratio` <= 1 | 1.1 | **MISSED** |" in text


def test_levels_run_three_conversations_per_slot_and_take_turns_going_first() -> None:
    assert [bench_main.conversations_for(c, 3) for c in (1, 10, 100)] == [3, 30, 300]
    names = ["starter", "ours", "stock"]
    firsts = [bench_main.order_for(i, names)[0] for i in range(4)]
    assert firsts == ["starter", "ours", "stock", "starter"]
    assert sorted(bench_main.order_for(1, names)) == sorted(names)


def test_the_markdown_keeps_hand_written_notes_and_the_figures(tmp_path: Path) -> None:
    figures = {"p50_ratio_c1": 1.1, "export_ms_10000": 1.2}
    text = report.markdown(
        report.machine(), [], figures, [1], {}, {"our model": "1 MB"}, {}, "\nkept notes\n"
    )
    assert "bench p50_ratio_c1=1.1" in text
    assert report.NOTES_START + "\nkept notes\n" + report.NOTES_END in text
    assert report.parse_figures(text) == figures


def test_export_fill_writes_plans_that_export_whole(tmp_path: Path) -> None:
    from careplan import db
    from careplan.store import Store

    url = f"sqlite:///{tmp_path / 'plans.db'}"
    db.migrate(url)
    ids = exporttime.fill(url, 40)
    assert len(ids) == 40
    plan = Store(url, migrate=False).export(ids[19])
    assert len(plan["answers"]) == len(exporttime.LIFE_KEYS)
    assert [g["priority"] for g in plan["goals"]] == [1, 2, 3]
    assert len(plan["flags"]) == 1  # every 20th plan has one


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_the_long_conversation_reports_p50_at_the_marked_turns(fake: FakeRasa) -> None:
    driver = Driver(fake.url, turns.long_turns(), sender_prefix="long")
    figures = bench_main.long_conversation(driver, conversations=2)
    assert set(figures) == {
        "long_p50_ms_t10",
        "long_p50_ms_t50",
        "long_p50_ms_t200",
        "long_ratio",
        "long_wrong",
    }
    assert figures["long_ratio"] == round(figures["long_p50_ms_t200"] / figures["long_p50_ms_t10"], 3)
    assert figures["long_wrong"] == 2 * len(turns.LONG_OPENING), (
        "the echo never says what the opening expects"
    )
    assert len(fake.seen) == 400


class ScriptedCpu:
    """A stand-in service whose CPU seconds go up by ``step`` at every reading."""

    def __init__(self, name: str, step: float) -> None:
        self.name, self.step, self.used = name, step, 0.0

    def cpu_s(self) -> float:
        self.used += self.step
        return self.used - self.step


def test_cpu_time_is_charged_to_the_free_text_turns_of_every_play() -> None:
    rasa, actions = ScriptedCpu("ours-rasa", 3.0), ScriptedCpu("ours-actions", 1.5)

    def play(turns: int, wrong: int) -> LevelResult:
        return LevelResult(1, 1, latencies_ms=[1.0] * turns, wrong_replies=wrong, empty_replies=1)

    result = cputime.measure([rasa, actions], [lambda: play(100, 1), lambda: play(50, 2)])  # type: ignore[list-item]
    assert result.free_text_turns == 150
    assert result.per_process_ms == {"ours-rasa": 20.0, "ours-actions": 10.0}
    assert result.total_ms == 30.0
    assert (result.errors, result.wrong_replies) == (2, 3)


def test_the_cpu_figures_name_each_process_and_the_ratio_to_the_starter(fake: FakeRasa) -> None:
    ours = SimpleNamespace(
        url=fake.url, services=[ScriptedCpu("ours-actions", 1.0), ScriptedCpu("ours-rasa", 3.0)]
    )
    starter = SimpleNamespace(url=fake.url, services=[ScriptedCpu("starter-rasa", 2.0)])
    figures = bench_main.cpu_figures({"ours": ours, "starter": starter}, [("hi", "you said hi")])  # type: ignore[dict-item]
    turns_ours = sum(len(cputime.typed_turns(name)) for name in cputime.CPU_CONVERSATIONS)
    assert figures["cpu_ms_actions"] == round(1000 / turns_ours, 2)
    assert figures["cpu_ms_rasa"] == round(3000 / turns_ours, 2)
    assert figures["starter_cpu_ms"] == round(2000 / cputime.STARTER_CONVERSATIONS, 2)
    assert figures["cpu_ratio"] == round(figures["cpu_ms"] / figures["starter_cpu_ms"], 3)
    assert figures["starter_cpu_wrong"] == 0 and figures["starter_cpu_errors"] == 0
    assert figures["cpu_wrong"] > 0, "the echo never says what our conversations expect"
    assert (
        len({sender for sender, _ in fake.seen})
        == len(cputime.CPU_CONVERSATIONS) + cputime.STARTER_CONVERSATIONS
    )


def test_the_cpu_conversations_are_all_typed_and_a_tapped_one_is_refused() -> None:
    texts = [text for name in cputime.CPU_CONVERSATIONS for text, _ in cputime.typed_turns(name)]
    assert len(texts) > 300 and not any(text.startswith("/") for text in texts)
    assert len(set(texts)) > 0.7 * len(texts), "most differ (a 'yes' is a 'yes'), as people's do"
    with pytest.raises(ValueError, match="typed turns only"):
        cputime.typed_turns(turns.OUR_CONVERSATION.stem)


@pytest.mark.slow  # two subprocesses that burn CPU for a while
def test_a_service_counts_the_cpu_time_of_its_children_too(tmp_path: Path) -> None:
    burn = (
        "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\ntime.sleep(60)"
    )
    parent = (
        f"import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', {burn!r}])\ntime.sleep(60)"
    )
    service = Service("burner", [sys.executable, "-c", parent], tmp_path / "burner.log").start()
    try:
        deadline = time.monotonic() + 30
        while service.cpu_s() < 0.4 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert service.cpu_s() >= 0.4, "the child's CPU time is counted"
        assert cpu_seconds(service.pid) < 0.4, "and it is not the parent's own"
    finally:
        service.stop()
    assert service.cpu_s() == 0.0, "a stopped service has nothing to count"
