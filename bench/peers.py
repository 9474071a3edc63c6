"""The Python peers `make bench` times ctxplan against, each run as its own process (so that its
time is whole-process and its peak memory its own, as ctxplan's are):

  csv PATH        pandas read_csv, groupby (compute, n_ctx, n_pmt) for the mean and count,
                  then SciPy's differential_evolution + curve_fit of Eq. (1) on the group means
                  weighted by their counts (the same objective ctxplan minimises)
  json DIR        a json.load loop over the paper-eval files in DIR, keeping each instance's
                  prompt length and score (what an import reads)
  json-fit DIR    the json.load loop, then the grouped SciPy fit as for csv

Usage: python bench/peers.py csv rows.csv   (pandas, numpy and scipy installed)
"""
import json
import os
import sys
import warnings

import numpy as np

BOUNDS = [(0, 100), (0, 1e30), (0, 10), (0, 100), (0, 131072), (0, 10)]


def law(x, A, Cc, alpha, B, nc, beta):
    c, n, ctx = x
    with np.errstate(all="ignore"):
        compute = -np.expm1(-A * np.power(c / Cc, alpha))
        context = -np.expm1(-B * np.power(n / nc, beta))
        penalty = 0.5 * (1 + np.tanh(0.5 * (ctx - n)))
        return compute * context * penalty


def grouped_fit(c, n, ctx, mean, count):
    """Eq. (1) fitted to group means weighted by their counts: SciPy's defaults, then curve_fit."""
    from scipy.optimize import curve_fit, differential_evolution

    x = (c, n, ctx)

    def sse(p):
        r = law(x, *p) - mean
        v = float(np.dot(count * r, r))
        return v if np.isfinite(v) else 1e300

    de = differential_evolution(sse, BOUNDS, seed=0)
    p = de.x
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lower, upper = zip(*BOUNDS)
            p, _ = curve_fit(
                law, x, mean, p0=np.clip(de.x, np.array(lower) + 1e-12, upper), bounds=(lower, upper),
                sigma=1 / np.sqrt(count), maxfev=20000)
    except Exception:
        pass
    return p


def read_json(folder):
    """Prompt length, score and the file's model and shots for every instance."""
    rows = []
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(root, name)) as f:
                data = json.load(f)
            parts = dict(p.split("=", 1) for p in name[:-5].split(",") if "=" in p)
            for instance in data["instances"]:
                rows.append((parts["model"], data["n_shots"], instance["prompt_length"], instance["metric_value"]))
    return rows


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "csv":
        import pandas as pd

        frame = pd.read_csv(path)
        groups = frame.groupby(["compute", "n_ctx", "n_pmt"])["metric"].agg(["mean", "count"]).reset_index()
        grouped_fit(*(groups[k].to_numpy(float) for k in ("compute", "n_ctx", "n_pmt", "mean", "count")))
    elif kind == "json":
        print(len(read_json(path)))
    elif kind == "json-fit":
        rows = read_json(path)
        # Each model's compute as ctxplan's presets give it, read the same way as the files.
        models = {}
        presets = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Presets", "models")
        for name in os.listdir(presets):
            with open(os.path.join(presets, name)) as f:
                m = json.load(f)
            if "non_embedding_params" in m:
                flops = 6 * m["non_embedding_params"] * (m["pretrain_tokens"] + m.get("extension_tokens", 0))
                for alias in [m["name"]] + m.get("aliases", []):
                    models[alias.lower()] = (flops, m["n_ctx"])
        sums = {}
        for model, shots, n_pmt, score in rows:
            flops, n_ctx = models[model.lower()]
            s = sums.setdefault((flops, n_ctx, n_pmt), [0.0, 0])
            s[0] += score
            s[1] += 1
        keys = list(sums)
        c, ctx, n = (np.array([k[i] for k in keys], float) for i in range(3))
        count = np.array([sums[k][1] for k in keys], float)
        mean = np.array([sums[k][0] for k in keys]) / count
        grouped_fit(c, n, ctx, mean, count)
    else:
        sys.exit(f"unknown peer {kind}")


if __name__ == "__main__":
    main()
