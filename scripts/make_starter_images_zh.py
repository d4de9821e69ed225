"""Draw the images of the Chinese starter additions and embed them in their items.

The images are made, not collected: ECG rhythm strips from simulated signals (neurokit2's
``ecg_simulate`` for the sinus rhythms, ``signal_simulate`` for ventricular fibrillation,
and a sum-of-Gaussians beat model for complete heart block, whose P waves must march
through the QRS complexes independently), and charts and laboratory tables drawn with
matplotlib in the bundled CJK font (``assets/fonts/DroidSansFallbackFull.ttf``).

Run from the repository root::

    python scripts/make_starter_images_zh.py            # rewrite the media of the bank file
    python scripts/make_starter_images_zh.py --out DIR  # also write the PNG files to DIR

It rewrites ``question_banks/starter_zh_more.json`` in place: each item named in
``IMAGES`` gets ``media: [{"name", "mime", "sha256"}]`` and the file's top-level ``media``
table carries the bytes (base64), as ``docs/eduapp-json.md`` describes. Other content of
the file is left as it is. The output is deterministic: the same library versions give
byte-identical PNGs (fixed random seeds, no timestamps in the PNG metadata).

matplotlib and neurokit2 are authoring tools only; they are not runtime dependencies of
EduApp (``pip install matplotlib neurokit2`` to run this script).

ECG paper conventions drawn here: 25 mm/s and 10 mm/mV, small squares 1 mm (0.04 s,
0.1 mV), large squares 5 mm (0.2 s, 0.5 mV) - the standard clinical calibration.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import font_manager  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANK = os.path.join(REPO, "question_banks", "starter_zh_more.json")
FONT = os.path.join(REPO, "assets", "fonts", "DroidSansFallbackFull.ttf")
DPI = 120
PAPER_SPEED = 25.0   # mm per second
GAIN = 10.0          # mm per mV
FS = 500             # samples per second of the simulated ECG


def _font() -> None:
    font_manager.fontManager.addfont(FONT)
    name = font_manager.FontProperties(fname=FONT).get_name()
    plt.rcParams.update({"font.family": [name, "DejaVu Sans"], "axes.unicode_minus": False,
                         "svg.hashsalt": "eduapp", "font.size": 10})


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None},
                bbox_inches="tight", pad_inches=0.08)
    plt.close(fig)
    return buf.getvalue()


# --------------------------------------------------------------------------- ECG strips

def _ecg_strip(signal_mv: np.ndarray, title: str, seconds: float = 6.0,
               top_mv: float = 1.5, bottom_mv: float = -1.0) -> bytes:
    """A rhythm strip on ECG paper, as PNG bytes.

    :param signal_mv: samples at ``FS`` Hz in millivolts; the first ``seconds`` are drawn.
    :param title: the lead and speed label printed in the corner.
    """
    n = int(seconds * FS)
    y = signal_mv[:n] * GAIN
    x = np.arange(len(y)) / FS * PAPER_SPEED
    width_mm, lo, hi = seconds * PAPER_SPEED, bottom_mv * GAIN, top_mv * GAIN
    fig = plt.figure(figsize=(width_mm / 25.4 * 1.05, (hi - lo) / 25.4 * 1.05))
    ax = fig.add_axes([0, 0, 1, 1])
    for v in np.arange(0, width_mm + 0.01, 1.0):
        ax.axvline(v, color="#f4c2c2" if v % 5 else "#e07b7b", lw=0.3 if v % 5 else 0.7, zorder=0)
    for v in np.arange(np.floor(lo), hi + 0.01, 1.0):
        ax.axhline(v, color="#f4c2c2" if v % 5 else "#e07b7b", lw=0.3 if v % 5 else 0.7, zorder=0)
    ax.plot(x, y, color="black", lw=0.9, zorder=2)
    ax.set_xlim(0, width_mm)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.text(1.5, hi - 3, title, fontsize=8, va="top",
            bbox=dict(facecolor="white", edgecolor="none", pad=1))
    return _png(fig)


def _sinus(rate: float, seconds: float, seed: int) -> np.ndarray:
    import neurokit2 as nk
    sig = nk.ecg_simulate(duration=int(seconds) + 2, sampling_rate=FS, heart_rate=rate,
                          heart_rate_std=0, method="ecgsyn", random_state=seed)
    sig = np.asarray(sig, dtype=float)
    sig = sig - np.median(sig)
    return sig / np.percentile(sig, 99.9) * 1.1   # R waves about 1.1 mV


def ecg_sinus() -> bytes:
    return _ecg_strip(_sinus(75, 6, seed=11), "Ⅱ导联  25 mm/s  10 mm/mV")


def ecg_svt() -> bytes:
    """Regular narrow-complex tachycardia at 180/min with no visible P waves (AV nodal
    re-entry: the P waves hide in the QRS complexes)."""
    seconds = 8
    t = np.arange(seconds * FS) / FS
    sig = np.zeros_like(t)
    for q in np.arange(0.2, seconds, 60 / 180):
        sig += _gauss(t, q - 0.012, 0.006, -0.08)            # q
        sig += _gauss(t, q, 0.009, 1.05)                     # narrow R (QRS ~0.08 s)
        sig += _gauss(t, q + 0.022, 0.008, -0.25)            # S
        sig += _gauss(t, q + 0.16, 0.035, 0.28)              # T
    rng = np.random.RandomState(5)
    sig += np.convolve(rng.normal(0, 0.01, len(t)), np.ones(25) / 25, mode="same")
    return _ecg_strip(sig, "Ⅱ导联  25 mm/s  10 mm/mV")


def ecg_vf() -> bytes:
    import neurokit2 as nk
    seconds = 8
    base = nk.signal_simulate(duration=seconds, sampling_rate=FS, frequency=[4.2, 5.1, 6.3],
                              amplitude=[0.45, 0.3, 0.2], noise=0, random_state=3)
    rng = np.random.RandomState(7)
    t = np.arange(len(base)) / FS
    envelope = 0.75 + 0.35 * np.sin(2 * np.pi * 0.4 * t + rng.uniform(0, 6))
    wander = np.convolve(rng.normal(0, 1, len(base)), np.ones(120) / 120, mode="same")
    sig = np.asarray(base) * envelope + 0.5 * wander
    return _ecg_strip(sig, "监护导联  25 mm/s  10 mm/mV", top_mv=1.2, bottom_mv=-1.2)


def _gauss(t, centre, width, height):
    return height * np.exp(-0.5 * ((t - centre) / width) ** 2)


def ecg_avb3() -> bytes:
    """Complete heart block: P waves at 80/min, ventricular escape at 36/min, no relation."""
    seconds = 8
    t = np.arange(seconds * FS) / FS
    sig = np.zeros_like(t)
    for p in np.arange(0.25, seconds, 60 / 80):              # atrial rate 80/min
        sig += _gauss(t, p, 0.025, 0.15)
    for q in np.arange(0.55, seconds, 60 / 36):              # escape rhythm 36/min
        sig += _gauss(t, q - 0.03, 0.012, -0.12)             # q
        sig += _gauss(t, q + 0.01, 0.022, 1.0)               # broad R (escape QRS ~0.13 s)
        sig += _gauss(t, q + 0.06, 0.018, -0.28)             # S
        sig += _gauss(t, q + 0.36, 0.06, 0.3)                # T
    rng = np.random.RandomState(2)
    sig += np.convolve(rng.normal(0, 0.01, len(t)), np.ones(25) / 25, mode="same")
    return _ecg_strip(sig, "Ⅱ导联  25 mm/s  10 mm/mV", seconds=7.5)


# --------------------------------------------------------------------------- charts

def partogram() -> bytes:
    """Cervical dilation (top) and fetal head station (bottom) against hours in labour:
    6 cm from 3.5 h (artificial rupture of membranes) to 8 h, the head stuck at -1."""
    hours = [0, 2, 3.5, 5.5, 7.5, 8.0]
    dilation = [4, 5, 6, 6, 6, 6]
    station = [-2, -1, -1, -1, -1, -1]
    fig, (ax, ax2) = plt.subplots(2, 1, figsize=(6.0, 4.6), sharex=True,
                                  gridspec_kw={"height_ratios": [3, 2]})
    ax.plot(hours, dilation, "o-", color="#1f4e9a")
    ax.set_ylim(0, 10)
    ax.set_yticks(range(0, 11))
    ax.set_ylabel("宫口扩张（cm）")
    ax.grid(True, color="#dddddd", lw=0.6)
    ax.annotate("人工破膜", xy=(3.5, 6), xytext=(2.0, 8.4),
                arrowprops=dict(arrowstyle="->", color="black"))
    ax.set_title("产程图")
    ax2.plot(hours, station, "x--", color="#b03a2e", ms=8)
    ax2.set_ylim(3, -4)
    ax2.set_yticks(range(-4, 4))
    ax2.set_yticklabels([f"{v:+d}" if v else "0" for v in range(-4, 4)])
    ax2.set_ylabel("胎头位置")
    ax2.grid(True, color="#dddddd", lw=0.6)
    ax2.set_xlim(0, 10)
    ax2.set_xticks(range(0, 11))
    ax2.set_xlabel("临产后时间（小时，0点为入院评估时）；胎头位置以坐骨棘水平为0")
    fig.tight_layout()
    return _png(fig)


def epi_curve() -> bytes:
    labels = ["20-22", "22-24", "0-2", "2-4", "4-6", "6-8", "8-10", "10-12", "12-14", "14-16"]
    cases = [1, 4, 9, 14, 16, 11, 7, 4, 2, 0]
    fig, ax = plt.subplots(figsize=(6.2, 3.2))
    ax.bar(range(len(cases)), cases, width=1.0, color="#6b8fc7", edgecolor="black", lw=0.6)
    ax.set_xticks(range(len(cases)))
    ax.set_xticklabels(labels, fontsize=8)
    ax.set_xlabel("发病时间（时段，18:00开席；左侧2段为当日，其余为次日）")
    ax.set_ylabel("病例数")
    ax.set_ylim(0, 18)
    ax.set_yticks(range(0, 19, 2))
    ax.set_title("婚宴后腹泻病例的发病时间分布（共68例）")
    for i, c in enumerate(cases):
        if c:
            ax.text(i, c + 0.3, str(c), ha="center", fontsize=8)
    return _png(fig)


def o2_curve() -> bytes:
    po2 = np.linspace(0, 100, 400)

    def sat(p50, n=2.7):
        return 100 * po2 ** n / (po2 ** n + p50 ** n)
    fig, ax = plt.subplots(figsize=(5.2, 3.6))
    ax.plot(po2, sat(26.8), color="#1f4e9a", lw=2)
    ax.plot(po2, sat(36.0), color="#b03a2e", lw=2, ls="--")
    ax.text(14, 62, "A", color="#1f4e9a", fontsize=13, weight="bold")
    ax.text(40, 38, "B", color="#b03a2e", fontsize=13, weight="bold")
    ax.axhline(50, color="grey", lw=0.8, ls=":")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set_xlabel("氧分压 PO₂（mmHg）")
    ax.set_ylabel("血红蛋白氧饱和度（%）")
    ax.set_title("氧解离曲线")
    ax.grid(True, color="#eeeeee")
    return _png(fig)


def lineweaver() -> bytes:
    km, vmax, km_i = 2.0, 10.0, 6.0
    x = np.linspace(-0.6, 2.0, 50)
    fig, ax = plt.subplots(figsize=(5.2, 3.6))
    ax.plot(x, km / vmax * x + 1 / vmax, color="#1f4e9a", lw=2, label="无抑制剂")
    ax.plot(x, km_i / vmax * x + 1 / vmax, color="#b03a2e", lw=2, ls="--", label="加入抑制剂I")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel("1/[S]（L/mmol）")
    ax.set_ylabel("1/v（min·L/μmol）")
    ax.set_xlim(-0.6, 2.0)
    ax.set_ylim(-0.05, 1.4)
    ax.legend(loc="upper left")
    ax.set_title("双倒数作图（Lineweaver-Burk）")
    ax.grid(True, color="#eeeeee")
    return _png(fig)


def pk_curve() -> bytes:
    half_life, c0 = 4.0, 16.0
    t = np.linspace(0, 24, 200)
    sample_t = np.array([1, 2, 4, 6, 8, 12, 16, 20, 24])
    fig, ax = plt.subplots(figsize=(5.4, 3.6))
    ax.semilogy(t, c0 * 0.5 ** (t / half_life), color="#1f4e9a", lw=1.5)
    ax.semilogy(sample_t, c0 * 0.5 ** (sample_t / half_life), "o", color="#1f4e9a")
    ax.set_yticks([0.25, 0.5, 1, 2, 4, 8, 16])
    ax.set_yticklabels(["0.25", "0.5", "1", "2", "4", "8", "16"])
    ax.set_xticks(range(0, 25, 2))
    ax.set_xlim(0, 24)
    ax.set_ylim(0.2, 20)
    ax.set_xlabel("给药后时间（小时）")
    ax.set_ylabel("血药浓度（mg/L，对数坐标）")
    ax.set_title("单次静脉注射后的血药浓度-时间曲线")
    ax.grid(True, which="both", color="#e6e6e6")
    return _png(fig)


def _table(title: str, header: list[str], rows: list[list[str]], widths: list[float]) -> bytes:
    """A laboratory table as PNG bytes; ``widths`` are relative column widths (inches)."""
    height = 0.34 * (len(rows) + 1)
    fig = plt.figure(figsize=(sum(widths) * 1.3, height + 0.45))
    ax = fig.add_axes([0.01, 0.01, 0.98, height / (height + 0.45)])
    ax.axis("off")
    table = ax.table(cellText=rows, colLabels=header, cellLoc="center", bbox=[0, 0, 1, 1],
                     colWidths=[w / sum(widths) for w in widths])
    table.auto_set_font_size(False)
    table.set_fontsize(10)
    for (r, _c), cell in table.get_celld().items():
        cell.set_edgecolor("#555555")
        if r == 0:
            cell.set_facecolor("#dfe6f2")
    fig.suptitle(title, fontsize=11, y=0.97)
    return _png(fig)


def dic_table() -> bytes:
    return _table(
        "凝血功能与血常规（入院时与第3天）",
        ["项目", "入院时", "第3天", "参考范围"],
        [["血小板（×10⁹/L）", "186", "42", "125～350"],
         ["凝血酶原时间 PT（s）", "12.8", "21.6", "11～14"],
         ["活化部分凝血活酶时间 APTT（s）", "32", "58", "25～37"],
         ["纤维蛋白原（g/L）", "3.6", "0.9", "2～4"],
         ["D-二聚体（mg/L FEU）", "0.8", "18.5", "<0.5"],
         ["血浆鱼精蛋白副凝试验（3P试验）", "阴性", "阳性", "阴性"]],
        [2.6, 0.9, 0.9, 1.1])


def screen_table() -> bytes:
    return _table(
        "血清学试验与病理活检（金标准）结果",
        ["血清学试验", "患病（活检证实）", "未患病", "合计"],
        [["阳性", "180", "80", "260"], ["阴性", "20", "720", "740"],
         ["合计", "200", "800", "1000"]],
        [1.3, 1.5, 1.0, 0.9])


# item uid -> (file name, drawing function)
IMAGES = {
    "starter-zh-obgyn-009": ("starter-zh-partogram.png", partogram),
    "starter-zh-haem-007": ("starter-zh-dic-labs.png", dic_table),
    "starter-zh-em-001": ("starter-zh-ecg-vf.png", ecg_vf),
    "starter-zh-em-008": ("starter-zh-ecg-avb3.png", ecg_avb3),
    "starter-zh-em-009": ("starter-zh-ecg-svt.png", ecg_svt),
    "starter-zh-phys-004": ("starter-zh-ecg-sinus.png", ecg_sinus),
    "starter-zh-prev-003": ("starter-zh-screening-2x2.png", screen_table),
    "starter-zh-prev-case-01a": ("starter-zh-epidemic-curve.png", epi_curve),
    "starter-zh-phys-002": ("starter-zh-o2-dissociation.png", o2_curve),
    "starter-zh-bioc-001": ("starter-zh-lineweaver-burk.png", lineweaver),
    "starter-zh-pharm-101": ("starter-zh-pk-curve.png", pk_curve),
}


def _all_items(doc: dict):
    yield from doc.get("items") or []
    for s in doc.get("sets") or []:
        yield from s.get("items") or []


def embed(bank_path: str = BANK, out_dir: str | None = None) -> dict[str, str]:
    """Draw every image in ``IMAGES`` and write it into the bank file.

    :param bank_path: the ``eduapp-json`` file whose items get the images.
    :param out_dir: also write each PNG there when given.
    :returns: item uid -> sha256 of its image.
    :raises SystemExit: an item named in ``IMAGES`` is not in the file.
    """
    _font()
    with open(bank_path, encoding="utf-8") as fh:
        doc = json.load(fh)
    items = {it["uid"]: it for it in _all_items(doc)}
    missing = sorted(set(IMAGES) - set(items))
    if missing:
        raise SystemExit(f"items not in {bank_path}: {', '.join(missing)}")
    table, made = {}, {}
    for uid, (name, draw) in IMAGES.items():
        data = draw()
        sha = hashlib.sha256(data).hexdigest()
        items[uid]["media"] = [{"name": name, "mime": "image/png", "sha256": sha}]
        table[sha] = {"name": name, "mime": "image/png",
                      "data": base64.b64encode(data).decode("ascii")}
        made[uid] = sha
        if out_dir:
            os.makedirs(out_dir, exist_ok=True)
            with open(os.path.join(out_dir, name), "wb") as fh:
                fh.write(data)
    doc["media"] = table
    tmp = bank_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    os.replace(tmp, bank_path)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bank", default=BANK, help="eduapp-json file to update")
    parser.add_argument("--out", help="folder to write the PNG files to as well")
    args = parser.parse_args(argv)
    for uid, sha in embed(args.bank, args.out).items():
        print(f"{uid}\t{sha[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
