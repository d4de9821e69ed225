"""Offline matcher benchmark: for each shipped case, the share of real-style student
questions answered with the right fact and with a wrong fact.

A questions file (tests/vpatient/data/<set>_<case id>.tsv) has one ``expected<TAB>question``
a line; ``expected`` is a fact id, ``a|b`` when either is right, or ``none``. Targets
(issue 14): right >= 90 %, wrong < 2 %. Every set shown here has been seen while tuning
the matcher: each was written before the matcher was run on it, measured once (the first
figure in its label), and then used for tuning. The figures that say how the matcher
generalises are those first runs, and the lead's independent held-out sets, which are not
in this repository.

Run: ``PYTHONPATH=. python bench/bench_vpatient.py [--verbose]``
"""

from __future__ import annotations

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from eduapp.vpatient.bench import evaluate_all  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    start = time.perf_counter()
    results = evaluate_all()
    elapsed = time.perf_counter() - start
    n_questions = sum(r.total for r in results)
    print("questions_* (the first set, tuned on):")
    print(f"{'case':<22} {'lang':<4} {'questions':>9} {'with fact':>9} {'right':>7} "
          f"{'wrong':>7} {'none ok':>8}")
    for r in results:
        print(f"{r.case_id:<22} {r.language:<4} {r.total:>9} {r.with_fact:>9} "
              f"{r.right_share:>7.1%} {r.wrong_share:>7.1%} {r.none_ok}/{r.none_total:>3}")
        if verbose:
            for line in r.failures:
                print("    " + line)
    print(f"{n_questions} questions matched in {elapsed:.2f} s "
          f"({1000 * elapsed / max(1, n_questions):.1f} ms per question, case set-up included)")
    for prefix, label in (
            ("round2", "round 2 (first run 87.1% right, 6.2% wrong; tuned on since)"),
            ("holdout", "held out 1 (first run 90.7% right, 3.3% wrong; seen since the "
                        "generalisation round)"),
            ("holdout2", "held out 2 (94.6% right, 2.0% wrong before the acceptance-rule "
                         "rework; seen since)"),
            ("holdout3", "held out 3 (first run 88.5% right, 4.6% wrong; seen since the "
                         "generalisation round)"),
            ("devset", "devset, the matcher author's paraphrases (first run 89.8% right, "
                       "3.5% wrong; tuned on since)"),
            ("devset2", "devset2, the author's second set, written after tuning on devset "
                        "(first run 93.7% right, 3.7% wrong; tuned on since)"),
            ("devset3", "devset3, short, leading and colloquial forms, written after tuning "
                        "on devset2 (first run 88.1% right, 3.6% wrong; tuned on since)"),
            ("devset4", "devset4, written after all other tuning (first run 95.2% right, "
                        "4.4% wrong; three kinds of failure fixed since)"),
            ("holdout4", "held out 4, by an independent writer who never saw the matcher "
                         "(first run 89.7% right, 2.9% wrong; the kinds of its failures "
                         "were tuned on in the kinds round, so no longer held out)"),
            ("devset5", "devset5, written before the kinds round by its author (first run "
                        "87.1% right, 5.2% wrong; tuned on since)"),
            ("devset6", "devset6, written after the kinds round, before running it (first "
                        "run 94.7% right, 1.5% wrong; four kinds fixed since)"),
            ("holdout5", "held out 5, by the same independent writer (first run 84.3% right, "
                         "6.4% wrong; the kinds of its failures were tuned on in matcher "
                         "round 3, so no longer held out)"),
            ("holdout6", "held out 6, by a new independent writer who never saw the matcher; "
                         "measured once after round 3 (first run 93.5% right, 3.4% wrong; "
                         "the kinds of its failures were tuned on in matcher round 4, so no "
                         "longer held out)"),
            ("holdout8", "held out 8, by another new independent writer, written to tune "
                         "on (first run, after the held-out-6 kinds, 95.4% right, 3.1% "
                         "wrong; tuned on since)"),
            ("holdout9", "held out 9, by another new independent writer, written to tune "
                         "on (first run, after the held-out-8 kinds, 94.7% right, 2.3% "
                         "wrong; tuned on since)"),
            ("holdout10", "held out 10, by another new independent writer, written to tune "
                          "on (first run, after the held-out-9 kinds, 94.0% right, 2.6% "
                          "wrong; tuned on since)"),
            ("holdout7", "held out 7, by another new independent writer, written before "
                         "round 4 and kept unseen until it was measured once, after round "
                         "4 (first run 97.0% right, 1.2% wrong; its kinds tuned on in "
                         "round 4e, so no longer held out)"),
            ("holdout11", "held out 11, by another new independent writer, measured once "
                          "with the same code as held out 7 (first run 94.6% right, 3.0% "
                          "wrong; its kinds tuned on in round 4e, so no longer held out)"),
            ("holdout12", "held out 12, by another new independent writer, kept unseen and "
                          "measured once after round 4e and the tester-tour fixes (first run "
                          "95.1% right, 1.8% wrong)"),
            ("holdout13", "held out 13, by another new independent writer, kept unseen and "
                          "measured once with the same code as held out 12 (first run 96.2% "
                          "right, 2.0% wrong; one kind, a form of address before 您别/还有, "
                          "fixed since)"),
            ("holdout14", "held out 14, by another new independent writer, kept unseen and "
                          "measured once after round 5 (first run 96.6% right, 1.7% wrong; "
                          "its kinds tuned on since, so no longer held out)"),
            ("holdout15", "held out 15, by another new independent writer, measured once "
                          "with the same code as held out 14 (first run 95.9% right, 1.7% "
                          "wrong; its kinds tuned on since)"),
            ("holdout16", "held out 16, by another new independent writer, measured once "
                          "with the same code as held out 14 (first run 96.9% right, 2.1% "
                          "wrong; its kinds tuned on since)"),
            ("holdout17", "held out 17, by another new independent writer, kept unseen and "
                          "measured once after the held-out-14-16 kinds (first run 95.7% "
                          "right, 1.5% wrong; its kinds tuned on since)"),
            ("holdout18", "held out 18, by another new independent writer, measured once "
                          "with the same code as held out 17 (first run 97.1% right, 1.2% "
                          "wrong; its kinds tuned on since)"),
            ("holdout19", "held out 19, by another new independent writer, measured once "
                          "with the same code as held out 17 (first run 96.4% right, 1.5% "
                          "wrong; its kinds tuned on since)"),
            ("holdout20", "held out 20, by another new independent writer, kept unseen and "
                          "measured once with the final code of this round (first run 96.6% "
                          "right, 0.7% wrong)"),
            ("holdout21", "held out 21, by another new independent writer, kept unseen and "
                          "measured once with the same code (first run 96.1% right, 0.7% "
                          "wrong)"),
            ("holdout22", "held out 22, by another new independent writer, kept unseen and "
                          "measured once with the same code (first run 96.7% right, 0.7% "
                          "wrong)")):
        held = evaluate_all(prefix=prefix)
        if not held:
            continue
        print(f"\n{label}:")
        for r in held:
            print(f"{r.case_id:<22} {r.language:<4} {r.total:>9} {r.with_fact:>9} "
                  f"{r.right_share:>7.1%} {r.wrong_share:>7.1%} {r.none_ok}/{r.none_total:>3}")
            if verbose:
                for line in r.failures:
                    print("    " + line)
        right = sum(r.right for r in held) / max(1, sum(r.with_fact for r in held))
        wrong = sum(r.wrong for r in held) / max(1, sum(r.total for r in held))
        print(f"all six cases: right {right:.1%}, wrong {wrong:.1%}")
    # matching speed alone: one Matcher per case built first, then every question of
    # every set matched once
    import glob
    from eduapp.vpatient.bench import QUESTIONS_DIR, read_questions
    from eduapp.vpatient.library import shipped_cases
    from eduapp.vpatient.matcher import Matcher
    t0 = time.perf_counter()
    matchers = {c.id: Matcher(c) for c in shipped_cases()}
    setup = time.perf_counter() - t0
    asked = 0
    t0 = time.perf_counter()
    for case_id, matcher in matchers.items():
        for path in glob.glob(os.path.join(QUESTIONS_DIR, f"*_{case_id}.tsv")):
            for _, question in read_questions(path):
                matcher.match(question)
                asked += 1
    took = time.perf_counter() - t0
    print(f"\nspeed: {asked} questions in {took:.2f} s = {1000 * took / max(1, asked):.2f} ms "
          f"per question (matcher set-up {1000 * setup / max(1, len(matchers)):.0f} ms per case)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
