"""Practice fixtures: a fixed clock, a seeded bank, the practice service."""

from __future__ import annotations

import pytest

from eduapp.domain import Item, ItemSet, Option
from eduapp.practice import PracticeService, PracticeStore
from tests.conftest import make_case_set, make_sba

T0 = 1_767_225_600.0  # 2026-01-01 00:00 UTC


class FixedClock:
    """A clock that only moves when told: ``clock()`` gives epoch seconds."""

    def __init__(self, t: float = T0):
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t


@pytest.fixture
def clock():
    return FixedClock()


def make_b1_set() -> ItemSet:
    """A B1 (shared options) set of two questions."""
    shared = [Option("Furosemide"), Option("Spironolactone"), Option("Acetazolamide"),
              Option("Mannitol")]
    a = Item(type="sba", stem="Causes hyperkalaemia?", options=[
        Option(o.text, i == 1, f"why {o.text}") for i, o in enumerate(shared)], topic="renal")
    b = Item(type="sba", stem="Causes metabolic acidosis?", options=[
        Option(o.text, i == 2) for i, o in enumerate(shared)], topic="renal")
    return ItemSet(kind="shared_options", vignette="Choose the diuretic.", options=shared,
                   items=[a, b], title="Diuretics", topic="renal").attach()


@pytest.fixture
def seeded_bank(bank):
    """10 single items (5 renal, 5 cardiology; key = option 0), a case set, a B1 set,
    one short-answer item."""
    for i in range(10):
        topic = "renal acid-base" if i < 5 else "cardiology"
        bank.save_item(make_sba(f"Question {i}?", key=0, topic=topic, system="nephrology"
                                if i < 5 else "cardiology", status="approved",
                                difficulty=0.6, bloom="apply", discipline="physiology"))
    case = make_case_set()
    b1 = make_b1_set()
    for it in case.items:
        it.topic = "cardiology"
    for it in case.items + b1.items:  # students are served approved items only
        it.status = "approved"
    bank.save_set(case)
    bank.save_set(b1)
    bank.save_item(Item(type="short", stem="Name the first-line drug for anaphylaxis.",
                        options=[Option("adrenaline", True)], model_answer="Adrenaline "
                        "(epinephrine) 0.5 mg IM", rubric="drug; dose; route",
                        topic="immunology", status="approved"))
    return bank


@pytest.fixture
def service(seeded_bank, data_dir, clock):
    svc = PracticeService(seeded_bank, PracticeStore.open_in(data_dir), clock=clock,
                          fuzz=False)
    yield svc
    svc.close()


@pytest.fixture
def student(service):
    return service.create_profile("Li Wei", "MBBS 2026")
