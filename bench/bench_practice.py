"""Practice benchmarks (figures printed, nothing asserted).

With a bank of 100,000 items and a student history of 1,000,000 past attempts:

- answering a question in tutor mode: marking, storing the attempt, rescheduling the FSRS
  card, updating the aggregates and saving the session state, one transaction
  (target: under 5 ms)
- moving to and showing the next question (target: under 5 ms)
- the FSRS due queue (next 50 reviews)
- building the student dashboard (target: under 300 ms)
- building a custom test (20 questions, "unused" + "incorrect" pools) over the whole bank
- item statistics for 1,000 students by 200 items (target: under 1 s), from the store and
  the numpy part alone

Run: ``.venv/bin/python bench/bench_practice.py [--items 100000] [--attempts 1000000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from eduapp.bank import Bank  # noqa: E402
from eduapp.domain import new_uid  # noqa: E402
from eduapp.practice import PracticeService, PracticeStore, TestSpec  # noqa: E402
from eduapp.practice.analytics import rebuild_aggregates  # noqa: E402

TOPICS = [f"topic {k:03d}" for k in range(120)]
SYSTEMS = ["cardiology", "respiratory", "endocrine", "nephrology", "neurology",
           "gastroenterology", "pharmacology", "haematology"]
BLOOMS = ["remember", "understand", "apply", "analyze"]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def build_bank(workdir: str, n: int) -> Bank:
    """A bank of ``n`` single-best-answer items. Rows go straight into the bank's tables
    in one transaction (no search index): the bank's own import speed is measured by
    ``bench_bank.py``; here only the practice side is timed."""
    rng = random.Random(3)
    data = os.path.join(workdir, "data")
    os.makedirs(data, exist_ok=True)
    bank = Bank.open_in(data)
    options = json.dumps([{"text": f"option {k}", "correct": k == 0, "explanation": "why"}
                          for k in range(5)])
    t = time.perf_counter()
    with bank.transaction() as conn:
        conn.executemany(
            "INSERT INTO items(uid, type, stem, vignette, options, explanation, model_answer, "
            "rubric, tags, topic, system, discipline, category, bloom, difficulty, exam_type, "
            "language, status, refs, hints, provenance, idnumber, set_position, version, "
            "marks, extra, content_hash, created_at, updated_at) VALUES (?, 'sba', ?, '', ?, "
            "'Because.', '', '', '[]', ?, ?, 'medicine', '', ?, ?, '', 'en', 'approved', '[]', "
            "'[]', '{}', '', 0, 1, 1.0, '{}', ?, 0, 0)",
            ((f"it{i:06d}", f"Question {i} about {TOPICS[i % len(TOPICS)]}?", options,
              TOPICS[i % len(TOPICS)], SYSTEMS[i % len(SYSTEMS)], BLOOMS[i % 4],
              round(rng.uniform(0.3, 0.9), 2), f"h{i}") for i in range(n)))
    print(f"bank: {n:,} items stored in {time.perf_counter() - t:.1f} s")
    return bank


def fill_history(store: PracticeStore, pid: int, n_items: int, n_attempts: int,
                 now: float) -> None:
    """``n_attempts`` attempts over ~3 years spread over 70 % of the bank, cards for each
    item answered, aggregates rebuilt."""
    rng = np.random.default_rng(5)
    answered = int(n_items * 0.7)
    item = rng.integers(0, answered, n_attempts)
    at = np.sort(now - rng.uniform(60, 3 * 365 * 86400, n_attempts))
    correct = (rng.random(n_attempts) < 0.68).astype(int)
    secs = rng.uniform(10, 120, n_attempts)
    t = time.perf_counter()
    rows = ((new_uid(), pid, f"it{i:06d}", 1, None, None, "tutor", "sba", float(a),
             float(s), f"[{0 if c else 1}]", 0 if c else 1, 5, int(c), float(c), None, "auto",
             0, TOPICS[i % len(TOPICS)], SYSTEMS[i % len(SYSTEMS)], "medicine",
             BLOOMS[i % 4], 0.6)
            for i, a, c, s in zip(item.tolist(), at.tolist(), correct.tolist(), secs.tolist()))
    with store.transaction() as conn:
        conn.executemany("INSERT INTO attempts(uid, profile_id, item_uid, item_version, "
                         "session_uid, exam_id, mode, item_type, answered_at, seconds, "
                         "response, choice, n_options, correct, score, student_score, "
                         "marked_by, flagged, topic, system, discipline, bloom, difficulty) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                         "?, ?)", rows)
        due = now + rng.uniform(-20 * 86400, 200 * 86400, answered)
        conn.executemany("INSERT INTO cards VALUES (?, ?, 2, NULL, 20.0, 5.0, ?, ?, 3, 0, ?)",
                         ((pid, f"it{i:06d}", float(d), now - 86400, TOPICS[i % len(TOPICS)])
                          for i, d in enumerate(due.tolist())))
        t1 = time.perf_counter()
        rebuild_aggregates(conn, pid)
    print(f"history: {n_attempts:,} attempts stored in {t1 - t:.1f} s, aggregates rebuilt "
          f"in {time.perf_counter() - t1:.1f} s")


CPU: dict[int, list[float]] = {}


def timed(fn, repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls; the CPU times go to ``CPU[id(result)]``."""
    out, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        out.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU[id(out)] = cpu
    return out


def report(label: str, times: list[float], target: str = "") -> None:
    """Median and 95th percentile wall time, and median CPU time (the wall time includes
    waits for the disk and for other processes on a busy machine)."""
    cpu = CPU.get(id(times))
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1] if len(times) >= 20 else times[-1]
    print(f"{label:<52} median {ms(statistics.median(times)):>10}   p95 {ms(p95):>10}"
          + (f"   cpu {ms(statistics.median(cpu)):>10}" if cpu else "")
          + (f"   (target {target})" if target else ""))


def bench_item_stats(workdir: str, students: int = 1000, items: int = 200) -> None:
    os.makedirs(os.path.join(workdir, "class"), exist_ok=True)
    store = PracticeStore(os.path.join(workdir, "class", "practice.sqlite"))
    rng = np.random.default_rng(11)
    ability = rng.normal(size=students)
    b = rng.normal(size=items)
    with store.transaction() as conn:
        pids = [conn.execute("INSERT INTO profiles(uid, name, created_at) VALUES (?, ?, 0)",
                             (new_uid(), f"S{s}")).lastrowid for s in range(students)]
        rows = []
        for s in range(students):
            p = 1 / (1 + np.exp(-(ability[s] - b)))
            right = rng.random(items) < p
            wrong_choice = rng.integers(1, 5, items)
            for j in range(items):
                c = 0 if right[j] else int(wrong_choice[j])
                rows.append((new_uid(), pids[s], f"x{j}", float(s * items + j), float(right[j]),
                             int(right[j]), c))
        conn.executemany("INSERT INTO attempts(uid, profile_id, item_uid, answered_at, score, "
                         "correct, choice, n_options, exam_id) VALUES (?, ?, ?, ?, ?, ?, ?, 5, "
                         "'mock')", rows)
    svc = PracticeService(bank=None, store=store)
    t, c = time.perf_counter(), time.process_time()
    data = svc.first_attempts()
    loaded = time.perf_counter()
    from eduapp.practice import item_statistics
    item_statistics(data["student"], data["item"], data["score"], data["item_uids"],
                    choice=data["choice"], n_options=data["n_options"],
                    flagged=data["flagged"], seconds=data["seconds"])
    done, cpu = time.perf_counter(), time.process_time() - c
    value, _, _ = svc.exam_reliability("mock")
    print(f"{'item statistics 1,000 x 200 (load + compute)':<52} {ms(done - t):>17}"
          f"   cpu {ms(cpu):>10}   (target under 1 s)")
    print(f"{'  of which numpy statistics':<52} {ms(done - loaded):>17}")
    print(f"{'KR-20 of that exam (incl. load)':<52} {'':>10}   value {value:.3f}")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--attempts", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        bank = build_bank(workdir, args.items)
        now = time.time()
        store = PracticeStore.open_in(os.path.join(workdir, "data"))
        pid = store.create_profile("Bench Student", "MBBS")
        fill_history(store, pid, args.items, args.attempts, now)
        clock = [now]

        def tick():
            clock[0] += 25.0
            return clock[0]
        svc = PracticeService(bank, store, clock=lambda: clock[0])
        times = timed(lambda: svc.start(pid, TestSpec(count=20, pools=["unused",
                                                                     "incorrect"])), 5)
        report("build a 20-question custom test (unused+incorrect)", times)
        session = svc.start(pid, TestSpec(count=200, seed=1))

        def answer():
            tick()
            session.choose_option(0)
            session.check()
        nxt, ans, ans_cpu, nxt_cpu = [], [], [], []
        for _ in range(len(session) - 1):
            ans.append(timed(answer, 1)[0])
            ans_cpu.append(CPU.popitem()[1][0])
            t, c = time.perf_counter(), time.process_time()
            session.next()
            session.question()
            nxt.append(time.perf_counter() - t)
            nxt_cpu.append(time.process_time() - c)
        CPU[id(ans)] = ans_cpu
        CPU[id(nxt)] = nxt_cpu
        report("answer + reschedule (one transaction)", ans, "under 5 ms")
        report("next question (navigate + show)", nxt, "under 5 ms")
        report("FSRS due queue, next 50", timed(lambda: svc.due_queue(pid, 50), 50))
        report("deck counts (builder: total, due now, due today)",
               timed(lambda: svc.deck(pid, detail=False), 10))
        report("deck view (by state and topic)", timed(lambda: svc.deck(pid), 10))
        report(f"dashboard ({args.attempts:,} attempts)", timed(lambda: svc.dashboard(pid), 10),
               "under 300 ms")
        report("recommended next session", timed(lambda: svc.recommend(pid), 10))
        report("learning path, 7 days", timed(lambda: svc.learning_path(pid), 5))
        store.close()
        bank.close()
        bench_item_stats(workdir)


if __name__ == "__main__":
    main()
