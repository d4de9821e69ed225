"""Item-bank benchmarks (figures printed, nothing asserted).

- import throughput from ``eduapp-json`` (target: 20,000 items/s or more)
- full-text search median latency on 100,000 items (target: 5 ms or less), and Anki's
  own ``find_notes`` on a 100k-note collection built from the same words, side by side,
  when the ``anki`` package is installed (target: at most a tenth of Anki's)
- cold start of ``eduapp bank stats`` and of the GUI to its first painted window
  (target: under 1 s each)
- peak memory (max RSS) of the GUI with that bank open (target: under 250 MB)

Run: ``.venv/bin/python bench/bench_bank.py [--items 100000]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from eduapp.bank import Bank  # noqa: E402
from eduapp.interop import parse_file  # noqa: E402

EN = ("patient man woman year old presents chest pain dyspnoea fever cough infarction "
      "myocardial pneumonia asthma diabetes ketoacidosis renal failure hyperkalaemia stroke "
      "seizure cirrhosis hepatitis sepsis antibiotic aspirin heparin insulin metformin "
      "furosemide troponin ecg elevation saturation oxygen history examination abdomen "
      "tenderness jaundice anaemia haemoglobin platelet creatinine potassium sodium "
      "diagnosis management treatment likely appropriate next step investigation").split()
ZH = ("患者 男性 女性 岁 胸痛 呼吸困难 发热 咳嗽 心肌梗死 肺炎 哮喘 糖尿病 酮症酸中毒 肾衰竭 "
      "高钾血症 脑卒中 癫痫 肝硬化 肝炎 脓毒症 抗生素 阿司匹林 肝素 胰岛素 二甲双胍 呋塞米 "
      "肌钙蛋白 心电图 抬高 血氧 病史 查体 腹部 压痛 黄疸 贫血 血红蛋白 血小板 肌酐 最可能 "
      "诊断 治疗 首选 检查").split()
QUERIES = ["infarction", "pneumonia", "ketoacidosis insulin", "hyperkalaemia", "troponin",
           "患者", "肺炎", "哮喘", "心肌梗死", "胰岛素", "COPD 急性", "aspirin 阿司匹林",
           "seizure", "jaundice anaemia", "肝", "creatinine potassium", "sepsis", "最可能 诊断"]


def _vocabulary(real: list[str], rng: random.Random, size: int, zh: bool) -> list[str]:
    """``size`` terms ranked by frequency: the real words spread over the ranks, the rest
    made-up words (Latin letters, or pairs of common Chinese characters)."""
    chars = "的一是在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去"
    words = []
    for _ in range(size):
        if zh:
            words.append("".join(rng.choice(chars) for _ in range(rng.randint(2, 3))))
        else:
            words.append("".join(rng.choice("abcdefghiklmnoprstuvwy")
                                 for _ in range(rng.randint(4, 10))))
    step = size // (len(real) + 1)
    for n, word in enumerate(real):
        words[step * (n + 1) // 4 + n] = word  # real words from common to mid-frequency
    return words


def generated_items(n: int, seed: int = 7) -> list[dict]:
    """``n`` item dicts (half English, half Chinese) whose words follow Zipf's law over a
    6,000-term vocabulary (s = 1.07, as in natural text), so posting lists have realistic
    lengths: a few words in most items, most words in few."""
    rng = random.Random(seed)
    vocab = {False: _vocabulary(EN, rng, 6000, False), True: _vocabulary(ZH, rng, 6000, True)}
    weights = [1 / (rank ** 1.07) for rank in range(1, 6001)]
    cum = list(itertools.accumulate(weights))

    def text(zh: bool, k: int) -> str:
        words = rng.choices(vocab[zh], cum_weights=cum, k=k)
        return ("" if zh else " ").join(words)

    out = []
    for i in range(n):
        zh = i % 2 == 1
        options = [{"text": text(zh, 3), "correct": k == 0, "explanation": text(zh, 8)}
                   for k in range(5)]
        out.append({"uid": f"bench-{i}", "type": "sba", "stem": text(zh, rng.randint(15, 40)),
                    "options": options, "explanation": text(zh, 20),
                    "language": "zh" if zh else "en", "tags": [text(zh, 1)],
                    "topic": text(zh, 1), "system": "cardiology", "status": "approved"})
    return out


def bench_import(items: list[dict], workdir: str) -> tuple[str, float]:
    path = os.path.join(workdir, "bench.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"format": "eduapp-json", "version": 1, "items": items}, fh,
                  ensure_ascii=False)
    data_dir = os.path.join(workdir, "data")
    os.makedirs(data_dir, exist_ok=True)
    bank = Bank.open_in(data_dir)
    start = time.perf_counter()
    result = parse_file(path, "eduapp-json")  # as the app and the CLI read it
    parsed = time.perf_counter()
    summary = bank.import_result(result)
    done = time.perf_counter()
    bank.close()
    rate = len(items) / (done - start)
    print(f"import eduapp-json: {len(items):,} items in {done - start:.2f} s "
          f"(parse {parsed - start:.2f} s, store {done - parsed:.2f} s) = {rate:,.0f} items/s "
          f"[target >= 20,000/s]; imported {summary.imported}")
    return data_dir, rate


def bench_search(data_dir: str, rounds: int = 5) -> float:
    bank = Bank.open_in(data_dir)
    times = {q: [] for q in QUERIES}
    for _ in range(rounds):
        for q in QUERIES:
            start = time.perf_counter()
            ids = bank.query_ids(q, limit=50)
            times[q].append((time.perf_counter() - start) * 1000)
            assert ids is not None
    bank.close()
    medians = {q: statistics.median(v) for q, v in times.items()}
    overall = statistics.median([t for v in times.values() for t in v])
    worst = max(medians, key=medians.get)
    print(f"search (top 50, bm25) over {len(QUERIES)} queries: median {overall:.2f} ms "
          f"[target <= 5 ms]; slowest query {worst!r} {medians[worst]:.2f} ms")
    return overall


def bench_anki(items: list[dict], workdir: str, ours_ms: float) -> None:
    try:
        from anki.collection import Collection
    except ImportError:
        print("anki find_notes: skipped (the anki package is not installed; "
              "pip install anki to compare)")
        return
    col = Collection(os.path.join(workdir, "anki.anki2"))
    model = col.models.by_name("Basic")
    deck = col.decks.id("bench")
    notes = []
    for it in items:
        note = col.new_note(model)
        note["Front"] = it["stem"]
        note["Back"] = " ".join(o["text"] for o in it["options"]) + " " + it["explanation"]
        notes.append(note)
    from anki.collection import AddNoteRequest
    col.add_notes([AddNoteRequest(note=n, deck_id=deck) for n in notes])
    times = []
    for _ in range(5):
        for q in QUERIES:
            start = time.perf_counter()
            col.find_notes(q)
            times.append((time.perf_counter() - start) * 1000)
    col.close()
    anki_ms = statistics.median(times)
    print(f"anki find_notes on the same {len(items):,} notes: median {anki_ms:.2f} ms; "
          f"EduApp/Anki = {ours_ms / anki_ms:.3f} [target <= 0.1]")


def bench_cold_start(data_dir: str) -> None:
    env = dict(os.environ, EDUAPP_DATA_DIR=data_dir, QT_QPA_PLATFORM="offscreen")
    eduapp = os.path.join(os.path.dirname(sys.executable), "eduapp")
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([eduapp, "bank", "stats", "--json"], env=env, check=True,
                       capture_output=True)
        runs.append(time.perf_counter() - start)
    print(f"cold start `eduapp bank stats` on {data_dir.split(os.sep)[-2]}: "
          f"median {statistics.median(runs):.2f} s [target < 1 s]")
    probe = (
        "import sys, time, resource; t0 = time.perf_counter()\n"
        "from PySide6.QtCore import QTimer\n"
        "from eduapp.ui.app import make_qapp, App\n"
        "from eduapp.ui.main_window import MainWindow\n"
        "from eduapp.bank import Bank\n"
        "qapp = make_qapp(); app = App(sys.argv[1], Bank.open_in(sys.argv[1]))\n"
        "app.settings.starter_offered = True\n"
        "w = MainWindow(app); w.show()\n"
        "page = w.pages['bank']\n"
        "def painted():\n"
        "    print('first_paint', time.perf_counter() - t0)\n"
        "    QTimer.singleShot(0, filled)\n"
        "def filled():\n"
        "    if page.model.rowCount() == 0:\n"
        "        QTimer.singleShot(20, filled); return\n"
        "    print('table_filled', time.perf_counter() - t0)\n"
        "    for row in range(0, page.model.rowCount(), max(1, page.model.rowCount() // 50)):\n"
        "        page.table.scrollTo(page.model.index(row, 0)); qapp.processEvents()\n"
        # VmHWM, not ru_maxrss: ru_maxrss keeps the forking parent's size across exec
        "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "    print('maxrss_mb', int(hwm[0].split()[1]) / 1024 if hwm else\n"
        "          resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
        "    qapp.quit()\n"
        "QTimer.singleShot(0, painted)\n"
        "qapp.exec()\n"
        "from PySide6.QtCore import QThreadPool; QThreadPool.globalInstance().waitForDone()\n")
    firsts, fills, rss = [], [], []
    for _ in range(3):
        proc = subprocess.run([sys.executable, "-c", probe, data_dir], env=env, check=True,
                              capture_output=True, text=True)
        values = dict(line.split() for line in proc.stdout.splitlines() if " " in line)
        firsts.append(float(values["first_paint"]))
        fills.append(float(values["table_filled"]))
        rss.append(float(values["maxrss_mb"]))
    print(f"GUI to first painted window (in-process from interpreter start of imports): "
          f"median {statistics.median(firsts):.2f} s [target < 1 s]; item table filled at "
          f"{statistics.median(fills):.2f} s")
    print(f"GUI peak memory (VmHWM) with the bank open and the table scrolled end to end: "
          f"{max(rss):.0f} MB max RSS [target < 250 MB]")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        items = generated_items(args.items)
        data_dir, _ = bench_import(items, workdir)
        ours = bench_search(data_dir)
        bench_anki(items, workdir, ours)
        bench_cold_start(data_dir)


if __name__ == "__main__":
    main()
