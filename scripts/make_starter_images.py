"""Regenerate the images of the English starter extension and embed them in its bank file.

The images are drawn, not photographed: ECG rhythm strips simulated with neurokit2
(``ecg_simulate``, fixed ``random_state``) and charts, curves and laboratory tables drawn
with matplotlib. The same versions of the libraries give the same bytes, so running the
script twice changes nothing.

Usage (authoring only; neither library is a runtime dependency of EduApp)::

    pip install matplotlib neurokit2
    PYTHONPATH=$PWD python scripts/make_starter_images.py [--out DIR]

It writes every PNG to ``--out`` (default: a temporary folder, printed) and updates
``question_banks/starter_en_more.json`` in place: each item's ``media`` entry gets the
sha256 of its file, and the top-level ``media`` table gets the bytes (base64), as the
``eduapp-json`` format carries them (docs/eduapp-json.md).

Sources of the numbers drawn: ECG paper 25 mm/s and 10 mm/mV (1 mm = 0.04 s = 0.1 mV);
CTG scales as in NICE NG229 (2022) and FIGO (2015); oxyhaemoglobin curves from the Hill
equation with n = 2.7 and P50 26.8 mm Hg (normal adult) or 36 mm Hg (right shift);
weight-for-age centiles drawn from WHO Child Growth Standards medians (girls) with a
log-normal spread (coefficient of variation 0.12), a schematic approximation labelled
as such; enzyme kinetics from the Michaelis-Menten equation; dose-response curves from
the Hill equation (Emax model). Laboratory values are invented for the vignettes.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import sys
import tempfile

import numpy as np

BANK = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    "question_banks", "starter_en_more.json")
DPI = 160


def _plt():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10,
                         "svg.hashsalt": "eduapp", "path.simplify": False})
    return plt


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None},
                bbox_inches="tight", pad_inches=0.1)
    _plt().close(fig)
    return buf.getvalue()


# --------------------------------------------------------------------------- ECG strips

def _ecg_strip(heart_rate: int, seed: int, p_waves: bool = True, seconds: float = 6.0) -> bytes:
    """A lead-II rhythm strip on ECG paper (25 mm/s, 10 mm/mV).

    :param p_waves: ``False`` sets the P-wave amplitude of the ECGSYN model to zero (a
        re-entrant narrow-complex tachycardia with no visible atrial activity).
    """
    import neurokit2 as nk
    plt = _plt()
    fs = 500
    extra = {} if p_waves else {"ai": (0.0, -5, 30, -7.5, 0.75)}
    sig = nk.ecg_simulate(duration=int(seconds) + 4, sampling_rate=fs, heart_rate=heart_rate,
                          heart_rate_std=1, method="ecgsyn", random_state=seed, **extra)
    sig = np.asarray(sig)[2 * fs:2 * fs + int(seconds * fs)]
    sig = sig - np.median(sig)
    sig = sig / np.max(np.abs(sig)) * 1.2  # tallest deflection 1.2 mV
    t = np.arange(sig.size) / fs
    width_in = seconds * 25 / 25.4  # 25 mm per second
    fig, ax = plt.subplots(figsize=(width_in, 30 / 25.4 * 1.2))
    for x in np.arange(0, seconds + 1e-9, 0.04):
        ax.axvline(x, color="#f4c2c2", lw=0.6 if round(x / 0.2, 6) % 1 == 0 else 0.25, zorder=0)
    for y in np.arange(-1.5, 1.5 + 1e-9, 0.1):
        ax.axhline(y, color="#f4c2c2", lw=0.6 if round(y / 0.5, 6) % 1 == 0 else 0.25, zorder=0)
    ax.plot(t, sig, color="black", lw=1.0)
    ax.set_xlim(0, seconds)
    ax.set_ylim(-1.5, 1.5)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title("Lead II    25 mm/s    10 mm/mV", fontsize=8, loc="left")
    return _png(fig)


# --------------------------------------------------------------------------- obstetrics

def _ctg() -> bytes:
    """20 minutes of CTG: baseline 150 bpm, reduced variability, late decelerations."""
    plt = _plt()
    rng = np.random.default_rng(7)
    t = np.arange(0, 20 * 60, 1.0)  # seconds
    toco = np.full(t.size, 12.0)
    fhr = 150 + np.convolve(rng.normal(0, 1.6, t.size), np.ones(8) / 8, mode="same")
    for start in np.arange(60, 20 * 60 - 90, 180):  # contraction every 3 minutes, 70 s long
        peak = start + 35
        toco += 55 * np.exp(-0.5 * ((t - peak) / 14) ** 2)
        # late deceleration: nadir 35 s after the contraction peak, recovery after it ends
        fhr -= 28 * np.exp(-0.5 * ((t - (peak + 35)) / 18) ** 2)
    fig, (a1, a2) = plt.subplots(2, 1, figsize=(8.6, 4.4), sharex=True,
                                 gridspec_kw={"height_ratios": [2.2, 1]})
    a1.plot(t / 60, fhr, color="black", lw=0.9)
    a1.set_ylim(60, 210)
    a1.set_yticks(range(60, 211, 30))
    a1.set_ylabel("FHR (bpm)")
    a2.plot(t / 60, toco, color="black", lw=0.9)
    a2.set_ylim(0, 100)
    a2.set_ylabel("Toco (mm Hg)")
    a2.set_xlabel("Time (minutes)")
    for a in (a1, a2):
        a.set_xlim(0, 20)
        a.set_xticks(range(0, 21, 1))
        a.grid(True, color="#b8d8b8", lw=0.5)
    a1.axhspan(110, 160, color="#e8f4e8", zorder=0)
    return _png(fig)


# --------------------------------------------------------------------------- paediatrics

# WHO Child Growth Standards, weight-for-age, girls: medians (kg) by age in months.
_WHO_GIRLS_MEDIAN = {0: 3.2, 1: 4.2, 2: 5.1, 3: 5.8, 4: 6.4, 5: 6.9, 6: 7.3, 7: 7.6, 8: 7.9,
                     9: 8.2, 10: 8.5, 11: 8.7, 12: 8.9, 13: 9.2, 14: 9.4, 15: 9.6, 16: 9.8,
                     17: 10.0, 18: 10.2, 19: 10.4, 20: 10.6, 21: 10.9, 22: 11.1, 23: 11.3,
                     24: 11.5}


def _growth_chart() -> bytes:
    plt = _plt()
    months = np.array(sorted(_WHO_GIRLS_MEDIAN))
    med = np.array([_WHO_GIRLS_MEDIAN[m] for m in months])
    fig, ax = plt.subplots(figsize=(7.2, 5.0))
    for centile, z in (("98th", 2.054), ("91st", 1.341), ("75th", 0.674), ("50th", 0.0),
                       ("25th", -0.674), ("9th", -1.341), ("2nd", -2.054)):
        w = med * np.exp(z * 0.12)
        ax.plot(months, w, color="#4a78b5" if z else "#1f3f73", lw=1.6 if z == 0 else 0.9)
        ax.text(24.3, w[-1], centile, fontsize=8, va="center", color="#1f3f73")
    ages = [0, 2, 4, 6, 9, 11, 13, 15]
    weights = [3.3, 5.1, 6.4, 7.3, 8.2, 8.15, 8.05, 7.9]
    ax.plot(ages, weights, "o-", color="#c0392b", lw=1.4, ms=5, label="Patient")
    ax.set_xlim(0, 26)
    ax.set_ylim(2, 16)
    ax.set_xticks(range(0, 25, 3))
    ax.set_xlabel("Age (months)")
    ax.set_ylabel("Weight (kg)")
    ax.grid(True, color="#dddddd", lw=0.5)
    ax.set_title("Weight-for-age, girls (schematic centiles after WHO Child Growth Standards)",
                 fontsize=9)
    ax.legend(loc="upper left", fontsize=8)
    return _png(fig)


# --------------------------------------------------------------------------- lab tables

def _table(rows: list[tuple[str, str, str]], title: str) -> bytes:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(9.0, 0.32 * (len(rows) + 1)))
    ax.axis("off")
    tab = ax.table(cellText=[list(r) for r in rows],
                   colLabels=["Test", "Result", "Reference range"],
                   cellLoc="left", colLoc="left", bbox=[0, 0, 1, 1],
                   colWidths=[0.52, 0.22, 0.26])
    tab.auto_set_font_size(False)
    tab.set_fontsize(9.5)
    for (r, c), cell in tab.get_celld().items():
        cell.set_edgecolor("#999999")
        if r == 0:
            cell.set_text_props(weight="bold")
            cell.set_facecolor("#e6e6e6")
    ax.set_title(title, fontsize=10, loc="left")
    return _png(fig)


def _lab_microcytic() -> bytes:
    return _table([
        ("Haemoglobin", "108 g/L", "115-165 g/L"),
        ("Red cell count", "5.6 x 10^12/L", "3.8-5.8 x 10^12/L"),
        ("Mean corpuscular volume (MCV)", "63 fL", "80-100 fL"),
        ("Mean cell haemoglobin (MCH)", "20 pg", "27-32 pg"),
        ("Red cell distribution width (RDW)", "13.8%", "11.5-14.5%"),
        ("Leukocyte count", "6.8 x 10^9/L", "4.0-11.0 x 10^9/L"),
        ("Platelet count", "262 x 10^9/L", "150-400 x 10^9/L"),
        ("Serum ferritin", "62 ug/L", "15-150 ug/L"),
        ("C-reactive protein", "< 5 mg/L", "< 5 mg/L"),
    ], "Full blood count and iron studies")


def _lab_coagulation() -> bytes:
    return _table([
        ("Haemoglobin", "78 g/L", "115-165 g/L"),
        ("Platelet count", "48 x 10^9/L", "150-400 x 10^9/L"),
        ("Prothrombin time", "24 s", "11-13.5 s"),
        ("Activated partial thromboplastin time (APTT)", "58 s", "26-36 s"),
        ("Fibrinogen (Clauss)", "0.8 g/L", "2.0-4.0 g/L"),
        ("D-dimer", "> 20 mg/L FEU", "< 0.5 mg/L FEU"),
        ("Blood film", "Red-cell fragments", "-"),
    ], "Coagulation screen")


# --------------------------------------------------------------------------- epidemiology

def _epidemic_curve() -> bytes:
    """Cases by 6-hour interval after a wedding dinner (hour 0): a point-source curve."""
    plt = _plt()
    bins = np.arange(0, 78, 6)
    counts = [0, 0, 3, 9, 21, 30, 19, 8, 4, 2, 1, 0, 0]
    fig, ax = plt.subplots(figsize=(7.2, 3.8))
    ax.bar(bins, counts, width=6, align="edge", color="#6a8fc7", edgecolor="black", lw=0.6)
    ax.set_xticks(np.arange(0, 79, 6))
    ax.set_xlabel("Hours after the wedding dinner (onset of symptoms)")
    ax.set_ylabel("Number of cases")
    ax.set_title("Epidemic curve: 97 cases among 160 guests", fontsize=10)
    ax.set_xlim(0, 78)
    ax.grid(True, axis="y", color="#dddddd", lw=0.5)
    return _png(fig)


def _forest_plot() -> bytes:
    """Risk ratios with 95% CIs of six trials and the fixed-effect pooled estimate."""
    plt = _plt()
    trials = [("Trial A (2016)", 0.74, 0.55, 0.99, 14), ("Trial B (2017)", 0.95, 0.70, 1.29, 12),
              ("Trial C (2018)", 0.70, 0.45, 1.09, 7), ("Trial D (2019)", 0.86, 0.68, 1.08, 24),
              ("Trial E (2021)", 0.78, 0.60, 1.01, 21), ("Trial F (2022)", 0.84, 0.62, 1.14, 22)]
    pooled = (0.82, 0.73, 0.92)
    fig, ax = plt.subplots(figsize=(4.6, 3.9))
    from matplotlib.ticker import NullLocator
    from matplotlib.transforms import blended_transform_factory
    tr = blended_transform_factory(ax.transAxes, ax.transData)
    n = len(trials)
    for i, (name, rr, lo, hi, w) in enumerate(trials):
        y = n - i
        ax.plot([lo, hi], [y, y], color="black", lw=1)
        ax.plot(rr, y, "s", color="black", ms=3 + w / 3)
        ax.text(-0.02, y, name, va="center", ha="right", fontsize=9, transform=tr)
        ax.text(1.02, y, f"{rr:.2f} ({lo:.2f}-{hi:.2f})   {w}%", va="center", fontsize=9,
                transform=tr)
    rr, lo, hi = pooled
    ax.fill([lo, rr, hi, rr], [0, 0.25, 0, -0.25], color="black")
    ax.text(-0.02, 0, "Pooled (fixed effect)", va="center", ha="right", fontsize=9,
            weight="bold", transform=tr)
    ax.text(1.02, 0, f"{rr:.2f} ({lo:.2f}-{hi:.2f})  100%", va="center", fontsize=9,
            weight="bold", transform=tr)
    ax.text(1.02, n + 0.9, "Risk ratio (95% CI)  Weight", fontsize=9, weight="bold",
            transform=tr)
    ax.axvline(1.0, color="grey", lw=0.8, ls="--")
    ax.set_xscale("log")
    ax.set_xlim(0.4, 1.4)
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticks([0.4, 0.6, 0.8, 1.0, 1.25])
    ax.set_xticklabels(["0.4", "0.6", "0.8", "1.0", "1.25"])
    ax.set_ylim(-0.8, n + 1.3)
    ax.set_yticks([])
    ax.set_xlabel("Risk ratio of death (log scale)\n<- favours drug      favours placebo ->")
    ax.text(-0.02, -0.75, "Heterogeneity: I2 = 0%, p = 0.78", fontsize=8, ha="right",
            transform=tr)
    for s in ("top", "right", "left"):
        ax.spines[s].set_visible(False)
    return _png(fig)


# --------------------------------------------------------------------------- basic sciences

def _oxygen_curve() -> bytes:
    plt = _plt()
    po2 = np.linspace(0.5, 100, 400)

    def sat(p50: float) -> np.ndarray:
        return 100 * po2 ** 2.7 / (po2 ** 2.7 + p50 ** 2.7)

    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    ax.plot(po2, sat(26.8), color="black", lw=1.6, label="A: normal adult blood")
    ax.plot(po2, sat(36.0), color="#c0392b", lw=1.6, ls="--", label="B")
    ax.axhline(50, color="grey", lw=0.6, ls=":")
    ax.set_xlabel("PO2 (mm Hg)")
    ax.set_ylabel("Haemoglobin O2 saturation (%)")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.grid(True, color="#dddddd", lw=0.5)
    ax.legend(loc="lower right", fontsize=9)
    return _png(fig)


def _lineweaver_burk() -> bytes:
    plt = _plt()
    vmax, km = 100.0, 2.0
    inv_s = np.linspace(-0.6, 2.0, 100)
    fig, ax = plt.subplots(figsize=(6.2, 4.4))
    for label, k, style in (("No inhibitor", km, "-"), ("With drug X", km * 3, "--")):
        ax.plot(inv_s, (k / vmax) * inv_s + 1 / vmax, style, color="black", lw=1.4, label=label)
    ax.axhline(0, color="grey", lw=0.8)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlabel("1 / [S]  (1/mmol/L)")
    ax.set_ylabel("1 / v  (min/umol)")
    ax.set_xlim(-0.6, 2.0)
    ax.set_ylim(-0.02, 0.14)
    ax.grid(True, color="#eeeeee", lw=0.5)
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title("Double-reciprocal (Lineweaver-Burk) plot", fontsize=10)
    return _png(fig)


def _dose_response() -> bytes:
    plt = _plt()
    conc = np.logspace(-9, -3, 300)

    def emax(ec50: float, top: float) -> np.ndarray:
        return top * conc / (conc + ec50)

    fig, ax = plt.subplots(figsize=(6.6, 4.4))
    ax.semilogx(conc, emax(1e-7, 100), color="black", lw=1.6, label="Agonist alone")
    ax.semilogx(conc, emax(1e-5, 100), "--", color="#1f5fa8", lw=1.6, label="Agonist + drug X")
    ax.semilogx(conc, emax(1e-7, 45), ":", color="#c0392b", lw=2.0, label="Agonist + drug Y")
    ax.set_xlabel("Agonist concentration (mol/L, log scale)")
    ax.set_ylabel("Response (% of maximum)")
    ax.set_ylim(0, 105)
    ax.grid(True, color="#dddddd", lw=0.5)
    ax.legend(loc="upper left", fontsize=9)
    return _png(fig)


IMAGES = {
    "ecg_sinus_bradycardia.png": lambda: _ecg_strip(38, 3),
    "ecg_narrow_complex_tachycardia.png": lambda: _ecg_strip(180, 5, p_waves=False),
    "ctg_late_decelerations.png": _ctg,
    "growth_chart_faltering.png": _growth_chart,
    "lab_microcytic.png": _lab_microcytic,
    "lab_coagulation.png": _lab_coagulation,
    "epidemic_curve_point_source.png": _epidemic_curve,
    "forest_plot_meta_analysis.png": _forest_plot,
    "oxygen_dissociation_curves.png": _oxygen_curve,
    "lineweaver_burk_inhibition.png": _lineweaver_burk,
    "dose_response_antagonists.png": _dose_response,
}


def embed(bank_path: str, images: dict[str, bytes]) -> int:
    """Point each item's media entry at its image and put the bytes in the media table.

    :param images: PNG bytes by file name.
    :returns: the number of item media references filled in.
    :raises KeyError: an item refers to an image this script does not draw.
    """
    with open(bank_path, encoding="utf-8") as fh:
        bank = json.load(fh)
    table: dict[str, dict] = {}
    filled = 0
    items = list(bank.get("items", [])) + [i for s in bank.get("sets", []) for i in s["items"]]
    for item in items:
        for m in item.get("media") or []:
            data = images[m["name"]]
            sha = hashlib.sha256(data).hexdigest()
            m["sha256"] = sha
            m["mime"] = "image/png"
            table[sha] = {"name": m["name"], "mime": "image/png",
                          "data": base64.b64encode(data).decode("ascii")}
            filled += 1
    bank["media"] = dict(sorted(table.items(), key=lambda kv: kv[1]["name"]))
    with open(bank_path, "w", encoding="utf-8") as fh:
        json.dump(bank, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="folder for the PNG files (default: a temporary one)")
    parser.add_argument("--bank", default=BANK, help="the eduapp-json file to update")
    parser.add_argument("--no-embed", action="store_true", help="only write the PNG files")
    args = parser.parse_args(argv)
    out = args.out or tempfile.mkdtemp(prefix="starter-images-")
    os.makedirs(out, exist_ok=True)
    images = {}
    for name, draw in IMAGES.items():
        images[name] = draw()
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(images[name])
        print(f"{name}: {len(images[name])} bytes, sha256 "
              f"{hashlib.sha256(images[name]).hexdigest()[:12]}")
    print(f"images written to {out}")
    if not args.no_embed:
        print(f"{embed(args.bank, images)} media references filled in {args.bank}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
