"""``eduapp exam mark | review | stats`` end to end: a real bank, ``exam build``, its own
sheet PDFs filled and scanned into one multi-page PDF (in any order, one upside down),
a photo, a class list, reports and the review loop."""

from __future__ import annotations

import json
import os
import random

import pytest
from PIL import Image
from pypdf import PdfReader

from eduapp.bank import Bank
from eduapp.exams import ExamStore
from tests.exams.sample import fill_en
from tests.marking.synthetic import blank_pages, degrade, fill, random_answers

DPI = 150


@pytest.fixture
def sitting(data_dir, run_cli, tmp_path):
    """An exam of 12 questions in forms A and B, five candidates' sheets scanned."""
    b = Bank.open_in(data_dir)
    fill_en(b)
    b.close()
    code, manifest, err = run_cli("exam", "build", "--query", "", "--count", "12", "--forms",
                                  "2", "--seed", "5", "--out", tmp_path / "exam", "--json")
    assert code == 0, err
    b = Bank.open_in(data_dir)
    exam = ExamStore(b).get(manifest["exam_id"])
    b.close()
    rng = random.Random(11)
    blanks = {f: blank_pages(exam, f, DPI) for f in "AB"}
    people = [("20240001", "A", {}), ("20240002", "B", {"4": "faint"}),
              ("20240003", "A", {}), ("20240004", "B", {}), ("20240005", "A", {})]
    answers, images = {}, []
    for number, form, doubt in people:
        answers[number] = (form, random_answers(exam, form, rng, blank_rate=0))
        (page,) = fill(exam, form, blanks[form], candidate=number,
                       answers=answers[number][1], doubtful=doubt, dpi=DPI, rng=rng)
        images.append(degrade(page, "rotate", rng, DPI))
    images[2] = images[2][::-1, ::-1].copy()  # fed in upside down
    scan = tmp_path / "scan 扫描.pdf"
    pil = [Image.fromarray(i) for i in images[:4]]
    pil[0].save(scan, save_all=True, append_images=pil[1:], resolution=DPI)
    photo = tmp_path / "photo.jpg"
    Image.fromarray(degrade(images[4], "phone", rng, DPI)).save(photo, quality=80)
    roster = tmp_path / "class.csv"
    roster.write_text("准考证号,姓名,language\n20240001,李明,zh\n20240002,Ann Lee,en\n"
                      "20240003,王芳,\n20240004,Tom Hill,en\n20249999,Absent Person,en\n",
                      encoding="utf-8-sig")
    return {"exam": exam, "answers": answers, "scan": scan, "photo": photo,
            "roster": roster, "tmp": tmp_path}


def expected_total(exam, form, answers) -> float:
    return sum(1.0 for q in exam.form(form).questions if answers[q.number] == q.key)


def test_mark_review_and_stats_close_the_loop(sitting, run_cli):
    exam, tmp = sitting["exam"], sitting["tmp"]
    out = tmp / "results"
    code, doc, err = run_cli("exam", "mark", exam.id, sitting["scan"], sitting["photo"],
                             "--class-list", sitting["roster"], "--out", out, "--json")
    assert code == 1, err  # one mark awaits review
    assert (doc["sheets"], doc["read"]) == (5, 5)
    assert doc["duplicates"] == [] and doc["other_exam"] == [] and doc["unreadable"] == []
    (flag,) = doc["flagged"]
    assert flag["file"] == str(sitting["scan"]) and flag["page"] == 2
    assert (flag["candidate"], flag["question"], flag["reason"]) == ("20240002", "4", "faint")
    assert doc["unmatched"] == [{"candidate": "20240005", "file": str(sitting["photo"]),
                                 "page": 1, "message": "not on the class list"}]
    assert doc["absent"] == [{"candidate": "20249999", "name": "Absent Person"}]
    scores = {s["candidate"]: s for s in doc["scores"]}
    assert sorted(scores) == [f"2024000{k}" for k in range(1, 6)]
    for number, (form, answers) in sitting["answers"].items():
        s = scores[number]
        assert s["form"] == form
        if number == "20240002":
            assert s["pending"] == 1 and s["answers"]["4"] is None
            continue
        assert s["pending"] == 0
        assert s["answers"] == {str(k): v for k, v in answers.items()}
        assert s["total"] == expected_total(exam, form, answers)
    assert scores["20240001"]["name"] == "李明"
    for name in ("class_report.pdf", "results.csv", "items.csv", "result_slips.pdf",
                 "review_log.csv"):
        assert os.path.getsize(out / name) > 0, name
    slips = PdfReader(str(out / "result_slips.pdf"))
    assert len(slips.pages) == 5
    assert "成绩单" in slips.pages[0].extract_text()  # 李明's slip is in Chinese
    assert "Result slip" in slips.pages[1].extract_text()

    code, queue, _ = run_cli("exam", "review", exam.id, "--json")
    assert code == 1 and [e["id"] for e in queue["pending"]] == [flag["id"]]
    assert queue["pending"][0]["choices"] == list("ABCDE")
    code, _, err = run_cli("exam", "review", exam.id, "--resolve", f"{flag['id']}=Z")
    assert code == 3 and "letters among ABCDE" in err  # a wrong answer is refused
    right = sitting["answers"]["20240002"][1][4]
    code, queue, _ = run_cli("exam", "review", exam.id, "--resolve", f"{flag['id']}={right}",
                             "--json")
    assert code == 0 and queue["pending"] == []
    assert queue["decided"][0]["new"] == right and queue["decided"][0]["old"] is None

    code, doc, _ = run_cli("exam", "mark", exam.id, sitting["scan"], "--json")
    assert code == 0 and doc["flagged"] == []  # the decision stays: same file, same page
    s = {s["candidate"]: s for s in doc["scores"]}["20240002"]
    assert s["pending"] == 0 and s["answers"]["4"] == right
    assert s["total"] == expected_total(exam, "B", sitting["answers"]["20240002"][1])

    code, stats, _ = run_cli("exam", "stats", exam.id, "--json")
    assert code == 0 and stats["candidates"] == 5
    assert len(stats["items"]) == 12 and stats["items"][0]["number"] == 1
    assert {"p", "r_pb", "option_rates", "upper_rates", "issues"} <= set(stats["items"][0])
    assert "Haladyna" in stats["sources"]["nonfunctional"]
    assert [h["exam_id"] for h in stats["items"][0]["history"]] == [exam.id]
    # the results are kept with the items: each item's history across sittings
    from eduapp.marking import MarkingStore
    store = MarkingStore.open_in(os.environ["EDUAPP_DATA_DIR"])
    history = store.item_history(exam.items()[0].uid)
    store.close()
    assert history and history[-1]["exam_id"] == exam.id and history[-1]["n"] == 5


def test_duplicates_other_exams_and_bad_files_are_reported_by_name(sitting, run_cli, tmp_path):
    exam = sitting["exam"]
    copy = tmp_path / "again.pdf"
    copy.write_bytes(sitting["scan"].read_bytes())
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    code, doc, _ = run_cli("exam", "mark", exam.id, sitting["scan"], copy, broken, "--json")
    assert code == 1
    assert doc["errors"] and doc["errors"][0]["file"] == str(broken)
    dups = {d["candidate"]: d["sheets"] for d in doc["duplicates"]}
    assert sorted(dups) == ["20240001", "20240002", "20240003", "20240004"]
    assert {s["file"] for s in dups["20240001"]} == {str(sitting["scan"]), str(copy)}
    assert all(s["candidate"] not in dups for s in doc["scores"])  # not scored until fixed

    code, doc, _ = run_cli("exam", "review", exam.id, "--forget", copy, "--json")
    assert doc["forgotten"] == [{"file": str(copy), "pages": 4}]
    code, doc, _ = run_cli("exam", "mark", exam.id, sitting["scan"], "--json")
    assert doc["duplicates"] == [] and len(doc["scores"]) == 4
    code, doc, err = run_cli("exam", "review", exam.id, "--forget", copy)
    assert code == 3 and "no page of" in err
    code, doc, _ = run_cli("exam", "review", exam.id, "--candidate",
                           f"{sitting['scan']}:1=20240099", "--json")
    assert doc["decided"][0]["new"] == "20240099" and doc["decided"][0]["old"] is None
    code, doc, _ = run_cli("exam", "mark", exam.id, sitting["scan"], "--json")
    assert "20240099" in {s["candidate"] for s in doc["scores"]}
    code, _, err = run_cli("exam", "review", exam.id, "--candidate", "no-page-given")
    assert code == 2 and "FILE:PAGE=NUMBER" in err

    code, doc, err = run_cli("exam", "mark", 999, sitting["scan"], "--json")
    assert code == 3 and "no exam with id 999" in doc["error"]
    code, _, err = run_cli("exam", "mark", exam.id, tmp_path / "missing.png")
    assert code == 3 and "no such file" in (_ + err)


def test_stats_before_marking_says_so(sitting, run_cli):
    code, doc, _ = run_cli("exam", "stats", sitting["exam"].id, "--json")
    assert code == 3 and doc["candidates"] == 0
    code, _, err = run_cli("exam", "stats", sitting["exam"].id, "--p-band", "0.9", "0.1")
    assert code == 2 and "--p-band" in err


def test_build_records_the_scoring_rules_the_marking_uses(data_dir, run_cli, tmp_path):
    b = Bank.open_in(data_dir)
    fill_en(b)
    b.close()
    code, manifest, err = run_cli("exam", "build", "--query", "", "--count", "4", "--out",
                                  tmp_path / "e", "--negative-marking", "0.25",
                                  "--all-or-nothing", "--json")
    assert code == 0, err
    b = Bank.open_in(data_dir)
    exam = ExamStore(b).get(manifest["exam_id"])
    b.close()
    assert (exam.negative_marking, exam.multi_partial) == (0.25, False)
    code, _, err = run_cli("exam", "build", "--query", "", "--count", "4", "--out",
                           tmp_path / "f", "--negative-marking", "2")
    assert code == 2 and "--negative-marking" in err
