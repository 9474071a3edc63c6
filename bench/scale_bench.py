"""Times `ctxplan fit` on a million per-instance rows (0/1 scores), process start to exit, with
its peak resident memory; the fit works on distinct (compute, n_pmt, n_ctx) groups, so the time
should follow the rows read, not the groups. Two files: 240 groups (a few models x limits x
shot counts, as an evaluation writes them) and 50,000 groups (per-instance prompt lengths).

Usage: python3 bench/scale_bench.py .build/release/ctxplan
Exits 1 if the 240-group fit takes 2 s or more, or 300 MB or more.
"""
import math
import os
import random
import subprocess
import sys
import tempfile
import time

ROWS = 1_000_000


def write_rows(path, prompts_per_cell):
    """10 compute levels x 2 limits x `prompts_per_cell` prompt lengths, rows cycling over them."""
    rng = random.Random(1)
    groups = []
    for k in range(10):
        flops = 10 ** (21 + 0.5 * k)
        for n_ctx in (4096, 8192):
            for j in range(prompts_per_cell):
                n_pmt = 50 * (9000 / 50) ** (j / max(1, prompts_per_cell - 1))
                p = -math.expm1(-2 * (flops / 1e23) ** 0.3) * -math.expm1(-1.5 * (n_pmt / 500) ** 0.6)
                groups.append(("%.6e,%d,%.2f," % (flops, n_ctx, n_pmt), p if n_pmt <= n_ctx else 0.0))
    with open(path, "w") as out:
        out.write("compute,n_ctx,n_pmt,metric\n")
        out.writelines(
            prefix + ("1\n" if rng.random() < p else "0\n")
            for prefix, p in (groups[i % len(groups)] for i in range(ROWS)))
    return len(groups)


def timed_fit(binary, path):
    """Wall seconds and peak RSS (MB) of one `ctxplan fit`, the child's own (wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen([binary, "fit", path, "--json"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"ctxplan fit {path} failed (status {status})")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


binary = sys.argv[1]
ok = True
with tempfile.TemporaryDirectory() as tmp:
    for prompts_per_cell, target in ((12, True), (2500, False)):
        path = os.path.join(tmp, f"rows-{prompts_per_cell}.csv")
        groups = write_rows(path, prompts_per_cell)
        runs = [timed_fit(binary, path) for _ in range(3)]
        seconds = sorted(s for s, _ in runs)[1]
        megabytes = max(m for _, m in runs)
        print(f"fit 1M rows, {groups:,} groups: median {seconds:.2f} s, peak RSS {megabytes:.0f} MB over 3 runs")
        if target and (seconds >= 2 or megabytes >= 300):
            ok = False
sys.exit(0 if ok else 1)
