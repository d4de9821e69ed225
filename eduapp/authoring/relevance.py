"""Does a generated draft concern the topic it was requested for?

A weak model asked for "asthma" may write about anything, or copy a worked example on
another topic. The gate flags a draft none of whose text (vignette, stem, options,
explanation, tags) names the requested topic or a synonym of it (the gate's medical
synonym table, :mod:`.synonyms`), in English or Chinese.

How: the topic becomes its content words (English words of 3+ letters without small
words, compared by their first 5 letters so "asthmatic" matches "asthma"; Chinese runs as
character bigrams, as the bank's search index does). A draft concerns the topic when it
holds at least half of those words (at least one), or a name from the topic's synonym
group ("MI" for "myocardial infarction", "心梗" for "心肌梗死"). No model is asked: the
check is offline and takes microseconds.
"""

from __future__ import annotations

import re
import unicodedata

from ..domain import Finding, Item
from .synonyms import SYNONYM_GROUPS, canonical

__all__ = ["topic_words", "concerns_topic", "topic_finding"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")
_SMALL = {"and", "the", "with", "for", "from", "into", "its", "of", "in", "on", "to",
          "management", "treatment", "diagnosis", "basics", "basic", "introduction", "clinical",
          "disease", "diseases", "disorder", "disorders", "patient", "patients", "acute",
          "chronic", "approach", "overview", "principles", "的", "与", "和", "及"}
_CJK_SMALL = {"治疗", "诊断", "管理", "临床", "疾病", "概述", "基础", "原则", "患者"}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def topic_words(text: str) -> set[str]:
    """The content words of a topic or a text: English words (3+ letters, small words
    dropped) cut to their first 5 letters, and the character bigrams of Chinese runs
    (a single character alone).

    ::

        topic_words("Management of acute asthma") == {"asthm"}
    """
    out: set[str] = set()
    for m in _TOKEN.finditer(_norm(text)):
        run, word = m.group(1), m.group(2)
        if run:
            grams = [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
            out.update(g for g in grams if g not in _CJK_SMALL and g not in _SMALL)
        elif len(word) >= 3 and word not in _SMALL:
            out.add(word[:5])
    return out


def _item_text(item: Item) -> str:
    parts = [item.vignette, item.stem, item.explanation, item.model_answer, " ".join(item.tags)]
    parts += [o.text for o in item.options] + [o.explanation for o in item.options]
    return "\n".join(p for p in parts if p)


def concerns_topic(item: Item, topic: str) -> bool:
    """Whether ``item``'s text names ``topic`` (half of its content words, or a synonym).

    A topic with no content words (empty, or only small words) is always concerned.
    """
    wanted = topic_words(topic)
    if not wanted:
        return True
    text = _item_text(item)
    have = topic_words(text)
    if len(wanted & have) * 2 >= len(wanted):
        return True
    group = canonical(topic)
    if group is not None:
        squashed = re.sub(r"[\W_]+", " ", _norm(text))
        for name in SYNONYM_GROUPS[group]:
            n = re.sub(r"[\W_]+", " ", _norm(name)).strip()
            if not n:
                continue
            if re.search(f"[{_CJK}]", n):
                if n.replace(" ", "") in squashed.replace(" ", ""):
                    return True
            elif re.search(rf"\b{re.escape(n)}\b", squashed):
                return True
    return False


def topic_finding(item: Item) -> Finding | None:
    """The gate's ``off-topic`` warning for a generated draft whose text does not concern
    the topic it was requested for (``provenance["spec"]["topic"]``); ``None`` for items
    without a requested topic and for drafts on topic."""
    spec = (item.provenance or {}).get("spec") or {}
    topic = str(spec.get("topic") or "").strip() if isinstance(spec, dict) else ""
    if not topic or concerns_topic(item, topic):
        return None
    return Finding("off-topic", "warning",
                   f"This draft does not mention the requested topic \"{topic}\" (nor a "
                   "synonym of it): the model may have written about something else or "
                   "copied an example. Check that it tests the topic, or discard it.", None)
