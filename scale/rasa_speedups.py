"""Make Rasa 3.6 check custom-action replies with a validator built once, not on every call.

Rasa validates every action server reply with ``jsonschema.validate(result,
schema)``. That function first checks the *schema itself* against the JSON
Schema 2020-12 meta-schema, every time, which is slow (``$dynamicRef``): on
this machine about 25 ms per custom action call against 4 ms for the same
check with a validator built once. Our forms call the action server two or
three times per turn, so this was about half of Rasa's CPU time per turn (see
docs/benchmarks.md).

Importing this module (once, in the Rasa process) swaps
``RemoteAction._validate_action_result`` for a version that keeps the same
schema, the same checks and the same error, with the validator cached. It
changes nothing else. :func:`install` is idempotent.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_ORIGINAL = RemoteAction._validate_action_result


@lru_cache(maxsize=1)
def action_result_validator() -> Validator:
    """The validator ``jsonschema.validate`` would build for Rasa's schema, checked once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        action_result_validator().validate(result)
        return True
    except ValidationError as e:
        # The same message Rasa adds.
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


def install() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


def uninstall() -> None:
    RemoteAction._validate_action_result = _ORIGINAL  # type: ignore[method-assign]


install()
