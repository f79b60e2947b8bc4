"""The red-flag detector, measured on a labelled set kept out of training.

Run with ``-rA`` (or ``-s``) to see the recall and false-alarm figures in the
log: they are printed by test_holdout_recall_and_false_alarms.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from careplan import safety
from careplan.vocab import CRISIS, EMERGENCY, FLAG_KINDS, SAFEGUARDING

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "tests" / "safety_holdout.yml"

# Floors we actually reach (see docs/safety-and-privacy.md for the figures at
# the time of writing). Raise them when the detector improves; never lower
# them to make a change pass.
MIN_RECALL = {EMERGENCY: 0.95, CRISIS: 0.95, SAFEGUARDING: 0.95}
MIN_RECALL_OVERALL = 0.95
MAX_FALSE_ALARM_RATE = 0.03


def _holdout() -> list[dict[str, str]]:
    return yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))["messages"]


def test_holdout_is_big_enough_and_labelled() -> None:
    messages = _holdout()
    counts = Counter(m["kind"] for m in messages)
    assert set(counts) <= {*FLAG_KINDS, "none"}
    assert sum(counts[k] for k in FLAG_KINDS) >= 40
    assert all(counts[k] >= 10 for k in FLAG_KINDS)
    assert counts["none"] >= 80
    texts = [m["text"] for m in messages]
    assert len(texts) == len(set(texts)), "duplicate holdout messages"


def test_holdout_is_kept_out_of_training() -> None:
    """No holdout message may appear in the NLU training data or the pattern file."""
    holdout = {m["text"].strip().casefold() for m in _holdout()}
    training: set[str] = set()
    for path in (ROOT / "data").rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu", []) or []:
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    training.add(line[2:].strip().casefold())
    assert not holdout & training
    patterns = (ROOT / "careplan" / "safety_patterns.yml").read_text(encoding="utf-8").casefold()
    assert not [t for t in holdout if len(t) > 25 and t in patterns]


def test_holdout_recall_and_false_alarms() -> None:
    messages = _holdout()
    caught: Counter[str] = Counter()
    right_kind: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_alarms: list[str] = []
    misses: list[str] = []
    for m in messages:
        flag = safety.detect(m["text"])
        kind = m["kind"]
        total[kind] += 1
        if kind == "none":
            if flag is not None:
                false_alarms.append(f"{flag.kind}/{flag.rule}: {m['text']}")
            continue
        if flag is not None:
            caught[kind] += 1
        if flag is not None and kind in flag.kinds:
            right_kind[kind] += 1
        else:
            misses.append(f"{kind} (got {flag.kinds if flag else None}): {m['text']}")

    recall = {k: right_kind[k] / total[k] for k in FLAG_KINDS}
    flagged_total = sum(total[k] for k in FLAG_KINDS)
    overall = sum(right_kind.values()) / flagged_total
    any_flag = sum(caught.values()) / flagged_total
    far = len(false_alarms) / total["none"]

    print("\nRed-flag detector on tests/safety_holdout.yml (kept out of training)")
    for k in FLAG_KINDS:
        print(f"  recall {k:<13} {right_kind[k]:>3}/{total[k]:<3} = {recall[k]:.3f}")
    print(f"  recall overall       {sum(right_kind.values()):>3}/{flagged_total:<3} = {overall:.3f}")
    print(f"  any flag raised      {sum(caught.values()):>3}/{flagged_total:<3} = {any_flag:.3f}")
    print(f"  false-alarm rate     {len(false_alarms):>3}/{total['none']:<3} = {far:.3f}")
    for line in misses:
        print("  MISSED:", line)
    for line in false_alarms:
        print("  FALSE ALARM:", line)

    for k in FLAG_KINDS:
        assert recall[k] >= MIN_RECALL[k], f"{k} recall {recall[k]:.3f}"
    assert overall >= MIN_RECALL_OVERALL
    assert far <= MAX_FALSE_ALARM_RATE


# ------------------------------------------------------------ tricky cases


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the examples in issue 6
        ("I had a fall last year but I'm fine", None),
        ("my chest infection cleared up", None),
        ("dying my hair purple", None),
        ("I could murder a cup of tea", None),
        ("the stairs kill my knees", None),
        ("I'm dying to see the grandkids", None),
        ("breathing exercises help", None),
        # negation, including words that only look like negation
        ("I don't have any chest pain", None),
        ("I'm not getting chest pains these days", None),
        ("I don't want to hurt myself", None),
        ("he has never hit me", None),
        ("I can't stop thinking about killing myself", CRISIS),
        ("nobody would miss me if I killed myself", CRISIS),
        ("I don't want to be here any more", CRISIS),
        # past and over, versus happening again
        ("I had chest pain last year and it's started again", EMERGENCY),
        ("My husband died last year and I want to die", CRISIS),
        ("my ex used to hit me years ago", None),
        ("my husband hit me again last night", SAFEGUARDING),
        # worries and questions are not events (emergencies only)
        ("I'm scared of having another heart attack", None),
        ("what should I do if she's choking?", None),
        ("I'm worried this chest pain is my heart", EMERGENCY),
        ("I'm scared he'll hit me again", SAFEGUARDING),
        ("I'm scared I might hurt myself", CRISIS),
        # answers to "Is anything worrying you?"
        ("I worry I'll fall and hit my head when I'm on my own", None),
        ("I'm frightened of having a heart attack like my dad", None),
        ("I worry about my husband's chest pains coming back", None),
        ("I worry she'll take too many tablets by mistake", None),
        ("I'd hate to be found unconscious on the floor", None),
        ("I'm scared I'm having a heart attack", EMERGENCY),
        ("I'm scared, my chest hurts and I think I might pass out", EMERGENCY),
        # end-of-life wishes are not a crisis
        ("mum wants to die at home with the family round her", None),
        ("I'd like to die peacefully in my sleep when my time comes", None),
        # a carer reporting about the person, and a carer at risk of harming
        ("Mum says she wants to die", CRISIS),
        ("Dad's speech has gone slurred and his face is drooping", EMERGENCY),
        ("some days I'm frightened I'll lose it and hit him", SAFEGUARDING),
        # figurative speech
        ("I'm exhausted and I could cheerfully strangle him sometimes", None),
        ("my son helps, though he can be rough with me", SAFEGUARDING),
        ("I nearly had a heart attack when I saw the gas bill", None),
        ("I nearly killed myself laughing", None),
        ("my back is killing me", None),
        ("it's threatening to rain", None),
        ("I can't breathe when I walk up hills", None),
        # everyday phrases near the crisis patterns
        ("I don't live far from my daughter", None),
        ("I don't want to go on holiday this year", None),
        ("I can't keep going to the gym", None),
        ("ending things with my boyfriend was hard", None),
        ("mum isn't answering her phone", None),
        ("I want it over and done with, the operation I mean", None),
        ("I have my tablets ready in the dosette box every night", None),
        ("I want to be with my husband again when he comes home from hospital", None),
        ("mum gets cross and shouts at me when she's confused", None),
        ("the traffic isn't moving", None),
        ("my fingers went blue in the cold", None),
        ("nobody will notice if I skip the class", None),
        ("he hurt his back lifting the wardrobe", None),
        ("my son pushes me around", SAFEGUARDING),
        ("I can't go on anymore", CRISIS),
        ("I don't want to wake up tomorrow", CRISIS),
        # typos and a red flag buried in a long everyday answer
        ("im feeling sucidal", CRISIS),
        ("cant breath", EMERGENCY),
        ("I love my garden. " * 40 + "Also he took my bank card and won't give it back.", SAFEGUARDING),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else str(value),
)
def test_tricky_cases(text: str, kind: str | None) -> None:
    flag = safety.detect(text)
    assert (flag.kind if flag else None) == kind, flag


def test_overdose_is_an_emergency_and_a_crisis() -> None:
    flag = safety.detect("she's taken an overdose of her tablets")
    assert flag is not None
    assert flag.kind == EMERGENCY
    assert CRISIS in flag.kinds
    assert flag.rule == "overdose"


def test_two_kinds_in_one_message_puts_the_most_urgent_first() -> None:
    flag = safety.detect("he hits me and now I'm bleeding heavily")
    assert flag is not None
    assert flag.kind == EMERGENCY
    assert SAFEGUARDING in flag.also


def test_curly_apostrophes_and_capitals_are_handled() -> None:
    assert safety.detect("I DON\u2019T WANT TO BE HERE ANYMORE") == safety.RedFlag(CRISIS, "suicidal")
    assert safety.detect("No chest pain today \U0001f642") is None


def test_empty_and_huge_messages() -> None:
    assert safety.detect("") is None
    assert safety.detect("   \n ") is None
    assert safety.detect("x" * 20_000) is None
    long = "We talked about the garden and the weather. " * 450 + "I want to end my life."
    assert safety.detect(long) == safety.RedFlag(CRISIS, "suicidal")


def test_many_matches_in_one_message() -> None:
    """Spam-like repeats are checked a few at a time per kind (each check is a spaCy parse)."""
    assert safety.detect("he hits me " * 1500) == safety.RedFlag(SAFEGUARDING, "physical_abuse")
    assert safety.detect("I don't want to die. " * 1000) is None
    assert safety.detect("I don't want to die. " * 1000 + "He hits me.") == safety.RedFlag(
        SAFEGUARDING, "physical_abuse"
    )


def test_the_flag_never_carries_the_message() -> None:
    """RedFlag goes into logs; it must not hold what the person wrote."""
    flag = safety.detect("My name is Margaret and I want to kill myself")
    assert flag is not None
    assert "Margaret" not in repr(flag)
    assert "kill" not in repr(flag)


# ------------------------------------------------------------- NLU combined


def test_confident_nlu_intent_adds_a_flag_the_patterns_missed() -> None:
    text = "everything feels hopeless and dark"
    assert safety.detect(text) is None
    flag = safety.detect(text, "red_flag_crisis", 0.97)
    assert flag == safety.RedFlag(CRISIS, "nlu:red_flag_crisis")


def test_unsure_nlu_intent_is_ignored() -> None:
    assert safety.detect("everything feels hopeless and dark", "red_flag_crisis", 0.5) is None
    assert safety.detect("everything feels hopeless and dark", "inform", 0.99) is None


def test_nlu_alone_never_raises_an_emergency() -> None:
    assert (
        safety.detect("my husband has COPD and gets out of breath easily", "red_flag_emergency", 0.99) is None
    )


def test_nlu_is_not_trusted_on_long_messages() -> None:
    long = "I love my garden and my family. " * 700
    assert safety.detect(long, "red_flag_safeguarding", 0.95) is None
    assert safety.detect(long + " He hits me.", "red_flag_safeguarding", 0.95) is not None


def test_nlu_cannot_override_the_context_checks() -> None:
    # a pattern matched and was rejected as figurative/past/negated: the NLU must not win
    assert safety.detect("I'm dying to see the grandkids", "red_flag_crisis", 0.99) is None
    assert safety.detect("I had chest pain years ago", "red_flag_emergency", 0.99) is None
    assert safety.detect("no chest pain at all", "red_flag_emergency", 0.99) is None
    # no pattern matched but the message is negated or in the past
    assert safety.detect("I never feel hopeless", "red_flag_crisis", 0.99) is None
    assert safety.detect("I felt hopeless years ago", "red_flag_crisis", 0.99) is None


# -------------------------------------------------------- the pattern file


def test_every_rule_is_reviewed_and_valid() -> None:
    raw = yaml.safe_load((ROOT / "careplan" / "safety_patterns.yml").read_text(encoding="utf-8"))
    names = [r["name"] for r in raw["rules"]]
    assert len(names) == len(set(names))
    for rule in raw["rules"]:
        assert rule["kind"] in FLAG_KINDS
        assert len(rule.get("why", "")) > 20, f"{rule['name']} has no reason"
        assert rule["patterns"]
    rules, _ = safety.load_rules()
    assert {r.kind for r in rules} == set(FLAG_KINDS)


def test_unknown_macro_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "patterns.yml"
    text = (ROOT / "careplan" / "safety_patterns.yml").read_text(encoding="utf-8")
    bad.write_text(text.replace('"unconscious"', '"{NOSUCHMACRO} unconscious"'), encoding="utf-8")
    with pytest.raises(ValueError, match="macro"):
        safety.load_rules(bad)
