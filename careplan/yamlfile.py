"""YAML read with libyaml's C parser when PyYAML has it, else PyYAML's own.

The same safe loader either way (the C one only scans and parses faster: the
node-to-Python step is the same code), about ten times quicker. The action server
reads about half a megabyte of YAML at start-up (domain.yml, the question
catalogue, the red-flag patterns), which took over a second on the shared machine.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(source: str | IO[str]) -> Any:
    """``yaml.safe_load``, quicker."""
    return yaml.load(source, Loader=_LOADER)  # noqa: S506  # nosec B506 - a safe loader (C or Python)
