"""The gate checks every generated draft against the bank for near copies (naming the bank
item copied) and against the topic it was requested for, in English and Chinese."""

from __future__ import annotations

import pytest

from eduapp.authoring.relevance import concerns_topic, topic_finding, topic_words
from eduapp.domain import Item, Option

STARTER_STEM = ("A 58-year-old man has crushing central chest pain for 40 minutes with "
                "ST elevation in leads II, III and aVF. Which artery is most likely occluded?")
OPTIONS = ["Right coronary artery", "Left anterior descending artery", "Left circumflex artery",
           "Left main stem", "Posterior descending artery"]


def sba(stem, *, topic="", source="generated", key=0, language="en", options=OPTIONS,
        system="cardiovascular"):
    prov = {"source": source}
    if topic:
        prov["spec"] = {"topic": topic}
    return Item(type="sba", stem=stem, language=language, system=system, status="draft",
                options=[Option(t, correct=n == key) for n, t in enumerate(options)],
                provenance=prov)


def rules(item):
    return [f.rule for f in item.findings]


def test_a_cut_off_copy_of_a_starter_item_is_flagged_naming_the_bank_item(workspace):
    bank = workspace.bank
    starter = sba(STARTER_STEM, source="starter")
    starter.status = "approved"
    starter = bank.save_item(starter)
    bank.save_item(sba("Which nerve supplies the deltoid muscle?", source="starter",
                       options=["Axillary", "Radial", "Median", "Ulnar", "Musculocutaneous"]))
    # the copy the gate missed: cut off mid-word, tagged with the wrong system
    copy = bank.save_item(sba(STARTER_STEM[:118], topic="myocardial infarction",
                              system="respiratory"))
    fresh = bank.save_item(sba("A 70-year-old woman has sudden breathlessness two days after "
                               "a hip replacement; which test confirms pulmonary embolism?",
                               topic="pulmonary embolism",
                               options=["CT pulmonary angiography", "D-dimer", "ECG",
                                        "Chest X-ray", "Troponin"]))
    queue = {i.id: i for i in workspace.review_queue()}
    assert set(queue) == {copy.id, fresh.id}
    (near,) = [f for f in queue[copy.id].findings if f.rule == "near-duplicate"]
    assert f"#{starter.id}" in near.message
    assert "approved, starter bank" in near.message and "58-year-old man" in near.message
    assert "near-duplicate" not in rules(queue[fresh.id])


def test_a_draft_that_does_not_concern_its_topic_is_flagged(workspace):
    bank = workspace.bank
    off = bank.save_item(sba("Which nerve supplies the deltoid muscle?", topic="asthma",
                             options=["Axillary", "Radial", "Median", "Ulnar", "Ulnar"[:3]]))
    on = bank.save_item(sba("A 9-year-old with asthma wheezes at night. Which inhaler is the "
                            "first step?", topic="Management of acute asthma",
                            options=["Salbutamol", "Montelukast", "Theophylline",
                                     "Prednisolone", "Ipratropium"]))
    queue = {i.id: i for i in workspace.review_queue()}
    (finding,) = [f for f in queue[off.id].findings if f.rule == "off-topic"]
    assert finding.severity == "warning" and '"asthma"' in finding.message
    assert "off-topic" not in rules(queue[on.id])


@pytest.mark.parametrize("topic, stem, expected", [
    ("myocardial infarction", STARTER_STEM.replace("Which artery", "In this MI, which artery"),
     True),                                       # a synonym (MI) counts
    ("asthmatic children", "Which drug relieves an asthma attack?", True),   # word stems
    ("心肌梗死", "患者，男，58岁，急性心肌梗死，最可能闭塞的动脉是", True),
    ("心肌梗死", "三角肌由哪条神经支配？", False),
    ("pneumonia", "Which nerve supplies the deltoid muscle?", False),
    ("", "Anything at all", True),                # no requested topic: nothing to check
])
def test_concerns_topic(topic, stem, expected):
    assert concerns_topic(sba(stem), topic) is expected


def test_hand_written_items_are_not_checked_for_a_topic():
    assert topic_finding(sba("Which nerve supplies the deltoid muscle?", source="manual")) is None
    assert topic_words("Management of acute asthma") == {"asthm"}
