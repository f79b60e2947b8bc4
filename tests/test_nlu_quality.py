"""NLU quality measured on two held-out sets, reported apart.

- **blind** (tests/nlu_holdout_blind*.yml, one file per batch): written from 2026-12-02, each committed
  before any model was run on it; nothing is trained on it or chosen by it, and
  no line of it is a near copy of a training line. Its figures are the ones to
  quote as held-out.
- **development** (tests/nlu_holdout.yml): older examples that training data and
  the classifier were later tuned against (issue 16), and half of its lines are
  near copies of training lines, so its figures are development figures: a
  regression guard, not a claim about new messages.

Intent quality comes from the real ``rasa test nlu`` CLI run against the trained
model. (Names and dates are read by the actions, from the text: tests/test_understanding.py.)
The numbers are printed, labelled with the set, so they show in ``pytest -rA`` output.

The answer-versus-interruption split is what matters most to the product: every
free-text answer is stored from the text, and the intent only decides whether a
message is an answer (``inform``) or an interruption. So ``inform`` recall (answers
not swallowed as interruptions) has its own floor.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.common import SURE
from actions.flow import INTERRUPTIONS, MOVES

# Every intent that keeps a message from being stored as the answer: the questions
# and requests answered in place, and the moves (stop, go back...) that leave it.
NOT_ANSWERS = {*INTERRUPTIONS, *MOVES}

ROOT = Path(__file__).resolve().parent.parent
NLU_DIR = ROOT / "data" / "nlu"
RASA = Path(sys.executable).parent / "rasa"


@dataclass(frozen=True)
class Holdout:
    """A held-out set and the floors it must stay at or above.

    Floors are what the data and config.yml reach when measured; raise them as the
    data improves, never lower them to make a regression pass. They guard against
    regressions; the printed figures, not the floors, are what to report.
    """

    paths: tuple[Path, ...]
    weighted_f1: float
    inform_recall: float
    answers_kept: float
    sure_interruption_precision: float
    sure_interruption_recall: float


HOLDOUTS = {
    # 2026-11-22: weighted F1 0.91, inform recall 0.83; after training data was added
    # for its misreads and the classifier chosen by it, 0.942 and 0.91 (issue 16).
    # Floors just under the figures of 2026-12-02 with data/nlu/meta_by_category.yml
    # (docs/benchmarks.md): weighted F1 0.945, inform recall 0.981, answers kept 0.990,
    # sure interruptions 0.952 right and 0.899 noticed.
    "development": Holdout((ROOT / "tests" / "nlu_holdout.yml",), 0.93, 0.97, 0.98, 0.94, 0.88),
    # First measured 2026-12-02 (docs/benchmarks.md): weighted F1 0.674, sure interruptions
    # right 0.952, noticed 0.339; at 47e36d2 (the moves count now), 0.692, 0.944 and 0.436.
    # With data/nlu/meta_by_category.yml (written from categories, not from this set):
    # weighted F1 0.720, inform recall 0.956, answers kept 1.000, sure interruptions 0.952
    # right and 0.513 noticed. Floors just under.
    "blind": Holdout(
        tuple(sorted((ROOT / "tests").glob("nlu_holdout_blind*.yml"))), 0.71, 0.95, 0.97, 0.92, 0.50
    ),
}
# A held-out line within this many words (token edit distance) of a training line
# is a near copy: the model has as good as seen it.
NEAR_COPY_WORDS = 2

ANNOTATION = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


# --------------------------------------------------------------------------
# Reading NLU YAML without a model (data hygiene checks).
# --------------------------------------------------------------------------


def _examples(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (intent, plain text) for every example in a Rasa NLU YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for block in data.get("nlu", []):
        intent = block.get("intent")
        if not intent:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield intent, ANNOTATION.sub(r"\1", line[2:]).strip()


def _normalise(text: str) -> str:
    """Compare examples ignoring case, surrounding space and end punctuation."""
    return re.sub(r"\s+", " ", text.lower()).strip().rstrip("?!.,")


def _training_examples() -> list[tuple[str, str, str]]:
    """(intent, text, file name) for all training examples under data/nlu."""
    return [
        (intent, text, path.name)
        for path in sorted(NLU_DIR.glob("*.yml"))
        for intent, text in _examples(path)
    ]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("\u2019", ""))


def _word_distance(a: list[str], b: list[str]) -> int:
    """Levenshtein distance counted in words."""
    previous = list(range(len(b) + 1))
    for i, word in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other)))
        previous = current
    return previous[-1]


def near_copy(held: list[str], trained: list[str]) -> bool:
    """The same words, or at most NEAR_COPY_WORDS words changed with at least two kept.

    One- and two-word messages count only when identical: any two of them are
    within two words of each other ("no idea" is not a copy of "no").
    """
    if held == trained:
        return True
    if min(len(held), len(trained)) < 3 or abs(len(held) - len(trained)) > NEAR_COPY_WORDS:
        return False
    distance = _word_distance(held, trained)
    return distance <= NEAR_COPY_WORDS and max(len(held), len(trained)) - distance >= 2


def _held_out(name: str) -> list[tuple[str, str]]:
    """(intent, text) for every example of a held-out set."""
    return [example for path in HOLDOUTS[name].paths for example in _examples(path)]


def _near_copies(name: str) -> list[tuple[str, str]]:
    """(held-out line, the training line it nearly copies)."""
    trained = [(_words(text), text) for _, text, _ in _training_examples()]
    found = []
    for _, text in _held_out(name):
        words = _words(text)
        copied = next((line for other, line in trained if near_copy(words, other)), None)
        if copied is not None:
            found.append((text, copied))
    return found


def test_near_copy_rule() -> None:
    assert near_copy(_words("I'm doing it for myself"), _words("im doing it for myself!"))
    assert near_copy(_words("how long do you keep my data"), _words("how long do you keep this"))
    assert not near_copy(_words("watching the snooker"), _words("i'm the patient"))
    assert not near_copy(_words("no idea"), _words("no"))


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_blind_holdout_has_no_near_copies_of_training_lines() -> None:
    leaked = _near_copies("blind")
    assert leaked == [], f"blind held-out lines (nearly) copied in data/nlu: {leaked}"


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_development_holdout_is_not_in_training_data() -> None:
    """Exact copies only: this is a development set (see the module docstring). How
    many of its lines are near copies is printed, so nobody takes it for held-out."""
    trained = {_normalise(text) for _, text, _ in _training_examples()}
    held = _held_out("development")
    leaked = [text for _, text in held if _normalise(text) in trained]
    print(f"\ndevelopment holdout: {len(_near_copies('development'))} of {len(held)} lines are near copies")
    assert leaked == [], f"held-out examples copied into data/nlu: {leaked}"


def test_no_example_is_trained_under_two_intents() -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for intent, text, _ in _training_examples():
        seen[_normalise(text)].add(intent)
    clashes = {text: sorted(intents) for text, intents in seen.items() if len(intents) > 1}
    assert clashes == {}, f"same example under several intents: {clashes}"


@pytest.mark.parametrize("name", HOLDOUTS)
def test_holdout_intents_are_all_trained(name: str) -> None:
    trained = {intent for intent, _, _ in _training_examples()}
    held_out = {intent for intent, _ in _held_out(name)}
    assert held_out <= trained, f"no training data for {sorted(held_out - trained)}"


def test_blind_holdout_covers_every_intent() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    missing = set(domain["intents"]) - {intent for intent, _ in _held_out("blind")}
    assert missing == set(), f"no blind held-out examples for {sorted(missing)}"


# --------------------------------------------------------------------------
# The trained model.
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def nlu_model(request: pytest.FixtureRequest) -> Path:
    """The model to evaluate: the harness's ``trained_model`` (tests/conftest.py).

    ``WHAT_MATTERS_NLU_MODEL`` names another trained model to evaluate instead.
    Compare pipelines on the development set only: choosing by the blind set
    would make it a development set too.
    """
    override = os.environ.get("WHAT_MATTERS_NLU_MODEL")
    if override:
        return Path(override)
    return Path(request.getfixturevalue("trained_model"))


@pytest.fixture(scope="session", params=list(HOLDOUTS))
def intent_report(
    request: pytest.FixtureRequest, nlu_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The report, the misread examples and all predictions from ``rasa test nlu``,
    for one held-out set."""
    name: str = request.param
    out = tmp_path_factory.mktemp(f"nlu_results_{name}")
    batches = out / "holdout.yml"  # one file: every batch of the set
    blocks = [block for path in HOLDOUTS[name].paths for block in yaml.safe_load(path.read_text())["nlu"]]
    batches.write_text(yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True))
    proc = subprocess.run(  # noqa: S603 - our own venv's rasa
        [str(RASA), "test", "nlu", "--nlu", str(batches), "--model", str(nlu_model)]
        + ["--out", str(out), "--successes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads((out / "intent_report.json").read_text())
    errors, successes = (
        json.loads(path.read_text()) if path.exists() else []
        for path in (out / "intent_errors.json", out / "intent_successes.json")
    )
    return {
        "name": name,
        "floors": HOLDOUTS[name],
        "report": report,
        "errors": errors,
        "predictions": errors + successes,
    }


def _per_intent(report: dict[str, Any]) -> dict[str, dict[str, float]]:
    return {
        name: scores
        for name, scores in report.items()
        if isinstance(scores, dict) and "f1-score" in scores and not name.endswith("avg")
    }


def test_intent_f1_on_holdout(intent_report: dict[str, Any]) -> None:
    report, floors = intent_report["report"], intent_report["floors"]
    macro = report["macro avg"]["f1-score"]
    weighted = report["weighted avg"]["f1-score"]
    print(
        f"\nNLU {intent_report['name']} holdout intents: macro F1 {macro:.3f}, weighted F1 {weighted:.3f}, "
        f"accuracy {report.get('accuracy', float('nan')):.3f}"
    )
    print(f"{'intent':<22} {'prec':>5} {'rec':>5} {'f1':>5} {'n':>4}")
    for name, s in sorted(_per_intent(report).items()):
        print(f"{name:<22} {s['precision']:5.2f} {s['recall']:5.2f} {s['f1-score']:5.2f} {s['support']:4d}")
    for error in intent_report["errors"]:
        predicted = error["intent_prediction"]
        print(
            f"  miss: {error['intent']} -> {predicted['name']} "
            f"({predicted['confidence']:.2f}): {error['text']}"
        )
    assert weighted >= floors.weighted_f1


def test_answers_are_not_taken_as_interruptions(intent_report: dict[str, Any]) -> None:
    """Held-out answers must be read as ``inform``.

    Raw recall counts every misread. The actions only act on an intent when NLU
    is sure of it (``actions.common.SURE``); below that the text is stored as the
    answer. So the answers actually kept are the recall plus the unsure misreads,
    and that share has its own, higher floor.
    """
    floors = intent_report["floors"]
    inform = intent_report["report"]["inform"]
    misread = [e for e in intent_report["errors"] if e["intent"] == "inform"]
    lost = [e for e in misread if e["intent_prediction"]["confidence"] >= SURE]
    kept = 1 - len(lost) / inform["support"]
    print(
        f"\n{intent_report['name']} holdout, inform: recall {inform['recall']:.3f}, "
        f"precision {inform['precision']:.3f}; {len(misread)} of {inform['support']} held-out answers "
        f"misread, {len(lost)} of them at confidence >= {SURE} (answers kept: {kept:.3f})"
    )
    for error in misread:
        predicted = error["intent_prediction"]
        mark = "LOST" if error in lost else "kept"
        print(f"  {mark} as {predicted['name']} ({predicted['confidence']:.2f}): {error['text']}")
    assert inform["recall"] >= floors.inform_recall
    assert kept >= floors.answers_kept


def test_sure_interruptions_are_right(intent_report: dict[str, Any]) -> None:
    """When NLU is sure a message interrupts a question, it should be right.

    These are the only predictions that stop an answer being stored, so their
    precision is the number that matters most; recall says how often a real
    interruption is noticed without the person having to repeat it (a missed one
    is stored as the answer). Both have floors.
    """
    predictions = intent_report["predictions"]
    sure = [
        p
        for p in predictions
        if p["intent_prediction"]["name"] in NOT_ANSWERS and p["intent_prediction"]["confidence"] >= SURE
    ]
    right = [p for p in sure if p["intent"] == p["intent_prediction"]["name"]]
    wanted = [p for p in predictions if p["intent"] in NOT_ANSWERS]
    precision = len(right) / len(sure) if sure else 0.0
    recall = len(right) / len(wanted) if wanted else 0.0
    print(
        f"\n{intent_report['name']} holdout, interruptions at confidence >= {SURE}: "
        f"precision {precision:.3f} ({len(right)}/{len(sure)}), "
        f"recall {recall:.3f} ({len(right)}/{len(wanted)})"
    )
    for p in sure:
        if p not in right:
            print(f"  wrong: {p['intent']} read as {p['intent_prediction']['name']}: {p['text']}")
    assert precision >= intent_report["floors"].sure_interruption_precision
    assert recall >= intent_report["floors"].sure_interruption_recall
