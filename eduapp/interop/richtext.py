"""Item text between HTML and plain text: simple HTML becomes plain text on import, plain
text becomes HTML paragraphs on export."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..htmltext import html_to_text as _html_to_text


_SIMPLE_TAGS = {"p", "br", "div", "span"}


class _Simple(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.simple = True

    def handle_starttag(self, tag, attrs):
        if tag not in _SIMPLE_TAGS or (tag == "span" and attrs) or (
                tag in ("p", "div") and any(k not in ("dir", "lang") for k, _ in attrs)):
            self.simple = False
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "div") and self.parts and not "".join(self.parts).endswith("\n\n"):
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in _SIMPLE_TAGS:
            self.simple = False

    def handle_data(self, data):
        self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))

    def handle_comment(self, data):
        self.simple = False


def simplify_html(text: str) -> tuple[str, bool]:
    """Plain text for HTML that holds nothing but paragraphs, line breaks and text.

    :returns: ``(text, True)`` when ``text`` was simple (entities decoded, ``<p>`` become
        blank lines), else ``(text, False)`` unchanged.
    """
    if "<" not in text and "&" not in text:
        return text.strip(), True
    parser = _Simple()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; be safe anyway
        return text, False
    if not parser.simple:
        return text, False
    out = "".join(parser.parts)
    out = "\n".join(line.strip() for line in out.split("\n"))
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out, True


def text_to_html(text: str) -> str:
    """Escape plain text into HTML paragraphs (blank line = new ``<p>``, newline = ``<br/>``)."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br/>") + "</p>" for p in paras)


def html_to_text(text: str) -> str:
    """Visible text of an HTML fragment for places that cannot show HTML (Aiken, GIFT and
    CSV text, titles): :func:`eduapp.htmltext.html_to_text`, the one HTML-to-text path."""
    return _html_to_text(text)


#: Text-format names as ``Item.extra["text_format"]`` stores them. Absent means EduApp's
#: own: plain text or Markdown.
TEXT_FORMATS = ("html", "plain", "moodle", "markdown")


def import_text(text: str, fmt: str) -> tuple[str, str | None]:
    """Normalise an imported text and its format.

    :param fmt: ``html``, ``plain``, ``moodle`` (Moodle auto-format) or ``markdown``.
    :returns: ``(text, text_format)``; HTML that is only paragraphs and line breaks becomes
        plain text with format ``None`` (EduApp's own), Markdown gives ``None`` too.
    """
    text = text or ""
    if fmt == "html":
        simple, ok = simplify_html(text)
        return (simple, None) if ok else (text.strip(), "html")
    if fmt == "markdown" or not fmt:
        return text.strip(), None
    return text.strip(), fmt
