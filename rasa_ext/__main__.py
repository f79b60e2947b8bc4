"""``python -m rasa_ext ARGS``: the ``rasa`` command, with our patches.

The one way the project starts Rasa (``make run``, the tests, the scaled
profile, the benchmark, ``rasa test core`` in ``make test``):

1. it refuses any Rasa but the pinned one (:data:`rasa_ext.PINNED_RASA`);
2. it installs :mod:`rasa_ext.speedups` in this process;
3. with ``WHAT_MATTERS_STOCK_RASA=1`` it does neither patch: the file given
   with ``--endpoints`` is handed to Rasa with Rasa's own SQL tracker store
   and Redis lock store in place of ours (see :func:`rasa_ext.stock_endpoints`).
"""

from __future__ import annotations

import atexit
import os
import sys
import tempfile
from pathlib import Path

import rasa_ext


def stock_argv(argv: list[str]) -> list[str]:
    """``argv`` with its ``--endpoints`` file swapped for a stock copy (kept until we exit)."""
    result = list(argv)
    for index, arg in enumerate(result):
        if arg == "--endpoints" and index + 1 < len(result):
            result[index + 1] = _stock_copy(Path(result[index + 1]))
        elif arg.startswith("--endpoints="):
            result[index] = "--endpoints=" + _stock_copy(Path(arg.partition("=")[2]))
    return result


def _stock_copy(path: Path) -> str:
    if not path.exists():
        return str(path)  # Rasa says what is wrong with it
    handle, name = tempfile.mkstemp(prefix="stock-endpoints-", suffix=".yml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(rasa_ext.stock_endpoints(path.read_text(encoding="utf-8")))
    atexit.register(os.unlink, name)
    return name


def main() -> None:
    try:
        rasa_ext.install()
    except rasa_ext.WrongRasa as exc:
        raise SystemExit(f"Not starting: {exc}") from None
    args = sys.argv[1:]
    if rasa_ext.stock():
        print("Rasa as shipped (WHAT_MATTERS_STOCK_RASA): no patches, Rasa's own stores.", file=sys.stderr)
        args = stock_argv(args)
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *args]
    rasa_main()


if __name__ == "__main__":
    main()
