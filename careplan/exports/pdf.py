"""The summary as a one-file PDF, drawn with fpdf2.

fpdf2's built-in fonts only know Latin-1, and people type emoji and other
scripts. So we embed a Unicode TrueType font (DejaVu Sans, from Debian's
``fonts-dejavu-core``) when one is on the machine, and otherwise fall back to
Helvetica with unsupported characters replaced. Either way a character the
font lacks becomes "?" *before* it reaches fpdf2, which would otherwise log
the missing glyphs, and with them what the person typed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF

from careplan.models import utcnow
from careplan.summary import GoalView, Said, Summary, build, human_time
from careplan.words import pieces

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
)
MISSING = "?"
# Common typographic characters Latin-1 lacks, for the core-font fallback.
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})
BLUE, RED, GREY = (0, 94, 184), (213, 40, 27), (68, 68, 68)
_MARKERS = re.compile(r"(\*\*|__|--|~~)")
CONFIDENTIAL = "Confidential: contains personal health information"
CUT_MARK = "[Cut here: it was longer than we keep, so the end is missing.]"


def _no_markup(text: str) -> str:
    """fpdf2's markdown mode reads ** __ -- ~~ as styling: keep people's words as they are.
    (A backslash before a marker escapes it; a doubled backslash elsewhere prints one.)"""
    return _MARKERS.sub(r"\\\1", text.replace("\\", "\\\\"))


def find_font() -> tuple[Path, Path | None] | None:
    """DejaVu Sans (and its bold) if installed; ``CAREPLAN_PDF_FONT`` overrides."""
    override = os.environ.get("CAREPLAN_PDF_FONT")
    if override is not None:
        path = Path(override)
        return (path, None) if override and path.is_file() else None
    for folder in FONT_DIRS:
        regular = folder / "DejaVuSans.ttf"
        if regular.is_file():
            bold = folder / "DejaVuSans-Bold.ttf"
            return regular, bold if bold.is_file() else None
    return None


class SummaryPDF(FPDF):
    def __init__(self, font: tuple[Path, Path | None] | None) -> None:
        super().__init__(format="A4")
        self.set_auto_page_break(auto=True, margin=14)
        self.set_margins(12, 11, 12)
        self.unicode = font is not None
        if font is not None:
            regular, bold = font
            self.add_font("Body", "", str(regular))
            self.add_font("Body", "B", str(bold or regular))
            self.family_name = "Body"
        else:
            self.family_name = "Helvetica"
        self.title_text = ""
        self.generated = ""

    # -- text safety ------------------------------------------------------
    def safe(self, text: str) -> str:
        """Replace every character the current font cannot draw."""
        if self.unicode:
            cmap = self.current_font.cmap
            return "".join(ch if ch in "\n\t" or ord(ch) in cmap else MISSING for ch in text)
        text = text.translate(_PLAIN)
        return text.encode("latin-1", errors="replace").decode("latin-1")

    # -- building blocks --------------------------------------------------
    def footer(self) -> None:
        self.set_y(-10)
        self.style(7.5, colour=GREY)
        line = f"{CONFIDENTIAL}  |  {self.generated}  |  page {self.page_no()}/{{nb}}"
        self.cell(0, 4, self.safe(line), align="C")

    def style(self, size: float, *, bold: bool = False, colour: tuple[int, int, int] = (0, 0, 0)) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)
        self.set_text_color(*colour)

    def para(self, text: str, *, size: float = 9, bold: bool = False, colour=(0, 0, 0), indent=0.0) -> None:
        self.style(size, bold=bold, colour=colour)
        self.set_x(self.l_margin + indent)
        # A word longer than the line (a pasted link, say) is broken across lines.
        self.multi_cell(
            self.epw - indent,
            size * 0.45,
            self.safe(text),
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def heading(self, text: str, colour: tuple[int, int, int] = BLUE) -> None:
        self.ln(1.5)
        self.para(text, size=10.5, bold=True, colour=colour)
        self.set_draw_color(*colour)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(0.8)

    def labelled(
        self, label: str, text: str, *, verbatim: bool = True, indent: float = 0.0, cut: bool = False
    ) -> None:
        """``Label: “their words”`` on one run of text, the label in bold; a button chosen as
        (chose: ...); an answer added to later as numbered lines under the label, oldest first."""
        said = pieces(text) if verbatim else []
        if len(said) > 1:
            self._run(f"**{_no_markup(label)}:**", indent)
            for number, piece in enumerate(said, start=1):
                later = " (added later)" if piece.later else ""
                self._run(f"{number}. {_no_markup(piece.plain() + later)}", indent + 3)
            if cut:
                self._run(_no_markup(CUT_MARK), indent + 3)
            return
        words = said[0].plain() if said else text
        if cut:
            words += f" {CUT_MARK}"
        self._run(f"**{_no_markup(label)}:** {_no_markup(words)}", indent)

    def _run(self, marked: str, indent: float) -> None:
        """One run of text, in fpdf2's markdown (people's words already escaped)."""
        self.style(9, colour=GREY)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent, 4.05, self.safe(marked), new_x="LMARGIN", new_y="NEXT", markdown=True
        )

    def said(self, items: Iterable[Said], empty: str = "Nothing recorded.") -> None:
        items = list(items)
        for item in items:
            self.labelled(f"{item.label}, from {item.by}", item.text, cut=item.cut)
        if not items:
            self.para(empty, colour=GREY)

    def goal(self, g: GoalView) -> None:
        self.ln(0.8)
        star = "  [THE ONE THING]" if g.one_thing else ""
        self.para(f"{g.number}. {g.title}{star}   ({g.status_label}; {g.domain_label})", size=9.5, bold=True)
        self.labelled(f"In the words of {g.by}", g.text, indent=3, cut=g.cut)
        for label, value in g.details:
            self.labelled(label, value, indent=3)
        if g.target_date:
            self.labelled("Target date", g.target_date, verbatim=False, indent=3)
        if g.clinician_text:
            self.labelled("Care team's wording", g.clinician_text, indent=3)
        if g.clinician_reason:
            self.labelled("Care team's reason", g.clinician_reason, indent=3)
        if g.reviewed_by:
            self.labelled("Reviewed by", f"{g.reviewed_by}, {g.reviewed_at}", verbatim=False, indent=3)
        for a in g.actions:
            when = f", by {a.by_when}" if a.by_when else ""
            self.labelled("Action", f"{a.who} will {a.what}{when}", verbatim=False, indent=3)
        if g.review_date:
            self.labelled("Review date", g.review_date, verbatim=False, indent=3)


def render(
    plan: dict[str, Any], font: tuple[Path, Path | None] | None | bool = True, now: datetime | None = None
) -> bytes:
    """The PDF bytes. ``font=True`` finds DejaVu; ``None`` forces the core-font fallback."""
    return render_summary(build(plan), find_font() if font is True else font or None, now)


def render_summary(s: Summary, font: tuple[Path, Path | None] | None, now: datetime | None = None) -> bytes:
    pdf = SummaryPDF(font)
    pdf.title_text = f"What matters to {s.name}"
    pdf.generated = f"Generated {human_time((now or utcnow()).isoformat(timespec='seconds'))}"
    pdf.set_title(pdf.title_text)
    pdf.set_creator("What Matters")
    pdf.add_page()
    pdf.para(pdf.title_text, size=15, bold=True, colour=BLUE)
    pdf.para("   ".join(f"{label}: {value}" for label, value in s.banner), size=10, bold=True)
    pdf.para("; ".join(f"{label}: {value}" for label, value in s.facts), size=8.5)
    pdf.para(
        "Text in “quotes” is exactly what was typed. Goal headings are the bot's short titles.",
        size=8,
        colour=GREY,
    )
    if s.flags:
        pdf.heading("Safety flags", RED)
        for f in s.flags:
            pdf.para(f"{f.at}: {f.label}", bold=True, colour=RED)
            pdf.labelled("They wrote", f.message, indent=3)
            if f.misunderstood:
                pdf.labelled(
                    "Later they said the bot misunderstood", f.misunderstood.get("words", ""), indent=3
                )
            for at, words in f.told_after:
                pdf.labelled(f"Told afterwards, {at}", words, indent=3)
            if f.open:
                pdf.para("Not yet acknowledged.", bold=True, colour=RED, indent=3)
            else:
                pdf.labelled(
                    f"Acknowledged by {f.acknowledged_by}, {f.acknowledged_at}",
                    f.acknowledged_note or "",
                    indent=3,
                )
    pdf.heading("The one thing for this appointment")
    if s.one_thing:
        pdf.para(f"{s.one_thing.title} (goal {s.one_thing.number}, in their words below)", bold=True)
    else:
        pdf.para("Not chosen.", colour=GREY)
    if s.priorities:
        pdf.para("Top priorities: " + "; ".join(f"{g.number}. {g.title}" for g in s.priorities))
    for title, items in s.sections:
        pdf.heading(title)
        pdf.said(items)
    pdf.heading("Goals")
    for g in s.goals:
        pdf.goal(g)
    if not s.goals:
        pdf.para("No goals yet.", colour=GREY)
    pdf.heading("Questions for the care team")
    pdf.said([s.questions] if s.questions else [], "None recorded.")
    if s.is_carer:
        pdf.heading("The carer's own needs (about the carer, not the person)", GREY)
        pdf.said(s.carer_needs)
        for g in s.carer_goals:
            pdf.goal(g)
    return bytes(pdf.output())
