"""Laboratory reference values for the practice page's lab-values panel (what a student
may look up during a question, as in the USMLE/NBME exam software).

Each :class:`LabValue` is an adult reference interval in SI units with two sources:

* ``si``: converted to SI from the NBME "Laboratory Values" list used in USMLE Step 1/2
  exams (NBME, 2023 edition; conventional units converted with the usual factors, e.g.
  glucose mg/dL ÷ 18, creatinine mg/dL × 88.4, bilirubin mg/dL × 17.1, calcium mg/dL ÷ 4).
* ``cn``: the range taught in Chinese medical schools, from 《诊断学》 (第9版, 人民卫生出版社,
  2018) reference intervals; ``None`` where that textbook gives no single adult interval.

Ranges are text (``"136–146"``, ``"< 5.2"``, ``"M 135–175; F 120–160"``) because
intervals differ by sex or are one-sided. They are teaching values: every laboratory
publishes its own intervals.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Panel groups, in display order: ``key -> (English, Chinese)``.
GROUPS = {
    "electrolytes": ("Electrolytes and renal", "电解质与肾功能"),
    "metabolic": ("Glucose and lipids", "血糖与血脂"),
    "liver": ("Liver and pancreas", "肝胰功能"),
    "cardiac": ("Cardiac and muscle", "心肌与肌肉"),
    "blood": ("Full blood count", "血常规"),
    "coagulation": ("Coagulation and iron", "凝血与铁代谢"),
    "gas": ("Arterial blood gas", "动脉血气"),
    "endocrine": ("Endocrine", "内分泌"),
    "csf": ("Cerebrospinal fluid", "脑脊液"),
}


@dataclass(frozen=True)
class LabValue:
    """One analyte: names in English and Chinese, its group (a key of :data:`GROUPS`), the
    SI unit, the NBME-derived range ``si`` and the Chinese textbook range ``cn``."""

    group: str
    en: str
    zh: str
    unit: str
    si: str
    cn: str | None = None

    def name(self, language: str = "en") -> str:
        """The analyte's name in ``language`` (``en`` or ``zh``)."""
        return self.zh if language == "zh" else self.en


LAB_VALUES: tuple[LabValue, ...] = (
    LabValue("electrolytes", "Sodium (Na⁺)", "钠 (Na⁺)", "mmol/L", "136–146", "135–145"),
    LabValue("electrolytes", "Potassium (K⁺)", "钾 (K⁺)", "mmol/L", "3.5–5.0", "3.5–5.5"),
    LabValue("electrolytes", "Chloride (Cl⁻)", "氯 (Cl⁻)", "mmol/L", "95–105", "95–105"),
    LabValue("electrolytes", "Bicarbonate (HCO₃⁻)", "碳酸氢根 (HCO₃⁻)", "mmol/L", "22–28",
             "22–27"),
    LabValue("electrolytes", "Calcium, total", "总钙", "mmol/L", "2.1–2.6", "2.25–2.58"),
    LabValue("electrolytes", "Magnesium", "镁", "mmol/L", "0.75–1.0", "0.8–1.0"),
    LabValue("electrolytes", "Phosphate", "无机磷", "mmol/L", "0.97–1.45", "0.97–1.61"),
    LabValue("electrolytes", "Urea", "尿素", "mmol/L", "2.5–7.1", "3.2–7.1"),
    LabValue("electrolytes", "Creatinine", "肌酐", "µmol/L", "53–106",
             "M 53–106; F 44–97"),
    LabValue("electrolytes", "Uric acid", "尿酸", "µmol/L", "180–490",
             "M 208–428; F 155–357"),
    LabValue("electrolytes", "Osmolality, serum", "血浆渗透压", "mOsm/kg H₂O", "275–295",
             "280–310"),
    LabValue("metabolic", "Glucose, fasting", "空腹血糖", "mmol/L", "3.9–5.6", "3.9–6.1"),
    LabValue("metabolic", "Haemoglobin A1c", "糖化血红蛋白 (HbA1c)", "%", "4.0–5.6",
             "4.0–6.0"),
    LabValue("metabolic", "Cholesterol, total", "总胆固醇", "mmol/L", "< 5.2", "< 5.2"),
    LabValue("metabolic", "LDL cholesterol", "低密度脂蛋白胆固醇", "mmol/L", "< 3.4", "< 3.4"),
    LabValue("metabolic", "HDL cholesterol", "高密度脂蛋白胆固醇", "mmol/L", "> 1.0",
             "≥ 1.0"),
    LabValue("metabolic", "Triglycerides", "甘油三酯", "mmol/L", "< 1.7", "< 1.7"),
    LabValue("liver", "Alanine aminotransferase (ALT)", "丙氨酸氨基转移酶 (ALT)", "U/L",
             "10–40", "5–40"),
    LabValue("liver", "Aspartate aminotransferase (AST)", "天冬氨酸氨基转移酶 (AST)", "U/L",
             "12–38", "8–40"),
    LabValue("liver", "Alkaline phosphatase (ALP)", "碱性磷酸酶 (ALP)", "U/L", "25–100",
             "45–125"),
    LabValue("liver", "Bilirubin, total", "总胆红素", "µmol/L", "2–17", "3.4–17.1"),
    LabValue("liver", "Bilirubin, direct", "直接胆红素", "µmol/L", "0–5", "0–6.8"),
    LabValue("liver", "Albumin", "白蛋白", "g/L", "35–55", "40–55"),
    LabValue("liver", "Protein, total", "总蛋白", "g/L", "60–78", "65–85"),
    LabValue("liver", "Amylase", "淀粉酶", "U/L", "25–125", "35–135"),
    LabValue("liver", "Lipase", "脂肪酶", "U/L", "13–60", None),
    LabValue("cardiac", "Creatine kinase (CK)", "肌酸激酶 (CK)", "U/L",
             "M 25–90; F 10–70", None),
    LabValue("cardiac", "Lactate dehydrogenase (LDH)", "乳酸脱氢酶 (LDH)", "U/L", "45–200",
             "120–250"),
    LabValue("cardiac", "Troponin I (assay-dependent)", "肌钙蛋白 I（依检测方法）", "µg/L",
             "< 0.04", "< 0.04"),
    LabValue("cardiac", "B-type natriuretic peptide (BNP)", "B 型利钠肽 (BNP)", "ng/L",
             "< 100", "< 100"),
    LabValue("blood", "Haemoglobin", "血红蛋白", "g/L", "M 135–175; F 120–160",
             "M 130–175; F 115–150"),
    LabValue("blood", "Haematocrit", "红细胞压积", "L/L", "M 0.41–0.53; F 0.36–0.46",
             "M 0.40–0.50; F 0.35–0.45"),
    LabValue("blood", "Mean corpuscular volume (MCV)", "平均红细胞体积 (MCV)", "fL",
             "80–100", "82–100"),
    LabValue("blood", "White cell count", "白细胞计数", "×10⁹/L", "4.5–11.0", "3.5–9.5"),
    LabValue("blood", "Neutrophils", "中性粒细胞", "%", "54–62", "40–75"),
    LabValue("blood", "Lymphocytes", "淋巴细胞", "%", "25–33", "20–50"),
    LabValue("blood", "Platelets", "血小板", "×10⁹/L", "150–400", "125–350"),
    LabValue("blood", "Reticulocytes", "网织红细胞", "%", "0.5–1.5", "0.5–1.5"),
    LabValue("blood", "Erythrocyte sedimentation rate", "红细胞沉降率", "mm/h",
             "M 0–15; F 0–20", "M 0–15; F 0–20"),
    LabValue("coagulation", "Prothrombin time (PT)", "凝血酶原时间 (PT)", "s", "11–15",
             "11–13"),
    LabValue("coagulation", "Activated partial thromboplastin time (aPTT)",
             "活化部分凝血活酶时间 (APTT)", "s", "25–40", None),
    LabValue("coagulation", "INR", "国际标准化比值 (INR)", "", "0.8–1.2", "0.8–1.2"),
    LabValue("coagulation", "Fibrinogen", "纤维蛋白原", "g/L", "2–4", "2–4"),
    LabValue("coagulation", "D-dimer", "D-二聚体", "mg/L FEU", "< 0.5", "< 0.5"),
    LabValue("coagulation", "Ferritin", "铁蛋白", "µg/L", "M 20–250; F 10–120", None),
    LabValue("coagulation", "Iron, serum", "血清铁", "µmol/L", "9–30",
             "M 11–30; F 9–27"),
    LabValue("gas", "pH", "pH", "", "7.35–7.45", "7.35–7.45"),
    LabValue("gas", "PaCO₂", "动脉血二氧化碳分压 (PaCO₂)", "kPa", "4.4–5.9 (33–44 mmHg)",
             "4.67–6.0 (35–45 mmHg)"),
    LabValue("gas", "PaO₂", "动脉血氧分压 (PaO₂)", "kPa", "10.0–14.0 (75–105 mmHg)",
             "10.6–13.3 (80–100 mmHg)"),
    LabValue("gas", "Lactate", "乳酸", "mmol/L", "0.5–2.2", "0.5–1.7"),
    LabValue("endocrine", "Thyroid-stimulating hormone (TSH)", "促甲状腺激素 (TSH)", "mU/L",
             "0.4–4.0", "0.27–4.2"),
    LabValue("endocrine", "Free thyroxine (FT4)", "游离甲状腺素 (FT4)", "pmol/L", "12–22",
             "12–22"),
    LabValue("endocrine", "Cortisol, 08:00", "皮质醇（上午 8 时）", "nmol/L", "140–690",
             None),
    LabValue("csf", "Glucose, CSF", "脑脊液葡萄糖", "mmol/L", "2.2–3.9", "2.5–4.4"),
    LabValue("csf", "Protein, CSF", "脑脊液蛋白", "g/L", "< 0.40", "0.20–0.45"),
    LabValue("csf", "Cells, CSF", "脑脊液细胞数", "×10⁶/L", "0–5", "0–8"),
    LabValue("csf", "Opening pressure", "脑脊液压力", "mm H₂O", "70–180", "80–180"),
)


def lab_values(query: str = "") -> list[LabValue]:
    """The reference values whose English or Chinese name or group contains ``query``
    (case-insensitive; empty: all), in :data:`GROUPS` order."""
    q = query.strip().lower()
    order = {g: k for k, g in enumerate(GROUPS)}
    out = [v for v in LAB_VALUES if not q or q in v.en.lower() or q in v.zh or
           q in GROUPS[v.group][0].lower() or q in GROUPS[v.group][1]]
    return sorted(out, key=lambda v: order[v.group])
