"""Play the held-out conversations (tests/heldout/conversations/) against a fresh stack
and report how many pass, with what went wrong. Never tune the bot to these.

    .venv/bin/python scripts/heldout.py [FOLDER]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This checkout first: the venv's editable install would otherwise import another one's code.
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "scripts")]

from test_conversations import play_over_rest  # noqa: E402

from bench.conversations import all_conversations  # noqa: E402

from stack import Stack  # noqa: E402 - tests/ on the path first
from train import trained_model  # noqa: E402


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "heldout" / "conversations"
    conversations = all_conversations(folder)
    stack = Stack(Path(tempfile.mkdtemp(prefix="heldout-")), trained_model()).start()
    passed = 0
    try:
        for conversation in conversations:
            problems = play_over_rest(stack, f"heldout-{conversation.name}", conversation)
            passed += not problems
            print(f"{'PASS' if not problems else 'FAIL'} {conversation.name}: {conversation.title}")
            for problem in problems:
                print(f"    {problem[:400]}")
    finally:
        stack.stop()
    print(f"{passed} of {len(conversations)} held-out conversations passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
