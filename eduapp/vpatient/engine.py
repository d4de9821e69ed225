"""The encounter: one student with one virtual patient, from the opening line to the score.

An :class:`Encounter` keeps the transcript, the facts revealed, the examinations and
orders, the simulated clock (minutes), the cost and the patient's state, and applies the
case's rules after every action (OpenLabyrinth-style: "60 minutes without reperfusion ->
shock", "PCI done -> reperfused"). Who voices the patient is pluggable: the offline
:class:`OfflinePatient` (the matcher; the main engine) or the LLM role-play patient of
:mod:`.roleplay`, which falls back to the offline one and whose answers pass the leak
guard.

Simulated time (minutes): a question 1, an examination its ``minutes``, placing an order 1
(its result comes back ``minutes`` later: results are delivered when the clock passes
that point, or by :meth:`Encounter.wait`), a diagnosis or plan 1. Real time is kept too
(``elapsed_seconds``), for the records.

Not thread-safe: one encounter belongs to one thread at a time (the GUI drives it through
its Op helper, one action after another).
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field
from typing import Callable, Protocol

from rapidfuzz import fuzz

from .matcher import Match, Matcher, is_open_question
from .model import CaseScript, ExamFinding, Investigation
from .text import is_chinese, normalise, split_list

__all__ = ["Turn", "Reply", "PatientVoice", "OfflinePatient", "Encounter", "stock_line",
           "match_terms", "step_credit", "labelled", "is_open_opening", "ROLE_BREAK"]

QUESTION_MINUTES = 1.0
ORDER_MINUTES = 1.0
DECISION_MINUTES = 1.0

_STOCK = {
    "unsure": ("Sorry, I'm not sure what you mean.", "不好意思，您说的我不太明白。"),
    "clarify": ("Sorry, which do you mean? Could you ask me about one thing at a time?",
                "不好意思，您问的是哪一方面？能一样一样地问吗？"),
    "negative": ("No, nothing like that.", "没有，没这种情况。"),
    "greeting": ("Hello, doctor.", "医生好。"),
    "summary": ("Yes, that's right.", "对，是这样的。"),
    "closing": ("No, I think that's everything.", "没有了，就这些。"),
    "empathy": ("Thank you.", "谢谢医生。"),
    "explanation": ("All right.", "好的。"),
    "refuse": ("I'm sorry, I don't know about that. You're the doctor.",
               "这个我不清楚，您是医生呀。"),
    # a clear question about something the script does not hold (pets, hobbies, blood
    # group): no fact is invented, and the patient does not pretend not to understand
    "unknown": ("I don't think that's got anything to do with this, doctor.",
                "这个跟这次生病应该没什么关系吧。"),
}

#: Attempts to take the patient out of role or to get the script: answered with the
#: persona's refusal line, never with script content (offline and LLM alike).
ROLE_BREAK = re.compile(
    r"(ignore (all |your |the |previous |prior )*(instructions|rules|prompt)|system prompt|"
    r"your (instructions|prompt|rules|script)|you are (an? )?(ai|language model|chatbot|"
    r"assistant)|are you (an? )?(ai|bot|robot|language model)|developer mode|jailbreak|"
    r"(what|tell me)('?s| is)? (my|your|the) (final |real |actual )?diagnos|"
    r"what (do i|do you) have\s*\??\s*$|what disease|print (your|the)|reveal (the|your)|"
    r"case script|answer key|checklist|pretend (to be|you are)|act as|"
    r"忽略|无视|忘掉.*(指令|规则|设定)|系统提示|提示词|你的指令|你的设定|你是(不是)?(ai|人工智能|机器人|模型)|"
    r"诊断是什么|什么诊断|我得了什么病|你得了什么病|你是什么病|告诉我诊断|剧本|病例脚本|评分表|答案)",
    re.IGNORECASE)


def stock_line(case: CaseScript, kind: str) -> str:
    """The patient's stock reply ``kind`` (``unsure``, ``clarify``, ``negative``, ``greeting``,
    ``summary``, ``closing``, ``empathy``, ``explanation``, ``refuse``, ``unknown``): the case's own
    line, else the default in the case language."""
    own = getattr(case.lines, kind, "")
    if own:
        return own
    en, zh = _STOCK[kind]
    return zh if case.language == "zh" else en


def _t(case: CaseScript, en: str, zh: str) -> str:
    return zh if case.language == "zh" else en


def labelled(case: CaseScript, name: str, text: str) -> str:
    """``text`` (a result or finding) under its test or examination ``name``, punctuated
    in the case language ("ECG: ST elevation", "血常规：WBC 12.5"); a text that already
    starts with the name ("静脉血糖 29.8 mmol/L") is shown as it is, not labelled twice."""
    body = text.strip()
    head = normalise(name).replace(" ", "")
    if head and normalise(body).replace(" ", "").startswith(head):
        return body
    return f"{name}：{body}" if case.language == "zh" else f"{name}: {body}"


@dataclass
class Turn:
    """One line of the transcript.

    :ivar role: ``student``, ``patient`` or ``system``.
    :ivar kind: ``question``, ``answer``, ``exam``, ``order``, ``result``, ``diagnosis``,
        ``plan``, ``state``, ``note``.
    :ivar minutes: simulated minutes since the start when it happened.
    :ivar seconds: real seconds since the start.
    :ivar facts: fact ids revealed by this turn (patient answers).
    :ivar by: who produced a patient answer: ``offline``, ``llm`` or ``guard`` (an LLM
        answer replaced by the leak guard).
    """

    role: str
    text: str
    kind: str = "note"
    minutes: float = 0.0
    seconds: float = 0.0
    facts: list[str] = field(default_factory=list)
    by: str = ""

    def to_dict(self) -> dict:
        """The JSON shape (``role`` and ``text`` first, as the CLI contract shows)."""
        return asdict(self)


@dataclass
class Reply:
    """A patient's answer: ``text``, the fact ids it reveals, how it was matched, and who
    produced it (``offline``/``llm``/``guard``); ``guarded`` holds why the leak guard
    replaced an LLM answer."""

    text: str
    facts: list[str]
    match: Match
    by: str = "offline"
    guarded: str = ""


class PatientVoice(Protocol):
    """Anything that answers a student's question for an encounter."""

    def answer(self, encounter: "Encounter", question: str) -> Reply: ...


class OfflinePatient:
    """The offline patient: answers from the script through the :class:`Matcher`."""

    def answer(self, encounter: "Encounter", question: str) -> Reply:
        """The script's answer(s) to ``question``, a stock line, or a refusal for an
        attempt to break the role."""
        return offline_reply(encounter.case, encounter.matcher, question)


def offline_reply(case: CaseScript, matcher: Matcher, question: str) -> Reply:
    """The offline answer to ``question`` (see :class:`OfflinePatient`)."""
    m = matcher.match(question)
    if ROLE_BREAK.search(question):
        return Reply(stock_line(case, "refuse"), [], m)
    if m.kind == "fact":
        return Reply(" ".join(case.fact(f).answer for f in m.fact_ids), list(m.fact_ids), m)
    if m.kind == "negative":
        return Reply(stock_line(case, "negative"), [], m)
    if m.kind == "builtin":
        p = case.patient
        age = f"{p.age:g}"
        if m.denied == "informant":
            text = _t(case, f"I'm {p.name}'s {p.persona.informant}.",
                      f"我是{p.name}的{p.persona.informant}。")
        elif m.denied == "occupation":
            text = _t(case, f"I'm a {p.occupation}.", f"我是{p.occupation}。")
        elif p.persona.informant:
            text = _t(case, f"{p.name}, {age} years old.", f"他叫{p.name}，{age}岁。")
        else:
            text = _t(case, f"I'm {p.name}, I'm {age}.", f"我叫{p.name}，今年{age}岁。")
        return Reply(text, [], m)
    if m.kind == "skill":
        for skill, line in (("closing", "closing"), ("summary", "summary"),
                            ("empathy", "empathy"), ("explanation", "explanation"),
                            ("offer", "explanation"),
                            ("introduction", "greeting")):
            if skill in m.skills:
                return Reply(stock_line(case, line), [], m)
    # two facts scored too close to choose: ask what is meant rather than guess; a part
    # of the history the script does not hold: no fact, and no feigned confusion
    kind = "clarify" if m.candidates else "unknown" if m.denied else "unsure"
    return Reply(stock_line(case, kind), [], m)


#: Words that may come before the question itself ("So, what's been going on?", "Okay,
#: how can I help?", "Hi there, I'm Dr Li, so what brings you in?") and contractions
#: students type without the apostrophe ("whats", "hows").
_FILLERS = frozenset("so ok okay right well and now alright all um uh er erm hi hello hey "
                     "there then good morning afternoon evening yes yeah sure great thanks "
                     "thank you".split())
_CONTRACTIONS = {"whats": "what is", "hows": "how is", "wheres": "where is",
                 "whens": "when is", "whys": "why is"}
_MARKER = re.compile(r"\b(?:so|and|now|okay|ok|well|right)\s+(?=(?:what|how|tell|can you tell|"
                     r"could you tell|talk|walk|describe)\b)")


def is_open_opening(question: str) -> bool:
    """Whether ``question`` is (or holds) an open question: it invites the patient to tell
    their story ("What brings you in?", "So whats been going on", "Tell me what
    happened", 哪里不舒服, 您说说怎么回事) rather than asking yes or no.

    Each sentence or comma-separated clause is tried after leading discourse markers and
    greetings are dropped ("so", "okay", "right", "hi there") and apostrophe-less
    contractions are spelt out ("whats" -> "what is"); a clause that introduces the
    student and then asks ("I'm Dr Li so what brings you in") is tried from the question
    word. The open/closed test itself is :func:`~eduapp.vpatient.matcher.is_open_question`
    (question words, 吗/有没有 for yes/no). Source of the rule: the Calgary-Cambridge
    guide's "open to closed cone"; 问诊技巧 of the licensing exam (先开放式提问).
    """
    if is_open_question(question):
        return True
    for clause in re.split(r"[.?!。？！;；,，]", question):
        words = normalise(clause).split()
        while words and words[0] in _FILLERS:
            words.pop(0)
        words = " ".join(_CONTRACTIONS.get(w, w) for w in words).split()
        text = " ".join(words)
        if not text:
            continue
        if is_open_question(text):
            return True
        m = _MARKER.search(text)
        if m and is_open_question(text[m.end():]):
            return True
    return False


#: Words a student should not use with a patient (问诊技巧: 不用医学术语).
JARGON = re.compile(
    r"\b(dyspno?ea|orthopno?ea|paroxysmal nocturnal|pnd|ha?emoptysis|mela?ena|syncope|"
    r"photophobia|polyuria|polydipsia|dysuria|ha?ematuria|diaphoresis|rhinorrho?ea|"
    r"ha?ematemesis|pruritus|exertional|radiation|radiate|nocturia|claudication|"
    r"pleuritic|tenesmus|icterus|rigors?)\b|"
    r"端坐呼吸|夜间阵发性|咯血|呕血|里急后重|畏光|颈项强直|放射痛|转移性|麦氏点|反跳痛|三凹征|"
    r"发绀|谵妄|晕厥|心悸|多饮|多尿|尿频|尿急|尿痛|盗汗|既往史|现病史|主诉|家族史|个人史|黄疸",
    re.IGNORECASE)


def match_terms(text: str, terms: list[str]) -> str:
    """The first of ``terms`` that ``text`` names, or ``""``.

    English terms match whole words (``mi`` does not match "mild"); terms of six or more
    letters also match with rapidfuzz similarity >= 90 (spelling slips); Chinese terms
    match as written. Negated mentions still count (a leak guard must not be talked round).

    :param text: what a student or the model wrote.
    :param terms: names and synonyms, any language.
    """
    norm = normalise(text)
    nospace = norm.replace(" ", "")
    words = norm.split()
    for term in terms:
        t = normalise(term)
        if not t:
            continue
        if is_chinese(t):
            if t.replace(" ", "") in nospace:
                return term
        elif re.search(rf"(?<![a-z0-9]){re.escape(t)}(?![a-z0-9])", norm):
            return term
        elif len(t) >= 6:
            n = len(t.split())
            grams = [" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))]
            if any(fuzz.ratio(t, g) >= 90 for g in grams):
                return term
    return ""


def step_credit(step, plan: str) -> float:
    """How much of management ``step`` the ``plan`` text covers, 0..1.

    A step with ``elements`` (essential parts, each a list of alternative terms) earns
    the share of parts the plan names: "GTN and IV morphine" against "GTN and IV morphine
    with an antiemetic" (three parts) earns 2/3. A step without elements earns 1 when its
    name or any synonym is named, else 0. Terms match as :func:`match_terms` says.
    """
    if step.elements:
        named = sum(1 for part in step.elements if part and match_terms(plan, part))
        return named / len(step.elements)
    return 1.0 if match_terms(plan, [step.name, *step.synonyms]) else 0.0


class Encounter:
    """A student's encounter with a case; see the module docstring.

    :param case: a validated :class:`CaseScript`.
    :param patient: who answers (default :class:`OfflinePatient`).
    :param clock: real-time source in seconds (``time.monotonic``; tests pass a fake).
    :param matcher: a :class:`Matcher` to share (default: one made for ``case``).
    :param judge: ``judge(case, text) -> (correct, reason)`` for a diagnosis the synonyms
        do not match (an LLM judgement, :func:`~eduapp.vpatient.roleplay.judge_diagnosis`);
        its failures leave the synonym verdict.
    :param plan_judge: ``plan_judge(case, plan, missing_ids) -> {id: reason}`` for
        management steps the synonyms do not find
        (:func:`~eduapp.vpatient.roleplay.judge_plan`); its failures are ignored.

    ::

        enc = Encounter(case)
        enc.ask("What brings you in today?")
        enc.examine("cardiovascular"); enc.order("ECG")
        enc.diagnose("Anterior STEMI; differential aortic dissection")
        enc.plan("aspirin 300 mg, ticagrelor, primary PCI")
        report = enc.finish()
    """

    def __init__(self, case: CaseScript, patient: PatientVoice | None = None, *,
                 clock: Callable[[], float] = time.monotonic, matcher: Matcher | None = None,
                 judge: Callable[[CaseScript, str], tuple[bool, str]] | None = None,
                 plan_judge: Callable[[CaseScript, str, list[str]], dict] | None = None):
        self.case = case
        self.matcher = matcher or Matcher(case)
        self.patient = patient or OfflinePatient()
        self._clock = clock
        self._t0 = clock()
        self.started_at = time.time()
        self.finished_at: float | None = None
        self.transcript: list[Turn] = []
        self.revealed: list[str] = []
        self.done: set[str] = set()
        self.minutes = 0.0
        self.cost = 0.0
        self.questions = 0
        self.unsure = 0
        self.exams: list[str] = []
        self.orders: list[dict] = []
        self.pending: list[tuple[float, str, str]] = []  # (ready at, name, result text)
        self.counters: dict[str, float] = {}
        self.fired: set[str] = set()
        self.state = case.initial_state
        self.diagnosis_text = ""
        self.diagnosis_correct = False
        self.diagnosis_reason = ""
        self.judge = judge
        self.plan_judge = plan_judge
        self.plan_reasons: dict[str, str] = {}
        self.plan_credit: dict[str, float] = {}  # step id -> 0..1 of a partly named step
        self.plan_texts: list[str] = []
        self.guarded: list[dict] = []
        self.jargon: list[str] = []
        self._first_question = True
        self._add("system", _t(case, f"{case.patient.setting}. {self._intro()}",
                               f"{case.patient.setting}。{self._intro()}"), "note")
        self._add("patient", case.opening, "answer", by="script")
        if self.state:
            st = case.state(self.state)
            if st.vitals:
                self._add("system", _t(case, f"Observations: {st.vitals}",
                                       f"生命体征：{st.vitals}"), "state")

    # ---------------------------------------------------------------- helpers

    def _intro(self) -> str:
        p = self.case.patient
        who = f"{p.name}, {p.age:g}, {p.sex}" if self.case.language != "zh" else \
            f"{p.name}，{p.age:g} 岁，{p.sex}"
        if p.persona.informant:
            who += _t(self.case, f" (history from the {p.persona.informant})",
                      f"（{p.persona.informant}代诉）")
        return who

    @property
    def elapsed_seconds(self) -> float:
        """Real seconds since the encounter started."""
        return self._clock() - self._t0

    def _add(self, role: str, text: str, kind: str, facts=None, by: str = "") -> Turn:
        turn = Turn(role, text, kind, round(self.minutes, 2), round(self.elapsed_seconds, 2),
                    list(facts or []), by)
        self.transcript.append(turn)
        return turn

    def _tick(self, minutes: float) -> list[Turn]:
        """Advance the clock, deliver results that are ready, apply the rules."""
        self.minutes += minutes
        out = []
        for ready, name, result in sorted(self.pending):
            if ready <= self.minutes + 1e-9:
                self.pending.remove((ready, name, result))
                out.append(self._add("system", labelled(self.case, name, result), "result"))
        out += self._apply_rules()
        return out

    def _apply_rules(self) -> list[Turn]:
        out: list[Turn] = []
        changed = True
        while changed:
            changed = False
            for rule in self.case.rules:
                if rule.id in self.fired or not self._holds(rule.when):
                    continue
                self.fired.add(rule.id)
                changed = True
                for name, delta in rule.then.counters.items():
                    self.counters[name] = self.counters.get(name, 0) + delta
                if rule.then.message:
                    out.append(self._add("system", rule.then.message, "state"))
                if rule.then.goto and rule.then.goto != self.state:
                    self.state = rule.then.goto
                    self.done.add(f"state:{self.state}")
                    st = self.case.state(self.state)
                    if st.vitals:
                        out.append(self._add("system", _t(self.case, f"Observations: {st.vitals}",
                                                          f"生命体征：{st.vitals}"), "state"))
                    if st.patient_says:
                        out.append(self._add("patient", st.patient_says, "answer", by="script"))
        return out

    def _holds(self, c) -> bool:
        if c.state and c.state != self.state:
            return False
        if c.minutes_at_least is not None and self.minutes < c.minutes_at_least:
            return False
        if any(r not in self.done for r in c.done):
            return False
        if any(r in self.done for r in c.not_done):
            return False
        return all(self.counters.get(k, 0) >= v for k, v in c.counters_at_least.items())

    # ---------------------------------------------------------------- interview

    def with_volunteered(self, fact_ids: list[str]) -> list[str]:
        """``fact_ids`` and, after each, the facts its answer also tells (its ``reveals``,
        one level: what the patient said, not what that would have led to), in order,
        without repeats; unknown ids are kept as they are."""
        out: list[str] = []
        for f in fact_ids:
            try:
                extra = self.case.fact(f).reveals
            except KeyError:
                extra = []
            for g in [f, *extra]:
                if g not in out:
                    out.append(g)
        return out

    def ask(self, question: str) -> tuple[Reply, list[Turn]]:
        """The student asks ``question``; the patient answers.

        :returns: the reply, and the turns added after it (results that came back, state
            changes).
        :raises ValueError: an empty question.
        """
        question = question.strip()
        if not question:
            raise ValueError("empty question")
        self.questions += 1
        self._add("student", question, "question")
        if JARGON.search(question):
            self.jargon.append(question)
        reply = self.patient.answer(self, question)
        if self._first_question:
            # the first question after any greeting: "Hello, I'm Dr Li." alone does not
            # use up the opening
            # (nor does asking leave to ask: "Is it ok if I ask you some questions?")
            greeting_only = (reply.match.kind in ("skill", "unsure") and not reply.facts
                             and reply.match.skills
                             and set(reply.match.skills) <= {"introduction", "offer"})
            if is_open_opening(question):
                self.done.add("skill:open_question")
                self._first_question = False
            elif not greeting_only:
                self._first_question = False
        for skill in reply.match.skills:
            self.done.add(f"skill:{skill}")
        # a clear question about something the script does not hold (pets, insurance)
        # was understood: it is not counted as "not understood" in the debrief
        if reply.match.kind == "unsure" and not reply.facts and not reply.match.denied:
            self.unsure += 1
        for f in self.with_volunteered(reply.facts):
            if f not in self.revealed:
                self.revealed.append(f)
            self.done.add(f"fact:{f}")
        if reply.guarded:
            self.guarded.append({"question": question, "reason": reply.guarded})
        self._add("patient", reply.text, "answer", reply.facts, reply.by)
        return reply, self._tick(QUESTION_MINUTES)

    # ---------------------------------------------------------------- examination

    def exam_menu(self) -> list[ExamFinding]:
        """The examinations the script lists, in order (the GUI's menu)."""
        return list(self.case.exam)

    def find_exam(self, text: str) -> ExamFinding | None:
        """The listed examination ``text`` names (id, system, name or keyword), if any."""
        t = normalise(text)
        for e in self.case.exam:
            names = [e.id, e.system, e.name, *e.keywords]
            if any(t == normalise(n) for n in names):
                return e
        for e in self.case.exam:
            if match_terms(text, [e.name, *e.keywords]) or \
                    any(normalise(n) and normalise(n) in t for n in (e.system, e.id)):
                return e
        return None

    def examine(self, text: str) -> list[Turn]:
        """Examine ``text`` (a system or examination name, either language).

        An examination the script does not list is reported normal or not available, as
        the script says. :returns: the turns added.
        """
        self._add("student", _t(self.case, f"Examine: {text}", f"查体：{text}"), "exam")
        e = self.find_exam(text)
        if e is None:
            if self.case.exam_unlisted == "normal":
                result = _t(self.case, f"{text}: no abnormality found.", f"{text}：未见异常。")
            else:
                result = _t(self.case, f"{text}: not available here.", f"{text}：无法进行该检查。")
            turn = self._add("system", result, "exam")
            return [turn] + self._tick(2)
        st = self.case.state(self.state) if self.state else None
        finding = (st.exam.get(e.id) if st else None) or e.finding
        self.exams.append(e.id)
        self.done.add(f"exam:{e.id}")
        self.cost += e.cost
        turn = self._add("system", labelled(self.case, e.name, finding), "exam")
        return [turn] + self._tick(e.minutes)

    # ---------------------------------------------------------------- investigations

    def investigation_menu(self) -> list[Investigation]:
        """The investigations the script lists (the GUI's menu)."""
        return list(self.case.investigations)

    def find_investigation(self, text: str) -> Investigation | None:
        """The listed investigation ``text`` names (id, name or synonym), if any."""
        t = normalise(text)
        for i in self.case.investigations:
            if any(t == normalise(n) for n in [i.id, i.name, *i.synonyms]):
                return i
        for i in self.case.investigations:
            if match_terms(text, [i.name, *i.synonyms]):
                return i
        return None

    def order(self, text: str) -> list[Turn]:
        """Order the test ``text``; its result comes back after its turnaround.

        An unlisted test is reported normal or not available, as the script says.
        :returns: the turns added (the order, and anything that came back meanwhile).
        """
        self._add("student", _t(self.case, f"Order: {text}", f"开检查：{text}"), "order")
        inv = self.find_investigation(text)
        if inv is None:
            available = self.case.investigation_unlisted == "normal"
            self.orders.append({"id": None, "name": text, "cost": 0, "minutes": 0,
                                "ordered_at": self.minutes, "listed": False})
            result = (_t(self.case, f"{text}: within normal limits.", f"{text}：未见异常。")
                      if available else
                      _t(self.case, f"{text}: not available here.", f"{text}：本院无法开展该检查。"))
            turn = self._add("system", result, "result")
            return [turn] + self._tick(ORDER_MINUTES)
        repeat = f"investigation:{inv.id}" in self.done
        self.done.add(f"investigation:{inv.id}")
        self.cost += inv.cost
        self.orders.append({"id": inv.id, "name": inv.name, "cost": inv.cost,
                            "minutes": inv.minutes, "ordered_at": self.minutes, "listed": True,
                            "repeat": repeat})
        self.pending.append((self.minutes + inv.minutes, inv.name, inv.result))
        unit = f" {self.case.currency}" if self.case.currency else ""
        turn = self._add("system", _t(
            self.case,
            f"{inv.name} ordered (cost {inv.cost:g}{unit}); result in {inv.minutes:g} min.",
            f"已开具{inv.name}（费用 {inv.cost:g}{unit}），约 {inv.minutes:g} 分钟后出结果。"), "order")
        return [turn] + self._tick(ORDER_MINUTES)

    def wait(self, minutes: float) -> list[Turn]:
        """Let ``minutes`` of simulated time pass (waiting for results).

        :raises ValueError: a negative or non-finite time.
        """
        if not (0 <= minutes < 10000):
            raise ValueError("minutes must be between 0 and 10000")
        self._add("system", _t(self.case, f"{minutes:g} minutes pass.", f"过了 {minutes:g} 分钟。"),
                  "note")
        return self._tick(minutes)

    # ---------------------------------------------------------------- decisions

    def diagnose(self, text: str) -> list[Turn]:
        """Submit a leading diagnosis and, after it (separated by ``;`` ``,`` or newlines),
        a differential. The first part is matched against the diagnosis and its synonyms;
        every part against the differential.

        :returns: the turns added.
        """
        self._add("student", _t(self.case, f"Diagnosis: {text}", f"诊断：{text}"), "diagnosis")
        self.diagnosis_text = text
        parts = split_list(text)
        lead = parts[0] if parts else ""
        dx = self.case.diagnosis
        self.diagnosis_correct = bool(lead and match_terms(lead, [dx.name, *dx.synonyms]))
        self.diagnosis_reason = "synonym" if self.diagnosis_correct else ""
        if not self.diagnosis_correct and lead and self.judge is not None:
            from ..errors import EduAppError
            try:
                self.diagnosis_correct, self.diagnosis_reason = self.judge(self.case, lead)
            except EduAppError as e:
                self.diagnosis_reason = f"not judged: {e}"
        if self.diagnosis_correct:
            self.done.add("diagnosis")
        for part in parts[1:] if self.diagnosis_correct else parts:
            for n, d in enumerate(self.case.differential):
                if match_terms(part, [d.name, *d.synonyms]):
                    self.done.add(f"differential:{n}")
        turn = self._add("system", _t(self.case, "Diagnosis recorded.", "诊断已记录。"),
                         "diagnosis")
        return [turn] + self._tick(DECISION_MINUTES)

    def plan(self, text: str) -> list[Turn]:
        """Submit management steps (all plans of the encounter count together). A step
        without ``elements`` is done when its name or a synonym is named; a step with
        ``elements`` is done when every element is named and otherwise earns the named
        share (:func:`step_credit`, kept in ``plan_credit``). Rules that wait for a step
        fire once it is done. :returns: the turns added."""
        self._add("student", _t(self.case, f"Plan: {text}", f"处理：{text}"), "plan")
        self.plan_texts.append(text)
        everything = "\n".join(self.plan_texts)  # a plan may come in several parts
        for m in self.case.management:
            if f"management:{m.id}" in self.done:
                continue
            share = step_credit(m, everything)
            if share >= 1.0:
                self.done.add(f"management:{m.id}")
                self.plan_reasons.setdefault(m.id, "synonym")
                self.plan_credit.pop(m.id, None)
            elif share > 0:
                self.plan_credit[m.id] = share
        missing = [m.id for m in self.case.management if f"management:{m.id}" not in self.done]
        if missing and self.plan_judge is not None:
            from ..errors import EduAppError
            try:
                judged = self.plan_judge(self.case, text, missing)
            except EduAppError:
                judged = {}
            for step_id, reason in judged.items():
                if step_id in missing:
                    self.done.add(f"management:{step_id}")
                    self.plan_reasons[step_id] = reason
        for n, d in enumerate(self.case.differential):
            if match_terms(text, [d.name, *d.synonyms]):
                self.done.add(f"differential:{n}")
        turn = self._add("system", _t(self.case, "Plan recorded.", "处理意见已记录。"), "plan")
        return [turn] + self._tick(DECISION_MINUTES)

    # ---------------------------------------------------------------- the end

    def finish(self):
        """End the encounter: pending results come back, skills are settled, and the
        checklist is scored. :returns: a :class:`~eduapp.vpatient.scoring.ScoreReport`."""
        from .scoring import score_encounter
        for ready, name, result in sorted(self.pending):
            self._add("system", labelled(self.case, name, result), "result")
        self.pending.clear()
        if self.questions >= 5 and not self.jargon:
            self.done.add("skill:no_jargon")
        self.finished_at = time.time()
        return score_encounter(self)

    def run_line(self, line: str) -> list[Turn]:
        """Play one line of a student script: ``/exam SYSTEM``, ``/order TEST``,
        ``/wait MINUTES``, ``/diagnose TEXT``, ``/plan TEXT``, or a question.

        :returns: the turns added.
        :raises ValueError: an unknown command or a command without its argument.
        """
        line = line.strip()
        start = len(self.transcript)
        if not line.startswith("/"):
            self.ask(line)
            return self.transcript[start:]
        command, _, arg = line.partition(" ")
        arg = arg.strip()
        handlers = {"/exam": self.examine, "/order": self.order, "/diagnose": self.diagnose,
                    "/plan": self.plan, "/wait": lambda a: self.wait(float(a))}
        if command not in handlers:
            raise ValueError(f"unknown command {command}; use /exam, /order, /wait, "
                             f"/diagnose or /plan")
        if not arg:
            raise ValueError(f"{command} needs an argument")
        handlers[command](arg)
        return self.transcript[start:]
