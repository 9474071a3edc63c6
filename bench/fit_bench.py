"""The Swift fit against an independent SciPy implementation of the paper's procedure.

Same data (the bundled Tables 8-10), same machine, one run. SciPy: differential_evolution within
Table 3's bounds, with its defaults and tightly (tol=1e-10, maxiter=2000), then curve_fit from
the best point. Swift: `ctxplan fit --task T --json`, timed as a whole process (wall and CPU),
beside the fit's own time in the process (its JSON's `seconds`). Each time is a median: of 3
runs for SciPy tight (a run takes about a second), and for Swift of the medians of four batches
of 7 runs, one before and one after each SciPy run, so that one run or one slow spell of the
machine does not decide the ratio. Issue 17's target: at least 80x faster than SciPy tight at
equal MAE. Also checks the
Swift fit's robustness over 10 seeds and times a 200-draw bootstrap.

Usage: python3 bench/fit_bench.py .build/release/ctxplan
"""
import csv
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np
from scipy.optimize import curve_fit, differential_evolution

HERE = os.path.dirname(os.path.abspath(__file__))
PRESETS = os.path.join(HERE, "..", "Presets")
BINARY = sys.argv[1]
TASKS = ["arithmetic", "commonsense", "translation"]
# Table 3: A, Cc, alpha, B, nc, beta.
BOUNDS = [(0, 100), (0, 1e30), (0, 10), (0, 100), (0, 131072), (0, 10)]


def load(task):
    with open(os.path.join(PRESETS, "tasks", task + ".json")) as f:
        prompt = json.load(f)["prompt"]
    models = {}
    for name in os.listdir(os.path.join(PRESETS, "models")):
        with open(os.path.join(PRESETS, "models", name)) as f:
            m = json.load(f)
        if "non_embedding_params" in m:
            models[m["name"]] = 6 * m["non_embedding_params"] * (m["pretrain_tokens"] + m["extension_tokens"])
    rows = [r for r in csv.DictReader(open(os.path.join(PRESETS, "observations", "paper-tables-8-10.csv"))) if r["task"] == task]
    c = np.array([models[r["model"]] for r in rows])
    n = np.array([prompt["base_tokens"] + int(r["shots"]) * prompt["shot_tokens"] for r in rows])
    ctx = np.array([float(r["n_ctx"]) for r in rows])
    y = np.array([float(r["metric"]) for r in rows])
    return (c, n, ctx), y


def law(x, A, Cc, alpha, B, nc, beta):
    c, n, ctx = x
    with np.errstate(all="ignore"):
        compute = -np.expm1(-A * np.power(c / Cc, alpha))
        context = -np.expm1(-B * np.power(n / nc, beta))
        penalty = 0.5 * (1 + np.tanh(0.5 * (ctx - n)))  # a logistic that never overflows
        return compute * context * penalty


def scipy_fit(x, y, tight, runs=3):
    """Wall time (the median of `runs` identical runs) and MAE of the SciPy procedure."""
    results = sorted(scipy_fit_once(x, y, tight) for _ in range(runs))
    return results[len(results) // 2]


def scipy_fit_once(x, y, tight):
    def sse(p):
        r = law(x, *p) - y
        v = float(np.dot(r, r))
        return v if np.isfinite(v) else 1e300

    start = time.perf_counter()
    options = dict(tol=1e-10, maxiter=2000) if tight else {}
    de = differential_evolution(sse, BOUNDS, seed=0, **options)
    p = de.x
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lower, upper = zip(*BOUNDS)
            p, _ = curve_fit(law, x, y, p0=np.clip(de.x, np.array(lower) + 1e-12, upper), bounds=(lower, upper), maxfev=20000)
    except Exception:
        pass
    seconds = time.perf_counter() - start
    return seconds, float(np.mean(np.abs(law(x, *p) - y)))


def swift_fit(task, seed=0, extra=(), runs=1):
    """Whole-process wall time and CPU time (user + system, both cores), each the median of
    `runs` runs, and the fit's JSON."""
    times, cpus = [], []
    command = [BINARY, "fit", "--task", task, "--seed", str(seed), "--json", *extra]
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if status != 0:
            sys.exit(f"{' '.join(command)} failed (status {status})")
    return sorted(times)[len(times) // 2], json.loads(out), sorted(cpus)[len(cpus) // 2]


# Issue 17: the whole-process fit at least 80x faster than the SciPy reference (tight) at equal
# MAE. The ratio is on wall time (SciPy in process against ctxplan's whole process); the CPU
# time beside it is both cores' (the searches run side by side).
TARGET_RATIO = 80
ok = True
print(f"{'task':12} {'swift s':>8} {'CPU s':>6} {'in-fit s':>8} {'MAE':>7} | {'scipy default s':>15} {'MAE':>7} | {'scipy tight s':>13} {'MAE':>7} | {'speed-up vs tight':>17}")
for task in TASKS:
    x, y = load(task)
    default_seconds, default_mae = scipy_fit(x, y, tight=False)
    # Interleaved: each tight SciPy run sits between batches of ctxplan runs, so that a spell
    # when this VM runs slow (it moves a whole process by 3 ms, SciPy by up to 50%) falls on both
    # sides of the ratio, not on one.
    batches, tight_runs = [swift_fit(task, runs=7)], []
    for _ in range(3):
        tight_runs.append(scipy_fit_once(x, y, tight=True))
        batches.append(swift_fit(task, runs=7))
    swift_seconds = statistics.median(b[0] for b in batches)
    swift_cpu = statistics.median(b[2] for b in batches)
    result = batches[0][1]
    tight_seconds, tight_mae = sorted(tight_runs)[len(tight_runs) // 2]
    ratio = tight_seconds / swift_seconds
    verdict = "ok" if ratio >= TARGET_RATIO and result["mae"] <= tight_mae + 0.0005 else "MISSED"
    print(f"{task:12} {swift_seconds:8.4f} {swift_cpu:6.4f} {result['seconds']:8.4f} {result['mae']:7.4f} | {default_seconds:15.3f} {default_mae:7.4f} | {tight_seconds:13.3f} {tight_mae:7.4f} | {ratio:16.0f}x (target at least {TARGET_RATIO}x at equal MAE: {verdict})")
    if verdict != "ok":
        ok = False

print("\nrobustness: Swift MAE over seeds 0-9 (SciPy defaults for comparison)")
for task in TASKS:
    x, y = load(task)
    maes = [swift_fit(task, seed)[1]["mae"] for seed in range(10)]
    spread = max(maes) - min(maes)
    scipy_maes = []
    for seed in range(10):
        de = differential_evolution(lambda p: float(np.sum((law(x, *p) - y) ** 2)) if np.all(np.isfinite(law(x, *p))) else 1e300, BOUNDS, seed=seed)
        scipy_maes.append(float(np.mean(np.abs(law(x, *de.x) - y))))
    print(f"{task:12} swift {min(maes):.4f}..{max(maes):.4f} (spread {spread:.1e})   scipy defaults {min(scipy_maes):.4f}..{max(scipy_maes):.4f}")
    if spread > 0.0005:
        ok = False

seconds, result, _ = swift_fit("commonsense", extra=("--bootstrap", "200"))
print(f"\nbootstrap: 200 draws of commonsense in {seconds:.2f} s wall, whole process")
ok = ok and seconds < 5
sys.exit(0 if ok else 1)
