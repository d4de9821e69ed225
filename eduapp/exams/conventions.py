"""Question formats and the standard section headings, instructions and set labels.

Chinese headings and instructions (答题说明) follow the conventions of the 国家医学考试中心
(National Medical Examination Center) papers for the medical licensing exam: sections
by question type, numbered 一、二、三 ..., A1/A2 single best answer, A3/A4 case clusters
with a shared stem (``(1～3题共用题干)``), B1 shared options (``(4～6题共用备选答案)``),
X multiple response. English wording follows the NBME item-writing guide's formats
(single best answer, case clusters, extended matching).
"""

from __future__ import annotations

from ..domain import Item

#: Formats in print order. ``A1`` one-sentence SBA, ``A2`` case SBA (has a vignette),
#: ``A3/A4`` case set, ``B1`` shared-option set, ``X`` multiple response, ``TF`` true/false.
FORMATS = ("A1", "A2", "A3/A4", "B1", "X", "TF")

#: Exam-type labels (``Item.exam_type``) that select each format in blueprint sections.
FORMAT_ALIASES = {"A1": {"A1", "SBA", "MCQ"}, "A2": {"A2", "SBA", "MCQ"},
                  "A3/A4": {"A3", "A4", "A3/A4"}, "B1": {"B1", "EMQ"}, "X": {"X"},
                  "TF": {"TF"}}

CN_NUMERALS = "一二三四五六七八九十"

_ZH_TITLES = {"A1": "A1型题", "A2": "A2型题", "A3/A4": "A3/A4型题", "B1": "B1型题",
              "X": "X型题（多项选择题）", "TF": "判断题"}
_EN_TITLES = {"A1": "Single best answer questions", "A2": "Clinical vignette questions",
              "A3/A4": "Case-based question sets", "B1": "Extended matching questions",
              "X": "Multiple response questions", "TF": "True/false questions"}


def unit_format(items: list[Item], set_kind: str | None, set_exam_type: str = "") -> str:
    """The format (one of :data:`FORMATS`) of an exam unit.

    :param items: the unit's questions. :param set_kind: ``case``, ``shared_options`` or
        ``None`` for a lone item.
    """
    if set_kind == "case":
        return "A3/A4"
    if set_kind == "shared_options":
        return "B1"
    item = items[0]
    if item.type == "multi" or item.exam_type == "X":
        return "X"
    if item.type == "tf":
        return "TF"
    if item.exam_type == "A2" or (item.vignette.strip() and item.exam_type != "A1"):
        return "A2"
    return "A1"


def letters(n: int) -> str:
    """``A、B、C、D、E`` style list of the first ``n`` option letters (n >= 1)."""
    return "、".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:n])


def section_title(fmt: str, index: int, language: str, exam_types: set[str] = frozenset()) -> str:
    """The heading of a section of format ``fmt`` printed as the ``index``-th (zero-based).

    Chinese: ``一、A1型题``; an A3/A4 section whose sets are all A3 (or all A4) says so.
    English: ``Section 1. Single best answer questions``.
    """
    if language == "zh":
        title = _ZH_TITLES[fmt]
        if fmt == "A3/A4" and exam_types and exam_types <= {"A3"}:
            title = "A3型题"
        elif fmt == "A3/A4" and exam_types and exam_types <= {"A4"}:
            title = "A4型题"
        num = CN_NUMERALS[index] if index < len(CN_NUMERALS) else str(index + 1)
        return f"{num}、{title}"
    return f"Section {index + 1}. {_EN_TITLES[fmt]}"


def section_instructions(fmt: str, language: str, n_options: int = 5) -> str:
    """The standard instructions (答题说明) for a section of format ``fmt``.

    :param n_options: the largest option count in the section (the letters named).
    """
    if language == "zh":
        ls = letters(max(1, n_options))
        cnt = "五" if n_options == 5 else CN_NUMERALS[n_options - 1] if 0 < n_options <= 10 \
            else str(n_options)
        mark = "并在答题卡上将相应题号的相应字母所属的方框涂黑。"
        return {
            "A1": f"每一道考试题下面有{ls}{cnt}个备选答案。请从中选择一个最佳答案，{mark}",
            "A2": f"每一道考试题是以一个小案例出现的，其下面都有{ls}{cnt}个备选答案。"
                  f"请从中选择一个最佳答案，{mark}",
            "A3/A4": f"以下提供若干个案例，每个案例下设若干道考题。请根据案例所提供的信息，"
                     f"在每一道考题下面的{ls}{cnt}个备选答案中选择一个最佳答案，{mark}",
            "B1": f"以下提供若干组考题，每组考题共用在考题前列出的{ls}{cnt}个备选答案。"
                  f"请从中选择一个与问题关系最密切的答案，{mark}"
                  "某个备选答案可能被选择一次、多次或不被选择。",
            "X": f"每一道考试题下面有{ls}{cnt}个备选答案。请从中选择所有正确答案，{mark}"
                 "多选或少选均不得分。",
            "TF": f"判断下列说法是否正确，正确的涂A，错误的涂B，{mark}",
        }[fmt]
    return {
        "A1": "Each question is followed by lettered options. Choose the single best answer "
              "and fill in the matching bubble on the answer sheet.",
        "A2": "Each question begins with a short clinical case. Choose the single best "
              "answer and fill in the matching bubble on the answer sheet.",
        "A3/A4": "Each case is followed by several questions. Read the case, then choose "
                 "the single best answer to each question.",
        "B1": "Each group of questions shares the list of options printed above it. For "
              "each question choose the one option most closely related to it. An option "
              "may be used once, more than once, or not at all.",
        "X": "Each question has one or more correct answers. Fill in the bubble of every "
             "correct option; a question is scored only when all are right.",
        "TF": "Decide whether each statement is true (A) or false (B).",
    }[fmt]


def set_label(kind: str, first: int, last: int, language: str) -> str:
    """The label printed over an item set, with its 1-based question numbers:
    ``(1～3题共用题干)`` / ``(4～6题共用备选答案)`` in Chinese,
    ``Questions 1–3 refer to the following case.`` in English."""
    if language == "zh":
        shared = "题干" if kind == "case" else "备选答案"
        return f"（{first}～{last}题共用{shared}）"
    if kind == "case":
        return f"Questions {first}–{last} refer to the following case."
    return (f"Questions {first}–{last}: for each question choose the one most closely "
            "related option from the list below.")
