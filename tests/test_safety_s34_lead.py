"""A stroke sign is lived with only by words in its own clause (the lead, session 34): a chest that
hurts on effort beside it must not turn a face dropping now into a matter for the GP."""

import pytest

from careplan import safety
from careplan.safety import EMERGENCY, URGENT

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("her face has dropped and she gets chest pain when she walks up hills", EMERGENCY),
        ("mums arm has gone weak and she gets breathless when she climbs the stairs", EMERGENCY),
        # ...its twins: the sign itself said as lived with still goes to the GP, not 999
        ("her speech is slurred sometimes when she's tired", URGENT),
    ],
)
def test_a_stroke_sign_is_lived_with_only_in_its_own_clause(text: str, kind: str) -> None:
    flag = safety.detect(text)
    assert flag is not None and flag.kind == kind
