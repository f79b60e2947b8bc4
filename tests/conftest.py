"""Shared fixtures: the trained model and a running stack (Rasa + action server)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from stack import ROOT, Stack

sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model for the current data and config, trained once (and cached) if needed."""
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
