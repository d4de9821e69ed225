"""Collating pages into candidates (no images: pages as the reader reports them), the
review rules, and the class list."""

from __future__ import annotations

import pytest

from eduapp.errors import ImportFileError, ValidationError
from eduapp.exams import ExamStore
from eduapp.marking import Flag, MarkingService, MarkingStore, SheetRead, read_class_list
from tests.marking.conftest import make_exam


@pytest.fixture
def service(bank, data_dir):
    """A stored 130-question exam (two-page sheets, one form) and its marking service."""
    from tests.conftest import make_sba
    exam = make_exam(130, forms=1, multi_every=0)
    for unit in exam.sections[0].units:  # store the items so the exam can be stored
        item = unit.items[0]
        saved = bank.save_item(make_sba(item.stem, key=item.key_indices[0]))
        unit.items[0] = saved
    from eduapp.exams import make_forms
    make_forms(exam, 1)
    exam.id = None
    ExamStore(bank).save(exam)
    svc = MarkingService(bank, MarkingStore.open_in(data_dir))
    yield svc, exam
    svc.shutdown()


def page(exam, file, n, candidate, sheet_page, flags=(), answers=None):
    form = exam.form("A")
    numbers = [q.number for q in form.questions]
    half = numbers[:120] if sheet_page == 1 else numbers[120:]
    return SheetRead(file=file, page=n, exam_uid=exam.uid, form="A", candidate=candidate,
                     sheet_page=sheet_page, sheet_pages=2,
                     answers=answers if answers is not None else {k: "" for k in half},
                     flags=list(flags))


def test_missing_pages_duplicates_and_numbers_awaiting_review(service):
    svc, exam = service
    sitting = svc.store.sitting(exam.id, exam.uid, exam.title)
    svc.store.set_class_list(sitting, [{"candidate": "00000001", "name": "Ann", "language": ""},
                                       {"candidate": "3", "name": "Chen", "language": "zh"},
                                       {"candidate": "00000009", "name": "Ida", "language": ""}])
    reads = [page(exam, "a.pdf", 1, "00000001", 1), page(exam, "a.pdf", 2, "00000001", 2),
             page(exam, "a.pdf", 3, "00000002", 1),                      # page 2 missing
             page(exam, "b.pdf", 1, "00000003", 2), page(exam, "b.pdf", 2, "00000003", 1),
             page(exam, "b.pdf", 3, "00000003", 1),                      # page 1 twice
             page(exam, "c.pdf", 1, "0000?004", 1, flags=[Flag(
                 "candidate", "faint", choices=list("0123456789"), position=[4])]),
             SheetRead(file="c.pdf", page=2, status="other_exam", exam_uid="x" * 32),
             SheetRead(file="c.pdf", page=3, status="unreadable",
                       message="no EduApp sheet code (QR) could be read")]
    for r in reads:
        svc.store.save_sheet(sitting, r)
    res = svc.results(exam.id)
    assert (res.sheets, res.read) == (9, 7)
    assert res.missing_pages == [{"candidate": "00000002", "missing": [2],
                                  "present": [{"file": "a.pdf", "page": 3}]}]
    (dup,) = res.duplicates
    assert dup["candidate"] == "00000003" and len(dup["sheets"]) == 3
    assert res.other_exam == [{"file": "c.pdf", "page": 2, "exam": "x" * 32}]
    assert res.unreadable[0]["page"] == 3
    scores = {s.candidate: s for s in res.scores}
    assert scores["00000001"].pending == 0 and scores["00000001"].name == "Ann"
    assert scores["00000002"].pending == 10  # the questions of the missing page
    assert "00000003" not in scores  # a duplicate is not scored until fixed
    assert [u["candidate"] for u in res.unmatched] == ["00000002", None]
    # "3" on the class list is 00000003 on the sheet: present (if duplicated), not absent
    assert res.absent == [{"candidate": "00000009", "name": "Ida"}]
    assert not res.clean

    (entry,) = svc.review_queue(exam.id)
    assert entry.flag.question == "candidate"
    with pytest.raises(ValidationError, match="digits only"):
        svc.resolve(entry.flag.id, "0000x004")
    svc.resolve(entry.flag.id, "00000004", by="Dr Li")
    res = svc.results(exam.id)
    assert "00000004" in {s.candidate for s in res.scores}
    assert svc.review_log(exam.id)[0]["new"] == "00000004"
    # one of the duplicated sheets was someone else's: a person corrects the number
    with pytest.raises(ValidationError, match="digits only"):
        svc.correct_candidate(exam.id, "b.pdf", 3, "abc")
    svc.correct_candidate(exam.id, "b.pdf", 3, "00000005", by="Dr Li")
    svc.store.save_sheet(sitting, page(exam, "b.pdf", 3, "00000003", 1))  # read again
    res = svc.results(exam.id)
    assert res.duplicates == []
    assert {"00000003", "00000005"} <= {s.candidate for s in res.scores}
    assert svc.review_log(exam.id)[-1]["question"] == "candidate"
    assert svc.review_log(exam.id)[-1]["detected"] == "00000003"


def test_review_answers_are_checked_against_the_question(service):
    svc, exam = service
    sitting = svc.store.sitting(exam.id, exam.uid, exam.title)
    flags = [Flag("5", "double", choices=list("ABCDE"), detected="AC"),
             Flag("form", "form_mismatch", choices=list("ABCD"), detected="B")]
    svc.store.save_sheet(sitting, page(exam, "a.pdf", 1, "00000001", 1, flags=flags))
    five, form = svc.review_queue(exam.id)
    with pytest.raises(ValidationError, match="takes one answer"):
        svc.resolve(five.flag.id, "AC")
    with pytest.raises(ValidationError, match="letters among ABCDE"):
        svc.resolve(five.flag.id, "F")
    with pytest.raises(ValidationError, match="form is one of"):
        svc.resolve(form.flag.id, "AB")
    assert svc.resolve(five.flag.id, "c")["new"] == "C"
    assert svc.resolve(five.flag.id, "")["old"] == "C"  # decided again, logged again
    assert [e["new"] for e in svc.review_log(exam.id)] == ["C", ""]


@pytest.mark.parametrize("content,encoding", [
    ("准考证号,姓名,语言\n20240001,李明,zh\n20240002,Ann Lee,en\n", "utf-8-sig"),
    ("number;name\n20240001;李明\n20240002;Ann Lee\n", "gb18030"),
    ("name\tcandidate\n李明\t20240001\nAnn Lee\t20240002\n", "utf-8"),
])
def test_class_lists_in_the_shapes_schools_have_them(tmp_path, content, encoding):
    path = tmp_path / "class.csv"
    path.write_bytes(content.encode(encoding))
    rows = read_class_list(str(path))
    assert [(r["candidate"], r["name"]) for r in rows] == [("20240001", "李明"),
                                                           ("20240002", "Ann Lee")]


@pytest.mark.parametrize("content,message,line", [
    ("name\nAnn\n", "no candidate-number column", 1),
    ("candidate,name\n1,Ann\n1,Ben\n", "listed twice", 3),
    ("candidate,name\n,Ann\n", "without a candidate number", 2),
])
def test_bad_class_lists_are_refused_with_the_line(tmp_path, content, message, line):
    path = tmp_path / "class.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError, match=message) as e:
        read_class_list(str(path))
    assert e.value.line == line
