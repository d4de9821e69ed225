"""Which of EduApp's two content languages a text is written in (``zh`` or ``en``).

Used where a text arrives without a stated language (imports from GIFT, Aiken, CSV, Anki,
Moodle XML and QTI without ``xml:lang``), by the linter's ``wrong-language`` rule and by the
bank migration that repairs the language of items imported before detection existed.

The rule is a share of Chinese characters, not a statistical detector: EduApp holds only
Simplified Chinese and English, and a medical Chinese item routinely carries Latin drug
names, units and abbreviations (``二甲双胍（metformin）500 mg``), which n-gram detectors
trained on prose often call English. Each Han character counts as one unit; each Latin word
counts :data:`LATIN_WORD_WEIGHT` units (an English word carries about as much as one and a
half Chinese characters; Chinese medical text averages 1.5-2 characters per word, after the
Lancaster Corpus of Mandarin Chinese word-length figures). A text whose Han share of all
units is at least :data:`ZH_SHARE` is Chinese.
"""

from __future__ import annotations

import re

#: Han ideographs: CJK Unified Ideographs, Extension A and the compatibility block.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: A Latin word: letters (accented too), optionally joined by hyphen or apostrophe.
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\-][A-Za-z\u00c0-\u024f]+)*")
#: Weight of one Latin word against one Han character.
LATIN_WORD_WEIGHT = 1.5
#: Minimum Han share (0..1) for ``zh``.
ZH_SHARE = 0.3
LANGUAGES = ("en", "zh")


def han_share(text: str) -> float:
    """Share (0..1) of Chinese among the text's weighted units (Han characters and Latin
    words, see the module docstring); 0.0 for a text with neither."""
    han = len(_HAN.findall(text or ""))
    words = len(_LATIN_WORD.findall(text or ""))
    total = han + LATIN_WORD_WEIGHT * words
    return han / total if total else 0.0


def detect_language(text: str, default: str = "en") -> str:
    """``"zh"`` when ``text`` is Chinese by the share rule, ``"en"`` when it has Latin words
    and too little Chinese, ``default`` when it has no letters at all (numbers only).

    ::

        >>> detect_language("患者服用 metformin 500 mg 后出现乳酸酸中毒，最可能的原因是？")
        'zh'
        >>> detect_language("Which drug reverses heparin?")
        'en'
    """
    han = len(_HAN.findall(text or ""))
    words = len(_LATIN_WORD.findall(text or ""))
    if not han and not words:
        return default
    return "zh" if han_share(text) >= ZH_SHARE else "en"


def item_text(item) -> str:
    """The text of an item that decides its language: vignette, stem and option texts
    (HTML tags removed; attribute values would otherwise count as English words)."""
    parts = [item.vignette or "", item.stem or ""]
    parts += [getattr(o, "text", "") or "" for o in getattr(item, "options", [])]
    return re.sub(r"<[^>]*>|&[a-zA-Z#0-9]+;", " ", "\n".join(parts))


def detect_item_language(item, default: str = "en") -> str:
    """:func:`detect_language` over :func:`item_text` of ``item`` (an ``Item``)."""
    return detect_language(item_text(item), default)


__all__ = ["LANGUAGES", "ZH_SHARE", "LATIN_WORD_WEIGHT", "han_share", "detect_language",
           "item_text", "detect_item_language"]
