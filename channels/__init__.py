"""Rasa input channels (referenced by module path in credentials.yml)."""
