#!/usr/bin/python3
"""Times scipy's vectorised DiET spectrogram (METHOD.md section 1) on 1,000 station-minutes at 100 Hz.

    /usr/bin/python3 tools/bench/spectrogram_scipy.py [--minutes 1000] [--repeats 7]
One call of scipy.signal.spectrogram on a [1000, 3, 6000] float64 array along the last axis, then
the log scaling (log10, per-minute max, clip) and the [M, 73, 71, 3] layout, as
tools/spectrogram/make_reference.py computes it. Prints the median over the repeats.

    /usr/bin/python3 tools/bench/spectrogram_scipy.py --cli IN.npy OUT.npy --fs 100
is the Python counterpart of `dietgrasp spectrogram`: load, spectrogram (in chunks of 250
station-minutes), save float32. tools/bench/spectrogram_cli.sh times both.
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np
import scipy.signal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "spectrogram"))
from make_reference import make_spec  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cli", nargs=2, metavar=("IN", "OUT"))
    parser.add_argument("--fs", type=float, default=100.0)
    args = parser.parse_args()
    if args.cli:
        x = np.load(args.cli[0])
        if x.ndim == 2:
            x = x[np.newaxis]
        out = np.empty((x.shape[0], 73, 71, 3), dtype=np.float32)
        for start in range(0, x.shape[0], 250):  # chunks keep scipy's complex STFT within memory
            out[start:start + 250] = make_spec(x[start:start + 250].astype(np.float64), args.fs)
        np.save(args.cli[1], out)
        return
    rng = np.random.default_rng(1)
    x = rng.standard_normal((args.minutes, 3, int(60 * args.fs)))
    times, cpu, user = [], [], []
    for _ in range(args.repeats):
        start, start_cpu, start_user = time.perf_counter(), time.process_time(), os.times().user
        spec = make_spec(x, args.fs).astype(np.float32)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        user.append(os.times().user - start_user)
    assert spec.shape == (args.minutes, 73, 71, 3)
    median = statistics.median(times)
    print("scipy %s, numpy %s: %d station-minutes at %g Hz: median wall %.1f ms (%.3f ms per station-minute), "
          "median CPU %.1f ms (user mode %.1f ms, the rest the kernel's page faults), wall runs %s"
          % (scipy.__version__, np.__version__, args.minutes, args.fs, median * 1e3, median * 1e3 / args.minutes,
             statistics.median(cpu) * 1e3, statistics.median(user) * 1e3, " ".join("%.0f" % (t * 1e3) for t in times)))


if __name__ == "__main__":
    main()
