"""`ctxplan import` and `ctxplan fit` on folders of the paper's evaluation output against a Python
`json.load` loop (and, for the fit, the loop plus a grouped SciPy fit), process start to exit,
with peak resident memory: 500 files (about 85 MB) and 5,000 files (about 850 MB), each of 250
instances with a 450-character question, as eval.py writes them; and one 100 MB file.

Usage: python3 bench/import_bench.py .build/release/ctxplan [PEER_PYTHON]
The json.load loop runs under this Python; the fit's peer needs PEER_PYTHON (numpy, scipy).
Exits 1 if a target is missed: 5,000 files imported at least as fast as the json.load loop and
in under 200 MB; the 100 MB file in under 150 MB.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

from timing import header, row, timed

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = ["Llama-2-7B", "Llama-2-13B"] + [
    f"Yarn-Llama-2-{size}-{k}k" for size in ("7B", "13B") for k in (8, 16, 32, 64, 128)]
DATASETS = ["gsm", "math", "aqua-rat", "deepmind-math"]
SHOTS = [0, 1, 3, 7, 15, 31, 63, 127, 255, 511]
QUESTION = ("Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. "
            "How many clips did Natalia sell altogether in April and May? ") * 3


def paper_file(path, dataset, shots, instances, seed):
    rng = random.Random(seed)
    parts = [
        '{\n  "name": "%s",\n  "max_new_tokens": 5,\n  "metric": "exact_match",\n  "n_shots": %d,\n'
        '  "global_seed": 31337,\n  "local_seed": %d,\n  "instances": [\n' % (dataset, shots, seed)]
    p = 0.2 + 0.6 * (1 - 1 / (1 + shots / 30))
    for i in range(instances):
        parts.append(
            '    {\n      "instance_id": %d,\n      "input_text": "%s",\n      "reference_output": "1",\n'
            '      "predicted_output": "1",\n      "prompt_length": %d,\n      "generation_time": null,\n'
            '      "generation_length": 2,\n      "metric_value": %s\n    }%s\n'
            % (i, QUESTION[: 400 + i % 100], 120 + shots * 60 + (i * 37) % 50, "1.0" if rng.random() < p else "0.0",
               "," if i + 1 < instances else ""))
    parts.append("  ]\n}\n")
    with open(path, "w") as out:
        out.write("".join(parts))


def folder(root, files):
    os.makedirs(root)
    made = 0
    for seed in range(100):
        for dataset in DATASETS:
            for model in MODELS:
                for shots in SHOTS:
                    if made == files:
                        return
                    name = f"dataset={dataset},model={model},shots={shots},local_seed={seed}.json"
                    paper_file(os.path.join(root, name), dataset, shots, 250, seed * 1000 + made)
                    made += 1


def megabytes(root):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs) / 1e6


def generated(*arguments):
    """Writes the files in a child process: a child this process starts later would count this
    process's resident pages (the files' text) in its own peak memory."""
    subprocess.run([sys.executable, os.path.abspath(__file__), "--write", *map(str, arguments)], check=True)


if sys.argv[1] == "--write":
    kind, path = sys.argv[2], sys.argv[3]
    if kind == "folder":
        folder(path, int(sys.argv[4]))
    else:
        paper_file(path, "gsm", 3, int(sys.argv[4]), 1)
    sys.exit(0)

binary = sys.argv[1]
peer_python = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
peers = os.path.join(HERE, "peers.py")
ok = True
print(header("Python peer"))
with tempfile.TemporaryDirectory() as tmp:
    for files in (500, 5000):
        root = os.path.join(tmp, f"paper-{files}")
        generated("folder", root, files)
        label = f"import {files:,} files ({megabytes(root):.0f} MB)"
        ours = timed([binary, "import", root, "--json"], runs=3 if files == 500 else 1)
        peer = timed([sys.executable, peers, "json", root], runs=3 if files == 500 else 1)
        print(row(label + " vs json.load", ours, peer), flush=True)
        if files == 5000:
            ok = ok and ours[0] <= peer[0] and ours[1] < 200
            fit = timed([binary, "fit", root, "--task", "arithmetic", "--json"])
            fit_peer = timed([peer_python, peers, "json-fit", root]) if peer_python else None
            print(row(f"fit {files:,} files vs json.load + SciPy", fit, fit_peer), flush=True)
        shutil.rmtree(root)
    big = os.path.join(tmp, "dataset=gsm,model=Llama-2-7B,shots=3,local_seed=1.json")
    generated("file", big, 150_000)
    ours = timed([binary, "import", big, "--json"])
    peer = timed([sys.executable, peers, "json", tmp])
    print(row(f"import one {os.path.getsize(big) / 1e6:.0f} MB paper-eval file", ours, peer), flush=True)
    ok = ok and ours[1] < 150
sys.exit(0 if ok else 1)
