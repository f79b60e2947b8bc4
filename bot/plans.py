"""The person's care-plan data, as the bot shows, exports and erases it.

These calls block (SQLAlchemy), so handlers run them with ``asyncio.to_thread``.
The ``Store`` is opened on first use, not at start-up, so the bot still starts
(and can queue messages for Rasa) while the database is away.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from careplan import exports, rights, safety
from careplan.readback import plan_text
from careplan.store import Store, StoreUnavailable, UnknownPlan

log = logging.getLogger(__name__)
# What a care-plan database fault looks like: nothing is lost, the plan just can't be reached now.
DATA_ERRORS = (StoreUnavailable, SQLAlchemyError, OSError)
FOLLOW_UP_KEY = "follow_up"  # the question key of "how did the appointment go?"


class Plans:
    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url
        self._store: Store | None = None
        self._opening = threading.Lock()

    def store(self) -> Store:
        with self._opening:
            if self._store is None:
                self._store = Store(self._url)
            return self._store

    def summaries(self, sender: str) -> list[str]:
        """One read-back text per plan of this sender, oldest first."""
        store = self.store()
        return [plan_text(store.export(plan["id"])) for plan in reversed(store.plans_for_sender(sender))]

    def export_json(self, sender: str) -> bytes | None:
        """Everything stored for this sender as JSON, or None if there is nothing."""
        data = self.store().export_sender(sender)
        if not data:
            return None
        return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")

    def erase(self, sender: str) -> rights.Erased:
        return rights.erase(self.store(), sender)

    def latest_plan_id(self, sender: str) -> int | None:
        return self.store().latest_plan_id(sender)

    def latest(self, sender: str) -> dict[str, Any] | None:
        """The sender's newest plan (careplan.export_data's shape), or None."""
        plan_id = self.latest_plan_id(sender)
        return None if plan_id is None else self.plan(plan_id)

    def plan(self, plan_id: int) -> dict[str, Any] | None:
        try:
            return self.store().export(plan_id)
        except UnknownPlan:  # erased since
            return None

    def document(self, sender: str, kind: str) -> tuple[str, bytes] | None:
        """The sender's newest plan as a file ("large-print" or "pdf"): (file name, bytes)."""
        plan = self.latest(sender)
        if plan is None:
            return None
        return f"my-plan-{kind}.pdf", exports.render(plan, kind)

    def summary(self, sender: str, plan_id: int) -> str | None:
        """One plan's read-back, if it is this sender's."""
        plan = self.plan(plan_id)
        return plan_text(plan) if plan is not None and plan["sender"] == sender else None

    def record_follow_up(self, plan_id: int, text: str) -> None:
        """How the appointment went, kept on the plan for the care team."""
        self.store().record_answer(plan_id, FOLLOW_UP_KEY, text)

    def red_flags(self, sender: str, text: str) -> tuple[str, ...]:
        """The red flags in a changed message, each recorded for the care team as the actions do.

        Without the NLU's intent (the bot has no NLU), so only the patterns and
        the language model count; a new message gets both in Rasa. The first
        check loads the language model (a few seconds); changed messages are rare.
        """
        flag = safety.detect(text)
        if flag is None:
            return ()
        try:
            store = self.store()
            plan_id = store.latest_plan_id(sender)
            for kind in flag.kinds:
                store.add_flag(sender, kind, text, plan_id=plan_id)
        except StoreUnavailable:  # the help is shown anyway; the person is not kept waiting
            log.error("Could not record a red flag from a changed message: the care-plan store is away")
        return flag.kinds
