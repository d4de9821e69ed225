#!/usr/bin/env python3
"""Render the virtual-patient screens into PNG files, in English and Chinese:
``python scripts/screenshot_vpatients.py OUT_DIR``.

Shots per language, at window widths 1280, 960 and 800 (the main window does not get
narrower than about 1090 px, so the narrow ones show its minimum): every tab of the case
editor, the editor with a checklist item that refers to nothing in the script, the case
chooser, an encounter with an answer on its way, read-aloud turned on without a voice, and
the debrief. Run it under Xvfb (``xvfb-run -a python scripts/screenshot_vpatients.py
out``) to see what a person sees.
"""
from __future__ import annotations

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from PySide6.QtCore import Qt
from eduapp.bank import Bank
from eduapp.ui.app import App, install_language, make_qapp
from eduapp.ui.main_window import MainWindow
from eduapp.ui.ops import Op
from eduapp.practice import PracticeService, PracticeStore

Op.synchronous = True
out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "out/vp-screenshots")
os.makedirs(out, exist_ok=True)
qapp = make_qapp()
widths = [(1280, 800), (960, 700), (800, 600)]
with tempfile.TemporaryDirectory() as d:
    bank = Bank.open_in(d)
    app = App(d, bank)
    app.update_settings(starter_offered=True)
    svc = PracticeService(bank, PracticeStore.open_in(d))
    app.workspace.use_practice(svc)
    svc.create_profile("Li Wei", "MBBS")
    for lang in ("en", "zh"):
        app.update_settings(language=lang)
        install_language(qapp, lang)
        w = MainWindow(app)
        w.show()
        page = w.show_page("patients")
        for row in range(page.case_list.count()):
            if ("Breathless" if lang == "en" else "转移性") in page.case_list.item(row).text():
                page.case_list.setCurrentRow(row)
        for ww, hh in widths:
            w.resize(ww, hh)
            for i in range(page.tabs.count()):
                page.tabs.setCurrentIndex(i)
                qapp.processEvents()
                w.grab().save(f"{out}/{lang}-editor-{ww}-tab{i}.png")
        # an invalid checklist reference, checked
        page.tabs.setCurrentIndex(5)
        ed = page.editor
        ed.items.set_cell(0, "refs", "fact:nocturnal")
        page.check()
        w.resize(1280, 800); qapp.processEvents()
        w.grab().save(f"{out}/{lang}-editor-invalid.png")
        page.revert()  # drop the broken reference before leaving the page
        page = w.show_page("interview")
        qapp.processEvents()
        for ww, hh in widths:
            w.resize(ww, hh); qapp.processEvents()
            w.grab().save(f"{out}/{lang}-encounter-choose-{ww}.png")
        for row in range(page.case_list.count()):
            if ("taxi" if lang == "en" else "转移性") in page.case_list.item(row).text():
                page.case_list.setCurrentRow(row)
        page.start()
        qs = (["Hello, I'm Dr Lee. What brings you in today?", "When did it start?",
               "Does the pain go anywhere?"] if lang == "en" else
              ["你好，我是李医生。你哪里不舒服？", "什么时候开始的？", "以前得过什么病？"])
        for q in qs:
            page.question_edit.setText(q); page.ask()
        page.exam_list.setCurrentRow(1); page.examine()
        page.test_list.setCurrentRow(0); page.order()
        page._pending = {"before": len(page.encounter.transcript), "question":
                         "Do you smoke?" if lang == "en" else "抽烟吗？", "shown": ""}
        page._render()
        for ww, hh in widths:
            w.resize(ww, hh); qapp.processEvents()
            w.grab().save(f"{out}/{lang}-encounter-{ww}.png")
        page._pending = None
        page._render()
        page.speak_box.click()
        w.resize(960, 700); qapp.processEvents()
        w.grab().save(f"{out}/{lang}-encounter-noVoice.png")
        page.diagnosis_edit.setText("STEMI" if lang == "en" else "急性阑尾炎")
        page.submit(); page.finish()
        for ww, hh in widths:
            w.resize(ww, hh); qapp.processEvents()
            w.grab().save(f"{out}/{lang}-debrief-{ww}.png")
        w.rebuilding = True
        w.close()
    print("done")
