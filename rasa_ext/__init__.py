"""Everything we change in Rasa 3.6.21, in one place (docs/upgrading-rasa.md).

- :mod:`rasa_ext.speedups`: cheaper action calls and replays (monkey patches,
  installed only by :func:`install`);
- :mod:`rasa_ext.logs`: tracebacks in Rasa's logs without local variables
  (they hold the slots);
- :mod:`rasa_ext.trackerstore`: Rasa's SQL tracker store, keeping each
  conversation in memory between turns (named in endpoints.yml);
- :mod:`rasa_ext.lockstore`: Rasa's Redis lock store with atomic ticket
  changes (named in scale/endpoints.yml).

Rasa is started through ``python -m rasa_ext ARGS`` (the ``rasa`` command, see
rasa_ext/__main__.py): ``make run``, the tests' stack, the scaled profile and
the benchmark all do. It refuses any Rasa but the pinned one, and with
``WHAT_MATTERS_STOCK_RASA=1`` it runs Rasa exactly as shipped: no patches, and
Rasa's own tracker and lock stores in place of ours.

Nothing here is imported by careplan/: the care-plan code stays free of Rasa.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version

# The one Rasa every patch here was written against and checked on.
PINNED_RASA = "3.6.21"
STOCK_ENV = "WHAT_MATTERS_STOCK_RASA"
# Our classes in endpoints files, and what stock Rasa has in their place.
STOCK_TYPES = {
    "rasa_ext.trackerstore.CachedSQLTrackerStore": "sql",
    "rasa_ext.lockstore.AtomicRedisLockStore": "redis",
}
# Settings only our classes take; Rasa's own would fail on them.
OUR_SETTINGS = ("cache_size:", "poll_seconds:")


class WrongRasa(RuntimeError):
    """The installed Rasa is not the one the patches were checked on."""


def stock() -> bool:
    """True when ``WHAT_MATTERS_STOCK_RASA`` asks for Rasa as shipped."""
    return os.environ.get(STOCK_ENV, "").strip().lower() in ("1", "true", "yes")


def require_pinned_rasa() -> None:
    """Refuse to go on with any Rasa but :data:`PINNED_RASA`.

    The patches replace Rasa's private methods by name; on another version
    they could quietly change what Rasa does.
    """
    try:
        found = version("rasa")
    except PackageNotFoundError:
        found = "none"
    if found != PINNED_RASA:
        raise WrongRasa(
            f"What Matters runs on Rasa {PINNED_RASA}, but Rasa {found} is installed. "
            f"Install the pinned requirements (make setup), or check each patch in rasa_ext/ "
            f"against Rasa {found} first: docs/upgrading-rasa.md says how."
        )


def install() -> None:
    """Check Rasa's version, then install the speed-ups and the log change unless stock Rasa
    is asked for."""
    require_pinned_rasa()
    if not stock():
        from rasa_ext import logs, speedups

        speedups.install()
        logs.install()


def stock_endpoints(text: str) -> str:
    """An endpoints file's text with our tracker and lock stores swapped for Rasa's own.

    Works on the text, not parsed YAML, so ``${VAR}`` values stay plain scalars
    that Rasa fills in from the environment.
    """
    for ours, theirs in STOCK_TYPES.items():
        text = text.replace(f"type: {ours}", f"type: {theirs}")
    return "".join(
        line for line in text.splitlines(keepends=True) if not line.strip().startswith(OUR_SETTINGS)
    )
