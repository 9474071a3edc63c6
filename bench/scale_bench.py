"""`ctxplan fit` on per-instance rows (0/1 scores) against pandas read_csv + groupby + SciPy on the
same file, process start to exit, with peak resident memory: 1M and 10M rows over 240 groups
(10 compute levels x 2 limits x 12 shot counts, rows cycling over them as an evaluation writes
them), and 1M rows over 50,000 groups (per-instance prompt lengths).

Usage: python3 bench/scale_bench.py .build/release/ctxplan [PEER_PYTHON]
PEER_PYTHON is a Python with pandas, numpy and scipy (make bench makes one); without it the
peer columns say skipped. Exits 1 if a target of issue 17 is missed: 10M rows in under 3 s and
200 MB and at least 1.5x faster than the peer; 1M rows in under 0.6 s.
"""
import math
import os
import random
import sys
import tempfile

from timing import header, row, timed

HERE = os.path.dirname(os.path.abspath(__file__))


def write_rows(path, rows, prompts_per_cell):
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
        block = 1_000_000
        for start in range(0, rows, block):
            out.writelines(
                prefix + ("1\n" if rng.random() < p else "0\n")
                for prefix, p in (groups[i % len(groups)] for i in range(start, min(rows, start + block))))
    return len(groups)


binary = sys.argv[1]
peer_python = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
ok = True
print(header("pandas + SciPy"))
with tempfile.TemporaryDirectory() as tmp:
    for rows, prompts_per_cell, runs in ((1_000_000, 12, 3), (10_000_000, 12, 1), (1_000_000, 2500, 1)):
        path = os.path.join(tmp, f"rows-{rows}-{prompts_per_cell}.csv")
        groups = write_rows(path, rows, prompts_per_cell)
        ours = timed([binary, "fit", path, "--json"], runs=runs)
        peer = timed([peer_python, os.path.join(HERE, "peers.py"), "csv", path]) if peer_python else None
        print(row(f"fit {rows // 1_000_000}M rows, {groups:,} groups", ours, peer), flush=True)
        if groups == 240 and rows == 1_000_000:
            met = ours[0] < 0.6
            ok &= met
            print(f"  target: 1M rows under 0.6 s: {'ok' if met else 'MISSED'}")
        if rows == 10_000_000:
            met = ours[0] < 3 and ours[1] < 200 and not (peer and peer[0] / ours[0] < 1.5)
            ok &= met
            print(f"  target: 10M rows under 3 s and 200 MB, at least 1.5x faster than the peer: {'ok' if met else 'MISSED'}")
        os.remove(path)
sys.exit(0 if ok else 1)
