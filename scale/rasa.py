"""``python -m scale.rasa ARGS``: the ``rasa`` command with scale.rasa_speedups applied.

The production profile and the benchmark start Rasa this way, so the Rasa
process checks action replies with a cached validator (see
scale/rasa_speedups.py) whether or not the project's own modules import it.
"""

from __future__ import annotations

import sys

import scale.rasa_speedups  # noqa: F401 - installs the patch on import


def main() -> None:
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
