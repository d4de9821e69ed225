"""The rich-text builders every page uses for "label and value" lines."""

import pytest

from eduapp.ui.rich_text import labelled, plain_html


@pytest.mark.parametrize("label, text, expected", [
    ("Rubric:", "1 mark", "<p><b>Rubric:</b> 1 mark</p>"),
    ("Model answer:", "K+ < 3.5 & Na > 135",
     "<p><b>Model answer:</b> K+ &lt; 3.5 &amp; Na &gt; 135</p>"),
    ("<b>Missing:</b>", "x", "<p><b>&lt;b&gt;Missing:&lt;/b&gt;</b> x</p>"),
    ("参考答案：", "血钾 < 3.5 mmol/L，补钾", "<p><b>参考答案：</b> 血钾 &lt; 3.5 mmol/L，补钾</p>"),
    ("评分标准：", "第一点\n第二点", "<p><b>评分标准：</b> 第一点<br>第二点</p>"),
    ("Note:", 'say "no" & \'yes\'', "<p><b>Note:</b> say &quot;no&quot; &amp; &#x27;yes&#x27;</p>"),
    ("Empty:", "", "<p><b>Empty:</b> </p>"),
])
def test_labelled_escapes_both_parts(label, text, expected):
    assert labelled(label, text) == expected


def test_labelled_inline_has_no_paragraph():
    assert labelled("共用题干：", "a<b", paragraph=False) == "<b>共用题干：</b> a&lt;b"


def test_labelled_does_not_escape_twice():
    # an entity the person typed is shown as typed, not turned into its character
    assert labelled("x", "&lt;") == "<p><b>x</b> &amp;lt;</p>"


@pytest.mark.parametrize("text, expected", [
    (None, ""), ("", ""), ("a < b\nc > d & e", "a &lt; b<br>c &gt; d &amp; e"),
    ("胸痛\n气促", "胸痛<br>气促"),
])
def test_plain_html(text, expected):
    assert plain_html(text) == expected


def test_labelled_reads_back_as_typed(qapp):
    """What Qt shows is the text as typed: nothing lost, nothing turned into markup."""
    from PySide6.QtGui import QTextDocument
    doc = QTextDocument()
    doc.setHtml(labelled("评分标准：", "K+ < 3.5 & <i>Na</i> > 135\n第二点"))
    assert doc.toPlainText() == "评分标准： K+ < 3.5 & <i>Na</i> > 135\n第二点"
