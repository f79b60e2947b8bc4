"""Leave one batch out: the honest development figure for the red-flag detector.

Each labelled safety set (careplan/safety_sets/) was written by a different
author. For each one, the learned model (careplan/safety_model.py) is learnt
WITHOUT it, then the whole detector (patterns + model, as the tests measure
it) reads it. Tuned recall reaches 1.0 on every batch it learnt from; this is
the figure that says something about the next writer. The patterns were
tuned on every batch, so they are not blind here: only the model is. So it
also prints the model alone (as careplan.safety trusts it, patterns ignored):
what it would add where the next writer's wording slips past the patterns.

    .venv/bin/python scripts/safety_lobo.py [-v] [BATCH_STEM ...]

``-v`` prints the misses and false alarms of each batch.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This checkout first: the venv's editable install would otherwise import another one's code.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import yaml  # noqa: E402
from test_safety_detection import Figures, measure  # noqa: E402

from careplan import safety, safety_model  # noqa: E402
from careplan.vocab import FLAG_KINDS  # noqa: E402


def batches() -> list[Path]:
    """Every labelled set, one per author."""
    return [p for pattern in safety_model.LABELLED_SETS for p in sorted(ROOT.glob(pattern))]


def without(batch: Path, learnt: frozenset[str] = safety_model.RED_FLAG_KINDS) -> safety_model.Scorer:
    """The model (the 111 model for ``URGENT_KINDS``) learnt from the NLU data and every labelled
    set but ``batch``."""
    others = tuple(str(p.relative_to(ROOT)) for p in batches() if p != batch)
    examples = safety_model.training_examples(ROOT, others, learnt)
    return safety_model.Scorer.from_model(safety_model.build(*examples))


def model_alone(messages: list[dict[str, str]]) -> Figures:
    """The figures of the model's guess alone, with every check ``careplan.safety`` puts on it."""
    _, cues = safety.load_rules()
    figures = Figures()
    for message in messages:
        text, kind = message["text"], message["kind"]
        norm, shifts = safety.spell_fix(safety.normalise(text))
        flag = safety._model_guess(norm, norm if shifts else text, cues, len(text))
        figures.total[kind] += 1
        if kind == "none" and flag is not None:
            (figures.check_ins_on_none if flag.check_in else figures.false_alarms).append(text)
        elif flag is not None and kind == flag.kind:
            figures.caught[kind] += 1
    return figures


def pooled(all_figures: list[Figures]) -> Figures:
    total = Figures()
    for figures in all_figures:
        total.total.update(figures.total)
        total.caught.update(figures.caught)
        total.at_once.update(figures.at_once)
        total.false_alarms.extend(figures.false_alarms)
        total.check_ins_on_none.extend(figures.check_ins_on_none)
        total.misses.extend(figures.misses)
    return total


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    wanted = {a for a in argv if not a.startswith("-")}
    chosen = [p for p in batches() if not wanted or p.stem in wanted]
    results, alone = [], []
    print(f"{'batch':<14}" + "".join(f"{k:>20}" for k in FLAG_KINDS) + f"{'false alarms':>18}")
    for batch in chosen:
        scorer, urgent = without(batch), without(batch, safety_model.URGENT_KINDS)
        safety_model._scorer = lambda scorer=scorer: scorer  # the batch's own models, not the kept ones
        safety_model._urgent_scorer = lambda urgent=urgent: urgent
        messages = yaml.safe_load(batch.read_text(encoding="utf-8"))["messages"]
        figures = measure(messages)
        results.append(figures)
        alone.append(model_alone(messages))
        cells = "".join(
            f"{f'{figures.caught[k]}/{figures.total[k]} = {figures.recall(k):.3f}':>20}"
            if figures.total[k]
            else f"{'-':>20}"
            for k in FLAG_KINDS
        )
        alarms = f"{len(figures.false_alarms)}/{figures.total['none']}"
        print(f"{batch.stem:<14}{cells}{alarms:>18}", flush=True)
        if verbose:
            for line in figures.misses + [f"FALSE ALARM {a}" for a in figures.false_alarms]:
                print(f"    {line}")
    if len(results) > 1:
        pooled(results).report("every batch, each left out of the model in turn", lines=False)
    pooled(alone).report("the model alone, as trusted, each batch left out in turn", lines=verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
