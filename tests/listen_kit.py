"""What the listen tests ask an opening message: every question a first message can answer."""

from __future__ import annotations

OPENING = [
    "for_whom",
    "person_name",
    "preferred_name",
    "carer_relationship",
    "appointment_with",
    "appointment_when",
    "appointment_reason",
]
