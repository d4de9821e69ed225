"""What reading a scanned answer sheet produces: :class:`SheetRead` per scanned page, with
:class:`Flag` for every mark a person must look at, and the review reasons.

Question numbers are the 1-based numbers printed on the form; ``candidate`` is a string
of digits; letters are the printed option letters (``"B"``, ``"AD"`` for multiple
response; ``""`` for a blank answer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Why a mark awaits review, with how the review screen and the reports word it.
REASONS = {
    "faint": ("a faint mark: too light to count as an answer, too dark to ignore",
              "填涂过浅：不足以计为作答，又不能忽略"),
    "erased": ("a light mark beside a clear one: probably erased, not cleanly",
               "疑似擦除不净：浅色痕迹旁另有清晰填涂"),
    "double": ("two or more marks where one answer is allowed", "单选题填涂了两个或更多选项"),
    "outside": ("pencil outside the bubbles of this row", "本行圆圈外有铅笔痕迹"),
    "corrected": ("a candidate number corrected by a person", "人工更正的准考证号"),
    "no_candidate": ("no candidate number is bubbled", "未填涂准考证号"),
    "blank_digit": ("a digit of the candidate number is not bubbled", "准考证号有一位未填涂"),
    "form_mismatch": ("the form bubbled differs from the form the sheet was printed for",
                      "填涂的试卷类型与答题卡印制的类型不一致"),
}

#: Status of a scanned page.
READ, UNREADABLE, OTHER_EXAM = "read", "unreadable", "other_exam"


def reason_text(reason: str, language: str = "en") -> str:
    """A review reason as a sentence in ``language`` (``en``/``zh``); unknown codes as is."""
    en, zh = REASONS.get(reason, (reason, reason))
    return zh if language == "zh" else en


@dataclass
class Flag:
    """A mark that awaits a person's decision.

    :ivar question: the printed question number as text (``"12"``), ``"candidate"`` or
        ``"form"``.
    :ivar reason: a key of :data:`REASONS`.
    :ivar choices: what the reviewer may pick from (letters, or digits ``0``-``9`` per
        candidate-number position).
    :ivar detected: the reader's view, e.g. ``"B"`` for clear marks, with doubtful ones
        in brackets: ``"B [D]"``.
    :ivar levels: the darkness of each bubble above the page's blank level, 0..1, in
        ``choices`` order (per digit for the candidate number: the ten levels of each
        doubtful position, concatenated).
    :ivar crop: PNG bytes of the row (or candidate-number block) as scanned.
    :ivar position: for ``candidate``, the zero-based digit positions in doubt.
    :ivar multiple: the question takes more than one letter (multiple response).
    :ivar id: the stored flag's id once saved; :ivar resolution: the reviewer's answer
        (letters, ``""`` for blank, or the full candidate number / form letter), ``None``
        while it awaits review.
    """

    question: str
    reason: str
    choices: list[str] = field(default_factory=list)
    detected: str = ""
    levels: list[float] = field(default_factory=list)
    crop: bytes = b""
    position: list[int] = field(default_factory=list)
    multiple: bool = False
    id: int | None = None
    resolution: str | None = None

    def to_dict(self) -> dict:
        """JSON-safe, without the crop."""
        return {"id": self.id, "question": self.question, "reason": self.reason,
                "choices": self.choices, "detected": self.detected,
                "levels": [round(x, 3) for x in self.levels], "position": self.position,
                "multiple": self.multiple,
                "resolution": self.resolution}


@dataclass
class SheetRead:
    """One scanned page as read.

    :ivar file: the scan file as given; :ivar page: 1-based page in that file.
    :ivar status: ``read``, ``unreadable`` (no sheet code or registration marks; see
        ``message``) or ``other_exam`` (a sheet of another exam: ``exam_uid`` says which).
    :ivar form: the form the sheet was printed for (from its QR code).
    :ivar form_bubbled: the form letter the candidate bubbled, or ``None`` (blank).
    :ivar sheet_page: / :ivar sheet_pages: which page of the answer sheet this is (1-based).
    :ivar candidate: the candidate number, ``None`` when none was bubbled; ``?`` stands
        for each digit awaiting review.
    :ivar answers: printed question number -> letters (``""`` blank) for every row read
        cleanly; a row awaiting review is absent here and has a :class:`Flag`.
    :ivar rotation: how the page lay in the scan, degrees (0, 90, 180, 270, nearest).
    :ivar seconds: time spent reading it.
    """

    file: str
    page: int
    status: str = READ
    message: str = ""
    exam_uid: str = ""
    form: str = ""
    form_bubbled: str | None = None
    sheet_page: int = 1
    sheet_pages: int = 1
    candidate: str | None = None
    answers: dict[int, str] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    rotation: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        """JSON-safe (answers keyed by question number as text), flags without crops."""
        return {"file": self.file, "page": self.page, "status": self.status,
                "message": self.message, "exam_uid": self.exam_uid, "form": self.form,
                "form_bubbled": self.form_bubbled, "sheet_page": self.sheet_page,
                "sheet_pages": self.sheet_pages, "candidate": self.candidate,
                "answers": {str(k): v for k, v in sorted(self.answers.items())},
                "flags": [f.to_dict() for f in self.flags], "rotation": self.rotation}

    @classmethod
    def from_dict(cls, d: dict) -> "SheetRead":
        return cls(file=d["file"], page=int(d["page"]), status=d.get("status", READ),
                   message=d.get("message", ""), exam_uid=d.get("exam_uid", ""),
                   form=d.get("form", ""), form_bubbled=d.get("form_bubbled"),
                   sheet_page=int(d.get("sheet_page", 1)),
                   sheet_pages=int(d.get("sheet_pages", 1)), candidate=d.get("candidate"),
                   answers={int(k): v for k, v in (d.get("answers") or {}).items()},
                   rotation=int(d.get("rotation", 0)))


#: Why a sheet page could not be used, as :attr:`SheetRead.message` stores it (English,
#: kept in ``marking.sqlite``): ``pattern -> (English, Chinese)`` templates over the
#: pattern's named groups. :func:`describe_sheet_message` words a stored message.
SHEET_TEXT: tuple[tuple[str, str, str], ...] = (
    (r"no EduApp sheet code \(QR\) could be read",
     "no EduApp sheet code (QR) could be read", "无法读取 EduApp 答题卡的二维码"),
    (r"a sheet of another exam \((?P<exam>.*)\)",
     "a sheet of another exam ({exam})", "这是另一场考试的答题卡（{exam}）"),
    (r"the exam has no form (?P<form>\S+)",
     "the exam has no form {form}", "这份考试没有 {form} 卷"),
    (r"form (?P<form>\S+) of the exam was made again after this sheet was printed; its "
     r"questions no longer match the sheet",
     "form {form} of the exam was made again after this sheet was printed; its questions no "
     "longer match the sheet", "本答题卡印出后，{form} 卷又重新生成过，题目已与答题卡不符"),
    (r"the sheet has no page (?P<page>\S+)",
     "the sheet has no page {page}", "答题卡没有第 {page} 页"),
    (r"the sheet code's corners are not usable",
     "the sheet code's corners are not usable", "答题卡二维码的角点无法使用"),
    (r"the registration marks in the corners could not be found",
     "the registration marks in the corners could not be found", "找不到答题卡四角的定位标记"),
)


def describe_sheet_message(message: str, language: str = "en") -> str:
    """A stored :attr:`SheetRead.message` in ``language`` (``en``/``zh``); a message that
    matches none of :data:`SHEET_TEXT` is returned as stored."""
    import re
    for pattern, en, zh in SHEET_TEXT:
        m = re.fullmatch(pattern, message or "")
        if m:
            return (zh if language == "zh" else en).format(**m.groupdict())
    return message
