"""Times a one-shot `ctxplan predict`, process start to exit, and prints the median.

Usage: python3 bench/startup.py .build/release/ctxplan
"""
import statistics
import subprocess
import sys
import time

binary = sys.argv[1]
command = [binary, "predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31"]
for _ in range(5):  # warm the page cache
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
times = []
for _ in range(100):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - start) * 1000)
median = statistics.median(times)
print(f"one-shot predict: median {median:.1f} ms, p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms over 100 runs")
sys.exit(0 if median < 20 else 1)
