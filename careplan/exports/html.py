"""The summary as one self-contained HTML file (styles inline, no scripts).

The same Jinja templates draw the care-team web page, so the two match.
Autoescaping is on for everything: a goal that says ``<script>`` shows as text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from careplan.summary import build
from careplan.words import pieces

TEMPLATES = Path(__file__).with_name("templates")
CSS = TEMPLATES / "summary.css"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True
    )
    env.globals["pieces"] = pieces
    return env


def render(plan: dict[str, Any]) -> str:
    template = environment().get_template("export.html")
    return template.render(s=build(plan), css=CSS.read_text(encoding="utf-8"))
