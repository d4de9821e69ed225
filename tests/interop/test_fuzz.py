"""Fuzzing: random and mutated inputs never raise anything but ImportFileError, never hang."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduapp.errors import ImportFileError
from eduapp.interop import aiken, anki, csv_format, gift, moodle_xml, qti

FIX = os.path.join(os.path.dirname(__file__), "fixtures")
SEEDS = {
    "moodle": open(os.path.join(FIX, "moodle_all.xml"), "rb").read(),
    "gift": open(os.path.join(FIX, "gift_all.gift"), "rb").read(),
    "aiken": open(os.path.join(FIX, "aiken_mixed.txt"), "rb").read(),
    "qti": open(os.path.join(FIX, "qti21_choice.xml"), "rb").read(),
    "qti3": open(os.path.join(FIX, "qti30_text_entry.xml"), "rb").read(),
    "csv": ("type,stem,A,B,key,tags\nsba,Q?,a,b,A,x | y\nmulti,\"Q\n2\",a,b,A;B,\n"
            ).encode("utf-8"),
}
PARSERS = {"moodle": (moodle_xml, ".xml"), "gift": (gift, ".gift"), "aiken": (aiken, ".txt"),
           "qti": (qti, ".xml"), "qti3": (qti, ".xml"), "csv": (csv_format, ".csv")}
FUZZ = settings(max_examples=40, deadline=2000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def run(module, suffix, data: bytes):
    fd, path = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            result = module.parse(path)
        except ImportFileError as e:
            assert str(e)
            return
        for item in result.items:
            item.validate()
        for err in result.errors:
            assert isinstance(err, ImportFileError) and err.message
    finally:
        os.unlink(path)


@st.composite
def mutated(draw, seed: bytes):
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "dup"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            end = min(len(data), pos + draw(st.integers(1, 200)))
            del data[pos:end]
        elif op == "insert":
            data[pos:pos] = draw(st.sampled_from(
                [b"{", b"}", b"~", b"=", b"#", b"::", b"\\", b"<", b"<question type='x'>",
                 b"</quiz>", b"&amp;", b"\x00", b"\xff\xfe", b"\n\n", b"ANSWER: A\n",
                 b"A. x\n", b"%50%", b"->", b'"', b",", "中文".encode()]))
        else:
            end = min(len(data), pos + 100)
            data[pos:pos] = data[pos:end]
    return bytes(data)


@pytest.mark.parametrize("name", sorted(PARSERS))
@FUZZ
@given(data=st.data())
def test_mutated_inputs(name, data):
    module, suffix = PARSERS[name]
    run(module, suffix, data.draw(mutated(SEEDS[name])))


@pytest.mark.parametrize("name", sorted(PARSERS))
@FUZZ
@given(blob=st.one_of(st.binary(max_size=2000),
                      st.text(max_size=2000).map(lambda s: s.encode("utf-8"))))
def test_random_inputs(name, blob):
    module, suffix = PARSERS[name]
    run(module, suffix, blob)


@FUZZ
@given(members=st.dictionaries(
    st.sampled_from(["imsmanifest.xml", "a.xml", "media/x.png", "collection.anki2", "media",
                     "0", "__MACOSX/._a.xml"]),
    st.one_of(st.binary(max_size=300), st.sampled_from([SEEDS["qti"], b"{}", b"{\"0\": \"x.png\"}",
                                                         b"SQLite format 3\x00"])),
    max_size=5))
def test_random_zips(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    raw = buf.getvalue()
    run(qti, ".zip", raw)
    run(anki, ".apkg", raw)
    run(qti, ".zip", raw[: len(raw) // 2])  # truncated
