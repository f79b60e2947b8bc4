"""The ``careplan`` command: export, delete and purge care-plan data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from careplan import exports, rights
from careplan.models import DEFAULT_TEAM
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


def _read_password(args: argparse.Namespace, prompt: str) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    password = getpass.getpass(prompt)
    if getpass.getpass("Type it again: ") != password:
        print("The two passwords did not match.", file=sys.stderr)
        return None
    return password


def _clinician_add(args: argparse.Namespace, store: Store) -> int:
    from careplan import review

    password = _read_password(args, "Password for the new clinician: ")
    if password is None:
        return 2
    try:
        review.Review(store).add_clinician(args.username, password, team=args.team)
    except (review.BadInput, review.UsernameTaken) as problem:
        print(f"Could not add '{args.username}': {problem}", file=sys.stderr)
        return 2
    print(f"Added clinician '{args.username.strip()}' to team '{args.team.strip()}'.")
    return 0


def _clinician_change(args: argparse.Namespace, store: Store) -> int:
    """disable, enable, reset-password and totp: each ends the account's sessions."""
    from careplan import review

    reviewer = review.Review(store)
    try:
        if args.clinician_command in {"disable", "enable"}:
            reviewer.set_disabled(args.username, args.clinician_command == "disable")
            print(f"Clinician '{args.username}' {args.clinician_command}d.")
        elif args.clinician_command == "reset-password":
            password = _read_password(args, f"New password for {args.username}: ")
            if password is None:
                return 2
            reviewer.reset_password(args.username, password)
            print(f"New password set for '{args.username}'. Their sessions have ended.")
        elif args.off:
            reviewer.set_totp(args.username, None)
            print(f"Second factor turned off for '{args.username}'.")
        else:
            import pyotp

            secret = pyotp.random_base32()
            reviewer.set_totp(args.username, secret)
            uri = pyotp.TOTP(secret).provisioning_uri(
                name=args.username, issuer_name="What Matters care team"
            )
            print(f"Second factor on for '{args.username}'. Add this to their authenticator app:\n{uri}")
    except (review.BadInput, review.NoSuchClinician) as problem:
        print(f"Could not change '{args.username}': {problem}", file=sys.stderr)
        return 2
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="careplan", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="print one conversation's plan")
    export.add_argument("--sender", required=True, help="the conversation (sender) id")
    export.add_argument("--subject", help="for a carer with several plans: the person's name")
    export.add_argument("--format", default="json", choices=list(exports.FORMATS))
    export.add_argument("--output", help="file to write (needed for pdf)")
    export.set_defaults(run=_export)

    delete = commands.add_parser("delete", help="erase everything stored for one conversation")
    delete.add_argument("--sender", required=True)
    delete.set_defaults(run=_delete)

    purge = commands.add_parser("purge", help="erase conversations idle for longer than DAYS")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    purge.set_defaults(run=_purge)

    clinician = commands.add_parser("clinician", help="care-team accounts for the web app")
    accounts = clinician.add_subparsers(dest="clinician_command", required=True)
    clinician_add = accounts.add_parser("add", help="create a clinician account")
    clinician_add.add_argument("username")
    clinician_add.add_argument(
        "--team", default=DEFAULT_TEAM, help="the care team (practice) whose shared plans they see"
    )
    clinician_add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    clinician_add.set_defaults(run=_clinician_add)
    for name, text in [
        ("disable", "stop an account logging in, and end its sessions now"),
        ("enable", "let a disabled account log in again"),
        ("reset-password", "set a new password, ending the account's sessions"),
        ("totp", "turn on a second factor (prints the authenticator link), or --off"),
    ]:
        command = accounts.add_parser(name, help=text)
        command.add_argument("username")
        if name == "reset-password":
            command.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
        if name == "totp":
            command.add_argument("--off", action="store_true", help="turn the second factor off")
        command.set_defaults(run=_clinician_change)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args, Store())


if __name__ == "__main__":
    sys.exit(main())
