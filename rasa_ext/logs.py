"""Rasa's JSON logs without the local variables of a failed call.

Rasa 3.6 logs exceptions as structured tracebacks (``structlog``'s
``dict_tracebacks``), which keep up to ten local variables of every frame: the
slots, and so what people told the bot, land in the log whenever Rasa logs an
exception it handled (say, a response it could not fill in). Our logs never hold
that (docs/safety-and-privacy.md), so after Rasa sets up its logging the
tracebacks are rendered without locals: the exception's type, message and
frames stay.

:func:`install` (from :func:`rasa_ext.install`) wraps Rasa's
``configure_structlog``; :func:`uninstall` puts it back.
"""

from __future__ import annotations

import sys
from typing import Any

import structlog
from rasa.utils import log_utils

_ORIGINAL = log_utils.configure_structlog
WITHOUT_LOCALS = structlog.processors.ExceptionRenderer(
    structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
)


def configure_structlog(*args: Any, **kwargs: Any) -> None:
    """Rasa's ``configure_structlog``, then tracebacks without locals."""
    _ORIGINAL(*args, **kwargs)
    processors = structlog.get_config()["processors"]
    structlog.configure(
        processors=[WITHOUT_LOCALS if p is structlog.processors.dict_tracebacks else p for p in processors]
    )


def _set(function: Any) -> None:
    log_utils.configure_structlog = function
    main = sys.modules.get("rasa.__main__")  # it imports the function by name
    if main is not None:
        main.configure_structlog = function  # type: ignore[attr-defined]


def install() -> None:
    _set(configure_structlog)


def uninstall() -> None:
    _set(_ORIGINAL)
