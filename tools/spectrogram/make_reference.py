#!/usr/bin/python3
"""Reference DiET spectrograms (METHOD.md section 1) made with scipy, for the C# parity tests.

Run with Debian's interpreter (numpy 1.24, scipy 1.10):
    /usr/bin/python3 tools/spectrogram/make_reference.py
Writes tests/Seismic.DietGrasp.Tests/TestData/Spectrogram/:
    input_<fs>hz.npy      float32 [M, 3, 60 fs] waveforms (the cases below, in order)
    reference_<fs>hz.npy  float32 [M, 73, 71, 3] spectrograms
    cases_<fs>hz.txt      one case name per line
    axes.txt              scipy's frequency (Hz, the 73 kept) and time (s, 71) axes at 100 Hz, one
                          line each, values as Python's repr (the tests compare them exactly)
The inputs are stored as float32 to keep the fixtures small; the reference is computed in float64
from exactly those float32 values, so the C# side (which widens float32 exactly) sees the same input.
"""
import os
import numpy as np
import scipy
import scipy.signal

R = 4.0  # DynamicRange, decades
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "Seismic.DietGrasp.Tests", "TestData", "Spectrogram")


def make_spec(x, fs):
    """x: [..., 3, 60 fs] float64 -> [..., 73, 71, 3] float64 in [0, 1]."""
    nperseg = int(round(4 * fs))
    noverlap = int(round(3.2 * fs))
    f, t, psd = scipy.signal.spectrogram(x, fs, window=('tukey', 0.25), nperseg=nperseg,
                                         noverlap=noverlap, nfft=nperseg, detrend='constant',
                                         return_onesided=True, scaling='density', mode='psd',
                                         axis=-1)
    keep = (f >= 2.0 - 1e-9) & (f <= 20.0 + 1e-9)
    assert keep.sum() == 73 and len(t) == 71, (keep.sum(), len(t))
    assert np.allclose(f[keep], 2.0 + 0.25 * np.arange(73)) and np.allclose(t, 2.0 + 0.8 * np.arange(71))
    psd = psd[..., keep, :]                       # [..., 3, 73, 71]
    level = np.log10(psd + 1e-30)
    lmax = level.max(axis=(-3, -2, -1), keepdims=True)
    spec = np.clip((level - (lmax - R)) / R, 0.0, 1.0)
    return np.moveaxis(spec, -3, -1)              # [..., 73, 71, 3]


def case(name, fs, rng):
    n = int(round(60 * fs))
    t = np.arange(n) / fs
    x = np.zeros((3, n))
    if name == "white_noise":
        x = rng.standard_normal((3, n)) * np.array([[1.0], [0.3], [3.0]])
    elif name == "sinusoids":
        for c, (f0, a) in enumerate([(3.0, 1.0), (7.3, 0.5), (15.25, 2.0)]):
            x[c] = a * np.sin(2 * np.pi * f0 * t + 0.3 * c) + 1e-3 * rng.standard_normal(n)
    elif name == "impulsive_onsets":
        for c, onset in enumerate([12.0, 30.5, 47.2]):
            after = t >= onset
            x[c] = 0.01 * rng.standard_normal(n)
            x[c, after] += (5.0 * np.exp(-(t[after] - onset) / 3.0)
                            * np.sin(2 * np.pi * (4.0 + 2 * c) * (t[after] - onset)))
            x[c, int(onset * fs)] += 20.0  # a spike
    elif name == "offsets":
        x = rng.standard_normal((3, n)) * 0.05 + np.array([[1000.0], [-250.0], [3.5]])
        x[1, n // 2:] += 40.0  # a step
    elif name == "trends":
        x = (rng.standard_normal((3, n)) * np.array([[0.2], [0.02], [1.0]])
             + np.array([[5.0], [-80.0], [0.5]]) * t / 60.0
             + np.array([[0.0], [0.0], [3.0]]) * np.sin(2 * np.pi * t / 60.0))
    else:
        raise ValueError(name)
    return x.astype(np.float32)


SETS = {
    100: ["white_noise", "sinusoids", "impulsive_onsets", "offsets", "trends"],
    200: ["white_noise", "impulsive_onsets", "trends"],
    50: ["white_noise", "sinusoids", "impulsive_onsets", "offsets", "trends"],
    # 4 fs = 165 = 3 x 5 x 11: an odd FFT length with a prime factor the FFT has no special butterfly for.
    41.25: ["white_noise", "sinusoids"],
    # 4 fs = 160 is even: the 20 Hz row is the Nyquist bin, which the one-sided PSD does not double.
    # White noise and the trends case put energy there; a kernel that doubled that bin passed every
    # other case (issue 19) and is off by log10(2) / 4 = 0.075 on this row.
    40: ["white_noise", "sinusoids", "trends"],
}


def axes(fs):
    nperseg = int(round(4 * fs))
    f, t, _ = scipy.signal.spectrogram(np.zeros(int(round(60 * fs))), fs, window=('tukey', 0.25), nperseg=nperseg,
                                       noverlap=int(round(3.2 * fs)), nfft=nperseg)
    return f[(f >= 2.0 - 1e-9) & (f <= 20.0 + 1e-9)], t


def main():
    os.makedirs(OUT, exist_ok=True)
    print("numpy", np.__version__, "scipy", scipy.__version__)
    f, t = axes(100)
    with open(os.path.join(OUT, "axes.txt"), "w") as out:
        out.write(" ".join(repr(float(v)) for v in f) + "\n" + " ".join(repr(float(v)) for v in t) + "\n")
    for fs, names in SETS.items():
        rng = np.random.default_rng(20260101 + int(fs * 100))
        waves = np.stack([case(name, fs, rng) for name in names])
        spec = make_spec(waves.astype(np.float64), fs).astype(np.float32)
        tag = ("%g" % fs).replace(".", "p")
        np.save(os.path.join(OUT, "input_%shz.npy" % tag), waves)
        np.save(os.path.join(OUT, "reference_%shz.npy" % tag), spec)
        with open(os.path.join(OUT, "cases_%shz.txt" % tag), "w") as f:
            f.write("\n".join(names) + "\n")
        print(fs, waves.shape, spec.shape, "zeros %.3f ones %d" % ((spec == 0).mean(), (spec == 1).sum()))


if __name__ == "__main__":
    main()
