"""Text normalisation for matching student questions: English tokens with a light
stemmer, Chinese as characters, and phrase patterns that work for both.

A *pattern* is a phrase written by a case author or in the shared lexicon:

- English: its content words must all occur in the question, in any order, after
  stemming (``"make worse"`` matches "what makes it any worse?"). A word ending in ``*``
  matches any word with that prefix (``"radiat*"``). A pattern written with a leading
  ``=`` (``"=to your neck"``, ``"=anything for the"``) is a phrase: its words must occur
  as written, in order, next to each other ("are you under the doctor for anything?"
  does not say "anything for the"; "does it hurt to move your neck?" does not say "to
  your neck").
- Chinese: its characters must occur as written; ``*`` stands for up to six characters
  (``"哪*不舒服"`` matches 哪里不舒服 and 哪儿不舒服). No word segmentation is needed:
  Chinese questions are short, and a phrase of two or more characters is specific enough.
  Before matching, spoken variants are folded to one form (:data:`ZH_VARIANTS`): a verb
  split by 过/了 is joined again (拉过肚子 -> 拉肚子, 发过烧 -> 发烧), a degree word between
  a body part and its complaint is dropped (头有点疼 -> 头疼), 不太舒服 -> 不舒服, and
  这几天/这两天 -> 最近 (a time of the story, not "how many days?").

Questions (not patterns) also lose the polite or linking words and the form of address
that open them (:func:`strip_opening`: 请问, 我想问一下, "Could you tell me,", 妈妈你好,
"Auntie,").

No Qt, no state; every function is safe on any thread.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache

__all__ = ["normalise", "is_chinese", "tokens", "stem", "compile_pattern", "Pattern",
           "split_list", "strip_opening", "split_introduction", "question_views",
           "ZH_VARIANTS"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]")

#: English words that carry no meaning for matching (questions are short).
STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with about from into as is are was were be been
being am do does did doing i you he she it we they me my your his her its our their this that
these those there here can could would should will shall may might must just so than then too
very please tell let okay ok yes mr mrs ms sir madam doctor dr also really us him them
any anything some something ever have has had having not no""".split())

#: Contractions expanded before matching ("what's" -> "what is").
_CONTRACTIONS = [(re.compile(p), r) for p, r in (
    (r"\bcan't\b", "can not"), (r"\bwon't\b", "will not"), (r"n't\b", " not"),
    (r"'re\b", " are"), (r"'ve\b", " have"), (r"'ll\b", " will"), (r"'d\b", " would"),
    (r"\bi'm\b", "i am"), (r"\b(it|what|that|there|where|who|how|he|she)'s\b", r"\1 is"),
    (r"'s\b", ""))]


#: Spoken Chinese variants folded to one written form before matching, in order (see the
#: module docstring). Applied to patterns and questions alike.
ZH_VARIANTS = [(re.compile(p), r) for p, r in (
    (r"(?:拉|闹)(?:过|了|着)?(?:一次|几次|两次)?肚子", "拉肚子"),
    (r"拉(?:过|了)稀", "拉稀"),
    (r"发(?:过|了|着)(?:一次|几次)?(烧|热)", r"发\1"),
    (r"咳(?:过|了)嗽", "咳嗽"),
    (r"抽(?:过|了)(?:一次|几次)?筋", "抽筋"),
    (r"(?:烧|发烧)到(?:了|过)?(?:多少|几)度", "发烧最高多少度"),
    (r"(头|肚子|胸口|胸|胃|嗓子|喉咙|腰|背|腿|关节|眼睛|耳朵|心里|心)"
     r"(?:有点儿?|有些|很|特别|非常|比较|挺|老是|总是|一直)(疼|痛|晕|胀|闷|痒|慌)", r"\1\2"),
    (r"不(?:太|大|怎么|是很)舒服", "不舒服"),
    # the commonest pinyin-input homophone slips of an interview: 过明/过民 (过敏),
    # A步A (A不A: 多步多), 吃什么要吗 (药)
    (r"过(?:明|民|名)", "过敏"),
    # 的 written for the complement 得 (尿的多不多, 咳的厉害吗)
    (r"(尿|吃|睡|喝|咳|烧|疼|痛|吐|拉|喘)的(多|少|好|厉害|怎么样|香|快|急|重)", r"\1得\2"),
    (r"([\u4e00-\u9fff])步\1", r"\1不\1"),
    (r"吃(什么|啥|的|过|了)?要(?=吗|呢|没|不|$|[，。？?！!\s])", r"吃\1药"),
    (r"(退烧|止痛|止疼|消炎|感冒|降压|降糖|胃|中|西|抗生素|咳嗽|拉肚子)要(?=吗|呢|没|不|了|$|[，。？?！!\s])",
     r"\1药"),
    # 烧 after the stomach or the pit of the chest is a burning (heartburn), not a fever:
    # 胃里烧不烧 / 心口有点烧 -> 烧心
    (r"(?:胃里|胃口|胃|心口|胸口)(?:有点|有些|发|会)?(?:烧|灼)(?:不烧|没烧|得慌|得难受|的慌|热)?",
     "烧心"),
    # a comparative is what makes it worse, not how bad it is: 疼得更厉害 -> 更疼
    (r"(疼|痛)得(?:更|更加)(?:厉害|严重|重|明显)", r"更\1"),
    (r"(?:这|前|最近)(?:几|两|三)天", "最近"),
    # more pinyin-input homophone slips of interview words (位制 -> 位置, 诊子 -> 疹子,
    # 咳数 -> 咳嗽, 头运 -> 头晕, 恶信 -> 恶心, 心荒 -> 心慌, 胸门 -> 胸闷, 腹泄 -> 腹泻,
    # 呕土 -> 呕吐, 尿平 -> 尿频, 抽经 -> 抽筋, 高雪压 -> 高血压)
    (r"位(?:制|治|质)", "位置"), (r"(?:诊|珍|症)子", "疹子"), (r"咳(?:数|漱|簌)", "咳嗽"),
    (r"头(?:运|云|昏)", "头晕"), (r"恶(?:信|新)", "恶心"), (r"心(?:荒|晃)", "心慌"),
    (r"胸(?:门|们)", "胸闷"), (r"腹(?:泄|写)", "腹泻"), (r"呕(?:土|突)", "呕吐"),
    (r"尿(?:平|品)", "尿频"), (r"抽经", "抽筋"), (r"高(?:雪|学)压", "高血压"),
    # spoken forms: 不好受 is 不舒服; a child's 小手小脚 are the hands and feet, and
    # 手脚是冰的 / 手脚冰冰的 says 手脚冰
    (r"不(?:太|大)?好受|不(?:太|大)?得劲儿?", "不舒服"),
    # a habit verb split by 过/了 is one word again: 喝过酒 -> 喝酒, 抽过烟 -> 抽烟
    (r"(喝|抽|吸)(?:过|了)(?:点)?(酒|烟)", r"\1\2"),
    (r"小手小脚|小手脚|手和脚|手跟脚|手或者脚|手还是脚", "手脚"),
    (r"(?:小脚丫|脚丫子?|小脚|小手)", "手脚"),
    # cold hands or feet, however said (手凉, 脚冰冰的, 手脚是冰的, 手脚冰凉), are 手脚凉
    (r"(?:手脚|手|脚)(?:是|都|有点|有些|会|发|摸着|摸起来)*(?:冰|凉)(?:冰|凉)?(?:的)?", "手脚凉"),
)]


def normalise(text: str) -> str:
    """Lower-case, full-width to half-width (NFKC), Chinese punctuation to spaces,
    British/American spelling variants folded (``oe``/``ae`` digraphs), runs of spaces to one.

    :param text: any question or phrase.
    :returns: the normalised text (may be empty).
    """
    t = unicodedata.normalize("NFKC", text or "").lower()
    t = t.replace("’", "'").replace("‘", "'")
    for rx, repl in _CONTRACTIONS:
        t = rx.sub(repl, t)
    for rx, repl in ZH_VARIANTS:
        t = rx.sub(repl, t)
    t = re.sub(r"[^\w\s\u3400-\u9fff*=]", " ", t)
    t = t.replace("_", " ")
    for a, b in (("oedema", "edema"), ("haem", "hem"), ("diarrhoea", "diarrhea"),
                 ("dyspnoea", "dyspnea"), ("oesoph", "esoph"), ("paed", "ped"),
                 ("anaemi", "anemi"), ("colour", "color"), ("behaviour", "behavior")):
        t = t.replace(a, b)
    return re.sub(r"\s+", " ", t).strip()


def is_chinese(text: str) -> bool:
    """Whether ``text`` contains any CJK ideograph."""
    return bool(_CJK.search(text or ""))


_IRREGULAR = {"felt": "feel", "took": "take", "taken": "take", "ate": "eat", "eaten": "eat",
              "worse": "worse", "worst": "worse", "went": "go", "gone": "go", "began": "begin",
              "begun": "begin", "started": "start", "drank": "drink", "drunk": "drink",
              "children": "child", "kids": "child", "kid": "child", "feet": "foot",
              "got": "get", "gotten": "get", "made": "make", "lying": "lie", "lay": "lie",
              "woke": "wake", "had": "have", "has": "have", "pees": "pee", "peeing": "pee",
              "bled": "bleed", "threw": "throw", "thrown": "throw", "slept": "sleep",
              "came": "come", "woken": "wake", "swollen": "swell", "spun": "spin",
              "men": "man", "women": "woman", "spat": "spit", "brought": "bring",
              "meds": "medication", "medicine": "medication", "medicines": "medication",
              "medications": "medication", "pills": "pill", "tablets": "tablet", "calves": "calf", "halves": "half", "knives": "knife",
              "thoughts": "thought", "legs": "leg"}


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """A light English stemmer for matching (not linguistics): ``coughing``, ``coughs``,
    ``coughed`` -> ``cough``; ``worries`` -> ``worry``; ``dizziness`` -> ``dizzy``;
    ``breathe``/``breathing`` -> ``breath``; irregular forms folded (``felt`` -> ``feel``).
    The same function stems patterns and questions, so only consistency matters.

    :param word: one lower-case word.
    :returns: its stem (the word itself when short or not alphabetic).
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    w = word
    if w.endswith("ness") and len(w) > 6:
        w = w[:-4]
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # stopping -> stop; swelling stays swell
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    elif w.endswith("es") and re.search(r"(ss|x|z|ch|sh)es$", w):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith("i") and len(w) > 3:
        w = w[:-1] + "y"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """English content words (stemmed) and Chinese characters of ``text``, in order.

    :param text: raw or normalised text.
    :param keep_stopwords: keep English function words (for skill patterns).
    """
    out = []
    for w in _WORD.findall(normalise(text)):
        if _CJK.match(w):
            out.append(w)
        elif keep_stopwords or w not in STOPWORDS:
            out.append(stem(w))
    return out


#: Common two-character Chinese words that a pattern may not start or end inside: a
#: pattern beginning with their second character or ending with their first is another
#: word ("不舒服了" does not say "服了" = took a medicine). Kept to everyday words whose
#: halves are also pattern characters in the lexicon.
BOUND_WORDS = frozenset({"舒服", "衣服", "服务", "现在", "正在", "实在", "存在", "好在",
                         "所在", "麻烦"})


class Pattern:
    """One compiled phrase pattern (see the module docstring).

    :ivar text: the phrase as written.
    :ivar weight: how specific the phrase is: number of English content words, or number
        of Chinese characters divided by two (two characters = one word), at least 1.
    """

    __slots__ = ("text", "weight", "_regex", "_words", "_prefixes", "_phrase")

    def __init__(self, text: str):
        self.text = text
        norm = normalise(text)
        self._regex = None
        self._words: frozenset[str] = frozenset()
        self._prefixes: tuple[str, ...] = ()
        self._phrase = None
        phrase = norm.startswith("=")
        norm = norm.lstrip("=").strip()
        if is_chinese(norm):
            parts = [re.escape(p.replace(" ", "")) for p in norm.split("*")]
            # each literal part is a group: only the parts are evidence, not the gap
            self._regex = re.compile(".{0,6}?".join(f"({p})" for p in parts))
            chars = len(_CJK.findall(norm)) + len(re.findall(r"[a-z0-9]+", norm))
            # two characters make a word; one character is weaker; a gap ("*") makes a
            # pattern less specific
            self.weight = max(0.8, chars / 2) - 0.5 * (len(parts) - 1) * (chars > 3)
        else:
            words, prefixes, content = [], [], 0
            for w in norm.split():
                if w.endswith("*"):
                    # "stress*" -> "stres", "cigarette*" -> "cigarett" as the stemmer
                    # cuts (a plural's -s/-es and a final e off, not every e and s:
                    # "str" would take "stroke" for stress)
                    stem_ = w[:-1]
                    if len(w) > 5:
                        stem_ = re.sub(r"(es|s)$", "", stem_).removesuffix("e")
                    prefixes.append(stem_)
                    content += 1
                else:
                    words.append(stem(w))
                    content += w not in STOPWORDS
            self._words = frozenset(words)
            self._prefixes = tuple(prefixes)
            self.weight = float(max(1, content))
            if phrase:
                self._phrase = re.compile(r"\b" + r"\s+".join(
                    re.escape(w) for w in norm.split()) + r"\b")

    def matches(self, question_norm: str, question_words: frozenset[str],
                question_nospace: str) -> bool:
        """Whether the pattern occurs in a question.

        :param question_norm: ``normalise(question)``.
        :param question_words: the question's stemmed words, stopwords kept (a pattern's
            function words must occur too, but only its content words count in ``weight``).
        :param question_nospace: ``question_norm`` without spaces (for Chinese).
        """
        if self._regex is not None:
            return self._search(question_nospace) is not None
        if not self._words <= question_words:
            return False
        if self._phrase is not None and not self._phrase.search(question_norm):
            return False
        return all(any(w.startswith(p) for w in question_words) for p in self._prefixes)

    def evidence(self, question_norm: str, question_words: frozenset[str],
                 question_nospace: str) -> frozenset | None:
        """What of the question the pattern matched (``None``: no match): the matched
        English words, or the positions of the matched Chinese characters. A concept whose
        evidence lies inside a stronger concept's evidence is dropped ("头疼" is a
        headache, not a pain of the chief complaint)."""
        if self._regex is not None:
            m = self._search(question_nospace)
            if m is None:
                return None
            # the characters of the pattern's parts; what a "*" gap spanned is not part
            # of it ("现在哪个位置最疼" holds "位置" in the gap of "现在*疼")
            return frozenset(i for g in range(1, (m.lastindex or 0) + 1)
                             for i in range(m.start(g), m.end(g)))
        if not self._words <= question_words:
            return None
        if self._phrase is not None and not self._phrase.search(question_norm):
            return None
        used = set(self._words)
        for p in self._prefixes:
            hit = next((w for w in sorted(question_words) if w.startswith(p)), None)
            if hit is None:
                return None
            used.add(hit)
        return frozenset(used)

    def _search(self, text: str):
        """The first match of a Chinese pattern that does not cut a common word in two
        ("服了" is not in "不舒服了", "在哪" is not in "现在哪个位置"; see
        :data:`BOUND_WORDS`), or ``None``."""
        pos = 0
        while True:
            m = self._regex.search(text, pos)
            if m is None:
                return None
            a, b = m.start(), m.end()
            if text[max(0, a - 1):a + 1] not in BOUND_WORDS \
                    and text[b - 1:b + 1] not in BOUND_WORDS:
                return m
            pos = a + 1

    def __repr__(self) -> str:
        return f"Pattern({self.text!r})"


@lru_cache(maxsize=50000)
def compile_pattern(text: str) -> Pattern:
    """The cached :class:`Pattern` for ``text``."""
    return Pattern(text)


@lru_cache(maxsize=20000)
def _readings(ch: str) -> frozenset[str]:
    """Every toneless pinyin reading of one Chinese character (``发`` -> ``{"fa"}``,
    ``以`` -> ``{"yi", "si"}``), from pypinyin's dictionary."""
    from pypinyin import Style, pinyin  # loaded on first use (0.5 s)
    return frozenset(pinyin(ch, style=Style.NORMAL, heteronym=True)[0])


_SEGMENTER = None
#: Guards the one-time loading of the language tools (jieba, pyspellchecker): loading
#: either twice from two threads would cost a second or more and its memory again.
_TOOLS_LOCK = threading.Lock()


def _segmenter():
    """jieba's dictionary segmenter, loaded once on first use (about 1 s, 85 MB)."""
    global _SEGMENTER
    with _TOOLS_LOCK:
        if _SEGMENTER is None:
            import jieba
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _SEGMENTER = tokenizer
    return _SEGMENTER


#: Characters of grammar, never the slip mended (有没有, 不, 了 ...).
_GRAMMAR_CHARS = frozenset("不没有了的得地着过吗呢吧啊呀么是在也都就还会要很一个这那你您我他她它")


_SPELLING = None


def is_english_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a word of English in pyspellchecker's frequency
    dictionary (loaded once on first use, about 0.3 s): a real word is never taken for a
    misspelling of an interview word."""
    global _SPELLING
    with _TOOLS_LOCK:
        if _SPELLING is None:
            from spellchecker import SpellChecker
            _SPELLING = SpellChecker(language="en", distance=1)
    return word in _SPELLING


def warm_up(language: str) -> None:
    """Load the language tools the matcher needs for ``language`` ("zh": jieba's
    dictionary and pypinyin, about 1.5 s; "en": the English dictionary, about 0.3 s) so
    that the first question of an encounter does not wait for them. Safe to call from a
    worker thread and more than once."""
    if language == "zh":
        _segmenter()
        _readings("发")
    else:
        is_english_word("fever")


class HomophoneRepair:
    """Mends pinyin-input slips in a Chinese question: a word typed as another of the
    same sound (发少 for 发烧, 以苗 for 疫苗, 小遍 for 小便, 头运 for 头晕, 珍子 for 疹子).

    A pinyin input method offers every character of the sound typed, so the commonest slip
    keeps the sound and changes one character, and what it leaves is no word: jieba's
    dictionary segmentation (349,000 words) splits it into single characters. A run of
    two or three such single characters is replaced by a word of ``vocabulary`` when the
    two have the same toneless pinyin (any reading of a character with several, from
    pypinyin) and differ in exactly one character, the run holds no grammar character
    (不, 了, 有 ...) and the character replaced is not a one-character word of the
    vocabulary (痛, 喘: "更痛" is not "更重"). Real words are never touched (抽出 stays
    抽出, 时候 stays 时候).

    :param vocabulary: the interview's Chinese words; those of 2 or 3 characters are used.
    """

    def __init__(self, vocabulary):
        self._index: dict[tuple[str, ...], list[str]] = {}
        # a character that is a word of the interview on its own (痛, 喘, 渴) was typed on
        # purpose: "更痛" is not a slip for "更重"
        self._protected = frozenset(w for w in vocabulary if len(w) == 1)
        for w in sorted(set(vocabulary)):
            if 2 <= len(w) <= 3 and all(_CJK.match(c) for c in w):
                # under each key with one character left open: a stretch that differs in
                # one character is found by a dictionary look-up
                for skip in range(len(w)):
                    key = tuple("?" if i == skip else c for i, c in enumerate(w))
                    self._index.setdefault(key, []).append(w)

    def repair(self, text: str) -> str:
        """``text`` with each slip mended; text with no Chinese, or with no run of
        single-character tokens, comes back unchanged."""
        if not _CJK.search(text or "") or not self._index:
            return text
        tokens = _segmenter().lcut(text, HMM=False)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            run = 0
            while i + run < len(tokens) and len(tokens[i + run]) == 1 \
                    and _CJK.match(tokens[i + run]):
                run += 1
            if run < 2:
                out.append(tokens[i])
                i += 1
                continue
            chars = tokens[i:i + run]
            j = 0
            while j < len(chars):
                for n in (3, 2):
                    word = self._match("".join(chars[j:j + n])) if j + n <= len(chars) else ""
                    if word:
                        out.append(word)
                        j += n
                        break
                else:
                    out.append(chars[j])
                    j += 1
            i += run
        return "".join(out)

    def _match(self, window: str) -> str:
        if any(ch in _GRAMMAR_CHARS for ch in window):
            return ""
        for skip, ch in enumerate(window):
            if ch in self._protected:
                continue
            key = tuple("?" if i == skip else c for i, c in enumerate(window))
            for word in self._index.get(key, ()):
                if word[skip] != ch and _readings(word[skip]) & _readings(ch):
                    return word
        return ""


#: A form of address that opens a question ("妈妈你好，…", "阿姨，…", "妈妈您别着急…",
#: "Auntie, …"): it names
#: the person spoken to, not a relative asked about; dropped (a greeting after it stays).
_VOCATIVE = re.compile(r"^\s*(?:(?:好的|好|嗯+|那|谢谢)\s*)?(?:妈妈|爸爸|阿姨|叔叔|大爷|大妈|大娘|奶奶|爷爷|家长|同学|小朋友|"
                       r"师傅|先生|女士|小姐|大姐|大哥|老师|auntie|aunty|aunt|uncle|grandma|granny|"
                       r"grandpa|grandad|mum|mom|dad|madam|sir|miss|sister|brother|"
                       r"mrs \w+|mr \w+|ms \w+)\s*(?=[,，、]|你好|您好|您别|你别|还有|您说|你说|您先|你先)[,，、]?",
                       re.IGNORECASE)


#: Polite or linking words that open a question and ask nothing ("请问", "我想问一下",
#: "麻烦问一下", "好的，", "Could you tell me,", "OK.", "And"); dropped, with any form of
#: address after them.
_OPENER = re.compile(
    # Chinese openers long enough to need no comma after them
    r"^\s*(?:(?:那我再问一下|那我问一下|麻烦(?:你|您)?问一下|麻烦(?:你|您)?问下|请问一下|请问|"
    r"我想问(?:一下|下)|想问(?:一下|下)|我再问(?:一下|下)|再问(?:一下|下)|问一下|我想了解一下|"
    r"想了解一下)[,，、.。:：!！\s]*"
    # short words, in either language, only before a comma, a full stop or a space
    r"|(?:好的|好|嗯+|哦|那么|那|行|谢谢(?:你|您)?|麻烦(?:你|您)?|"
    r"ok(?:ay)?|right|so|and|well|thanks|thank you|alright|great|fine|"
    r"(?:can|could|may) i (?:just )?ask(?: you)?|could you tell me|can you tell me|"
    r"i(?: would|'d) like to ask(?: you)?|i want to ask(?: you)?)(?:[,，、.。:：!！\s]+|$))",
    re.IGNORECASE)


def strip_opening(question: str) -> str:
    """``question`` without the polite or linking words and forms of address that open it
    (see :data:`_OPENER`, :data:`_VOCATIVE`); the question itself when nothing is left."""
    # "妈妈你好" / "阿姨您好" greets the person spoken to, wherever it stands
    q = re.sub(r"(?:妈妈|爸爸|阿姨|叔叔|奶奶|爷爷|家长|大爷|大妈)(?=[,，\s]*(?:你好|您好))", "",
               question or "")
    for _ in range(4):
        cut = _VOCATIVE.sub("", _OPENER.sub("", q, count=1), count=1)
        if cut == q or not cut.strip():
            break
        q = cut
    return q


#: A greeting that is a sentence part of its own: "Hi", "Good morning Mr Morgan", "Hello
#: there", "您好", "妈妈您好", "阿姨你好" (a name or title of up to three words after it).
_GREETING = re.compile(
    r"^(?:(?:hi|hiya|hello|hey|good (?:morning|afternoon|evening|day)|morning|afternoon|"
    r"evening)(?: there| again| everyone)?(?:\s+(?:mr|mrs|ms|miss|mx|dr|doctor|sir|madam)\.?)?"
    r"(?:\s+[a-z'-]+){0,2}|(?:[\u3400-\u9fff]{0,4})?(?:你好|您好|早上好|上午好|下午好|晚上好)"
    r"(?:啊|呀)?|(?:大夫|医生|老师|阿姨|叔叔|大爷|大妈|奶奶|爷爷|同学|小朋友|妈妈|爸爸|家长|"
    r"先生|女士|小姐|大姐|大哥)好(?:啊|呀)?|nice to meet you|pleased to meet you|thanks for (?:coming|waiting)(?: in)?|"
    r"thank you for (?:coming|waiting)(?: in)?|很高兴见到你|很高兴见到您)$", re.IGNORECASE)
#: A student introducing themselves: "I'm Sam", "my name is Dr Li", "I'm one of the medical
#: students", "我是实习医生小王", "我姓李"; and what goes on with it ("a third-year student",
#: "working with the team", "今天由我来问诊").
_INTRO = re.compile(
    r"^(?:my name is|my name's|i'm|i am|this is|i work|we're|we are|我是|我叫|我姓|我们是)"
    r"(?!不是|否)", re.IGNORECASE)
_INTRO_MORE = re.compile(
    r"^(?:a|an|one of|the|part of|from|working|with the|and i(?:'m| am| work)|here to|"
    r"today i|i'll be|i will be|i'm going to|i am going to|i've been asked|今天由我|由我|"
    r"负责|来给你|来给您|先给你|先给您|跟你|跟您|和你|和您)\b", re.IGNORECASE)
_WORDISH = re.compile(r"\b(?:what|how|why|when|where|which|who|do|does|did|are|is|have|has|"
                      r"any|can|could|tell|吗|呢|什么|怎么|哪|几|多|有没有|是不是)\b|[吗呢？?]|"
                      r"什么|怎么|哪|有没有|是不是|多久|几")


def split_introduction(question: str) -> tuple[str, str]:
    """``(introduction, rest)``: the greeting and self-introduction that open a question
    ("Hi Mr Morgan, I'm one of the medical students - what's the problem today?",
    "妈妈您好，我是儿科的实习医生，孩子今天怎么了？") and the question that follows.

    A part counts as introduction when it is a greeting (:data:`_GREETING`), starts with
    "I'm / my name is / 我是 / 我叫 ..." and asks nothing, or goes on from one ("a third-year
    student", "working with the team"). Parts are the pieces between , . ! ; - – — and
    their Chinese forms; the last part is never introduction.

    :returns: ``("", question)`` when nothing opens the question or nothing follows it.
    """
    text = question or ""
    pieces = re.split(r"([,.!;，。！；、:：]|\s[-–—]+\s|—+|–+)", text)
    # pieces alternate text, separator, text ...
    parts = [(pieces[i], pieces[i + 1] if i + 1 < len(pieces) else "")
             for i in range(0, len(pieces), 2)]
    cut = 0
    intro_seen = False
    for n, (part, _sep) in enumerate(parts[:-1]):
        p = part.strip().lower()
        if not p:
            cut = n + 1
            continue
        if _GREETING.match(p):
            cut = n + 1
            continue
        if (_INTRO.match(p) or intro_seen and _INTRO_MORE.match(p)) and not _WORDISH.search(
                p.replace("i'm", "").replace("i am", "")):
            intro_seen = True
            cut = n + 1
            continue
        break
    if not cut:
        return "", text
    head = "".join(a + b for a, b in parts[:cut])
    rest = "".join(a + b for a, b in parts[cut:])
    if not re.search(r"\w", rest):
        return "", text
    return head, rest


def question_views(question: str) -> tuple[str, frozenset[str], str]:
    """``(normalised, stemmed word set incl. stopwords, normalised without spaces)`` for
    :meth:`Pattern.matches`; polite openers and a form of address are dropped
    (:func:`strip_opening`)."""
    norm = normalise(strip_opening(question))
    words = frozenset(stem(w) for w in re.findall(r"[a-z0-9]+", norm))
    return norm, words, norm.replace(" ", "")


def split_list(text: str) -> list[str]:
    """Split a typed list (a differential, a plan) on ``;`` ``,`` ``、`` ``；`` ``，``
    newlines and the words "and"/"和"/"及"; empty parts dropped.

    :returns: the parts, stripped, in order.
    """
    parts = re.split(r"[;,\n、；，。]|\band\b|\bthen\b|及|并且|然后", text or "")
    return [p.strip() for p in parts if p.strip()]
