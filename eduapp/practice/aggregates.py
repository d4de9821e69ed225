"""The running aggregates of a student's practice (``daily_stats``, ``totals``,
``item_status`` in ``practice.sqlite``): updated in O(1) on every answer and rebuilt from
the attempts when attempts are merged. The rating model is described in
:mod:`eduapp.practice.analytics`, which reads these tables; the store and the session
write them through this module.
"""

from __future__ import annotations

import math
from datetime import datetime

#: The areas a student's mastery is kept for.
DIMENSIONS = ("topic", "system", "discipline", "bloom")

K_FACTOR = 0.4
FAST_ALPHA = 0.3
SLOW_ALPHA = 0.08
TREND_BAND = 0.08
DEFAULT_FACILITY = 0.6


def day_number(t: float) -> int:
    """The local calendar day of epoch seconds ``t`` as a proleptic ordinal (``date.toordinal``)."""
    return datetime.fromtimestamp(t).date().toordinal()


def item_logit_difficulty(p: float | None) -> float:
    """``b = ln((1 - p) / p)`` for facility ``p`` (0..1; ``None`` → 0.6; clamped)."""
    p = DEFAULT_FACILITY if p is None else min(0.95, max(0.05, float(p)))
    return math.log((1 - p) / p)


def update_aggregates(conn, profile_id: int, at: float, score: float, seconds: float,
                      facets: dict, difficulty: float | None) -> None:
    """Add one answer to ``daily_stats`` and ``totals`` (inside the caller's transaction).

    :param facets: ``{"topic", "system", "discipline", "bloom"}`` values ("" allowed).
    :param score: 0..1. :param seconds: time on the item.
    """
    day = day_number(at)
    b = item_logit_difficulty(difficulty)
    for dim in DIMENSIONS:
        value = facets.get(dim) or ""
        conn.execute("INSERT INTO daily_stats VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO "
                     "UPDATE SET n = n + 1, correct = correct + excluded.correct, "
                     "seconds = seconds + excluded.seconds",
                     (profile_id, day, dim, value, score, seconds))
        row = conn.execute("SELECT theta, fast, slow FROM totals WHERE profile_id = ? AND "
                           "dim = ? AND value = ?", (profile_id, dim, value)).fetchone()
        if row is None:
            theta, fast, slow = 0.0, score, score
            theta += K_FACTOR * (score - 1 / (1 + math.exp(b)))
            conn.execute("INSERT INTO totals VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
                         (profile_id, dim, value, score, seconds, theta, fast, slow, at))
        else:
            theta, fast, slow = row
            theta += K_FACTOR * (score - 1 / (1 + math.exp(-(theta - b))))
            fast += FAST_ALPHA * (score - fast)
            slow += SLOW_ALPHA * (score - slow)
            conn.execute("UPDATE totals SET n = n + 1, correct = correct + ?, seconds = "
                         "seconds + ?, theta = ?, fast = ?, slow = ?, last_at = ? WHERE "
                         "profile_id = ? AND dim = ? AND value = ?",
                         (score, seconds, theta, fast, slow, at, profile_id, dim, value))


def rebuild_aggregates(conn, profile_id: int) -> None:
    """Recompute ``daily_stats``, ``totals`` and ``item_status`` of a student from their
    attempts (inside the caller's transaction). Sums come from SQL; θ and the moving
    averages replay the answers oldest first, as :func:`update_aggregates` would."""
    for table in ("daily_stats", "totals", "item_status"):
        conn.execute(f"DELETE FROM {table} WHERE profile_id = ?", (profile_id,))
    rows = conn.execute("SELECT answered_at, score, seconds, topic, system, discipline, "
                        "bloom, difficulty FROM attempts WHERE profile_id = ? "
                        "ORDER BY answered_at, id", (profile_id,)).fetchall()
    if not rows:
        return
    daily: dict[tuple, list] = {}
    totals: dict[tuple, list] = {}
    day_cache: dict[int, int] = {}
    logit: dict = {}
    for at, score, seconds, *facets, diff in rows:
        hour = int(at // 3600)
        day = day_cache.get(hour)
        if day is None:
            day = day_cache[hour] = day_number(at)
        b = logit.get(diff)
        if b is None:
            b = logit[diff] = item_logit_difficulty(diff)
        for dim, value in zip(DIMENSIONS, facets):
            value = value or ""
            cell = daily.get((day, dim, value))
            if cell is None:
                daily[(day, dim, value)] = [1, score, seconds]
            else:
                cell[0] += 1
                cell[1] += score
                cell[2] += seconds
            t = totals.get((dim, value))
            if t is None:
                totals[(dim, value)] = [1, score, seconds,
                                        K_FACTOR * (score - 1 / (1 + math.exp(b))),
                                        score, score, at]
            else:
                t[0] += 1
                t[1] += score
                t[2] += seconds
                t[3] += K_FACTOR * (score - 1 / (1 + math.exp(-(t[3] - b))))
                t[4] += FAST_ALPHA * (score - t[4])
                t[5] += SLOW_ALPHA * (score - t[5])
                t[6] = at
    conn.executemany("INSERT INTO daily_stats VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(profile_id, day, dim, value, *v) for (day, dim, value), v in
                      daily.items()])
    conn.executemany("INSERT INTO totals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(profile_id, dim, value, *v) for (dim, value), v in totals.items()])
    # SQLite's bare columns with MAX() come from the row holding the maximum
    conn.execute("INSERT INTO item_status SELECT profile_id, item_uid, correct, "
                 "MAX(answered_at), COUNT(*) FROM attempts WHERE profile_id = ? "
                 "GROUP BY item_uid", (profile_id,))
