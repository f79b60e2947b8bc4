"""Rasa custom actions: a thin adapter between the conversation and careplan.

Read in this order: ``flow`` (which question comes next), ``hook`` (runs on
every message: red flags and odd input), ``answers`` (reading and storing each
answer), ``forms`` (how one message in a form is read: ``turn``, ``extras``,
``corrections``), the forms themselves (``consent_form``, ``care_form``,
``review_form`` with ``identity_details``, ``person_form``) and ``moves`` (help,
go back, stop, start again, resume).

What an action gets from Rasa: all slots, the latest message and the active
form, but only the last three turns of ``tracker.events`` (rasa_ext/speedups.py
trims them, to keep each call small), and the domain only for actions marked
``send_domain`` in domain.yml. Keep what an action needs to remember in slots.
"""
