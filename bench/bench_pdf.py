"""PDF benchmark (prints figures, no asserts): a 100-question exam in 4 forms with papers,
keys, answer sheets and the teacher's version (target: all PDFs in under 3 s), and the
time per page against reportlab rendering the same questions directly (overhead ratio)."""

from __future__ import annotations

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate  # noqa: E402

from eduapp.bank import Bank  # noqa: E402
from eduapp.domain import Item, Option  # noqa: E402
from eduapp.exams import Blueprint, assemble, make_forms  # noqa: E402
from eduapp.pdf import render_exam, render_paper  # noqa: E402
from eduapp.pdf.fonts import register_fonts  # noqa: E402

VIGNETTE = ("A 58-year-old man comes to the emergency department 50 minutes after the onset "
            "of severe retrosternal pressure radiating to the left arm, with sweating and "
            "nausea. Blood pressure is 138/86 mm Hg and pulse 92/min. ")


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="eduapp-bench-")
    bank = Bank(os.path.join(tmp, "bank.sqlite"))
    for k in range(100):
        bank.save_item(Item(type="sba", status="approved", vignette=VIGNETTE * (1 + k % 2),
                            stem=f"Question {k}: which is the most appropriate next step?",
                            options=[Option(f"Option {j} for question {k}", j == k % 5,
                                            f"Because {j}.") for j in range(5)],
                            explanation="Reperfusion within 90 minutes.", bloom="apply",
                            difficulty=0.6, system="cardiology"))
    register_fonts()
    t0 = time.perf_counter()
    exam = assemble(bank, Blueprint.from_dict({"rows": [{"count": 100}]}), seed=1).exam
    make_forms(exam, 4)
    t1 = time.perf_counter()
    files = render_exam(exam, os.path.join(tmp, "out"))
    t2 = time.perf_counter()
    pages = sum(files.pages.values())
    print(f"assemble + 4 forms: {t1 - t0:.3f} s")
    print(f"all PDFs (4 papers, 4 keys, 4 sheets, teacher): {t2 - t1:.2f} s, {pages} pages, "
          f"{(t2 - t1) / pages * 1000:.1f} ms/page (target < 3 s)")

    # one paper through EduApp vs the same questions straight into reportlab
    t3 = time.perf_counter()
    n_app = render_paper(exam, "B", os.path.join(tmp, "paper.pdf"))
    t4 = time.perf_counter()
    style = ParagraphStyle("b", fontName="EduSans", fontSize=10.5, leading=13.6)
    story = []
    for n, item in enumerate(exam.items(), start=1):
        block = [Paragraph(f"<b>{n}.</b> {item.vignette}", style), Paragraph(item.stem, style)]
        block += [Paragraph(f"{'ABCDE'[j]}. {o.text}", style) for j, o in enumerate(item.options)]
        story.append(KeepTogether(block))
    doc = SimpleDocTemplate(os.path.join(tmp, "direct.pdf"), pagesize=A4)
    pages_direct = []
    doc.build(story, onLaterPages=lambda c, d: pages_direct.append(1),
              onFirstPage=lambda c, d: pages_direct.append(1))
    t5 = time.perf_counter()
    app_pp = (t4 - t3) / n_app
    direct_pp = (t5 - t4) / len(pages_direct)
    print(f"paper via EduApp: {n_app} pages, {app_pp * 1000:.1f} ms/page; direct reportlab: "
          f"{len(pages_direct)} pages, {direct_pp * 1000:.1f} ms/page; overhead ratio "
          f"{app_pp / direct_pp:.2f}")
    bank.close()


if __name__ == "__main__":
    main()
