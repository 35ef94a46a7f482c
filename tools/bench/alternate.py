#!/usr/bin/python3
"""Times commands in alternation, round by round, and prints medians and ratios to the last command.

    /usr/bin/python3 tools/bench/alternate.py --rounds 9 'native=CMD' 'portable=CMD' 'scipy=CMD'

This VM's speed drifts from minute to minute (other tenants, memory reclaim): timing one command's runs
after another's lets a slow phase land on one of them. Here every round runs each command once, so a ratio
is taken between runs seconds apart; the median over the rounds is the figure to quote.
"""
import argparse
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()
    commands = [c.split("=", 1) for c in args.commands]
    times = {name: [] for name, _ in commands}
    for round_ in range(args.warmup + args.rounds):
        for name, command in commands:
            start = time.perf_counter()
            subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if round_ >= args.warmup:
                times[name].append(time.perf_counter() - start)
    reference = commands[-1][0]
    for name, _ in commands:
        ratios = [r / t for r, t in zip(times[reference], times[name])]
        print("%-22s median %.3f s (%.3f-%.3f)   %s / this: median of rounds %.1fx (%.1f-%.1f)" % (
            name, statistics.median(times[name]), min(times[name]), max(times[name]), reference,
            statistics.median(ratios), min(ratios), max(ratios)))


if __name__ == "__main__":
    main()
