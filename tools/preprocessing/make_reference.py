#!/usr/bin/python3
"""Reference high-pass and resampling outputs made with scipy, for the C# Preprocessing tests.

Run with Debian's interpreter (numpy 1.24, scipy 1.10):
    /usr/bin/python3 tools/preprocessing/make_reference.py
Writes tests/Seismic.DietGrasp.Tests/TestData/Preprocessing/:
    sos.npy                  float64 [4, 2, 6]  butter(4, fc, 'highpass', fs=fs, output='sos') for
                             (fc, fs) = (1, 100), (1, 125), (0.5, 50), (2, 200)
    record_100hz.npy         float32 [18000]    a 180 s, 100 Hz record: DC offset, random walk, a strong
                             0.2 Hz microseism, a 5 Hz line, white noise and a 10 Hz burst at 95 s
    record_100hz_hp1.npy     float64 [18000]    sosfiltfilt(butter(4, 1, 'highpass', fs=100), record)
                             on the whole record (scipy's default odd padding)
    minute_100hz_hp1.npy     float64 [6000]     sosfiltfilt of the record's first 60 s alone (what
                             classify does to one minute)
    record_128hz.npy         float32 [7680]     60 s at 128 Hz
    record_128hz_to_125.npy  float64 [7500]     resample_poly(record_128hz, 125, 128) (Kaiser 5.0 window)
    record_100hz_up5_down4.npy float64 [7500]   resample_poly(record_100hz[:6000], 5, 4)
The inputs are float32 to keep the fixtures small; the references are computed in float64 from exactly
those float32 values, so the C# side (which widens float32 exactly) filters the same numbers.
"""
import os

import numpy as np
import scipy.signal as signal

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "Seismic.DietGrasp.Tests", "TestData", "Preprocessing")


def record(fs, seconds, seed):
    rng = np.random.default_rng(seed)
    n = int(round(fs * seconds))
    t = np.arange(n) / fs
    x = 1.0e4 + np.cumsum(rng.normal(0, 3.0, n))                 # DC offset and random walk
    x += 400.0 * np.sin(2 * np.pi * 0.2 * t + 0.3)                # microseism, far above the rest
    x += 20.0 * np.sin(2 * np.pi * 5.0 * t)                       # a machinery line
    x += rng.normal(0, 5.0, n)                                    # white floor
    burst = (t > 95) & (t < 99)
    x[burst] += 150.0 * np.sin(2 * np.pi * 10.0 * t[burst]) * np.hanning(burst.sum())
    return x.astype(np.float32)


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = [(1.0, 100.0), (1.0, 125.0), (0.5, 50.0), (2.0, 200.0)]
    sos = np.stack([signal.butter(4, fc, btype='highpass', fs=fs, output='sos') for fc, fs in cases])
    np.save(os.path.join(OUT, "sos.npy"), sos)

    x = record(100.0, 180.0, 1)
    np.save(os.path.join(OUT, "record_100hz.npy"), x)
    hp = signal.butter(4, 1.0, btype='highpass', fs=100.0, output='sos')
    np.save(os.path.join(OUT, "record_100hz_hp1.npy"), signal.sosfiltfilt(hp, x.astype(np.float64)))
    np.save(os.path.join(OUT, "minute_100hz_hp1.npy"), signal.sosfiltfilt(hp, x[:6000].astype(np.float64)))

    x128 = record(128.0, 60.0, 2)
    np.save(os.path.join(OUT, "record_128hz.npy"), x128)
    np.save(os.path.join(OUT, "record_128hz_to_125.npy"), signal.resample_poly(x128.astype(np.float64), 125, 128))
    np.save(os.path.join(OUT, "record_100hz_up5_down4.npy"), signal.resample_poly(x[:6000].astype(np.float64), 5, 4))


if __name__ == "__main__":
    main()
