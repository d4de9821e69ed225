"""Builds annotated_gate_set.json: items annotated with the one flaw the quality gate should
find in them, or "clean". Kept so the set can be read, extended and rebuilt:

    python tests/authoring/data/build_gate_set.py

Written for issue 16 (K-type, clang association, two defensible keys, the language rule)
and covering the older rule kinds too. Each flawed item carries one deliberate flaw, with
otherwise sound content; the clean items are written to the NBME guide and include the
traps that make a gate cry wolf: Chinese items full of Latin drug names and units,
Chinese items that an importer labelled English, numeric options, options that share
words with each other, negatives set in capitals or 【】.
"""
import json
import os


def O(*opts, expl=True):
    """Options from texts; a leading * marks the key."""
    out = []
    for o in opts:
        text, correct = (o[1:], True) if o.startswith("*") else (o, False)
        out.append({"text": text, "correct": correct,
                    "explanation": (("Correct. " if correct else "Incorrect. ") + text + ".")
                    if expl else ""})
    return out


entries = []


def add(id, flaw, lang, stem, options, vignette="", type="sba", explanation="x", label=None,
        note="", provenance=None):
    expl = {"x": ("See the option explanations." if lang == "en" else "见各选项解析。"),
            None: ""}.get(explanation, explanation)
    item = {"type": type, "stem": stem, "vignette": vignette, "options": options,
            "language": label or lang, "explanation": expl}
    if provenance:
        item["provenance"] = provenance
    entries.append({"id": id, "language": lang, "flaw": flaw,
                    "expected": [] if flaw == "clean" else [flaw], "note": note, "item": item})


# =============================================================== English, flawed
add("en-k1", "k-type", "en",
    "Which of the following are adverse effects of amiodarone?\n1. Pulmonary fibrosis\n"
    "2. Hypothyroidism\n3. Corneal microdeposits\n4. Gingival hyperplasia",
    O("*1, 2 and 3 only", "1, 2, 3 and 4", "1 and 3 only", "2 and 4 only", "4 only"),
    note="classic K-type with numbered statements")
add("en-k2", "k-type", "en",
    "A 30-year-old woman has a thyroid nodule. Which findings raise concern for malignancy? "
    "(I) microcalcifications (II) hypoechogenicity (III) a purely cystic nodule",
    O("I only", "*I and II", "II and III", "I, II and III", "III only"))
add("en-k3", "k-type", "en",
    "Which drugs reduce mortality in heart failure with reduced ejection fraction? "
    "A: bisoprolol; B: furosemide; C: spironolactone; D: digoxin.",
    O("A and B", "*A and C", "B and D", "C and D", "A, B and C"))
add("en-c1", "word-repeat", "en",
    "A 50-year-old man has painless jaundice and a palpable gallbladder. Which imaging test "
    "best shows a pancreatic mass?",
    O("Abdominal radiograph", "*Pancreatic-protocol CT", "HIDA scan", "Barium swallow",
      "Chest radiograph"), note="'pancreatic' in the lead-in and only in the key")
add("en-c2", "word-repeat", "en",
    "Which drug is used to reverse the anticoagulant effect of heparin?",
    O("Vitamin K", "Idarucizumab", "*Protamine, the heparin antagonist", "Andexanet alfa",
      "Tranexamic acid"), note="'heparin' repeated only in the key")
add("en-c3", "word-repeat", "en",
    "A 7-year-old boy has periorbital oedema and frothy urine. Which of the following is the "
    "most likely cause of his nephrotic syndrome?",
    O("IgA nephropathy", "Post-streptococcal glomerulonephritis", "*Minimal change nephrotic "
      "disease", "Alport syndrome", "Haemolytic uraemic syndrome"),
    note="'nephrotic' from the lead-in reappears only in the key")
add("en-t1", "two-keys", "en",
    "A 24-year-old man has anaphylaxis with stridor and hypotension after a wasp sting. "
    "Which drug should be given first?",
    O("*Intramuscular adrenaline", "Intravenous hydrocortisone", "Intramuscular epinephrine",
      "Oral cetirizine", "Nebulised salbutamol"), note="adrenaline = epinephrine")
add("en-t2", "two-keys", "en",
    "A 68-year-old man with chest pain has a blood pressure of 150/90 mm Hg, new ST depression "
    "and a raised troponin. Which diagnosis fits best?",
    O("Stable angina", "*NSTEMI", "Acute pericarditis", "Non-ST-elevation myocardial "
      "infarction", "Aortic dissection"), note="abbreviation and its expansion")
add("en-t3", "two-keys", "en",
    "A 19-year-old student has fever, neck stiffness and a petechial rash. Which empirical "
    "treatment is most appropriate after blood cultures?",
    O("*Intravenous ceftriaxone", "Intravenous ceftriaxone plus vancomycin", "Oral amoxicillin",
      "Intravenous aciclovir", "Intravenous gentamicin"),
    note="the key is contained in a distractor that is also defensible")
add("en-n1", "negative-stem", "en",
    "Which of the following is not a cause of hypercalcaemia?",
    O("Primary hyperparathyroidism", "Sarcoidosis", "Thiazide diuretics", "*Chronic "
      "pancreatitis", "Multiple myeloma"))
add("en-a1", "all-of-the-above", "en",
    "A 60-year-old woman takes several drugs. Which of them can cause hyponatraemia?",
    O("Sertraline", "Carbamazepine", "Indapamide", "*All of the above", "Amlodipine"))
add("en-o1", "none-of-the-above", "en",
    "Which is the first-line drug for trigeminal neuralgia?",
    O("Gabapentin", "Amitriptyline", "Pregabalin", "Sumatriptan", "*None of the above"))
add("en-ab1", "absolute-term", "en",
    "Which statement best describes the use of metformin in a 55-year-old man with type 2 "
    "diabetes and an eGFR of 50?",
    O("It must never be used", "*It can be continued with dose review", "It always causes "
      "lactic acidosis", "It is replaced by insulin", "It is stopped at diagnosis"))
add("en-l1", "longest-option-key", "en",
    "A 30-year-old woman has a serum sodium of 118 mmol/L with confusion and a seizure. "
    "Which treatment is most appropriate?",
    O("Fluid restriction", "Oral urea", "Tolvaptan", "*A 150-mL bolus of 3% hypertonic "
      "saline over 20 minutes, repeated until symptoms improve, with sodium checks", "Demeclocycline"))
add("en-g1", "grammatical-cue", "en",
    "A 25-year-old man has recurrent episodes of haematuria 2 days after upper respiratory "
    "infections. The most likely diagnosis is an",
    O("Post-streptococcal glomerulonephritis", "*IgA nephropathy", "Membranous nephropathy",
      "Minimal change disease", "Lupus nephritis"))
add("en-op1", "open-lead-in", "en",
    "Which of the following statements about warfarin is correct?",
    O("It has a wide therapeutic index", "*Its effect is reversed by vitamin K",
      "It is safe in pregnancy", "It is monitored with the aPTT", "It acts within one hour"))
add("en-ov1", "overlapping-options", "en",
    "What is the usual incubation period of hepatitis A, in days?",
    O("2-7", "5-15", "*15-50", "40-90", "60-180"))
add("en-me1", "missing-explanation", "en",
    "A 35-year-old woman has fatigue, a haemoglobin of 92 g/L, MCV 70 fL and low ferritin. "
    "Which is the most likely cause?",
    O("*Iron deficiency", "Thalassaemia trait", "Vitamin B12 deficiency", "Anaemia of chronic "
      "disease", "Haemolysis", expl=False), explanation=None)
add("en-nk1", "no-key", "en",
    "A 45-year-old man has crushing chest pain and ST elevation in V1-V4. Which artery is "
    "most likely occluded?",
    O("Right coronary artery", "Left circumflex artery", "Left anterior descending artery",
      "Posterior descending artery", "Left main stem"))
add("en-na1", "option-not-an-answer", "en",
    "A 70-year-old woman has C. difficile colitis after antibiotics. Which is the most "
    "appropriate treatment?",
    O("The correct answer is B.", "*Oral vancomycin", "Intravenous vancomycin", "Loperamide",
      "Oral clindamycin"))
add("en-nl1", "no-lead-in", "en",
    "He was given oxygen.",
    O("*Pneumothorax", "Pneumonia", "Pulmonary embolism", "Asthma", "Pleural effusion"),
    vignette="A 22-year-old tall man has sudden pleuritic chest pain and breathlessness at "
             "rest. Breath sounds are reduced on the right with a hyper-resonant percussion note.")

# =============================================================== English, clean
add("en-ok1", "clean", "en",
    "Which of the following is the most likely diagnosis?",
    O("Acute pericarditis", "*Acute inferior myocardial infarction", "Aortic dissection",
      "Pulmonary embolism", "Oesophageal spasm"),
    vignette="A 61-year-old man has had crushing central chest pain for 50 minutes. He smokes. "
             "The ECG shows ST elevation in leads II, III and aVF with reciprocal ST depression in aVL.")
add("en-ok2", "clean", "en",
    "Which of the following is the most appropriate initial treatment?",
    O("Oral prednisolone", "*Intramuscular adrenaline", "Intravenous chlorphenamine",
      "Nebulised salbutamol", "Oral cetirizine"),
    vignette="A 24-year-old woman develops lip swelling, wheeze and a blood pressure of "
             "78/40 mm Hg ten minutes after eating peanuts.")
add("en-ok3", "clean", "en",
    "Which antithrombotic regimen is most appropriate at discharge?",
    O("Aspirin alone", "Clopidogrel alone", "Aspirin plus warfarin", "*Aspirin plus ticagrelor",
      "Ticagrelor plus rivaroxaban"),
    vignette="A 58-year-old man has had a primary PCI with a drug-eluting stent for an anterior "
             "STEMI. He has no high bleeding risk and no indication for anticoagulation.",
    note="options share words with each other, not with the stem; 'alone' limits")
add("en-ok4", "clean", "en",
    "How many units of insulin per hour does a fixed-rate infusion of 0.1 unit/kg/h give a "
    "70-kg adult?",
    O("1", "3.5", "*7", "10", "14"), note="numeric options are not K-type markers")
add("en-ok5", "clean", "en",
    "Which of the following is the most likely diagnosis?",
    O("Graves disease", "*Hashimoto thyroiditis", "Subacute thyroiditis", "Toxic multinodular "
      "goitre", "Iodine deficiency"),
    vignette="A 45-year-old woman has fatigue, weight gain and constipation. The thyroid is "
             "diffusely enlarged, firm and painless. TSH is 18 mU/L and free T4 is low; "
             "anti-TPO antibodies are strongly positive.",
    note="'thyroid' in the vignette and in several options")
add("en-ok6", "clean", "en",
    "Which drug is NOT appropriate in this patient?",
    O("Bisoprolol", "Sacubitril-valsartan", "Spironolactone", "Dapagliflozin", "*Verapamil"),
    vignette="A 66-year-old man has heart failure with an ejection fraction of 30%.",
    note="negative word in capitals is emphasised")
add("en-ok7", "clean", "en",
    "Which of the following is the most appropriate next step in management?",
    O("D-dimer test", "*CT pulmonary angiography", "Ventilation-perfusion scan after 48 hours",
      "Compression ultrasound of both legs", "Echocardiography"),
    vignette="A 45-year-old woman has sudden pleuritic chest pain and a heart rate of 118/min, "
             "five days after a hip replacement. The Wells score is 7. Blood pressure is normal.")
add("en-ok8", "clean", "en",
    "Which enzyme is deficient in classic phenylketonuria?",
    O("*Phenylalanine hydroxylase", "Tyrosinase", "Homogentisate oxidase", "Cystathionine "
      "beta-synthase", "Fumarylacetoacetate hydrolase"),
    note="the class asked (enzyme) is no cue; 'phenyl' is part of the key's name",
    )
add("en-ok9", "clean", "en",
    "Which of the following is the most likely cause?",
    O("*Benign prostatic hyperplasia", "Urethral stricture", "Bladder stone", "Prostate cancer",
      "Neurogenic bladder"),
    vignette="A 74-year-old man has had increasing hesitancy, a weak stream and nocturia for "
             "two years. The prostate is smooth, firm and enlarged; PSA is 2.1 ng/mL.")
add("en-ok10", "clean", "en",
    "Which of the following is the most appropriate long-term therapy to prevent stroke?",
    O("Aspirin", "Aspirin plus clopidogrel", "Warfarin with a target INR of 2.0-3.0", "*Apixaban",
      "Subcutaneous enoxaparin"),
    vignette="A 72-year-old woman with hypertension and diabetes has atrial fibrillation. "
             "Renal function is normal and she has no mechanical valve.",
    note="two distractors contain each other; the key is not involved")
add("en-ok11", "clean", "en",
    "Which serum test best confirms the diagnosis?",
    O("Serum amylase", "*Serum lipase", "Serum ALT", "Serum bilirubin", "Serum calcium"),
    vignette="A 42-year-old man who drinks heavily has severe epigastric pain radiating to the "
             "back, with vomiting.", note="'serum' appears in every option")
add("en-ok12", "clean", "en",
    "Which of the following is the most likely organism?",
    O("*Streptococcus pneumoniae", "Mycoplasma pneumoniae", "Legionella pneumophila",
      "Staphylococcus aureus", "Chlamydia pneumoniae"),
    vignette="A 35-year-old man has had fever, rigors and rusty sputum for two days. The chest "
             "radiograph shows right lower lobe consolidation.")
add("en-ok13", "clean", "en",
    "Which is the most appropriate management?",
    O("*Needle decompression", "Chest radiograph", "CT of the chest", "Observation",
      "Intubation"),
    vignette="A 24-year-old man is hypotensive after a stab wound, with absent breath sounds on "
             "the left and the trachea deviated to the right.")
add("en-ok14", "clean", "en",
    "Which drug is the most appropriate to start?",
    O("Gliclazide", "*Metformin", "Insulin glargine", "Pioglitazone", "Acarbose"),
    vignette="A 52-year-old man has a fasting glucose of 8.1 mmol/L twice and an HbA1c of 7.4%. "
             "His eGFR is 85 and he has no cardiovascular disease.")
add("en-ok15", "clean", "en",
    "Which of the following is the most likely diagnosis?",
    O("*Diabetic ketoacidosis", "Hyperosmolar hyperglycaemic state", "Lactic acidosis",
      "Alcoholic ketoacidosis", "Gastroenteritis"),
    vignette="A 19-year-old woman with type 1 diabetes has vomiting and deep breathing. Glucose "
             "is 28 mmol/L, ketones 5.2 mmol/L and venous pH 7.12.",
    note="one vignette word (diabetes) in the key is ordinary context")
add("en-ok16", "clean", "en",
    "What is the most likely diagnosis?",
    O("Tension headache", "Migraine with aura", "*Subarachnoid haemorrhage", "Cluster headache",
      "Meningitis"),
    vignette="A 45-year-old woman has a sudden, severe occipital headache that peaked within a "
             "minute, with vomiting and neck stiffness.")
add("en-ok17", "clean", "en",
    "Which investigation is most appropriate first?",
    O("*Non-contrast CT of the head", "MRI of the brain", "Lumbar puncture", "EEG",
      "CT angiography of the neck"),
    vignette="A 67-year-old woman has had right-sided weakness and aphasia for 90 minutes.")
add("en-ok18", "clean", "en",
    "Which of the following is the most likely cause of her anaemia?",
    O("Iron deficiency", "*Vitamin B12 deficiency", "Folate deficiency", "Myelodysplasia",
      "Hypothyroidism"),
    vignette="A 60-year-old woman with vitiligo has tiredness, a haemoglobin of 85 g/L, an MCV "
             "of 118 fL and anti-intrinsic factor antibodies.")
add("en-ok19", "clean", "en",
    "Which of the following is the most appropriate treatment?",
    O("Oral prednisolone", "*Ibuprofen plus colchicine", "Intravenous heparin", "Urgent "
      "pericardiocentesis", "Primary PCI"),
    vignette="A 27-year-old man has sharp chest pain relieved by sitting forward, a friction rub "
             "and widespread concave ST elevation; troponin is normal.")
add("en-ok20", "clean", "en",
    "Which antidote is indicated?",
    O("Naloxone", "Flumazenil", "*Acetylcysteine", "Fomepizole", "Atropine"),
    vignette="A 19-year-old woman took 40 paracetamol tablets 6 hours ago. Her 4-hour level is "
             "above the treatment line.")

# =============================================================== Chinese, flawed
add("zh-k1", "k-type", "zh",
    "关于洋地黄中毒，下列说法中：①可出现室性期前收缩二联律 ②低血钾可诱发 ③可出现黄视 ④应立即电复律。正确的组合是",
    O("①②", "*①②③", "②③④", "①④", "①②③④"))
add("zh-k2", "k-type", "zh",
    "肾病综合征的诊断必备条件是：1. 尿蛋白>3.5 g/d 2. 血浆白蛋白<30 g/L 3. 水肿 4. 高脂血症。应选",
    O("*1和2", "1和3", "2和4", "1、2和3", "1、2、3和4"))
add("zh-k3", "k-type", "zh",
    "可引起高钾血症的药物有（A. 螺内酯；B. 呋塞米；C. 卡托普利；D. 氢氯噻嗪），应选",
    O("A、B", "*A、C", "B、D", "C、D", "A、C、D"))
add("zh-c1", "word-repeat", "zh",
    "治疗甲状腺危象首选的抗甲状腺药物是",
    O("*丙硫氧嘧啶（抗甲状腺药）", "普萘洛尔", "碘化钾", "氢化可的松", "地塞米松"),
    note="“抗甲状腺”在题干和答案中重复")
add("zh-c2", "word-repeat", "zh",
    "幽门螺杆菌感染最常用的无创检查是",
    O("胃镜活检病理", "*尿素呼气试验（幽门螺杆菌无创检查）", "血清学抗体检测", "胃液分析", "腹部B超"),
    note="答案重复题干中的“无创检查”")
add("zh-c3", "word-repeat", "zh",
    "引起肾病综合征的最常见病理类型中，儿童多见的是",
    O("系膜增生性肾小球肾炎", "膜性肾病", "*微小病变型肾病综合征", "局灶节段性肾小球硬化", "新月体性肾小球肾炎"))
add("zh-t1", "two-keys", "zh",
    "青霉素引起过敏性休克时，首选的抢救药物是",
    O("地塞米松", "*肾上腺素", "副肾素", "苯海拉明", "多巴胺"), note="肾上腺素=副肾素")
add("zh-t2", "two-keys", "zh",
    "男，20岁。发热、头痛、呕吐1天，皮肤瘀点，脑膜刺激征阳性。首选的经验性治疗是",
    O("*头孢曲松", "头孢曲松联合万古霉素", "口服阿莫西林", "阿昔洛韦", "庆大霉素"))
add("zh-t3", "two-keys", "zh",
    "女，65岁。突发呼吸困难、胸痛，近期髋关节置换术后。CT肺动脉造影示右肺动脉充盈缺损。最可能的诊断是",
    O("急性心肌梗死", "*肺血栓栓塞症", "肺栓塞", "主动脉夹层", "气胸"))
add("zh-n1", "negative-stem", "zh",
    "下列哪项不是肾病综合征的诊断标准",
    O("尿蛋白>3.5 g/d", "血浆白蛋白<30 g/L", "水肿", "高脂血症", "*血尿"))
add("zh-a1", "all-of-the-above", "zh",
    "男，70岁。服用多种药物后血钾6.2 mmol/L。可能的原因是",
    O("螺内酯", "贝那普利", "甲氧苄啶", "*以上都是", "呋塞米"))
add("zh-o1", "none-of-the-above", "zh",
    "治疗典型失神发作的首选药物是",
    O("卡马西平", "苯妥英钠", "加巴喷丁", "氨己烯酸", "*以上都不是"))
add("zh-ab1", "absolute-term", "zh",
    "关于二甲双胍在eGFR 50 mL/min的2型糖尿病患者中的使用，最恰当的是",
    O("绝对禁用", "*可继续使用并评估剂量", "一定引起乳酸酸中毒", "应改用胰岛素", "确诊后即停用"))
add("zh-l1", "longest-option-key", "zh",
    "女，30岁。血钠118 mmol/L，伴意识模糊和抽搐。最适宜的治疗是",
    O("限制饮水", "口服尿素", "托伐普坦", "*20分钟内静脉推注3%高渗盐水150 mL，必要时重复，并密切监测血钠变化", "地美环素"))
add("zh-op1", "open-lead-in", "zh",
    "关于华法林，下列说法正确的是",
    O("治疗窗宽", "*维生素K可逆转其作用", "妊娠期安全", "用APTT监测", "1小时内起效"))
add("zh-ov1", "overlapping-options", "zh",
    "甲型肝炎的潜伏期通常为多少天",
    O("2～7天", "5～15天", "*15～45天", "30～60天", "60～180天"))
add("zh-me1", "missing-explanation", "zh",
    "女，35岁。乏力，Hb 92 g/L，MCV 70 fL，铁蛋白降低。最可能的病因是",
    O("*缺铁", "地中海贫血", "维生素B12缺乏", "慢性病贫血", "溶血", expl=False), explanation=None)
add("zh-mk1", "multiple-keys", "zh",
    "男，45岁。胸痛，V1～V4导联ST段抬高。闭塞的血管最可能是",
    O("右冠状动脉", "*左前降支", "左回旋支", "*后降支", "左主干"))
add("zh-wl1", "wrong-language", "zh",
    "Which drug is first-line for hypertension in pregnancy?",
    O("*Labetalol", "Lisinopril", "Losartan", "Atenolol", "Spironolactone"),
    note="asked for Chinese, the model wrote English")
add("zh-rp1", "repetition", "zh",
    "患者患者患者患者患者患者患者患者患者患者患者患者患者患者患者患者最可能的诊断是",
    O("*肺炎", "哮喘", "慢阻肺", "肺癌", "肺结核"))

# =============================================================== Chinese, clean
add("zh-ok1", "clean", "zh", "最可能的诊断是",
    O("急性心包炎", "*急性下壁心肌梗死", "主动脉夹层", "肺栓塞", "食管痉挛"),
    vignette="患者，男，61岁。胸骨后压榨性疼痛50分钟，向下颌放射。吸烟30年。心电图示II、III、aVF导联ST段抬高，aVL导联ST段压低。")
add("zh-ok2", "clean", "zh", "最适宜的治疗药物是",
    O("Metformin", "Gliclazide", "*Insulin glargine", "Pioglitazone", "Acarbose"),
    vignette="男，28岁。口渴、多尿、消瘦2个月，空腹血糖16 mmol/L，HbA1c 11.2%，GAD抗体阳性，C肽低。",
    note="中文题干、拉丁文药名选项：按中文处理")
add("zh-ok3", "clean", "zh", "首选的抗菌药物是",
    O("万古霉素", "*头孢噻肟", "甲硝唑", "阿米卡星", "异烟肼"),
    vignette="男，52岁。乙型肝炎肝硬化，腹胀、发热、全腹压痛。腹水PMN 800×10⁶/L。")
add("zh-ok4", "clean", "zh", "最可能的诊断是",
    O("IgA肾病", "*急性肾小球肾炎", "急进性肾炎", "微小病变型肾病", "过敏性紫癜性肾炎"),
    vignette="男，10岁。咽痛2周后出现眼睑水肿、洗肉水样尿3天。BP 150/95 mmHg，尿RBC满视野，血清C3降低，ASO升高，血肌酐52 μmol/L。",
    label="en", note="导入时语言被标成英文的中文题：不应报 wrong-language")
add("zh-ok5", "clean", "zh", "为明确诊断，首选的检查是",
    O("*CT肺动脉造影（CTPA）", "D-二聚体", "下肢静脉超声", "V/Q显像", "超声心动图"),
    vignette="女，45岁。髋关节置换术后第5天突发胸痛、气短，HR 118次/分，Wells评分7分，血压正常。")
add("zh-ok6", "clean", "zh", "下列药物中【不宜】用于该患者的是",
    O("比索洛尔", "沙库巴曲缬沙坦", "螺内酯", "达格列净", "*维拉帕米"),
    vignette="男，66岁。慢性心力衰竭，LVEF 30%。", note="否定词用【】强调")
add("zh-ok7", "clean", "zh", "经典型苯丙酮尿症患儿最可能出现的尿液气味是",
    O("烂苹果味", "*鼠尿味", "枫糖浆味", "汗脚味", "猫尿味"))
add("zh-t4", "two-keys", "zh", "该患者的治疗首选",
    O("布洛芬", "*布洛芬联合秋水仙碱", "泼尼松", "心包穿刺", "直接PCI"),
    vignette="男，27岁。胸痛2天，坐位前倾减轻，可闻及心包摩擦音，心电图广泛导联ST段弓背向下抬高，肌钙蛋白正常。",
    note="干扰项“布洛芬”被正确答案包含，两者都可辩护")
add("zh-ok9", "clean", "zh", "最可能的诊断是",
    O("*伤寒", "疟疾", "钩端螺旋体病", "肾综合征出血热", "流行性斑疹伤寒"),
    vignette="男，25岁。持续发热10天，稽留热，表情淡漠，前胸玫瑰疹，脾大，WBC 3.2×10⁹/L，嗜酸性粒细胞为0。",
    note="伤寒 inside 斑疹伤寒 is another disease, not an included answer")
add("zh-ok10", "clean", "zh", "首选的抢救药物是",
    O("地塞米松", "*肾上腺素", "去甲肾上腺素", "异丙肾上腺素", "苯海拉明"),
    vignette="女，30岁。静脉滴注青霉素后5分钟出现胸闷、喉头发紧、血压70/40 mmHg。",
    note="肾上腺素 inside 去甲肾上腺素 is another drug")
add("zh-ok11", "clean", "zh", "中老年人原发性肾病综合征最常见的病理类型是",
    O("微小病变型肾病", "系膜增生性肾小球肾炎", "*膜性肾病", "局灶节段性肾小球硬化", "新月体性肾小球肾炎"))
add("zh-ok12", "clean", "zh", "最可能的诊断是",
    O("*糖尿病酮症酸中毒", "高渗高血糖状态", "乳酸酸中毒", "低血糖昏迷", "急性胃肠炎"),
    vignette="女，19岁。1型糖尿病，呕吐、腹痛1天，深大呼吸。血糖28 mmol/L，血酮5.2 mmol/L，pH 7.12。")
add("zh-ok13", "clean", "zh", "通过增加肾小管钙重吸收而升高血钙的激素是",
    O("降钙素", "*甲状旁腺激素", "甲状腺素", "醛固酮", "皮质醇"))
add("zh-ok14", "clean", "zh", "最适宜的氧疗方案是",
    O("*鼻导管吸氧1～2 L/min，目标SpO2 88%～92%", "储氧面罩吸氧10 L/min，目标SpO2≥95%",
      "鼻导管吸氧1～2 L/min，目标SpO2 95%～98%", "文丘里面罩吸氧（FiO2 28%），仅在SpO2<85%时间断给氧",
      "经鼻高流量氧疗（FiO2 60%），目标SpO2≥96%"),
    vignette="男，70岁。慢阻肺急性加重，血气（未吸氧）：pH 7.33，PaO2 50 mmHg，PaCO2 62 mmHg。",
    note="数字选项、缩写较多的中文题")
add("zh-ok15", "clean", "zh", "首选的检查是",
    O("*头颅CT平扫", "头颅MRI", "腰椎穿刺", "脑电图", "颈部CTA"),
    vignette="女，67岁。突发右侧肢体无力伴失语90分钟。")
add("zh-ok16", "clean", "zh", "应给予的解毒剂是",
    O("纳洛酮", "氟马西尼", "*乙酰半胱氨酸", "甲吡唑", "阿托品"),
    vignette="女，19岁。6小时前服用对乙酰氨基酚40片，4小时血药浓度高于治疗线。")
add("zh-ok17", "clean", "zh", "最可能的病原体是",
    O("*肺炎链球菌", "肺炎支原体", "嗜肺军团菌", "金黄色葡萄球菌", "肺炎衣原体"),
    vignette="男，35岁。受凉后寒战、高热2天，咳铁锈色痰，胸片示右下肺大叶实变。",
    note="“肺炎”出现在多个选项中")
add("zh-ok18", "clean", "zh", "该患者降压治疗首选",
    O("*贝那普利（ACEI）", "氨氯地平（CCB）", "氢氯噻嗪", "美托洛尔", "特拉唑嗪"),
    vignette="男，56岁。2型糖尿病8年，血压150～160/95～100 mmHg，尿白蛋白/肌酐比值150 mg/g，血钾4.2 mmol/L。",
    label="en", note="导入标签为英文、含缩写的中文题")
add("zh-ok19", "clean", "zh", "最可能的诊断是",
    O("*原发性醛固酮增多症", "库欣综合征", "嗜铬细胞瘤", "肾动脉狭窄", "原发性高血压"),
    vignette="男，38岁。难治性高血压，血钾2.9 mmol/L，血浆醛固酮/肾素比值明显升高，盐水输注试验醛固酮不被抑制。")
add("zh-ok20", "clean", "zh", "下一步最适宜的处理是",
    O("口服阿司匹林300 mg", "静脉滴注普通肝素", "*静脉溶栓治疗", "血管内机械取栓", "将血压降至140/90 mmHg以下"),
    vignette="女，67岁。突发右侧肢体无力伴言语困难2小时。NIHSS 12分，CT未见出血，CTA未见大血管闭塞，BP 168/94 mmHg。")
add("zh-ok21", "clean", "zh", "最可能的诊断是",
    O("链球菌感染后肾小球肾炎", "*IgA肾病", "膜性肾病", "微小病变型肾病", "狼疮性肾炎"),
    vignette="男，25岁。上呼吸道感染后1～2天反复出现肉眼血尿，血压、补体正常。")
add("zh-ok22", "clean", "zh", "首选的根除方案是",
    O("*铋剂四联疗法14天", "含克拉霉素的三联疗法7天", "含左氧氟沙星的三联疗法7天", "单用质子泵抑制剂8周", "单用硫糖铝8周"),
    vignette="男，42岁。十二指肠球部溃疡，快速尿素酶试验阳性，未接受过根除治疗。")


def main() -> None:
    flawed = [e for e in entries if e["flaw"] != "clean"]
    clean = [e for e in entries if e["flaw"] == "clean"]
    assert len({e["id"] for e in entries}) == len(entries)
    data = {"description": "Annotated items for the quality gate (issue 16): each flawed item "
                           "carries one deliberate item-writing flaw named in 'flaw' (a rule id "
                           "of eduapp.authoring.lint.RULES); 'clean' items are written to the "
                           "NBME guide and should raise no warning or error. English and "
                           "Simplified Chinese; 'language' is the language the item is written "
                           "in (item.language may be a wrong import label on purpose).",
            "version": 1, "counts": {"items": len(entries), "flawed": len(flawed),
                                     "clean": len(clean)},
            "items": entries}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "annotated_gate_set.json")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(entries)} items ({len(flawed)} flawed, {len(clean)} clean) -> {path}")


if __name__ == "__main__":
    main()
