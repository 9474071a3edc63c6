"""Whole-process timing for the benches: wall seconds and the child's own peak resident memory."""
import os
import subprocess
import sys
import time


def timed(command, runs=1):
    """The median wall time of `runs` runs of `command` (stdout discarded) and the largest peak
    RSS in MB, the child's own (wait4, not the getrusage of every child so far)."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)  # kilobytes on Linux
        if status != 0:
            sys.exit(f"{' '.join(command)} failed (status {status})")
    return sorted(times)[len(times) // 2], max(peaks)


def row(work, ours, peer):
    """One line of the table: ctxplan's figure, the peer's, and the ratio (peer time / ours)."""
    seconds, megabytes = ours
    left = f"{work:34} {seconds:7.2f} s {megabytes:6.0f} MB"
    if peer is None:
        return left + " | peer skipped (no pandas/SciPy)"
    peer_seconds, peer_megabytes = peer
    ratio = peer_seconds / seconds
    words = f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"
    return left + f" | {peer_seconds:7.2f} s {peer_megabytes:6.0f} MB | {words}"


def header(peer_name):
    return f"{'work':34} {'ctxplan':>18} | {peer_name:>18} | ratio"
