"""practice.sqlite: schema, recovery; attempt files; class report; tutor grounding;
layering."""

import csv
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from eduapp.domain import Document
from eduapp.errors import ImportFileError
from eduapp.practice import (SCHEMA_VERSION, PracticeService, PracticeStore,
                             PracticeVersionError, TestSpec, read_attempts)
from eduapp.practice.tutor import grounding, tutor_messages


def test_schema_version_and_wal(data_dir):
    store = PracticeStore.open_in(data_dir)
    assert store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == \
        SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_newer_schema_refused_untouched(data_dir):
    path = os.path.join(data_dir, "practice.sqlite")
    PracticeStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (99, 0)")
    conn.commit()
    conn.close()
    before = open(path, "rb").read()
    with pytest.raises(PracticeVersionError, match="newer EduApp"):
        PracticeStore.open_in(data_dir)
    assert open(path, "rb").read() == before


def test_garbage_file_moved_aside(data_dir):
    path = os.path.join(data_dir, "practice.sqlite")
    with open(path, "wb") as fh:
        fh.write(b"this is not sqlite at all" * 100)
    store = PracticeStore.open_in(data_dir)
    assert store.recovered_from and os.path.exists(store.recovered_from)
    assert store.profiles() == []
    store.close()


def test_damaged_history_salvaged(service, student, clock, data_dir):
    s = service.start(student, TestSpec(types=["sba"], count=3, seed=1))
    for _ in range(3):
        s.choose_option(0)
        s.check()
        s.next()
    service.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    service.close()
    path = os.path.join(data_dir, "practice.sqlite")
    # break the cards table's pages: quick_check fails, attempts remain readable
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'cards'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xff" * page)
    store = PracticeStore.open_in(data_dir)
    assert store.recovered_from
    assert store.salvaged == 3 and len(store.attempts(store.profiles()[0]["id"])) == 3
    store.close()


def test_export_import_merges_without_duplicates(service, student, clock, tmp_path,
                                                 seeded_bank):
    s = service.start(student, TestSpec(types=["sba"], count=4, seed=1))
    for _ in range(4):
        s.choose_option(0)
        s.check()
        s.next()
    path = str(tmp_path / "li.eduapp-attempts.json")
    assert service.export_attempts(path) == 4
    doc = json.load(open(path, encoding="utf-8"))
    assert doc["format"] == "eduapp-attempts" and doc["profiles"][0]["name"] == "Li Wei"
    # the teacher's machine
    teacher_dir = tmp_path / "teacher"
    teacher_dir.mkdir()
    teacher = PracticeService(seeded_bank, PracticeStore.open_in(str(teacher_dir)),
                              clock=clock)
    assert teacher.import_attempts([path, path]) == {"added": 4, "duplicates": 4,
                                                     "profiles": 1, "encounters": 0,
                                                     "errors": []}
    everyone = teacher.store.profiles(origin=None)
    assert [p["origin"] for p in everyone] == ["imported"]
    assert len(teacher.store.attempts(everyone[0]["id"])) == 4
    assert teacher.dashboard(everyone[0]["id"]).attempts == 4    # aggregates rebuilt
    teacher.close()


@pytest.mark.parametrize("content, message", [
    ("{not json", "not a JSON attempt file"),
    ('{"format": "eduapp-json"}', "not an eduapp-attempts file"),
    ('{"format": "eduapp-attempts", "profiles": [], "attempts": [{"uid": "a"}]}', "attempt 1"),
    ('{"format": "eduapp-attempts", "profiles": [{"uid": "p"}], "attempts": [{"uid": "a", '
     '"profile_uid": "p", "item_uid": "i", "answered_at": 1, "score": "high"}]}',
     "not a number"),
])
def test_bad_attempt_files_named(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError, match=message):
        read_attempts(str(path))


def _class(service, clock, n=12):
    """n students sit the same 4-item exam; returns the student ids."""
    ids = []
    for k in range(n):
        pid = service.create_profile(f"学生{k}", "临床医学")
        s = service.start(pid, TestSpec(types=["sba"], topics=["renal acid-base"], count=4,
                                        mode="timed", exam_id="mock-1", seed=1))
        for j in range(4):
            s.choose_option(0 if (k + j) % 3 else 1)
            s.next()
        s.submit()
        ids.append(pid)
    return ids


def test_exam_reliability_and_item_stats(service, clock):
    _class(service, clock)
    value, students, items = service.exam_reliability("mock-1")
    assert students == 12 and items == 4
    assert value is not None and value < 1
    stats = service.item_statistics("mock-1")
    assert all(s.n == 12 for s in stats)
    assert all(len(s.option_rates) == 5 for s in stats)


def test_class_report_csv_and_pdf(service, clock, tmp_path, seeded_bank, data_dir):
    from eduapp.workspace import Workspace
    _class(service, clock, 4)
    ws = Workspace(data_dir, seeded_bank)
    ws.use_practice(service)
    csv_path = str(tmp_path / "report.csv")
    ws.export_class_report(csv_path)
    rows = list(csv.reader(open(csv_path, encoding="utf-8-sig")))
    assert rows[0][0] == "student" and rows[1][0] == "学生0"
    assert ["exam_id", "kr20"] in rows
    pdf_path = str(tmp_path / "report.pdf")
    ws.export_class_report(pdf_path)
    data = open(pdf_path, "rb").read()
    assert data.startswith(b"%PDF") and b"DroidSansFallback" in data
    from pypdf import PdfReader
    zh_path = str(tmp_path / "report-zh.pdf")
    ws.export_class_report(zh_path, "zh")
    text = PdfReader(zh_path).pages[0].extract_text()
    assert "班级报告" in text and "需关注" in text and "Needs attention" not in text


def test_tutor_grounding_and_offline_fallback(service, seeded_bank):
    seeded_bank.save_document(Document(kind="notes", title="Acid-base notes",
                                       topic="renal acid-base", body="Anion gap = Na - (Cl + HCO3)"))
    item = seeded_bank.search("Question 1")[0]
    g = grounding(seeded_bank, item)
    assert [d.title for d in g.notes] == ["Acid-base notes"]
    msgs = tutor_messages(g, "Why not warfarin?")
    assert "Anion gap" in msgs[0]["content"] and "why Warfarin" in msgs[0]["content"]
    assert msgs[-1] == {"role": "user", "content": "Why not warfarin?"}
    reply = service.ask_tutor(item, "Why?")
    assert reply.by == "offline" and "Anion gap" in reply.text
    assert reply.sources[:2] == ["Question", "Acid-base notes"]


def test_practice_package_does_not_import_qt():
    code = ("import sys, eduapp.practice; "
            "assert 'PySide6' not in sys.modules, 'practice imports Qt'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_item_stats_use_first_attempts_only(service, clock):
    ids = [service.create_profile(f"S{k}") for k in range(3)]
    for k, pid in enumerate(ids):
        s = service.start(pid, TestSpec(types=["sba"], topics=["renal acid-base"], count=1,
                                        seed=4))
        s.choose_option(1 if k == 0 else 0)   # student 0 wrong first time
        s.check()
        clock.advance(100)
        again = service.start(pid, TestSpec(uids=[s.items[0].uid], count=1))
        again.choose_option(0)
        again.check()
    (stat,) = service.item_statistics()
    assert stat.n == 3 and stat.p == pytest.approx(2 / 3)
    assert stat.option_rates[:2] == pytest.approx([2 / 3, 1 / 3])
