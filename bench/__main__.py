"""``python -m bench``: our whole stack against Rasa's starter bot, on this machine, in one run.

1. time summary exports with 10 / 1,000 / 10,000 plans in a SQLite database;
2. train Rasa's starter bot (``rasa init --no-prompt``) and ours, cold, in a temp folder;
3. serve both on loopback and drive them level by level (1, 10, 50, 100 concurrent
   conversations), starter then ours at each level so load on the shared machine
   hits both alike;
4. print the table, the ratios and one ``bench key=value`` line per figure, and
   write docs/benchmarks.md (flagging regressions against the figures it replaces).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import bots, exporttime, report, turns
from bench.driver import Driver, LevelResult, check_loopback

DEFAULT_LEVELS = (1, 10, 50, 100)


def conversations_for(level: int, minimum: int) -> int:
    """Enough conversations that every level runs at its full concurrency for a while.

    Sequential (c=1) runs a quarter as many: its turns are the slowest to collect.
    """
    return max(level, minimum) if level > 1 else max(1, minimum // 4)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default=",".join(map(str, DEFAULT_LEVELS)), help="concurrency levels")
    parser.add_argument(
        "--min-conversations", type=int, default=20, help="conversations per level at least (c=1: a quarter)"
    )
    parser.add_argument("--only", choices=["both", "starter", "ours"], default="both")
    parser.add_argument("--ours-model", type=Path, help="serve this model instead of training ours cold")
    parser.add_argument(
        "--starter-dir", type=Path, help="reuse a starter bot trained by an earlier --keep run (its folder)"
    )
    parser.add_argument("--turns", type=Path, help="our turn script (JSON/YAML list of messages)")
    parser.add_argument("--starter-turns", type=Path, help="the starter bot's turn script")
    parser.add_argument(
        "--stock-rasa",
        action="store_true",
        help="start our Rasa as shipped: no patches, its own stores (WHAT_MATTERS_STOCK_RASA=1)",
    )
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
            drive(driver, level, conversations_for(level, args.min_conversations), args.level_timeout)
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

    tmp = Path(tempfile.mkdtemp(prefix="wm-bench-"))
    served: list[bots.Served] = []
    try:
        drivers: dict[str, Driver] = {}
        if args.only in ("both", "starter"):
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
            s = bots.serve_starter(tmp, starter_model)
            served.append(s)
            figures["starter_startup_s"] = round(s.startup_s["starter-rasa"], 1)
            drivers["starter"] = Driver(s.url, starter_turns, sender_prefix="starter")
        if args.only in ("both", "ours"):
            if args.ours_model:
                model = args.ours_model
            else:
                say("training ours cold (no cache) ...")
                ours = bots.train_ours(tmp)
                model = ours.model
                figures["train_s"] = round(ours.seconds, 1)
                extra["our training peak RSS"] = f"{ours.peak_rss_kb / 1024:.0f} MiB"
                say(f"  {ours.seconds:.1f}s")
            figures["model_mb"] = model_mb(model)
            o = bots.serve_ours(tmp, model, stock_rasa=args.stock_rasa)
            served.append(o)
            figures["startup_s"] = round(o.startup_s["ours-rasa"], 1)
            figures["actions_startup_s"] = round(o.startup_s["ours-actions"], 1)
            drivers["ours"] = Driver(o.url, our_turns, sender_prefix="ours")

        for name, driver in drivers.items():
            prefix = "" if name == "ours" else "starter_"
            figures[f"{prefix}first_turn_ms"] = round(warm(driver), 1)

        say("driving conversations ...")
        table: list[dict[str, object]] = []
        for level in levels:
            count = conversations_for(level, args.min_conversations)
            results = {name: drive(d, level, count, args.level_timeout) for name, d in drivers.items()}
            for name, result in results.items():
                prefix = "" if name == "ours" else "starter_"
                row = result.summary()
                table.append({"bot": name, **row})
                figures[f"{prefix}p50_ms_c{level}"] = row["p50_ms"]
                figures[f"{prefix}p95_ms_c{level}"] = row["p95_ms"]
                figures[f"{prefix}max_ms_c{level}"] = row["max_ms"]
                figures[f"{prefix}tps_c{level}"] = row["turns_per_s"]
                figures[f"{prefix}errors_c{level}"] = row["errors"]
                figures[f"{prefix}wrong_c{level}"] = row["wrong_replies"]
            if "ours" in results and "starter" in results:
                ours_r, starter_r = results["ours"], results["starter"]
                figures[f"p50_ratio_c{level}"] = round(ours_r.p50 / starter_r.p50, 3)
                figures[f"throughput_ratio_c{level}"] = round(ours_r.throughput / starter_r.throughput, 3)

        memory: dict[str, dict[str, int]] = {}
        for s in served:
            memory.update(s.memory())
        for name, m in memory.items():
            key = name.replace("-", "_").replace("ours_", "")
            figures[f"{key}_rss_mb"] = round(m["peak_kb"] / 1024, 1)
        if "rasa_rss_mb" in figures and "starter_rasa_rss_mb" in figures:
            figures["rss_ratio"] = round(figures["rasa_rss_mb"] / figures["starter_rasa_rss_mb"], 3)
        if "train_s" in figures and "starter_train_s" in figures:
            figures["train_ratio"] = round(figures["train_s"] / figures["starter_train_s"], 2)
    finally:
        for s in served:
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
    previous, notes = report.previous_doc()
    say("")
    say("targets:")
    for target in report.targets(levels):
        met = target.met(figures)
        say(f"  [{ {True: 'met', False: 'MISSED', None: 'n/a'}[met] }] {target.label}")
    for key, before, now, verdict in report.regressions(previous, figures):
        say(f"  {verdict}: {key} {before:g} -> {now:g}")
    if not args.no_write and args.only == "both" and not args.ours_model and not args.starter_dir:
        text = report.markdown(info, table, figures, levels, memory, extra, previous, notes)
        report.DOC.parent.mkdir(exist_ok=True)
        report.DOC.write_text(text, encoding="utf-8")
        say(f"wrote {report.DOC.relative_to(report.ROOT)}")
    say("")
    for line in report.figure_lines(figures):
        say(line)
    return 0


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"bench wall_s={time.monotonic() - started:.0f}", file=sys.stderr)
    sys.exit(code)
