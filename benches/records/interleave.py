#!/usr/bin/env python3
"""Whole-process wall times of several commands over one corpus, run in turn, round after
round, so that a machine growing busier slows every command alike; prints each command's
median and minimum and each median's ratio to the last command's (the baseline).

    benches/records/interleave.py ROUNDS CORPUS NAME=PROGRAM ... BASELINE=PROGRAM

Each PROGRAM is run as `PROGRAM CORPUS` (with `-o /tmp/interleave-NAME.json` unless NAME
starts with "bare"), once to warm the page cache, then ROUNDS times. Example:

    benches/records/interleave.py 9 /tmp/corpus-10k \\
        old=/tmp/extract-old new=target/release/examples/extract bare=target/release/examples/bare_jieba
"""
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    rounds, corpus = int(sys.argv[1]), sys.argv[2]
    commands = {}
    for arg in sys.argv[3:]:
        name, _, program = arg.partition("=")
        out = [] if name.startswith("bare") else ["-o", f"/tmp/interleave-{name}.json"]
        commands[name] = [program, corpus, *out]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}
    for command in commands.values():
        subprocess.run(command, **quiet)
    times = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, **quiet)
            times[name].append(time.perf_counter() - start)
    baseline = statistics.median(times[list(commands)[-1]])
    for name, ts in times.items():
        median = statistics.median(ts)
        print(f"{corpus} {name}: median {median:.3f} s, min {min(ts):.3f} s, 1/{median / baseline:.2f} of the baseline")


if __name__ == "__main__":
    main()
