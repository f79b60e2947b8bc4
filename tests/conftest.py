"""Shared fixtures (the trained model, a running stack, a browser) and the test tiers.

Every test is put in one tier, automatically, by what it starts:

- ``unit``: no servers and no training (``make test-fast``);
- ``stack``: Rasa and the action server (the ``stack``/``make_stack`` fixtures),
  the trained model, or the care-team app as a server;
- ``system``: PostgreSQL, Redis, nginx, Chromium or the Telegram stand-in.

A test is in the highest tier of the fixtures it uses (:data:`FIXTURE_TIERS`)
and of the starters its module refers to (:data:`STARTER_TIERS`: a helper used
inside a test, not as a fixture), unless it is marked with a tier itself. A
test that uses none of them is a unit test. New server helpers go in one of
the two tables.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from careplan import clock

from stack import ROOT, Stack

# Conversations say "tmrw" and "a week on Friday", and expect the day that means
# on the day they were written: every test, and every server a test starts,
# counts from Thursday 3 December 2026 unless the run pins another day.
os.environ.setdefault(clock.PINNED, "2026-12-03")

sys.path.insert(0, str(ROOT / "scripts"))

TIERS = ("unit", "stack", "system")
# (nlu_model: tests/test_nlu_quality.py, which asks for trained_model by name)
FIXTURE_TIERS = {
    "trained_model": "stack",
    "nlu_model": "stack",
    "stack": "stack",
    "make_stack": "stack",
    "browser": "system",
}
# module: names in it that start servers when called
STARTER_TIERS = {
    "stack": ({"Stack"}, "stack"),
    "careteam_testkit": ({"start_server"}, "stack"),
    "botapi_standin": ({"BotApiStandIn", "RasaStandIn", "BotProcess"}, "system"),
    "scaled_kit": ({"require", "private_folder"}, "system"),
    "scale.services": ({"Postgres", "Redis", "Nginx"}, "system"),
    "scale.stack": ({"ScaledStack"}, "system"),
}


# A module that imports Rasa itself (not rasa_sdk) loads TensorFlow: a quarter of a
# minute before its first test. Such a module is in the stack tier.
IMPORTS_RASA = re.compile(r"^\s*(?:from|import) rasa(?:\.| |$)", re.MULTILINE)


def _unit_only(config: pytest.Config) -> bool:
    return config.getoption("markexpr", "").startswith("unit")


def pytest_configure(config: pytest.Config) -> None:
    if _unit_only(config):
        # The unit tier never runs Rasa: spaCy's thinc carries on without
        # TensorFlow, as in the action server (actions/__main__.py).
        sys.modules.setdefault("tensorflow", None)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if _unit_only(config) and collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        return bool(IMPORTS_RASA.search(collection_path.read_text(encoding="utf-8"))) or None
    return None


def _starter_tier(module: types.ModuleType | None) -> str:
    """The highest tier of the server starters a test module refers to."""
    found = "unit"
    for value in vars(module).values() if module else ():
        names, tier = STARTER_TIERS.get(getattr(value, "__module__", None), (set(), "unit"))
        if getattr(value, "__name__", None) in names and TIERS.index(tier) > TIERS.index(found):
            found = tier
    return found


def tier_of(item: pytest.Item) -> str:
    marked = [m.name for m in item.iter_markers() if m.name in TIERS]
    if marked:
        return max(marked, key=TIERS.index)
    tiers = [FIXTURE_TIERS.get(name, "unit") for name in getattr(item, "fixturenames", ())]
    module = getattr(item, "module", None)
    tiers.append(_starter_tier(module))
    if module is not None and IMPORTS_RASA.search(Path(module.__file__).read_text(encoding="utf-8")):
        tiers.append("stack")
    return max(tiers, key=TIERS.index)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(tier_of(item))


@pytest.fixture
def model_says(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, float], None]:
    """Make the learned red-flag model give a fixed guess, so the gate around it is what's tested."""
    from careplan import safety_model

    def set_guess(kind: str, confidence: float) -> None:
        monkeypatch.setattr(safety_model, "guess", lambda norm: (kind, confidence))

    return set_guess


@pytest.fixture(scope="session")
def trained_model(request: pytest.FixtureRequest) -> Path:
    """The model for the current data and config, trained once (and cached) if needed."""
    test = getattr(request, "_pyfuncitem", None)  # asked for by name, past the tier tables
    if test is not None and test.get_closest_marker("unit"):
        pytest.fail(f"{test.nodeid} needs the trained model: add its fixture to FIXTURE_TIERS (conftest.py)")
    from train import trained_model as train

    return train()


@pytest.fixture(scope="session")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One running stack shared by the whole session. Use fresh sender ids per test."""
    running = Stack(tmp_path_factory.mktemp("stack"), trained_model).start()
    yield running
    running.stop()


@pytest.fixture
def make_stack(
    trained_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[], Stack]]:
    """A private stack for tests that stop, kill or restart processes."""
    made: list[Stack] = []

    def make(**options) -> Stack:
        made.append(Stack(tmp_path_factory.mktemp("private-stack"), trained_model, **options))
        return made[-1]

    yield make
    for each in made:
        each.stop()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture()
def browser():
    """Debian's headless Chromium, driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is not installed: run `apt-get update && apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
