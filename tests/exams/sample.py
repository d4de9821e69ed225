"""Sample banks for exam and PDF tests: English and Chinese items of every format
(A1, A2 with vignette, A3/A4 case set, B1 shared-option set, X multiple response)."""

from __future__ import annotations

from eduapp.domain import Item, ItemSet, Option

from tests.conftest import make_case_set, make_sba

SYSTEMS = ("cardiology", "respiratory", "endocrine")


def fill_en(bank, per_cell: int = 4, *, status: str = "approved") -> dict:
    """Per system x Bloom (remember/apply): ``per_cell`` SBA items with distinct stems,
    plus one case set (cardiology, apply) and one B1 set (pharmacology). Returns ids."""
    ids: dict = {"items": [], "case": None, "b1": None}
    n = 0
    for system in SYSTEMS:
        for bloom in ("remember", "apply"):
            for k in range(per_cell):
                n += 1
                item = make_sba(f"{system} {bloom} question {k}: which drug is best (#{n})?",
                                key=n % 5, system=system, topic=f"{system} topic",
                                bloom=bloom, status=status, difficulty=(0.3, 0.55, 0.8)[n % 3])
                ids["items"].append(bank.save_item(item).id)
    case = make_case_set()
    for m in case.items:
        m.status, m.system, m.bloom = status, "cardiology", "apply"
    case.system = "cardiology"
    bank.save_set(case)
    ids["case"] = [m.id for m in case.items]
    ids["b1"] = [m.id for m in bank.save_set(b1_set(status=status)).items]
    return ids


def b1_set(status="approved", language="en") -> ItemSet:
    texts = ("Furosemide", "Spironolactone", "Amiloride", "Hydrochlorothiazide",
             "Acetazolamide") if language == "en" else ("呋塞米", "螺内酯", "阿米洛利",
                                                         "氢氯噻嗪", "乙酰唑胺")
    stems = (("Causes hyperkalaemia and gynaecomastia", 1), ("Used for altitude sickness", 4),
             ("Loop diuretic given in acute pulmonary oedema", 0)) if language == "en" else (
        ("可引起高钾血症和男性乳房发育的是", 1), ("可用于预防高原病的是", 4),
        ("急性肺水肿首选的利尿药是", 0))
    return ItemSet(kind="shared_options", exam_type="B1", system="pharmacology",
                   language=language, options=[Option(t) for t in texts], items=[
                       Item(type="sba", stem=s, status=status, bloom="remember",
                            system="pharmacology", language=language, exam_type="B1",
                            options=[Option("", i == key) for i in range(5)])
                       for s, key in stems])


def fill_zh(bank) -> None:
    """A Chinese bank: 4 A1, 2 A2, an A3 set of 3, a B1 set of 3, 2 X items."""
    opts = ["阿司匹林", "华法林", "地高辛", "维拉帕米", "肼屈嗪"]
    for k in range(4):
        bank.save_item(Item(type="sba", language="zh", status="approved", exam_type="A1",
                            system="cardiology", bloom="remember",
                            stem=f"急性心肌梗死后可降低死亡率的药物是（第{k + 1}题，含 β 受体阻滞剂与 ACEI 的比较）",
                            options=[Option(t, i == k % 5) for i, t in enumerate(opts)],
                            explanation="阿司匹林可降低急性心肌梗死患者的死亡率。"))
    for k in range(2):
        bank.save_item(Item(type="sba", language="zh", status="approved", exam_type="A2",
                            system="cardiology", bloom="apply",
                            vignette=f"男性，58岁。突发胸骨后压榨性疼痛{40 + k}分钟，伴大汗。心电图示V1～V4导联ST段抬高0.3 mV。既往有高血压病史10年，吸烟20年。",
                            stem="最可能的诊断是",
                            options=[Option(t, i == 1) for i, t in enumerate(
                                ["稳定型心绞痛", "急性前壁心肌梗死", "急性心包炎", "主动脉夹层", "肺栓塞"])]))
    case = ItemSet(kind="case", exam_type="A3", language="zh", system="cardiology",
                   vignette="女性，65岁。反复心悸2年，加重3天。查体：心率120次/分，心律绝对不齐，第一心音强弱不等。",
                   items=[Item(type="sba", language="zh", status="approved", exam_type="A3",
                               system="cardiology", bloom="apply", stem=s,
                               options=[Option(t, i == key) for i, t in enumerate(o)])
                          for s, o, key in (
                              ("最可能的诊断是", ["心房颤动", "室性心动过速", "窦性心动过速", "心房扑动", "室上性心动过速"], 0),
                              ("首选的检查是", ["心电图", "胸部X线", "超声心动图", "冠状动脉造影", "心肌酶"], 0),
                              ("预防脑卒中应首选", ["阿司匹林", "华法林或新型口服抗凝药", "氯吡格雷", "肝素", "不需治疗"], 1))])
    bank.save_set(case)
    bank.save_set(b1_set(language="zh"))
    for k in range(2):
        bank.save_item(Item(type="multi", language="zh", status="approved", exam_type="X",
                            system="cardiology", bloom="understand",
                            stem=f"下列哪些是心力衰竭的诱因（{k + 1}）",
                            options=[Option("感染", True), Option("心律失常", True),
                                     Option("过度体力劳动", True), Option("低钾血症", False),
                                     Option("以上都不是", False, fixed=True)]))
