"""Rasa custom actions: a thin adapter between the conversation and careplan.

Read in this order: ``flow`` (which question comes next), ``hook`` (runs on
every message: red flags and odd input), ``answers`` (reading and storing each
answer), the forms (``consent_form``, ``care_form``, ``review_form``,
``person_form``) and ``moves`` (help, go back, stop, start again, resume).
"""
