"""``python -m bench``: our whole stack against Rasa's starter bot, on this machine, in one run.

1. time summary exports with 10 / 1,000 / 10,000 plans in a SQLite database, and
   the care team's list of 1,000 shared plans;
2. train Rasa's starter bot (``rasa init --no-prompt``) and ours, cold, in a temp folder;
3. serve the starter, ours (Rasa with our patches, rasa_ext) and ours on stock
   Rasa (WHAT_MATTERS_STOCK_RASA=1) on loopback and drive them level by level
   (1, 10, 50, 100 concurrent conversations, three conversations per slot), the
   order turning round at each level so load on the shared machine hits all alike;
4. one long conversation (200 turns) on ours: is turn 200 as quick as turn 10?
5. CPU milliseconds a free-text turn of each stack (bench/cputime.py), which the
   load on a shared machine hardly moves;
6. print the table, the ratios and one ``bench key=value`` line per figure, write
   docs/benchmarks.md (flagging regressions against the figures it replaces), and
   exit 1 if any target was missed.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import bots, cputime, exporttime, report, turns
from bench.driver import Driver, LevelResult, check_loopback, free_text

DEFAULT_LEVELS = (1, 10, 50, 100)


PREFIX = {"ours": "", "starter": "starter_", "stock": "stock_"}


def conversations_for(level: int, per_slot: int) -> int:
    """``per_slot`` conversations for each of the ``level`` slots, so every slot runs
    conversations back to back (a steady state), not one each."""
    return level * per_slot


def order_for(index: int, names: list[str]) -> list[str]:
    """The bots in turn-about order: each level starts with the next bot along."""
    shift = index % len(names) if names else 0
    return names[shift:] + names[:shift]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default=",".join(map(str, DEFAULT_LEVELS)), help="concurrency levels")
    parser.add_argument("--per-slot", type=int, default=3, help="conversations per concurrent slot")
    parser.add_argument("--only", choices=["all", "starter", "ours"], default="all")
    parser.add_argument("--ours-model", type=Path, help="serve this model instead of training ours cold")
    parser.add_argument(
        "--starter-dir", type=Path, help="reuse a starter bot trained by an earlier --keep run (its folder)"
    )
    parser.add_argument("--turns", type=Path, help="our turn script (JSON/YAML list of messages)")
    parser.add_argument("--starter-turns", type=Path, help="the starter bot's turn script")
    parser.add_argument(
        "--no-stock", action="store_true", help="skip ours on stock Rasa (WHAT_MATTERS_STOCK_RASA=1)"
    )
    parser.add_argument(
        "--stock-levels",
        default="1,10",
        help="levels at which ours on stock Rasa is driven too (it runs ~4x slower: at 50 and 100 "
        "one level would take longer than --level-timeout on two cores)",
    )
    parser.add_argument("--no-long", action="store_true", help="skip the 200-turn conversation")
    parser.add_argument("--no-cpu", action="store_true", help="skip the CPU time a free-text turn")
    parser.add_argument("--url", help="only drive an already running stack at this loopback URL (ours)")
    parser.add_argument("--no-export", action="store_true", help="skip the summary export timing")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite docs/benchmarks.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (models, logs)")
    parser.add_argument("--level-timeout", type=float, default=900.0, help="seconds allowed per level")
    return parser.parse_args(argv)


def say(text: str) -> None:
    print(text, flush=True)


def drive(driver: Driver, level: int, conversations: int, timeout: float) -> LevelResult:
    async def bounded() -> LevelResult:
        return await asyncio.wait_for(driver.run_level(level, conversations), timeout)

    result = asyncio.run(bounded())
    row = result.summary()
    say(
        f"  {driver.sender_prefix:<8} c={level:<3} conv={conversations:<4} turns={row['turns']:<5} "
        f"p50={row['p50_ms']:>8.1f}ms p95={row['p95_ms']:>8.1f}ms max={row['max_ms']:>8.1f}ms "
        f"{row['turns_per_s']:>7.2f} turns/s errors={row['errors']} wrong={row['wrong_replies']}"
        + (f" {result.error_kinds}" if result.errors else "")
    )
    for example in result.wrong_examples:
        say(f"    wrong reply: {example}")
    return result


def warm(driver: Driver) -> float:
    """One untimed conversation (lazy loading, first database connection); returns its first turn in ms."""
    result = asyncio.run(driver.run_level(1, 1))
    if result.errors:
        raise SystemExit(f"warm-up conversation failed: {result.error_kinds}")
    if result.wrong_replies:
        say(f"  warning: {result.wrong_replies} unexpected replies in the {driver.sender_prefix} turn script")
    return result.latencies_ms[0] if result.latencies_ms else math.nan


def long_conversation(driver: Driver, conversations: int = 3) -> dict[str, float]:
    """p50 at turns 10, 50 and 200 of a long conversation (each over that turn and the
    two before it of the same message, in ``conversations`` conversations one after another)."""
    result = asyncio.run(driver.run_level(1, conversations))
    length = len(driver.turns)
    free = [n for n, (text, _) in enumerate(driver.turns, start=1) if free_text(text)]
    if result.errors or len(result.latencies_ms) != conversations * len(free):
        raise SystemExit(f"long conversation failed: {result.error_kinds}")
    by_turn = {n: result.latencies_ms[i :: len(free)] for i, n in enumerate(free)}
    figures = {}
    for mark in turns.LONG_MARKS:
        if mark <= length:
            samples = [ms for n in (mark - 4, mark - 2, mark) for ms in by_turn.get(n, [])]
            figures[f"long_p50_ms_t{mark}"] = round(statistics.median(samples), 1)
    first, last = turns.LONG_MARKS[0], turns.LONG_MARKS[-1]
    if f"long_p50_ms_t{last}" in figures:
        figures["long_ratio"] = round(figures[f"long_p50_ms_t{last}"] / figures[f"long_p50_ms_t{first}"], 3)
    figures["long_wrong"] = result.wrong_replies
    return figures


def cpu_figures(served: dict[str, bots.Served], starter_turns: list[turns.Turn]) -> report.Figures:
    """CPU ms a free-text turn of ours (Rasa and the action server) and of the starter."""
    say("CPU time a free-text turn, one conversation at a time ...")
    figures: report.Figures = {}
    measured: dict[str, cputime.CpuResult] = {}
    if "ours" in served:
        measured["ours"] = cputime.ours(served["ours"].url, served["ours"].services)
    if "starter" in served:
        measured["starter"] = cputime.starter(
            served["starter"].url, served["starter"].services, starter_turns
        )
    for name, result in measured.items():
        prefix = PREFIX[name]
        figures[f"{prefix}cpu_ms"] = round(result.total_ms, 2)
        figures[f"{prefix}cpu_errors"] = result.errors
        figures[f"{prefix}cpu_wrong"] = result.wrong_replies
        parts = ", ".join(f"{service} {ms:.2f}" for service, ms in result.per_process_ms.items())
        say(
            f"  {name:<8} {result.total_ms:.2f} ms CPU a free-text turn ({parts}) over "
            f"{result.free_text_turns} turns, errors={result.errors} wrong={result.wrong_replies}"
        )
    if "ours" in measured:
        for service, ms in measured["ours"].per_process_ms.items():
            figures[f"cpu_ms_{service.removeprefix('ours-')}"] = ms
    if "ours" in measured and "starter" in measured:
        figures["cpu_ratio"] = round(measured["ours"].total_ms / measured["starter"].total_ms, 3)
    return figures


def model_mb(path: Path) -> float:
    return round(path.stat().st_size / 1024 / 1024, 1)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    our_turns = turns.load(args.turns) if args.turns else turns.our_turns()
    starter_turns = turns.load(args.starter_turns) if args.starter_turns else turns.STARTER_TURNS
    info = report.machine()
    say(f"bench on {info['cpu']} ({info['cores']} cores, {info['ram_gib']} GiB)")
    say(f"load average at start: {info['load_at_start']}")

    if args.url:
        check_loopback(args.url)
        driver = Driver(args.url, our_turns, sender_prefix="ours")
        warm(driver)
        for level in levels:
            drive(driver, level, conversations_for(level, args.per_slot), args.level_timeout)
        return 0

    figures: report.Figures = {}
    extra: dict[str, str] = {}
    if not args.no_export:
        say("summary export timing ...")
        for size, row in exporttime.measure().items():
            figures[f"export_ms_{size}"] = row["export_ms"]
            for name in ("summary_html", "summary_markdown"):
                if f"{name}_ms" in row:
                    figures[f"{name}_ms_{size}"] = row[f"{name}_ms"]
            say(f"  {size:>6} plans: {row}")
        listed = exporttime.measure_team_list()
        figures[f"team_list_ms_{listed['shared']:.0f}"] = listed["list_ms"]
        say(f"  care-team list of {listed['shared']:.0f} shared plans: {listed['list_ms']} ms")

    tmp = Path(tempfile.mkdtemp(prefix="wm-bench-"))
    served: dict[str, bots.Served] = {}
    try:
        drivers: dict[str, Driver] = {}
        if args.only in ("all", "starter"):
            if args.starter_dir:
                shutil.copytree(args.starter_dir, tmp / "starter")
                starter_model = bots.only_model(tmp / "starter" / "models")
            else:
                say("training the starter bot (rasa init --no-prompt) ...")
                starter = bots.train_starter(tmp)
                starter_model = starter.model
                figures["starter_train_s"] = round(starter.seconds, 1)
                say(f"  {starter.seconds:.1f}s")
            figures["starter_model_mb"] = model_mb(starter_model)
            served["starter"] = bots.serve_starter(tmp, starter_model)
            figures["starter_startup_s"] = round(served["starter"].startup_s["starter-rasa"], 1)
            drivers["starter"] = Driver(served["starter"].url, starter_turns, sender_prefix="starter")
        if args.only in ("all", "ours"):
            if args.ours_model:
                model = args.ours_model
                extra["our model file"] = f"given ({model.name}), so not trained cold in this run"
            else:
                say("training ours cold (no cache) ...")
                ours = bots.train_ours(tmp)
                model = ours.model
                figures["train_s"] = round(ours.seconds, 1)
                extra["our training peak RSS"] = f"{ours.peak_rss_kb / 1024:.0f} MiB"
                say(f"  {ours.seconds:.1f}s")
            figures["model_mb"] = model_mb(model)
            stock_modes = [("ours", False)] + ([] if args.no_stock else [("stock", True)])
            for name, stock in stock_modes:
                folder = tmp / name
                folder.mkdir()
                served[name] = bots.serve_ours(folder, model, stock_rasa=stock)
                figures[f"{PREFIX[name]}startup_s"] = round(served[name].startup_s["ours-rasa"], 1)
                figures[f"{PREFIX[name]}actions_startup_s"] = round(served[name].startup_s["ours-actions"], 1)
                drivers[name] = Driver(served[name].url, our_turns, sender_prefix=name)

        for name, driver in drivers.items():
            figures[f"{PREFIX[name]}first_turn_ms"] = round(warm(driver), 1)
        figures["free_text_turns_ours"] = sum(1 for text, _ in our_turns if free_text(text))
        figures["free_text_turns_starter"] = sum(1 for text, _ in starter_turns if free_text(text))

        say("driving conversations ...")
        table: list[dict[str, object]] = []
        stock_levels = {int(level) for level in args.stock_levels.split(",") if level.strip()}
        for index, level in enumerate(levels):
            count = conversations_for(level, args.per_slot)
            here = [name for name in drivers if name != "stock" or level in stock_levels]
            results = {
                name: drive(drivers[name], level, count, args.level_timeout)
                for name in order_for(index, here)
            }
            for name in here:
                prefix, row = PREFIX[name], results[name].summary()
                table.append({"bot": name, **row})
                figures[f"{prefix}p50_ms_c{level}"] = row["p50_ms"]
                figures[f"{prefix}p95_ms_c{level}"] = row["p95_ms"]
                figures[f"{prefix}max_ms_c{level}"] = row["max_ms"]
                figures[f"{prefix}tps_c{level}"] = row["turns_per_s"]
                figures[f"{prefix}errors_c{level}"] = row["errors"]
                figures[f"{prefix}wrong_c{level}"] = row["wrong_replies"]
            for ratio, other in (("", "starter"), ("patch_", "stock")):
                if "ours" in results and other in results:
                    ours_r, other_r = results["ours"], results[other]
                    figures[f"{ratio}p50_ratio_c{level}"] = round(ours_r.p50 / other_r.p50, 3)
                    figures[f"{ratio}throughput_ratio_c{level}"] = round(
                        ours_r.throughput / other_r.throughput, 3
                    )

        if "ours" in drivers and not args.no_long:
            say(f"one long conversation ({turns.LONG_TURNS} turns), three times ...")
            figures.update(
                long_conversation(Driver(served["ours"].url, turns.long_turns(), sender_prefix="long"))
            )
            say("  " + ", ".join(f"{k}={v}" for k, v in figures.items() if k.startswith("long_")))

        if not args.no_cpu:
            figures.update(cpu_figures(served, starter_turns))

        memory: dict[str, dict[str, int]] = {}
        for name, s in served.items():
            for service, m in s.memory().items():
                memory[f"{name}: {service}"] = m
            # Every process of the stack (Rasa and, for ours, the action server, with children).
            figures[f"{PREFIX[name]}stack_rss_mb"] = round(
                sum(m["peak_kb"] for m in s.memory().values()) / 1024, 1
            )
        if "stack_rss_mb" in figures and "starter_stack_rss_mb" in figures:
            figures["rss_ratio"] = round(figures["stack_rss_mb"] / figures["starter_stack_rss_mb"], 3)
        if "train_s" in figures and "starter_train_s" in figures:
            figures["train_ratio"] = round(figures["train_s"] / figures["starter_train_s"], 2)
    finally:
        for s in served.values():
            s.stop()
        if args.keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    extra.update(
        {
            "our cold training": f"{figures.get('train_s', math.nan)} s",
            "starter's training (rasa init)": f"{figures.get('starter_train_s', math.nan)} s",
            "our model": f"{figures.get('model_mb', math.nan)} MB",
            "starter's model": f"{figures.get('starter_model_mb', math.nan)} MB",
            "our Rasa start-up (spawn to serving)": f"{figures.get('startup_s', math.nan)} s",
            "our action server start-up": f"{figures.get('actions_startup_s', math.nan)} s",
            "starter's Rasa start-up": f"{figures.get('starter_startup_s', math.nan)} s",
            "our first turn after start-up": f"{figures.get('first_turn_ms', math.nan)} ms",
            "starter's first turn after start-up": f"{figures.get('starter_first_turn_ms', math.nan)} ms",
        }
    )
    full_run = args.only == "all" and not (args.no_export or args.no_stock or args.no_long or args.no_cpu)
    previous, notes = report.previous_doc()
    say("")
    say("targets:")
    for target in report.targets(levels):
        met = target.met(figures)
        say(f"  [{ {True: 'met', False: 'MISSED', None: 'n/a'}[met] }] {target.label}")
    missed = report.missed(figures, levels, full_run)
    for key, before, now, verdict in report.regressions(previous, figures):
        say(f"  {verdict}: {key} {before:g} -> {now:g}")
    if not args.no_write and full_run and not args.starter_dir:
        text = report.markdown(info, table, figures, levels, memory, extra, previous, notes)
        report.DOC.parent.mkdir(exist_ok=True)
        report.DOC.write_text(text, encoding="utf-8")
        say(f"wrote {report.DOC.relative_to(report.ROOT)}")
    say("")
    for line in report.figure_lines(figures):
        say(line)
    if missed:
        say(f"{len(missed)} target(s) missed: " + "; ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"bench wall_s={time.monotonic() - started:.0f}", file=sys.stderr)
    sys.exit(code)
