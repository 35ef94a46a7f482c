#!/usr/bin/python3
"""Resamples a set of minutes (an .npy [M, 3, 60 fs]) to another rate, to see a model on real minutes at the rates
users record at (40 and 50 Hz land networks, 128 Hz portable recorders, 200 Hz), as the robustness tests do on
synthetic ones.

    /usr/bin/python3 tools/evaluate/resample_set.py IN.npy FS_IN FS_OUT OUT.npy

scipy's polyphase resampler (`resample_poly`, its default Kaiser anti-alias filter) by the reduced ratio of the two
integer rates, along the samples; the dtype is kept. This is not the pipeline's own resampler (the one `evaluate` uses
for 128 Hz): an independent one, so that a rate test does not only check the code against itself.
"""
import sys
from math import gcd

import numpy as np
from scipy.signal import resample_poly


def main():
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    source, fs_in, fs_out, target = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    x = np.load(source)
    if x.ndim != 3 or x.shape[-1] != 60 * fs_in:
        raise SystemExit(f"{source}: expected [M, 3, {60 * fs_in}] minutes at {fs_in} Hz, found {list(x.shape)}")
    g = gcd(fs_in, fs_out)
    y = resample_poly(x, fs_out // g, fs_in // g, axis=-1)
    if y.shape[-1] != 60 * fs_out:
        raise SystemExit(f"resampled to {y.shape[-1]} samples, not {60 * fs_out}")
    np.save(target, y.astype(x.dtype))
    print(f"{target}: {list(y.shape)} at {fs_out} Hz")


if __name__ == "__main__":
    main()
