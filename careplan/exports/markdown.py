"""The summary as Markdown, for pasting into a record or an email.

Everything a person typed is escaped, so their words can never turn into
links, headings or HTML when the Markdown is rendered.
"""

from __future__ import annotations

import re
from typing import Any

from careplan.summary import GoalView, Said, Summary, build
from careplan.words import Piece, pieces

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the
# ones that can start formatting in the middle of a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# ... and these only at the start of a line.
_LINE_START = re.compile(r"^(\s*)([-+#=>]|\d+[.)])")


def escape(text: str) -> str:
    """Markdown-escape user text, one line at a time."""
    lines = []
    for line in text.splitlines() or [""]:
        line = _INLINE.sub(r"\\\1", line)
        lines.append(_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    return "  \n".join(lines)


CUT_MARK = "_\\[Cut here: it was longer than we keep, so the end is missing.\\]_"


def quote(said_text: str, cut: bool = False) -> str:
    """Verbatim words, in quotes; marked if we cut them."""
    return f"“{escape(said_text)}”" + (f" {CUT_MARK}" if cut else "")


def answer(text: str, cut: bool = False) -> str:
    """A stored answer (careplan.words): a button as (chose: ...), unquoted; an answer added to
    later as numbered lines, oldest first."""
    said = pieces(text)
    marked = f" {CUT_MARK}" if cut else ""
    if len(said) < 2:
        return (_piece(said[0]) if said else quote(text)) + marked
    lines = [
        f"{n}\\. {_piece(p)}" + (" (added later)" if p.later else "") for n, p in enumerate(said, start=1)
    ]
    return "  \n".join(["", *lines]) + marked


def _piece(piece: Piece) -> str:
    return f"(chose: {escape(piece.text)})" if piece.chosen else quote(piece.text)


def render(plan: dict[str, Any]) -> str:
    return render_summary(build(plan))


def render_summary(s: Summary) -> str:
    out: list[str] = [f"# What matters to {escape(s.name)}", ""]
    out += [" · ".join(f"**{label}:** {escape(value)}" for label, value in s.banner), ""]
    out += [f"- **{label}:** {escape(value)}" for label, value in s.facts]
    out += ["", "_Text in “quotes” is exactly what was typed. Goal headings are the bot's short titles._", ""]
    if s.flags:
        out += ["## Safety flags", ""]
        for f in s.flags:
            out.append(f"- **{f.at}**: {escape(f.label)}. They wrote: {quote(f.message)}")
            if f.misunderstood:
                out.append(
                    f"  Later they said the bot misunderstood: {quote(f.misunderstood.get('words', ''))}"
                )
            out += [f"  Told afterwards, {at}: {quote(words)}" for at, words in f.told_after]
            if f.open:
                out.append("  **Not yet acknowledged.**")
            else:
                note = quote(f.acknowledged_note or "")
                out.append(
                    f"  Acknowledged by {escape(f.acknowledged_by or '')}, {f.acknowledged_at}: {note}"
                )
        out.append("")
    out += ["## The one thing for this appointment", ""]
    if s.one_thing:
        out += [f"**{escape(s.one_thing.title)}** (goal {s.one_thing.number}, in their words below)", ""]
    else:
        out += ["Not chosen.", ""]
    if s.priorities:
        out += ["Top priorities:", ""]
        out += [f"{g.number}. {escape(g.title)}" for g in s.priorities]
        out.append("")
    for title, items in s.sections:
        out += [f"## {escape(title)}", ""]
        out += _said(items) or ["Nothing recorded.", ""]
    out += ["## Goals", ""]
    out += _goals(s.goals) or ["No goals yet.", ""]
    out += ["## Questions for the care team", ""]
    out += _said([s.questions]) if s.questions else ["None recorded.", ""]
    if s.is_carer:
        out += ["## The carer's own needs", "", "_About the carer, not the person._", ""]
        out += _said(s.carer_needs) + _goals(s.carer_goals) or ["Nothing recorded.", ""]
    out += ["---", "", "_Confidential: contains personal health information._"]
    return "\n".join(out).rstrip() + "\n"


def _said(items: list[Said]) -> list[str]:
    out = []
    for item in items:
        out += [f"**{escape(item.label)}**, from {escape(item.by)}: {answer(item.text, item.cut)}", ""]
    return out


def _goals(goals: list[GoalView]) -> list[str]:
    out = []
    for g in goals:
        star = " (the one thing)" if g.one_thing else ""
        out += [f"### {g.number}. {escape(g.title)}{star}", ""]
        out.append(f"- **In the words of {escape(g.by)}:** {answer(g.text, g.cut)}")
        out.append(f"- **Area:** {escape(g.domain_label)}")
        out += [f"- **{label}:** {answer(value)}" for label, value in g.details]
        if g.target_date:
            out.append(f"- **Target date:** {g.target_date}")
        out.append(f"- **Status:** {escape(g.status_label)}")
        if g.clinician_text:
            out.append(f"- **Care team's wording:** {quote(g.clinician_text)}")
        if g.clinician_reason:
            out.append(f"- **Care team's reason:** {quote(g.clinician_reason)}")
        if g.reviewed_by:
            out.append(f"- **Reviewed by:** {escape(g.reviewed_by)}, {g.reviewed_at}")
        for a in g.actions:
            when = f", by {a.by_when}" if a.by_when else ""
            out.append(f"- **Action:** {escape(a.who)} will {escape(a.what)}{when}")
        if g.review_date:
            out.append(f"- **Review date:** {g.review_date}")
        out.append("")
    return out
