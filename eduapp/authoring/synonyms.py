"""Medical synonyms and abbreviations, English and Chinese, for the gate's "two defensible
keys" check: a key and a distractor that name the same thing are both right.

The table lists names that are the same entity (INN and British/US names of drugs, an
eponym and its descriptive name, a disease and its standard abbreviation, the Chinese full
name and its common short form). Sources: WHO INN lists and the BNF/USP name pairs for
drugs; ICD-11 and 全国科学技术名词审定委员会《医学名词》 for diseases; the abbreviations
of Harrison's and 《内科学》第9版. It is a list to extend, not a thesaurus: an option pair
that is not in it is caught only when one option contains the other or is the other's
initialism (see :func:`same_thing`).

Pure functions, no state: any thread.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["SYNONYM_GROUPS", "canonical", "same_thing", "initialism"]

#: Groups of names for one thing. Matching is on whole option texts after
#: :func:`_squash` (case, spaces, hyphens, apostrophes and brackets ignored).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # drugs: INN / British / US names and Chinese names
    ("adrenaline", "epinephrine", "肾上腺素", "副肾素"),
    ("noradrenaline", "norepinephrine", "去甲肾上腺素", "正肾素"),
    ("isoprenaline", "isoproterenol", "异丙肾上腺素"),
    ("paracetamol", "acetaminophen", "对乙酰氨基酚", "扑热息痛"),
    ("aspirin", "acetylsalicylic acid", "阿司匹林", "乙酰水杨酸"),
    ("salbutamol", "albuterol", "沙丁胺醇"),
    ("glyceryl trinitrate", "nitroglycerin", "nitroglycerine", "gtn", "硝酸甘油"),
    ("lidocaine", "lignocaine", "利多卡因"),
    ("furosemide", "frusemide", "呋塞米", "速尿"),
    ("pethidine", "meperidine", "哌替啶", "度冷丁"),
    ("hyoscine", "scopolamine", "东莨菪碱"),
    ("rifampicin", "rifampin", "利福平"),
    ("isoniazid", "inh", "异烟肼", "雷米封"),
    ("ciclosporin", "cyclosporine", "cyclosporin", "环孢素"),
    ("aciclovir", "acyclovir", "阿昔洛韦", "无环鸟苷"),
    ("amoxicillin", "amoxycillin", "阿莫西林"),
    ("benzylpenicillin", "penicillin g", "青霉素g", "青霉素"),
    ("phenoxymethylpenicillin", "penicillin v", "青霉素v"),
    ("glibenclamide", "glyburide", "格列本脲", "优降糖"),
    ("co-trimoxazole", "trimethoprim-sulfamethoxazole", "trimethoprim-sulphamethoxazole",
     "复方磺胺甲噁唑", "复方新诺明"),
    ("bendroflumethiazide", "bendrofluazide"),
    ("colecalciferol", "cholecalciferol", "vitamin d3", "维生素d3"),
    ("phytomenadione", "phytonadione", "vitamin k1", "维生素k1"),
    ("thiamine", "vitamin b1", "维生素b1", "硫胺素"),
    ("ascorbic acid", "vitamin c", "维生素c", "抗坏血酸"),
    ("cobalamin", "vitamin b12", "维生素b12", "钴胺素"),
    ("folic acid", "vitamin b9", "叶酸", "维生素b9"),
    ("pyridoxine", "vitamin b6", "维生素b6"),
    ("diazepam", "安定", "地西泮"),
    ("phenobarbital", "phenobarbitone", "苯巴比妥", "鲁米那"),
    ("metronidazole", "甲硝唑", "灭滴灵"),
    ("suxamethonium", "succinylcholine", "琥珀胆碱", "司可林"),
    ("ethinylestradiol", "ethinyl estradiol", "炔雌醇"),
    ("oestradiol", "estradiol", "雌二醇"),
    ("levothyroxine", "l-thyroxine", "左甲状腺素", "左旋甲状腺素"),
    ("propylthiouracil", "ptu", "丙硫氧嘧啶"),
    ("methimazole", "thiamazole", "甲巯咪唑", "他巴唑"),
    ("unfractionated heparin", "普通肝素"),
    ("low-molecular-weight heparin", "lmwh", "低分子量肝素", "低分子肝素"),
    ("direct oral anticoagulant", "doac", "noac", "non-vitamin k antagonist oral anticoagulant",
     "新型口服抗凝药", "非维生素k拮抗剂口服抗凝药"),
    ("ace inhibitor", "angiotensin-converting enzyme inhibitor", "acei",
     "血管紧张素转换酶抑制剂"),
    ("angiotensin receptor blocker", "angiotensin ii receptor blocker", "arb",
     "血管紧张素ii受体阻滞剂", "血管紧张素受体阻滞剂"),
    ("nsaid", "non-steroidal anti-inflammatory drug", "非甾体抗炎药"),
    ("proton pump inhibitor", "ppi", "质子泵抑制剂"),
    ("selective serotonin reuptake inhibitor", "ssri", "选择性5-羟色胺再摄取抑制剂"),
    ("ct pulmonary angiography", "ctpa", "ct肺动脉造影"),
    # diseases and syndromes: eponym / descriptive name / abbreviation
    ("myocardial infarction", "heart attack", "mi", "心肌梗死", "心肌梗塞", "心梗"),
    ("stroke", "cerebrovascular accident", "cva", "脑卒中", "卒中", "中风", "脑血管意外"),
    ("hashimoto thyroiditis", "hashimoto's thyroiditis", "chronic lymphocytic thyroiditis",
     "chronic autoimmune thyroiditis", "桥本甲状腺炎", "桥本病", "慢性淋巴细胞性甲状腺炎"),
    ("graves disease", "graves' disease", "diffuse toxic goitre", "diffuse toxic goiter",
     "graves病", "格雷夫斯病", "毒性弥漫性甲状腺肿"),
    ("subacute thyroiditis", "de quervain thyroiditis", "亚急性甲状腺炎"),
    ("hyperthyroidism", "甲状腺功能亢进症", "甲亢"),
    ("hypothyroidism", "甲状腺功能减退症", "甲减"),
    ("primary aldosteronism", "conn syndrome", "conn's syndrome", "原发性醛固酮增多症",
     "原醛症"),
    ("cushing syndrome", "cushing's syndrome", "hypercortisolism", "库欣综合征",
     "皮质醇增多症"),
    ("chronic obstructive pulmonary disease", "copd", "慢性阻塞性肺疾病", "慢阻肺"),
    ("acute respiratory distress syndrome", "ards", "急性呼吸窘迫综合征"),
    ("disseminated intravascular coagulation", "dic", "弥散性血管内凝血"),
    ("diabetic ketoacidosis", "dka", "糖尿病酮症酸中毒"),
    ("pulmonary embolism", "pe", "肺栓塞", "肺血栓栓塞症"),
    ("deep vein thrombosis", "dvt", "深静脉血栓形成"),
    ("systemic lupus erythematosus", "sle", "lupus", "系统性红斑狼疮"),
    ("rheumatoid arthritis", "ra", "类风湿关节炎"),
    ("giant cell arteritis", "temporal arteritis", "巨细胞动脉炎", "颞动脉炎"),
    ("granulomatosis with polyangiitis", "wegener granulomatosis",
     "wegener's granulomatosis", "肉芽肿性多血管炎", "韦格纳肉芽肿"),
    ("reactive arthritis", "reiter syndrome", "reiter's syndrome", "反应性关节炎",
     "赖特综合征"),
    ("calcium pyrophosphate deposition disease", "pseudogout", "假性痛风"),
    ("bell palsy", "bell's palsy", "idiopathic facial nerve palsy", "特发性面神经麻痹",
     "贝尔麻痹", "面神经炎"),
    ("trigeminal neuralgia", "tic douloureux", "三叉神经痛"),
    ("alzheimer disease", "alzheimer's disease", "阿尔茨海默病", "老年性痴呆"),
    ("parkinson disease", "parkinson's disease", "帕金森病", "震颤麻痹"),
    ("crohn disease", "crohn's disease", "克罗恩病", "crohn病"),
    ("ulcerative colitis", "uc", "溃疡性结肠炎"),
    ("gastro-oesophageal reflux disease", "gastroesophageal reflux disease", "gord", "gerd",
     "胃食管反流病"),
    ("primary biliary cholangitis", "primary biliary cirrhosis", "pbc", "原发性胆汁性胆管炎",
     "原发性胆汁性肝硬化"),
    ("wilson disease", "wilson's disease", "hepatolenticular degeneration", "肝豆状核变性",
     "wilson病"),
    ("immune thrombocytopenia", "idiopathic thrombocytopenic purpura", "itp",
     "免疫性血小板减少症", "特发性血小板减少性紫癜"),
    ("iga vasculitis", "henoch-schonlein purpura", "henoch-schönlein purpura", "hsp",
     "过敏性紫癜", "iga血管炎"),
    ("kawasaki disease", "mucocutaneous lymph node syndrome", "川崎病",
     "皮肤黏膜淋巴结综合征"),
    ("aplastic anaemia", "aplastic anemia", "再生障碍性贫血", "再障"),
    ("acquired immunodeficiency syndrome", "aids", "获得性免疫缺陷综合征", "艾滋病"),
    ("epidemic cerebrospinal meningitis", "meningococcal meningitis", "流行性脑脊髓膜炎",
     "流脑"),
    ("japanese encephalitis", "流行性乙型脑炎", "乙脑"),
    ("tuberculosis", "tb", "结核病", "肺痨"),
    ("herpes zoster", "shingles", "带状疱疹"),
    ("varicella", "chickenpox", "chicken pox", "水痘"),
    ("rubella", "german measles", "风疹"),
    ("pertussis", "whooping cough", "百日咳"),
    ("infectious mononucleosis", "glandular fever", "传染性单核细胞增多症"),
    ("scarlet fever", "scarlatina", "猩红热"),
    ("tetanus", "lockjaw", "破伤风"),
    ("epilepsy", "seizure disorder", "癫痫"),
    ("hypertension", "high blood pressure", "高血压"),
    ("atrial fibrillation", "af", "心房颤动", "房颤"),
    ("heart failure", "cardiac failure", "心力衰竭", "心衰"),
    ("acute kidney injury", "aki", "acute renal failure", "急性肾损伤", "急性肾衰竭"),
    ("chronic kidney disease", "ckd", "慢性肾脏病"),
    ("irritable bowel syndrome", "ibs", "肠易激综合征"),
    ("polycystic ovary syndrome", "pcos", "多囊卵巢综合征"),
    ("attention deficit hyperactivity disorder", "adhd", "注意缺陷多动障碍", "多动症"),
    # more vitamins, hormones and transmitters
    ("riboflavin", "vitamin b2", "维生素b2", "核黄素"),
    ("niacin", "nicotinic acid", "vitamin b3", "烟酸", "维生素pp"),
    ("retinol", "vitamin a", "维生素a", "视黄醇"),
    ("tocopherol", "vitamin e", "维生素e", "生育酚"),
    ("vasopressin", "antidiuretic hormone", "adh", "抗利尿激素", "血管升压素"),
    ("oxytocin", "缩宫素", "催产素"),
    ("growth hormone", "somatotropin", "生长激素"),
    ("thyroid-stimulating hormone", "thyrotropin", "tsh", "促甲状腺激素"),
    ("adrenocorticotropic hormone", "corticotropin", "acth", "促肾上腺皮质激素"),
    ("parathyroid hormone", "parathormone", "pth", "甲状旁腺激素", "甲状旁腺素"),
    ("hydrocortisone", "cortisol", "氢化可的松", "皮质醇"),
    ("serotonin", "5-hydroxytryptamine", "5-ht", "5-羟色胺"),
    ("gamma-aminobutyric acid", "gaba", "γ-氨基丁酸"),
    # more drugs
    ("mesalazine", "mesalamine", "美沙拉嗪"),
    ("sulfasalazine", "sulphasalazine", "柳氮磺吡啶"),
    ("chlorphenamine", "chlorpheniramine", "氯苯那敏", "扑尔敏"),
    ("sodium valproate", "valproic acid", "valproate", "丙戊酸钠", "丙戊酸"),
    ("phenytoin", "diphenylhydantoin", "苯妥英钠", "大仑丁"),
    ("nifedipine", "硝苯地平", "心痛定"),
    ("dimenhydrinate", "晕海宁", "茶苯海明"),
    ("neostigmine", "新斯的明"),
    ("chlorpromazine", "氯丙嗪", "冬眠灵"),
    ("clonidine", "可乐定"),
    ("oseltamivir", "奥司他韦", "达菲"),
    # more diseases
    ("amyotrophic lateral sclerosis", "als", "lou gehrig disease", "肌萎缩侧索硬化"),
    ("guillain-barre syndrome", "guillain-barré syndrome",
     "acute inflammatory demyelinating polyneuropathy", "aidp", "吉兰-巴雷综合征",
     "急性炎症性脱髓鞘性多发性神经病"),
    ("ankylosing spondylitis", "强直性脊柱炎"),
    ("typhoid fever", "enteric fever", "伤寒"),
    ("leprosy", "hansen disease", "hansen's disease", "麻风病", "麻风"),
    ("iron deficiency anaemia", "iron deficiency anemia", "缺铁性贫血"),
    ("g6pd deficiency", "glucose-6-phosphate dehydrogenase deficiency", "蚕豆病",
     "葡萄糖-6-磷酸脱氢酶缺乏症"),
    ("thalassaemia", "thalassemia", "地中海贫血", "海洋性贫血"),
    ("haemophilia a", "hemophilia a", "factor viii deficiency", "血友病a"),
    ("chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia",
     "cml", "慢性髓系白血病", "慢性粒细胞白血病"),
    ("acute promyelocytic leukaemia", "acute promyelocytic leukemia", "apl",
     "急性早幼粒细胞白血病"),
    ("hodgkin lymphoma", "hodgkin disease", "hodgkin's disease", "霍奇金淋巴瘤"),
    ("minimal change disease", "minimal change nephropathy", "微小病变型肾病", "微小病变肾病"),
    ("iga nephropathy", "berger disease", "berger's disease", "iga肾病"),
    ("hyperosmolar hyperglycaemic state", "hyperosmolar hyperglycemic state", "hhs",
     "hyperosmolar nonketotic coma", "高渗高血糖状态", "高渗性非酮症糖尿病昏迷"),
    ("benign prostatic hyperplasia", "bph", "良性前列腺增生", "前列腺增生症"),
    ("ectopic pregnancy", "extrauterine pregnancy", "异位妊娠", "宫外孕"),
    ("pre-eclampsia", "preeclampsia", "子痫前期"),
    ("postpartum haemorrhage", "postpartum hemorrhage", "pph", "产后出血"),
    ("hand, foot and mouth disease", "hfmd", "手足口病"),
    ("measles", "rubeola", "麻疹"),
    ("obsessive-compulsive disorder", "ocd", "强迫障碍", "强迫症"),
    ("post-traumatic stress disorder", "ptsd", "创伤后应激障碍"),
    ("sudden infant death syndrome", "sids", "cot death", "婴儿猝死综合征"),
)

_BRACKETS = re.compile(r"[（(][^）)]{0,40}[）)]")


_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=65536)
def _squash(text: str) -> str:
    """Lower-case NFKC text without spaces, punctuation or apostrophes."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ⅱ", "ii").replace("'s", "").replace("’s", "")
    return _NON_WORD.sub("", text)


_INDEX: dict[str, int] = {}
for _n, _group in enumerate(SYNONYM_GROUPS):
    for _name in _group:
        _INDEX.setdefault(_squash(_name), _n)


@functools.lru_cache(maxsize=65536)
def canonical(text: str) -> int | None:
    """The synonym group (index into :data:`SYNONYM_GROUPS`) that the whole ``text`` names,
    or ``None``. A bracketed aside is ignored (``"Adrenaline (epinephrine)"``)."""
    key = _squash(text)
    if key in _INDEX:
        return _INDEX[key]
    key = _squash(_BRACKETS.sub("", text))
    return _INDEX.get(key)


_SMALL = {"of", "and", "the", "with", "in", "to", "for", "a", "an"}


def initialism(text: str) -> str:
    """The initials of ``text``'s words, small words skipped, upper-case words kept whole
    (``"Chronic obstructive pulmonary disease"`` -> ``"COPD"``, ``"Non-ST-elevation
    myocardial infarction"`` -> ``"NSTEMI"``); ``""`` for non-Latin text."""
    words = [w for w in re.split(r"[\s\-/]+", text.strip()) if w and w.lower() not in _SMALL]
    if not words or not all(re.match(r"[A-Za-z]", w) for w in words):
        return ""
    return "".join(w if len(w) > 1 and w.isupper() else w[0] for w in words).upper()


def _spaced(text: str) -> str:
    """Lower-case NFKC text with punctuation turned into single spaces (word boundaries
    kept, unlike :func:`_squash`)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ⅱ", "ii")
    text = text.replace("'s", "").replace("’s", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


# the names of the table: Latin ones by their words (looked up as word n-grams), Chinese
# ones as strings (looked up as substrings, longest first, so 去甲肾上腺素 is not read as
# 肾上腺素)
_LATIN: dict[tuple[str, ...], int] = {}
_CJK_NAMES: list[tuple[str, int]] = []
for _g, _group in enumerate(SYNONYM_GROUPS):
    for _name in _group:
        _sp = _spaced(_name)
        if len(_squash(_name)) < 2:
            continue
        if _sp.isascii():
            _LATIN.setdefault(tuple(_sp.split()), _g)
        else:
            _CJK_NAMES.append((_sp.replace(" ", ""), _g))
_CJK_NAMES.sort(key=lambda p: -len(p[0]))
_LONGEST = max(len(k) for k in _LATIN)
_FIRST_WORDS = {k[0] for k in _LATIN}
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")


@functools.lru_cache(maxsize=65536)
def _canonical_text(text: str) -> str:
    """``text`` with each synonym-table name inside it replaced by its group number, then
    squashed: ``"IM adrenaline"`` and ``"IM epinephrine"`` come out the same."""
    s = _spaced(_BRACKETS.sub("", text))
    if _HAS_CJK.search(s):
        s = s.replace(" ", "")
        for name, g in _CJK_NAMES:
            if name in s:
                s = s.replace(name, f"#{g}#")
        return s
    words = s.split()
    out, i = [], 0
    while i < len(words):
        if words[i] not in _FIRST_WORDS:
            out.append(words[i])
            i += 1
            continue
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            g = _LATIN.get(tuple(words[i:i + n]))
            if g is not None:
                out.append(f"#{g}#")
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return "".join(out)


def same_thing(a: str, b: str) -> bool:
    """Whether two option texts name the same thing: the same synonym group, or one is an
    upper-case initialism (2-6 letters) of the other (``"PE"``, ``"Pulmonary embolism"``).

    :returns: ``False`` for texts that are simply equal after normalisation (that is the
        duplicate-options rule's business).
    """
    sa, sb = _squash(a), _squash(b)
    if not sa or not sb or sa == sb:
        return False
    ga, gb = canonical(a), canonical(b)
    if ga is not None and ga == gb:
        return True
    ca, cb = _canonical_text(a), _canonical_text(b)
    if "#" in ca and ca == cb:  # "IM adrenaline" and "IM epinephrine"
        return True
    for short, long_ in ((a.strip(), b), (b.strip(), a)):
        if 2 <= len(short) <= 6 and short.isupper() and re.fullmatch(r"[A-Z]{2,6}", short) \
                and len(long_.split()) >= 2 \
                and initialism(long_) == short:
            return True
    return False
