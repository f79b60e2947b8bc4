"""Write a plan in one of the clinician-facing formats.

``careplan export --format markdown|html|pdf|fhir`` lands here; the care-team
web app uses :func:`render` for its download links.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

FORMATS: dict[str, tuple[str, str]] = {
    # format: (file extension, media type)
    "json": ("json", "application/json"),
    "markdown": ("md", "text/markdown; charset=utf-8"),
    "html": ("html", "text/html; charset=utf-8"),
    "pdf": ("pdf", "application/pdf"),
    "large-print": ("pdf", "application/pdf"),  # the person's own copy, in 16-point type
    "fhir": ("fhir.json", "application/fhir+json"),
}


def render(data: dict[str, Any], fmt: str) -> bytes:
    """The plan as bytes in one format (UTF-8 for the text formats)."""
    if fmt == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "markdown":
        from careplan.exports import markdown

        text = markdown.render(data)
    elif fmt == "html":
        from careplan.exports import html

        text = html.render(data)
    elif fmt == "fhir":
        from careplan.exports import fhir

        text = fhir.render(data)
    elif fmt == "pdf":
        from careplan.exports import pdf

        return pdf.render(data)
    elif fmt == "large-print":
        from careplan.exports import large_print

        return large_print.render(data)
    else:
        raise ValueError(f"unknown export format: {fmt}")
    return text.encode("utf-8")


def write(data: dict[str, Any], fmt: str, output: str | None) -> int:
    """Print the export, or write it to ``output``. Returns an exit code."""
    if FORMATS[fmt][0] == "pdf" and not output:
        print("A PDF needs a file to go in: add --output FILE.pdf", file=sys.stderr)
        return 2
    body = render(data, fmt)
    if output:
        private_write(Path(output), body)
        print(f"Wrote {fmt} to {output}", file=sys.stderr)
    else:
        sys.stdout.write(body.decode("utf-8"))
        sys.stdout.flush()
    return 0


def private_write(path: Path, body: bytes) -> None:
    """Write a file only its owner can read (0600): it holds someone's health information.

    An existing file is emptied and made private before anything is written to it.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(body)
