"""The Telegram side of What Matters.

A separate python-telegram-bot process that relays each chat message to the
Rasa server's REST channel and each reply back to Telegram. ``python -m bot``
starts it.
"""
