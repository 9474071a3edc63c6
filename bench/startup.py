"""The cost of a command line: a one-shot `ctxplan predict` (with its interval), process start to
exit, and what a piped REPL line costs (10,000 mixed lines, and 10,000 `budget` lines), each as a
median or a mean per line, beside the issue's targets. Also how soon Ctrl-C stops a long fit (the
tests check that it stops; how soon is a speed, so it is measured here).

Each figure is given as wall time and as the CPU time (user + system) the process used: on a
machine shared with other builds the wall time varies two- or threefold from run to run, the CPU
time much less; the targets are judged on the CPU time.

Usage: python3 bench/startup.py .build/release/ctxplan
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

binary = sys.argv[1]
failed = False


def report(what, value, unit, target):
    global failed
    verdict = "ok" if value < target else "OVER"
    failed |= value >= target
    print(f"{what}: {value:.2f} {unit} (target under {target} {unit}: {verdict})")


def timed(command, stdin=subprocess.DEVNULL, env=None):
    """(wall, cpu) seconds of one run of `command`."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def median_ms(command, runs=100):
    for _ in range(5):  # warm the page cache
        timed(command)
    runs = [timed(command) for _ in range(runs)]
    return statistics.median(w for w, _ in runs) * 1000, statistics.median(c for _, c in runs) * 1000


predict = [binary, "predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31"]
wall, cpu = median_ms([binary, "--version"])
print(f"ctxplan --version (the floor of any one-shot command): median {wall:.1f} ms wall, {cpu:.1f} ms CPU")
wall, cpu = median_ms(predict)
print(f"one-shot predict with its 80% interval: median {wall:.1f} ms wall of 100 runs")
report("one-shot predict with its 80% interval, median CPU of 100 runs", cpu, "ms", 12)


def per_line_ms(lines):
    """Mean (wall, CPU) ms a line of `lines` piped to the REPL costs, past the empty session's."""
    with tempfile.TemporaryDirectory(prefix="ctxplan-bench-") as folder:
        path = os.path.join(folder, "lines")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        env = dict(os.environ, XDG_CONFIG_HOME=folder, XDG_STATE_HOME=folder)
        runs = []
        for _ in range(3):
            with open(path) as source:
                runs.append(timed([binary], stdin=source, env=env))
        empty = timed([binary], env=env)
    wall, cpu = min(w for w, _ in runs), min(c for _, c in runs)
    return (wall - empty[0]) / len(lines) * 1000, (cpu - empty[1]) / len(lines) * 1000


def report_lines(what, lines, target):
    wall, cpu = per_line_ms(lines)
    print(f"{what}: {wall:.2f} ms wall a line")
    report(what + ", CPU a line", cpu, "ms", target)


mixed = [
    "predict --task arithmetic --model llama-2-7b --shots 31",
    "budget 1e23 --gpu h100",
    "shots --task arithmetic --model llama-2-13b --nctx 16k",
    "compute-for 0.16 --task arithmetic --shots 31 --nctx 8k",
    "cost --model llama-2-7b --to 32k --gpu h100",
    "context-for 0.13 --task arithmetic --model llama-2-7b",
    "predict --task commonsense --model llama-2-7b --shots 5 --json",
    "set task arithmetic",
    "predict --model llama-2-13b --shots 3",
    "show last",
]
report_lines("10,000 mixed piped lines (best of 3)", mixed * 1000, 1.5)
report_lines("10,000 piped budget lines (best of 3)", ["budget 1e23 --gpu h100"] * 10000, 0.3)
# What the mixed figure is made of: a line's parsing is about budget's cost; the rest is the answer
# (shots and context-for search an interval's ends).
for line in mixed[:7]:
    wall, cpu = per_line_ms([line] * 1000)
    print(f"  {cpu:6.2f} ms CPU a line  {line}")

# Ctrl-C during a fit of 100,000 bootstrap draws (minutes of work): how soon the process ends.
fit = subprocess.Popen(
    [binary, "fit", "--task", "commonsense", "--bootstrap", "100000"], stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL)
time.sleep(1)
signalled = time.perf_counter()
fit.send_signal(signal.SIGINT)
fit.wait()
report("Ctrl-C to the end of a long fit", (time.perf_counter() - signalled) * 1000, "ms", 500)

sys.exit(1 if failed else 0)
