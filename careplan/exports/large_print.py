"""The person's own copy of their plan, as a large-print PDF.

What they asked for with "can I have a copy / print it / in big letters": the
same words as the read-back in the chat (careplan.readback), in 16-point type,
to print or take to the appointment. The clinicians' one-page summary is
careplan/exports/pdf.py.
"""

from __future__ import annotations

from typing import Any

from careplan.exports.pdf import BLUE, SummaryPDF, find_font
from careplan.models import utcnow
from careplan.readback import plan_text
from careplan.summary import human_time

SIZE = 16  # points: large print, as RNIB suggests (16 to 18)


class LargePrintPDF(SummaryPDF):
    def footer(self) -> None:
        self.set_y(-16)
        self.style(SIZE - 2)
        self.cell(0, 6, self.safe(f"{self.generated}. Page {self.page_no()} of {{nb}}"), align="C")


def render(plan: dict[str, Any]) -> bytes:
    pdf = LargePrintPDF(find_font())
    pdf.generated = f"Made {human_time(utcnow().isoformat(timespec='seconds'))}"
    pdf.set_title("My plan")
    pdf.set_creator("What Matters")
    pdf.add_page()
    heading, *lines = plan_text(plan).splitlines()
    pdf.para(heading, size=SIZE + 6, bold=True, colour=BLUE)
    pdf.ln(2)
    for line in lines:
        pdf.para(line.strip(), size=SIZE, bold=not line.startswith(" ") and line.endswith(":"))
        pdf.ln(1)
    return bytes(pdf.output())
