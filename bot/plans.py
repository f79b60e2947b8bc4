"""The person's care-plan data, as the bot shows, exports and erases it.

These calls block (SQLAlchemy), so handlers run them with ``asyncio.to_thread``.
The ``Store`` is opened on first use, not at start-up, so the bot still starts
(and can queue messages for Rasa) while the database is away.
"""

from __future__ import annotations

import json
import threading

from careplan import rights
from careplan.readback import plan_text
from careplan.store import Store


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
