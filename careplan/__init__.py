"""The care-plan domain: people, plans, answers, goals, flags and their exports.

Nothing in this package imports Rasa or Telegram. The action server, the
Telegram connector, the care-team web app and the ``careplan`` command all use
it through :mod:`careplan.store`.
"""
