"""Builds annotated_items.json (kept so the set can be extended and rebuilt)."""
import json
import os

def O(*opts):
    out = []
    for o in opts:
        text, correct = (o[1:], True) if o.startswith("*") else (o, False)
        out.append({"text": text, "correct": correct,
                    "explanation": ("Correct: " if correct else "Incorrect: ") + text + "."})
    return out

def O0(*opts):  # no explanations
    return [dict(o, explanation="") for o in O(*opts)]

entries = []
def add(id, flawed, expected, lang, type, stem, options, vignette="", explanation="x", note=""):
    item = {"type": type, "stem": stem, "options": options, "vignette": vignette,
            "language": lang,
            "explanation": "" if explanation is None else (explanation if explanation != "x"
                            else "See the explanations of the options.")}
    entries.append({"id": id, "language": lang, "flawed": flawed, "expected": expected,
                    "note": note, "item": item})

# ----------------------------------------------------------------- English, flawed
add("en-f01", True, ["negative-stem"], "en", "sba",
    "Which of the following is not a cause of microcytic anaemia?",
    O("Iron deficiency", "Beta-thalassaemia trait", "Anaemia of chronic disease",
      "*Vitamin B12 deficiency", "Sideroblastic anaemia"))
add("en-f02", True, ["all-of-the-above"], "en", "sba",
    "A 70-year-old man with heart failure has a serum potassium of 6.4 mmol/L. Which of his drugs is most likely responsible?",
    O("Spironolactone", "Lisinopril", "Trimethoprim", "*All of the above", "Furosemide"))
add("en-f03", True, ["none-of-the-above"], "en", "sba",
    "Which drug is first-line for typical absence seizures in a 7-year-old girl?",
    O("Carbamazepine", "Phenytoin", "Gabapentin", "Vigabatrin", "*None of the above"))
add("en-f04", True, ["absolute-term", "vague-term"], "en", "sba",
    "Which of the following best describes the course of rubella in a healthy 6-year-old child?",
    O("It never causes a rash", "*It is usually mild and self-limiting", "It always causes arthritis",
      "It leads to encephalitis in most children", "It requires admission to hospital"))
add("en-f05", True, ["longest-option-key"], "en", "sba",
    "A 24-year-old man is hypotensive after a stab wound to the chest, with absent breath sounds and tracheal deviation to the left. Which of the following is the most appropriate initial management?",
    O("Chest X-ray", "CT of the chest", "Observation",
      "*Immediate needle decompression in the second intercostal space followed by a chest drain",
      "Intubation"))
add("en-f06", True, ["grammatical-cue"], "en", "sba",
    "A 42-year-old woman has bloody discharge from one nipple and no palpable mass. The most likely diagnosis is an",
    O("Fibroadenoma", "Breast cyst", "*Intraductal papilloma", "Lipoma", "Phyllodes tumour"))
add("en-f07", True, ["open-lead-in"], "en", "sba",
    "Which of the following statements about metformin is correct?",
    O("It causes weight gain", "*It is contraindicated when the eGFR is below 30 mL/min/1.73 m2",
      "It commonly causes hypoglycaemia on its own", "It is given by injection", "It raises insulin secretion"),
    vignette="A 66-year-old man with type 2 diabetes mellitus has an eGFR of 25 mL/min/1.73 m2.")
add("en-f08", True, ["open-lead-in"], "en", "sba",
    "Which of the following is true about digoxin?",
    O("It is cleared by the liver", "*Toxicity is more likely with hypokalaemia", "It shortens the PR interval",
      "It is a calcium-channel blocker", "It has a wide therapeutic index"))
add("en-f09", True, ["overlapping-options"], "en", "sba",
    "Above which fasting plasma glucose, in mmol/L, is diabetes mellitus diagnosed (with a repeat test)?",
    O("5.0-6.0", "5.5-7.0", "6.1-6.9", "*7.0 or more", "11.1 or more"))
add("en-f10", True, ["duplicate-options"], "en", "sba",
    "Which antibiotic is first-line for low-severity community-acquired pneumonia in adults in the UK?",
    O("*Amoxicillin", "Ciprofloxacin", "amoxicillin", "Gentamicin", "Vancomycin"))
add("en-f11", True, ["missing-explanation"], "en", "sba",
    "Which electrolyte disturbance is most typical of primary hyperaldosteronism?",
    O0("*Hypokalaemia", "Hyperkalaemia", "Hyponatraemia", "Hypercalcaemia", "Hypomagnesaemia"),
    explanation=None)
add("en-f12", True, ["no-key"], "en", "sba",
    "Which organism most commonly causes acute otitis media in children?",
    O("Streptococcus pneumoniae", "Staphylococcus aureus", "Pseudomonas aeruginosa", "Escherichia coli",
      "Candida albicans"))
add("en-f13", True, ["stem-is-number"], "en", "sba", "1987-05-12",
    O("*Asthma", "Pneumonia", "Bronchiectasis", "Sarcoidosis"), note="generated nonsense")
add("en-f14", True, ["stem-too-short", "option-not-an-answer"], "en", "sba", "Heart?",
    O("*A", "B", "C", "D"), note="generated nonsense")
add("en-f15", True, ["repetition"], "en", "sba",
    "What is the treatment of the asthma of the treatment of the asthma of the treatment of the asthma of the treatment of the asthma?",
    O("*Salbutamol", "Salmeterol", "Budesonide", "Montelukast"), note="generated nonsense")
add("en-f16", True, ["no-lead-in"], "en", "sba",
    "He was given aspirin in the emergency department.",
    O("*Primary percutaneous coronary intervention", "Thrombolysis", "Exercise ECG", "Coronary CT angiography"),
    vignette="A 58-year-old man has had crushing central chest pain for 40 minutes. ECG shows ST elevation in leads II, III and aVF.")
add("en-f17", True, ["word-repeat"], "en", "sba",
    "Which of the following causes renal hypertension in a 28-year-old woman?",
    O("Phaeochromocytoma", "Conn syndrome", "Cushing syndrome", "*Renal artery fibromuscular dysplasia",
      "Coarctation of the aorta"))
add("en-f18", True, ["multiple-keys"], "en", "sba",
    "Which drug reverses the anticoagulant effect of dabigatran?",
    O("*Idarucizumab", "Vitamin K", "*Andexanet alfa", "Protamine", "Tranexamic acid"),
    note="two keys in a single-best-answer item")

# ----------------------------------------------------------------- English, clean
add("en-c01", False, [], "en", "sba",
    "Which of the following is the most likely diagnosis?",
    O("Acute pericarditis", "*Inferior myocardial infarction", "Aortic dissection",
      "Pulmonary embolism", "Oesophageal spasm"),
    vignette="A 61-year-old man has had crushing central chest pain radiating to the jaw for 50 minutes. He smokes and has hypertension. ECG shows ST elevation in leads II, III and aVF with reciprocal ST depression in aVL.")
add("en-c02", False, [], "en", "sba",
    "Which of the following is the most appropriate next step in management?",
    O("Oral prednisolone", "*Intramuscular adrenaline 0.5 mg", "Intravenous chlorphenamine",
      "Nebulised salbutamol", "Observation for 6 hours"),
    vignette="A 25-year-old woman develops wheeze, lip swelling and a blood pressure of 80/50 mm Hg ten minutes after eating a peanut snack. She does not take any regular medication.")
add("en-c03", False, [], "en", "sba",
    "Which nerve is most likely to be injured in a fracture of the surgical neck of the humerus?",
    O("*Axillary nerve", "Radial nerve", "Median nerve", "Ulnar nerve", "Musculocutaneous nerve"))
add("en-c04", False, [], "en", "sba",
    "Which enzyme is deficient in classic phenylketonuria?",
    O("*Phenylalanine hydroxylase", "Tyrosinase", "Homogentisate oxidase", "Cystathionine synthase",
      "Fumarylacetoacetate hydrolase"))
add("en-c05", False, [], "en", "sba",
    "Which of the following is the most likely causative organism?",
    O("Streptococcus pneumoniae", "Haemophilus influenzae", "*Legionella pneumophila",
      "Mycoplasma pneumoniae", "Staphylococcus aureus"),
    vignette="A 52-year-old man returns from a hotel stay abroad with fever, confusion, diarrhoea and a dry cough. Serum sodium is 126 mmol/L. Chest X-ray shows left lower lobe consolidation.")
add("en-c06", False, [], "en", "sba",
    "Which of the following investigations is most likely to confirm the diagnosis?",
    O("CT of the abdomen", "*Endoscopy with biopsy", "Abdominal ultrasound",
      "Barium swallow", "Urea breath test"),
    vignette="A 67-year-old man has had progressive difficulty swallowing solids for 3 months and has lost 8 kg. He has smoked for 40 years. Examination is unremarkable.")
add("en-c07", False, [], "en", "sba",
    "Which arterial blood gas pattern is most likely?",
    O("*pH 7.25, PaCO2 8.5 kPa, HCO3- 27 mmol/L", "pH 7.50, PaCO2 3.5 kPa, HCO3- 20 mmol/L",
      "pH 7.30, PaCO2 3.0 kPa, HCO3- 12 mmol/L", "pH 7.48, PaCO2 6.2 kPa, HCO3- 34 mmol/L",
      "pH 7.40, PaCO2 5.3 kPa, HCO3- 24 mmol/L"),
    vignette="A 30-year-old man is brought in drowsy after taking an overdose of heroin an hour ago. His respiratory rate is 6/min.")
add("en-c08", False, [], "en", "tf",
    "Metformin is contraindicated when the eGFR is below 30 mL/min/1.73 m2.",
    O("*True", "False"))
add("en-c09", False, [], "en", "multi",
    "Which of the following are recognised causes of a raised anion gap metabolic acidosis? Select all that apply.",
    O("*Diabetic ketoacidosis", "*Lactic acidosis", "Diarrhoea", "*Methanol poisoning", "Renal tubular acidosis"))
add("en-c10", False, [], "en", "short",
    "Name the antidote used for paracetamol overdose.",
    O("*Acetylcysteine", "*N-acetylcysteine"), explanation="Acetylcysteine replenishes glutathione.")
add("en-c11", False, [], "en", "sba",
    "Which drug class is most appropriate to add to reduce her risk of recurrent stroke?",
    O("Beta-blocker", "*Statin", "Loop diuretic", "Alpha-blocker", "Nitrate"),
    vignette="A 68-year-old woman has recovered from an ischaemic stroke. Her LDL cholesterol is 3.9 mmol/L. She takes clopidogrel and ramipril. She does not smoke.")
add("en-c12", False, [], "en", "sba",
    "Which of the following findings is most likely on examination?",
    O("*Bitemporal hemianopia", "Homonymous hemianopia", "Central scotoma", "Left relative afferent pupillary defect",
      "Papilloedema with a normal visual field"),
    vignette="A 35-year-old woman has had amenorrhoea and galactorrhoea for 6 months. MRI shows a 2.4 cm pituitary macroadenoma compressing the optic chiasm.")
add("en-c13", False, [], "en", "sba",
    "What is the most appropriate initial treatment?",
    O("Oral antibiotics", "*Intravenous fluids and insulin infusion", "Subcutaneous insulin on the ward",
      "Intravenous bicarbonate", "Oral fluids and review in the morning"),
    vignette="A 19-year-old woman with type 1 diabetes has vomiting and abdominal pain. Blood glucose is 28 mmol/L, ketones 5.2 mmol/L and venous pH 7.12.")
add("en-c14", False, [], "en", "sba",
    "Which hormone raises serum calcium by increasing renal tubular calcium reabsorption?",
    O("Calcitonin", "*Parathyroid hormone", "Thyroxine", "Aldosterone", "Cortisol"))
add("en-c15", False, [], "en", "sba",
    "Which dose of intramuscular adrenaline is recommended for anaphylaxis in an adult?",
    O("0.05 mg", "0.1 mg", "*0.5 mg", "1 mg", "5 mg"))

# ----------------------------------------------------------------- Chinese, flawed
add("zh-f01", True, ["negative-stem"], "zh", "sba",
    "下列哪项不是急性下壁心肌梗死的心电图表现",
    O("II导联ST段抬高", "III导联ST段抬高", "aVF导联ST段抬高", "*V1-V4导联ST段抬高", "aVL导联ST段压低"))
add("zh-f02", True, ["negative-stem", "open-lead-in"], "zh", "sba",
    "关于肝硬化腹水的叙述，错误的是",
    O("应限制钠盐摄入", "可使用螺内酯", "*腹水为渗出液", "大量腹水可放腹水治疗", "可并发自发性细菌性腹膜炎"))
add("zh-f03", True, ["all-of-the-above"], "zh", "sba",
    "患者，男，65岁，心力衰竭，血钾6.2 mmol/L。最可能引起高钾血症的药物是",
    O("螺内酯", "依那普利", "缬沙坦", "*以上都是", "呋塞米"))
add("zh-f04", True, ["none-of-the-above"], "zh", "sba",
    "儿童失神发作的首选药物是",
    O("卡马西平", "苯妥英钠", "加巴喷丁", "氨己烯酸", "*以上都不是"))
add("zh-f05", True, ["absolute-term"], "zh", "sba",
    "风疹在健康儿童中的典型临床经过是",
    O("从不出现皮疹", "*多为轻症且可自愈", "总是并发关节炎", "绝对需要住院治疗", "均会发生脑炎"))
add("zh-f06", True, ["vague-term"], "zh", "sba",
    "原发性醛固酮增多症最典型的电解质紊乱是",
    O("通常为高钾血症", "*低钾血症", "有时为高钙血症", "偶尔为低钠血症", "低镁血症"))
add("zh-f07", True, ["longest-option-key"], "zh", "sba",
    "张力性气胸患者，血压80/50 mmHg，气管向左偏移。应首先采取的处理是",
    O("胸部X线检查", "胸部CT", "吸氧观察", "*立即在患侧锁骨中线第二肋间穿刺减压，随后放置胸腔闭式引流", "气管插管"))
add("zh-f08", True, ["open-lead-in"], "zh", "sba",
    "下列关于胰岛素的说法，正确的是",
    O("可以口服", "*可降低血钾", "升高血糖", "由胰岛α细胞分泌", "促进脂肪分解"))
add("zh-f09", True, ["overlapping-options"], "zh", "sba",
    "成人空腹血糖的正常范围（mmol/L）是",
    O("3.0~5.0", "*3.9~6.1", "4.5~7.0", "6.1~7.0", "7.0~11.1"))
add("zh-f10", True, ["duplicate-options"], "zh", "sba",
    "社区获得性肺炎（轻症）成人门诊经验性治疗可首选",
    O("*阿莫西林", "环丙沙星", "阿莫西林", "庆大霉素", "万古霉素"))
add("zh-f11", True, ["missing-explanation"], "zh", "sba",
    "甲状腺功能亢进症最常见的病因是",
    O0("*Graves病", "毒性多结节性甲状腺肿", "甲状腺腺瘤", "亚急性甲状腺炎", "碘致甲亢"), explanation=None)
add("zh-f12", True, ["no-key"], "zh", "sba",
    "儿童急性中耳炎最常见的致病菌是",
    O("肺炎链球菌", "金黄色葡萄球菌", "铜绿假单胞菌", "大肠埃希菌", "白色念珠菌"))
add("zh-f13", True, ["wrong-language"], "zh", "sba",
    "Which drug is the first choice for hypertension in pregnancy?",
    O("*Labetalol", "Lisinopril", "Losartan", "Atenolol"), note="small model wrote English")
add("zh-f14", True, ["repetition"], "zh", "sba",
    "患者的治疗方案的患者的治疗方案的患者的治疗方案的患者的治疗方案是",
    O("*手术", "化疗", "放疗", "观察"), note="generated nonsense")
add("zh-f15", True, ["option-not-an-answer"], "zh", "sba",
    "急性胰腺炎最常见的病因是什么？",
    O("*胆石症是病因吗？", "酒精？", "高脂血症？", "外伤？"), note="generated nonsense")
add("zh-f16", True, ["stem-too-short"], "zh", "sba", "肺炎？",
    O("*细菌", "病毒", "真菌", "支原体"), note="generated nonsense")
add("zh-f17", True, ["negative-stem"], "zh", "sba",
    "下列药物均可引起低钾血症，除外",
    O("呋塞米", "氢氯噻嗪", "*螺内酯", "沙丁胺醇", "胰岛素"))

# ----------------------------------------------------------------- Chinese, clean
add("zh-c01", False, [], "zh", "sba",
    "最可能的诊断是",
    O("急性心包炎", "*急性下壁心肌梗死", "主动脉夹层", "肺栓塞", "食管痉挛"),
    vignette="患者，男，61岁。胸骨后压榨性疼痛50分钟，向下颌放射。吸烟30年，高血压病史。心电图示II、III、aVF导联ST段抬高，aVL导联ST段压低。")
add("zh-c02", False, [], "zh", "sba",
    "应首先给予的处理是",
    O("口服泼尼松", "*肌内注射肾上腺素0.5 mg", "静脉注射氯苯那敏", "雾化吸入沙丁胺醇", "观察6小时"),
    vignette="患者，女，25岁。进食花生后10分钟出现喘息、口唇肿胀，血压80/50 mmHg。平素不服用任何药物。")
add("zh-c03", False, [], "zh", "sba",
    "肱骨外科颈骨折最易损伤的神经是",
    O("*腋神经", "桡神经", "正中神经", "尺神经", "肌皮神经"))
add("zh-c04", False, [], "zh", "sba",
    "经典型苯丙酮尿症缺乏的酶是",
    O("*苯丙氨酸羟化酶", "酪氨酸酶", "尿黑酸氧化酶", "胱硫醚合成酶", "延胡索酰乙酰乙酸水解酶"))
add("zh-c05", False, [], "zh", "sba",
    "最可能的病原体是",
    O("肺炎链球菌", "流感嗜血杆菌", "*嗜肺军团菌", "肺炎支原体", "金黄色葡萄球菌"),
    vignette="患者，男，52岁。入住酒店后出现发热、意识模糊、腹泻和干咳。血钠126 mmol/L。胸片示左下肺实变。")
add("zh-c06", False, [], "zh", "sba",
    "为明确诊断，首选的检查是",
    O("血淀粉酶", "*胃镜检查并活检", "腹部超声", "食管钡餐", "尿素呼气试验"),
    vignette="患者，男，67岁。进行性吞咽困难3个月，体重下降8 kg。吸烟40年。查体无明显异常。")
add("zh-c07", False, [], "zh", "sba",
    "该患者最可能的诊断是",
    O("*糖尿病酮症酸中毒", "高渗高血糖状态", "乳酸酸中毒", "低血糖昏迷", "急性胃肠炎"),
    vignette="患者，女，19岁，1型糖尿病。呕吐、腹痛1天。血糖28 mmol/L，血酮5.2 mmol/L，静脉血pH 7.12。")
add("zh-c08", False, [], "zh", "tf",
    "判断题：二甲双胍在eGFR低于30 mL/(min·1.73 m²)时禁用。",
    O("*正确", "错误"))
add("zh-c09", False, [], "zh", "multi",
    "可引起阴离子间隙增高型代谢性酸中毒的有（多选）",
    O("*糖尿病酮症酸中毒", "*乳酸酸中毒", "腹泻", "*甲醇中毒", "肾小管酸中毒"))
add("zh-c10", False, [], "zh", "sba",
    "下列哪项**不是**急性胰腺炎的常见病因",
    O("胆石症", "酗酒", "高甘油三酯血症", "*缺铁性贫血", "ERCP术后"))
add("zh-c11", False, [], "zh", "sba",
    "最可能出现的视野缺损是",
    O("*双颞侧偏盲", "同向性偏盲", "中心暗点", "单眼全盲", "鼻侧偏盲"),
    vignette="患者，女，35岁。闭经、泌乳6个月。MRI示垂体大腺瘤2.4 cm，压迫视交叉。")
add("zh-c12", False, [], "zh", "sba",
    "通过增加肾小管钙重吸收而升高血钙的激素是",
    O("降钙素", "*甲状旁腺激素", "甲状腺素", "醛固酮", "皮质醇"))
add("zh-c13", False, [], "zh", "sba",
    "成人过敏性休克时肾上腺素肌内注射的推荐剂量为",
    O("0.05 mg", "0.1 mg", "*0.5 mg", "1 mg", "5 mg"))
add("zh-c14", False, [], "zh", "sba",
    "该患者首选的降压药物是",
    O("*拉贝洛尔", "依那普利", "氯沙坦", "阿替洛尔", "螺内酯"),
    vignette="患者，女，30岁，妊娠28周。血压160/105 mmHg，尿蛋白阴性，无头痛及视物模糊。")
add("zh-c15", False, [], "zh", "sba",
    "最可能的诊断是",
    O("缺铁性贫血", "*β地中海贫血（轻型）", "慢性病贫血", "铁粒幼细胞性贫血", "维生素B12缺乏"),
    vignette="患者，女，24岁，广西人。体检发现小细胞低色素性贫血，Hb 105 g/L，MCV 62 fL，血清铁蛋白正常，HbA2 5.1%。")

for e in entries:
    assert e["flawed"] == bool(e["expected"])
doc = {"description": "Annotated items for the quality gate: flawed items with the rules that "
       "should fire, and clean items that should raise no warning or error. Written for EduApp "
       "tests; English and Simplified Chinese. Rules as in eduapp.authoring.lint.RULES.",
       "version": 1, "items": entries}
json.dump(doc, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "annotated_items.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(len(entries), sum(e["flawed"] for e in entries))
