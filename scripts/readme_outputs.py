#!/usr/bin/env python3
"""Rewrites the output under each README block that starts with `$ ctxplan ...` to what the
program prints now, as Tests/ctxplanTests/ReadmeExampleTests.swift runs it: the words after
`ctxplan` as arguments, any `ctx> ` lines piped in, no terminal, NO_COLOR. A session block (with `ctx> ` lines) is left as
written and named when its answers changed.

    python3 scripts/readme_outputs.py [CTXPLAN_BINARY]

Run it after a change that alters an example's output, then read the diff: the test compares
the README byte for byte (durations masked), so the diff is what users will see change.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, command, typed):
    words = shlex.split(command)[2:]  # after "$ ctxplan"
    env = {**os.environ, "NO_COLOR": "1"}
    # The tests run each command with its own empty state and config folders.
    with tempfile.TemporaryDirectory() as state:
        env.update(XDG_STATE_HOME=state, XDG_CONFIG_HOME=state)
        r = subprocess.run([binary] + words, input="".join(typed), capture_output=True, text=True, cwd=ROOT, env=env)
    if r.returncode != 0:
        sys.exit(f"{command}: exit {r.returncode}\n{r.stderr}")
    out = r.stdout[:-1] if r.stdout.endswith("\n") else r.stdout
    return out.split("\n")


def masked(line):
    """The line with its durations masked, as the test compares it."""
    return re.sub(r"\b[0-9]+(\.[0-9]+)? ?(ms|s|us)\b", "<time>", line)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/ctxplan")
    path = os.path.join(ROOT, "README.md")
    lines = open(path).read().split("\n")
    result, i = [], 0
    while i < len(lines):
        line = lines[i]
        result.append(line)
        i += 1
        if not (line.startswith("```") and i < len(lines) and lines[i].startswith("$ ctxplan ")):
            continue
        command = lines[i]
        end = i + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        body = lines[i + 1:end]
        typed = [l[5:] + "\n" for l in body if l.startswith("ctx> ")]
        printed = run(binary, command, typed)
        result.append(command)
        if typed:
            # A session interleaves each typed line with what it printed: kept as written, and
            # named when its answers changed, to be edited by hand.
            result += body
            if printed != [l for l in body if not l.startswith("ctx> ")]:
                print(f"README.md:{i + 1}: the session under '{command}' prints something else now")
        else:
            # A line that differs only in a duration keeps the README's, so reruns change nothing.
            old = [l for l in body]
            result += [o if j < len(old) and masked(old[j]) == masked(p) else p for j, (p, o) in
                       enumerate(zip(printed, old + [None] * len(printed)))]
        i = end
    text = "\n".join(result)
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
