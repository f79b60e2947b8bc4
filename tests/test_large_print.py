"""The person's own large-print copy ("can I have a copy in big letters?")."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from careplan.exports import large_print
from careplan.store import Store


def test_the_large_print_copy_holds_the_plan_in_big_type(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'plans.db'}")
    plan_id = store.new_plan("lp-1", preferred_name="Peggy", subject_name="Margaret Hughes")
    store.add_goal(plan_id, "get to church on a Sunday", "Get to church on a Sunday", "social")
    (tmp_path / "copy.pdf").write_bytes(large_print.render(store.export(plan_id)))

    reader = PdfReader(tmp_path / "copy.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Get to church on a Sunday" in text and "get to church on a Sunday" in text
    sizes: list[float] = []

    def size_of(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * tm[0])

    reader.pages[0].extract_text(visitor_text=size_of)
    assert min(sizes) >= 14, "every line is large print, the page number too"
