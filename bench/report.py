"""Figures, targets, regressions and the Markdown written to docs/benchmarks.md."""

from __future__ import annotations

import math
import os
import platform
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from launch import ROOT

DOC = ROOT / "docs" / "benchmarks.md"
FIGURE_LINE = re.compile(r"^bench ([a-z0-9_]+)=(\S+)$")
NOTES_START, NOTES_END = "<!-- notes:start -->", "<!-- notes:end -->"
# A figure this much worse than last time is flagged: the machine is shared,
# so smaller swings are noise.
TOLERANCE = 0.25

Figures = dict[str, float]


@dataclass(frozen=True)
class Target:
    key: str
    op: str  # "<=", ">=", "<", "=="
    limit: float
    label: str

    def met(self, figures: Figures) -> bool | None:
        value = figures.get(self.key)
        if value is None or math.isnan(value):
            return None
        return {
            "<=": value <= self.limit,
            ">=": value >= self.limit,
            "<": value < self.limit,
            "==": value == self.limit,
        }[self.op]


def targets(levels: list[int]) -> list[Target]:
    found = []
    for c in levels:
        found.append(
            Target(f"p50_ratio_c{c}", "<=", 1.2, f"p50 per free-text turn within 1.2x the starter at c={c}")
        )
    for c in levels:
        found.append(
            Target(f"throughput_ratio_c{c}", ">=", 0.8, f"free-text turns/s >= 0.8x the starter at c={c}")
        )
    top = max(levels)
    found.append(Target(f"errors_c{top}", "==", 0, f"no errors (apologies included) at {top} concurrent"))
    found.append(Target(f"wrong_c{top}", "==", 0, f"no wrong replies at {top} concurrent"))
    found.append(Target("cpu_ratio", "<=", 1.0, "CPU per free-text turn at most the starter's"))
    found.append(Target("rss_ratio", "<=", 1.2, "whole-stack peak RSS within 1.2x the starter's"))
    found.append(Target("long_ratio", "<=", 1.2, "turn 200 of a long conversation within 1.2x turn 10 (p50)"))
    found.append(Target("export_ms_10000", "<", 50, "summary export < 50 ms at 10,000 plans"))
    found.append(Target("team_list_ms_1000", "<", 500, "care-team list of 1,000 shared plans < 500 ms"))
    return found


def missed(figures: Figures, levels: list[int], full_run: bool) -> list[str]:
    """The targets missed; in a full run, one that could not be measured is missed too."""
    return [
        t.label for t in targets(levels) if t.met(figures) is False or (full_run and t.met(figures) is None)
    ]


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = f"{int(line.split()[1]) / 1024 / 1024:.1f}"
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        git = shutil.which("git") or "git"
        commit = subprocess.run(  # noqa: S603 - fixed argv
            [git, "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()
        dirty = subprocess.run(  # noqa: S603 - fixed argv
            [git, "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout.splitlines()
    except OSError:
        commit, dirty = "?", []
    try:
        from importlib.metadata import version

        rasa_version = version("rasa")
    except Exception:
        rasa_version = "?"
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram_gib": mem_gib,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "rasa": rasa_version,
        "commit": commit or "?",
        "uncommitted files in the tree": str(len(dirty)),
        "load_at_start": load,
    }


def parse_figures(text: str) -> Figures:
    figures: Figures = {}
    for line in text.splitlines():
        match = FIGURE_LINE.match(line.strip())
        if match:
            try:
                figures[match.group(1)] = float(match.group(2))
            except ValueError:
                continue
    return figures


def figure_lines(figures: Figures) -> list[str]:
    return [f"bench {key}={_fmt(value)}" for key, value in figures.items()]


def _fmt(value: float) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "-"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e12:
        return str(int(value))
    return f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"


def noise_floor(key: str) -> float:
    """The smallest change worth flagging: a millisecond moves with any other load."""
    if "_ms" in key:
        return 2.0
    if key.endswith("_s") or "_s_" in key:
        return 1.0
    if key.endswith("_mb"):
        return 1.0
    return 0.0


def higher_is_better(key: str) -> bool:
    return "throughput" in key or "tps" in key


def regressions(previous: Figures, current: Figures) -> list[tuple[str, float, float, str]]:
    """(key, before, now, verdict) for every figure that moved beyond the tolerance."""
    found = []
    for key, now in current.items():
        before = previous.get(key)
        if before is None or math.isnan(now) or math.isnan(before):
            continue
        if key.startswith("errors") or key.endswith("errors"):
            if now > before:
                found.append((key, before, now, "REGRESSION"))
            continue
        if before == 0 or abs(now - before) < noise_floor(key):
            continue
        change = (now - before) / abs(before)
        worse = -change if higher_is_better(key) else change
        if worse > TOLERANCE:
            found.append((key, before, now, "REGRESSION"))
        elif worse < -TOLERANCE:
            found.append((key, before, now, "better"))
    return found


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def markdown(
    info: dict[str, str],
    levels_table: list[dict[str, object]],
    figures: Figures,
    levels: list[int],
    memory: dict[str, dict[str, int]],
    extra: dict[str, str],
    previous: Figures,
    notes: str,
) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`); the numbers below are the latest run.",
        "Each run compares itself with the figures that were here before it (section",
        "*Compared with the previous run*). The hand-written notes at the end are kept",
        "from run to run.",
        "",
        "## Machine",
        "",
        *_table(["what", "value"], [[k, str(v)] for k, v in info.items()]),
        "",
        "The machine is shared (2 cores for several people at once), so absolute times",
        "move with the load; the ratios against Rasa's starter bot, measured in the same",
        "run and interleaved level by level, are the figures to watch.",
        "",
        "## Targets",
        "",
    ]
    rows = []
    for target in targets(levels):
        met = target.met(figures)
        value = figures.get(target.key)
        rows.append(
            [
                target.label,
                f"`{target.key}` {target.op} {_fmt(target.limit)}",
                "-" if value is None else _fmt(value),
                {True: "met", False: "**MISSED**", None: "not measured"}[met],
            ]
        )
    lines += _table(["target", "rule", "value", "result"], rows)
    lines += ["", "## Per-turn latency and throughput", ""]
    lines += [
        "A turn is one user message posted to `/webhooks/rest/webhook` and the bot's whole reply;",
        "ours runs the action server and writes every answer to the care-plan database.",
        "`ours` is Rasa with our patches (rasa_ext); `stock` is the same bot on Rasa as shipped",
        "(WHAT_MATTERS_STOCK_RASA=1). Latency and turns/s count free-text turns only (typed words,",
        f"through NLU): ours types {_fmt(figures.get('free_text_turns_ours', math.nan))} of its turns"
        f" and taps buttons in the rest, the starter types all"
        f" {_fmt(figures.get('free_text_turns_starter', math.nan))}; ours' wall time includes its button",
        "turns. An error is no reply, an empty one, or an apology for a failure.",
        "",
    ]
    header = ["bot", "concurrent", "conversations", "turns", "free-text", "p50 ms", "p95 ms", "max ms"]
    header += ["free-text turns/s"]
    header += ["errors", "wrong replies"]
    lines += _table(
        header,
        [
            [
                str(row["bot"]),
                str(row["concurrency"]),
                str(row["conversations"]),
                str(row["turns"]),
                str(row["free_text_turns"]),
                _fmt(float(row["p50_ms"])),  # type: ignore[arg-type]
                _fmt(float(row["p95_ms"])),  # type: ignore[arg-type]
                _fmt(float(row["max_ms"])),  # type: ignore[arg-type]
                _fmt(float(row["turns_per_s"])),  # type: ignore[arg-type]
                str(row["errors"]),
                str(row["wrong_replies"]),
            ]
            for row in levels_table
        ],
    )
    lines += ["", "## Ours over the starter bot, and over ours on stock Rasa", ""]
    lines += ["Per free-text turn. Below 1 for p50, above 1 for throughput, means ours is faster.", ""]
    lines += _table(
        ["concurrent", "p50 / starter", "throughput / starter", "p50 / stock", "throughput / stock"],
        [
            [str(c)]
            + [
                _fmt(figures.get(f"{key}_c{c}", math.nan))
                for key in ("p50_ratio", "throughput_ratio", "patch_p50_ratio", "patch_throughput_ratio")
            ]
            for c in levels
        ],
    )
    lines += ["", "## CPU a free-text turn", ""]
    lines += [
        "CPU milliseconds (user + system, every process of the stack) a free-text turn, one",
        "conversation at a time: what a turn costs, which other people's load on the machine",
        "hardly moves. Ours plays the development conversations in bench/cputime.py (all typed,",
        "all different, so no parse is a repeat); the starter its own six turns.",
        "",
    ]
    lines += _table(
        ["bot", "CPU ms a free-text turn", "of which Rasa", "of which the action server"],
        [
            [
                "ours",
                _fmt(figures.get("cpu_ms", math.nan)),
                _fmt(figures.get("cpu_ms_rasa", math.nan)),
                _fmt(figures.get("cpu_ms_actions", math.nan)),
            ],
            ["starter", _fmt(figures.get("starter_cpu_ms", math.nan)), "", ""],
            ["ours / starter", _fmt(figures.get("cpu_ratio", math.nan)), "", ""],
        ],
    )
    lines += ["", "## A long conversation", ""]
    lines += [
        "Three conversations of 200 turns on ours, one after another: the opening, then",
        '"what have i said so far" and "who will see this?" in turn. p50 over that turn and the',
        "two before it of the same message, in all three.",
        "",
    ]
    lines += _table(
        ["turn", "p50 ms"],
        [[str(t), _fmt(figures.get(f"long_p50_ms_t{t}", math.nan))] for t in (10, 50, 200)],
    )
    lines += ["", "## Memory (peak RSS, VmHWM)", ""]
    lines += ["Every process of each stack, with its children; a stack's total is the sum of peaks.", ""]
    rows = [[name, f"{m['peak_kb'] / 1024:.0f}", f"{m['rss_kb'] / 1024:.0f}"] for name, m in memory.items()]
    rows += [
        [f"**{bot} stack**", _fmt(figures.get(f"{prefix}stack_rss_mb", math.nan)), ""]
        for bot, prefix in (("ours", ""), ("stock", "stock_"), ("starter", "starter_"))
    ]
    lines += _table(["process", "peak MiB", "RSS at end MiB"], rows)
    lines += ["", "## Training, model and start-up", ""]
    lines += _table(["figure", "value"], [[k, v] for k, v in extra.items()])
    lines += ["", "## Summary export", ""]
    export_rows = []
    for size in (10, 1000, 10000):
        export_rows.append(
            [
                f"{size:,}",
                _fmt(figures.get(f"export_ms_{size}", math.nan)),
                _fmt(figures.get(f"summary_html_ms_{size}", math.nan)),
                _fmt(figures.get(f"summary_markdown_ms_{size}", math.nan)),
            ]
        )
    lines += [
        "Median of 30 exports of plans picked across a SQLite database filled in bulk",
        "(7 answers and 3 goals per plan). `Store.export` reads the plan; the renderings",
        "draw the clinician summary from it.",
        "",
    ]
    lines += _table(["plans in DB", "Store.export ms", "HTML summary ms", "Markdown ms"], export_rows)
    lines += [
        "",
        "The care team's list of shared plans (`Review.shared_plans`, the app's front page),",
        "median of 2 after one warm-up, with 1,000 of 2,000 plans shared:",
        f"{_fmt(figures.get('team_list_ms_1000', math.nan))} ms.",
    ]
    lines += ["", "## Compared with the previous run", ""]
    moved = regressions(previous, figures)
    if not previous:
        lines.append("No previous figures to compare with.")
    elif not moved:
        lines.append(f"No figure moved by more than {TOLERANCE:.0%}.")
    else:
        lines += _table(
            ["figure", "before", "now", "verdict"],
            [[k, _fmt(b), _fmt(n), v] for k, b, n, v in moved],
        )
    lines += ["", "## Machine-readable figures", "", "```text", *figure_lines(figures), "```", ""]
    lines += [NOTES_START, notes.strip("\n"), NOTES_END, ""]
    return "\n".join(lines)


def previous_doc() -> tuple[Figures, str]:
    """Figures and kept notes from the docs/benchmarks.md now in the tree."""
    if not DOC.exists():
        return {}, ""
    text = DOC.read_text(encoding="utf-8")
    notes = ""
    if NOTES_START in text and NOTES_END in text:
        notes = text.split(NOTES_START, 1)[1].split(NOTES_END, 1)[0]
    return parse_figures(text), notes
