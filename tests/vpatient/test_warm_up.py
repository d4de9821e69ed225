"""The language tools load once, in any thread, before the first question needs them."""

from __future__ import annotations

import threading

from eduapp.vpatient.text import HomophoneRepair, is_english_word, warm_up


def test_warm_up_loads_the_tools_from_a_worker_thread():
    errors = []

    def work(language):
        try:
            warm_up(language)
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(lang,)) for lang in ("zh", "en", "zh")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert HomophoneRepair(["发烧"]).repair("发少了") == "发烧了"
    assert is_english_word("fever") and not is_english_word("fevr")
