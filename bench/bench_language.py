"""Language detection and the schema-4 migration that repairs imported items' language
(prints figures only).

* detection: items/second of ``eduapp.language.detect_item_language`` on mixed English and
  Chinese items (with Latin drug names);
* migration 4 on a bank of N imported items (half Chinese stored as ``en``): wall time of
  the language repair plus the full-text index rebuild, and how many items it repaired.

Run: ``python bench/bench_language.py [--items 20000]``.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from eduapp.bank import Bank  # noqa: E402
from eduapp.domain import Item, Option  # noqa: E402
from eduapp.language import detect_item_language  # noqa: E402

EN = "patient presents chest pain dyspnoea fever troponin heparin aspirin metformin".split()
ZH = "患者 男性 胸痛 呼吸困难 发热 心肌梗死 肺炎 糖尿病 二甲双胍 阿司匹林 最可能".split()


def make_items(n: int) -> list[Item]:
    rnd = random.Random(5)
    out = []
    for k in range(n):
        zh = k % 2 == 1
        words = [rnd.choice(ZH) for _ in range(12)] + [rnd.choice(EN)] if zh else \
            [rnd.choice(EN) for _ in range(14)]
        stem = ("".join(words) if zh else " ".join(words)) + f" {k}?"
        out.append(Item(type="sba", stem=stem, language="en",
                        options=[Option(rnd.choice(ZH if zh else EN), True),
                                 Option(rnd.choice(ZH if zh else EN) + "x", False)],
                        provenance={"source": "imported", "format": "gift"}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20000)
    n = parser.parse_args().items
    items = make_items(n)
    t = time.perf_counter()
    langs = [detect_item_language(i) for i in items]
    dt = time.perf_counter() - t
    print(f"detection: {n} items in {dt:.3f} s ({n / dt:,.0f} items/s); "
          f"zh {langs.count('zh')}, en {langs.count('en')}")
    with tempfile.TemporaryDirectory() as tmp:
        bank = Bank.open_in(tmp)
        from eduapp.interop import ParseResult
        bank.import_result(ParseResult(units=items, format="gift"))
        path = os.path.join(tmp, "bank.sqlite")
        bank.close()
        conn = sqlite3.connect(path)
        conn.execute("UPDATE items SET language = 'en'")
        conn.execute("DELETE FROM schema_version WHERE version = 4")
        conn.commit()
        conn.close()
        t = time.perf_counter()
        bank = Bank.open_in(tmp)
        dt = time.perf_counter() - t
        zh = bank.stats()["by_language"].get("zh", 0)
        bank.close()
        print(f"migration 4 on {n} items: {dt:.2f} s (repair + FTS rebuild), {zh} repaired "
              "to zh")


if __name__ == "__main__":
    main()
