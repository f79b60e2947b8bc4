"""Rules about the code itself, checked rather than asked for in comments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stack import ROOT

OUR_CODE = ("careplan", "actions", "bot", "careteam", "channels", "components", "launch", "scale")


def _files(*folders: str) -> list[str]:
    paths = (path for folder in folders for path in sorted((ROOT / folder).rglob("*.py")))
    return [str(path.relative_to(ROOT)) for path in paths]


@pytest.mark.parametrize("name", _files(*OUR_CODE))
def test_only_the_clock_reads_the_machine_date(name: str) -> None:
    """Today comes from careplan.clock, so the tests can pin it (WHAT_MATTERS_TODAY)."""
    if name != "careplan/clock.py":
        assert not re.search(r"\bdate\.today\(\)", Path(ROOT, name).read_text()), "use careplan.clock.today()"


@pytest.mark.parametrize("name", _files("careplan"))
def test_the_care_plan_domain_imports_neither_rasa_nor_telegram(name: str) -> None:
    source = Path(ROOT, name).read_text()
    assert not re.search(r"^\s*(?:from|import) (?:rasa|rasa_sdk|telegram)\b", source, re.MULTILINE)
