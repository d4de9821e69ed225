"""Item text as XHTML that the QTI content model allows, for export."""

from __future__ import annotations

from html.parser import HTMLParser
from xml.sax.saxutils import escape, quoteattr

from .. import richtext
from .elements import VOID


# Elements of the QTI content model (1EdTech imsqti_v2p1.xsd; QTI 3.0 adds ruby). HTML's
# ``u`` is in neither: it is unwrapped like every other unknown tag. In 2.1 a ``ruby`` keeps
# its base text and drops its annotation (``rt``/``rp``), as a reader without ruby shows it.
_ALLOWED = {"p", "br", "div", "span", "b", "i", "strong", "em", "sub", "sup", "img",
            "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th", "caption", "a",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "blockquote", "hr", "small",
            "big", "tt", "q", "cite", "abbr", "dl", "dt", "dd"}
_RUBY = {"ruby", "rt", "rb", "rp"}
#: MathML (QTI 2.1 and 3.0 both import the MathML 2/3 schema in this namespace).
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
_ATTRS = {"img": ("src", "alt", "width", "height"), "a": ("href",),
          "td": ("colspan", "rowspan"), "th": ("colspan", "rowspan")}


class _Xhtml(HTMLParser):
    """HTML -> well-formed XHTML restricted to the QTI content model (unknown tags are
    unwrapped, ``style``/``id``/event attributes dropped, void elements closed)."""

    def __init__(self, rewrite, version: str = "2.1"):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []
        self.rewrite = rewrite
        self.allowed = _ALLOWED | _RUBY if version == "3.0" else _ALLOWED
        self.dropping = 0  # depth inside an rt/rp whose text 2.1 cannot hold
        self.math: list[str] = []  # open MathML elements (kept whole, in their namespace)

    def _math_start(self, tag, attrs, void: bool = False) -> bool:
        name = tag.split(":")[-1]
        if name != "math" and not self.math:
            return False
        keep = "".join(f" {k.split(':')[-1]}={quoteattr(v)}" for k, v in attrs
                       if v is not None and not k.startswith("xmlns"))
        if name == "math" and not self.math:
            keep = f' xmlns="{MATHML_NS}"' + keep
        if void:
            self.out.append(f"<{name}{keep}/>")
        else:
            self.out.append(f"<{name}{keep}>")
            self.math.append(name)
        return True

    def handle_starttag(self, tag, attrs):
        if not self.dropping and self._math_start(tag, attrs):
            return
        if tag in ("rt", "rp") and tag not in self.allowed:
            self.dropping += 1
            return
        if tag not in self.allowed or self.dropping:
            return
        if tag == "a" and not any(k == "href" and v for k, v in attrs):
            return  # an anchor without href is not a QTI ``a`` (href is required)
        keep = []
        for k, v in attrs:
            if k in _ATTRS.get(tag, ()) and v is not None:
                if k in ("src",):
                    v = self.rewrite(v)
                keep.append(f" {k}={quoteattr(v)}")
        if tag == "img" and not any(a.startswith(" alt=") for a in keep):
            keep.append(' alt=""')
        if tag in VOID:
            self.out.append(f"<{tag}{''.join(keep)}/>")
        else:
            self.out.append(f"<{tag}{''.join(keep)}>")
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if not self.dropping and self._math_start(tag, attrs, void=True):
            return
        self.handle_starttag(tag, attrs)
        if tag in self.stack and tag not in VOID and self.stack[-1] == tag:
            self.out.append(f"</{self.stack.pop()}>")

    def handle_endtag(self, tag):
        if self.math:
            name = tag.split(":")[-1]
            if name in self.math:
                self._close_through(self.math, name)
            return
        if tag in ("rt", "rp") and tag not in self.allowed:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag in self.stack:
            self._close_through(self.stack, tag)

    def _close_through(self, stack: list[str], tag: str) -> None:
        """Close the open elements of ``stack`` down to and including ``tag``."""
        while stack:
            name = stack.pop()
            self.out.append(f"</{name}>")
            if name == tag:
                break

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data))

    def close(self):
        super().close()
        while self.math:
            self.out.append(f"</{self.math.pop()}>")
        while self.stack:
            self.out.append(f"</{self.stack.pop()}>")


def to_xhtml(text: str, text_format: str | None, rewrite=lambda s: s,
             version: str = "2.1") -> str:
    """Item text as QTI-safe XHTML: HTML is cleaned (see :class:`_Xhtml`), other text is
    escaped into paragraphs."""
    if text_format != "html":
        return richtext.text_to_html(text)
    parser = _Xhtml(rewrite, version)
    parser.feed(text)
    parser.close()
    return "".join(parser.out)
