"""Shared by the tests/test_scaled_*.py files: needing Debian's servers, and private folders."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# bench/ and scale/ live at the top of the checkout, which pytest does not put on sys.path.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scale.services import missing_packages  # noqa: E402


def require(*packages: str) -> None:
    """Skip without these Debian packages; in CI (where .ci/run installs them) fail instead."""
    missing = [p for p in missing_packages() if p in packages]
    if not missing:
        return
    message = f"needs Debian packages {missing} (scripts/system_packages.sh installs them)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def private_folder(prefix: str) -> Iterator[Path]:
    """A temporary folder PostgreSQL's own user can enter (we may be root), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
