"""Fixed vocabularies shared by the store, the summary and the exports."""

from __future__ import annotations

SELF = "self"
CARER = "carer"
ROLES = (SELF, CARER)

# Goal domains: a fixed list keeps summaries scannable.
DOMAINS: dict[str, str] = {
    "mobility": "Mobility and physical activity",
    "hobbies": "Hobbies and leisure",
    "social": "Social life and community",
    "family": "Family and relationships",
    "health": "Health and long-term conditions",
    "medicines": "Medicines",
    "wellbeing": "Emotional and mental wellbeing",
    "home": "Home and independence",
    "work": "Work, learning and volunteering",
    "money": "Money and housing",
    "caring": "Caring (a carer's own goals)",
    "end_of_life": "End of life wishes",
    "other": "Other",
}

# Goal status: a draft until the care team acts on it.
DRAFT, ACCEPTED, EDITED, REJECTED = "draft", "accepted", "edited", "rejected"
GOAL_STATUSES = (DRAFT, ACCEPTED, EDITED, REJECTED)

# The basis on which a carer speaks for someone (Care Act / MCA language).
BASES: dict[str, str] = {
    "agreed": "They know about this and agreed",
    "lpa": "Lasting power of attorney for health and welfare",
    "best_interests": "They can't take part; in their best interests",
    "not_sure": "Not sure",
}

# Red-flag kinds raised in the chat.
EMERGENCY, CRISIS, SAFEGUARDING = "emergency", "crisis", "safeguarding"
FLAG_KINDS = (EMERGENCY, CRISIS, SAFEGUARDING)
# Urgent but not an emergency: pointed to NHS 111, the conversation carries on.
# Kept out of FLAG_KINDS (the red flags) and ranked after them.
URGENT = "urgent"

# The longest answer we store, in characters. Longer text is cut here, and
# the person is told so.
MAX_ANSWER_CHARS = 4000
