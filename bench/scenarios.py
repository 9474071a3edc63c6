"""Times scenario tables: `predict` over 10, 100 and 1,000 combinations of comma lists, process
start to exit, and prints the median and the cost per scenario.

Usage: python3 bench/scenarios.py .build/release/ctxplan
"""
import statistics
import subprocess
import sys
import time

binary = sys.argv[1]


def command(count):
    shots = ",".join(str(k) for k in range(count // 2))
    return [binary, "predict", "--task", "arithmetic", "--model", "llama-2-7b,llama-2-13b", "--shots", shots, "--json"]


for count in (10, 100, 1000):
    args = command(count)
    subprocess.run(args, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"predict over {count} scenarios: median {median:.0f} ms, {median / count:.2f} ms a scenario (5 runs)")
