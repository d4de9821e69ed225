"""Item-writing-flaw linter, English and Chinese.

The rules follow the NBME item-writing guide: Case & Swanson, *Constructing Written Test
Questions for the Basic and Clinical Sciences*, 4th ed. (National Board of Medical
Examiners), cited below as "NBME". Chapter 2 ("technical item flaws") lists the flaws
that help test-wise candidates (grammatical cues, absolute terms, a long correct answer,
word repeats) and those that add irrelevant difficulty (vague frequency terms, overlapping
numeric options, "none of the above", negatively phrased stems); chapter 3 gives the
"cover-the-options" rule for lead-ins (a closed question answerable from the stem alone)
and the NBME vignette order (patient, setting, findings, then the question). The nonsense
rules (``stem-too-short``, ``option-not-an-answer`` ...) are EduApp's own, for catching
broken output of small language models.

Chinese conventions are not flaws: a lead-in that ends ``最可能的诊断是`` with no question
mark is a proper closed lead-in (the Chinese licensing exam writes them so), and 不是 /
错误的是 count as emphasised when written bold, underlined or in 【】.

Issue 16 added three flaw kinds: ``k-type`` (complex multiple choice: options that are sets
of numbered statements, "1 and 3 only", ①②③; NBME ch. 3 advises against the format),
``word-repeat`` extended to Chinese and to phrases of the vignette (clang association), and
``two-keys`` (a distractor that is a synonym or abbreviation of the key, see
:mod:`.synonyms`, or that contains it or is contained in it). Language-dependent rules read
the item's *detected* language (:func:`detected_language`, a CJK-share rule), so a Chinese
item with Latin drug names is Chinese, and a Chinese item that an importer labelled English
gets an ``info`` note, never ``wrong-language``.

Pure functions, no state: any thread. The issue-16 rules (clang over the vignette, the
synonym look-ups) about doubled the time per item: 541 -> 1,163 microseconds per synthetic
bench item on a shared 2-core machine under load 9 (``bench/bench_gate.py``'s items).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from ..domain import CHOICE_TYPES, Finding, Item
from .finding_text import make_finding
from .synonyms import same_thing
from ..htmltext import html_to_text, looks_like_html
from ..language import detect_language, item_text

__all__ = ["Rule", "RULES", "lint_item", "lead_in", "is_cjk_text", "detected_language"]

NBME = "NBME, Constructing Written Test Questions for the Basic and Clinical Sciences, 4th ed."


@dataclass(frozen=True)
class Rule:
    """One linter rule.

    :ivar id: stable id, the ``Finding.rule``.
    :ivar severity: ``error``, ``warning`` or ``info``.
    :ivar source: where the rule comes from.
    :ivar summary: one line for the teacher.
    """

    id: str
    severity: str
    source: str
    summary: str


_CH2_TW = f"{NBME}, ch. 2, technical item flaws: issues related to testwiseness"
_CH2_ID = f"{NBME}, ch. 2, technical item flaws: issues related to irrelevant difficulty"
_CH3 = f"{NBME}, ch. 3, one-best-answer items: the lead-in and the cover-the-options rule"
_OWN = "EduApp: sanity check for machine-generated items"
_CH3_FORMATS = (f"{NBME}, ch. 3, item formats: complex multiple-choice (K-type) items are "
                "not recommended (they reward partial knowledge and test-wise elimination)")

RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("negative-stem", "warning", _CH2_ID,
         "negatively phrased lead-in (not, except, 不是, 错误的是) without emphasis"),
    Rule("all-of-the-above", "warning", _CH2_TW, "\"all of the above\" / 以上都是 as an option"),
    Rule("none-of-the-above", "warning", _CH2_ID,
         "\"none of the above\" / 以上都不是 as an option"),
    Rule("combined-options", "warning", _CH2_TW, "an option that combines others (\"A and B\")"),
    Rule("absolute-term", "warning", _CH2_TW,
         "absolute term in an option (always, never, 总是, 从不, 绝对)"),
    Rule("vague-term", "warning", _CH2_ID,
         "vague frequency term in an option (usually, often, rarely, 通常, 有时)"),
    Rule("longest-option-key", "warning", _CH2_TW,
         "the key is clearly the longest option"),
    Rule("grammatical-cue", "warning", _CH2_TW,
         "the stem's grammar (a/an, singular/plural) fits only some options"),
    Rule("word-repeat", "warning", _CH2_TW,
         "clang association: a word of the stem reappears in the key and in no distractor"),
    Rule("k-type", "warning", _CH3_FORMATS,
         "complex multiple choice (K-type): options are combinations of numbered statements "
         "(\"1 and 3 only\", ①②③)"),
    Rule("two-keys", "warning", _CH2_TW,
         "two defensible keys: a distractor is a synonym of the key, or one contains the other"),
    Rule("overlapping-options", "warning", _CH2_ID, "numeric options whose ranges overlap"),
    Rule("options-repeat", "warning", _CH2_ID, "two options say almost the same thing"),
    Rule("duplicate-options", "error", _CH2_ID, "two options are the same"),
    Rule("open-lead-in", "warning", _CH3,
         "open lead-in (\"which is true about\", 下列说法正确的是): not answerable "
         "without the options"),
    Rule("no-lead-in", "warning", _CH3, "a vignette with no question at its end"),
    Rule("missing-explanation", "warning", f"{NBME}, ch. 6 (item review); EduApp policy",
         "no explanation for the key or the options"),
    Rule("no-key", "error", _OWN, "a choice item without a correct option"),
    Rule("multiple-keys", "error", _OWN, "a single-answer item with more than one key"),
    Rule("key-out-of-range", "error", _OWN, "the key points at an option that does not exist"),
    Rule("stem-too-short", "error", _OWN, "the stem is too short to be a question"),
    Rule("stem-is-number", "error", _OWN, "the stem is only a number or a date"),
    Rule("option-not-an-answer", "error", _OWN,
         "an option that is empty, a label, a question or the stem itself"),
    Rule("repetition", "error", _OWN, "the same phrase repeated over and over"),
    Rule("wrong-language", "error", _OWN, "the text is not in the item's language"),
    Rule("language-label", "info", _OWN,
         "the item is labelled English but its text is Chinese (checked as Chinese)"),
    Rule("option-count", "info", _CH3, "a single-best-answer item with fewer than 4 options"),
)}

# --------------------------------------------------------------------------- text helpers

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_LATIN_RE = re.compile("[A-Za-z]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_NORM_DROP = re.compile(r"[\W_]+", re.UNICODE)
# English needs whitespace after the full stop (3.5 mmol/L stays whole); Chinese does not.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])\s+|(?<=[。！？；]))(?=\S)")


def is_cjk_text(text: str, share: float = 0.2) -> bool:
    """Whether at least ``share`` of the letters in ``text`` are Chinese characters."""
    cjk = len(_CJK_RE.findall(text))
    if not cjk:
        return False
    letters = cjk + len(_LATIN_RE.findall(text))
    return cjk / letters >= share


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detected_language(item: Item) -> str:
    """The language the item is written in, from its vignette, stem and options: the
    share rule of :func:`eduapp.language.detect_language` (the one importers use), so a
    Chinese item with Latin drug names, abbreviations and units stays Chinese while an
    English item that quotes one Chinese term stays English."""
    return detect_language(item_text(item), default="en")


def _norm(text: str) -> str:
    return _NORM_DROP.sub("", _strip_markup(text).casefold())




def _strip_markup(text: str) -> str:
    if looks_like_html(text):
        text = html_to_text(text)
    return text.replace("**", "").replace("__", "")


def lead_in(item: Item) -> tuple[int, str]:
    """The lead-in (the question) of an item: the stem when there is a separate vignette,
    else the stem's last sentence.

    :returns: ``(start, text)``: the offset of the lead-in in ``item.stem`` and its text.
    """
    stem = item.stem.rstrip()
    if item.vignette.strip():
        return 0, stem
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(stem) if m.end() < len(stem)]
    # skip trailing instructions ("Select all that apply.", 可多选) to reach the question
    k = len(starts) - 1
    while k > 0 and _INSTRUCTION.match(stem[starts[k]:]):
        k -= 1
    end = starts[k + 1] if k + 1 < len(starts) else len(stem)
    return starts[k], stem[starts[k]:end].rstrip()


_INSTRUCTION = re.compile(r"^\W*(select|choose|mark|tick)\s+(all|one|two|three|the\s+\w+\s+"
                          r"(best|correct))\b.{0,40}$|^\W*[（(]?(可多选|多选|单选|选择所有|"
                          r"请选择).{0,20}$", re.I | re.S)


def _has_vignette(item: Item, start: int) -> bool:
    if item.vignette.strip():
        return True
    before = item.stem[:start]
    return len(before) >= (40 if is_cjk_text(before) else 100)


_EMPH_SPANS = re.compile(
    r"\*\*.+?\*\*|__.+?__|<(b|strong|em|i|u)\b[^>]*>.*?</\1>|【.+?】|\*[^*\s][^*]*\*|"
    r"_[^_\s][^_]*_|「.+?」|“.+?”", re.S | re.I)


def _emphasised(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if word.isascii() and len(word) > 1 and word.isupper():
        return True
    return any(m.start() <= start and end <= m.end() for m in _EMPH_SPANS.finditer(text))


# --------------------------------------------------------------------------- the rules

def _f(rule: str, code: str, values: dict | None = None, field: str | None = None,
       start: int = 0, end: int = 0, zh: bool = False) -> Finding:
    """A finding of ``rule`` worded by ``code`` (:data:`~.finding_text.FINDING_TEXT`),
    its message in Chinese when ``zh``."""
    return make_finding(rule, RULES[rule].severity, code, values,
                        [field, start, end] if field is not None else None,
                        "zh" if zh else "en")


_NEG_EN = re.compile(r"\b(not|except|least|incorrect|untrue|false)\b(?!-)", re.I)
_NEG_ZH = re.compile(r"不是|不包括|不正确|错误的是|错误的|不属于|不符合|不宜|不应|不会|除外|"
                     r"不能|无关|不恰当|不妥|不常见|不需要|不出现|不引起|不可能|不可以|不适用")


def _negative_stem(item: Item, start: int, lead: str, out: list) -> None:
    if item.type == "tf":  # a true/false statement is judged, not asked
        return
    for m in _NEG_EN.finditer(lead):
        word = m.group(1).lower()
        if word == "least" and re.search(r"\bat\s+$", lead[:m.start()], re.I):
            continue
        if not _emphasised(lead, m.start(), m.end()):
            out.append(_f("negative-stem", "negative-stem", {"w": m.group(1)}, "stem",
                          start + m.start(), start + m.end()))
            return
    for m in _NEG_ZH.finditer(lead):
        if not _emphasised(lead, m.start(), m.end()):
            out.append(_f("negative-stem", "negative-stem", {"w": m.group(0)}, "stem",
                          start + m.start(), start + m.end(), zh=True))
            return


_ALL_EN = re.compile(r"^\W*(all|both)\s+of\s+(the\s+)?(above|these|options|answers|choices)\b"
                     r"|^\W*all\s+(are|is)\s+(correct|true|right)\b", re.I)
_NONE_EN = re.compile(r"^\W*(none|neither)\s+of\s+(the\s+)?(above|these|options|answers|"
                      r"choices)\b|^\W*(none|neither)\s+(is|are)\s+(correct|true|right)\b", re.I)
_ALL_ZH = re.compile(r"以上(各项)?(都|均|皆|全)(是|对|正确|可以|有|可能|属于|包括)|以上皆(是|对)|"
                     r"以上(选项|各项)(均|都)(正确|对)|全部(正确|都对)")
_NONE_ZH = re.compile(r"以上(各项)?(都|均|皆|全)(不|非|没有|无)|以上皆非|以上(选项|各项)(均|都)不")
_COMBINED = re.compile(r"^\W*(both\s+)?\(?[A-E]\)?\s*(and|&|\+|和|与|及)\s*\(?[A-E]\)?\W*$|"
                       r"^\W*[A-E][、,，]\s*[A-E]([、,，]\s*[A-E])*(\s*(都|均)(对|正确))?\W*$")


def _special_options(item: Item, out: list) -> None:
    for i, o in enumerate(item.options):
        t = o.text
        field = f"options[{i}]"
        for pattern, rule, zh in ((_ALL_EN, "all-of-the-above", False),
                                  (_ALL_ZH, "all-of-the-above", True),
                                  (_NONE_EN, "none-of-the-above", False),
                                  (_NONE_ZH, "none-of-the-above", True),
                                  (_COMBINED, "combined-options", is_cjk_text(t))):
            m = pattern.search(t)
            if m:
                out.append(_f(rule, rule, None, field, m.start(), m.end(), zh=zh))
                break


_ABS_EN = re.compile(r"\b(always|never|invariably|absolutely|all|none|must|completely|"
                     r"certainly|impossible|exclusively|every)\b|\bonly\b(?!\W*$)", re.I)
_ABS_ZH = re.compile(r"总是|从不|从来不|从未|绝对|一定|必定|永远|必然|决不|绝不|所有|全部|唯一|只有|"
                     r"仅见于|均会|都会")
_VAGUE_EN = re.compile(r"\b(usually|often|frequently|sometimes|rarely|occasionally|seldom|"
                       r"may|might|could|commonly|generally|possibly|probably)\b", re.I)
_VAGUE_ZH = re.compile(r"通常|常常|经常|有时|偶尔|很少|多数|大多|可能|往往|一般会")


def _term_rules(item: Item, out: list) -> None:
    texts = [(f"options[{i}]", o.text) for i, o in enumerate(item.options)]
    if item.type == "tf":
        texts = [("stem", item.stem)]
    elif item.type not in CHOICE_TYPES:
        return
    for rule, en, zh in (("absolute-term", _ABS_EN, _ABS_ZH),
                         ("vague-term", _VAGUE_EN, _VAGUE_ZH)):
        for field, text in texts:
            m = en.search(text) or zh.search(text)
            if m:
                out.append(_f(rule, rule, {"w": m.group(0)}, field, m.start(), m.end(),
                              zh=is_cjk_text(text)))
                break


def _display_len(text: str) -> int:
    # a Chinese character carries about as much as two Latin letters
    t = _strip_markup(text).strip()
    return len(t) + len(_CJK_RE.findall(t))


def _longest_key(item: Item, out: list) -> None:
    if item.type != "sba" or len(item.options) < 3 or len(item.key_indices) != 1:
        return
    k = item.key_indices[0]
    lengths = [_display_len(o.text) for o in item.options]
    key_len = lengths[k]
    others = sorted((n for i, n in enumerate(lengths) if i != k), reverse=True)
    if key_len >= others[0] * 1.7 and key_len - others[0] >= 20:
        out.append(_f("longest-option-key", "longest-option-key",
                      {"key_len": key_len, "longest": others[0]}, f"options[{k}]", 0,
                      len(item.options[k].text), zh=detected_language(item) == "zh"))


_VOWEL_SOUND_EXCEPTIONS = re.compile(r"^(uni|use|usu|uti|ure|uro|eu|one|once|ew)", re.I)
_SILENT_H = re.compile(r"^(hour|honest|honou?r|heir)", re.I)
# Initialisms read letter by letter that start with a vowel sound: MRI ("em"), ECG, X-ray.
_VOWEL_LETTERS = set("AEFHILMNORSX")


def _starts_with_vowel_sound(text: str) -> bool | None:
    m = _WORD.search(_strip_markup(text))
    if not m:
        return None
    w = m.group(0)
    head = w.split("-")[0]
    if len(head) >= 2 and head.isupper():  # initialism: ECG, MRI, HIV, NSAID (read as word)
        if head in ("NSAID", "NSAIDS", "AIDS", "SARS", "MERS", "NICE", "UNICEF"):
            return head[0] in "AEIO"
        return head[0] in _VOWEL_LETTERS
    if len(w) == 1:
        return w.upper() in _VOWEL_LETTERS
    if _SILENT_H.match(w):
        return True
    if _VOWEL_SOUND_EXCEPTIONS.match(w):
        return False
    return w[0].lower() in "aeiou"


_ARTICLE_END = re.compile(r"\b(an?)\s*[:_.…\s]*$", re.I)
_ARE_END = re.compile(r"\b(are|were)\s*[:_.…\s]*$", re.I)


def _grammatical_cue(item: Item, start: int, lead: str, out: list) -> None:
    if item.type not in ("sba", "multi") or len(item.options) < 2:
        return
    m = _ARTICLE_END.search(lead)
    if m:
        an = m.group(1).lower() == "an"
        bad = [i for i, o in enumerate(item.options)
               if _starts_with_vowel_sound(o.text) is not None
               and _starts_with_vowel_sound(o.text) != an]
        if bad:
            i = bad[0]
            out.append(_f("grammatical-cue", "grammatical-cue-article",
                          {"w": m.group(1), "option": item.options[i].text[:40]},
                          "stem", start + m.start(1), start + m.end(1)))
        return
    if _ARE_END.search(lead) and len(item.key_indices) == 1:
        def plural(t: str) -> bool:
            t = _strip_markup(t).strip().rstrip(".")
            return bool(re.search(r"(s|\band\b.*)$", t, re.I)) and not t.lower().endswith(
                ("ss", "is", "us"))
        k = item.key_indices[0]
        distract = [plural(o.text) for i, o in enumerate(item.options) if i != k]
        if plural(item.options[k].text) and sum(distract) <= len(distract) // 3:
            out.append(_f("grammatical-cue", "grammatical-cue-plural", None, f"options[{k}]",
                          0, len(item.options[k].text)))


_STOP = set("""which following most likely patient patients these those there their about
would should could other after before between during where while with without being other
than from into over under what when this that have been shows showed treatment management
diagnosis cause causes appropriate next step best initial first years year-old presents
finding findings result results shown given given present history examination test tests
normal level levels blood serum plasma increased decreased raised elevated reduced high low
acute chronic severe mild right left daily dose doses therapy drug drugs used using
umol mmol nmol pmol mol mg/dl mmhg units unit hours days weeks months minutes""".split())

# Chinese words that every clinical item uses: no cue when they repeat
_STOP_ZH = ("患者", "治疗", "检查", "诊断", "首选", "可能", "适宜", "下列", "哪项", "哪一", "应该",
            "处理", "措施", "药物", "方法", "表现", "原因", "疾病", "正确", "错误", "选择", "给予",
            "静脉", "口服", "注射", "急性", "慢性", "升高", "降低", "正常", "明显", "目前", "进一步",
            "以下", "最佳", "主要", "常见", "首先", "考虑", "进行", "需要", "出现", "发生", "病史",
            "此时", "本例", "该患", "症状", "体征", "病变", "功能", "异常", "阳性", "阴性", "增多",
            "减少", "水平", "检测", "复查", "观察", "可以", "应当", "是否", "其中", "属于", "以上")
_SUFFIXES = ("itis", "osis", "ities", "ity", "ically", "ical", "ic", "al", "ous", "ia", "ism",
             "ies", "es", "ed", "ing", "ary", "s")


@functools.lru_cache(maxsize=65536)
def _root(word: str) -> str:
    """A crude English stem: lower case without one common suffix, the root kept at four
    letters or more (``thyroiditis`` and ``thyroid`` -> ``thyroid``)."""
    w = word.lower().replace("'", "")
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _cjk_runs(text: str) -> list[str]:
    return re.findall(f"[{_CJK}]+", _strip_markup(text))


def _shared_cjk(key: str, stem: str, minimum: int) -> tuple[str, int] | None:
    """The longest run of Chinese characters (at least ``minimum`` long) of ``key`` that
    also occurs in ``stem``, and its offset in ``key``; ``None`` when there is none."""
    best = None
    for run in _cjk_runs(key):
        for n in range(len(run), minimum - 1, -1):
            if best and n <= len(best):
                break
            for i in range(len(run) - n + 1):
                g = run[i:i + n]
                if g in stem and not any(w in g for w in _STOP_ZH if len(w) >= len(g)):
                    best = g
                    break
    if best is None:
        return None
    return best, key.find(best)


_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_AUX = set("""is are was were be been does do did can could should would will may might must
has have had""".split())


def _asked_class(lead: str) -> set[str]:
    """Roots of the class a lead-in asks for: the head noun of the phrase after which/what
    (``"Which pituitary tumour is ..."`` -> tumour; ``"What type of drug ..."`` -> drug;
    ``"Which drug reverses ..."`` -> drug). The phrase ends at an auxiliary verb, at a word
    in -s after its first word (read as a verb), or after three words."""
    out = set()
    for m in re.finditer(r"\b(?:which|what)\s+(?:(?:type|kind|class|form|group|category)"
                         r"\s+of\s+)?((?:[A-Za-z][A-Za-z'-]*\s*){1,3})", lead, re.I):
        phrase: list[str] = []
        for n, w in enumerate(m.group(1).split()):
            lw = w.lower()
            if lw in _AUX or lw in ("of", "the", "following"):
                break
            if n and lw.endswith("s") and not lw.endswith(("ss", "is", "us")):
                break  # "Which drug reverses ..."
            phrase.append(w)
        if phrase:
            out.add(_root(phrase[-1]))
    return out


def _shares(word: str, text: str, n: int) -> bool:
    """Whether ``text`` contains a piece of ``word`` at least ``n`` characters long."""
    return any(word[i:i + n] in text for i in range(len(word) - n + 1))


def _word_repeat(item: Item, lead: str, out: list) -> None:
    """Clang association (NBME ch. 2): a word of the stem that comes back in the key and
    in no distractor points test-wise candidates to the key.

    English: words of four letters or more, compared by a crude stem, taken from the
    lead-in (so ``"thyroid"`` in the lead-in and ``"thyroiditis"`` in the key count), or a
    two-word phrase of the key found in the vignette (single words of a vignette are
    ordinary context: "type 1 diabetes" there and "diabetic ketoacidosis" as the key is
    fine); never the class the lead-in asks for (``"Which hormone ..."``) or the stock
    words of clinical writing (:data:`_STOP`). Chinese: a run of two or more Chinese
    characters of the key found in the lead-in, or of four or more found in the vignette,
    that is not a stock word (:data:`_STOP_ZH`) nor the class asked for (``……的激素是``).
    """
    if item.type != "sba" or len(item.key_indices) != 1 or len(item.options) < 3:
        return
    k = item.key_indices[0]
    key = _strip_markup(item.options[k].text)
    distractors = [_strip_markup(o.text) for i, o in enumerate(item.options) if i != k]
    lead_text = _strip_markup(lead)
    vignette = _strip_markup(item.full_stem)
    # "Which hormone ...", "What type of drug ...": the class asked for is no cue
    key_words = list(_PLAIN_WORD.finditer(key))
    candidates = [n for n, m in enumerate(key_words) if len(m.group(0)) >= 4
                  and m.group(0).lower() not in _STOP and _root(m.group(0)) not in _STOP]
    distract_roots = {_root(w) for d in distractors for w in _PLAIN_WORD.findall(d)} \
        if candidates else set()
    candidates = [n for n in candidates if _root(key_words[n].group(0)) not in distract_roots]
    if candidates:  # only then read the stem (most keys share nothing with it)
        asked = _asked_class(lead_text)
        lead_roots = {_root(w) for w in _PLAIN_WORD.findall(lead_text) if len(w) >= 4} - asked
        words = [_root(w) for w in _PLAIN_WORD.findall(vignette)]
        stem_pairs = set(zip(words, words[1:]))
    # distractors that also repeat a phrase of the vignette: then the key's repeat is no cue
    echoes = bool(candidates) and any(
        len(ws) > 1 and any(p in stem_pairs for p in zip(ws, ws[1:]))
        for ws in ([_root(w) for w in _PLAIN_WORD.findall(d)] for d in distractors))
    for n in candidates:
        m = key_words[n]
        w = m.group(0)
        r = _root(w)
        nxt = _root(key_words[n + 1].group(0)) if n + 1 < len(key_words) else None
        prev = _root(key_words[n - 1].group(0)) if n else None
        in_vignette = (nxt and (r, nxt) in stem_pairs) or (prev and (prev, r) in stem_pairs)
        if r in lead_roots or (in_vignette and not echoes):
            out.append(_f("word-repeat", "word-repeat", {"w": w}, f"options[{k}]",
                          m.start(), m.end()))
            return
    if not _CJK_RE.search(key):
        return
    lead_cjk = "".join(_cjk_runs(lead_text))
    # "……的激素是": the class asked for (激素) is no cue
    m = re.search(f"的([{_CJK}]{{1,6}}?)(?:是|为|有)?[\\W_]*$", lead_text)
    asked_zh = m.group(1)[-2:] if m else ""  # the class noun: 激素, 药物, 检查 ...
    for source, minimum in ((lead_cjk, 2), (vignette, 4)):
        hit = _shared_cjk(key, source, minimum)
        if hit and asked_zh and (hit[0] in asked_zh or asked_zh.endswith(hit[0])):
            continue
        if hit and source is vignette and any(_shared_cjk(d, vignette, minimum)
                                              for d in distractors):
            continue  # the distractors repeat the vignette too (drug lists, named findings)
        # a distractor that shares the hit, or all of it but one character ("肾病" for
        # "性肾病"), takes the cue away
        if hit and not any(_shares(hit[0], d, max(2, len(hit[0]) - 1)) for d in distractors):
            word, at = hit
            start = item.options[k].text.find(word)
            out.append(_f("word-repeat", "word-repeat", {"w": word}, f"options[{k}]",
                          max(start, 0), max(start, 0) + len(word), zh=True))
            return


# A K-type option is nothing but statement markers and glue: "1 and 3 only", "①②③",
# "I, II and III", "A、C", "2、4正确", "all of 1, 2 and 3". Digits and letters need a separator
# (so "12" or "AB" as answers are not markers); circled numbers may stand side by side.
_K_MARK = r"(?:[①-⑩]|\(?(?:[1-9]|I{1,3}|IV|V|VI)\)?(?![A-Za-z0-9.])|\(?[A-E]\)?(?![A-Za-z0-9]))"
_K_GLUE = (r"(?:\s*(?:,|，|、|;|；|\+|&|and|or|和|与|及|或|以及)\s*|\s+|(?<=[①-⑩])(?=[①-⑩])|"
           r"(?<=[)）])(?=[(（]))")
_K_OPTION = re.compile(
    rf"^\W*(?:only\s+|all\s+of\s+|仅|只有|statements?\s+)?{_K_MARK}(?:{_K_GLUE}{_K_MARK})*"
    r"(?:\s*(?:only|are\s+(?:correct|true|right)|is\s+(?:correct|true)|正确|均正确|都正确|都对|"
    r"均对|是正确的|对))?\W*$", re.I)
_K_MARKS = re.compile(r"[①-⑩]|(?<![A-Za-z0-9.])(?:[1-9]|I{1,3}|IV|VI|V|[A-E])(?![A-Za-z0-9.])",
                      re.I)
_K_STATEMENTS = re.compile(r"(?:^|\n|\s)(?:[①-⑩]|\(?[1-9][.)、．]|\(?(?:I{1,3}|IV|V)[.)、．])\s*\S")


def _k_type(item: Item, out: list) -> None:
    """Complex multiple choice (K-type): the options are sets of numbered statements, such
    as "1 and 3 only" or "①②③". Flagged when at least two options combine two or more
    statements, or when the stem lists numbered statements and one option combines them."""
    if item.type not in ("sba", "multi") or len(item.options) < 3:
        return
    combos = []
    for i, o in enumerate(item.options):
        t = _strip_markup(o.text).strip()
        if _K_OPTION.match(t) and len(_K_MARKS.findall(t)) >= 2:
            combos.append(i)
    statements = len(_K_STATEMENTS.findall(_strip_markup(item.full_stem)))
    if len(combos) >= 2 or (combos and statements >= 3):
        i = combos[0]
        zh = detected_language(item) == "zh"
        out.append(_f("k-type", "k-type", None, f"options[{i}]", 0, len(item.options[i].text),
                      zh=zh))


_LIMITERS = re.compile(r"\b(alone|only|without|no|not|stop|avoid|withhold|monotherapy)\b|"
                       r"单用|仅|不|无|停|避免|禁", re.I)


_JOINERS_ZH = re.compile(r"联合|加用|合用|并用|加|及|和|与|\+|、|，|,|plus|and", re.I)


_TOKEN = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")


def _tokens(text: str) -> list[str]:
    """Lower-case words (any script but Chinese: χ², IgA, 5-HT's parts) and single Chinese
    characters, in order."""
    return [t.lower() for t in _TOKEN.findall(_strip_markup(text))]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _two_keys(item: Item, out: list) -> None:
    """Two defensible keys, offline: a distractor that names the same thing as the key
    (synonym, abbreviation) or that contains the key or is contained in it ("Ceftriaxone"
    and "Ceftriaxone plus vancomycin"), unless the longer one only adds a limiter
    ("alone", "without", 单用, 不 ...). Numeric options are left to the overlap rule."""
    if item.type != "sba" or len(item.key_indices) != 1 or len(item.options) < 2:
        return
    k = item.key_indices[0]
    key = _strip_markup(item.options[k].text).strip()
    kt = _tokens(key)
    for i, o in enumerate(item.options):
        if i == k:
            continue
        d = _strip_markup(o.text).strip()
        why = None
        if same_thing(key, d):
            why = "synonym"
        else:
            dt = _tokens(d)
            short, long_ = (kt, dt) if len(kt) <= len(dt) else (dt, kt)
            cjk_short = sum(bool(_CJK_RE.match(t)) for t in short)
            meaningful = (cjk_short >= 2 or any(len(t) >= 4 for t in short if t.isalpha()))
            if short and len(short) < len(long_) and meaningful and \
                    not any(t.isdigit() for t in short) and _contains(long_, short):
                rest = " ".join(long_).replace(" ".join(short), " ", 1)
                if cjk_short:
                    # Chinese compounds nest (伤寒 in 斑疹伤寒, 肾上腺素 in 去甲肾上腺素): only
                    # "X 联合/加/及 Y" adds to X
                    rest = rest.replace(" ", "")
                    adds = bool(_JOINERS_ZH.search(rest))
                else:
                    adds = True
                if adds and not _LIMITERS.search(rest):
                    why = "contains"
        if why:
            zh = detected_language(item) == "zh"
            out.append(_f("two-keys", f"two-keys-{why}", {"n": i + 1}, f"options[{i}]", 0,
                          len(o.text), zh=zh))
            return


_RANGE = re.compile(r"(?P<lo>\d+(?:\.\d+)?)\s*(?:-|–|—|to|~|～|至|到)\s*(?P<hi>\d+(?:\.\d+)?)"
                    r"|(?P<op>[<>≤≥]=?|less than|more than|greater than|under|over|below|above|"
                    r"小于|大于|低于|高于|超过)\s*(?P<v>\d+(?:\.\d+)?)", re.I)


def _interval(text: str) -> tuple[float, float, str] | None:
    """``(low, high, rest)`` of a numeric option; ``rest`` is what the option says besides
    the number (its unit), so only options about the same quantity are compared."""
    m = _RANGE.search(text)
    if not m:
        return None
    rest = _norm(re.sub(r"[\d.]+", "", text[:m.start()] + text[m.end():]))
    if len(rest) > 12:  # a sentence that contains a number, not a numeric option
        return None
    if m.group("lo") is not None:
        lo, hi = float(m.group("lo")), float(m.group("hi"))
        return (lo, hi, rest) if lo < hi else None
    v = float(m.group("v"))
    op = m.group("op").lower()
    if op in ("<", "<=", "≤", "less than", "under", "below", "小于", "低于"):
        return (float("-inf"), v, rest)
    return (v, float("inf"), rest)


def _option_pairs(item: Item, out: list) -> None:
    if item.type not in CHOICE_TYPES:
        return
    norms = [_norm(o.text) for o in item.options]
    intervals = [_interval(o.text) for o in item.options]
    seen_dup = seen_overlap = seen_repeat = False
    zh = detected_language(item) == "zh"
    for i in range(len(item.options)):
        for j in range(i + 1, len(item.options)):
            a, b = norms[i], norms[j]
            if a and a == b and not seen_dup:
                seen_dup = True
                out.append(_f("duplicate-options", "duplicate-options", {"a": i + 1, "b": j + 1},
                              f"options[{j}]", 0, len(item.options[j].text), zh=zh))
            elif a and b and not seen_repeat and a != b and min(len(a), len(b)) >= 6 and (
                    _digits(a) == _digits(b)) and _close(a, b):
                seen_repeat = True
                out.append(_f("options-repeat", "options-repeat", {"a": i + 1, "b": j + 1},
                              f"options[{j}]", 0, len(item.options[j].text), zh=zh))
            ia, ib = intervals[i], intervals[j]
            if ia and ib and not seen_overlap and ia[2] == ib[2] and max(
                    ia[0], ib[0]) < min(ia[1], ib[1]):
                seen_overlap = True
                out.append(_f("overlapping-options", "overlapping-options",
                              {"a": i + 1, "b": j + 1}, f"options[{j}]", 0,
                              len(item.options[j].text), zh=zh))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _close(a: str, b: str) -> bool:
    return ratio(a, b) >= 92


_OPEN_EN = re.compile(r"\bstatements?\b|\b(is|are)\s+(true|correct|false|incorrect|accurate)\b|"
                      r"\b(true|correct|false|incorrect)\s+(about|regarding|of|concerning|"
                      r"with respect to|for)\b|^\W*(regarding|concerning|about|with regard to)\b|"
                      r"\bwhat\s+(is|are)\s+true\b", re.I)
_OPEN_ZH = re.compile(r"(下列|以下)(各项|哪项|哪一项|选项)?(中)?(的)?(说法|叙述|描述|表述|论述|陈述|观点)|"
                      r"关于.{1,40}?(正确|错误|不正确)的(是|叙述|说法)|"
                      r"(哪项|哪一项)(是)?(正确|错误)的|(说法|叙述|描述|表述)(正确|错误)")
_QUESTION_ZH = re.compile(r"[?？]|是\s*[\W_]*$|为\s*[\W_]*$|[（(]\s*[)）]\s*$|_{2,}\s*$|"
                          r"(首选|应选|宜选|选用|应用|给予|采取|采用|进行|考虑|诊断为)\s*[\W_]*$|"
                          r"哪|什么|何|多少|几|吗")


def _lead_in_rules(item: Item, start: int, lead: str, out: list) -> None:
    if item.type not in ("sba", "multi"):
        return
    zh = is_cjk_text(lead)
    m = (_OPEN_ZH if zh else _OPEN_EN).search(lead)
    if m:
        out.append(_f("open-lead-in", "open-lead-in", None, "stem", start + m.start(),
                      start + m.end(), zh=zh))
        return
    if not _has_vignette(item, start):
        return
    text = _strip_markup(lead).strip()
    if zh:
        closed = bool(_QUESTION_ZH.search(text))
    else:
        closed = "?" in text or text.endswith((":", "_", "…")) or bool(
            re.search(r"\b(is|are|was|were|be|of|to|by|with)\s*$", text, re.I)) or bool(
            re.match(r"\W*(select|choose|identify|name|give|state|list|indicate)\b", text, re.I))
    if not closed:
        out.append(_f("no-lead-in", "no-lead-in", None, "stem", start, start + len(lead), zh=zh))


def _key_rules(item: Item, out: list) -> None:
    if item.type not in CHOICE_TYPES or not item.options:
        return
    keys = len(item.key_indices)
    zh = detected_language(item) == "zh"
    if keys == 0:
        out.append(_f("no-key", "no-key", zh=zh))
    elif keys > 1 and item.type in ("sba", "tf"):
        out.append(_f("multiple-keys", "multiple-keys", {"n": keys}, zh=zh))
    if item.type == "sba" and len(item.options) < 4:
        out.append(_f("option-count", "option-count", {"n": len(item.options)}, zh=zh))


def _explanation(item: Item, out: list) -> None:
    if item.type in ("description",):
        return
    has = bool(item.explanation.strip()) or any(o.explanation.strip() for o in item.options)
    if item.type in ("short", "essay"):
        has = has or bool(item.model_answer.strip()) or bool(item.rubric.strip())
    if not has:
        out.append(_f("missing-explanation", "missing-explanation",
                      zh=detected_language(item) == "zh"))


_LABEL = re.compile(r"^\W*((option|answer|choice|选项|答案)\s*\w?|[A-Ea-e1-5]|n/?a|null|none|"
                    r"\.{2,}|…+|todo|tbd|xxx|\?+|无)\W*$", re.I)
_NUMBER_ONLY = re.compile(r"^[\d\W_]+$")
# An option that talks about the answer instead of being one ("The correct answer is: 2.",
# "Incorrect. ...", "正确答案是…"): small models write their feedback into the option.
_META = re.compile(r"^\W*((the\s+)?(correct|right|wrong|incorrect)\s+answer\b|incorrect\b|"
                   r"correct\b\s*[.:]|this\s+is\s+(the\s+)?(in)?correct|正确答案|错误答案|"
                   r"答案[是为])", re.I)


def _nonsense(item: Item, out: list) -> None:
    text = _strip_markup(item.full_stem).strip()
    zh = detected_language(item) == "zh" or is_cjk_text(text)
    meat = len(_NORM_DROP.sub("", text))
    if text and _NUMBER_ONLY.match(text):
        out.append(_f("stem-is-number", "stem-is-number", None, "stem", 0, len(item.stem),
                      zh=zh))
    elif meat < (6 if zh else 15):
        out.append(_f("stem-too-short", "stem-too-short", None, "stem", 0, len(item.stem),
                      zh=zh))
    found = detected_language(item)
    if item.language == "zh" and text and found == "en":
        out.append(_f("wrong-language", "wrong-language-marked-zh", None, "stem", 0,
                      len(item.stem), zh=True))
    elif item.language == "en" and text and found == "zh":
        if item.provenance.get("source") == "generated":
            out.append(_f("wrong-language", "wrong-language-generated", None, "stem", 0,
                          len(item.stem)))
        else:
            out.append(_f("language-label", "language-label", None, "stem", 0,
                          len(item.stem), zh=True))
    lead = _norm(lead_in(item)[1])
    whole = _norm(item.full_stem)
    # options that are all numbers ("1", "3.5", "7") are answers, not labels
    numeric = all(_NUMBER_ONLY.match(_strip_markup(o.text).strip() or "x")
                  for o in item.options)
    for i, o in enumerate(item.options):
        t = _strip_markup(o.text).strip()
        if item.type == "tf":
            continue
        why = None
        if not t or (_LABEL.match(t) and not (numeric and t.isdigit())):
            why = "option-empty"
        elif t.endswith(("?", "？")):
            why = "option-question"
        elif _META.match(t):
            why = "option-meta"
        elif (lead and _norm(t) == lead) or (len(_norm(t)) >= 30
                                             and whole.startswith(_norm(t)[:30])):
            why = "option-repeats-stem"
        elif len(t) > 400:
            why = "option-too-long"
        if why:
            out.append(_f("option-not-an-answer", why, {"n": i + 1}, f"options[{i}]", 0,
                          len(o.text), zh=zh))
            break
    for field, value in (("stem", item.stem), ("vignette", item.vignette)):
        span = _repeated_phrase(value)
        if span:
            out.append(_f("repetition", "repetition", None, field, *span, zh=zh))
            break


def _repeated_phrase(text: str) -> tuple[int, int] | None:
    if len(text) < 30:
        return None
    text = text[:4000]
    if is_cjk_text(text):
        grams: dict[str, int] = {}
        first: dict[str, int] = {}
        for i in range(len(text) - 5):
            g = text[i:i + 6]
            n = grams.get(g, 0) + 1
            grams[g] = n
            if n == 1:
                first[g] = i
            elif n >= 3 and _CJK_RE.search(g):
                return first[g], i + 6
        return None
    words = list(_WORD.finditer(text))
    low = [w.group(0).lower() for w in words]
    seen: dict[tuple, int] = {}
    first: dict[tuple, int] = {}
    for i in range(len(low) - 3):
        key = (low[i], low[i + 1], low[i + 2], low[i + 3])
        n = seen.get(key, 0) + 1
        seen[key] = n
        if n == 1:
            first[key] = i
        elif n >= 3:
            return words[first[key]].start(), words[i + 3].end()
    return None


def lint_item(item: Item) -> list[Finding]:
    """Run every item-writing-flaw rule of :data:`RULES` on one item.

    Works on English and Chinese items (the language is taken from the text, so a Chinese
    item marked ``en`` is still read as Chinese). Nothing is stored; ``item`` is not changed.

    :param item: any :class:`~eduapp.domain.Item` (imported, generated or hand-written).
    :returns: findings, errors first, then warnings, then info; each has ``rule``,
        ``severity``, ``message`` and ``span = [field, start, end]`` (``field`` is
        ``stem``, ``vignette`` or ``options[i]``; offsets in that field's text, end
        exclusive) or ``None`` when the finding is about the whole item.

    ::

        item = Item(type="sba", stem="Which of the following is not a beta-blocker?",
                    options=[Option("Atenolol"), Option("Amlodipine", True), ...])
        [f.rule for f in lint_item(item)]   # ['negative-stem', 'missing-explanation']
    """
    out: list[Finding] = []
    start, lead = lead_in(item)
    _key_rules(item, out)
    _nonsense(item, out)
    _negative_stem(item, start, lead, out)
    _lead_in_rules(item, start, lead, out)
    _special_options(item, out)
    _term_rules(item, out)
    _longest_key(item, out)
    _grammatical_cue(item, start, lead, out)
    _word_repeat(item, lead, out)
    _k_type(item, out)
    _two_keys(item, out)
    _option_pairs(item, out)
    _explanation(item, out)
    order = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda f: order.get(f.severity, 3))
    return out
