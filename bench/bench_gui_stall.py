"""The GUI event loop's longest stall while a generation streams (target: under 50 ms).

The Generate page asks for lecture notes; the answer streams over real HTTP (the scripted
OpenAI-compatible server of the tests, ~1,500 small chunks, 2 ms apart) or, with
``--embedded``, from the embedded model. A 5 ms timer on the GUI thread records the gap
between its ticks; the longest gap beyond 5 ms is the stall a user would feel.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stall.py [--embedded]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from eduapp.bank import Bank  # noqa: E402
from eduapp.ui.app import App, make_qapp  # noqa: E402
from eduapp.ui.main_window import MainWindow  # noqa: E402

NOTES = {"title": "Anaphylaxis", "learning_objectives": ["Recognise anaphylaxis early",
                                                         "Treat it without delay"],
         "sections": [{"heading": f"Section {n}", "body": "Airway, breathing, circulation. "
                       "Give intramuscular adrenaline 0.5 mg into the anterolateral thigh and "
                       "repeat after five minutes if there is no improvement. " * 6}
                      for n in range(1, 5)],
         "key_points": ["Adrenaline first", "Lie the patient flat", "Call for help"],
         "summary_table": {"columns": ["Drug", "Dose"], "rows": [["Adrenaline", "0.5 mg IM"]]},
         "self_check": [{"question": "Route?", "answer": "IM"},
                        {"question": "Dose?", "answer": "0.5 mg"}]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedded", action="store_true", help="stream from the embedded model")
    args = parser.parse_args()
    qapp = make_qapp()
    with tempfile.TemporaryDirectory() as data_dir:
        app = App(data_dir, Bank.open_in(data_dir))
        app.settings.starter_offered = True
        window = MainWindow(app)
        window.show()
        page = window.show_page("generate")
        server = None
        if not args.embedded:
            from eduapp.llm import Capabilities, key_env_var, preset_profile
            from eduapp.ui.pages.generate import providers
            from eduapp.llm.scripted_server import TEST_KEY, TEST_MODEL, Reply, ScriptedServer
            server = ScriptedServer().__enter__()
            os.environ[key_env_var("scripted")] = TEST_KEY
            profile = preset_profile("custom", "scripted", base_url=server.url,
                                     model=TEST_MODEL, timeout=10.0, max_retries=0,
                                     capabilities=Capabilities("json_schema", needs_key=True))
            providers(app).save(profile)
            page.refresh_providers()
            page.form.set_providers(providers(app).list(), "scripted")
            server.script(Reply(content=json.dumps(NOTES), chunk_size=2, chunk_delay=0.002))
        page.form.set_kind("notes")
        page.form.topic.setText("anaphylaxis")

        gaps: list[float] = []
        last = [time.perf_counter()]
        tick = QTimer()
        tick.setInterval(5)

        def on_tick():
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now
        tick.timeout.connect(on_tick)
        started = [0.0]

        def start():
            started[0] = time.perf_counter()
            last[0] = started[0]
            tick.start()
            page.generate()
            QTimer.singleShot(50, wait)

        def wait():
            if page.cancel_button.isVisible():
                QTimer.singleShot(20, wait)
                return
            tick.stop()
            qapp.quit()

        QTimer.singleShot(300, start)
        qapp.exec()
        took = time.perf_counter() - started[0]
        stalls = sorted(g - 5 for g in gaps)
        source = "embedded model" if args.embedded else "scripted server (real HTTP, SSE)"
        print(f"streamed lecture notes from the {source} in {took:.2f} s; "
              f"{len(gaps)} timer ticks")
        print(f"GUI event loop: longest stall {max(stalls):.1f} ms, p99 "
              f"{stalls[int(len(stalls) * 0.99) - 1]:.1f} ms, median "
              f"{statistics.median(stalls):.1f} ms [target: longest < 50 ms]")
        print("result:", page.message.text() or page.progress_label.text())
        if server is not None:
            server.__exit__(None, None, None)
        app.shutdown()


if __name__ == "__main__":
    main()
