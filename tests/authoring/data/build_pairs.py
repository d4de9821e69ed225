"""Builds duplicate_pairs.json: groups of near copies, and same-topic items that differ.

Each group holds one base item and its near copies (options reordered, a word or two
changed, an age or one vignette sentence edited, one distractor swapped). Items of
different groups are never duplicates, though many share a topic and a lead-in template
(the starter bank's items of one system; the hand-written ``hard`` groups below, which
ask the same kind of question about a neighbouring fact). Deterministic (seeded).
"""
import copy
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
rng = random.Random(4)

EN_SWAPS = [("most likely", "most probable"), ("Which of the following", "Which one of the following"),
            ("patient", "person"), ("man", "male patient"), ("woman", "female patient"),
            ("has had", "has experienced"), ("appropriate", "suitable"), ("shows", "demonstrates"),
            ("first-line", "first choice"), ("is", "is"), ("most", "most")]
ZH_SWAPS = [("患者", "病人"), ("最可能", "最有可能"), ("首选", "首先选择"), ("应首先", "首先应"),
            ("出现", "发生"), ("检查", "检测"), ("治疗", "处理"), ("诊断", "判断")]


def perturb(item, lang, how):
    it = copy.deepcopy(item)
    it.pop("uid", None)
    it.pop("idnumber", None)
    if how == "shuffle":
        rng.shuffle(it["options"])
        it["stem"] = it["stem"].replace("  ", " ").rstrip("?？") + ("?" if lang == "en" else "")
    elif how == "words":
        swaps = ZH_SWAPS if lang == "zh" else EN_SWAPS
        done = 0
        for a, b in rng.sample(swaps, len(swaps)):
            for field in ("vignette", "stem"):
                if a in it.get(field, "") and done < 2:
                    it[field] = it[field].replace(a, b, 1)
                    done += 1
        if done == 0:
            it["stem"] = ("请回答：" if lang == "zh" else "Answer this: ") + it["stem"]
    elif how == "edit":
        text_field = "vignette" if it.get("vignette") else "stem"
        text = it[text_field]
        m = re.search(r"\d+", text)
        if m:
            n = int(m.group(0))
            text = text[:m.start()] + str(n + rng.choice([1, 2, 3])) + text[m.end():]
        sents = re.split(r"(?<=[.。])\s*", text)
        if len(sents) >= 4:
            del sents[rng.randrange(1, len(sents) - 2)]
            text = (" " if lang == "en" else "").join(s for s in sents if s)
        it[text_field] = text
        wrong = [o for o in it["options"] if not o["correct"]]
        if wrong:
            wrong[0]["text"] = "Other: " + wrong[0]["text"] if lang == "en" else wrong[0]["text"] + "（其他）"
    return it


def load_bases():
    bases = []
    d = json.load(open(os.path.join(ROOT, "question_banks", "starter_en.json"), encoding="utf-8"))
    for x in d["items"]:
        bases.append(("en", x.get("system", ""), x))
    for s in d["sets"]:
        for x in s["items"]:
            bases.append(("en", s.get("system", ""), dict(x, vignette=x.get("vignette") or s.get("vignette", ""))))
    ann = json.load(open(os.path.join(HERE, "annotated_items.json"), encoding="utf-8"))
    for e in ann["items"]:
        x = e["item"]
        if len(x["stem"]) + len(x.get("vignette", "")) < 25 or e["id"] in ("en-f15", "zh-f14"):
            continue  # nonsense stems are not bank items
        bases.append((e["language"], "annotated", x))
    return bases


def sba(stem, options, key, lang="en", vignette=""):
    return {"type": "sba", "stem": stem, "vignette": vignette, "language": lang,
            "options": [{"text": o, "correct": i == key, "explanation": ""} for i, o in enumerate(options)]}


NERVES = ["Axillary nerve", "Radial nerve", "Median nerve", "Ulnar nerve", "Musculocutaneous nerve"]
NERVES_ZH = ["腋神经", "桡神经", "正中神经", "尺神经", "肌皮神经"]
HARD = [
    sba("Which nerve is most likely to be injured in a fracture of the midshaft of the humerus?", NERVES, 1),
    sba("Which nerve is most likely to be injured in a supracondylar fracture of the humerus in a child?", NERVES, 2),
    sba("Which nerve is most likely to be injured in a fracture of the medial epicondyle of the humerus?", NERVES, 3),
    sba("Which antibiotic is first-line for uncomplicated lower urinary tract infection in non-pregnant women in the UK?",
        ["Nitrofurantoin", "Amoxicillin", "Ciprofloxacin", "Gentamicin", "Vancomycin"], 0),
    sba("Which antibiotic is first-line for cellulitis without systemic features in adults in the UK?",
        ["Flucloxacillin", "Amoxicillin", "Ciprofloxacin", "Gentamicin", "Vancomycin"], 0),
    sba("Which antibiotic is first-line for Clostridioides difficile infection (first episode) in adults in the UK?",
        ["Oral vancomycin", "Amoxicillin", "Ciprofloxacin", "Gentamicin", "Metronidazole"], 0),
    sba("Which drug is first-line for generalised tonic-clonic seizures in a 25-year-old man?",
        ["Carbamazepine", "Phenytoin", "Sodium valproate", "Vigabatrin", "Ethosuximide"], 2),
    sba("Which drug is first-line for focal seizures in a 30-year-old woman?",
        ["Lamotrigine", "Phenytoin", "Gabapentin", "Vigabatrin", "Ethosuximide"], 0),
    sba("Which dose of intramuscular adrenaline is recommended for anaphylaxis in a child aged 6 to 12 years?",
        ["0.05 mg", "0.15 mg", "0.3 mg", "0.5 mg", "1 mg"], 2),
    sba("Which dose of intravenous adrenaline is given in adult cardiac arrest with a non-shockable rhythm?",
        ["0.1 mg", "0.5 mg", "1 mg", "3 mg", "5 mg"], 2),
    sba("Which enzyme is deficient in alkaptonuria?",
        ["Phenylalanine hydroxylase", "Tyrosinase", "Homogentisate oxidase", "Cystathionine synthase",
         "Fumarylacetoacetate hydrolase"], 2),
    sba("Which enzyme is deficient in oculocutaneous albinism type 1?",
        ["Phenylalanine hydroxylase", "Tyrosinase", "Homogentisate oxidase", "Cystathionine synthase",
         "Fumarylacetoacetate hydrolase"], 1),
    sba("Which of the following is the most likely diagnosis?",
        ["Acute pericarditis", "Inferior myocardial infarction", "Aortic dissection", "Pulmonary embolism",
         "Oesophageal spasm"], 0,
        vignette="A 28-year-old man has sharp central chest pain for 2 days that is worse lying flat and eased by "
                 "sitting forward. He had a viral illness a week ago. ECG shows widespread saddle-shaped ST elevation "
                 "with PR depression."),
    sba("Which of the following is the most likely diagnosis?",
        ["Acute pericarditis", "Inferior myocardial infarction", "Aortic dissection", "Pulmonary embolism",
         "Oesophageal spasm"], 2,
        vignette="A 66-year-old man with poorly controlled hypertension has sudden tearing chest pain radiating to "
                 "the back. Blood pressure is 170/90 mm Hg in the right arm and 130/70 mm Hg in the left arm."),
    sba("肱骨干中段骨折最易损伤的神经是", NERVES_ZH, 1, "zh"),
    sba("肱骨髁上骨折（儿童）最易损伤的神经是", NERVES_ZH, 2, "zh"),
    sba("肱骨内上髁骨折最易损伤的神经是", NERVES_ZH, 3, "zh"),
    sba("儿童全面强直阵挛发作的首选药物是", ["卡马西平", "苯妥英钠", "丙戊酸钠", "氨己烯酸", "乙琥胺"], 2, "zh"),
    sba("成人局灶性发作的首选药物是", ["拉莫三嗪", "苯妥英钠", "加巴喷丁", "氨己烯酸", "乙琥胺"], 0, "zh"),
    sba("尿黑酸尿症缺乏的酶是", ["苯丙氨酸羟化酶", "酪氨酸酶", "尿黑酸氧化酶", "胱硫醚合成酶", "延胡索酰乙酰乙酸水解酶"], 2, "zh"),
    sba("最可能的诊断是", ["急性心包炎", "急性下壁心肌梗死", "主动脉夹层", "肺栓塞", "食管痉挛"], 0, "zh",
        vignette="患者，男，28岁。胸骨后锐痛2天，平卧加重，前倾坐位减轻。1周前有上呼吸道感染。心电图示广泛导联ST段弓背向下抬高，PR段压低。"),
    sba("最可能的诊断是", ["急性心包炎", "急性下壁心肌梗死", "主动脉夹层", "肺栓塞", "食管痉挛"], 2, "zh",
        vignette="患者，男，66岁，高血压控制不佳。突发撕裂样胸痛，向背部放射。右上肢血压170/90 mmHg，左上肢130/70 mmHg。"),
    sba("社区获得性肺炎（重症）住院患者的经验性治疗可首选",
        ["阿莫西林", "环丙沙星", "头孢曲松联合阿奇霉素", "庆大霉素", "万古霉素"], 2, "zh"),
    sba("成人过敏性休克时肾上腺素静脉注射的推荐剂量为", ["0.05 mg", "0.1 mg", "0.5 mg", "1 mg", "5 mg"], 0, "zh"),
]

groups = []
for n, (lang, topic, base) in enumerate(load_bases()):
    base = {k: v for k, v in base.items() if k in ("type", "stem", "vignette", "options", "language")}
    base["language"] = lang
    copies = [perturb(base, lang, how) for how in rng.sample(["shuffle", "words", "edit"], 2)]
    groups.append({"group": f"g{n:03d}", "topic": topic, "items": [base] + copies})
for n, item in enumerate(HARD):
    groups.append({"group": f"hard{n:02d}", "topic": "hard negative", "items": [item]})

doc = {"description": "Near-copy groups for the duplicate detector: items in one group are near "
       "copies (positives); items of different groups are not (negatives), many on the same topic.",
       "version": 1, "groups": groups}
with open(os.path.join(HERE, "duplicate_pairs.json"), "w", encoding="utf-8") as fh:
    json.dump(doc, fh, ensure_ascii=False, indent=1)
n_items = sum(len(g["items"]) for g in groups)
print(len(groups), "groups,", n_items, "items")
