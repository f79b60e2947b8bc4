"""The quick check before a safety pattern runs (careplan/word_gate.py): it may only skip a
pattern that could not have matched, so every red flag is still found."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from careplan import safety, word_gate

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("body", "openings"),
    [
        ("took|taken", {"took", "taken"}),
        (r"(?:high\s+)?temperature", {"high", "temperature"}),
        (r"'ve\s+had", {"ve"}),  # "i've had": the word after the apostrophe
        ("co-?codamol", {"co", "cocodamol"}),  # "co-" opens "co", the rest "cocodamol"
        (r"tab(?:let|s)", {"tablet", "tabs"}),
        (r"(?:a\s+)*fever|temp\b", {"a", "fever", "temp"}),
    ],
)
def test_the_words_a_match_opens_with(body: str, openings: set[str]) -> None:
    assert safety.WordPattern(body).openings == openings


@pytest.mark.parametrize("body", [r"\w+ hit me", r"[a-z]+ing", r".{0,5}pain", r"(?:\d+|two) days", r"£\d+"])
def test_no_gate_where_a_match_may_open_with_anything(body: str) -> None:
    assert safety.WordPattern(body).openings is None


def test_a_rule_needing_no_sign_is_always_read() -> None:
    alone = safety.WordPattern("alone")
    rule = safety.Rule(name="x", kind="crisis", patterns=(), signs=((alone,),), min_signs=0)
    assert rule.openings is None


def _lines() -> list[str]:
    found = []
    for path in sorted((ROOT / "careplan" / "safety_sets").glob("*.yml")):
        found += [m["text"] for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"][::8]]
    return found


def _walk(pattern: safety.WordPattern, text: str) -> bool:
    """The pattern's own search, without the gate: a match starting at a word (or an apostrophe)."""
    pos = 0
    while (match := pattern.regex.search(text, pos)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_") and text[start] != "'":
            pos = start + 1
            continue
        return True
    return False


def test_the_gate_never_skips_a_pattern_that_matches() -> None:
    rules, _cues = safety.load_rules()
    patterns = [p for rule in rules for p in itertools.chain(rule.patterns, *rule.signs)]
    assert sum(p.openings is None for p in patterns) < len(patterns) // 20  # nearly all are gated
    wrongly_skipped = [
        (text, p.regex.pattern[:60])
        for text in map(safety.normalise, _lines())
        for p in patterns
        if p.openings is not None and p.openings.isdisjoint(word_gate.word_starts(text)) and _walk(p, text)
    ]
    assert not wrongly_skipped
