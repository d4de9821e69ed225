"""Text preparation for the FTS5 index: English stems, Chinese character bigrams.

SQLite's ``porter unicode61`` tokenizer stems English ("infarctions" and "infarction" both
index as ``infarct``) but treats a run of Chinese characters as one token, and the
``trigram`` tokenizer needs three characters, so a two-character query such as 肺炎 or 患者
would find nothing. Before indexing, each run of CJK characters is therefore rewritten as
its overlapping character bigrams plus its last character alone (``急性肺炎`` ->
``急性 性肺 肺炎 炎``). A query run of two or more characters becomes the phrase of its
bigrams, which matches exactly where the characters stand next to each other (a substring
match); a one-character query becomes a prefix query on the tokens that start with it.
Every CJK character starts a bigram or is a run's closing unigram, so nothing is missed.

This is the bigram indexing that Lucene's CJKAnalyzer uses; it needs no dictionary, so it
does not miss words that a segmenter such as jieba would split differently.
"""

from __future__ import annotations

import operator
import re

from ..htmltext import html_to_text, looks_like_html

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_TOKEN = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")


def _bigrams(match: re.Match) -> str:
    run = match.group(0)
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(map(operator.add, run, run[1:])) + " " + run[-1] + " "


def index_text(text: str) -> str:
    """Rewrite ``text`` for the FTS index: HTML tags dropped, entities decoded, each CJK
    run replaced by its bigrams and closing unigram; other text left for the tokenizer.

    :param text: plain text, Markdown or HTML (as imported from Moodle or QTI).
    :returns: the text to store in the FTS5 column.
    """
    if not text:
        return ""
    if looks_like_html(text):
        text = html_to_text(text)
    if not _CJK_RUN.search(text):
        return text
    return _CJK_RUN.sub(_bigrams, text)


def match_expression(query: str, *, prefix_last: bool = False) -> str | None:
    """Turn what a user typed into a safe FTS5 MATCH expression (all terms must match).

    Quotes, ``*``, ``-``, ``:``, parentheses and other FTS5 syntax in the input are never
    passed through, so no input raises a syntax error.

    :param query: free text, English, Chinese or mixed (``COPD 急性加重``).
    :param prefix_last: treat the last Latin term as a prefix (search-as-you-type).
    :returns: the expression, or ``None`` when the query has no searchable term.

    ::

        >>> match_expression("急性肺炎 infarctions")
        '"急性 性肺 肺炎" "infarctions"'
    """
    terms: list[str] = []
    tokens = list(_TOKEN.finditer(query or ""))
    for n, m in enumerate(tokens):
        cjk, word = m.group(1), m.group(2)
        if cjk:
            if len(cjk) == 1:
                terms.append(f'"{cjk}"*')
            else:
                terms.append('"' + " ".join(cjk[i:i + 2] for i in range(len(cjk) - 1)) + '"')
        else:
            star = "*" if prefix_last and n == len(tokens) - 1 else ""
            terms.append(f'"{word}"{star}')
    return " ".join(terms) if terms else None


def item_fts_values(item, set_vignette: str = "") -> tuple[str, str, str, str, str]:
    """The five FTS column texts of an item (``stem``, ``options``, ``explanation``,
    ``tags``, ``facets``), each through :func:`index_text`. The stem column holds the
    set's shared vignette, the item's vignette, its stem and its title (Moodle ``<name>``,
    GIFT ``::title::``, QTI ``title``), so a search for a title finds the question.

    :param item: an ``Item`` (or anything with its attributes).
    """
    title = (item.extra or {}).get("title") or ""
    stem = " ".join(t for t in (str(title), set_vignette, item.vignette, item.stem) if t)
    options = " ".join(o.text + (" " + o.match if o.match else "") for o in item.options)
    explanations = " ".join([item.explanation, item.model_answer] +
                            [o.explanation for o in item.options])
    facets = " ".join([item.topic, item.system, item.discipline, item.category])
    return (index_text(stem), index_text(options), index_text(explanations),
            index_text(" ".join(item.tags)), index_text(facets))
