"""The ``careplan`` command: export, delete and purge care-plan data."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from careplan import rights
from careplan.store import Store


def _export(args: argparse.Namespace, store: Store) -> int:
    plans = store.plans_for_sender(args.sender)
    if not plans:
        print(f"No care plan found for sender '{args.sender}'.", file=sys.stderr)
        return 2
    if args.subject:
        wanted = args.subject.casefold()
        plans = [
            p
            for p in plans
            if wanted in {(p["subject_name"] or "").casefold(), (p["preferred_name"] or "").casefold()}
        ]
        if not plans:
            print(f"Sender '{args.sender}' has no plan for '{args.subject}'.", file=sys.stderr)
            return 2
    elif len(plans) > 1:
        names = ", ".join(p["subject_name"] or "(no name)" for p in plans)
        print(
            f"This sender has {len(plans)} plans ({names}); showing the latest. Use --subject NAME.",
            file=sys.stderr,
        )
    data = store.export(plans[0]["id"])
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    from careplan import exports

    return exports.write(data, args.format, args.output)


def _delete(args: argparse.Namespace, store: Store) -> int:
    removed = rights.erase(store, args.sender)
    print(
        f"Deleted {removed.plans} plan(s), {removed.tracker_events} conversation event(s) and "
        f"{removed.held_messages} held message(s) for sender '{args.sender}'."
    )
    return 0


def _purge(args: argparse.Namespace, store: Store) -> int:
    senders = rights.purge(store, args.older_than)
    print(f"Purged {len(senders)} conversation(s) idle for more than {args.older_than} days.")
    return 0


def _clinician_add(args: argparse.Namespace, store: Store) -> int:
    from careplan import review

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass("Password for the new clinician: ")
        if getpass.getpass("Type it again: ") != password:
            print("The two passwords did not match.", file=sys.stderr)
            return 2
    try:
        review.Review(store).add_clinician(args.username, password)
    except (review.BadInput, review.UsernameTaken) as problem:
        print(f"Could not add '{args.username}': {problem}", file=sys.stderr)
        return 2
    print(f"Added clinician '{args.username.strip()}'.")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="careplan", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="print one conversation's plan")
    export.add_argument("--sender", required=True, help="the conversation (sender) id")
    export.add_argument("--subject", help="for a carer with several plans: the person's name")
    export.add_argument("--format", default="json", choices=["json", "markdown", "html", "pdf", "fhir"])
    export.add_argument("--output", help="file to write (needed for pdf)")
    export.set_defaults(run=_export)

    delete = commands.add_parser("delete", help="erase everything stored for one conversation")
    delete.add_argument("--sender", required=True)
    delete.set_defaults(run=_delete)

    purge = commands.add_parser("purge", help="erase conversations idle for longer than DAYS")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    purge.set_defaults(run=_purge)

    clinician = commands.add_parser("clinician", help="care-team accounts for the web app")
    clinician_add = clinician.add_subparsers(dest="clinician_command", required=True).add_parser(
        "add", help="create a clinician account"
    )
    clinician_add.add_argument("username")
    clinician_add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    clinician_add.set_defaults(run=_clinician_add)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args, Store())


if __name__ == "__main__":
    sys.exit(main())
