#!/usr/bin/env python3
"""How long the virtual-patient debrief PDF takes to write, English and Chinese case, in a
fresh process: the first export (fonts registered, glyph tables read) and three more.
Each encounter asks a dozen questions, examines, orders, diagnoses and plans. Prints
seconds; never asserts.

    python bench/bench_debrief_pdf.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from eduapp.pdf.debrief import render_debrief  # noqa: E402
from eduapp.vpatient import Encounter, shipped_cases  # noqa: E402

TURNS = {
    "chest-pain-en": ["Hello, I'm Dr Lee. What brings you in today?", "When did it start?",
                      "Where is the pain?", "Does it spread anywhere?", "Do you smoke?",
                      "Any family history of heart disease?", "Do you drink alcohol?",
                      "Any allergies?", "/exam cardiovascular", "/order ECG", "/order troponin",
                      "/wait 60", "/diagnose anterior STEMI; aortic dissection",
                      "/plan aspirin, ticagrelor, primary PCI, GTN and morphine"],
    "abdominal-pain-zh": ["您好，我是李医生。哪里不舒服？", "什么时候开始的？", "现在哪里痛？",
                          "有没有恶心呕吐？", "发烧吗？", "大便怎么样？", "以前得过什么病？",
                          "对什么药过敏吗？", "/exam 腹部", "/order 血常规", "/wait 60",
                          "/diagnose 急性阑尾炎；宫外孕", "/plan 禁食、补液、抗生素、阑尾切除"],
}


def main() -> int:
    cases = {c.id: c for c in shipped_cases()}
    with tempfile.TemporaryDirectory() as tmp:
        for case_id, turns in TURNS.items():
            enc = Encounter(cases[case_id])
            for line in turns:
                enc.run_line(line)
            report = enc.finish()
            times = []
            for n in range(4):
                start = time.perf_counter()
                pages = render_debrief(report, os.path.join(tmp, f"{case_id}-{n}.pdf"),
                                       student="Li Wei")
                times.append(time.perf_counter() - start)
            size = os.path.getsize(os.path.join(tmp, f"{case_id}-0.pdf"))
            print(f"{case_id:<20} {pages} page(s), {size / 1024:.0f} KiB: first "
                  f"{times[0]:.2f} s, then {min(times[1:]):.2f}-{max(times[1:]):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
