#!/usr/bin/env python3
"""Writes the bootstrap draws and residuals of the bundled task presets.

Each task's preset keeps Table 4's parameters; its `draws` are a cluster bootstrap (whole
models resampled) of the paper's law refitted to the bundled observations (Tables 8-10), and its
`residuals` are that refit's (observed - fitted), the scatter of a new model's score around the
law, and `extrapolation_sd_per_decade` how fast a forecast's error grows past the data, from the
refit's forward fold. Answers use them for their intervals (the draws centred on Table 4 when
they load), so a one-shot answer needs no fit.

    python3 scripts/bundle_draws.py [CTXPLAN_BINARY] [DRAWS]

Run it again whenever the observations, the fit or the bootstrap change.
"""
import json
import os
import subprocess
import sys
import tempfile

TASKS = ["arithmetic", "commonsense", "translation"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def refit(binary, task, draws):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, task + ".json")
        subprocess.run(
            [binary, "fit", "--task", task, "--bootstrap", str(draws), "--save", path],
            check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        with open(path) as f:
            return json.load(f)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/ctxplan")
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    for task in TASKS:
        path = os.path.join(ROOT, "Presets", "tasks", task + ".json")
        with open(path) as f:
            preset = json.load(f)
        fitted = refit(binary, task, draws)
        preset.pop("draws", None)
        preset.pop("residuals", None)
        # How fast the error grows past the data, as the refit's forward fold measured it.
        preset["extrapolation_sd_per_decade"] = float("%.4g" % fitted["extrapolation_sd_per_decade"])
        text = json.dumps(preset, indent=2)[:-2]
        # A column per parameter, six significant figures: the file stays small and decodes fast.
        columns = fitted["draws"]
        lines = ['"%s": %s' % (k, json.dumps([float("%.6g" % v) for v in values])) for k, values in columns.items()]
        text += ',\n  "draws": {\n    ' + ",\n    ".join(lines) + "\n  },\n"
        text += '  "residuals": ' + json.dumps([round(r, 5) for r in fitted["residuals"]]) + "\n}\n"
        with open(path + ".tmp", "w") as f:
            f.write(text)
        os.replace(path + ".tmp", path)
        count = len(next(iter(fitted["draws"].values())))
        print(f"{task}: {count} draws, {len(fitted['residuals'])} residuals")


if __name__ == "__main__":
    main()
