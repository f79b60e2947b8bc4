"""The red-flag detector as it runs in the bot: patterns plus the trained NLU.

Each holdout message goes through the real Rasa server's /model/parse for its
intent and confidence, then through careplan.safety.detect with them. The
figures are printed next to the patterns-only ones, so the log shows what the
NLU adds (and whether it adds false alarms). Run with -rA to see them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from careplan import safety
from careplan.vocab import FLAG_KINDS

from stack import Stack, http

HOLDOUT = Path(__file__).parent.parent / "careplan" / "safety_sets" / "safety_holdout.yml"
BLIND = Path(__file__).parent / "heldout" / "safety_blind.yml"
MAX_FALSE_ALARM_RATE = 0.05


def _score(results: list[tuple[str, safety.RedFlag | None]]) -> tuple[dict[str, float], float, float]:
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    false_alarms = 0
    for kind, flag in results:
        total[kind] += 1
        if kind == "none":
            false_alarms += flag is not None and not flag.check_in  # a check-in flags nothing
        elif flag is not None and kind in flag.kinds:
            right[kind] += 1
    recall = {k: right[k] / total[k] for k in FLAG_KINDS}
    overall = sum(right.values()) / sum(total[k] for k in FLAG_KINDS)
    return recall, overall, false_alarms / total["none"]


def _run(stack: Stack, path: Path) -> tuple[list, list, list, list]:
    """Each message through /model/parse and the detector: (patterns, NLU, both, added)."""
    messages = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    alone, combined, nlu_only = [], [], []
    added, false_alarms = [], []
    for m in messages:
        parsed = http("POST", f"{stack.rasa_url}/model/parse", {"text": m["text"]})
        intent = parsed["intent"]["name"]
        confidence = float(parsed["intent"]["confidence"])
        plain = safety.detect(m["text"])
        both = safety.detect(m["text"], intent, confidence)
        kind = safety.INTENT_KINDS.get(intent)
        nlu = safety.RedFlag(kind, "nlu") if kind and confidence >= safety.NLU_MIN_CONFIDENCE else None
        alone.append((m["kind"], plain))
        combined.append((m["kind"], both))
        nlu_only.append((m["kind"], nlu))
        if plain is None and both is not None:
            added.append(f"{m['kind']:<12} <- {intent} {confidence:.2f}: {m['text']}")
        if m["kind"] == "none" and both is not None and not both.check_in:
            false_alarms.append(f"{both.rule}: {m['text']}")
    print(f"\nRed-flag detection on {path.relative_to(path.parents[1])}, with the trained NLU")
    rows = [("patterns only", alone), ("NLU only (>= threshold)", nlu_only), ("patterns + NLU", combined)]
    for label, results in rows:
        recall, overall, far = _score(results)
        per_kind = "  ".join(f"{k} {recall[k]:.3f}" for k in FLAG_KINDS)
        print(f"  {label:<24} {per_kind}  overall {overall:.3f}  false alarms {far:.3f}")
    for line in added:
        print("  added by the NLU:", line)
    for line in false_alarms:
        print("  FALSE ALARM:", line)
    return alone, nlu_only, combined, added


def test_patterns_and_nlu_together_on_the_holdout(stack: Stack) -> None:
    """The development set: the patterns were tuned on it and now catch every line,
    so what the NLU adds is checked on the blind set below."""
    _, _, combined, _ = _run(stack, HOLDOUT)
    _, _, far = _score(combined)
    assert far <= MAX_FALSE_ALARM_RATE


def test_patterns_and_nlu_together_on_the_blind_set(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The NLU's part of the deployed path, on the blind held-out set (figures in
    docs/safety-and-privacy.md). The learned model, which comes after the NLU, is off here:
    it catches some of the same lines, and this checks that the NLU's intent is wired in."""
    monkeypatch.setattr(safety, "MODEL_MIN_CONFIDENCE", {})
    alone, _, combined, added = _run(stack, BLIND)
    # The NLU can only add flags (careplan.safety._nlu_guess), so "with it >= without it"
    # could never fail. What can: it must catch something the patterns miss, with the
    # kind right, or it is not wired in.
    _, plain_overall, _ = _score(alone)
    _, overall, far = _score(combined)
    assert overall > plain_overall, "the NLU adds no catch: is the intent reaching safety.detect?"
    assert added, "no message flagged with the NLU that the patterns alone missed"
    assert far <= MAX_FALSE_ALARM_RATE
