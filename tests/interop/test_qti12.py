"""QTI 1.2 (``questestinterop``, what Canvas, Blackboard and Respondus export): every item
kind it maps, in a document of our own, alone and in a content package."""

from __future__ import annotations

import zipfile

import pytest

from eduapp.interop import detect_format, parse_file
from eduapp.practice.grading import score_numerical

from .conftest import PNG


def _meta(qtype: str) -> str:
    return ("<itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>question_type"
            f"</fieldlabel><fieldentry>{qtype}</fieldentry></qtimetadatafield></qtimetadata>"
            "</itemmetadata>")


def _mat(text: str, html: bool = False) -> str:
    kind = ' texttype="text/html"' if html else ""
    return f"<material><mattext{kind}>{text}</mattext></material>"


def _labels(*pairs) -> str:
    return "<render_choice>" + "".join(
        f'<response_label ident="{i}">{_mat(t)}</response_label>' for i, t in pairs) + \
        "</render_choice>"


def _cond(test: str, score: float, feedback: str = "") -> str:
    fb = f'<displayfeedback feedbacktype="Response" linkrefid="{feedback}"/>' if feedback \
        else ""
    return (f"<respcondition><conditionvar>{test}</conditionvar>"
            f'<setvar varname="SCORE" action="Set">{score}</setvar>{fb}</respcondition>')


def _eq(resp: str, value: str) -> str:
    return f'<varequal respident="{resp}">{value}</varequal>'


def _fb(ident: str, text: str) -> str:
    return f'<itemfeedback ident="{ident}"><flow_mat>{_mat(text)}</flow_mat></itemfeedback>'


def _item(ident, qtype, body, processing="", feedback="") -> str:
    return (f'<item ident="{ident}" title="{ident}">{_meta(qtype) if qtype else ""}'
            f"<presentation>{body}</presentation>"
            f"<resprocessing><outcomes><decvar varname=\"SCORE\"/></outcomes>{processing}"
            f"</resprocessing>{feedback}</item>")


ITEMS = [
    _item("mc", "multiple_choice_question",
          _mat("&lt;p&gt;Which drug reverses heparin? &lt;img src=\"$IMS-CC-FILEBASE$/Quiz "
               "Files/dot.png\"/&gt;&lt;/p&gt;", html=True)
          + '<response_lid ident="r1" rcardinality="Single">'
          + _labels(("a", "Protamine"), ("b", "Vitamin K")) + "</response_lid>",
          _cond(_eq("r1", "a"), 100) + _cond(_eq("r1", "b"), 0, "b_fb"),
          _fb("general_fb", "Protamine binds heparin.") + _fb("b_fb", "That is warfarin's.")),
    _item("tf", "true_false_question",
          _mat("The SA node is the pacemaker.") + '<response_lid ident="r1">'
          + _labels(("t", "True"), ("f", "False")) + "</response_lid>",
          _cond(_eq("r1", "t"), 100)),
    _item("ma", "multiple_answers_question",
          _mat("Loop diuretics?") + '<response_lid ident="r1" rcardinality="Multiple">'
          + _labels(("x", "Furosemide"), ("y", "Bumetanide"), ("z", "Spironolactone"))
          + "</response_lid>",
          _cond(f"<and>{_eq('r1', 'x')}{_eq('r1', 'y')}<not>{_eq('r1', 'z')}</not></and>",
                100)),
    _item("sa", "short_answer_question",
          _mat("Which artery?") + '<response_str ident="r1" rcardinality="Single">'
          '<render_fib/></response_str>',
          _cond(_eq("r1", "LAD") + _eq("r1", "left anterior descending"), 100)),
    _item("es", "essay_question",
          _mat("Discuss STEMI.") + '<response_str ident="r1"><render_fib/></response_str>'),
    _item("nu", "numerical_question",
          _mat("Arterial pH?") + '<response_str ident="r1"><render_fib fibtype="Decimal"/>'
          "</response_str>",
          _cond('<vargte respident="r1">7.35</vargte><varlte respident="r1">7.45</varlte>',
                100)),
    _item("mt", "matching_question",
          _mat("Match drug and class.")
          + '<response_lid ident="m1">' + _mat("Atenolol")
          + _labels(("1", "Beta blocker"), ("2", "ACE inhibitor"), ("3", "Diuretic"))
          + '</response_lid><response_lid ident="m2">' + _mat("Ramipril")
          + _labels(("1", "Beta blocker"), ("2", "ACE inhibitor"), ("3", "Diuretic"))
          + "</response_lid>",
          _cond(_eq("m1", "1"), 50) + _cond(_eq("m2", "2"), 50)),
    _item("dd", "multiple_dropdowns_question",
          _mat("The [valve] valve has [n] cusps.")
          + '<response_lid ident="d1">' + _mat("valve")
          + _labels(("v1", "mitral"), ("v2", "aortic")) + '</response_lid>'
          + '<response_lid ident="d2">' + _mat("n") + _labels(("n1", "2"), ("n2", "3"))
          + "</response_lid>",
          _cond(_eq("d1", "v1"), 50) + _cond(_eq("d2", "n1"), 50)),
    _item("tx", "text_only_question", _mat("The next questions are about the heart.")),
    _item("up", "file_upload_question", _mat("Upload your ECG report.")),
]
DOC = ('<?xml version="1.0" encoding="UTF-8"?>\n<questestinterop xmlns='
       '"http://www.imsglobal.org/xsd/ims_qtiasiv1p2"><assessment ident="A" title="Quiz">'
       '<section ident="root_section">' + "".join(ITEMS) + "</section></assessment>"
       "</questestinterop>\n")


def _check(result):
    by_id = {i.idnumber: i for i in result.items}
    assert [i.type for i in result.items] == ["sba", "tf", "multi", "short", "essay",
                                               "numerical", "matching", "cloze",
                                               "description"]
    mc = by_id["mc"]
    assert "Which drug reverses heparin?" in mc.stem and mc.key_indices == [0]
    assert mc.explanation == "Protamine binds heparin."
    assert mc.options[1].explanation == "That is warfarin's."
    assert [m.name for m in mc.media] == ["dot.png"] and 'src="dot.png"' in mc.stem
    assert by_id["tf"].options[0].correct
    assert [o.correct for o in by_id["ma"].options] == [True, True, False]
    assert [o.text for o in by_id["sa"].options] == ["LAD", "left anterior descending"]
    nu = by_id["nu"]
    assert (score_numerical(nu, "7.44"), score_numerical(nu, "7.5")) == (1.0, 0.0)
    assert [(o.text, o.match) for o in by_id["mt"].options] == [
        ("Atenolol", "Beta blocker"), ("Ramipril", "ACE inhibitor"), ("", "Diuretic")]
    subs = by_id["dd"].extra["cloze"]["subquestions"]
    assert [[a["text"] for a in s["answers"] if a["fraction"] == 1] for s in subs] == \
        [["mitral"], ["2"]]
    [error] = result.errors
    assert "up" in error.message and "file upload" in error.message


def test_qti12_package_from_canvas_reads_every_item_kind(tmp_path):
    path = tmp_path / "canvas.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("imsmanifest.xml",
                    '<manifest xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">'
                    '<resources><resource identifier="R1" type="imsqti_xmlv1p2" '
                    'href="quiz/quiz.xml"><file href="quiz/quiz.xml"/></resource>'
                    "</resources></manifest>")
        zf.writestr("quiz/quiz.xml", DOC)
        zf.writestr("Quiz Files/dot.png", PNG)
    assert detect_format(str(path)) == "qti"
    _check(parse_file(str(path)))


def test_qti12_document_alone(tmp_path):
    (tmp_path / "Quiz Files").mkdir()
    (tmp_path / "Quiz Files" / "dot.png").write_bytes(PNG)
    path = tmp_path / "quiz.xml"
    path.write_text(DOC, encoding="utf-8")
    assert detect_format(str(path)) == "qti"
    _check(parse_file(str(path)))


@pytest.mark.parametrize("scores,fractions", [
    ((25, -10, 25), [0.5, -0.2, 0.5]),  # Respondus: per-option Add, negative for wrong
])
def test_qti12_per_option_scores_become_fractions(tmp_path, scores, fractions):
    labels = [("a", "A"), ("b", "B"), ("c", "C")]
    proc = "".join(f"<respcondition><conditionvar>{_eq('r', i)}</conditionvar>"
                   f'<setvar action="Add">{s}</setvar></respcondition>'
                   for (i, _t), s in zip(labels, scores))
    doc = DOC.split("<section")[0] + '<section ident="s">' + _item(
        "q", "", _mat("Pick.") + '<response_lid ident="r" rcardinality="Multiple">'
        + _labels(*labels) + "</response_lid>", proc) + "</section></assessment>" \
        "</questestinterop>"
    path = tmp_path / "r.xml"
    path.write_text(doc, encoding="utf-8")
    [item] = parse_file(str(path)).items
    assert [o.fraction for o in item.options] == fractions
    assert [o.correct for o in item.options] == [True, False, True]
