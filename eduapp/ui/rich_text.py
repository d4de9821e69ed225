"""Small builders of the rich text (Qt's HTML subset) that labels and text browsers show.

Everything passed in is plain text, as a teacher typed it or a model wrote it: ``<``,
``>``, ``&`` and quotes are escaped and line breaks become ``<br>``, so an item about
"K+ < 3.5 mmol/L" or a rubric on several lines shows exactly as typed, in English or
Chinese alike.
"""

from __future__ import annotations

import html


def plain_html(text: str | None) -> str:
    """``text`` as rich text that shows it literally: escaped, line breaks as ``<br>``.

    :param text: plain text (``None`` counts as empty).
    :returns: e.g. ``"a &lt; b<br>c"`` for ``"a < b\\nc"``.
    """
    return html.escape(text or "").replace("\n", "<br>")


def labelled(label: str, text: str, *, paragraph: bool = True) -> str:
    """A "label and value" line: the label in bold, a space, then the text.

    Both parts are plain text (see :func:`plain_html`).

    :param label: e.g. ``"Rubric:"`` (already translated).
    :param text: the value.
    :param paragraph: ``True`` gives a block of its own, ``<p><b>label</b> text</p>``
        (for a text browser); ``False`` the bare ``<b>label</b> text``, to join to other
        lines with ``<br>`` in a label without paragraph spacing.
    :returns: the rich text, e.g. ``"<p><b>Rubric:</b> 1 mark if &lt; 5 mg</p>"``.
    """
    line = f"<b>{plain_html(label)}</b> {plain_html(text)}"
    return f"<p>{line}</p>" if paragraph else line


__all__ = ["labelled", "plain_html"]
