"""Builds annotated_gate_holdout.json: a second annotated set, written after the issue-16
rules were frozen (bench/bench_gate_accuracy.py reports it separately). Same shape as
annotated_gate_set.json.

Its first run (the honest held-out figure): English flawed flagged 5/8 (62.5%), clean
flagged 0/7; Chinese flawed flagged 7/8 (87.5%), clean flagged 1/7 (14.3%). Three general
fixes followed (lower-case roman numerals in K-type options, the head noun of the asked
class for clang, Chinese lead-ins ending 给予/采取/进行), so later runs are no longer fully
held out. The synonym table was deliberately not extended with its pairs (croup, 痄腮,
A1AT): those misses are what the offline check cannot see.

    python tests/authoring/data/build_gate_holdout.py
"""
import json
import os

from build_gate_set import O, add, entries  # noqa: F401  (same helpers, fresh list)

entries.clear()
# ---------------------------------------------------------------- English
add("h-en-k1", "k-type", "en",
    "Which of the following cause a raised anion gap metabolic acidosis?\n(1) Lactic acidosis "
    "(2) Diarrhoea (3) Methanol poisoning (4) Renal tubular acidosis",
    O("(1) and (2)", "*(1) and (3)", "(2) and (4)", "(3) only", "All of (1)-(4)"))
add("h-en-k2", "k-type", "en",
    "Features of Horner syndrome include: i. ptosis ii. miosis iii. mydriasis. Choose the "
    "correct combination.", O("i only", "*i and ii", "ii and iii", "i, ii and iii", "iii only"))
add("h-en-c1", "word-repeat", "en",
    "Which class of drug causes dry cough by inhibiting bradykinin breakdown in the lung?",
    O("*Bradykinin-sparing ACE inhibitors", "Calcium-channel blockers", "Thiazide diuretics",
      "Alpha-blockers", "Beta-blockers"))
add("h-en-c2", "word-repeat", "en",
    "A 30-year-old woman has galactorrhoea and amenorrhoea. Which pituitary tumour is most "
    "likely?", O("Somatotroph adenoma", "Corticotroph adenoma", "*Prolactin-secreting pituitary "
                 "adenoma", "Craniopharyngioma", "Meningioma"))
add("h-en-t1", "two-keys", "en",
    "A 35-year-old man with COPD-like symptoms, liver disease and panacinar emphysema at the "
    "bases. Which deficiency is most likely?",
    O("*Alpha-1 antitrypsin deficiency", "Cystic fibrosis", "A1AT deficiency",
      "Kartagener syndrome", "IgA deficiency"), note="A1AT = alpha-1 antitrypsin")
add("h-en-t2", "two-keys", "en",
    "A 6-year-old has a barking cough and inspiratory stridor. What is the diagnosis?",
    O("Epiglottitis", "*Croup", "Laryngotracheobronchitis", "Bacterial tracheitis",
      "Foreign body"), note="croup = laryngotracheobronchitis; not in the synonym table")
add("h-en-n1", "negative-stem", "en",
    "Which of these is not a feature of nephritic syndrome?",
    O("Haematuria", "Hypertension", "Oliguria", "*Heavy proteinuria above 3.5 g/day", "Red-cell casts"))
add("h-en-op1", "open-lead-in", "en",
    "Regarding digoxin:", O("It is a loop diuretic", "*Hypokalaemia increases its toxicity",
                            "It shortens the PR interval", "It is cleared by the liver",
                            "It has a wide therapeutic index"))
add("h-en-ok1", "clean", "en", "Which is the most likely diagnosis?",
    O("Cluster headache", "*Giant cell arteritis", "Migraine", "Trigeminal neuralgia",
      "Tension-type headache"),
    vignette="A 74-year-old woman has a new temporal headache, jaw claudication and an ESR of "
             "92 mm/h.")
add("h-en-ok2", "clean", "en", "Which drug should be given first?",
    O("*Intravenous lorazepam", "Intravenous phenytoin", "Oral levetiracetam",
      "Intravenous phenobarbital", "Rectal paraldehyde"),
    vignette="A 30-year-old man has had a generalised tonic-clonic seizure lasting 6 minutes; "
             "intravenous access is established.")
add("h-en-ok3", "clean", "en", "Which test confirms the diagnosis?",
    O("Serum TSH", "*Overnight dexamethasone suppression test", "Plasma metanephrines",
      "Aldosterone/renin ratio", "Serum cortisol at midnight after insulin"),
    vignette="A 40-year-old woman has central obesity, purple striae, proximal weakness and "
             "hypertension.")
add("h-en-ok4", "clean", "en", "Which of the following is the most likely cause?",
    O("*Carpal tunnel syndrome", "Cubital tunnel syndrome", "C8 radiculopathy",
      "Motor neurone disease", "Raynaud phenomenon"),
    vignette="A 52-year-old pregnant woman has numbness of the thumb, index and middle fingers "
             "at night; Phalen test is positive.")
add("h-en-ok5", "clean", "en", "How many mg of elemental iron does ferrous sulfate 200 mg contain?",
    O("20", "*65", "100", "130", "200"))
add("h-en-ok6", "clean", "en", "Which is the most appropriate initial management?",
    O("*Oral rehydration solution", "Intravenous 0.9% saline", "Loperamide",
      "Oral ciprofloxacin", "Nil by mouth"),
    vignette="A 3-year-old has had watery diarrhoea for 2 days; she is alert, drinking eagerly "
             "and has slightly dry mucous membranes.")
add("h-en-ok7", "clean", "en", "Which organism is the most likely cause?",
    O("Escherichia coli", "*Staphylococcus saprophyticus", "Proteus mirabilis",
      "Klebsiella pneumoniae", "Enterococcus faecalis"),
    vignette="A sexually active 20-year-old woman has dysuria; urine culture grows a "
             "coagulase-negative, novobiocin-resistant coccus.")
# ---------------------------------------------------------------- Chinese
add("h-zh-k1", "k-type", "zh", "属于肝硬化失代偿期表现的是：①腹水 ②脾大 ③蜘蛛痣 ④肝掌。应选",
    O("①②", "①③", "*①②③④", "②④", "③④"))
add("h-zh-k2", "k-type", "zh", "下列哪些属于糖皮质激素的不良反应（1. 骨质疏松 2. 高血糖 3. 低血压 4. 消化性溃疡）",
    O("1、2", "*1、2、4", "2、3", "3、4", "1、3、4"))
add("h-zh-c1", "word-repeat", "zh", "治疗消化性溃疡出血首选的抑酸药物是",
    O("H2受体拮抗剂", "*质子泵抑制剂（抑酸药）", "硫糖铝", "铝碳酸镁", "米索前列醇"))
add("h-zh-c2", "word-repeat", "zh", "引起社区获得性肺炎最常见的病原体是",
    O("*肺炎链球菌（社区获得性）", "金黄色葡萄球菌", "铜绿假单胞菌", "大肠埃希菌", "军团菌"))
add("h-zh-t1", "two-keys", "zh", "女，35岁。心悸、怕热、突眼，甲状腺弥漫性肿大，TRAb阳性。最可能的诊断是",
    O("*Graves病", "桥本甲状腺炎", "毒性弥漫性甲状腺肿", "亚急性甲状腺炎", "甲状腺腺瘤"))
add("h-zh-t2", "two-keys", "zh", "男，8岁。发热、腮腺肿大3天。最可能的诊断是",
    O("*流行性腮腺炎", "化脓性腮腺炎", "痄腮", "淋巴结炎", "腮腺肿瘤"), note="痄腮 = 流行性腮腺炎，不在同义词表中")
add("h-zh-n1", "negative-stem", "zh", "下列不属于急性胰腺炎局部并发症的是",
    O("胰腺假性囊肿", "胰腺脓肿", "急性坏死物积聚", "*急性肾损伤", "包裹性坏死"))
add("h-zh-op1", "open-lead-in", "zh", "关于胺碘酮的叙述，正确的是",
    O("属于Ⅰ类抗心律失常药", "*可引起甲状腺功能异常", "半衰期很短", "不影响QT间期", "无肺毒性"))
add("h-zh-ok1", "clean", "zh", "最可能的诊断是",
    O("丛集性头痛", "*巨细胞动脉炎", "偏头痛", "三叉神经痛", "紧张型头痛"),
    vignette="女，74岁。新发颞部头痛，咀嚼时下颌疼痛，ESR 92 mm/h。")
add("h-zh-ok2", "clean", "zh", "首选的药物是",
    O("*静脉注射劳拉西泮", "静脉注射苯妥英钠", "口服左乙拉西坦", "静脉注射苯巴比妥", "直肠给予水合氯醛"),
    vignette="男，30岁。全面强直-阵挛发作持续6分钟，已建立静脉通路。")
add("h-zh-ok3", "clean", "zh", "确诊首选的检查是",
    O("血清TSH", "*过夜地塞米松抑制试验", "血浆甲氧基肾上腺素", "醛固酮/肾素比值", "胰岛素低血糖试验"),
    vignette="女，40岁。向心性肥胖、皮肤紫纹、近端肌无力、高血压。", label="en")
add("h-zh-ok4", "clean", "zh", "最可能的病原体是",
    O("大肠埃希菌", "*腐生葡萄球菌", "奇异变形杆菌", "肺炎克雷伯菌", "粪肠球菌"),
    vignette="女，20岁。尿痛、尿频，尿培养为凝固酶阴性、新生霉素耐药的球菌。")
add("h-zh-ok5", "clean", "zh", "最适宜的初始处理是",
    O("*口服补液盐", "静脉输注生理盐水", "洛哌丁胺", "口服环丙沙星", "禁食"),
    vignette="女，3岁。水样腹泻2天，精神好，口渴欲饮，口唇稍干。")
add("h-zh-ok6", "clean", "zh", "该患者应首先给予",
    O("*静脉注射50%葡萄糖", "静脉注射胰岛素", "口服二甲双胍", "静脉滴注生理盐水", "肌内注射胰高血糖素后观察"),
    vignette="男，65岁。2型糖尿病，使用格列本脲。晨起被发现意识不清，指尖血糖1.9 mmol/L，已建立静脉通路。")
add("h-zh-ok7", "clean", "zh", "最可能的诊断是",
    O("*腕管综合征", "肘管综合征", "C8神经根病", "运动神经元病", "雷诺现象"),
    vignette="女，52岁。夜间拇指、示指、中指麻木，Phalen试验阳性。")

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "annotated_gate_holdout.json")
with open(path, "w", encoding="utf-8") as fh:
    fh.write(json.dumps({"description": "Held-out annotated items for the quality gate: written "
                         "after the issue-16 rules were frozen; first run en 5/8 flawed and 0/7 "
                         "clean flagged, zh 7/8 and 1/7; three general fixes followed (see "
                         "build_gate_holdout.py).",
                         "version": 1, "items": entries}, ensure_ascii=False, indent=1) + "\n")
print(len(entries), "items ->", path)
