"""The Workspace: the one owner of the use cases that the CLI and the GUI are views of.
Each test here is a bug the CLI and the GUI once had because each rebuilt a flow."""

from __future__ import annotations

import json

import pytest

from eduapp.authoring import QuestionSpec
from eduapp.config import choose_data_dir, resolve_data_dir
from eduapp.domain import Changes
from eduapp.errors import LLMOutputError
from eduapp.exams import Blueprint
from eduapp.llm.scripted_server import answer
from eduapp.workspace import Workspace
from tests.authoring.conftest import sba_answer
from tests.conftest import make_sba


@pytest.fixture
def home(tmp_path, monkeypatch):
    """The platform's default data folder, in a temp folder, with no override."""
    folder = tmp_path / "default"
    monkeypatch.setattr("eduapp.config.default_data_dir", lambda: str(folder))
    monkeypatch.delenv("EDUAPP_DATA_DIR", raising=False)
    return folder


def test_the_cli_opens_the_folder_chosen_in_settings(home, tmp_path, capsys):
    """Bug: the GUI kept the chosen folder in QSettings, so `eduapp bank stats` silently
    read another bank."""
    from eduapp.cli import main
    chosen = tmp_path / "department-bank"
    with Workspace(str(chosen)) as ws:
        ws.bank.save_item(make_sba())
    choose_data_dir(str(chosen))
    assert resolve_data_dir() == str(chosen)
    assert main(["bank", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["items"] == 1 and stats["path"].startswith(str(chosen))
    choose_data_dir(str(home))  # back to the default: the pointer is cleared
    assert resolve_data_dir() == str(home)
    assert resolve_data_dir(str(tmp_path / "x")) == str(tmp_path / "x")  # --data-dir wins


def test_settings_dialog_choice_reaches_the_cli(home, tmp_path, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton
    from eduapp.ui.app import App, make_qapp
    from eduapp.ui.settings_dialog import SettingsDialog
    make_qapp()
    app = App(str(home))
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(chosen)))
    dialog = SettingsDialog(app)
    qtbot.addWidget(dialog)
    choose = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…")
    qtbot.mouseClick(choose, Qt.LeftButton)
    assert dialog.data_dir.text() == str(chosen)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
    qtbot.mouseClick(ok, Qt.LeftButton)
    assert resolve_data_dir() == str(chosen)
    app.shutdown()


def test_a_new_default_provider_reaches_practice_at_once(workspace, scripted_profile):
    """Bug: the practice service kept the provider of the moment it was made."""
    practice = workspace.practice
    assert practice.tutor_profile is None  # the embedded model does not tutor or mark
    workspace.providers.save(scripted_profile)
    changes = workspace.update_settings(default_provider="scripted")
    assert changes.settings and changes.providers
    assert workspace.practice is practice  # the same service, no restart
    assert practice.tutor_profile.name == "scripted"
    assert type(practice.marker).__name__ == "LLMMarker"
    workspace.update_settings(default_provider="embedded")
    assert practice.tutor_profile is None and type(practice.marker).__name__ == "SelfMarker"


def test_another_process_changing_settings_is_seen(workspace, data_dir):
    other = Workspace(data_dir)
    other.update_settings(institution="Peking Union Medical College")
    assert workspace.settings.institution == "Peking Union Medical College"


def test_the_cli_and_the_gui_build_exams_through_the_workspace(workspace, monkeypatch,
                                                               run_cli, tmp_path):
    """Bug: building an exam was written twice (the command and the Exams page)."""
    for k in range(4):
        workspace.bank.save_item(make_sba(f"Asthma question {k}?", topic="asthma",
                                          status="approved"))
    calls = []
    original = Workspace.publish_exam

    def spy(self, exam, folder, **kw):
        calls.append(folder)
        return original(self, exam, folder, **kw)
    monkeypatch.setattr(Workspace, "publish_exam", spy)
    code, out, _ = run_cli("exam", "build", "--query", "asthma", "--count", "3", "--forms", "2",
                           "--seed", "1", "--out", tmp_path / "cli", "--json")
    assert code == 0 and out["question_count"] == 3 and calls == [str(tmp_path / "cli")]
    assembly = workspace.assemble_exam(Blueprint.for_query("asthma", 3), seed=1)
    files = workspace.publish_exam(assembly.exam, str(tmp_path / "ws"), forms=2)
    assert files.changes == Changes(exams=True)
    assert len(workspace.exams.list()) == 2


def test_one_item_costs_at_most_two_model_calls(workspace, scripted_server, scripted_profile):
    """Bug: the question pipeline added its own repair round on top of the structured
    client's, so one unusable item cost four calls (DESIGN.md: one repair)."""
    workspace.providers.save(scripted_profile)
    two_keys = sba_answer(key=7)  # schema-valid JSON whose key is out of range
    scripted_server.script(answer(two_keys), answer(two_keys))
    with pytest.raises(LLMOutputError):
        workspace.generate_questions(QuestionSpec("anaphylaxis", count=1), provider="scripted",
                                     verify=False)
    assert len(scripted_server.chat_requests) == 2
    scripted_server.script(answer(two_keys), answer(sba_answer()))
    result = workspace.generate_questions(QuestionSpec("anaphylaxis", count=1),
                                          provider="scripted", verify=False)
    assert len(result.items) == 1 and result.changes.items
    assert result.items[0].provenance["attempts"] == 2
    assert len(scripted_server.chat_requests) == 4


def test_use_cases_say_what_they_changed(workspace, tmp_path):
    saved = workspace.save_item(make_sba())
    assert saved.changes == Changes(items=True) and saved.value.id
    n, changes = workspace.set_status([saved.value.id], "approved")
    assert n == 1 and changes.items
    deleted, changes = workspace.delete_items([saved.value.id])
    assert deleted == [saved.value.id] and changes.items
    assert workspace.restore_items(deleted)[1].items
    path = tmp_path / "bank.json"
    out = workspace.export_items("eduapp-json", str(path))
    assert out.exported == 1
    again = Workspace(str(tmp_path / "other"))
    outcome = again.import_files([str(path)])
    assert outcome.summary.imported == 1 and outcome.changes.items
    again.close()


def _flagged(workspace, **kw):
    """A draft whose options repeat each other (an error-level gate finding)."""
    from eduapp.domain import Item, Option
    item = Item(type="sba", stem="Which drug is first-line for anaphylaxis in adults?",
                options=[Option("Adrenaline IM", True), Option("Adrenaline IM", False),
                         Option("Prednisolone", False), Option("Cetirizine", False)], **kw)
    return workspace.bank.save_item(item)


def test_approving_a_flagged_item_needs_a_confirmation_and_records_who(workspace, run_cli):
    from eduapp.errors import ApprovalBlockedError
    clean = workspace.bank.save_item(make_sba())
    flagged = _flagged(workspace)
    with pytest.raises(ApprovalBlockedError) as e:
        workspace.set_status([clean.id, flagged.id], "approved")
    assert list(e.value.blocked) == [flagged.id]
    assert [f.rule for f in e.value.blocked[flagged.id]] == ["duplicate-options"]
    assert workspace.bank.get_item(clean.id).status == "draft"  # all or nothing
    code, out, _ = run_cli("bank", "set-status", "approved", clean.id, flagged.id, "--json")
    assert code == 1 and out["blocked"][0]["id"] == flagged.id
    code, out, _ = run_cli("bank", "set-status", "approved", clean.id, flagged.id, "--force",
                           "--json")
    assert code == 0 and out["changed"] == 2
    record = workspace.bank.get_item(flagged.id).provenance["approved_over"]
    assert record["findings"] == ["duplicate-options"] and record["by"]


def test_a_disagreeing_blind_answer_holds_approval_back(workspace):
    from eduapp.errors import ApprovalBlockedError
    item = make_sba(provenance={"source": "generated",
                                "verification": {"answer": ["C"], "key": ["A"], "agrees": False}})
    saved = workspace.bank.save_item(item)
    with pytest.raises(ApprovalBlockedError) as e:
        workspace.accept_drafts([saved.id], "approved")
    assert [f.rule for f in e.value.blocked[saved.id]] == ["verification-disagrees"]
    n, _ = workspace.accept_drafts([saved.id], "approved", override=True, by="dr.wang")
    assert n == 1 and workspace.bank.get_item(saved.id).provenance["approved_over"]["by"] == \
        "dr.wang"


def test_editing_an_approved_item_returns_it_to_review(workspace):
    item = workspace.bank.save_item(make_sba(status="approved"))
    item.tags = ["cardiology"]  # not content: stays approved
    assert workspace.save_item(item).value.status == "approved"
    item = workspace.bank.get_item(item.id)
    item.stem = "Which drug lowers mortality after a myocardial infarction?"
    saved = workspace.save_item(item).value
    assert saved.status == "reviewed" and saved.version == 2


def test_a_paper_without_a_language_takes_the_interface_language(workspace, monkeypatch):
    from eduapp.domain import Item, Option
    zh_options = ["吸入糖皮质激素", "口服茶碱", "色甘酸钠", "白三烯受体拮抗剂", "抗生素"]
    for k in range(4):
        workspace.bank.save_item(make_sba(f"Asthma question {k}?", topic="asthma",
                                          status="approved"))
        workspace.bank.save_item(Item(
            type="sba", stem=f"哮喘试题{k}：首选的治疗是？", topic="asthma", language="zh",
            status="approved", options=[Option(t, n == 0) for n, t in enumerate(zh_options)]))
    workspace.update_settings(language="zh")
    assembly = workspace.assemble_exam(Blueprint.for_query("asthma", 3), seed=1)
    assert {i.language for i in assembly.exam.items()} == {"zh"}
    workspace.update_settings(language="en")
    assembly = workspace.assemble_exam(Blueprint.for_query("asthma", 3), seed=1)
    assert {i.language for i in assembly.exam.items()} == {"en"}
    # only when one language cannot fill it are both used, and the notes say so
    assembly = workspace.assemble_exam(Blueprint.for_query("asthma", 6), seed=1)
    assert {i.language for i in assembly.exam.items()} == {"en", "zh"}
    assert any("both languages" in n for n in assembly.notes)
