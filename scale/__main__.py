"""``python -m scale`` (``make run-scaled``): the production profile on loopback, until Ctrl-C.

PostgreSQL (care plans and Rasa's trackers), Redis (Rasa's lock store), two
action servers, two Rasa replicas and the care-team app, with nginx in front.
Debian's packages are installed with apt-get if missing (as root). State lives
in var/scaled/ and survives restarts; delete that folder to start afresh.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from launch import ROOT, StartError
from scale.stack import LOCK_MODES, ScaledStack

CACHE = Path.home() / ".cache" / "what-matters" / "models"


def find_model(explicit: Path | None) -> Path:
    """The model to serve: ``--model``, else the newest in models/ or the training cache."""
    if explicit is not None:
        if not explicit.exists():
            raise SystemExit(f"no model at {explicit}")
        return explicit
    candidates = [*(ROOT / "models").glob("*.tar.gz"), *CACHE.glob("**/*.tar.gz")]
    if not candidates:
        raise SystemExit("no trained model: run `.venv/bin/python scripts/train.py` or pass --model")
    return max(candidates, key=lambda p: p.stat().st_mtime)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scale", description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, help="model archive to serve (default: newest)")
    parser.add_argument("--base", type=Path, default=ROOT / "var" / "scaled", help="state folder")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=2)
    parser.add_argument(
        "--lock-store",
        choices=LOCK_MODES,
        default="atomic",
        help="atomic (default); redis = Rasa's stock one; none = in-memory per replica (unsafe, demo only)",
    )
    parser.add_argument("--no-careteam", action="store_true")
    parser.add_argument("--no-install", action="store_true", help="never run apt-get")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    stack = ScaledStack(
        model=find_model(args.model),
        base=args.base.resolve(),
        replicas=args.replicas,
        action_servers=args.action_servers,
        lock_store=args.lock_store,
        careteam=not args.no_careteam,
        install=not args.no_install,
    )
    stopping = False

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print(f"starting the scaled profile in {stack.base} (model {stack.model.name}) ...", flush=True)
    try:
        stack.start()
    except StartError as exc:
        print(f"could not start: {exc}", file=sys.stderr)
        return 1
    try:
        print(f"  chat (REST, load-balanced): {stack.lb_url}/webhooks/rest/webhook")
        for index, url in enumerate(stack.rasa_urls):
            print(f"  rasa replica {index}:           {url}")
        if stack.careteam_url:
            print(f"  care-team app:               {stack.careteam_url}")
        else:
            print("  care-team app:               not started (careteam package missing or --no-careteam)")
        print(
            f"  PostgreSQL port {stack.postgres.port if stack.postgres else '?'}, Redis port "
            f"{stack.redis.port if stack.redis else '?'} (lock store: {stack.lock_store}); "
            f"passwords in {stack.base}/*/password (0600)"
        )
        print(f"  logs: {stack.logs}")
        print(f"  started in {stack.timings.get('total_s')} s {stack.timings}")
        print("Ctrl-C stops everything.", flush=True)
        while not stopping:
            dead = [s.name for s in stack.services if not s.alive()]
            if dead:
                print(f"stopped unexpectedly: {', '.join(dead)}; see {stack.logs}", file=sys.stderr)
                return 1
            time.sleep(1)
        return 0
    finally:
        print("stopping ...", flush=True)
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
