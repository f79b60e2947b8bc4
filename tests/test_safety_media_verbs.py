"""careplan.safety: the two places that name watching, reading and listening agree.

safety._MEDIA_VERBS holds the lemmas of the verb a match hangs from ("reading about sepsis"), and
the media_verbs cue in safety_patterns.yml the writer saying they watch, read or listen ("a man
in the crime series I'm watching"). A verb added to one is added to the other, or this fails."""

from __future__ import annotations

from careplan import safety
from careplan.nlp import parse

# Each lemma, as the writer says it in the first person
SAID = {
    "watch": "i was watching",
    "read": "i was reading",
    "listen": "we were listening",
    "hear": "i heard",
    "see": "i saw",
    "binge": "we binged",
    "follow": "i follow",
}


def test_the_media_verbs_and_the_media_verbs_cue_agree() -> None:
    # "talk" is the lemma alone: "the radio was talking about strokes" is the programme talking
    assert set(SAID) == safety._MEDIA_VERBS - {"talk"}
    cue = safety.load_rules()[1].media_verbs
    for lemma, said in SAID.items():
        assert cue.search(said), said
        assert parse(f"{said} it")[-2].lemma_ == lemma, said
