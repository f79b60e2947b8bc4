"""``python -m careteam``: serve the care-team app with waitress.

Listens on 127.0.0.1 (``CARETEAM_HOST`` to change it) and port ``CARETEAM_PORT``
(default 8000). Put it behind an HTTPS proxy for real use and set
``CARETEAM_SECURE_COOKIES=1``. Name that proxy's address in
``CARETEAM_TRUSTED_PROXY`` so the audit log and the per-address login limit see
the real client (its ``X-Forwarded-For``); from anyone else that header is ignored.
"""

from __future__ import annotations

import logging
import os
import sys

from waitress import serve

from careteam import create_app


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    host = os.environ.get("CARETEAM_HOST", "127.0.0.1")
    port = int(os.environ.get("CARETEAM_PORT", "8000"))
    app = create_app()
    logging.getLogger("careteam").info("Care-team app on http://%s:%d", host, port)
    proxy = os.environ.get("CARETEAM_TRUSTED_PROXY", "").strip()
    behind = {"trusted_proxy": proxy, "trusted_proxy_headers": {"x-forwarded-for"}} if proxy else {}
    serve(app, host=host, port=port, threads=4, ident="careteam", **behind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
